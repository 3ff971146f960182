package service

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
)

// TestOfferPolicyBoundOnBuy: an offer's usage policy is its terms: the
// chain records the document's SHA-256, a brand reads the document from
// IPFS, a buy naming another policy is refused with nothing paid, and a buy
// pins the policy on the brand's node before it pays.
func TestOfferPolicyBoundOnBuy(t *testing.T) {
	w := newWorld(t)
	ds, _ := w.put([]byte("for sale"))
	p, _ := policy.Preset("analytics-only")
	p.Reads = 3
	if err := w.owner.Offer(w.ctx, ds, big.NewInt(1000), 24*time.Hour, string(p.Bytes())); err != nil {
		t.Fatal(err)
	}
	o, err := w.owner.cfg.Chain.OfferOf(w.ctx, ds, p.Hash())
	if err != nil || o.TermsHash != p.Hash() {
		t.Fatalf("the offer records %x, want the policy's hash %x (%v)", o.TermsHash, p.Hash(), err)
	}
	other, _ := policy.Preset("no-resale")
	if _, _, err := w.brand.BuyOffer(w.ctx, ds, string(other.Bytes())); !errors.Is(err, ErrTermsMismatch) {
		t.Fatalf("buy under another policy: %v, want ErrTermsMismatch", err)
	}
	if _, err := w.brand.cfg.Chain.PurchaseOf(w.ctx, ds, w.brand.Address()); !errors.Is(err, acl.ErrNoEscrow) {
		t.Fatalf("a refused buy left a purchase: %v", err)
	}
	if pinned, _ := w.brand.cfg.Store.IsPinned(w.ctx, p.CID()); pinned {
		t.Fatal("the brand pins the policy before buying")
	}
	_, text, err := w.brand.BuyOffer(w.ctx, ds, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := TermsPolicy(text)
	if err != nil || got == nil || got.Hash() != p.Hash() {
		t.Fatalf("bought under %q (%v), want the offer's policy", text, err)
	}
	if pinned, err := w.brand.cfg.Store.IsPinned(w.ctx, p.CID()); err != nil || !pinned {
		t.Fatalf("the policy bought under is not pinned on the brand's node: %v %v", pinned, err)
	}
}

// TestMalformedPolicyNotBought: a hostile owner publishes, as an offer's
// terms, a block that claims to be a pdx policy and is not one; a brand
// refuses to buy under it and pays nothing (a plain text that does not
// claim the profile is still a legacy terms text).
func TestMalformedPolicyNotBought(t *testing.T) {
	w := newWorld(t)
	ds, _ := w.put([]byte("for sale"))
	bad := `{"profile":"` + policy.Profile + `","permission":[{"action":"sell everything"}]}`
	if err := w.owner.Offer(w.ctx, ds, big.NewInt(1000), 24*time.Hour, bad); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.brand.BuyOffer(w.ctx, ds, ""); !errors.Is(err, ErrBadPolicy) || !errors.Is(err, policy.ErrInvalid) {
		t.Fatalf("buy under a malformed policy: %v, want ErrBadPolicy", err)
	}
	if _, err := w.brand.cfg.Chain.PurchaseOf(w.ctx, ds, w.brand.Address()); !errors.Is(err, acl.ErrNoEscrow) {
		t.Fatalf("a refused buy left a purchase: %v", err)
	}
	if p, err := TermsPolicy("research, aggregated only"); p != nil || err != nil {
		t.Fatalf("a plain text is read as a policy: %v %v", p, err)
	}
}
