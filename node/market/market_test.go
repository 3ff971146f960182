package market_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/internal/simchain"
	"github.com/pdx-network/pdx/node/market"
)

// world is a Registry on go-ethereum's simulated backend with two owners
// and two brands.
type world struct {
	t        *testing.T
	ctx      context.Context
	sim      *simulated.Backend
	backend  *simchain.AutoMine
	keys     []*ecdsa.PrivateKey
	clients  []*acl.Client
	registry common.Address
	start    uint64
	datasets []uint64
}

// forkPoint mines n blocks and returns the head: the block a later
// reorganisation forks from.
func (w *world) forkPoint(n int) *types.Header {
	for range n {
		w.sim.Commit()
	}
	h, err := w.backend.HeaderByNumber(w.ctx, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	return h
}

const (
	ownerA = iota
	ownerB
	brandC
	brandD
	nKeys
)

func newWorld(t *testing.T) *world {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	w := &world{t: t, ctx: ctx}
	alloc := types.GenesisAlloc{}
	for range nKeys {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		w.keys = append(w.keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))}
	}
	w.sim = simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) { ec.Genesis.Config = devchain.ChainConfig() })
	t.Cleanup(func() { w.sim.Close() })
	w.backend = simchain.NewAutoMine(w.sim)
	c, rc, err := acl.Deploy(ctx, w.backend, w.keys[0], time.Hour, nil)
	if err != nil {
		t.Fatal(err)
	}
	w.registry, w.start = c.Address(), rc.BlockNumber.Uint64()
	for i := range nKeys {
		x, err := acl.New(ctx, w.backend, w.registry, w.keys[i], nil)
		if err != nil {
			t.Fatal(err)
		}
		w.clients = append(w.clients, x)
	}
	return w
}

func (w *world) addr(i int) common.Address { return crypto.PubkeyToAddress(w.keys[i].PublicKey) }

func (w *world) dataset(owner int) uint64 {
	w.t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		w.t.Fatal(err)
	}
	id, _, err := w.clients[owner].CreateDataset(w.ctx, crypto.CompressPubkey(&k.PublicKey))
	if err != nil {
		w.t.Fatal(err)
	}
	w.datasets = append(w.datasets, id)
	return id
}

func terms(text string) [32]byte { return sha256.Sum256([]byte(text)) }

// knownTexts are every terms text the tests offer under: a dataset holds
// one offer per terms hash, and these are the hashes to ask the chain of.
var knownTexts = []string{"analytics only, no resale", "research only", "anything goes", "Analytics only, no resale"}

// withdrawAll withdraws every open offer of ds (under any known terms).
func (w *world) withdrawAll(owner int, ds uint64) {
	w.t.Helper()
	for _, text := range knownTexts {
		if _, err := w.clients[owner].WithdrawOffer(w.ctx, ds, terms(text)); err != nil && !errors.Is(err, acl.ErrNoOffer) {
			w.t.Fatal(err)
		}
	}
}

// key names an offer: its dataset and terms hash.
func key(o market.Offer) string { return fmt.Sprintf("%d/%x", o.Dataset, o.TermsHash) }

func (w *world) offer(owner int, ds uint64, gwei int64, days int, termsText string, buyer common.Address) {
	w.t.Helper()
	price := new(big.Int).Mul(big.NewInt(gwei), big.NewInt(1e9))
	if _, err := w.clients[owner].OfferTo(w.ctx, ds, price, time.Duration(days)*24*time.Hour, terms(termsText), buyer); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) open(path string, confirmations uint64) *market.Index {
	w.t.Helper()
	ix, err := market.Open(market.Config{Path: path, Source: w.backend, Registry: w.registry, Start: w.start, Confirmations: confirmations})
	if err != nil {
		w.t.Fatal(err)
	}
	w.t.Cleanup(func() { ix.Close() })
	return ix
}

func (w *world) sync(ix *market.Index) {
	w.t.Helper()
	if _, err := ix.Sync(w.ctx); err != nil {
		w.t.Fatal(err)
	}
}

