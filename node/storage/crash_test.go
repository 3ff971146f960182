package storage

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashChildEnv makes the test binary run crashChild instead of the tests:
// the embedded node needs a process of its own to be killed.
const crashChildEnv = "PDX_STORAGE_CRASH_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		os.Exit(crashChild(dir))
	}
	os.Exit(m.Run())
}

// crashChild opens an embedded node on dir, adds three objects (printing
// "acked <name> <cid>" after each), then starts an endless add, prints
// "streaming" once 8 MiB are in, and keeps streaming until it is killed.
func crashChild(dir string) int {
	ctx := context.Background()
	e, err := OpenEmbedded(ctx, EmbeddedConfig{Dir: dir, Local: true, Offline: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	for i, n := range []int64{100, 300000, 3 << 20} {
		name := fmt.Sprintf("acked-%d", i)
		c, err := e.Add(ctx, newCounterStream(name, n), AddOptions{Name: name})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		fmt.Printf("acked %s %s\n", name, c)
	}
	r := &pacedReader{r: newCounterStream("interrupted", 1<<40), mark: 8 << 20}
	_, err = e.Add(ctx, r, AddOptions{Name: "interrupted"})
	fmt.Fprintln(os.Stderr, "the endless add returned:", err)
	return 3
}

// pacedReader prints "streaming" after mark bytes, then slows to about
// 30 MB/s so the disk does not fill while the parent kills the process.
type pacedReader struct {
	r    io.Reader
	mark int64
	n    int64
}

func (p *pacedReader) Read(b []byte) (int, error) {
	if p.n >= p.mark {
		if p.n-int64(len(b)) < p.mark {
			fmt.Println("streaming")
		}
		time.Sleep(time.Millisecond)
	}
	if len(b) > 32<<10 {
		b = b[:32<<10]
	}
	n, err := p.r.Read(b)
	p.n += int64(n)
	return n, err
}

// TestEmbeddedKilledMidAdd is the SIGKILL test for the embedded node: a
// pdx process dies while adding; the next process to open the repository
// finds every acknowledged object whole and pinned and no trace of a pin
// for the interrupted one.
func TestEmbeddedKilledMidAdd(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	acked := map[string]string{}
	deadline := time.After(2 * time.Minute)
wait:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				cmd.Wait()
				t.Fatalf("child exited before streaming: %s", stderr.String())
			}
			if f := strings.Fields(l); len(f) == 3 && f[0] == "acked" {
				acked[f[1]] = f[2]
			}
			if l == "streaming" {
				break wait
			}
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("child did not start streaming: %s", stderr.String())
		}
	}
	time.Sleep(300 * time.Millisecond) // let the add write more blocks
	cmd.Process.Signal(syscall.SIGKILL)
	go func() {
		for range lines {
		}
		close(exited)
	}()
	cmd.Wait()
	<-exited
	if len(acked) != 3 {
		t.Fatalf("child acknowledged %d objects, want 3", len(acked))
	}

	e := openEmbeddedIn(t, dir)
	ctx := ctxT(t, time.Minute)
	pins, err := e.Pins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(pins) != len(acked) {
		t.Errorf("after the crash %d pins %v, want exactly the %d acknowledged", len(pins), pins, len(acked))
	}
	for _, p := range pins {
		if acked[p.Name] != p.CID.String() {
			t.Errorf("unexpected pin %s %q after the crash", p.CID, p.Name)
		}
	}
	check := func(when string) {
		for i, n := range []int64{100, 300000, 3 << 20} {
			name := fmt.Sprintf("acked-%d", i)
			c, err := ParseCID(acked[name])
			if err != nil {
				t.Fatal(err)
			}
			want := counterBytes(name, n)
			if got := mustRead(t)(e.Get(ctx, c)); !bytes.Equal(got, want) {
				t.Errorf("%s: acknowledged object %s damaged", when, name)
			}
		}
	}
	check("after the crash")
	removed, err := e.GC(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("GC after the crash removed %d orphan blocks of the interrupted add", removed)
	if removed == 0 {
		t.Error("GC found no orphan blocks: the add was not interrupted mid-way")
	}
	check("after GC")
}
