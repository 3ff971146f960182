package reencrypt

import "errors"

// Sentinel errors. Each returned error wraps exactly one of them.
var (
	// ErrInvalidSecretKey: not 32 bytes, zero, or not below the group order.
	ErrInvalidSecretKey = errors.New("umbral: invalid secret key")
	// ErrInvalidPublicKey: not a 33-byte compressed point on secp256k1.
	ErrInvalidPublicKey = errors.New("umbral: invalid public key")
	// ErrInvalidSignature: not 64 bytes r‖s with r and s in [1, n).
	ErrInvalidSignature = errors.New("umbral: invalid signature")
	// ErrInvalidSeed: a key factory seed that is not 32 bytes.
	ErrInvalidSeed = errors.New("umbral: invalid key factory seed")
	// ErrInvalidCapsule: malformed bytes, or a capsule that fails its self-check.
	ErrInvalidCapsule = errors.New("umbral: invalid capsule")
	// ErrInvalidKeyFrag: malformed key fragment bytes.
	ErrInvalidKeyFrag = errors.New("umbral: invalid key fragment")
	// ErrInvalidCapsuleFrag: malformed capsule fragment bytes.
	ErrInvalidCapsuleFrag = errors.New("umbral: invalid capsule fragment")
	// ErrKeyNotProvided: the kfrag was signed together with a delegating or
	// receiving key, and verification was not given that key.
	ErrKeyNotProvided = errors.New("umbral: a key the fragment was signed with was not provided")
	// ErrVerificationFailed: a kfrag or cfrag does not verify against the
	// keys given (wrong signer, wrong keys, wrong capsule, or tampered).
	ErrVerificationFailed = errors.New("umbral: verification failed")
	// ErrDecryptionFailed: the ciphertext does not open under the capsule's key.
	ErrDecryptionFailed = errors.New("umbral: decryption failed")
	// ErrInvalidThreshold: threshold and shares must satisfy 1 ≤ t ≤ n.
	ErrInvalidThreshold = errors.New("umbral: invalid threshold")
	// ErrNoCapsuleFrags: decryption was given no capsule fragments.
	ErrNoCapsuleFrags = errors.New("umbral: no capsule fragments")
	// ErrMismatchedCapsuleFrags: the cfrags come from different kfrag sets
	// or were made for different capsules.
	ErrMismatchedCapsuleFrags = errors.New("umbral: capsule fragments from different key fragment sets or capsules")
	// ErrRepeatedCapsuleFrags: the same cfrag (same kfrag id) was given twice.
	ErrRepeatedCapsuleFrags = errors.New("umbral: repeated capsule fragments")
	// ErrWrongKeys: the cfrags were verified for another delegating or
	// receiving key than the ones decryption was given.
	ErrWrongKeys = errors.New("umbral: capsule fragments were verified for other keys")
	// ErrNotEnoughCapsuleFrags: the cfrags do not reconstruct the capsule's
	// key: fewer than the threshold t were given.
	ErrNotEnoughCapsuleFrags = errors.New("umbral: capsule fragments do not open the capsule (fewer than the threshold)")
)
