package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/rewrap"
)

// epochRing is an owner's keyring whose field keys change with every
// rotation, as the home's do (they derive from the dataset's salt): keys
// and factories current first.
type epochRing struct {
	dataset uint64
	keys    []*reencrypt.SecretKey
	fs      []*reencrypt.SecretKeyFactory
}

func (r *epochRing) rotate(t *testing.T) *reencrypt.SecretKey {
	seed := make([]byte, 32)
	rand.Read(seed)
	f, err := reencrypt.NewSecretKeyFactory(seed)
	if err != nil {
		t.Fatal(err)
	}
	k, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	r.keys = append([]*reencrypt.SecretKey{k}, r.keys...)
	r.fs = append([]*reencrypt.SecretKeyFactory{f}, r.fs...)
	return k
}

func (r *epochRing) DatasetKeys(_ context.Context, dataset uint64) ([]*reencrypt.SecretKey, error) {
	if dataset != r.dataset {
		return nil, nil
	}
	return r.keys, nil
}

func (r *epochRing) FieldKeys(_ context.Context, dataset uint64, name string) ([]*reencrypt.SecretKey, error) {
	if dataset != r.dataset {
		return nil, nil
	}
	var out []*reencrypt.SecretKey
	for _, f := range r.fs {
		out = append(out, f.MakeKey([]byte("field/"+name)))
	}
	return out, nil
}

