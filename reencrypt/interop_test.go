package reencrypt_test

// Interoperability with umbral-pre 0.10, the reference Umbral, in two forms:
//
//   - live tests (TestInterop*) drive @nucypher/umbral-pre through
//     tools/umbral-oracle.js with fresh random keys on every run, in both
//     directions: objects made by one side are decoded, verified, used and
//     re-encoded by the other. They need Node 20 and `make npm`; without them
//     they fail and say so.
//   - TestStoredVectors checks testdata/vectors.json, made once by the oracle
//     (go run ./reencrypt/internal/cmd/gen-vectors), without node.

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/internal/oracle"
	"github.com/pdx-network/pdx/reencrypt/internal/secp"
)

// ioOracle starts the oracle for one test (oracle.StartTest: a missing node
// or npm package fails, never skips).
func ioOracle(t *testing.T) (*oracle.Oracle, context.Context) { return oracle.StartTest(t) }

func ioRandom(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

// ioParty is a key pair known to both sides.
type ioParty struct {
	sk *reencrypt.SecretKey
	pk *reencrypt.PublicKey
}

func (p ioParty) skb() []byte { return p.sk.Bytes() }
func (p ioParty) pkb() []byte { return p.pk.Bytes() }

// ioOracleParty draws a key in the oracle and loads it into Go, checking
// both sides agree on its public key.
func ioOracleParty(t *testing.T, ctx context.Context, o *oracle.Oracle) ioParty {
	t.Helper()
	skb, pkb, err := o.Keygen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sk, err := reencrypt.SecretKeyFromBytes(skb)
	if err != nil {
		t.Fatalf("Go cannot load the oracle's secret key %x: %v", skb, err)
	}
	if got := sk.PublicKey().Bytes(); !bytes.Equal(got, pkb) {
		t.Fatalf("public key of %x: Go %x, oracle %x", skb, got, pkb)
	}
	pk, err := reencrypt.PublicKeyFromBytes(pkb)
	if err != nil {
		t.Fatalf("Go cannot load the oracle's public key %x: %v", pkb, err)
	}
	if !pk.Equal(sk.PublicKey()) {
		t.Fatal("PublicKeyFromBytes(pk) is not Equal to sk.PublicKey()")
	}
	return ioParty{sk, pk}
}

// ioGoParty draws a key in Go and checks the oracle derives the same public key.
func ioGoParty(t *testing.T, ctx context.Context, o *oracle.Oracle) ioParty {
	t.Helper()
	sk, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	pkb, err := o.PublicKey(ctx, sk.Bytes())
	if err != nil {
		t.Fatalf("oracle rejects Go's secret key %x: %v", sk.Bytes(), err)
	}
	if got := sk.PublicKey().Bytes(); !bytes.Equal(got, pkb) {
		t.Fatalf("public key of %x: Go %x, oracle %x", sk.Bytes(), got, pkb)
	}
	return ioParty{sk, sk.PublicKey()}
}

// ioPlaintexts are the message sizes every encryption test covers: empty,
// one byte, a 32-byte file key (what pdx wraps), and a few kilobytes.
func ioPlaintexts(t *testing.T) [][]byte {
	return [][]byte{{}, ioRandom(t, 1), ioRandom(t, 32), ioRandom(t, 4099)}
}

func goCapsule(t *testing.T, b []byte) *reencrypt.Capsule {
	t.Helper()
	c, err := reencrypt.CapsuleFromBytes(b)
	if err != nil {
		t.Fatalf("Go cannot decode capsule %x: %v", b, err)
	}
	if got := c.Bytes(); !bytes.Equal(got, b) {
		t.Fatalf("capsule re-encodes differently:\n in  %x\n out %x", b, got)
	}
	return c
}

func goKFrag(t *testing.T, b []byte) *reencrypt.KeyFrag {
	t.Helper()
	kf, err := reencrypt.KeyFragFromBytes(b)
	if err != nil {
		t.Fatalf("Go cannot decode kfrag %x: %v", b, err)
	}
	if got := kf.Bytes(); !bytes.Equal(got, b) {
		t.Fatalf("kfrag re-encodes differently:\n in  %x\n out %x", b, got)
	}
	return kf
}

func goCFrag(t *testing.T, b []byte) *reencrypt.CapsuleFrag {
	t.Helper()
	cf, err := reencrypt.CapsuleFragFromBytes(b)
	if err != nil {
		t.Fatalf("Go cannot decode cfrag %x: %v", b, err)
	}
	if got := cf.Bytes(); !bytes.Equal(got, b) {
		t.Fatalf("cfrag re-encodes differently:\n in  %x\n out %x", b, got)
	}
	return cf
}

// pkOrNil gives the key only when the kfrag was signed with it, the minimum
// a proxy needs.
func pkOrNil(signed bool, p ioParty) *reencrypt.PublicKey {
	if signed {
		return p.pk
	}
	return nil
}

func pkbOrNil(signed bool, p ioParty) []byte {
	if signed {
		return p.pkb()
	}
	return nil
}

// TestInteropKeysAndSignatures: keys drawn on either side load on the other
// with the same public key, and signatures made on either side verify on
// the other (and fail for another message).
func TestInteropKeysAndSignatures(t *testing.T) {
	o, ctx := ioOracle(t)
	for range 4 {
		ioOracleParty(t, ctx, o)
		ioGoParty(t, ctx, o)
	}
	p := ioGoParty(t, ctx, o)
	msg := ioRandom(t, 77)

	goSig := reencrypt.NewSigner(p.sk).Sign(msg).Bytes()
	ok, err := o.VerifySignature(ctx, p.pkb(), msg, goSig)
	if err != nil || !ok {
		t.Fatalf("oracle does not verify Go's signature %x: %v, %v", goSig, ok, err)
	}
	ok, err = o.VerifySignature(ctx, p.pkb(), append(msg, 0), goSig)
	if err != nil || ok {
		t.Fatalf("oracle verifies Go's signature for another message: %v, %v", ok, err)
	}
	if enc, _, err := o.Reserialize(ctx, oracle.KindSignature, goSig); err != nil || !bytes.Equal(enc, goSig) {
		t.Fatalf("oracle re-encodes Go's signature as %x (%v), want %x", enc, err, goSig)
	}

	oSig, err := o.Sign(ctx, p.skb(), msg)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := reencrypt.SignatureFromBytes(oSig)
	if err != nil {
		t.Fatalf("Go cannot decode the oracle's signature %x: %v", oSig, err)
	}
	if !bytes.Equal(sig.Bytes(), oSig) {
		t.Fatalf("signature re-encodes as %x, want %x", sig.Bytes(), oSig)
	}
	if !sig.Verify(p.pk, msg) {
		t.Fatalf("Go does not verify the oracle's signature %x", oSig)
	}
	if sig.Verify(p.pk, append(msg, 0)) {
		t.Fatal("Go verifies the oracle's signature for another message")
	}
	if vk := reencrypt.NewSigner(p.sk).VerifyingKey(); !vk.Equal(p.pk) {
		t.Fatal("Signer.VerifyingKey differs from the secret key's public key")
	}
}

// TestInteropMakeKey: for a fresh random seed, Go's SecretKeyFactory derives
// the same keys, secrets and child factories as the oracle's.
func TestInteropMakeKey(t *testing.T) {
	o, ctx := ioOracle(t)
	seed := ioRandom(t, reencrypt.SecretKeyFactorySeedSize)
	f, err := reencrypt.NewSecretKeyFactory(seed)
	if err != nil {
		t.Fatal(err)
	}
	labels := [][]byte{
		{},
		[]byte("a"),
		[]byte("pdx/dataset/" + hex.EncodeToString(ioRandom(t, 32))),
		[]byte("pdx/dataset/" + hex.EncodeToString(ioRandom(t, 32))),
		ioRandom(t, 19),                   // arbitrary bytes
		bytes.Repeat([]byte("long/"), 60), // 300 bytes
	}
	for _, label := range labels {
		want, err := o.MakeKey(ctx, seed, label)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.MakeKey(label).Bytes(); !bytes.Equal(got, want) {
			t.Errorf("MakeKey(%q) with seed %x: Go %x, oracle %x", label, seed, got, want)
		}
		wantSecret, err := o.MakeSecret(ctx, seed, label)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.MakeSecret(label); !bytes.Equal(got, wantSecret) {
			t.Errorf("MakeSecret(%q) with seed %x: Go %x, oracle %x", label, seed, got, wantSecret)
		}
		wantChild, err := o.MakeFactoryKey(ctx, seed, label, []byte("pdx/child"))
		if err != nil {
			t.Fatal(err)
		}
		if got := f.MakeFactory(label).MakeKey([]byte("pdx/child")).Bytes(); !bytes.Equal(got, wantChild) {
			t.Errorf("MakeFactory(%q).MakeKey(pdx/child) with seed %x: Go %x, oracle %x", label, seed, got, wantChild)
		}
	}
}

// TestInteropOracleEncryptsGoDecrypts: capsules from the oracle decode in Go
// byte-identically and Go opens them with the owner's key.
func TestInteropOracleEncryptsGoDecrypts(t *testing.T) {
	o, ctx := ioOracle(t)
	for _, a := range []ioParty{ioOracleParty(t, ctx, o), ioGoParty(t, ctx, o)} {
		for _, pt := range ioPlaintexts(t) {
			capb, ct, err := o.Encrypt(ctx, a.pkb(), pt)
			if err != nil {
				t.Fatal(err)
			}
			c := goCapsule(t, capb)
			got, err := reencrypt.DecryptOriginal(a.sk, c, ct)
			if err != nil {
				t.Fatalf("Go DecryptOriginal of the oracle's %d-byte ciphertext: %v (capsule %x)", len(pt), err, capb)
			}
			if !bytes.Equal(got, pt) {
				t.Fatalf("Go DecryptOriginal = %x, want %x", got, pt)
			}
		}
	}
}

// TestInteropGoEncryptsOracleDecrypts is the converse.
func TestInteropGoEncryptsOracleDecrypts(t *testing.T) {
	o, ctx := ioOracle(t)
	for _, a := range []ioParty{ioOracleParty(t, ctx, o), ioGoParty(t, ctx, o)} {
		for _, pt := range ioPlaintexts(t) {
			c, ct, err := reencrypt.Encrypt(a.pk, pt)
			if err != nil {
				t.Fatal(err)
			}
			if len(ct) != len(pt)+40 {
				t.Fatalf("ciphertext of %d bytes is %d bytes, want +40", len(pt), len(ct))
			}
			got, err := o.DecryptOriginal(ctx, a.skb(), c.Bytes(), ct)
			if err != nil {
				t.Fatalf("oracle decryptOriginal of Go's %d-byte ciphertext: %v (capsule %x)", len(pt), err, c.Bytes())
			}
			if !bytes.Equal(got, pt) {
				t.Fatalf("oracle decryptOriginal = %x, want %x", got, pt)
			}
		}
	}
}

// TestInteropOracleKFragsGoReencrypts: the oracle encrypts and makes the
// kfrags; Go verifies them and re-encrypts; the oracle verifies Go's cfrags
// and decrypts with them, and so does Go.
func TestInteropOracleKFragsGoReencrypts(t *testing.T) {
	o, ctx := ioOracle(t)
	alice, bob, signer := ioOracleParty(t, ctx, o), ioOracleParty(t, ctx, o), ioOracleParty(t, ctx, o)
	pt := ioRandom(t, 32)
	capb, ct, err := o.Encrypt(ctx, alice.pkb(), pt)
	if err != nil {
		t.Fatal(err)
	}
	c := goCapsule(t, capb)
	kfrags, err := o.GenerateKFrags(ctx, oracle.KFragParams{
		DelegatingSK: alice.skb(), ReceivingPK: bob.pkb(), SignerSK: signer.skb(),
		Threshold: 3, Shares: 5, SignDelegating: true, SignReceiving: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	var cfrags [][]byte
	var verified []*reencrypt.VerifiedCapsuleFrag
	for i, kb := range kfrags {
		vkf, err := goKFrag(t, kb).Verify(signer.pk, alice.pk, bob.pk)
		if err != nil {
			t.Fatalf("Go rejects the oracle's kfrag %d: %v\n%x", i, err, kb)
		}
		if !bytes.Equal(vkf.Bytes(), kb) {
			t.Fatalf("verified kfrag %d re-encodes differently", i)
		}
		vcf, err := reencrypt.Reencrypt(c, vkf)
		if err != nil {
			t.Fatal(err)
		}
		cb := vcf.Bytes()
		if len(cb) != 381 {
			t.Fatalf("Go cfrag is %d bytes", len(cb))
		}
		back, err := o.VerifyCFrag(ctx, capb, cb, signer.pkb(), alice.pkb(), bob.pkb())
		if err != nil {
			t.Fatalf("oracle rejects Go's cfrag %d: %v\ncapsule %x\nkfrag %x\ncfrag %x", i, err, capb, kb, cb)
		}
		if !bytes.Equal(back, cb) {
			t.Fatalf("oracle re-encodes Go's cfrag %d differently:\n in  %x\n out %x", i, cb, back)
		}
		// Go's own verification of the same bytes.
		v, err := goCFrag(t, cb).Verify(c, signer.pk, alice.pk, bob.pk)
		if err != nil {
			t.Fatal(err)
		}
		cfrags = append(cfrags, cb)
		verified = append(verified, v)
	}
	for _, set := range [][]int{{0, 1, 2}, {4, 2, 0}, {0, 1, 2, 3, 4}} {
		var sub [][]byte
		var vsub []*reencrypt.VerifiedCapsuleFrag
		for _, i := range set {
			sub = append(sub, cfrags[i])
			vsub = append(vsub, verified[i])
		}
		got, err := o.DecryptReencrypted(ctx, bob.skb(), alice.pkb(), capb, sub, signer.pkb(), ct)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("oracle decryptReencrypted with Go's cfrags %v = %x, %v; want %x", set, got, err, pt)
		}
		got, err = reencrypt.DecryptReencrypted(bob.sk, alice.pk, c, vsub, ct)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("Go DecryptReencrypted with cfrags %v = %x, %v; want %x", set, got, err, pt)
		}
	}
	// Below the threshold both sides refuse.
	if _, err := o.DecryptReencrypted(ctx, bob.skb(), alice.pkb(), capb, cfrags[:2], signer.pkb(), ct); !errors.Is(err, oracle.ErrRejected) {
		t.Fatalf("oracle with 2 of 3 needed cfrags: %v, want a rejection", err)
	}
	if _, err := reencrypt.DecryptReencrypted(bob.sk, alice.pk, c, verified[:2], ct); !errors.Is(err, reencrypt.ErrNotEnoughCapsuleFrags) {
		t.Fatalf("Go with 2 of 3 needed cfrags: %v, want ErrNotEnoughCapsuleFrags", err)
	}
}

// TestInteropGoKFragsOracleReencrypts: Go encrypts and makes the kfrags; the
// oracle verifies them and re-encrypts; Go verifies the oracle's cfrags and
// decrypts; the oracle decrypts too.
func TestInteropGoKFragsOracleReencrypts(t *testing.T) {
	o, ctx := ioOracle(t)
	alice, bob, signer := ioGoParty(t, ctx, o), ioGoParty(t, ctx, o), ioGoParty(t, ctx, o)
	pt := ioRandom(t, 32)
	c, ct, err := reencrypt.Encrypt(alice.pk, pt)
	if err != nil {
		t.Fatal(err)
	}
	capb := c.Bytes()
	if len(capb) != 105 {
		t.Fatalf("Go capsule is %d bytes", len(capb))
	}
	vkfrags, err := reencrypt.GenerateKFrags(alice.sk, bob.pk, reencrypt.NewSigner(signer.sk), 2, 3, true, true)
	if err != nil {
		t.Fatal(err)
	}
	var verified []*reencrypt.VerifiedCapsuleFrag
	var cfrags [][]byte
	for i, vkf := range vkfrags {
		kb := vkf.Bytes()
		if len(kb) != 310 {
			t.Fatalf("Go kfrag is %d bytes", len(kb))
		}
		back, err := o.VerifyKFrag(ctx, kb, signer.pkb(), alice.pkb(), bob.pkb())
		if err != nil {
			t.Fatalf("oracle rejects Go's kfrag %d: %v\n%x", i, err, kb)
		}
		if !bytes.Equal(back, kb) {
			t.Fatalf("oracle re-encodes Go's kfrag %d differently:\n in  %x\n out %x", i, kb, back)
		}
		cb, err := o.Reencrypt(ctx, capb, kb, signer.pkb(), alice.pkb(), bob.pkb())
		if err != nil {
			t.Fatalf("oracle reencrypt with Go's kfrag %d: %v", i, err)
		}
		v, err := goCFrag(t, cb).Verify(c, signer.pk, alice.pk, bob.pk)
		if err != nil {
			t.Fatalf("Go rejects the oracle's cfrag %d: %v\ncapsule %x\nkfrag %x\ncfrag %x", i, err, capb, kb, cb)
		}
		verified = append(verified, v)
		cfrags = append(cfrags, cb)
	}
	for _, set := range [][]int{{0, 1}, {2, 0}, {1, 2}, {0, 1, 2}} {
		var sub [][]byte
		var vsub []*reencrypt.VerifiedCapsuleFrag
		for _, i := range set {
			sub = append(sub, cfrags[i])
			vsub = append(vsub, verified[i])
		}
		got, err := reencrypt.DecryptReencrypted(bob.sk, alice.pk, c, vsub, ct)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("Go DecryptReencrypted with the oracle's cfrags %v = %x, %v; want %x", set, got, err, pt)
		}
		got, err = o.DecryptReencrypted(ctx, bob.skb(), alice.pkb(), capb, sub, signer.pkb(), ct)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("oracle decryptReencrypted with its cfrags of Go's kfrags %v = %x, %v; want %x", set, got, err, pt)
		}
	}
}

