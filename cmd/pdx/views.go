package main

import (
	"archive/tar"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/node/daemon"
)

// The commands of this file read what the chain and the proxies say about
// the account (market, grants, purchases, granted) and act on it (refund,
// rotate, export), each through one daemon route (docs/api.md).

// orDash prints "-" for an empty cell, so columns stay aligned.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

type marketResult daemon.MarketList

func (r marketResult) FormatText(w io.Writer) error {
	if len(r.Offers) == 0 {
		_, err := fmt.Fprintln(w, "no open offers on chain")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATASET\tOWNER\tPRICE\tDURATION\tTERMS\tMINE")
	for _, o := range r.Offers {
		terms := strconv.Quote(o.Terms)
		if o.Terms == "" {
			terms = "(unknown text, hash " + o.TermsHash + ")"
		}
		mine := ""
		if o.Mine {
			mine = "yes"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", o.Dataset, o.Owner, formatEther(o.PriceWei), o.Duration, terms, orDash(mine))
	}
	return tw.Flush()
}

func (a *app) marketCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "market",
		Short: "List the open offers on chain: dataset id, owner, price, duration, terms",
		Long: `market lists every open offer in the Registry. The chain keeps only the hash
of an offer's terms: the text is shown when this daemon knows it (its own
offers, purposes it has used or its market policy names, and a small
vocabulary of common purposes); otherwise the hash is shown and the owner
must tell you the text to quote to pdx buy.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			return show(a, cmd.Context(), "/v1/market", func(r *daemon.MarketList) any {
				r.Offers = orEmpty(r.Offers)
				return marketResult(*r)
			})
		}),
	}
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

type rotateResult daemon.RotateResponse

func (r rotateResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "rotated the key of %s (id %d), epoch %d; re-granted %d live grant(s)", r.Dataset, r.ID, r.Epoch, len(r.Regranted))
	if err == nil && len(r.Regranted) > 0 {
		_, err = fmt.Fprintf(w, ": %s", strings.Join(r.Regranted, ", "))
	}
	if err == nil {
		_, err = fmt.Fprintln(w, "\nversions put from now on are under the new key; grantees read earlier versions no more unless you put them again")
	}
	return err
}

func (a *app) rotateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rotate NAME",
		Short: "Rotate a dataset's key: later versions under a new key, live grants re-granted",
		Long: `rotate gives the dataset a new key: a fresh salt in the home, the new public
key on chain, and every grant still live re-granted with kfrags for it
(same grantee, purpose, expiry and threshold). Versions put afterwards are
under the new key, which no earlier kfrag reaches; you keep reading every
version. If it stops half-way, run it again: it finishes the rotation it
started rather than making another.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.RotateResponse
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "rotate"), nil, &res); err != nil {
				return err
			}
			return a.out.Result(rotateResult(res))
		}),
	}
}

type grantsResult daemon.GrantList

func (r grantsResult) FormatText(w io.Writer) error {
	if len(r.Grants) == 0 {
		_, err := fmt.Fprintln(w, "no grants on this dataset yet: grant one with pdx grant")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "GRANTEE\tPURPOSE\tEXPIRES\tSTATE\tBLOCK\tTHRESHOLD")
	for _, g := range r.Grants {
		state := "ended"
		switch {
		case g.Active:
			state = "active"
		case g.RevokedBlock != 0:
			state = "revoked at " + strconv.FormatUint(g.RevokedBlock, 10)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d of %d\n", g.Grantee, orDash(g.Purpose), g.Expires, state, g.Block, g.Threshold, len(g.Proxies))
	}
	return tw.Flush()
}

func (a *app) grantsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "grants NAME",
		Short: "List every grant ever made on a dataset, newest first, and whether it is active",
		Long: `grants lists the dataset's grants as the chain recorded them, newest first:
grantee, purpose, expiry, state (active; revoked at a block; ended — expired,
replaced by a newer grant, or the dataset erased), block and threshold.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			return show(a, cmd.Context(), datasetPath(args[0], "grants"), func(r *daemon.GrantList) any {
				r.Grants = orEmpty(r.Grants)
				return grantsResult(*r)
			})
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

type grantedResult daemon.GrantedList

func (r grantedResult) FormatText(w io.Writer) error {
	if len(r.Grants) == 0 {
		_, err := fmt.Fprintln(w, "no account has granted this one anything yet")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATASET\tOWNER\tPURPOSE\tEXPIRES\tACTIVE\tVERSION\tCID\tSIZE")
	for _, g := range r.Grants {
		active := strconv.FormatBool(g.Active)
		if len(g.Versions) == 0 {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t-\t-\t-\n", g.Dataset, g.Owner, orDash(g.Purpose), g.Expires, active)
		}
		for _, v := range g.Versions {
			size := "-"
			if v.Size > 0 {
				size = strconv.FormatInt(v.Size, 10)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", g.Dataset, g.Owner, orDash(g.Purpose), g.Expires, active, v.Version, v.CID, size)
		}
	}
	return tw.Flush()
}

func (a *app) grantedCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "granted",
		Short: "List the grants made to this account and the CIDs it may get",
		Long: `granted lists, for every dataset another account granted to this one (by
pdx grant or a purchase), the owner, purpose, expiry, whether the grant is
active, and each version's CID to give to pdx get.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			return show(a, cmd.Context(), "/v1/granted", func(r *daemon.GrantedList) any {
				r.Grants = orEmpty(r.Grants)
				return grantedResult(*r)
			})
		}),
	}
}

