package chainindex

import (
	"context"

	"github.com/pdx-network/pdx/acl"
)

// CampaignJoined is acl.Client.CampaignJoined from the deploy block. The
// index does not keep campaign events yet: the query goes to the chain,
// narrowed by its indexed topics (an owner's joins, a dataset's), so the
// node filters the logs and only the matches travel.
func (ix *Index) CampaignJoined(ctx context.Context, f acl.CampaignJoinedFilter) ([]acl.CampaignJoined, error) {
	return ix.cfg.Chain.CampaignJoined(ctx, ix.all(), f)
}
