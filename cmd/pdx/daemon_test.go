package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/internal/testbin"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/market"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
)

const lifecyclePassphrase = "daemon lifecycle passphrase"

// freePort returns a loopback port that was free a moment ago, outside
// the kernel's ephemeral range (testbin.FreePort).
func freePort(t *testing.T) string { return testbin.FreePort(t) }

// pdxEnv is the environment of one home's commands: its passphrase, its
// API port, and a libp2p port the system picks (two nodes share the
// machine).
func pdxEnv(dir, port string) []string {
	return []string{"HOME=" + dir, "PDX_PASSPHRASE=" + lifecyclePassphrase,
		"PDX_API_LISTEN=127.0.0.1:" + port, "PDX_IPFS_LISTEN_ADDRS=/ip4/127.0.0.1/tcp/0"}
}

// runningDaemon is `pdx daemon` running in this process through run().
type runningDaemon struct {
	node   *daemonNode
	cancel context.CancelFunc
	done   chan int
	stderr *syncBuffer
}

// syncBuffer is the daemon's stderr: written by its goroutines while the
// test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}

func (b *syncBuffer) String() string { return string(b.Bytes()) }

func startDaemon(t *testing.T, ctx context.Context, dir string, env []string) *runningDaemon {
	t.Helper()
	started := make(chan *daemonNode, 1)
	dctx, cancel := context.WithCancel(context.WithValue(ctx, startedHook{}, func(n *daemonNode) { started <- n }))
	d := &runningDaemon{cancel: cancel, done: make(chan int, 1), stderr: new(syncBuffer)}
	var stdout bytes.Buffer
	go func() { d.done <- run(dctx, []string{"--home", dir, "daemon"}, nil, &stdout, d.stderr, env) }()
	select {
	case d.node = <-started:
	case code := <-d.done:
		cancel()
		t.Fatalf("pdx daemon exited with %d before serving:\n%s", code, d.stderr)
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatalf("pdx daemon did not start within 60s")
	}
	t.Cleanup(func() { d.stop(t) })
	return d
}

// stop ends the daemon as SIGINT does and requires the documented 130.
func (d *runningDaemon) stop(t *testing.T) {
	t.Helper()
	if d.cancel == nil {
		return
	}
	d.cancel()
	d.cancel = nil
	select {
	case code := <-d.done:
		if code != cli.ExitInterrupted {
			t.Errorf("stopped daemon exited with %d, want %d:\n%s", code, cli.ExitInterrupted, d.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Errorf("the daemon did not stop within 30s")
	}
}

// pdx runs one CLI command through run() and returns its status and output.
func pdx(t *testing.T, ctx context.Context, env []string, args ...string) (int, []byte, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(ctx, args, nil, &stdout, &stderr, env)
	return code, stdout.Bytes(), stderr.String()
}

func pdxJSON(t *testing.T, ctx context.Context, env []string, out any, args ...string) {
	t.Helper()
	code, stdout, stderr := pdx(t, ctx, env, append([]string{"--json"}, args...)...)
	if code != 0 {
		t.Fatalf("pdx %v: exit %d\n%s%s", args, code, stdout, stderr)
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		t.Fatalf("pdx %v: %v in %q", args, err, stdout)
	}
}

// fund sends ether from the dev chain's first account (it deployed the
// Registry and is used by nobody else) to addr.
func fund(t *testing.T, ctx context.Context, ch *devchain.Chain, addr common.Address) {
	t.Helper()
	if err := testbin.Fund(ctx, ch.Client(), ch.Accounts()[0], new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether)), addr); err != nil {
		t.Fatal(err)
	}
}

// startBrand serves a brand's daemon API for the home in dir on port, on
// the owner's chain, with its own embedded IPFS node connected to the
// owner's. It returns a function that stops it.
func startBrand(t *testing.T, ctx context.Context, owner *daemonNode, dir, port string) func() {
	t.Helper()
	return startBrandOn(t, ctx, owner.Chain, owner.Store, dir, port)
}

