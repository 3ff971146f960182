package service

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// The tests of this file are attacks on the owner's choice of proxies, on
// the market agent and on what a revoke or an erase leaves behind.

// rawTx sends data to the Registry from key as a plain transaction, past
// every check acl.Client makes first: what a stranger with its own tools
// can put on chain. The contract must accept it.
func (w *world) rawTx(key *ecdsa.PrivateKey, data []byte) {
	w.t.Helper()
	if rc := w.rawTxReceipt(key, data); rc.Status != types.ReceiptStatusSuccessful {
		w.t.Fatalf("the contract refused the stranger's transaction (receipt %+v)", rc)
	}
}

// rawTxReceipt is rawTx that returns the receipt, refused or not.
func (w *world) rawTxReceipt(key *ecdsa.PrivateKey, data []byte) *types.Receipt {
	w.t.Helper()
	ec := w.chain.Client()
	from := crypto.PubkeyToAddress(key.PublicKey)
	id, err := ec.ChainID(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	nonce, err := ec.PendingNonceAt(w.ctx, from)
	if err != nil {
		w.t.Fatal(err)
	}
	head, err := ec.HeaderByNumber(w.ctx, nil)
	if err != nil {
		w.t.Fatal(err)
	}
	tip := big.NewInt(1_000_000_000)
	to := w.chain.Registry()
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: id, Nonce: nonce, GasTipCap: tip,
		GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip), Gas: 1_000_000, To: &to, Data: data}),
		types.LatestSignerForChainID(id), key)
	if err != nil {
		w.t.Fatal(err)
	}
	if err := ec.SendTransaction(w.ctx, tx); err != nil {
		w.t.Fatal(err)
	}
	rc, err := bind.WaitMined(w.ctx, ec, tx.Hash())
	if err != nil {
		w.t.Fatal(err)
	}
	return rc
}

// registerRogueProxy registers key as a proxy with an HPKE key the caller
// holds, as a buyer preparing to keep kfrags of its own grant would.
func (w *world) registerRogueProxy(key *ecdsa.PrivateKey) *bundle.PrivateKey {
	w.t.Helper()
	hk, pub, err := bundle.GenerateKey()
	if err != nil {
		w.t.Fatal(err)
	}
	w.rawTx(key, bindings.NewRegistry().PackRegisterProxy("http://127.0.0.1:9/rogue", pub))
	return hk
}

// ownerWith is the owner's account and keys with another proxy set, as
// after the owner edits proxies.addresses and restarts.
func (w *world) ownerWith(set ProxySet) *Service {
	w.t.Helper()
	cfg := w.owner.cfg
	cfg.Proxies = set
	s, err := New(w.ctx, cfg)
	if err != nil {
		w.t.Fatal(err)
	}
	return s
}

// bundleOf parses a grant's kfrag bundle from the owner's store.
func (w *world) bundleOf(res *GrantResult) *bundle.Bundle {
	w.t.Helper()
	c, err := cid.Decode(res.Bundle)
	if err != nil {
		w.t.Fatal(err)
	}
	r, err := w.ownerFS.Get(w.ctx, c)
	if err != nil {
		w.t.Fatal(err)
	}
	defer r.Close()
	raw, err := io.ReadAll(r)
	if err != nil {
		w.t.Fatal(err)
	}
	bd, err := bundle.Parse(raw)
	if err != nil {
		w.t.Fatal(err)
	}
	return bd
}

// sameSet fails unless got and want hold the same addresses.
func sameSet(t *testing.T, what string, got, want []common.Address) {
	t.Helper()
	g, wa := slices.Clone(got), slices.Clone(want)
	cmp := func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) }
	slices.SortFunc(g, cmp)
	slices.SortFunc(wa, cmp)
	if !slices.Equal(g, wa) {
		t.Fatalf("%s: proxies %v, want exactly %v", what, g, wa)
	}
}

func bundleAddrs(bd *bundle.Bundle) []common.Address {
	out := make([]common.Address, len(bd.Proxies))
	for i, a := range bd.Proxies {
		out[i] = common.Address(a)
	}
	return out
}

