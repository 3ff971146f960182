package storage

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/boxo/blockservice"
	"github.com/ipfs/boxo/blockstore"
	offline "github.com/ipfs/boxo/exchange/offline"
	"github.com/ipfs/boxo/files"
	"github.com/ipfs/boxo/ipld/merkledag"
	unixfile "github.com/ipfs/boxo/ipld/unixfs/file"
	"github.com/ipfs/boxo/path"
	blocks "github.com/ipfs/go-block-format"
	"github.com/ipfs/go-cid"
	ds "github.com/ipfs/go-datastore"
	dssync "github.com/ipfs/go-datastore/sync"
	"github.com/ipfs/kubo/core/coreiface/options"
	carv2 "github.com/ipld/go-car/v2"
	mh "github.com/multiformats/go-multihash"
)

// counterStream is the test data of IMPORT.md: SHA-256(seed ‖ uint64be(k))
// for k = 0, 1, …, concatenated and cut at n bytes. It is deterministic (so
// CIDs can be compared with stored vectors), incompressible, and generated
// on the fly, so large objects never sit in memory.
type counterStream struct {
	seed []byte
	k    uint64
	buf  []byte
	left int64
}

func newCounterStream(seed string, n int64) *counterStream {
	return &counterStream{seed: []byte(seed), left: n}
}

func (s *counterStream) Read(p []byte) (int, error) {
	if s.left <= 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && s.left > 0 {
		if len(s.buf) == 0 {
			var ctr [8]byte
			binary.BigEndian.PutUint64(ctr[:], s.k)
			s.k++
			h := sha256.Sum256(append(append([]byte(nil), s.seed...), ctr[:]...))
			s.buf = h[:]
		}
		m := copy(p[n:], s.buf)
		if int64(m) > s.left {
			m = int(s.left)
		}
		s.buf = s.buf[m:]
		n += m
		s.left -= int64(m)
	}
	return n, nil
}

func counterBytes(seed string, n int64) []byte {
	b, _ := io.ReadAll(newCounterStream(seed, n))
	return b
}

// storeImpl makes fresh nodes of one implementation.
type storeImpl struct {
	name string
	open func(t *testing.T) Store
}

func implementations() []storeImpl {
	return []storeImpl{
		{"embedded", func(t *testing.T) Store { return openEmbedded(t) }},
		{"remote", func(t *testing.T) Store { return openRemote(t, startDaemon(t, initDaemonRepo(t))) }},
	}
}

// TestConformance runs the same checks against the embedded node and a real
// `ipfs daemon` reached over its authenticated RPC API.
func TestConformance(t *testing.T) {
	for _, im := range implementations() {
		t.Run(im.name, func(t *testing.T) {
			a, b := im.open(t), im.open(t)
			connect(t, b, a)
			t.Run("AddGet", func(t *testing.T) { testAddGet(t, a) })
			t.Run("Bitswap", func(t *testing.T) { testBitswap(t, a, b) })
			t.Run("Ranges", func(t *testing.T) { testRanges(t, a) })
			t.Run("Pins", func(t *testing.T) { testPins(t, a) })
			t.Run("GC", func(t *testing.T) { testGC(t, a) })
			t.Run("UnknownCID", func(t *testing.T) { testUnknownCID(t, b) })
			t.Run("BadInput", func(t *testing.T) { testBadInput(t, a) })
			t.Run("TooLarge", func(t *testing.T) { testTooLarge(t, a) })
			t.Run("ExportCAR", func(t *testing.T) { testExportCAR(t, a, b) })
			t.Run("Vectors", func(t *testing.T) { testVectors(t, a) })
			t.Run("Closed", func(t *testing.T) { testClosed(t, b) }) // last: b is closed
		})
	}
}

func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func connect(t *testing.T, from, to Store) {
	t.Helper()
	ctx := ctxT(t, 30*time.Second)
	self, err := to.Self(ctx)
	if err != nil {
		t.Fatalf("Self: %v", err)
	}
	if err := from.Connect(ctx, self); err != nil {
		t.Fatalf("Connect(%v): %v", self, err)
	}
}

func add(t *testing.T, s Store, data []byte, name string) cid.Cid {
	t.Helper()
	c, err := s.Add(ctxT(t, time.Minute), bytes.NewReader(data), AddOptions{Name: name})
	if err != nil {
		t.Fatalf("Add(%d bytes): %v", len(data), err)
	}
	return c
}

