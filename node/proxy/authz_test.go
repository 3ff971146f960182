package proxy

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// TestStrangerRequestsCostNoChainCalls is the flood a stranger can send for
// free: every signature recovers to some address, so requests signed by
// fresh keys for pairs the proxy has no grant of are unlimited. Each must
// be refused from local state: no chain RPC, and nothing left in the
// authorization cache.
func TestStrangerRequestsCostNoChainCalls(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	for i := range 200 {
		key, _ := crypto.GenerateKey()
		body := w.request(p, key)
		if i%2 == 1 { // the grantee's own address is unknown here too
			body = w.request(p, w.grantee)
		}
		if _, err := p.Reencrypt(w.ctx, body); !errors.Is(err, proxyapi.ErrNoKFrag) {
			t.Fatalf("request %d for a pair without a grant: %v, want no_kfrag", i, err)
		}
	}
	if n := w.chain.calls.Load(); n != 0 {
		t.Fatalf("200 stranger requests made %d chain calls, want 0", n)
	}
	p.mu.Lock()
	cached := len(p.authz)
	p.mu.Unlock()
	if cached != 0 {
		t.Fatalf("200 stranger requests left %d authorization cache entries, want 0", cached)
	}
}

// TestAuthzCacheKeepsOnlyGrantsItServes checks that the cache holds the
// positive answer for a served grant (one entry, one chain check per
// block) and nothing for refusals: an expired grant is asked again each
// time and never cached.
func TestAuthzCacheKeepsOnlyGrantsItServes(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	purpose := common.HexToHash("0x01")
	w.grant(p, purpose, w.sealGrant(purpose, []bundle.Recipient{recipient(p)}))
	for range 3 {
		if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
			t.Fatal(err)
		}
	}
	p.mu.Lock()
	at, ok := p.authz[pairKey{w.dataset, w.granteeAddr()}]
	n := len(p.authz)
	p.mu.Unlock()
	if !ok || n != 1 || at != 1 {
		t.Fatalf("cache after serving one grant: %d entries, block %d; want one entry at block 1", n, at)
	}
	// The grant expires on chain: refused, and the cache forgets it.
	w.chain.mu.Lock()
	w.chain.grants[pairKey{w.dataset, w.granteeAddr()}] = 1
	w.chain.block = 2
	w.chain.mu.Unlock()
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); !errors.Is(err, proxyapi.ErrExpired) {
		t.Fatalf("after expiry: %v, want expired", err)
	}
	p.mu.Lock()
	n = len(p.authz)
	p.mu.Unlock()
	if n != 0 {
		t.Fatalf("a refusal left %d cache entries", n)
	}
}
