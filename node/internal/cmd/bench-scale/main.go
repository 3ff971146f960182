// Command bench-scale measures how the listings, an index update, a daemon
// start and a proxy's catch-up grow with the size of the chain's history:
// the embedded dev chain (acl/devchain) is filled, level by level, with N
// records of strangers — datasets, offers and grants of another account,
// many transactions to a block — and at each level every operation is
// timed several times through the daemon's own HTTP API (the handler
// `pdx daemon` serves, called in-process) or the library a daemon and a
// proxy use. It prints
//
//	<op> <n> <p50_ms>
//
// per operation and level, then per operation the least-squares slope of
// log p50 over log N:
//
//	growth <op> <exponent>
//
// An exponent near 0 is a cost that does not grow with the network; 1 is a
// cost proportional to it. The market is also measured at 10^4, 10^5 and
// 10^6 offers (the *_synthetic operations) through a daemon whose market
// index followed a synthetic history (synthetic.go): a dev chain on two
// cores mines about 400 records a second, so 10^6 would take 40 minutes. `make bench-scale` runs it; -quick runs two tiny
// levels (a smoke test, not a measurement).
package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/big"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	gethlog "github.com/ethereum/go-ethereum/log"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/chainindex"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/market"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench-scale:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	levels []int // N of each level, ascending
	// synthetic are the sizes of the synthetic market histories (offers).
	synthetic []int
	runs      int // timed runs per operation and level
	versions  int // own versions of the daemon-start home
	own       int // grants naming the catching-up proxy
	budget    time.Duration
	// window, when set, is the least time the runs of one operation and
	// level take: more runs are timed until it has passed (within the
	// budget).
	window time.Duration
	// ops, when set, selects the operations measured by name (a regular
	// expression): the chain is filled as always, the rest is skipped.
	ops *regexp.Regexp
	// cpuProfile, when set, is where a CPU profile of the measurements
	// (not of the fills) is written.
	cpuProfile string
	// marketOnly skips the filled levels and the daemon-start home: only
	// the synthetic market is measured, in a minute or two rather than
	// the whole bench's ten.
	marketOnly bool
	// quick: a smoke run of the harness (-quick), which measures nothing.
	quick bool
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("bench-scale", flag.ContinueOnError)
	fs.SetOutput(stderr)
	levels := fs.String("levels", "1000,10000,100000", "history sizes N (records of strangers), ascending")
	synthetic := fs.String("synthetic", "10000,100000,1000000", "sizes of the synthetic market histories (offers), ascending; empty: none")
	quick := fs.Bool("quick", false, "two tiny levels, 3 runs: checks the harness, measures nothing")
	runs := fs.Int("runs", 5, "timed runs per operation and level (the p50 is printed)")
	versions := fs.Int("versions", 10000, "own versions of the home whose daemon start is timed")
	own := fs.Int("own", 1000, "grants naming the catching-up proxy, made among the first level's records (not counted in N)")
	budget := fs.Duration("budget", 20*time.Second, "at most this long per operation and level: fewer runs when one is slower")
	ops := fs.String("ops", "", "measure only the operations whose name matches this regular expression (e.g. proxy_catchup)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measurements (not of the fills) to this file")
	marketOnly := fs.Bool("market-only", false, "measure the synthetic market alone: no chain fills, no daemon start")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	o := &options{runs: *runs, versions: *versions, own: *own, budget: *budget, cpuProfile: *cpuProfile, marketOnly: *marketOnly}
	if *ops != "" {
		re, err := regexp.Compile(*ops)
		if err != nil {
			return nil, fmt.Errorf("-ops: %w", err)
		}
		o.ops = re
	}
	if *quick {
		*levels, *synthetic = "100,300", "1000,3000"
		o.runs, o.versions, o.own, o.quick = 3, 500, 10, true
	}
	for _, s := range strings.Split(*levels, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 || (len(o.levels) > 0 && n <= o.levels[len(o.levels)-1]) {
			return nil, fmt.Errorf("-levels: %q is not a list of ascending positive counts", *levels)
		}
		o.levels = append(o.levels, n)
	}
	for _, s := range strings.Split(*synthetic, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 || (len(o.synthetic) > 0 && n <= o.synthetic[len(o.synthetic)-1]) {
			return nil, fmt.Errorf("-synthetic: %q is not a list of ascending positive counts", *synthetic)
		}
		o.synthetic = append(o.synthetic, n)
	}
	if o.marketOnly {
		if len(o.synthetic) == 0 {
			return nil, errors.New("-market-only measures the synthetic market: -synthetic must name its sizes")
		}
		o.levels = nil
	}
	if o.runs < 1 || o.versions < 1 || o.own < 0 {
		return nil, errors.New("-runs, -versions must be positive and -own not negative")
	}
	return o, nil
}

