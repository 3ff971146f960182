package storage

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// TestEmbeddedAddPrehashesLeaves: an embedded Add gives every IMPORT.md
// vector the CID kubo's CLI computed, and takes every raw leaf's CID from
// the read ahead (none hashed again by the importer), so the leaves'
// SHA-256 really ran on the workers.
func TestEmbeddedAddPrehashesLeaves(t *testing.T) {
	e := openEmbedded(t)
	ctx := ctxT(t, 2*time.Minute)
	var leaves int64
	for _, v := range loadVectors(t) {
		c, err := e.Add(ctx, newCounterStream(v.Seed, v.Size), AddOptions{Name: "vector"})
		if err != nil {
			t.Fatalf("vector %s/%d: %v", v.Seed, v.Size, err)
		}
		if c.String() != v.CID {
			t.Errorf("vector %s/%d: CID %s, want %s", v.Seed, v.Size, c, v.CID)
		}
		leaves += (v.Size + int64(importChunkSize) - 1) / int64(importChunkSize)
	}
	if got, again := e.leavesPrehashed.Load(), e.leavesRehashed.Load(); got != leaves || again != 0 {
		t.Fatalf("%d leaves took their CID from the read ahead and %d were hashed again; want all %d from the read ahead", got, again, leaves)
	}
}

// TestLeafBuilderOnlyForTheSameBytes: the builder hands out a precomputed
// digest only for the exact bytes it was computed from; other bytes (of
// the same length, or read in a different split) get their own hash, and
// non-raw codecs are never touched.
func TestLeafBuilderOnlyForTheSameBytes(t *testing.T) {
	prefix, err := merkledag.PrefixForCidVersion(1)
	if err != nil {
		t.Fatal(err)
	}
	prefix.MhType, prefix.MhLength = mh.SHA2_256, -1
	src := counterBytes("leaf-builder", int64(3*importChunkSize+5))
	h := newLeafHasher(bytes.NewReader(src), importChunkSize, 2)
	defer h.close()
	b := h.Builder(prefix)
	leaf := make([]byte, importChunkSize)
	check := func(name string, data []byte, codec uint64) {
		t.Helper()
		p := prefix.WithCodec(codec)
		want, _ := p.Sum(data)
		got, err := b.WithCodec(codec).Sum(data)
		if err != nil || !got.Equals(want) {
			t.Fatalf("%s: CID %s, %v; want %s", name, got, err, want)
		}
	}
	// Leaf 0, as the importer reads it: precomputed.
	if _, err := io.ReadFull(h, leaf); err != nil {
		t.Fatal(err)
	}
	check("leaf 0", leaf, cid.Raw)
	// Leaf 1 with a byte changed after reading: hashed anew.
	if _, err := io.ReadFull(h, leaf); err != nil {
		t.Fatal(err)
	}
	leaf[7] ^= 1
	check("altered leaf 1", leaf, cid.Raw)
	// Leaf 2 read; a dag-pb node summed leaves it waiting, other bytes
	// summed as a raw leaf take its slot, and it is then hashed anew.
	if _, err := io.ReadFull(h, leaf); err != nil {
		t.Fatal(err)
	}
	check("dag-pb node", leaf, cid.DagProtobuf)
	check("other bytes", src[:importChunkSize/2], cid.Raw)
	check("leaf 2 after its slot was taken", leaf, cid.Raw)
	// The short last leaf, with io.ErrUnexpectedEOF as the chunker sees it.
	n, err := io.ReadFull(h, leaf)
	if err != io.ErrUnexpectedEOF || n != 5 {
		t.Fatalf("last leaf: %d bytes, %v", n, err)
	}
	check("last leaf", leaf[:n], cid.Raw)
	if h.hits != 2 || h.misses != 3 {
		t.Fatalf("%d precomputed, %d hashed anew; want 2 and 3", h.hits, h.misses)
	}
	if n, err := h.Read(leaf); n != 0 || err != io.EOF {
		t.Fatalf("read after the end: %d, %v", n, err)
	}
}
