package rewrap

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
)

var update = flag.Bool("update", false, "rewrite testdata/rewrap-v1.json and rewrap-v1.1.json from fresh manifests")

func rand32(t *testing.T) (b [32]byte) {
	t.Helper()
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealParseOpen(t *testing.T) {
	sk, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	ds, owner := rand32(t), [20]byte{1, 2, 3}
	items := make([]Item, 5)
	for i := range items {
		items[i] = Item{CIDHash: rand32(t), FileKey: rand32(t)}
	}
	b, err := Seal(ds, owner, 3, sk.PublicKey(), items)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != HeaderSize+EntrySize*len(items) {
		t.Fatalf("size %d", len(b))
	}
	m, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Check(ds, owner, 3); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		e, err := m.Find(it.CIDHash)
		if err != nil {
			t.Fatal(err)
		}
		k, err := reencrypt.DecryptOriginal(sk, e.Capsule, e.WrappedKey)
		if err != nil || !bytes.Equal(k, it.FileKey[:]) {
			t.Fatalf("entry opens to %x, %v; want %x", k, err, it.FileKey)
		}
	}
	if _, err := m.Find(rand32(t)); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown CID: %v", err)
	}
	for _, bad := range []struct {
		ds    [32]byte
		owner [20]byte
		epoch uint16
	}{{rand32(t), owner, 3}, {ds, [20]byte{9}, 3}, {ds, owner, 2}} {
		if err := m.Check(bad.ds, bad.owner, bad.epoch); !errors.Is(err, ErrMismatch) {
			t.Fatalf("Check(%x, %x, %d) = %v", bad.ds[:4], bad.owner[:2], bad.epoch, err)
		}
	}
	dup := []Item{items[0], items[0]}
	if _, err := Seal(ds, owner, 3, sk.PublicKey(), dup); err == nil {
		t.Fatal("a CID given twice was sealed")
	}
}