// fromChain is the market as the chain's own state says, for viewer: what
// the index must agree with. It reads offerOf and datasetInfo of every
// dataset, the way a client without an index does.
func (w *world) fromChain(viewer common.Address) []market.Offer {
	w.t.Helper()
	c := w.clients[ownerA]
	var out []market.Offer
	hashes := make([][32]byte, 0, len(knownTexts))
	for _, text := range knownTexts {
		hashes = append(hashes, terms(text))
	}
	slices.SortFunc(hashes, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	for _, id := range w.datasets {
		for _, h := range hashes {
			o, err := c.OfferOf(w.ctx, id, h)
			if errors.Is(err, acl.ErrNoOpenOffer) || errors.Is(err, acl.ErrNoOffer) {
				continue
			}
			if err != nil {
				w.t.Fatal(err)
			}
			info, err := c.DatasetInfo(w.ctx, id)
			if err != nil {
				w.t.Fatal(err)
			}
			if info.Erased {
				continue
			}
			if o.Private() && o.Buyer != viewer && info.Owner != viewer {
				continue
			}
			out = append(out, market.Offer{Dataset: id, Owner: info.Owner, Price: o.Price, Duration: o.Duration, TermsHash: o.TermsHash, Buyer: o.Buyer})
		}
	}
	return out
}

// all pages through q and returns every offer, failing on a repeat.
func all(t *testing.T, ix *market.Index, q market.Query) []market.Offer {
	t.Helper()
	var out []market.Offer
	seen := map[string]bool{}
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("paging does not end")
		}
		p, err := ix.List(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range p.Offers {
			if seen[key(o)] {
				t.Fatalf("offer %s listed twice", key(o))
			}
			seen[key(o)] = true
		}
		out = append(out, p.Offers...)
		if p.Next == "" {
			return out
		}
		q.After = p.Next
	}
}

func same(a, b market.Offer) bool {
	return a.Dataset == b.Dataset && a.Owner == b.Owner && a.Price.Cmp(b.Price) == 0 && a.Duration == b.Duration &&
		a.TermsHash == b.TermsHash && a.Buyer == b.Buyer
}

func ids(os []market.Offer) []uint64 {
	var out []uint64
	for _, o := range os {
		out = append(out, o.Dataset)
	}
	return out
}

// fill makes a market of n datasets over both owners, with a few private
// offers, a withdrawn one and an erased one.
func (w *world) fill(n int) {
	texts := []string{"analytics only, no resale", "research only", "anything goes"}
	for i := range n {
		owner := ownerA + i%2
		ds := w.dataset(owner)
		buyer := common.Address{}
		if i%7 == 3 {
			buyer = w.addr(brandC + i%2)
		}
		w.offer(owner, ds, int64(1+(i*37)%20), 1+i%3*15, texts[i%3], buyer)
	}
	// A second offer beside a dataset's first (other terms), a replaced
	// one, a withdrawn one, an erased one, a dataset never offered.
	w.offer(ownerA, w.datasets[0], 7, 30, "research only", common.Address{})
	w.offer(ownerB, w.datasets[3], 8, 16, "research only", common.Address{})
	w.offer(ownerB, w.datasets[3], 9, 16, "research only", common.Address{})
	if _, err := w.clients[ownerB].WithdrawOffer(w.ctx, w.datasets[1], terms("research only")); err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.clients[ownerA].Erase(w.ctx, w.datasets[2]); err != nil {
		w.t.Fatal(err)
	}
	w.dataset(ownerB)
}

