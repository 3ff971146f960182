package market

import (
	"github.com/pdx-network/pdx/internal/kvstore"
)

// The index keeps the text of each terms hash once a reader has read it
// from IPFS (and checked it against the hash): a page of the market then
// shows its offers' terms without a read per offer, and the terms filter
// matches words of the texts without reading any.

// Text returns the terms text of hash when the index holds it.
func (ix *Index) Text(hash [32]byte) (string, bool, error) {
	v, ok, err := ix.st.Get(cat(pfxText, hash[:]))
	if err != nil || !ok {
		return "", false, err
	}
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
