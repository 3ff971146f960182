package secp

import (
	"crypto/rand"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"testing"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

var fieldP = secp256k1.Params().P

// glvLambda is the eigenvalue of the endomorphism: λ·(x, y) = (β·x, y).
var glvLambda = func() secp256k1.ModNScalar {
	var v secp256k1.ModNScalar
	if v.SetBytes(bytesHex("5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72")) != 0 {
		panic("bad λ")
	}
	return v
}()

func feOf(x *big.Int) fe {
	var b [32]byte
	x.FillBytes(b[:])
	var f fe
	return *f.setBytes(&b)
}

// bigOfFe reads the limbs as they are (possibly weakly reduced).
func bigOfFe(f *fe) *big.Int {
	v := new(big.Int)
	for i := 3; i >= 0; i-- {
		v.Lsh(v, 64).Or(v, new(big.Int).SetUint64(f[i]))
	}
	return v
}

// fieldEdges are values below 2^256 at the reduction boundaries, weakly
// reduced ones (≥ p) included.
func fieldEdges() []*big.Int {
	two256 := new(big.Int).Lsh(big.NewInt(1), 256)
	c := big.NewInt(feC)
	out := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2), big.NewInt(feC - 1), c}
	for _, d := range []int64{-2, -1, 0, 1, 2} {
		out = append(out, new(big.Int).Add(fieldP, big.NewInt(d)))
	}
	out = append(out, new(big.Int).Sub(two256, big.NewInt(1)), new(big.Int).Sub(two256, c),
		new(big.Int).Lsh(big.NewInt(1), 255), new(big.Int).Lsh(big.NewInt(1), 128), new(big.Int).Lsh(big.NewInt(1), 64))
	return out
}

