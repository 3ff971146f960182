package market

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/internal/kvstore"
)

// A reorg while the daemon is stopped is not seen by the follower, which
// remembers the blocks it read in memory only (acl.Follower.Undo): the
// offers of the dropped blocks would stay listed, and the winning chain's
// never be read, since the cursor is past them. So the index keeps the
// hash of the last block it took (m/tip, written with the cursor) and its
// first Sync in a process compares it with the chain: a block no longer on
// the chain starts the index over from the Registry's deploy block, as a
// damaged store does (spec/market-index-v1.md, "Tip").

// keyTip holds the hash of block cursor−1, written with the cursor.
var keyTip = []byte("m/tip")

// headerSource is the part of a node the tip is read from (ethclient and
// the simulated backend have it; a follower with Undo needs it anyway).
type headerSource interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// tipState is what the tip check needs, beside the store.
type tipState struct {
	headers headerSource // nil: the source reads no headers, no tip is kept
	start   uint64
	checked bool // the first Sync compared the tip with the chain
}

func newTipState(src any, start uint64) tipState {
	h, _ := src.(headerSource)
	return tipState{headers: h, start: start}
}

// noteTip adds the hash of block next−1 to the batch the cursor next is
// written in.
func (ix *Index) noteTip(ctx context.Context, next uint64) error {
	if ix.tip.headers == nil || next <= ix.tip.start {
		return nil
	}
	h, err := ix.tip.headers.HeaderByNumber(ctx, new(big.Int).SetUint64(next-1))
	if err != nil {
		return fmt.Errorf("reading the header of block %d: %w", next-1, err)
	}
	ix.tx.put(keyTip, h.Hash().Bytes())
	return nil
}

// checkTip compares, once per process, the stored tip with the chain's
// block of that number and starts the index over when they differ. A
// store without a tip (no block taken yet, or written before tips were
// kept) is kept as it is. A chain that cannot be read is an error: the
// next Sync checks again.
func (ix *Index) checkTip(ctx context.Context) error {
	if ix.tip.checked || ix.tip.headers == nil {
		return nil
	}
	next, ok, err := ix.Next()
	if err != nil {
		return err
	}
	tip, has, err := ix.st.Get(keyTip)
	if err != nil {
		return err
	}
	if !ok || !has || next <= ix.tip.start {
		ix.tip.checked = true
		return nil
	}
	h, err := ix.tip.headers.HeaderByNumber(ctx, new(big.Int).SetUint64(next-1))
	switch {
	case err != nil && !errors.Is(err, ethereum.NotFound):
		return fmt.Errorf("reading the header of block %d: %w", next-1, err)
	case err == nil && bytes.Equal(h.Hash().Bytes(), tip):
		ix.tip.checked = true
		return nil
	}
	// Block next−1 is not the one taken: a reorg (or a chain started
	// over) while the index was not following. Everything but the schema
	// and the Registry goes, in one batch, and the follower reads again
	// from the start.
	var keys [][]byte
	if err := ix.st.Scan(nil, nil, func(k, _ []byte) (bool, error) {
		if k[0] != 0 && !bytes.Equal(k, keyRegistry) {
			keys = append(keys, bytes.Clone(k))
		}
		return true, nil
	}); err != nil {
		return err
	}
	if err := ix.st.Write(func(b *kvstore.Batch) {
		for _, k := range keys {
			b.Delete(k)
		}
	}); err != nil {
		ix.cursor.forget()
		ix.privates.forget(nil, true)
		return err
	}
	ix.forgetAll()
	ix.tx = ix.newTxn()
	ix.tip.checked = true
	return nil
}
