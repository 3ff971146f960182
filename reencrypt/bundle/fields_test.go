package bundle

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
)

// fieldVector is testdata/bundle-v1.2.json: a field grant of two fields.
type fieldVector struct {
	Description string   `json:"description"`
	Receiving   string   `json:"receiving_sk"`
	Signer      string   `json:"signer_sk"`
	ProxyKeys   []string `json:"proxy_hpke_sk"`
	Proxies     []string `json:"proxies"`
	Fields      []struct {
		Name       string   `json:"name"`
		Delegating string   `json:"delegating_sk"`
		KFrags     []string `json:"kfrags"`
	} `json:"fields"`
	Terms  string `json:"terms"`
	Bundle string `json:"bundle"`
}

// fieldFixture: one grant, two fields under keys of their own.
func fieldFixture(t *testing.T, f *fixture) ([]FieldKFrags, []*reencrypt.SecretKey) {
	t.Helper()
	var out []FieldKFrags
	var sks []*reencrypt.SecretKey
	for _, name := range []string{"age", "city"} {
		sk, _ := reencrypt.GenerateSecretKey()
		kfs, err := reencrypt.GenerateKFrags(sk, f.bob.PublicKey(), reencrypt.NewSigner(f.signer), f.grant.Threshold, len(f.rcpts), true, true)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, FieldKFrags{Name: name, Key: sk.PublicKey(), KFrags: kfs})
		sks = append(sks, sk)
	}
	return out, sks
}

// TestFieldBundle: each proxy opens each field's kfrag, which verifies
// against that field's key only; the bundle has no kfrag of any other key
// (Open refuses it), and every field entry is bound to its field.
func TestFieldBundle(t *testing.T) {
	f := newFixture(t, 2, 3)
	fields, sks := fieldFixture(t, f)
	b, err := SealFields(f.grant, fields, f.rcpts, nil)
	if err != nil {
		t.Fatal(err)
	}
	bd, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(bd.Fields) != 2 || bd.Fields[0].Name != "age" || bd.Fields[1].Name != "city" || bd.Terms != nil {
		t.Fatalf("fields %+v terms %q", bd.Fields, bd.Terms)
	}
	for pi, r := range f.rcpts {
		if _, err := bd.Open(r.Proxy, f.keys[pi]); !errors.Is(err, ErrNoEntry) {
			t.Fatalf("Open of a field bundle: %v", err)
		}
		for i := range fields {
			kf, err := bd.OpenField(i, r.Proxy, f.keys[pi])
			if err != nil {
				t.Fatal(err)
			}
			if _, err := kf.Verify(reencrypt.NewSigner(f.signer).VerifyingKey(), sks[i].PublicKey(), f.bob.PublicKey()); err != nil {
				t.Fatalf("field %d: %v", i, err)
			}
			other := sks[1-i]
			if _, err := kf.Verify(reencrypt.NewSigner(f.signer).VerifyingKey(), other.PublicKey(), f.bob.PublicKey()); err == nil {
				t.Fatalf("field %d's kfrag verifies under the other field's key", i)
			}
			if _, err := kf.Verify(reencrypt.NewSigner(f.signer).VerifyingKey(), f.alice.PublicKey(), f.bob.PublicKey()); err == nil {
				t.Fatalf("field %d's kfrag verifies under the dataset's key", i)
			}
		}
	}
	// Swapping the two fields' names in the section: entries no longer open.
	swapped := bytes.Replace(bytes.Replace(b, []byte("\x03age"), []byte("\x03tmp"), 1), []byte("\x04city"), []byte("\x04cit2"), 1)
	if bd2, err := Parse(swapped); err == nil {
		if _, err := bd2.OpenField(0, f.rcpts[0].Proxy, f.keys[0]); !errors.Is(err, ErrOpen) {
			t.Fatalf("a renamed field opened: %v", err)
		}
	}
	// Truncated, extended, zero fields: malformed.
	for _, bad := range [][]byte{b[:len(b)-1], append(bytes.Clone(b), 0), b[:HeaderSize+3*EntrySize+termsLen]} {
		if _, err := Parse(bad); !errors.Is(err, ErrMalformed) {
			t.Fatalf("Parse of a damaged field bundle: %v", err)
		}
	}
	if _, err := SealFields(f.grant, nil, f.rcpts, nil); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("no fields: %v", err)
	}
	dup := []FieldKFrags{fields[0], fields[0]}
	if _, err := SealFields(f.grant, dup, f.rcpts, nil); !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("a field twice: %v", err)
	}
}

