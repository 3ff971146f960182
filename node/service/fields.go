package service

import (
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// A split version (node/fieldsplit/FIELDS.md) is a manifest registered on
// chain in place of an envelope: each field group is an envelope of its own,
// under a key of its own, so a grant can delegate some groups and no key of
// the others. This file puts such versions and reads them as the owner;
// fieldgrant.go grants and reads them as a grantee.

// FieldKeyring derives a dataset's field keys: the keys a split version's
// groups are sealed under. The daemon's is the home's (FieldKey of each
// salt).
type FieldKeyring interface {
	// FieldKeys returns the keys of field name of the dataset with this
	// chain id, current first then earlier ones (after rotations); none
	// when this home does not hold the dataset.
	FieldKeys(ctx context.Context, dataset uint64, name string) ([]*reencrypt.SecretKey, error)
}

// PutFieldsRequest is a document to put split into field groups.
type PutFieldsRequest struct {
	Dataset uint64
	Format  fieldsplit.Format
	Doc     []byte
	Schema  *fieldsplit.Schema
	// Key returns the current key of field group name.
	Key     func(name string) (*reencrypt.SecretKey, error)
	PinName string
}

// PutFieldsResult is a stored split version.
type PutFieldsResult struct {
	PutResult
	Fields []fieldsplit.Field `json:"fields"`
}

// ErrSplitPublic: a public dataset's versions are plaintext; splitting one
// into fields would seal nothing.
var ErrSplitPublic = errkind.New(errkind.Usage, "a public dataset's versions are plaintext and are not split into fields")

// PutFields splits the document, seals each group as an envelope under its
// field key, stores the manifest and registers it as the dataset's next
// version (its fingerprint: SHA-256 of the manifest). Bad input is refused
// before anything is stored; a failure after the first envelope unpins what
// this put pinned.
func (s *Service) PutFields(ctx context.Context, req PutFieldsRequest) (_ *PutFieldsResult, err error) {
	parts, order, err := fieldsplit.Split(req.Format, req.Doc, req.Schema)
	if err != nil {
		return nil, err
	}
	vis, err := s.cfg.Chain.VisibilityOf(ctx, req.Dataset)
	if err != nil {
		return nil, err
	}
	if vis.Visibility == acl.Public {
		return nil, fmt.Errorf("%w: dataset %d is public", ErrSplitPublic, req.Dataset)
	}
	var pinned []cid.Cid
	defer func() {
		if err != nil {
			for _, c := range pinned {
				_ = s.cfg.Store.Unpin(context.WithoutCancel(ctx), c)
			}
		}
	}()
	m := &fieldsplit.Manifest{Pdx: fieldsplit.Magic, Version: fieldsplit.ManifestVersion, Format: req.Format,
		Dataset: hex.EncodeToString(func() []byte { d := acl.DatasetID32(req.Dataset); return d[:] }()),
		Owner:   s.addr.Hex(), Order: order}
	for _, p := range parts {
		key, err := req.Key(p.Name)
		if err != nil {
			return nil, err
		}
		res, err := envstore.Put(ctx, s.cfg.Store, bytes.NewReader(p.Data), envelope.WriterConfig{
			DatasetID: acl.DatasetID32(req.Dataset), Owner: s.addr, DatasetKey: key.PublicKey(),
		}, req.PinName)
		if err != nil {
			return nil, err
		}
		pinned = append(pinned, res.CID)
		m.Fields = append(m.Fields, fieldsplit.Field{Name: p.Name, Paths: p.Paths, CID: res.CID.String(),
			Fingerprint: res.Commitment.String(), Key: hex.EncodeToString(key.PublicKey().Bytes()), Size: res.Size})
	}
	mb, err := m.Encode()
	if err != nil {
		return nil, err
	}
	mc, err := s.cfg.Store.Add(ctx, bytes.NewReader(mb), storage.AddOptions{Name: req.PinName})
	if err != nil {
		return nil, err
	}
	pinned = append(pinned, mc)
	s.crash("put:stored")
	fp := fieldsplit.Fingerprint(mb)
	version, _, err := s.cfg.Chain.AddCID(ctx, req.Dataset, mc.Bytes(), fp)
	if err != nil {
		return nil, fmt.Errorf("service: the split version %s is stored but not registered: %w", mc, err)
	}
	var size int64 = int64(len(mb))
	for _, f := range m.Fields {
		size += f.Size
	}
	return &PutFieldsResult{PutResult: PutResult{Dataset: req.Dataset, CID: mc.String(), Version: version, Fingerprint: envelope.Commitment(fp), Size: size},
		Fields: m.Fields}, nil
}

// readManifest fetches the manifest c and checks it against the version's
// fingerprint on chain (SHA-256 of its bytes), its owner and dataset.
func (s *Service) readManifest(ctx context.Context, c cid.Cid, fingerprint [32]byte, owner common.Address, dataset uint64) (*fieldsplit.Manifest, error) {
	fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	defer cancel()
	rc, err := s.cfg.Store.Get(fctx, c)
	if err != nil {
		return nil, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, fieldsplit.MaxManifest+1))
	if err != nil {
		return nil, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, err)
	}
	if fieldsplit.Fingerprint(b) != fingerprint {
		return nil, fmt.Errorf("%w: the field manifest %s", ErrFingerprint, c)
	}
	m, err := fieldsplit.ParseManifest(b)
	if err != nil {
		return nil, err
	}
	did := acl.DatasetID32(dataset)
	if m.Owner != owner.Hex() || m.Dataset != hex.EncodeToString(did[:]) {
		return nil, fmt.Errorf("%w: the field manifest %s names dataset %s of %s, the chain dataset %d of %s", ErrNotMine, c, m.Dataset, m.Owner, dataset, owner.Hex())
	}
	return m, nil
}

