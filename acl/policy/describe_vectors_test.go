package policy

import (
	"slices"
	"strings"
	"testing"
)

// TestVectorsDescribed reads testdata/vectors-v3.json: policies of profile
// version 3, an offer's describing its dataset (pdx:dataset) and a
// campaign's wants (pdx:wants), with their canonical bytes, hashes and
// words — the description's lines and the one "Wants:" line — and the
// documents a reader refuses, each with the reason.
func TestVectorsDescribed(t *testing.T) {
	checkVectorFile(t, "vectors-v3.json", ProfileDescribed, 3, 8, func(t *testing.T, p *Policy) {
		if p.Dataset == nil && p.Wants == nil {
			t.Error("a v3 vector neither describes nor wants")
		}
		if p.Dataset != nil && !slices.ContainsFunc(p.Describe(), func(l string) bool { return strings.HasPrefix(l, "Dataset: "+p.Dataset.Title) }) {
			t.Errorf("the words do not say the dataset's title: %q", p.Describe())
		}
		if p.Wants != nil && !slices.Contains(p.Describe(), p.Wants.Line()) {
			t.Errorf("the words do not say the wants: %q", p.Describe())
		}
	})
	// Without a description or wants a policy keeps its earlier bytes.
	p := &Policy{Permitted: []string{"use"}}
	if !strings.Contains(string(p.Bytes()), Profile) {
		t.Fatalf("a policy without a description is %s", p.Bytes())
	}
}
