package acl_test

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
)

// The campaign tests run in the conformance suite (every backend). Keys:
// kBrand runs the campaigns; kOwner and kBrand2 own datasets and join them;
// kStranger is anyone else.

// newCampaign funds a campaign from brand and returns its id and terms.
func newCampaign(t *testing.T, e *env, brand *acl.Client, price int64, duration time.Duration, cap uint32, open time.Duration) (uint64, acl.CampaignTerms) {
	t.Helper()
	terms := acl.CampaignTerms{
		TermsHash: rand32(t), PricePerPerson: big.NewInt(price), Duration: duration, Cap: cap,
		Deadline: time.Unix(int64(head(t, e).Time)+int64(open/time.Second), 0),
	}
	id, _, err := brand.CreateCampaign(testCtx(t), terms)
	if err != nil {
		t.Fatalf("create campaign: %v", err)
	}
	return id, terms
}

func join(t *testing.T, owner *acl.Client, id, dataset uint64, brand common.Address, proxies ...common.Address) *types.Receipt {
	t.Helper()
	rc, err := owner.JoinCampaign(testCtx(t), id, dataset, brand, 2, rand32(t), rand32(t), proxies...)
	if err != nil {
		t.Fatalf("join campaign %d with dataset %d: %v", id, dataset, err)
	}
	return rc
}

