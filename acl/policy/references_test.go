package policy

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestVectorsReferences reads testdata/references-v1.json: policies that
// name the owner's published off-chain attestations (dct:references, ipfs://
// IRIs of raw blocks), in canonical form sorted, and the lists a reader
// refuses. A policy without references keeps its bytes (TestVectors).
func TestVectorsReferences(t *testing.T) {
	path := filepath.Join("testdata", "references-v1.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Valid) < 2 || len(v.Invalid) < 6 {
		t.Fatalf("%d valid, %d invalid vectors", len(v.Valid), len(v.Invalid))
	}
	for i := range v.Valid {
		e := &v.Valid[i]
		t.Run("valid/"+e.Name, func(t *testing.T) {
			p, err := Parse([]byte(e.Document))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			h := p.Hash()
			if *update {
				e.Canonical, e.Hash, e.CID, e.Describe = string(p.Bytes()), hex.EncodeToString(h[:]), p.CID().String(), p.Describe()
			}
			if string(p.Bytes()) != e.Canonical || hex.EncodeToString(h[:]) != e.Hash || p.CID().String() != e.CID {
				t.Errorf("canonical %s hash %x, want %s %s", p.Bytes(), h, e.Canonical, e.Hash)
			}
			if !slices.Equal(p.Describe(), e.Describe) {
				t.Errorf("Describe %q, want %q", p.Describe(), e.Describe)
			}
			if len(p.Attestations) == 0 || !slices.IsSorted(p.Attestations) {
				t.Errorf("attestations %q", p.Attestations)
			}
			q, err := Parse(p.Bytes())
			if err != nil || string(q.Bytes()) != string(p.Bytes()) {
				t.Errorf("canonical form does not parse to itself: %v", err)
			}
			// Without its references it is another document.
			bare := *p
			bare.Attestations = nil
			if bare.Hash() == p.Hash() || strings.Contains(string(bare.Bytes()), "dct:references") {
				t.Errorf("dropping the references leaves %s", bare.Bytes())
			}
		})
	}
	for _, e := range v.Invalid {
		t.Run("invalid/"+e.Name, func(t *testing.T) {
			_, err := Parse([]byte(e.Document))
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), e.Error) {
				t.Fatalf("Parse = %v, want ErrInvalid saying %q", err, e.Error)
			}
		})
	}
	if *update {
		b, _ := json.MarshalIndent(v, "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
