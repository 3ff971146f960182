package describe_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdx-network/pdx/acl/describe"
)

type vector struct {
	Name  string `json:"name"`
	JSON  string `json:"json"`
	Error string `json:"error"`
}

type vectorSet struct {
	Valid   []vector `json:"valid"`
	Invalid []vector `json:"invalid"`
}

// TestVectors reads testdata/descriptions.json: each valid description
// and wants parses and writes itself back byte for byte (canonical form),
// each invalid one is refused as describe.ErrInvalid with its reason.
func TestVectors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "descriptions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Version      int       `json:"version"`
		Descriptions vectorSet `json:"descriptions"`
		Wants        vectorSet `json:"wants"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if v.Version != 1 || len(v.Descriptions.Valid) < 3 || len(v.Descriptions.Invalid) < 10 || len(v.Wants.Valid) < 2 || len(v.Wants.Invalid) < 3 {
		t.Fatalf("vectors: %+v", v)
	}
	for _, e := range v.Descriptions.Valid {
		d, err := describe.ParseDescription([]byte(e.JSON))
		if err != nil {
			t.Errorf("%s: %v", e.Name, err)
			continue
		}
		if string(d.Bytes()) != e.JSON || d.Validate() != nil || len(d.Lines()) == 0 {
			t.Errorf("%s: writes back as %s", e.Name, d.Bytes())
		}
	}
	for _, e := range v.Wants.Valid {
		w, err := describe.ParseWants([]byte(e.JSON))
		if err != nil {
			t.Errorf("%s: %v", e.Name, err)
			continue
		}
		if string(w.Bytes()) != e.JSON || !strings.HasPrefix(w.Line(), "Wants: "+string(w.Category)+" data") {
			t.Errorf("%s: writes back as %s (%s)", e.Name, w.Bytes(), w.Line())
		}
	}
	refused := func(kind string, e vector, err error) {
		if !errors.Is(err, describe.ErrInvalid) || !strings.Contains(err.Error(), e.Error) || e.Error == "" {
			t.Errorf("%s %s: %v, want ErrInvalid saying %q", kind, e.Name, err, e.Error)
		}
	}
	for _, e := range v.Descriptions.Invalid {
		_, err := describe.ParseDescription([]byte(e.JSON))
		refused("description", e, err)
	}
	for _, e := range v.Wants.Invalid {
		_, err := describe.ParseWants([]byte(e.JSON))
		refused("wants", e, err)
	}
}

// TestLeakVectors reads testdata/leaks.json: a leak check of each title
// and field names against the plaintext names the field of the value it
// finds (never the value), or accepts.
func TestLeakVectors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "leaks.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Note  string `json:"note"`
		Cases []struct {
			Name      string   `json:"name"`
			Plaintext string   `json:"plaintext"`
			Title     string   `json:"title"`
			Fields    []string `json:"fields"`
			Field     string   `json:"field"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Cases) < 8 {
		t.Fatalf("%d cases", len(v.Cases))
	}
	for _, c := range v.Cases {
		lc := describe.NewLeakCheck(&describe.Description{Title: c.Title, Category: "other", Fields: c.Fields})
		f, err := describe.Scan(strings.NewReader(c.Plaintext), lc.See)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if f.Format == "" { // as the daemon does: neither CSV nor JSON
			if err := describe.ScanText(strings.NewReader(c.Plaintext), lc.See); err != nil {
				t.Fatal(err)
			}
		}
		err = lc.Err()
		switch {
		case c.Field == "" && err != nil:
			t.Errorf("%s: refused: %v", c.Name, err)
		case c.Field == "*" && (!errors.Is(err, describe.ErrLeak) || f.Format != ""):
			t.Errorf("%s: %v (read as %q), want a refusal after reading it as text", c.Name, err, f.Format)
		case c.Field == "*":
		case c.Field != "" && (!errors.Is(err, describe.ErrLeak) || !strings.Contains(err.Error(), `field "`+c.Field+`"`)):
			t.Errorf("%s: %v, want a refusal naming the field %q", c.Name, err, c.Field)
		}
	}
}