// testCampaignJoinCapClose: create, join (grant + vesting in one
// transaction), cap, double join, non-owner join, close by the brand with
// the unspent places refunded, no join after close.
func testCampaignJoinCapClose(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	brand := as(t, e, owner, kBrand, nil)
	owner2 := as(t, e, owner, kBrand2, nil)
	stranger := as(t, e, owner, kStranger, nil)
	brandAddr := e.addr(kBrand)
	const price = 1_000_000_000_000

	// Hostile or mistaken funding is refused before or by the contract.
	terms := acl.CampaignTerms{TermsHash: rand32(t), PricePerPerson: big.NewInt(price), Duration: time.Hour, Cap: 2,
		Deadline: time.Unix(int64(head(t, e).Time)+3600, 0)}
	for _, bad := range []func(acl.CampaignTerms) acl.CampaignTerms{
		func(c acl.CampaignTerms) acl.CampaignTerms { c.Cap = 0; return c },
		func(c acl.CampaignTerms) acl.CampaignTerms { c.PricePerPerson = big.NewInt(0); return c },
		func(c acl.CampaignTerms) acl.CampaignTerms {
			c.Duration = acl.MaxCampaignDuration + time.Second
			return c
		},
	} {
		if _, _, err := brand.CreateCampaign(ctx, bad(terms)); !errors.Is(err, acl.ErrInvalidArgument) {
			t.Fatalf("bad campaign terms: %v", err)
		}
	}
	past := terms
	past.Deadline = time.Unix(int64(head(t, e).Time)-1, 0)
	_, _, err := brand.CreateCampaign(ctx, past)
	wantRevert(t, err, acl.ErrInvalidCampaign)
	if _, err := brand.CampaignOf(ctx, 1); !errors.Is(err, acl.ErrUnknownCampaign) {
		t.Fatalf("campaign before any: %v", err)
	}

	id, _, err := brand.CreateCampaign(ctx, terms)
	if err != nil {
		t.Fatal(err)
	}
	c := ok(stranger.CampaignOf(ctx, id))(t)
	if c.Brand != brandAddr || c.TermsHash != terms.TermsHash || c.PricePerPerson.Int64() != price || c.Duration != time.Hour ||
		c.Cap != 2 || c.Joined != 0 || c.Closed || c.Deadline.Unix() != terms.Deadline.Unix() || c.Unspent().Int64() != 2*price {
		t.Fatalf("campaign %+v", c)
	}
	if n := ok(stranger.CampaignCount(ctx))(t); n != 1 {
		t.Fatalf("campaign count %d", n)
	}
	if b := balance(t, e, owner.Address()); b.Int64() != 2*price {
		t.Fatalf("registry holds %v wei after funding, want %d", b, 2*price)
	}

	d1 := newDataset(t, owner)
	d2 := newDataset(t, owner2)
	d3 := newDataset(t, owner)
	_, err = stranger.JoinCampaign(ctx, id, d1, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrNotOwner)
	_, err = owner.JoinCampaign(ctx, id+1, d1, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrUnknownCampaign)

	proxy := e.addr(kProxy)
	rc := join(t, owner, id, d1, brandAddr, proxy)
	at := ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t).Time
	// An ordinary bought grant: stored, authorizing, vesting one price.
	g := ok(owner.GrantOf(ctx, d1, brandAddr))(t)
	if !g.Exists || !g.Bought || g.Threshold != 2 || g.Expiry.Unix() != int64(at)+3600 {
		t.Fatalf("campaign grant %+v (joined at %d)", g, at)
	}
	if !ok(owner.IsAuthorized(ctx, d1, brandAddr))(t) {
		t.Fatal("brand not authorized after the join")
	}
	v := ok(owner.VestingOf(ctx, d1, brandAddr))(t)
	if v.Amount.Int64() != price || v.SettledUntil.Unix() != int64(at) || v.End.Unix() != int64(at)+3600 {
		t.Fatalf("vesting %+v", v)
	}
	// The receipt carries Granted, GrantedVia (the proxy's) and CampaignJoined.
	var names []string
	for _, l := range rc.Logs {
		ev := ok(acl.DecodeLog(bindings.NewRegistry(), l))(t)
		names = append(names, ev.Name)
		if j, isJoin := ev.CampaignJoined(); isJoin && (j.ID != id || j.Dataset != d1 || j.Owner != e.addr(kOwner)) {
			t.Fatalf("CampaignJoined %+v", j)
		}
	}
	if len(names) != 3 || names[0] != "Granted" || names[1] != "GrantedVia" || names[2] != "CampaignJoined" {
		t.Fatalf("join logged %v", names)
	}
	if via := ok(owner.GrantedVia(ctx, acl.Range{}, proxy, acl.GrantedFilter{Grantee: &brandAddr}))(t); len(via) != 1 || via[0].Dataset != d1 || !via[0].Bought {
		t.Fatalf("GrantedVia for the proxy: %+v", via)
	}

	_, err = owner.JoinCampaign(ctx, id, d1, brandAddr, 1, rand32(t), rand32(t))
	re := wantRevert(t, err, acl.ErrAlreadyJoined)
	if re.Args[0].(uint64) != id || re.Args[1].(uint64) != d1 {
		t.Fatalf("AlreadyJoined args %v", re.Args)
	}
	join(t, owner2, id, d2, brandAddr)
	_, err = owner.JoinCampaign(ctx, id, d3, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrCampaignFull)
	if ok(stranger.JoinedCampaign(ctx, id, d3))(t) || !ok(stranger.JoinedCampaign(ctx, id, d2))(t) {
		t.Fatal("joinedCampaign disagrees with the joins")
	}

	joined := ok(stranger.CampaignJoined(ctx, acl.Range{}, acl.CampaignJoinedFilter{ID: &id}))(t)
	if len(joined) != 2 || joined[0].Dataset != d1 || joined[1].Dataset != d2 || joined[1].Owner != e.addr(kBrand2) {
		t.Fatalf("CampaignJoined of the campaign: %+v", joined)
	}
	owner2Addr := e.addr(kBrand2)
	if j := ok(stranger.CampaignJoined(ctx, acl.Range{}, acl.CampaignJoinedFilter{Owner: &owner2Addr}))(t); len(j) != 1 || j[0].Dataset != d2 {
		t.Fatalf("CampaignJoined of one owner: %+v", j)
	}

	// Only the brand closes before the deadline; a full campaign refunds
	// nothing, and closes once.
	_, err = stranger.CloseCampaign(ctx, id)
	wantRevert(t, err, acl.ErrCloseTooEarly)
	ok(brand.CloseCampaign(ctx, id))(t)
	_, err = brand.CloseCampaign(ctx, id)
	wantRevert(t, err, acl.ErrCampaignNotOpen)
	if b := ok(brand.BalanceOf(ctx, brandAddr))(t); b.Sign() != 0 {
		t.Fatalf("brand's balance %v after closing a full campaign", b)
	}

	// A campaign of three with one place taken: closing refunds two.
	id2, _ := newCampaign(t, e, brand, price, time.Hour, 3, time.Hour)
	join(t, owner, id2, d3, brandAddr)
	ok(brand.CloseCampaign(ctx, id2))(t)
	if b := ok(brand.BalanceOf(ctx, brandAddr))(t); b.Int64() != 2*price {
		t.Fatalf("brand's balance %v after closing with 2 of 3 places unspent, want %d", b, 2*price)
	}
	_, err = owner2.JoinCampaign(ctx, id2, d2, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrCampaignNotOpen)
	closed := ok(stranger.CampaignClosed(ctx, acl.Range{}, acl.CampaignClosedFilter{Brand: &brandAddr}))(t)
	if len(closed) != 2 || closed[0].ID != id || closed[0].Refund.Sign() != 0 || closed[1].ID != id2 || closed[1].Refund.Int64() != 2*price {
		t.Fatalf("CampaignClosed of the brand: %+v", closed)
	}
	created := ok(stranger.CampaignCreated(ctx, acl.Range{}, acl.CampaignCreatedFilter{ID: &id2}))(t)
	if len(created) != 1 || created[0].Brand != brandAddr || created[0].Cap != 3 || created[0].PricePerPerson.Int64() != price {
		t.Fatalf("CampaignCreated %+v", created)
	}
	strangerAddr := e.addr(kStranger)
	if none := ok(stranger.CampaignCreated(ctx, acl.Range{}, acl.CampaignCreatedFilter{Brand: &strangerAddr}))(t); len(none) != 0 {
		t.Fatalf("a stranger's campaigns: %+v", none)
	}
	// The brand takes its refund out.
	before := balance(t, e, brandAddr)
	rc = ok(brand.Withdraw(ctx))(t)
	want := new(big.Int).Sub(new(big.Int).Add(before, big.NewInt(2*price)), gasCost(rc))
	if got := balance(t, e, brandAddr); got.Cmp(want) != 0 {
		t.Fatalf("brand's account %v after withdrawing the refund, want %v", got, want)
	}
}

