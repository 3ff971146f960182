package envstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"

	"github.com/pdx-network/pdx/node/internal/detstream"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

const cs = envelope.DefaultChunkSize

// openNode starts a real embedded kubo node confined to loopback.
func openNode(t testing.TB) *storage.Embedded {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	e, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: t.TempDir(), Local: true})
	if err != nil {
		t.Fatalf("OpenEmbedded: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func ctxT(t testing.TB, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// owner is a dataset's key and the envelope settings that go with it.
type owner struct {
	sk  *reencrypt.SecretKey
	cfg envelope.WriterConfig
}

func newOwner(t testing.TB) owner {
	t.Helper()
	sk, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	return owner{sk: sk, cfg: envelope.WriterConfig{
		DatasetID:  envelope.DatasetID{0xd5, 1},
		Owner:      common.HexToAddress("0x00000000000000000000000000000000000d47a0"),
		DatasetKey: sk.PublicKey(),
	}}
}

func put(t testing.TB, s storage.Store, o owner, pt []byte, name string) Result {
	t.Helper()
	res, err := Put(ctxT(t, 2*time.Minute), s, bytes.NewReader(pt), o.cfg, name)
	if err != nil {
		t.Fatalf("Put(%d bytes): %v", len(pt), err)
	}
	return res
}

// ownerKey opens c's header from s and recovers its file key as the owner.
func ownerKey(t testing.TB, s storage.Store, o owner, c cid.Cid) envelope.FileKey {
	t.Helper()
	h, err := Open(ctxT(t, time.Minute), s, c)
	if err != nil {
		t.Fatalf("Open(%s): %v", c, err)
	}
	if h.DatasetID != o.cfg.DatasetID || h.Owner != o.cfg.Owner {
		t.Fatalf("header names dataset %x owner %s, want %x %s", h.DatasetID, h.Owner, o.cfg.DatasetID, o.cfg.Owner)
	}
	key, err := h.FileKeyForOwner(o.sk)
	if err != nil {
		t.Fatalf("FileKeyForOwner: %v", err)
	}
	return key
}

func readAll(t testing.TB, s storage.Store, c cid.Cid, key envelope.FileKey, expect *envelope.Commitment) ([]byte, error) {
	t.Helper()
	rc, err := Get(ctxT(t, 2*time.Minute), s, c, key, expect)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func pins(t testing.TB, s storage.Store) map[string]string {
	t.Helper()
	ps, err := s.Pins(ctxT(t, time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, p := range ps {
		m[p.CID.String()] = p.Name
	}
	return m
}

// TestRoundTrip puts plaintexts around the chunk boundaries and several
// chunks long, and reads them back as the owner through the store.
func TestRoundTrip(t *testing.T) {
	s := openNode(t)
	o := newOwner(t)
	for _, n := range []int64{0, 1, cs - 1, cs, cs + 1, 3 << 20} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			pt := detstream.Bytes(fmt.Sprint("rt", n), n, 0, n)
			name := fmt.Sprintf("pdx/test/%d", n)
			res := put(t, s, o, pt, name)

			size, err := s.Size(ctxT(t, time.Minute), res.CID)
			if err != nil || size != res.Size {
				t.Fatalf("store size %d (%v), Put said %d", size, err, res.Size)
			}
			full := n / cs
			if n > 0 && n%cs == 0 {
				full-- // a k·cs plaintext ends with a full final chunk
			}
			if want := int64(envelope.HeaderSize) + full*(cs+16) + (n - full*cs) + 48; res.Size != want {
				t.Fatalf("envelope size %d, ENVELOPE.md gives %d", res.Size, want)
			}
			if got := pins(t, s)[res.CID.String()]; got != name {
				t.Fatalf("pin name %q, want %q", got, name)
			}

			key := ownerKey(t, s, o, res.CID)
			want, err := envelope.Commit(key, bytes.NewReader(pt))
			if err != nil || want != res.Commitment {
				t.Fatalf("Put's commitment %s, recomputed %s (%v)", res.Commitment, want, err)
			}
			got, err := readAll(t, s, res.CID, key, &res.Commitment)
			if err != nil || !bytes.Equal(got, pt) {
				t.Fatalf("Get: %d bytes (equal %v), %v", len(got), bytes.Equal(got, pt), err)
			}
			got, err = readAll(t, s, res.CID, key, nil)
			if err != nil || !bytes.Equal(got, pt) {
				t.Fatalf("Get without expected commitment: %d bytes, %v", len(got), err)
			}

			// A commitment other than the registered one fails at the end.
			other := res.Commitment
			other[0] ^= 1
			if _, err := readAll(t, s, res.CID, key, &other); !errors.Is(err, envelope.ErrCommitmentMismatch) {
				t.Fatalf("Get with another commitment: %v, want ErrCommitmentMismatch", err)
			}
			// Another file key fails on the header.
			var wrong envelope.FileKey
			wrong[0] = 1
			if _, err := Get(ctxT(t, time.Minute), s, res.CID, wrong, nil); !errors.Is(err, envelope.ErrAuthentication) {
				t.Fatalf("Get with a wrong key: %v, want ErrAuthentication", err)
			}
			if _, err := Range(ctxT(t, time.Minute), s, res.CID, wrong); !errors.Is(err, envelope.ErrAuthentication) {
				t.Fatalf("Range with a wrong key: %v, want ErrAuthentication", err)
			}

			rr, err := Range(ctxT(t, time.Minute), s, res.CID, key)
			if err != nil {
				t.Fatalf("Range: %v", err)
			}
			if rr.Size() != n {
				t.Fatalf("Range size %d, want %d", rr.Size(), n)
			}
			buf := make([]byte, n+10)
			k, err := rr.ReadAt(buf, 0)
			if int64(k) != n || err != io.EOF || !bytes.Equal(buf[:k], pt) {
				t.Fatalf("ReadAt whole: %d, %v", k, err)
			}
		})
	}
}

// TestGrantee opens an envelope the way a brand does: kfrags from the
// dataset key to the brand's key, 2 of 3 proxies re-encrypt the capsule,
// and the brand recovers the file key from the cfrags.
func TestGrantee(t *testing.T) {
	s := openNode(t)
	o := newOwner(t)
	pt := detstream.Bytes("grantee", 300_001, 0, 300_001)
	res := put(t, s, o, pt, "pdx/test/grantee")

	brand, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	signer, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	kfrags, err := reencrypt.GenerateKFrags(o.sk, brand.PublicKey(), reencrypt.NewSigner(signer), 2, 3, true, true)
	if err != nil {
		t.Fatal(err)
	}
	h, err := Open(ctxT(t, time.Minute), s, res.CID)
	if err != nil {
		t.Fatal(err)
	}
	capsule, err := h.UmbralCapsule()
	if err != nil {
		t.Fatal(err)
	}
	var cfrags []*reencrypt.VerifiedCapsuleFrag
	for _, kf := range []*reencrypt.VerifiedKeyFrag{kfrags[2], kfrags[0]} {
		cf, err := reencrypt.Reencrypt(capsule, kf)
		if err != nil {
			t.Fatal(err)
		}
		cfrags = append(cfrags, cf)
	}
	if _, err := h.FileKeyForGrantee(brand, o.sk.PublicKey(), cfrags[:1]); !errors.Is(err, envelope.ErrKeyUnwrap) {
		t.Fatalf("one cfrag of a 2-of-3 grant: %v, want ErrKeyUnwrap", err)
	}
	key, err := h.FileKeyForGrantee(brand, o.sk.PublicKey(), cfrags)
	if err != nil {
		t.Fatalf("FileKeyForGrantee: %v", err)
	}
	got, err := readAll(t, s, res.CID, key, &res.Commitment)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("grantee Get: %d bytes (equal %v), %v", len(got), bytes.Equal(got, pt), err)
	}
	rr, err := Range(ctxT(t, time.Minute), s, res.CID, key)
	if err != nil {
		t.Fatal(err)
	}
	p := make([]byte, 1000)
	if _, err := rr.ReadAt(p, 200_000); err != nil || !bytes.Equal(p, pt[200_000:201_000]) {
		t.Fatalf("grantee range read: %v", err)
	}
}

// TestNotEnvelope reads content that something else added to IPFS.
func TestNotEnvelope(t *testing.T) {
	s := openNode(t)
	o := newOwner(t)
	key := envelope.FileKey{1}
	for _, data := range [][]byte{
		[]byte("hello, plain IPFS"),
		{},
		detstream.Bytes("plain", 1<<20, 0, 1<<20),
		[]byte("PDXE\x01\x00\x01\x11 a header that is cut short"),
	} {
		c, err := s.Add(ctxT(t, time.Minute), bytes.NewReader(data), storage.AddOptions{Name: "plain"})
		if err != nil {
			t.Fatal(err)
		}
		ctx := ctxT(t, time.Minute)
		_, err = Open(ctx, s, c)
		checkNotEnvelope(t, "Open", err)
		_, err = Get(ctx, s, c, key, nil)
		checkNotEnvelope(t, "Get", err)
		_, err = Range(ctx, s, c, key)
		checkNotEnvelope(t, "Range", err)
	}

	// A pdx envelope of a future major version is an envelope, but this
	// build cannot read it: that is said as such.
	var env bytes.Buffer
	w, err := envelope.NewWriter(&env, o.cfg)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	b := env.Bytes()
	b[4] = envelope.Major + 1
	c, err := s.Add(ctxT(t, time.Minute), bytes.NewReader(b), storage.AddOptions{Name: "future"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctxT(t, time.Minute), s, c); !errors.Is(err, envelope.ErrUnsupportedVersion) || errors.Is(err, ErrNotEnvelope) {
		t.Fatalf("Open of a future version: %v, want ErrUnsupportedVersion", err)
	}
}

func checkNotEnvelope(t *testing.T, op string, err error) {
	t.Helper()
	if !errors.Is(err, ErrNotEnvelope) || !errors.Is(err, envelope.ErrMalformedHeader) {
		t.Fatalf("%s of plain bytes: %v, want ErrNotEnvelope wrapping envelope.ErrMalformedHeader", op, err)
	}
}

// TestUnknownCID reads a CID nobody has: every read ends with
// storage.ErrNotFound when the deadline passes, not before and not never.
func TestUnknownCID(t *testing.T) {
	s := openNode(t)
	sum, err := mh.Sum([]byte("never added to any node"), mh.SHA2_256, -1)
	if err != nil {
		t.Fatal(err)
	}
	c := cid.NewCidV1(cid.Raw, sum)
	for name, op := range map[string]func(ctx context.Context) error{
		"Open":  func(ctx context.Context) error { _, err := Open(ctx, s, c); return err },
		"Get":   func(ctx context.Context) error { _, err := Get(ctx, s, c, envelope.FileKey{}, nil); return err },
		"Range": func(ctx context.Context) error { _, err := Range(ctx, s, c, envelope.FileKey{}); return err },
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
		start := time.Now()
		err := op(ctx)
		cancel()
		if !errors.Is(err, storage.ErrNotFound) {
			t.Fatalf("%s of an unknown CID: %v, want storage.ErrNotFound", name, err)
		}
		if d := time.Since(start); d > 30*time.Second {
			t.Fatalf("%s took %v, the deadline was 1.5 s", name, d)
		}
	}
}

// TestTruncated stores envelopes that were cut (each is its own object:
// content addressing makes altering a stored one impossible) and reads
// them.
func TestTruncated(t *testing.T) {
	s := openNode(t)
	o := newOwner(t)
	pt := detstream.Bytes("trunc", 3*cs+100, 0, 3*cs+100)
	var env bytes.Buffer
	w, err := envelope.NewWriter(&env, o.cfg)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(pt)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	hl := envelope.HeaderSize
	for _, tc := range []struct {
		name string
		cut  int
		want error
	}{
		{"after 2 chunks", hl + 2*(cs+16), envelope.ErrTruncated},
		{"after 1 chunk", hl + cs + 16, envelope.ErrTruncated},
		{"after the header", hl, envelope.ErrTruncated},
		{"inside a chunk", hl + cs + 16 + 1000, envelope.ErrAuthentication},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := s.Add(ctxT(t, time.Minute), bytes.NewReader(env.Bytes()[:tc.cut]), storage.AddOptions{Name: "cut"})
			if err != nil {
				t.Fatal(err)
			}
			key := ownerKey(t, s, o, c)
			got, err := readAll(t, s, c, key, nil)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Get: %v, want %v", err, tc.want)
			}
			if !bytes.Equal(got, pt[:len(got)]) || len(got)%cs != 0 {
				t.Fatalf("Get released %d bytes before failing, want whole authentic chunks", len(got))
			}
			if _, err := Range(ctxT(t, time.Minute), s, c, key); !errors.Is(err, tc.want) {
				t.Fatalf("Range: %v, want %v", err, tc.want)
			}
		})
	}
}

