package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/fieldsplit"
)

// A dataset holds one open offer per terms hash (contracts/spec/registry-v4.md):
// an owner offers some fields at one price and the whole dataset at
// another. This file lists a dataset's offers and picks the one a buyer or
// a withdrawal names.

// MaxDatasetOffers bounds the distinct terms hashes read of one dataset's
// offers: a hostile owner can open any number, and a buyer's node reads no
// more than this many (the newest first).
const MaxDatasetOffers = 256

// ErrOfferAmbiguous: the dataset has several open offers and the request
// named none of them.
var ErrOfferAmbiguous = errkind.New(errkind.Usage, "the dataset has several offers")

// ErrNoSuchOffer: no open offer of the dataset matches what was named.
var ErrNoSuchOffer = errkind.New(errkind.NotFound, "no such offer")

// DatasetOffer is one open offer of a dataset with what its terms say, as
// far as they could be read (Text empty when no node served them).
type DatasetOffer struct {
	acl.Offer
	Dataset uint64
	Text    string
	// Fields are the fields the offer's usage policy names; empty: the
	// whole dataset (or terms that are no policy).
	Fields []string
}

// Label names the offer for a person: its fields, or "all fields".
func (o DatasetOffer) Label() string {
	if len(o.Fields) == 0 {
		return "all fields"
	}
	return "fields " + strings.Join(o.Fields, ",")
}

// OffersOf lists the open offers of a dataset, newest first: the terms
// hashes its Offered events named (at most MaxDatasetOffers), each asked
// of the chain (offerOf) so that withdrawn and erased ones drop out. Their
// terms texts are read from IPFS (bounded by TermsWait together).
func (s *Service) OffersOf(ctx context.Context, dataset uint64) ([]DatasetOffer, error) {
	evs, err := s.cfg.Chain.Offered(ctx, s.since(), acl.OfferedFilter{Dataset: &dataset})
	if err != nil {
		return nil, err
	}
	var hashes [][32]byte
	for i := len(evs) - 1; i >= 0 && len(hashes) < MaxDatasetOffers; i-- {
		if !slices.Contains(hashes, evs[i].TermsHash) {
			hashes = append(hashes, evs[i].TermsHash)
		}
	}
	out := []DatasetOffer{}
	for _, h := range hashes {
		o, err := s.cfg.Chain.OfferOf(ctx, dataset, h)
		if errors.Is(err, acl.ErrNoOpenOffer) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, DatasetOffer{Offer: o, Dataset: dataset})
	}
	tctx, cancel := context.WithTimeout(ctx, TermsWait)
	defer cancel()
	for i := range out {
		text, err := s.TermsText(tctx, out[i].TermsHash, TermsWait)
		if err != nil {
			continue
		}
		out[i].Text = text
		if p, err := TermsPolicy(text); err == nil && p != nil {
			out[i].Fields = p.Fields
		}
	}
	return out, nil
}

// OfferPick names one offer of a dataset: by its terms hash, by the fields
// its policy names (All: the offer of the whole dataset), or by its terms
// text. The zero value names the dataset's only offer.
type OfferPick struct {
	TermsHash *[32]byte
	Fields    []string
	All       bool
	Terms     string
}

func (p OfferPick) empty() bool {
	return p.TermsHash == nil && len(p.Fields) == 0 && !p.All && p.Terms == ""
}

