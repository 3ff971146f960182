package acl_test

import (
	"bytes"
	"context"
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
)

// eventWorld is a Registry with one of each event the typed queries read,
// on two datasets and two grantees so that every filter has something to
// leave out.
type eventWorld struct {
	owner        *acl.Client
	from         uint64 // the deploy block
	id, other    uint64
	key0, key1   []byte
	cid0         []byte
	fingerprint  [32]byte
	expiry       time.Time
	purpose, bdl [32]byte
	terms        [32]byte
	price        *big.Int
	grant        *types.Receipt // the grant of id to kBrand
	rotate       *types.Receipt
	buy          *types.Receipt
}

func newEventWorld(t *testing.T, e *env) *eventWorld {
	t.Helper()
	ctx := testCtx(t)
	w := &eventWorld{price: big.NewInt(1000)}
	owner, rc, err := acl.Deploy(ctx, e.backend, e.keys[kOwner], grantWindow, nil)
	if err != nil {
		t.Fatal(err)
	}
	w.owner, w.from = owner, rc.BlockNumber.Uint64()
	w.key0, w.key1 = pubkey(t), pubkey(t)
	if w.id, _, err = owner.CreateDataset(ctx, w.key0); err != nil {
		t.Fatal(err)
	}
	w.other = newDataset(t, owner)
	w.cid0, w.fingerprint = cidv1(t), rand32(t)
	for _, v := range []struct {
		id          uint64
		cid         []byte
		fingerprint [32]byte
	}{{w.id, w.cid0, w.fingerprint}, {w.other, cidv1(t), rand32(t)}} {
		if _, _, err := owner.AddCID(ctx, v.id, v.cid, v.fingerprint); err != nil {
			t.Fatal(err)
		}
	}
	w.expiry = time.Unix(int64(head(t, e).Time)+3600, 0)
	w.purpose, w.bdl = rand32(t), rand32(t)
	w.grant = ok(owner.Grant(ctx, acl.Grant{Dataset: w.id, Grantee: e.addr(kBrand), Expiry: w.expiry, Threshold: 2, PurposeHash: w.purpose, Bundle: w.bdl}))(t)
	ok(owner.Grant(ctx, acl.Grant{Dataset: w.other, Grantee: e.addr(kBrand2), Expiry: w.expiry, Threshold: 1, Bundle: rand32(t)}))(t)
	ok(owner.Revoke(ctx, w.id, e.addr(kBrand)))(t)
	w.rotate = ok(owner.RotateKey(ctx, w.id, w.key1, w.cid0))(t)
	w.terms = rand32(t)
	ok(owner.Offer(ctx, w.id, w.price, time.Hour, w.terms))(t)
	buyer := as(t, e, owner, kBrand, nil)
	w.buy = ok(buyer.Buy(ctx, w.id, w.price, w.terms, time.Hour))(t)
	ok(owner.Decline(ctx, w.id, e.addr(kBrand)))(t)
	ok(owner.Erase(ctx, w.other))(t)
	return w
}

// count fails the test unless a query returned n events without error.
func count[T any](t *testing.T, what string, n int) func([]T, error) []T {
	return func(evs []T, err error) []T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if len(evs) != n {
			t.Fatalf("%s: %d events, want %d: %+v", what, len(evs), n, evs)
		}
		return evs
	}
}

