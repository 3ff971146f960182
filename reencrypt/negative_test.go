package reencrypt_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
)

// flips yields b with each byte in turn XORed with 0x01 (which also turns
// MessagePack's false into true and so tests the flag bytes).
func flips(b []byte, visit func(i int, mutated []byte)) {
	for i := range b {
		m := bytes.Clone(b)
		m[i] ^= 0x01
		visit(i, m)
	}
}

func TestFlippedCapsuleRejected(t *testing.T) {
	d := newDelegation(t, 1, 1)
	flips(d.capsule.Bytes(), func(i int, m []byte) {
		if _, err := reencrypt.CapsuleFromBytes(m); !errors.Is(err, reencrypt.ErrInvalidCapsule) {
			t.Errorf("byte %d flipped: got %v, want ErrInvalidCapsule", i, err)
		}
	})
}

func TestFlippedKeyFragRejected(t *testing.T) {
	d := newDelegation(t, 2, 3)
	vk, pkA, pkB := d.signer.VerifyingKey(), d.alice.PublicKey(), d.bob.PublicKey()
	flips(d.kfrags[0].Bytes(), func(i int, m []byte) {
		kf, err := reencrypt.KeyFragFromBytes(m)
		if err != nil {
			if !errors.Is(err, reencrypt.ErrInvalidKeyFrag) {
				t.Errorf("byte %d flipped: decode error %v is not ErrInvalidKeyFrag", i, err)
			}
			return
		}
		if _, err := kf.Verify(vk, pkA, pkB); !errors.Is(err, reencrypt.ErrVerificationFailed) {
			t.Errorf("byte %d flipped: verify gave %v, want ErrVerificationFailed", i, err)
		}
	})
}

func TestFlippedCapsuleFragRejected(t *testing.T) {
	d := newDelegation(t, 2, 3)
	cf := d.cfrags(t, 0)[0]
	vk, pkA, pkB := d.signer.VerifyingKey(), d.alice.PublicKey(), d.bob.PublicKey()
	flips(cf.Bytes(), func(i int, m []byte) {
		c, err := reencrypt.CapsuleFragFromBytes(m)
		if err != nil {
			if !errors.Is(err, reencrypt.ErrInvalidCapsuleFrag) {
				t.Errorf("byte %d flipped: decode error %v is not ErrInvalidCapsuleFrag", i, err)
			}
			return
		}
		if _, err := c.Verify(d.capsule, vk, pkA, pkB); !errors.Is(err, reencrypt.ErrVerificationFailed) {
			t.Errorf("byte %d flipped: verify gave %v, want ErrVerificationFailed", i, err)
		}
	})
}

func TestFlippedCiphertextRejected(t *testing.T) {
	d := newDelegation(t, 2, 3)
	cfrags := d.cfrags(t, 0, 1)
	flips(d.ct, func(i int, m []byte) {
		if _, err := reencrypt.DecryptOriginal(d.alice, d.capsule, m); !errors.Is(err, reencrypt.ErrDecryptionFailed) {
			t.Errorf("byte %d flipped: DecryptOriginal gave %v", i, err)
		}
		if _, err := reencrypt.DecryptReencrypted(d.bob, d.alice.PublicKey(), d.capsule, cfrags, m); !errors.Is(err, reencrypt.ErrDecryptionFailed) {
			t.Errorf("byte %d flipped: DecryptReencrypted gave %v", i, err)
		}
	})
	if _, err := reencrypt.DecryptOriginal(d.alice, d.capsule, d.ct[:reencrypt.DEMOverhead-1]); !errors.Is(err, reencrypt.ErrDecryptionFailed) {
		t.Errorf("short ciphertext: %v", err)
	}
}