// isManifest reports whether the object c is a field manifest, from its
// first bytes (an envelope starts otherwise).
func (s *Service) isManifest(ctx context.Context, c cid.Cid) (bool, error) {
	fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	defer cancel()
	rc, err := s.cfg.Store.GetRange(fctx, c, 0, 16)
	if err != nil {
		return false, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, err)
	}
	defer rc.Close()
	head, err := io.ReadAll(rc)
	if err != nil {
		return false, err
	}
	return fieldsplit.IsManifest(head), nil
}

// openField streams field f's envelope into memory with the file key open
// finds, checking it against the manifest's fingerprint.
func (s *Service) openField(ctx context.Context, f *fieldsplit.Field, open func(*envelope.Header) (envelope.FileKey, error)) ([]byte, error) {
	c, err := cid.Decode(f.CID)
	if err != nil {
		return nil, err
	}
	fp, err := fieldsplit.DecodeHex32(f.Fingerprint)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	// Fields are small and per-field attestations name their fingerprints:
	// always hash them.
	if _, err := s.stream(ctx, c, fp, open, true, &buf); err != nil {
		return nil, fmt.Errorf("field %q: %w", f.Name, err)
	}
	return buf.Bytes(), nil
}

// getOwnFields reads a split version of the owner's: every field, opened
// with the keys the keyring derives, joined into the whole document.
func (s *Service) getOwnFields(ctx context.Context, c cid.Cid, rec acl.CIDRecord, fingerprint [32]byte, keys FieldKeyring, w io.Writer) (*GetResult, error) {
	if keys == nil {
		return nil, fmt.Errorf("service: %s is a split version and this node derives no field keys", c)
	}
	m, err := s.readManifest(ctx, c, fingerprint, rec.Owner, rec.Dataset)
	if err != nil {
		return nil, err
	}
	data := map[string][]byte{}
	for i := range m.Fields {
		f := &m.Fields[i]
		ks, err := keys.FieldKeys(ctx, rec.Dataset, f.Name)
		if err != nil {
			return nil, err
		}
		b, err := s.openField(ctx, f, func(h *envelope.Header) (envelope.FileKey, error) {
			return h.FileKey(ownerIdentities(ks)...)
		})
		if err != nil {
			return nil, err
		}
		data[f.Name] = b
	}
	doc, err := fieldsplit.Join(m.Format, m.Order, m.Groups(), data)
	if err != nil {
		return nil, err
	}
	n, err := w.Write(doc)
	if err != nil {
		return nil, err
	}
	return &GetResult{CID: c.String(), Dataset: rec.Dataset, Owner: rec.Owner, Version: rec.Version, Bytes: int64(n), Fields: m.Names()}, nil
}

// ReadManifest returns the field manifest of one of this account's split
// versions, checked against the chain.
func (s *Service) ReadManifest(ctx context.Context, c cid.Cid) (*fieldsplit.Manifest, error) {
	cctx, cancel := context.WithTimeout(ctx, s.cfg.ChainTimeout)
	rec, err := s.cfg.Chain.DatasetOfCID(cctx, s.addr, c.Bytes())
	cancel()
	if err != nil {
		return nil, err
	}
	cctx, cancel = context.WithTimeout(ctx, s.cfg.ChainTimeout)
	fp, err := s.fingerprint(cctx, rec.Dataset, c)
	cancel()
	if err != nil {
		return nil, err
	}
	return s.readManifest(ctx, c, fp, rec.Owner, rec.Dataset)
}

// fieldKeysOf is the keyring's field keys when it derives them.
func fieldKeysOf(own Keyring) FieldKeyring {
	fk, _ := own.(FieldKeyring)
	return fk
}
