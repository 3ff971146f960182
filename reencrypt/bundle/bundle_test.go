package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
)

var update = flag.Bool("update", false, "rewrite testdata/bundle-v1.1.json (bundle-v1.json is frozen: it is what 1.0 writers made)")

// vectorTerms is the terms document of the 1.1 vector: any bytes to the
// bundle, a usage policy to pdx.
const vectorTerms = `{"@context":"http://www.w3.org/ns/odrl.jsonld","@type":"Agreement","uid":"urn:pdx:policy:vector","permission":[{"action":"use","constraint":[{"leftOperand":"count","operator":"lteq","rightOperand":3}]}]}`

type fixture struct {
	grant  Grant
	alice  *reencrypt.SecretKey
	bob    *reencrypt.SecretKey
	signer *reencrypt.SecretKey
	kfrags []*reencrypt.VerifiedKeyFrag
	keys   []*PrivateKey
	rcpts  []Recipient
	sealed []byte
	parsed *Bundle
}

func newFixture(t *testing.T, threshold, n int) *fixture {
	t.Helper()
	f := &fixture{}
	var err error
	for _, k := range []**reencrypt.SecretKey{&f.alice, &f.bob, &f.signer} {
		if *k, err = reencrypt.GenerateSecretKey(); err != nil {
			t.Fatal(err)
		}
	}
	f.grant = Grant{Threshold: threshold}
	copy(f.grant.ID[:], bytes.Repeat([]byte{0x11}, 32))
	copy(f.grant.Dataset[:], bytes.Repeat([]byte{0x22}, 32))
	copy(f.grant.Grantee[:], bytes.Repeat([]byte{0x33}, 20))
	f.kfrags, err = reencrypt.GenerateKFrags(f.alice, f.bob.PublicKey(), reencrypt.NewSigner(f.signer), threshold, n, true, true)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		sk, pk, err := GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		var a Address
		a[0] = byte(n - i) // unsorted on purpose: Seal sorts
		f.keys = append(f.keys, sk)
		f.rcpts = append(f.rcpts, Recipient{Proxy: a, PublicKey: pk})
	}
	if f.sealed, err = Seal(f.grant, f.kfrags, f.rcpts); err != nil {
		t.Fatal(err)
	}
	if f.parsed, err = Parse(f.sealed); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) verify(kf *reencrypt.KeyFrag) error {
	_, err := kf.Verify(reencrypt.NewSigner(f.signer).VerifyingKey(), f.alice.PublicKey(), f.bob.PublicKey())
	return err
}

