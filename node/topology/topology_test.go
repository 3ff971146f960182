package topology

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/internal/testbin"
)

const (
	passphrase = "topology test passphrase"
	// ipfsToken is what the kubo daemon requires in Authorization.
	ipfsToken = "pdx-topology-token"
	// budget bounds the topology's run once the binaries are built.
	budget = 4 * time.Minute
)

// proxyStarted mirrors what `pdx proxy --json` prints once it serves.
type proxyStarted struct {
	Address    string `json:"address"`
	Listen     string `json:"listen"`
	Endpoint   string `json:"endpoint"`
	Block      uint64 `json:"block"`
	FollowFrom uint64 `json:"follow_from"`
	Resumed    bool   `json:"resumed"`
	Registered bool   `json:"registered"`
}

// daemonStarted mirrors what `pdx daemon --json` prints once it serves.
type daemonStarted struct {
	API     string   `json:"api"`
	Account string   `json:"account"`
	Chain   string   `json:"chain"`
	IPFS    string   `json:"ipfs"`
	Proxies []string `json:"proxies"`
	// Reconciled is what the start finished that a crash had left
	// undone (absent when nothing was).
	Reconciled map[string]any `json:"reconciled"`
}

// The CLI's --json documents, as far as the test reads them (the API's
// documented fields: docs/api.md).
type putResult struct {
	ID      uint64 `json:"id"`
	CID     string `json:"cid"`
	Version uint32 `json:"version"`
	Created bool   `json:"created"`
}

type grantResult struct {
	Threshold int      `json:"threshold"`
	Proxies   []string `json:"proxies"`
	Block     uint64   `json:"block"`
}

type revokeResult struct {
	Block uint64 `json:"block"`
}

type logRecord struct {
	Kind       string `json:"kind"`
	Dataset    string `json:"dataset"`
	Block      uint64 `json:"block"`
	Grantee    string `json:"grantee"`
	Reconciled bool   `json:"reconciled"`
}

type logResult struct {
	Entries []logRecord `json:"entries"`
}

// row is one line of the fault matrix.
type row struct {
	fault, happened, recovery string
}

// topo is the running topology: one host per service.
type topo struct {
	t    *testing.T
	ctx  context.Context
	n    *Network
	hc   *http.Client // the test's own requests, from the hub
	root string

	pdx, geth, ipfs string

	chain, store, owner, brand *Host
	proxyHosts                 [3]*Host

	gethDir, gethPort, rpcURL string
	gethProc                  *proc
	ec                        *ethclient.Client
	registry                  common.Address
	deployBlock               uint64

	ipfsAPI string // multiaddr
	kubo    *proc

	proxies     [3]*proc
	started     [3]proxyStarted
	proxyDirs   [3]string
	proxyKeys   [3]string
	proxyListen [3]string

	ownerDir, brandDir string
	ownerEnv, brandEnv []string
	ownerD, brandD     *proc
	brandAddr          string

	matrix []row

	mu    sync.Mutex
	procs []*proc
}

// killAll kills every process the test started.
func (tp *topo) killAll() {
	tp.mu.Lock()
	procs := append([]*proc(nil), tp.procs...)
	tp.mu.Unlock()
	for _, p := range procs {
		p.kill()
	}
}

// TestTopologyFaults runs the operator topology with every service as its
// own process — a geth --dev chain node, a kubo node, three `pdx proxy`,
// an owner's and a brand's `pdx daemon` — each on its own host (network
// namespace) when possible, and runs the owner/brand story through a fault
// matrix: a proxy killed -9, a host cut off, the owner's node killed in
// the middle of a grant, and the chain node restarted. Each step is
// asserted and timed; the matrix is logged and, with PDX_ARTIFACTS set,
// written to $PDX_ARTIFACTS/topology-fault-matrix.md.
//
// Namespaces are used when the test runs as root with iproute2, as in CI;
// elsewhere every host is 127.0.0.1. PDX_TOPOLOGY_MODE=netns makes the
// first a requirement, PDX_TOPOLOGY_MODE=loopback forces the second.
func TestTopologyFaults(t *testing.T) {
	began := time.Now()
	tp, built := setUp(t)
	t.Logf("topology up in %s (after %s for the binaries)", ms(time.Since(began)-built), ms(built))

	cid1, data1, id1 := tp.story()
	tp.killProxy(cid1, data1)
	tp.cutHost(cid1, data1)
	tp.restartKilledProxy(cid1, data1, id1)
	tp.cutService("IPFS", tp.store, tp.kubo, tp.ipfsAPIHostPort(), cid1, data1)
	tp.cutService("chain", tp.chain, tp.gethProc, net.JoinHostPort(tp.chain.IP, tp.gethPort), cid1, data1)
	tp.restartOwnerMidGrant()
	tp.restartChain(cid1, id1)

	tp.report(built, time.Since(began)-built)
}