func randBelow(t testing.TB, max *big.Int) *big.Int {
	v, err := rand.Int(rand.Reader, max)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFieldArithmetic checks every field operation against math/big on edge
// values (including unreduced representations in [p, 2^256)) and random ones.
func TestFieldArithmetic(t *testing.T) {
	two256 := new(big.Int).Lsh(big.NewInt(1), 256)
	vals := fieldEdges()
	for range 40 {
		vals = append(vals, randBelow(t, two256))
	}
	mod := func(x *big.Int) *big.Int { return x.Mod(x, fieldP) }
	check := func(op string, a, b *big.Int, got fe, want *big.Int) {
		t.Helper()
		g := bigOfFe(&got)
		if g.Cmp(two256) >= 0 || new(big.Int).Mod(g, fieldP).Cmp(mod(want)) != 0 {
			t.Fatalf("%s(%x, %x) = %x, want %x mod p", op, a, b, g, want)
		}
	}
	for _, a := range vals {
		fa := feOf(a)
		var r fe
		check("neg", a, a, *r.neg(&fa), new(big.Int).Neg(a))
		check("sqr", a, a, *r.sqr(&fa), new(big.Int).Mul(a, a))
		check("mulSmall8", a, a, *r.mulSmall(&fa, 8), new(big.Int).Mul(a, big.NewInt(8)))
		check("mulSmallMax", a, a, *r.mulSmall(&fa, 1<<32-1), new(big.Int).Mul(a, big.NewInt(1<<32-1)))
		n := fa
		n.normalize()
		if bigOfFe(&n).Cmp(new(big.Int).Mod(a, fieldP)) != 0 {
			t.Fatalf("normalize(%x) = %x", a, bigOfFe(&n))
		}
		if fa.isZero() != (new(big.Int).Mod(a, fieldP).Sign() == 0) {
			t.Fatalf("isZero(%x) wrong", a)
		}
		inv := new(big.Int).ModInverse(new(big.Int).Mod(a, fieldP), fieldP)
		if inv == nil {
			inv = new(big.Int)
		}
		check("inv", a, a, *r.inv(&fa), inv)
		for _, b := range vals {
			fb := feOf(b)
			check("add", a, b, *r.add(&fa, &fb), new(big.Int).Add(a, b))
			check("sub", a, b, *r.sub(&fa, &fb), new(big.Int).Sub(a, b))
			check("mul", a, b, *r.mul(&fa, &fb), new(big.Int).Mul(a, b))
			if fa.equal(&fb) != (new(big.Int).Sub(a, b).Mod(new(big.Int).Sub(a, b), fieldP).Sign() == 0) {
				t.Fatalf("equal(%x, %x) wrong", a, b)
			}
		}
	}
	// Aliasing: z.mul(z, z) and friends read before they write.
	a := feOf(randBelow(t, fieldP))
	want := new(big.Int).Mul(bigOfFe(&a), bigOfFe(&a))
	z := a
	check("mul aliased", bigOfFe(&a), bigOfFe(&a), *z.mul(&z, &z), want)
}

// TestGLVConstants checks the endomorphism and lattice constants from their
// definitions.
func TestGLVConstants(t *testing.T) {
	n := order
	lambda := new(big.Int).SetBytes(func() []byte { b := glvLambda.Bytes(); return b[:] }())
	beta := bigOfFe(&glvBeta)
	if new(big.Int).Exp(lambda, big.NewInt(3), n).Cmp(big.NewInt(1)) != 0 || lambda.Cmp(big.NewInt(1)) == 0 {
		t.Fatal("λ is not a non-trivial cube root of 1 mod n")
	}
	if new(big.Int).Exp(beta, big.NewInt(3), fieldP).Cmp(big.NewInt(1)) != 0 || beta.Cmp(big.NewInt(1)) == 0 {
		t.Fatal("β is not a non-trivial cube root of 1 mod p")
	}
	// λ·P = (β·x, y) on random points, with the constant-time multiplication.
	for range 3 {
		p := new(Point).BaseMul(randScalar(t))
		lp := new(Point).Mul(&Scalar{v: glvLambda}, p)
		a := affineOf(p)
		var bx fe
		bx.mul(&a.x, &glvBeta)
		la := affineOf(lp)
		if !la.x.equal(&bx) || !la.y.equal(&a.y) {
			t.Fatal("λ·P ≠ (β·x, y)")
		}
	}
	a1, _ := new(big.Int).SetString("3086d221a7d46bcde86c90e49284eb15", 16)
	b1, _ := new(big.Int).SetString("-e4437ed6010e88286f547fa90abfe4c3", 16)
	a2, _ := new(big.Int).SetString("114ca50f7a8e2f3f657c1108d9d44cfd8", 16)
	b2 := a1
	for _, v := range [][2]*big.Int{{a1, b1}, {a2, b2}} {
		if new(big.Int).Mod(new(big.Int).Add(v[0], new(big.Int).Mul(v[1], lambda)), n).Sign() != 0 {
			t.Fatal("basis vector not in the lattice")
		}
	}
	if new(big.Int).Sub(new(big.Int).Mul(a1, b2), new(big.Int).Mul(a2, b1)).Cmp(n) != 0 {
		t.Fatal("basis determinant is not n")
	}
	round := func(num *big.Int) *big.Int {
		num = new(big.Int).Lsh(num, 384)
		num.Add(num, new(big.Int).Rsh(n, 1))
		return num.Div(num, n)
	}
	bigOfLimbs := func(l [4]uint64) *big.Int { f := fe(l); return bigOfFe(&f) }
	if round(b2).Cmp(bigOfLimbs(glvG1)) != 0 || round(new(big.Int).Neg(b1)).Cmp(bigOfLimbs(glvG2)) != 0 {
		t.Fatal("g1 or g2 does not match the basis")
	}
	if bigOfLimbs(glvA1).Cmp(a1) != 0 || bigOfLimbs(glvMinusB1).Cmp(new(big.Int).Neg(b1)) != 0 || bigOfLimbs(glvA2).Cmp(a2) != 0 {
		t.Fatal("a1, −b1 or a2 limbs wrong")
	}
}

func scalarOfBig(x *big.Int) *Scalar {
	var b [32]byte
	new(big.Int).Mod(x, order).FillBytes(b[:])
	s := new(Scalar)
	s.v.SetBytes(&b)
	return s
}

// glvEdgeScalars are scalars where splitGLV's roundings sit on a boundary
// (k·g/2^384 within 1 of a half-integer), plus the ends of the range.
func glvEdgeScalars(t testing.TB) []*big.Int {
	n := order
	var out []*big.Int
	for _, v := range []int64{0, 1, 2, 3} {
		out = append(out, big.NewInt(v), new(big.Int).Sub(n, big.NewInt(v+1)))
	}
	half := new(big.Int).Rsh(n, 1)
	two128 := new(big.Int).Lsh(big.NewInt(1), 128)
	for _, d := range []int64{-1, 0, 1, 2} {
		out = append(out, new(big.Int).Add(half, big.NewInt(d)), new(big.Int).Add(two128, big.NewInt(d)),
			new(big.Int).Sub(n, new(big.Int).Add(two128, big.NewInt(d))))
	}
	lambda := new(big.Int).SetBytes(func() []byte { b := glvLambda.Bytes(); return b[:] }())
	out = append(out, lambda, new(big.Int).Sub(n, lambda), new(big.Int).Add(lambda, big.NewInt(1)),
		new(big.Int).Mod(new(big.Int).Mul(lambda, two128), n))
	bigOfLimbs := func(l [4]uint64) *big.Int { f := fe(l); return bigOfFe(&f) }
	for _, g := range []*big.Int{bigOfLimbs(glvG1), bigOfLimbs(glvG2)} {
		for range 8 {
			c := randBelow(t, two128)
			// k ≈ (c + ½)·2^384/g: k·g/2^384 is next to c + ½.
			k := new(big.Int).Lsh(new(big.Int).Add(new(big.Int).Lsh(c, 1), big.NewInt(1)), 383)
			k.Div(k, g)
			for _, d := range []int64{-1, 0, 1} {
				if kk := new(big.Int).Add(k, big.NewInt(d)); kk.Sign() >= 0 && kk.Cmp(n) < 0 {
					out = append(out, kk)
				}
			}
		}
	}
	return out
}

// TestSplitGLV checks k ≡ k₁ + k₂·λ and that both halves are short.
func TestSplitGLV(t *testing.T) {
	n := order
	lambda := new(big.Int).SetBytes(func() []byte { b := glvLambda.Bytes(); return b[:] }())
	ks := glvEdgeScalars(t)
	for range 500 {
		ks = append(ks, randBelow(t, n))
	}
	signedBig := func(l [4]uint64, neg bool) *big.Int {
		f := fe(l)
		v := bigOfFe(&f)
		if neg {
			v.Neg(v)
		}
		return v
	}
	limb := func(l [4]uint64) *big.Int { f := fe(l); return bigOfFe(&f) }
	a1, mb1, a2 := limb(glvA1), limb(glvMinusB1), limb(glvA2)
	half := func(x, y *big.Int) *big.Int {
		s := new(big.Int).Add(x, y)
		return s.Rsh(s, 1).Add(s, big.NewInt(1))
	}
	bound1, bound2 := half(a1, a2), half(mb1, a1) // b2 = a1
	for _, k := range ks {
		f := feOf(k)
		m1, n1, m2, n2 := splitGLV((*[4]uint64)(&f))
		a, b := signedBig(m1, n1), signedBig(m2, n2)
		sum := new(big.Int).Add(a, new(big.Int).Mul(b, lambda))
		if sum.Mod(sum, n).Cmp(k) != 0 {
			t.Fatalf("split of %x: %x + %x·λ ≠ k", k, a, b)
		}
		// The bounds splitGLV derives: (|a1| + |a2|)/2 and (|b1| + |b2|)/2,
		// up to the rounding slack.
		if a.CmpAbs(bound1) > 0 || b.CmpAbs(bound2) > 0 {
			t.Fatalf("split of %x: halves %x and %x exceed the bounds", k, a, b)
		}
	}
}

// TestWNAF checks the digits' value and shape.
func TestWNAF(t *testing.T) {
	two256 := new(big.Int).Lsh(big.NewInt(1), 256)
	vals := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(7), big.NewInt(255),
		new(big.Int).Sub(two256, big.NewInt(1)), new(big.Int).Lsh(big.NewInt(1), 255), new(big.Int).Lsh(big.NewInt(1), 128)}
	for range 200 {
		vals = append(vals, randBelow(t, two256), randBelow(t, new(big.Int).Lsh(big.NewInt(1), 130)))
	}
	for _, v := range vals {
		f := feOf(v)
		l := [4]uint64(f)
		for w := uint(2); w <= 8; w++ {
			var d wnafDigits
			n := wnaf(&d, &l, w)
			sum := new(big.Int)
			last := -1000
			for i := len(d) - 1; i >= 0; i-- {
				sum.Lsh(sum, 1).Add(sum, big.NewInt(int64(d[i])))
				if d[i] == 0 {
					continue
				}
				if i >= n {
					t.Fatalf("wnaf(%x, %d): digit %d beyond length %d", v, w, i, n)
				}
				if di := int(d[i]); di%2 == 0 || di >= 1<<(w-1) || di <= -(1<<(w-1)) {
					t.Fatalf("wnaf(%x, %d): bad digit %d", v, w, d[i])
				}
				if last-i < int(w) && last != -1000 {
					t.Fatalf("wnaf(%x, %d): digits %d and %d too close", v, w, last, i)
				}
				last = i
			}
			if sum.Cmp(v) != 0 {
				t.Fatalf("wnaf(%x, %d) sums to %x", v, w, sum)
			}
			if n > 0 && d[n-1] == 0 {
				t.Fatalf("wnaf(%x, %d): length %d but top digit zero", v, w, n)
			}
		}
	}
}

