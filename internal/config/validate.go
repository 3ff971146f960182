package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/multiformats/go-multiaddr"
)

// ValueError is a value that parses but is not acceptable.
type ValueError struct {
	Key    string
	Value  string
	Reason string
}

func (e *ValueError) Error() string {
	return fmt.Sprintf("config %s = %q: %s", e.Key, e.Value, e.Reason)
}

func (e *ValueError) Unwrap() error { return ErrInvalid }

// Validate checks every value and the keys each mode needs, returning all
// problems at once (joined) so one edit can fix them all.
func (c *Config) Validate() error {
	var errs []error
	bad := func(key, value, format string, args ...any) {
		errs = append(errs, &ValueError{Key: key, Value: value, Reason: fmt.Sprintf(format, args...)})
	}

	if c.Chain.Timeout <= 0 {
		bad("chain.timeout", c.Chain.Timeout.String(), "must be longer than zero, e.g. \"20s\"")
	}
	if c.IPFS.Timeout <= 0 {
		bad("ipfs.timeout", c.IPFS.Timeout.String(), "must be longer than zero, e.g. \"30s\"")
	}

	// [api]
	if host, port, err := net.SplitHostPort(c.API.Listen); err != nil || host == "" {
		bad("api.listen", c.API.Listen, "want host:port, e.g. \"127.0.0.1:5180\"")
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		bad("api.listen", c.API.Listen, "the port must be a number from 0 to 65535")
	}
	if strings.TrimSpace(c.API.TokenFile) == "" {
		bad("api.token_file", c.API.TokenFile, "must name a file (default \"api.token\" in the pdx home)")
	}

	// [chain]
	switch c.Chain.Mode {
	case ChainEmbedded:
		if strings.TrimSpace(c.Chain.DataDir) == "" {
			bad("chain.data_dir", c.Chain.DataDir, "the embedded chain needs a data directory (default \"chain\")")
		}
	case ChainRPC:
		if c.Chain.RPCURL == "" {
			bad("chain.rpc_url", c.Chain.RPCURL, "chain.mode = \"rpc\" needs the endpoint's URL, e.g. \"http://127.0.0.1:8545\"")
		}
		if c.Chain.RegistryAddress == "" {
			bad("chain.registry_address", c.Chain.RegistryAddress, "chain.mode = \"rpc\" needs the deployed Registry's address (0x followed by 40 hex digits)")
		}
	default:
		bad("chain.mode", c.Chain.Mode, "want \"embedded\" or \"rpc\"")
	}
	if c.Chain.RPCURL != "" {
		if u, err := url.Parse(c.Chain.RPCURL); err != nil || u.Host == "" ||
			(u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ws" && u.Scheme != "wss") {
			bad("chain.rpc_url", c.Chain.RPCURL, "want an http, https, ws or wss URL with a host, e.g. \"http://127.0.0.1:8545\"")
		}
	}
	if l := c.Chain.RPCListen; l != "" {
		if reason := checkRPCListen(l); reason != "" {
			bad("chain.rpc_listen", l, "%s", reason)
		}
	}
	if c.Chain.Confirmations > MaxConfirmations {
		bad("chain.confirmations", strconv.FormatUint(c.Chain.Confirmations, 10), "must be from 0 to %d blocks (12 is usual on Ethereum mainnet)", MaxConfirmations)
	}
	if c.Chain.LogRange < 1 || c.Chain.LogRange > MaxLogRange {
		bad("chain.log_range", strconv.FormatUint(c.Chain.LogRange, 10), "must be from 1 to %d blocks (5000 suits most providers)", MaxLogRange)
	}
	if c.Chain.RegistryAddress != "" && !isAddress(c.Chain.RegistryAddress) {
		bad("chain.registry_address", c.Chain.RegistryAddress, "want 0x followed by 40 hex digits")
	}
	if c.Chain.EAS != "" && !isAddress(c.Chain.EAS) {
		bad("chain.eas_address", c.Chain.EAS, "want 0x followed by 40 hex digits")
	}
	if c.Chain.EASSchemaRegistry != "" && !isAddress(c.Chain.EASSchemaRegistry) {
		bad("chain.eas_schema_registry", c.Chain.EASSchemaRegistry, "want 0x followed by 40 hex digits")
	}
	if c.Chain.AttestationSchema != "" && !isHash(c.Chain.AttestationSchema) {
		bad("chain.attestation_schema", c.Chain.AttestationSchema, "want 0x followed by 64 hex digits")
	}
	if (c.Chain.EAS == "") != (c.Chain.EASSchemaRegistry == "") || (c.Chain.EAS == "") != (c.Chain.AttestationSchema == "") {
		bad("chain.eas_address", c.Chain.EAS, "chain.eas_address, chain.eas_schema_registry and chain.attestation_schema go together: set all three (pdx contracts deploy prints them) or none")
	}

	// [ipfs]
	switch c.IPFS.Mode {
	case IPFSEmbedded:
		if strings.TrimSpace(c.IPFS.RepoDir) == "" {
			bad("ipfs.repo_dir", c.IPFS.RepoDir, "the embedded node needs a repository directory (default \"ipfs\")")
		}
	case IPFSRemote:
		if c.IPFS.APIURL == "" {
			bad("ipfs.api_url", c.IPFS.APIURL, "ipfs.mode = \"remote\" needs the kubo RPC API, e.g. \"http://127.0.0.1:5001\" or \"/ip4/127.0.0.1/tcp/5001\"")
		}
	default:
		bad("ipfs.mode", c.IPFS.Mode, "want \"embedded\" or \"remote\"")
	}
	if c.IPFS.APIURL != "" {
		if strings.HasPrefix(c.IPFS.APIURL, "/") {
			if _, err := multiaddr.NewMultiaddr(c.IPFS.APIURL); err != nil {
				bad("ipfs.api_url", c.IPFS.APIURL, "not a valid multiaddr: %v", err)
			}
		} else if u, err := url.Parse(c.IPFS.APIURL); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			bad("ipfs.api_url", c.IPFS.APIURL, "want an http or https URL with a host, or a multiaddr such as \"/ip4/127.0.0.1/tcp/5001\"")
		}
	}
	if strings.ContainsAny(c.IPFS.AuthHeader, "\r\n") {
		bad("ipfs.auth_header", "(hidden)", "must be one line")
	}
	if u := c.IPFS.PinningServiceURL; u != "" {
		if pu, err := url.Parse(u); err != nil || pu.Host == "" || (pu.Scheme != "http" && pu.Scheme != "https") {
			bad("ipfs.pinning_service_url", u, "want an http or https URL with a host, e.g. \"http://127.0.0.1:8800\"")
		}
		if c.IPFS.PinningServiceToken == "" {
			bad("ipfs.pinning_service_token", "", "ipfs.pinning_service_url needs the service's bearer token")
		}
	}
	if strings.ContainsAny(c.IPFS.PinningServiceToken, "\r\n ") {
		bad("ipfs.pinning_service_token", "(hidden)", "must be one word")
	}
	for _, a := range c.IPFS.ListenAddrs {
		if _, err := multiaddr.NewMultiaddr(a); err != nil {
			bad("ipfs.listen_addrs", a, "not a valid multiaddr: %v", err)
		}
	}
	for _, a := range c.IPFS.Bootstrap {
		if _, err := multiaddr.NewMultiaddr(a); err != nil {
			bad("ipfs.bootstrap", a, "not a valid multiaddr: %v", err)
		}
	}

	// [proxies]
	// t of n: a threshold above the shares a grant is split into, or above
	// the proxies there are to hold them, makes grants nobody can ever
	// read; each is said on proxies.threshold, the key that is wrong when
	// the rest describes the proxies there are.
	p := c.Proxies
	t := strconv.Itoa(p.Threshold)
	if p.Threshold < 1 {
		bad("proxies.threshold", t, "must be at least 1")
	}
	if p.Threshold > p.Shares {
		bad("proxies.threshold", t, "must be at most proxies.shares (n = %d): t of n needs t ≤ n", p.Shares)
	}
	if p.Shares < 1 || p.Shares > MaxProxyShares {
		bad("proxies.shares", strconv.Itoa(p.Shares), "must be from proxies.threshold (%d) to %d", p.Threshold, MaxProxyShares)
	}
	switch p.Mode {
	case ProxiesLocal:
		if p.Threshold > LocalProxies {
			bad("proxies.threshold", t, "proxies.mode = \"local\" runs %d proxies, so the threshold is at most %d", LocalProxies, LocalProxies)
		}
		if p.Shares > LocalProxies {
			bad("proxies.shares", strconv.Itoa(p.Shares), "proxies.mode = \"local\" runs %d proxies, so at most %d shares", LocalProxies, LocalProxies)
		}
	case ProxiesRemote:
		if n := distinctAddresses(p.Addresses); p.Threshold > n {
			bad("proxies.threshold", t, "is more than the %d distinct proxies in proxies.addresses", n)
		}
		if len(p.Addresses) < p.Shares {
			bad("proxies.addresses", strings.Join(p.Addresses, ","), "proxies.mode = \"remote\" needs at least proxies.shares (%d) proxy addresses, got %d", p.Shares, len(p.Addresses))
		}
	default:
		bad("proxies.mode", p.Mode, "want \"local\" or \"remote\"")
	}
	seen := map[common.Address]bool{}
	for _, a := range p.Addresses {
		if !isAddress(a) {
			bad("proxies.addresses", a, "want 0x followed by 40 hex digits")
			continue
		}
		if addr := common.HexToAddress(a); seen[addr] {
			bad("proxies.addresses", a, "listed twice: each share must go to a different proxy")
		} else {
			seen[addr] = true
		}
	}

	// [market]
	errs = append(errs, c.Market.Default.validate("market.default")...)
	for name := range c.Market.Datasets {
		prefix := "market.datasets." + name
		if strings.TrimSpace(name) == "" {
			bad("market.datasets", name, "a dataset name must not be empty")
		}
		errs = append(errs, c.Market.PolicyFor(name).validate(prefix)...)
	}
	errs = append(errs, c.Market.Campaigns.validate()...)

	// [log]
	if _, err := parseLevel(c.Log.Level); err != nil {
		bad("log.level", c.Log.Level, "want debug, info, warn or error")
	}
	if c.Log.Format != LogFormatText && c.Log.Format != LogFormatJSON {
		bad("log.format", c.Log.Format, "want \"text\" or \"json\"")
	}
	return errors.Join(errs...)
}

