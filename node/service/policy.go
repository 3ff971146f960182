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
// takes the document from what this node knows for certain: the policy
// it pinned when it published it (or a buyer's node, when it bought),
// else the policy the replaced bundle carried, else — the block being
// gone from this node with its pin — a copy other IPFS nodes still serve.
// A hash none of these resolves is a grant made before policies: its
// purposeHash is keccak256 of a purpose text.
func (s *Service) grantTerms(ctx context.Context, req GrantRequest, purpose [32]byte) ([]byte, error) {
	if req.Policy != nil && req.Policy.Hash() == purpose {
		return req.Policy.Bytes(), nil
	}
	if req.Policy == nil && req.PurposeHash == nil {
		return nil, nil // a purpose text
	}
	fetch := func(d time.Duration) ([]byte, error) {
		fctx, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		b, err := envstore.Bundles{S: s.cfg.Store}.Bundle(fctx, common.Hash(purpose))
		if err != nil {
			return nil, err
		}
		if sha256.Sum256(b) != purpose || !policy.IsDocument(b) {
			return nil, nil
		}
		return b, nil
	}
	pinned, err := s.cfg.Store.IsPinned(ctx, policy.CIDOf(purpose))
	if err != nil {
		return nil, fmt.Errorf("service: looking for the grant's usage policy on this node: %w", err)
	}
	if pinned {
		b, err := fetch(s.cfg.FetchTimeout)
		if err != nil {
			return nil, fmt.Errorf("service: reading the grant's usage policy pinned on this node: %w", err)
		}
		if b != nil {
			return b, nil
		}
	}
	if req.FromBundle != ([32]byte{}) {
		fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
		raw, err := envstore.Bundles{S: s.cfg.Store}.Bundle(fctx, common.Hash(req.FromBundle))
		cancel()
		if err == nil {
			if bd, err := bundle.Parse(raw); err == nil && bd.Terms != nil && sha256.Sum256(bd.Terms) == purpose {
				return bd.Terms, nil
			}
			if err == nil {
				return nil, nil // the grant being replaced had no policy
			}
		}
	}
	b, err := fetch(s.cfg.FetchTimeout)
	if err != nil && ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if b == nil {
		s.log.Warn("no usage policy found for a grant's purpose hash on this node or in the bundle it replaces; granting it again without one",
			"dataset", req.Dataset, "grantee", req.Grantee.Hex(), "purpose_hash", common.Hash(purpose).Hex())
	}
	return b, nil
}
