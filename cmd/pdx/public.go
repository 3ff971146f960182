package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"
	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/service"
)

// The commands of this file are public datasets: publish, unpublish and
// verify (node/service/PUBLIC.md is the format).

type publishResult daemon.PublishResponse

func (r publishResult) FormatText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (id %d) is public from block %d: versions you put from now on are readable by anyone\n", r.Dataset, r.ID, r.Block)
	fmt.Fprintf(&b, "policy %s (on IPFS as %s):\n", r.PolicyHash, r.PolicyCID)
	for _, l := range r.Policy {
		fmt.Fprintf(&b, "  %s\n", l)
	}
	fmt.Fprintf(&b, "remember: %s\n", r.Warning)
	_, err := io.WriteString(w, b.String())
	return err
}

func (a *app) publishCmd() *cobra.Command {
	var pol string
	var yes bool
	cmd := &cobra.Command{
		Use:   "publish NAME --policy PRESET|FILE --yes",
		Short: "Make a dataset public under a policy (licence, attribution): later versions readable by anyone",
		Long: `publish marks the dataset public on chain under a policy document (a
preset such as open-cc-by, or a file: docs/policy.md), which is published
on IPFS beside it. Every version you put from then on is stored as the
plaintext itself, so any IPFS node or gateway serves it with no pdx
software, and its SHA-256 is registered as its fingerprint; anyone checks a
copy with pdx verify. Versions put before stay encrypted.

Copies taken while the dataset is public cannot be recalled: pdx unpublish
stops this node serving them and marks the dataset withdrawn on chain, no
more. So publish needs --yes.`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			if pol == "" {
				return cli.Usagef("--policy is required: a preset (%s) or a policy file (docs/policy.md)", strings.Join(policy.Presets(), ", "))
			}
			p, err := policy.Load(pol)
			if err != nil {
				return cli.Usagef("--policy %q: %v", pol, strings.TrimPrefix(err.Error(), "policy: "))
			}
			if !yes {
				return cli.Usagef("publishing %q makes every version you put from now on readable by anyone; %s. Run again with --yes to publish it", args[0], daemon.CannotRecall)
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.PublishResponse
			req := daemon.PublishRequest{Policy: json.RawMessage(p.Bytes()), Confirm: true}
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "publish"), req, &res); err != nil {
				return err
			}
			return a.out.Result(publishResult(res))
		}),
	}
	cmd.Flags().StringVar(&pol, "policy", "", "the policy the data is published under: a preset ("+strings.Join(policy.Presets(), ", ")+") or a JSON-LD file")
	cmd.Flags().BoolVar(&yes, "yes", false, "confirm: copies taken while the dataset is public cannot be recalled")
	return cmd
}

type unpublishResult daemon.UnpublishResponse

func (r unpublishResult) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%s (id %d) is withdrawn on chain (block %d); this node stopped serving %d public version(s), and versions you put from now on are encrypted again\nwhat this cannot undo: %s\n",
		r.Dataset, r.ID, r.Block, len(r.Unpinned), r.CannotUndo)
	return err
}

func (a *app) unpublishCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "unpublish NAME",
		Short: "Withdraw a public dataset: unpin its public versions, mark it withdrawn on chain",
		Long: `unpublish marks the dataset withdrawn on chain and unpins its public
versions from this node, so it stops serving them; versions you put from
then on are encrypted again. It cannot recall copies other IPFS nodes,
gateways or people already took: they stay readable wherever they are, and
pdx verify still proves them (the chain keeps the registration and the
policy they were published under).`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			if err := checkDatasetName(args[0]); err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.UnpublishResponse
			if err := c.call(cmd.Context(), "POST", datasetPath(args[0], "unpublish"), nil, &res); err != nil {
				return err
			}
			return a.out.Result(unpublishResult(res))
		}),
	}
}

type verifyResult service.Verification