// setUp builds the binaries, makes the hosts and starts every service on
// its host; it returns the topology and how long the binaries took.
func setUp(t *testing.T) (*topo, time.Duration) {
	// The binaries come first (go build, cached after the first time);
	// the budget is for the topology itself.
	began := time.Now()
	pdx, geth, ipfs := testbin.Pdx(t), testbin.Geth(t), testbin.IPFS(t)
	built := time.Since(began)
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	t.Cleanup(cancel)

	// PDX_TOPOLOGY_MODE=netns requires namespaces (fails without them);
	// =loopback runs the fallback even where namespaces work.
	mode := ModeNetns
	want := Mode(os.Getenv("PDX_TOPOLOGY_MODE"))
	if want != "" && want != ModeNetns && want != ModeLoopback {
		t.Fatalf("PDX_TOPOLOGY_MODE=%q: want %q, %q or unset (namespaces when they work)", want, ModeNetns, ModeLoopback)
	}
	ip, err := Probe(ctx)
	switch {
	case want == ModeLoopback:
		mode = ModeLoopback
		t.Logf("topology: PDX_TOPOLOGY_MODE=loopback: every host runs on 127.0.0.1 and a cut is a SIGSTOP of the host's process")
	case err != nil && want == ModeNetns:
		t.Fatalf("PDX_TOPOLOGY_MODE=netns but network namespaces cannot be used: %v (run as root with iproute2 installed)", err)
	case err != nil:
		mode = ModeLoopback
		t.Logf("topology: %v; every host runs on 127.0.0.1 and a cut is a SIGSTOP of the host's process", err)
	}
	names := []string{"chain", "ipfs", "proxy0", "proxy1", "proxy2", "owner", "brand"}
	n, err := New(ctx, mode, ip, names...)
	if err != nil {
		t.Fatalf("making the hosts: %v", err)
	}
	// Registered first, so it runs last: after every process is gone.
	t.Cleanup(func() {
		cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := n.Close(cctx); err != nil {
			t.Errorf("deleting the namespaces: %v", err)
		}
	})
	tp := &topo{t: t, ctx: ctx, n: n, root: t.TempDir(), pdx: pdx, geth: geth, ipfs: ipfs,
		chain: n.Host("chain"), store: n.Host("ipfs"), owner: n.Host("owner"), brand: n.Host("brand")}
	for i := range tp.proxyHosts {
		tp.proxyHosts[i] = n.Host("proxy" + strconv.Itoa(i))
	}
	tp.hc = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: n.DialContext, DisableKeepAlives: true}}
	t.Logf("topology mode: %s", mode)
	for _, h := range n.Hosts() {
		t.Logf("  host %-7s %s %s", h.Name, h.IP, h.NS)
	}
	if mode == ModeNetns {
		tp.checkConfined()
	}

	// Past the budget every process is killed, so whatever waits on one
	// fails at once and the test ends by itself.
	go func() {
		<-ctx.Done()
		if ctx.Err() == context.DeadlineExceeded {
			tp.killAll()
		}
	}()

	tp.bringUp()
	return tp, built
}

// checkConfined asserts every host's only route is the subnet's: nothing
// started there can reach past the namespaces.
func (tp *topo) checkConfined() {
	t := tp.t
	for _, h := range tp.n.Hosts() {
		var out bytes.Buffer
		cmd := tp.n.Command(h, tp.n.ipCmd, "-4", "route", "show")
		cmd.Stdout = &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("routes of %s: %v", h.Name, err)
		}
		routes := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(routes) != 1 || !strings.HasPrefix(routes[0], Subnet+".0/24 dev eth0") {
			t.Fatalf("host %s has routes %q, want only %s.0/24 on eth0", h.Name, routes, Subnet)
		}
	}
}

func (tp *topo) addr(h *Host, netnsPort string) string {
	if tp.n.Mode == ModeNetns {
		return net.JoinHostPort(h.IP, netnsPort)
	}
	return net.JoinHostPort("127.0.0.1", freePort(tp.t))
}

// freePort is a loopback port outside the kernel's ephemeral range
// (testbin.FreePort), so no listener on :0 takes it first.
func freePort(t *testing.T) string { return testbin.FreePort(t) }

