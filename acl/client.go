// Package acl is pdx's client for the Registry contract: typed calls for
// every operation (keys, datasets, CIDs, grants, proxies, the market),
// transactions with nonce management, EIP-1559 fees and decoded revert
// reasons, and an event follower that works over plain HTTP JSON-RPC.
//
// It runs over any bind.ContractBackend that can also report receipts and
// the chain id: an ethclient.Client (HTTP, WebSocket or in-process), or
// go-ethereum's simulated backend.
//
// # History
//
// The Registry's events are read through typed queries (events.go): one
// method per event (Granted, GrantedVia, Revoked, Erased, CIDAdded, DatasetCreated,
// KeyRotated, Offered, Purchased, Refunded, Published, Unpublished), each taking a Range (from the
// deploy block; To 0 is the head) and a filter of the event's indexed
// arguments (nil matches any), and returning plain values that carry where
// they were logged (EventLog). Granted is the one type of a grant as the
// chain announced it; a followed Event converts to the same values
// (Event.Granted, ...). Every query goes through one private helper that
// splits long ranges into windows of at most Options.LogRange blocks
// (default 5,000) and narrows them, or pauses and retries, when a provider
// refuses a range as too wide or too large or is busy (logrange.go). Callers never name events by string, build topics or
// hold the backend: ChainID, BlockNumber, Head, EtherBalance, SubscribeHeads
// and Follower cover what they need of the node itself.
package acl

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/contracts/bindings"
)

// Backend is what the client needs from a node: contract calls,
// transactions, logs, receipts, the chain id and the head number.
// *ethclient.Client and simulated.Client satisfy it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	ChainID(ctx context.Context) (*big.Int, error)
	BlockNumber(ctx context.Context) (uint64, error)
}

// Client talks to one deployed Registry, as one account (or read-only).
type Client struct {
	backend Backend
	address common.Address
	reg     *bindings.Registry
	abi     *abi.ABI
	inst    *bind.BoundContract
	tx      *transactor // nil when read-only
	// logs reads the Registry's logs in bounded windows (Options.LogRange).
	logs *logReader
}

// Options tune a client; the zero value is the default.
type Options struct {
	// GasLimit, when non-zero, is used for every transaction instead of an
	// estimate. Reverts then surface from the mined receipt instead of from
	// estimation (and cost gas).
	GasLimit uint64
	// PollInterval is the first delay between receipt polls (default 50ms;
	// it grows up to one second).
	PollInterval time.Duration
	// LogRange is the blocks one eth_getLogs covers (default
	// DefaultLogRange; config key chain.log_range), widened over sparse
	// stretches up to 64 times (logReader). A provider that refuses a
	// window narrows it.
	LogRange uint64
}

// New opens the Registry at address. With a nil key the client is
// read-only. It fails when no contract code is at the address, and with
// ErrInterfaceVersion when the Registry there speaks another interface
// version than InterfaceVersion.
func New(ctx context.Context, backend Backend, address common.Address, key *ecdsa.PrivateKey, opts *Options) (*Client, error) {
	code, err := backend.CodeAt(ctx, address, nil)
	if err != nil {
		return nil, fmt.Errorf("acl: reading code at %s: %w", address.Hex(), err)
	}
	if len(code) == 0 {
		return nil, fmt.Errorf("acl: no contract at %s: deploy the Registry first or fix the address: %w", address.Hex(), bind.ErrNoCode)
	}
	c, err := newClient(ctx, backend, address, key, opts)
	if err != nil {
		return nil, err
	}
	if err := checkVersion(ctx, c); err != nil {
		return nil, err
	}
	return c, nil
}

func newClient(ctx context.Context, backend Backend, address common.Address, key *ecdsa.PrivateKey, opts *Options) (*Client, error) {
	reg := bindings.NewRegistry()
	a := reg.GetABI()
	c := &Client{backend: backend, address: address, reg: reg, abi: &a, inst: reg.Instance(backend, address), logs: &logReader{src: backend, max: DefaultLogRange}}
	if opts != nil && opts.LogRange != 0 {
		c.logs.max = opts.LogRange
	}
	if key != nil {
		id, err := backend.ChainID(ctx)
		if err != nil {
			return nil, fmt.Errorf("acl: reading the chain id: %w", err)
		}
		c.tx = newTransactor(backend, c.abi, key, id)
		if opts != nil {
			c.tx.gasLimit = opts.GasLimit
			if opts.PollInterval > 0 {
				c.tx.poll = opts.PollInterval
			}
		}
	}
	return c, nil
}

