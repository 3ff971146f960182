package proxy

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/reencrypt"
)

// Endpoint is a proxy as the Registry lists it.
type Endpoint struct {
	Address common.Address
	URL     string
}

// Client is the brand's side: it asks proxies for cfrags with signed
// requests.
type Client struct {
	HTTP   *http.Client
	Domain Domain
	// Key is the grantee's Ethereum key, which signs requests.
	Key *ecdsa.PrivateKey
	// Purpose is what the grantee reads for, signed into every request
	// (protocol version 2); the proxies refuse one the grant's policy does
	// not permit, and their receipts record it.
	Purpose string
	// Validity is how long a signed request stays valid; default 5 minutes.
	Validity time.Duration
	Now      func() time.Time
	// OnFailure, when set, hears of every proxy that gave no usable cfrag
	// before the threshold was reached — also when the get succeeds, so a
	// proxy that sent a forged cfrag is named even though others covered
	// for it.
	OnFailure func(ProxyFailure)
	// Field names the field group of a split version whose capsule is
	// asked for, under a field grant (PROTOCOL.md, "Field grants"); empty
	// for a grant of the whole dataset.
	Field string
	// Batch, when set, carries the requests to each proxy together with
	// those of other reads sharing it (Batcher); each is still signed on
	// its own.
	Batch *Batcher
}

// ProxyFailure is why one proxy gave no usable cfrag.
type ProxyFailure struct {
	Proxy common.Address
	Err   error
}

// RefusedError says why fewer than t proxies gave a verified cfrag, proxy
// by proxy. errors.Is matches any proxy's refusal (e.g. ErrRevoked).
type RefusedError struct {
	Threshold int
	// Got is the most verified cfrags of any one kfrag set.
	Got      int
	Failures []ProxyFailure
	// Mixed, when above 1, is how many kfrag sets the verified cfrags
	// came from: the proxies hold kfrags of different grants (a re-grant
	// some have not followed yet), so asking again shortly may succeed.
	Mixed int
	// verified counts every verified cfrag, of any set.
	verified int
}

func (e *RefusedError) Error() string {
	byReason := map[string][]common.Address{}
	var order []string
	for _, f := range e.Failures {
		r := reason(f.Err)
		if byReason[r] == nil {
			order = append(order, r)
		}
		byReason[r] = append(byReason[r], f.Proxy)
	}
	sort.SliceStable(order, func(i, j int) bool { return len(byReason[order[i]]) > len(byReason[order[j]]) })
	parts := make([]string, 0, len(order))
	for _, r := range order {
		part := fmt.Sprintf("%d %s", len(byReason[r]), r)
		// Name the proxies where it helps the brand act: the ones that
		// could not be reached and the ones that sent bad cfrags.
		if r == reasonUnreachable || r == reasonForged || r == reasonUnsafe {
			names := make([]string, len(byReason[r]))
			for i, a := range byReason[r] {
				names[i] = a.Hex()
			}
			part += " (" + strings.Join(names, ", ") + ")"
		}
		parts = append(parts, part)
	}
	if e.Mixed > 1 {
		parts = append(parts, fmt.Sprintf("the proxies answered under %d different grants (a re-grant not every proxy has seen yet: try again shortly)", e.Mixed))
	}
	return fmt.Sprintf("got %d of the %d cfrags needed from %d proxies: %s",
		e.Got, e.Threshold, max(e.Got, e.verified)+len(e.Failures), strings.Join(parts, "; "))
}

const (
	reasonUnreachable = "unreachable"
	reasonForged      = "sent a cfrag that does not verify"
	reasonUnsafe      = "not asked: endpoint on chain refused as unsafe"
)

// Unwrap exposes every proxy's error to errors.Is and errors.As.
func (e *RefusedError) Unwrap() []error {
	out := make([]error, len(e.Failures))
	for i, f := range e.Failures {
		out[i] = f.Err
	}
	return out
}

// reason phrases one proxy's failure for the summary line; failures with
// the same phrase are counted together.
func reason(err error) string {
	var pe *Error
	if errors.As(err, &pe) {
		switch pe.Code {
		case CodeRevoked:
			return fmt.Sprintf("refused: grant revoked at block %d", pe.Block)
		case CodeUnavailable:
			return "unavailable: " + pe.Message
		}
		return "refused: " + pe.Message
	}
	if errors.Is(err, reencrypt.ErrVerificationFailed) {
		return reasonForged
	}
	if errors.Is(err, acl.ErrUnsafeEndpoint) {
		return reasonUnsafe
	}
	return reasonUnreachable
}

// StragglerWait is how long CFrags lets the requests still out after the
// threshold was reached run on before it cancels them.
const StragglerWait = 30 * time.Second

