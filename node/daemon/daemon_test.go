package daemon

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDaemon drives the owner's and the brand's daemons through their HTTP
// APIs only, on a real dev chain, real IPFS nodes and three real proxies.
func TestDaemon(t *testing.T) {
	w := newWorld(t)
	t.Run("Auth", func(t *testing.T) { testAuth(t, w) })
	t.Run("OpenAPI", func(t *testing.T) { testOpenAPI(t, w.owner) })
	t.Run("EndToEnd", func(t *testing.T) { testEndToEnd(t, w) })
	t.Run("BadInput", func(t *testing.T) { testBadInput(t, w) })
	t.Run("ForeignHostRefused", func(t *testing.T) { testForeignHostRefused(t, w) })
	t.Run("HealthzHidesAccount", func(t *testing.T) { testHealthzHidesAccount(t, w) })
	t.Run("StalledBodyDropped", func(t *testing.T) { testStalledBodyDropped(t, w) })
}

func testAuth(t *testing.T, w *world) {
	o := w.owner
	for _, tok := range []string{"", strings.Repeat("0", 64), o.token + "x", w.brand.token} {
		r := o.callToken(t, tok, "GET", "/v1/datasets", nil)
		if r.status != http.StatusUnauthorized {
			t.Fatalf("token %q: status %d, want 401: %s", tok, r.status, r.body)
		}
		if e := r.apiError(t); e.Code != CodeUnauthorized {
			t.Fatalf("token %q: code %q", tok, e.Code)
		}
	}
	if r := o.callToken(t, "", "GET", "/v1/datasets", nil); r.status != http.StatusUnauthorized {
		t.Fatalf("no header: %d", r.status)
	}
	req := func(h string) int {
		rq, _ := http.NewRequest("GET", o.srv.URL+"/v1/datasets", nil)
		rq.Header.Set("Authorization", h)
		resp, err := o.srv.Client().Do(rq)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := req("bearer " + o.token); got != http.StatusOK {
		t.Fatalf("lower-case scheme: %d", got)
	}
	if got := req("Basic " + o.token); got != http.StatusUnauthorized {
		t.Fatalf("Basic scheme: %d", got)
	}
	// Without a token nothing changes either.
	r := o.callToken(t, "", "POST", "/v1/datasets", CreateRequest{Name: "sneaky"})
	if r.status != http.StatusUnauthorized {
		t.Fatalf("create without token: %d %s", r.status, r.body)
	}
	if _, ok := o.d.Index().Get("sneaky"); ok {
		t.Fatal("a request without token created a dataset")
	}
	if r := o.callToken(t, "", "GET", "/healthz", nil); r.status != http.StatusOK {
		t.Fatalf("/healthz without token: %d %s", r.status, r.body)
	}
	if r := o.callToken(t, "", "GET", "/metrics", nil); r.status != http.StatusUnauthorized {
		t.Fatalf("/metrics without token: %d", r.status)
	}
	r = o.call(t, "GET", "/metrics", nil)
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `pdx_daemon_requests_total{code="401",route="GET /v1/datasets"} 6`) {
		t.Fatalf("/metrics: %d\n%s", r.status, r.body)
	}
}

type openAPIDoc struct {
	OpenAPI string                                `json:"openapi"`
	Paths   map[string]map[string]json.RawMessage `json:"paths"`
}

