// Package threatmodel holds the test that keeps THREAT-MODEL.md honest:
// every claim there names the test that attacks it, and this test fails
// when a named test does not exist.
package threatmodel

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// ref is how THREAT-MODEL.md names a test: `pkg/path:TestName` or
// `pkg/path:TestName/Subtest`.
var ref = regexp.MustCompile("`([a-z0-9_./-]+):(Test[A-Za-z0-9_]+)(/[A-Za-z0-9_]+)?`")

// TestEveryClaimNamesARealTest reads the threat model's table of attacks and
// checks that each row names at least one test and that each named test is
// a test function (and subtest name) in that package.
func TestEveryClaimNamesARealTest(t *testing.T) {
	root := filepath.Join("..", "..")
	doc, err := os.ReadFile(filepath.Join(root, "THREAT-MODEL.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows, refs := 0, 0
	inTable := false
	for _, line := range strings.Split(string(doc), "\n") {
		if strings.HasPrefix(line, "## Attacks") {
			inTable = true
			continue
		}
		if inTable && strings.HasPrefix(line, "## ") {
			break
		}
		if !inTable || !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "| #") || strings.HasPrefix(line, "|---") {
			continue
		}
		rows++
		ms := ref.FindAllStringSubmatch(line, -1)
		if len(ms) == 0 {
			t.Errorf("a row names no test: %s", line)
		}
		for _, m := range ms {
			refs++
			pkg, fn, sub := m[1], m[2], strings.TrimPrefix(m[3], "/")
			src := testSources(t, filepath.Join(root, pkg))
			if !strings.Contains(src, "func "+fn+"(") {
				t.Errorf("%s names %s in %s, which has no such test", m[0], fn, pkg)
			}
			if sub != "" && !strings.Contains(src, `"`+sub+`"`) {
				t.Errorf("%s names subtest %q, which %s never names", m[0], sub, pkg)
			}
		}
	}
	if rows < 10 || refs < rows {
		t.Fatalf("read %d rows and %d test references from the attacks table; is the table still under \"## Attacks\"?", rows, refs)
	}
}

func testSources(t *testing.T, dir string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil || len(files) == 0 {
		t.Errorf("no test files in %s", dir)
		return ""
	}
	var b strings.Builder
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(src)
	}
	return b.String()
}
