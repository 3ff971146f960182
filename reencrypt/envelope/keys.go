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
	"hash"
	"io"
)

// FileKeySize is the size of a file key.
const FileKeySize = 32

// HKDF info strings; the major version is part of them so a future format
// never derives the same keys from the same file key.
const (
	infoHeader     = "pdx/envelope/v1/header"
	infoPayload    = "pdx/envelope/v1/payload"
	infoCommitment = "pdx/envelope/v1/commitment"
)

// FileKey is the random per-envelope key. It never appears in clear on the
// wire: the header carries it wrapped by Umbral under the dataset key, and a
// reader recovers it as the owner (FileKeyForOwner) or as a grantee holding
// capsule fragments (FileKeyForGrantee). Everything else (header MAC key,
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

// headerKey keys the header MAC.
func (k FileKey) headerKey() []byte { return k.derive(nil, infoHeader) }

// commitmentKey keys the plaintext commitment. It does not depend on the
// header, so the commitment of a plaintext under a file key can be computed
// without an envelope (Commit).
func (k FileKey) commitmentKey() []byte { return k.derive(nil, infoCommitment) }

// payloadAEAD returns the chunk AEAD. Its key is salted with the header MAC,
// which binds the chunk stream to this exact header: a body spliced under
// another header fails on its first chunk even if both share a file key.
func (k FileKey) payloadAEAD(headerMAC []byte) cipher.AEAD {
	block, err := aes.NewCipher(k.derive(headerMAC, infoPayload))
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
	m := hmac.New(sha256.New, k.headerKey())
	m.Write(h.authenticated())
	if !hmac.Equal(m.Sum(nil), h.mac()) {
		return fmt.Errorf("%w: header MAC does not verify (header altered, or the file key belongs to another envelope)", ErrAuthentication)
	}
	return nil
}

// CommitmentSize is the size of a plaintext commitment.
const CommitmentSize = sha256.Size

// Commitment is HMAC-SHA256 over the whole plaintext under a key derived
// from the file key. It is the envelope's public fingerprint: the owner
// registers it on chain, and a reader that decrypts the envelope can check
// the plaintext against it. Because it is keyed by the random file key, the
// public value reveals nothing about low-entropy plaintext (an email address,
// a birth date): nobody without the file key can test guesses against it.
type Commitment [CommitmentSize]byte

// String returns the commitment in lowercase hex.
func (c Commitment) String() string { return hex.EncodeToString(c[:]) }

// Equal compares in constant time.
func (c Commitment) Equal(o Commitment) bool { return hmac.Equal(c[:], o[:]) }

func newCommitter(k FileKey) hash.Hash { return hmac.New(sha256.New, k.commitmentKey()) }

// Commit computes the commitment of the plaintext read from r under file key
// k, independently of any envelope: the owner can recompute what it
// registered, and a reader holding the file key can check a plaintext it
// obtained elsewhere against the public fingerprint.
func Commit(k FileKey, r io.Reader) (Commitment, error) {
	h := newCommitter(k)
	var c Commitment
	if _, err := io.Copy(h, r); err != nil {
		return c, fmt.Errorf("envelope: reading plaintext to commit: %w", err)
	}
	h.Sum(c[:0])
	return c, nil
}