func run(ctx context.Context, args []string, out, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	gethlog.SetDefault(gethlog.NewLogger(slog.DiscardHandler))
	dir, err := os.MkdirTemp("", "bench-scale-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	began := time.Now()
	w, err := setup(ctx, dir)
	if err != nil {
		return fmt.Errorf("setting up: %w", err)
	}
	defer w.close()
	progress(stderr, "bench-scale: owner, brand and 3 proxies up in %v", time.Since(began).Round(time.Millisecond))

	var start *startHome
	if !o.marketOnly {
		if start, err = newStartHome(ctx, w, filepath.Join(dir, "start"), o.versions); err != nil {
			return fmt.Errorf("the daemon-start home: %w", err)
		}
	}
	// The profile covers the measurements alone: fills are paused out of it.
	prof, err := newProfiler(o.cpuProfile)
	if err != nil {
		return err
	}
	defer prof.stop()

	results := map[string][]float64{} // op → p50 per level
	var ops []string
	record := func(op string, n int, p50 float64) {
		if _, ok := results[op]; !ok {
			ops = append(ops, op)
		}
		results[op] = append(results[op], p50)
		fmt.Fprintf(out, "%s %d %.3f\n", op, n, p50)
	}
	wanted := o.wanted
	catchUp := fmt.Sprintf("proxy_catchup_own_%d", o.own)
	f := &filler{w: w}
	for i, n := range o.levels {
		t := time.Now()
		// The catching-up proxy's own grants are all made among the first
		// level's records (and not counted in N): every level's catch-up
		// then handles the same grants of its own, among more of others'.
		own := 0
		if i == 0 {
			own = o.own
		}
		prof.pause()
		if err := f.fillTo(ctx, n, own); err != nil {
			return fmt.Errorf("filling the chain to %d records: %w", n, err)
		}
		progress(stderr, "bench-scale: %d records on chain (%d blocks) after %v", n, f.head, time.Since(t).Round(time.Millisecond))
		// The homes' indexes take the new blocks before the timings (a
		// running daemon's follow them as they come).
		t = time.Now()
		for _, ix := range w.events {
			if err := ix.Sync(ctx); err != nil {
				return fmt.Errorf("the chain-event index: %w", err)
			}
		}
		for _, ix := range w.markets {
			if _, err := ix.Sync(ctx); err != nil {
				return err
			}
		}
		progress(stderr, "bench-scale: the homes' chain-event and market indexes took them in %v", time.Since(t).Round(time.Millisecond))
		if err := prof.resume(); err != nil {
			return err
		}
		// A fresh proxy's catch-up through the whole history, following
		// only the grants that name it.
		if wanted(catchUp) {
			p50, got, err := measureCatchUp(ctx, o, w, f.proxy)
			if err != nil {
				return fmt.Errorf("proxy catch-up at N=%d: %w", n, err)
			}
			if got != f.ownTotal {
				return fmt.Errorf("the proxy caught up with %d grants of its own, want %d", got, f.ownTotal)
			}
			record(catchUp, n, p50)
		}
		for _, op := range w.apiOps() {
			if !wanted(op.name) {
				continue
			}
			p50, err := measure(ctx, o, func(ctx context.Context) error { return op.call(ctx) })
			if err != nil {
				return fmt.Errorf("%s at N=%d: %w", op.name, n, err)
			}
			record(op.name, n, p50)
		}
		if wanted("index_update") {
			p50, err := start.updates(ctx, o)
			if err != nil {
				return fmt.Errorf("index update at N=%d: %w", n, err)
			}
			record("index_update", n, p50)
		}
		if op := fmt.Sprintf("daemon_start_%d_versions", o.versions); wanted(op) {
			p50, err := measure(ctx, o, start.start)
			if err != nil {
				return fmt.Errorf("daemon start at N=%d: %w", n, err)
			}
			record(op, n, p50)
		}
	}
	synthetic := map[string]bool{}
	if len(o.synthetic) > 0 && slices.ContainsFunc(syntheticOps, wanted) {
		err := syntheticMarket(ctx, o, w, dir, prof, out, stderr, func(op string, n int, p50 float64) {
			synthetic[op] = true
			record(op, n, p50)
		})
		if err != nil {
			return fmt.Errorf("the synthetic market: %w", err)
		}
	}
	for _, op := range ops {
		xs := o.levels
		if synthetic[op] {
			xs = o.synthetic
		}
		fmt.Fprintf(out, "growth %s %.3f\n", op, slope(xs, results[op]))
	}
	progress(stderr, "bench-scale: done in %v", time.Since(began).Round(time.Second))
	return nil
}

// wanted says whether op is measured (-ops).
func (o *options) wanted(op string) bool { return o.ops == nil || o.ops.MatchString(op) }

func progress(w io.Writer, format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }

// measure runs f o.runs times, and on until o.window has passed (fewer
// when the budget is spent), and returns the median in milliseconds. One
// untimed run first warms the caches a long-running daemon has warm.
func measure(ctx context.Context, o *options, f func(context.Context) error) (float64, error) {
	if err := f(ctx); err != nil {
		return 0, err
	}
	var ms []float64
	began := time.Now()
	for i := 0; i < o.runs || time.Since(began) < o.window; i++ {
		t := time.Now()
		if err := f(ctx); err != nil {
			return 0, err
		}
		ms = append(ms, float64(time.Since(t).Microseconds())/1000)
		if time.Since(began) > o.budget {
			break
		}
	}
	return median(ms), nil
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// slope is the least-squares slope of log y over log x: the exponent k of
// y ∝ x^k.
func slope(xs []int, ys []float64) float64 {
	if len(xs) < 2 || len(xs) != len(ys) {
		return math.NaN()
	}
	var sx, sy, sxx, sxy float64
	for i := range xs {
		lx, ly := math.Log(float64(xs[i])), math.Log(math.Max(ys[i], 1e-3))
		sx, sy, sxx, sxy = sx+lx, sy+ly, sxx+lx*lx, sxy+lx*ly
	}
	n := float64(len(xs))
	return (n*sxy - sx*sy) / (n*sxx - sx*sx)
}

// world is the measured network: the dev chain, one IPFS node, three
// proxies, an owner's and a brand's daemon (each its home, service and
// API handler).
type world struct {
	chain   *devchain.Chain
	store   storage.Store
	proxies []*proxy.Running
	set     service.ProxySet
	owner   *party
	brand   *party
	// filler is the stranger whose records fill the history.
	filler *ecdsa.PrivateKey
	// dataset is the owner's dataset whose grants are listed.
	dataset string
	// events are the owner's and the brand's chain-event indexes.
	events []*chainindex.Index
	// markets are their market indexes.
	markets []*market.Index
	closers []func()
}

type party struct {
	h     *home.Unlocked
	s     *service.Service
	d     *daemon.Daemon
	token string
}

func (w *world) close() {
	for i := len(w.closers) - 1; i >= 0; i-- {
		w.closers[i]()
	}
}

const passphrase = "bench-scale passphrase"

func newHome(dir string) (*home.Unlocked, error) {
	if _, err := home.Init(dir, passphrase, home.WithInsecureLightScrypt()); err != nil {
		return nil, err
	}
	return home.Open(dir, passphrase)
}

func setup(ctx context.Context, dir string) (*world, error) {
	w := &world{dataset: "basket"}
	ok := false
	defer func() {
		if !ok {
			w.close()
		}
	}()
	oh, err := newHome(filepath.Join(dir, "owner"))
	if err != nil {
		return nil, err
	}
	w.closers = append(w.closers, oh.Close)
	bh, err := newHome(filepath.Join(dir, "brand"))
	if err != nil {
		return nil, err
	}
	w.closers = append(w.closers, bh.Close)
	// Accounts: 0 deployed the Registry, 1 fills the history, 2..4 are
	// the proxies.
	w.chain, err = devchain.Open(ctx, devchain.Config{Dir: filepath.Join(dir, "chain"), Accounts: 5,
		Fund: []common.Address{oh.Address(), bh.Address()}})
	if err != nil {
		return nil, err
	}
	w.closers = append(w.closers, func() { w.chain.Close() })
	keys := w.chain.Accounts()
	w.filler = keys[1]
	st, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: filepath.Join(dir, "ipfs"), Local: true})
	if err != nil {
		return nil, err
	}
	w.store = st
	w.closers = append(w.closers, func() { st.Close() })
	w.set = service.ProxySet{Threshold: 2}
	for _, k := range keys[2:5] {
		w.set.Addresses = append(w.set.Addresses, crypto.PubkeyToAddress(k.PublicKey))
	}
	if w.owner, err = w.newParty(ctx, oh); err != nil {
		return nil, err
	}
	if w.brand, err = w.newParty(ctx, bh); err != nil {
		return nil, err
	}
	for i, key := range keys[2:5] {
		hk, _, err := bundle.GenerateKey()
		if err != nil {
			return nil, err
		}
		c, err := acl.New(ctx, w.chain.Client(), w.chain.Registry(), key, nil)
		if err != nil {
			return nil, err
		}
		// Poll < 0: the proxies follow only when told (sync), so they do
		// not take the cores while operations are timed.
		r, err := proxy.Run(ctx, proxy.RunConfig{
			Config: proxy.Config{Dir: filepath.Join(dir, "proxy", strconv.Itoa(i)), Account: key, HPKE: hk,
				Domain: w.owner.s.Domain(), Bundles: envstore.Bundles{S: st}, Logger: slog.New(slog.DiscardHandler)},
			Client: c, FromBlock: w.chain.DeployBlock(), Poll: -1,
		})
		if err != nil {
			return nil, err
		}
		w.proxies = append(w.proxies, r)
		w.closers = append(w.closers, func() { r.Close() })
	}
	if err := w.ownRecords(ctx); err != nil {
		return nil, err
	}
	ok = true
	return w, nil
}

