package daemon

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/pdx-network/pdx/internal/kvstore"
)

// The campaign agent's state lives in the index's store under its own
// keyspace (FORMATS.md, "index/ — campaigns"):
//
//	c/cursor            the next block the agent reads, decimal
//	c/d/<id, 8 bytes>   the agent's decision on campaign id, JSON
//
// A decision is written once, in the same batch as nothing else: a
// campaign is decided once; a restart reads the cursor and replays at most
// the batch it was in, whose campaigns are found decided and skipped.
var (
	campaignCursorKey      = []byte("c/cursor")
	campaignDecisionPrefix = []byte("c/d/")
)

func campaignDecisionKey(id uint64) []byte {
	return binary.BigEndian.AppendUint64(slices.Clone(campaignDecisionPrefix), id)
}

// Campaign decision states.
const (
	// DecisionJoined: a dataset joined (by the agent or by hand).
	DecisionJoined = "joined"
	// DecisionRefused: the owner's policy or the campaign's wants kept the
	// agent out; Reason says which and why.
	DecisionRefused = "refused"
	// DecisionFailed: the agent tried to join and the join failed.
	DecisionFailed = "failed"
	// DecisionOwn: the campaign is this account's own.
	DecisionOwn = "own"
)

// CampaignDecision is what the agent decided about one campaign.
type CampaignDecision struct {
	Campaign uint64 `json:"campaign"`
	Brand    string `json:"brand"`
	// Block is the block of the campaign's CampaignCreated event.
	Block   uint64    `json:"block"`
	Decided time.Time `json:"decided"`
	State   string    `json:"state"`
	// Rule names what refused: a key of [market.campaigns] (auto_join,
	// categories, purposes, min_price_wei, never_brands, max_duration),
	// "wants" (no dataset meets them), "document" (unreadable or not a
	// policy), "campaign" (closed, full or past its deadline), "join" (the
	// join failed).
	Rule   string `json:"rule,omitempty"`
	Reason string `json:"reason,omitempty"`
	// Dataset is the dataset that joined (or, refused by auto_join only,
	// the one that would have).
	Dataset string `json:"dataset,omitempty"`
	// JoinBlock is the block of the join.
	JoinBlock uint64 `json:"join_block,omitempty"`
	// ByHand: the owner joined (pdx campaign join), not the agent.
	ByHand bool `json:"by_hand,omitempty"`
}

// CampaignDecision reads the decision on campaign id.
func (ix *Index) CampaignDecision(id uint64) (CampaignDecision, bool, error) {
	v, ok, err := ix.db.Get(campaignDecisionKey(id))
	if err != nil || !ok {
		return CampaignDecision{}, false, err
	}
	var dec CampaignDecision
	if err := strictJSON(v, &dec); err != nil {
		return CampaignDecision{}, false, fmt.Errorf("%w: campaign decision %d: %v", ErrDamaged, id, err)
	}
	return dec, true, nil
}

// PutCampaignDecision stores a decision (fsynced), over any earlier one:
// a person's join by hand.
func (ix *Index) PutCampaignDecision(dec CampaignDecision) error {
	b, err := json.Marshal(dec)
	if err != nil {
		return err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.db.Write(func(b2 *kvstore.Batch) { b2.Put(campaignDecisionKey(dec.Campaign), b) })
}

// AddCampaignDecision stores the agent's decision unless the campaign has
// one already (a join by hand made while the agent decided); it reports
// whether it stored it.
func (ix *Index) AddCampaignDecision(dec CampaignDecision) (bool, error) {
	b, err := json.Marshal(dec)
	if err != nil {
		return false, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, ok, err := ix.db.Get(campaignDecisionKey(dec.Campaign)); err != nil || ok {
		return false, err
	}
	return true, ix.db.Write(func(b2 *kvstore.Batch) { b2.Put(campaignDecisionKey(dec.Campaign), b) })
}

// CampaignDecisions lists the decisions, newest campaign first, at most
// limit (0: all).
func (ix *Index) CampaignDecisions(limit int) ([]CampaignDecision, error) {
	var out []CampaignDecision
	err := ix.db.ScanReverse(campaignDecisionPrefix, nil, func(k, v []byte) (bool, error) {
		var dec CampaignDecision
		if err := strictJSON(v, &dec); err != nil {
			return false, fmt.Errorf("%w: campaign decision %x: %v", ErrDamaged, k, err)
		}
		out = append(out, dec)
		return limit == 0 || len(out) < limit, nil
	})
	return out, err
}

// campaignCursor is the agent's acl.Cursor in the index's store.
type campaignCursor struct{ ix *Index }

func (c campaignCursor) Load(context.Context) (uint64, bool, error) {
	v, ok, err := c.ix.db.Get(campaignCursorKey)
	if err != nil || !ok {
		return 0, false, err
	}
	n, err := strconv.ParseUint(string(v), 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("%w: the campaign agent's cursor %q is not a block number", ErrDamaged, v)
	}
	return n, true, nil
}

func (c campaignCursor) Store(_ context.Context, next uint64) error {
	return c.ix.db.Write(func(b *kvstore.Batch) { b.Put(campaignCursorKey, strconv.AppendUint(nil, next, 10)) })
}
