package attest_test

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/acl/devchain"
)

// oracle runs tools/eas-oracle.js, which wraps EAS's own SDK (npm
// @ethereum-attestation-service/eas-sdk, test-only).
func oracle(t *testing.T, args ...string) []byte {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node not found on PATH: install Node.js 20 and run `make npm` (the EAS SDK oracle runs under node)")
	}
	tools := filepath.Join("..", "..", "tools")
	if _, err := os.Stat(filepath.Join(tools, "node_modules", "@ethereum-attestation-service", "eas-sdk", "package.json")); err != nil {
		t.Fatal("the EAS SDK is not installed under tools/node_modules: run `make npm` in the repository root")
	}
	cmd := exec.Command(node, append([]string{filepath.Join(tools, "eas-oracle.js")}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("eas-oracle %v: %v\n%s", args, err, ee.Stderr)
		}
		t.Fatalf("eas-oracle %v: %v", args, err)
	}
	return out
}

// TestEASSDKInterop checks pdx's off-chain attestations against EAS's SDK
// in both directions, with fresh keys and salts each run: the SDK accepts
// what pdx signs (and rejects it once a byte of the claim changes), and
// pdx verifies what the SDK signs for the dev chain's EAS.
func TestEASSDKInterop(t *testing.T) {
	w := newWorld(t)
	ctx := ctxT(t)
	dom := attest.DomainFor(devchain.ChainID, w.d)
	o, err := attest.SignOffchain(w.shop, dom, w.d.Schema, addr(w.owner), w.claim, time.Now(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(o *attest.Offchain) bool {
		t.Helper()
		b, err := o.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "attestation.json")
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
		var res struct {
			Valid bool   `json:"valid"`
			UID   string `json:"uid"`
		}
		if err := json.Unmarshal(oracle(t, "verify", file), &res); err != nil {
			t.Fatal(err)
		}
		return res.Valid
	}
	if !check(o) {
		t.Fatal("EAS's SDK rejects the attestation pdx signed")
	}
	bad := *o
	bad.Sig.Message.Data = append(hexutil.Bytes{}, o.Sig.Message.Data...)
	bad.Sig.Message.Data[len(bad.Sig.Message.Data)-1] ^= 1
	bad.Sig.UID = attest.OffchainUID(bad.Sig.Message)
	if check(&bad) {
		t.Fatal("EAS's SDK accepts an attestation whose data changed after signing: the oracle checks nothing")
	}

	data, err := w.claim.Encode()
	if err != nil {
		t.Fatal(err)
	}
	out := oracle(t, "sign", "0x"+hex.EncodeToString(crypto.FromECDSA(w.shop)), w.d.EAS.Hex(),
		strconv.Itoa(devchain.ChainID), w.d.Schema.Hex(), addr(w.owner).Hex(), hexutil.Encode(data), strconv.FormatInt(time.Now().Unix(), 10))
	sdk, err := attest.ParseOffchain(out)
	if err != nil {
		t.Fatalf("pdx cannot read the SDK's package: %v\n%s", err, out)
	}
	r, err := w.verifier.Offchain(ctx, sdk, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Verified() || r.Attester != addr(w.shop) {
		t.Fatalf("pdx does not verify the SDK's attestation: %+v", r)
	}
}
