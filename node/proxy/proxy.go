package proxy

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/sync/singleflight"

	"github.com/pdx-network/pdx/acl"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// Config configures a proxy.
type Config struct {
	// Dir holds the proxy's durable state (kfrags, receipts).
	Dir string
	// Account is the proxy's Ethereum key: its address names it on chain
	// and in requests.
	Account *ecdsa.PrivateKey
	// HPKE is the key kfrags are sealed to (registered on chain) for a
	// proxy whose Dir holds no HPKE key yet: it becomes epoch 0. Nil: a
	// legacy <Dir>/hpke.key is adopted, or a new key made. Once Dir holds
	// key epochs (Dir/hpke/) they are the proxy's keys and HPKE is not used.
	HPKE *bundle.PrivateKey
	// HPKERotate is how often the proxy moves to a new HPKE key when
	// RunKeyRotation runs: a stolen key opens only the bundles sealed to it
	// before it was retired. Default DefaultHPKERotate (7 days); negative:
	// never on a schedule (RotateHPKEKey still works).
	HPKERotate time.Duration
	// HPKEGrace is how long the previous key is kept after its successor
	// was registered on chain, so bundles sealed to it just before the
	// rotation still open. Default: HPKERotate (7 days when rotation is
	// off). A rotation always destroys keys older than the previous one,
	// so a grace longer than HPKERotate is cut short by the next rotation.
	HPKEGrace time.Duration
	// PublishKey registers a new HPKE public key on chain after a
	// rotation. Nil: the client and endpoint last given to Register.
	PublishKey KeyPublisher
	// Domain is the chain and Registry the proxy serves.
	Domain proxyapi.Domain
	Chain  Chain
	// Bundles fetches kfrag bundles from IPFS.
	Bundles BundleSource
	// MaxDeadline bounds how far ahead a request's deadline may be, which
	// bounds how long its nonce must be remembered. Default 1 hour.
	MaxDeadline time.Duration
	// ReceiptDelay is how long a receipt flush waits, when the proxy is
	// busy (more than receiptSiblings requests in flight), for concurrent
	// requests to join it, so that one fsync acknowledges many receipts.
	// Without it a busy proxy issues an fsync every few hundred
	// microseconds, and the kernel's journal work then competes with the
	// re-encryptions for the cores. A lone request never waits. Default
	// 2 ms; negative: never wait.
	ReceiptDelay time.Duration
	// Now is the clock; time.Now when nil.
	Now    func() time.Time
	Logger *slog.Logger
}

// receiptSiblings is how many requests must be in flight before a receipt
// flush waits ReceiptDelay for others to join it.
const receiptSiblings = 4

// Proxy is one re-encryption proxy.
type Proxy struct {
	cfg     Config
	addr    common.Address
	store   *store
	metrics *metrics
	log     *slog.Logger

	heads  singleflight.Group // shares concurrent head reads
	pushed atomic.Uint64      // latest block pushed by the chain; 0: not following (FollowHeads)
	busy   atomic.Int64       // re-encryption requests in flight
	fetch  *fetches           // kfrag loads: shared, bounded, failures remembered
	// followNext is the next block the event follower reads (Run keeps
	// it); 0 when nothing follows events, and no grant is looked up on
	// demand (discover.go). confirmations is the follower's.
	followNext    atomic.Uint64
	confirmations uint64
	disc          *discovery

	keys  *keyring   // HPKE keys by epoch
	rotMu sync.Mutex // serialises rotations, publications and retirements
	pubMu sync.Mutex
	// publish is Config.PublishKey, or what Register set up.
	publish KeyPublisher

	mu     sync.Mutex
	kfrags map[pairKey]*held // verified, in memory
	// authz caches positive grant checks: the block each pair was last
	// found authorized at, served for that block only. Only pairs with a
	// grant record reach the chain (authorize), so it holds at most one
	// entry per grant this proxy serves.
	authz map[pairKey]uint64
	// usages are the grant policies parsed, by hash (usage.go).
	usages map[common.Hash]*usage
}

