package storage

import (
	"context"
	"testing"
	"time"

	"github.com/pdx-network/pdx/internal/testbin"
)

// The kubo daemon the remote tests talk to is built from the module pinned
// in go.mod (internal/testbin), so the tests exercise exactly the kubo pdx
// is built against.

// testSecret is what every test daemon requires in the Authorization header.
const testSecret = "bearer:pdx-storage-test-token"

// initDaemonRepo makes a repository for a test daemon: kubo's test profile
// (loopback only, no bootstrap, no AutoConf) plus an RPC authorization, so
// every remote test also exercises authenticated access.
func initDaemonRepo(t testing.TB) string { return testbin.IPFSRepo(t, testSecret) }

type daemon = testbin.IPFSDaemon

// startDaemon runs `ipfs daemon` on dir until the test ends.
func startDaemon(t testing.TB, dir string) *daemon { return testbin.StartIPFSDaemon(t, dir) }

// openRemote connects a Remote to d with the test secret.
func openRemote(t testing.TB, d *daemon) *Remote {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if d.API == "" {
		t.Fatalf("the daemon on %s has no RPC API (Addresses.API is empty)", d.Dir)
	}
	r, err := OpenRemote(ctx, RemoteConfig{API: d.API, AuthSecret: testSecret})
	if err != nil {
		t.Fatalf("OpenRemote(%s): %v", d.API, err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// openEmbedded starts an embedded node confined to loopback in a fresh dir.
func openEmbedded(t testing.TB) *Embedded {
	t.Helper()
	return openEmbeddedIn(t, t.TempDir())
}

func openEmbeddedIn(t testing.TB, dir string) *Embedded {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	e, err := OpenEmbedded(ctx, EmbeddedConfig{Dir: dir, Local: true})
	if err != nil {
		t.Fatalf("OpenEmbedded(%s): %v", dir, err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}
