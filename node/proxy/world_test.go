package proxy

import (
	"context"
	"crypto/ecdsa"
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// testChain is a Registry in memory that counts every call made to it, so
// a test can show that a request cost the proxy no chain RPC.
type testChain struct {
	calls atomic.Int64

	mu       sync.Mutex
	block    uint64
	datasets map[uint64]DatasetInfo
	keys     map[common.Address][2][]byte // receiving, verifying
	grants   map[pairKey]uint64           // expiry, unix seconds
}

func newTestChain() *testChain {
	return &testChain{block: 1, datasets: map[uint64]DatasetInfo{}, keys: map[common.Address][2][]byte{}, grants: map[pairKey]uint64{}}
}

func (c *testChain) BlockNumber(context.Context) (uint64, error) {
	c.calls.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.block, nil
}

func (c *testChain) IsAuthorized(_ context.Context, dataset uint64, grantee common.Address) (bool, error) {
	c.calls.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	exp, ok := c.grants[pairKey{dataset, grantee}]
	return ok && exp > uint64(time.Now().Unix()) && !c.datasets[dataset].Erased, nil
}

func (c *testChain) GrantOf(_ context.Context, dataset uint64, grantee common.Address) (uint64, uint8, error) {
	c.calls.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.grants[pairKey{dataset, grantee}], 1, nil
}

func (c *testChain) Dataset(_ context.Context, dataset uint64) (DatasetInfo, error) {
	c.calls.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.datasets[dataset]
	if !ok {
		return DatasetInfo{}, ErrUnknownDataset
	}
	return d, nil
}

func (c *testChain) Keys(_ context.Context, account common.Address) ([]byte, []byte, error) {
	c.calls.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	k := c.keys[account]
	return k[0], k[1], nil
}

// testBundles serves bundles by digest, as IPFS would.
type testBundles struct {
	mu sync.Mutex
	m  map[common.Hash][]byte
}

func (b *testBundles) Bundle(_ context.Context, digest common.Hash) ([]byte, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	data, ok := b.m[digest]
	if !ok {
		return nil, context.DeadlineExceeded // nobody serves it
	}
	return data, nil
}

func (b *testBundles) put(data []byte) common.Hash {
	d := common.Hash(sha256.Sum256(data))
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		b.m = map[common.Hash][]byte{}
	}
	b.m[d] = data
	return d
}

// testWorld is one owner with one dataset, one grantee, a chain and IPFS.
type testWorld struct {
	t       testing.TB
	ctx     context.Context
	chain   *testChain
	bundles *testBundles
	domain  proxyapi.Domain
	// terms are the policy documents by hash (putPolicy) that sealGrant
	// carries in the bundle of a grant under that hash, as the owner does.
	terms map[common.Hash][]byte

	owner      common.Address
	ownerKey   *ecdsa.PrivateKey
	signer     *reencrypt.Signer
	dataset    uint64
	dsKey      *reencrypt.SecretKey
	grantee    *ecdsa.PrivateKey
	receiving  *reencrypt.SecretKey
	grantBlock uint64
}

func newTestWorld(t testing.TB) *testWorld {
	t.Helper()
	w := &testWorld{t: t, ctx: t.Context(), chain: newTestChain(), bundles: &testBundles{}, terms: map[common.Hash][]byte{},
		domain: proxyapi.Domain{ChainID: big.NewInt(1337), Registry: common.HexToAddress("0x00000000000000000000000000000000000000aa")}, dataset: 7}
	var err error
	if w.ownerKey, err = crypto.GenerateKey(); err != nil {
		t.Fatal(err)
	}
	w.owner = crypto.PubkeyToAddress(w.ownerKey.PublicKey)
	vk, _ := reencrypt.GenerateSecretKey()
	w.signer = reencrypt.NewSigner(vk)
	w.dsKey, _ = reencrypt.GenerateSecretKey()
	w.receiving, _ = reencrypt.GenerateSecretKey()
	w.grantee, _ = crypto.GenerateKey()
	w.chain.datasets[w.dataset] = DatasetInfo{Owner: w.owner, DelegatingKey: w.dsKey.PublicKey().Bytes()}
	w.chain.keys[w.owner] = [2][]byte{nil, vk.PublicKey().Bytes()}
	w.chain.keys[w.granteeAddr()] = [2][]byte{w.receiving.PublicKey().Bytes(), nil}
	return w
}

func (w *testWorld) granteeAddr() common.Address { return crypto.PubkeyToAddress(w.grantee.PublicKey) }

