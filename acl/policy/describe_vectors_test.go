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

// TestVectorsDescribed reads testdata/vectors-v3.json: policies of profile
// version 3, an offer's describing its dataset (pdx:dataset) and a
// campaign's wants (pdx:wants), with their canonical bytes, hashes and
// words — the description's lines and the one "Wants:" line — and the
// documents a reader refuses, each with the reason.
func TestVectorsDescribed(t *testing.T) {
	path := filepath.Join("testdata", "vectors-v3.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if v.Profile != ProfileDescribed || len(v.Valid) < 3 || len(v.Invalid) < 8 {
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
			if p.Dataset == nil && p.Wants == nil {
				t.Error("a v3 vector neither describes nor wants")
			}
			if p.Dataset != nil && !slices.ContainsFunc(p.Describe(), func(l string) bool { return strings.HasPrefix(l, "Dataset: "+p.Dataset.Title) }) {
				t.Errorf("the words do not say the dataset's title: %q", p.Describe())
			}
			if p.Wants != nil && !slices.Contains(p.Describe(), p.Wants.Line()) {
				t.Errorf("the words do not say the wants: %q", p.Describe())
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
	// Without a description or wants a policy keeps its earlier bytes.
	p := &Policy{Permitted: []string{"use"}}
	if !strings.Contains(string(p.Bytes()), Profile) {
		t.Fatalf("a policy without a description is %s", p.Bytes())
	}
}