func TestDecryptReencryptedErrors(t *testing.T) {
	d := newDelegation(t, 2, 3)
	pkA := d.alice.PublicKey()
	good := d.cfrags(t, 0, 1)

	other := newDelegation(t, 2, 3)
	other.alice, other.bob, other.capsule, other.ct, other.signer = d.alice, d.bob, d.capsule, d.ct, d.signer
	var err error
	if other.kfrags, err = reencrypt.GenerateKFrags(d.alice, d.bob.PublicKey(), d.signer, 2, 3, true, true); err != nil {
		t.Fatal(err)
	}
	otherSet := other.cfrags(t, 0)

	// A capsule fragment for another capsule under the same kfrags.
	c2, _, err := reencrypt.Encrypt(pkA, []byte("another file"))
	if err != nil {
		t.Fatal(err)
	}
	forC2, err := reencrypt.Reencrypt(c2, d.kfrags[2])
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name   string
		sk     *reencrypt.SecretKey
		cfrags []*reencrypt.VerifiedCapsuleFrag
		want   error
	}{
		{"none", d.bob, nil, reencrypt.ErrNoCapsuleFrags},
		{"fewer than t", d.bob, good[:1], reencrypt.ErrNotEnoughCapsuleFrags},
		{"repeated", d.bob, []*reencrypt.VerifiedCapsuleFrag{good[0], good[0]}, reencrypt.ErrRepeatedCapsuleFrags},
		{"other kfrag set", d.bob, []*reencrypt.VerifiedCapsuleFrag{good[0], otherSet[0]}, reencrypt.ErrMismatchedCapsuleFrags},
		{"other capsule", d.bob, []*reencrypt.VerifiedCapsuleFrag{good[0], forC2}, reencrypt.ErrMismatchedCapsuleFrags},
		{"wrong receiving key", mustKey(t), good, reencrypt.ErrWrongKeys},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := reencrypt.DecryptReencrypted(tc.sk, pkA, d.capsule, tc.cfrags, d.ct)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
	if _, err := reencrypt.DecryptReencrypted(d.bob, mustKey(t).PublicKey(), d.capsule, good, d.ct); !errors.Is(err, reencrypt.ErrWrongKeys) {
		t.Fatalf("wrong delegating key: got %v, want ErrWrongKeys", err)
	}
}

func TestVerifyErrors(t *testing.T) {
	d := newDelegation(t, 2, 3)
	vk, pkA, pkB := d.signer.VerifyingKey(), d.alice.PublicKey(), d.bob.PublicKey()
	stranger := mustKey(t).PublicKey()
	kf := d.kfrags[0].Unverify()
	if _, err := kf.Verify(vk, nil, pkB); !errors.Is(err, reencrypt.ErrKeyNotProvided) {
		t.Errorf("missing delegating key: %v", err)
	}
	if _, err := kf.Verify(vk, pkA, nil); !errors.Is(err, reencrypt.ErrKeyNotProvided) {
		t.Errorf("missing receiving key: %v", err)
	}
	for name, keys := range map[string][3]*reencrypt.PublicKey{
		"verifying": {stranger, pkA, pkB}, "delegating": {vk, stranger, pkB}, "receiving": {vk, pkA, stranger},
	} {
		if _, err := kf.Verify(keys[0], keys[1], keys[2]); !errors.Is(err, reencrypt.ErrVerificationFailed) {
			t.Errorf("kfrag with wrong %s key: %v", name, err)
		}
	}
	cf := d.cfrags(t, 0)[0].Unverify()
	c2, _, _ := reencrypt.Encrypt(pkA, nil)
	if _, err := cf.Verify(c2, vk, pkA, pkB); !errors.Is(err, reencrypt.ErrVerificationFailed) {
		t.Errorf("cfrag against another capsule: %v", err)
	}
	if _, err := cf.Verify(d.capsule, vk, pkA, stranger); !errors.Is(err, reencrypt.ErrVerificationFailed) {
		t.Errorf("cfrag for another receiver: %v", err)
	}
	if _, err := cf.Verify(d.capsule, vk, pkA, nil); !errors.Is(err, reencrypt.ErrKeyNotProvided) {
		t.Errorf("cfrag without receiving key: %v", err)
	}
}

