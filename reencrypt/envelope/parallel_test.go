package envelope

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestParallelClose: a reader with workers stops its goroutines on Close,
// whether it is read to the end, abandoned half way, or closed from another
// goroutine while a Read runs; reads after Close fail with ErrClosed.
func TestParallelClose(t *testing.T) {
	sk := datasetKey(t)
	s := seal(t, sk, plaintext(5, 40*DefaultChunkSize+3), 0, 0)
	before := runtime.NumGoroutine()
	open := func() *Reader {
		r := bytes.NewReader(s.env)
		h, err := ReadHeader(r)
		if err != nil {
			t.Fatal(err)
		}
		pr, err := NewReader(h, r, s.key, Workers(3))
		if err != nil {
			t.Fatal(err)
		}
		return pr
	}

	// Read to the end, then closed.
	pr := open()
	var out bytes.Buffer
	if n, err := pr.WriteTo(&out); err != nil || n != int64(len(s.pt)) || !bytes.Equal(out.Bytes(), s.pt) {
		t.Fatalf("WriteTo: %d, %v", n, err)
	}
	if c, err := pr.Commitment(); err != nil || c != s.commitment {
		t.Fatalf("Commitment: %s, %v", c, err)
	}
	pr.Close()

	// Abandoned after one chunk.
	pr = open()
	p := make([]byte, 1000)
	if _, err := io.ReadFull(pr, p); err != nil || !bytes.Equal(p, s.pt[:1000]) {
		t.Fatalf("first read: %v", err)
	}
	pr.Close()
	pr.Close()
	if _, err := pr.Read(p); !errors.Is(err, ErrClosed) {
		t.Fatalf("Read after Close: %v, want ErrClosed", err)
	}

	// Closed by another goroutine while reading: the reads end, with
	// exactly a prefix of the plaintext, and the race detector sees no race.
	for range 20 {
		pr = open()
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(50 * time.Microsecond)
			pr.Close()
		}()
		got, err := io.ReadAll(pr)
		wg.Wait()
		if err != nil && !errors.Is(err, ErrClosed) {
			t.Fatalf("read closed concurrently: %v", err)
		}
		if !bytes.Equal(got, s.pt[:len(got)]) {
			t.Fatal("released bytes that are not the plaintext's prefix")
		}
	}

	// The test's own closing goroutines may take a moment to exit.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if after := runtime.NumGoroutine(); after > before {
		var b strings.Builder
		pprof.Lookup("goroutine").WriteTo(&b, 1)
		t.Fatalf("%d goroutines before, %d after closing every reader:\n%s", before, after, b.String())
	}
}

// TestParallelHoldsBack: a tampered chunk far ahead of the consumer may be
// opened (and fail) by a worker early, but the chunks before it are still
// released, and nothing after it.
func TestParallelHoldsBack(t *testing.T) {
	sk := datasetKey(t)
	cs := 16 << 10
	s := seal(t, sk, plaintext(6, 12*cs+100), cs, 0)
	for _, bad := range []int{0, 1, 5, 11, 12} {
		env := bytes.Clone(s.env)
		env[s.chunkOffset(bad)+7] ^= 0x40
		got, err := openAll(env, s.key)
		var ce *ChunkError
		if !errors.Is(err, ErrAuthentication) || !errors.As(err, &ce) || ce.Index != uint64(bad) {
			t.Fatalf("chunk %d flipped: %v", bad, err)
		}
		wantReleased(t, s, got, err)
	}
}