func TestSealOpen(t *testing.T) {
	f := newFixture(t, 2, 3)
	if len(f.sealed) != HeaderSize+3*EntrySize {
		t.Fatalf("bundle is %d bytes, want %d", len(f.sealed), HeaderSize+3*EntrySize)
	}
	if f.parsed.Grant != f.grant {
		t.Fatalf("parsed grant %+v, want %+v", f.parsed.Grant, f.grant)
	}
	for i, r := range f.rcpts {
		kf, err := f.parsed.Open(r.Proxy, f.keys[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(kf.Bytes(), f.kfrags[i].Bytes()) {
			t.Fatalf("proxy %d opened another kfrag", i)
		}
		if err := f.verify(kf); err != nil {
			t.Fatal(err)
		}
		// Another proxy's key does not open this entry.
		if _, err := f.parsed.Open(r.Proxy, f.keys[(i+1)%3]); !errors.Is(err, ErrOpen) {
			t.Fatalf("entry %d opened with another proxy's key: %v", i, err)
		}
	}
	if _, err := f.parsed.Open(Address{0xee}, f.keys[0]); !errors.Is(err, ErrNoEntry) {
		t.Fatalf("unknown proxy: %v", err)
	}
}

// TestEntryBoundToGrant: an entry copied into a bundle for another grant, or
// a header changed in any byte, no longer opens.
func TestEntryBoundToGrant(t *testing.T) {
	f := newFixture(t, 2, 3)
	proxy, key := f.rcpts[0].Proxy, f.keys[0]
	for i := 0; i < HeaderSize; i++ {
		m := bytes.Clone(f.sealed)
		m[i] ^= 1
		bd, err := Parse(m)
		if err != nil {
			continue // threshold/count bytes may make it unparseable: also fine
		}
		if _, err := bd.Open(proxy, key); !errors.Is(err, ErrOpen) {
			t.Fatalf("header byte %d changed and the entry still opened: %v", i, err)
		}
	}
	// Every byte of the proxy's entry past its address.
	bd := f.parsed
	idx := 0
	for j, p := range bd.Proxies {
		if p == proxy {
			idx = j
		}
	}
	start := HeaderSize + idx*EntrySize
	for i := start + 20; i < start+EntrySize; i++ {
		m := bytes.Clone(f.sealed)
		m[i] ^= 1
		bd, err := Parse(m)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bd.Open(proxy, key); !errors.Is(err, ErrOpen) {
			t.Fatalf("entry byte %d changed and it still opened: %v", i-start, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	f := newFixture(t, 2, 3)
	mut := func(fn func(b []byte) []byte) []byte { return fn(bytes.Clone(f.sealed)) }
	cases := map[string]struct {
		b    []byte
		want error
	}{
		"empty":          {nil, ErrMalformed},
		"short header":   {f.sealed[:HeaderSize-1], ErrMalformed},
		"truncated":      {f.sealed[:len(f.sealed)-1], ErrMalformed},
		"trailing":       {append(bytes.Clone(f.sealed), 0), ErrMalformed},
		"tag":            {mut(func(b []byte) []byte { b[0] = 'X'; return b }), ErrMalformed},
		"major":          {mut(func(b []byte) []byte { b[4] = 2; return b }), ErrUnsupportedVersion},
		"suite":          {mut(func(b []byte) []byte { b[11] = 1; return b }), ErrUnsupportedVersion},
		"threshold 0":    {mut(func(b []byte) []byte { b[96] = 0; return b }), ErrMalformed},
		"threshold > n":  {mut(func(b []byte) []byte { b[96] = 4; return b }), ErrMalformed},
		"count mismatch": {mut(func(b []byte) []byte { b[97] = 2; return b }), ErrMalformed},
		"unsorted": {mut(func(b []byte) []byte {
			e0 := bytes.Clone(b[HeaderSize : HeaderSize+EntrySize])
			copy(b[HeaderSize:], b[HeaderSize+EntrySize:HeaderSize+2*EntrySize])
			copy(b[HeaderSize+EntrySize:], e0)
			return b
		}), ErrMalformed},
	}
	for name, tc := range cases {
		if _, err := Parse(tc.b); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", name, err, tc.want)
		}
	}
	// A newer minor with extra trailing data is still read. Minor 1
	// defines what follows the entries (the terms section) and minor 2
	// what follows the terms (the fields section), so the newer minor is
	// 3: terms, fields, then an extension this build skips.
	newer := mut(func(b []byte) []byte {
		b[5] = 3
		b = append(b, 0, 0, 0, 2, 'h', 'i', 1, 1, 'a')
		return append(append(b, bytes.Repeat([]byte{2}, 33)...), 1, 2, 3)
	})
	if bd, err := Parse(newer); err != nil {
		t.Errorf("minor 3 with an extension: %v", err)
	} else if string(bd.Terms) != "hi" || len(bd.Fields) != 1 || bd.Fields[0].Name != "a" {
		t.Errorf("minor 3: terms %q fields %+v", bd.Terms, bd.Fields)
	}
	// Minor 1 is exactly entries, terms length, terms: the old "extra
	// bytes" bundle is no 1.1 bundle, and no cut or padded one is either.
	for name, b := range map[string][]byte{
		"1.1 without a terms section": mut(func(b []byte) []byte { b[5] = 1; return append(b, 1, 2, 3) }),
		"1.1 with empty terms":        mut(func(b []byte) []byte { b[5] = 1; return append(b, 0, 0, 0, 0) }),
		"1.1 terms cut":               mut(func(b []byte) []byte { b[5] = 1; return append(b, 0, 0, 0, 3, 'h', 'i') }),
		"1.1 trailing":                mut(func(b []byte) []byte { b[5] = 1; return append(b, 0, 0, 0, 2, 'h', 'i', 0) }),
		"1.1 terms too long":          mut(func(b []byte) []byte { b[5] = 1; return append(b, 0, 0, 0x40, 1) }),
		"2 without a terms section":   mut(func(b []byte) []byte { b[5] = 2; return b }),
	} {
		if _, err := Parse(b); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: got %v, want ErrMalformed", name, err)
		}
	}
}

// TestTerms: a terms document rides after the entries, comes back as it
// went in, and is bound to every entry (a bundle whose terms are changed
// or stripped is another bundle: its digest differs from the one on chain,
// and the version byte in the sealed header tells a stripped one apart).
func TestTerms(t *testing.T) {
	f := newFixture(t, 2, 3)
	terms := []byte(`{"@context":"http://www.w3.org/ns/odrl.jsonld"}`)
	b, err := SealTerms(f.grant, f.kfrags, f.rcpts, terms)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != HeaderSize+3*EntrySize+4+len(terms) || b[5] != 1 {
		t.Fatalf("bundle with terms is %d bytes of minor %d", len(b), b[5])
	}
	bd, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bd.Terms, terms) || bd.Grant != f.grant {
		t.Fatalf("parsed terms %q grant %+v", bd.Terms, bd.Grant)
	}
	for i, r := range f.rcpts {
		kf, err := bd.Open(r.Proxy, f.keys[i])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(kf.Bytes(), f.kfrags[i].Bytes()) {
			t.Fatalf("proxy %d opened another kfrag", i)
		}
	}
	// Stripped to a 1.0 bundle (minor byte and terms removed): the
	// entries were sealed under a 1.1 header and no longer open.
	stripped := bytes.Clone(b[:HeaderSize+3*EntrySize])
	stripped[5] = 0
	sbd, err := Parse(stripped)
	if err != nil {
		t.Fatal(err)
	}
	if sbd.Terms != nil {
		t.Fatalf("a 1.0 bundle has terms %q", sbd.Terms)
	}
	if _, err := sbd.Open(f.rcpts[0].Proxy, f.keys[0]); !errors.Is(err, ErrOpen) {
		t.Fatalf("an entry of a stripped bundle opened: %v", err)
	}
	// No terms: a 1.0 bundle, byte for byte what Seal makes.
	if b, err := SealTerms(f.grant, f.kfrags, f.rcpts, nil); err != nil || b[5] != 0 || len(b) != HeaderSize+3*EntrySize {
		t.Fatalf("no terms: %v, %d bytes", err, len(b))
	}
	if _, err := SealTerms(f.grant, f.kfrags, f.rcpts, make([]byte, MaxTerms+1)); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("terms over MaxTerms: %v", err)
	}
}

func TestSealErrors(t *testing.T) {
	f := newFixture(t, 2, 3)
	g := f.grant
	dup := []Recipient{f.rcpts[0], f.rcpts[0], f.rcpts[1]}
	bad := []Recipient{f.rcpts[0], f.rcpts[1], {Proxy: Address{9}, PublicKey: []byte{1, 2}}}
	for name, tc := range map[string]struct {
		g     Grant
		kf    []*reencrypt.VerifiedKeyFrag
		r     []Recipient
		wants error
	}{
		"no proxies":     {g, nil, nil, ErrInvalidArgument},
		"count mismatch": {g, f.kfrags[:2], f.rcpts, ErrInvalidArgument},
		"threshold":      {Grant{Threshold: 4}, f.kfrags, f.rcpts, ErrInvalidArgument},
		"duplicate":      {g, f.kfrags, dup, ErrInvalidArgument},
		"bad key":        {g, f.kfrags, bad, ErrInvalidKey},
	} {
		if _, err := Seal(tc.g, tc.kf, tc.r); !errors.Is(err, tc.wants) {
			t.Errorf("%s: got %v, want %v", name, err, tc.wants)
		}
	}
	if err := ValidatePublicKey([]byte{1}); !errors.Is(err, ErrInvalidKey) {
		t.Errorf("ValidatePublicKey: %v", err)
	}
	if _, err := PrivateKeyFromBytes(nil); !errors.Is(err, ErrInvalidKey) {
		t.Errorf("PrivateKeyFromBytes: %v", err)
	}
}

// vector is the stored form of testdata/bundle-v1.json.
type vector struct {
	Description string   `json:"description"`
	Delegating  string   `json:"delegating_sk"`
	Receiving   string   `json:"receiving_sk"`
	Signer      string   `json:"signer_sk"`
	ProxyKeys   []string `json:"proxy_hpke_sk"`
	Proxies     []string `json:"proxies"`
	KFrags      []string `json:"kfrags"`
	Bundle      string   `json:"bundle"`
	// Terms is the terms document carried (1.1), as text.
	Terms string `json:"terms,omitempty"`
}

// detReader is a deterministic byte stream for HPKE's ephemeral keys, so the
// vector's bundle can be sealed again byte for byte.
type detReader struct{ ctr uint64 }

func (r *detReader) Read(p []byte) (int, error) {
	for i := 0; i < len(p); {
		r.ctr++
		h := sha256.Sum256([]byte{byte(r.ctr), byte(r.ctr >> 8)})
		i += copy(p[i:], h[:])
	}
	return len(p), nil
}

func TestVector(t *testing.T) {
	t.Run("1.0", func(t *testing.T) { testVector(t, "bundle-v1.json", "", false) })
	t.Run("1.1", func(t *testing.T) { testVector(t, "bundle-v1.1.json", vectorTerms, *update) })
}

func testVector(t *testing.T, name, terms string, write bool) {
	path := filepath.Join("testdata", name)
	if write {
		f := newFixture(t, 2, 3)
		v := vector{
			Description: "pdx kfrag bundle v1.1: kfrags 2-of-3 from delegating to receiving, signed by signer, sealed with HPKE ephemeral keys drawn from SHA-256(counter); entries in the order of recipients given to Seal; terms carried after the entries",
			Terms:       terms,
			Delegating:  hex.EncodeToString(f.alice.Bytes()), Receiving: hex.EncodeToString(f.bob.Bytes()), Signer: hex.EncodeToString(f.signer.Bytes()),
		}
		for i := range f.rcpts {
			v.ProxyKeys = append(v.ProxyKeys, hex.EncodeToString(f.keys[i].Bytes()))
			v.Proxies = append(v.Proxies, hex.EncodeToString(f.rcpts[i].Proxy[:]))
			v.KFrags = append(v.KFrags, hex.EncodeToString(f.kfrags[i].Bytes()))
		}
		b, err := seal(&detReader{}, f.grant, f.kfrags, f.rcpts, []byte(terms))
		if err != nil {
			t.Fatal(err)
		}
		v.Bundle = hex.EncodeToString(b)
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
	sk := func(s string) *reencrypt.SecretKey {
		k, err := reencrypt.SecretKeyFromBytes(unhex(s))
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	alice, bob, signer := sk(v.Delegating), sk(v.Receiving), reencrypt.NewSigner(sk(v.Signer))
	bundleBytes := unhex(v.Bundle)
	bd, err := Parse(bundleBytes)
	if err != nil {
		t.Fatal(err)
	}
	if string(bd.Terms) != v.Terms || (v.Terms == "") != (bd.Terms == nil) {
		t.Fatalf("terms %q, want %q", bd.Terms, v.Terms)
	}
	var kfrags []*reencrypt.VerifiedKeyFrag
	var rcpts []Recipient
	for i := range v.Proxies {
		key, err := PrivateKeyFromBytes(unhex(v.ProxyKeys[i]))
		if err != nil {
			t.Fatal(err)
		}
		var a Address
		copy(a[:], unhex(v.Proxies[i]))
		kf, err := bd.Open(a, key)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(kf.Bytes(), unhex(v.KFrags[i])) {
			t.Fatalf("entry %d opens to another kfrag", i)
		}
		vkf, err := kf.Verify(signer.VerifyingKey(), alice.PublicKey(), bob.PublicKey())
		if err != nil {
			t.Fatal(err)
		}
		kfrags = append(kfrags, vkf)
		rcpts = append(rcpts, Recipient{Proxy: a, PublicKey: key.PublicKey()})
	}
	again, err := seal(&detReader{}, bd.Grant, kfrags, rcpts, bd.Terms)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, bundleBytes) {
		t.Fatal("sealing the vector's inputs again gives other bytes: the format changed")
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"bundle-v1.json", "bundle-v1.1.json"} {
		raw, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		var v vector
		if err := json.Unmarshal(raw, &v); err != nil {
			f.Fatal(err)
		}
		b, _ := hex.DecodeString(v.Bundle)
		f.Add(b)
		f.Add(b[:HeaderSize])
	}
	key, _, _ := GenerateKey()
	f.Fuzz(func(t *testing.T, b []byte) {
		bd, err := Parse(b)
		if err != nil {
			return
		}
		for _, p := range bd.Proxies {
			_, _ = bd.Open(p, key)
			for i := range bd.Fields {
				_, _ = bd.OpenField(i, p, key)
			}
		}
	})
}
