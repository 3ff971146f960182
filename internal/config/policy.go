package config

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"
)

// ErrRefused is wrapped by every refusal of Policy.Check.
var ErrRefused = errors.New("purchase refused by the market policy")

// RefusalError says which rule of the policy refused a purchase, so the
// daemon can record why the owner's node did not grant.
type RefusalError struct {
	Rule   string // "auto_grant", "min_price_wei", "allowed_purposes" or "max_duration"
	Reason string
}

func (e *RefusalError) Error() string {
	return fmt.Sprintf("%v (%s): %s", ErrRefused, e.Rule, e.Reason)
}

func (e *RefusalError) Unwrap() error { return ErrRefused }

// PolicyFor returns the policy for dataset: its own entry's keys over the
// default's.
func (m Market) PolicyFor(dataset string) Policy {
	p := m.Default
	p.AllowedPurposes = slices.Clone(p.AllowedPurposes)
	dp, ok := m.Datasets[dataset]
	if !ok {
		return p
	}
	if dp.AutoGrant != nil {
		p.AutoGrant = *dp.AutoGrant
	}
	if dp.MinPriceWei != nil {
		p.MinPriceWei = NewWei(dp.MinPriceWei.Int())
	}
	if dp.AllowedPurposes != nil {
		p.AllowedPurposes = slices.Clone(*dp.AllowedPurposes)
	}
	if dp.MaxDuration != nil {
		p.MaxDuration = *dp.MaxDuration
	}
	return p
}

// Check decides a purchase of price wei, for purpose, lasting duration: nil
// means grant, a *RefusalError says why not.
func (p Policy) Check(price *big.Int, purpose string, duration time.Duration) error {
	if !p.AutoGrant {
		return &RefusalError{Rule: "auto_grant", Reason: "automatic grants are off for this dataset; grant by hand with `pdx grant`"}
	}
	if price == nil || price.Cmp(p.MinPriceWei.Int()) < 0 {
		return &RefusalError{Rule: "min_price_wei", Reason: fmt.Sprintf("price %s wei is below the minimum %s wei", bigString(price), p.MinPriceWei)}
	}
	if !slices.Contains(p.AllowedPurposes, AnyPurpose) && !slices.Contains(p.AllowedPurposes, purpose) {
		return &RefusalError{Rule: "allowed_purposes", Reason: fmt.Sprintf("purpose %q is not among the allowed purposes %q", purpose, p.AllowedPurposes)}
	}
	if duration <= 0 || duration > time.Duration(p.MaxDuration) {
		return &RefusalError{Rule: "max_duration", Reason: fmt.Sprintf("access for %s is not within the allowed (0, %s]", Duration(duration), p.MaxDuration)}
	}
	return nil
}

func bigString(x *big.Int) string {
	if x == nil {
		return "(none)"
	}
	return x.String()
}
