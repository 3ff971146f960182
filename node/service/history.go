package service

import (
	"context"

	"github.com/pdx-network/pdx/acl"
)

// History is where a Service reads the Registry's events: the chain itself
// from the deploy block, or a home's index of its own events
// (node/chainindex.Index), which answers the same queries with the same
// values and passes to the chain those it does not hold (another account's
// dataset). The listings then cost what they return instead of the chain's
// whole history.
type History interface {
	Granted(context.Context, acl.GrantedFilter) ([]acl.Granted, error)
	Revoked(context.Context, acl.RevokedFilter) ([]acl.Revoked, error)
	Erased(context.Context, acl.ErasedFilter) ([]acl.Erased, error)
	CIDAdded(context.Context, acl.CIDAddedFilter) ([]acl.CIDAdded, error)
	DatasetCreated(context.Context, acl.DatasetCreatedFilter) ([]acl.DatasetCreated, error)
	KeyRotated(context.Context, acl.KeyRotatedFilter) ([]acl.KeyRotated, error)
	Purchased(context.Context, acl.PurchasedFilter) ([]acl.Purchased, error)
	Refunded(context.Context, acl.RefundedFilter) ([]acl.Refunded, error)
	// CampaignJoined finds the campaign grants of this account's datasets
	// (their payments vest as a purchase's do).
	CampaignJoined(context.Context, acl.CampaignJoinedFilter) ([]acl.CampaignJoined, error)
}

// chainHistory is History read from the chain: every query scans the
// Registry's logs from r.From to the head (filtered by indexed topics).
type chainHistory struct {
	c *acl.Client
	r acl.Range
}

func (h chainHistory) Granted(ctx context.Context, f acl.GrantedFilter) ([]acl.Granted, error) {
	return h.c.Granted(ctx, h.r, f)
}

func (h chainHistory) Revoked(ctx context.Context, f acl.RevokedFilter) ([]acl.Revoked, error) {
	return h.c.Revoked(ctx, h.r, f)
}

func (h chainHistory) Erased(ctx context.Context, f acl.ErasedFilter) ([]acl.Erased, error) {
	return h.c.Erased(ctx, h.r, f)
}

func (h chainHistory) CIDAdded(ctx context.Context, f acl.CIDAddedFilter) ([]acl.CIDAdded, error) {
	return h.c.CIDAdded(ctx, h.r, f)
}

func (h chainHistory) DatasetCreated(ctx context.Context, f acl.DatasetCreatedFilter) ([]acl.DatasetCreated, error) {
	return h.c.DatasetCreated(ctx, h.r, f)
}

func (h chainHistory) KeyRotated(ctx context.Context, f acl.KeyRotatedFilter) ([]acl.KeyRotated, error) {
	return h.c.KeyRotated(ctx, h.r, f)
}

func (h chainHistory) Purchased(ctx context.Context, f acl.PurchasedFilter) ([]acl.Purchased, error) {
	return h.c.Purchased(ctx, h.r, f)
}

func (h chainHistory) Refunded(ctx context.Context, f acl.RefundedFilter) ([]acl.Refunded, error) {
	return h.c.Refunded(ctx, h.r, f)
}

func (h chainHistory) CampaignJoined(ctx context.Context, f acl.CampaignJoinedFilter) ([]acl.CampaignJoined, error) {
	return h.c.CampaignJoined(ctx, h.r, f)
}

// events is the History the service reads: Config.History, or the chain.
func (s *Service) events() History {
	if s.cfg.History != nil {
		return s.cfg.History
	}
	return chainHistory{c: s.cfg.Chain, r: s.since()}
}
