package proxy

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt"
)

// Handler serves the proxy's HTTP API: POST /v1/reencrypt, POST
// /v1/reencrypt/batch (batch.go),
// GET /v1/receipts, /healthz and /metrics.
func (p *Proxy) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/reencrypt", p.serveReencrypt)
	mux.HandleFunc("POST /v1/reencrypt/batch", p.serveBatch)
	mux.HandleFunc("GET /v1/receipts", p.serveReceipts)
	mux.HandleFunc("GET /healthz", p.serveHealth)
	mux.Handle("GET /metrics", promhttp.HandlerFor(p.metrics.reg, promhttp.HandlerOpts{}))
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// refuse builds the refusal a request is answered with; the code is what
// the brand branches on, the message what its user reads.
func refuse(code proxyapi.Code, block uint64, format string, args ...any) *proxyapi.Error {
	return &proxyapi.Error{Code: code, Block: block, Message: fmt.Sprintf(format, args...)}
}

func writeErr(w http.ResponseWriter, err error) {
	var pe *proxyapi.Error
	if !errors.As(err, &pe) {
		pe = &proxyapi.Error{Code: proxyapi.CodeInternal, Message: err.Error()}
	}
	writeJSON(w, pe.Code.HTTPStatus(), proxyapi.ErrorBody{Error: pe})
}

func (p *Proxy) serveReencrypt(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	var body proxyapi.ReencryptBody
	err := decodeBody(w, r, &body)
	var resp *proxyapi.ReencryptResponse
	if err == nil {
		resp, err = p.Reencrypt(r.Context(), &body)
	}
	outcome := "ok"
	if err != nil {
		outcome = string(proxyapi.CodeInternal)
		var pe *proxyapi.Error
		if errors.As(err, &pe) {
			outcome = string(pe.Code)
		}
		writeErr(w, err)
	} else {
		writeJSON(w, http.StatusOK, resp)
	}
	p.metrics.requests.WithLabelValues(outcome).Inc()
	p.metrics.latency.Observe(time.Since(start).Seconds())
}

func decodeBody(w http.ResponseWriter, r *http.Request, v any) error {
	return decodeLimited(w, r, v, proxyapi.MaxRequestBytes)
}

func decodeLimited(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return refuse(proxyapi.CodeTooLarge, 0, "request body over %d bytes", limit)
		}
		return refuse(proxyapi.CodeBadRequest, 0, "request body is not the expected JSON: %v", err)
	}
	return nil
}

func decodeHex(s string, n int, what string) ([]byte, error) {
	b, err := hex.DecodeString(strings.TrimPrefix(s, "0x"))
	if err != nil || len(b) != n {
		return nil, refuse(proxyapi.CodeBadRequest, 0, "%s must be %d bytes of hex", what, n)
	}
	return b, nil
}

// Reencrypt answers one request: every check, then the cfrag, then a
// durable receipt before the answer leaves.
func (p *Proxy) Reencrypt(ctx context.Context, body *proxyapi.ReencryptBody) (*proxyapi.ReencryptResponse, error) {
	p.busy.Add(1)
	defer p.busy.Add(-1)
	a, err := p.reencryptItem(ctx, body)
	if err != nil {
		return nil, err
	}
	t3 := time.Now()
	var wait time.Duration
	if p.busy.Load() > receiptSiblings && p.cfg.ReceiptDelay > 0 {
		wait = p.cfg.ReceiptDelay
	}
	if err := p.store.addReceipt(a.rec, wait); err != nil {
		a.release()
		if errors.Is(err, errReplayed) {
			return nil, refuse(proxyapi.CodeReplayed, 0, "nonce %s was used already; sign a fresh request", body.Nonce.Hex())
		}
		return nil, fmt.Errorf("proxy: writing receipt: %w", err)
	}
	p.metrics.phase.WithLabelValues("receipts").Add(time.Since(t3).Seconds())
	return a.response(), nil
}

// reencrypted is a request checked and answered but not yet acknowledged:
// its receipt must be durable before the cfrag leaves, and release takes
// back the read it reserved if it never does.
type reencrypted struct {
	rec     *proxyapi.Receipt
	cfrag   []byte
	block   uint64
	release func()
}

func (a *reencrypted) response() *proxyapi.ReencryptResponse {
	return &proxyapi.ReencryptResponse{CFrag: hex.EncodeToString(a.cfrag), Block: a.block}
}

