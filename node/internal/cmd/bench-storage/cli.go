package main

// The -cli mode: pdx's commands against the shell pipeline a user would
// otherwise script, process against process. The in-process comparison
// above leaves out what a user pays for either way (process start, the
// kubo RPC API, the pdx daemon's HTTP API, pipes between processes), so
// this mode measures wall clock of real commands:
//
//	put: `pdx put FILE --dataset D`        vs `age -r R FILE | ipfs add -Q …`
//	get: `pdx get CID -o OUT`              vs `ipfs cat CID | age -d -i KEY > OUT`
//
// One kubo daemon serves both pipelines: its repository imports with pdx's
// profile (node/storage/IMPORT.md) and `ipfs add` gets the same flags, and a
// pdx home with ipfs.mode = "remote" stores into it ("remote" lines). A
// second pdx home on its embedded node (the default config) gives the
// "embedded" lines, against the same kubo pipeline.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"filippo.io/age"

	"github.com/pdx-network/pdx/node/internal/detstream"
)

// ageModule is the age release whose command the pipeline runs: the one in
// pdx's go.mod. `go install` builds it with its own go.mod (pdx's go.sum
// does not list the packages only the age command needs).
const ageModule = "filippo.io/age/cmd/age@v1.3.2"

// ipfsAddFlags are `ipfs add` with pdx's import profile (IMPORT.md).
var ipfsAddFlags = []string{"add", "-Q", "--cid-version=1", "--hash=sha2-256", "--raw-leaves=true",
	"--chunker=size-262144", "--max-file-links=174", "--inline=false", "--pin=true"}

// cliKinds are the commands timed in each round, in round 0's order.
var cliKinds = []string{"remote", "age", "embedded"}

// cliEnv is the environment of the started commands: this one without
// pdx's own variables (which would override the homes' config), with
// kubo's telemetry off and only its errors logged.
func cliEnv(extra ...string) []string {
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "PDX_") && !strings.HasPrefix(e, "IPFS_PATH=") {
			env = append(env, e)
		}
	}
	return append(append(env, "IPFS_TELEMETRY=off", "GOLOG_LOG_LEVEL=error"), extra...)
}

