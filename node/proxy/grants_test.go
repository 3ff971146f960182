package proxy

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// otherProxies are recipients that are not p: what an owner's grant lists
// when it chose other proxies.
func otherProxies(t *testing.T, n int) []bundle.Recipient {
	t.Helper()
	var out []bundle.Recipient
	for range n {
		key, _ := crypto.GenerateKey()
		_, pub, err := bundle.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, bundle.Recipient{Proxy: bundle.Address(crypto.PubkeyToAddress(key.PublicKey)), PublicKey: pub})
	}
	return out
}

func grantFiles(t *testing.T, p *Proxy) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(p.cfg.Dir, "grants", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestGrantNamingOtherProxiesLeavesNoState: a proxy follows the grants
// whose GrantedVia events name it, which the owner chooses freely, but only
// the proxies a grant's bundle names may act on it. A proxy the owner did not choose keeps no grant file, no
// kfrag, asks the chain nothing, and refuses the grantee like a stranger.
// A grant whose bundle cannot be fetched yet stays pending, and is dropped
// when the bundle, once fetched (fetchRetryAfter after the failed fetch),
// names other proxies.
func TestGrantNamingOtherProxiesLeavesNoState(t *testing.T) {
	w := newTestWorld(t)
	clock := newTestClock()
	p := w.newProxy("", func(c *Config) { c.Now = clock.Now })
	purpose := common.HexToHash("0x01")
	w.grant(p, purpose, w.sealGrant(purpose, otherProxies(t, 2)))
	if files := grantFiles(t, p); len(files) != 0 {
		t.Fatalf("a grant naming other proxies left %v", files)
	}
	if n := w.chain.calls.Load(); n != 0 {
		t.Fatalf("a grant naming other proxies cost %d chain calls", n)
	}
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); !errors.Is(err, proxyapi.ErrNoKFrag) {
		t.Fatalf("the grantee of a grant naming other proxies: %v, want no_kfrag", err)
	}

	// Pending: the bundle is not on IPFS yet when the event arrives.
	purpose2 := common.HexToHash("0x02")
	digest := w.sealGrant(purpose2, otherProxies(t, 3))
	data, _ := w.bundles.Bundle(w.ctx, digest)
	delete(w.bundles.m, digest)
	w.grant(p, purpose2, digest)
	if files := grantFiles(t, p); len(files) != 1 {
		t.Fatalf("a grant whose bundle is not fetched yet: grant files %v, want it pending", files)
	}
	w.bundles.put(data)
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); !errors.Is(err, proxyapi.ErrUnavailable) {
		t.Fatalf("right after the failed fetch: %v, want unavailable (not tried again yet)", err)
	}
	clock.advance(fetchRetryAfter)
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); !errors.Is(err, proxyapi.ErrNoKFrag) {
		t.Fatalf("once the bundle is fetched: %v, want no_kfrag", err)
	}
	if files := grantFiles(t, p); len(files) != 0 {
		t.Fatalf("once fetched, a bundle naming other proxies left %v", files)
	}
	// Its revocation leaves nothing either.
	if err := p.OnRevoked(w.dataset, w.granteeAddr(), w.grantBlock+1); err != nil {
		t.Fatal(err)
	}
	if files := grantFiles(t, p); len(files) != 0 {
		t.Fatalf("the revocation of a grant naming other proxies left %v", files)
	}
}

// TestReplayedGrantDoesNotReviveRevokedGrant replays an old Granted event
// after the grant's revocation, as a follower re-reading a range of blocks
// (or anyone feeding it events) would: the grant stays revoked, and the
// proxy holds no kfrag for it, on disk or in memory.
func TestReplayedGrantDoesNotReviveRevokedGrant(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	purpose := common.HexToHash("0x01")
	digest := w.sealGrant(purpose, []bundle.Recipient{recipient(p)})
	w.grantBlock = 9
	w.grant(p, purpose, digest) // block 10
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
		t.Fatalf("the live grant: %v", err)
	}
	if err := p.OnRevoked(w.dataset, w.granteeAddr(), 12); err != nil {
		t.Fatal(err)
	}
	if err := p.OnGranted(w.ctx, w.dataset, w.granteeAddr(), 1, purpose, digest, 10); err != nil {
		t.Fatal(err)
	}
	p.waitFetches() // a prefetch it started would store the kfrag
	g, err := p.store.grant(w.dataset, w.granteeAddr())
	if err != nil || g == nil || g.Ended != "revoked" || g.EndedAt != 12 || g.KFrag != "" {
		t.Fatalf("after replaying the Granted event of block 10: %+v, %v; want the grant revoked at 12, no kfrag", g, err)
	}
	p.mu.Lock()
	kf := p.kfrags[pairKey{w.dataset, w.granteeAddr()}]
	p.mu.Unlock()
	if kf != nil {
		t.Fatal("the replay put the revoked kfrag back in memory")
	}
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); !errors.Is(err, proxyapi.ErrRevoked) {
		t.Fatalf("a request after the replay: %v, want revoked", err)
	}
}
