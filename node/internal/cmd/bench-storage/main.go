// Command bench-storage measures what pdx's envelope costs on top of plain
// IPFS storage, in one run on one embedded kubo node:
//
//   - put: envstore.Put (encrypt + add + pin) against storage.Add of the
//     same bytes (add + pin), same node, same import profile; storage.Add
//     is boxo's importer with the leaves hashed ahead on other cores (see
//     node/storage leafHasher), so the kubo and age lines below are pdx's
//     store, not kubo's `ipfs add` (which hashes on its importer goroutine
//     and is slower: the comparison with them is the harder one for pdx);
//   - get: envstore.Get as pdx get does it by default (fetch + decrypt,
//     the carried commitment compared with the registered one, the
//     plaintext not hashed) and as pdx get --verify does it (the plaintext
//     hashed too), against kubo's own cat (the CoreAPI's UnixFS file, whose
//     WriteTo hands each block's bytes over without a copy), all read to
//     io.Discard;
//   - the same put and get through what a user would otherwise script,
//     `age -r R | ipfs add` and `ipfs cat | age -d -i I`: filippo.io/age
//     encrypting into (and decrypting from) the same node through its
//     CoreAPI, the two sides of the pipe on two goroutines as the two
//     processes of a shell pipeline would be;
//   - the peak RSS of the process during the largest pdx put (1 GiB by
//     default);
//   - the ciphertext bytes a 1 MiB range read from the middle of the
//     largest envelope fetches.
//
// Each put runs in a child process (this binary re-executed with -child)
// that opens the same node directory, so the peak RSS is that of a process
// doing nothing but one put, read from the kernel (getrusage of the child),
// and every put starts from the same state. Before it times its put, a
// child makes one small put and waits until kubo's start-up work in the
// background (the provider keystore's walk of every stored block) is done,
// as it would be in a long-running daemon. Gets run in this process.
// Data comes from a deterministic AES-CTR stream, never held in memory.
// pdx, age and kubo runs are interleaved, in rotating order, and every put
// starts after a sync(2) (and, as root, a drop of the clean page cache), so
// that neither side pays for the other's writeback or always runs second.
//
// Output: one "op size pdx_MBps kubo_MBps ratio" line per op (put, get,
// get_verify) and size (MB = 10^6 bytes, ratio = pdx/kubo, best of several
// runs), the same for the age pipeline ("age_put", "age_get": age/kubo),
// one "vs_age op size pdx_MBps age_MBps ratio" line per op and size
// (ratio = pdx/age), then "peak_rss_mib N" and "range_read_bytes N"; lines
// starting with # explain
// and add the median of the per-pair ratios and the CPU time per GB of
// each path, which depend much less on what else runs on the machine than
// the best throughputs do.
//
// With -cli it compares the commands instead, process against process:
// `pdx put` and `pdx get` through pdx daemons against `age -r R FILE | ipfs
// add` and `ipfs cat CID | age -d` through a kubo daemon (see cli.go).
//
// Usage: go run ./node/internal/cmd/bench-storage [-cli] [-sizes 16MiB,1GiB] [-dir DIR] [-reps 15] [-reps-large 2] [-drop-cache=false] [-cpuprofile PREFIX] [-trace PREFIX]
package main

import (
	"cmp"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"filippo.io/age"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/boxo/files"
	"github.com/ipfs/boxo/path"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/internal/detstream"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// childEnv marks a re-executed child process.
const childEnv = "PDX_BENCH_STORAGE_CHILD"

// Sizes up to repsLimit are measured -reps times, larger ones -reps-large
// times; the best run is printed. A put of 16 MiB takes some 35 ms, of
// which the disk's latency (files created in a page cache just dropped)
// varies by ±30 % from one put to the next, for every kind alike: 15 runs
// give a best and a paired median that repeat within a few per cent where
// 5 did not (measured: pdx ÷ age|ipfs paired runs 0.44–2.12 at 16 MiB).
const repsLimit = 64 << 20

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench-storage:", err)
		os.Exit(1)
	}
}