// Deploy deploys a new Registry from key's account and returns a client for
// it. grantWindow is how long a purchase waits for the owner's grant before
// the buyer may take a refund (whole seconds, at least one).
func Deploy(ctx context.Context, backend Backend, key *ecdsa.PrivateKey, grantWindow time.Duration, opts *Options) (*Client, *types.Receipt, error) {
	if key == nil {
		return nil, nil, ErrReadOnly
	}
	if grantWindow < time.Second {
		return nil, nil, fmt.Errorf("%w: grant window %v, want at least one second", ErrInvalidArgument, grantWindow)
	}
	c, err := newClient(ctx, backend, common.Address{}, key, opts)
	if err != nil {
		return nil, nil, err
	}
	code := append(common.FromHex(bindings.RegistryMetaData.Bin), c.reg.PackConstructor(uint64(grantWindow/time.Second))...)
	rc, err := c.tx.send(ctx, nil, nil, code)
	if err != nil {
		return nil, rc, fmt.Errorf("acl: deploying the Registry: %w", err)
	}
	c.address = rc.ContractAddress
	c.inst = c.reg.Instance(backend, c.address)
	return c, rc, nil
}

// Address is the Registry's address.
func (c *Client) Address() common.Address { return c.address }

// From is the client's account (zero when read-only).
func (c *Client) From() common.Address {
	if c.tx == nil {
		return common.Address{}
	}
	return c.tx.from
}

// ABI is the Registry's ABI.
func (c *Client) ABI() *abi.ABI { return c.abi }

func (c *Client) transact(ctx context.Context, value *big.Int, data []byte) (*types.Receipt, error) {
	if c.tx == nil {
		return nil, ErrReadOnly
	}
	return c.tx.send(ctx, &c.address, value, data)
}

func (c *Client) call(ctx context.Context, data []byte) ([]byte, error) {
	return c.callAt(ctx, data, nil)
}

// callAt runs a view at a block (nil: the latest).
func (c *Client) callAt(ctx context.Context, data []byte, block *big.Int) ([]byte, error) {
	out, err := c.backend.CallContract(ctx, ethereum.CallMsg{From: c.From(), To: &c.address, Data: data}, block)
	if err != nil {
		if c.tx != nil {
			if re, ok := c.tx.asRevert(err, common.Hash{}); ok {
				return nil, re
			}
		} else if data, ok := revertData(err); ok {
			return nil, decodeRevert(c.abi, data, common.Hash{})
		}
		return nil, fmt.Errorf("acl: calling the Registry: %w", err)
	}
	return out, nil
}

// ---------------------------------------------------------------- keys

// RegisterKeys registers the account's Umbral receiving and verifying keys
// (33-byte compressed points, checked on the curve first). Once per account.
func (c *Client) RegisterKeys(ctx context.Context, receiving, verifying []byte) (*types.Receipt, error) {
	if err := ValidatePublicKey(receiving); err != nil {
		return nil, fmt.Errorf("receiving key: %w", err)
	}
	if err := ValidatePublicKey(verifying); err != nil {
		return nil, fmt.Errorf("verifying key: %w", err)
	}
	return c.transact(ctx, nil, c.reg.PackRegisterKeys(receiving, verifying))
}

// Keys are an account's registered Umbral keys.
type Keys struct {
	Receiving, Verifying []byte
}

// ErrNoKeys: the account registered no keys.
var ErrNoKeys = errors.New("acl: account has no registered keys")

// KeysOf returns an account's keys, or ErrNoKeys.
func (c *Client) KeysOf(ctx context.Context, account common.Address) (Keys, error) {
	out, err := c.call(ctx, c.reg.PackKeysOf(account))
	if err != nil {
		return Keys{}, err
	}
	k, err := c.reg.UnpackKeysOf(out)
	if err != nil {
		return Keys{}, fmt.Errorf("acl: decoding keysOf: %w", err)
	}
	if len(k.ReceivingKey) == 0 {
		return Keys{}, fmt.Errorf("%w: %s", ErrNoKeys, account.Hex())
	}
	return Keys{Receiving: k.ReceivingKey, Verifying: k.VerifyingKey}, nil
}

// ---------------------------------------------------------------- datasets

// CreateDataset creates a dataset owned by the client's account under its
// delegating public key and returns the new dataset id.
func (c *Client) CreateDataset(ctx context.Context, delegatingKey []byte) (uint64, *types.Receipt, error) {
	if err := ValidatePublicKey(delegatingKey); err != nil {
		return 0, nil, fmt.Errorf("delegating key: %w", err)
	}
	rc, err := c.transact(ctx, nil, c.reg.PackCreateDataset(delegatingKey))
	if err != nil {
		return 0, rc, err
	}
	for _, l := range rc.Logs {
		if ev, err := c.reg.UnpackDatasetCreatedEvent(l); err == nil && l.Address == c.address {
			return ev.Dataset, rc, nil
		}
	}
	return 0, rc, fmt.Errorf("acl: createDataset mined in %s without a DatasetCreated event", rc.TxHash.Hex())
}

