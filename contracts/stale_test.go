package contracts

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// generated lists every file the generators write, relative to contracts/.
var generated = []struct{ path, tmp string }{
	{"artifacts/Registry.abi.json", "artifacts/Registry.abi.json"},
	{"artifacts/Registry.bin", "artifacts/Registry.bin"},
	{"artifacts/ReentrantReceiver.abi.json", "artifacts/ReentrantReceiver.abi.json"},
	{"artifacts/ReentrantReceiver.bin", "artifacts/ReentrantReceiver.bin"},
	{"artifacts/compiler.json", "artifacts/compiler.json"},
	{"bindings/registry.go", "registry.go"},
	{"bindings/reentrant_receiver.go", "reentrant_receiver.go"},
	{"artifacts/SchemaRegistry.abi.json", "artifacts/SchemaRegistry.abi.json"},
	{"artifacts/SchemaRegistry.bin", "artifacts/SchemaRegistry.bin"},
	{"artifacts/EAS.abi.json", "artifacts/EAS.abi.json"},
	{"artifacts/EAS.bin", "artifacts/EAS.bin"},
	{"bindings/schema_registry.go", "schema_registry.go"},
	{"bindings/eas.go", "eas.go"},
}

// TestGeneratedUpToDate recompiles the Solidity sources with the pinned solc
// (through node, as `go generate` does) and regenerates the bindings with
// abigen v2 into a temporary directory, and fails if anything committed
// differs: edit a .sol file or the compiler settings without regenerating,
// and this test says so.
func TestGeneratedUpToDate(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node not found on PATH: install Node.js 20 and run `make npm` (the pinned solc runs under node)")
	}
	if _, err := os.Stat(filepath.Join("..", "tools", "node_modules", "solc", "package.json")); err != nil {
		t.Fatal("solc is not installed under tools/node_modules: run `make npm` in the repository root")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("the go command is not on PATH; abigen runs through `go tool abigen`")
	}
	tmp := t.TempDir()
	run := func(name string, args ...string) {
		t.Helper()
		cmd := exec.Command(name, args...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	art := filepath.Join(tmp, "artifacts")
	run(node, "compile.js", art)
	for _, c := range []struct{ typ, file string }{{"Registry", "registry.go"}, {"ReentrantReceiver", "reentrant_receiver.go"}, {"SchemaRegistry", "schema_registry.go"}, {"EAS", "eas.go"}} {
		run(goCmd, "tool", "abigen", "--v2",
			"--abi", filepath.Join(art, c.typ+".abi.json"),
			"--bin", filepath.Join(art, c.typ+".bin"),
			"--pkg", "bindings", "--type", c.typ,
			"--out", filepath.Join(tmp, c.file))
	}
	for _, g := range generated {
		committed, err := os.ReadFile(g.path)
		if err != nil {
			t.Errorf("%s: %v (run `go generate ./contracts`)", g.path, err)
			continue
		}
		fresh, err := os.ReadFile(filepath.Join(tmp, g.tmp))
		if err != nil {
			t.Errorf("%s was not regenerated: %v", g.path, err)
			continue
		}
		if !bytes.Equal(committed, fresh) {
			t.Errorf("%s is stale: run `go generate ./contracts` and commit the result", g.path)
		}
	}
	// No stray artifacts: everything in artifacts/ is produced by compile.js.
	entries, err := os.ReadDir("artifacts")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(art, e.Name())); err != nil {
			t.Errorf("artifacts/%s is not produced by compile.js: remove it", e.Name())
		}
	}
}
