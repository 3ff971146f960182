package envelope

import (
	"crypto/sha256"
	"io"
	"runtime"
	"testing"
)

// patternReader yields n deterministic bytes without allocating.
type patternReader struct{ off, n int64 }

func (p *patternReader) Read(b []byte) (int, error) {
	if p.off >= p.n {
		return 0, io.EOF
	}
	b = b[:min(int64(len(b)), p.n-p.off)]
	for i := range b {
		x := uint64(p.off + int64(i))
		b[i] = byte(x ^ x>>8 ^ x>>19)
	}
	p.off += int64(len(b))
	return len(b), nil
}

// TestConstantMemory seals 64 MiB into a pipe and opens it on the other end
// through the streaming API, with and without workers; the bytes allocated
// meanwhile must stay far below the data size (the buffers are a few
// chunks, or a few runs of chunks with workers).
func TestConstantMemory(t *testing.T) {
	constantMemory(t, 2<<20)
	// Six buffers of 256 KiB for two workers.
	constantMemory(t, 3<<20, Workers(2))
}

func constantMemory(t *testing.T, bound uint64, opts ...OpenOption) {
	const size = 64 << 20
	sk := datasetKey(t)

	run := func() (sent, got [32]byte, err error) {
		pr, pw := io.Pipe()
		done := make(chan error, 1)
		hs := sha256.New()
		go func() {
			w, err := NewWriter(pw, WriterConfig{DatasetKey: sk.PublicKey()})
			if err == nil {
				_, err = io.Copy(w, io.TeeReader(&patternReader{n: size}, hs))
			}
			if err == nil {
				err = w.Close()
			}
			pw.CloseWithError(err)
			done <- err
		}()
		h, err := ReadHeader(pr)
		if err != nil {
			return sent, got, err
		}
		key, err := h.FileKeyForOwner(sk)
		if err != nil {
			return sent, got, err
		}
		r, err := NewReader(h, pr, key, opts...)
		if err != nil {
			return sent, got, err
		}
		defer r.Close()
		hr := sha256.New()
		if _, err := io.Copy(hr, r); err != nil {
			return sent, got, err
		}
		if err := <-done; err != nil {
			return sent, got, err
		}
		hs.Sum(sent[:0])
		hr.Sum(got[:0])
		return sent, got, nil
	}

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sent, got, err := run()
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if sent != got {
		t.Fatal("opened plaintext differs from the sealed one")
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d options: sealed and opened %d MiB; %d KiB allocated, %d allocations", len(opts), size>>20, alloc>>10, after.Mallocs-before.Mallocs)
	if alloc > bound {
		t.Fatalf("allocated %d KiB to stream %d MiB; want under %d KiB", alloc>>10, size>>20, bound>>10)
	}
}
