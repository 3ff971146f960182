package daemon

import (
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/node/service"
)

// A dataset holds one offer per terms hash (contracts/spec/registry-v4.md):
// an owner offers some fields at one price and the whole dataset at
// another. This file makes a field-set offer's policy, and names which of
// a dataset's offers a buy or a withdrawal means.

// offerFields returns the usage policy of an offer of req.Fields (or of the
// fields a policy given names): each must be a field group of the
// dataset's newest version. Without fields it returns pol as given. An
// offer of fields without a policy gets the plainest one: use permitted,
// the terms as its description, those fields.
func (d *Daemon) offerFields(name string, e Entry, pol *policy.Policy, req OfferRequest) (*policy.Policy, error) {
	fields := req.Fields
	if len(fields) == 0 && pol != nil {
		fields = pol.Fields
	}
	if len(fields) == 0 {
		return pol, nil
	}
	have := latestFields(e)
	if len(have) == 0 {
		return nil, cli.Say(badRequest("dataset %q has no version split into fields: put one with fields=json or fields=csv before offering its fields", name),
			fmt.Sprintf("the newest version of %q is not split into fields: put it again with pdx put FILE --dataset %s --fields, then offer its fields", name, name))
	}
	sel, err := fieldsplit.SelectFrom(have, fields)
	if err != nil {
		return nil, err
	}
	slices.Sort(sel)
	if req.RequireAttestation {
		return nil, badRequest("require_attestation needs plain terms, and an offer of fields is made under a policy: offer the fields without it")
	}
	if pol == nil {
		if strings.TrimSpace(req.Terms) == "" {
			return nil, badRequest("terms are required: the purpose buyers of these fields may use them for")
		}
		return &policy.Policy{Description: req.Terms, Permitted: []string{"use"}, Fields: sel}, nil
	}
	if len(pol.Fields) > 0 && !slices.Equal(pol.Fields, sel) {
		return nil, badRequest("fields %s differ from the policy's %s: leave fields out or make them equal", strings.Join(sel, ","), strings.Join(pol.Fields, ","))
	}
	pol.Fields = sel
	if err := pol.Validate(); err != nil {
		return nil, err
	}
	return pol, nil
}

// offerPick names one of a dataset's offers from a request: its terms
// text (or a policy's document), its terms hash, its fields, or the whole
// dataset's offer. At most one way.
func offerPick(terms, termsHash string, fields []string, all bool) (service.OfferPick, error) {
	var p service.OfferPick
	n := 0
	for _, set := range []bool{terms != "", termsHash != "", len(fields) > 0, all} {
		if set {
			n++
		}
	}
	if n > 1 {
		return p, badRequest("name the offer one way: terms, terms_hash, fields or all_fields")
	}
	p.Terms, p.Fields, p.All = terms, fields, all
	if termsHash != "" {
		h, err := parseTermsHash(termsHash)
		if err != nil {
			return p, err
		}
		p.TermsHash = &h
	}
	for _, f := range fields {
		if err := fieldsplit.ValidName(f); err != nil {
			return p, badRequest("fields: %v", err)
		}
	}
	return p, nil
}

func parseTermsHash(s string) ([32]byte, error) {
	var h [32]byte
	b, err := hex.DecodeString(strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X"))
	if err != nil || len(b) != 32 || !strings.HasPrefix(strings.ToLower(s), "0x") {
		return h, badRequest("terms_hash %q is not a terms hash (0x and 64 hex digits, as the market shows it)", s)
	}
	copy(h[:], b)
	return h, nil
}

// WithdrawOfferRequest is the body of POST /v1/datasets/{name}/offer/withdraw:
// which of the dataset's offers to close (one way), or All of them.
type WithdrawOfferRequest struct {
	TermsHash string   `json:"terms_hash,omitempty"`
	Fields    []string `json:"fields,omitempty"`
	AllFields bool     `json:"all_fields,omitempty"`
	All       bool     `json:"all,omitempty"`
}

// WithdrawOfferResponse lists the offers closed, by terms hash.
type WithdrawOfferResponse struct {
	Dataset   string   `json:"dataset"`
	ID        uint64   `json:"id"`
	Withdrawn []string `json:"withdrawn"`
}

func (d *Daemon) withdrawOffer(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	var req WithdrawOfferRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	if req.All && (req.TermsHash != "" || len(req.Fields) > 0 || req.AllFields) {
		return badRequest("all closes every offer of the dataset: name no offer with it")
	}
	pick, err := offerPick("", req.TermsHash, req.Fields, req.AllFields)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	hs, err := d.s.WithdrawOffers(r.Context(), e.ID, pick, req.All)
	out := WithdrawOfferResponse{Dataset: name, ID: e.ID, Withdrawn: []string{}}
	for _, h := range hs {
		out.Withdrawn = append(out.Withdrawn, hexutil.Encode(h[:]))
		if e.Terms != "" && service.TermsHash(e.Terms) == h {
			if uerr := d.index.Update(name, false, func(e *Entry) { e.Terms = "" }); uerr != nil && err == nil {
				err = uerr
			}
		}
		d.record(Record{Kind: KindWithdrawOffer, Dataset: name, ID: e.ID, Purpose: hexutil.Encode(h[:])})
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
