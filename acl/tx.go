package acl

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
)

// transactor signs and sends transactions from one account: it hands out
// nonces (so concurrent callers never collide), prices them with EIP-1559
// fees, waits for the receipt, and turns reverts into *RevertError.
type transactor struct {
	backend Backend
	abi     *abi.ABI
	key     *ecdsa.PrivateKey
	from    common.Address
	signer  types.Signer

	// gasLimit, when non-zero, replaces estimation. Estimation is what finds
	// most reverts before anything is sent; a fixed limit sends regardless and
	// the revert comes back from the receipt.
	gasLimit uint64
	poll     time.Duration

	mu    sync.Mutex // guards next and known; held from nonce choice to send
	next  uint64
	known bool
}

func newTransactor(backend Backend, a *abi.ABI, key *ecdsa.PrivateKey, chainID *big.Int) *transactor {
	return &transactor{
		backend: backend,
		abi:     a,
		key:     key,
		from:    crypto.PubkeyToAddress(key.PublicKey),
		signer:  types.LatestSignerForChainID(chainID),
		poll:    50 * time.Millisecond,
	}
}

// revertData extracts the revert payload an RPC error carries, if any.
func revertData(err error) ([]byte, bool) {
	var de rpc.DataError
	if !errors.As(err, &de) {
		return nil, false
	}
	switch d := de.ErrorData().(type) {
	case string:
		b, err := hex.DecodeString(strings.TrimPrefix(d, "0x"))
		if err != nil {
			return nil, false
		}
		return b, true
	case []byte:
		return d, true
	}
	return nil, false
}

// asRevert converts an RPC error carrying revert data into a *RevertError.
// "execution reverted" without data still becomes one, with an empty Name.
func (t *transactor) asRevert(err error, tx common.Hash) (*RevertError, bool) {
	if data, ok := revertData(err); ok {
		return decodeRevert(t.abi, data, tx), true
	}
	if strings.Contains(err.Error(), "execution reverted") {
		return &RevertError{Tx: tx}, true
	}
	return nil, false
}

// send builds, signs and sends one call to `to` (nil: contract creation) and
// waits for its receipt. A revert, found at estimation or after mining, is
// returned as *RevertError together with the receipt if there is one.
func (t *transactor) send(ctx context.Context, to *common.Address, value *big.Int, data []byte) (*types.Receipt, error) {
	if value == nil {
		value = new(big.Int)
	}
	msg := ethereum.CallMsg{From: t.from, To: to, Value: value, Data: data}
	gas := t.gasLimit
	if gas == 0 {
		est, err := t.backend.EstimateGas(ctx, msg)
		if err != nil {
			if re, ok := t.asRevert(err, common.Hash{}); ok {
				return nil, re
			}
			return nil, fmt.Errorf("acl: estimating gas: %w", err)
		}
		// Headroom for state that changes between estimate and inclusion:
		// a fifth, plus a fixed 40,000 because some paths depend on the
		// clock, not only on state — a revoke, erase or settle estimated in
		// the grant's own second finds nothing vested, and the same call a
		// block later writes the owner's balance and a Released event
		// (about 25,000 more). Unused gas is not paid for.
		gas = est + est/5 + 40_000
	}
	tip, err := t.backend.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, fmt.Errorf("acl: suggesting a priority fee: %w", err)
	}
	head, err := t.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("acl: reading the head block: %w", err)
	}
	if head.BaseFee == nil {
		return nil, errors.New("acl: the chain has no base fee (pre-London); pdx needs EIP-1559")
	}
	// Twice the base fee survives six full blocks of base-fee increases.
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))

	tx, err := t.signAndSend(ctx, &types.DynamicFeeTx{
		To: to, Value: value, Data: data, Gas: gas, GasTipCap: tip, GasFeeCap: feeCap,
	})
	if err != nil {
		return nil, err
	}
	rc, err := t.wait(ctx, tx.Hash())
	if err != nil {
		return nil, err
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return rc, t.explain(ctx, msg, rc)
	}
	return rc, nil
}

