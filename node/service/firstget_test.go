package service

import (
	"bytes"
	"testing"
	"time"

	"github.com/pdx-network/pdx/node/internal/pdxtest"
	"github.com/pdx-network/pdx/reencrypt"
)

// TestFirstGetRightAfterGrant: a brand reads in the same instant the
// grant's block is mined, from proxies that poll the chain's events once
// an hour, so none of them has seen the grant: each looks it up on chain,
// fetches and opens its kfrag on demand, and the read succeeds at once.
func TestFirstGetRightAfterGrant(t *testing.T) {
	n := pdxtest.New(t, pdxtest.Config{Accounts: 8, Stores: 2, Proxies: 3, FirstProxy: 2, Poll: time.Hour})
	keys := n.Keys()
	w := &world{t: t, ctx: n.Ctx, net: n, chain: n.Chain, ownerFS: n.Stores[0]}
	w.owner = newServiceWith(t, w.ctx, n.Chain, keys[0], w.ownerFS, ProxySet{Threshold: 2, Addresses: n.Addresses()})
	w.brand = newService(t, w.ctx, n.Chain, keys[1], n.Stores[1])
	w.dsKey, _ = reencrypt.GenerateSecretKey()

	data := []byte("2026-12-01,Green Grocer,12.40\n")
	ds, c := w.put(data)
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "research", Threshold: 2}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	got, err := w.get(c)
	if err != nil {
		t.Fatalf("first get right after the grant: %v", err)
	}
	if !bytes.Equal(got, data) {
		t.Fatal("brand got other bytes")
	}
	// The brand's client retries "not seen yet" for about 3 seconds; the
	// read must not have needed that.
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("first get took %v: it waited for proxies to catch up", d)
	}
}
