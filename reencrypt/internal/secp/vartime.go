package secp

import (
	"encoding/hex"
	"math/bits"
	"sync"
)

// This file is the variable-time multi-scalar multiplication Σ kᵢ·Pᵢ for
// verification equations, where every scalar and point is public. Its
// running time and memory accesses depend on the scalars (wNAF digits pick
// table entries and skip additions), so it must never see a secret.
//
// Method: Strauss–Shamir interleaving. Each scalar above 2^128 is split with
// the GLV endomorphism λ·(x, y) = (β·x, y) into k = k₁ + k₂·λ with k₁, k₂ of
// about 128 bits, so all terms share one run of ~128 doublings. Each digit
// stream is in width-w NAF; each point gets a table of its odd multiples
// P, 3P, …, (2^(w−1)−1)P, built on an isomorphic curve where 2P is affine
// (so every step is a mixed addition) and brought to affine coordinates
// together with all other tables by one field inversion (Montgomery's
// trick). The endomorphism's table is the same table with x multiplied by β.
// Field arithmetic is field.go's 4×64-bit limbs.

// Term is one kᵢ·Pᵢ of a linear combination.
type Term struct {
	K *Scalar
	P *Point
}

// jacobian is a point (X/Z², Y/Z³) in Jacobian coordinates; inf marks the
// identity (Z is then meaningless).
type jacobian struct {
	x, y, z fe
	inf     bool
}

// affine is a point other than the identity.
type affine struct{ x, y fe }

// double sets p = 2p (for a = 0: 3M + 4S). It does not depend on
// the curve's b, so it also serves on the isomorphic curves of oddMultiples.
// secp256k1 has no point of order 2, so Y ≠ 0 and the result is never the
// identity unless p is.
func (p *jacobian) double() {
	if p.inf {
		return
	}
	var a, b, c, d, e, f, t fe
	a.sqr(&p.x)
	b.sqr(&p.y)
	c.sqr(&b)
	d.mul(&p.x, &b).mulSmall(&d, 4) // 4·X·Y²
	e.mulSmall(&a, 3)               // 3·X²
	f.sqr(&e)
	p.z.mul(&p.y, &p.z).add(&p.z, &p.z)
	p.x.sub(&f, &d).sub(&p.x, &d)
	t.sub(&d, &p.x).mul(&t, &e)
	c.mulSmall(&c, 8)
	p.y.sub(&t, &c)
}

// addAffine sets p = p + q, or p − q when neg (mixed Jacobian-affine
// addition, 8M + 3S). The exceptional cases (p the identity, p = q,
// p = −q) are detected and handled, so the result is exact for every input.
func (p *jacobian) addAffine(q *affine, neg bool) {
	qy := q.y
	if neg {
		qy.neg(&q.y)
	}
	if p.inf {
		*p = jacobian{x: q.x, y: qy, z: fe{1}}
		return
	}
	var z2, z3, h, r fe
	z2.sqr(&p.z)
	z3.mul(&z2, &p.z)
	h.mul(&z2, &q.x).sub(&h, &p.x) // H = x₂·Z² − X
	r.mul(&z3, &qy).sub(&r, &p.y)  // R = y₂·Z³ − Y
	if h.isZero() {
		if r.isZero() {
			p.double() // p = q
		} else {
			p.inf = true // p = −q
		}
		return
	}
	var h2, h3, xh2, t fe
	h2.sqr(&h)
	h3.mul(&h2, &h)
	xh2.mul(&h2, &p.x)
	p.z.mul(&p.z, &h)
	// X' = R² − H³ − 2·X·H², Y' = R·(X·H² − X') − Y·H³, Z' = Z·H.
	p.x.sqr(&r).sub(&p.x, &h3).sub(&p.x, &xh2).sub(&p.x, &xh2)
	t.sub(&xh2, &p.x).mul(&t, &r)
	h3.mul(&h3, &p.y)
	p.y.sub(&t, &h3)
}

// affineOf converts a non-identity Point.
func affineOf(p *Point) affine {
	var b [32]byte
	var a affine
	p.x.PutBytes(&b)
	a.x.setBytes(&b)
	p.y.PutBytes(&b)
	a.y.setBytes(&b)
	return a
}

