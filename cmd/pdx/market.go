package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/url"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/daemon"
)

// The commands of this file are the market: offer a dataset, buy, list the
// open offers and one's purchases, refund an unanswered one, withdraw.

// maxPrice is the highest price the Registry stores for an offer
// (2^128 - 1 wei): checked here so a price the chain would revert on is
// bad input, not a failed transaction.
var maxPrice = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))

// priceUnits are the suffixes a price may carry and their decimals: a
// person thinks of an offer in ether, the chain counts wei.
var priceUnits = []struct {
	suffix   string
	decimals int
}{{"gwei", 9}, {"ether", 18}, {"eth", 18}, {"wei", 0}}

// parsePrice reads a price in wei ("10000000000000000", "1_000wei") or in
// gwei or ether with a decimal point ("0.01eth", "2.5gwei"). The result
// must be a whole number of wei within what the Registry stores.
func parsePrice(s string) (*big.Int, error) { return parsePriceOf("--price", s) }

// parsePriceOf is parsePrice of the flag named flag.
func parsePriceOf(flag, s string) (*big.Int, error) {
	orig := s
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return nil, cli.Usagef("%s is required: an amount of wei (10000000000000000) or of ether (0.01eth)", flag)
	}
	if strings.HasPrefix(s, "-") {
		return nil, cli.Usagef("%s %q is negative: give an amount of wei or ether of 0 or more", flag, orig)
	}
	decimals := 0
	for _, u := range priceUnits {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			s, decimals = strings.TrimSpace(n), u.decimals
			break
		}
	}
	s = strings.ReplaceAll(s, "_", "")
	whole, frac, _ := strings.Cut(s, ".")
	if (whole == "" && frac == "") || !allDigits(whole) || !allDigits(frac) {
		return nil, cli.Usagef("%s %q is not an amount: write wei as digits (10000000000000000) or ether with a unit (0.01eth, 2.5gwei)", flag, orig)
	}
	if len(frac) > decimals {
		if decimals == 0 {
			return nil, cli.Usagef("%s %q has a fraction of a wei: wei are whole; write ether with its unit (0.01eth)", flag, orig)
		}
		return nil, cli.Usagef("%s %q is finer than 1 wei", flag, orig)
	}
	digits := whole + frac + strings.Repeat("0", decimals-len(frac))
	if len(digits) > 80 {
		return nil, cli.Usagef("%s %q is more than an offer can ask (at most %s wei)", flag, orig, maxPrice)
	}
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, cli.Usagef("%s %q is not an amount", flag, orig)
	}
	if v.Cmp(maxPrice) > 0 {
		return nil, cli.Usagef("%s %q is more than an offer can ask (at most %s wei)", flag, orig, maxPrice)
	}
	return v, nil
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// formatEther writes wei as ether with no trailing zeros, for people.
func formatEther(wei string) string {
	v, ok := new(big.Int).SetString(wei, 10)
	if !ok {
		return wei + " wei"
	}
	unit := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	q, r := new(big.Int).QuoRem(v, unit, new(big.Int))
	if r.Sign() == 0 {
		return q.String() + " ETH"
	}
	frac := strings.TrimRight(fmt.Sprintf("%018s", r.String()), "0")
	return q.String() + "." + frac + " ETH"
}

type offerResult daemon.OfferResponse

