package storage

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
	"time"

	chunker "github.com/ipfs/boxo/chunker"
	"github.com/ipfs/boxo/files"
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
// digest only for the leaf buffer handed out last, whole; the same bytes
// in another buffer, part of the leaf, or a leaf whose turn has passed are
// hashed anew, and non-raw codecs are never touched.
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
	check := func(name string, data []byte, codec uint64) {
		t.Helper()
		p := prefix.WithCodec(codec)
		want, _ := p.Sum(data)
		got, err := b.WithCodec(codec).Sum(data)
		if err != nil || !got.Equals(want) {
			t.Fatalf("%s: CID %s, %v; want %s", name, got, err, want)
		}
	}
	next := func(i int) []byte {
		t.Helper()
		leaf, err := h.NextBytes()
		want := src[i*importChunkSize : min((i+1)*importChunkSize, len(src))]
		if err != nil || !bytes.Equal(leaf, want) {
			t.Fatalf("leaf %d: %d bytes, %v; want %d bytes of the source", i, len(leaf), err, len(want))
		}
		return leaf
	}
	// Leaf 0, as the importer sums it: precomputed.
	check("leaf 0", next(0), cid.Raw)
	// Leaf 1's bytes in another buffer: hashed anew, and leaf 1 itself,
	// once its turn has passed, too.
	leaf := next(1)
	check("a copy of leaf 1", bytes.Clone(leaf), cid.Raw)
	check("leaf 1 after its turn", leaf, cid.Raw)
	// Leaf 2: a dag-pb node summed leaves it waiting; part of it is
	// hashed anew and takes its turn.
	leaf = next(2)
	check("dag-pb node", leaf, cid.DagProtobuf)
	check("part of leaf 2", leaf[:importChunkSize/2], cid.Raw)
	check("leaf 2 after its turn", leaf, cid.Raw)
	// The short last leaf.
	check("last leaf", next(3), cid.Raw)
	if h.hits != 2 || h.misses != 4 {
		t.Fatalf("%d precomputed, %d hashed anew; want 2 and 4", h.hits, h.misses)
	}
	for range 2 {
		if leaf, err := h.NextBytes(); leaf != nil || err != io.EOF {
			t.Fatalf("after the end: %d bytes, %v", len(leaf), err)
		}
	}
}

// TestLeafHasherCutsAsKuboChunker: leaves are cut where kubo's size
// chunker cuts them, at every boundary case, and an input error ends the
// stream with that error, the bytes read with it dropped.
func TestLeafHasherCutsAsKuboChunker(t *testing.T) {
	const size = 1024
	for _, n := range []int{0, 1, size - 1, size, size + 1, 3 * size, 3*size + 7} {
		src := counterBytes("cuts", int64(n))
		h := newLeafHasher(bytes.NewReader(src), size, 2)
		k := chunker.NewSizeSplitter(bytes.NewReader(src), size)
		for i := 0; ; i++ {
			got, gerr := h.NextBytes()
			want, werr := k.NextBytes()
			if !bytes.Equal(got, want) || gerr != werr {
				t.Fatalf("%d bytes, leaf %d: %d bytes, %v; kubo's chunker: %d bytes, %v", n, i, len(got), gerr, len(want), werr)
			}
			if gerr != nil {
				break
			}
		}
		h.close()
	}
	boom := errors.New("the disk went away")
	h := newLeafHasher(io.MultiReader(bytes.NewReader(make([]byte, 1500)), iotest.ErrReader(boom)), size, 2)
	defer h.close()
	if leaf, err := h.NextBytes(); len(leaf) != size || err != nil {
		t.Fatalf("first leaf: %d bytes, %v", len(leaf), err)
	}
	for range 2 {
		if leaf, err := h.NextBytes(); leaf != nil || !errors.Is(err, boom) {
			t.Fatalf("after the input failed: %d bytes, %v; want the input's error", len(leaf), err)
		}
	}
}

// TestImportOptionsAreTheProfile: kubo's own adder with ImportOptions
// gives every IMPORT.md vector its CID, as the embedded Add does: the
// benchmarks' `ipfs add` peer stores exactly what pdx stores.
func TestImportOptionsAreTheProfile(t *testing.T) {
	e := openEmbedded(t)
	ctx := ctxT(t, 2*time.Minute)
	for _, v := range loadVectors(t) {
		p, err := e.Raw().Unixfs().Add(ctx, files.NewReaderFile(newCounterStream(v.Seed, v.Size)), ImportOptions("vector")...)
		if err != nil {
			t.Fatalf("vector %s/%d: %v", v.Seed, v.Size, err)
		}
		if got := p.RootCid().String(); got != v.CID {
			t.Errorf("vector %s/%d: kubo's adder with ImportOptions gave %s, want %s", v.Seed, v.Size, got, v.CID)
		}
	}
}
