package service

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// TestRotate: after a rotation the live grant is re-bundled for the new key
// automatically, the grantee reads a version put afterwards and still reads
// the version put before (through the rotation's rewrap manifest), and
// kfrags of the old key cannot open the new version.
func TestRotate(t *testing.T) {
	w := newWorld(t)
	ds, c1 := w.put([]byte("version one, under the first key"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(24 * time.Hour), Purpose: "analytics", Threshold: 2}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if _, err := w.get(c1); err != nil {
		t.Fatal(err)
	}

	newKey, _ := reencrypt.GenerateSecretKey()
	res, err := w.owner.Rotate(w.ctx, ds, newKey, []*reencrypt.SecretKey{w.dsKey})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Regrants) != 1 || res.Regrants[0].Grantee != w.brand.Address() {
		t.Fatalf("re-grants after rotation: %+v", res.Regrants)
	}
	w.sync()
	info, err := w.owner.cfg.Chain.DatasetInfo(w.ctx, ds)
	if err != nil || !bytes.Equal(info.DelegatingKey, newKey.PublicKey().Bytes()) {
		t.Fatalf("the chain does not hold the new key: %v", err)
	}

	// The version put before the rotation still opens for the live
	// grantee, with the kfrags of the new key.
	if got, err := w.get(c1); err != nil || string(got) != "version one, under the first key" {
		t.Fatalf("the live grantee lost the version put before the rotation: %q, %v", got, err)
	}

	data2 := []byte("version two, after the rotation")
	put, err := w.owner.Put(w.ctx, ds, newKey, bytes.NewReader(data2), "v2")
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := cid.Decode(put.CID)
	got, err := w.get(c2)
	if err != nil || !bytes.Equal(got, data2) {
		t.Fatalf("the re-granted brand cannot read the new version: %v", err)
	}

	// The owner still reads both versions with its keys, newest first.
	for c, want := range map[cid.Cid]string{c1: "version one, under the first key", c2: string(data2)} {
		var buf bytes.Buffer
		if _, err := w.owner.GetOwn(w.ctx, c, []*reencrypt.SecretKey{newKey, w.dsKey}, &buf); err != nil || buf.String() != want {
			t.Fatalf("owner's get of %s: %v", c, err)
		}
	}
	if _, err := w.brand.GetOwn(w.ctx, c2, []*reencrypt.SecretKey{newKey}, io.Discard); !errors.Is(err, ErrNotOwner) {
		t.Fatalf("GetOwn by a non-owner: %v, want ErrNotOwner", err)
	}

	// The old kfrags (a delegation from the first key to the brand) re-encrypt
	// the new capsule, but the result opens nothing.
	old, err := reencrypt.GenerateKFrags(w.dsKey, w.brand.cfg.Receiving.PublicKey(), w.owner.cfg.Signer, 2, 3, true, true)
	if err != nil {
		t.Fatal(err)
	}
	h, err := envstore.Open(w.ctx, w.ownerFS, c2)
	if err != nil {
		t.Fatal(err)
	}
	capsule, err := h.UmbralCapsule()
	if err != nil {
		t.Fatal(err)
	}
	var cfrags []*reencrypt.VerifiedCapsuleFrag
	for _, kf := range old[:2] {
		cf, err := reencrypt.Reencrypt(capsule, kf)
		if err != nil {
			t.Fatal(err)
		}
		cfrags = append(cfrags, cf)
	}
	_, err = h.FileKeyForGrantee(w.brand.cfg.Receiving, w.dsKey.PublicKey(), cfrags)
	if !errors.Is(err, envelope.ErrKeyUnwrap) {
		t.Fatalf("old kfrags on the new version: %v, want ErrKeyUnwrap", err)
	}
}
