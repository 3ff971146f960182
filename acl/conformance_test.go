package acl_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"github.com/ethereum/go-ethereum"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
)

// conformance is the suite every backend runs: the same functions, the same
// assertions, against the simulated backend, the embedded dev chain and a
// real geth --dev process.
var conformance = []struct {
	name string
	fn   func(t *testing.T, e *env)
}{
	{"KeysDatasetsCIDs", testKeysDatasetsCIDs},
	{"GrantRevoke", testGrantRevoke},
	{"GrantExpires", testGrantExpires},
	{"Strangers", testStrangers},
	{"OnChainRevert", testOnChainRevert},
	{"Erase", testErase},
	{"MarketGrantReleases", testMarketGrantReleases},
	{"MarketRefund", testMarketRefund},
	{"MarketFrontRunReoffer", testMarketFrontRunReoffer},
	{"MarketInstantRevokeRefunds", testMarketInstantRevoke},
	{"MarketEraseRefundsUnvested", testMarketEraseRefunds},
	{"MarketNoSelfOrDoubleBuy", testMarketNoSelfOrDoubleBuy},
	{"MarketDecline", testMarketDecline},
	{"MarketPrivateOffer", testMarketPrivateOffer},
	{"MarketOffersPerTerms", testMarketOffersPerTerms},
	{"InterfaceVersion", testInterfaceVersion},
	{"Visibility", testVisibility},
	{"CIDSquatting", testCIDSquatting},
	{"KeyEpochs", testKeyEpochs},
	{"ReentrantReceiver", testReentrantReceiver},
	{"Proxies", testProxies},
	{"MalformedKeysCostNothing", testMalformedKeys},
	{"ConcurrentNonces", testConcurrentNonces},
	{"FollowerResumes", testFollowerResumes},
	{"EventQueries", testEventQueries},
	{"EventQueryWindows", testEventQueryWindows},
	{"ChainReads", testChainReads},
}

func runConformance(t *testing.T, e *env) {
	for _, c := range conformance {
		t.Run(c.name, func(t *testing.T) { c.fn(t, e) })
	}
}

// grantWindow is short so that refunds can be tested by mining a few blocks.
const grantWindow = 4 * time.Second

func deploy(t *testing.T, e *env) *acl.Client {
	t.Helper()
	c, rc, err := acl.Deploy(testCtx(t), e.backend, e.keys[kOwner], grantWindow, nil)
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("deploy receipt status %d", rc.Status)
	}
	return c
}

func as(t *testing.T, e *env, c *acl.Client, who int, opts *acl.Options) *acl.Client {
	t.Helper()
	x, err := acl.New(testCtx(t), e.backend, c.Address(), e.keys[who], opts)
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	return x
}

func pubkey(t *testing.T) []byte {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return crypto.CompressPubkey(&k.PublicKey)
}

func rand32(t *testing.T) [32]byte {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return b
}

func cidv1(t *testing.T) []byte {
	d := rand32(t)
	return append([]byte{0x01, 0x70, 0x12, 0x20}, d[:]...)
}

// wantRevert checks err is a *RevertError matching the sentinel.
func wantRevert(t *testing.T, err error, sentinel error) *acl.RevertError {
	t.Helper()
	var re *acl.RevertError
	if !errors.As(err, &re) {
		t.Fatalf("got %v, want a *RevertError (%v)", err, sentinel)
	}
	if !errors.Is(err, sentinel) {
		t.Fatalf("got %v, want %v", err, sentinel)
	}
	return re
}

// ok turns (value, error) into the value, failing the test on an error:
// ok(c.Call(ctx))(t).
func ok[T any](v T, err error) func(t *testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func newDataset(t *testing.T, owner *acl.Client) uint64 {
	t.Helper()
	id, _, err := owner.CreateDataset(testCtx(t), pubkey(t))
	if err != nil {
		t.Fatalf("create dataset: %v", err)
	}
	return id
}

func testKeysDatasetsCIDs(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	brand := as(t, e, owner, kBrand, nil)

	recv, ver := pubkey(t), pubkey(t)
	ok(brand.RegisterKeys(ctx, recv, ver))(t)
	k := ok(owner.KeysOf(ctx, e.addr(kBrand)))(t)
	if !bytes.Equal(k.Receiving, recv) || !bytes.Equal(k.Verifying, ver) {
		t.Fatalf("keys read back differ")
	}
	_, err := brand.RegisterKeys(ctx, pubkey(t), pubkey(t))
	wantRevert(t, err, acl.ErrKeysAlreadyRegistered)
	if _, err := owner.KeysOf(ctx, e.addr(kStranger)); !errors.Is(err, acl.ErrNoKeys) {
		t.Fatalf("keys of a stranger: %v", err)
	}

	dk := pubkey(t)
	id, _, err := owner.CreateDataset(ctx, dk)
	if err != nil {
		t.Fatal(err)
	}
	id2 := newDataset(t, owner)
	if id != 1 || id2 != 2 {
		t.Fatalf("dataset ids %d, %d; want 1, 2", id, id2)
	}
	d := ok(brand.DatasetInfo(ctx, id))(t)
	if d.Owner != e.addr(kOwner) || !bytes.Equal(d.DelegatingKey, dk) || d.Erased || d.Versions != 0 {
		t.Fatalf("dataset %+v", d)
	}
	if _, err := brand.DatasetInfo(ctx, 99); !errors.Is(err, acl.ErrUnknownDataset) {
		t.Fatalf("unknown dataset: %v", err)
	}

	var cids [][]byte
	for i := 1; i <= 3; i++ {
		cid := cidv1(t)
		fp := rand32(t)
		v, _, err := owner.AddCID(ctx, id, cid, fp)
		if err != nil {
			t.Fatal(err)
		}
		if v != uint32(i) {
			t.Fatalf("version %d, want %d", v, i)
		}
		r := ok(brand.DatasetOfCID(ctx, e.addr(kOwner), cid))(t)
		if r.Dataset != id || r.Owner != e.addr(kOwner) || r.Version != uint32(i) || r.Epoch != 0 || !bytes.Equal(r.FingerprintPrefix[:], fp[:18]) {
			t.Fatalf("cid record %+v", r)
		}
		cids = append(cids, cid)
	}
	if d := ok(brand.DatasetInfo(ctx, id))(t); d.Versions != 3 {
		t.Fatalf("versions %d, want 3", d.Versions)
	}
	// A CID belongs to one dataset, once.
	_, _, err = owner.AddCID(ctx, id2, cids[0], rand32(t))
	wantRevert(t, err, acl.ErrCIDExists)
	if _, err := brand.DatasetOfCID(ctx, e.addr(kOwner), cidv1(t)); !errors.Is(err, acl.ErrUnknownCID) {
		t.Fatalf("unknown cid: %v", err)
	}
	if _, _, err := owner.AddCID(ctx, id, nil, rand32(t)); !errors.Is(err, acl.ErrInvalidArgument) {
		t.Fatalf("empty cid: %v", err)
	}
}

func testGrantRevoke(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	brand := e.addr(kBrand)
	if authorized := ok(owner.IsAuthorized(ctx, id, brand))(t); authorized {
		t.Fatal("authorized before any grant")
	}
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	purpose, bundle := rand32(t), rand32(t)
	rc, err := owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: brand, Expiry: expiry, Threshold: 2, PurposeHash: purpose, Bundle: bundle})
	if err != nil {
		t.Fatal(err)
	}
	if authorized := ok(owner.IsAuthorized(ctx, id, brand))(t); !authorized {
		t.Fatal("not authorized after grant")
	}
	g := ok(owner.GrantOf(ctx, id, brand))(t)
	if !g.Exists || !g.Expiry.Equal(expiry) || g.Threshold != 2 || g.Bought {
		t.Fatalf("grant %+v", g)
	}
	// The Granted event carries what a proxy needs.
	reg := bindings.NewRegistry()
	var found bool
	for _, l := range rc.Logs {
		ev, err := reg.UnpackGrantedEvent(l)
		if err != nil {
			continue
		}
		w := acl.DecodeGrantWord(ev.Grant)
		if ev.Grantee != brand || ev.PurposeHash != purpose || ev.Bundle != bundle ||
			w.Dataset != id || w.Expiry != uint64(expiry.Unix()) || w.Threshold != 2 || !w.Live || w.Bought {
			t.Fatalf("Granted event %+v, word %+v", ev, w)
		}
		found = true
	}
	if !found {
		t.Fatal("no Granted event")
	}
	rc, err = owner.Revoke(ctx, id, brand)
	if err != nil {
		t.Fatal(err)
	}
	// Authorized on the state before the revoke's block, not from it on.
	before := new(big.Int).Sub(rc.BlockNumber, big.NewInt(1))
	if authorized := ok(owner.IsAuthorizedAt(ctx, id, brand, before))(t); !authorized {
		t.Fatal("not authorized before the revoke")
	}
	if authorized := ok(owner.IsAuthorizedAt(ctx, id, brand, rc.BlockNumber))(t); authorized {
		t.Fatal("authorized in the revoke's block")
	}
	tick(t, e)
	if authorized := ok(owner.IsAuthorized(ctx, id, brand))(t); authorized {
		t.Fatal("authorized after revoke")
	}
	if g := ok(owner.GrantOf(ctx, id, brand))(t); g.Exists {
		t.Fatalf("grant survives revoke: %+v", g)
	}
	_, err = owner.Revoke(ctx, id, brand)
	wantRevert(t, err, acl.ErrNoGrant)
	// Bad terms are refused by the client before anything is sent.
	if _, err := owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: brand, Expiry: expiry, Threshold: 0}); !errors.Is(err, acl.ErrInvalidArgument) {
		t.Fatalf("threshold 0: %v", err)
	}
	// An expiry in the past is refused by the contract.
	_, err = owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: brand, Expiry: time.Unix(int64(head(t, e).Time)-10, 0), Threshold: 1})
	wantRevert(t, err, acl.ErrInvalidExpiry)
}