func (w *world) newParty(ctx context.Context, u *home.Unlocked) (*party, error) {
	c, err := acl.New(ctx, w.chain.Client(), w.chain.Registry(), u.Account, nil)
	if err != nil {
		return nil, err
	}
	// The home's chain-event index, as daemon.Start wires it: the
	// listings read it, and it follows the chain in the background.
	events, err := chainindex.Open(ctx, chainindex.Config{
		Path: filepath.Join(u.Dir(), daemon.StateDir, daemon.ChainIndexDir), Chain: c, Headers: w.chain.Client(),
		Start: w.chain.DeployBlock(), Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		return nil, err
	}
	rctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); events.Run(rctx) }()
	w.closers = append(w.closers, func() { stop(); <-done; events.Close() })
	w.events = append(w.events, events)
	// The market's offers index, as daemon.Start wires it.
	mix, err := market.Open(market.Config{Path: filepath.Join(u.Dir(), daemon.StateDir, daemon.MarketIndexDir),
		Source: w.chain.Client(), Registry: w.chain.Registry(), Start: w.chain.DeployBlock()})
	if err != nil {
		return nil, err
	}
	mdone := make(chan struct{})
	go func() { defer close(mdone); _ = mix.Run(rctx, time.Second, nil) }()
	w.closers = append(w.closers, func() { stop(); <-mdone; mix.Close() })
	w.markets = append(w.markets, mix)
	s, err := service.New(ctx, service.Config{Chain: c, Account: u.Account, Store: w.store,
		Signer: reencrypt.NewSigner(u.Signing), Receiving: u.Receiving, DeployBlock: w.chain.DeployBlock(),
		Proxies: w.set, AllowPrivateEndpoints: true, History: events, Market: mix})
	if err != nil {
		return nil, err
	}
	if err := s.EnsureKeys(ctx); err != nil {
		return nil, err
	}
	tok, err := home.ReadToken(filepath.Join(u.Dir(), home.TokenFile))
	if err != nil {
		return nil, err
	}
	d, err := daemon.New(ctx, daemon.Config{Home: u, Config: config.Default(), Service: s, Token: tok})
	if err != nil {
		return nil, err
	}
	w.closers = append(w.closers, func() { d.Close() })
	return &party{h: u, s: s, d: d, token: tok}, nil
}

