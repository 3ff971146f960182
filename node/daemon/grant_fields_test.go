package daemon

import (
	"net/http"

	"github.com/pdx-network/pdx/acl/policy"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestGrantFieldsEdit: PUT …/grants/{grantee}/fields changes the fields of
// a live field grant and nothing else — the policy is made again naming
// the new fields, expiry, threshold and proxies kept — the brand's
// /v1/granted shows the fields it holds, and its next get returns only
// them. Bad input (no field, a field the dataset lacks, a grantee with no
// live grant) is refused and changes nothing.
func TestGrantFieldsEdit(t *testing.T) {
	w := newWorld(t)
	owner, brand := w.owner, w.brand
	var put PutResponse
	owner.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/profile/versions?create=true&fields=json",
		`{"name":"Ana Martin","email":"ana@example.org","age":34,"city":"Lyon"}`, &put)
	grantee := brand.h.Address().Hex()
	var g GrantResponse
	owner.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/profile/grants",
		map[string]any{"grantee": grantee, "policy": "research-only", "expires": "2d", "fields": []string{"age", "city"}}, &g)
	if !slices.Equal(g.Fields, []string{"age", "city"}) {
		t.Fatalf("the field grant covers %v", g.Fields)
	}
	var before GrantList
	owner.mustCall(t, http.StatusOK, "GET", "/v1/datasets/profile/grants", nil, &before)

	path := "/v1/datasets/profile/grants/" + grantee + "/fields"
	for _, c := range []struct {
		path   string
		fields []string
		status int
		says   string
	}{
		{path, nil, http.StatusBadRequest, "at least one field"},
		{path, []string{"age", "salary"}, http.StatusBadRequest, "salary"},
		{"/v1/datasets/profile/grants/" + w.proxies[0].Hex() + "/fields", []string{"age"}, http.StatusNotFound, "no live grant"},
	} {
		r := owner.call(t, "PUT", c.path, GrantFieldsRequest{Fields: c.fields})
		if r.status != c.status || !strings.Contains(r.apiError(t).Message, c.says) {
			t.Errorf("PUT %v: %d %s, want %d saying %q", c.fields, r.status, r.body, c.status, c.says)
		}
	}
	var same GrantList
	owner.mustCall(t, http.StatusOK, "GET", "/v1/datasets/profile/grants", nil, &same)
	if len(same.Grants) != len(before.Grants) {
		t.Fatalf("refused changes made grants: %d, before %d", len(same.Grants), len(before.Grants))
	}

	var changed GrantResponse
	owner.mustCall(t, http.StatusOK, "PUT", path, GrantFieldsRequest{Fields: []string{"age"}}, &changed)
	var after GrantList
	owner.mustCall(t, http.StatusOK, "GET", "/v1/datasets/profile/grants", nil, &after)
	now, was := after.Grants[0], after.Grants[1]
	switch {
	case !slices.Equal(now.Fields, []string{"age"}) || !now.Active || was.Active:
		t.Fatalf("after removing city: now %+v, before %+v", now, was)
	case now.Expires != was.Expires || now.Threshold != was.Threshold || !slices.Equal(now.Proxies, was.Proxies):
		t.Errorf("the change moved the grant's expiry, threshold or proxies: now %+v, before %+v", now, was)
	case now.Policy == nil || was.Policy == nil || now.Policy.Hash == was.Policy.Hash ||
		!slices.Equal(policyFields(t, now.Policy), []string{"age"}) || !slices.Equal(policyFields(t, was.Policy), []string{"age", "city"}):
		t.Errorf("the policy does not name the new fields: %s", now.Policy.Document)
	case !slices.Equal(now.Policy.Purposes, was.Policy.Purposes):
		t.Errorf("the policy's purposes changed: %v, before %v", now.Policy.Purposes, was.Policy.Purposes)
	}

	var granted GrantedList
	brand.mustCall(t, http.StatusOK, "GET", "/v1/granted", nil, &granted)
	if len(granted.Grants) != 1 || !slices.Equal(granted.Grants[0].Fields, []string{"age"}) {
		t.Fatalf("the brand's view of its grants: %+v", granted.Grants)
	}
	// The proxies follow the new grant a poll away.
	deadline := time.Now().Add(20 * time.Second)
	for {
		r := brand.call(t, "GET", "/v1/cids/"+put.CID+"?purpose=dpv:AcademicResearch", nil)
		if r.status == http.StatusOK && strings.TrimSpace(string(r.body)) == `{"age":34}` {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the brand's get after removing city: %d %s", r.status, r.body)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// policyFields is the fields a shown policy's document names.
func policyFields(t *testing.T, v *PolicyView) []string {
	t.Helper()
	p, err := policy.Parse(v.Document)
	if err != nil {
		t.Fatalf("the policy shown does not parse: %v", err)
	}
	return p.Fields
}
