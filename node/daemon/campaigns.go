package daemon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/service"
)

// Campaigns (contracts/spec/registry-v4.md, "Campaigns"): a brand funds one
// for many owners, an owner joins with one of its datasets. The routes:
//
//	POST /v1/campaigns               create and fund (the brand)
//	GET  /v1/campaigns               the campaigns this daemon's agent saw, with its decisions
//	GET  /v1/campaigns/{id}          the campaign and its policy
//	POST /v1/campaigns/{id}/join     grant the brand one dataset, paid from the escrow
//	POST /v1/campaigns/{id}/close    refund the unspent places to the brand's balance

// CampaignRequest is the body of POST /v1/campaigns.
type CampaignRequest struct {
	// Policy is the campaign document: a preset's name or a policy
	// document (docs/policy.md). Required.
	Policy json.RawMessage `json:"policy"`
	// PriceWei is paid to each owner who joins.
	PriceWei string `json:"price_wei"`
	// Duration of each grant ("30d"); empty takes the policy's.
	Duration string `json:"duration,omitempty"`
	// Cap is the number of places; the campaign is funded with price × cap.
	Cap uint32 `json:"cap"`
	// Deadline is when joins stop: a duration from now ("7d"), a date or
	// an RFC 3339 time.
	Deadline string `json:"deadline"`
	// Wants is what the campaign asks of a dataset (acl/describe Wants:
	// category, fields, period, minRows, attested, attestedBy); it goes
	// into the policy (profile v3, "pdx:wants"), replacing any the policy
	// has. Owners' agents join only with a dataset whose description
	// meets it.
	Wants json.RawMessage `json:"wants,omitempty"`
}

// CampaignView is a campaign as the API shows it.
type CampaignView struct {
	ID       uint64 `json:"id"`
	Brand    string `json:"brand"`
	PriceWei string `json:"price_wei"`
	Duration string `json:"duration"`
	Cap      uint32 `json:"cap"`
	Joined   uint32 `json:"joined"`
	Deadline string `json:"deadline"`
	Closed   bool   `json:"closed"`
	// Open: not closed, before the deadline, a place left.
	Open bool `json:"open"`
	// UnspentWei is the escrow still held for the places not taken.
	UnspentWei string `json:"unspent_wei"`
	TermsHash  string `json:"terms_hash"`
	// Policy is the campaign document; absent when no IPFS node served it
	// (PolicyError says why).
	Policy      *PolicyView `json:"policy,omitempty"`
	PolicyError string      `json:"policy_error,omitempty"`
	// Agent is what this daemon's campaign agent decided (or the owner's
	// join by hand); absent when it has not seen the campaign.
	Agent *CampaignDecision `json:"agent,omitempty"`
}

func campaignView(info *service.CampaignInfo, now time.Time) CampaignView {
	c := info.Campaign
	v := CampaignView{
		ID: c.ID, Brand: c.Brand.Hex(), PriceWei: c.PricePerPerson.String(), Duration: config.Duration(c.Duration).String(),
		Cap: c.Cap, Joined: c.Joined, Deadline: c.Deadline.UTC().Format(time.RFC3339), Closed: c.Closed, Open: c.Open(now),
		UnspentWei: c.Unspent().String(), TermsHash: hexutil.Encode(c.TermsHash[:]),
	}
	if info.Document != nil {
		v.Policy = policyView(info.Document)
	} else if info.DocumentErr != nil {
		v.PolicyError = forPeople(info.DocumentErr)
	}
	return v
}

func parseCampaignID(s string) (uint64, error) {
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, badRequest("campaign id %q is not a campaign number (1, 2, …)", s)
	}
	return id, nil
}

