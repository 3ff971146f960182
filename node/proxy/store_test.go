package proxy

import (
	"errors"
	"sync"
	"testing"
	"time"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
)

// TestReceiptGroupCommit checks the receipt log's group commit: receipts
// added concurrently with a commit delay share fsyncs, each is on disk when
// its call returns, and a nonce used twice is refused even when both
// requests race.
func TestReceiptGroupCommit(t *testing.T) {
	s, err := openStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	deadline := uint64(time.Now().Add(time.Hour).Unix())
	const n = 32
	wait := 60 * time.Millisecond
	recs := make([]*proxyapi.Receipt, n)
	for i := range recs {
		recs[i] = &proxyapi.Receipt{Request: proxyapi.ReencryptRequest{Dataset: 7, Nonce: proxyapi.NewNonce(), Deadline: deadline}, Time: time.Now()}
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range recs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Arrivals spread over ~32 ms, as requests finishing their
			// crypto one after another would be.
			time.Sleep(time.Duration(i) * time.Millisecond)
			errs[i] = s.addReceipt(recs[i], wait)
			if errs[i] != nil {
				return
			}
			// Durable when acknowledged: a fresh reader sees it now.
			rs, err := s.receipts(7)
			if err != nil {
				errs[i] = err
				return
			}
			for _, r := range rs {
				if r.Request.Nonce == recs[i].Request.Nonce {
					return
				}
			}
			errs[i] = errors.New("acknowledged receipt not in the log")
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("receipt %d: %v", i, err)
		}
	}
	// With a 60 ms commit delay the first flusher waits while the others
	// queue, so a few syncs cover them all (without it, each arrival
	// finds the log idle and syncs alone).
	t.Logf("%d receipts, %d syncs", n, s.syncs.Load())
	if got := s.syncs.Load(); got > 4 {
		t.Fatalf("%d receipts took %d syncs; the commit delay should group them", n, got)
	}
	rs, err := s.receipts(7)
	if err != nil || len(rs) != n {
		t.Fatalf("log holds %d receipts (%v), want %d", len(rs), err, n)
	}

	// Two racing requests with one nonce: exactly one is recorded.
	dup := proxyapi.ReencryptRequest{Dataset: 7, Nonce: proxyapi.NewNonce(), Deadline: deadline}
	res := make(chan error, 2)
	for range 2 {
		go func() { res <- s.addReceipt(&proxyapi.Receipt{Request: dup, Time: time.Now()}, time.Millisecond) }()
	}
	e1, e2 := <-res, <-res
	if (e1 == nil) == (e2 == nil) || !(errors.Is(e1, errReplayed) || errors.Is(e2, errReplayed)) {
		t.Fatalf("one nonce twice: %v and %v; want one success and one replay refusal", e1, e2)
	}
	// The replay set survives a restart.
	s2, err := openStore(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	if !s2.seen(dup.Nonce, uint64(time.Now().Unix())) {
		t.Fatal("a reopened store forgot an answered nonce")
	}
}
