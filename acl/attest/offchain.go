package attest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// Off-chain attestations follow EAS's off-chain format, version 2 (the
// EAS SDK's OffchainAttestationVersion.Version2): an EIP-712 signature over
// the Attest struct below under the domain "EAS Attestation", the EAS
// contract's version, the chain id and the EAS address. A file holds EAS's
// shareable package, {"sig": …, "signer": …}.
const (
	OffchainVersion = 2
	DomainName      = "EAS Attestation"
	// EASVersion is the version the pinned EAS contracts report
	// (EAS.version()), which the off-chain domain carries.
	EASVersion = "1.4.0"
	// MaxOffchainFile bounds an off-chain attestation file: a stranger
	// hands it over.
	MaxOffchainFile = 64 << 10
)

// ErrOffchain: a file that is not an off-chain attestation in EAS's
// version 2 format.
var ErrOffchain = errors.New("not an EAS off-chain attestation")

var attestType = []apitypes.Type{
	{Name: "version", Type: "uint16"},
	{Name: "schema", Type: "bytes32"},
	{Name: "recipient", Type: "address"},
	{Name: "time", Type: "uint64"},
	{Name: "expirationTime", Type: "uint64"},
	{Name: "revocable", Type: "bool"},
	{Name: "refUID", Type: "bytes32"},
	{Name: "data", Type: "bytes"},
	{Name: "salt", Type: "bytes32"},
}

var domainType = []apitypes.Type{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

// Domain is the EIP-712 domain of off-chain attestations on one chain.
type Domain struct {
	Name              string         `json:"name"`
	Version           string         `json:"version"`
	ChainID           Uint64         `json:"chainId"`
	VerifyingContract common.Address `json:"verifyingContract"`
}

// DomainFor is the domain of d's EAS on chain id.
func DomainFor(chainID uint64, d Deployment) Domain {
	return Domain{Name: DomainName, Version: EASVersion, ChainID: Uint64(chainID), VerifyingContract: d.EAS}
}

// Uint64 is an integer that EAS's tools write as a decimal string (they
// exceed JavaScript's numbers) and some as a JSON number: both are read,
// a string is written.
type Uint64 uint64

// MarshalJSON writes a decimal string.
func (u Uint64) MarshalJSON() ([]byte, error) {
	return []byte(`"` + strconv.FormatUint(uint64(u), 10) + `"`), nil
}

// UnmarshalJSON reads a decimal string or a JSON number, strictly (no
// sign, no fraction, no exponent, at most 20 digits).
func (u *Uint64) UnmarshalJSON(b []byte) error {
	s := string(b)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = s[1 : len(s)-1]
	}
	if len(s) == 0 || len(s) > 20 || strings.TrimLeft(s, "0123456789") != "" {
		return fmt.Errorf("%q is not an unsigned decimal integer", b)
	}
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return err
	}
	*u = Uint64(v)
	return nil
}

// Message is the signed Attest struct. Integers are decimal strings in
// JSON, as EAS's tools write them (they exceed JavaScript's numbers).
type Message struct {
	Version        uint16         `json:"version"`
	Schema         common.Hash    `json:"schema"`
	Recipient      common.Address `json:"recipient"`
	Time           Uint64         `json:"time"`
	ExpirationTime Uint64         `json:"expirationTime"`
	Revocable      bool           `json:"revocable"`
	RefUID         common.Hash    `json:"refUID"`
	Data           hexutil.Bytes  `json:"data"`
	Salt           common.Hash    `json:"salt"`
}

// Signature is EAS's {v, r, s}.
type Signature struct {
	V uint8       `json:"v"`
	R common.Hash `json:"r"`
	S common.Hash `json:"s"`
}

// Signed is EAS's SignedOffchainAttestation.
type Signed struct {
	Domain      Domain                     `json:"domain"`
	PrimaryType string                     `json:"primaryType"`
	Types       map[string][]apitypes.Type `json:"types"`
	Message     Message                    `json:"message"`
	Signature   Signature                  `json:"signature"`
	UID         common.Hash                `json:"uid"`
	Version     uint16                     `json:"version"`
}

// Offchain is EAS's shareable package: the signed attestation and who
// claims to have signed it (checked against the signature).
type Offchain struct {
	Sig    Signed         `json:"sig"`
	Signer common.Address `json:"signer"`
}

// SignOffchain signs claim for owner under domain with key: no transaction,
// nothing on chain. now is the attestation's time.
func SignOffchain(key *ecdsa.PrivateKey, domain Domain, schema [32]byte, owner common.Address, claim Claim, now, expires time.Time) (*Offchain, error) {
	data, err := claim.Encode()
	if err != nil {
		return nil, err
	}
	var salt common.Hash
	if _, err := rand.Read(salt[:]); err != nil {
		return nil, err
	}
	m := Message{Version: OffchainVersion, Schema: schema, Recipient: owner, Time: Uint64(now.Unix()), Revocable: Revocable, Data: data, Salt: salt}
	if !expires.IsZero() {
		m.ExpirationTime = Uint64(expires.Unix())
	}
	hash, err := typedHash(domain, m)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(hash, key)
	if err != nil {
		return nil, err
	}
	var r, s common.Hash
	copy(r[:], sig[:32])
	copy(s[:], sig[32:64])
	return &Offchain{
		Sig: Signed{
			Domain: domain, PrimaryType: "Attest", Types: map[string][]apitypes.Type{"Attest": attestType},
			Message: m, Signature: Signature{V: sig[64] + 27, R: r, S: s}, UID: OffchainUID(m), Version: OffchainVersion,
		},
		Signer: crypto.PubkeyToAddress(key.PublicKey),
	}, nil
}

