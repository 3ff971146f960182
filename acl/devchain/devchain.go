// Package devchain runs pdx's default chain: a persistent, single-node
// go-ethereum chain inside the pdx process. Blocks are made by go-ethereum's
// simulated beacon with period 0, so a block is sealed as soon as a
// transaction arrives; nothing listens on the network. The chain's data lives
// under a directory of the caller's choosing (the chain dir of the pdx home),
// and on first start the Registry is deployed and local accounts are created
// and funded; all of it survives a restart.
package devchain

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/rawdb"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/attest"
)

// ChainID is the dev chain's chain id (go-ethereum's dev-mode id).
const ChainID = 1337

// Config says where the chain lives and how it is set up on first start.
// Only Dir and HTTP matter on later starts; the rest is fixed at creation.
type Config struct {
	// Dir holds the chain database and devchain.json (required).
	Dir string
	// HTTP, when set, also serves the chain's JSON-RPC (eth, net, web3) over
	// HTTP at this loopback host:port ("127.0.0.1:0" picks a free port), so
	// other processes on the machine (proxies, a wallet) can use the chain.
	// Empty, the default, opens no socket: the chain is reachable only
	// in-process. It is checked on every start, not fixed at creation.
	HTTP string
	// HTTPLAN also accepts a private or link-local IP address in HTTP, so
	// that machines on the owner's LAN can use the chain. Only a caller
	// acting on an explicit setting (the daemon's chain.rpc_listen) sets
	// it: the endpoint has no authentication. Every interface and public
	// addresses stay refused.
	HTTPLAN bool
	// Accounts is how many local accounts are created and funded on first
	// start (default 3). The first deploys the Registry.
	Accounts int
	// Fund are further addresses funded at genesis (for example the owner's
	// keystore account).
	Fund []common.Address
	// Balance is each funded account's balance in wei (default 1000 ether).
	Balance *big.Int
	// GrantWindow is the deployed Registry's grant window (default 24h).
	GrantWindow time.Duration
}

// databaseCache is the chain database's cache in MiB: go-ethereum's minimum,
// which makes pebble's memtables, and so each preallocated write-ahead log,
// about 2 MiB.
const databaseCache = 16

// state is devchain.json: what was decided on first start.
type state struct {
	Version     int              `json:"version"`
	Keys        []string         `json:"keys"` // hex secp256k1 private keys of the local accounts
	Fund        []common.Address `json:"fund"`
	Balance     string           `json:"balance"` // decimal wei
	GrantWindow uint64           `json:"grantWindowSeconds"`
	Registry    *common.Address  `json:"registry,omitempty"`
	DeployBlock uint64           `json:"deployBlock,omitempty"`
	// EAS is the Ethereum Attestation Service deployed after the Registry
	// (absent in chains made before pdx shipped it: deployed on their next
	// start).
	EAS *attest.Deployment `json:"eas,omitempty"`
	// StateScheme is how the chain keeps its state: "hash" for chains
	// created by this pdx (every block's state written as it is sealed,
	// so a killed process loses nothing); empty for older chains, which
	// keep go-ethereum's default (path) scheme they were created with.
	StateScheme string `json:"stateScheme,omitempty"`
}

const stateFile = "devchain.json"

// ErrState: devchain.json is unreadable or inconsistent.
var ErrState = errors.New("devchain: bad state file")

// ErrHTTPAddress: Config.HTTP is not a loopback host:port.
var ErrHTTPAddress = errors.New("devchain: bad HTTP address")

