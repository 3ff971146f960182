// Package bundle seals a grant's Umbral key fragments to its proxies: one
// HPKE-sealed kfrag per proxy, all in one versioned object (BUNDLE.md) that
// the owner puts on IPFS and names in the grant's on-chain event.
package bundle

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/cloudflare/circl/hpke"
	"github.com/cloudflare/circl/kem"

	"github.com/pdx-network/pdx/reencrypt"
)

// Format constants (BUNDLE.md).
const (
	Major = 1
	// Minor is the highest minor this build writes and knows the layout
	// of: 1 adds the terms section after the entries. A bundle without
	// terms is still written as 1.0, byte for byte what a 1.0 writer made;
	// 2 (a field grant) adds the fields section after the terms.
	Minor = 2
	// MaxTerms bounds a bundle's terms document (the grant's usage policy,
	// whose own bound is the same 16 KiB).
	MaxTerms   = 16 << 10
	termsLen   = 4
	HeaderSize = 4 + 2 + 6 + 32 + 32 + 20 + 1 + 1
	encSize    = 32
	sealedSize = reencrypt.KeyFragSize + 16
	EntrySize  = 20 + encSize + sealedSize
	MaxProxies = 255
)

var tag = [4]byte{'P', 'D', 'X', 'K'}

const (
	kemID  = hpke.KEM_X25519_HKDF_SHA256
	kdfID  = hpke.KDF_HKDF_SHA256
	aeadID = hpke.AEAD_ChaCha20Poly1305
)

var suite = hpke.NewSuite(kemID, kdfID, aeadID)

// Errors callers branch on.
var (
	// ErrMalformed: the bytes are not a bundle of a version this build reads.
	ErrMalformed = errors.New("bundle: malformed kfrag bundle")
	// ErrUnsupportedVersion: a major version or HPKE suite this build does not know.
	ErrUnsupportedVersion = errors.New("bundle: unsupported bundle version")
	// ErrNoEntry: the bundle has no kfrag for this proxy.
	ErrNoEntry = errors.New("bundle: no kfrag for this proxy in the bundle")
	// ErrOpen: the entry does not open with this key (wrong key or tampered).
	ErrOpen = errors.New("bundle: kfrag entry does not open with this proxy key")
	// ErrInvalidKey: an HPKE key that is not a 32-byte X25519 key.
	ErrInvalidKey = errors.New("bundle: invalid HPKE key")
	// ErrInvalidArgument: a bundle that cannot be made as asked.
	ErrInvalidArgument = errors.New("bundle: invalid arguments")
)

// Address is a 20-byte Ethereum address.
type Address [20]byte

// Grant names what a bundle belongs to.
type Grant struct {
	ID        [32]byte
	Dataset   [32]byte
	Grantee   Address
	Threshold int
}

// Recipient is a proxy and its registered HPKE public key (32 bytes, X25519).
type Recipient struct {
	Proxy     Address
	PublicKey []byte
}

// PrivateKey is a proxy's HPKE private key.
type PrivateKey struct{ sk kem.PrivateKey }

// GenerateKey makes a fresh HPKE key pair for a proxy and returns the
// private key and the 32-byte public key to register on chain.
func GenerateKey() (*PrivateKey, []byte, error) {
	pk, sk, err := kemID.Scheme().GenerateKeyPair()
	if err != nil {
		return nil, nil, err
	}
	pub, err := pk.MarshalBinary()
	if err != nil {
		return nil, nil, err
	}
	return &PrivateKey{sk}, pub, nil
}

// PrivateKeyFromBytes decodes a 32-byte X25519 private key.
func PrivateKeyFromBytes(b []byte) (*PrivateKey, error) {
	sk, err := kemID.Scheme().UnmarshalBinaryPrivateKey(b)
	if err != nil {
		return nil, fmt.Errorf("%w: want a 32-byte X25519 private key", ErrInvalidKey)
	}
	return &PrivateKey{sk}, nil
}

