package market

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/errkind"
)

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 500
	// scanBudget bounds the index entries one page examines: filters that
	// the page's ordering does not serve (two at once, or private offers
	// interleaved) can skip entries, and a page that reaches the budget
	// ends early with a cursor to go on from, rather than scanning the
	// whole market.
	scanBudget = 20_000
)

// ErrBadQuery: a market query's parameters are malformed or contradict
// each other; nothing was read.
var ErrBadQuery = errkind.New(errkind.Usage, "bad market query")

// Query is one page of the market as one account sees it: public offers,
// and private ones made by or to Viewer.
type Query struct {
	// Viewer is the account asking: it sees the private offers made to
	// it and its own.
	Viewer common.Address
	// Limit is the most offers on the page (0: DefaultLimit; at most
	// MaxLimit).
	Limit int
	// After is the Next of the previous page; "" for the first.
	After string

	// Owner, when not zero, keeps the offers of that account only.
	Owner common.Address
	// Mine keeps Viewer's own offers; ForMe the private offers made to
	// Viewer.
	Mine, ForMe bool
	// MinPrice and MaxPrice (wei, inclusive; nil: no bound) keep the
	// offers priced between them.
	MinPrice, MaxPrice *big.Int
	// Terms keeps the offers whose terms are the policy preset of that
	// name, whose terms hash it is (0x and 64 hex digits), or whose terms
	// text (as far as the index has read it) contains it, in any case.
	Terms string
	// MinDuration and MaxDuration (inclusive; 0: no bound) keep the
	// offers of an access duration between them.
	MinDuration, MaxDuration time.Duration
	// Category, DescFields and Search filter on the offers' descriptions
	// (describe.go): the category (a page of one walks that category's
	// listing), field names the description lists (all of them), words of
	// its title (each, in any case). An offer whose description is not
	// read, or unreadable, matches none of them.
	Category   describe.Category
	DescFields []string
	Search     string
	// Filters are further conditions, each a Filter: the hook for filters
	// whose data lives outside this index (attested sources, field-level
	// offers). They are checked on each offer the page's ordering reaches.
	Filters []Filter

	// described is the index's description check (List sets it).
	described func(q *Query, o *Offer) (bool, error)
}

// Filter is a condition on offers whose data the index does not keep.
type Filter interface {
	// Key names the filter and its argument ("attested=eas:0x…"); it is
	// part of the fingerprint that ties a cursor to its query.
	Key() string
	// Match says whether the offer passes.
	Match(ctx context.Context, o *Offer) (bool, error)
}

// Page is one page of offers and the cursor of the next ("" when this is
// the last).
type Page struct {
	Offers []Offer
	Next   string
}

// Plans: which key space a page walks, chosen from the filters so that the
// most selective one the index keeps a key for drives the walk.
const (
	planAll byte = iota + 1
	planForMe
	planOwner
	planTerms
	planPrice
	planDuration
	planCategory
)

type scanRange struct {
	sub    []byte // appended to the plan's base: the prefix walked
	lo, hi []byte // bounds of the sort key's first bytes, inclusive (nil: none)
}

type plan struct {
	id     byte
	base   []byte
	ranges []scanRange
	// merge: the walk covers public offers only; the viewer's private
	// offers that pass are merged in by sortKey.
	merge   bool
	sortKey func(o *Offer) []byte
	none    bool // the filters match nothing
}