// httpAddress splits Config.HTTP. Only loopback is accepted (and, with
// lan, a private or link-local IP): the endpoint has no authentication,
// and anyone who can reach it can read the chain and submit transactions.
func httpAddress(addr string, lan bool) (string, int, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", 0, fmt.Errorf("%w: %q is not host:port (e.g. 127.0.0.1:0): %v", ErrHTTPAddress, addr, err)
	}
	ip := net.ParseIP(host)
	switch {
	case host == "localhost" || (ip != nil && ip.IsLoopback()):
	case lan && ip != nil && (ip.IsPrivate() || ip.IsLinkLocalUnicast()):
	case lan:
		return "", 0, fmt.Errorf("%w: %q is neither a loopback nor a private LAN IP address; the dev chain's JSON-RPC has no authentication and is never served on every interface or a public address", ErrHTTPAddress, host)
	default:
		return "", 0, fmt.Errorf("%w: %q is not a loopback address; the dev chain's JSON-RPC is served on 127.0.0.1 or ::1 only", ErrHTTPAddress, host)
	}
	n, err := net.LookupPort("tcp", port)
	if err != nil {
		return "", 0, fmt.Errorf("%w: port %q: %v", ErrHTTPAddress, port, err)
	}
	return host, n, nil
}

// Chain is a running dev chain.
type Chain struct {
	dir    string
	stack  *node.Node
	eth    *eth.Ethereum
	seal   *sealer
	client *ethclient.Client
	keys   []*ecdsa.PrivateKey
	st     state
	http   string // the JSON-RPC URL, when Config.HTTP was set
}

// ChainConfig is the dev chain's rule set: every fork up to Osaka, the one
// Ethereum mainnet runs in go-ethereum v1.17.10, and none of the draft forks
// after it, so contracts behave and cost as on mainnet.
func ChainConfig() *params.ChainConfig {
	c := *params.AllDevChainProtocolChanges
	c.ChainID = big.NewInt(ChainID)
	c.BogotaTime = nil
	c.UBTTime = nil
	return &c
}

func (s *state) genesis() (*core.Genesis, error) {
	bal, ok := new(big.Int).SetString(s.Balance, 10)
	if !ok || bal.Sign() < 0 {
		return nil, fmt.Errorf("%w: balance %q", ErrState, s.Balance)
	}
	alloc := core.SystemContractAllocs()
	for _, k := range s.Keys {
		key, err := crypto.HexToECDSA(k)
		if err != nil {
			return nil, fmt.Errorf("%w: account key: %v", ErrState, err)
		}
		alloc[crypto.PubkeyToAddress(key.PublicKey)] = types.Account{Balance: bal}
	}
	for _, a := range s.Fund {
		alloc[a] = types.Account{Balance: bal}
	}
	return &core.Genesis{
		Config:     ChainConfig(),
		GasLimit:   ethconfig.Defaults.Miner.GasCeil,
		BaseFee:    big.NewInt(params.InitialBaseFee),
		Difficulty: big.NewInt(0),
		Alloc:      alloc,
	}, nil
}

func loadState(path string) (*state, bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("devchain: %w", err)
	}
	var s state
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, false, fmt.Errorf("%w: %s: %v", ErrState, path, err)
	}
	if s.Version != 1 {
		return nil, false, fmt.Errorf("%w: %s has version %d, this pdx reads version 1", ErrState, path, s.Version)
	}
	if len(s.Keys) == 0 {
		return nil, false, fmt.Errorf("%w: %s lists no accounts", ErrState, path)
	}
	return &s, true, nil
}

func saveState(path string, s *state) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	// The file holds the local accounts' private keys: owner-only.
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("devchain: writing state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("devchain: writing state: %w", err)
	}
	return nil
}