// TestBuyerRogueProxiesGetNoKfrag: a would-be grantee registers a proxy on
// chain whose HPKE key it holds, then is granted with the owner's
// defaults. The grant uses exactly the owner's configured proxies: the
// bundle has no entry for the rogue proxy and its key opens nothing, so
// the grantee never holds kfrags it could re-encrypt with after a revoke.
func TestBuyerRogueProxiesGetNoKfrag(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	rogueKey := keys[5]
	hk := w.registerRogueProxy(rogueKey)
	rogue := crypto.PubkeyToAddress(rogueKey.PublicKey)

	ds, c := w.put([]byte("the owner's data"))
	res, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p"})
	if err != nil {
		t.Fatal(err)
	}
	sameSet(t, "the grant's result", res.Proxies, w.proxyAddrs())
	bd := w.bundleOf(res)
	sameSet(t, "the grant's bundle", bundleAddrs(bd), w.proxyAddrs())
	if bd.Grant.Threshold != 2 {
		t.Fatalf("threshold %d, want the configured 2", bd.Grant.Threshold)
	}
	if _, err := bd.Open(bundle.Address(rogue), hk); !errors.Is(err, bundle.ErrNoEntry) {
		t.Fatalf("the rogue proxy's key on the bundle: %v, want ErrNoEntry", err)
	}
	w.sync()
	if _, err := w.get(c); err != nil {
		t.Fatalf("the brand's get through the configured proxies: %v", err)
	}
}

// TestStrangerBadProxyEntriesDoNotBreakGrants: a stranger sends
// registerProxy("x", 0x00), which the contract now refuses, and then
// registers a proxy the contract does take but pdx must not use (an
// endpoint aimed at the owner's own kubo API). Grants still work; and when
// the owner's own list holds that entry and an address never registered,
// grants skip both for the next usable proxies and say nothing is wrong
// with the grant.
func TestStrangerBadProxyEntriesDoNotBreakGrants(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	if rc := w.rawTxReceipt(keys[5], bindings.NewRegistry().PackRegisterProxy("x", []byte{0x00})); rc.Status == types.ReceiptStatusSuccessful {
		t.Fatal(`the contract took registerProxy("x", 0x00)`)
	}
	w.rawTx(keys[5], bindings.NewRegistry().PackRegisterProxy("http://127.0.0.1:5001/api/v0/shutdown?arg=", make([]byte, 32)))
	garbage := crypto.PubkeyToAddress(keys[5].PublicKey)

	ds, c := w.put([]byte("still grantable"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2}); err != nil {
		t.Fatalf("a default grant after a garbage proxy entry on chain: %v", err)
	}

	unregistered := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	owner := w.ownerWith(ProxySet{Addresses: append([]common.Address{garbage, unregistered}, w.proxyAddrs()...), Shares: 3, Threshold: 2})
	res, err := owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p"})
	if err != nil {
		t.Fatalf("a grant whose configured list starts with unusable entries: %v", err)
	}
	sameSet(t, "the grant's bundle", bundleAddrs(w.bundleOf(res)), w.proxyAddrs())
	w.sync()
	if _, err := w.get(c); err != nil {
		t.Fatalf("the brand's get: %v", err)
	}

	// Named explicitly, the garbage entry is refused with its reason.
	_, err = w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 1, Proxies: []common.Address{garbage}})
	if !errors.Is(err, ErrUnusableProxy) || !strings.Contains(err.Error(), garbage.Hex()) {
		t.Fatalf("a grant naming the garbage proxy: %v, want ErrUnusableProxy naming it", err)
	}
}

// offCurveKey is 0x02 followed by an x for which no point exists: the
// contract takes it (it checks the prefix only), pdx can seal nothing to
// it.
func offCurveKey(t *testing.T) []byte {
	for x := int64(1); x < 1000; x++ {
		k := append([]byte{0x02}, common.BigToHash(big.NewInt(x)).Bytes()...)
		if _, err := reencrypt.PublicKeyFromBytes(k); err != nil {
			return k
		}
	}
	t.Fatal("no off-curve x below 1000")
	return nil
}