// Bytes returns the private key's 32 bytes. Handle them as a secret.
func (k *PrivateKey) Bytes() []byte {
	b, _ := k.sk.MarshalBinary()
	return b
}

// PublicKey returns the 32-byte public key.
func (k *PrivateKey) PublicKey() []byte {
	b, _ := k.sk.Public().MarshalBinary()
	return b
}

// ValidatePublicKey reports whether b is an X25519 public key HPKE accepts.
func ValidatePublicKey(b []byte) error {
	if _, err := kemID.Scheme().UnmarshalBinaryPublicKey(b); err != nil {
		return fmt.Errorf("%w: want a 32-byte X25519 public key", ErrInvalidKey)
	}
	return nil
}

func info(grantID [32]byte) []byte {
	return append([]byte("pdx/kfrag-bundle/v1"), grantID[:]...)
}

func header(g Grant, n int, minor byte) []byte {
	h := make([]byte, 0, HeaderSize)
	h = append(h, tag[:]...)
	h = append(h, Major, minor)
	h = binary.BigEndian.AppendUint16(h, uint16(kemID))
	h = binary.BigEndian.AppendUint16(h, uint16(kdfID))
	h = binary.BigEndian.AppendUint16(h, uint16(aeadID))
	h = append(h, g.ID[:]...)
	h = append(h, g.Dataset[:]...)
	h = append(h, g.Grantee[:]...)
	return append(h, byte(g.Threshold), byte(n))
}

// Seal seals kfrags[i] to recipients[i] and returns a bundle without terms
// (version 1.0). The entries are stored sorted by proxy address.
func Seal(g Grant, kfrags []*reencrypt.VerifiedKeyFrag, recipients []Recipient) ([]byte, error) {
	return seal(rand.Reader, g, kfrags, recipients, nil)
}

// SealTerms is Seal with the grant's terms document (its usage policy)
// carried after the entries (version 1.1), so whoever reads the bundle —
// the proxies, the grantee — has the terms with the kfrags, bound by the
// same on-chain digest, and never has to guess whether the grant has any.
// Empty terms make a 1.0 bundle: a grant without terms.
func SealTerms(g Grant, kfrags []*reencrypt.VerifiedKeyFrag, recipients []Recipient, terms []byte) ([]byte, error) {
	return seal(rand.Reader, g, kfrags, recipients, terms)
}

func seal(rnd io.Reader, g Grant, kfrags []*reencrypt.VerifiedKeyFrag, recipients []Recipient, terms []byte) ([]byte, error) {
	if len(terms) > MaxTerms {
		return nil, fmt.Errorf("%w: the terms document is %d bytes, more than %d", ErrInvalidArgument, len(terms), MaxTerms)
	}
	n := len(recipients)
	if len(kfrags) != n {
		return nil, fmt.Errorf("%w: need 1 to %d proxies and one kfrag each (got %d proxies, %d kfrags)", ErrInvalidArgument, MaxProxies, n, len(kfrags))
	}
	order, err := checkRecipients(g, n, recipients)
	if err != nil {
		return nil, err
	}
	minor := byte(0)
	if len(terms) > 0 {
		minor = 1
	}
	h := header(g, n, minor)
	out := append(make([]byte, 0, HeaderSize+n*EntrySize+termsLen+len(terms)), h...)
	out, err = sealEntries(rnd, out, g, h, order, kfrags, recipients, nil)
	if err != nil {
		return nil, err
	}
	if len(terms) > 0 {
		out = binary.BigEndian.AppendUint32(out, uint32(len(terms)))
		out = append(out, terms...)
	}
	return out, nil
}