func testGrantExpires(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	brand := e.addr(kBrand)
	exp := head(t, e).Time + 3
	ok(owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: brand, Expiry: time.Unix(int64(exp), 0), Threshold: 1}))(t)
	if h := head(t, e); h.Time < exp {
		if authorized := ok(owner.IsAuthorized(ctx, id, brand))(t); !authorized {
			t.Fatal("not authorized before expiry")
		}
	}
	advance(t, e, exp)
	if authorized := ok(owner.IsAuthorized(ctx, id, brand))(t); authorized {
		t.Fatalf("authorized at block time %d, expiry %d", head(t, e).Time, exp)
	}
}

func testStrangers(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	brand := e.addr(kBrand)
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	ok(owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: brand, Expiry: expiry, Threshold: 1}))(t)
	stranger := as(t, e, owner, kStranger, nil)

	_, _, err := stranger.AddCID(ctx, id, cidv1(t), rand32(t))
	re := wantRevert(t, err, acl.ErrNotOwner)
	if re.Name != "NotOwner" || re.Tx != (common.Hash{}) {
		t.Fatalf("revert %+v", re)
	}
	_, err = stranger.Grant(ctx, acl.Grant{Dataset: id, Grantee: e.addr(kStranger), Expiry: expiry, Threshold: 1})
	wantRevert(t, err, acl.ErrNotOwner)
	_, err = stranger.Revoke(ctx, id, brand)
	wantRevert(t, err, acl.ErrNotOwner)
	_, err = stranger.Erase(ctx, id)
	wantRevert(t, err, acl.ErrNotOwner)
	_, err = stranger.Offer(ctx, id, big.NewInt(1), time.Hour, rand32(t))
	wantRevert(t, err, acl.ErrNotOwner)
	_, err = stranger.GrantPurchase(ctx, id, brand, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrNotOwner)
	_, err = stranger.Grant(ctx, acl.Grant{Dataset: 77, Grantee: brand, Expiry: expiry, Threshold: 1})
	wantRevert(t, err, acl.ErrUnknownDataset)

	// Nothing changed.
	if authorized := ok(owner.IsAuthorized(ctx, id, brand))(t); !authorized {
		t.Fatal("grant lost")
	}
	if authorized := ok(owner.IsAuthorized(ctx, id, e.addr(kStranger)))(t); authorized {
		t.Fatal("stranger granted itself")
	}
	if d := ok(owner.DatasetInfo(ctx, id))(t); d.Erased || d.Versions != 0 {
		t.Fatalf("dataset changed: %+v", d)
	}
}

// testOnChainRevert sends refused calls with a fixed gas limit, so they are
// mined and fail, and checks the reason comes back from the receipt path.
func testOnChainRevert(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	stranger := as(t, e, owner, kStranger, &acl.Options{GasLimit: 2_000_000})
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	rc, err := stranger.Grant(ctx, acl.Grant{Dataset: id, Grantee: e.addr(kStranger), Expiry: expiry, Threshold: 1})
	re := wantRevert(t, err, acl.ErrNotOwner)
	if rc == nil || rc.Status != types.ReceiptStatusFailed || re.Tx != rc.TxHash {
		t.Fatalf("want a failed receipt and the revert tied to it; rc %+v, revert %+v", rc, re)
	}
	if len(re.Args) != 2 || re.Args[0].(uint64) != id || re.Args[1].(common.Address) != e.addr(kStranger) {
		t.Fatalf("NotOwner args %v", re.Args)
	}
	// The nonce moved on: the next transaction from the same client works.
	_, err = stranger.RegisterKeys(ctx, pubkey(t), pubkey(t))
	if err != nil {
		t.Fatalf("after a mined revert: %v", err)
	}
}

func testErase(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	brand := e.addr(kBrand)
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	ok(owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: brand, Expiry: expiry, Threshold: 1}))(t)
	th := rand32(t)
	ok(owner.Offer(ctx, id, big.NewInt(1000), time.Hour, th))(t)
	ok(owner.Erase(ctx, id))(t)
	if authorized := ok(owner.IsAuthorized(ctx, id, brand))(t); authorized {
		t.Fatal("authorized on an erased dataset")
	}
	if d := ok(owner.DatasetInfo(ctx, id))(t); !d.Erased {
		t.Fatal("not marked erased")
	}
	_, err := owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: e.addr(kBrand2), Expiry: expiry, Threshold: 1})
	wantRevert(t, err, acl.ErrDatasetErased)
	_, _, err = owner.AddCID(ctx, id, cidv1(t), rand32(t))
	wantRevert(t, err, acl.ErrDatasetErased)
	_, err = owner.Erase(ctx, id)
	wantRevert(t, err, acl.ErrDatasetErased)
	if _, err := owner.OfferOf(ctx, id, th); !errors.Is(err, acl.ErrNoOpenOffer) {
		t.Fatalf("offer survives erase: %v", err)
	}
	buyer := as(t, e, owner, kBrand2, nil)
	_, err = buyer.Buy(ctx, id, big.NewInt(1000), th, time.Hour)
	wantRevert(t, err, acl.ErrDatasetErased)
	// Revoking on an erased dataset is still allowed (it is already void).
	ok(owner.Revoke(ctx, id, brand))(t)
}

// gasCost is what a receipt's transaction paid.
func gasCost(rc *types.Receipt) *big.Int {
	return new(big.Int).Mul(new(big.Int).SetUint64(rc.GasUsed), rc.EffectiveGasPrice)
}

func balance(t *testing.T, e *env, a common.Address) *big.Int {
	t.Helper()
	return ok(e.backend.BalanceAt(testCtx(t), a, nil))(t)
}

