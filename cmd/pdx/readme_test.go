package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pdx-network/pdx/internal/testbin"
)

// The README's owner and brand guides are marked so the test finds them:
// an HTML comment "<!-- guide: owner 1 -->" (or brand N) right before a
// ```sh block.
var guideBlock = regexp.MustCompile("(?s)<!-- guide: (owner|brand) ([0-9]+) -->\n```sh\n(.*?)```")

// Placeholders of the guides and what replaces them.
var (
	brandAddressRE = regexp.MustCompile(`address:\s+(0x[0-9a-fA-F]{40})`)
	cidRE          = regexp.MustCompile(`\bbaf[a-z2-7]{50,}\b`)
	expectExitRE   = regexp.MustCompile(`#.*\(exit ([0-9]+)\)`)
)

type guideStep struct {
	role string
	n    int
	cmds []string
}

// readGuides extracts the marked blocks of README.md, in the order the
// README tells: owner 1, brand 1, owner 2, brand 2, …
func readGuides(t *testing.T) []guideStep {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]guideStep{}
	max := 0
	for _, m := range guideBlock.FindAllStringSubmatch(string(data), -1) {
		n, _ := strconv.Atoi(m[2])
		key := m[1] + " " + m[2]
		if _, dup := byKey[key]; dup {
			t.Fatalf("README.md marks two blocks as guide %s", key)
		}
		var cmds []string
		for _, l := range strings.Split(m[3], "\n") {
			if strings.TrimSpace(l) != "" {
				cmds = append(cmds, l)
			}
		}
		byKey[key] = guideStep{role: m[1], n: n, cmds: cmds}
		max = max0(max, n)
	}
	var steps []guideStep
	for n := 1; n <= max; n++ {
		for _, role := range []string{"owner", "brand"} {
			if s, ok := byKey[fmt.Sprintf("%s %d", role, n)]; ok {
				steps = append(steps, s)
			}
		}
	}
	if _, ok := byKey["owner 1"]; !ok {
		t.Fatal("README.md has no block marked <!-- guide: owner 1 -->")
	}
	if _, ok := byKey["brand 1"]; !ok {
		t.Fatal("README.md has no block marked <!-- guide: brand 1 -->")
	}
	return steps
}

func max0(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// shell is one person's terminal: a bash reading the guide's commands one
// by one, in its own $HOME and directory, in its own process group so
// everything it started (the daemon in the background) ends with it.
type shell struct {
	role string
	dir  string
	home string
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
}

func startShell(t *testing.T, role, root, pdx string) *shell {
	t.Helper()
	sh := &shell{role: role, dir: filepath.Join(root, role), home: filepath.Join(root, role+"-home")}
	for _, d := range []string{sh.dir, sh.home} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(pdx, filepath.Join(sh.dir, "pdx")); err != nil {
		t.Fatal(err)
	}
	sh.cmd = exec.Command("bash", "--noprofile", "--norc")
	sh.cmd.Dir = sh.dir
	// Nothing of the test's environment leaks in (no PDX_* variable): a
	// person's fresh shell.
	sh.cmd.Env = []string{"HOME=" + sh.home, "PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8", "TMPDIR=" + os.TempDir()}
	sh.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var err error
	if sh.in, err = sh.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	sh.cmd.Stdout, sh.cmd.Stderr = pw, pw
	if err := sh.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	sh.out = bufio.NewReader(pr)
	t.Cleanup(func() {
		// SIGTERM to the group: the daemons save their state and stop.
		_ = syscall.Kill(-sh.cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = sh.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			_ = syscall.Kill(-sh.cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
		// The shell is gone, but a daemon it started may still be
		// stopping and writing its home: wait for the whole group to end
		// before the test's directory is removed.
		groupGone := func() bool { return syscall.Kill(-sh.cmd.Process.Pid, 0) == syscall.ESRCH }
		for deadline := time.Now().Add(20 * time.Second); !groupGone() && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		if !groupGone() {
			_ = syscall.Kill(-sh.cmd.Process.Pid, syscall.SIGKILL)
			for deadline := time.Now().Add(5 * time.Second); !groupGone() && time.Now().Before(deadline); {
				time.Sleep(50 * time.Millisecond)
			}
		}
		pr.Close()
	})
	return sh
}

const endMark = "@@@pdx-guide-end "

// run types one line and returns what it printed (stdout and stderr, as a
// terminal shows them) and its exit status. The line runs with stdin from
// /dev/null so no command can eat the lines after it.
func (sh *shell) run(t *testing.T, line string, timeout time.Duration) (string, int) {
	t.Helper()
	if _, err := fmt.Fprintf(sh.in, "{ %s\n} < /dev/null\nprintf '\\n%s%%d@@@\\n' \"$?\"\n", line, endMark); err != nil {
		t.Fatalf("%s: typing %q: %v", sh.role, line, err)
	}
	type result struct {
		out  string
		code int
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		var b strings.Builder
		for {
			l, err := sh.out.ReadString('\n')
			if rest, ok := strings.CutPrefix(l, endMark); ok {
				code, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), "@@@"))
				ch <- result{strings.TrimRight(b.String(), "\n"), code, nil}
				return
			}
			b.WriteString(l)
			if err != nil {
				ch <- result{b.String(), -1, err}
				return
			}
		}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			t.Fatalf("%s: the shell ended during %q: %v\n%s", sh.role, line, r.err, r.out)
		}
		return r.out, r.code
	case <-time.After(timeout):
		t.Fatalf("%s: %q did not finish within %v\n%s", sh.role, line, timeout, sh.daemonLog())
		return "", -1
	}
}

