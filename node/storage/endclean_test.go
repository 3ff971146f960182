package storage

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// TestFailedAddLeavesNothingLate: when a failed Add returns, every block it
// wrote is written, so one GC removes them all and none turns up later.
// kubo's importer writes in batches on goroutines of its own and, on an
// input error, returns without waiting for them; the cut points below fall
// just after kubo started a batch, where its blocks used to land after Add
// had returned. Each failure mode is tried: the input's error, ctx ending
// and MaxSize passed.
func TestFailedAddLeavesNothingLate(t *testing.T) {
	e := openEmbedded(t)
	ctx := ctxT(t, 2*time.Minute)
	pins, err := e.Pins(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		// kubo commits a batch every 4 MiB (16 leaves of 256 KiB) on a
		// 2-core machine; cut a little past the first and second.
		cut := int64(4<<20+(i%6)*(90<<10)) * int64(1+i/6)
		seed := fmt.Sprintf("late-%d", i)
		var addErr error
		switch i % 3 {
		case 0:
			_, addErr = e.Add(ctx, io.MultiReader(newCounterStream(seed, cut), failingReader{}), AddOptions{Name: seed})
		case 1:
			actx, cancel := context.WithCancel(ctx)
			br := &blockingReader{r: newCounterStream(seed, cut+1), after: cut, reached: make(chan struct{}), release: make(chan struct{})}
			go func() { <-br.reached; cancel(); close(br.release) }()
			_, addErr = e.Add(actx, br, AddOptions{Name: seed})
			cancel()
		case 2:
			_, addErr = e.Add(ctx, newCounterStream(seed, cut+1), AddOptions{Name: seed, MaxSize: cut})
		}
		if addErr == nil || !strings.Contains(addErr.Error(), "nothing was pinned") {
			t.Fatalf("cut at %d (mode %d): Add = %v, want a failure that pinned nothing", cut, i%3, addErr)
		}
		first, err := e.GC(ctx)
		if err != nil || first == 0 {
			t.Fatalf("cut at %d: the GC right after the failed Add removed %d blocks (%v), want what it wrote", cut, first, err)
		}
		// Long enough for a batch still being written to land.
		time.Sleep(200 * time.Millisecond)
		if later, err := e.GC(ctx); err != nil || later != 0 {
			t.Fatalf("cut at %d (mode %d): %d blocks were written after the failed Add returned and the GC (%v)", cut, i%3, later, err)
		}
		if now, err := e.Pins(ctx); err != nil || len(now) != len(pins) {
			t.Fatalf("pins after a failed Add: %d (%v), want the %d from before", len(now), err, len(pins))
		}
	}
}