// TestInteropMixedCFrags: for one kfrag set (made once by each side), cfrags
// from Go's Reencrypt and from the oracle's combine, in Go and in the oracle.
func TestInteropMixedCFrags(t *testing.T) {
	o, ctx := ioOracle(t)
	alice, bob, signer := ioGoParty(t, ctx, o), ioOracleParty(t, ctx, o), ioGoParty(t, ctx, o)
	pt := ioRandom(t, 32)
	for _, kfragsBy := range []string{"go", "oracle"} {
		t.Run("kfrags by "+kfragsBy, func(t *testing.T) {
			var kfrags [][]byte
			if kfragsBy == "go" {
				v, err := reencrypt.GenerateKFrags(alice.sk, bob.pk, reencrypt.NewSigner(signer.sk), 3, 5, true, false)
				if err != nil {
					t.Fatal(err)
				}
				for _, k := range v {
					kfrags = append(kfrags, k.Bytes())
				}
			} else {
				var err error
				kfrags, err = o.GenerateKFrags(ctx, oracle.KFragParams{
					DelegatingSK: alice.skb(), ReceivingPK: bob.pkb(), SignerSK: signer.skb(),
					Threshold: 3, Shares: 5, SignDelegating: true, SignReceiving: false,
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			// One capsule from each side.
			for _, capsBy := range []string{"go", "oracle"} {
				var capb, ct []byte
				if capsBy == "go" {
					c, ctGo, err := reencrypt.Encrypt(alice.pk, pt)
					if err != nil {
						t.Fatal(err)
					}
					capb, ct = c.Bytes(), ctGo
				} else {
					var err error
					if capb, ct, err = o.Encrypt(ctx, alice.pkb(), pt); err != nil {
						t.Fatal(err)
					}
				}
				c := goCapsule(t, capb)
				// cfrags 0, 2, 4 by Go; 1, 3 by the oracle.
				cfrags := make([][]byte, len(kfrags))
				verified := make([]*reencrypt.VerifiedCapsuleFrag, len(kfrags))
				for i, kb := range kfrags {
					if i%2 == 0 {
						vkf, err := goKFrag(t, kb).Verify(signer.pk, alice.pk, nil)
						if err != nil {
							t.Fatalf("Go rejects kfrag %d: %v", i, err)
						}
						vcf, err := reencrypt.Reencrypt(c, vkf)
						if err != nil {
							t.Fatal(err)
						}
						cfrags[i] = vcf.Bytes()
					} else {
						cb, err := o.Reencrypt(ctx, capb, kb, signer.pkb(), alice.pkb(), nil)
						if err != nil {
							t.Fatalf("oracle reencrypt with kfrag %d: %v", i, err)
						}
						cfrags[i] = cb
					}
					v, err := goCFrag(t, cfrags[i]).Verify(c, signer.pk, alice.pk, bob.pk)
					if err != nil {
						t.Fatalf("Go rejects cfrag %d: %v", i, err)
					}
					verified[i] = v
				}
				for _, set := range [][]int{{0, 1, 2}, {1, 3, 4}, {3, 0, 1}, {4, 1, 2, 3}} {
					var sub [][]byte
					var vsub []*reencrypt.VerifiedCapsuleFrag
					for _, i := range set {
						sub = append(sub, cfrags[i])
						vsub = append(vsub, verified[i])
					}
					got, err := reencrypt.DecryptReencrypted(bob.sk, alice.pk, c, vsub, ct)
					if err != nil || !bytes.Equal(got, pt) {
						t.Fatalf("capsule by %s: Go DecryptReencrypted with mixed cfrags %v = %x, %v", capsBy, set, got, err)
					}
					got, err = o.DecryptReencrypted(ctx, bob.skb(), alice.pkb(), capb, sub, signer.pkb(), ct)
					if err != nil || !bytes.Equal(got, pt) {
						t.Fatalf("capsule by %s: oracle decryptReencrypted with mixed cfrags %v = %x, %v", capsBy, set, got, err)
					}
				}
			}
		})
	}
}

// TestInteropSignFlags: all four combinations of signDelegating and
// signReceiving, kfrags made on each side and checked on the other with
// exactly the keys that were signed (a proxy's minimum), with all keys, and
// without a signed key (which both sides refuse the same way).
func TestInteropSignFlags(t *testing.T) {
	o, ctx := ioOracle(t)
	alice, bob, signer := ioGoParty(t, ctx, o), ioGoParty(t, ctx, o), ioOracleParty(t, ctx, o)
	pt := ioRandom(t, 32)
	c, ct, err := reencrypt.Encrypt(alice.pk, pt)
	if err != nil {
		t.Fatal(err)
	}
	capb := c.Bytes()
	for _, sd := range []bool{false, true} {
		for _, sr := range []bool{false, true} {
			t.Run(fmt.Sprintf("delegating=%v,receiving=%v", sd, sr), func(t *testing.T) {
				goV, err := reencrypt.GenerateKFrags(alice.sk, bob.pk, reencrypt.NewSigner(signer.sk), 2, 2, sd, sr)
				if err != nil {
					t.Fatal(err)
				}
				goKFrags := [][]byte{goV[0].Bytes(), goV[1].Bytes()}
				oKFrags, err := o.GenerateKFrags(ctx, oracle.KFragParams{
					DelegatingSK: alice.skb(), ReceivingPK: bob.pkb(), SignerSK: signer.skb(),
					Threshold: 2, Shares: 2, SignDelegating: sd, SignReceiving: sr,
				})
				if err != nil {
					t.Fatal(err)
				}
				// Go's kfrags in the oracle.
				for i, kb := range goKFrags {
					for _, keys := range [][2][]byte{{pkbOrNil(sd, alice), pkbOrNil(sr, bob)}, {alice.pkb(), bob.pkb()}} {
						back, err := o.VerifyKFrag(ctx, kb, signer.pkb(), keys[0], keys[1])
						if err != nil || !bytes.Equal(back, kb) {
							t.Fatalf("oracle verify of Go kfrag %d with pk_A=%x pk_B=%x: %v", i, keys[0], keys[1], err)
						}
					}
					if sd {
						if _, err := o.VerifyKFrag(ctx, kb, signer.pkb(), nil, bob.pkb()); !errors.Is(err, oracle.ErrRejected) {
							t.Fatalf("oracle accepts Go kfrag %d signed with pk_A without pk_A: %v", i, err)
						}
					}
					if sr {
						if _, err := o.VerifyKFrag(ctx, kb, signer.pkb(), alice.pkb(), nil); !errors.Is(err, oracle.ErrRejected) {
							t.Fatalf("oracle accepts Go kfrag %d signed with pk_B without pk_B: %v", i, err)
						}
					}
					if sd || sr { // a wrong signed key must fail
						other := ioGoParty(t, ctx, o)
						a, b := pkbOrNil(sd, alice), pkbOrNil(sr, bob)
						if sd {
							a = other.pkb()
						} else {
							b = other.pkb()
						}
						if _, err := o.VerifyKFrag(ctx, kb, signer.pkb(), a, b); !errors.Is(err, oracle.ErrRejected) {
							t.Fatalf("oracle accepts Go kfrag %d with a wrong signed key: %v", i, err)
						}
					}
				}
				// The oracle's kfrags in Go.
				for i, kb := range oKFrags {
					kf := goKFrag(t, kb)
					for _, keys := range [][2]*reencrypt.PublicKey{{pkOrNil(sd, alice), pkOrNil(sr, bob)}, {alice.pk, bob.pk}} {
						v, err := kf.Verify(signer.pk, keys[0], keys[1])
						if err != nil || !bytes.Equal(v.Bytes(), kb) {
							t.Fatalf("Go verify of oracle kfrag %d: %v", i, err)
						}
					}
					if sd {
						if _, err := kf.Verify(signer.pk, nil, bob.pk); !errors.Is(err, reencrypt.ErrKeyNotProvided) {
							t.Fatalf("Go verify of oracle kfrag %d signed with pk_A, without pk_A: %v, want ErrKeyNotProvided", i, err)
						}
					}
					if sr {
						if _, err := kf.Verify(signer.pk, alice.pk, nil); !errors.Is(err, reencrypt.ErrKeyNotProvided) {
							t.Fatalf("Go verify of oracle kfrag %d signed with pk_B, without pk_B: %v, want ErrKeyNotProvided", i, err)
						}
					}
					if sd || sr {
						other := ioGoParty(t, ctx, o)
						a, b := pkOrNil(sd, alice), pkOrNil(sr, bob)
						if sd {
							a = other.pk
						} else {
							b = other.pk
						}
						if _, err := kf.Verify(signer.pk, a, b); !errors.Is(err, reencrypt.ErrVerificationFailed) {
							t.Fatalf("Go verify of oracle kfrag %d with a wrong signed key: %v, want ErrVerificationFailed", i, err)
						}
					}
				}
				// End to end with a proxy that knows only the signed keys:
				// oracle re-encrypts Go's kfrags, Go re-encrypts the oracle's;
				// the receiver's cfrag signature always covers both keys.
				var vGo, vO []*reencrypt.VerifiedCapsuleFrag
				var bGo, bO [][]byte
				for i := range 2 {
					cb, err := o.Reencrypt(ctx, capb, goKFrags[i], signer.pkb(), pkbOrNil(sd, alice), pkbOrNil(sr, bob))
					if err != nil {
						t.Fatal(err)
					}
					v, err := goCFrag(t, cb).Verify(c, signer.pk, alice.pk, bob.pk)
					if err != nil {
						t.Fatalf("Go rejects the oracle's cfrag %d: %v", i, err)
					}
					vO, bO = append(vO, v), append(bO, cb)

					vkf, err := goKFrag(t, oKFrags[i]).Verify(signer.pk, pkOrNil(sd, alice), pkOrNil(sr, bob))
					if err != nil {
						t.Fatal(err)
					}
					vcf, err := reencrypt.Reencrypt(c, vkf)
					if err != nil {
						t.Fatal(err)
					}
					vGo, bGo = append(vGo, vcf), append(bGo, vcf.Bytes())
				}
				if got, err := reencrypt.DecryptReencrypted(bob.sk, alice.pk, c, vO, ct); err != nil || !bytes.Equal(got, pt) {
					t.Fatalf("Go decrypt with the oracle's cfrags: %x, %v", got, err)
				}
				if got, err := o.DecryptReencrypted(ctx, bob.skb(), alice.pkb(), capb, bGo, signer.pkb(), ct); err != nil || !bytes.Equal(got, pt) {
					t.Fatalf("oracle decrypt with Go's cfrags: %x, %v", got, err)
				}
				mixed := [][]byte{bGo[0], bO[1]} // different kfrag sets: must not combine
				if _, err := o.DecryptReencrypted(ctx, bob.skb(), alice.pkb(), capb, mixed, signer.pkb(), ct); !errors.Is(err, oracle.ErrRejected) {
					t.Fatalf("oracle combines cfrags of two kfrag sets: %v", err)
				}
				if _, err := reencrypt.DecryptReencrypted(bob.sk, alice.pk, c, []*reencrypt.VerifiedCapsuleFrag{vGo[0], vO[1]}, ct); !errors.Is(err, reencrypt.ErrMismatchedCapsuleFrags) {
					t.Fatalf("Go combines cfrags of two kfrag sets: %v, want ErrMismatchedCapsuleFrags", err)
				}
				if got, err := reencrypt.DecryptReencrypted(bob.sk, alice.pk, c, vGo, ct); err != nil || !bytes.Equal(got, pt) {
					t.Fatalf("Go decrypt with its cfrags: %x, %v", got, err)
				}
			})
		}
	}
}

// TestInteropReserialize: every object made on one side decodes on the other
// and re-encodes to the same bytes, including the simple forms the capsule
// and cfrag have in umbral-pre (the capsule's is the DEM's associated data).
func TestInteropReserialize(t *testing.T) {
	o, ctx := ioOracle(t)
	// Go → oracle.
	alice, bob, signer, c, vkf, vcf := ioObjects(t, ctx, o, false, true)
	sig := reencrypt.NewSigner(signer.sk).Sign([]byte("m")).Bytes()
	for _, tc := range []struct {
		kind oracle.Kind
		b    []byte
	}{
		{oracle.KindCapsule, c.Bytes()},
		{oracle.KindKeyFrag, vkf[0].Bytes()},
		{oracle.KindKeyFrag, vkf[0].Unverify().Bytes()},
		{oracle.KindCapsFrag, vcf.Bytes()},
		{oracle.KindCapsFrag, vcf.Unverify().Bytes()},
		{oracle.KindPublicKey, alice.pkb()},
		{oracle.KindSecretKey, alice.skb()},
		{oracle.KindSignature, sig},
	} {
		enc, simple, err := o.Reserialize(ctx, tc.kind, tc.b)
		if err != nil {
			t.Fatalf("oracle cannot decode Go's %s %x: %v", tc.kind, tc.b, err)
		}
		if !bytes.Equal(enc, tc.b) {
			t.Fatalf("oracle re-encodes Go's %s differently:\n in  %x\n out %x", tc.kind, tc.b, enc)
		}
		switch tc.kind {
		case oracle.KindCapsule:
			// E ‖ V ‖ s: the three bin payloads of the full form.
			want := append(append(append([]byte{}, tc.b[3:36]...), tc.b[38:71]...), tc.b[73:105]...)
			if !bytes.Equal(simple, want) {
				t.Fatalf("capsule simple form: oracle %x, from Go's bytes %x", simple, want)
			}
		case oracle.KindCapsFrag:
			if len(simple) != 359 {
				t.Fatalf("cfrag simple form is %d bytes", len(simple))
			}
		}
	}

	// Oracle → Go.
	capb, _, err := o.Encrypt(ctx, alice.pkb(), []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	goCapsule(t, capb)
	kfs, err := o.GenerateKFrags(ctx, oracle.KFragParams{
		DelegatingSK: alice.skb(), ReceivingPK: bob.pkb(), SignerSK: signer.skb(),
		Threshold: 2, Shares: 3, SignDelegating: false, SignReceiving: false,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, kb := range kfs {
		goKFrag(t, kb)
		cb, err := o.Reencrypt(ctx, capb, kb, signer.pkb(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		goCFrag(t, cb)
	}
	osig, err := o.Sign(ctx, signer.skb(), []byte("m"))
	if err != nil {
		t.Fatal(err)
	}
	if s, err := reencrypt.SignatureFromBytes(osig); err != nil || !bytes.Equal(s.Bytes(), osig) {
		t.Fatalf("Go re-encodes the oracle's signature %x: %v", osig, err)
	}
}

// TestInteropTampering: a cfrag altered in any field fails verification on
// both sides, and a cfrag verified against another capsule fails too; so
// the agreement above is not an artifact of verifiers that accept anything.
func TestInteropTampering(t *testing.T) {
	o, ctx := ioOracle(t)
	alice, bob, signer, c, _, vcf := ioObjects(t, ctx, o, true, true)
	other, _, err := reencrypt.Encrypt(alice.pk, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	cb := vcf.Bytes()
	if _, err := o.VerifyCFrag(ctx, other.Bytes(), cb, signer.pkb(), alice.pkb(), bob.pkb()); !errors.Is(err, oracle.ErrRejected) {
		t.Fatalf("oracle accepts a cfrag for another capsule: %v", err)
	}
	if _, err := goCFrag(t, cb).Verify(other, signer.pk, alice.pk, bob.pk); err == nil {
		t.Fatal("Go accepts a cfrag for another capsule")
	}
	// The last byte of each field's payload: e1, v1, id, precursor, e2, v2, u1, u2, z, signature.
	for _, off := range []int{35, 70, 104, 139, 175, 210, 245, 280, 314, 380} {
		bad := bytes.Clone(cb)
		bad[off] ^= 0x01
		_, goErr := reencrypt.CapsuleFragFromBytes(bad)
		if goErr == nil {
			cf, _ := reencrypt.CapsuleFragFromBytes(bad)
			_, goErr = cf.Verify(c, signer.pk, alice.pk, bob.pk)
		}
		_, oErr := o.VerifyCFrag(ctx, c.Bytes(), bad, signer.pkb(), alice.pkb(), bob.pkb())
		if goErr == nil || oErr == nil {
			t.Fatalf("cfrag with byte %d flipped: Go %v, oracle %v; both must reject", off, goErr, oErr)
		}
	}
}

// The vector file's schema lives with the oracle (oracle.VectorFile).
type (
	vectorFile = oracle.VectorFile
	vectorKey  = oracle.VectorKey
)

// TestStoredVectors checks testdata/vectors.json without node: Go derives
// the same keys from the seed, decodes every object and re-encodes it
// byte-identically, verifies the kfrags and cfrags, and decrypts the
// ciphertext both as the owner and as the receiver.
func TestStoredVectors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "vectors.json"))
	if err != nil {
		t.Fatalf("%v (regenerate with: go run ./reencrypt/internal/cmd/gen-vectors)", err)
	}
	var v vectorFile
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("testdata/vectors.json: %v", err)
	}
	if v.Version != 1 {
		t.Fatalf("testdata/vectors.json is version %d, this test reads version 1", v.Version)
	}
	if len(v.KFragSets) != 4 || len(v.Keys) == 0 || len(v.Secrets) == 0 || len(v.Factories) == 0 {
		t.Fatal("testdata/vectors.json is missing sections")
	}

	if !bytes.Equal(v.U, secp.UBytes) {
		t.Fatalf("second generator U: vector %x, pdx %x", v.U, secp.UBytes)
	}
	f, err := reencrypt.NewSecretKeyFactory(v.Seed)
	if err != nil {
		t.Fatal(err)
	}
	load := func(k vectorKey) (*reencrypt.SecretKey, *reencrypt.PublicKey) {
		t.Helper()
		sk := f.MakeKey([]byte(k.Label))
		if !bytes.Equal(sk.Bytes(), k.SK) {
			t.Fatalf("MakeKey(%q) = %x, vector %x", k.Label, sk.Bytes(), k.SK)
		}
		sk2, err := reencrypt.SecretKeyFromBytes(k.SK)
		if err != nil || !bytes.Equal(sk2.Bytes(), k.SK) {
			t.Fatalf("SecretKeyFromBytes(%x): %v", k.SK, err)
		}
		pk, err := reencrypt.PublicKeyFromBytes(k.PK)
		if err != nil {
			t.Fatalf("PublicKeyFromBytes(%x): %v", k.PK, err)
		}
		if !bytes.Equal(pk.Bytes(), k.PK) || !bytes.Equal(sk.PublicKey().Bytes(), k.PK) {
			t.Fatalf("public key of %q: Go %x, vector %x", k.Label, sk.PublicKey().Bytes(), k.PK)
		}
		return sk, pk
	}
	skA, pkA := load(v.Delegating)
	skB, pkB := load(v.Receiving)
	skS, vk := load(v.Signer)
	for _, k := range v.Keys {
		load(k)
	}
	for _, s := range v.Secrets {
		if got := f.MakeSecret([]byte(s.Label)); !bytes.Equal(got, s.Secret) {
			t.Errorf("MakeSecret(%q) = %x, vector %x", s.Label, got, s.Secret)
		}
	}
	for _, fc := range v.Factories {
		if got := f.MakeFactory([]byte(fc.Label)).MakeKey([]byte(fc.KeyLabel)).Bytes(); !bytes.Equal(got, fc.SK) {
			t.Errorf("MakeFactory(%q).MakeKey(%q) = %x, vector %x", fc.Label, fc.KeyLabel, got, fc.SK)
		}
	}
	if !reencrypt.NewSigner(skS).VerifyingKey().Equal(vk) {
		t.Fatal("signer's verifying key differs from the vector")
	}

	sig, err := reencrypt.SignatureFromBytes(v.Signature.Sig)
	if err != nil || !bytes.Equal(sig.Bytes(), v.Signature.Sig) {
		t.Fatalf("signature %x: %v", v.Signature.Sig, err)
	}
	if !sig.Verify(vk, v.Signature.Message) {
		t.Fatal("the vector signature does not verify")
	}
	if sig.Verify(pkA, v.Signature.Message) {
		t.Fatal("the vector signature verifies under the wrong key")
	}

	c := goCapsule(t, v.Capsule)
	if want := append(append(append([]byte{}, v.Capsule[3:36]...), v.Capsule[38:71]...), v.Capsule[73:105]...); !bytes.Equal(want, v.Simple) {
		t.Fatalf("capsule simple form %x, vector %x", want, v.Simple)
	}
	pt, err := reencrypt.DecryptOriginal(skA, c, v.Ciphertext)
	if err != nil || !bytes.Equal(pt, v.Plaintext) {
		t.Fatalf("DecryptOriginal = %x, %v; want %x", pt, err, v.Plaintext)
	}
	if _, err := reencrypt.DecryptOriginal(skB, c, v.Ciphertext); !errors.Is(err, reencrypt.ErrDecryptionFailed) {
		t.Fatalf("DecryptOriginal with the receiver's key: %v, want ErrDecryptionFailed", err)
	}

	for _, set := range v.KFragSets {
		name := fmt.Sprintf("%d-of-%d,delegating=%v,receiving=%v", set.Threshold, set.Shares, set.SignDelegating, set.SignReceiving)
		t.Run(name, func(t *testing.T) {
			if len(set.KFrags) != set.Shares || len(set.CFrags) != set.Shares {
				t.Fatalf("%d kfrags and %d cfrags for %d shares", len(set.KFrags), len(set.CFrags), set.Shares)
			}
			a, b := pkA, pkB
			if !set.SignDelegating {
				a = nil
			}
			if !set.SignReceiving {
				b = nil
			}
			var verified []*reencrypt.VerifiedCapsuleFrag
			for i := range set.KFrags {
				kf := goKFrag(t, set.KFrags[i])
				if _, err := kf.Verify(vk, a, b); err != nil {
					t.Fatalf("kfrag %d with the signed keys only: %v", i, err)
				}
				if _, err := kf.Verify(vk, pkA, pkB); err != nil {
					t.Fatalf("kfrag %d with both keys: %v", i, err)
				}
				if _, err := kf.Verify(pkA, pkA, pkB); !errors.Is(err, reencrypt.ErrVerificationFailed) {
					t.Fatalf("kfrag %d under the wrong verifying key: %v, want ErrVerificationFailed", i, err)
				}
				cf := goCFrag(t, set.CFrags[i])
				vcf, err := cf.Verify(c, vk, pkA, pkB)
				if err != nil {
					t.Fatalf("cfrag %d: %v", i, err)
				}
				if !bytes.Equal(cf.KFragID(), kf.ID()) {
					t.Fatalf("cfrag %d names kfrag %x, vector kfrag is %x", i, cf.KFragID(), kf.ID())
				}
				if _, err := cf.Verify(c, vk, pkA, vk); !errors.Is(err, reencrypt.ErrVerificationFailed) {
					t.Fatalf("cfrag %d for the wrong receiver: %v, want ErrVerificationFailed", i, err)
				}
				verified = append(verified, vcf)
			}
			for lo := 0; lo+set.Threshold <= len(verified); lo++ {
				got, err := reencrypt.DecryptReencrypted(skB, pkA, c, verified[lo:lo+set.Threshold], v.Ciphertext)
				if err != nil || !bytes.Equal(got, v.Plaintext) {
					t.Fatalf("DecryptReencrypted with cfrags %d..%d = %x, %v; want %x", lo, lo+set.Threshold-1, got, err, v.Plaintext)
				}
			}
			got, err := reencrypt.DecryptReencrypted(skB, pkA, c, verified, v.Ciphertext)
			if err != nil || !bytes.Equal(got, v.Plaintext) {
				t.Fatalf("DecryptReencrypted with all cfrags = %x, %v", got, err)
			}
		})
	}
}

// TestInteropDecodeAgreement feeds both decoders the same malformed
// encodings (every byte of a capsule, kfrag and cfrag flipped, truncations,
// a trailing byte, other MessagePack headers) and requires that Go accepts
// nothing the oracle rejects, and that whatever both accept re-encodes to
// the same bytes on both sides. Go may be stricter; each such case is logged.
func TestInteropDecodeAgreement(t *testing.T) {
	o, ctx := ioOracle(t)
	_, _, _, c, vkf, vcf := ioObjects(t, ctx, o, true, false)
	type codec struct {
		kind   oracle.Kind
		good   []byte
		decode func([]byte) ([]byte, error)
	}
	codecs := []codec{
		{oracle.KindCapsule, c.Bytes(), func(b []byte) ([]byte, error) {
			x, err := reencrypt.CapsuleFromBytes(b)
			if err != nil {
				return nil, err
			}
			return x.Bytes(), nil
		}},
		{oracle.KindKeyFrag, vkf[0].Bytes(), func(b []byte) ([]byte, error) {
			x, err := reencrypt.KeyFragFromBytes(b)
			if err != nil {
				return nil, err
			}
			return x.Bytes(), nil
		}},
		{oracle.KindCapsFrag, vcf.Bytes(), func(b []byte) ([]byte, error) {
			x, err := reencrypt.CapsuleFragFromBytes(b)
			if err != nil {
				return nil, err
			}
			return x.Bytes(), nil
		}},
	}
	for _, cd := range codecs {
		var inputs [][]byte
		for i := range cd.good {
			for _, mask := range []byte{0x01, 0x80} {
				b := bytes.Clone(cd.good)
				b[i] ^= mask
				inputs = append(inputs, b)
			}
		}
		for _, n := range []int{0, 1, 2, 3, len(cd.good) / 2, len(cd.good) - 1} {
			inputs = append(inputs, bytes.Clone(cd.good[:n]))
		}
		inputs = append(inputs, append(bytes.Clone(cd.good), 0))
		// A bin8 header rewritten as bin16 (c5 00 len): same payload,
		// non-canonical length encoding.
		bin16 := append([]byte{cd.good[0], 0xc5, 0x00}, cd.good[2:]...)
		inputs = append(inputs, bin16)
		// The outer fixarray as array16 (dc 00 n).
		inputs = append(inputs, append([]byte{0xdc, 0x00, cd.good[0] & 0x0f}, cd.good[1:]...))

		stricter := map[string]int{} // Go's reason → count
		for _, in := range inputs {
			goOut, goErr := cd.decode(in)
			oOut, _, oErr := o.Reserialize(ctx, cd.kind, in)
			if oErr != nil && !errors.Is(oErr, oracle.ErrRejected) {
				t.Fatal(oErr)
			}
			switch {
			case goErr == nil && oErr != nil:
				t.Errorf("%s: Go accepts what the oracle rejects (%v):\n%x", cd.kind, oErr, in)
			case goErr != nil && oErr == nil:
				stricter[goErr.Error()]++
			case goErr == nil && !bytes.Equal(goOut, oOut):
				t.Errorf("%s: re-encodings differ:\n in     %x\n Go     %x\n oracle %x", cd.kind, in, goOut, oOut)
			}
		}
		for reason, n := range stricter {
			t.Logf("%s: Go rejects %d inputs the oracle accepts: %s", cd.kind, n, reason)
		}
		t.Logf("%s: %d inputs compared", cd.kind, len(inputs))
	}
}

// ioObjects makes one of each object Go encodes — a capsule to alice, a
// 1-of-1 kfrag from alice to a fresh bob signed by signer (with the given
// signing flags), and its cfrag — for the decoding tests.
func ioObjects(t *testing.T, ctx context.Context, o *oracle.Oracle, signDelegating, signReceiving bool) (
	alice, bob, signer ioParty, c *reencrypt.Capsule, vkf []*reencrypt.VerifiedKeyFrag, vcf *reencrypt.VerifiedCapsuleFrag) {
	t.Helper()
	alice, bob, signer = ioGoParty(t, ctx, o), ioGoParty(t, ctx, o), ioGoParty(t, ctx, o)
	c, _, err := reencrypt.Encrypt(alice.pk, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	vkf, err = reencrypt.GenerateKFrags(alice.sk, bob.pk, reencrypt.NewSigner(signer.sk), 1, 1, signDelegating, signReceiving)
	if err != nil {
		t.Fatal(err)
	}
	vcf, err = reencrypt.Reencrypt(c, vkf[0])
	if err != nil {
		t.Fatal(err)
	}
	return alice, bob, signer, c, vkf, vcf
}
