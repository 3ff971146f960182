package acl

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/pdx-network/pdx/contracts/bindings"
)

// This file holds the Registry's history as typed queries: one method per
// event the services read, each with a filter of the event's indexed
// arguments, returning the events as plain Go values. Callers never name
// an event by string, build topics or assert on binding types; the chain's
// log ranges are handled in one place (filterLogs).

// Range is the block range of an event query: From (usually the Registry's
// deploy block) to To, both included; To 0 means the head.
type Range struct {
	From, To uint64
}

// EventLog is where the chain logged an event.
type EventLog struct {
	Block uint64
	Tx    common.Hash
	Index uint
}

func eventLog(l *types.Log) EventLog {
	return EventLog{Block: l.BlockNumber, Tx: l.TxHash, Index: l.Index}
}

// Granted is a grant as the chain announced it (a Granted event): the one
// grant event type of pdx. A proxy acts on it, and an owner's or grantee's
// listings are built from it. A later grant to the same grantee on the same
// dataset replaces it; Revoked and Erased end it.
type Granted struct {
	EventLog
	Dataset   uint64
	Grantee   common.Address
	Expiry    time.Time // UTC, whole seconds
	Threshold uint8
	// Bought: the grant serves a purchase (GrantPurchase); its payment
	// vests to the owner over the grant's life.
	Bought      bool
	PurposeHash [32]byte
	// Bundle is the sha2-256 digest of the kfrag bundle (BundleCID makes
	// its CID).
	Bundle [32]byte
	// Via is the proxy a GrantedVia event named (the same grant, told to
	// one proxy of its bundle); zero for the Granted event itself.
	Via common.Address
}

// Revoked is a Revoked event: the grant of (Dataset, Grantee) was deleted.
type Revoked struct {
	EventLog
	Dataset uint64
	Grantee common.Address
}

// Erased is an Erased event: the dataset was erased.
type Erased struct {
	EventLog
	Dataset uint64
}

// CIDAdded is a CIDAdded event: a version of a dataset.
type CIDAdded struct {
	EventLog
	Dataset     uint64
	CIDHash     [32]byte // CIDHash(CID)
	Version     uint32
	Fingerprint [32]byte
	CID         []byte // binary
}

// DatasetCreated is a DatasetCreated event.
type DatasetCreated struct {
	EventLog
	Dataset       uint64
	Owner         common.Address
	DelegatingKey []byte
}

// KeyRotated is a KeyRotated event: the dataset moved to key epoch Epoch.
type KeyRotated struct {
	EventLog
	Dataset       uint64
	Epoch         uint16
	DelegatingKey []byte
	// Rewrap is the binary CID of the rewrap manifest that opens the
	// earlier versions under the new key; empty when none was published.
	Rewrap []byte
}

// Offered is an Offered event: an offer opened or replaced.
type Offered struct {
	EventLog
	Dataset uint64
	// Buyer is the only account a private offer is made to; zero when
	// anyone may buy.
	Buyer     common.Address
	Price     *big.Int
	Duration  time.Duration
	TermsHash [32]byte
}

// Published is a Published event: the dataset is public from this block,
// under the policy document whose hash is PolicyHash.
type Published struct {
	EventLog
	Dataset    uint64
	PolicyHash [32]byte
}

// Unpublished is an Unpublished event: the dataset was withdrawn.
type Unpublished struct {
	EventLog
	Dataset uint64
}

// Purchased is a Purchased event: a payment went into escrow.
type Purchased struct {
	EventLog
	Dataset   uint64
	Buyer     common.Address
	Amount    *big.Int
	Duration  time.Duration
	Deadline  time.Time // UTC: when the buyer may take a refund
	TermsHash [32]byte
}

// Refunded is a Refunded event: an escrowed payment went back to its buyer.
type Refunded struct {
	EventLog
	Dataset uint64
	Buyer   common.Address
	Amount  *big.Int
}

// The filters below hold an event's indexed arguments; a nil field matches
// any value.

