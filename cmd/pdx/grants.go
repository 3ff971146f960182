package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/node/service"
)

// The commands of this file give and take back access (grant, revoke) and
// show who holds it and what was done with it (grants, granted, log).

// checkAddress rejects a malformed address before any request is sent.
func checkAddress(flag, s string) (common.Address, error) {
	if s == "" {
		return common.Address{}, cli.Usagef("%s is required: the grantee's Ethereum address (0x and 40 hex digits)", flag)
	}
	if !common.IsHexAddress(s) {
		return common.Address{}, cli.Usagef("%s %q is not an Ethereum address (0x and 40 hex digits)", flag, s)
	}
	return common.HexToAddress(s), nil
}

// checkExpiry applies the daemon's rule (a time in the future or a
// positive duration) locally, so a bad value never reaches it. A time is
// RFC 3339 or a date, which means the end of that day in UTC
// (config.ParseTime).
func checkExpiry(s string, now time.Time) error {
	if s == "" {
		return cli.Usagef("--expires is required: a duration such as 30d, a date such as 2027-01-01, or an RFC 3339 time")
	}
	if t, ok := config.ParseTime(s); ok {
		if !t.After(now) {
			return cli.Usagef("--expires %s is not in the future", s)
		}
		return nil
	}
	if strings.HasPrefix(strings.TrimSpace(s), "-") {
		return cli.Usagef("--expires %q is negative: give a positive duration (30d), a future date (2027-01-01) or a future RFC 3339 time", s)
	}
	d, err := config.ParseDuration(s)
	if err != nil {
		return cli.Usagef("--expires %q is neither a duration (30d, 1d12h, 90m), a date (2027-01-01) nor an RFC 3339 time (2027-01-01T12:00:00Z)", s)
	}
	if d <= 0 {
		return cli.Usagef("--expires %q is not a positive duration", s)
	}
	return nil
}

func (a *app) grantCmd() *cobra.Command {
	var to, purpose, expires, pol string
	var threshold int
	var proxies, fields []string
	cmd := &cobra.Command{
		Use:   "grant NAME --to ADDRESS (--policy PRESET|FILE | --purpose TEXT) [--expires 30d|DATE|RFC3339] [--fields a,b]",
		Short: "Grant an account access to a dataset, under a usage policy or for a purpose, for a period",
		Long: `grant gives the account --to access to every version of the dataset NAME
until --expires: the daemon makes one kfrag per proxy, delivers them and
records the grant on chain. The grantee must have registered its keys (its
daemon does so at start). --threshold is how many proxies must re-encrypt
(default proxies.threshold); --proxies picks the proxies (default: every
registered one).

--policy names the grant's usage policy (docs/policy.md): a preset
(analytics-only, no-resale, open-cc-by, personalisation, research-only) or
a policy file. It says for which DPV purposes, which actions, how long and
how many reads; it is published on IPFS and its hash recorded on chain, and
the proxies enforce its purposes, read limit and expiry. With a policy,
--purpose is refused (the policy names the purposes) and --expires may be
left out when the policy has a duration; an --expires later than the
policy permits is refused. --purpose alone records a plain purpose text, as
grants made before policies did.

--fields grants some fields only of a dataset put with pdx put --fields:
the grantee's get returns exactly those fields, as valid JSON or CSV, and
no key of any other field leaves this home (the proxies receive kfrags of
the named fields' keys only). Grant again to change the fields: with more
to add one, with fewer to remove one (the proxies drop the earlier kfrags
when they see the new grant).

Examples:
  pdx grant profile --to 0xB0b... --policy analytics-only
  pdx grant profile --to 0xB0b... --purpose "loyalty" --expires 30d --fields age,city`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			grantee, err := checkAddress("--to", to)
			if err != nil {
				return err
			}
			var doc json.RawMessage
			if pol != "" {
				if purpose != "" {
					return cli.Usagef("give --policy or --purpose, not both: the policy names the purposes it permits")
				}
				p, err := policy.Load(pol)
				if err != nil {
					return err
				}
				doc = p.Bytes()
				if expires != "" {
					if err := checkExpiry(expires, time.Now()); err != nil {
						return err
					}
				}
			} else {
				if strings.TrimSpace(purpose) == "" {
					return cli.Usagef("--purpose is required (or --policy): what the grantee may use the data for")
				}
				if err := checkExpiry(expires, time.Now()); err != nil {
					return err
				}
			}
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			if threshold < 0 {
				return cli.Usagef("--threshold %d is negative: give how many proxies must re-encrypt (at least 1)", threshold)
			}
			for _, p := range proxies {
				if _, err := checkAddress("--proxies", p); err != nil {
					return err
				}
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.GrantResponse
			for _, f := range fields {
				if err := fieldsplit.ValidName(f); err != nil {
					return cli.Usagef("--fields: %v", errors.Unwrap(err))
				}
			}
			req := daemon.GrantRequest{Grantee: grantee.Hex(), Purpose: purpose, Expires: expires, Threshold: threshold, Proxies: proxies, Policy: doc, Fields: fields}
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "grants"), req, &res); err != nil {
				return err
			}
			return a.out.Result(res)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&to, "to", "", "the grantee's Ethereum address")
	f.StringVar(&purpose, "purpose", "", "what the grantee may use the data for, as plain text (recorded on chain as a hash, in the journal as text); or use --policy")
	f.StringVar(&pol, "policy", "", "the grant's usage policy: a preset (analytics-only, no-resale, open-cc-by, personalisation, research-only) or a policy file (docs/policy.md)")
	f.StringVar(&expires, "expires", "", "end of the access: a duration (30d, 1d12h, 90m), a date (2027-01-01: through that day, UTC) or an RFC 3339 time")
	f.IntVar(&threshold, "threshold", 0, "proxies needed to re-encrypt; 0 = proxies.threshold of the config")
	f.StringSliceVar(&proxies, "proxies", nil, "addresses of the proxies to use, comma-separated (default: the configured proxy set)")
	f.StringSliceVar(&fields, "fields", nil, "grant only these fields of a version put with --fields, comma-separated (default: the whole dataset)")
	return cmd
}

