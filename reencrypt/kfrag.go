package reencrypt

import (
	"bytes"
	"crypto/rand"
	"fmt"

	"github.com/pdx-network/pdx/reencrypt/internal/secp"
)

// KeyFragIDSize is the size of a kfrag's random id.
const KeyFragIDSize = 32

// KeyFragSize is the size of an encoded kfrag.
const KeyFragSize = 310

// KeyFrag is one share of a re-encryption key, as a proxy receives it. It
// must be verified (Verify) before use.
type KeyFrag struct {
	id        [KeyFragIDSize]byte
	key       *secp.Scalar // rk = f(x_i), secret to the proxy
	precursor *secp.Point  // x·G, shared by the whole set
	proof     keyFragProof
}

type keyFragProof struct {
	commitment          *secp.Point // rk·U
	sigForProxy         *Signature
	sigForReceiver      *Signature
	delegatingKeySigned bool
	receivingKeySigned  bool
}

// VerifiedKeyFrag is a kfrag that passed verification (or was just made by
// GenerateKFrags). It remembers the keys it was verified against.
type VerifiedKeyFrag struct {
	kf         *KeyFrag
	delegating *PublicKey // nil when not known
	receiving  *PublicKey
}

// kfragMessage is what kfrag signatures sign: id ‖ commitment ‖ precursor ‖
// A ‖ B, where A is 01‖pk_A or 00, likewise B.
func kfragMessage(id []byte, commitment, precursor *secp.Point, delegating, receiving *PublicKey) []byte {
	msg := make([]byte, 0, KeyFragIDSize+2*secp.PointSize+2*(1+secp.PointSize))
	msg = append(msg, id...)
	msg = append(msg, commitment.Bytes()...)
	msg = append(msg, precursor.Bytes()...)
	for _, k := range []*PublicKey{delegating, receiving} {
		if k == nil {
			msg = append(msg, 0)
		} else {
			msg = append(append(msg, 1), k.Bytes()...)
		}
	}
	return msg
}

// GenerateKFrags splits the re-encryption key from delegating to receiving
// into shares kfrags, any threshold of which let a receiver open a capsule
// made for the delegating key. signer signs every kfrag; signDelegating and
// signReceiving bind the proxy-facing signature to those keys, so a proxy
// can check them too.
func GenerateKFrags(delegating *SecretKey, receiving *PublicKey, signer *Signer, threshold, shares int, signDelegating, signReceiving bool) ([]*VerifiedKeyFrag, error) {
	if threshold < 1 || shares < threshold || shares > 1<<16 {
		return nil, fmt.Errorf("%w: need 1 ≤ threshold ≤ shares ≤ 65536, got %d of %d", ErrInvalidThreshold, threshold, shares)
	}
	if delegating == nil || receiving == nil || signer == nil {
		return nil, fmt.Errorf("%w: nil delegating key, receiving key or signer", ErrInvalidPublicKey)
	}
	pkA := delegating.PublicKey()
	pkB := receiving
	x, err := secp.RandomNonZeroScalar(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("umbral: reading randomness: %w", err)
	}
	precursor := new(secp.Point).BaseMul(x)
	dh := new(secp.Point).Mul(x, pkB.p)
	precursorB, pkBB, dhB := precursor.Bytes(), pkB.Bytes(), dh.Bytes()
	d := secp.HashToScalar(dstSharedSecret, precursorB, pkBB, dhB)

	// f(0) = sk_A · d⁻¹; the other coefficients are random and non-zero.
	coeffs := make([]*secp.Scalar, threshold)
	coeffs[0] = new(secp.Scalar).Invert(d)
	coeffs[0].Mul(coeffs[0], delegating.s)
	for i := 1; i < threshold; i++ {
		if coeffs[i], err = secp.RandomNonZeroScalar(rand.Reader); err != nil {
			return nil, fmt.Errorf("umbral: reading randomness: %w", err)
		}
	}

	u := secp.U()
	var proxyA, proxyB *PublicKey
	if signDelegating {
		proxyA = pkA
	}
	if signReceiving {
		proxyB = pkB
	}
	out := make([]*VerifiedKeyFrag, shares)
	for i := range out {
		kf := &KeyFrag{precursor: precursor}
		if _, err := rand.Read(kf.id[:]); err != nil {
			return nil, fmt.Errorf("umbral: reading randomness: %w", err)
		}
		xi := secp.HashToScalar(dstPolynomialArg, precursorB, pkBB, dhB, kf.id[:])
		// Horner's rule, constant time: every coefficient is secret.
		rk := new(secp.Scalar).Set(coeffs[threshold-1])
		for j := threshold - 2; j >= 0; j-- {
			rk.Mul(rk, xi).Add(rk, coeffs[j])
		}
		kf.key = rk
		kf.proof.commitment = new(secp.Point).Mul(rk, u)
		kf.proof.sigForReceiver = signer.Sign(kfragMessage(kf.id[:], kf.proof.commitment, precursor, pkA, pkB))
		kf.proof.sigForProxy = signer.Sign(kfragMessage(kf.id[:], kf.proof.commitment, precursor, proxyA, proxyB))
		kf.proof.delegatingKeySigned = signDelegating
		kf.proof.receivingKeySigned = signReceiving
		out[i] = &VerifiedKeyFrag{kf: kf, delegating: pkA, receiving: pkB}
	}
	return out, nil
}

