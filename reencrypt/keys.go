package reencrypt

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"math/big"

	gethsecp "github.com/ethereum/go-ethereum/crypto/secp256k1"

	"github.com/pdx-network/pdx/reencrypt/internal/secp"
)

// SecretKey is a non-zero scalar: an owner's delegating key, a brand's
// receiving key, or a signing key. Its public key is computed once, when the
// key is made, since every operation that takes a secret key needs it.
type SecretKey struct {
	s  *secp.Scalar
	pk *PublicKey
}

func newSecretKey(s *secp.Scalar) *SecretKey {
	return &SecretKey{s: s, pk: &PublicKey{new(secp.Point).BaseMul(s)}}
}

// GenerateSecretKey returns a fresh random secret key.
func GenerateSecretKey() (*SecretKey, error) {
	s, err := secp.RandomNonZeroScalar(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("umbral: reading randomness: %w", err)
	}
	return newSecretKey(s), nil
}

// SecretKeyFromBytes decodes a 32-byte big-endian secret key.
func SecretKeyFromBytes(b []byte) (*SecretKey, error) {
	s, err := secp.ScalarFromBytes(b)
	if err != nil || s.IsZero() {
		return nil, fmt.Errorf("%w: want 32 big-endian bytes, non-zero and below the group order", ErrInvalidSecretKey)
	}
	return newSecretKey(s), nil
}

// Bytes returns the 32-byte big-endian encoding. Handle it as a secret.
func (k *SecretKey) Bytes() []byte { return k.s.Bytes() }

// PublicKey returns the matching public key.
func (k *SecretKey) PublicKey() *PublicKey { return k.pk }

// PublicKey is a point of secp256k1, never the identity.
type PublicKey struct{ p *secp.Point }

// PublicKeyFromBytes decodes a 33-byte SEC1 compressed public key.
func PublicKeyFromBytes(b []byte) (*PublicKey, error) {
	p, err := secp.PointFromBytes(b)
	if err != nil {
		return nil, fmt.Errorf("%w: want a 33-byte compressed secp256k1 point (got %d bytes)", ErrInvalidPublicKey, len(b))
	}
	return &PublicKey{p}, nil
}

// Bytes returns the 33-byte compressed encoding.
func (k *PublicKey) Bytes() []byte { return k.p.Bytes() }

// Equal reports whether k and o are the same key; nil equals only nil.
func (k *PublicKey) Equal(o *PublicKey) bool {
	if k == nil || o == nil {
		return k == o
	}
	return k.p.Equal(o.p)
}

// String returns the key in hex.
func (k *PublicKey) String() string { return fmt.Sprintf("%x", k.Bytes()) }

// SecretKeyFactory derives keys deterministically from a 32-byte seed, so an
// owner keeps one seed and gets one key per dataset label.
type SecretKeyFactory struct{ seed [32]byte }

// SecretKeyFactorySeedSize is the size of a factory's seed.
const SecretKeyFactorySeedSize = 32

// NewSecretKeyFactory wraps a 32-byte secret seed.
func NewSecretKeyFactory(seed []byte) (*SecretKeyFactory, error) {
	if len(seed) != SecretKeyFactorySeedSize {
		return nil, fmt.Errorf("%w: want %d bytes, got %d", ErrInvalidSeed, SecretKeyFactorySeedSize, len(seed))
	}
	f := new(SecretKeyFactory)
	copy(f.seed[:], seed)
	return f, nil
}

func (f *SecretKeyFactory) derive(prefix string, label []byte, n int) []byte {
	info := prefix + string(label)
	out, err := hkdf.Key(sha256.New, f.seed[:], nil, info, n)
	if err != nil { // only for n > 255·32, which no caller asks for
		panic(err)
	}
	return out
}

// MakeKey derives the secret key for label: HKDF-SHA256 of the seed with info
// "KEY_DERIVATION/"‖label to 64 bytes, hashed to a non-zero scalar with the
// same string as domain.
func (f *SecretKeyFactory) MakeKey(label []byte) *SecretKey {
	const prefix = "KEY_DERIVATION/"
	okm := f.derive(prefix, label, 64)
	dst := append([]byte(prefix), label...)
	s := secp.HashToScalar(dst, okm)
	clear(okm)
	return newSecretKey(s)
}

// MakeSecret derives 64 secret bytes for label (info "SECRET_DERIVATION/"‖label).
func (f *SecretKeyFactory) MakeSecret(label []byte) []byte {
	return f.derive("SECRET_DERIVATION/", label, 64)
}

// MakeFactory derives a child factory for label (info "FACTORY_DERIVATION/"‖label).
func (f *SecretKeyFactory) MakeFactory(label []byte) *SecretKeyFactory {
	c := new(SecretKeyFactory)
	seed := f.derive("FACTORY_DERIVATION/", label, SecretKeyFactorySeedSize)
	copy(c.seed[:], seed)
	clear(seed)
	return c
}

// Signer signs kfrags: ECDSA over secp256k1 with SHA-256, as Umbral does.
type Signer struct{ sk *SecretKey }

// NewSigner returns a signer for sk.
func NewSigner(sk *SecretKey) *Signer { return &Signer{sk: sk} }

// VerifyingKey returns the public key that verifies this signer's signatures.
func (s *Signer) VerifyingKey() *PublicKey { return s.sk.PublicKey() }

// Sign signs SHA-256(msg) with RFC 6979 nonces; the signature is low-S.
func (s *Signer) Sign(msg []byte) *Signature {
	digest := sha256.Sum256(msg)
	key := s.sk.Bytes()
	sig, err := gethsecp.Sign(digest[:], key)
	clear(key)
	if err != nil { // the key is a valid non-zero scalar, so this cannot happen
		panic("umbral: signing failed: " + err.Error())
	}
	out := new(Signature)
	copy(out.b[:], sig[:64])
	return out
}

// Signature is an ECDSA signature r‖s (64 bytes).
type Signature struct{ b [64]byte }

// SignatureSize is the size of an encoded signature.
const SignatureSize = 64

var (
	curveN     = gethsecp.S256().Params().N
	curveHalfN = new(big.Int).Rsh(curveN, 1)
)

// SignatureFromBytes decodes r‖s; both must be in [1, n). High-S signatures
// are accepted, as the reference accepts them.
func SignatureFromBytes(b []byte) (*Signature, error) {
	if len(b) != SignatureSize {
		return nil, fmt.Errorf("%w: want %d bytes, got %d", ErrInvalidSignature, SignatureSize, len(b))
	}
	for _, part := range [][]byte{b[:32], b[32:]} {
		v := new(big.Int).SetBytes(part)
		if v.Sign() == 0 || v.Cmp(curveN) >= 0 {
			return nil, fmt.Errorf("%w: r and s must be in [1, n)", ErrInvalidSignature)
		}
	}
	s := new(Signature)
	copy(s.b[:], b)
	return s, nil
}

// Bytes returns r‖s.
func (s *Signature) Bytes() []byte { return append([]byte(nil), s.b[:]...) }

// Verify reports whether s signs SHA-256(msg) under vk. libsecp256k1 accepts
// only low-S, so a high-S signature is normalized (s → n−s) first.
func (s *Signature) Verify(vk *PublicKey, msg []byte) bool {
	if s == nil || vk == nil {
		return false
	}
	digest := sha256.Sum256(msg)
	sig := s.b
	sv := new(big.Int).SetBytes(sig[32:])
	if sv.Cmp(curveHalfN) > 0 {
		sv.Sub(curveN, sv).FillBytes(sig[32:])
	}
	return gethsecp.VerifySignature(vk.Bytes(), digest[:], sig[:])
}
