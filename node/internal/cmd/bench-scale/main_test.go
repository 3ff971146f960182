package main

import (
	"bytes"
	"context"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestBenchScaleQuick runs the whole harness at tiny N (-quick) so that it
// cannot rot: every operation prints a line per level with a positive p50,
// the proxy's catch-up finds exactly its own grants (run checks the
// count), and every operation gets its growth line.
func TestBenchScaleQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a dev chain, IPFS and three proxies")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, []string{"-quick"}, &out, io.Discard); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	levels := map[string]int{}
	growth := map[string]bool{}
	catchup := false
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Fatalf("line %q is not <op> <n> <p50_ms> or growth <op> <exponent>", line)
		}
		if f[0] == "growth" {
			if _, err := strconv.ParseFloat(f[2], 64); err != nil || growth[f[1]] {
				t.Fatalf("growth line %q", line)
			}
			growth[f[1]] = true
			continue
		}
		n, err := strconv.Atoi(f[1])
		ms, err2 := strconv.ParseFloat(f[2], 64)
		if err != nil || err2 != nil || n <= 0 || ms <= 0 || math.IsNaN(ms) {
			t.Fatalf("measurement line %q", line)
		}
		if strings.HasPrefix(f[0], "proxy_catchup_own_") {
			catchup = true
			continue
		}
		levels[f[0]]++
	}
	want := []string{"owner_grants", "owner_purchases", "brand_granted", "brand_purchases", "market_first_page",
		"market_filtered_page", "market_owner_page", "index_update", "daemon_start_500_versions",
		"market_first_page_synthetic", "market_filtered_page_synthetic", "market_owner_page_synthetic"}
	for _, op := range want {
		if levels[op] != 2 || !growth[op] {
			t.Errorf("%s: %d levels, growth %v; want 2 and a growth line", op, levels[op], growth[op])
		}
	}
	if !catchup {
		t.Error("no proxy catch-up line")
	}
}

// TestSlope: the exponent of y = x^k is k.
func TestSlope(t *testing.T) {
	xs := []int{1000, 10000, 100000}
	for _, k := range []float64{0, 0.5, 1} {
		ys := make([]float64, len(xs))
		for i, x := range xs {
			ys[i] = 3 * math.Pow(float64(x), k)
		}
		if got := slope(xs, ys); math.Abs(got-k) > 1e-9 {
			t.Errorf("slope of x^%v = %v", k, got)
		}
	}
}

// TestMarketOnlyFlags: -market-only drops the filled levels (so no chain
// fill runs) and keeps the synthetic sizes; without sizes it is refused.
func TestMarketOnlyFlags(t *testing.T) {
	o, err := parseFlags([]string{"-market-only", "-synthetic", "1000,2000"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !o.marketOnly || len(o.levels) != 0 || len(o.synthetic) != 2 {
		t.Fatalf("-market-only: levels %v, synthetic %v, marketOnly %v", o.levels, o.synthetic, o.marketOnly)
	}
	if _, err := parseFlags([]string{"-market-only", "-synthetic", ""}, io.Discard); err == nil {
		t.Fatal("-market-only without synthetic sizes was accepted")
	}
}
