package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
)

// apiClient talks to the running daemon of a home: the address is the
// home's api.listen, the token its api.token.
type apiClient struct {
	base  string // http://host:port
	token string
	home  string
	http  *http.Client
}

// client reads the home's config and token; it sends nothing yet.
func (a *app) client() (*apiClient, error) {
	dir, err := a.homeDir()
	if err != nil {
		return nil, err
	}
	h, err := home.Load(dir)
	if err != nil {
		return nil, err
	}
	conf, err := h.LoadConfig(a.environ)
	if err != nil {
		return nil, err
	}
	tok, err := home.ReadToken(h.Path(conf.API.TokenFile))
	if err != nil {
		return nil, err
	}
	host, port, err := net.SplitHostPort(conf.API.Listen)
	if err != nil {
		return nil, cli.Mark(fmt.Errorf("api.listen %q is not host:port: %v", conf.API.Listen, err), cli.ErrConfig)
	}
	// A daemon listening on every interface is reached on loopback.
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	// Streams (put, get) may run long; each request is bounded by the
	// command's context instead of a client timeout.
	return &apiClient{base: "http://" + net.JoinHostPort(host, port), token: tok, home: dir, http: &http.Client{}}, nil
}

// do sends one request and returns the response when its status is 2xx;
// otherwise the API error mapped to the CLI's kinds (docs/cli.md).
func (c *apiClient) do(ctx context.Context, method, path string, body io.Reader, contentType string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return nil, cli.Mark(fmt.Errorf("no pdx daemon answers at %s for the home %s: start it with `pdx daemon` (%v)", c.base, c.home, op.Err), cli.ErrUnavailable)
		}
		return nil, cli.Mark(fmt.Errorf("the pdx daemon at %s failed to answer: %w", c.base, err), cli.ErrUnavailable)
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	return nil, apiError(c, resp)
}

// apiError reads an API error body and gives it the CLI kind of its code.
func apiError(c *apiClient, resp *http.Response) error {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var doc struct {
		Error daemon.APIError `json:"error"`
	}
	if err := json.Unmarshal(b, &doc); err != nil || doc.Error.Code == "" {
		return fmt.Errorf("the daemon at %s answered %s with no pdx error: %.200q", c.base, resp.Status, b)
	}
	e := doc.Error
	msg := e.Message
	if e.Revert != "" {
		msg += " (the Registry reverted with " + e.Revert + ")"
	}
	// The code's kind gives the exit status: the daemon answered by the
	// same table (internal/errkind).
	k, ok := errkind.FromAPICode(e.Code)
	if !ok {
		return errors.New(msg)
	}
	switch k {
	case errkind.Unauthorized:
		msg = fmt.Sprintf("the daemon at %s refused this home's API token: it runs for another pdx home, or the token changed (%s)", c.base, msg)
	case errkind.NoRoute:
		msg = fmt.Sprintf("the daemon at %s does not serve this request (%s): is it another pdx version?", c.base, msg)
	}
	return errkind.Mark(errors.New(msg), k)
}

// call sends a JSON request (in may be nil) and decodes the JSON answer.
func (c *apiClient) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	ct := ""
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body, ct = bytes.NewReader(b), "application/json"
	}
	resp, err := c.do(ctx, method, path, body, ct)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("reading the daemon's answer to %s %s: %w", method, path, err)
	}
	return nil
}

func datasetPath(name string, rest ...string) string {
	p := "/v1/datasets/" + url.PathEscape(name)
	for _, r := range rest {
		p += "/" + url.PathEscape(r)
	}
	return p
}

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

// checkExpiry applies the daemon's rule (an RFC 3339 time in the future or
// a positive duration) locally, so a bad value never reaches it.
func checkExpiry(s string, now time.Time) error {
	if s == "" {
		return cli.Usagef("--expires is required: a duration such as 30d or an RFC 3339 time")
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		if !t.After(now) {
			return cli.Usagef("--expires %s is not in the future", s)
		}
		return nil
	}
	if strings.HasPrefix(strings.TrimSpace(s), "-") {
		return cli.Usagef("--expires %q is negative: give a positive duration (30d) or a future RFC 3339 time", s)
	}
	d, err := config.ParseDuration(s)
	if err != nil {
		return cli.Usagef("--expires %q is neither a duration (30d, 1d12h, 90m) nor an RFC 3339 time: %v", s, err)
	}
	if d <= 0 {
		return cli.Usagef("--expires %q is not a positive duration", s)
	}
	return nil
}