func testOpenAPI(t *testing.T, n *node) {
	r := n.callToken(t, "", "GET", "/openapi.json", nil)
	if r.status != http.StatusOK {
		t.Fatalf("/openapi.json: %d", r.status)
	}
	var doc openAPIDoc
	r.decode(t, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.0.") {
		t.Fatalf("openapi version %q, want 3.0.x", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	served := map[string]bool{}
	for _, rt := range n.d.Routes() {
		served[rt.Method+" "+rt.Path] = true
		if !documented[rt.Method+" "+rt.Path] {
			t.Errorf("the server serves %s %s but /openapi.json does not describe it", rt.Method, rt.Path)
		}
	}
	// Every documented route must reach a handler of the real mux: with
	// its parameters filled in, the answer is never the mux's own
	// no_route or 405.
	param := regexp.MustCompile(`\{[^}]+\}`)
	for key := range documented {
		if !served[key] {
			t.Errorf("/openapi.json describes %s, which the server does not register", key)
		}
		method, path, _ := strings.Cut(key, " ")
		probe := param.ReplaceAllString(path, "nosuch")
		resp := n.call(t, method, probe, nil)
		if resp.status == http.StatusMethodNotAllowed {
			t.Errorf("%s %s: the mux answers 405", method, probe)
		}
		var e errorBody
		if json.Unmarshal(resp.body, &e) == nil && e.Error.Code == CodeNoRoute {
			t.Errorf("%s %s: the mux has no such route", method, probe)
		}
	}
	// The control: a route nobody documents is no_route.
	if e := n.call(t, "GET", "/v1/nosuch", nil).apiError(t); e.Code != CodeNoRoute {
		t.Fatalf("unknown route: code %q", e.Code)
	}
}

func testEndToEnd(t *testing.T, w *world) {
	o, b := w.owner, w.brand
	var ds DatasetView
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets", CreateRequest{Name: "purchases"}, &ds)
	if ds.Name != "purchases" || ds.ID == 0 {
		t.Fatalf("created %+v", ds)
	}
	data := bytes.Repeat([]byte("2026-11-12,Green Grocer,weekly basket,51.75\n"), 2000)
	var put PutResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/purchases/versions", data, &put)
	if put.Version != 1 || put.CID == "" || len(put.Fingerprint) != 66 || put.Size <= int64(len(data)) {
		t.Fatalf("put %+v", put)
	}
	var list DatasetList
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets", nil, &list)
	if len(list.Datasets) != 1 || len(list.Datasets[0].Versions) != 1 || list.Datasets[0].Versions[0].CID != put.CID {
		t.Fatalf("list %+v", list)
	}

	// The owner reads its own version with its dataset key, no proxy asked.
	if r := o.call(t, "GET", "/v1/cids/"+put.CID, nil); r.status != http.StatusOK || !bytes.Equal(r.body, data) {
		t.Fatalf("owner's get of its own version: %d, %d bytes", r.status, len(r.body))
	}

	// Before any grant the brand is refused by its own daemon.
	if r := b.call(t, "GET", "/v1/cids/"+put.CID, nil); r.status != http.StatusForbidden || r.apiError(t).Code != CodeRefused {
		t.Fatalf("get before grant: %d %s", r.status, r.body)
	}

	var g GrantResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/purchases/grants", GrantRequest{
		Grantee: b.h.Address().Hex(), Purpose: "loyalty analytics", Expires: "30d", Threshold: 2,
	}, &g)
	if g.Block == 0 || len(g.Proxies) != 3 || g.Threshold != 2 {
		t.Fatalf("grant %+v", g)
	}
	exp, err := time.Parse(time.RFC3339, g.Expires)
	if err != nil || exp.Before(time.Now().Add(29*24*time.Hour)) || exp.After(time.Now().Add(31*24*time.Hour)) {
		t.Fatalf("expires %q is not 30 days ahead", g.Expires)
	}

	// The proxies follow the grant within a few polls.
	r := waitFor(t, b, "/v1/cids/"+put.CID, func(r response) bool { return r.status == http.StatusOK })
	if !bytes.Equal(r.body, data) {
		t.Fatalf("the brand got %d bytes that differ from the %d put", len(r.body), len(data))
	}
	if r.header.Get("Content-Type") != "application/octet-stream" || r.header.Get("X-Pdx-Cid") != put.CID {
		t.Fatalf("headers %v", r.header)
	}

	var rv RevokeResponse
	o.mustCall(t, http.StatusOK, "DELETE", "/v1/datasets/purchases/grants/"+b.h.Address().Hex(), nil, &rv)
	if rv.Block <= g.Block {
		t.Fatalf("revoked at block %d, granted at %d", rv.Block, g.Block)
	}
	// A proxy that has not yet followed the Revoked event refuses for want
	// of a grant (the chain says so at once); wait until they name it.
	r = waitFor(t, b, "/v1/cids/"+put.CID, func(r response) bool {
		return r.status != http.StatusOK && strings.Contains(string(r.body), "revoked")
	})
	if r.status != http.StatusForbidden {
		t.Fatalf("get after revoke: %d %s", r.status, r.body)
	}
	if e := r.apiError(t); e.Code != CodeRefused || !strings.Contains(e.Message, "revoked") {
		t.Fatalf("get after revoke: %+v", e)
	} else {
		t.Logf("after the revoke the brand reads: %s", e.Message)
	}

	// Offer, then the market agent's view of it.
	var off OfferResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/purchases/offer",
		OfferRequest{PriceWei: "10000000000000000", Duration: "30d", Terms: "research"}, &off)
	if item, ok := o.d.MarketItem(ds.ID); !ok || item.Terms != "research" || item.Key == nil {
		t.Fatalf("market item %+v %v", item, ok)
	}
	// The brand buys; the escrow is held until the owner grants.
	var buy BuyResponse
	b.mustCall(t, http.StatusCreated, "POST", fmt.Sprintf("/v1/market/%d/buy", ds.ID), BuyRequest{Terms: "research"}, &buy)
	if buy.PriceWei != "10000000000000000" {
		t.Fatalf("buy %+v", buy)
	}
	// The owner's market agent grants it under the default policy and the
	// decision lands in the journal; the escrow is then the owner's.
	var lg LogResponse
	deadline := time.Now().Add(40 * time.Second)
	for {
		o.mustCall(t, http.StatusOK, "GET", "/v1/log", nil, &lg)
		if n := len(lg.Entries); n > 0 && lg.Entries[n-1].Kind == KindPurchase || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	var kinds []string
	for _, e := range lg.Entries {
		kinds = append(kinds, e.Kind)
	}
	if want := []string{KindCreate, KindPut, KindGrant, KindRevoke, KindOffer, KindPurchase}; !slices.Equal(kinds, want) {
		t.Fatalf("journal kinds %v, want %v", kinds, want)
	}
	if gr := lg.Entries[2]; gr.Block != g.Block || gr.Purpose != "loyalty analytics" || gr.Grantee != b.h.Address().Hex() || gr.Expires != g.Expires {
		t.Fatalf("grant record %+v", gr)
	}
	if lg.Entries[3].Block != rv.Block {
		t.Fatalf("revoke record %+v", lg.Entries[3])
	}
	if p := lg.Entries[5]; p.Granted == nil || !*p.Granted || p.Dataset != "purchases" || p.Amount != buy.PriceWei || p.Grantee != b.h.Address().Hex() || p.Block == 0 {
		t.Fatalf("purchase record %+v", p)
	}
	// The payment vests over the 30 days: a withdrawal now pays what has
	// vested since the grant (seconds' worth), never the whole price.
	var wd WithdrawResponse
	o.mustCall(t, http.StatusOK, "POST", "/v1/withdraw", nil, &wd)
	price, _ := new(big.Int).SetString(buy.PriceWei, 10)
	paid, ok := new(big.Int).SetString(wd.AmountWei, 10)
	if !ok || paid.Sign() < 0 || paid.Cmp(new(big.Int).Div(price, big.NewInt(1000))) > 0 {
		t.Fatalf("withdrew %s right after the grant, want what vested in seconds of 30 days of %s", wd.AmountWei, buy.PriceWei)
	}
	o.mustCall(t, http.StatusOK, "POST", "/v1/withdraw", nil, &wd)
	if again, _ := new(big.Int).SetString(wd.AmountWei, 10); again == nil || again.Cmp(new(big.Int).Div(price, big.NewInt(1000))) > 0 {
		t.Fatalf("second withdrawal %s", wd.AmountWei)
	}
	var blg LogResponse
	b.mustCall(t, http.StatusOK, "GET", "/v1/log", nil, &blg)
	if len(blg.Entries) != 1 || blg.Entries[0].Kind != KindBuy || blg.Entries[0].ID != ds.ID {
		t.Fatalf("brand journal %+v", blg.Entries)
	}

	// A daemon started again on the same home knows the datasets. The
	// store admits one process at a time: the first daemon's index is
	// closed for it, then reopened for the rest of the test.
	if err := o.d.Index().Close(); err != nil {
		t.Fatal(err)
	}
	again, err := New(w.ctx, Config{Home: o.h, Service: o.s, Token: o.token})
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := again.Index().Get("purchases"); !ok || e.ID != ds.ID || len(e.Versions) != 1 || e.Terms != "research" {
		t.Fatalf("after a restart the index holds %+v, %v", e, ok)
	}
	if err := again.Close(); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(o.h.Dir(), StateDir)
	if o.d.index, err = OpenIndex(filepath.Join(state, IndexDir), filepath.Join(state, IndexFile)); err != nil {
		t.Fatal(err)
	}

	// Erase: the name is gone, the salt destroyed, the content unpinned.
	var er EraseResponse
	o.mustCall(t, http.StatusOK, "POST", "/v1/datasets/purchases/erase", nil, &er)
	if !slices.Equal(er.Unpinned, []string{put.CID}) {
		t.Fatalf("erase %+v", er)
	}
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets", nil, &list)
	if len(list.Datasets) != 0 {
		t.Fatalf("after erase: %+v", list)
	}
	if _, err := o.h.Dataset("purchases"); err == nil {
		t.Fatal("the salt survived the erase")
	}
	if r := o.call(t, "POST", "/v1/datasets/purchases/versions", "more"); r.status != http.StatusBadRequest {
		t.Fatalf("put after erase: %d %s", r.status, r.body)
	}
	// The owner's own get of the erased CID is told as the owner's act,
	// never as a missing grant for the owner's own address.
	r = o.call(t, "GET", "/v1/cids/"+put.CID, nil)
	if e := r.apiError(t); r.status != http.StatusForbidden || !strings.Contains(e.Human, "you erased dataset") ||
		strings.Contains(e.Message, "no grant") || strings.Contains(e.Human, o.h.Address().Hex()) {
		t.Fatalf("owner's get after erase: %d %+v", r.status, e)
	}
}

