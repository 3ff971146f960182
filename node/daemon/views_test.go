package daemon

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/exchange/offline"
	"github.com/ipfs/boxo/ipld/merkledag"
	uio "github.com/ipfs/boxo/ipld/unixfs/io"
	"github.com/ipfs/go-cid"
	"github.com/ipfs/go-datastore"
	dssync "github.com/ipfs/go-datastore/sync"
	carv2 "github.com/ipld/go-car/v2"

	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/node/internal/pdxtest"
	"github.com/pdx-network/pdx/node/service"
)

// grantWindow is the test chain's grant window: short, so a refund
// becomes possible within the test.
const grantWindow = 3 * time.Second

// TestDaemonViews drives the listing and account routes through HTTP on a
// real chain, IPFS nodes and proxies: the market as owner and brand (terms
// known and unknown), the access log after the brand's reads, a dataset's
// grants through a rotation and a revocation, the grantee's view, a
// purchase refunded after the grant window and one granted by the market
// agent, the export, and every bad input of these routes.
// dropBlocks checks that each offer names the block it was opened in and
// zeroes it, so that the rest compares with a literal.
func dropBlocks(t *testing.T, offers []OfferView) {
	t.Helper()
	for i := range offers {
		if offers[i].Block == 0 {
			t.Fatalf("offer of dataset %d names no block", offers[i].Dataset)
		}
		offers[i].Block = 0
	}
}

