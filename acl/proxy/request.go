package proxy

import (
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// Domain is the EIP-712 domain every proxy request is signed under: the
// chain and the Registry the proxy enforces, so a request signed for one
// deployment is worthless on another.
type Domain struct {
	ChainID  *big.Int
	Registry common.Address
}

// ProtocolVersion is the version of the proxy protocol (PROTOCOL.md) this
// package speaks, and the EIP-712 domain version its requests are signed
// under. Version 2 added the purpose a re-encryption request reads for.
const ProtocolVersion = 2

func (d Domain) typed() apitypes.TypedDataDomain { return d.typedVersion(ProtocolVersion) }

// typedVersion is the domain of one protocol version: version 1 is kept
// only to verify receipts of requests answered before version 2.
func (d Domain) typedVersion(v int) apitypes.TypedDataDomain {
	return apitypes.TypedDataDomain{
		Name:              "pdx-proxy",
		Version:           fmt.Sprint(v),
		ChainId:           (*math.HexOrDecimal256)(d.ChainID),
		VerifyingContract: d.Registry.Hex(),
	}
}

var domainType = []apitypes.Type{
	{Name: "name", Type: "string"},
	{Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"},
	{Name: "verifyingContract", Type: "address"},
}

// ReencryptRequest asks one proxy for a cfrag of one capsule under one
// dataset's grant, for one purpose. The grantee signs it; naming the proxy
// stops a proxy from replaying it at another, and the nonce and deadline
// stop replays at the same one. The purpose is signed so that the receipt
// the proxy keeps is the reader's own word of why it read, which the owner
// can check.
type ReencryptRequest struct {
	Proxy       common.Address `json:"Proxy"`
	Dataset     uint64         `json:"Dataset"`
	CapsuleHash common.Hash    `json:"CapsuleHash"` // keccak256 of the 105-byte capsule
	// Purpose is what the reader reads for: a DPV purpose ("dpv:Marketing")
	// or any other IRI the grant's policy may name (docs/policy.md). Empty
	// only in a version-1 request, which named none: the proxies refuse
	// those, and the form survives to verify receipts written before.
	Purpose  string      `json:"Purpose,omitempty"`
	Nonce    common.Hash `json:"Nonce"`
	Deadline uint64      `json:"Deadline"` // unix seconds
}

// MaxPurposeBytes bounds a request's purpose: a DPV term or an IRI.
const MaxPurposeBytes = 256

// ErrBadPurpose: a purpose that is empty, too long or holds characters
// other than printable ASCII.
var ErrBadPurpose = errors.New("proxy: bad purpose")

// CheckPurpose refuses a purpose no policy could name: empty, longer than
// MaxPurposeBytes, or with spaces, control or non-ASCII characters (DPV
// terms and IRIs need none).
func CheckPurpose(p string) error {
	if p == "" {
		return fmt.Errorf("%w: empty", ErrBadPurpose)
	}
	if len(p) > MaxPurposeBytes {
		return fmt.Errorf("%w: %d bytes, at most %d", ErrBadPurpose, len(p), MaxPurposeBytes)
	}
	for _, c := range []byte(p) {
		if c <= ' ' || c >= 0x7f {
			return fmt.Errorf("%w: %q holds a character other than printable ASCII", ErrBadPurpose, p)
		}
	}
	return nil
}

// ReceiptsRequest asks one proxy for its receipts of one dataset; the
// dataset's owner signs it.
type ReceiptsRequest struct {
	Proxy    common.Address
	Dataset  uint64
	Nonce    common.Hash
	Deadline uint64
}

// Version is the protocol version of the request's form: 1 when it names
// no purpose, else ProtocolVersion.
func (r ReencryptRequest) Version() int {
	if r.Purpose == "" {
		return 1
	}
	return ProtocolVersion
}

func (r ReencryptRequest) typedData(d Domain) apitypes.TypedData {
	msg := apitypes.TypedDataMessage{
		"proxy":       r.Proxy.Hex(),
		"dataset":     new(big.Int).SetUint64(r.Dataset),
		"capsuleHash": r.CapsuleHash[:],
		"nonce":       r.Nonce[:],
		"deadline":    new(big.Int).SetUint64(r.Deadline),
	}
	fields := []apitypes.Type{
		{Name: "proxy", Type: "address"},
		{Name: "dataset", Type: "uint64"},
		{Name: "capsuleHash", Type: "bytes32"},
	}
	if r.Version() >= 2 {
		fields = append(fields, apitypes.Type{Name: "purpose", Type: "string"})
		msg["purpose"] = r.Purpose
	}
	fields = append(fields, apitypes.Type{Name: "nonce", Type: "bytes32"}, apitypes.Type{Name: "deadline", Type: "uint64"})
	return apitypes.TypedData{
		Types:       apitypes.Types{"EIP712Domain": domainType, "Reencrypt": fields},
		PrimaryType: "Reencrypt",
		Domain:      d.typedVersion(r.Version()),
		Message:     msg,
	}
}

func (r ReceiptsRequest) typedData(d Domain) apitypes.TypedData {
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": domainType,
			"Receipts": {
				{Name: "proxy", Type: "address"},
				{Name: "dataset", Type: "uint64"},
				{Name: "nonce", Type: "bytes32"},
				{Name: "deadline", Type: "uint64"},
			},
		},
		PrimaryType: "Receipts",
		Domain:      d.typed(),
		Message: apitypes.TypedDataMessage{
			"proxy":    r.Proxy.Hex(),
			"dataset":  new(big.Int).SetUint64(r.Dataset),
			"nonce":    r.Nonce[:],
			"deadline": new(big.Int).SetUint64(r.Deadline),
		},
	}
}