// waitFor polls GET path on n until ok or 40 s pass (the proxies follow the
// chain by polling).
func waitFor(t *testing.T, n *node, path string, ok func(response) bool) response {
	t.Helper()
	deadline := time.Now().Add(40 * time.Second)
	for {
		r := n.call(t, "GET", path, nil)
		if ok(r) || time.Now().After(deadline) {
			return r
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// snapshot is the owner's state a bad request must not change.
type snapshot struct {
	Datasets string
	Salts    []string
	Journal  int
}

func snap(t *testing.T, n *node) snapshot {
	t.Helper()
	r := n.call(t, "GET", "/v1/datasets", nil)
	if r.status != http.StatusOK {
		t.Fatalf("list: %d %s", r.status, r.body)
	}
	var s snapshot
	s.Datasets = string(r.body)
	salts, err := n.h.Datasets()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range salts {
		s.Salts = append(s.Salts, d.Name+"="+d.Salt.String())
	}
	recs, err := n.d.Journal().Read()
	if err != nil {
		t.Fatal(err)
	}
	s.Journal = len(recs)
	return s
}

func testBadInput(t *testing.T, w *world) {
	o, b := w.owner, w.brand
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets", CreateRequest{Name: "profile"}, nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/profile/versions", `{"name":"Alex"}`, nil)
	grantee := b.h.Address().Hex()
	okGrant := func(f func(*GrantRequest)) GrantRequest {
		g := GrantRequest{Grantee: grantee, Purpose: "support", Expires: "30d"}
		f(&g)
		return g
	}
	cases := []struct {
		name, method, path string
		body               any
	}{
		{"create: no body", "POST", "/v1/datasets", nil},
		{"create: malformed JSON", "POST", "/v1/datasets", `{"name":`},
		{"create: unknown field", "POST", "/v1/datasets", `{"name":"x","salt":"0x00"}`},
		{"create: bad name", "POST", "/v1/datasets", CreateRequest{Name: "../etc"}},
		{"create: empty name", "POST", "/v1/datasets", CreateRequest{Name: ""}},
		{"put: unknown dataset", "POST", "/v1/datasets/nosuch/versions", "data"},
		{"put: empty body", "POST", "/v1/datasets/profile/versions", nil},
		{"grant: unknown dataset", "POST", "/v1/datasets/nosuch/grants", okGrant(func(*GrantRequest) {})},
		{"grant: malformed address", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Grantee = "0x1234" })},
		{"grant: address without 0x", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Grantee = grantee[2:] })},
		{"grant: zero address", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Grantee = "0x0000000000000000000000000000000000000000" })},
		{"grant: unparseable expiry", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Expires = "next tuesday" })},
		{"grant: past expiry", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Expires = "2020-01-01T00:00:00Z" })},
		{"grant: negative expiry", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Expires = "-30d" })},
		{"grant: zero expiry", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Expires = "0d" })},
		{"grant: no expiry", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Expires = "" })},
		{"grant: no purpose", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Purpose = " " })},
		{"grant: threshold too high", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Threshold = 300 })},
		{"grant: threshold above proxies named", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Threshold = 2; g.Proxies = []string{w.proxies[0].Hex()} })},
		{"grant: more than the registered proxies", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Threshold = 4 })},
		{"grant: a proxy named twice", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) {
			g.Threshold = 2
			g.Proxies = []string{w.proxies[0].Hex(), strings.ToLower(w.proxies[0].Hex())}
		})},
		{"grant: malformed proxy", "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Proxies = []string{"proxy-1"} })},
		{"revoke: malformed address", "DELETE", "/v1/datasets/profile/grants/0xnothex", nil},
		{"revoke: unknown dataset", "DELETE", "/v1/datasets/nosuch/grants/" + grantee, nil},
		{"offer: negative price", "POST", "/v1/datasets/profile/offer", OfferRequest{PriceWei: "-1", Duration: "30d", Terms: "t"}},
		{"offer: price with unit", "POST", "/v1/datasets/profile/offer", OfferRequest{PriceWei: "1 ether", Duration: "30d", Terms: "t"}},
		{"offer: bad duration", "POST", "/v1/datasets/profile/offer", OfferRequest{PriceWei: "1", Duration: "a month", Terms: "t"}},
		{"offer: zero duration", "POST", "/v1/datasets/profile/offer", OfferRequest{PriceWei: "1", Duration: "0d", Terms: "t"}},
		{"offer: no terms", "POST", "/v1/datasets/profile/offer", OfferRequest{PriceWei: "1", Duration: "30d"}},
		{"offer: unknown dataset", "POST", "/v1/datasets/nosuch/offer", OfferRequest{PriceWei: "1", Duration: "30d", Terms: "t"}},
		{"erase: unknown dataset", "POST", "/v1/datasets/nosuch/erase", nil},
		{"erase: bad name", "POST", "/v1/datasets/-x/erase", nil},
		{"get: not a CID", "GET", "/v1/cids/not-a-cid", nil},
		{"buy: not an id", "POST", "/v1/market/abc/buy", BuyRequest{Terms: "t"}},
		{"buy: blank terms", "POST", "/v1/market/1/buy", BuyRequest{Terms: "   "}}, // no terms at all buys under the published text
	}
	before := snap(t, o)
	for _, c := range cases {
		r := o.call(t, c.method, c.path, c.body)
		if r.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400: %s", c.name, r.status, r.body)
			continue
		}
		if e := r.apiError(t); e.Code != CodeBadRequest || e.Message == "" {
			t.Errorf("%s: %+v", c.name, e)
		}
		if after := snap(t, o); !reflect.DeepEqual(before, after) {
			t.Fatalf("%s changed the state:\nbefore %+v\nafter  %+v", c.name, before, after)
		}
	}

	// Not bad input, but refusals that also change nothing.
	r := o.call(t, "POST", "/v1/datasets", CreateRequest{Name: "profile"})
	if r.status != http.StatusConflict || r.apiError(t).Code != CodeConflict {
		t.Fatalf("create twice: %d %s", r.status, r.body)
	}
	r = o.call(t, "DELETE", "/v1/datasets/profile/grants/"+grantee, nil)
	if e := r.apiError(t); r.status != http.StatusNotFound || e.Revert != "NoGrant" || !strings.Contains(e.Message, "NoGrant") {
		t.Fatalf("revoke without grant: %d %s", r.status, r.body)
	}
	r = o.call(t, "POST", "/v1/datasets/profile/grants", okGrant(func(g *GrantRequest) { g.Grantee = "0x000000000000000000000000000000000000dEaD" }))
	if r.status != http.StatusNotFound || !strings.Contains(r.apiError(t).Message, "register its keys") {
		t.Fatalf("grant to an account without keys: %d %s", r.status, r.body)
	}
	r = o.call(t, "POST", "/v1/market/999/buy", BuyRequest{Terms: "t"})
	if r.status != http.StatusNotFound {
		t.Fatalf("buy without offer: %d %s", r.status, r.body)
	}
	r = o.call(t, "GET", "/v1/cids/bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", nil)
	if r.status != http.StatusNotFound || r.apiError(t).Code != CodeNotFound {
		t.Fatalf("unknown CID: %d %s", r.status, r.body)
	}
	if after := snap(t, o); !reflect.DeepEqual(before, after) {
		t.Fatalf("refusals changed the state:\nbefore %+v\nafter  %+v", before, after)
	}
}
