// Package e2e runs pdx end to end with real processes on loopback: `pdx
// proxy` binaries, a kubo daemon, the dev chain's JSON-RPC over HTTP (and,
// in one test, a geth --dev process), with the owner and the brand driven
// through node/service in the test process.
package e2e

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/leakcheck"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/internal/pdxtest"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

func TestMain(m *testing.M) {
	// go-ethereum logs every block at INFO level; the tests' output is theirs.
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	os.Exit(m.Run())
}

// party is the owner or the brand: an account with its Umbral keys and a
// service over the shared kubo daemon.
type party struct {
	key       *ecdsa.PrivateKey
	signer    *reencrypt.Signer
	receiving *reencrypt.SecretKey
	svc       *service.Service
}

type world struct {
	t       *testing.T
	ctx     context.Context
	backend *ethclient.Client
	args    proxyArgs
	store   storage.Store
	owner   *party
	brand   *party
	// dsKeys are the dataset keys by dataset id (the owner's secrets).
	dsKeys map[uint64]*reencrypt.SecretKey
}

// newWorld connects owner and brand (over the chain's HTTP JSON-RPC and the
// kubo daemon's RPC API, as separate machines would) and registers their
// keys.
func newWorld(t *testing.T, ctx context.Context, rpcURL string, registry common.Address, deployBlock uint64, ipfsAPI string, owner, brand *ecdsa.PrivateKey) *world {
	t.Helper()
	ec, err := ethclient.DialContext(ctx, rpcURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ec.Close)
	st, err := storage.OpenRemote(ctx, storage.RemoteConfig{API: ipfsAPI, AuthSecret: ipfsSecret})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := &world{
		t: t, ctx: ctx, backend: ec, store: st, dsKeys: map[uint64]*reencrypt.SecretKey{},
		args: proxyArgs{rpc: rpcURL, registry: registry.Hex(), ipfsAPI: ipfsAPI, ipfsAuth: ipfsSecret, fromBlock: deployBlock},
	}
	w.owner = w.newParty(owner, registry, deployBlock)
	w.brand = w.newParty(brand, registry, deployBlock)
	return w
}

