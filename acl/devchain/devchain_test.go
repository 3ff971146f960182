package devchain

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/log"

	"github.com/pdx-network/pdx/acl"
)

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return c
}

func TestOpenRefusesBadState(t *testing.T) {
	if _, err := Open(ctx(t), Config{}); err == nil {
		t.Fatal("opened without a directory")
	}
	for name, content := range map[string]string{
		"not json":    "{",
		"version 2":   `{"version": 2, "keys": ["01"]}`,
		"no accounts": `{"version": 1, "keys": []}`,
		"bad key":     `{"version": 1, "keys": ["zz"], "balance": "1"}`,
		"bad balance": `{"version": 1, "keys": ["4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"], "balance": "x"}`,
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, stateFile), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if c, err := Open(ctx(t), Config{Dir: dir}); !errors.Is(err, ErrState) {
			if c != nil {
				c.Close()
			}
			t.Errorf("%s: %v, want ErrState", name, err)
		}
	}
}

// TestOpenNoticesLostChain: the state file survives but the chain data is
// gone; Open says so instead of handing out a Registry address with no code.
func TestOpenNoticesLostChain(t *testing.T) {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	dir := t.TempDir()
	c, err := Open(ctx(t), Config{Dir: dir, Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "geth")); err != nil {
		t.Fatal(err)
	}
	if c, err := Open(ctx(t), Config{Dir: dir}); !errors.Is(err, ErrState) {
		if c != nil {
			c.Close()
		}
		t.Fatalf("reopen without chain data: %v, want ErrState", err)
	}
	info, err := os.Stat(filepath.Join(dir, stateFile))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("state file mode %v: it holds private keys", info.Mode().Perm())
	}
}

func TestStateVector(t *testing.T) {
	st, found, err := loadState(filepath.Join("testdata", "devchain-v1.json"))
	if err != nil || !found {
		t.Fatalf("load: %v, %v", found, err)
	}
	if st.GrantWindow != 86400 || st.DeployBlock != 1 || st.Registry == nil ||
		st.Registry.Hex() != "0x5FbDB2315678afecb367f032d93F642f64180aa3" {
		t.Fatalf("state %+v", st)
	}
	g, err := st.genesis()
	if err != nil {
		t.Fatal(err)
	}
	// The key's address (a well-known test key) and the fund address hold
	// the balance; the chain is on Osaka and nothing after it.
	for _, a := range []string{"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", "0x00000000000000000000000000000000000000aa"} {
		acc, ok := g.Alloc[common.HexToAddress(a)]
		if !ok || acc.Balance.String() != "1000000000000000000000" {
			t.Errorf("%s: %+v", a, acc)
		}
	}
	if g.Config.ChainID.Int64() != ChainID || g.Config.OsakaTime == nil || g.Config.BogotaTime != nil {
		t.Fatalf("config %v", g.Config)
	}
}