// TestListMatchesChain: every query, for every viewer, paged through in
// small pages, gives exactly the offers the chain's state gives filtered
// the same way, in the order of the query's plan.
func TestListMatchesChain(t *testing.T) {
	w := newWorld(t)
	w.fill(24)
	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	w.sync(ix)
	gwei := func(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e9)) }

	type check struct {
		name string
		q    market.Query
		keep func(o market.Offer, viewer common.Address) bool
	}
	checks := []check{
		{"all", market.Query{}, func(market.Offer, common.Address) bool { return true }},
		{"owner", market.Query{Owner: w.addr(ownerB)}, func(o market.Offer, _ common.Address) bool { return o.Owner == w.addr(ownerB) }},
		{"mine", market.Query{Mine: true}, func(o market.Offer, v common.Address) bool { return o.Owner == v }},
		{"for_me", market.Query{ForMe: true}, func(o market.Offer, v common.Address) bool { return o.Buyer == v }},
		{"price", market.Query{MinPrice: gwei(5), MaxPrice: gwei(12)}, func(o market.Offer, _ common.Address) bool {
			return o.Price.Cmp(gwei(5)) >= 0 && o.Price.Cmp(gwei(12)) <= 0
		}},
		{"max price", market.Query{MaxPrice: gwei(9)}, func(o market.Offer, _ common.Address) bool { return o.Price.Cmp(gwei(9)) <= 0 }},
		{"duration", market.Query{MinDuration: 10 * 24 * time.Hour}, func(o market.Offer, _ common.Address) bool { return o.Duration >= 10*24*time.Hour }},
		{"terms hash", market.Query{Terms: fmt.Sprintf("%#x", terms("research only"))}, func(o market.Offer, _ common.Address) bool { return o.TermsHash == terms("research only") }},
		{"price and owner", market.Query{Owner: w.addr(ownerA), MaxPrice: gwei(10)}, func(o market.Offer, _ common.Address) bool {
			return o.Owner == w.addr(ownerA) && o.Price.Cmp(gwei(10)) <= 0
		}},
	}
	for _, viewer := range []int{ownerA, brandC, brandD} {
		chain := w.fromChain(w.addr(viewer))
		if len(chain) < 15 {
			t.Fatalf("the chain lists %d offers: the fill did not make a market", len(chain))
		}
		for _, c := range checks {
			for _, limit := range []int{1, 4, 500} {
				q := c.q
				q.Viewer, q.Limit = w.addr(viewer), limit
				got := all(t, ix, q)
				var want []market.Offer
				for _, o := range chain {
					if c.keep(o, w.addr(viewer)) {
						want = append(want, o)
					}
				}
				// The index's order: by the driving key, then dataset.
				gotIDs := slices.Sorted(slices.Values(ids(got)))
				if !slices.Equal(gotIDs, ids(want)) {
					t.Fatalf("viewer %d, %s, limit %d: index lists %v, chain %v", viewer, c.name, limit, ids(got), ids(want))
				}
				byKey := map[string]market.Offer{}
				for _, o := range want {
					byKey[key(o)] = o
				}
				for _, o := range got {
					if !same(o, byKey[key(o)]) {
						t.Fatalf("viewer %d, %s: offer %s indexed as %+v, chain says %+v", viewer, c.name, key(o), o, byKey[key(o)])
					}
				}
				if c.name == "price" || c.name == "max price" {
					if !slices.IsSortedFunc(got, func(a, b market.Offer) int { return a.Price.Cmp(b.Price) }) {
						t.Fatalf("%s: not in price order", c.name)
					}
				} else if c.name != "duration" && c.name != "terms hash" && !slices.IsSorted(ids(got)) {
					t.Fatalf("%s: not in dataset order: %v", c.name, ids(got))
				}
			}
		}
	}
	// A private offer made to brand D is listed for D and its owner only.
	for _, o := range all(t, ix, market.Query{Viewer: w.addr(brandC)}) {
		if o.Private() && o.Buyer != w.addr(brandC) {
			t.Fatalf("brand C sees a private offer made to %s", o.Buyer)
		}
	}
}

