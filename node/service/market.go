package service

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/reencrypt"
)

// ErrTermsMismatch: a buyer named other terms than the open offer's.
var ErrTermsMismatch = errors.New("service: terms differ from the offer's")

// TermsHash is how an offer's terms text is recorded on chain.
func TermsHash(terms string) [32]byte { return crypto.Keccak256Hash([]byte(terms)) }

// Offer opens an offer of a dataset: access for duration at price wei under
// terms (the purpose a buyer may use the data for).
func (s *Service) Offer(ctx context.Context, dataset uint64, price *big.Int, duration time.Duration, terms string) error {
	_, err := s.cfg.Chain.Offer(ctx, dataset, price, duration, TermsHash(terms))
	return err
}

// Buy pays a dataset's open offer into escrow. terms must be the offer's
// terms text: the chain refuses a purchase whose terms changed.
func (s *Service) Buy(ctx context.Context, dataset uint64, terms string) (*acl.Offer, error) {
	o, err := s.cfg.Chain.OfferOf(ctx, dataset)
	if err != nil {
		return nil, err
	}
	if o.TermsHash != TermsHash(terms) {
		return nil, fmt.Errorf("%w: the offer of dataset %d has other terms than %q; read the offer again", ErrTermsMismatch, dataset, terms)
	}
	if _, err := s.cfg.Chain.Buy(ctx, dataset, o.Price, o.TermsHash); err != nil {
		return nil, err
	}
	return &o, nil
}

// Withdraw moves the account's released payments to its wallet and returns
// the amount.
func (s *Service) Withdraw(ctx context.Context) (*big.Int, error) {
	bal, err := s.cfg.Chain.BalanceOf(ctx, s.addr)
	if err != nil {
		return nil, err
	}
	if bal.Sign() == 0 {
		return bal, nil
	}
	if _, err := s.cfg.Chain.Withdraw(ctx); err != nil {
		return nil, err
	}
	return bal, nil
}

// Wallet is the account's ether balance.
func (s *Service) Wallet(ctx context.Context) (*big.Int, error) {
	b, ok := s.cfg.Chain.Backend().(interface {
		BalanceAt(context.Context, common.Address, *big.Int) (*big.Int, error)
	})
	if !ok {
		return nil, fmt.Errorf("service: this chain backend cannot read balances")
	}
	return b.BalanceAt(ctx, s.addr, nil)
}

// MarketItem is what the owner's node knows of one offered dataset.
type MarketItem struct {
	Key    *reencrypt.SecretKey
	Terms  string // the offer's terms: the purpose granted to buyers
	Policy config.Policy
	// Proxies, when set, are this dataset's proxies for new purchases;
	// empty means the owner's ProxySet. A purchase that extends a live
	// grant keeps that grant's proxies either way.
	Proxies []common.Address
}

// Decision records what the market agent did with one purchase.
type Decision struct {
	Dataset uint64         `json:"dataset"`
	Buyer   common.Address `json:"buyer"`
	Amount  *big.Int       `json:"amount"`
	Granted bool           `json:"granted"`
	Reason  string         `json:"reason,omitempty"`
	Block   uint64         `json:"block"`
}

// MarketAgent grants purchases of the owner's datasets automatically when
// the dataset's policy accepts them, so the escrow reaches the owner while
// they sleep; it refuses, and records why, otherwise. Each purchase is
// decided on its own: one it cannot serve (a buyer whose receiving key is
// not a curve point, a buyer without keys, a grant that fails) is refused
// and the agent goes on to the next, so no buyer can stall the purchases
// behind its own. Only a failure to reach the chain or the store, which a
// later poll may not meet, makes HandleEvent return an error (the event is
// then handled again).
type MarketAgent struct {
	S *Service
	// Item returns the owner's knowledge of an offered dataset; ok false
	// means not one of ours (ignored).
	Item func(dataset uint64) (item *MarketItem, ok bool)
	// Threshold is t for purchases; 0 means the service's ProxySet's.
	Threshold int
	// Record receives every decision.
	Record func(Decision)
}

