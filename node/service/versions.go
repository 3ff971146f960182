package service

import (
	"context"

	"github.com/pdx-network/pdx/acl"
)

// versionsOf lists dataset's versions (CIDAdded events, with hash only
// that CID's), oldest first. A daemon's market index keeps every dataset's
// versions: it answers for the blocks before its cursor, and the chain for
// the few after it (a range starting at a known block, filtered by the
// dataset's topic). So a brand's get of another owner's data, the
// attestation check of an offer and the market's attested column cost no
// scan of the dataset's events since the Registry's deploy block. Without
// a market index, the History answers (the home's chain-event index for
// its own datasets, the chain from the deploy block for others').
func (s *Service) versionsOf(ctx context.Context, dataset uint64, hash *[32]byte) ([]acl.CIDAdded, error) {
	f := acl.CIDAddedFilter{Dataset: &dataset, CIDHash: hash}
	ix := s.cfg.Market
	if ix == nil {
		return s.events().CIDAdded(ctx, f)
	}
	next, ok, err := ix.Next()
	if err != nil {
		return nil, err
	}
	if !ok {
		return s.events().CIDAdded(ctx, f) // the index has not taken a block yet
	}
	vs, err := ix.Versions(dataset)
	if err != nil {
		return nil, err
	}
	var out []acl.CIDAdded
	for _, v := range vs {
		if v.Block >= next {
			break // taken after the cursor was read: the chain's tail has it
		}
		h := acl.CIDHash(v.CID)
		if hash != nil && *hash != h {
			continue
		}
		out = append(out, acl.CIDAdded{EventLog: acl.EventLog{Block: v.Block, Index: uint(v.Index)}, Dataset: v.Dataset,
			CIDHash: h, Version: v.Version, Fingerprint: v.Fingerprint, CID: v.CID})
	}
	tail, err := s.cfg.Chain.CIDAdded(ctx, acl.Range{From: next}, f)
	if err != nil {
		return nil, err
	}
	return append(out, tail...), nil
}