// failingReader yields n bytes of a stream, then fails.
type failingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, f.err
	}
	if int64(len(p)) > f.n {
		p = p[:f.n]
	}
	n, err := f.r.Read(p)
	f.n -= int64(n)
	return n, err
}

// endless yields bytes forever and counts them. Put may still be inside a
// Read when it returns after its context ended, hence the atomic.
type endless struct{ n atomic.Int64 }

func (e *endless) Read(p []byte) (int, error) {
	e.n.Add(int64(len(p)))
	return len(p), nil
}

// TestPutFailures checks that a failure on either side of the pipe stops
// the other and pins nothing.
func TestPutFailures(t *testing.T) {
	s := openNode(t)
	o := newOwner(t)
	before := len(pins(t, s))

	t.Run("plaintext fails", func(t *testing.T) {
		boom := errors.New("disk unplugged")
		r := &failingReader{r: detstream.New("fail", 1<<30), n: 5<<20 + 3, err: boom}
		_, err := Put(ctxT(t, time.Minute), s, r, o.cfg, "never")
		if !errors.Is(err, boom) {
			t.Fatalf("Put: %v, want the reader's error", err)
		}
	})
	t.Run("bad config", func(t *testing.T) {
		cfg := o.cfg
		cfg.DatasetKey = nil
		_, err := Put(ctxT(t, time.Minute), s, bytes.NewReader([]byte("x")), cfg, "never")
		if !errors.Is(err, envelope.ErrInvalidArgument) {
			t.Fatalf("Put without a dataset key: %v, want ErrInvalidArgument", err)
		}
		cfg = o.cfg
		cfg.ChunkSize = 10
		if _, err := Put(ctxT(t, time.Minute), s, bytes.NewReader([]byte("x")), cfg, "never"); !errors.Is(err, envelope.ErrInvalidArgument) {
			t.Fatalf("Put with chunk size 10: %v, want ErrInvalidArgument", err)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		// An endless plaintext: only the context can end this Put.
		ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
		defer cancel()
		e := &endless{}
		start := time.Now()
		_, err := Put(ctx, s, e, o.cfg, "never")
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Put past its deadline: %v, want context.DeadlineExceeded", err)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Fatalf("Put returned %v after its 1.5 s deadline", d)
		}
		if n := e.n.Load(); n < 1<<20 {
			t.Fatalf("only %d bytes were read before the deadline; the test did not exercise a running put", n)
		}
	})
	if after := pins(t, s); len(after) != before {
		t.Fatalf("%d pins before the failed puts, %d after: %v", before, len(after), after)
	}

	t.Run("store fails", func(t *testing.T) {
		// A closed store refuses the import at once; the endless plaintext
		// must not keep Put running.
		closed := openNode(t)
		closed.Close()
		e := &endless{}
		_, err := Put(ctxT(t, time.Minute), closed, e, o.cfg, "never")
		if !errors.Is(err, storage.ErrClosed) {
			t.Fatalf("Put on a closed store: %v, want storage.ErrClosed", err)
		}
	})
}

