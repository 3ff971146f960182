package acl

import (
	"fmt"

	"github.com/decred/dcrd/dcrec/secp256k1/v4"
)

// PublicKeySize is the size of the compressed secp256k1 points the Registry
// stores: Umbral receiving, verifying and delegating keys.
const PublicKeySize = 33

// ValidatePublicKey checks that key is a compressed secp256k1 point (33
// bytes, prefix 0x02 or 0x03) that lies on the curve. The contract only checks
// the length and prefix (a square root on chain would cost more than the rest
// of the call), so the client checks the curve before any gas is spent.
func ValidatePublicKey(key []byte) error {
	if len(key) != PublicKeySize {
		return fmt.Errorf("%w: %d bytes, want %d (a compressed secp256k1 point)", ErrInvalidKey, len(key), PublicKeySize)
	}
	if key[0] != 0x02 && key[0] != 0x03 {
		return fmt.Errorf("%w: prefix 0x%02x, want 0x02 or 0x03 (compressed form)", ErrInvalidKey, key[0])
	}
	if _, err := secp256k1.ParsePubKey(key); err != nil {
		return fmt.Errorf("%w: not a point on secp256k1: %v", ErrInvalidKey, err)
	}
	return nil
}
