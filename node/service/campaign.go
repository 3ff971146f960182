package service

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/reencrypt"
)

// Campaigns (contracts/spec/registry-v4.md, "Campaigns"): a brand funds a
// campaign for up to Cap people in one transaction, and each owner who
// opts in grants the brand in one transaction and is paid from the escrow.
//
// The campaign document a campaign's terms hash names is a usage policy of
// pdx's profile (docs/policy.md), published as offers publish theirs: its
// description says in the brand's words what it wants, its purposes and
// actions what the data may be used for, its fields (profile v2) which
// field groups of a split dataset it asks for, its duration how long each
// grant lasts. A join is granted under that policy, so the grant's
// purposeHash is the campaign's terms hash and the bundle carries the
// document, exactly as a purchase of a policy offer is granted.

// ErrCampaignTerms: a campaign cannot be funded as asked (no policy, a
// duration that contradicts the policy's, a cap or price out of range).
var ErrCampaignTerms = errkind.New(errkind.Usage, "the campaign's terms are incomplete or contradict each other")

// ErrCampaignDocument: a campaign's document is not a usage policy this
// node can grant under (a plain text, or a block that does not parse); an
// owner does not join such a campaign.
var ErrCampaignDocument = errkind.New(errkind.Refused, "the campaign's document is not a usage policy")

// CampaignRequest is what a brand funds.
type CampaignRequest struct {
	// Policy is the campaign document: what the brand wants and for what
	// use. Required.
	Policy *policy.Policy
	// PricePerPerson is paid to each owner who joins, in wei, vesting over
	// the grant's life.
	PricePerPerson *big.Int
	// Duration of each grant; zero takes the policy's (which must then set
	// one). When both are set they must agree.
	Duration time.Duration
	// Cap is the number of places; the campaign is funded with price × cap.
	Cap uint32
	// Deadline is when joins stop (the brand may close before).
	Deadline time.Time
}

// CampaignInfo is a campaign as the chain holds it, with its document.
type CampaignInfo struct {
	acl.Campaign
	// Document is the usage policy the terms hash names; nil when no IPFS
	// node served it in time or it is not a policy (DocumentErr says why).
	Document    *policy.Policy
	DocumentErr error
}

// CreateCampaign publishes the campaign document on this node's IPFS (one
// raw block, pinned, found by its hash) and funds the campaign from this
// account in one transaction; it returns the campaign's id.
func (s *Service) CreateCampaign(ctx context.Context, req CampaignRequest) (uint64, error) {
	if req.Policy == nil {
		return 0, fmt.Errorf("%w: a campaign needs a usage policy that says what the data may be used for", ErrCampaignTerms)
	}
	if err := req.Policy.Validate(); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrCampaignTerms, err)
	}
	switch {
	case req.Duration == 0 && req.Policy.Duration == 0:
		return 0, fmt.Errorf("%w: say how long each grant lasts (a duration, or one in the policy)", ErrCampaignTerms)
	case req.Duration == 0:
		req.Duration = req.Policy.Duration
	case req.Policy.Duration != 0 && req.Policy.Duration != req.Duration:
		return 0, fmt.Errorf("%w: the duration %v differs from the policy's %v", ErrCampaignTerms, req.Duration, req.Policy.Duration)
	}
	if req.PricePerPerson == nil || req.PricePerPerson.Sign() <= 0 {
		return 0, fmt.Errorf("%w: a campaign pays each participant: name a price above zero", ErrCampaignTerms)
	}
	if req.Cap == 0 {
		return 0, fmt.Errorf("%w: a campaign needs at least one place", ErrCampaignTerms)
	}
	if _, err := s.PublishPolicy(ctx, req.Policy); err != nil {
		return 0, err
	}
	id, _, err := s.cfg.Chain.CreateCampaign(ctx, acl.CampaignTerms{
		TermsHash: req.Policy.Hash(), PricePerPerson: req.PricePerPerson, Duration: req.Duration, Cap: req.Cap, Deadline: req.Deadline,
	})
	return id, err
}

// Campaign reads a campaign and its document (waiting at most TermsWait for
// it on IPFS).
func (s *Service) Campaign(ctx context.Context, id uint64) (*CampaignInfo, error) {
	c, err := s.cfg.Chain.CampaignOf(ctx, id)
	if err != nil {
		return nil, err
	}
	info := &CampaignInfo{Campaign: c}
	info.Document, info.DocumentErr = s.campaignDocument(ctx, c)
	return info, nil
}

