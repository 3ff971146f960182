package acl_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
)

// testBackend is acl.Backend plus balances, which the tests check.
type testBackend interface {
	acl.Backend
	BalanceAt(ctx context.Context, account common.Address, block *big.Int) (*big.Int, error)
}

// env is one chain the conformance suite runs on.
type env struct {
	name    string
	backend testBackend
	// keys are funded accounts: 0 owner, 1 brand, 2 stranger, 3 second
	// brand, 4 proxy, 5 ticker (sends the empty transactions that move time).
	keys []*ecdsa.PrivateKey
}

const (
	kOwner = iota
	kBrand
	kStranger
	kBrand2
	kProxy
	kTicker
	nKeys
)

func (e *env) addr(i int) common.Address { return crypto.PubkeyToAddress(e.keys[i].PublicKey) }

// ctx is a per-test deadline so that nothing waits forever.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// head returns the latest block header.
func head(t *testing.T, e *env) *types.Header {
	t.Helper()
	h, err := e.backend.HeaderByNumber(testCtx(t), nil)
	if err != nil {
		t.Fatalf("head: %v", err)
	}
	return h
}

var tickMu sync.Mutex

// tick mines one block by sending an empty transfer from the ticker account
// and waiting for it. Every backend seals a block per transaction, at a
// timestamp of max(wall clock, parent + 1).
func tick(t *testing.T, e *env) {
	t.Helper()
	tickMu.Lock()
	defer tickMu.Unlock()
	ctx := testCtx(t)
	if err := transfer(ctx, e.backend, e.keys[kTicker], e.addr(kTicker), big.NewInt(0)); err != nil {
		t.Fatalf("tick: %v", err)
	}
}

// advance mines blocks until the head's timestamp is at least target.
func advance(t *testing.T, e *env, target uint64) {
	t.Helper()
	for i := 0; head(t, e).Time < target; i++ {
		if i > 600 {
			t.Fatalf("time does not advance to %d", target)
		}
		tick(t, e)
	}
}

// transfer sends value wei from key to `to` and waits for the receipt.
func transfer(ctx context.Context, b acl.Backend, key *ecdsa.PrivateKey, to common.Address, value *big.Int) error {
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := b.PendingNonceAt(ctx, from)
	if err != nil {
		return err
	}
	tip, err := b.SuggestGasTipCap(ctx)
	if err != nil {
		return err
	}
	h, err := b.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	id, err := b.ChainID(ctx)
	if err != nil {
		return err
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		Nonce: nonce, To: &to, Value: value, Gas: 21000, GasTipCap: tip,
		GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(h.BaseFee, big.NewInt(2))),
	})
	if err != nil {
		return err
	}
	if err := b.SendTransaction(ctx, tx); err != nil {
		return err
	}
	rc, err := waitReceipt(ctx, b, tx.Hash())
	if err != nil {
		return err
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return fmt.Errorf("transfer %s failed", tx.Hash())
	}
	return nil
}

// waitReceipt polls for a receipt every 20ms (bind.WaitMined polls once a
// second, which would dominate the tests' run time).
func waitReceipt(ctx context.Context, b acl.Backend, hash common.Hash) (*types.Receipt, error) {
	for {
		rc, err := b.TransactionReceipt(ctx, hash)
		if err == nil {
			return rc, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for %s: %v (%w)", hash, err, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func newKeys(t *testing.T, n int) []*ecdsa.PrivateKey {
	t.Helper()
	keys := make([]*ecdsa.PrivateKey, n)
	for i := range keys {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = k
	}
	return keys
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }
