package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/daemon"
)

// Campaigns: a brand funds one for many owners (create), an owner joins
// with a dataset (join), anyone reads one (show), the brand closes it
// (close). contracts/spec/registry-v4.md ("Campaigns") is the contract side.

func (a *app) campaignCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "campaign",
		Short: "Brand campaigns: fund one for many owners, join one with a dataset, show or close one",
		Long: `A campaign is a brand's standing offer to many owners at once: it states
what it wants and for what use (a usage policy, docs/policy.md), the price
it pays each owner, how long each grant lasts, how many owners it pays and
until when, and funds all of it in escrow in one transaction. An owner who
opts in joins with one dataset in one transaction that grants the brand
and pays the owner from the escrow; the payment vests over the grant's
life, so a revoke or erase returns the unvested part to the brand.`,
		Example: `  pdx campaign create --policy analytics-only --price 0.001eth --duration 30d --cap 15 --deadline 7d
  pdx campaign list
  pdx campaign show 1
  pdx campaign join 1 --dataset history
  pdx campaign get 1 -o campaign-1
  pdx campaign close 1`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.campaignCreateCmd(), a.campaignShowCmd(), a.campaignJoinCmd(), a.campaignCloseCmd(), a.campaignListCmd(), a.campaignGetCmd())
	return cmd
}

func parseCampaignArg(s string) (uint64, error) {
	id, err := strconv.ParseUint(s, 10, 64)
	if err != nil || id == 0 {
		return 0, cli.Usagef("campaign id %q is not a campaign number (1, 2, …, as campaign create printed it)", s)
	}
	return id, nil
}

func campaignPath(id uint64, rest ...string) string {
	return "/v1/campaigns/" + url.PathEscape(strconv.FormatUint(id, 10)) + strings.Join(append([]string{""}, rest...), "/")
}

type campaignResult daemon.CampaignView

func (r campaignResult) FormatText(w io.Writer) error {
	state := "open"
	switch {
	case r.Closed:
		state = "closed"
	case !r.Open && r.Joined >= r.Cap:
		state = "full"
	case !r.Open:
		state = "past its deadline (close it to refund the unspent places)"
	}
	fmt.Fprintf(w, "campaign %d by %s: %s\n", r.ID, r.Brand, state)
	fmt.Fprintf(w, "  pays %s wei (%s) per owner for %s of access; %d of %d places taken; joins until %s\n",
		r.PriceWei, formatEther(r.PriceWei), r.Duration, r.Joined, r.Cap, r.Deadline)
	fmt.Fprintf(w, "  escrow of the places not taken: %s wei (%s)\n", r.UnspentWei, formatEther(r.UnspentWei))
	if r.Policy != nil {
		fmt.Fprintf(w, "usage policy %s:\n", r.Policy.CID)
		for _, l := range r.Policy.Describe {
			fmt.Fprintf(w, "  %s\n", plainCut(l, maxPolicyLine))
		}
	} else {
		fmt.Fprintf(w, "usage policy %s: not readable (%s)\n", r.TermsHash, plainCut(r.PolicyError, maxPolicyLine))
	}
	if r.Agent != nil {
		fmt.Fprintf(w, "your agent: %s\n", plainCut(decisionWords(*r.Agent), maxPolicyLine))
	}
	return nil
}

// decisionWords says what the campaign agent (or the owner by hand) did.
func decisionWords(d daemon.CampaignDecision) string {
	switch d.State {
	case daemon.DecisionJoined:
		s := fmt.Sprintf("joined with dataset %s in block %d", d.Dataset, d.JoinBlock)
		if d.JoinBlock == 0 {
			s = fmt.Sprintf("joined with dataset %s", d.Dataset)
		}
		if d.ByHand {
			s += " (by hand)"
		}
		return s
	case daemon.DecisionOwn:
		return "your own campaign"
	case daemon.DecisionFailed:
		return "tried to join and failed: " + d.Reason
	}
	return "refused: " + d.Reason
}

