package daemon

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestPolicyRoutes: the presets and vocabulary a client builds a policy
// from; a grant under a preset shows the policy in plain words to the
// owner and is bound by its hash; a malformed policy, a policy with a
// purpose, an expiry beyond the policy's and an offer duration that
// contradicts it are refused with a 400 that says what and where, and
// change nothing.
func TestPolicyRoutes(t *testing.T) {
	w := newWorld(t)
	o, b := w.owner, w.brand
	brandAddr := b.h.Address().Hex()

	var pl PolicyList
	o.mustCall(t, http.StatusOK, "GET", "/v1/policies", nil, &pl)
	names := map[string]*PolicyView{}
	for _, p := range pl.Presets {
		names[p.Name] = p.Policy
	}
	if names["analytics-only"] == nil || names["open-cc-by"] == nil || len(pl.Purposes) < 20 || len(pl.Actions) < 5 {
		t.Fatalf("GET /v1/policies: %+v", pl)
	}

	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets?create=true", CreateRequest{Name: "history"}, nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/versions", "rows", nil)

	bad := []struct {
		name, path string
		body       any
		says       string
	}{
		{"malformed policy", "/v1/datasets/history/grants",
			map[string]any{"grantee": brandAddr, "expires": "30d", "policy": json.RawMessage(`{"profile":"urn:pdx:odrl-profile:v1","@type":"Set","permission":[{"action":"use"}],"oops":1}`)},
			`the key "oops" is not part of the pdx policy profile`},
		{"unknown preset", "/v1/datasets/history/grants", map[string]any{"grantee": brandAddr, "expires": "30d", "policy": "analytics"}, `"analytics" is not a preset`},
		{"policy and purpose", "/v1/datasets/history/grants", map[string]any{"grantee": brandAddr, "expires": "30d", "purpose": "research", "policy": "analytics-only"}, "not both"},
		{"no duration anywhere", "/v1/datasets/history/grants", map[string]any{"grantee": brandAddr, "policy": "analytics-only"}, "expires is required: the policy sets no duration"},
		{"offer duration contradicts", "/v1/datasets/history/offer", map[string]any{"price_wei": "1000", "duration": "7d", "policy": policyWithDuration(t)}, "contradicts the policy's 30d"},
		{"grant beyond the policy", "/v1/datasets/history/grants", map[string]any{"grantee": brandAddr, "expires": "60d", "policy": policyWithDuration(t)}, "later than the policy permits"},
	}
	for _, c := range bad {
		r := o.call(t, "POST", c.path, c.body)
		if r.status != http.StatusBadRequest || !strings.Contains(r.apiError(t).Message, c.says) {
			t.Errorf("%s: %d %s, want 400 saying %q", c.name, r.status, r.body, c.says)
		}
	}
	var gl GrantList
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets/history/grants", nil, &gl)
	if len(gl.Grants) != 0 {
		t.Fatalf("a refused grant left a grant: %+v", gl.Grants)
	}

	var g GrantResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/grants",
		map[string]any{"grantee": brandAddr, "policy": policyWithDuration(t), "threshold": 2}, &g)
	if g.Policy == nil || g.Policy.MaxReads != 3 || g.Purpose != "three reads in a month" {
		t.Fatalf("grant under a policy answered %+v", g)
	}
	if exp, _ := time.Parse(time.RFC3339, g.Expires); time.Until(exp) < 29*24*time.Hour || time.Until(exp) > 31*24*time.Hour {
		t.Errorf("a grant under a 30-day policy expires %s", g.Expires)
	}
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets/history/grants", nil, &gl)
	if len(gl.Grants) != 1 || gl.Grants[0].Policy == nil || gl.Grants[0].Policy.Hash != g.Policy.Hash || gl.Grants[0].Legacy {
		t.Fatalf("the owner's grants do not show the policy: %+v", gl.Grants)
	}
	if !strings.Contains(strings.Join(gl.Grants[0].Policy.Describe, "\n"), "Reads: at most 3.") {
		t.Errorf("the policy in plain words: %q", gl.Grants[0].Policy.Describe)
	}
	// The brand reads the same policy from IPFS by the grant's hash.
	var gd GrantedList
	b.mustCall(t, http.StatusOK, "GET", "/v1/granted", nil, &gd)
	if len(gd.Grants) != 1 || gd.Grants[0].Policy == nil || gd.Grants[0].Policy.Hash != g.Policy.Hash {
		t.Fatalf("the brand's granted does not show the policy: %+v", gd.Grants)
	}
}

func policyWithDuration(t *testing.T) json.RawMessage {
	t.Helper()
	return json.RawMessage(`{"@context":["http://www.w3.org/ns/odrl.jsonld",{"dct":"http://purl.org/dc/terms/","dpv":"https://w3id.org/dpv#","xsd":"http://www.w3.org/2001/XMLSchema#"}],
"@type":"Set","profile":"urn:pdx:odrl-profile:v1","dct:description":"three reads in a month",
"permission":[{"action":"use","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":3},{"leftOperand":"elapsedTime","operator":"lteq","rightOperand":{"@value":"P30D","@type":"xsd:duration"}}]}]}`)
}
