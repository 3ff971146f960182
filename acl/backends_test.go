package acl_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/node"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/internal/simchain"
	"github.com/pdx-network/pdx/internal/testbin"
)

func TestMain(m *testing.M) {
	// go-ethereum logs every block at INFO level; the tests' output is theirs.
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	os.Exit(m.Run())
}

// newSimulated is the suite's env on go-ethereum's simulated backend (in
// memory, Osaka rules, a block per transaction), with nKeys funded accounts;
// the backend itself is returned for tests that fork its chain.
func newSimulated(t *testing.T) (*env, *simulated.Backend) {
	t.Helper()
	keys := newKeys(t, nKeys)
	alloc := types.GenesisAlloc{}
	for _, k := range keys {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: ether(100)}
	}
	sim := simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = devchain.ChainConfig()
	})
	t.Cleanup(func() { sim.Close() })
	return &env{name: "simulated", backend: simchain.NewAutoMine(sim), keys: keys}, sim
}

// TestSimulated runs the suite on go-ethereum's simulated backend (in
// memory, Osaka rules, a block per transaction).
func TestSimulated(t *testing.T) {
	e, _ := newSimulated(t)
	runConformance(t, e)
}

// TestDevchain runs the suite on the embedded persistent dev chain.
func TestDevchain(t *testing.T) {
	c, err := devchain.Open(testCtx(t), devchain.Config{Dir: t.TempDir(), Accounts: nKeys})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	runConformance(t, &env{name: "devchain", backend: c.Client(), keys: c.Accounts()})
}

// devKey is the account geth --dev creates and funds when its keystore is
// empty (go-ethereum's published developer key).
const devKey = testbin.GethDevKey

// startGeth runs `geth --dev` (mining a block per transaction) with its
// JSON-RPC on a random loopback port, and returns a client of it.
func startGeth(t *testing.T) *ethclient.Client {
	t.Helper()
	cl, err := ethclient.Dial(testbin.StartGeth(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cl.Close)
	return cl
}

// TestGethDev runs the suite on a real geth --dev process over HTTP
// JSON-RPC, its dev account funding the test accounts.
func TestGethDev(t *testing.T) {
	cl := startGeth(t)
	ctx := testCtx(t)
	dev, err := crypto.HexToECDSA(devKey)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := cl.BalanceAt(ctx, crypto.PubkeyToAddress(dev.PublicKey), nil); err != nil || b.Sign() == 0 {
		t.Fatalf("geth's dev account is not the expected funded account (balance %v, %v)", b, err)
	}
	keys := newKeys(t, nKeys)
	for _, k := range keys {
		if err := transfer(ctx, cl, dev, crypto.PubkeyToAddress(k.PublicKey), ether(100)); err != nil {
			t.Fatalf("funding: %v", err)
		}
	}
	runConformance(t, &env{name: "geth", backend: cl, keys: keys})
}

// TestDevchainRestart checks that the dev chain keeps its state: the
// Registry, accounts, datasets and grants are all there after a restart.
func TestDevchainRestart(t *testing.T) {
	ctx := testCtx(t)
	dir := t.TempDir()
	c, err := devchain.Open(ctx, devchain.Config{Dir: dir, Accounts: 2})
	if err != nil {
		t.Fatal(err)
	}
	keys := c.Accounts()
	e := &env{name: "devchain", backend: c.Client(), keys: keys}
	owner := ok(acl.New(ctx, c.Client(), c.Registry(), keys[0], nil))(t)
	id := newDataset(t, owner)
	cid := cidv1(t)
	if _, _, err := owner.AddCID(ctx, id, cid, rand32(t)); err != nil {
		t.Fatal(err)
	}
	brand := crypto.PubkeyToAddress(keys[1].PublicKey)
	ok(owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: brand, Expiry: time.Unix(int64(head(t, e).Time)+3600, 0), Threshold: 1}))
	registry, deployBlock := c.Registry(), c.DeployBlock()
	height := ok(c.Client().BlockNumber(ctx))(t)
	cursor := &acl.FileCursor{Path: filepath.Join(dir, "cursor"), Registry: registry}
	f := acl.NewFollower(c.Client(), registry, cursor)
	f.Start = deployBlock
	n := ok(f.Poll(ctx, func(context.Context, acl.Event) error { return nil }))(t)
	if n != 3 {
		t.Fatalf("%d events before restart, want 3", n)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	c, err = devchain.Open(ctx, devchain.Config{Dir: dir})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	if c.Registry() != registry || c.DeployBlock() != deployBlock {
		t.Fatalf("registry %s@%d after restart, was %s@%d", c.Registry().Hex(), c.DeployBlock(), registry.Hex(), deployBlock)
	}
	if got := c.Accounts(); len(got) != 2 || !got[0].Equal(keys[0]) {
		t.Fatal("accounts changed across the restart")
	}
	if h := ok(c.Client().BlockNumber(ctx))(t); h != height {
		t.Fatalf("height %d after restart, was %d", h, height)
	}
	owner = ok(acl.New(ctx, c.Client(), registry, keys[0], nil))(t)
	if r := ok(owner.DatasetOfCID(ctx, owner.From(), cid))(t); r.Dataset != id {
		t.Fatalf("cid record after restart %+v", r)
	}
	if !ok(owner.IsAuthorized(ctx, id, brand))(t) {
		t.Fatal("grant lost across the restart")
	}
	// The chain still makes blocks, and the follower resumes after its cursor.
	ok(owner.Revoke(ctx, id, brand))
	f = acl.NewFollower(c.Client(), registry, cursor)
	f.Start = deployBlock
	var names []string
	ok(f.Poll(ctx, func(_ context.Context, ev acl.Event) error { names = append(names, ev.Name); return nil }))
	if len(names) != 1 || names[0] != "Revoked" {
		t.Fatalf("events after restart %v, want [Revoked]", names)
	}
	if ok(owner.IsAuthorized(ctx, id, brand))(t) {
		t.Fatal("authorized after revoke")
	}
}