// toPoint converts p to affine coordinates (one inversion, unless p is the
// identity).
func (p *jacobian) toPoint() *Point {
	if p.inf || p.z.isZero() {
		return &Point{inf: true}
	}
	var zi, zi2, x, y fe
	zi.inv(&p.z)
	zi2.sqr(&zi)
	x.mul(&p.x, &zi2)
	y.mul(&p.y, &zi2).mul(&y, &zi)
	var b [32]byte
	out := new(Point)
	x.putBytes(&b)
	out.x.SetBytes(&b)
	y.putBytes(&b)
	out.y.SetBytes(&b)
	return out
}

// oddMultiples writes 3P, 5P, …, (2m−1)P into out[0:m−1] in Jacobian
// coordinates (the caller knows P itself). It doubles P once, then works on
// the isomorphic curve y² = x³ + 7·Z⁶ (Z the Z-coordinate of 2P), where 2P
// is the affine (X, Y) and P is (x·Z², y·Z³), so every step is a mixed
// addition; a point (X', Y', Z') there is (X', Y', Z'·Z) on secp256k1.
// (2i−1)P = ±2P is impossible for the small i used here (the group order is
// a 256-bit prime), and addAffine would handle it anyway.
func oddMultiples(p *affine, out []jacobian) {
	if len(out) == 0 {
		return
	}
	d := jacobian{x: p.x, y: p.y, z: fe{1}}
	d.double()
	var z2, z3 fe
	z2.sqr(&d.z)
	z3.mul(&z2, &d.z)
	acc := jacobian{z: fe{1}}
	acc.x.mul(&p.x, &z2)
	acc.y.mul(&p.y, &z3)
	dIso := affine{x: d.x, y: d.y}
	for i := range out {
		acc.addAffine(&dIso, false)
		out[i] = acc
		out[i].z.mul(&acc.z, &d.z)
	}
}

// batchAffine converts in (no identities) to affine with one inversion.
func batchAffine(in []jacobian, out []affine) {
	if len(in) == 0 {
		return
	}
	var buf [stackEntries]fe
	prefix := buf[:]
	if len(in) > len(prefix) {
		prefix = make([]fe, len(in))
	}
	prefix[0] = in[0].z
	for i := 1; i < len(in); i++ {
		prefix[i].mul(&prefix[i-1], &in[i].z)
	}
	var inv fe // 1/(z_0·…·z_i) as i goes down
	inv.inv(&prefix[len(in)-1])
	set := func(i int, zi *fe) {
		var zi2, t fe
		zi2.sqr(zi)
		out[i].x.mul(&in[i].x, &zi2)
		t.mul(&zi2, zi)
		out[i].y.mul(&in[i].y, &t)
	}
	for i := len(in) - 1; i > 0; i-- {
		var zi fe
		zi.mul(&inv, &prefix[i-1])
		inv.mul(&inv, &in[i].z)
		set(i, &zi)
	}
	set(0, &inv)
}

// wnafDigits is room for the width-w NAF of a number below 2^256.
type wnafDigits [257]int8

// wnaf writes the width-w NAF of k (little-endian limbs, k < 2^256) into out,
// which must be zero, and returns the number of digits (the top non-zero
// digit's index + 1). Non-zero digits are odd, below 2^(w−1) in absolute
// value, and at least w positions apart, and Σ out[i]·2^i = k.
func wnaf(out *wnafDigits, k *[4]uint64, w uint) int {
	bitLen := 0
	for i := 3; i >= 0; i-- {
		if k[i] != 0 {
			bitLen = 64*i + bits.Len64(k[i])
			break
		}
	}
	var carry uint64
	n := 0
	for bit := uint(0); int(bit) < bitLen || carry != 0; {
		if bitWindow(k, bit, 1) == carry {
			bit++
			continue
		}
		word := bitWindow(k, bit, w) + carry // odd
		carry = (word >> (w - 1)) & 1
		out[bit] = int8(int64(word) - int64(carry<<w))
		n = int(bit) + 1
		bit += w
	}
	return n
}

// bitWindow returns count ≤ 32 bits of k from position pos (zeros beyond
// bit 255).
func bitWindow(k *[4]uint64, pos, count uint) uint64 {
	if pos >= 256 {
		return 0
	}
	i, sh := pos/64, pos%64
	v := k[i] >> sh
	if sh+count > 64 && i < 3 {
		v |= k[i+1] << (64 - sh)
	}
	return v & (1<<count - 1)
}