// RotateKey replaces a dataset's delegating public key (checked on the
// curve first). Versions added afterwards are encrypted under the new key;
// rewrap is the CID (binary) of the manifest that opens earlier versions
// with it, nil when the dataset has none.
func (c *Client) RotateKey(ctx context.Context, dataset uint64, delegatingKey, rewrap []byte) (*types.Receipt, error) {
	if err := ValidatePublicKey(delegatingKey); err != nil {
		return nil, fmt.Errorf("delegating key: %w", err)
	}
	if len(rewrap) > MaxCIDSize {
		return nil, fmt.Errorf("%w: rewrap CID of %d bytes, at most %d", ErrInvalidArgument, len(rewrap), MaxCIDSize)
	}
	if rewrap == nil {
		rewrap = []byte{}
	}
	return c.transact(ctx, nil, c.reg.PackRotateKey(dataset, delegatingKey, rewrap))
}

// Dataset describes a dataset.
type Dataset struct {
	ID            uint64
	Owner         common.Address
	Versions      uint32
	Erased        bool
	DelegatingKey []byte
}

// DatasetInfo reads a dataset; an unknown id is ErrUnknownDataset.
func (c *Client) DatasetInfo(ctx context.Context, id uint64) (Dataset, error) {
	out, err := c.call(ctx, c.reg.PackDatasetInfo(id))
	if err != nil {
		return Dataset{}, err
	}
	d, err := c.reg.UnpackDatasetInfo(out)
	if err != nil {
		return Dataset{}, fmt.Errorf("acl: decoding datasetInfo: %w", err)
	}
	return Dataset{ID: id, Owner: d.Owner, Versions: d.Versions, Erased: d.Erased, DelegatingKey: d.DelegatingKey}, nil
}

// Visibility is who can read a dataset's versions.
type Visibility uint8

const (
	// Private: encrypted, readable through grants only (every dataset
	// starts private).
	Private Visibility = 0
	// Public: versions added while public are plaintext readable by anyone
	// (node/service/PUBLIC.md), under the published policy.
	Public Visibility = 1
	// Withdrawn: published once and unpublished since; copies already
	// taken remain, new versions are private again.
	Withdrawn Visibility = 2
)

// String is the word pdx shows for a visibility.
func (v Visibility) String() string {
	switch v {
	case Private:
		return "private"
	case Public:
		return "public"
	case Withdrawn:
		return "withdrawn"
	}
	return fmt.Sprintf("visibility(%d)", uint8(v))
}

// DatasetVisibility is a dataset's visibility and the hash of the policy
// document it was last published under (zero if never published).
type DatasetVisibility struct {
	Visibility Visibility
	PolicyHash [32]byte
}

// VisibilityOf reads a dataset's visibility; an unknown id is
// ErrUnknownDataset.
func (c *Client) VisibilityOf(ctx context.Context, dataset uint64) (DatasetVisibility, error) {
	out, err := c.call(ctx, c.reg.PackVisibilityOf(dataset))
	if err != nil {
		return DatasetVisibility{}, err
	}
	v, err := c.reg.UnpackVisibilityOf(out)
	if err != nil {
		return DatasetVisibility{}, fmt.Errorf("acl: decoding visibilityOf: %w", err)
	}
	return DatasetVisibility{Visibility: Visibility(v.Visibility), PolicyHash: v.PolicyHash}, nil
}

// Publish makes a dataset public under the policy document whose hash is
// policyHash (owner only, not erased); again after a withdrawal, or to
// replace the policy. Versions added from now on are public.
func (c *Client) Publish(ctx context.Context, dataset uint64, policyHash [32]byte) (*types.Receipt, error) {
	if policyHash == ([32]byte{}) {
		return nil, fmt.Errorf("%w: a dataset is published under the hash of its policy document; zero names none", ErrInvalidArgument)
	}
	return c.transact(ctx, nil, c.reg.PackPublish(dataset, policyHash))
}

// Unpublish marks a public dataset withdrawn (owner only). It cannot recall
// copies already taken; versions added afterwards are private again.
func (c *Client) Unpublish(ctx context.Context, dataset uint64) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackUnpublish(dataset))
}

// MaxCIDSize is the longest CID the Registry accepts, in bytes.
const MaxCIDSize = 128

