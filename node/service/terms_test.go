package service

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/node/storage"
)

// TestOfferTermsArePublic: an offer's terms text is published on the
// owner's IPFS, so a brand that was never told it reads it (checked
// against the hash on chain) and buys under it without naming it; an
// explicit text is still checked.
func TestOfferTermsArePublic(t *testing.T) {
	w := newWorld(t)
	ds, _ := w.put([]byte("for sale"))
	const terms = "weekly basket study, aggregated only"
	price := big.NewInt(1000)
	if err := w.owner.Offer(w.ctx, ds, price, 24*time.Hour, terms); err != nil {
		t.Fatal(err)
	}
	got, err := w.brand.TermsText(w.ctx, TermsHash(terms), 10*time.Second)
	if err != nil || got != terms {
		t.Fatalf("brand reads the terms: %q, %v; want %q", got, err, terms)
	}
	if _, _, err := w.brand.BuyOffer(w.ctx, ds, "other terms"); !errors.Is(err, ErrTermsMismatch) {
		t.Fatalf("buy naming other terms: %v, want ErrTermsMismatch", err)
	}
	bought, text, err := w.brand.BuyOffer(w.ctx, ds, "")
	if err != nil || text != terms || bought.TermsHash != TermsHash(terms) {
		t.Fatalf("buy without terms: %+v %q %v", bought, text, err)
	}

	// The owner cannot publish what a brand could not show.
	for _, bad := range []string{"", "  ", strings.Repeat("x", MaxTerms+1), "bell\a", "\xff\xfe"} {
		if err := w.owner.Offer(w.ctx, ds, price, time.Hour, bad); !errors.Is(err, ErrBadTerms) {
			t.Errorf("offer with terms %q: %v, want ErrBadTerms", bad, err)
		}
	}
}

// TestHostileAndLegacyTerms: what a brand's node does with terms it
// cannot show as text — an offer recorded with the old keccak hash (no
// block answers it), a block that is not UTF-8, a block over MaxTerms —
// is an ErrTermsUnknown within the wait, never a hang or a dump; text with
// control characters is returned as it is (callers quote it).
func TestHostileAndLegacyTerms(t *testing.T) {
	w := newWorld(t)
	legacy := LegacyTermsHash("research")
	start := time.Now()
	if _, err := w.brand.TermsText(w.ctx, legacy, time.Second); !errors.Is(err, ErrTermsUnknown) {
		t.Fatalf("legacy hash: %v, want ErrTermsUnknown", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("legacy hash took %v, want about the 1s wait", d)
	}
	publish := func(b []byte) [32]byte {
		t.Helper()
		if _, err := w.ownerFS.Add(w.ctx, bytes.NewReader(b), storage.AddOptions{Name: "hostile"}); err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	binary := publish([]byte{0xff, 0x00, 0xfe, 0x1b, '[', '2', 'J'})
	if _, err := w.brand.TermsText(w.ctx, binary, 10*time.Second); !errors.Is(err, ErrTermsUnknown) || !strings.Contains(err.Error(), "not text") {
		t.Fatalf("binary terms: %v, want ErrTermsUnknown (not text)", err)
	}
	huge := publish(bytes.Repeat([]byte("a"), MaxTerms+1))
	if _, err := w.brand.TermsText(w.ctx, huge, 10*time.Second); !errors.Is(err, ErrTermsUnknown) || !strings.Contains(err.Error(), "over") {
		t.Fatalf("huge terms: %v, want ErrTermsUnknown (over the limit)", err)
	}
	ctl := "clear\x1b[2J screen"
	if got, err := w.brand.TermsText(w.ctx, publish([]byte(ctl)), 10*time.Second); err != nil || got != ctl {
		t.Fatalf("terms with control characters: %q, %v", got, err)
	}
}