func (r offerResult) FormatText(w io.Writer) error {
	if len(r.Fields) > 0 {
		fmt.Fprintf(w, "offer of the fields %s (terms %s), beside the dataset's other offers\n", strings.Join(r.Fields, ","), r.TermsHash)
	} else if r.TermsHash != "" {
		fmt.Fprintf(w, "offer of the whole dataset (terms %s), beside the dataset's other offers\n", r.TermsHash)
	}
	if r.Policy != nil {
		to := ""
		if r.To != "" {
			to = " to " + r.To + " only (the chain refuses any other buyer)"
		}
		fmt.Fprintf(w, "%s (id %d) is offered%s at %s wei (%s) for %s of access, under the usage policy %s:\n",
			r.Dataset, r.ID, to, r.PriceWei, formatEther(r.PriceWei), r.Duration, r.Policy.CID)
		for _, l := range r.Policy.Describe {
			fmt.Fprintf(w, "  %s\n", plainCut(l, maxPolicyLine))
		}
		_, err := fmt.Fprintf(w, "the policy is published on IPFS; buyers run: pdx buy %d\n", r.ID)
		return err
	}
	if r.To != "" {
		_, err := fmt.Fprintf(w, "%s (id %d) is offered to %s only, at %s wei (%s) for %s of access, for %q\nthe chain refuses any other buyer; %s runs: pdx buy %d\n",
			r.Dataset, r.ID, r.To, r.PriceWei, formatEther(r.PriceWei), r.Duration, r.Terms, r.To, r.ID)
		return err
	}
	_, err := fmt.Fprintf(w, "%s (id %d) is offered at %s wei (%s) for %s of access, for %q\nthe terms are published on IPFS; buyers run: pdx buy %d\n",
		r.Dataset, r.ID, r.PriceWei, formatEther(r.PriceWei), r.Duration, r.Terms, r.ID)
	return err
}

