package envelope

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
)

// cfragsFor re-encrypts capsule with threshold-of-3 kfrags from delegating
// to receiving and returns threshold verified cfrags, as a grant's proxies
// would.
func cfragsFor(t *testing.T, capsule *reencrypt.Capsule, delegating, receiving *reencrypt.SecretKey) []*reencrypt.VerifiedCapsuleFrag {
	t.Helper()
	signer := reencrypt.NewSigner(datasetKey(t))
	kfrags, err := reencrypt.GenerateKFrags(delegating, receiving.PublicKey(), signer, 2, 3, true, true)
	if err != nil {
		t.Fatal(err)
	}
	var out []*reencrypt.VerifiedCapsuleFrag
	for _, kf := range kfrags[:2] {
		v, err := reencrypt.Reencrypt(capsule, kf)
		if err != nil {
			t.Fatal(err)
		}
		cf, err := reencrypt.CapsuleFragFromBytes(v.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		vv, err := cf.Verify(capsule, signer.VerifyingKey(), delegating.PublicKey(), receiving.PublicKey())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, vv)
	}
	return out
}

// rewrapOf wraps key under newKey the way a rotation's rewrap manifest does.
func rewrapOf(t *testing.T, key FileKey, newKey *reencrypt.SecretKey) Wrap {
	t.Helper()
	c, wrapped, err := reencrypt.Encrypt(newKey.PublicKey(), key[:])
	if err != nil {
		t.Fatal(err)
	}
	return Wrap{Capsule: c, WrappedKey: wrapped}
}

// TestIdentities opens one envelope with each of the three identities pdx
// has (owner, grantee, rewrap through a grantee or the new owner key), and
// refuses each with a wrong key with ErrKeyUnwrap.
func TestIdentities(t *testing.T) {
	sk, brand, newSK := datasetKey(t), datasetKey(t), datasetKey(t)
	pt := plaintext(14, 2*DefaultChunkSize+14)
	s := seal(t, sk, pt, 0, 0)
	h := s.header
	own, err := h.Wrap()
	if err != nil {
		t.Fatal(err)
	}
	rw := rewrapOf(t, s.key, newSK)

	opens := map[string]Identity{
		"owner":   OwnerIdentity{DatasetKey: sk},
		"grantee": GranteeIdentity{Receiving: brand, Delegating: sk.PublicKey(), CFrags: cfragsFor(t, own.Capsule, sk, brand)},
		"rewrap via grantee": RewrapIdentity{Wrap: rw,
			Via: GranteeIdentity{Receiving: brand, Delegating: newSK.PublicKey(), CFrags: cfragsFor(t, rw.Capsule, newSK, brand)}},
		"rewrap via owner": RewrapIdentity{Wrap: rw, Via: OwnerIdentity{DatasetKey: newSK}},
	}
	for name, id := range opens {
		key, err := h.FileKey(id)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if key != s.key {
			t.Fatalf("%s recovered another file key", name)
		}
		if got, err := openAll(s.env, key); err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("%s: open: %v", name, err)
		}
	}

	other := datasetKey(t)
	refused := map[string]Identity{
		"owner with another key": OwnerIdentity{DatasetKey: other},
		"grantee with another receiving key": GranteeIdentity{Receiving: other, Delegating: sk.PublicKey(),
			CFrags: cfragsFor(t, own.Capsule, sk, brand)},
		"grantee with cfrags of the rewrap's capsule": GranteeIdentity{Receiving: brand, Delegating: newSK.PublicKey(),
			CFrags: cfragsFor(t, rw.Capsule, newSK, brand)},
		"rewrap opened with the old key":     RewrapIdentity{Wrap: rw, Via: OwnerIdentity{DatasetKey: sk}},
		"rewrap via another receiving key":   RewrapIdentity{Wrap: rw, Via: GranteeIdentity{Receiving: other, Delegating: newSK.PublicKey(), CFrags: cfragsFor(t, rw.Capsule, newSK, brand)}},
		"rewrap with cfrags of the header's": RewrapIdentity{Wrap: rw, Via: GranteeIdentity{Receiving: brand, Delegating: sk.PublicKey(), CFrags: cfragsFor(t, own.Capsule, sk, brand)}},
	}
	for name, id := range refused {
		if _, err := h.FileKey(id); !errors.Is(err, ErrKeyUnwrap) {
			t.Fatalf("%s: %v, want ErrKeyUnwrap", name, err)
		}
	}

	// A rewrap of another envelope's file key unwraps, and the header MAC
	// refuses it.
	s2 := seal(t, sk, pt, 0, 0)
	if _, err := h.FileKey(RewrapIdentity{Wrap: rewrapOf(t, s2.key, newSK), Via: OwnerIdentity{DatasetKey: newSK}}); !errors.Is(err, ErrAuthentication) {
		t.Fatalf("rewrap of another envelope's key: %v, want ErrAuthentication", err)
	}

	// Missing parts are the caller's mistake, not a wrong key.
	for name, id := range map[string]Identity{
		"nil identity":          nil,
		"owner without key":     OwnerIdentity{},
		"grantee without keys":  GranteeIdentity{},
		"rewrap without Via":    RewrapIdentity{Wrap: rw},
		"rewrap without a wrap": RewrapIdentity{Via: OwnerIdentity{DatasetKey: newSK}},
	} {
		if _, err := h.FileKey(id); !errors.Is(err, ErrInvalidArgument) {
			t.Fatalf("%s: %v, want ErrInvalidArgument", name, err)
		}
	}
	if _, err := h.FileKey(); !errors.Is(err, ErrKeyUnwrap) {
		t.Fatalf("no identity: %v, want ErrKeyUnwrap", err)
	}
}

// tried records that it was asked, then defers to id.
type tried struct {
	id    Identity
	name  string
	calls *[]string
}

func (c tried) Unwrap(h *Header, w Wrap) ([]byte, error) {
	*c.calls = append(*c.calls, c.name)
	return c.id.Unwrap(h, w)
}

// TestIdentitiesInOrder: FileKey tries its identities in order, stops at the
// first that opens the envelope, and when none does reports the last one's
// failure.
func TestIdentitiesInOrder(t *testing.T) {
	sk, old1, old2 := datasetKey(t), datasetKey(t), datasetKey(t)
	s := seal(t, sk, plaintext(15, 1000), 0, 0)
	var calls []string
	id := func(name string, k *reencrypt.SecretKey) Identity {
		return tried{id: OwnerIdentity{DatasetKey: k}, name: name, calls: &calls}
	}

	key, err := s.header.FileKey(id("old1", old1), id("current", sk), id("old2", old2))
	if err != nil || key != s.key {
		t.Fatalf("FileKey = %v", err)
	}
	if want := []string{"old1", "current"}; !slices.Equal(calls, want) {
		t.Fatalf("tried %v, want %v", calls, want)
	}

	calls = nil
	if _, err := s.header.FileKey(id("current", sk), id("old1", old1)); err != nil {
		t.Fatal(err)
	}
	if want := []string{"current"}; !slices.Equal(calls, want) {
		t.Fatalf("tried %v, want %v (the first that opens ends the search)", calls, want)
	}

	calls = nil
	_, err = s.header.FileKey(id("old1", old1), nil, id("old2", old2))
	if !errors.Is(err, ErrKeyUnwrap) || !errors.Is(err, reencrypt.ErrDecryptionFailed) {
		t.Fatalf("no identity opens: %v, want ErrKeyUnwrap", err)
	}
	if want := []string{"old1", "old2"}; !slices.Equal(calls, want) {
		t.Fatalf("tried %v, want %v", calls, want)
	}
}