// GLV constants (public parameters of secp256k1; TestGLVConstants checks
// them): β is a cube root of 1 mod p and λ (glvLambda in the tests) one mod
// n with λ·(x, y) = (β·x, y).
// The lattice {(a, b) : a + b·λ ≡ 0 mod n} has the short basis (a1, b1),
// (a2, b2) with b1 < 0, b2 = a1 and a1·b2 − a2·b1 = n; g1 = round(2^384·b2/n)
// and g2 = round(2^384·(−b1)/n) turn the roundings of k·b2/n and −k·b1/n into
// a multiplication and a shift.
var (
	glvBeta    = feHex("7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501ee")
	glvA1      = limbsHex("000000000000000000000000000000003086d221a7d46bcde86c90e49284eb15")
	glvMinusB1 = limbsHex("00000000000000000000000000000000e4437ed6010e88286f547fa90abfe4c3")
	glvA2      = limbsHex("0000000000000000000000000000000114ca50f7a8e2f3f657c1108d9d44cfd8")
	glvG1      = limbsHex("3086d221a7d46bcde86c90e49284eb153daa8a1471e8ca7fe893209a45dbb031")
	glvG2      = limbsHex("e4437ed6010e88286f547fa90abfe4c4221208ac9df506c61571b4ae8ac47f71")
)

func bytesHex(s string) *[32]byte {
	var b [32]byte
	if n, err := hex.Decode(b[:], []byte(s)); err != nil || n != 32 {
		panic("secp: bad constant")
	}
	return &b
}

func feHex(s string) fe { var f fe; f.setBytes(bytesHex(s)); return f }

func limbsHex(s string) [4]uint64 { return limbs(bytesHex(s)) }

// mulShift384 returns round(k·g / 2^384) for 256-bit k and g; the result is
// below 2^128 for the g1, g2 above.
func mulShift384(k, g *[4]uint64) [4]uint64 {
	var t [8]uint64
	for i := range 4 {
		var c uint64
		for j := range 4 {
			c, t[i+j] = mac(k[i], g[j], t[i+j], c)
		}
		t[i+4] = c
	}
	lo, c := bits.Add64(t[6], t[5]>>63, 0)
	return [4]uint64{lo, t[7] + c, 0, 0}
}

// mulLow returns a·b mod 2^256.
func mulLow(a, b *[4]uint64) [4]uint64 {
	var t [4]uint64
	for i := range 4 {
		var c uint64
		for j := 0; i+j < 4; j++ {
			c, t[i+j] = mac(a[i], b[j], t[i+j], c)
		}
	}
	return t
}

// subLow returns a − b mod 2^256.
func subLow(a, b *[4]uint64) [4]uint64 {
	var r [4]uint64
	var bo uint64
	for i := range 4 {
		r[i], bo = bits.Sub64(a[i], b[i], bo)
	}
	return r
}

// signed reads x mod 2^256 as a two's complement integer and returns its
// magnitude and sign.
func signed(x [4]uint64) ([4]uint64, bool) {
	if x[3]>>63 == 0 {
		return x, false
	}
	var zero [4]uint64
	return subLow(&zero, &x), true
}

// splitGLV returns k₁, k₂ (as magnitudes and signs) with k ≡ k₁ + k₂·λ
// (mod n), for k < n:
//
//	c1 = round(k·b2/n), c2 = round(−k·b1/n),
//	k₁ = k − c1·a1 − c2·a2, k₂ = −c1·b1 − c2·b2.
//
// (k₁, k₂) = (k, 0) − c1·(a1, b1) − c2·(a2, b2) is a lattice translate of
// (k, 0), so k₁ + k₂·λ ≡ k. And c1, c2 are the coordinates of (k, 0) in the
// basis, rounded with an error of at most 1/2 + 2^-128 (g1, g2 are rounded,
// and k < 2^256), so |k₁| ≤ (1/2 + 2^-128)·(|a1| + |a2|) < 2^127.4 and
// |k₂| ≤ (1/2 + 2^-128)·(|b1| + |b2|) < 2^127.1. Both therefore fit, with
// their sign, in 256-bit two's complement, where the arithmetic below is
// done (its intermediate products may wrap around; the results do not).
func splitGLV(k *[4]uint64) (k1 [4]uint64, neg1 bool, k2 [4]uint64, neg2 bool) {
	c1 := mulShift384(k, &glvG1)
	c2 := mulShift384(k, &glvG2)
	t1, t2 := mulLow(&c1, &glvMinusB1), mulLow(&c2, &glvA1) // b2 = a1
	k2, neg2 = signed(subLow(&t1, &t2))
	t1, t2 = mulLow(&c1, &glvA1), mulLow(&c2, &glvA2)
	r := subLow(k, &t1)
	k1, neg1 = signed(subLow(&r, &t2))
	return k1, neg1, k2, neg2
}