// putResult is what put prints.
type putResult struct {
	daemon.PutResponse
	Created bool `json:"created"`
}

func (r putResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%s version %d: %s (%d bytes encrypted)\n", r.Dataset, r.Version, r.CID, r.Size)
	return err
}

func (a *app) putCmd() *cobra.Command {
	var dataset string
	cmd := &cobra.Command{
		Use:   "put FILE|- --dataset NAME",
		Short: "Encrypt a file (or stdin) and store it as the next version of a dataset",
		Long: `put streams FILE (or stdin for -) to the daemon, which encrypts it, adds and
pins it on IPFS and registers the CID as the dataset's next version on
chain. The dataset is created first when the home has none of that name.
Prints the CID and version; a progress bar shows on a terminal.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if dataset == "" {
				return cli.Usagef("--dataset is required: the local name of the dataset to add a version to")
			}
			var in io.Reader = a.stdin
			size := int64(-1)
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return fmt.Errorf("opening the file to put: %w", err)
				}
				defer f.Close()
				st, err := f.Stat()
				if err != nil {
					return err
				}
				if st.IsDir() {
					return cli.Usagef("%s is a directory: put takes one file (or - for stdin)", args[0])
				}
				in, size = f, st.Size()
			} else if a.stdin == nil {
				return cli.Usagef("no stdin to read from")
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			var list daemon.DatasetList
			if err := c.call(ctx, "GET", "/v1/datasets", nil, &list); err != nil {
				return err
			}
			created := true
			for _, d := range list.Datasets {
				if d.Name == dataset {
					created = false
				}
			}
			if created {
				if err := c.call(ctx, "POST", "/v1/datasets", daemon.CreateRequest{Name: dataset}, nil); err != nil {
					return err
				}
				a.out.Note("Created the dataset %q.", dataset)
			}
			bar := a.out.Progress(size, "encrypting and storing")
			resp, err := c.do(ctx, "POST", datasetPath(dataset, "versions"), bar.Reader(in), "application/octet-stream")
			if err != nil {
				bar.Abort()
				return err
			}
			defer resp.Body.Close()
			var res putResult
			if err := json.NewDecoder(resp.Body).Decode(&res.PutResponse); err != nil {
				bar.Abort()
				return fmt.Errorf("reading the daemon's answer: %w", err)
			}
			bar.Finish()
			res.Created = created
			return a.out.Result(res)
		}),
	}
	cmd.Flags().StringVar(&dataset, "dataset", "", "local name of the dataset (created when missing)")
	return cmd
}

type lsResult daemon.DatasetList

func (r lsResult) FormatText(w io.Writer) error {
	if len(r.Datasets) == 0 {
		_, err := fmt.Fprintln(w, "no datasets yet: add one with `pdx put FILE --dataset NAME`")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATASET\tID\tVERSION\tCID\tSIZE\tPUT")
	for _, d := range r.Datasets {
		if len(d.Versions) == 0 {
			fmt.Fprintf(tw, "%s\t%d\t-\t-\t-\t-\n", d.Name, d.ID)
		}
		for _, v := range d.Versions {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%s\n", d.Name, d.ID, v.Version, v.CID, v.Size, v.Put.UTC().Format(time.RFC3339))
		}
	}
	return tw.Flush()
}

func (a *app) lsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "ls",
		Short: "List the home's datasets and their versions",
		Args:  cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			return show(a, cmd.Context(), "/v1/datasets", func(l *daemon.DatasetList) any {
				l.Datasets = orEmpty(l.Datasets)
				return lsResult(*l)
			})
		}),
	}
}

type getResult struct {
	CID  string `json:"cid"`
	File string `json:"file"`
	Size int64  `json:"size"`
}

func (a *app) getCmd() *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "get CID [-o FILE]",
		Short: "Fetch and decrypt a CID you own or were granted, to stdout or a file",
		Long: `get asks the daemon for a CID: as its owner, or as a grantee through the
proxies. The plaintext goes to stdout, or with -o to FILE, written to a
temporary file beside it and renamed only when every byte arrived and
checked out, so a failed get leaves no partial file. --json needs -o.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if _, err := cid.Decode(args[0]); err != nil {
				return cli.Usagef("%q is not a CID: %v", args[0], err)
			}
			if a.jsonFlag && output == "" {
				return cli.Usagef("--json prints a JSON document on stdout, so the data needs -o FILE")
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			resp, err := c.do(cmd.Context(), "GET", "/v1/cids/"+url.PathEscape(args[0]), nil, "")
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			bar := a.out.Progress(resp.ContentLength, "fetching and decrypting")
			if output == "" {
				if _, err := io.Copy(bar.Writer(a.stdout), resp.Body); err != nil {
					bar.Abort()
					return cli.Mark(fmt.Errorf("the transfer of %s broke off: %w; the output is incomplete", args[0], err), cli.ErrUnavailable)
				}
				bar.Finish()
				return nil
			}
			n, err := writeAtomically(output, bar.Reader(resp.Body))
			if err != nil {
				bar.Abort()
				return err
			}
			bar.Finish()
			return a.out.Result(getResult{CID: args[0], File: output, Size: n})
		}),
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the plaintext to this file instead of stdout")
	return cmd
}