// call sends one request to the party's API handler, in-process, and
// decodes a 2xx answer into v (when not nil).
func (p *party) call(ctx context.Context, method, path string, body any, v any) error {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = strings.NewReader(string(b))
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return err
		}
		rd = strings.NewReader(string(j))
	}
	req := httptest.NewRequestWithContext(ctx, method, path, rd)
	req.Host = "127.0.0.1"
	req.Header.Set("Authorization", "Bearer "+p.token)
	rec := httptest.NewRecorder()
	p.d.Handler().ServeHTTP(rec, req)
	if rec.Code/100 != 2 {
		return fmt.Errorf("%s %s: %d %s", method, path, rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	if v != nil {
		return json.Unmarshal(rec.Body.Bytes(), v)
	}
	return nil
}

// ownRecords are the owner's and the brand's own: a dataset with a grant
// to the brand, another offered and bought by the brand.
func (w *world) ownRecords(ctx context.Context) error {
	o, b := w.owner, w.brand
	if err := o.call(ctx, "POST", "/v1/datasets/"+w.dataset+"/versions?create=true", []byte("month,spend\n11,42\n"), nil); err != nil {
		return err
	}
	if err := o.call(ctx, "POST", "/v1/datasets/"+w.dataset+"/grants", daemon.GrantRequest{
		Grantee: b.h.Address().Hex(), Purpose: "research", Expires: time.Now().Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339),
	}, nil); err != nil {
		return err
	}
	var put daemon.PutResponse
	if err := o.call(ctx, "POST", "/v1/datasets/profile/versions?create=true", []byte(`{"age":40}`), &put); err != nil {
		return err
	}
	if err := o.call(ctx, "POST", "/v1/datasets/profile/offer", daemon.OfferRequest{PriceWei: "1000", Duration: "30d", Terms: "research"}, nil); err != nil {
		return err
	}
	return b.call(ctx, "POST", fmt.Sprintf("/v1/market/%d/buy", put.ID), daemon.BuyRequest{Terms: "research"}, nil)
}