// Open starts the chain in cfg.Dir, creating it (accounts, genesis, Registry)
// on first start.
func Open(ctx context.Context, cfg Config) (*Chain, error) {
	if cfg.Dir == "" {
		return nil, errors.New("devchain: Config.Dir is required")
	}
	if cfg.HTTP != "" {
		if _, _, err := httpAddress(cfg.HTTP, cfg.HTTPLAN); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("devchain: %w", err)
	}
	path := filepath.Join(cfg.Dir, stateFile)
	st, found, err := loadState(path)
	if err != nil {
		return nil, err
	}
	if !found {
		if st, err = newState(cfg); err != nil {
			return nil, err
		}
		// Keys first: the genesis is derived from them, so they must be on
		// disk before any block is.
		if err := saveState(path, st); err != nil {
			return nil, err
		}
	}
	c, err := start(cfg.Dir, cfg.HTTP, cfg.HTTPLAN, st)
	if err != nil {
		return nil, err
	}
	if st.Registry == nil {
		if err := c.deploy(ctx, path); err != nil {
			c.Close()
			return nil, err
		}
		return c, nil
	}
	code, err := c.client.CodeAt(ctx, *st.Registry, nil)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("devchain: %w", err)
	}
	if len(code) == 0 {
		c.Close()
		return nil, fmt.Errorf("%w: %s names Registry %s, but the chain in %s has no code there (was the chain data removed?); remove %s to start a new chain",
			ErrState, path, st.Registry.Hex(), filepath.Join(cfg.Dir, "geth"), path)
	}
	if c.st.EAS == nil {
		if err := c.deployEAS(ctx, path); err != nil {
			c.Close()
			return nil, err
		}
	}
	return c, nil
}

func newState(cfg Config) (*state, error) {
	n := cfg.Accounts
	if n <= 0 {
		n = 3
	}
	bal := cfg.Balance
	if bal == nil {
		bal = new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
	}
	window := cfg.GrantWindow
	if window == 0 {
		window = 24 * time.Hour
	}
	if window < time.Second {
		return nil, fmt.Errorf("devchain: grant window %v, want at least one second", window)
	}
	st := &state{Version: 1, Fund: cfg.Fund, Balance: bal.String(), GrantWindow: uint64(window / time.Second), StateScheme: rawdb.HashScheme}
	for range n {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, fmt.Errorf("devchain: generating an account: %w", err)
		}
		st.Keys = append(st.Keys, hex.EncodeToString(crypto.FromECDSA(k)))
	}
	return st, nil
}

func start(dir, httpAddr string, lan bool, st *state) (*Chain, error) {
	gen, err := st.genesis()
	if err != nil {
		return nil, err
	}
	keys := make([]*ecdsa.PrivateKey, len(st.Keys))
	for i, k := range st.Keys {
		if keys[i], err = crypto.HexToECDSA(k); err != nil {
			return nil, fmt.Errorf("%w: account key %d: %v", ErrState, i, err)
		}
	}
	nc := node.DefaultConfig
	nc.Name = "pdx-devchain"
	nc.DataDir = filepath.Join(dir, "geth")
	nc.IPCPath = ""
	nc.HTTPHost, nc.WSHost, nc.AuthPort = "", "", 0
	if httpAddr != "" {
		host, port, err := httpAddress(httpAddr, lan)
		if err != nil {
			return nil, err
		}
		nc.HTTPHost, nc.HTTPPort = host, port
		nc.HTTPModules = []string{"eth", "net", "web3"}
		// A request must name localhost or an IP address in its Host
		// header (go-ethereum always lets an IP through): a web page
		// whose name was rebound to this address sends its own name and
		// is refused. No CORS headers, so no page reads the answers.
		nc.HTTPVirtualHosts = []string{"localhost"}
		nc.HTTPCors = nil
	}
	nc.P2P = p2p.Config{NoDiscovery: true, MaxPeers: 0, ListenAddr: ""}
	stack, err := node.New(&nc)
	if err != nil {
		return nil, fmt.Errorf("devchain: %w", err)
	}
	ec := ethconfig.Defaults
	ec.NetworkId = ChainID
	ec.Genesis = gen
	ec.SyncMode = ethconfig.FullSync
	// go-ethereum sizes its database for mainnet: a 2 GiB cache gives pebble
	// four 256 MiB memtables, and pebble preallocates every write-ahead log
	// to 110% of a memtable and keeps a few for reuse, so a fresh dev chain
	// took 845 MiB and one after a few transactions 1.7 GB, almost all of it
	// empty preallocated logs. A dev chain holds kilobytes per block; the
	// smallest cache go-ethereum allows keeps its directory proportional to
	// that (see TestDiskBounded).
	ec.DatabaseCache = databaseCache
	// go-ethereum's default path scheme keeps the state of the last 128
	// blocks in memory and journals it only on a clean stop: a daemon
	// killed with SIGKILL (or a power cut) came back with its chain rewound
	// to before the Registry was deployed. The hash scheme in archive mode
	// writes each block's state as the block is sealed; a dev chain's state
	// is small, so keeping all of it costs little.
	if st.StateScheme == rawdb.HashScheme {
		ec.StateScheme, ec.NoPruning = rawdb.HashScheme, true
	}
	backend, err := eth.New(stack, &ec)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("devchain: starting the chain in %s: %w", dir, err)
	}
	fs := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}})
	// Fees go to the zero address: no local account's balance moves except
	// by its own transactions.
	beacon, err := catalyst.NewSimulatedBeacon(0, common.Address{}, backend)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("devchain: %w", err)
	}
	// The sealer subscribes to the pool before the node starts, so no
	// transaction can arrive unseen (go-ethereum's own on-demand loop
	// subscribes from a goroutine, and a transaction sent in that gap waited
	// for the next one).
	seal := startSealer(backend, beacon)
	if err := stack.Start(); err != nil {
		seal.stop()
		stack.Close()
		return nil, fmt.Errorf("devchain: %w", err)
	}
	c := &Chain{dir: dir, stack: stack, eth: backend, seal: seal, client: ethclient.NewClient(stack.Attach()), keys: keys, st: *st}
	if httpAddr != "" {
		c.http = stack.HTTPEndpoint()
	}
	return c, nil
}

