package proxy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// TestBatchEachItemAuthorizedAlone is a hostile batch (THREAT-MODEL.md
// campaigns-6): a grant under a policy of 2 reads for research, mixed with
// items for a dataset the signer was never granted, a nonce repeated
// within the batch, a purpose the policy does not permit, one read past
// the limit and an expired request. Each item gets the answer it would
// get alone, one refusal sinks no other, and the answered items' receipts
// are written in one fsync.
func TestBatchEachItemAuthorizedAlone(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	pol := w.putPolicy(2, "dpv:ResearchAndDevelopment")
	w.grant(p, pol, w.sealGrant(pol, []bundle.Recipient{recipient(p)}))
	w.chain.datasets[8] = w.chain.datasets[w.dataset] // on chain, never granted to anyone

	research := func() proxyapi.ReencryptBody { return *w.requestPurpose(p, "dpv:ResearchAndDevelopment") }
	expired := research()
	expired.Deadline = uint64(time.Now().Add(-time.Minute).Unix())
	items := []proxyapi.ReencryptBody{
		research(),                            // 0: a read
		*w.requestFor(p, w.grantee, 8),        // 1: not granted
		{},                                    // 2: item 0's nonce again (set below)
		*w.requestPurpose(p, "dpv:Marketing"), // 3: purpose refused
		research(),                            // 4: a read
		research(),                            // 5: a read past the limit of 2
		expired,                               // 6: deadline passed
	}
	items[2] = items[0]
	srv := httptest.NewServer(p.Handler())
	defer srv.Close()
	syncs := p.store.syncs.Load()
	res, err := (&proxyapi.Batcher{}).Batch(w.ctx, proxyapi.Endpoint{Address: p.Address(), URL: srv.URL}, items)
	if err != nil {
		t.Fatal(err)
	}
	code := func(i int) proxyapi.Code {
		if res[i].Error == nil {
			return "ok"
		}
		return res[i].Error.Code
	}
	want := map[int]proxyapi.Code{1: proxyapi.CodeNoKFrag, 2: proxyapi.CodeReplayed, 3: proxyapi.CodePurposeNotPermitted, 6: proxyapi.CodeRequestExpired}
	for i, c := range want {
		if code(i) != c {
			t.Errorf("item %d: %s, want %s", i, code(i), c)
		}
	}
	// Items 0, 4 and 5 run concurrently: two of them are read, the third
	// is refused by the read limit, whichever it is.
	var ok, limited, answered int
	for _, i := range []int{0, 4, 5} {
		switch code(i) {
		case "ok":
			ok, answered = ok+1, i
			if len(res[i].CFrag) != 2*reencrypt.CapsuleFragSize {
				t.Errorf("item %d: cfrag of %d hex characters", i, len(res[i].CFrag))
			}
		case proxyapi.CodeReadLimit:
			limited++
		}
	}
	if ok != 2 || limited != 1 {
		t.Fatalf("reads under a limit of 2: items 0, 4, 5 answered %s, %s, %s", code(0), code(4), code(5))
	}
	rs, err := p.store.receipts(w.dataset)
	if err != nil || len(rs) != 2 {
		t.Fatalf("receipts after the batch: %d, %v; want 2", len(rs), err)
	}
	if n := p.store.syncs.Load() - syncs; n != 1 {
		t.Fatalf("the batch's receipts took %d fsyncs, want 1", n)
	}
	// A nonce answered in the batch is spent for single requests too.
	if _, err := p.Reencrypt(w.ctx, &items[answered]); !errors.Is(err, proxyapi.ErrReplayed) {
		t.Fatalf("item %d sent again alone: %v, want replayed", answered, err)
	}
	// And a batch reading what a single request could not reads nothing.
	res, err = (&proxyapi.Batcher{}).Batch(w.ctx, proxyapi.Endpoint{Address: p.Address(), URL: srv.URL}, []proxyapi.ReencryptBody{research(), research()})
	if err != nil || res[0].Error == nil || res[0].Error.Code != proxyapi.CodeReadLimit || res[1].Error == nil {
		t.Fatalf("a batch after the limit: %+v, %v; want read_limit for each", res, err)
	}
}