func (ix *Index) plan(q *Query) (*plan, error) {
	ds := func(o *Offer) []byte { return o.id() }
	owner := q.Owner
	if q.Mine {
		owner = q.Viewer
	}
	switch {
	case q.ForMe:
		return &plan{id: planForMe, base: cat(pfxTo, q.Viewer[:]), ranges: []scanRange{{}}, sortKey: ds}, nil
	case owner != (common.Address{}):
		return &plan{id: planOwner, base: cat(pfxBy, owner[:]), ranges: []scanRange{{}}, merge: true, sortKey: ds}, nil
	case q.Terms != "":
		hs, err := ix.termsHashes(q.Terms)
		if err != nil {
			return nil, err
		}
		p := &plan{id: planTerms, base: pfxTerms, merge: true, none: len(hs) == 0,
			sortKey: func(o *Offer) []byte { return cat(o.TermsHash[:], u64(o.Dataset)) }}
		for _, h := range hs {
			p.ranges = append(p.ranges, scanRange{sub: h[:]})
		}
		return p, nil
	case q.Category != "":
		return categoryPlan(q.Category), nil
	case q.MinPrice != nil || q.MaxPrice != nil:
		r := scanRange{}
		if q.MinPrice != nil {
			r.lo = price32(q.MinPrice)
		}
		if q.MaxPrice != nil {
			r.hi = price32(q.MaxPrice)
		}
		return &plan{id: planPrice, base: pfxPrice, ranges: []scanRange{r}, merge: true,
			sortKey: func(o *Offer) []byte { return cat(price32(o.Price), o.id()) }}, nil
	case q.MinDuration > 0 || q.MaxDuration > 0:
		r := scanRange{}
		if q.MinDuration > 0 {
			r.lo = u64(uint64(q.MinDuration / time.Second))
		}
		if q.MaxDuration > 0 {
			r.hi = u64(uint64(q.MaxDuration / time.Second))
		}
		return &plan{id: planDuration, base: pfxDuration, ranges: []scanRange{r}, merge: true,
			sortKey: func(o *Offer) []byte { return cat(u64(uint64(o.Duration/time.Second)), o.id()) }}, nil
	}
	return &plan{id: planAll, base: pfxAll, ranges: []scanRange{{}}, merge: true, sortKey: ds}, nil
}

// termsHashes are the terms hashes Query.Terms names, sorted.
func (ix *Index) termsHashes(terms string) ([][32]byte, error) {
	var out [][32]byte
	if p, ok := policy.Preset(terms); ok {
		out = append(out, p.Hash())
	}
	if len(terms) == 66 && (strings.HasPrefix(terms, "0x") || strings.HasPrefix(terms, "0X")) {
		if b, err := hex.DecodeString(terms[2:]); err == nil {
			out = append(out, [32]byte(b))
		}
	}
	want := strings.ToLower(terms)
	// The distinct texts the index has read: far fewer than its offers.
	err := ix.st.Scan(pfxText, nil, func(k, v []byte) (bool, error) {
		if strings.Contains(strings.ToLower(string(v)), want) {
			out = append(out, [32]byte(k[len(pfxText):]))
		}
		return true, nil
	})
	slices.SortFunc(out, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	return slices.Compact(out), err
}

func (q *Query) check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadQuery, fmt.Sprintf(format, args...))
	}
	switch {
	case q.Limit < 0 || q.Limit > MaxLimit:
		return bad("a page holds 1 to %d offers, not %d", MaxLimit, q.Limit)
	case q.MinPrice != nil && q.MinPrice.Sign() < 0, q.MaxPrice != nil && q.MaxPrice.Sign() < 0:
		return bad("a price cannot be negative")
	case q.MinPrice != nil && q.MaxPrice != nil && q.MinPrice.Cmp(q.MaxPrice) > 0:
		return bad("the lowest price %s wei is above the highest %s wei", q.MinPrice, q.MaxPrice)
	case q.MaxPrice != nil && q.MaxPrice.BitLen() > 256, q.MinPrice != nil && q.MinPrice.BitLen() > 256:
		return bad("a price is at most 2^256-1 wei")
	case q.MinDuration < 0 || q.MaxDuration < 0:
		return bad("a duration cannot be negative")
	case q.MaxDuration > 0 && q.MinDuration > q.MaxDuration:
		return bad("the shortest duration %s is above the longest %s", q.MinDuration, q.MaxDuration)
	case q.Mine && q.ForMe:
		return bad("an offer cannot be both yours and made to you: ask for mine or for_me, not both")
	case q.Mine && q.Owner != (common.Address{}) && q.Owner != q.Viewer:
		return bad("mine keeps your own offers; owner names another account")
	case len(q.Terms) > 256:
		return bad("the terms filter is at most 256 characters")
	}
	return q.checkDescribed()
}