func (a *app) offerCmd() *cobra.Command {
	var price, duration, terms, pol, to, fields string
	var requireAttestation bool
	cmd := &cobra.Command{
		Use:   "offer NAME --price WEI|0.01eth (--policy PRESET|FILE [--terms TEXT] [--duration 30d] | --duration 30d --terms TEXT) [--fields age,city] [--to 0xBRAND]",
		Short: "Offer a dataset (or some of its fields) for sale: a price, an access period and the terms of use",
		Long: `offer opens an offer of the dataset on chain: anyone may buy
access for --duration by paying --price into escrow and accepting --terms,
the purpose they may use the data for. The terms text is published on
IPFS (pinned by this node; its SHA-256 is the hash on chain), so every
buyer's pdx market shows it. The daemon's market agent then
grants each purchase its [market] policy accepts, which releases the
payment to this account (pdx withdraw moves it to the wallet).

--policy names the offer's usage policy (docs/policy.md): a preset
(analytics-only, no-resale, open-cc-by, personalisation, research-only) or
a policy file. The policy document is what is published and hashed on
chain, and each purchase is granted under it; --terms then replaces its
description (the terms buyers read), and --duration may be left out when
the policy has one (a different one is refused). Without --policy, --terms
is published as a plain text, as offers made before policies were.

With --to the offer is private: only that account can buy it (the chain
refuses anyone else's payment), and pdx market shows it to that account and
to you only. The offer itself is still on the public chain: --to keeps a
stranger from buying, not from seeing that an offer exists.

A dataset holds one offer per terms: offering under other terms (another
text, policy or field set) opens another offer beside the others, each
with its own price, duration and buyer; offering under the same terms
again replaces that one. --fields age,city offers those field groups of a
dataset put with --fields (its newest version must have them): the offer's
usage policy names them (with --terms alone, a policy permitting use, with
--terms as its description), and each purchase is granted as a field grant
of exactly those fields. Without --fields the offer is of the whole
dataset. pdx offer withdraw closes one offer, or all.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			wei, err := parsePrice(price)
			if err != nil {
				return err
			}
			var doc json.RawMessage
			if pol != "" {
				p, err := policy.Load(pol)
				if err != nil {
					return err
				}
				doc = p.Bytes()
			}
			if duration == "" && doc == nil {
				return cli.Usagef("--duration is required: how long a buyer's access lasts, such as 30d")
			}
			// No --duration with a policy: the policy's (the daemon refuses a
			// policy without one).
			if duration != "" {
				if strings.HasPrefix(strings.TrimSpace(duration), "-") {
					return cli.Usagef("--duration %q is negative: give a positive duration such as 30d", duration)
				}
				d, err := config.ParseDuration(duration)
				if err != nil {
					return cli.Usagef("--duration %q is not a duration (30d, 1d12h, 90m): %v", duration, err)
				}
				if d <= 0 {
					return cli.Usagef("--duration %q is not a positive duration", duration)
				}
			}
			if strings.TrimSpace(terms) == "" && (doc == nil || terms != "") {
				return cli.Usagef("--terms is required (or --policy): the purpose buyers may use the data for")
			}
			if to != "" && (!strings.HasPrefix(to, "0x") || !common.IsHexAddress(to)) {
				return cli.Usagef("--to %q is not an account address: give the brand's address, 0x followed by 40 hex digits", to)
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			fl, err := parseFields(fields)
			if err != nil {
				return err
			}
			var res daemon.OfferResponse
			req := daemon.OfferRequest{PriceWei: wei.String(), Duration: duration, Terms: terms, Policy: doc, To: to, RequireAttestation: requireAttestation, Fields: fl}
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "offer"), req, &res); err != nil {
				return err
			}
			return a.out.Result(offerResult(res))
		}),
	}
	f := cmd.Flags()
	f.StringVar(&price, "price", "", "what a buyer pays: wei as digits, or with a unit: 0.01eth, 2.5gwei, 1000wei")
	f.StringVar(&duration, "duration", "", "how long a buyer's access lasts: 30d, 1d12h, 90m")
	f.StringVar(&terms, "terms", "", "the purpose buyers may use the data for: plain text, at most 16 KiB, published on IPFS (with --policy: the policy's description, at most 8 KiB)")
	f.StringVar(&pol, "policy", "", "the offer's usage policy: a preset (analytics-only, no-resale, open-cc-by, personalisation, research-only) or a policy file (docs/policy.md)")
	f.StringVar(&to, "to", "", "make the offer private: only this account (0x address) may buy it")
	f.BoolVar(&requireAttestation, "require-attestation", false, "offer attested data only: refused unless the latest version has a verified source attestation, whose attester the terms then name (with --terms)")
	f.StringVar(&fields, "fields", "", "offer these field groups of a split dataset only (comma-separated), beside its other offers")
	cmd.AddCommand(a.offerWithdrawCmd())
	cmd.Annotations = map[string]string{ownArgs: "NAME"}
	return cmd
}

type buyResult daemon.BuyResponse

func (r buyResult) FormatText(w io.Writer) error {
	if len(r.Fields) > 0 {
		fmt.Fprintf(w, "bought the offer of the fields %s (terms %s)\n", strings.Join(r.Fields, ","), r.TermsHash)
	}
	if r.Policy != nil {
		fmt.Fprintf(w, "usage policy %s (pinned on this node):\n", r.Policy.CID)
		for _, l := range r.Policy.Describe {
			fmt.Fprintf(w, "  %s\n", plainCut(l, maxPolicyLine))
		}
		_, err := fmt.Fprintf(w, "paid %s wei (%s) into escrow for dataset %d under this policy, which binds you by the purchase\nthe owner's daemon grants it when its policy accepts; then fetch the dataset's CIDs with pdx get\n",
			r.PriceWei, formatEther(r.PriceWei), r.ID)
		return err
	}
	_, err := fmt.Fprintf(w, "terms: %s\npaid %s wei (%s) into escrow for dataset %d under these terms\nthe owner's daemon grants it when its policy accepts; then fetch the dataset's CIDs with pdx get\n",
		strconv.Quote(r.Terms), r.PriceWei, formatEther(r.PriceWei), r.ID)
	return err
}

func (a *app) buyCmd() *cobra.Command {
	var terms, pol, fields string
	var allFields bool
	cmd := &cobra.Command{
		Use:   "buy DATASET-ID [--fields age,city | --all-fields | --terms TEXT|0xHASH | --policy PRESET|FILE]",
		Short: "Buy access to another account's dataset: pay its offer into escrow",
		Long: `buy pays the open offer of the dataset DATASET-ID (its id on chain, as the
owner's pdx ls shows it) into escrow, accepting the offer's terms: the text
the owner published on IPFS, which buy reads, checks against the hash on
chain and shows; the purchase pins that hash, so it is refused if the
offer changes meanwhile. --terms names the text you expect instead: the
purchase is refused unless it is the offer's (and it is needed for an
offer made before terms were published). The owner's daemon grants the purchase (and is
paid) or, if it does not within the grant window, the payment can be
refunded. The price is the offer's: read from the chain, not given here.

An offer under a usage policy (docs/policy.md): buy reads the policy from
IPFS, checks it against the hash on chain, refuses one that is malformed,
pins it on this node and shows it in plain words; paying binds you to it.
--policy names the policy you expect (a preset or a file): the purchase is
refused unless it is the offer's.

A dataset may hold several offers, one per terms (some fields at one
price, the whole dataset at another): name the one you buy with --fields
age,city (the offer of exactly those fields), --all-fields (the offer of
the whole dataset), or --terms 0xHASH (the TERMS HASH the market shows);
with several open and none named, buy lists them and pays nothing.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return cli.Usagef("dataset id %q is not a whole number: give the dataset's id on chain (the ID column of the owner's pdx ls)", args[0])
			}
			if terms != "" && strings.TrimSpace(terms) == "" {
				return cli.Usagef("--terms is blank: leave it out to buy under the offer's published terms, or give their text")
			}
			fl, err := parseFields(fields)
			if err != nil {
				return err
			}
			named := 0
			for _, set := range []bool{terms != "", pol != "", len(fl) > 0, allFields} {
				if set {
					named++
				}
			}
			if named > 1 {
				return cli.Usagef("name the offer one way: --fields, --all-fields, --terms or --policy")
			}
			req := daemon.BuyRequest{Fields: fl, AllFields: allFields}
			if isTermsHash(terms) {
				req.TermsHash, terms = terms, ""
			}
			var doc json.RawMessage
			if pol != "" {
				p, err := policy.Load(pol)
				if err != nil {
					return err
				}
				doc = p.Bytes()
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.BuyResponse
			path := "/v1/market/" + url.PathEscape(strconv.FormatUint(id, 10)) + "/buy"
			req.Terms, req.Policy = terms, doc
			if err := c.call(cmd.Context(), "POST", path, req, &res); err != nil {
				return err
			}
			return a.out.Result(buyResult(res))
		}),
	}
	cmd.Flags().StringVar(&terms, "terms", "", "the offer's terms hash (0x…, as the market shows it) or text you accept, checked against the offer (default: the published text)")
	cmd.Flags().StringVar(&fields, "fields", "", "buy the dataset's offer of exactly these field groups (comma-separated)")
	cmd.Flags().BoolVar(&allFields, "all-fields", false, "buy the dataset's offer of the whole dataset (when it also offers field sets)")
	cmd.Flags().StringVar(&pol, "policy", "", "the usage policy you accept, a preset or a file, checked against the offer's (default: the published policy)")
	return cmd
}

