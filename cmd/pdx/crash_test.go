package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/multiformats/go-multiaddr"

	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
)

// rpcOwner makes an owner's home under root whose daemon runs in chain rpc
// mode against a dev chain the test holds (with its JSON-RPC on loopback),
// so a brand in the test can use the same chain while the owner's daemon is
// another process. Its three local proxies' keys are funded at genesis.
func rpcOwner(t *testing.T, ctx context.Context, root string) (dir string, ch *devchain.Chain, env []string) {
	t.Helper()
	dir = filepath.Join(root, "owner")
	h, err := home.Init(dir, lifecyclePassphrase, home.WithInsecureLightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	ch = rpcChain(t, ctx, root, append([]common.Address{h.Keys().Address}, localProxyKeys(t, dir)...), 0)
	return dir, ch, rpcEnv(pdxEnv(root, freePort(t)), ch)
}

// daemonProcess is `pdx daemon` as its own process (the test binary
// doubling as pdx, found on PATH), so it can be killed with SIGKILL.
type daemonProcess struct {
	cmd    *exec.Cmd
	stderr *syncBuffer
	exited chan struct{}
	state  *os.ProcessState
}

func startProcess(t *testing.T, dir string, env []string, crashAt string) *daemonProcess {
	t.Helper()
	bin, err := exec.LookPath("pdx")
	if err != nil {
		t.Fatalf("the test binary is not on PATH as pdx (TestMain sets that up): %v", err)
	}
	p := &daemonProcess{stderr: new(syncBuffer), exited: make(chan struct{})}
	p.cmd = exec.Command(bin, "--home", dir, "daemon")
	p.cmd.Env = append(append(os.Environ(), env...), envCrashAt+"="+crashAt)
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		_ = p.cmd.Wait()
		p.state = p.cmd.ProcessState
		close(p.exited)
	}()
	t.Cleanup(func() {
		_ = p.cmd.Process.Kill()
		<-p.exited
	})
	url := "http://127.0.0.1:" + portOf(env) + "/healthz"
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-p.exited:
			t.Fatalf("pdx daemon exited before serving (%v):\n%s", p.state, p.stderr)
		default:
		}
		if r, err := http.Get(url); err == nil {
			r.Body.Close()
			if r.StatusCode == http.StatusOK {
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("pdx daemon did not serve within 60s:\n%s", p.stderr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// killed waits for the process to die of SIGKILL (its crash point).
func (p *daemonProcess) killed(t *testing.T, point string) {
	t.Helper()
	select {
	case <-p.exited:
	case <-time.After(30 * time.Second):
		t.Fatalf("the daemon did not reach %s within 30s:\n%s", point, p.stderr)
	}
	ws, ok := p.state.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the daemon ended with %v, want killed at %s:\n%s", p.state, point, p.stderr)
	}
}

// stop ends the daemon with SIGINT, as an operator does.
func (p *daemonProcess) stop(t *testing.T) {
	t.Helper()
	_ = p.cmd.Process.Signal(os.Interrupt)
	select {
	case <-p.exited:
	case <-time.After(30 * time.Second):
		t.Errorf("the daemon did not stop within 30s")
	}
}

// TestCrashReconcile kills the owner's daemon with SIGKILL at every point
// where an operation has finished one durable step and not the next —
// dataset created on chain but not indexed, envelope pinned but not
// registered, version registered but not indexed, bundle stored but no
// grant, grant mined but not journaled — and shows that the next start
// finishes each one: the index, the journal and the chain agree, nothing
// acknowledged is lost, and a grant whose kfrag bundle was lost with the
// crash is granted again so the brand can still read.
func TestCrashReconcile(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	root := t.TempDir()
	dir, ch, env := rpcOwner(t, ctx, root)
	ipfsPort := freePort(t)
	env = append(env, "PDX_IPFS_LISTEN_ADDRS=/ip4/127.0.0.1/tcp/"+ipfsPort)
	brand := newTestBrand(t, ctx, ch, filepath.Join(root, "brand"))
	hf := []string{"--home", dir}

	files := map[string][]byte{}
	write := func(name, content string) string {
		p := filepath.Join(root, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		files[name] = []byte(content)
		return p
	}
	interrupted := func(point string, args ...string) {
		t.Helper()
		p := startProcess(t, dir, env, point)
		if code, out, errOut := pdx(t, ctx, env, append(hf, args...)...); code == 0 {
			t.Fatalf("pdx %v succeeded although the daemon was to die at %s: %s", args, point, out)
		} else if code != 5 {
			t.Errorf("pdx %v with the daemon killed at %s: exit %d, want 5 (unavailable): %s", args, point, code, errOut)
		}
		p.killed(t, point)
	}
	versions := func() []daemon.Version {
		t.Helper()
		var ls lsResult
		pdxJSON(t, ctx, env, &ls, append(hf, "ls")...)
		for _, d := range ls.Datasets {
			if d.Name == "profile" {
				return d.Versions
			}
		}
		t.Fatalf("ls has no dataset profile: %+v", ls)
		return nil
	}

	// 1. The dataset is created on chain (POST /v1/datasets, the API's
	// own create: a put that creates its dataset keeps it only with its
	// first version, put_interrupted.txtar); the daemon dies before
	// indexing it.
	write("v1.json", `{"name":"Alex","v":1}`)
	{
		p := startProcess(t, dir, env, "create:mined")
		tok, err := home.ReadToken(filepath.Join(dir, home.TokenFile))
		if err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequestWithContext(ctx, "POST", "http://127.0.0.1:"+portOf(env)+"/v1/datasets", strings.NewReader(`{"name":"profile"}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			t.Fatalf("creating the dataset succeeded (%d) although the daemon was to die at create:mined", resp.StatusCode)
		}
		p.killed(t, "create:mined")
	}
	// 2. Restart: the dataset is back. The put stores and pins its
	// envelope; the daemon dies before registering it.
	p := startProcess(t, dir, env, "put:stored")
	if v := versions(); len(v) != 0 {
		t.Fatalf("after the create crash: versions %+v, want none", v)
	}
	if code, _, errOut := pdx(t, ctx, env, append(hf, "put", filepath.Join(root, "v1.json"), "--dataset", "profile")...); code != 5 {
		t.Fatalf("put killed at put:stored: exit %d: %s", code, errOut)
	}
	p.killed(t, "put:stored")
	// 3. Restart: the pinned envelope is registered as version 1. The next
	// put registers on chain; the daemon dies before the index has it.
	p = startProcess(t, dir, env, "put:registered")
	if v := versions(); len(v) != 1 || v[0].Version != 1 || v[0].Size != int64(len(files["v1.json"])) {
		t.Fatalf("after the put:stored crash: versions %+v, want version 1 of %d bytes", v, len(files["v1.json"]))
	}
	if code, _, errOut := pdx(t, ctx, env, append(hf, "put", write("v2.json", `{"name":"Alex","v":2}`), "--dataset", "profile")...); code != 5 {
		t.Fatalf("put killed at put:registered: exit %d: %s", code, errOut)
	}
	p.killed(t, "put:registered")
	// 4. Restart: version 2 is in the index. A grant stores its bundle and
	// dies before the transaction.
	grant := append(slices.Clone(hf), "grant", "profile", "--to", brand.addr.Hex(), "--purpose", "research", "--expires", "30d")
	p = startProcess(t, dir, env, "grant:bundle")
	got := versions()
	if len(got) != 2 || got[1].Version != 2 || got[1].Size != int64(len(files["v2.json"])) {
		t.Fatalf("after the put:registered crash: versions %+v, want versions 1 and 2", got)
	}
	if code, _, errOut := pdx(t, ctx, env, grant...); code != 5 {
		t.Fatalf("grant killed at grant:bundle: exit %d: %s", code, errOut)
	}
	p.killed(t, "grant:bundle")
	// 5. The grant is mined; the daemon dies before answering. Then the
	// bundle is lost too (unpinned and collected, as a node that never
	// flushed it would have it).
	p = startProcess(t, dir, env, "grant:mined")
	if code, _, errOut := pdx(t, ctx, env, grant...); code != 5 {
		t.Fatalf("grant killed at grant:mined: exit %d: %s", code, errOut)
	}
	p.killed(t, "grant:mined")
	lost := dropBundles(t, ctx, filepath.Join(dir, "ipfs"))
	if len(lost) == 0 {
		t.Fatal("no kfrag bundle was pinned after the grant")
	}

	// 6. Restart with no crash: the grant is completed with a new bundle,
	// and the brand reads both versions through the proxies.
	p = startProcess(t, dir, env, "")
	defer p.stop(t)
	var lg daemon.LogResponse
	pdxJSON(t, ctx, env, &lg, append(hf, "log")...)
	reconciled := map[string]int{}
	for _, r := range lg.Entries {
		if r.Reconciled {
			reconciled[r.Kind]++
		}
	}
	if want := map[string]int{"create": 1, "put": 2, "grant": 1}; fmt.Sprint(reconciled) != fmt.Sprint(want) {
		t.Errorf("reconciled journal records %v, want %v:\n%+v", reconciled, want, lg.Entries)
	}
	if !strings.Contains(p.stderr.String(), "regranted") {
		t.Errorf("the daemon's log does not report the re-grant:\n%s", p.stderr)
	}
	brand.connect(t, ctx, filepath.Join(dir, "ipfs"), ipfsPort)
	for i, v := range got {
		c, err := cid.Decode(v.CID)
		if err != nil {
			t.Fatal(err)
		}
		want := files[fmt.Sprintf("v%d.json", i+1)]
		var buf bytes.Buffer
		deadline := time.Now().Add(30 * time.Second)
		for {
			buf.Reset()
			_, err = brand.s.Get(ctx, c, &buf)
			if err == nil || time.Now().After(deadline) {
				break
			}
			time.Sleep(300 * time.Millisecond)
		}
		var refused *proxy.RefusedError
		if errors.As(err, &refused) {
			for _, f := range refused.Failures {
				t.Logf("proxy %s: %v", f.Proxy.Hex(), f.Err)
			}
		}
		if err != nil || !bytes.Equal(buf.Bytes(), want) {
			t.Fatalf("the brand's get of version %d after the reconciled grant: %v (%q)\nowner's daemon:\n%s", v.Version, err, buf.Bytes(), p.stderr)
		}
	}
	// A second start finds nothing left to do.
	p.stop(t)
	p = startProcess(t, dir, env, "")
	if strings.Contains(p.stderr.String(), "unfinished") {
		t.Errorf("the second start reconciled again:\n%s", p.stderr)
	}
	p.stop(t)

	// 7. A put that creates its dataset dies once the dataset is on chain
	// and before its version is stored: the next start erases the
	// dataset again, so the name is not listed and is free.
	interrupted("create:mined", "put", write("draft.json", `{"draft":true}`), "--dataset", "draft")
	p = startProcess(t, dir, env, "")
	defer p.stop(t)
	if !strings.Contains(p.stderr.String(), "abandoned") || !strings.Contains(p.stderr.String(), "draft") {
		t.Errorf("the start after the crash does not report the abandoned dataset:\n%s", p.stderr)
	}
	var ls lsResult
	pdxJSON(t, ctx, env, &ls, append(hf, "ls")...)
	for _, d := range ls.Datasets {
		if d.Name == "draft" {
			t.Fatalf("ls lists the dataset of a put that never stored its version: %+v", d)
		}
	}
	var res putResult
	pdxJSON(t, ctx, env, &res, append(hf, "put", filepath.Join(root, "draft.json"), "--dataset", "draft")...)
	if !res.Created || res.Version != 1 {
		t.Fatalf("put to the freed name: %+v, want a new dataset at version 1", res)
	}
}

// dropBundles opens the (stopped) owner's IPFS repo, unpins every kfrag
// bundle and collects them, and returns their CIDs.
func dropBundles(t *testing.T, ctx context.Context, repo string) []cid.Cid {
	t.Helper()
	s, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: repo, Local: true, Listen: []string{"/ip4/127.0.0.1/tcp/0"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pins, err := s.Pins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []cid.Cid
	for _, p := range pins {
		if strings.HasPrefix(p.Name, "pdx/bundle/") {
			if err := s.Unpin(ctx, p.CID); err != nil {
				t.Fatal(err)
			}
			out = append(out, p.CID)
		}
	}
	if _, err := s.GC(ctx); err != nil {
		t.Fatal(err)
	}
	return out
}

// testBrand is a brand in the test process: its own home, keys registered
// on the chain, its own embedded IPFS node.
type testBrand struct {
	addr  common.Address
	s     *service.Service
	store *storage.Embedded
}

func newTestBrand(t *testing.T, ctx context.Context, ch *devchain.Chain, dir string) *testBrand {
	t.Helper()
	if _, err := home.Init(dir, lifecyclePassphrase, home.WithInsecureLightScrypt()); err != nil {
		t.Fatal(err)
	}
	u, err := home.Open(dir, lifecyclePassphrase)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { u.Close() })
	fund(t, ctx, ch, u.Address())
	fs, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: filepath.Join(dir, "ipfs"), Local: true, Listen: []string{"/ip4/127.0.0.1/tcp/0"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fs.Close() })
	s := brandService(t, ctx, ch, u, fs)
	return &testBrand{addr: u.Address(), s: s, store: fs}
}

// connect dials the owner's IPFS node, whose peer id is in its repo's
// config and which listens on port.
func (b *testBrand) connect(t *testing.T, ctx context.Context, repo, port string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repo, "config"))
	if err != nil {
		t.Fatal(err)
	}
	var conf struct{ Identity struct{ PeerID string } }
	if err := json.Unmarshal(raw, &conf); err != nil {
		t.Fatal(err)
	}
	id, err := peer.Decode(conf.Identity.PeerID)
	if err != nil {
		t.Fatal(err)
	}
	ma, err := multiaddr.NewMultiaddr("/ip4/127.0.0.1/tcp/" + port)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.store.Connect(ctx, peer.AddrInfo{ID: id, Addrs: []multiaddr.Multiaddr{ma}}); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
}

// TestTransfers covers what a person sees around a transfer: on a
// terminal (a pty made by util-linux's script) put draws a progress bar on
// stderr that reaches 100%, and get (whose size the stream does not announce)
// a counter that reaches every byte; and a get onto a full disk (a tmpfs
// smaller than the data) fails with the system's reason and a non-zero
// status, leaving no file, partial or temporary, behind. Mounting needs
// root (as in CI); elsewhere that half says so and checks nothing.
func TestTransfers(t *testing.T) {
	ctx, root, ownerDir, brandDir, ownerEnv, brandEnv := twoHomes(t)
	owner := startDaemon(t, ctx, ownerDir, ownerEnv)
	data := bytes.Repeat([]byte("purchase,2026-11-29,coffee,3.20\n"), 16<<10) // 512 KiB
	file := filepath.Join(root, "history.csv")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	bin, err := exec.LookPath("pdx")
	if err != nil {
		t.Fatal(err)
	}
	onTerminal := func(env []string, args ...string) string {
		t.Helper()
		line := bin
		for _, a := range args {
			line += " '" + a + "'"
		}
		cmd := exec.CommandContext(ctx, "script", "-q", "-e", "-c", line, "/dev/null")
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("pdx %v on a terminal: %v\n%s", args, err, out)
		}
		return string(out)
	}
	if out := onTerminal(ownerEnv, "--home", ownerDir, "put", file, "--dataset", "purchases"); !strings.Contains(out, "encrypting and storing 100%") || !strings.Contains(out, "524/524 kB") {
		t.Errorf("put on a terminal drew no complete progress bar:\n%q", out)
	}
	var ls lsResult
	pdxJSON(t, ctx, ownerEnv, &ls, "--home", ownerDir, "ls")
	if len(ls.Datasets) != 1 || len(ls.Datasets[0].Versions) != 1 {
		t.Fatalf("ls after the put on a terminal: %+v", ls)
	}
	c := ls.Datasets[0].Versions[0].CID
	stopBrand := startBrand(t, ctx, owner.node, brandDir, portOf(brandEnv))
	defer stopBrand()
	brandKeys, err := home.Load(brandDir)
	if err != nil {
		t.Fatal(err)
	}
	var g daemon.GrantResponse
	pdxJSON(t, ctx, ownerEnv, &g, "--home", ownerDir, "grant", "purchases", "--to", brandKeys.Keys().Address.Hex(),
		"--purpose", "research", "--expires", "1d")
	// The proxies learn of the grant a poll later.
	if code, _, errOut := eventually(t, ctx, 0, brandEnv, "--home", brandDir, "get", c, "-o", filepath.Join(root, "ok.csv")); code != 0 {
		t.Fatalf("brand get: exit %d: %s", code, errOut)
	}
	if out := onTerminal(brandEnv, "--home", brandDir, "get", c, "-o", filepath.Join(root, "tty.csv")); !strings.Contains(out, "fetching and decrypting (524 kB") {
		t.Errorf("get on a terminal drew no complete progress bar:\n%q", out)
	}
	if got, err := os.ReadFile(filepath.Join(root, "tty.csv")); err != nil || !bytes.Equal(got, data) {
		t.Errorf("get on a terminal wrote %d bytes (%v), want %d", len(got), err, len(data))
	}

	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("the full-disk check mounts a tmpfs and needs root, which CI runs as")
		}
		t.Log("not root: a full disk cannot be simulated with a small tmpfs here; not checked")
		return
	}
	full := filepath.Join(root, "full")
	if err := os.Mkdir(full, 0o700); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", full).CombinedOutput(); err != nil {
		t.Fatalf("mounting a 128 KiB tmpfs at %s: %v: %s", full, err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", full).Run() })
	code, _, errOut := pdx(t, ctx, brandEnv, "--home", brandDir, "get", c, "-o", filepath.Join(full, "got.csv"))
	if code == 0 || !strings.Contains(errOut, "no space left on device") {
		t.Errorf("get onto a full disk: exit %d, want non-zero naming the full disk: %s", code, errOut)
	}
	if left, _ := os.ReadDir(full); len(left) != 0 {
		t.Errorf("a get that ran out of space left %d files behind: %v", len(left), left[0].Name())
	}
}