// run is the command with its arguments; the report goes to out.
func run(args []string, out io.Writer) error {
	flag := flag.NewFlagSet("bench-storage", flag.ContinueOnError)
	sizesFlag := flag.String("sizes", "16MiB,1GiB", "comma-separated object sizes (B, KiB, MiB, GiB suffixes)")
	dirFlag := flag.String("dir", "", "directory for the kubo node (default: a temporary directory, removed at the end)")
	reps := flag.Int("reps", 15, fmt.Sprintf("runs of each op for sizes up to %d MiB", repsLimit>>20))
	repsLarge := flag.Int("reps-large", 2, fmt.Sprintf("runs of each op for sizes above %d MiB", repsLimit>>20))
	child := flag.String("child", "", "internal: run one put (pdx, age or kubo) in this process and print its result as JSON")
	childSize := flag.Int64("child-size", 0, "internal: size of the child's put")
	childSeed := flag.String("child-seed", "", "internal: data seed of the child's put")
	childKey := flag.String("child-key", "", "internal: dataset public key (hex) of the child's pdx put, or recipient of its age put")
	dropCache := flag.Bool("drop-cache", true, "drop the kernel's clean page cache before each put (needs root; ignored otherwise)")
	traceOut := flag.String("trace", "", "write execution traces (go tool trace) of the first put of each kind and size here: <prefix>-put-<kind>-<size>.trace")
	cpuProfile := flag.String("cpuprofile", "", "write CPU profiles here: <prefix>-put-<kind>-<size>.pprof for the first put of each kind and size, <prefix>-get-<kind>-<size>.pprof for the first timed get of each kind and size")
	cli := flag.Bool("cli", false, "compare the commands instead: pdx put/get through pdx daemons (one on a kubo daemon, one embedded) against `age | ipfs add` and `ipfs cat | age -d` through that kubo daemon (cli.go)")
	if err := flag.Parse(args); err != nil {
		return err
	}

	if *child != "" {
		return runChild(*child, *dirFlag, *childSize, *childSeed, *childKey, *cpuProfile, *traceOut, out)
	}

	var sizes []size
	for _, s := range strings.Split(*sizesFlag, ",") {
		sz, err := parseSize(strings.TrimSpace(s))
		if err != nil {
			return err
		}
		sizes = append(sizes, sz)
	}
	if len(sizes) == 0 || *reps < 1 || *repsLarge < 1 {
		return errors.New("need at least one size, -reps ≥ 1 and -reps-large ≥ 1")
	}
	runs := func(sz size) int {
		if sz.n > repsLimit {
			return *repsLarge
		}
		return *reps
	}
	root := *dirFlag
	if root == "" {
		d, err := os.MkdirTemp("", "pdx-bench-storage-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		root = d
	}
	nodeDir := filepath.Join(root, "ipfs")
	ctx := context.Background()
	if *cli {
		return runCLI(ctx, root, sizes, runs, *dropCache, out)
	}

	// Initialise the repository once, so every process opens the same node.
	st, err := openNode(ctx, nodeDir)
	if err != nil {
		return err
	}
	st.Close()

	sk, err := reencrypt.GenerateSecretKey()
	if err != nil {
		return err
	}
	pkHex := hex.EncodeToString(sk.PublicKey().Bytes())
	ageID, err := age.GenerateX25519Identity()
	if err != nil {
		return err
	}
	largest := slices.MaxFunc(sizes, func(a, b size) int { return cmp.Compare(a.n, b.n) })

	// Puts, each in a child process, kubo, pdx and age interleaved so that
	// all see the same background load.
	results := make([]*sizeResult, len(sizes))
	cacheDropped := false // dropCleanCache worked before the puts
	for i, sz := range sizes {
		res := &sizeResult{size: sz, puts: map[string][]childResult{}}
		results[i] = res
		for r := range runs(sz) {
			seed := fmt.Sprintf("bench-%d-%d", sz.n, r)
			prof, tr := "", ""
			if *cpuProfile != "" && r == 0 {
				prof = fmt.Sprintf("%s-put-%%s-%s.pprof", *cpuProfile, sz.label)
			}
			if *traceOut != "" && r == 0 {
				tr = fmt.Sprintf("%s-put-%%s-%s.trace", *traceOut, sz.label)
			}
			// Each put writes the whole object to disk. The one that
			// runs second would pay for the kernel's writeback of the
			// first one's dirty pages (measured: up to 5× the write
			// syscall time), so every put starts after a sync, and the
			// order rotates between runs. The clean pages earlier
			// puts leave in the page cache also make later writes
			// dearer (measured: 1 GiB puts at 1.0 s of system time on
			// an empty cache, 3.8 s after a few GiB), so they are
			// dropped too when the bench runs as root.
			got := map[string]childResult{}
			for _, kind := range order(putKinds, r) {
				syscall.Sync()
				cacheDropped = *dropCache && dropCleanCache()
				key := map[string]string{"pdx": pkHex, "age": ageID.Recipient().String(), "age-ipfs": ageID.Recipient().String()}[kind]
				c, err := spawnPut(kind, nodeDir, sz.n, seed, key, prof, tr)
				if err != nil {
					return err
				}
				got[kind] = c
				res.puts[kind] = append(res.puts[kind], c)
				res.put.add(kind, mbps(sz.n, c.Seconds), c.CPUSeconds)
			}
			progress("put %s #%d: kubo %.1f MB/s (cpu %.2fs, rss %d MiB), pdx %.1f MB/s (cpu %.2fs, rss %d MiB), age %.1f MB/s (cpu %.2fs), age|ipfs add %.1f MB/s (cpu %.2fs)",
				sz.label, r, mbps(sz.n, got["kubo"].Seconds), got["kubo"].CPUSeconds, got["kubo"].MaxRSSKiB>>10,
				mbps(sz.n, got["pdx"].Seconds), got["pdx"].CPUSeconds, got["pdx"].MaxRSSKiB>>10,
				mbps(sz.n, got["age"].Seconds), got["age"].CPUSeconds, mbps(sz.n, got["age-ipfs"].Seconds), got["age-ipfs"].CPUSeconds)
		}
	}

	// Gets and the range read, in this process.
	st, err = openNode(ctx, nodeDir)
	if err != nil {
		return err
	}
	defer st.Close()
	var rangeBytes int64
	for _, res := range results {
		sz := res.size
		cids := map[string]cid.Cid{}
		for _, kind := range putKinds {
			c, err := cid.Decode(res.puts[kind][0].CID)
			if err != nil {
				return err
			}
			cids[kind] = c
		}
		pc := cids["pdx"]
		var commitment envelope.Commitment
		if _, err := hex.Decode(commitment[:], []byte(res.puts["pdx"][0].Commitment)); err != nil {
			return fmt.Errorf("child commitment %q: %w", res.puts["pdx"][0].Commitment, err)
		}
		get := map[string]func() error{
			"kubo":       func() error { return kuboGet(ctx, st, cids["kubo"], sz.n) },
			"pdx":        func() error { return pdxGet(ctx, st, pc, sk, &commitment, false, sz.n) },
			"pdx-verify": func() error { return pdxGet(ctx, st, pc, sk, &commitment, true, sz.n) },
			"age":        func() error { return ageGet(ctx, st, cids["age"], ageID, sz.n) },
		}
		// One untimed pass each, so that all read from a warm node (the
		// blocks were written by other processes).
		for _, kind := range getKinds {
			if _, _, err := timed(get[kind]); err != nil {
				return err
			}
		}
		// The first timed run of each kind is profiled on its own, so the
		// read paths can be compared function by function.
		profiled := func(kind string, r int, f func() error) func() error {
			if *cpuProfile == "" || r != 0 {
				return f
			}
			return func() error {
				return withProfile(fmt.Sprintf("%s-get-%s-%s.pprof", *cpuProfile, kind, sz.label), f)
			}
		}
		for r := range runs(sz) {
			mb := map[string]float64{}
			for _, kind := range order(getKinds, r) {
				d, cpu, err := timed(profiled(kind, r, get[kind]))
				if err != nil {
					return err
				}
				mb[kind] = mbps(sz.n, d)
				res.get.add(kind, mb[kind], cpu)
			}
			progress("get %s #%d: kubo %.1f MB/s, pdx %.1f MB/s, pdx --verify %.1f MB/s, age %.1f MB/s", sz.label, r, mb["kubo"], mb["pdx"], mb["pdx-verify"], mb["age"])
		}
		if sz.n == largest.n {
			rangeBytes, err = rangeRead(ctx, st, pc, sk, sz.n, fmt.Sprintf("bench-%d-0", sz.n))
			if err != nil {
				return err
			}
		}
	}

	fmt.Fprintf(out, "# op size pdx_MBps kubo_MBps ratio   (MB = 10^6 bytes; best of %d runs up to %d MiB, of %d above; ratio = pdx/kubo)\n",
		*reps, repsLimit>>20, *repsLarge)
	lines := []struct {
		op, kind string
		m        func(*sizeResult) *measure
	}{
		{"put", "pdx", func(r *sizeResult) *measure { return &r.put }},
		{"get", "pdx", func(r *sizeResult) *measure { return &r.get }},
		{"get_verify", "pdx-verify", func(r *sizeResult) *measure { return &r.get }},
		{"age_put", "age", func(r *sizeResult) *measure { return &r.put }},
		{"age_get", "age", func(r *sizeResult) *measure { return &r.get }},
	}
	for _, res := range results {
		for _, l := range lines {
			m := l.m(res)
			fmt.Fprintf(out, "%s %s %.1f %.1f %.2f\n", l.op, res.size.label, m.best(l.kind), m.best("kubo"), m.best(l.kind)/m.best("kubo"))
		}
	}
	fmt.Fprintf(out, "# vs_age op size pdx_MBps age_MBps ratio   (ratio = pdx/age, best of each; age_* lines: `age -r | ipfs add` and `ipfs cat | age -d` into the same node)\n")
	for _, res := range results {
		for _, o := range []struct {
			op, kind string
			m        *measure
		}{{"put", "pdx", &res.put}, {"get", "pdx", &res.get}, {"get_verify", "pdx-verify", &res.get}} {
			fmt.Fprintf(out, "vs_age %s %s %.1f %.1f %.2f\n", o.op, res.size.label, o.m.best(o.kind), o.m.best("age"), o.m.best(o.kind)/o.m.best("age"))
		}
	}
	fmt.Fprintf(out, "# vs_age_ipfs op size pdx_MBps age_ipfs_MBps ratio   (age encrypting into kubo's own adder, exactly `age -r R | ipfs add` with the import profile, instead of pdx's storage.Add)\n")
	for _, res := range results {
		fmt.Fprintf(out, "vs_age_ipfs put %s %.1f %.1f %.2f\n", res.size.label, res.put.best("pdx"), res.put.best("age-ipfs"), res.put.best("pdx")/res.put.best("age-ipfs"))
	}
	var lp *sizeResult
	for _, res := range results {
		if res.size.n == largest.n {
			lp = res
		}
	}
	peak, hwm, kpeak := int64(0), int64(0), int64(0)
	for i := range lp.puts["pdx"] {
		peak, hwm = max(peak, lp.puts["pdx"][i].MaxRSSKiB), max(hwm, lp.puts["pdx"][i].VmHWMKiB)
		kpeak = max(kpeak, lp.puts["kubo"][i].MaxRSSKiB)
	}
	fmt.Fprintf(out, "peak_rss_mib %d\n", (peak+1023)>>10)
	fmt.Fprintf(out, "range_read_bytes %d\n", rangeBytes)
	fmt.Fprintf(out, "# peak_rss_mib: highest peak RSS of the %s pdx put processes (getrusage ru_maxrss; VmHWM %d MiB), kubo node included; a plain kubo put of the same size peaked at %d MiB\n",
		largest.label, (hwm+1023)>>10, (kpeak+1023)>>10)
	fmt.Fprintf(out, "# range_read_bytes: ciphertext read from the store for a 1 MiB range in the middle of the %s envelope, header and final chunk included\n", largest.label)
	fmt.Fprintf(out, "# paired ratios (each run / the other kind's run of the same round; median, then every run), steadier than best/best under load:\n")
	for _, res := range results {
		for _, o := range []struct {
			name, kind, base string
			m                *measure
		}{
			{"put", "pdx", "kubo", &res.put}, {"get", "pdx", "kubo", &res.get}, {"get_verify", "pdx-verify", "kubo", &res.get},
			{"age_put", "age", "kubo", &res.put}, {"age_get", "age", "kubo", &res.get},
			{"put pdx/age", "pdx", "age", &res.put}, {"put pdx/age-ipfs", "pdx", "age-ipfs", &res.put}, {"get pdx/age", "pdx", "age", &res.get}, {"get_verify pdx/age", "pdx-verify", "age", &res.get},
		} {
			r := o.m.ratios(o.kind, o.base)
			fmt.Fprintf(out, "#   %s %s %.2f (%s)\n", o.name, res.size.label, median(r), fmtRatios(r))
		}
	}
	if cacheDropped {
		fmt.Fprintf(out, "# every put started after sync(2) and a drop of the clean page cache\n")
	} else {
		fmt.Fprintf(out, "# every put started after sync(2); the clean page cache was not dropped (needs root), so later puts may pay for earlier ones' cached pages\n")
	}
	fmt.Fprintf(out, "# get: pdx is envstore.Get as `pdx get` (fetch, AES-GCM, carried commitment = registered one) read to io.Discard; get_verify adds the BLAKE3 hash of the plaintext (`pdx get --verify`); kubo is the CoreAPI's UnixFS file (kubo's cat) to io.Discard\n")
	fmt.Fprintf(out, "# age: filippo.io/age X25519 (ChaCha20-Poly1305 STREAM, 64 KiB chunks), encrypting into storage.Add and decrypting kubo's cat, through an io.Pipe between two goroutines\n")
	fmt.Fprintf(out, "# cpu seconds per GB (user+system, median; insensitive to other load):\n")
	for _, res := range results {
		fmt.Fprintf(out, "#   %s: put pdx %.2f age %.2f age|ipfs %.2f kubo %.2f | get pdx %.2f pdx --verify %.2f age %.2f kubo %.2f\n", res.size.label,
			res.put.cpuPerGB("pdx", res.size.n), res.put.cpuPerGB("age", res.size.n), res.put.cpuPerGB("age-ipfs", res.size.n), res.put.cpuPerGB("kubo", res.size.n),
			res.get.cpuPerGB("pdx", res.size.n), res.get.cpuPerGB("pdx-verify", res.size.n), res.get.cpuPerGB("age", res.size.n), res.get.cpuPerGB("kubo", res.size.n))
	}
	return nil
}

// The kinds of put and get measured, in their order in round 0.
var (
	putKinds = []string{"kubo", "pdx", "age", "age-ipfs"}
	getKinds = []string{"kubo", "pdx", "pdx-verify", "age"}
)

// order is the order of the kinds in round r: rotated by one each round,
// so that no kind always inherits what another left behind (dirty pages,
// a warm or cold cache, a GC cycle) or always runs first.
func order(kinds []string, r int) []string {
	k := r % len(kinds)
	return append(slices.Clone(kinds[k:]), kinds[:k]...)
}

// sizeResult is everything measured for one size.
type sizeResult struct {
	size     size
	put, get measure
	puts     map[string][]childResult // by kind, in round order
}

// measure collects the runs of one op, by kind. Throughput is reported as
// the best run: other processes on a shared machine can only slow a run
// down, so the fastest run is the closest to the cost of the code itself.
type measure struct {
	mbps, cpu map[string][]float64 // MB/s and CPU seconds, by kind, in round order
}

func (m *measure) add(kind string, mbps, cpu float64) {
	if m.mbps == nil {
		m.mbps, m.cpu = map[string][]float64{}, map[string][]float64{}
	}
	m.mbps[kind] = append(m.mbps[kind], mbps)
	m.cpu[kind] = append(m.cpu[kind], cpu)
}

// ratios are the per-round kind/base throughput ratios; the runs of a
// round ran one right after the other, so they saw about the same
// background load.
func (m *measure) ratios(kind, base string) []float64 {
	r := make([]float64, len(m.mbps[kind]))
	for i := range r {
		r[i] = m.mbps[kind][i] / m.mbps[base][i]
	}
	return r
}

func fmtRatios(v []float64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.FormatFloat(x, 'f', 2, 64)
	}
	return strings.Join(s, " ")
}

