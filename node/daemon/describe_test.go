package daemon

import (
	"math/big"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/node/service"
)

// TestDescribeOffer: the owner describes a dataset (fields, rows and size
// read from the data), a title or field name carrying one of the data's
// values is refused naming the field and saves nothing (desc-1), and an
// offer then publishes the description inside its policy (profile v3),
// bound by the terms hash on chain and read back from IPFS.
func TestDescribeOffer(t *testing.T) {
	w := newWorld(t)
	o := w.owner
	csv := "name,store,amount,date\nMargarethe Vogel,Grocer,1250,2025-01-03\nOle Brandt,Bakery,310,2025-02-11\nMargarethe Vogel,Grocer,87,2025-03-20\n"
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/versions?create=true", []byte(csv), nil)

	var empty DescriptionResponse
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets/basket/description", nil, &empty)
	if empty.Saved || empty.Description != nil || empty.Draft == nil || empty.Draft.Rows != 3 ||
		strings.Join(empty.Draft.Fields, ",") != "amount,date,name,store" || empty.Draft.Size != int64(len(csv)) {
		t.Fatalf("draft of an undescribed dataset: %+v %+v", empty, empty.Draft)
	}

	for _, leak := range []struct {
		body  describe.Description
		field string
	}{
		{describe.Description{Title: "Receipts of margarethe vogel", Category: "purchases"}, `"name"`},
		{describe.Description{Title: "Receipts over 1250", Category: "purchases"}, `"amount"`},
		{describe.Description{Title: "Receipts", Category: "purchases", Fields: []string{"amount", "Bakery"}}, `"store"`},
	} {
		r := o.call(t, "PUT", "/v1/datasets/basket/description", leak.body)
		if r.status != http.StatusBadRequest {
			t.Fatalf("leaking description %+v: status %d %s", leak.body, r.status, r.body)
		}
		msg := r.apiError(t).Message
		if !strings.Contains(msg, leak.field) || strings.Contains(strings.ToLower(msg), "vogel") || strings.Contains(msg, "1250") || strings.Contains(msg, "Bakery") {
			t.Fatalf("refusal names the field, never the value: %s", msg)
		}
	}
	if _, ok := o.d.Description("basket"); ok {
		t.Fatal("a refused description was saved")
	}
	// "Annual" holds "ann" nowhere as a word; a value must stand as a word.
	good := describe.Description{Title: "Annual grocery receipts of one household", Category: "purchases",
		Period: &describe.Period{From: "2025-01", To: "2025-03"}}
	var saved DescriptionResponse
	o.mustCall(t, http.StatusOK, "PUT", "/v1/datasets/basket/description", good, &saved)
	d := saved.Description
	if !saved.Saved || d == nil || d.Rows != 3 || d.Size != int64(len(csv)) || !slices.Equal(d.Fields, []string{"amount", "date", "name", "store"}) || d.Period.String() != "2025-01..2025-03" {
		t.Fatalf("saved: %+v %+v", saved, d)
	}
	got, ok := o.d.Description("basket")
	if !ok || string(got.Bytes()) != string(d.Bytes()) {
		t.Fatalf("lookup: %v %+v", ok, got)
	}
	recs, err := o.d.journal.Read()
	if err != nil {
		t.Fatal(err)
	}
	if h := journalHistory(recs); h.described[saved.ID] == nil || string(h.described[saved.ID].Bytes()) != string(d.Bytes()) {
		t.Fatalf("the journal does not hold the description for a rebuild: %+v", h.described)
	}

	var off OfferResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/offer", OfferRequest{PriceWei: "1000", Duration: "30d", Terms: "spend study"}, &off)
	if off.Description == nil || off.Policy == nil || off.Policy.Dataset == nil || string(off.Policy.Dataset.Bytes()) != string(d.Bytes()) {
		t.Fatalf("the offer does not publish the description: %+v", off)
	}
	if !slices.ContainsFunc(off.Policy.Describe, func(l string) bool { return strings.HasPrefix(l, "Dataset: Annual grocery receipts") }) {
		t.Fatalf("the policy's words do not say the description: %q", off.Policy.Describe)
	}
	// What a brand reads: the offer's terms, from the chain's hash and IPFS.
	offers, err := o.d.s.OffersOf(t.Context(), off.ID)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, of := range offers {
		pol, err := service.TermsPolicy(of.Text)
		if err == nil && pol != nil && pol.Dataset != nil && string(pol.Dataset.Bytes()) == string(d.Bytes()) {
			found = true
		}
	}
	if !found {
		t.Fatalf("no offer on chain carries the description: %+v", offers)
	}

	// The brand finds it in its market by category, fields and words of
	// the title, with the description the owner saved; a dataset offered
	// without one is listed but matches none of these filters.
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/plain/versions?create=true", []byte("x\n1\n"), nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/plain/offer", OfferRequest{PriceWei: "1000", Duration: "30d", Terms: "spend study"}, nil)
	b := w.brand
	for _, c := range []struct {
		query string
		want  int
	}{
		{"category=purchases", 1},
		{"category=PURCHASES&field=amount,store", 1},
		{"search=grocery%20ANNUAL", 1},
		{"search=fuel", 0},
		{"category=loyalty", 0},
		{"field=points", 0},
		{"", 2},
	} {
		var page MarketList
		b.mustCall(t, http.StatusOK, "GET", "/v1/market?"+c.query, nil, &page)
		if len(page.Offers) != c.want {
			t.Fatalf("market?%s: %d offers, want %d: %+v", c.query, len(page.Offers), c.want, page.Offers)
		}
		for _, v := range page.Offers {
			if v.Dataset == off.ID && (v.Description == nil || string(v.Description.Bytes()) != string(d.Bytes())) {
				t.Fatalf("market?%s: the offer's description %+v, want %s", c.query, v.Description, d.Bytes())
			}
			if v.Dataset != off.ID && (v.Description != nil || v.DescriptionUnreadable) {
				t.Fatalf("an offer without a description shows %+v", v)
			}
		}
	}
	for _, bad := range []string{"category=shoes", "field=a%20b", "search=" + strings.Repeat("x", 300)} {
		if r := b.call(t, "GET", "/v1/market?"+bad, nil); r.status != http.StatusBadRequest {
			t.Fatalf("market?%.40s: %d", bad, r.status)
		}
	}
}

