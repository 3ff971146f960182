package daemon

import (
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/market"
	"github.com/pdx-network/pdx/node/service"
)

// GET /v1/market serves one page of the open offers from the market index
// (node/market): filtered and paged by its query parameters, so that a
// page costs what it returns however large the market is.

// OfferView is one open offer on chain as GET /v1/market shows it.
type OfferView struct {
	Dataset   uint64 `json:"dataset"`
	Owner     string `json:"owner"`
	PriceWei  string `json:"price_wei"`
	Duration  string `json:"duration"`
	DurationS uint64 `json:"duration_s"`
	Terms     string `json:"terms"` // "" when the text of terms_hash could not be read
	TermsHash string `json:"terms_hash"`
	// TermsCID is where the owner published the terms text on IPFS.
	TermsCID string `json:"terms_cid"`
	// TermsUnknown says why Terms is empty (an offer made before terms
	// were published, or no IPFS node served the text in time).
	TermsUnknown string `json:"terms_unknown,omitempty"`
	Mine         bool   `json:"mine"`
	// Policy is the offer's usage policy, which buying binds the buyer
	// to; Terms is then its description.
	Policy *PolicyView `json:"policy,omitempty"`
	// Legacy: the offer records a plain terms text, not a policy.
	Legacy bool `json:"legacy"`
	// Fields are the field groups the offer sells (its policy names them);
	// empty: the whole dataset. A dataset has one offer per terms hash, so
	// one row per field set and price. A pointer keeps OfferView
	// comparable.
	Fields *[]string `json:"fields,omitempty"`
	// To is the only account a private offer is made to; the market shows
	// a private offer to that account and to its owner only. Omitted for a
	// public offer.
	To string `json:"to,omitempty"`
	// ForMe: a private offer made to this account.
	ForMe bool `json:"for_me,omitempty"`
	// Block is the block of the Offered event that opened the offer.
	Block uint64 `json:"block"`
	// Attested lists the verified source attestations on chain of the
	// dataset's latest version (the market's attested column); nil: none.
	// A pointer keeps OfferView comparable.
	Attested *OfferAttested `json:"attested,omitempty"`
	// Description is what the offer says of its dataset (its policy's
	// pdx:dataset, acl/describe/DESCRIBE.md); absent when it says nothing.
	Description *describe.Description `json:"description,omitempty"`
	// DescriptionUnreadable: the offer's policy claims a description that
	// does not read (malformed, oversized, control characters); the offer
	// is listed, its description not shown.
	DescriptionUnreadable bool `json:"description_unreadable,omitempty"`
}

// MarketList is the body of GET /v1/market.
type MarketList struct {
	Offers []OfferView `json:"offers"`
	// Next is the after of the next page; "" on the last page.
	Next string `json:"next"`
}

// marketParams are the query parameters GET /v1/market takes.
var marketParams = map[string]bool{"limit": true, "after": true, "owner": true, "mine": true, "for_me": true,
	"min_price": true, "max_price": true, "terms": true, "min_duration": true, "max_duration": true, "fields": true, "attested": true,
	"category": true, "field": true, "search": true}

// parseMarketQuery reads GET /v1/market's parameters; any it does not know,
// or gives twice, is refused rather than ignored (a typo must not widen
// the page).
func parseMarketQuery(v url.Values) (market.Query, error) {
	var q market.Query
	for k, vs := range v {
		if !marketParams[k] {
			return q, badRequest("unknown parameter %q (the market takes limit, after, owner, mine, for_me, min_price, max_price, terms, min_duration, max_duration, fields, attested, category, field, search)", k)
		}
		if len(vs) != 1 {
			return q, badRequest("%s given %d times", k, len(vs))
		}
	}
	var err error
	if s := v.Get("limit"); s != "" {
		if q.Limit, err = strconv.Atoi(s); err != nil || q.Limit < 1 || q.Limit > market.MaxLimit {
			return q, badRequest("limit %q: a page holds 1 to %d offers", s, market.MaxLimit)
		}
	}
	q.After = v.Get("after")
	if s := v.Get("owner"); s != "" {
		if !common.IsHexAddress(s) || len(s) != 42 {
			return q, badRequest("owner %q is not an account address (0x and 40 hex digits)", s)
		}
		q.Owner = common.HexToAddress(s)
	}
	for name, dst := range map[string]*bool{"mine": &q.Mine, "for_me": &q.ForMe} {
		if s := v.Get(name); s != "" {
			if *dst, err = strconv.ParseBool(s); err != nil {
				return q, badRequest("%s %q: true or false", name, s)
			}
		}
	}
	for name, dst := range map[string]**big.Int{"min_price": &q.MinPrice, "max_price": &q.MaxPrice} {
		if s := v.Get(name); s != "" {
			p, ok := new(big.Int).SetString(s, 10)
			if !ok || p.Sign() < 0 || p.BitLen() > 256 {
				return q, badRequest("%s %q: a price in wei, as decimal digits", name, s)
			}
			*dst = p
		}
	}
	for name, dst := range map[string]*time.Duration{"min_duration": &q.MinDuration, "max_duration": &q.MaxDuration} {
		if s := v.Get(name); s != "" {
			d, err := config.ParseDuration(s)
			if err != nil || d <= 0 {
				return q, badRequest("%s %q: a duration such as 30d or 12h", name, s)
			}
			*dst = time.Duration(d)
		}
	}
	q.Terms = v.Get("terms")
	if s := v.Get("category"); s != "" {
		c, err := describe.ParseCategory(s)
		if err != nil {
			return q, badRequest("category %q is not a category: one of %s", s, categoryList())
		}
		q.Category = c
	}
	if s := v.Get("field"); s != "" {
		for _, f := range strings.Split(s, ",") {
			f = strings.TrimSpace(f)
			if (&describe.Description{Title: "x", Category: "other", Fields: []string{f}}).Validate() != nil {
				return q, badRequest("field %q is not a field name (printable ASCII without spaces, commas or slashes)", f)
			}
			q.DescFields = append(q.DescFields, f)
		}
	}
	if q.Search = v.Get("search"); len(q.Search) > 256 {
		return q, badRequest("search: at most 256 characters")
	}
	return q, nil
}

