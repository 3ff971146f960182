package policy

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/internal/errkind"
)

var update = flag.Bool("update", false, "write the expected results of testdata/vectors-v1.json from the code (review the diff)")

// vectors is testdata/vectors-v1.json: documents with what parsing them
// must give, the refused ones with the error they must get, and the
// presets' canonical bytes, which offers and grants already made depend on.
type vectors struct {
	Spec    string        `json:"spec"`
	Profile string        `json:"profile"`
	Valid   []validVector `json:"valid"`
	Invalid []struct {
		Name     string `json:"name"`
		Document string `json:"document"`
		Error    string `json:"error"`
	} `json:"invalid"`
	Presets []presetVector `json:"presets"`
}

type validVector struct {
	Name      string   `json:"name"`
	Document  string   `json:"document"`
	Permits   []string `json:"permits"`
	Refuses   []string `json:"refuses"`
	Canonical string   `json:"canonical"`
	Hash      string   `json:"sha256"`
	CID       string   `json:"cid"`
	MaxReads  int      `json:"maxReads"`
	Describe  []string `json:"describe"`
}

type presetVector struct {
	Name      string   `json:"name"`
	Canonical string   `json:"canonical"`
	Hash      string   `json:"sha256"`
	CID       string   `json:"cid"`
	Describe  []string `json:"describe"`
}

