package config

import (
	"errors"
	"strings"
	"testing"
)

const goodNetwork = `{
  "version": 1, "chain_id": 1337, "rpc_url": "http://127.0.0.1:8545",
  "registry": "0x12158D572B8aa0fB323CbE765897959f89D810b1", "registry_block": 7, "dev": true,
  "proxies": {"addresses": ["0xc779a29f305D653C2C2F6537cc584858e9B527F2", "0x81De3a5De4863D3aF9394635499f66B2D271f4a4", "0x600b1eFA43a4B1B1870F743aD0644eDa5839DB5B"], "threshold": 2, "shares": 3},
  "ipfs_peers": ["/ip4/127.0.0.1/tcp/4101/p2p/12D3KooWK72U9erREtxFgAAHV5ypjWLAJxNSeyza3avkjT49K1Ko"]
}`

// TestJoinNetwork: a good document makes a valid member config with the
// network's chain, proxies and peers.
func TestJoinNetwork(t *testing.T) {
	n, err := ParseNetwork([]byte(goodNetwork))
	if err != nil {
		t.Fatal(err)
	}
	c := Default()
	c.Join(n)
	if err := c.Validate(); err != nil {
		t.Fatalf("member config: %v", err)
	}
	if c.Chain.Mode != ChainRPC || c.Chain.RPCURL != n.RPCURL || c.Chain.RegistryAddress != n.Registry ||
		c.Chain.RegistryBlock != 7 || c.Chain.ChainID != 1337 || c.Chain.RPCListen != "" {
		t.Errorf("chain %+v", c.Chain)
	}
	if c.Proxies.Mode != ProxiesRemote || len(c.Proxies.Addresses) != 3 || c.Proxies.Threshold != 2 || c.Proxies.Shares != 3 || !c.Proxies.AllowPrivate {
		t.Errorf("proxies %+v", c.Proxies)
	}
	if len(c.IPFS.Bootstrap) != 1 || c.IPFS.Bootstrap[0] != n.IPFSPeers[0] {
		t.Errorf("bootstrap %v", c.IPFS.Bootstrap)
	}
}

// TestParseNetworkRefuses names each problem of a bad document.
func TestParseNetworkRefuses(t *testing.T) {
	for name, tc := range map[string]struct{ old, new, want string }{
		"no rpc":        {`"rpc_url": "http://127.0.0.1:8545",`, ``, "rpc_url is missing"},
		"bad rpc":       {`http://127.0.0.1:8545`, `ftp://x`, `rpc_url "ftp://x" is not`},
		"no chain":      {`"chain_id": 1337,`, ``, "chain_id is missing"},
		"bad registry":  {`0x12158D572B8aa0fB323CbE765897959f89D810b1`, `0x12`, `registry "0x12" is not an address`},
		"no proxies":    {`"threshold": 2, "shares": 3`, `"threshold": 2, "shares": 4`, "threshold 2 of shares 4 does not fit 3 addresses"},
		"bad peer":      {`/p2p/12D3KooWK72U9erREtxFgAAHV5ypjWLAJxNSeyza3avkjT49K1Ko`, ``, "is not a multiaddr ending in /p2p/"},
		"newer":         {`"version": 1`, `"version": 2`, "version is 2"},
		"unknown field": {`"dev": true,`, `"dev": true, "extra": 1,`, "unknown field"},
	} {
		doc := strings.Replace(goodNetwork, tc.old, tc.new, 1)
		if doc == goodNetwork {
			t.Fatalf("%s: the test's replacement changed nothing", name)
		}
		_, err := ParseNetwork([]byte(doc))
		if !errors.Is(err, ErrNetwork) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrNetwork saying %q", name, err, tc.want)
		}
	}
}

// TestRPCListen: loopback and LAN addresses are accepted, every interface,
// public addresses and host names are not.
func TestRPCListen(t *testing.T) {
	for l, ok := range map[string]bool{
		"127.0.0.1:0": true, "127.0.0.1:8545": true, "localhost:8545": true, "[::1]:0": true,
		"192.168.1.20:8545": true, "10.0.0.5:0": true, "[fd00::1]:8545": true,
		"0.0.0.0:8545": false, "[::]:8545": false, "8.8.8.8:8545": false, "example.com:8545": false,
		"127.0.0.1": false, "127.0.0.1:99999": false,
	} {
		c := Default()
		c.Chain.RPCListen = l
		err := c.Validate()
		if (err == nil) != ok {
			t.Errorf("chain.rpc_listen = %q: %v, want accepted %v", l, err, ok)
		}
		if ok && c.Chain.RPCListenLAN() != (strings.HasPrefix(l, "192.") || strings.HasPrefix(l, "10.") || strings.HasPrefix(l, "[fd")) {
			t.Errorf("chain.rpc_listen = %q: RPCListenLAN %v", l, c.Chain.RPCListenLAN())
		}
	}
}