func (m *measure) best(kind string) float64 { return slices.Max(m.mbps[kind]) }

func (m *measure) cpuPerGB(kind string, n int64) float64 {
	return median(m.cpu[kind]) / (float64(n) / 1e9)
}

// timed runs f and returns its wall time and this process's CPU time
// during it, both in seconds.
func timed(f func() error) (wall, cpu float64, err error) {
	c0 := cpuTime()
	start := time.Now()
	err = f()
	return time.Since(start).Seconds(), cpuTime() - c0, err
}

// withProfile runs f under a CPU profile written to path.
func withProfile(path string, f func() error) error {
	pf, err := os.Create(path)
	if err != nil {
		return err
	}
	defer pf.Close()
	if err := pprof.StartCPUProfile(pf); err != nil {
		return err
	}
	defer pprof.StopCPUProfile()
	return f()
}

// openNode opens the benchmark's embedded node: loopback only, as in tests.
func openNode(ctx context.Context, dir string) (*storage.Embedded, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: dir, Local: true})
}

// childResult is what a child prints about its put.
type childResult struct {
	CID        string  `json:"cid"`
	Seconds    float64 `json:"seconds"`
	Commitment string  `json:"commitment,omitempty"`
	Size       int64   `json:"size"`
	VmHWMKiB   int64   `json:"vmhwm_kib"`
	// CPUSeconds is the user+system CPU time of the put alone.
	CPUSeconds float64 `json:"cpu_seconds"`
	MaxRSSKiB  int64   `json:"-"` // filled in by the parent from getrusage
}

