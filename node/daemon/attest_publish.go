package daemon

import (
	"context"
	"slices"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl/policy"
)

// Off-chain attestations a grantee finds by itself (contracts/spec/
// attestation-v1.md): the files the owner keeps (pdx attestation add) are
// published on IPFS, and every grant made under a usage policy names them
// in the policy (dct:references), so the grantee's get fetches and
// verifies them without being handed anything, and nobody sends a
// transaction for them. Grants with a plain purpose carry no document and
// name none; a purchase is granted under the offer's policy, as bought.

// publishedFor publishes the off-chain attestations kept for the
// dataset's versions, newest version first, and returns their CIDs (at
// most policy.MaxAttestations).
func (d *Daemon) publishedFor(ctx context.Context, e Entry) ([]string, error) {
	var out []string
	for i := len(e.Versions) - 1; i >= 0 && len(out) < policy.MaxAttestations; i-- {
		c, err := cid.Decode(e.Versions[i].CID)
		if err != nil {
			continue
		}
		files, err := d.storedAttestations(c)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if len(out) == policy.MaxAttestations {
				break
			}
			pc, err := d.s.PublishAttestation(ctx, f)
			if err != nil {
				// A file kept before it verified cannot be; one that
				// does not parse now is left out, not published.
				d.log.Warn("a kept attestation is not published", "dataset", e.Name, "cid", c, "err", err)
				continue
			}
			if !slices.Contains(out, pc.String()) {
				out = append(out, pc.String())
			}
		}
	}
	return out, nil
}

// withAttestations is pol naming the dataset's published off-chain
// attestations besides those it names already (a copy; pol itself when
// there are none or pol is nil).
func (d *Daemon) withAttestations(ctx context.Context, e Entry, pol *policy.Policy) (*policy.Policy, error) {
	if pol == nil {
		return nil, nil
	}
	refs, err := d.publishedFor(ctx, e)
	if err != nil || len(refs) == 0 {
		return pol, err
	}
	// Those the policy already names stay; the dataset's are added, up
	// to the policy's bound.
	p := *pol
	p.Attestations = slices.Clone(pol.Attestations)
	for _, r := range refs {
		if len(p.Attestations) < policy.MaxAttestations && !slices.Contains(p.Attestations, r) {
			p.Attestations = append(p.Attestations, r)
		}
	}
	slices.Sort(p.Attestations)
	return &p, nil
}
