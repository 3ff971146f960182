package layers

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// codeRef is a name docs/architecture.md gives in backquotes as
// package.Name or package.Type.Method, e.g. `service.Read`.
var codeRef = regexp.MustCompile("`([a-z][a-z0-9]*)((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)`")

// notCode are backquoted dotted words of the page that are file or config
// names, not Go.
var notCode = map[string]bool{"config.toml": true, "openapi.json": true, "ipfs.timeout": true, "chain.confirmations": true}

// TestArchitectureNamesExist keeps docs/architecture.md true to the code: every
// package.Name it gives must be declared (as a function, method, type, field,
// variable or constant) in a package of the module with that name, so a
// rename that leaves the page behind fails here.
func TestArchitectureNamesExist(t *testing.T) {
	root := filepath.Join("..", "..")
	page, err := os.ReadFile(filepath.Join(root, "docs", "architecture.md"))
	if err != nil {
		t.Fatal(err)
	}
	decls := declared(t, root)
	refs := codeRef.FindAllStringSubmatch(string(page), -1)
	if len(refs) < 20 {
		t.Fatalf("found only %d code names in docs/architecture.md; has its style changed?", len(refs))
	}
	for _, m := range refs {
		if notCode[m[1]+m[2]] {
			continue
		}
		names := strings.Split(strings.TrimPrefix(m[2], "."), ".")
		for _, n := range names {
			if !decls[m[1]][n] {
				t.Errorf("docs/architecture.md names `%s%s`, but no package %q of the module declares %s", m[1], m[2], m[1], n)
			}
		}
	}
}

// declared maps each package name of the module to the names declared in
// its non-test files, methods and struct fields included.
func declared(t *testing.T, root string) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		m := out[f.Name.Name]
		if m == nil {
			m = map[string]bool{}
			out[f.Name.Name] = m
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				m[n.Name.Name] = true
			case *ast.TypeSpec:
				m[n.Name.Name] = true
			case *ast.ValueSpec:
				for _, id := range n.Names {
					m[id.Name] = true
				}
			case *ast.Field:
				for _, id := range n.Names {
					m[id.Name] = true
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
