// Package service carries out pdx's owner and brand operations — put, grant,
// revoke, get, erase — over a Registry client, an IPFS store and the
// proxies. The daemon's HTTP API, the CLI and the demo all go through it.
package service

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/market"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// Config wires a Service.
type Config struct {
	// Chain is a Registry client of Account.
	Chain   *acl.Client
	Account *ecdsa.PrivateKey
	Store   storage.Store
	// Signer signs kfrags (the owner's Umbral signing key); Receiving is the
	// key cfrags are re-encrypted to (the brand's). Both are registered on
	// chain once per account by EnsureKeys.
	Signer    *reencrypt.Signer
	Receiving *reencrypt.SecretKey
	// Proxies is the owner's choice of proxies for its grants (see
	// ProxySet): without it, only grants that name their proxies can be
	// made.
	Proxies ProxySet
	// DeployBlock is where log queries start (the Registry's deploy block).
	DeployBlock uint64
	// History answers the event queries of the listings; nil reads them
	// from the chain (from DeployBlock). The daemon passes its home's
	// chain-event index (node/chainindex).
	History History
	// HTTP reaches the proxies; nil makes one that dials through
	// acl.SafeDialer. One given here is used as it is: endpoints are still
	// checked before a request (acl.CheckEndpoint), but only its own
	// dialer can check the address a name resolves to.
	HTTP   *http.Client
	Logger *slog.Logger
	// ChainTimeout bounds each wait on the chain in a get (default 20s),
	// and FetchTimeout each wait on IPFS before the stream starts — the
	// bundle and the envelope's header (default 30s): an unreachable host
	// then ends a get with an error that names it instead of hanging.
	ChainTimeout, FetchTimeout time.Duration
	// AllowPrivateEndpoints lets proxy endpoints read from the chain be on
	// loopback or private networks (acl.CheckEndpoint). Only a home on a dev
	// network sets it: the embedded chain, or proxies.allow_private for an
	// rpc chain whose proxies live on a private network. Elsewhere such an
	// endpoint is a stranger aiming this node at its own services.
	AllowPrivateEndpoints bool
	// Attest, when set, turns on source attestations (EAS on this chain).
	Attest *Attestations
	// Market is the index of the network's open offers that Market
	// pages through (node/market); the caller opens, syncs in the
	// background and closes it. Without it Market fails.
	Market *market.Index
	// Crash, when set, is called at each point where an operation has
	// finished one durable step and not yet begun the next ("put:stored",
	// "grant:bundle", "grant:mined", "erase:mined"). Crash tests kill the
	// process there; nothing else should set it.
	Crash func(point string)
}

// Service is one account's view of pdx.
type Service struct {
	cfg    Config
	addr   common.Address
	domain proxy.Domain
	log    *slog.Logger
	// policies caches the usage policies of grants read through, by
	// hash; nil for a hash with no policy on IPFS (purpose.go).
	policies *policyCache
	// fieldKeys derives field keys when a field grant is re-made
	// (UseFieldKeys); nil: such a re-grant is refused.
	fieldKeys FieldKeyring
	// texts reads the market's terms texts (market_index.go).
	texts textsResolver
}

// Errors callers branch on.
var (
	// ErrKeysMismatch: the account registered other Umbral keys than this
	// home holds (another home uses the same account).
	ErrKeysMismatch = errors.New("service: the account's keys on chain are not this home's")
	// ErrNoGrant: the brand has no grant for the CID's dataset.
	ErrNoGrant = errors.New("service: no grant for this dataset")
	// ErrNotEnoughProxies: fewer usable proxies than the grant needs.
	ErrNotEnoughProxies = errors.New("service: not enough proxies")
	// ErrFingerprint: the envelope's commitment is not the one on chain.
	ErrFingerprint = errors.New("service: content does not match the fingerprint on chain")
)

