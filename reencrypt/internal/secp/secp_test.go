package secp

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"math/big"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

var order = secp256k1.Params().N

func randScalar(t *testing.T) *Scalar {
	t.Helper()
	s, err := RandomNonZeroScalar(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func bigOf(s *Scalar) *big.Int { return new(big.Int).SetBytes(s.Bytes()) }

// TestMulMatchesReference checks the constant-time multiplication against
// decred's independent variable-time one.
func TestMulMatchesReference(t *testing.T) {
	for range 20 {
		k, a := randScalar(t), randScalar(t)
		p := new(Point).BaseMul(a)
		got := new(Point).Mul(k, p)

		var j, r secp256k1.JacobianPoint
		pk, err := secp256k1.ParsePubKey(p.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		pk.AsJacobian(&j)
		secp256k1.ScalarMultNonConst(&k.v, &j, &r)
		r.ToAffine()
		want := secp256k1.NewPublicKey(&r.X, &r.Y).SerializeCompressed()
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("k·P = %x, reference %x", got.Bytes(), want)
		}
	}
	if !new(Point).Mul(NewScalar(), Generator()).IsIdentity() {
		t.Fatal("0·G is not the identity")
	}
}

func TestPointAddAndNeg(t *testing.T) {
	a, b := randScalar(t), randScalar(t)
	pa, pb := new(Point).BaseMul(a), new(Point).BaseMul(b)
	sum := new(Point).Add(pa, pb)
	if !sum.Equal(new(Point).BaseMul(new(Scalar).Add(a, b))) {
		t.Fatal("aG + bG != (a+b)G")
	}
	if !new(Point).Add(pa, pa).Equal(new(Point).BaseMul(new(Scalar).Add(a, a))) {
		t.Fatal("doubling through Add is wrong")
	}
	if !new(Point).Add(pa, new(Point).Neg(pa)).IsIdentity() {
		t.Fatal("P + (−P) is not the identity")
	}
	id := new(Point).Add(pa, new(Point).Neg(pa))
	if !new(Point).Add(id, pb).Equal(pb) {
		t.Fatal("O + P != P")
	}
	if _, err := PointFromBytes(id.Bytes()); err == nil {
		t.Fatal("the identity's stand-in encoding decoded")
	}
}

func TestScalarArithmetic(t *testing.T) {
	for range 20 {
		a, b := randScalar(t), randScalar(t)
		A, B := bigOf(a), bigOf(b)
		check := func(name string, got *Scalar, want *big.Int) {
			t.Helper()
			want.Mod(want, order)
			if bigOf(got).Cmp(want) != 0 {
				t.Fatalf("%s: got %x want %x", name, got.Bytes(), want)
			}
		}
		check("add", new(Scalar).Add(a, b), new(big.Int).Add(A, B))
		check("sub", new(Scalar).Sub(a, b), new(big.Int).Sub(A, B))
		check("mul", new(Scalar).Mul(a, b), new(big.Int).Mul(A, B))
		check("inv", new(Scalar).Invert(a), new(big.Int).ModInverse(A, order))
	}
	if !new(Scalar).Invert(NewScalar()).IsZero() {
		t.Fatal("0⁻¹ should map to 0")
	}
	if _, err := ScalarFromBytes(order.Bytes()); err == nil {
		t.Fatal("n accepted as a scalar")
	}
}

// TestHashToScalar checks the constant-time reduction against big.Int on
// random inputs and on digests at the edges of the reduction.
func TestHashToScalar(t *testing.T) {
	ref := func(dst []byte, parts ...[]byte) *big.Int {
		h := sha256.New()
		binary.Write(h, binary.BigEndian, uint32(len(dst)))
		h.Write(dst)
		for _, p := range parts {
			h.Write(p)
		}
		x := new(big.Int).SetBytes(h.Sum(nil))
		nm1 := new(big.Int).Sub(order, big.NewInt(1))
		return x.Mod(x, nm1).Add(x, big.NewInt(1))
	}
	for i := range 200 {
		part := make([]byte, i)
		rand.Read(part)
		got := HashToScalar([]byte("DST"), part, []byte{byte(i)})
		if bigOf(got).Cmp(ref([]byte("DST"), part, []byte{byte(i)})) != 0 {
			t.Fatalf("input %d: mismatch", i)
		}
	}
}

func TestScalarFromDigestEdges(t *testing.T) {
	nm1 := new(big.Int).Sub(order, big.NewInt(1))
	max := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	for _, x := range []*big.Int{big.NewInt(0), big.NewInt(1), new(big.Int).Sub(nm1, big.NewInt(1)), nm1, order, max} {
		var d [32]byte
		x.FillBytes(d[:])
		want := new(big.Int).Mod(x, nm1)
		want.Add(want, big.NewInt(1))
		if got := bigOf(scalarFromDigest(&d)); got.Cmp(want) != 0 {
			t.Errorf("digest %x: got %x want %x", d, got, want)
		}
	}
}

// TestPointFromBytesMatchesDecred checks the decoder against decred's
// independent one on valid points, both parities, x ≥ p, x off the curve and
// bad prefixes.
func TestPointFromBytesMatchesDecred(t *testing.T) {
	var inputs [][]byte
	for range 50 {
		p := new(Point).BaseMul(randScalar(t))
		b := p.Bytes()
		inputs = append(inputs, b)
		flipped := bytes.Clone(b)
		flipped[0] ^= 1 // the other y
		inputs = append(inputs, flipped)
		off := bytes.Clone(b)
		off[32] ^= 0x55 // about half of these are off the curve
		inputs = append(inputs, off)
	}
	pMinus := secp256k1.Params().P.Bytes()
	for _, pre := range []byte{2, 3} {
		inputs = append(inputs, append([]byte{pre}, pMinus...)) // x = p
		big1 := new(big.Int).Add(secp256k1.Params().P, big.NewInt(1))
		var xb [32]byte
		big1.FillBytes(xb[:])
		inputs = append(inputs, append([]byte{pre}, xb[:]...)) // x = p+1
		inputs = append(inputs, append([]byte{pre}, bytes.Repeat([]byte{0xff}, 32)...))
		inputs = append(inputs, append([]byte{pre}, make([]byte, 32)...))
	}
	inputs = append(inputs, append([]byte{4}, make([]byte, 32)...))
	for _, in := range inputs {
		got, err := PointFromBytes(in)
		want, werr := secp256k1.ParsePubKey(in)
		if (err == nil) != (werr == nil) {
			t.Fatalf("%x: pdx err %v, decred err %v", in, err, werr)
		}
		if err == nil && !bytes.Equal(got.Bytes(), want.SerializeCompressed()) {
			t.Fatalf("%x decodes to %x, decred %x", in, got.Bytes(), want.SerializeCompressed())
		}
	}
}
