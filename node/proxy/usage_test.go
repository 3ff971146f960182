package proxy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl/policy"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// putPolicy stores a usage policy where proxies look it up (IPFS in the
// test world) and returns its hash, the grant's purposeHash.
func (w *testWorld) putPolicy(reads int, purposes ...string) common.Hash {
	w.t.Helper()
	pol := &policy.Policy{Purposes: purposes, Permitted: []string{"use"}, Reads: reads}
	if err := pol.Validate(); err != nil {
		w.t.Fatal(err)
	}
	h := w.bundles.put(pol.Bytes())
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

func mustHex(t *testing.T, s string) []byte {
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

// TestLegacyGrantAndVersion1: a grant whose purpose hash names no policy
// on IPFS is a legacy grant: any purpose, no read limit, and the proxy
// decides so once (a marker in its state). A version-1 request (no
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
	if _, err := os.Stat(filepath.Join(p.cfg.Dir, policiesDir, strings.TrimPrefix(legacy.Hex(), "0x")+".legacy")); err != nil {
		t.Fatalf("the legacy decision is not kept: %v", err)
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