func testMarketGrantReleases(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	buyer := as(t, e, owner, kBrand, nil)
	price := big.NewInt(1_000_000_000_000)
	terms := rand32(t)
	if _, err := buyer.OfferOf(ctx, id, terms); !errors.Is(err, acl.ErrNoOpenOffer) {
		t.Fatalf("offer before offering: %v", err)
	}
	_, err := buyer.Buy(ctx, id, price, terms, 2*time.Hour)
	wantRevert(t, err, acl.ErrNoOffer)
	ok(owner.Offer(ctx, id, price, 2*time.Hour, terms))(t)
	o := ok(buyer.OfferOf(ctx, id, terms))(t)
	if o.Price.Cmp(price) != 0 || o.Duration != 2*time.Hour || o.TermsHash != terms {
		t.Fatalf("offer %+v", o)
	}

	_, err = buyer.Buy(ctx, id, new(big.Int).Sub(price, big.NewInt(1)), terms, 2*time.Hour)
	re := wantRevert(t, err, acl.ErrWrongPayment)
	if re.Args[0].(*big.Int).Cmp(price) != 0 {
		t.Fatalf("WrongPayment args %v", re.Args)
	}
	_, err = buyer.Buy(ctx, id, new(big.Int).Add(price, big.NewInt(1)), terms, 2*time.Hour)
	wantRevert(t, err, acl.ErrWrongPayment)
	// Other terms name no offer of the dataset (v4: one offer per terms).
	_, err = buyer.Buy(ctx, id, price, rand32(t), 2*time.Hour)
	wantRevert(t, err, acl.ErrNoOffer)

	rc := ok(buyer.Buy(ctx, id, price, terms, 2*time.Hour))(t)
	p := ok(buyer.PurchaseOf(ctx, id, e.addr(kBrand)))(t)
	blk := ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t)
	if p.Amount.Cmp(price) != 0 || p.Duration != 2*time.Hour || p.Deadline.Unix() != int64(blk.Time)+int64(grantWindow/time.Second) {
		t.Fatalf("purchase %+v (block time %d)", p, blk.Time)
	}
	_, err = buyer.Buy(ctx, id, price, terms, 2*time.Hour)
	wantRevert(t, err, acl.ErrPurchasePending)
	_, err = buyer.Refund(ctx, id)
	wantRevert(t, err, acl.ErrRefundTooEarly)

	rc = ok(owner.GrantPurchase(ctx, id, e.addr(kBrand), 2, rand32(t), rand32(t)))(t)
	blk = ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t)
	g := ok(owner.GrantOf(ctx, id, e.addr(kBrand)))(t)
	if !g.Exists || !g.Bought || g.Threshold != 2 || g.Expiry.Unix() != int64(blk.Time)+7200 {
		t.Fatalf("bought grant %+v", g)
	}
	if authorized := ok(owner.IsAuthorized(ctx, id, e.addr(kBrand)))(t); !authorized {
		t.Fatal("buyer not authorized after the owner's grant")
	}
	if _, err := buyer.PurchaseOf(ctx, id, e.addr(kBrand)); !errors.Is(err, acl.ErrNoEscrow) {
		t.Fatalf("escrow survives the grant: %v", err)
	}
	_, err = buyer.Refund(ctx, id)
	wantRevert(t, err, acl.ErrNoPurchase)
	_, err = owner.GrantPurchase(ctx, id, e.addr(kBrand), 2, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrNoPurchase)

	// The payment vests over the grant's life: nothing is the owner's yet
	// beyond the seconds already run, and the record says until when.
	v := ok(owner.VestingOf(ctx, id, e.addr(kBrand)))(t)
	if v.Amount.Cmp(price) != 0 || v.End.Unix() != int64(blk.Time)+7200 || v.SettledUntil.Unix() != int64(blk.Time) {
		t.Fatalf("vesting %+v after the grant at %d", v, blk.Time)
	}
	// The owner collects what has vested, in one transaction; the rest waits.
	granted := blk.Time
	ownerBefore := balance(t, e, e.addr(kOwner))
	// Every block is at least a second after its parent, so something has
	// vested once one more is mined (the call is estimated on the head).
	tick(t, e)
	rc = ok(owner.WithdrawVested(ctx, []acl.Sale{{Dataset: id, Buyer: e.addr(kBrand)}}))(t)
	blk = ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t)
	vested := new(big.Int).Div(new(big.Int).Mul(price, big.NewInt(int64(blk.Time-granted))), big.NewInt(7200))
	want := new(big.Int).Sub(new(big.Int).Add(ownerBefore, vested), gasCost(rc))
	if after := balance(t, e, e.addr(kOwner)); after.Cmp(want) != 0 {
		t.Fatalf("owner account %v after withdrawVested %d s in, want %v", after, blk.Time-granted, want)
	}
	v = ok(owner.VestingOf(ctx, id, e.addr(kBrand)))(t)
	if new(big.Int).Add(v.Amount, vested).Cmp(price) != 0 {
		t.Fatalf("vesting left %v after %v vested of %v", v.Amount, vested, price)
	}
}

func testMarketRefund(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	buyer := as(t, e, owner, kBrand2, nil)
	price := big.NewInt(5_000_000)
	terms := rand32(t)
	ok(owner.Offer(ctx, id, price, time.Hour, terms))(t)
	ok(buyer.Buy(ctx, id, price, terms, time.Hour))(t)
	p := ok(buyer.PurchaseOf(ctx, id, e.addr(kBrand2)))(t)
	_, err := buyer.Refund(ctx, id)
	re := wantRevert(t, err, acl.ErrRefundTooEarly)
	if re.Args[0].(uint64) != uint64(p.Deadline.Unix()) {
		t.Fatalf("RefundTooEarly args %v, deadline %v", re.Args, p.Deadline.Unix())
	}
	advance(t, e, uint64(p.Deadline.Unix()))
	ok(buyer.Refund(ctx, id))(t)
	_, err = buyer.Refund(ctx, id)
	wantRevert(t, err, acl.ErrNoPurchase)
	// No grant can release a refunded payment.
	_, err = owner.GrantPurchase(ctx, id, e.addr(kBrand2), 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrNoPurchase)
	if b := ok(buyer.BalanceOf(ctx, e.addr(kBrand2)))(t); b.Cmp(price) != 0 {
		t.Fatalf("buyer balance %v, want %v", b, price)
	}
	before := balance(t, e, e.addr(kBrand2))
	rc := ok(buyer.Withdraw(ctx))(t)
	want := new(big.Int).Sub(new(big.Int).Add(before, price), gasCost(rc))
	if got := balance(t, e, e.addr(kBrand2)); got.Cmp(want) != 0 {
		t.Fatalf("buyer account %v, want %v", got, want)
	}
	if b := balance(t, e, owner.Address()); b.Sign() != 0 {
		t.Fatalf("registry still holds %v wei", b)
	}
}

