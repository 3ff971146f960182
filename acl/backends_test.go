package acl_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
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
)

var buildDir string

func TestMain(m *testing.M) {
	// go-ethereum logs every block at INFO level; the tests' output is theirs.
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	dir, err := os.MkdirTemp("", "pdx-acl-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	buildDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// autoMine makes the simulated backend seal a block for every transaction,
// as the dev chain and geth --dev do, so that clients can wait for receipts.
type autoMine struct {
	simulated.Client
	sim *simulated.Backend
	mu  sync.Mutex
}

func (a *autoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	a.sim.Commit()
	return nil
}

// TestSimulated runs the suite on go-ethereum's simulated backend (in
// memory, Osaka rules, a block per transaction).
func TestSimulated(t *testing.T) {
	keys := newKeys(t, nKeys)
	alloc := types.GenesisAlloc{}
	for _, k := range keys {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: ether(100)}
	}
	sim := simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = devchain.ChainConfig()
	})
	t.Cleanup(func() { sim.Close() })
	runConformance(t, &env{name: "simulated", backend: &autoMine{Client: sim.Client(), sim: sim}, keys: keys})
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

var (
	gethOnce sync.Once
	gethBin  string
	gethErr  error
)

// gethBinary builds geth from the go-ethereum module pinned in go.mod, once
// per test run.
func gethBinary(t *testing.T) string {
	t.Helper()
	gethOnce.Do(func() {
		bin := filepath.Join(buildDir, "geth")
		cmd := exec.Command("go", "build", "-o", bin, "github.com/ethereum/go-ethereum/cmd/geth")
		out, err := cmd.CombinedOutput()
		if err != nil {
			gethErr = fmt.Errorf("building geth from the module (needs the go command and the module cache; run `go mod download`): %v\n%s", err, out)
			return
		}
		gethBin = bin
	})
	if gethErr != nil {
		t.Fatal(gethErr)
	}
	return gethBin
}

// devKey is the account geth --dev creates and funds when its keystore is
// empty (go-ethereum's published developer key).
const devKey = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

var endpointRE = regexp.MustCompile(`HTTP server started\s.*endpoint=(127\.0\.0\.1:[0-9]+)`)

// startGeth runs `geth --dev` (mining a block per transaction) with its
// JSON-RPC on a random loopback port, and returns a client of it.
func startGeth(t *testing.T) *ethclient.Client {
	t.Helper()
	bin := gethBinary(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin,
		"--dev", "--dev.period", "0",
		"--datadir", t.TempDir(),
		"--http", "--http.addr", "127.0.0.1", "--http.port", "0", "--http.api", "eth,net,web3",
		"--nodiscover", "--maxpeers", "0", "--port", "0", "--authrpc.port", "0", "--ipcdisable",
		"--verbosity", "3",
	)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting geth: %v", err)
	}
	done := make(chan struct{})
	t.Cleanup(func() {
		cancel()
		<-done
	})
	found := make(chan string, 1)
	var tail []string
	var tailMu sync.Mutex
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if m := endpointRE.FindStringSubmatch(line); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
			tailMu.Lock()
			if tail = append(tail, line); len(tail) > 20 {
				tail = tail[1:]
			}
			tailMu.Unlock()
		}
		cmd.Wait()
	}()
	var endpoint string
	select {
	case endpoint = <-found:
	case <-done:
		tailMu.Lock()
		defer tailMu.Unlock()
		t.Fatalf("geth exited before serving JSON-RPC:\n%s", strings.Join(tail, "\n"))
	case <-time.After(60 * time.Second):
		t.Fatal("geth did not start its HTTP server within 60s")
	}
	cl, err := ethclient.Dial("http://" + endpoint)
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
	if r := ok(owner.DatasetOfCID(ctx, cid))(t); r.Dataset != id {
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
