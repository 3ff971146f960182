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

var update = flag.Bool("update", false, "rewrite testdata/rewrap-v1.json from a fresh manifest")

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
		"empty":        {nil, ErrMalformed},
		"tag":          {mut(func(b []byte) []byte { b[0] = 'X'; return b }), ErrMalformed},
		"major":        {mut(func(b []byte) []byte { b[4] = 2; return b }), ErrUnsupportedVersion},
		"truncated":    {good[:len(good)-1], ErrMalformed},
		"trailing":     {append(bytes.Clone(good), 0), ErrMalformed},
		"count":        {mut(func(b []byte) []byte { b[63] = 3; return b }), ErrMalformed},
		"huge count":   {mut(func(b []byte) []byte { b[60] = 0xff; return b }), ErrMalformed},
		"order":        {mut(func(b []byte) []byte { b[HeaderSize] = 9; return b }), ErrMalformed},
		"capsule":      {mut(func(b []byte) []byte { b[HeaderSize+32+5] ^= 1; return b }), ErrMalformed},
		"header only":  {good[:HeaderSize-1], ErrMalformed},
		"minor+1 tail": {mut(func(b []byte) []byte { b[5] = 1; return append(b, 1, 2, 3) }), nil},
	}
	for name, c := range cases {
		_, err := Parse(c.b)
		if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
}

type vector struct {
	DatasetKey string   `json:"dataset_secret_key"`
	Dataset    string   `json:"dataset"`
	Owner      string   `json:"owner"`
	Epoch      uint16   `json:"epoch"`
	CIDHashes  []string `json:"cid_hashes"`
	FileKeys   []string `json:"file_keys"`
	Manifest   string   `json:"manifest"`
}

// TestVectors opens the stored manifest with the stored key: the format a
// reader of this build accepts is the one written down.
func TestVectors(t *testing.T) {
	path := filepath.Join("testdata", "rewrap-v1.json")
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
		b, err := Seal(ds, owner, v.Epoch, sk.PublicKey(), items)
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
}
