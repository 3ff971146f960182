package reencrypt

import (
	"crypto/rand"
	"fmt"

	"github.com/pdx-network/pdx/reencrypt/internal/secp"
)

// CapsuleFragSize is the size of an encoded cfrag.
const CapsuleFragSize = 381

// CapsuleFrag is a proxy's re-encryption of a capsule with one kfrag,
// together with a proof that the proxy used the kfrag the delegator signed.
// A receiver must verify it (Verify) before using it.
type CapsuleFrag struct {
	e1, v1    *secp.Point // rk·E, rk·V
	kfragID   [KeyFragIDSize]byte
	precursor *secp.Point
	proof     capsuleFragProof
}

type capsuleFragProof struct {
	e2, v2 *secp.Point // t·E, t·V
	u1, u2 *secp.Point // rk·U (the kfrag commitment), t·U
	z      *secp.Scalar
	sig    *Signature // the kfrag's signature for the receiver
}

// VerifiedCapsuleFrag is a cfrag that passed verification (or that this
// process made with a verified kfrag). It remembers the capsule and the keys
// it was verified for, so decryption can tell a mix-up from a shortfall.
type VerifiedCapsuleFrag struct {
	cf         *CapsuleFrag
	capsule    *Capsule
	delegating *PublicKey // nil when not known
	receiving  *PublicKey
}

// KeyFragSet names the kfrag set the cfrag was made with: the set's
// precursor point, shared by every kfrag of one GenerateKFrags call and by
// no other. Only cfrags of one set combine, so a receiver asking proxies
// that hold kfrags of two grants (an old one and the re-grant replacing it,
// while some proxies have not seen the re-grant yet) groups their answers by
// it. The precursor is public: it travels in every cfrag.
func (v *VerifiedCapsuleFrag) KeyFragSet() string { return string(v.cf.precursor.Bytes()) }

func (cf *CapsuleFrag) challenge(c *Capsule) *secp.Scalar {
	return secp.HashToScalar(dstCFragVerification,
		c.e.Bytes(), cf.e1.Bytes(), cf.proof.e2.Bytes(),
		c.v.Bytes(), cf.v1.Bytes(), cf.proof.v2.Bytes(),
		secp.UBytes, cf.proof.u1.Bytes(), cf.proof.u2.Bytes())
}

// Reencrypt is a proxy's work: it turns the capsule into a cfrag with kf and
// proves it did so correctly.
func Reencrypt(c *Capsule, kf *VerifiedKeyFrag) (*VerifiedCapsuleFrag, error) {
	if c == nil {
		return nil, fmt.Errorf("%w: nil", ErrInvalidCapsule)
	}
	if kf == nil || kf.kf == nil {
		return nil, fmt.Errorf("%w: nil", ErrInvalidKeyFrag)
	}
	k := kf.kf
	t, err := secp.RandomNonZeroScalar(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("umbral: reading randomness: %w", err)
	}
	cf := &CapsuleFrag{
		e1:        new(secp.Point).Mul(k.key, c.e),
		v1:        new(secp.Point).Mul(k.key, c.v),
		kfragID:   k.id,
		precursor: k.precursor,
	}
	cf.proof = capsuleFragProof{
		e2:  new(secp.Point).Mul(t, c.e),
		v2:  new(secp.Point).Mul(t, c.v),
		u1:  k.proof.commitment,
		u2:  new(secp.Point).Mul(t, secp.U()),
		sig: k.proof.sigForReceiver,
	}
	h := cf.challenge(c)
	cf.proof.z = new(secp.Scalar).Mul(h, k.key)
	cf.proof.z.Add(cf.proof.z, t)
	return &VerifiedCapsuleFrag{cf: cf, capsule: c, delegating: kf.delegating, receiving: kf.receiving}, nil
}