// HandleEvent acts on Purchased events; feed it from an acl.Follower.
func (a *MarketAgent) HandleEvent(ctx context.Context, ev acl.Event) error {
	p, ok := ev.Value.(*bindings.RegistryPurchased)
	if !ok {
		return nil
	}
	item, ok := a.Item(p.Dataset)
	if !ok {
		return nil
	}
	d := Decision{Dataset: p.Dataset, Buyer: p.Buyer, Amount: p.Amount, Block: ev.Block}
	// A purchase already granted (replayed event after a restart) or
	// refunded has no escrow left: nothing to do.
	if _, err := a.S.cfg.Chain.PurchaseOf(ctx, p.Dataset, p.Buyer); errors.Is(err, acl.ErrNoEscrow) {
		return nil
	} else if err != nil {
		return err
	}
	if item.Terms == "" || TermsHash(item.Terms) != p.TermsHash {
		return a.declinePurchase(ctx, d, "the purchase names terms this node does not know")
	}
	if err := item.Policy.Check(p.Amount, item.Terms, time.Duration(p.Duration)*time.Second); err != nil {
		return a.declinePurchase(ctx, d, err.Error())
	}
	if err := a.grant(ctx, p, item); err != nil {
		if retryable(ctx, err) {
			return fmt.Errorf("service: granting the purchase of dataset %d by %s: %w", p.Dataset, p.Buyer.Hex(), err)
		}
		return a.declinePurchase(ctx, d, fmt.Sprintf("the purchase cannot be granted: %v", err))
	}
	d.Granted = true
	a.record(d)
	return nil
}

// grant grants one purchase: to the proxies of the buyer's live grant when
// the purchase extends one (a grant's proxy set is fixed when it is made),
// else to the item's or the owner's configured proxies.
func (a *MarketAgent) grant(ctx context.Context, p *bindings.RegistryPurchased, item *MarketItem) error {
	s := a.S
	// The buyer's keys first: nothing is sealed for a key that opens nothing.
	if _, err := s.granteeKey(ctx, p.Buyer); err != nil {
		return err
	}
	proxies := item.Proxies
	live, err := s.cfg.Chain.IsAuthorized(ctx, p.Dataset, p.Buyer)
	if err != nil {
		return err
	}
	if live {
		g, err := s.latestGrantTo(ctx, p.Dataset, p.Buyer)
		if err != nil {
			return err
		}
		if g != nil {
			if kept := s.keptProxies(ctx, p.Dataset, p.Buyer, g.Bundle); kept != nil {
				proxies = kept
			}
		}
	}
	_, err = s.Grant(ctx, GrantRequest{
		Dataset: p.Dataset, DatasetKey: item.Key, Grantee: p.Buyer, Purpose: item.Terms,
		Threshold: a.Threshold, Proxies: proxies, Purchase: true,
	})
	return err
}

// declinePurchase is the one way the agent refuses a purchase: it records
// the decision with its reason and returns the buyer's escrow at once, so
// a refused buyer waits for nothing.
func (a *MarketAgent) declinePurchase(ctx context.Context, d Decision, reason string) error {
	d.Granted, d.Reason = false, reason
	// DECLINE (lead: wire this line once acl.Client has Decline): if _, err := a.S.cfg.Chain.Decline(ctx, d.Dataset, d.Buyer); err != nil && !errors.Is(err, acl.ErrNoPurchase) { return err }
	a.record(d)
	return nil
}

func (a *MarketAgent) record(d Decision) {
	if a.Record != nil {
		a.Record(d)
		return
	}
	a.S.log.Info("market: purchase decided", "dataset", d.Dataset, "buyer", d.Buyer.Hex(), "granted", d.Granted, "reason", d.Reason)
}

// retryable tells a failure that a later poll may not meet — the caller
// stopping, the chain or the store not answering — from one that belongs
// to the purchase itself and would fail on every poll.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrUnavailable) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne)
}
