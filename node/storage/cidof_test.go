package storage

import (
	"context"
	"crypto/sha256"
	"io"
	"testing"
)

// TestCIDOfVectors computes each IMPORT.md vector's CID without a node and
// requires the CID kubo's CLI computed, and the stream's SHA-256.
func TestCIDOfVectors(t *testing.T) {
	for _, v := range loadVectors(t) {
		c, sum, err := CIDOf(context.Background(), newCounterStream(v.Seed, v.Size))
		if err != nil {
			t.Fatalf("vector %s/%d: %v", v.Seed, v.Size, err)
		}
		if c.String() != v.CID {
			t.Errorf("vector %s/%d: CID %s, want %s", v.Seed, v.Size, c, v.CID)
		}
		want := sha256.New()
		if _, err := io.Copy(want, newCounterStream(v.Seed, v.Size)); err != nil {
			t.Fatal(err)
		}
		if string(want.Sum(nil)) != string(sum[:]) {
			t.Errorf("vector %s/%d: SHA-256 %x, want %x", v.Seed, v.Size, sum, want.Sum(nil))
		}
	}
}

// A cancelled context ends the hashing with the context's error.
func TestCIDOfCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := CIDOf(ctx, newCounterStream("x", 1<<20)); err == nil {
		t.Fatal("CIDOf with a cancelled context succeeded")
	}
}
