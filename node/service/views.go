package service

import (
	"bytes"
	"cmp"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// The read-only views below answer "what does the chain say about …" for
// the daemon's listing routes. The chain keeps slots for the current state
// and events for the history; every view reads the events from the
// Registry's deploy block and checks the current state where a slot says
// more (a grant that expired, an offer replaced, an escrow refunded).

// Errors of the views and of Refund.
var (
	// ErrNothingToRefund: this account has no purchase of the dataset in
	// escrow (never bought, already granted or refunded).
	ErrNothingToRefund = errors.New("service: no purchase of this dataset is in escrow for this account")
	// ErrRefundTooEarly: the owner's grant window has not passed yet.
	ErrRefundTooEarly = errors.New("service: the owner may still grant this purchase")
)

// GrantRecord is one row of a dataset's grant history (DatasetGrants): a
// grant ever made on it, to any grantee, with what became of it. Unlike a
// CurrentGrant it is not only the newest of its grantee, and it says which
// revocation ended it and which proxies hold its kfrags.
type GrantRecord struct {
	acl.Granted
	// BundleCID is the kfrag bundle's CID (Granted.Bundle is its digest).
	BundleCID string
	// Proxies hold the grant's kfrags (read from the bundle; nil when the
	// bundle could not be read).
	Proxies []common.Address
	// Active: this is the grantee's current grant and the chain authorizes
	// it now (not revoked, expired or erased).
	Active bool
	// RevokedBlock is the block of the revocation that ended this grant;
	// 0 when it was not revoked.
	RevokedBlock uint64
	// Fields are the field groups a field grant covers (read from its
	// bundle); nil for a grant of the whole dataset or an unreadable bundle.
	Fields []string
}

// DatasetGrants lists every grant ever made on dataset, newest first.
func (s *Service) DatasetGrants(ctx context.Context, dataset uint64) ([]GrantRecord, error) {
	evs, err := s.events().Granted(ctx, acl.GrantedFilter{Dataset: &dataset})
	if err != nil {
		return nil, err
	}
	revs, err := s.events().Revoked(ctx, acl.RevokedFilter{Dataset: &dataset})
	if err != nil {
		return nil, err
	}
	var out []GrantRecord
	for _, g := range evs {
		out = append(out, GrantRecord{Granted: g, BundleCID: bundleCID(g.Bundle)})
	}
	// A revocation ends the grantee's grant made before it, unless a newer
	// grant replaced that one first.
	for i := range out {
		next := uint64(1<<63 - 1)
		for j := i + 1; j < len(out); j++ {
			if out[j].Grantee == out[i].Grantee {
				next = out[j].Block
				break
			}
		}
		for _, r := range revs {
			if r.Grantee == out[i].Grantee && r.Block >= out[i].Block && r.Block <= next {
				out[i].RevokedBlock = r.Block
				break
			}
		}
	}
	latest := map[common.Address]int{}
	for i, g := range out {
		latest[g.Grantee] = i
	}
	for grantee, i := range latest {
		ok, err := s.cfg.Chain.IsAuthorized(ctx, dataset, grantee)
		if err != nil {
			return nil, err
		}
		out[i].Active = ok && out[i].RevokedBlock == 0
	}
	for i := range out {
		out[i].Proxies, out[i].Fields = s.bundleInfo(ctx, out[i].Bundle)
	}
	slices.Reverse(out)
	return out, nil
}

func bundleCID(digest [32]byte) string {
	c, err := cid.Cast(acl.BundleCID(digest))
	if err != nil {
		return ""
	}
	return c.String()
}

// bundleProxies reads the proxies a kfrag bundle (its digest) was sealed
// to; nil when the bundle is not reachable within a few seconds.
func (s *Service) bundleProxies(ctx context.Context, digest [32]byte) []common.Address {
	p, _ := s.bundleInfo(ctx, digest)
	return p
}

// bundleInfo reads a grant's bundle for its proxies and, for a field
// grant, the fields it covers; nil, nil when it cannot be read.
func (s *Service) bundleInfo(ctx context.Context, digest [32]byte) ([]common.Address, []string) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	bd, err := envstore.Bundles{S: s.cfg.Store}.Bundle(ctx, digest)
	if err != nil {
		return nil, nil
	}
	parsed, err := bundle.Parse(bd)
	if err != nil {
		return nil, nil
	}
	out := make([]common.Address, 0, len(parsed.Proxies))
	for _, a := range parsed.Proxies {
		out = append(out, common.Address(a))
	}
	var fields []string
	for _, f := range parsed.Fields {
		fields = append(fields, f.Name)
	}
	return out, fields
}