type apiOp struct {
	name string
	call func(ctx context.Context) error
}

// apiOps are the listings, through the daemons' API as the CLI and the
// dashboard call it. Each checks it still finds the home's own records.
func (w *world) apiOps() []apiOp {
	o, b := w.owner, w.brand
	return []apiOp{
		{"owner_grants", func(ctx context.Context) error {
			var l daemon.GrantList
			if err := o.call(ctx, "GET", "/v1/datasets/"+w.dataset+"/grants", nil, &l); err != nil {
				return err
			}
			if len(l.Grants) != 1 {
				return fmt.Errorf("%d grants listed, want 1", len(l.Grants))
			}
			return nil
		}},
		{"owner_purchases", func(ctx context.Context) error {
			var l daemon.PurchaseList
			return o.call(ctx, "GET", "/v1/purchases", nil, &l)
		}},
		{"brand_granted", func(ctx context.Context) error {
			var l daemon.GrantedList
			if err := b.call(ctx, "GET", "/v1/granted", nil, &l); err != nil {
				return err
			}
			if len(l.Grants) != 1 {
				return fmt.Errorf("%d grants received, want 1 (the purchase is not granted: no market agent runs)", len(l.Grants))
			}
			return nil
		}},
		{"brand_purchases", func(ctx context.Context) error {
			var l daemon.PurchaseList
			if err := b.call(ctx, "GET", "/v1/purchases", nil, &l); err != nil {
				return err
			}
			if len(l.Purchases) != 1 {
				return fmt.Errorf("%d purchases listed, want 1", len(l.Purchases))
			}
			return nil
		}},
		{"market_first_page", func(ctx context.Context) error {
			var l daemon.MarketList
			if err := b.call(ctx, "GET", "/v1/market?limit=50", nil, &l); err != nil {
				return err
			}
			if len(l.Offers) == 0 {
				return errors.New("the market's first page is empty")
			}
			return nil
		}},
		// Filtered on a field most offers match (the page is full) and on
		// one owner's (the page holds its one offer).
		{"market_filtered_page", func(ctx context.Context) error {
			var l daemon.MarketList
			if err := b.call(ctx, "GET", "/v1/market?limit=50&max_price=5000", nil, &l); err != nil {
				return err
			}
			if len(l.Offers) == 0 {
				return errors.New("the filtered page is empty")
			}
			return nil
		}},
		{"market_owner_page", func(ctx context.Context) error {
			var l daemon.MarketList
			if err := b.call(ctx, "GET", "/v1/market?limit=50&owner="+o.h.Address().Hex(), nil, &l); err != nil {
				return err
			}
			if len(l.Offers) != 1 {
				return fmt.Errorf("the owner's page holds %d offers, want 1", len(l.Offers))
			}
			return nil
		}},
	}
}

