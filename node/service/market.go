package service

import (
	"cmp"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
)

// ErrTermsMismatch: a buyer named other terms than the open offer's.
var ErrTermsMismatch = errors.New("service: terms differ from the offer's")

// ErrBadTerms: terms an owner cannot publish (empty, too long, not text).
var ErrBadTerms = errors.New("service: terms cannot be published")

// ErrTermsUnknown: an offer's terms text could not be read from IPFS —
// no node served it in time, or it is not text. An offer recorded with
// the legacy hash (LegacyTermsHash) never has its text there.
var ErrTermsUnknown = errors.New("service: the terms text is not readable")

// MaxTerms bounds an offer's terms text: an owner cannot publish more, and
// a brand reads no more of what an offer's hash names.
const MaxTerms = 16 << 10

// TermsWait bounds how long a brand's node waits for an offer's terms
// text from IPFS; a listing of many offers waits for them together.
const TermsWait = 3 * time.Second

// TermsHash is how an offer's terms text is recorded on chain: its SHA-256
// digest, which is also the digest of the raw IPFS block the owner's node
// publishes the text in, so any node finds the text from the hash alone
// (TermsCID). contracts/spec/registry-v4.md, "termsHash".
func TermsHash(terms string) [32]byte { return sha256.Sum256([]byte(terms)) }

// LegacyTermsHash is how offers were recorded before their terms were
// published: keccak256 of the text, which nothing on IPFS answers to. Such
// an offer still opens and sells; its text is known only to whoever was
// told it.
func LegacyTermsHash(terms string) [32]byte { return crypto.Keccak256Hash([]byte(terms)) }

// TermsMatch reports whether text is the terms h records, in either form.
func TermsMatch(text string, h [32]byte) bool {
	return TermsHash(text) == h || LegacyTermsHash(text) == h
}

// TermsCID is the CID of the raw block holding the terms whose hash is h.
func TermsCID(h [32]byte) cid.Cid { return policy.CIDOf(h) }

// CheckTerms refuses terms an owner should not publish: empty, over
// MaxTerms bytes, not UTF-8, or holding control characters other than
// newlines and tabs. A brand's node checks nothing of the kind: it shows
// whatever an offer names, escaped and cut.
func CheckTerms(terms string) error {
	switch {
	case strings.TrimSpace(terms) == "":
		return fmt.Errorf("%w: the terms are empty: say what buyers may use the data for", ErrBadTerms)
	case len(terms) > MaxTerms:
		return fmt.Errorf("%w: the terms are %d bytes; at most %d are published", ErrBadTerms, len(terms), MaxTerms)
	case !utf8.ValidString(terms):
		return fmt.Errorf("%w: the terms are not UTF-8 text", ErrBadTerms)
	}
	for _, r := range terms {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return fmt.Errorf("%w: the terms hold the control character %U; use plain text", ErrBadTerms, r)
		}
	}
	return nil
}

// termsPinName names the pin of a dataset's published terms.
func termsPinName(dataset uint64) string { return fmt.Sprintf("pdx/terms/%d", dataset) }

// Offer opens an offer of a dataset: access for duration at price wei under
// terms (the purpose a buyer may use the data for). The terms text is
// published first — added and pinned on this node's IPFS as one raw block
// whose digest is the hash the offer records — so every brand can read it.
func (s *Service) Offer(ctx context.Context, dataset uint64, price *big.Int, duration time.Duration, terms string) error {
	return s.OfferTo(ctx, dataset, price, duration, terms, common.Address{})
}

// OfferTo is Offer made to buyer only (a private offer: the chain refuses
// anyone else's buy); the zero address makes it public.
func (s *Service) OfferTo(ctx context.Context, dataset uint64, price *big.Int, duration time.Duration, terms string, buyer common.Address) error {
	if buyer == s.addr {
		return fmt.Errorf("%w: an offer cannot be made to its owner's own account", ErrPrivateOfferToSelf)
	}
	if err := CheckTerms(terms); err != nil {
		return err
	}
	h := TermsHash(terms)
	c, err := s.cfg.Store.Add(ctx, strings.NewReader(terms), storage.AddOptions{Name: termsPinName(dataset), MaxSize: MaxTerms})
	if err != nil {
		return fmt.Errorf("service: publishing the terms on IPFS: %w", err)
	}
	if !c.Equals(TermsCID(h)) {
		return fmt.Errorf("service: the terms were stored as %s, not as the one raw block %s", c, TermsCID(h))
	}
	_, err = s.cfg.Chain.OfferTo(ctx, dataset, price, duration, h, buyer)
	return err
}