type withdrawResult daemon.WithdrawResponse

func (r withdrawResult) FormatText(w io.Writer) error {
	if r.AmountWei == "0" {
		_, err := fmt.Fprintln(w, "nothing to withdraw: no purchase has been granted and paid out since the last withdrawal")
		return err
	}
	_, err := fmt.Fprintf(w, "withdrew %s wei (%s) to the wallet\n", r.AmountWei, formatEther(r.AmountWei))
	return err
}

func (a *app) withdrawCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "withdraw",
		Short: "Move the payments of granted purchases to the account's wallet",
		Args:  cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.WithdrawResponse
			if err := c.call(cmd.Context(), "POST", "/v1/withdraw", nil, &res); err != nil {
				return err
			}
			return a.out.Result(withdrawResult(res))
		}),
	}
}

// marketResult is a page of the market; more is the command of the next
// page (text only: --json has next).
type marketResult struct {
	daemon.MarketList
	more string
	// wide adds the ROWS and PERIOD columns of the offers' descriptions.
	wide bool
}

// MarshalJSON is the page as the daemon gave it.
func (r marketResult) MarshalJSON() ([]byte, error) { return json.Marshal(r.MarketList) }

func (r marketResult) FormatText(w io.Writer) error {
	if len(r.Offers) == 0 {
		_, err := fmt.Fprintln(w, "no open offers on chain match")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	wideHead := ""
	if r.wide {
		wideHead = "ROWS\tPERIOD\t"
	}
	fmt.Fprintln(tw, "DATASET\tFIELDS\tTITLE\tCATEGORY\t"+wideHead+"OWNER\tPRICE\tDURATION\tTERMS\tMINE\tPRIVATE\tATTESTED")
	for _, o := range r.Offers {
		title, category, rows, period := describedColumns(o)
		wideCols := ""
		if r.wide {
			wideCols = rows + "\t" + period + "\t"
		}
		terms := quoteCut(o.Terms, maxTermsShown)
		if o.Terms == "" {
			terms = "(unknown text, hash " + o.TermsHash + ")"
		}
		mine := ""
		if o.Mine {
			mine = "yes"
		}
		private := ""
		switch {
		case o.ForMe:
			private = "for you"
		case o.To != "":
			private = "to " + o.To
		}
		// ATTESTED: verified source attestations on chain of the latest
		// version, by their attesters.
		attested := ""
		for i, x := range offerAttestations(o) {
			if i > 0 {
				attested += ", "
			}
			attested += "by " + x.Attester.Hex()
		}
		fields := "all"
		if o.Fields != nil && len(*o.Fields) > 0 {
			fields = strings.Join(*o.Fields, ",")
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s%s\t%s\t%s\t%s\t%s\t%s\t%s\n", o.Dataset, fields, title, category, wideCols, o.Owner, formatEther(o.PriceWei), o.Duration, terms, orDash(mine), orDash(private), orDash(attested))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, o := range r.Offers {
		writePolicy(w, "offer of dataset "+strconv.FormatUint(o.Dataset, 10), o.Policy, o.Legacy, "terms")
	}
	if r.more != "" {
		if _, err := fmt.Fprintf(w, "more offers: %s\n", r.more); err != nil {
			return err
		}
	}
	return nil
}

// describedColumns are an offer's description as the market table shows
// it: the title quoted and cut (a hostile owner's title cannot drive the
// terminal), the category, the rows and the period; "-" where the offer
// says nothing, "(unreadable)" where its description does not read.
func describedColumns(o daemon.OfferView) (title, category, rows, period string) {
	d := o.Description
	switch {
	case o.DescriptionUnreadable:
		return "(unreadable)", "-", "-", "-"
	case d == nil:
		return "-", "-", "-", "-"
	}
	title, category, rows, period = quoteCut(d.Title, maxTitleShown), string(d.Category), "-", "-"
	if d.Rows > 0 {
		rows = strconv.FormatInt(d.Rows, 10)
	}
	if d.Period != nil {
		period = d.Period.String()
	}
	return title, category, rows, period
}

// maxTitleShown is how much of a description's title the table shows.
const maxTitleShown = 40

// maxTermsShown is how much of an offer's terms the market table shows;
// --json has the whole text.
const maxTermsShown = 80

// quoteCut quotes s as Go does (control characters and invalid bytes
// escaped, so a hostile owner's terms cannot drive the terminal), cut to
// max characters with an ellipsis.
func quoteCut(s string, max int) string {
	if r := []rune(s); len(r) > max {
		return strconv.Quote(string(r[:max])) + "…"
	}
	return strconv.Quote(s)
}

func (a *app) marketCmd() *cobra.Command {
	var f marketFlags
	cmd := &cobra.Command{
		Use:   "market",
		Short: "List the open offers on chain: dataset id, owner, price, duration, terms",
		Long: `market lists the open offers in the Registry, a page at a time (50 by
default, --limit up to 500), with their terms text, which the owner's node
publishes on IPFS: this daemon reads it (waiting a few seconds at most),
checks it against the hash on chain and shows it quoted and cut to 80
characters (--json has it whole). An offer made before terms were
published, or whose text no IPFS node served, shows its hash instead.

When there are more offers than fit the page, market ends with the command
that shows the next page (--after with the cursor it prints; --json: next).
The filters keep the offers of one owner (--owner, --mine), the private
offers made to you (--for-me), a price range (--min-price, --max-price, in
wei or with a unit: 0.02eth), a duration range (--min-duration,
--max-duration: 30d, 12h), and terms (--terms: a policy preset's name, a
terms hash, or words of the terms text), and attested data (--attested true,
or an attester's address: offers whose latest version has a verified source
attestation on chain, the ATTESTED column). The page is by dataset id, or by
price or duration when you filter on them.

An offer whose owner described the dataset (pdx describe) shows its TITLE
and CATEGORY (--wide adds ROWS and PERIOD; --json has the whole
description, with its fields, size and attesters). --category keeps one
category, --field the offers whose description lists that field (repeat it
for several: all must be listed), --search those whose title holds every
word.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			f.limitSet = cmd.Flags().Changed("limit")
			query, err := f.query()
			if err != nil {
				return err
			}
			path := "/v1/market"
			if query != "" {
				path += "?" + query
			}
			return show(a, cmd.Context(), path, func(r *daemon.MarketList) any {
				r.Offers = orEmpty(r.Offers)
				return marketResult{MarketList: *r, more: f.nextCommand(r.Next), wide: f.wide}
			})
		}),
	}
	fl := cmd.Flags()
	fl.IntVar(&f.limit, "limit", 0, "the most offers on the page, 1 to 500 (default 50)")
	fl.StringVar(&f.after, "after", "", "the cursor a previous page printed: show the page after it (same filters)")
	fl.StringVar(&f.owner, "owner", "", "only the offers of this account (0x…)")
	fl.BoolVar(&f.mine, "mine", false, "only your own offers")
	fl.BoolVar(&f.forMe, "for-me", false, "only the private offers made to you")
	fl.StringVar(&f.minPrice, "min-price", "", "only offers priced at least this: wei as digits, or with a unit (0.01eth, 2.5gwei)")
	fl.StringVar(&f.maxPrice, "max-price", "", "only offers priced at most this: wei as digits, or with a unit (0.02eth)")
	fl.StringVar(&f.minDuration, "min-duration", "", "only offers of an access at least this long (30d, 12h)")
	fl.StringVar(&f.maxDuration, "max-duration", "", "only offers of an access at most this long (30d, 12h)")
	fl.StringVar(&f.terms, "terms", "", "only offers under this policy preset (research-only), of this terms hash (0x…), or whose terms text contains these words")
	fl.StringVar(&f.fields, "fields", "", "only field-level offers (a policy naming fields): any, or those selling every field named (age,city)")
	fl.StringVar(&f.attested, "attested", "", "only offers whose latest version has a verified source attestation on chain: true, or an attester's address (0x…)")
	fl.StringVar(&f.category, "category", "", "only offers whose description is of this category ("+categoryNames()+")")
	fl.StringArrayVar(&f.field, "field", nil, "only offers whose description lists this field name (repeat for several: all must be listed)")
	fl.StringVar(&f.search, "search", "", "only offers whose description's title holds every one of these words (any case)")
	fl.BoolVar(&f.wide, "wide", false, "add the ROWS and PERIOD columns of the offers' descriptions")
	return cmd
}

// marketFlags are market's filters and paging, checked here so that bad
// input is refused before anything is sent.
type marketFlags struct {
	limit                    int
	limitSet                 bool
	after, owner, terms      string
	fields                   string
	mine, forMe              bool
	minPrice, maxPrice       string
	minDuration, maxDuration string
	// attested: "true" or an attester's address (the ATTESTED column).
	attested string
	// category, field, search filter on the offers' descriptions.
	category, search string
	field            []string
	wide             bool
}

// query is the GET /v1/market query string of the flags.
func (f *marketFlags) query() (string, error) {
	v := url.Values{}
	if f.limitSet {
		if f.limit < 1 || f.limit > daemonMaxPage {
			return "", cli.Usagef("--limit %d: a page holds 1 to %d offers", f.limit, daemonMaxPage)
		}
		v.Set("limit", strconv.Itoa(f.limit))
	}
	if f.after != "" {
		v.Set("after", f.after)
	}
	if f.owner != "" {
		if !common.IsHexAddress(f.owner) || len(f.owner) != 42 {
			return "", cli.Usagef("--owner %q is not an account address: 0x and 40 hex digits", f.owner)
		}
		v.Set("owner", f.owner)
	}
	if f.mine && f.forMe {
		return "", cli.Usagef("--mine and --for-me exclude each other: an offer cannot be both yours and made to you")
	}
	if f.mine {
		v.Set("mine", "true")
	}
	if f.forMe {
		v.Set("for_me", "true")
	}
	var lo, hi *big.Int
	for _, p := range []struct {
		flag, val, key string
		dst            **big.Int
	}{{"--min-price", f.minPrice, "min_price", &lo}, {"--max-price", f.maxPrice, "max_price", &hi}} {
		if p.val == "" {
			continue
		}
		wei, err := parsePriceOf(p.flag, p.val)
		if err != nil {
			return "", err
		}
		*p.dst = wei
		v.Set(p.key, wei.String())
	}
	if lo != nil && hi != nil && lo.Cmp(hi) > 0 {
		return "", cli.Usagef("--min-price %s is above --max-price %s", f.minPrice, f.maxPrice)
	}
	var dlo, dhi config.Duration
	for _, d := range []struct {
		flag, val, key string
		dst            *config.Duration
	}{{"--min-duration", f.minDuration, "min_duration", &dlo}, {"--max-duration", f.maxDuration, "max_duration", &dhi}} {
		if d.val == "" {
			continue
		}
		x, err := config.ParseDuration(d.val)
		if err != nil || x <= 0 {
			return "", cli.Usagef("%s %q is not a duration: write it as 30d, 12h or 90m", d.flag, d.val)
		}
		*d.dst = x
		v.Set(d.key, d.val)
	}
	if dlo != 0 && dhi != 0 && dlo > dhi {
		return "", cli.Usagef("--min-duration %s is above --max-duration %s", f.minDuration, f.maxDuration)
	}
	if f.terms != "" {
		v.Set("terms", f.terms)
	}
	if f.fields != "" {
		v.Set("fields", f.fields)
	}
	if f.attested != "" {
		if f.attested != "true" && (!common.IsHexAddress(f.attested) || len(f.attested) != 42) {
			return "", cli.Usagef("--attested %q: true, or an attester's address (0x and 40 hex digits)", f.attested)
		}
		v.Set("attested", f.attested)
	}
	if f.category != "" {
		c, err := describe.ParseCategory(f.category)
		if err != nil {
			return "", cli.Usagef("--category %q is not a category: use one of %s", f.category, categoryNames())
		}
		v.Set("category", string(c))
	}
	if len(f.field) > 0 {
		for _, x := range f.field {
			if (&describe.Description{Title: "x", Category: "other", Fields: []string{x}}).Validate() != nil {
				return "", cli.Usagef("--field %q is not a field name (no spaces, commas or slashes)", x)
			}
		}
		v.Set("field", strings.Join(f.field, ","))
	}
	if f.search != "" {
		v.Set("search", f.search)
	}
	return v.Encode(), nil
}

// daemonMaxPage is the largest page GET /v1/market serves.
const daemonMaxPage = 500

// nextCommand is the pdx market command that shows the page after the one
// whose next is next ("" on the last page): the same filters, --after next.
func (f *marketFlags) nextCommand(next string) string {
	if next == "" {
		return ""
	}
	args := []string{"pdx", "market"}
	add := func(flag, v string) {
		if v != "" {
			args = append(args, flag, v)
		}
	}
	if f.limitSet {
		add("--limit", strconv.Itoa(f.limit))
	}
	add("--owner", f.owner)
	if f.mine {
		args = append(args, "--mine")
	}
	if f.forMe {
		args = append(args, "--for-me")
	}
	add("--min-price", f.minPrice)
	add("--max-price", f.maxPrice)
	add("--min-duration", f.minDuration)
	add("--max-duration", f.maxDuration)
	if f.terms != "" {
		add("--terms", shellQuote(f.terms))
	}
	add("--fields", f.fields)
	add("--category", f.category)
	for _, x := range f.field {
		add("--field", x)
	}
	if f.search != "" {
		add("--search", shellQuote(f.search))
	}
	if f.wide {
		args = append(args, "--wide")
	}
	add("--after", next)
	return strings.Join(args, " ")
}

// shellQuote quotes s for a POSIX shell when it holds more than safe
// characters.
func shellQuote(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.:/+@", r)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}

type refundResult daemon.RefundResponse

func (r refundResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "refunded %s wei (%s) of the purchase of dataset %d to this account's balance\nmove it to the wallet with pdx withdraw\n",
		r.AmountWei, formatEther(r.AmountWei), r.ID)
	return err
}

func (a *app) refundCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "refund DATASET-ID",
		Short: "Take back a purchase the owner did not grant within the grant window",
		Long: `refund returns this account's escrowed payment for the dataset DATASET-ID
(its id on chain) to the account's balance, once the owner's grant window
has passed without a grant (at once if the dataset was erased). Then
pdx withdraw moves it to the wallet. pdx purchases shows each purchase's
deadline and state.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return cli.Usagef("dataset id %q is not a whole number: give the dataset's id on chain (pdx purchases lists them)", args[0])
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.RefundResponse
			if err := c.call(cmd.Context(), "POST", "/v1/market/"+url.PathEscape(strconv.FormatUint(id, 10))+"/refund", nil, &res); err != nil {
				return err
			}
			return a.out.Result(refundResult(res))
		}),
	}
}

