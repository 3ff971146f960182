package envelope

import (
	"fmt"

	"github.com/pdx-network/pdx/reencrypt"
)

// Identity is one way of recovering an envelope's file key, the seam every
// way of opening an envelope goes through (as in age, where an Identity
// unwraps a file key and the caller verifies the header with it). pdx has
// three: OwnerIdentity (the dataset secret key), GranteeIdentity (a
// grantee's key and capsule fragments from the proxies) and RewrapIdentity
// (a wrap of the same file key taken from a key rotation's rewrap manifest
// instead of the header). A new way to open an envelope is a new Identity;
// nothing else in the package changes.
//
// Unwrap returns the file key wrapped in w, the wrap to open: the header's
// own (Header.Wrap) unless a RewrapIdentity substitutes another. h is the
// envelope being opened, for an identity that needs more of it than the
// wrap; its fields are not yet authenticated. A key that does not unwrap is
// reported wrapping ErrKeyUnwrap. Unwrap need not check what it returns:
// Header.FileKey verifies the header MAC with it, so no identity can hand a
// reader a key that is not this envelope's.
type Identity interface {
	Unwrap(h *Header, w Wrap) ([]byte, error)
}

// Wrap is one wrapping of a file key by Umbral under a dataset public key:
// the capsule and the wrapped key (Umbral's DEM output). The header carries
// one; a rewrap manifest carries another for the same file key under a
// newer dataset key (REWRAP.md).
type Wrap struct {
	Capsule    *reencrypt.Capsule
	WrappedKey []byte
}

// Wrap returns the header's own wrap of the file key.
func (h *Header) Wrap() (Wrap, error) {
	c, err := h.UmbralCapsule()
	if err != nil {
		return Wrap{}, err
	}
	return Wrap{Capsule: c, WrappedKey: h.WrappedKey[:]}, nil
}

// FileKey recovers the file key with the first of ids that opens the
// envelope and verifies the header MAC with it. The identities are tried in
// order, as age.Decrypt tries its identities: one whose key does not unwrap
// (or unwraps a key the header MAC refuses) passes to the next, so an owner
// can offer every key a dataset has had. If none opens, the error is that of
// the last one; it wraps ErrKeyUnwrap when the last key did not unwrap and
// ErrAuthentication when it unwrapped another envelope's key. With no
// identity at all it is ErrKeyUnwrap.
func (h *Header) FileKey(ids ...Identity) (FileKey, error) {
	if len(ids) == 0 {
		// No identity opens it: a key that cannot be unwrapped, as when
		// an owner holds no key for the dataset, not a malformed call.
		return FileKey{}, fmt.Errorf("%w: no identity to open the envelope with", ErrKeyUnwrap)
	}
	w, err := h.Wrap()
	if err != nil {
		return FileKey{}, err
	}
	for _, id := range ids {
		var k []byte
		if id == nil {
			err = fmt.Errorf("%w: nil identity", ErrInvalidArgument)
			continue
		}
		if k, err = id.Unwrap(h, w); err != nil {
			continue
		}
		var key FileKey
		if key, err = h.checkedKey(k); err == nil {
			return key, nil
		}
	}
	return FileKey{}, err
}

// FileKeyForOwner recovers the file key with the dataset secret key (the
// owner's path) and checks the header MAC with it; it is
// h.FileKey(OwnerIdentity{datasetKey}).
func (h *Header) FileKeyForOwner(datasetKey *reencrypt.SecretKey) (FileKey, error) {
	return h.FileKey(OwnerIdentity{DatasetKey: datasetKey})
}

// FileKeyForGrantee recovers the file key as a grantee: receiving is the
// grantee's secret key, delegating the dataset public key the grant was made
// from, cfrags at least threshold verified capsule fragments of this
// header's capsule. The header MAC is checked with the key. It is
// h.FileKey(GranteeIdentity{...}).
func (h *Header) FileKeyForGrantee(receiving *reencrypt.SecretKey, delegating *reencrypt.PublicKey, cfrags []*reencrypt.VerifiedCapsuleFrag) (FileKey, error) {
	return h.FileKey(GranteeIdentity{Receiving: receiving, Delegating: delegating, CFrags: cfrags})
}

// OwnerIdentity opens a wrap with the dataset secret key it was made under
// (Umbral's DecryptOriginal): the owner's way, no proxy involved.
type OwnerIdentity struct {
	DatasetKey *reencrypt.SecretKey
}

// Unwrap implements Identity.
func (o OwnerIdentity) Unwrap(_ *Header, w Wrap) ([]byte, error) {
	if o.DatasetKey == nil {
		return nil, fmt.Errorf("%w: no dataset secret key", ErrInvalidArgument)
	}
	if w.Capsule == nil {
		return nil, fmt.Errorf("%w: no capsule to unwrap", ErrInvalidArgument)
	}
	k, err := reencrypt.DecryptOriginal(o.DatasetKey, w.Capsule, w.WrappedKey)
	if err != nil {
		return nil, fmt.Errorf("%w with the dataset secret key (is it this dataset's key?): %w", ErrKeyUnwrap, err)
	}
	return k, nil
}

// GranteeIdentity opens a wrap as a grantee (Umbral's DecryptReencrypted):
// Receiving is the grantee's secret key, Delegating the dataset public key
// the grant was made from, CFrags at least threshold verified capsule
// fragments of the wrap's capsule, re-encrypted by the grant's proxies.
type GranteeIdentity struct {
	Receiving  *reencrypt.SecretKey
	Delegating *reencrypt.PublicKey
	CFrags     []*reencrypt.VerifiedCapsuleFrag
}

// Unwrap implements Identity.
func (g GranteeIdentity) Unwrap(_ *Header, w Wrap) ([]byte, error) {
	if g.Receiving == nil || g.Delegating == nil {
		return nil, fmt.Errorf("%w: no receiving secret key or delegating public key", ErrInvalidArgument)
	}
	if w.Capsule == nil {
		return nil, fmt.Errorf("%w: no capsule to unwrap", ErrInvalidArgument)
	}
	k, err := reencrypt.DecryptReencrypted(g.Receiving, g.Delegating, w.Capsule, g.CFrags, w.WrappedKey)
	if err != nil {
		return nil, fmt.Errorf("%w from capsule fragments: %w", ErrKeyUnwrap, err)
	}
	return k, nil
}

// RewrapIdentity opens a version put before the dataset's last key
// rotation: Wrap is the version's entry in the rotation's rewrap manifest
// (the same file key wrapped under the new dataset key, REWRAP.md), and Via
// opens that wrap instead of the header's own — a GranteeIdentity whose
// cfrags are of Wrap's capsule, or an OwnerIdentity with the new key. The
// header MAC then proves the manifest's key is this envelope's.
type RewrapIdentity struct {
	Wrap Wrap
	Via  Identity
}

// Unwrap implements Identity.
func (r RewrapIdentity) Unwrap(h *Header, _ Wrap) ([]byte, error) {
	if r.Via == nil {
		return nil, fmt.Errorf("%w: no identity to open the rewrapped key with", ErrInvalidArgument)
	}
	return r.Via.Unwrap(h, r.Wrap)
}
