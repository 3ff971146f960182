// Command pdx is the one pdx binary: an owner's node and the CLI for owners
// and brands. See docs/cli.md for the commands, --json output and exit
// statuses, and docs/config.md for the configuration.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
)

// version is set at release builds with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is shown.
var version = ""

// envFastScrypt asks for go-ethereum's light scrypt parameters. It is
// honoured only inside a `go test` binary (the CLI tests), never by a pdx
// binary a person runs, because it makes passphrases cheap to guess.
const envFastScrypt = "PDX_INSECURE_FAST_SCRYPT"

// envCrashAt names a point between two durable steps of an owner operation
// ("put:stored", "grant:mined", …; see service.Config.Crash) where the
// daemon kills itself with SIGKILL, as a power cut would. The crash tests
// use it to show that a restart reconciles; like envFastScrypt it is
// honoured only in test binaries.
const envCrashAt = "PDX_TEST_CRASH_AT"

// main leaves SIGINT and SIGTERM at their default (end the process): the
// commands here finish quickly or, like init, are all-or-nothing. A command
// that must shut down cleanly (the daemon) wraps cmd.Context() with
// signal.NotifyContext itself; one interrupted that way exits 130.
func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Environ()))
}

// app holds one invocation's streams, environment and global flags; there
// is no package-level mutable state.
type app struct {
	stdin          *os.File
	stdout, stderr io.Writer
	environ        []string

	homeFlag       string
	jsonFlag       bool
	passphraseFile string

	out *cli.Output
}

// runError marks an error returned by a command's own code, as opposed to
// one cobra raises while parsing (a usage error).
type runError struct{ err error }

func (e *runError) Error() string { return e.err.Error() }
func (e *runError) Unwrap() error { return e.err }

// run executes one pdx command line and returns the exit status.
func run(ctx context.Context, args []string, stdin *os.File, stdout, stderr io.Writer, environ []string) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, environ: environ}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteContextC(ctx)
	if a.out == nil {
		// Parsing failed before the flags were applied; honour --json if
		// it was asked for so a program still gets a JSON error.
		a.out = cli.New(stdout, stderr, jsonRequested(args))
	}
	if err == nil {
		return cli.ExitOK
	}
	var re *runError
	if errors.As(err, &re) {
		// The daemon's words for people for what its code returned here
		// (the daemon's start): the same as it answers its API with.
		return a.out.Error(daemon.Explain(re.err))
	}
	name := "pdx"
	if cmd != nil {
		name = cmd.CommandPath()
	}
	return a.out.Error(cli.Mark(fmt.Errorf("%v\nrun '%s --help' for usage", err, name), cli.ErrUsage))
}

