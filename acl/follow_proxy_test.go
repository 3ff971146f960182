package acl_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
)

// TestFollowerProxyReadsOnlyItsEnds: with ProxyDatasets, a proxy's
// follower reads the revocations and erasures of the datasets it holds
// grants of and of the datasets its window's grants name, and none of the
// network's others — a catch-up costs the proxy's own records, whatever
// the rest of the network revokes or erases. The datasets are asked for in
// lists of at most MaxTopicList, so a proxy holding more is served too.
func TestFollowerProxyReadsOnlyItsEnds(t *testing.T) {
	ctx := testCtx(t)
	e, sim := newSimulated(t)
	owner := deploy(t, e)
	from := ok(sim.Client().BlockNumber(ctx))(t)
	mine, held, stranger := newDataset(t, owner), newDataset(t, owner), newDataset(t, owner)
	p1, p2 := common.Address{0x01}, common.Address{0x02}
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	grant := func(dataset uint64, grantee common.Address, proxy common.Address) {
		t.Helper()
		ok(owner.Grant(ctx, acl.Grant{Dataset: dataset, Grantee: grantee, Expiry: expiry, Threshold: 1, Bundle: [32]byte{1}, Proxies: []common.Address{proxy}}))(t)
	}
	g1, g2, g3 := common.Address{0xa1}, common.Address{0xa2}, common.Address{0xa3}
	grant(mine, g1, p1)     // p1's grant, read in the same window as its end
	grant(held, g2, p2)     // a grant p1 holds from earlier (say, found on demand)
	grant(stranger, g3, p2) // nothing of p1's
	ok(owner.Revoke(ctx, mine, g1))(t)
	ok(owner.Revoke(ctx, held, g2))(t)
	ok(owner.Revoke(ctx, stranger, g3))(t)
	ok(owner.Erase(ctx, stranger))(t)
	ok(owner.Erase(ctx, mine))(t)

	type seen struct {
		name    string
		dataset uint64
	}
	follow := func(held func() []uint64) []seen {
		t.Helper()
		f := owner.Follower(&acl.MemoryCursor{})
		f.Start, f.Proxy, f.ProxyDatasets = from, p1, held
		var got []seen
		if _, err := f.Poll(ctx, func(_ context.Context, ev acl.Event) error {
			var ds uint64
			if g, ok := ev.Granted(); ok {
				ds = g.Dataset
			} else if r, ok := ev.Revoked(); ok {
				ds = r.Dataset
			} else if x, ok := ev.Erased(); ok {
				ds = x.Dataset
			}
			got = append(got, seen{ev.Name, ds})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	want := []seen{{"GrantedVia", mine}, {"Revoked", mine}, {"Revoked", held}, {"Erased", mine}}
	if got := follow(func() []uint64 { return []uint64{held} }); !slices.Equal(got, want) {
		t.Fatalf("the follower of a proxy holding a grant of %d read %v, want %v (nothing of dataset %d)", held, got, want, stranger)
	}
	// More held datasets than one query may list: several queries.
	many := func() []uint64 {
		ids := []uint64{held}
		for i := range uint64(2*acl.MaxTopicList + 7) {
			ids = append(ids, 1_000_000+i)
		}
		return ids
	}
	if got := follow(many); !slices.Equal(got, want) {
		t.Fatalf("with %d held datasets the follower read %v, want %v", 2*acl.MaxTopicList+8, got, want)
	}
	// Holding nothing before: only what ends the window's own grant.
	if got, want := follow(func() []uint64 { return nil }), []seen{{"GrantedVia", mine}, {"Revoked", mine}, {"Erased", mine}}; !slices.Equal(got, want) {
		t.Fatalf("the follower of a proxy holding nothing read %v, want %v", got, want)
	}
	// Without ProxyDatasets: every end of the network, as before.
	if got := follow(nil); len(got) != 6 {
		t.Fatalf("the follower without ProxyDatasets read %v, want the grant and every revocation and erasure (6)", got)
	}
}
