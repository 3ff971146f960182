package acl_test

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
)

// TestFollowerConfirmationsOutlastReorg is why chain.confirmations exists:
// an event is mined, and before it is depth blocks deep a reorg replaces
// its block with one that does not hold it. A follower holding back depth
// blocks never hands the vanished event over; one holding back nothing
// already has, and whatever it did about the event (a grant made, kfrags
// taken) stays done. Once the event is mined again on the chain that won,
// and is depth blocks deep, the careful follower hands it over.
func TestFollowerConfirmationsOutlastReorg(t *testing.T) {
	const depth = 3
	ctx := testCtx(t)
	e, sim := newSimulated(t)
	chain := sim.Client()

	owner, rc, err := acl.Deploy(ctx, e.backend, e.keys[kOwner], grantWindow, nil)
	if err != nil {
		t.Fatal(err)
	}
	newDataset(t, owner) // DatasetCreated: confirmed before the reorg, it stays
	for range depth {
		sim.Commit()
	}
	fork := head(t, e) // the reorg's common ancestor

	follower := func(confirmations uint64) *acl.Follower {
		f := acl.NewFollower(chain, owner.Address(), &acl.MemoryCursor{})
		f.Start = rc.BlockNumber.Uint64()
		f.Confirmations = confirmations
		return f
	}
	careful, eager := follower(depth), follower(0)
	var seenCareful, seenEager []acl.Event
	poll := func(f *acl.Follower, seen *[]acl.Event) {
		t.Helper()
		if _, err := f.Poll(ctx, func(_ context.Context, ev acl.Event) error {
			*seen = append(*seen, ev)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	names := func(evs []acl.Event) []string {
		var n []string
		for _, ev := range evs {
			n = append(n, ev.Name)
		}
		return n
	}

	// The brand's keys are mined in fork+1; until depth-1 blocks are on top
	// of it the careful follower holds the event back, however often it polls.
	ok(as(t, e, owner, kBrand, nil).RegisterKeys(ctx, pubkey(t), pubkey(t)))(t)
	for i := range depth {
		if i > 0 {
			sim.Commit()
		}
		poll(careful, &seenCareful)
		poll(eager, &seenEager)
		if got := names(seenCareful); !slices.Equal(got, []string{"DatasetCreated"}) {
			t.Fatalf("confirmations %d, head %d blocks past the event: delivered %v", depth, i, got)
		}
	}
	if got := names(seenEager); !slices.Equal(got, []string{"DatasetCreated", "KeysRegistered"}) {
		t.Fatalf("confirmations 0: delivered %v", got)
	}
	vanished := seenEager[1]
	if vanished.Block != fork.Number.Uint64()+1 {
		t.Fatalf("KeysRegistered in block %d, want %d", vanished.Block, fork.Number.Uint64()+1)
	}

	// The reorg: a competing chain from the ancestor, longer than the one
	// holding the event. A node puts the transactions of the blocks it drops
	// back into its pool; Rollback empties it, as when the sender replaces
	// the transaction on the competing chain, so the event is gone for good.
	if err := sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	sim.Rollback()
	for range depth + 2 {
		sim.Commit()
	}
	if h := head(t, e).Number.Uint64(); h < vanished.Block+depth {
		t.Fatalf("head %d: the competing chain is too short to test anything", h)
	}
	if _, err := chain.TransactionReceipt(ctx, vanished.Tx); !errors.Is(err, ethereum.NotFound) {
		t.Fatalf("the reorganised-away transaction's receipt: %v, want not found", err)
	}
	logs, err := chain.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: rc.BlockNumber, Addresses: []common.Address{owner.Address()}})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range logs {
		if l.TxHash == vanished.Tx {
			t.Fatalf("the chain still holds the reorganised-away event: %+v", l)
		}
	}
	poll(careful, &seenCareful)
	poll(eager, &seenEager)
	if got := names(seenCareful); !slices.Equal(got, []string{"DatasetCreated"}) {
		t.Fatalf("confirmations %d, after a reorg of the event's block: delivered %v", depth, got)
	}
	if got := names(seenEager); len(got) != 2 {
		t.Fatalf("confirmations 0, after the reorg: delivered %v", got)
	}

	// Mined again on the chain that won, the event reaches the careful
	// follower once it is depth blocks deep.
	rc2 := ok(as(t, e, owner, kBrand, nil).RegisterKeys(ctx, pubkey(t), pubkey(t)))(t)
	for range depth {
		poll(careful, &seenCareful)
		if got := names(seenCareful); len(got) != 1 {
			t.Fatalf("confirmations %d: delivered %v before the event was confirmed", depth, got)
		}
		sim.Commit()
	}
	poll(careful, &seenCareful)
	if got := names(seenCareful); !slices.Equal(got, []string{"DatasetCreated", "KeysRegistered"}) || seenCareful[1].Tx != rc2.TxHash {
		t.Fatalf("confirmations %d, the event mined again and confirmed: delivered %v", depth, got)
	}
}

// TestFollowerUndoesReorg: a reorg deeper than the follower's confirmations
// takes back a grant it delivered and puts another grant in a block it had
// already read past. A follower with Undo notices at its next poll: it hands
// the vanished grant to Undo and delivers the grant the winning chain holds,
// which a plain follower, whose cursor is past that block, never sees.
func TestFollowerUndoesReorg(t *testing.T) {
	ctx := testCtx(t)
	e, sim := newSimulated(t)
	chain := sim.Client()
	owner, rc, err := acl.Deploy(ctx, e.backend, e.keys[kOwner], grantWindow, nil)
	if err != nil {
		t.Fatal(err)
	}
	dataset := newDataset(t, owner)
	sim.Commit()
	fork := head(t, e)
	proxy := common.Address{0x01}
	grant := func(c *acl.Client, bundle byte) {
		t.Helper()
		ok(c.Grant(ctx, acl.Grant{Dataset: dataset, Grantee: common.Address{0xa1}, Expiry: time.Unix(int64(fork.Time)+3600, 0),
			Threshold: 1, Bundle: [32]byte{bundle}, Proxies: []common.Address{proxy}}))(t)
	}

	var delivered, undone, plain []byte
	careful := acl.NewFollower(chain, owner.Address(), &acl.MemoryCursor{})
	careful.Start, careful.Proxy = rc.BlockNumber.Uint64(), proxy
	careful.Undo = func(_ context.Context, ev acl.Event) error {
		g, _ := ev.Granted()
		undone = append(undone, g.Bundle[0])
		return nil
	}
	// naive keeps neither the blocks it read nor, in its cursor, the hash
	// of the last one (a Cursor that is not a BlockCursor).
	naive := acl.NewFollower(chain, owner.Address(), plainCursor{&acl.MemoryCursor{}})
	naive.Start, naive.Proxy = rc.BlockNumber.Uint64(), proxy
	poll := func() {
		t.Helper()
		if _, err := careful.Poll(ctx, func(_ context.Context, ev acl.Event) error {
			g, _ := ev.Granted()
			delivered = append(delivered, g.Bundle[0])
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := naive.Poll(ctx, func(_ context.Context, ev acl.Event) error {
			g, _ := ev.Granted()
			plain = append(plain, g.Bundle[0])
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}

	grant(owner, 0xaa) // block fork+1
	sim.Commit()
	sim.Commit()
	poll() // read up to fork+3
	if !slices.Equal(delivered, []byte{0xaa}) || len(undone) != 0 {
		t.Fatalf("before the reorg: delivered %x, undone %x", delivered, undone)
	}

	// The winning chain: from fork, grant 0xbb in fork+1, and longer.
	if err := sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	sim.Rollback()
	grant(as(t, e, owner, kOwner, nil), 0xbb)
	for range 4 {
		sim.Commit()
	}
	if h := head(t, e).Number.Uint64(); h <= fork.Number.Uint64()+3 {
		t.Fatalf("head %d: the winning chain is not longer", h)
	}
	poll()
	if !slices.Equal(undone, []byte{0xaa}) {
		t.Fatalf("after the reorg: undone %x, want aa", undone)
	}
	if !slices.Equal(delivered, []byte{0xaa, 0xbb}) {
		t.Fatalf("after the reorg: delivered %x, want aa then bb", delivered)
	}
	if !slices.Equal(plain, []byte{0xaa}) {
		t.Fatalf("a follower without Undo delivered %x: the test no longer shows what Undo adds", plain)
	}
	poll()
	if len(undone) != 1 || len(delivered) != 2 {
		t.Fatalf("a poll with no reorg: undone %x, delivered %x", undone, delivered)
	}
}

// plainCursor is a Cursor that keeps the next block alone.
type plainCursor struct{ c acl.Cursor }

func (p plainCursor) Load(ctx context.Context) (uint64, bool, error) { return p.c.Load(ctx) }
func (p plainCursor) Store(ctx context.Context, next uint64) error   { return p.c.Store(ctx, next) }

// noHashHeaders is a chain node that reads headers by number only (or has
// pruned the dropped blocks): a restarted follower cannot walk a dropped
// chain back on it.
type noHashHeaders struct {
	acl.LogSource
	h interface {
		HeaderByNumber(context.Context, *big.Int) (*types.Header, error)
	}
}

func (n noHashHeaders) HeaderByNumber(ctx context.Context, b *big.Int) (*types.Header, error) {
	return n.h.HeaderByNumber(ctx, b)
}

// TestFollowerResumeUndoesReorgWhileStopped: a follower reads a grant and
// stops (its memory of the blocks it read goes with it); while it is
// stopped a reorg drops the grant's block for a chain holding another
// grant. Restarted on the same cursor file (version 2: it keeps the hash
// of the last block handled), the follower notices the block is gone,
// walks back to the fork, hands Undo the dropped grant and delivers the
// winning chain's. On a node that cannot serve the dropped blocks it
// still reads the winning chain again (by the depth bound), with nothing
// to undo by.
func TestFollowerResumeUndoesReorgWhileStopped(t *testing.T) {
	ctx := testCtx(t)
	e, sim := newSimulated(t)
	chain := sim.Client()
	owner, rc, err := acl.Deploy(ctx, e.backend, e.keys[kOwner], grantWindow, nil)
	if err != nil {
		t.Fatal(err)
	}
	dataset := newDataset(t, owner)
	sim.Commit()
	fork := head(t, e)
	proxy := common.Address{0x01}
	grant := func(c *acl.Client, bundle byte) {
		t.Helper()
		ok(c.Grant(ctx, acl.Grant{Dataset: dataset, Grantee: common.Address{0xa1}, Expiry: time.Unix(int64(fork.Time)+3600, 0),
			Threshold: 1, Bundle: [32]byte{bundle}, Proxies: []common.Address{proxy}}))(t)
	}
	dir := t.TempDir()
	type run struct{ delivered, undone []byte }
	// start is a follower as a process starting on the cursor file at
	// path makes it: nothing in memory but the file.
	start := func(src acl.LogSource, path string, r *run) {
		t.Helper()
		f := acl.NewFollower(src, owner.Address(), &acl.FileCursor{Path: path, Registry: owner.Address()})
		f.Start, f.Proxy = rc.BlockNumber.Uint64(), proxy
		f.Undo = func(_ context.Context, ev acl.Event) error {
			g, _ := ev.Granted()
			r.undone = append(r.undone, g.Bundle[0])
			return nil
		}
		if _, err := f.Poll(ctx, func(_ context.Context, ev acl.Event) error {
			g, _ := ev.Granted()
			r.delivered = append(r.delivered, g.Bundle[0])
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	walked, bounded := filepath.Join(dir, "walked"), filepath.Join(dir, "bounded")
	var w, b run
	grant(owner, 0xaa) // block fork+1
	sim.Commit()
	sim.Commit()
	start(chain, walked, &w)
	start(noHashHeaders{chain, chain}, bounded, &b)
	if !slices.Equal(w.delivered, []byte{0xaa}) || !slices.Equal(b.delivered, []byte{0xaa}) {
		t.Fatalf("before the reorg: delivered %x and %x, want aa", w.delivered, b.delivered)
	}
	text, err := os.ReadFile(walked)
	if err != nil {
		t.Fatal(err)
	}
	pos, found, err := acl.ParseCursorPosition(text, owner.Address())
	if h, herr := chain.HeaderByNumber(ctx, new(big.Int).SetUint64(pos.Next-1)); err != nil || !found || herr != nil || h.Hash() != pos.Hash ||
		!strings.HasPrefix(string(text), "pdx-acl-cursor/2 ") {
		t.Fatalf("the cursor after a poll: %q (%+v, %v, %v): want version 2 with the hash of block next-1", text, pos, err, herr)
	}

	// While both are stopped: the winning chain, from fork, grant bb in
	// fork+1, and longer.
	if err := sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	sim.Rollback()
	grant(as(t, e, owner, kOwner, nil), 0xbb)
	for range 4 {
		sim.Commit()
	}
	w, b = run{}, run{}
	start(chain, walked, &w)
	start(noHashHeaders{chain, chain}, bounded, &b)
	if !slices.Equal(w.undone, []byte{0xaa}) || !slices.Equal(w.delivered, []byte{0xbb}) {
		t.Fatalf("restarted after the reorg: undone %x, delivered %x; want aa undone, bb delivered", w.undone, w.delivered)
	}
	if len(b.undone) != 0 || !slices.Equal(b.delivered, []byte{0xbb}) {
		t.Fatalf("restarted on a node without the dropped blocks: undone %x, delivered %x; want nothing undone, bb delivered", b.undone, b.delivered)
	}
	w = run{}
	start(chain, walked, &w)
	if len(w.undone) != 0 || len(w.delivered) != 0 {
		t.Fatalf("restarted again, no reorg: undone %x, delivered %x", w.undone, w.delivered)
	}
}

// TestFollowerUpgradesCursorV1: a cursor file of version 1 (no hash) is
// resumed from and rewritten as version 2 by the next batch.
func TestFollowerUpgradesCursorV1(t *testing.T) {
	ctx := testCtx(t)
	e, sim := newSimulated(t)
	owner, rc, err := acl.Deploy(ctx, e.backend, e.keys[kOwner], grantWindow, nil)
	if err != nil {
		t.Fatal(err)
	}
	newDataset(t, owner)
	path := filepath.Join(t.TempDir(), "cursor")
	if err := os.WriteFile(path, acl.FormatCursor(owner.Address(), rc.BlockNumber.Uint64()), 0o600); err != nil {
		t.Fatal(err)
	}
	f := acl.NewFollower(sim.Client(), owner.Address(), &acl.FileCursor{Path: path, Registry: owner.Address()})
	var names []string
	if _, err := f.Poll(ctx, func(_ context.Context, ev acl.Event) error {
		names = append(names, ev.Name)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, "DatasetCreated") {
		t.Fatalf("resumed from a version 1 cursor: delivered %v, want the DatasetCreated after it", names)
	}
	text, _ := os.ReadFile(path)
	tip := head(t, e)
	if want := acl.FormatCursorPosition(owner.Address(), acl.Position{Next: tip.Number.Uint64() + 1, Hash: tip.Hash()}); string(text) != string(want) {
		t.Fatalf("the cursor after a poll: %q, want %q", text, want)
	}
}
