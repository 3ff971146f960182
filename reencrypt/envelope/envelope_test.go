package envelope

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/reencrypt"
)

func TestRoundTrip(t *testing.T) {
	sk := datasetKey(t)
	for _, cs := range []int{DefaultChunkSize, MinChunkSize} {
		sizes := []int{0, 1, cs - 1, cs, cs + 1, 2 * cs, 7*cs + 123}
		if cs == MinChunkSize {
			sizes = append(sizes, 100*cs+5) // many chunks
		}
		for _, n := range sizes {
			for _, step := range []int{0, 1000, cs} {
				t.Run(fmt.Sprintf("chunk%d/size%d/step%d", cs, n, step), func(t *testing.T) {
					pt := plaintext(uint64(n), n)
					s := seal(t, sk, pt, cs, step)
					// Size on the wire: header, full chunks, final chunk.
					full := 0
					if n > 0 {
						full = (n - 1) / cs
					}
					want := HeaderSize + full*(cs+tagSize) + (n - full*cs) + minFinalChunk
					if len(s.env) != want {
						t.Fatalf("envelope is %d bytes, want %d", len(s.env), want)
					}
					got, err := openAll(s.env, s.key, ExpectCommitment(s.commitment))
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got, pt) {
						t.Fatal("plaintext differs")
					}
					c, err := Commit(s.key, bytes.NewReader(pt))
					if err != nil || !c.Equal(s.commitment) {
						t.Fatalf("Commit = %s, %v; writer said %s", c, err, s.commitment)
					}
					if s.header.DatasetID != (DatasetID{1, 2, 3}) || s.header.Owner != common.HexToAddress("0xd47a0") || s.header.ChunkSize != cs {
						t.Fatalf("header fields: %x %s %d", s.header.DatasetID, s.header.Owner.Hex(), s.header.ChunkSize)
					}
				})
			}
		}
	}
}

func TestWriterMisuse(t *testing.T) {
	sk := datasetKey(t)
	var buf bytes.Buffer
	if _, err := NewWriter(&buf, WriterConfig{}); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("no dataset key: %v", err)
	}
	if _, err := NewWriter(&buf, WriterConfig{DatasetKey: sk.PublicKey(), ChunkSize: 100}); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("chunk size 100: %v", err)
	}
	if _, err := NewWriter(nil, WriterConfig{DatasetKey: sk.PublicKey()}); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("nil writer: %v", err)
	}
	w, err := NewWriter(&buf, WriterConfig{DatasetKey: sk.PublicKey()})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := w.Write([]byte("x")); !errors.Is(err, ErrClosed) {
		t.Fatalf("Write after Close: %v", err)
	}
	// A failing destination is reported and sticks.
	fw := &failWriter{after: 2}
	w, err = NewWriter(fw, WriterConfig{DatasetKey: sk.PublicKey(), ChunkSize: MinChunkSize})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Write(make([]byte, 10*MinChunkSize))
	if !errors.Is(err, errDisk) {
		t.Fatalf("Write to a failing writer: %v", err)
	}
	if err := w.Close(); !errors.Is(err, errDisk) {
		t.Fatalf("Close after failure: %v", err)
	}
	if _, err := w.Commitment(); !errors.Is(err, errDisk) {
		t.Fatalf("Commitment after failure: %v", err)
	}
}

var errDisk = errors.New("disk full")

type failWriter struct{ after int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.after == 0 {
		return 0, errDisk
	}
	f.after--
	return len(p), nil
}