// fingerprint ties a cursor to the filters of its query.
func (q *Query) fingerprint() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "viewer=%s owner=%s mine=%t forme=%t", q.Viewer.Hex(), q.Owner.Hex(), q.Mine, q.ForMe)
	fmt.Fprintf(&b, " min=%v max=%v terms=%q mind=%d maxd=%d", q.MinPrice, q.MaxPrice, q.Terms, q.MinDuration, q.MaxDuration)
	b.WriteString(q.describedFingerprint())
	for _, f := range q.Filters {
		fmt.Fprintf(&b, " %q", f.Key())
	}
	h := sha256.Sum256([]byte(b.String()))
	return h[:8]
}

// A cursor (spec/market-index-v3.md) is base64url of: version 2, the plan,
// the query's fingerprint (8 bytes), the sort key of the last offer passed
// (at most 32 + 8 + 32 bytes: a price, a dataset, a terms hash). A cursor
// of version 1 (a dataset's one offer) is refused: ask again from the start.
const (
	cursorVersion = 2
	maxSortKey    = 32 + 8 + 32
)

func encodeCursor(planID byte, fp, key []byte) string {
	return base64.RawURLEncoding.EncodeToString(cat([]byte{cursorVersion, planID}, fp, key))
}

func decodeCursor(s string, planID byte, fp []byte) ([]byte, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) < 10 || b[0] != cursorVersion || len(b) > 10+maxSortKey {
		return nil, fmt.Errorf("%w: %q is not a market cursor (use the next of a page as it was given)", ErrBadQuery, s)
	}
	if b[1] != planID || !bytes.Equal(b[2:10], fp) {
		return nil, fmt.Errorf("%w: the cursor belongs to a query with other filters; ask again without after to start over", ErrBadQuery)
	}
	return b[10:], nil
}

// visible says whether viewer may see o: a private offer is listed for
// its buyer and its owner only.
func visible(o *Offer, viewer common.Address) bool {
	return !o.Private() || o.Buyer == viewer || o.Owner == viewer
}

