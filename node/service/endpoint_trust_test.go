package service

import (
	"bytes"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"github.com/pdx-network/pdx/internal/testbin"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// registerRogue registers key's account as a proxy whose endpoint on chain
// is endpoint, with a valid HPKE key so that grants can name it, as anyone
// can.
func (w *world) registerRogue(key *ecdsa.PrivateKey, endpoint string) common.Address {
	w.t.Helper()
	hk, _, err := bundle.GenerateKey()
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := client(w.t, w.ctx, w.chain, key).RegisterProxy(w.ctx, endpoint, hk.PublicKey()); err != nil {
		w.t.Fatal(err)
	}
	return crypto.PubkeyToAddress(key.PublicKey)
}

// strict is s with private proxy endpoints refused, as on a home that is
// not on a dev network.
func strict(t *testing.T, s *Service) *Service {
	t.Helper()
	cfg := s.cfg
	cfg.AllowPrivateEndpoints, cfg.HTTP = false, nil
	out, err := New(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUnsafeProxyEndpointsAreNeverDialled is the SSRF attack: a proxy
// the owner chose for a grant turns rogue and moves its endpoint on chain
// to a service on the victim's own machine (the kubo shutdown URL;
// then, off a dev network, any loopback address). The owner's grant
// refuses such an endpoint up front; and once the grant is made, the
// brand's get and the owner's receipts fetch never connect to it: the
// proxy is reported as failing with the reason, and the get still succeeds
// through the other proxies.
func TestUnsafeProxyEndpointsAreNeverDialled(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	data := []byte("the owner's purchase history")
	ds, c := w.put(data)
	kubo, accepts := testbin.CountingListener(t)
	attack := "http://" + kubo.Addr().String() + "/api/v0/shutdown?arg="
	rogue := w.registerRogue(keys[5], attack)
	named := []common.Address{w.proxies[0].p.Address(), w.proxies[1].p.Address(), rogue}
	if _, err := w.owner.Grant(w.ctx, GrantRequest{
		Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(), Expiry: time.Now().Add(time.Hour),
		Purpose: "research", Threshold: 2, Proxies: named,
	}); !errors.Is(err, ErrUnusableProxy) || !strings.Contains(err.Error(), rogue.Hex()) {
		t.Fatalf("a grant naming the unsafe endpoint: %v, want ErrUnusableProxy naming it", err)
	}
	// Registered with a plain endpoint, chosen, then moved.
	w.registerRogue(keys[5], "http://"+kubo.Addr().String())
	if _, err := w.owner.Grant(w.ctx, GrantRequest{
		Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(), Expiry: time.Now().Add(time.Hour),
		Purpose: "research", Threshold: 2, Proxies: named,
	}); err != nil {
		t.Fatal(err)
	}
	w.registerRogue(keys[5], attack)
	w.sync()

	// A dev network: loopback is allowed, the query string is not.
	var buf bytes.Buffer
	res, err := w.brand.Get(w.ctx, c, &buf)
	if err != nil || !bytes.Equal(buf.Bytes(), data) {
		t.Fatalf("get through the two honest proxies: %v", err)
	}
	if f := strings.Join(res.Failures, "\n"); !strings.Contains(f, rogue.Hex()) || !strings.Contains(f, "query") {
		t.Fatalf("the refused proxy is not reported with its reason: %q", f)
	}
	_, failed, err := w.owner.Receipts(w.ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0].Proxy != rogue || !errors.Is(failed[0].Err, acl.ErrUnsafeEndpoint) {
		t.Fatalf("receipts: failures %v, want the rogue proxy refused as unsafe", failed)
	}

	// Off a dev network: every loopback endpoint is refused, none dialled.
	_, err = strict(t, w.brand).Get(w.ctx, c, io.Discard)
	var refused *proxy.RefusedError
	if !errors.As(err, &refused) || !errors.Is(err, acl.ErrUnsafeEndpoint) || len(refused.Failures) != 3 ||
		!strings.Contains(err.Error(), "endpoint on chain refused as unsafe") || !strings.Contains(err.Error(), rogue.Hex()) {
		t.Fatalf("strict get: %v, want all 3 proxies refused as unsafe, named", err)
	}
	_, failed, err = strict(t, w.owner).Receipts(w.ctx, ds)
	if !errors.Is(err, proxy.ErrUnavailable) || len(failed) != 3 {
		t.Fatalf("strict receipts: %v %v, want every proxy refused", err, failed)
	}
	for _, f := range failed {
		want := "loopback"
		if f.Proxy == rogue {
			want = "query"
		}
		if !errors.Is(f.Err, acl.ErrUnsafeEndpoint) || !strings.Contains(f.Err.Error(), want) {
			t.Fatalf("strict receipts: %v, want refused (%s)", f, want)
		}
	}
	time.Sleep(100 * time.Millisecond)
	if n := accepts.Load(); n != 0 {
		t.Fatalf("the service behind the rogue endpoint accepted %d connections", n)
	}
}

// TestForgedReceiptsNeverReachTheLog is a rogue proxy of a grant writing
// into the owner's access log: to the receipts it really made it adds one
// naming 0x…dEaD as the reader, one for a foreign dataset, one for a reader
// with no grant, one made to another proxy, and a replay of a real read
// dated after the owner re-granted the reader without this proxy, a real
// read listed twice, and a real read moved to a time its signed request
// never allowed. Only the real reads reach the log, once each; each forgery
// is reported with its reason.
func TestForgedReceiptsNeverReachTheLog(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	rogueKey := keys[5]
	dead := common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	var ds uint64
	forge := func(real []proxy.Receipt) []proxy.Receipt {
		rogue := crypto.PubkeyToAddress(rogueKey.PublicKey)
		signed := func(req proxy.ReencryptRequest, reader common.Address, block uint64) proxy.Receipt {
			sig, err := req.Sign(w.owner.Domain(), rogueKey)
			if err != nil {
				t.Error(err)
			}
			return proxy.Receipt{Request: req, Signature: hex.EncodeToString(sig), Grantee: reader, Block: block, Time: time.Now()}
		}
		out := append([]proxy.Receipt(nil), real...)
		for _, r := range real {
			deadRead := r
			deadRead.Grantee = dead
			late := r
			late.Block += 1_000_000
			misdated := r // a real read, moved to a time the request never allowed
			misdated.Time = r.Time.Add(2 * time.Hour)
			out = append(out, deadRead, late, r, misdated) // r again: one read listed twice
		}
		req := proxy.ReencryptRequest{Proxy: rogue, Dataset: ds, CapsuleHash: common.HexToHash("0x01"), Nonce: proxy.NewNonce(), Deadline: 1 << 40}
		foreign := req
		foreign.Dataset = ds + 1000
		elsewhere := req
		elsewhere.Proxy = w.proxies[0].p.Address()
		return append(out,
			signed(req, rogue, 10),       // a reader with no grant
			signed(foreign, rogue, 10),   // another dataset
			signed(elsewhere, rogue, 10)) // a request made to another proxy
	}
	rp := w.startProxyWrapped(rogueKey, t.TempDir(), func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/v1/receipts" {
				h.ServeHTTP(rw, r)
				return
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			var rr proxy.ReceiptsResponse
			if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &rr) != nil {
				t.Errorf("the rogue's own receipts: %d %s", rec.Code, rec.Body)
			}
			rr.Receipts = forge(rr.Receipts)
			rw.Header().Set("Content-Type", "application/json")
			json.NewEncoder(rw).Encode(rr)
		})
	})
	w.proxies = append(w.proxies, rp)
	ds, c := w.put([]byte("profile"))
	grant := func(proxies ...*testProxy) {
		var addrs []common.Address
		for _, p := range proxies {
			addrs = append(addrs, p.p.Address())
		}
		if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
			Expiry: time.Now().Add(time.Hour), Purpose: "research", Threshold: 3, Proxies: addrs}); err != nil {
			t.Fatal(err)
		}
		w.sync()
	}
	grant(w.proxies[0], w.proxies[1], rp)
	if _, err := w.get(c); err != nil {
		t.Fatalf("get %s: %v", c, err)
	}
	grant(w.proxies[0], w.proxies[1], w.proxies[2])

	rs, failed, err := w.owner.Receipts(w.ctx, ds)
	if err != nil {
		t.Fatal(err)
	}
	byProxy := map[common.Address]int{}
	for _, r := range rs {
		if r.Reader != w.brand.Address() {
			t.Errorf("a forged receipt reached the log: %s read capsule %s through %s", r.Reader.Hex(), r.CapsuleHash.Hex(), r.Proxy.Hex())
		}
		byProxy[r.Proxy]++
	}
	if len(rs) != 3 || byProxy[rp.p.Address()] != 1 {
		t.Fatalf("log has %d receipts (%v), want the 3 real reads, 1 by the rogue", len(rs), byProxy)
	}
	reasons := map[string]bool{}
	for _, f := range failed {
		if f.Proxy != rp.p.Address() || !errors.Is(f.Err, ErrBadReceipt) {
			t.Fatalf("failure %v, want only the rogue's receipts dropped as ErrBadReceipt", f)
		}
		for _, why := range []string{"not by the reader it names", "not one of the proxies of the reader's grant",
			"had no grant", "it names dataset", "made to proxy", "listed more than once", "outside the request's signed window"} {
			if strings.Contains(f.Err.Error(), why) {
				reasons[why] = true
			}
		}
	}
	if len(failed) != 7 || len(reasons) != 7 {
		t.Fatalf("%d dropped receipts with reasons %v, want the 7 forgeries each with its reason: %v", len(failed), reasons, failed)
	}
}
