package proxy

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// findingChain is testChain with Granted events, so the proxy can look a
// grant up on demand; it counts the lookups.
type findingChain struct {
	*testChain
	events  map[pairKey]GrantEvent
	lookups int
	checks  atomic.Int64 // IsAuthorized calls
}

func (c *findingChain) IsAuthorized(ctx context.Context, dataset uint64, grantee common.Address) (bool, error) {
	c.checks.Add(1)
	return c.testChain.IsAuthorized(ctx, dataset, grantee)
}

func (c *findingChain) LatestGranted(_ context.Context, dataset uint64, grantee common.Address, from, to uint64) (*GrantEvent, error) {
	c.calls.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lookups++
	ev, ok := c.events[pairKey{dataset, grantee}]
	if !ok || ev.Block < from || ev.Block > to {
		return nil, nil
	}
	return &ev, nil
}

// followingProxy is a proxy whose event follower has handled the blocks
// before next (and nothing of the grants in them), on a chain with events.
func (w *testWorld) followingProxy(next uint64) (*Proxy, *findingChain) {
	fc := &findingChain{testChain: w.chain, events: map[pairKey]GrantEvent{}}
	p := w.newProxy("", func(c *Config) { c.Chain = fc })
	p.noteFollowed(next)
	return p, fc
}

// TestGrantLookedUpOnDemand: a request for a grant made in a block the
// proxy's follower has not reached yet is served at once: the proxy finds
// the grant on chain, fetches and opens its kfrag, and re-encrypts. The
// follower's own delivery of the event later changes nothing.
func TestGrantLookedUpOnDemand(t *testing.T) {
	w := newTestWorld(t)
	p, fc := w.followingProxy(5)
	purpose := common.HexToHash("0x01")
	digest := w.sealGrant(purpose, []bundle.Recipient{recipient(p)})
	fc.mu.Lock()
	fc.block = 6
	fc.grants[pairKey{w.dataset, w.granteeAddr()}] = uint64(time.Now().Add(time.Hour).Unix())
	fc.events[pairKey{w.dataset, w.granteeAddr()}] = GrantEvent{Threshold: 1, Purpose: purpose, Bundle: digest, Block: 6}
	fc.mu.Unlock()
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
		t.Fatalf("first request right after the grant: %v", err)
	}
	if err := p.OnGranted(w.ctx, w.dataset, w.granteeAddr(), 1, purpose, digest, 6); err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	held := p.kfrags[pairKey{w.dataset, w.granteeAddr()}] != nil
	p.mu.Unlock()
	if !held {
		t.Fatal("the follower's later delivery of the same grant dropped the kfrag")
	}
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
		t.Fatalf("second request: %v", err)
	}

	// A proxy whose follower has handled the grant's block does not look
	// anything up: a pair it holds no record of is refused from memory.
	caught, fc2 := w.followingProxy(7)
	before := fc2.calls.Load()
	if _, err := caught.Reencrypt(w.ctx, w.request(caught, w.grantee)); !errors.Is(err, proxyapi.ErrNoKFrag) {
		t.Fatalf("caught-up proxy: %v, want no_kfrag", err)
	}
	if n := fc2.calls.Load() - before; n > 1 { // the head, at most
		t.Fatalf("a caught-up proxy made %d chain calls for a pair it has no record of, want at most the head read", n)
	}
}

// TestStrangerLookupsAreBounded: while the follower is behind, requests
// signed by fresh keys (no grant anywhere) can make the proxy look up at
// most maxDiscoveriesPerBlock pairs per head block; every request is
// refused as before and nothing is recorded or cached.
func TestStrangerLookupsAreBounded(t *testing.T) {
	w := newTestWorld(t)
	p, fc := w.followingProxy(1)
	fc.mu.Lock()
	fc.block = 3
	fc.mu.Unlock()
	for i := range 200 {
		key, _ := crypto.GenerateKey()
		if _, err := p.Reencrypt(w.ctx, w.request(p, key)); !errors.Is(err, proxyapi.ErrNoKFrag) {
			t.Fatalf("stranger request %d: %v, want no_kfrag", i, err)
		}
	}
	// A lookup asks whether the pair is authorized (never, for a
	// stranger: no event query follows), at most maxDiscoveriesPerBlock
	// times per head block.
	if fc.lookups != 0 {
		t.Fatalf("strangers caused %d event queries, want 0", fc.lookups)
	}
	if n := fc.checks.Load(); n == 0 || n > maxDiscoveriesPerBlock {
		t.Fatalf("200 stranger requests at one head made %d grant checks, want 1 to %d", n, maxDiscoveriesPerBlock)
	}
	// The next block opens a new budget, no more.
	fc.mu.Lock()
	fc.block = 4
	fc.mu.Unlock()
	for range 200 {
		key, _ := crypto.GenerateKey()
		_, _ = p.Reencrypt(w.ctx, w.request(p, key))
	}
	if n := fc.checks.Load(); n > 2*maxDiscoveriesPerBlock {
		t.Fatalf("400 stranger requests over two head blocks made %d grant checks, want at most %d", n, 2*maxDiscoveriesPerBlock)
	}
	p.mu.Lock()
	cached := len(p.authz)
	p.mu.Unlock()
	if cached != 0 {
		t.Fatalf("stranger requests left %d authorization cache entries", cached)
	}
	if gs, err := p.store.grantsOf(w.dataset); err != nil || len(gs) != 0 {
		t.Fatalf("stranger requests left grant records: %v %v", gs, err)
	}
}
