package envelope

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"
)

// Wire constants of envelope format 2.0; ENVELOPE.md is the normative text.
const (
	// TypeTag opens every envelope; other pdx wire objects use other tags.
	TypeTag = "PDXE"
	// Major is the format major version this build writes. It reads majors
	// MinMajor to Major and refuses any other.
	Major = 2
	// MinMajor is the oldest major version this build still reads (format
	// 1 differs from 2 only in its commitment hash and key labels).
	MinMajor = 1
	// Minor is the minor version this build writes. Readers accept any minor
	// version of their major: minor versions only append header extensions
	// that older readers may skip (they are still covered by the header MAC).
	Minor = 0

	// DefaultChunkSize is the plaintext size of every non-final chunk that
	// pdx writes.
	DefaultChunkSize = 64 << 10
	// MinChunkSize and MaxChunkSize bound the chunk size a reader accepts,
	// which bounds the memory an envelope from a stranger can make it use.
	MinChunkSize = 1 << 10
	MaxChunkSize = 1 << 20

	// CapsuleSize is the size of an Umbral capsule (umbral-pre 0.10 bytes).
	CapsuleSize = 105
	// WrappedKeySize is Umbral's DEM output for a 32-byte file key:
	// 24-byte nonce, 32-byte ciphertext, 16-byte tag.
	WrappedKeySize = 72
	// DatasetIDSize is the size of a dataset id in a header.
	DatasetIDSize = 32

	headerMACSize = sha256.Size
	// HeaderSize is the size of an x.0 header, which has no extensions
	// (273 bytes in formats 1 and 2).
	HeaderSize = 4 + 1 + 1 + 2 + DatasetIDSize + common.AddressLength +
		CapsuleSize + WrappedKeySize + 4 + headerMACSize

	offHeaderLen = 6
	offDataset   = 8
	offOwner     = offDataset + DatasetIDSize
	offCapsule   = offOwner + common.AddressLength
	offWrapped   = offCapsule + CapsuleSize
	offChunkSize = offWrapped + WrappedKeySize
	offExtension = offChunkSize + 4
	prefixSize   = offHeaderLen + 2
)

// DatasetID is the dataset's on-chain id (a uint64 in the registry) in
// 32-byte form: big-endian, left-padded with zeros (acl.DatasetID32 makes
// it). It is never the dataset's local name, which stays in the owner's
// home.
type DatasetID [DatasetIDSize]byte

// Header is a parsed envelope header. Everything in it is public: storage
// nodes and proxies may read it. The fields are copies of the encoded bytes,
// which the header keeps for the MAC: changing a field does not change
// Bytes() nor what the readers authenticate. The fields can be read as soon as the header
// is parsed; whether they are authentic is known only once the file key has
// been recovered and the header MAC checked (NewReader, NewRangeReader and
// FileKey.VerifyHeader do that).
type Header struct {
	Major, Minor uint8
	DatasetID    DatasetID
	Owner        common.Address
	// Capsule is the Umbral capsule of the wrapped file key; a grantee sends
	// it to proxies to get capsule fragments. Its encoding was validated by
	// ParseHeader.
	Capsule [CapsuleSize]byte
	// WrappedKey is the file key encrypted by Umbral under the dataset key.
	WrappedKey [WrappedKeySize]byte
	// ChunkSize is the plaintext size of every non-final chunk.
	ChunkSize int

	raw []byte // the whole encoded header, extensions and MAC included
}

// Len returns the encoded size of the header; the chunk stream starts there.
func (h *Header) Len() int { return len(h.raw) }

// Bytes returns a copy of the encoded header.
func (h *Header) Bytes() []byte { return bytes.Clone(h.raw) }

// mac returns the header MAC as stored.
func (h *Header) mac() []byte { return h.raw[len(h.raw)-headerMACSize:] }

// authenticated returns the header bytes the MAC covers.
func (h *Header) authenticated() []byte { return h.raw[:len(h.raw)-headerMACSize] }

// headerFields is what a writer chooses; encodeHeader turns it into bytes.
type headerFields struct {
	DatasetID  DatasetID
	Owner      common.Address
	Capsule    []byte
	WrappedKey []byte
	ChunkSize  int
	// Major is the format to write; 0 means Major. Only tests write older
	// formats, to reproduce their vectors.
	Major uint8
}

