// Package attest lets a data source (a shop, a bank, an employer) vouch for
// a dataset version through the Ethereum Attestation Service: it deploys
// EAS and registers pdx's schema, makes attestations on chain (EAS.attest)
// or off chain (EIP-712 signed, in EAS's off-chain format), and verifies
// either against what a reader actually fetched. contracts/spec/attestation-v1.md
// is the format; everything read from the chain or a file is hostile input.
package attest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/contracts/bindings"
)

// SchemaV1 is the EAS schema pdx registers (contracts/spec/attestation-v1.md).
// registry, dataset and version name the version exactly; cid and
// fingerprint are what the reader checks against what it fetched; fields
// are optional per-field fingerprints; source is the attester's own name
// for itself (a claim, not an identity).
const SchemaV1 = "address registry,uint64 dataset,uint32 version,bytes cid,bytes32 fingerprint,bytes32[] fields,string source"

// Revocable: a source must be able to withdraw an attestation it regrets.
const Revocable = true

// Bounds on what a claim may hold: an attestation is read from a stranger,
// and these keep its decoding cheap. They match what pdx itself writes
// (a CID is under 100 bytes, a split dataset has at most MaxFields groups).
const (
	MaxCID       = 128
	MaxFields    = 256
	MaxSource    = 128
	MaxClaimData = 32 + 32 + 32 + 32 + 32 + 32 + 32 + (32 + MaxCID + 31) + (32 + 32*MaxFields) + (32 + MaxSource + 31)
)

// ErrClaim: attestation data that is not a well-formed v1 claim.
var ErrClaim = errors.New("not a pdx attestation claim")

// SchemaUID is the UID EAS gives a schema: keccak256(schema, resolver,
// revocable), packed (SchemaRegistry._getUID).
func SchemaUID(schema string, resolver common.Address, revocable bool) common.Hash {
	r := byte(0)
	if revocable {
		r = 1
	}
	return crypto.Keccak256Hash([]byte(schema), resolver.Bytes(), []byte{r})
}

// Claim is what a source vouches for: one version of one dataset on one
// Registry.
type Claim struct {
	Registry    common.Address
	Dataset     uint64
	Version     uint32
	CID         []byte
	Fingerprint [32]byte
	Fields      [][32]byte
	Source      string
}

var claimArgs = func() abi.Arguments {
	mk := func(t string) abi.Type {
		ty, err := abi.NewType(t, "", nil)
		if err != nil {
			panic(err)
		}
		return ty
	}
	return abi.Arguments{
		{Name: "registry", Type: mk("address")},
		{Name: "dataset", Type: mk("uint64")},
		{Name: "version", Type: mk("uint32")},
		{Name: "cid", Type: mk("bytes")},
		{Name: "fingerprint", Type: mk("bytes32")},
		{Name: "fields", Type: mk("bytes32[]")},
		{Name: "source", Type: mk("string")},
	}
}()

func (c Claim) check() error {
	switch {
	case len(c.CID) == 0 || len(c.CID) > MaxCID:
		return fmt.Errorf("%w: cid of %d bytes (1 to %d)", ErrClaim, len(c.CID), MaxCID)
	case len(c.Fields) > MaxFields:
		return fmt.Errorf("%w: %d field fingerprints (at most %d)", ErrClaim, len(c.Fields), MaxFields)
	case len(c.Source) > MaxSource:
		return fmt.Errorf("%w: source name of %d bytes (at most %d)", ErrClaim, len(c.Source), MaxSource)
	case c.Dataset == 0 || c.Version == 0:
		return fmt.Errorf("%w: dataset and version start at 1", ErrClaim)
	}
	return nil
}

// Encode is the claim's ABI encoding, the attestation's data.
func (c Claim) Encode() ([]byte, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	fields := c.Fields
	if fields == nil {
		fields = [][32]byte{}
	}
	return claimArgs.Pack(c.Registry, c.Dataset, c.Version, c.CID, c.Fingerprint, fields, c.Source)
}