// OpenOffer is a dataset's open offer as the chain holds it.
type OpenOffer struct {
	Dataset   uint64
	Owner     common.Address
	Price     *big.Int
	Duration  time.Duration
	TermsHash [32]byte
	// Buyer is the only account a private offer is made to; zero when the
	// offer is public.
	Buyer common.Address
	Block uint64 // of the Offered event that opened it
}

// Offers lists the open offers on chain this account may see, by dataset
// id then terms hash (a dataset has one offer per terms hash): every public offer, and a private one only when this account made it
// or is the one it names. (The chain's events show private offers to
// anyone who reads them; hiding them here keeps a brand's market to what it
// can buy, and the contract refuses the rest.)
func (s *Service) Offers(ctx context.Context) ([]OpenOffer, error) {
	evs, err := s.cfg.Chain.Offered(ctx, s.since(), acl.OfferedFilter{})
	if err != nil {
		return nil, err
	}
	type key struct {
		ds uint64
		th [32]byte
	}
	last := map[key]uint64{}
	var keys []key
	for _, o := range evs {
		k := key{o.Dataset, o.TermsHash}
		if _, ok := last[k]; !ok {
			keys = append(keys, k)
		}
		last[k] = o.Block
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.ds, b.ds); c != 0 {
			return c
		}
		return bytes.Compare(a.th[:], b.th[:])
	})
	out := []OpenOffer{}
	infos := map[uint64]acl.Dataset{}
	for _, k := range keys {
		o, err := s.cfg.Chain.OfferOf(ctx, k.ds, k.th)
		if errors.Is(err, acl.ErrNoOpenOffer) {
			continue
		}
		if err != nil {
			return nil, err
		}
		info, ok := infos[k.ds]
		if !ok {
			if info, err = s.cfg.Chain.DatasetInfo(ctx, k.ds); err != nil {
				return nil, err
			}
			infos[k.ds] = info
		}
		if info.Erased {
			continue
		}
		if o.Private() && o.Buyer != s.addr && info.Owner != s.addr {
			continue
		}
		out = append(out, OpenOffer{Dataset: k.ds, Owner: info.Owner, Price: o.Price, Duration: o.Duration, TermsHash: o.TermsHash, Buyer: o.Buyer, Block: last[k]})
	}
	return out, nil
}