// TestRangeReads checks range reads at random offsets against the
// plaintext, and that a 1 MiB range in the middle of a 64 MiB object reads
// about 1 MiB of ciphertext, not the object.
func TestRangeReads(t *testing.T) {
	s := openNode(t)
	o := newOwner(t)
	const size = 64 << 20
	plain := detstream.New("range", size)
	res, err := Put(ctxT(t, 3*time.Minute), s, detstream.New("range", size), o.cfg, "pdx/test/range")
	if err != nil {
		t.Fatal(err)
	}
	key := ownerKey(t, s, o, res.CID)

	rr, err := Range(ctxT(t, 2*time.Minute), s, res.CID, key)
	if err != nil {
		t.Fatal(err)
	}
	if rr.Size() != size {
		t.Fatalf("Size %d, want %d", rr.Size(), size)
	}
	// What opening costs: the header and the final chunk.
	if got, limit := rr.CiphertextBytesRead(), int64(envelope.HeaderSize+cs+48); got > limit {
		t.Fatalf("opening read %d ciphertext bytes, want at most %d", got, limit)
	}
	start := rr.CiphertextBytesRead()
	mid := make([]byte, 1<<20)
	if n, err := rr.ReadAt(mid, size/2+12345); err != nil || n != len(mid) {
		t.Fatalf("ReadAt: %d, %v", n, err)
	}
	want := make([]byte, len(mid))
	plain.ReadAt(want, size/2+12345)
	if !bytes.Equal(mid, want) {
		t.Fatal("the 1 MiB range differs from the plaintext")
	}
	// 1 MiB at an unaligned offset spans 17 chunks: 1 MiB + one chunk + tags.
	total := rr.CiphertextBytesRead()
	if got, limit := total-start, int64(1<<20+cs+17*16); got > limit {
		t.Fatalf("a 1 MiB range read %d ciphertext bytes, want at most %d", got, limit)
	}
	if limit := int64(1<<20 + 2*cs + envelope.HeaderSize + 100*16); total > limit {
		t.Fatalf("header, final chunk and a 1 MiB range read %d ciphertext bytes, want at most 1 MiB + 2 chunks (%d)", total, limit)
	}
	t.Logf("1 MiB range in a 64 MiB envelope: %d ciphertext bytes read, %d with opening", total-start, total)

	rng := rand.New(rand.NewPCG(3, 4))
	for range 60 {
		off := rng.Int64N(size + 100)
		n := rng.IntN(3 * cs)
		p := make([]byte, n)
		got, err := rr.ReadAt(p, off)
		w := make([]byte, n)
		k, _ := plain.ReadAt(w, off)
		if got != k || !bytes.Equal(p[:got], w[:k]) {
			t.Fatalf("ReadAt(%d bytes at %d): %d bytes (want %d), equal %v, %v", n, off, got, k, bytes.Equal(p[:got], w[:k]), err)
		}
		if got < n && err != io.EOF {
			t.Fatalf("short ReadAt at %d without io.EOF: %v", off, err)
		}
	}
	if _, err := rr.ReadAt(make([]byte, 1), -1); !errors.Is(err, envelope.ErrInvalidArgument) {
		t.Fatalf("ReadAt(-1): %v, want ErrInvalidArgument", err)
	}

	// The streamed whole: the commitment over 64 MiB holds.
	rc, err := Get(ctxT(t, 2*time.Minute), s, res.CID, key, &res.Commitment)
	if err != nil {
		t.Fatal(err)
	}
	hg, hw := sha256.New(), sha256.New()
	if n, err := io.Copy(hg, rc); err != nil || n != size {
		t.Fatalf("Get: %d bytes, %v", n, err)
	}
	rc.Close()
	io.Copy(hw, detstream.New("range", size))
	if !bytes.Equal(hg.Sum(nil), hw.Sum(nil)) {
		t.Fatal("Get of 64 MiB returned other bytes")
	}
}

// TestGetClose closes a Get stream in the middle: Close returns, and the
// stream reads nothing more.
func TestGetClose(t *testing.T) {
	s := openNode(t)
	o := newOwner(t)
	const size = 8 << 20
	pt := detstream.Bytes("close", size, 0, size)
	res := put(t, s, o, pt, "pdx/test/close")
	key := ownerKey(t, s, o, res.CID)
	for range 20 {
		rc, err := Get(ctxT(t, time.Minute), s, res.CID, key, &res.Commitment)
		if err != nil {
			t.Fatal(err)
		}
		p := make([]byte, 100_000)
		if _, err := io.ReadFull(rc, p); err != nil || !bytes.Equal(p, pt[:len(p)]) {
			t.Fatalf("first bytes: %v", err)
		}
		if err := rc.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		if err := rc.Close(); err != nil {
			t.Fatalf("second Close: %v", err)
		}
		rest, err := io.ReadAll(rc)
		if err == nil || len(rest) > 3*cs {
			// The envelope reader may still hold the chunk it decrypted.
			t.Fatalf("after Close: %d more bytes, %v; want an error", len(rest), err)
		}
	}
	// A stream whose context ends stops too, Close or not: reads fail
	// with the context's error after at most the chunks already released.
	ctx, cancel := context.WithCancel(ctxT(t, time.Minute))
	rc, err := Get(ctx, s, res.CID, key, &res.Commitment)
	if err != nil {
		t.Fatal(err)
	}
	p := make([]byte, 100_000)
	if _, err := io.ReadFull(rc, p); err != nil {
		t.Fatal(err)
	}
	cancel()
	rest, err := io.ReadAll(rc)
	if !errors.Is(err, context.Canceled) || !bytes.Equal(rest, pt[len(p):len(p)+len(rest)]) {
		t.Fatalf("after the context ended: %d more bytes, %v; want context.Canceled", len(rest), err)
	}
	if err := rc.Close(); err != nil {
		t.Fatalf("Close after the context ended: %v", err)
	}
}