// startBrandOn is startBrand on any dev chain, its IPFS node connected to
// ownerStore.
func startBrandOn(t *testing.T, ctx context.Context, ch *devchain.Chain, ownerStore storage.Store, dir, port string) func() {
	t.Helper()
	u, err := home.Open(dir, lifecyclePassphrase)
	if err != nil {
		t.Fatal(err)
	}
	fund(t, ctx, ch, u.Address())
	fs, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: filepath.Join(dir, "ipfs"), Local: true, Listen: []string{"/ip4/127.0.0.1/tcp/0"}})
	if err != nil {
		t.Fatal(err)
	}
	self, err := ownerStore.Self(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := fs.Connect(ctx, self); err != nil {
		t.Fatal(err)
	}
	s := brandService(t, ctx, ch, u, fs)
	tok, err := home.ReadToken(filepath.Join(dir, home.TokenFile))
	if err != nil {
		t.Fatal(err)
	}
	d, err := daemon.New(ctx, daemon.Config{Home: u, Service: s, Token: tok})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: d.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	return func() { srv.Close(); fs.Close(); u.Close() }
}

// eventually retries a CLI command until it exits with want (proxies learn
// of grants and revocations by following the chain, a poll away).
func eventually(t *testing.T, ctx context.Context, want int, env []string, args ...string) (int, []byte, string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		code, out, errOut := pdx(t, ctx, env, args...)
		if code == want || time.Now().After(deadline) {
			return code, out, errOut
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// TestDaemonLifecycle runs `pdx daemon` on the embedded defaults for a
// fresh home and drives it with the CLI: put, ls, grant to a brand, the
// brand's get (same bytes), revoke (the brand refused, no file left), log;
// then a restart that finds the same chain, datasets and proxies.
func TestDaemonLifecycle(t *testing.T) {
	ctx, root, ownerDir, brandDir, ownerEnv, brandEnv := twoHomes(t)
	owner := startDaemon(t, ctx, ownerDir, ownerEnv)
	first := owner.node.started
	if first.Chain != "embedded" || first.IPFS != "embedded" || len(first.Proxies) != 3 {
		t.Fatalf("started %+v, want the embedded defaults with three proxies", first)
	}
	if !bytes.Contains(owner.stderr.Bytes(), []byte("DEV ONLY")) {
		t.Errorf("no dev-only warning about local proxies in the log:\n%s", owner.stderr)
	}

	data := make([]byte, 300<<10)
	rand.Read(data)
	file := filepath.Join(root, "history.csv")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var put putResult
	pdxJSON(t, ctx, ownerEnv, &put, "--home", ownerDir, "put", file, "--dataset", "purchases")
	if put.Version != 1 || !put.Created || put.CID == "" {
		t.Fatalf("put: %+v, want version 1 of a new dataset", put)
	}
	var ls daemon.DatasetList
	pdxJSON(t, ctx, ownerEnv, &ls, "--home", ownerDir, "ls")
	if len(ls.Datasets) != 1 || ls.Datasets[0].Name != "purchases" || len(ls.Datasets[0].Versions) != 1 || ls.Datasets[0].Versions[0].CID != put.CID {
		t.Fatalf("ls: %+v, want purchases with version 1 %s", ls, put.CID)
	}

	stopBrand := startBrand(t, ctx, owner.node, brandDir, portOf(brandEnv))
	defer func() { stopBrand() }()
	brandKeys, err := home.Load(brandDir)
	if err != nil {
		t.Fatal(err)
	}
	brandAddr := brandKeys.Keys().Address.Hex()
	var g daemon.GrantResponse
	pdxJSON(t, ctx, ownerEnv, &g, "--home", ownerDir, "grant", "purchases", "--to", brandAddr, "--purpose", "loyalty analytics", "--expires", "30d", "--threshold", "2")
	if g.Grantee != brandAddr || g.Threshold != 2 || g.Block == 0 {
		t.Fatalf("grant: %+v", g)
	}
	out := filepath.Join(root, "got.csv")
	if code, _, errOut := eventually(t, ctx, 0, brandEnv, "--home", brandDir, "get", put.CID, "-o", out); code != 0 {
		t.Fatalf("brand get: exit %d: %s", code, errOut)
	}
	if got, err := os.ReadFile(out); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("brand get: %d bytes (%v), want the %d bytes put", len(got), err, len(data))
	}
	// To stdout too.
	if code, got, errOut := pdx(t, ctx, brandEnv, "--home", brandDir, "get", put.CID); code != 0 || !bytes.Equal(got, data) {
		t.Fatalf("brand get to stdout: exit %d, %d bytes: %s", code, len(got), errOut)
	}

	var rv daemon.RevokeResponse
	pdxJSON(t, ctx, ownerEnv, &rv, "--home", ownerDir, "revoke", "purchases", "--to", brandAddr)
	if rv.Block <= g.Block {
		t.Fatalf("revoke: %+v after grant at block %d", rv, g.Block)
	}
	refused := filepath.Join(root, "refused.csv")
	code, _, errOut := eventually(t, ctx, cli.ExitRefused, brandEnv, "--home", brandDir, "get", put.CID, "-o", refused)
	if code != cli.ExitRefused {
		t.Fatalf("brand get after revoke: exit %d, want %d: %s", code, cli.ExitRefused, errOut)
	}
	if left, _ := filepath.Glob(filepath.Join(root, "*refused*")); len(left) != 0 {
		t.Fatalf("a refused get left files behind: %v", left)
	}

	var lg daemon.LogResponse
	pdxJSON(t, ctx, ownerEnv, &lg, "--home", ownerDir, "log")
	var kinds []string
	for _, e := range lg.Entries {
		kinds = append(kinds, e.Kind)
	}
	for _, k := range []string{"create", "put", "grant", "revoke"} {
		if !slices.Contains(kinds, k) {
			t.Errorf("log kinds %v lack %q", kinds, k)
		}
	}
	if code, text, _ := pdx(t, ctx, ownerEnv, "--home", ownerDir, "log"); code != 0 || !bytes.Contains(text, []byte("loyalty analytics")) {
		t.Errorf("log as text: exit %d:\n%s", code, text)
	}

	// API errors keep their meaning as exit statuses: an unknown CID is
	// not found (3), a dataset name the home does not have is bad input
	// (2), and the brand's home asking the owner's daemon is refused (4).
	unknown := "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"
	if code, _, errOut := pdx(t, ctx, brandEnv, "--home", brandDir, "get", unknown, "-o", filepath.Join(root, "unknown")); code != cli.ExitNotFound {
		t.Errorf("get of an unknown CID: exit %d, want %d: %s", code, cli.ExitNotFound, errOut)
	}
	if code, _, errOut := pdx(t, ctx, ownerEnv, "--home", ownerDir, "revoke", "nosuchset", "--to", brandAddr); code != cli.ExitUsage && code != cli.ExitNotFound {
		t.Errorf("revoke on an unknown dataset: exit %d, want 2 or 3: %s", code, errOut)
	}
	crossed := append(slices.Clone(brandEnv), "PDX_API_LISTEN=127.0.0.1:"+portOf(ownerEnv))
	if code, _, errOut := pdx(t, ctx, crossed, "--home", brandDir, "ls"); code != cli.ExitRefused || !strings.Contains(errOut, "another pdx home") {
		t.Errorf("ls of the brand's home against the owner's daemon: exit %d, want %d naming another home: %s", code, cli.ExitRefused, errOut)
	}

	// A second daemon on the same home is refused while the first runs.
	if code, _, errOut := pdx(t, ctx, ownerEnv, "--home", ownerDir, "daemon"); code != cli.ExitConflict {
		t.Errorf("second daemon on a locked home: exit %d, want %d: %s", code, cli.ExitConflict, errOut)
	}

	// Restart: the same chain and Registry, the same datasets, the same
	// proxies, which find their registrations unchanged.
	stopBrand()
	stopBrand = func() {}
	owner.stop(t)
	if code, _, errOut := pdx(t, ctx, ownerEnv, "--home", ownerDir, "ls"); code != cli.ExitUnavailable || !bytes.Contains([]byte(errOut), []byte("pdx daemon")) {
		t.Fatalf("ls with the daemon stopped: exit %d, want %d and a hint to run `pdx daemon`: %s", code, cli.ExitUnavailable, errOut)
	}
	owner = startDaemon(t, ctx, ownerDir, ownerEnv)
	second := owner.node.started
	if second.Registry != first.Registry || second.Account != first.Account || !slices.Equal(second.Proxies, first.Proxies) {
		t.Fatalf("after restart %+v, before %+v", second, first)
	}
	if bytes.Contains(owner.stderr.Bytes(), []byte("registered=true")) {
		t.Errorf("a proxy registered again after a restart with nothing changed:\n%s", owner.stderr)
	}
	pdxJSON(t, ctx, ownerEnv, &ls, "--home", ownerDir, "ls")
	if len(ls.Datasets) != 1 || ls.Datasets[0].Versions[0].CID != put.CID {
		t.Fatalf("ls after restart: %+v", ls)
	}
	// Version 2 comes from stdin.
	stdin, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"--home", ownerDir, "--json", "put", "-", "--dataset", "purchases"}, stdin, &stdout, &stderr, ownerEnv); code != 0 {
		t.Fatalf("put from stdin: exit %d: %s%s", code, stdout.String(), stderr.String())
	}
	if err := json.Unmarshal(stdout.Bytes(), &put); err != nil {
		t.Fatal(err)
	}
	if put.Version != 2 || put.Created {
		t.Fatalf("put after restart: %+v, want version 2 of the existing dataset", put)
	}
}

