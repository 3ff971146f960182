package acl

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// DefaultLogRange is the most blocks one eth_getLogs covers unless the
// configuration says otherwise (chain.log_range). Public JSON-RPC providers
// refuse wide ranges: geth with --rpc.rangelimit, Infura beyond 10,000
// blocks, Alchemy beyond 2,000 on some plans; half of the common 10,000
// leaves room, and a provider that allows less is learnt from its refusal.
const DefaultLogRange = 5_000

// Retry budget of one window's eth_getLogs when the provider is busy (rate
// limited or briefly unavailable): pauses of logBackoff, doubling up to
// logBackoffMax, at most logRetries times before the error is returned.
const (
	logRetries    = 6
	logBackoff    = 200 * time.Millisecond
	logBackoffMax = 5 * time.Second
)

// refusal is how a provider turned down one eth_getLogs.
type refusal int

const (
	refusedOther refusal = iota // a real failure: returned as it is
	// refusedRange: the block range is wider than the provider serves, for
	// any content ("exceed maximum block range 5000"). The narrower window
	// that works is kept for the rest of the reader's life.
	refusedRange
	// refusedSize: this range holds more logs (or takes longer) than the
	// provider returns in one answer ("query returned more than 10000
	// results"). The window is halved for the dense part only and grows
	// back after it.
	refusedSize
	// refusedBusy: rate limited or briefly unavailable; the same window is
	// asked again after a pause.
	refusedBusy
)

// The error texts JSON-RPC nodes and providers answer a too wide or too
// large eth_getLogs with, lower-cased. Range caps: geth --rpc.rangelimit
// ("exceed maximum block range 5000"), reth ("query exceeds max block range
// 100000"), Infura ("range 1000000 exceeds limit of 10000"), QuickNode and
// 1rpc ("eth_getLogs is limited to a 10,000 range", "... limited to a 1000
// blocks range"), Cloudflare ("'fromBlock'-'toBlock' range too large"),
// Ankr and others ("block range is too wide", "block range too large").
// Size caps: Infura and geth-based nodes ("query returned more than 10000
// results", also "query timeout exceeded"), zkSync ("Query returned more
// than 10000 results. Try with this block range [...]"), reth ("query
// exceeds max results 20000"), Alchemy ("Log response size exceeded").
var (
	rangeRefusals = []string{
		"exceed maximum block range", "exceeds max block range", "exceeds limit of",
		"block range", "blocks range", "range too large", "range is too large",
		"range too wide", "range is too wide", "is limited to a", "max range", "maximum range",
	}
	sizeRefusals = []string{
		"returned more than", "more than 10000 results", "exceeds max results", "too many results",
		"response size exceeded", "response size is", "response is too big", "query timeout exceeded",
		"logs matched by query exceeds", "result window is too large",
	}
	// busyRefusals pass: asked again after a pause. geth's log index
	// (core/filtermaps) answers a query that reaches a block it has not
	// indexed yet — the head, a moment after it was imported — with "failed
	// to retrieve log value pointer of block N"; the index catches up
	// within moments, so that is a pause too, not a failure.
	busyRefusals = []string{"rate limit", "too many requests", "rate exceeded", "try again later", "temporarily unavailable", "failed to retrieve log value pointer"}
)

// classify tells a provider's refusal from a real failure. Texts are
// matched before codes: providers reuse -32005 and -32602 for all of them.
func classify(err error) refusal {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return refusedOther
	}
	msg := strings.ToLower(err.Error())
	// A size refusal may suggest a block range ("Try with this block
	// range"): test sizes first so it is not taken for a range cap.
	for _, s := range sizeRefusals {
		if strings.Contains(msg, s) {
			return refusedSize
		}
	}
	for _, s := range rangeRefusals {
		if strings.Contains(msg, s) {
			return refusedRange
		}
	}
	var he rpc.HTTPError
	if errors.As(err, &he) {
		switch he.StatusCode {
		case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return refusedBusy
		}
	}
	for _, s := range busyRefusals {
		if strings.Contains(msg, s) {
			return refusedBusy
		}
	}
	return refusedOther
}