// bringUp starts chain, Registry, kubo, proxies and both daemons.
func (tp *topo) bringUp() {
	t, ctx := tp.t, tp.ctx
	tp.gethDir = filepath.Join(tp.root, "geth")
	_, tp.gethPort, _ = net.SplitHostPort(tp.addr(tp.chain, "8545"))
	tp.rpcURL = "http://" + net.JoinHostPort(tp.chain.IP, tp.gethPort)
	tp.startGeth()
	rc, err := rpc.DialOptions(ctx, tp.rpcURL, rpc.WithHTTPClient(tp.hc))
	if err != nil {
		t.Fatal(err)
	}
	tp.ec = ethclient.NewClient(rc)
	t.Cleanup(tp.ec.Close)

	// Accounts: the Registry is deployed by geth's dev account, which
	// funds the proxies and both homes.
	dev, err := crypto.HexToECDSA(testbin.GethDevKey)
	if err != nil {
		t.Fatal(err)
	}
	reg, rcpt, err := acl.Deploy(ctx, tp.ec, dev, time.Hour, nil)
	if err != nil {
		t.Fatalf("deploying the Registry on the chain host: %v", err)
	}
	tp.registry, tp.deployBlock = reg.Address(), rcpt.BlockNumber.Uint64()
	var fundTo []common.Address
	for i := range tp.proxyKeys {
		k, _ := crypto.GenerateKey()
		tp.proxyDirs[i] = filepath.Join(tp.root, "proxy"+strconv.Itoa(i))
		tp.proxyKeys[i] = filepath.Join(tp.root, "proxy"+strconv.Itoa(i)+".key")
		if err := os.WriteFile(tp.proxyKeys[i], []byte(hex.EncodeToString(crypto.FromECDSA(k))+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		fundTo = append(fundTo, crypto.PubkeyToAddress(k.PublicKey))
	}
	tp.ownerDir, tp.brandDir = filepath.Join(tp.root, "owner"), filepath.Join(tp.root, "brand")
	for _, d := range []string{tp.ownerDir, tp.brandDir} {
		h, err := home.Init(d, passphrase, home.WithInsecureLightScrypt())
		if err != nil {
			t.Fatal(err)
		}
		fundTo = append(fundTo, h.Keys().Address)
		if d == tp.brandDir {
			tp.brandAddr = h.Keys().Address.Hex()
		}
	}
	if err := fund(ctx, tp.ec, dev, fundTo...); err != nil {
		t.Fatalf("funding the accounts: %v", err)
	}

	// kubo: a test-profile repository whose API and swarm listen on the
	// IPFS host's address only.
	repo := testbin.IPFSRepo(t, "bearer:"+ipfsToken)
	apiAddr := tp.addr(tp.store, "5001")
	host, port, _ := net.SplitHostPort(apiAddr)
	tp.ipfsAPI = "/ip4/" + host + "/tcp/" + port
	swarm := "/ip4/" + tp.store.IP + "/tcp/4001"
	if tp.n.Mode != ModeNetns {
		swarm = "/ip4/127.0.0.1/tcp/0"
	}
	testbin.IPFSCommand(t, repo, "config", "Addresses.API", tp.ipfsAPI)
	testbin.IPFSCommand(t, repo, "config", "--json", "Addresses.Swarm", `["`+swarm+`"]`)
	kubo := start_(tp, tp.store, "kubo", []string{"IPFS_PATH=" + repo, "IPFS_TELEMETRY=off", "GOLOG_LOG_LEVEL=error"}, tp.ipfs, "daemon")
	kubo.waitFor(t, 90*time.Second, "ready", func() bool { return strings.Contains(kubo.stdout.String(), "Daemon is ready") })
	tp.kubo = kubo

	for i := range tp.proxies {
		tp.proxyListen[i] = tp.addr(tp.proxyHosts[i], "8600")
		tp.startProxy(i)
		if !tp.started[i].Registered || tp.started[i].Resumed {
			t.Fatalf("proxy %d's first start: %+v", i, tp.started[i])
		}
	}

	common := []string{
		"HOME=" + tp.root, "PDX_PASSPHRASE=" + passphrase,
		"PDX_CHAIN_MODE=rpc", "PDX_CHAIN_RPC_URL=" + tp.rpcURL, "PDX_CHAIN_REGISTRY_ADDRESS=" + tp.registry.Hex(), "PDX_CHAIN_CHAIN_ID=1337",
		"PDX_IPFS_MODE=remote", "PDX_IPFS_API_URL=http://" + apiAddr, "PDX_IPFS_AUTH_HEADER=Bearer " + ipfsToken,
		"PDX_PROXIES_MODE=remote", "PDX_PROXIES_ADDRESSES=" + strings.Join([]string{tp.started[0].Address, tp.started[1].Address, tp.started[2].Address}, ","),
		"PDX_PROXIES_THRESHOLD=2", "PDX_PROXIES_SHARES=3", "PDX_PROXIES_ALLOW_PRIVATE=true",
	}
	// Each daemon's API is on its own host's loopback: the CLI runs
	// beside it, as on a real machine.
	tp.ownerEnv = append(append([]string(nil), common...), "PDX_API_LISTEN="+tp.apiListen())
	tp.brandEnv = append(append([]string(nil), common...), "PDX_API_LISTEN="+tp.apiListen(),
		"PDX_CHAIN_TIMEOUT="+cutTimeout.String(), "PDX_IPFS_TIMEOUT="+cutTimeout.String())
	tp.ownerD = tp.startDaemon(tp.owner, tp.ownerDir, tp.ownerEnv)
	tp.brandD = tp.startDaemon(tp.brand, tp.brandDir, tp.brandEnv)
}

// ipfsAPIHostPort is the kubo API's host:port.
func (tp *topo) ipfsAPIHostPort() string {
	parts := strings.Split(tp.ipfsAPI, "/") // /ip4/<host>/tcp/<port>
	return net.JoinHostPort(parts[2], parts[4])
}

func (tp *topo) apiListen() string {
	if tp.n.Mode == ModeNetns {
		return "127.0.0.1:5180"
	}
	return "127.0.0.1:" + freePort(tp.t)
}

// startGeth runs geth --dev on the chain host with a persistent datadir
// and a block a second (a transaction waits for its block, which leaves a
// window to crash a node in the middle of one).
func (tp *topo) startGeth() time.Duration {
	start := time.Now()
	p := start_(tp, tp.chain, "geth", nil, tp.geth,
		"--dev", "--dev.period", "1", "--datadir", tp.gethDir,
		"--http", "--http.addr", tp.chain.IP, "--http.port", tp.gethPort, "--http.api", "eth,net,web3,txpool", "--http.vhosts", "*",
		"--nodiscover", "--maxpeers", "0", "--port", "0", "--authrpc.port", "0", "--ipcdisable", "--verbosity", "3")
	p.waitFor(tp.t, 60*time.Second, "serving JSON-RPC", func() bool { return strings.Contains(p.stderr.String(), "HTTP server started") })
	tp.gethProc = p
	return time.Since(start)
}

func start_(tp *topo, h *Host, name string, env []string, bin string, args ...string) *proc {
	tp.t.Helper()
	p := start(tp.t, tp.n, h, name, env, bin, args...)
	tp.mu.Lock()
	tp.procs = append(tp.procs, p)
	tp.mu.Unlock()
	return p
}

// startProxy runs `pdx proxy` i on its host, on its state directory, key
// and address, and waits for its start document.
func (tp *topo) startProxy(i int) time.Duration {
	t := tp.t
	begin := time.Now()
	p := start_(tp, tp.proxyHosts[i], "proxy"+strconv.Itoa(i), []string{"PDX_PROXY_IPFS_AUTH=bearer:" + ipfsToken}, tp.pdx,
		"proxy", "--json", "--dir", tp.proxyDirs[i], "--rpc", tp.rpcURL, "--registry", tp.registry.Hex(),
		"--from-block", strconv.FormatUint(tp.deployBlock, 10), "--ipfs-api", tp.ipfsAPI,
		"--listen", tp.proxyListen[i], "--poll", "200ms", "--account-key-file", tp.proxyKeys[i])
	var s proxyStarted
	p.waitFor(t, 60*time.Second, "serving", func() bool { return p.jsonOut(&s) && s.Address != "" })
	tp.proxies[i], tp.started[i] = p, s
	return time.Since(begin)
}

// startDaemon runs `pdx daemon` for the home in dir on host h.
func (tp *topo) startDaemon(h *Host, dir string, env []string) *proc {
	t := tp.t
	p := start_(tp, h, h.Name+" daemon", env, tp.pdx, "--home", dir, "--json", "daemon")
	var s daemonStarted
	p.waitFor(t, 60*time.Second, "serving its API", func() bool { return p.jsonOut(&s) && s.API != "" })
	if s.Chain != "rpc" || s.IPFS != "remote" || len(s.Proxies) != 3 {
		t.Fatalf("%s daemon started %+v, want rpc chain, remote IPFS and 3 remote proxies", h.Name, s)
	}
	return p
}

// cli runs pdx on host h for the home in dir.
func (tp *topo) cli(h *Host, dir string, env []string, within time.Duration, args ...string) cliResult {
	tp.t.Helper()
	return runOn(tp.t, tp.ctx, tp.n, h, within, env, tp.pdx, append([]string{"--home", dir}, args...)...)
}

func (tp *topo) ownerJSON(out any, args ...string) {
	t := tp.t
	t.Helper()
	r := tp.cli(tp.owner, tp.ownerDir, tp.ownerEnv, 60*time.Second, append([]string{"--json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("owner: pdx %v: exit %d\n%s%s\ndaemon log:\n%s", args, r.code, r.stdout, r.stderr, tail(tp.ownerD.stderr.String(), 30))
	}
	if err := json.Unmarshal([]byte(r.stdout), out); err != nil {
		t.Fatalf("owner: pdx %v: %v in %q", args, err, r.stdout)
	}
}

// brandGet runs `pdx get` on the brand's host into a fresh file and
// returns the result and the bytes written.
func (tp *topo) brandGet(cid string, within time.Duration) (cliResult, []byte) {
	tp.t.Helper()
	out := filepath.Join(tp.root, fmt.Sprintf("got-%d", time.Now().UnixNano()))
	r := tp.cli(tp.brand, tp.brandDir, tp.brandEnv, within, "get", cid, "-o", out)
	b, _ := os.ReadFile(out)
	os.Remove(out)
	return r, b
}

// brandGetUntil retries the brand's get until it exits with want, and
// returns the last result and how long it took.
func (tp *topo) brandGetUntil(cid string, want int, within time.Duration) (cliResult, []byte, time.Duration) {
	tp.t.Helper()
	start := time.Now()
	for {
		r, b := tp.brandGet(cid, 40*time.Second)
		if r.code == want || time.Since(start) > within {
			return r, b, time.Since(start)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (tp *topo) record(fault, happened, recovery string) {
	tp.t.Logf("FAULT %s: %s; recovery: %s", fault, happened, recovery)
	tp.matrix = append(tp.matrix, row{fault, happened, recovery})
}

func ms(d time.Duration) string { return d.Round(time.Millisecond).String() }

// story: put, grant 2-of-3, the brand gets the same bytes.
func (tp *topo) story() (string, []byte, uint64) {
	t := tp.t
	data := make([]byte, 256<<10)
	rand.Read(data)
	file := filepath.Join(tp.root, "purchases.csv")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var put putResult
	tp.ownerJSON(&put, "put", file, "--dataset", "purchases")
	if put.Version != 1 || !put.Created {
		t.Fatalf("put: %+v", put)
	}
	start := time.Now()
	var g grantResult
	tp.ownerJSON(&g, "grant", "purchases", "--to", tp.brandAddr, "--purpose", "loyalty analytics", "--expires", "30d", "--threshold", "2")
	grantTook := time.Since(start)
	if g.Threshold != 2 || len(g.Proxies) != 3 || g.Block == 0 {
		t.Fatalf("grant: %+v, want 2-of-3 mined", g)
	}
	r, got, took := tp.brandGetUntil(put.CID, 0, 30*time.Second)
	if r.code != 0 || !bytes.Equal(got, data) {
		t.Fatalf("brand get after the grant: exit %d, %d bytes (want %d): %s", r.code, len(got), len(data), r.stderr)
	}
	tp.record("none: owner/brand story",
		fmt.Sprintf("put %d KiB; grant 2-of-3 mined at block %d in %s; brand get matched byte for byte", len(data)>>10, g.Block, ms(grantTook)),
		"first successful get "+ms(took)+" after the grant")
	// Every proxy has followed the grant and holds its kfrag before the
	// faults begin.
	for i := range tp.proxies {
		tp.waitProxy(i, "its kfrag of the grant", 20*time.Second, func(m map[string]float64) bool {
			return m["pdx_proxy_follower_next_block"] > float64(g.Block) && m["pdx_proxy_kfrags_stored_total"] >= 1
		})
	}
	return put.CID, data, put.ID
}

// waitProxy polls proxy i's /metrics until ok.
func (tp *topo) waitProxy(i int, what string, within time.Duration, ok func(map[string]float64) bool) time.Duration {
	t := tp.t
	start := time.Now()
	url := "http://" + tp.started[i].Listen
	for {
		m, err := metrics(tp.ctx, tp.hc, url)
		if err == nil && ok(m) {
			return time.Since(start)
		}
		if !tp.proxies[i].running() {
			t.Fatalf("proxy %d exited (%v) before %s:\n%s", i, tp.proxies[i].exit, what, tail(tp.proxies[i].stderr.String(), 20))
		}
		if time.Since(start) > within {
			t.Fatalf("proxy %d: not %s after %s (metrics %v, %v)\n%s", i, what, within, m, err, tail(tp.proxies[i].stderr.String(), 20))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// killProxy: proxy 0 killed -9; 2 of 3 still serve. It stays down for the
// next fault.
func (tp *topo) killProxy(cid string, data []byte) {
	t := tp.t
	tp.proxies[0].kill()
	r, got := tp.brandGet(cid, 40*time.Second)
	if r.code != 0 || !bytes.Equal(got, data) {
		t.Fatalf("brand get with proxy 0 killed -9: exit %d: %s", r.code, r.stderr)
	}
	tp.record("proxy0 killed -9",
		fmt.Sprintf("2 of 3 proxies still serve: brand get matched in %s", ms(r.took)),
		"none needed (restarted after the next fault, below)")
}

// cut takes host h off the network — its link down at the bridge, or in
// loopback mode its process p stopped — and returns how, and the function
// that brings it back. The host comes back when the test ends in any case.
func (tp *topo) cut(h *Host, p *proc) (how string, restore func()) {
	t, ctx := tp.t, tp.ctx
	t.Helper()
	if tp.n.Mode == ModeNetns {
		if err := tp.n.Cut(ctx, h); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tp.n.Restore(context.Background(), h) })
		return "its link set down at the bridge", func() {
			if err := tp.n.Restore(ctx, h); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := p.signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.signal(syscall.SIGCONT) })
	return "its process stopped with SIGSTOP: loopback mode has no link", func() {
		if err := p.signal(syscall.SIGCONT); err != nil {
			t.Fatal(err)
		}
	}
}

// cutHost: the link of proxy 1's host goes down while proxy 0 is still
// dead, so only one proxy is left: the brand is told which proxies it
// could not reach; when the link returns, gets work again.
func (tp *topo) cutHost(cid string, data []byte) {
	t := tp.t
	how, restore := tp.cut(tp.proxyHosts[1], tp.proxies[1])
	r, _ := tp.brandGet(cid, 60*time.Second)
	if r.code == 0 {
		t.Fatalf("brand get with proxy 0 dead and proxy 1's host cut off succeeded; want 1 of the 2 cfrags needed")
	}
	if r.code != cli.ExitUnavailable || !strings.Contains(r.stderr, tp.started[1].Address) {
		t.Fatalf("brand get with proxy 1's host cut off: exit %d, want %d (unavailable) naming proxy 1 %s: %s", r.code, cli.ExitUnavailable, tp.started[1].Address, r.stderr)
	}
	msg := strings.TrimSpace(r.stderr)
	restored := time.Now()
	restore()
	r2, got, _ := tp.brandGetUntil(cid, 0, 60*time.Second)
	if r2.code != 0 || !bytes.Equal(got, data) {
		t.Fatalf("brand get after proxy 1's host came back: exit %d: %s", r2.code, r2.stderr)
	}
	tp.record("proxy1's host cut off ("+how+"), proxy0 still dead",
		fmt.Sprintf("brand get failed after %s with exit %d: %q", ms(r.took), r.code, msg),
		ms(time.Since(restored))+" from its return to a successful get")
}

// cutTimeout is the brand's chain.timeout and ipfs.timeout: short, so the
// cut-off rows report within seconds instead of the defaults' 20 and 30.
const cutTimeout = 5 * time.Second

// cutService: host h (the IPFS node's or the chain node's, whose
// process is p and whose service listens on addr) is cut off while the
// brand gets. The get must not succeed; an error must name addr; the
// brand's get works again once the host is back. A get that gives no
// answer within hangFor is stopped and recorded as hanging — the brand's
// node has no deadline on that service's calls — and noted in the log.
func (tp *topo) cutService(name string, h *Host, p *proc, addr, cid string, data []byte) {
	t := tp.t
	// The brand's daemon runs with chain.timeout and ipfs.timeout of
	// cutTimeout; a get that outlasts them by far is hanging.
	const hangFor = 3 * cutTimeout
	how, restore := tp.cut(h, p)
	r, _ := tp.brandGet(cid, hangFor)
	var happened string
	switch {
	case r.code == 0:
		t.Fatalf("brand get with the %s host cut off succeeded", name)
	case r.code == -1:
		t.Fatalf("with the %s host cut off the brand's get gave no answer within %s", name, hangFor)
	case r.code != cli.ExitUnavailable:
		t.Fatalf("brand get with the %s host cut off: exit %d, want %d (unavailable): %s", name, r.code, cli.ExitUnavailable, r.stderr)
	case !strings.Contains(r.stderr, addr):
		t.Fatalf("brand get with the %s host cut off: exit %d without naming %s: %s", name, r.code, addr, r.stderr)
	default:
		happened = fmt.Sprintf("brand get failed after %s with exit %d: %q", ms(r.took), r.code, firstLine(r.stderr))
	}
	restored := time.Now()
	restore()
	r2, got, _ := tp.brandGetUntil(cid, 0, 60*time.Second)
	if r2.code != 0 || !bytes.Equal(got, data) {
		t.Fatalf("brand get after the %s host came back: exit %d: %s", name, r2.code, r2.stderr)
	}
	tp.record(name+" host cut off ("+how+")", happened, ms(time.Since(restored))+" from its return to a successful get")
}

// restartKilledProxy: proxy 0 comes back on its state directory, resumes
// from its cursor past the grant and serves from its stored kfrag.
func (tp *topo) restartKilledProxy(cid string, data []byte, dataset uint64) {
	t := tp.t
	took := tp.startProxy(0)
	s := tp.started[0]
	if !s.Resumed || s.Registered {
		t.Fatalf("proxy 0 restarted after kill -9: %+v, want resumed from its cursor without registering again", s)
	}
	st, err := tp.grantFile(0, dataset)
	if err != nil || st["kfrag"] == nil || st["kfrag"] == "" {
		t.Fatalf("proxy 0's kfrag did not survive kill -9: %v %v", st, err)
	}
	// Proxy 2 stopped: 0 and 1 must serve, so 0 does serve.
	if err := tp.proxies[2].signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	r, got := tp.brandGet(cid, 60*time.Second)
	if err := tp.proxies[2].signal(syscall.SIGCONT); err != nil {
		t.Fatal(err)
	}
	if r.code != 0 || !bytes.Equal(got, data) {
		t.Fatalf("brand get through the restarted proxy 0 (proxy 2 stopped): exit %d: %s", r.code, r.stderr)
	}
	tp.matrix[1].recovery = fmt.Sprintf("restarted in %s, resumed from its cursor at block %d (not re-registered), served from the kfrag kept on disk", ms(took), s.FollowFrom)
	t.Logf("proxy 0 restarted in %s, resumed at block %d; get through proxies 0+1 in %s", ms(took), s.FollowFrom, ms(r.took))
}

func (tp *topo) grantFile(i int, dataset uint64) (map[string]any, error) {
	grantee := common.HexToAddress(tp.brandAddr)
	b, err := os.ReadFile(filepath.Join(tp.proxyDirs[i], "grants", fmt.Sprintf("%d-%s.json", dataset, hex.EncodeToString(grantee[:]))))
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(b, &m)
}

// restartOwnerMidGrant: the owner's node is killed -9 once its grant
// transaction is in the chain's pool and before it is mined, then started
// again: the grant completes (the proxies follow it from the chain) and
// the restarted node's start-up reconciliation journals it.
func (tp *topo) restartOwnerMidGrant() {
	t := tp.t
	// A block may be sealed in the few milliseconds between seeing the
	// transaction pooled and the kill; then the kill was not mid-grant
	// and the step is run again on a new dataset.
	for attempt := 1; ; attempt++ {
		if tp.midGrant(fmt.Sprintf("midgrant%d", attempt)) {
			return
		}
		if attempt == 3 {
			t.Fatal("three grants were mined before the owner's node could be killed; the chain seals blocks faster than expected")
		}
		t.Logf("attempt %d: the grant was mined before the kill; again", attempt)
	}
}

// midGrant runs one attempt of restartOwnerMidGrant on dataset name and
// reports whether the kill came before the grant was mined.
func (tp *topo) midGrant(name string) bool {
	t, ctx := tp.t, tp.ctx
	data := make([]byte, 32<<10)
	rand.Read(data)
	file := filepath.Join(tp.root, name+".csv")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var put putResult
	tp.ownerJSON(&put, "put", file, "--dataset", name)
	owner := common.HexToAddress(tp.ownerAccount())
	before, err := tp.ec.PendingNonceAt(ctx, owner)
	if err != nil {
		t.Fatal(err)
	}
	grantDone := make(chan cliResult, 1)
	go func() {
		grantDone <- runOn(t, ctx, tp.n, tp.owner, 60*time.Second, tp.ownerEnv, tp.pdx, "--home", tp.ownerDir, "--json",
			"grant", name, "--to", tp.brandAddr, "--purpose", "mid-grant crash", "--expires", "30d", "--threshold", "2")
	}()
	deadline := time.Now().Add(30 * time.Second)
	for {
		n, err := tp.ec.PendingNonceAt(ctx, owner)
		if err == nil && n > before {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the owner's grant transaction did not reach the chain's pool in 30s\n%s", tail(tp.ownerD.stderr.String(), 20))
		}
		time.Sleep(5 * time.Millisecond)
	}
	tp.ownerD.kill()
	killedAt, err := tp.ec.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	mined, err := tp.ec.NonceAt(ctx, owner, new(big.Int).SetUint64(killedAt))
	if err != nil {
		t.Fatal(err)
	}
	gr := <-grantDone
	if mined > before {
		// Too late: restart and let the caller try again.
		tp.ownerD = tp.startDaemon(tp.owner, tp.ownerDir, tp.ownerEnv)
		return false
	}
	if gr.code == 0 {
		t.Fatalf("the grant reported success although its daemon was killed before the transaction was mined: %s", gr.stdout)
	}
	// The pooled transaction is mined without its sender.
	var minedBy uint64
	for minedBy == 0 {
		head, err := tp.ec.BlockNumber(ctx)
		if err == nil {
			if n, err := tp.ec.NonceAt(ctx, owner, new(big.Int).SetUint64(head)); err == nil && n > before {
				minedBy = head
			}
		}
		if ctx.Err() != nil {
			t.Fatal("the grant transaction was never mined")
		}
		time.Sleep(50 * time.Millisecond)
	}
	begin := time.Now()
	tp.ownerD = tp.startDaemon(tp.owner, tp.ownerDir, tp.ownerEnv)
	restartTook := time.Since(begin)
	var st daemonStarted
	tp.ownerD.jsonOut(&st)
	// The grant completes: the proxies follow it from the chain and the
	// brand gets the bytes.
	r, got, took := tp.brandGetUntil(put.CID, 0, 30*time.Second)
	if r.code != 0 || !bytes.Equal(got, data) {
		t.Fatalf("brand get of the grant the owner's node was killed in: exit %d: %s", r.code, r.stderr)
	}
	// The grant's journal record was never written before the kill; the
	// restart's reconciliation writes it from the chain, marked so.
	var lg logResult
	tp.ownerJSON(&lg, "log")
	var rec *logRecord
	for i, e := range lg.Entries {
		if e.Kind == "grant" && e.Dataset == name && e.Grantee == tp.brandAddr {
			rec = &lg.Entries[i]
		}
	}
	switch {
	case rec == nil:
		t.Fatalf("after the restart the owner's log has no record of the grant its node died in (the chain has it, mined by block %d); start-up reconciliation should add it\nstarted: %s\n%s",
			minedBy, tp.ownerD.stdout, tail(tp.ownerD.stderr.String(), 20))
	case !rec.Reconciled || rec.Block <= killedAt || rec.Block > minedBy:
		t.Fatalf("the grant the owner's node died in is journaled as %+v; want reconciled, at a block in (%d, %d]", *rec, killedAt, minedBy)
	}
	what := "reconciled"
	if st.Reconciled != nil {
		if b, err := json.Marshal(st.Reconciled); err == nil {
			what = "start document: reconciled " + string(b)
		}
	}
	tp.record("owner node killed -9 mid-grant (tx pooled, not mined)",
		fmt.Sprintf("grant CLI exit %d (%s); the pooled tx was mined at block %d without its sender; after restart the owner's log has the grant, reconciled=true (%s)",
			gr.code, cliError(gr), rec.Block, what),
		fmt.Sprintf("daemon restarted in %s (reconciliation included); brand get of the granted dataset %s after the restart", ms(restartTook), ms(took+restartTook)))
	return true
}

func (tp *topo) ownerAccount() string {
	var s daemonStarted
	if !tp.ownerD.jsonOut(&s) {
		tp.t.Fatal("no start document from the owner's daemon")
	}
	return s.Account
}

// cliError is the message of a failed command: the --json error
// document's, or the first line of its stderr.
func cliError(r cliResult) string {
	var doc struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal([]byte(r.stdout), &doc) == nil && doc.Error.Message != "" {
		return firstLine(doc.Error.Code + ": " + doc.Error.Message)
	}
	return firstLine(r.stderr)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// restartChain: geth stops (SIGTERM) and starts on the same datadir; the
// proxies, still running, follow again from their cursors, and a
// revocation made after the restart is enforced.
func (tp *topo) restartChain(cid string, dataset uint64) {
	t, ctx := tp.t, tp.ctx
	headBefore, err := tp.ec.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	errsBefore := make([]float64, len(tp.proxies))
	for i := range tp.proxies {
		m, err := metrics(ctx, tp.hc, "http://"+tp.started[i].Listen)
		if err != nil {
			t.Fatalf("proxy %d's metrics: %v", i, err)
		}
		errsBefore[i] = m["pdx_proxy_follower_errors_total"]
	}
	stopBegin := time.Now()
	tp.gethProc.stop(30 * time.Second)
	stopTook := time.Since(stopBegin)
	// While the chain is down the brand is told so, naming the endpoint.
	r, _ := tp.brandGet(cid, 60*time.Second)
	if r.code == 0 || !strings.Contains(r.stderr, net.JoinHostPort(tp.chain.IP, tp.gethPort)) {
		t.Fatalf("brand get with the chain down: exit %d, want an error naming %s: %s", r.code, tp.rpcURL, r.stderr)
	}
	if r.code != cli.ExitUnavailable {
		t.Fatalf("brand get with the chain down: exit %d, want %d (unavailable): %s", r.code, cli.ExitUnavailable, r.stderr)
	}
	downCode := fmt.Sprintf("exit %d", r.code)
	downMsg := firstLine(r.stderr)
	upTook := tp.startGeth()
	headAfter, err := tp.ec.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if headAfter < headBefore {
		t.Fatalf("geth restarted at block %d, before %d: the dev chain did not persist", headAfter, headBefore)
	}
	if code, err := tp.ec.CodeAt(ctx, tp.registry, nil); err != nil || len(code) == 0 {
		t.Fatalf("no Registry at %s after the chain restart: %v", tp.registry.Hex(), err)
	}
	// The proxies kept running: each saw its polls fail while the chain
	// was down and follows again from its cursor past the first block
	// sealed after the restart.
	up := time.Now()
	var newBlock uint64
	for newBlock == 0 {
		if h, err := tp.ec.BlockNumber(ctx); err == nil && h > headAfter {
			newBlock = h
		} else if time.Since(up) > 20*time.Second {
			t.Fatalf("no block sealed within 20s of the chain's restart (head %d, %v)", headAfter, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for i := range tp.proxies {
		tp.waitProxy(i, "following the restarted chain", 30*time.Second, func(m map[string]float64) bool {
			return m["pdx_proxy_follower_next_block"] > float64(newBlock) && m["pdx_proxy_follower_errors_total"] > errsBefore[i]
		})
	}
	follow := time.Since(up)

	var rv revokeResult
	tp.ownerJSON(&rv, "revoke", "purchases", "--to", tp.brandAddr)
	if rv.Block <= headBefore {
		t.Fatalf("revoke mined at block %d, not after the restart (head %d)", rv.Block, headBefore)
	}
	revoked := time.Now()
	r, _, took := tp.brandGetUntil(cid, cli.ExitRefused, 30*time.Second)
	if r.code != cli.ExitRefused || !strings.Contains(r.stderr, "revoked") {
		t.Fatalf("brand get after the revocation: exit %d, want %d (revoked): %s", r.code, cli.ExitRefused, r.stderr)
	}
	// Every proxy's follower reaches the revocation and drops its kfrag.
	for i := range tp.proxies {
		for {
			st, err := tp.grantFile(i, dataset)
			if err == nil && st["ended"] == "revoked" && (st["kfrag"] == nil || st["kfrag"] == "") {
				break
			}
			if time.Since(revoked) > 20*time.Second {
				t.Fatalf("proxy %d's grant state 20s after the revocation: %v %v", i, st, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	dropped := time.Since(revoked)
	tp.record("chain node restarted (geth --dev, SIGTERM, same --datadir)",
		fmt.Sprintf("stopped in %s; meanwhile brand get %s: %q; back at block %d (was %d), Registry intact; revoke after restart at block %d: brand refused after %s, every proxy dropped its kfrag within %s",
			ms(stopTook), downCode, downMsg, headAfter, headBefore, rv.Block, ms(took), ms(dropped)),
		fmt.Sprintf("geth serving %s after start; all 3 proxies (their follower polls failed while it was down) following past the first new block %d %s later", ms(upTook), newBlock, ms(follow)))
}

// report logs the matrix and writes it under $PDX_ARTIFACTS.
func (tp *topo) report(built, total time.Duration) {
	var b strings.Builder
	fmt.Fprintf(&b, "# pdx topology fault matrix\n\nmode: %s (%d hosts); binaries ready in %s; topology run %s\n\n", tp.n.Mode, len(tp.n.Hosts()), ms(built), ms(total))
	b.WriteString("| fault | what happened | recovery |\n|---|---|---|\n")
	for _, r := range tp.matrix {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", cell(r.fault), cell(r.happened), cell(r.recovery))
	}
	tp.t.Log("\n" + b.String())
	if dir := os.Getenv("PDX_ARTIFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			tp.t.Errorf("PDX_ARTIFACTS: %v", err)
			return
		}
		path := filepath.Join(dir, "topology-fault-matrix.md")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			tp.t.Errorf("writing the fault matrix: %v", err)
			return
		}
		tp.t.Logf("fault matrix written to %s", path)
	}
}

func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// fund sends 10 ether from key to each address and waits for the
// receipts.
func fund(ctx context.Context, ec *ethclient.Client, from *ecdsa.PrivateKey, to ...common.Address) error {
	return testbin.Fund(ctx, ec, from, new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether)), to...)
}
