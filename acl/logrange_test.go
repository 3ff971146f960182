package acl_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/testbin"
)

// capShim stands in front of a geth as a public provider does: it refuses
// an eth_getLogs whose answer holds more than maxLogs logs with Infura's
// words, and answers every busyEvery-th eth_getLogs with HTTP 429, as a
// rate limit does. It counts what it refused.
type capShim struct {
	target    *url.URL
	maxLogs   int
	busyEvery int

	mu                   sync.Mutex
	calls, tooMany, busy int
	widestAnswered       uint64
}

func (s *capShim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var req struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
		Params []struct {
			From string `json:"fromBlock"`
			To   string `json:"toBlock"`
		} `json:"params"`
	}
	if json.Unmarshal(body, &req) != nil || req.Method != "eth_getLogs" {
		s.forward(w, r, body)
		return
	}
	s.mu.Lock()
	s.calls++
	busy := s.busyEvery > 0 && s.calls%s.busyEvery == 0
	if busy {
		s.busy++
	}
	s.mu.Unlock()
	if busy {
		http.Error(w, "rate limited", http.StatusTooManyRequests)
		return
	}
	rec := httptest.NewRecorder()
	s.forward(rec, r, body)
	var resp struct {
		Result []json.RawMessage `json:"result"`
		Error  json.RawMessage   `json:"error"`
	}
	if rec.Code == http.StatusOK && json.Unmarshal(rec.Body.Bytes(), &resp) == nil && len(resp.Result) > s.maxLogs {
		s.mu.Lock()
		s.tooMany++
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"error":{"code":-32005,"message":"query returned more than %d results"}}`, req.ID, s.maxLogs)
		return
	}
	if len(req.Params) == 1 && len(resp.Error) == 0 {
		from, _ := hexutilUint(req.Params[0].From)
		to, _ := hexutilUint(req.Params[0].To)
		s.mu.Lock()
		if to >= from {
			s.widestAnswered = max(s.widestAnswered, to-from+1)
		}
		s.mu.Unlock()
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

func hexutilUint(s string) (uint64, error) {
	var n uint64
	_, err := fmt.Sscanf(s, "0x%x", &n)
	return n, err
}

func (s *capShim) forward(w http.ResponseWriter, r *http.Request, body []byte) {
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	r.Header.Del("Accept-Encoding") // plain JSON, so the shim can count the logs
	httputil.NewSingleHostReverseProxy(s.target).ServeHTTP(w, r)
}

// TestLogRangeCappedProvider is why every eth_getLogs goes through the
// bounded reader: a real geth that refuses ranges wider than 4 blocks
// (--rpc.rangelimit 3), behind a shim that refuses answers of more than 2
// logs and rate-limits every third request, still yields every event to
// the typed queries and to a follower with the default 5,000-block window
// — the same events, in the same order, as a scan without caps.
func TestLogRangeCappedProvider(t *testing.T) {
	const rangeLimit = 3 // geth: end-begin > 3 is refused
	gethURL := testbin.StartGeth(t, "--rpc.rangelimit", fmt.Sprint(rangeLimit))
	ctx := testCtx(t)
	direct, err := ethclient.Dial(gethURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(direct.Close)
	dev, err := crypto.HexToECDSA(devKey)
	if err != nil {
		t.Fatal(err)
	}
	keys := newKeys(t, nKeys)
	for _, k := range keys[:2] {
		if err := transfer(ctx, direct, dev, crypto.PubkeyToAddress(k.PublicKey), ether(100)); err != nil {
			t.Fatalf("funding: %v", err)
		}
	}
	e := &env{name: "geth", backend: direct, keys: keys}
	owner := deploy(t, e)
	from := ok(direct.BlockNumber(ctx))(t)
	// geth --dev mines a block per transaction: 12 datasets in 12 blocks.
	const datasets = 12
	for range datasets {
		newDataset(t, owner)
	}

	// The cap is real: geth refuses the whole range in one eth_getLogs.
	_, err = direct.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), Addresses: []common.Address{owner.Address()}})
	if err == nil || !strings.Contains(err.Error(), "exceed maximum block range") {
		t.Fatalf("geth with --rpc.rangelimit %d answered a %d-block eth_getLogs: %v", rangeLimit, datasets, err)
	}

	// Behind the shim, with the default window.
	target, _ := url.Parse(gethURL)
	shim := &capShim{target: target, maxLogs: 2, busyEvery: 3}
	srv := httptest.NewServer(shim)
	t.Cleanup(srv.Close)
	capped, err := ethclient.Dial(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(capped.Close)
	reader := ok(acl.New(ctx, capped, owner.Address(), nil, nil))(t)
	var pauses int
	acl.NoLogBackoff(reader, nil, &pauses)
	got := ok(reader.DatasetCreated(ctx, acl.Range{From: from}, acl.DatasetCreatedFilter{}))(t)
	if len(got) != datasets {
		t.Fatalf("through a capped provider: %d DatasetCreated, want %d", len(got), datasets)
	}
	for i, d := range got {
		if d.Dataset != uint64(i+1) || d.Owner != owner.From() {
			t.Fatalf("event %d: dataset %d by %s, want dataset %d by %s", i, d.Dataset, d.Owner.Hex(), i+1, owner.From().Hex())
		}
	}
	if pauses == 0 || shim.busy == 0 || shim.tooMany == 0 {
		t.Fatalf("the shim refused %d answers as too large and %d requests as busy, the reader paused %d times: the test did not test the refusals", shim.tooMany, shim.busy, pauses)
	}
	if shim.widestAnswered > rangeLimit+1 {
		t.Fatalf("an eth_getLogs of %d blocks was answered, over geth's cap of %d", shim.widestAnswered, rangeLimit+1)
	}

	// A follower with the default window delivers the same events and
	// leaves its cursor past them.
	cursor := &acl.MemoryCursor{}
	f := reader.Follower(cursor)
	f.Start = from
	acl.NoLogBackoff(nil, f, &pauses)
	var followed []uint64
	if _, err := f.Poll(ctx, func(_ context.Context, ev acl.Event) error {
		if ev.Name == "DatasetCreated" {
			followed = append(followed, ev.Value.(*bindings.RegistryDatasetCreated).Dataset)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := make([]uint64, datasets)
	for i := range want {
		want[i] = uint64(i + 1)
	}
	if !slices.Equal(followed, want) {
		t.Fatalf("followed datasets %v, want %v", followed, want)
	}
	headNow := ok(direct.BlockNumber(ctx))(t)
	if next, _, _ := cursor.Load(ctx); next != headNow+1 {
		t.Fatalf("cursor at %d after following to head %d", next, headNow)
	}
}

// TestLogRangeHardFailures: what is not a refusal (a bad filter, a dead
// endpoint) fails at once instead of being retried or narrowed away.
func TestLogRangeHardFailures(t *testing.T) {
	ctx := testCtx(t)
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		json.NewDecoder(r.Body).Decode(&req)
		w.Header().Set("Content-Type", "application/json")
		switch req.Method {
		case "eth_getCode":
			fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"result":"0x60"}`, req.ID)
		case "eth_blockNumber":
			fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"result":"0x4e20"}`, req.ID)
		case "eth_call": // interfaceVersion(), asked by acl.New
			fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"result":"0x%064x"}`, req.ID, acl.InterfaceVersion)
		default:
			calls++
			fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"error":{"code":-32000,"message":"header not found"}}`, req.ID)
		}
	}))
	t.Cleanup(srv.Close)
	cl, err := ethclient.Dial(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cl.Close)
	c := ok(acl.New(ctx, cl, common.HexToAddress("0x1"), nil, nil))(t)
	_, err = c.DatasetCreated(ctx, acl.Range{From: 1}, acl.DatasetCreatedFilter{})
	if err == nil || !strings.Contains(err.Error(), "header not found") || !strings.Contains(err.Error(), "blocks 1-5000") {
		t.Fatalf("a failing eth_getLogs: %v", err)
	}
	if calls != 1 {
		t.Fatalf("a failure that is not a refusal was asked %d times", calls)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatal(err)
	}
}

// TestPublishedAtCappedProvider: whether a dataset was public at a point,
// and under which policy, read backward in bounded windows
// (Client.PublishedAt, what `pdx verify` and a public get ask), is the
// same through a geth that refuses ranges wider than 4 blocks, behind a
// shim that rate-limits every fourth eth_getLogs, as the forward history
// of the dataset's Published and Unpublished events says — at every point
// of a history where it is published, withdrawn and published again among
// another dataset's publications.
func TestPublishedAtCappedProvider(t *testing.T) {
	const rangeLimit = 3
	gethURL := testbin.StartGeth(t, "--rpc.rangelimit", fmt.Sprint(rangeLimit))
	ctx := testCtx(t)
	direct, err := ethclient.Dial(gethURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(direct.Close)
	dev, err := crypto.HexToECDSA(devKey)
	if err != nil {
		t.Fatal(err)
	}
	keys := newKeys(t, nKeys)
	if err := transfer(ctx, direct, dev, crypto.PubkeyToAddress(keys[kOwner].PublicKey), ether(100)); err != nil {
		t.Fatalf("funding: %v", err)
	}
	owner := deploy(t, &env{name: "geth", backend: direct, keys: keys})
	from := ok(direct.BlockNumber(ctx))(t)
	d, other := newDataset(t, owner), newDataset(t, owner)
	noise := func(n int) {
		for i := range n {
			ok(owner.Publish(ctx, other, [32]byte{0xee, byte(i)}))(t)
		}
	}
	noise(3)
	ok(owner.Publish(ctx, d, [32]byte{0xaa}))(t)
	noise(6)
	ok(owner.Unpublish(ctx, d))(t)
	noise(5)
	ok(owner.Publish(ctx, d, [32]byte{0xbb}))(t)
	noise(7)
	head := ok(direct.BlockNumber(ctx))(t)

	target, _ := url.Parse(gethURL)
	shim := &capShim{target: target, maxLogs: 1, busyEvery: 4}
	srv := httptest.NewServer(shim)
	t.Cleanup(srv.Close)
	capped, err := ethclient.Dial(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(capped.Close)
	reader := ok(acl.New(ctx, capped, owner.Address(), nil, nil))(t)
	acl.NoLogBackoff(reader, nil, new(int))

	// The forward history, every event of the dataset in order.
	pubs := ok(reader.Published(ctx, acl.Range{From: from}, acl.PublishedFilter{Dataset: &d}))(t)
	unpubs := ok(reader.Unpublished(ctx, acl.Range{From: from}, acl.UnpublishedFilter{Dataset: &d}))(t)
	if len(pubs) != 2 || len(unpubs) != 1 {
		t.Fatalf("the history holds %d Published and %d Unpublished of dataset %d, want 2 and 1", len(pubs), len(unpubs), d)
	}
	before := func(l, at acl.EventLog) bool {
		return l.Block < at.Block || (l.Block == at.Block && l.Index < at.Index)
	}
	want := func(at acl.EventLog) *[32]byte {
		var last *acl.Published
		for i := range pubs {
			if before(pubs[i].EventLog, at) {
				last = &pubs[i]
			}
		}
		if last == nil {
			return nil
		}
		for _, u := range unpubs {
			if before(u.EventLog, at) && before(last.EventLog, u.EventLog) {
				return nil
			}
		}
		return &last.PolicyHash
	}
	shim.mu.Lock()
	shim.widestAnswered = 0
	shim.mu.Unlock()
	public := 0
	for b := from; b <= head; b++ {
		for _, idx := range []uint{0, 1, 1000} {
			at := acl.EventLog{Block: b, Index: idx}
			got, err := reader.PublishedAt(ctx, d, from, at)
			if err != nil {
				t.Fatalf("at block %d index %d: %v", b, idx, err)
			}
			w := want(at)
			switch {
			case (got == nil) != (w == nil):
				t.Fatalf("at block %d index %d: published %v, want %v", b, idx, got != nil, w != nil)
			case got != nil && got.PolicyHash != *w:
				t.Fatalf("at block %d index %d: policy %x, want %x", b, idx, got.PolicyHash, *w)
			}
			if got != nil {
				public++
			}
		}
	}
	if public == 0 {
		t.Fatal("no point was public: the test did not test the reading of a publication")
	}
	// The cap is real: geth refuses the dataset's history in one eth_getLogs.
	_, err = direct.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(head),
		Addresses: []common.Address{owner.Address()}})
	if err == nil || !strings.Contains(err.Error(), "exceed maximum block range") {
		t.Fatalf("geth with --rpc.rangelimit %d answered a %d-block eth_getLogs: %v", rangeLimit, head-from+1, err)
	}
	if shim.widestAnswered > rangeLimit+1 {
		t.Fatalf("an eth_getLogs of %d blocks was answered, over geth's cap of %d", shim.widestAnswered, rangeLimit+1)
	}
}
