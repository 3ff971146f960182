package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
)

// TestCrossImplementation connects an embedded node and an `ipfs daemon`:
// the same bytes give the same CID on both, and each reads (whole and by
// range) what the other added, over bitswap.
func TestCrossImplementation(t *testing.T) {
	e := openEmbedded(t)
	r := openRemote(t, startDaemon(t, initDaemonRepo(t)))
	connect(t, e, r)
	ctx := ctxT(t, 2*time.Minute)

	for _, n := range []int64{12, 262144, 262145, 2<<20 + 1} {
		data := counterBytes("cross", n)
		ce, cr := add(t, e, data, "cross"), add(t, r, data, "cross")
		if !ce.Equals(cr) {
			t.Fatalf("%d bytes: embedded CID %s, daemon CID %s", n, ce, cr)
		}
	}

	fromE := counterBytes("from-embedded", 1<<20+17)
	ce := add(t, e, fromE, "e")
	if got := mustRead(t)(r.Get(ctx, ce)); !bytes.Equal(got, fromE) {
		t.Fatal("daemon read wrong bytes from the embedded node")
	}
	fromR := counterBytes("from-daemon", 1<<20+17)
	cr := add(t, r, fromR, "r")
	if got := mustRead(t)(e.GetRange(ctx, cr, 700000, 300000)); !bytes.Equal(got, fromR[700000:1000000]) {
		t.Fatal("embedded node range-read wrong bytes from the daemon")
	}
	if got := mustRead(t)(e.Get(ctx, cr)); !bytes.Equal(got, fromR) {
		t.Fatal("embedded node read wrong bytes from the daemon")
	}
}

// blockingReader yields data until it has given `after` bytes, then
// signals and blocks until released, so a test can act mid-add.
type blockingReader struct {
	r       io.Reader
	after   int64
	n       int64
	reached chan struct{}
	release chan struct{}
}

