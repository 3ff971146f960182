package contracts

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"

	"github.com/pdx-network/pdx/contracts/bindings"
)

var update = flag.Bool("update", false, "rewrite testdata/registry-v4-abi.json from the current ABI")

// abiVector is the wire-level interface of the Registry: every function
// selector, event topic and error selector, keyed by canonical signature.
// spec/registry-v4.md describes it; a change here is a new interface version.
type abiVector struct {
	Version   int               `json:"version"`
	Functions map[string]string `json:"functions"`
	Events    map[string]string `json:"events"`
	Errors    map[string]string `json:"errors"`
}

func currentVector(a abi.ABI) abiVector {
	v := abiVector{Version: 4, Functions: map[string]string{}, Events: map[string]string{}, Errors: map[string]string{}}
	for _, m := range a.Methods {
		v.Functions[m.Sig] = "0x" + hexs(m.ID)
	}
	for _, e := range a.Events {
		v.Events[e.Sig] = e.ID.Hex()
	}
	for _, e := range a.Errors {
		v.Errors[e.Sig] = "0x" + hexs(e.ID[:4])
	}
	return v
}

func hexs(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// TestABIMatchesSpecVectors pins the Registry's selectors, topics and error
// ids to testdata/registry-v4-abi.json, the vectors of spec/registry-v4.md.
func TestABIMatchesSpecVectors(t *testing.T) {
	path := filepath.Join("testdata", "registry-v4-abi.json")
	got := currentVector(bindings.NewRegistry().GetABI())
	if *update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want abiVector
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	compare := func(kind string, w, g map[string]string) {
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		var sorted []string
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			if w[k] != g[k] {
				t.Errorf("%s %s: spec vector %q, contract %q (a changed interface needs a new spec version)", kind, k, w[k], g[k])
			}
		}
	}
	compare("function", want.Functions, got.Functions)
	compare("event", want.Events, got.Events)
	compare("error", want.Errors, got.Errors)
}
