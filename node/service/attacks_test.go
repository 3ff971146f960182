package service

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt"
)

// Each test here is one row of THREAT-MODEL.md, written as the attack.

// TestAttackSquattedCID: a stranger registers the owner's CID under a
// dataset of its own, and even grants the brand that dataset so the brand's
// lookup finds the squatter's record. The brand's get still resolves the
// CID to the owner the envelope names and reads the owner's data; without a
// grant from the owner it is refused, never served the squatter's grant.
func TestAttackSquattedCID(t *testing.T) {
	w := newWorld(t)
	data := []byte("the owner's purchase history")
	ds, c := w.put(data)
	stranger := newService(t, w.ctx, w.chain, w.chain.Accounts()[5], w.ownerFS)
	sqKey, _ := reencrypt.GenerateSecretKey()
	sq, err := stranger.CreateDataset(w.ctx, sqKey)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := stranger.cfg.Chain.AddCID(w.ctx, sq, c.Bytes(), [32]byte{1}); err != nil {
		t.Fatalf("the squatter's registration: %v", err)
	}
	// The squatter grants the brand its dataset, through the same proxies.
	if _, err := stranger.Grant(w.ctx, GrantRequest{Dataset: sq, DatasetKey: sqKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "lure", Threshold: 2, Proxies: w.proxyAddrs()}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	// No grant from the owner yet: refused as such, not served the lure.
	if _, err := w.get(c); !errors.Is(err, ErrNoGrant) {
		t.Fatalf("get with only the squatter's grant: %v, want ErrNoGrant", err)
	}
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "analytics", Threshold: 2, Proxies: w.proxyAddrs()}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	var buf bytes.Buffer
	res, err := w.brand.Get(w.ctx, c, &buf)
	if err != nil || !bytes.Equal(buf.Bytes(), data) {
		t.Fatalf("get after the squat: %v", err)
	}
	if res.Dataset != ds || res.Owner != w.owner.Address() {
		t.Fatalf("resolved to dataset %d of %s, want %d of the owner", res.Dataset, res.Owner.Hex(), ds)
	}
	// And the owner's own registration was never blocked.
	if rec, err := w.brand.cfg.Chain.DatasetOfCID(w.ctx, w.owner.Address(), c.Bytes()); err != nil || rec.Dataset != ds {
		t.Fatalf("the owner's record: %+v, %v", rec, err)
	}
}

// TestAttackRevokedToldAtOnce: after a revoke, and after an erase that
// unpinned and collected the data, the brand is told why within a second,
// with the block, from the chain — not after waiting out an IPFS fetch of
// content nobody serves any more.
func TestAttackRevokedToldAtOnce(t *testing.T) {
	w := newWorld(t)
	w.brand.cfg.FetchTimeout = 20 * time.Second // long: a fetch would show
	ds, c := w.put([]byte("profile"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2, Proxies: w.proxyAddrs()}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if _, err := w.get(c); err != nil {
		t.Fatal(err)
	}
	block, err := w.owner.Revoke(w.ctx, ds, w.brand.Address())
	if err != nil {
		t.Fatal(err)
	}
	w.dropEverything(c)
	start := time.Now()
	_, err = w.get(c)
	var pe *proxy.Error
	if !errors.Is(err, proxy.ErrRevoked) || !errors.As(err, &pe) || pe.Block != block || time.Since(start) > time.Second {
		t.Fatalf("after revoke: %v after %v, want ErrRevoked at block %d within 1s", err, time.Since(start), block)
	}

	ds2, c2 := w.put([]byte("history"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds2, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2, Proxies: w.proxyAddrs()}); err != nil {
		t.Fatal(err)
	}
	if err := w.owner.Erase(w.ctx, ds2, []cid.Cid{c2}); err != nil {
		t.Fatal(err)
	}
	w.dropEverything(c2)
	start = time.Now()
	_, err = w.get(c2)
	if !errors.Is(err, proxy.ErrErased) || !errors.As(err, &pe) || pe.Block == 0 || time.Since(start) > time.Second {
		t.Fatalf("after erase: %v after %v, want ErrErased with its block within 1s", err, time.Since(start))
	}
	// An unknown CID is refused as unknown at once too.
	start = time.Now()
	if _, err := w.get(randomCID(t)); !errors.Is(err, ErrUnknownCID) || time.Since(start) > time.Second {
		t.Fatalf("unknown CID: %v after %v", err, time.Since(start))
	}
}

// dropEverything unpins c on the owner's node and collects garbage, so
// nobody serves it any more.
func (w *world) dropEverything(c cid.Cid) {
	w.t.Helper()
	_ = w.ownerFS.Unpin(w.ctx, c)
	if _, err := w.ownerFS.GC(w.ctx); err != nil {
		w.t.Fatal(err)
	}
}

func randomCID(t *testing.T) cid.Cid {
	t.Helper()
	h := acl.CIDHash([]byte(t.Name() + time.Now().String()))
	return cid.NewCidV1(cid.Raw, append([]byte{0x12, 0x20}, h[:]...))
}

// proxyAddrs are the world's proxies, the set the owner chose.
func (w *world) proxyAddrs() []common.Address {
	var out []common.Address
	for _, tp := range w.proxies {
		out = append(out, tp.p.Address())
	}
	return out
}
