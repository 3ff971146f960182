package testbin

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"
)

// Fund sends value wei from a funded dev account to each address and waits
// for every receipt: the ether a test's proxies, owners and brands need on
// a geth or dev chain.
func Fund(ctx context.Context, ec *ethclient.Client, from *ecdsa.PrivateKey, value *big.Int, to ...common.Address) error {
	id, err := ec.ChainID(ctx)
	if err != nil {
		return err
	}
	nonce, err := ec.PendingNonceAt(ctx, crypto.PubkeyToAddress(from.PublicKey))
	if err != nil {
		return err
	}
	head, err := ec.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	tip := big.NewInt(params.GWei)
	var txs []*types.Transaction
	for i, a := range to {
		tx, err := types.SignNewTx(from, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
			ChainID: id, Nonce: nonce + uint64(i), To: &a, Value: value, Gas: 21000, GasTipCap: tip,
			GasFeeCap: new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2))),
		})
		if err != nil {
			return err
		}
		if err := ec.SendTransaction(ctx, tx); err != nil {
			return err
		}
		txs = append(txs, tx)
	}
	var last uint64
	for _, tx := range txs {
		for {
			rc, err := ec.TransactionReceipt(ctx, tx.Hash())
			if err == nil {
				if rc.Status != types.ReceiptStatusSuccessful {
					return fmt.Errorf("funding transaction %s failed", tx.Hash())
				}
				last = max(last, rc.BlockNumber.Uint64())
				break
			}
			if err := pause(ctx); err != nil {
				return err
			}
		}
	}
	// go-ethereum finds a block's receipts a moment before its head moves
	// there, and a balance or gas estimate is read at the head: wait for it
	// (acl.AwaitHead), or the funded account can still look empty.
	for {
		n, err := ec.BlockNumber(ctx)
		if err != nil {
			return err
		}
		if n >= last {
			return nil
		}
		if err := pause(ctx); err != nil {
			return err
		}
	}
}

func pause(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(20 * time.Millisecond):
		return nil
	}
}
