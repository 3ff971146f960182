package proxy

import (
	"context"
	"errors"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// HeadSource is a Chain that can push new block headers as they arrive.
type HeadSource interface {
	SubscribeHeads(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
}

// ErrNoHeadPush: the chain connection cannot push new heads (plain HTTP).
var ErrNoHeadPush = errors.New("proxy: the chain connection cannot push new heads")

// headCheck is how often FollowHeads compares the pushed head with one read
// over RPC: a subscription that silently stopped delivering is caught within
// this period, and until it is the proxy falls back to asking per request.
const headCheck = time.Second

// FollowHeads keeps the latest block number as the chain pushes it, so a
// request learns "the latest block" from memory instead of waiting on an
// RPC round trip — under load that wait was the largest share of a
// re-encryption's latency. The pushed number trails the chain by the
// delivery of one notification, less than the RPC round trip it replaces,
// so "the grant is active at the latest block" keeps its meaning.
//
// Every headCheck the pushed number is compared with an RPC read; if the
// chain is ahead, or the subscription ends, the proxy goes back to asking per
// request until a fresh subscription delivers again. FollowHeads returns
// ErrNoHeadPush at once when the chain cannot push, and otherwise runs until
// ctx ends.
func (p *Proxy) FollowHeads(ctx context.Context) error {
	hs, ok := p.cfg.Chain.(HeadSource)
	if !ok {
		return ErrNoHeadPush
	}
	defer p.pushed.Store(0)
	for ctx.Err() == nil {
		err := p.followHeads(ctx, hs)
		p.pushed.Store(0)
		if errors.Is(err, ErrNoHeadPush) {
			return err
		}
		if ctx.Err() == nil {
			p.log.Warn("head subscription ended; asking the chain per request until it is back", "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(headCheck):
			}
		}
	}
	return ctx.Err()
}

func (p *Proxy) followHeads(ctx context.Context, hs HeadSource) error {
	ch := make(chan *types.Header, 16)
	sub, err := hs.SubscribeHeads(ctx, ch)
	if err != nil {
		return err
	}
	defer sub.Unsubscribe()
	// The subscription delivers blocks after it started; the head at that
	// moment comes from an RPC read taken after subscribing, so no block
	// falls between the two.
	n, err := p.cfg.Chain.BlockNumber(ctx)
	if err != nil {
		return err
	}
	p.raisePushed(n)
	tick := time.NewTicker(headCheck)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-sub.Err():
			if err == nil {
				err = errors.New("the chain closed the subscription")
			}
			return err
		case h := <-ch:
			p.raisePushed(h.Number.Uint64())
		case <-tick.C:
			n, err := p.cfg.Chain.BlockNumber(ctx)
			if err != nil {
				return err
			}
			if n > p.pushed.Load() {
				return errors.New("the subscription fell behind the chain")
			}
		}
	}
}

// raisePushed records n as the latest block unless a later one is known.
func (p *Proxy) raisePushed(n uint64) {
	for {
		old := p.pushed.Load()
		if n <= old || p.pushed.CompareAndSwap(old, n) {
			return
		}
	}
}
