package acl

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/contracts/bindings"
)

// This file is the client side of the Registry's campaigns
// (contracts/spec/registry-v4.md, "Campaigns"): a brand funds a campaign for a number of
// people in one transaction; each owner joins with one dataset in one
// transaction that grants the brand and pays the owner from the escrow.

// Campaign limits the contract enforces; the client refuses arguments
// outside them before anything is signed.
const (
	// MaxCampaignDuration is the longest grant a campaign may ask for
	// (2^32-1 seconds, about 136 years).
	MaxCampaignDuration = time.Duration(1<<32-1) * time.Second
	// MaxCampaignCap is the most places a campaign may have.
	MaxCampaignCap = 1<<32 - 1
)

// CampaignTerms are what a brand funds: PricePerPerson wei for each of up to
// Cap owners, each granting access for Duration, joins accepted until
// Deadline. TermsHash is the sha2-256 of the campaign document (what the
// brand wants and for what purpose), published as a raw IPFS block as offer
// terms are.
type CampaignTerms struct {
	TermsHash      [32]byte
	PricePerPerson *big.Int
	Duration       time.Duration
	Cap            uint32
	Deadline       time.Time
}

// Escrow is the value a campaign is funded with: price × cap.
func (t CampaignTerms) Escrow() *big.Int {
	if t.PricePerPerson == nil {
		return new(big.Int)
	}
	return new(big.Int).Mul(t.PricePerPerson, new(big.Int).SetUint64(uint64(t.Cap)))
}

func (t CampaignTerms) check() error {
	switch {
	case t.PricePerPerson == nil || t.PricePerPerson.Sign() <= 0 || t.PricePerPerson.BitLen() > 128:
		return fmt.Errorf("%w: price per person must be 1 to 2^128-1 wei", ErrInvalidArgument)
	case t.Duration < time.Second || t.Duration > MaxCampaignDuration:
		return fmt.Errorf("%w: duration %v, want one second to %v", ErrInvalidArgument, t.Duration, MaxCampaignDuration)
	case t.Cap == 0:
		return fmt.Errorf("%w: a campaign needs at least one place", ErrInvalidArgument)
	case t.Deadline.Unix() <= 0:
		return fmt.Errorf("%w: deadline %v is not after 1970", ErrInvalidArgument, t.Deadline)
	}
	return nil
}

// CreateCampaign opens a campaign funded with t.Escrow() from the client's
// account and returns its id. The contract refuses a deadline that is not
// in the future.
func (c *Client) CreateCampaign(ctx context.Context, t CampaignTerms) (uint64, *types.Receipt, error) {
	if err := t.check(); err != nil {
		return 0, nil, err
	}
	data := c.reg.PackCreateCampaign(t.TermsHash, t.PricePerPerson, uint64(t.Duration/time.Second), t.Cap, uint64(t.Deadline.Unix()))
	rc, err := c.transact(ctx, t.Escrow(), data)
	if err != nil {
		return 0, rc, err
	}
	for _, l := range rc.Logs {
		if ev, err := c.reg.UnpackCampaignCreatedEvent(l); err == nil && l.Address == c.address {
			return ev.Id, rc, nil
		}
	}
	return 0, rc, fmt.Errorf("acl: createCampaign mined in %s without a CampaignCreated event", rc.TxHash.Hex())
}

// JoinCampaign joins campaign id with dataset (the client's own): one
// transaction grants the campaign's brand for the campaign's duration with
// the given threshold, purpose hash and kfrag bundle (sealed for proxies),
// and moves one price from the escrow into the grant's vesting. brand is
// the campaign's brand (CampaignOf), the grantee the bundle was made for.
func (c *Client) JoinCampaign(ctx context.Context, id, dataset uint64, brand common.Address, threshold uint8, purposeHash, bundle [32]byte, proxies ...common.Address) (*types.Receipt, error) {
	if err := checkGrantArgs(brand, threshold); err != nil {
		return nil, err
	}
	return c.transact(ctx, nil, c.reg.PackJoinCampaign(id, dataset, threshold, purposeHash, bundle, proxies))
}