func jsonRequested(args []string) bool {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "--json" || a == "--json=true" {
			return true
		}
	}
	return false
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "pdx",
		Short: "pdx: own your personal data — encrypt it, store it on IPFS, grant and revoke access on chain",
		Long: `pdx keeps your personal data encrypted on IPFS, pinned to your own node.
Brands ask for it (and usually pay); you grant access for a purpose and a
period, and can revoke it at any time. Nobody in between sees the plaintext.

Every command takes --json for output programs can read; exit statuses are
listed in docs/cli.md.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          cobra.NoArgs,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			a.out = cli.New(a.stdout, a.stderr, a.jsonFlag)
		},
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	root.CompletionOptions.DisableDefaultCmd = true
	pf := root.PersistentFlags()
	pf.StringVar(&a.homeFlag, "home", "", "pdx home directory (default $PDX_HOME, else ~/.pdx)")
	pf.BoolVar(&a.jsonFlag, "json", false, "print the result (or the error) as one JSON document on stdout")
	pf.StringVar(&a.passphraseFile, "passphrase-file", "", "read the home's passphrase from the first line of this file (else $PDX_PASSPHRASE, else a prompt)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return err })
	root.AddCommand(a.initCmd(), a.keysCmd(), a.versionCmd(), a.proxyCmd(), a.demoCmd(), a.daemonCmd(),
		a.putCmd(), a.lsCmd(), a.getCmd(), a.grantCmd(), a.revokeCmd(), a.logCmd(),
		a.offerCmd(), a.buyCmd(), a.withdrawCmd(), a.eraseCmd(),
		a.marketCmd(), a.refundCmd(), a.networkCmd(), a.fundCmd(), a.rotateCmd(), a.exportCmd(), a.grantsCmd(), a.purchasesCmd(), a.grantedCmd(),
		a.publishCmd(), a.unpublishCmd(), a.verifyCmd())
	root.AddCommand(a.contractsCmd(), a.pinsvcCmd())
	root.AddCommand(a.attestCmd(), a.attestationCmd(), a.attestationsCmd())
	root.AddCommand(a.campaignCmd())
	root.AddCommand(a.describeCmd())
	withExamples(root)
	return root
}

// do wraps a command's code so its errors are told apart from parse errors.
func do(fn func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if err := fn(cmd, args); err != nil {
			return &runError{err}
		}
		return nil
	}
}

func (a *app) homeDir() (string, error) { return home.Dir(a.homeFlag, a.environ) }

func (a *app) passphrase(confirm bool) (string, error) {
	return home.ReadPassphrase(home.PassphraseSource{
		File:     a.passphraseFile,
		Environ:  a.environ,
		Terminal: a.stdin,
		Prompt:   a.stderr,
	}, confirm)
}

func (a *app) getenv(name string) string {
	for _, kv := range a.environ {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

// identity is what init and keys print.
type identity struct {
	Home         string        `json:"home"`
	Address      string        `json:"address"` // EIP-55 checksummed
	VerifyingKey hexutil.Bytes `json:"verifying_key"`
	ReceivingKey hexutil.Bytes `json:"receiving_key"`
	Created      time.Time     `json:"created"`
}

func identityOf(h *home.Home) identity {
	k := h.Keys()
	return identity{Home: h.Dir(), Address: k.Address.Hex(), VerifyingKey: k.VerifyingKey, ReceivingKey: k.ReceivingKey, Created: k.Created}
}

func (a *app) initCmd() *cobra.Command {
	var join string
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Create a pdx home: an Ethereum account, a master seed, an API token and the default config",
		Long: `init creates the pdx home (--home, else $PDX_HOME, else ~/.pdx) and prints the
account address and public keys. The account key and the 32-byte master seed
are encrypted under a passphrase: typed twice on a terminal, or read from
--passphrase-file or $PDX_PASSPHRASE. A home that exists is never touched.

