package envstore

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"
)

// TestAsyncWriterOrder writes pieces of random sizes, some appended to
// AvailableBuffer as the envelope writer does, through a slow destination,
// and checks the destination got every byte in order, in buffers that
// never exceed the buffer size.
func TestAsyncWriterOrder(t *testing.T) {
	var dst slowBuffer
	const size, minFree = 4096, 600
	w := newAsyncWriter(&dst, size, 3, minFree)
	var want bytes.Buffer
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		p := make([]byte, rng.IntN(700))
		for i := range p {
			p[i] = byte(rng.Uint32())
		}
		want.Write(p)
		if a := w.AvailableBuffer(); rng.IntN(2) == 0 && cap(a) >= len(p) {
			p = append(a, p...) // in place
		}
		if n, err := w.Write(p); n != len(p) || err != nil {
			t.Fatalf("Write: %d of %d, %v", n, len(p), err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if !bytes.Equal(dst.Bytes(), want.Bytes()) {
		t.Fatalf("destination got %d bytes, not the %d written in order", dst.Len(), want.Len())
	}
	if dst.largest > size {
		t.Fatalf("a write of %d bytes to the destination; buffers are %d", dst.largest, size)
	}
	if _, err := w.Write([]byte{1}); !errors.Is(err, errAsyncClosed) {
		t.Fatalf("Write after Close: %v", err)
	}
}

// TestAsyncWriterFailure: once the destination fails, Write and Close
// return its error instead of blocking, and nothing more reaches it.
func TestAsyncWriterFailure(t *testing.T) {
	boom := errors.New("disk on fire")
	dst := &failingWriter{after: 3, err: boom}
	w := newAsyncWriter(dst, 1024, 2, 0)
	var err error
	for i := 0; i < 1000 && err == nil; i++ {
		_, err = w.Write(make([]byte, 1000))
	}
	if !errors.Is(err, boom) {
		t.Fatalf("Write after the destination failed: %v", err)
	}
	if err := w.Close(); !errors.Is(err, boom) {
		t.Fatalf("Close: %v", err)
	}
	if n := dst.writes.Load(); n != 4 {
		t.Fatalf("destination saw %d writes; want 3 good ones and the failed one", n)
	}

	// abort stops a healthy writer: queued buffers are dropped.
	var sink slowBuffer
	w = newAsyncWriter(&sink, 1024, 4, 0)
	w.Write(make([]byte, 1024))
	w.abort(boom)
	if _, err := w.Write([]byte{1}); err == nil {
		t.Fatal("Write after abort succeeded")
	}
}

type slowBuffer struct {
	bytes.Buffer
	largest int
}

func (s *slowBuffer) Write(p []byte) (int, error) {
	time.Sleep(20 * time.Microsecond)
	s.largest = max(s.largest, len(p))
	return s.Buffer.Write(p)
}

type failingWriter struct {
	after  int64
	err    error
	writes atomic.Int64
}

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.writes.Add(1) > f.after {
		return 0, f.err
	}
	return len(p), nil
}

var _ io.Writer = (*failingWriter)(nil)