// testReentrantReceiver has a malicious buyer contract take a refund and,
// while being paid, call withdraw and refund again.
func testReentrantReceiver(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	price := big.NewInt(7_000_000)
	terms := rand32(t)
	ok(owner.Offer(ctx, id, price, time.Hour, terms))(t)

	rr := bindings.NewReentrantReceiver()
	attackerKey := e.keys[kStranger]
	attacker := as(t, e, owner, kStranger, nil)
	chainID := ok(e.backend.ChainID(ctx))(t)
	send := func(value *big.Int, to *common.Address, data []byte) *types.Receipt {
		t.Helper()
		opts := bind.NewKeyedTransactor(attackerKey, chainID)
		opts.Context, opts.Value = ctx, value
		var tx *types.Transaction
		var err error
		if to == nil {
			_, tx, err = bind.DeployContract(opts, common.FromHex(bindings.ReentrantReceiverMetaData.Bin), e.backend, data)
		} else {
			tx, err = bind.Transact(rr.Instance(e.backend, *to), opts, data)
		}
		if err != nil {
			t.Fatalf("attacker transaction: %v", err)
		}
		rc, err := waitReceipt(ctx, e.backend, tx.Hash())
		if err != nil || rc.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("attacker transaction %s: %v, %+v", tx.Hash(), err, rc)
		}
		return rc
	}
	rc := send(nil, nil, rr.PackConstructor(owner.Address()))
	addr := rc.ContractAddress
	send(price, &addr, rr.PackBuy(id, terms, 3600))
	p := ok(attacker.PurchaseOf(ctx, id, addr))(t)
	advance(t, e, uint64(p.Deadline.Unix()))
	send(nil, &addr, rr.PackRefund())
	if b := ok(owner.BalanceOf(ctx, addr))(t); b.Cmp(price) != 0 {
		t.Fatalf("attacker balance %v", b)
	}
	send(nil, &addr, rr.PackWithdraw())

	inst := rr.Instance(e.backend, addr)
	call := func(data []byte, unpack func([]byte) (*big.Int, error)) *big.Int {
		return ok(bind.Call(inst, &bind.CallOpts{Context: ctx}, data, unpack))(t)
	}
	if got := call(rr.PackReceived(), rr.UnpackReceived); got.Cmp(price) != 0 {
		t.Fatalf("attacker received %v, want exactly %v", got, price)
	}
	if got := call(rr.PackAttempts(), rr.UnpackAttempts); got.Int64() != 2 {
		t.Fatalf("re-entry attempts %v, want 2", got)
	}
	if got := call(rr.PackRefused(), rr.UnpackRefused); got.Int64() != 2 {
		t.Fatalf("refused re-entries %v, want 2", got)
	}
	wr := ok(bind.Call(inst, &bind.CallOpts{Context: ctx}, rr.PackWithdrawRevert(), rr.UnpackWithdrawRevert))(t)
	fr := ok(bind.Call(inst, &bind.CallOpts{Context: ctx}, rr.PackRefundRevert(), rr.UnpackRefundRevert))(t)
	werr := acl.DecodeRevert(owner.ABI(), wr)
	ferr := acl.DecodeRevert(owner.ABI(), fr)
	if werr.Name != "Reentrancy" || ferr.Name != "NoPurchase" {
		t.Fatalf("re-entries refused with %q and %q, want Reentrancy and NoPurchase", werr.Name, ferr.Name)
	}
	if b := balance(t, e, owner.Address()); b.Sign() != 0 {
		t.Fatalf("registry holds %v wei after the payout, want 0", b)
	}
	if b := ok(owner.BalanceOf(ctx, addr))(t); b.Sign() != 0 {
		t.Fatalf("attacker still credited %v", b)
	}
}

func testProxies(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	p1 := as(t, e, owner, kProxy, nil)
	p2 := as(t, e, owner, kBrand2, nil)
	k1, k2 := rand32(t), rand32(t)
	ok(p1.RegisterProxy(ctx, "https://proxy-1.example:8443", k1[:]))(t)
	ok(p2.RegisterProxy(ctx, "http://127.0.0.1:9000", k2[:]))(t)
	ok(p1.RegisterProxy(ctx, "https://proxy-1.example:9443", k1[:]))(t)
	ps := ok(owner.Proxies(ctx))(t)
	if len(ps) != 2 || ps[0].Address != e.addr(kProxy) || ps[0].Endpoint != "https://proxy-1.example:9443" ||
		!bytes.Equal(ps[0].HPKEKey, k1[:]) || ps[1].Address != e.addr(kBrand2) || !bytes.Equal(ps[1].HPKEKey, k2[:]) {
		t.Fatalf("proxies %+v", ps)
	}
	if _, err := owner.ProxyOf(ctx, e.addr(kStranger)); !errors.Is(err, acl.ErrUnknownProxy) {
		t.Fatalf("unknown proxy: %v", err)
	}
	if _, err := p1.RegisterProxy(ctx, "", k1[:]); !errors.Is(err, acl.ErrInvalidArgument) {
		t.Fatalf("empty endpoint: %v", err)
	}
	// What is cheap to check on chain is refused there too, so a stranger
	// going around this client cannot put an invalid HPKE key or a non-HTTP
	// endpoint in the directory.
	reg := bindings.NewRegistry()
	for name, data := range map[string][]byte{
		"one-byte key": reg.PackRegisterProxy("https://x.example", []byte{0}),
		"33-byte key":  reg.PackRegisterProxy("https://x.example", make([]byte, 33)),
		"ftp endpoint": reg.PackRegisterProxy("ftp://x.example", k1[:]),
		"bare scheme":  reg.PackRegisterProxy("https://", k1[:]),
		"no scheme":    reg.PackRegisterProxy("x.example:80", k1[:]),
	} {
		to := owner.Address()
		_, err := e.backend.EstimateGas(ctx, ethereum.CallMsg{From: e.addr(kStranger), To: &to, Data: data})
		if err == nil || !strings.Contains(err.Error(), "revert") {
			t.Errorf("%s: registerProxy accepted on chain (%v)", name, err)
		}
	}
}

// badKeys are malformed public keys, each refused by ValidatePublicKey.
func badKeys(t *testing.T) map[string][]byte {
	good := pubkey(t)
	offCurve := append([]byte{0x02}, make([]byte, 32)...)
	// x = 5 has no y on secp256k1 (5^3 + 7 = 132 is not a square mod p).
	offCurve[32] = 5
	uncompressed := make([]byte, 33)
	copy(uncompressed, good)
	uncompressed[0] = 0x04
	return map[string][]byte{
		"empty":        nil,
		"32 bytes":     good[:32],
		"34 bytes":     append(append([]byte{}, good...), 0),
		"prefix 0x04":  uncompressed,
		"x off curve":  offCurve,
		"x = p":        append([]byte{0x03}, common.FromHex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f")...),
		"65-byte form": crypto.FromECDSAPub(&ok(crypto.GenerateKey())(t).PublicKey),
	}
}

func testMalformedKeys(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	brand := as(t, e, owner, kBrand, nil)
	nonce := ok(e.backend.PendingNonceAt(ctx, e.addr(kBrand)))(t)
	bal := balance(t, e, e.addr(kBrand))
	for name, k := range badKeys(t) {
		if _, err := brand.RegisterKeys(ctx, k, pubkey(t)); !errors.Is(err, acl.ErrInvalidKey) {
			t.Errorf("%s receiving key: %v", name, err)
		}
		if _, err := brand.RegisterKeys(ctx, pubkey(t), k); !errors.Is(err, acl.ErrInvalidKey) {
			t.Errorf("%s verifying key: %v", name, err)
		}
		if _, _, err := brand.CreateDataset(ctx, k); !errors.Is(err, acl.ErrInvalidKey) {
			t.Errorf("%s delegating key: %v", name, err)
		}
	}
	if n := ok(e.backend.PendingNonceAt(ctx, e.addr(kBrand)))(t); n != nonce {
		t.Fatalf("nonce moved from %d to %d: something was sent", nonce, n)
	}
	if b := balance(t, e, e.addr(kBrand)); b.Cmp(bal) != 0 {
		t.Fatalf("balance moved from %v to %v: gas was spent", bal, b)
	}
	if _, err := owner.KeysOf(ctx, e.addr(kBrand)); !errors.Is(err, acl.ErrNoKeys) {
		t.Fatalf("keys registered: %v", err)
	}
}

func testConcurrentNonces(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	before := ok(e.backend.PendingNonceAt(ctx, e.addr(kOwner)))(t)
	grantees := newKeys(t, 8)
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	var wg sync.WaitGroup
	errs := make([]error, len(grantees))
	for i, g := range grantees {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: crypto.PubkeyToAddress(g.PublicKey), Expiry: expiry, Threshold: 1})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("grant %d: %v", i, err)
		}
	}
	for _, g := range grantees {
		if authorized := ok(owner.IsAuthorized(ctx, id, crypto.PubkeyToAddress(g.PublicKey)))(t); !authorized {
			t.Fatal("a concurrent grant is missing")
		}
	}
	if n := ok(e.backend.PendingNonceAt(ctx, e.addr(kOwner)))(t); n != before+uint64(len(grantees)) {
		t.Fatalf("nonce %d, want %d", n, before+uint64(len(grantees)))
	}
}