// checkRecipients checks the proxies and returns their order by address.
func checkRecipients(g Grant, n int, recipients []Recipient) ([]int, error) {
	if n == 0 || n > MaxProxies {
		return nil, fmt.Errorf("%w: need 1 to %d proxies (got %d)", ErrInvalidArgument, MaxProxies, n)
	}
	if g.Threshold < 1 || g.Threshold > n {
		return nil, fmt.Errorf("%w: threshold %d is not between 1 and %d proxies", ErrInvalidArgument, g.Threshold, n)
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return bytes.Compare(recipients[a].Proxy[:], recipients[b].Proxy[:]) })
	for i := 1; i < n; i++ {
		if recipients[order[i]].Proxy == recipients[order[i-1]].Proxy {
			return nil, fmt.Errorf("%w: proxy %x appears twice", ErrInvalidArgument, recipients[order[i]].Proxy)
		}
	}
	return order, nil
}

// sealEntries appends one sealed entry per recipient, in order, to out;
// each entry's AAD is the header, the proxy's address and aadTail (a
// field's binding in a 1.2 bundle, nothing in 1.0 and 1.1).
func sealEntries(rnd io.Reader, out []byte, g Grant, h []byte, order []int, kfrags []*reencrypt.VerifiedKeyFrag, recipients []Recipient, aadTail []byte) ([]byte, error) {
	for _, i := range order {
		r := recipients[i]
		pk, err := kemID.Scheme().UnmarshalBinaryPublicKey(r.PublicKey)
		if err != nil {
			return nil, fmt.Errorf("%w: proxy %x: want a 32-byte X25519 public key", ErrInvalidKey, r.Proxy)
		}
		sender, err := suite.NewSender(pk, info(g.ID))
		if err != nil {
			return nil, err
		}
		enc, sealer, err := sender.Setup(rnd)
		if err != nil {
			return nil, fmt.Errorf("bundle: HPKE setup for proxy %x: %w", r.Proxy, err)
		}
		aad := append(append(slices.Clip(h), r.Proxy[:]...), aadTail...)
		ct, err := sealer.Seal(kfrags[i].Bytes(), aad)
		if err != nil {
			return nil, err
		}
		out = append(out, r.Proxy[:]...)
		out = append(out, enc...)
		out = append(out, ct...)
	}
	return out, nil
}

// Bundle is a parsed bundle.
type Bundle struct {
	Grant   Grant
	Proxies []Address // in entry order
	// Terms is the grant's terms document (version 1.1 and later), or nil:
	// a grant without terms. The bundle does not interpret it.
	Terms []byte
	// Fields are the field groups a field grant (version 1.2) delegates,
	// each with its own kfrags; nil for a grant of the whole dataset.
	Fields  []Field
	header  []byte
	entries [][]byte
	// fieldEntries[i] are field i's entries (fieldEntries[0] is entries).
	fieldEntries [][][]byte
}