func (r verifyResult) FormatText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "verified: the file is %s, registered as a public version on chain\n", r.CID)
	fmt.Fprintf(&b, "owner:       %s\n", r.Owner.Hex())
	fmt.Fprintf(&b, "dataset:     %d, version %d (now %s)\n", r.Dataset, r.Version, r.Visibility)
	fmt.Fprintf(&b, "block:       %d (transaction %s)\n", r.Block, r.Tx.Hex())
	fmt.Fprintf(&b, "fingerprint: sha256 %s\n", r.Fingerprint)
	fmt.Fprintf(&b, "policy:      %s (IPFS %s)", r.PolicyHash, r.PolicyCID)
	if r.Preset != "" {
		fmt.Fprintf(&b, ", the %s preset:\n", r.Preset)
		for _, l := range r.Policy {
			fmt.Fprintf(&b, "  %s\n", l)
		}
	} else {
		b.WriteString("\n")
	}
	if r.Others > 0 {
		fmt.Fprintf(&b, "note: %d other account(s) registered the same CID later; the first registration is shown (pass --owner to check one)\n", r.Others)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (a *app) verifyCmd() *cobra.Command {
	var rpc, registry, owner string
	var from uint64
	cmd := &cobra.Command{
		Use:   "verify CID FILE",
		Short: "Check that FILE is a public version on chain: its CID, fingerprint, owner and policy",
		Long: `verify hashes FILE as pdx adds files to IPFS (the import profile of
node/storage/IMPORT.md) and checks that it gives CID, then asks the chain
who registered CID: it prints the owner, dataset, version, block and the
policy the dataset was public under when the version was added, after
checking that the registered fingerprint is the file's SHA-256. It refuses
a file that is not CID's content (exit 9), a CID nobody registered (3), and
one registered as an encrypted version or while its dataset was private
(4).

It needs no IPFS node and no daemon: only the chain's JSON-RPC, taken from
--rpc and --registry, else from this home's config (chain.mode = "rpc"),
else from the running daemon of a home on the embedded chain. Anyone can
register any CID under a dataset of their own: --owner accepts one owner's
registration only.`,
		Args: cobra.ExactArgs(2),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			c, err := cid.Decode(args[0])
			if err != nil {
				return cli.Usagef("%q is not a CID: %v", args[0], err)
			}
			var ownerAddr *common.Address
			if owner != "" {
				if !strings.HasPrefix(owner, "0x") || !common.IsHexAddress(owner) {
					return cli.Usagef("--owner %q is not an account address (0x followed by 40 hex digits)", owner)
				}
				o := common.HexToAddress(owner)
				ownerAddr = &o
			}
			if registry != "" && (!strings.HasPrefix(registry, "0x") || !common.IsHexAddress(registry)) {
				return cli.Usagef("--registry %q is not a contract address (0x followed by 40 hex digits)", registry)
			}
			f, err := os.Open(args[1])
			if err != nil {
				if errors.Is(err, os.ErrNotExist) {
					return cli.Mark(fmt.Errorf("%s does not exist", args[1]), cli.ErrNotFound)
				}
				return err
			}
			defer f.Close()
			ctx := cmd.Context()
			if rpc == "" || registry == "" {
				n, err := a.verifyChain(cmd, rpc, registry)
				if err != nil {
					return err
				}
				rpc, registry = n.RPCURL, n.Registry
				if !cmd.Flags().Changed("from-block") {
					from = n.RegistryBlock
				}
			}
			ec, _, chain, err := dialRegistry(ctx, rpc, common.HexToAddress(registry), nil, 0)
			if err != nil {
				return err
			}
			defer ec.Close()
			v, err := service.Verify(ctx, chain, acl.Range{From: from}, c, f, ownerAddr)
			if err != nil {
				return err
			}
			return a.out.Result(verifyResult(*v))
		}),
	}
	fl := cmd.Flags()
	fl.StringVar(&rpc, "rpc", "", "the chain's JSON-RPC URL (default: this home's chain)")
	fl.StringVar(&registry, "registry", "", "the Registry's address (default: this home's)")
	fl.Uint64Var(&from, "from-block", 0, "the block the Registry was deployed in, where the search starts (default: this home's)")
	fl.StringVar(&owner, "owner", "", "accept only this account's registration of the CID")
	return cmd
}

// verifyChain finds the chain verify reads when --rpc or --registry is not
// given: the home's rpc chain, or the embedded chain its running daemon
// serves.
func (a *app) verifyChain(cmd *cobra.Command, rpc, registry string) (*config.Network, error) {
	dir, err := a.homeDir()
	if err != nil {
		return nil, err
	}
	h, err := home.Load(dir)
	if err != nil {
		return nil, cli.Mark(fmt.Errorf("no chain to check against: pass --rpc and --registry, or run verify in a pdx home (%v)", err), cli.ErrConfig)
	}
	conf, err := h.LoadConfig(a.environ)
	if err != nil {
		return nil, err
	}
	n := &config.Network{RPCURL: conf.Chain.RPCURL, Registry: conf.Chain.RegistryAddress, RegistryBlock: conf.Chain.RegistryBlock}
	if conf.Chain.Mode != "rpc" {
		c, err := a.client()
		if err != nil {
			return nil, err
		}
		if err := c.call(cmd.Context(), "GET", "/v1/network", nil, n); err != nil {
			return nil, fmt.Errorf("this home's chain is the embedded one, served by its daemon: start the daemon, or pass --rpc and --registry: %w", err)
		}
	}
	if rpc != "" {
		n.RPCURL = rpc
	}
	if registry != "" {
		n.Registry = registry
	}
	if n.RPCURL == "" {
		return nil, cli.Mark(errors.New("the chain's JSON-RPC is not known: pass --rpc"), cli.ErrConfig)
	}
	if n.Registry == "" {
		return nil, cli.Mark(errors.New("the Registry's address is not known: pass --registry"), cli.ErrConfig)
	}
	return n, nil
}
