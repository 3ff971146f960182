package secp

import (
	"encoding/binary"
	"math/bits"
)

// fe is an element of the base field GF(p), p = 2^256 − 2^32 − 977, as four
// little-endian 64-bit limbs. It is the arithmetic of the variable-time
// multi-scalar multiplication only (vartime.go), which handles public values:
// some operations branch on rare carries and normalize on the value, so fe
// must not carry secrets.
//
// Representation: any value below 2^256 stands for itself mod p, so an
// element may be "weakly reduced" (in [p, 2^256)); normalize brings it
// into [0, p). Every operation accepts weakly reduced inputs and returns a
// weakly reduced output. Reduction uses 2^256 ≡ c (mod p) with c = 2^32 + 977,
// a 33-bit constant, so a 512-bit product folds to 256 bits with four
// 64×64-bit multiplications instead of a general modular reduction.
type fe [4]uint64

// feC is 2^256 mod p.
const feC = 0x1000003D1

// setBytes sets z from 32 big-endian bytes (a value below 2^256, reduced
// lazily like any other).
func (z *fe) setBytes(b *[32]byte) *fe {
	z[0] = binary.BigEndian.Uint64(b[24:])
	z[1] = binary.BigEndian.Uint64(b[16:])
	z[2] = binary.BigEndian.Uint64(b[8:])
	z[3] = binary.BigEndian.Uint64(b[0:])
	return z
}

// putBytes writes the canonical (fully reduced) big-endian encoding of x.
func (x *fe) putBytes(b *[32]byte) {
	n := *x
	n.normalize()
	binary.BigEndian.PutUint64(b[24:], n[0])
	binary.BigEndian.PutUint64(b[16:], n[1])
	binary.BigEndian.PutUint64(b[8:], n[2])
	binary.BigEndian.PutUint64(b[0:], n[3])
}

// normalize reduces z into [0, p). Since z < 2^256 < 2p, one subtraction of p
// suffices, and z ≥ p exactly when z + c carries out of 256 bits.
func (z *fe) normalize() *fe {
	r0, cy := bits.Add64(z[0], feC, 0)
	r1, cy := bits.Add64(z[1], 0, cy)
	r2, cy := bits.Add64(z[2], 0, cy)
	r3, cy := bits.Add64(z[3], 0, cy)
	if cy != 0 {
		*z = fe{r0, r1, r2, r3}
	}
	return z
}

// isZero reports whether z ≡ 0 (mod p).
func (z *fe) isZero() bool {
	n := *z
	n.normalize()
	return n[0]|n[1]|n[2]|n[3] == 0
}

// equal reports whether x ≡ y (mod p).
func (x *fe) equal(y *fe) bool {
	a, b := *x, *y
	a.normalize()
	b.normalize()
	return a == b
}

// add sets z = x + y.
func (z *fe) add(x, y *fe) *fe {
	r0, cy := bits.Add64(x[0], y[0], 0)
	r1, cy := bits.Add64(x[1], y[1], cy)
	r2, cy := bits.Add64(x[2], y[2], cy)
	r3, cy := bits.Add64(x[3], y[3], cy)
	// The carry is worth 2^256 ≡ c.
	r0, cy = bits.Add64(r0, cy*feC, 0)
	r1, cy = bits.Add64(r1, 0, cy)
	r2, cy = bits.Add64(r2, 0, cy)
	r3, cy = bits.Add64(r3, 0, cy)
	if cy != 0 {
		// Rare: r wrapped again and is now below c, so adding c once
		// more cannot carry.
		r0 += feC
	}
	z[0], z[1], z[2], z[3] = r0, r1, r2, r3
	return z
}

// sub sets z = x − y.
func (z *fe) sub(x, y *fe) *fe {
	r0, b := bits.Sub64(x[0], y[0], 0)
	r1, b := bits.Sub64(x[1], y[1], b)
	r2, b := bits.Sub64(x[2], y[2], b)
	r3, b := bits.Sub64(x[3], y[3], b)
	// A borrow means r = x − y + 2^256, so subtract 2^256 ≡ c.
	r0, b = bits.Sub64(r0, b*feC, 0)
	r1, b = bits.Sub64(r1, 0, b)
	r2, b = bits.Sub64(r2, 0, b)
	r3, b = bits.Sub64(r3, 0, b)
	if b != 0 {
		// Rare: r wrapped again and is now at least 2^256 − c, so
		// subtracting c once more cannot borrow past r1.
		r0, b = bits.Sub64(r0, feC, 0)
		r1 -= b
	}
	z[0], z[1], z[2], z[3] = r0, r1, r2, r3
	return z
}

