package fieldsplit

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/fields-v1.json from the cases' inputs (review the diff)")

// vectorFile is testdata/fields-v1.json: documents, their split, and the
// documents subsets of their groups join back to (FIELDS.md).
type vectorFile struct {
	Comment string       `json:"comment"`
	Cases   []vectorCase `json:"cases"`
	Errors  []errorCase  `json:"errors"`
}

type vectorCase struct {
	Name   string       `json:"name"`
	Format Format       `json:"format"`
	Doc    string       `json:"doc"`
	Schema *Schema      `json:"schema,omitempty"`
	Order  []string     `json:"order"`
	Parts  []vectorPart `json:"parts"`
	Joins  []vectorJoin `json:"joins"`
}

type vectorPart struct {
	Name  string   `json:"name"`
	Paths []string `json:"paths"`
	Data  string   `json:"data"`
}

type vectorJoin struct {
	Fields []string `json:"fields"`
	Doc    string   `json:"doc"`
}

type errorCase struct {
	Name   string  `json:"name"`
	Format Format  `json:"format"`
	Doc    string  `json:"doc"`
	Schema *Schema `json:"schema,omitempty"`
	Error  string  `json:"error"`
}

func readVectors(t *testing.T) *vectorFile {
	t.Helper()
	b, err := os.ReadFile("testdata/fields-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectorFile
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return &v
}

func TestSplitVectors(t *testing.T) {
	v := readVectors(t)
	if len(v.Cases) < 4 || len(v.Errors) < 6 {
		t.Fatalf("the vector file has %d cases and %d error cases", len(v.Cases), len(v.Errors))
	}
	for i := range v.Cases {
		c := &v.Cases[i]
		t.Run(c.Name, func(t *testing.T) {
			parts, order, err := Split(c.Format, []byte(c.Doc), c.Schema)
			if err != nil {
				t.Fatal(err)
			}
			if *update {
				c.Order, c.Parts = order, nil
				for _, p := range parts {
					c.Parts = append(c.Parts, vectorPart{p.Name, p.Paths, string(p.Data)})
				}
			}
			if strings.Join(order, "\x00") != strings.Join(c.Order, "\x00") {
				t.Fatalf("order %q, want %q", order, c.Order)
			}
			if len(parts) != len(c.Parts) {
				t.Fatalf("%d parts, want %d", len(parts), len(c.Parts))
			}
			groups := make([]Group, len(parts))
			data := map[string][]byte{}
			for j, p := range parts {
				w := c.Parts[j]
				if p.Name != w.Name || strings.Join(p.Paths, "\x00") != strings.Join(w.Paths, "\x00") || string(p.Data) != w.Data {
					t.Fatalf("part %d = %s %q %q, want %s %q %q", j, p.Name, p.Paths, p.Data, w.Name, w.Paths, w.Data)
				}
				groups[j] = Group{p.Name, p.Paths}
				data[p.Name] = p.Data
			}
			for k := range c.Joins {
				j := &c.Joins[k]
				sub := map[string][]byte{}
				for _, f := range j.Fields {
					sub[f] = data[f]
				}
				got, err := Join(c.Format, order, groups, sub)
				if err != nil {
					t.Fatal(err)
				}
				if *update {
					j.Doc = string(got)
				}
				if string(got) != j.Doc {
					t.Fatalf("join of %q = %q, want %q", j.Fields, got, j.Doc)
				}
				// Whatever was not granted is not in the result.
				// (a whole top-level key no granted path reaches into).
				for _, p := range parts {
					if contains(j.Fields, p.Name) || c.Format != JSON || len(p.Paths) != 1 || p.Paths[0] != "/"+p.Name {
						continue
					}
					reached := false
					for _, q := range parts {
						for _, path := range q.Paths {
							reached = reached || (contains(j.Fields, q.Name) && strings.HasPrefix(path, p.Paths[0]+"/"))
						}
					}
					if !reached && strings.Contains(string(got), `"`+p.Name+`"`) {
						t.Fatalf("join of %q holds %q", j.Fields, p.Name)
					}
				}
			}
		})
	}
	for _, c := range v.Errors {
		t.Run("error/"+c.Name, func(t *testing.T) {
			_, _, err := Split(c.Format, []byte(c.Doc), c.Schema)
			if !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), c.Error) {
				t.Fatalf("Split = %v, want ErrBadInput saying %q", err, c.Error)
			}
		})
	}
	if *update {
		b, _ := json.MarshalIndent(v, "", "  ")
		if err := os.WriteFile("testdata/fields-v1.json", append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func contains(s []string, x string) bool {
	for _, e := range s {
		if e == x {
			return true
		}
	}
	return false
}

// The whole document joins back to the same data: every value, the same
// top-level order.
func TestJoinAllRoundTrip(t *testing.T) {
	doc := `{"name":"Ana","age":31,"address":{"city":"Lyon","street":"1 rue X"},"tags":["a","b"],"email":"a@x.org","vip":null}`
	s := &Schema{Version: 1, Groups: []Group{{Name: "where", Paths: []string{"/address/city"}}}}
	parts, order, err := Split(JSON, []byte(doc), s)
	if err != nil {
		t.Fatal(err)
	}
	groups, data := []Group{}, map[string][]byte{}
	for _, p := range parts {
		groups = append(groups, Group{p.Name, p.Paths})
		data[p.Name] = p.Data
	}
	got, err := Join(JSON, order, groups, data)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	_ = json.Unmarshal([]byte(doc), &a)
	if err := json.Unmarshal(got, &b); err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Fatalf("round trip %s, want %s", got, doc)
	}
}

func TestManifestVector(t *testing.T) {
	b, err := os.ReadFile("testdata/manifest-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Manifest    string `json:"manifest"`
		Fingerprint string `json:"fingerprint"`
		Bad         []struct {
			Name     string `json:"name"`
			Manifest string `json:"manifest"`
		} `json:"bad"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	m, err := ParseManifest([]byte(v.Manifest))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := m.Encode()
	if err != nil || string(enc) != v.Manifest {
		t.Fatalf("Encode = %s, %v; want the vector byte for byte", enc, err)
	}
	fp := Fingerprint(enc)
	if hex.EncodeToString(fp[:]) != v.Fingerprint {
		t.Fatalf("fingerprint %x, want %s", fp, v.Fingerprint)
	}
	if len(v.Bad) < 5 {
		t.Fatalf("%d bad manifests in the vectors", len(v.Bad))
	}
	for _, bad := range v.Bad {
		if _, err := ParseManifest([]byte(bad.Manifest)); !errors.Is(err, ErrNotManifest) {
			t.Errorf("%s: ParseManifest = %v, want ErrNotManifest", bad.Name, err)
		}
	}
}

func TestSelect(t *testing.T) {
	have := []string{"name", "age", "city"}
	got, err := SelectFrom(have, []string{"city", "age", "city"})
	if err != nil || strings.Join(got, ",") != "age,city" {
		t.Fatalf("SelectFrom = %q, %v", got, err)
	}
	if _, err := SelectFrom(have, []string{"age", "salary"}); !errors.Is(err, ErrBadInput) || !strings.Contains(err.Error(), "no field salary") {
		t.Fatalf("unknown field: %v", err)
	}
	if _, err := SelectFrom(have, nil); !errors.Is(err, ErrBadInput) {
		t.Fatalf("no field: %v", err)
	}
}