// AddCID registers cid (its binary form) as the next version of a dataset
// with the fingerprint of its content, and returns the version number.
func (c *Client) AddCID(ctx context.Context, dataset uint64, cid []byte, fingerprint [32]byte) (uint32, *types.Receipt, error) {
	if len(cid) == 0 || len(cid) > MaxCIDSize {
		return 0, nil, fmt.Errorf("%w: CID of %d bytes, want 1 to %d", ErrInvalidArgument, len(cid), MaxCIDSize)
	}
	rc, err := c.transact(ctx, nil, c.reg.PackAddCID(dataset, cid, fingerprint))
	if err != nil {
		return 0, rc, err
	}
	for _, l := range rc.Logs {
		if ev, err := c.reg.UnpackCIDAddedEvent(l); err == nil && l.Address == c.address {
			return ev.Version, rc, nil
		}
	}
	return 0, rc, fmt.Errorf("acl: addCID mined in %s without a CIDAdded event", rc.TxHash.Hex())
}

// CIDRecord is what the Registry knows of a CID an owner registered.
type CIDRecord struct {
	Dataset uint64
	Owner   common.Address
	Version uint32
	// Epoch is the dataset's key epoch the version is encrypted under (0
	// until the first rotation); KeyAt gives that epoch's delegating key.
	Epoch uint16
	// FingerprintPrefix is the first 18 bytes of the fingerprint; the whole
	// fingerprint is in the CIDAdded event.
	FingerprintPrefix [18]byte
}

// ErrUnknownCID: the CID is not registered.
var ErrUnknownCID = errors.New("acl: CID not registered")

// CIDHash is the key the Registry files a CID under: keccak256 of its bytes.
func CIDHash(cid []byte) [32]byte { return crypto.Keccak256Hash(cid) }

// DatasetOfCID looks up a CID that owner registered: which of owner's
// datasets it belongs to. CIDs are filed per owner (the envelope's header
// names its owner), so a CID someone else registered first is not found
// here: ErrUnknownCID.
func (c *Client) DatasetOfCID(ctx context.Context, owner common.Address, cid []byte) (CIDRecord, error) {
	out, err := c.call(ctx, c.reg.PackCidInfo(owner, CIDHash(cid)))
	if err != nil {
		return CIDRecord{}, err
	}
	r, err := c.reg.UnpackCidInfo(out)
	if err != nil {
		return CIDRecord{}, fmt.Errorf("acl: decoding cidInfo: %w", err)
	}
	if r.Dataset == 0 {
		return CIDRecord{}, ErrUnknownCID
	}
	return CIDRecord{Dataset: r.Dataset, Owner: owner, Version: r.Version, Epoch: r.Epoch, FingerprintPrefix: r.FingerprintPrefix}, nil
}

// KeyAt reads the delegating key of a dataset at a key epoch, and the
// dataset's current epoch. An epoch past the current one is ErrUnknownEpoch.
func (c *Client) KeyAt(ctx context.Context, dataset uint64, epoch uint16) (key []byte, current uint16, err error) {
	out, err := c.call(ctx, c.reg.PackKeyAt(dataset, epoch))
	if err != nil {
		return nil, 0, err
	}
	r, err := c.reg.UnpackKeyAt(out)
	if err != nil {
		return nil, 0, fmt.Errorf("acl: decoding keyAt: %w", err)
	}
	return r.DelegatingKey, r.Current, nil
}

// Erase marks a dataset erased: every grant stops authorizing, and no CID,
// grant, offer or purchase is accepted for it afterwards. The bought grants
// named in buyers have their unvested payment returned to the buyer in the
// same transaction (any other one when settled).
func (c *Client) Erase(ctx context.Context, dataset uint64, buyers ...common.Address) (*types.Receipt, error) {
	if buyers == nil {
		buyers = []common.Address{}
	}
	return c.transact(ctx, nil, c.reg.PackErase(dataset, buyers))
}

// ---------------------------------------------------------------- grants

// Grant is one access grant.
type Grant struct {
	Dataset   uint64
	Grantee   common.Address
	Expiry    time.Time
	Threshold uint8
	// PurposeHash is the hash of the purpose the access is granted for.
	PurposeHash [32]byte
	// Bundle is the sha2-256 digest of the kfrag bundle, a CIDv1 raw block
	// (see BundleCID).
	Bundle [32]byte
	// Proxies are the proxies the bundle was sealed for: each is told by a
	// GrantedVia event naming it, so a proxy follows only its own grants.
	Proxies []common.Address
}