// runCLI is the -cli mode: it builds the commands, starts the daemons,
// times the pipelines and prints the report to out.
func runCLI(ctx context.Context, root string, sizes []size, runs func(size) int, dropCache bool, out io.Writer) error {
	fmt.Fprintf(out, "# load at start: %s\n", uptime())
	bin := filepath.Join(root, "bin")
	pdxBin, ipfsBin, ageBin, err := buildCLIs(ctx, bin)
	if err != nil {
		return err
	}

	// One kubo daemon, importing with pdx's profile.
	ipfsDir := filepath.Join(root, "kubo")
	ipfsEnv := cliEnv("IPFS_PATH=" + ipfsDir)
	for _, args := range [][]string{
		{"init", "--profile=test"},
		{"config", "Addresses.API", "/ip4/127.0.0.1/tcp/0"},
		{"config", "--json", "Addresses.Gateway", "[]"},
		{"config", "--json", "Import.CidVersion", "1"},
		{"config", "--json", "Import.UnixFSRawLeaves", "true"},
		{"config", "Import.UnixFSChunker", "size-262144"},
	} {
		if err := runQuiet(ctx, ipfsEnv, ipfsBin, args...); err != nil {
			return err
		}
	}
	kubo, err := startDaemon(ctx, ipfsEnv, filepath.Join(root, "kubo.log"), "Daemon is ready", ipfsBin, "daemon")
	if err != nil {
		return err
	}
	defer kubo.stop()
	api, err := os.ReadFile(filepath.Join(ipfsDir, "api"))
	if err != nil {
		return fmt.Errorf("kubo daemon wrote no api file: %w", err)
	}

	// Two pdx homes: one storing into that kubo daemon, one embedded.
	homes := map[string]*pdxHome{}
	for _, kind := range []string{"remote", "embedded"} {
		port, err := freePort()
		if err != nil {
			return err
		}
		h := &pdxHome{bin: pdxBin, dir: filepath.Join(root, "pdx-"+kind),
			env: cliEnv("PDX_PASSPHRASE=bench", "PDX_API_LISTEN="+port)}
		if kind == "remote" {
			h.env = append(h.env, "PDX_IPFS_MODE=remote", "PDX_IPFS_API_URL="+strings.TrimSpace(string(api)))
		}
		if err := runQuiet(ctx, h.env, pdxBin, "--home", h.dir, "init"); err != nil {
			return err
		}
		d, err := startDaemon(ctx, h.env, h.dir+".log", "pdx daemon: API", pdxBin, "--home", h.dir, "daemon")
		if err != nil {
			return err
		}
		defer d.stop()
		homes[kind] = h
	}

	ageID, err := age.GenerateX25519Identity()
	if err != nil {
		return err
	}
	keyFile := filepath.Join(root, "age.key")
	if err := os.WriteFile(keyFile, []byte(ageID.String()+"\n"), 0o600); err != nil {
		return err
	}
	recipient := ageID.Recipient().String()
	outFile := filepath.Join(root, "out")

	type cliResult struct {
		size     size
		put, get measure
	}
	var results []cliResult
	for _, sz := range sizes {
		file := filepath.Join(root, "data-"+sz.label)
		if err := writeData(file, "cli-"+sz.label, sz.n); err != nil {
			return err
		}
		res := cliResult{size: sz}
		for r := range runs(sz) {
			cids := map[string]string{}
			for _, kind := range order(cliKinds, r) {
				syscall.Sync()
				if dropCache {
					dropCleanCache()
				}
				var c string
				d, err := wall(func() (err error) {
					if kind == "age" {
						c, err = pipe(ctx, ipfsEnv, "",
							[]string{ageBin, "-r", recipient, file},
							append([]string{ipfsBin}, append(ipfsAddFlags, fmt.Sprintf("--pin-name=bench-%s-%d", sz.label, r))...))
					} else {
						c, err = homes[kind].put(ctx, file)
					}
					return err
				})
				if err != nil {
					return fmt.Errorf("%s put %s: %w", kind, sz.label, err)
				}
				cids[kind] = strings.TrimSpace(c)
				res.put.add(kind, mbps(sz.n, d), 0)
			}
			// The remote home's version must be in the kubo daemon the
			// pipeline writes into, or the lines compare other stores.
			if r == 0 {
				if err := runQuiet(ctx, ipfsEnv, ipfsBin, "pin", "ls", "--type=recursive", cids["remote"]); err != nil {
					return fmt.Errorf("the remote home's version is not pinned in the kubo daemon: %w", err)
				}
			}
			got := map[string]float64{}
			for _, kind := range order(cliKinds, r) {
				syscall.Sync()
				d, err := wall(func() error {
					os.Remove(outFile)
					if kind == "age" {
						_, err := pipe(ctx, ipfsEnv, outFile,
							[]string{ipfsBin, "cat", cids[kind]},
							[]string{ageBin, "-d", "-i", keyFile})
						return err
					}
					return homes[kind].get(ctx, cids[kind], outFile)
				})
				if err != nil {
					return fmt.Errorf("%s get %s: %w", kind, sz.label, err)
				}
				if fi, err := os.Stat(outFile); err != nil || fi.Size() != sz.n {
					return fmt.Errorf("%s get %s wrote %v bytes, want %d (%v)", kind, sz.label, fi, sz.n, err)
				}
				got[kind] = mbps(sz.n, d)
				res.get.add(kind, got[kind], 0)
			}
			os.Remove(outFile)
			n := len(res.put.mbps["age"]) - 1
			progress("cli %s #%d: put remote %.1f age|ipfs %.1f embedded %.1f MB/s; get remote %.1f ipfs|age %.1f embedded %.1f MB/s", sz.label, r,
				res.put.mbps["remote"][n], res.put.mbps["age"][n], res.put.mbps["embedded"][n], got["remote"], got["age"], got["embedded"])
		}
		os.Remove(file)
		results = append(results, res)
	}

	fmt.Fprintf(out, "# cli op size home pdx_MBps age_ipfs_MBps ratio_best ratio_paired_median   (MB = 10^6 bytes; wall clock of the commands until they exit; ratio = pdx/age)\n")
	for _, res := range results {
		for _, op := range []struct {
			name string
			m    *measure
		}{{"put", &res.put}, {"get", &res.get}} {
			for _, home := range []string{"remote", "embedded"} {
				fmt.Fprintf(out, "cli %s %s %s %.1f %.1f %.2f %.2f\n", op.name, res.size.label, home,
					op.m.best(home), op.m.best("age"), op.m.best(home)/op.m.best("age"), median(op.m.ratios(home, "age")))
			}
		}
	}
	fmt.Fprintf(out, "# put: `pdx put FILE --dataset D` against `age -r R FILE | ipfs add -Q %s` (two processes, one pipe);\n", strings.Join(ipfsAddFlags[2:], " "))
	fmt.Fprintf(out, "# get: `pdx get CID -o OUT` against `ipfs cat CID | age -d -i KEY > OUT`; one kubo daemon (Import: CIDv1, raw leaves, 256 KiB chunks) serves the age pipeline and the remote home (ipfs.mode = \"remote\"); the embedded home is the default config\n")
	fmt.Fprintf(out, "# runs per size: %s, kinds rotating in each round; every op starts after sync(2)", strings.Join(slices.Collect(func(yield func(string) bool) {
		for _, r := range results {
			if !yield(fmt.Sprintf("%s %d", r.size.label, len(r.put.mbps["age"]))) {
				return
			}
		}
	}), ", "))
	if dropCache && dropCleanCache() {
		fmt.Fprintf(out, ", every put after a drop of the clean page cache\n")
	} else {
		fmt.Fprintf(out, "; the page cache was not dropped (needs root)\n")
	}
	fmt.Fprintf(out, "# load at end: %s\n", uptime())
	return nil
}