// TestOffCurveBuyerDoesNotStallMarket: a buyer registers a receiving key
// that is not a curve point and buys, another buys without any keys, and
// an honest brand buys after them. One poll of the owner's market agent
// refuses the first two, each with its reason in the record, and grants
// the third, which then reads the data.
func TestOffCurveBuyerDoesNotStallMarket(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	ds, c := w.put([]byte("for sale"))
	const terms = "analytics"
	price := big.NewInt(1000)
	if err := w.owner.Offer(w.ctx, ds, price, 24*time.Hour, terms); err != nil {
		t.Fatal(err)
	}

	attacker := keys[6]
	verifying, _ := reencrypt.GenerateSecretKey()
	w.rawTx(attacker, bindings.NewRegistry().PackRegisterKeys(offCurveKey(t), verifying.PublicKey().Bytes()))
	if _, err := client(t, w.ctx, w.chain, attacker).Buy(w.ctx, ds, price, TermsHash(terms), 24*time.Hour); err != nil {
		t.Fatal(err)
	}
	keyless := keys[7]
	if _, err := client(t, w.ctx, w.chain, keyless).Buy(w.ctx, ds, price, TermsHash(terms), 24*time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := w.brand.Buy(w.ctx, ds, terms); err != nil {
		t.Fatal(err)
	}

	var decisions []Decision
	agent := &MarketAgent{S: w.owner, Threshold: 2,
		Item: func(id uint64) (*MarketItem, bool) {
			return &MarketItem{Key: w.dsKey, Terms: terms, Policy: config.Default().Market.Default}, id == ds
		},
		Record: func(d Decision) { decisions = append(decisions, d) },
	}
	f := acl.NewFollower(w.chain.Client(), w.chain.Registry(), &acl.MemoryCursor{})
	f.Start = w.chain.DeployBlock()
	if _, err := f.Poll(w.ctx, agent.HandleEvent); err != nil {
		t.Fatalf("the market agent stopped on a purchase: %v", err)
	}
	if len(decisions) != 3 {
		t.Fatalf("decisions %+v, want one per purchase", decisions)
	}
	bad, none, good := decisions[0], decisions[1], decisions[2]
	attackerAddr := crypto.PubkeyToAddress(attacker.PublicKey)
	if bad.Buyer != attackerAddr || bad.Granted || !strings.Contains(bad.Reason, "receiving key") || !strings.Contains(bad.Reason, attackerAddr.Hex()) {
		t.Fatalf("the off-curve buyer's decision: %+v, want refused with the reason naming its receiving key", bad)
	}
	keylessAddr := crypto.PubkeyToAddress(keyless.PublicKey)
	if none.Buyer != keylessAddr || none.Granted || !strings.Contains(none.Reason, "register its keys") {
		t.Fatalf("the keyless buyer's decision: %+v, want refused with the reason", none)
	}
	if good.Buyer != w.brand.Address() || !good.Granted {
		t.Fatalf("the honest buyer's decision: %+v, want granted", good)
	}
	// Both refused buyers have their payment back at once (declined on
	// chain), not after the grant window.
	for _, b := range []common.Address{attackerAddr, keylessAddr} {
		if bal, err := w.owner.cfg.Chain.BalanceOf(w.ctx, b); err != nil || bal.Cmp(price) != 0 {
			t.Fatalf("refused buyer %s's balance %v (%v), want its %v back", b.Hex(), bal, err, price)
		}
		if strings.Contains(decisionOf(decisions, b).Reason, "not declined on chain") {
			t.Fatalf("the decline failed: %+v", decisionOf(decisions, b))
		}
	}
	w.sync()
	if _, err := w.get(c); err != nil {
		t.Fatalf("the honest buyer's get: %v", err)
	}
}

// TestSecondPurchaseOfLiveGrantRefused: a brand buys and is granted; a
// second purchase while that grant lives is refused by the contract (a
// buyer is never charged twice for access it holds), so the market agent
// has nothing to grant, and the grant keeps the proxies it was made with.
func TestSecondPurchaseOfLiveGrantRefused(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	ds, _ := w.put([]byte("for sale twice"))
	const terms = "analytics"
	if err := w.owner.Offer(w.ctx, ds, big.NewInt(1000), 24*time.Hour, terms); err != nil {
		t.Fatal(err)
	}
	var others []common.Address
	for _, k := range keys[5:8] {
		w.registerRogueProxy(k)
		others = append(others, crypto.PubkeyToAddress(k.PublicKey))
	}
	f := acl.NewFollower(w.chain.Client(), w.chain.Registry(), &acl.MemoryCursor{})
	f.Start = w.chain.DeployBlock()
	for i, owner := range []*Service{w.owner, w.ownerWith(ProxySet{Addresses: others, Threshold: 2})} {
		_, err := w.brand.Buy(w.ctx, ds, terms)
		if i == 1 {
			if !errors.Is(err, acl.ErrAlreadyGranted) {
				t.Fatalf("a second purchase while the grant lives: %v, want ErrAlreadyGranted", err)
			}
		} else if err != nil {
			t.Fatal(err)
		}
		var decisions []Decision
		agent := &MarketAgent{S: owner,
			Item: func(id uint64) (*MarketItem, bool) {
				return &MarketItem{Key: w.dsKey, Terms: terms, Policy: config.Default().Market.Default}, id == ds
			},
			Record: func(d Decision) { decisions = append(decisions, d) },
		}
		if _, err := f.Poll(w.ctx, agent.HandleEvent); err != nil {
			t.Fatal(err)
		}
		if want := 1 - i; len(decisions) != want || want == 1 && !decisions[0].Granted {
			t.Fatalf("purchase %d: decisions %+v, want %d grant", i+1, decisions, want)
		}
		g, err := w.owner.latestGrantTo(w.ctx, ds, w.brand.Address())
		if err != nil || g == nil {
			t.Fatalf("purchase %d: no grant on chain: %v", i+1, err)
		}
		sameSet(t, fmt.Sprintf("purchase %d's bundle", i+1), w.owner.keptProxies(w.ctx, ds, w.brand.Address(), g.Bundle), w.proxyAddrs())
	}
}

// TestRotateKeepsGrantProxies: the owner changes its configured proxies
// after a grant, then rotates the dataset key. The re-grant goes to the
// proxies the grant was made with — its bundle says so — not to the new
// configured set, and the grantee reads a version put after the rotation.
func TestRotateKeepsGrantProxies(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	ds, _ := w.put([]byte("before the rotation"))
	first, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p"})
	if err != nil {
		t.Fatal(err)
	}
	sameSet(t, "the first grant", bundleAddrs(w.bundleOf(first)), w.proxyAddrs())

	var others []common.Address
	for _, k := range keys[5:8] {
		w.registerRogueProxy(k)
		others = append(others, crypto.PubkeyToAddress(k.PublicKey))
	}
	moved := w.ownerWith(ProxySet{Addresses: others, Threshold: 2})
	newKey, _ := reencrypt.GenerateSecretKey()
	res, err := moved.Rotate(w.ctx, ds, newKey, []*reencrypt.SecretKey{w.dsKey})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Regrants) != 1 {
		t.Fatalf("re-grants: %+v", res.Regrants)
	}
	sameSet(t, "the re-grant's result", res.Regrants[0].Proxies, w.proxyAddrs())
	sameSet(t, "the re-grant's bundle", bundleAddrs(w.bundleOf(res.Regrants[0])), w.proxyAddrs())

	w.sync()
	put, err := moved.Put(w.ctx, ds, newKey, bytes.NewReader([]byte("after the rotation")), "v2")
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := cid.Decode(put.CID)
	if got, err := w.get(c2); err != nil || string(got) != "after the rotation" {
		t.Fatalf("the grantee's get after the rotation: %v", err)
	}
}