// newProxy starts a proxy on dir (a fresh one when dir is empty).
func (w *testWorld) newProxy(dir string, mod func(*Config)) *Proxy {
	w.t.Helper()
	if dir == "" {
		dir = w.t.TempDir()
	}
	key, _ := crypto.GenerateKey()
	cfg := Config{Dir: dir, Account: key, Domain: w.domain, Chain: w.chain, Bundles: w.bundles}
	if mod != nil {
		mod(&cfg)
	}
	p, err := New(cfg)
	if err != nil {
		w.t.Fatal(err)
	}
	// Loads still running write into dir: they end before it is removed.
	w.t.Cleanup(p.waitFetches)
	return p
}

// testClock is a clock a test moves by hand, starting at the real time (so
// requests signed with real deadlines stay valid for a while).
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock { return &testClock{now: time.Now()} }

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// sealGrant makes the grant's kfrags, seals one to each recipient with the
// policy under purpose when there is one (putPolicy), and puts the bundle
// where proxies fetch it; it returns the bundle's digest.
func (w *testWorld) sealGrant(purpose common.Hash, rcpts []bundle.Recipient) common.Hash {
	w.t.Helper()
	return w.sealGrantTerms(purpose, rcpts, w.terms[purpose])
}

// sealGrantTerms is sealGrant with the bundle's terms given.
func (w *testWorld) sealGrantTerms(purpose common.Hash, rcpts []bundle.Recipient, terms []byte) common.Hash {
	w.t.Helper()
	kfrags, err := reencrypt.GenerateKFrags(w.dsKey, w.receiving.PublicKey(), w.signer, 1, len(rcpts), true, true)
	if err != nil {
		w.t.Fatal(err)
	}
	g := bundle.Grant{
		ID:      acl.GrantID(w.domain.ChainID, w.domain.Registry, w.dataset, w.granteeAddr(), purpose),
		Dataset: acl.DatasetID32(w.dataset), Grantee: bundle.Address(w.granteeAddr()), Threshold: 1,
	}
	b, err := bundle.SealTerms(g, kfrags, rcpts, terms)
	if err != nil {
		w.t.Fatal(err)
	}
	return w.bundles.put(b)
}

// grant records a live grant on chain, delivers its Granted event to p,
// and waits for the prefetch of its kfrag.
func (w *testWorld) grant(p *Proxy, purpose, digest common.Hash) {
	w.t.Helper()
	w.chain.mu.Lock()
	w.chain.grants[pairKey{w.dataset, w.granteeAddr()}] = uint64(time.Now().Add(time.Hour).Unix())
	w.chain.mu.Unlock()
	w.grantBlock++
	if err := p.OnGranted(w.ctx, w.dataset, w.granteeAddr(), 1, purpose, digest, w.grantBlock); err != nil {
		w.t.Fatal(err)
	}
	p.waitFetches()
}

// recipient is p as a bundle names it, sealed to its current HPKE key.
func recipient(p *Proxy) bundle.Recipient {
	return bundle.Recipient{Proxy: bundle.Address(p.Address()), PublicKey: p.HPKEPublicKey()}
}

// testPurpose is what the test's requests read for.
const testPurpose = "dpv:ServiceProvision"

// request signs a re-encryption request to p as key, for w's dataset.
func (w *testWorld) request(p *Proxy, key *ecdsa.PrivateKey) *proxyapi.ReencryptBody {
	w.t.Helper()
	return w.requestFor(p, key, w.dataset)
}

// requestFor signs a re-encryption request to p as key, for dataset.
func (w *testWorld) requestFor(p *Proxy, key *ecdsa.PrivateKey, dataset uint64) *proxyapi.ReencryptBody {
	w.t.Helper()
	capsule, _, err := reencrypt.Encrypt(w.dsKey.PublicKey(), []byte("file key"))
	if err != nil {
		w.t.Fatal(err)
	}
	capBytes := capsule.Bytes()
	req := proxyapi.ReencryptRequest{Proxy: p.Address(), Dataset: dataset, CapsuleHash: crypto.Keccak256Hash(capBytes),
		Purpose: testPurpose, Nonce: proxyapi.NewNonce(), Deadline: uint64(time.Now().Add(time.Minute).Unix())}
	sig, err := req.Sign(w.domain, key)
	if err != nil {
		w.t.Fatal(err)
	}
	return &proxyapi.ReencryptBody{Proxy: p.Address(), Dataset: dataset, Capsule: hex.EncodeToString(capBytes),
		Purpose: req.Purpose, Nonce: req.Nonce, Deadline: req.Deadline, Signature: hex.EncodeToString(sig)}
}
