package service

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/market"
)

// The market's pages come from the offers index (node/market) rather than
// from a scan of the chain's events: Market brings the index up to the
// chain's head and reads one page of it.

// ErrNoMarketIndex: the service was made without a market index.
var ErrNoMarketIndex = errkind.New(errkind.Internal, "this node keeps no market index (service.Config.Market)")

// marketSyncWait bounds how long a page waits for the index to read the
// chain's newest blocks: a page of an index that is catching up (the first
// start on a busy network) is served from what it has read.
const marketSyncWait = 5 * time.Second

// MarketIndex is the index of open offers this service reads (nil when it
// keeps none).
func (s *Service) MarketIndex() *market.Index { return s.cfg.Market }

// Market returns one page of the open offers this account may see (the
// public ones, and private ones made by or to it), filtered and paged as q
// says; q.Viewer is set to this account.
func (s *Service) Market(ctx context.Context, q market.Query) (market.Page, error) {
	ix := s.cfg.Market
	if ix == nil {
		return market.Page{}, ErrNoMarketIndex
	}
	q.Viewer = s.addr
	sctx, cancel := context.WithTimeout(ctx, marketSyncWait)
	_, err := ix.Sync(sctx)
	cancel()
	if err != nil {
		if ctx.Err() != nil {
			return market.Page{}, ctx.Err()
		}
		_, read, cerr := ix.Next()
		if cerr != nil || !read {
			return market.Page{}, err
		}
		// The index has read part of the chain: a page of what it holds
		// beats none; the background sync catches up.
		s.log.Warn("market page served from an index behind the chain", "err", err)
	}
	if q.Terms != "" || q.Category != "" || len(q.DescFields) > 0 || q.Search != "" {
		// Words of the terms, and descriptions (which terms texts carry),
		// match the texts the index holds: read the
		// new offers' texts first (each read bounded; a text no node
		// serves is skipped for a while).
		tctx, cancel := context.WithTimeout(ctx, TermsWait+time.Second)
		_, _ = s.ReadMarketTexts(tctx)
		cancel()
	}
	return ix.List(ctx, q)
}

// textsResolver reads the terms texts of indexed offers that the index does
// not hold yet, so that pages show them without a read from IPFS and the
// terms filter finds words in them. A hash no node served is left alone
// for textsRetryAfter.
type textsResolver struct {
	slot   chan struct{} // one pass at a time (made by New)
	failed map[[32]byte]time.Time
}

const (
	textsRetryAfter = 10 * time.Minute
	textsParallel   = 8
)

// ReadMarketTexts reads every terms text the market index lacks once (but
// those no node served recently), each bounded by TermsWait, and returns
// how many it stored. The daemon runs it in the background; a page with a
// terms filter runs it first.
func (s *Service) ReadMarketTexts(ctx context.Context) (int, error) {
	ix := s.cfg.Market
	if ix == nil {
		return 0, ErrNoMarketIndex
	}
	r := &s.texts
	select {
	case r.slot <- struct{}{}:
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	defer func() { <-r.slot }()
	if r.failed == nil {
		r.failed = map[[32]byte]time.Time{}
	}
	retry, parallel := textsRetryAfter, textsParallel
	stored := 0
	var after *[32]byte
	for {
		hs, err := ix.PendingTexts(after, 64)
		if err != nil || len(hs) == 0 {
			return stored, err
		}
		after = &hs[len(hs)-1]
		var mu sync.Mutex
		var wg sync.WaitGroup
		texts := map[[32]byte]string{}
		slots := make(chan struct{}, parallel)
		now := time.Now()
		for _, h := range hs {
			if until, ok := r.failed[h]; ok && now.Before(until) {
				continue
			}
			wg.Go(func() {
				slots <- struct{}{}
				defer func() { <-slots }()
				t, err := s.TermsText(ctx, h, TermsWait)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					if ctx.Err() == nil {
						r.failed[h] = time.Now().Add(retry)
					}
					return
				}
				delete(r.failed, h)
				texts[h] = t
			})
		}
		wg.Wait()
		if err := ctx.Err(); err != nil {
			return stored, err
		}
		if err := ix.SetTexts(texts); err != nil {
			return stored, err
		}
		stored += len(texts)
		if len(hs) < 64 {
			return stored, nil
		}
	}
}

// RunMarketTexts calls ReadMarketTexts every interval until ctx ends.
func (s *Service) RunMarketTexts(ctx context.Context, interval time.Duration) error {
	for {
		if _, err := s.ReadMarketTexts(ctx); err != nil && !errors.Is(err, context.Canceled) && ctx.Err() == nil {
			s.log.Warn("reading the market's terms texts", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(interval):
		}
	}
}
