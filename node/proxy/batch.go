package proxy

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
)

// serveBatch answers POST /v1/reencrypt/batch (PROTOCOL.md, "Batches"):
// up to MaxBatchItems requests, each signed on its own and checked as if
// it came alone, answered with one result per item. Only this route reads
// a body of up to MaxBatchBytes.
func (p *Proxy) serveBatch(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	var body proxyapi.BatchBody
	if err := decodeLimited(w, r, &body, proxyapi.MaxBatchBytes); err != nil {
		p.metrics.requests.WithLabelValues(outcomeOf(err)).Inc()
		writeErr(w, err)
		return
	}
	switch {
	case len(body.Items) == 0:
		writeErr(w, refuse(proxyapi.CodeBadRequest, 0, "a batch needs at least one item"))
		return
	case len(body.Items) > proxyapi.MaxBatchItems:
		writeErr(w, refuse(proxyapi.CodeTooLarge, 0, "a batch holds at most %d items, this one %d", proxyapi.MaxBatchItems, len(body.Items)))
		return
	}
	results := p.ReencryptBatch(r.Context(), body.Items)
	writeJSON(w, http.StatusOK, proxyapi.BatchResponse{Results: results})
	p.metrics.latency.Observe(time.Since(start).Seconds())
}

func outcomeOf(err error) string {
	if err == nil {
		return "ok"
	}
	var pe *proxyapi.Error
	if errors.As(err, &pe) {
		return string(pe.Code)
	}
	return string(proxyapi.CodeInternal)
}

// ReencryptBatch answers each item as Reencrypt answers a request alone —
// every check, the nonce spent once, one read counted against the grant's
// policy, a receipt — except that the receipts of all the items answered
// are made durable together, in one flush (one fsync per receipt log),
// before any answer leaves. An item refused does not refuse the others. A
// nonce repeated within the batch is answered once: every later item with
// it is refused as replayed before any work is done for it.
func (p *Proxy) ReencryptBatch(ctx context.Context, items []proxyapi.ReencryptBody) []proxyapi.BatchResult {
	p.busy.Add(int64(len(items)))
	defer p.busy.Add(-int64(len(items)))
	results := make([]proxyapi.BatchResult, len(items))
	done := make([]*reencrypted, len(items))
	errs := make([]error, len(items))
	first := make(map[common.Hash]bool, len(items))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range items {
		if first[items[i].Nonce] {
			errs[i] = refuse(proxyapi.CodeReplayed, 0, "nonce %s was used already in this batch; sign a fresh request", items[i].Nonce.Hex())
			continue
		}
		first[items[i].Nonce] = true
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			done[i], errs[i] = p.reencryptItem(ctx, &items[i])
		}()
	}
	wg.Wait()
	var recs []*proxyapi.Receipt
	var idx []int
	for i, a := range done {
		if a != nil {
			recs = append(recs, a.rec)
			idx = append(idx, i)
		}
	}
	t := time.Now()
	for k, err := range p.store.addReceipts(recs) {
		i := idx[k]
		switch {
		case errors.Is(err, errReplayed):
			done[i].release()
			errs[i] = refuse(proxyapi.CodeReplayed, 0, "nonce %s was used already; sign a fresh request", items[i].Nonce.Hex())
		case err != nil:
			done[i].release()
			errs[i] = fmt.Errorf("proxy: writing receipt: %w", err)
		}
	}
	p.metrics.phase.WithLabelValues("receipts").Add(time.Since(t).Seconds())
	for i := range items {
		p.metrics.requests.WithLabelValues(outcomeOf(errs[i])).Inc()
		if errs[i] != nil {
			var pe *proxyapi.Error
			if !errors.As(errs[i], &pe) {
				pe = &proxyapi.Error{Code: proxyapi.CodeInternal, Message: errs[i].Error()}
			}
			results[i] = proxyapi.BatchResult{Error: pe}
			continue
		}
		r := done[i].response()
		results[i] = proxyapi.BatchResult{CFrag: r.CFrag, Block: r.Block}
	}
	return results
}
