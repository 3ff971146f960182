package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/internal/pdxtest"
	"github.com/pdx-network/pdx/node/market"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
)

const testPassphrase = "daemon test passphrase"

// node is one party's daemon behind an httptest server.
type node struct {
	h     *home.Unlocked
	store storage.Store
	s     *service.Service
	d     *Daemon
	srv   *httptest.Server
	token string
}

// world is an owner's and a brand's daemon (this package's subject) on
// pdxtest's network: a dev chain, three proxies and the two parties' IPFS
// nodes, all real and all in t.TempDir.
type world struct {
	ctx          context.Context
	ch           *devchain.Chain
	owner, brand *node
	proxies      []common.Address
}

func newHome(t *testing.T, dir string) *home.Unlocked {
	t.Helper()
	if _, err := home.Init(dir, testPassphrase, home.WithInsecureLightScrypt()); err != nil {
		t.Fatal(err)
	}
	u, err := home.Open(dir, testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(u.Close)
	return u
}

// newWorld starts the world; opts adjust the network's settings (a short
// grant window, say).
func newWorld(t *testing.T, opts ...func(*pdxtest.Config)) *world {
	t.Helper()
	dir := t.TempDir()
	ownerHome := newHome(t, filepath.Join(dir, "owner"))
	brandHome := newHome(t, filepath.Join(dir, "brand"))
	// The owner's proxies are the three the network starts (accounts
	// 1..3), reading bundles from the owner's IPFS node (Stores[0]).
	cfg := pdxtest.Config{
		Accounts: 4, Fund: []common.Address{ownerHome.Address(), brandHome.Address()},
		Stores: 2, Proxies: 3, FirstProxy: 1, Poll: 100 * time.Millisecond,
	}
	for _, o := range opts {
		o(&cfg)
	}
	n := pdxtest.New(t, cfg)
	w := &world{ctx: n.Ctx, ch: n.Chain, proxies: n.Addresses()}
	w.owner = w.newNode(t, ownerHome, n.Stores[0], service.ProxySet{Threshold: 2, Addresses: n.Addresses()})
	w.brand = w.newNode(t, brandHome, n.Stores[1], service.ProxySet{})
	w.startAgent(t)
	return w
}

// startAgent runs the owner's market automation as the pdx daemon wires
// it: the daemon's index says which purchases are its own, and the
// decisions go to its journal.
func (w *world) startAgent(t *testing.T) {
	ctx, cancel := context.WithCancel(w.ctx)
	t.Cleanup(cancel)
	a := &service.MarketAgent{S: w.owner.s, Threshold: 2, Item: w.owner.d.MarketItem, Record: w.owner.d.RecordDecision}
	f := acl.NewFollower(w.ch.Client(), w.ch.Registry(), &acl.MemoryCursor{})
	f.Start, f.Interval = w.ch.DeployBlock(), 100*time.Millisecond
	go f.Run(ctx, a.HandleEvent)
}

func (w *world) newNode(t *testing.T, u *home.Unlocked, fs storage.Store, set service.ProxySet) *node {
	t.Helper()
	ctx := w.ctx
	c, err := acl.New(ctx, w.ch.Client(), w.ch.Registry(), u.Account, nil)
	if err != nil {
		t.Fatal(err)
	}
	mix, err := market.Open(market.Config{Path: filepath.Join(t.TempDir(), "market-index"), Source: w.ch.Client(), Registry: w.ch.Registry(), Start: w.ch.DeployBlock()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mix.Close() })
	s, err := service.New(ctx, service.Config{
		Chain: c, Account: u.Account, Store: fs, Signer: reencrypt.NewSigner(u.Signing),
		Receiving: u.Receiving, DeployBlock: w.ch.DeployBlock(), AllowPrivateEndpoints: true, Proxies: set, Market: mix,
		Attest: &service.Attestations{Backend: w.ch.Client(), Deployment: w.ch.Attestation(), ChainID: devchain.ChainID},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureKeys(ctx); err != nil {
		t.Fatal(err)
	}
	tok, err := home.ReadToken(filepath.Join(u.Dir(), home.TokenFile))
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(ctx, Config{Home: u, Config: config.Default(), Service: s, Token: tok})
	if err != nil {
		t.Fatal(err)
	}
	// The daemon's own server settings, as `pdx daemon` serves it.
	srv := httptest.NewUnstartedServer(nil)
	srv.Config = d.Server(ctx)
	srv.Start()
	t.Cleanup(srv.Close)
	return &node{h: u, store: fs, s: s, d: d, srv: srv, token: tok}
}

// response is one API answer, read whole.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) apiError(t *testing.T) APIError {
	t.Helper()
	var e errorBody
	if err := json.Unmarshal(r.body, &e); err != nil || e.Error.Code == "" {
		t.Fatalf("status %d: body is not an API error: %q", r.status, r.body)
	}
	return e.Error
}

func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("status %d: decoding %q: %v", r.status, r.body, err)
	}
}

// call sends a request with the node's token; body is a []byte, a string
// or a value encoded as JSON, or nil.
func (n *node) call(t *testing.T, method, path string, body any) response {
	t.Helper()
	return n.callToken(t, n.token, method, path, body)
}

func (n *node) callToken(t *testing.T, token, method, path string, body any) response {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		r = bytes.NewReader(b)
	case string:
		r = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, n.srv.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := n.srv.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the body: %v", method, path, err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

func (n *node) mustCall(t *testing.T, want int, method, path string, body any, out any) {
	t.Helper()
	r := n.call(t, method, path, body)
	if r.status != want {
		t.Fatalf("%s %s: status %d, want %d: %s", method, path, r.status, want, r.body)
	}
	if out != nil {
		r.decode(t, out)
	}
}
