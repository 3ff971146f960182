package market

import (
	"math/big"
	"testing"
)

// TestOpenOffersBounded: a hostile owner opens more offers on one dataset
// than the index lists; the index keeps the newest MaxOpenPerDataset, one
// per terms hash, withdrawn ones and all after an erasure closed.
func TestOpenOffersBounded(t *testing.T) {
	var h []entry
	n := MaxOpenPerDataset + 44
	for i := range n {
		var th [32]byte
		th[0], th[1] = byte(i>>8), byte(i)
		h = append(h, entry{block: uint64(i + 1), kind: entryOffered, offer: Offer{Dataset: 7, TermsHash: th, Price: big.NewInt(int64(i))}})
	}
	open := openOffers(h)
	if len(open) != MaxOpenPerDataset {
		t.Fatalf("%d offers listed, want %d", len(open), MaxOpenPerDataset)
	}
	if first := open[0].Price.Int64(); first != int64(n-MaxOpenPerDataset) {
		t.Fatalf("the oldest listed is offer %d, want %d (the newest kept)", first, n-MaxOpenPerDataset)
	}
	// Re-offering terms 0 makes it the newest; withdrawing terms n-1 closes it.
	h = append(h, entry{block: uint64(n + 1), kind: entryOffered, offer: Offer{Dataset: 7, TermsHash: h[0].offer.TermsHash, Price: big.NewInt(-1)}})
	h = append(h, entry{block: uint64(n + 2), kind: entryWithdrawn, offer: Offer{Dataset: 7, TermsHash: h[n-1].offer.TermsHash}})
	open = openOffers(h)
	if len(open) != MaxOpenPerDataset || open[len(open)-1].Price.Int64() != -1 {
		t.Fatalf("after a re-offer: %d listed, newest %v", len(open), open[len(open)-1].Price)
	}
	for _, o := range open {
		if o.TermsHash == h[n-1].offer.TermsHash {
			t.Fatal("a withdrawn offer is listed")
		}
	}
	h = append(h, entry{block: uint64(n + 3), kind: entryErased})
	if open := openOffers(h); len(open) != 0 {
		t.Fatalf("%d offers listed after the erasure", len(open))
	}
}