func TestDaemonViews(t *testing.T) {
	w := newWorld(t, func(c *pdxtest.Config) { c.GrantWindow = grantWindow })
	o, b := w.owner, w.brand
	brandAddr := b.h.Address().Hex()

	// A purchase nobody grants (the brand runs no market agent) is
	// refunded to the buyer once the grant window has passed; it is made
	// first, so the blocks the rest of the test seals move the chain's
	// clock past its deadline.
	var bds DatasetView
	b.mustCall(t, http.StatusCreated, "POST", "/v1/datasets", CreateRequest{Name: "brandset"}, &bds)
	b.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/brandset/versions", "brand data", nil)
	b.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/brandset/offer", OfferRequest{PriceWei: "1000", Duration: "1d", Terms: "research"}, nil)
	var buy BuyResponse
	o.mustCall(t, http.StatusCreated, "POST", fmt.Sprintf("/v1/market/%d/buy", bds.ID), BuyRequest{Terms: "research"}, &buy)
	refundPath := fmt.Sprintf("/v1/market/%d/refund", bds.ID)
	r := o.call(t, "POST", refundPath, nil)
	if e := r.apiError(t); r.status != http.StatusForbidden || e.Code != CodeRefused || !strings.Contains(e.Message, "refund after that") {
		t.Fatalf("refund within the grant window: %d %s", r.status, r.body)
	}
	var pl PurchaseList
	o.mustCall(t, http.StatusOK, "GET", "/v1/purchases", nil, &pl)
	if len(pl.Purchases) != 1 || pl.Purchases[0].State != service.PurchaseEscrow || pl.Purchases[0].Owner != brandAddr ||
		pl.Purchases[0].AmountWei != "1000" || pl.Purchases[0].Terms != "research" || pl.Purchases[0].Dataset != bds.ID {
		t.Fatalf("purchases in escrow %+v", pl.Purchases)
	}
	deadline, err := time.Parse(time.RFC3339, pl.Purchases[0].Deadline)
	// The dev chain's clock runs ahead of the wall clock by the blocks it
	// sealed faster than one a second; the deadline is on its clock.
	if err != nil || deadline.After(time.Now().Add(grantWindow+time.Minute)) {
		t.Fatalf("deadline %q (%v), want the %v grant window after the purchase", pl.Purchases[0].Deadline, err, grantWindow)
	}

	var ds DatasetView
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets", CreateRequest{Name: "history"}, &ds)
	v1 := []byte(strings.Repeat("2026-11-12,Green Grocer,51.75\n", 500))
	var put1 PutResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/versions", v1, &put1)
	var g GrantResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/grants",
		GrantRequest{Grantee: brandAddr, Purpose: "research", Expires: "30d", Threshold: 2}, &g)

	// The market: the owner knows its own terms text; the brand reads it
	// from IPFS, where the owner's node published it (the text is in no
	// vocabulary it has).
	const terms = "weekly basket study"
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/offer",
		OfferRequest{PriceWei: "10000000000000000", Duration: "30d", Terms: terms}, nil)
	th := service.TermsHash(terms)
	termsHash := hexutil.Encode(th[:])
	research := service.TermsHash("research")
	var mk MarketList
	o.mustCall(t, http.StatusOK, "GET", "/v1/market", nil, &mk)
	dropBlocks(t, mk.Offers)
	want := OfferView{Dataset: ds.ID, Owner: o.h.Address().Hex(), PriceWei: "10000000000000000", Duration: "30d",
		DurationS: 30 * 24 * 3600, Terms: terms, TermsHash: termsHash, TermsCID: service.TermsCID(th).String(), Mine: true, Legacy: true}
	brandOffer := OfferView{Dataset: bds.ID, Owner: brandAddr, PriceWei: "1000", Duration: "1d", DurationS: 24 * 3600,
		Terms: "research", TermsHash: hexutil.Encode(research[:]), TermsCID: service.TermsCID(research).String(), Mine: false, Legacy: true}
	if !slices.Equal(mk.Offers, []OfferView{brandOffer, want}) {
		t.Fatalf("owner's market %+v, want %+v and %+v", mk.Offers, brandOffer, want)
	}
	b.mustCall(t, http.StatusOK, "GET", "/v1/market", nil, &mk)
	dropBlocks(t, mk.Offers)
	want.Mine, brandOffer.Mine = false, true
	if !slices.Equal(mk.Offers, []OfferView{brandOffer, want}) {
		t.Fatalf("brand's market %+v, want %+v and %+v", mk.Offers, brandOffer, want)
	}
	checkMarketPages(t, b, []OfferView{brandOffer, want})

	// The brand reads version 1; the owner's access log names it.
	if r := waitFor(t, b, "/v1/cids/"+put1.CID, func(r response) bool { return r.status == http.StatusOK }); !bytes.Equal(r.body, v1) {
		t.Fatalf("brand get: %d %s", r.status, r.body)
	}
	var rl ReceiptList
	o.mustCall(t, http.StatusOK, "GET", "/v1/receipts", nil, &rl)
	if len(rl.Receipts) < 2 {
		t.Fatalf("receipts %+v, want at least the threshold's 2", rl.Receipts)
	}
	proxies := map[string]bool{}
	for _, rc := range rl.Receipts {
		if rc.Dataset != "history" || rc.ID != ds.ID || rc.Version != 1 || rc.CID != put1.CID || rc.Reader != brandAddr || rc.Purpose != "research" {
			t.Fatalf("receipt %+v, want version 1 of history read by %s for research", rc, brandAddr)
		}
		if at, err := time.Parse(time.RFC3339Nano, rc.Time); err != nil || time.Since(at) > time.Minute {
			t.Fatalf("receipt time %q (%v)", rc.Time, err)
		}
		proxies[rc.Proxy] = true
	}
	if len(proxies) < 2 {
		t.Fatalf("receipts from %d proxies, want at least 2", len(proxies))
	}
	// The brand owns no dataset: its access log is empty.
	b.mustCall(t, http.StatusOK, "GET", "/v1/receipts", nil, &rl)
	if len(rl.Receipts) != 0 {
		t.Fatalf("brand's receipts %+v", rl.Receipts)
	}

	var gl GrantList
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets/history/grants", nil, &gl)
	if len(gl.Grants) != 1 {
		t.Fatalf("grants %+v", gl.Grants)
	}
	if x := gl.Grants[0]; x.Grantee != brandAddr || x.Purpose != "research" || x.Expires != g.Expires || x.Threshold != 2 ||
		len(x.Proxies) != 3 || x.Block != g.Block || x.Bundle != g.Bundle || !x.Active || x.RevokedBlock != 0 {
		t.Fatalf("grant %+v, want the one made at block %d", x, g.Block)
	}
	var gd GrantedList
	b.mustCall(t, http.StatusOK, "GET", "/v1/granted", nil, &gd)
	if len(gd.Grants) != 1 {
		t.Fatalf("granted %+v", gd.Grants)
	}
	if x := gd.Grants[0]; x.Dataset != ds.ID || x.Owner != o.h.Address().Hex() || x.Purpose != "research" || !x.Active || x.Expires != g.Expires ||
		len(x.Versions) != 1 || x.Versions[0].CID != put1.CID || x.Versions[0].Version != 1 || x.Versions[0].Size != put1.Size {
		t.Fatalf("granted %+v, want history's version 1 (%d bytes)", x, put1.Size)
	}

	// Rotate: the live grant is re-granted for the new key, and the
	// brand reads a version put afterwards; the access log maps it.
	// The rotation here finishes one whose chain step never happened (as
	// after a crash between the two): the salt already made is the one
	// put on chain, and no further salt is made. (TestDaemonViewsCLI
	// covers a rotation from the start.)
	half, err := o.h.RotateDataset("history")
	if err != nil {
		t.Fatal(err)
	}
	var rot RotateResponse
	o.mustCall(t, http.StatusOK, "POST", "/v1/datasets/history/rotate", nil, &rot)
	if rot.Dataset != "history" || rot.ID != ds.ID || rot.Epoch != 1 || !slices.Equal(rot.Regranted, []string{brandAddr}) {
		t.Fatalf("rotate %+v", rot)
	}
	if now, err := o.h.Dataset("history"); err != nil || !bytes.Equal(now.Salt, half.Salt) || len(now.Rotations) != 1 {
		t.Fatalf("after finishing the rotation the home holds %+v (%v), want the salt made before and one retired", now, err)
	}
	v2 := []byte("after the rotation")
	var put2 PutResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/versions", v2, &put2)
	if r := waitFor(t, b, "/v1/cids/"+put2.CID, func(r response) bool { return r.status == http.StatusOK }); !bytes.Equal(r.body, v2) {
		t.Fatalf("brand get of version 2: %d %s", r.status, r.body)
	}
	o.mustCall(t, http.StatusOK, "GET", "/v1/receipts", nil, &rl)
	if len(rl.Receipts) == 0 || rl.Receipts[0].Version != 2 || rl.Receipts[0].CID != put2.CID {
		t.Fatalf("newest receipt %+v, want version 2", rl.Receipts)
	}
	var rv RevokeResponse
	o.mustCall(t, http.StatusOK, "DELETE", "/v1/datasets/history/grants/"+brandAddr, nil, &rv)
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets/history/grants", nil, &gl)
	if len(gl.Grants) != 2 || gl.Grants[0].Active || gl.Grants[0].RevokedBlock != rv.Block || gl.Grants[0].Block <= g.Block ||
		gl.Grants[1].Block != g.Block || gl.Grants[1].Active || gl.Grants[1].RevokedBlock != 0 {
		t.Fatalf("grants after rotate and revoke %+v", gl.Grants)
	}

	// The chain's clock moves only with a block: once the wall clock
	// passed the deadline, any transaction (here the brand's new dataset)
	// seals a block past it.
	r = o.call(t, "POST", refundPath, nil)
	if r.status == http.StatusForbidden {
		time.Sleep(time.Until(deadline) + 1100*time.Millisecond)
		b.mustCall(t, http.StatusCreated, "POST", "/v1/datasets", CreateRequest{Name: "tick"}, nil)
		r = o.call(t, "POST", refundPath, nil)
	}
	if r.status != http.StatusOK {
		t.Fatalf("refund after the grant window: %d %s", r.status, r.body)
	}
	var rf RefundResponse
	r.decode(t, &rf)
	if rf.ID != bds.ID || rf.AmountWei != "1000" {
		t.Fatalf("refund %+v", rf)
	}
	r = o.call(t, "POST", refundPath, nil)
	if e := r.apiError(t); r.status != http.StatusNotFound || !strings.Contains(e.Message, "no purchase") {
		t.Fatalf("second refund: %d %s", r.status, r.body)
	}

	// A purchase the owner's market agent grants; the brand's buy record
	// gives it the terms text.
	b.mustCall(t, http.StatusCreated, "POST", fmt.Sprintf("/v1/market/%d/buy", ds.ID), BuyRequest{Terms: terms}, nil)
	until := time.Now().Add(40 * time.Second)
	for {
		b.mustCall(t, http.StatusOK, "GET", "/v1/purchases", nil, &pl)
		if len(pl.Purchases) == 1 && pl.Purchases[0].State == service.PurchaseGranted || time.Now().After(until) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if len(pl.Purchases) != 1 || pl.Purchases[0].State != service.PurchaseGranted || pl.Purchases[0].Terms != terms || pl.Purchases[0].Dataset != ds.ID {
		t.Fatalf("brand's purchases %+v, want history granted", pl.Purchases)
	}
	o.mustCall(t, http.StatusOK, "GET", "/v1/purchases", nil, &pl)
	if len(pl.Purchases) != 1 || pl.Purchases[0].State != service.PurchaseRefunded {
		t.Fatalf("owner's purchases %+v, want the refunded one", pl.Purchases)
	}
	var lg LogResponse
	o.mustCall(t, http.StatusOK, "GET", "/v1/log", nil, &lg)
	var kinds []string
	for _, e := range lg.Entries {
		kinds = append(kinds, e.Kind)
	}
	if !slices.Contains(kinds, KindRotate) || !slices.Contains(kinds, KindRefund) {
		t.Fatalf("journal kinds %v lack rotate and refund", kinds)
	}

	t.Run("Export", func(t *testing.T) { testExport(t, w, ds.ID, []string{put1.CID, put2.CID}) })
	t.Run("BadInput", func(t *testing.T) { testViewsBadInput(t, w) })
}