// CFrags asks every proxy concurrently and returns the first threshold
// cfrags that verify. verify checks one cfrag (against the capsule and the
// keys on chain).
//
// The requests still out when the threshold is reached are not cancelled:
// they run on for up to StragglerWait, so every proxy asked answers and
// counts the read. A policy's read limit is counted by each proxy on its
// own (PROTOCOL.md, "Read limits"); were the slower proxies cut off, their
// counts would lag and an honest reader could read more often than the
// policy allows, or find its last permitted read refused by too few.
// Cancelling ctx before the threshold is reached cancels them all.
func (c *Client) CFrags(ctx context.Context, dataset uint64, capsule *reencrypt.Capsule, proxies []Endpoint, threshold int,
	verify func(*reencrypt.CapsuleFrag) (*reencrypt.VerifiedCapsuleFrag, error)) ([]*reencrypt.VerifiedCapsuleFrag, error) {
	if threshold < 1 || threshold > len(proxies) {
		return nil, fmt.Errorf("proxy: threshold %d with %d proxies", threshold, len(proxies))
	}
	if err := CheckPurpose(c.Purpose); err != nil {
		return nil, err
	}
	reqCtx, cancelReqs := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, cancelReqs)
	settled := false
	defer func() {
		if !settled {
			stop()
			cancelReqs()
		}
	}()
	type result struct {
		proxy common.Address
		cf    *reencrypt.VerifiedCapsuleFrag
		err   error
	}
	results := make(chan result, len(proxies))
	for _, ep := range proxies {
		go func() {
			cf, err := c.ask(reqCtx, ep, dataset, capsule)
			if err == nil {
				var v *reencrypt.VerifiedCapsuleFrag
				if v, err = verify(cf); err == nil {
					results <- result{ep.Address, v, nil}
					return
				}
			}
			results <- result{ep.Address, nil, err}
		}()
	}
	// Answers are grouped by kfrag set: right after a re-grant some proxies
	// may still answer with the old grant's kfrags, and cfrags of two sets
	// do not combine. The first set to reach the threshold wins.
	sets := map[string][]*reencrypt.VerifiedCapsuleFrag{}
	most := 0
	refused := &RefusedError{Threshold: threshold}
	for range proxies {
		r := <-results
		if r.err != nil {
			f := ProxyFailure{r.proxy, r.err}
			refused.Failures = append(refused.Failures, f)
			if c.OnFailure != nil {
				c.OnFailure(f)
			}
			continue
		}
		set := r.cf.KeyFragSet()
		sets[set] = append(sets[set], r.cf)
		got := sets[set]
		most = max(most, len(got))
		if len(got) == threshold {
			// The rest may finish (results has room for every answer).
			settled = true
			stop()
			time.AfterFunc(StragglerWait, cancelReqs)
			return got, nil
		}
	}
	refused.Got = most
	for _, cfs := range sets {
		refused.verified += len(cfs)
	}
	if len(sets) > 1 {
		refused.Mixed = len(sets)
	}
	return nil, refused
}

// ask sends one signed request to one proxy.
func (c *Client) ask(ctx context.Context, ep Endpoint, dataset uint64, capsule *reencrypt.Capsule) (*reencrypt.CapsuleFrag, error) {
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	validity := c.Validity
	if validity == 0 {
		validity = 5 * time.Minute
	}
	capBytes := capsule.Bytes()
	req := ReencryptRequest{
		Proxy: ep.Address, Dataset: dataset, CapsuleHash: crypto.Keccak256Hash(capBytes), Purpose: c.Purpose,
		Nonce: NewNonce(), Deadline: uint64(now().Add(validity).Unix()),
	}
	sig, err := req.Sign(c.Domain, c.Key)
	if err != nil {
		return nil, err
	}
	body := ReencryptBody{
		Proxy: ep.Address, Dataset: dataset, Capsule: hex.EncodeToString(capBytes), Purpose: c.Purpose,
		Nonce: req.Nonce, Deadline: req.Deadline, Signature: hex.EncodeToString(sig), Field: c.Field,
	}
	var rr *ReencryptResponse
	if c.Batch != nil {
		rr, err = c.Batch.do(ctx, ep, body, c.HTTP)
	} else {
		rr, err = postOne(ctx, c.HTTP, ep, body)
	}
	if err != nil {
		return nil, err
	}
	cfb, err := hex.DecodeString(rr.CFrag)
	if err != nil {
		return nil, fmt.Errorf("proxy %s: cfrag is not hex", ep.URL)
	}
	return reencrypt.CapsuleFragFromBytes(cfb)
}

// postOne sends one signed request to one proxy (POST /v1/reencrypt).
func postOne(ctx context.Context, hc *http.Client, ep Endpoint, b ReencryptBody) (*ReencryptResponse, error) {
	body, _ := json.Marshal(b)
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(ep.URL, "/")+"/v1/reencrypt", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("Content-Type", "application/json")
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(hreq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, statusError(ep, resp.StatusCode, raw)
	}
	var rr ReencryptResponse
	if err := json.Unmarshal(raw, &rr); err != nil {
		return nil, fmt.Errorf("proxy %s: unreadable answer: %w", ep.URL, err)
	}
	return &rr, nil
}

// statusError is a proxy's refusal: the typed error of its body when it
// sent one, else its HTTP status.
func statusError(ep Endpoint, status int, raw []byte) error {
	var eb ErrorBody
	if json.Unmarshal(raw, &eb) == nil && eb.Error != nil {
		return eb.Error
	}
	return fmt.Errorf("proxy %s answered HTTP %d", ep.URL, status)
}
