package devchain

import (
	"time"

	"github.com/ethereum/go-ethereum/log"

	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
)

// sealer makes a block as soon as the transaction pool holds executable
// transactions. It is the chain's only block producer, so blocks are never
// sealed concurrently.
type sealer struct {
	quit chan struct{}
	done chan struct{}
}

// recheck is how often the sealer looks at the pool without being told of a
// transaction: a safety net, never the normal path.
const recheck = time.Second

func startSealer(backend *eth.Ethereum, beacon *catalyst.SimulatedBeacon) *sealer {
	s := &sealer{quit: make(chan struct{}), done: make(chan struct{})}
	// Subscribed here, synchronously: every transaction the pool accepts
	// after startSealer returns is announced on txs.
	txs := make(chan core.NewTxsEvent, 16)
	sub := backend.TxPool().SubscribeTransactions(txs, true)
	// The pool announces from its own reorg loop, which sealing waits for
	// (pool.Sync), so announcements are taken by a goroutine that never
	// blocks and folded into one pending wake-up.
	wake := make(chan struct{}, 1)
	go func() {
		defer sub.Unsubscribe()
		for {
			select {
			case <-s.quit:
				return
			case <-sub.Err():
				return
			case <-txs:
				select {
				case wake <- struct{}{}:
				default:
				}
			}
		}
	}()
	go func() {
		defer close(s.done)
		tick := time.NewTicker(recheck)
		defer tick.Stop()
		for {
			select {
			case <-s.quit:
				return
			case <-wake:
			case <-tick.C:
			}
			s.sealPending(backend, beacon)
		}
	}()
	return s
}

// sealPending seals blocks until no executable transaction is left, or a
// block takes none of them (a transaction the miner will not include, for
// example one whose fee is too low, must not make this spin).
func (s *sealer) sealPending(backend *eth.Ethereum, beacon *catalyst.SimulatedBeacon) {
	pool := backend.TxPool()
	for {
		pool.Sync()
		if executable, _ := pool.Stats(); executable == 0 {
			return
		}
		select {
		case <-s.quit:
			return
		default:
		}
		beacon.Commit()
		// The block is in the database's write-ahead log, but pebble
		// writes the log from a buffer of its own a moment later: flush
		// it, so a process killed right after a receipt was read (a
		// daemon's SIGKILL) still has the block when it starts again.
		if err := backend.ChainDb().SyncKeyValue(); err != nil {
			log.Warn("devchain: flushing the sealed block to disk", "err", err)
		}
		if backend.BlockChain().CurrentBlock().TxHash == types.EmptyTxsHash {
			return
		}
	}
}

// stop ends sealing; it returns once no block is being sealed.
func (s *sealer) stop() {
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
	<-s.done
}
