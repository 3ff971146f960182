// Package pdxtest is the one test network of pdx's node tests: a dev chain,
// embedded IPFS nodes connected to each other, and proxies started through
// proxy.Run exactly as pdx proxy and the daemon start theirs. The service,
// daemon and end-to-end tests each put their own subject (a service, a
// daemon, pdx processes) on top of it, so a step of standing up the
// network (a proxy's head subscription, its key schedule, its
// registration) cannot be forgotten in one test world and not the others.
//
// It may not import node/service or node/daemon: their internal tests
// build on it.
package pdxtest

import (
	"context"
	"crypto/ecdsa"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/storage"
)

// Config shapes the network. The zero value is a dev chain with eight
// accounts and nothing else.
type Config struct {
	// Accounts is how many funded local accounts the dev chain makes
	// (default 8); Keys returns them.
	Accounts int
	// Fund are further addresses funded at genesis (a pdx home's account).
	Fund []common.Address
	// HTTP also serves the chain's JSON-RPC on a loopback port, for
	// processes (pdx binaries) that dial it; HTTPEndpoint is its URL.
	HTTP bool
	// GrantWindow is the Registry's grant window (default devchain's).
	GrantWindow time.Duration
	// Stores is how many embedded IPFS nodes to open; each after the
	// first is connected to the first, which the proxies read bundles
	// from.
	Stores int
	// Proxies is how many proxies New starts, on the accounts
	// Keys()[FirstProxy:FirstProxy+Proxies]. They need Stores >= 1.
	Proxies    int
	FirstProxy int
	// Poll is how often the proxies follow the Registry's events (default
	// 100ms). Negative: not in the background; the test calls Sync when
	// it wants the proxies to have seen the chain.
	Poll time.Duration
	// Timeout bounds the whole test through Ctx (default 3 minutes).
	Timeout time.Duration
}

// Network is a running test network; everything in it stops when the test
// ends (t.Cleanup).
type Network struct {
	t   testing.TB
	cfg Config
	// Ctx ends with the test or after Config.Timeout.
	Ctx   context.Context
	Chain *devchain.Chain
	// Stores are the embedded IPFS nodes, Stores[0] the proxies' source.
	Stores []storage.Store
	// Proxies are every proxy started on the network, in start order.
	Proxies []*Proxy

	domain proxyapi.Domain
}

// Proxy is one proxy of the network, as proxy.Run started it.
type Proxy struct {
	*proxy.Running
	Key *ecdsa.PrivateKey
	// Dir holds its state (keys, kfrags, receipts).
	Dir string
	// URL is the endpoint it registered on chain (Running.Endpoint).
	URL string
}

// New starts the network that cfg describes, or fails the test.
func New(t testing.TB, cfg Config) *Network {
	t.Helper()
	if cfg.Accounts == 0 {
		cfg.Accounts = 8
	}
	if cfg.Poll == 0 {
		cfg.Poll = 100 * time.Millisecond
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 3 * time.Minute
	}
	if cfg.Proxies > 0 && cfg.Stores == 0 {
		t.Fatal("pdxtest: proxies read bundles from Stores[0]: set Stores")
	}
	if cfg.FirstProxy+cfg.Proxies > cfg.Accounts {
		t.Fatalf("pdxtest: proxies on accounts %d..%d of %d", cfg.FirstProxy, cfg.FirstProxy+cfg.Proxies-1, cfg.Accounts)
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.Timeout)
	t.Cleanup(cancel)
	dc := devchain.Config{Dir: t.TempDir(), Accounts: cfg.Accounts, Fund: cfg.Fund, GrantWindow: cfg.GrantWindow}
	if cfg.HTTP {
		dc.HTTP = "127.0.0.1:0"
	}
	ch, err := devchain.Open(ctx, dc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ch.Close() })
	id, err := ch.Client().ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := &Network{t: t, cfg: cfg, Ctx: ctx, Chain: ch, domain: proxyapi.Domain{ChainID: id, Registry: ch.Registry()}}
	for i := range cfg.Stores {
		s := n.OpenStore()
		if i > 0 {
			n.connect(s, n.Stores[0])
		}
		n.Stores = append(n.Stores, s)
	}
	for _, key := range n.Keys()[cfg.FirstProxy : cfg.FirstProxy+cfg.Proxies] {
		n.StartProxy(key, t.TempDir(), nil)
	}
	return n
}