// GrantedFilter selects Granted events; both are indexed on chain, so a
// listing of one dataset's grants reads that dataset's logs alone.
type GrantedFilter struct {
	Grantee *common.Address
	Dataset *uint64
	// Datasets, when Dataset is nil and it is not, selects grants of any
	// of these (at most MaxTopicList; none: no grants), in one query.
	Datasets []uint64
}

// RevokedFilter selects Revoked events.
type RevokedFilter struct {
	Dataset *uint64
	Grantee *common.Address
}

// ErasedFilter selects Erased events.
type ErasedFilter struct {
	Dataset *uint64
}

// CIDAddedFilter selects CIDAdded events.
type CIDAddedFilter struct {
	Dataset *uint64
	CIDHash *[32]byte
	// Datasets and CIDHashes, when Dataset or CIDHash is nil and they are
	// not, select versions of any of these datasets or CIDs (at most
	// MaxTopicList each; an empty list: none), in one query.
	Datasets  []uint64
	CIDHashes [][32]byte
}

// DatasetCreatedFilter selects DatasetCreated events.
type DatasetCreatedFilter struct {
	Dataset *uint64
	Owner   *common.Address
}

// KeyRotatedFilter selects KeyRotated events.
type KeyRotatedFilter struct {
	Dataset *uint64
}

// OfferedFilter selects Offered events. Buyer selects the private offers
// made to that account (a brand's view of what was offered to it); the
// zero address selects public offers.
type OfferedFilter struct {
	Dataset *uint64
	Buyer   *common.Address
}

// PublishedFilter selects Published events.
type PublishedFilter struct {
	Dataset *uint64
}

// UnpublishedFilter selects Unpublished events.
type UnpublishedFilter struct {
	Dataset *uint64
}

// PurchasedFilter selects Purchased events.
type PurchasedFilter struct {
	Dataset *uint64
	// Datasets, when Dataset is nil, selects the purchases of any of these
	// (an owner's datasets) on chain: at most MaxTopicList of them per query.
	Datasets []uint64
	Buyer    *common.Address
}

// MaxTopicList is the most values one indexed argument of a query may list:
// geth refuses more than 1,000 per position (LogQueryLimit), and providers
// bound request sizes. Callers split longer lists.
const MaxTopicList = 500

// RefundedFilter selects Refunded events.
type RefundedFilter struct {
	Dataset *uint64
	Buyer   *common.Address
}

// Granted lists the Granted events in r that f selects, in chain order.
func (c *Client) Granted(ctx context.Context, r Range, f GrantedFilter) ([]Granted, error) {
	ds, err := uintTopics(f.Dataset, f.Datasets)
	if err != nil || ds != nil && len(ds) == 0 {
		return nil, err
	}
	return query(ctx, c, r, "Granted", c.reg.UnpackGrantedEvent, grantedOf, addrTopic(f.Grantee), ds)
}

// uintTopics is the topic of one value, or else of any of a list (nil
// for no list, empty for an empty one, which matches nothing).
func uintTopics(one *uint64, list []uint64) ([]common.Hash, error) {
	if one != nil || list == nil {
		return uintTopic(one), nil
	}
	if len(list) > MaxTopicList {
		return nil, fmt.Errorf("%w: %d values in one query, at most %d", ErrInvalidArgument, len(list), MaxTopicList)
	}
	out := make([]common.Hash, 0, len(list))
	for _, v := range list {
		out = append(out, common.BigToHash(new(big.Int).SetUint64(v)))
	}
	return out, nil
}

// GrantedVia lists the GrantedVia events in r that name proxy: the grants
// whose bundle was sealed for it, in chain order (Via set). Grantee, when
// set, narrows them on chain too; Dataset after the query.
func (c *Client) GrantedVia(ctx context.Context, r Range, proxy common.Address, f GrantedFilter) ([]Granted, error) {
	out, err := query(ctx, c, r, "GrantedVia", c.reg.UnpackGrantedViaEvent, grantedViaOf, addrTopic(&proxy), addrTopic(f.Grantee))
	if err != nil || f.Dataset == nil {
		return out, err
	}
	kept := out[:0]
	for _, g := range out {
		if g.Dataset == *f.Dataset {
			kept = append(kept, g)
		}
	}
	return kept, nil
}