// CapsuleFragFromBytes decodes a cfrag strictly. It does not verify it.
func CapsuleFragFromBytes(b []byte) (*CapsuleFrag, error) {
	r := newReader(b)
	r.array(5)
	pts := make([][]byte, 0, 7)
	pts = append(pts, r.bin(secp.PointSize), r.bin(secp.PointSize)) // e1, v1
	id := r.bin(KeyFragIDSize)
	pts = append(pts, r.bin(secp.PointSize)) // precursor
	r.array(6)
	for range 4 { // e2, v2, u1, u2
		pts = append(pts, r.bin(secp.PointSize))
	}
	zb := r.bin(secp.ScalarSize)
	sigB := r.bin(SignatureSize)
	if !r.done() {
		return nil, fmt.Errorf("%w: not the %d-byte encoding", ErrInvalidCapsuleFrag, CapsuleFragSize)
	}
	p := make([]*secp.Point, len(pts))
	for i, pb := range pts {
		var err error
		if p[i], err = secp.PointFromBytes(pb); err != nil {
			return nil, fmt.Errorf("%w: a point is not on the curve", ErrInvalidCapsuleFrag)
		}
	}
	z, err := secp.ScalarFromBytes(zb)
	if err != nil {
		return nil, fmt.Errorf("%w: proof scalar out of range", ErrInvalidCapsuleFrag)
	}
	sig, err := SignatureFromBytes(sigB)
	if err != nil {
		return nil, fmt.Errorf("%w: kfrag signature: %w", ErrInvalidCapsuleFrag, err)
	}
	cf := &CapsuleFrag{e1: p[0], v1: p[1], precursor: p[2]}
	copy(cf.kfragID[:], id)
	cf.proof = capsuleFragProof{e2: p[3], v2: p[4], u1: p[5], u2: p[6], z: z, sig: sig}
	return cf, nil
}

// Bytes returns the 381-byte encoding.
func (cf *CapsuleFrag) Bytes() []byte {
	out := make([]byte, 0, CapsuleFragSize)
	out = appendArray(out, 5)
	out = appendBin(out, cf.e1.Bytes())
	out = appendBin(out, cf.v1.Bytes())
	out = appendBin(out, cf.kfragID[:])
	out = appendBin(out, cf.precursor.Bytes())
	out = appendArray(out, 6)
	for _, p := range []*secp.Point{cf.proof.e2, cf.proof.v2, cf.proof.u1, cf.proof.u2} {
		out = appendBin(out, p.Bytes())
	}
	out = appendBin(out, cf.proof.z.Bytes())
	return appendBin(out, cf.proof.sig.b[:])
}

// KFragID returns the id of the kfrag this cfrag was made with.
func (cf *CapsuleFrag) KFragID() []byte { return append([]byte(nil), cf.kfragID[:]...) }

// Verify checks a cfrag as a receiver does: the delegator signed the kfrag
// for these delegating and receiving keys, and the proxy re-encrypted this
// capsule with that kfrag (z·E = e2 + h·e1, z·V = v2 + h·v1, z·U = u2 + h·u1).
func (cf *CapsuleFrag) Verify(c *Capsule, verifying, delegating, receiving *PublicKey) (*VerifiedCapsuleFrag, error) {
	if cf == nil || cf.e1 == nil {
		return nil, fmt.Errorf("%w: nil capsule fragment", ErrInvalidCapsuleFrag)
	}
	if c == nil {
		return nil, fmt.Errorf("%w: nil", ErrInvalidCapsule)
	}
	if verifying == nil || delegating == nil || receiving == nil {
		return nil, fmt.Errorf("%w: verifying, delegating and receiving keys are all required", ErrKeyNotProvided)
	}
	msg := kfragMessage(cf.kfragID[:], cf.proof.u1, cf.precursor, delegating, receiving)
	if !cf.proof.sig.Verify(verifying, msg) {
		return nil, fmt.Errorf("%w: the kfrag signature does not match the verifying, delegating and receiving keys", ErrVerificationFailed)
	}
	ok, err := cf.proofHolds(c)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%w: the re-encryption proof does not hold for this capsule", ErrVerificationFailed)
	}
	return &VerifiedCapsuleFrag{cf: cf, capsule: c, delegating: delegating, receiving: receiving}, nil
}

