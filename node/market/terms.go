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
type textCache struct {
	mu sync.Mutex
	m  map[[32]byte]string
}

// textCacheMax bounds the texts kept in memory; past it the cache starts
// over (a hostile market of many texts costs store reads, not memory).
const textCacheMax = 4096

func (c *textCache) get(h [32]byte) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.m[h]
	return t, ok
}

func (c *textCache) put(h [32]byte, t string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= textCacheMax {
		c.m = map[[32]byte]string{}
	}
	c.m[h] = t
}

// Text returns the terms text of hash when the index holds it.
func (ix *Index) Text(hash [32]byte) (string, bool, error) {
	if t, ok := ix.texts.get(hash); ok {
		return t, true, nil
	}
	v, ok, err := ix.st.Get(cat(pfxText, hash[:]))
	if err != nil || !ok {
		return "", false, err
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
