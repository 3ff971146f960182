package fieldsplit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/internal/errkind"
)

// ManifestVersion is the manifest format version this build writes and reads
// (FIELDS.md).
const ManifestVersion = 1

// Magic is the manifest's "pdx" member: what tells a manifest from any other
// object a CID may name.
const Magic = "fields"

// MaxManifest bounds a manifest read from IPFS (64 fields fit easily).
const MaxManifest = 256 << 10

// ErrNotManifest: the bytes are not a field manifest of a version this build
// reads (or break its rules: a manifest comes from IPFS, anyone's bytes).
var ErrNotManifest = errkind.New(errkind.Damaged, "not a valid field manifest")

// Field is one field group of a split version: its envelope and the public
// key the envelope's file key is wrapped under.
type Field struct {
	Name  string   `json:"name"`
	Paths []string `json:"paths"`
	// CID is the field's envelope (reencrypt/envelope/ENVELOPE.md).
	CID string `json:"cid"`
	// Fingerprint is the envelope's plaintext commitment (hex, 32 bytes):
	// what the owner would register for the field alone, and what a
	// source may attest per field.
	Fingerprint string `json:"fingerprint"`
	// Key is the field's Umbral delegating public key (hex, 33 bytes
	// compressed): kfrags of a grant of this field delegate it.
	Key string `json:"key"`
	// Size is the envelope's size in bytes.
	Size int64 `json:"size"`
}

// Manifest is a split version: the object whose CID and SHA-256 the owner
// registers on chain as the version (FIELDS.md).
type Manifest struct {
	Pdx     string `json:"pdx"`
	Version int    `json:"version"`
	Format  Format `json:"format"`
	// Dataset is the dataset's 32-byte id as the envelopes bind it (hex),
	// Owner its owner's address.
	Dataset string `json:"dataset"`
	Owner   string `json:"owner"`
	// Order is the document's top-level keys (JSON) or columns (CSV) in
	// their order, which Join restores.
	Order  []string `json:"order"`
	Fields []Field  `json:"fields"`
}

// Groups returns the manifest's fields as groups, in its order.
func (m *Manifest) Groups() []Group {
	g := make([]Group, len(m.Fields))
	for i, f := range m.Fields {
		g[i] = Group{Name: f.Name, Paths: f.Paths}
	}
	return g
}

// Field returns the field named name.
func (m *Manifest) Field(name string) (*Field, bool) {
	for i := range m.Fields {
		if m.Fields[i].Name == name {
			return &m.Fields[i], true
		}
	}
	return nil, false
}

// Names returns the fields' names in the manifest's order.
func (m *Manifest) Names() []string {
	n := make([]string, len(m.Fields))
	for i, f := range m.Fields {
		n[i] = f.Name
	}
	return n
}

// Select checks that every name is a field of m and returns them in the
// manifest's order, without duplicates.
func (m *Manifest) Select(names []string) ([]string, error) {
	return SelectFrom(m.Names(), names)
}

// SelectFrom checks names against the fields have and returns them in
// have's order, without duplicates: what a grant of names covers.
func SelectFrom(have, names []string) ([]string, error) {
	if len(names) == 0 {
		return nil, bad("name at least one field")
	}
	var unknown []string
	for _, n := range names {
		if !slices.Contains(have, n) {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		return nil, bad("the dataset has no field %s (its fields: %s)", strings.Join(unknown, ", "), strings.Join(have, ", "))
	}
	var out []string
	for _, h := range have {
		if slices.Contains(names, h) {
			out = append(out, h)
		}
	}
	return out, nil
}

// Encode writes the manifest in its one canonical form (encoding/json of
// the struct, compact), whose SHA-256 is the version's fingerprint.
func (m *Manifest) Encode() ([]byte, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// Fingerprint is the manifest's fingerprint on chain: SHA-256 of its bytes.
func Fingerprint(b []byte) [32]byte { return sha256.Sum256(b) }

// IsManifest tells from an object's first bytes whether it is a field
// manifest (and not an envelope or plain data): a manifest starts with
// `{"pdx":"fields"`.
func IsManifest(head []byte) bool {
	return bytes.HasPrefix(head, []byte(`{"pdx":"fields"`))
}

// ParseManifest reads a manifest and checks every rule of FIELDS.md: it
// is hostile input (anyone can put bytes on IPFS and a CID on chain).
func ParseManifest(b []byte) (*Manifest, error) {
	if len(b) > MaxManifest {
		return nil, fmt.Errorf("%w: %d bytes, more than %d", ErrNotManifest, len(b), MaxManifest)
	}
	if !IsManifest(b) {
		return nil, fmt.Errorf("%w: it does not start with {\"pdx\":\"fields\"", ErrNotManifest)
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotManifest, err)
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	// Only the canonical form: one manifest, one fingerprint.
	canon, _ := json.Marshal(&m)
	if !bytes.Equal(canon, b) {
		return nil, fmt.Errorf("%w: not in its canonical form", ErrNotManifest)
	}
	return &m, nil
}

func (m *Manifest) check() error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrNotManifest, fmt.Sprintf(format, args...))
	}
	if m.Pdx != Magic || m.Version != ManifestVersion {
		return fail("pdx %q version %d (this build reads %q version %d)", m.Pdx, m.Version, Magic, ManifestVersion)
	}
	if m.Format != JSON && m.Format != CSV {
		return fail("format %q", m.Format)
	}
	if b, err := hex.DecodeString(strings.TrimPrefix(m.Dataset, "0x")); err != nil || len(b) != 32 {
		return fail("dataset %q is not 32 bytes of hex", m.Dataset)
	}
	if b, err := hex.DecodeString(strings.TrimPrefix(m.Owner, "0x")); err != nil || len(b) != 20 {
		return fail("owner %q is not an address", m.Owner)
	}
	if len(m.Fields) == 0 || len(m.Fields) > MaxFields {
		return fail("%d fields (1 to %d)", len(m.Fields), MaxFields)
	}
	names, keys := map[string]bool{}, map[string]bool{}
	for _, f := range m.Fields {
		if err := ValidName(f.Name); err != nil {
			return fail("%v", err)
		}
		if names[f.Name] {
			return fail("field %q twice", f.Name)
		}
		names[f.Name] = true
		if len(f.Paths) == 0 {
			return fail("field %q has no path", f.Name)
		}
		if _, err := cid.Decode(f.CID); err != nil {
			return fail("field %q: CID %q: %v", f.Name, f.CID, err)
		}
		if b, err := hex.DecodeString(f.Fingerprint); err != nil || len(b) != 32 {
			return fail("field %q: fingerprint is not 32 bytes of hex", f.Name)
		}
		if b, err := hex.DecodeString(f.Key); err != nil || len(b) != 33 {
			return fail("field %q: key is not a 33-byte compressed public key in hex", f.Name)
		}
		if keys[f.Key] {
			// Two fields under one key would open together.
			return fail("field %q shares its key with another field", f.Name)
		}
		keys[f.Key] = true
	}
	return nil
}

// DecodeHex32 reads one of the manifest's 32-byte hex strings.
func DecodeHex32(s string) ([32]byte, error) {
	var out [32]byte
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || len(b) != 32 {
		return out, errors.New("not 32 bytes of hex")
	}
	copy(out[:], b)
	return out, nil
}