func (d *Daemon) market(w http.ResponseWriter, r *http.Request) error {
	q, err := parseMarketQuery(r.URL.Query())
	if err != nil {
		return err
	}
	if s := r.URL.Query().Get("fields"); s != "" {
		// Field-level offers (docs/policy.md, "Fields"): the filter reads
		// each offer's policy, which the index does not keep.
		f, err := d.s.NewFieldsFilter(s)
		if err != nil {
			return badRequest("fields %q: \"any\" or field names, comma-separated: %v", s, err)
		}
		q.Filters = append(q.Filters, f)
	}
	if f, err := d.attestedFilter(r.URL.Query().Get("attested")); err != nil {
		return err
	} else if f != nil {
		q.Filters = append(q.Filters, f)
	}
	page, err := d.s.Market(r.Context(), q)
	if err != nil {
		return err
	}
	texts, why := d.pageTerms(r, page.Offers)
	out := MarketList{Offers: []OfferView{}, Next: page.Next}
	me := d.s.Address()
	for _, o := range page.Offers {
		terms, pv, legacy := readTerms(texts[o.TermsHash])
		v := OfferView{Dataset: o.Dataset, Owner: o.Owner.Hex(), PriceWei: o.Price.String(),
			Duration: config.Duration(o.Duration).String(), DurationS: uint64(o.Duration / time.Second), Policy: pv, Legacy: legacy,
			Terms: terms, TermsHash: hexutil.Encode(o.TermsHash[:]), TermsCID: service.TermsCID(o.TermsHash).String(),
			TermsUnknown: why[o.TermsHash], Mine: o.Owner == me, Block: o.Block}
		if o.Private() {
			v.To, v.ForMe = o.Buyer.Hex(), o.Buyer == me
		}
		if p, err := service.TermsPolicy(texts[o.TermsHash]); err == nil && p != nil && len(p.Fields) > 0 {
			v.Fields = &p.Fields
		}
		v.Description, v.DescriptionUnreadable = market.DescribedIn(texts[o.TermsHash])
		// Only an offer whose terms claim attested data (offer
		// --require-attestation) has its claim checked on chain: the check
		// reads EAS's and the Registry's logs for the dataset, which would
		// make every page cost what the chain's history costs.
		if claimsAttestation(terms) {
			if att := d.offerAttestations(r.Context(), o.Owner, o.Dataset); len(att) > 0 {
				v.Attested = &OfferAttested{Attestations: att}
			}
		}
		out.Offers = append(out.Offers, v)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// pageTerms finds the terms texts of a page's offers: those the index
// holds, then the rest from the daemon's own texts and IPFS at once
// (resolveTerms: parallel, each read bounded); what IPFS gave is kept in
// the index for the next page.
func (d *Daemon) pageTerms(r *http.Request, offers []market.Offer) (texts, why map[[32]byte]string) {
	ix := d.s.MarketIndex()
	texts = map[[32]byte]string{}
	var missing [][32]byte
	for _, o := range offers {
		if _, ok := texts[o.TermsHash]; ok {
			continue
		}
		if t, ok, err := ix.Text(o.TermsHash); err == nil && ok {
			texts[o.TermsHash] = t
			continue
		}
		missing = append(missing, o.TermsHash)
	}
	if len(missing) == 0 {
		return texts, map[[32]byte]string{}
	}
	found, why := d.resolveTerms(r.Context(), d.termsBook(), missing)
	for h, t := range found {
		texts[h] = t
	}
	if err := ix.SetTexts(found); err != nil {
		d.log.Warn("keeping terms texts in the market index", "err", fmt.Sprint(err))
	}
	return texts, why
}
