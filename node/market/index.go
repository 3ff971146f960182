// Package market keeps an index of the network's open offers, fed from the
// chain's offer events, so that a page of the market costs what it returns
// rather than a scan of every event since the Registry was deployed.
//
// The index lives in an embedded store (internal/kvstore) beside the home:
// an acl.Follower reads only the events that open or close an offer
// (DatasetCreated for owners, Offered, OfferWithdrawn, Erased; a purchase
// leaves the offer open) and each batch of changes is written together with
// the follower's cursor in one atomic, fsynced write, so a crash replays a
// batch rather than losing or doubling it. The store is derived data: one
// that is missing, damaged, of another schema or of another Registry is
// rebuilt from the chain. Its layout is spec/market-index-v4.md
// (format 3's, spec/market-index-v3.md, with the offers' descriptions and
// a listing by category, describe.go): one row
// per (dataset, terms hash) offer, since a dataset holds one offer per
// terms hash (Registry interface 4), and the datasets' versions, read from
// CIDAdded, so that what a page shows of an offer's data is an index read
// too.
package market

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/internal/kvstore"
)

// Schema names the layout of the store (spec/market-index-v4.md); a store
// of another is rebuilt.
const Schema = "pdx/market-index/4"

// MaxOpenPerDataset bounds the offers of one dataset the index lists: a
// hostile owner can open any number, and the index keeps the newest this
// many (spec/market-index-v3.md).
const MaxOpenPerDataset = 256

// Events are the Registry events the index reads: nothing else changes
// which offers are open or who owns a dataset.
// CIDAdded and KeyRotated, the versions and key rotations, are kept for
// what the market shows of an offer's data and a get reads of it
// (versions.go, rotations.go).
var Events = []string{"DatasetCreated", "Offered", "OfferWithdrawn", "Erased", "CIDAdded", "KeyRotated"}

// errDamaged: a record in the store fails its checks (delete the store to
// rebuild it).
var errDamaged = errkind.New(errkind.Damaged, "the market index is damaged; delete it and it is rebuilt from the chain")

// Config is what an Index follows.
type Config struct {
	// Path is the store's directory.
	Path string
	// Source is the chain node read.
	Source acl.LogSource
	// Registry is the contract whose offers are indexed; a store built
	// from another is rebuilt.
	Registry common.Address
	// Start is the first block read when the store is new (the Registry's
	// deploy block).
	Start uint64
	// Confirmations holds back the newest blocks (chain.confirmations):
	// an offer shows once its block is that deep.
	Confirmations uint64
	// Batch is the widest eth_getLogs (chain.log_range; 0: the default).
	Batch uint64
}

// Index is the market's open offers, kept from the chain. It is safe for
// concurrent use: Sync and Run serialize their reads of the chain, and
// queries read what the last completed batch wrote.
type Index struct {
	st *kvstore.Store
	f  *acl.Follower

	// Rebuilt says the store was found damaged, of another schema or of
	// another Registry when opened, and was started over.
	Rebuilt bool

	poll chan struct{} // one reader of the chain at a time
	// budget is the most index entries a page examines (scanBudget;
	// tests lower it).
	budget int
	tx     *txn // the changes of the batch being read, written with the cursor
	tip    tipState
	texts  textCache // terms texts read from the store (terms.go)
	// cursor and privates keep in memory what every page would read
	// again from the store (memo.go).
	cursor   cursorMemo
	privates privateMemo
}

