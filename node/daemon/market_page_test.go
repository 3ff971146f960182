package daemon

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// checkMarketPages pages through n's market one offer at a time and with
// filters, against want (the whole market n sees, in dataset order), and
// checks that malformed parameters are refused with 400 and say why.
func checkMarketPages(t *testing.T, n *node, want []OfferView) {
	t.Helper()
	var got []OfferView
	path := "/v1/market?limit=1"
	for range len(want) + 1 {
		var mk MarketList
		n.mustCall(t, http.StatusOK, "GET", path, nil, &mk)
		dropBlocks(t, mk.Offers)
		got = append(got, mk.Offers...)
		if mk.Next == "" {
			break
		}
		path = "/v1/market?limit=1&after=" + url.QueryEscape(mk.Next)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("paged one by one: %+v, want %+v", got, want)
	}
	for _, f := range []struct {
		query string
		keep  func(OfferView) bool
	}{
		{"max_price=1000", func(o OfferView) bool { return o.PriceWei == "1000" }},
		{"min_price=1001", func(o OfferView) bool { return o.PriceWei != "1000" }},
		{"owner=" + want[0].Owner, func(o OfferView) bool { return o.Owner == want[0].Owner }},
		{"mine=true", func(o OfferView) bool { return o.Mine }},
		{"min_duration=2d", func(o OfferView) bool { return o.DurationS >= 2*24*3600 }},
		{"terms=RESEARCH", func(o OfferView) bool { return strings.Contains(strings.ToLower(o.Terms), "research") }},
	} {
		var mk MarketList
		n.mustCall(t, http.StatusOK, "GET", "/v1/market?"+f.query, nil, &mk)
		dropBlocks(t, mk.Offers)
		var exp []OfferView
		for _, o := range want {
			if f.keep(o) {
				exp = append(exp, o)
			}
		}
		if !slices.Equal(mk.Offers, exp) || mk.Next != "" {
			t.Fatalf("market?%s: %+v (next %q), want %+v", f.query, mk.Offers, mk.Next, exp)
		}
	}
	for query, why := range map[string]string{
		"limit=0":                 "limit",
		"limit=501":               "limit",
		"limit=x":                 "limit",
		"after=%21%21":            "not a market cursor",
		"max_price=0.1eth":        "max_price",
		"min_price=-1":            "min_price",
		"min_price=5&max_price=4": "above the highest",
		"owner=0x12":              "owner",
		"min_duration=forever":    "min_duration",
		"mine=maybe":              "mine",
		"mine=true&for_me=true":   "mine or for_me",
		"sort=price":              "unknown parameter",
		"limit=1&limit=2":         "2 times",
	} {
		r := n.call(t, "GET", "/v1/market?"+query, nil)
		if e := r.apiError(t); r.status != http.StatusBadRequest || e.Code != CodeBadRequest || !strings.Contains(e.Message, why) {
			t.Errorf("market?%s: %d %s, want 400 saying %q", query, r.status, r.body, why)
		}
	}
}