// TestPagingUnderNewOffers: a brand paging through the market while owners
// add offers, replace and withdraw others sees every offer that stayed open
// exactly once, in dataset order, and the new ones past its cursor.
func TestPagingUnderNewOffers(t *testing.T) {
	w := newWorld(t)
	w.fill(20)
	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	w.sync(ix)
	before := ids(all(t, ix, market.Query{Viewer: w.addr(brandC)}))

	q := market.Query{Viewer: w.addr(brandC), Limit: 3}
	var got []market.Offer
	var added []uint64
	var withdrawn uint64
	for step := 0; ; step++ {
		p, err := ix.List(w.ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, p.Offers...)
		if p.Next == "" {
			break
		}
		q.After = p.Next
		// Between pages: a new offer (a new dataset), a replaced offer
		// behind the cursor, and once a withdrawal ahead of it.
		ds := w.dataset(ownerA)
		w.offer(ownerA, ds, 3, 1, "research only", common.Address{})
		added = append(added, ds)
		w.offer(ownerA, got[0].Dataset, int64(50+step), 1, "research only", common.Address{})
		if withdrawn == 0 {
			withdrawn = before[len(before)-2]
			var owner int
			for i, c := range w.clients {
				if o, _ := c.DatasetInfo(w.ctx, withdrawn); o.Owner == w.addr(i) {
					owner = i
				}
			}
			w.withdrawAll(owner, withdrawn)
		}
		w.sync(ix)
	}
	g := ids(got)
	keys := make([]string, len(got))
	for i, o := range got {
		keys[i] = fmt.Sprintf("%020d/%x", o.Dataset, o.TermsHash)
	}
	if !slices.IsSorted(keys) || len(slices.Compact(slices.Clone(keys))) != len(keys) {
		t.Fatalf("paged offers not strictly increasing: %v", keys)
	}
	for _, id := range before {
		if id != withdrawn && !slices.Contains(g, id) {
			t.Fatalf("dataset %d was open throughout but never listed (got %v)", id, g)
		}
	}
	if slices.Contains(g, withdrawn) {
		t.Fatalf("dataset %d was withdrawn before its page and is listed", withdrawn)
	}
	for _, id := range added {
		if !slices.Contains(g, id) {
			t.Fatalf("dataset %d, offered while paging, is past every cursor yet not listed: %v", id, g)
		}
	}
}

