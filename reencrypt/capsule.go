package reencrypt

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/pdx-network/pdx/reencrypt/internal/secp"
)

// Hash-to-scalar domains, as the reference names them.
var (
	dstCapsulePoints     = []byte("CAPSULE_POINTS")
	dstSharedSecret      = []byte("SHARED_SECRET")
	dstPolynomialArg     = []byte("POLYNOMIAL_ARG")
	dstCFragVerification = []byte("CFRAG_VERIFICATION")
)

// Capsule carries the encapsulated symmetric key of one ciphertext: E = r·G,
// V = u·G and s = u + r·h, which proves that E and V were made together.
type Capsule struct {
	e, v *secp.Point
	s    *secp.Scalar
}

// CapsuleSize is the size of an encoded capsule.
const CapsuleSize = 105

// capsuleHash is h = H2S(CAPSULE_POINTS, E, V).
func (c *Capsule) hash() *secp.Scalar {
	return secp.HashToScalar(dstCapsulePoints, c.e.Bytes(), c.v.Bytes())
}

// valid is the self-check s·G == V + h·E, computed as s·G − h·E − V = O in
// variable time: E, V and s are the capsule's public contents and h is
// derived from them.
func (c *Capsule) valid() bool {
	zero := secp.NewScalar()
	return secp.MulAddVartime(
		secp.Term{K: c.s, P: secp.Generator()},
		secp.Term{K: new(secp.Scalar).Sub(zero, c.hash()), P: c.e},
		secp.Term{K: new(secp.Scalar).Sub(zero, secp.ScalarFromUint64(1)), P: c.v},
	).IsIdentity()
}

// CapsuleFromBytes decodes a capsule and checks it.
func CapsuleFromBytes(b []byte) (*Capsule, error) {
	r := newReader(b)
	r.array(3)
	eb, vb, sb := r.bin(secp.PointSize), r.bin(secp.PointSize), r.bin(secp.ScalarSize)
	if !r.done() {
		return nil, fmt.Errorf("%w: not the %d-byte encoding", ErrInvalidCapsule, CapsuleSize)
	}
	e, err1 := secp.PointFromBytes(eb)
	v, err2 := secp.PointFromBytes(vb)
	s, err3 := secp.ScalarFromBytes(sb)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, fmt.Errorf("%w: a point is off the curve or the scalar is out of range", ErrInvalidCapsule)
	}
	c := &Capsule{e: e, v: v, s: s}
	if !c.valid() {
		return nil, fmt.Errorf("%w: self-check s·G = V + h·E fails", ErrInvalidCapsule)
	}
	return c, nil
}

// Bytes returns the 105-byte encoding.
func (c *Capsule) Bytes() []byte {
	out := make([]byte, 0, CapsuleSize)
	out = appendArray(out, 3)
	out = appendBin(out, c.e.Bytes())
	out = appendBin(out, c.v.Bytes())
	return appendBin(out, c.s.Bytes())
}

// Equal reports whether c and o are the same capsule.
func (c *Capsule) Equal(o *Capsule) bool {
	return c.e.Equal(o.e) && c.v.Equal(o.v) && c.s.Equal(o.s)
}

// simple is E‖V‖s, the DEM's associated data.
func (c *Capsule) simple() []byte {
	out := make([]byte, 0, 2*secp.PointSize+secp.ScalarSize)
	out = append(out, c.e.Bytes()...)
	out = append(out, c.v.Bytes()...)
	return append(out, c.s.Bytes()...)
}

// encapsulate makes a capsule for pk and returns it with the key seed
// (r+u)·pk.
func encapsulate(pk *PublicKey) (*Capsule, *secp.Point, error) {
	r, err := secp.RandomNonZeroScalar(rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("umbral: reading randomness: %w", err)
	}
	u, err := secp.RandomNonZeroScalar(rand.Reader)
	if err != nil {
		return nil, nil, fmt.Errorf("umbral: reading randomness: %w", err)
	}
	c := &Capsule{e: new(secp.Point).BaseMul(r), v: new(secp.Point).BaseMul(u)}
	h := c.hash()
	c.s = new(secp.Scalar).Mul(r, h)
	c.s.Add(c.s, u)
	ru := new(secp.Scalar).Add(r, u)
	return c, new(secp.Point).Mul(ru, pk.p), nil
}

// dem is the data encapsulation: XChaCha20-Poly1305 under
// HKDF-SHA256(seed point), nonce ‖ ciphertext ‖ tag, capsule as associated data.
func demKey(seed *secp.Point) []byte {
	k, err := hkdf.Key(sha256.New, seed.Bytes(), nil, "", chacha20poly1305.KeySize)
	if err != nil {
		panic(err) // 32 bytes is always a valid HKDF length
	}
	return k
}

// DEMOverhead is how much longer a ciphertext is than its plaintext.
const DEMOverhead = chacha20poly1305.NonceSizeX + chacha20poly1305.Overhead

func demSeal(seed *secp.Point, plaintext, aad []byte) ([]byte, error) {
	key := demKey(seed)
	defer clear(key)
	aead, _ := chacha20poly1305.NewX(key)
	out := make([]byte, chacha20poly1305.NonceSizeX, DEMOverhead+len(plaintext))
	if _, err := rand.Read(out); err != nil {
		return nil, fmt.Errorf("umbral: reading randomness: %w", err)
	}
	return aead.Seal(out, out, plaintext, aad), nil
}

func demOpen(seed *secp.Point, ciphertext, aad []byte) ([]byte, error) {
	if len(ciphertext) < DEMOverhead {
		return nil, fmt.Errorf("%w: ciphertext is %d bytes, shorter than the %d-byte nonce and tag", ErrDecryptionFailed, len(ciphertext), DEMOverhead)
	}
	key := demKey(seed)
	defer clear(key)
	aead, _ := chacha20poly1305.NewX(key)
	n := chacha20poly1305.NonceSizeX
	pt, err := aead.Open(nil, ciphertext[:n], ciphertext[n:], aad)
	if err != nil {
		return nil, fmt.Errorf("%w: the ciphertext does not authenticate under this capsule and key", ErrDecryptionFailed)
	}
	return pt, nil
}

// Encrypt encrypts plaintext to pk. Anyone holding pk's secret key, or t
// cfrags of a delegation from it, can decrypt.
func Encrypt(pk *PublicKey, plaintext []byte) (*Capsule, []byte, error) {
	if pk == nil || pk.p == nil {
		return nil, nil, fmt.Errorf("%w: nil", ErrInvalidPublicKey)
	}
	c, seed, err := encapsulate(pk)
	if err != nil {
		return nil, nil, err
	}
	ct, err := demSeal(seed, plaintext, c.simple())
	if err != nil {
		return nil, nil, err
	}
	return c, ct, nil
}

// DecryptOriginal decrypts with the secret key the capsule was made for.
func DecryptOriginal(sk *SecretKey, c *Capsule, ciphertext []byte) ([]byte, error) {
	if sk == nil || c == nil {
		return nil, fmt.Errorf("%w: nil secret key or capsule", ErrDecryptionFailed)
	}
	seed := new(secp.Point).Add(c.e, c.v)
	seed.Mul(sk.s, seed)
	return demOpen(seed, ciphertext, c.simple())
}
