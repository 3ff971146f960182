package daemon

import (
	"context"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/node/market"
	"github.com/pdx-network/pdx/node/service"
)

// attestedTerms checks that the latest version of the owner's dataset e
// carries a verified source attestation (on chain, or off chain kept in
// this home) and adds to the offer's plain terms the line that says so,
// which buyers read in the market and which is hashed into the offer on
// chain. Without one the offer is refused: an offer that requires
// attested data is never made on unattested data.
func (d *Daemon) attestedTerms(ctx context.Context, e Entry, terms string) (string, error) {
	c, res, err := d.s.LatestAttestations(ctx, d.s.Address(), e.ID, d.storedAttestations)
	if err != nil {
		return "", err
	}
	if c == "" {
		return "", fmt.Errorf("%w: %q has no version to attest", service.ErrAttestationInvalid, e.Name)
	}
	for _, r := range res {
		if r.Verified() {
			return terms + fmt.Sprintf("%sversion %s is attested by %s (uid %s); pdx get shows it verified.", attestedClaim, c, r.Attester.Hex(), r.UID.Hex()), nil
		}
	}
	why := "no source has attested it (pdx attest by the source; pdx attestation add for an off-chain one)"
	if len(res) > 0 {
		why = res[0].String()
	}
	return "", fmt.Errorf("%w: the offer requires attested data, but the latest version %s of %q has no verified attestation: %s", service.ErrAttestationInvalid, c, e.Name, why)
}

// attestedClaim starts the line attestedTerms adds to an offer's terms.
const attestedClaim = "\nAttested: "

// claimsAttestation reports whether an offer's terms say its data is
// attested (the line attestedTerms adds); the market checks the claim of
// those offers only.
func claimsAttestation(terms string) bool { return strings.Contains(terms, attestedClaim) }

// offerAttestations is the market's attested column for one offer: the
// verified on-chain attestations of the dataset's latest version (an
// offer's buyer cannot see the owner's off-chain files). Errors leave the
// column empty: the market still lists the offer.
func (d *Daemon) offerAttestations(ctx context.Context, owner common.Address, dataset uint64) []attest.Result {
	_, res, err := d.s.LatestAttestations(ctx, owner, dataset, nil)
	if err != nil {
		d.log.Debug("market: attestations not verified", "dataset", dataset, "err", err)
		return nil
	}
	var out []attest.Result
	for _, r := range res {
		if r.Verified() {
			out = append(out, r)
		}
	}
	return out
}

// OfferAttested is an offer's attested column.
type OfferAttested struct {
	Attestations []attest.Result `json:"attestations"`
}

// attestedFilter is GET /v1/market's attested parameter, through the
// market index's filter hook: "true" keeps the offers whose latest version
// has a verified source attestation on chain, an address those attested by
// that account; "" or "false" filters nothing.
func (d *Daemon) attestedFilter(v string) (market.Filter, error) {
	switch {
	case v == "" || v == "false":
		return nil, nil
	case v == "true":
		return attestedBy{d: d}, nil
	case common.IsHexAddress(v) && strings.HasPrefix(v, "0x"):
		return attestedBy{d: d, by: common.HexToAddress(v)}, nil
	}
	return nil, badRequest("attested %q: true, false or an attester's address (0x and 40 hex digits)", v)
}

// attestedBy is a market.Filter: the offer's latest version carries a
// verified on-chain attestation (by that attester when by is set).
type attestedBy struct {
	d  *Daemon
	by common.Address
}

func (f attestedBy) Key() string {
	if f.by == (common.Address{}) {
		return "attested=eas"
	}
	return "attested=eas:" + f.by.Hex()
}

func (f attestedBy) Match(ctx context.Context, o *market.Offer) (bool, error) {
	for _, r := range f.d.offerAttestations(ctx, o.Owner, o.Dataset) {
		if f.by == (common.Address{}) || r.Attester == f.by {
			return true, nil
		}
	}
	return false, nil
}
