package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Batcher carries the re-encryption requests of many concurrent reads to
// each proxy in few HTTP requests (POST /v1/reencrypt/batch, PROTOCOL.md
// "Batches"): a brand reading a campaign's thousand datasets asks each
// proxy a few times, not a thousand, so the read is bounded by bandwidth
// and the proxies' CPU rather than by round trips. Every item stays a
// request signed on its own, which the proxy checks as if it came alone.
//
// A Client with Batch set sends through it; many Clients (one per read,
// each with its purpose and field) may share one Batcher. A request waits
// at most Linger for others to join it, and a batch leaves as soon as it
// holds MaxBatchItems. A proxy that does not know the batch route (404 or
// 405: a version-2 proxy from before batches) is asked one request at a
// time from then on.
type Batcher struct {
	// HTTP is the client batches are sent with; http.DefaultClient when nil.
	HTTP *http.Client
	// Linger is how long the first request of a batch waits for others;
	// default 5 ms.
	Linger time.Duration
	// Timeout bounds one batch's HTTP exchange; default 2 minutes. A batch
	// serves many readers, so no one reader's context cancels it; each
	// reader stops waiting when its own context ends.
	Timeout time.Duration

	mu     sync.Mutex
	queues map[string]*batchQueue // by endpoint URL
	single map[string]bool        // endpoints without the batch route

	sent map[string][2]int // batches and items sent, by URL (Sent)
}

type batchQueue struct {
	ep    Endpoint
	calls []*batchCall
	timer *time.Timer
}

type batchCall struct {
	body ReencryptBody
	done chan batchAnswer
}

type batchAnswer struct {
	resp *ReencryptResponse
	err  error
}

func (b *Batcher) linger() time.Duration {
	if b.Linger > 0 {
		return b.Linger
	}
	return 5 * time.Millisecond
}

// do sends one signed request with the others queued for its proxy and
// returns its own answer.
func (b *Batcher) do(ctx context.Context, ep Endpoint, body ReencryptBody, hc *http.Client) (*ReencryptResponse, error) {
	call := &batchCall{body: body, done: make(chan batchAnswer, 1)}
	b.mu.Lock()
	if b.single[ep.URL] {
		b.mu.Unlock()
		return postOne(ctx, hc, ep, body)
	}
	if b.queues == nil {
		b.queues = map[string]*batchQueue{}
	}
	q := b.queues[ep.URL]
	if q == nil {
		q = &batchQueue{ep: ep}
		b.queues[ep.URL] = q
	}
	q.calls = append(q.calls, call)
	switch {
	case len(q.calls) >= MaxBatchItems:
		b.takeLocked(ep.URL)
	case len(q.calls) == 1:
		q.timer = time.AfterFunc(b.linger(), func() {
			b.mu.Lock()
			if b.queues[ep.URL] == q {
				b.takeLocked(ep.URL)
			}
			b.mu.Unlock()
		})
	}
	b.mu.Unlock()
	select {
	case a := <-call.done:
		return a.resp, a.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// takeLocked removes url's queue and sends it; b.mu is held.
func (b *Batcher) takeLocked(url string) {
	q := b.queues[url]
	delete(b.queues, url)
	if q.timer != nil {
		q.timer.Stop()
	}
	go b.send(q.ep, q.calls)
}

// send posts one batch and hands each caller its result.
func (b *Batcher) send(ep Endpoint, calls []*batchCall) {
	timeout := b.Timeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	items := make([]ReencryptBody, len(calls))
	for i, cl := range calls {
		items[i] = cl.body
	}
	b.mu.Lock()
	if b.sent == nil {
		b.sent = map[string][2]int{}
	}
	n := b.sent[ep.URL]
	b.sent[ep.URL] = [2]int{n[0] + 1, n[1] + len(items)}
	b.mu.Unlock()
	res, err := b.post(ctx, ep, items)
	if errors.Is(err, errNoBatchRoute) {
		b.mu.Lock()
		if b.single == nil {
			b.single = map[string]bool{}
		}
		b.single[ep.URL] = true
		b.mu.Unlock()
		var wg sync.WaitGroup
		sem := make(chan struct{}, 16)
		for _, cl := range calls {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				r, err := postOne(ctx, b.HTTP, ep, cl.body)
				cl.done <- batchAnswer{r, err}
			}()
		}
		wg.Wait()
		return
	}
	for i, cl := range calls {
		switch {
		case err != nil:
			cl.done <- batchAnswer{nil, err}
		case res[i].Error != nil:
			cl.done <- batchAnswer{nil, res[i].Error}
		default:
			cl.done <- batchAnswer{&ReencryptResponse{CFrag: res[i].CFrag, Block: res[i].Block}, nil}
		}
	}
}

// Sent reports how many batches and items were sent to the proxy at url.
func (b *Batcher) Sent(url string) (batches, items int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := b.sent[url]
	return n[0], n[1]
}

// errNoBatchRoute: the proxy has no batch route (an older version 2).
var errNoBatchRoute = errors.New("proxy: no batch route")

// Batch sends items (at most MaxBatchItems, each signed on its own) to one
// proxy in one request and returns its per-item results, in order. An
// error is the batch's as a whole (unreachable, refused as too large, a
// proxy without the batch route); a refused item is a result with Error.
func (b *Batcher) Batch(ctx context.Context, ep Endpoint, items []ReencryptBody) ([]BatchResult, error) {
	return b.post(ctx, ep, items)
}

func (b *Batcher) post(ctx context.Context, ep Endpoint, items []ReencryptBody) ([]BatchResult, error) {
	if len(items) == 0 || len(items) > MaxBatchItems {
		return nil, fmt.Errorf("proxy: a batch holds 1 to %d items, not %d", MaxBatchItems, len(items))
	}
	body, err := json.Marshal(BatchBody{Items: items})
	if err != nil {
		return nil, err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimSuffix(ep.URL, "/")+"/v1/reencrypt/batch", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("Content-Type", "application/json")
	hc := b.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(hreq)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	// A cfrag is 762 hex characters; an error a few hundred bytes.
	raw, err := io.ReadAll(io.LimitReader(resp.Body, int64(len(items))*(4<<10)+(64<<10)))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed {
		var eb ErrorBody
		if json.Unmarshal(raw, &eb) != nil || eb.Error == nil {
			return nil, errNoBatchRoute
		}
	}
	if resp.StatusCode != http.StatusOK {
		return nil, statusError(ep, resp.StatusCode, raw)
	}
	var br BatchResponse
	if err := json.Unmarshal(raw, &br); err != nil {
		return nil, fmt.Errorf("proxy %s: unreadable batch answer: %w", ep.URL, err)
	}
	if len(br.Results) != len(items) {
		return nil, fmt.Errorf("proxy %s: %d results for %d items", ep.URL, len(br.Results), len(items))
	}
	return br.Results, nil
}