// logReader is the one place pdx calls eth_getLogs: it reads a block range
// in windows of max blocks, widened over sparse stretches (maxGrowth),
// narrows the window when the provider refuses it as too wide or too
// large, and pauses and asks again when the provider is busy, so a
// provider that caps ranges or results still yields every log, in chain
// order.
type logReader struct {
	src ethereum.LogFilterer
	// max is the configured window (0: DefaultLogRange): reads start with
	// it, and widen it over sparse stretches (maxGrowth).
	max uint64
	// learnt is the widest window the provider accepted after refusing a
	// wider one as a range (0: none refused yet); it holds for later reads.
	learnt atomic.Uint64
	// span is the window the last read ended with (0: none yet), where
	// the next read starts.
	span atomic.Uint64
	// pause waits between retries of a busy provider (tests shorten it).
	pause func(ctx context.Context, d time.Duration) error
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// A reader widens its window over sparse stretches: a window that
// returned fewer than sparseLogs logs is doubled for the next, up to
// maxGrowth times the configured window (or the window a provider's range
// refusal taught it), so a topic-filtered read of a long history in which
// the caller's events are few — a proxy's catch-up, a home's rebuild —
// costs requests in proportion to those events and the logarithm of the
// history, not one per configured window. A provider that refuses the
// wider window narrows it again (and for good, when it refuses the
// range); a dense stretch halves it.
// Beyond maxWindow blocks one eth_getLogs is a scan no provider answers
// in time (config.MaxLogRange).
const (
	maxGrowth  = 64
	sparseLogs = 1_000
	maxWindow  = 1_000_000
)

// base is the configured window (DefaultLogRange when none).
func (r *logReader) base() uint64 {
	if r.max == 0 {
		return DefaultLogRange
	}
	return r.max
}

// window is the widest window to ask for now.
func (r *logReader) window() uint64 {
	w := max(min(r.base()*maxGrowth, maxWindow), r.base())
	if l := r.learnt.Load(); l != 0 && l < w {
		w = l
	}
	return w
}

// first is the window a read starts with: the one the last read ended
// with (a reader of a sparse history keeps its wide window), at first the
// configured one.
func (r *logReader) first() uint64 {
	s := r.span.Load()
	if s == 0 {
		s = r.base()
	}
	return min(s, r.window())
}

// read reads the logs q selects in blocks from..to (both included; q's own
// block fields are ignored) and hands each window's logs to each, with the
// window's last block, before asking for the next: a caller can record its
// progress per window. An error from each stops the read and is returned
// as it is.
func (r *logReader) read(ctx context.Context, q ethereum.FilterQuery, from, to uint64, each func(end uint64, logs []types.Log) error) error {
	pause := r.pause
	if pause == nil {
		pause = sleepCtx
	}
	span := r.first()
	busy := 0
	for from <= to {
		span = min(span, r.window())
		end := to
		if to-from >= span {
			end = from + span - 1
		}
		q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(end)
		logs, err := r.src.FilterLogs(ctx, q)
		if err != nil {
			kind := classify(err)
			if ctx.Err() != nil {
				kind = refusedOther
			}
			switch kind {
			case refusedRange, refusedSize:
				if end == from {
					return fmt.Errorf("blocks %d-%d: the chain's provider refuses the logs of even a single block: %w", from, end, err)
				}
				span = max((end-from+1)/2, 1)
				if kind == refusedRange {
					r.narrow(span)
				}
				continue
			case refusedBusy:
				if busy >= logRetries {
					return fmt.Errorf("blocks %d-%d: the chain's provider is still busy after %d retries: %w", from, end, busy, err)
				}
				if err := pause(ctx, min(logBackoff<<busy, logBackoffMax)); err != nil {
					return err
				}
				busy++
				continue
			default:
				return fmt.Errorf("blocks %d-%d: %w", from, end, err)
			}
		}
		busy = 0
		n := len(logs)
		if err := each(end, logs); err != nil {
			return err
		}
		switch {
		case n < sparseLogs:
			// A sparse stretch: a wider window next.
			span = min(span*2, r.window())
		case span < r.base():
			// A window halved for a dense stretch grows back after it.
			span = min(span*2, r.base())
		}
		r.span.Store(span)
		if end == to {
			break
		}
		from = end + 1
	}
	return nil
}

// narrow records that the provider accepts windows of at most w blocks.
func (r *logReader) narrow(w uint64) {
	for {
		old := r.learnt.Load()
		if old != 0 && old <= w {
			return
		}
		if r.learnt.CompareAndSwap(old, w) {
			return
		}
	}
}

// readBack reads the logs q selects backward, from block to down to block
// from: windows of the configured size, newest first, each read as read
// reads (narrowed on refusals, retried when busy) and widened over sparse
// stretches as read widens them, each window's logs handed to each in
// chain order. It stops when each says it has what it needs, so a caller
// after the last event before a point costs the blocks back to that
// event, not the history since from.
func (r *logReader) readBack(ctx context.Context, q ethereum.FilterQuery, from, to uint64, each func(logs []types.Log) (done bool)) error {
	if to < from {
		return nil
	}
	span := r.base()
	hi := to
	for {
		lo := from
		if hi-from >= span {
			lo = hi - span + 1
		}
		var got []types.Log
		if err := r.read(ctx, q, lo, hi, func(_ uint64, logs []types.Log) error {
			got = append(got, logs...)
			return nil
		}); err != nil {
			return err
		}
		if each(got) || lo == from {
			return nil
		}
		hi = lo - 1
		if len(got) < sparseLogs {
			span = min(span*2, r.window())
		}
	}
}
