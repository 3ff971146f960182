package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// TestDaemonGrantsOnlyToItsLocalProxies: on the owner's embedded chain a
// stranger registers a proxy whose HPKE key it holds and another one whose
// endpoint aims at the owner's own kubo API (a 1-byte HPKE key, the old
// attack, is refused by the contract now). `pdx grant` with the defaults
// still works and shares the key among exactly the daemon's own three
// local proxies.
func TestDaemonGrantsOnlyToItsLocalProxies(t *testing.T) {
	ctx, root, ownerDir, brandDir, ownerEnv, brandEnv := twoHomes(t)
	owner := startDaemon(t, ctx, ownerDir, ownerEnv)
	ch := owner.node.Chain
	_, rogueHPKE, err := bundle.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	for i, hk := range [][]byte{rogueHPKE, rogueHPKE} {
		endpoint := "http://127.0.0.1:9/stranger"
		if i == 1 {
			endpoint = "http://127.0.0.1:5001/api/v0/shutdown?arg="
		}
		key, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		fund(t, ctx, ch, crypto.PubkeyToAddress(key.PublicKey))
		c, err := acl.New(ctx, ch.Client(), ch.Registry(), key, nil)
		if err != nil {
			t.Fatal(err)
		}
		// The dev chain's transaction pool can see the funding a moment
		// after its receipt: retry while it reports no funds.
		for {
			_, err := c.RegisterProxy(ctx, endpoint, hk)
			if err == nil {
				break
			}
			if !strings.Contains(err.Error(), "insufficient funds") || ctx.Err() != nil {
				t.Fatal(err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	file := filepath.Join(root, "data.csv")
	if err := os.WriteFile(file, []byte("a,b\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var put putResult
	pdxJSON(t, ctx, ownerEnv, &put, "--home", ownerDir, "put", file, "--dataset", "purchases")
	stopBrand := startBrand(t, ctx, owner.node, brandDir, portOf(brandEnv))
	defer stopBrand()
	brand, err := home.Load(brandDir)
	if err != nil {
		t.Fatal(err)
	}
	var g daemon.GrantResponse
	pdxJSON(t, ctx, ownerEnv, &g, "--home", ownerDir, "grant", "purchases", "--to", brand.Keys().Address.Hex(),
		"--purpose", "research", "--expires", "30d")
	got, want := slices.Clone(g.Proxies), slices.Clone(owner.node.started.Proxies)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("the grant's proxies %v, want exactly the daemon's local proxies %v", got, want)
	}
}
