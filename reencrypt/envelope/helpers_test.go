package envelope

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/reencrypt"
)

// sealed is one envelope made in a test, with everything needed to check it.
type sealed struct {
	env        []byte
	pt         []byte
	header     *Header
	key        FileKey
	commitment Commitment
	datasetSK  *reencrypt.SecretKey
}

func (s *sealed) body() []byte { return s.env[s.header.Len():] }

// withBody returns the envelope with its body replaced.
func (s *sealed) withBody(body []byte) []byte {
	return append(bytes.Clone(s.env[:s.header.Len()]), body...)
}

func plaintext(seed uint64, n int) []byte {
	b := make([]byte, n)
	rand.NewChaCha8([32]byte{byte(seed), byte(seed >> 8), 'p', 'd', 'x'}).Read(b)
	return b
}

func datasetKey(t testing.TB) *reencrypt.SecretKey {
	t.Helper()
	sk, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	return sk
}

// seal makes a real envelope (random file key wrapped by Umbral) of pt,
// writing it in pieces of at most step bytes (0: all at once), and recovers
// the file key the owner's way.
func seal(t testing.TB, sk *reencrypt.SecretKey, pt []byte, chunkSize, step int) *sealed {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(&buf, WriterConfig{
		DatasetID:  DatasetID{1, 2, 3},
		Owner:      common.HexToAddress("0x00000000000000000000000000000000000d47a0"),
		DatasetKey: sk.PublicKey(),
		ChunkSize:  chunkSize,
	})
	if err != nil {
		t.Fatal(err)
	}
	rest := pt
	for len(rest) > 0 {
		n := len(rest)
		if step > 0 && step < n {
			n = step
		}
		if k, err := w.Write(rest[:n]); err != nil || k != n {
			t.Fatalf("Write: %d, %v", k, err)
		}
		rest = rest[n:]
	}
	if _, err := w.Commitment(); !errors.Is(err, ErrNotFinished) {
		t.Fatalf("Commitment before Close: %v, want ErrNotFinished", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	c, err := w.Commitment()
	if err != nil {
		t.Fatal(err)
	}
	h, err := ParseHeader(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	key, err := h.FileKeyForOwner(sk)
	if err != nil {
		t.Fatal(err)
	}
	return &sealed{env: buf.Bytes(), pt: pt, header: h, key: key, commitment: c, datasetSK: sk}
}

// openAll opens env with key through the streaming API, reading in odd
// sizes, and returns every plaintext byte released and the first error
// (nil at a clean EOF). It opens env three ways, sequentially, with
// workers through Read, and with workers through WriteTo, and fails unless
// all three release the same bytes and end with the same error: every test
// of the opening rules thereby covers the parallel reader too.
func openAll(env []byte, key FileKey, opts ...OpenOption) ([]byte, error) {
	out, err := openWith(env, key, false, opts...)
	for _, mode := range []struct {
		writeTo bool
		workers int
	}{{false, 2}, {true, 3}} {
		o2, err2 := openWith(env, key, mode.writeTo, append(opts[:len(opts):len(opts)], Workers(mode.workers))...)
		if !bytes.Equal(o2, out) || fmt.Sprint(err2) != fmt.Sprint(err) {
			return out, fmt.Errorf("parallel reader (WriteTo %v, %d workers) released %d bytes and %v; sequential released %d bytes and %v",
				mode.writeTo, mode.workers, len(o2), err2, len(out), err)
		}
	}
	return out, err
}

func openWith(env []byte, key FileKey, writeTo bool, opts ...OpenOption) ([]byte, error) {
	r := bytes.NewReader(env)
	h, err := ReadHeader(r)
	if err != nil {
		return nil, err
	}
	pr, err := NewReader(h, r, key, opts...)
	if err != nil {
		return nil, err
	}
	defer pr.Close()
	if writeTo {
		var out bytes.Buffer
		_, err := pr.WriteTo(&out)
		if err == nil && !pr.skipHash {
			if _, cerr := pr.Commitment(); cerr != nil {
				return out.Bytes(), cerr
			}
		}
		return out.Bytes(), err
	}
	var out []byte
	p := make([]byte, 7919)
	for {
		n, err := pr.Read(p)
		out = append(out, p[:n]...)
		if err == io.EOF {
			if _, cerr := pr.Commitment(); cerr != nil && !pr.skipHash {
				return out, cerr
			}
			return out, nil
		}
		if err != nil {
			// The error is sticky.
			if n2, err2 := pr.Read(p); n2 != 0 || err2 != err {
				return out, errors.New("error not sticky")
			}
			return out, err
		}
	}
}

// chunkOffset is where chunk i starts in the envelope.
func (s *sealed) chunkOffset(i int) int {
	return s.header.Len() + i*(s.header.ChunkSize+tagSize)
}

// chunks returns the ciphertext chunks of the envelope.
func (s *sealed) chunks(t testing.TB) [][]byte {
	t.Helper()
	full, finalLen, err := layout(int64(len(s.body())), s.header.ChunkSize)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for i := 0; i < int(full); i++ {
		out = append(out, s.env[s.chunkOffset(i):s.chunkOffset(i+1)])
	}
	out = append(out, s.env[s.chunkOffset(int(full)):s.chunkOffset(int(full))+finalLen])
	return out
}

// wantReleased checks the "no unauthenticated plaintext" rule: what a failed
// open released is exactly the plaintext of the chunks before the failing one.
func wantReleased(t *testing.T, s *sealed, got []byte, err error) {
	t.Helper()
	var ce *ChunkError
	if !errors.As(err, &ce) {
		if len(got) != 0 {
			t.Fatalf("released %d bytes before a non-chunk error %v", len(got), err)
		}
		return
	}
	n := int(ce.Index) * s.header.ChunkSize
	if n > len(s.pt) || !bytes.Equal(got, s.pt[:n]) {
		t.Fatalf("released %d bytes before failing at chunk %d; want exactly the %d bytes of the chunks before it", len(got), ce.Index, n)
	}
}
