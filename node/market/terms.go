package market

import (
	"sync"

	"github.com/pdx-network/pdx/internal/kvstore"
)

// The index keeps the text of each terms hash once a reader has read it
// from IPFS (and checked it against the hash): a page of the market then
// shows its offers' terms without a read per offer, and the terms filter
// matches words of the texts without reading any.

// textCache keeps the terms texts the index has read from its store in
// memory. A text is named by its hash and never changes, so nothing goes
// stale; and the distinct texts are far fewer than the offers. Every page
// shows its offers' texts: from memory, a page costs no store read per
// text, and a store read costs more as the store grows (it walks the
// tables of every level a key may be in).
//
// It also keeps which hashes the store had no text of when asked: a text
// no node serves stays unread, and each page of its offers would read the
// store for it again. Only SetTexts stores a text, and it puts the text
// here after its write; gen, which it moves on, keeps a lookup that read
// the store before that write from noting the text as missing.
type textCache struct {
	mu      sync.Mutex
	m       map[[32]byte]string
	missing map[[32]byte]bool
	gen     uint64
}

// textCacheMax bounds the texts kept in memory; past it the cache starts
// over (a hostile market of many texts costs store reads, not memory).
const textCacheMax = 4096

// get says what is known of h: its text (ok), or that the store holds
// none (known, not ok); gen is the generation to note a miss under.
func (c *textCache) get(h [32]byte) (t string, ok, known bool, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.m[h]; ok {
		return t, true, true, c.gen
	}
	return "", false, c.missing[h], c.gen
}

func (c *textCache) put(h [32]byte, t string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= textCacheMax {
		c.m = map[[32]byte]string{}
	}
	c.m[h] = t
	delete(c.missing, h)
	c.gen++
}

// noteMissing keeps that the store held no text of h when read under gen.
func (c *textCache) noteMissing(h [32]byte, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.missing == nil || len(c.missing) >= textCacheMax {
		c.missing = map[[32]byte]bool{}
	}
	c.missing[h] = true
}

// forgetMissing drops the misses kept (the store was emptied; the texts
// kept stay true: a text is named by its hash).
func (c *textCache) forgetMissing() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.missing = nil
	c.gen++
}

// Text returns the terms text of hash when the index holds it.
func (ix *Index) Text(hash [32]byte) (string, bool, error) {
	t, ok, known, gen := ix.texts.get(hash)
	if known {
		return t, ok, nil
	}
	v, ok, err := ix.st.Get(cat(pfxText, hash[:]))
	if err != nil {
		return "", false, err
	}
	if !ok {
		ix.texts.noteMissing(hash, gen)
		return "", false, nil
	}
	ix.texts.put(hash, string(v))
	return string(v), true, nil
}

// SetTexts records terms texts read from IPFS, by their hash; the caller
// has checked each against its hash.
// The descriptions the texts carry are indexed in the same write
// (describe.go).
func (ix *Index) SetTexts(texts map[[32]byte]string) error {
	var derr error
	err := ix.st.Write(func(b *kvstore.Batch) {
		for h, t := range texts {
			b.Put(cat(pfxText, h[:]), []byte(t))
			b.Delete(cat(pfxPending, h[:]))
		}
		derr = ix.indexDescriptions(b, texts)
	})
	if err == nil {
		// The texts are in the store: keep them in memory too.
		for h, t := range texts {
			ix.texts.put(h, t)
		}
		err = derr
	}
	return err
}

// PendingTexts lists, in hash order after the hash after (nil: from the
// first), up to n terms hashes of indexed offers whose text the index does
// not hold yet, so that a reader can fetch them in the background.
func (ix *Index) PendingTexts(after *[32]byte, n int) ([][32]byte, error) {
	var out [][32]byte
	var from []byte
	if after != nil {
		from = append(cat(pfxPending, after[:]), 0)
	}
	err := ix.st.Scan(pfxPending, from, func(k, _ []byte) (bool, error) {
		var h [32]byte
		copy(h[:], k[len(pfxPending):])
		out = append(out, h)
		return len(out) < n, nil
	})
	return out, err
}
