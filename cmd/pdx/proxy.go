package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/acl"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/storage"
)

// proxyEnvPrefix starts the environment variable of each `pdx proxy` flag:
// --ipfs-api is PDX_PROXY_IPFS_API. A proxy usually runs under a service
// manager, where variables are easier to set than arguments.
const proxyEnvPrefix = "PDX_PROXY_"

type proxyOptions struct {
	dir            string
	rpc            string
	registry       string
	fromBlock      uint64
	confirmations  uint64
	logRange       uint64
	ipfsAPI        string
	ipfsAuth       string
	ipfsRepo       string
	listen         string
	endpoint       string
	poll           time.Duration
	accountKeyFile string
	hpkeRotate     time.Duration
}

// proxyStarted is what `pdx proxy` prints once it serves.
type proxyStarted struct {
	Address    string `json:"address"`  // the proxy's account (EIP-55)
	Listen     string `json:"listen"`   // the bound host:port
	Endpoint   string `json:"endpoint"` // the URL registered on chain
	Registry   string `json:"registry"`
	ChainID    uint64 `json:"chain_id"`
	Block      uint64 `json:"block"`       // the head when it started
	FollowFrom uint64 `json:"follow_from"` // the first block the follower reads
	Resumed    bool   `json:"resumed"`     // true when FollowFrom came from the cursor file
	Registered bool   `json:"registered"`  // true when this start sent a registration
}

// FormatText prints the one line a person (or a supervisor's log) reads.
func (s proxyStarted) FormatText(w io.Writer) error {
	from := fmt.Sprintf("from block %d (--from-block)", s.FollowFrom)
	if s.Resumed {
		from = fmt.Sprintf("from block %d (resumed from its cursor)", s.FollowFrom)
	}
	_, err := fmt.Fprintf(w, "proxy %s listening on %s, registered as %s, at block %d, following events %s\n",
		s.Address, s.Listen, s.Endpoint, s.Block, from)
	return err
}

