package envelope

import (
	"bytes"
	"errors"
	"testing"
)

// TestSkipCommitmentHashTamper attacks a reader that does not hash the
// plaintext (SkipCommitmentHash) with what someone who controls storage or
// sits between the store and the reader can do without the file key — flip
// bits in the header or any chunk, drop, reorder, truncate, append — and
// with what only a writer holding the file key can do: carry a commitment
// that is not the plaintext's. The first kind is refused exactly as by a
// hashing reader; the second is refused only when the carried commitment
// differs from the expected (registered) one, and is caught by a hashing
// reader otherwise, which is why a caller that relies on the commitment
// must not skip the hash (ENVELOPE.md, "Skipping the commitment hash").
func TestSkipCommitmentHashTamper(t *testing.T) {
	sk := datasetKey(t)
	cs := MinChunkSize
	s := seal(t, sk, plaintext(11, 3*cs+77), cs, 0)
	skip := SkipCommitmentHash()

	// An untouched envelope opens to the same plaintext, in every mode.
	got, err := openAll(s.env, s.key, skip, ExpectCommitment(s.commitment))
	if err != nil || !bytes.Equal(got, s.pt) {
		t.Fatalf("untouched envelope without the hash: %d bytes, %v", len(got), err)
	}

	// Any bit of the body flipped: refused at that chunk, nothing of it
	// released.
	for ci, c := range s.chunks(t) {
		start := s.chunkOffset(ci)
		for _, off := range []int{0, len(c) / 2, len(c) - tagSize - 1, len(c) - 1} {
			env := bytes.Clone(s.env)
			env[start+off] ^= 0x01
			got, err := openAll(env, s.key, skip)
			var ce *ChunkError
			if !errors.Is(err, ErrAuthentication) || !errors.As(err, &ce) || ce.Index != uint64(ci) {
				t.Fatalf("flip in chunk %d at %d without the hash: %v", ci, off, err)
			}
			wantReleased(t, s, got, err)
		}
	}
	// A header bit flipped (the MAC) fails before any chunk.
	env := bytes.Clone(s.env)
	env[s.header.Len()-1] ^= 0x01
	if _, err := NewReader(mustHeader(t, env), bytes.NewReader(env[s.header.Len():]), s.key, skip); !errors.Is(err, ErrAuthentication) {
		t.Fatalf("header flip without the hash: %v", err)
	}
	// Chunks dropped, reordered, the stream truncated or extended.
	ch := s.chunks(t)
	for name, body := range map[string][]byte{
		"dropped":   bytes.Join([][]byte{ch[0], ch[2], ch[3]}, nil),
		"reordered": bytes.Join([][]byte{ch[1], ch[0], ch[2], ch[3]}, nil),
		"truncated": bytes.Join([][]byte{ch[0], ch[1], ch[2]}, nil),
		"appended":  bytes.Join([][]byte{ch[0], ch[1], ch[2], ch[3], ch[0]}, nil),
	} {
		got, err := openAll(s.withBody(body), s.key, skip)
		if !errors.Is(err, ErrAuthentication) && !errors.Is(err, ErrTruncated) {
			t.Fatalf("%s without the hash: %v", name, err)
		}
		wantReleased(t, s, got, err)
	}

	// A writer holding the file key seals a final chunk whose commitment is
	// not the plaintext's.
	aead := s.key.payloadAEAD(s.header)
	var n [nonceSize]byte
	bad := s.commitment
	bad[31] ^= 0x80
	final := aead.Seal(nil, nonce(&n, 3, true), append(bytes.Clone(s.pt[3*cs:]), bad[:]...), nil)
	forged := s.withBody(bytes.Join([][]byte{ch[0], ch[1], ch[2], final}, nil))
	// Against the registered commitment, the carried one is compared even
	// without the hash: refused, the final chunk's data not released.
	got, err = openAll(forged, s.key, skip, ExpectCommitment(s.commitment))
	if !errors.Is(err, ErrCommitmentMismatch) {
		t.Fatalf("forged commitment against the registered one, without the hash: %v", err)
	}
	wantReleased(t, s, got, err)
	// Registered as the forged value, only the hash tells: the hashing
	// reader refuses, the skipping one returns the sealed plaintext.
	if _, err := openAll(forged, s.key, ExpectCommitment(bad)); !errors.Is(err, ErrCommitmentMismatch) {
		t.Fatalf("forged commitment registered as such, with the hash: %v", err)
	}
	got, err = openAll(forged, s.key, skip, ExpectCommitment(bad))
	if err != nil || !bytes.Equal(got, s.pt) {
		t.Fatalf("forged commitment registered as such, without the hash: %d bytes, %v (want the sealed plaintext: the hash is what checks it)", len(got), err)
	}

	// Commitment says that nothing was computed rather than repeat the
	// carried value as if checked.
	r := bytes.NewReader(s.env)
	h, err := ReadHeader(r)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := NewReader(h, r, s.key, skip)
	if err != nil {
		t.Fatal(err)
	}
	var sink bytes.Buffer
	if _, err := rd.WriteTo(&sink); err != nil {
		t.Fatal(err)
	}
	if c, err := rd.Commitment(); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("Commitment after a read without the hash: %s, %v; want ErrInvalidArgument", c, err)
	}
}

func mustHeader(t *testing.T, env []byte) *Header {
	t.Helper()
	h, err := ParseHeader(env)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
