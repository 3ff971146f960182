package proxy

import (
	"crypto/sha256"
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl/policy"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// putPolicy makes a usage policy that the bundles of grants under it carry
// (sealGrant) and returns its hash, the grant's purposeHash. It is not put
// on IPFS: proxies take a policy from the grant's bundle alone.
func (w *testWorld) putPolicy(reads int, purposes ...string) common.Hash {
	w.t.Helper()
	pol := &policy.Policy{Purposes: purposes, Permitted: []string{"use"}, Reads: reads}
	if err := pol.Validate(); err != nil {
		w.t.Fatal(err)
	}
	h := common.Hash(sha256.Sum256(pol.Bytes()))
	w.terms[h] = pol.Bytes()
	if h != common.Hash(pol.Hash()) {
		w.t.Fatal("the policy's hash is not the SHA-256 of its bytes")
	}
	return h
}

// requestFor signs a request for purpose.
func (w *testWorld) requestPurpose(p *Proxy, purpose string) *proxyapi.ReencryptBody {
	w.t.Helper()
	body := w.request(p, w.grantee)
	req := proxyapi.ReencryptRequest{Proxy: body.Proxy, Dataset: body.Dataset, CapsuleHash: crypto.Keccak256Hash(mustHex(w.t, body.Capsule)),
		Purpose: purpose, Nonce: body.Nonce, Deadline: body.Deadline}
	sig, err := req.Sign(w.domain, w.grantee)
	if err != nil {
		w.t.Fatal(err)
	}
	body.Purpose, body.Signature = purpose, common.Bytes2Hex(sig)
	return body
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	return common.FromHex(s)
}

// TestPolicyPurposeEnforced: a grant whose policy permits research is read
// for research (and for a narrower purpose of it), and refused for
// marketing with the typed refusal, which costs no read. The receipt
// records the purpose the reader signed.
func TestPolicyPurposeEnforced(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	pol := w.putPolicy(0, "dpv:ResearchAndDevelopment")
	w.grant(p, pol, w.sealGrant(pol, []bundle.Recipient{recipient(p)}))

	_, err := p.Reencrypt(w.ctx, w.requestPurpose(p, "dpv:Marketing"))
	if !errors.Is(err, proxyapi.ErrPurposeNotPermitted) || !strings.Contains(err.Error(), "the grant's policy does not permit reading for dpv:Marketing") {
		t.Fatalf("a purpose outside the policy: %v", err)
	}
	for _, purpose := range []string{"dpv:ResearchAndDevelopment", "dpv:CommercialResearch"} {
		if _, err := p.Reencrypt(w.ctx, w.requestPurpose(p, purpose)); err != nil {
			t.Fatalf("a purpose the policy permits (%s): %v", purpose, err)
		}
	}
	rs, err := p.store.receipts(w.dataset)
	if err != nil || len(rs) != 2 {
		t.Fatalf("receipts: %d, %v; want the 2 answered reads", len(rs), err)
	}
	if rs[0].Request.Purpose != "dpv:ResearchAndDevelopment" || rs[1].Request.Purpose != "dpv:CommercialResearch" || rs[0].Policy != pol {
		t.Fatalf("receipts record purposes %q, %q under policy %s", rs[0].Request.Purpose, rs[1].Request.Purpose, rs[0].Policy.Hex())
	}
}

// TestReadLimitSurvivesRestart: a policy of at most 3 reads. The proxy
// answers 3 and refuses the 4th with read_limit; after a restart on the
// same state it still refuses (the count comes from its receipts). A
// re-grant under the same policy (a rotation's) goes on counting; a grant
// under another policy starts afresh.
func TestReadLimitSurvivesRestart(t *testing.T) {
	w := newTestWorld(t)
	dir := t.TempDir()
	p := w.newProxy(dir, nil)
	key := p.cfg.Account
	pol := w.putPolicy(3)
	w.grant(p, pol, w.sealGrant(pol, []bundle.Recipient{recipient(p)}))
	for i := range 3 {
		if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
			t.Fatalf("read %d of 3: %v", i+1, err)
		}
	}
	refused := func(p *Proxy, when string) {
		t.Helper()
		_, err := p.Reencrypt(w.ctx, w.request(p, w.grantee))
		if !errors.Is(err, proxyapi.ErrReadLimit) || !strings.Contains(err.Error(), "read limit reached") {
			t.Fatalf("%s: %v, want read limit reached", when, err)
		}
		if n := p.Reads(w.dataset, w.granteeAddr(), pol); n != 3 {
			t.Fatalf("%s: %d reads counted, want 3", when, n)
		}
	}
	refused(p, "the 4th read")

	p.waitFetches()
	p2 := w.newProxy(dir, func(c *Config) { c.Account = key })
	refused(p2, "the 4th read after a restart")

	// The same policy granted again (a rotation re-grants it): still spent.
	w.grant(p2, pol, w.sealGrant(pol, []bundle.Recipient{recipient(p2)}))
	refused(p2, "a re-grant under the same policy")

	// A new grant under another policy (a new purchase): a new count.
	pol2 := w.putPolicy(1)
	w.grant(p2, pol2, w.sealGrant(pol2, []bundle.Recipient{recipient(p2)}))
	if _, err := p2.Reencrypt(w.ctx, w.request(p2, w.grantee)); err != nil {
		t.Fatalf("the first read under a new policy: %v", err)
	}
	if _, err := p2.Reencrypt(w.ctx, w.request(p2, w.grantee)); !errors.Is(err, proxyapi.ErrReadLimit) {
		t.Fatalf("the second read under a 1-read policy: %v", err)
	}
}

