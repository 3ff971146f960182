package reencrypt_test

// Benchmarks of each Umbral operation, with the inputs of
// `make bench-reencrypt` (which also times the npm reference in the same
// run): a 32-byte plaintext (pdx wraps only a file key), kfrags 2-of-3 signed
// for both keys, kfrag and cfrag verification from bytes (as a proxy and a
// receiver get them), decryption from two cfrags. Run with
//
//	go test -run '^$' -bench . ./reencrypt/

import (
	"crypto/rand"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/internal/secp"
)

// benchFixture is one delegation with everything each benchmark consumes.
type benchFixture struct {
	alice, bob *reencrypt.SecretKey
	signer     *reencrypt.Signer
	pt, ct     []byte
	capsule    *reencrypt.Capsule
	kfrags     []*reencrypt.VerifiedKeyFrag
	cfrags     []*reencrypt.VerifiedCapsuleFrag
}

func newBenchFixture(b *testing.B) *benchFixture {
	b.Helper()
	var f benchFixture
	var err error
	keys := make([]*reencrypt.SecretKey, 3)
	for i := range keys {
		if keys[i], err = reencrypt.GenerateSecretKey(); err != nil {
			b.Fatal(err)
		}
	}
	f.alice, f.bob, f.signer = keys[0], keys[1], reencrypt.NewSigner(keys[2])
	f.pt = make([]byte, 32)
	if _, err := rand.Read(f.pt); err != nil {
		b.Fatal(err)
	}
	if f.capsule, f.ct, err = reencrypt.Encrypt(f.alice.PublicKey(), f.pt); err != nil {
		b.Fatal(err)
	}
	if f.kfrags, err = reencrypt.GenerateKFrags(f.alice, f.bob.PublicKey(), f.signer, 2, 3, true, true); err != nil {
		b.Fatal(err)
	}
	for _, kf := range f.kfrags[:2] {
		cf, err := reencrypt.Reencrypt(f.capsule, kf)
		if err != nil {
			b.Fatal(err)
		}
		f.cfrags = append(f.cfrags, cf)
	}
	return &f
}

func BenchmarkEncrypt(b *testing.B) {
	f := newBenchFixture(b)
	pk := f.alice.PublicKey()
	for b.Loop() {
		if _, _, err := reencrypt.Encrypt(pk, f.pt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenerateKFrags(b *testing.B) {
	f := newBenchFixture(b)
	pkB := f.bob.PublicKey()
	for b.Loop() {
		if _, err := reencrypt.GenerateKFrags(f.alice, pkB, f.signer, 2, 3, true, true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyKFrag(b *testing.B) {
	f := newBenchFixture(b)
	kb := f.kfrags[0].Bytes()
	vk, pkA, pkB := f.signer.VerifyingKey(), f.alice.PublicKey(), f.bob.PublicKey()
	for b.Loop() {
		kf, err := reencrypt.KeyFragFromBytes(kb)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := kf.Verify(vk, pkA, pkB); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReencrypt(b *testing.B) {
	f := newBenchFixture(b)
	for b.Loop() {
		if _, err := reencrypt.Reencrypt(f.capsule, f.kfrags[0]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyCFrag(b *testing.B) {
	f := newBenchFixture(b)
	cb := f.cfrags[0].Bytes()
	vk, pkA, pkB := f.signer.VerifyingKey(), f.alice.PublicKey(), f.bob.PublicKey()
	for b.Loop() {
		cf, err := reencrypt.CapsuleFragFromBytes(cb)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := cf.Verify(f.capsule, vk, pkA, pkB); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecryptReencrypted(b *testing.B) {
	f := newBenchFixture(b)
	pkA := f.alice.PublicKey()
	for b.Loop() {
		if _, err := reencrypt.DecryptReencrypted(f.bob, pkA, f.capsule, f.cfrags, f.ct); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScalarMult is the unit the operations above are made of: one
// constant-time multiplication of a variable point by a secret scalar.
func BenchmarkScalarMult(b *testing.B) {
	k, err := secp.RandomNonZeroScalar(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	p := secp.U()
	var r secp.Point
	for b.Loop() {
		r.Mul(k, p)
	}
}
