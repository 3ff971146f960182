package service

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
)

// grantUnder grants the brand dataset ds under pol: the policy published
// on the owner's IPFS as one raw block, its hash the grant's purposeHash.
func (w *world) grantUnder(ds uint64, pol *policy.Policy, threshold int) {
	w.t.Helper()
	c, err := w.ownerFS.Add(w.ctx, bytes.NewReader(pol.Bytes()), storage.AddOptions{Name: "test/policy"})
	if err != nil {
		w.t.Fatal(err)
	}
	if !c.Equals(policy.CIDOf(pol.Hash())) {
		w.t.Fatalf("the policy was stored as %s, not as the raw block %s", c, policy.CIDOf(pol.Hash()))
	}
	h := pol.Hash()
	if _, err := w.owner.Grant(w.ctx, GrantRequest{Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(time.Hour), PurposeHash: &h, Threshold: threshold}); err != nil {
		w.t.Fatal(err)
	}
	w.sync()
}

// everyProxyRefused checks that err is a refusal by each of the n proxies
// with code want.
func everyProxyRefused(t *testing.T, err error, n int, want *proxyapi.Error, words string) {
	t.Helper()
	var refused *proxyapi.RefusedError
	if !errors.As(err, &refused) || refused.Got != 0 || len(refused.Failures) != n {
		t.Fatalf("want a refusal by all %d proxies, got %v", n, err)
	}
	for _, f := range refused.Failures {
		if !errors.Is(f.Err, want) || !strings.Contains(f.Err.Error(), words) {
			t.Fatalf("proxy %s: %v, want %s (%q)", f.Proxy.Hex(), f.Err, want.Code, words)
		}
	}
}

// TestPolicyEnforcedByProxies is issue 16's enforcement end to end, on
// real proxies (proxy.Run) and IPFS: a grant whose policy permits research
// and development, at most 3 reads. A read for marketing is refused by
// every proxy and costs no read; 3 reads for research succeed; the 4th is
// refused by every proxy with "read limit reached", also after every
// proxy restarted on its state; and the owner's access log shows, per
// read, the purpose the reader signed.
func TestPolicyEnforcedByProxies(t *testing.T) {
	w := newWorld(t)
	data := []byte("2026-12-01,Green Grocer,12.40\n")
	ds, c := w.put(data)
	pol := &policy.Policy{Purposes: []string{"dpv:ResearchAndDevelopment"}, Permitted: []string{"use"}, Reads: 3}
	w.grantUnder(ds, pol, 3)
	n := len(w.proxies)

	var buf bytes.Buffer
	_, err := w.brand.GetFor(w.ctx, c, "dpv:Marketing", &buf)
	everyProxyRefused(t, err, n, proxyapi.ErrPurposeNotPermitted, "the grant's policy does not permit reading for dpv:Marketing")
	if buf.Len() != 0 {
		t.Fatal("a refused read wrote bytes")
	}
	for i := range 3 {
		buf.Reset()
		// The first read names no purpose: the policy's one is used.
		purpose := "dpv:ResearchAndDevelopment"
		if i == 0 {
			purpose = ""
		}
		res, err := w.brand.GetFor(w.ctx, c, purpose, &buf)
		if err != nil || !bytes.Equal(buf.Bytes(), data) {
			t.Fatalf("read %d of 3: %v", i+1, err)
		}
		if res.Purpose != "dpv:ResearchAndDevelopment" {
			t.Fatalf("read %d was made for %q", i+1, res.Purpose)
		}
	}
	_, err = w.brand.GetFor(w.ctx, c, "dpv:ResearchAndDevelopment", &buf)
	everyProxyRefused(t, err, n, proxyapi.ErrReadLimit, "read limit reached")

	// Every proxy restarts on its state: the count comes from its receipts.
	for i, tp := range w.proxies {
		if err := tp.srv.Close(); err != nil {
			t.Fatal(err)
		}
		w.proxies[i] = w.startProxyWrapped(tp.srv.Key, tp.dir, nil)
	}
	_, err = w.brand.GetFor(w.ctx, c, "dpv:ResearchAndDevelopment", &buf)
	everyProxyRefused(t, err, n, proxyapi.ErrReadLimit, "read limit reached")

	// The access log: 3 reads at each proxy, each for the purpose the
	// reader signed.
	rs, failed, err := w.owner.Receipts(w.ctx, ds)
	if err != nil || len(failed) != 0 {
		t.Fatalf("receipts: %v, %v", err, failed)
	}
	if len(rs) != 3*n {
		t.Fatalf("%d receipts, want %d (3 reads at each of %d proxies)", len(rs), 3*n, n)
	}
	for _, r := range rs {
		if r.Reader != w.brand.Address() || r.ReadFor != "dpv:ResearchAndDevelopment" || r.PurposeHash != pol.Hash() {
			t.Fatalf("receipt: reader %s, read for %q, policy %x", r.Reader.Hex(), r.ReadFor, r.PurposeHash)
		}
	}
	// The brand learns its count from the proxies (its own receipts).
	gs, err := w.brand.ReceivedGrants(w.ctx)
	if err != nil || len(gs) != 1 {
		t.Fatalf("the brand's grants: %v, %v", gs, err)
	}
	if reads, err := w.brand.ReadsOf(w.ctx, gs[0]); err != nil || reads != (GrantReads{Used: 3, Allowed: 3}) {
		t.Fatalf("the brand's reads: %+v, %v; want 3 used of 3", reads, err)
	}
	for _, tp := range w.proxies {
		if got := tp.p.Reads(ds, w.brand.Address(), common.Hash(pol.Hash())); got != 3 {
			t.Fatalf("proxy %s counts %d reads, want 3", tp.p.Address().Hex(), got)
		}
	}
}

