package service

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
	"github.com/pdx-network/pdx/reencrypt/rewrap"
)

// ErrUnknownCID: no owner registered the CID — or none that this account
// holds a grant from and none the envelope names.
var ErrUnknownCID = errors.New("service: this CID is not registered on chain")

// resolved is what the chain says of a CID a brand asked for.
type resolved struct {
	rec    acl.CIDRecord
	ds     acl.Dataset
	grants []acl.Granted // this account's grants of rec.Dataset, oldest first
	// header is the envelope's header when it had to be fetched to learn
	// the owner; nil when the chain alone answered.
	header *envelope.Header
}

// resolve finds the dataset of a CID for this account as a grantee. CIDs
// are filed on chain under their owner (a stranger registering the same CID
// files it under itself), so the owner must be known first. The envelope's
// header is the authority — it names its owner and cannot be changed
// without changing the CID — and is used when given. Without it, the
// CIDAdded events of the CID's hash say who registered it, with no IPFS
// involved, so an unknown CID is refused and a revoked or erased grant is
// explained at once even when the data is gone. That answer is taken only
// when exactly one account registered the CID (two mean someone is
// squatting it: the header decides), and a read it allows is still checked
// against the header before a key is opened (Get).
func (s *Service) resolve(ctx context.Context, c cid.Cid, h *envelope.Header) (*resolved, error) {
	return s.resolveWith(ctx, c, h, nil)
}

// resolveWith is resolve taking the CID's registrations and this
// account's grants from facts when it holds them.
func (s *Service) resolveWith(ctx context.Context, c cid.Cid, h *envelope.Header, facts *campaignFacts) (*resolved, error) {
	var owner common.Address
	if h != nil {
		owner = common.Address(h.Owner)
	} else {
		hash := acl.CIDHash(c.Bytes())
		evs, ok := facts.registrations(hash)
		if !ok {
			var err error
			if evs, err = s.registrations(ctx, hash); err != nil {
				return nil, err
			}
		}
		if len(evs) == 0 {
			return nil, fmt.Errorf("%w: %s", ErrUnknownCID, c)
		}
		registrants := map[common.Address]bool{}
		for _, ev := range evs {
			ds, err := s.cfg.Chain.DatasetInfo(ctx, ev.Dataset)
			if err != nil {
				return nil, err
			}
			registrants[ds.Owner], owner = true, ds.Owner
		}
		if len(registrants) > 1 {
			fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
			hh, err := envstore.Open(fctx, s.cfg.Store, c)
			cancel()
			if err != nil {
				return nil, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, err)
			}
			h, owner = hh, common.Address(hh.Owner)
		}
	}
	rec, err := s.cfg.Chain.DatasetOfCID(ctx, owner, c.Bytes())
	if errors.Is(err, acl.ErrUnknownCID) {
		return nil, fmt.Errorf("%w: %s names %s as its owner, who did not register it", ErrUnknownCID, c, owner.Hex())
	}
	if err != nil {
		return nil, err
	}
	ds, err := s.cfg.Chain.DatasetInfo(ctx, rec.Dataset)
	if err != nil {
		return nil, err
	}
	grants, ok := facts.grantsOf(rec.Dataset)
	if !ok {
		if grants, err = s.events().Granted(ctx, acl.GrantedFilter{Grantee: &s.addr, Dataset: &rec.Dataset}); err != nil {
			return nil, err
		}
	}
	return &resolved{rec: rec, ds: ds, header: h, grants: grants}, nil
}

