package main

import (
	"net"
	"strings"
	"testing"

	"github.com/pdx-network/pdx/internal/config"
)

// TestOwnerConfigPorts: a new home keeps the default ports that are free
// and replaces one another program holds with a free port, so a second
// home on the machine never collides with the first.
func TestOwnerConfigPorts(t *testing.T) {
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	freeAddr := free.Addr().String()
	free.Close()

	// Free: kept as it is.
	c := config.Default()
	c.API.Listen = freeAddr
	c.IPFS.ListenAddrs = []string{"/ip4/127.0.0.1/tcp/" + strings.TrimPrefix(freeAddr, "127.0.0.1:")}
	got, changed, err := freeDefaults(c)
	if err != nil || changed || got.API.Listen != freeAddr {
		t.Fatalf("with %s free: api.listen %q, changed %v, %v", freeAddr, got.API.Listen, changed, err)
	}
	// Held: replaced by a free port.
	c = config.Default()
	c.API.Listen = held.Addr().String()
	c.IPFS.ListenAddrs = []string{"/ip4/127.0.0.1/tcp/" + strings.TrimPrefix(held.Addr().String(), "127.0.0.1:")}
	got, changed, err = freeDefaults(c)
	if err != nil || !changed || got.API.Listen == held.Addr().String() || !strings.HasPrefix(got.API.Listen, "127.0.0.1:") {
		t.Fatalf("with %s held: api.listen %q, changed %v, %v", held.Addr(), got.API.Listen, changed, err)
	}
	if got.IPFS.ListenAddrs[0] == c.IPFS.ListenAddrs[0] && got.IPFS.ListenAddrs[0] == "/ip4/127.0.0.1/tcp/"+strings.TrimPrefix(held.Addr().String(), "127.0.0.1:") {
		t.Errorf("ipfs.listen_addrs kept the held port: %v", got.IPFS.ListenAddrs)
	}
	if !portFree(got.API.Listen) {
		t.Errorf("the chosen %s is not free", got.API.Listen)
	}
	if err := got.Validate(); err != nil {
		t.Fatal(err)
	}
}
