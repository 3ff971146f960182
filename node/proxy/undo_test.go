package proxy

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// TestUndoForgetsAGrantAReorgTookBack: a reorg deeper than the
// confirmations removes the block of a grant the proxy took; the follower
// hands the event back (acl.Follower.Undo) and the proxy forgets that grant,
// record and kfrag. An undo of an older grant of the pair than the one
// recorded changes nothing, and a revocation stays (failing closed).
func TestUndoForgetsAGrantAReorgTookBack(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	purpose := common.HexToHash("0x01")
	digest := w.sealGrant(purpose, []bundle.Recipient{recipient(p)})
	w.grantBlock = 9
	w.grant(p, purpose, digest) // block 10
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
		t.Fatalf("the live grant: %v", err)
	}
	event := func(block uint64, bundleDigest common.Hash) acl.Event {
		word := new(big.Int).Lsh(new(big.Int).SetUint64(w.dataset), 96)
		word.Or(word, new(big.Int).Lsh(big.NewInt(1), 64))
		return acl.Event{Name: "GrantedVia", Block: block, Value: &bindings.RegistryGrantedVia{
			Proxy: p.Address(), Grantee: w.granteeAddr(), Grant: word, PurposeHash: purpose, Bundle: bundleDigest,
		}}
	}
	// Another grant of the pair (block 8, or another bundle) is not the one kept.
	for _, ev := range []acl.Event{event(8, digest), event(10, common.Hash{0x99})} {
		if err := p.UndoEvent(w.ctx, ev); err != nil {
			t.Fatal(err)
		}
		if g, err := p.store.grant(w.dataset, w.granteeAddr()); err != nil || g == nil || g.GrantedAt != 10 {
			t.Fatalf("after undoing a grant that is not the one kept (block %d): %+v, %v", ev.Block, g, err)
		}
	}
	if err := p.UndoEvent(w.ctx, event(10, digest)); err != nil {
		t.Fatal(err)
	}
	if g, err := p.store.grant(w.dataset, w.granteeAddr()); err != nil || g != nil {
		t.Fatalf("after the reorg took the grant back: %+v, %v; want no record", g, err)
	}
	p.mu.Lock()
	kf := p.kfrags[pairKey{w.dataset, w.granteeAddr()}]
	p.mu.Unlock()
	if kf != nil {
		t.Fatal("the kfrag of the grant a reorg took back is still in memory")
	}

	// A revocation a reorg takes back leaves the grant ended.
	w.grant(p, purpose, digest)
	if err := p.OnRevoked(w.dataset, w.granteeAddr(), w.grantBlock+1); err != nil {
		t.Fatal(err)
	}
	if err := p.UndoEvent(w.ctx, acl.Event{Name: "Revoked", Block: w.grantBlock + 1, Value: &bindings.RegistryRevoked{Dataset: w.dataset, Grantee: w.granteeAddr()}}); err != nil {
		t.Fatal(err)
	}
	if g, err := p.store.grant(w.dataset, w.granteeAddr()); err != nil || g == nil || g.Ended != "revoked" {
		t.Fatalf("after a reorg took a revocation back: %+v, %v; want it still revoked", g, err)
	}
}