// TestBatchBounds: an empty batch, one of more than MaxBatchItems items
// and one over MaxBatchBytes are refused whole, before any item is
// checked; the single route keeps its 8 KiB limit.
func TestBatchBounds(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	srv := httptest.NewServer(p.Handler())
	defer srv.Close()
	post := func(path string, body []byte) (int, proxyapi.Code) {
		resp, err := http.Post(srv.URL+path, "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var eb proxyapi.ErrorBody
		_ = json.NewDecoder(resp.Body).Decode(&eb)
		if eb.Error == nil {
			return resp.StatusCode, ""
		}
		return resp.StatusCode, eb.Error.Code
	}
	item := *w.request(p, w.grantee)
	many := make([]proxyapi.ReencryptBody, proxyapi.MaxBatchItems+1)
	for i := range many {
		many[i] = item
	}
	b, _ := json.Marshal(proxyapi.BatchBody{Items: many})
	if st, c := post("/v1/reencrypt/batch", b); st != http.StatusRequestEntityTooLarge || c != proxyapi.CodeTooLarge {
		t.Fatalf("%d items: %d %s, want 413 too_large", len(many), st, c)
	}
	big := []byte(`{"items":[{"purpose":"` + strings.Repeat("a", proxyapi.MaxBatchBytes) + `"}]}`)
	if st, c := post("/v1/reencrypt/batch", big); st != http.StatusRequestEntityTooLarge || c != proxyapi.CodeTooLarge {
		t.Fatalf("a body over %d bytes: %d %s, want 413 too_large", proxyapi.MaxBatchBytes, st, c)
	}
	if st, c := post("/v1/reencrypt/batch", []byte(`{"items":[]}`)); st != http.StatusBadRequest || c != proxyapi.CodeBadRequest {
		t.Fatalf("an empty batch: %d %s, want 400 bad_request", st, c)
	}
	single := []byte(`{"purpose":"` + strings.Repeat("a", proxyapi.MaxRequestBytes) + `"}`)
	if st, c := post("/v1/reencrypt", single); st != http.StatusRequestEntityTooLarge || c != proxyapi.CodeTooLarge {
		t.Fatalf("a single request over 8 KiB: %d %s, want 413", st, c)
	}
	if n := p.store.syncs.Load(); n != 0 {
		t.Fatalf("refused batches wrote %d receipt flushes", n)
	}
}

// TestBatcherCoalescesAndFallsBack: reads sharing a Batcher reach a proxy
// in few batches, and a proxy without the batch route (a version-2 proxy
// from before batches) is asked one request at a time, with the same
// results.
func TestBatcherCoalescesAndFallsBack(t *testing.T) {
	w := newTestWorld(t)
	p := w.newProxy("", nil)
	w.grant(p, [32]byte{}, w.sealGrant([32]byte{}, []bundle.Recipient{recipient(p)}))
	full := httptest.NewServer(p.Handler())
	defer full.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/reencrypt", p.serveReencrypt)
	old := httptest.NewServer(mux)
	defer old.Close()
	vk, _ := reencrypt.PublicKeyFromBytes(w.chain.keys[w.owner][1])
	for _, srv := range []*httptest.Server{full, old} {
		b := &proxyapi.Batcher{Linger: 50 * time.Millisecond}
		ep := proxyapi.Endpoint{Address: p.Address(), URL: srv.URL}
		const reads = 20
		errs := make(chan error, reads)
		for range reads {
			go func() {
				capsule, _, _ := reencrypt.Encrypt(w.dsKey.PublicKey(), []byte("file key"))
				cl := &proxyapi.Client{Domain: w.domain, Key: w.grantee, Purpose: testPurpose, Batch: b}
				_, err := cl.CFrags(w.ctx, w.dataset, capsule, []proxyapi.Endpoint{ep}, 1, func(cf *reencrypt.CapsuleFrag) (*reencrypt.VerifiedCapsuleFrag, error) {
					return cf.Verify(capsule, vk, w.dsKey.PublicKey(), w.receiving.PublicKey())
				})
				errs <- err
			}()
		}
		for range reads {
			if err := <-errs; err != nil {
				t.Fatalf("a read through the batcher (%s): %v", srv.URL, err)
			}
		}
		batches, items := b.Sent(srv.URL)
		if items != reads || batches > 3 {
			t.Fatalf("%d reads went in %d batches of %d items in all", reads, batches, items)
		}
	}
}

// BenchmarkReencrypt256 compares, through the HTTP API on loopback, 256
// re-encryption requests sent one by one (64 at a time, as concurrent
// reads would) with the same 256 sent as one batch: the batch saves the
// round trips and all but one receipt flush. Requests are signed before
// the timer runs; each op is the 256 requests.
func BenchmarkReencrypt256(b *testing.B) {
	for _, mode := range []string{"single", "batch"} {
		b.Run(mode, func(b *testing.B) {
			w := newTestWorld(b)
			p := w.newProxy("", nil)
			w.grant(p, [32]byte{}, w.sealGrant([32]byte{}, []bundle.Recipient{recipient(p)}))
			srv := httptest.NewServer(p.Handler())
			defer srv.Close()
			ep := proxyapi.Endpoint{Address: p.Address(), URL: srv.URL}
			batcher := &proxyapi.Batcher{}
			for b.Loop() {
				b.StopTimer()
				items := make([]proxyapi.ReencryptBody, 256)
				for i := range items {
					items[i] = *w.request(p, w.grantee)
				}
				b.StartTimer()
				if mode == "batch" {
					res, err := batcher.Batch(b.Context(), ep, items)
					if err != nil || res[255].Error != nil {
						b.Fatal(err, res[255].Error)
					}
					continue
				}
				sem := make(chan struct{}, 64)
				errs := make(chan error, len(items))
				for i := range items {
					sem <- struct{}{}
					go func() {
						defer func() { <-sem }()
						body, _ := json.Marshal(items[i])
						resp, err := http.Post(srv.URL+"/v1/reencrypt", "application/json", bytes.NewReader(body))
						if err == nil {
							if resp.StatusCode != http.StatusOK {
								err = fmt.Errorf("HTTP %d", resp.StatusCode)
							}
							resp.Body.Close()
						}
						errs <- err
					}()
				}
				for range items {
					if err := <-errs; err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*256), "µs/request")
		})
	}
}
