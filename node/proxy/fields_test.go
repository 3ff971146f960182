package proxy

import (
	"encoding/hex"
	"errors"
	"testing"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt"
)

// TestFieldRequests: a field grant's kfrags are kept only when each
// verifies against its own field's key, and a request is answered only
// with the kfrag of the field it names: a field the grant does not cover,
// no field under a field grant, or a field under a grant of the whole
// dataset is refused.
func TestFieldRequests(t *testing.T) {
	signerSK, _ := reencrypt.GenerateSecretKey()
	signer := reencrypt.NewSigner(signerSK)
	bob, _ := reencrypt.GenerateSecretKey()
	age, _ := reencrypt.GenerateSecretKey()
	city, _ := reencrypt.GenerateSecretKey()
	kf := func(k *reencrypt.SecretKey) string {
		kfs, err := reencrypt.GenerateKFrags(k, bob.PublicKey(), signer, 1, 1, true, true)
		if err != nil {
			t.Fatal(err)
		}
		return hex.EncodeToString(kfs[0].Bytes())
	}
	pub := func(k *reencrypt.SecretKey) string { return hex.EncodeToString(k.PublicKey().Bytes()) }
	fields := []fieldKFrag{{Name: "age", Key: pub(age), KFrag: kf(age)}, {Name: "city", Key: pub(city), KFrag: kf(city)}}
	h, err := verifyFields(fields, signer.VerifyingKey(), bob.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	// A kfrag of city's key stored as age's: refused before it is kept.
	swapped := []fieldKFrag{{Name: "age", Key: pub(age), KFrag: kf(city)}}
	if _, err := verifyFields(swapped, signer.VerifyingKey(), bob.PublicKey()); err == nil {
		t.Fatal("a kfrag of another field's key was kept")
	}
	if k, err := h.forField("age", 7); err != nil || k == nil {
		t.Fatalf("age: %v", err)
	}
	for _, tc := range []struct {
		field string
		want  *proxyapi.Error
	}{{"email", proxyapi.ErrNotGranted}, {"", proxyapi.ErrNotGranted}} {
		if _, err := h.forField(tc.field, 7); !errors.Is(err, tc.want) {
			t.Errorf("field %q: %v, want %v", tc.field, err, tc.want)
		}
	}
	whole := &held{}
	if _, err := whole.forField("age", 7); err == nil {
		t.Error("a grant of the whole dataset answered a field request")
	}
}
