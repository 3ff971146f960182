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
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/acl/attest"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
)

// The commands of this file work on the owner's datasets themselves: put a
// version, list them (ls), get one, rotate a dataset's key, export, erase.

// putResult is what put prints.
type putResult struct {
	daemon.PutResponse
	Created bool `json:"created"`
}

func (r putResult) FormatText(w io.Writer) error {
	if r.Public {
		_, err := fmt.Fprintf(w, "%s version %d: %s (%d bytes, public: readable by anyone, e.g. ipfs cat %s; checked with pdx verify)\n", r.Dataset, r.Version, r.CID, r.Size, r.CID)
		return err
	}
	_, err := fmt.Fprintf(w, "%s version %d: %s (%d bytes encrypted)\n", r.Dataset, r.Version, r.CID, r.Size)
	return err
}

func (a *app) putCmd() *cobra.Command {
	var dataset, fields, schemaFile string
	cmd := &cobra.Command{
		Use:   "put FILE|- --dataset NAME",
		Short: "Encrypt a file (or stdin) and store it as the next version of a dataset",
		Long: `put streams FILE (or stdin for -) to the daemon, which encrypts it, adds and
pins it on IPFS and registers the CID as the dataset's next version on
chain. When the home has no dataset of that name, the same put creates it
and keeps it only once its first version is stored: a put that fails or is
interrupted leaves no dataset and no blocks behind. An empty file is
refused (pdx stores no empty versions).
Prints the CID and version; a progress bar shows on a terminal.

--fields splits a JSON object by its top-level keys, or a CSV table by its
columns, and seals each field under a key of its own, so that a grant can
name the fields it covers (pdx grant --fields) and no key of the others
ever leaves this home. The format comes from the file's extension or its
first byte; --fields=json or --fields=csv names it. --fields-schema FILE
groups fields (JSON Pointers such as /address/city, or column names) into
named groups; what it does not name stays a field of its own.

Examples:
  pdx put profile.json --dataset profile
  pdx put profile.json --dataset profile --fields
  pdx put purchases.csv --dataset purchases --fields --fields-schema groups.json`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if dataset == "" {
				return cli.Usagef("--dataset is required: the local name of the dataset to add a version to")
			}
			if err := checkDatasetName(dataset); err != nil {
				return err
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
			if size == 0 {
				return cli.Usagef("%s is empty: pdx stores no empty versions; nothing was created", args[0])
			}
			query := "?create=true"
			if fields != "" || schemaFile != "" {
				q, r, err := splitQuery(args[0], in, fields, schemaFile)
				if err != nil {
					return err
				}
				query, in = query+q, r
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			bar := a.out.Progress(size, "encrypting and storing")
			// The daemon creates a missing dataset in the same request and
			// keeps it only once its first version is stored.
			resp, err := c.do(ctx, "POST", datasetPath(dataset, "versions")+query, bar.Reader(in), "application/octet-stream")
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
			res.Created = res.PutResponse.Created
			if res.Created {
				a.out.Note("Created the dataset %q.", dataset)
			}
			return a.out.Result(res)
		}),
	}
	cmd.Flags().StringVar(&dataset, "dataset", "", "local name of the dataset (created when missing)")
	cmd.Flags().StringVar(&fields, "fields", "", "split a JSON object by key or a CSV table by column, each field under its own key (json, csv, or auto when given alone)")
	cmd.Flags().Lookup("fields").NoOptDefVal = "auto"
	cmd.Flags().StringVar(&schemaFile, "fields-schema", "", "a JSON file grouping fields for --fields")
	return cmd
}

type lsResult daemon.DatasetList

