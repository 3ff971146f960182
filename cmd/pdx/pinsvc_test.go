package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/testbin"
	"github.com/pdx-network/pdx/node/storage"
)

// TestDaemonReplicatesToPinningService runs `pdx pinsvc` in front of a
// real kubo daemon and an owner's `pdx daemon` (embedded defaults) with
// ipfs.pinning_service_url set through the environment: a version the
// owner puts ends up pinned on the service's kubo, and erasing the dataset
// removes that pin again.
func TestDaemonReplicatesToPinningService(t *testing.T) {
	ctx, root, ownerDir, _, ownerEnv, _ := twoHomes(t)
	const secret = "bearer:replica-secret"
	kd := testbin.StartIPFSDaemon(t, testbin.IPFSRepo(t, secret))
	replica, err := storage.OpenRemote(ctx, storage.RemoteConfig{API: kd.API, AuthSecret: secret})
	if err != nil {
		t.Fatal(err)
	}
	defer replica.Close()

	// The pinning service, in this process; its token from a file.
	tokenFile := filepath.Join(root, "pinsvc.token")
	if err := os.WriteFile(tokenFile, []byte("svc-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	svcCtx, stopSvc := context.WithCancel(ctx)
	out, errOut := new(syncBuffer), new(syncBuffer)
	svcDone := make(chan int, 1)
	go func() {
		svcDone <- run(svcCtx, []string{"--json", "pinsvc", "--dir", filepath.Join(root, "pinsvc"), "--ipfs-api", kd.API,
			"--listen", "127.0.0.1:0", "--token-file", tokenFile}, nil, out, errOut, []string{"PDX_PINSVC_IPFS_AUTH=" + secret})
	}()
	var started pinsvcStarted
	deadline := time.Now().Add(30 * time.Second)
	for json.Unmarshal(out.Bytes(), &started) != nil {
		select {
		case code := <-svcDone:
			t.Fatalf("pdx pinsvc exited with %d:\n%s", code, errOut)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("pdx pinsvc printed nothing in 30s:\n%s", errOut)
		}
		time.Sleep(50 * time.Millisecond)
	}
	defer func() {
		stopSvc()
		if code := <-svcDone; code != cli.ExitInterrupted {
			t.Errorf("pdx pinsvc stopped with %d, want %d", code, cli.ExitInterrupted)
		}
	}()

	env := append(ownerEnv, "PDX_IPFS_PINNING_SERVICE_URL="+started.URL, "PDX_IPFS_PINNING_SERVICE_TOKEN=svc-token")
	owner := startDaemon(t, ctx, ownerDir, env)
	if !strings.Contains(owner.stderr.String(), "replicating pins to a pinning service") {
		t.Errorf("the daemon does not say it replicates:\n%s", owner.stderr)
	}

	data := make([]byte, 200<<10)
	rand.Read(data)
	file := filepath.Join(root, "history.csv")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var put putResult
	start := time.Now()
	pdxJSON(t, ctx, env, &put, "--home", ownerDir, "put", file, "--dataset", "purchases")
	c, err := cid.Parse(put.CID)
	if err != nil {
		t.Fatal(err)
	}
	for {
		if ok, _ := replica.IsPinned(ctx, c); ok {
			break
		}
		if time.Since(start) > time.Minute {
			t.Fatalf("the service's kubo did not pin %s within a minute:\n%s\n%s", c, owner.stderr, errOut)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("version pinned on the replica %s after the put began", time.Since(start).Round(time.Millisecond))

	var erased eraseResult
	pdxJSON(t, ctx, env, &erased, "--home", ownerDir, "erase", "purchases", "--yes")
	start = time.Now()
	for {
		if ok, _ := replica.IsPinned(ctx, c); !ok {
			break
		}
		if time.Since(start) > time.Minute {
			t.Fatalf("the service's kubo still pins the erased version after a minute:\n%s", owner.stderr)
		}
		time.Sleep(100 * time.Millisecond)
	}

	// Bad configuration: a URL without its token is a config error (exit 7).
	code, _, stderr := pdx(t, ctx, append(ownerEnv, "PDX_IPFS_PINNING_SERVICE_URL="+started.URL), "--home", ownerDir, "daemon")
	if code != cli.ExitConfig || !strings.Contains(stderr, "pinning_service_token") {
		t.Errorf("daemon with a URL and no token: exit %d, want %d\n%s", code, cli.ExitConfig, stderr)
	}
}
