// Package secp is the secp256k1 arithmetic under pdx's Umbral: scalars mod the
// group order n and points in affine form, with SEC1 compressed encodings.
//
// Timing: Mul and BaseMul, the multiplications that may see a secret scalar,
// go through libsecp256k1's constant-time ecmult_const (via go-ethereum's cgo
// binding), and every scalar operation uses decred's constant-time
// ModNScalar, so secret scalars (secret keys, kfrag keys, blinding factors,
// Lagrange coefficients) never steer a branch or a memory access. Invert
// blinds its input with a random factor before a variable-time inversion, so
// its timing is independent of the secret.
//
// Variable time, and why that is safe:
//   - MulAddVartime (Σ kᵢ·Pᵢ with wNAF, the GLV endomorphism and pure-Go
//     field arithmetic, vartime.go) branches and indexes tables on its
//     scalars. It exists for verification equations, where every scalar and
//     point is public (the cfrag proof check and the capsule self-check);
//     it must never be given a secret scalar.
//   - Point addition (decred's AddNonConst) branches only on exceptional inputs
//     (equal points, opposite points, the point at infinity), which honest
//     inputs reach with negligible probability; the field arithmetic inside is
//     constant time.
//   - Decoding and encoding points works on public bytes only.
//   - The big.Int round trip around the cgo call normalizes the leading zero
//     bytes of a product's coordinates; it never touches the scalar.
//   - Equality of points compares public values (verification equations).
package secp

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"io"
	"math/big"
	"math/bits"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
	gethsecp "github.com/ethereum/go-ethereum/crypto/secp256k1"
)

// Sizes of the encodings.
const (
	ScalarSize = 32
	PointSize  = 33
)

var (
	// ErrInvalidScalar: not 32 bytes, or not below the group order.
	ErrInvalidScalar = errors.New("secp: invalid scalar")
	// ErrInvalidPoint: not a 33-byte SEC1 compressed point on secp256k1.
	ErrInvalidPoint = errors.New("secp: invalid point")
)

// Scalar is an integer modulo the group order n.
type Scalar struct{ v secp256k1.ModNScalar }

// NewScalar returns the scalar 0.
func NewScalar() *Scalar { return new(Scalar) }

// ScalarFromBytes decodes a 32-byte big-endian scalar, which must be below n.
func ScalarFromBytes(b []byte) (*Scalar, error) {
	if len(b) != ScalarSize {
		return nil, ErrInvalidScalar
	}
	s := new(Scalar)
	if s.v.SetByteSlice(b) {
		return nil, ErrInvalidScalar
	}
	return s, nil
}

// ScalarFromUint64 returns the scalar v.
func ScalarFromUint64(v uint64) *Scalar {
	var b [32]byte
	binary.BigEndian.PutUint64(b[24:], v)
	s := new(Scalar)
	s.v.SetBytes(&b)
	return s
}

// RandomNonZeroScalar draws a uniform non-zero scalar from r by rejection
// sampling (the rejection probability is about 2^-128 per draw).
func RandomNonZeroScalar(r io.Reader) (*Scalar, error) {
	var b [32]byte
	for range 64 {
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, err
		}
		s := new(Scalar)
		overflow := s.v.SetBytes(&b)
		clear(b[:])
		if overflow == 0 && !s.v.IsZero() {
			return s, nil
		}
	}
	return nil, errors.New("secp: random source keeps producing invalid scalars")
}

// Bytes returns the 32-byte big-endian encoding.
func (s *Scalar) Bytes() []byte {
	b := s.v.Bytes()
	return b[:]
}

// Set sets s = a.
func (s *Scalar) Set(a *Scalar) *Scalar { s.v.Set(&a.v); return s }

// Add sets s = a + b.
func (s *Scalar) Add(a, b *Scalar) *Scalar { s.v.Add2(&a.v, &b.v); return s }

// Sub sets s = a - b.
func (s *Scalar) Sub(a, b *Scalar) *Scalar {
	var nb secp256k1.ModNScalar
	nb.NegateVal(&b.v)
	s.v.Add2(&a.v, &nb)
	return s
}

// Mul sets s = a·b.
func (s *Scalar) Mul(a, b *Scalar) *Scalar { s.v.Mul2(&a.v, &b.v); return s }

// IsZero reports whether s is 0, in constant time.
func (s *Scalar) IsZero() bool { return s.v.IsZeroBit() == 1 }

