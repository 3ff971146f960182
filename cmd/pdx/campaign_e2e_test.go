package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
)

// campaignOwner is one owner of TestCampaignManyOwners: its home, its
// daemon process, its rules and what the test expects its agent to do.
type campaignOwner struct {
	i       int
	dir     string
	env     []string
	token   string
	proc    *daemonProcess
	rules   []string // PDX_MARKET_CAMPAIGNS_* of its daemon
	desc    string   // its dataset's description (JSON)
	rule    string   // the rule its agent refuses by; "" joins
	data    []byte
	put     daemon.PutResponse
	decided daemon.CampaignDecision
}

// TestCampaignManyOwners runs a campaign on real processes: 20 owners'
// `pdx daemon`s and a brand's on one dev chain, each owner with its own
// described dataset and its own [market.campaigns] rules. The brand funds
// a campaign for 15 people; the 13 owners whose rules and data fit are
// joined by their agents (granted, paid into vesting on chain), the 7
// others record the rule that refused (price, purpose, brand, category,
// wants, auto_join). The brand reads exactly the joined datasets, byte for
// byte; one owner revokes and its unvested share goes back to the brand;
// closing refunds the two places not taken — every wei accounted for.
//
// To keep 21 daemons on two cores the owners use the brand's three proxies
// (proxies.mode = "remote"), so 3 proxies run, not 63.
func TestCampaignManyOwners(t *testing.T) {
	if testing.Short() {
		t.Skip("21 daemons: not in -short")
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	root := t.TempDir()
	const n = 20
	price := big.NewInt(1_000_000)

	brandDir := filepath.Join(root, "brand")
	bh, err := home.Init(brandDir, lifecyclePassphrase, home.WithInsecureLightScrypt())
	if err != nil {
		t.Fatal(err)
	}
	brandAddr := bh.Keys().Address
	proxies := localProxyKeys(t, brandDir)
	fundList := append([]common.Address{brandAddr}, proxies...)

	accept := []string{"PDX_MARKET_CAMPAIGNS_AUTO_JOIN=true", "PDX_MARKET_CAMPAIGNS_CATEGORIES=purchases",
		"PDX_MARKET_CAMPAIGNS_PURPOSES=dpv:ResearchAndDevelopment,dpv:ServiceOptimisation", "PDX_MARKET_CAMPAIGNS_MIN_PRICE_WEI=1000"}
	with := func(kv ...string) []string {
		out := []string{}
		for _, a := range accept {
			k, _, _ := strings.Cut(a, "=")
			keep := true
			for _, b := range kv {
				if bk, _, _ := strings.Cut(b, "="); bk == k {
					keep = false
				}
			}
			if keep {
				out = append(out, a)
			}
		}
		return append(out, kv...)
	}
	shop := `{"title":"Shop history %d","category":"purchases","fields":["date","price","shop"],"rows":%d}`
	owners := make([]*campaignOwner, n)
	for i := range n {
		o := &campaignOwner{i: i, dir: filepath.Join(root, fmt.Sprintf("owner%02d", i)), rules: accept}
		o.data = []byte(fmt.Sprintf("date,price,shop\n2025-01-%02d,%d.50,Grocer %d\n2025-02-01,3.10,Bakery\n", i+1, i+10, i))
		o.desc = fmt.Sprintf(shop, i, 2)
		switch i {
		case 13:
			o.rules, o.rule = with("PDX_MARKET_CAMPAIGNS_MIN_PRICE_WEI=1000000000000000000"), "min_price_wei"
		case 14:
			o.rules, o.rule = with("PDX_MARKET_CAMPAIGNS_PURPOSES=dpv:AcademicResearch"), "purposes"
		case 15:
			o.rules, o.rule = with("PDX_MARKET_CAMPAIGNS_NEVER_BRANDS="+brandAddr.Hex()), "never_brands"
		case 16:
			o.rules, o.rule = with("PDX_MARKET_CAMPAIGNS_CATEGORIES=health"), "categories"
		case 17:
			o.desc, o.rule = `{"title":"Steps","category":"fitness","rows":2}`, "wants"
		case 18:
			o.desc, o.rule = fmt.Sprintf(shop, i, 1), "wants" // fewer records than wanted
		case 19:
			o.rules, o.rule = with("PDX_MARKET_CAMPAIGNS_AUTO_JOIN=false"), "auto_join"
		}
		h, err := home.Init(o.dir, lifecyclePassphrase, home.WithInsecureLightScrypt())
		if err != nil {
			t.Fatal(err)
		}
		fundList = append(fundList, h.Keys().Address)
		owners[i] = o
	}
	ch := rpcChain(t, ctx, root, fundList, 0)
	bc, err := acl.New(ctx, ch.Client(), ch.Registry(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}

	brandEnv := rpcEnv(pdxEnv(brandDir, freePort(t)), ch)
	startProcess(t, brandDir, brandEnv, "")
	var network config.Network
	getJSON(t, ctx, "http://127.0.0.1:"+portOf(brandEnv)+"/v1/network", &network)
	if len(network.IPFSPeers) == 0 {
		t.Fatalf("the brand's daemon names no IPFS address: %+v", network)
	}
	proxyList := make([]string, len(proxies))
	for i, p := range proxies {
		proxyList[i] = p.Hex()
	}
	t.Logf("brand up at %s", time.Since(start).Round(time.Millisecond))

	// The owners' daemons start together (each waits for its own API).
	var wg sync.WaitGroup
	ports := map[string]bool{portOf(brandEnv): true}
	for _, o := range owners {
		port := freePort(t)
		for ports[port] { // free a moment ago, but none is bound yet
			port = freePort(t)
		}
		ports[port] = true
		o.env = append(rpcEnv(pdxEnv(o.dir, port), ch), "PDX_PROXIES_MODE=remote", "PDX_PROXIES_ADDRESSES="+strings.Join(proxyList, ","),
			"PDX_IPFS_BOOTSTRAP="+strings.Join(network.IPFSPeers, ","))
		o.env = append(o.env, o.rules...)
	}
	procs := make([]*daemonProcess, n)
	errs := make([]error, n)
	for i, o := range owners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			procs[i], errs[i] = spawnDaemon(o.dir, o.env)
		}()
	}
	wg.Wait()
	for i, o := range owners {
		if errs[i] != nil {
			t.Fatalf("owner %d: %v", i, errs[i])
		}
		o.proc = procs[i]
		p := o.proc
		t.Cleanup(func() {
			_ = p.cmd.Process.Kill()
			<-p.exited
		})
		tok, err := home.ReadToken(filepath.Join(o.dir, home.TokenFile))
		if err != nil {
			t.Fatal(err)
		}
		o.token = tok
	}
	t.Logf("20 owners up at %s", time.Since(start).Round(time.Millisecond))

	// Each owner puts and describes its dataset.
	for _, o := range owners {
		f := filepath.Join(o.dir, "shop.csv")
		if err := os.WriteFile(f, o.data, 0o600); err != nil {
			t.Fatal(err)
		}
		pdxJSON(t, ctx, o.env, &o.put, "--home", o.dir, "put", f, "--dataset", "shop")
		o.api(t, ctx, "PUT", "/v1/datasets/shop/description", o.desc, nil)
	}
	t.Logf("20 datasets put and described at %s", time.Since(start).Round(time.Millisecond))

	var created daemon.CampaignView
	pdxJSON(t, ctx, brandEnv, &created, "--home", brandDir, "campaign", "create", "--policy", "analytics-only", "--price", price.String(),
		"--duration", "30d", "--cap", "15", "--deadline", "1d", "--category", "purchases", "--want-fields", "price", "--min-rows", "2")
	id := created.ID
	createdAt := time.Now()
	head0, _ := ch.Client().BlockNumber(ctx)

	// Every owner's agent decides; the accepting ones join.
	for _, o := range owners {
		deadline := time.Now().Add(90 * time.Second)
		for {
			var v daemon.CampaignView
			o.api(t, ctx, "GET", fmt.Sprintf("/v1/campaigns/%d", id), "", &v)
			if v.Agent != nil {
				o.decided = *v.Agent
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("owner %d's agent did not decide campaign %d within 90s:\n%s", o.i, id, tail(o.proc.stderr.String(), 3000))
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	decidedIn := time.Since(createdAt)
	joined := 0
	var lastJoin uint64
	for _, o := range owners {
		d := o.decided
		t.Logf("owner %d: %s %s %s", o.i, d.State, d.Rule, d.Reason)
		if o.rule == "" {
			if d.State != daemon.DecisionJoined || d.Dataset != "shop" || d.ByHand || d.JoinBlock == 0 {
				t.Errorf("owner %d: decided %+v, want joined with shop", o.i, d)
				continue
			}
			joined++
			lastJoin = max(lastJoin, d.JoinBlock)
			v, err := bc.VestingOf(ctx, o.put.ID, brandAddr)
			if err != nil || v.Amount.Cmp(price) != 0 {
				t.Errorf("owner %d: vesting %+v (%v), want %s wei", o.i, v, err, price)
			}
			continue
		}
		if d.State != daemon.DecisionRefused || d.Rule != o.rule || d.Reason == "" {
			t.Errorf("owner %d: decided %+v, want refused by %s", o.i, d, o.rule)
		}
		if ok, err := bc.JoinedCampaign(ctx, id, o.put.ID); err != nil || ok {
			t.Errorf("owner %d refused but its dataset joined (%v)", o.i, err)
		}
	}
	c, err := bc.CampaignOf(ctx, id)
	if err != nil || int(c.Joined) != joined || joined != 13 {
		t.Fatalf("campaign %d: %+v (%v); %d agents joined, want 13", id, c, err, joined)
	}
	t.Logf("13 joined and 7 refused within %s of the campaign, joins in blocks %d..%d (head %d at creation)", decidedIn.Round(time.Millisecond), head0+1, lastJoin, head0)

	// The brand reads exactly the joined datasets with one command, byte
	// for byte, and none of the others: pdx campaign get writes one file
	// per joined dataset, named by owner and dataset.
	readStart := time.Now()
	outDir := filepath.Join(root, "campaign")
	var code int
	var stdout []byte
	var stderr string
	for try := 0; try < 50; try++ { // the proxies follow the grants within a poll
		if code, stdout, stderr = pdx(t, ctx, brandEnv, "--home", brandDir, "--json", "campaign", "get", strconv.FormatUint(id, 10), "-o", outDir, "--purpose", "dpv:ResearchAndDevelopment"); code == 0 && bytes.Contains(stdout, []byte(`"read":13`)) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if code != 0 || !bytes.Contains(stdout, []byte(`"read":13`)) {
		t.Fatalf("campaign get: exit %d\n%s\n%s", code, stdout, stderr)
	}
	files, err := os.ReadDir(outDir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(outDir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[strings.TrimSuffix(f.Name(), filepath.Ext(f.Name()))] = b
	}
	if len(got) != 13 {
		t.Errorf("campaign get wrote %d files, want the 13 joined datasets", len(got))
	}
	for _, o := range owners {
		oh, err := home.Load(o.dir)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%s-%d", oh.Keys().Address.Hex(), o.put.ID)
		b, ok := got[name]
		switch {
		case o.rule != "" && ok:
			t.Errorf("campaign get wrote owner %d's dataset, which did not join", o.i)
		case o.rule == "" && (!ok || !bytes.Equal(b, o.data)):
			t.Errorf("owner %d: campaign get wrote %d bytes (found %v), want its %d bytes", o.i, len(b), ok, len(o.data))
		}
		if o.rule != "" { // and a single get of a refused owner's dataset is refused too
			args := []string{"--home", brandDir, "get", o.put.CID, "--purpose", "dpv:ResearchAndDevelopment", "-o", filepath.Join(root, fmt.Sprintf("got%02d.csv", o.i))}
			if code, _, _ := pdx(t, ctx, brandEnv, args...); code == 0 {
				t.Errorf("the brand read owner %d's dataset, which did not join", o.i)
			}
		}
	}
	t.Logf("the brand read the 13 datasets in %s", time.Since(readStart).Round(time.Millisecond))

	// One participant revokes: its unvested share goes back to the brand,
	// what vested to the owner; together exactly the price.
	o0 := owners[0]
	if code, out, stderr := pdx(t, ctx, o0.env, "--home", o0.dir, "revoke", "shop", "--to", brandAddr.Hex()); code != 0 {
		t.Fatalf("revoke: %d %s %s", code, out, stderr)
	}
	oh, err := home.Load(o0.dir)
	if err != nil {
		t.Fatal(err)
	}
	ownerBal, err := bc.BalanceOf(ctx, oh.Keys().Address)
	if err != nil {
		t.Fatal(err)
	}
	brandBal, err := bc.BalanceOf(ctx, brandAddr)
	if err != nil {
		t.Fatal(err)
	}
	if new(big.Int).Add(ownerBal, brandBal).Cmp(price) != 0 || brandBal.Sign() <= 0 {
		t.Fatalf("after the revoke: owner %s + brand %s wei, want the price %s with the brand's share above zero", ownerBal, brandBal, price)
	}
	if v, _ := bc.VestingOf(ctx, o0.put.ID, brandAddr); v.Amount.Sign() != 0 {
		t.Fatalf("vesting left after the revoke: %s", v.Amount)
	}

	// Closing refunds the two places not taken.
	var closed daemon.CloseCampaignResponse
	pdxJSON(t, ctx, brandEnv, &closed, "--home", brandDir, "campaign", "close", fmt.Sprint(id))
	twoPlaces := new(big.Int).Mul(price, big.NewInt(2))
	if closed.RefundWei != twoPlaces.String() {
		t.Fatalf("close refunded %s wei, want %s", closed.RefundWei, twoPlaces)
	}
	after, err := bc.BalanceOf(ctx, brandAddr)
	if err != nil {
		t.Fatal(err)
	}
	if want := new(big.Int).Add(brandBal, twoPlaces); after.Cmp(want) != 0 {
		t.Fatalf("the brand's balance after the close: %s wei, want %s", after, want)
	}
	t.Logf("whole test %s", time.Since(start).Round(time.Millisecond))
}

// spawnDaemon starts `pdx daemon` on dir as its own process and waits
// (60 s) until it serves; unlike startProcess it may run in a goroutine.
func spawnDaemon(dir string, env []string) (*daemonProcess, error) {
	p := &daemonProcess{stderr: new(syncBuffer), exited: make(chan struct{})}
	bin, err := exec.LookPath("pdx")
	if err != nil {
		return nil, err
	}
	p.cmd = exec.Command(bin, "--home", dir, "daemon")
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stderr = p.stderr
	if err := p.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		_ = p.cmd.Wait()
		p.state = p.cmd.ProcessState
		close(p.exited)
	}()
	// The daemon answers /healthz with its account to its own token: a
	// process of another test on the same port is not taken for it.
	h, err := home.Load(dir)
	if err != nil {
		return nil, err
	}
	tok, err := home.ReadToken(filepath.Join(dir, home.TokenFile))
	if err != nil {
		return nil, err
	}
	url := "http://127.0.0.1:" + portOf(env) + "/healthz"
	deadline := time.Now().Add(90 * time.Second)
	for {
		select {
		case <-p.exited:
			return nil, fmt.Errorf("pdx daemon exited before serving (%v):\n%s", p.state, p.stderr)
		default:
		}
		req, _ := http.NewRequest("GET", url, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		if r, err := http.DefaultClient.Do(req); err == nil {
			var hz struct {
				Address string `json:"address"`
			}
			_ = json.NewDecoder(r.Body).Decode(&hz)
			r.Body.Close()
			if r.StatusCode == http.StatusOK && common.HexToAddress(hz.Address) == h.Keys().Address {
				return p, nil
			}
		}
		if time.Now().After(deadline) {
			_ = p.cmd.Process.Kill()
			return nil, fmt.Errorf("pdx daemon did not serve within 90s:\n%s", p.stderr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// api calls the owner's daemon with its token; body is JSON text.
func (o *campaignOwner) api(t *testing.T, ctx context.Context, method, path, body string, out any) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, "http://127.0.0.1:"+portOf(o.env)+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+o.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("owner %d: %s %s: %d %s", o.i, method, path, resp.StatusCode, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("owner %d: %s %s: %v in %s", o.i, method, path, err, b)
		}
	}
}

func getJSON(t *testing.T, ctx context.Context, url string, out any) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}