func (a *app) revokeCmd() *cobra.Command {
	var to string
	cmd := &cobra.Command{
		Use:   "revoke NAME --to ADDRESS",
		Short: "Revoke an account's access to a dataset",
		Args:  cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			grantee, err := checkAddress("--to", to)
			if err != nil {
				return err
			}
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.RevokeResponse
			if err := c.call(cmd.Context(), "DELETE", datasetPath(args[0], "grants", grantee.Hex()), nil, &res); err != nil {
				return err
			}
			return a.out.Result(res)
		}),
	}
	cmd.Flags().StringVar(&to, "to", "", "the grantee's Ethereum address")
	return cmd
}

// logResult is what log prints: the daemon's journal and the access log
// (the proxies' receipts of reads of this home's datasets).
type logResult struct {
	Entries []daemon.Record      `json:"entries"`
	Access  []daemon.ReceiptView `json:"access"`
	// AccessError says why the access log is missing or partial.
	AccessError string `json:"access_error,omitempty"`
}

func (r logResult) FormatText(w io.Writer) error {
	if err := r.formatJournal(w); err != nil {
		return err
	}
	if r.Access == nil {
		return nil
	}
	if len(r.Access) == 0 {
		_, err := fmt.Fprintln(w, "\nno reads of your datasets yet")
		return err
	}
	fmt.Fprintln(w, "\nREADS (newest first)")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tDATASET\tVERSION\tREADER\tREAD FOR\tGRANT PURPOSE\tPROXY")
	for _, a := range r.Access {
		v := "-"
		if a.Version != 0 {
			v = strconv.FormatUint(uint64(a.Version), 10)
		}
		purpose := "-"
		if a.Purpose != "" {
			purpose = strconv.Quote(a.Purpose)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.Time, a.Dataset, v, a.Reader, orDash(a.ReadFor), purpose, a.Proxy)
	}
	return tw.Flush()
}