func (a *app) campaignCreateCmd() *cobra.Command {
	var pol, price, duration, deadline string
	var capacity uint32
	var wf wantsFlags
	cmd := &cobra.Command{
		Use:   "create --policy PRESET|FILE --price WEI|0.001eth --cap N --deadline 7d|DATE [--duration 30d]",
		Short: "Fund a campaign: price × cap into escrow, under a usage policy",
		Long: `create publishes the campaign's usage policy on IPFS (its hash on chain
names it) and funds the campaign from this account with price × cap in one
transaction. Each owner who joins is paid --price, vesting over --duration
(the policy's when left out; both must agree when both are set). Joins stop
at --deadline (a duration from now, a date or an RFC 3339 time) or when
cap owners joined; close refunds the places not taken.

What the campaign wants of a dataset goes into its policy (profile v3):
--category (required with any other want), --want-fields, --period,
--min-rows, --attested, --attested-by. Owners' agents join only with a
dataset whose description meets every want, and only within the owners'
own rules ([market.campaigns] in config.toml). Wanted fields select
datasets that list them; a join grants the whole dataset, unless the
policy file itself names field groups ("fields"), which a split dataset
then grants alone.`,
		Example: `  pdx campaign create --policy analytics-only --price 0.001eth --duration 30d --cap 15 --deadline 7d
  pdx campaign create --policy ./shoe-buyers.json --price 1000000000000000 --cap 1000 --deadline 2027-01-31
  pdx campaign create --policy analytics-only --price 0.001eth --duration 30d --cap 15 --deadline 7d --category purchases --want-fields date,price --period 2025-01..2025-12 --min-rows 100`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			if pol == "" {
				return cli.Usagef("--policy is required: the campaign's usage policy, a preset (%s) or a file, whose description says what you want", strings.Join(policy.Presets(), ", "))
			}
			if price == "" {
				return cli.Usagef("--price is required: what each owner who joins is paid, such as 0.001eth")
			}
			wei, err := parsePrice(price)
			if err != nil {
				return err
			}
			if wei.Sign() == 0 {
				return cli.Usagef("--price is zero: a campaign pays each owner who joins")
			}
			if capacity == 0 {
				return cli.Usagef("--cap is required: how many owners the campaign pays (at least 1)")
			}
			if deadline == "" {
				return cli.Usagef("--deadline is required: how long owners may join, such as 7d, or a date")
			}
			if duration != "" {
				d, err := config.ParseDuration(duration)
				if err != nil || d <= 0 {
					return cli.Usagef("--duration %q is not a positive duration (30d, 1d12h, 90m)", duration)
				}
			}
			wants, err := wf.wants()
			if err != nil {
				return err
			}
			p, err := policy.Load(pol)
			if err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.CampaignView
			req := daemon.CampaignRequest{Policy: json.RawMessage(p.Bytes()), PriceWei: wei.String(), Duration: duration, Cap: capacity, Deadline: deadline}
			if wants != nil {
				req.Wants = wants.Bytes()
			}
			if err := c.call(cmd.Context(), "POST", "/v1/campaigns", req, &res); err != nil {
				return err
			}
			return a.out.Result(campaignResult(res))
		}),
	}
	f := cmd.Flags()
	f.StringVar(&pol, "policy", "", "the campaign's usage policy: a preset (analytics-only, no-resale, open-cc-by, personalisation, research-only) or a policy file (docs/policy.md)")
	f.StringVar(&price, "price", "", "what each owner who joins is paid: wei as digits, or with a unit: 0.001eth, 2.5gwei")
	f.StringVar(&duration, "duration", "", "how long each grant lasts: 30d, 1d12h (default: the policy's)")
	f.Uint32Var(&capacity, "cap", 0, "how many owners the campaign pays; it is funded with price × cap")
	f.StringVar(&deadline, "deadline", "", "when joins stop: a duration from now (7d), a date (2027-01-31) or an RFC 3339 time")
	wf.register(f)
	return cmd
}

