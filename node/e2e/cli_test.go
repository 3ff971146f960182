package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/node/internal/pdxtest"
)

// runPDX runs the pdx binary to completion (at most 90 s) and returns its
// stdout, stderr and exit status.
func runPDX(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, pdxBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return stdout.String(), stderr.String(), 0
	case errors.As(err, &ee):
		return stdout.String(), stderr.String(), ee.ExitCode()
	}
	t.Fatalf("pdx %s: %v", strings.Join(args, " "), err)
	return "", "", 0
}

// jsonError is pdx's --json error document.
type jsonError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// TestProxyCommand checks `pdx proxy`'s refusals and exit statuses
// (docs/cli.md), its key files, and its embedded IPFS mode, against the dev
// chain over HTTP.
func TestProxyCommand(t *testing.T) {
	built := make(chan struct{})
	go func() { defer close(built); pdxBinary(t) }()
	// pdxtest's network, its chain served over HTTP to the processes.
	n := pdxtest.New(t, pdxtest.Config{Accounts: 1, HTTP: true})
	ctx, ch := n.Ctx, n.Chain
	// An IPFS repository for the embedded mode, made by kubo with its test
	// profile so the proxy's node stays on loopback.
	repo := t.TempDir()
	ipfsCmd(t, repo, "init", "--profile=test")
	<-built
	rpc, registry := ch.HTTPEndpoint(), ch.Registry().Hex()

	check := func(name string, env []string, wantStatus int, wantCode, wantMsg string, args ...string) {
		t.Helper()
		stdout, stderr, status := runPDX(t, env, append([]string{"proxy", "--json"}, args...)...)
		var doc jsonError
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("%s: stdout is not a JSON error (%v):\n%s\nstderr:\n%s", name, err, stdout, stderr)
		}
		if status != wantStatus || doc.Error.Code != wantCode || !strings.Contains(doc.Error.Message, wantMsg) {
			t.Fatalf("%s: exit %d %q %q; want exit %d, code %q, a message with %q\nstderr:\n%s",
				name, status, doc.Error.Code, doc.Error.Message, wantStatus, wantCode, wantMsg, stderr)
		}
	}
	check("no flags", nil, 2, "usage", "--dir is required")
	check("bad poll from the environment", []string{"PDX_PROXY_POLL=often"}, 2, "usage", "PDX_PROXY_POLL",
		"--dir", t.TempDir(), "--rpc", rpc, "--registry", registry, "--ipfs-repo", repo)
	check("no IPFS", nil, 2, "usage", "--ipfs-api", "--dir", t.TempDir(), "--rpc", rpc, "--registry", registry)
	check("no Registry there", nil, 3, "not_found", "no contract",
		"--dir", t.TempDir(), "--rpc", rpc, "--registry", "0x00000000000000000000000000000000000000aa", "--ipfs-repo", repo)
	check("chain down", nil, 5, "unavailable", "127.0.0.1:1",
		"--dir", t.TempDir(), "--rpc", "http://127.0.0.1:1", "--registry", registry, "--ipfs-repo", repo)

	// A fresh state directory gets a new account key (0600), which holds no
	// ether: the proxy says so and what to do, with exit 4.
	dir := t.TempDir()
	check("unfunded", []string{"PDX_PROXY_RPC=" + rpc, "PDX_PROXY_REGISTRY=" + registry}, 4, "refused", "cannot pay for its registration: send it some ether",
		"--dir", dir, "--ipfs-repo", repo)
	for _, f := range []string{"proxy.key", filepath.Join("hpke", "0.key")} {
		info, err := os.Stat(filepath.Join(dir, f))
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("%s after the first start: %v %v, want mode 0600", f, info, err)
		}
	}
	key, err := crypto.LoadECDSA(filepath.Join(dir, "proxy.key"))
	if err != nil {
		t.Fatalf("proxy.key is not a hex account key: %v", err)
	}

	// Funded, the same directory starts (keeping its key), over the
	// embedded IPFS node; a second proxy on the directory is refused, and
	// SIGINT stops the first with status 130.
	if err := fund(ctx, ch.Client(), ch.Accounts()[0], big1e18(), crypto.PubkeyToAddress(key.PublicKey)); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(pdxBinary(t), "proxy", "--dir", dir, "--rpc", rpc, "--registry", registry, "--ipfs-repo", repo, "--poll", "100ms",
		"--from-block", strconv.FormatUint(ch.DeployBlock(), 10))
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-done
	})
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(stdout.String(), "listening on") {
		if time.Now().After(deadline) {
			t.Fatalf("the funded proxy did not start:\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	line := stdout.String()
	if !strings.Contains(line, crypto.PubkeyToAddress(key.PublicKey).Hex()) || strings.Count(line, "\n") != 1 {
		t.Fatalf("start line %q: want one line naming %s", line, crypto.PubkeyToAddress(key.PublicKey).Hex())
	}
	check("directory in use", nil, 6, "conflict", "runs a proxy on", "--dir", dir, "--rpc", rpc, "--registry", registry, "--ipfs-repo", repo)
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Fatalf("after SIGINT: %v, want exit 130\nstderr: %s", err, stderr.String())
		}
		done <- err
	case <-time.After(30 * time.Second):
		t.Fatal("the proxy did not stop within 30s of SIGINT")
	}
	if !strings.Contains(stderr.String(), "proxy stopped; its state is saved") {
		t.Fatalf("no clean-stop log line:\n%s", stderr.String())
	}
}
