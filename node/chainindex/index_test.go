package chainindex_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/node/chainindex"
)

func TestMain(m *testing.M) {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	os.Exit(m.Run())
}

// backend is the simulated chain sealing a block per transaction (as the
// dev chain does), counting the eth_getLogs calls made and the logs they
// returned, so a test sees what a listing cost.
type backend struct {
	simulated.Client
	sim   *simulated.Backend
	mu    sync.Mutex
	calls atomic.Int64
	logs  atomic.Int64
}

func (b *backend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	b.sim.Commit()
	return nil
}

func (b *backend) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	b.calls.Add(1)
	logs, err := b.Client.FilterLogs(ctx, q)
	b.logs.Add(int64(len(logs)))
	return logs, err
}

func (b *backend) reset() { b.calls.Store(0); b.logs.Store(0) }

// world is a Registry on the simulated chain with three funded accounts:
// the owner (a home), a brand (another home) and a stranger.
type world struct {
	t                      testing.TB
	ctx                    context.Context
	b                      *backend
	owner, brand, stranger *acl.Client
	deploy                 uint64
	as                     func(k *ecdsa.PrivateKey) *acl.Client
	keys                   []*ecdsa.PrivateKey
}

func newWorld(t testing.TB) *world {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	keys := make([]*ecdsa.PrivateKey, 3)
	alloc := types.GenesisAlloc{}
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18))}
	}
	sim := simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = devchain.ChainConfig()
	})
	t.Cleanup(func() { sim.Close() })
	b := &backend{Client: sim.Client(), sim: sim}
	owner, rc, err := acl.Deploy(ctx, b, keys[0], 4*time.Second, nil)
	if err != nil {
		t.Fatal(err)
	}
	as := func(k *ecdsa.PrivateKey) *acl.Client {
		c, err := acl.New(ctx, b, owner.Address(), k, nil)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	return &world{t: t, ctx: ctx, b: b, owner: owner, brand: as(keys[1]), stranger: as(keys[2]), deploy: rc.BlockNumber.Uint64(), as: as, keys: keys}
}

