package policy

import (
	"slices"
	"strings"
	"testing"
)

// TestVectorsReferences reads testdata/references-v1.json: policies that
// name the owner's published off-chain attestations (dct:references, ipfs://
// IRIs of raw blocks), in canonical form sorted, and the lists a reader
// refuses. A policy without references keeps its bytes (TestVectors).
func TestVectorsReferences(t *testing.T) {
	checkVectorFile(t, "references-v1.json", "", 2, 6, func(t *testing.T, p *Policy) {
		if len(p.Attestations) == 0 || !slices.IsSorted(p.Attestations) {
			t.Errorf("attestations %q", p.Attestations)
		}
		// Without its references it is another document.
		bare := *p
		bare.Attestations = nil
		if bare.Hash() == p.Hash() || strings.Contains(string(bare.Bytes()), "dct:references") {
			t.Errorf("dropping the references leaves %s", bare.Bytes())
		}
	})
}