// startHome is a home whose index holds many versions, for the start and
// update timings: its own index store, as a daemon keeps it, under the
// owner's service.
type startHome struct {
	w    *world
	h    *home.Unlocked
	next uint32
}

func newStartHome(ctx context.Context, w *world, dir string, versions int) (*startHome, error) {
	u, err := newHome(dir)
	if err != nil {
		return nil, err
	}
	w.closers = append(w.closers, u.Close)
	state := filepath.Join(dir, daemon.StateDir)
	ix, err := daemon.OpenIndex(filepath.Join(state, daemon.IndexDir), "")
	if err != nil {
		return nil, err
	}
	// 100 versions to a dataset.
	at := time.Now().UTC()
	for i := 0; i < versions; i += 100 {
		name := fmt.Sprintf("ds%05d", i/100)
		err := ix.Update(name, true, func(e *daemon.Entry) {
			e.ID, e.Created = uint64(1_000_000+i/100), at
			for v := i; v < min(i+100, versions); v++ {
				e.Versions = append(e.Versions, daemon.Version{Version: uint32(v%100 + 1), CID: fmt.Sprintf("bafkbench%08d", v),
					Fingerprint: "0x" + strings.Repeat("ab", 32), Size: 1 << 20, Put: at})
			}
		})
		if err != nil {
			return nil, err
		}
	}
	// As a daemon that stopped cleanly leaves it.
	if err := ix.MarkClean(daemon.CleanStop{Time: at}); err != nil {
		return nil, err
	}
	if err := ix.Close(); err != nil {
		return nil, err
	}
	return &startHome{w: w, h: u, next: 101}, nil
}

// start is a daemon's start on the home after a clean stop: the index
// opened, the reconcile run, the stop recorded again — daemon.New,
// Reconcile, Stop and Close, as daemon.Start and Node.Close call them.
func (s *startHome) start(ctx context.Context) error {
	tok, err := home.ReadToken(filepath.Join(s.h.Dir(), home.TokenFile))
	if err != nil {
		return err
	}
	d, err := daemon.New(ctx, daemon.Config{Home: s.h, Config: config.Default(), Service: s.w.owner.s, Token: tok})
	if err != nil {
		return err
	}
	defer d.Close()
	rep, err := d.Reconcile(ctx)
	if err != nil {
		return err
	}
	if d.Index().Len() == 0 {
		return errors.New("the index is empty")
	}
	if rep.Clean == nil {
		return errors.New("the start after a clean stop compared the home with the chain")
	}
	return d.Stop(0)
}

// updates times index updates of the home, each a version added to a
// dataset of 100 (the store open, as in a running daemon).
func (s *startHome) updates(ctx context.Context, o *options) (float64, error) {
	ix, err := daemon.OpenIndex(filepath.Join(s.h.Dir(), daemon.StateDir, daemon.IndexDir), "")
	if err != nil {
		return 0, err
	}
	defer ix.Close()
	return measure(ctx, o, func(context.Context) error {
		v := s.next
		s.next++
		return ix.Update("ds00000", false, func(e *daemon.Entry) {
			e.Versions = append(e.Versions, daemon.Version{Version: v, CID: fmt.Sprintf("bafkupdate%08d", v),
				Fingerprint: "0x" + strings.Repeat("cd", 32), Size: 1, Put: time.Now().UTC()})
		})
	})
}

