package proxy

import (
	"encoding/hex"
	"errors"
	"fmt"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// A field grant (BUNDLE.md 1.2) gives this proxy one kfrag per granted
// field group of a split version, each of the field's own key, and none of
// the dataset's key. A request names the field whose capsule it sends
// (PROTOCOL.md, "Field grants") and is re-encrypted with that field's kfrag
// only; a field the grant does not name has no kfrag here at all.

// fieldKFrag is one field's kfrag as a grant file keeps it.
type fieldKFrag struct {
	Name  string `json:"name"`
	Key   string `json:"key"`   // hex, the field's delegating public key
	KFrag string `json:"kfrag"` // hex; verified against Key before it was stored
}

// held is what a grant gave this proxy: the dataset's kfrag (whole), or
// a field grant's kfrags by field name (fields).
type held struct {
	whole  *reencrypt.VerifiedKeyFrag
	fields map[string]*reencrypt.VerifiedKeyFrag
}

// forField returns the kfrag that re-encrypts a capsule of field (empty:
// the whole dataset's), or the refusal.
func (h *held) forField(field string, dataset uint64) (*reencrypt.VerifiedKeyFrag, error) {
	switch {
	case h.fields == nil && field == "":
		return h.whole, nil
	case h.fields == nil:
		return nil, refuse(proxyapi.CodeBadRequest, 0, "the grant of dataset %d is of the whole dataset, not of fields; ask without a field", dataset)
	case field == "":
		return nil, refuse(proxyapi.CodeNotGranted, 0, "the grant of dataset %d covers some fields only; name the field whose capsule this is", dataset)
	}
	kf, ok := h.fields[field]
	if !ok {
		return nil, refuse(proxyapi.CodeNotGranted, 0, "the grant of dataset %d does not cover the field %q", dataset, field)
	}
	return kf, nil
}

func verifyWhole(raw []byte, vk, pkA, pkB *reencrypt.PublicKey) (*held, error) {
	parsed, err := reencrypt.KeyFragFromBytes(raw)
	if err != nil {
		return nil, err
	}
	// Full verification against every key on chain, before storing and
	// again after a restart: the proxy never re-encrypts with a kfrag the
	// owner did not sign for this dataset and grantee.
	kf, err := parsed.Verify(vk, pkA, pkB)
	if err != nil {
		return nil, fmt.Errorf("the kfrag does not verify against the keys on chain: %w", err)
	}
	return &held{whole: kf}, nil
}

// verifyFields verifies each field's kfrag against the field's key (from
// the bundle, whose digest the owner put on chain), the owner's verifying
// key and the grantee's receiving key: the owner's signature on a kfrag
// covers its delegating key, so only the owner can have made it.
func verifyFields(fields []fieldKFrag, vk, pkB *reencrypt.PublicKey) (*held, error) {
	h := &held{fields: map[string]*reencrypt.VerifiedKeyFrag{}}
	for _, f := range fields {
		kb, err := hex.DecodeString(f.Key)
		if err != nil {
			return nil, fmt.Errorf("field %q: its key is corrupt", f.Name)
		}
		pk, err := reencrypt.PublicKeyFromBytes(kb)
		if err != nil {
			return nil, fmt.Errorf("field %q: its key is not a curve point: %w", f.Name, err)
		}
		raw, err := hex.DecodeString(f.KFrag)
		if err != nil {
			return nil, fmt.Errorf("field %q: its stored kfrag is corrupt", f.Name)
		}
		parsed, err := reencrypt.KeyFragFromBytes(raw)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", f.Name, err)
		}
		kf, err := parsed.Verify(vk, pk, pkB)
		if err != nil {
			return nil, fmt.Errorf("field %q: the kfrag does not verify against the field's key and the keys on chain: %w", f.Name, err)
		}
		h.fields[f.Name] = kf
	}
	return h, nil
}

// openFields opens this proxy's kfrag of every field of a field grant's
// bundle, with the current HPKE key or the previous one.
func (p *Proxy) openFields(bd *bundle.Bundle) ([]fieldKFrag, error) {
	var out []fieldKFrag
	for i, f := range bd.Fields {
		var kf *reencrypt.KeyFrag
		var err error
		for _, k := range p.keys.keys() {
			if kf, err = bd.OpenField(i, bundle.Address(p.addr), k); !errors.Is(err, bundle.ErrOpen) {
				break
			}
		}
		if err != nil {
			return nil, err
		}
		out = append(out, fieldKFrag{Name: f.Name, Key: hex.EncodeToString(f.Key), KFrag: hex.EncodeToString(kf.Bytes())})
	}
	return out, nil
}
