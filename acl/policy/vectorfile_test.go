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

// checkVectorFile runs the checks every later vector file shares: each
// valid document parses to its canonical bytes, hash, CID and words, and
// its canonical form parses to itself; each invalid one is refused with
// ErrInvalid saying its reason. extra adds a file's own checks of a valid
// policy. profile, when not empty, is the profile the file must be of;
// -update rewrites the file from the code.
func checkVectorFile(t *testing.T, name, profile string, minValid, minInvalid int, extra func(t *testing.T, p *Policy)) {
	t.Helper()
	path := filepath.Join("testdata", name)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if (profile != "" && v.Profile != profile) || len(v.Valid) < minValid || len(v.Invalid) < minInvalid {
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
			if *update {
				n, _ := p.MaxReads()
				e.Canonical, e.Hash, e.CID, e.MaxReads, e.Describe = string(p.Bytes()), hex.EncodeToString(h[:]), p.CID().String(), n, p.Describe()
			}
			if string(p.Bytes()) != e.Canonical || hex.EncodeToString(h[:]) != e.Hash || p.CID().String() != e.CID {
				t.Errorf("canonical %s hash %x, want %s %s", p.Bytes(), h, e.Canonical, e.Hash)
			}
			if !slices.Equal(p.Describe(), e.Describe) {
				t.Errorf("Describe %q, want %q", p.Describe(), e.Describe)
			}
			extra(t, p)
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
}