func (a *app) campaignShowCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show a campaign: its brand, price, places, deadline and usage policy",
		Example: `  pdx campaign show 1
  pdx --json campaign show 1`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			id, err := parseCampaignArg(args[0])
			if err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.CampaignView
			if err := c.call(cmd.Context(), "GET", campaignPath(id), nil, &res); err != nil {
				return err
			}
			return a.out.Result(campaignResult(res))
		}),
	}
}

type joinResult daemon.JoinCampaignResponse

func (r joinResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "joined campaign %d with %s (id %d): granted %s until %s at block %d, %d of %d proxies\npaid %s wei (%s), vesting until then: pdx withdraw collects what has vested\n",
		r.Campaign, r.Dataset, r.ID, r.Brand, r.Expires, r.Block, r.Threshold, len(r.Proxies), r.PriceWei, formatEther(r.PriceWei))
	return err
}

func (a *app) campaignJoinCmd() *cobra.Command {
	var dataset string
	var threshold int
	cmd := &cobra.Command{
		Use:   "join ID --dataset NAME [--threshold N]",
		Short: "Join a campaign with a dataset: grant the brand under its policy, paid from its escrow",
		Long: `join reads the campaign and its usage policy (show prints them), pins the
policy on this node and grants the campaign's brand the dataset under it, in
one transaction that also pays you one price from the campaign's escrow.
The payment vests over the grant's life: pdx withdraw collects what has
vested; pdx revoke (or erase) ends the grant and returns the rest to the
brand. A dataset joins a campaign once. A campaign whose document is not a
usage policy is refused before anything is sent.`,
		Example: `  pdx campaign join 1 --dataset history
  pdx campaign join 1 --dataset history --threshold 2`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			id, err := parseCampaignArg(args[0])
			if err != nil {
				return err
			}
			if dataset == "" {
				return cli.Usagef("--dataset is required: the name of your dataset to grant the campaign's brand (pdx ls)")
			}
			if threshold < 0 || threshold > config.MaxProxyShares {
				return cli.Usagef("--threshold %d is not between 1 and %d", threshold, config.MaxProxyShares)
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.JoinCampaignResponse
			if err := c.call(cmd.Context(), "POST", campaignPath(id, "join"), daemon.JoinCampaignRequest{Dataset: dataset, Threshold: threshold}, &res); err != nil {
				return err
			}
			return a.out.Result(joinResult(res))
		}),
	}
	cmd.Flags().StringVar(&dataset, "dataset", "", "the dataset (its local name) to grant the campaign's brand")
	cmd.Flags().IntVar(&threshold, "threshold", 0, "proxies needed to read, t of the grant's shares (default proxies.threshold)")
	return cmd
}

type closeResult daemon.CloseCampaignResponse

func (r closeResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "closed campaign %d: %s wei (%s) of unspent places refunded to the brand's balance; pdx withdraw moves it to the wallet\n",
		r.ID, r.RefundWei, formatEther(r.RefundWei))
	return err
}

func (a *app) campaignCloseCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "close ID",
		Short: "Close a campaign and refund the places not taken to the brand's balance",
		Long: `close ends a campaign: no one joins afterwards, and the escrow of the places
not taken goes to the brand's balance (pdx withdraw pays it out). The brand
closes its campaign at any time; anyone may close one past its deadline
(the refund still goes to the brand).`,
		Example: `  pdx campaign close 1`,
		Args:    cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			id, err := parseCampaignArg(args[0])
			if err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.CloseCampaignResponse
			if err := c.call(cmd.Context(), "POST", campaignPath(id, "close"), nil, &res); err != nil {
				return err
			}
			return a.out.Result(closeResult(res))
		}),
	}
}

// wantsFlags are campaign create's wants.
type wantsFlags struct {
	category, fields, period string
	minRows                  int64
	attested                 bool
	attestedBy               []string
}

func (w *wantsFlags) register(f *pflag.FlagSet) {
	f.StringVar(&w.category, "category", "", "the category of data the campaign wants (pdx describe's vocabulary: purchases, location, health, …)")
	f.StringVar(&w.fields, "want-fields", "", "fields a dataset must list, comma-separated: date,price")
	f.StringVar(&w.period, "period", "", "months a dataset must cover: 2025-01..2025-12")
	f.Int64Var(&w.minRows, "min-rows", 0, "fewest records a dataset must hold")
	f.BoolVar(&w.attested, "attested", false, "want a dataset attested by a source")
	f.StringSliceVar(&w.attestedBy, "attested-by", nil, "want a dataset attested by one of these sources (addresses, comma-separated); implies --attested")
}