// ctSum is the reference: the constant-time multiplication and Add.
func ctSum(terms []Term) *Point {
	acc := &Point{inf: true}
	for _, t := range terms {
		acc = new(Point).Add(acc, new(Point).Mul(t.K, t.P))
	}
	return acc
}

func checkSum(t *testing.T, name string, terms []Term) {
	t.Helper()
	got, want := MulAddVartime(terms...), ctSum(terms)
	if !got.Equal(want) {
		desc := ""
		for _, tm := range terms {
			desc += fmt.Sprintf("\n  %x · %x", tm.K.Bytes(), tm.P.Bytes())
		}
		t.Fatalf("%s: MulAddVartime = %x, constant-time path %x; terms:%s", name, got.Bytes(), want.Bytes(), desc)
	}
}

// TestMulAddVartimeEdges compares against the constant-time path on the
// cases where a variable-time sum can go wrong.
func TestMulAddVartimeEdges(t *testing.T) {
	n := order
	p, q := new(Point).BaseMul(randScalar(t)), new(Point).BaseMul(randScalar(t))
	negP := new(Point).Neg(p)
	identity := new(Point).Add(p, negP)
	k := randScalar(t)
	negK := new(Scalar).Sub(NewScalar(), k)
	one := ScalarFromUint64(1)
	nm1 := scalarOfBig(new(big.Int).Sub(n, big.NewInt(1)))

	if got := MulAddVartime(); !got.IsIdentity() {
		t.Fatal("empty sum is not the identity")
	}
	checkSum(t, "P + (−P) by scalars", []Term{{k, p}, {negK, p}})
	checkSum(t, "P + (−P) by points", []Term{{k, p}, {k, negP}})
	checkSum(t, "1·P + (n−1)·P", []Term{{one, p}, {nm1, p}})
	checkSum(t, "doubling inside the sum", []Term{{one, p}, {one, p}})
	checkSum(t, "k·P + k·P", []Term{{k, p}, {k, p}})
	checkSum(t, "k·P + k·P + k·Q", []Term{{k, p}, {k, p}, {k, q}})
	checkSum(t, "identity point", []Term{{k, identity}, {k, q}})
	checkSum(t, "only identity", []Term{{k, identity}})
	checkSum(t, "zero scalar", []Term{{NewScalar(), p}, {k, q}})
	checkSum(t, "P − P + Q", []Term{{one, p}, {one, negP}, {one, q}})
	checkSum(t, "G and U", []Term{{k, Generator()}, {negK, U()}, {one, p}})
	checkSum(t, "s·G − h·E − V", []Term{{k, Generator()}, {nm1, p}, {negK, q}})

	// Each edge scalar alone and against a random term, on G, U and P.
	for _, e := range glvEdgeScalars(t) {
		es := scalarOfBig(e)
		for _, base := range []*Point{Generator(), U(), p} {
			checkSum(t, fmt.Sprintf("edge %x", e), []Term{{es, base}})
			checkSum(t, fmt.Sprintf("edge %x + k·Q", e), []Term{{es, base}, {k, q}})
		}
		// The sum cancels: e·P + (n−e)·P.
		checkSum(t, fmt.Sprintf("edge %x cancels", e), []Term{{es, p}, {new(Scalar).Sub(NewScalar(), es), p}})
	}

	// Small multiples collide on purpose: the accumulator meets table
	// entries and their negatives.
	for a := range uint64(6) {
		for b := range uint64(6) {
			checkSum(t, fmt.Sprintf("%d·P + %d·P", a, b), []Term{{ScalarFromUint64(a), p}, {ScalarFromUint64(b), p}})
			checkSum(t, fmt.Sprintf("%d·P − %d·P", a, b), []Term{{ScalarFromUint64(a), p}, {ScalarFromUint64(b), negP}})
		}
	}
}

