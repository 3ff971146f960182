package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestCLIReport runs the -cli mode on a small object: it builds pdx, ipfs
// and age, starts a kubo daemon and two pdx daemons and runs the real
// pipelines, so the commands' flags and output it relies on cannot drift
// unnoticed. Slow (the builds and three daemons): skipped under -short.
func TestCLIReport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three commands and starts three daemons")
	}
	var out bytes.Buffer
	if err := run([]string{"-cli", "-sizes", "300KiB", "-reps", "2", "-drop-cache=false", "-dir", t.TempDir()}, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	t.Logf("\n%s", out.String())
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 8 || f[0] != "cli" {
			t.Fatalf("line %q: want cli op size home pdx_MBps age_ipfs_MBps ratio_best ratio_paired_median", l)
		}
		positive(t, l, f[4:])
		seen[strings.Join(f[1:4], " ")] = true
	}
	for _, k := range []string{"put 300KiB remote", "put 300KiB embedded", "get 300KiB remote", "get 300KiB embedded"} {
		if !seen[k] {
			t.Fatalf("report has no %q line:\n%s", k, out.String())
		}
	}
	for _, k := range []string{"# load at start: ", "# load at end: "} {
		if !strings.Contains(out.String(), k) {
			t.Fatalf("report has no %q line:\n%s", k, out.String())
		}
	}
}