// filler mines the strangers' records: for every 10, one dataset, its
// offer, and 8 grants on the filler's datasets to fresh grantees; and
// beside them (not counted in total) the grants naming the catching-up
// proxy.
type filler struct {
	w        *world
	total    int
	ownTotal int
	nonce    uint64
	datasets []uint64
	head     uint64
	proxy    *ecdsa.PrivateKey
	started  bool
}

const wave = 2000 // transactions in the pool at once

func (f *filler) fillTo(ctx context.Context, n, own int) error {
	cl := f.w.chain.Client()
	reg := bindings.NewRegistry()
	from := crypto.PubkeyToAddress(f.w.filler.PublicKey)
	chainID, err := cl.ChainID(ctx)
	if err != nil {
		return err
	}
	signer := types.LatestSignerForChainID(chainID)
	if !f.started {
		if f.nonce, err = cl.PendingNonceAt(ctx, from); err != nil {
			return err
		}
		if f.proxy, err = crypto.GenerateKey(); err != nil {
			return err
		}
		f.started = true
	}
	registry := f.w.chain.Registry()
	head, err := cl.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	terms := acl.GrantTerms(time.Unix(int64(head.Time)+365*24*3600, 0), 2)
	offerTerms := service.TermsHash("research")
	dk, err := crypto.GenerateKey()
	if err != nil {
		return err
	}
	delegating := crypto.CompressPubkey(&dk.PublicKey)
	strangers := []common.Address{newAddress(), newAddress(), newAddress()}
	measured := crypto.PubkeyToAddress(f.proxy.PublicKey)
	add := n - f.total
	ownSent := 0
	send := func(data []byte, gas uint64) error {
		tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{
			ChainID: chainID, Nonce: f.nonce, GasTipCap: big.NewInt(1_000_000_000), GasFeeCap: big.NewInt(100_000_000_000),
			Gas: gas, To: &registry, Data: data,
		}), signer, f.w.filler)
		if err != nil {
			return err
		}
		if err := cl.SendTransaction(ctx, tx); err != nil {
			return err
		}
		f.nonce++
		return nil
	}
	// own names the measured proxy first; the strangers' grants name
	// three proxies nobody runs.
	ownProxies := []common.Address{measured, strangers[0], strangers[1]}
	grant := func(ds uint64, i int, proxies []common.Address) error {
		data := reg.PackGrant(ds, newAddress(), terms, [32]byte{}, [32]byte{byte(i), byte(i >> 8), byte(f.total >> 8), byte(f.total >> 16)}, proxies)
		return send(data, 200_000)
	}
	for sent := 0; sent < add; {
		// The proxy's own grants go along with the first waves, at most
		// half a wave each, spread among the strangers' grants.
		ownNow := min(own-ownSent, wave/2)
		// Datasets first (their ids are needed), then the wave's offers
		// and grants on them.
		batch := min(wave-ownNow, add-sent)
		creates := max(batch/10, 1)
		if len(f.datasets) == 0 || creates > 0 {
			count, err := f.datasetCount(ctx)
			if err != nil {
				return err
			}
			for range creates {
				if err := send(reg.PackCreateDataset(delegating), 200_000); err != nil {
					return err
				}
			}
			if err := f.mined(ctx, from); err != nil {
				return err
			}
			after, err := f.datasetCount(ctx)
			if err != nil {
				return err
			}
			if after-count != uint64(creates) {
				return fmt.Errorf("%d datasets created, want %d", after-count, creates)
			}
			for id := count + 1; id <= after; id++ {
				f.datasets = append(f.datasets, id)
			}
		}
		sent += creates
		rest := batch - creates
		offers := min(creates, rest)
		for i := range offers {
			ds := f.datasets[len(f.datasets)-creates+i]
			if err := send(reg.PackOffer(ds, big.NewInt(1000), 30*24*3600, offerTerms, common.Address{}), 200_000); err != nil {
				return err
			}
		}
		grants := rest - offers
		ownDone := 0
		for i := range grants {
			ds := f.datasets[len(f.datasets)-1-i%creates]
			if err := grant(ds, i, strangers); err != nil {
				return err
			}
			// ownNow in proportion to the wave's grants sent so far.
			for ; ownDone < ownNow*(i+1)/max(grants, 1); ownDone++ {
				if err := grant(ds, grants+ownDone, ownProxies); err != nil {
					return err
				}
			}
		}
		for ; ownDone < ownNow; ownDone++ {
			if err := grant(f.datasets[len(f.datasets)-1], grants+ownDone, ownProxies); err != nil {
				return err
			}
		}
		ownSent += ownNow
		if err := f.mined(ctx, from); err != nil {
			return err
		}
		sent += rest
		f.total += creates + rest
	}
	f.ownTotal += ownSent
	if f.head, err = cl.BlockNumber(ctx); err != nil {
		return err
	}
	// go-ethereum indexes logs a moment after a block is sealed: the
	// measurements start once the history's whole log index answers.
	q := ethereum.FilterQuery{FromBlock: new(big.Int), ToBlock: new(big.Int).SetUint64(f.head), Addresses: []common.Address{registry},
		Topics: [][]common.Hash{{common.HexToHash("0x01")}}}
	for {
		_, err := cl.FilterLogs(ctx, q)
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for the log index: %w (%v)", ctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (f *filler) datasetCount(ctx context.Context) (uint64, error) {
	reg := bindings.NewRegistry()
	to := f.w.chain.Registry()
	out, err := f.w.chain.Client().CallContract(ctx, ethereum.CallMsg{To: &to, Data: reg.PackDatasetCount()}, nil)
	if err != nil {
		return 0, err
	}
	return reg.UnpackDatasetCount(out)
}

