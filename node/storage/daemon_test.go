package storage

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pdx-network/pdx/internal/testbin"
)

// The kubo daemon the remote tests talk to is built from the module pinned
// in go.mod, so the tests exercise exactly the kubo pdx is built against.
func ipfsBinary(t testing.TB) string { return testbin.IPFS(t) }

// ipfsCmd runs the ipfs binary on repository dir and returns its stdout.
func ipfsCmd(t testing.TB, dir string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, ipfsBinary(t), args...)
	cmd.Env = daemonEnv(dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ipfs %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

func daemonEnv(dir string) []string {
	return append(os.Environ(), "IPFS_PATH="+dir, "IPFS_TELEMETRY=off", "GOLOG_LOG_LEVEL=error")
}

// testSecret is what every test daemon requires in the Authorization header.
const testSecret = "bearer:pdx-storage-test-token"

// initDaemonRepo makes a repository for a test daemon: kubo's test profile
// (loopback only, no bootstrap, no AutoConf) plus an RPC authorization, so
// every remote test also exercises authenticated access.
func initDaemonRepo(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	ipfsCmd(t, dir, "init", "--profile=test")
	auth, _ := json.Marshal(map[string]any{
		"pdx": map[string]any{"AuthSecret": testSecret, "AllowedPaths": []string{"/api/v0"}},
	})
	ipfsCmd(t, dir, "config", "--json", "API.Authorizations", string(auth))
	ipfsCmd(t, dir, "config", "--json", "Addresses.Gateway", "[]")
	return dir
}

type daemon struct {
	t    testing.TB
	dir  string
	cmd  *exec.Cmd
	api  string
	done chan struct{}
	log  *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startDaemon runs `ipfs daemon` on dir and waits until it is ready. The
// daemon is stopped when the test ends.
func startDaemon(t testing.TB, dir string) *daemon {
	t.Helper()
	cmd := exec.Command(ipfsBinary(t), "daemon")
	cmd.Env = daemonEnv(dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	d := &daemon{t: t, dir: dir, cmd: cmd, done: make(chan struct{}), log: &syncBuffer{}}
	cmd.Stderr = d.log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting ipfs daemon: %v", err)
	}
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		signalled := false
		for sc.Scan() {
			fmt.Fprintln(d.log, sc.Text())
			if !signalled && strings.Contains(sc.Text(), "Daemon is ready") {
				signalled = true
				close(ready)
			}
		}
	}()
	go func() {
		cmd.Wait()
		close(d.done)
	}()
	t.Cleanup(d.stop)
	select {
	case <-ready:
	case <-d.done:
		t.Fatalf("ipfs daemon exited before it was ready:\n%s", d.log.String())
	case <-time.After(90 * time.Second):
		d.kill()
		t.Fatalf("ipfs daemon not ready after 90s:\n%s", d.log.String())
	}
	// A repository configured without an RPC listener has no api file.
	if api, err := os.ReadFile(filepath.Join(dir, "api")); err == nil {
		d.api = strings.TrimSpace(string(api))
	}
	return d
}

// kill sends SIGKILL and waits for the process to be gone.
func (d *daemon) kill() {
	select {
	case <-d.done:
		return
	default:
	}
	d.cmd.Process.Signal(syscall.SIGKILL)
	<-d.done
}

// stop asks the daemon to shut down cleanly, killing it after 20 s.
func (d *daemon) stop() {
	select {
	case <-d.done:
		return
	default:
	}
	d.cmd.Process.Signal(os.Interrupt)
	select {
	case <-d.done:
	case <-time.After(20 * time.Second):
		d.kill()
	}
}

func (d *daemon) pid() int { return d.cmd.Process.Pid }

// openRemote connects a Remote to d with the test secret.
func openRemote(t testing.TB, d *daemon) *Remote {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if d.api == "" {
		t.Fatalf("the daemon on %s has no RPC API (Addresses.API is empty)", d.dir)
	}
	r, err := OpenRemote(ctx, RemoteConfig{API: d.api, AuthSecret: testSecret})
	if err != nil {
		t.Fatalf("OpenRemote(%s): %v", d.api, err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// openEmbedded starts an embedded node confined to loopback in a fresh dir.
func openEmbedded(t testing.TB) *Embedded {
	t.Helper()
	return openEmbeddedIn(t, t.TempDir())
}

func openEmbeddedIn(t testing.TB, dir string) *Embedded {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	e, err := OpenEmbedded(ctx, EmbeddedConfig{Dir: dir, Local: true})
	if err != nil {
		t.Fatalf("OpenEmbedded(%s): %v", dir, err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}
