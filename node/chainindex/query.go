package chainindex

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
)

// The queries below take acl.Client's filters and return what its queries
// from the deploy block to the head would, in chain order. Each picks the
// prefix of the store that holds the answer (a dataset of this home's, or
// the events naming its account); a filter no prefix holds, such as the
// grants of another account's dataset, goes to the chain as it is: the
// index keeps this home's events only, so a stranger cannot fill it.

// Granted is acl.Client.Granted from the deploy block.
func (ix *Index) Granted(ctx context.Context, f acl.GrantedFilter) ([]acl.Granted, error) {
	return answer(ctx, ix, func() [][]byte {
		switch {
		case f.Dataset != nil && ix.isMine(*f.Dataset):
			return [][]byte{datasetPrefix(*f.Dataset, "Granted")}
		case f.Grantee != nil && *f.Grantee == ix.me:
			return [][]byte{partyPrefix("Granted")}
		}
		return nil
	}, func(r acl.Range) ([]acl.Granted, error) { return ix.cfg.Chain.Granted(ctx, r, f) },
		func(e acl.Event) (acl.Granted, bool) {
			g, ok := e.Granted()
			return g, ok && match(f.Dataset, g.Dataset) && matchAddr(f.Grantee, g.Grantee)
		})
}

// Revoked is acl.Client.Revoked from the deploy block.
func (ix *Index) Revoked(ctx context.Context, f acl.RevokedFilter) ([]acl.Revoked, error) {
	return answer(ctx, ix, func() [][]byte {
		switch {
		case f.Dataset != nil && ix.isMine(*f.Dataset):
			return [][]byte{datasetPrefix(*f.Dataset, "Revoked")}
		case f.Grantee != nil && *f.Grantee == ix.me:
			return [][]byte{partyPrefix("Revoked")}
		}
		return nil
	}, func(r acl.Range) ([]acl.Revoked, error) { return ix.cfg.Chain.Revoked(ctx, r, f) },
		func(e acl.Event) (acl.Revoked, bool) {
			v, ok := e.Revoked()
			return v, ok && match(f.Dataset, v.Dataset) && matchAddr(f.Grantee, v.Grantee)
		})
}

// Purchased is acl.Client.Purchased from the deploy block. A filter of
// several datasets is answered from the index when all are this home's.
func (ix *Index) Purchased(ctx context.Context, f acl.PurchasedFilter) ([]acl.Purchased, error) {
	return answer(ctx, ix, func() [][]byte {
		switch {
		case f.Dataset != nil && ix.isMine(*f.Dataset):
			return [][]byte{datasetPrefix(*f.Dataset, "Purchased")}
		case f.Dataset == nil && len(f.Datasets) > 0:
			var ps [][]byte
			for _, d := range f.Datasets {
				if !ix.isMine(d) {
					return nil
				}
				ps = append(ps, datasetPrefix(d, "Purchased"))
			}
			return ps
		case f.Buyer != nil && *f.Buyer == ix.me:
			return [][]byte{partyPrefix("Purchased")}
		}
		return nil
	}, func(r acl.Range) ([]acl.Purchased, error) { return ix.cfg.Chain.Purchased(ctx, r, f) },
		func(e acl.Event) (acl.Purchased, bool) {
			v, ok := e.Purchased()
			return v, ok && match(f.Dataset, v.Dataset) && matchAddr(f.Buyer, v.Buyer) &&
				(f.Dataset != nil || len(f.Datasets) == 0 || slices.Contains(f.Datasets, v.Dataset))
		})
}

// Refunded is acl.Client.Refunded from the deploy block.
func (ix *Index) Refunded(ctx context.Context, f acl.RefundedFilter) ([]acl.Refunded, error) {
	return answer(ctx, ix, func() [][]byte {
		switch {
		case f.Dataset != nil && ix.isMine(*f.Dataset):
			return [][]byte{datasetPrefix(*f.Dataset, "Refunded")}
		case f.Buyer != nil && *f.Buyer == ix.me:
			return [][]byte{partyPrefix("Refunded")}
		}
		return nil
	}, func(r acl.Range) ([]acl.Refunded, error) { return ix.cfg.Chain.Refunded(ctx, r, f) },
		func(e acl.Event) (acl.Refunded, bool) {
			v, ok := e.Refunded()
			return v, ok && match(f.Dataset, v.Dataset) && matchAddr(f.Buyer, v.Buyer)
		})
}

// DatasetCreated is acl.Client.DatasetCreated from the deploy block.
func (ix *Index) DatasetCreated(ctx context.Context, f acl.DatasetCreatedFilter) ([]acl.DatasetCreated, error) {
	return answer(ctx, ix, func() [][]byte {
		switch {
		case f.Owner != nil && *f.Owner == ix.me:
			return [][]byte{partyPrefix("DatasetCreated")}
		case f.Dataset != nil && ix.isMine(*f.Dataset):
			return [][]byte{datasetPrefix(*f.Dataset, "DatasetCreated")}
		}
		return nil
	}, func(r acl.Range) ([]acl.DatasetCreated, error) { return ix.cfg.Chain.DatasetCreated(ctx, r, f) },
		func(e acl.Event) (acl.DatasetCreated, bool) {
			v, ok := e.DatasetCreated()
			return v, ok && match(f.Dataset, v.Dataset) && matchAddr(f.Owner, v.Owner)
		})
}