func TestFieldVector(t *testing.T) {
	path := filepath.Join("testdata", "bundle-v1.2.json")
	if *update {
		f := newFixture(t, 2, 3)
		fields, sks := fieldFixture(t, f)
		v := fieldVector{
			Description: "pdx kfrag bundle v1.2 (a field grant): kfrags 2-of-3 of two field keys to receiving, signed by signer, sealed with HPKE ephemeral keys drawn from SHA-256(counter); terms carried after field 0's entries, then the fields section",
			Receiving:   hex.EncodeToString(f.bob.Bytes()), Signer: hex.EncodeToString(f.signer.Bytes()), Terms: vectorTerms,
		}
		for i := range f.rcpts {
			v.ProxyKeys = append(v.ProxyKeys, hex.EncodeToString(f.keys[i].Bytes()))
			v.Proxies = append(v.Proxies, hex.EncodeToString(f.rcpts[i].Proxy[:]))
		}
		for i, fk := range fields {
			vf := struct {
				Name       string   `json:"name"`
				Delegating string   `json:"delegating_sk"`
				KFrags     []string `json:"kfrags"`
			}{Name: fk.Name, Delegating: hex.EncodeToString(sks[i].Bytes())}
			for _, kf := range fk.KFrags {
				vf.KFrags = append(vf.KFrags, hex.EncodeToString(kf.Bytes()))
			}
			v.Fields = append(v.Fields, vf)
		}
		b, err := sealFields(&detReader{}, f.grant, fields, f.rcpts, []byte(vectorTerms))
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
	var v fieldVector
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
	bob, signer := sk(v.Receiving), reencrypt.NewSigner(sk(v.Signer))
	bb := unhex(v.Bundle)
	bd, err := Parse(bb)
	if err != nil {
		t.Fatal(err)
	}
	if string(bd.Terms) != v.Terms || len(bd.Fields) != len(v.Fields) {
		t.Fatalf("terms %q, %d fields", bd.Terms, len(bd.Fields))
	}
	var fields []FieldKFrags
	var rcpts []Recipient
	for i, vf := range v.Fields {
		dk := sk(vf.Delegating)
		fk := FieldKFrags{Name: vf.Name, Key: dk.PublicKey()}
		if bd.Fields[i].Name != vf.Name || !bytes.Equal(bd.Fields[i].Key, dk.PublicKey().Bytes()) {
			t.Fatalf("field %d is %q", i, bd.Fields[i].Name)
		}
		for pi := range v.Proxies {
			key, err := PrivateKeyFromBytes(unhex(v.ProxyKeys[pi]))
			if err != nil {
				t.Fatal(err)
			}
			var a Address
			copy(a[:], unhex(v.Proxies[pi]))
			kf, err := bd.OpenField(i, a, key)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(kf.Bytes(), unhex(vf.KFrags[pi])) {
				t.Fatalf("field %d entry %d opens to another kfrag", i, pi)
			}
			vkf, err := kf.Verify(signer.VerifyingKey(), dk.PublicKey(), bob.PublicKey())
			if err != nil {
				t.Fatal(err)
			}
			fk.KFrags = append(fk.KFrags, vkf)
			if i == 0 {
				rcpts = append(rcpts, Recipient{Proxy: a, PublicKey: key.PublicKey()})
			}
		}
		fields = append(fields, fk)
	}
	again, err := sealFields(&detReader{}, bd.Grant, fields, rcpts, bd.Terms)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, bb) {
		t.Fatal("sealing the vector's inputs again gives other bytes: the format changed")
	}
}
