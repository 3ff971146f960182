// Package chainindex keeps the Registry events one home needs (its own
// datasets' events, and those naming its account as owner, grantee or
// buyer) in an embedded store, so the home's listings cost what they
// return rather than the chain's whole history.
//
// The store is fed by an acl.Follower whose topic filters ask the chain
// for this home's events alone (SPEC.md says which, and the keys). The
// follower's cursor lives in the store and is written in the same atomic
// batch as the events of the blocks it covers, so a crash leaves the index
// and its cursor agreeing, and the next start resumes there. A store that
// is missing, damaged, of another schema, of another Registry or account,
// or whose last block is no longer on the chain is rebuilt from the chain.
//
// Queries (Granted, Revoked, …) take the same filters as acl.Client's and
// return the same values in the same order: the index answers the blocks
// it holds, and the chain the few newer ones it has not taken yet, so a
// listing right after a transaction shows it. A filter the index cannot
// answer (another account's dataset) is passed to the chain as it is.
package chainindex

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/kvstore"
)

// Schema names the store's layout (SPEC.md); a store of another schema is
// rebuilt.
const Schema = "pdx/home-events/2"

// Headers reads block headers: the index checks at start that the last
// block it took is still on the chain, and its follower notices reorgs.
type Headers interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Config wires an Index.
type Config struct {
	// Path is the store's directory.
	Path string
	// Chain is the home's Registry client: its account (From) is whose
	// events are indexed, and it answers what the index cannot.
	Chain *acl.Client
	// Headers is the node Chain talks to (ethclient, the simulated backend).
	Headers Headers
	// Start is the first block read into an empty store (the Registry's
	// deploy block).
	Start uint64
	// Confirmations holds back the newest blocks (chain.confirmations):
	// they are answered from the chain until they are that deep.
	Confirmations uint64
	// Interval is the pause between polls that found nothing (default 1s).
	Interval time.Duration
	// Wait bounds how long a query waits for the index to take the blocks
	// up to the head it saw (default 5s); the chain answers the rest.
	Wait   time.Duration
	Logger *slog.Logger
}

// Index is one home's chain-event index. Its queries are safe for
// concurrent use; Run (or Sync) feeds it.
type Index struct {
	cfg   Config
	db    *kvstore.Store
	me    common.Address
	reg   *bindings.Registry
	f     *acl.Follower
	log   *slog.Logger
	start uint64

	// pollMu serializes the follower (Run, Sync).
	pollMu sync.Mutex
	// pending collects a window's writes until the follower stores the
	// cursor past it (Store), which writes them in one batch.
	pending     []func(*kvstore.Batch)
	pendingMine []uint64

	mu      sync.Mutex
	next    uint64 // the cursor: blocks before it are in the store
	has     bool   // a cursor was stored
	mine    map[uint64]bool
	changed chan struct{} // closed and replaced when next moves
	kick    chan struct{}

	// scanned counts the entries queries read from the store (tests).
	scanned atomic.Uint64
}

