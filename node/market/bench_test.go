package market

import (
	"context"
	"fmt"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// fillSynthetic writes n offers straight into the index's store, as the
// follower would from n Offered events (no chain: a chain of 20,000 offers
// takes far longer to make than the page it is for). One in ten is
// private, owners rotate over 10 accounts, prices over 1,000 values.
func fillSynthetic(b *testing.B, ix *Index, n int) {
	b.Helper()
	for i := 0; i < n; {
		t := ix.newTxn()
		for end := min(n, i+2000); i < end; i++ {
			o := Offer{Dataset: uint64(i + 1), Owner: common.Address{byte(i % 10), 1}, Price: big.NewInt(int64(1e12 * (1 + (i*7919)%1000))),
				Duration: time.Duration(1+i%90) * 24 * time.Hour, TermsHash: [32]byte{byte(i % 5)}, Block: uint64(i + 1)}
			if i%10 == 9 {
				o.Buyer = common.Address{byte(i % 50), 2}
			}
			if err := t.record(o.Dataset, entry{block: o.Block, kind: entryOffered, offer: o}); err != nil {
				b.Fatal(err)
			}
		}
		if err := t.commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarketPage: the cost of a page of 50 offers, the first and one
// deep in the market, unfiltered and filtered by price, at 1,000 and 20,000
// offers. The figures should not grow with the number of offers (make
// bench-market).
func BenchmarkMarketPage(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		ix, err := Open(Config{Path: filepath.Join(b.TempDir(), "market"), Registry: common.Address{1}})
		if err != nil {
			b.Fatal(err)
		}
		fillSynthetic(b, ix, n)
		viewer := common.Address{7, 2}
		queries := map[string]Query{
			"all":         {Viewer: viewer},
			"max_price":   {Viewer: viewer, MaxPrice: big.NewInt(2e14)},
			"owner":       {Viewer: viewer, Owner: common.Address{3, 1}},
			"price+owner": {Viewer: viewer, MinPrice: big.NewInt(5e14), Owner: common.Address{3, 1}},
		}
		for name, q := range queries {
			// A cursor half way through: the page's cost must not
			// depend on how deep it is either.
			deep := q
			for range n / 2 / DefaultLimit / 10 {
				p, err := ix.List(context.Background(), deep)
				if err != nil {
					b.Fatal(err)
				}
				if p.Next == "" {
					break
				}
				deep.After = p.Next
			}
			for label, q := range map[string]Query{"first": q, "deep": deep} {
				b.Run(fmt.Sprintf("offers=%d/%s/%s", n, name, label), func(b *testing.B) {
					for b.Loop() {
						p, err := ix.List(context.Background(), q)
						if err != nil {
							b.Fatal(err)
						}
						if len(p.Offers) == 0 {
							b.Fatal("an empty page")
						}
					}
				})
			}
		}
		ix.Close()
	}
}

// TestScanBudget: a page whose filters skip most of the entries its walk
// reaches (a stranger's flood of offers between the ones asked for) stops
// at the budget with a cursor, rather than scanning the market; paging on
// still gives every matching offer once.
func TestScanBudget(t *testing.T) {
	ix, err := Open(Config{Path: filepath.Join(t.TempDir(), "market"), Registry: common.Address{1}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tx := ix.newTxn()
	want := 0
	for i := range 300 {
		o := Offer{Dataset: uint64(i + 1), Owner: common.Address{byte(i % 3), 1}, Price: big.NewInt(int64(1 + i%50)), Duration: time.Hour, Block: uint64(i + 1)}
		if o.Owner == (common.Address{0, 1}) && o.Price.Int64() <= 5 {
			want++
		}
		if err := tx.record(o.Dataset, entry{block: o.Block, kind: entryOffered, offer: o}); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.commit(); err != nil {
		t.Fatal(err)
	}
	ix.budget = 10
	q := Query{Viewer: common.Address{9}, Owner: common.Address{0, 1}, MaxPrice: big.NewInt(5), Limit: 50}
	seen := map[uint64]bool{}
	short := false
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("paging does not end")
		}
		p, err := ix.List(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if p.Next != "" && len(p.Offers) < q.Limit {
			short = true
		}
		for _, o := range p.Offers {
			if seen[o.Dataset] || o.Owner != q.Owner || o.Price.Int64() > 5 {
				t.Fatalf("dataset %d listed twice or not matching: %+v", o.Dataset, o)
			}
			seen[o.Dataset] = true
		}
		if p.Next == "" {
			break
		}
		q.After = p.Next
	}
	if !short {
		t.Fatal("no page stopped at the budget")
	}
	if len(seen) != want {
		t.Fatalf("paged %d offers, want %d", len(seen), want)
	}
}
