package policy

import (
	"strings"
	"testing"
)

// TestVectorsFields reads testdata/vectors-v2.json: policies of profile
// version 2, which name the fields of a split dataset they cover, with
// their canonical bytes, hashes and descriptions, and the documents a
// reader refuses. Version-1 documents are unchanged (TestVectors).
func TestVectorsFields(t *testing.T) {
	checkVectorFile(t, "vectors-v2.json", ProfileFields, 2, 5, func(t *testing.T, p *Policy) {
		if len(p.Fields) == 0 || !IsDocument(p.Bytes()) {
			t.Errorf("fields %q", p.Fields)
		}
	})
	// A policy without fields is still written under version 1.
	p := &Policy{Permitted: []string{"use"}}
	if !strings.Contains(string(p.Bytes()), Profile) {
		t.Fatalf("a policy without fields is %s", p.Bytes())
	}
}
