package envelope

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// TestSealReaderMatchesWriter: for one header and file key, a SealReader
// produces exactly the bytes a Writer writes, at every size around chunk
// and job boundaries, whatever sizes the consumer reads in and however many
// workers seal, and the same commitment. The chunk sizes cover the
// commitment hashed in order (1 KiB: chunks are not whole BLAKE3 subtrees)
// and hashed by the workers (16 KiB and the default 64 KiB).
func TestSealReaderMatchesWriter(t *testing.T) {
	sk := datasetKey(t)
	for _, cs := range []int{MinChunkSize, b3Group, DefaultChunkSize} {
		job := max(1, sealJobBytes/cs) * cs
		for _, n := range []int{0, 1, cs - 1, cs, cs + 1, 2 * cs, 5*cs + 7, job - 1, job, job + 1, 2 * job, 2*job + cs, 3*job + 5} {
			s := seal(t, sk, plaintext(uint64(n), n), cs, 0)
			for _, step := range []int{1, 7, cs + tagSize, cs + tagSize + 1, 3*cs + 5, 1 << 20} {
				if step < 100 && n > 4*cs {
					continue // byte-sized reads of large streams only add time
				}
				for _, workers := range []int{1, 3} {
					r := sealReaderFor(bytes.NewReader(s.pt), s.header, s.key, workers)
					got, err := readInSteps(r, step)
					if err != nil {
						t.Fatalf("cs %d, size %d, reads of %d, %d workers: %v", cs, n, step, workers, err)
					}
					if !bytes.Equal(got, s.env) {
						t.Fatalf("cs %d, size %d, reads of %d, %d workers: SealReader gave %d bytes that differ from the Writer's %d", cs, n, step, workers, len(got), len(s.env))
					}
					c, err := r.Commitment()
					if err != nil || c != s.commitment {
						t.Fatalf("cs %d, size %d, %d workers: commitment %x, %v; the Writer's is %x", cs, n, workers, c, err, s.commitment)
					}
					<-r.Done()
				}
			}
		}
	}
}

// TestSealReaderRoundTrip seals with a fresh key through the public
// constructor and opens the result as the owner, with a source that
// returns data one byte at a time and with its last bytes alongside EOF.
func TestSealReaderRoundTrip(t *testing.T) {
	sk := datasetKey(t)
	pt := plaintext(9, 3*DefaultChunkSize+123)
	for name, src := range map[string]io.Reader{
		"one byte at a time": iotest.OneByteReader(bytes.NewReader(pt)),
		"data with EOF":      iotest.DataErrReader(bytes.NewReader(pt)),
	} {
		r, err := NewSealReader(src, WriterConfig{DatasetID: DatasetID{7}, Owner: common.HexToAddress("0x01"), DatasetKey: sk.PublicKey()})
		if err != nil {
			t.Fatal(err)
		}
		env, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.PlaintextRead() != int64(len(pt)) {
			t.Fatalf("%s: PlaintextRead %d, want %d", name, r.PlaintextRead(), len(pt))
		}
		got, err := openAsOwner(env, sk)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("%s: opened %d bytes, %v; want the %d sealed", name, len(got), err, len(pt))
		}
	}
	if _, err := NewSealReader(nil, WriterConfig{DatasetKey: sk.PublicKey()}); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("nil source: %v", err)
	}
	if _, err := NewSealReader(bytes.NewReader(nil), WriterConfig{}); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("no dataset key: %v", err)
	}
}

// TestSealReaderSourceError: a failing source ends the stream with its
// error and without a final chunk, so what was read does not open.
func TestSealReaderSourceError(t *testing.T) {
	sk := datasetKey(t)
	boom := errors.New("disk on fire")
	pt := plaintext(3, 5*DefaultChunkSize)
	src := io.MultiReader(bytes.NewReader(pt), iotest.ErrReader(boom))
	r, err := NewSealReader(src, WriterConfig{DatasetKey: sk.PublicKey()})
	if err != nil {
		t.Fatal(err)
	}
	env, err := io.ReadAll(r)
	if !errors.Is(err, boom) {
		t.Fatalf("ReadAll: %v, want the source's error", err)
	}
	if _, err := r.Read(make([]byte, 10)); !errors.Is(err, boom) {
		t.Fatalf("Read after the error: %v", err)
	}
	if _, err := r.Commitment(); !errors.Is(err, ErrNotFinished) {
		t.Fatalf("Commitment after a source error: %v", err)
	}
	if _, err := openAsOwner(env, sk); !errors.Is(err, ErrTruncated) {
		t.Fatalf("opening what was read: %v, want ErrTruncated", err)
	}
	<-r.Done()
}

// TestSealReaderClose: Close ends a stream read halfway, later Reads fail
// with ErrClosed, and the read ahead stops (Wait returns) without reading
// the rest of the source.
func TestSealReaderClose(t *testing.T) {
	sk := datasetKey(t)
	src := &countingSource{r: bytes.NewReader(plaintext(4, 64*DefaultChunkSize))}
	r, err := NewSealReader(src, WriterConfig{DatasetKey: sk.PublicKey()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(r, make([]byte, 2*DefaultChunkSize)); err != nil {
		t.Fatal(err)
	}
	r.Close()
	r.Close()
	waited := make(chan struct{})
	go func() { <-r.Done(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		t.Fatal("the read ahead did not stop after Close")
	}
	if _, err := io.ReadAll(r); !errors.Is(err, ErrClosed) {
		t.Fatalf("Read after Close: %v, want ErrClosed", err)
	}
	// The read ahead holds at most 2·workers+2 jobs of sealJobBytes beyond
	// what was consumed, so most of the source was never read.
	if n := src.n; n > 2*DefaultChunkSize+(2*sealWorkers()+3)*sealJobBytes {
		t.Fatalf("the source was read for %d bytes after 2 chunks were consumed", n)
	}
}

type countingSource struct {
	r io.Reader
	n int
}

func (c *countingSource) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func readInSteps(r io.Reader, step int) ([]byte, error) {
	var out bytes.Buffer
	buf := make([]byte, step)
	for {
		n, err := r.Read(buf)
		out.Write(buf[:n])
		if err == io.EOF {
			return out.Bytes(), nil
		}
		if err != nil {
			return out.Bytes(), err
		}
	}
}