// Every way a manifest from the network can be wrong is refused, never
// half-read.
func TestParseRefuses(t *testing.T) {
	sk, _ := reencrypt.GenerateSecretKey()
	items := []Item{{CIDHash: [32]byte{1}}, {CIDHash: [32]byte{2}}}
	good, err := Seal([32]byte{7}, [20]byte{8}, 1, sk.PublicKey(), items)
	if err != nil {
		t.Fatal(err)
	}
	mut := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	cases := map[string]struct {
		b    []byte
		want error
	}{
		"empty":                     {nil, ErrMalformed},
		"tag":                       {mut(func(b []byte) []byte { b[0] = 'X'; return b }), ErrMalformed},
		"major":                     {mut(func(b []byte) []byte { b[4] = 2; return b }), ErrUnsupportedVersion},
		"truncated":                 {good[:len(good)-1], ErrMalformed},
		"trailing":                  {append(bytes.Clone(good), 0), ErrMalformed},
		"count":                     {mut(func(b []byte) []byte { b[63] = 3; return b }), ErrMalformed},
		"huge count":                {mut(func(b []byte) []byte { b[60] = 0xff; return b }), ErrMalformed},
		"order":                     {mut(func(b []byte) []byte { b[HeaderSize] = 9; return b }), ErrMalformed},
		"capsule":                   {mut(func(b []byte) []byte { b[HeaderSize+32+5] ^= 1; return b }), ErrMalformed},
		"header only":               {good[:HeaderSize-1], ErrMalformed},
		"minor+2 tail":              {mut(func(b []byte) []byte { b[5] = 2; return append(b, 0, 0, 0, 0, 1, 2, 3) }), nil},
		"minor 1, no field section": {mut(func(b []byte) []byte { b[5] = 1; return b }), ErrMalformed},
		"minor 1, tail":             {mut(func(b []byte) []byte { b[5] = 1; return append(b, 0, 0, 0, 0, 1) }), ErrMalformed},
		"minor 1, field count":      {mut(func(b []byte) []byte { b[5] = 1; return append(b, 0, 0, 0, 1) }), ErrMalformed},
	}
	for name, c := range cases {
		_, err := Parse(c.b)
		if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
}

// TestSealFields: a field entry opens with the field's key only, is found
// by its field envelope's CID hash, and a manifest without fields is minor 0.
func TestSealFields(t *testing.T) {
	sk, _ := reencrypt.GenerateSecretKey()
	fa, _ := reencrypt.GenerateSecretKey()
	fb, _ := reencrypt.GenerateSecretKey()
	ds, owner := rand32(t), [20]byte{4}
	items := []Item{{CIDHash: rand32(t), FileKey: rand32(t)}}
	fields := []FieldItem{
		{CIDHash: rand32(t), FileKey: rand32(t), Key: fa.PublicKey()},
		{CIDHash: rand32(t), FileKey: rand32(t), Key: fb.PublicKey()},
	}
	b, err := SealFields(ds, owner, 2, sk.PublicKey(), items, fields)
	if err != nil {
		t.Fatal(err)
	}
	if b[5] != 1 || len(b) != HeaderSize+EntrySize+4+2*FieldEntrySize {
		t.Fatalf("minor %d, %d bytes", b[5], len(b))
	}
	m, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range fields {
		e, err := m.FindField(f.CIDHash)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(e.Key.Bytes(), f.Key.Bytes()) {
			t.Fatalf("field %d names another key", i)
		}
		own, other := fa, fb
		if i == 1 {
			own, other = fb, fa
		}
		k, err := reencrypt.DecryptOriginal(own, e.Capsule, e.WrappedKey)
		if err != nil || !bytes.Equal(k, f.FileKey[:]) {
			t.Fatalf("field %d opens to %x, %v", i, k, err)
		}
		if _, err := reencrypt.DecryptOriginal(other, e.Capsule, e.WrappedKey); err == nil {
			t.Fatalf("field %d opened with another field's key", i)
		}
		if _, err := reencrypt.DecryptOriginal(sk, e.Capsule, e.WrappedKey); err == nil {
			t.Fatalf("field %d opened with the dataset's key", i)
		}
	}
	if _, err := m.FindField(items[0].CIDHash); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a whole version's CID among the fields: %v", err)
	}
	if _, err := m.Find(fields[0].CIDHash); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a field envelope's CID among the versions: %v", err)
	}
	plain, err := SealFields(ds, owner, 2, sk.PublicKey(), items, nil)
	if err != nil || plain[5] != 0 || len(plain) != HeaderSize+EntrySize {
		t.Fatalf("no fields: minor %d, %d bytes, %v", plain[5], len(plain), err)
	}
	if _, err := SealFields(ds, owner, 2, sk.PublicKey(), items, []FieldItem{fields[0], fields[0]}); err == nil {
		t.Fatal("a field envelope given twice was sealed")
	}
	if _, err := SealFields(ds, owner, 2, sk.PublicKey(), items, []FieldItem{{CIDHash: rand32(t)}}); err == nil {
		t.Fatal("a field entry without a key was sealed")
	}
}

type fieldVector struct {
	Key     string `json:"field_secret_key"`
	CIDHash string `json:"cid_hash"`
	FileKey string `json:"file_key"`
}

type vector struct {
	Fields     []fieldVector `json:"fields,omitempty"`
	DatasetKey string        `json:"dataset_secret_key"`
	Dataset    string        `json:"dataset"`
	Owner      string        `json:"owner"`
	Epoch      uint16        `json:"epoch"`
	CIDHashes  []string      `json:"cid_hashes"`
	FileKeys   []string      `json:"file_keys"`
	Manifest   string        `json:"manifest"`
}

// TestVectors opens the stored manifest with the stored key: the format a
// reader of this build accepts is the one written down.
func TestVectors(t *testing.T) {
	t.Run("1.0", func(t *testing.T) { testVectors(t, "rewrap-v1.json", 0) })
	t.Run("1.1", func(t *testing.T) { testVectors(t, "rewrap-v1.1.json", 2) })
}