func testFollowerResumes(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner, rc, err := acl.Deploy(ctx, e.backend, e.keys[kOwner], grantWindow, nil)
	if err != nil {
		t.Fatal(err)
	}
	start := rc.BlockNumber.Uint64()
	cursorPath := filepath.Join(t.TempDir(), "cursor")
	follow := func() *acl.Follower {
		f := acl.NewFollower(e.backend, owner.Address(), &acl.FileCursor{Path: cursorPath, Registry: owner.Address()})
		f.Start = start
		f.Batch = 3 // several ranges even on a short chain
		return f
	}
	var seen []acl.Event
	collect := func(_ context.Context, ev acl.Event) error { seen = append(seen, ev); return nil }

	id := newDataset(t, owner)
	brand := as(t, e, owner, kBrand, nil)
	ok(brand.RegisterKeys(ctx, pubkey(t), pubkey(t)))(t)
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	ok(owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: e.addr(kBrand), Expiry: expiry, Threshold: 3, Bundle: rand32(t)}))(t)
	if _, err := follow().Poll(ctx, collect); err != nil {
		t.Fatal(err)
	}
	names := func() []string {
		var n []string
		for _, ev := range seen {
			n = append(n, ev.Name)
		}
		return n
	}
	if got := names(); len(got) != 3 || got[0] != "DatasetCreated" || got[1] != "KeysRegistered" || got[2] != "Granted" {
		t.Fatalf("events %v", got)
	}
	g := seen[2].Value.(*bindings.RegistryGranted)
	if w := acl.DecodeGrantWord(g.Grant); g.Grantee != e.addr(kBrand) || w.Threshold != 3 || w.Dataset != id {
		t.Fatalf("Granted %+v", g)
	}

	// More events; a new follower on the same cursor file (a restart) sees
	// only those.
	ok(owner.Revoke(ctx, id, e.addr(kBrand)))(t)
	ok(owner.Erase(ctx, id))(t)
	if _, err := follow().Poll(ctx, collect); err != nil {
		t.Fatal(err)
	}
	if got := names(); len(got) != 5 || got[3] != "Revoked" || got[4] != "Erased" {
		t.Fatalf("events after restart %v", got)
	}
	// A handler failure leaves the cursor before the failed batch.
	ok(owner.RegisterProxy(ctx, "http://127.0.0.1:1", make([]byte, 32)))(t)
	boom := errors.New("handler down")
	if _, err := follow().Poll(ctx, func(context.Context, acl.Event) error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("handler error: %v", err)
	}
	if _, err := follow().Poll(ctx, collect); err != nil {
		t.Fatal(err)
	}
	if got := names(); len(got) != 6 || got[5] != "ProxyRegistered" {
		t.Fatalf("events after a failed batch %v", got)
	}
	// The cursor file names its Registry; another Registry's follower refuses it.
	other := acl.NewFollower(e.backend, common.Address{1}, &acl.FileCursor{Path: cursorPath, Registry: common.Address{1}})
	if _, err := other.Poll(ctx, collect); !errors.Is(err, acl.ErrCursor) {
		t.Fatalf("foreign cursor: %v", err)
	}
}

// offered makes a dataset with an open offer of price wei for duration.
func offered(t *testing.T, owner *acl.Client, price *big.Int, duration time.Duration) (uint64, [32]byte) {
	t.Helper()
	id := newDataset(t, owner)
	terms := rand32(t)
	ok(owner.Offer(testCtx(t), id, price, duration, terms))(t)
	return id, terms
}

// Attack: the owner sees a purchase coming and re-offers the same price and
// terms for one second, hoping to be paid in full for almost nothing. The
// buyer pinned the duration it read, so its payment is refused, not taken.
func testMarketFrontRunReoffer(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	buyer := as(t, e, owner, kBrand, nil)
	price := big.NewInt(1_000_000_000_000)
	id, terms := offered(t, owner, price, 30*24*time.Hour)
	read := ok(buyer.OfferOf(ctx, id, terms))(t)
	ok(owner.Offer(ctx, id, price, time.Second, terms))(t) // the front-run
	before := balance(t, e, e.addr(kBrand))
	_, err := buyer.Buy(ctx, id, read.Price, read.TermsHash, read.Duration)
	re := wantRevert(t, err, acl.ErrDurationChanged)
	if re.Tx != (common.Hash{}) {
		t.Fatalf("the refused buy was sent (%s)", re.Tx.Hex())
	}
	if after := balance(t, e, e.addr(kBrand)); after.Cmp(before) != 0 {
		t.Fatalf("buyer's account %v after the refused buy, was %v", after, before)
	}
	if _, err := buyer.PurchaseOf(ctx, id, e.addr(kBrand)); !errors.Is(err, acl.ErrNoEscrow) {
		t.Fatalf("escrow after a refused buy: %v", err)
	}
	t.Logf("the buy after the 1-second re-offer: %v; nothing paid", err)
}

// Attack: the owner is paid for 30 days, grants, and revokes at once. The
// revoke returns everything not yet vested to the buyer in the same
// transaction, to the wei.
func testMarketInstantRevoke(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	buyer := as(t, e, owner, kBrand, nil)
	const days30 = 30 * 24 * 3600
	price := new(big.Int).Mul(big.NewInt(days30), big.NewInt(1_000_000_007))
	id, terms := offered(t, owner, price, days30*time.Second)
	ok(buyer.Buy(ctx, id, price, terms, days30*time.Second))(t)
	rc := ok(owner.GrantPurchase(ctx, id, e.addr(kBrand), 1, rand32(t), rand32(t)))(t)
	granted := ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t).Time
	// One block between grant and revoke: a revoke estimated in the grant's
	// own second finds nothing vested and so writes one balance fewer than
	// it will a block later; on geth --dev's draft forks a new storage slot
	// costs more than the client's fixed headroom covers.
	tick(t, e)
	rc = ok(owner.Revoke(ctx, id, e.addr(kBrand)))(t)
	revoked := ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t).Time
	vested := new(big.Int).Div(new(big.Int).Mul(price, new(big.Int).SetUint64(revoked-granted)), big.NewInt(days30))
	refund := new(big.Int).Sub(price, vested)
	if b := ok(owner.BalanceOf(ctx, e.addr(kBrand)))(t); b.Cmp(refund) != 0 {
		t.Fatalf("buyer's balance %v after a revoke %d s into 30 days, want %v", b, revoked-granted, refund)
	}
	if b := ok(owner.BalanceOf(ctx, e.addr(kOwner)))(t); b.Cmp(vested) != 0 {
		t.Fatalf("owner's balance %v, want the vested %v", b, vested)
	}
	t.Logf("revoked %d s into 30 days: the buyer gets %v of %v wei back, the owner keeps %v", revoked-granted, refund, price, vested)
	if v := ok(owner.VestingOf(ctx, id, e.addr(kBrand)))(t); v.Amount.Sign() != 0 {
		t.Fatalf("vesting record left after revoke: %+v", v)
	}
	// The buyer takes its money out.
	before := balance(t, e, e.addr(kBrand))
	rc = ok(buyer.Withdraw(ctx))(t)
	want := new(big.Int).Sub(new(big.Int).Add(before, refund), gasCost(rc))
	if after := balance(t, e, e.addr(kBrand)); after.Cmp(want) != 0 {
		t.Fatalf("buyer's account %v after withdraw, want %v", after, want)
	}
	// A plain grant cannot cut a live bought grant short either.
	ok(buyer.Buy(ctx, id, price, terms, days30*time.Second))(t)
	ok(owner.GrantPurchase(ctx, id, e.addr(kBrand), 1, rand32(t), rand32(t)))(t)
	short := time.Unix(int64(head(t, e).Time)+60, 0)
	_, err := owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: e.addr(kBrand), Expiry: short, Threshold: 1})
	wantRevert(t, err, acl.ErrGrantIsBought)
	// Re-bundling keeps the terms.
	ok(owner.Rebundle(ctx, id, e.addr(kBrand), rand32(t), rand32(t)))(t)
	if g := ok(owner.GrantOf(ctx, id, e.addr(kBrand)))(t); !g.Bought || g.Expiry.Unix() <= short.Unix() {
		t.Fatalf("grant after rebundle %+v", g)
	}
}

