package acl

import (
	"context"
	"fmt"
	"time"
)

// HeadReader is what AwaitHead needs of a node.
type HeadReader interface {
	BlockNumber(ctx context.Context) (uint64, error)
}

// AwaitHead waits until the node's latest block is block or later.
//
// go-ethereum makes a new block's transactions findable (their receipts
// answer) a moment before it moves its head to the block, and every read
// at "latest" — a view call, a balance, a gas estimate — is made on the
// head. A caller that got its receipt and reads at once can therefore miss
// its own transaction for as long as the node's block import is held up,
// which on a loaded machine is long enough to be seen (a proxy's new key
// read back as the old one; a freshly funded account estimated as empty).
// Every wait for a receipt that a read may follow ends here.
func AwaitHead(ctx context.Context, b HeadReader, block uint64) error {
	delay := 5 * time.Millisecond
	for {
		n, err := b.BlockNumber(ctx)
		if err != nil {
			return fmt.Errorf("acl: reading the head block: %w", err)
		}
		if n >= block {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("acl: waiting for the head to reach block %d: %w", block, ctx.Err())
		case <-time.After(delay):
		}
		if delay < 100*time.Millisecond {
			delay *= 2
		}
	}
}
