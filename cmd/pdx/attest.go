package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/daemon"
)

// attestResult is what `pdx attest` prints.
type attestResult struct {
	daemon.AttestResponse
	File string `json:"file,omitempty"`
}

func (r attestResult) FormatText(w io.Writer) error {
	var b strings.Builder
	if r.OnChain {
		fmt.Fprintf(&b, "attested on chain: dataset %d version %d of %s, fingerprint %s\n", r.Dataset, r.Version, r.Owner, r.Fingerprint.Hex())
		fmt.Fprintf(&b, "uid %s (tx %s, block %d)\n", r.UID.Hex(), r.Tx, r.Block)
	} else {
		fmt.Fprintf(&b, "attested off chain (no transaction): dataset %d version %d of %s, fingerprint %s\n", r.Dataset, r.Version, r.Owner, r.Fingerprint.Hex())
		fmt.Fprintf(&b, "uid %s, written to %s: hand it to the owner (pdx attestation add)\n", r.UID.Hex(), r.File)
	}
	if len(r.Fields) > 0 {
		fmt.Fprintf(&b, "field fingerprints named: %s (the fields you read; any other field is not attested)\n", strings.Join(r.Fields, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// expiryTime turns --expires (a duration, a date or an RFC 3339 time)
// into the time it names.
func expiryTime(s string, now time.Time) (time.Time, error) {
	if err := checkExpiry(s, now); err != nil {
		return time.Time{}, err
	}
	if t, ok := config.ParseTime(s); ok {
		return t, nil
	}
	d, err := config.ParseDuration(s)
	if err != nil {
		return time.Time{}, cli.Usagef("--expires %q: %v", s, err)
	}
	return now.Add(time.Duration(d)), nil
}

func (a *app) attestCmd() *cobra.Command {
	var owner, source, output, expires string
	var offchain bool
	cmd := &cobra.Command{
		Use:   "attest CID --owner ADDRESS [--source NAME] [--offchain -o FILE] [--expires 1y]",
		Short: "As a data source, vouch for a version of someone's data through the Ethereum Attestation Service",
		Long: `attest is for a data source — a shop, a bank, an employer — that recorded
data for a person: it signs, with this home's account, that version CID of
--owner's dataset (its fingerprint as on chain) is what the source recorded.
Read the version first (the owner grants you; pdx get) and compare it with
your own record: the attestation vouches for the fingerprint the chain holds.

A version split into fields (pdx put --fields) is attested field by field
too: the attestation names the fingerprint of each field you read (all of
them, or those of your field grant) and no other.

On chain (the default) it is one EAS transaction, paid by this account, that
anyone can look up. With --offchain it is an EIP-712 signed attestation in
EAS's off-chain format, written to -o FILE, and no transaction at all: hand
the file to the owner, who keeps it with the version (pdx attestation add).

--source is the name you give yourself, shown beside your address; readers
judge by the address. --expires ends the attestation (a duration such as
365d, a date or an RFC 3339 time); without it, it holds until revoked.
The format is contracts/spec/attestation-v1.md.`,
		Example: `  pdx attest bafybeig… --owner 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed --source "Corner Shop"
  pdx attest bafybeig… --owner 0x5aAe… --source "Corner Shop" --offchain -o attestation.json`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if _, err := cid.Decode(args[0]); err != nil {
				return cli.Usagef("%q is not a CID: %v", args[0], err)
			}
			if owner == "" {
				return cli.Usagef("--owner is required: the account whose dataset the version is (a CID is filed per owner)")
			}
			if _, err := checkAddress("--owner", owner); err != nil {
				return err
			}
			if len(source) > attest.MaxSource {
				return cli.Usagef("--source is %d bytes; at most %d", len(source), attest.MaxSource)
			}
			if offchain != (output != "") {
				return cli.Usagef("--offchain and -o go together: the off-chain attestation is a file to hand the owner")
			}
			req := daemon.AttestRequest{CID: args[0], Owner: owner, Source: source, Offchain: offchain}
			if expires != "" {
				t, err := expiryTime(expires, time.Now())
				if err != nil {
					return err
				}
				req.Expires = t.UTC().Format(time.RFC3339)
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.AttestResponse
			if err := c.call(cmd.Context(), "POST", "/v1/attest", req, &res); err != nil {
				return err
			}
			out := attestResult{AttestResponse: res}
			if offchain {
				if _, err := writeAtomically(output, strings.NewReader(string(res.Attestation))); err != nil {
					return err
				}
				out.File = output
				out.Attestation = nil
			}
			return a.out.Result(out)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&owner, "owner", "", "the dataset's owner, 0x… (required)")
	f.StringVar(&source, "source", "", "the name you give yourself as a source (shown beside your address)")
	f.BoolVar(&offchain, "offchain", false, "sign an off-chain attestation (no transaction) and write it to -o")
	f.StringVarP(&output, "output", "o", "", "with --offchain: the file to write the attestation to")
	f.StringVar(&expires, "expires", "", "when the attestation stops vouching: a duration (365d), a date or an RFC 3339 time")
	return cmd
}

// addAttestationResult is what `pdx attestation add` prints.
type addAttestationResult daemon.AddAttestationResponse

func (r addAttestationResult) FormatText(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "kept with %s version %d (%s): %s\n", r.Dataset, r.Version, r.CID, r.Attestation); err != nil {
		return err
	}
	if r.Published == "" {
		return nil
	}
	_, err := fmt.Fprintf(w, "published on IPFS as %s: grants you make under a usage policy from now on name it, so their grantees find and verify it themselves (no transaction)\n", r.Published)
	return err
}

// attestationsResult is what `pdx attestations` prints.
type attestationsResult daemon.AttestationsResponse

func (r attestationsResult) FormatText(w io.Writer) error {
	var b strings.Builder
	if len(r.Attestations) == 0 {
		fmt.Fprintf(&b, "%s: no attestations\n", r.CID)
	}
	for _, x := range r.Attestations {
		fmt.Fprintf(&b, "%s\n", x)
		if line := x.FieldsLine(nil); line != "" {
			fmt.Fprintf(&b, "  attested fields: %s\n", line)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (a *app) attestationCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "attestation",
		Short: "Keep the off-chain attestations sources hand you with your versions",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "add DATASET FILE",
		Short: "Keep a source's off-chain attestation with the version of DATASET it names",
		Long: `add verifies FILE (an off-chain attestation a source made with pdx attest
--offchain, or any tool writing EAS's off-chain format under pdx's schema)
against the version of DATASET it names and keeps it in the home, where
this home's pdx get and pdx attestations show it. It is also published on
IPFS, and every grant you make from then on under a usage policy (pdx grant
--policy) names it in the policy, so the grantee's pdx get finds and
verifies it without being handed the file; nothing is sent to the chain for
it. Grants with a plain --purpose carry no policy and name none. One that does not verify
— signed for another chain, another dataset or fingerprint, revoked,
expired — is refused with the reason (exit 6), and nothing is kept.`,
		Example: `  pdx attestation add purchases attestation.json`,
		Args:    cobra.ExactArgs(2),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			raw, err := readAttestationFile(args[1])
			if err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.AddAttestationResponse
			if err := c.call(cmd.Context(), "POST", "/v1/datasets/"+url.PathEscape(args[0])+"/attestations", raw, &res); err != nil {
				return err
			}
			return a.out.Result(addAttestationResult(res))
		}),
	})
	return cmd
}

// readAttestationFile reads an off-chain attestation file, bounded, and
// checks its form before it is sent.
func readAttestationFile(path string) (json.RawMessage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, cli.Usagef("cannot read the attestation: %v", err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, attest.MaxOffchainFile+1))
	if err != nil {
		return nil, cli.Usagef("cannot read the attestation: %v", err)
	}
	if _, err := attest.ParseOffchain(raw); err != nil {
		return nil, cli.Usagef("%s: %v", path, err)
	}
	return raw, nil
}

func (a *app) attestationsCmd() *cobra.Command {
	var owner string
	var files []string
	cmd := &cobra.Command{
		Use:   "attestations CID [--owner ADDRESS] [--file FILE]…",
		Short: "Verify and show every attestation of a version: by whom, when, and whether it holds",
		Long: `attestations verifies every attestation of version CID: those on chain
(EAS, for its owner, under pdx's schema), the off-chain ones this home keeps
for it (pdx attestation add) and the files given with --file. Each is shown
as "attested by 0x… at …" or as failed, revoked or expired with the reason;
none is left out for failing. The name beside an address is the one the
attester gives itself.`,
		Example: `  pdx attestations bafybeig…
  pdx attestations bafybeig… --file attestation.json --json`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			res, err := a.verifyAttestations(cmd.Context(), args[0], owner, files)
			if err != nil {
				return err
			}
			return a.out.Result(attestationsResult(*res))
		}),
	}
	cmd.Flags().StringVar(&owner, "owner", "", "the owner whose registration of CID to check (default: the one a get reads)")
	cmd.Flags().StringArrayVar(&files, "file", nil, "an off-chain attestation file to verify too (repeatable)")
	return cmd
}

func (a *app) verifyAttestations(ctx context.Context, c, owner string, files []string) (*daemon.AttestationsResponse, error) {
	if _, err := cid.Decode(c); err != nil {
		return nil, cli.Usagef("%q is not a CID: %v", c, err)
	}
	req := daemon.VerifyAttestationsRequest{Owner: owner}
	if owner != "" {
		if _, err := checkAddress("--owner", owner); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		raw, err := readAttestationFile(f)
		if err != nil {
			return nil, err
		}
		req.Offchain = append(req.Offchain, raw)
	}
	cl, err := a.client()
	if err != nil {
		return nil, err
	}
	var res daemon.AttestationsResponse
	if err := cl.call(ctx, "POST", "/v1/cids/"+url.PathEscape(c)+"/attestations", req, &res); err != nil {
		return nil, err
	}
	return &res, nil
}
