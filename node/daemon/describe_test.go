package daemon

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pdx-network/pdx/acl/describe"
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
}
