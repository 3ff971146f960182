package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/service"
)

// The campaign agent answers brands' campaigns for the owner, within the
// owner's own rules ([market.campaigns], docs/config.md). It follows the
// Registry's CampaignCreated events (CampaignAgent, fed by an acl.Follower
// whose cursor is in the index's store) and decides each campaign once:
//
//  1. the account's own campaign: nothing to do;
//  2. a campaign closed, full or past its deadline: refused;
//  3. the chain's terms against the owner's rules: a never_brands brand, a
//     price below min_price_wei, a grant longer than max_duration;
//  4. the document the terms hash names, read from IPFS bounded in size
//     and time, which must be a usage policy: unreadable or malformed is
//     refused with the reason;
//  5. the policy's purposes, each within the owner's purposes (a policy
//     naming none permits any, and is refused);
//  6. its wants' category among the owner's categories;
//  7. the datasets that may be offered (market.campaigns.datasets, or
//     every described one), in name order: the first whose description
//     meets the wants (describe.Wants.Match), and of which the brand
//     holds no live grant already (the chain would refuse the join), is
//     the one; none: refused with the first dataset's mismatch;
//  8. auto_join off: refused, naming the dataset that would have joined
//     (with no categories or purposes configured either — the default —
//     it is refused as soon as the campaign is found open);
//  9. the join: one transaction granting the brand under the campaign's
//     policy, paid from its escrow (service.JoinCampaign).
//
// Nothing the campaign says moves a rule: its price, brand, duration and
// purposes are the chain's and the document's (whose hash the chain
// holds), and its wants only narrow which dataset joins. Fields: a
// campaign's wanted fields select datasets that list them; the join
// grants the whole dataset, unless the campaign's policy itself names
// field groups (policy "fields"), which the grant then covers alone — a
// dataset not split into those groups cannot join such a campaign.
type CampaignAgent struct {
	d      *Daemon
	policy config.Campaigns
	log    *slog.Logger
	// Threshold of the grants; 0: the proxies' default.
	Threshold int
	// Wait bounds the read of a campaign's document.
	Wait time.Duration
	// Now is the clock (tests).
	Now func() time.Time
}

// NewCampaignAgent makes the agent of the daemon's home under policy.
func (d *Daemon) NewCampaignAgent(policy config.Campaigns) *CampaignAgent {
	return &CampaignAgent{d: d, policy: policy, log: d.log.With("component", "campaign-agent"), Wait: service.CampaignAgentWait, Now: time.Now}
}

// Cursor is where the agent's follower keeps its place: in the index's
// store, beside the decisions.
func (a *CampaignAgent) Cursor() acl.Cursor { return campaignCursor{a.d.index} }

// HandleEvent decides a CampaignCreated event's campaign once; feed it
// from an acl.Follower. An error (the chain not answering) leaves the
// campaign undecided, and the follower hands it over again.
func (a *CampaignAgent) HandleEvent(ctx context.Context, ev acl.Event) error {
	c, ok := ev.CampaignCreated()
	if !ok {
		return nil
	}
	if _, done, err := a.d.index.CampaignDecision(c.ID); err != nil || done {
		return err
	}
	dec, err := a.Decide(ctx, c)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	added, err := a.d.index.AddCampaignDecision(dec)
	if added {
		a.log.Info("campaign decided", "campaign", dec.Campaign, "state", dec.State, "rule", dec.Rule, "dataset", dec.Dataset, "reason", dec.Reason)
	}
	return err
}