// Attack: the owner sells, grants, then erases the dataset at once. Vesting
// stops at the erase; a buyer named in the erase is refunded in the same
// transaction, and one the owner left out gets the same figure from settle.
func testMarketEraseRefunds(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	b1, b2 := as(t, e, owner, kBrand, nil), as(t, e, owner, kBrand2, nil)
	const hour = 3600
	price := big.NewInt(hour * 1_000_000_000)
	id, terms := offered(t, owner, price, time.Hour)
	var granted [2]uint64
	for i, b := range []*acl.Client{b1, b2} {
		ok(b.Buy(ctx, id, price, terms, time.Hour))(t)
		rc := ok(owner.GrantPurchase(ctx, id, b.From(), 1, rand32(t), rand32(t)))(t)
		granted[i] = ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t).Time
	}
	rc := ok(owner.Erase(ctx, id, e.addr(kBrand)))(t)
	erased := ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t).Time
	unvested := func(i int) *big.Int {
		v := new(big.Int).Div(new(big.Int).Mul(price, new(big.Int).SetUint64(erased-granted[i])), big.NewInt(hour))
		return new(big.Int).Sub(price, v)
	}
	if b := ok(owner.BalanceOf(ctx, e.addr(kBrand)))(t); b.Cmp(unvested(0)) != 0 {
		t.Fatalf("named buyer's balance %v after erase, want %v", b, unvested(0))
	}
	t.Logf("erased %d s after the sale: the named buyer got %v of %v wei back in the erase itself", erased-granted[0], unvested(0), price)
	// Time passes; the unnamed buyer's figure is still the one at the erase.
	tick(t, e)
	tick(t, e)
	ok(b2.Settle(ctx, id, e.addr(kBrand2)))(t)
	if b := ok(owner.BalanceOf(ctx, e.addr(kBrand2)))(t); b.Cmp(unvested(1)) != 0 {
		t.Fatalf("unnamed buyer's balance %v after settle, want %v (as of the erase)", b, unvested(1))
	}
	total := new(big.Int).Sub(new(big.Int).Mul(price, big.NewInt(2)), new(big.Int).Add(unvested(0), unvested(1)))
	if b := ok(owner.BalanceOf(ctx, e.addr(kOwner)))(t); b.Cmp(total) != 0 {
		t.Fatalf("owner's balance %v, want %v", b, total)
	}
}

// An owner cannot buy its own dataset (to fake demand), and a buyer with a
// live grant is not charged twice.
func testMarketNoSelfOrDoubleBuy(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	buyer := as(t, e, owner, kBrand, nil)
	price := big.NewInt(1000)
	id, terms := offered(t, owner, price, time.Hour)
	_, err := owner.Buy(ctx, id, price, terms, time.Hour)
	wantRevert(t, err, acl.ErrOwnDataset)
	ok(buyer.Buy(ctx, id, price, terms, time.Hour))(t)
	ok(owner.GrantPurchase(ctx, id, e.addr(kBrand), 1, rand32(t), rand32(t)))(t)
	_, err = buyer.Buy(ctx, id, price, terms, time.Hour)
	wantRevert(t, err, acl.ErrAlreadyGranted)
	// A plain live grant counts too.
	id2, terms2 := offered(t, owner, price, time.Hour)
	ok(owner.Grant(ctx, acl.Grant{Dataset: id2, Grantee: e.addr(kBrand), Expiry: time.Unix(int64(head(t, e).Time)+3600, 0), Threshold: 1}))(t)
	_, err = buyer.Buy(ctx, id2, price, terms2, time.Hour)
	wantRevert(t, err, acl.ErrAlreadyGranted)
}

// An owner's agent that cannot serve a purchase declines it: the buyer's
// money is back in its balance at once, not after the grant window.
func testMarketDecline(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	buyer := as(t, e, owner, kBrand, nil)
	stranger := as(t, e, owner, kStranger, nil)
	price := big.NewInt(5000)
	id, terms := offered(t, owner, price, time.Hour)
	ok(buyer.Buy(ctx, id, price, terms, time.Hour))(t)
	_, err := stranger.Decline(ctx, id, e.addr(kBrand))
	wantRevert(t, err, acl.ErrNotOwner)
	ok(owner.Decline(ctx, id, e.addr(kBrand)))(t)
	if b := ok(owner.BalanceOf(ctx, e.addr(kBrand)))(t); b.Cmp(price) != 0 {
		t.Fatalf("buyer's balance %v after decline, want %v", b, price)
	}
	_, err = owner.GrantPurchase(ctx, id, e.addr(kBrand), 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrNoPurchase)
	_, err = owner.Decline(ctx, id, e.addr(kBrand))
	wantRevert(t, err, acl.ErrNoPurchase)
}

// Attack: a stranger sees the owner's CID (in the mempool, or on IPFS) and
// registers it first under a dataset of its own. The owner still registers
// it, and a lookup under the owner the envelope names finds the owner's
// record, never the squatter's.
func testCIDSquatting(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	stranger := as(t, e, owner, kStranger, nil)
	brand := as(t, e, owner, kBrand, nil)
	mine := newDataset(t, owner)
	theirs := newDataset(t, stranger)
	cid := cidv1(t)
	ok3 := func(_ uint32, _ *types.Receipt, err error) error { return err }
	if err := ok3(stranger.AddCID(ctx, theirs, cid, rand32(t))); err != nil {
		t.Fatal(err)
	}
	fp := rand32(t)
	if err := ok3(owner.AddCID(ctx, mine, cid, fp)); err != nil {
		t.Fatalf("the owner could not register its own CID after a squatter: %v", err)
	}
	r := ok(brand.DatasetOfCID(ctx, e.addr(kOwner), cid))(t)
	if r.Dataset != mine || r.Owner != e.addr(kOwner) || !bytes.Equal(r.FingerprintPrefix[:], fp[:18]) {
		t.Fatalf("lookup under the owner found %+v, want dataset %d", r, mine)
	}
	if r := ok(brand.DatasetOfCID(ctx, e.addr(kStranger), cid))(t); r.Dataset != theirs {
		t.Fatalf("squatter's record %+v", r)
	}
}

