//go:build linux

package home

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY returns a pseudo-terminal pair: what is written to master is
// typed on the terminal slave.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("opening /dev/ptmx (a Linux pseudo-terminal is needed for the prompt tests): %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("opening the pty slave: %v", err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// promptWatcher records the prompts and announces each one.
type promptWatcher struct {
	mu      sync.Mutex
	text    strings.Builder
	prompts chan string
}

func (w *promptWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.text.Write(p)
	w.mu.Unlock()
	if s := string(p); strings.HasSuffix(s, ": ") {
		w.prompts <- s
	}
	return len(p), nil
}

func echoOn(t *testing.T, f *os.File) bool {
	tio, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio.Lflag&unix.ECHO != 0
}

func TestPromptOnTerminal(t *testing.T) {
	type answer struct {
		p   string
		err error
	}
	ask := func(t *testing.T, confirm bool, typed []string) (string, *promptWatcher, *os.File, error) {
		master, slave := openPTY(t)
		w := &promptWatcher{prompts: make(chan string, 4)}
		done := make(chan answer, 1)
		go func() {
			p, err := ReadPassphrase(PassphraseSource{Terminal: slave, Prompt: w}, confirm)
			done <- answer{p, err}
		}()
		for _, line := range typed {
			select {
			case <-w.prompts:
			case <-time.After(10 * time.Second):
				t.Fatal("no prompt")
			}
			master.Write([]byte(line + "\n"))
		}
		select {
		case a := <-done:
			return a.p, w, slave, a.err
		case <-time.After(10 * time.Second):
			t.Fatal("the prompt did not return")
		}
		return "", nil, nil, nil
	}

	p, w, slave, err := ask(t, true, []string{"typed secret", "typed secret"})
	if err != nil || p != "typed secret" {
		t.Fatalf("got %q, %v", p, err)
	}
	if !strings.Contains(w.text.String(), "Passphrase: ") || !strings.Contains(w.text.String(), "Repeat passphrase: ") {
		t.Errorf("prompts: %q", w.text.String())
	}
	if !echoOn(t, slave) {
		t.Error("echo left off")
	}
	if _, _, _, err := ask(t, true, []string{"one", "two"}); !errors.Is(err, ErrPassphraseMismatch) {
		t.Errorf("mismatch: %v", err)
	}
	if _, _, _, err := ask(t, false, []string{""}); !errors.Is(err, ErrEmptyPassphrase) {
		t.Errorf("empty: %v", err)
	}
	if p, _, _, err := ask(t, false, []string{"once"}); err != nil || p != "once" {
		t.Errorf("no confirm: %q %v", p, err)
	}
}

// TestPromptInterrupted: Ctrl-C at the prompt returns context.Canceled with
// the terminal's echo back on.
func TestPromptInterrupted(t *testing.T) {
	_, slave := openPTY(t)
	w := &promptWatcher{prompts: make(chan string, 4)}
	done := make(chan error, 1)
	go func() {
		_, err := ReadPassphrase(PassphraseSource{Terminal: slave, Prompt: w}, false)
		done <- err
	}()
	select {
	case <-w.prompts: // the handler is installed before the prompt is shown
	case <-time.After(10 * time.Second):
		t.Fatal("no prompt")
	}
	deadline := time.Now().Add(5 * time.Second)
	for echoOn(t, slave) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond) // wait until echo is off: the read has begun
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("want context.Canceled, got %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the interrupted prompt did not return")
	}
	if !echoOn(t, slave) {
		t.Error("echo left off after the interrupt")
	}
}