// TestLegacyGrantAndVersion1: a grant whose bundle carries no policy is a
// legacy grant: any purpose, no read limit, and the proxy decides so once
// (recorded with the grant's kfrag in its state). A version-1 request (no
// purpose) is refused as such, and a malformed purpose as bad input.
func TestLegacyGrantAndVersion1(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	legacy := common.HexToHash("0x01")
	w.grant(p, legacy, w.sealGrant(legacy, []bundle.Recipient{recipient(p)}))
	for _, purpose := range []string{"dpv:Marketing", "anything-at-all", "dpv:Marketing"} {
		if _, err := p.Reencrypt(w.ctx, w.requestPurpose(p, purpose)); err != nil {
			t.Fatalf("a legacy grant read for %s: %v", purpose, err)
		}
	}
	if g, err := p.store.grant(w.dataset, w.granteeAddr()); err != nil || g == nil || g.Terms != termsNone {
		t.Fatalf("the legacy decision is not kept: %+v, %v", g, err)
	}
	v1 := w.request(p, w.grantee)
	v1.Purpose = ""
	if _, err := p.Reencrypt(w.ctx, v1); !errors.Is(err, proxyapi.ErrUnsupportedVersion) {
		t.Fatalf("a version-1 request: %v", err)
	}
	bad := w.requestPurpose(p, "read it all")
	var pe *proxyapi.Error
	if _, err := p.Reencrypt(w.ctx, bad); !errors.As(err, &pe) || pe.Code != proxyapi.CodeBadRequest {
		t.Fatalf("a purpose with spaces: %v", err)
	}
}