func testExport(t *testing.T, w *world, id uint64, cids []string) {
	o := w.owner
	r := o.call(t, "POST", "/v1/export", ExportRequest{Keys: true})
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/x-tar" {
		t.Fatalf("export: %d %s", r.status, r.body)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(bytes.NewReader(r.body))
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		files[h.Name] = b
	}
	if !slices.Equal(names, []string{ExportManifest, ExportCAR}) {
		t.Fatalf("tar holds %v", names)
	}
	var m Manifest
	if err := strictJSON(files[ExportManifest], &m); err != nil {
		t.Fatal(err)
	}
	if m.Version != ExportVersion || m.Account != o.h.Address().Hex() || m.ChainID != devchain.ChainID || m.Registry != w.ch.Registry().Hex() ||
		!slices.Equal(m.Roots, cids) || len(m.Datasets) != 1 {
		t.Fatalf("manifest %+v", m)
	}
	md := m.Datasets[0]
	if md.ID != id || len(md.Versions) != 2 || md.Versions[1].CID != cids[1] || len(md.Grants) != 3 || len(md.Keys) != 2 {
		t.Fatalf("manifest dataset %+v", md)
	}
	cr, err := carv2.NewBlockReader(bytes.NewReader(files[ExportCAR]))
	if err != nil {
		t.Fatal(err)
	}
	var roots []string
	for _, c := range cr.Roots {
		roots = append(roots, c.String())
	}
	if !slices.Equal(roots, cids) {
		t.Fatalf("CAR roots %v, want %v", roots, cids)
	}
	// Every block hashes to its CID, and the CAR alone (an offline
	// blockstore) gives back each version's whole envelope, byte for byte
	// what the owner's IPFS node holds.
	bs := blockstore.NewBlockstore(dssync.MutexWrap(datastore.NewMapDatastore()))
	for {
		blk, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if c, err := blk.Cid().Prefix().Sum(blk.RawData()); err != nil || !c.Equals(blk.Cid()) {
			t.Fatalf("block %s does not hash to its CID", blk.Cid())
		}
		if err := bs.Put(w.ctx, blk); err != nil {
			t.Fatal(err)
		}
	}
	dag := merkledag.NewDAGService(blockservice.New(bs, offline.Exchange(bs)))
	for _, s := range cids {
		c, _ := cid.Decode(s)
		nd, err := dag.Get(w.ctx, c)
		if err != nil {
			t.Fatalf("the CAR lacks the root block %s: %v", c, err)
		}
		dr, err := uio.NewDagReader(w.ctx, nd, dag)
		if err != nil {
			t.Fatal(err)
		}
		fromCAR, err := io.ReadAll(dr)
		if err != nil {
			t.Fatalf("reading %s from the CAR alone: %v", c, err)
		}
		rc, err := o.store.Get(w.ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		stored, err := io.ReadAll(rc)
		rc.Close()
		if err != nil || !bytes.Equal(fromCAR, stored) {
			t.Fatalf("%s from the CAR: %d bytes, from IPFS %d bytes (%v)", c, len(fromCAR), len(stored), err)
		}
	}
	// Without keys the manifest holds none.
	r = o.call(t, "POST", "/v1/export", nil)
	if r.status != http.StatusOK || bytes.Contains(r.body, []byte(`"keys"`)) {
		t.Fatalf("export without keys: %d, keys present: %v", r.status, bytes.Contains(r.body, []byte(`"keys"`)))
	}
}