func (r logResult) formatJournal(w io.Writer) error {
	if len(r.Entries) == 0 {
		_, err := fmt.Fprintln(w, "the journal is empty")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tKIND\tDATASET\tBLOCK\tDETAIL")
	for _, e := range r.Entries {
		var d []string
		if e.Version != 0 {
			d = append(d, "version "+strconv.FormatUint(uint64(e.Version), 10))
		}
		if e.CID != "" {
			d = append(d, e.CID)
		}
		if e.Grantee != "" {
			d = append(d, "to "+e.Grantee)
		}
		if e.Purpose != "" {
			d = append(d, journalPurpose(e.Purpose))
		}
		if e.Expires != "" {
			d = append(d, "until "+e.Expires)
		}
		if e.Amount != "" {
			d = append(d, e.Amount+" wei")
		}
		if e.Granted != nil {
			d = append(d, "granted "+strconv.FormatBool(*e.Granted))
		}
		if e.Reason != "" {
			d = append(d, "("+e.Reason+")")
		}
		block := "-"
		if e.Block != 0 {
			block = strconv.FormatUint(e.Block, 10)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Time.UTC().Format(time.RFC3339), e.Kind, e.Dataset, block, strings.Join(d, " "))
	}
	return tw.Flush()
}

func (a *app) logCmd() *cobra.Command {
	var noAccess bool
	cmd := &cobra.Command{
		Use:   "log",
		Short: "Show the daemon's journal and who read your datasets (the proxies' receipts)",
		Long: `log shows the daemon's journal, oldest first — datasets, versions, grants,
revokes, rotations, offers, purchase decisions, purchases, refunds,
withdrawals, erasures — and then the access log, newest first: every read
of one of your datasets' versions that a proxy re-encrypted, with the
reader, the version, the grant's purpose, the proxy and the time. The
access log is gathered from the proxies of each grant; when they cannot
be reached the journal is still shown and a note says so. --no-access
skips asking the proxies.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			c, err := a.client()
			if err != nil {
				return err
			}
			var journal daemon.LogResponse
			if err := c.call(cmd.Context(), "GET", "/v1/log", nil, &journal); err != nil {
				return err
			}
			res := logResult{Entries: journal.Entries}
			if res.Entries == nil {
				res.Entries = []daemon.Record{}
			}
			if !noAccess {
				var rl daemon.ReceiptList
				if err := c.call(cmd.Context(), "GET", "/v1/receipts", nil, &rl); err != nil {
					res.AccessError = err.Error()
					a.out.Note("pdx: the access log is missing: %v", err)
				} else {
					res.Access = rl.Receipts
					if res.Access == nil {
						res.Access = []daemon.ReceiptView{}
					}
				}
			}
			return a.out.Result(res)
		}),
	}
	cmd.Flags().BoolVar(&noAccess, "no-access", false, "show the journal only; do not ask the proxies for their receipts")
	return cmd
}

type grantsResult daemon.GrantList

func (r grantsResult) FormatText(w io.Writer) error {
	if len(r.Grants) == 0 {
		_, err := fmt.Fprintln(w, "no grants on this dataset yet: grant one with pdx grant")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "GRANTEE\tPURPOSE\tEXPIRES\tSTATE\tBLOCK\tTHRESHOLD\tFIELDS")
	for _, g := range r.Grants {
		state := "ended"
		switch {
		case g.Active:
			state = "active"
		case g.RevokedBlock != 0:
			state = "revoked at " + strconv.FormatUint(g.RevokedBlock, 10)
		}
		fields := fieldsWords(g.Fields)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d of %d\t%s\n", g.Grantee, orDash(g.Purpose), g.Expires, state, g.Block, g.Threshold, len(g.Proxies), fields)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, g := range r.Grants {
		writePolicy(w, "grant to "+g.Grantee+" at block "+strconv.FormatUint(g.Block, 10), g.Policy, g.Legacy, "purpose")
	}
	return nil
}

func (a *app) grantsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "grants NAME",
		Short: "List every grant ever made on a dataset, newest first, and whether it is active",
		Long: `grants lists the dataset's grants as the chain recorded them, newest first:
grantee, purpose, expiry, state (active; revoked at a block; ended — expired,
replaced by a newer grant, or the dataset erased), block, threshold and the
fields the grantee can read (all, or the fields of a field grant).`,
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

type grantedResult daemon.GrantedList

func (r grantedResult) FormatText(w io.Writer) error {
	if len(r.Grants) == 0 {
		_, err := fmt.Fprintln(w, "no account has granted this one anything yet")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATASET\tOWNER\tPURPOSE\tEXPIRES\tACTIVE\tVERSION\tCID\tSIZE\tREADS\tFIELDS")
	for _, g := range r.Grants {
		active := strconv.FormatBool(g.Active)
		reads := readsWords(g.Reads)
		fields := fieldsWords(g.Fields)
		if len(g.Versions) == 0 {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t-\t-\t-\t%s\t%s\n", g.Dataset, g.Owner, orDash(g.Purpose), g.Expires, active, reads, fields)
		}
		for _, v := range g.Versions {
			size := "-"
			if v.Size > 0 {
				size = strconv.FormatInt(v.Size, 10)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", g.Dataset, g.Owner, orDash(g.Purpose), g.Expires, active, v.Version, v.CID, size, reads, fields)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, g := range r.Grants {
		writePolicy(w, "grant of dataset "+strconv.FormatUint(g.Dataset, 10)+" by "+g.Owner, g.Policy, g.Legacy, "purpose")
	}
	return nil
}

// fieldsWords is the fields a grant covers as grants and granted show
// them alike: a field grant's names, "all" for a grant of the whole
// dataset (it reads every field of a split version).
func fieldsWords(fields []string) string {
	if len(fields) == 0 {
		return "all"
	}
	return strings.Join(fields, ",")
}

// readsWords is a grant's reads as `granted` shows them: "2/3" used of
// allowed, "2/-" under no limit, "-" when the proxies did not say (or the
// grant is not active).
func readsWords(r *service.GrantReads) string {
	switch {
	case r == nil:
		return "-"
	case r.Allowed == 0:
		return strconv.Itoa(r.Used) + "/-"
	}
	return fmt.Sprintf("%d/%d", r.Used, r.Allowed)
}

func (a *app) grantedCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "granted",
		Short: "List the grants made to this account and the CIDs it may get",
		Long: `granted lists, for every dataset another account granted to this one (by
pdx grant or a purchase), the owner, purpose, expiry, whether the grant is
active, each version's CID to give to pdx get, and the fields the grant
covers (all, or the fields of a field grant: a get of a version split into
fields returns those only).`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			return show(a, cmd.Context(), "/v1/granted", func(r *daemon.GrantedList) any {
				r.Grants = orEmpty(r.Grants)
				return grantedResult(*r)
			})
		}),
	}
}

// writePolicy prints, under a table, the usage policy of one of its rows
// in plain words, one term a line; a row of a plain text (made before
// policies) is said to be legacy, kind naming the text ("purpose",
// "terms").
func writePolicy(w io.Writer, what string, p *daemon.PolicyView, legacy bool, kind string) {
	switch {
	case p != nil:
		fmt.Fprintf(w, "\n%s: usage policy %s\n", what, p.CID)
		for _, l := range p.Describe {
			fmt.Fprintf(w, "  %s\n", plainCut(l, maxPolicyLine))
		}
	case legacy:
		fmt.Fprintf(w, "\n%s: a plain %s text (legacy: no usage policy; no purpose or read limit is enforced beyond the expiry)\n", what, kind)
	}
}

// maxPolicyLine bounds a policy line in tables' text output; --json has
// the whole document.
const maxPolicyLine = 200

// plainCut shows a line of a policy as it is when it is printable, quoted
// (as quoteCut does) when it holds anything else — an owner's description
// can hold anything — and cut to max characters.
func plainCut(s string, max int) string {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return quoteCut(s, max)
		}
	}
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// journalPurpose is a journal entry's purpose or terms for the table: a
// plain text quoted, a usage policy (the journal keeps its document) by its
// CID and description.
func journalPurpose(s string) string {
	if policy.IsDocument([]byte(s)) {
		if p, err := policy.Parse([]byte(s)); err == nil {
			if p.Description != "" {
				return "under usage policy " + p.CID().String() + " " + quoteCut(p.Description, maxTermsShown)
			}
			return "under usage policy " + p.CID().String()
		}
	}
	return "for " + strconv.Quote(s)
}