With --join FILE|URL the home becomes a member of an owner's network: the
document ` + "`pdx network -o FILE`" + ` wrote (or its URL, such as the owner's
daemon's http://127.0.0.1:5180/v1/network on the same machine) gives the
chain (chain.mode = "rpc"), the Registry, the proxy set and the IPFS peers
its embedded node bootstraps from; its API gets a free port of its own, so
it never collides with the owner's home. A document with a field missing or
wrong is refused and nothing is created.`,
		Example: `  pdx init
  pdx init --passphrase-file ~/.pdx-pass
  pdx --home ~/brand init --join network.json`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			dir, err := a.homeDir()
			if err != nil {
				return err
			}
			// Refuse before asking for a passphrase that would not be used.
			if err := home.CheckAvailable(dir); err != nil {
				return err
			}
			var opts []home.Option
			var network *config.Network
			if join != "" {
				if network, err = readNetwork(cmd.Context(), join); err != nil {
					return err
				}
				conf, err := memberConfig(network)
				if err != nil {
					return err
				}
				opts = append(opts, home.WithConfig(conf))
			} else {
				conf, changed, err := ownerConfig()
				if err != nil {
					return err
				}
				if changed {
					opts = append(opts, home.WithConfig(conf))
				}
			}
			pass, err := a.passphrase(true)
			if err != nil {
				return err
			}
			if a.getenv(envFastScrypt) == "1" {
				if testing.Testing() {
					opts = append(opts, home.WithInsecureLightScrypt())
				} else {
					a.out.Note("pdx: ignoring %s: it is honoured only in test binaries", envFastScrypt)
				}
			}
			a.out.Note("Creating the pdx home in %s (encrypting the keys takes a few seconds)…", dir)
			h, err := home.Init(dir, pass, opts...)
			if err != nil {
				return err
			}
			if err := a.out.Result(identityOf(h)); err != nil {
				return err
			}
			a.out.Note("Keep the passphrase safe: without it the account and every dataset key are lost for good.")
			conf, err := h.LoadConfig(nil)
			if err != nil {
				return err
			}
			if network == nil && conf.API.Listen != config.Default().API.Listen {
				a.out.Note("The default API port is taken (another pdx home's daemon?): this home's daemon will listen on %s (api.listen in config.toml).", conf.API.Listen)
			}
			if network != nil {
				a.out.Note("This home joined the network of chain %d (Registry %s); its API listens on %s.", network.ChainID, network.Registry, conf.API.Listen)
				if network.Dev {
					a.out.Note("Next: the owner runs `pdx fund %s`, then start this home's daemon.", h.Keys().Address.Hex())
				} else {
					a.out.Note("Next: send %s some ether for its transactions, then start this home's daemon.", h.Keys().Address.Hex())
				}
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&join, "join", "", "join the network this document describes (a file from `pdx network -o`, or an http(s) URL serving it)")
	return cmd
}

// keysResult is identityOf plus the outcome of --verify.
type keysResult struct {
	identity
	Verified *bool `json:"verified,omitempty"`
}

func (a *app) keysCmd() *cobra.Command {
	var verify bool
	cmd := &cobra.Command{
		Use:   "keys",
		Short: "Print the home's account address and public keys (no passphrase needed)",
		Long: `keys prints the account address, the verifying key (checks this account's
kfrag signatures) and the receiving key (what others re-encrypt to) of the
pdx home, from its public keys.json. It also checks the home's config.

With --verify it unlocks the home with the passphrase and checks that the
keystore, the seed and keys.json agree: a safe way to test that you still
know the passphrase.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			dir, err := a.homeDir()
			if err != nil {
				return err
			}
			h, err := home.Load(dir)
			if err != nil {
				return err
			}
			if _, err := h.LoadConfig(a.environ); err != nil {
				return err
			}
			res := keysResult{identity: identityOf(h)}
			if verify {
				pass, err := a.passphrase(false)
				if err != nil {
					return err
				}
				u, err := h.Unlock(pass)
				if err != nil {
					return err
				}
				u.Close()
				ok := true
				res.Verified = &ok
			}
			return a.out.Result(res)
		}),
	}
	cmd.Flags().BoolVar(&verify, "verify", false, "unlock the home with its passphrase and check that its keys agree")
	return cmd
}

// FormatText prints keysResult without the embedding showing through.
func (r keysResult) FormatText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "home:           %s\n", r.Home)
	fmt.Fprintf(&b, "address:        %s\n", r.Address)
	fmt.Fprintf(&b, "verifying key:  %s\n", r.VerifyingKey)
	fmt.Fprintf(&b, "receiving key:  %s\n", r.ReceivingKey)
	fmt.Fprintf(&b, "created:        %s\n", r.Created.UTC().Format(time.RFC3339))
	if r.Verified != nil {
		b.WriteString("verified:       the passphrase opens the account and the seed, and the keys agree\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// FormatText prints identity the same way keys does.
func (id identity) FormatText(w io.Writer) error { return keysResult{identity: id}.FormatText(w) }

type versionInfo struct {
	Version    string `json:"version"`
	Go         string `json:"go"`
	Platform   string `json:"platform"`
	HomeFormat int    `json:"home_format"`
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the pdx version",
		Args:  cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			v := versionInfo{Version: version, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH, HomeFormat: home.FormatVersion}
			if v.Version == "" {
				v.Version = "(devel)"
				if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
					v.Version = bi.Main.Version
				}
			}
			return a.out.Result(v)
		}),
	}
}

// crashHook returns the kill switch of envCrashAt, or nil: in a binary
// built for users the variable is ignored.
func (a *app) crashHook() func(string) {
	at := a.getenv(envCrashAt)
	if at == "" || !testing.Testing() {
		return nil
	}
	return func(point string) {
		if point == at {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal is on its way; do not take another step
		}
	}
}
