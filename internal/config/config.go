// Package config is the pdx configuration: the config.toml file in the pdx
// home, its documented defaults (docs/config.md) and the PDX_<SECTION>_<KEY>
// environment overrides that services use instead of editing the file.
//
// A value comes from, in order: the default, the file, the environment. A key
// the program does not know is an error (naming the key and its line), never
// silently ignored, because a misspelt key would otherwise leave a default —
// say, the embedded dev chain — in force without the owner noticing.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// FileName is the config file's name inside the pdx home.
const FileName = "config.toml"

// Modes and formats accepted by the config.
const (
	ChainEmbedded  = "embedded"
	ChainRPC       = "rpc"
	IPFSEmbedded   = "embedded"
	IPFSRemote     = "remote"
	ProxiesLocal   = "local"
	ProxiesRemote  = "remote"
	LogFormatText  = "text"
	LogFormatJSON  = "json"
	AnyPurpose     = "*"
	LocalProxies   = 3 // proxies run in-process in "local" mode
	MaxProxyShares = 255
	// MaxConfirmations bounds chain.confirmations (and a proxy's
	// --confirmations): a thousand blocks is over three hours on Ethereum
	// and far past finality on any chain pdx targets, so a larger number is
	// a mistake (a time or a block number typed for a count) that would
	// leave grants and revokes unseen for as long.
	MaxConfirmations = 1000
	// DefaultLogRange and MaxLogRange bound chain.log_range (and a proxy's
	// --log-range). The default is half the 10,000 blocks common providers
	// serve (acl.DefaultLogRange, which the acl layer owns; this package
	// may not import it). Beyond a million blocks one eth_getLogs is a scan
	// no provider answers in time.
	DefaultLogRange = 5_000
	MaxLogRange     = 1_000_000
)

// Errors a caller can test with errors.Is.
var (
	// ErrUnknownKey: the file or the environment names a key pdx does not have.
	ErrUnknownKey = errors.New("unknown config key")
	// ErrSyntax: the file is not valid TOML, or a value has the wrong type.
	ErrSyntax = errors.New("config syntax error")
	// ErrInvalid: a value is well-formed TOML but not acceptable.
	ErrInvalid = errors.New("invalid config value")
	// ErrNoFile: there is no config file where one was expected.
	ErrNoFile = errors.New("config file not found")
)

// Config is the whole pdx configuration. Every key has a default, listed
// with its meaning in docs/config.md; a test keeps the two in step.
type Config struct {
	API     API     `toml:"api" comment:"The daemon's HTTP API."`
	Chain   Chain   `toml:"chain" comment:"The Ethereum chain holding the Registry."`
	IPFS    IPFS    `toml:"ipfs" comment:"Where ciphertext is stored."`
	Proxies Proxies `toml:"proxies" comment:"The re-encryption proxies that carry out grants."`
	Market  Market  `toml:"market" comment:"When the daemon grants a purchase automatically."`
	Log     Log     `toml:"log" comment:"The daemon's structured logs."`
}

// API configures the daemon's HTTP API.
type API struct {
	Listen    string `toml:"listen" comment:"host:port of the HTTP API; keep it on loopback unless a proxy in front adds TLS"`
	TokenFile string `toml:"token_file" comment:"bearer token file, relative to the pdx home"`
}