// exportResult is what export prints.
type exportResult struct {
	Dir      string   `json:"dir"`
	Manifest string   `json:"manifest"`
	CAR      string   `json:"car"`
	CARSize  int64    `json:"car_size"`
	Roots    []string `json:"roots"`
	Keys     bool     `json:"keys"`
}

func (r exportResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "exported %d version(s) to %s (%d bytes) and %s\n", len(r.Roots), r.CAR, r.CARSize, r.Manifest)
	if err == nil && r.Keys {
		_, err = fmt.Fprintln(w, "the manifest holds the dataset keys: anyone with it can read the data; keep it as safe as the home")
	}
	return err
}

// ErrExportExists: the export directory already holds an export.
var ErrExportExists = errors.New("the directory already holds an export")

func (a *app) exportCmd() *cobra.Command {
	var dir string
	var keys bool
	cmd := &cobra.Command{
		Use:   "export [--keys] [-o DIR]",
		Short: "Export every dataset: data.car (all versions' blocks) and manifest.json",
		Long: `export writes two files to DIR (default pdx-export, created when missing):
data.car, a CARv1 holding every block of every version of the home's
datasets (roots: the versions' CIDs; ipfs dag import reads it), and
manifest.json: the account, chain, Registry, and per dataset its versions
(CID, fingerprint, size), offer terms and grants. --keys adds each
dataset's secret keys (current first), with which the versions open without
the pdx home; without --keys the CAR holds only ciphertext. A directory
that already holds data.car or manifest.json is refused (exit 6).`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return cli.Usagef("-o needs a directory")
			}
			for _, f := range []string{daemon.ExportManifest, daemon.ExportCAR} {
				if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
					return cli.Mark(fmt.Errorf("%w: %s exists; choose another -o or move it", ErrExportExists, filepath.Join(dir, f)), cli.ErrConflict)
				} else if !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			resp, err := c.do(cmd.Context(), "POST", "/v1/export", strings.NewReader(fmt.Sprintf(`{"keys":%t}`, keys)), "application/json")
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return err
			}
			res := exportResult{Dir: dir, Manifest: filepath.Join(dir, daemon.ExportManifest), CAR: filepath.Join(dir, daemon.ExportCAR), Keys: keys}
			// Both files arrive before either is in place: a broken
			// transfer leaves no half export.
			tmp, err := os.MkdirTemp(dir, ".pdx-export-*")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			tr := tar.NewReader(resp.Body)
			got := map[string]bool{}
			for {
				h, err := tr.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					return cli.Mark(fmt.Errorf("the export broke off: %w; nothing was written to %s", err, dir), cli.ErrUnavailable)
				}
				if h.Name != daemon.ExportManifest && h.Name != daemon.ExportCAR || got[h.Name] || h.Typeflag != tar.TypeReg {
					return fmt.Errorf("the daemon's export holds an unexpected entry %q; nothing was written to %s", h.Name, dir)
				}
				got[h.Name] = true
				n, err := writeAtomically(filepath.Join(tmp, h.Name), tr)
				if err != nil {
					return err
				}
				if h.Name == daemon.ExportCAR {
					res.CARSize = n
				}
			}
			if !got[daemon.ExportManifest] || !got[daemon.ExportCAR] {
				return cli.Mark(fmt.Errorf("the export broke off before both files arrived; nothing was written to %s", dir), cli.ErrUnavailable)
			}
			var m daemon.Manifest
			if b, err := os.ReadFile(filepath.Join(tmp, daemon.ExportManifest)); err != nil {
				return err
			} else if err := json.Unmarshal(b, &m); err != nil {
				return fmt.Errorf("the export's manifest does not parse: %w", err)
			}
			res.Roots = m.Roots
			for _, f := range []string{daemon.ExportCAR, daemon.ExportManifest} {
				if err := os.Rename(filepath.Join(tmp, f), filepath.Join(dir, f)); err != nil {
					return err
				}
			}
			return a.out.Result(res)
		}),
	}
	cmd.Flags().StringVarP(&dir, "output", "o", "pdx-export", "directory to write data.car and manifest.json to")
	cmd.Flags().BoolVar(&keys, "keys", false, "include every dataset's secret keys in the manifest (anyone holding it can read the data)")
	return cmd
}

// show GETs path from the daemon into a T and prints what result makes of
// it: the shape of every listing command.
func show[T any](a *app, ctx context.Context, path string, result func(*T) any) error {
	c, err := a.client()
	if err != nil {
		return err
	}
	var v T
	if err := c.call(ctx, "GET", path, nil, &v); err != nil {
		return err
	}
	return a.out.Result(result(&v))
}

// orEmpty makes a missing list an empty one, so --json prints [] and not
// null.
func orEmpty[E any](s []E) []E {
	if s == nil {
		return []E{}
	}
	return s
}