// Each rotation keeps the key it replaces readable by epoch, and each CID
// records the epoch it was put under.
func testKeyEpochs(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	k0 := pubkey(t)
	id, _, err := owner.CreateDataset(ctx, k0)
	if err != nil {
		t.Fatal(err)
	}
	c0 := cidv1(t)
	if _, _, err := owner.AddCID(ctx, id, c0, rand32(t)); err != nil {
		t.Fatal(err)
	}
	k1 := pubkey(t)
	ok(owner.RotateKey(ctx, id, k1, nil))(t)
	c1 := cidv1(t)
	if _, _, err := owner.AddCID(ctx, id, c1, rand32(t)); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]byte{k0, k1} {
		got, cur, err := owner.KeyAt(ctx, id, uint16(i))
		if err != nil || !bytes.Equal(got, want) || cur != 1 {
			t.Fatalf("keyAt(%d) = %x, %d, %v; want %x, 1", i, got, cur, err, want)
		}
	}
	_, _, err = owner.KeyAt(ctx, id, 2)
	wantRevert(t, err, acl.ErrUnknownEpoch)
	for i, c := range [][]byte{c0, c1} {
		if r := ok(owner.DatasetOfCID(ctx, e.addr(kOwner), c))(t); r.Epoch != uint16(i) {
			t.Fatalf("CID %d epoch %d", i, r.Epoch)
		}
	}
}

// Attack: a brand that was not named buys a private offer (it saw the offer
// in the chain's events). The contract refuses it before any payment moves;
// the named brand buys it, finds it by filtering Offered on its address, and
// a public re-offer opens it to anyone again.
func testMarketPrivateOffer(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	brand := as(t, e, owner, kBrand, nil)
	stranger := as(t, e, owner, kStranger, nil)
	price := big.NewInt(7000)
	id := newDataset(t, owner)
	terms := rand32(t)
	ok(owner.OfferTo(ctx, id, price, time.Hour, terms, e.addr(kBrand)))(t)
	o := ok(stranger.OfferOf(ctx, id, terms))(t)
	if o.Buyer != e.addr(kBrand) || !o.Private() {
		t.Fatalf("offerOf buyer %s, want %s", o.Buyer.Hex(), e.addr(kBrand).Hex())
	}
	before := balance(t, e, e.addr(kStranger))
	_, err := stranger.Buy(ctx, id, price, terms, time.Hour)
	re := wantRevert(t, err, acl.ErrOfferIsPrivate)
	if len(re.Args) != 2 || re.Args[1] != e.addr(kStranger) {
		t.Fatalf("OfferIsPrivate args %v, want the refused caller", re.Args)
	}
	if after := balance(t, e, e.addr(kStranger)); after.Cmp(before) != 0 {
		t.Fatalf("refused buyer's account %v, was %v", after, before)
	}
	if _, err := stranger.PurchaseOf(ctx, id, e.addr(kStranger)); !errors.Is(err, acl.ErrNoEscrow) {
		t.Fatalf("escrow after a refused private buy: %v", err)
	}
	mine := e.addr(kBrand)
	evs := ok(brand.Offered(ctx, acl.Range{}, acl.OfferedFilter{Buyer: &mine}))(t)
	if len(evs) != 1 || evs[0].Dataset != id || evs[0].Buyer != mine || evs[0].TermsHash != terms {
		t.Fatalf("offers made to the brand: %+v", evs)
	}
	other := e.addr(kStranger)
	if evs := ok(brand.Offered(ctx, acl.Range{}, acl.OfferedFilter{Buyer: &other}))(t); len(evs) != 0 {
		t.Fatalf("offers made to the stranger: %+v", evs)
	}
	ok(brand.Buy(ctx, id, price, terms, time.Hour))(t)
	if p := ok(brand.PurchaseOf(ctx, id, mine))(t); p.Amount.Cmp(price) != 0 {
		t.Fatalf("escrow %v, want %v", p.Amount, price)
	}
	// Re-offered publicly: anyone may buy, and the zero-address filter finds
	// it as a public offer.
	ok(owner.Offer(ctx, id, price, time.Hour, terms))(t)
	if o := ok(stranger.OfferOf(ctx, id, terms))(t); o.Private() {
		t.Fatalf("public re-offer still names %s", o.Buyer.Hex())
	}
	var zero common.Address
	if evs := ok(brand.Offered(ctx, acl.Range{}, acl.OfferedFilter{Dataset: &id, Buyer: &zero}))(t); len(evs) != 1 {
		t.Fatalf("public offers of dataset %d: %+v", id, evs)
	}
	ok(stranger.Buy(ctx, id, price, terms, time.Hour))(t)
	// Withdrawing clears the buyer with the offer.
	ok(owner.OfferTo(ctx, id, price, time.Hour, terms, mine))(t)
	ok(owner.WithdrawOffer(ctx, id, terms))(t)
	if _, err := stranger.OfferOf(ctx, id, terms); !errors.Is(err, acl.ErrNoOpenOffer) {
		t.Fatalf("offer after withdrawal: %v", err)
	}
}

// A dataset goes private -> public -> withdrawn -> public; only its owner
// moves it, never with a zero policy, never publishing an erased dataset;
// events record each step; CIDs are accepted in every state.
func testVisibility(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	stranger := as(t, e, owner, kStranger, nil)
	id := newDataset(t, owner)
	want := func(v acl.Visibility, policy [32]byte) {
		t.Helper()
		got := ok(stranger.VisibilityOf(ctx, id))(t)
		if got.Visibility != v || got.PolicyHash != policy {
			t.Fatalf("visibility %v policy %x, want %v %x", got.Visibility, got.PolicyHash, v, policy)
		}
	}
	want(acl.Private, [32]byte{})
	_, err := owner.Unpublish(ctx, id)
	wantRevert(t, err, acl.ErrNotPublic)
	if _, err := owner.Publish(ctx, id, [32]byte{}); !errors.Is(err, acl.ErrInvalidArgument) {
		t.Fatalf("publish under a zero policy: %v", err)
	}
	p1 := rand32(t)
	_, err = stranger.Publish(ctx, id, p1)
	wantRevert(t, err, acl.ErrNotOwner)
	ok(owner.Publish(ctx, id, p1))(t)
	want(acl.Public, p1)
	if _, _, err := owner.AddCID(ctx, id, cidv1(t), rand32(t)); err != nil {
		t.Fatal(err)
	}
	p2 := rand32(t)
	ok(owner.Publish(ctx, id, p2))(t) // a new policy
	want(acl.Public, p2)
	_, err = stranger.Unpublish(ctx, id)
	wantRevert(t, err, acl.ErrNotOwner)
	ok(owner.Unpublish(ctx, id))(t)
	want(acl.Withdrawn, p2)
	_, err = owner.Unpublish(ctx, id)
	wantRevert(t, err, acl.ErrNotPublic)
	if _, _, err := owner.AddCID(ctx, id, cidv1(t), rand32(t)); err != nil {
		t.Fatal(err)
	}
	ok(owner.Publish(ctx, id, p1))(t) // published again
	want(acl.Public, p1)
	pubs := ok(stranger.Published(ctx, acl.Range{}, acl.PublishedFilter{Dataset: &id}))(t)
	if len(pubs) != 3 || pubs[0].PolicyHash != p1 || pubs[1].PolicyHash != p2 || pubs[2].PolicyHash != p1 {
		t.Fatalf("Published events %+v", pubs)
	}
	if un := ok(stranger.Unpublished(ctx, acl.Range{}, acl.UnpublishedFilter{Dataset: &id}))(t); len(un) != 1 || un[0].Block <= pubs[1].Block || un[0].Block >= pubs[2].Block {
		t.Fatalf("Unpublished events %+v", un)
	}
	// Erased: it stays public on record and can still be withdrawn, never
	// published again.
	ok(owner.Erase(ctx, id))(t)
	_, err = owner.Publish(ctx, id, p2)
	wantRevert(t, err, acl.ErrDatasetErased)
	ok(owner.Unpublish(ctx, id))(t)
	want(acl.Withdrawn, p1)
	if d := ok(stranger.DatasetInfo(ctx, id))(t); !d.Erased {
		t.Fatal("erase lost under the visibility flags")
	}
	if _, err := stranger.VisibilityOf(ctx, 999); !errors.Is(err, acl.ErrUnknownDataset) {
		t.Fatalf("visibility of an unknown dataset: %v", err)
	}
}

