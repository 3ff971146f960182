package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// ProxySet is the owner's choice of the proxies its grants share a dataset
// key among. The Registry's proxy list is open to anyone (registerProxy
// takes no permission), so it is a directory to discover proxies from and
// never a set to trust: a grantee that registered t proxies of its own and
// got their kfrags could re-encrypt offline after a revocation. Only the
// owner's configuration decides.
type ProxySet struct {
	// Addresses are the proxies the owner trusts, in order of preference:
	// the daemon's own local proxies in local mode, proxies.addresses in
	// remote mode.
	Addresses []common.Address
	// Shares is n, how many of Addresses a grant uses (one kfrag each); 0
	// means all of them. A proxy that cannot be used (not registered, an
	// HPKE key pdx cannot seal to, no endpoint) is skipped for the next.
	Shares int
	// Threshold is t for a grant that names none.
	Threshold int
}

// Errors about proxies callers branch on.
var (
	// ErrUnusableProxy: a proxy named for a grant is not registered, has an
	// HPKE key no kfrag can be sealed to, or has no endpoint.
	ErrUnusableProxy = errors.New("service: proxy cannot be used for a grant")
	// ErrGranteeKeys: the grantee registered no keys, or a receiving key
	// that is not a secp256k1 point (the contract checks only its prefix).
	ErrGranteeKeys = errors.New("service: the grantee's keys cannot be granted to")
)

// grantProxies is the one place that decides which proxies a grant uses.
// want, when not empty, is a set already fixed — named by the owner for
// this grant, or the set of the earlier grant a re-grant replaces — and is
// used exactly, every proxy checked. Otherwise the first Shares usable
// proxies of the owner's ProxySet are used.
func (s *Service) grantProxies(ctx context.Context, want []common.Address) ([]acl.ProxyRecord, error) {
	if len(want) > 0 {
		out := make([]acl.ProxyRecord, 0, len(want))
		seen := map[common.Address]bool{}
		for _, a := range want {
			if seen[a] {
				return nil, fmt.Errorf("%w: proxy %s is named twice: each share goes to a different proxy", ErrUnusableProxy, a.Hex())
			}
			seen[a] = true
			p, err := s.usableProxy(ctx, a)
			if err != nil {
				return nil, err
			}
			out = append(out, p)
		}
		return out, nil
	}
	set := s.cfg.Proxies
	if len(set.Addresses) == 0 {
		return nil, fmt.Errorf("%w: this node has no proxies configured for grants (proxies.addresses)", ErrNotEnoughProxies)
	}
	n := set.Shares
	if n <= 0 || n > len(set.Addresses) {
		n = len(set.Addresses)
	}
	out := make([]acl.ProxyRecord, 0, n)
	var skipped []string
	for _, a := range set.Addresses {
		if len(out) == n {
			break
		}
		p, err := s.usableProxy(ctx, a)
		if errors.Is(err, ErrUnusableProxy) {
			s.log.Warn("a configured proxy cannot be used for grants; skipping it", "proxy", a.Hex(), "err", err)
			skipped = append(skipped, err.Error())
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if len(out) < n {
		return nil, fmt.Errorf("%w: a grant takes %d proxies and only %d of the %d configured can be used: %s",
			ErrNotEnoughProxies, n, len(out), len(set.Addresses), strings.Join(skipped, "; "))
	}
	return out, nil
}

// usableProxy reads a proxy from the Registry and checks what a grant
// needs of it: registered, an HPKE key the bundle format seals to, an
// endpoint that passes acl.CheckEndpoint. A failure to read the chain is returned as it is (the caller
// may retry); anything wrong with the proxy wraps ErrUnusableProxy.
func (s *Service) usableProxy(ctx context.Context, a common.Address) (acl.ProxyRecord, error) {
	p, err := s.cfg.Chain.ProxyOf(ctx, a)
	if errors.Is(err, acl.ErrUnknownProxy) {
		return acl.ProxyRecord{}, fmt.Errorf("%w: %s is not a registered proxy", ErrUnusableProxy, a.Hex())
	}
	if err != nil {
		return acl.ProxyRecord{}, fmt.Errorf("service: reading proxy %s: %w", a.Hex(), err)
	}
	if err := bundle.ValidatePublicKey(p.HPKEKey); err != nil {
		return acl.ProxyRecord{}, fmt.Errorf("%w: %s registered an HPKE key no kfrag can be sealed to: %v", ErrUnusableProxy, a.Hex(), err)
	}
	if strings.TrimSpace(p.Endpoint) == "" {
		return acl.ProxyRecord{}, fmt.Errorf("%w: %s registered no endpoint", ErrUnusableProxy, a.Hex())
	}
	if _, err := acl.CheckEndpoint(p.Endpoint, s.cfg.AllowPrivateEndpoints); err != nil {
		return acl.ProxyRecord{}, fmt.Errorf("%w: %s registered an endpoint pdx will not dial: %v", ErrUnusableProxy, a.Hex(), err)
	}
	return p, nil
}

// keptProxies is the proxy set of an earlier grant to grantee on dataset,
// read from its kfrag bundle (digest as on chain), so that a re-grant —
// after a rotation, a lost bundle, a purchase that extends a live grant —
// keeps the proxies the grant was made with. When the bundle cannot be
// read it returns nil, and says so in the log: the re-grant then goes to
// the configured set.
func (s *Service) keptProxies(ctx context.Context, dataset uint64, grantee common.Address, digest [32]byte) []common.Address {
	fctx, cancel := context.WithTimeout(ctx, min(s.cfg.FetchTimeout, 10*time.Second))
	defer cancel()
	raw, err := envstore.Bundles{S: s.cfg.Store}.Bundle(fctx, digest)
	if err == nil {
		var bd *bundle.Bundle
		if bd, err = bundle.Parse(raw); err == nil {
			if bd.Grant.Dataset != acl.DatasetID32(dataset) || common.Address(bd.Grant.Grantee) != grantee {
				err = fmt.Errorf("the bundle is of dataset %x, grantee %x", bd.Grant.Dataset, bd.Grant.Grantee)
			} else {
				out := make([]common.Address, len(bd.Proxies))
				for i, a := range bd.Proxies {
					out[i] = common.Address(a)
				}
				return out
			}
		}
	}
	s.log.Warn("re-grant: the earlier grant's kfrag bundle cannot be read, so its proxies are unknown; using the configured proxies",
		"dataset", dataset, "grantee", grantee.Hex(), "bundle", bundleCID(digest), "err", err)
	return nil
}
