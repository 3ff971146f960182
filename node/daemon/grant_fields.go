package daemon

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/service"
)

// Changing the fields of a live grant (node/fieldsplit/FIELDS.md: adding a
// field is granting again with a larger set, removing one is granting
// again without it). The route keeps everything else of the grant as the
// chain recorded it — its purpose or usage policy, expiry, threshold and
// proxies — so the dashboard's "Change fields" is one call and cannot
// widen or shift a grant by retyping its terms.

// GrantFieldsRequest is the body of PUT /v1/datasets/{name}/grants/{grantee}/fields.
type GrantFieldsRequest struct {
	// Fields are the field groups the grant covers from now on, named as
	// the dataset's newest version names them; at least one (a grant of
	// nothing is a revocation: DELETE the grant).
	Fields []string `json:"fields"`
}

// ErrNoLiveGrant: the grantee has no live grant on the dataset to change.
var ErrNoLiveGrant = errkind.New(errkind.NotFound, "the account has no live grant on this dataset")

// ErrGrantUnreadable: the live grant's bundle could not be read (from this
// node's IPFS, within a few seconds), so its proxies are not known and it
// cannot be granted again as it was.
var ErrGrantUnreadable = errkind.New(errkind.Unavailable, "the grant's kfrag bundle cannot be read now")

func (d *Daemon) grantFieldsEdit(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	var req GrantFieldsRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	e, key, err := d.dataset(name)
	if err != nil {
		return err
	}
	grantee, err := parseAddress("grantee", r.PathValue("grantee"))
	if err != nil {
		return err
	}
	if len(req.Fields) == 0 {
		return badRequest("name at least one field the grant keeps; to end the grant, revoke it")
	}
	fields, err := d.grantFields(name, e, req.Fields)
	if err != nil {
		return err
	}
	gs, err := d.s.DatasetGrants(r.Context(), e.ID)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(gs, func(g service.GrantRecord) bool { return g.Grantee == grantee && g.Active })
	if i < 0 {
		return cli.Say(fmt.Errorf("%w: %s on %q", ErrNoLiveGrant, grantee.Hex(), name), fmt.Sprintf("%s has no live grant on %q: grant it first", grantee.Hex(), name))
	}
	g := gs[i]
	if g.Proxies == nil {
		return cli.Say(fmt.Errorf("%w: %s (the grant of %s on %q)", ErrGrantUnreadable, g.BundleCID, grantee.Hex(), name), fmt.Sprintf("the grant of %s on %q cannot be read from IPFS now: try again in a moment", grantee.Hex(), name))
	}
	req2 := service.GrantRequest{Dataset: e.ID, DatasetKey: key, Grantee: grantee, Expiry: g.Expiry,
		Threshold: int(g.Threshold), Proxies: g.Proxies, Fields: fields, FromBundle: g.Bundle}
	// The grant's terms, as the chain holds their hash: a policy is made
	// again naming the new fields (a new document, a new hash: docs/policy.md
	// "Fields"); a plain purpose is kept as it is.
	texts, _ := d.resolveTerms(r.Context(), d.termsBook(), [][32]byte{g.PurposeHash})
	text := texts[g.PurposeHash]
	pol, err := service.TermsPolicy(text)
	if err != nil {
		return err
	}
	switch {
	case pol != nil:
		np := *pol
		np.Fields = nil
		for _, f := range fields {
			np.Fields = append(np.Fields, f.Name)
		}
		slices.Sort(np.Fields)
		if req2.Policy, err = d.withAttestations(r.Context(), e, &np); err != nil {
			return err
		}
	case text != "":
		req2.Purpose = text
	default:
		h := g.PurposeHash
		req2.PurposeHash = &h
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	res, err := d.s.Grant(r.Context(), req2)
	if err != nil {
		return err
	}
	purpose := req2.Purpose
	if req2.Policy != nil {
		purpose = string(req2.Policy.Bytes())
	}
	shown, pv, _ := readTerms(purpose)
	out := GrantResponse{Dataset: name, ID: e.ID, Grantee: grantee.Hex(), Purpose: shown, Policy: pv,
		Expires: g.Expiry.UTC().Format(time.RFC3339), Threshold: res.Threshold, Bundle: res.Bundle, Block: res.Block, Proxies: []string{}, Fields: res.Fields}
	for _, p := range res.Proxies {
		out.Proxies = append(out.Proxies, p.Hex())
	}
	d.record(Record{Kind: KindGrant, Dataset: name, ID: e.ID, Block: res.Block, Grantee: out.Grantee, Purpose: purpose, Expires: out.Expires})
	writeJSON(w, http.StatusOK, out)
	return nil
}