// ErrPrivateOfferToSelf: a private offer names its owner (who cannot buy
// its own dataset).
var ErrPrivateOfferToSelf = errors.New("service: private offer to the owner")

// PublishTerms makes sure the terms of this account's open offer of
// dataset under terms are published: when the offer on chain records terms' SHA-256
// and this node no longer pins their block (a repository restored from an
// older backup, a pin removed by hand), the text is added and pinned
// again. It reports whether it did; an offer of other or legacy terms, or
// none, is left alone.
func (s *Service) PublishTerms(ctx context.Context, dataset uint64, terms string) (bool, error) {
	h := TermsHash(terms)
	if _, err := s.cfg.Chain.OfferOf(ctx, dataset, h); errors.Is(err, acl.ErrNoOpenOffer) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	if pinned, err := s.cfg.Store.IsPinned(ctx, TermsCID(h)); err != nil || pinned {
		return false, err
	}
	if _, err := s.cfg.Store.Add(ctx, strings.NewReader(terms), storage.AddOptions{Name: termsPinName(dataset), MaxSize: MaxTerms}); err != nil {
		return false, fmt.Errorf("service: publishing the terms of dataset %d again: %w", dataset, err)
	}
	return true, nil
}

// TermsText reads the terms text an offer or a purchase records from
// IPFS, waiting at most wait, and checks it against the hash. Anything the
// hash names is returned as long as it is UTF-8 and at most MaxTerms bytes
// (a hostile owner can publish anything: callers show it escaped); what
// cannot be had is ErrTermsUnknown.
func (s *Service) TermsText(ctx context.Context, h [32]byte, wait time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	r, err := s.cfg.Store.Get(ctx, TermsCID(h))
	if err != nil {
		return "", fmt.Errorf("%w: no IPFS node served it within %s", ErrTermsUnknown, wait)
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, MaxTerms+1))
	switch {
	case err != nil:
		return "", fmt.Errorf("%w: reading it: %v", ErrTermsUnknown, err)
	case len(data) > MaxTerms:
		return "", fmt.Errorf("%w: it is over %d bytes", ErrTermsUnknown, MaxTerms)
	case sha256.Sum256(data) != h:
		return "", fmt.Errorf("%w: what IPFS served does not hash to the offer's terms", ErrTermsUnknown)
	case !utf8.Valid(data):
		return "", fmt.Errorf("%w: it is not text (%d bytes)", ErrTermsUnknown, len(data))
	}
	return string(data), nil
}

// Buy pays a dataset's open offer into escrow. terms must be the offer's
// terms text: it names which of the dataset's offers is bought.
func (s *Service) Buy(ctx context.Context, dataset uint64, terms string) (*acl.Offer, error) {
	o, _, err := s.BuyOffer(ctx, dataset, terms)
	return o, err
}

// BuyOffer is Buy that also accepts empty terms: the dataset's only open
// offer is then bought under its published text, read from IPFS
// (TermsText); with several open it is ErrOfferAmbiguous (BuyPick names
// one). It returns the terms bought under either way.
func (s *Service) BuyOffer(ctx context.Context, dataset uint64, terms string) (*acl.Offer, string, error) {
	return s.BuyPick(ctx, dataset, OfferPick{Terms: terms})
}

// BuyPick pays the offer of dataset that pick names into escrow (by terms
// hash, text or fields; PickOffer) and returns it with the terms text it was
// bought under. The terms' hash is pinned in the transaction, so the
// purchase is refused if that offer changed or closed meanwhile.
func (s *Service) BuyPick(ctx context.Context, dataset uint64, pick OfferPick) (*acl.Offer, string, error) {
	picked, err := s.PickOffer(ctx, dataset, pick)
	if err != nil {
		return nil, "", err
	}
	o, terms := picked.Offer, pick.Terms
	if terms == "" {
		terms = picked.Text
	}
	if terms == "" {
		if terms, err = s.TermsText(ctx, o.TermsHash, TermsWait); err != nil {
			return nil, "", fmt.Errorf("%w; ask the owner for the terms of dataset %d and name them with --terms", err, dataset)
		}
	} else if !TermsMatch(terms, o.TermsHash) {
		return nil, "", fmt.Errorf("%w: the offer of dataset %d has other terms than %q; read the offer again", ErrTermsMismatch, dataset, terms)
	}
	// An offer's terms may be a usage policy: it must parse, and it is
	// pinned here before anything is paid, so the buyer keeps the document
	// its payment is bound to.
	p, err := TermsPolicy(terms)
	if err != nil {
		return nil, "", fmt.Errorf("%w; the offer of dataset %d cannot be bought", err, dataset)
	}
	if p != nil {
		if err := s.pinPolicy(ctx, p); err != nil {
			return nil, "", err
		}
	}
	// Price, terms and duration are all pinned in the transaction: an offer
	// changed between this read and the block is refused by the contract,
	// and the payment stays with the buyer.
	if _, err := s.cfg.Chain.Buy(ctx, dataset, o.Price, o.TermsHash, o.Duration); err != nil {
		return nil, "", err
	}
	return &o, terms, nil
}