// stream is one wNAF digit sequence and the table its digits index.
type stream struct {
	digits int      // index of its digits
	tab    []affine // odd multiples of the point (or of λ times it)
	neg    bool     // subtract the table entries instead of adding them
}

// windowFor picks the wNAF width for a point whose streams are bitLen bits
// long (at most) and which has nstreams of them, minimizing an estimate in
// field multiplications: a table of 2^(w−2) entries costs about 18 each
// (a mixed addition and the share of the batch inversion), and each stream
// costs an 11-multiplication addition per bitLen/(w+1) digits.
func windowFor(bitLen, nstreams int) uint {
	best, bestCost := uint(2), -1
	for w := uint(2); w <= 7; w++ {
		m := 1 << (w - 2)
		cost := (m-1)*(18+nstreams-1) + nstreams*bitLen*11/int(w+1)
		if w > 2 {
			cost += 10 // the doubling of P
		}
		if bestCost < 0 || cost < bestCost {
			best, bestCost = w, cost
		}
	}
	return best
}

// stackEntries is how many table entries MulAddVartime keeps on the stack
// (the cfrag check needs 41); larger sums allocate.
const stackEntries = 64

// fixedWindow is the wNAF width of the precomputed tables of G and U: 64
// entries (and as many for λ·P), about 14 additions per 128-bit stream.
const fixedWindow = 8

// fixedTable holds the odd multiples of a point that every verification
// multiplies (G in the capsule check, U in the cfrag check), and of λ times
// it.
type fixedTable struct {
	p            *Point
	tab, betaTab []affine
}

func newFixedTable(p *Point) *fixedTable {
	a := affineOf(p)
	m := 1 << (fixedWindow - 2)
	jac := make([]jacobian, m-1)
	oddMultiples(&a, jac)
	t := &fixedTable{p: p, tab: make([]affine, m), betaTab: make([]affine, m)}
	t.tab[0] = a
	batchAffine(jac, t.tab[1:])
	t.withBeta()
	return t
}

// withBeta fills betaTab: λ·(x, y) = (β·x, y).
func (t *fixedTable) withBeta() {
	for i := range t.tab {
		t.betaTab[i].x.mul(&t.tab[i].x, &glvBeta)
		t.betaTab[i].y = t.tab[i].y
	}
}

// fixedTables are computed once, on first use, and only read afterwards.
var fixedTables = sync.OnceValue(func() []*fixedTable {
	return []*fixedTable{newFixedTable(generator), newFixedTable(pointU)}
})