func (a *app) proxyCmd() *cobra.Command {
	var o proxyOptions
	cmd := &cobra.Command{
		Use:   "proxy",
		Short: "Run one re-encryption proxy: register it on chain, follow grants and serve re-encryptions",
		Long: `proxy runs one pdx re-encryption proxy as its own process. It holds one kfrag
per grant made to it, checks the Registry before every re-encryption, and
forgets kfrags when grants are revoked or datasets erased.

On start it opens its state directory (--dir), registers its endpoint and
HPKE key in the Registry (its account pays for the transaction, so it must
hold some ether), follows the Registry's events from where it stopped, and
serves its HTTP API (acl/proxy/PROTOCOL.md). It prints one line (one JSON
document with --json) once it serves, logs to stderr, and stops cleanly on
SIGINT or SIGTERM.

Every flag can also be set by an environment variable: PDX_PROXY_ and the
flag's name in capitals with '-' as '_' (PDX_PROXY_IPFS_API). A flag on the
command line wins.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			if err := applyEnvPrefix(cmd.LocalNonPersistentFlags(), a.environ, proxyEnvPrefix); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return a.runProxy(ctx, o)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.dir, "dir", "", "state directory: keys, cursor, kfrags and receipts (created 0700 if missing; required)")
	f.StringVar(&o.rpc, "rpc", "", "Ethereum JSON-RPC URL of the chain holding the Registry (required)")
	f.StringVar(&o.registry, "registry", "", "the Registry's address, 0x… (required)")
	f.Uint64Var(&o.fromBlock, "from-block", 0, "first block to read events from when the state directory has no cursor yet (the Registry's deploy block is a good choice)")
	f.Uint64Var(&o.confirmations, "confirmations", 0, "blocks mined on top of an event's block before the proxy acts on it, so a reorg cannot take back an event it acted on (0 on a dev chain; e.g. 12 on Ethereum mainnet)")
	f.Uint64Var(&o.logRange, "log-range", config.DefaultLogRange, "most blocks one eth_getLogs covers; narrowed further when the chain's provider refuses it (geth --rpc.rangelimit, Infura's 10,000)")
	f.StringVar(&o.ipfsAPI, "ipfs-api", "", "kubo RPC API to fetch kfrag bundles from, as a multiaddr or http:// URL")
	f.StringVar(&o.ipfsAuth, "ipfs-auth", "", "secret for the kubo RPC API as written in its API.Authorizations (bearer:<token> or basic:<user>:<password>)")
	f.StringVar(&o.ipfsRepo, "ipfs-repo", "", "run an embedded IPFS node on this repository instead of --ipfs-api")
	f.StringVar(&o.listen, "listen", "127.0.0.1:0", "host:port to serve the HTTP API on (port 0: any free port; the bound address is printed)")
	f.StringVar(&o.endpoint, "endpoint", "", "public URL registered on chain (default http://<bound address>)")
	f.DurationVar(&o.poll, "poll", 500*time.Millisecond, "how often to poll the chain for new Registry events")
	f.StringVar(&o.accountKeyFile, "account-key-file", "", "the proxy's Ethereum account key (hex) instead of <dir>/proxy.key")
	f.DurationVar(&o.hpkeRotate, "hpke-rotate", proxy.DefaultHPKERotate, "how often to move to a new HPKE key (registered on chain; the previous one is destroyed one period later); 0: never")
	cmd.AddCommand(a.proxyRotateKeyCmd())
	return cmd
}

// keyRotated is what `pdx proxy rotate-key` prints.
type keyRotated struct {
	Address string           `json:"address"`
	Epoch   uint64           `json:"epoch"` // the new current epoch
	Epochs  []proxy.KeyEpoch `json:"epochs"`
}

// FormatText prints the new epoch and the key files left.
func (r keyRotated) FormatText(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "proxy %s now seals to HPKE epoch %d (registered on chain)\n", r.Address, r.Epoch); err != nil {
		return err
	}
	for _, e := range r.Epochs {
		state := "current"
		if e.Epoch != r.Epoch {
			state = "previous, kept for its grace period"
		}
		if _, err := fmt.Fprintf(w, "  epoch %d  %s  %s\n", e.Epoch, e.Path, state); err != nil {
			return err
		}
	}
	return nil
}

func (a *app) proxyRotateKeyCmd() *cobra.Command {
	var o proxyOptions
	cmd := &cobra.Command{
		Use:   "rotate-key",
		Short: "Move a stopped proxy to a new HPKE key now, register it, and destroy keys older than the previous one",
		Long: `rotate-key moves a proxy to a new HPKE key at once, as its schedule
(--hpke-rotate) would: it writes the new key under <dir>/hpke/, registers it
on chain with the proxy's registered endpoint, and destroys every key older
than the previous one. The previous key is kept for one rotation period, so
bundles sealed to it just before still open; running rotate-key twice
destroys it too (what to do when a key file may have been copied).

The proxy must be stopped: its directory is locked while it runs. Flags can
be set from PDX_PROXY_ variables, as for pdx proxy.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			if err := applyEnvPrefix(cmd.LocalNonPersistentFlags(), a.environ, proxyEnvPrefix); err != nil {
				return err
			}
			return a.runProxyRotateKey(cmd.Context(), o)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.dir, "dir", "", "the proxy's state directory (required)")
	f.StringVar(&o.rpc, "rpc", "", "Ethereum JSON-RPC URL of the chain holding the Registry (required)")
	f.StringVar(&o.registry, "registry", "", "the Registry's address, 0x… (required)")
	f.StringVar(&o.accountKeyFile, "account-key-file", "", "the proxy's Ethereum account key (hex) instead of <dir>/proxy.key")
	return cmd
}

// noBundles is the bundle source of a proxy opened only to rotate its key.
type noBundles struct{}

func (noBundles) Bundle(context.Context, common.Hash) ([]byte, error) {
	return nil, errors.New("this proxy is open only to rotate its key")
}