// wants builds the campaign's wants; nil when no flag asks for any.
func (w *wantsFlags) wants() (*describe.Wants, error) {
	if w.category == "" {
		if w.fields != "" || w.period != "" || w.minRows != 0 || w.attested || len(w.attestedBy) > 0 {
			return nil, cli.Usagef("--category is required with the other wants: the category of data the campaign wants (%s)", categoryNames())
		}
		return nil, nil
	}
	cat, err := describe.ParseCategory(w.category)
	if err != nil {
		return nil, cli.Usagef("--category %q is not a category: use one of %s", w.category, categoryNames())
	}
	out := &describe.Wants{Category: cat, MinRows: w.minRows, Attested: w.attested || len(w.attestedBy) > 0}
	if w.fields != "" {
		for _, f := range strings.Split(w.fields, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out.Fields = append(out.Fields, f)
			}
		}
	}
	if w.period != "" {
		p, err := describe.ParsePeriod(w.period)
		if err != nil {
			return nil, cli.Usagef("--period %q: months are written YYYY-MM, as 2025-01..2025-12", w.period)
		}
		out.Period = &p
	}
	if w.minRows < 0 {
		return nil, cli.Usagef("--min-rows %d is a count of records, not negative", w.minRows)
	}
	for _, a := range w.attestedBy {
		if !common.IsHexAddress(a) {
			return nil, cli.Usagef("--attested-by %q is not an address (0x and 40 hex digits)", a)
		}
		out.AttestedBy = append(out.AttestedBy, common.HexToAddress(a))
	}
	if err := out.Validate(); err != nil {
		return nil, cli.Usagef("the wants are not valid: %v", err)
	}
	return out, nil
}

type campaignListResult daemon.CampaignList

func (r campaignListResult) FormatText(w io.Writer) error {
	if len(r.Campaigns) == 0 {
		_, err := fmt.Fprintln(w, "no campaigns seen yet (the daemon's agent lists every campaign it reads from the chain)")
		return err
	}
	for _, c := range r.Campaigns {
		state := "open"
		switch {
		case c.Closed:
			state = "closed"
		case !c.Open && c.Joined >= c.Cap:
			state = "full"
		case !c.Open:
			state = "past its deadline"
		}
		fmt.Fprintf(w, "campaign %d by %s: %s, pays %s wei (%s) for %s; %d of %d places taken\n",
			c.ID, c.Brand, state, c.PriceWei, formatEther(c.PriceWei), c.Duration, c.Joined, c.Cap)
		fmt.Fprintf(w, "  your agent: %s\n", plainCut(decisionWords(c.Agent), maxPolicyLine))
	}
	return nil
}

func (a *app) campaignListCmd() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "list [--all]",
		Short: "List the open campaigns your daemon knows, with what its agent decided and why",
		Long: `list shows the campaigns the daemon's campaign agent has read from the chain,
newest first: each with its price, places and what the agent decided — joined
with which dataset, or refused and why (a rule of [market.campaigns] in
config.toml, the campaign's wants, an unreadable document). A refused
campaign can still be joined by hand: pdx campaign join ID --dataset NAME.
--all lists closed, full and expired campaigns too.`,
		Example: `  pdx campaign list
  pdx campaign list --all
  pdx --json campaign list`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			c, err := a.client()
			if err != nil {
				return err
			}
			path := "/v1/campaigns"
			if all {
				path += "?all=true"
			}
			var res daemon.CampaignList
			if err := c.call(cmd.Context(), "GET", path, nil, &res); err != nil {
				return err
			}
			return a.out.Result(campaignListResult(res))
		}),
	}
	cmd.Flags().BoolVar(&all, "all", false, "also list closed, full and expired campaigns")
	return cmd
}