// Withdraw settles what the account's sales have vested (every bought
// grant of its datasets still holding payment) and moves its balance to its
// wallet, in one transaction; it returns the amount paid out.
func (s *Service) Withdraw(ctx context.Context) (*big.Int, error) {
	sales, err := s.vestingSales(ctx)
	if err != nil {
		return nil, err
	}
	before, err := s.cfg.Chain.BalanceOf(ctx, s.addr)
	if err != nil {
		return nil, err
	}
	if len(sales) == 0 {
		if before.Sign() == 0 {
			return before, nil
		}
		if _, err := s.cfg.Chain.Withdraw(ctx); err != nil {
			return nil, err
		}
		return before, nil
	}
	rc, err := s.cfg.Chain.WithdrawVested(ctx, sales)
	if errors.Is(err, acl.ErrNothingToWithdraw) {
		return new(big.Int), nil
	}
	if err != nil {
		return nil, err
	}
	return s.cfg.Chain.WithdrawnIn(rc.Logs), nil
}

// vestingBuyers lists the buyers of a dataset whose bought grant still
// holds payment.
func (s *Service) vestingBuyers(ctx context.Context, dataset uint64) ([]common.Address, error) {
	evs, err := s.events().Purchased(ctx, acl.PurchasedFilter{Dataset: &dataset})
	if err != nil {
		return nil, err
	}
	seen := map[common.Address]bool{}
	var out []common.Address
	for _, ev := range evs {
		b := ev.Buyer
		if seen[b] {
			continue
		}
		seen[b] = true
		v, err := s.cfg.Chain.VestingOf(ctx, dataset, b)
		if err != nil {
			return nil, err
		}
		if v.Amount.Sign() != 0 {
			out = append(out, b)
		}
	}
	return out, nil
}

