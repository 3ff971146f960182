package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
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

// fieldGrant grants the brand key's account the named fields of ring's
// dataset (2 of the world's 3 proxies).
func (w *world) fieldGrant(ring *fieldRing, grantee *Service, names ...string) *GrantResult {
	w.t.Helper()
	var fields []FieldGrant
	for _, n := range names {
		fields = append(fields, FieldGrant{Name: n, Key: ring.field(n)})
	}
	res, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ring.dataset, Grantee: grantee.Address(),
		Expiry: time.Now().Add(24 * time.Hour), Purpose: "field test", Threshold: 2, Fields: fields})
	if err != nil {
		w.t.Fatal(err)
	}
	w.sync()
	return res
}

func readAs(t *testing.T, ctx context.Context, s *Service, c cid.Cid) ([]byte, *GetResult) {
	t.Helper()
	var out bytes.Buffer
	res, err := s.Get(ctx, c, &out)
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), res
}

// kfragHex finds every run of hex as long as a kfrag in the files under
// dirs: whatever state a proxy or a home keeps kfrags in, they are there.
var kfragHex = regexp.MustCompile(fmt.Sprintf("[0-9a-fA-F]{%d}", 2*reencrypt.KeyFragSize))

func scanKFrags(t *testing.T, dirs ...string) []*reencrypt.KeyFrag {
	t.Helper()
	var out []*reencrypt.KeyFrag
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			for _, m := range kfragHex.FindAll(b, -1) {
				raw, _ := hex.DecodeString(string(m))
				if kf, err := reencrypt.KeyFragFromBytes(raw); err == nil {
					out = append(out, kf)
				}
			}
			return nil
		})
	}
	return out
}