// TestHTTPEndpoint: with Config.HTTP the chain answers JSON-RPC over HTTP on
// loopback, and another client sees the same chain (the Registry's code,
// the funded accounts, and a transaction sent in-process).
func TestHTTPEndpoint(t *testing.T) {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	c, err := Open(ctx(t), Config{Dir: t.TempDir(), Accounts: 2, HTTP: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	ep := c.HTTPEndpoint()
	if !strings.HasPrefix(ep, "http://127.0.0.1:") || strings.HasSuffix(ep, ":0") {
		t.Fatalf("endpoint %q, want http://127.0.0.1:<bound port>", ep)
	}
	hc, err := ethclient.DialContext(ctx(t), ep)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(hc.Close)
	id, err := hc.ChainID(ctx(t))
	if err != nil || id.Int64() != ChainID {
		t.Fatalf("chain id over HTTP: %v, %v", id, err)
	}
	code, err := hc.CodeAt(ctx(t), c.Registry(), nil)
	if err != nil || len(code) == 0 {
		t.Fatalf("Registry code over HTTP: %d bytes, %v", len(code), err)
	}
	// A registration sent in-process shows up over HTTP, logs included
	// (what a proxy's follower reads).
	cl, err := acl.New(ctx(t), c.Client(), c.Registry(), c.Accounts()[1], nil)
	if err != nil {
		t.Fatal(err)
	}
	rc, err := cl.RegisterProxy(ctx(t), "http://127.0.0.1:1", make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	head, err := hc.BlockNumber(ctx(t))
	if err != nil || head < rc.BlockNumber.Uint64() {
		t.Fatalf("head over HTTP %d (%v), transaction in block %d", head, err, rc.BlockNumber)
	}
	f := acl.NewFollower(hc, c.Registry(), &acl.MemoryCursor{})
	f.Start = c.DeployBlock()
	var names []string
	if _, err := f.Poll(ctx(t), func(_ context.Context, ev acl.Event) error { names = append(names, ev.Name); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "ProxyRegistered" {
		t.Fatalf("events over HTTP %v, want [ProxyRegistered]", names)
	}
	// Without HTTP there is no endpoint; a non-loopback address is refused.
	c2, err := Open(ctx(t), Config{Dir: t.TempDir(), Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if c2.HTTPEndpoint() != "" {
		t.Fatalf("endpoint %q without Config.HTTP", c2.HTTPEndpoint())
	}
	for _, bad := range []string{"0.0.0.0:0", "192.0.2.1:8545", "127.0.0.1", "127.0.0.1:notaport"} {
		if c, err := Open(ctx(t), Config{Dir: t.TempDir(), HTTP: bad}); !errors.Is(err, ErrHTTPAddress) {
			if c != nil {
				c.Close()
			}
			t.Errorf("HTTP %q: %v, want ErrHTTPAddress", bad, err)
		}
	}
}

// TestHTTPHostsAndLAN: the JSON-RPC answers a request that names localhost
// or an IP address in its Host header and refuses any other name (a page
// reaching it through DNS rebinding); HTTPLAN admits a private LAN address
// but still no public one and not every interface.
func TestHTTPHostsAndLAN(t *testing.T) {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	c, err := Open(ctx(t), Config{Dir: t.TempDir(), Accounts: 1, HTTP: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	body := `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}`
	for host, want := range map[string]int{"": 200, "localhost": 200, "127.0.0.1": 200, "evil.example": 403, "localhost.evil.example": 403} {
		req, err := http.NewRequestWithContext(ctx(t), "POST", c.HTTPEndpoint(), strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: status %d, want %d", host, resp.StatusCode, want)
		}
		if acao := resp.Header.Get("Access-Control-Allow-Origin"); acao != "" {
			t.Errorf("Host %q: CORS header %q, want none", host, acao)
		}
	}
	for _, bad := range []string{"0.0.0.0:0", "[::]:0", "192.0.2.1:8545", "8.8.8.8:8545"} {
		if c, err := Open(ctx(t), Config{Dir: t.TempDir(), HTTP: bad, HTTPLAN: true}); !errors.Is(err, ErrHTTPAddress) {
			if c != nil {
				c.Close()
			}
			t.Errorf("HTTP %q with HTTPLAN: %v, want ErrHTTPAddress", bad, err)
		}
	}
	for _, ok := range []string{"10.1.2.3:8545", "192.168.1.20:8545", "[fd00::1]:8545", "127.0.0.1:8545"} {
		if _, _, err := httpAddress(ok, true); err != nil {
			t.Errorf("HTTP %q with HTTPLAN: %v, want accepted", ok, err)
		}
		if _, _, err := httpAddress(ok, false); (err == nil) != strings.HasPrefix(ok, "127.") {
			t.Errorf("HTTP %q without HTTPLAN: %v", ok, err)
		}
	}
}

// TestSealsAtOnce opens fresh chains back to back, under load from parallel
// senders, and wants every transaction sealed within seconds: a transaction
// sent in the instant after start, or among many at once, must never wait for
// a later one.
func TestSealsAtOnce(t *testing.T) {
	for i := range 8 {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		c, err := Open(ctx, Config{Dir: t.TempDir(), Accounts: 4})
		if err != nil {
			cancel()
			t.Fatalf("chain %d: %v", i, err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 4*5)
		for _, key := range c.Accounts() {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 5 {
					if err := sendSelf(ctx, c, key); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("chain %d: %v", i, err)
		}
		c.Close()
		cancel()
	}
}

// sendSelf sends 1 wei from key to itself and waits for the receipt.
func sendSelf(ctx context.Context, c *Chain, key *ecdsa.PrivateKey) error {
	cl := c.Client()
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := cl.PendingNonceAt(ctx, from)
	if err != nil {
		return err
	}
	tip, err := cl.SuggestGasTipCap(ctx)
	if err != nil {
		return err
	}
	head, err := cl.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(ChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(ChainID), Nonce: nonce, To: &from, Value: big.NewInt(1), Gas: 21000,
		GasTipCap: tip, GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))),
	})
	if err != nil {
		return err
	}
	if err := cl.SendTransaction(ctx, tx); err != nil {
		return err
	}
	for {
		if _, err := cl.TransactionReceipt(ctx, tx.Hash()); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("transaction %d of %s not sealed: %w", nonce, from, ctx.Err())
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// childEnv names the chain directory a re-executed test binary opens in
// TestSurvivesKill.
const childEnv = "PDX_DEVCHAIN_KILL_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		os.Exit(killChild(dir))
	}
	os.Exit(m.Run())
}

// killChild opens the chain in dir, seals a transaction, prints its block
// and then waits to be killed.
func killChild(dir string) int {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	ctx := context.Background()
	c, err := Open(ctx, Config{Dir: dir, Accounts: 2})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	if err := sendSelf(ctx, c, c.Accounts()[1]); err != nil {
		fmt.Println("error:", err)
		return 1
	}
	n, err := c.Client().BlockNumber(ctx)
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	// The sealer flushes a block to disk right after sealing it, in the
	// same moment a receipt becomes readable; a kill inside those
	// milliseconds may lose the last block (the chain stays whole, one
	// block shorter). The test's claim is about any later kill.
	time.Sleep(200 * time.Millisecond)
	fmt.Println("sealed", n)
	select {}
}

// TestSurvivesKill: a process holding the chain is killed with SIGKILL
// just after its transactions are sealed, as a crashed daemon would be; the
// next start has the Registry and every sealed block.
func TestSurvivesKill(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	cmd.Process.Kill()
	cmd.Wait()
	var sealed uint64
	if _, serr := fmt.Sscanf(line, "sealed %d", &sealed); serr != nil {
		t.Fatalf("child: %q (%v)", line, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := Open(ctx, Config{Dir: dir})
	if err != nil {
		t.Fatalf("reopening after SIGKILL: %v", err)
	}
	defer c.Close()
	n, err := c.Client().BlockNumber(ctx)
	if err != nil || n < sealed {
		t.Fatalf("after SIGKILL the chain is at block %d (%v), the killed process had sealed %d", n, err, sealed)
	}
	bal, err := c.Client().BalanceAt(ctx, crypto.PubkeyToAddress(c.Accounts()[1].PublicKey), nil)
	if err != nil || bal.Sign() == 0 {
		t.Fatalf("the sealed transactions' state is gone: balance %v (%v)", bal, err)
	}
	// And it goes on sealing.
	if err := sendSelf(ctx, c, c.Accounts()[0]); err != nil {
		t.Fatal(err)
	}
}