// proofHolds checks the three proof equations
//
//	D₁ = z·E − h·e1 − e2 = O,  D₂ = z·V − h·v1 − v2 = O,  D₃ = z·U − h·u1 − u2 = O
//
// as one variable-time multi-scalar check D₁ + c₁·D₂ + c₂·D₃ = O, with c₁, c₂
// drawn uniformly from [0, 2^128) afresh on every call, after the cfrag is
// fixed. The points, z and h are public, so variable time reveals nothing
// secret. Timing may reveal c₁, c₂, but only after they have decided this
// call; the next call draws new ones, so that knowledge helps no later
// attempt.
//
// Why one check is as good as three: the points lie in secp256k1's group of
// prime order n (decoding rejects anything off the curve, and the cofactor
// is 1), so Dᵢ = dᵢ·G for some dᵢ mod n and the check reads
// d₁ + c₁·d₂ + c₂·d₃ ≡ 0 (mod n). If all dᵢ are 0 (an honest cfrag) it holds
// for every c₁, c₂. If d₂ ≠ 0, then for each c₂ exactly one residue c₁ mod n
// satisfies it, and since c₁ < 2^128 < n takes each of its 2^128 values with
// probability 2^-128 and independently of the cfrag, the check passes with
// probability at most 2^-128; likewise if d₃ ≠ 0 (fix c₁, solve for c₂); if
// d₂ = d₃ = 0 but d₁ ≠ 0 it always fails. So a cfrag whose proof is wrong is
// accepted with probability at most 2^-128 per attempt, whatever the proxy
// does, because the weights are unknown to it when it builds the cfrag.
func (cf *CapsuleFrag) proofHolds(c *Capsule) (bool, error) {
	var buf [2 * 16]byte
	if _, err := rand.Read(buf[:]); err != nil {
		return false, fmt.Errorf("umbral: reading randomness: %w", err)
	}
	weight := func(b []byte) *secp.Scalar {
		var k [secp.ScalarSize]byte
		copy(k[16:], b)
		s, _ := secp.ScalarFromBytes(k[:]) // below 2^128 < n: never fails
		return s
	}
	c1, c2 := weight(buf[:16]), weight(buf[16:])
	z, zero := cf.proof.z, secp.NewScalar()
	h := cf.challenge(c)
	negH := new(secp.Scalar).Sub(zero, h)
	negOne := new(secp.Scalar).Sub(zero, secp.ScalarFromUint64(1))
	return secp.MulAddVartime(
		secp.Term{K: z, P: c.e},
		secp.Term{K: new(secp.Scalar).Mul(c1, z), P: c.v},
		secp.Term{K: new(secp.Scalar).Mul(c2, z), P: secp.U()},
		secp.Term{K: negH, P: cf.e1},
		secp.Term{K: new(secp.Scalar).Mul(c1, negH), P: cf.v1},
		secp.Term{K: new(secp.Scalar).Mul(c2, negH), P: cf.proof.u1},
		secp.Term{K: negOne, P: cf.proof.e2},
		secp.Term{K: new(secp.Scalar).Sub(zero, c1), P: cf.proof.v2},
		secp.Term{K: new(secp.Scalar).Sub(zero, c2), P: cf.proof.u2},
	).IsIdentity(), nil
}

// Bytes returns the 381-byte encoding (the same as the unverified cfrag's).
func (v *VerifiedCapsuleFrag) Bytes() []byte { return v.cf.Bytes() }

// Unverify returns the cfrag, to be verified again by whoever receives it.
func (v *VerifiedCapsuleFrag) Unverify() *CapsuleFrag { return v.cf }

