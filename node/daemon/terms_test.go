package daemon

import (
	"net/http"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/service"
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

// TestTermsBookFollowsHome: the terms book is built again when the
// journal or the dataset index changes (a purpose journaled, an offer's
// terms indexed, a dataset removed), and kept while neither does.
func TestTermsBookFollowsHome(t *testing.T) {
	dir := t.TempDir()
	ix, err := OpenIndex(filepath.Join(dir, "index"), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	j, err := OpenJournal(filepath.Join(dir, "journal.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	d := &Daemon{index: ix, journal: j, conf: config.Default(), terms: newTermsCache()}
	const purpose, terms = "a bespoke loyalty study", "basket terms, no resale"
	knows := func(stage, text string, want bool) termsBook {
		t.Helper()
		b := d.termsBook()
		for _, h := range [][32]byte{service.TermsHash(text), service.LegacyTermsHash(text)} {
			if got := b.text(h) == text; got != want {
				t.Fatalf("%s: the book knows %q: %v, want %v", stage, text, got, want)
			}
		}
		return b
	}
	first := knows("empty home", purpose, false)
	if again := knows("nothing changed", purpose, false); reflect.ValueOf(again).UnsafePointer() != reflect.ValueOf(first).UnsafePointer() {
		t.Fatal("the book was built again though neither the journal nor the index changed")
	}
	if err := j.Append(Record{Kind: KindGrant, Dataset: "basket", Grantee: "0x01", Purpose: purpose}); err != nil {
		t.Fatal(err)
	}
	knows("purpose journaled", purpose, true)
	knows("offer not indexed yet", terms, false)
	if err := ix.Update("basket", true, func(e *Entry) { e.Terms = terms }); err != nil {
		t.Fatal(err)
	}
	knows("offer indexed", terms, true)
	if err := ix.Remove("basket"); err != nil {
		t.Fatal(err)
	}
	knows("dataset removed", terms, false)
	knows("dataset removed", purpose, true)
}