// typedHash is the EIP-712 digest of m under domain, through go-ethereum's
// TypedData encoder.
func typedHash(domain Domain, m Message) ([]byte, error) {
	td := apitypes.TypedData{
		Types:       apitypes.Types{"EIP712Domain": domainType, "Attest": attestType},
		PrimaryType: "Attest",
		Domain: apitypes.TypedDataDomain{
			Name: domain.Name, Version: domain.Version,
			ChainId:           (*math.HexOrDecimal256)(new(big.Int).SetUint64(uint64(domain.ChainID))),
			VerifyingContract: domain.VerifyingContract.Hex(),
		},
		Message: apitypes.TypedDataMessage{
			"version":        strconv.FormatUint(uint64(m.Version), 10),
			"schema":         m.Schema.Hex(),
			"recipient":      m.Recipient.Hex(),
			"time":           strconv.FormatUint(uint64(m.Time), 10),
			"expirationTime": strconv.FormatUint(uint64(m.ExpirationTime), 10),
			"revocable":      m.Revocable,
			"refUID":         m.RefUID.Hex(),
			"data":           hexutil.Encode(m.Data),
			"salt":           m.Salt.Hex(),
		},
	}
	hash, _, err := apitypes.TypedDataAndHash(td)
	return hash, err
}

// OffchainUID is EAS's off-chain UID (version 2): keccak256 of the packed
// version, the schema UID's hex text, recipient, the zero address, time,
// expiration, revocable, refUID, data, salt and a zero uint32.
func OffchainUID(m Message) common.Hash {
	var b bytes.Buffer
	b.Write(binary.BigEndian.AppendUint16(nil, m.Version))
	b.WriteString(m.Schema.Hex())
	b.Write(m.Recipient.Bytes())
	b.Write(common.Address{}.Bytes())
	b.Write(binary.BigEndian.AppendUint64(nil, uint64(m.Time)))
	b.Write(binary.BigEndian.AppendUint64(nil, uint64(m.ExpirationTime)))
	if m.Revocable {
		b.WriteByte(1)
	} else {
		b.WriteByte(0)
	}
	b.Write(m.RefUID.Bytes())
	b.Write(m.Data)
	b.Write(m.Salt.Bytes())
	b.Write([]byte{0, 0, 0, 0})
	return crypto.Keccak256Hash(b.Bytes())
}

// ParseOffchain reads an off-chain attestation file strictly: bounded,
// no unknown fields, EAS's version 2 with its exact types. It checks the
// form only; Verifier.Offchain checks what it says.
func ParseOffchain(data []byte) (*Offchain, error) {
	if len(data) > MaxOffchainFile {
		return nil, fmt.Errorf("%w: %d bytes (at most %d)", ErrOffchain, len(data), MaxOffchainFile)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var o Offchain
	if err := dec.Decode(&o); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOffchain, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: trailing data", ErrOffchain)
	}
	s := o.Sig
	switch {
	case s.Version != OffchainVersion || s.Message.Version != OffchainVersion:
		return nil, fmt.Errorf("%w: version %d (this pdx reads version %d)", ErrOffchain, s.Version, OffchainVersion)
	case s.PrimaryType != "Attest" || len(s.Types) != 1 || !reflect.DeepEqual(s.Types["Attest"], attestType):
		return nil, fmt.Errorf("%w: its EIP-712 types are not EAS's Attest (version 2)", ErrOffchain)
	case len(s.Message.Data) > MaxClaimData:
		return nil, fmt.Errorf("%w: data of %d bytes", ErrOffchain, len(s.Message.Data))
	case s.Signature.V != 27 && s.Signature.V != 28:
		return nil, fmt.Errorf("%w: signature v is %d (27 or 28)", ErrOffchain, s.Signature.V)
	}
	return &o, nil
}

// Marshal is the file form of o.
func (o *Offchain) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(o, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// recoverSigner is the account whose key made o's signature under o's own
// domain (the caller compares that domain with its own first).
func (o *Offchain) recoverSigner() (common.Address, error) {
	hash, err := typedHash(o.Sig.Domain, o.Sig.Message)
	if err != nil {
		return common.Address{}, err
	}
	s := o.Sig.Signature
	// Upper-half s values are malleable twins of valid signatures: refused,
	// as OpenZeppelin's ECDSA (and so EAS) refuses them.
	if new(big.Int).SetBytes(s.S[:]).Cmp(secp256k1HalfN) > 0 {
		return common.Address{}, errors.New("signature s is in the upper half of the curve order")
	}
	sig := make([]byte, 65)
	copy(sig, s.R[:])
	copy(sig[32:], s.S[:])
	sig[64] = s.V - 27
	pub, err := crypto.SigToPub(hash, sig)
	if err != nil {
		return common.Address{}, err
	}
	return crypto.PubkeyToAddress(*pub), nil
}

var secp256k1HalfN = new(big.Int).Rsh(crypto.S256().Params().N, 1)