// refusal explains why this account may not read a dataset now, from the
// chain alone: erased (and at which block), revoked (at which block),
// expired (when), or never granted. nil when the chain authorizes it.
func (s *Service) refusal(ctx context.Context, r *resolved) error {
	ok, err := s.cfg.Chain.IsAuthorized(ctx, r.rec.Dataset, s.addr)
	if err != nil || ok {
		return err
	}
	id := r.rec.Dataset
	if r.ds.Erased {
		// The erasure's block is said when the chain lists it; the
		// refusal stands without it.
		block := s.erasedAt(ctx, id)
		return &proxy.Error{Code: proxy.CodeErased, Block: block,
			Message: fmt.Sprintf("dataset %d was erased by its owner %s; nothing of it can be read any more", id, r.ds.Owner.Hex())}
	}
	if len(r.grants) == 0 {
		return fmt.Errorf("%w %d for %s: ask its owner for a grant, or buy its offer", ErrNoGrant, id, s.addr.Hex())
	}
	// A revocation the chain does not list (or cannot now) is explained as
	// an expiry below.
	if evs, err := s.events().Revoked(ctx, acl.RevokedFilter{Dataset: &id, Grantee: &s.addr}); err == nil && len(evs) > 0 {
		return &proxy.Error{Code: proxy.CodeRevoked, Block: evs[len(evs)-1].Block,
			Message: fmt.Sprintf("the owner %s revoked your grant of dataset %d", r.ds.Owner.Hex(), id)}
	}
	st, err := s.cfg.Chain.GrantOf(ctx, id, s.addr)
	if err != nil {
		return err
	}
	return &proxy.Error{Code: proxy.CodeExpired,
		Message: fmt.Sprintf("your grant of dataset %d expired at %s", id, st.Expiry.UTC().Format(time.RFC3339))}
}

// wrapOf returns the capsule and wrapped file key that open version rec
// with the dataset's current key: the envelope's own for a version of the
// current key epoch, or else the entry of the latest rotation's rewrap
// manifest (REWRAP.md), checked against the dataset, owner and epoch on
// chain.
func (s *Service) wrapOf(ctx context.Context, h *envelope.Header, rec acl.CIDRecord, ds acl.Dataset, c cid.Cid) (*reencrypt.Capsule, []byte, error) {
	_, current, err := s.cfg.Chain.KeyAt(ctx, rec.Dataset, 0)
	if err != nil {
		return nil, nil, err
	}
	if rec.Epoch == current {
		capsule, err := h.UmbralCapsule()
		return capsule, h.WrappedKey[:], err
	}
	m, err := s.rotationRewrap(ctx, rec, ds, current)
	if err != nil {
		return nil, nil, err
	}
	e, err := m.Find(acl.CIDHash(c.Bytes()))
	if err != nil {
		return nil, nil, fmt.Errorf("%w (%s, version %d)", err, c, rec.Version)
	}
	return e.Capsule, e.WrappedKey, nil
}

// rotationRewrap fetches and checks the rewrap manifest of the dataset's
// rotation to epoch current (the latest), which carries every version put
// before it; rewrap.ErrNotFound when that rotation published none.
func (s *Service) rotationRewrap(ctx context.Context, rec acl.CIDRecord, ds acl.Dataset, current uint16) (*rewrap.Manifest, error) {
	evs, err := s.rotationsOf(ctx, rec.Dataset)
	if err != nil {
		return nil, err
	}
	var rot *acl.KeyRotated
	for i := range evs {
		if evs[i].Epoch == current {
			rot = &evs[i]
		}
	}
	if rot == nil || len(rot.Rewrap) == 0 {
		return nil, fmt.Errorf("%w: version %d is under key epoch %d and the owner's rotation to epoch %d published no rewrap manifest; ask the owner to put it again", rewrap.ErrNotFound, rec.Version, rec.Epoch, current)
	}
	mc, err := cid.Cast(rot.Rewrap)
	if err != nil {
		return nil, fmt.Errorf("%w: the rotation names a malformed manifest CID: %v", rewrap.ErrMalformed, err)
	}
	fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	raw, err := readAll(fctx, s.cfg.Store, mc, int64(rewrap.MaxSize))
	cancel()
	if err != nil {
		return nil, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, fmt.Errorf("service: fetching the rotation's rewrap manifest %s: %w", mc, err))
	}
	m, err := rewrap.Parse(raw)
	if err != nil {
		return nil, err
	}
	if err := m.Check(acl.DatasetID32(rec.Dataset), ds.Owner, current); err != nil {
		return nil, err
	}
	return m, nil
}

// readAll reads a whole object from the store, refusing more than max bytes.
func readAll(ctx context.Context, st storage.Store, c cid.Cid, max int64) ([]byte, error) {
	r, err := st.Get(ctx, c)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("service: %s is larger than %d bytes", c, max)
	}
	return b, nil
}

