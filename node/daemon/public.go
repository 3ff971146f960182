package daemon

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/cli"
)

// CannotRecall is what publishing cannot take back, said before a dataset is
// published and again when it is withdrawn.
const CannotRecall = "anyone may copy a public version while it is public; unpublishing stops this node serving it and marks the dataset withdrawn on chain, but copies already taken (by other IPFS nodes, gateways or people) cannot be recalled"

// PublishRequest is the body of POST /v1/datasets/{name}/publish.
type PublishRequest struct {
	// Policy is the policy document (acl/policy's JSON-LD; docs/policy.md)
	// the dataset is published under: its licence and attribution.
	Policy json.RawMessage `json:"policy,omitempty"`
	// Preset names one of pdx's policy presets instead ("open-cc-by"); the
	// dashboard sends it. Exactly one of Policy and Preset.
	Preset string `json:"preset,omitempty"`
	// Confirm acknowledges CannotRecall; a publish without it is refused.
	Confirm bool `json:"confirm"`
}

// PublishResponse is a dataset made public.
type PublishResponse struct {
	Dataset    string   `json:"dataset"`
	ID         uint64   `json:"id"`
	Visibility string   `json:"visibility"`
	PolicyHash string   `json:"policy_hash"`
	PolicyCID  string   `json:"policy_cid"`
	Policy     []string `json:"policy"` // the policy in plain words
	Block      uint64   `json:"block"`
	Warning    string   `json:"warning"`
}

func (d *Daemon) publish(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	var req PublishRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	var p *policy.Policy
	switch {
	case len(req.Policy) > 0 && req.Preset != "":
		return badRequest("send either policy or preset, not both")
	case req.Preset != "":
		var ok bool
		if p, ok = policy.Preset(req.Preset); !ok {
			return badRequest("preset %q is not a policy preset (%s)", req.Preset, strings.Join(policy.Presets(), ", "))
		}
	case len(req.Policy) > 0:
		if p, err = policy.Parse(req.Policy); err != nil {
			return cli.Say(badRequest("policy: %v", err), fmt.Sprintf("the policy is not usable: %v", err))
		}
	default:
		return badRequest("policy is missing: send the policy document the dataset is published under (docs/policy.md), or a preset name")
	}
	if !req.Confirm {
		return cli.Say(badRequest("confirm is not true: %s", CannotRecall),
			"publishing needs your confirmation: "+CannotRecall)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	res, err := d.s.Publish(r.Context(), e.ID, p)
	if err != nil {
		return err
	}
	if err := d.index.Update(name, false, func(e *Entry) { e.Visibility = "public" }); err != nil {
		return fmt.Errorf("the dataset is public on chain but the index was not updated: %w", err)
	}
	d.record(Record{Kind: KindPublish, Dataset: name, ID: e.ID, Purpose: res.PolicyHash})
	writeJSON(w, http.StatusOK, PublishResponse{Dataset: name, ID: e.ID, Visibility: "public", PolicyHash: res.PolicyHash,
		PolicyCID: res.PolicyCID, Policy: p.Describe(), Block: res.Block, Warning: CannotRecall})
	return nil
}

// isPublicVersion reports whether c is a public version of one of this
// home's datasets (the index records which versions were put public).
func (d *Daemon) isPublicVersion(c cid.Cid) bool {
	for _, e := range d.index.List() {
		for _, v := range e.Versions {
			if v.Public && v.CID == c.String() {
				return true
			}
		}
	}
	return false
}

// UnpublishResponse is a dataset withdrawn from public view.
type UnpublishResponse struct {
	Dataset    string   `json:"dataset"`
	ID         uint64   `json:"id"`
	Visibility string   `json:"visibility"`
	Unpinned   []string `json:"unpinned"` // the public versions this node no longer serves
	Block      uint64   `json:"block"`
	CannotUndo string   `json:"cannot_undo"`
}

func (d *Daemon) unpublish(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	var cids []cid.Cid
	out := UnpublishResponse{Dataset: name, ID: e.ID, Visibility: "withdrawn", Unpinned: []string{}, CannotUndo: CannotRecall}
	for _, v := range e.Versions {
		if !v.Public {
			continue
		}
		c, err := cid.Decode(v.CID)
		if err != nil {
			return fmt.Errorf("%w: version %d of %q has CID %q: %v", ErrDamaged, v.Version, name, v.CID, err)
		}
		cids = append(cids, c)
		out.Unpinned = append(out.Unpinned, v.CID)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	_, block, err := d.s.Unpublish(r.Context(), e.ID, cids)
	if block == 0 {
		return err // refused on chain: nothing changed
	}
	if uerr := d.index.Update(name, false, func(e *Entry) { e.Visibility = "withdrawn" }); uerr != nil && err == nil {
		err = fmt.Errorf("the dataset is withdrawn on chain but the index was not updated: %w", uerr)
	}
	if err != nil {
		return err
	}
	out.Block = block
	d.record(Record{Kind: KindUnpublish, Dataset: name, ID: e.ID})
	writeJSON(w, http.StatusOK, out)
	return nil
}