// Refund moves this account's escrowed purchase of dataset back to its
// balance once the grant window has passed (at once when the dataset was
// erased), and returns the amount. Before that it is ErrRefundTooEarly,
// with nothing in escrow ErrNothingToRefund; nothing is sent either way.
func (s *Service) Refund(ctx context.Context, dataset uint64) (*big.Int, error) {
	p, err := s.cfg.Chain.PurchaseOf(ctx, dataset, s.addr)
	if errors.Is(err, acl.ErrNoEscrow) {
		return nil, fmt.Errorf("%w: dataset %d (`pdx purchases` lists this account's purchases)", ErrNothingToRefund, dataset)
	}
	if err != nil {
		return nil, err
	}
	erased := false
	if info, err := s.cfg.Chain.DatasetInfo(ctx, dataset); err == nil {
		erased = info.Erased
	}
	// The contract compares the deadline with the chain's clock: the
	// timestamp of the block the refund is checked in, which for the gas
	// estimate before sending is the head's. A chain that seals blocks
	// only for transactions (pdx's dev chain) keeps its clock still while
	// idle, so the head's time is what counts, not the wall clock's.
	head, err := s.cfg.Chain.Head(ctx)
	if err != nil {
		return nil, err
	}
	chainNow := head.Time
	if !erased && chainNow.Before(p.Deadline) {
		return nil, fmt.Errorf("%w: the owner of dataset %d has until %s to grant it (the chain's clock says %s); refund after that", ErrRefundTooEarly, dataset,
			p.Deadline.UTC().Format(time.RFC3339), chainNow.Format(time.RFC3339))
	}
	if _, err := s.cfg.Chain.Refund(ctx, dataset); err != nil {
		if errors.Is(err, acl.ErrRefundTooEarly) {
			return nil, fmt.Errorf("%w: the owner of dataset %d has until %s to grant it; refund after that: %w", ErrRefundTooEarly, dataset, p.Deadline.UTC().Format(time.RFC3339), err)
		}
		return nil, err
	}
	return p.Amount, nil
}

// Purchase states.
const (
	PurchaseEscrow   = "escrow"
	PurchaseGranted  = "granted"
	PurchaseRefunded = "refunded"
)

// PurchaseRecord is one purchase this account made (a Purchased event) and
// what became of it.
type PurchaseRecord struct {
	Dataset   uint64
	Owner     common.Address
	Amount    *big.Int
	Duration  time.Duration
	Deadline  time.Time
	TermsHash [32]byte
	State     string
	Block     uint64
}

// Purchases lists this account's purchases, newest first. A purchase is
// granted when a bought grant of (dataset, this account) follows it,
// refunded when a Refunded event does (a refund after the grant window or
// the owner declining it), and in escrow otherwise.
func (s *Service) Purchases(ctx context.Context) ([]PurchaseRecord, error) {
	bought, err := s.events().Purchased(ctx, acl.PurchasedFilter{Buyer: &s.addr})
	if err != nil {
		return nil, err
	}
	granted, err := s.events().Granted(ctx, acl.GrantedFilter{Grantee: &s.addr})
	if err != nil {
		return nil, err
	}
	refunded, err := s.events().Refunded(ctx, acl.RefundedFilter{Buyer: &s.addr})
	if err != nil {
		return nil, err
	}
	type ending struct {
		block uint64
		state string
		used  bool
	}
	endsOf := map[uint64][]*ending{}
	for _, g := range granted {
		if !g.Bought {
			continue
		}
		endsOf[g.Dataset] = append(endsOf[g.Dataset], &ending{block: g.Block, state: PurchaseGranted})
	}
	for _, r := range refunded {
		endsOf[r.Dataset] = append(endsOf[r.Dataset], &ending{block: r.Block, state: PurchaseRefunded})
	}
	owners := map[uint64]common.Address{}
	out := []PurchaseRecord{}
	for _, p := range bought {
		r := PurchaseRecord{Dataset: p.Dataset, Amount: p.Amount, Duration: p.Duration,
			Deadline: p.Deadline, TermsHash: p.TermsHash, State: PurchaseEscrow, Block: p.Block}
		// One purchase of a dataset is in escrow at a time, so the first
		// ending after it is its own.
		var first *ending
		for _, e := range endsOf[p.Dataset] {
			if !e.used && e.block >= p.Block && (first == nil || e.block < first.block) {
				first = e
			}
		}
		if first != nil {
			first.used = true
			r.State = first.state
		}
		owner, ok := owners[p.Dataset]
		if !ok {
			info, err := s.cfg.Chain.DatasetInfo(ctx, p.Dataset)
			if err != nil {
				return nil, err
			}
			owner = info.Owner
			owners[p.Dataset] = owner
		}
		r.Owner = owner
		out = append(out, r)
	}
	slices.Reverse(out)
	return out, nil
}

