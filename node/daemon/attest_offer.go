package daemon

import (
	"context"
	"fmt"

	"github.com/pdx-network/pdx/acl/attest"
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
			return terms + fmt.Sprintf("\nAttested: version %s is attested by %s (uid %s); pdx get shows it verified.", c, r.Attester.Hex(), r.UID.Hex()), nil
		}
	}
	why := "no source has attested it (pdx attest by the source; pdx attestation add for an off-chain one)"
	if len(res) > 0 {
		why = res[0].String()
	}
	return "", fmt.Errorf("%w: the offer requires attested data, but the latest version %s of %q has no verified attestation: %s", service.ErrAttestationInvalid, c, e.Name, why)
}

// offerAttestations is the market's attested column for one offer: the
// verified on-chain attestations of the dataset's latest version (an
// offer's buyer cannot see the owner's off-chain files). Errors leave the
// column empty: the market still lists the offer.
func (d *Daemon) offerAttestations(ctx context.Context, o service.OpenOffer) []attest.Result {
	_, res, err := d.s.LatestAttestations(ctx, o.Owner, o.Dataset, nil)
	if err != nil {
		d.log.Debug("market: attestations not verified", "dataset", o.Dataset, "err", err)
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
