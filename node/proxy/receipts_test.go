package proxy

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
)

// TestReceiptsURLReplayRefused replays a signed /v1/receipts URL, as
// anyone who saw it (a reverse proxy's access log, a shared terminal) could:
// the owner's request is answered once, the replay is refused, also after
// the proxy restarts.
func TestReceiptsURLReplayRefused(t *testing.T) {
	w := newTestWorld(t)
	dir := t.TempDir()
	p := w.newProxy(dir, nil)
	req := proxyapi.ReceiptsRequest{Proxy: p.Address(), Dataset: w.dataset, Nonce: proxyapi.NewNonce(), Deadline: uint64(time.Now().Add(time.Minute).Unix())}
	sig, err := req.Sign(w.domain, w.ownerKey)
	if err != nil {
		t.Fatal(err)
	}
	url := fmt.Sprintf("/v1/receipts?dataset=%d&nonce=%s&deadline=%d&signature=%s", req.Dataset, req.Nonce.Hex(), req.Deadline, hex.EncodeToString(sig))
	get := func(p *Proxy) (int, *proxyapi.Error) {
		rec := httptest.NewRecorder()
		p.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
		var eb proxyapi.ErrorBody
		_ = json.Unmarshal(rec.Body.Bytes(), &eb)
		return rec.Code, eb.Error
	}
	if code, e := get(p); code != http.StatusOK {
		t.Fatalf("the owner's request: HTTP %d %v, want 200", code, e)
	}
	if code, e := get(p); code != http.StatusConflict || e == nil || e.Code != proxyapi.CodeReplayed {
		t.Fatalf("the same URL again: HTTP %d %v, want 409 replayed", code, e)
	}
	restarted := w.newProxy(dir, func(c *Config) { c.Account = p.cfg.Account })
	if code, e := get(restarted); code != http.StatusConflict || e == nil || e.Code != proxyapi.CodeReplayed {
		t.Fatalf("the same URL after a restart: HTTP %d %v, want 409 replayed", code, e)
	}
}