// PickOffer finds the open offer of dataset that pick names. With several
// offers open and nothing named it is ErrOfferAmbiguous, listing them; a
// pick no open offer matches is ErrNoSuchOffer.
func (s *Service) PickOffer(ctx context.Context, dataset uint64, pick OfferPick) (*DatasetOffer, error) {
	if len(pick.Fields) > 0 {
		for _, n := range pick.Fields {
			if err := fieldsplit.ValidName(n); err != nil {
				return nil, err
			}
		}
		pick.Fields = slices.Compact(slices.Sorted(slices.Values(pick.Fields)))
	}
	if pick.TermsHash != nil || pick.Terms != "" {
		// Named by hash or text: one offerOf, no log read.
		hs := [][32]byte{}
		if pick.TermsHash != nil {
			hs = append(hs, *pick.TermsHash)
		} else {
			hs = append(hs, TermsHash(pick.Terms), LegacyTermsHash(pick.Terms))
		}
		for _, h := range hs {
			o, err := s.cfg.Chain.OfferOf(ctx, dataset, h)
			if errors.Is(err, acl.ErrNoOpenOffer) {
				continue
			}
			if err != nil {
				return nil, err
			}
			d := &DatasetOffer{Offer: o, Dataset: dataset, Text: pick.Terms}
			if p, err := TermsPolicy(pick.Terms); err == nil && p != nil {
				d.Fields = p.Fields
			}
			return d, nil
		}
		offers, err := s.OffersOf(ctx, dataset)
		if err != nil {
			return nil, err
		}
		if pick.TermsHash == nil && len(offers) > 0 {
			if p, _ := TermsPolicy(pick.Terms); p != nil {
				return nil, fmt.Errorf("%w: the offers of dataset %d have another usage policy than the one given (hash %x); read the offers again:\n%s", ErrTermsMismatch, dataset, p.Hash(), listOffers(offers))
			}
			return nil, fmt.Errorf("%w: the offers of dataset %d have other terms than %q; read the offers again:\n%s", ErrTermsMismatch, dataset, pick.Terms, listOffers(offers))
		}
		return nil, noOffer(dataset, fmt.Sprintf("terms 0x%x", hs[0]), offers)
	}
	offers, err := s.OffersOf(ctx, dataset)
	if err != nil {
		return nil, err
	}
	if len(offers) == 0 {
		return nil, fmt.Errorf("%w: dataset %d is not offered for sale: nothing was paid; the market lists the open offers", ErrNoSuchOffer, dataset)
	}
	if pick.empty() {
		if len(offers) == 1 {
			return &offers[0], nil
		}
		return nil, fmt.Errorf("%w: dataset %d has %d offers; name one with --fields (or --all-fields for the whole dataset) or --terms HASH:\n%s", ErrOfferAmbiguous, dataset, len(offers), listOffers(offers))
	}
	var found []DatasetOffer
	for _, o := range offers {
		if pick.All && len(o.Fields) == 0 || len(pick.Fields) > 0 && slices.Equal(o.Fields, pick.Fields) {
			found = append(found, o)
		}
	}
	what := "the whole dataset"
	if len(pick.Fields) > 0 {
		what = "the fields " + strings.Join(pick.Fields, ",")
	}
	switch len(found) {
	case 0:
		return nil, noOffer(dataset, what, offers)
	case 1:
		return &found[0], nil
	}
	return nil, fmt.Errorf("%w: dataset %d has %d offers of %s; name one with --terms HASH:\n%s", ErrOfferAmbiguous, dataset, len(found), what, listOffers(found))
}

func noOffer(dataset uint64, what string, offers []DatasetOffer) error {
	if len(offers) == 0 {
		return fmt.Errorf("%w: dataset %d has no open offer of %s: nothing was paid; the market lists the open offers", ErrNoSuchOffer, dataset, what)
	}
	return fmt.Errorf("%w: dataset %d has no open offer of %s; its offers are:\n%s", ErrNoSuchOffer, dataset, what, listOffers(offers))
}

// listOffers is one line per offer: terms hash, what it covers, price.
func listOffers(offers []DatasetOffer) string {
	var b strings.Builder
	for i, o := range offers {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "  --terms 0x%x  %s  %s wei for %s", o.TermsHash, o.Label(), o.Price, config.Duration(o.Duration))
		if o.Private() {
			fmt.Fprintf(&b, " (private, to %s)", o.Buyer.Hex())
		}
	}
	return b.String()
}

// WithdrawOffers closes the offers of dataset that pick names (every
// open one when all is set) and returns their terms hashes. Nothing named
// and several open is ErrOfferAmbiguous.
func (s *Service) WithdrawOffers(ctx context.Context, dataset uint64, pick OfferPick, all bool) ([][32]byte, error) {
	var hs [][32]byte
	if all {
		offers, err := s.OffersOf(ctx, dataset)
		if err != nil {
			return nil, err
		}
		if len(offers) == 0 {
			return nil, fmt.Errorf("%w: dataset %d has no open offer", ErrNoSuchOffer, dataset)
		}
		for _, o := range offers {
			hs = append(hs, o.TermsHash)
		}
	} else {
		o, err := s.PickOffer(ctx, dataset, pick)
		if err != nil {
			return nil, err
		}
		hs = append(hs, o.TermsHash)
	}
	for i, h := range hs {
		if _, err := s.cfg.Chain.WithdrawOffer(ctx, dataset, h); err != nil {
			return hs[:i], err
		}
	}
	return hs, nil
}
