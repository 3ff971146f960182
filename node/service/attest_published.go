package service

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"slices"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/node/storage"
)

// Off-chain attestations a grantee finds by itself (contracts/spec/
// attestation-v1.md, "Off-chain attestations a grantee finds"): the owner's
// node publishes each off-chain attestation it keeps as one raw block on
// IPFS, and a grant made under a usage policy names those blocks in the
// policy (dct:references), which the grant's bundle carries and the chain
// hashes. A grantee's verification fetches them — bounded, parsed
// strictly, verified like any other — and costs nobody a transaction.

// attestationPinName names the pin of a published off-chain attestation.
func attestationPinName(c cid.Cid) string { return "pdx/attestation/" + c.String() }

// PublishAttestation adds an off-chain attestation file (at most
// attest.MaxOffchainFile bytes, checked to parse) to this node's IPFS as
// one raw block, pinned, and returns its CID: the same file always gives
// the same CID, so publishing again is a no-op.
func (s *Service) PublishAttestation(ctx context.Context, file []byte) (cid.Cid, error) {
	if _, err := attest.ParseOffchain(file); err != nil {
		return cid.Undef, err
	}
	want := policy.CIDOf(sha256.Sum256(file))
	c, err := s.cfg.Store.Add(ctx, bytes.NewReader(file), storage.AddOptions{Name: attestationPinName(want), MaxSize: attest.MaxOffchainFile})
	if err != nil {
		return cid.Undef, fmt.Errorf("service: publishing the attestation on IPFS: %w", err)
	}
	if !c.Equals(want) {
		return cid.Undef, fmt.Errorf("service: the attestation was stored as %s, not as the one raw block %s", c, want)
	}
	return c, nil
}

// maxPublishedFetched bounds the published attestations one verification
// fetches: the policy names at most policy.MaxAttestations.
const maxPublishedFetched = policy.MaxAttestations

// publishedAttestations verifies the off-chain attestations the usage
// policy of this account's grant on want's dataset names: each fetched
// from IPFS within FetchTimeout, at most attest.MaxOffchainFile bytes, its
// bytes checked against its CID by the store, parsed strictly and
// verified. One that cannot be fetched, or does not parse, is reported as
// failed with the reason, never dropped and never trusted; one for another
// version of the dataset is left out (the policy names the dataset's).
// have are the UIDs already reported (a file the reader was handed).
func (s *Service) publishedAttestations(ctx context.Context, v *attest.Verifier, want attest.Expect, have []attest.Result) ([]attest.Result, error) {
	if want.Owner == s.addr {
		return nil, nil // the owner's node reads the files it keeps
	}
	evs, err := s.events().Granted(ctx, acl.GrantedFilter{Dataset: &want.Dataset, Grantee: &s.addr})
	if err != nil || len(evs) == 0 {
		return nil, err
	}
	g := evs[len(evs)-1]
	pol, err := s.GrantPolicy(ctx, g.PurposeHash, g.Bundle)
	if err != nil || pol == nil {
		// No policy (a legacy grant) names nothing; a policy that cannot
		// be read now is the get's business, not the attestations'.
		return nil, nil
	}
	var out []attest.Result
	for i, ref := range pol.Attestations {
		if i == maxPublishedFetched {
			break
		}
		c, err := cid.Decode(ref)
		if err != nil {
			continue // policy.Parse checked every reference
		}
		failed := func(why string) {
			out = append(out, attest.Result{Status: attest.StatusFailed, Code: "published",
				Reason: fmt.Sprintf("the off-chain attestation ipfs://%s the grant's policy names %s", c, why)})
		}
		file, err := s.fetchBounded(ctx, c, attest.MaxOffchainFile)
		if err != nil {
			failed("could not be fetched: " + err.Error())
			continue
		}
		o, err := attest.ParseOffchain(file)
		if err != nil {
			failed("is not one: " + err.Error())
			continue
		}
		if slices.ContainsFunc(have, func(r attest.Result) bool { return r.UID == o.Sig.UID }) {
			continue
		}
		r, err := v.Offchain(ctx, o, want)
		if err != nil {
			return nil, err
		}
		if r.Status == attest.StatusFailed && otherVersion(r) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// fetchBounded reads object c from IPFS within FetchTimeout, refusing more
// than max bytes.
func (s *Service) fetchBounded(ctx context.Context, c cid.Cid, max int) ([]byte, error) {
	fctx, cancel := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	defer cancel()
	rc, err := s.cfg.Store.Get(fctx, c)
	if err != nil {
		return nil, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(max)+1))
	if err != nil {
		return nil, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, err)
	}
	if len(b) > max {
		return nil, fmt.Errorf("it is more than %d bytes", max)
	}
	return b, nil
}