// Equal reports whether s == a, in constant time.
func (s *Scalar) Equal(a *Scalar) bool {
	x, y := s.v.Bytes(), a.v.Bytes()
	return subtle.ConstantTimeCompare(x[:], y[:]) == 1
}

// Invert sets s = a⁻¹ mod n (0 maps to 0) without a timing leak about a:
// it inverts a·r for a fresh random r ≠ 0 with the fast variable-time
// inversion and multiplies by r again. a·r is uniform and independent of a,
// so the inversion's timing says nothing about a. (Fermat's a^(n−2) would be
// constant time too, but costs more than a point multiplication here.)
func (s *Scalar) Invert(a *Scalar) *Scalar {
	r, err := RandomNonZeroScalar(rand.Reader)
	if err != nil { // crypto/rand does not fail on supported platforms
		panic("secp: reading randomness: " + err.Error())
	}
	var t secp256k1.ModNScalar
	t.Mul2(&a.v, &r.v)
	t.InverseNonConst()
	s.v.Mul2(&t, &r.v)
	return s
}

// nMinus1 holds n-1 as little-endian 64-bit limbs, for HashToScalar.
var nMinus1 = func() [4]uint64 {
	var b [32]byte
	new(big.Int).Sub(secp256k1.Params().N, big.NewInt(1)).FillBytes(b[:])
	return limbs(&b)
}()

func limbs(b *[32]byte) [4]uint64 {
	return [4]uint64{
		binary.BigEndian.Uint64(b[24:]), binary.BigEndian.Uint64(b[16:]),
		binary.BigEndian.Uint64(b[8:]), binary.BigEndian.Uint64(b[0:]),
	}
}

// HashToScalar is Umbral's hash to a non-zero scalar:
// d = SHA-256(be32(len(dst)) ‖ dst ‖ parts…) read big-endian as x, and the
// result is (x mod (n−1)) + 1. Because x < 2^256 < 2(n−1), one conditional
// subtraction reduces it; the subtraction and the select are constant time,
// since some hashed inputs (the Diffie-Hellman point) are secret.
func HashToScalar(dst []byte, parts ...[]byte) *Scalar {
	h := sha256.New()
	var l [4]byte
	binary.BigEndian.PutUint32(l[:], uint32(len(dst)))
	h.Write(l[:])
	h.Write(dst)
	for _, p := range parts {
		h.Write(p)
	}
	var d [32]byte
	h.Sum(d[:0])
	s := scalarFromDigest(&d)
	clear(d[:])
	return s
}

// scalarFromDigest returns (d mod (n−1)) + 1 in constant time.
func scalarFromDigest(d *[32]byte) *Scalar {
	x := limbs(d)
	var diff [4]uint64
	var borrow uint64
	for i := range 4 {
		diff[i], borrow = bits.Sub64(x[i], nMinus1[i], borrow)
	}
	// borrow == 1 means x < n-1: keep x; otherwise take x-(n-1).
	mask := -borrow // all ones to keep x
	var r [32]byte
	for i := range 4 {
		v := (x[i] & mask) | (diff[i] &^ mask)
		binary.BigEndian.PutUint64(r[24-8*i:], v)
	}
	s := new(Scalar)
	s.v.SetBytes(&r) // r < n-1, no overflow
	var one secp256k1.ModNScalar
	one.SetInt(1)
	s.v.Add(&one)
	clear(r[:])
	return s
}

// Point is a point of secp256k1 in affine coordinates, or the identity.
type Point struct {
	x, y secp256k1.FieldVal // normalized
	inf  bool
}

// PointFromBytes decodes a 33-byte SEC1 compressed point: prefix 02 or 03, x
// below the field prime, and x on the curve. Decoding works on public bytes
// and uses the variable-time field's square root (faster than decred's).
func PointFromBytes(b []byte) (*Point, error) {
	if len(b) != PointSize || (b[0] != 2 && b[0] != 3) {
		return nil, ErrInvalidPoint
	}
	var xb [32]byte
	copy(xb[:], b[1:])
	var x fe
	x.setBytes(&xb)
	if !x.isCanonical() {
		return nil, ErrInvalidPoint
	}
	var y2, y fe
	y2.sqr(&x).mul(&y2, &x).add(&y2, &fe{7})
	if !y.sqrt(&y2) {
		return nil, ErrInvalidPoint
	}
	var yb [32]byte
	y.putBytes(&yb)
	if yb[31]&1 != b[0]&1 {
		y.neg(&y)
		y.putBytes(&yb)
	}
	p := new(Point)
	p.x.SetBytes(&xb)
	p.y.SetBytes(&yb)
	return p, nil
}