// TestHostileDescriptionOnChain: offers whose terms on chain claim a
// description that does not read — oversized, malformed, not canonical,
// control characters — are listed in a brand's market with the
// description unreadable, match no description filter, and leave the
// market index working (desc-2).
func TestHostileDescriptionOnChain(t *testing.T) {
	w := newWorld(t)
	o, b := w.owner, w.brand
	var put PutResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/versions?create=true", []byte("a,b\n1,2\n"), &put)
	good := &policy.Policy{Description: "study", Permitted: []string{"use"},
		Dataset: &describe.Description{Title: "Receipts", Category: "purchases"}}
	text := string(good.Bytes())
	hostile := []string{
		strings.Replace(text, `"title":"Receipts"`, `"title":"`+strings.Repeat("R", 400)+`"`, 1),
		strings.Replace(text, `"title":"Receipts"`, `"title":"Re\u001b[31mceipts"`, 1),
		strings.Replace(text, `"title":"Receipts","category":"purchases"`, `"category":"purchases","title":"Receipts"`, 1),
		strings.Replace(text, `"category":"purchases"`, `"category":"purchases","secret":"x"`, 1),
	}
	for _, h := range hostile {
		if h == text {
			t.Fatal("a hostile vector equals the good text")
		}
		if err := o.d.s.OfferTo(t.Context(), put.ID, big.NewInt(1000), time.Hour, h, common.Address{}); err != nil {
			t.Fatal(err)
		}
	}
	var page MarketList
	b.mustCall(t, http.StatusOK, "GET", "/v1/market", nil, &page)
	if len(page.Offers) != len(hostile) {
		t.Fatalf("%d offers listed, want %d", len(page.Offers), len(hostile))
	}
	for _, v := range page.Offers {
		if v.Description != nil || !v.DescriptionUnreadable {
			t.Fatalf("a hostile description shown as %+v (unreadable %v)", v.Description, v.DescriptionUnreadable)
		}
	}
	b.mustCall(t, http.StatusOK, "GET", "/v1/market?category=purchases", nil, &page)
	if len(page.Offers) != 0 {
		t.Fatalf("a hostile description matched a filter: %+v", page.Offers)
	}
}