// writeAtomically copies r to a temporary file beside path, syncs it and
// renames it to path; on any failure the temporary file is removed.
func writeAtomically(path string, r io.Reader) (n int64, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".pdx-*")
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if n, err = io.Copy(tmp, r); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return n, fmt.Errorf("writing %s: %w", path, err)
		}
		return n, cli.Mark(fmt.Errorf("the transfer broke off after %d bytes: %w; %s was not written", n, err, path), cli.ErrUnavailable)
	}
	if err = tmp.Sync(); err != nil {
		return n, err
	}
	if err = tmp.Close(); err != nil {
		return n, err
	}
	if err = os.Chmod(tmp.Name(), 0o600); err != nil {
		return n, err
	}
	return n, os.Rename(tmp.Name(), path)
}

func (a *app) grantCmd() *cobra.Command {
	var to, purpose, expires string
	var threshold int
	var proxies []string
	cmd := &cobra.Command{
		Use:   "grant NAME --to ADDRESS --purpose TEXT --expires 30d|RFC3339",
		Short: "Grant an account access to a dataset, for a purpose and a period",
		Long: `grant gives the account --to access to every version of the dataset NAME
until --expires: the daemon makes one kfrag per proxy, delivers them and
records the grant on chain. The grantee must have registered its keys (its
daemon does so at start). --threshold is how many proxies must re-encrypt
(default proxies.threshold); --proxies picks the proxies (default: every
registered one).`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			grantee, err := checkAddress("--to", to)
			if err != nil {
				return err
			}
			if strings.TrimSpace(purpose) == "" {
				return cli.Usagef("--purpose is required: what the grantee may use the data for")
			}
			if err := checkExpiry(expires, time.Now()); err != nil {
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
			req := daemon.GrantRequest{Grantee: grantee.Hex(), Purpose: purpose, Expires: expires, Threshold: threshold, Proxies: proxies}
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "grants"), req, &res); err != nil {
				return err
			}
			return a.out.Result(res)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&to, "to", "", "the grantee's Ethereum address")
	f.StringVar(&purpose, "purpose", "", "what the grantee may use the data for (recorded on chain as a hash, in the journal as text)")
	f.StringVar(&expires, "expires", "", "end of the access: a duration (30d, 1d12h, 90m) or an RFC 3339 time")
	f.IntVar(&threshold, "threshold", 0, "proxies needed to re-encrypt; 0 = proxies.threshold of the config")
	f.StringSliceVar(&proxies, "proxies", nil, "addresses of the proxies to use, comma-separated (default: the configured proxy set)")
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
	fmt.Fprintln(tw, "TIME\tDATASET\tVERSION\tREADER\tPURPOSE\tPROXY")
	for _, a := range r.Access {
		v := "-"
		if a.Version != 0 {
			v = strconv.FormatUint(uint64(a.Version), 10)
		}
		purpose := "-"
		if a.Purpose != "" {
			purpose = strconv.Quote(a.Purpose)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", a.Time, a.Dataset, v, a.Reader, purpose, a.Proxy)
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
			d = append(d, "for "+strconv.Quote(e.Purpose))
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
