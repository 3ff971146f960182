package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/fieldsplit"
)

// A dataset holds one offer per terms (contracts/spec/registry-v4.md):
// offer --fields adds a field-set offer beside the others, buy --fields or
// --terms HASH picks one, offer withdraw closes one or all.

// parseFields reads a --fields list of field group names ("" is none).
func parseFields(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if err := fieldsplit.ValidName(f); err != nil {
			return nil, cli.Usagef("--fields %q: %v", s, err)
		}
		out = append(out, f)
	}
	return out, nil
}

// isTermsHash says whether s is a terms hash as the market shows it (0x
// and 64 hex digits) rather than a terms text.
func isTermsHash(s string) bool {
	if len(s) != 66 || !strings.HasPrefix(s, "0x") {
		return false
	}
	for _, c := range s[2:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

type withdrawOfferResult daemon.WithdrawOfferResponse

func (r withdrawOfferResult) FormatText(w io.Writer) error {
	for _, h := range r.Withdrawn {
		if _, err := fmt.Fprintf(w, "withdrew the offer of %s (id %d) under terms %s\n", r.Dataset, r.ID, h); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, "purchases already in escrow keep their terms; the dataset's other offers stay open")
	return err
}

func (a *app) offerWithdrawCmd() *cobra.Command {
	var fields, terms string
	var allFields, all bool
	cmd := &cobra.Command{
		Use:   "withdraw NAME (--fields age,city | --all-fields | --terms 0xHASH | --all)",
		Short: "Close an offer of a dataset (one of its field sets, the whole dataset, or all)",
		Long: `offer withdraw closes offers of the dataset on chain. A dataset holds one
offer per terms: name the one to close by its fields (--fields age,city),
as the whole dataset's (--all-fields), by its terms hash (--terms 0x…, the
TERMS HASH pdx market shows), or close every one (--all). With one offer
open, naming none closes it; with several, withdraw lists them and closes
nothing. Purchases already in escrow keep their terms.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			fl, err := parseFields(fields)
			if err != nil {
				return err
			}
			if terms != "" && !isTermsHash(terms) {
				return cli.Usagef("--terms %q is not a terms hash: 0x and 64 hex digits, as pdx market shows it", terms)
			}
			named := 0
			for _, set := range []bool{terms != "", len(fl) > 0, allFields, all} {
				if set {
					named++
				}
			}
			if named > 1 {
				return cli.Usagef("name the offer one way: --fields, --all-fields, --terms or --all")
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.WithdrawOfferResponse
			req := daemon.WithdrawOfferRequest{TermsHash: terms, Fields: fl, AllFields: allFields, All: all}
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "offer", "withdraw"), req, &res); err != nil {
				return err
			}
			return a.out.Result(withdrawOfferResult(res))
		}),
	}
	f := cmd.Flags()
	f.StringVar(&fields, "fields", "", "close the offer of exactly these field groups (comma-separated)")
	f.BoolVar(&allFields, "all-fields", false, "close the offer of the whole dataset")
	f.StringVar(&terms, "terms", "", "close the offer under this terms hash (0x…)")
	f.BoolVar(&all, "all", false, "close every offer of the dataset")
	return cmd
}
