package proxy

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// stallingBundles is IPFS as a bundle nobody serves meets it: a fetch of
// an unknown digest hangs until its context ends (or the test ends). It
// counts those fetches, and how many ran at once.
type stallingBundles struct {
	served *testBundles
	done   chan struct{}
	once   sync.Once

	mu      sync.Mutex
	fetched map[common.Hash]int
	running int
	maxRun  int
}

func newStallingBundles(served *testBundles) *stallingBundles {
	return &stallingBundles{served: served, done: make(chan struct{}), fetched: map[common.Hash]int{}}
}

func (s *stallingBundles) Bundle(ctx context.Context, digest common.Hash) ([]byte, error) {
	s.served.mu.Lock()
	data, ok := s.served.m[digest]
	s.served.mu.Unlock()
	if ok {
		return data, nil
	}
	s.mu.Lock()
	s.fetched[digest]++
	s.running++
	s.maxRun = max(s.maxRun, s.running)
	s.mu.Unlock()
	defer func() { s.mu.Lock(); s.running--; s.mu.Unlock() }()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-s.done:
		return nil, errors.New("no provider found")
	}
}

// release ends every stalled fetch, and makes later ones fail at once.
func (s *stallingBundles) release() { s.once.Do(func() { close(s.done) }) }

func (s *stallingBundles) fetches(digest common.Hash) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fetched[digest]
}

func randomDigest(t *testing.T) common.Hash {
	t.Helper()
	var d common.Hash
	if _, err := rand.Read(d[:]); err != nil {
		t.Fatal(err)
	}
	return d
}

// stranger is an account that owns a dataset and granted itself access.
func (w *testWorld) stranger(dataset uint64) (*ecdsa.PrivateKey, common.Address) {
	w.t.Helper()
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	w.chain.mu.Lock()
	defer w.chain.mu.Unlock()
	w.chain.datasets[dataset] = DatasetInfo{Owner: addr, DelegatingKey: w.dsKey.PublicKey().Bytes()}
	w.chain.grants[pairKey{dataset, addr}] = uint64(time.Now().Add(time.Hour).Unix())
	return key, addr
}

// TestBogusGrantsDoNotStallTheFollower is a stranger stalling every
// proxy's event follower: it grants itself access to datasets of its own
// (a transaction each) with bundle digests nobody serves, and then the
// owner of a real dataset grants a brand. Handling all the events must
// take no time (the fetches run in the background, at most prefetchSlots
// of them), and the brand is served at once.
func TestBogusGrantsDoNotStallTheFollower(t *testing.T) {
	w := newTestWorld(t)
	src := newStallingBundles(w.bundles)
	p := w.newProxy("", func(c *Config) { c.Bundles = src })
	t.Cleanup(src.release) // runs before newProxy's wait for the loads

	const bogus = 6
	_, strangerAddr := w.stranger(100)
	// The honest grant binds a usage policy the owner's node serves, as
	// every grant made since policies does.
	purpose := w.putPolicy(0)
	honest := w.sealGrant(purpose, []bundle.Recipient{recipient(p)})
	w.chain.mu.Lock()
	w.chain.grants[pairKey{w.dataset, w.granteeAddr()}] = uint64(time.Now().Add(time.Hour).Unix())
	w.chain.mu.Unlock()

	start := time.Now()
	for i := range uint64(bogus) {
		if err := p.OnGranted(w.ctx, 100+i, strangerAddr, 1, common.Hash{}, randomDigest(t), 10+i); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.OnGranted(w.ctx, w.dataset, w.granteeAddr(), 1, purpose, honest, 20); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 500*time.Millisecond {
		t.Fatalf("%d grants with bundles nobody serves, then an honest one, took %s to handle; the follower must not wait for fetches", bogus, took)
	}
	start = time.Now()
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
		t.Fatalf("the honest grant behind %d bogus ones: %v", bogus, err)
	}
	if took := time.Since(start); took > 500*time.Millisecond {
		t.Fatalf("the honest grant's first request took %s", took)
	}
	src.mu.Lock()
	maxRun := src.maxRun
	src.mu.Unlock()
	if maxRun > prefetchSlots {
		t.Fatalf("%d bogus grants ran %d bundle fetches at once, want at most %d", bogus, maxRun, prefetchSlots)
	}
}

// TestBogusPendingGrantFetchedOncePerRetryPeriod is the same stranger
// sending requests for its own bogus grant: the grant stays pending (its
// bundle is never fetched), so without care each request would start its
// own 10 s IPFS fetch. Concurrent requests share the one fetch in flight,
// and once it failed, requests are refused from memory (no fetch, no chain
// read) until fetchRetryAfter has passed; then one fetch again.
func TestBogusPendingGrantFetchedOncePerRetryPeriod(t *testing.T) {
	w := newTestWorld(t)
	clock := newTestClock()
	src := newStallingBundles(w.bundles)
	p := w.newProxy("", func(c *Config) { c.Bundles = src; c.Now = clock.Now })
	t.Cleanup(src.release)

	const dataset = 100
	stranger, strangerAddr := w.stranger(dataset)
	digest := randomDigest(t)
	if err := p.OnGranted(w.ctx, dataset, strangerAddr, 1, common.Hash{}, digest, 10); err != nil {
		t.Fatal(err)
	}
	// While the fetch hangs: concurrent requests, each giving up after
	// 100 ms, all wait on the one fetch.
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(w.ctx, 100*time.Millisecond)
			defer cancel()
			if _, err := p.Reencrypt(ctx, w.requestFor(p, stranger, dataset)); err == nil {
				t.Error("a request for a grant whose bundle nobody serves was answered")
			}
		})
	}
	wg.Wait()
	if n := src.fetches(digest); n != 1 {
		t.Fatalf("20 concurrent requests for a pending grant made %d bundle fetches, want 1 shared", n)
	}
	// The fetch fails; requests within fetchRetryAfter fetch nothing and
	// read nothing from the chain.
	src.release()
	p.waitFetches()
	calls := w.chain.calls.Load()
	for i := range 50 {
		if _, err := p.Reencrypt(w.ctx, w.requestFor(p, stranger, dataset)); !errors.Is(err, proxyapi.ErrUnavailable) {
			t.Fatalf("request %d after the failed fetch: %v, want unavailable", i, err)
		}
	}
	if n := src.fetches(digest); n != 1 {
		t.Fatalf("50 requests after the failed fetch made %d more bundle fetches, want none", n-1)
	}
	if n := w.chain.calls.Load() - calls; n != 0 {
		t.Fatalf("50 requests after the failed fetch made %d chain calls, want none", n)
	}
	// After fetchRetryAfter, one fetch again.
	clock.advance(fetchRetryAfter)
	for range 10 {
		if _, err := p.Reencrypt(w.ctx, w.requestFor(p, stranger, dataset)); !errors.Is(err, proxyapi.ErrUnavailable) {
			t.Fatalf("a request once the retry period passed: %v, want unavailable", err)
		}
	}
	if n := src.fetches(digest); n != 2 {
		t.Fatalf("after the retry period, 10 requests brought the bundle fetches to %d, want 2", n)
	}
}