// TestOwnerAndGrantee opens one envelope both ways: with the dataset secret
// key, and as a brand with 2 of 3 cfrags re-encrypted by proxies.
func TestOwnerAndGrantee(t *testing.T) {
	sk := datasetKey(t)
	pt := plaintext(9, 3*DefaultChunkSize+9)
	s := seal(t, sk, pt, 0, 0)

	h, err := ParseHeader(s.env)
	if err != nil {
		t.Fatal(err)
	}
	brand := datasetKey(t)
	signer := reencrypt.NewSigner(datasetKey(t))
	kfrags, err := reencrypt.GenerateKFrags(sk, brand.PublicKey(), signer, 2, 3, true, true)
	if err != nil {
		t.Fatal(err)
	}
	capsule, err := h.UmbralCapsule()
	if err != nil {
		t.Fatal(err)
	}
	var cfrags []*reencrypt.VerifiedCapsuleFrag
	for _, kf := range kfrags[1:] {
		v, err := reencrypt.Reencrypt(capsule, kf)
		if err != nil {
			t.Fatal(err)
		}
		cf, err := reencrypt.CapsuleFragFromBytes(v.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		vv, err := cf.Verify(capsule, signer.VerifyingKey(), sk.PublicKey(), brand.PublicKey())
		if err != nil {
			t.Fatal(err)
		}
		cfrags = append(cfrags, vv)
	}
	key, err := h.FileKeyForGrantee(brand, sk.PublicKey(), cfrags)
	if err != nil {
		t.Fatal(err)
	}
	if key != s.key {
		t.Fatal("grantee and owner recovered different file keys")
	}
	got, err := openAll(s.env, key)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("grantee open: %v", err)
	}

	// Wrong keys and too few cfrags fail with ErrKeyUnwrap.
	if _, err := h.FileKeyForOwner(datasetKey(t)); !errors.Is(err, ErrKeyUnwrap) || !errors.Is(err, reencrypt.ErrDecryptionFailed) {
		t.Fatalf("owner path with another key: %v", err)
	}
	if _, err := h.FileKeyForGrantee(datasetKey(t), sk.PublicKey(), cfrags); !errors.Is(err, ErrKeyUnwrap) {
		t.Fatalf("grantee path with another receiving key: %v", err)
	}
	if _, err := h.FileKeyForGrantee(brand, sk.PublicKey(), cfrags[:1]); !errors.Is(err, ErrKeyUnwrap) {
		t.Fatalf("grantee path with 1 of 2 cfrags: %v", err)
	}
	if _, err := h.FileKeyForOwner(nil); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("nil key: %v", err)
	}
	// A wrong file key is caught by the header MAC before any chunk.
	if _, err := openAll(s.env, FileKey{1}); !errors.Is(err, ErrAuthentication) {
		t.Fatalf("wrong file key: %v", err)
	}
}

func TestTruncation(t *testing.T) {
	sk := datasetKey(t)
	cs := MinChunkSize
	for _, n := range []int{0, 1, cs, 5*cs + 77, 6 * cs} {
		s := seal(t, sk, plaintext(uint64(n), n), cs, 0)
		chunks := len(s.chunks(t))
		// Cut at every chunk boundary (0 = header only), inside the final
		// chunk, and inside the header.
		cuts := []int{}
		for i := 0; i < chunks; i++ {
			cuts = append(cuts, s.chunkOffset(i))
		}
		cuts = append(cuts, len(s.env)-1, len(s.env)-tagSize, HeaderSize-1, 5, 0)
		for _, cut := range cuts {
			got, err := openAll(s.env[:cut], s.key)
			switch {
			case cut < HeaderSize:
				if !errors.Is(err, ErrMalformedHeader) {
					t.Fatalf("size %d cut at %d (in header): %v", n, cut, err)
				}
			case cut == len(s.env)-1 || cut == len(s.env)-tagSize:
				// Inside the final chunk: indistinguishable from tampering.
				if !errors.Is(err, ErrAuthentication) && !errors.Is(err, ErrTruncated) {
					t.Fatalf("size %d cut at %d (in final chunk): %v", n, cut, err)
				}
			default:
				if !errors.Is(err, ErrTruncated) {
					t.Fatalf("size %d cut at chunk boundary %d: %v, want ErrTruncated", n, cut, err)
				}
			}
			wantReleased(t, s, got, err)
			if cut >= HeaderSize {
				_, err := NewRangeReader(s.header, bytes.NewReader(s.env[:cut]), int64(cut), s.key)
				if !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrAuthentication) {
					t.Fatalf("range reader, size %d cut at %d: %v", n, cut, err)
				}
				if cut < len(s.env)-minFinalChunk && !errors.Is(err, ErrTruncated) {
					t.Fatalf("range reader, size %d cut at chunk boundary %d: %v, want ErrTruncated", n, cut, err)
				}
			}
		}
	}
}