// bundlePins lists the owner's pins of the dataset's kfrag bundles.
func (w *world) bundlePins(ds uint64) []string {
	w.t.Helper()
	pins, err := w.ownerFS.Pins(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, p := range pins {
		if strings.HasPrefix(p.Name, bundlePinPrefix(ds)) {
			out = append(out, p.Name)
		}
	}
	slices.Sort(out)
	return out
}

// TestRevokeAndEraseUnpinBundles: a bundle left pinned after its grant
// ends is what t proxies' long-lived HPKE keys and the grantee's key would
// reopen. After a revoke no bundle of that grant stays pinned (another
// grantee's does), and after an erase none of the dataset's.
func TestRevokeAndEraseUnpinBundles(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	other := newService(t, w.ctx, w.chain, keys[5], w.net.OpenStore())
	ds, c := w.put([]byte("to be erased"))
	for _, grantee := range []common.Address{w.brand.Address(), other.Address()} {
		if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: grantee,
			Expiry: time.Now().Add(time.Hour), Purpose: "p"}); err != nil {
			t.Fatal(err)
		}
	}
	// A second grant to the brand (a re-grant) adds a second bundle under
	// the same name.
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(2 * time.Hour), Purpose: "p"}); err != nil {
		t.Fatal(err)
	}
	if got := w.bundlePins(ds); len(got) != 3 {
		t.Fatalf("bundle pins before the revoke: %v", got)
	}

	if _, err := w.owner.Revoke(w.ctx, ds, w.brand.Address()); err != nil {
		t.Fatal(err)
	}
	want := []string{bundlePinName(ds, other.Address())}
	if got := w.bundlePins(ds); !slices.Equal(got, want) {
		t.Fatalf("bundle pins after revoking the brand: %v, want only %v", got, want)
	}

	if err := w.owner.Erase(w.ctx, ds, []cid.Cid{c}); err != nil {
		t.Fatal(err)
	}
	if got := w.bundlePins(ds); len(got) != 0 {
		t.Fatalf("bundle pins after the erase: %v, want none", got)
	}
}

func decisionOf(ds []Decision, buyer common.Address) Decision {
	for _, d := range ds {
		if d.Buyer == buyer {
			return d
		}
	}
	return Decision{}
}
