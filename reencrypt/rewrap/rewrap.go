// Package rewrap makes and reads the manifest a key rotation publishes: the
// file key of every version put under an earlier dataset key, wrapped again
// under the new one (REWRAP.md), so that live grants keep reading old
// versions with the kfrags of the current key.
package rewrap

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"github.com/pdx-network/pdx/reencrypt"
)

// Format constants (REWRAP.md).
const (
	Major = 1
	// Minor is the highest minor this build writes and reads: 1 adds the
	// field section after the entries (written only when it is not empty;
	// a manifest without fields is written as minor 0).
	Minor       = 1
	HeaderSize  = 4 + 2 + 32 + 20 + 2 + 4
	CapsuleSize = 105
	WrappedSize = 72
	EntrySize   = 32 + CapsuleSize + WrappedSize
	// MaxEntries bounds what a reader allocates for a manifest from the
	// network (about 209 MB at the limit).
	MaxEntries = 1_000_000
	// FieldEntrySize is a field entry's size (minor 1): the field
	// envelope's CID hash, the field's new key, capsule and wrapped key.
	FieldEntrySize = 32 + KeySize + CapsuleSize + WrappedSize
	// KeySize is a compressed Umbral public key.
	KeySize = 33
	// MaxSize bounds a manifest a reader fetches.
	MaxSize = HeaderSize + EntrySize*MaxEntries + 4 + FieldEntrySize*MaxEntries
)

var tag = [4]byte{'P', 'D', 'X', 'R'}

// Errors callers branch on.
var (
	// ErrMalformed: the bytes are not a manifest of a version this build reads.
	ErrMalformed = errors.New("rewrap: malformed rewrap manifest")
	// ErrUnsupportedVersion: a major version this build does not know.
	ErrUnsupportedVersion = errors.New("rewrap: unsupported manifest version")
	// ErrNotFound: the manifest has no entry for the CID.
	ErrNotFound = errors.New("rewrap: the rotation's manifest has no entry for this version")
	// ErrMismatch: the manifest is for another dataset, owner or epoch.
	ErrMismatch = errors.New("rewrap: the manifest belongs to another dataset, owner or key epoch")
)

// Item is one version to rewrap: its CID hash and its file key.
type Item struct {
	CIDHash [32]byte
	FileKey [32]byte
}

// Entry is one rewrapped version.
type Entry struct {
	CIDHash    [32]byte
	Capsule    *reencrypt.Capsule
	WrappedKey []byte
}

// FieldItem is one field envelope of a split version to rewrap: its CID
// hash, its file key, and the field's key of the new epoch to wrap under.
type FieldItem struct {
	CIDHash [32]byte
	FileKey [32]byte
	Key     *reencrypt.PublicKey
}

// FieldEntry is one rewrapped field envelope: its file key wrapped under
// Key, the field's key of the manifest's epoch.
type FieldEntry struct {
	CIDHash    [32]byte
	Key        *reencrypt.PublicKey
	Capsule    *reencrypt.Capsule
	WrappedKey []byte
}

// Manifest is a parsed rewrap manifest.
type Manifest struct {
	Dataset [32]byte
	Owner   [20]byte
	Epoch   uint16
	Entries []Entry
	// Fields are the field entries (minor 1), sorted by CID hash.
	Fields []FieldEntry
}

// Seal wraps each item's file key under pk (the dataset's key of epoch) and
// encodes the manifest. Items may come in any order; a CID hash given twice
// is refused.
func Seal(dataset [32]byte, owner [20]byte, epoch uint16, pk *reencrypt.PublicKey, items []Item) ([]byte, error) {
	return SealFields(dataset, owner, epoch, pk, items, nil)
}

