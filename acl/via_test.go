package acl_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
)

// TestFollowerProxyReadsOnlyItsGrants is why grants name their proxies
// (GrantedVia): a follower reading for one proxy is handed the grants whose
// bundle was sealed for it — by grant, rebundle and grantPurchase — and the
// revocations and erasures that end grants, in chain order, and nothing of
// the grants naming other proxies; the Granted events themselves never
// reach it.
func TestFollowerProxyReadsOnlyItsGrants(t *testing.T) {
	ctx := testCtx(t)
	e, sim := newSimulated(t)
	owner := deploy(t, e)
	from := ok(sim.Client().BlockNumber(ctx))(t)
	id, other := newDataset(t, owner), newDataset(t, owner)
	p1, p2, p3 := common.Address{0x01}, common.Address{0x02}, common.Address{0x03}
	g1, g2 := common.Address{0xa1}, common.Address{0xa2}
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	grant := func(dataset uint64, grantee common.Address, bundle byte, proxies ...common.Address) {
		t.Helper()
		ok(owner.Grant(ctx, acl.Grant{Dataset: dataset, Grantee: grantee, Expiry: expiry, Threshold: 1, Bundle: [32]byte{bundle}, Proxies: proxies}))(t)
	}
	grant(id, g1, 1, p1, p2)
	grant(other, g2, 2, p3)
	ok(owner.Rebundle(ctx, id, g1, [32]byte{}, [32]byte{3}, p1))(t)
	ok(owner.Revoke(ctx, other, g2))(t)
	// A bought grant names its proxies too.
	price := ether(1)
	sold, terms := offered(t, owner, price, time.Hour)
	buyer := as(t, e, owner, kBrand, nil)
	ok(buyer.Buy(ctx, sold, price, terms, time.Hour))(t)
	ok(owner.GrantPurchase(ctx, sold, e.addr(kBrand), 1, [32]byte{}, [32]byte{4}, p3, p1))(t)

	type seen struct {
		name    string
		dataset uint64
		bundle  byte
	}
	follow := func(proxy common.Address) []seen {
		t.Helper()
		f := owner.Follower(&acl.MemoryCursor{})
		f.Start, f.Proxy = from, proxy
		var got []seen
		if _, err := f.Poll(ctx, func(_ context.Context, ev acl.Event) error {
			switch g, isGrant := ev.Granted(); {
			case isGrant:
				if g.Via != proxy {
					t.Errorf("%s for %s delivered to the follower of %s", ev.Name, g.Via.Hex(), proxy.Hex())
				}
				got = append(got, seen{ev.Name, g.Dataset, g.Bundle[0]})
			case ev.Name == "Revoked":
				r, _ := ev.Revoked()
				got = append(got, seen{ev.Name, r.Dataset, 0})
			default:
				got = append(got, seen{ev.Name, 0, 0})
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got, want := follow(p1), []seen{{"GrantedVia", id, 1}, {"GrantedVia", id, 3}, {"Revoked", other, 0}, {"GrantedVia", sold, 4}}; !slices.Equal(got, want) {
		t.Fatalf("proxy 1 followed %v, want %v", got, want)
	}
	if got, want := follow(p2), []seen{{"GrantedVia", id, 1}, {"Revoked", other, 0}}; !slices.Equal(got, want) {
		t.Fatalf("proxy 2 followed %v, want %v", got, want)
	}
	if got, want := follow(p3), []seen{{"GrantedVia", other, 2}, {"Revoked", other, 0}, {"GrantedVia", sold, 4}}; !slices.Equal(got, want) {
		t.Fatalf("proxy 3 followed %v, want %v", got, want)
	}
	if got := follow(common.Address{0x04}); !slices.Equal(got, []seen{{"Revoked", other, 0}}) {
		t.Fatalf("a proxy no grant names followed %v", got)
	}

	// A follower asking for one kind of event gets that kind alone.
	only := owner.Follower(&acl.MemoryCursor{})
	only.Start, only.Events = from, []string{"Purchased"}
	var kinds []string
	if _, err := only.Poll(ctx, func(_ context.Context, ev acl.Event) error { kinds = append(kinds, ev.Name); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(kinds, []string{"Purchased"}) {
		t.Fatalf("a follower of Purchased events delivered %v", kinds)
	}
	only.Events = []string{"Purchase"}
	if _, err := only.Poll(ctx, func(context.Context, acl.Event) error { return nil }); !errors.Is(err, acl.ErrUnknownEvent) {
		t.Fatalf("a follower of an event the Registry does not have: %v", err)
	}

	// The typed query agrees, and carries what the Granted event says.
	via := ok(owner.GrantedVia(ctx, acl.Range{From: from}, p1, acl.GrantedFilter{}))(t)
	granted := ok(owner.Granted(ctx, acl.Range{From: from}, acl.GrantedFilter{Grantee: &g1}))(t)
	if len(via) != 3 || len(granted) != 2 {
		t.Fatalf("GrantedVia for proxy 1: %d, Granted to grantee 1: %d; want 3 and 2", len(via), len(granted))
	}
	for i, g := range granted {
		v := via[i]
		if v.Via != p1 || v.Tx != g.Tx || v.Dataset != g.Dataset || v.Bundle != g.Bundle || v.Expiry != g.Expiry || v.Threshold != g.Threshold {
			t.Fatalf("GrantedVia %+v does not repeat Granted %+v", v, g)
		}
	}
	if v := ok(owner.GrantedVia(ctx, acl.Range{From: from}, p3, acl.GrantedFilter{Dataset: &other}))(t); len(v) != 1 || v[0].Grantee != g2 {
		t.Fatalf("GrantedVia for proxy 3 on dataset %d: %+v", other, v)
	}

	// An owner's purchases: its datasets as one topic list.
	all := acl.Range{From: from}
	for _, c := range []struct {
		ids  []uint64
		want int
	}{{[]uint64{id, sold}, 1}, {[]uint64{id, other}, 0}, {[]uint64{}, 0}} {
		if got := ok(owner.Purchased(ctx, all, acl.PurchasedFilter{Datasets: c.ids}))(t); len(got) != c.want || (c.want == 1 && got[0].Dataset != sold) {
			t.Fatalf("Purchased of datasets %v: %+v, want %d", c.ids, got, c.want)
		}
	}
	if _, err := owner.Purchased(ctx, all, acl.PurchasedFilter{Datasets: make([]uint64, acl.MaxTopicList+1)}); !errors.Is(err, acl.ErrInvalidArgument) {
		t.Fatalf("Purchased of %d datasets at once: %v, want invalid argument", acl.MaxTopicList+1, err)
	}

	// A brand's grants and the versions of many datasets, each one query
	// of a topic list (a campaign get's).
	for _, c := range []struct {
		ids  []uint64
		want int
	}{{[]uint64{id, other, sold}, 2}, {[]uint64{other, sold}, 0}, {[]uint64{}, 0}} {
		if got := ok(owner.Granted(ctx, all, acl.GrantedFilter{Grantee: &g1, Datasets: c.ids}))(t); len(got) != c.want {
			t.Fatalf("Granted to grantee 1 of datasets %v: %d, want %d", c.ids, len(got), c.want)
		}
	}
	if _, err := owner.Granted(ctx, all, acl.GrantedFilter{Datasets: make([]uint64, acl.MaxTopicList+1)}); !errors.Is(err, acl.ErrInvalidArgument) {
		t.Fatalf("Granted of %d datasets at once: %v, want invalid argument", acl.MaxTopicList+1, err)
	}
	c1, c2 := []byte("bafy-one"), []byte("bafy-two")
	ok2(owner.AddCID(ctx, id, c1, [32]byte{1}))(t)
	ok2(owner.AddCID(ctx, other, c2, [32]byte{2}))(t)
	squat := newDataset(t, buyer) // another account registers c1 too
	ok2(buyer.AddCID(ctx, squat, c1, [32]byte{3}))(t)
	if got := ok(owner.CIDAdded(ctx, all, acl.CIDAddedFilter{Datasets: []uint64{id, other, squat}}))(t); len(got) != 3 {
		t.Fatalf("CIDAdded of datasets %d, %d and %d: %d versions, want 3", id, other, squat, len(got))
	}
	if got := ok(owner.CIDAdded(ctx, all, acl.CIDAddedFilter{CIDHashes: [][32]byte{acl.CIDHash(c1)}}))(t); len(got) != 2 || got[0].Dataset != id || got[1].Dataset != squat {
		t.Fatalf("CIDAdded of one CID registered twice: %+v", got)
	}
	if got := ok(owner.CIDAdded(ctx, all, acl.CIDAddedFilter{Datasets: []uint64{id}, CIDHashes: [][32]byte{acl.CIDHash(c1), acl.CIDHash(c2)}}))(t); len(got) != 1 {
		t.Fatalf("CIDAdded of dataset %d and two CIDs: %d versions, want 1", id, len(got))
	}
	if got := ok(owner.CIDAdded(ctx, all, acl.CIDAddedFilter{CIDHashes: [][32]byte{}}))(t); len(got) != 0 {
		t.Fatalf("CIDAdded of no CIDs: %d versions", len(got))
	}
}

func ok2[A, B any](a A, b B, err error) func(*testing.T) A {
	return func(t *testing.T) A {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
}
