package reencrypt

import (
	"crypto/rand"
	"errors"
	"fmt"
	"testing"

	"github.com/pdx-network/pdx/reencrypt/internal/secp"
)

// cheatingCFrag re-encrypts like a proxy that breaks exactly one of the
// three proof equations while keeping the kfrag signature valid:
//
//	cheat 1: e1 = rk'·E for a wrong rk' (only z·E = e2 + h·e1 fails)
//	cheat 2: v1 = rk'·V                (only z·V = v2 + h·v1 fails)
//	cheat 3: u2 = t'·U for a wrong t'   (only z·U = u2 + h·u1 fails)
//
// cheat 0 is an honest cfrag.
func cheatingCFrag(t *testing.T, c *Capsule, kf *VerifiedKeyFrag, cheat int) *CapsuleFrag {
	t.Helper()
	rnd := func() *secp.Scalar {
		s, err := secp.RandomNonZeroScalar(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	k := kf.kf
	tt, wrong := rnd(), rnd()
	rkE, rkV, tU := k.key, k.key, tt
	switch cheat {
	case 1:
		rkE = wrong
	case 2:
		rkV = wrong
	case 3:
		tU = wrong
	}
	cf := &CapsuleFrag{
		e1:        new(secp.Point).Mul(rkE, c.e),
		v1:        new(secp.Point).Mul(rkV, c.v),
		kfragID:   k.id,
		precursor: k.precursor,
	}
	cf.proof = capsuleFragProof{
		e2:  new(secp.Point).Mul(tt, c.e),
		v2:  new(secp.Point).Mul(tt, c.v),
		u1:  k.proof.commitment,
		u2:  new(secp.Point).Mul(tU, secp.U()),
		sig: k.proof.sigForReceiver,
	}
	h := cf.challenge(c)
	cf.proof.z = new(secp.Scalar).Mul(h, k.key)
	cf.proof.z.Add(cf.proof.z, tt)
	return cf
}

// failingEquations evaluates the three proof equations one by one with the
// constant-time multiplication, independently of proofHolds.
func failingEquations(cf *CapsuleFrag, c *Capsule) []int {
	h := cf.challenge(c)
	var out []int
	for i, eq := range [][3]*secp.Point{{c.e, cf.proof.e2, cf.e1}, {c.v, cf.proof.v2, cf.v1}, {secp.U(), cf.proof.u2, cf.proof.u1}} {
		lhs := new(secp.Point).Mul(cf.proof.z, eq[0])
		rhs := new(secp.Point).Mul(h, eq[2])
		if !lhs.Equal(rhs.Add(rhs, eq[1])) {
			out = append(out, i+1)
		}
	}
	return out
}

// TestCombinedProofCheckCatchesEachEquation checks that the randomized
// single multi-scalar check rejects a cfrag in which any one of the three
// equations fails (the others holding), and accepts an honest one; the
// weights are fresh on every call, so each case is tried several times.
func TestCombinedProofCheckCatchesEachEquation(t *testing.T) {
	alice, bob, signing := mustGenerate(t), mustGenerate(t), mustGenerate(t)
	signer := NewSigner(signing)
	capsule, _, err := Encrypt(alice.PublicKey(), []byte("payload"))
	if err != nil {
		t.Fatal(err)
	}
	kfrags, err := GenerateKFrags(alice, bob.PublicKey(), signer, 1, 1, true, true)
	if err != nil {
		t.Fatal(err)
	}
	for cheat := range 4 {
		t.Run(fmt.Sprintf("cheat=%d", cheat), func(t *testing.T) {
			for range 8 {
				cf := cheatingCFrag(t, capsule, kfrags[0], cheat)
				failing := failingEquations(cf, capsule)
				if cheat == 0 && len(failing) != 0 || cheat != 0 && (len(failing) != 1 || failing[0] != cheat) {
					t.Fatalf("test setup: equations failing %v, want only %d", failing, cheat)
				}
				ok, err := cf.proofHolds(capsule)
				if err != nil {
					t.Fatal(err)
				}
				if ok != (cheat == 0) {
					t.Fatalf("proofHolds = %v with equations %v failing", ok, failing)
				}
				_, err = cf.Verify(capsule, signer.VerifyingKey(), alice.PublicKey(), bob.PublicKey())
				if cheat == 0 && err != nil || cheat != 0 && !errors.Is(err, ErrVerificationFailed) {
					t.Fatalf("Verify: %v", err)
				}
			}
		})
	}
}

// TestCapsuleSelfCheck checks the variable-time capsule check against the
// equation evaluated with the constant-time multiplication, on a valid
// capsule and on capsules with a wrong s, E or V.
func TestCapsuleSelfCheck(t *testing.T) {
	sk := mustGenerate(t)
	c, _, err := Encrypt(sk.PublicKey(), []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	ctValid := func(c *Capsule) bool {
		lhs := new(secp.Point).BaseMul(c.s)
		rhs := new(secp.Point).Mul(c.hash(), c.e)
		return lhs.Equal(rhs.Add(rhs, c.v))
	}
	other := new(secp.Point).BaseMul(secp.ScalarFromUint64(5))
	cases := map[string]*Capsule{
		"valid": c,
		"s+1":   {e: c.e, v: c.v, s: new(secp.Scalar).Add(c.s, secp.ScalarFromUint64(1))},
		"E+5G":  {e: new(secp.Point).Add(c.e, other), v: c.v, s: c.s},
		"V+5G":  {e: c.e, v: new(secp.Point).Add(c.v, other), s: c.s},
		"E↔V":   {e: c.v, v: c.e, s: c.s},
	}
	for name, cc := range cases {
		if got, want := cc.valid(), ctValid(cc); got != want || want != (name == "valid") {
			t.Errorf("%s: valid() = %v, constant-time check %v", name, got, want)
		}
	}
}

func mustGenerate(t *testing.T) *SecretKey {
	t.Helper()
	sk, err := GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	return sk
}