// SealFields is Seal with a field section (minor 1): each field item's
// file key wrapped under its own key (the field's key of epoch). With no
// field item it writes minor 0, byte for byte what Seal wrote before.
func SealFields(dataset [32]byte, owner [20]byte, epoch uint16, pk *reencrypt.PublicKey, items []Item, fields []FieldItem) ([]byte, error) {
	if pk == nil {
		return nil, fmt.Errorf("rewrap: no public key to wrap under")
	}
	if len(items) > MaxEntries {
		return nil, fmt.Errorf("rewrap: %d versions, at most %d fit one manifest", len(items), MaxEntries)
	}
	sorted := slices.Clone(items)
	slices.SortFunc(sorted, func(a, b Item) int { return bytes.Compare(a.CIDHash[:], b.CIDHash[:]) })
	out := make([]byte, 0, HeaderSize+EntrySize*len(sorted))
	out = append(out, tag[:]...)
	minor := byte(0)
	if len(fields) > 0 {
		minor = 1
	}
	out = append(out, Major, minor)
	out = append(out, dataset[:]...)
	out = append(out, owner[:]...)
	out = binary.BigEndian.AppendUint16(out, epoch)
	out = binary.BigEndian.AppendUint32(out, uint32(len(sorted)))
	for i, it := range sorted {
		if i > 0 && sorted[i-1].CIDHash == it.CIDHash {
			return nil, fmt.Errorf("rewrap: version %x given twice", it.CIDHash[:8])
		}
		c, ct, err := reencrypt.Encrypt(pk, it.FileKey[:])
		if err != nil {
			return nil, err
		}
		cb := c.Bytes()
		if len(cb) != CapsuleSize || len(ct) != WrappedSize {
			return nil, fmt.Errorf("rewrap: capsule of %d bytes and wrapped key of %d, want %d and %d", len(cb), len(ct), CapsuleSize, WrappedSize)
		}
		out = append(out, it.CIDHash[:]...)
		out = append(out, cb...)
		out = append(out, ct...)
	}
	if len(fields) == 0 {
		return out, nil
	}
	return appendFields(out, fields)
}

// appendFields appends the field section: count, then the entries sorted
// by CID hash, strictly increasing.
func appendFields(out []byte, fields []FieldItem) ([]byte, error) {
	if len(fields) > MaxEntries {
		return nil, fmt.Errorf("rewrap: %d field envelopes, at most %d fit one manifest", len(fields), MaxEntries)
	}
	sorted := slices.Clone(fields)
	slices.SortFunc(sorted, func(a, b FieldItem) int { return bytes.Compare(a.CIDHash[:], b.CIDHash[:]) })
	out = binary.BigEndian.AppendUint32(out, uint32(len(sorted)))
	for i, it := range sorted {
		if i > 0 && sorted[i-1].CIDHash == it.CIDHash {
			return nil, fmt.Errorf("rewrap: field envelope %x given twice", it.CIDHash[:8])
		}
		if it.Key == nil {
			return nil, fmt.Errorf("rewrap: field envelope %x has no key to wrap under", it.CIDHash[:8])
		}
		c, ct, err := reencrypt.Encrypt(it.Key, it.FileKey[:])
		if err != nil {
			return nil, err
		}
		kb, cb := it.Key.Bytes(), c.Bytes()
		if len(kb) != KeySize || len(cb) != CapsuleSize || len(ct) != WrappedSize {
			return nil, fmt.Errorf("rewrap: key of %d bytes, capsule of %d and wrapped key of %d, want %d, %d and %d", len(kb), len(cb), len(ct), KeySize, CapsuleSize, WrappedSize)
		}
		out = append(out, it.CIDHash[:]...)
		out = append(out, kb...)
		out = append(out, cb...)
		out = append(out, ct...)
	}
	return out, nil
}