// DecryptReencrypted opens a ciphertext made for delegating's key with
// threshold-many verified cfrags re-encrypted to receiving's public key.
func DecryptReencrypted(receiving *SecretKey, delegating *PublicKey, c *Capsule, cfrags []*VerifiedCapsuleFrag, ciphertext []byte) ([]byte, error) {
	if receiving == nil || delegating == nil || c == nil {
		return nil, fmt.Errorf("%w: nil receiving key, delegating key or capsule", ErrDecryptionFailed)
	}
	if len(cfrags) == 0 {
		return nil, ErrNoCapsuleFrags
	}
	pkB := receiving.PublicKey()
	precursor := cfrags[0].cf.precursor
	seen := make(map[[KeyFragIDSize]byte]bool, len(cfrags))
	for _, v := range cfrags {
		if v == nil || v.cf == nil {
			return nil, fmt.Errorf("%w: nil capsule fragment", ErrInvalidCapsuleFrag)
		}
		if v.capsule != nil && !v.capsule.Equal(c) {
			return nil, fmt.Errorf("%w: a cfrag was made for another capsule", ErrMismatchedCapsuleFrags)
		}
		if !v.cf.precursor.Equal(precursor) {
			return nil, fmt.Errorf("%w: cfrags come from different kfrag sets (precursors differ)", ErrMismatchedCapsuleFrags)
		}
		if (v.delegating != nil && !v.delegating.Equal(delegating)) || (v.receiving != nil && !v.receiving.Equal(pkB)) {
			return nil, fmt.Errorf("%w: pass the delegating key and the receiving secret key they were verified for", ErrWrongKeys)
		}
		if seen[v.cf.kfragID] {
			return nil, fmt.Errorf("%w: kfrag id %x appears twice", ErrRepeatedCapsuleFrags, v.cf.kfragID[:4])
		}
		seen[v.cf.kfragID] = true
	}

	dh := new(secp.Point).Mul(receiving.s, precursor)
	precB, pkBB, dhB := precursor.Bytes(), pkB.Bytes(), dh.Bytes()
	xs := make([]*secp.Scalar, len(cfrags))
	for i, v := range cfrags {
		xs[i] = secp.HashToScalar(dstPolynomialArg, precB, pkBB, dhB, v.cf.kfragID[:])
	}
	// λ_i = Π_{j≠i} x_j / (x_j − x_i), the Lagrange coefficients at 0.
	lambdas := make([]*secp.Scalar, len(cfrags))
	for i := range cfrags {
		lambda := secp.ScalarFromUint64(1)
		for j := range xs {
			if j == i {
				continue
			}
			den := new(secp.Scalar).Sub(xs[j], xs[i])
			if den.IsZero() {
				return nil, fmt.Errorf("%w: two cfrags share a polynomial point", ErrRepeatedCapsuleFrags)
			}
			lambda.Mul(lambda, xs[j]).Mul(lambda, den.Invert(den))
		}
		lambdas[i] = lambda
	}
	d := secp.HashToScalar(dstSharedSecret, precB, pkBB, dhB)

	// The key seed is d·(E' + V') with E' = Σ λ_i·e1_i and V' = Σ λ_i·v1_i,
	// computed as Σ (d·λ_i)·(e1_i + v1_i): one constant-time multiplication
	// per cfrag instead of two, plus one.
	var seed *secp.Point
	for i, v := range cfrags {
		k := new(secp.Scalar).Mul(d, lambdas[i])
		term := new(secp.Point).Add(v.cf.e1, v.cf.v1)
		term.Mul(k, term)
		if seed == nil {
			seed = term
		} else {
			seed.Add(seed, term)
		}
	}
	pt, err := demOpen(seed, ciphertext, c.simple())
	if err == nil {
		// The AEAD authenticated the ciphertext under a key derived from the
		// seed, so the seed is the encryptor's: the reference's check that
		// pk_A·(s·d⁻¹) = h·E' + V' could not have failed.
		return pt, nil
	}
	// Tell a shortfall of cfrags from a bad ciphertext, as the reference
	// does, by its check: pk_A·(s·d⁻¹) must equal h·E' + V'.
	var ePrime, vPrime *secp.Point
	for i, v := range cfrags {
		e := new(secp.Point).Mul(lambdas[i], v.cf.e1)
		vv := new(secp.Point).Mul(lambdas[i], v.cf.v1)
		if ePrime == nil {
			ePrime, vPrime = e, vv
		} else {
			ePrime.Add(ePrime, e)
			vPrime.Add(vPrime, vv)
		}
	}
	sOverD := new(secp.Scalar).Invert(d)
	sOverD.Mul(sOverD, c.s)
	lhs := new(secp.Point).Mul(sOverD, delegating.p)
	rhs := new(secp.Point).Mul(c.hash(), ePrime)
	rhs.Add(rhs, vPrime)
	if !lhs.Equal(rhs) {
		return nil, fmt.Errorf("%w: got %d cfrags; ask more proxies, or check the keys", ErrNotEnoughCapsuleFrags, len(cfrags))
	}
	return nil, err
}
