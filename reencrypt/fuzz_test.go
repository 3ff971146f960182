package reencrypt_test

import (
	"bytes"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
)

// Every decoder is fuzzed for two properties: no input makes it panic, and
// whatever it accepts re-encodes to exactly the bytes it was given (one
// encoding per object). The seeds are valid objects made fresh each run plus
// the stored corpus under testdata/fuzz.

func seedObjects(f *testing.F) *delegation {
	d := newDelegation(f, 2, 3)
	return d
}

func FuzzCapsuleFromBytes(f *testing.F) {
	d := seedObjects(f)
	f.Add(d.capsule.Bytes())
	f.Add([]byte{0x93})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := reencrypt.CapsuleFromBytes(b)
		if err == nil && !bytes.Equal(c.Bytes(), b) {
			t.Fatalf("accepted %x but re-encodes to %x", b, c.Bytes())
		}
	})
}

func FuzzKeyFragFromBytes(f *testing.F) {
	d := seedObjects(f)
	f.Add(d.kfrags[0].Bytes())
	vk, pkA, pkB := d.signer.VerifyingKey(), d.alice.PublicKey(), d.bob.PublicKey()
	f.Fuzz(func(t *testing.T, b []byte) {
		kf, err := reencrypt.KeyFragFromBytes(b)
		if err != nil {
			return
		}
		if !bytes.Equal(kf.Bytes(), b) {
			t.Fatalf("accepted %x but re-encodes to %x", b, kf.Bytes())
		}
		// Verification must not panic either, and only the real kfrags pass.
		if _, err := kf.Verify(vk, pkA, pkB); err == nil && !isOneOf(b, d.kfrags) {
			t.Fatalf("a kfrag that was never made verified: %x", b)
		}
	})
}

func isOneOf(b []byte, kfs []*reencrypt.VerifiedKeyFrag) bool {
	for _, k := range kfs {
		if bytes.Equal(k.Bytes(), b) {
			return true
		}
	}
	return false
}

func FuzzCapsuleFragFromBytes(f *testing.F) {
	d := seedObjects(f)
	f.Add(d.cfrags(f, 0)[0].Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		cf, err := reencrypt.CapsuleFragFromBytes(b)
		if err != nil {
			return
		}
		if !bytes.Equal(cf.Bytes(), b) {
			t.Fatalf("accepted %x but re-encodes to %x", b, cf.Bytes())
		}
		_, _ = cf.Verify(d.capsule, d.signer.VerifyingKey(), d.alice.PublicKey(), d.bob.PublicKey())
	})
}

func FuzzKeysFromBytes(f *testing.F) {
	sk := mustKey(f)
	f.Add(sk.Bytes())
	f.Add(sk.PublicKey().Bytes())
	f.Add(reencrypt.NewSigner(sk).Sign([]byte("m")).Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		if k, err := reencrypt.SecretKeyFromBytes(b); err == nil && !bytes.Equal(k.Bytes(), b) {
			t.Fatalf("secret key %x re-encodes to %x", b, k.Bytes())
		}
		if k, err := reencrypt.PublicKeyFromBytes(b); err == nil && !bytes.Equal(k.Bytes(), b) {
			t.Fatalf("public key %x re-encodes to %x", b, k.Bytes())
		}
		if s, err := reencrypt.SignatureFromBytes(b); err == nil && !bytes.Equal(s.Bytes(), b) {
			t.Fatalf("signature %x re-encodes to %x", b, s.Bytes())
		}
	})
}