// Chain selects the chain and the Registry contract.
type Chain struct {
	Mode            string `toml:"mode" comment:"\"embedded\" (in-process dev chain under the home) or \"rpc\""`
	RPCURL          string `toml:"rpc_url" comment:"JSON-RPC endpoint (http, https, ws, wss) when mode = \"rpc\""`
	RegistryAddress string `toml:"registry_address" comment:"deployed Registry (0x…) when mode = \"rpc\"; the embedded chain deploys its own"`
	ChainID         uint64 `toml:"chain_id" comment:"expected chain id; 0 = take it from the chain"`
	// RegistryBlock is where the daemon's log queries and followers start
	// on an rpc chain: scanning from genesis on a long chain is slow.
	RegistryBlock uint64 `toml:"registry_block" comment:"block the Registry was deployed in (pdx contracts deploy prints it); log scans start there. 0 = from genesis"`
	// EAS, EASSchemaRegistry and AttestationSchema locate the Ethereum
	// Attestation Service on an rpc chain (pdx contracts deploy prints
	// them): sources attest through it and gets verify against it. Empty on
	// an rpc chain: attestations are off (shown as such, never as valid).
	EAS               string `toml:"eas_address" comment:"deployed EAS (0x…) when mode = \"rpc\"; \"\" = no attestations; the embedded chain deploys its own"`
	EASSchemaRegistry string `toml:"eas_schema_registry" comment:"EAS's SchemaRegistry (0x…) when mode = \"rpc\""`
	AttestationSchema string `toml:"attestation_schema" comment:"UID (0x + 64 hex digits) of pdx's attestation schema on that EAS (pdx contracts deploy prints it)"`
	DataDir           string `toml:"data_dir" comment:"embedded chain's data, relative to the pdx home"`
	// RPCListen is where the embedded chain serves its JSON-RPC, so that
	// other homes (a brand's, via pdx init --join) can use the same chain.
	// The endpoint has no authentication: loopback unless the owner widens
	// it to a LAN address on purpose.
	RPCListen string `toml:"rpc_listen" comment:"host:port where the embedded chain serves JSON-RPC for joining homes; port 0 = chosen on first start and kept; a LAN IP opens it to that network (no authentication!); \"\" = not served"`
	// Confirmations is how many blocks must be mined on top of an event's
	// block before the daemon's followers (market agent, local proxies)
	// act on it: on a chain that reorganizes, an event in a newer block can
	// vanish, and a purchase granted or a grant carried out for it cannot
	// be taken back.
	Confirmations uint64 `toml:"confirmations" comment:"blocks mined on top of an event's block before the daemon acts on it; 0 on the embedded chain, e.g. 12 on Ethereum mainnet"`
	// LogRange bounds every eth_getLogs the daemon and its proxies send:
	// providers refuse wide ranges, and one that refuses even this narrows
	// it further (acl.DefaultLogRange).
	LogRange uint64 `toml:"log_range" comment:"most blocks one eth_getLogs covers; narrowed further when the chain's provider refuses it"`
	// Timeout bounds a get's wait on the chain, so an unreachable endpoint
	// is reported instead of hanging.
	Timeout Duration `toml:"timeout" comment:"how long a get waits for the chain before reporting it unavailable"`
}

// IPFS selects the storage node.
type IPFS struct {
	Mode        string   `toml:"mode" comment:"\"embedded\" (in-process kubo under the home) or \"remote\" (a kubo daemon's RPC API)"`
	APIURL      string   `toml:"api_url" comment:"kubo RPC API when mode = \"remote\", as a URL or multiaddr"`
	AuthHeader  string   `toml:"auth_header" comment:"Authorization header sent to the remote API, e.g. \"Bearer …\"; empty = none"`
	RepoDir     string   `toml:"repo_dir" comment:"embedded node's repository, relative to the pdx home"`
	ListenAddrs []string `toml:"listen_addrs" comment:"libp2p listen multiaddrs of the embedded node"`
	Bootstrap   []string `toml:"bootstrap" comment:"peers the embedded node dials at start; empty = a private node"`
	// Timeout bounds a get's wait on IPFS before the data streams (the
	// kfrag bundle, the envelope's header).
	Timeout Duration `toml:"timeout" comment:"how long a get waits for IPFS (bundle, header) before reporting it unavailable"`
	// PinningServiceURL and PinningServiceToken name an IPFS Pinning
	// Service API endpoint that keeps a second copy of every pdx pin.
	PinningServiceURL   string `toml:"pinning_service_url" comment:"IPFS Pinning Service API endpoint that replicates every pdx pin (http or https); empty = no replication"`
	PinningServiceToken string `toml:"pinning_service_token" comment:"bearer token of the pinning service; prefer PDX_IPFS_PINNING_SERVICE_TOKEN to keep it out of the file"`
}