// KeyFragFromBytes decodes a kfrag strictly. It does not verify it.
func KeyFragFromBytes(b []byte) (*KeyFrag, error) {
	r := newReader(b)
	r.array(5)
	r.array(1)
	ub := r.bin(secp.PointSize)
	id := r.bin(KeyFragIDSize)
	keyB := r.bin(secp.ScalarSize)
	precB := r.bin(secp.PointSize)
	r.array(5)
	comB := r.bin(secp.PointSize)
	sigP := r.bin(SignatureSize)
	sigR := r.bin(SignatureSize)
	dSigned := r.boolean()
	rSigned := r.boolean()
	if !r.done() {
		return nil, fmt.Errorf("%w: not the %d-byte encoding", ErrInvalidKeyFrag, KeyFragSize)
	}
	if !bytes.Equal(ub, secp.UBytes) {
		return nil, fmt.Errorf("%w: parameters are not Umbral's generator U", ErrInvalidKeyFrag)
	}
	kf := &KeyFrag{}
	copy(kf.id[:], id)
	var err error
	if kf.key, err = secp.ScalarFromBytes(keyB); err != nil {
		return nil, fmt.Errorf("%w: key scalar out of range", ErrInvalidKeyFrag)
	}
	if kf.precursor, err = secp.PointFromBytes(precB); err != nil {
		return nil, fmt.Errorf("%w: precursor is not a curve point", ErrInvalidKeyFrag)
	}
	if kf.proof.commitment, err = secp.PointFromBytes(comB); err != nil {
		return nil, fmt.Errorf("%w: commitment is not a curve point", ErrInvalidKeyFrag)
	}
	if kf.proof.sigForProxy, err = SignatureFromBytes(sigP); err != nil {
		return nil, fmt.Errorf("%w: proxy signature: %w", ErrInvalidKeyFrag, err)
	}
	if kf.proof.sigForReceiver, err = SignatureFromBytes(sigR); err != nil {
		return nil, fmt.Errorf("%w: receiver signature: %w", ErrInvalidKeyFrag, err)
	}
	kf.proof.delegatingKeySigned = dSigned
	kf.proof.receivingKeySigned = rSigned
	return kf, nil
}

// Bytes returns the 310-byte encoding.
func (kf *KeyFrag) Bytes() []byte {
	out := make([]byte, 0, KeyFragSize)
	out = appendArray(out, 5)
	out = appendArray(out, 1)
	out = appendBin(out, secp.UBytes)
	out = appendBin(out, kf.id[:])
	out = appendBin(out, kf.key.Bytes())
	out = appendBin(out, kf.precursor.Bytes())
	out = appendArray(out, 5)
	out = appendBin(out, kf.proof.commitment.Bytes())
	out = appendBin(out, kf.proof.sigForProxy.b[:])
	out = appendBin(out, kf.proof.sigForReceiver.b[:])
	out = appendBool(out, kf.proof.delegatingKeySigned)
	return appendBool(out, kf.proof.receivingKeySigned)
}

// ID returns the kfrag's random 32-byte id.
func (kf *KeyFrag) ID() []byte { return append([]byte(nil), kf.id[:]...) }

// Verify checks a kfrag as a proxy does: its commitment matches its key, and
// the delegator's signer signed it together with the keys it was signed
// with. delegating and receiving may be nil when the kfrag was not signed
// with them; a key that was signed must be given. Given both keys, Verify
// also checks the signature the receiver will check, as pdx proxies (which
// read every key from the chain) do: that is stricter than the reference,
// never looser.
func (kf *KeyFrag) Verify(verifying, delegating, receiving *PublicKey) (*VerifiedKeyFrag, error) {
	if kf == nil || kf.key == nil {
		return nil, fmt.Errorf("%w: nil key fragment", ErrInvalidKeyFrag)
	}
	if verifying == nil {
		return nil, fmt.Errorf("%w: the verifying key is required", ErrKeyNotProvided)
	}
	if kf.proof.delegatingKeySigned && delegating == nil {
		return nil, fmt.Errorf("%w: the kfrag was signed with the delegating key; pass it", ErrKeyNotProvided)
	}
	if kf.proof.receivingKeySigned && receiving == nil {
		return nil, fmt.Errorf("%w: the kfrag was signed with the receiving key; pass it", ErrKeyNotProvided)
	}
	if !new(secp.Point).Mul(kf.key, secp.U()).Equal(kf.proof.commitment) {
		return nil, fmt.Errorf("%w: kfrag commitment does not match its key", ErrVerificationFailed)
	}
	var a, b *PublicKey
	if kf.proof.delegatingKeySigned {
		a = delegating
	}
	if kf.proof.receivingKeySigned {
		b = receiving
	}
	if !kf.proof.sigForProxy.Verify(verifying, kfragMessage(kf.id[:], kf.proof.commitment, kf.precursor, a, b)) {
		return nil, fmt.Errorf("%w: kfrag signature does not verify under the verifying key and the keys given", ErrVerificationFailed)
	}
	// With both keys at hand, check the receiver's signature too, so a kfrag
	// that would yield cfrags the receiver rejects is refused up front.
	if delegating != nil && receiving != nil &&
		!kf.proof.sigForReceiver.Verify(verifying, kfragMessage(kf.id[:], kf.proof.commitment, kf.precursor, delegating, receiving)) {
		return nil, fmt.Errorf("%w: kfrag's signature for the receiver does not verify under these keys", ErrVerificationFailed)
	}
	if delegating != nil && receiving != nil {
		a, b = delegating, receiving
	}
	return &VerifiedKeyFrag{kf: kf, delegating: a, receiving: b}, nil
}

// Bytes returns the 310-byte encoding (the same as the unverified kfrag's).
func (v *VerifiedKeyFrag) Bytes() []byte { return v.kf.Bytes() }

// Unverify returns the kfrag, to be verified again by whoever receives it.
func (v *VerifiedKeyFrag) Unverify() *KeyFrag { return v.kf }
