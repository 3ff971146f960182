package acl

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// rangeCapped is a provider whose history holds one log every `every`
// blocks and that refuses ranges wider than limit blocks, as geth with
// --rpc.rangelimit does; it records the ranges it answered.
type rangeCapped struct {
	every, limit uint64
	answered     [][2]uint64
	refused      int
}

func (p *rangeCapped) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	from, to := q.FromBlock.Uint64(), q.ToBlock.Uint64()
	if to-from+1 > p.limit {
		p.refused++
		return nil, fmt.Errorf("exceed maximum block range %d", p.limit)
	}
	p.answered = append(p.answered, [2]uint64{from, to})
	var out []types.Log
	for b := (from + p.every - 1) / p.every * p.every; b <= to; b += p.every {
		out = append(out, types.Log{BlockNumber: b})
	}
	return out, nil
}

func (p *rangeCapped) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	return nil, errors.New("not here")
}

// TestLogReaderWidensOverSparseHistory: a read of a long history holding
// few events costs requests in proportion to its events and the logarithm
// of its length, not one per configured window; a provider that refuses
// the wider windows narrows them (and for good), and every log is read
// once, in order.
func TestLogReaderWidensOverSparseHistory(t *testing.T) {
	const history = 1_000_000
	for _, c := range []struct {
		name         string
		limit        uint64 // the provider's range cap
		most         int    // at most this many answered requests
		narrowestEnd uint64 // the reader's widest window after the read at most
	}{
		// Windows of 100 blocks widened up to 64 times: 157 requests.
		{"uncapped", history * 2, history/(100*maxGrowth) + 20, 100 * maxGrowth},
		// Refused at 1,600 blocks, the reader keeps to 800.
		{"capped at 1,000", 1_000, history/500 + 20, 1_000},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &rangeCapped{every: 50_000, limit: c.limit}
			r := &logReader{src: p, max: 100}
			var got []uint64
			if err := r.read(context.Background(), ethereum.FilterQuery{}, 1, history, func(_ uint64, logs []types.Log) error {
				for _, l := range logs {
					got = append(got, l.BlockNumber)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if len(got) != history/50_000 {
				t.Fatalf("read %d logs, want %d", len(got), history/50_000)
			}
			for i, b := range got {
				if b != uint64(i+1)*50_000 {
					t.Fatalf("log %d at block %d, want %d (each once, in order)", i, b, (i+1)*50_000)
				}
			}
			next := uint64(1)
			for _, a := range p.answered {
				if a[0] != next {
					t.Fatalf("answered ranges %v skip or repeat block %d", p.answered, next)
				}
				next = a[1] + 1
			}
			if next != history+1 {
				t.Fatalf("the answered ranges end at block %d, want %d", next-1, history)
			}
			// 10,000 windows of the configured 100 blocks without widening.
			if len(p.answered) > c.most {
				t.Fatalf("%d requests answered (%d refused) for %d sparse logs, want at most %d", len(p.answered), p.refused, len(got), c.most)
			}
			if w := r.window(); w > c.narrowestEnd {
				t.Fatalf("after the read the reader asks up to %d blocks, want at most %d", w, c.narrowestEnd)
			}
		})
	}
	// A dense stretch is not widened: its windows stay the configured one.
	p := &rangeCapped{every: 1, limit: 1 << 40}
	r := &logReader{src: p, max: 2_000}
	if err := r.read(context.Background(), ethereum.FilterQuery{}, 1, 20_000, func(uint64, []types.Log) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if len(p.answered) != 10 {
		t.Fatalf("a dense history read in %d requests, want 10 windows of 2,000 blocks", len(p.answered))
	}
}
