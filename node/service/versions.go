package service

import (
	"cmp"
	"context"
	"slices"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/market"
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
	return s.indexedVersions(ctx, acl.CIDAddedFilter{Dataset: &dataset, CIDHash: hash})
}

// registrations lists the versions of any dataset whose CID hashes to hash
// (every registration of one CID), in chain order, as versionsOf does.
func (s *Service) registrations(ctx context.Context, hash [32]byte) ([]acl.CIDAdded, error) {
	return s.indexedVersions(ctx, acl.CIDAddedFilter{CIDHash: &hash})
}

// indexedVersions answers a CIDAdded filter naming a dataset or a CID
// hash (or both) from the market index and the chain past its cursor.
func (s *Service) indexedVersions(ctx context.Context, f acl.CIDAddedFilter) ([]acl.CIDAdded, error) {
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
	var vs []market.Version
	if f.Dataset != nil {
		vs, err = ix.Versions(*f.Dataset)
	} else {
		vs, err = ix.VersionsOfCID(*f.CIDHash)
		slices.SortFunc(vs, func(a, b market.Version) int {
			return cmp.Or(cmp.Compare(a.Block, b.Block), cmp.Compare(a.Index, b.Index))
		})
	}
	if err != nil {
		return nil, err
	}
	var out []acl.CIDAdded
	for _, v := range vs {
		if v.Block >= next {
			break // taken after the cursor was read: the chain's tail has it
		}
		h := acl.CIDHash(v.CID)
		if f.CIDHash != nil && *f.CIDHash != h {
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

// erasedAt is the block dataset was erased in, 0 when unknown: from the
// market index when the daemon keeps one (it follows every erasure), else
// from the History (the chain-event index for this home's datasets, the
// chain from the deploy block for others').
func (s *Service) erasedAt(ctx context.Context, dataset uint64) uint64 {
	f := acl.ErasedFilter{Dataset: &dataset}
	var evs []acl.Erased
	var err error
	if ix := s.cfg.Market; ix != nil {
		next, ok, err := ix.Next()
		if err == nil && ok {
			if b, ok, err := ix.ErasedAt(dataset); err == nil && ok && b < next {
				return b
			}
			// Erased after the index's cursor, if at all.
			evs, err = s.cfg.Chain.Erased(ctx, acl.Range{From: next}, f)
			if err == nil && len(evs) > 0 {
				return evs[len(evs)-1].Block
			}
			return 0
		}
	}
	if evs, err = s.events().Erased(ctx, f); err == nil && len(evs) > 0 {
		return evs[len(evs)-1].Block
	}
	return 0
}

// rotationsOf lists dataset's key rotations (KeyRotated events), oldest
// first: from the market index and the chain past its cursor, as
// versionsOf does, or from the History without an index.
func (s *Service) rotationsOf(ctx context.Context, dataset uint64) ([]acl.KeyRotated, error) {
	f := acl.KeyRotatedFilter{Dataset: &dataset}
	ix := s.cfg.Market
	if ix == nil {
		return s.events().KeyRotated(ctx, f)
	}
	next, ok, err := ix.Next()
	if err != nil {
		return nil, err
	}
	if !ok {
		return s.events().KeyRotated(ctx, f)
	}
	rs, err := ix.Rotations(dataset)
	if err != nil {
		return nil, err
	}
	var out []acl.KeyRotated
	for _, r := range rs {
		if r.Block >= next {
			break
		}
		out = append(out, acl.KeyRotated{EventLog: acl.EventLog{Block: r.Block, Index: uint(r.Index)}, Dataset: r.Dataset, Epoch: r.Epoch, Rewrap: r.Rewrap})
	}
	tail, err := s.cfg.Chain.KeyRotated(ctx, acl.Range{From: next}, f)
	if err != nil {
		return nil, err
	}
	return append(out, tail...), nil
}