func testViewsBadInput(t *testing.T, w *world) {
	o := w.owner
	cases := []struct{ name, method, path, body string }{
		{"grants: unknown dataset", "GET", "/v1/datasets/nosuch/grants", ""},
		{"grants: bad name", "GET", "/v1/datasets/-x/grants", ""},
		{"rotate: unknown dataset", "POST", "/v1/datasets/nosuch/rotate", ""},
		{"refund: not an id", "POST", "/v1/market/abc/refund", ""},
		{"refund: negative id", "POST", "/v1/market/-1/refund", ""},
		{"export: unknown key", "POST", "/v1/export", `{"keys":true,"all":true}`},
		{"export: malformed", "POST", "/v1/export", `{"keys":`},
		{"export: keys not a bool", "POST", "/v1/export", `{"keys":1}`},
	}
	before := snap(t, o)
	for _, c := range cases {
		var body any
		if c.body != "" {
			body = c.body
		}
		r := o.call(t, c.method, c.path, body)
		if r.status != http.StatusBadRequest || r.apiError(t).Code != CodeBadRequest {
			t.Errorf("%s: %d %s, want 400", c.name, r.status, r.body)
		}
	}
	if after := snap(t, o); !slicesEqualSnap(before, after) {
		t.Fatalf("bad input changed the state:\nbefore %+v\nafter  %+v", before, after)
	}
	// Refund of a dataset never bought: not found, nothing sent.
	if r := o.call(t, "POST", "/v1/market/999/refund", nil); r.status != http.StatusNotFound || r.apiError(t).Code != CodeNotFound {
		t.Errorf("refund of nothing: %d %s", r.status, r.body)
	}
	// Export of a home with no versions: not found, and it says why.
	empty, err := OpenIndex(filepath.Join(t.TempDir(), IndexDir), "")
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	j, err := OpenJournal(filepath.Join(t.TempDir(), JournalFile))
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(w.ctx, Config{Home: o.h, Service: o.s, Token: o.token, Datasets: empty, Journal: j})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(d.Handler())
	defer srv.Close()
	n := &node{h: o.h, s: o.s, d: d, srv: srv, token: o.token}
	if r := n.call(t, "POST", "/v1/export", nil); r.status != http.StatusNotFound || !strings.Contains(r.apiError(t).Message, "nothing to export") {
		t.Errorf("export with nothing: %d %s", r.status, r.body)
	}
	var rl ReceiptList
	n.mustCall(t, http.StatusOK, "GET", "/v1/receipts", nil, &rl)
	if len(rl.Receipts) != 0 {
		t.Errorf("receipts with no datasets: %+v", rl.Receipts)
	}
}

func slicesEqualSnap(a, b snapshot) bool {
	return a.Datasets == b.Datasets && slices.Equal(a.Salts, b.Salts) && a.Journal == b.Journal
}
