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
	return ix.List(ctx, q)
}

// TextsResolver reads, in the background, the terms texts of indexed offers
// that the index does not hold yet, so that pages show them without a read
// from IPFS and the terms filter finds words in them. A hash no node served
// is retried after RetryAfter.
type TextsResolver struct {
	S *Service
	// RetryAfter is how long an unreadable text is left alone (default
	// 10 minutes).
	RetryAfter time.Duration
	// Parallel is how many texts are read at once (default 8).
	Parallel int

	failed map[[32]byte]time.Time
}

// Pass reads every pending text once (but those that failed recently) and
// returns how many it stored.
func (r *TextsResolver) Pass(ctx context.Context) (int, error) {
	ix := r.S.cfg.Market
	if ix == nil {
		return 0, ErrNoMarketIndex
	}
	if r.failed == nil {
		r.failed = map[[32]byte]time.Time{}
	}
	retry, parallel := r.RetryAfter, r.Parallel
	if retry <= 0 {
		retry = 10 * time.Minute
	}
	if parallel <= 0 {
		parallel = 8
	}
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
				t, err := r.S.TermsText(ctx, h, TermsWait)
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

// Run makes a Pass every interval until ctx ends.
func (r *TextsResolver) Run(ctx context.Context, interval time.Duration) error {
	for {
		if _, err := r.Pass(ctx); err != nil && !errors.Is(err, context.Canceled) && ctx.Err() == nil {
			r.S.log.Warn("reading the market's terms texts", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(interval):
		}
	}
}