// CloseCampaign closes campaign id (its brand at any time, anyone after the
// deadline); the escrow of the places not taken goes to the brand's balance.
func (c *Client) CloseCampaign(ctx context.Context, id uint64) (*types.Receipt, error) {
	return c.transact(ctx, nil, c.reg.PackCloseCampaign(id))
}

// Campaign is a campaign as stored.
type Campaign struct {
	ID    uint64
	Brand common.Address
	CampaignTerms
	// Joined is the number of places taken.
	Joined uint32
	Closed bool
}

// Unspent is the escrow still held for places not taken: price × (cap −
// joined), zero once closed.
func (c Campaign) Unspent() *big.Int {
	if c.Closed {
		return new(big.Int)
	}
	return new(big.Int).Mul(c.PricePerPerson, new(big.Int).SetUint64(uint64(c.Cap-c.Joined)))
}

// Open reports whether the campaign takes joins at time now: not closed,
// before its deadline, not full.
func (c Campaign) Open(now time.Time) bool {
	return !c.Closed && now.Unix() < c.Deadline.Unix() && c.Joined < c.Cap
}

// CampaignOf reads campaign id; ErrUnknownCampaign when there is none.
func (c *Client) CampaignOf(ctx context.Context, id uint64) (Campaign, error) {
	out, err := c.call(ctx, c.reg.PackCampaignOf(id))
	if err != nil {
		return Campaign{}, err
	}
	v, err := c.reg.UnpackCampaignOf(out)
	if err != nil {
		return Campaign{}, fmt.Errorf("acl: decoding campaignOf: %w", err)
	}
	return Campaign{
		ID:    id,
		Brand: v.Brand,
		CampaignTerms: CampaignTerms{
			TermsHash: v.TermsHash, PricePerPerson: v.PricePerPerson,
			Duration: time.Duration(v.Duration) * time.Second, Cap: v.Cap, Deadline: unixUTC(v.Deadline),
		},
		Joined: v.Joined,
		Closed: v.Closed,
	}, nil
}

// JoinedCampaign reports whether dataset joined campaign id (also after the
// grant was revoked: a dataset is paid once per campaign).
func (c *Client) JoinedCampaign(ctx context.Context, id, dataset uint64) (bool, error) {
	out, err := c.call(ctx, c.reg.PackJoinedCampaign(id, dataset))
	if err != nil {
		return false, err
	}
	ok, err := c.reg.UnpackJoinedCampaign(out)
	if err != nil {
		return false, fmt.Errorf("acl: decoding joinedCampaign: %w", err)
	}
	return ok, nil
}

// CampaignCount is the number of campaigns created (ids are 1..n).
func (c *Client) CampaignCount(ctx context.Context) (uint64, error) {
	out, err := c.call(ctx, c.reg.PackCampaignCount())
	if err != nil {
		return 0, err
	}
	n, err := c.reg.UnpackCampaignCount(out)
	if err != nil {
		return 0, fmt.Errorf("acl: decoding campaignCount: %w", err)
	}
	return n, nil
}

// Campaign refusals of the contract, matched by errors.Is on a
// *RevertError (see sentinels).
var (
	ErrUnknownCampaign = errors.New("registry: unknown campaign")
	ErrInvalidCampaign = errors.New("registry: a campaign needs a price per person, a duration of up to 2^32-1 seconds, at least one place and a deadline in the future")
	ErrCampaignNotOpen = errors.New("registry: the campaign is closed or past its deadline")
	ErrCampaignFull    = errors.New("registry: every place of the campaign is taken")
	ErrAlreadyJoined   = errors.New("registry: the dataset joined this campaign already")
	ErrCloseTooEarly   = errors.New("registry: only the campaign's brand may close it before its deadline")
)

// ---------------------------------------------------------------- events

// CampaignCreated is a CampaignCreated event: a brand opened and funded a
// campaign.
type CampaignCreated struct {
	EventLog
	ID    uint64
	Brand common.Address
	CampaignTerms
}

// CampaignJoined is a CampaignJoined event: Owner joined campaign ID with
// Dataset; the same transaction logged the grant to the brand.
type CampaignJoined struct {
	EventLog
	ID      uint64
	Dataset uint64
	Owner   common.Address
}

