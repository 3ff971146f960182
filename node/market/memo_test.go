package market_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/node/market"
)

// agrees fails unless every viewer's pages — the whole market, an owner's
// offers, and the offers made to it — are what the chain's state says,
// and the index's cursor is just past the chain's head. Each is asked for
// twice, so that the second answer comes from what the first left in
// memory (the viewer's private offers, the cursor).
func (w *world) agrees(ix *market.Index, stage string) {
	w.t.Helper()
	for _, viewer := range []int{ownerA, ownerB, brandC, brandD} {
		me := w.addr(viewer)
		chain := w.fromChain(me)
		for round := range 2 {
			got := all(w.t, ix, market.Query{Viewer: me, Limit: 2})
			if !slices.EqualFunc(got, chain, same) {
				w.t.Fatalf("%s, viewer %d, round %d: the index lists %v, the chain %v", stage, viewer, round, ids(got), ids(chain))
			}
			var ofA, toMe []market.Offer
			for _, o := range chain {
				if o.Owner == w.addr(ownerA) {
					ofA = append(ofA, o)
				}
				if o.Buyer == me {
					toMe = append(toMe, o)
				}
			}
			if got := all(w.t, ix, market.Query{Viewer: me, Owner: w.addr(ownerA), Limit: 1}); !slices.EqualFunc(got, ofA, same) {
				w.t.Fatalf("%s, viewer %d, round %d: owner A's offers %v, the chain's %v", stage, viewer, round, ids(got), ids(ofA))
			}
			if got := all(w.t, ix, market.Query{Viewer: me, ForMe: true}); !slices.EqualFunc(got, toMe, same) {
				w.t.Fatalf("%s, viewer %d, round %d: offers made to it %v, the chain's %v", stage, viewer, round, ids(got), ids(toMe))
			}
		}
	}
	head, err := w.backend.BlockNumber(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	if next, ok, err := ix.Next(); err != nil || !ok || next != head+1 {
		w.t.Fatalf("%s: the index's cursor is at %d (%v, %v), want %d", stage, next, ok, err, head+1)
	}
}

// TestMemoryFollowsChain: what the index keeps in memory rather than read
// from its store on every page (the viewers' private offers, the cursor,
// the terms texts it has not read) changes with the store: new private
// and public offers, a replaced offer, withdrawals, and a reorg that takes
// back a private offer listed before, all show on the next pages.
func TestMemoryFollowsChain(t *testing.T) {
	w := newWorld(t)
	a1, a2, b1 := w.dataset(ownerA), w.dataset(ownerA), w.dataset(ownerB)
	w.offer(ownerA, a1, 5, 1, "research only", w.addr(brandC))
	w.offer(ownerB, b1, 6, 1, "anything goes", common.Address{})
	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	w.sync(ix)
	w.agrees(ix, "first")

	// New offers: private ones to C (a second terms hash of a1) and to D,
	// a public one; and b1's replaced by a private one to C.
	w.offer(ownerA, a1, 8, 2, "anything goes", w.addr(brandC))
	w.offer(ownerA, a2, 7, 1, "analytics only, no resale", w.addr(brandD))
	w.offer(ownerB, b1, 9, 3, "research only", common.Address{})
	w.offer(ownerB, b1, 4, 3, "anything goes", w.addr(brandC))
	w.sync(ix)
	w.agrees(ix, "new offers")

	// Withdrawals of private offers, made by A and by B.
	w.withdrawAll(ownerA, a2)
	if _, err := w.clients[ownerA].WithdrawOffer(w.ctx, a1, terms("research only")); err != nil {
		t.Fatal(err)
	}
	if _, err := w.clients[ownerB].WithdrawOffer(w.ctx, b1, terms("anything goes")); err != nil {
		t.Fatal(err)
	}
	w.sync(ix)
	w.agrees(ix, "withdrawals")

	// A reorg takes back a private offer to D, a withdrawal of A's offer to
	// C, and a new public offer, all listed before it.
	fork := w.forkPoint(2)
	w.offer(ownerA, a2, 3, 1, "research only", w.addr(brandD))
	if _, err := w.clients[ownerA].WithdrawOffer(w.ctx, a1, terms("anything goes")); err != nil {
		t.Fatal(err)
	}
	w.offer(ownerB, b1, 2, 1, "analytics only, no resale", common.Address{})
	w.sync(ix)
	w.agrees(ix, "before the reorg")
	if err := w.sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	w.sim.Rollback()
	for range 6 {
		w.sim.Commit()
	}
	w.sync(ix)
	w.agrees(ix, "after the reorg")
	if got := all(t, ix, market.Query{Viewer: w.addr(brandD), ForMe: true}); len(got) != 0 {
		t.Fatalf("after the reorg, D is offered %v: the test's fork did not take back its offer", ids(got))
	}
	if got := all(t, ix, market.Query{Viewer: w.addr(brandC), ForMe: true}); !slices.Equal(ids(got), []uint64{a1}) {
		t.Fatalf("after the reorg, C is offered %v, want [%d] (the withdrawal was taken back)", ids(got), a1)
	}
}

// TestMemoryAfterRestartOver: pages asked for before the first sync of a
// process keep what the store held; when that sync finds the chain
// reorganised while the index was stopped and starts the store over, the
// pages that follow forget it too (the private offer of a dropped block
// is gone, the cursor is the new one).
func TestMemoryAfterRestartOver(t *testing.T) {
	w := newWorld(t)
	a1 := w.dataset(ownerA)
	fork := w.forkPoint(1)
	dir := filepath.Join(t.TempDir(), "market")
	ix := w.open(dir, 0)
	w.sync(ix)
	w.offer(ownerA, a1, 5, 1, "research only", w.addr(brandC))
	w.sync(ix)
	w.agrees(ix, "before the reorg")
	ix.Close()

	if err := w.sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	w.sim.Rollback()
	for range 4 {
		w.sim.Commit()
	}
	ix = w.open(dir, 0)
	// Before the first sync: the store's view, now kept in memory (the
	// whole market's page merges in C's private offers).
	if got := all(t, ix, market.Query{Viewer: w.addr(brandC)}); !slices.Equal(ids(got), []uint64{a1}) {
		t.Fatalf("before its first sync the reopened index lists %v for C, want its stored [%d]", ids(got), a1)
	}
	if _, ok, err := ix.Next(); err != nil || !ok {
		t.Fatalf("the reopened index has no cursor (%v)", err)
	}
	w.sync(ix)
	w.agrees(ix, "after the restart over")
	if got := all(t, ix, market.Query{Viewer: w.addr(brandC), ForMe: true}); len(got) != 0 {
		t.Fatalf("after the restart over, C is offered %v", ids(got))
	}
}

// TestTextMissThenRead: a terms text the index does not hold is looked up
// in the store once; once SetTexts stores it, it is there.
func TestTextMissThenRead(t *testing.T) {
	w := newWorld(t)
	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	h := terms("research only")
	for range 2 {
		if _, ok, err := ix.Text(h); err != nil || ok {
			t.Fatalf("a text never stored: found %v (%v)", ok, err)
		}
	}
	if err := ix.SetTexts(map[[32]byte]string{h: "research only"}); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := ix.Text(h); err != nil || !ok || got != "research only" {
		t.Fatalf("after SetTexts: %q, %v (%v)", got, ok, err)
	}
}
