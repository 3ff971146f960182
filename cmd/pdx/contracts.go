package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/home"
)

// contractsEnvPrefix starts the environment variable of each `pdx contracts
// deploy` flag (--key-file is PDX_CONTRACTS_KEY_FILE): the deploy step of a
// compose file or a CI job sets variables more easily than arguments.
const contractsEnvPrefix = "PDX_CONTRACTS_"

// transferGas is the gas of a plain ether transfer to an account without
// code.
const transferGas = 21_000

type deployOptions struct {
	rpc         string
	keyFile     string
	grantWindow time.Duration
	chainID     uint64
	expect      string
	fund        []string
	fundAmount  string
	timeout     time.Duration
}

// funded is one account `--fund` topped up.
type funded struct {
	Address string `json:"address"`
	SentWei string `json:"sent_wei"` // "0" when it already held --fund-amount
	Tx      string `json:"tx,omitempty"`
}

// deployResult is what `pdx contracts deploy` prints.
type deployResult struct {
	Registry    string   `json:"registry"`
	ChainID     uint64   `json:"chain_id"`
	Deployer    string   `json:"deployer"`
	Deployed    bool     `json:"deployed"` // false when --expect found it already there
	Tx          string   `json:"tx,omitempty"`
	Block       uint64   `json:"block,omitempty"` // the deploy block (use it as a proxy's --from-block)
	GrantWindow string   `json:"grant_window"`
	Funded      []funded `json:"funded,omitempty"`
	// EAS is the Ethereum Attestation Service deployed beside a Registry
	// deployed by this run, with pdx's attestation schema registered
	// (chain.eas_address, chain.eas_schema_registry, chain.attestation_schema).
	EAS *deployedEAS `json:"eas,omitempty"`
}

// deployedEAS is where the run put EAS.
type deployedEAS struct {
	Address        string `json:"address"`
	SchemaRegistry string `json:"schema_registry"`
	Schema         string `json:"schema"`
	Block          uint64 `json:"block"`
}

// FormatText prints the address on a line of its own first, so a script
// can take it with `head -1`.
func (r deployResult) FormatText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", r.Registry)
	if r.Deployed {
		fmt.Fprintf(&b, "Registry deployed at block %d on chain %d by %s (tx %s), grant window %s\n", r.Block, r.ChainID, r.Deployer, r.Tx, r.GrantWindow)
	} else {
		fmt.Fprintf(&b, "Registry already deployed on chain %d (grant window %s); nothing sent\n", r.ChainID, r.GrantWindow)
	}
	if e := r.EAS; e != nil {
		fmt.Fprintf(&b, "EAS deployed at %s (SchemaRegistry %s), pdx's attestation schema %s, block %d\n", e.Address, e.SchemaRegistry, e.Schema, e.Block)
	}
	for _, f := range r.Funded {
		fmt.Fprintf(&b, "funded %s with %s wei\n", f.Address, f.SentWei)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (a *app) contractsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "contracts",
		Short: "Manage pdx's contracts on an Ethereum chain (deploy the Registry)",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.contractsDeployCmd())
	return cmd
}

