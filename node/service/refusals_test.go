package service

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/leakcheck"
	"github.com/pdx-network/pdx/node/envstore"
)

// TestReplayedRequestRefused: the same signed request sent twice is answered
// once; the second time the proxy says replayed.
func TestReplayedRequestRefused(t *testing.T) {
	w := newWorld(t)
	ds, c := w.put([]byte("replay me"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	capsule, err := w.brandHeader(c)
	if err != nil {
		t.Fatal(err)
	}
	tp := w.proxies[0]
	req := proxy.ReencryptRequest{Proxy: tp.p.Address(), Dataset: ds, CapsuleHash: crypto.Keccak256Hash(capsule.Bytes()),
		Purpose: "dpv:ServiceProvision", Nonce: proxy.NewNonce(), Deadline: uint64(time.Now().Add(time.Minute).Unix())}
	sig, err := req.Sign(w.owner.Domain(), w.brand.cfg.Account)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(proxy.ReencryptBody{Proxy: req.Proxy, Dataset: ds, Capsule: hex.EncodeToString(capsule.Bytes()),
		Purpose: req.Purpose, Nonce: req.Nonce, Deadline: req.Deadline, Signature: hex.EncodeToString(sig)})
	post := func() (int, string) {
		resp, err := http.Post(tp.srv.URL+"/v1/reencrypt", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	if code, msg := post(); code != http.StatusOK {
		t.Fatalf("first request: %d %s", code, msg)
	}
	if code, msg := post(); code != http.StatusConflict || !strings.Contains(msg, `"replayed"`) {
		t.Fatalf("replayed request: %d %s, want 409 replayed", code, msg)
	}
}

// TestExpiredGrantRefused: once a block past the expiry exists, proxies
// refuse and say the grant expired.
func TestExpiredGrantRefused(t *testing.T) {
	w := newWorld(t)
	ds, c := w.put([]byte("short-lived"))
	// A chain's clock is its blocks' timestamps (a dev chain runs ahead of
	// the wall clock, one second per block at least).
	head, err := w.chain.Client().HeaderByNumber(w.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	expiry := time.Unix(int64(head.Time)+3, 0)
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: expiry, Purpose: "p", Threshold: 2}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if _, err := w.get(c); err != nil {
		t.Fatalf("before expiry: %v", err)
	}
	// Mine blocks until the chain's time passes the expiry.
	for {
		h, err := w.chain.Client().HeaderByNumber(w.ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if int64(h.Time) > expiry.Unix() {
			break
		}
		if _, err := w.owner.CreateDataset(w.ctx, w.dsKey); err != nil {
			t.Fatal(err)
		}
	}
	_, err = w.get(c)
	if !errors.Is(err, proxy.ErrExpired) || !strings.Contains(err.Error(), "expired") {
		t.Fatalf("after expiry: %v, want expired", err)
	}
}

// TestTwoProxiesDown: with t = 2 and two of three proxies gone, the brand
// gets one cfrag and an error saying the others are unreachable.
func TestTwoProxiesDown(t *testing.T) {
	w := newWorld(t)
	ds, c := w.put([]byte("needs two"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	w.proxies[0].srv.Close()
	w.proxies[1].srv.Close()
	_, err := w.get(c)
	var refused *proxy.RefusedError
	if !errors.As(err, &refused) || refused.Got != 1 || !strings.Contains(err.Error(), "2 unreachable") {
		t.Fatalf("two proxies down: %v", err)
	}
}

// TestProxyStateHoldsNoSecrets scans every file a proxy wrote after serving
// a grant: neither the plaintext nor the file key appears, raw or in hex.
func TestProxyStateHoldsNoSecrets(t *testing.T) {
	w := newWorld(t)
	data := []byte("secret-marker: Alex's purchase history, 2026")
	ds, c := w.put(data)
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if got, err := w.get(c); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("get: %v", err)
	}
	h, err := envstore.Open(w.ctx, w.ownerFS, c)
	if err != nil {
		t.Fatal(err)
	}
	fk, err := h.FileKeyForOwner(w.dsKey)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, tp := range w.proxies {
		dirs = append(dirs, tp.dir)
	}
	files := leakcheck.Dirs(t, [][]byte{data, fk[:], w.dsKey.Bytes()}, dirs...)
	if files == 0 {
		t.Fatal("the proxies wrote no state to scan")
	}
}

// TestForgedCFragNamed: a proxy that answers first with a forged cfrag is
// caught by verification, the honest proxies cover for it, and the brand is
// told which proxy forged.
func TestForgedCFragNamed(t *testing.T) {
	w := newWorld(t)
	keys := w.chain.Accounts()
	slow := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			time.Sleep(300 * time.Millisecond)
			h.ServeHTTP(rw, r)
		})
	}
	forge := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			var resp proxy.ReencryptResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &resp); err == nil && resp.CFrag != "" {
				b, _ := hex.DecodeString(resp.CFrag)
				b[314] ^= 1 // the low bit of the proof's z: well-formed, wrong
				resp.CFrag = hex.EncodeToString(b)
			}
			rw.Header().Set("Content-Type", "application/json")
			rw.WriteHeader(rec.Code)
			json.NewEncoder(rw).Encode(resp)
		})
	}
	forger := w.startProxyWrapped(keys[5], t.TempDir(), forge)
	honest := []*testProxy{w.startProxyWrapped(keys[6], t.TempDir(), slow), w.startProxyWrapped(keys[7], t.TempDir(), slow)}
	w.proxies = append(w.proxies, forger, honest[0], honest[1])

	ds, c := w.put([]byte("forgery is caught"))
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), Purpose: "p", Threshold: 2,
		Proxies: []common.Address{forger.p.Address(), honest[0].p.Address(), honest[1].p.Address()}}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	var buf bytes.Buffer
	res, err := w.brand.Get(w.ctx, c, &buf)
	if err != nil {
		t.Fatalf("the honest 2 of 3 did not cover for the forger: %v", err)
	}
	named := false
	for _, f := range res.Failures {
		if strings.HasPrefix(f, forger.p.Address().Hex()) && strings.Contains(f, "verification failed") {
			named = true
		}
	}
	if !named {
		t.Fatalf("the forger %s is not named: %q", forger.p.Address().Hex(), res.Failures)
	}
}
