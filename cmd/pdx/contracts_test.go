package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/testbin"
)

// runPdx runs one pdx command line in-process and returns its status,
// stdout and stderr.
func runPdx(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, args, nil, &stdout, &stderr, env)
	return code, stdout.String(), stderr.String()
}

func writeKey(t *testing.T, hexKey string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(p, []byte(hexKey+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestContractsDeploy deploys the Registry to a real geth --dev node with
// `pdx contracts deploy`, from a key file and from a pdx home, and checks
// --expect's idempotence, --fund and the refusals.
func TestContractsDeploy(t *testing.T) {
	rpc := testbin.StartGeth(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ec, err := ethclient.DialContext(ctx, rpc)
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()

	devKey := writeKey(t, testbin.GethDevKey)
	k, _ := crypto.HexToECDSA(testbin.GethDevKey)
	dev := crypto.PubkeyToAddress(k.PublicKey)
	nonce, err := ec.PendingNonceAt(ctx, dev)
	if err != nil {
		t.Fatal(err)
	}
	predicted := crypto.CreateAddress(dev, nonce)

	// A fresh account to fund, given as a key file.
	fresh, _ := crypto.GenerateKey()
	freshFile := writeKey(t, common.Bytes2Hex(crypto.FromECDSA(fresh)))
	freshAddr := crypto.PubkeyToAddress(fresh.PublicKey)

	// First deploy: --expect the deployer's next address, fund the fresh
	// account; flags partly from PDX_CONTRACTS_* variables.
	env := []string{"PDX_CONTRACTS_KEY_FILE=" + devKey, "PDX_CONTRACTS_GRANT_WINDOW=1h"}
	code, out, errOut := runPdx(t, env, "--json", "contracts", "deploy", "--rpc", rpc, "--expect", predicted.Hex(),
		"--fund", freshFile, "--fund-amount", "2eth")
	if code != 0 {
		t.Fatalf("deploy: status %d\n%s%s", code, out, errOut)
	}
	var res deployResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("deploy --json printed %q: %v", out, err)
	}
	if !res.Deployed || res.Registry != predicted.Hex() || res.Deployer != dev.Hex() || res.Block == 0 || res.GrantWindow != "1h0m0s" || res.ChainID != 1337 {
		t.Fatalf("deploy result %+v, want a deployment at %s by %s with a 1h window", res, predicted.Hex(), dev.Hex())
	}
	c, err := acl.New(ctx, ec, predicted, nil, nil)
	if err != nil {
		t.Fatalf("no Registry at the printed address: %v", err)
	}
	if w, err := c.GrantWindow(ctx); err != nil || w != time.Hour {
		t.Fatalf("GrantWindow = %v, %v; want 1h", w, err)
	}
	// EAS beside it, with pdx's schema: what the daemon checks at start.
	if res.EAS == nil {
		t.Fatal("deploy printed no EAS")
	}
	d := attest.Deployment{EAS: common.HexToAddress(res.EAS.Address), SchemaRegistry: common.HexToAddress(res.EAS.SchemaRegistry), Schema: common.HexToHash(res.EAS.Schema)}
	if err := attest.CheckDeployment(ctx, ec, d); err != nil || d.Schema != attest.SchemaUID(attest.SchemaV1, common.Address{}, attest.Revocable) {
		t.Fatalf("the printed EAS does not check out: %v (%+v)", err, res.EAS)
	}
	two, _ := new(big.Int).SetString("2000000000000000000", 10)
	if bal, err := ec.BalanceAt(ctx, freshAddr, nil); err != nil || bal.Cmp(two) != 0 {
		t.Fatalf("funded account holds %v (%v), want 2 ether", bal, err)
	}
	if len(res.Funded) != 1 || res.Funded[0].Address != freshAddr.Hex() || res.Funded[0].SentWei != two.String() {
		t.Fatalf("funded = %+v", res.Funded)
	}

	// Again with --expect: nothing is sent, the address is printed first.
	before, _ := ec.PendingNonceAt(ctx, dev)
	code, out, errOut = runPdx(t, env, "contracts", "deploy", "--rpc", rpc, "--expect", predicted.Hex(), "--fund", freshAddr.Hex(), "--fund-amount", "2eth")
	if code != 0 {
		t.Fatalf("second deploy: status %d\n%s%s", code, out, errOut)
	}
	if first, _, _ := strings.Cut(out, "\n"); first != predicted.Hex() || !strings.Contains(out, "already deployed") {
		t.Fatalf("second deploy printed %q", out)
	}
	if after, _ := ec.PendingNonceAt(ctx, dev); after != before {
		t.Fatalf("second deploy sent %d transactions, want none", after-before)
	}

	// --expect an address the deployer's next contract would not get.
	code, out, errOut = runPdx(t, env, "contracts", "deploy", "--rpc", rpc, "--expect", "0x000000000000000000000000000000000000dEaD")
	if code != cli.ExitConflict || !strings.Contains(errOut, "next contract would be at") {
		t.Fatalf("mismatched --expect: status %d, want %d\n%s%s", code, cli.ExitConflict, out, errOut)
	}

	// From a pdx home's account, funded first through --fund HOME.
	homeDir := filepath.Join(t.TempDir(), "home")
	henv := []string{"PDX_PASSPHRASE=pw", envFastScrypt + "=1"}
	if code, out, errOut := runPdx(t, henv, "--home", homeDir, "init"); code != 0 {
		t.Fatalf("init: status %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runPdx(t, henv, "--home", homeDir, "contracts", "deploy", "--rpc", rpc)
	if code != cli.ExitRefused || !strings.Contains(errOut, "holds no ether") {
		t.Fatalf("deploy from an unfunded home: status %d, want %d\n%s%s", code, cli.ExitRefused, out, errOut)
	}
	if code, out, errOut := runPdx(t, nil, "contracts", "deploy", "--rpc", rpc, "--key-file", devKey, "--expect", predicted.Hex(), "--fund", homeDir); code != 0 {
		t.Fatalf("funding the home: status %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runPdx(t, henv, "--home", homeDir, "--json", "contracts", "deploy", "--rpc", rpc, "--chain-id", "1337")
	if code != 0 {
		t.Fatalf("deploy from the home: status %d\n%s%s", code, out, errOut)
	}
	var hres deployResult
	if err := json.Unmarshal([]byte(out), &hres); err != nil || !hres.Deployed || hres.Registry == predicted.Hex() {
		t.Fatalf("deploy from the home printed %q (%v)", out, err)
	}
	if _, err := acl.New(ctx, ec, common.HexToAddress(hres.Registry), nil, nil); err != nil {
		t.Fatalf("no Registry at %s: %v", hres.Registry, err)
	}

	// Refusals: bad input before anything is sent, a wrong chain id, no chain.
	for _, tc := range []struct {
		args []string
		want int
		msg  string
	}{
		{[]string{"contracts", "deploy"}, cli.ExitUsage, "--rpc is required"},
		{[]string{"contracts", "deploy", "--rpc", rpc, "--key-file", devKey, "--grant-window", "1500ms"}, cli.ExitUsage, "whole number of seconds"},
		{[]string{"contracts", "deploy", "--rpc", rpc, "--key-file", devKey, "--expect", "0x12"}, cli.ExitUsage, "not an Ethereum address"},
		{[]string{"contracts", "deploy", "--rpc", rpc, "--key-file", devKey, "--fund-amount", "lots"}, cli.ExitUsage, "--fund-amount"},
		{[]string{"contracts", "deploy", "--rpc", rpc, "--key-file", devKey, "--fund", "/nonexistent/x"}, cli.ExitNotFound, "neither an address"},
		{[]string{"contracts", "deploy", "--rpc", rpc, "--key-file", "/nonexistent/key"}, cli.ExitNotFound, "--key-file"},
		{[]string{"contracts", "deploy", "--rpc", rpc, "--key-file", devKey, "--chain-id", "1"}, cli.ExitConfig, "chain id"},
		{[]string{"contracts", "deploy", "--rpc", "http://127.0.0.1:1", "--key-file", devKey}, cli.ExitUnavailable, "127.0.0.1:1"},
	} {
		code, out, errOut := runPdx(t, nil, tc.args...)
		if code != tc.want || !strings.Contains(errOut, tc.msg) {
			t.Errorf("pdx %s: status %d, want %d with %q\n%s%s", strings.Join(tc.args, " "), code, tc.want, tc.msg, out, errOut)
		}
	}
}
