package service

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// Every read through the proxies names its purpose (acl/proxy/PROTOCOL.md,
// version 2). A reader that names none reads for the grant's own purpose:
// the one its usage policy permits, or DefaultReadPurpose when the policy
// permits any purpose or the grant has no policy (a legacy grant). When
// the policy permits several, the reader must say which: pdx does not
// guess why someone reads.
//
// A grant's policy travels in its kfrag bundle (reencrypt/bundle 1.1, the
// terms section), checked against the grant's purposeHash: a reader knows
// it for certain from the object it needs to read at all, and a bundle
// without terms is a grant without a policy — never a policy that did not
// arrive in time.

// DefaultReadPurpose is the purpose of a read that names none, under a
// grant whose policy does not narrow it: providing the service the data
// was shared for.
const DefaultReadPurpose = "dpv:ServiceProvision"

// ErrBadPurpose: a purpose no policy can name (empty, too long, spaces
// or control characters).
var ErrBadPurpose = errkind.New(errkind.Usage, "bad purpose")

// ErrPurposeNeeded: a read named no purpose and the grant's policy permits
// several.
var ErrPurposeNeeded = errkind.New(errkind.Usage, "name the purpose of the read")

// ErrPolicyMismatch: a grant's bundle carries a policy that is not the one
// its purposeHash names; the proxies refuse every read of such a grant.
var ErrPolicyMismatch = errors.New("service: the policy in the grant's kfrag bundle is not the one the grant names on chain")

// policyCache keeps the policies read from grants' bundles, by bundle
// digest (a bundle's terms never change).
type policyCache struct {
	mu       sync.Mutex
	byBundle map[[32]byte]*policy.Policy
}

// bundlePolicy is the usage policy bd carries for a grant whose
// purposeHash is hash: nil, nil for a bundle without terms (a legacy
// grant).
func bundlePolicy(hash [32]byte, bd *bundle.Bundle) (*policy.Policy, error) {
	if bd.Terms == nil {
		return nil, nil
	}
	if sha256.Sum256(bd.Terms) != hash {
		return nil, ErrPolicyMismatch
	}
	pol, err := policy.Parse(bd.Terms)
	if err != nil {
		return nil, fmt.Errorf("%w: the grant's policy document does not parse: %w", ErrBadPolicy, err)
	}
	return pol, nil
}

// GrantPolicy returns the usage policy of the grant whose purposeHash is
// hash and whose kfrag bundle has digest bundleDigest: the one the grant's
// bundle carries, checked against the hash; nil, nil when the bundle
// carries none (a legacy grant). A bundle that cannot be fetched is an
// error, never a legacy grant.
func (s *Service) GrantPolicy(ctx context.Context, hash, bundleDigest [32]byte) (*policy.Policy, error) {
	s.policies.mu.Lock()
	pol, ok := s.policies.byBundle[bundleDigest]
	s.policies.mu.Unlock()
	if ok {
		return pol, nil
	}
	fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	defer cancel()
	b, err := envstore.Bundles{S: s.cfg.Store}.Bundle(fctx, common.Hash(bundleDigest))
	if err != nil {
		return nil, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, fmt.Errorf("service: fetching the grant's kfrag bundle for its policy: %w", err))
	}
	bd, err := bundle.Parse(b)
	if err != nil {
		return nil, err
	}
	if pol, err = bundlePolicy(hash, bd); err != nil {
		return nil, err
	}
	s.policies.mu.Lock()
	s.policies.byBundle[bundleDigest] = pol
	s.policies.mu.Unlock()
	return pol, nil
}

// DefaultPurpose is the purpose of a read under a grant with policy pol
// (nil: a legacy grant), when the reader names none (see above).
func DefaultPurpose(pol *policy.Policy) (string, error) {
	if pol == nil {
		return DefaultReadPurpose, nil
	}
	switch len(pol.Purposes) {
	case 0:
		return DefaultReadPurpose, nil
	case 1:
		return pol.Purposes[0], nil
	}
	return "", fmt.Errorf("%w: the grant's policy permits reading for %s; say which one this read is for", ErrPurposeNeeded, strings.Join(pol.Purposes, ", "))
}

// GrantReads is what a grantee learns of its reads under a grant's usage
// policy, from the grant's proxies.
type GrantReads struct {
	// Used is the most reads any of the grant's proxies answered under the
	// policy (each counts its own; an honest get is one read at each).
	Used int `json:"used"`
	// Allowed is the policy's maximum reads; 0 when it sets none or the
	// grant has no policy (a legacy grant).
	Allowed int `json:"allowed"`
	// Unanswered are the proxies that did not hand over their count.
	Unanswered int `json:"unanswered,omitempty"`
}

// ReadsOf asks each proxy of this account's grant g for this account's own
// receipts of the dataset (a Receipts request signed by the grantee,
// acl/proxy/PROTOCOL.md) and counts those under the grant's policy.
func (s *Service) ReadsOf(ctx context.Context, g CurrentGrant) (GrantReads, error) {
	var out GrantReads
	pol, err := s.GrantPolicy(ctx, g.PurposeHash, g.Bundle)
	if err != nil {
		return out, err
	}
	if pol != nil {
		out.Allowed, _ = pol.MaxReads()
	}
	for _, p := range s.bundleProxies(ctx, g.Bundle) {
		rs, err := s.proxyReceipts(ctx, g.Dataset, p)
		if err != nil {
			s.log.Debug("a proxy did not tell this account's reads", "proxy", p.Hex(), "dataset", g.Dataset, "err", err)
			out.Unanswered++
			continue
		}
		n := 0
		for _, r := range rs {
			if r.Grantee == s.addr && r.Policy == common.Hash(g.PurposeHash) {
				n++
			}
		}
		out.Used = max(out.Used, n)
	}
	return out, nil
}