// buildCLIs builds pdx and kubo's ipfs from this module (the versions in
// go.mod) and age from its release into bin.
func buildCLIs(ctx context.Context, bin string) (pdxBin, ipfsBin, ageBin string, err error) {
	pdxBin, ipfsBin, ageBin = filepath.Join(bin, "pdx"), filepath.Join(bin, "ipfs"), filepath.Join(bin, "age")
	start := time.Now()
	for _, b := range []struct{ out, pkg string }{{pdxBin, "github.com/pdx-network/pdx/cmd/pdx"}, {ipfsBin, "github.com/ipfs/kubo/cmd/ipfs"}} {
		if o, err := exec.CommandContext(ctx, "go", "build", "-o", b.out, b.pkg).CombinedOutput(); err != nil {
			return "", "", "", fmt.Errorf("go build %s: %w\n%s", b.pkg, err, o)
		}
	}
	cmd := exec.CommandContext(ctx, "go", "install", ageModule)
	cmd.Dir = bin // outside this module: age's own go.mod decides
	cmd.Env = append(os.Environ(), "GOBIN="+bin, "GOFLAGS=")
	if o, err := cmd.CombinedOutput(); err != nil {
		return "", "", "", fmt.Errorf("go install %s: %w\n%s", ageModule, err, o)
	}
	progress("built pdx, ipfs and age in %s", time.Since(start).Round(time.Second))
	return pdxBin, ipfsBin, ageBin, nil
}

// pdxHome is a pdx home whose daemon runs.
type pdxHome struct {
	bin, dir string
	env      []string
}

func (h *pdxHome) put(ctx context.Context, file string) (string, error) {
	cmd := exec.CommandContext(ctx, h.bin, "--home", h.dir, "put", file, "--dataset", "bench")
	cmd.Env = h.env
	o, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%w\n%s", err, o)
	}
	// The CID is the one bafy…/bafk… word of the summary.
	for f := range strings.FieldsSeq(string(o)) {
		if strings.HasPrefix(f, "baf") {
			return strings.Trim(f, ",.;()"), nil
		}
	}
	return "", fmt.Errorf("no CID in pdx put's output %q", o)
}