// testCampaignDeadline: no join after the deadline; then anyone may close,
// and the refund goes to the brand, not to the closer.
func testCampaignDeadline(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	brand := as(t, e, owner, kBrand, nil)
	stranger := as(t, e, owner, kStranger, nil)
	const price = 3_000_000
	id, terms := newCampaign(t, e, brand, price, time.Hour, 4, 3*time.Second)
	d := newDataset(t, owner)
	advance(t, e, uint64(terms.Deadline.Unix()))
	_, err := owner.JoinCampaign(ctx, id, d, e.addr(kBrand), 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrCampaignNotOpen)
	if c := ok(owner.CampaignOf(ctx, id))(t); c.Open(time.Unix(int64(head(t, e).Time), 0)) {
		t.Fatalf("campaign %+v open after its deadline", c)
	}
	ok(stranger.CloseCampaign(ctx, id))(t)
	if b := ok(owner.BalanceOf(ctx, e.addr(kBrand)))(t); b.Int64() != 4*price {
		t.Fatalf("brand's balance %v after a stranger closed, want %d", b, 4*price)
	}
	if b := ok(owner.BalanceOf(ctx, e.addr(kStranger)))(t); b.Sign() != 0 {
		t.Fatalf("the closer was paid %v", b)
	}
}

// Attack: an owner joins, is paid, and revokes (or erases) at once,
// hoping to keep the price and free its place. The unvested part goes back
// to the brand to the wei, and the dataset cannot join again.
func testCampaignRevokeEraseRefund(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	brand := as(t, e, owner, kBrand, nil)
	brandAddr := e.addr(kBrand)
	const hour = 3600
	price := int64(hour * 1_000_000_007)
	id, _ := newCampaign(t, e, brand, price, time.Hour, 3, time.Hour)
	d1, d2 := newDataset(t, owner), newDataset(t, owner)

	unvested := func(joined, ended uint64) *big.Int {
		vested := new(big.Int).Div(new(big.Int).Mul(big.NewInt(price), new(big.Int).SetUint64(ended-joined)), big.NewInt(hour))
		return vested.Sub(big.NewInt(price), vested)
	}
	blockTime := func(rc *types.Receipt) uint64 { return ok(e.backend.HeaderByNumber(ctx, rc.BlockNumber))(t).Time }

	joined := blockTime(join(t, owner, id, d1, brandAddr))
	tick(t, e)
	revoked := blockTime(ok(owner.Revoke(ctx, d1, brandAddr))(t))
	refund1 := unvested(joined, revoked)
	if b := ok(brand.BalanceOf(ctx, brandAddr))(t); b.Cmp(refund1) != 0 {
		t.Fatalf("brand's balance %v after a revoke %d s in, want %v", b, revoked-joined, refund1)
	}
	if b := ok(brand.BalanceOf(ctx, e.addr(kOwner)))(t); b.Cmp(new(big.Int).Sub(big.NewInt(price), refund1)) != 0 {
		t.Fatalf("owner's balance %v, want the vested part", b)
	}
	_, err := owner.JoinCampaign(ctx, id, d1, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrAlreadyJoined)

	joined = blockTime(join(t, owner, id, d2, brandAddr))
	tick(t, e)
	erased := blockTime(ok(owner.Erase(ctx, d2, brandAddr))(t))
	refund2 := unvested(joined, erased)
	want := new(big.Int).Add(refund1, refund2)
	if b := ok(brand.BalanceOf(ctx, brandAddr))(t); b.Cmp(want) != 0 {
		t.Fatalf("brand's balance %v after an erase %d s in, want %v", b, erased-joined, want)
	}
	if ok(owner.IsAuthorized(ctx, d2, brandAddr))(t) {
		t.Fatal("authorized on an erased dataset")
	}
	// An erased dataset joins nothing.
	id2, _ := newCampaign(t, e, brand, price, time.Hour, 1, time.Hour)
	_, err = owner.JoinCampaign(ctx, id2, d2, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrDatasetErased)
	// Everything is accounted for: one place unspent, refunded at close.
	ok(brand.CloseCampaign(ctx, id))(t)
	want.Add(want, big.NewInt(price))
	if b := ok(brand.BalanceOf(ctx, brandAddr))(t); b.Cmp(want) != 0 {
		t.Fatalf("brand's balance %v after close, want %v", b, want)
	}
	t.Logf("revoke %d s in: %v of %d wei back to the brand; erase: %v", revoked-joined, refund1, price, refund2)
}

