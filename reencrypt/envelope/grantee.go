package envelope

import (
	"fmt"

	"github.com/pdx-network/pdx/reencrypt"
)

// FileKeyForGrantee recovers the file key as a grantee: receiving is the
// grantee's secret key, delegating the dataset public key the grant was made
// from, cfrags at least threshold verified capsule fragments of this
// header's capsule. The header MAC is checked with the key.
func (h *Header) FileKeyForGrantee(receiving *reencrypt.SecretKey, delegating *reencrypt.PublicKey, cfrags []*reencrypt.VerifiedCapsuleFrag) (FileKey, error) {
	if receiving == nil || delegating == nil {
		return FileKey{}, fmt.Errorf("%w: no receiving secret key or delegating public key", ErrInvalidArgument)
	}
	c, err := h.UmbralCapsule()
	if err != nil {
		return FileKey{}, err
	}
	k, err := reencrypt.DecryptReencrypted(receiving, delegating, c, cfrags, h.WrappedKey[:])
	if err != nil {
		return FileKey{}, fmt.Errorf("%w from capsule fragments: %w", ErrKeyUnwrap, err)
	}
	return h.checkedKey(k)
}
