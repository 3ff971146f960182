package service

import (
	"strings"
	"testing"

	"github.com/pdx-network/pdx/acl/policy"
)

// TestPurposesWithin: a campaign's policy is within the owner's purposes
// only when every purpose it permits is one of them or narrower; naming
// none permits any and is never within; an empty list accepts nothing.
func TestPurposesWithin(t *testing.T) {
	allowed := []string{"dpv:ResearchAndDevelopment", "dpv:ServiceOptimisation"}
	for _, tc := range []struct {
		purposes []string
		allowed  []string
		refused  string
	}{
		{[]string{"dpv:ResearchAndDevelopment"}, allowed, ""},
		{[]string{"dpv:AcademicResearch"}, allowed, ""}, // narrower than research and development
		{[]string{"dpv:ResearchAndDevelopment", "dpv:Marketing"}, allowed, "dpv:Marketing"},
		{nil, allowed, "any purpose"},
		{[]string{"dpv:ResearchAndDevelopment"}, nil, "list is empty"},
	} {
		err := PurposesWithin(&policy.Policy{Purposes: tc.purposes}, tc.allowed)
		switch {
		case tc.refused == "" && err != nil:
			t.Errorf("%v within %v: %v", tc.purposes, tc.allowed, err)
		case tc.refused != "" && (err == nil || !strings.Contains(err.Error(), tc.refused)):
			t.Errorf("%v within %v: %v, want a refusal naming %q", tc.purposes, tc.allowed, err, tc.refused)
		}
	}
	if err := CheckPurposes([]string{"dpv:ResearchAndDevelopment"}); err != nil {
		t.Fatal(err)
	}
	if err := CheckPurposes([]string{"dpv:Nonsense"}); err == nil {
		t.Fatal("an unknown DPV purpose passed")
	}
}

// The config checks a category's shape only; the daemon refuses at start
// a word that is not a term of the vocabulary.
func TestCheckCategories(t *testing.T) {
	if err := CheckCategories([]string{"purchases", "health"}); err != nil {
		t.Fatal(err)
	}
	if err := CheckCategories([]string{"purchases", "shoes"}); err == nil || !strings.Contains(err.Error(), `"shoes" is not a category`) {
		t.Fatalf("shoes: %v", err)
	}
}
