package proxy

import (
	"context"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// A grant is usually recorded by the proxy's event follower. A brand that
// reads right after the grant's block can be faster than the follower's
// next poll; rather than refuse it ("not seen yet"), the proxy looks the
// grant up on chain itself and loads its kfrag there and then.
//
// Anyone can send a signed request (every signature recovers to some
// address), so that lookup is work a stranger can cause, and it is held to:
//
//   - only when the follower is behind: the chain's head (pushed, or
//     read at most every headReuse) is past the last block the follower
//     handled, so a proxy that is caught up refuses from local state as
//     before;
//   - a grant live on chain at the latest block (one call) whose Granted
//     event lies in the blocks the follower has not reached, at most
//     maxDiscoverSpan of them (one log query);
//   - each (dataset, grantee) pair at most once per head block, at most
//     maxDiscoveriesPerBlock pairs per head block, discoverSlots at a
//     time: past these the request is refused as before (no_kfrag, which
//     brands retry) and the follower records the grant at its next poll;
//   - the kfrag load that follows is the shared, bounded and remembered
//     load of fetch.go.
const (
	maxDiscoverSpan        = 1024
	maxDiscoveriesPerBlock = 16
	discoverSlots          = 4
	discoverTimeout        = 5 * time.Second
)

// GrantFinder is a Chain that can also find a pair's newest Granted event
// in a block range. A proxy whose Chain is one looks grants up on demand
// (RegistryChain is).
type GrantFinder interface {
	// LatestGranted is the newest Granted event of (dataset, grantee) in
	// blocks from..to, or nil.
	LatestGranted(ctx context.Context, dataset uint64, grantee common.Address, from, to uint64) (*GrantEvent, error)
}

// GrantEvent is what a Granted event tells a proxy.
type GrantEvent struct {
	Threshold uint8
	Purpose   common.Hash
	Bundle    common.Hash
	Block     uint64
}

// discovery is a proxy's on-demand lookup state.
type discovery struct {
	slots chan struct{}

	mu   sync.Mutex
	head uint64
	n    int
	seen map[pairKey]bool

	// The head as last read for a lookup, when the chain does not push
	// heads: read again at most every headReuse, so a flood of requests
	// costs no head read each.
	headMu   sync.Mutex
	readHead uint64
	readAt   time.Time
}

const headReuse = 250 * time.Millisecond

// headFor is the chain's head for deciding whether to look up: pushed by
// FollowHeads, or read at most every headReuse.
func (p *Proxy) headFor(ctx context.Context) (uint64, error) {
	if n := p.pushed.Load(); n != 0 {
		return n, nil
	}
	d := p.disc
	d.headMu.Lock()
	defer d.headMu.Unlock()
	if !d.readAt.IsZero() && time.Since(d.readAt) < headReuse {
		return d.readHead, nil
	}
	h, err := p.head(ctx)
	if err != nil {
		return 0, err
	}
	d.readHead, d.readAt = h, time.Now()
	return h, nil
}

func newDiscovery() *discovery {
	return &discovery{slots: make(chan struct{}, discoverSlots), seen: map[pairKey]bool{}}
}

// admit reserves one lookup of key at head, or reports that the budget of
// head is spent, the pair was looked up at head already, or every slot is
// busy. A reservation is released with done.
func (d *discovery) admit(key pairKey, head uint64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if head != d.head {
		d.head, d.n = head, 0
		clear(d.seen)
	}
	if d.seen[key] || d.n >= maxDiscoveriesPerBlock {
		return false
	}
	select {
	case d.slots <- struct{}{}:
	default:
		return false
	}
	d.seen[key] = true
	d.n++
	return true
}

func (d *discovery) done() { <-d.slots }

// noteFollowed records the next block the event follower will read: every
// block before it has been handled.
func (p *Proxy) noteFollowed(next uint64) { p.followNext.Store(next) }

// discover looks up on chain a grant of key that this proxy holds no
// record of, when its follower may simply not have reached it, and
// records it as the follower would have (OnGranted). It reports whether
// it recorded one; every failure is a "no" (the request is refused as
// before, and the follower catches up).
func (p *Proxy) discover(ctx context.Context, key pairKey) bool {
	gf, ok := p.cfg.Chain.(GrantFinder)
	next := p.followNext.Load()
	if !ok || next == 0 {
		return false // not following events: nothing to catch up with
	}
	head, err := p.headFor(ctx)
	if err != nil || head < p.confirmations || head-p.confirmations < next {
		return false // the follower has handled every block that counts
	}
	if !p.disc.admit(key, head) {
		return false
	}
	defer p.disc.done()
	ctx, cancel := context.WithTimeout(ctx, discoverTimeout)
	defer cancel()
	live, err := p.cfg.Chain.IsAuthorized(ctx, key.dataset, key.grantee)
	if err != nil || !live {
		return false
	}
	// The head may have moved since it was pushed: the grant can be in the
	// newest block.
	latest, err := p.cfg.Chain.BlockNumber(ctx)
	if err != nil || latest < p.confirmations {
		return false
	}
	last := latest - p.confirmations
	from := max(next, last-min(last, maxDiscoverSpan))
	if from > last {
		return false
	}
	ev, err := gf.LatestGranted(ctx, key.dataset, key.grantee, from, last)
	if err != nil || ev == nil {
		return false
	}
	if err := p.OnGranted(ctx, key.dataset, key.grantee, ev.Threshold, ev.Purpose, ev.Bundle, ev.Block); err != nil {
		p.log.Warn("a grant looked up on demand could not be recorded", "dataset", key.dataset, "grantee", key.grantee.Hex(), "err", err)
		return false
	}
	p.metrics.discovered.Inc()
	p.log.Info("grant looked up on demand, ahead of the event follower", "dataset", key.dataset, "grantee", key.grantee.Hex(), "block", ev.Block)
	return true
}
