package service

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// Usage policies (docs/policy.md) ride on what the chain already records:
// a grant's purposeHash and an offer's termsHash hold the SHA-256 of the
// policy's canonical bytes, which are published as one raw IPFS block, as
// an offer's terms text is. An offer's policy therefore travels as its
// "terms": the daemon keeps the document where it kept the text, the same
// TermsText reads it, and TermsPolicy tells the two apart.

// ErrBadPolicy: a block that claims to be a pdx usage policy does not parse
// as one; an offer naming it is not bought.
var ErrBadPolicy = errors.New("service: the usage policy is malformed")

// policyPinName names the pin of a policy this node published or bought
// under; the hash keeps two policies of one dataset apart.
func policyPinName(h [32]byte) string { return fmt.Sprintf("pdx/policy/%x", h) }

// TermsPolicy reads an offer's terms or a grant's purpose as a usage
// policy: the policy when text is one, nil when it is a plain text (an
// offer or a grant made before policies, shown as legacy), and
// ErrBadPolicy when it claims to be a policy and is not.
func TermsPolicy(text string) (*policy.Policy, error) {
	if !policy.IsDocument([]byte(text)) {
		return nil, nil
	}
	p, err := policy.Parse([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadPolicy, err)
	}
	return p, nil
}

// PublishPolicy adds a policy's canonical bytes to this node's IPFS as one
// raw block and pins it, so every node finds it from the hash the chain
// records (policy.CIDOf), and returns its CID.
func (s *Service) PublishPolicy(ctx context.Context, p *policy.Policy) (cid.Cid, error) {
	if err := p.Validate(); err != nil {
		return cid.Undef, err
	}
	h := p.Hash()
	c, err := s.cfg.Store.Add(ctx, bytes.NewReader(p.Bytes()), storage.AddOptions{Name: policyPinName(h), MaxSize: policy.MaxSize})
	if err != nil {
		return cid.Undef, fmt.Errorf("service: publishing the usage policy on IPFS: %w", err)
	}
	if !c.Equals(policy.CIDOf(h)) {
		return cid.Undef, fmt.Errorf("service: the usage policy was stored as %s, not as the one raw block %s", c, policy.CIDOf(h))
	}
	return c, nil
}

// pinPolicy pins the block of a policy read from IPFS on this node, so the
// policy a buyer paid under stays with it whatever the owner's node does.
func (s *Service) pinPolicy(ctx context.Context, p *policy.Policy) error {
	if err := s.cfg.Store.Pin(ctx, p.CID(), policyPinName(p.Hash())); err != nil {
		return fmt.Errorf("service: pinning the offer's usage policy %s: %w", p.CID(), err)
	}
	return nil
}

// grantTerms is the policy document the bundle of a grant under purpose
// (its purposeHash) carries: the policy's bytes, or nil for a grant
// without one. A new grant under a policy has it in hand. A re-bundling
// (rotation) or re-grant (reconcile) knows only the hash on chain, and
// takes the document from what this node holds for certain: the policy
// it pinned when it published it (or a buyer's node, when it bought),
// else the policy the replaced bundle carried, that bundle being pinned
// here too. Only when neither is pinned here (this node lost its pins: a
// reconcile re-grants because the bundle is gone) does it ask other IPFS
// nodes, for at most regrantLookup, for either; a hash nothing resolves
// is a grant made before policies (its purposeHash is keccak256 of a
// purpose text), and is logged.
func (s *Service) grantTerms(ctx context.Context, req GrantRequest, purpose [32]byte) ([]byte, error) {
	if req.Policy != nil && req.Policy.Hash() == purpose {
		return req.Policy.Bytes(), nil
	}
	if req.Policy == nil && req.PurposeHash == nil {
		return nil, nil // a purpose text
	}
	bundles := envstore.Bundles{S: s.cfg.Store}
	fromPolicy := func(ctx context.Context) ([]byte, error) {
		b, err := bundles.Bundle(ctx, common.Hash(purpose))
		if err != nil || sha256.Sum256(b) != purpose || !policy.IsDocument(b) {
			return nil, err
		}
		return b, nil
	}
	// found: whether the replaced bundle was read (its terms then decide).
	fromBundle := func(ctx context.Context) (terms []byte, found bool) {
		if req.FromBundle == ([32]byte{}) {
			return nil, false
		}
		raw, err := bundles.Bundle(ctx, common.Hash(req.FromBundle))
		if err != nil {
			return nil, false
		}
		bd, err := bundle.Parse(raw)
		if err != nil {
			return nil, false
		}
		if bd.Terms != nil && sha256.Sum256(bd.Terms) != purpose {
			return nil, false
		}
		return bd.Terms, true
	}
	pinned := func(c cid.Cid) (bool, error) {
		ok, err := s.cfg.Store.IsPinned(ctx, c)
		if err != nil {
			return false, fmt.Errorf("service: looking for the grant's usage policy on this node: %w", err)
		}
		return ok, nil
	}
	if ok, err := pinned(policy.CIDOf(purpose)); err != nil {
		return nil, err
	} else if ok {
		fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
		b, err := fromPolicy(fctx)
		cancel()
		if err != nil {
			return nil, fmt.Errorf("service: reading the grant's usage policy pinned on this node: %w", err)
		}
		if b != nil {
			return b, nil
		}
	}
	if req.FromBundle != ([32]byte{}) {
		bc, err := cid.Cast(acl.BundleCID(req.FromBundle))
		if err != nil {
			return nil, err
		}
		if ok, err := pinned(bc); err != nil {
			return nil, err
		} else if ok {
			fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
			terms, found := fromBundle(fctx)
			cancel()
			if found {
				return terms, nil
			}
		}
	}
	fctx, cancel := context.WithTimeout(ctx, min(regrantLookup, s.cfg.FetchTimeout))
	defer cancel()
	if terms, found := fromBundle(fctx); found {
		return terms, nil
	}
	b, err := fromPolicy(fctx)
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if b == nil {
		s.log.Warn("no usage policy for a grant's purpose hash is pinned on this node or carried by the bundle it replaces; granting it again without one",
			"dataset", req.Dataset, "grantee", req.Grantee.Hex(), "purpose_hash", common.Hash(purpose).Hex())
	}
	return b, nil
}

// regrantLookup bounds the search of other IPFS nodes for the policy of a
// grant re-made by a node that lost its own copies (grantTerms).
const regrantLookup = 2 * time.Second
