package main

import (
	"bytes"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for the command when the
// benchmark re-executes itself for a put.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestReport runs the benchmark on small objects and checks the report's
// shape and the range read's bound, so the command cannot rot unnoticed.
func TestReport(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-sizes", "1MiB,3MiB", "-reps", "1", "-drop-cache=false", "-dir", t.TempDir()}, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	t.Logf("\n%s", out.String())
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Fields(l)
		switch f[0] {
		case "put", "get", "get_verify", "age_put", "age_get":
			if len(f) != 5 {
				t.Fatalf("line %q: want op size pdx_MBps kubo_MBps ratio", l)
			}
			positive(t, l, f[2:])
			seen[f[0]+" "+f[1]] = true
		case "vs_age", "vs_age_ipfs":
			if len(f) != 6 {
				t.Fatalf("line %q: want vs_age op size pdx_MBps age_MBps ratio", l)
			}
			positive(t, l, f[3:])
			seen[f[0]+" "+f[1]+" "+f[2]] = true
		case "peak_rss_mib":
			if n, err := strconv.Atoi(f[1]); err != nil || n < 10 || n > 4096 {
				t.Fatalf("line %q: implausible peak RSS", l)
			}
			seen[f[0]] = true
		case "range_read_bytes":
			// 1 MiB out of 3 MiB: the range, one more chunk, the final chunk, the header.
			if n, err := strconv.Atoi(f[1]); err != nil || n < 1<<20 || n > 1<<20+3*(64<<10+16)+273 {
				t.Fatalf("line %q: a 1 MiB range should read about 1 MiB of ciphertext", l)
			}
			seen[f[0]] = true
		default:
			t.Fatalf("unexpected line %q", l)
		}
	}
	for _, k := range []string{"put 1MiB", "get 1MiB", "put 3MiB", "get 3MiB", "get_verify 3MiB", "age_put 3MiB", "age_get 3MiB",
		"vs_age put 3MiB", "vs_age get 3MiB", "vs_age get_verify 3MiB", "vs_age_ipfs put 3MiB", "peak_rss_mib", "range_read_bytes"} {
		if !seen[k] {
			t.Fatalf("report has no %q line:\n%s", k, out.String())
		}
	}
}

func positive(t *testing.T, line string, fields []string) {
	t.Helper()
	for _, v := range fields {
		if x, err := strconv.ParseFloat(v, 64); err != nil || x <= 0 {
			t.Fatalf("line %q: %q is not a positive number", line, v)
		}
	}
}

// TestOrder: every kind runs once per round, and each kind runs first in
// some round.
func TestOrder(t *testing.T) {
	first := map[string]bool{}
	for r := range len(getKinds) {
		o := order(getKinds, r)
		if got := slices.Sorted(slices.Values(o)); !slices.Equal(got, slices.Sorted(slices.Values(getKinds))) {
			t.Fatalf("round %d: order %v is not a permutation of %v", r, o, getKinds)
		}
		first[o[0]] = true
	}
	if len(first) != len(getKinds) {
		t.Fatalf("kinds that ran first: %v; want each of %v", first, getKinds)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"16MiB": 16 << 20, "1GiB": 1 << 30, "3KiB": 3 << 10, "100B": 100, "7": 7} {
		got, err := parseSize(in)
		if err != nil || got.n != want || got.label != in {
			t.Fatalf("parseSize(%q) = %+v, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "-1MiB", "0", "1TB", "1.5GiB"} {
		if _, err := parseSize(in); err == nil {
			t.Fatalf("parseSize(%q) succeeded", in)
		}
	}
}