func (sh *shell) daemonLog() string {
	b, _ := os.ReadFile(filepath.Join(sh.home, ".pdx-daemon.log"))
	return fmt.Sprintf("--- %s's ~/.pdx-daemon.log ---\n%s", sh.role, b)
}

// buildPdx is this tree's pdx as users build it (testbin keeps it in a
// folder of this checkout's own).
func buildPdx(t *testing.T) string { return testbin.Pdx(t) }

// TestREADMEGuides runs the README's owner and brand guides as written,
// against two homes and two pdx daemons on this machine, from pdx init to
// the brand's decrypted bytes and its refusal after the owner revokes.
func TestREADMEGuides(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two daemons (about a minute)")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Fatalf("the README's guides are bash; this test needs it on PATH: %v", err)
	}
	steps := readGuides(t)
	pdx := buildPdx(t) // the README's `go build -o pdx ./cmd/pdx`, once
	root := t.TempDir()
	shells := map[string]*shell{"owner": startShell(t, "owner", root, pdx), "brand": startShell(t, "brand", root, pdx)}
	owner, brand := shells["owner"], shells["brand"]
	// The owner's file: any CSV.
	var csv bytes.Buffer
	for i := range 5000 {
		fmt.Fprintf(&csv, "%d,2026-11-%02d,store %d,%d.%02d\n", i, 1+i%28, i%17, i%300, i%100)
	}
	if err := os.WriteFile(filepath.Join(owner.dir, "history.csv"), csv.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}

	var (
		brandAddr, cid string
		joinStart      time.Time
		firstGet       time.Duration
		refused        bool
		logMu          sync.Mutex
		transcript     = map[string]*strings.Builder{"owner": {}, "brand": {}}
	)
	t.Cleanup(func() {
		logMu.Lock()
		defer logMu.Unlock()
		for _, role := range []string{"owner", "brand"} {
			t.Logf("%s guide:\n%s", role, transcript[role])
		}
		if t.Failed() {
			t.Log(owner.daemonLog())
			t.Log(brand.daemonLog())
		}
	})
	for _, st := range steps {
		sh := shells[st.role]
		if st.role == "brand" {
			// The owner gives the brand network.json.
			if b, err := os.ReadFile(filepath.Join(owner.dir, "network.json")); err == nil {
				if err := os.WriteFile(filepath.Join(brand.dir, "network.json"), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, line := range st.cmds {
			if strings.Contains(line, "0xBRAND…") {
				if brandAddr == "" {
					t.Fatalf("%s %d: %q needs the brand's address, which no earlier `pdx init --join` printed", st.role, st.n, line)
				}
				line = strings.ReplaceAll(line, "0xBRAND…", brandAddr)
			}
			if strings.Contains(line, "bafy…") {
				if cid == "" {
					t.Fatalf("%s %d: %q needs a CID, which no earlier `pdx granted` listed", st.role, st.n, line)
				}
				line = strings.ReplaceAll(line, "bafy…", cid)
			}
			want := 0
			if m := expectExitRE.FindStringSubmatch(line); m != nil {
				want, _ = strconv.Atoi(m[1])
			}
			isJoin := strings.Contains(line, "init --join")
			if isJoin {
				joinStart = time.Now()
			}
			start := time.Now()
			out, code := sh.run(t, line, 2*time.Minute)
			took := time.Since(start)
			logMu.Lock()
			fmt.Fprintf(transcript[st.role], "$ %s\n", line)
			if out != "" {
				fmt.Fprintf(transcript[st.role], "%s\n", out)
			}
			fmt.Fprintf(transcript[st.role], "[exit %d, %.1fs]\n", code, took.Seconds())
			logMu.Unlock()
			if code != want {
				t.Fatalf("%s guide, block %d: %q exited %d, want %d:\n%s\n%s", st.role, st.n, line, code, want, out, sh.daemonLog())
			}
			switch {
			case isJoin:
				m := brandAddressRE.FindStringSubmatch(out)
				if m == nil {
					t.Fatalf("`pdx init --join` printed no address:\n%s", out)
				}
				brandAddr = m[1]
			case strings.Contains(line, "pdx granted"):
				if c := cidRE.FindString(out); c != "" {
					cid = c
				}
			case strings.Contains(line, "pdx get") && st.role == "brand" && want == 0 && firstGet == 0:
				firstGet = time.Since(joinStart)
			case strings.Contains(line, "pdx get") && st.role == "brand" && want != 0:
				if !strings.Contains(out, "revoked") {
					t.Errorf("the brand's get after the revoke says %q, want it to name the revocation", out)
				}
				refused = true
			}
		}
	}
	// The brand's bytes are the owner's.
	got, err := os.ReadFile(filepath.Join(brand.dir, "history.csv"))
	if err != nil {
		t.Fatalf("the brand guide left no history.csv: %v", err)
	}
	if !bytes.Equal(got, csv.Bytes()) {
		t.Fatalf("the brand decrypted %d bytes that differ from the owner's %d", len(got), csv.Len())
	}
	if !refused {
		t.Fatal("the guides never show the brand refused after the owner revokes")
	}
	if _, err := os.Stat(filepath.Join(brand.dir, "again.csv")); err == nil {
		t.Error("the refused get left a file behind")
	}
	t.Logf("from the brand's `pdx init --join` to its first successful get: %.1fs", firstGet.Seconds())
}
