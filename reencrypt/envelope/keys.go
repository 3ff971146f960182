package envelope

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
)

// FileKeySize is the size of a file key.
const FileKeySize = 32

// hkdfInfo is the HKDF info string of a key of format major; the major
// version is part of it, so two formats never derive the same keys from
// the same file key.
func hkdfInfo(major uint8, purpose string) string {
	return fmt.Sprintf("pdx/envelope/v%d/%s", major, purpose)
}

// FileKey is the random per-envelope key. It never appears in clear on the
// wire: the header carries it wrapped by Umbral under the dataset key, and a
// reader recovers it with an Identity (Header.FileKey): as the owner, as a
// grantee holding capsule fragments, or through a rotation's rewrap
// manifest. Everything else (header MAC key,
// payload key, commitment key) is derived from it.
type FileKey [FileKeySize]byte

// newFileKey draws a file key from the operating system's CSPRNG.
func newFileKey() (FileKey, error) {
	var k FileKey
	if _, err := rand.Read(k[:]); err != nil {
		return k, fmt.Errorf("envelope: drawing a file key: %w", err)
	}
	return k, nil
}

func (k FileKey) derive(salt []byte, info string) []byte {
	out, err := hkdf.Key(sha256.New, k[:], salt, info, 32)
	if err != nil {
		// Only possible for an output longer than 255 hash blocks.
		panic("envelope: HKDF: " + err.Error())
	}
	return out
}

// headerKey keys the header MAC of format major.
func (k FileKey) headerKey(major uint8) []byte { return k.derive(nil, hkdfInfo(major, "header")) }

// commitmentKey keys the plaintext commitment of format major. It does not
// depend on the header, so the commitment of a plaintext under a file key
// can be computed without an envelope (Commit).
func (k FileKey) commitmentKey(major uint8) []byte {
	return k.derive(nil, hkdfInfo(major, "commitment"))
}

// payloadKey keys the chunk AEAD. It is salted with the header MAC, which
// binds the chunk stream to this exact header: a body spliced under another
// header fails on its first chunk even if both share a file key.
func (k FileKey) payloadKey(h *Header) []byte {
	return k.derive(h.mac(), hkdfInfo(h.Major, "payload"))
}

// payloadAEAD returns the chunk AEAD of the envelope with header h.
func (k FileKey) payloadAEAD(h *Header) cipher.AEAD {
	block, err := aes.NewCipher(k.payloadKey(h))
	if err != nil {
		panic("envelope: AES-256: " + err.Error()) // 32-byte key: cannot fail
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic("envelope: GCM: " + err.Error()) // standard nonce and tag: cannot fail
	}
	return aead
}

// VerifyHeader checks the header MAC under k. It fails with ErrAuthentication
// if the header was altered or k is not this envelope's file key.
func (k FileKey) VerifyHeader(h *Header) error {
	m := hmac.New(sha256.New, k.headerKey(h.Major))
	m.Write(h.authenticated())
	if !hmac.Equal(m.Sum(nil), h.mac()) {
		return fmt.Errorf("%w: header MAC does not verify (header altered, or the file key belongs to another envelope)", ErrAuthentication)
	}
	return nil
}

// CommitmentSize is the size of a plaintext commitment.
const CommitmentSize = 32

// Commitment is a keyed hash of the whole plaintext under a key derived
// from the file key: the BLAKE3 keyed hash in format 2 (what pdx writes),
// HMAC-SHA256 in format 1. It is the envelope's public fingerprint: the
// owner registers it on chain, and a reader that decrypts the envelope can
// check the plaintext against it. Because it is keyed by the random file
// key, the public value reveals nothing about low-entropy plaintext (an
// email address, a birth date): nobody without the file key can test
// guesses against it.
type Commitment [CommitmentSize]byte

// String returns the commitment in lowercase hex.
func (c Commitment) String() string { return hex.EncodeToString(c[:]) }

// Equal compares in constant time.
func (c Commitment) Equal(o Commitment) bool { return hmac.Equal(c[:], o[:]) }

// Commit computes the commitment of the plaintext read from r under file key
// k as the envelopes this build writes (format Major) carry it,
// independently of any envelope: the owner can recompute what it
// registered, and a reader holding the file key can check a plaintext it
// obtained elsewhere against the public fingerprint. CommitFor does the
// same for the format of a given envelope.
func Commit(k FileKey, r io.Reader) (Commitment, error) {
	return commit(k, Major, r)
}

// CommitFor computes the commitment of the plaintext read from r as the
// envelope with header h carries it (its format's hash), under file key k.
func CommitFor(h *Header, k FileKey, r io.Reader) (Commitment, error) {
	if h == nil {
		return Commitment{}, fmt.Errorf("%w: nil header", ErrInvalidArgument)
	}
	return commit(k, h.Major, r)
}

func commit(k FileKey, major uint8, r io.Reader) (Commitment, error) {
	if r == nil {
		return Commitment{}, fmt.Errorf("%w: nil plaintext reader", ErrInvalidArgument)
	}
	h := newCommitter(k, major)
	buf := make([]byte, 64<<10)
	for {
		n, err := r.Read(buf)
		h.write(buf[:n])
		if err == io.EOF {
			return h.sum(), nil
		}
		if err != nil {
			return Commitment{}, fmt.Errorf("envelope: reading plaintext to commit: %w", err)
		}
	}
}