// GrantTerms packs expiry and threshold into the terms word the contract
// takes (expiry in bits 0-63, threshold in bits 64-71).
func GrantTerms(expiry time.Time, threshold uint8) *big.Int {
	t := new(big.Int).Lsh(big.NewInt(int64(threshold)), 64)
	return t.Or(t, new(big.Int).SetUint64(uint64(expiry.Unix())))
}

// GrantWord is the decoded grant word of the Granted event and grant slot.
type GrantWord struct {
	Expiry    uint64
	Threshold uint8
	Live      bool
	Bought    bool
	Dataset   uint64
}

// DecodeGrantWord splits the grant word: expiry (bits 0-63), threshold
// (64-71), flags (72-79: bit0 live, bit1 bought), dataset (96-159).
func DecodeGrantWord(w *big.Int) GrantWord {
	var b [32]byte
	w.FillBytes(b[:])
	u := func(lo, n int) uint64 { // n bits from bit lo
		var v uint64
		for i := 0; i < n; i++ {
			bit := lo + i
			if b[31-bit/8]>>(bit%8)&1 == 1 {
				v |= 1 << i
			}
		}
		return v
	}
	flags := u(72, 8)
	return GrantWord{Expiry: u(0, 64), Threshold: uint8(u(64, 8)), Live: flags&1 != 0, Bought: flags&2 != 0, Dataset: u(96, 64)}
}

func checkGrantArgs(grantee common.Address, threshold uint8) error {
	if grantee == (common.Address{}) {
		return fmt.Errorf("%w: grantee is the zero address", ErrInvalidArgument)
	}
	if threshold == 0 {
		return fmt.Errorf("%w: threshold 0, want at least 1", ErrInvalidArgument)
	}
	return nil
}

// Grant records a grant. Granting again to the same grantee replaces it.
// The expiry must be after the chain's current time (whole seconds).
func (c *Client) Grant(ctx context.Context, g Grant) (*types.Receipt, error) {
	if err := checkGrantArgs(g.Grantee, g.Threshold); err != nil {
		return nil, err
	}
	if g.Expiry.Unix() <= 0 {
		return nil, fmt.Errorf("%w: expiry %v is not after 1970", ErrInvalidArgument, g.Expiry)
	}
	return c.transact(ctx, nil, c.reg.PackGrant(g.Dataset, g.Grantee, GrantTerms(g.Expiry, g.Threshold), g.PurposeHash, g.Bundle, g.Proxies))
}

// GrantPurchase grants a buyer the access it paid for (expiry: now plus
// the purchased duration) and releases the escrow to the owner's balance.
// proxies are those the bundle was sealed for (see Grant.Proxies).
func (c *Client) GrantPurchase(ctx context.Context, dataset uint64, buyer common.Address, threshold uint8, purposeHash, bundle [32]byte, proxies ...common.Address) (*types.Receipt, error) {
	if err := checkGrantArgs(buyer, threshold); err != nil {
		return nil, err
	}
	return c.transact(ctx, nil, c.reg.PackGrantPurchase(dataset, buyer, threshold, purposeHash, bundle, proxies))
}

// Revoke deletes a grant; from the next block it no longer authorizes.
func (c *Client) Revoke(ctx context.Context, dataset uint64, grantee common.Address) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackRevoke(dataset, grantee))
}

// GrantState is a grant as stored.
type GrantState struct {
	Exists    bool
	Expiry    time.Time
	Threshold uint8
	Bought    bool
}

// GrantOf reads the stored grant of (dataset, grantee).
func (c *Client) GrantOf(ctx context.Context, dataset uint64, grantee common.Address) (GrantState, error) {
	out, err := c.call(ctx, c.reg.PackGrantOf(dataset, grantee))
	if err != nil {
		return GrantState{}, err
	}
	g, err := c.reg.UnpackGrantOf(out)
	if err != nil {
		return GrantState{}, fmt.Errorf("acl: decoding grantOf: %w", err)
	}
	if g.Expiry == 0 {
		return GrantState{}, nil
	}
	return GrantState{Exists: true, Expiry: time.Unix(int64(g.Expiry), 0), Threshold: g.Threshold, Bought: g.Bought}, nil
}

// IsAuthorized reports whether grantee may have dataset re-encrypted now
// (at the latest block): a grant exists, is unexpired, the dataset not erased.
func (c *Client) IsAuthorized(ctx context.Context, dataset uint64, grantee common.Address) (bool, error) {
	return c.IsAuthorizedAt(ctx, dataset, grantee, nil)
}

