package acl_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/internal/testbin"
)

// laggingPool is a node whose transaction pool refuses the first refusals
// sends as the pool of a go-ethereum node does for a sender funded in the
// block its head just moved to (the pool has not taken that block's state
// yet); every other call goes to the real node.
type laggingPool struct {
	*ethclient.Client
	refusals int64
	sends    atomic.Int64
}

func (p *laggingPool) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if p.sends.Add(1) <= p.refusals {
		return errors.New(acl.InsufficientFunds + ": balance 0, tx cost 1, overshot 1")
	}
	return p.Client.SendTransaction(ctx, tx)
}

// TestSendWaitsForALaggingPool: a refusal for funds the head says the
// sender has is the pool lagging the head, and the send is tried again
// until the pool takes it; a sender the head says is short is refused at
// once, with the node's own words.
func TestSendWaitsForALaggingPool(t *testing.T) {
	if acl.InsufficientFunds != core.ErrInsufficientFunds.Error() {
		t.Fatalf("the pool's refusal is %q, the transactor looks for %q", core.ErrInsufficientFunds, acl.InsufficientFunds)
	}
	ctx := testCtx(t)
	ch, err := devchain.Open(ctx, devchain.Config{Dir: t.TempDir(), Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ch.Close() })
	hpke := make([]byte, acl.HPKEKeySize)

	funded, _ := crypto.GenerateKey()
	if err := testbin.Fund(ctx, ch.Client(), ch.Accounts()[0], new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether)), crypto.PubkeyToAddress(funded.PublicKey)); err != nil {
		t.Fatal(err)
	}
	lag := &laggingPool{Client: ch.Client(), refusals: 3}
	c, err := acl.New(ctx, lag, ch.Registry(), funded, &acl.Options{PollInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.RegisterProxy(ctx, "https://proxy.example:8443", hpke); err != nil {
		t.Fatalf("a send refused three times by a lagging pool: %v", err)
	}
	if n := lag.sends.Load(); n != 4 {
		t.Fatalf("%d sends, want 3 refused and 1 taken", n)
	}

	empty, _ := crypto.GenerateKey()
	real := &laggingPool{Client: ch.Client()}
	c, err = acl.New(ctx, real, ch.Registry(), empty, &acl.Options{PollInterval: time.Millisecond, GasLimit: 300_000})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.RegisterProxy(ctx, "https://proxy.example:8443", hpke)
	if err == nil || !strings.Contains(err.Error(), acl.InsufficientFunds) {
		t.Fatalf("an empty account's send: %v, want the pool's refusal", err)
	}
	if n := real.sends.Load(); n != 1 {
		t.Fatalf("an empty account's send was tried %d times, want once", n)
	}
}