func TestReorderDropAppend(t *testing.T) {
	sk := datasetKey(t)
	cs := MinChunkSize
	s := seal(t, sk, plaintext(5, 6*cs+300), cs, 0)
	ch := s.chunks(t) // 6 full + final
	other := seal(t, sk, plaintext(6, 3*cs), cs, 0)
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	cases := []struct {
		name string
		body []byte
		want error
	}{
		{"drop chunk 0", join(ch[1:]...), ErrAuthentication},
		{"drop chunk 3", join(join(ch[:3]...), join(ch[4:]...)), ErrAuthentication},
		{"drop final chunk", join(ch[:6]...), ErrTruncated},
		{"swap chunks 2 and 3", join(join(ch[:2]...), ch[3], ch[2], join(ch[4:]...)), ErrAuthentication},
		{"swap chunk 5 and final", join(join(ch[:5]...), ch[6], ch[5]), ErrAuthentication},
		{"duplicate chunk 1", join(join(ch[:2]...), ch[1], join(ch[2:]...)), ErrAuthentication},
		{"append a chunk", join(join(ch...), ch[0]), ErrAuthentication},
		{"append a final chunk", join(join(ch...), ch[6]), ErrAuthentication},
		{"append one byte", join(join(ch...), []byte{0}), ErrAuthentication},
		{"body of another envelope", other.body(), ErrAuthentication},
		{"chunk from another envelope", join(join(ch[:2]...), other.chunks(t)[2], join(ch[3:]...)), ErrAuthentication},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := openAll(s.withBody(c.body), s.key)
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			wantReleased(t, s, got, err)
		})
	}

	// Header of another envelope, opened with that envelope's key (what a
	// reader does: it unwraps the key from the header it was given).
	t.Run("header from another envelope", func(t *testing.T) {
		env := append(bytes.Clone(other.env[:other.header.Len()]), s.body()...)
		got, err := openAll(env, other.key)
		if !errors.Is(err, ErrAuthentication) || len(got) != 0 {
			t.Fatalf("got %d bytes, %v", len(got), err)
		}
		if _, err := NewRangeReader(other.header, bytes.NewReader(env), int64(len(env)), other.key); !errors.Is(err, ErrAuthentication) {
			t.Fatalf("range reader: %v", err)
		}
	})
	// Even two envelopes sharing a file key (never the case for NewWriter,
	// which draws a fresh one) cannot exchange bodies: the payload key is
	// salted with the header MAC.
	t.Run("header from an envelope with the same file key", func(t *testing.T) {
		a, b := sealFixed(t, s.key, DatasetID{1}, s.pt, cs), sealFixed(t, s.key, DatasetID{2}, s.pt, cs)
		env := append(bytes.Clone(a[:HeaderSize]), b[HeaderSize:]...)
		if got, err := openAll(env, s.key); !errors.Is(err, ErrAuthentication) || len(got) != 0 {
			t.Fatalf("got %d bytes, %v", len(got), err)
		}
	})
}