// Proxies selects who re-encrypts for grantees and the t-of-n split. The
// proxies a grant uses come from here alone (the local proxies, or
// Addresses): the Registry's proxy list is open to anyone, so it is only a
// directory to find addresses in.
type Proxies struct {
	Mode      string   `toml:"mode" comment:"\"local\" (three in-process proxies: DEV ONLY, one machine is no threshold) or \"remote\""`
	Addresses []string `toml:"addresses" comment:"when mode = \"remote\": the registered proxies this owner trusts with kfrags, in order of preference; grants use the first shares of them that are usable, never another proxy on chain"`
	Threshold int      `toml:"threshold" comment:"proxies needed to re-encrypt (t)"`
	Shares    int      `toml:"shares" comment:"kfrags made per grant, one per proxy (n)"`
	// AllowPrivate lets proxy endpoints read from the chain be on loopback
	// or private networks. Anyone can register a proxy, so off a dev
	// network such an endpoint is a stranger aiming this node at its own
	// services; the embedded chain allows them whatever this says.
	AllowPrivate bool `toml:"allow_private" comment:"dial proxy endpoints on loopback or private networks (a dev network's proxies); the embedded chain always does"`
}

// Market holds the automatic-grant policy: a default and per-dataset
// overrides.
type Market struct {
	Default  Policy                   `toml:"default" comment:"policy for datasets without their own entry"`
	Datasets map[string]DatasetPolicy `toml:"datasets" comment:"per-dataset overrides: [market.datasets.<name>] with any of the keys of [market.default]"`
	// Campaigns is the owner's policy for brands' campaigns
	// (campaigns.go): which ones the daemon's agent joins by itself.
	Campaigns Campaigns `toml:"campaigns" comment:"which brands' campaigns the daemon joins by itself (pdx campaign list shows what it decided and why)"`
}

// Policy decides whether a purchase is granted without asking the owner.
// The contract already enforces the offer's price; the policy is the
// owner's own floor and limits on top of it.
type Policy struct {
	AutoGrant       bool     `toml:"auto_grant" comment:"grant purchases that pass this policy automatically"`
	MinPriceWei     Wei      `toml:"min_price_wei" comment:"lowest price accepted, in wei (decimal string)"`
	AllowedPurposes []string `toml:"allowed_purposes" comment:"purposes accepted; \"*\" = any"`
	MaxDuration     Duration `toml:"max_duration" comment:"longest access period granted (e.g. \"30d\")"`
}

// DatasetPolicy overrides some keys of the default policy for one dataset;
// a key left out inherits the default.
type DatasetPolicy struct {
	AutoGrant       *bool     `toml:"auto_grant,omitempty"`
	MinPriceWei     *Wei      `toml:"min_price_wei,omitempty"`
	AllowedPurposes *[]string `toml:"allowed_purposes,omitempty"`
	MaxDuration     *Duration `toml:"max_duration,omitempty"`
}

// Log configures the daemon's logs.
type Log struct {
	Level  string `toml:"level" comment:"debug, info, warn or error"`
	Format string `toml:"format" comment:"text or json"`
}

// Default returns the configuration used where the file and the environment
// say nothing: everything embedded under the home, API on loopback.
func Default() *Config {
	return &Config{
		API: API{
			Listen:    "127.0.0.1:5180",
			TokenFile: "api.token",
		},
		Chain: Chain{
			Mode:      ChainEmbedded,
			DataDir:   "chain",
			RPCListen: "127.0.0.1:0",
			LogRange:  DefaultLogRange,
			Timeout:   Duration(20 * time.Second),
		},
		IPFS: IPFS{
			Mode:        IPFSEmbedded,
			RepoDir:     "ipfs",
			ListenAddrs: []string{"/ip4/127.0.0.1/tcp/4101"},
			Bootstrap:   []string{},
			Timeout:     Duration(30 * time.Second),
		},
		Proxies: Proxies{
			Mode:      ProxiesLocal,
			Addresses: []string{},
			Threshold: 2,
			Shares:    3,
		},
		Market: Market{
			Default: Policy{
				AutoGrant:       true,
				MinPriceWei:     Wei{},
				AllowedPurposes: []string{AnyPurpose},
				MaxDuration:     Duration(365 * 24 * time.Hour),
			},
			Datasets:  map[string]DatasetPolicy{},
			Campaigns: DefaultCampaigns(),
		},
		Log: Log{
			Level:  "info",
			Format: LogFormatText,
		},
	}
}