// reencryptItem runs every check of one request, in PROTOCOL.md's order,
// and re-encrypts; the caller makes the receipt durable (one request's
// alone, or a batch's together) before answering.
func (p *Proxy) reencryptItem(ctx context.Context, body *proxyapi.ReencryptBody) (*reencrypted, error) {
	now := uint64(p.cfg.Now().Unix())
	if body.Proxy != p.addr {
		return nil, refuse(proxyapi.CodeWrongProxy, 0, "request is for proxy %s; this is %s", body.Proxy.Hex(), p.addr.Hex())
	}
	if body.Deadline < now {
		return nil, refuse(proxyapi.CodeRequestExpired, 0, "request deadline %d passed (now %d); sign a fresh request", body.Deadline, now)
	}
	if body.Deadline > now+uint64(p.cfg.MaxDeadline/time.Second) {
		return nil, refuse(proxyapi.CodeBadRequest, 0, "request deadline is more than %s ahead", p.cfg.MaxDeadline)
	}
	if body.Purpose == "" {
		return nil, refuse(proxyapi.CodeUnsupportedVersion, 0, "this request is of proxy protocol version 1, which names no purpose; this proxy speaks version %d, where every read names its purpose: upgrade pdx", proxyapi.ProtocolVersion)
	}
	if err := proxyapi.CheckPurpose(body.Purpose); err != nil {
		return nil, refuse(proxyapi.CodeBadRequest, 0, "%v", err)
	}
	t0 := time.Now()
	capBytes, err := decodeHex(body.Capsule, reencrypt.CapsuleSize, "capsule")
	if err != nil {
		return nil, err
	}
	capsule, err := reencrypt.CapsuleFromBytes(capBytes)
	if err != nil {
		return nil, refuse(proxyapi.CodeBadRequest, 0, "capsule: %v", err)
	}
	sig, err := decodeHex(body.Signature, 65, "signature")
	if err != nil {
		return nil, err
	}
	req := proxyapi.ReencryptRequest{Proxy: body.Proxy, Dataset: body.Dataset, CapsuleHash: crypto.Keccak256Hash(capBytes), Purpose: body.Purpose, Nonce: body.Nonce, Deadline: body.Deadline}
	grantee, err := req.Signer(p.cfg.Domain, sig)
	if err != nil {
		return nil, refuse(proxyapi.CodeBadSignature, 0, "%v", err)
	}
	if p.store.seen(body.Nonce, now) {
		return nil, refuse(proxyapi.CodeReplayed, 0, "nonce %s was used already; sign a fresh request", body.Nonce.Hex())
	}
	t1 := time.Now()
	block, err := p.authorize(ctx, body.Dataset, grantee)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	kf := p.kfrags[pairKey{body.Dataset, grantee}]
	p.mu.Unlock()
	if kf == nil {
		g, err := p.store.grant(body.Dataset, grantee)
		if err != nil {
			return nil, err
		}
		if g == nil {
			return nil, refuse(proxyapi.CodeNoKFrag, block, "the grant is live on chain but this proxy has not seen it yet; retry after the next block")
		}
		if kf, err = p.loadKFrag(ctx, g); err != nil {
			return nil, err
		}
	}
	// A field grant re-encrypts with the named field's kfrag, and only a
	// field it covers (checked before a read is counted).
	fk, err := kf.forField(body.Field, body.Dataset)
	if err != nil {
		return nil, err
	}
	// The grant's usage policy: the purpose, then the read limit (one
	// read reserved now, taken back if the read is not answered).
	g, err := p.store.grant(body.Dataset, grantee)
	if err != nil {
		return nil, err
	}
	if g == nil || g.Ended != "" {
		return nil, refuse(proxyapi.CodeNoKFrag, block, "the grant of dataset %d to %s changed meanwhile; retry", body.Dataset, grantee.Hex())
	}
	release, err := p.enforce(g, body.Purpose, block)
	if err != nil {
		return nil, err
	}
	t2 := time.Now()
	cf, err := reencrypt.Reencrypt(capsule, fk)
	if err != nil {
		release()
		return nil, err
	}
	cfBytes := cf.Bytes()
	t3 := time.Now()
	rec := &proxyapi.Receipt{Request: req, Signature: hex.EncodeToString(sig), Grantee: grantee, Block: block, Time: p.cfg.Now().UTC(), CFragHash: crypto.Keccak256Hash(cfBytes), Policy: g.Purpose}
	p.metrics.phase.WithLabelValues("crypto").Add(t1.Sub(t0).Seconds() + t3.Sub(t2).Seconds())
	p.metrics.phase.WithLabelValues("chain").Add(t2.Sub(t1).Seconds())
	return &reencrypted{rec: rec, cfrag: cfBytes, block: block, release: release}, nil
}

