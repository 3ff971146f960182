package pdxtest_test

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/pdx-network/pdx/node/internal/pdxtest"
	"github.com/pdx-network/pdx/node/storage"
)

// TestNetwork: the proxies New starts are registered on chain at the URL
// they serve, a wrapped proxy answers through its wrapper, and a block put
// on one store is read from another, which is connected to it.
func TestNetwork(t *testing.T) {
	n := pdxtest.New(t, pdxtest.Config{Accounts: 4, Stores: 2, Proxies: 2, FirstProxy: 1, Poll: -1})
	if len(n.Proxies) != 2 || len(n.Addresses()) != 2 || len(n.Endpoints()) != 2 {
		t.Fatalf("%d proxies, %d addresses, %d endpoints; want 2 each", len(n.Proxies), len(n.Addresses()), len(n.Endpoints()))
	}
	reader := n.Client(nil)
	for i, ep := range n.Endpoints() {
		on, err := reader.ProxyOf(n.Ctx, ep.Address)
		if err != nil || on.Endpoint != ep.URL || ep.Address != n.Proxies[i].Proxy.Address() {
			t.Fatalf("proxy %d on chain: %+v %v; want %s at %s", i, on, err, ep.Address, ep.URL)
		}
	}
	wrapped := n.StartProxy(n.Keys()[3], t.TempDir(), func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			rw.Header().Set("X-Pdxtest", "wrapped")
			h.ServeHTTP(rw, r)
		})
	})
	resp, err := http.Get(wrapped.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Pdxtest") != "wrapped" || len(n.Proxies) != 3 || len(n.Addresses()) != 2 {
		t.Fatalf("wrapped proxy: header %q, %d proxies, %d in the set; want the wrapper's header, 3, 2", resp.Header.Get("X-Pdxtest"), len(n.Proxies), len(n.Addresses()))
	}
	n.Sync()

	data := []byte("from one pdxtest store to the other")
	c, err := n.Stores[0].Add(n.Ctx, bytes.NewReader(data), storage.AddOptions{Name: "pdxtest"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := n.Stores[1].Get(n.Ctx, c)
	if err != nil {
		t.Fatalf("the second store cannot read the first's block: %v", err)
	}
	defer r.Close()
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read %q, %v; want %q", got, err, data)
	}
}