// Open opens the index at cfg.Path (creating or rebuilding it as needed).
// It reads nothing from the chain until Sync or Run.
func Open(cfg Config) (*Index, error) {
	st, rebuilt, err := kvstore.OpenOrReset(cfg.Path, Schema)
	if err != nil {
		return nil, fmt.Errorf("opening the market index: %w", err)
	}
	reg, ok, err := st.Get(keyRegistry)
	if err == nil && ok && !bytes.Equal(reg, cfg.Registry[:]) {
		// Built from another Registry's events: none of it holds here.
		st.Close()
		if err := kvstore.Reset(cfg.Path); err != nil {
			return nil, err
		}
		if st, err = kvstore.Open(cfg.Path, Schema); err != nil {
			return nil, fmt.Errorf("opening the market index: %w", err)
		}
		rebuilt, ok = true, false
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	if !ok {
		if err := st.Write(func(b *kvstore.Batch) { b.Put(keyRegistry, cfg.Registry[:]) }); err != nil {
			st.Close()
			return nil, err
		}
	}
	ix := &Index{st: st, Rebuilt: rebuilt, poll: make(chan struct{}, 1), budget: scanBudget, tip: newTipState(cfg.Source, cfg.Start)}
	ix.tx = ix.newTxn()
	f := acl.NewFollower(cfg.Source, cfg.Registry, (*storeCursor)(ix))
	f.Start = cfg.Start
	f.Confirmations = cfg.Confirmations
	if cfg.Batch != 0 {
		f.Batch = cfg.Batch
	}
	f.Events = Events
	f.Undo = ix.undo
	ix.f = f
	return ix, nil
}

// Close closes the store.
func (ix *Index) Close() error { return ix.st.Close() }

// Compact merges the store's tables now and returns when done. A first
// sync through a long history leaves that to LevelDB's background
// compactions, which then compete with the pages that follow for a while
// (the bench times pages of an index at rest, as a daemon's is once it
// has caught up).
func (ix *Index) Compact() error { return ix.st.Compact() }

// Sync reads the chain up to its head (less the confirmations) and returns
// how many events it applied. A failure leaves the index at the last batch
// it completed.
func (ix *Index) Sync(ctx context.Context) (int, error) {
	select {
	case ix.poll <- struct{}{}:
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	defer func() { <-ix.poll }()
	if err := ix.checkTip(ctx); err != nil {
		return 0, fmt.Errorf("checking the market index against the chain: %w", err)
	}
	n, err := ix.f.Poll(ctx, ix.apply)
	if err != nil {
		// What the failed batch applied is dropped with it; the next
		// Sync reads that batch again from the stored cursor.
		ix.tx = ix.newTxn()
		return n, fmt.Errorf("updating the market index: %w", err)
	}
	return n, nil
}

// Run keeps the index up to date, syncing every interval, until ctx ends
// (it then returns ctx.Err()). A failed sync is handed to onErr and tried
// again at the next tick.
func (ix *Index) Run(ctx context.Context, interval time.Duration, onErr func(error)) error {
	if interval <= 0 {
		interval = time.Second
	}
	for {
		if _, err := ix.Sync(ctx); err != nil && ctx.Err() == nil && onErr != nil {
			onErr(err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(interval):
		}
	}
}

// Next is the next block the index will read.
func (ix *Index) Next() (uint64, bool, error) {
	return (*storeCursor)(ix).Load(context.Background())
}

// storeCursor is the follower's cursor, kept in the store: storing it
// writes the batch's changes with it, atomically.
type storeCursor Index

// Load reads the store once; then the cursor is kept in memory (memo.go),
// since every page syncs the index and so reads it.
func (c *storeCursor) Load(context.Context) (uint64, bool, error) {
	if next, ok, known := c.cursor.get(); known {
		return next, ok, nil
	}
	v, ok, err := c.st.Get(keyCursor)
	if err != nil {
		return 0, false, err
	}
	if !ok {
		c.cursor.loaded(0, false)
		return 0, false, nil
	}
	if len(v) != 8 {
		return 0, false, fmt.Errorf("%w: a cursor of %d bytes", errDamaged, len(v))
	}
	next := binary.BigEndian.Uint64(v)
	c.cursor.loaded(next, true)
	return next, true, nil
}

func (c *storeCursor) Store(ctx context.Context, next uint64) error {
	ix := (*Index)(c)
	if err := ix.noteTip(ctx, next); err != nil {
		return err
	}
	c.tx.put(keyCursor, u64(next))
	err := c.tx.commit()
	c.tx = ix.newTxn()
	return err
}

// apply records one event delivered by the follower (at least once: one
// already recorded, replayed after a crash, changes nothing).
func (ix *Index) apply(_ context.Context, ev acl.Event) error {
	t := ix.tx
	switch v := ev.Value.(type) {
	case *bindings.RegistryDatasetCreated:
		t.put(cat(pfxOwner, u64(v.Dataset)), v.Owner[:])
		return nil
	case *bindings.RegistryOffered:
		owner, err := t.owner(v.Dataset)
		if err != nil {
			return err
		}
		d := time.Duration(min(v.Duration, uint64(maxDuration/time.Second))) * time.Second
		o := Offer{Dataset: v.Dataset, Owner: owner, Price: v.Price, Duration: d, TermsHash: v.TermsHash, Buyer: v.Buyer, Block: ev.Block}
		return t.record(v.Dataset, entry{block: ev.Block, index: uint32(ev.Index), kind: entryOffered, offer: o})
	case *bindings.RegistryOfferWithdrawn:
		return t.record(v.Dataset, entry{block: ev.Block, index: uint32(ev.Index), kind: entryWithdrawn,
			offer: Offer{Dataset: v.Dataset, TermsHash: v.TermsHash}})
	case *bindings.RegistryErased:
		return t.record(v.Dataset, entry{block: ev.Block, index: uint32(ev.Index), kind: entryErased})
	case *bindings.RegistryCIDAdded:
		t.addVersion(v, ev)
	case *bindings.RegistryKeyRotated:
		t.addRotation(v, ev)
	}
	return nil
}

// undo takes back an event a reorg dropped from the chain.
func (ix *Index) undo(_ context.Context, ev acl.Event) error {
	t := ix.tx
	switch v := ev.Value.(type) {
	case *bindings.RegistryDatasetCreated:
		t.del(cat(pfxOwner, u64(v.Dataset)))
		return nil
	case *bindings.RegistryOffered:
		return t.forget(v.Dataset, ev.Block, uint32(ev.Index))
	case *bindings.RegistryOfferWithdrawn:
		return t.forget(v.Dataset, ev.Block, uint32(ev.Index))
	case *bindings.RegistryErased:
		return t.forget(v.Dataset, ev.Block, uint32(ev.Index))
	case *bindings.RegistryCIDAdded:
		t.dropVersion(v, ev)
	case *bindings.RegistryKeyRotated:
		t.dropRotation(v, ev)
	}
	return nil
}

// txn is a batch of changes being collected, with reads that see them.
type txn struct {
	st   *kvstore.Store
	pend map[string][]byte // nil: deleted
	// ix, when set, is the index whose memory (memo.go) the commit keeps
	// in step with the store.
	ix *Index
}

func newTxn(st *kvstore.Store) *txn { return &txn{st: st, pend: map[string][]byte{}} }

// newTxn is a batch of the index's store whose commit updates what the
// index keeps in memory.
func (ix *Index) newTxn() *txn {
	t := newTxn(ix.st)
	t.ix = ix
	return t
}

func (t *txn) get(k []byte) ([]byte, bool, error) {
	if v, ok := t.pend[string(k)]; ok {
		return v, v != nil, nil
	}
	return t.st.Get(k)
}

func (t *txn) put(k, v []byte) {
	if v == nil {
		v = []byte{}
	}
	t.pend[string(k)] = v
}

func (t *txn) del(k []byte) { t.pend[string(k)] = nil }

// commit writes the batch, then brings the index's memory in step: the
// cursor written, the private listings changed forgotten. (After the
// write, not before: a page reading the store in between would keep the
// old listings.)
func (t *txn) commit() error {
	err := t.st.Write(func(b *kvstore.Batch) {
		for k, v := range t.pend {
			if v == nil {
				b.Delete([]byte(k))
			} else {
				b.Put([]byte(k), v)
			}
		}
	})
	if t.ix == nil {
		return err
	}
	if err != nil {
		// What was written is not known: read the store again.
		t.ix.cursor.forget()
		t.ix.privates.forget(nil, true)
		return err
	}
	if v, ok := t.pend[string(keyCursor)]; ok {
		if v == nil {
			t.ix.cursor.set(0, false)
		} else {
			t.ix.cursor.set(binary.BigEndian.Uint64(v), true)
		}
	}
	if accounts := privateAccounts(t.pend); accounts != nil {
		t.ix.privates.forget(accounts, false)
	}
	return nil
}

func (t *txn) owner(dataset uint64) (common.Address, error) {
	v, ok, err := t.get(cat(pfxOwner, u64(dataset)))
	if err != nil || !ok {
		// A dataset created before the index's start block: its owner
		// is not known here (zero).
		return common.Address{}, err
	}
	return common.BytesToAddress(v), nil
}

func (t *txn) history(dataset uint64) ([]entry, error) {
	v, ok, err := t.get(cat(pfxHistory, u64(dataset)))
	if err != nil || !ok {
		return nil, err
	}
	return decodeHistory(v)
}

// record adds e to the dataset's history (once) and updates its open offer.
func (t *txn) record(dataset uint64, e entry) error {
	h, err := t.history(dataset)
	if err != nil {
		return err
	}
	i, found := slices.BinarySearchFunc(h, e, cmpEntry)
	if found {
		return nil // replayed
	}
	old := slices.Clone(h)
	h = slices.Insert(h, i, e)
	t.put(cat(pfxHistory, u64(dataset)), encodeHistory(h))
	return t.settle(old, h)
}

// forget removes the entry at (block, index) from the dataset's history
// and updates its open offer.
func (t *txn) forget(dataset, block uint64, index uint32) error {
	h, err := t.history(dataset)
	if err != nil {
		return err
	}
	i, found := slices.BinarySearchFunc(h, entry{block: block, index: index}, cmpEntry)
	if !found {
		return nil // undone already
	}
	old := slices.Clone(h)
	h = slices.Delete(h, i, i+1)
	if len(h) == 0 {
		t.del(cat(pfxHistory, u64(dataset)))
	} else {
		t.put(cat(pfxHistory, u64(dataset)), encodeHistory(h))
	}
	return t.settle(old, h)
}

func cmpEntry(a, b entry) int {
	if c := cmp.Compare(a.block, b.block); c != 0 {
		return c
	}
	return cmp.Compare(a.index, b.index)
}

// openOffers are the offers a dataset's history leaves open, one per terms
// hash: the newest Offered of each hash not withdrawn since, none after an
// erasure; at most MaxOpenPerDataset, the newest.
func openOffers(h []entry) []Offer {
	open := map[[32]byte]int{} // terms hash -> entry index
	for i, e := range h {
		switch e.kind {
		case entryOffered:
			open[e.offer.TermsHash] = i
		case entryWithdrawn:
			delete(open, e.offer.TermsHash)
		case entryErased:
			clear(open)
		}
	}
	idx := make([]int, 0, len(open))
	for _, i := range open {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	if len(idx) > MaxOpenPerDataset {
		idx = idx[len(idx)-MaxOpenPerDataset:]
	}
	out := make([]Offer, len(idx))
	for j, i := range idx {
		out[j] = h[i].offer
	}
	return out
}

// settle makes the dataset's listed offers those its new history h leaves
// open, where old left open those it listed.
func (t *txn) settle(old, h []entry) error {
	for _, o := range openOffers(old) {
		t.del(cat(pfxOffer, o.id()))
		dk, err := t.describedKeys(&o)
		if err != nil {
			return err
		}
		for _, k := range append(listingKeys(&o), dk...) {
			t.del(k)
		}
	}
	for _, o := range openOffers(h) {
		rec := o.encode()
		t.put(cat(pfxOffer, o.id()), rec)
		dk, err := t.describedKeys(&o)
		if err != nil {
			return err
		}
		for _, k := range append(listingKeys(&o), dk...) {
			t.put(k, rec)
		}
		if _, ok, err := t.get(cat(pfxText, o.TermsHash[:])); err != nil {
			return err
		} else if !ok {
			t.put(cat(pfxPending, o.TermsHash[:]), nil)
		}
	}
	return nil
}
