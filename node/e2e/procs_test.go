package e2e

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/pdx-network/pdx/internal/testbin"
)

// pdxBinary is the real pdx binary a person runs.
func pdxBinary(t testing.TB) string { return testbin.Pdx(t) }

type syncBuffer = testbin.SyncBuffer

// proxyStarted mirrors what `pdx proxy --json` prints once it serves.
type proxyStarted struct {
	Address    string `json:"address"`
	Listen     string `json:"listen"`
	Endpoint   string `json:"endpoint"`
	Registry   string `json:"registry"`
	ChainID    uint64 `json:"chain_id"`
	Block      uint64 `json:"block"`
	FollowFrom uint64 `json:"follow_from"`
	Resumed    bool   `json:"resumed"`
	Registered bool   `json:"registered"`
}

// proxyProc is one `pdx proxy` process.
type proxyProc struct {
	t       *testing.T
	dir     string
	keyFile string
	cmd     *exec.Cmd
	done    chan struct{}
	exit    error
	stderr  *syncBuffer
	started proxyStarted
}

// proxyArgs are what every proxy of a world is started with.
type proxyArgs struct {
	rpc, registry, ipfsAPI, ipfsAuth string
	fromBlock                        uint64
}

// writeKey writes an account key file as --account-key-file reads it.
func writeKey(t *testing.T, dir string, key []byte) string {
	t.Helper()
	path := filepath.Join(dir, "account.key")
	if err := os.WriteFile(path, []byte(hex.EncodeToString(key)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// startProxy runs `pdx proxy` on dir and waits for its start line. listen
// is "" for any free port.
func startProxy(t *testing.T, a proxyArgs, dir, keyFile, listen string) *proxyProc {
	t.Helper()
	if listen == "" {
		listen = "127.0.0.1:0"
	}
	cmd := exec.Command(pdxBinary(t), "proxy", "--json",
		"--dir", dir, "--rpc", a.rpc, "--registry", a.registry,
		"--from-block", strconv.FormatUint(a.fromBlock, 10),
		"--ipfs-api", a.ipfsAPI,
		"--listen", listen, "--poll", "100ms", "--account-key-file", keyFile)
	// The auth secret goes through the environment, which also checks the
	// PDX_PROXY_* variables.
	cmd.Env = append(os.Environ(), "PDX_PROXY_IPFS_AUTH="+a.ipfsAuth)
	p := &proxyProc{t: t, dir: dir, keyFile: keyFile, cmd: cmd, done: make(chan struct{}), stderr: &syncBuffer{}}
	cmd.Stderr = p.stderr
	out := &syncBuffer{}
	cmd.Stdout = out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting pdx proxy: %v", err)
	}
	go func() {
		p.exit = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(p.stop)
	// The start document is the one JSON value the proxy prints on stdout.
	deadline := time.After(60 * time.Second)
	for {
		var s proxyStarted
		if json.Unmarshal([]byte(out.String()), &s) == nil && s.Address != "" {
			p.started = s
			return p
		}
		select {
		case <-p.done:
			t.Fatalf("pdx proxy exited before serving (%v):\nstdout: %s\nstderr:\n%s", p.exit, out.String(), p.stderr.String())
		case <-deadline:
			p.kill()
			t.Fatalf("pdx proxy did not start within 60s:\n%s", p.stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// kill sends SIGKILL and waits until the process is gone.
func (p *proxyProc) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// stop sends SIGTERM and waits (killing after 15 s).
func (p *proxyProc) stop() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		p.kill()
	}
}

// exitCode is the process's exit status after it ended.
func (p *proxyProc) exitCode() int {
	<-p.done
	if p.cmd.ProcessState == nil {
		return -1
	}
	return p.cmd.ProcessState.ExitCode()
}

func (p *proxyProc) url() string { return p.started.Endpoint }

var metricLine = regexp.MustCompile(`(?m)^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$`)

// metrics reads the proxy's /metrics into name{labels} → value.
func (p *proxyProc) metrics(ctx context.Context) (map[string]float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.url()+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for _, m := range metricLine.FindAllStringSubmatch(string(b), -1) {
		v, err := strconv.ParseFloat(m[3], 64)
		if err == nil {
			out[m[1]+m[2]] = v
		}
	}
	return out, nil
}

// waitFollowed waits until the proxy's follower will next read block next
// or later (its /metrics), for at most 10 s.
func (p *proxyProc) waitFollowed(ctx context.Context, t *testing.T, next uint64) {
	t.Helper()
	start := time.Now()
	for {
		m, err := p.metrics(ctx)
		if err == nil && m["pdx_proxy_follower_next_block"] >= float64(next) {
			return
		}
		if time.Since(start) > 10*time.Second {
			t.Fatalf("proxy %s: follower not at block %d after 10s (metrics %v, %v)\n%s", p.started.Address, next, m, err, p.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// grantFile reads the proxy's stored state of one grant.
func (p *proxyProc) grantFile(dataset uint64, grantee [20]byte) (map[string]any, error) {
	b, err := os.ReadFile(filepath.Join(p.dir, "grants", fmt.Sprintf("%d-%s.json", dataset, hex.EncodeToString(grantee[:]))))
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	return m, nil
}

func ipfsCmd(t testing.TB, dir string, args ...string) { testbin.IPFSCommand(t, dir, args...) }

// ipfsSecret is what the test daemon requires in the Authorization header.
const ipfsSecret = "bearer:pdx-e2e-test-token"

// startIPFS runs `ipfs daemon` on a fresh test repository (loopback only, an
// RPC authorization) until the test ends and returns the RPC API multiaddr.
func startIPFS(t *testing.T) string {
	t.Helper()
	d := testbin.StartIPFSDaemon(t, testbin.IPFSRepo(t, ipfsSecret))
	if d.API == "" {
		t.Fatal("the daemon wrote no api file")
	}
	return d.API
}

// keyBytes is a private key as --account-key-file holds it.
var keyBytes = crypto.FromECDSA