// encodeHeader builds a version x.0 header and its MAC under the file key.
func encodeHeader(f headerFields, key FileKey) (*Header, error) {
	if len(f.Capsule) != CapsuleSize {
		return nil, fmt.Errorf("%w: capsule is %d bytes, want %d", ErrInvalidArgument, len(f.Capsule), CapsuleSize)
	}
	if len(f.WrappedKey) != WrappedKeySize {
		return nil, fmt.Errorf("%w: wrapped file key is %d bytes, want %d", ErrInvalidArgument, len(f.WrappedKey), WrappedKeySize)
	}
	if f.ChunkSize < MinChunkSize || f.ChunkSize > MaxChunkSize {
		return nil, fmt.Errorf("%w: chunk size %d outside [%d, %d]", ErrInvalidArgument, f.ChunkSize, MinChunkSize, MaxChunkSize)
	}
	major := f.Major
	if major == 0 {
		major = Major
	}
	if major < MinMajor || major > Major {
		return nil, fmt.Errorf("%w: format %d, this pdx writes %d to %d", ErrInvalidArgument, major, MinMajor, Major)
	}
	b := make([]byte, HeaderSize)
	copy(b, TypeTag)
	b[4], b[5] = major, Minor
	binary.BigEndian.PutUint16(b[offHeaderLen:], HeaderSize)
	copy(b[offDataset:], f.DatasetID[:])
	copy(b[offOwner:], f.Owner[:])
	copy(b[offCapsule:], f.Capsule)
	copy(b[offWrapped:], f.WrappedKey)
	binary.BigEndian.PutUint32(b[offChunkSize:], uint32(f.ChunkSize))
	m := hmac.New(sha256.New, key.headerKey(major))
	m.Write(b[:HeaderSize-headerMACSize])
	m.Sum(b[:HeaderSize-headerMACSize])
	return ParseHeader(b)
}

// ParseHeader decodes the header at the start of b (bytes after it, such as
// the chunk stream, are ignored; Len says where it ends). It checks structure
// only: the MAC needs the file key, which the caller obtains from the
// returned header with an Identity (Header.FileKey).
func ParseHeader(b []byte) (*Header, error) {
	n, err := checkPrefix(b)
	if err != nil {
		return nil, err
	}
	if len(b) < n {
		return nil, fmt.Errorf("%w: header cut short: %d of %d bytes", ErrMalformedHeader, len(b), n)
	}
	h := &Header{Major: b[4], Minor: b[5], raw: bytes.Clone(b[:n])}
	copy(h.DatasetID[:], b[offDataset:])
	copy(h.Owner[:], b[offOwner:])
	copy(h.Capsule[:], b[offCapsule:])
	copy(h.WrappedKey[:], b[offWrapped:])
	h.ChunkSize = int(binary.BigEndian.Uint32(b[offChunkSize:]))
	if h.ChunkSize < MinChunkSize || h.ChunkSize > MaxChunkSize {
		return nil, fmt.Errorf("%w: chunk size %d outside [%d, %d]", ErrMalformedHeader, h.ChunkSize, MinChunkSize, MaxChunkSize)
	}
	if err := checkCapsule(h.Capsule[:]); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMalformedHeader, err)
	}
	return h, nil
}

// ReadHeader reads exactly one header from r, leaving r at the first chunk.
func ReadHeader(r io.Reader) (*Header, error) {
	prefix := make([]byte, prefixSize, HeaderSize)
	if _, err := io.ReadFull(r, prefix); err != nil {
		return nil, headerReadError(err)
	}
	n, err := checkPrefix(prefix)
	if err != nil {
		return nil, err
	}
	b := make([]byte, n)
	copy(b, prefix)
	if _, err := io.ReadFull(r, b[prefixSize:]); err != nil {
		return nil, headerReadError(err)
	}
	return ParseHeader(b)
}

// checkPrefix validates type tag, version and header length, the first
// prefixSize bytes, and returns the header length.
func checkPrefix(b []byte) (int, error) {
	if len(b) < prefixSize {
		return 0, fmt.Errorf("%w: %d bytes, a header has at least %d", ErrMalformedHeader, len(b), HeaderSize)
	}
	if string(b[:4]) != TypeTag {
		return 0, fmt.Errorf("%w: type tag %q, want %q (not a pdx envelope)", ErrMalformedHeader, b[:4], TypeTag)
	}
	if b[4] < MinMajor || b[4] > Major {
		return 0, fmt.Errorf("%w: envelope version %d.%d, this pdx reads %d.x to %d.x; upgrade pdx", ErrUnsupportedVersion, b[4], b[5], MinMajor, Major)
	}
	n := int(binary.BigEndian.Uint16(b[offHeaderLen:]))
	switch {
	case n < HeaderSize:
		return 0, fmt.Errorf("%w: header length %d, a %d.x header has at least %d", ErrMalformedHeader, n, b[4], HeaderSize)
	case b[5] == 0 && n != HeaderSize:
		return 0, fmt.Errorf("%w: header length %d, a %d.0 header has exactly %d", ErrMalformedHeader, n, b[4], HeaderSize)
	}
	return n, nil
}

func headerReadError(err error) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("%w: input ends inside the header", ErrMalformedHeader)
	}
	return fmt.Errorf("envelope: reading header: %w", err)
}
