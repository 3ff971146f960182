package service

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// Each test here is one row of THREAT-MODEL.md, written as the attack.

// TestAttackSquattedCID: a stranger registers the owner's CID under a
// dataset of its own, and even grants the brand that dataset so the brand's
// lookup finds the squatter's record. The brand's get still resolves the
// CID to the owner the envelope names and reads the owner's data; without a
// grant from the owner it is refused, never served the squatter's grant.
func TestAttackSquattedCID(t *testing.T) {
	w := newWorld(t)
	data := []byte("the owner's purchase history")
	ds, c := w.put(data)
	stranger := newService(t, w.ctx, w.chain, w.chain.Accounts()[5], w.ownerFS)
	sqKey, _ := reencrypt.GenerateSecretKey()
	sq, err := stranger.CreateDataset(w.ctx, sqKey)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := stranger.cfg.Chain.AddCID(w.ctx, sq, c.Bytes(), [32]byte{1}); err != nil {
		t.Fatalf("the squatter's registration: %v", err)
	}
	// The squatter grants the brand its dataset, through the same proxies.
	if _, err := stranger.Grant(w.ctx, GrantRequest{Dataset: sq, DatasetKey: sqKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "lure", Threshold: 2, Proxies: w.proxyAddrs()}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	// No grant from the owner yet: refused as such, not served the lure.
	if _, err := w.get(c); !errors.Is(err, ErrNoGrant) {
		t.Fatalf("get with only the squatter's grant: %v, want ErrNoGrant", err)
	}
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "analytics", Threshold: 2, Proxies: w.proxyAddrs()}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	var buf bytes.Buffer
	res, err := w.brand.Get(w.ctx, c, &buf)
	if err != nil || !bytes.Equal(buf.Bytes(), data) {
		t.Fatalf("get after the squat: %v", err)
	}
	if res.Dataset != ds || res.Owner != w.owner.Address() {
		t.Fatalf("resolved to dataset %d of %s, want %d of the owner", res.Dataset, res.Owner.Hex(), ds)
	}
	t.Logf("a CID the squatter also registered (dataset %d) resolved to the owner's dataset %d; %d bytes read", sq, res.Dataset, res.Bytes)
	// And the owner's own registration was never blocked.
	if rec, err := w.brand.cfg.Chain.DatasetOfCID(w.ctx, w.owner.Address(), c.Bytes()); err != nil || rec.Dataset != ds {
		t.Fatalf("the owner's record: %+v, %v", rec, err)
	}
}