// Size is the byte size of a stored object (the encrypted envelope of a
// version), asked of this node's IPFS store.
func (s *Service) Size(ctx context.Context, c cid.Cid) (int64, error) {
	return s.cfg.Store.Size(ctx, c)
}

// ReceivedGrants lists the current grant of every dataset this account
// was ever granted (the newest Granted event per dataset), newest first.
func (s *Service) ReceivedGrants(ctx context.Context) ([]CurrentGrant, error) {
	evs, err := s.events().Granted(ctx, acl.GrantedFilter{Grantee: &s.addr})
	if err != nil {
		return nil, err
	}
	latest := map[uint64]CurrentGrant{}
	for _, g := range evs {
		latest[g.Dataset] = CurrentGrant{Granted: g}
	}
	out := make([]CurrentGrant, 0, len(latest))
	for id, g := range latest {
		info, err := s.cfg.Chain.DatasetInfo(ctx, id)
		if err != nil {
			return nil, err
		}
		g.Owner = info.Owner
		if g.Live, err = s.cfg.Chain.IsAuthorized(ctx, id, s.addr); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b CurrentGrant) int {
		if a.Block != b.Block {
			return int(b.Block) - int(a.Block)
		}
		return int(b.Dataset) - int(a.Dataset)
	})
	return out, nil
}

// AccessReceipt is one re-encryption a proxy performed for a grantee of one
// of this account's datasets: who read, which capsule (hence version),
// when, and under which grant's purpose.
type AccessReceipt struct {
	Dataset     uint64
	CapsuleHash common.Hash
	Reader      common.Address
	Proxy       common.Address
	Block       uint64
	Time        time.Time
	// PurposeHash is the purpose of the reader's grant in force at Block
	// (the newest Granted event of (dataset, reader) at or before it).
	PurposeHash [32]byte
	// ReadFor is the purpose the reader named for this read, in the
	// request it signed (so no proxy can put words in its mouth); empty in
	// receipts of version-1 requests, which named none.
	ReadFor string
}

// ErrBadReceipt: a proxy handed over a receipt that does not prove a read
// of this dataset under one of its grants. It is dropped, never put in the
// access log, and reported as a ProxyError.
var ErrBadReceipt = errors.New("service: receipt does not verify")

// ProxyError is a proxy that did not hand over its receipts, or one receipt
// it handed over that was dropped (Err wraps ErrBadReceipt).
type ProxyError struct {
	Proxy common.Address
	Err   error
}

func (e ProxyError) Error() string { return fmt.Sprintf("proxy %s: %v", e.Proxy.Hex(), e.Err) }

