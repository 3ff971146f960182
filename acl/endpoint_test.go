package acl_test

import (
	"context"
	"errors"
	"github.com/pdx-network/pdx/internal/testbin"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/acl"
)

// TestCheckEndpointRefusesSSRF: endpoints a stranger can register on chain
// that would make an owner or a brand send requests to its own machine or
// network, or smuggle parameters into another service, are refused; plain
// public proxy URLs pass, and allowPrivate (a dev network) lets loopback and
// private addresses through but never the other refusals.
func TestCheckEndpointRefusesSSRF(t *testing.T) {
	for _, tc := range []struct {
		endpoint string
		ok       bool // with allowPrivate false
		okDev    bool // with allowPrivate true
		why      string
	}{
		{"https://proxy.example.org", true, true, ""},
		{"https://proxy.example.org:8700/pdx/", true, true, ""},
		{"http://93.184.216.34:8700", true, true, ""},
		{"http://[2606:2800:220:1::1]:8700", true, true, ""},
		// The example: kubo's shutdown on the caller's machine.
		{"http://127.0.0.1:5001/api/v0/shutdown?arg=", false, false, "query"},
		{"http://127.0.0.1:5001", false, true, "loopback"},
		{"http://127.1.2.3:80", false, true, "loopback"},
		{"http://[::1]:8700", false, true, "loopback"},
		{"http://[::ffff:127.0.0.1]:8700", false, true, "loopback"},
		{"http://localhost:8700", false, true, "this machine"},
		{"http://LocalHost.:8700", false, true, "this machine"},
		{"http://api.localhost:8700", false, true, "this machine"},
		{"http://10.0.0.5:8700", false, true, "private"},
		{"http://172.16.3.4", false, true, "private"},
		{"http://192.168.1.1", false, true, "private"},
		{"http://[fd00::1]:8700", false, true, "private"},
		{"http://169.254.169.254/latest/meta-data", false, true, "link-local"},
		{"http://[fe80::1]:8700", false, true, "link-local"},
		{"http://0.0.0.0:8700", false, true, "unspecified"},
		{"http://0.1.2.3:8700", false, true, "unspecified"},
		{"http://[::]:8700", false, true, "unspecified"},
		{"http://224.0.0.1", false, true, "multicast"},
		{"http://[ff02::1]", false, true, "multicast"},
		{"http://100.64.1.1", false, true, "CGNAT"},
		{"http://[64:ff9b::7f00:1]:8700", false, true, "NAT64"},
		{"ftp://proxy.example.org", false, false, "scheme"},
		{"file:///etc/passwd", false, false, "scheme"},
		{"gopher://proxy.example.org:70/_x", false, false, "scheme"},
		{"proxy.example.org:8700", false, false, "scheme"},
		{"http:proxy.example.org", false, false, "hierarchical"},
		{"http://user:pw@proxy.example.org", false, false, "credentials"},
		{"http://proxy.example.org/x?", false, false, "query"},
		{"http://proxy.example.org/#frag", false, false, "fragment"},
		{"http://proxy.example.org/#", false, false, "fragment"},
		{"http:///v1", false, false, "no host"},
		{"http://:8700", false, false, "no host"},
		{"http://proxy.example.org:0", false, false, "port"},
		{"http://proxy.example.org:99999", false, false, "port"},
		{"http://proxy.example.org/a b", false, false, "spaces"},
		{"http://proxy.example.org/\r\nX-Injected: 1", false, false, "control"},
		{"", false, false, "scheme"},
		{"https://" + strings.Repeat("a", 3000) + ".example", false, false, "longer"},
	} {
		for _, dev := range []bool{false, true} {
			want := tc.ok
			if dev {
				want = tc.okDev
			}
			u, err := acl.CheckEndpoint(tc.endpoint, dev)
			if want {
				if err != nil || u == nil {
					t.Errorf("CheckEndpoint(%q, allowPrivate=%v) refused a valid endpoint: %v", tc.endpoint, dev, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("CheckEndpoint(%q, allowPrivate=%v) accepted it, want refused (%s)", tc.endpoint, dev, tc.why)
				continue
			}
			var ee *acl.EndpointError
			if !errors.Is(err, acl.ErrUnsafeEndpoint) || !errors.As(err, &ee) || ee.Endpoint != tc.endpoint {
				t.Errorf("CheckEndpoint(%q): %v, want an *EndpointError wrapping ErrUnsafeEndpoint", tc.endpoint, err)
			}
			if !strings.Contains(err.Error(), tc.why) {
				t.Errorf("CheckEndpoint(%q): %q does not say why (%s)", tc.endpoint, err, tc.why)
			}
		}
	}
}

// TestSafeDialerRefusesAtConnectTime: whatever name an endpoint used (here
// one that passes CheckEndpoint, as a rebinding name would), the connection
// to a loopback address is refused before it is made: the listener never
// accepts. On a dev network the same dial goes through.
func TestSafeDialerRefusesAtConnectTime(t *testing.T) {
	ln, accepts := testbin.CountingListener(t)
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	// A name that resolves to loopback at dial time, standing for a
	// rebinding name: the resolver answers what the attacker's DNS would.
	rebinding := "rebind.example.org"
	if _, err := acl.CheckEndpoint("http://"+rebinding+":"+port, false); err != nil {
		t.Fatalf("the name passes the static check, as a rebinding name would: %v", err)
	}
	d := acl.SafeDialer(false)
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		// Resolve as the attacker's DNS would, then dial the address.
		_, p, _ := net.SplitHostPort(addr)
		return d.DialContext(ctx, network, net.JoinHostPort("127.0.0.1", p))
	}}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+rebinding+":"+port+"/v1/receipts", nil)
	_, err := (&http.Client{Transport: tr}).Do(req)
	if !errors.Is(err, acl.ErrUnsafeEndpoint) || !strings.Contains(err.Error(), "loopback") {
		t.Fatalf("dial to loopback: %v, want ErrUnsafeEndpoint naming loopback", err)
	}
	for _, addr := range []string{ln.Addr().String(), "[::1]:" + port, "localhost:" + port} {
		if c, err := d.DialContext(ctx, "tcp", addr); err == nil {
			c.Close()
			t.Fatalf("SafeDialer(false) connected to %s", addr)
		} else if !errors.Is(err, acl.ErrUnsafeEndpoint) {
			t.Fatalf("dial %s: %v, want ErrUnsafeEndpoint", addr, err)
		}
	}
	time.Sleep(50 * time.Millisecond)
	if n := accepts.Load(); n != 0 {
		t.Fatalf("the loopback listener accepted %d connections through SafeDialer(false)", n)
	}

	c, err := acl.SafeDialer(true).DialContext(ctx, "tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("SafeDialer(true) (dev network) refused loopback: %v", err)
	}
	c.Close()
	deadline := time.Now().Add(2 * time.Second)
	for accepts.Load() != 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := accepts.Load(); n != 1 {
		t.Fatalf("dev network: %d accepts, want 1", n)
	}
}
