package market_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/market"
)

// TestReorgWhileStoppedRestarts: the index is closed, a reorg replaces the
// blocks it last took (one held an offer) with a longer chain holding
// another offer, and the index is opened again. Its follower remembers
// nothing of the blocks it read before, so only the stored tip can tell:
// the first Sync finds the block at the cursor off the chain and starts
// the index over, which then lists the winning chain's offers — not the
// dropped one, and not without the new one (whose block is before the old
// cursor). A restart with no reorg keeps the index as it is.
func TestReorgWhileStoppedRestarts(t *testing.T) {
	w := newWorld(t)
	kept, later, dropped := w.dataset(ownerA), w.dataset(ownerA), w.dataset(ownerB)
	w.offer(ownerA, kept, 5, 1, "research only", common.Address{})
	fork := w.forkPoint(1)
	dir := filepath.Join(t.TempDir(), "market")
	ix := w.open(dir, 0)
	w.sync(ix)
	w.offer(ownerB, dropped, 9, 1, "anything goes", common.Address{})
	w.sync(ix)
	v := market.Query{Viewer: w.addr(brandC)}
	if got := ids(all(t, ix, v)); !slices.Equal(got, []uint64{kept, dropped}) {
		t.Fatalf("before the reorg the index lists %v, want [%d %d]", got, kept, dropped)
	}
	ix.Close()

	// A restart with no reorg: nothing is read again.
	ix = w.open(dir, 0)
	if n, err := ix.Sync(w.ctx); err != nil || n != 0 {
		t.Fatalf("a restart with no reorg read %d events (%v), want none", n, err)
	}
	if got := ids(all(t, ix, v)); !slices.Equal(got, []uint64{kept, dropped}) {
		t.Fatalf("after a restart with no reorg the index lists %v", got)
	}
	ix.Close()

	// While stopped: the chain forks at fork, and the winning branch holds
	// an offer of later in its first block, and is longer.
	if err := w.sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	w.sim.Rollback()
	c, err := acl.New(w.ctx, w.backend, w.registry, w.keys[ownerA], nil)
	if err != nil {
		t.Fatal(err)
	}
	w.clients[ownerA] = c
	w.offer(ownerA, later, 7, 1, "research only", common.Address{})
	for range 3 {
		w.sim.Commit()
	}

	ix = w.open(dir, 0)
	defer ix.Close()
	w.sync(ix)
	if got := ids(all(t, ix, v)); !slices.Equal(got, []uint64{kept, later}) {
		t.Fatalf("after a reorg while stopped the index lists %v, want [%d %d] (%d's offer was dropped)", got, kept, later, dropped)
	}
	if got := ids(w.fromChain(w.addr(brandC))); !slices.Equal(got, []uint64{kept, later}) {
		t.Fatalf("the chain lists %v: the test's fork did not happen as meant", got)
	}
}