func (w *world) newParty(key *ecdsa.PrivateKey, registry common.Address, deployBlock uint64) *party {
	t := w.t
	c, err := acl.New(w.ctx, w.backend, registry, key, nil)
	if err != nil {
		t.Fatal(err)
	}
	seed := make([]byte, 32)
	rand.Read(seed)
	f, err := reencrypt.NewSecretKeyFactory(seed)
	if err != nil {
		t.Fatal(err)
	}
	p := &party{key: key, signer: reencrypt.NewSigner(f.MakeKey([]byte("pdx/signing"))), receiving: f.MakeKey([]byte("pdx/receiving"))}
	p.svc, err = service.New(w.ctx, service.Config{
		Chain: c, Account: key, Store: w.store, Signer: p.signer, Receiving: p.receiving,
		DeployBlock: deployBlock, HTTP: &http.Client{Timeout: 10 * time.Second}, AllowPrivateEndpoints: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.svc.EnsureKeys(w.ctx); err != nil {
		t.Fatal(err)
	}
	return p
}

// proxy starts a `pdx proxy` process for key in a fresh state directory.
func (w *world) proxy(key *ecdsa.PrivateKey) *proxyProc {
	dir := w.t.TempDir()
	return startProxy(w.t, w.args, dir, writeKey(w.t, w.t.TempDir(), keyBytes(key)), "")
}

// restart starts a proxy again on its state directory, key and address.
func (w *world) restart(p *proxyProc) *proxyProc {
	return startProxy(w.t, w.args, p.dir, p.keyFile, p.started.Listen)
}

// put stores data as a new dataset's first version.
func (w *world) put(data []byte) (uint64, cid.Cid) {
	t := w.t
	k, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	ds, err := w.owner.svc.CreateDataset(w.ctx, k)
	if err != nil {
		t.Fatal(err)
	}
	w.dsKeys[ds] = k
	res, err := w.owner.svc.Put(w.ctx, ds, k, bytes.NewReader(data), "e2e")
	if err != nil {
		t.Fatal(err)
	}
	c, err := cid.Decode(res.CID)
	if err != nil {
		t.Fatal(err)
	}
	return ds, c
}

func (w *world) grant(ds uint64, proxies []common.Address, threshold int) *service.GrantResult {
	w.t.Helper()
	res, err := w.owner.svc.Grant(w.ctx, service.GrantRequest{
		Dataset: ds, DatasetKey: w.dsKeys[ds], Grantee: w.brand.svc.Address(),
		Expiry: time.Now().Add(24 * time.Hour), Purpose: "e2e", Threshold: threshold, Proxies: proxies,
	})
	if err != nil {
		w.t.Fatalf("grant of dataset %d: %v", ds, err)
	}
	return res
}

func (w *world) get(c cid.Cid) ([]byte, error) {
	ctx, cancel := context.WithTimeout(w.ctx, 30*time.Second)
	defer cancel()
	var buf bytes.Buffer
	_, err := w.brand.svc.Get(ctx, c, &buf)
	return buf.Bytes(), err
}

// getEventually retries Get until it succeeds (the proxies learn of a grant
// from the chain at their next poll) and returns the bytes and how long it
// took.
func (w *world) getEventually(c cid.Cid, within time.Duration) ([]byte, time.Duration) {
	w.t.Helper()
	start := time.Now()
	for {
		got, err := w.get(c)
		if err == nil {
			return got, time.Since(start)
		}
		if time.Since(start) > within {
			w.t.Fatalf("get of %s still failing after %s: %v", c, within, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ask requests one cfrag from the given proxies directly as the brand,
// verifying each against the keys of dataset ds.
func (w *world) ask(ds uint64, c cid.Cid, eps []proxy.Endpoint, threshold int) ([]*reencrypt.VerifiedCapsuleFrag, error) {
	h, err := envstore.Open(w.ctx, w.store, c)
	if err != nil {
		return nil, err
	}
	capsule, err := h.UmbralCapsule()
	if err != nil {
		return nil, err
	}
	cl := &proxy.Client{HTTP: &http.Client{Timeout: 10 * time.Second}, Domain: w.brand.svc.Domain(), Key: w.brand.key, Purpose: service.DefaultReadPurpose}
	vk, pkA, pkB := w.owner.signer.VerifyingKey(), w.dsKeys[ds].PublicKey(), w.brand.receiving.PublicKey()
	return cl.CFrags(w.ctx, ds, capsule, eps, threshold, func(cf *reencrypt.CapsuleFrag) (*reencrypt.VerifiedCapsuleFrag, error) {
		return cf.Verify(capsule, vk, pkA, pkB)
	})
}

func endpoint(p *proxyProc) proxy.Endpoint {
	return proxy.Endpoint{Address: common.HexToAddress(p.started.Address), URL: p.url()}
}

func addrs(ps ...*proxyProc) []common.Address {
	out := make([]common.Address, len(ps))
	for i, p := range ps {
		out[i] = common.HexToAddress(p.started.Address)
	}
	return out
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// forger is a proxy that registers like an honest one but answers every
// request with a well-formed cfrag made from a kfrag of another grant: it
// parses, but does not verify against this grant's keys.
type forger struct {
	addr  common.Address
	srv   *httptest.Server
	asked atomic.Int64
}

func (w *world) startForger(key *ecdsa.PrivateKey, registry common.Address) *forger {
	t := w.t
	other, _ := reencrypt.GenerateSecretKey()
	kfrags, err := reencrypt.GenerateKFrags(other, w.brand.receiving.PublicKey(), w.owner.signer, 1, 1, true, true)
	if err != nil {
		t.Fatal(err)
	}
	f := &forger{addr: crypto.PubkeyToAddress(key.PublicKey)}
	f.srv = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		f.asked.Add(1)
		var body proxy.ReencryptBody
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
			return
		}
		raw, _ := hex.DecodeString(body.Capsule)
		capsule, err := reencrypt.CapsuleFromBytes(raw)
		if err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
			return
		}
		cf, err := reencrypt.Reencrypt(capsule, kfrags[0])
		if err != nil {
			http.Error(rw, err.Error(), http.StatusInternalServerError)
			return
		}
		rw.Header().Set("Content-Type", "application/json")
		json.NewEncoder(rw).Encode(proxy.ReencryptResponse{CFrag: hex.EncodeToString(cf.Bytes()), Block: 1})
	}))
	t.Cleanup(f.srv.Close)
	c, err := acl.New(w.ctx, w.backend, registry, key, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, hpkePub, err := bundle.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.RegisterProxy(w.ctx, f.srv.URL, hpkePub); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestProxyProcesses drives grants through three (and later four) `pdx
// proxy` processes on the embedded dev chain: the happy path, a proxy
// killed with -9 and restarted, a proxy that was down at grant time, a
// forging proxy, and revocation.
func TestProxyProcesses(t *testing.T) {
	built := make(chan struct{})
	go func() { defer close(built); pdxBinary(t) }()
	// pdxtest's network, its chain served over HTTP to the processes.
	n := pdxtest.New(t, pdxtest.Config{Accounts: 7, HTTP: true})
	ctx, ch := n.Ctx, n.Chain
	keys := ch.Accounts()
	api := startIPFS(t)
	<-built
	w := newWorld(t, ctx, ch.HTTPEndpoint(), ch.Registry(), ch.DeployBlock(), api, keys[0], keys[1])
	brand := w.brand.svc.Address()

	start := time.Now()
	p := []*proxyProc{w.proxy(keys[2]), w.proxy(keys[3]), w.proxy(keys[4])}
	late := w.proxy(keys[5]) // registered now, down at its grant
	for _, pp := range append(p, late) {
		if !pp.started.Registered || pp.started.Resumed || pp.started.FollowFrom != ch.DeployBlock() {
			t.Fatalf("first start of %s: %+v", pp.started.Address, pp.started)
		}
	}
	// Let the late proxy's follower pass its start block, so it has a
	// cursor to resume from, then stop it.
	late.waitFollowed(ctx, t, late.started.Block+1)
	late.stop()
	if code := late.exitCode(); code != 130 {
		t.Fatalf("pdx proxy stopped by SIGTERM exited %d, want 130 (interrupted)\n%s", code, late.stderr.String())
	}
	t.Logf("4 proxy processes started and registered in %s", time.Since(start).Round(time.Millisecond))

	// a. grant 2-of-3 → the brand gets the exact bytes.
	data1 := randomBytes(64 << 10)
	ds1, c1 := w.put(data1)
	start = time.Now()
	g1 := w.grant(ds1, addrs(p...), 2)
	grantTook := time.Since(start)
	got, took := w.getEventually(c1, 15*time.Second)
	if !bytes.Equal(got, data1) {
		t.Fatal("a: the brand got other bytes")
	}
	t.Logf("a: grant 2-of-3 mined in %s (block %d); first successful get %s later", grantTook.Round(time.Millisecond), g1.Block, took.Round(time.Millisecond))

	// b. kill -9 one proxy → 2 of 3 still serve. It is killed once it has
	// acknowledged the grant (its cursor is past the grant's block) and
	// stored its kfrag.
	p[0].waitFollowed(ctx, t, g1.Block+1)
	// The follower fetches the bundle in the background, so the kfrag may
	// land just after the cursor moved. (A request racing the follower may
	// make the proxy fetch the bundle twice, so the count is at least one.)
	for wait := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		m, err := p[0].metrics(ctx)
		if err == nil && m["pdx_proxy_kfrags_stored_total"] >= 1 {
			break
		}
		if time.Since(wait) > 10*time.Second {
			t.Fatalf("b: proxy 0 has not stored its kfrag 10s after following the grant: %v %v", m, err)
		}
	}
	p[0].kill()
	start = time.Now()
	if got, err := w.get(c1); err != nil || !bytes.Equal(got, data1) {
		t.Fatalf("b: get with proxy 0 killed: %v", err)
	}
	t.Logf("b: get with one proxy killed -9: %s", time.Since(start).Round(time.Millisecond))

	// c. the killed proxy's kfrag is on disk; restarted, it resumes from its
	// cursor and serves from the stored kfrag without fetching the bundle.
	st, err := p[0].grantFile(ds1, brand)
	if err != nil || st["kfrag"] == nil || st["kfrag"] == "" {
		t.Fatalf("c: proxy 0's kfrag did not survive kill -9: %v %v", st, err)
	}
	start = time.Now()
	p[0] = w.restart(p[0])
	s := p[0].started
	if !s.Resumed || s.FollowFrom <= g1.Block || s.Registered {
		t.Fatalf("c: restart did not resume from its cursor past the grant (block %d): %+v", g1.Block, s)
	}
	if cf, err := w.ask(ds1, c1, []proxy.Endpoint{endpoint(p[0])}, 1); err != nil || len(cf) != 1 {
		t.Fatalf("c: restarted proxy does not serve: %v", err)
	}
	m, err := p[0].metrics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m["pdx_proxy_follower_start_block"] != float64(s.FollowFrom) || m["pdx_proxy_kfrags_stored_total"] != 0 || m[`pdx_proxy_reencrypt_requests_total{outcome="ok"}`] != 1 {
		t.Fatalf("c: restarted proxy's metrics: start block %v (want %d), kfrags fetched %v (want 0: kept on disk), ok answers %v",
			m["pdx_proxy_follower_start_block"], s.FollowFrom, m["pdx_proxy_kfrags_stored_total"], m[`pdx_proxy_reencrypt_requests_total{outcome="ok"}`])
	}
	t.Logf("c: restarted after kill -9 in %s, resumed at block %d (deploy block %d), served from its stored kfrag", time.Since(start).Round(time.Millisecond), s.FollowFrom, ch.DeployBlock())

	// d. a proxy down at grant time picks its kfrag up when it comes back.
	data2 := randomBytes(4 << 10)
	ds2, c2 := w.put(data2)
	g2 := w.grant(ds2, addrs(late, p[1], p[2]), 2)
	start = time.Now()
	late = w.restart(late)
	if !late.started.Resumed || late.started.FollowFrom > g2.Block {
		t.Fatalf("d: the late proxy's cursor should be before the grant at block %d: %+v", g2.Block, late.started)
	}
	for {
		_, err := w.ask(ds2, c2, []proxy.Endpoint{endpoint(late)}, 1)
		if err == nil {
			break
		}
		if time.Since(start) > 15*time.Second {
			t.Fatalf("d: the late proxy does not serve 15s after its start: %v\n%s", err, late.stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got, err := w.get(c2); err != nil || !bytes.Equal(got, data2) {
		t.Fatalf("d: get of the second dataset: %v", err)
	}
	t.Logf("d: proxy down at the grant (block %d) served %s after it started", g2.Block, time.Since(start).Round(time.Millisecond))

	// e. a forging proxy among the three does not stop an honest 2-of-3
	// grant, and its cfrags are caught.
	forge := w.startForger(keys[6], ch.Registry())
	data3 := randomBytes(16 << 10)
	ds3, c3 := w.put(data3)
	w.grant(ds3, []common.Address{forge.addr, addrs(p[1])[0], addrs(p[2])[0]}, 2)
	got, took = w.getEventually(c3, 15*time.Second)
	if !bytes.Equal(got, data3) {
		t.Fatal("e: the brand got other bytes")
	}
	_, err = w.ask(ds3, c3, []proxy.Endpoint{{Address: forge.addr, URL: forge.srv.URL}}, 1)
	var refused *proxy.RefusedError
	if !errors.Is(err, reencrypt.ErrVerificationFailed) || !errors.As(err, &refused) || len(refused.Failures) != 1 || refused.Failures[0].Proxy != forge.addr {
		t.Fatalf("e: the forged cfrag was not caught and its proxy named: %v", err)
	}
	if forge.asked.Load() < 2 {
		t.Fatalf("e: the forger was asked %d times; the grant did not go through it", forge.asked.Load())
	}
	t.Logf("e: get with a forger among 3 proxies succeeded in %s; forger asked %d times, its cfrag rejected: %v", took.Round(time.Millisecond), forge.asked.Load(), err)

	// f. revoke → the brand's get is refused from the chain at once, with
	// the block; from the next block every honest proxy refuses too (asked
	// directly, as a brand that skipped the chain would); once they have
	// seen the event they name the revocation block, and the kfrags are
	// gone from disk.
	block, err := w.owner.svc.Revoke(ctx, ds1, brand)
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	var pe *proxy.Error
	if _, err := w.get(c1); !errors.Is(err, proxy.ErrRevoked) || !errors.As(err, &pe) || pe.Block != block {
		t.Fatalf("f: get right after the revocation (block %d): %v, want refused as revoked at that block", block, err)
	}
	all := []proxy.Endpoint{endpoint(p[0]), endpoint(p[1]), endpoint(p[2])}
	if _, err := w.ask(ds1, c1, all, 2); !errors.As(err, &refused) || refused.Got != 0 {
		t.Fatalf("f: the proxies right after the revocation (block %d): %v, want every proxy to refuse", block, err)
	}
	want := fmt.Sprintf("revoked at block %d", block)
	for {
		_, err = w.ask(ds1, c1, all, 2)
		if allRevoked(err, len(p)) && strings.Contains(err.Error(), want) {
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatalf("f: 10s after the revocation the error is %v; want ErrRevoked from every proxy saying %q", err, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Each proxy deletes its kfrag once its follower reaches the Revoked
	// event (a poll interval at most after the block).
	for i, pp := range p {
		for {
			st, err := pp.grantFile(ds1, brand)
			if err == nil && st["ended"] == "revoked" && (st["kfrag"] == nil || st["kfrag"] == "") {
				break
			}
			if time.Since(start) > 10*time.Second {
				t.Fatalf("f: proxy %d's state 10s after revocation: %v %v", i, st, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	t.Logf("f: revoked at block %d; every proxy named the block %s later: %v", block, time.Since(start).Round(time.Millisecond), err)

	// No proxy's state or log holds the plaintext, the file key or the
	// dataset key, raw or in hex (a 32-byte window of the plaintext stands
	// for all of it).
	h, err := envstore.Open(ctx, w.store, c1)
	if err != nil {
		t.Fatal(err)
	}
	fk, err := h.FileKeyForOwner(w.dsKeys[ds1])
	if err != nil {
		t.Fatal(err)
	}
	secrets := [][]byte{data1[1000:1032], fk[:], w.dsKeys[ds1].Bytes()}
	var dirs []string
	for i, pp := range append(p, late) {
		leakcheck.Text(t, fmt.Sprintf("proxy %d's log", i), pp.stderr.String(), secrets)
		dirs = append(dirs, pp.dir)
	}
	scanned := leakcheck.Dirs(t, secrets, dirs...)
	if scanned == 0 {
		t.Fatal("no proxy state to scan")
	}
	t.Logf("scanned %d proxy files and 4 logs: no plaintext, file key or dataset key", scanned)
}

// allRevoked reports whether err is n proxies' refusal, every one ErrRevoked.
func allRevoked(err error, n int) bool {
	var refused *proxy.RefusedError
	if !errors.Is(err, proxy.ErrRevoked) || !errors.As(err, &refused) || refused.Got != 0 || len(refused.Failures) != n {
		return false
	}
	for _, f := range refused.Failures {
		if !errors.Is(f.Err, proxy.ErrRevoked) {
			return false
		}
	}
	return true
}
