package proxy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/policy"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/fsutil"
	"github.com/pdx-network/pdx/node/storage"
)

// A grant's on-chain purposeHash is the SHA-256 of its usage policy
// (acl/policy), stored on IPFS as one raw block. The proxy enforces what
// of it a proxy can: the purpose a request reads for and the most reads a
// grantee may make. A grant whose hash names no policy document on IPFS
// (grants made before policies: their purposeHash is keccak256 of a purpose
// text that was never published) is a legacy grant, limited by its expiry
// alone.

// DefaultPolicyTimeout bounds the lookup of a grant's policy on IPFS.
// The owner's node serves a grant's policy with its bundle, so a policy
// that exists arrives in about the time the bundle did; the wait is paid
// in full only by a legacy grant, once per proxy.
const DefaultPolicyTimeout = time.Second

// usage is what a proxy knows of a grant's policy: the parsed document,
// or nil for a legacy grant; bad is why a document bound to the grant
// cannot be enforced (it fails to parse), which refuses every read.
type usage struct {
	pol *policy.Policy
	bad error
}

// policiesDir holds the policy documents a proxy resolved, by hash, and
// the markers of hashes it found no document for, so each is looked up on
// IPFS once per proxy, and a restart enforces exactly what it did before.
const policiesDir = "policies"

func (p *Proxy) policyPath(h common.Hash, ext string) string {
	return filepath.Join(p.cfg.Dir, policiesDir, hex.EncodeToString(h[:])+ext)
}

// usageOf resolves a grant's policy by its hash: from memory, from the
// proxy's disk, or from IPFS (the block fetched, checked against the hash,
// parsed, kept). A lookup that finds nothing within PolicyTimeout makes
// the grant legacy, durably: the owner's node serves a policy together
// with the grant's bundle, which this proxy already fetched, so a policy
// that is not there then was not bound. Concurrent lookups share one.
func (p *Proxy) usageOf(ctx context.Context, h common.Hash) (*usage, error) {
	p.mu.Lock()
	u := p.usages[h]
	p.mu.Unlock()
	if u != nil {
		return u, nil
	}
	v, err, _ := p.policies.Do(h.Hex(), func() (any, error) {
		u, err := p.loadUsage(ctx, h)
		if err == nil {
			p.mu.Lock()
			p.usages[h] = u
			p.mu.Unlock()
		}
		return u, err
	})
	if err != nil {
		return nil, err
	}
	return v.(*usage), nil
}

func (p *Proxy) loadUsage(ctx context.Context, h common.Hash) (*usage, error) {
	if _, err := os.Stat(p.policyPath(h, ".legacy")); err == nil {
		return &usage{}, nil
	}
	if b, err := os.ReadFile(p.policyPath(h, ".json")); err == nil {
		return parseUsage(b), nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.cfg.PolicyTimeout)
	defer cancel()
	b, err := p.cfg.Bundles.Bundle(fctx, h)
	switch {
	case err == nil && len(b) <= policy.MaxSize && sha256.Sum256(b) == h:
		if err := fsutil.WriteFileAtomic(p.policyPath(h, ".json"), b, 0o600); err != nil {
			return nil, err
		}
		u := parseUsage(b)
		p.log.Info("grant policy resolved", "policy", h.Hex(), "enforced", u.pol != nil)
		return u, nil
	case err == nil || errors.Is(err, storage.ErrNotFound) || errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
		// Nothing (or no document of this hash) is on IPFS under the
		// hash: a legacy grant.
		if err := fsutil.WriteFileAtomic(p.policyPath(h, ".legacy"), nil, 0o600); err != nil {
			return nil, err
		}
		p.log.Info("no policy document for the grant's purpose hash; a legacy grant", "policy", h.Hex())
		return &usage{}, nil
	}
	return nil, refuse(proxyapi.CodeUnavailable, 0, "looking up the grant's policy on IPFS: %v", err)
}

// parseUsage reads a stored policy document. One that does not parse is
// bound to the grant all the same: its reads are refused rather than
// served without the limits it may set.
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
func (p *Proxy) enforce(ctx context.Context, g *grantState, purpose string, block uint64) (release func(), err error) {
	u, err := p.usageOf(ctx, g.Purpose)
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
