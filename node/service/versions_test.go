package service

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/market"
)

// logCounter is a chain connection that records where each eth_getLogs
// starts.
type logCounter struct {
	*ethclient.Client
	mu    sync.Mutex
	froms []uint64
}

func (l *logCounter) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	l.mu.Lock()
	l.froms = append(l.froms, q.FromBlock.Uint64())
	l.mu.Unlock()
	return l.Client.FilterLogs(ctx, q)
}

func (l *logCounter) reset() []uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.froms
	l.froms = nil
	return f
}

// TestVersionsFromMarketIndex: with a market index, what a brand's get,
// an attestation check and the market's attested column ask of another
// owner's versions — a CID's registrations, a dataset's versions, when it
// was erased — comes from the index, and the chain is asked only for the
// blocks past the index's cursor (a version added since is found there);
// without one, the same questions scan from the Registry's deploy block.
func TestVersionsFromMarketIndex(t *testing.T) {
	w := newWorld(t)
	ctx := w.ctx
	ds, c1 := w.put([]byte("first version"))
	res, err := w.owner.Put(ctx, ds, w.dsKey, strings.NewReader("second version"), "test")
	if err != nil {
		t.Fatal(err)
	}
	c2, err := cid.Decode(res.CID)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := market.Open(market.Config{Path: filepath.Join(t.TempDir(), "market"), Source: w.chain.Client(),
		Registry: w.chain.Registry(), Start: w.chain.DeployBlock()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	next, _, _ := ix.Next()
	counter := &logCounter{Client: w.chain.Client()}
	chain, err := acl.New(ctx, counter, w.chain.Registry(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := w.brand
	b.cfg.Chain, b.cfg.Market = chain, ix

	onChain, err := chain.CIDAdded(ctx, acl.Range{From: w.chain.DeployBlock()}, acl.CIDAddedFilter{Dataset: &ds})
	if err != nil || len(onChain) != 2 {
		t.Fatalf("the chain's versions of %d: %d, %v", ds, len(onChain), err)
	}
	counter.reset()
	vs, err := b.versionsOf(ctx, ds, nil)
	if err != nil || len(vs) != 2 || vs[0].CIDHash != onChain[0].CIDHash || vs[1].Fingerprint != onChain[1].Fingerprint || vs[1].Block != onChain[1].Block {
		t.Fatalf("versions from the index %+v, %v; the chain's %+v", vs, err, onChain)
	}
	h2 := acl.CIDHash(c2.Bytes())
	if rs, err := b.registrations(ctx, h2); err != nil || len(rs) != 1 || rs[0].Dataset != ds || rs[0].Version != 2 {
		t.Fatalf("registrations of the second CID: %+v, %v", rs, err)
	}
	for _, from := range counter.reset() {
		if from < next {
			t.Fatalf("an eth_getLogs from block %d, before the index's cursor %d", from, next)
		}
	}

	// A version added after the index's last sync: the chain's tail.
	_, err = w.owner.Put(ctx, ds, w.dsKey, strings.NewReader("third version"), "test")
	if err != nil {
		t.Fatal(err)
	}
	if vs, err := b.versionsOf(ctx, ds, nil); err != nil || len(vs) != 3 || vs[2].Version != 3 {
		t.Fatalf("versions with one past the cursor: %+v, %v", vs, err)
	}
	if fp, err := b.fingerprint(ctx, ds, c1); err != nil || fp != onChain[0].Fingerprint {
		t.Fatalf("fingerprint of the first version %x, %v", fp, err)
	}
	for _, from := range counter.reset() {
		if from < next {
			t.Fatalf("an eth_getLogs from block %d, before the index's cursor %d", from, next)
		}
	}

	// Erased: the index says when.
	if err := w.owner.Erase(ctx, ds, nil); err != nil {
		t.Fatal(err)
	}
	erased, err := chain.Erased(ctx, acl.Range{From: w.chain.DeployBlock()}, acl.ErasedFilter{Dataset: &ds})
	if err != nil || len(erased) != 1 {
		t.Fatalf("the chain's erasure: %+v, %v", erased, err)
	}
	if _, err := ix.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	next, _, _ = ix.Next()
	counter.reset()
	if got := b.erasedAt(ctx, ds); got != erased[0].Block {
		t.Fatalf("erased at %d, want %d", got, erased[0].Block)
	}
	for _, from := range counter.reset() {
		if from < next {
			t.Fatalf("an eth_getLogs from block %d, before the index's cursor %d", from, next)
		}
	}

	// Without the index: from the deploy block.
	b.cfg.Market = nil
	if _, err := b.versionsOf(ctx, ds, nil); err != nil {
		t.Fatal(err)
	}
	if froms := counter.reset(); len(froms) == 0 || froms[0] != w.chain.DeployBlock() {
		t.Fatalf("without an index the versions were read from blocks %v; want a read from the deploy block %d (the test no longer shows what the index saves)", froms, w.chain.DeployBlock())
	}
}