// campaignDocument reads the usage policy a campaign's terms hash names.
func (s *Service) campaignDocument(ctx context.Context, c acl.Campaign) (*policy.Policy, error) {
	text, err := s.TermsText(ctx, c.TermsHash, TermsWait)
	if err != nil {
		return nil, err
	}
	p, err := TermsPolicy(text)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCampaignDocument, err)
	}
	if p == nil {
		return nil, fmt.Errorf("%w: campaign %d names a plain text", ErrCampaignDocument, c.ID)
	}
	return p, nil
}

// CampaignJoin is what an owner decides when joining a campaign.
type CampaignJoin struct {
	Campaign   uint64
	Dataset    uint64
	DatasetKey *reencrypt.SecretKey
	// Threshold and Proxies as in GrantRequest (zero and empty: the
	// owner's ProxySet).
	Threshold int
	Proxies   []common.Address
}

// JoinResult is what a join recorded: the grant to the campaign's brand
// and what it is paid.
type JoinResult struct {
	*GrantResult
	Expires        time.Time
	PricePerPerson *big.Int
	Policy         *policy.Policy
}

// JoinCampaign joins a campaign with one of this account's datasets: it
// reads the campaign and its document, pins the document here (the policy
// the owner was paid under stays with it), and grants the campaign's brand
// under it in one transaction that also moves one price from the escrow
// into the grant's vesting. A document that is not a usage policy is
// refused before anything is sent; the chain refuses a closed, full or
// expired campaign and a second join of the dataset.
func (s *Service) JoinCampaign(ctx context.Context, req CampaignJoin) (*JoinResult, error) {
	c, err := s.cfg.Chain.CampaignOf(ctx, req.Campaign)
	if err != nil {
		return nil, err
	}
	if c.Brand == s.addr {
		return nil, fmt.Errorf("%w: campaign %d is this account's own", ErrCampaignTerms, req.Campaign)
	}
	doc, err := s.campaignDocument(ctx, c)
	if err != nil {
		return nil, err
	}
	if err := s.pinPolicy(ctx, doc); err != nil {
		return nil, err
	}
	g, err := s.Grant(ctx, GrantRequest{
		Dataset: req.Dataset, DatasetKey: req.DatasetKey, Grantee: c.Brand, Policy: doc,
		Threshold: req.Threshold, Proxies: req.Proxies, Campaign: req.Campaign,
	})
	if err != nil {
		return nil, err
	}
	st, err := s.cfg.Chain.GrantOf(ctx, req.Dataset, c.Brand)
	if err != nil {
		return nil, err
	}
	return &JoinResult{GrantResult: g, Expires: st.Expiry.UTC(), PricePerPerson: c.PricePerPerson, Policy: doc}, nil
}

// CloseCampaign closes a campaign (this account's own at any time, anyone's
// after its deadline) and returns the wei of unspent places added to the
// brand's balance (Withdraw pays it out).
func (s *Service) CloseCampaign(ctx context.Context, id uint64) (*big.Int, error) {
	rc, err := s.cfg.Chain.CloseCampaign(ctx, id)
	if err != nil {
		return nil, err
	}
	closed, ok := s.cfg.Chain.CampaignClosedIn(rc.Logs)
	if !ok {
		return nil, errors.New("service: the campaign was closed without a CampaignClosed event")
	}
	return closed.Refund, nil
}

// campaignSales lists the campaign grants f selects whose payment is still
// held: (dataset, the campaign's brand) pairs for Withdraw and Erase to
// settle, as the purchases of vestingSales are.
func (s *Service) campaignSales(ctx context.Context, f acl.CampaignJoinedFilter) ([]acl.Sale, error) {
	joins, err := s.events().CampaignJoined(ctx, f)
	if err != nil {
		return nil, err
	}
	brands := map[uint64]common.Address{}
	var out []acl.Sale
	for _, j := range joins {
		brand, ok := brands[j.ID]
		if !ok {
			c, err := s.cfg.Chain.CampaignOf(ctx, j.ID)
			if err != nil {
				return nil, err
			}
			brand, brands[j.ID] = c.Brand, c.Brand
		}
		v, err := s.cfg.Chain.VestingOf(ctx, j.Dataset, brand)
		if err != nil {
			return nil, err
		}
		if v.Amount.Sign() != 0 {
			out = append(out, acl.Sale{Dataset: j.Dataset, Buyer: brand})
		}
	}
	return out, nil
}
