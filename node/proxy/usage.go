package proxy

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/policy"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/fsutil"
)

// A grant's on-chain purposeHash is the SHA-256 of its usage policy
// (acl/policy). The owner carries that document in the grant's kfrag
// bundle (reencrypt/bundle, version 1.1, the terms section), so a proxy
// learns the policy from the very object it takes its kfrag from, under
// the bundle digest on chain: a grant's kfrag and its terms arrive
// together or not at all. A bundle without terms is a grant without a
// policy (made before policies: its purposeHash is keccak256 of a purpose
// text), limited by its expiry alone. Nothing is looked up elsewhere and
// nothing is decided by a timeout: a policy slow to arrive, or never
// published apart from the bundle, cannot lift the grant's read limit.

// The terms a proxy recorded for a grant, with its kfrag (grantState.Terms).
const (
	// termsNone: the bundle carries no terms; a legacy grant.
	termsNone = "none"
	// termsPolicy: the bundle carries the grant's policy, kept in
	// policiesDir under its hash.
	termsPolicy = "policy"
	// termsMismatch: the bundle carries terms whose SHA-256 is not the
	// grant's purposeHash; every read of the grant is refused.
	termsMismatch = "mismatch"
)

// usage is what a proxy knows of a grant's policy: the parsed document,
// or nil for a legacy grant; bad is why the terms the grant carries
// cannot be enforced (they do not parse, or are not the policy the chain
// names), which refuses every read.
type usage struct {
	pol *policy.Policy
	bad error
}

// policiesDir holds the policy documents the proxy took from its grants'
// bundles, by hash, so a restart enforces exactly what it did before
// without fetching the bundles again.
const policiesDir = "policies"

func (p *Proxy) policyPath(h common.Hash) string {
	return filepath.Join(p.cfg.Dir, policiesDir, hex.EncodeToString(h[:])+".json")
}

// errTermsMismatch: the terms a grant's bundle carries are not the
// document the grant's purposeHash names.
var errTermsMismatch = errors.New("the policy in the grant's bundle is not the one the grant names on chain")

// keepTerms decides what a grant's bundle says of its policy and keeps the
// document on disk; the answer is recorded with the kfrag (setKFrag).
func (p *Proxy) keepTerms(g *grantState, terms []byte) (string, error) {
	switch {
	case terms == nil:
		return termsNone, nil
	case sha256.Sum256(terms) != g.Purpose:
		p.log.Warn("the grant's bundle carries a policy whose hash is not the grant's purposeHash; every read of the grant is refused",
			"dataset", g.Dataset, "grantee", g.Grantee.Hex(), "purpose_hash", g.Purpose.Hex(), "terms_hash", common.Hash(sha256.Sum256(terms)).Hex())
		return termsMismatch, nil
	}
	if err := fsutil.WriteFileAtomic(p.policyPath(g.Purpose), terms, 0o600); err != nil {
		return "", fmt.Errorf("proxy: keeping the grant's policy: %w", err)
	}
	return termsPolicy, nil
}

// usageOf is the policy of grant g, as recorded with its kfrag: parsed
// once per policy hash and kept in memory.
func (p *Proxy) usageOf(g *grantState, block uint64) (*usage, error) {
	switch g.Terms {
	case termsNone:
		return &usage{}, nil
	case termsMismatch:
		return &usage{bad: errTermsMismatch}, nil
	case termsPolicy:
	default:
		// The kfrag and its terms are stored together, before any read;
		// a grant without them changed since the kfrag was loaded.
		return nil, refuse(proxyapi.CodeNoKFrag, block, "the grant of dataset %d to %s changed meanwhile; retry", g.Dataset, g.Grantee.Hex())
	}
	p.mu.Lock()
	u := p.usages[g.Purpose]
	p.mu.Unlock()
	if u != nil {
		return u, nil
	}
	b, err := os.ReadFile(p.policyPath(g.Purpose))
	switch {
	case err != nil:
		return nil, fmt.Errorf("proxy: reading the grant's policy: %w", err)
	case sha256.Sum256(b) != g.Purpose:
		u = &usage{bad: errors.New("the policy kept on disk was altered")}
	default:
		u = parseUsage(b)
	}
	p.mu.Lock()
	p.usages[g.Purpose] = u
	p.mu.Unlock()
	return u, nil
}

// parseUsage reads a policy document. One that does not parse is bound
// to the grant all the same: its reads are refused rather than served
// without the limits it may set.
func parseUsage(b []byte) *usage {
	pol, err := policy.Parse(b)
	if err != nil {
		return &usage{bad: err}
	}
	return &usage{pol: pol}
}

// enforce checks a request's purpose against the grant's policy and, under
// a read limit, reserves one read of the grantee's count; release undoes
// the reservation when the read is not answered after all.
func (p *Proxy) enforce(g *grantState, purpose string, block uint64) (release func(), err error) {
	u, err := p.usageOf(g, block)
	if err != nil {
		return nil, err
	}
	if u.bad != nil {
		return nil, refuse(proxyapi.CodePurposeNotPermitted, block, "the grant's policy document cannot be read (%v); the owner must grant again", u.bad)
	}
	limit := 0
	if u.pol != nil {
		if err := u.pol.Permits(purpose); err != nil {
			return nil, refuse(proxyapi.CodePurposeNotPermitted, block, "the grant's policy does not permit reading for %s", purpose)
		}
		if n, ok := u.pol.MaxReads(); ok {
			limit = n
		}
	}
	key := readKey{g.Dataset, g.Grantee, g.Purpose}
	if !p.store.reserveRead(key, limit) {
		return nil, refuse(proxyapi.CodeReadLimit, block, "read limit reached: the grant's policy allows %d reads, and this proxy answered them all", limit)
	}
	return func() { p.store.releaseRead(key) }, nil
}

// readKey is what reads are counted under: the grantee's reads of one
// dataset under one policy document. A new grant of the pair with the same
// policy (a rotation's re-grant, or granting the same terms again) goes on
// counting; a grant under another document (a new purchase names a new
// one) starts from zero.
type readKey struct {
	dataset uint64
	grantee common.Address
	policy  common.Hash
}

// Reads is how many reads this proxy answered for a grantee of a dataset
// under a policy hash (the receipts it holds).
func (p *Proxy) Reads(dataset uint64, grantee common.Address, policyHash common.Hash) int {
	return p.store.readsOf(readKey{dataset, grantee, policyHash})
}