// DecodeClaim reads attestation data strictly: bounded in size, every
// bound of Claim held, and canonical (re-encoding gives the same bytes),
// so two different byte strings never pass as one claim.
func DecodeClaim(data []byte) (Claim, error) {
	if len(data) > MaxClaimData {
		return Claim{}, fmt.Errorf("%w: %d bytes (at most %d)", ErrClaim, len(data), MaxClaimData)
	}
	out, err := claimArgs.Unpack(data)
	if err != nil {
		return Claim{}, fmt.Errorf("%w: %v", ErrClaim, err)
	}
	c := Claim{
		Registry:    out[0].(common.Address),
		Dataset:     out[1].(uint64),
		Version:     out[2].(uint32),
		CID:         out[3].([]byte),
		Fingerprint: out[4].([32]byte),
		Fields:      out[5].([][32]byte),
		Source:      out[6].(string),
	}
	again, err := c.Encode()
	if err != nil {
		return Claim{}, err
	}
	if !bytes.Equal(again, data) {
		return Claim{}, fmt.Errorf("%w: not in canonical encoding", ErrClaim)
	}
	if len(c.Fields) == 0 {
		c.Fields = nil
	}
	return c, nil
}

// Backend is what this package needs of a chain: calls, transactions and
// receipts, and the chain id. *ethclient.Client and simulated.Client
// satisfy it (as they do acl.Backend).
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
}

// Deployment is where EAS lives on a chain and pdx's schema UID there.
type Deployment struct {
	SchemaRegistry common.Address `json:"schema_registry"`
	EAS            common.Address `json:"eas"`
	Schema         common.Hash    `json:"schema"`
	// Block is the block the schema was registered in.
	Block uint64 `json:"block"`
}

// Deploy deploys SchemaRegistry and EAS from key's account and registers
// SchemaV1 (no resolver, revocable): three transactions, each waited for.
func Deploy(ctx context.Context, backend Backend, key *ecdsa.PrivateKey) (Deployment, error) {
	opts, err := transactOpts(ctx, backend, key)
	if err != nil {
		return Deployment{}, err
	}
	var d Deployment
	srAddr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.SchemaRegistryMetaData.Bin), backend, nil)
	if err != nil {
		return d, fmt.Errorf("deploying EAS's SchemaRegistry: %w", err)
	}
	if _, err := waitOK(ctx, backend, tx); err != nil {
		return d, fmt.Errorf("deploying EAS's SchemaRegistry: %w", err)
	}
	eas := bindings.NewEAS()
	easAddr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.EASMetaData.Bin), backend, eas.PackConstructor(srAddr))
	if err != nil {
		return d, fmt.Errorf("deploying EAS: %w", err)
	}
	if _, err := waitOK(ctx, backend, tx); err != nil {
		return d, fmt.Errorf("deploying EAS: %w", err)
	}
	sr := bindings.NewSchemaRegistry()
	tx, err = bind.Transact(sr.Instance(backend, srAddr), opts, sr.PackRegister(SchemaV1, common.Address{}, Revocable))
	if err != nil {
		return d, fmt.Errorf("registering pdx's attestation schema: %w", err)
	}
	rc, err := waitOK(ctx, backend, tx)
	if err != nil {
		return d, fmt.Errorf("registering pdx's attestation schema: %w", err)
	}
	return Deployment{SchemaRegistry: srAddr, EAS: easAddr, Schema: SchemaUID(SchemaV1, common.Address{}, Revocable), Block: rc.BlockNumber.Uint64()}, nil
}

// CheckDeployment confirms that d.EAS is an EAS whose registry is
// d.SchemaRegistry and that pdx's schema is registered there under
// d.Schema: a configuration naming other addresses is refused at start
// rather than at the first verification.
func CheckDeployment(ctx context.Context, backend Backend, d Deployment) error {
	eas := bindings.NewEAS()
	reg, err := bind.Call(eas.Instance(backend, d.EAS), nil, eas.PackGetSchemaRegistry(), eas.UnpackGetSchemaRegistry)
	if err != nil {
		return fmt.Errorf("no EAS at %s: %w", d.EAS.Hex(), err)
	}
	if reg != d.SchemaRegistry {
		return fmt.Errorf("the EAS at %s uses the schema registry %s, not %s", d.EAS.Hex(), reg.Hex(), d.SchemaRegistry.Hex())
	}
	sr := bindings.NewSchemaRegistry()
	rec, err := bind.Call(sr.Instance(backend, d.SchemaRegistry), nil, sr.PackGetSchema(d.Schema), sr.UnpackGetSchema)
	if err != nil {
		return fmt.Errorf("reading schema %x: %w", d.Schema, err)
	}
	if rec.Uid != d.Schema || rec.Schema != SchemaV1 || !rec.Revocable || rec.Resolver != (common.Address{}) {
		return fmt.Errorf("schema %x is not pdx's attestation schema v1 on %s", d.Schema, d.SchemaRegistry.Hex())
	}
	return nil
}

