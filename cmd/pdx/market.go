package main

import (
	"fmt"
	"io"
	"math/big"
	"net/url"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
)

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
func parsePrice(s string) (*big.Int, error) {
	orig := s
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return nil, cli.Usagef("--price is required: an amount of wei (10000000000000000) or of ether (0.01eth)")
	}
	if strings.HasPrefix(s, "-") {
		return nil, cli.Usagef("--price %q is negative: give an amount of wei or ether of 0 or more", orig)
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
		return nil, cli.Usagef("--price %q is not an amount: write wei as digits (10000000000000000) or ether with a unit (0.01eth, 2.5gwei)", orig)
	}
	if len(frac) > decimals {
		if decimals == 0 {
			return nil, cli.Usagef("--price %q has a fraction of a wei: wei are whole; write ether with its unit (0.01eth)", orig)
		}
		return nil, cli.Usagef("--price %q is finer than 1 wei", orig)
	}
	digits := whole + frac + strings.Repeat("0", decimals-len(frac))
	if len(digits) > 80 {
		return nil, cli.Usagef("--price %q is more than an offer can ask (at most %s wei)", orig, maxPrice)
	}
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, cli.Usagef("--price %q is not an amount", orig)
	}
	if v.Cmp(maxPrice) > 0 {
		return nil, cli.Usagef("--price %q is more than an offer can ask (at most %s wei)", orig, maxPrice)
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

// checkDatasetName rejects a name no dataset can have before any request.
func checkDatasetName(name string) error {
	if err := home.ValidDatasetName(name); err != nil {
		return cli.Usagef("%v", err)
	}
	return nil
}

type offerResult daemon.OfferResponse

func (r offerResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%s (id %d) is offered at %s wei (%s) for %s of access, for %q\nbuyers run: pdx buy %d --terms %q\n",
		r.Dataset, r.ID, r.PriceWei, formatEther(r.PriceWei), r.Duration, r.Terms, r.ID, r.Terms)
	return err
}

func (a *app) offerCmd() *cobra.Command {
	var price, duration, terms string
	cmd := &cobra.Command{
		Use:   "offer NAME --price WEI|0.01eth --duration 30d --terms TEXT",
		Short: "Offer a dataset for sale: a price, an access period and the terms of use",
		Long: `offer opens (or replaces) the dataset's offer on chain: anyone may buy
access for --duration by paying --price into escrow and accepting --terms,
the purpose they may use the data for. The daemon's market agent then
grants each purchase its [market] policy accepts, which releases the
payment to this account (pdx withdraw moves it to the wallet).`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			wei, err := parsePrice(price)
			if err != nil {
				return err
			}
			if duration == "" {
				return cli.Usagef("--duration is required: how long a buyer's access lasts, such as 30d")
			}
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
			if strings.TrimSpace(terms) == "" {
				return cli.Usagef("--terms is required: the purpose buyers may use the data for")
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.OfferResponse
			req := daemon.OfferRequest{PriceWei: wei.String(), Duration: duration, Terms: terms}
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "offer"), req, &res); err != nil {
				return err
			}
			return a.out.Result(offerResult(res))
		}),
	}
	f := cmd.Flags()
	f.StringVar(&price, "price", "", "what a buyer pays: wei as digits, or with a unit: 0.01eth, 2.5gwei, 1000wei")
	f.StringVar(&duration, "duration", "", "how long a buyer's access lasts: 30d, 1d12h, 90m")
	f.StringVar(&terms, "terms", "", "the purpose buyers may use the data for (on chain as a hash; buyers must quote it exactly)")
	return cmd
}

type buyResult daemon.BuyResponse

func (r buyResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "paid %s wei (%s) into escrow for dataset %d, for %q\nthe owner's daemon grants it when its policy accepts; then fetch the dataset's CIDs with pdx get\n",
		r.PriceWei, formatEther(r.PriceWei), r.ID, r.Terms)
	return err
}

func (a *app) buyCmd() *cobra.Command {
	var terms string
	cmd := &cobra.Command{
		Use:   "buy DATASET-ID --terms TEXT",
		Short: "Buy access to another account's dataset: pay its offer into escrow",
		Long: `buy pays the open offer of the dataset DATASET-ID (its id on chain, as the
owner's pdx ls shows it) into escrow, accepting --terms, which must be the
offer's terms text exactly. The owner's daemon grants the purchase (and is
paid) or, if it does not within the grant window, the payment can be
refunded. The price is the offer's: read from the chain, not given here.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return cli.Usagef("dataset id %q is not a whole number: give the dataset's id on chain (the ID column of the owner's pdx ls)", args[0])
			}
			if strings.TrimSpace(terms) == "" {
				return cli.Usagef("--terms is required: the offer's terms text, exactly as the owner published it")
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.BuyResponse
			path := "/v1/market/" + url.PathEscape(strconv.FormatUint(id, 10)) + "/buy"
			if err := c.call(cmd.Context(), "POST", path, daemon.BuyRequest{Terms: terms}, &res); err != nil {
				return err
			}
			return a.out.Result(buyResult(res))
		}),
	}
	cmd.Flags().StringVar(&terms, "terms", "", "the offer's terms text, exactly as the owner published it")
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

type eraseResult daemon.EraseResponse

func (r eraseResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "erased %s (id %d): every grant ended, %d version(s) unpinned, its key shredded\n", r.Dataset, r.ID, len(r.Unpinned))
	return err
}

func (a *app) eraseCmd() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:   "erase NAME --yes",
		Short: "Erase a dataset for good: end every grant, unpin it, shred its key",
		Long: `erase marks the dataset erased on chain, so the proxies refuse every
grantee from the next block; unpins and collects every version from IPFS;
destroys the dataset's salt, so its key can never be derived again
(crypto-shredding); and forgets the name. It cannot be undone, so it
needs --yes.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			if !yes {
				return cli.Usagef("erasing %q cannot be undone: it revokes every grant, unpins every version and shreds the dataset's key; run again with --yes to erase it", args[0])
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.EraseResponse
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "erase"), nil, &res); err != nil {
				return err
			}
			return a.out.Result(eraseResult(res))
		}),
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "confirm: the dataset is erased for good")
	return cmd
}