// mustRead(t)(s.Get(…)) reads a whole stream or fails the test.
func mustRead(t *testing.T) func(io.ReadCloser, error) []byte {
	return func(rc io.ReadCloser, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatalf("open: %v", err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		return b
	}
}

func testAddGet(t *testing.T, s Store) {
	for _, n := range []int64{0, 1, 262143, 262144, 262145, 3<<20 + 7} {
		data := counterBytes("addget", n)
		c := add(t, s, data, "addget")
		if c.Version() != 1 {
			t.Errorf("%d bytes: CID %s is not CIDv1", n, c)
		}
		if n <= 262144 && c.Type() != cid.Raw {
			t.Errorf("%d bytes: single-chunk object %s should be one raw leaf", n, c)
		}
		if n > 262144 && c.Type() != cid.DagProtobuf {
			t.Errorf("%d bytes: multi-chunk object %s should have a dag-pb root", n, c)
		}
		ctx := ctxT(t, 30*time.Second)
		got := mustRead(t)(s.Get(ctx, c))
		if !bytes.Equal(got, data) {
			t.Fatalf("%d bytes: Get returned %d different bytes", n, len(got))
		}
		size, err := s.Size(ctx, c)
		if err != nil || size != n {
			t.Fatalf("Size = %d, %v; want %d", size, err, n)
		}
	}
	// A single-chunk object's CID is the raw codec over SHA-256 of the
	// bytes; checked here without kubo.
	data := []byte("pdx storage\n")
	sum, _ := mh.Sum(data, mh.SHA2_256, -1)
	if got, want := add(t, s, data, ""), cid.NewCidV1(cid.Raw, sum); !got.Equals(want) {
		t.Fatalf("raw leaf CID %s, want %s", got, want)
	}
}

func testBitswap(t *testing.T, a, b Store) {
	const n = 3<<20 + 12345
	data := counterBytes("bitswap", n)
	c := add(t, a, data, "bitswap")
	ctx := ctxT(t, time.Minute)

	// Range first, so b holds only the blocks the range needs when it reads.
	got := mustRead(t)(b.GetRange(ctx, c, 1<<20+5, 1000))
	if !bytes.Equal(got, data[1<<20+5:1<<20+5+1000]) {
		t.Fatal("range over bitswap returned wrong bytes")
	}
	// Only the blocks covering the range crossed: the root and leaf 4 (of
	// 13; bytes 1 MiB to 1.25 MiB), not the others.
	root, err := a.(rawStore).Raw().Dag().Get(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	local, err := b.(rawStore).Raw().WithOptions(options.Api.Offline(true))
	if err != nil {
		t.Fatal(err)
	}
	has := func(c cid.Cid) bool {
		_, err := local.Block().Stat(ctx, path.FromCid(c))
		return err == nil
	}
	links := root.Links()
	if len(links) != 13 {
		t.Fatalf("root has %d links, want 13", len(links))
	}
	if !has(c) || !has(links[4].Cid) {
		t.Fatal("the root or the leaf of the range is not on the reading node")
	}
	for _, i := range []int{0, 3, 5, 12} {
		if has(links[i].Cid) {
			t.Errorf("leaf %d was fetched for a range that does not touch it", i)
		}
	}

	got = mustRead(t)(b.Get(ctx, c))
	if !bytes.Equal(got, data) {
		t.Fatalf("Get over bitswap: %d bytes, want %d equal bytes", len(got), len(data))
	}
	if size, err := b.Size(ctx, c); err != nil || size != n {
		t.Fatalf("Size over bitswap = %d, %v", size, err)
	}
	if pinned, err := b.IsPinned(ctx, c); err != nil || pinned {
		t.Fatalf("reading must not pin: IsPinned = %v, %v", pinned, err)
	}
}

func testRanges(t *testing.T, s Store) {
	const n = 1<<20 + 333
	data := counterBytes("ranges", n)
	c := add(t, s, data, "")
	ctx := ctxT(t, 30*time.Second)
	for _, r := range [][2]int64{{0, 0}, {0, 1}, {0, n}, {5, 10}, {262143, 2}, {262144, 262144}, {n - 1, 1}, {n - 10, 100}, {n, 5}, {100, n * 2}} {
		got := mustRead(t)(s.GetRange(ctx, c, r[0], r[1]))
		end := min(r[0]+r[1], n)
		if !bytes.Equal(got, data[r[0]:end]) {
			t.Errorf("GetRange(%d, %d): %d bytes, want data[%d:%d]", r[0], r[1], len(got), r[0], end)
		}
	}
	for _, r := range [][2]int64{{-1, 5}, {0, -1}, {n + 1, 1}} {
		if _, err := s.GetRange(ctx, c, r[0], r[1]); !errors.Is(err, ErrInvalidRange) {
			t.Errorf("GetRange(%d, %d) = %v, want ErrInvalidRange", r[0], r[1], err)
		}
	}
}

func testPins(t *testing.T, s Store) {
	ctx := ctxT(t, 30*time.Second)
	data := counterBytes("pins", 700000)
	c := add(t, s, data, "pdx/test/pins")
	pins, err := s.Pins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !hasPin(pins, c, "pdx/test/pins") {
		t.Fatalf("Pins() = %v, want %s named pdx/test/pins", pins, c)
	}
	if ok, err := s.IsPinned(ctx, c); !ok || err != nil {
		t.Fatalf("IsPinned = %v, %v", ok, err)
	}
	if err := s.Unpin(ctx, c); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.IsPinned(ctx, c); ok || err != nil {
		t.Fatalf("after Unpin IsPinned = %v, %v", ok, err)
	}
	if err := s.Unpin(ctx, c); !errors.Is(err, ErrNotPinned) {
		t.Fatalf("second Unpin = %v, want ErrNotPinned", err)
	}
	if err := s.Pin(ctx, c, "renamed"); err != nil {
		t.Fatal(err)
	}
	pins, _ = s.Pins(ctx)
	if !hasPin(pins, c, "renamed") {
		t.Fatalf("after Pin, Pins() = %v", pins)
	}
	// Pinning content that exists nowhere waits for the network and ends
	// with the context.
	unknown := randomCID(t)
	short, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := s.Pin(short, unknown, "x"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Pin(unknown) = %v, want ErrNotFound", err)
	}
}

func hasPin(pins []Pin, c cid.Cid, name string) bool {
	for _, p := range pins {
		if p.CID.Equals(c) && p.Name == name {
			return true
		}
	}
	return false
}

func testGC(t *testing.T, s Store) {
	ctx := ctxT(t, time.Minute)
	keep := counterBytes("gc-keep", 600000)
	drop := counterBytes("gc-drop", 600000)
	ck := add(t, s, keep, "keep")
	cd := add(t, s, drop, "drop")
	if err := s.Unpin(ctx, cd); err != nil {
		t.Fatal(err)
	}
	removed, err := s.GC(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if removed < 3 { // three leaves and a root
		t.Fatalf("GC removed %d blocks, want at least the 4 of the unpinned object", removed)
	}
	if got := mustRead(t)(s.Get(ctx, ck)); !bytes.Equal(got, keep) {
		t.Fatal("GC damaged a pinned object")
	}
	// The dropped object is gone: the peer never had it, so a read ends
	// with the deadline.
	short, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if _, err := s.Size(short, cd); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Size after GC = %v, want ErrNotFound", err)
	}
}

func randomCID(t *testing.T) cid.Cid {
	var b [32]byte
	rand.Read(b[:])
	sum, err := mh.Sum(b[:], mh.SHA2_256, -1)
	if err != nil {
		t.Fatal(err)
	}
	return cid.NewCidV1(cid.Raw, sum)
}

func testUnknownCID(t *testing.T, s Store) {
	c := randomCID(t)
	for name, op := range map[string]func(context.Context) error{
		"Get": func(ctx context.Context) error {
			rc, err := s.Get(ctx, c)
			if err == nil {
				_, err = io.ReadAll(rc)
				rc.Close()
			}
			return err
		},
		"GetRange": func(ctx context.Context) error { _, err := s.GetRange(ctx, c, 0, 10); return err },
		"Size":     func(ctx context.Context) error { _, err := s.Size(ctx, c); return err },
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
		start := time.Now()
		err := op(ctx)
		cancel()
		took := time.Since(start)
		if !errors.Is(err, ErrNotFound) || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s(unknown) = %v, want ErrNotFound wrapping context.DeadlineExceeded", name, err)
		}
		if took > 10*time.Second {
			t.Errorf("%s(unknown) took %s with a 1.5s deadline", name, took)
		}
		if err != nil && !strings.Contains(err.Error(), c.String()) {
			t.Errorf("%s error does not name the CID: %v", name, err)
		}
	}
}

func testBadInput(t *testing.T, s Store) {
	ctx := ctxT(t, 30*time.Second)
	for _, in := range []string{"", "not-a-cid", "bafy", "Qm123", "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52z!", "zzzz"} {
		if _, err := ParseCID(in); !errors.Is(err, ErrInvalidCID) {
			t.Errorf("ParseCID(%q) = %v, want ErrInvalidCID", in, err)
		}
	}
	good := add(t, s, []byte("bad input"), "")
	if c, err := ParseCID(" /ipfs/" + good.String() + "\n"); err != nil || !c.Equals(good) {
		t.Errorf("ParseCID of a good CID with /ipfs/ prefix = %v, %v", c, err)
	}
	sum, _ := mh.Sum([]byte("x"), mh.SHA2_256, -1)
	cbor := cid.NewCidV1(cid.DagCBOR, sum)
	if _, err := ParseCID(cbor.String()); !errors.Is(err, ErrInvalidCID) {
		t.Errorf("ParseCID(dag-cbor CID) = %v, want ErrInvalidCID", err)
	}
	for _, c := range []cid.Cid{cid.Undef, cbor} {
		if _, err := s.Get(ctx, c); !errors.Is(err, ErrInvalidCID) {
			t.Errorf("Get(%v) = %v, want ErrInvalidCID", c, err)
		}
		if _, err := s.GetRange(ctx, c, 0, 1); !errors.Is(err, ErrInvalidCID) {
			t.Errorf("GetRange(%v) = %v, want ErrInvalidCID", c, err)
		}
		if err := s.Pin(ctx, c, ""); !errors.Is(err, ErrInvalidCID) {
			t.Errorf("Pin(%v) = %v, want ErrInvalidCID", c, err)
		}
		if err := s.ExportCAR(ctx, io.Discard, c); !errors.Is(err, ErrInvalidCID) {
			t.Errorf("ExportCAR(%v) = %v, want ErrInvalidCID", c, err)
		}
	}
	// A directory is a valid CID but not a pdx object.
	dir, err := s.(rawStore).Raw().Unixfs().Add(ctx, files.NewMapDirectory(map[string]files.Node{
		"a": files.NewBytesFile([]byte("a")),
	}), options.Unixfs.CidVersion(1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, dir.RootCid()); !errors.Is(err, ErrNotAFile) {
		t.Errorf("Get(directory) = %v, want ErrNotAFile", err)
	}
	if _, err := s.GetRange(ctx, dir.RootCid(), 0, 1); !errors.Is(err, ErrNotAFile) {
		t.Errorf("GetRange(directory) = %v, want ErrNotAFile", err)
	}
	if _, err := s.Size(ctx, dir.RootCid()); !errors.Is(err, ErrNotAFile) {
		t.Errorf("Size(directory) = %v, want ErrNotAFile", err)
	}
	if err := s.ExportCAR(ctx, io.Discard); !errors.Is(err, ErrInvalidCID) {
		t.Errorf("ExportCAR() = %v, want ErrInvalidCID", err)
	}
	for _, in := range []string{"", "/ip4/127.0.0.1/tcp/1", "/ip4/127.0.0.1/tcp/1/p2p/notapeer", "garbage"} {
		if _, err := ParsePeer(in); !errors.Is(err, ErrInvalidPeer) {
			t.Errorf("ParsePeer(%q) = %v, want ErrInvalidPeer", in, err)
		}
	}
	self, err := s.Self(ctx)
	if err != nil {
		t.Fatal(err)
	}
	self.Addrs = nil
	if err := s.Connect(ctx, self); !errors.Is(err, ErrInvalidPeer) {
		t.Errorf("Connect without addresses = %v, want ErrInvalidPeer", err)
	}
	// A reader that fails makes Add fail and pins nothing.
	before, _ := s.Pins(ctx)
	_, err = s.Add(ctx, io.MultiReader(bytes.NewReader(counterBytes("fail", 600000)), failingReader{}), AddOptions{Name: "must-not-exist"})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || !strings.Contains(err.Error(), "nothing was pinned") {
		t.Fatalf("Add from a failing reader = %v, want the reader's error and that nothing was pinned", err)
	}
	after, _ := s.Pins(ctx)
	if len(after) != len(before) {
		t.Fatalf("a failed Add changed the pins: %d → %d", len(before), len(after))
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func testTooLarge(t *testing.T, s Store) {
	ctx := ctxT(t, 30*time.Second)
	before, _ := s.Pins(ctx)
	_, err := s.Add(ctx, newCounterStream("large", 2<<20), AddOptions{Name: "too-large", MaxSize: 1 << 20})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Add(2 MiB, MaxSize 1 MiB) = %v, want ErrTooLarge", err)
	}
	after, _ := s.Pins(ctx)
	if len(after) != len(before) {
		t.Fatalf("a too-large Add changed the pins: %d → %d", len(before), len(after))
	}
	c, err := s.Add(ctx, newCounterStream("large", 1<<20), AddOptions{MaxSize: 1 << 20})
	if err != nil {
		t.Fatalf("Add of exactly MaxSize bytes: %v", err)
	}
	if n, err := s.Size(ctx, c); n != 1<<20 || err != nil {
		t.Fatalf("Size = %d, %v", n, err)
	}
}

// testExportCAR exports from b (which fetches over bitswap what it lacks)
// and rebuilds each file from the CAR alone.
func testExportCAR(t *testing.T, a, b Store) {
	ctx := ctxT(t, time.Minute)
	d1 := counterBytes("car-1", 1<<20+99)
	d2 := counterBytes("car-2", 1000)
	c1, c2 := add(t, a, d1, "car"), add(t, b, d2, "car")
	var buf bytes.Buffer
	if err := b.ExportCAR(ctx, &buf, c1, c2, c1); err != nil {
		t.Fatal(err)
	}
	br, err := carv2.NewBlockReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if br.Version != 1 || len(br.Roots) != 3 || !br.Roots[0].Equals(c1) || !br.Roots[1].Equals(c2) {
		t.Fatalf("CAR v%d roots %v", br.Version, br.Roots)
	}
	bs := blockstore.NewBlockstore(dssync.MutexWrap(ds.NewMapDatastore()))
	count := 0
	for {
		blk, err := br.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		// Re-hash: a CAR block must match its CID.
		check, err := blk.Cid().Prefix().Sum(blk.RawData())
		if err != nil || !check.Equals(blk.Cid()) {
			t.Fatalf("CAR block %s does not match its data", blk.Cid())
		}
		if has, _ := bs.Has(ctx, blk.Cid()); has {
			t.Fatalf("block %s written twice", blk.Cid())
		}
		if err := bs.Put(ctx, blocks.Block(blk)); err != nil {
			t.Fatal(err)
		}
		count++
	}
	if count != 5+1+1 { // d1: 5 leaves and a root; d2: one raw leaf
		t.Errorf("CAR holds %d blocks, want 7", count)
	}
	dag := merkledag.NewDAGService(blockservice.New(bs, offline.Exchange(bs)))
	for c, want := range map[cid.Cid][]byte{c1: d1, c2: d2} {
		nd, err := dag.Get(ctx, c)
		if err != nil {
			t.Fatalf("root %s missing from CAR: %v", c, err)
		}
		f, err := unixfile.NewUnixfsFile(ctx, dag, nd)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(f.(files.File))
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("file %s rebuilt from the CAR differs (%v)", c, err)
		}
	}
}

func testClosed(t *testing.T, s Store) {
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ctx := ctxT(t, 10*time.Second)
	if _, err := s.Add(ctx, strings.NewReader("x"), AddOptions{}); !errors.Is(err, ErrClosed) {
		t.Errorf("Add after Close = %v", err)
	}
	if _, err := s.Pins(ctx); !errors.Is(err, ErrClosed) {
		t.Errorf("Pins after Close = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

type importVector struct {
	Seed string `json:"seed"`
	Size int64  `json:"size"`
	CID  string `json:"cid"`
}

func loadVectors(t *testing.T) []importVector {
	t.Helper()
	raw, err := os.ReadFile("testdata/import-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs []importVector
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatalf("testdata/import-v1.json: %v", err)
	}
	if len(vs) == 0 {
		t.Fatal("testdata/import-v1.json has no vectors")
	}
	return vs
}

// testVectors adds the bytes of each IMPORT.md vector and requires the CID
// kubo's CLI computed for them.
func testVectors(t *testing.T, s Store) {
	ctx := ctxT(t, 2*time.Minute)
	for _, v := range loadVectors(t) {
		c, err := s.Add(ctx, newCounterStream(v.Seed, v.Size), AddOptions{Name: "vector"})
		if err != nil {
			t.Fatalf("vector %s/%d: %v", v.Seed, v.Size, err)
		}
		if c.String() != v.CID {
			t.Errorf("vector %s/%d: CID %s, want %s", v.Seed, v.Size, c, v.CID)
		}
		if err := s.Unpin(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
}
