package envelope

import (
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/reencrypt"
)

// This file and identity.go are the only places the envelope touches Umbral:
// here the file key is wrapped under the dataset key; identity.go holds the
// ways of unwrapping it.

// WriterConfig describes the envelope a Writer produces.
type WriterConfig struct {
	DatasetID DatasetID
	Owner     common.Address
	// DatasetKey is the dataset's Umbral public key; the file key is wrapped
	// under it, so the owner (its secret key) and grantees (cfrags
	// re-encrypted from it) can open the envelope.
	DatasetKey *reencrypt.PublicKey
	// ChunkSize defaults to DefaultChunkSize; other values only for tests
	// and vectors (MinChunkSize..MaxChunkSize).
	ChunkSize int
}

// NewWriter draws a random file key, wraps it under cfg.DatasetKey, writes
// the header to dst and returns the Writer for the plaintext.
func NewWriter(dst io.Writer, cfg WriterConfig) (*Writer, error) {
	f, key, err := newHeaderFields(cfg)
	if err != nil {
		return nil, err
	}
	return newWriter(dst, f, key)
}

// NewSealReader draws a random file key, wraps it under cfg.DatasetKey and
// returns the envelope of the plaintext src as a stream to read (see
// SealReader).
func NewSealReader(src io.Reader, cfg WriterConfig) (*SealReader, error) {
	if src == nil {
		return nil, fmt.Errorf("%w: nil plaintext reader", ErrInvalidArgument)
	}
	f, key, err := newHeaderFields(cfg)
	if err != nil {
		return nil, err
	}
	h, err := encodeHeader(f, key)
	if err != nil {
		return nil, err
	}
	return sealReaderFor(src, h, key, sealWorkers()), nil
}

// newHeaderFields draws a file key and wraps it under cfg.DatasetKey.
func newHeaderFields(cfg WriterConfig) (headerFields, FileKey, error) {
	if cfg.DatasetKey == nil {
		return headerFields{}, FileKey{}, fmt.Errorf("%w: no dataset public key", ErrInvalidArgument)
	}
	key, err := newFileKey()
	if err != nil {
		return headerFields{}, FileKey{}, err
	}
	capsule, wrapped, err := reencrypt.Encrypt(cfg.DatasetKey, key[:])
	if err != nil {
		return headerFields{}, FileKey{}, fmt.Errorf("envelope: wrapping the file key: %w", err)
	}
	cs := cfg.ChunkSize
	if cs == 0 {
		cs = DefaultChunkSize
	}
	return headerFields{
		DatasetID:  cfg.DatasetID,
		Owner:      cfg.Owner,
		Capsule:    capsule.Bytes(),
		WrappedKey: wrapped,
		ChunkSize:  cs,
	}, key, nil
}

// checkCapsule rejects capsule bytes Umbral would not accept, so a proxy is
// never asked to re-encrypt garbage.
func checkCapsule(b []byte) error {
	_, err := reencrypt.CapsuleFromBytes(b)
	return err
}

// UmbralCapsule returns the header's capsule as an Umbral object, the value
// a grantee sends to proxies to obtain capsule fragments.
func (h *Header) UmbralCapsule() (*reencrypt.Capsule, error) {
	c, err := reencrypt.CapsuleFromBytes(h.Capsule[:])
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedHeader, err)
	}
	return c, nil
}

// checkedKey turns unwrapped bytes into a FileKey and verifies the header
// MAC, so a key that came out of the wrap is known to be this header's.
func (h *Header) checkedKey(k []byte) (FileKey, error) {
	var key FileKey
	if len(k) != FileKeySize {
		return key, fmt.Errorf("%w: unwrapped %d bytes, a file key has %d", ErrKeyUnwrap, len(k), FileKeySize)
	}
	copy(key[:], k)
	clear(k)
	if err := key.VerifyHeader(h); err != nil {
		return FileKey{}, err
	}
	return key, nil
}

// CheckFileKey accepts a file key recovered outside any Identity and
// verifies the header MAC with it, so the key is known to be this
// envelope's before anything is decrypted. k is cleared. A key from a
// rotation's rewrap manifest goes through RewrapIdentity instead.
func (h *Header) CheckFileKey(k []byte) (FileKey, error) { return h.checkedKey(k) }
