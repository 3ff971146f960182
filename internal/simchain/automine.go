// Package simchain adapts go-ethereum's simulated backend to the way pdx's
// dev chain behaves, for tests and benches that need a chain they can fork.
package simchain

import (
	"context"
	"sync"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
)

// AutoMine is a simulated backend's client that seals a block after each
// transaction, as pdx's dev chain does, so a caller waiting for a receipt
// gets one without committing by hand. Tests still call Sim.Commit, Fork
// and AdjustTime to shape the chain.
type AutoMine struct {
	simulated.Client
	Sim *simulated.Backend
	mu  sync.Mutex
}

// NewAutoMine wraps sim's client.
func NewAutoMine(sim *simulated.Backend) *AutoMine {
	return &AutoMine{Client: sim.Client(), Sim: sim}
}

// SendTransaction sends tx and seals the block holding it.
func (a *AutoMine) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	a.Sim.Commit()
	return nil
}