// Parse checks a bundle's structure (BUNDLE.md, "Reading"); it opens nothing.
func Parse(b []byte) (*Bundle, error) {
	if len(b) < HeaderSize {
		return nil, fmt.Errorf("%w: %d bytes is shorter than the %d-byte header", ErrMalformed, len(b), HeaderSize)
	}
	if !bytes.Equal(b[:4], tag[:]) {
		return nil, fmt.Errorf("%w: type tag %q is not PDXK", ErrMalformed, b[:4])
	}
	if b[4] != Major {
		return nil, fmt.Errorf("%w: major version %d (this build reads %d)", ErrUnsupportedVersion, b[4], Major)
	}
	if hpke.KEM(binary.BigEndian.Uint16(b[6:])) != kemID || hpke.KDF(binary.BigEndian.Uint16(b[8:])) != kdfID || hpke.AEAD(binary.BigEndian.Uint16(b[10:])) != aeadID {
		return nil, fmt.Errorf("%w: HPKE suite %x is not X25519/HKDF-SHA256/ChaCha20-Poly1305", ErrUnsupportedVersion, b[6:12])
	}
	bd := &Bundle{header: b[:HeaderSize]}
	copy(bd.Grant.ID[:], b[12:44])
	copy(bd.Grant.Dataset[:], b[44:76])
	copy(bd.Grant.Grantee[:], b[76:96])
	t, n := int(b[96]), int(b[97])
	bd.Grant.Threshold = t
	if n == 0 || t < 1 || t > n {
		return nil, fmt.Errorf("%w: threshold %d of %d proxies", ErrMalformed, t, n)
	}
	body := b[HeaderSize:]
	if len(body) < n*EntrySize || (b[5] == 0 && len(body) != n*EntrySize) {
		return nil, fmt.Errorf("%w: %d bytes of entries, want %d for %d proxies", ErrMalformed, len(body), n*EntrySize, n)
	}
	if b[5] >= 1 {
		// 1.1: the terms section follows the entries; a later minor may
		// add more after it (1.2: the fields section).
		rest := body[n*EntrySize:]
		if len(rest) < termsLen {
			return nil, fmt.Errorf("%w: a version 1.%d bundle without its terms section", ErrMalformed, b[5])
		}
		l := binary.BigEndian.Uint32(rest)
		minL := uint32(1)
		if b[5] >= 2 {
			minL = 0 // a field grant may have no terms
		}
		if l < minL || l > MaxTerms || uint64(len(rest)-termsLen) < uint64(l) || (b[5] == 1 && uint64(len(rest)-termsLen) != uint64(l)) {
			return nil, fmt.Errorf("%w: a terms section of %d bytes in %d (%d to %d allowed)", ErrMalformed, l, len(rest)-termsLen, minL, MaxTerms)
		}
		if l > 0 {
			bd.Terms = rest[termsLen : termsLen+l]
		}
		if b[5] >= 2 {
			if err := bd.parseFields(rest[termsLen+l:], body, n, b[5]); err != nil {
				return nil, err
			}
		}
	}
	for i := range n {
		e := body[i*EntrySize : (i+1)*EntrySize]
		var a Address
		copy(a[:], e[:20])
		if i > 0 && bytes.Compare(a[:], bd.Proxies[i-1][:]) <= 0 {
			return nil, fmt.Errorf("%w: proxy addresses are not strictly increasing", ErrMalformed)
		}
		bd.Proxies = append(bd.Proxies, a)
		bd.entries = append(bd.entries, e)
	}
	return bd, nil
}

// Open decrypts the kfrag sealed to proxy. The result is not yet verified:
// verify it against the owner's keys read from the chain before storing it.
func (bd *Bundle) Open(proxy Address, key *PrivateKey) (*reencrypt.KeyFrag, error) {
	if bd.Fields != nil {
		return nil, fmt.Errorf("%w: a field grant's bundle (1.2) has no kfrag of the dataset's key; open its fields (OpenField)", ErrNoEntry)
	}
	return bd.open(bd.entries, proxy, key, nil)
}

func (bd *Bundle) open(entries [][]byte, proxy Address, key *PrivateKey, aadTail []byte) (*reencrypt.KeyFrag, error) {
	i := slices.Index(bd.Proxies, proxy)
	if i < 0 {
		return nil, fmt.Errorf("%w: %x", ErrNoEntry, proxy)
	}
	e := entries[i]
	receiver, err := suite.NewReceiver(key.sk, info(bd.Grant.ID))
	if err != nil {
		return nil, err
	}
	opener, err := receiver.Setup(e[20 : 20+encSize])
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOpen, err)
	}
	pt, err := opener.Open(e[20+encSize:], append(append(slices.Clip(bd.header), proxy[:]...), aadTail...))
	if err != nil {
		return nil, fmt.Errorf("%w: the entry for %x was sealed to another key or altered", ErrOpen, proxy)
	}
	kf, err := reencrypt.KeyFragFromBytes(pt)
	if err != nil {
		return nil, fmt.Errorf("%w: sealed content: %w", ErrMalformed, err)
	}
	return kf, nil
}