// Revoked lists the Revoked events in r that f selects, in chain order.
func (c *Client) Revoked(ctx context.Context, r Range, f RevokedFilter) ([]Revoked, error) {
	return query(ctx, c, r, "Revoked", c.reg.UnpackRevokedEvent, revokedOf, uintTopic(f.Dataset), addrTopic(f.Grantee))
}

// Erased lists the Erased events in r that f selects, in chain order.
func (c *Client) Erased(ctx context.Context, r Range, f ErasedFilter) ([]Erased, error) {
	return query(ctx, c, r, "Erased", c.reg.UnpackErasedEvent, erasedOf, uintTopic(f.Dataset))
}

// CIDAdded lists the CIDAdded events in r that f selects, in chain order.
func (c *Client) CIDAdded(ctx context.Context, r Range, f CIDAddedFilter) ([]CIDAdded, error) {
	var h []common.Hash
	switch {
	case f.CIDHash != nil:
		h = []common.Hash{*f.CIDHash}
	case f.CIDHashes != nil:
		if len(f.CIDHashes) == 0 {
			return nil, nil
		}
		if len(f.CIDHashes) > MaxTopicList {
			return nil, fmt.Errorf("%w: %d CIDs in one query, at most %d", ErrInvalidArgument, len(f.CIDHashes), MaxTopicList)
		}
		for _, x := range f.CIDHashes {
			h = append(h, x)
		}
	}
	ds, err := uintTopics(f.Dataset, f.Datasets)
	if err != nil || ds != nil && len(ds) == 0 {
		return nil, err
	}
	return query(ctx, c, r, "CIDAdded", c.reg.UnpackCIDAddedEvent, cidAddedOf, ds, h)
}

// DatasetCreated lists the DatasetCreated events in r that f selects, in
// chain order.
func (c *Client) DatasetCreated(ctx context.Context, r Range, f DatasetCreatedFilter) ([]DatasetCreated, error) {
	return query(ctx, c, r, "DatasetCreated", c.reg.UnpackDatasetCreatedEvent, datasetCreatedOf, uintTopic(f.Dataset), addrTopic(f.Owner))
}

// KeyRotated lists the KeyRotated events in r that f selects, in chain order.
func (c *Client) KeyRotated(ctx context.Context, r Range, f KeyRotatedFilter) ([]KeyRotated, error) {
	return query(ctx, c, r, "KeyRotated", c.reg.UnpackKeyRotatedEvent, keyRotatedOf, uintTopic(f.Dataset))
}

// Offered lists the Offered events in r that f selects, in chain order.
func (c *Client) Offered(ctx context.Context, r Range, f OfferedFilter) ([]Offered, error) {
	return query(ctx, c, r, "Offered", c.reg.UnpackOfferedEvent, offeredOf, uintTopic(f.Dataset), addrTopic(f.Buyer))
}

// Published lists the Published events in r that f selects, in chain order.
func (c *Client) Published(ctx context.Context, r Range, f PublishedFilter) ([]Published, error) {
	return query(ctx, c, r, "Published", c.reg.UnpackPublishedEvent, publishedOf, uintTopic(f.Dataset))
}

// Unpublished lists the Unpublished events in r that f selects, in chain
// order.
func (c *Client) Unpublished(ctx context.Context, r Range, f UnpublishedFilter) ([]Unpublished, error) {
	return query(ctx, c, r, "Unpublished", c.reg.UnpackUnpublishedEvent, unpublishedOf, uintTopic(f.Dataset))
}

