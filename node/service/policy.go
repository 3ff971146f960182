package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/node/storage"
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