// TestMulAddVartimeRandom compares random sums of 1–10 terms, with short and
// full-size scalars, against the constant-time path.
func TestMulAddVartimeRandom(t *testing.T) {
	r := mrand.New(mrand.NewPCG(1, 2))
	two128 := new(big.Int).Lsh(big.NewInt(1), 128)
	for iter := range 60 {
		terms := make([]Term, 1+iter%10)
		for i := range terms {
			var k *Scalar
			switch r.IntN(4) {
			case 0:
				k = scalarOfBig(randBelow(t, two128))
			case 1:
				k = scalarOfBig(new(big.Int).Sub(order, randBelow(t, two128)))
			default:
				k = randScalar(t)
			}
			terms[i] = Term{k, new(Point).BaseMul(randScalar(t))}
		}
		checkSum(t, fmt.Sprintf("random %d", iter), terms)
	}
}

// FuzzMulAddVartime compares both paths on fuzzed scalars and points. Points
// are small multiples of G (one byte each: 1–127, or negated for 128–255) so
// that equal and opposite points, and so the exceptional additions, come up
// often.
func FuzzMulAddVartime(f *testing.F) {
	f.Add([]byte{1, 0xff})
	f.Add(append(make([]byte, 31), 1, 3))
	f.Add(append(append(make([]byte, 32), 5), append(make([]byte, 32), 133)...))
	f.Fuzz(func(t *testing.T, b []byte) {
		var terms []Term
		for len(b) > 0 && len(terms) < 8 {
			take := min(len(b)-1, 32)
			if take <= 0 {
				break
			}
			k := new(Scalar)
			k.v.SetByteSlice(b[:take]) // reduces mod n
			seed := b[take]
			b = b[take+1:]
			if seed == 0 || seed == 128 {
				terms = append(terms, Term{k, &Point{inf: true}})
				continue
			}
			m := ScalarFromUint64(uint64(seed & 0x7f))
			pt := new(Point).BaseMul(m)
			if seed&0x80 != 0 {
				pt.Neg(pt)
			}
			terms = append(terms, Term{k, pt})
		}
		got, want := MulAddVartime(terms...), ctSum(terms)
		if !got.Equal(want) {
			t.Fatalf("MulAddVartime = %x, constant-time path %x", got.Bytes(), want.Bytes())
		}
	})
}