// vestingSales lists the bought grants of this account's datasets whose
// payment is still held (granted purchases not yet fully settled).
//
// It asks the chain for the purchases of this account's datasets alone
// (their ids as a topic list), not for every purchase of the network.
func (s *Service) vestingSales(ctx context.Context) ([]acl.Sale, error) {
	created, err := s.events().DatasetCreated(ctx, acl.DatasetCreatedFilter{Owner: &s.addr})
	if err != nil {
		return nil, err
	}
	var evs []acl.Purchased
	for chunk := range slices.Chunk(created, acl.MaxTopicList) {
		ids := make([]uint64, len(chunk))
		for i, d := range chunk {
			ids[i] = d.Dataset
		}
		more, err := s.events().Purchased(ctx, acl.PurchasedFilter{Datasets: ids})
		if err != nil {
			return nil, err
		}
		evs = append(evs, more...)
	}
	slices.SortFunc(evs, func(a, b acl.Purchased) int {
		if c := cmp.Compare(a.Block, b.Block); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
	seen := map[acl.Sale]bool{}
	owners := map[uint64]common.Address{}
	var out []acl.Sale
	for _, p := range evs {
		sale := acl.Sale{Dataset: p.Dataset, Buyer: p.Buyer}
		if seen[sale] {
			continue
		}
		seen[sale] = true
		owner, ok := owners[p.Dataset]
		if !ok {
			ds, err := s.cfg.Chain.DatasetInfo(ctx, p.Dataset)
			if err != nil {
				return nil, err
			}
			owner, owners[p.Dataset] = ds.Owner, ds.Owner
		}
		if owner != s.addr {
			continue
		}
		v, err := s.cfg.Chain.VestingOf(ctx, p.Dataset, p.Buyer)
		if err != nil {
			return nil, err
		}
		if v.Amount.Sign() != 0 {
			out = append(out, sale)
		}
	}
	return out, nil
}

// Balance is what the account can withdraw from the Registry: vested
// payments settled to it, refunds.
func (s *Service) Balance(ctx context.Context) (*big.Int, error) {
	return s.cfg.Chain.BalanceOf(ctx, s.addr)
}

// Vesting is what a bought grant of one of this account's datasets still
// holds for the owner and buyer (acl.VestingOf).
func (s *Service) Vesting(ctx context.Context, dataset uint64, buyer common.Address) (acl.Vesting, error) {
	return s.cfg.Chain.VestingOf(ctx, dataset, buyer)
}

// Wallet is the account's ether balance.
func (s *Service) Wallet(ctx context.Context) (*big.Int, error) {
	b, err := s.cfg.Chain.EtherBalance(ctx, s.addr)
	if errors.Is(err, acl.ErrUnsupported) {
		return nil, fmt.Errorf("service: this chain backend cannot read balances")
	}
	return b, err
}

// MarketItem is what the owner's node knows of one offered dataset.
type MarketItem struct {
	Key *reencrypt.SecretKey
	// Terms is the text of the dataset's latest offer (the purpose granted
	// to buyers, or its usage policy's document). A purchase of another of
	// the dataset's offers is granted under that offer's text, read from
	// this node's IPFS by the purchase's terms hash (the owner published
	// and pinned it when offering).
	Terms  string
	Policy config.Policy
	// Fields are the field groups of the dataset's newest version; empty
	// when it is not split. A purchase of an offer whose policy names
	// fields is declined unless the version has every one of them; one of
	// an offer of the whole dataset is a field grant of all of them.
	Fields []string
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
	// Terms is the text of the offer bought (empty when unknown).
	Terms  string `json:"terms,omitempty"`
	Reason string `json:"reason,omitempty"`
	Block  uint64 `json:"block"`
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
	p, ok := ev.Purchased()
	if !ok {
		return nil
	}
	item, ok := a.Item(p.Dataset)
	if !ok {
		return nil
	}
	d := Decision{Dataset: p.Dataset, Buyer: p.Buyer, Amount: p.Amount, Block: p.Block}
	// A purchase already granted (replayed event after a restart) or
	// refunded has no escrow left: nothing to do.
	if _, err := a.S.cfg.Chain.PurchaseOf(ctx, p.Dataset, p.Buyer); errors.Is(err, acl.ErrNoEscrow) {
		return nil
	} else if err != nil {
		return err
	}
	terms := a.termsOf(ctx, item, p.TermsHash)
	if terms == "" {
		return a.declinePurchase(ctx, d, "the purchase names terms this node does not know")
	}
	d.Terms = terms
	pol, err := TermsPolicy(terms)
	if err != nil {
		return a.declinePurchase(ctx, d, err.Error())
	}
	// An offer of some fields is granted as a field grant of exactly
	// those: the newest version must be split and hold every one.
	if pol != nil && len(pol.Fields) > 0 {
		if len(item.Fields) == 0 {
			return a.declinePurchase(ctx, d, fmt.Sprintf("the offer sells the fields %s, but the dataset's newest version is not split into fields", strings.Join(pol.Fields, ",")))
		}
		var missing []string
		for _, f := range pol.Fields {
			if !slices.Contains(item.Fields, f) {
				missing = append(missing, f)
			}
		}
		if len(missing) > 0 {
			return a.declinePurchase(ctx, d, fmt.Sprintf("the offer sells the fields %s, and the dataset's newest version has no field %s", strings.Join(pol.Fields, ","), strings.Join(missing, ",")))
		}
	}
	// The market policy's allowed purposes are words: a usage policy is
	// checked by its description, as a plain terms text is by itself.
	purpose := terms
	if pol != nil {
		purpose = pol.Description
	}
	if err := item.Policy.Check(p.Amount, purpose, p.Duration); err != nil {
		return a.declinePurchase(ctx, d, err.Error())
	}
	// Revoking a buyer's bought grant is the owner's decision about that
	// buyer: buying again must not undo it behind the owner's back (a
	// revoked free grant is different: the buyer now pays, as anyone may).
	if block, err := a.S.revokedPurchase(ctx, p.Dataset, p.Buyer); err != nil {
		return err
	} else if block != 0 {
		return a.declinePurchase(ctx, d, fmt.Sprintf("you revoked this buyer's bought grant at block %d; the market agent does not sell to a revoked buyer again (grant by hand to let it back)", block))
	}
	if err := a.grant(ctx, p, item, terms, pol); err != nil {
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
func (a *MarketAgent) grant(ctx context.Context, p acl.Purchased, item *MarketItem, terms string, pol *policy.Policy) error {
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
	// A purchase of an offer under a usage policy is granted under that
	// policy: the grant's purposeHash is the offer's termsHash, and a
	// policy of some fields makes it a field grant of those (policyFields).
	// An offer of the whole dataset whose newest version is split is a
	// field grant of every field of it: no key of the dataset opens a
	// split version (node/fieldsplit/FIELDS.md).
	var fields []FieldGrant
	if (pol == nil || len(pol.Fields) == 0) && len(item.Fields) > 0 {
		if fields, err = s.fieldGrants(ctx, p.Dataset, item.Fields); err != nil {
			return err
		}
	}
	_, err = s.Grant(ctx, GrantRequest{
		Dataset: p.Dataset, DatasetKey: item.Key, Grantee: p.Buyer, Purpose: terms, Policy: pol,
		Threshold: a.Threshold, Proxies: proxies, Purchase: true, Fields: fields,
	})
	return err
}

// fieldGrants derives the current keys of the named fields of dataset.
func (s *Service) fieldGrants(ctx context.Context, dataset uint64, names []string) ([]FieldGrant, error) {
	if s.fieldKeys == nil {
		return nil, fmt.Errorf("%w: dataset %d is split into fields and this node derives no field keys", ErrFieldRegrant, dataset)
	}
	out := make([]FieldGrant, 0, len(names))
	for _, n := range names {
		keys, err := s.fieldKeys.FieldKeys(ctx, dataset, n)
		if err != nil {
			return nil, err
		}
		if len(keys) == 0 {
			return nil, fmt.Errorf("%w: dataset %d is not held here", ErrFieldRegrant, dataset)
		}
		out = append(out, FieldGrant{Name: n, Key: keys[0]})
	}
	return out, nil
}

// termsOf is the text of the offer a purchase bought: the item's latest
// terms when they are the purchase's, else the text this node published
// under the purchase's terms hash. Only the owner opens offers of its
// dataset and buy accepts only an open offer's hash, so the text is one
// the owner offered. Empty when it cannot be had.
func (a *MarketAgent) termsOf(ctx context.Context, item *MarketItem, h [32]byte) string {
	if item.Terms != "" && TermsMatch(item.Terms, h) {
		return item.Terms
	}
	text, err := a.S.TermsText(ctx, h, TermsWait)
	if err != nil {
		return ""
	}
	return text
}

// revokedPurchase returns the block at which the owner revoked a bought
// grant of dataset to buyer, 0 when it never did.
func (s *Service) revokedPurchase(ctx context.Context, dataset uint64, buyer common.Address) (uint64, error) {
	revoked, err := s.events().Revoked(ctx, acl.RevokedFilter{Dataset: &dataset, Grantee: &buyer})
	if err != nil || len(revoked) == 0 {
		return 0, err
	}
	granted, err := s.events().Granted(ctx, acl.GrantedFilter{Grantee: &buyer, Dataset: &dataset})
	if err != nil {
		return 0, err
	}
	var last uint64
	for _, r := range revoked {
		// The grant a revoke ended is the newest one of the pair before it.
		var bought bool
		for _, g := range granted {
			if g.Block <= r.Block {
				bought = g.Bought
			}
		}
		if bought {
			last = r.Block
		}
	}
	return last, nil
}

// declinePurchase is the one way the agent refuses a purchase: it records
// the decision with its reason and returns the buyer's escrow at once, so
// a refused buyer waits for nothing.
func (a *MarketAgent) declinePurchase(ctx context.Context, d Decision, reason string) error {
	d.Granted, d.Reason = false, reason
	// A decline that fails (the chain unreachable) does not hold the agent
	// up either: the buyer can still take its refund after the grant window.
	if _, err := a.S.cfg.Chain.Decline(ctx, d.Dataset, d.Buyer); err != nil && !errors.Is(err, acl.ErrNoPurchase) {
		a.S.log.Warn("market: declining a purchase on chain failed; the buyer can refund after the grant window", "dataset", d.Dataset, "buyer", d.Buyer.Hex(), "err", err)
		d.Reason += " (not declined on chain: " + err.Error() + ")"
	}
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