// rewrapVersions seals the manifest of a rotation to epoch: every version
// of the dataset put so far, its file key (recovered with whichever of keys
// opens it) wrapped under newKey. It returns the manifest's CID, pinned, or
// an undefined CID when the dataset has no versions.
func (s *Service) rewrapVersions(ctx context.Context, dataset uint64, epoch uint16, keys []*reencrypt.SecretKey, newKey *reencrypt.PublicKey) (cid.Cid, error) {
	versions, err := s.Versions(ctx, dataset)
	if err != nil {
		return cid.Undef, err
	}
	if len(versions) == 0 {
		return cid.Undef, nil
	}
	items := make([]rewrap.Item, 0, len(versions))
	var fields []rewrap.FieldItem
	for _, v := range versions {
		h, err := envstore.Open(ctx, s.cfg.Store, v.CID)
		if errors.Is(err, envstore.ErrNotEnvelope) {
			// A split version (a field manifest) is under field keys of
			// its own time: each field envelope's file key is wrapped
			// under the field's new key (REWRAP.md 1.1), which the field
			// grants re-made after the rotation carry kfrags of.
			if ok, merr := s.isManifest(ctx, v.CID); merr == nil && ok {
				fs, err := s.rewrapFields(ctx, dataset, v)
				if err != nil {
					return cid.Undef, err
				}
				fields = append(fields, fs...)
				continue
			}
		}
		if err != nil {
			return cid.Undef, fmt.Errorf("service: version %d (%s) cannot be read to carry it over to the new key: %w", v.Version, v.CID, err)
		}
		fk, err := h.FileKey(ownerIdentities(keys)...)
		if err != nil {
			return cid.Undef, fmt.Errorf("service: none of the dataset's %d keys opens version %d (%s): %w", len(keys), v.Version, v.CID, err)
		}
		items = append(items, rewrap.Item{CIDHash: acl.CIDHash(v.CID.Bytes()), FileKey: fk})
	}
	if len(items) == 0 && len(fields) == 0 {
		return cid.Undef, nil
	}
	b, err := rewrap.SealFields(acl.DatasetID32(dataset), s.addr, epoch, newKey, items, fields)
	if err != nil {
		return cid.Undef, err
	}
	c, err := s.cfg.Store.Add(ctx, bytes.NewReader(b), storage.AddOptions{Name: fmt.Sprintf("pdx/rewrap/%d/%d", dataset, epoch)})
	if err != nil {
		return cid.Undef, fmt.Errorf("service: storing the rewrap manifest: %w", err)
	}
	return c, nil
}

// rewrapFields recovers the file key of each field envelope of split
// version v with the field's keys (any salt) and names the field's current
// key (the rotation's, its salt written first) to wrap it under. Without
// field keys here there is nothing to wrap: the version stays the owner's
// to read (FIELDS.md, "Limits").
func (s *Service) rewrapFields(ctx context.Context, dataset uint64, v ChainVersion) ([]rewrap.FieldItem, error) {
	if s.fieldKeys == nil {
		return nil, nil
	}
	m, err := s.readManifest(ctx, v.CID, v.Fingerprint, s.addr, dataset)
	if err != nil {
		return nil, fmt.Errorf("service: split version %d (%s) cannot be read to carry it over to the new keys: %w", v.Version, v.CID, err)
	}
	out := make([]rewrap.FieldItem, 0, len(m.Fields))
	for i := range m.Fields {
		f := &m.Fields[i]
		keys, err := s.fieldKeys.FieldKeys(ctx, dataset, f.Name)
		if err != nil {
			return nil, err
		}
		if len(keys) == 0 {
			return nil, fmt.Errorf("service: dataset %d is not held here: its field %q cannot be carried over to the new keys", dataset, f.Name)
		}
		if hex.EncodeToString(keys[0].PublicKey().Bytes()) == f.Key {
			continue // already under the field's current key
		}
		fc, err := cid.Decode(f.CID)
		if err != nil {
			return nil, err
		}
		h, err := envstore.Open(ctx, s.cfg.Store, fc)
		if err != nil {
			return nil, fmt.Errorf("service: field %q of version %d (%s) cannot be read to carry it over to the new key: %w", f.Name, v.Version, fc, err)
		}
		fk, err := h.FileKey(ownerIdentities(keys)...)
		if err != nil {
			return nil, fmt.Errorf("service: none of the %d keys of field %q opens it in version %d (%s): %w", len(keys), f.Name, v.Version, fc, err)
		}
		out = append(out, rewrap.FieldItem{CIDHash: acl.CIDHash(fc.Bytes()), FileKey: fk, Key: keys[0].PublicKey()})
	}
	return out, nil
}