// Load reads the configuration: defaults, then the file at path (skipped
// when path is ""), then the PDX_<SECTION>_<KEY> variables of environ (in
// os.Environ form), then validates the result. The environment is passed in
// rather than read here so that tests and the daemon decide what it is.
func Load(path string, environ []string) (*Config, error) {
	c := Default()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%w: %s does not exist; run `pdx init` to create a home, or point --home at an existing one", ErrNoFile, path)
			}
			return nil, fmt.Errorf("reading config %s: %w", path, err)
		}
		if err := c.decode(path, data); err != nil {
			return nil, err
		}
	}
	if err := c.applyEnv(environ); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// Parse is Load for a file already in memory (name is used in errors); it
// applies no environment.
func Parse(name string, data []byte) (*Config, error) {
	c := Default()
	if err := c.decode(name, data); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// FileError places a problem in the config file.
type FileError struct {
	File   string
	Line   int    // 1-based; 0 when not known
	Column int    // 1-based; 0 when not known
	Key    string // dotted key, when known
	Kind   error  // ErrUnknownKey or ErrSyntax
	Reason string
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Kind == ErrUnknownKey {
		fmt.Fprintf(&b, "unknown key %q: remove it or fix its spelling (every key is listed in docs/config.md)", e.Key)
		return b.String()
	}
	b.WriteString(e.Kind.Error())
	if e.Key != "" {
		fmt.Fprintf(&b, " at key %q", e.Key)
	}
	if e.Reason != "" {
		b.WriteString(": ")
		b.WriteString(e.Reason)
	}
	return b.String()
}

func (e *FileError) Unwrap() error { return e.Kind }

func (c *Config) decode(name string, data []byte) error {
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	err := dec.Decode(c)
	if err == nil {
		if c.Market.Datasets == nil {
			c.Market.Datasets = map[string]DatasetPolicy{}
		}
		return nil
	}
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		errs := make([]error, 0, len(strict.Errors))
		for i := range strict.Errors {
			de := &strict.Errors[i]
			line, col := de.Position()
			errs = append(errs, &FileError{File: name, Line: line, Column: col, Key: strings.Join(de.Key(), "."), Kind: ErrUnknownKey})
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		return &FileError{File: name, Line: line, Column: col, Key: strings.Join(de.Key(), "."), Kind: ErrSyntax,
			Reason: strings.TrimPrefix(de.Error(), "toml: ")}
	}
	return &FileError{File: name, Kind: ErrSyntax, Reason: strings.TrimPrefix(err.Error(), "toml: ")}
}

// Encode writes c as TOML with a comment on every key, the form `pdx init`
// puts in a new home.
func Encode(c *Config) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# pdx configuration. Every key, its default and its meaning: docs/config.md.\n")
	buf.WriteString("# Environment variables PDX_<SECTION>_<KEY> override this file (e.g. PDX_LOG_LEVEL=debug).\n\n")
	enc := toml.NewEncoder(&buf).SetIndentTables(false)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("encoding config: %w", err)
	}
	if len(c.Market.Datasets) == 0 {
		buf.WriteString("\n# A dataset's own policy overrides the default key by key, for example:\n")
		buf.WriteString("# [market.datasets.purchases]\n# min_price_wei = \"10000000000000000\"\n# allowed_purposes = [\"research\"]\n# max_duration = \"30d\"\n")
	}
	return buf.Bytes(), nil
}

// Abs resolves p against the pdx home when it is relative, so paths in the
// config follow the home when it moves.
func Abs(home, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(home, p)
}
