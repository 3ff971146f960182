package envelope

import (
	"bytes"
	"testing"

	"github.com/zeebo/blake3"
)

// TestBlake3Tree checks the commitment hash of format 2 against an
// independent BLAKE3 implementation, at lengths around every boundary of
// its tree (1 KiB chunks, 16 KiB groups, powers of two of groups), fed in
// one piece, in odd pieces, and as whole groups hashed apart (the parallel
// reader's way).
func TestBlake3Tree(t *testing.T) {
	key := plaintext(9, 32)
	data := plaintext(10, 40*b3Group+3000)
	var lengths []int
	for _, base := range []int{0, 1024, b3Group, 2 * b3Group, 3 * b3Group, 4 * b3Group, 8 * b3Group, 17 * b3Group, 32 * b3Group} {
		for _, d := range []int{-1025, -1024, -1, 0, 1, 63, 64, 1023, 1024, 1025} {
			if n := base + d; n >= 0 && n <= len(data) {
				lengths = append(lengths, n)
			}
		}
	}
	for _, n := range lengths {
		ref, err := blake3.NewKeyed(key)
		if err != nil {
			t.Fatal(err)
		}
		ref.Write(data[:n])
		var want Commitment
		copy(want[:], ref.Sum(nil))

		whole := newBlake3Tree(key)
		whole.write(data[:n])
		if got := whole.sum(); got != want {
			t.Fatalf("%d bytes in one write: %s, want %s", n, got, want)
		}
		pieces := newBlake3Tree(key)
		for rest := data[:n]; len(rest) > 0; {
			k := min(len(rest), 7919)
			pieces.write(rest[:k])
			rest = rest[k:]
		}
		if got := pieces.sum(); got != want {
			t.Fatalf("%d bytes in pieces: %s, want %s", n, got, want)
		}
		// Whole groups by chaining value, as long as more input follows
		// them, then the rest written.
		groups := newBlake3Tree(key)
		full := 0
		if n > 0 {
			full = (n - 1) / b3Group * b3Group
		}
		for off := 0; off < full; off += 2 * b3Group {
			end := min(off+2*b3Group, full)
			if !groups.aligned() {
				t.Fatal("tree not aligned after whole groups")
			}
			groups.addGroups(groupCVs(&groups.key, data[off:end], uint64(off/b3Group), nil))
		}
		groups.write(data[full:n])
		if got := groups.sum(); got != want {
			t.Fatalf("%d bytes as %d groups and a tail: %s, want %s", n, full/b3Group, got, want)
		}
	}
}

// TestCommitFormats: Commit computes the current format's commitment, and
// CommitFor the one of an envelope's own format.
func TestCommitFormats(t *testing.T) {
	sk := datasetKey(t)
	s := seal(t, sk, plaintext(11, 3*DefaultChunkSize+5), 0, 0)
	c, err := Commit(s.key, bytes.NewReader(s.pt))
	if err != nil || c != s.commitment {
		t.Fatalf("Commit: %s, %v; the writer's %s", c, err, s.commitment)
	}
	c2, err := CommitFor(s.header, s.key, bytes.NewReader(s.pt))
	if err != nil || c2 != s.commitment {
		t.Fatalf("CommitFor: %s, %v", c2, err)
	}
	v1 := newCommitter(s.key, 1)
	v1.write(s.pt)
	if v1.sum() == c {
		t.Fatal("formats 1 and 2 give the same commitment")
	}
	if _, err := CommitFor(nil, s.key, bytes.NewReader(nil)); err == nil {
		t.Fatal("CommitFor accepted a nil header")
	}
}