// IsAuthorizedAt is IsAuthorized on the state after block (nil: latest), for
// a proxy that pins its decision to a block it has seen.
func (c *Client) IsAuthorizedAt(ctx context.Context, dataset uint64, grantee common.Address, block *big.Int) (bool, error) {
	out, err := c.callAt(ctx, c.reg.PackIsAuthorized(dataset, grantee), block)
	if err != nil {
		return false, err
	}
	ok, err := c.reg.UnpackIsAuthorized(out)
	if err != nil {
		return false, fmt.Errorf("acl: decoding isAuthorized: %w", err)
	}
	return ok, nil
}

// BundleCIDPrefix is the CID prefix of kfrag bundles: CIDv1, raw codec,
// sha2-256, 32-byte digest. The Registry stores only the digest.
var BundleCIDPrefix = []byte{0x01, 0x55, 0x12, 0x20}

// ErrBundleCID: a bundle CID is not a CIDv1 raw sha2-256 CID.
var ErrBundleCID = errors.New("acl: kfrag bundle CID must be CIDv1, raw codec, sha2-256 (add the bundle as a single raw block)")

// BundleDigest extracts the digest the Registry records from a bundle's
// binary CID.
func BundleDigest(cid []byte) ([32]byte, error) {
	var d [32]byte
	if len(cid) != len(BundleCIDPrefix)+32 || string(cid[:4]) != string(BundleCIDPrefix) {
		return d, fmt.Errorf("%w: got %d bytes starting %x", ErrBundleCID, len(cid), cid[:min(len(cid), 4)])
	}
	copy(d[:], cid[4:])
	return d, nil
}

// BundleCID rebuilds a bundle's binary CID from the digest in a Granted event.
func BundleCID(digest [32]byte) []byte {
	return append(append([]byte{}, BundleCIDPrefix...), digest[:]...)
}

// ---------------------------------------------------------------- proxies

// MaxEndpointSize bounds a proxy's endpoint; HPKEKeySize is the one HPKE
// key size registerProxy accepts (X25519, the bundle v1 suite).
const (
	MaxEndpointSize = 512
	HPKEKeySize     = 32
)

// RegisterProxy registers (or updates) the client's account as a proxy.
func (c *Client) RegisterProxy(ctx context.Context, endpoint string, hpkeKey []byte) (*types.Receipt, error) {
	if len(endpoint) == 0 || len(endpoint) > MaxEndpointSize {
		return nil, fmt.Errorf("%w: endpoint of %d bytes, want 1 to %d", ErrInvalidArgument, len(endpoint), MaxEndpointSize)
	}
	if !strings.HasPrefix(endpoint, "http://") && !strings.HasPrefix(endpoint, "https://") {
		return nil, fmt.Errorf("%w: endpoint %q is not an http:// or https:// URL", ErrInvalidArgument, endpoint)
	}
	if len(hpkeKey) != HPKEKeySize {
		return nil, fmt.Errorf("%w: HPKE key of %d bytes, want %d (X25519)", ErrInvalidArgument, len(hpkeKey), HPKEKeySize)
	}
	return c.transact(ctx, nil, c.reg.PackRegisterProxy(endpoint, hpkeKey))
}

// ProxyRecord is what the registry holds about a proxy: its account, the
// endpoint it serves re-encryption on, and the HPKE key kfrags are sealed
// to. The proxy server itself is node/proxy's Proxy.
type ProxyRecord struct {
	Address  common.Address
	Endpoint string
	HPKEKey  []byte
}

// ErrUnknownProxy: the address is not a registered proxy.
var ErrUnknownProxy = errors.New("acl: not a registered proxy")

// ProxyOf reads one proxy's record.
func (c *Client) ProxyOf(ctx context.Context, addr common.Address) (ProxyRecord, error) {
	out, err := c.call(ctx, c.reg.PackProxyOf(addr))
	if err != nil {
		return ProxyRecord{}, err
	}
	p, err := c.reg.UnpackProxyOf(out)
	if err != nil {
		return ProxyRecord{}, fmt.Errorf("acl: decoding proxyOf: %w", err)
	}
	if len(p.HpkeKey) == 0 {
		return ProxyRecord{}, fmt.Errorf("%w: %s", ErrUnknownProxy, addr.Hex())
	}
	return ProxyRecord{Address: addr, Endpoint: p.Endpoint, HPKEKey: p.HpkeKey}, nil
}

