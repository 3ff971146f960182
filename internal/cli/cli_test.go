package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/internal/home"
)

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		err  error
		code string
		exit int
	}{
		{nil, "ok", 0},
		{errors.New("boom"), "failure", 1},
		{Usagef("bad --expires %q", "-3d"), "usage", 2},
		{fmt.Errorf("open x: %w", os.ErrNotExist), "not_found", 3},
		{fmt.Errorf("loading: %w", home.ErrNotInitialized), "not_found", 3},
		{&home.ExistsError{Dir: "/h", Entry: "x"}, "conflict", 6},
		{&home.LockedError{Dir: "/h", PID: 42}, "conflict", 6},
		{fmt.Errorf("x: %w", home.ErrBadPassphrase), "refused", 4},
		{&config.RefusalError{Rule: "min_price_wei"}, "refused", 4},
		{fmt.Errorf("dial: %w", syscall.ECONNREFUSED), "unavailable", 5},
		{fmt.Errorf("waiting: %w", context.DeadlineExceeded), "unavailable", 5},
		{&config.FileError{File: "c.toml", Line: 3, Key: "a.b", Kind: config.ErrUnknownKey}, "config", 7},
		{errors.Join(&config.ValueError{Key: "log.level"}, errors.New("other")), "config", 7},
		{fmt.Errorf("write: %w", syscall.ENOSPC), "no_space", 8},
		{fmt.Errorf("x: %w", home.ErrCorrupt), "damaged", 9},
		{fmt.Errorf("x: %w", context.Canceled), "interrupted", 130},
		{home.ErrNoPassphrase, "usage", 2},
		// An explicit mark outranks the wrapped chain.
		{Mark(fmt.Errorf("x: %w", home.ErrCorrupt), ErrUnavailable), "unavailable", 5},
		{Mark(errors.New("no grant for 0xabc"), ErrRefused), "refused", 4},
	} {
		got := Classify(c.err)
		if got.Code != c.code || got.Status != c.exit || ExitCode(c.err) != c.exit {
			t.Errorf("Classify(%v) = %+v, want %s/%d", c.err, got, c.code, c.exit)
		}
	}
	// Mark keeps the message and the wrapped chain.
	inner := fmt.Errorf("x: %w", home.ErrCorrupt)
	m := Mark(inner, ErrRefused)
	if m.Error() != inner.Error() || !errors.Is(m, home.ErrCorrupt) || !errors.Is(m, ErrRefused) {
		t.Error("Mark lost the message or the chain")
	}
	if Mark(nil, ErrRefused) != nil {
		t.Error("Mark(nil) is not nil")
	}
}

// TestClassifyRealDial shows a refused TCP dial (nothing listening on a
// loopback port) is "unavailable".
func TestClassifyRealDial(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, err = net.DialTimeout("tcp", addr, 2*time.Second)
	if err == nil {
		t.Fatalf("dial to closed %s succeeded", addr)
	}
	if c := Classify(fmt.Errorf("reaching the daemon: %w", err)); c.Code != "unavailable" {
		t.Errorf("dial error %v classified %+v", err, c)
	}
}

// TestDocExitTable fails when docs/cli.md and the classes disagree.
func TestDocExitTable(t *testing.T) {
	data, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| (\\d+) \\| `([a-z_]+)` \\|")
	doc := map[string]int{}
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		n, _ := strconv.Atoi(m[1])
		doc[m[2]] = n
	}
	want := map[string]int{"ok": 0}
	for _, r := range rules {
		c := classOf(r.Kind)
		want[c.Code] = c.Status
	}
	c := classOf(errkind.Internal)
	want[c.Code] = c.Status
	if fmt.Sprint(doc) != fmt.Sprint(want) {
		t.Errorf("docs/cli.md exit table %v\ncode has %v", doc, want)
	}
}

type point struct {
	Name    string    `json:"name"`
	Count   int       `json:"count"`
	When    time.Time `json:"when"`
	Skipped string    `json:"skipped,omitempty"`
	Hidden  string    `json:"-"`
}

