package market_test

import (
	"crypto/sha256"
	"math/big"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/kvstore"
	"github.com/pdx-network/pdx/node/market"
)

// describedPolicy is an offer's usage policy carrying d (profile v3).
func describedPolicy(t *testing.T, terms string, d *describe.Description) string {
	t.Helper()
	p := &policy.Policy{Description: terms, Permitted: []string{"use"}, Dataset: d}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return string(p.Bytes())
}

// TestDescriptionFilters: offers whose policies describe their datasets
// are listed by category (the category listing, before and after the
// text is read), fields and title words, paged in small pages; a
// withdrawn offer leaves its category's listing. Hostile descriptions —
// malformed, oversized, not canonical, with control characters — are
// stored as unreadable and never break the index or a page (desc-2).
func TestDescriptionFilters(t *testing.T) {
	w := newWorld(t)
	texts := map[string]string{}
	offer := func(owner int, title string, cat describe.Category, fields ...string) uint64 {
		ds := w.dataset(owner)
		text := describedPolicy(t, "research", &describe.Description{Title: title, Category: cat, Fields: fields, Rows: 10})
		texts[text] = text
		price := big.NewInt(int64(1e9) * int64(ds))
		if _, err := w.clients[owner].OfferTo(w.ctx, ds, price, 24*time.Hour, sha256.Sum256([]byte(text)), common.Address{}); err != nil {
			t.Fatal(err)
		}
		return ds
	}
	p1 := offer(ownerA, "Grocery receipts 2025", "purchases", "amount", "date", "store")
	p2 := offer(ownerB, "Fuel station receipts", "purchases", "amount", "date")
	l1 := offer(ownerA, "Coffee shop loyalty points", "loyalty", "points")
	p3 := offer(ownerB, "Grocery receipts of a family", "purchases", "amount", "store")

	// Hostile texts: each an offer whose terms text claims pdx:dataset
	// but does not read.
	good := describedPolicy(t, "research", &describe.Description{Title: "x", Category: "purchases"})
	hostile := []string{
		strings.Replace(good, `"title":"x"`, `"title":"`+strings.Repeat("y", 500)+`"`, 1),
		strings.Replace(good, `"title":"x"`, `"title":"a\u0007bell"`, 1),
		strings.Replace(good, `"title":"x","category":"purchases"`, `"category":"purchases","title":"x"`, 1),
		strings.Replace(good, `"category":"purchases"`, `"category":"shoes"`, 1),
		strings.Replace(good, `"pdx:dataset":{`, `"pdx:dataset":{"rows":-1,`, 1),
		`{"pdx:dataset":` + strings.Repeat("[", 10000),
	}
	var bad []uint64
	for _, h := range hostile {
		if !strings.Contains(h, `"pdx:dataset"`) || h == good {
			t.Fatalf("a hostile vector is not one: %s", h)
		}
		ds := w.dataset(ownerB)
		if _, err := w.clients[ownerB].OfferTo(w.ctx, ds, big.NewInt(1), time.Hour, sha256.Sum256([]byte(h)), common.Address{}); err != nil {
			t.Fatal(err)
		}
		texts[h] = h
		bad = append(bad, ds)
	}

	ix := w.open(filepath.Join(t.TempDir(), "market"), 0)
	w.sync(ix)
	brand := w.addr(brandC)
	list := func(q market.Query) []uint64 {
		q.Viewer, q.Limit = brand, 2
		got := ids(all(t, ix, q))
		slices.Sort(got)
		return got
	}
	if got := list(market.Query{Category: "purchases"}); len(got) != 0 {
		t.Fatalf("a category before any text is read: %v", got)
	}
	byHash := map[[32]byte]string{}
	for text := range texts {
		byHash[sha256.Sum256([]byte(text))] = text
	}
	if err := ix.SetTexts(byHash); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q    market.Query
		want []uint64
	}{
		{market.Query{Category: "purchases"}, []uint64{p1, p2, p3}},
		{market.Query{Category: "loyalty"}, []uint64{l1}},
		{market.Query{Category: "health"}, nil},
		{market.Query{DescFields: []string{"store", "amount"}}, []uint64{p1, p3}},
		{market.Query{Category: "purchases", DescFields: []string{"date"}}, []uint64{p1, p2}},
		{market.Query{Search: "GROCERY receipts"}, []uint64{p1, p3}},
		{market.Query{Search: "grocery family"}, []uint64{p3}},
		{market.Query{Category: "purchases", Owner: w.addr(ownerB)}, []uint64{p2, p3}},
		{market.Query{Category: "purchases", MaxPrice: big.NewInt(int64(1e9) * int64(p2))}, []uint64{p1, p2}},
	} {
		if got := list(c.q); !slices.Equal(got, c.want) {
			t.Errorf("%+v: %v, want %v", c.q, got, c.want)
		}
	}
	// Every offer is still listed, the hostile ones with an unreadable
	// description.
	got := list(market.Query{})
	if len(got) != 4+len(hostile) {
		t.Fatalf("the whole market: %v", got)
	}
	for _, ds := range bad {
		if !slices.Contains(got, ds) {
			t.Fatalf("the offer of dataset %d, with a hostile description, is not listed: %v", ds, got)
		}
	}
	for h := range byHash {
		d, unreadable, err := ix.Description(h)
		if err != nil {
			t.Fatal(err)
		}
		if (d == nil) != unreadable {
			t.Errorf("%x: description %+v, unreadable %v", h, d, unreadable)
		}
	}
	for _, h := range hostile {
		if d, unreadable := market.DescribedIn(h); d != nil || !unreadable {
			t.Errorf("hostile text read as %+v, %v: %.80s", d, unreadable, h)
		}
	}

	// A withdrawn offer leaves its category; a new one after its text is
	// known joins it at once.
	if _, err := w.clients[ownerA].WithdrawOffer(w.ctx, p1, sha256.Sum256([]byte(findText(t, byHash, "Grocery receipts 2025")))); err != nil {
		t.Fatal(err)
	}
	again := w.dataset(ownerA)
	if _, err := w.clients[ownerA].OfferTo(w.ctx, again, big.NewInt(5), time.Hour, sha256.Sum256([]byte(findText(t, byHash, "Coffee shop"))), common.Address{}); err != nil {
		t.Fatal(err)
	}
	w.sync(ix)
	if got := list(market.Query{Category: "purchases"}); !slices.Equal(got, []uint64{p2, p3}) {
		t.Fatalf("after a withdrawal: %v", got)
	}
	if got := list(market.Query{Category: "loyalty"}); !slices.Equal(got, []uint64{l1, again}) {
		t.Fatalf("an offer under a known text: %v", got)
	}
	if _, err := ix.List(w.ctx, market.Query{Viewer: brand, Category: "Shoes"}); err == nil {
		t.Fatal("an unknown category was taken")
	}
}

func findText(t *testing.T, texts map[[32]byte]string, title string) string {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(s, title) {
			return s
		}
	}
	t.Fatalf("no text titled %q", title)
	return ""
}

// TestOlderIndexRebuilt: a store of format 3 (no descriptions) is
// deleted and read again from the chain as format 4.
func TestOlderIndexRebuilt(t *testing.T) {
	w := newWorld(t)
	dir := filepath.Join(t.TempDir(), "market")
	st, err := kvstore.Open(dir, "pdx/market-index/3")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Write(func(b *kvstore.Batch) { b.Put([]byte("z/stale"), []byte("x")) }); err != nil {
		t.Fatal(err)
	}
	st.Close()
	ds := w.dataset(ownerA)
	w.offer(ownerA, ds, 1, 1, "research only", common.Address{})
	ix := w.open(dir, 0)
	if !ix.Rebuilt || market.Schema != "pdx/market-index/4" {
		t.Fatalf("a format 3 store was not rebuilt (%v, %s)", ix.Rebuilt, market.Schema)
	}
	w.sync(ix)
	if got := ids(all(t, ix, market.Query{Viewer: w.addr(brandC)})); !slices.Equal(got, []uint64{ds}) {
		t.Fatalf("after the rebuild: %v", got)
	}
}
