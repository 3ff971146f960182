package proxy

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
)

// Getting a grant's kfrag (fetching its bundle from IPFS, opening and
// verifying it) is work anyone can make a proxy do: a grant costs ~50k gas,
// on a dataset of one's own, with a bundle digest nobody serves. So that
// work is kept off the event follower, shared, bounded and not repeated:
//
//   - a Granted event only starts a prefetch in the background, at most
//     prefetchSlots at a time; when all are busy the prefetch is skipped
//     and the first request fetches instead;
//   - concurrent loads of one grant (prefetch and requests alike) share one
//     fetch;
//   - a grant whose kfrag could not be had is not tried again for
//     fetchRetryAfter: requests meanwhile are refused from memory.
const (
	prefetchSlots   = 4
	fetchRetryAfter = 30 * time.Second
	// maxFailedFetches bounds the memory of failed loads; past it the
	// oldest entries are forgotten (so at worst those grants are fetched
	// again early).
	maxFailedFetches = 4096
)

// fetches is a proxy's shared kfrag loading state.
type fetches struct {
	slots chan struct{}  // one per running prefetch
	wg    sync.WaitGroup // prefetches and loads running

	mu      sync.Mutex
	flights map[grantRef]*flight
	failed  map[pairKey]failedLoad
}

func newFetches() *fetches {
	return &fetches{slots: make(chan struct{}, prefetchSlots), flights: map[grantRef]*flight{}, failed: map[pairKey]failedLoad{}}
}

// grantRef names one grant of a pair: a newer grant of the pair (another
// bundle, another block) is another load.
type grantRef struct {
	pairKey
	bundle    common.Hash
	grantedAt uint64
}

func refOf(g *grantState) grantRef {
	return grantRef{pairKey{g.Dataset, g.Grantee}, g.Bundle, g.GrantedAt}
}

type flight struct {
	done chan struct{}
	kf   *held
	err  error
}

type failedLoad struct {
	ref   grantRef
	until time.Time
	err   error
}

// refusal is what a request for the grant is answered while the failure
// is remembered: the original refusal, and when the proxy tries again.
func (f failedLoad) refusal() error {
	when := f.until.UTC().Format(time.RFC3339)
	var pe *proxyapi.Error
	if errors.As(f.err, &pe) {
		return refuse(pe.Code, pe.Block, "%s; this proxy tries again after %s", pe.Message, when)
	}
	return fmt.Errorf("%w; this proxy tries again after %s", f.err, when)
}

// failedRecently returns the remembered failure of g's kfrag, or nil.
func (p *Proxy) failedRecently(g *grantState) error {
	p.fetch.mu.Lock()
	defer p.fetch.mu.Unlock()
	f, ok := p.fetch.failed[g.pairKey()]
	if !ok || f.ref != refOf(g) {
		return nil
	}
	if !p.cfg.Now().Before(f.until) {
		delete(p.fetch.failed, g.pairKey())
		return nil
	}
	return f.refusal()
}

// rememberFailure notes that g's kfrag could not be had, so it is not
// tried again before fetchRetryAfter.
func (p *Proxy) rememberFailure(g *grantState, err error) {
	now := p.cfg.Now()
	f := failedLoad{ref: refOf(g), until: now.Add(fetchRetryAfter), err: err}
	p.log.Warn("kfrag could not be had; requests for the grant are refused until the proxy tries again", "dataset", g.Dataset, "grantee", g.Grantee.Hex(), "retry_at", f.until.UTC().Format(time.RFC3339), "err", err)
	p.fetch.mu.Lock()
	defer p.fetch.mu.Unlock()
	m := p.fetch.failed
	if _, ok := m[g.pairKey()]; !ok && len(m) >= maxFailedFetches {
		var oldest pairKey
		var first time.Time
		for k, e := range m {
			if !now.Before(e.until) {
				delete(m, k)
			} else if first.IsZero() || e.until.Before(first) {
				oldest, first = k, e.until
			}
		}
		if len(m) >= maxFailedFetches {
			delete(m, oldest)
		}
	}
	m[g.pairKey()] = f
}

func (g *grantState) pairKey() pairKey { return pairKey{g.Dataset, g.Grantee} }

// prefetch loads g's kfrag in the background, so the event follower moves
// on at once. When prefetchSlots prefetches are running it does nothing:
// the first request for the grant loads it.
func (p *Proxy) prefetch(ctx context.Context, g *grantState) {
	select {
	case p.fetch.slots <- struct{}{}:
	default:
		p.log.Info("kfrag not prefetched (others are being fetched); the first request fetches it", "dataset", g.Dataset, "grantee", g.Grantee.Hex())
		return
	}
	p.fetch.wg.Add(1)
	go func() {
		defer p.fetch.wg.Done()
		defer func() { <-p.fetch.slots }()
		// A failure of the bundle is logged where it is remembered.
		if _, err := p.loadKFrag(ctx, g); err != nil {
			if !errors.Is(err, errNotNamed) {
				p.log.Debug("kfrag not prefetched; the first request loads it", "dataset", g.Dataset, "grantee", g.Grantee.Hex(), "err", err)
			}
			return
		}
	}()
}

// loadShared runs loadKFragNow for g once for all concurrent callers. The
// load itself is not cancelled when a caller gives up (another may be
// waiting, and a load that ran to its end is remembered if it failed);
// fetchTimeout bounds it.
func (p *Proxy) loadShared(ctx context.Context, g *grantState) (*held, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ref := refOf(g)
	p.fetch.mu.Lock()
	f := p.fetch.flights[ref]
	if f == nil {
		f = &flight{done: make(chan struct{})}
		p.fetch.flights[ref] = f
		p.fetch.wg.Add(1)
		go func() {
			defer p.fetch.wg.Done()
			lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), fetchTimeout)
			defer cancel()
			f.kf, f.err = p.loadKFragNow(lctx, g)
			p.fetch.mu.Lock()
			delete(p.fetch.flights, ref)
			p.fetch.mu.Unlock()
			close(f.done)
		}()
	}
	p.fetch.mu.Unlock()
	select {
	case <-f.done:
		return f.kf, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// waitFetches waits for the prefetches and loads running to end. No event
// or request may start one meanwhile (sync.WaitGroup): tests call it once
// they stopped sending them.
func (p *Proxy) waitFetches() { p.fetch.wg.Wait() }
