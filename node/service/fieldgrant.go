package service

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
	"github.com/pdx-network/pdx/reencrypt/envelope"
	"github.com/pdx-network/pdx/reencrypt/rewrap"
)

// FieldGrant is one field group a field grant covers, with the key its
// envelopes are under (the owner's; only kfrags of it leave this node).
type FieldGrant struct {
	Name string
	Key  *reencrypt.SecretKey
}

// sealFields makes kfrags of each granted field's key to the grantee and
// seals them into a 1.2 bundle: no kfrag of the dataset key or of any
// field not named is made at all.
func (s *Service) sealFields(g bundle.Grant, fields []FieldGrant, receiving *reencrypt.PublicKey, rcpts []bundle.Recipient, terms []byte) ([]byte, error) {
	fks := make([]bundle.FieldKFrags, len(fields))
	for i, f := range fields {
		kfs, err := reencrypt.GenerateKFrags(f.Key, receiving, s.cfg.Signer, g.Threshold, len(rcpts), true, true)
		if err != nil {
			return nil, err
		}
		fks[i] = bundle.FieldKFrags{Name: f.Name, Key: f.Key.PublicKey(), KFrags: kfs}
	}
	return bundle.SealFields(g, fks, rcpts, terms)
}

// ErrFieldGrantWhole: a field grant reads split versions only; a version
// that is one envelope under the dataset key has nothing it can open.
var ErrFieldGrantWhole = fmt.Errorf("%w: the grant covers some fields of the dataset, and this version is not split into fields", ErrNoGrant)

// getFields reads a split version under a field grant: the manifest
// (checked against the chain), then each field the grant's bundle names
// whose key is the manifest's key of that field, each through the proxies
// with that field's kfrags, joined into one document. A field the grant
// does not name is not fetched and not asked for.
func (s *Service) getFields(ctx context.Context, c cid.Cid, look *getLookup, w io.Writer) (*GetResult, error) {
	m, err := s.readManifest(ctx, c, look.fingerprint, look.ds.Owner, look.rec.Dataset)
	if err != nil {
		if !s.isManifestOrUnknown(ctx, c) {
			return nil, fmt.Errorf("%w (%s)", ErrFieldGrantWhole, c)
		}
		return nil, err
	}
	granted := map[string][]byte{}
	for _, f := range look.bundle.Fields {
		granted[f.Name] = f.Key
	}
	data := map[string][]byte{}
	var names, failures []string
	rw := &fieldRewraps{s: s, look: look}
	for i := range m.Fields {
		f := &m.Fields[i]
		key, ok := granted[f.Name]
		if !ok {
			continue // not granted: never fetched, never asked for
		}
		pk, err := reencrypt.PublicKeyFromBytes(key)
		if err != nil {
			return nil, err
		}
		fl := *look
		fl.pkA, fl.field = pk, f.Name
		if hex.EncodeToString(key) != f.Key {
			// Granted under another key (another salt): a version put
			// before the last rotation opens through the rotation's
			// wrap of this field under the granted key, if it has one.
			wrap, err := rw.find(ctx, f, key)
			if err != nil {
				return nil, err
			}
			if wrap == nil {
				continue
			}
			fl.fieldWrap = wrap
		}
		var fails []string
		b, err := s.openField(ctx, f, func(h *envelope.Header) (envelope.FileKey, error) {
			id, fs, err := s.granteeIdentity(ctx, c, h, &fl)
			fails = fs
			if err != nil {
				return envelope.FileKey{}, err
			}
			return h.FileKey(id)
		})
		failures = append(failures, fails...)
		if err != nil {
			return nil, err
		}
		data[f.Name] = b
		names = append(names, f.Name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: the grant covers the fields %s, and version %d of dataset %d has none of them under the keys granted", ErrNoGrant, fieldNames(look.bundle.Fields), look.rec.Version, look.rec.Dataset)
	}
	doc, err := fieldsplit.Join(m.Format, m.Order, m.Groups(), data)
	if err != nil {
		return nil, err
	}
	n, err := io.Copy(w, bytes.NewReader(doc))
	if err != nil {
		return nil, err
	}
	purpose, _ := look.purpose()
	return &GetResult{CID: c.String(), Dataset: look.rec.Dataset, Owner: look.ds.Owner, Version: look.rec.Version, Bytes: n,
		Purpose: purpose, Failures: failures, Fields: names}, nil
}

// fieldRewraps finds field envelopes' wraps in the rewrap manifest of the
// dataset's last rotation, fetched once per read and only when needed.
type fieldRewraps struct {
	s       *Service
	look    *getLookup
	fetched bool
	m       *rewrap.Manifest
}

// find returns the wrap of field f's envelope under key (the field's key
// the grant carries kfrags of), or nil when the version is of the current
// epoch or the rotation wrapped no such field under that key: the field is
// then not read (it is under a key not granted).
func (r *fieldRewraps) find(ctx context.Context, f *fieldsplit.Field, key []byte) (*envelope.Wrap, error) {
	if !r.fetched {
		r.fetched = true
		_, current, err := r.s.cfg.Chain.KeyAt(ctx, r.look.rec.Dataset, 0)
		if err != nil {
			return nil, err
		}
		if r.look.rec.Epoch < current {
			r.m, err = r.s.rotationRewrap(ctx, r.look.rec, r.look.ds, current)
			if err != nil && !errors.Is(err, rewrap.ErrNotFound) {
				return nil, err
			}
		}
	}
	if r.m == nil {
		return nil, nil
	}
	fc, err := cid.Decode(f.CID)
	if err != nil {
		return nil, err
	}
	e, err := r.m.FindField(acl.CIDHash(fc.Bytes()))
	if errors.Is(err, rewrap.ErrNotFound) || err == nil && !bytes.Equal(e.Key.Bytes(), key) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &envelope.Wrap{Capsule: e.Capsule, WrappedKey: e.WrappedKey}, nil
}

// isManifestOrUnknown: the object c is a field manifest, or cannot be
// told (then the manifest's own error is the better one).
func (s *Service) isManifestOrUnknown(ctx context.Context, c cid.Cid) bool {
	ok, err := s.isManifest(ctx, c)
	return ok || err != nil
}

func fieldNames(fs []bundle.Field) string {
	var b bytes.Buffer
	for i, f := range fs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.Name)
	}
	return b.String()
}