func TestVectors(t *testing.T) {
	path := filepath.Join("testdata", "vectors-v1.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if v.Profile != Profile {
		t.Fatalf("vectors are of profile %q, the code is %q", v.Profile, Profile)
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
			if string(p.Bytes()) != e.Canonical {
				t.Errorf("canonical bytes\n got %s\nwant %s", p.Bytes(), e.Canonical)
			}
			if hex.EncodeToString(h[:]) != e.Hash || p.CID().String() != e.CID {
				t.Errorf("hash %x cid %s, want %s %s", h, p.CID(), e.Hash, e.CID)
			}
			if n != e.MaxReads {
				t.Errorf("MaxReads %d, want %d", n, e.MaxReads)
			}
			if !slices.Equal(p.Describe(), e.Describe) {
				t.Errorf("Describe\n got %q\nwant %q", p.Describe(), e.Describe)
			}
			// The canonical form is a fixed point: parsed again it is the
			// same policy, byte for byte.
			q, err := Parse(p.Bytes())
			if err != nil || string(q.Bytes()) != string(p.Bytes()) {
				t.Errorf("canonical form does not parse to itself: %v", err)
			}
			for _, pu := range e.Permits {
				if err := p.Permits(pu); err != nil {
					t.Errorf("Permits(%q) = %v, want nil", pu, err)
				}
			}
			for _, pu := range e.Refuses {
				if err := p.Permits(pu); !errors.Is(err, ErrPurposeRefused) || !errors.Is(err, errkind.Refused.Err()) {
					t.Errorf("Permits(%q) = %v, want a refusal", pu, err)
				}
			}
		})
	}
	for _, e := range v.Invalid {
		t.Run("invalid/"+e.Name, func(t *testing.T) {
			_, err := Parse([]byte(e.Document))
			if err == nil {
				t.Fatal("Parse accepted it")
			}
			if !errors.Is(err, ErrInvalid) || !errors.Is(err, errkind.Usage.Err()) {
				t.Errorf("error %v is not ErrInvalid of kind usage", err)
			}
			if !strings.Contains(err.Error(), e.Error) {
				t.Errorf("error %q does not say %q", err, e.Error)
			}
		})
	}
	if *update {
		v.Presets = nil
		for _, n := range Presets() {
			p, _ := Preset(n)
			h := p.Hash()
			v.Presets = append(v.Presets, presetVector{n, string(p.Bytes()), hex.EncodeToString(h[:]), p.CID().String(), p.Describe()})
		}
	}
	var names []string
	for _, e := range v.Presets {
		names = append(names, e.Name)
		p, ok := Preset(e.Name)
		if !ok {
			t.Errorf("preset %q of the vectors is gone: offers made with it can no longer be named by it", e.Name)
			continue
		}
		h := p.Hash()
		if string(p.Bytes()) != e.Canonical || hex.EncodeToString(h[:]) != e.Hash || p.CID().String() != e.CID || !slices.Equal(p.Describe(), e.Describe) {
			t.Errorf("preset %q changed: got %s %x", e.Name, p.Bytes(), h)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("preset %q: %v", e.Name, err)
		}
	}
	if !slices.Equal(names, Presets()) {
		t.Errorf("vectors list presets %v, the code %v", names, Presets())
	}
	if *update {
		out, _ := json.MarshalIndent(v, "", " ")
		if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The presets the CLI documents exist and say what they promise.
func TestPresets(t *testing.T) {
	a, ok := Preset("analytics-only")
	if !ok {
		t.Fatal("no analytics-only preset")
	}
	if err := a.Permits("dpv:CommercialResearch"); err != nil {
		t.Errorf("analytics-only refuses research: %v", err)
	}
	if err := a.Permits("dpv:Marketing"); !errors.Is(err, ErrPurposeRefused) {
		t.Errorf("analytics-only permits marketing: %v", err)
	}
	if a.PermitsAction("sell") || a.PermitsAction("distribute") || !slices.Contains(a.Prohibited, "sell") {
		t.Errorf("analytics-only does not prohibit resale and sharing: %+v", a)
	}
	c, ok := Preset("open-cc-by")
	if !ok {
		t.Fatal("no open-cc-by preset")
	}
	if !c.Attribution || c.License != "https://creativecommons.org/licenses/by/4.0/" || !c.PermitsAction("distribute") {
		t.Errorf("open-cc-by is not CC BY: %+v", c)
	}
	// A preset is a copy: changing it changes no later Preset.
	a.Purposes[0] = "dpv:Marketing"
	if b, _ := Preset("analytics-only"); b.Purposes[0] == "dpv:Marketing" {
		t.Error("Preset returned the shared preset, not a copy")
	}
	if _, ok := Preset("nope"); ok {
		t.Error("Preset found an unknown name")
	}
}

func TestLoad(t *testing.T) {
	p, err := Load("open-cc-by")
	if err != nil || p.License == "" {
		t.Fatalf("Load(preset) = %v, %v", p, err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "p.json")
	q := &Policy{Permitted: []string{"use"}, Reads: 3, Duration: 48 * time.Hour}
	if err := os.WriteFile(good, q.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := Load(good)
	if err != nil || got.Hash() != q.Hash() {
		t.Fatalf("Load(file) = %v, %v", got, err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"permission":[]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bad); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), bad) {
		t.Errorf("Load(bad file) = %v, want ErrInvalid naming the file", err)
	}
	if _, err := Load("analytics"); !errors.Is(err, ErrUnknownPreset) || !strings.Contains(err.Error(), "analytics-only") {
		t.Errorf("Load(unknown) = %v, want ErrUnknownPreset listing the presets", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); !errors.Is(err, ErrUnknownPreset) {
		t.Errorf("Load(missing file) = %v", err)
	}
}

func TestPermitsUnknown(t *testing.T) {
	p, _ := Preset("no-resale")
	for _, s := range []string{"", "  ", "dpv:Nope", "analytics"} {
		if err := p.Permits(s); !errors.Is(err, ErrUnknownPurpose) || !errors.Is(err, errkind.Usage.Err()) {
			t.Errorf("Permits(%q) = %v, want ErrUnknownPurpose", s, err)
		}
	}
}

func TestExpiry(t *testing.T) {
	t0 := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &Policy{Permitted: []string{"use"}, Duration: 30 * 24 * time.Hour}
	if got := p.Expiry(t0); !got.Equal(t0.Add(30 * 24 * time.Hour)) {
		t.Errorf("Expiry = %v", got)
	}
	p.Until = t0.Add(24 * time.Hour)
	if got := p.Expiry(t0); !got.Equal(p.Until) {
		t.Errorf("Expiry with an earlier end = %v", got)
	}
	if got := (&Policy{}).Expiry(t0); !got.IsZero() {
		t.Errorf("Expiry of no limit = %v", got)
	}
}

// Every purpose of the vocabulary reaches the top of the DPV tree through
// purposes the vocabulary has: a broader term missing from the list would
// make a policy naming it unparseable and its narrower terms unmatched.
func TestVocabulary(t *testing.T) {
	for p, bs := range purposes {
		for _, b := range bs {
			if _, ok := purposes[b]; !ok {
				t.Errorf("%s is under %s, which the vocabulary lacks", p, b)
			}
		}
	}
	if !within("CommercialResearch", "ResearchAndDevelopment") || within("ResearchAndDevelopment", "CommercialResearch") {
		t.Error("within is not narrower-than")
	}
}