// TestFieldGrantAttack is the field-level claim under attack: brand A,
// granted age and city of a six-field profile, reads exactly those two;
// every kfrag in the proxies' state verifies under a granted field's key
// and under no other field's key nor the dataset's, a capsule of any other
// field re-encrypted with every one of them gives no cfrag that verifies,
// and no secret key of the owner is anywhere in the proxies' state. Brand
// B, granted all six, reads all; removing city from A's grant leaves A
// reading age alone; a CSV version likewise.
func TestFieldGrantAttack(t *testing.T) {
	w := newWorld(t)
	ring := newFieldRing(t, w.dsKey)
	_, c := w.putSplit(ring, fieldsplit.JSON, profile6)
	brandB := newService(t, w.ctx, w.chain, w.net.Keys()[5], w.net.Stores[1])

	w.fieldGrant(ring, w.brand, "city", "age")
	got, res := readAs(t, w.ctx, w.brand, c)
	if string(got) != "{\"age\":34,\"city\":\"Lyon\"}\n" || strings.Join(res.Fields, ",") != "age,city" {
		t.Fatalf("A read %s (fields %q)", got, res.Fields)
	}

	// The scan: what the proxies hold.
	var dirs []string
	for _, p := range w.proxies {
		dirs = append(dirs, p.dir)
	}
	found := scanKFrags(t, dirs...)
	if len(found) < 4 {
		t.Fatalf("the scan found %d kfrags in the proxies' state; want the 2 fields × 3 proxies it holds", len(found))
	}
	vk := w.owner.cfg.Signer.VerifyingKey()
	pkB := w.brand.cfg.Receiving.PublicKey()
	m, err := w.owner.ReadManifest(w.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	// cfrags of every other field's capsule, made with every kfrag found
	// (as a proxy that turned would make them), by field.
	stolen := map[string][]*reencrypt.VerifiedCapsuleFrag{}
	for _, kf := range found {
		var under []string
		for _, f := range m.Fields {
			if _, err := kf.Verify(vk, ring.field(f.Name).PublicKey(), pkB); err == nil {
				under = append(under, f.Name)
			}
		}
		if _, err := kf.Verify(vk, w.dsKey.PublicKey(), pkB); err == nil {
			t.Fatal("a kfrag of the dataset key is in a proxy's state")
		}
		if len(under) != 1 || (under[0] != "age" && under[0] != "city") {
			t.Fatalf("a kfrag in a proxy's state is of the fields %q", under)
		}
		verified, _ := kf.Verify(vk, ring.field(under[0]).PublicKey(), pkB)
		for _, f := range m.Fields {
			if f.Name == "age" || f.Name == "city" {
				continue
			}
			fc, _ := cid.Decode(f.CID)
			h, err := envstore.Open(w.ctx, w.ownerFS, fc)
			if err != nil {
				t.Fatal(err)
			}
			capsule, _ := h.UmbralCapsule()
			cf, err := reencrypt.Reencrypt(capsule, verified)
			if err != nil {
				continue
			}
			if _, err := cf.Unverify().Verify(capsule, vk, ring.field(f.Name).PublicKey(), pkB); err == nil {
				t.Fatalf("a kfrag of %s re-encrypts field %s's capsule into a cfrag that verifies", under[0], f.Name)
			}
			stolen[f.Name] = append(stolen[f.Name], cf)
		}
	}
	// Everything found, with A's own receiving key, opens no other field.
	for _, f := range m.Fields {
		if f.Name == "age" || f.Name == "city" {
			continue
		}
		fc, _ := cid.Decode(f.CID)
		h, _ := envstore.Open(w.ctx, w.ownerFS, fc)
		if len(stolen[f.Name]) < 4 {
			t.Fatalf("only %d cfrags of field %s to attack with", len(stolen[f.Name]), f.Name)
		}
		for i := 0; i+1 < len(stolen[f.Name]); i++ {
			id := envelope.GranteeIdentity{Receiving: w.brand.cfg.Receiving, Delegating: ring.field(f.Name).PublicKey(), CFrags: stolen[f.Name][i : i+2]}
			if _, err := h.FileKey(id); err == nil {
				t.Fatalf("field %s opened with cfrags of granted fields' kfrags", f.Name)
			}
		}
	}
	for _, f := range m.Fields {
		sk := ring.field(f.Name).Bytes()
		for _, dir := range dirs {
			if hit := grepDir(dir, sk); hit != "" {
				t.Fatalf("field %s's secret key is in %s", f.Name, hit)
			}
		}
	}
	// A asks a proxy for an ungranted field by name: refused, and the
	// proxies hold nothing that would answer.
	if err := w.askField(w.brand, ring.dataset, m, "email"); !errors.Is(err, proxyapi.ErrNotGranted) {
		t.Fatalf("asking for email under A's grant: %v", err)
	}

	// B granted all six reads all six.
	w.fieldGrant(ring, brandB, m.Names()...)
	gotB, _ := readAs(t, w.ctx, brandB, c)
	sameJSON(t, gotB, profile6)

	// City removed from A's grant: A's next read has age alone.
	w.fieldGrant(ring, w.brand, "age")
	got, res = readAs(t, w.ctx, w.brand, c)
	if string(got) != "{\"age\":34}\n" || strings.Join(res.Fields, ",") != "age" {
		t.Fatalf("after removing city A read %s", got)
	}
	for _, kf := range scanKFrags(t, dirs...) {
		for _, n := range []string{"city", "email", "name", "phone", "income_band"} {
			if _, err := kf.Verify(vk, ring.field(n).PublicKey(), pkB); err == nil {
				t.Fatalf("after the re-grant a proxy still holds a kfrag of %s to A", n)
			}
		}
	}

	// CSV: columns likewise.
	ring2 := newFieldRing(t, w.dsKey)
	_, c2 := w.putSplit(ring2, fieldsplit.CSV, "name,email,age,city\nAna,ana@example.org,34,Lyon\nBo,bo@example.org,41,Paris\n")
	w.fieldGrant(ring2, w.brand, "age", "city")
	got, _ = readAs(t, w.ctx, w.brand, c2)
	if string(got) != "age,city\n34,Lyon\n41,Paris\n" {
		t.Fatalf("A read the CSV as %q", got)
	}
	// A whole-dataset version of a field-granted dataset opens nothing.
	res2, err := w.owner.Put(w.ctx, ring2.dataset, ring2.key, strings.NewReader("whole"), "test")
	if err != nil {
		t.Fatal(err)
	}
	wc, _ := cid.Decode(res2.CID)
	if _, err := w.brand.Get(w.ctx, wc, &bytes.Buffer{}); !errors.Is(err, ErrNoGrant) {
		t.Fatalf("a whole version under a field grant: %v", err)
	}
}

func grepDir(dir string, secret []byte) string {
	var hit string
	h := []byte(hex.EncodeToString(secret))
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || hit != "" {
			return nil
		}
		b, _ := os.ReadFile(path)
		if bytes.Contains(b, secret) || bytes.Contains(bytes.ToLower(b), h) {
			hit = path
		}
		return nil
	})
	return hit
}