// neg sets z = −x.
func (z *fe) neg(x *fe) *fe {
	var zero fe
	return z.sub(&zero, x)
}

// mulSmall sets z = x·k for k < 2^32.
func (z *fe) mulSmall(x *fe, k uint64) *fe {
	h0, r0 := bits.Mul64(x[0], k)
	h1, r1 := bits.Mul64(x[1], k)
	h2, r2 := bits.Mul64(x[2], k)
	h3, r3 := bits.Mul64(x[3], k)
	var cy uint64
	r1, cy = bits.Add64(r1, h0, 0)
	r2, cy = bits.Add64(r2, h1, cy)
	r3, cy = bits.Add64(r3, h2, cy)
	top := h3 + cy // < 2^32
	hi, lo := bits.Mul64(top, feC)
	r0, cy = bits.Add64(r0, lo, 0)
	r1, cy = bits.Add64(r1, hi, cy)
	r2, cy = bits.Add64(r2, 0, cy)
	r3, cy = bits.Add64(r3, 0, cy)
	// A carry leaves r below 2^65 (r1 < 2): adding c carries at most into r1.
	r0, cy = bits.Add64(r0, cy*feC, 0)
	z[0], z[1], z[2], z[3] = r0, r1+cy, r2, r3
	return z
}

// mac returns a·b + c + d as (hi, lo); it cannot overflow 128 bits. (Only
// splitGLV's integer products use it; the field multiplication below keeps
// its carries in unbroken Add64 chains, which the compiler turns into
// add-with-carry instructions.)
func mac(a, b, c, d uint64) (hi, lo uint64) {
	hi, lo = bits.Mul64(a, b)
	var cy uint64
	lo, cy = bits.Add64(lo, c, 0)
	hi, _ = bits.Add64(hi, 0, cy)
	lo, cy = bits.Add64(lo, d, 0)
	hi, _ = bits.Add64(hi, 0, cy)
	return hi, lo
}

// mul sets z = x·y: schoolbook 4×4-limb product, row by row, each row's
// low and high halves added in two carry chains, then reduce.
func (z *fe) mul(x, y *fe) *fe {
	x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
	y0, y1, y2, y3 := y[0], y[1], y[2], y[3]
	var c, t1, t2, t3, t4, t5, t6, t7 uint64

	h0, t0 := bits.Mul64(x0, y0)
	h1, l1 := bits.Mul64(x0, y1)
	h2, l2 := bits.Mul64(x0, y2)
	h3, l3 := bits.Mul64(x0, y3)
	t1, c = bits.Add64(l1, h0, 0)
	t2, c = bits.Add64(l2, h1, c)
	t3, c = bits.Add64(l3, h2, c)
	t4, _ = bits.Add64(h3, 0, c)

	h0, l0 := bits.Mul64(x1, y0)
	h1, l1 = bits.Mul64(x1, y1)
	h2, l2 = bits.Mul64(x1, y2)
	h3, l3 = bits.Mul64(x1, y3)
	t1, c = bits.Add64(t1, l0, 0)
	t2, c = bits.Add64(t2, l1, c)
	t3, c = bits.Add64(t3, l2, c)
	t4, c = bits.Add64(t4, l3, c)
	t5, _ = bits.Add64(h3, 0, c)
	t2, c = bits.Add64(t2, h0, 0)
	t3, c = bits.Add64(t3, h1, c)
	t4, c = bits.Add64(t4, h2, c)
	t5, _ = bits.Add64(t5, 0, c)

	h0, l0 = bits.Mul64(x2, y0)
	h1, l1 = bits.Mul64(x2, y1)
	h2, l2 = bits.Mul64(x2, y2)
	h3, l3 = bits.Mul64(x2, y3)
	t2, c = bits.Add64(t2, l0, 0)
	t3, c = bits.Add64(t3, l1, c)
	t4, c = bits.Add64(t4, l2, c)
	t5, c = bits.Add64(t5, l3, c)
	t6, _ = bits.Add64(h3, 0, c)
	t3, c = bits.Add64(t3, h0, 0)
	t4, c = bits.Add64(t4, h1, c)
	t5, c = bits.Add64(t5, h2, c)
	t6, _ = bits.Add64(t6, 0, c)

	h0, l0 = bits.Mul64(x3, y0)
	h1, l1 = bits.Mul64(x3, y1)
	h2, l2 = bits.Mul64(x3, y2)
	h3, l3 = bits.Mul64(x3, y3)
	t3, c = bits.Add64(t3, l0, 0)
	t4, c = bits.Add64(t4, l1, c)
	t5, c = bits.Add64(t5, l2, c)
	t6, c = bits.Add64(t6, l3, c)
	t7, _ = bits.Add64(h3, 0, c)
	t4, c = bits.Add64(t4, h0, 0)
	t5, c = bits.Add64(t5, h1, c)
	t6, c = bits.Add64(t6, h2, c)
	t7, _ = bits.Add64(t7, 0, c)

	z.reduce(t0, t1, t2, t3, t4, t5, t6, t7)
	return z
}

