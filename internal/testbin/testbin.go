// Package testbin builds the programs pdx's tests run as real processes —
// kubo's ipfs, geth and pdx itself — from the modules pinned in go.mod, and
// starts a geth --dev node. It is imported by tests only.
//
// Binaries go to the user's cache directory (pdx-test/), built once per test
// process; go build rewrites them only when their inputs changed, and
// replaces them by rename, so test packages running side by side share them
// safely. Each checkout has a folder of its own (pdx-test/<hash of the
// module's path>/), so two checkouts tested at once never run each other's
// pdx.
package testbin

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

type build struct {
	once sync.Once
	path string
	err  error
}

var (
	mu     sync.Mutex
	builds = map[string]*build{}
)

// Build builds the main package pkg as name and returns its path; a failure
// fails the test with the go command's output.
func Build(t testing.TB, pkg, name string) string {
	t.Helper()
	mu.Lock()
	b := builds[pkg]
	if b == nil {
		b = new(build)
		builds[pkg] = b
	}
	mu.Unlock()
	b.once.Do(func() { b.path, b.err = goBuild(pkg, name) })
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.path
}

func goBuild(pkg, name string) (string, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("building %s needs the go command on PATH (Go 1.26): %w", pkg, err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "pdx-test")
	// One folder per checkout (the tests of the deploy package put it on
	// PATH, so every binary of a checkout sits in the same one).
	gomod, err := exec.Command(gobin, "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	sum := sha256.Sum256(bytes.TrimSpace(gomod))
	dir = filepath.Join(dir, hex.EncodeToString(sum[:6]))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	out := filepath.Join(dir, name)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	start := time.Now()
	if b, err := exec.CommandContext(ctx, gobin, "build", "-o", out, pkg).CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build -o %s %s failed (the module cache must be reachable; go.mod pins it): %v\n%s", out, pkg, err, b)
	}
	if d := time.Since(start); d > 30*time.Second {
		fmt.Fprintf(os.Stderr, "testbin: built %s in %s\n", out, d.Round(time.Second))
	}
	return out, nil
}

// IPFS is kubo's ipfs command at the version pdx is built against.
func IPFS(t testing.TB) string { return Build(t, "github.com/ipfs/kubo/cmd/ipfs", "ipfs") }

// Geth is go-ethereum's geth at the version pdx is built against.
func Geth(t testing.TB) string { return Build(t, "github.com/ethereum/go-ethereum/cmd/geth", "geth") }

// module is pdx's module path.
const module = "github.com/pdx-network/pdx"

// Pdx is this module's pdx command.
func Pdx(t testing.TB) string { return Build(t, module+"/cmd/pdx", "pdx") }

// GethDevKey is the account geth --dev creates and funds when its keystore
// is empty (go-ethereum's published developer key).
const GethDevKey = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

var gethEndpointRE = regexp.MustCompile(`HTTP server started\s.*endpoint=(127\.0\.0\.1:[0-9]+)`)

// StartGeth runs `geth --dev` (a block per transaction) with JSON-RPC on a
// free loopback port until the test ends, and returns its URL. Extra
// flags go after pdx's own (e.g. "--rpc.rangelimit", "3" to act as a
// provider that caps eth_getLogs ranges).
func StartGeth(t testing.TB, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	args := append([]string{
		"--dev", "--dev.period", "0",
		"--datadir", t.TempDir(),
		"--http", "--http.addr", "127.0.0.1", "--http.port", "0", "--http.api", "eth,net,web3",
		"--nodiscover", "--maxpeers", "0", "--port", "0", "--authrpc.port", "0", "--ipcdisable",
		"--verbosity", "3",
	}, extra...)
	cmd := exec.CommandContext(ctx, Geth(t), args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("starting geth: %v", err)
	}
	done := make(chan struct{})
	t.Cleanup(func() {
		cancel()
		<-done
	})
	found := make(chan string, 1)
	var tail []string
	var tailMu sync.Mutex
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if m := gethEndpointRE.FindStringSubmatch(line); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
			tailMu.Lock()
			if tail = append(tail, line); len(tail) > 20 {
				tail = tail[1:]
			}
			tailMu.Unlock()
		}
		cmd.Wait()
	}()
	select {
	case ep := <-found:
		return "http://" + ep
	case <-done:
		tailMu.Lock()
		defer tailMu.Unlock()
		t.Fatalf("geth exited before serving JSON-RPC:\n%s", strings.Join(tail, "\n"))
	case <-time.After(60 * time.Second):
		t.Fatal("geth did not start its HTTP server within 60s")
	}
	return ""
}