// askField asks every proxy of the grant to re-encrypt field name's
// capsule and returns the first refusal.
func (w *world) askField(s *Service, ds uint64, m *fieldsplit.Manifest, name string) error {
	f, _ := m.Field(name)
	fc, _ := cid.Decode(f.CID)
	h, err := envstore.Open(w.ctx, w.ownerFS, fc)
	if err != nil {
		return err
	}
	capsule, _ := h.UmbralCapsule()
	client := &proxyapi.Client{HTTP: s.cfg.HTTP, Domain: s.domain, Key: s.cfg.Account, Purpose: "dpv:ServiceProvision", Field: name}
	_, err = client.CFrags(w.ctx, ds, capsule, w.net.Endpoints(), 2, func(cf *reencrypt.CapsuleFrag) (*reencrypt.VerifiedCapsuleFrag, error) {
		return nil, errors.New("no cfrag should come")
	})
	return err
}

// TestFieldGrantStaysFieldGrant: a rotation re-bundles every live grant;
// a field grant must come out a field grant of the same fields (never a
// grant of the whole dataset under the new key, which would open every
// field of the versions put after it), and without field keys the
// re-bundling is refused rather than widened.
func TestFieldGrantStaysFieldGrant(t *testing.T) {
	w := newWorld(t)
	ring := newFieldRing(t, w.dsKey)
	_, c := w.putSplit(ring, fieldsplit.JSON, profile6)
	w.fieldGrant(ring, w.brand, "age", "city")

	newKey, _ := reencrypt.GenerateSecretKey()
	if _, err := w.owner.Rotate(w.ctx, ring.dataset, newKey, []*reencrypt.SecretKey{w.dsKey}); !errors.Is(err, ErrFieldRegrant) {
		t.Fatalf("rotation without field keys: %v, want ErrFieldRegrant", err)
	}
	w.owner.UseFieldKeys(ring)
	newKey2, _ := reencrypt.GenerateSecretKey()
	res, err := w.owner.Rotate(w.ctx, ring.dataset, newKey2, []*reencrypt.SecretKey{w.dsKey, newKey})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Regrants) != 1 || strings.Join(res.Regrants[0].Fields, ",") != "age,city" {
		t.Fatalf("re-bundled %+v", res.Regrants)
	}
	w.sync()
	got, _ := readAs(t, w.ctx, w.brand, c)
	if string(got) != "{\"age\":34,\"city\":\"Lyon\"}\n" {
		t.Fatalf("after the rotation A read %s", got)
	}
	vk := w.owner.cfg.Signer.VerifyingKey()
	pkB := w.brand.cfg.Receiving.PublicKey()
	var dirs []string
	for _, p := range w.proxies {
		dirs = append(dirs, p.dir)
	}
	for _, kf := range scanKFrags(t, dirs...) {
		for _, k := range []*reencrypt.SecretKey{w.dsKey, newKey, newKey2} {
			if _, err := kf.Verify(vk, k.PublicKey(), pkB); err == nil {
				t.Fatal("after the rotation a proxy holds a kfrag of a dataset key")
			}
		}
	}
}
