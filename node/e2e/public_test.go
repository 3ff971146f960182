package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/testbin"
	"github.com/pdx-network/pdx/node/internal/pdxtest"
	"github.com/pdx-network/pdx/reencrypt"
)

// TestPublicVersionOnPlainKubo is issue 16's public dataset on real
// processes: the owner (a service over a real kubo daemon, the dev chain
// over HTTP) publishes a dataset under open-cc-by and puts a version; a
// third, plain kubo daemon with no pdx anywhere, peered with the owner's,
// returns the exact bytes with `ipfs cat CID`; the pdx binary, with no home
// and no daemon, verifies that copy against the chain and refuses a changed
// one; unpublish unpins it from the owner's node and the chain says
// withdrawn, while the third node's copy remains (what unpublish cannot
// undo) and still verifies.
func TestPublicVersionOnPlainKubo(t *testing.T) {
	built := make(chan struct{})
	go func() { defer close(built); pdxBinary(t) }()
	n := pdxtest.New(t, pdxtest.Config{Accounts: 3, HTTP: true})
	ctx, ch := n.Ctx, n.Chain
	keys := ch.Accounts()
	api := startIPFS(t)
	w := newWorld(t, ctx, ch.HTTPEndpoint(), ch.Registry(), ch.DeployBlock(), api, keys[0], keys[1])
	owner := w.owner.svc

	dsKey, err := reencrypt.GenerateSecretKey()
	if err != nil {
		t.Fatal(err)
	}
	ds, err := owner.CreateDataset(ctx, dsKey)
	if err != nil {
		t.Fatal(err)
	}
	pol, _ := policy.Preset("open-cc-by")
	if _, err := owner.Publish(ctx, ds, pol); err != nil {
		t.Fatal(err)
	}
	plain := bytes.Repeat([]byte("an open-data contribution, line by line\n"), 10_000) // 400 KB: two leaves
	put, err := owner.Put(ctx, ds, dsKey, bytes.NewReader(plain), "pdx/e2e-public")
	if err != nil {
		t.Fatal(err)
	}
	if !put.Public {
		t.Fatalf("a put to a public dataset was not public: %+v", put)
	}
	c, err := cid.Decode(put.CID)
	if err != nil {
		t.Fatal(err)
	}

	// The third node: a plain kubo repository (no pdx configuration at all),
	// connected to the owner's node.
	third := t.TempDir()
	testbin.IPFSCommand(t, third, "init", "--profile=test")
	testbin.IPFSCommand(t, third, "config", "--json", "Addresses.Gateway", "[]")
	testbin.StartIPFSDaemon(t, third)
	self, err := w.store.Self(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var peer string
	for _, a := range self.Addrs {
		if s := a.String(); strings.HasPrefix(s, "/ip4/127.0.0.1/tcp/") {
			peer = s + "/p2p/" + self.ID.String()
			break
		}
	}
	if peer == "" {
		t.Fatalf("the owner's node has no loopback TCP address: %v", self.Addrs)
	}
	testbin.IPFSCommand(t, third, "swarm", "connect", peer)
	if got := testbin.IPFSCommand(t, third, "cat", put.CID); got != string(plain) {
		t.Fatalf("ipfs cat on the plain node returned %d bytes, not the %d put", len(got), len(plain))
	}
	// And the policy, by the CID its on-chain hash gives.
	if got := testbin.IPFSCommand(t, third, "cat", pol.CID().String()); got != string(pol.Bytes()) {
		t.Fatal("ipfs cat of the policy CID returned another document")
	}
	// The copy the third node took, to a file.
	copyFile := filepath.Join(t.TempDir(), "copy.txt")
	if err := os.WriteFile(copyFile, []byte(testbin.IPFSCommand(t, third, "cat", put.CID)), 0o644); err != nil {
		t.Fatal(err)
	}

	<-built
	verify := func(file string, extra ...string) (string, string, int) {
		args := append([]string{"verify", "--rpc", ch.HTTPEndpoint(), "--registry", ch.Registry().Hex(),
			"--from-block", strconv.FormatUint(ch.DeployBlock(), 10)}, extra...)
		return runPDX(t, []string{"PDX_HOME=" + filepath.Join(t.TempDir(), "no-home")}, append(args, put.CID, file)...)
	}
	out, errOut, code := verify(copyFile)
	if code != 0 {
		t.Fatalf("pdx verify exited %d: %s", code, errOut)
	}
	for _, want := range []string{"verified: the file is " + put.CID, owner.Address().Hex(), "version 1 (now public)", "the open-cc-by preset"} {
		if !strings.Contains(out, want) {
			t.Fatalf("pdx verify printed no %q:\n%s", want, out)
		}
	}
	out, _, code = verify(copyFile, "--json")
	var v struct {
		Owner   string `json:"owner"`
		Dataset uint64 `json:"dataset"`
		Version uint32 `json:"version"`
		Block   uint64 `json:"block"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.Dataset != ds || v.Version != 1 || v.Block == 0 {
		t.Fatalf("pdx --json verify (%d): %s", code, out)
	}
	changed := filepath.Join(t.TempDir(), "changed.txt")
	if err := os.WriteFile(changed, append(bytes.Clone(plain), '!'), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := verify(changed); code != 9 || !strings.Contains(errOut, "not the content of this CID") {
		t.Fatalf("a changed copy: exit %d: %s", code, errOut)
	}

	// Unpublish: withdrawn on chain, unpinned on the owner's node; the copy
	// the plain node took is still there and still verifies, as withdrawn.
	if n, _, err := owner.Unpublish(ctx, ds, []cid.Cid{c}); err != nil || n != 1 {
		t.Fatalf("unpublish: %d unpinned, %v", n, err)
	}
	if pinned, err := w.store.IsPinned(ctx, c); err != nil || pinned {
		t.Fatalf("after unpublish the owner's node still pins it (%v)", err)
	}
	if got := testbin.IPFSCommand(t, third, "cat", "--offline", put.CID); got != string(plain) {
		t.Fatal("the plain node's copy is gone")
	}
	if out, errOut, code := verify(copyFile); code != 0 || !strings.Contains(out, "now withdrawn") {
		t.Fatalf("verify after unpublish: exit %d: %s%s", code, out, errOut)
	}
	t.Logf("public version %s (%d bytes) read by a plain kubo node, verified by pdx verify with no daemon, withdrawn at the owner", put.CID, len(plain))
}
