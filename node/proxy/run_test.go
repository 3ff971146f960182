package proxy_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/proxy"
)

type noBundles struct{}

func (noBundles) Bundle(context.Context, common.Hash) ([]byte, error) {
	return nil, errors.New("no bundles here")
}

// TestRun stands a proxy up as every caller does: it registers its endpoint
// and HPKE key, serves its API with the follower's metrics, registers
// nothing again when restarted unchanged, and stops with its context.
func TestRun(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ch, err := devchain.Open(ctx, devchain.Config{Dir: filepath.Join(t.TempDir(), "chain"), Accounts: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	chainID, err := ch.Client().ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var wrap func(http.Handler) http.Handler // RunConfig.WrapHandler of the next start
	start := func(ctx context.Context, key any) (*proxy.Running, error) {
		k, dir := ch.Accounts()[1], dir
		if key != nil {
			k, _ = crypto.GenerateKey()
			dir = t.TempDir()
		}
		c, err := acl.New(ctx, ch.Client(), ch.Registry(), k, nil)
		if err != nil {
			t.Fatal(err)
		}
		return proxy.Run(ctx, proxy.RunConfig{
			Config: proxy.Config{
				Dir: dir, Account: k, Bundles: noBundles{},
				Domain: proxyapi.Domain{ChainID: chainID, Registry: ch.Registry()},
			},
			Client: c, Endpoint: "http://proxy.example:8080", FromBlock: ch.DeployBlock(), Poll: 50 * time.Millisecond,
			WrapHandler: wrap,
		})
	}

	r, err := start(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Registered || r.FollowFrom != ch.DeployBlock() || r.Resumed {
		t.Fatalf("first start: registered %v, follow from %d (resumed %v); want a registration, from block %d", r.Registered, r.FollowFrom, r.Resumed, ch.DeployBlock())
	}
	reg, err := acl.New(ctx, ch.Client(), ch.Registry(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	on, err := reg.ProxyOf(ctx, r.Proxy.Address())
	if err != nil {
		t.Fatal(err)
	}
	if on.Endpoint != r.Endpoint || !bytes.Equal(on.HPKEKey, r.Proxy.HPKEPublicKey()) {
		t.Fatalf("on chain: %q %x; want %q and the current HPKE key %x", on.Endpoint, on.HPKEKey, r.Endpoint, r.Proxy.HPKEPublicKey())
	}
	resp, err := http.Get("http://" + r.Addr.String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "pdx_proxy_follower_start_block") {
		t.Fatalf("/metrics lacks the follower's metrics:\n%s", body)
	}
	if err := r.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := http.Get("http://" + r.Addr.String() + "/metrics"); err == nil {
		t.Fatal("the API still answers after Close")
	}

	// Unchanged, a restart sends no transaction; it stops with its context.
	// Its API is served through WrapHandler (a test's inspecting proxy).
	wrap = func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, req *http.Request) {
			rw.Header().Set("X-Wrapped", "yes")
			h.ServeHTTP(rw, req)
		})
	}
	runCtx, stop := context.WithCancel(ctx)
	r, err = start(runCtx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Registered {
		t.Fatal("a restart with the same endpoint and key registered again")
	}
	resp, err = http.Get("http://" + r.Addr.String() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Wrapped") != "yes" {
		t.Fatalf("/metrics through WrapHandler: status %d, X-Wrapped %q; want 200 and the wrapper's header", resp.StatusCode, resp.Header.Get("X-Wrapped"))
	}
	stop()
	if err := r.Wait(); err != nil {
		t.Fatalf("Wait after the context ended: %v", err)
	}

	// An account without ether is told so before it sends anything.
	if _, err := start(ctx, "unfunded"); !errors.Is(err, proxy.ErrUnfunded) {
		t.Fatalf("an unfunded account: %v, want ErrUnfunded", err)
	}
}