func (a *app) contractsDeployCmd() *cobra.Command {
	var o deployOptions
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "Deploy the Registry (and EAS for attestations) to a chain's JSON-RPC endpoint and print its address",
		Long: `deploy sends the Registry's creation transaction to the chain at --rpc,
waits for it to be mined and prints the Registry's address (first line), the
block it was deployed in (a proxy's --from-block) and the deployer. Beside a
Registry it deploys, it deploys the Ethereum Attestation Service and
registers pdx's attestation schema (three more transactions) and prints
their addresses and the schema UID: chain.eas_address,
chain.eas_schema_registry and chain.attestation_schema.

The deployer is the pdx home's account (--home; the passphrase as for any
command), or with --key-file an account key in hex, as services keep it. It
pays for the deployment, so it must hold some ether.

With --expect ADDRESS the command is idempotent, for deploy steps that run on
every start: when a Registry is already at ADDRESS it sends nothing; when
none is, it deploys only if the deployer's next contract lands exactly there
(a fresh chain and a fixed deployer key give a fixed address).

--fund tops up accounts to --fund-amount from the deployer (dev and test
chains): an address, a file holding an account key (hex), or a pdx home.

Every flag can also be set by an environment variable: PDX_CONTRACTS_ and the
flag's name in capitals with '-' as '_' (PDX_CONTRACTS_KEY_FILE). A flag on
the command line wins.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			if err := applyEnvPrefix(cmd.LocalNonPersistentFlags(), a.environ, contractsEnvPrefix); err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), o.timeout)
			defer cancel()
			return a.runDeploy(ctx, o)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.rpc, "rpc", "", "Ethereum JSON-RPC URL of the chain (http, https, ws, wss; required)")
	f.StringVar(&o.keyFile, "key-file", "", "deployer's account key (64 hex digits) instead of the pdx home's account")
	f.DurationVar(&o.grantWindow, "grant-window", 24*time.Hour, "how long a purchase waits for the owner's grant before the buyer may take a refund (whole seconds)")
	f.Uint64Var(&o.chainID, "chain-id", 0, "chain id the endpoint must report (0: any), so a mistyped URL cannot deploy to the wrong chain")
	f.StringVar(&o.expect, "expect", "", "address the Registry must be at: send nothing if it is there already, refuse if it would land elsewhere")
	f.StringSliceVar(&o.fund, "fund", nil, "accounts to top up to --fund-amount: 0x… addresses, account key files or pdx homes (comma-separated or repeated)")
	f.StringVar(&o.fundAmount, "fund-amount", "10eth", "balance --fund tops each account up to, in wei or with a unit (10eth, 2.5gwei)")
	f.DurationVar(&o.timeout, "timeout", 2*time.Minute, "give up when the chain has not mined the transactions by then")
	return cmd
}

// applyEnvPrefix sets each flag not given on the command line from its
// prefix+NAME variable; an empty variable counts as unset.
func applyEnvPrefix(fs *pflag.FlagSet, environ []string, prefix string) error {
	var errs []error
	fs.VisitAll(func(fl *pflag.Flag) {
		name := prefix + strings.ToUpper(strings.ReplaceAll(fl.Name, "-", "_"))
		v := lookupEnv(environ, name)
		if v == "" || fl.Changed {
			return
		}
		if err := fs.Set(fl.Name, v); err != nil {
			errs = append(errs, cli.Usagef("%s=%q: %v", name, v, err))
		}
	})
	return errors.Join(errs...)
}

func (o *deployOptions) check() error {
	switch {
	case o.rpc == "":
		return cli.Usagef("--rpc is required: the chain's JSON-RPC URL, e.g. http://127.0.0.1:8545")
	case o.grantWindow < time.Second || o.grantWindow%time.Second != 0:
		return cli.Usagef("--grant-window %s: want a whole number of seconds, at least 1s (e.g. 24h)", o.grantWindow)
	case o.expect != "" && !common.IsHexAddress(o.expect):
		return cli.Usagef("--expect %q is not an Ethereum address (0x and 40 hex digits)", o.expect)
	case o.timeout <= 0:
		return cli.Usagef("--timeout must be positive, e.g. 2m")
	}
	return nil
}

func (a *app) runDeploy(ctx context.Context, o deployOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	amount, err := parsePrice(o.fundAmount)
	if err != nil {
		return cli.Usagef("--fund-amount %q is not an amount: write wei as digits or ether with a unit (10eth)", o.fundAmount)
	}
	targets, err := fundTargets(o.fund)
	if err != nil {
		return err
	}
	key, err := a.deployerKey(o.keyFile)
	if err != nil {
		return err
	}
	from := crypto.PubkeyToAddress(key.PublicKey)

	ec, err := ethclient.DialContext(ctx, o.rpc)
	if err != nil {
		return cli.Mark(fmt.Errorf("connecting to the chain at %s: %w", o.rpc, err), cli.ErrUnavailable)
	}
	defer ec.Close()
	chainID, err := ec.ChainID(ctx)
	if err != nil {
		return cli.Mark(fmt.Errorf("the chain at %s does not answer: %w", o.rpc, err), cli.ErrUnavailable)
	}
	if o.chainID != 0 && chainID.Uint64() != o.chainID {
		return cli.Mark(fmt.Errorf("the chain at %s reports chain id %s, not --chain-id %d: check --rpc", o.rpc, chainID, o.chainID), cli.ErrConfig)
	}
	res := deployResult{ChainID: chainID.Uint64(), Deployer: from.Hex()}

	var client *acl.Client
	if o.expect != "" {
		want := common.HexToAddress(o.expect)
		client, err = acl.New(ctx, ec, want, nil, nil)
		switch {
		case err == nil:
			res.Registry = want.Hex()
		case errors.Is(err, bind.ErrNoCode):
			client = nil
			nonce, err := ec.PendingNonceAt(ctx, from)
			if err != nil {
				return cli.Mark(fmt.Errorf("reading the deployer's nonce: %w", err), cli.ErrUnavailable)
			}
			if next := crypto.CreateAddress(from, nonce); next != want {
				return cli.Mark(fmt.Errorf("no Registry at %s, and %s's next contract would be at %s (nonce %d): deploy without --expect, or give the address the deployer's first contract gets on a fresh chain",
					want.Hex(), from.Hex(), next.Hex(), nonce), cli.ErrConflict)
			}
		default:
			return cli.Mark(err, cli.ErrUnavailable)
		}
	}
	if client == nil {
		if err := needsEther(ctx, ec, from); err != nil {
			return err
		}
		c, rc, err := acl.Deploy(ctx, ec, key, o.grantWindow, nil)
		if err != nil {
			if strings.Contains(err.Error(), "insufficient funds") {
				return cli.Mark(fmt.Errorf("the deployer %s cannot pay for the deployment: send it some ether: %w", from.Hex(), err), cli.ErrRefused)
			}
			return cli.Mark(err, cli.ErrUnavailable)
		}
		client = c
		res.Registry, res.Deployed = c.Address().Hex(), true
		res.Tx, res.Block = rc.TxHash.Hex(), rc.BlockNumber.Uint64()
		// EAS beside it, so sources can attest on this chain
		// (contracts/spec/attestation-v1.md).
		d, err := attest.Deploy(ctx, ec, key)
		if err != nil {
			return cli.Mark(fmt.Errorf("the Registry is at %s, but deploying EAS failed: %w", res.Registry, err), cli.ErrUnavailable)
		}
		res.EAS = &deployedEAS{Address: d.EAS.Hex(), SchemaRegistry: d.SchemaRegistry.Hex(), Schema: d.Schema.Hex(), Block: d.Block}
	}
	window, err := client.GrantWindow(ctx)
	if err != nil {
		return cli.Mark(fmt.Errorf("the contract at %s does not answer as a Registry: %w", res.Registry, err), cli.ErrDamaged)
	}
	res.GrantWindow = window.String()

	for _, to := range targets {
		f, err := topUp(ctx, ec, key, chainID, to, amount)
		if err != nil {
			return err
		}
		res.Funded = append(res.Funded, f)
	}
	return a.out.Result(res)
}

// deployerKey reads --key-file, or unlocks the home's account.
func (a *app) deployerKey(keyFile string) (*ecdsa.PrivateKey, error) {
	if keyFile != "" {
		return loadKeyFile("--key-file", keyFile)
	}
	dir, err := a.homeDir()
	if err != nil {
		return nil, err
	}
	h, err := home.Load(dir)
	if err != nil {
		return nil, fmt.Errorf("%w (or give --key-file)", err)
	}
	pass, err := a.passphrase(false)
	if err != nil {
		return nil, err
	}
	u, err := h.Unlock(pass)
	if err != nil {
		return nil, err
	}
	// Only the account key is needed; the copy outlives u's wiping.
	k, err := crypto.ToECDSA(crypto.FromECDSA(u.Account))
	u.Close()
	return k, err
}

// fundTargets resolves each --fund entry to an address: an address as is,
// a directory as a pdx home (its public keys.json, no passphrase), a file
// as an account key.
func fundTargets(list []string) ([]common.Address, error) {
	var out []common.Address
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if common.IsHexAddress(s) {
			out = append(out, common.HexToAddress(s))
			continue
		}
		st, err := os.Stat(s)
		switch {
		case err != nil && errors.Is(err, os.ErrNotExist):
			return nil, cli.Mark(fmt.Errorf("--fund %q is neither an address nor an existing key file or pdx home", s), cli.ErrNotFound)
		case err != nil:
			return nil, fmt.Errorf("--fund %q: %w", s, err)
		case st.IsDir():
			addr, err := homeAddress(s)
			if err != nil {
				return nil, err
			}
			out = append(out, addr)
		default:
			k, err := loadKeyFile("--fund", s)
			if err != nil {
				return nil, err
			}
			out = append(out, crypto.PubkeyToAddress(k.PublicKey))
		}
	}
	return out, nil
}

// homeAddress reads a pdx home's account address from its public keys.json
// without the passphrase, so a deploy step can fund a home it only mounts
// read-only.
func homeAddress(dir string) (common.Address, error) {
	raw, err := os.ReadFile(filepath.Join(dir, home.KeysFile))
	if err != nil {
		return common.Address{}, cli.Mark(fmt.Errorf("--fund %s: a directory must be a pdx home (run `pdx init` there first): %w", dir, err), cli.ErrNotFound)
	}
	var k struct {
		Address common.Address `json:"address"`
	}
	if err := json.Unmarshal(raw, &k); err != nil || k.Address == (common.Address{}) {
		return common.Address{}, cli.Mark(fmt.Errorf("--fund %s: %s names no account address", dir, home.KeysFile), cli.ErrDamaged)
	}
	return k.Address, nil
}

// needsEther refuses early, with the address to fund, when the deployer
// has nothing to pay with.
func needsEther(ctx context.Context, ec *ethclient.Client, from common.Address) error {
	bal, err := ec.BalanceAt(ctx, from, nil)
	if err != nil {
		return cli.Mark(fmt.Errorf("reading the deployer's balance: %w", err), cli.ErrUnavailable)
	}
	if bal.Sign() == 0 {
		return cli.Mark(fmt.Errorf("the deployer %s holds no ether and cannot pay for the deployment: fund it, or give --key-file of a funded account", from.Hex()), cli.ErrRefused)
	}
	return nil
}

// topUp sends to `to` what it lacks of amount, and waits for it to be
// mined. Running it again sends nothing: deploy steps may rerun.
func topUp(ctx context.Context, ec *ethclient.Client, key *ecdsa.PrivateKey, chainID *big.Int, to common.Address, amount *big.Int) (funded, error) {
	bal, err := ec.BalanceAt(ctx, to, nil)
	if err != nil {
		return funded{}, cli.Mark(fmt.Errorf("reading %s's balance: %w", to.Hex(), err), cli.ErrUnavailable)
	}
	f := funded{Address: to.Hex(), SentWei: "0"}
	if bal.Cmp(amount) >= 0 {
		return f, nil
	}
	value := new(big.Int).Sub(amount, bal)
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := ec.PendingNonceAt(ctx, from)
	if err != nil {
		return funded{}, cli.Mark(fmt.Errorf("reading the deployer's nonce: %w", err), cli.ErrUnavailable)
	}
	tip, err := ec.SuggestGasTipCap(ctx)
	if err != nil {
		return funded{}, cli.Mark(fmt.Errorf("reading the gas tip: %w", err), cli.ErrUnavailable)
	}
	head, err := ec.HeaderByNumber(ctx, nil)
	if err != nil {
		return funded{}, cli.Mark(fmt.Errorf("reading the head block: %w", err), cli.ErrUnavailable)
	}
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(chainID), &types.DynamicFeeTx{
		ChainID: chainID, Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: transferGas, To: &to, Value: value,
	})
	if err != nil {
		return funded{}, err
	}
	if err := ec.SendTransaction(ctx, tx); err != nil {
		if strings.Contains(err.Error(), "insufficient funds") {
			return funded{}, cli.Mark(fmt.Errorf("the deployer %s cannot send %s wei to %s: %w", from.Hex(), value, to.Hex(), err), cli.ErrRefused)
		}
		return funded{}, cli.Mark(fmt.Errorf("sending ether to %s: %w", to.Hex(), err), cli.ErrUnavailable)
	}
	rc, err := bind.WaitMined(ctx, ec, tx.Hash())
	if err != nil {
		return funded{}, cli.Mark(fmt.Errorf("waiting for the transfer to %s (tx %s): %w", to.Hex(), tx.Hash().Hex(), err), cli.ErrUnavailable)
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return funded{}, fmt.Errorf("the transfer to %s failed on chain (tx %s)", to.Hex(), tx.Hash().Hex())
	}
	// What runs next (the funded account's first transaction) reads its
	// balance at the head.
	if err := acl.AwaitHead(ctx, ec, rc.BlockNumber.Uint64()); err != nil {
		return funded{}, cli.Mark(fmt.Errorf("waiting for the transfer to %s (tx %s): %w", to.Hex(), tx.Hash().Hex(), err), cli.ErrUnavailable)
	}
	f.SentWei, f.Tx = value.String(), tx.Hash().Hex()
	return f, nil
}
