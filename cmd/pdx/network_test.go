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
	def := config.Default()
	// Hold the default API port (or see it held by someone else already).
	ln, err := net.Listen("tcp", def.API.Listen)
	if err == nil {
		defer ln.Close()
	}
	c, changed, err := ownerConfig()
	if err != nil {
		t.Fatal(err)
	}
	if !changed || c.API.Listen == def.API.Listen || !strings.HasPrefix(c.API.Listen, "127.0.0.1:") {
		t.Fatalf("with %s held, api.listen = %q (changed %v)", def.API.Listen, c.API.Listen, changed)
	}
	if !portFree(c.API.Listen) {
		t.Errorf("the chosen %s is not free", c.API.Listen)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
}
