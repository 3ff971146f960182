package acl

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// transferGas is the gas of a plain ether transfer to an account without
// code.
const transferGas = 21_000

// ErrInsufficientFunds: the sending account cannot pay the transfer.
var ErrInsufficientFunds = errors.New("acl: the sender holds too little ether")

// BalanceBackend is a Backend that also reads balances.
type BalanceBackend interface {
	Backend
	BalanceAt(ctx context.Context, account common.Address, block *big.Int) (*big.Int, error)
}

// TopUp sends `to` what it lacks of amount from key's account and waits for
// the transfer to be mined; it returns what was sent (zero when `to`
// already held amount, and then sends nothing, so a step may rerun) and
// the transaction's hash.
func TopUp(ctx context.Context, b BalanceBackend, key *ecdsa.PrivateKey, to common.Address, amount *big.Int) (*big.Int, common.Hash, error) {
	bal, err := b.BalanceAt(ctx, to, nil)
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("acl: reading %s's balance: %w", to.Hex(), err)
	}
	if bal.Cmp(amount) >= 0 {
		return new(big.Int), common.Hash{}, nil
	}
	value := new(big.Int).Sub(amount, bal)
	chainID, err := b.ChainID(ctx)
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("acl: reading the chain id: %w", err)
	}
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := b.PendingNonceAt(ctx, from)
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("acl: reading %s's nonce: %w", from.Hex(), err)
	}
	tip, err := b.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("acl: reading the gas tip: %w", err)
	}
	head, err := b.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("acl: reading the head block: %w", err)
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: transferGas, To: &to, Value: value,
	})
	if err != nil {
		return nil, common.Hash{}, err
	}
	if err := b.SendTransaction(ctx, tx); err != nil {
		if strings.Contains(err.Error(), "insufficient funds") {
			return nil, common.Hash{}, fmt.Errorf("%w: %s cannot send %s wei to %s", ErrInsufficientFunds, from.Hex(), value, to.Hex())
		}
		return nil, common.Hash{}, fmt.Errorf("acl: sending ether to %s: %w", to.Hex(), err)
	}
	rc, err := bind.WaitMined(ctx, b, tx.Hash())
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("acl: waiting for the transfer to %s (tx %s): %w", to.Hex(), tx.Hash().Hex(), err)
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return nil, common.Hash{}, fmt.Errorf("acl: the transfer to %s failed on chain (tx %s)", to.Hex(), tx.Hash().Hex())
	}
	// A rerun reads the balance at the head: it must see this transfer.
	if err := AwaitHead(ctx, b, rc.BlockNumber.Uint64()); err != nil {
		return nil, common.Hash{}, fmt.Errorf("acl: waiting for the transfer to %s (tx %s): %w", to.Hex(), tx.Hash().Hex(), err)
	}
	return value, tx.Hash(), nil
}
