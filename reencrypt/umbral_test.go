package reencrypt_test

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
)

func mustKey(t testing.TB) *reencrypt.SecretKey {
	t.Helper()
	sk, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	return sk
}

// delegation is one owner → brand delegation with its kfrags.
type delegation struct {
	alice, bob *reencrypt.SecretKey
	signer     *reencrypt.Signer
	kfrags     []*reencrypt.VerifiedKeyFrag
	capsule    *reencrypt.Capsule
	ct, pt     []byte
}

func newDelegation(t testing.TB, threshold, shares int) *delegation {
	t.Helper()
	d := &delegation{alice: mustKey(t), bob: mustKey(t), pt: []byte("the data of alice, for bob to read")}
	d.signer = reencrypt.NewSigner(mustKey(t))
	var err error
	if d.capsule, d.ct, err = reencrypt.Encrypt(d.alice.PublicKey(), d.pt); err != nil {
		t.Fatal(err)
	}
	if d.kfrags, err = reencrypt.GenerateKFrags(d.alice, d.bob.PublicKey(), d.signer, threshold, shares, true, true); err != nil {
		t.Fatal(err)
	}
	return d
}

// cfrags re-encrypts with the kfrags at idx and verifies the results from
// their bytes, as a brand receives them.
func (d *delegation) cfrags(t testing.TB, idx ...int) []*reencrypt.VerifiedCapsuleFrag {
	t.Helper()
	var out []*reencrypt.VerifiedCapsuleFrag
	for _, i := range idx {
		v, err := reencrypt.Reencrypt(d.capsule, d.kfrags[i])
		if err != nil {
			t.Fatal(err)
		}
		cf, err := reencrypt.CapsuleFragFromBytes(v.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		vv, err := cf.Verify(d.capsule, d.signer.VerifyingKey(), d.alice.PublicKey(), d.bob.PublicKey())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, vv)
	}
	return out
}

func TestEncryptDecryptOriginal(t *testing.T) {
	sk := mustKey(t)
	for _, n := range []int{0, 1, 32, 1000} {
		pt := make([]byte, n)
		rand.Read(pt)
		c, ct, err := reencrypt.Encrypt(sk.PublicKey(), pt)
		if err != nil {
			t.Fatal(err)
		}
		if len(ct) != n+reencrypt.DEMOverhead {
			t.Fatalf("ciphertext %d bytes for %d of plaintext", len(ct), n)
		}
		c2, err := reencrypt.CapsuleFromBytes(c.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		got, err := reencrypt.DecryptOriginal(sk, c2, ct)
		if err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("decrypt: %v", err)
		}
		if _, err := reencrypt.DecryptOriginal(mustKey(t), c2, ct); !errors.Is(err, reencrypt.ErrDecryptionFailed) {
			t.Fatalf("wrong key: got %v, want ErrDecryptionFailed", err)
		}
	}
}

func TestThresholds(t *testing.T) {
	for _, tc := range []struct{ t, n int }{{1, 1}, {1, 3}, {2, 3}, {3, 3}, {3, 5}, {5, 10}} {
		t.Run(fmt.Sprintf("%d-of-%d", tc.t, tc.n), func(t *testing.T) {
			d := newDelegation(t, tc.t, tc.n)
			for _, kf := range d.kfrags {
				parsed, err := reencrypt.KeyFragFromBytes(kf.Bytes())
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(parsed.Bytes(), kf.Bytes()) {
					t.Fatal("kfrag does not re-encode to the same bytes")
				}
				if _, err := parsed.Verify(d.signer.VerifyingKey(), d.alice.PublicKey(), d.bob.PublicKey()); err != nil {
					t.Fatal(err)
				}
			}
			// The last t kfrags open it.
			idx := make([]int, 0, tc.t)
			for i := tc.n - tc.t; i < tc.n; i++ {
				idx = append(idx, i)
			}
			got, err := reencrypt.DecryptReencrypted(d.bob, d.alice.PublicKey(), d.capsule, d.cfrags(t, idx...), d.ct)
			if err != nil || !bytes.Equal(got, d.pt) {
				t.Fatalf("decrypt reencrypted: %v", err)
			}
			if tc.t > 1 {
				_, err := reencrypt.DecryptReencrypted(d.bob, d.alice.PublicKey(), d.capsule, d.cfrags(t, idx[1:]...), d.ct)
				if !errors.Is(err, reencrypt.ErrNotEnoughCapsuleFrags) {
					t.Fatalf("t-1 cfrags: got %v, want ErrNotEnoughCapsuleFrags", err)
				}
			}
		})
	}
}
