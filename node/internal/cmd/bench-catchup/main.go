// Command bench-catchup measures what a re-encryption proxy pays to catch
// up with the Registry: a chain holds -own grants whose bundles were sealed
// for the proxy among -others grants sealed for three other proxies, and a
// fresh proxy follows it from the deploy block twice — as before issue 19
// (every Granted event of the network, each recorded and its bundle looked
// up) and as now (only the GrantedVia events naming it, and the revocations
// and erasures). It prints one line per way:
//
//	catchup <way> own=<n> others=<n> events=<delivered> grants=<stored> ms=<elapsed>
//
// The chain is go-ethereum's simulated backend (grants batched 200 to a
// block); bundles are not served (each lookup fails at once), so the
// "before" figure is a floor: a real proxy also fetches every bundle.
// `make bench-catchup` runs it.
package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/simchain"
	"github.com/pdx-network/pdx/node/proxy"
)

func main() {
	own := flag.Int("own", 1000, "grants naming the measured proxy")
	others := flag.Int("others", 10000, "grants naming other proxies only")
	flag.Parse()
	if err := run(context.Background(), *own, *others); err != nil {
		fmt.Fprintln(os.Stderr, "bench-catchup:", err)
		os.Exit(1)
	}
}

// noBundles serves no bundle: the proxy's background lookup fails at once.
type noBundles struct{}

func (noBundles) Bundle(context.Context, common.Hash) ([]byte, error) {
	return nil, errors.New("bench-catchup: bundles are not served")
}

func run(ctx context.Context, own, others int) error {
	ownerKey, err := crypto.GenerateKey()
	if err != nil {
		return err
	}
	owner := crypto.PubkeyToAddress(ownerKey.PublicKey)
	balance := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(1e18))
	sim := simulated.NewBackend(types.GenesisAlloc{owner: {Balance: balance}}, func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = devchain.ChainConfig()
		ec.Genesis.GasLimit = 60_000_000
		ec.Miner.GasCeil = 60_000_000
	})
	defer sim.Close()
	backend := simchain.NewAutoMine(sim)
	c, rc, err := acl.Deploy(ctx, backend, ownerKey, time.Hour, nil)
	if err != nil {
		return err
	}
	deployBlock := rc.BlockNumber.Uint64()
	dk, err := crypto.GenerateKey()
	if err != nil {
		return err
	}
	dataset, _, err := c.CreateDataset(ctx, crypto.CompressPubkey(&dk.PublicKey))
	if err != nil {
		return err
	}

	proxyKey, err := crypto.GenerateKey()
	if err != nil {
		return err
	}
	measured := crypto.PubkeyToAddress(proxyKey.PublicKey)
	strangers := []common.Address{newAddress(), newAddress(), newAddress()}
	start := time.Now()
	if err := fill(ctx, sim, ownerKey, c.Address(), dataset, own, others, measured, strangers); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bench-catchup: %d grants mined in %v\n", own+others, time.Since(start).Round(time.Millisecond))

	for _, way := range []string{"before", "after"} {
		delivered, stored, elapsed, err := catchUp(ctx, c, sim, proxyKey, deployBlock, way == "after")
		if err != nil {
			return fmt.Errorf("%s: %w", way, err)
		}
		fmt.Printf("catchup %s own=%d others=%d events=%d grants=%d ms=%.1f\n", way, own, others, delivered, stored, float64(elapsed.Microseconds())/1000)
	}
	return nil
}

func newAddress() common.Address {
	k, err := crypto.GenerateKey()
	if err != nil {
		panic(err)
	}
	return crypto.PubkeyToAddress(k.PublicKey)
}

// fill mines own grants naming measured (and two strangers) and others
// naming the three strangers, interleaved, 200 to a block, each to its own
// grantee.
func fill(ctx context.Context, sim *simulated.Backend, key *ecdsa.PrivateKey, registry common.Address, dataset uint64, own, others int, measured common.Address, strangers []common.Address) error {
	reg := bindings.NewRegistry()
	cl := sim.Client()
	chainID, err := cl.ChainID(ctx)
	if err != nil {
		return err
	}
	nonce, err := cl.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		return err
	}
	signer := types.LatestSignerForChainID(chainID)
	head, err := cl.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	terms := acl.GrantTerms(time.Unix(int64(head.Time)+365*24*3600, 0), 2)
	total := own + others
	for i := range total {
		proxies := strangers
		// Own grants spread evenly through the history.
		if own > 0 && i%(total/own) == 0 && i/(total/own) < own {
			proxies = []common.Address{measured, strangers[0], strangers[1]}
		}
		data := reg.PackGrant(dataset, newAddress(), terms, [32]byte{}, [32]byte{byte(i), byte(i >> 8), byte(i >> 16)}, proxies)
		tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{
			ChainID: chainID, Nonce: nonce, GasTipCap: big.NewInt(1_000_000_000), GasFeeCap: big.NewInt(50_000_000_000),
			Gas: 120_000, To: &registry, Data: data,
		}), signer, key)
		if err != nil {
			return err
		}
		if err := cl.SendTransaction(ctx, tx); err != nil {
			return fmt.Errorf("grant %d: %w", i, err)
		}
		nonce++
		if (i+1)%200 == 0 || i == total-1 {
			sim.Commit()
		}
	}
	// Every grant must have been mined, or the figures mean nothing.
	n, err := cl.NonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey), nil)
	if err != nil {
		return err
	}
	if n != nonce {
		return fmt.Errorf("%d of the grants were mined, want %d", int(n)-int(nonce)+total, total)
	}
	return nil
}

// catchUp follows the chain from the deploy block with a fresh proxy, the
// old way (every Granted) or the new (only GrantedVia naming it).
func catchUp(ctx context.Context, c *acl.Client, sim *simulated.Backend, key *ecdsa.PrivateKey, from uint64, own bool) (int, int, time.Duration, error) {
	dir, err := os.MkdirTemp("", "bench-catchup-")
	if err != nil {
		return 0, 0, 0, err
	}
	defer os.RemoveAll(dir)
	chainID, err := sim.Client().ChainID(ctx)
	if err != nil {
		return 0, 0, 0, err
	}
	p, err := proxy.New(proxy.Config{
		Dir: dir, Account: key, Chain: proxy.RegistryChain{C: c}, Bundles: noBundles{},
		Domain: proxyapi.Domain{ChainID: chainID, Registry: c.Address()},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		return 0, 0, 0, err
	}
	f := c.Follower(&acl.MemoryCursor{})
	f.Start = from
	if own {
		f.Proxy = p.Address()
	}
	stored := 0
	counted := func(ctx context.Context, ev acl.Event) error {
		if !own && ev.Name == "GrantedVia" {
			// Before: the follower read every log and the proxy recorded
			// every Granted event (GrantedVia did not exist).
			return nil
		}
		if _, ok := ev.Granted(); ok {
			stored++
		}
		return p.HandleEvent(ctx, ev)
	}
	start := time.Now()
	n, err := f.Poll(ctx, counted)
	return n, stored, time.Since(start), err
}