// TestWithheldPolicyKeepsReadLimit attacks "a policy block slow to arrive
// or withheld does not lift the read limit": the grant's policy (at most 3
// reads) is never published on IPFS at all — only its bundle is — and the
// 4th read is still refused, by a proxy that saw the grant first and by
// one that starts afresh. Nothing in it waits for a timeout.
func TestWithheldPolicyKeepsReadLimit(t *testing.T) {
	w := newTestWorld(t)
	pol := w.putPolicy(3)
	if _, err := w.bundles.Bundle(w.ctx, pol); err == nil {
		t.Fatal("the policy is on IPFS: the attack needs it withheld")
	}
	p := w.newProxy("", nil)
	w.grant(p, pol, w.sealGrant(pol, []bundle.Recipient{recipient(p)}))
	for i := range 3 {
		if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
			t.Fatalf("read %d of 3: %v", i+1, err)
		}
	}
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); !errors.Is(err, proxyapi.ErrReadLimit) {
		t.Fatalf("the 4th read with the policy withheld from IPFS: %v, want read limit reached", err)
	}
	// A proxy that first hears of the grant from a request (no event, no
	// prefetch) enforces the same limit from the bundle.
	q := w.newProxy("", nil)
	w.grantBlock++
	if err := q.OnGranted(w.ctx, w.dataset, w.granteeAddr(), 1, pol, w.sealGrant(pol, []bundle.Recipient{recipient(q)}), w.grantBlock); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := q.Reencrypt(w.ctx, w.request(q, w.grantee)); err != nil {
			t.Fatalf("second proxy, read %d of 3: %v", i+1, err)
		}
	}
	if _, err := q.Reencrypt(w.ctx, w.request(q, w.grantee)); !errors.Is(err, proxyapi.ErrReadLimit) {
		t.Fatalf("second proxy, the 4th read: %v, want read limit reached", err)
	}
}

// TestBundleTermsMismatchRefused: a bundle whose terms are not the policy
// the grant's purposeHash names (an owner's node that sealed the wrong
// document, or a grant made to look policy-bound) serves no read at all:
// neither under the carried terms nor as a legacy grant.
func TestBundleTermsMismatchRefused(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	pol := w.putPolicy(3)
	other := &policy.Policy{Permitted: []string{"use"}}
	if err := other.Validate(); err != nil {
		t.Fatal(err)
	}
	w.grant(p, pol, w.sealGrantTerms(pol, []bundle.Recipient{recipient(p)}, other.Bytes()))
	_, err := p.Reencrypt(w.ctx, w.request(p, w.grantee))
	if !errors.Is(err, proxyapi.ErrPurposeNotPermitted) || !strings.Contains(err.Error(), "not the one the grant names on chain") {
		t.Fatalf("a bundle with another policy: %v", err)
	}
	if n := p.Reads(w.dataset, w.granteeAddr(), pol); n != 0 {
		t.Fatalf("%d reads answered", n)
	}
	// A legacy grant's bundle that carries terms (its purposeHash names no
	// document) is refused the same way.
	legacy := common.HexToHash("0x02")
	w.grant(p, legacy, w.sealGrantTerms(legacy, []bundle.Recipient{recipient(p)}, other.Bytes()))
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); !errors.Is(err, proxyapi.ErrPurposeNotPermitted) {
		t.Fatalf("terms on a legacy grant: %v", err)
	}
}

// TestGrantFileWithoutTermsRefetches: a kfrag stored by a proxy of an
// earlier version (its grant file records no terms) is not read as a
// legacy grant: the proxy fetches the bundle again to learn its policy,
// and the limit holds across the upgrade.
func TestGrantFileWithoutTermsRefetches(t *testing.T) {
	w := newTestWorld(t)
	dir := t.TempDir()
	p := w.newProxy(dir, nil)
	key := p.cfg.Account
	pol := w.putPolicy(1)
	w.grant(p, pol, w.sealGrant(pol, []bundle.Recipient{recipient(p)}))
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
		t.Fatal(err)
	}
	p.waitFetches()
	g, err := p.store.grant(w.dataset, w.granteeAddr())
	if err != nil || g == nil || g.KFrag == "" || g.Terms != termsPolicy {
		t.Fatalf("grant state %+v, %v", g, err)
	}
	g.Terms = ""
	if err := p.store.putGrant(g); err != nil {
		t.Fatal(err)
	}
	p2 := w.newProxy(dir, func(c *Config) { c.Account = key })
	if _, err := p2.Reencrypt(w.ctx, w.request(p2, w.grantee)); !errors.Is(err, proxyapi.ErrReadLimit) {
		t.Fatalf("the 2nd read of 1 after an upgrade: %v, want read limit reached", err)
	}
	if g, _ := p2.store.grant(w.dataset, w.granteeAddr()); g == nil || g.Terms != termsPolicy {
		t.Fatalf("terms not recorded again: %+v", g)
	}
}