// ErrBadSignature: the signature does not recover to a signer.
var ErrBadSignature = errors.New("proxy: bad request signature")

func hashTyped(td apitypes.TypedData) ([]byte, error) {
	h, _, err := apitypes.TypedDataAndHash(td)
	return h, err
}

// signTyped signs with an Ethereum key; v is 27 or 28, as wallets produce.
func signTyped(td apitypes.TypedData, key *ecdsa.PrivateKey) ([]byte, error) {
	h, err := hashTyped(td)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(h, key)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

// recoverTyped returns the address that signed td. It accepts v as 0/1 or
// 27/28 and refuses high-S signatures (EIP-2), so a signature has one form.
func recoverTyped(td apitypes.TypedData, sig []byte) (common.Address, error) {
	if len(sig) != crypto.SignatureLength {
		return common.Address{}, fmt.Errorf("%w: %d bytes, want 65", ErrBadSignature, len(sig))
	}
	h, err := hashTyped(td)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	s := append([]byte(nil), sig...)
	if s[64] >= 27 {
		s[64] -= 27
	}
	r, sv := new(big.Int).SetBytes(s[:32]), new(big.Int).SetBytes(s[32:64])
	if s[64] > 1 || !crypto.ValidateSignatureValues(s[64], r, sv, true) {
		return common.Address{}, fmt.Errorf("%w: malformed or high-S", ErrBadSignature)
	}
	pub, err := crypto.SigToPub(h, s)
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return crypto.PubkeyToAddress(*pub), nil
}

// Digest is the EIP-712 hash the grantee signs (PROTOCOL.md's vectors).
func (r ReencryptRequest) Digest(d Domain) (common.Hash, error) {
	h, err := hashTyped(r.typedData(d))
	return common.BytesToHash(h), err
}

// Digest is the EIP-712 hash the owner signs.
func (r ReceiptsRequest) Digest(d Domain) (common.Hash, error) {
	h, err := hashTyped(r.typedData(d))
	return common.BytesToHash(h), err
}

// Sign signs the request with the grantee's key.
func (r ReencryptRequest) Sign(d Domain, key *ecdsa.PrivateKey) ([]byte, error) {
	return signTyped(r.typedData(d), key)
}

// Signer recovers the address that signed the request.
func (r ReencryptRequest) Signer(d Domain, sig []byte) (common.Address, error) {
	return recoverTyped(r.typedData(d), sig)
}

// Sign signs the request with the dataset owner's key.
func (r ReceiptsRequest) Sign(d Domain, key *ecdsa.PrivateKey) ([]byte, error) {
	return signTyped(r.typedData(d), key)
}

// Signer recovers the address that signed the request.
func (r ReceiptsRequest) Signer(d Domain, sig []byte) (common.Address, error) {
	return recoverTyped(r.typedData(d), sig)
}

// NewNonce returns a fresh random request nonce.
func NewNonce() common.Hash {
	var n common.Hash
	_, _ = rand.Read(n[:])
	return n
}