func (a *app) runProxyRotateKey(ctx context.Context, o proxyOptions) error {
	switch {
	case o.dir == "":
		return cli.Usagef("--dir is required: the proxy's state directory")
	case o.rpc == "":
		return cli.Usagef("--rpc is required: the chain's JSON-RPC URL, e.g. http://127.0.0.1:8545")
	case !common.IsHexAddress(o.registry):
		return cli.Usagef("--registry %q is not an Ethereum address (0x and 40 hex digits)", o.registry)
	}
	if o.accountKeyFile == "" {
		// A directory without its account key is not a proxy's: rotating
		// there would only make keys nobody uses.
		if _, err := os.Stat(filepath.Join(o.dir, proxy.AccountKeyFile)); err != nil {
			return cli.Mark(fmt.Errorf("%s holds no %s: is it a proxy's state directory? (%w)", o.dir, proxy.AccountKeyFile, err), cli.ErrNotFound)
		}
	}
	lock, err := home.LockDir(o.dir)
	if err != nil {
		var le *home.LockedError
		if errors.As(err, &le) {
			return fmt.Errorf("%w: process %d runs a proxy on %s; stop it, rotate its key, and start it again", home.ErrLocked, le.PID, o.dir)
		}
		return err
	}
	defer lock.Release()
	account, err := loadOrCreateAccountKey(o)
	if err != nil {
		return err
	}
	registry := common.HexToAddress(o.registry)
	ec, chainID, client, err := dialRegistry(ctx, o.rpc, registry, account, o.logRange)
	if err != nil {
		return err
	}
	defer ec.Close()
	p, err := proxy.New(proxy.Config{
		Dir: o.dir, Account: account,
		Domain: proxyapi.Domain{ChainID: chainID, Registry: registry},
		Chain:  proxy.RegistryChain{C: client}, Bundles: noBundles{},
	})
	if errors.Is(err, proxy.ErrKeyFile) {
		return cli.Mark(err, cli.ErrDamaged)
	}
	if err != nil {
		return err
	}
	reg, err := client.ProxyOf(ctx, p.Address())
	if errors.Is(err, acl.ErrUnknownProxy) {
		return cli.Mark(fmt.Errorf("proxy %s is not registered on chain: start it once (pdx proxy) before rotating its key", p.Address().Hex()), cli.ErrNotFound)
	}
	if err != nil {
		return cli.Mark(fmt.Errorf("reading the proxy's registration: %w", err), cli.ErrUnavailable)
	}
	if err := p.Register(ctx, client, reg.Endpoint); err != nil {
		return rotateErr(p, err)
	}
	e, err := p.RotateHPKEKey(ctx)
	if err != nil {
		return rotateErr(p, err)
	}
	epochs, err := p.KeyEpochs()
	if err != nil {
		return err
	}
	return a.out.Result(keyRotated{Address: p.Address().Hex(), Epoch: e.Epoch, Epochs: epochs})
}

func rotateErr(p *proxy.Proxy, err error) error {
	if strings.Contains(err.Error(), "insufficient funds") {
		return cli.Mark(fmt.Errorf("the proxy's account %s cannot pay for registering its new key: send it some ether and run rotate-key again (%v)", p.Address().Hex(), err), cli.ErrRefused)
	}
	return cli.Mark(fmt.Errorf("rotating the proxy's HPKE key: %w", err), cli.ErrUnavailable)
}

func lookupEnv(environ []string, name string) string {
	v := ""
	for _, kv := range environ {
		if val, ok := strings.CutPrefix(kv, name+"="); ok {
			v = val // the last definition wins, as in the process environment
		}
	}
	return v
}

func (o *proxyOptions) check() error {
	switch {
	case o.dir == "":
		return cli.Usagef("--dir is required: the proxy's state directory")
	case o.rpc == "":
		return cli.Usagef("--rpc is required: the chain's JSON-RPC URL, e.g. http://127.0.0.1:8545")
	case o.registry == "":
		return cli.Usagef("--registry is required: the Registry's address")
	case !common.IsHexAddress(o.registry):
		return cli.Usagef("--registry %q is not an Ethereum address (0x and 40 hex digits)", o.registry)
	case o.ipfsAPI == "" && o.ipfsRepo == "":
		return cli.Usagef("give --ipfs-api (a kubo daemon's RPC API) or --ipfs-repo (an embedded node's repository): the proxy fetches kfrag bundles from IPFS")
	case o.ipfsAPI != "" && o.ipfsRepo != "":
		return cli.Usagef("--ipfs-api and --ipfs-repo exclude each other")
	case o.poll <= 0:
		return cli.Usagef("--poll must be positive, e.g. 500ms")
	case o.hpkeRotate < 0:
		return cli.Usagef("--hpke-rotate must be 0 (never) or positive, e.g. 168h")
	case o.confirmations > config.MaxConfirmations:
		return cli.Usagef("--confirmations %d: must be from 0 to %d blocks (12 is usual on Ethereum mainnet)", o.confirmations, config.MaxConfirmations)
	case o.logRange < 1 || o.logRange > config.MaxLogRange:
		return cli.Usagef("--log-range %d: must be from 1 to %d blocks (5000 suits most providers)", o.logRange, config.MaxLogRange)
	}
	return nil
}