// sealFixed seals with a given file key and a real Umbral wrap of it.
func sealFixed(t *testing.T, key FileKey, id DatasetID, pt []byte, cs int) []byte {
	t.Helper()
	capsule, wrapped, err := reencrypt.Encrypt(datasetKey(t).PublicKey(), key[:])
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := newWriter(&buf, headerFields{DatasetID: id, Capsule: capsule.Bytes(), WrappedKey: wrapped, ChunkSize: cs}, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(pt); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestBitFlips(t *testing.T) {
	sk := datasetKey(t)
	cs := MinChunkSize
	s := seal(t, sk, plaintext(7, 2*cs+500), cs, 0)

	// Every bit of the header: the error depends on the field, but each
	// flip is caught before any plaintext is released.
	for i := 0; i < HeaderSize*8; i++ {
		env := bytes.Clone(s.env)
		env[i/8] ^= 1 << (i % 8)
		got, err := openAsOwner(env, sk)
		var want []error
		switch off := i / 8; {
		case off < 4, off >= offHeaderLen && off < offDataset:
			want = []error{ErrMalformedHeader}
		case off == 4:
			want = []error{ErrUnsupportedVersion}
		case off == 5:
			// Minor 0 with 273 bytes is the only 1.0 layout; another minor
			// parses (extensions allowed) but the MAC covers the version.
			want = []error{ErrAuthentication}
		case off >= offCapsule && off < offWrapped:
			want = []error{ErrMalformedHeader, ErrKeyUnwrap}
		case off >= offWrapped && off < offChunkSize:
			want = []error{ErrKeyUnwrap}
		case off >= offChunkSize && off < offExtension:
			want = []error{ErrMalformedHeader, ErrAuthentication}
		default: // dataset id, owner, MAC
			want = []error{ErrAuthentication}
		}
		if !isAny(err, want...) {
			t.Fatalf("bit %d (byte %d) of the header: %v, want one of %v", i%8, i/8, err, want)
		}
		if len(got) != 0 {
			t.Fatalf("bit %d of byte %d: %d bytes released", i%8, i/8, len(got))
		}
	}

	// Bits in the body: first and last byte of each chunk's data, and its tag.
	for ci, c := range s.chunks(t) {
		start := s.chunkOffset(ci)
		for _, off := range []int{0, len(c) - tagSize - 1, len(c) - tagSize, len(c) - 1} {
			env := bytes.Clone(s.env)
			env[start+off] ^= 0x80
			got, err := openAll(env, s.key)
			var ce *ChunkError
			if !errors.Is(err, ErrAuthentication) || !errors.As(err, &ce) || ce.Index != uint64(ci) {
				t.Fatalf("flip in chunk %d at %d: %v", ci, off, err)
			}
			wantReleased(t, s, got, err)
		}
	}
}

func openAsOwner(env []byte, sk *reencrypt.SecretKey) ([]byte, error) {
	h, err := ParseHeader(env)
	if err != nil {
		return nil, err
	}
	key, err := h.FileKeyForOwner(sk)
	if err != nil {
		return nil, err
	}
	return openAll(env, key)
}

func isAny(err error, targets ...error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// TestCommitmentMismatch builds envelopes whose final chunk is authentic but
// carries a wrong commitment (only a writer holding the file key can), and
// checks the reader refuses them without releasing the final chunk's data.
func TestCommitmentMismatch(t *testing.T) {
	sk := datasetKey(t)
	cs := MinChunkSize
	s := seal(t, sk, plaintext(3, 2*cs+10), cs, 0)
	ch := s.chunks(t)
	aead := s.key.payloadAEAD(s.header)
	var n [nonceSize]byte

	forge := func(data []byte, c Commitment, idx uint64) []byte {
		return aead.Seal(nil, nonce(&n, idx, true), append(bytes.Clone(data), c[:]...), nil)
	}
	bad := s.commitment
	bad[0] ^= 1
	env := s.withBody(bytes.Join([][]byte{ch[0], ch[1], forge(s.pt[2*cs:], bad, 2)}, nil))
	got, err := openAll(env, s.key)
	if !errors.Is(err, ErrCommitmentMismatch) {
		t.Fatalf("forged commitment: %v", err)
	}
	wantReleased(t, s, got, err)

	// The right commitment, but not the one expected (e.g. on chain).
	got, err = openAll(s.env, s.key, ExpectCommitment(bad))
	if !errors.Is(err, ErrCommitmentMismatch) {
		t.Fatalf("unexpected commitment: %v", err)
	}
	wantReleased(t, s, got, err)

	// An empty final chunk after full chunks is authentic but not canonical.
	full := seal(t, sk, plaintext(4, 2*cs), cs, 0)
	fch := full.chunks(t)
	faead := full.key.payloadAEAD(full.header)
	var n2 [nonceSize]byte
	nonFinal := faead.Seal(nil, nonce(&n2, 1, false), full.pt[cs:], nil)
	empty := faead.Seal(nil, nonce(&n2, 2, true), full.commitment[:], nil)
	env = full.withBody(bytes.Join([][]byte{fch[0], nonFinal, empty}, nil))
	got, err = openAll(env, full.key)
	if !errors.Is(err, ErrMalformedBody) {
		t.Fatalf("empty final chunk: %v", err)
	}
	wantReleased(t, full, got, err)
	if _, err := NewRangeReader(full.header, bytes.NewReader(env), int64(len(env)), full.key); !errors.Is(err, ErrMalformedBody) {
		t.Fatalf("range reader, empty final chunk: %v", err)
	}
}

func TestReaderCommitmentBeforeEOF(t *testing.T) {
	s := seal(t, datasetKey(t), plaintext(1, 3*MinChunkSize), MinChunkSize, 0)
	r := bytes.NewReader(s.env)
	h, err := ReadHeader(r)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := NewReader(h, r, s.key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pr.Commitment(); !errors.Is(err, ErrNotFinished) {
		t.Fatalf("Commitment before EOF: %v", err)
	}
	if _, err := io.Copy(io.Discard, pr); err != nil {
		t.Fatal(err)
	}
	if c, err := pr.Commitment(); err != nil || c != s.commitment {
		t.Fatalf("Commitment: %s, %v", c, err)
	}
}

// TestMinorVersionExtension: a 1.1 header with an extension a 1.0 reader
// does not know is read (the extension skipped, but covered by the MAC);
// altering the extension is caught.
func TestMinorVersionExtension(t *testing.T) {
	sk := datasetKey(t)
	base := seal(t, sk, nil, MinChunkSize, 0)
	key := base.key
	ext := []byte("future field")
	raw := append(bytes.Clone(base.env[:offExtension]), ext...)
	raw = append(raw, make([]byte, headerMACSize)...)
	raw[5] = 1
	raw[offHeaderLen], raw[offHeaderLen+1] = byte(len(raw)>>8), byte(len(raw))
	m := hmac.New(sha256.New, key.headerKey(Major))
	m.Write(raw[:len(raw)-headerMACSize])
	m.Sum(raw[:len(raw)-headerMACSize])
	h, err := ParseHeader(raw)
	if err != nil {
		t.Fatal(err)
	}
	if h.Minor != 1 || h.Len() != HeaderSize+len(ext) {
		t.Fatalf("minor %d, length %d", h.Minor, h.Len())
	}
	pt := plaintext(8, 3*MinChunkSize+1)
	var buf bytes.Buffer
	w, err := writerFor(&buf, h, key)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(pt); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	k, err := h.FileKeyForOwner(sk)
	if err != nil {
		t.Fatal(err)
	}
	got, err := openAll(buf.Bytes(), k)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("1.1 envelope: %v", err)
	}
	rr, err := NewRangeReader(h, bytes.NewReader(buf.Bytes()), int64(buf.Len()), k)
	if err != nil || rr.Size() != int64(len(pt)) {
		t.Fatalf("1.1 range reader: %v", err)
	}
	env := buf.Bytes()
	env[offExtension] ^= 1
	if _, err := openAsOwner(env, sk); !errors.Is(err, ErrAuthentication) {
		t.Fatalf("altered extension: %v", err)
	}
	// Minor 0 must have no extension.
	raw[5] = 0
	if _, err := ParseHeader(raw); !errors.Is(err, ErrMalformedHeader) {
		t.Fatalf("1.0 header with an extension: %v", err)
	}
}
