// Package layers holds the test that keeps pdx's imports running one way,
// down, so each concept has one place and a new feature has an obvious one.
package layers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// layers lists the module's top-level folders from the top down. A package
// may import packages of its own layer and of the layers below it, never of
// a layer above: the CLI assembles the node, the node (daemon, service,
// proxy server, storage) uses the chain client and the proxy protocol, and
// those use the cryptography and the contract bindings. deploy holds only
// the tests of the Dockerfile and compose file; it sits with cmd, whose
// binaries they build and run.
var layers = [][]string{
	{"cmd", "deploy"},
	{"node"},
	{"acl"},
	{"reencrypt", "contracts"},
}

// shared is the folder of helpers anyone may import (config, the pdx home,
// CLI output). So that it can be, it may itself import only the bottom
// layer and its own packages.
const shared = "internal"

// pkg is what go list reports of one package; only its non-test imports
// count, since tests may reach up to build a world to test in.
type pkg struct {
	ImportPath string
	Module     *struct{ Path string }
	Imports    []string
}

// rank is a folder's layer, 0 at the top; shared is below every layer for
// importers and above none for what it may import.
func rank(rel string) (int, bool) {
	top, _, _ := strings.Cut(rel, "/")
	if top == shared {
		return len(layers), true
	}
	for i, l := range layers {
		for _, f := range l {
			if top == f {
				return i, true
			}
		}
	}
	return 0, false
}

// modulePackages lists every package of the module with go list -deps, so
// the check sees exactly what the build compiles.
func modulePackages(t *testing.T) (module string, pkgs []pkg) {
	t.Helper()
	out, err := exec.Command("go", "list", "-m").Output()
	if err != nil {
		t.Fatalf("go list -m: %v", err)
	}
	module = strings.TrimSpace(string(out))
	cmd := exec.Command("go", "list", "-deps", "-json=ImportPath,Module,Imports", module+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err = cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, stderr.Bytes())
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decoding go list output: %v", err)
		}
		if p.Module != nil && p.Module.Path == module {
			pkgs = append(pkgs, p)
		}
	}
	return module, pkgs
}

func TestImportsRunDown(t *testing.T) {
	module, pkgs := modulePackages(t)
	if len(pkgs) < 20 {
		t.Fatalf("go list found only %d packages of %s; the check would prove nothing", len(pkgs), module)
	}
	var bad []string
	for _, p := range pkgs {
		from := strings.TrimPrefix(p.ImportPath, module+"/")
		fr, ok := rank(from)
		if !ok {
			bad = append(bad, fmt.Sprintf("%s is in no layer: add its folder to layers in internal/layers", from))
			continue
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			to := strings.TrimPrefix(imp, module+"/")
			tr, ok := rank(to)
			if !ok {
				continue // reported as an importer above
			}
			if strings.HasPrefix(to, shared+"/") {
				continue // anyone may import the shared helpers
			}
			if fr == len(layers) { // a shared helper
				if tr != len(layers)-1 {
					bad = append(bad, fmt.Sprintf("%s imports %s: %s/ may import only the bottom layer %v", from, to, shared, layers[len(layers)-1]))
				}
				continue
			}
			if tr < fr {
				bad = append(bad, fmt.Sprintf("%s (layer %v) imports %s (layer %v), which is above it", from, layers[fr], to, layers[tr]))
			}
		}
	}
	for _, b := range bad {
		t.Error(b)
	}
}