// Open opens the index at cfg.Path, rebuilding it (from cfg.Start, as Run
// catches up) when it is missing, damaged, of another schema, Registry or
// account, or when its last block is no longer on the chain.
func Open(ctx context.Context, cfg Config) (*Index, error) {
	if cfg.Chain == nil || cfg.Headers == nil || cfg.Path == "" {
		return nil, errors.New("chainindex: Path, Chain and Headers are required")
	}
	if cfg.Interval <= 0 {
		cfg.Interval = time.Second
	}
	if cfg.Wait <= 0 {
		cfg.Wait = 5 * time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ix := &Index{cfg: cfg, me: cfg.Chain.From(), reg: bindings.NewRegistry(), log: log, start: cfg.Start,
		mine: map[uint64]bool{}, changed: make(chan struct{}), kick: make(chan struct{}, 1)}
	db, rebuilt, err := kvstore.OpenOrReset(cfg.Path, Schema)
	if fi, serr := os.Stat(cfg.Path); err != nil && serr == nil && !fi.IsDir() {
		// A file where the store's directory belongs: derived data, so
		// start it over rather than refuse to start the daemon. (Other
		// errors, such as the lock of another daemon on this home, are
		// returned: that store is in use, not damaged.)
		log.Warn("the chain-event index is not a store; rebuilding it from the chain", "path", cfg.Path, "err", err)
		if db, err = resetOpen(cfg.Path); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, fmt.Errorf("chainindex: opening %s: %w", cfg.Path, err)
	}
	if rebuilt {
		log.Warn("the chain-event index was damaged or of another version; rebuilding it from the chain", "path", cfg.Path)
	}
	ix.db = db
	if why, err := ix.load(ctx); err != nil {
		db.Close()
		return nil, err
	} else if why != "" {
		log.Warn("rebuilding the chain-event index from the chain", "why", why, "path", cfg.Path)
		db.Close()
		if ix.db, err = resetOpen(cfg.Path); err != nil {
			return nil, err
		}
		ix.next, ix.has, ix.mine = 0, false, map[uint64]bool{}
	}
	if !ix.has {
		log.Info("building the chain-event index from the chain", "from", cfg.Start, "path", cfg.Path)
	}
	ix.f = cfg.Chain.Follower(ix)
	ix.f.Start = cfg.Start
	ix.f.Confirmations = cfg.Confirmations
	ix.f.Interval = cfg.Interval
	ix.f.Topics = ix.topics
	ix.f.Undo = ix.undo
	return ix, nil
}

func resetOpen(path string) (*kvstore.Store, error) {
	if err := kvstore.Reset(path); err != nil {
		return nil, fmt.Errorf("chainindex: resetting %s: %w", path, err)
	}
	db, err := kvstore.Open(path, Schema)
	if err != nil {
		return nil, fmt.Errorf("chainindex: opening %s: %w", path, err)
	}
	return db, nil
}

// load reads the cursor and this home's datasets; why is not empty when
// the store cannot be kept (and must be rebuilt).
func (ix *Index) load(ctx context.Context) (why string, err error) {
	v, ok, err := ix.db.Get(keyCursor)
	if err != nil {
		return "", fmt.Errorf("chainindex: reading the cursor: %w", err)
	}
	if !ok {
		return "", nil
	}
	c, err := parseCursor(v)
	if err != nil {
		return err.Error(), nil
	}
	if c.registry != ix.cfg.Chain.Address() || c.account != ix.me {
		return fmt.Sprintf("it indexes Registry %s for %s, not Registry %s for %s", c.registry.Hex(), c.account.Hex(), ix.cfg.Chain.Address().Hex(), ix.me.Hex()), nil
	}
	if c.next > ix.start {
		h, err := ix.cfg.Headers.HeaderByNumber(ctx, new(big.Int).SetUint64(c.next-1))
		if err != nil || h.Hash() != c.hash {
			// A chain started over, or a reorg while the daemon was down.
			return fmt.Sprintf("block %d it last took is no longer on the chain", c.next-1), nil
		}
	}
	ix.next, ix.has = c.next, true
	err = ix.db.Scan(prefixMine, nil, func(k, _ []byte) (bool, error) {
		if len(k) != len(prefixMine)+8 {
			return false, fmt.Errorf("chainindex: bad dataset key %x", k)
		}
		ix.mine[binary.BigEndian.Uint64(k[len(prefixMine):])] = true
		return true, nil
	})
	if err != nil {
		return "", err
	}
	return "", nil
}

// Close closes the store (after Run has returned).
func (ix *Index) Close() error { return ix.db.Close() }

// Next is the first block the index does not hold yet.
func (ix *Index) Next() uint64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.has {
		return ix.start
	}
	return ix.next
}

// Run feeds the index until ctx ends: it polls the chain every Interval,
// or at once when a query is waiting. A failing poll is logged once and
// tried again.
func (ix *Index) Run(ctx context.Context) {
	failing := false
	for {
		err := ix.Sync(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil && !failing {
			ix.log.Warn("updating the chain-event index failed; retrying", "err", err)
		} else if err == nil && failing {
			ix.log.Info("updating the chain-event index again")
		}
		failing = err != nil
		select {
		case <-ctx.Done():
			return
		case <-ix.kick:
		case <-time.After(ix.cfg.Interval):
		}
	}
}

// Sync takes every confirmed block up to the head into the index.
func (ix *Index) Sync(ctx context.Context) error {
	ix.pollMu.Lock()
	defer ix.pollMu.Unlock()
	ix.pending, ix.pendingMine = nil, nil // what a failed poll left
	_, err := ix.f.Poll(ctx, ix.handle)
	return err
}

// Load implements acl.Cursor for the follower.
func (ix *Index) Load(context.Context) (uint64, bool, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.next, ix.has, nil
}

// Store implements acl.Cursor: it writes the window's events and the
// cursor past them in one batch.
func (ix *Index) Store(ctx context.Context, next uint64) error {
	c := cursor{registry: ix.cfg.Chain.Address(), account: ix.me, next: next}
	if next > ix.start {
		h, err := ix.cfg.Headers.HeaderByNumber(ctx, new(big.Int).SetUint64(next-1))
		if err != nil {
			return fmt.Errorf("chainindex: reading the header of block %d: %w", next-1, err)
		}
		c.hash = h.Hash()
	}
	pending := ix.pending
	if err := ix.db.Write(func(b *kvstore.Batch) {
		for _, w := range pending {
			w(b)
		}
		b.Put(keyCursor, c.bytes())
	}); err != nil {
		return fmt.Errorf("chainindex: writing block %d: %w", next-1, err)
	}
	ix.pending = nil
	ix.mu.Lock()
	for _, d := range ix.pendingMine {
		ix.mine[d] = true
	}
	ix.pendingMine = nil
	ix.next, ix.has = next, true
	close(ix.changed)
	ix.changed = make(chan struct{})
	ix.mu.Unlock()
	return nil
}

// isMine says whether dataset is this home's, as far as the index knows
// (datasets created in a pending window included).
func (ix *Index) isMine(dataset uint64) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.mine[dataset]
}