func (q *Query) match(ctx context.Context, o *Offer, termsSet [][32]byte) (bool, error) {
	owner := q.Owner
	if q.Mine {
		owner = q.Viewer
	}
	switch {
	case !visible(o, q.Viewer),
		q.ForMe && o.Buyer != q.Viewer,
		owner != (common.Address{}) && o.Owner != owner,
		q.MinPrice != nil && o.Price.Cmp(q.MinPrice) < 0,
		q.MaxPrice != nil && o.Price.Cmp(q.MaxPrice) > 0,
		q.MinDuration > 0 && o.Duration < q.MinDuration,
		q.MaxDuration > 0 && o.Duration > q.MaxDuration,
		q.Terms != "" && !slices.Contains(termsSet, o.TermsHash):
		return false, nil
	}
	if q.described != nil {
		if ok, err := q.described(q, o); err != nil || !ok {
			return false, err
		}
	}
	for _, f := range q.Filters {
		if ok, err := f.Match(ctx, o); err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

type keyed struct {
	key []byte
	o   Offer
}

// List returns one page of the market for q. Offers come in the order of
// the page's plan (by dataset id; by owner then id; by terms hash, price or
// duration then id when that filter drives the page) and a page's Next
// picks up after its last offer, so paging on while offers are added or
// withdrawn never repeats an offer nor skips one that stayed open.
func (ix *Index) List(ctx context.Context, q Query) (Page, error) {
	if err := q.check(); err != nil {
		return Page{}, err
	}
	q.described = ix.matchDescribed
	limit := q.Limit
	if limit == 0 {
		limit = DefaultLimit
	}
	p, err := ix.plan(&q)
	if err != nil {
		return Page{}, err
	}
	fp := q.fingerprint()
	var after []byte
	if q.After != "" {
		if after, err = decodeCursor(q.After, p.id, fp); err != nil {
			return Page{}, err
		}
	}
	if p.none {
		return Page{Offers: []Offer{}}, nil
	}
	var termsSet [][32]byte
	for _, r := range p.ranges {
		if p.id == planTerms {
			termsSet = append(termsSet, [32]byte(r.sub))
		}
	}

	// Walk the plan's key space after the cursor, keeping up to limit+1
	// offers that pass (one more tells whether a next page exists).
	var got []keyed
	examined := 0
	var stoppedAt []byte // the last key examined when the budget ran out
	for _, r := range p.ranges {
		if len(got) > limit || stoppedAt != nil {
			break
		}
		prefix := cat(p.base, r.sub)
		from := prefix
		if r.lo != nil {
			from = cat(prefix, r.lo)
		}
		if after != nil {
			a := append(cat(p.base, after), 0)
			if bytes.Compare(a, from) > 0 {
				from = a
			}
		}
		if !bytes.HasPrefix(from, prefix) && bytes.Compare(from, prefix) > 0 {
			continue // the cursor is past this range
		}
		err := ix.st.Scan(prefix, from, func(k, v []byte) (bool, error) {
			sk := k[len(p.base):]
			if r.hi != nil {
				lead := sk[len(r.sub):]
				if bytes.Compare(lead[:min(len(r.hi), len(lead))], r.hi) > 0 {
					return false, nil
				}
			}
			o, err := decodeOffer(v)
			if err != nil {
				return false, err
			}
			ok, err := q.match(ctx, &o, termsSet)
			if err != nil {
				return false, err
			}
			if ok {
				got = append(got, keyed{key: slices.Clone(sk), o: o})
			}
			examined++
			if len(got) > limit {
				return false, nil
			}
			if examined >= ix.budget {
				stoppedAt = slices.Clone(sk)
				return false, nil
			}
			return true, nil
		})
		if err != nil {
			return Page{}, err
		}
	}
	if p.merge {
		priv, err := ix.private(ctx, &q, p, after, stoppedAt, termsSet)
		if err != nil {
			return Page{}, err
		}
		got = append(got, priv...)
		slices.SortFunc(got, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	}
	page := Page{Offers: []Offer{}}
	for i := 0; i < len(got) && i < limit; i++ {
		page.Offers = append(page.Offers, got[i].o)
	}
	switch {
	case len(got) > limit:
		page.Next = encodeCursor(p.id, fp, got[limit-1].key)
	case stoppedAt != nil:
		page.Next = encodeCursor(p.id, fp, stoppedAt)
	}
	return page, nil
}

// private lists the viewer's private offers (made by it or to it) that
// pass q, with their sort keys after after (and up to upto when not nil).
// They are few, against the whole market: all of them, kept in memory
// after the first page (memo.go).
func (ix *Index) private(ctx context.Context, q *Query, p *plan, after, upto []byte, termsSet [][32]byte) ([]keyed, error) {
	all, err := ix.privateOffers(q.Viewer)
	if err != nil {
		return nil, err
	}
	var out []keyed
	for _, o := range all {
		// The offers are shared with the pages that follow: this
		// page's own copy, price included.
		o.Price = new(big.Int).Set(o.Price)
		k := p.sortKey(&o)
		if (after != nil && bytes.Compare(k, after) <= 0) || (upto != nil && bytes.Compare(k, upto) > 0) {
			continue
		}
		ok, err := q.match(ctx, &o, termsSet)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, keyed{key: k, o: o})
		}
	}
	return out, nil
}