func (a *app) runProxy(ctx context.Context, o proxyOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	registry := common.HexToAddress(o.registry)
	if err := os.MkdirAll(o.dir, 0o700); err != nil {
		return fmt.Errorf("creating the proxy's state directory: %w", err)
	}
	lock, err := home.LockDir(o.dir)
	if err != nil {
		var le *home.LockedError
		if errors.As(err, &le) {
			return fmt.Errorf("%w: process %d runs a proxy on %s already; stop it, or give this one another --dir", home.ErrLocked, le.PID, o.dir)
		}
		return err
	}
	defer lock.Release()

	account, err := loadOrCreateAccountKey(o)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(a.stderr, nil))
	if a.jsonFlag {
		logger = slog.New(slog.NewJSONHandler(a.stderr, nil))
	}

	ec, chainID, client, err := dialRegistry(ctx, o.rpc, registry, account, o.logRange)
	if err != nil {
		return err
	}
	defer ec.Close()

	store, err := openProxyStore(ctx, o)
	if err != nil {
		return err
	}
	defer store.Close()

	rotate := o.hpkeRotate
	if rotate == 0 {
		rotate = -1 // the flag's 0 is "never"; the Config's is "default"
	}
	r, err := proxy.Run(ctx, proxy.RunConfig{
		Config: proxy.Config{
			Dir: o.dir, Account: account, HPKERotate: rotate,
			Domain:  proxyapi.Domain{ChainID: chainID, Registry: registry},
			Bundles: envstore.Bundles{S: store},
			Logger:  logger,
		},
		Client: client, Listen: o.listen, Endpoint: o.endpoint,
		Cursor:    &acl.FileCursor{Path: filepath.Join(o.dir, proxy.CursorFile), Registry: registry},
		FromBlock: o.fromBlock, Confirmations: o.confirmations, Poll: o.poll,
	})
	if err != nil {
		return proxy.MarkKind(err)
	}
	defer r.Close()

	logger.Info("proxy started", "address", r.Proxy.Address().Hex(), "endpoint", r.Endpoint,
		"block", r.Head, "follow_from", r.FollowFrom, "resumed", r.Resumed)
	if err := a.out.Result(proxyStarted{
		Address: r.Proxy.Address().Hex(), Listen: r.Addr.String(), Endpoint: r.Endpoint,
		Registry: registry.Hex(), ChainID: chainID.Uint64(), Block: r.Head,
		FollowFrom: r.FollowFrom, Resumed: r.Resumed, Registered: r.Registered,
	}); err != nil {
		return err
	}
	if err := r.Wait(); err != nil {
		return err
	}
	logger.Info("proxy stopped; its state is saved", "dir", o.dir)
	return cli.Stopped("proxy stopped by a signal; its state in %s is saved", o.dir)
}

// loadOrCreateAccountKey reads --account-key-file, or <dir>/proxy.key,
// creating the latter (0600) on first start.
func loadOrCreateAccountKey(o proxyOptions) (*ecdsa.PrivateKey, error) {
	if o.accountKeyFile != "" {
		return loadKeyFile("--account-key-file", o.accountKeyFile)
	}
	k, err := proxy.AccountKey(o.dir)
	if errors.Is(err, proxy.ErrKeyFile) {
		return nil, cli.Mark(err, cli.ErrDamaged)
	}
	return k, err
}

func openProxyStore(ctx context.Context, o proxyOptions) (storage.Store, error) {
	if o.ipfsRepo != "" {
		s, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: o.ipfsRepo})
		if err != nil {
			return nil, fmt.Errorf("opening the IPFS repository %s: %w", o.ipfsRepo, err)
		}
		return s, nil
	}
	s, err := storage.OpenRemote(ctx, storage.RemoteConfig{API: o.ipfsAPI, AuthSecret: o.ipfsAuth})
	if err != nil {
		return nil, cli.Mark(fmt.Errorf("connecting to the IPFS RPC API %s: %w", o.ipfsAPI, err), cli.ErrUnavailable)
	}
	return s, nil
}

// dialRegistry connects to the chain at rpc, reads its id and opens the
// Registry client of account there; every failure is marked with the exit
// code it takes (unavailable, or not found for an address with no code).
// logRange bounds its eth_getLogs (0: acl.DefaultLogRange).
func dialRegistry(ctx context.Context, rpc string, registry common.Address, account *ecdsa.PrivateKey, logRange uint64) (*ethclient.Client, *big.Int, *acl.Client, error) {
	ec, err := ethclient.DialContext(ctx, rpc)
	if err != nil {
		return nil, nil, nil, cli.Mark(fmt.Errorf("connecting to the chain at %s: %w", rpc, err), cli.ErrUnavailable)
	}
	chainID, err := ec.ChainID(ctx)
	if err != nil {
		ec.Close()
		return nil, nil, nil, cli.Mark(fmt.Errorf("the chain at %s does not answer: %w", rpc, err), cli.ErrUnavailable)
	}
	client, err := acl.New(ctx, ec, registry, account, &acl.Options{LogRange: logRange})
	if err != nil {
		ec.Close()
		if errors.Is(err, bind.ErrNoCode) {
			return nil, nil, nil, cli.Mark(fmt.Errorf("%w (chain id %s at %s)", err, chainID, rpc), cli.ErrNotFound)
		}
		return nil, nil, nil, cli.Mark(err, cli.ErrUnavailable)
	}
	return ec, chainID, client, nil
}