func benchTerms(b *testing.B, n int) []Term {
	terms := make([]Term, n)
	for i := range terms {
		k, err := RandomNonZeroScalar(rand.Reader)
		if err != nil {
			b.Fatal(err)
		}
		s, err := RandomNonZeroScalar(rand.Reader)
		if err != nil {
			b.Fatal(err)
		}
		terms[i] = Term{k, new(Point).BaseMul(s)}
	}
	return terms
}

// BenchmarkMulAddVartime times sums shaped like pdx's verification
// equations, on random points: terms=3 is the capsule check or one cfrag
// equation (2 full scalars and a unit), terms=9 the combined cfrag check (6
// full scalars, 2 of 128 bits and a unit). consttime is the same sum with
// one constant-time Mul per term and Add; the verification code before
// MulAddVartime spent 2 Mul on the capsule check and 6 on the cfrag proof.
func BenchmarkMulAddVartime(b *testing.B) {
	for _, full := range []int{2, 6} {
		terms := benchTerms(b, full+3)
		for i := full; i < len(terms); i++ {
			var kb [32]byte
			if i == full {
				kb[31] = 1
			} else if _, err := rand.Read(kb[16:]); err != nil {
				b.Fatal(err)
			}
			terms[i].K, _ = ScalarFromBytes(kb[:])
		}
		if full == 2 {
			terms = terms[:3]
		}
		b.Run(fmt.Sprintf("vartime/terms=%d", len(terms)), func(b *testing.B) {
			for b.Loop() {
				MulAddVartime(terms...)
			}
		})
		b.Run(fmt.Sprintf("consttime/terms=%d", len(terms)), func(b *testing.B) {
			for b.Loop() {
				ctSum(terms)
			}
		})
	}
}

func BenchmarkFieldMul(b *testing.B) {
	x := feOf(big.NewInt(12345))
	x.inv(&x)
	y := x
	for b.Loop() {
		x.mul(&x, &y)
	}
}

func BenchmarkFieldSqr(b *testing.B) {
	x := feOf(big.NewInt(12345))
	x.inv(&x)
	for b.Loop() {
		x.sqr(&x)
	}
}