// MulAddVartime returns Σ kᵢ·Pᵢ in VARIABLE TIME: use it only when every
// scalar and point is public, as in verification equations. Zero scalars and
// identity points contribute nothing; an empty sum is the identity. The
// result is exact for every input (equal, opposite and identity
// intermediate points are handled), and when it is the identity no field
// inversion is spent, which makes "is Σ kᵢ·Pᵢ = O?" checks cheapest in the
// case that passes.
func MulAddVartime(terms ...Term) *Point {
	// dynamic is a point without a precomputed table.
	type dynamic struct {
		base affine
		w    uint
		beta bool // a stream needs λ·P's table
	}
	// pending records which table a stream reads once the tables exist.
	type pending struct {
		dyn  int // index into dyn
		beta bool
	}
	// Room on the stack for the 9 terms of the cfrag check.
	var (
		dynBuf    [9]dynamic
		streamBuf [18]stream
		pendBuf   [18]pending
		digitBuf  [18]wnafDigits
		dyn       = dynBuf[:0]
		streams   = streamBuf[:0]
		pend      = pendBuf[:0]
		digits    = digitBuf[:]
		fixed     = fixedTables()
		maxLen    = 0
	)
	if 2*len(terms) > len(digits) {
		digits = make([]wnafDigits, 2*len(terms))
	}
	for _, t := range terms {
		if t.P.inf || t.K.v.IsZero() {
			continue
		}
		k := t.K.v
		negP := k.IsOverHalfOrder()
		if negP {
			k.Negate()
		}
		kb := k.Bytes()
		var mags [2][4]uint64
		var negs [2]bool
		ns := 1
		mags[0] = limbs(&kb)
		if mags[0][2]|mags[0][3] != 0 { // 2^128 or more: split
			mags[0], negs[0], mags[1], negs[1] = splitGLV(&mags[0])
			ns = 2
		}
		var ft *fixedTable
		for _, f := range fixed {
			if t.P.Equal(f.p) {
				ft = f
			}
		}
		w := uint(fixedWindow)
		if ft == nil {
			bitLen := 0
			for s := range ns {
				for i := 3; i >= 0; i-- {
					if mags[s][i] != 0 {
						bitLen = max(bitLen, 64*i+bits.Len64(mags[s][i]))
						break
					}
				}
			}
			w = windowFor(bitLen, ns)
			dyn = append(dyn, dynamic{base: affineOf(t.P), w: w})
		}
		for s := range ns {
			if mags[s] == ([4]uint64{}) {
				continue // k₁ or k₂ can be 0
			}
			maxLen = max(maxLen, wnaf(&digits[len(streams)], &mags[s], w))
			st := stream{digits: len(streams), neg: negP != negs[s]}
			p := pending{dyn: -1, beta: s == 1}
			switch {
			case ft != nil && s == 1:
				st.tab = ft.betaTab
			case ft != nil:
				st.tab = ft.tab
			default:
				p.dyn = len(dyn) - 1
				dyn[p.dyn].beta = dyn[p.dyn].beta || p.beta
			}
			streams = append(streams, st)
			pend = append(pend, p)
		}
	}

	// Tables of the other points: entry 0 is P itself; the others come
	// from oddMultiples and are normalized together.
	jacCount, total := 0, 0
	for i := range dyn {
		m := 1 << (dyn[i].w - 2)
		jacCount += m - 1
		total += 2 * m
	}
	var (
		jacBuf     [stackEntries]jacobian
		oddAffBuf  [stackEntries]affine
		backingBuf [2*stackEntries + 18]affine
		jac        = jacBuf[:]
		oddAff     = oddAffBuf[:]
		backing    = backingBuf[:]
	)
	if jacCount > len(jac) {
		jac, oddAff = make([]jacobian, jacCount), make([]affine, jacCount)
	}
	jac, oddAff = jac[:jacCount], oddAff[:jacCount]
	if total > len(backing) {
		backing = make([]affine, total)
	}
	j := 0
	for i := range dyn {
		m := 1 << (dyn[i].w - 2)
		oddMultiples(&dyn[i].base, jac[j:j+m-1])
		j += m - 1
	}
	batchAffine(jac, oddAff)
	var dynTabBuf [9]fixedTable
	dynTabs := dynTabBuf[:]
	if len(dyn) > len(dynTabs) {
		dynTabs = make([]fixedTable, len(dyn))
	}
	j = 0
	for i := range dyn {
		d, t := &dyn[i], &dynTabs[i]
		m := 1 << (d.w - 2)
		t.tab, t.betaTab, backing = backing[:m:m], backing[m:2*m:2*m], backing[2*m:]
		t.tab[0] = d.base
		copy(t.tab[1:], oddAff[j:j+m-1])
		j += m - 1
		if d.beta {
			t.withBeta()
		}
	}
	for i, p := range pend {
		switch {
		case p.dyn < 0:
		case p.beta:
			streams[i].tab = dynTabs[p.dyn].betaTab
		default:
			streams[i].tab = dynTabs[p.dyn].tab
		}
	}

	acc := jacobian{inf: true}
	for i := maxLen - 1; i >= 0; i-- {
		acc.double()
		for s := range streams {
			st := &streams[s]
			d := digits[st.digits][i]
			if d == 0 {
				continue
			}
			neg := st.neg
			if d < 0 {
				d, neg = -d, !neg
			}
			acc.addAffine(&st.tab[d/2], neg)
		}
	}
	return acc.toPoint()
}