// sqr sets z = x²: the six cross products once, doubled, plus the four
// squares.
func (z *fe) sqr(x *fe) *fe {
	x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
	var c, t1, t2, t3, t4, t5, t6, t7 uint64

	// x0·(x1, x2, x3)
	h1, t1 := bits.Mul64(x0, x1)
	h2, l2 := bits.Mul64(x0, x2)
	h3, l3 := bits.Mul64(x0, x3)
	t2, c = bits.Add64(l2, h1, 0)
	t3, c = bits.Add64(l3, h2, c)
	t4, _ = bits.Add64(h3, 0, c)
	// x1·(x2, x3)
	h2, l2 = bits.Mul64(x1, x2)
	h3, l3 = bits.Mul64(x1, x3)
	t3, c = bits.Add64(t3, l2, 0)
	t4, c = bits.Add64(t4, l3, c)
	t5, _ = bits.Add64(h3, 0, c)
	t4, c = bits.Add64(t4, h2, 0)
	t5, _ = bits.Add64(t5, 0, c)
	// x2·x3
	h3, l3 = bits.Mul64(x2, x3)
	t5, c = bits.Add64(t5, l3, 0)
	t6, _ = bits.Add64(h3, 0, c)

	// Doubled.
	t7 = t6 >> 63
	t6 = t6<<1 | t5>>63
	t5 = t5<<1 | t4>>63
	t4 = t4<<1 | t3>>63
	t3 = t3<<1 | t2>>63
	t2 = t2<<1 | t1>>63
	t1 <<= 1

	// Plus the squares x_i².
	s0h, t0 := bits.Mul64(x0, x0)
	s1h, s1l := bits.Mul64(x1, x1)
	s2h, s2l := bits.Mul64(x2, x2)
	s3h, s3l := bits.Mul64(x3, x3)
	t1, c = bits.Add64(t1, s0h, 0)
	t2, c = bits.Add64(t2, s1l, c)
	t3, c = bits.Add64(t3, s1h, c)
	t4, c = bits.Add64(t4, s2l, c)
	t5, c = bits.Add64(t5, s2h, c)
	t6, c = bits.Add64(t6, s3l, c)
	t7, _ = bits.Add64(t7, s3h, c)

	z.reduce(t0, t1, t2, t3, t4, t5, t6, t7)
	return z
}