// Decide decides campaign c (steps 1–9 above) and, when everything lets it,
// joins. The error is for what may pass (the chain not answering); every
// refusal is the decision's.
func (a *CampaignAgent) Decide(ctx context.Context, c acl.CampaignCreated) (CampaignDecision, error) {
	now := a.Now()
	dec := CampaignDecision{Campaign: c.ID, Brand: c.Brand.Hex(), Block: c.Block, Decided: now.UTC()}
	refuse := func(rule, reason string) (CampaignDecision, error) {
		dec.State, dec.Rule, dec.Reason = DecisionRefused, rule, reason
		return dec, nil
	}
	if c.Brand == a.d.s.Address() {
		dec.State, dec.Reason = DecisionOwn, "your own campaign"
		return dec, nil
	}
	info, err := a.d.s.CampaignWithin(ctx, c.ID, a.Wait)
	if err != nil {
		return dec, err
	}
	cur := info.Campaign
	switch {
	case cur.Closed:
		return refuse("campaign", "the campaign is closed")
	case cur.Joined >= cur.Cap:
		return refuse("campaign", "every place of the campaign is taken")
	case !cur.Open(now):
		return refuse("campaign", "the campaign is past its deadline")
	}
	if !a.policy.AutoJoin && (len(a.policy.Categories) == 0 || len(a.policy.Purposes) == 0) {
		// The default: the owner has not set up automatic joins at all.
		return refuse(string(config.RuleAutoJoin), fmt.Sprintf("auto_join is off and [market.campaigns] names no categories or purposes (config.toml): join by hand with pdx campaign join %d --dataset NAME", c.ID))
	}
	if err := a.policy.CheckTerms(cur.Brand, cur.PricePerPerson, cur.Duration); err != nil {
		return refuse(ruleOf(err), err.Error())
	}
	if info.Document == nil {
		if errors.Is(info.DocumentErr, service.ErrCampaignDocument) {
			return refuse("document", forPeople(info.DocumentErr))
		}
		return refuse("document", "the campaign's document is not readable: "+forPeople(info.DocumentErr))
	}
	doc := info.Document
	if doc.Duration != 0 && doc.Duration != cur.Duration {
		return refuse("document", fmt.Sprintf("the campaign's policy says grants last %s, the chain %s", config.Duration(doc.Duration), config.Duration(cur.Duration)))
	}
	if err := service.PurposesWithin(doc, a.policy.Purposes); err != nil {
		return refuse(string(config.RulePurposes), err.Error())
	}
	var category string
	if doc.Wants != nil {
		category = string(doc.Wants.Category)
	}
	if err := a.policy.CheckCategory(category); err != nil {
		return refuse(ruleOf(err), err.Error())
	}
	name, why, err := a.match(ctx, c.ID, cur.Brand, doc.Wants, len(doc.Fields) > 0)
	if err != nil {
		return dec, err
	}
	if name == "" {
		return refuse("wants", why)
	}
	dec.Dataset = name
	if why == DecisionJoined {
		// Joined already (by hand, or before the store was rebuilt): the
		// chain says so, nothing is sent.
		dec.State, dec.Reason = DecisionJoined, "the dataset had joined already"
		return dec, nil
	}
	if !a.policy.AutoJoin {
		return refuse(string(config.RuleAutoJoin), fmt.Sprintf("auto_join is off; %s meets the campaign's wants: join by hand with pdx campaign join %d --dataset %s", name, c.ID, name))
	}
	out, err := a.d.joinWith(ctx, c.ID, name, a.Threshold)
	if err != nil {
		if ctx.Err() != nil {
			return dec, ctx.Err()
		}
		dec.State, dec.Rule, dec.Reason = DecisionFailed, "join", forPeople(err)
		return dec, nil
	}
	dec.State, dec.JoinBlock = DecisionJoined, out.Block
	return dec, nil
}

// match finds the dataset that joins: the first offered one (by name)
// whose description meets w. why is the first mismatch when none does,
// DecisionJoined when the found one joined campaign id already.
func (a *CampaignAgent) match(ctx context.Context, id uint64, brand common.Address, w *describe.Wants, fieldGrant bool) (name, why string, err error) {
	firstMiss := ""
	miss := func(n, reason string) {
		if firstMiss == "" {
			firstMiss = n + ": " + reason
		}
	}
	offered := 0
	for _, e := range a.d.index.List() {
		if e.Pending || !a.policy.Offers(e.Name) {
			continue
		}
		desc, ok := a.d.Description(e.Name)
		if !ok {
			if len(a.policy.Datasets) > 0 { // named, so worth saying
				miss(e.Name, "it has no description (pdx describe)")
			}
			continue
		}
		offered++
		if err := w.Match(desc); err != nil {
			miss(e.Name, err.Error())
			continue
		}
		if fieldGrant {
			split, err := a.d.s.DatasetSplit(ctx, e.ID)
			if err != nil {
				return "", "", err
			}
			if !split {
				miss(e.Name, "the campaign's policy grants field groups only, and the dataset is not split into fields")
				continue
			}
		}
		joined, err := a.d.s.JoinedCampaign(ctx, id, e.ID)
		if err != nil {
			return "", "", err
		}
		if joined {
			return e.Name, DecisionJoined, nil
		}
		live, err := a.d.s.HoldsLiveGrant(ctx, e.ID, brand, a.Now())
		if err != nil {
			return "", "", err
		}
		if live {
			miss(e.Name, "the campaign's brand holds a live grant of it already")
			continue
		}
		return e.Name, "", nil
	}
	if offered == 0 && firstMiss == "" {
		return "", "no dataset to offer: describe one (pdx describe) or check market.campaigns.datasets", nil
	}
	return "", "no dataset meets the campaign's wants (" + firstMiss + ")", nil
}

func ruleOf(err error) string {
	var r *config.CampaignRefusal
	if errors.As(err, &r) {
		return string(r.Rule)
	}
	return ""
}