func portOf(env []string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PDX_API_LISTEN=127.0.0.1:"); ok {
			return v
		}
	}
	return ""
}

// TestDaemonRPCMode runs `pdx daemon` with chain.mode = "rpc" against a
// chain it does not own (a dev chain serving JSON-RPC on loopback), with
// local proxies whose proxy.key accounts were funded at genesis: it checks
// the chain id and the Registry, then serves as in embedded mode.
func TestDaemonRPCMode(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	root := t.TempDir()
	dir := filepath.Join(root, "owner")
	h, err := home.Init(dir, lifecyclePassphrase, home.WithInsecureLightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	fundAtGenesis := append([]common.Address{h.Keys().Address}, localProxyKeys(t, dir)...)
	ch := rpcChain(t, ctx, root, fundAtGenesis, 0)
	env := rpcEnv(pdxEnv(root, freePort(t)), ch)

	// The wrong chain id, or no Registry at the address: refused at start.
	if code, _, errOut := pdx(t, ctx, append(slices.Clone(env), "PDX_CHAIN_CHAIN_ID=5"), "--home", dir, "daemon"); code != cli.ExitConfig || !strings.Contains(errOut, "chain id 1337") {
		t.Errorf("daemon on the wrong chain id: exit %d, want %d: %s", code, cli.ExitConfig, errOut)
	}
	if code, _, errOut := pdx(t, ctx, append(slices.Clone(env), "PDX_CHAIN_REGISTRY_ADDRESS="+common.HexToAddress("0x1234").Hex()), "--home", dir, "daemon"); code != cli.ExitNotFound || !strings.Contains(errOut, "no Registry") {
		t.Errorf("daemon with no Registry at the address: exit %d, want %d: %s", code, cli.ExitNotFound, errOut)
	}

	d := startDaemon(t, ctx, dir, env)
	st := d.node.started
	if st.Chain != "rpc" || st.Registry != ch.Registry().Hex() || st.ChainID != devchain.ChainID || d.node.Chain != nil {
		t.Fatalf("started %+v, want the rpc chain's Registry", st)
	}
	for i, p := range st.Proxies {
		if p != fundAtGenesis[1+i].Hex() {
			t.Errorf("proxy %d is %s, want the account of its proxy.key %s", i, p, fundAtGenesis[1+i].Hex())
		}
	}
	var put putResult
	file := filepath.Join(root, "profile.json")
	if err := os.WriteFile(file, []byte(`{"name":"Alex"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	pdxJSON(t, ctx, env, &put, "--home", dir, "put", file, "--dataset", "profile")
	if put.Version != 1 {
		t.Fatalf("put: %+v", put)
	}
	if _, err := os.Stat(filepath.Join(dir, "chain")); !os.IsNotExist(err) {
		t.Errorf("rpc mode made an embedded chain directory in the home (%v)", err)
	}
}

// TestDaemonMarket drives the market through the CLI code path: the owner
// offers a dataset, a brand buys it, the owner's market agent grants the
// purchase by itself, the brand fetches the bytes, the owner withdraws the
// price and erases the dataset.
func TestDaemonMarket(t *testing.T) {
	ctx, root, ownerDir, brandDir, ownerEnv, brandEnv := twoHomes(t)
	owner := startDaemon(t, ctx, ownerDir, ownerEnv)

	data := make([]byte, 100<<10)
	rand.Read(data)
	file := filepath.Join(root, "history.csv")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var put putResult
	pdxJSON(t, ctx, ownerEnv, &put, "--home", ownerDir, "put", file, "--dataset", "history")

	// Nothing to withdraw before any sale.
	var wd daemon.WithdrawResponse
	pdxJSON(t, ctx, ownerEnv, &wd, "--home", ownerDir, "withdraw")
	if wd.AmountWei != "0" {
		t.Fatalf("withdraw before any sale: %+v, want 0", wd)
	}

	const terms = "loyalty analytics"
	const priceWei = "10000000000000000" // 0.01 ether
	var of daemon.OfferResponse
	pdxJSON(t, ctx, ownerEnv, &of, "--home", ownerDir, "offer", "history", "--price", "0.01eth", "--duration", "30d", "--terms", terms)
	if of.PriceWei != priceWei || of.ID != put.ID || of.Terms != terms || of.Duration != "30d" {
		t.Fatalf("offer: %+v, want dataset %d at %s wei for 30d", of, put.ID, priceWei)
	}
	if code, _, errOut := pdx(t, ctx, ownerEnv, "--home", ownerDir, "offer", "nosuchset", "--price", "1", "--duration", "1d", "--terms", terms); code != cli.ExitUsage {
		t.Errorf("offer of a dataset the home lacks: exit %d, want %d: %s", code, cli.ExitUsage, errOut)
	}

	stopBrand := startBrand(t, ctx, owner.node, brandDir, portOf(brandEnv))
	defer stopBrand()
	brandKeys, err := home.Load(brandDir)
	if err != nil {
		t.Fatal(err)
	}
	brandAddr := brandKeys.Keys().Address.Hex()
	id := strconv.FormatUint(of.ID, 10)

	// Other terms than the offer's, or no offer at all, are refused with
	// the API's meaning as the exit status, and nothing is paid.
	if code, _, errOut := pdx(t, ctx, brandEnv, "--home", brandDir, "buy", id, "--terms", "resale"); code != cli.ExitUsage || !strings.Contains(errOut, "other terms") {
		t.Errorf("buy with other terms: exit %d, want %d: %s", code, cli.ExitUsage, errOut)
	}
	if code, _, errOut := pdx(t, ctx, brandEnv, "--home", brandDir, "buy", "999999", "--terms", terms); code != cli.ExitNotFound {
		t.Errorf("buy of a dataset with no offer: exit %d, want %d: %s", code, cli.ExitNotFound, errOut)
	}
	var buy daemon.BuyResponse
	pdxJSON(t, ctx, brandEnv, &buy, "--home", brandDir, "buy", id, "--terms", terms)
	if buy.ID != of.ID || buy.PriceWei != priceWei || buy.Terms != terms {
		t.Fatalf("buy: %+v, want dataset %d at %s wei", buy, of.ID, priceWei)
	}

	// The owner's market agent decides by itself: poll the journal.
	var decision *daemon.Record
	deadline := time.Now().Add(30 * time.Second)
	for decision == nil && time.Now().Before(deadline) {
		var lg daemon.LogResponse
		pdxJSON(t, ctx, ownerEnv, &lg, "--home", ownerDir, "log")
		for i, e := range lg.Entries {
			if e.Kind == daemon.KindPurchase && e.Grantee == brandAddr {
				decision = &lg.Entries[i]
			}
		}
		if decision == nil {
			time.Sleep(300 * time.Millisecond)
		}
	}
	if decision == nil {
		t.Fatalf("no purchase decision in the owner's journal within 30s; daemon log:\n%s", owner.stderr)
	}
	if decision.Granted == nil || !*decision.Granted || decision.Dataset != "history" || decision.Amount != priceWei || decision.Purpose != terms {
		t.Fatalf("purchase decision %+v, want history granted for %s wei, for %q", *decision, priceWei, terms)
	}
	if code, text, _ := pdx(t, ctx, ownerEnv, "--home", ownerDir, "log"); code != 0 || !bytes.Contains(text, []byte("granted true")) || !bytes.Contains(text, []byte(priceWei+" wei")) {
		t.Errorf("log as text lacks the granted purchase and its amount: exit %d:\n%s", code, text)
	}

	out := filepath.Join(root, "bought.csv")
	if code, _, errOut := eventually(t, ctx, 0, brandEnv, "--home", brandDir, "get", put.CID, "-o", out); code != 0 {
		t.Fatalf("brand get after the purchase: exit %d: %s", code, errOut)
	}
	if got, err := os.ReadFile(out); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("brand get: %d bytes (%v), want the %d bytes put", len(got), err, len(data))
	}

	// The price vests over the 30 days: right after the sale the owner can
	// take what vested in seconds, never the price.
	price, _ := new(big.Int).SetString(priceWei, 10)
	paid := new(big.Int)
	pdxJSON(t, ctx, ownerEnv, &wd, "--home", ownerDir, "withdraw")
	if w, ok := new(big.Int).SetString(wd.AmountWei, 10); !ok || w.Cmp(new(big.Int).Div(price, big.NewInt(1000))) > 0 {
		t.Fatalf("withdraw after the sale: %+v, want at most the few seconds vested of %s wei", wd, priceWei)
	} else {
		paid.Add(paid, w)
	}

	// Erase: refused without --yes (nothing changes), then done.
	if code, _, errOut := pdx(t, ctx, ownerEnv, "--home", ownerDir, "erase", "history"); code != cli.ExitUsage || !strings.Contains(errOut, "shreds") {
		t.Errorf("erase without --yes: exit %d, want %d: %s", code, cli.ExitUsage, errOut)
	}
	var ls daemon.DatasetList
	pdxJSON(t, ctx, ownerEnv, &ls, "--home", ownerDir, "ls")
	if len(ls.Datasets) != 1 {
		t.Fatalf("ls after a refused erase: %+v, want history still there", ls)
	}
	var er daemon.EraseResponse
	pdxJSON(t, ctx, ownerEnv, &er, "--home", ownerDir, "erase", "history", "--yes")
	if er.Dataset != "history" || er.ID != of.ID || !slices.Equal(er.Unpinned, []string{put.CID}) {
		t.Fatalf("erase: %+v, want history with %s unpinned", er, put.CID)
	}
	pdxJSON(t, ctx, ownerEnv, &ls, "--home", ownerDir, "ls")
	if len(ls.Datasets) != 0 {
		t.Fatalf("ls after erase: %+v, want no datasets", ls)
	}
	if code, _, errOut := pdx(t, ctx, ownerEnv, "--home", ownerDir, "erase", "history", "--yes"); code != cli.ExitUsage {
		t.Errorf("erase of an erased dataset: exit %d, want %d: %s", code, cli.ExitUsage, errOut)
	}
	// The brand's access ends with the erase (the proxies learn of it a
	// poll away), and a refused get leaves no file.
	if code, _, errOut := eventually(t, ctx, cli.ExitRefused, brandEnv, "--home", brandDir, "get", put.CID); code != cli.ExitRefused {
		t.Fatalf("brand get after erase: exit %d, want %d: %s", code, cli.ExitRefused, errOut)
	}
	gone := filepath.Join(root, "after-erase.csv")
	if code, _, errOut := pdx(t, ctx, brandEnv, "--home", brandDir, "get", put.CID, "-o", gone); code != cli.ExitRefused || !strings.Contains(errOut, "erased") {
		t.Errorf("brand get -o after erase: exit %d, want %d naming the erasure: %s", code, cli.ExitRefused, errOut)
	}
	if _, err := os.Stat(gone); !os.IsNotExist(err) {
		t.Errorf("a refused get after erase left a file (%v)", err)
	}
	// The erase stopped the vesting and returned the rest to the brand in
	// the same transaction: what both withdraw adds up to the price.
	for _, who := range [][]string{{"--home", ownerDir, "withdraw"}, {"--home", brandDir, "withdraw"}} {
		env := ownerEnv
		if who[1] == brandDir {
			env = brandEnv
		}
		pdxJSON(t, ctx, env, &wd, who...)
		w, ok := new(big.Int).SetString(wd.AmountWei, 10)
		if !ok {
			t.Fatalf("withdraw %+v", wd)
		}
		paid.Add(paid, w)
	}
	if paid.Cmp(price) != 0 {
		t.Fatalf("owner's and brand's withdrawals add up to %s wei, want the price %s", paid, priceWei)
	}
}

// twoHomes makes an owner's and a brand's home (light scrypt) under one
// temporary root, each with its environment and a free API port, and a
// context bounded for the test.
func twoHomes(t *testing.T) (ctx context.Context, root, ownerDir, brandDir string, ownerEnv, brandEnv []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	root = t.TempDir()
	ownerDir, brandDir = filepath.Join(root, "owner"), filepath.Join(root, "brand")
	for _, d := range []string{ownerDir, brandDir} {
		if _, err := home.Init(d, lifecyclePassphrase, home.WithInsecureLightScrypt()); err != nil {
			t.Fatal(err)
		}
	}
	return ctx, root, ownerDir, brandDir, pdxEnv(root, freePort(t)), pdxEnv(root, freePort(t))
}

// localProxyKeys gives the three local proxies of the owner's home in dir
// keys of their own, as they have on any chain but the embedded one, and
// returns their addresses (to fund at genesis).
func localProxyKeys(t *testing.T, dir string) []common.Address {
	t.Helper()
	var out []common.Address
	for i := range 3 {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		pd := filepath.Join(dir, daemon.ProxiesDir, strconv.Itoa(i))
		if err := os.MkdirAll(pd, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := crypto.SaveECDSA(filepath.Join(pd, proxy.AccountKeyFile), k); err != nil {
			t.Fatal(err)
		}
		out = append(out, crypto.PubkeyToAddress(k.PublicKey))
	}
	return out
}

// rpcChain opens a dev chain under root that serves JSON-RPC on loopback,
// with fund funded at genesis and, when grantWindow is set, that grant
// window for purchases. It is closed when the test ends.
func rpcChain(t *testing.T, ctx context.Context, root string, fund []common.Address, grantWindow time.Duration) *devchain.Chain {
	t.Helper()
	ch, err := devchain.Open(ctx, devchain.Config{Dir: filepath.Join(root, "chain"), HTTP: "127.0.0.1:0", Accounts: 1,
		Fund: fund, GrantWindow: grantWindow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ch.Close() })
	return ch
}

// rpcEnv points a home's environment at ch in chain rpc mode; the test's
// proxies are on loopback, so it allows private proxy endpoints.
func rpcEnv(env []string, ch *devchain.Chain) []string {
	return append(slices.Clone(env), "PDX_CHAIN_MODE=rpc", "PDX_CHAIN_RPC_URL="+ch.HTTPEndpoint(), "PDX_PROXIES_ALLOW_PRIVATE=true",
		"PDX_CHAIN_REGISTRY_ADDRESS="+ch.Registry().Hex(), "PDX_CHAIN_REGISTRY_BLOCK="+strconv.FormatUint(ch.DeployBlock(), 10))
}

// brandService is the brand's service in the test process: the account of
// the unlocked home u on chain ch, its data on fs, its keys registered.
func brandService(t *testing.T, ctx context.Context, ch *devchain.Chain, u *home.Unlocked, fs storage.Store) *service.Service {
	t.Helper()
	c, err := acl.New(ctx, ch.Client(), ch.Registry(), u.Account, nil)
	if err != nil {
		t.Fatal(err)
	}
	mix, err := market.Open(market.Config{Path: filepath.Join(t.TempDir(), "market-index"), Source: ch.Client(), Registry: ch.Registry(), Start: ch.DeployBlock()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mix.Close() })
	s, err := service.New(ctx, service.Config{Chain: c, Account: u.Account, Store: fs, Signer: reencrypt.NewSigner(u.Signing),
		Receiving: u.Receiving, DeployBlock: ch.DeployBlock(), AllowPrivateEndpoints: true, Market: mix})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureKeys(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}