// reduce sets z to the 512-bit value t0 + t1·2^64 + … + t7·2^448 mod p
// (weakly reduced), folding the high half with 2^256 ≡ c.
func (z *fe) reduce(t0, t1, t2, t3, t4, t5, t6, t7 uint64) {
	h0, l0 := bits.Mul64(t4, feC)
	h1, l1 := bits.Mul64(t5, feC)
	h2, l2 := bits.Mul64(t6, feC)
	h3, l3 := bits.Mul64(t7, feC)
	r0, cy := bits.Add64(t0, l0, 0)
	r1, cy := bits.Add64(t1, l1, cy)
	r2, cy := bits.Add64(t2, l2, cy)
	r3, cy := bits.Add64(t3, l3, cy)
	top, _ := bits.Add64(h3, 0, cy) // h_i < 2^33, so no overflow
	r1, cy = bits.Add64(r1, h0, 0)
	r2, cy = bits.Add64(r2, h1, cy)
	r3, cy = bits.Add64(r3, h2, cy)
	top, _ = bits.Add64(top, 0, cy) // < 2^34

	// Fold top·2^256 ≡ top·c < 2^67.
	hi, lo := bits.Mul64(top, feC)
	r0, cy = bits.Add64(r0, lo, 0)
	r1, cy = bits.Add64(r1, hi, cy)
	r2, cy = bits.Add64(r2, 0, cy)
	r3, cy = bits.Add64(r3, 0, cy)
	if cy != 0 {
		// Rare: r wrapped and is now below 2^67 (r1 < 8), so adding c
		// carries at most into r1.
		r0, cy = bits.Add64(r0, feC, 0)
		r1 += cy
	}
	z[0], z[1], z[2], z[3] = r0, r1, r2, r3
}

// sqrN sets z = x^(2^n).
func (z *fe) sqrN(x *fe, n int) *fe {
	*z = *x
	for range n {
		z.sqr(z)
	}
	return z
}

// powChain computes the common prefix of the exponentiations by (p−2) and
// (p+1)/4: it returns x^(2^223 − 1), x^(2^22 − 1) and x^(2^2 − 1), the
// blocks of ones that both exponents' binary expansions are made of. Both
// exponents are public constants, so the sequence of operations is fixed.
func powChain(x *fe) (x223, x22, x2 fe) {
	var x3, x6, x9, x11, x44, x88, x176, x220, t fe
	x2.sqr(x).mul(&x2, x)                 // 2^2 − 1
	x3.sqr(&x2).mul(&x3, x)               // 2^3 − 1
	x6.sqrN(&x3, 3).mul(&x6, &x3)         // 2^6 − 1
	x9.sqrN(&x6, 3).mul(&x9, &x3)         // 2^9 − 1
	x11.sqrN(&x9, 2).mul(&x11, &x2)       // 2^11 − 1
	x22.sqrN(&x11, 11).mul(&x22, &x11)    // 2^22 − 1
	x44.sqrN(&x22, 22).mul(&x44, &x22)    // 2^44 − 1
	x88.sqrN(&x44, 44).mul(&x88, &x44)    // 2^88 − 1
	x176.sqrN(&x88, 88).mul(&x176, &x88)  // 2^176 − 1
	x220.sqrN(&x176, 44).mul(&x220, &x44) // 2^220 − 1
	t.sqrN(&x220, 3).mul(&t, &x3)         // 2^223 − 1
	return t, x22, x2
}

// inv sets z = x⁻¹ = x^(p−2) by Fermat's little theorem (0 maps to 0). The
// chain below builds p − 2 = ((((2^223−1)·2^23 + 2^22−1)·2^5 + 1)·2^3 + 3)·2^2 + 1
// (TestFieldInvSqrtChain checks the arithmetic against math/big).
func (z *fe) inv(x *fe) *fe {
	x223, x22, x2 := powChain(x)
	var t fe
	t.sqrN(&x223, 23).mul(&t, &x22) // exponent (2^223−1)·2^23 + 2^22 − 1
	t.sqrN(&t, 5).mul(&t, x)        // …·2^5 + 1
	t.sqrN(&t, 3).mul(&t, &x2)      // …·2^3 + 3
	t.sqrN(&t, 2).mul(&t, x)        // …·2^2 + 1
	*z = t
	return z
}

// sqrt sets z to a square root of x, x^((p+1)/4) (p ≡ 3 mod 4), and reports
// whether x is a square. The chain builds (p+1)/4 = 2^254 − 2^30 − 244 =
// ((2^223−1)·2^23 + 2^22−1)·2^8 + 12 from powChain's blocks. Used on public
// values only (decoding points).
func (z *fe) sqrt(x *fe) bool {
	x223, x22, x2 := powChain(x)
	var t fe
	t.sqrN(&x223, 23).mul(&t, &x22)
	t.sqrN(&t, 6).mul(&t, &x2)
	t.sqrN(&t, 2)
	var check fe
	check.sqr(&t)
	*z = t
	return check.equal(x)
}

// isCanonical reports whether the 256-bit value in z is below p.
func (z *fe) isCanonical() bool {
	n := *z
	n.normalize()
	return n == *z
}