func testVectors(t *testing.T, file string, nfields int) {
	path := filepath.Join("testdata", file)
	if *update {
		sk, _ := reencrypt.GenerateSecretKey()
		v := vector{DatasetKey: hex.EncodeToString(sk.Bytes()), Epoch: 2}
		ds, owner := [32]byte{31: 5}, [20]byte{0xaa, 19: 0xbb}
		v.Dataset, v.Owner = hex.EncodeToString(ds[:]), hex.EncodeToString(owner[:])
		var items []Item
		for i := 0; i < 3; i++ {
			it := Item{CIDHash: rand32(t), FileKey: rand32(t)}
			items = append(items, it)
		}
		var fields []FieldItem
		for i := 0; i < nfields; i++ {
			fk, _ := reencrypt.GenerateSecretKey()
			f := FieldItem{CIDHash: rand32(t), FileKey: rand32(t), Key: fk.PublicKey()}
			fields = append(fields, f)
			v.Fields = append(v.Fields, fieldVector{Key: hex.EncodeToString(fk.Bytes()), CIDHash: hex.EncodeToString(f.CIDHash[:]), FileKey: hex.EncodeToString(f.FileKey[:])})
		}
		b, err := SealFields(ds, owner, v.Epoch, sk.PublicKey(), items, fields)
		if err != nil {
			t.Fatal(err)
		}
		m, _ := Parse(b)
		for _, e := range m.Entries {
			for _, it := range items {
				if it.CIDHash == e.CIDHash {
					v.CIDHashes = append(v.CIDHashes, hex.EncodeToString(it.CIDHash[:]))
					v.FileKeys = append(v.FileKeys, hex.EncodeToString(it.FileKey[:]))
				}
			}
		}
		v.Manifest = hex.EncodeToString(b)
		out, _ := json.MarshalIndent(v, "", "  ")
		if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v vector
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	unhex := func(s string) []byte {
		b, err := hex.DecodeString(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	sk, err := reencrypt.SecretKeyFromBytes(unhex(v.DatasetKey))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Parse(unhex(v.Manifest))
	if err != nil {
		t.Fatal(err)
	}
	var ds [32]byte
	var owner [20]byte
	copy(ds[:], unhex(v.Dataset))
	copy(owner[:], unhex(v.Owner))
	if err := m.Check(ds, owner, v.Epoch); err != nil {
		t.Fatal(err)
	}
	if len(m.Entries) != len(v.CIDHashes) {
		t.Fatalf("%d entries, vector has %d", len(m.Entries), len(v.CIDHashes))
	}
	for i, h := range v.CIDHashes {
		var ch [32]byte
		copy(ch[:], unhex(h))
		e, err := m.Find(ch)
		if err != nil {
			t.Fatal(err)
		}
		k, err := reencrypt.DecryptOriginal(sk, e.Capsule, e.WrappedKey)
		if err != nil || hex.EncodeToString(k) != v.FileKeys[i] {
			t.Fatalf("entry %d opens to %x, %v", i, k, err)
		}
	}
	if len(m.Fields) != len(v.Fields) || len(v.Fields) != nfields {
		t.Fatalf("%d field entries, vector has %d, want %d", len(m.Fields), len(v.Fields), nfields)
	}
	for i, f := range v.Fields {
		var ch [32]byte
		copy(ch[:], unhex(f.CIDHash))
		e, err := m.FindField(ch)
		if err != nil {
			t.Fatal(err)
		}
		fk, err := reencrypt.SecretKeyFromBytes(unhex(f.Key))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(e.Key.Bytes(), fk.PublicKey().Bytes()) {
			t.Fatalf("field entry %d names another key", i)
		}
		k, err := reencrypt.DecryptOriginal(fk, e.Capsule, e.WrappedKey)
		if err != nil || hex.EncodeToString(k) != f.FileKey {
			t.Fatalf("field entry %d opens to %x, %v", i, k, err)
		}
	}
}