func (r lsResult) FormatText(w io.Writer) error {
	if len(r.Datasets) == 0 {
		_, err := fmt.Fprintln(w, "no datasets yet: add one with `pdx put FILE --dataset NAME`")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATASET\tID\tVERSION\tCID\tSIZE\tPUT\tVISIBILITY")
	for _, d := range r.Datasets {
		vis := orDash(d.Visibility)
		if len(d.Versions) == 0 {
			fmt.Fprintf(tw, "%s\t%d\t-\t-\t-\t-\t%s\n", d.Name, d.ID, vis)
		}
		for _, v := range d.Versions {
			// The dataset's visibility, and for each version whether it
			// is public (plaintext) or encrypted.
			kind := "encrypted"
			if v.Public {
				kind = "public"
			}
			if len(v.Fields) > 0 {
				// A split version: each field under its own key (pdx
				// grants shows who reads which).
				kind = fmt.Sprintf("%d fields: %s", len(v.Fields), strings.Join(v.FieldNames(), ","))
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%s\t%s, %s\n", d.Name, d.ID, v.Version, v.CID, v.Size, v.Put.UTC().Format(time.RFC3339), vis, kind)
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
	// Purpose is the purpose the read was made for, when --purpose named it.
	Purpose string `json:"purpose,omitempty"`
	// Verified: --verify hashed the plaintext and found the fingerprint on
	// chain.
	Verified bool `json:"verified,omitempty"`
	// Attestations are the version's source attestations, each verified
	// (verified, failed, revoked, expired, with the reason); absent when
	// the network has no EAS. In text they go to stderr, one line each.
	Attestations []attest.Result `json:"attestations,omitempty"`
}

// showAttestations verifies the attestations of the version just read and
// prints each on stderr ("attested by 0x… at …", or why it does not
// hold); it returns them for --json. A network without EAS shows nothing
// and a failure to verify is a note, never a failed get: the data itself
// checked out.
//
// An attestation vouches for the fingerprint on chain. A get without
// --verify checks that the envelope carries that fingerprint but does not
// hash the bytes against it (reencrypt/envelope/ENVELOPE.md), so when
// attestations are shown for such a get a note says how to check the bytes.
func (a *app) showAttestations(ctx context.Context, c string, files []string, verified bool) []attest.Result {
	res, err := a.verifyAttestations(ctx, c, "", files)
	if err != nil {
		if len(files) > 0 || !strings.Contains(err.Error(), "attestations are off") {
			a.out.Note("attestations: not verified: %v", err)
		}
		return nil
	}
	for _, r := range res.Attestations {
		a.out.Note("%s", r)
		// A split version: each field read, checked against the
		// manifest's fingerprint of it.
		if line := r.FieldsLine(nil); line != "" {
			a.out.Note("  attested fields: %s", line)
		}
	}
	if len(res.Attestations) > 0 && !verified {
		a.out.Note("attestations vouch for the fingerprint on chain; this get did not hash the bytes against it: pdx get --verify does")
	}
	return res.Attestations
}

func (a *app) getCmd() *cobra.Command {
	var output, purpose string
	var verify bool
	var attestations []string
	cmd := &cobra.Command{
		Use:   "get CID [-o FILE]",
		Short: "Fetch and decrypt a CID you own or were granted, to stdout or a file",
		Long: `get asks the daemon for a CID: as its owner, or as a grantee through the
proxies. The plaintext goes to stdout, or with -o to FILE, written to a
temporary file beside it and renamed only when every byte arrived and
checked out, so a failed get leaves no partial file. --json needs -o.

A grantee's read names its purpose (--purpose, a DPV purpose such as
dpv:Marketing): the proxies refuse a purpose the grant's policy does not
permit and record it, so the owner's access log shows why you read.
Without --purpose the read is for the purpose the grant's policy permits
when it permits one, and for dpv:ServiceProvision when it permits any (or
the grant has no policy); when it permits several, name one. Each get
counts as one read at each proxy that answers, against the policy's read
limit.

Every get returns only authenticated bytes of the envelope registered on
chain, and checks that the fingerprint it carries is the chain's. --verify
also recomputes the fingerprint from the plaintext (a keyed BLAKE3 hash,
about half again the CPU time of a get): use it when you rely on the
fingerprint itself, e.g. an attestation made about it.

After the data, get shows the version's source attestations on stderr
(pdx attestations): "attested by 0x… at …", or failed, revoked or expired
with the reason; --attestation adds an off-chain one you were handed. With
--json they are in the document's "attestations".`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if _, err := cid.Decode(args[0]); err != nil {
				return cli.Usagef("%q is not a CID: %v", args[0], err)
			}
			if a.jsonFlag && output == "" {
				return cli.Usagef("--json prints a JSON document on stdout, so the data needs -o FILE")
			}
			path := "/v1/cids/" + url.PathEscape(args[0])
			q := url.Values{}
			if purpose != "" {
				if err := proxyapi.CheckPurpose(purpose); err != nil {
					return cli.Usagef("--purpose %q: a purpose is a DPV term such as dpv:Marketing or an IRI, without spaces", purpose)
				}
				q.Set("purpose", purpose)
			}
			if verify {
				q.Set("verify", "true")
			}
			if len(q) > 0 {
				path += "?" + q.Encode()
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			resp, err := c.do(cmd.Context(), "GET", path, nil, "")
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
				a.showAttestations(cmd.Context(), args[0], attestations, verify)
				return nil
			}
			n, err := writeAtomically(output, bar.Reader(resp.Body))
			if err != nil {
				bar.Abort()
				return err
			}
			bar.Finish()
			res := getResult{CID: args[0], File: output, Size: n, Purpose: purpose, Verified: verify}
			if att := a.showAttestations(cmd.Context(), args[0], attestations, verify); a.out.JSON() {
				res.Attestations = att
			}
			return a.out.Result(res)
		}),
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write the plaintext to this file instead of stdout")
	cmd.Flags().StringVar(&purpose, "purpose", "", "what you read for, a DPV purpose (dpv:Marketing); default: the grant's")
	cmd.Flags().BoolVar(&verify, "verify", false, "also recompute the fingerprint from the plaintext and require the chain's")
	cmd.Flags().StringArrayVar(&attestations, "attestation", nil, "an off-chain attestation of this version you were handed, verified and shown with the others (repeatable)")
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

// ErrExportExists: the export directory already holds an export.
var ErrExportExists = errors.New("the directory already holds an export")

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

// checkDatasetName rejects a name no dataset can have before any request;
// a name with spaces, the usual slip, is told the name it could have.
func checkDatasetName(name string) error {
	err := home.ValidDatasetName(name)
	if err == nil {
		return nil
	}
	if alt := strings.Join(strings.Fields(name), "-"); alt != name && home.ValidDatasetName(alt) == nil {
		return cli.Usagef("%v (no spaces: %q would do)", err, alt)
	}
	return cli.Usagef("%v", err)
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