// MustPointFromBytes decodes a constant known to be valid.
func MustPointFromBytes(b []byte) *Point {
	p, err := PointFromBytes(b)
	if err != nil {
		panic("secp: invalid constant point")
	}
	return p
}

// Bytes returns the 33-byte SEC1 compressed encoding. The identity, which
// has no such encoding, becomes 33 zero bytes, which no decoder accepts.
func (p *Point) Bytes() []byte {
	out := make([]byte, PointSize)
	if p.inf {
		return out
	}
	out[0] = 2 | byte(p.y.IsOddBit())
	p.x.PutBytesUnchecked(out[1:])
	return out
}

// IsIdentity reports whether p is the point at infinity.
func (p *Point) IsIdentity() bool { return p.inf }

// Equal reports whether p == q (public values only).
func (p *Point) Equal(q *Point) bool {
	if p.inf || q.inf {
		return p.inf == q.inf
	}
	return p.x.Equals(&q.x) && p.y.Equals(&q.y)
}

func (p *Point) jacobian() secp256k1.JacobianPoint {
	var j secp256k1.JacobianPoint
	if p.inf {
		return j // Z = 0 is infinity
	}
	j.X.Set(&p.x)
	j.Y.Set(&p.y)
	j.Z.SetInt(1)
	return j
}

func (p *Point) setJacobian(j *secp256k1.JacobianPoint) *Point {
	if j.Z.Normalize().IsZero() {
		*p = Point{inf: true}
		return p
	}
	j.ToAffine()
	p.inf = false
	p.x.Set(j.X.Normalize())
	p.y.Set(j.Y.Normalize())
	return p
}

// Add sets p = a + b.
func (p *Point) Add(a, b *Point) *Point {
	ja, jb := a.jacobian(), b.jacobian()
	var r secp256k1.JacobianPoint
	secp256k1.AddNonConst(&ja, &jb, &r)
	return p.setJacobian(&r)
}

// Neg sets p = -a.
func (p *Point) Neg(a *Point) *Point {
	*p = *a
	if !p.inf {
		p.y.Negate(1).Normalize()
	}
	return p
}

var curve = gethsecp.S256()

// Mul sets p = k·a in constant time with respect to k (libsecp256k1's
// ecmult_const). k = 0 or a = identity give the identity.
func (p *Point) Mul(k *Scalar, a *Point) *Point {
	if a.inf {
		*p = Point{inf: true}
		return p
	}
	kb := k.v.Bytes()
	var xb, yb [32]byte
	a.x.PutBytes(&xb)
	a.y.PutBytes(&yb)
	x, y := curve.ScalarMult(new(big.Int).SetBytes(xb[:]), new(big.Int).SetBytes(yb[:]), kb[:])
	clear(kb[:])
	if x == nil {
		// libsecp256k1 refuses only a zero scalar (k < n always holds).
		*p = Point{inf: true}
		return p
	}
	x.FillBytes(xb[:])
	y.FillBytes(yb[:])
	p.inf = false
	p.x.SetBytes(&xb)
	p.y.SetBytes(&yb)
	return p
}

// generator is G, the base point.
var generator = func() *Point {
	p := new(Point)
	p.x.SetByteSlice(secp256k1.Params().Gx.Bytes())
	p.y.SetByteSlice(secp256k1.Params().Gy.Bytes())
	return p
}()

// Generator returns a copy of the base point G.
func Generator() *Point { g := *generator; return &g }

// BaseMul sets p = k·G in constant time with respect to k.
func (p *Point) BaseMul(k *Scalar) *Point { return p.Mul(k, generator) }

// UBytes is Umbral's second generator U, hash_to_curve of "POINT_U" with
// DST "PARAMETERS" under secp256k1_XMD:SHA-256_SSWU_RO_ (RFC 9380). A test
// derives it.
var UBytes = []byte{
	0x03, 0x07, 0x93, 0x90, 0xd0, 0xfb, 0xe2, 0x20, 0xfc, 0x34, 0xaa, 0xb8,
	0xec, 0xbf, 0x49, 0x09, 0x80, 0x98, 0x03, 0x68, 0x20, 0xfa, 0xdb, 0x98,
	0xc0, 0x31, 0x43, 0xe5, 0x5d, 0xb8, 0xec, 0x73, 0xcd,
}

var pointU = MustPointFromBytes(UBytes)

// U returns a copy of Umbral's second generator.
func U() *Point { u := *pointU; return &u }