// Proxies lists the record of every registered proxy, in registration order.
func (c *Client) Proxies(ctx context.Context) ([]ProxyRecord, error) {
	out, err := c.call(ctx, c.reg.PackProxyCount())
	if err != nil {
		return nil, err
	}
	n, err := c.reg.UnpackProxyCount(out)
	if err != nil {
		return nil, fmt.Errorf("acl: decoding proxyCount: %w", err)
	}
	if !n.IsUint64() || n.Uint64() > 1<<20 {
		return nil, fmt.Errorf("acl: implausible proxy count %v", n)
	}
	ps := make([]ProxyRecord, 0, n.Uint64())
	for i := uint64(0); i < n.Uint64(); i++ {
		out, err := c.call(ctx, c.reg.PackProxyAt(new(big.Int).SetUint64(i)))
		if err != nil {
			return nil, err
		}
		addr, err := c.reg.UnpackProxyAt(out)
		if err != nil {
			return nil, fmt.Errorf("acl: decoding proxyAt: %w", err)
		}
		p, err := c.ProxyOf(ctx, addr)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// ---------------------------------------------------------------- market

// Offer is an open offer.
type Offer struct {
	Price     *big.Int
	Duration  time.Duration
	TermsHash [32]byte
	// Buyer is the only account a private offer is made to; zero for a
	// public offer (anyone may buy).
	Buyer common.Address
}

// Private reports whether the offer is made to one account only.
func (o Offer) Private() bool { return o.Buyer != (common.Address{}) }

// Offer opens (or replaces) the public offer of a dataset: access for
// duration (whole seconds) at price wei, under the terms whose hash is
// termsHash, to anyone.
func (c *Client) Offer(ctx context.Context, dataset uint64, price *big.Int, duration time.Duration, termsHash [32]byte) (*types.Receipt, error) {
	return c.OfferTo(ctx, dataset, price, duration, termsHash, common.Address{})
}

// OfferTo is Offer made to buyer only (a private offer): the contract
// refuses a buy by any other account (ErrOfferIsPrivate). The zero address
// makes it public.
func (c *Client) OfferTo(ctx context.Context, dataset uint64, price *big.Int, duration time.Duration, termsHash [32]byte, buyer common.Address) (*types.Receipt, error) {
	if price == nil || price.Sign() < 0 || price.BitLen() > 128 {
		return nil, fmt.Errorf("%w: price must be 0 to 2^128-1 wei", ErrInvalidArgument)
	}
	if duration < time.Second {
		return nil, fmt.Errorf("%w: duration %v, want at least one second", ErrInvalidArgument, duration)
	}
	return c.transact(ctx, nil, c.reg.PackOffer(dataset, price, uint64(duration/time.Second), termsHash, buyer))
}

// WithdrawOffer closes the offer of a dataset under termsHash; the
// dataset's other offers stay open.
func (c *Client) WithdrawOffer(ctx context.Context, dataset uint64, termsHash [32]byte) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackWithdrawOffer(dataset, termsHash))
}

// ErrNoOpenOffer: the dataset has no open offer (under the terms named).
var ErrNoOpenOffer = errors.New("acl: dataset has no open offer")

// OfferOf reads the open offer of a dataset under termsHash, or
// ErrNoOpenOffer (also once the dataset is erased: erasing closes every
// offer of it).
func (c *Client) OfferOf(ctx context.Context, dataset uint64, termsHash [32]byte) (Offer, error) {
	out, err := c.call(ctx, c.reg.PackOfferOf(dataset, termsHash))
	if err != nil {
		return Offer{}, err
	}
	o, err := c.reg.UnpackOfferOf(out)
	if err != nil {
		return Offer{}, fmt.Errorf("acl: decoding offerOf: %w", err)
	}
	if o.Duration == 0 {
		return Offer{}, ErrNoOpenOffer
	}
	return Offer{Price: o.Price, Duration: time.Duration(o.Duration) * time.Second, TermsHash: termsHash, Buyer: o.Buyer}, nil
}

// Buy pays price into escrow for the offer of a dataset under termsHash
// (which of the dataset's offers); price and duration must be that offer's
// (so a changed offer is not bought by surprise: the contract refuses the
// payment otherwise).
func (c *Client) Buy(ctx context.Context, dataset uint64, price *big.Int, termsHash [32]byte, duration time.Duration) (*types.Receipt, error) {
	if price == nil || price.Sign() < 0 {
		return nil, fmt.Errorf("%w: price must be a non-negative amount of wei", ErrInvalidArgument)
	}
	if duration < time.Second {
		return nil, fmt.Errorf("%w: duration %v, want at least one second", ErrInvalidArgument, duration)
	}
	return c.transact(ctx, price, c.reg.PackBuy(dataset, termsHash, uint64(duration/time.Second)))
}

// Decline returns a purchase in escrow to its buyer at once (owner only).
func (c *Client) Decline(ctx context.Context, dataset uint64, buyer common.Address) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackDecline(dataset, buyer))
}