// mined waits until every transaction sent is in a block, and checks none
// reverted.
func (f *filler) mined(ctx context.Context, from common.Address) error {
	cl := f.w.chain.Client()
	for {
		n, err := cl.NonceAt(ctx, from, nil)
		if err != nil {
			return err
		}
		if n == f.nonce {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func newAddress() common.Address {
	k, err := crypto.GenerateKey()
	if err != nil {
		panic(err)
	}
	return crypto.PubkeyToAddress(k.PublicKey)
}

// noBundles serves no bundle: the catching-up proxy's background lookups
// fail at once (the grants name it but were never sealed for it), so the
// figure is what following and recording its grants costs.
type noBundles struct{}

func (noBundles) Bundle(context.Context, common.Hash) ([]byte, error) {
	return nil, errors.New("bench-scale: bundles are not served")
}

// measureCatchUp times a fresh proxy's catch-up from the deploy block to
// the head, following only the grants naming it (as proxy.Run does), and
// returns the p50 and how many grants it recorded.
func measureCatchUp(ctx context.Context, o *options, w *world, key *ecdsa.PrivateKey) (float64, int, error) {
	c, err := acl.New(ctx, w.chain.Client(), w.chain.Registry(), key, nil)
	if err != nil {
		return 0, 0, err
	}
	stored := 0
	once := func(ctx context.Context) error {
		dir, err := os.MkdirTemp("", "bench-scale-proxy-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		p, err := proxy.New(proxy.Config{
			Dir: dir, Account: key, Chain: proxy.RegistryChain{C: c}, Bundles: noBundles{},
			Domain: proxyapi.Domain{ChainID: big.NewInt(devchain.ChainID), Registry: w.chain.Registry()},
			Logger: slog.New(slog.DiscardHandler),
		})
		if err != nil {
			return err
		}
		fl := c.Follower(&acl.MemoryCursor{})
		// As proxy.Run sets it up: its own grants, and reorgs noticed.
		fl.Start, fl.Proxy, fl.ProxyDatasets, fl.Undo = w.chain.DeployBlock(), p.Address(), p.Datasets, p.UndoEvent
		stored = 0
		_, err = fl.Poll(ctx, func(ctx context.Context, ev acl.Event) error {
			if _, ok := ev.Granted(); ok {
				stored++
			}
			return p.HandleEvent(ctx, ev)
		})
		return err
	}
	p50, err := measure(ctx, o, once)
	return p50, stored, err
}