// Interface v4: a dataset holds one offer per terms hash. Two offers (some
// fields cheap, the whole dataset dear) are open side by side, each bought
// at its own price by its own buyer; withdrawing one leaves the other; a
// private offer under one terms hash leaves the others public; erasing the
// dataset closes every offer at once, without visiting them.
func testMarketOffersPerTerms(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	id := newDataset(t, owner)
	brandA := as(t, e, owner, kBrand, nil)
	brandB := as(t, e, owner, kBrand2, nil)
	stranger := as(t, e, owner, kStranger, nil)
	if v := ok(owner.InterfaceVersion(ctx))(t); v != acl.InterfaceVersion {
		t.Fatalf("interfaceVersion %d, want %d", v, acl.InterfaceVersion)
	}
	cheap, dear := big.NewInt(1000), big.NewInt(5000)
	fieldsTerms, allTerms := rand32(t), rand32(t)
	ok(owner.Offer(ctx, id, cheap, time.Hour, fieldsTerms))(t)
	ok(owner.Offer(ctx, id, dear, 2*time.Hour, allTerms))(t)
	a := ok(stranger.OfferOf(ctx, id, fieldsTerms))(t)
	b := ok(stranger.OfferOf(ctx, id, allTerms))(t)
	if a.Price.Cmp(cheap) != 0 || a.Duration != time.Hour || b.Price.Cmp(dear) != 0 || b.Duration != 2*time.Hour {
		t.Fatalf("offers %+v and %+v", a, b)
	}
	// The cheap price does not buy the dear offer, nor the dear price the
	// cheap one: each offer is its own.
	_, err := brandB.Buy(ctx, id, cheap, allTerms, 2*time.Hour)
	wantRevert(t, err, acl.ErrWrongPayment)
	rcA := ok(brandA.Buy(ctx, id, cheap, fieldsTerms, time.Hour))(t)
	rcB := ok(brandB.Buy(ctx, id, dear, allTerms, 2*time.Hour))(t)
	for _, c := range []struct {
		rc    *types.Receipt
		terms [32]byte
		buyer common.Address
		paid  *big.Int
	}{{rcA, fieldsTerms, e.addr(kBrand), cheap}, {rcB, allTerms, e.addr(kBrand2), dear}} {
		evs := ok(owner.Purchased(ctx, acl.Range{From: c.rc.BlockNumber.Uint64(), To: c.rc.BlockNumber.Uint64()}, acl.PurchasedFilter{Dataset: &id}))(t)
		if len(evs) != 1 || evs[0].TermsHash != c.terms || evs[0].Buyer != c.buyer || evs[0].Amount.Cmp(c.paid) != 0 {
			t.Fatalf("purchase %+v, want terms %x by %s for %v", evs, c.terms, c.buyer.Hex(), c.paid)
		}
	}
	// Withdrawing the fields offer leaves the whole-dataset one open.
	rc := ok(owner.WithdrawOffer(ctx, id, fieldsTerms))(t)
	if _, err := stranger.OfferOf(ctx, id, fieldsTerms); !errors.Is(err, acl.ErrNoOpenOffer) {
		t.Fatalf("withdrawn offer still open: %v", err)
	}
	ok(stranger.OfferOf(ctx, id, allTerms))(t)
	var withdrawn int
	for _, l := range rc.Logs {
		if ev, err := bindings.NewRegistry().UnpackOfferWithdrawnEvent(l); err == nil {
			withdrawn++
			if ev.Dataset != id || ev.TermsHash != fieldsTerms {
				t.Fatalf("OfferWithdrawn %d %x, want %d %x", ev.Dataset, ev.TermsHash, id, fieldsTerms)
			}
		}
	}
	if withdrawn != 1 {
		t.Fatalf("%d OfferWithdrawn events", withdrawn)
	}
	_, err = owner.WithdrawOffer(ctx, id, fieldsTerms)
	wantRevert(t, err, acl.ErrNoOffer)
	// A private offer under a third terms hash: only its buyer buys it, and
	// the public offer beside it stays public.
	private := rand32(t)
	ok(owner.OfferTo(ctx, id, cheap, time.Hour, private, e.addr(kBrand)))(t)
	_, err = stranger.Buy(ctx, id, cheap, private, time.Hour)
	wantRevert(t, err, acl.ErrOfferIsPrivate)
	if o := ok(stranger.OfferOf(ctx, id, allTerms))(t); o.Private() {
		t.Fatalf("the public offer became private: %+v", o)
	}
	ok(stranger.Buy(ctx, id, dear, allTerms, 2*time.Hour))(t)
	// Erase closes both open offers at once.
	ok(owner.Erase(ctx, id))(t)
	for _, h := range [][32]byte{allTerms, private} {
		if _, err := stranger.OfferOf(ctx, id, h); !errors.Is(err, acl.ErrNoOpenOffer) {
			t.Fatalf("offer %x open after erase: %v", h, err)
		}
	}
	_, err = brandA.Buy(ctx, id, cheap, private, time.Hour)
	wantRevert(t, err, acl.ErrDatasetErased)
}

// A client binds only a Registry of its own interface version: another
// contract at the address (here one without interfaceVersion, as every
// Registry before version 4) is refused with ErrInterfaceVersion and the
// way out, not bound to fail call by call. And the Registry stays far under
// the 24 KiB code limit.
func testInterfaceVersion(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	code := ok(e.backend.CodeAt(ctx, owner.Address(), nil))(t)
	if len(code) == 0 || len(code) > 20_000 {
		t.Fatalf("the Registry's runtime code is %d bytes; the limit is 24,576 and this version stays under 20,000", len(code))
	}
	t.Logf("Registry runtime code: %d bytes", len(code))
	chainID := ok(e.backend.ChainID(ctx))(t)
	opts := bind.NewKeyedTransactor(e.keys[kStranger], chainID)
	opts.Context = ctx
	rr := bindings.NewReentrantReceiver()
	_, tx, err := bind.DeployContract(opts, common.FromHex(bindings.ReentrantReceiverMetaData.Bin), e.backend, rr.PackConstructor(owner.Address()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := waitReceipt(ctx, e.backend, tx.Hash())
	if err != nil || rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("deploying another contract: %v %+v", err, rc)
	}
	_, err = acl.New(ctx, e.backend, rc.ContractAddress, e.keys[kBrand], nil)
	if !errors.Is(err, acl.ErrInterfaceVersion) || !strings.Contains(err.Error(), "this pdx speaks 4") || !strings.Contains(err.Error(), "pdx contracts deploy") {
		t.Fatalf("binding a contract of no Registry version: %v, want ErrInterfaceVersion with the way out", err)
	}
	// A Registry of interface version 3 (testdata/registry-v3.bin: its
	// init code as pdx last shipped it) is named as such.
	v3, err := os.ReadFile(filepath.Join("testdata", "registry-v3.bin"))
	if err != nil {
		t.Fatal(err)
	}
	_, tx, err = bind.DeployContract(opts, common.FromHex(strings.TrimSpace(string(v3))), e.backend, bindings.NewRegistry().PackConstructor(3600))
	if err != nil {
		t.Fatal(err)
	}
	if rc, err = waitReceipt(ctx, e.backend, tx.Hash()); err != nil || rc.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("deploying a version-3 Registry: %v %+v", err, rc)
	}
	_, err = acl.New(ctx, e.backend, rc.ContractAddress, e.keys[kBrand], nil)
	if !errors.Is(err, acl.ErrInterfaceVersion) || !strings.Contains(err.Error(), "is interface version 3; this pdx speaks 4: redeploy with `pdx contracts deploy` or use a pdx that matches") {
		t.Fatalf("binding a version-3 Registry: %v", err)
	}
}