// Parse reads a manifest strictly (REWRAP.md, Reading).
func Parse(b []byte) (*Manifest, error) {
	if len(b) < HeaderSize || !bytes.Equal(b[:4], tag[:]) {
		return nil, fmt.Errorf("%w: no PDXR header", ErrMalformed)
	}
	if b[4] != Major {
		return nil, fmt.Errorf("%w: major %d", ErrUnsupportedVersion, b[4])
	}
	m := &Manifest{}
	copy(m.Dataset[:], b[6:38])
	copy(m.Owner[:], b[38:58])
	m.Epoch = binary.BigEndian.Uint16(b[58:60])
	n := binary.BigEndian.Uint32(b[60:64])
	if n > MaxEntries {
		return nil, fmt.Errorf("%w: %d entries, at most %d", ErrMalformed, n, MaxEntries)
	}
	want := HeaderSize + EntrySize*int(n)
	if len(b) < want || (b[5] == 0 && len(b) != want) {
		return nil, fmt.Errorf("%w: %d bytes for %d entries, want %d", ErrMalformed, len(b), n, want)
	}
	m.Entries = make([]Entry, n)
	for i := range m.Entries {
		e := b[HeaderSize+i*EntrySize : HeaderSize+(i+1)*EntrySize]
		copy(m.Entries[i].CIDHash[:], e[:32])
		if i > 0 && bytes.Compare(m.Entries[i-1].CIDHash[:], e[:32]) >= 0 {
			return nil, fmt.Errorf("%w: entries not in strictly increasing order at %d", ErrMalformed, i)
		}
		c, err := reencrypt.CapsuleFromBytes(e[32 : 32+CapsuleSize])
		if err != nil {
			return nil, fmt.Errorf("%w: entry %d: %w", ErrMalformed, i, err)
		}
		m.Entries[i].Capsule = c
		m.Entries[i].WrappedKey = bytes.Clone(e[32+CapsuleSize:])
	}
	if b[5] == 0 {
		return m, nil
	}
	if err := m.parseFields(b[want:], b[5] == Minor); err != nil {
		return nil, err
	}
	return m, nil
}

// parseFields reads the field section of a minor ≥ 1 manifest: exactly
// its length for minor 1, at least it for a higher minor.
func (m *Manifest) parseFields(b []byte, exact bool) error {
	if len(b) < 4 {
		return fmt.Errorf("%w: no field section", ErrMalformed)
	}
	n := binary.BigEndian.Uint32(b[:4])
	if n > MaxEntries {
		return fmt.Errorf("%w: %d field entries, at most %d", ErrMalformed, n, MaxEntries)
	}
	want := 4 + FieldEntrySize*int(n)
	if len(b) < want || (exact && len(b) != want) {
		return fmt.Errorf("%w: a field section of %d bytes for %d entries, want %d", ErrMalformed, len(b), n, want)
	}
	m.Fields = make([]FieldEntry, n)
	for i := range m.Fields {
		e := b[4+i*FieldEntrySize : 4+(i+1)*FieldEntrySize]
		f := &m.Fields[i]
		copy(f.CIDHash[:], e[:32])
		if i > 0 && bytes.Compare(m.Fields[i-1].CIDHash[:], e[:32]) >= 0 {
			return fmt.Errorf("%w: field entries not in strictly increasing order at %d", ErrMalformed, i)
		}
		k, err := reencrypt.PublicKeyFromBytes(e[32 : 32+KeySize])
		if err != nil {
			return fmt.Errorf("%w: field entry %d: %w", ErrMalformed, i, err)
		}
		c, err := reencrypt.CapsuleFromBytes(e[32+KeySize : 32+KeySize+CapsuleSize])
		if err != nil {
			return fmt.Errorf("%w: field entry %d: %w", ErrMalformed, i, err)
		}
		f.Key, f.Capsule, f.WrappedKey = k, c, bytes.Clone(e[32+KeySize+CapsuleSize:])
	}
	return nil
}

// FindField returns the field entry of a field envelope's CID hash, or
// ErrNotFound.
func (m *Manifest) FindField(cidHash [32]byte) (*FieldEntry, error) {
	i, ok := slices.BinarySearchFunc(m.Fields, cidHash, func(e FieldEntry, h [32]byte) int { return bytes.Compare(e.CIDHash[:], h[:]) })
	if !ok {
		return nil, ErrNotFound
	}
	return &m.Fields[i], nil
}

// Check refuses a manifest for another dataset, owner or epoch than the
// caller expects (read from the chain).
func (m *Manifest) Check(dataset [32]byte, owner [20]byte, epoch uint16) error {
	if m.Dataset != dataset || m.Owner != owner || m.Epoch != epoch {
		return fmt.Errorf("%w: manifest for epoch %d of %x by %x", ErrMismatch, m.Epoch, m.Dataset[24:], m.Owner)
	}
	return nil
}

// Find returns the entry of a CID hash (binary search), or ErrNotFound.
func (m *Manifest) Find(cidHash [32]byte) (*Entry, error) {
	i, ok := slices.BinarySearchFunc(m.Entries, cidHash, func(e Entry, h [32]byte) int { return bytes.Compare(e.CIDHash[:], h[:]) })
	if !ok {
		return nil, ErrNotFound
	}
	return &m.Entries[i], nil
}
