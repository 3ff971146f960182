package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/market"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/reencrypt"
)

// syntheticLogs is a Registry history of n offers, perBlock to a block,
// served as eth_getLogs would serve it: block b holds, for each of its
// datasets, its DatasetCreated and its Offered event, ABI-encoded as the
// contract emits them. A market index follows it with its own follower,
// as it follows a chain: this is how the market is measured at sizes a
// dev chain on two cores cannot be filled to within minutes (10^6).
// Owners rotate over 1,000 accounts, prices over 1,000 values; one offer
// in ten is private to a buyer.
type syntheticLogs struct {
	registry common.Address
	n        int
	perBlock int
	created  abi.Event
	offered  abi.Event
	key      []byte
}

func newSyntheticLogs(registry common.Address) (*syntheticLogs, error) {
	a, err := bindings.RegistryMetaData.ParseABI()
	if err != nil {
		return nil, err
	}
	k, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	return &syntheticLogs{registry: registry, perBlock: 1000, created: a.Events["DatasetCreated"], offered: a.Events["Offered"],
		key: crypto.CompressPubkey(&k.PublicKey)}, nil
}

func (s *syntheticLogs) BlockNumber(context.Context) (uint64, error) {
	return uint64((s.n + s.perBlock - 1) / s.perBlock), nil
}

// HeaderByNumber is block b's header (the follower checks the hashes of
// the blocks it read, to notice a reorg; this history has none).
func (s *syntheticLogs) HeaderByNumber(_ context.Context, b *big.Int) (*types.Header, error) {
	if b == nil {
		b = new(big.Int).SetUint64(uint64((s.n + s.perBlock - 1) / s.perBlock))
	}
	return &types.Header{Number: new(big.Int).Set(b), Difficulty: new(big.Int), Time: 1_700_000_000 + b.Uint64()}, nil
}

func (s *syntheticLogs) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	return nil, errors.New("bench-scale: the synthetic history is polled, not subscribed to")
}

func (s *syntheticLogs) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	from, to := uint64(1), uint64(0)
	if q.FromBlock != nil {
		from = max(q.FromBlock.Uint64(), 1)
	}
	if q.ToBlock != nil {
		to = q.ToBlock.Uint64()
	}
	var out []types.Log
	for b := from; b <= to; b++ {
		h, _ := s.HeaderByNumber(context.Background(), new(big.Int).SetUint64(b))
		hash := h.Hash()
		idx := uint(0)
		for j := range s.perBlock {
			ds := (int(b)-1)*s.perBlock + j + 1
			if ds > s.n {
				break
			}
			owner := common.Address{byte(ds % 1000), byte(ds % 1000 >> 8), 1}
			var buyer common.Address
			if ds%10 == 9 {
				buyer = common.Address{byte(ds % 50), 2}
			}
			cdata, err := s.created.Inputs.NonIndexed().Pack(s.key)
			if err != nil {
				return nil, err
			}
			price := big.NewInt(int64(1000 * (1 + (ds*7919)%1000)))
			odata, err := s.offered.Inputs.NonIndexed().Pack(price, uint64(24*3600*(1+ds%90)), [32]byte{byte(ds % 5)})
			if err != nil {
				return nil, err
			}
			id := common.BigToHash(big.NewInt(int64(ds)))
			out = append(out,
				types.Log{Address: s.registry, Topics: []common.Hash{s.created.ID, id, common.BytesToHash(owner[:])}, Data: cdata,
					BlockNumber: b, BlockHash: hash, Index: idx},
				types.Log{Address: s.registry, Topics: []common.Hash{s.offered.ID, id, common.BytesToHash(buyer[:])}, Data: odata,
					BlockNumber: b, BlockHash: hash, Index: idx + 1})
			idx += 2
		}
	}
	return out, nil
}

// syntheticRuns is the fewest timed runs of a synthetic market page, and
// syntheticWindow the least time they take together.
const (
	syntheticRuns   = 500
	syntheticWindow = 2 * time.Second
)

// ownerPage is the size of the owner-filtered page measured: every
// owner of a synthetic history of 10^4 offers or more holds at least that
// many.
const ownerPage = 10

// syntheticOps are the operations syntheticMarket measures.
var syntheticOps = []string{"market_first_page_synthetic", "market_filtered_page_synthetic", "market_owner_page_synthetic"}