func transactOpts(ctx context.Context, backend Backend, key *ecdsa.PrivateKey) (*bind.TransactOpts, error) {
	id, err := backend.ChainID(ctx)
	if err != nil {
		return nil, err
	}
	opts := bind.NewKeyedTransactor(key, id)
	opts.Context = ctx
	return opts, nil
}

func waitOK(ctx context.Context, backend Backend, tx *types.Transaction) (*types.Receipt, error) {
	rc, err := bind.WaitMined(ctx, backend, tx.Hash())
	if err != nil {
		return nil, err
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return rc, fmt.Errorf("transaction %s reverted", tx.Hash().Hex())
	}
	return rc, nil
}

// Attester makes attestations from one account.
type Attester struct {
	backend Backend
	d       Deployment
	key     *ecdsa.PrivateKey
}

// NewAttester attests from key's account on d.
func NewAttester(backend Backend, d Deployment, key *ecdsa.PrivateKey) *Attester {
	return &Attester{backend: backend, d: d, key: key}
}

// Address is the attester's account.
func (a *Attester) Address() common.Address { return crypto.PubkeyToAddress(a.key.PublicKey) }

// Attest records on chain that claim holds for the dataset's owner
// (recipient), until expires (zero: no expiry). It returns the UID.
func (a *Attester) Attest(ctx context.Context, owner common.Address, claim Claim, expires time.Time) ([32]byte, *types.Receipt, error) {
	data, err := claim.Encode()
	if err != nil {
		return [32]byte{}, nil, err
	}
	var exp uint64
	if !expires.IsZero() {
		exp = uint64(expires.Unix())
	}
	opts, err := transactOpts(ctx, a.backend, a.key)
	if err != nil {
		return [32]byte{}, nil, err
	}
	eas := bindings.NewEAS()
	tx, err := bind.Transact(eas.Instance(a.backend, a.d.EAS), opts, eas.PackAttest(bindings.AttestationRequest{
		Schema: a.d.Schema,
		Data:   bindings.AttestationRequestData{Recipient: owner, ExpirationTime: exp, Revocable: Revocable, Data: data, Value: new(big.Int)},
	}))
	if err != nil {
		return [32]byte{}, nil, fmt.Errorf("attesting: %w", err)
	}
	rc, err := waitOK(ctx, a.backend, tx)
	if err != nil {
		return [32]byte{}, rc, fmt.Errorf("attesting: %w", err)
	}
	for _, l := range rc.Logs {
		if l.Address != a.d.EAS {
			continue
		}
		if ev, err := eas.UnpackAttestedEvent(l); err == nil {
			return ev.Uid, rc, nil
		}
	}
	return [32]byte{}, rc, fmt.Errorf("attesting: the receipt of %s holds no Attested event", tx.Hash().Hex())
}

// Revoke revokes an on-chain attestation this attester made.
func (a *Attester) Revoke(ctx context.Context, uid [32]byte) (*types.Receipt, error) {
	opts, err := transactOpts(ctx, a.backend, a.key)
	if err != nil {
		return nil, err
	}
	eas := bindings.NewEAS()
	tx, err := bind.Transact(eas.Instance(a.backend, a.d.EAS), opts, eas.PackRevoke(bindings.RevocationRequest{
		Schema: a.d.Schema, Data: bindings.RevocationRequestData{Uid: uid, Value: new(big.Int)},
	}))
	if err != nil {
		return nil, fmt.Errorf("revoking: %w", err)
	}
	return waitOK(ctx, a.backend, tx)
}

// RevokeOffchain records on chain that this attester withdraws the
// off-chain attestation uid (EAS.revokeOffchain): verifiers read it.
func (a *Attester) RevokeOffchain(ctx context.Context, uid [32]byte) (*types.Receipt, error) {
	opts, err := transactOpts(ctx, a.backend, a.key)
	if err != nil {
		return nil, err
	}
	eas := bindings.NewEAS()
	tx, err := bind.Transact(eas.Instance(a.backend, a.d.EAS), opts, eas.PackRevokeOffchain(uid))
	if err != nil {
		return nil, fmt.Errorf("revoking off chain: %w", err)
	}
	return waitOK(ctx, a.backend, tx)
}
