package daemon

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/chainindex"
)

// ChainIndexDir is the home's chain-event index, under StateDir: the
// Registry events of this home's datasets and of its account, which every
// listing reads instead of scanning the chain (node/chainindex/SPEC.md).
// It is derived data: deleting it makes the next start rebuild it.
const ChainIndexDir = "chain-index"

// openChainIndex opens the home's chain-event index (rebuilding it when it
// is missing, damaged, of another version or no longer on the chain); the
// caller runs it under the daemon's run context and closes it after.
func (n *Node) openChainIndex(ctx context.Context, h *home.Home, client *acl.Client, deployBlock uint64, log *slog.Logger) (*chainindex.Index, error) {
	dir := filepath.Join(h.Dir(), StateDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	ix, err := chainindex.Open(ctx, chainindex.Config{
		Path: filepath.Join(dir, ChainIndexDir), Chain: client, Headers: n.ec, Start: deployBlock,
		Confirmations: n.confirmations, Interval: followInterval, Logger: log.With("component", "chain-index"),
	})
	if err != nil {
		return nil, fmt.Errorf("opening the chain-event index: %w", err)
	}
	return ix, nil
}