func (p Policy) validate(prefix string) []error {
	var errs []error
	for _, purpose := range p.AllowedPurposes {
		if strings.TrimSpace(purpose) == "" {
			errs = append(errs, &ValueError{Key: prefix + ".allowed_purposes", Value: purpose, Reason: "a purpose must not be empty; use \"*\" to accept any"})
		}
	}
	if p.MaxDuration <= 0 {
		errs = append(errs, &ValueError{Key: prefix + ".max_duration", Value: p.MaxDuration.String(), Reason: "must be longer than zero, e.g. \"30d\""})
	}
	return errs
}

// distinctAddresses counts the well-formed addresses of list, each once.
func distinctAddresses(list []string) int {
	seen := map[common.Address]bool{}
	for _, a := range list {
		if isAddress(a) {
			seen[common.HexToAddress(a)] = true
		}
	}
	return len(seen)
}

// checkRPCListen says what is wrong with chain.rpc_listen ("" when
// nothing): a loopback host, or a LAN (private or link-local) IP, with a
// port. Every interface and public addresses are refused: the chain's
// JSON-RPC has no authentication.
func checkRPCListen(l string) string {
	host, port, err := net.SplitHostPort(l)
	if err != nil || host == "" {
		return "want host:port, e.g. \"127.0.0.1:0\" (a port kept from the first start) or \"127.0.0.1:8545\""
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return "the port must be a number from 0 to 65535"
	}
	if host == "localhost" {
		return ""
	}
	ip := net.ParseIP(host)
	switch {
	case ip == nil:
		return "the host must be 127.0.0.1, ::1, localhost or this machine's LAN IP address (no host names)"
	case ip.IsUnspecified():
		return "every interface is refused: the chain's JSON-RPC has no authentication; name the one LAN address to serve on"
	case !ip.IsLoopback() && !ip.IsPrivate() && !ip.IsLinkLocalUnicast():
		return "a public address is refused: the chain's JSON-RPC has no authentication; use loopback or a private LAN address"
	}
	return ""
}

// RPCListenLAN reports whether chain.rpc_listen opens the chain's JSON-RPC
// beyond this machine (a valid, non-loopback address).
func (c Chain) RPCListenLAN() bool {
	host, _, err := net.SplitHostPort(c.RPCListen)
	if err != nil || host == "localhost" {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && !ip.IsLoopback()
}

func isAddress(s string) bool {
	return (strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")) && common.IsHexAddress(s)
}

// isHash: 0x and 64 hex digits (a 32-byte UID).
func isHash(s string) bool {
	if len(s) != 66 || (!strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X")) {
		return false
	}
	return strings.Trim(s[2:], "0123456789abcdefABCDEF") == ""
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	switch strings.ToLower(s) {
	case "debug", "info", "warn", "error":
		return l, l.UnmarshalText([]byte(s))
	}
	return l, fmt.Errorf("unknown level %q", s)
}

// SlogLevel is the configured level for log/slog.
func (l Log) SlogLevel() slog.Level {
	lvl, _ := parseLevel(l.Level) // Validate has accepted it
	return lvl
}
