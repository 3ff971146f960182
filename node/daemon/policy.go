package daemon

import (
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/service"
)

// PolicyView is a usage policy (docs/policy.md) as the API shows it: in
// plain words (Describe, one line per term) and as the document itself.
type PolicyView struct {
	Hash       string   `json:"hash"` // SHA-256 of the document: the grant's purpose_hash, the offer's terms_hash
	CID        string   `json:"cid"`  // where the document is on IPFS
	Describe   []string `json:"describe"`
	Purposes   []string `json:"purposes"` // DPV purposes; empty means any
	Permitted  []string `json:"permitted"`
	Prohibited []string `json:"prohibited"`
	MaxReads   int      `json:"max_reads,omitempty"`
	Duration   string   `json:"duration,omitempty"`
	Until      string   `json:"until,omitempty"`
	License    string   `json:"license,omitempty"`
	// Dataset is an offer's description of its dataset (profile v3).
	Dataset  *describe.Description `json:"dataset,omitempty"`
	Document json.RawMessage       `json:"document"`
}

// String is the policy in plain words on one line, for text output.
func (v *PolicyView) String() string { return strings.Join(v.Describe, " ") + " (" + v.CID + ")" }

func policyView(p *policy.Policy) *PolicyView {
	h := p.Hash()
	v := &PolicyView{Hash: "0x" + hex.EncodeToString(h[:]), CID: p.CID().String(), Describe: p.Describe(),
		Purposes: nonNil(p.Purposes), Permitted: nonNil(p.Permitted), Prohibited: nonNil(p.Prohibited),
		License: p.License, Dataset: p.Dataset, Document: p.Bytes()}
	if n, ok := p.MaxReads(); ok {
		v.MaxReads = n
	}
	if p.Duration > 0 {
		v.Duration = config.Duration(p.Duration).String()
	}
	if !p.Until.IsZero() {
		v.Until = p.Until.UTC().Format("2006-01-02T15:04:05Z")
	}
	return v
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// readTerms turns the text a grant's purpose hash or an offer's terms hash
// names into what the API shows: for a usage policy, its summary and its
// view; for a plain text (made before policies), the text and legacy true.
func readTerms(text string) (shown string, pv *PolicyView, legacy bool) {
	if text == "" {
		return "", nil, false
	}
	p, err := service.TermsPolicy(text)
	switch {
	case err != nil:
		return "(a malformed usage policy)", nil, false
	case p == nil:
		return text, nil, true
	}
	return policySummary(p), policyView(p), false
}

// policySummary is a policy in one line: its description, else its terms.
func policySummary(p *policy.Policy) string {
	if p.Description != "" {
		return p.Description
	}
	return strings.Join(p.Describe(), " ")
}

// parsePolicy reads the "policy" of a request: a preset's name (a JSON
// string) or the document itself (a JSON object); absent is nil.
func parsePolicy(raw json.RawMessage) (*policy.Policy, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var name string
	if json.Unmarshal(raw, &name) == nil {
		p, ok := policy.Preset(name)
		if !ok {
			return nil, badRequest("policy %q is not a preset (%s); give a preset's name or the policy document", name, strings.Join(policy.Presets(), ", "))
		}
		return p, nil
	}
	p, err := policy.Parse(raw)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// PresetView is one policy preset as GET /v1/policies lists it.
type PresetView struct {
	Name   string      `json:"name"`
	Policy *PolicyView `json:"policy"`
}

// PolicyList is the body of GET /v1/policies: the presets a grant or an
// offer may name, and the vocabulary a policy document may use, so a
// client (the dashboard's editor) starts from a preset and knows what the
// daemon accepts.
type PolicyList struct {
	Presets  []PresetView `json:"presets"`
	Purposes []string     `json:"purposes"` // DPV purposes, dpv: terms
	Actions  []string     `json:"actions"`  // ODRL actions
}

func (d *Daemon) policies(w http.ResponseWriter, _ *http.Request) error {
	out := PolicyList{Purposes: policy.Purposes(), Actions: policy.Actions()}
	for _, n := range policy.Presets() {
		p, _ := policy.Preset(n)
		out.Presets = append(out.Presets, PresetView{Name: n, Policy: policyView(p)})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
