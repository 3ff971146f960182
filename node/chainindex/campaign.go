package chainindex

import (
	"context"

	"github.com/pdx-network/pdx/acl"
)

// CampaignJoined is acl.Client.CampaignJoined from the deploy block. The
// index keeps the joins of this home's account (as the owner, the third
// indexed argument) and of its datasets, so the owner's campaign sales
// are a prefix scan; another account's joins go to the chain, narrowed by
// their indexed topics.
func (ix *Index) CampaignJoined(ctx context.Context, f acl.CampaignJoinedFilter) ([]acl.CampaignJoined, error) {
	return answer(ctx, ix, func() [][]byte {
		switch {
		case f.Dataset != nil && ix.isMine(*f.Dataset):
			return [][]byte{datasetPrefix(*f.Dataset, "CampaignJoined")}
		case f.Owner != nil && *f.Owner == ix.me:
			return [][]byte{partyPrefix("CampaignJoined")}
		}
		return nil
	}, func(r acl.Range) ([]acl.CampaignJoined, error) { return ix.cfg.Chain.CampaignJoined(ctx, r, f) },
		func(e acl.Event) (acl.CampaignJoined, bool) {
			v, ok := e.CampaignJoined()
			return v, ok && match(f.ID, v.ID) && match(f.Dataset, v.Dataset) && matchAddr(f.Owner, v.Owner)
		})
}
