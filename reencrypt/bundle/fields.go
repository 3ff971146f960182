package bundle

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"slices"

	"github.com/pdx-network/pdx/reencrypt"
)

// MinorFields is the minor version of a field grant's bundle (BUNDLE.md 1.2).
const MinorFields = 2

// MaxFields bounds the fields of one bundle.
const MaxFields = 64

// fieldKeySize is a compressed secp256k1 public key's size.
const fieldKeySize = 33

// Field is one field group a field grant delegates: its name and its
// Umbral delegating public key (33 bytes). The proxies verify the field's
// kfrags against this key; it is authentic because the bundle's digest is
// on chain in the owner's own grant transaction, and the kfrags are signed
// by the owner's verifying key, which covers the delegating key.
type Field struct {
	Name string
	Key  []byte
}

// FieldKFrags are one field's kfrags, kfrags[i] for recipients[i].
type FieldKFrags struct {
	Name   string
	Key    *reencrypt.PublicKey
	KFrags []*reencrypt.VerifiedKeyFrag
}

// fieldAAD binds a field's entries to its index, name and key.
func fieldAAD(i int, f Field) []byte {
	b := []byte{byte(i), byte(len(f.Name))}
	b = append(b, f.Name...)
	return append(b, f.Key...)
}

// SealFields seals a field grant (version 1.2): for each field, one kfrag
// of the field's key per proxy. The bundle holds no kfrag of any other
// key: whoever opens it (the proxies, with their HPKE keys) can re-encrypt
// the named fields' capsules and nothing else. terms may be empty.
func SealFields(g Grant, fields []FieldKFrags, recipients []Recipient, terms []byte) ([]byte, error) {
	return sealFields(rand.Reader, g, fields, recipients, terms)
}

func sealFields(rnd io.Reader, g Grant, fields []FieldKFrags, recipients []Recipient, terms []byte) ([]byte, error) {
	if len(terms) > MaxTerms {
		return nil, fmt.Errorf("%w: the terms document is %d bytes, more than %d", ErrInvalidArgument, len(terms), MaxTerms)
	}
	if len(fields) == 0 || len(fields) > MaxFields {
		return nil, fmt.Errorf("%w: a field grant names 1 to %d fields (got %d)", ErrInvalidArgument, MaxFields, len(fields))
	}
	n := len(recipients)
	order, err := checkRecipients(g, n, recipients)
	if err != nil {
		return nil, err
	}
	meta := make([]Field, len(fields))
	names := map[string]bool{}
	for i, f := range fields {
		if f.Name == "" || len(f.Name) > 64 || names[f.Name] {
			return nil, fmt.Errorf("%w: field name %q (empty, longer than 64 bytes or twice)", ErrInvalidArgument, f.Name)
		}
		names[f.Name] = true
		if len(f.KFrags) != n || f.Key == nil {
			return nil, fmt.Errorf("%w: field %q has %d kfrags for %d proxies", ErrInvalidArgument, f.Name, len(f.KFrags), n)
		}
		meta[i] = Field{Name: f.Name, Key: f.Key.Bytes()}
	}
	h := header(g, n, MinorFields)
	out := slices.Clone(h)
	if out, err = sealEntries(rnd, out, g, h, order, fields[0].KFrags, recipients, fieldAAD(0, meta[0])); err != nil {
		return nil, err
	}
	out = binary.BigEndian.AppendUint32(out, uint32(len(terms)))
	out = append(out, terms...)
	out = append(out, byte(len(fields)))
	for _, f := range meta {
		out = append(out, byte(len(f.Name)))
		out = append(out, f.Name...)
		out = append(out, f.Key...)
	}
	for i := 1; i < len(fields); i++ {
		if out, err = sealEntries(rnd, out, g, h, order, fields[i].KFrags, recipients, fieldAAD(i, meta[i])); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// parseFields reads a 1.2 bundle's fields section (rest: every byte after
// the terms section).
func (bd *Bundle) parseFields(rest, body []byte, n int, minor byte) error {
	if len(rest) < 1 {
		return fmt.Errorf("%w: a version 1.%d bundle without its fields section", ErrMalformed, minor)
	}
	nf := int(rest[0])
	if nf == 0 || nf > MaxFields {
		return fmt.Errorf("%w: %d fields (1 to %d)", ErrMalformed, nf, MaxFields)
	}
	rest = rest[1:]
	names := map[string]bool{}
	keys := map[string]bool{}
	for range nf {
		if len(rest) < 1 {
			return fmt.Errorf("%w: the fields section ends early", ErrMalformed)
		}
		l := int(rest[0])
		if l == 0 || l > 64 || len(rest) < 1+l+fieldKeySize {
			return fmt.Errorf("%w: a field name of %d bytes, or the section ends early", ErrMalformed, l)
		}
		f := Field{Name: string(rest[1 : 1+l]), Key: bytes.Clone(rest[1+l : 1+l+fieldKeySize])}
		if names[f.Name] || keys[string(f.Key)] {
			return fmt.Errorf("%w: field %q or its key appears twice", ErrMalformed, f.Name)
		}
		names[f.Name], keys[string(f.Key)] = true, true
		bd.Fields = append(bd.Fields, f)
		rest = rest[1+l+fieldKeySize:]
	}
	want := (nf - 1) * n * EntrySize
	if len(rest) < want || (minor == MinorFields && len(rest) != want) {
		return fmt.Errorf("%w: %d bytes of field entries, want %d", ErrMalformed, len(rest), want)
	}
	bd.fieldEntries = [][][]byte{nil} // field 0's are the main entries, set after
	for i := 1; i < nf; i++ {
		var es [][]byte
		for j := range n {
			e := rest[((i-1)*n+j)*EntrySize : ((i-1)*n+j+1)*EntrySize]
			if !bytes.Equal(e[:20], body[j*EntrySize:j*EntrySize+20]) {
				return fmt.Errorf("%w: field %q's entry %d is for another proxy than the bundle's entry %d", ErrMalformed, bd.Fields[i].Name, j, j)
			}
			es = append(es, e)
		}
		bd.fieldEntries = append(bd.fieldEntries, es)
	}
	return nil
}

// OpenField decrypts field i's kfrag sealed to proxy. As with Open, verify
// it before storing it: against the owner's verifying key, the field's key
// (Fields[i].Key) and the grantee's receiving key.
func (bd *Bundle) OpenField(i int, proxy Address, key *PrivateKey) (*reencrypt.KeyFrag, error) {
	if i < 0 || i >= len(bd.Fields) {
		return nil, fmt.Errorf("%w: the bundle has no field %d", ErrNoEntry, i)
	}
	entries := bd.entries
	if i > 0 {
		entries = bd.fieldEntries[i]
	}
	return bd.open(entries, proxy, key, fieldAAD(i, bd.Fields[i]))
}