// UseFieldKeys gives the service the owner's field keys, so that a
// rotation's re-bundling and a reconcile's re-grant re-make a field grant
// as a field grant (with the fields' current keys). Call it once, before
// the service is used.
func (s *Service) UseFieldKeys(k FieldKeyring) { s.fieldKeys = k }

// ErrFieldRegrant: a field grant cannot be re-made here as one (no field
// keys), and re-making it as a grant of the whole dataset would widen it.
var ErrFieldRegrant = errors.New("service: a field grant is re-made only as a field grant")

// keepFields makes a re-grant or re-bundling of a field grant (FromBundle
// names a 1.2 bundle) a field grant of the same fields, under their current
// keys: never a grant of the whole dataset, which would open every field.
func (s *Service) keepFields(ctx context.Context, req *GrantRequest) error {
	if err := s.policyFields(ctx, req); err != nil {
		return err
	}
	if len(req.Fields) > 0 || req.FromBundle == ([32]byte{}) {
		return nil
	}
	fctx, cancel := context.WithTimeout(ctx, min(s.cfg.FetchTimeout, 10*time.Second))
	raw, err := envstore.Bundles{S: s.cfg.Store}.Bundle(fctx, req.FromBundle)
	cancel()
	if err != nil {
		return nil // unknown: the caller's own choice stands (FIELDS.md, "Limits")
	}
	bd, err := bundle.Parse(raw)
	if err != nil || bd.Fields == nil {
		return nil
	}
	if s.fieldKeys == nil {
		return fmt.Errorf("%w: dataset %d's grant to %s covers the fields %s; grant them again (pdx grant --fields)", ErrFieldRegrant, req.Dataset, req.Grantee.Hex(), fieldNames(bd.Fields))
	}
	for _, f := range bd.Fields {
		keys, err := s.fieldKeys.FieldKeys(ctx, req.Dataset, f.Name)
		if err != nil {
			return err
		}
		if len(keys) == 0 {
			return fmt.Errorf("%w: dataset %d is not held here", ErrFieldRegrant, req.Dataset)
		}
		req.Fields = append(req.Fields, FieldGrant{Name: f.Name, Key: keys[0]})
	}
	return nil
}

// hasSplitVersions reports whether any version of the dataset is a field
// manifest.
func (s *Service) hasSplitVersions(ctx context.Context, dataset uint64) (bool, error) {
	versions, err := s.Versions(ctx, dataset)
	if err != nil {
		return false, err
	}
	for _, v := range versions {
		ok, err := s.isManifest(ctx, v.CID)
		if err != nil {
			return false, err
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

// ErrFieldsMismatch: a grant names other fields than its usage policy.
var ErrFieldsMismatch = errkind.New(errkind.Usage, "the fields of the grant are not the fields its usage policy names")

// policyFields makes a grant under a policy that names fields (profile
// version 2, docs/policy.md "Fields") a field grant of exactly those fields
// — so a purchase of an offer whose policy covers some fields is granted
// those fields only — and refuses a grant whose fields differ from its
// policy's.
func (s *Service) policyFields(ctx context.Context, req *GrantRequest) error {
	if req.Policy == nil || len(req.Policy.Fields) == 0 {
		return nil
	}
	if len(req.Fields) > 0 {
		names := make([]string, len(req.Fields))
		for i, f := range req.Fields {
			names[i] = f.Name
		}
		slices.Sort(names)
		if !slices.Equal(names, req.Policy.Fields) {
			return fmt.Errorf("%w: the grant names %s, the policy %s", ErrFieldsMismatch, strings.Join(names, ","), strings.Join(req.Policy.Fields, ","))
		}
		return nil
	}
	if s.fieldKeys == nil {
		return fmt.Errorf("%w: the policy covers the fields %s and this node derives no field keys", ErrFieldRegrant, strings.Join(req.Policy.Fields, ","))
	}
	for _, n := range req.Policy.Fields {
		keys, err := s.fieldKeys.FieldKeys(ctx, req.Dataset, n)
		if err != nil {
			return err
		}
		if len(keys) == 0 {
			return fmt.Errorf("%w: dataset %d is not held here", ErrFieldRegrant, req.Dataset)
		}
		req.Fields = append(req.Fields, FieldGrant{Name: n, Key: keys[0]})
	}
	return nil
}

// BundleFields is the fields a grant's bundle (its digest) covers: the
// field groups of a field grant, nil for a grant of the whole dataset or a
// bundle not readable within a few seconds. A grantee's views show it
// beside the owner's (GrantRecord.Fields).
func (s *Service) BundleFields(ctx context.Context, digest [32]byte) []string {
	_, fields := s.bundleInfo(ctx, digest)
	return fields
}