func (d *Daemon) createCampaign(w http.ResponseWriter, r *http.Request) error {
	var req CampaignRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	pol, err := parsePolicy(req.Policy)
	if err != nil {
		return err
	}
	if pol == nil {
		return badRequest("policy is required: the campaign's usage policy, a preset's name or a document, whose description says what you want")
	}
	if len(req.Wants) > 0 && string(req.Wants) != "null" {
		w, err := describe.ParseWants(req.Wants)
		if err != nil {
			return badRequest("wants: %v", err)
		}
		pol.Wants = w
	}
	var price config.Wei
	if err := price.UnmarshalText([]byte(req.PriceWei)); err != nil {
		return badRequest("price_wei: %v", err)
	}
	if price.Int().Sign() <= 0 {
		return badRequest("price_wei must be above zero: a campaign pays each participant")
	}
	var dur time.Duration
	if req.Duration != "" {
		d, err := config.ParseDuration(req.Duration)
		if err != nil || d <= 0 {
			return badRequest("duration %q is not a positive duration such as \"30d\"", req.Duration)
		}
		dur = time.Duration(d)
	}
	if req.Cap == 0 {
		return badRequest("cap is required: the number of owners the campaign pays (at least 1)")
	}
	if req.Deadline == "" {
		return badRequest("deadline is required: how long owners may join, such as \"7d\", or a date")
	}
	deadline, err := parseExpiry(req.Deadline, time.Now())
	if err != nil {
		return badRequest("deadline: %v", errors.Unwrap(err))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	id, err := d.s.CreateCampaign(r.Context(), service.CampaignRequest{
		Policy: pol, PricePerPerson: price.Int(), Duration: dur, Cap: req.Cap, Deadline: deadline,
	})
	if err != nil {
		return err
	}
	info, err := d.s.Campaign(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, campaignView(info, time.Now()))
	return nil
}

func (d *Daemon) getCampaign(w http.ResponseWriter, r *http.Request) error {
	id, err := parseCampaignID(r.PathValue("id"))
	if err != nil {
		return err
	}
	info, err := d.s.Campaign(r.Context(), id)
	if err != nil {
		return err
	}
	v := campaignView(info, time.Now())
	if dec, ok, err := d.index.CampaignDecision(id); err != nil {
		return err
	} else if ok {
		v.Agent = &dec
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// CampaignListItem is one campaign of GET /v1/campaigns: what the chain
// says of it now, and what this daemon decided.
type CampaignListItem struct {
	ID         uint64           `json:"id"`
	Brand      string           `json:"brand"`
	PriceWei   string           `json:"price_wei"`
	Duration   string           `json:"duration"`
	Cap        uint32           `json:"cap"`
	Joined     uint32           `json:"joined"`
	Deadline   string           `json:"deadline"`
	Open       bool             `json:"open"`
	Closed     bool             `json:"closed"`
	UnspentWei string           `json:"unspent_wei"`
	Agent      CampaignDecision `json:"agent"`
}

// CampaignList is the body of GET /v1/campaigns.
type CampaignList struct {
	Campaigns []CampaignListItem `json:"campaigns"`
}

// maxCampaignList bounds one listing: the newest campaigns first.
const maxCampaignList = 500

// listCampaigns lists the campaigns the agent has seen, newest first, each
// with the chain's state now and the decision: the open ones, or all with
// ?all=true; ?mine=true lists this account's own campaigns instead, from
// the chain.
func (d *Daemon) listCampaigns(w http.ResponseWriter, r *http.Request) error {
	all := false
	if v := r.URL.Query().Get("all"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return badRequest("all=%q: want true or false", v)
		}
		all = b
	}
	mine := false
	if v := r.URL.Query().Get("mine"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return badRequest("mine=%q: want true or false", v)
		}
		mine = b
	}
	var decs []CampaignDecision
	if mine {
		// The brand's own campaigns come from the chain: a brand's node
		// need not run the campaign agent.
		own, err := d.s.OwnCampaigns(r.Context())
		if err != nil {
			return err
		}
		for i := len(own) - 1; i >= 0 && len(decs) < maxCampaignList; i-- {
			c := own[i]
			decs = append(decs, CampaignDecision{Campaign: c.ID, Brand: c.Brand.Hex(), Block: c.Block, State: DecisionOwn, Reason: "your own campaign"})
		}
	} else {
		var err error
		if decs, err = d.index.CampaignDecisions(maxCampaignList); err != nil {
			return err
		}
	}
	now := time.Now()
	out := CampaignList{Campaigns: []CampaignListItem{}}
	for _, dec := range decs {
		c, err := d.s.CampaignState(r.Context(), dec.Campaign)
		if err != nil {
			return err
		}
		if !all && !c.Open(now) {
			continue
		}
		out.Campaigns = append(out.Campaigns, CampaignListItem{
			ID: c.ID, Brand: c.Brand.Hex(), PriceWei: c.PricePerPerson.String(), Duration: config.Duration(c.Duration).String(),
			Cap: c.Cap, Joined: c.Joined, Deadline: c.Deadline.UTC().Format(time.RFC3339), Open: c.Open(now), Closed: c.Closed,
			UnspentWei: c.Unspent().String(), Agent: dec,
		})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// JoinCampaignRequest is the body of POST /v1/campaigns/{id}/join.
type JoinCampaignRequest struct {
	// Dataset is the name of this home's dataset that joins.
	Dataset string `json:"dataset"`
	// Threshold of the grant; 0 takes proxies.threshold.
	Threshold int `json:"threshold,omitempty"`
}

// JoinCampaignResponse is the grant a join made.
type JoinCampaignResponse struct {
	Campaign  uint64   `json:"campaign"`
	Dataset   string   `json:"dataset"`
	ID        uint64   `json:"id"`
	Brand     string   `json:"brand"`
	PriceWei  string   `json:"price_wei"`
	Expires   string   `json:"expires"`
	Threshold int      `json:"threshold"`
	Bundle    string   `json:"bundle"`
	Block     uint64   `json:"block"`
	Proxies   []string `json:"proxies"`
	Fields    []string `json:"fields,omitempty"`
}

func (d *Daemon) joinCampaign(w http.ResponseWriter, r *http.Request) error {
	id, err := parseCampaignID(r.PathValue("id"))
	if err != nil {
		return err
	}
	var req JoinCampaignRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if req.Dataset == "" {
		return badRequest("dataset is required: the name of the dataset to grant the campaign's brand")
	}
	if req.Threshold < 0 || req.Threshold > config.MaxProxyShares {
		return badRequest("threshold %d is not between 1 and %d", req.Threshold, config.MaxProxyShares)
	}
	out, err := d.joinWith(r.Context(), id, req.Dataset, req.Threshold)
	if err != nil {
		return err
	}
	// A person's join stands beside (and over) what the agent decided.
	dec, ok, err := d.index.CampaignDecision(id)
	if err != nil {
		d.log.Warn("reading the campaign agent's decision", "campaign", id, "err", err)
	}
	if !ok {
		dec = CampaignDecision{Campaign: id, Brand: out.Brand}
	} else if dec.State != DecisionJoined {
		dec.Reason = "your agent had not joined: " + dec.Reason
	}
	dec.State, dec.Rule, dec.Dataset, dec.JoinBlock, dec.ByHand, dec.Decided = DecisionJoined, "", req.Dataset, out.Block, true, time.Now().UTC()
	if err := d.index.PutCampaignDecision(dec); err != nil {
		d.log.Warn("recording a join by hand", "campaign", id, "err", err)
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// joinWith joins campaign id with the dataset name (the API's join and the
// campaign agent's): one transaction, journaled as a grant.
func (d *Daemon) joinWith(ctx context.Context, id uint64, name string, threshold int) (*JoinCampaignResponse, error) {
	e, key, err := d.dataset(name)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	res, err := d.s.JoinCampaign(ctx, service.CampaignJoin{Campaign: id, Dataset: e.ID, DatasetKey: key, Threshold: threshold})
	if err != nil {
		return nil, joinRefused(err, name, id)
	}
	out := &JoinCampaignResponse{Campaign: id, Dataset: name, ID: e.ID, Brand: res.Grantee.Hex(), PriceWei: res.PricePerPerson.String(),
		Expires: res.Expires.Format(time.RFC3339), Threshold: res.Threshold, Bundle: res.Bundle, Block: res.Block, Proxies: []string{}, Fields: res.Fields}
	for _, p := range res.Proxies {
		out.Proxies = append(out.Proxies, p.Hex())
	}
	// A join is a grant: the journal keeps it as one, with the campaign's
	// policy, so the owner's views read it back as any grant.
	d.record(Record{Kind: KindGrant, Dataset: name, ID: e.ID, Block: res.Block, Grantee: out.Brand, Purpose: string(res.Policy.Bytes()), Expires: out.Expires, Amount: out.PriceWei})
	return out, nil
}

// CloseCampaignResponse is the body of POST /v1/campaigns/{id}/close.
type CloseCampaignResponse struct {
	ID uint64 `json:"id"`
	// RefundWei went to the brand's balance (POST /v1/withdraw pays it out).
	RefundWei string `json:"refund_wei"`
}

func (d *Daemon) closeCampaign(w http.ResponseWriter, r *http.Request) error {
	id, err := parseCampaignID(r.PathValue("id"))
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	refund, err := d.s.CloseCampaign(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, CloseCampaignResponse{ID: id, RefundWei: refund.String()})
	return nil
}

// joinRefused says for the owner the refusals the Registry words for a
// buyer (they are shared with buy): here the brand is the one holding the
// grant or purchase, and nothing was paid by anyone.
func joinRefused(err error, dataset string, id uint64) error {
	switch {
	case errors.Is(err, acl.ErrAlreadyGranted):
		return cli.Say(err, fmt.Sprintf("the campaign's brand holds a live grant of %s already: nothing was granted; revoke that grant first to join campaign %d with it", dataset, id))
	case errors.Is(err, acl.ErrPurchasePending):
		return cli.Say(err, fmt.Sprintf("the campaign's brand has bought %s and its purchase waits for your grant: nothing was granted; grant or decline the purchase, then join campaign %d", dataset, id))
	case errors.Is(err, acl.ErrOwnDataset):
		return cli.Say(err, fmt.Sprintf("campaign %d is your own: an owner cannot be paid by its own campaign", id))
	}
	return err
}