func testEventQueries(t *testing.T, e *env) {
	ctx := testCtx(t)
	w := newEventWorld(t, e)
	c := w.owner
	all := acl.Range{From: w.from}
	brand, brand2, owner := e.addr(kBrand), e.addr(kBrand2), e.addr(kOwner)
	h0 := acl.CIDHash(w.cid0)

	// Granted: every field of the one grant event type, and where it was logged.
	gs := count[acl.Granted](t, "Granted, any", 2)(c.Granted(ctx, all, acl.GrantedFilter{}))
	want := acl.Granted{EventLog: acl.EventLog{Block: w.grant.BlockNumber.Uint64(), Tx: w.grant.TxHash, Index: gs[0].Index},
		Dataset: w.id, Grantee: brand, Expiry: w.expiry.UTC(), Threshold: 2, PurposeHash: w.purpose, Bundle: w.bdl}
	if gs[0] != want || gs[0].Expiry.Location() != time.UTC {
		t.Fatalf("Granted %+v, want %+v", gs[0], want)
	}
	if g := count[acl.Granted](t, "Granted to brand", 1)(c.Granted(ctx, all, acl.GrantedFilter{Grantee: &brand})); g[0].Dataset != w.id {
		t.Fatalf("Granted to brand %+v", g)
	}
	if g := count[acl.Granted](t, "Granted of other", 1)(c.Granted(ctx, all, acl.GrantedFilter{Dataset: &w.other})); g[0].Grantee != brand2 || g[0].Threshold != 1 {
		t.Fatalf("Granted of other %+v", g)
	}
	count[acl.Granted](t, "Granted to brand of other", 0)(c.Granted(ctx, all, acl.GrantedFilter{Grantee: &brand, Dataset: &w.other}))
	count[acl.Granted](t, "Granted to owner", 0)(c.Granted(ctx, all, acl.GrantedFilter{Grantee: &owner}))

	// The range bounds the blocks read, both ends included.
	count[acl.Granted](t, "Granted up to the first grant", 1)(c.Granted(ctx, acl.Range{From: w.from, To: want.Block}, acl.GrantedFilter{}))
	count[acl.Granted](t, "Granted after the first grant", 1)(c.Granted(ctx, acl.Range{From: want.Block + 1}, acl.GrantedFilter{}))
	count[acl.Granted](t, "Granted before the deploy", 0)(c.Granted(ctx, acl.Range{From: 0, To: w.from - 1}, acl.GrantedFilter{}))
	headNum := ok(c.BlockNumber(ctx))(t)
	count[acl.Granted](t, "Granted past the head", 0)(c.Granted(ctx, acl.Range{From: headNum + 5}, acl.GrantedFilter{}))

	if r := count[acl.Revoked](t, "Revoked", 1)(c.Revoked(ctx, all, acl.RevokedFilter{Dataset: &w.id, Grantee: &brand})); r[0].Block <= want.Block {
		t.Fatalf("Revoked %+v", r)
	}
	count[acl.Revoked](t, "Revoked of other", 0)(c.Revoked(ctx, all, acl.RevokedFilter{Dataset: &w.other}))
	count[acl.Revoked](t, "Revoked of brand2", 0)(c.Revoked(ctx, all, acl.RevokedFilter{Grantee: &brand2}))

	count[acl.Erased](t, "Erased of other", 1)(c.Erased(ctx, all, acl.ErasedFilter{Dataset: &w.other}))
	count[acl.Erased](t, "Erased of id", 0)(c.Erased(ctx, all, acl.ErasedFilter{Dataset: &w.id}))

	a := count[acl.CIDAdded](t, "CIDAdded of id", 1)(c.CIDAdded(ctx, all, acl.CIDAddedFilter{Dataset: &w.id}))[0]
	if a.Dataset != w.id || !bytes.Equal(a.CID, w.cid0) || a.CIDHash != h0 || a.Version != 1 || a.Fingerprint != w.fingerprint {
		t.Fatalf("CIDAdded %+v", a)
	}
	count[acl.CIDAdded](t, "CIDAdded by hash", 1)(c.CIDAdded(ctx, all, acl.CIDAddedFilter{CIDHash: &h0}))
	count[acl.CIDAdded](t, "CIDAdded, any", 2)(c.CIDAdded(ctx, all, acl.CIDAddedFilter{}))
	count[acl.CIDAdded](t, "CIDAdded of other by hash", 0)(c.CIDAdded(ctx, all, acl.CIDAddedFilter{Dataset: &w.other, CIDHash: &h0}))

	d := count[acl.DatasetCreated](t, "DatasetCreated by owner", 2)(c.DatasetCreated(ctx, all, acl.DatasetCreatedFilter{Owner: &owner}))
	if d[0].Dataset != w.id || d[0].Owner != owner || !bytes.Equal(d[0].DelegatingKey, w.key0) || d[1].Dataset != w.other {
		t.Fatalf("DatasetCreated %+v", d)
	}
	count[acl.DatasetCreated](t, "DatasetCreated of other", 1)(c.DatasetCreated(ctx, all, acl.DatasetCreatedFilter{Dataset: &w.other}))
	count[acl.DatasetCreated](t, "DatasetCreated by brand", 0)(c.DatasetCreated(ctx, all, acl.DatasetCreatedFilter{Owner: &brand}))

	k := count[acl.KeyRotated](t, "KeyRotated of id", 1)(c.KeyRotated(ctx, all, acl.KeyRotatedFilter{Dataset: &w.id}))[0]
	if k.Epoch != 1 || !bytes.Equal(k.DelegatingKey, w.key1) || !bytes.Equal(k.Rewrap, w.cid0) || k.Block != w.rotate.BlockNumber.Uint64() {
		t.Fatalf("KeyRotated %+v", k)
	}
	if in, found := c.KeyRotatedIn(w.rotate.Logs); !found || !reflect.DeepEqual(in, k) {
		t.Fatalf("KeyRotatedIn the receipt %+v (%v), the query %+v", in, found, k)
	}
	count[acl.KeyRotated](t, "KeyRotated of other", 0)(c.KeyRotated(ctx, all, acl.KeyRotatedFilter{Dataset: &w.other}))

	o := count[acl.Offered](t, "Offered of id", 1)(c.Offered(ctx, all, acl.OfferedFilter{Dataset: &w.id}))[0]
	if o.Price.Cmp(w.price) != 0 || o.Duration != time.Hour || o.TermsHash != w.terms {
		t.Fatalf("Offered %+v", o)
	}
	count[acl.Offered](t, "Offered of other", 0)(c.Offered(ctx, all, acl.OfferedFilter{Dataset: &w.other}))

	p := count[acl.Purchased](t, "Purchased by brand", 1)(c.Purchased(ctx, all, acl.PurchasedFilter{Buyer: &brand}))[0]
	bought := ok(e.backend.HeaderByNumber(ctx, w.buy.BlockNumber))(t)
	if p.Dataset != w.id || p.Amount.Cmp(w.price) != 0 || p.Duration != time.Hour || p.TermsHash != w.terms ||
		p.Deadline.Unix() != int64(bought.Time)+int64(grantWindow/time.Second) || p.Tx != w.buy.TxHash {
		t.Fatalf("Purchased %+v", p)
	}
	count[acl.Purchased](t, "Purchased of id", 1)(c.Purchased(ctx, all, acl.PurchasedFilter{Dataset: &w.id}))
	count[acl.Purchased](t, "Purchased by brand2", 0)(c.Purchased(ctx, all, acl.PurchasedFilter{Buyer: &brand2}))

	if r := count[acl.Refunded](t, "Refunded", 1)(c.Refunded(ctx, all, acl.RefundedFilter{Dataset: &w.id, Buyer: &brand})); r[0].Amount.Cmp(w.price) != 0 {
		t.Fatalf("Refunded %+v", r)
	}
	count[acl.Refunded](t, "Refunded to owner", 0)(c.Refunded(ctx, all, acl.RefundedFilter{Buyer: &owner}))

	// A followed event reads as the same typed value as the query's.
	f := c.Follower(&acl.MemoryCursor{})
	f.Start = w.from
	var followed []acl.Event
	ok(f.Poll(ctx, func(_ context.Context, ev acl.Event) error { followed = append(followed, ev); return nil }))(t)
	var grants, revokes, erasures, purchases, rotations int
	for _, ev := range followed {
		if g, isG := ev.Granted(); isG {
			if grants == 0 && g != gs[0] {
				t.Fatalf("followed Granted %+v, queried %+v", g, gs[0])
			}
			grants++
		}
		if _, isR := ev.Revoked(); isR {
			revokes++
		}
		if _, isE := ev.Erased(); isE {
			erasures++
		}
		if pp, isP := ev.Purchased(); isP {
			if !reflect.DeepEqual(pp, p) {
				t.Fatalf("followed Purchased %+v, queried %+v", pp, p)
			}
			purchases++
		}
		if kk, isK := ev.KeyRotated(); isK {
			if !reflect.DeepEqual(kk, k) {
				t.Fatalf("followed KeyRotated %+v, queried %+v", kk, k)
			}
			rotations++
		}
	}
	if grants != 2 || revokes != 1 || erasures != 1 || purchases != 1 || rotations != 1 {
		t.Fatalf("followed %d grants, %d revokes, %d erasures, %d purchases, %d rotations; want 2 1 1 1 1", grants, revokes, erasures, purchases, rotations)
	}
}

