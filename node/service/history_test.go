package service

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/pdx-network/pdx/node/chainindex"
)

// TestIndexedListingsMatchTheChain: the owner's and the brand's listings
// read through their homes' chain-event indexes give what the chain scans
// give — fresh, after a restart with new grants in between, and after the
// index was deleted — and right after a grant the listing shows it.
func TestIndexedListingsMatchTheChain(t *testing.T) {
	w := newWorld(t)
	ds, _ := w.put([]byte("version one"))
	grant := func(ds uint64) {
		t.Helper()
		if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
			Expiry: time.Now().Add(24 * time.Hour), Purpose: "analytics", Threshold: 2}); err != nil {
			t.Fatal(err)
		}
	}
	grant(ds)
	if _, err := w.owner.Revoke(w.ctx, ds, w.brand.Address()); err != nil {
		t.Fatal(err)
	}
	grant(ds)
	sold, _ := w.put([]byte("sold"))
	const terms = "research"
	if err := w.owner.Offer(w.ctx, sold, big.NewInt(1000), time.Hour, terms); err != nil {
		t.Fatal(err)
	}
	if _, err := w.brand.Buy(w.ctx, sold, terms); err != nil {
		t.Fatal(err)
	}
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: sold, DatasetKey: w.dsKey, Grantee: w.brand.Address(), Purchase: true, Purpose: terms}); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	indexed := func(s *Service, name string) (*Service, *chainindex.Index) {
		t.Helper()
		ix, err := chainindex.Open(w.ctx, chainindex.Config{Path: filepath.Join(dir, name), Chain: s.cfg.Chain,
			Headers: w.chain.Client(), Start: w.chain.DeployBlock(), Interval: 20 * time.Millisecond, Wait: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		twin := *s
		twin.cfg.History = ix
		return &twin, ix
	}
	check := func(stage string) {
		t.Helper()
		owner, oix := indexed(w.owner, "owner")
		brand, bix := indexed(w.brand, "brand")
		defer oix.Close()
		defer bix.Close()
		// No Run: the first query's wait runs out and the chain answers
		// what the index lacks; after Sync the index answers.
		for _, synced := range []bool{false, true} {
			if synced {
				if err := oix.Sync(w.ctx); err != nil {
					t.Fatal(err)
				}
				if err := bix.Sync(w.ctx); err != nil {
					t.Fatal(err)
				}
			}
			same := func(what string, got, want any, gerr, werr error) {
				t.Helper()
				if gerr != nil || werr != nil {
					t.Fatalf("%s: %s: %v / %v", stage, what, gerr, werr)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s (synced %v): %s:\nindexed %+v\nchain   %+v", stage, synced, what, got, want)
				}
			}
			g1, e1 := owner.DatasetGrants(w.ctx, ds)
			g2, e2 := w.owner.DatasetGrants(w.ctx, ds)
			same("grants of the dataset", g1, g2, e1, e2)
			if len(g2) < 2 {
				t.Fatalf("the chain lists %d grants; the test checks little", len(g2))
			}
			v1, e1 := owner.Versions(w.ctx, ds)
			v2, e2 := w.owner.Versions(w.ctx, ds)
			same("versions", v1, v2, e1, e2)
			s1, e1 := owner.vestingSales(w.ctx)
			s2, e2 := w.owner.vestingSales(w.ctx)
			same("sales", s1, s2, e1, e2)
			p1, e1 := brand.Purchases(w.ctx)
			p2, e2 := w.brand.Purchases(w.ctx)
			same("purchases", p1, p2, e1, e2)
			if len(p2) != 1 || p2[0].State != PurchaseGranted {
				t.Fatalf("the brand's purchases %+v", p2)
			}
			r1, e1 := brand.ReceivedGrants(w.ctx)
			r2, e2 := w.brand.ReceivedGrants(w.ctx)
			same("received grants", r1, r2, e1, e2)
		}
		// Read your writes: a grant just mined is listed at once (Run
		// polls when a query waits).
		ctx, cancel := context.WithCancel(w.ctx)
		done := make(chan struct{})
		go func() { oix.Run(ctx); close(done) }()
		defer func() { cancel(); <-done }()
		before, _ := owner.DatasetGrants(w.ctx, ds)
		grant(ds)
		after, err := owner.DatasetGrants(w.ctx, ds)
		if err != nil || len(after) != len(before)+1 {
			t.Fatalf("%s: right after a grant the listing has %d grants (%v), had %d", stage, len(after), err, len(before))
		}
	}
	check("fresh")
	check("restarted")
	if err := os.RemoveAll(filepath.Join(dir, "owner")); err != nil {
		t.Fatal(err)
	}
	check("deleted")
}
