package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/internal/testbin"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/proxy"
)

// scriptNetCmds are the testscript commands that let a script run two
// daemons on one chain, as an owner and a brand on one machine do:
//
//	devnet HOME...   a dev chain in the test process serving JSON-RPC on
//	                 loopback, with each home's account and its three
//	                 local proxies funded at genesis, and EAS deployed
//	                 (attestations on); every later command
//	                 of the script uses it (PDX_CHAIN_MODE=rpc and the
//	                 rest), each home gets an API port of its own in its
//	                 config.toml, and IPFS listens on a port the system
//	                 picks.
//	waitdaemon HOME  waits (up to a minute) until the home's daemon answers.
//	eventually REGEXP COMMAND [ARGS...]
//	                 runs the command until its stdout matches (up to 30s),
//	                 for what another daemon does in its own time (the
//	                 owner's market agent granting a purchase).
//	address HOME VAR sets VAR to the home's account address (0x…), for a
//	                 command that names another account (offer --to).
//	jsonvar KEY VAR  sets VAR to the string or number under KEY in the last
//	                 command's stdout, a JSON object (--json), such as the
//	                 CID a put made, for the commands that name it.
var scriptNetCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"devnet": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) == 0 {
			ts.Fatalf("usage: devnet HOME...")
		}
		var fund []common.Address
		for _, a := range args {
			dir := ts.MkAbs(a)
			h, err := home.Load(dir)
			ts.Check(err)
			fund = append(fund, h.Keys().Address)
			keys, err := writeProxyKeys(dir)
			ts.Check(err)
			fund = append(fund, keys...)
			port, err := testbin.PickPort()
			ts.Check(err)
			ts.Check(setAPIListen(h.Path("config.toml"), "127.0.0.1:"+port))
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		ch, err := devchain.Open(ctx, devchain.Config{Dir: ts.MkAbs("devnet-chain"), HTTP: "127.0.0.1:0", Accounts: 1, Fund: fund})
		ts.Check(err)
		ts.Defer(func() { ch.Close() })
		for k, v := range map[string]string{
			"PDX_CHAIN_MODE": "rpc", "PDX_CHAIN_RPC_URL": ch.HTTPEndpoint(), "PDX_PROXIES_ALLOW_PRIVATE": "true",
			"PDX_CHAIN_REGISTRY_ADDRESS": ch.Registry().Hex(), "PDX_CHAIN_REGISTRY_BLOCK": strconv.FormatUint(ch.DeployBlock(), 10),
			"PDX_IPFS_LISTEN_ADDRS": "/ip4/127.0.0.1/tcp/0",
			"PDX_CHAIN_EAS_ADDRESS": ch.Attestation().EAS.Hex(), "PDX_CHAIN_EAS_SCHEMA_REGISTRY": ch.Attestation().SchemaRegistry.Hex(),
			"PDX_CHAIN_ATTESTATION_SCHEMA": ch.Attestation().Schema.Hex(),
		} {
			ts.Setenv(k, v)
		}
	},
	"address": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: address HOME VAR")
		}
		h, err := home.Load(ts.MkAbs(args[0]))
		ts.Check(err)
		ts.Setenv(args[1], h.Keys().Address.Hex())
	},
	"jsonvar": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: jsonvar KEY VAR")
		}
		var m map[string]any
		ts.Check(json.Unmarshal([]byte(ts.ReadFile("stdout")), &m))
		v, ok := m[args[0]]
		if !ok {
			ts.Fatalf("jsonvar: stdout has no %q", args[0])
		}
		ts.Setenv(args[1], fmt.Sprint(v))
	},
	"eventually": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 2 {
			ts.Fatalf("usage: eventually REGEXP COMMAND [ARGS...]")
		}
		re, err := regexp.Compile(args[0])
		ts.Check(err)
		deadline := time.Now().Add(30 * time.Second)
		for {
			err := ts.Exec(args[1], args[2:]...)
			if err == nil && re.MatchString(ts.ReadFile("stdout")) {
				return
			}
			if time.Now().After(deadline) {
				ts.Fatalf("%s: stdout did not match %q within 30s (last error %v)", args[1], args[0], err)
			}
			time.Sleep(300 * time.Millisecond)
		}
	},
	"waitdaemon": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: waitdaemon HOME")
		}
		h, err := home.Load(ts.MkAbs(args[0]))
		ts.Check(err)
		b, err := os.ReadFile(h.Path("config.toml"))
		ts.Check(err)
		m := apiListen.FindSubmatch(b)
		if m == nil {
			ts.Fatalf("no api.listen in %s", h.Path("config.toml"))
		}
		waitHealthy(ts, string(m[2]))
	},
}

// apiListen is the listen line of config.toml's [api] table, the first
// "listen =" of the file.
var apiListen = regexp.MustCompile(`(?m)^(listen = ')([^']*)'`)

func setAPIListen(path, addr string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	loc := apiListen.FindSubmatchIndex(b)
	if loc == nil {
		return fmt.Errorf("no api.listen in %s", path)
	}
	out := append(append(append([]byte{}, b[:loc[4]]...), addr...), b[loc[5]:]...)
	return os.WriteFile(path, out, 0o600)
}

// writeProxyKeys gives the three local proxies of the home in dir keys of
// their own, as they have on any chain but the embedded one, and returns
// their addresses (to fund at genesis).
func writeProxyKeys(dir string) ([]common.Address, error) {
	var out []common.Address
	for i := range 3 {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, err
		}
		pd := filepath.Join(dir, daemon.ProxiesDir, strconv.Itoa(i))
		if err := os.MkdirAll(pd, 0o700); err != nil {
			return nil, err
		}
		if err := crypto.SaveECDSA(filepath.Join(pd, proxy.AccountKeyFile), k); err != nil {
			return nil, err
		}
		out = append(out, crypto.PubkeyToAddress(k.PublicKey))
	}
	return out, nil
}
