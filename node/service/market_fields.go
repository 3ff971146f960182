package service

import (
	"context"
	"slices"
	"strings"

	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/node/market"
)

// FieldsFilter keeps the field-level offers (docs/policy.md, "Fields"):
// those whose usage policy names fields, and, when Fields is not empty,
// names every one of them. It is the market index's Filter hook: an
// offer's policy lives on IPFS, not in the index.
type FieldsFilter struct {
	s      *Service
	Fields []string
}

// NewFieldsFilter makes the filter of the market's fields= parameter:
// "any" for every field-level offer, or comma-separated field names.
func (s *Service) NewFieldsFilter(arg string) (*FieldsFilter, error) {
	f := &FieldsFilter{s: s}
	if arg == "any" {
		return f, nil
	}
	for _, n := range strings.Split(arg, ",") {
		if err := fieldsplit.ValidName(n); err != nil {
			return nil, err
		}
		if !slices.Contains(f.Fields, n) {
			f.Fields = append(f.Fields, n)
		}
	}
	slices.Sort(f.Fields)
	return f, nil
}

// Key names the filter in the page cursor's fingerprint.
func (f *FieldsFilter) Key() string {
	if len(f.Fields) == 0 {
		return "fields=any"
	}
	return "fields=" + strings.Join(f.Fields, ",")
}

// Match reads the offer's terms (bounded by TermsWait; terms no node
// serves, or that are not a policy, do not match).
func (f *FieldsFilter) Match(ctx context.Context, o *market.Offer) (bool, error) {
	text, err := f.s.TermsText(ctx, o.TermsHash, TermsWait)
	if err != nil {
		return false, nil
	}
	pol, err := TermsPolicy(text)
	if err != nil || pol == nil || len(pol.Fields) == 0 {
		return false, nil
	}
	for _, n := range f.Fields {
		if !slices.Contains(pol.Fields, n) {
			return false, nil
		}
	}
	return true, nil
}