// TestTwoNodes puts on one embedded node and reads on another connected to
// it on loopback, over bitswap.
func TestTwoNodes(t *testing.T) {
	a, b := openNode(t), openNode(t)
	ctx := ctxT(t, time.Minute)
	self, err := a.Self(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Connect(ctx, self); err != nil {
		t.Fatal(err)
	}
	o := newOwner(t)
	const size = 2<<20 + 777
	pt := detstream.Bytes("two", size, 0, size)
	res := put(t, a, o, pt, "pdx/test/two")

	rr, err := Range(ctxT(t, time.Minute), b, res.CID, ownerKey(t, b, o, res.CID))
	if err != nil {
		t.Fatal(err)
	}
	p := make([]byte, 5000)
	if _, err := rr.ReadAt(p, 1<<20); err != nil || !bytes.Equal(p, pt[1<<20:1<<20+5000]) {
		t.Fatalf("range read on the other node: %v", err)
	}
	key := ownerKey(t, b, o, res.CID)
	got, err := readAll(t, b, res.CID, key, &res.Commitment)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("Get on the other node: %d bytes (equal %v), %v", len(got), bytes.Equal(got, pt), err)
	}
}

// TestStream chooses the file key from the header read off the stream: open
// sees the envelope's own header once, and an error from it ends the get
// with that error before any plaintext exists.
func TestStream(t *testing.T) {
	s := openNode(t)
	o := newOwner(t)
	pt := detstream.Bytes("stream", 3*cs+5, 0, 3*cs+5)
	res := put(t, s, o, pt, "pdx/test/stream")
	want, err := Open(ctxT(t, time.Minute), s, res.CID)
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	r, err := Stream(ctxT(t, time.Minute), s, res.CID, func(h *envelope.Header) (envelope.FileKey, error) {
		calls++
		if h.Capsule != want.Capsule || h.Owner != want.Owner || h.DatasetID != want.DatasetID {
			t.Errorf("open saw another header than Open reads")
		}
		return h.FileKey(envelope.OwnerIdentity{DatasetKey: o.sk})
	}, &res.Commitment)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	r.Close()
	if err != nil || !bytes.Equal(got, pt) || calls != 1 {
		t.Fatalf("Stream: %d bytes (equal %v), %v, open called %d times", len(got), bytes.Equal(got, pt), err, calls)
	}
	refuse := errors.New("no identity opens it")
	if _, err := Stream(ctxT(t, time.Minute), s, res.CID, func(*envelope.Header) (envelope.FileKey, error) {
		return envelope.FileKey{}, refuse
	}, nil); !errors.Is(err, refuse) {
		t.Fatalf("Stream with a refusing open: %v, want its error", err)
	}
}