// New makes a service; it reads the chain id once.
func New(ctx context.Context, cfg Config) (*Service, error) {
	if cfg.Chain == nil || cfg.Account == nil || cfg.Store == nil || cfg.Signer == nil || cfg.Receiving == nil {
		return nil, fmt.Errorf("service: Chain, Account, Store, Signer and Receiving are required")
	}
	id, err := cfg.Chain.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("service: reading the chain id: %w", err)
	}
	if cfg.HTTP == nil {
		// A proxy that cannot be reached at all (its host cut off) is
		// known after the dial timeout. One that took the request has 15 s:
		// an answer takes milliseconds, or up to the proxy's own 10 s bound
		// on fetching a bundle it has not seen, after which it answers
		// "unavailable" itself; a silent connection (a host cut off behind a
		// kept-alive socket) is given up then.
		//
		// Proxy endpoints come from the chain, so every connection is
		// checked where it is made (acl.SafeDialer), no environment HTTP
		// proxy stands between (it would make the connection the dialer
		// cannot see), and no redirect is followed (a proxy never answers
		// one; following it would leave the checked endpoint).
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.Proxy = nil
		tr.DialContext = acl.SafeDialer(cfg.AllowPrivateEndpoints).DialContext
		cfg.HTTP = &http.Client{Timeout: 15 * time.Second, Transport: tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.ChainTimeout <= 0 {
		cfg.ChainTimeout = 20 * time.Second
	}
	if cfg.FetchTimeout <= 0 {
		cfg.FetchTimeout = 30 * time.Second
	}
	s := &Service{cfg: cfg, addr: crypto.PubkeyToAddress(cfg.Account.PublicKey), log: cfg.Logger,
		policies: &policyCache{byBundle: map[[32]byte]*policy.Policy{}}, texts: textsResolver{slot: make(chan struct{}, 1)}}
	s.domain = proxy.Domain{ChainID: id, Registry: cfg.Chain.Address()}
	return s, nil
}

func (s *Service) crash(point string) {
	if s.cfg.Crash != nil {
		s.cfg.Crash(point)
	}
}

// Address is the service's account.
func (s *Service) Address() common.Address { return s.addr }

// Domain is the EIP-712 domain of proxy requests on this chain.
func (s *Service) Domain() proxy.Domain { return s.domain }

// EnsureKeys registers the account's receiving and verifying keys unless
// they are registered already.
func (s *Service) EnsureKeys(ctx context.Context) error {
	rk, vk := s.cfg.Receiving.PublicKey().Bytes(), s.cfg.Signer.VerifyingKey().Bytes()
	k, err := s.cfg.Chain.KeysOf(ctx, s.addr)
	if err == nil {
		if !bytes.Equal(k.Receiving, rk) || !bytes.Equal(k.Verifying, vk) {
			return fmt.Errorf("%w: %s", ErrKeysMismatch, s.addr.Hex())
		}
		return nil
	}
	if !errors.Is(err, acl.ErrNoKeys) {
		return err
	}
	_, err = s.cfg.Chain.RegisterKeys(ctx, rk, vk)
	return err
}

// CreateDataset creates a dataset on chain under key's public key.
func (s *Service) CreateDataset(ctx context.Context, key *reencrypt.SecretKey) (uint64, error) {
	id, _, err := s.cfg.Chain.CreateDataset(ctx, key.PublicKey().Bytes())
	return id, err
}

// PutResult is one stored version.
type PutResult struct {
	Dataset     uint64              `json:"dataset"`
	CID         string              `json:"cid"`
	Version     uint32              `json:"version"`
	Fingerprint envelope.Commitment `json:"fingerprint"`
	Size        int64               `json:"size"`
	// Public: a public version, the plaintext as it is (PUBLIC.md); its
	// fingerprint is the SHA-256 of the bytes.
	Public bool `json:"public,omitempty"`
}

// Put encrypts r under the dataset key (streaming), adds and pins it, and
// registers the CID and its fingerprint as the dataset's next version.
//
// A dataset the chain holds public gets a public version instead (PutPublic):
// the plaintext, readable by anyone.
func (s *Service) Put(ctx context.Context, dataset uint64, key *reencrypt.SecretKey, r io.Reader, pinName string) (*PutResult, error) {
	vis, err := s.cfg.Chain.VisibilityOf(ctx, dataset)
	if err != nil {
		return nil, err
	}
	if vis.Visibility == acl.Public {
		return s.PutPublic(ctx, dataset, r, pinName)
	}
	res, err := envstore.Put(ctx, s.cfg.Store, r, envelope.WriterConfig{
		DatasetID: acl.DatasetID32(dataset), Owner: s.addr, DatasetKey: key.PublicKey(),
	}, pinName)
	if err != nil {
		return nil, err
	}
	s.crash("put:stored")
	version, _, err := s.cfg.Chain.AddCID(ctx, dataset, res.CID.Bytes(), res.Commitment)
	if err != nil {
		return nil, fmt.Errorf("service: %s is stored and pinned but not registered: %w", res.CID, err)
	}
	return &PutResult{Dataset: dataset, CID: res.CID.String(), Version: version, Fingerprint: res.Commitment, Size: res.Size}, nil
}

// GrantRequest is what an owner decides when granting.
type GrantRequest struct {
	Dataset    uint64
	DatasetKey *reencrypt.SecretKey
	Grantee    common.Address
	Expiry     time.Time // ignored for a purchase (the chain sets it)
	Purpose    string
	// PurposeHash, when set, is used instead of hashing Purpose (a re-grant
	// knows only the hash the chain recorded).
	PurposeHash *[32]byte
	// Policy, when set, is the grant's usage policy: it is published on
	// IPFS and its hash recorded as the purpose hash (Purpose is then
	// ignored).
	Policy *policy.Policy
	// Threshold is t; 0 means the ProxySet's.
	Threshold int
	// Proxies are the n proxies to share the key among, exactly; empty
	// means the owner's configured ProxySet (never the chain's open list).
	Proxies []common.Address
	// Purchase grants a buyer's escrowed purchase (its payment then vests
	// to the owner over the grant's life).
	Purchase bool
	// Rebundle replaces the kfrag bundle of a live grant and keeps its
	// terms on chain (a bought grant cannot be granted again before it
	// expires; after a rotation its kfrags must change all the same).
	Rebundle bool
	// FromBundle is the digest of the bundle a re-bundling or re-grant
	// replaces: the policy it carries goes into the new bundle when this
	// node holds no pinned copy of the policy (grantTerms).
	FromBundle [32]byte
	// Fields, when set, makes a field grant (fieldgrant.go): kfrags of
	// these field groups' keys only, none of DatasetKey.
	Fields []FieldGrant
}

// GrantResult is what one grant call recorded (Grant, a rotation's
// re-bundling, reconcile's re-grant): the bundle it made and the proxies it
// sealed to, as the API returns them. The grants the chain holds are read
// back as CurrentGrant (the newest per grantee) or GrantRecord (the whole
// history), both built on acl.Granted.
type GrantResult struct {
	Dataset   uint64           `json:"dataset"`
	Grantee   common.Address   `json:"grantee"`
	Bundle    string           `json:"bundle"` // the kfrag bundle's CID
	Proxies   []common.Address `json:"proxies"`
	Threshold int              `json:"threshold"`
	Block     uint64           `json:"block"`
	// Fields are the field groups a field grant covers; empty for a grant
	// of the whole dataset.
	Fields []string `json:"fields,omitempty"`
}

// Grant makes kfrags from the dataset key to the grantee's registered
// receiving key, seals one to each proxy, puts the bundle on IPFS and
// records the grant in one transaction.
func (s *Service) Grant(ctx context.Context, req GrantRequest) (*GrantResult, error) {
	if err := s.keepFields(ctx, &req); err != nil {
		return nil, err
	}
	receiving, err := s.granteeKey(ctx, req.Grantee)
	if err != nil {
		return nil, err
	}
	proxies, err := s.grantProxies(ctx, req.Proxies)
	if err != nil {
		return nil, err
	}
	if req.Threshold == 0 {
		req.Threshold = s.cfg.Proxies.Threshold
	}
	if req.Threshold < 1 || req.Threshold > len(proxies) || req.Threshold > 255 {
		return nil, fmt.Errorf("%w: threshold %d with %d proxies", ErrNotEnoughProxies, req.Threshold, len(proxies))
	}
	var kfrags []*reencrypt.VerifiedKeyFrag
	if len(req.Fields) == 0 {
		kfrags, err = reencrypt.GenerateKFrags(req.DatasetKey, receiving, s.cfg.Signer, req.Threshold, len(proxies), true, true)
		if err != nil {
			return nil, err
		}
	}
	purpose := acl.PurposeHash(req.Purpose)
	if req.Policy != nil {
		if _, err := s.PublishPolicy(ctx, req.Policy); err != nil {
			return nil, err
		}
		purpose = req.Policy.Hash()
	}
	if req.PurposeHash != nil {
		purpose = *req.PurposeHash
	}
	// The grant's policy rides in its bundle, so the proxies and the
	// grantee learn it with the kfrags (BUNDLE.md 1.1).
	terms, err := s.grantTerms(ctx, req, purpose)
	if err != nil {
		return nil, err
	}
	g := bundle.Grant{
		ID:        acl.GrantID(s.domain.ChainID, s.domain.Registry, req.Dataset, req.Grantee, purpose),
		Dataset:   acl.DatasetID32(req.Dataset),
		Grantee:   bundle.Address(req.Grantee),
		Threshold: req.Threshold,
	}
	rcpts := make([]bundle.Recipient, len(proxies))
	for i, p := range proxies {
		rcpts[i] = bundle.Recipient{Proxy: bundle.Address(p.Address), PublicKey: p.HPKEKey}
	}
	var sealed []byte
	if len(req.Fields) > 0 {
		sealed, err = s.sealFields(g, req.Fields, receiving, rcpts, terms)
	} else {
		sealed, err = bundle.SealTerms(g, kfrags, rcpts, terms)
	}
	if err != nil {
		return nil, err
	}
	c, err := s.cfg.Store.Add(ctx, bytes.NewReader(sealed), storage.AddOptions{Name: bundlePinName(req.Dataset, req.Grantee)})
	if err != nil {
		return nil, fmt.Errorf("service: storing the kfrag bundle: %w", err)
	}
	digest, err := acl.BundleDigest(c.Bytes())
	if err != nil || digest != sha256.Sum256(sealed) {
		return nil, fmt.Errorf("service: the kfrag bundle was not stored as one raw block (CID %s)", c)
	}
	s.crash("grant:bundle")
	// The proxies sealed for are named on chain (GrantedVia), so each
	// follows only its own grants.
	named := make([]common.Address, len(proxies))
	for i, p := range proxies {
		named[i] = p.Address
	}
	var block uint64
	if req.Rebundle {
		rc, err := s.cfg.Chain.Rebundle(ctx, req.Dataset, req.Grantee, purpose, digest, named...)
		if err != nil {
			return nil, err
		}
		block = rc.BlockNumber.Uint64()
	} else if req.Purchase {
		rc, err := s.cfg.Chain.GrantPurchase(ctx, req.Dataset, req.Grantee, uint8(req.Threshold), purpose, digest, named...)
		if err != nil {
			return nil, err
		}
		block = rc.BlockNumber.Uint64()
	} else {
		rc, err := s.cfg.Chain.Grant(ctx, acl.Grant{
			Dataset: req.Dataset, Grantee: req.Grantee, Expiry: req.Expiry,
			Threshold: uint8(req.Threshold), PurposeHash: purpose, Bundle: digest, Proxies: named,
		})
		if err != nil {
			return nil, err
		}
		block = rc.BlockNumber.Uint64()
	}
	s.crash("grant:mined")
	var fields []string
	for _, f := range req.Fields {
		fields = append(fields, f.Name)
	}
	return &GrantResult{Dataset: req.Dataset, Grantee: req.Grantee, Bundle: c.String(), Threshold: req.Threshold, Block: block, Proxies: named, Fields: fields}, nil
}

// granteeKey reads the grantee's receiving key and checks it is a curve
// point before any grant work: the contract checks only the prefix, so a
// key that opens nothing can be on chain.
func (s *Service) granteeKey(ctx context.Context, grantee common.Address) (*reencrypt.PublicKey, error) {
	keys, err := s.cfg.Chain.KeysOf(ctx, grantee)
	if errors.Is(err, acl.ErrNoKeys) {
		return nil, fmt.Errorf("%w: %s must register its keys first (it has run no pdx node): %w", ErrGranteeKeys, grantee.Hex(), err)
	}
	if err != nil {
		return nil, fmt.Errorf("service: reading the keys of the grantee %s: %w", grantee.Hex(), err)
	}
	receiving, err := reencrypt.PublicKeyFromBytes(keys.Receiving)
	if err != nil {
		return nil, fmt.Errorf("%w: %s registered a receiving key that is not a secp256k1 point, so nothing can be re-encrypted to it: %v", ErrGranteeKeys, grantee.Hex(), err)
	}
	return receiving, nil
}

// Revoke revokes a grant; proxies refuse from the next block. Once the
// revocation is mined the grant's kfrag bundles are unpinned here: with t
// proxies' HPKE keys (long-lived) and the grantee's key they would open
// again. An unpin that fails is logged, not returned, since the revocation
// itself holds; the daemon's reconcile unpins what a revoked grant left.
func (s *Service) Revoke(ctx context.Context, dataset uint64, grantee common.Address) (uint64, error) {
	rc, err := s.cfg.Chain.Revoke(ctx, dataset, grantee)
	if err != nil {
		return 0, err
	}
	if _, err := s.UnpinBundles(ctx, dataset, &grantee); err != nil {
		s.log.Error("revoke: the grant is revoked but its kfrag bundle is still pinned here", "dataset", dataset, "grantee", grantee.Hex(), "err", err)
	}
	return rc.BlockNumber.Uint64(), nil
}

// bundlePinName names the pin of a grant's kfrag bundle; every grant to
// the same grantee on a dataset shares it.
func bundlePinName(dataset uint64, grantee common.Address) string {
	return fmt.Sprintf("%s%s", bundlePinPrefix(dataset), grantee.Hex())
}

func bundlePinPrefix(dataset uint64) string { return fmt.Sprintf("pdx/bundle/%d/", dataset) }

// UnpinBundles drops this node's pins of a dataset's kfrag bundles: those
// of grantee's grants, or of every grant when grantee is nil. It returns
// how many it dropped; the blocks go at the next GC.
func (s *Service) UnpinBundles(ctx context.Context, dataset uint64, grantee *common.Address) (int, error) {
	all, err := s.cfg.Store.Pins(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range all {
		match := strings.HasPrefix(p.Name, bundlePinPrefix(dataset))
		if grantee != nil {
			match = p.Name == bundlePinName(dataset, *grantee)
		}
		if !match {
			continue
		}
		if err := s.cfg.Store.Unpin(ctx, p.CID); err != nil && !errors.Is(err, storage.ErrNotPinned) {
			return n, err
		}
		n++
	}
	return n, nil
}

// GetResult describes what a brand fetched.
type GetResult struct {
	CID     string         `json:"cid"`
	Dataset uint64         `json:"dataset"`
	Owner   common.Address `json:"owner"`
	Version uint32         `json:"version"`
	Bytes   int64          `json:"bytes"`
	// Purpose is what the read was made for, as the proxies were told
	// (empty for an owner's read of its own data, which asks no proxy).
	Purpose string `json:"purpose,omitempty"`
	// Failures names the proxies that refused, could not be reached or
	// sent a cfrag that does not verify before enough others answered.
	Failures []string `json:"failures,omitempty"`
	// Verified: the plaintext was hashed and its fingerprint is the one
	// on chain (ReadOptions.Verify); otherwise only the fingerprint the
	// envelope carries was compared with the chain's.
	Verified bool `json:"verified,omitempty"`
	// Fields names the field groups read of a split version (all of them
	// for the owner, the granted ones for a grantee); empty for a version
	// that is not split.
	Fields []string `json:"fields,omitempty"`
}

// since is the block range of every history query: from the Registry's
// deploy block to the head.
func (s *Service) since() acl.Range { return acl.Range{From: s.cfg.DeployBlock} }

// fingerprint reads a CID's full fingerprint from its CIDAdded event.
func (s *Service) fingerprint(ctx context.Context, dataset uint64, c cid.Cid) ([32]byte, error) {
	h := acl.CIDHash(c.Bytes())
	evs, err := s.versionsOf(ctx, dataset, &h)
	if err != nil {
		return [32]byte{}, err
	}
	for _, ev := range evs {
		return ev.Fingerprint, nil
	}
	return [32]byte{}, fmt.Errorf("service: no CIDAdded event for %s", c)
}

// latestGrantTo is the newest Granted event of grantee on dataset, nil when
// there is none.
func (s *Service) latestGrantTo(ctx context.Context, dataset uint64, grantee common.Address) (*acl.Granted, error) {
	evs, err := s.events().Granted(ctx, acl.GrantedFilter{Grantee: &grantee, Dataset: &dataset})
	if err != nil || len(evs) == 0 {
		return nil, err
	}
	return &evs[len(evs)-1], nil
}

// Erase erases a dataset: on chain (every grant stops authorizing, proxies
// delete their kfrags), then unpins its CIDs and every grant's kfrag bundle
// here and collects garbage, so no bundle that t proxy keys could reopen
// stays behind. The caller destroys the dataset's salt (crypto-shredding).
func (s *Service) Erase(ctx context.Context, dataset uint64, cids []cid.Cid) error {
	// Every bought grant still holding payment is settled in the erase's
	// own transaction: its buyer gets the unvested part back at once.
	buyers, err := s.vestingBuyers(ctx, dataset)
	if err != nil {
		return err
	}
	if _, err := s.cfg.Chain.Erase(ctx, dataset, buyers...); err != nil {
		return err
	}
	s.crash("erase:mined")
	return s.unpinErased(ctx, dataset, cids)
}

// unpinErased is the local half of an erase: the versions, the bundles,
// then GC.
func (s *Service) unpinErased(ctx context.Context, dataset uint64, cids []cid.Cid) error {
	for _, c := range cids {
		if err := s.cfg.Store.Unpin(ctx, c); err != nil && !errors.Is(err, storage.ErrNotPinned) {
			return err
		}
	}
	if _, err := s.UnpinBundles(ctx, dataset, nil); err != nil {
		return err
	}
	// Published terms stay pinned: they are public, small, and the same
	// text may be another dataset's offer (one block, one pin).
	_, err := s.cfg.Store.GC(ctx)
	return err
}

// RotateResult says what a rotation did.
type RotateResult struct {
	Dataset uint64 `json:"dataset"`
	Block   uint64 `json:"block"`
	// Epoch counts the dataset's rotations (the KeyRotated event's).
	Epoch    uint16         `json:"epoch"`
	Regrants []*GrantResult `json:"regrants"`
}

// Rotate moves a dataset to a new delegating key, so versions put afterwards
// are under a key no earlier kfrag reaches, and re-bundles every grant that
// is still live with kfrags for the new key (same grantee, purpose, expiry,
// threshold and proxies: the chain keeps the grant's terms, and a grant's
// proxy set is fixed when it is made). Versions put before the
// rotation stay as they are; their file keys are wrapped again under the new
// key in a rewrap manifest (REWRAP.md) named by the rotation on chain, so a
// live grantee keeps reading them through the same proxies, while a grant
// revoked before the rotation reaches none of what is put after it. keys are
// the keys the dataset's versions are under (any order; newKey may be among
// them).
func (s *Service) Rotate(ctx context.Context, dataset uint64, newKey *reencrypt.SecretKey, keys []*reencrypt.SecretKey) (*RotateResult, error) {
	live, err := s.liveGrants(ctx, dataset)
	if err != nil {
		return nil, err
	}
	_, current, err := s.cfg.Chain.KeyAt(ctx, dataset, 0)
	if err != nil {
		return nil, err
	}
	manifest, err := s.rewrapVersions(ctx, dataset, current+1, keys, newKey.PublicKey())
	if err != nil {
		return nil, err
	}
	var rewrapCID []byte
	if manifest.Defined() {
		rewrapCID = manifest.Bytes()
	}
	rc, err := s.cfg.Chain.RotateKey(ctx, dataset, newKey.PublicKey().Bytes(), rewrapCID)
	if err != nil {
		return nil, err
	}
	rotated, _ := s.cfg.Chain.KeyRotatedIn(rc.Logs)
	res := &RotateResult{Dataset: dataset, Block: rc.BlockNumber.Uint64(), Epoch: rotated.Epoch}
	// Every live grant is re-bundled even when one fails: a grant left
	// with kfrags of the old key reads nothing, so one failure must not
	// cut off the grants behind it. A grant that ended meanwhile (revoked,
	// expired) needs nothing.
	var errs []error
	for _, g := range live {
		purpose := g.PurposeHash
		req := GrantRequest{
			Dataset: dataset, DatasetKey: newKey, Grantee: g.Grantee, Expiry: g.Expiry,
			PurposeHash: &purpose, Threshold: int(g.Threshold), Rebundle: true, FromBundle: g.Bundle,
			Proxies: s.keptProxies(ctx, dataset, g.Grantee, g.Bundle),
		}
		r, err := s.Grant(ctx, req)
		if errors.Is(err, ErrUnusableProxy) && req.Proxies != nil {
			// A proxy of the grant's set became unusable (re-registered
			// with an endpoint or key pdx refuses): the grant goes to the
			// owner's configured set rather than stay unreadable.
			s.log.Warn("a proxy of the grant's set is unusable now; re-bundling to the configured proxies", "dataset", dataset, "grantee", g.Grantee.Hex(), "err", err)
			req.Proxies = nil
			r, err = s.Grant(ctx, req)
		}
		switch {
		case errors.Is(err, acl.ErrNoGrant):
			continue
		case err != nil:
			errs = append(errs, fmt.Errorf("re-bundling %s's grant: %w", g.Grantee.Hex(), err))
			continue
		}
		res.Regrants = append(res.Regrants, r)
	}
	if len(errs) > 0 {
		return res, fmt.Errorf("service: after the rotation: %w", errors.Join(errs...))
	}
	return res, nil
}

// liveGrants lists a dataset's grants that authorize now: the newest grant
// of each grantee, with the expiry and threshold its grant slot holds now
// (a purchase that extended a grant moved its expiry past the event's).
func (s *Service) liveGrants(ctx context.Context, dataset uint64) ([]CurrentGrant, error) {
	all, err := s.Grants(ctx, dataset)
	if err != nil {
		return nil, err
	}
	var out []CurrentGrant
	for _, g := range all {
		if !g.Live {
			continue
		}
		st, err := s.cfg.Chain.GrantOf(ctx, dataset, g.Grantee)
		if err != nil {
			return nil, err
		}
		g.Expiry, g.Threshold = st.Expiry, st.Threshold
		out = append(out, g)
	}
	return out, nil
}