// syntheticMarket measures the market pages through a daemon whose market
// index followed a synthetic history of each size in levels (offers, all
// of them: a history of N records holds about N/10 on a real chain).
func syntheticMarket(ctx context.Context, o *options, w *world, dir string, prof *profiler, out, stderr io.Writer, record func(string, int, float64)) error {
	src, err := newSyntheticLogs(w.chain.Registry())
	if err != nil {
		return err
	}
	u, err := newHome(filepath.Join(dir, "viewer"))
	if err != nil {
		return err
	}
	defer u.Close()
	// Windows of 10 blocks (10,000 offers): wider ones hold more in memory
	// for no gain in speed.
	mix, err := market.Open(market.Config{Path: filepath.Join(u.Dir(), daemon.StateDir, daemon.MarketIndexDir),
		Source: src, Registry: w.chain.Registry(), Start: 1, Batch: 10})
	if err != nil {
		return err
	}
	defer mix.Close()
	c, err := acl.New(ctx, w.chain.Client(), w.chain.Registry(), u.Account, nil)
	if err != nil {
		return err
	}
	s, err := service.New(ctx, service.Config{Chain: c, Account: u.Account, Store: w.store,
		Signer: reencrypt.NewSigner(u.Signing), Receiving: u.Receiving, DeployBlock: w.chain.DeployBlock(),
		Proxies: w.set, AllowPrivateEndpoints: true, Market: mix})
	if err != nil {
		return err
	}
	tok, err := home.ReadToken(filepath.Join(u.Dir(), home.TokenFile))
	if err != nil {
		return err
	}
	d, err := daemon.New(ctx, daemon.Config{Home: u, Config: config.Default(), Service: s, Token: tok, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	defer d.Close()
	p := &party{h: u, s: s, d: d, token: tok}
	cur := 0 // the size being measured
	ops := []apiOp{
		{syntheticOps[0], func(ctx context.Context) error {
			return pageOf(ctx, p, "/v1/market?limit=50", 50)
		}},
		{syntheticOps[1], func(ctx context.Context) error {
			return pageOf(ctx, p, "/v1/market?limit=50&max_price=200000", 50)
		}},
		{syntheticOps[2], func(ctx context.Context) error {
			// One owner's offers grow with the history (owners rotate over
			// 1,000 accounts: N/1,000 each), so the page is of the same
			// ownerPage offers at every size: a page of 50 held 10 offers
			// at 10^4 and 50 from 10^5 on, and its growth was that of its
			// JSON, not of the index.
			return pageOf(ctx, p, fmt.Sprintf("/v1/market?limit=%d&owner=%s", ownerPage, common.Address{7, 0, 1}.Hex()), min(ownerPage, cur/1000))
		}},
	}
	ops = slices.DeleteFunc(ops, func(op apiOp) bool { return !o.wanted(op.name) })
	// A page takes a fraction of a millisecond: the median of 5 runs on
	// two shared cores is the scheduler's noise (one owner page measured
	// 0.15 to 0.58 ms at a size where 10^5 runs say 0.15), so the pages
	// are timed syntheticRuns times at least (within the budget), and
	// for syntheticWindow at least: 500 owner pages take some 55 ms, while
	// one garbage collection of the process at 10^6 (a live heap of
	// 0.4-0.6 GB after the fill, GODEBUG=gctrace=1) marks for 80-300 ms,
	// so a stretch of runs that short fell all inside one collection or
	// all outside, and the p50 of the same page was 0.11 or 0.2 ms by
	// chance. Over seconds the collections take their share of the runs
	// at every size.
	po := *o
	po.runs = max(o.runs, syntheticRuns)
	if !o.quick {
		po.window = syntheticWindow
	}
	for _, n := range o.synthetic {
		cur = n
		t := time.Now()
		src.n = n
		prof.pause() // the fill is not what is measured
		if _, err := mix.Sync(ctx); err != nil {
			return fmt.Errorf("the synthetic market of %d offers: %w", n, err)
		}
		progress(stderr, "bench-scale: the market index followed a synthetic history to %d offers in %v", n, time.Since(t).Round(time.Millisecond))
		// The pages are timed on an index at rest, as a daemon's is once
		// caught up: the fill's background compactions would otherwise
		// run during the timings, on the same two cores (at 10^6 they
		// made a page 0.65 or 7 ms depending on when it was timed).
		t = time.Now()
		if err := mix.Compact(); err != nil {
			return err
		}
		progress(stderr, "bench-scale: its store compacted in %v", time.Since(t).Round(time.Millisecond))
		// The fill also leaves the process's heap full of its garbage,
		// which the first page timed after it paid for (at 10^6 the first
		// page's p50 was 0.74 ms where the pages timed after it were
		// 0.45-0.5); a daemon caught up has long collected it.
		runtime.GC()
		if err := prof.resume(); err != nil {
			return err
		}
		for _, op := range ops {
			p50, err := measure(ctx, &po, op.call)
			if err != nil {
				return fmt.Errorf("%s at N=%d: %w", op.name, n, err)
			}
			record(op.name, n, p50)
		}
	}
	return nil
}

func pageOf(ctx context.Context, p *party, path string, atLeast int) error {
	var l daemon.MarketList
	if err := p.call(ctx, "GET", path, nil, &l); err != nil {
		return err
	}
	if len(l.Offers) < atLeast {
		return fmt.Errorf("%s: %d offers, want at least %d", path, len(l.Offers), atLeast)
	}
	return nil
}