func must[T any](v T, err error) func(t testing.TB) T {
	return func(t testing.TB) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func rand32(t testing.TB) [32]byte {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return b
}

func pubkey(t testing.TB) []byte {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return crypto.CompressPubkey(&k.PublicKey)
}

func (w *world) dataset(c *acl.Client) uint64 {
	id, _, err := c.CreateDataset(w.ctx, pubkey(w.t))
	if err != nil {
		w.t.Fatal(err)
	}
	return id
}

func (w *world) grant(c *acl.Client, dataset uint64, to common.Address) {
	w.t.Helper()
	must(c.Grant(w.ctx, acl.Grant{Dataset: dataset, Grantee: to, Expiry: time.Now().Add(time.Hour), Threshold: 1,
		PurposeHash: rand32(w.t), Bundle: rand32(w.t)}))(w.t)
}

// history is what the tests list: every kind of event the index keeps,
// on the owner's datasets, naming the brand, and on the stranger's.
type history struct {
	ds1, ds2, ds4, ds5, foreign, campaign uint64
}

func (w *world) fill() history {
	t := w.t
	h := history{ds1: w.dataset(w.owner), ds2: w.dataset(w.owner), foreign: w.dataset(w.stranger)}
	cid := append([]byte{0x01, 0x70, 0x12, 0x20}, make([]byte, 32)...)
	r := rand32(t)
	copy(cid[4:], r[:])
	if _, _, err := w.owner.AddCID(w.ctx, h.ds1, cid, rand32(t)); err != nil {
		t.Fatal(err)
	}
	w.grant(w.owner, h.ds1, w.brand.From())
	w.grant(w.owner, h.ds1, w.stranger.From())
	must(w.owner.Revoke(w.ctx, h.ds1, w.stranger.From()))(t)
	must(w.owner.Revoke(w.ctx, h.ds1, w.brand.From()))(t)
	w.grant(w.owner, h.ds1, w.brand.From())
	w.grant(w.owner, h.ds1, w.brand.From()) // replaces the one before
	must(w.owner.RotateKey(w.ctx, h.ds1, pubkey(t), nil))(t)
	// A sale: offered, bought by the brand, granted.
	terms := rand32(t)
	must(w.owner.Offer(w.ctx, h.ds2, big.NewInt(1000), time.Hour, terms))(t)
	must(w.brand.Buy(w.ctx, h.ds2, big.NewInt(1000), terms, time.Hour))(t)
	must(w.owner.GrantPurchase(w.ctx, h.ds2, w.brand.From(), 1, rand32(t), rand32(t)))(t)
	// The stranger's dataset: granted to the brand and to itself, bought
	// by the brand and declined (a refund to the brand).
	must(w.stranger.Offer(w.ctx, h.foreign, big.NewInt(7), time.Hour, terms))(t)
	must(w.brand.Buy(w.ctx, h.foreign, big.NewInt(7), terms, time.Hour))(t)
	must(w.stranger.Decline(w.ctx, h.foreign, w.brand.From()))(t)
	w.grant(w.stranger, h.foreign, w.brand.From())
	w.grant(w.stranger, h.foreign, w.stranger.From())
	// The owner's ds4: bought by the brand, declined, erased.
	h.ds4 = w.dataset(w.owner)
	must(w.owner.Offer(w.ctx, h.ds4, big.NewInt(9), time.Hour, terms))(t)
	must(w.brand.Buy(w.ctx, h.ds4, big.NewInt(9), terms, time.Hour))(t)
	must(w.owner.Decline(w.ctx, h.ds4, w.brand.From()))(t)
	must(w.owner.Erase(w.ctx, h.ds4))(t)
	// A campaign of the brand's, joined with the owner's ds5 and with a
	// second dataset of the stranger's.
	var err error
	h.campaign, _, err = w.brand.CreateCampaign(w.ctx, acl.CampaignTerms{TermsHash: terms, PricePerPerson: big.NewInt(5),
		Duration: time.Hour, Cap: 3, Deadline: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	h.ds5 = w.dataset(w.owner)
	must(w.owner.JoinCampaign(w.ctx, h.campaign, h.ds5, w.brand.From(), 1, rand32(t), rand32(t)))(t)
	joined := w.dataset(w.stranger)
	must(w.stranger.JoinCampaign(w.ctx, h.campaign, joined, w.brand.From(), 1, rand32(t), rand32(t)))(t)
	return h
}

// query is one listing asked of the index and of the chain.
type query struct {
	name  string
	index func(*chainindex.Index) (any, error)
	chain func() (any, error)
}

func q[F, T any](name string, f F, ix func(*chainindex.Index, context.Context, F) ([]T, error), ch func(context.Context, acl.Range, F) ([]T, error), ctx context.Context, from uint64) query {
	return query{name: name,
		index: func(i *chainindex.Index) (any, error) { return ix(i, ctx, f) },
		chain: func() (any, error) { return ch(ctx, acl.Range{From: from}, f) }}
}

func ptr[T any](v T) *T { return &v }

// queries are every query the home's listings make, for the owner (o) and
// the brand (b) as the index's account; covered says which the index
// answers (the others go to the chain).
func (w *world) queries(h history, me *acl.Client) (covered, passed []query) {
	ctx, from := w.ctx, w.deploy
	ix := (*chainindex.Index).Granted
	if me == w.owner {
		covered = []query{
			q("grants of ds1", acl.GrantedFilter{Dataset: &h.ds1}, ix, me.Granted, ctx, from),
			q("grants of ds2", acl.GrantedFilter{Dataset: &h.ds2}, ix, me.Granted, ctx, from),
			q("grants of ds1 to the brand", acl.GrantedFilter{Dataset: &h.ds1, Grantee: ptr(w.brand.From())}, ix, me.Granted, ctx, from),
			q("revocations of ds1", acl.RevokedFilter{Dataset: &h.ds1}, (*chainindex.Index).Revoked, me.Revoked, ctx, from),
			q("datasets created", acl.DatasetCreatedFilter{Owner: ptr(me.From())}, (*chainindex.Index).DatasetCreated, me.DatasetCreated, ctx, from),
			q("versions of ds1", acl.CIDAddedFilter{Dataset: &h.ds1}, (*chainindex.Index).CIDAdded, me.CIDAdded, ctx, from),
			q("rotations of ds1", acl.KeyRotatedFilter{Dataset: &h.ds1}, (*chainindex.Index).KeyRotated, me.KeyRotated, ctx, from),
			q("erasure of ds4", acl.ErasedFilter{Dataset: &h.ds4}, (*chainindex.Index).Erased, me.Erased, ctx, from),
			q("sales of ds2", acl.PurchasedFilter{Dataset: &h.ds2}, (*chainindex.Index).Purchased, me.Purchased, ctx, from),
			q("sales of all", acl.PurchasedFilter{Datasets: []uint64{h.ds1, h.ds2, h.ds4}}, (*chainindex.Index).Purchased, me.Purchased, ctx, from),
			q("refunds of ds4", acl.RefundedFilter{Dataset: &h.ds4}, (*chainindex.Index).Refunded, me.Refunded, ctx, from),
			q("campaign joins", acl.CampaignJoinedFilter{Owner: ptr(me.From())}, (*chainindex.Index).CampaignJoined, me.CampaignJoined, ctx, from),
			q("campaign joins of ds5", acl.CampaignJoinedFilter{Dataset: &h.ds5}, (*chainindex.Index).CampaignJoined, me.CampaignJoined, ctx, from),
		}
		passed = []query{
			q("joins of the campaign", acl.CampaignJoinedFilter{ID: &h.campaign}, (*chainindex.Index).CampaignJoined, me.CampaignJoined, ctx, from),
			q("grants of a stranger's dataset", acl.GrantedFilter{Dataset: &h.foreign}, ix, me.Granted, ctx, from),
			q("sales of a stranger's dataset", acl.PurchasedFilter{Datasets: []uint64{h.ds1, h.foreign}}, (*chainindex.Index).Purchased, me.Purchased, ctx, from),
		}
		return covered, passed
	}
	covered = []query{
		q("grants received", acl.GrantedFilter{Grantee: ptr(me.From())}, ix, me.Granted, ctx, from),
		q("grants received of ds1", acl.GrantedFilter{Grantee: ptr(me.From()), Dataset: &h.ds1}, ix, me.Granted, ctx, from),
		q("revocations received", acl.RevokedFilter{Grantee: ptr(me.From())}, (*chainindex.Index).Revoked, me.Revoked, ctx, from),
		q("purchases", acl.PurchasedFilter{Buyer: ptr(me.From())}, (*chainindex.Index).Purchased, me.Purchased, ctx, from),
		q("refunds", acl.RefundedFilter{Buyer: ptr(me.From())}, (*chainindex.Index).Refunded, me.Refunded, ctx, from),
	}
	passed = []query{
		q("grants of ds1", acl.GrantedFilter{Dataset: &h.ds1}, ix, me.Granted, ctx, from),
		q("erasure of ds4", acl.ErasedFilter{Dataset: &h.ds4}, (*chainindex.Index).Erased, me.Erased, ctx, from),
	}
	return covered, passed
}

func (w *world) open(path string, me *acl.Client) *chainindex.Index {
	w.t.Helper()
	ix, err := chainindex.Open(w.ctx, chainindex.Config{Path: path, Chain: me, Headers: w.b, Start: w.deploy, Wait: time.Second})
	if err != nil {
		w.t.Fatal(err)
	}
	if err := ix.Sync(w.ctx); err != nil {
		w.t.Fatal(err)
	}
	return ix
}

// same checks that every query answers the index as the chain does, and
// that the covered ones were answered from the store without one
// eth_getLogs, reading only what they return.
func (w *world) same(stage string, ix *chainindex.Index, covered, passed []query) {
	t := w.t
	t.Helper()
	for _, qu := range append(covered, passed...) {
		want, err := qu.chain()
		if err != nil {
			t.Fatal(err)
		}
		if reflect.ValueOf(want).Len() == 0 {
			t.Fatalf("%s: the chain lists nothing; the test checks nothing", qu.name)
		}
		w.b.reset()
		before := chainindex.Scanned(ix)
		got, err := qu.index(ix)
		if err != nil {
			t.Fatalf("%s: %s: %v", stage, qu.name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %s:\nindex %+v\nchain %+v", stage, qu.name, got, want)
		}
		if isCovered(qu, covered) {
			if n := w.b.calls.Load(); n != 0 {
				t.Errorf("%s: %s: %d eth_getLogs calls; the index should answer alone", stage, qu.name, n)
			}
			if read := chainindex.Scanned(ix) - before; read != uint64(reflect.ValueOf(want).Len()) && qu.name != "grants of ds1 to the brand" && qu.name != "grants received of ds1" {
				t.Errorf("%s: %s: read %d entries for %d answers", stage, qu.name, read, reflect.ValueOf(want).Len())
			}
		}
	}
}

func isCovered(qu query, covered []query) bool {
	for _, c := range covered {
		if c.name == qu.name {
			return true
		}
	}
	return false
}

// TestIndexAnswersAsTheChain: for the owner and for the brand, every query
// the listings make gives the chain scan's answer, from a fresh index,
// after a restart with new events in between, after the index was deleted,
// and after it was damaged.
func TestIndexAnswersAsTheChain(t *testing.T) {
	w := newWorld(t)
	h := w.fill()
	for _, me := range []*acl.Client{w.owner, w.brand} {
		t.Run(me.From().Hex()[:8], func(t *testing.T) {
			w.t = t
			path := filepath.Join(t.TempDir(), "chain-index")
			covered, passed := w.queries(h, me)
			ix := w.open(path, me)
			w.same("fresh", ix, covered, passed)
			next := ix.Next()
			ix.Close()

			// A restart resumes where it stopped, and takes what came since.
			w.grant(w.owner, h.ds1, w.brand.From())
			ix = w.open(path, me)
			w.same("restarted", ix, covered, passed)
			if ix.Next() <= next {
				t.Fatalf("after a restart the cursor is at %d, was %d", ix.Next(), next)
			}
			ix.Close()

			// Deleted: rebuilt from the chain.
			if err := os.RemoveAll(path); err != nil {
				t.Fatal(err)
			}
			ix = w.open(path, me)
			w.same("deleted", ix, covered, passed)
			ix.Close()

			// Damaged: rebuilt from the chain.
			ms, _ := filepath.Glob(filepath.Join(path, "MANIFEST-*"))
			if len(ms) == 0 {
				t.Fatal("no MANIFEST to damage")
			}
			if err := os.WriteFile(ms[0], []byte("not a manifest"), 0o600); err != nil {
				t.Fatal(err)
			}
			ix = w.open(path, me)
			w.same("damaged", ix, covered, passed)
			ix.Close()
		})
	}
}

// TestListingIgnoresUnrelatedHistory: 2,000 grants of a stranger's
// dataset to strangers never reach the owner's index (its follower is not
// handed a single one of their logs), and the owner's listing of its
// dataset reads its own 2 grants and asks the chain for nothing.
func TestListingIgnoresUnrelatedHistory(t *testing.T) {
	w := newWorld(t)
	mine := w.dataset(w.owner)
	w.grant(w.owner, mine, w.brand.From())
	path := filepath.Join(t.TempDir(), "chain-index")
	ix := w.open(path, w.owner)
	defer ix.Close()

	foreign := w.dataset(w.stranger)
	const unrelated = 2000
	for i := range unrelated {
		var to common.Address
		to[0], to[1] = byte(i>>8), byte(i)
		to[19] = 1
		w.grant(w.stranger, foreign, to)
	}
	w.grant(w.owner, mine, w.stranger.From())

	w.b.reset()
	if err := ix.Sync(w.ctx); err != nil {
		t.Fatal(err)
	}
	if n := w.b.logs.Load(); n != 1 {
		t.Fatalf("catching up over %d unrelated grants, the follower was handed %d logs; want 1 (the owner's new grant)", unrelated, n)
	}
	w.b.reset()
	before := chainindex.Scanned(ix)
	start := time.Now()
	got, err := ix.Granted(w.ctx, acl.GrantedFilter{Dataset: &mine})
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("the owner's dataset lists %d grants, want 2", len(got))
	}
	if read, calls := chainindex.Scanned(ix)-before, w.b.calls.Load(); read != 2 || calls != 0 {
		t.Fatalf("the listing read %d entries and made %d eth_getLogs calls; want 2 and 0", read, calls)
	}
	t.Logf("listing of 2 grants among %d unrelated: %v", unrelated, took)
}

// TestReorgDropsAGrant: a reorg that takes back the block of a grant takes
// it out of the index (and of a store reopened afterwards), and what the
// winning chain holds there is indexed instead.
func TestReorgDropsAGrant(t *testing.T) {
	w := newWorld(t)
	ds := w.dataset(w.owner)
	w.grant(w.owner, ds, w.brand.From())
	w.b.sim.Commit()
	fork, err := w.b.HeaderByNumber(w.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix := w.open(filepath.Join(t.TempDir(), "chain-index"), w.owner)
	defer ix.Close()

	w.grant(w.owner, ds, w.stranger.From()) // the grant the reorg takes back
	if err := ix.Sync(w.ctx); err != nil {
		t.Fatal(err)
	}
	grantees := func() []common.Address {
		t.Helper()
		gs, err := ix.Granted(w.ctx, acl.GrantedFilter{Dataset: &ds})
		if err != nil {
			t.Fatal(err)
		}
		var out []common.Address
		for _, g := range gs {
			out = append(out, g.Grantee)
		}
		return out
	}
	if got := grantees(); len(got) != 2 {
		t.Fatalf("before the reorg: grantees %v, want 2", got)
	}

	if err := w.b.sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	w.b.sim.Rollback()
	for range 3 {
		w.b.sim.Commit()
	}
	if err := ix.Sync(w.ctx); err != nil {
		t.Fatal(err)
	}
	if got := grantees(); !reflect.DeepEqual(got, []common.Address{w.brand.From()}) {
		t.Fatalf("after the reorg: grantees %v, want only the brand", got)
	}
	// The store itself no longer holds it: with the chain unreachable for
	// the tail, the index alone answers the same.
	if got := chainindex.StoredGrantees(t, ix, ds); !reflect.DeepEqual(got, []common.Address{w.brand.From()}) {
		t.Fatalf("after the reorg the store holds grants to %v", got)
	}
	// The winning chain's grant, made anew (by a client that has not
	// counted the dropped transaction's nonce), is indexed.
	w.grant(w.as(w.keys[0]), ds, w.stranger.From())
	if err := ix.Sync(w.ctx); err != nil {
		t.Fatal(err)
	}
	if got := chainindex.StoredGrantees(t, ix, ds); len(got) != 2 {
		t.Fatalf("after the grant was made again the store holds grants to %v", got)
	}
}

// TestSchemaOrAccountChangeRebuilds: a store of another account is not
// used for this one (its events are not this home's).
func TestSchemaOrAccountChangeRebuilds(t *testing.T) {
	w := newWorld(t)
	ds := w.dataset(w.owner)
	w.grant(w.owner, ds, w.brand.From())
	path := filepath.Join(t.TempDir(), "chain-index")
	ix := w.open(path, w.owner)
	ix.Close()
	ix = w.open(path, w.brand)
	defer ix.Close()
	if got := chainindex.StoredGrantees(t, ix, ds); len(got) != 0 {
		t.Fatalf("the brand's index kept the owner's grants: %v", got)
	}
	got, err := ix.Granted(w.ctx, acl.GrantedFilter{Grantee: ptr(w.brand.From())})
	if err != nil || len(got) != 1 {
		t.Fatalf("the brand's grants: %v, %v", got, err)
	}
}

// TestReorgWhileStoppedRebuilds: a reorg that takes back a grant's block
// while the home is stopped is noticed at the next start (the block before
// the cursor is no longer on the chain), and the rebuilt index no longer
// holds the grant.
func TestReorgWhileStoppedRebuilds(t *testing.T) {
	w := newWorld(t)
	ds := w.dataset(w.owner)
	w.grant(w.owner, ds, w.brand.From())
	fork, err := w.b.HeaderByNumber(w.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "chain-index")
	w.grant(w.owner, ds, w.stranger.From())
	ix := w.open(path, w.owner)
	if got := chainindex.StoredGrantees(t, ix, ds); len(got) != 2 {
		t.Fatalf("before the reorg the store holds grants to %v", got)
	}
	ix.Close()

	if err := w.b.sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	w.b.sim.Rollback()
	for range 3 {
		w.b.sim.Commit()
	}
	ix = w.open(path, w.owner)
	defer ix.Close()
	if got := chainindex.StoredGrantees(t, ix, ds); !reflect.DeepEqual(got, []common.Address{w.brand.From()}) {
		t.Fatalf("after a reorg while stopped the store holds grants to %v", got)
	}
}

// TestUnopenableStoreRebuilds: a store LevelDB cannot open at all, damage
// it does not report as corruption (here a file where its directory
// was), does not stop the home: the index is built again from the chain.
func TestUnopenableStoreRebuilds(t *testing.T) {
	w := newWorld(t)
	ds := w.dataset(w.owner)
	w.grant(w.owner, ds, w.brand.From())
	path := filepath.Join(t.TempDir(), "chain-index")
	w.open(path, w.owner).Close()
	if err := os.RemoveAll(path); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("not a store"), 0o600); err != nil {
		t.Fatal(err)
	}
	ix := w.open(path, w.owner)
	defer ix.Close()
	if got := chainindex.StoredGrantees(t, ix, ds); !reflect.DeepEqual(got, []common.Address{w.brand.From()}) {
		t.Fatalf("after the rebuild the store holds grants to %v", got)
	}
	// A store in use (a second daemon on the home) is refused, not reset.
	if _, err := chainindex.Open(w.ctx, chainindex.Config{Path: path, Chain: w.owner, Headers: w.b, Start: w.deploy}); err == nil {
		t.Fatal("a second index opened the store in use")
	}
	if got := chainindex.StoredGrantees(t, ix, ds); len(got) != 1 {
		t.Fatalf("after a second open the store in use holds grants to %v", got)
	}
}