// TestAttackRevokedToldAtOnce: after a revoke, and after an erase that
// unpinned and collected the data, the brand is told why within a second,
// with the block, from the chain — not after waiting out an IPFS fetch of
// content nobody serves any more.
func TestAttackRevokedToldAtOnce(t *testing.T) {
	w := newWorld(t)
	w.brand.cfg.FetchTimeout = 20 * time.Second // long: a fetch would show
	ds, c := w.put([]byte("profile"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2, Proxies: w.proxyAddrs()}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if _, err := w.get(c); err != nil {
		t.Fatal(err)
	}
	block, err := w.owner.Revoke(w.ctx, ds, w.brand.Address())
	if err != nil {
		t.Fatal(err)
	}
	w.dropEverything(c)
	start := time.Now()
	_, err = w.get(c)
	var pe *proxy.Error
	if !errors.Is(err, proxy.ErrRevoked) || !errors.As(err, &pe) || pe.Block != block || time.Since(start) > time.Second {
		t.Fatalf("after revoke: %v after %v, want ErrRevoked at block %d within 1s", err, time.Since(start), block)
	}
	t.Logf("revoked, data unpinned and collected: told in %v: %v", time.Since(start).Round(time.Millisecond), err)

	ds2, c2 := w.put([]byte("history"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds2, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2, Proxies: w.proxyAddrs()}); err != nil {
		t.Fatal(err)
	}
	if err := w.owner.Erase(w.ctx, ds2, []cid.Cid{c2}); err != nil {
		t.Fatal(err)
	}
	w.dropEverything(c2)
	start = time.Now()
	_, err = w.get(c2)
	if !errors.Is(err, proxy.ErrErased) || !errors.As(err, &pe) || pe.Block == 0 || time.Since(start) > time.Second {
		t.Fatalf("after erase: %v after %v, want ErrErased with its block within 1s", err, time.Since(start))
	}
	t.Logf("erased: told in %v: %v", time.Since(start).Round(time.Millisecond), err)
	// An unknown CID is refused as unknown at once too.
	start = time.Now()
	if _, err := w.get(randomCID(t)); !errors.Is(err, ErrUnknownCID) || time.Since(start) > time.Second {
		t.Fatalf("unknown CID: %v after %v", err, time.Since(start))
	}
}

// dropEverything unpins c on the owner's node and collects garbage, so
// nobody serves it any more.
func (w *world) dropEverything(c cid.Cid) {
	w.t.Helper()
	_ = w.ownerFS.Unpin(w.ctx, c)
	if _, err := w.ownerFS.GC(w.ctx); err != nil {
		w.t.Fatal(err)
	}
}

func randomCID(t *testing.T) cid.Cid {
	t.Helper()
	h := acl.CIDHash([]byte(t.Name() + time.Now().String()))
	return cid.NewCidV1(cid.Raw, append([]byte{0x12, 0x20}, h[:]...))
}

// proxyAddrs are the world's proxies, the set the owner chose.
func (w *world) proxyAddrs() []common.Address {
	var out []common.Address
	for _, tp := range w.proxies {
		out = append(out, tp.p.Address())
	}
	return out
}

// TestAttackRogueProxiesThenRevoke is the attack that defeated revocation:
// a buyer registers two proxies whose HPKE keys it holds, buys, is granted
// by the owner's market agent, reads, is revoked, and the owner puts a new
// version under the same dataset key. Offline, with every bundle of its
// grant the chain names and both of its proxies' keys, the attacker opens
// no kfrag at all — so it cannot re-encrypt the new version's capsule —
// and online it is refused.
func TestAttackRogueProxiesThenRevoke(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	rogueKeys := []*bundle.PrivateKey{w.registerRogueProxy(keys[5]), w.registerRogueProxy(keys[6])}
	rogues := []common.Address{crypto.PubkeyToAddress(keys[5].PublicKey), crypto.PubkeyToAddress(keys[6].PublicKey)}

	ds, c1 := w.put([]byte("version one"))
	const terms = "analytics"
	if err := w.owner.Offer(w.ctx, ds, big.NewInt(1000), 24*time.Hour, terms); err != nil {
		t.Fatal(err)
	}
	if _, err := w.brand.Buy(w.ctx, ds, terms); err != nil {
		t.Fatal(err)
	}
	var decisions []Decision
	agent, f := w.marketAgent(ds, terms, &decisions)
	if _, err := f.Poll(w.ctx, agent.HandleEvent); err != nil {
		t.Fatal(err)
	}
	if len(decisions) != 1 || !decisions[0].Granted {
		t.Fatalf("the agent's decisions %+v, want the purchase granted", decisions)
	}
	w.sync()
	if _, err := w.get(c1); err != nil {
		t.Fatalf("the buyer's read while granted: %v", err)
	}

	// Every bundle the chain ever named for this grant, fetched before the
	// revoke unpins them (the attacker kept copies).
	me := w.brand.Address()
	evs, err := w.brand.cfg.Chain.Granted(w.ctx, w.brand.since(), acl.GrantedFilter{Grantee: &me, Dataset: &ds})
	if err != nil {
		t.Fatal(err)
	}
	var bundles []*bundle.Bundle
	for _, g := range evs {
		bc, err := cid.Cast(acl.BundleCID(g.Bundle))
		if err != nil {
			t.Fatal(err)
		}
		raw, err := readAll(w.ctx, w.ownerFS, bc, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		bd, err := bundle.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		bundles = append(bundles, bd)
	}
	if len(bundles) == 0 {
		t.Fatal("no bundle on chain for the bought grant")
	}

	if _, err := w.owner.Revoke(w.ctx, ds, w.brand.Address()); err != nil {
		t.Fatal(err)
	}
	res, err := w.owner.Put(w.ctx, ds, w.dsKey, bytes.NewReader([]byte("version two, after the revoke")), "v2")
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := cid.Decode(res.CID)

	opened := 0
	for _, bd := range bundles {
		for i, hk := range rogueKeys {
			if _, err := bd.Open(bundle.Address(rogues[i]), hk); err == nil {
				opened++
			} else if !errors.Is(err, bundle.ErrNoEntry) {
				t.Fatalf("opening with the rogue key: %v, want ErrNoEntry", err)
			}
		}
		if bd.Grant.Threshold <= opened {
			t.Fatalf("the attacker's proxies hold %d kfrags of a %d-of-%d grant", opened, bd.Grant.Threshold, len(bd.Proxies))
		}
	}
	if opened != 0 {
		t.Fatalf("the attacker's proxies opened %d kfrags", opened)
	}
	t.Logf("the attacker's 2 proxies opened %d kfrags of the %d bundle(s) its grant had (threshold %d of %d)", opened, len(bundles), bundles[0].Grant.Threshold, len(bundles[0].Proxies))
	// With no kfrag there is no cfrag, and the new version's key does not
	// open without t of them.
	h, err := envstoreOpen(w.ctx, w.ownerFS, c2)
	if err != nil {
		t.Fatal(err)
	}
	capsule, _ := h.UmbralCapsule()
	if _, err := reencrypt.DecryptReencrypted(w.brand.cfg.Receiving, w.dsKey.PublicKey(), capsule, nil, h.WrappedKey[:]); err == nil {
		t.Fatal("the new version's file key opened without cfrags")
	}
	if _, err := w.get(c2); !errors.Is(err, proxy.ErrRevoked) {
		t.Fatalf("the revoked buyer's get of the new version: %v, want ErrRevoked", err)
	} else {
		t.Logf("the revoked buyer's get of the version put after the revoke: %v", err)
	}
	// And the revoke returned what had not vested.
	if b, err := w.brand.Balance(w.ctx); err != nil || b.Sign() == 0 {
		t.Fatalf("the revoked buyer's balance %v (%v), want the unvested part back", b, err)
	}
}

// TestAttackRevokedBuyerBuysAgain: the owner revokes a buyer; the buyer
// buys again, hoping the owner's market agent grants it automatically and
// undoes the revoke. The agent declines it — the buyer is refunded at once
// — and the revoke holds.
func TestAttackRevokedBuyerBuysAgain(t *testing.T) {
	w := newWorld(t)
	ds, c := w.put([]byte("for sale"))
	const terms = "analytics"
	price := big.NewInt(1000)
	if err := w.owner.Offer(w.ctx, ds, price, 24*time.Hour, terms); err != nil {
		t.Fatal(err)
	}
	var decisions []Decision
	agent, f := w.marketAgent(ds, terms, &decisions)
	buyAndPoll := func() Decision {
		t.Helper()
		decisions = nil
		if _, err := w.brand.Buy(w.ctx, ds, terms); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Poll(w.ctx, agent.HandleEvent); err != nil {
			t.Fatal(err)
		}
		if len(decisions) != 1 {
			t.Fatalf("decisions %+v, want one", decisions)
		}
		return decisions[0]
	}
	if d := buyAndPoll(); !d.Granted {
		t.Fatalf("the first purchase: %+v, want granted", d)
	}
	block, err := w.owner.Revoke(w.ctx, ds, w.brand.Address())
	if err != nil {
		t.Fatal(err)
	}
	refunded, err := w.brand.Balance(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := buyAndPoll()
	if d.Granted || !strings.Contains(d.Reason, "revoked") {
		t.Fatalf("the purchase after the revoke (block %d): %+v, want declined naming the revoke", block, d)
	}
	t.Logf("the revoked buyer's second purchase: declined: %s", d.Reason)
	if ok, err := w.owner.cfg.Chain.IsAuthorized(w.ctx, ds, w.brand.Address()); err != nil || ok {
		t.Fatalf("the revoked buyer is authorized again (%v)", err)
	}
	if b, err := w.brand.Balance(w.ctx); err != nil || new(big.Int).Sub(b, refunded).Cmp(price) != 0 {
		t.Fatalf("the declined buyer's balance %v (was %v), want the price %v back", b, refunded, price)
	}
	if _, err := w.get(c); !errors.Is(err, proxy.ErrRevoked) {
		t.Fatalf("the revoked buyer's get: %v, want ErrRevoked", err)
	}
}

// TestAttackRotateSurvivesRogueProxy: a proxy of a grant's set re-registers
// on chain with an endpoint pdx refuses, hoping the owner's next rotation
// fails on that grant and leaves the paying brand with kfrags of the old
// key only. The rotation re-bundles the grant to the owner's configured
// proxies instead, and the brand reads the version put before the rotation
// and the one put after.
func TestAttackRotateSurvivesRogueProxy(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	w.registerRogueProxy(keys[5])
	rogue := crypto.PubkeyToAddress(keys[5].PublicKey)
	ds, c1 := w.put([]byte("before the rotation"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2,
		Proxies: []common.Address{w.proxies[0].p.Address(), w.proxies[1].p.Address(), rogue}}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if _, err := w.get(c1); err != nil {
		t.Fatal(err)
	}
	w.rawTx(keys[5], bindings.NewRegistry().PackRegisterProxy("http://127.0.0.1:5001/api/v0/shutdown?arg=", make([]byte, 32)))

	newKey, _ := reencrypt.GenerateSecretKey()
	res, err := w.owner.Rotate(w.ctx, ds, newKey, []*reencrypt.SecretKey{w.dsKey})
	if err != nil {
		t.Fatalf("rotate with a rogue proxy in the grant's set: %v", err)
	}
	if len(res.Regrants) != 1 {
		t.Fatalf("re-bundled %d grants, want 1", len(res.Regrants))
	}
	sameSet(t, "the re-bundled grant", res.Regrants[0].Proxies, w.proxyAddrs())
	t.Logf("rotation re-bundled the grant to the configured proxies %v (the rogue %s is out)", res.Regrants[0].Proxies, rogue.Hex())
	w.sync()
	if got, err := w.get(c1); err != nil || string(got) != "before the rotation" {
		t.Fatalf("the version put before the rotation: %q, %v", got, err)
	}
	put, err := w.owner.Put(w.ctx, ds, newKey, bytes.NewReader([]byte("after the rotation")), "v2")
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := cid.Decode(put.CID)
	if got, err := w.get(c2); err != nil || string(got) != "after the rotation" {
		t.Fatalf("the version put after the rotation: %q, %v", got, err)
	}
}

// marketAgent is the owner's market agent for dataset ds under the default
// policy, recording its decisions, and a follower from the deploy block to
// feed it.
func (w *world) marketAgent(ds uint64, terms string, decisions *[]Decision) (*MarketAgent, *acl.Follower) {
	f := acl.NewFollower(w.chain.Client(), w.chain.Registry(), &acl.MemoryCursor{})
	f.Start = w.chain.DeployBlock()
	return &MarketAgent{S: w.owner,
		Item: func(id uint64) (*MarketItem, bool) {
			return &MarketItem{Key: w.dsKey, Terms: terms, Policy: config.Default().Market.Default}, id == ds
		},
		Record: func(d Decision) { *decisions = append(*decisions, d) },
	}, f
}