// testEventQueryWindows reads the same history in windows of two blocks:
// what providers that cap eth_getLogs ranges get.
func testEventQueryWindows(t *testing.T, e *env) {
	ctx := testCtx(t)
	w := newEventWorld(t, e)
	all := acl.Range{From: w.from}
	whole := ok(w.owner.Granted(ctx, all, acl.GrantedFilter{}))(t)
	created := ok(w.owner.DatasetCreated(ctx, all, acl.DatasetCreatedFilter{}))(t)
	purchased := ok(w.owner.Purchased(ctx, all, acl.PurchasedFilter{}))(t)
	windowed := as(t, e, w.owner, kOwner, nil)
	acl.SetLogRange(windowed, 2)
	if got := ok(windowed.Granted(ctx, all, acl.GrantedFilter{}))(t); len(got) != 2 || !reflect.DeepEqual(got, whole) {
		t.Fatalf("Granted in windows %+v, at once %+v", got, whole)
	}
	if got := ok(windowed.DatasetCreated(ctx, all, acl.DatasetCreatedFilter{}))(t); len(got) != 2 || !reflect.DeepEqual(got, created) {
		t.Fatalf("DatasetCreated in windows %+v, at once %+v", got, created)
	}
	if got := ok(windowed.Purchased(ctx, all, acl.PurchasedFilter{}))(t); len(got) != 1 || !reflect.DeepEqual(got, purchased) {
		t.Fatalf("Purchased in windows %+v, at once %+v", got, purchased)
	}
	to := w.grant.BlockNumber.Uint64()
	if got := ok(windowed.Granted(ctx, acl.Range{From: w.from, To: to}, acl.GrantedFilter{}))(t); len(got) != 1 || got[0] != whole[0] {
		t.Fatalf("Granted in windows up to block %d: %+v", to, got)
	}
}

// testChainReads checks the client's reads of the chain itself.
func testChainReads(t *testing.T, e *env) {
	ctx := testCtx(t)
	c := deploy(t, e)
	if id, want := ok(c.ChainID(ctx))(t), ok(e.backend.ChainID(ctx))(t); id.Cmp(want) != 0 {
		t.Fatalf("ChainID %v, want %v", id, want)
	}
	n := ok(c.BlockNumber(ctx))(t)
	h := ok(c.Head(ctx))(t)
	hdr := ok(e.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(h.Number)))(t)
	if h.Number < n || h.Hash != hdr.Hash() || h.Time.Unix() != int64(hdr.Time) || h.Time.Location() != time.UTC {
		t.Fatalf("Head %+v, block number %d, header %d at %d", h, n, hdr.Number, hdr.Time)
	}
	if b, want := ok(c.EtherBalance(ctx, e.addr(kStranger)))(t), balance(t, e, e.addr(kStranger)); b.Cmp(want) != 0 || b.Sign() == 0 {
		t.Fatalf("EtherBalance %v, want %v", b, want)
	}
}