// Purchased lists the Purchased events in r that f selects, in chain order.
func (c *Client) Purchased(ctx context.Context, r Range, f PurchasedFilter) ([]Purchased, error) {
	ds := uintTopic(f.Dataset)
	if f.Dataset == nil && f.Datasets != nil {
		if len(f.Datasets) == 0 {
			return nil, nil // none of no datasets
		}
		if len(f.Datasets) > MaxTopicList {
			return nil, fmt.Errorf("%w: %d datasets in one query, at most %d", ErrInvalidArgument, len(f.Datasets), MaxTopicList)
		}
		for _, d := range f.Datasets {
			ds = append(ds, common.BigToHash(new(big.Int).SetUint64(d)))
		}
	}
	return query(ctx, c, r, "Purchased", c.reg.UnpackPurchasedEvent, purchasedOf, ds, addrTopic(f.Buyer))
}

// Refunded lists the Refunded events in r that f selects, in chain order.
func (c *Client) Refunded(ctx context.Context, r Range, f RefundedFilter) ([]Refunded, error) {
	return query(ctx, c, r, "Refunded", c.reg.UnpackRefundedEvent, refundedOf, uintTopic(f.Dataset), addrTopic(f.Buyer))
}

func uintTopic(v *uint64) []common.Hash {
	if v == nil {
		return nil
	}
	return []common.Hash{common.BigToHash(new(big.Int).SetUint64(*v))}
}

func addrTopic(a *common.Address) []common.Hash {
	if a == nil {
		return nil
	}
	return []common.Hash{common.BytesToHash(a.Bytes())}
}

// query reads one event's logs in r, matching topics (the indexed
// arguments after the event's own topic; nil matches any), and converts
// each with unpack and conv.
func query[B, T any](ctx context.Context, c *Client, r Range, event string, unpack func(*types.Log) (B, error), conv func(B, *types.Log) T, topics ...[]common.Hash) ([]T, error) {
	ev, ok := c.abi.Events[event]
	if !ok {
		return nil, fmt.Errorf("%w: %s is not in the Registry's ABI", ErrUnknownEvent, event)
	}
	raw, err := c.filterLogs(ctx, r, append([][]common.Hash{{ev.ID}}, topics...))
	if err != nil {
		return nil, fmt.Errorf("acl: reading %s events: %w", event, err)
	}
	out := make([]T, 0, len(raw))
	for i := range raw {
		l := &raw[i]
		v, err := unpack(l)
		if err != nil {
			return nil, fmt.Errorf("acl: decoding %s (block %d, index %d): %w", event, l.BlockNumber, l.Index, err)
		}
		out = append(out, conv(v, l))
	}
	return out, nil
}

// filterLogs is the one place the client asks the chain for the Registry's
// logs: r (to the head read first when r.To is 0) is read in windows of at
// most the configured log range (Options.LogRange), narrowed when the
// provider refuses it (logReader), in chain order.
func (c *Client) filterLogs(ctx context.Context, r Range, topics [][]common.Hash) ([]types.Log, error) {
	q := ethereum.FilterQuery{Addresses: []common.Address{c.address}, Topics: topics}
	to := r.To
	if to == 0 {
		head, err := c.backend.BlockNumber(ctx)
		if err != nil {
			return nil, fmt.Errorf("reading the head block: %w", err)
		}
		to = head
	}
	if to < r.From {
		return nil, nil
	}
	var out []types.Log
	err := c.logs.read(ctx, q, r.From, to, func(_ uint64, logs []types.Log) error {
		out = append(out, logs...)
		return nil
	})
	return out, err
}

func unixUTC(s uint64) time.Time { return time.Unix(int64(s), 0).UTC() }

func grantedOf(g *bindings.RegistryGranted, l *types.Log) Granted {
	w := DecodeGrantWord(g.Grant)
	return Granted{EventLog: eventLog(l), Dataset: w.Dataset, Grantee: g.Grantee, Expiry: unixUTC(w.Expiry),
		Threshold: w.Threshold, Bought: w.Bought, PurposeHash: g.PurposeHash, Bundle: g.Bundle}
}