// CampaignClosed is a CampaignClosed event: Refund wei of unspent escrow
// went to the brand's balance.
type CampaignClosed struct {
	EventLog
	ID     uint64
	Brand  common.Address
	Refund *big.Int
}

// CampaignCreatedFilter selects CampaignCreated events (Brand: a brand's own
// campaigns).
type CampaignCreatedFilter struct {
	ID    *uint64
	Brand *common.Address
}

// CampaignJoinedFilter selects CampaignJoined events: a campaign's
// participants (ID), a dataset's campaigns (Dataset), an owner's (Owner).
type CampaignJoinedFilter struct {
	ID      *uint64
	Dataset *uint64
	Owner   *common.Address
}

// CampaignClosedFilter selects CampaignClosed events.
type CampaignClosedFilter struct {
	ID    *uint64
	Brand *common.Address
}

// CampaignCreated lists the CampaignCreated events in r that f selects, in
// chain order.
func (c *Client) CampaignCreated(ctx context.Context, r Range, f CampaignCreatedFilter) ([]CampaignCreated, error) {
	return query(ctx, c, r, "CampaignCreated", c.reg.UnpackCampaignCreatedEvent, campaignCreatedOf, uintTopic(f.ID), addrTopic(f.Brand))
}

// CampaignJoined lists the CampaignJoined events in r that f selects, in
// chain order.
func (c *Client) CampaignJoined(ctx context.Context, r Range, f CampaignJoinedFilter) ([]CampaignJoined, error) {
	return query(ctx, c, r, "CampaignJoined", c.reg.UnpackCampaignJoinedEvent, campaignJoinedOf, uintTopic(f.ID), uintTopic(f.Dataset), addrTopic(f.Owner))
}

// CampaignClosed lists the CampaignClosed events in r that f selects, in
// chain order.
func (c *Client) CampaignClosed(ctx context.Context, r Range, f CampaignClosedFilter) ([]CampaignClosed, error) {
	return query(ctx, c, r, "CampaignClosed", c.reg.UnpackCampaignClosedEvent, campaignClosedOf, uintTopic(f.ID), addrTopic(f.Brand))
}

func campaignCreatedOf(e *bindings.RegistryCampaignCreated, l *types.Log) CampaignCreated {
	return CampaignCreated{EventLog: eventLog(l), ID: e.Id, Brand: e.Brand, CampaignTerms: CampaignTerms{
		TermsHash: e.TermsHash, PricePerPerson: e.PricePerPerson,
		Duration: time.Duration(e.Duration) * time.Second, Cap: e.Cap, Deadline: unixUTC(e.Deadline),
	}}
}

func campaignJoinedOf(e *bindings.RegistryCampaignJoined, l *types.Log) CampaignJoined {
	return CampaignJoined{EventLog: eventLog(l), ID: e.Id, Dataset: e.Dataset, Owner: e.Owner}
}

func campaignClosedOf(e *bindings.RegistryCampaignClosed, l *types.Log) CampaignClosed {
	return CampaignClosed{EventLog: eventLog(l), ID: e.Id, Brand: e.Brand, Refund: e.Refund}
}

// CampaignCreated returns a followed event as a CampaignCreated.
func (e Event) CampaignCreated() (CampaignCreated, bool) { return typed(e, campaignCreatedOf) }

// CampaignJoined returns a followed event as a CampaignJoined.
func (e Event) CampaignJoined() (CampaignJoined, bool) { return typed(e, campaignJoinedOf) }

// CampaignClosed returns a followed event as a CampaignClosed.
func (e Event) CampaignClosed() (CampaignClosed, bool) { return typed(e, campaignClosedOf) }

// CampaignClosedIn finds the CampaignClosed event among a transaction's
// receipt logs (CloseCampaign's receipt); ok is false when there is none.
func (c *Client) CampaignClosedIn(logs []*types.Log) (CampaignClosed, bool) {
	for _, l := range logs {
		if l.Address != c.address {
			continue
		}
		if ev, err := c.reg.UnpackCampaignClosedEvent(l); err == nil {
			return campaignClosedOf(ev, l), true
		}
	}
	return CampaignClosed{}, false
}