// dropCleanCache drops the kernel's clean page cache (after a sync, that
// is all of it), so that every put starts from the same cache state. It
// needs root; it reports whether it did.
func dropCleanCache() bool {
	return os.WriteFile("/proc/sys/vm/drop_caches", []byte("1\n"), 0) == nil
}

// spawnPut runs one put in a fresh process and reads its peak RSS from the
// kernel once it has exited.
func spawnPut(kind, dir string, n int64, seed, pk, prof, tr string) (childResult, error) {
	exe, err := os.Executable()
	if err != nil {
		return childResult{}, err
	}
	if prof != "" {
		prof = fmt.Sprintf(prof, kind)
	}
	if tr != "" {
		tr = fmt.Sprintf(tr, kind)
	}
	cmd := exec.Command(exe, "-child", kind, "-dir", dir, "-child-size", strconv.FormatInt(n, 10),
		"-child-seed", seed, "-child-key", pk, "-cpuprofile", prof, "-trace", tr)
	// A test binary re-executed as a child runs main (see main_test.go).
	cmd.Env = append(os.Environ(), childEnv+"=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return childResult{}, fmt.Errorf("%s put child: %w", kind, err)
	}
	var res childResult
	if err := json.Unmarshal(out, &res); err != nil {
		return childResult{}, fmt.Errorf("%s put child printed %q: %w", kind, out, err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return childResult{}, errors.New("no rusage for the child process on this platform")
	}
	res.MaxRSSKiB = ru.Maxrss // kilobytes on Linux
	return res, nil
}

// runChild is one put, timed from the first byte to the pinned CID.
func runChild(kind, dir string, n int64, seed, pkHex, prof, tr string, out io.Writer) error {
	ctx := context.Background()
	st, err := openNode(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	data := detstream.New(seed, n)
	if prof != "" {
		f, err := os.Create(prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var put func(data io.Reader, name string) (childResult, error)
	switch kind {
	case "kubo":
		put = func(data io.Reader, name string) (childResult, error) {
			c, err := st.Add(ctx, data, storage.AddOptions{Name: name})
			return childResult{CID: c.String(), Size: n}, err
		}
	case "pdx":
		b, err := hex.DecodeString(pkHex)
		if err != nil {
			return err
		}
		pk, err := reencrypt.PublicKeyFromBytes(b)
		if err != nil {
			return err
		}
		cfg := envelope.WriterConfig{
			DatasetID:  envelope.DatasetID{0xbe, 0x4c},
			Owner:      common.HexToAddress("0x00000000000000000000000000000000000be4c4"),
			DatasetKey: pk,
		}
		put = func(data io.Reader, name string) (childResult, error) {
			r, err := envstore.Put(ctx, st, data, cfg, name)
			return childResult{CID: r.CID.String(), Size: r.Size, Commitment: r.Commitment.String()}, err
		}
	case "age", "age-ipfs":
		// `age -r R | ipfs add`: the encryption writes into a pipe on a
		// goroutine of its own while the node imports from the other end,
		// as the two processes of the shell pipeline would. "age" imports
		// with pdx's storage.Add, "age-ipfs" with kubo's own adder (the
		// CoreAPI's Unixfs().Add, what `ipfs add` runs), same profile.
		rcpt, err := age.ParseX25519Recipient(pkHex)
		if err != nil {
			return err
		}
		put = func(data io.Reader, name string) (childResult, error) {
			pr, pw := io.Pipe()
			go func() {
				w, err := age.Encrypt(pw, rcpt)
				if err == nil {
					_, err = io.Copy(w, data)
				}
				if err == nil {
					err = w.Close()
				}
				pw.CloseWithError(err)
			}()
			var c cid.Cid
			var err error
			if kind == "age-ipfs" {
				var p path.ImmutablePath
				p, err = st.Raw().Unixfs().Add(ctx, files.NewReaderFile(pr), storage.ImportOptions(name)...)
				if err == nil {
					c = p.RootCid()
				}
			} else {
				c, err = st.Add(ctx, pr, storage.AddOptions{Name: name})
			}
			pr.CloseWithError(errors.New("the import stopped"))
			return childResult{CID: c.String(), Size: n}, err
		}
	default:
		return fmt.Errorf("unknown -child %q (pdx, age or kubo)", kind)
	}
	// One small untimed put first: a pdx or kubo daemon is long-running,
	// so one-time costs of a fresh process (lazy initialisation in kubo and
	// in the crypto libraries) are not what is being measured.
	if _, err := put(detstream.New("warm-up-"+seed, 256<<10), "bench/warm-up"); err != nil {
		return err
	}
	// Another one-time cost: at start-up kubo walks every block of the
	// repository to rebuild its provider keystore, in the background. A
	// daemon pays it once; a fresh process would pay it during the timed
	// put (measured: about 8 µs of CPU per stored block, 1.3 CPU-seconds
	// beside a 1 GiB put in a repository of 40 GiB), for whichever kind
	// runs, as noise that grows with everything the bench stored before.
	settle(30 * time.Second)
	if tr != "" {
		f, err := os.Create(tr)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := trace.Start(f); err != nil {
			return err
		}
		defer trace.Stop()
	}
	cpu0 := cpuTime()
	start := time.Now()
	res, err := put(data, "bench/"+kind+"/"+seed)
	if err != nil {
		return err
	}
	res.Seconds = time.Since(start).Seconds()
	res.CPUSeconds = cpuTime() - cpu0
	res.VmHWMKiB = vmHWM()
	return json.NewEncoder(out).Encode(res)
}

// settle waits until this process is idle (less than 5 % of a core over
// 200 ms), or at most max: the node's start-up work in the background has
// ended.
func settle(max time.Duration) {
	const window = 200 * time.Millisecond
	deadline := time.Now().Add(max)
	for c0 := cpuTime(); time.Now().Before(deadline); {
		time.Sleep(window)
		c1 := cpuTime()
		if c1-c0 < 0.05*window.Seconds() {
			return
		}
		c0 = c1
	}
}

// cpuTime is this process's user+system CPU time so far, in seconds.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// vmHWM reads this process's peak resident set from /proc (0 if absent).
func vmHWM() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for l := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

func kuboGet(ctx context.Context, st *storage.Embedded, c cid.Cid, n int64) error {
	nd, err := st.Raw().Unixfs().Get(ctx, path.FromCid(c))
	if err != nil {
		return err
	}
	defer nd.Close()
	got, err := io.Copy(io.Discard, nd.(files.File))
	if err != nil || got != n {
		return fmt.Errorf("kubo get %s: %d of %d bytes: %v", c, got, n, err)
	}
	return nil
}

// pdxGet is the owner's whole read path: header, file key, stream,
// commitment check against the registered value, the plaintext hashed only
// with verify (as pdx get and pdx get --verify).
func pdxGet(ctx context.Context, st storage.Store, c cid.Cid, sk *reencrypt.SecretKey, commitment *envelope.Commitment, verify bool, n int64) error {
	h, err := envstore.Open(ctx, st, c)
	if err != nil {
		return err
	}
	key, err := h.FileKeyForOwner(sk)
	if err != nil {
		return err
	}
	var opts []envelope.OpenOption
	if !verify {
		opts = append(opts, envelope.SkipCommitmentHash())
	}
	rc, err := envstore.Get(ctx, st, c, key, commitment, opts...)
	if err != nil {
		return err
	}
	defer rc.Close()
	got, err := io.Copy(io.Discard, rc)
	if err != nil || got != n {
		return fmt.Errorf("pdx get %s: %d of %d bytes: %v", c, got, n, err)
	}
	return nil
}

// ageGet is `ipfs cat c | age -d -i id`: kubo's cat writes into a pipe on a
// goroutine of its own while age decrypts from the other end.
func ageGet(ctx context.Context, st *storage.Embedded, c cid.Cid, id *age.X25519Identity, n int64) error {
	nd, err := st.Raw().Unixfs().Get(ctx, path.FromCid(c))
	if err != nil {
		return err
	}
	defer nd.Close()
	pr, pw := io.Pipe()
	defer pr.Close()
	go func() {
		_, err := io.Copy(pw, nd.(files.File))
		pw.CloseWithError(err)
	}()
	r, err := age.Decrypt(pr, id)
	if err != nil {
		return err
	}
	got, err := io.Copy(io.Discard, r)
	if err != nil || got != n {
		return fmt.Errorf("age get %s: %d of %d bytes: %v", c, got, n, err)
	}
	return nil
}

// rangeRead reads 1 MiB from the middle of the envelope c, checks it against
// the plaintext stream and returns the ciphertext bytes fetched.
func rangeRead(ctx context.Context, st storage.Store, c cid.Cid, sk *reencrypt.SecretKey, n int64, seed string) (int64, error) {
	h, err := envstore.Open(ctx, st, c)
	if err != nil {
		return 0, err
	}
	key, err := h.FileKeyForOwner(sk)
	if err != nil {
		return 0, err
	}
	rr, err := envstore.Range(ctx, st, c, key)
	if err != nil {
		return 0, err
	}
	l := min(int64(1<<20), n)
	off := (n - l) / 2
	got := make([]byte, l)
	if _, err := rr.ReadAt(got, off); err != nil {
		return 0, fmt.Errorf("range read: %w", err)
	}
	want := make([]byte, l)
	detstream.New(seed, n).ReadAt(want, off)
	if string(got) != string(want) {
		return 0, errors.New("range read returned other bytes than the plaintext")
	}
	return rr.CiphertextBytesRead(), nil
}

type size struct {
	label string
	n     int64
}

func parseSize(s string) (size, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}, {"", 1}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseInt(num, 10, 64)
			if err != nil || v <= 0 {
				break
			}
			return size{label: s, n: v * u.mult}, nil
		}
	}
	return size{}, fmt.Errorf("size %q: want a positive integer with B, KiB, MiB or GiB, e.g. 16MiB", s)
}

func mbps(n int64, seconds float64) float64 { return float64(n) / seconds / 1e6 }

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "# "+format+"\n", args...)
}
