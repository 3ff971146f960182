package service

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/envstore"
)

// Every read through the proxies names its purpose (acl/proxy/PROTOCOL.md,
// version 2). A reader that names none reads for the grant's own purpose:
// the one its usage policy permits, or DefaultReadPurpose when the policy
// permits any purpose or the grant has no policy (a legacy grant). When
// the policy permits several, the reader must say which: pdx does not
// guess why someone reads.

// DefaultReadPurpose is the purpose of a read that names none, under a
// grant whose policy does not narrow it: providing the service the data
// was shared for.
const DefaultReadPurpose = "dpv:ServiceProvision"

// policyLookupTimeout bounds the lookup of a grant's policy on IPFS when a
// read names no purpose; a policy the brand bought is pinned on its node,
// so it answers at once, and a legacy grant has none to find.
const policyLookupTimeout = 500 * time.Millisecond

// ErrBadPurpose: a purpose no policy can name (empty, too long, spaces
// or control characters).
var ErrBadPurpose = errkind.New(errkind.Usage, "bad purpose")

// ErrPurposeNeeded: a read named no purpose and the grant's policy permits
// several.
var ErrPurposeNeeded = errkind.New(errkind.Usage, "name the purpose of the read")

type policyCache struct {
	mu   sync.Mutex
	byID map[[32]byte]*policy.Policy
}

// GrantPolicy returns the usage policy a grant's purposeHash names, read
// from IPFS and checked against the hash; nil, nil when IPFS holds no
// policy under it (a legacy grant). Lookups are cached, found or not.
func (s *Service) GrantPolicy(ctx context.Context, hash [32]byte) (*policy.Policy, error) {
	s.policies.mu.Lock()
	pol, ok := s.policies.byID[hash]
	s.policies.mu.Unlock()
	if ok {
		return pol, nil
	}
	fctx, cancel := context.WithTimeout(ctx, min(policyLookupTimeout, s.cfg.FetchTimeout))
	defer cancel()
	b, err := envstore.Bundles{S: s.cfg.Store}.Bundle(fctx, common.Hash(hash))
	switch {
	case err == nil && sha256.Sum256(b) == hash:
		if pol, err = policy.Parse(b); err != nil {
			return nil, fmt.Errorf("the grant's policy document does not parse: %w", err)
		}
	case err != nil && ctx.Err() != nil:
		return nil, ctx.Err()
	case err != nil:
		// Not found in time: a legacy grant, or a policy this node cannot
		// reach now. Either way the read is for DefaultReadPurpose, which
		// the proxies refuse, saying so, if the policy narrows it.
		s.log.Debug("grant policy not found on IPFS; reading as under a legacy grant", "hash", common.Hash(hash).Hex(), "err", err)
	}
	s.policies.mu.Lock()
	s.policies.byID[hash] = pol
	s.policies.mu.Unlock()
	return pol, nil
}

// DefaultPurpose is the purpose of a read under the grant whose policy
// hash is hash, when the reader names none (see above).
func (s *Service) DefaultPurpose(ctx context.Context, hash [32]byte) (string, error) {
	pol, err := s.GrantPolicy(ctx, hash)
	if err != nil {
		return "", err
	}
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
	pol, err := s.GrantPolicy(ctx, g.PurposeHash)
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