type pairKey struct {
	dataset uint64
	grantee common.Address
}

// New opens (or creates) a proxy's state in cfg.Dir.
func New(cfg Config) (*Proxy, error) {
	if cfg.Account == nil || cfg.Chain == nil || cfg.Bundles == nil || cfg.Domain.ChainID == nil {
		return nil, fmt.Errorf("proxy: Account, Chain, Bundles and Domain are required")
	}
	if cfg.HPKERotate == 0 {
		cfg.HPKERotate = DefaultHPKERotate
	}
	if cfg.HPKEGrace <= 0 {
		cfg.HPKEGrace = cfg.HPKERotate
		if cfg.HPKEGrace <= 0 {
			cfg.HPKEGrace = DefaultHPKERotate
		}
	}
	if cfg.MaxDeadline == 0 {
		cfg.MaxDeadline = time.Hour
	}
	if cfg.ReceiptDelay == 0 {
		cfg.ReceiptDelay = 2 * time.Millisecond
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	st, err := openStore(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("proxy: opening state in %s: %w", cfg.Dir, err)
	}
	keys, err := openKeyring(cfg.Dir, cfg.HPKE, cfg.Now())
	if err != nil {
		return nil, fmt.Errorf("proxy: opening HPKE keys in %s: %w", cfg.Dir, err)
	}
	p := &Proxy{
		cfg:     cfg,
		keys:    keys,
		publish: cfg.PublishKey,
		addr:    crypto.PubkeyToAddress(cfg.Account.PublicKey),
		store:   st,
		metrics: newMetrics(st, keys),
		kfrags:  make(map[pairKey]*held),
		authz:   make(map[pairKey]uint64),
		usages:  make(map[common.Hash]*usage),
		fetch:   newFetches(),
		disc:    newDiscovery(),
	}
	p.log = cfg.Logger.With("proxy", p.addr.Hex())
	if cfg.HPKE != nil && !keys.holds(cfg.HPKE) {
		p.log.Warn("the HPKE key given is not one of the proxy's key epochs; using the epochs", "dir", keys.dir)
	}
	return p, nil
}

// Address is the proxy's Ethereum address.
func (p *Proxy) Address() common.Address { return p.addr }

// Registry returns the Prometheus registry with the proxy's metrics.
func (p *Proxy) Registry() *prometheus.Registry { return p.metrics.reg }

// OnGranted records a Granted event: the bundle the kfrag will come from.
// The kfrag is fetched and verified in the background (prefetch), or on the
// first request (a proxy that was offline catches up, or was busy with
// other fetches). It does not wait for the fetch: anyone can make a grant
// with a bundle nobody serves, and the events behind it must not wait.
func (p *Proxy) OnGranted(ctx context.Context, dataset uint64, grantee common.Address, threshold uint8, purposeHash, bundleDigest common.Hash, block uint64) error {
	key := pairKey{dataset, grantee}
	g, err := p.store.grant(dataset, grantee)
	if err != nil {
		return err
	}
	if g != nil && (g.GrantedAt > block || g.GrantedAt == block && g.Bundle == bundleDigest && g.Ended == "") {
		// Already have a newer grant (replayed event), or this one: looked
		// up on demand before the follower delivered its event.
		return nil
	}
	if g != nil && g.Ended != "" && g.EndedAt >= block {
		// A Granted event from before (or in the block of) the recorded
		// revocation or erasure is a replay: applying it would put the
		// revoked kfrag back. A later grant (block > EndedAt) revives the
		// pair. Events of one block carry no order here, so a revocation
		// and a re-grant in one block leave the pair ended: the owner
		// grants again, rather than a replay reviving what was revoked.
		return nil
	}
	p.mu.Lock()
	delete(p.kfrags, key)
	delete(p.authz, key)
	p.mu.Unlock()
	g = &grantState{Dataset: dataset, Grantee: grantee, Bundle: bundleDigest, GrantedAt: block, Threshold: threshold, Purpose: purposeHash}
	if err := p.store.putGrant(g); err != nil {
		return err
	}
	p.prefetch(ctx, g)
	return nil
}

// fetchTimeout bounds the load of a kfrag (the bundle fetch, and the
// chain reads to verify it), so the proxy answers "unavailable" well
// before a client's own deadline, and a prefetch holds its slot no longer.
const fetchTimeout = 10 * time.Second

// OnRevoked records a revocation and deletes the kfrag.
func (p *Proxy) OnRevoked(dataset uint64, grantee common.Address, block uint64) error {
	return p.endGrant(dataset, grantee, "revoked", block)
}

// OnErased ends every grant of an erased dataset and deletes their kfrags.
func (p *Proxy) OnErased(dataset uint64, block uint64) error {
	grantees, err := p.store.grantsOf(dataset)
	if err != nil {
		return err
	}
	for _, g := range grantees {
		if err := p.endGrant(dataset, g, "erased", block); err != nil {
			return err
		}
	}
	return nil
}

// forgetGrant drops the record and kfrag of the grant of (dataset,
// grantee) made at block with bundle, if that is still the one recorded.
func (p *Proxy) forgetGrant(dataset uint64, grantee common.Address, bundle common.Hash, block uint64) error {
	key := pairKey{dataset, grantee}
	p.mu.Lock()
	defer p.mu.Unlock()
	dropped, err := p.store.dropGrant(&grantState{Dataset: dataset, Grantee: grantee, Bundle: bundle, GrantedAt: block})
	if err != nil || !dropped {
		return err
	}
	delete(p.kfrags, key)
	delete(p.authz, key)
	p.log.Warn("a reorg took back a grant; forgotten", "dataset", dataset, "grantee", grantee.Hex(), "block", block)
	return nil
}

func (p *Proxy) endGrant(dataset uint64, grantee common.Address, how string, block uint64) error {
	key := pairKey{dataset, grantee}
	p.mu.Lock()
	delete(p.kfrags, key)
	delete(p.authz, key)
	ended, err := p.store.end(dataset, grantee, how, block)
	p.mu.Unlock()
	if err != nil || !ended {
		return err
	}
	p.metrics.kfragsDeleted.Inc()
	p.log.Info("grant ended; kfrag deleted", "dataset", dataset, "grantee", grantee.Hex(), "how", how, "block", block)
	return nil
}

// loadKFrag returns the verified kfrag of a grant: from memory, or else
// from disk or by fetching, opening and fully verifying the bundle — one
// load shared by every concurrent caller, and none for fetchRetryAfter
// after one failed.
func (p *Proxy) loadKFrag(ctx context.Context, g *grantState) (*held, error) {
	p.mu.Lock()
	kf := p.kfrags[g.pairKey()]
	p.mu.Unlock()
	if kf != nil {
		return kf, nil
	}
	if g.Ended != "" || g.Bundle == (common.Hash{}) {
		return nil, refuse(proxyapi.CodeNoKFrag, 0, "this proxy holds no kfrag for dataset %d and %s", g.Dataset, g.Grantee.Hex())
	}
	if err := p.failedRecently(g); err != nil {
		return nil, err
	}
	return p.loadShared(ctx, g)
}

// loadKFragNow loads g's kfrag from disk or its bundle, verifies it and
// keeps it. A failure that comes from the bundle or the kfrag (not
// fetched, not ours to open, not verifying) is remembered, so the grant is
// not tried again before fetchRetryAfter; a failure to read the chain is
// not (the chain is back for everyone at once).
func (p *Proxy) loadKFragNow(ctx context.Context, g *grantState) (*held, error) {
	key := g.pairKey()
	p.mu.Lock()
	kf := p.kfrags[key]
	p.mu.Unlock()
	if kf != nil {
		return kf, nil // loaded by the previous load of the grant
	}
	var raw []byte
	var fields []fieldKFrag
	var err error
	terms := g.Terms
	if (g.KFrag != "" || len(g.Fields) > 0) && terms != "" {
		fields = g.Fields
		if g.KFrag != "" {
			raw, err = hex.DecodeString(g.KFrag)
			if err != nil {
				return nil, fmt.Errorf("proxy: stored kfrag is corrupt: %w", err)
			}
		}
	} else {
		// No kfrag yet, or one stored before proxies took the grant's
		// terms from its bundle: the bundle tells both.
		var doc []byte
		if raw, fields, doc, err = p.fetchKFrag(ctx, g); errors.Is(err, errNotNamed) {
			return nil, p.dropGrant(g)
		} else if err != nil {
			p.rememberFailure(g, err)
			return nil, err
		}
		if terms, err = p.keepTerms(g, doc); err != nil {
			return nil, err
		}
	}
	vk, pkA, pkB, err := p.grantKeys(ctx, g.Dataset, g.Grantee)
	if err != nil {
		return nil, err
	}
	if len(fields) > 0 {
		// A field grant: each field's kfrag verifies against that
		// field's key from the bundle (BUNDLE.md 1.2), and the owner's
		// verifying key and the grantee's receiving key from the chain.
		kf, err = verifyFields(fields, vk, pkB)
	} else {
		kf, err = verifyWhole(raw, vk, pkA, pkB)
	}
	if err != nil {
		err = fmt.Errorf("proxy: kfrag for dataset %d and %s: %w", g.Dataset, g.Grantee.Hex(), err)
		p.rememberFailure(g, err)
		return nil, err
	}
	// Store (and cache) it only if the grant is still the live one: a
	// revocation that landed meanwhile must not be undone.
	// p.mu is held across the store write and the cache fill, and endGrant
	// holds it across its delete, so an end cannot fall between the two.
	p.mu.Lock()
	defer p.mu.Unlock()
	stored, err := p.store.setKFrag(g, hex.EncodeToString(raw), fields, terms)
	if err != nil {
		return nil, err
	}
	if !stored {
		return nil, refuse(proxyapi.CodeNoKFrag, 0, "the grant of dataset %d to %s changed while its kfrag was fetched; retry", g.Dataset, g.Grantee.Hex())
	}
	if g.KFrag == "" && len(g.Fields) == 0 {
		p.metrics.kfragsStored.Inc()
		p.log.Info("kfrag stored", "dataset", g.Dataset, "grantee", g.Grantee.Hex())
	}
	p.kfrags[key] = kf
	return kf, nil
}

// fetchKFrag fetches g's bundle and opens this proxy's kfrag; it returns
// the kfrag and the terms document the bundle carries (nil: none).
func (p *Proxy) fetchKFrag(ctx context.Context, g *grantState) (kfrag []byte, fields []fieldKFrag, terms []byte, err error) {
	ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	defer cancel()
	b, err := p.cfg.Bundles.Bundle(ctx, g.Bundle)
	if err != nil {
		return nil, nil, nil, refuse(proxyapi.CodeUnavailable, 0, "fetching kfrag bundle %x: %v", g.Bundle[:8], err)
	}
	if sha256.Sum256(b) != g.Bundle {
		return nil, nil, nil, fmt.Errorf("proxy: bundle fetched for %x has other content", g.Bundle[:8])
	}
	bd, err := bundle.Parse(b)
	if err != nil {
		return nil, nil, nil, err
	}
	want := acl.GrantID(p.cfg.Domain.ChainID, p.cfg.Domain.Registry, g.Dataset, g.Grantee, g.Purpose)
	if bd.Grant.ID != want || bd.Grant.Dataset != acl.DatasetID32(g.Dataset) || common.Address(bd.Grant.Grantee) != g.Grantee || bd.Grant.Threshold != int(g.Threshold) {
		return nil, nil, nil, fmt.Errorf("proxy: bundle %x belongs to another grant", g.Bundle[:8])
	}
	if !slices.Contains(bd.Proxies, bundle.Address(p.addr)) {
		return nil, nil, nil, errNotNamed
	}
	// The current key first, then the previous one still in its grace: a
	// bundle sealed just before a rotation was sealed to it.
	if bd.Fields != nil {
		fields, err := p.openFields(bd)
		if err != nil {
			return nil, nil, nil, err
		}
		return nil, fields, bd.Terms, nil
	}
	var kf *reencrypt.KeyFrag
	for _, k := range p.keys.keys() {
		if kf, err = bd.Open(bundle.Address(p.addr), k); !errors.Is(err, bundle.ErrOpen) {
			break
		}
	}
	if err != nil {
		return nil, nil, nil, err
	}
	return kf.Bytes(), nil, bd.Terms, nil
}

// errNotNamed: a grant's bundle has no entry for this proxy. The owner
// chose other proxies for the grant; this one keeps nothing of it.
var errNotNamed = errors.New("the grant's bundle does not name this proxy")

// dropGrant forgets a grant whose bundle names other proxies: no grant
// file, no kfrag, no cache entry, so requests for the pair are refused
// from local state like any pair the proxy was never granted. A newer
// grant recorded meanwhile is kept.
func (p *Proxy) dropGrant(g *grantState) error {
	key := pairKey{g.Dataset, g.Grantee}
	p.mu.Lock()
	dropped, err := p.store.dropGrant(g)
	if dropped {
		delete(p.kfrags, key)
		delete(p.authz, key)
	}
	p.mu.Unlock()
	if err != nil {
		return err
	}
	if dropped {
		p.log.Debug("grant names other proxies; dropped", "dataset", g.Dataset, "grantee", g.Grantee.Hex(), "block", g.GrantedAt)
	}
	return errors.Join(refuse(proxyapi.CodeNoKFrag, 0, "the grant of dataset %d to %s does not name this proxy", g.Dataset, g.Grantee.Hex()), errNotNamed)
}

// grantKeys reads the keys a kfrag must verify against: the owner's
// verifying key, the dataset's delegating key, the grantee's receiving key.
func (p *Proxy) grantKeys(ctx context.Context, dataset uint64, grantee common.Address) (vk, pkA, pkB *reencrypt.PublicKey, err error) {
	ds, err := p.cfg.Chain.Dataset(ctx, dataset)
	if err != nil {
		return nil, nil, nil, p.chainErr(err, dataset)
	}
	_, ownerVK, err := p.cfg.Chain.Keys(ctx, ds.Owner)
	if err != nil {
		return nil, nil, nil, p.chainErr(err, dataset)
	}
	granteeRK, _, err := p.cfg.Chain.Keys(ctx, grantee)
	if err != nil {
		return nil, nil, nil, p.chainErr(err, dataset)
	}
	if vk, err = reencrypt.PublicKeyFromBytes(ownerVK); err != nil {
		return nil, nil, nil, fmt.Errorf("proxy: owner %s has no valid verifying key on chain: %w", ds.Owner.Hex(), err)
	}
	if pkA, err = reencrypt.PublicKeyFromBytes(ds.DelegatingKey); err != nil {
		return nil, nil, nil, fmt.Errorf("proxy: dataset %d has no valid delegating key on chain: %w", dataset, err)
	}
	if pkB, err = reencrypt.PublicKeyFromBytes(granteeRK); err != nil {
		return nil, nil, nil, fmt.Errorf("proxy: grantee %s has no valid receiving key on chain: %w", grantee.Hex(), err)
	}
	return vk, pkA, pkB, nil
}

func (p *Proxy) chainErr(err error, dataset uint64) error {
	if err == ErrUnknownDataset {
		return refuse(proxyapi.CodeUnknownDataset, 0, "dataset %d does not exist on chain", dataset)
	}
	return refuse(proxyapi.CodeUnavailable, 0, "reading the chain: %v", err)
}