func (c *Chain) deploy(ctx context.Context, path string) error {
	cl, rc, err := acl.Deploy(ctx, c.client, c.keys[0], time.Duration(c.st.GrantWindow)*time.Second, nil)
	if err != nil {
		return fmt.Errorf("devchain: %w", err)
	}
	addr := cl.Address()
	c.st.Registry = &addr
	c.st.DeployBlock = rc.BlockNumber.Uint64()
	if err := saveState(path, &c.st); err != nil {
		return err
	}
	return c.deployEAS(ctx, path)
}

// deployEAS deploys EAS and registers pdx's attestation schema, from the
// account that deployed the Registry.
func (c *Chain) deployEAS(ctx context.Context, path string) error {
	d, err := attest.Deploy(ctx, c.client, c.keys[0])
	if err != nil {
		return fmt.Errorf("devchain: %w", err)
	}
	c.st.EAS = &d
	return saveState(path, &c.st)
}

// Attestation is where EAS lives on the chain and pdx's schema UID there.
func (c *Chain) Attestation() attest.Deployment { return *c.st.EAS }

// Client is an in-process JSON-RPC client of the chain; it satisfies
// acl.Backend.
func (c *Chain) Client() *ethclient.Client { return c.client }

// Registry is the address of the Registry deployed on first start.
func (c *Chain) Registry() common.Address { return *c.st.Registry }

// DeployBlock is the block the Registry was deployed in (where an event
// follower starts).
func (c *Chain) DeployBlock() uint64 { return c.st.DeployBlock }

// Accounts are the local accounts' keys; the first deployed the Registry.
func (c *Chain) Accounts() []*ecdsa.PrivateKey { return c.keys }

// HTTPEndpoint is the chain's JSON-RPC URL (http://127.0.0.1:port) when
// Config.HTTP was set, with the port actually bound; empty otherwise.
func (c *Chain) HTTPEndpoint() string { return c.http }

// Close stops the chain, writing its state to disk.
func (c *Chain) Close() error {
	c.client.Close()
	c.seal.stop()
	return c.stack.Close()
}