func TestUnsignedKeysNeedNotBeGiven(t *testing.T) {
	alice, bob, signer := mustKey(t), mustKey(t), reencrypt.NewSigner(mustKey(t))
	for _, sd := range []bool{false, true} {
		for _, sr := range []bool{false, true} {
			kfs, err := reencrypt.GenerateKFrags(alice, bob.PublicKey(), signer, 1, 2, sd, sr)
			if err != nil {
				t.Fatal(err)
			}
			var a, b *reencrypt.PublicKey
			if sd {
				a = alice.PublicKey()
			}
			if sr {
				b = bob.PublicKey()
			}
			if _, err := kfs[1].Unverify().Verify(signer.VerifyingKey(), a, b); err != nil {
				t.Errorf("signDelegating=%v signReceiving=%v: %v", sd, sr, err)
			}
		}
	}
}

func TestBadInputs(t *testing.T) {
	sk := mustKey(t)
	signer := reencrypt.NewSigner(sk)
	for _, tc := range [][2]int{{0, 3}, {4, 3}, {-1, 1}, {1, 0}} {
		if _, err := reencrypt.GenerateKFrags(sk, sk.PublicKey(), signer, tc[0], tc[1], true, true); !errors.Is(err, reencrypt.ErrInvalidThreshold) {
			t.Errorf("threshold %d of %d: %v", tc[0], tc[1], err)
		}
	}
	n := []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
		0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41}
	for name, b := range map[string][]byte{"zero": make([]byte, 32), "n": n, "short": make([]byte, 31)} {
		if _, err := reencrypt.SecretKeyFromBytes(b); !errors.Is(err, reencrypt.ErrInvalidSecretKey) {
			t.Errorf("secret key %s: %v", name, err)
		}
	}
	pk := sk.PublicKey().Bytes()
	notOnCurve := bytes.Clone(pk)
	for { // find an x with no curve point
		notOnCurve[32]++
		if _, err := reencrypt.PublicKeyFromBytes(notOnCurve); err != nil {
			break
		}
	}
	uncompressed := append([]byte{4}, make([]byte, 64)...)
	for name, b := range map[string][]byte{"empty": nil, "32 bytes": pk[:32], "prefix 04": uncompressed,
		"not on curve": notOnCurve, "prefix 05": append([]byte{5}, pk[1:]...)} {
		if _, err := reencrypt.PublicKeyFromBytes(b); !errors.Is(err, reencrypt.ErrInvalidPublicKey) {
			t.Errorf("public key %s: %v", name, err)
		}
	}
	if _, err := reencrypt.NewSecretKeyFactory(make([]byte, 31)); !errors.Is(err, reencrypt.ErrInvalidSeed) {
		t.Errorf("short seed: %v", err)
	}
	if _, _, err := reencrypt.Encrypt(nil, nil); !errors.Is(err, reencrypt.ErrInvalidPublicKey) {
		t.Errorf("nil key: %v", err)
	}
	if _, err := reencrypt.SignatureFromBytes(make([]byte, 64)); !errors.Is(err, reencrypt.ErrInvalidSignature) {
		t.Errorf("zero signature: %v", err)
	}
}

func TestSignatureHighS(t *testing.T) {
	sk := mustKey(t)
	s := reencrypt.NewSigner(sk)
	msg := []byte("message")
	sig := s.Sign(msg)
	if !sig.Verify(s.VerifyingKey(), msg) {
		t.Fatal("signature does not verify")
	}
	// The reference signs low-S but accepts high-S: so must pdx.
	high := highS(sig.Bytes())
	hs, err := reencrypt.SignatureFromBytes(high)
	if err != nil {
		t.Fatal(err)
	}
	if !hs.Verify(s.VerifyingKey(), msg) {
		t.Fatal("high-S form of a valid signature rejected")
	}
	if hs.Verify(s.VerifyingKey(), []byte("other")) || sig.Verify(mustKey(t).PublicKey(), msg) {
		t.Fatal("signature verified for the wrong message or key")
	}
}
