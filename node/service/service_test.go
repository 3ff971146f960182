package service

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/internal/pdxtest"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
)

// world is one owner and one brand (this package's subject) on pdxtest's
// network: three proxies on the embedded dev chain, with two kubo nodes (the
// owner's, which the proxies read bundles from, and the brand's, connected
// to it over loopback). The proxies follow the chain only when the test
// calls sync.
type world struct {
	t       *testing.T
	ctx     context.Context
	net     *pdxtest.Network
	chain   *devchain.Chain
	owner   *Service
	brand   *Service
	ownerFS storage.Store
	proxies []*testProxy
	dsKey   *reencrypt.SecretKey
}

// testProxy is one of the network's proxies under the names these tests
// use: p the proxy, srv its served API (URL, Close), dir its state.
type testProxy struct {
	dir string
	p   *proxy.Proxy
	srv *pdxtest.Proxy
}

func client(t *testing.T, ctx context.Context, ch *devchain.Chain, key *ecdsa.PrivateKey) *acl.Client {
	t.Helper()
	c, err := acl.New(ctx, ch.Client(), ch.Registry(), key, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func newService(t *testing.T, ctx context.Context, ch *devchain.Chain, key *ecdsa.PrivateKey, store storage.Store) *Service {
	t.Helper()
	return newServiceWith(t, ctx, ch, key, store, ProxySet{})
}

// newServiceWith makes a service whose grants go to the proxy set.
func newServiceWith(t *testing.T, ctx context.Context, ch *devchain.Chain, key *ecdsa.PrivateKey, store storage.Store, set ProxySet) *Service {
	t.Helper()
	seed := make([]byte, 32)
	rand.Read(seed)
	f, _ := reencrypt.NewSecretKeyFactory(seed)
	s, err := New(ctx, Config{
		Chain: client(t, ctx, ch, key), Account: key, Store: store,
		Signer: reencrypt.NewSigner(f.MakeKey([]byte("pdx/signing"))), Receiving: f.MakeKey([]byte("pdx/receiving")),
		DeployBlock: ch.DeployBlock(), AllowPrivateEndpoints: true, Proxies: set,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureKeys(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

func newWorld(t *testing.T) *world {
	// The owner's proxies are the three the network starts (keys[2:5]);
	// keys[5:] are spare for tests' own proxies.
	n := pdxtest.New(t, pdxtest.Config{Accounts: 8, Stores: 2, Proxies: 3, FirstProxy: 2, Poll: -1})
	keys := n.Keys()
	w := &world{t: t, ctx: n.Ctx, net: n, chain: n.Chain, ownerFS: n.Stores[0]}
	w.owner = newServiceWith(t, w.ctx, n.Chain, keys[0], w.ownerFS, ProxySet{Threshold: 2, Addresses: n.Addresses()})
	w.brand = newService(t, w.ctx, n.Chain, keys[1], n.Stores[1])
	for _, p := range n.Proxies {
		w.proxies = append(w.proxies, adapt(p))
	}
	w.dsKey, _ = reencrypt.GenerateSecretKey()
	return w
}

func adapt(p *pdxtest.Proxy) *testProxy { return &testProxy{dir: p.Dir, p: p.Proxy, srv: p} }

// startProxyWrapped starts another proxy on the network whose HTTP
// handler is wrapped (to delay or tamper with its answers).
func (w *world) startProxyWrapped(key *ecdsa.PrivateKey, dir string, wrap func(http.Handler) http.Handler) *testProxy {
	return adapt(w.net.StartProxy(key, dir, wrap))
}

// sync lets every proxy catch up with the chain.
func (w *world) sync() { w.net.Sync() }

func (w *world) put(data []byte) (uint64, cid.Cid) {
	ds, err := w.owner.CreateDataset(w.ctx, w.dsKey)
	if err != nil {
		w.t.Fatal(err)
	}
	res, err := w.owner.Put(w.ctx, ds, w.dsKey, bytes.NewReader(data), "test")
	if err != nil {
		w.t.Fatal(err)
	}
	c, err := cid.Decode(res.CID)
	if err != nil {
		w.t.Fatal(err)
	}
	return ds, c
}

func (w *world) get(c cid.Cid) ([]byte, error) {
	var buf bytes.Buffer
	_, err := w.brand.Get(w.ctx, c, &buf)
	return buf.Bytes(), err
}

func TestGrantGetRevoke(t *testing.T) {
	w := newWorld(t)
	data := make([]byte, 200<<10)
	rand.Read(data)
	ds, c := w.put(data)

	if _, err := w.get(c); !errors.Is(err, ErrNoGrant) {
		t.Fatalf("get before any grant: %v, want ErrNoGrant", err)
	}
	_, err := w.owner.Grant(w.ctx, GrantRequest{
		Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(24 * time.Hour), Purpose: "loyalty analytics", Threshold: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.sync()
	got, err := w.get(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Fatal("brand got other bytes")
	}

	// One proxy down: 2 of 3 still serve.
	w.proxies[0].srv.Close()
	if got, err := w.get(c); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("with one proxy down: %v", err)
	}

	// Revoke: the brand is told why from the chain, with the block, and
	// from the next block every proxy refuses too (asked directly, as a
	// brand that skipped the chain check would).
	block, err := w.owner.Revoke(w.ctx, ds, w.brand.Address())
	if err != nil {
		t.Fatal(err)
	}
	w.sync()
	_, err = w.get(c)
	var pe *proxyapi.Error
	if !errors.Is(err, proxyapi.ErrRevoked) || !errors.As(err, &pe) || pe.Block != block {
		t.Fatalf("after revoke: %v, want ErrRevoked at block %d", err, block)
	}
	err = w.askProxies(ds, c)
	if !errors.Is(err, proxyapi.ErrRevoked) {
		t.Fatalf("proxies after revoke: %v, want ErrRevoked", err)
	}
	if !strings.Contains(err.Error(), "revoked at block") || !strings.Contains(err.Error(), "1 unreachable") {
		t.Fatalf("refusal message does not explain: %q (revoked at block %d)", err, block)
	}
	var refused *proxyapi.RefusedError
	if !errors.As(err, &refused) || refused.Got != 0 {
		t.Fatalf("want a RefusedError with no cfrags: %v", err)
	}
}

// askProxies asks the world's proxies for cfrags of version c as the brand,
// straight, without the chain check its Get makes first: what a proxy
// itself decides.
func (w *world) askProxies(ds uint64, c cid.Cid) error {
	capsule, err := w.brandHeader(c)
	if err != nil {
		return err
	}
	var eps []proxyapi.Endpoint
	for _, tp := range w.proxies {
		eps = append(eps, proxyapi.Endpoint{Address: tp.p.Address(), URL: tp.srv.URL})
	}
	cl := &proxyapi.Client{Domain: w.owner.Domain(), Key: w.brand.cfg.Account, Purpose: DefaultReadPurpose}
	_, err = cl.CFrags(w.ctx, ds, capsule, eps, 2, func(cf *reencrypt.CapsuleFrag) (*reencrypt.VerifiedCapsuleFrag, error) {
		return nil, errors.New("a proxy answered")
	})
	return err
}

// TestStrangerRefused: an account with keys but no grant is refused by every
// proxy, even though the bundle exists. A proxy refuses a pair it holds no
// grant of from its own state (no_kfrag), without asking the chain.
func TestStrangerRefused(t *testing.T) {
	w := newWorld(t)
	ds, c := w.put([]byte("profile"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{
		Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2,
	}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	// A stranger reuses the brand's grant through proxies directly.
	strangerKey, _ := crypto.GenerateKey()
	h, err := w.brandHeader(c)
	if err != nil {
		t.Fatal(err)
	}
	var eps []proxyapi.Endpoint
	for _, tp := range w.proxies {
		eps = append(eps, proxyapi.Endpoint{Address: tp.p.Address(), URL: tp.srv.URL})
	}
	cl := &proxyapi.Client{Domain: w.owner.Domain(), Key: strangerKey, Purpose: DefaultReadPurpose}
	_, err = cl.CFrags(w.ctx, ds, h, eps, 2, func(cf *reencrypt.CapsuleFrag) (*reencrypt.VerifiedCapsuleFrag, error) {
		t.Fatal("a proxy answered a stranger")
		return nil, nil
	})
	if !errors.Is(err, proxyapi.ErrNoKFrag) {
		t.Fatalf("stranger: %v, want no_kfrag", err)
	}
}

func (w *world) brandHeader(c cid.Cid) (*reencrypt.Capsule, error) {
	h, err := envstoreOpen(w.ctx, w.ownerFS, c)
	if err != nil {
		return nil, err
	}
	return h.UmbralCapsule()
}

// TestPushedHeads runs the proxies with FollowHeads, so they learn the
// latest block from the chain's notifications rather than asking per
// request, and shows a revocation still takes effect without any event
// being followed: the pushed head moves past the revoking block and the
// grant is re-read there.
func TestPushedHeads(t *testing.T) {
	w := newWorld(t)
	for _, tp := range w.proxies {
		ctx, cancel := context.WithCancel(w.ctx)
		done := make(chan error, 1)
		go func() { done <- tp.p.FollowHeads(ctx) }()
		t.Cleanup(func() {
			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Errorf("FollowHeads ended with %v, want context.Canceled", err)
			}
		})
	}
	data := []byte("pushed heads")
	ds, c := w.put(data)
	if _, err := w.owner.Grant(w.ctx, GrantRequest{
		Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(24 * time.Hour), Purpose: "research", Threshold: 2,
	}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if got, err := w.get(c); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("get with pushed heads: %v", err)
	}
	if _, err := w.owner.Revoke(w.ctx, ds, w.brand.Address()); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		err := w.askProxies(ds, c)
		if errors.Is(err, proxyapi.ErrRevoked) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("5s after the revocation, with no event followed: %v, want ErrRevoked", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
