package service

import (
	"math/big"
	"testing"
	"time"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/node/market"
)

// TestFieldsFilter: the market's fields filter keeps the offers whose
// usage policy names fields (all those asked), and no offer under plain
// terms or a policy of the whole dataset; a bad field name is refused.
func TestFieldsFilter(t *testing.T) {
	w := newWorld(t)
	withFields := &policy.Policy{Permitted: []string{"use"}, Fields: []string{"age", "city"}}
	whole := &policy.Policy{Permitted: []string{"use"}}
	ds1, _ := w.put([]byte("a"))
	ds2, _ := w.put([]byte("b"))
	ds3, _ := w.put([]byte("c"))
	offers := map[uint64]string{ds1: string(withFields.Bytes()), ds2: string(whole.Bytes()), ds3: "plain terms"}
	for ds, terms := range offers {
		if err := w.owner.Offer(w.ctx, ds, big.NewInt(1000), 24*time.Hour, terms); err != nil {
			t.Fatal(err)
		}
	}
	match := func(arg string, ds uint64) bool {
		f, err := w.owner.NewFieldsFilter(arg)
		if err != nil {
			t.Fatal(err)
		}
		ok, err := f.Match(w.ctx, &market.Offer{Dataset: ds, TermsHash: TermsHash(offers[ds])})
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	for _, tc := range []struct {
		arg  string
		ds   uint64
		want bool
	}{
		{"any", ds1, true}, {"age", ds1, true}, {"city,age", ds1, true}, {"email", ds1, false}, {"age,email", ds1, false},
		{"any", ds2, false}, {"age", ds2, false}, {"any", ds3, false},
	} {
		if got := match(tc.arg, tc.ds); got != tc.want {
			t.Errorf("fields=%s on dataset %d: %v, want %v", tc.arg, tc.ds, got, tc.want)
		}
	}
	if _, err := w.owner.NewFieldsFilter("a,b/c"); err == nil {
		t.Error("a bad field name made a filter")
	}
	f, _ := w.owner.NewFieldsFilter("city,age,city")
	if f.Key() != "fields=age,city" {
		t.Errorf("key %q", f.Key())
	}
}
