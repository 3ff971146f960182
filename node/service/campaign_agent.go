package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
)

// What an owner's campaign agent (node/daemon) needs of the service: a
// campaign read with a longer wait for its document than a person's show,
// whether a dataset joined already, and the purpose rule of the owner's
// campaign policy.

// CampaignAgentWait is how long the agent waits for a campaign's document
// on IPFS: it is read once, from the brand's node, by a daemon that nobody
// waits on; a document still not served after that is recorded as
// unreadable.
const CampaignAgentWait = 20 * time.Second

// CampaignWithin is Campaign waiting at most wait for the document. The
// document is read bounded (MaxTerms bytes) and must hash to the campaign's
// terms hash and parse as a usage policy, or DocumentErr says why not.
func (s *Service) CampaignWithin(ctx context.Context, id uint64, wait time.Duration) (*CampaignInfo, error) {
	c, err := s.cfg.Chain.CampaignOf(ctx, id)
	if err != nil {
		return nil, err
	}
	info := &CampaignInfo{Campaign: c}
	text, err := s.TermsText(ctx, c.TermsHash, wait)
	if err != nil {
		info.DocumentErr = err
		return info, nil
	}
	p, err := TermsPolicy(text)
	switch {
	case err != nil:
		info.DocumentErr = fmt.Errorf("%w: %w", ErrCampaignDocument, err)
	case p == nil:
		info.DocumentErr = fmt.Errorf("%w: campaign %d names a plain text", ErrCampaignDocument, c.ID)
	default:
		info.Document = p
	}
	return info, nil
}

// JoinedCampaign reports whether dataset joined campaign id already (the
// chain's record, also after the grant ended).
func (s *Service) JoinedCampaign(ctx context.Context, id, dataset uint64) (bool, error) {
	return s.cfg.Chain.JoinedCampaign(ctx, id, dataset)
}

// DatasetSplit reports whether any version of dataset is split into field
// groups (node/fieldsplit/FIELDS.md).
func (s *Service) DatasetSplit(ctx context.Context, dataset uint64) (bool, error) {
	return s.hasSplitVersions(ctx, dataset)
}

// PurposesWithin checks that everything p permits is within allowed (DPV
// purposes; a narrower purpose of an allowed one is within it): a policy
// that names no purpose permits any, so it is within nothing. An empty
// allowed accepts no campaign.
func PurposesWithin(p *policy.Policy, allowed []string) error {
	if len(allowed) == 0 {
		return errors.New("your purposes list is empty, so no campaign is joined by itself")
	}
	if len(p.Purposes) == 0 {
		return fmt.Errorf("the campaign's policy permits any purpose; you accept only %s", strings.Join(allowed, ", "))
	}
	within := &policy.Policy{Purposes: allowed}
	for _, q := range p.Purposes {
		if err := within.Permits(q); err != nil {
			return fmt.Errorf("the campaign permits %s, not among the purposes you accept (%s)", q, strings.Join(allowed, ", "))
		}
	}
	return nil
}

// CheckPurposes checks the owner's configured purposes are DPV purposes
// pdx knows (the config only checks their shape).
func CheckPurposes(allowed []string) error {
	for _, a := range allowed {
		if err := (&policy.Policy{}).Permits(a); err != nil {
			return err
		}
	}
	return nil
}

// CheckCategories checks the owner's configured categories are terms of
// the vocabulary (acl/describe; the config only checks their shape).
func CheckCategories(cats []string) error {
	for _, c := range cats {
		if _, err := describe.ParseCategory(c); err != nil {
			return err
		}
	}
	return nil
}

// CampaignState reads a campaign's state on chain (no document).
func (s *Service) CampaignState(ctx context.Context, id uint64) (acl.Campaign, error) {
	return s.cfg.Chain.CampaignOf(ctx, id)
}

// HoldsLiveGrant reports whether grantee holds a grant of dataset that has
// not expired at now: the chain refuses a campaign join then, so the agent
// offers another dataset instead.
func (s *Service) HoldsLiveGrant(ctx context.Context, dataset uint64, grantee common.Address, now time.Time) (bool, error) {
	g, err := s.cfg.Chain.GrantOf(ctx, dataset, grantee)
	if err != nil {
		return false, err
	}
	return g.Exists && (g.Expiry.IsZero() || g.Expiry.After(now)), nil
}

// OwnCampaigns lists the campaigns this account created, from the chain's
// CampaignCreated events (read in bounded ranges), oldest first.
func (s *Service) OwnCampaigns(ctx context.Context) ([]acl.CampaignCreated, error) {
	brand := s.addr
	return s.cfg.Chain.CampaignCreated(ctx, s.since(), acl.CampaignCreatedFilter{Brand: &brand})
}