// Receipts asks every proxy that holds or held kfrags of one of the
// dataset's grants for its receipts (a Receipts request signed by this
// account, the owner), newest first. A proxy that cannot be reached or
// refuses is reported in the second result and the others' receipts are
// still returned; when every proxy failed, the error wraps
// proxy.ErrUnavailable.
//
// A proxy is not trusted to say who read: each receipt must carry the
// reader's own signed request, and is kept only when that request verifies
// (EIP-712, this chain and Registry) and recovers to the reader the receipt
// names, names this dataset and the proxy that handed it over, and that
// proxy is one of those the reader's grant in force at the receipt's block
// was sealed to. Any other receipt is dropped and reported as a ProxyError
// wrapping ErrBadReceipt: a rogue proxy cannot write "0x…dEaD read your
// data" into the owner's access log.
func (s *Service) Receipts(ctx context.Context, dataset uint64) ([]AccessReceipt, []ProxyError, error) {
	grants, err := s.DatasetGrants(ctx, dataset)
	if err != nil {
		return nil, nil, err
	}
	var proxies []common.Address
	for _, g := range grants {
		for _, p := range g.Proxies {
			if !slices.Contains(proxies, p) {
				proxies = append(proxies, p)
			}
		}
	}
	var out []AccessReceipt
	var failed []ProxyError
	var unreachable []error
	for _, p := range proxies {
		rs, err := s.proxyReceipts(ctx, dataset, p)
		if err != nil {
			failed = append(failed, ProxyError{Proxy: p, Err: err})
			unreachable = append(unreachable, failed[len(failed)-1])
			continue
		}
		seen := map[common.Hash]bool{}
		for _, r := range rs {
			g, err := s.checkReceipt(dataset, p, r, grants)
			if err == nil && seen[r.Request.Nonce] {
				// One signed request is one read: a proxy listing it
				// twice (or dating a copy elsewhere) inflates the log.
				err = fmt.Errorf("%w: receipt of capsule %s for reader %s: the same signed request is listed more than once", ErrBadReceipt, r.Request.CapsuleHash.Hex(), r.Grantee.Hex())
			}
			seen[r.Request.Nonce] = true
			if err != nil {
				failed = append(failed, ProxyError{Proxy: p, Err: err})
				s.log.Warn("a proxy handed over a receipt that does not verify; it is dropped", "proxy", p.Hex(), "dataset", dataset, "err", err)
				continue
			}
			out = append(out, AccessReceipt{Dataset: dataset, CapsuleHash: r.Request.CapsuleHash, Reader: r.Grantee, Proxy: p,
				Block: r.Block, Time: r.Time.UTC(), PurposeHash: g.PurposeHash, ReadFor: r.Request.Purpose})
		}
	}
	if len(proxies) > 0 && len(unreachable) == len(proxies) {
		return nil, failed, fmt.Errorf("%w: none of the %d proxies of dataset %d's grants handed over its receipts: %w", proxy.ErrUnavailable, len(proxies), dataset, errors.Join(unreachable...))
	}
	slices.SortStableFunc(out, func(a, b AccessReceipt) int { return b.Time.Compare(a.Time) })
	return out, failed, nil
}

// receiptWindow is how long before its signed deadline a request can have
// been answered: the proxy's MaxDeadline (1 hour by default) plus clock
// skew.
const receiptWindow = time.Hour + 5*time.Minute

// checkReceipt returns the reader's grant in force at the receipt's block
// when the receipt proves a read of dataset through proxy from (see
// Receipts); otherwise an error wrapping ErrBadReceipt that says why.
// grants are the dataset's, newest first.
func (s *Service) checkReceipt(dataset uint64, from common.Address, r proxy.Receipt, grants []GrantRecord) (GrantRecord, error) {
	bad := func(format string, args ...any) (GrantRecord, error) {
		return GrantRecord{}, fmt.Errorf("%w: receipt of capsule %s for reader %s: %s", ErrBadReceipt,
			r.Request.CapsuleHash.Hex(), r.Grantee.Hex(), fmt.Sprintf(format, args...))
	}
	if r.Request.Dataset != dataset {
		return bad("it names dataset %d, not this one (%d)", r.Request.Dataset, dataset)
	}
	if r.Request.Proxy != from {
		return bad("the reader's request was made to proxy %s, not to the proxy that handed it over", r.Request.Proxy.Hex())
	}
	sig, err := hex.DecodeString(strings.TrimPrefix(r.Signature, "0x"))
	if err != nil {
		return bad("its request signature is not hex")
	}
	signer, err := r.Request.Signer(s.domain, sig)
	if err != nil {
		return bad("its request signature does not verify: %v", err)
	}
	if signer != r.Grantee {
		return bad("the request was signed by %s, not by the reader it names", signer.Hex())
	}

	// grants are newest first: the first one of the reader at or before
	// the receipt's block is the one in force.
	for _, g := range grants {
		if g.Grantee != signer || g.Block > r.Block {
			continue
		}
		if g.Proxies == nil {
			return bad("the kfrag bundle of the reader's grant (block %d) could not be read to check its proxies", g.Block)
		}
		if !slices.Contains(g.Proxies, from) {
			return bad("proxy %s is not one of the proxies of the reader's grant in force at block %d", from.Hex(), r.Block)
		}
		if g.RevokedBlock != 0 && r.Block >= g.RevokedBlock {
			return bad("it is dated block %d, at or after the reader's grant was revoked (block %d)", r.Block, g.RevokedBlock)
		}
		// The proxy's time and block are its own word, but a proxy answers
		// a request only before its signed deadline, which is at most an
		// hour ahead of the read (node/proxy Config.MaxDeadline).
		deadline := time.Unix(int64(r.Request.Deadline), 0)
		if r.Time.After(deadline) || r.Time.Before(deadline.Add(-receiptWindow)) {
			return bad("it is dated %s, outside the request's signed window (deadline %s)", r.Time.UTC().Format(time.RFC3339), deadline.UTC().Format(time.RFC3339))
		}
		return g, nil
	}
	return bad("the reader had no grant of dataset %d at block %d", dataset, r.Block)
}