func (r *epochRing) put(t *testing.T, w *world, doc string) cid.Cid {
	t.Helper()
	res, err := w.owner.PutFields(w.ctx, PutFieldsRequest{Dataset: r.dataset, Format: fieldsplit.JSON, Doc: []byte(doc), PinName: "test",
		Key: func(name string) (*reencrypt.SecretKey, error) { return r.fs[0].MakeKey([]byte("field/" + name)), nil }})
	if err != nil {
		t.Fatal(err)
	}
	c, err := cid.Decode(res.CID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRotationFieldGrantOldVersions checks what a rotation does to a field
// grantee (node/fieldsplit/FIELDS.md, "Limits"; REWRAP.md 1.1). Field keys
// change with the salt, and the rotation re-bundles the field grant with
// the fields' new keys (never the dataset's key): versions put after it
// read as granted. Split versions put before it read too: the rotation's
// rewrap manifest wraps each field envelope's file key under that field's
// new key, so the grantee opens exactly its granted fields through the new
// field kfrags — and everything the proxies hold, with the grantee's own
// key, opens no wrap of a field it was not granted.
func TestRotationFieldGrantOldVersions(t *testing.T) {
	w := newWorld(t)
	ring := &epochRing{keys: []*reencrypt.SecretKey{w.dsKey}}
	ring.rotate(t) // the first epoch's field keys
	ring.keys = ring.keys[1:]
	ds, err := w.owner.CreateDataset(w.ctx, w.dsKey)
	if err != nil {
		t.Fatal(err)
	}
	ring.dataset = ds
	w.owner.UseFieldKeys(ring)
	before := ring.put(t, w, profile6)
	var fields []FieldGrant
	for _, n := range []string{"age", "city"} {
		ks, _ := ring.FieldKeys(w.ctx, ds, n)
		fields = append(fields, FieldGrant{Name: n, Key: ks[0]})
	}
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, Grantee: w.brand.Address(), Expiry: time.Now().Add(24 * time.Hour),
		Purpose: "field test", Threshold: 2, Fields: fields}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if got, _ := readAs(t, w.ctx, w.brand, before); string(got) != "{\"age\":34,\"city\":\"Lyon\"}\n" {
		t.Fatalf("before the rotation the grantee read %s", got)
	}

	old := ring.keys
	newKey := ring.rotate(t)
	res, err := w.owner.Rotate(w.ctx, ds, newKey, old)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Regrants) != 1 || strings.Join(res.Regrants[0].Fields, ",") != "age,city" {
		t.Fatalf("re-bundled %+v", res.Regrants)
	}
	after := ring.put(t, w, strings.Replace(profile6, "Lyon", "Paris", 1))
	w.sync()
	if got, _ := readAs(t, w.ctx, w.brand, after); string(got) != "{\"age\":34,\"city\":\"Paris\"}\n" {
		t.Fatalf("a version put after the rotation: the grantee read %s", got)
	}
	// The version put before the rotation: its granted fields, no other.
	got, gr := readAs(t, w.ctx, w.brand, before)
	if string(got) != "{\"age\":34,\"city\":\"Lyon\"}\n" || strings.Join(gr.Fields, ",") != "age,city" {
		t.Fatalf("a split version put before the rotation, read by the field grantee: %s (fields %q)", got, gr.Fields)
	}
	var out bytes.Buffer
	if _, err := w.owner.Read(w.ctx, before, ring, &out); err != nil {
		t.Fatalf("the owner reads its version put before the rotation: %v", err)
	}
	sameJSON(t, out.Bytes(), profile6)

	// The rotation's manifest wraps every field of the old version, each
	// under its own new key.
	m, err := w.owner.ReadManifest(w.ctx, before)
	if err != nil {
		t.Fatal(err)
	}
	rm := rotationManifest(t, w, ds)
	if len(rm.Fields) != len(m.Fields) {
		t.Fatalf("the rewrap manifest wraps %d field envelopes, the version has %d", len(rm.Fields), len(m.Fields))
	}
	// The attack: every kfrag in the proxies' state (the new age and city
	// keys') re-encrypts every other field's wrap; with the grantee's own
	// receiving key, none opens.
	var dirs []string
	for _, p := range w.proxies {
		dirs = append(dirs, p.dir)
	}
	found := scanKFrags(t, dirs...)
	vk := w.owner.cfg.Signer.VerifyingKey()
	pkB := w.brand.cfg.Receiving.PublicKey()
	var granted []*reencrypt.VerifiedKeyFrag
	for _, kf := range found {
		for _, n := range []string{"age", "city"} {
			if v, err := kf.Verify(vk, ring.fs[0].MakeKey([]byte("field/"+n)).PublicKey(), pkB); err == nil {
				granted = append(granted, v)
			}
		}
	}
	if len(granted) < 4 {
		t.Fatalf("the scan found %d kfrags of the granted fields' new keys; want the 2 fields × 3 proxies", len(granted))
	}
	for _, f := range m.Fields {
		if f.Name == "age" || f.Name == "city" {
			continue
		}
		fc, _ := cid.Decode(f.CID)
		e, err := rm.FindField(acl.CIDHash(fc.Bytes()))
		if err != nil {
			t.Fatalf("field %s: %v", f.Name, err)
		}
		var cfs []*reencrypt.VerifiedCapsuleFrag
		for _, kf := range granted {
			cf, err := reencrypt.Reencrypt(e.Capsule, kf)
			if err != nil {
				continue
			}
			cfs = append(cfs, cf)
		}
		for i := 0; i+1 < len(cfs); i++ {
			for _, pkA := range []*reencrypt.PublicKey{e.Key, ring.fs[0].MakeKey([]byte("field/age")).PublicKey()} {
				if k, err := reencrypt.DecryptReencrypted(w.brand.cfg.Receiving, pkA, e.Capsule, cfs[i:i+2], e.WrappedKey); err == nil {
					t.Fatalf("field %s's wrap opened to %x with cfrags of the granted fields' kfrags", f.Name, k)
				}
			}
		}
	}
}

// rotationManifest reads the rewrap manifest of the dataset's last
// rotation, as a grantee finds it from the chain.
func rotationManifest(t *testing.T, w *world, ds uint64) *rewrap.Manifest {
	t.Helper()
	evs, err := w.owner.rotationsOf(w.ctx, ds)
	if err != nil || len(evs) == 0 {
		t.Fatalf("rotations: %d, %v", len(evs), err)
	}
	mc, err := cid.Cast(evs[len(evs)-1].Rewrap)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := readAll(w.ctx, w.ownerFS, mc, rewrap.MaxSize)
	if err != nil {
		t.Fatal(err)
	}
	m, err := rewrap.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
