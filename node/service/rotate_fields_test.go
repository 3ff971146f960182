package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/reencrypt"
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
// grantee (node/fieldsplit/FIELDS.md, "Limits"). Field keys change with the
// salt, and the rotation re-bundles the field grant with the fields' new
// keys (never the dataset's key): versions put after it read as granted.
// Split versions put before it stay the owner's to read, but not the
// grantee's: the proxies hold kfrags of the new field keys only, and the
// rotation's rewrap manifest rewraps envelopes, not field envelopes. The
// grantee is refused with the reason, and reads them again once the
// owner puts them again.
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
	// The gap: the version put before the rotation.
	var out bytes.Buffer
	_, err = w.brand.Get(w.ctx, before, &out)
	if !errors.Is(err, ErrNoGrant) || !strings.Contains(err.Error(), "under the keys granted") || out.Len() != 0 {
		t.Fatalf("a split version put before the rotation, read by the field grantee: %v (%d bytes), want ErrNoGrant naming the keys", err, out.Len())
	}
	out.Reset()
	if _, err := w.owner.Read(w.ctx, before, ring, &out); err != nil {
		t.Fatalf("the owner reads its version put before the rotation: %v", err)
	}
	sameJSON(t, out.Bytes(), profile6)
}
