package testbin

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
)

// IPFSEnv is the environment for the ipfs command on repository dir:
// telemetry off and only errors logged.
func IPFSEnv(dir string) []string {
	return append(os.Environ(), "IPFS_PATH="+dir, "IPFS_TELEMETRY=off", "GOLOG_LOG_LEVEL=error")
}

// IPFSCommand runs the ipfs command on repository dir and returns its stdout.
func IPFSCommand(t testing.TB, dir string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, IPFS(t), args...)
	cmd.Env = IPFSEnv(dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ipfs %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// IPFSRepo makes a repository for a test daemon: kubo's test profile
// (loopback only, no bootstrap, no AutoConf), no gateway, and an RPC API
// that requires secret ("bearer:…") in the Authorization header.
func IPFSRepo(t testing.TB, secret string) string {
	t.Helper()
	dir := t.TempDir()
	IPFSCommand(t, dir, "init", "--profile=test")
	auth, _ := json.Marshal(map[string]any{
		"pdx": map[string]any{"AuthSecret": secret, "AllowedPaths": []string{"/api/v0"}},
	})
	IPFSCommand(t, dir, "config", "--json", "API.Authorizations", string(auth))
	IPFSCommand(t, dir, "config", "--json", "Addresses.Gateway", "[]")
	return dir
}

// IPFSDaemon is a running `ipfs daemon`.
type IPFSDaemon struct {
	Dir string
	// API is the RPC API multiaddr ("" when the repository has none).
	API  string
	Log  *SyncBuffer
	cmd  *exec.Cmd
	done chan struct{}
}

// StartIPFSDaemon runs `ipfs daemon` on dir and waits until it is ready;
// it is stopped when the test ends.
func StartIPFSDaemon(t testing.TB, dir string) *IPFSDaemon {
	t.Helper()
	cmd := exec.Command(IPFS(t), "daemon")
	cmd.Env = IPFSEnv(dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	d := &IPFSDaemon{Dir: dir, cmd: cmd, done: make(chan struct{}), Log: &SyncBuffer{}}
	cmd.Stderr = d.Log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting ipfs daemon: %v", err)
	}
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		signalled := false
		for sc.Scan() {
			fmt.Fprintln(d.Log, sc.Text())
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
	t.Cleanup(d.Stop)
	select {
	case <-ready:
	case <-d.done:
		t.Fatalf("ipfs daemon exited before it was ready:\n%s", d.Log.String())
	case <-time.After(90 * time.Second):
		d.Kill()
		t.Fatalf("ipfs daemon not ready after 90s:\n%s", d.Log.String())
	}
	// A repository configured without an RPC listener has no api file.
	if api, err := os.ReadFile(filepath.Join(dir, "api")); err == nil {
		d.API = strings.TrimSpace(string(api))
	}
	return d
}

// Kill sends SIGKILL and waits for the process to be gone.
func (d *IPFSDaemon) Kill() {
	select {
	case <-d.done:
		return
	default:
	}
	d.cmd.Process.Signal(syscall.SIGKILL)
	<-d.done
}

// Stop asks the daemon to shut down cleanly, killing it after 20 s.
func (d *IPFSDaemon) Stop() {
	select {
	case <-d.done:
		return
	default:
	}
	d.cmd.Process.Signal(os.Interrupt)
	select {
	case <-d.done:
	case <-time.After(20 * time.Second):
		d.Kill()
	}
}

// PID is the daemon's process id.
func (d *IPFSDaemon) PID() int { return d.cmd.Process.Pid }

// SyncBuffer collects a process's output for checks and failure messages.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