func grantedViaOf(g *bindings.RegistryGrantedVia, l *types.Log) Granted {
	w := DecodeGrantWord(g.Grant)
	return Granted{EventLog: eventLog(l), Dataset: w.Dataset, Grantee: g.Grantee, Expiry: unixUTC(w.Expiry),
		Threshold: w.Threshold, Bought: w.Bought, PurposeHash: g.PurposeHash, Bundle: g.Bundle, Via: g.Proxy}
}

func revokedOf(r *bindings.RegistryRevoked, l *types.Log) Revoked {
	return Revoked{EventLog: eventLog(l), Dataset: r.Dataset, Grantee: r.Grantee}
}

func erasedOf(e *bindings.RegistryErased, l *types.Log) Erased {
	return Erased{EventLog: eventLog(l), Dataset: e.Dataset}
}

func cidAddedOf(a *bindings.RegistryCIDAdded, l *types.Log) CIDAdded {
	return CIDAdded{EventLog: eventLog(l), Dataset: a.Dataset, CIDHash: a.CidHash, Version: a.Version, Fingerprint: a.Fingerprint, CID: a.Cid}
}

func datasetCreatedOf(d *bindings.RegistryDatasetCreated, l *types.Log) DatasetCreated {
	return DatasetCreated{EventLog: eventLog(l), Dataset: d.Dataset, Owner: d.Owner, DelegatingKey: d.DelegatingKey}
}

func keyRotatedOf(k *bindings.RegistryKeyRotated, l *types.Log) KeyRotated {
	return KeyRotated{EventLog: eventLog(l), Dataset: k.Dataset, Epoch: k.Epoch, DelegatingKey: k.DelegatingKey, Rewrap: k.Rewrap}
}

func offeredOf(o *bindings.RegistryOffered, l *types.Log) Offered {
	return Offered{EventLog: eventLog(l), Dataset: o.Dataset, Buyer: o.Buyer, Price: o.Price, Duration: time.Duration(o.Duration) * time.Second, TermsHash: o.TermsHash}
}

func publishedOf(p *bindings.RegistryPublished, l *types.Log) Published {
	return Published{EventLog: eventLog(l), Dataset: p.Dataset, PolicyHash: p.PolicyHash}
}

func unpublishedOf(u *bindings.RegistryUnpublished, l *types.Log) Unpublished {
	return Unpublished{EventLog: eventLog(l), Dataset: u.Dataset}
}

func purchasedOf(p *bindings.RegistryPurchased, l *types.Log) Purchased {
	return Purchased{EventLog: eventLog(l), Dataset: p.Dataset, Buyer: p.Buyer, Amount: p.Amount,
		Duration: time.Duration(p.Duration) * time.Second, Deadline: unixUTC(p.Deadline), TermsHash: p.TermsHash}
}

func refundedOf(r *bindings.RegistryRefunded, l *types.Log) Refunded {
	return Refunded{EventLog: eventLog(l), Dataset: r.Dataset, Buyer: r.Buyer, Amount: r.Amount}
}

// The accessors below give a followed Event as the same typed values the
// queries return; ok is false for an event of another kind.

// Granted returns the event as a Granted: a Granted event, or a GrantedVia
// (with Via set).
func (e Event) Granted() (Granted, bool) {
	if g, ok := typed(e, grantedViaOf); ok {
		return g, true
	}
	return typed(e, grantedOf)
}

// Revoked returns the event as a Revoked.
func (e Event) Revoked() (Revoked, bool) { return typed(e, revokedOf) }

// Erased returns the event as an Erased.
func (e Event) Erased() (Erased, bool) { return typed(e, erasedOf) }

// Purchased returns the event as a Purchased.
func (e Event) Purchased() (Purchased, bool) { return typed(e, purchasedOf) }

// KeyRotated returns the event as a KeyRotated.
func (e Event) KeyRotated() (KeyRotated, bool) { return typed(e, keyRotatedOf) }

