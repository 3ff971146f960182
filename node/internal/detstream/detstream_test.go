package detstream

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
)

// TestReadAtMatchesStream checks that every offset of ReadAt gives the bytes
// the sequential reader gave, whatever the alignment, and that the size is
// exact.
func TestReadAtMatchesStream(t *testing.T) {
	const size = 100_003
	all, err := io.ReadAll(New("x", size))
	if err != nil || len(all) != size {
		t.Fatalf("ReadAll: %d bytes, %v", len(all), err)
	}
	if bytes.Equal(all[:64], make([]byte, 64)) {
		t.Fatal("stream is zeros")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		off := rng.Int64N(size + 10)
		n := rng.IntN(5000)
		p := make([]byte, n)
		got, err := New("x", size).ReadAt(p, off)
		want := []byte{}
		if off < size {
			want = all[off:min(off+int64(n), size)]
		}
		if got != len(want) || !bytes.Equal(p[:got], want) {
			t.Fatalf("ReadAt(%d, %d): %d bytes, want %d (match %v)", n, off, got, len(want), bytes.Equal(p[:got], want))
		}
		if got < n && err != io.EOF {
			t.Fatalf("short ReadAt without io.EOF: %v", err)
		}
	}
	if bytes.Equal(Bytes("x", size, 0, 64), Bytes("y", size, 0, 64)) {
		t.Fatal("different seeds give the same bytes")
	}
	if !bytes.Equal(Bytes("x", size, 7, 100), all[7:107]) {
		t.Fatal("Bytes differs from the stream")
	}
}
