package market

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/kvstore"
)

// An offer describes its dataset inside its usage policy (profile v3,
// "pdx:dataset"; acl/describe/DESCRIBE.md). The index reads the
// description out of the terms text once that text is read (SetTexts),
// keeps it by terms hash, and lists the public offers of each category
// under a key of their own, so that a page of one category walks only
// that category's offers (spec/market-index-v4.md). These keys are apart
// from the offer listings of index.go: a description is derived from a
// terms text, never from an event.

var (
	// pfxDescribed: terms hash → the description its text carries, in
	// canonical JSON; an empty value: the text claims one ("pdx:dataset")
	// that does not read (hostile or damaged), shown as unreadable.
	pfxDescribed = []byte("e/")
	// pfxCategory: category, 0x00, dataset, terms hash → record: the
	// public offers whose description is of that category.
	pfxCategory = []byte("c/")
)

// descKey is the key of a terms hash's description.
func descKey(th [32]byte) []byte { return cat(pfxDescribed, th[:]) }

func categoryBase(c describe.Category) []byte {
	return cat(pfxCategory, []byte(c), []byte{0})
}

// DescribedIn reads the description an offer's terms text carries: nil
// and false for a text that carries none (plain terms, a policy without
// pdx:dataset); unreadable when the text is a policy that names
// pdx:dataset but does not read (malformed, oversized, not canonical,
// control characters): the offer is still listed, its description shown
// as unreadable.
func DescribedIn(text string) (d *describe.Description, unreadable bool) {
	claims := strings.HasPrefix(strings.TrimSpace(text), "{") && strings.Contains(text, `"pdx:dataset"`)
	if !policy.IsDocument([]byte(text)) {
		return nil, claims
	}
	p, err := policy.Parse([]byte(text))
	if err != nil {
		return nil, claims
	}
	return p.Dataset, false
}

// Description is what the terms text of th says of its dataset, as the
// index read it: nil when the text is not read yet or carries none;
// unreadable when it carries one that does not read.
func (ix *Index) Description(th [32]byte) (d *describe.Description, unreadable bool, err error) {
	v, ok, err := ix.st.Get(descKey(th))
	if err != nil || !ok {
		return nil, false, err
	}
	return parseStored(v)
}

func parseStored(v []byte) (*describe.Description, bool, error) {
	if len(v) == 0 {
		return nil, true, nil
	}
	d, err := describe.ParseDescription(v)
	if err != nil {
		return nil, false, fmt.Errorf("%w: a stored description: %v", errDamaged, err)
	}
	return d, false, nil
}

// indexDescriptions, in SetTexts's batch, keeps the description each new
// text carries and lists the open public offers of its terms hash under
// its category (they were indexed before their text was read).
func (ix *Index) indexDescriptions(b *kvstore.Batch, texts map[[32]byte]string) error {
	for h, t := range texts {
		d, unreadable := DescribedIn(t)
		switch {
		case unreadable:
			b.Put(descKey(h), []byte{})
			continue
		case d == nil:
			continue
		}
		b.Put(descKey(h), d.Bytes())
		err := ix.st.Scan(cat(pfxTerms, h[:]), nil, func(_, v []byte) (bool, error) {
			o, err := decodeOffer(v)
			if err != nil {
				return false, err
			}
			b.Put(cat(categoryBase(d.Category), o.id()), v)
			return true, nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// describedKeys are the keys that list the public offer o by its
// description's category, when its terms text is read and carries one
// (settle adds and removes them with the offer's other listings).
func (t *txn) describedKeys(o *Offer) ([][]byte, error) {
	if o.Private() {
		return nil, nil
	}
	v, ok, err := t.get(descKey(o.TermsHash))
	if err != nil || !ok || len(v) == 0 {
		return nil, err
	}
	d, _, err := parseStored(v)
	if err != nil {
		return nil, err
	}
	return [][]byte{cat(categoryBase(d.Category), o.id())}, nil
}

// describes says whether q filters on descriptions.
func (q *Query) describes() bool {
	return q.Category != "" || len(q.DescFields) > 0 || strings.TrimSpace(q.Search) != ""
}

func (q *Query) checkDescribed() error {
	if q.Category != "" {
		if _, err := describe.ParseCategory(string(q.Category)); err != nil || string(q.Category) != strings.ToLower(string(q.Category)) {
			return fmt.Errorf("%w: category %q is not a term of the vocabulary", ErrBadQuery, q.Category)
		}
	}
	if len(q.DescFields) > describe.MaxFields {
		return fmt.Errorf("%w: at most %d fields", ErrBadQuery, describe.MaxFields)
	}
	for _, f := range q.DescFields {
		if (&describe.Description{Title: "x", Category: "other", Fields: []string{f}}).Validate() != nil {
			return fmt.Errorf("%w: %q is not a field name", ErrBadQuery, f)
		}
	}
	if len(q.Search) > 256 {
		return fmt.Errorf("%w: the search is at most 256 characters", ErrBadQuery)
	}
	return nil
}

func (q *Query) describedFingerprint() string {
	fs := slices.Clone(q.DescFields)
	slices.Sort(fs)
	return fmt.Sprintf(" category=%q dfields=%q search=%q", q.Category, strings.Join(fs, ","), strings.ToLower(strings.TrimSpace(q.Search)))
}

// matchDescribed checks o's description against the query's category,
// fields and search words: an offer without a readable description
// matches none of them.
func (ix *Index) matchDescribed(q *Query, o *Offer) (bool, error) {
	if !q.describes() {
		return true, nil
	}
	d, _, err := ix.Description(o.TermsHash)
	if err != nil || d == nil {
		return false, err
	}
	if q.Category != "" && d.Category != q.Category {
		return false, nil
	}
	for _, f := range q.DescFields {
		if !slices.Contains(d.Fields, f) {
			return false, nil
		}
	}
	title := strings.ToLower(d.Title)
	for _, w := range strings.Fields(strings.ToLower(q.Search)) {
		if !strings.Contains(title, w) {
			return false, nil
		}
	}
	return true, nil
}

// categoryPlan walks the public offers of one category, by dataset id
// then terms hash.
func categoryPlan(c describe.Category) *plan {
	return &plan{id: planCategory, base: categoryBase(c), ranges: []scanRange{{}}, merge: true,
		sortKey: func(o *Offer) []byte { return o.id() }}
}
