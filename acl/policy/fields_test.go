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

// TestVectorsFields reads testdata/vectors-v2.json: policies of profile
// version 2, which name the fields of a split dataset they cover, with
// their canonical bytes, hashes and descriptions, and the documents a
// reader refuses. Version-1 documents are unchanged (TestVectors).
func TestVectorsFields(t *testing.T) {
	path := filepath.Join("testdata", "vectors-v2.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if v.Profile != ProfileFields || len(v.Valid) < 2 || len(v.Invalid) < 5 {
		t.Fatalf("vectors of profile %q: %d valid, %d invalid", v.Profile, len(v.Valid), len(v.Invalid))
	}
	for i := range v.Valid {
		e := &v.Valid[i]
		t.Run("valid/"+e.Name, func(t *testing.T) {
			p, err := Parse([]byte(e.Document))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			h := p.Hash()
			n, _ := p.MaxReads()
			if *update {
				e.Canonical, e.Hash, e.CID, e.MaxReads, e.Describe = string(p.Bytes()), hex.EncodeToString(h[:]), p.CID().String(), n, p.Describe()
			}
			if string(p.Bytes()) != e.Canonical || hex.EncodeToString(h[:]) != e.Hash || p.CID().String() != e.CID {
				t.Errorf("canonical %s hash %x, want %s %s", p.Bytes(), h, e.Canonical, e.Hash)
			}
			if !slices.Equal(p.Describe(), e.Describe) {
				t.Errorf("Describe %q, want %q", p.Describe(), e.Describe)
			}
			if len(p.Fields) == 0 || !IsDocument(p.Bytes()) {
				t.Errorf("fields %q", p.Fields)
			}
			q, err := Parse(p.Bytes())
			if err != nil || string(q.Bytes()) != string(p.Bytes()) {
				t.Errorf("canonical form does not parse to itself: %v", err)
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
	// A policy without fields is still written under version 1.
	p := &Policy{Permitted: []string{"use"}}
	if !strings.Contains(string(p.Bytes()), Profile) {
		t.Fatalf("a policy without fields is %s", p.Bytes())
	}
}