// head returns the latest block number: the one the chain pushed when
// FollowHeads runs, or else read now, concurrent requests sharing one
// in-flight call (singleflight). Either way the number a request gets is
// at most one notification or RPC round trip older than its arrival — far
// less than a block — and a busy proxy does not ask once per request.
func (p *Proxy) head(ctx context.Context) (uint64, error) {
	if n := p.pushed.Load(); n != 0 {
		return n, nil // FollowHeads keeps it current
	}
	ch := p.heads.DoChan("head", func() (any, error) {
		c, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		return p.cfg.Chain.BlockNumber(c)
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return 0, r.Err
		}
		return r.Val.(uint64), nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// authorize checks the grant at the latest block and explains a refusal.
//
// The chain is asked only for a pair this proxy holds a kfrag for, or a
// live grant record that can still yield one: any signature recovers to
// some address, so a request for a pair the proxy never saw a grant of
// costs anyone nothing to make, and must cost the proxy no chain RPC and
// no memory. Only positive answers are cached, each for the one block it
// was read at; there is at most one entry per granted pair.
func (p *Proxy) authorize(ctx context.Context, dataset uint64, grantee common.Address) (uint64, error) {
	key := pairKey{dataset, grantee}
	if err := p.holdsGrant(key); err != nil {
		// No record may only mean the follower is behind: a bounded
		// lookup on chain (discover.go) records a grant it has not reached.
		if g, serr := p.store.grant(dataset, grantee); serr != nil || g != nil || !p.discover(ctx, key) {
			return 0, err
		}
		if err := p.holdsGrant(key); err != nil {
			return 0, err
		}
	}
	block, err := p.head(ctx)
	if err != nil {
		return 0, refuse(proxyapi.CodeUnavailable, 0, "reading the chain: %v", err)
	}
	p.mu.Lock()
	at, ok := p.authz[key]
	p.mu.Unlock()
	if ok && at == block {
		return block, nil
	}
	authorized, err := p.cfg.Chain.IsAuthorized(ctx, dataset, grantee)
	if err != nil {
		return 0, refuse(proxyapi.CodeUnavailable, 0, "reading the chain: %v", err)
	}
	if !authorized {
		p.mu.Lock()
		delete(p.authz, key)
		p.mu.Unlock()
		return block, p.whyRefused(ctx, dataset, grantee, block)
	}
	p.mu.Lock()
	// A revocation or erasure handled meanwhile dropped the grant: caching
	// now would outlive it (until the next block).
	if g, err := p.store.grant(dataset, grantee); err == nil && g != nil && g.Ended == "" {
		p.authz[key] = block
	}
	p.mu.Unlock()
	return block, nil
}

// holdsGrant refuses, from local state alone, a pair the proxy can serve
// no kfrag for: one it holds no grant record of (never granted through it,
// or not yet seen — the follower may be a block behind, hence no_kfrag,
// which brands retry), one whose grant ended, or one whose kfrag failed to
// load less than fetchRetryAfter ago.
func (p *Proxy) holdsGrant(key pairKey) error {
	p.mu.Lock()
	kf := p.kfrags[key]
	p.mu.Unlock()
	if kf != nil {
		return nil
	}
	g, err := p.store.grant(key.dataset, key.grantee)
	if err != nil {
		return err
	}
	switch {
	case g == nil:
		return refuse(proxyapi.CodeNoKFrag, 0, "this proxy holds no grant of dataset %d to %s; if the grant was just made, retry after the next block", key.dataset, key.grantee.Hex())
	case g.Ended == "revoked":
		return refuse(proxyapi.CodeRevoked, g.EndedAt, "grant revoked at block %d", g.EndedAt)
	case g.Ended == "erased":
		return refuse(proxyapi.CodeErased, g.EndedAt, "dataset %d was erased by its owner", key.dataset)
	case g.Ended != "" || g.Bundle == (common.Hash{}):
		return refuse(proxyapi.CodeNoKFrag, 0, "this proxy holds no kfrag for dataset %d and %s", key.dataset, key.grantee.Hex())
	}
	// A grant whose kfrag just failed to load (a bundle nobody serves)
	// is refused until it may be tried again: anyone can make such a
	// grant to themselves, and its requests must not cost chain reads.
	return p.failedRecently(g)
}

func (p *Proxy) whyRefused(ctx context.Context, dataset uint64, grantee common.Address, block uint64) error {
	ds, err := p.cfg.Chain.Dataset(ctx, dataset)
	if err != nil {
		return p.chainErr(err, dataset)
	}
	if ds.Erased {
		return refuse(proxyapi.CodeErased, block, "dataset %d was erased by its owner", dataset)
	}
	g, _ := p.store.grant(dataset, grantee)
	if g != nil && g.Ended == "revoked" {
		return refuse(proxyapi.CodeRevoked, g.EndedAt, "grant revoked at block %d", g.EndedAt)
	}
	expiry, _, err := p.cfg.Chain.GrantOf(ctx, dataset, grantee)
	if err != nil {
		return refuse(proxyapi.CodeUnavailable, 0, "reading the chain: %v", err)
	}
	if expiry != 0 {
		return refuse(proxyapi.CodeExpired, block, "grant expired at %s", time.Unix(int64(expiry), 0).UTC().Format(time.RFC3339))
	}
	if g != nil && g.Ended == "" && g.GrantedAt > 0 {
		// This proxy saw the grant, and its slot is gone: only a revocation
		// clears a slot, and the Revoked event has not reached the follower
		// yet. Say so now rather than "not granted".
		return refuse(proxyapi.CodeRevoked, block, "grant revoked (by block %d)", block)
	}
	return refuse(proxyapi.CodeNotGranted, block, "%s has no grant for dataset %d", grantee.Hex(), dataset)
}

// serveReceipts lists a dataset's receipts to its owner, and a grantee's
// own to that grantee. Query parameters: dataset, nonce, deadline,
// signature (EIP-712 ReceiptsRequest signed by the owner or the grantee).
func (p *Proxy) serveReceipts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	dataset, err1 := strconv.ParseUint(q.Get("dataset"), 10, 64)
	deadline, err2 := strconv.ParseUint(q.Get("deadline"), 10, 64)
	nonce, err3 := decodeHex(q.Get("nonce"), 32, "nonce")
	sig, err4 := decodeHex(q.Get("signature"), 65, "signature")
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		writeErr(w, refuse(proxyapi.CodeBadRequest, 0, "need dataset, nonce (32 bytes hex), deadline and signature (65 bytes hex)"))
		return
	}
	now := uint64(p.cfg.Now().Unix())
	if deadline < now || deadline > now+uint64(p.cfg.MaxDeadline/time.Second) {
		writeErr(w, refuse(proxyapi.CodeRequestExpired, 0, "deadline must be within %s from now", p.cfg.MaxDeadline))
		return
	}
	req := proxyapi.ReceiptsRequest{Proxy: p.addr, Dataset: dataset, Nonce: common.BytesToHash(nonce), Deadline: deadline}
	signer, err := req.Signer(p.cfg.Domain, sig)
	if err != nil {
		writeErr(w, refuse(proxyapi.CodeBadSignature, 0, "%v", err))
		return
	}
	ds, err := p.cfg.Chain.Dataset(r.Context(), dataset)
	if err != nil {
		writeErr(w, p.chainErr(err, dataset))
		return
	}
	// The owner reads every receipt of the dataset; a grantee this proxy
	// holds a grant record of reads its own (how it learns the reads it
	// has used under the grant's policy). Anyone else is refused before
	// spending a nonce, so no stranger makes the proxy write.
	grantee := signer != ds.Owner
	if grantee {
		if g, err := p.store.grant(dataset, signer); err != nil || g == nil {
			writeErr(w, refuse(proxyapi.CodeNotGranted, 0, "only the owner of dataset %d, or a grantee of it this proxy serves, may read its receipts", dataset))
			return
		}
	}
	// Only the owner's own request spends a nonce: a stranger cannot use
	// up the owner's, and a captured URL is answered once.
	if err := p.store.useReadNonce(req.Nonce, deadline, now); err != nil {
		if errors.Is(err, errReplayed) {
			err = refuse(proxyapi.CodeReplayed, 0, "nonce %s was used already; sign a fresh request", req.Nonce.Hex())
		}
		writeErr(w, err)
		return
	}
	rs, err := p.store.receipts(dataset)
	if err != nil {
		writeErr(w, err)
		return
	}
	if grantee {
		own := []proxyapi.Receipt{}
		for _, r := range rs {
			if r.Grantee == signer {
				own = append(own, r)
			}
		}
		rs = own
	}
	if rs == nil {
		rs = []proxyapi.Receipt{}
	}
	writeJSON(w, http.StatusOK, proxyapi.ReceiptsResponse{Dataset: dataset, Receipts: rs})
}

func (p *Proxy) serveHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	block, err := p.cfg.Chain.BlockNumber(ctx)
	if err != nil {
		writeErr(w, refuse(proxyapi.CodeUnavailable, 0, "chain unreachable: %v", err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "proxy": p.addr.Hex(), "block": block})
}