func (b *blockingReader) Read(p []byte) (int, error) {
	if b.n >= b.after {
		select {
		case <-b.reached:
		default:
			close(b.reached)
		}
		<-b.release
		return 0, errors.New("released")
	}
	if rem := b.after - b.n; int64(len(p)) > rem {
		p = p[:rem]
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

// TestDaemonKilledMidAdd SIGKILLs the daemon while an add streams into it,
// restarts it on the same repository and checks that every acknowledged
// object is intact and pinned, and that the interrupted one left no pin.
func TestDaemonKilledMidAdd(t *testing.T) {
	dir := initDaemonRepo(t)
	d := startDaemon(t, dir)
	r := openRemote(t, d)
	ctx := ctxT(t, 2*time.Minute)

	acked := map[string][]byte{}
	cids := map[string]string{}
	for i, n := range []int64{100, 300000, 3 << 20} {
		name := "acked-" + string(rune('a'+i))
		data := counterBytes(name, n)
		c := add(t, r, data, name)
		acked[name], cids[name] = data, c.String()
	}

	before, err := r.Pins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	br := &blockingReader{r: newCounterStream("interrupted", 64<<20), after: 8 << 20,
		reached: make(chan struct{}), release: make(chan struct{})}
	errc := make(chan error, 1)
	go func() {
		_, err := r.Add(ctx, br, AddOptions{Name: "interrupted"})
		errc <- err
	}()
	select {
	case <-br.reached:
	case err := <-errc:
		t.Fatalf("add ended before the kill: %v", err)
	case <-time.After(time.Minute):
		t.Fatal("add did not stream 8 MiB within a minute")
	}
	d.Kill()
	close(br.release)
	if err := <-errc; err == nil {
		t.Fatal("Add reported success although the daemon was killed mid-add")
	} else if !strings.Contains(err.Error(), "nothing was pinned") {
		t.Errorf("interrupted Add error does not say nothing was pinned: %v", err)
	}

	d2 := startDaemon(t, dir)
	r2 := openRemote(t, d2)
	pins, err := r2.Pins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Exactly the pins from before the crash: the acknowledged objects
	// (and the empty directory `ipfs init` pins), nothing of the interrupted add.
	if len(pins) != len(before) {
		t.Errorf("after restart %d pins %v, want the %d from before the crash %v", len(pins), pins, len(before), before)
	}
	for _, p := range pins {
		if !hasPin(before, p.CID, p.Name) {
			t.Errorf("unexpected pin %s %q after the crash", p.CID, p.Name)
		}
	}
	for name, c := range cids {
		cc, _ := ParseCID(c)
		if !hasPin(pins, cc, name) {
			t.Errorf("acknowledged object %s (%s) lost its pin in the crash", name, c)
		}
	}
	// The restarted daemon has no peers, so reading proves every block of
	// every acknowledged object is on its disk.
	for name, data := range acked {
		c, _ := ParseCID(cids[name])
		if got := mustRead(t)(r2.Get(ctx, c)); !bytes.Equal(got, data) {
			t.Errorf("acknowledged object %s damaged after the crash", name)
		}
	}
	// kubo's own check of every pin's DAG.
	st, err := r2.Raw().Pin().Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for s := range st {
		if !s.Ok() {
			t.Errorf("pin verify: %v", s.Err())
		}
	}
	// GC removes the interrupted add's orphan blocks and nothing acknowledged.
	removed, err := r2.GC(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("GC after the crash removed %d orphan blocks of the interrupted add", removed)
	for name, data := range acked {
		c, _ := ParseCID(cids[name])
		if got := mustRead(t)(r2.Get(ctx, c)); !bytes.Equal(got, data) {
			t.Errorf("acknowledged object %s damaged by GC after the crash", name)
		}
	}
}

// TestRepoLocked opens a repository an `ipfs daemon` is running on.
func TestRepoLocked(t *testing.T) {
	dir := t.TempDir()
	e := openEmbeddedIn(t, dir)

	// Same process, second open.
	_, err := OpenEmbedded(ctxT(t, 30*time.Second), EmbeddedConfig{Dir: dir, Local: true})
	if !errors.Is(err, ErrRepoLocked) {
		t.Fatalf("second OpenEmbedded = %v, want ErrRepoLocked", err)
	}
	e.Close()

	// Another process: the daemon on the same repository.
	d := startDaemon(t, dir)
	_, err = OpenEmbedded(ctxT(t, 30*time.Second), EmbeddedConfig{Dir: dir, Local: true})
	var le *RepoLockedError
	if !errors.Is(err, ErrRepoLocked) || !errors.As(err, &le) {
		t.Fatalf("OpenEmbedded on a daemon's repo = %v, want *RepoLockedError", err)
	}
	if le.PID != d.PID() {
		t.Errorf("lock error names pid %d, the daemon is %d", le.PID, d.PID())
	}
	if !strings.Contains(err.Error(), "process") || !strings.Contains(err.Error(), "RPC API") {
		t.Errorf("lock error does not say who holds it and what to do: %v", err)
	}
	d.Stop()
	// Once the daemon is gone the repository opens again.
	openEmbeddedIn(t, dir)
}

// TestRepoVersion opens repositories whose version file says they need a
// migration, or come from a newer kubo.
func TestRepoVersion(t *testing.T) {
	dir := t.TempDir()
	e := openEmbeddedIn(t, dir)
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	vfile := filepath.Join(dir, "version")
	orig, err := os.ReadFile(vfile)
	if err != nil {
		t.Fatal(err)
	}
	ctx := ctxT(t, 30*time.Second)
	for v, want := range map[string]error{"17": ErrRepoNeedsMigration, "99": ErrRepoTooNew} {
		if err := os.WriteFile(vfile, []byte(v+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := OpenEmbedded(ctx, EmbeddedConfig{Dir: dir, Local: true})
		if !errors.Is(err, want) {
			t.Errorf("repo version %s: %v, want %v", v, err, want)
		}
		if want == ErrRepoNeedsMigration && (err == nil || !strings.Contains(err.Error(), "repo migrate")) {
			t.Errorf("migration error does not say how to migrate: %v", err)
		}
	}
	os.WriteFile(vfile, orig, 0o644)
	openEmbeddedIn(t, dir)

	if _, err := OpenEmbedded(ctx, EmbeddedConfig{}); err == nil {
		t.Error("OpenEmbedded with no Dir succeeded")
	}
}

// TestRemoteAuth checks the daemon's API.Authorizations from the client.
func TestRemoteAuth(t *testing.T) {
	d := startDaemon(t, initDaemonRepo(t))
	ctx := ctxT(t, 30*time.Second)
	for _, secret := range []string{"", "bearer:wrong", "basic:user:pass"} {
		_, err := OpenRemote(ctx, RemoteConfig{API: d.API, AuthSecret: secret})
		if !errors.Is(err, ErrUnauthorized) {
			t.Errorf("secret %q: %v, want ErrUnauthorized", secret, err)
		} else if !strings.Contains(err.Error(), "API.Authorizations") {
			t.Errorf("secret %q: error does not say what to do: %v", secret, err)
		}
	}
	if _, err := OpenRemote(ctx, RemoteConfig{API: d.API, AuthSecret: "weird:x"}); !errors.Is(err, ErrUnauthorized) {
		t.Errorf("unknown secret type: %v", err)
	}
	// The same secret as an http URL instead of a multiaddr.
	url := "http://" + strings.TrimPrefix(strings.Replace(d.API, "/tcp/", ":", 1), "/ip4/")
	r, err := OpenRemote(ctx, RemoteConfig{API: url, AuthSecret: testSecret})
	if err != nil {
		t.Fatalf("OpenRemote(%s): %v", url, err)
	}
	if _, err := r.Pins(ctx); err != nil {
		t.Fatal(err)
	}
	d.Stop()
	if _, err := r.Pins(ctx); !errors.Is(err, ErrUnreachable) {
		t.Errorf("Pins on a stopped daemon = %v, want ErrUnreachable", err)
	}
	if _, err := OpenRemote(ctx, RemoteConfig{API: d.API, AuthSecret: testSecret}); !errors.Is(err, ErrUnreachable) {
		t.Errorf("OpenRemote on a stopped daemon = %v, want ErrUnreachable", err)
	}
	for _, api := range []string{"", "not an address"} {
		if _, err := OpenRemote(ctx, RemoteConfig{API: api}); !errors.Is(err, ErrUnreachable) {
			t.Errorf("OpenRemote(%q) = %v, want ErrUnreachable", api, err)
		}
	}
}

// TestEmbeddedReopen checks that pinned content survives a restart of the
// embedded node and that the identity is kept.
func TestEmbeddedReopen(t *testing.T) {
	dir := t.TempDir()
	e := openEmbeddedIn(t, dir)
	ctx := ctxT(t, 30*time.Second)
	data := counterBytes("reopen", 1<<20)
	c := add(t, e, data, "reopen")
	id1, _ := e.Self(ctx)
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	e2 := openEmbeddedIn(t, dir)
	id2, _ := e2.Self(ctx)
	if id1.ID != id2.ID {
		t.Errorf("identity changed across restarts: %s → %s", id1.ID, id2.ID)
	}
	for _, a := range id2.Addrs {
		if !strings.HasPrefix(a.String(), "/ip4/127.0.0.1/") {
			t.Errorf("local node listens on %s, want 127.0.0.1 only", a)
		}
	}
	if got := mustRead(t)(e2.Get(ctx, c)); !bytes.Equal(got, data) {
		t.Fatal("content lost across restart")
	}
	if ok, _ := e2.IsPinned(ctx, c); !ok {
		t.Fatal("pin lost across restart")
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := OpenEmbedded(cancelled, EmbeddedConfig{Dir: t.TempDir(), Local: true}); !errors.Is(err, context.Canceled) {
		t.Errorf("OpenEmbedded with a cancelled context = %v", err)
	}
}

// peakHeap runs f while sampling the heap and returns how far HeapInuse
// rose above where it started.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > base && ms.HeapInuse-base > peak.Load() {
				peak.Store(ms.HeapInuse - base)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak.Load()
}

// TestStreamingMemory adds and reads an object much larger than the memory
// the test allows, through both implementations: neither may hold the
// object (for the remote store, in this process) at once.
func TestStreamingMemory(t *testing.T) {
	const size = 128 << 20
	const limit = 64 << 20 // half the object; kubo settles near 35 MiB whatever the size
	stores := map[string]Store{
		"embedded": openEmbedded(t),
		"remote":   openRemote(t, startDaemon(t, initDaemonRepo(t))),
	}
	for name, s := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := ctxT(t, 2*time.Minute)
			var c cid.Cid
			var err error
			grew := peakHeap(func() {
				c, err = s.Add(ctx, newCounterStream("stream", size), AddOptions{Name: "stream"})
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("add of %d MiB: heap grew by at most %d MiB", size>>20, grew>>20)
			if grew > limit {
				t.Errorf("add of %d MiB grew the heap by %d MiB (limit %d MiB): not streaming", size>>20, grew>>20, limit>>20)
			}
			var n int64
			h1, h2 := sha256.New(), sha256.New()
			grew = peakHeap(func() {
				var rc io.ReadCloser
				if rc, err = s.Get(ctx, c); err == nil {
					n, err = io.Copy(h1, rc)
					rc.Close()
				}
			})
			if err != nil || n != size {
				t.Fatalf("Get: %d bytes, %v", n, err)
			}
			io.Copy(h2, newCounterStream("stream", size))
			if !bytes.Equal(h1.Sum(nil), h2.Sum(nil)) {
				t.Fatal("streamed bytes differ")
			}
			t.Logf("get of %d MiB: heap grew by at most %d MiB", size>>20, grew>>20)
			if grew > limit {
				t.Errorf("get of %d MiB grew the heap by %d MiB (limit %d MiB): not streaming", size>>20, grew>>20, limit>>20)
			}
		})
	}
}
