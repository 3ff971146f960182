package market_test

import (
	"crypto/sha256"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
)

// TestVersionsFollowChain: the index holds every dataset's versions as
// the chain's CIDAdded events hold them, the latest last; a reorg that
// drops a version's block takes it back, and a dataset without versions
// has none.
func TestVersionsFollowChain(t *testing.T) {
	w := newWorld(t)
	ds, bare := w.dataset(ownerA), w.dataset(ownerB)
	add := func(cid string) {
		t.Helper()
		if _, _, err := w.clients[ownerA].AddCID(w.ctx, ds, []byte(cid), sha256.Sum256([]byte(cid))); err != nil {
			t.Fatal(err)
		}
	}
	add("\x01\x55first")
	add("\x01\x55second")
	fork := w.forkPoint(1)
	add("\x01\x55third")
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.clients[ownerA].RotateKey(w.ctx, ds, crypto.CompressPubkey(&k.PublicKey), []byte("\x01\x55manifest")); err != nil {
		t.Fatal(err)
	}
	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	defer ix.Close()
	w.sync(ix)

	chain, err := w.clients[brandC].CIDAdded(w.ctx, acl.Range{From: w.start}, acl.CIDAddedFilter{Dataset: &ds})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ix.Versions(ds)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(chain) != 3 {
		t.Fatalf("the index holds %d versions, the chain %d; want 3", len(got), len(chain))
	}
	for i, v := range got {
		c := chain[i]
		if v.Dataset != c.Dataset || v.Version != c.Version || v.Fingerprint != c.Fingerprint || string(v.CID) != string(c.CID) || v.Block != c.Block || uint(v.Index) != c.Index {
			t.Fatalf("version %d: index %+v, chain %+v", i, v, c)
		}
	}
	if v, ok, err := ix.LatestVersion(ds); err != nil || !ok || string(v.CID) != "\x01\x55third" || v.Version != 3 {
		t.Fatalf("latest version %+v, %v, %v; want the third", v, ok, err)
	}
	if vs, err := ix.VersionsOfCID(acl.CIDHash([]byte("\x01\x55second"))); err != nil || len(vs) != 1 || vs[0].Dataset != ds || vs[0].Version != 2 {
		t.Fatalf("the versions of the second CID: %+v, %v", vs, err)
	}
	if rs, err := ix.Rotations(ds); err != nil || len(rs) != 1 || rs[0].Epoch != 1 || string(rs[0].Rewrap) != "\x01\x55manifest" {
		t.Fatalf("rotations %+v, %v; want the one to epoch 1", rs, err)
	}
	if _, ok, err := ix.LatestVersion(bare); err != nil || ok {
		t.Fatalf("a dataset without versions has a latest one (%v, %v)", ok, err)
	}

	if err := w.sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	w.sim.Rollback()
	for range 3 {
		w.sim.Commit()
	}
	w.sync(ix)
	if v, ok, err := ix.LatestVersion(ds); err != nil || !ok || string(v.CID) != "\x01\x55second" {
		t.Fatalf("after a reorg dropped the third version the latest is %+v, %v, %v; want the second", v, ok, err)
	}
	if rs, err := ix.Rotations(ds); err != nil || len(rs) != 0 {
		t.Fatalf("after a reorg dropped it, the rotation is still held: %+v, %v", rs, err)
	}
	if vs, err := ix.VersionsOfCID(acl.CIDHash([]byte("\x01\x55third"))); err != nil || len(vs) != 0 {
		t.Fatalf("after a reorg dropped it, the third CID has versions %+v, %v", vs, err)
	}
}
