package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"testing"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/reencrypt"
)

// profile6 is the six-field profile of the field-level grant tests.
const profile6 = `{"name":"Ana Martin","email":"ana@example.org","age":34,"city":"Lyon","phone":"+33 6 12 34 56 78","income_band":"30-45k"}`

// fieldRing is an owner's keyring for one dataset: its key and field keys
// derived from a seed of its own, as the home derives them from the salt.
type fieldRing struct {
	dataset uint64
	key     *reencrypt.SecretKey
	f       *reencrypt.SecretKeyFactory
}

func newFieldRing(t *testing.T, key *reencrypt.SecretKey) *fieldRing {
	seed := make([]byte, 32)
	rand.Read(seed)
	f, err := reencrypt.NewSecretKeyFactory(seed)
	if err != nil {
		t.Fatal(err)
	}
	return &fieldRing{key: key, f: f}
}

func (r *fieldRing) field(name string) *reencrypt.SecretKey {
	return r.f.MakeKey([]byte("field/" + name))
}

func (r *fieldRing) DatasetKeys(_ context.Context, dataset uint64) ([]*reencrypt.SecretKey, error) {
	if dataset != r.dataset {
		return nil, nil
	}
	return []*reencrypt.SecretKey{r.key}, nil
}

func (r *fieldRing) FieldKeys(_ context.Context, dataset uint64, name string) ([]*reencrypt.SecretKey, error) {
	if dataset != r.dataset {
		return nil, nil
	}
	return []*reencrypt.SecretKey{r.field(name)}, nil
}

// putSplit creates a dataset and puts doc split into fields.
func (w *world) putSplit(ring *fieldRing, f fieldsplit.Format, doc string) (*PutFieldsResult, cid.Cid) {
	w.t.Helper()
	ds, err := w.owner.CreateDataset(w.ctx, ring.key)
	if err != nil {
		w.t.Fatal(err)
	}
	ring.dataset = ds
	res, err := w.owner.PutFields(w.ctx, PutFieldsRequest{Dataset: ds, Format: f, Doc: []byte(doc), PinName: "test",
		Key: func(name string) (*reencrypt.SecretKey, error) { return ring.field(name), nil }})
	if err != nil {
		w.t.Fatal(err)
	}
	c, err := cid.Decode(res.CID)
	if err != nil {
		w.t.Fatal(err)
	}
	return res, c
}

func sameJSON(t *testing.T, got []byte, want string) {
	t.Helper()
	var a, b any
	if err := json.Unmarshal(got, &a); err != nil {
		t.Fatalf("not JSON: %q: %v", got, err)
	}
	_ = json.Unmarshal([]byte(want), &b)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// TestPutFieldsOwnerReadsWhole: a split version is six envelopes under six
// keys and a manifest on chain; the owner's read joins them into the whole
// profile, and bad input stores nothing.
func TestPutFieldsOwnerReadsWhole(t *testing.T) {
	w := newWorld(t)
	ring := newFieldRing(t, w.dsKey)
	res, c := w.putSplit(ring, fieldsplit.JSON, profile6)
	if len(res.Fields) != 6 {
		t.Fatalf("%d fields", len(res.Fields))
	}
	keys := map[string]bool{}
	for _, f := range res.Fields {
		keys[f.Key] = true
	}
	if len(keys) != 6 {
		t.Fatalf("the six fields are under %d keys", len(keys))
	}
	var out bytes.Buffer
	got, err := w.owner.Read(w.ctx, c, ring, &out)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, out.Bytes(), profile6)
	if len(got.Fields) != 6 || got.Version != 1 {
		t.Fatalf("read %+v", got)
	}
	// No other key opens a field: the dataset key opens none of them.
	m, err := w.owner.ReadManifest(w.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Fields {
		fc, _ := cid.Decode(f.CID)
		if _, err := w.owner.GetOwn(w.ctx, fc, []*reencrypt.SecretKey{w.dsKey, ring.field("other")}, &bytes.Buffer{}); err == nil {
			t.Fatalf("field %q opened with the dataset key", f.Name)
		}
	}

	// CSV likewise.
	ring2 := newFieldRing(t, w.dsKey)
	csvDoc := "name,age,city\nAna,34,Lyon\nBo,41,Paris\n"
	_, c2 := w.putSplit(ring2, fieldsplit.CSV, csvDoc)
	out.Reset()
	if _, err := w.owner.Read(w.ctx, c2, ring2, &out); err != nil {
		t.Fatal(err)
	}
	if out.String() != csvDoc {
		t.Fatalf("csv read %q", out.String())
	}

	// Bad input: refused before anything is stored or registered.
	pins, _ := w.ownerFS.Pins(w.ctx)
	_, err = w.owner.PutFields(w.ctx, PutFieldsRequest{Dataset: ring.dataset, Format: fieldsplit.JSON, Doc: []byte("name,age\nAna,3\n"), PinName: "test",
		Key: func(name string) (*reencrypt.SecretKey, error) { return ring.field(name), nil }})
	if !errors.Is(err, fieldsplit.ErrBadInput) {
		t.Fatalf("non-JSON with fields: %v", err)
	}
	after, _ := w.ownerFS.Pins(w.ctx)
	if len(after) != len(pins) {
		t.Fatalf("a refused split left %d pins", len(after)-len(pins))
	}
}