// TestRestartAndRebuild: an index reopened, deleted, damaged or built from
// another Registry answers as the one that followed the chain throughout.
func TestRestartAndRebuild(t *testing.T) {
	w := newWorld(t)
	w.fill(12)
	dir := filepath.Join(t.TempDir(), "market")
	ix := w.open(dir, 0)
	w.sync(ix)
	q := market.Query{Viewer: w.addr(brandD), Limit: 5}
	want := all(t, ix, q)
	next, _, err := ix.Next()
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()

	check := func(name string, ix *market.Index, rebuilt, fresh bool) {
		t.Helper()
		if ix.Rebuilt != rebuilt {
			t.Fatalf("%s: Rebuilt %v, want %v", name, ix.Rebuilt, rebuilt)
		}
		n, err := ix.Sync(w.ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !fresh && n != 0 {
			t.Fatalf("%s: re-read %d events the index had", name, n)
		}
		if fresh && n == 0 {
			t.Fatalf("%s: read nothing from the chain", name)
		}
		got := all(t, ix, q)
		if !slices.EqualFunc(got, want, same) {
			t.Fatalf("%s: lists %v, want %v", name, ids(got), ids(want))
		}
		if n, _, _ := ix.Next(); n != next {
			t.Fatalf("%s: cursor at %d, want %d", name, n, next)
		}
		ix.Close()
	}
	check("reopened", w.open(dir, 0), false, false)

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	check("deleted", w.open(dir, 0), false, true) // a new store: read from the start

	// Damage: LevelDB's manifest overwritten.
	ms, _ := filepath.Glob(filepath.Join(dir, "MANIFEST-*"))
	if len(ms) == 0 {
		t.Fatal("no manifest to damage")
	}
	if err := os.WriteFile(ms[0], bytes.Repeat([]byte{0xff}, 64), 0o600); err != nil {
		t.Fatal(err)
	}
	check("damaged", w.open(dir, 0), true, true)

	// Built from another Registry: started over.
	other, err := market.Open(market.Config{Path: dir, Source: w.backend, Registry: common.Address{1}, Start: w.start})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Sync(w.ctx); err != nil {
		t.Fatal(err)
	}
	other.Close()
	check("another registry's", w.open(dir, 0), true, true)
}

// TestReorgTakesBackOffer: an offer the index listed whose block a reorg
// drops is gone at the next sync; the withdrawal a reorg drops brings the
// offer back; and with confirmations the offer never shows.
func TestReorgTakesBackOffer(t *testing.T) {
	w := newWorld(t)
	kept := w.dataset(ownerA)
	w.offer(ownerA, kept, 5, 1, "research only", common.Address{})
	gone := w.dataset(ownerB)
	fork := w.forkPoint(3)
	eager := w.open(filepath.Join(t.TempDir(), "eager"), 0)
	careful := w.open(filepath.Join(t.TempDir(), "careful"), 3)
	w.sync(eager)
	w.sync(careful)

	// After the fork point: a new offer, and the withdrawal of kept's.
	w.offer(ownerB, gone, 9, 1, "anything goes", common.Address{})
	if _, err := w.clients[ownerA].WithdrawOffer(w.ctx, kept, terms("research only")); err != nil {
		t.Fatal(err)
	}
	w.sync(eager)
	w.sync(careful)
	v := market.Query{Viewer: w.addr(brandC)}
	if got := ids(all(t, eager, v)); !slices.Equal(got, []uint64{gone}) {
		t.Fatalf("before the reorg, the eager index lists %v, want [%d]", got, gone)
	}
	if got := ids(all(t, careful, v)); !slices.Equal(got, []uint64{kept}) {
		t.Fatalf("before the reorg, the careful index lists %v, want [%d] (the rest is not confirmed)", got, kept)
	}

	if err := w.sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	w.sim.Rollback()
	for range 6 {
		w.sim.Commit()
	}
	w.sync(eager)
	w.sync(careful)
	for name, ix := range map[string]*market.Index{"eager": eager, "careful": careful} {
		if got := ids(all(t, ix, v)); !slices.Equal(got, []uint64{kept}) {
			t.Fatalf("after the reorg, the %s index lists %v, want [%d]", name, got, kept)
		}
	}
}

// TestBadQuery: malformed or contradictory parameters are refused as a
// usage error and read nothing.
func TestBadQuery(t *testing.T) {
	w := newWorld(t)
	w.fill(6)
	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	w.sync(ix)
	p, err := ix.List(w.ctx, market.Query{Viewer: w.addr(brandC), Limit: 2})
	if err != nil || p.Next == "" {
		t.Fatalf("first page: %v, next %q", err, p.Next)
	}
	bad := map[string]market.Query{
		"limit too big":     {Limit: market.MaxLimit + 1},
		"negative limit":    {Limit: -1},
		"min above max":     {MinPrice: big.NewInt(10), MaxPrice: big.NewInt(9)},
		"negative price":    {MinPrice: big.NewInt(-1)},
		"durations crossed": {MinDuration: 2 * time.Hour, MaxDuration: time.Hour},
		"mine and for_me":   {Mine: true, ForMe: true},
		"garbage cursor":    {After: "!!!"},
		"short cursor":      {After: "AQE"},
		"cursor of another": {After: p.Next, MaxPrice: big.NewInt(1)},
		"another viewer's":  {After: p.Next, Viewer: w.addr(brandD)},
	}
	for name, q := range bad {
		if q.Viewer == (common.Address{}) && name != "another viewer's" {
			q.Viewer = w.addr(brandC)
		}
		_, err := ix.List(w.ctx, q)
		if !errors.Is(err, market.ErrBadQuery) || !errors.Is(err, errkind.Usage.Err()) {
			t.Errorf("%s: %v, want a usage error", name, err)
		}
	}
}

// TestTermsFilter: a preset's name finds the offers made under that preset
// policy; a word finds the offers whose terms text the index has read.
func TestTermsFilter(t *testing.T) {
	w := newWorld(t)
	p, _ := policy.Preset("research-only")
	a, b := w.dataset(ownerA), w.dataset(ownerB)
	price := big.NewInt(1e15)
	if _, err := w.clients[ownerA].Offer(w.ctx, a, price, time.Hour, p.Hash()); err != nil {
		t.Fatal(err)
	}
	w.offer(ownerB, b, 1, 1, "Analytics only, no resale", common.Address{})
	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	w.sync(ix)
	list := func(terms string) []uint64 {
		return ids(all(t, ix, market.Query{Viewer: w.addr(brandC), Terms: terms}))
	}
	if got := list("research-only"); !slices.Equal(got, []uint64{a}) {
		t.Fatalf("preset research-only: %v, want [%d]", got, a)
	}
	if got := list("resale"); len(got) != 0 {
		t.Fatalf("a word of a text the index has not read: %v", got)
	}
	pending, err := ix.PendingTexts(nil, 10)
	if err != nil || len(pending) != 2 {
		t.Fatalf("pending texts %v, %v; want both hashes", pending, err)
	}
	if err := ix.SetTexts(map[[32]byte]string{terms("Analytics only, no resale"): "Analytics only, no resale"}); err != nil {
		t.Fatal(err)
	}
	if got := list("RESALE"); !slices.Equal(got, []uint64{b}) {
		t.Fatalf("a word of a read text: %v, want [%d]", got, b)
	}
	if pending, _ := ix.PendingTexts(nil, 10); len(pending) != 1 || pending[0] != p.Hash() {
		t.Fatalf("pending after one was read: %x", pending)
	}
}

// TestOffersPerTerms: a dataset's offers under two terms are two rows;
// OfferWithdrawn closes only the offer it names; re-offering one terms
// replaces that row alone; erasing the dataset closes both.
func TestOffersPerTerms(t *testing.T) {
	w := newWorld(t)
	ds := w.dataset(ownerA)
	w.offer(ownerA, ds, 1, 30, "research only", common.Address{})
	w.offer(ownerA, ds, 5, 30, "anything goes", common.Address{})
	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	w.sync(ix)
	v := market.Query{Viewer: w.addr(brandC)}
	rows := func() map[[32]byte]int64 {
		out := map[[32]byte]int64{}
		for _, o := range all(t, ix, v) {
			if o.Dataset != ds {
				t.Fatalf("listed dataset %d", o.Dataset)
			}
			out[o.TermsHash] = new(big.Int).Div(o.Price, big.NewInt(1e9)).Int64()
		}
		return out
	}
	if got := rows(); len(got) != 2 || got[terms("research only")] != 1 || got[terms("anything goes")] != 5 {
		t.Fatalf("two offers of one dataset list as %v", got)
	}
	w.offer(ownerA, ds, 2, 30, "research only", common.Address{})
	w.sync(ix)
	if got := rows(); len(got) != 2 || got[terms("research only")] != 2 || got[terms("anything goes")] != 5 {
		t.Fatalf("after re-offering one: %v", got)
	}
	if _, err := w.clients[ownerA].WithdrawOffer(w.ctx, ds, terms("anything goes")); err != nil {
		t.Fatal(err)
	}
	w.sync(ix)
	if got := rows(); len(got) != 1 || got[terms("research only")] != 2 {
		t.Fatalf("after withdrawing one: %v", got)
	}
	w.offer(ownerA, ds, 5, 30, "anything goes", common.Address{})
	if _, err := w.clients[ownerA].Erase(w.ctx, ds); err != nil {
		t.Fatal(err)
	}
	w.sync(ix)
	if got := rows(); len(got) != 0 {
		t.Fatalf("after erasing the dataset: %v", got)
	}
}