func typed[B, T any](e Event, conv func(B, *types.Log) T) (T, bool) {
	v, ok := e.Value.(B)
	if !ok {
		var zero T
		return zero, false
	}
	return conv(v, &types.Log{BlockNumber: e.Block, TxHash: e.Tx, Index: e.Index}), true
}

// KeyRotatedIn finds the KeyRotated event among a transaction's receipt
// logs (RotateKey's receipt); ok is false when there is none.
func (c *Client) KeyRotatedIn(logs []*types.Log) (KeyRotated, bool) {
	for _, l := range logs {
		if l.Address != c.address {
			continue
		}
		if k, err := c.reg.UnpackKeyRotatedEvent(l); err == nil {
			return keyRotatedOf(k, l), true
		}
	}
	return KeyRotated{}, false
}

// WithdrawnIn sums the Withdrawn events among a transaction's receipt
// logs: what a Withdraw or WithdrawVested paid out.
func (c *Client) WithdrawnIn(logs []*types.Log) *big.Int {
	paid := new(big.Int)
	for _, l := range logs {
		if ev, err := c.reg.UnpackWithdrawnEvent(l); err == nil && l.Address == c.address {
			paid.Add(paid, ev.Amount)
		}
	}
	return paid
}

// ---------------------------------------------------------------- the chain

// ChainID is the chain's id.
func (c *Client) ChainID(ctx context.Context) (*big.Int, error) {
	return c.backend.ChainID(ctx)
}

// BlockNumber is the number of the head block.
func (c *Client) BlockNumber(ctx context.Context) (uint64, error) {
	return c.backend.BlockNumber(ctx)
}

// Head is a block header as pdx reads it.
type Head struct {
	Number uint64
	Hash   common.Hash
	// Time is the block's timestamp: the chain's clock, which the contract
	// compares deadlines and expiries with.
	Time time.Time
}

// Head reads the head block's header.
func (c *Client) Head(ctx context.Context) (Head, error) {
	h, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return Head{}, err
	}
	return Head{Number: h.Number.Uint64(), Hash: h.Hash(), Time: unixUTC(h.Time)}, nil
}

// ErrUnsupported: the client's backend cannot do what was asked (read an
// account's ether balance, push new heads).
var ErrUnsupported = errors.New("acl: the chain connection does not support this")

// EtherBalance is an account's ether balance at the head, in wei (not its
// Registry balance: that is BalanceOf). A backend that cannot read
// balances gives ErrUnsupported.
func (c *Client) EtherBalance(ctx context.Context, account common.Address) (*big.Int, error) {
	b, ok := c.backend.(interface {
		BalanceAt(context.Context, common.Address, *big.Int) (*big.Int, error)
	})
	if !ok {
		return nil, fmt.Errorf("%w: reading balances", ErrUnsupported)
	}
	return b.BalanceAt(ctx, account, nil)
}

// SubscribeHeads sends each new head to ch while the subscription lasts.
// A connection that cannot push (plain HTTP) gives ErrUnsupported: poll
// BlockNumber instead.
func (c *Client) SubscribeHeads(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	sub, ok := c.backend.(interface {
		SubscribeNewHead(context.Context, chan<- *types.Header) (ethereum.Subscription, error)
	})
	if !ok {
		return nil, fmt.Errorf("%w: pushing new heads", ErrUnsupported)
	}
	s, err := sub.SubscribeNewHead(ctx, ch)
	if errors.Is(err, rpc.ErrNotificationsUnsupported) {
		return nil, fmt.Errorf("%w: pushing new heads: %v", ErrUnsupported, err)
	}
	return s, err
}

// Follower makes a Follower of this client's Registry over its backend.
// It reads in windows of the client's log range (Options.LogRange).
func (c *Client) Follower(cursor Cursor) *Follower {
	f := NewFollower(c.backend, c.address, cursor)
	f.Batch = c.logs.max
	return f
}