type formatted struct{}

func (formatted) FormatText(w io.Writer) error { _, err := io.WriteString(w, "custom\n"); return err }

func TestResult(t *testing.T) {
	when := time.Date(2026, 11, 29, 1, 2, 3, 0, time.UTC)
	var out, errb bytes.Buffer
	o := New(&out, &errb, true)
	if err := o.Result(point{Name: "a", Count: 2, When: when}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"name\": \"a\",\n  \"count\": 2,\n  \"when\": \"2026-11-29T01:02:03Z\"\n}\n"
	if out.String() != want {
		t.Errorf("JSON result %q", out.String())
	}
	o.Note("hidden %d", 1)
	if errb.Len() != 0 {
		t.Errorf("a note was printed with --json: %q", errb.String())
	}

	out.Reset()
	o = New(&out, &errb, false)
	o.Result(&point{Name: "a", Count: 2, When: when, Hidden: "x"})
	if got := out.String(); got != "name:  a\ncount: 2\nwhen:  2026-11-29T01:02:03Z\n" {
		t.Errorf("text result %q", got)
	}
	out.Reset()
	o.Result(formatted{})
	o.Result("plain")
	o.Result(map[string]int{"b_two": 2, "a_one": 1})
	if got := out.String(); got != "custom\nplain\na one: 1\nb two: 2\n" {
		t.Errorf("text results %q", got)
	}
	o.Note("next: %s", "pdx daemon")
	if errb.String() != "next: pdx daemon\n" {
		t.Errorf("note %q", errb.String())
	}
}

func TestError(t *testing.T) {
	var out, errb bytes.Buffer
	o := New(&out, &errb, true)
	if code := o.Error(fmt.Errorf("no dataset %q: %w", "x", home.ErrDatasetNotFound)); code != ExitNotFound {
		t.Errorf("exit %d", code)
	}
	var doc struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %q", out.String())
	}
	if doc.Error.Code != "not_found" || !strings.HasPrefix(doc.Error.Message, `no dataset "x"`) || errb.Len() != 0 {
		t.Errorf("JSON error %q, stderr %q", out.String(), errb.String())
	}

	out.Reset()
	o = New(&out, &errb, false)
	code := o.Error(errors.Join(errors.New("first problem"), errors.New("second problem")))
	if code != ExitFailure || out.Len() != 0 || errb.String() != "pdx: first problem\npdx: second problem\n" {
		t.Errorf("text error %d %q %q", code, out.String(), errb.String())
	}
	if o.Error(nil) != ExitOK {
		t.Error("nil error")
	}
}

func TestProgress(t *testing.T) {
	var errb bytes.Buffer
	// Not a terminal, or --json: no bar, and the nil bar passes data through.
	for _, o := range []*Output{New(io.Discard, &errb, false), New(io.Discard, &errb, true)} {
		p := o.Progress(10, "put")
		if p != nil {
			t.Fatal("a progress bar without a terminal")
		}
		var dst bytes.Buffer
		io.Copy(p.Writer(&dst), p.Reader(strings.NewReader("0123456789")))
		p.Add(1)
		p.Finish()
		p.Abort()
		if dst.String() != "0123456789" || errb.Len() != 0 {
			t.Errorf("nil progress changed the data or printed: %q %q", dst.String(), errb.String())
		}
	}
	// The bar itself (as on a terminal) counts bytes and passes them through.
	p := newProgress(&errb, 1<<20, "put")
	var dst bytes.Buffer
	src := bytes.Repeat([]byte("x"), 1<<20)
	if _, err := io.Copy(&dst, p.Reader(bytes.NewReader(src))); err != nil {
		t.Fatal(err)
	}
	p.Finish()
	if !bytes.Equal(dst.Bytes(), src) {
		t.Error("the bar changed the data")
	}
	if s := errb.String(); !strings.Contains(s, "put") || !strings.Contains(s, "100%") || !strings.Contains(s, "MB") {
		t.Errorf("bar output %q", s)
	}
}
