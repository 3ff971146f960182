package topology

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pdx-network/pdx/internal/testbin"
)

// proc is one service's process on its host.
type proc struct {
	name   string
	host   *Host
	cmd    *exec.Cmd
	stdout *testbin.SyncBuffer
	stderr *testbin.SyncBuffer
	done   chan struct{}
	exit   error
}

// start runs bin with args on host h as service name, with env added to
// the test's environment. It is killed when the test ends, whatever
// happened.
func start(t *testing.T, n *Network, h *Host, name string, env []string, bin string, args ...string) *proc {
	t.Helper()
	cmd := n.Command(h, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	p := &proc{name: name, host: h, cmd: cmd, stdout: &testbin.SyncBuffer{}, stderr: &testbin.SyncBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.stdout, p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s on %s: %v", name, h.Name, err)
	}
	go func() {
		p.exit = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() { p.stop(10 * time.Second) })
	return p
}

func (p *proc) running() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

// kill sends SIGKILL and waits until the process is gone.
func (p *proc) kill() {
	if !p.running() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// stop sends SIGTERM and waits, killing after grace.
func (p *proc) stop(grace time.Duration) {
	if !p.running() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(grace):
		p.kill()
	}
}

// signal sends sig (SIGSTOP, SIGCONT) to a running process.
func (p *proc) signal(sig syscall.Signal) error {
	if !p.running() {
		return fmt.Errorf("%s is not running", p.name)
	}
	return p.cmd.Process.Signal(sig)
}

// waitFor polls ready until it is true, the process exits or within
// passes.
func (p *proc) waitFor(t *testing.T, within time.Duration, what string, ready func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ready() {
		if !p.running() {
			t.Fatalf("%s on %s exited (%v) before %s:\nstdout: %s\nstderr:\n%s", p.name, p.host.Name, p.exit, what, p.stdout, tail(p.stderr.String(), 40))
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s on %s: not %s after %s:\nstdout: %s\nstderr:\n%s", p.name, p.host.Name, what, within, p.stdout, tail(p.stderr.String(), 40))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// jsonOut decodes the one JSON document the process printed on stdout.
func (p *proc) jsonOut(v any) bool {
	return json.Unmarshal([]byte(p.stdout.String()), v) == nil
}

func tail(s string, lines int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > lines {
		l = l[len(l)-lines:]
	}
	return strings.Join(l, "\n")
}

// cliResult is one finished command.
type cliResult struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// runOn runs a command on host h to completion, for at most within.
func runOn(t *testing.T, ctx context.Context, n *Network, h *Host, within time.Duration, env []string, bin string, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, within)
	defer cancel()
	cmd := n.Command(h, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s %s: %v", bin, strings.Join(args, " "), err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		<-done
		return cliResult{code: -1, stdout: stdout.String(), stderr: stderr.String() + fmt.Sprintf("\n(killed by the test after %s)", within), took: time.Since(start)}
	}
	r := cliResult{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		t.Fatalf("%s %s: %v", bin, strings.Join(args, " "), err)
	}
	return r
}

var metricLine = regexp.MustCompile(`(?m)^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$`)

// metrics reads a proxy's /metrics into name{labels} → value, through hc.
func metrics(ctx context.Context, hc *http.Client, url string) (map[string]float64, error) {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"/metrics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(req)
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
		if v, err := strconv.ParseFloat(m[3], 64); err == nil {
			out[m[1]+m[2]] = v
		}
	}
	return out, nil
}
