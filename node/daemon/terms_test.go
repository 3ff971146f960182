package daemon

import (
	"net/http"
	"testing"
)

// TestOfferTermsPublishedAgain: an owner's node that lost the pin of its
// open offer's terms (a repository restored from an older backup)
// publishes them again when it starts (Reconcile), and a brand that
// never saw them reads them in its market.
func TestOfferTermsPublishedAgain(t *testing.T) {
	w := newWorld(t)
	o, b := w.owner, w.brand
	var put PutResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/versions?create=true", []byte("a,b\n1,2\n"), &put)
	const terms = "monthly spend study, no resale"
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/offer", OfferRequest{PriceWei: "1000", Duration: "30d", Terms: terms}, nil)
	var mk MarketList
	o.mustCall(t, http.StatusOK, "GET", "/v1/market", nil, &mk)
	if len(mk.Offers) != 1 || mk.Offers[0].Terms != terms || mk.Offers[0].TermsCID == "" {
		t.Fatalf("owner's market: %+v", mk.Offers)
	}
	pins, err := o.store.Pins(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	dropped := false
	for _, p := range pins {
		if p.CID.String() == mk.Offers[0].TermsCID {
			if err := o.store.Unpin(w.ctx, p.CID); err != nil {
				t.Fatal(err)
			}
			dropped = true
		}
	}
	if !dropped {
		t.Fatalf("the terms block %s is not pinned on the owner's node: %+v", mk.Offers[0].TermsCID, pins)
	}
	if _, err := o.store.GC(w.ctx); err != nil {
		t.Fatal(err)
	}
	rep, err := o.d.Reconcile(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Repinned) != 1 || len(rep.Problems) != 0 {
		t.Fatalf("reconcile after the terms' pin was lost: %+v", rep)
	}
	b.mustCall(t, http.StatusOK, "GET", "/v1/market", nil, &mk)
	if len(mk.Offers) != 1 || mk.Offers[0].Terms != terms || mk.Offers[0].TermsUnknown != "" {
		t.Fatalf("brand's market after the terms were published again: %+v", mk.Offers)
	}
	// A second start finds them published.
	if rep, err := o.d.Reconcile(w.ctx); err != nil || rep.Changed() {
		t.Fatalf("second reconcile: %+v %v", rep, err)
	}
}