// TestReadPurposeDefault: a read that names no purpose, under a policy
// permitting several, is refused before any proxy is asked; a malformed
// purpose is refused as bad input.
func TestReadPurposeDefault(t *testing.T) {
	w := newWorld(t)
	ds, c := w.put([]byte("x\n"))
	w.grantUnder(ds, &policy.Policy{Purposes: []string{"dpv:Marketing", "dpv:ResearchAndDevelopment"}, Permitted: []string{"use"}}, 2)
	var buf bytes.Buffer
	if _, err := w.brand.GetFor(w.ctx, c, "", &buf); !errors.Is(err, ErrPurposeNeeded) {
		t.Fatalf("no purpose under a policy of two: %v", err)
	}
	if _, err := w.brand.GetFor(w.ctx, c, "read it all", &buf); !errors.Is(err, ErrBadPurpose) {
		t.Fatalf("a purpose with spaces: %v", err)
	}
	if _, err := w.brand.GetFor(w.ctx, c, "dpv:Marketing", &buf); err != nil {
		t.Fatalf("a purpose the policy permits: %v", err)
	}
	for _, tp := range w.proxies {
		if n := tp.p.Reads(ds, w.brand.Address(), common.Hash{}); n != 0 {
			t.Fatalf("reads counted under the wrong policy: %d", n)
		}
	}
}

// TestReceiptPurposeIsTheReaders: a proxy cannot put words in the reader's
// mouth. A receipt verifies only with the purpose the reader signed; the
// same receipt with its purpose rewritten (a proxy making a read for
// research look like one for marketing) is dropped. A receipt written
// under protocol version 1 (no purpose) still verifies.
func TestReceiptPurposeIsTheReaders(t *testing.T) {
	d := proxyapi.Domain{ChainID: big.NewInt(1337), Registry: common.HexToAddress("0xaa")}
	s := &Service{domain: d}
	reader, _ := crypto.GenerateKey()
	readerAddr := crypto.PubkeyToAddress(reader.PublicKey)
	px := common.HexToAddress("0x01")
	deadline := time.Now().Add(time.Minute)
	grants := []GrantRecord{{Granted: acl.Granted{Dataset: 7, Grantee: readerAddr}, Proxies: []common.Address{px}}}
	receipt := func(purpose string) proxyapi.Receipt {
		req := proxyapi.ReencryptRequest{Proxy: px, Dataset: 7, CapsuleHash: common.HexToHash("0x02"), Purpose: purpose,
			Nonce: proxyapi.NewNonce(), Deadline: uint64(deadline.Unix())}
		sig, err := req.Sign(d, reader)
		if err != nil {
			t.Fatal(err)
		}
		return proxyapi.Receipt{Request: req, Signature: hex.EncodeToString(sig), Grantee: readerAddr, Time: time.Now()}
	}
	real := receipt("dpv:ResearchAndDevelopment")
	if _, err := s.checkReceipt(7, px, real, grants); err != nil {
		t.Fatalf("the reader's own receipt: %v", err)
	}
	rewritten := real
	rewritten.Request.Purpose = "dpv:Marketing"
	if _, err := s.checkReceipt(7, px, rewritten, grants); !errors.Is(err, ErrBadReceipt) {
		t.Fatalf("a receipt with its purpose rewritten: %v, want dropped", err)
	}
	if _, err := s.checkReceipt(7, px, receipt(""), grants); err != nil {
		t.Fatalf("a version-1 receipt: %v", err)
	}
}

// TestRotationCarriesPolicyInBundle: a key rotation re-bundles a grant
// knowing only its purposeHash. With the policy no longer pinned on the
// owner's node, the new bundle still carries it (taken from the bundle it
// replaces), so the proxies go on enforcing the limit: 1 read before the
// rotation, 1 after, and the 3rd under a 2-read policy is refused. The
// brand reads the policy from the new bundle.
func TestRotationCarriesPolicyInBundle(t *testing.T) {
	w := newWorld(t)
	data := []byte("kept under its policy\n")
	ds, c := w.put(data)
	pol := &policy.Policy{Permitted: []string{"use"}, Reads: 2}
	w.grantUnder(ds, pol, 3)
	if err := w.ownerFS.Unpin(w.ctx, policy.CIDOf(pol.Hash())); err != nil {
		t.Fatal(err)
	}
	if _, err := w.ownerFS.GC(w.ctx); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := w.brand.GetFor(w.ctx, c, "", &buf); err != nil {
		t.Fatalf("the read before the rotation: %v", err)
	}
	newKey, _ := reencrypt.GenerateSecretKey()
	if _, err := w.owner.Rotate(w.ctx, ds, newKey, []*reencrypt.SecretKey{w.dsKey}); err != nil {
		t.Fatal(err)
	}
	w.sync()
	gs, err := w.brand.ReceivedGrants(w.ctx)
	if err != nil || len(gs) != 1 {
		t.Fatalf("the brand's grants: %v, %v", gs, err)
	}
	got, err := w.brand.GrantPolicy(w.ctx, gs[0].PurposeHash, gs[0].Bundle)
	if err != nil || got == nil || !bytes.Equal(got.Bytes(), pol.Bytes()) {
		t.Fatalf("the re-bundled grant's policy: %v, %v", got, err)
	}
	buf.Reset()
	if _, err := w.brand.GetFor(w.ctx, c, "", &buf); err != nil || !bytes.Equal(buf.Bytes(), data) {
		t.Fatalf("the read after the rotation: %v", err)
	}
	_, err = w.brand.GetFor(w.ctx, c, "", &buf)
	everyProxyRefused(t, err, len(w.proxies), proxyapi.ErrReadLimit, "read limit reached")
}