// Keys are the chain's funded local accounts.
func (n *Network) Keys() []*ecdsa.PrivateKey { return n.Chain.Accounts() }

// HTTPEndpoint is the chain's JSON-RPC URL (Config.HTTP).
func (n *Network) HTTPEndpoint() string { return n.Chain.HTTPEndpoint() }

// Domain is the EIP-712 domain of proxy requests on this chain.
func (n *Network) Domain() proxyapi.Domain { return n.domain }

// Client is a Registry client of key's account over the in-process chain.
func (n *Network) Client(key *ecdsa.PrivateKey) *acl.Client {
	n.t.Helper()
	c, err := acl.New(n.Ctx, n.Chain.Client(), n.Chain.Registry(), key, nil)
	if err != nil {
		n.t.Fatal(err)
	}
	return c
}

// OpenStore opens another embedded IPFS node, connected to none.
func (n *Network) OpenStore() storage.Store {
	n.t.Helper()
	s, err := storage.OpenEmbedded(n.Ctx, storage.EmbeddedConfig{Dir: n.t.TempDir(), Local: true})
	if err != nil {
		n.t.Fatal(err)
	}
	n.t.Cleanup(func() { s.Close() })
	return s
}

func (n *Network) connect(s, to storage.Store) {
	n.t.Helper()
	self, err := to.Self(n.Ctx)
	if err != nil {
		n.t.Fatal(err)
	}
	if err := s.Connect(n.Ctx, self); err != nil {
		n.t.Fatal(err)
	}
}

// StartProxy starts a proxy of key's account with its state in dir,
// reading bundles from Stores[0], through proxy.Run. wrap, when not nil,
// wraps its HTTP API (proxy.RunConfig.WrapHandler): a test's slow,
// forging or inspecting proxy. It is added to Proxies.
func (n *Network) StartProxy(key *ecdsa.PrivateKey, dir string, wrap func(http.Handler) http.Handler) *Proxy {
	n.t.Helper()
	if len(n.Stores) == 0 {
		n.t.Fatal("pdxtest: a proxy reads bundles from Stores[0]: set Config.Stores")
	}
	r, err := proxy.Run(n.Ctx, proxy.RunConfig{
		Config: proxy.Config{
			Dir: dir, Account: key, Domain: n.domain,
			Bundles: envstore.Bundles{S: n.Stores[0]},
		},
		Client: n.Client(key), FromBlock: n.Chain.DeployBlock(), Poll: n.cfg.Poll,
		WrapHandler: wrap,
	})
	if err != nil {
		n.t.Fatalf("starting the proxy of %s: %v", crypto.PubkeyToAddress(key.PublicKey), err)
	}
	n.t.Cleanup(func() { r.Close() })
	p := &Proxy{Running: r, Key: key, Dir: dir, URL: r.Endpoint}
	n.Proxies = append(n.Proxies, p)
	return p
}

// Sync lets every proxy handle the Registry's events up to the chain's
// head (for a network with a negative Config.Poll).
func (n *Network) Sync() {
	n.t.Helper()
	for _, p := range n.Proxies {
		if _, err := p.Poll(n.Ctx); err != nil {
			n.t.Fatal(err)
		}
	}
}

// Addresses are the accounts of the proxies New started, in order: the
// owner's proxy set.
func (n *Network) Addresses() []common.Address {
	out := make([]common.Address, 0, n.cfg.Proxies)
	for _, p := range n.Proxies[:n.cfg.Proxies] {
		out = append(out, p.Proxy.Address())
	}
	return out
}

// Endpoints are the proxies New started as a brand asks them.
func (n *Network) Endpoints() []proxyapi.Endpoint {
	out := make([]proxyapi.Endpoint, 0, n.cfg.Proxies)
	for _, p := range n.Proxies[:n.cfg.Proxies] {
		out = append(out, proxyapi.Endpoint{Address: p.Proxy.Address(), URL: p.URL})
	}
	return out
}