// proxyReceipts is GET /v1/receipts of one proxy (acl/proxy/PROTOCOL.md).
func (s *Service) proxyReceipts(ctx context.Context, dataset uint64, addr common.Address) ([]proxy.Receipt, error) {
	p, err := s.cfg.Chain.ProxyOf(ctx, addr)
	if err != nil {
		return nil, err
	}
	// The endpoint is whatever the proxy's account put on chain: refused
	// ones are never dialled (acl.CheckEndpoint; the client's dialer checks
	// the address it connects to again).
	base, err := acl.CheckEndpoint(p.Endpoint, s.cfg.AllowPrivateEndpoints)
	if err != nil {
		return nil, err
	}
	req := proxy.ReceiptsRequest{Proxy: addr, Dataset: dataset, Nonce: proxy.NewNonce(), Deadline: uint64(time.Now().Add(2 * time.Minute).Unix())}
	sig, err := req.Sign(s.domain, s.cfg.Account)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Set("dataset", strconv.FormatUint(dataset, 10))
	q.Set("nonce", hex.EncodeToString(req.Nonce[:]))
	q.Set("deadline", strconv.FormatUint(req.Deadline, 10))
	q.Set("signature", hex.EncodeToString(sig))
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(base.String(), "/")+"/v1/receipts?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.cfg.HTTP.Do(hreq)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", proxy.ErrUnavailable, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", proxy.ErrUnavailable, err)
	}
	if resp.StatusCode != http.StatusOK {
		var eb struct {
			Error *proxy.Error `json:"error"`
		}
		if json.Unmarshal(raw, &eb) == nil && eb.Error != nil {
			return nil, eb.Error
		}
		return nil, fmt.Errorf("proxy %s answered HTTP %d", p.Endpoint, resp.StatusCode)
	}
	var rr proxy.ReceiptsResponse
	if err := json.Unmarshal(raw, &rr); err != nil {
		return nil, fmt.Errorf("proxy %s: unreadable receipts: %w", p.Endpoint, err)
	}
	return rr.Receipts, nil
}

// CapsuleHash is keccak256 of a stored version's Umbral capsule: what a
// proxy's receipt names, so receipts map back to versions.
func (s *Service) CapsuleHash(ctx context.Context, c cid.Cid) (common.Hash, error) {
	h, err := envstore.Open(ctx, s.cfg.Store, c)
	if err != nil {
		return common.Hash{}, err
	}
	capsule, err := h.UmbralCapsule()
	if err != nil {
		return common.Hash{}, err
	}
	return crypto.Keccak256Hash(capsule.Bytes()), nil
}

// ExportCAR writes a CARv1 of the given versions' DAGs (roots in order) to w.
func (s *Service) ExportCAR(ctx context.Context, w io.Writer, roots ...cid.Cid) error {
	return s.cfg.Store.ExportCAR(ctx, w, roots...)
}

// DelegatingKey is the dataset's current delegating key on chain (the
// public key of the dataset key its versions are put under).
func (s *Service) DelegatingKey(ctx context.Context, dataset uint64) ([]byte, error) {
	info, err := s.cfg.Chain.DatasetInfo(ctx, dataset)
	if err != nil {
		return nil, err
	}
	return info.DelegatingKey, nil
}
