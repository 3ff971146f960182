package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/multiformats/go-multiaddr"
)

// NetworkVersion is the version of the network document this pdx writes
// and reads.
const NetworkVersion = 1

// ErrNetwork: a network document (pdx network, pdx init --join) is not
// one this pdx can join.
var ErrNetwork = errors.New("bad network document")

// Network is what a home needs to join an owner's network: the document
// `pdx network` prints and `pdx init --join` reads (docs/cli.md). Nothing
// in it is secret: the chain, the Registry and the proxies are public on
// chain, and the rest are addresses a member has to dial anyway.
type Network struct {
	Version int `json:"version"`
	// ChainID, RPCURL, Registry and RegistryBlock become the member's
	// chain.chain_id, chain.rpc_url, chain.registry_address and
	// chain.registry_block.
	ChainID       uint64 `json:"chain_id"`
	RPCURL        string `json:"rpc_url"`
	Registry      string `json:"registry"`
	RegistryBlock uint64 `json:"registry_block"`
	// Dev is set by an owner on its embedded dev chain: its proxies live on
	// private addresses (the member sets proxies.allow_private) and it can
	// fund a member (pdx fund).
	Dev bool `json:"dev"`
	// EAS locates the Ethereum Attestation Service on the chain and pdx's
	// schema there; documents from owners without it (older pdx) omit it,
	// and the member then has attestations off.
	EAS *NetworkEAS `json:"eas,omitempty"`
	// Proxies is the owner's proxy set: a member's grants use the same.
	Proxies NetworkProxies `json:"proxies"`
	// IPFSPeers are the owner's IPFS node's multiaddrs, each ending in
	// /p2p/<peer id>: the member's embedded node bootstraps from them.
	IPFSPeers []string `json:"ipfs_peers"`
}

// NetworkEAS is where attestations live on a network's chain; its fields
// become chain.eas_address, chain.eas_schema_registry and
// chain.attestation_schema.
type NetworkEAS struct {
	Address        string `json:"address"`
	SchemaRegistry string `json:"schema_registry"`
	Schema         string `json:"schema"`
}

// NetworkProxies is the proxy set of a network.
type NetworkProxies struct {
	Addresses []string `json:"addresses"`
	Threshold int      `json:"threshold"`
	Shares    int      `json:"shares"`
}

// ParseNetwork reads a network document and checks every field, naming
// each that is missing or wrong at once. Unknown fields are refused: a
// document from a newer pdx says so in its version.
func ParseNetwork(data []byte) (*Network, error) {
	var n Network
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&n); err != nil {
		return nil, fmt.Errorf("%w: it is not the JSON that `pdx network` writes: %v", ErrNetwork, err)
	}
	if err := n.Check(); err != nil {
		return nil, err
	}
	return &n, nil
}

// Check names every field of n that is missing or wrong.
func (n *Network) Check() error {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	if n.Version != NetworkVersion {
		bad("version is %d, this pdx reads version %d", n.Version, NetworkVersion)
	}
	if n.ChainID == 0 {
		bad("chain_id is missing")
	}
	if n.RPCURL == "" {
		bad("rpc_url is missing (the owner's chain.rpc_listen is empty?)")
	} else if u, err := url.Parse(n.RPCURL); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "ws" && u.Scheme != "wss") {
		bad("rpc_url %q is not an http, https, ws or wss URL", n.RPCURL)
	}
	if n.Registry == "" {
		bad("registry is missing")
	} else if !isAddress(n.Registry) {
		bad("registry %q is not an address (0x and 40 hex digits)", n.Registry)
	}
	if e := n.EAS; e != nil {
		if !isAddress(e.Address) {
			bad("eas.address %q is not an address", e.Address)
		}
		if !isAddress(e.SchemaRegistry) {
			bad("eas.schema_registry %q is not an address", e.SchemaRegistry)
		}
		if !isHash(e.Schema) {
			bad("eas.schema %q is not a schema UID (0x and 64 hex digits)", e.Schema)
		}
	}
	p := n.Proxies
	if len(p.Addresses) == 0 {
		bad("proxies.addresses is empty")
	}
	for _, a := range p.Addresses {
		if !isAddress(a) {
			bad("proxies.addresses: %q is not an address", a)
		}
	}
	if p.Threshold < 1 || p.Shares < p.Threshold || p.Shares > len(p.Addresses) {
		bad("proxies: threshold %d of shares %d does not fit %d addresses (want 1 ≤ threshold ≤ shares ≤ addresses)", p.Threshold, p.Shares, len(p.Addresses))
	}
	if len(n.IPFSPeers) == 0 {
		bad("ipfs_peers is empty")
	}
	for _, a := range n.IPFSPeers {
		m, err := multiaddr.NewMultiaddr(a)
		if err == nil {
			_, err = m.ValueForProtocol(multiaddr.P_P2P)
		}
		if err != nil {
			bad("ipfs_peers: %q is not a multiaddr ending in /p2p/<peer id>", a)
		}
	}
	if len(probs) > 0 {
		return fmt.Errorf("%w: %s", ErrNetwork, strings.Join(probs, "; "))
	}
	return nil
}

// Join makes c a member of n: the chain over n's JSON-RPC, n's proxy set,
// and the embedded IPFS node bootstrapping from n's peers. The caller
// chooses c's own ports (api.listen, ipfs.listen_addrs).
func (c *Config) Join(n *Network) {
	c.Chain.Mode = ChainRPC
	c.Chain.RPCURL = n.RPCURL
	c.Chain.RegistryAddress = n.Registry
	c.Chain.RegistryBlock = n.RegistryBlock
	c.Chain.EAS, c.Chain.EASSchemaRegistry, c.Chain.AttestationSchema = "", "", ""
	if e := n.EAS; e != nil {
		c.Chain.EAS, c.Chain.EASSchemaRegistry, c.Chain.AttestationSchema = e.Address, e.SchemaRegistry, e.Schema
	}
	c.Chain.ChainID = n.ChainID
	c.Chain.RPCListen = ""
	c.IPFS.Mode = IPFSEmbedded
	c.IPFS.Bootstrap = append([]string{}, n.IPFSPeers...)
	c.Proxies.Mode = ProxiesRemote
	c.Proxies.Addresses = append([]string{}, n.Proxies.Addresses...)
	c.Proxies.Threshold = n.Proxies.Threshold
	c.Proxies.Shares = n.Proxies.Shares
	c.Proxies.AllowPrivate = n.Dev
}