// CIDAdded is acl.Client.CIDAdded from the deploy block; the index answers
// for this home's datasets.
func (ix *Index) CIDAdded(ctx context.Context, f acl.CIDAddedFilter) ([]acl.CIDAdded, error) {
	return answer(ctx, ix, func() [][]byte {
		if f.Dataset != nil && ix.isMine(*f.Dataset) {
			return [][]byte{datasetPrefix(*f.Dataset, "CIDAdded")}
		}
		return nil
	}, func(r acl.Range) ([]acl.CIDAdded, error) { return ix.cfg.Chain.CIDAdded(ctx, r, f) },
		func(e acl.Event) (acl.CIDAdded, bool) {
			v, ok := e.CIDAdded()
			return v, ok && match(f.Dataset, v.Dataset) && (f.CIDHash == nil || *f.CIDHash == v.CIDHash)
		})
}

// Erased is acl.Client.Erased from the deploy block; the index answers for
// this home's datasets.
func (ix *Index) Erased(ctx context.Context, f acl.ErasedFilter) ([]acl.Erased, error) {
	return answer(ctx, ix, func() [][]byte {
		if f.Dataset != nil && ix.isMine(*f.Dataset) {
			return [][]byte{datasetPrefix(*f.Dataset, "Erased")}
		}
		return nil
	}, func(r acl.Range) ([]acl.Erased, error) { return ix.cfg.Chain.Erased(ctx, r, f) },
		func(e acl.Event) (acl.Erased, bool) {
			v, ok := e.Erased()
			return v, ok && match(f.Dataset, v.Dataset)
		})
}

// KeyRotated is acl.Client.KeyRotated from the deploy block; the index
// answers for this home's datasets.
func (ix *Index) KeyRotated(ctx context.Context, f acl.KeyRotatedFilter) ([]acl.KeyRotated, error) {
	return answer(ctx, ix, func() [][]byte {
		if f.Dataset != nil && ix.isMine(*f.Dataset) {
			return [][]byte{datasetPrefix(*f.Dataset, "KeyRotated")}
		}
		return nil
	}, func(r acl.Range) ([]acl.KeyRotated, error) { return ix.cfg.Chain.KeyRotated(ctx, r, f) },
		func(e acl.Event) (acl.KeyRotated, bool) {
			v, ok := e.KeyRotated()
			return v, ok && match(f.Dataset, v.Dataset)
		})
}

func match(want *uint64, got uint64) bool { return want == nil || *want == got }

func matchAddr(want *common.Address, got common.Address) bool { return want == nil || *want == got }

// all is the chain's whole history, for the filters the index cannot answer.
func (ix *Index) all() acl.Range { return acl.Range{From: ix.start} }

// answer reads the head, waits (at most Config.Wait) for the index to take
// the blocks up to it, then answers from the store's prefix for the blocks
// it holds and from the chain for the newer ones (those not yet confirmed,
// or not yet taken); nil prefix: from the chain alone. So a listing made
// right after a transaction shows it, and costs the blocks the index does
// not hold yet, not the chain's history.
func answer[T any](ctx context.Context, ix *Index, prefixes func() [][]byte, chain func(acl.Range) ([]T, error), keep func(acl.Event) (T, bool)) ([]T, error) {
	head, err := ix.cfg.Chain.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the head block: %w", err)
	}
	next := ix.waitFor(ctx, head)
	ps := prefixes()
	if ps == nil {
		return chain(ix.all())
	}
	var evs []acl.Event
	for _, p := range ps {
		err = ix.db.Scan(p, nil, func(_, v []byte) (bool, error) {
			ix.scanned.Add(1)
			var l types.Log
			if err := json.Unmarshal(v, &l); err != nil {
				return false, fmt.Errorf("chainindex: an entry of %q is damaged: %w", p, err)
			}
			if l.BlockNumber >= next {
				return false, nil // taken after this query read the cursor
			}
			ev, err := acl.DecodeLog(ix.reg, &l)
			if err != nil {
				return false, err
			}
			evs = append(evs, ev)
			return true, nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(ps) > 1 {
		slices.SortStableFunc(evs, func(a, b acl.Event) int {
			if a.Block != b.Block {
				return cmp.Compare(a.Block, b.Block)
			}
			return cmp.Compare(a.Index, b.Index)
		})
	}
	out := make([]T, 0, len(evs)) // empty, not nil, as the chain's
	for _, ev := range evs {
		if t, ok := keep(ev); ok {
			out = append(out, t)
		}
	}
	if next <= head {
		tail, err := chain(acl.Range{From: next, To: head})
		if err != nil {
			return nil, err
		}
		out = append(out, tail...)
	}
	return out, nil
}

// waitGap is the most blocks a query waits for the index to take: one
// window of the follower, which it takes in one poll.
const waitGap = acl.DefaultLogRange

// waitFor asks Run to poll and waits until the index holds every block
// up to head that is deep enough, ctx ends, or Config.Wait passes; it
// returns the cursor then.
func (ix *Index) waitFor(ctx context.Context, head uint64) uint64 {
	want := head + 1
	if ix.cfg.Confirmations > 0 {
		want = max(head+1, ix.cfg.Confirmations) - ix.cfg.Confirmations
	}
	timer := time.NewTimer(ix.cfg.Wait)
	defer timer.Stop()
	for {
		ix.mu.Lock()
		next, changed := ix.next, ix.changed
		if !ix.has {
			next = ix.start
		}
		ix.mu.Unlock()
		if next >= want || want-next > waitGap {
			// Caught up, or rebuilding: a query does not wait for a
			// rebuild (a start's reconcile asks many); the chain answers
			// the blocks the index does not hold yet.
			return next
		}
		select {
		case ix.kick <- struct{}{}:
		default:
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return next
		case <-timer.C:
			return next
		}
	}
}