// Rebundle records a new kfrag bundle for a live grant, keeping its terms;
// proxies are those the bundle was sealed for (see Grant.Proxies).
func (c *Client) Rebundle(ctx context.Context, dataset uint64, grantee common.Address, purposeHash, bundle [32]byte, proxies ...common.Address) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackRebundle(dataset, grantee, purposeHash, bundle, proxies))
}

// Settle moves what a bought grant has vested to its owner's balance (and,
// once the grant ended, the rest to the buyer's).
func (c *Client) Settle(ctx context.Context, dataset uint64, buyer common.Address) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackSettle(dataset, buyer))
}

// Sale names a bought grant: (dataset, buyer).
type Sale struct {
	Dataset uint64
	Buyer   common.Address
}

// WithdrawVested settles the named bought grants and pays the client's whole
// balance out, in one transaction.
func (c *Client) WithdrawVested(ctx context.Context, sales []Sale) (*types.Receipt, error) {
	ds, bs := make([]uint64, len(sales)), make([]common.Address, len(sales))
	for i, s := range sales {
		ds[i], bs[i] = s.Dataset, s.Buyer
	}
	return c.transact(ctx, nil, c.reg.PackWithdrawVested(ds, bs))
}

// Vesting is what a bought grant's payment still holds.
type Vesting struct {
	// Amount is the wei not yet moved to the owner's or the buyer's balance.
	Amount *big.Int
	// SettledUntil is the time up to which it was settled; End is when it
	// is fully vested (the grant's expiry).
	SettledUntil, End time.Time
}

// VestingOf reads the vesting record of a bought grant (a zero Amount when
// nothing is held).
func (c *Client) VestingOf(ctx context.Context, dataset uint64, buyer common.Address) (Vesting, error) {
	out, err := c.call(ctx, c.reg.PackVestingOf(dataset, buyer))
	if err != nil {
		return Vesting{}, err
	}
	v, err := c.reg.UnpackVestingOf(out)
	if err != nil {
		return Vesting{}, fmt.Errorf("acl: decoding vestingOf: %w", err)
	}
	return Vesting{Amount: v.Amount, SettledUntil: time.Unix(int64(v.SettledUntil), 0), End: time.Unix(int64(v.End), 0)}, nil
}

// Purchase is a purchase in escrow.
type Purchase struct {
	Amount   *big.Int
	Deadline time.Time
	Duration time.Duration
}

// ErrNoEscrow: no purchase of (dataset, buyer) is in escrow.
var ErrNoEscrow = errors.New("acl: no purchase in escrow")

// PurchaseOf reads the purchase of (dataset, buyer) in escrow, or ErrNoEscrow.
func (c *Client) PurchaseOf(ctx context.Context, dataset uint64, buyer common.Address) (Purchase, error) {
	out, err := c.call(ctx, c.reg.PackPurchaseOf(dataset, buyer))
	if err != nil {
		return Purchase{}, err
	}
	p, err := c.reg.UnpackPurchaseOf(out)
	if err != nil {
		return Purchase{}, fmt.Errorf("acl: decoding purchaseOf: %w", err)
	}
	if p.Deadline == 0 {
		return Purchase{}, ErrNoEscrow
	}
	return Purchase{Amount: p.Amount, Deadline: time.Unix(int64(p.Deadline), 0), Duration: time.Duration(p.Duration) * time.Second}, nil
}

// Refund returns the client's escrowed payment for a dataset to its balance
// once the grant window passed without a grant.
func (c *Client) Refund(ctx context.Context, dataset uint64) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackRefund(dataset))
}

// Withdraw pays the client's whole balance out to its account.
func (c *Client) Withdraw(ctx context.Context) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackWithdraw())
}

// BalanceOf is the wei an account can withdraw.
func (c *Client) BalanceOf(ctx context.Context, account common.Address) (*big.Int, error) {
	out, err := c.call(ctx, c.reg.PackBalanceOf(account))
	if err != nil {
		return nil, err
	}
	b, err := c.reg.UnpackBalanceOf(out)
	if err != nil {
		return nil, fmt.Errorf("acl: decoding balanceOf: %w", err)
	}
	return b, nil
}

// GrantWindow is the contract's grant window.
func (c *Client) GrantWindow(ctx context.Context) (time.Duration, error) {
	out, err := c.call(ctx, c.reg.PackGrantWindow())
	if err != nil {
		return 0, err
	}
	w, err := c.reg.UnpackGrantWindow(out)
	if err != nil {
		return 0, fmt.Errorf("acl: decoding grantWindow: %w", err)
	}
	return time.Duration(w) * time.Second, nil
}
