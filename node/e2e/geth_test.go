package e2e

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/pdx-network/pdx/acl"
)

// gethDevKey is the account geth --dev creates and funds when its keystore
// is empty (go-ethereum's published developer key).
const gethDevKey = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"

var gethEndpointRE = regexp.MustCompile(`HTTP server started\s.*endpoint=(127\.0\.0\.1:[0-9]+)`)

// startGeth runs `geth --dev` (a block per transaction) with JSON-RPC on a
// free loopback port until the test ends, and returns its URL.
func startGeth(t *testing.T) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, gethBinary(t),
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
	var mu sync.Mutex
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if m := gethEndpointRE.FindStringSubmatch(line); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
			mu.Lock()
			if tail = append(tail, line); len(tail) > 20 {
				tail = tail[1:]
			}
			mu.Unlock()
		}
		cmd.Wait()
	}()
	select {
	case ep := <-found:
		return "http://" + ep
	case <-done:
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("geth exited before serving JSON-RPC:\n%s", strings.Join(tail, "\n"))
	case <-time.After(60 * time.Second):
		t.Fatal("geth did not start its HTTP server within 60s")
	}
	return ""
}

// fund sends value from the dev account to each address and waits for the
// receipts.
func fund(ctx context.Context, ec *ethclient.Client, from *ecdsa.PrivateKey, value *big.Int, to ...common.Address) error {
	id, err := ec.ChainID(ctx)
	if err != nil {
		return err
	}
	nonce, err := ec.PendingNonceAt(ctx, crypto.PubkeyToAddress(from.PublicKey))
	if err != nil {
		return err
	}
	tip, err := ec.SuggestGasTipCap(ctx)
	if err != nil {
		return err
	}
	h, err := ec.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	var txs []*types.Transaction
	for i, a := range to {
		tx, err := types.SignNewTx(from, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
			Nonce: nonce + uint64(i), To: &a, Value: value, Gas: 21000, GasTipCap: tip,
			GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(h.BaseFee, big.NewInt(2))),
		})
		if err != nil {
			return err
		}
		if err := ec.SendTransaction(ctx, tx); err != nil {
			return err
		}
		txs = append(txs, tx)
	}
	for _, tx := range txs {
		for {
			rc, err := ec.TransactionReceipt(ctx, tx.Hash())
			if err == nil {
				if rc.Status != types.ReceiptStatusSuccessful {
					return fmt.Errorf("funding transaction %s failed", tx.Hash())
				}
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(20 * time.Millisecond):
			}
		}
	}
	return nil
}

// TestGethDevProcess runs the proxies against a real geth --dev process
// instead of the embedded chain: the Registry deployed over JSON-RPC, three
// `pdx proxy` processes, one grant and one get.
func TestGethDevProcess(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	built := make(chan struct{})
	go func() { defer close(built); pdxBinary(t) }()
	url := startGeth(t)
	api := startIPFS(t)
	<-built

	ec, err := ethclient.DialContext(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ec.Close)
	dev, err := crypto.HexToECDSA(gethDevKey)
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]*ecdsa.PrivateKey, 5) // owner, brand, 3 proxies
	var addrs []common.Address
	for i := range keys {
		keys[i], _ = crypto.GenerateKey()
		addrs = append(addrs, crypto.PubkeyToAddress(keys[i].PublicKey))
	}
	if err := fund(ctx, ec, dev, new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether)), addrs...); err != nil {
		t.Fatalf("funding the test accounts from geth's dev account: %v", err)
	}
	reg, rc, err := acl.Deploy(ctx, ec, keys[0], time.Hour, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, ctx, url, reg.Address(), rc.BlockNumber.Uint64(), api, keys[0], keys[1])
	p := []*proxyProc{w.proxy(keys[2]), w.proxy(keys[3]), w.proxy(keys[4])}

	data := randomBytes(32 << 10)
	ds, c := w.put(data)
	start := time.Now()
	g := w.grant(ds, []common.Address{common.HexToAddress(p[0].started.Address), common.HexToAddress(p[1].started.Address), common.HexToAddress(p[2].started.Address)}, 2)
	grantTook := time.Since(start)
	got, took := w.getEventually(c, 20*time.Second)
	if !bytes.Equal(got, data) {
		t.Fatal("the brand got other bytes")
	}
	if p[0].started.ChainID != 1337 {
		t.Fatalf("proxy reports chain id %d; geth --dev is 1337", p[0].started.ChainID)
	}
	t.Logf("geth --dev: grant 2-of-3 mined in %s (block %d), first successful get %s later", grantTook.Round(time.Millisecond), g.Block, took.Round(time.Millisecond))
}

// big1e18 is one ether in wei.
func big1e18() *big.Int { return big.NewInt(params.Ether) }
