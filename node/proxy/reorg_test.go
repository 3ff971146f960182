package proxy

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"path/filepath"
	"testing"
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
	"github.com/pdx-network/pdx/internal/simchain"
)

type unservedBundles struct{}

func (unservedBundles) Bundle(context.Context, common.Hash) ([]byte, error) {
	return nil, errors.New("no bundles here")
}

// TestRunForgetsAGrantAReorgTookBack: a proxy stood up by Run, on a
// simulated chain that forks, takes a grant naming it and forgets it once
// a reorg drops the grant's block; the grant of the winning chain's same
// block is taken instead. This is Run's follower wiring (Proxy, Undo,
// ProxyDatasets) on a real chain, where TestUndoForgetsAGrantAReorgTookBack
// hands UndoEvent its events by hand.
func TestRunForgetsAGrantAReorgTookBack(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var keys []*ecdsa.PrivateKey
	alloc := types.GenesisAlloc{}
	for range 2 {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))}
	}
	sim := simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) { ec.Genesis.Config = devchain.ChainConfig() })
	defer sim.Close()
	backend := simchain.NewAutoMine(sim)
	owner, rc, err := acl.Deploy(ctx, backend, keys[0], time.Hour, nil)
	if err != nil {
		t.Fatal(err)
	}
	pc, err := acl.New(ctx, backend, owner.Address(), keys[1], nil)
	if err != nil {
		t.Fatal(err)
	}
	chainID, err := backend.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(ctx, RunConfig{
		Config: Config{Dir: t.TempDir(), Account: keys[1], Bundles: unservedBundles{},
			Domain: proxyapi.Domain{ChainID: chainID, Registry: owner.Address()}},
		Client: pc, FromBlock: rc.BlockNumber.Uint64(), Poll: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p := r.Proxy

	dk, _ := crypto.GenerateKey()
	dataset, _, err := owner.CreateDataset(ctx, crypto.CompressPubkey(&dk.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	fork, err := backend.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	grantee := common.Address{0xa1}
	grant := func(c *acl.Client, bundle byte) {
		t.Helper()
		if _, err := c.Grant(ctx, acl.Grant{Dataset: dataset, Grantee: grantee, Expiry: time.Unix(int64(fork.Time)+3600, 0),
			Threshold: 1, Bundle: [32]byte{bundle}, Proxies: []common.Address{p.Address()}}); err != nil {
			t.Fatal(err)
		}
	}
	recorded := func() common.Hash {
		t.Helper()
		if _, err := r.Poll(ctx); err != nil {
			t.Fatal(err)
		}
		g, err := p.store.grant(dataset, grantee)
		if err != nil {
			t.Fatal(err)
		}
		if g == nil {
			return common.Hash{}
		}
		return g.Bundle
	}

	grant(owner, 0xaa) // block fork+1
	if got := recorded(); got != (common.Hash{0xaa}) {
		t.Fatalf("before the reorg the proxy records bundle %x, want aa", got)
	}

	// The winning chain: from fork, two empty blocks, then the grant of
	// bundle bb; longer than the chain it replaces.
	if err := sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	sim.Rollback()
	sim.Commit()
	sim.Commit()
	if got := recorded(); got != (common.Hash{}) {
		t.Fatalf("after a reorg dropped the grant's block the proxy records bundle %x, want none", got)
	}
	oc, err := acl.New(ctx, backend, owner.Address(), keys[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	grant(oc, 0xbb)
	if got := recorded(); got != (common.Hash{0xbb}) {
		t.Fatalf("the winning chain's grant: the proxy records bundle %x, want bb", got)
	}
}

// TestRunForgetsAGrantDroppedWhileStopped: a proxy takes a grant naming it
// and is stopped; while it is down a reorg drops the grant's block. Started
// again on the same directory, its follower finds the block its cursor
// (version 2, acl/spec/cursor-v2.md) was stored after gone, walks back to
// the fork and undoes the grant; a grant the winning chain makes later is
// taken as any other.
func TestRunForgetsAGrantDroppedWhileStopped(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var keys []*ecdsa.PrivateKey
	alloc := types.GenesisAlloc{}
	for range 2 {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(big.NewInt(1000), big.NewInt(1e18))}
	}
	sim := simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) { ec.Genesis.Config = devchain.ChainConfig() })
	defer sim.Close()
	backend := simchain.NewAutoMine(sim)
	owner, rc, err := acl.Deploy(ctx, backend, keys[0], time.Hour, nil)
	if err != nil {
		t.Fatal(err)
	}
	chainID, err := backend.ChainID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// start stands the proxy up on dir as a restarted process would: its
	// state and cursor from the files alone.
	start := func() *Running {
		t.Helper()
		pc, err := acl.New(ctx, backend, owner.Address(), keys[1], nil)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Run(ctx, RunConfig{
			Config: Config{Dir: dir, Account: keys[1], Bundles: unservedBundles{},
				Domain: proxyapi.Domain{ChainID: chainID, Registry: owner.Address()}},
			Client: pc, FromBlock: rc.BlockNumber.Uint64(), Poll: -1,
			Cursor: &acl.FileCursor{Path: filepath.Join(dir, CursorFile), Registry: owner.Address()},
		})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := start()
	proxyAddr := r.Proxy.Address()

	dk, _ := crypto.GenerateKey()
	dataset, _, err := owner.CreateDataset(ctx, crypto.CompressPubkey(&dk.PublicKey))
	if err != nil {
		t.Fatal(err)
	}
	fork, err := backend.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	grantee := common.Address{0xa1}
	grant := func(c *acl.Client, bundle byte) {
		t.Helper()
		if _, err := c.Grant(ctx, acl.Grant{Dataset: dataset, Grantee: grantee, Expiry: time.Unix(int64(fork.Time)+3600, 0),
			Threshold: 1, Bundle: [32]byte{bundle}, Proxies: []common.Address{proxyAddr}}); err != nil {
			t.Fatal(err)
		}
	}
	recorded := func(r *Running) common.Hash {
		t.Helper()
		if _, err := r.Poll(ctx); err != nil {
			t.Fatal(err)
		}
		g, err := r.Proxy.store.grant(dataset, grantee)
		if err != nil {
			t.Fatal(err)
		}
		if g == nil {
			return common.Hash{}
		}
		return g.Bundle
	}

	grant(owner, 0xaa) // block fork+1
	if got := recorded(r); got != (common.Hash{0xaa}) {
		t.Fatalf("before the reorg the proxy records bundle %x, want aa", got)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}

	// While the proxy is down, the winning chain: from fork, empty blocks,
	// longer than the chain it replaces.
	if err := sim.Fork(fork.Hash()); err != nil {
		t.Fatal(err)
	}
	sim.Rollback()
	sim.Commit()
	sim.Commit()

	r = start()
	defer r.Close()
	if got := recorded(r); got != (common.Hash{}) {
		t.Fatalf("restarted after a reorg dropped the grant's block: the proxy records bundle %x, want none", got)
	}
	oc, err := acl.New(ctx, backend, owner.Address(), keys[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	grant(oc, 0xbb)
	if got := recorded(r); got != (common.Hash{0xbb}) {
		t.Fatalf("the winning chain's grant: the proxy records bundle %x, want bb", got)
	}
}
