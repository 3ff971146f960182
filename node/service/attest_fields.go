package service

import (
	"context"
	"slices"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/node/fieldsplit"
)

// Per-field fingerprints (contracts/spec/attestation-v1.md, "Per-field
// fingerprints"): an attestation of a split version names each field's
// fingerprint in the manifest's order, zero for a field the source does
// not vouch for; a reader checks each against the manifest, which the
// version's fingerprint on chain authenticates.

// splitFields is the fields of version c (want) when it is a split one,
// from its manifest checked against the chain (fingerprint, owner,
// dataset); nil when c is an envelope.
func (s *Service) splitFields(ctx context.Context, c cid.Cid, want attest.Expect) ([]attest.ExpectField, error) {
	ok, err := s.isManifest(ctx, c)
	if err != nil || !ok {
		return nil, err
	}
	m, err := s.readManifest(ctx, c, want.Fingerprint, want.Owner, want.Dataset)
	if err != nil {
		return nil, err
	}
	out := make([]attest.ExpectField, len(m.Fields))
	for i, f := range m.Fields {
		h, err := fieldsplit.DecodeHex32(f.Fingerprint)
		if err != nil {
			return nil, err
		}
		out[i] = attest.ExpectField{Name: f.Name, Fingerprint: h}
	}
	return out, nil
}

// readableFields is the fields of want's dataset this account reads: nil
// (all) for its owner, for a grant of the whole dataset and when it holds
// no grant; a field grant's fields otherwise. A source vouches for these;
// a reader is shown the per-field checks of these.
func (s *Service) readableFields(ctx context.Context, want attest.Expect) ([]string, error) {
	if want.Owner == s.addr {
		return nil, nil
	}
	evs, err := s.events().Granted(ctx, acl.GrantedFilter{Dataset: &want.Dataset, Grantee: &s.addr})
	if err != nil || len(evs) == 0 {
		return nil, err
	}
	return s.BundleFields(ctx, evs[len(evs)-1].Bundle), nil
}

// fieldFingerprints is what an attestation of want names per field: the
// manifest's fingerprint of each field in names (all when names is nil),
// zero for the others; nil when the version is not split. It returns the
// names vouched for too.
func fieldFingerprints(want attest.Expect, names []string) ([][32]byte, []string) {
	if len(want.Fields) == 0 {
		return nil, nil
	}
	out := make([][32]byte, len(want.Fields))
	var vouched []string
	for i, f := range want.Fields {
		if names == nil || slices.Contains(names, f.Name) {
			out[i] = f.Fingerprint
			vouched = append(vouched, f.Name)
		}
	}
	return out, vouched
}

// onlyFields keeps, of each result's per-field checks, those of the
// fields named (all when names is nil): what the reader got.
func onlyFields(rs []attest.Result, names []string) {
	if names == nil {
		return
	}
	for i := range rs {
		rs[i].FieldResults = slices.DeleteFunc(rs[i].FieldResults, func(f attest.FieldResult) bool { return !slices.Contains(names, f.Name) })
	}
}
