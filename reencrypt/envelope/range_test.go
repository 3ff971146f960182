package envelope

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"
)

// countingReaderAt counts what a RangeReader really reads, to check the
// figure it reports.
type countingReaderAt struct {
	r *bytes.Reader
	n int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += int64(n)
	return n, err
}

func TestRangeReader(t *testing.T) {
	sk := datasetKey(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct{ cs, n int }{
		{MinChunkSize, 0}, {MinChunkSize, 1}, {MinChunkSize, MinChunkSize}, {MinChunkSize, 9*MinChunkSize + 311},
		{DefaultChunkSize, 3*DefaultChunkSize + 1}, {DefaultChunkSize, 5 * DefaultChunkSize},
	} {
		s := seal(t, sk, plaintext(uint64(tc.n), tc.n), tc.cs, 0)
		cra := &countingReaderAt{r: bytes.NewReader(s.env)}
		rr, err := NewRangeReader(s.header, cra, int64(len(s.env)), s.key)
		if err != nil {
			t.Fatal(err)
		}
		if rr.Size() != int64(tc.n) {
			t.Fatalf("Size %d, want %d", rr.Size(), tc.n)
		}
		chunks := s.chunks(t)
		if got := rr.CiphertextBytesRead(); got != int64(len(chunks[len(chunks)-1])) || got != cra.n {
			t.Fatalf("opening read %d bytes (reader saw %d), want the final chunk's %d", got, cra.n, len(chunks[len(chunks)-1]))
		}
		for range 200 {
			off := rng.Int64N(int64(tc.n) + 10)
			ln := rng.IntN(3*tc.cs + 1)
			before := rr.CiphertextBytesRead()
			p := make([]byte, ln)
			n, err := rr.ReadAt(p, off)
			end := min(off+int64(ln), int64(tc.n))
			switch {
			case off >= int64(tc.n):
				if n != 0 || (ln > 0 || off > int64(tc.n)) && err != io.EOF {
					t.Fatalf("ReadAt(%d, %d) past the end: %d, %v", ln, off, n, err)
				}
				continue
			case end < off+int64(ln):
				if err != io.EOF {
					t.Fatalf("short ReadAt(%d, %d): %v, want io.EOF", ln, off, err)
				}
			case err != nil:
				t.Fatalf("ReadAt(%d, %d): %v", ln, off, err)
			}
			if int64(n) != end-off || !bytes.Equal(p[:n], s.pt[off:end]) {
				t.Fatalf("ReadAt(%d, %d) = %d bytes, differ from the plaintext", ln, off, n)
			}
			// Only the chunks the range touches are read (at most: the one
			// in the cache is free).
			var want int64
			if n > 0 {
				for i := off / int64(tc.cs); i <= (end-1)/int64(tc.cs); i++ {
					want += int64(len(chunks[i]))
				}
			}
			if got := rr.CiphertextBytesRead() - before; got > want {
				t.Fatalf("range [%d, %d) read %d ciphertext bytes, more than the %d of its chunks", off, end, got, want)
			}
		}
		if rr.CiphertextBytesRead() != cra.n {
			t.Fatalf("reported %d bytes read, reader saw %d", rr.CiphertextBytesRead(), cra.n)
		}
		// io.SectionReader over it behaves as a plain reader.
		got, err := io.ReadAll(io.NewSectionReader(rr, 0, rr.Size()))
		if err != nil || !bytes.Equal(got, s.pt) {
			t.Fatalf("SectionReader: %v", err)
		}
		if err := iotest.TestReader(io.NewSectionReader(rr, 0, rr.Size()), s.pt); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRangeReaderTamper(t *testing.T) {
	sk := datasetKey(t)
	cs := MinChunkSize
	s := seal(t, sk, plaintext(11, 6*cs+100), cs, 0)
	env := bytes.Clone(s.env)
	env[s.chunkOffset(3)+10] ^= 1
	rr, err := NewRangeReader(s.header, bytes.NewReader(env), int64(len(env)), s.key)
	if err != nil {
		t.Fatal(err)
	}
	p := make([]byte, cs)
	// Ranges that avoid chunk 3 still read; ranges that touch it fail and
	// only the bytes from chunks before it are filled in.
	if _, err := rr.ReadAt(p, int64(5*cs)); err != nil {
		t.Fatal(err)
	}
	p = make([]byte, 2*cs)
	n, err := rr.ReadAt(p, int64(2*cs+cs/2))
	var ce *ChunkError
	if !errors.Is(err, ErrAuthentication) || !errors.As(err, &ce) || ce.Index != 3 || n != cs/2 {
		t.Fatalf("range over a tampered chunk: n=%d, %v", n, err)
	}
	if !bytes.Equal(p[:n], s.pt[2*cs+cs/2:3*cs]) || !bytes.Equal(p[n:], make([]byte, len(p)-n)) {
		t.Fatal("bytes of the tampered chunk leaked into p")
	}
	// A tampered final chunk is caught on opening.
	env = bytes.Clone(s.env)
	env[len(env)-1] ^= 1
	if _, err := NewRangeReader(s.header, bytes.NewReader(env), int64(len(env)), s.key); !errors.Is(err, ErrAuthentication) {
		t.Fatalf("tampered final chunk: %v", err)
	}
	// A wrong size is caught (layout or final chunk tag).
	for _, size := range []int64{int64(len(env)) - 1, int64(len(env)) + 1, int64(len(env)) + int64(cs)} {
		if _, err := NewRangeReader(s.header, bytes.NewReader(s.env), size, s.key); !isAny(err, ErrAuthentication, ErrTruncated) {
			t.Fatalf("size %d for %d bytes: %v", size, len(env), err)
		}
	}
	if _, err := NewRangeReader(s.header, bytes.NewReader(s.env), int64(len(s.env)), FileKey{}); !errors.Is(err, ErrAuthentication) {
		t.Fatalf("wrong key: %v", err)
	}
	rr, err = NewRangeReader(s.header, bytes.NewReader(s.env), int64(len(s.env)), s.key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rr.ReadAt(p, -1); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("negative offset: %v", err)
	}
}

// TestStreamingReaders opens through readers that return little data per
// call or data together with io.EOF, to exercise the lookahead, with and
// without workers.
func TestStreamingReaders(t *testing.T) {
	sk := datasetKey(t)
	cs := MinChunkSize
	for _, mode := range [][]OpenOption{nil, {Workers(2)}} {
		for _, n := range []int{0, 1, cs - 1, cs, cs + 1, 4*cs - 1, 4 * cs} {
			s := seal(t, sk, plaintext(uint64(n), n), cs, 0)
			for name, wrap := range map[string]func(io.Reader) io.Reader{
				"OneByte": iotest.OneByteReader, "Half": iotest.HalfReader, "DataErr": iotest.DataErrReader,
			} {
				r := wrap(bytes.NewReader(s.env))
				h, err := ReadHeader(r)
				if err != nil {
					t.Fatalf("%s size %d: %v", name, n, err)
				}
				pr, err := NewReader(h, r, s.key, mode...)
				if err != nil {
					t.Fatal(err)
				}
				if err := iotest.TestReader(pr, s.pt); err != nil {
					t.Fatalf("%s size %d, %d workers: %v", name, n, len(mode), err)
				}
				pr.Close()
			}
		}
		// An I/O error from the source is passed on, not mistaken for
		// tampering, after exactly the chunks before it.
		s := seal(t, sk, plaintext(2, 3*cs), cs, 0)
		errIO := errors.New("connection reset")
		r := io.MultiReader(bytes.NewReader(s.env[:s.chunkOffset(2)+5]), iotest.ErrReader(errIO))
		h, err := ReadHeader(r)
		if err != nil {
			t.Fatal(err)
		}
		pr, err := NewReader(h, r, s.key, mode...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(pr)
		if !errors.Is(err, errIO) || isAny(err, ErrAuthentication, ErrTruncated) {
			t.Fatalf("source error: %v", err)
		}
		if !bytes.Equal(got, s.pt[:cs]) {
			t.Fatalf("released %d bytes before a source error in chunk 1's lookahead, want the %d of chunk 0", len(got), cs)
		}
		pr.Close()
	}
}
