package testbin

import (
	"net"
	"sync/atomic"
	"testing"
)

// CountingListener is a loopback listener that counts the connections it
// accepts and closes each at once: a stand-in for a service on the
// caller's own machine (kubo's API, say) that an SSRF endpoint would aim
// pdx at, so a test can show nothing ever connected to it.
func CountingListener(t testing.TB) (net.Listener, *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var n atomic.Int64
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			n.Add(1)
			c.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return ln, &n
}
