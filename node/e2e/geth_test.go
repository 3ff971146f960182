package e2e

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/internal/testbin"
)

const gethDevKey = testbin.GethDevKey

// startGeth runs `geth --dev` until the test ends and returns its URL.
func startGeth(t *testing.T) string { return testbin.StartGeth(t) }

// fund sends value from the dev account to each address and waits for the
// receipts.
func fund(ctx context.Context, ec *ethclient.Client, from *ecdsa.PrivateKey, value *big.Int, to ...common.Address) error {
	return testbin.Fund(ctx, ec, from, value, to...)
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
