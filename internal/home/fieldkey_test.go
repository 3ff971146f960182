package home

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateFieldKeys = flag.Bool("update-field-keys", false, "rewrite testdata/field-keys-v1.json")

// TestVectorFieldKeys derives field keys of the stored home's dataset: a
// change of the label (FIELDS.md, "Keys") would leave every split version
// unreadable, so the public keys are frozen in testdata/field-keys-v1.json.
func TestVectorFieldKeys(t *testing.T) {
	path := filepath.Join("testdata", "field-keys-v1.json")
	u, err := Open(filepath.Join("testdata", "home-v1"), "pdx home vector 1")
	if err != nil {
		t.Fatal(err)
	}
	d, err := u.Dataset("profile")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"age", "city", "email", "name", "phone", "income_band"}
	got := map[string]string{}
	seen := map[string]bool{}
	dk, _ := u.DatasetKey(d.Salt)
	seen[dk.PublicKey().String()] = true
	for _, n := range names {
		k, err := u.FieldKey(d.Salt, n)
		if err != nil {
			t.Fatal(err)
		}
		pub := k.PublicKey().String()
		if seen[pub] {
			t.Fatalf("field %q has the key of another field or of the dataset", n)
		}
		seen[pub] = true
		got[n] = "0x" + pub
	}
	if *updateFieldKeys {
		b, _ := json.MarshalIndent(map[string]any{"home": "home-v1", "dataset": "profile", "field_public_keys": got}, "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Keys map[string]string `json:"field_public_keys"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Keys) != len(names) {
		t.Fatalf("%d keys in the vector", len(v.Keys))
	}
	for n, k := range v.Keys {
		if got[n] != k {
			t.Errorf("field %q: key %s, the vector %s", n, got[n], k)
		}
	}
	if _, err := u.FieldKey(d.Salt[:5], "age"); err == nil {
		t.Error("a short salt made a field key")
	}
	if _, err := u.FieldKey(d.Salt, ""); err == nil {
		t.Error("an empty name made a field key")
	}
}