// signAndSend assigns the next nonce, signs and sends. The lock spans the
// send so that nonces reach the node in order; on a send failure the nonce is
// re-read from the node the next time.
func (t *transactor) signAndSend(ctx context.Context, inner *types.DynamicFeeTx) (*types.Transaction, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.known {
		n, err := t.backend.PendingNonceAt(ctx, t.from)
		if err != nil {
			return nil, fmt.Errorf("acl: reading the account nonce: %w", err)
		}
		t.next, t.known = n, true
	}
	inner.Nonce = t.next
	tx, err := types.SignNewTx(t.key, t.signer, inner)
	if err != nil {
		return nil, fmt.Errorf("acl: signing: %w", err)
	}
	err = t.backend.SendTransaction(ctx, tx)
	for try := 0; err != nil && try < poolLagTries && t.poolLags(ctx, tx, err); try++ {
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("acl: sending transaction (nonce %d): %w", inner.Nonce, ctx.Err())
		case <-time.After(poolLagDelay):
		}
		err = t.backend.SendTransaction(ctx, tx)
	}
	if err != nil {
		// The node's view of the nonce wins from now on (another process may
		// have used this account, or this transaction may be known already).
		t.known = false
		return nil, fmt.Errorf("acl: sending transaction (nonce %d): %w", inner.Nonce, err)
	}
	t.next++
	return tx, nil
}

// insufficientFunds is go-ethereum's message for a transaction its pool
// finds the sender cannot pay for (core.ErrInsufficientFunds; over RPC only
// the text arrives).
const insufficientFunds = "insufficient funds for gas * price + value"

// A go-ethereum node moves its head to a new block a moment before its
// transaction pool takes that block's state: an account funded in the
// block just mined, whose balance the head already shows (and whose gas
// was just estimated on it), can still be refused by the pool as empty.
// The send is tried again, poolLagTries times at most, while the head's
// balance covers the transaction.
const (
	poolLagTries = 20
	poolLagDelay = 50 * time.Millisecond
)

// poolLags reports whether err is the pool refusing tx for funds the head
// says the sender has.
func (t *transactor) poolLags(ctx context.Context, tx *types.Transaction, err error) bool {
	if !strings.Contains(err.Error(), insufficientFunds) {
		return false
	}
	b, ok := t.backend.(interface {
		BalanceAt(context.Context, common.Address, *big.Int) (*big.Int, error)
	})
	if !ok {
		return false
	}
	bal, berr := b.BalanceAt(ctx, t.from, nil)
	return berr == nil && bal.Cmp(tx.Cost()) >= 0
}

// wait polls for the receipt until it exists or ctx ends, then until the
// node's head includes the transaction (AwaitHead), so that what the caller
// reads next sees it.
func (t *transactor) wait(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	delay := t.poll
	for {
		rc, err := t.backend.TransactionReceipt(ctx, hash)
		if err == nil && rc != nil {
			if rc.BlockNumber != nil {
				if err := AwaitHead(ctx, t.backend, rc.BlockNumber.Uint64()); err != nil {
					return nil, fmt.Errorf("acl: waiting for %s: %w", hash.Hex(), err)
				}
			}
			return rc, nil
		}
		// A node that is still indexing its transactions says so instead of
		// "not found"; both mean: ask again.
		if err != nil && !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "transaction indexing is in progress") {
			return nil, fmt.Errorf("acl: waiting for %s: %w", hash.Hex(), err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("acl: waiting for %s: %w", hash.Hex(), ctx.Err())
		case <-time.After(delay):
		}
		if delay < time.Second {
			delay = delay * 3 / 2
		}
	}
}

// explain finds why a mined transaction failed by replaying it as a call on
// the state of the block before it (the closest state a node can replay on).
func (t *transactor) explain(ctx context.Context, msg ethereum.CallMsg, rc *types.Receipt) error {
	var at *big.Int
	if rc.BlockNumber != nil && rc.BlockNumber.Sign() > 0 {
		at = new(big.Int).Sub(rc.BlockNumber, big.NewInt(1))
	}
	_, err := t.backend.CallContract(ctx, msg, at)
	if err != nil {
		if re, ok := t.asRevert(err, rc.TxHash); ok {
			return re
		}
	}
	if err == nil {
		// The replay succeeds: the failure depended on the transaction's own
		// gas limit or on state earlier in its block.
		return fmt.Errorf("%w: %s used %d gas and failed, but replays fine (out of gas, or raced by a transaction in the same block)", ErrReverted, rc.TxHash.Hex(), rc.GasUsed)
	}
	return fmt.Errorf("%w: %s (replaying it failed too: %v)", ErrReverted, rc.TxHash.Hex(), err)
}