func (h *pdxHome) get(ctx context.Context, c, out string) error {
	cmd := exec.CommandContext(ctx, h.bin, "--home", h.dir, "get", c, "-o", out)
	cmd.Env = h.env
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%w\n%s", err, o)
	}
	return nil
}

// pipe runs `a | b` as a shell would, the two processes joined by an OS
// pipe. b's stdout goes to outFile, or with outFile "" is returned (the CID
// `ipfs add -Q` prints). Both must exit 0, as under `set -o pipefail`.
func pipe(ctx context.Context, env []string, outFile string, a, b []string) (string, error) {
	ca := exec.CommandContext(ctx, a[0], a[1:]...)
	cb := exec.CommandContext(ctx, b[0], b[1:]...)
	ca.Env, cb.Env = env, env
	pr, pw, err := os.Pipe()
	if err != nil {
		return "", err
	}
	ca.Stdout, cb.Stdin = pw, pr
	var errA, errB strings.Builder
	ca.Stderr, cb.Stderr = &errA, &errB
	var small strings.Builder
	if outFile == "" {
		cb.Stdout = &small
	} else {
		f, err := os.Create(outFile)
		if err != nil {
			return "", err
		}
		defer f.Close()
		cb.Stdout = f
	}
	if err := ca.Start(); err != nil {
		pr.Close()
		pw.Close()
		return "", err
	}
	pw.Close()
	if err := cb.Start(); err != nil {
		pr.Close()
		ca.Wait()
		return "", err
	}
	pr.Close()
	ea, eb := ca.Wait(), cb.Wait()
	if ea != nil || eb != nil {
		return "", fmt.Errorf("%s: %v %s| %s: %v %s", filepath.Base(a[0]), ea, errA.String(), filepath.Base(b[0]), eb, errB.String())
	}
	return small.String(), nil
}

// daemonProc is a started daemon, stopped with SIGINT.
type daemonProc struct {
	cmd  *exec.Cmd
	done chan struct{}
}

// startDaemon runs a daemon with its output in logFile and waits (up to
// two minutes) for a line containing ready.
func startDaemon(ctx context.Context, env []string, logFile, ready string, name string, args ...string) (*daemonProc, error) {
	log, err := os.Create(logFile)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(name, args...)
	cmd.Env = env
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, err
	}
	d := &daemonProc{cmd: cmd, done: make(chan struct{})}
	up := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(pr)
		seen := false
		for sc.Scan() {
			fmt.Fprintln(log, sc.Text())
			if !seen && strings.Contains(sc.Text(), ready) {
				seen = true
				close(up)
			}
		}
		io.Copy(log, pr)
		log.Close()
	}()
	go func() {
		cmd.Wait()
		pw.Close()
		close(d.done)
	}()
	select {
	case <-up:
		return d, nil
	case <-d.done:
		return nil, fmt.Errorf("%s exited before it was ready (log: %s)", filepath.Base(name), logFile)
	case <-time.After(2 * time.Minute):
		d.stop()
		return nil, fmt.Errorf("%s not ready after 2 minutes (log: %s)", filepath.Base(name), logFile)
	case <-ctx.Done():
		d.stop()
		return nil, ctx.Err()
	}
}

func (d *daemonProc) stop() {
	d.cmd.Process.Signal(os.Interrupt)
	select {
	case <-d.done:
	case <-time.After(30 * time.Second):
		d.cmd.Process.Kill()
		<-d.done
	}
}

// wall is f's wall-clock time in seconds.
func wall(f func() error) (float64, error) {
	start := time.Now()
	err := f()
	return time.Since(start).Seconds(), err
}

// writeData writes n deterministic pseudo-random bytes to path.
func writeData(path, seed string, n int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, detstream.New(seed, n)); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// freePort is a loopback host:port nothing listens on right now.
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// uptime is the load averages of /proc/loadavg (1, 5, 15 minutes).
func uptime() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// runQuiet runs a setup command, showing its output only when it fails.
func runQuiet(ctx context.Context, env []string, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	if o, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", filepath.Base(name), strings.Join(args, " "), err, o)
	}
	return nil
}
