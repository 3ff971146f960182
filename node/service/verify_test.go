package service

import (
	"bytes"
	"crypto/rand"
	"errors"
	"testing"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// TestGetFingerprintLazyAndVerified: a get that does not hash the plaintext
// (the default) still refuses a version whose envelope is not the one the
// chain's fingerprint names — here an envelope registered with another
// fingerprint than the one it carries — for the owner and for a grantee,
// before the final chunk's data is released; with Verify the plaintext is
// hashed as well, and a good version reads the same either way and says
// whether it was verified.
func TestGetFingerprintLazyAndVerified(t *testing.T) {
	w := newWorld(t)
	data := make([]byte, 300<<10)
	rand.Read(data)
	ds, good := w.put(data)

	// The same data sealed again, registered under a fingerprint that is
	// not the one the envelope carries.
	res, err := envstore.Put(w.ctx, w.owner.cfg.Store, bytes.NewReader(data), envelope.WriterConfig{
		DatasetID: acl.DatasetID32(ds), Owner: w.owner.Address(), DatasetKey: w.dsKey.PublicKey(),
	}, "test")
	if err != nil {
		t.Fatal(err)
	}
	wrong := res.Commitment
	wrong[0] ^= 1
	if _, _, err := w.owner.cfg.Chain.AddCID(w.ctx, ds, res.CID.Bytes(), wrong); err != nil {
		t.Fatal(err)
	}
	bad := res.CID
	if _, err := w.owner.Grant(w.ctx, GrantRequest{
		Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(24 * time.Hour), Purpose: "verify test", Threshold: 2,
	}); err != nil {
		t.Fatal(err)
	}
	w.sync()

	ring := &keyring{dataset: ds, keys: []*reencrypt.SecretKey{w.dsKey}}
	read := func(s *Service, c cid.Cid, verify bool) ([]byte, *GetResult, error) {
		var buf bytes.Buffer
		k := Keyring(ring)
		if s == w.brand {
			k = nil
		}
		res, err := s.ReadWith(w.ctx, c, ReadOptions{Verify: verify}, k, &buf)
		return buf.Bytes(), res, err
	}
	for _, who := range []struct {
		name string
		s    *Service
	}{{"owner", w.owner}, {"brand", w.brand}} {
		for _, verify := range []bool{false, true} {
			got, res, err := read(who.s, good, verify)
			if err != nil || !bytes.Equal(got, data) || res.Verified != verify {
				t.Fatalf("%s's read (verify %v) of a good version: %v, equal %v, %+v", who.name, verify, err, bytes.Equal(got, data), res)
			}
			got, _, err = read(who.s, bad, verify)
			if !errors.Is(err, ErrFingerprint) {
				t.Fatalf("%s's read (verify %v) of a version registered with another fingerprint: %v, want ErrFingerprint", who.name, verify, err)
			}
			if len(got) >= len(data) {
				t.Fatalf("%s's read (verify %v) of a version registered with another fingerprint released all %d bytes", who.name, verify, len(got))
			}
		}
	}
}
