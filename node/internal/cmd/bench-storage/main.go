// Command bench-storage measures what pdx's envelope costs on top of plain
// IPFS storage, in one run on one embedded kubo node:
//
//   - put: envstore.Put (encrypt + add + pin) against storage.Add of the
//     same bytes (add + pin), same node, same import profile;
//   - get: envstore.Get (fetch + decrypt + commitment check) against
//     kubo's own cat (the CoreAPI's UnixFS file, whose WriteTo hands each
//     block's bytes over without a copy), both read to io.Discard;
//   - the peak RSS of the process during the largest pdx put (1 GiB by
//     default);
//   - the ciphertext bytes a 1 MiB range read from the middle of the
//     largest envelope fetches.
//
// Each put runs in a child process (this binary re-executed with -child)
// that opens the same node directory, so the peak RSS is that of a process
// doing nothing but one put, read from the kernel (getrusage of the child),
// and every put starts from the same state. Gets run in this process.
// Data comes from a deterministic AES-CTR stream, never held in memory.
// pdx and kubo runs are interleaved, in alternating order, and every put
// starts after a sync(2) (and, as root, a drop of the clean page cache), so
// that neither side pays for the other's writeback or always runs second.
//
// Output: one "op size pdx_MBps kubo_MBps ratio" line per op (put, get) and
// size (MB = 10^6 bytes, ratio = pdx/kubo, best of several runs), then
// "peak_rss_mib N" and "range_read_bytes N"; lines starting with # explain
// and add the median of the per-pair ratios and the CPU time per GB of
// each path, which depend much less on what else runs on the machine than
// the best throughputs do.
//
// Usage: go run ./node/internal/cmd/bench-storage [-sizes 16MiB,1GiB] [-dir DIR] [-reps 5] [-reps-large 2] [-drop-cache=false] [-cpuprofile PREFIX]
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
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

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
// times; the best run is printed.
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
	reps := flag.Int("reps", 5, fmt.Sprintf("runs of each op for sizes up to %d MiB", repsLimit>>20))
	repsLarge := flag.Int("reps-large", 2, fmt.Sprintf("runs of each op for sizes above %d MiB", repsLimit>>20))
	child := flag.String("child", "", "internal: run one put (pdx or kubo) in this process and print its result as JSON")
	childSize := flag.Int64("child-size", 0, "internal: size of the child's put")
	childSeed := flag.String("child-seed", "", "internal: data seed of the child's put")
	childKey := flag.String("child-key", "", "internal: dataset public key (hex) of the child's pdx put")
	dropCache := flag.Bool("drop-cache", true, "drop the kernel's clean page cache before each put (needs root; ignored otherwise)")
	cpuProfile := flag.String("cpuprofile", "", "write CPU profiles here: <prefix>-put-<kind>-<size>.pprof for the first put of each kind and size, <prefix>-get-<kind>-<size>.pprof for the first timed get of each kind and size")
	if err := flag.Parse(args); err != nil {
		return err
	}

	if *child != "" {
		return runChild(*child, *dirFlag, *childSize, *childSeed, *childKey, *cpuProfile, out)
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
	largest := slices.MaxFunc(sizes, func(a, b size) int { return cmp.Compare(a.n, b.n) })

	// Puts, each in a child process, kubo and pdx interleaved so that both
	// see the same background load.
	results := make([]*sizeResult, len(sizes))
	cacheDropped := false // dropCleanCache worked before the puts
	for i, sz := range sizes {
		res := &sizeResult{size: sz}
		results[i] = res
		for r := range runs(sz) {
			seed := fmt.Sprintf("bench-%d-%d", sz.n, r)
			prof := ""
			if *cpuProfile != "" && r == 0 {
				prof = fmt.Sprintf("%s-put-%%s-%s.pprof", *cpuProfile, sz.label)
			}
			// Each put writes the whole object to disk. The one that
			// runs second would pay for the kernel's writeback of the
			// first one's dirty pages (measured: up to 5× the write
			// syscall time), so every put starts after a sync, and the
			// order alternates between runs. The clean pages earlier
			// puts leave in the page cache also make later writes
			// dearer (measured: 1 GiB puts at 1.0 s of system time on
			// an empty cache, 3.8 s after a few GiB), so they are
			// dropped too when the bench runs as root.
			var k, p childResult
			for _, kind := range putOrder(r) {
				syscall.Sync()
				cacheDropped = *dropCache && dropCleanCache()
				var err error
				if kind == "kubo" {
					k, err = spawnPut("kubo", nodeDir, sz.n, seed, "", prof)
				} else {
					p, err = spawnPut("pdx", nodeDir, sz.n, seed, pkHex, prof)
				}
				if err != nil {
					return err
				}
			}
			progress("put %s #%d: kubo %.1f MB/s (cpu %.2fs, rss %d MiB), pdx %.1f MB/s (cpu %.2fs, rss %d MiB)",
				sz.label, r, mbps(sz.n, k.Seconds), k.CPUSeconds, k.MaxRSSKiB>>10, mbps(sz.n, p.Seconds), p.CPUSeconds, p.MaxRSSKiB>>10)
			res.put.add(mbps(sz.n, p.Seconds), mbps(sz.n, k.Seconds), p.CPUSeconds, k.CPUSeconds)
			res.kubo = append(res.kubo, k)
			res.pdx = append(res.pdx, p)
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
		kc, err := cid.Decode(res.kubo[0].CID)
		if err != nil {
			return err
		}
		pc, err := cid.Decode(res.pdx[0].CID)
		if err != nil {
			return err
		}
		var commitment envelope.Commitment
		if _, err := hex.Decode(commitment[:], []byte(res.pdx[0].Commitment)); err != nil {
			return fmt.Errorf("child commitment %q: %w", res.pdx[0].Commitment, err)
		}
		kuboGet := func() error { return kuboGet(ctx, st, kc, sz.n) }
		pdxGet := func() error { return pdxGet(ctx, st, pc, sk, &commitment, sz.n) }
		// One untimed pass each, so that both read from a warm node (the
		// blocks were written by other processes).
		if _, _, err := timed(kuboGet); err != nil {
			return err
		}
		if _, _, err := timed(pdxGet); err != nil {
			return err
		}
		// The first timed run of each kind is profiled on its own, so the
		// two read paths can be compared function by function.
		profiled := func(kind string, r int, f func() error) func() error {
			if *cpuProfile == "" || r != 0 {
				return f
			}
			return func() error {
				return withProfile(fmt.Sprintf("%s-get-%s-%s.pprof", *cpuProfile, kind, sz.label), f)
			}
		}
		for r := range runs(sz) {
			var kd, kcpu, pd, pcpu float64
			for _, kind := range putOrder(r) {
				var err error
				if kind == "kubo" {
					kd, kcpu, err = timed(profiled("kubo", r, kuboGet))
				} else {
					pd, pcpu, err = timed(profiled("pdx", r, pdxGet))
				}
				if err != nil {
					return err
				}
			}
			progress("get %s #%d: kubo %.1f MB/s (cpu %.2fs), pdx %.1f MB/s (cpu %.2fs)", sz.label, r, mbps(sz.n, kd), kcpu, mbps(sz.n, pd), pcpu)
			res.get.add(mbps(sz.n, pd), mbps(sz.n, kd), pcpu, kcpu)
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
	for _, res := range results {
		for _, o := range []struct {
			name string
			m    *measure
		}{{"put", &res.put}, {"get", &res.get}} {
			fmt.Fprintf(out, "%s %s %.1f %.1f %.2f\n", o.name, res.size.label, o.m.bestPDX(), o.m.bestKubo(), o.m.bestPDX()/o.m.bestKubo())
		}
	}
	var lp *sizeResult
	for _, res := range results {
		if res.size.n == largest.n {
			lp = res
		}
	}
	peak, hwm, kpeak := int64(0), int64(0), int64(0)
	for i := range lp.pdx {
		peak, hwm = max(peak, lp.pdx[i].MaxRSSKiB), max(hwm, lp.pdx[i].VmHWMKiB)
		kpeak = max(kpeak, lp.kubo[i].MaxRSSKiB)
	}
	fmt.Fprintf(out, "peak_rss_mib %d\n", (peak+1023)>>10)
	fmt.Fprintf(out, "range_read_bytes %d\n", rangeBytes)
	fmt.Fprintf(out, "# peak_rss_mib: highest peak RSS of the %s pdx put processes (getrusage ru_maxrss; VmHWM %d MiB), kubo node included; a plain kubo put of the same size peaked at %d MiB\n",
		largest.label, (hwm+1023)>>10, (kpeak+1023)>>10)
	fmt.Fprintf(out, "# range_read_bytes: ciphertext read from the store for a 1 MiB range in the middle of the %s envelope, header and final chunk included\n", largest.label)
	fmt.Fprintf(out, "# paired ratios (each pdx run / the kubo run next to it; median, then every run), steadier than best/best under load:\n")
	for _, res := range results {
		for _, o := range []struct {
			name string
			m    *measure
		}{{"put", &res.put}, {"get", &res.get}} {
			fmt.Fprintf(out, "#   %s %s %.2f (%s)\n", o.name, res.size.label, median(o.m.ratios()), fmtRatios(o.m.ratios()))
		}
	}
	if cacheDropped {
		fmt.Fprintf(out, "# every put started after sync(2) and a drop of the clean page cache\n")
	} else {
		fmt.Fprintf(out, "# every put started after sync(2); the clean page cache was not dropped (needs root), so later puts may pay for earlier ones' cached pages\n")
	}
	fmt.Fprintf(out, "# get: pdx is envstore.Get (fetch, AES-GCM, BLAKE3 commitment check) read to io.Discard; kubo is the CoreAPI's UnixFS file (kubo's cat) to io.Discard\n")
	fmt.Fprintf(out, "# cpu seconds per GB (user+system, median; insensitive to other load):\n")
	for _, res := range results {
		fmt.Fprintf(out, "#   %s: put pdx %.2f kubo %.2f | get pdx %.2f kubo %.2f\n", res.size.label,
			res.put.cpuPerGB(res.put.cpuPDX, res.size.n), res.put.cpuPerGB(res.put.cpuKubo, res.size.n),
			res.get.cpuPerGB(res.get.cpuPDX, res.size.n), res.get.cpuPerGB(res.get.cpuKubo, res.size.n))
	}
	return nil
}

// putOrder is the order of the two kinds in run r: kubo first in even
// runs, pdx first in odd ones, so that neither always inherits what the
// other left behind (dirty pages, a warm or cold cache, a GC cycle).
func putOrder(r int) []string {
	if r%2 == 0 {
		return []string{"kubo", "pdx"}
	}
	return []string{"pdx", "kubo"}
}

// sizeResult is everything measured for one size.
type sizeResult struct {
	size      size
	put, get  measure
	kubo, pdx []childResult // the puts
}

// measure collects the runs of one op. Throughput is reported as the best
// run: other processes on a shared machine can only slow a run down, so the
// fastest run is the closest to the cost of the code itself.
type measure struct {
	pdx, kubo       []float64 // MB/s
	cpuPDX, cpuKubo []float64 // CPU seconds
}

func (m *measure) add(pdx, kubo, cpuPDX, cpuKubo float64) {
	m.pdx, m.kubo = append(m.pdx, pdx), append(m.kubo, kubo)
	m.cpuPDX, m.cpuKubo = append(m.cpuPDX, cpuPDX), append(m.cpuKubo, cpuKubo)
}

// ratios are the per-run pdx/kubo throughput ratios; the two runs of a
// pair ran one right after the other, so both saw about the same
// background load.
func (m *measure) ratios() []float64 {
	r := make([]float64, len(m.pdx))
	for i := range m.pdx {
		r[i] = m.pdx[i] / m.kubo[i]
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

func (m *measure) bestPDX() float64  { return slices.Max(m.pdx) }
func (m *measure) bestKubo() float64 { return slices.Max(m.kubo) }

func (m *measure) cpuPerGB(v []float64, n int64) float64 { return median(v) / (float64(n) / 1e9) }

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
func spawnPut(kind, dir string, n int64, seed, pk, prof string) (childResult, error) {
	exe, err := os.Executable()
	if err != nil {
		return childResult{}, err
	}
	if prof != "" {
		prof = fmt.Sprintf(prof, kind)
	}
	cmd := exec.Command(exe, "-child", kind, "-dir", dir, "-child-size", strconv.FormatInt(n, 10),
		"-child-seed", seed, "-child-key", pk, "-cpuprofile", prof)
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
func runChild(kind, dir string, n int64, seed, pkHex, prof string, out io.Writer) error {
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
	default:
		return fmt.Errorf("unknown -child %q (pdx or kubo)", kind)
	}
	// One small untimed put first: a pdx or kubo daemon is long-running,
	// so one-time costs of a fresh process (lazy initialisation in kubo and
	// in the crypto libraries) are not what is being measured.
	if _, err := put(detstream.New("warm-up-"+seed, 256<<10), "bench/warm-up"); err != nil {
		return err
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
// commitment check against the registered value.
func pdxGet(ctx context.Context, st storage.Store, c cid.Cid, sk *reencrypt.SecretKey, commitment *envelope.Commitment, n int64) error {
	h, err := envstore.Open(ctx, st, c)
	if err != nil {
		return err
	}
	key, err := h.FileKeyForOwner(sk)
	if err != nil {
		return err
	}
	rc, err := envstore.Get(ctx, st, c, key, commitment)
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