// testCampaignBrandHoldsPurchase: a brand that already paid for a dataset
// (in escrow, or a live bought grant) is not paid for twice by a join; an
// owner cannot join its own campaign.
func testCampaignBrandHoldsPurchase(t *testing.T, e *env) {
	ctx := testCtx(t)
	owner := deploy(t, e)
	brand := as(t, e, owner, kBrand, nil)
	brandAddr := e.addr(kBrand)
	const price = 5_000_000
	d, terms := offered(t, owner, big.NewInt(price), time.Hour)
	id, _ := newCampaign(t, e, brand, price, time.Hour, 2, time.Hour)

	ok(brand.Buy(ctx, d, big.NewInt(price), terms, time.Hour))(t)
	_, err := owner.JoinCampaign(ctx, id, d, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrPurchasePending)
	ok(owner.GrantPurchase(ctx, d, brandAddr, 1, rand32(t), rand32(t)))(t)
	_, err = owner.JoinCampaign(ctx, id, d, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrAlreadyGranted)
	// A live plain grant counts too: the owner revokes it to join instead.
	d2 := newDataset(t, owner)
	ok(owner.Grant(ctx, acl.Grant{Dataset: d2, Grantee: brandAddr, Expiry: time.Unix(int64(head(t, e).Time)+600, 0), Threshold: 1}))(t)
	_, err = owner.JoinCampaign(ctx, id, d2, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrAlreadyGranted)
	ok(owner.Revoke(ctx, d2, brandAddr))(t)
	join(t, owner, id, d2, brandAddr)
	if v := ok(owner.VestingOf(ctx, d2, brandAddr))(t); v.Amount.Int64() != price {
		t.Fatalf("vesting after join %+v", v)
	}
	// The brand's own dataset cannot take its own money.
	own := newDataset(t, brand)
	_, err = brand.JoinCampaign(ctx, id, own, brandAddr, 1, rand32(t), rand32(t))
	wantRevert(t, err, acl.ErrOwnDataset)
	// Nothing refused left a mark: one place taken, the bought grant's
	// payment untouched.
	if c := ok(brand.CampaignOf(ctx, id))(t); c.Joined != 1 {
		t.Fatalf("campaign %+v after refused joins", c)
	}
	if v := ok(owner.VestingOf(ctx, d, brandAddr))(t); v.Amount.Int64() != price {
		t.Fatalf("bought grant's vesting %+v after refused joins", v)
	}
}