type purchasesResult daemon.PurchaseList

func (r purchasesResult) FormatText(w io.Writer) error {
	if len(r.Purchases) == 0 {
		_, err := fmt.Fprintln(w, "no purchases yet: pdx market lists open offers, pdx buy pays one")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATASET\tOWNER\tPAID\tTERMS\tSTATE\tDEADLINE")
	for _, p := range r.Purchases {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", p.Dataset, p.Owner, formatEther(p.AmountWei), orDash(p.Terms), p.State, p.Deadline)
	}
	return tw.Flush()
}

func (a *app) purchasesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "purchases",
		Short: "List this account's purchases: escrow, granted or refunded",
		Long: `purchases lists what this account bought, newest first: the dataset id, its
owner, the amount paid, the terms, the state — escrow (the owner may still
grant until the deadline), granted (paid to the owner) or refunded — and
the deadline after which an escrowed purchase can be refunded (pdx refund).`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			return show(a, cmd.Context(), "/v1/purchases", func(r *daemon.PurchaseList) any {
				r.Purchases = orEmpty(r.Purchases)
				return purchasesResult(*r)
			})
		}),
	}
}

// offerAttestations of an offer: none when it carries no attested column.
func offerAttestations(o daemon.OfferView) []attest.Result {
	if o.Attested == nil {
		return nil
	}
	return o.Attested.Attestations
}