// handle adds one event to the window's pending writes: under the party
// prefix when it names this home's account (as its owner, grantee or
// buyer), under the dataset's prefix when the dataset is this home's, and
// the list of both under the log's own key, for Undo.
func (ix *Index) handle(_ context.Context, ev acl.Event) error {
	if ev.Log == nil {
		return fmt.Errorf("chainindex: %s of block %d has no log", ev.Name, ev.Block)
	}
	dataset, party, ok := subject(ev)
	if !ok {
		return nil // not an event the index keeps
	}
	var keys [][]byte
	if party == ix.me {
		if ev.Name == "DatasetCreated" {
			ix.pendingMine = append(ix.pendingMine, dataset)
			keys = append(keys, mineKey(dataset))
		}
		keys = append(keys, partyKey(ev.Name, ev.Block, ev.Index))
	}
	if ix.isMine(dataset) || containsUint(ix.pendingMine, dataset) {
		keys = append(keys, datasetKey(dataset, ev.Name, ev.Block, ev.Index))
	}
	if len(keys) == 0 {
		return nil // a stranger's event a shared topic let through
	}
	raw, err := json.Marshal(ev.Log)
	if err != nil {
		return err
	}
	logKey := logKey(ev.Block, ev.Index)
	ix.pending = append(ix.pending, func(b *kvstore.Batch) {
		for _, k := range keys {
			if k[0] == prefixMine[0] {
				b.Put(k, nil)
			} else {
				b.Put(k, raw)
			}
		}
		b.Put(logKey, joinKeys(keys))
	})
	return nil
}

// undo deletes what the event a reorg dropped added, and moves the cursor
// back to its block in the same batch, so a crash before the follower
// rewinds still reads that block again.
func (ix *Index) undo(ctx context.Context, ev acl.Event) error {
	lk := logKey(ev.Block, ev.Index)
	v, ok, err := ix.db.Get(lk)
	if err != nil {
		return err
	}
	ix.log.Warn("a reorg took back an event of this home", "event", ev.Name, "block", ev.Block)
	keys, err := splitKeys(v)
	if err != nil {
		return err
	}
	c := cursor{registry: ix.cfg.Chain.Address(), account: ix.me, next: ev.Block}
	if ev.Block > ix.start {
		h, err := ix.cfg.Headers.HeaderByNumber(ctx, new(big.Int).SetUint64(ev.Block-1))
		if err != nil {
			return fmt.Errorf("chainindex: reading the header of block %d: %w", ev.Block-1, err)
		}
		c.hash = h.Hash()
	}
	ix.mu.Lock()
	moveBack := ix.next > ev.Block
	ix.mu.Unlock()
	if err := ix.db.Write(func(b *kvstore.Batch) {
		if ok {
			for _, k := range keys {
				b.Delete(k)
			}
			b.Delete(lk)
		}
		if moveBack {
			b.Put(keyCursor, c.bytes())
		}
	}); err != nil {
		return err
	}
	ix.mu.Lock()
	for _, k := range keys {
		if len(k) == len(prefixMine)+8 && string(k[:len(prefixMine)]) == string(prefixMine) {
			delete(ix.mine, binary.BigEndian.Uint64(k[len(prefixMine):]))
		}
	}
	if moveBack {
		ix.next = ev.Block
	}
	ix.mu.Unlock()
	return nil
}

// subject is the dataset an event is about and the account it names
// (owner, grantee or buyer; zero when none); ok is false for the events
// the index does not keep.
func subject(ev acl.Event) (dataset uint64, party common.Address, ok bool) {
	switch ev.Name {
	case "DatasetCreated":
		e, _ := ev.DatasetCreated()
		return e.Dataset, e.Owner, true
	case "Granted":
		e, _ := ev.Granted()
		return e.Dataset, e.Grantee, true
	case "Revoked":
		e, _ := ev.Revoked()
		return e.Dataset, e.Grantee, true
	case "Purchased":
		e, _ := ev.Purchased()
		return e.Dataset, e.Buyer, true
	case "Refunded":
		e, _ := ev.Refunded()
		return e.Dataset, e.Buyer, true
	case "CIDAdded":
		e, _ := ev.CIDAdded()
		return e.Dataset, common.Address{}, true
	case "Erased":
		e, _ := ev.Erased()
		return e.Dataset, common.Address{}, true
	case "KeyRotated":
		e, _ := ev.KeyRotated()
		return e.Dataset, common.Address{}, true
	case "CampaignJoined":
		e, _ := ev.CampaignJoined()
		return e.Dataset, e.Owner, true
	}
	return 0, common.Address{}, false
}

func containsUint(s []uint64, v uint64) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
