package proxy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/pdx-network/pdx/internal/errkind"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/pdx-network/pdx/acl"
)

// RunConfig is what Run needs to stand up a serving proxy. Standing one up
// takes the same steps wherever it happens (pdx proxy, the daemon's local
// proxies, the demo, the benchmark, the tests), and a step forgotten in one
// of them (the head subscription, the key schedule, confirmations) made
// that proxy behave unlike the others; Run is the one place they are taken.
type RunConfig struct {
	// Config is the proxy's; Chain defaults to RegistryChain{C: Client}
	// and Logger also receives Run's own messages.
	Config
	// Client is a Registry client of the proxy's own account: the proxy
	// registers through it and reads the chain and its events over its
	// backend. Required.
	Client *acl.Client
	// Listener serves the HTTP API; nil: Run listens on Listen. Run owns
	// it: it is closed when the proxy stops, or when Run fails.
	Listener net.Listener
	// Listen is the host:port to listen on when Listener is nil; default
	// 127.0.0.1:0 (any free port).
	Listen string
	// Endpoint is the URL registered on chain; default http://<bound address>.
	Endpoint string
	// Cursor keeps the event follower's position across restarts; nil:
	// in memory (every start reads from FromBlock).
	Cursor acl.Cursor
	// FromBlock is the first block read when Cursor holds no position yet.
	FromBlock uint64
	// Confirmations is how many blocks must be mined on top of an event's
	// block before the proxy acts on it (acl.Follower.Confirmations).
	Confirmations uint64
	// Poll is how often events are polled; default 500ms. Negative: Run
	// does not follow events in the background and the caller calls
	// Running.Poll (a benchmark that wants every grant applied before it
	// measures).
	Poll time.Duration
	// WrapHandler, when set, wraps the proxy's HTTP API before it is
	// served, so a test can delay, inspect or tamper with the requests and
	// answers of a proxy stood up exactly like every other one (instead of
	// assembling one by hand around the handler). Nil in pdx itself: the
	// API is Proxy.Handler as it is.
	WrapHandler func(http.Handler) http.Handler
}

// Running is a proxy that Run stood up: registered on chain, following the
// Registry's events, serving its HTTP API until its context ends or Close.
type Running struct {
	Proxy *Proxy
	// Addr is the bound host:port; Endpoint the URL registered on chain.
	Addr     net.Addr
	Endpoint string
	// Registered is true when this start sent a registration transaction.
	Registered bool
	// Head is the chain's head block when the proxy started; FollowFrom
	// the first block its follower reads, from the cursor when Resumed.
	Head       uint64
	FollowFrom uint64
	Resumed    bool

	follower *acl.Follower
	cursor   acl.Cursor
	pollMu   sync.Mutex
	stop     context.CancelFunc
	done     chan struct{}
	err      error
}

// Errors Run wraps its failures in, so a caller (the CLI) can tell them
// apart without parsing messages; the messages are the wrapped errors'.
var (
	// ErrUnavailable: the chain could not be read.
	ErrUnavailable = errors.New("proxy: the chain is unavailable")
	// ErrUnfunded: the proxy's account cannot pay for its registration.
	ErrUnfunded = errors.New("proxy: the account cannot pay for its registration")
	// ErrListen: the API's address could not be bound.
	ErrListen = errors.New("proxy: cannot listen")
	// ErrCursor: the follower's cursor could not be read.
	ErrCursor = errors.New("proxy: the event cursor cannot be read")
)

// kindErr is err, recognised by errors.Is as kind too.
type kindErr struct {
	kind error
	err  error
}

func (e *kindErr) Error() string        { return e.err.Error() }
func (e *kindErr) Unwrap() error        { return e.err }
func (e *kindErr) Is(target error) bool { return target == e.kind }

func kinded(kind, err error) error { return &kindErr{kind: kind, err: err} }

// Run opens the proxy, listens, registers its endpoint and current HPKE
// key on chain (sending nothing when the Registry has both already), and
// then follows the Registry's events (with cfg.Confirmations), the chain's
// heads and its HPKE key schedule while serving its API. It returns once
// the proxy serves; the proxy stops when ctx ends or Close is called.
func Run(ctx context.Context, cfg RunConfig) (*Running, error) {
	if cfg.Client == nil {
		return nil, errors.New("proxy: Run needs a Registry client of the proxy's account")
	}
	if cfg.Chain == nil {
		cfg.Chain = RegistryChain{C: cfg.Client}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Poll == 0 {
		cfg.Poll = 500 * time.Millisecond
	}
	if cfg.Cursor == nil {
		cfg.Cursor = &acl.MemoryCursor{}
	}
	log := cfg.Logger
	p, err := New(cfg.Config)
	if err != nil {
		if cfg.Listener != nil {
			cfg.Listener.Close()
		}
		return nil, err
	}
	ln := cfg.Listener
	if ln == nil {
		addr := cfg.Listen
		if addr == "" {
			addr = "127.0.0.1:0"
		}
		if ln, err = net.Listen("tcp", addr); err != nil {
			return nil, kinded(ErrListen, fmt.Errorf("listening on %s: %w", addr, err))
		}
	}
	r := &Running{Proxy: p, Addr: ln.Addr(), Endpoint: cfg.Endpoint, done: make(chan struct{})}
	if r.Endpoint == "" {
		r.Endpoint = "http://" + ln.Addr().String()
	}
	if err := r.setUp(ctx, cfg); err != nil {
		ln.Close()
		return nil, err
	}

	h := p.Handler()
	if cfg.WrapHandler != nil {
		h = cfg.WrapHandler(h)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	// runCtx also ends when the API fails or Close is called, so the
	// follower, the heads and the key schedule stop with it.
	runCtx, stopRun := context.WithCancel(ctx)
	r.stop = stopRun
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var wg sync.WaitGroup
	if cfg.Poll > 0 {
		fm := newFollowerMetrics(p.Registry(), cfg.Cursor, r.FollowFrom)
		wg.Go(func() { follow(runCtx, r, fm, cfg.Poll, log) })
	}
	wg.Go(func() {
		if err := p.FollowHeads(runCtx); errors.Is(err, ErrNoHeadPush) {
			// Over plain HTTP the chain cannot push, and the proxy reads
			// the head per request instead: correct, but a round trip more.
			log.Info("the chain endpoint cannot push new heads: reading the head per request (a ws:// endpoint saves that round trip)")
		}
	})
	wg.Go(func() { _ = p.RunKeyRotation(runCtx) }) // logs its own failures and retries
	go func() {
		defer close(r.done)
		var serveErr error
		select {
		case <-runCtx.Done():
		case serveErr = <-served:
		}
		shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
		stopRun()
		wg.Wait()
		if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
			r.err = fmt.Errorf("serving the proxy's API: %w", serveErr)
		}
	}()
	return r, nil
}

// setUp registers the proxy and prepares its follower.
func (r *Running) setUp(ctx context.Context, cfg RunConfig) error {
	registered, err := register(ctx, r.Proxy, cfg.Client, r.Endpoint)
	if err != nil {
		return err
	}
	r.Registered = registered
	next, resumed, err := cfg.Cursor.Load(ctx)
	if err != nil {
		return kinded(ErrCursor, fmt.Errorf("%w (in %s)", err, cfg.Dir))
	}
	if !resumed {
		next = cfg.FromBlock
	}
	r.FollowFrom, r.Resumed = next, resumed
	if r.Head, err = cfg.Client.BlockNumber(ctx); err != nil {
		return kinded(ErrUnavailable, fmt.Errorf("reading the head block: %w", err))
	}
	r.follower = cfg.Client.Follower(cfg.Cursor)
	r.follower.Start = cfg.FromBlock
	r.follower.Confirmations = cfg.Confirmations
	// Only the grants that name this proxy (GrantedVia), and the events
	// that end them: a grant no event named it in is found on demand
	// when its grantee asks (discover.go).
	r.follower.Proxy = r.Proxy.Address()
	// Of the revocations and erasures, those of its own grants' datasets.
	r.follower.ProxyDatasets = r.Proxy.Datasets
	// A reorg deeper than the confirmations takes back what it removed.
	r.follower.Undo = r.Proxy.UndoEvent
	r.cursor = cfg.Cursor
	r.Proxy.confirmations = cfg.Confirmations
	r.Proxy.noteFollowed(max(next, 1))
	return nil
}

// Poll handles the Registry's events up to the chain's head once, for a
// proxy run with a negative Poll, and reports how many it handled.
func (r *Running) Poll(ctx context.Context) (int, error) {
	r.pollMu.Lock()
	defer r.pollMu.Unlock()
	n, err := r.follower.Poll(ctx, r.Proxy.HandleEvent)
	r.noteFollowed(ctx)
	return n, err
}

// noteFollowed tells the proxy where its follower stands (the cursor),
// so it looks up on demand only grants in blocks the follower has not
// reached.
func (r *Running) noteFollowed(ctx context.Context) {
	if next, ok, err := r.cursor.Load(ctx); err == nil && ok {
		r.Proxy.noteFollowed(max(next, 1))
	}
}

// Wait blocks until the proxy has stopped (its context ended, Close, or its
// API failed) and returns the API's failure, or nil.
func (r *Running) Wait() error {
	<-r.done
	return r.err
}

// Close stops the proxy: its API shuts down (requests in flight get up to
// 10 seconds), its follower, head subscription and key schedule end.
func (r *Running) Close() error {
	r.stop()
	return r.Wait()
}

// follow polls the Registry's events until ctx ends. A failed poll (the
// chain unreachable, a kfrag that cannot be stored) is logged and retried
// from the same cursor: a proxy must outlive a chain node's restart.
func follow(ctx context.Context, r *Running, fm *followerMetrics, interval time.Duration, log *slog.Logger) {
	failing := false
	for {
		n, err := r.follower.Poll(ctx, r.Proxy.HandleEvent)
		r.noteFollowed(ctx)
		if ctx.Err() != nil {
			return
		}
		switch {
		case err != nil:
			fm.errors.Inc()
			if !failing {
				log.Warn("following Registry events failed; retrying", "err", err)
			}
			failing = true
		default:
			if failing {
				log.Info("following Registry events again")
			}
			failing = false
			if n > 0 {
				log.Info("Registry events handled", "events", n)
			}
		}
		fm.update(ctx)
		select {
		case <-ctx.Done():
			return
		case <-time.After(interval):
		}
	}
}

// register records the proxy's endpoint and current HPKE key on chain
// unless the Registry has exactly those already. It reports whether it sent
// a transaction, and says plainly when the account cannot pay for one.
// Either way the proxy learns how to register the keys of later rotations.
func register(ctx context.Context, p *Proxy, c *acl.Client, endpoint string) (bool, error) {
	cur, err := c.ProxyOf(ctx, p.Address())
	if err == nil && cur.Endpoint == endpoint && bytes.Equal(cur.HPKEKey, p.HPKEPublicKey()) {
		if err := p.Register(ctx, c, endpoint); err != nil { // sends nothing
			return false, kinded(ErrUnavailable, fmt.Errorf("reading the proxy's registration: %w", err))
		}
		return false, nil
	}
	if err != nil && !errors.Is(err, acl.ErrUnknownProxy) {
		return false, kinded(ErrUnavailable, fmt.Errorf("reading the proxy's registration: %w", err))
	}
	// A chain connection that reads balances (ethclient and the dev
	// chain's clients do) names an unfunded account before it fails.
	bal, err := c.EtherBalance(ctx, p.Address())
	switch {
	case errors.Is(err, acl.ErrUnsupported):
		bal = nil
	case err != nil:
		return false, kinded(ErrUnavailable, fmt.Errorf("reading the proxy account's balance: %w", err))
	case bal.Sign() == 0:
		return false, unfunded(p.Address(), bal, nil)
	}
	if err := p.Register(ctx, c, endpoint); err != nil {
		if strings.Contains(err.Error(), "insufficient funds") {
			return false, unfunded(p.Address(), bal, err)
		}
		return false, fmt.Errorf("registering the proxy on chain: %w", err)
	}
	return true, nil
}

func unfunded(addr common.Address, bal *big.Int, err error) error {
	held := "too little"
	if bal != nil {
		held = bal.String()
	}
	msg := fmt.Sprintf("the proxy's account %s holds %s wei and cannot pay for its registration: send it some ether (a registration costs well under 0.01 ETH at usual fees) and start again", addr.Hex(), held)
	if err != nil {
		msg += " (" + err.Error() + ")"
	}
	return kinded(ErrUnfunded, errors.New(msg))
}

// followerMetrics show on /metrics where the follower is, so an operator
// (or a test) can tell a proxy that resumed from its cursor from one that
// re-read the chain from the start.
type followerMetrics struct {
	start  prometheus.Gauge
	next   prometheus.Gauge
	errors prometheus.Counter
	cursor acl.Cursor
}

func newFollowerMetrics(reg *prometheus.Registry, cursor acl.Cursor, start uint64) *followerMetrics {
	m := &followerMetrics{
		cursor: cursor,
		start: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "pdx_proxy_follower_start_block",
			Help: "The block this process's event follower started reading at (its cursor, or --from-block).",
		}),
		next: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "pdx_proxy_follower_next_block",
			Help: "The next block the event follower will read.",
		}),
		errors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "pdx_proxy_follower_errors_total",
			Help: "Polls of the Registry's events that failed and were retried.",
		}),
	}
	m.start.Set(float64(start))
	m.next.Set(float64(start))
	reg.MustRegister(m.start, m.next, m.errors)
	return m
}

func (m *followerMetrics) update(ctx context.Context) {
	if next, ok, err := m.cursor.Load(ctx); err == nil && ok {
		m.next.Set(float64(next))
	}
}

// MarkKind marks an error of Run (or of opening a proxy) with the kind of
// failure it is, so that every caller — pdx proxy, the daemon's local
// proxies — gives the same failure the same exit status: a damaged key or
// cursor file, an unfunded account (refused), an address in use
// (conflict), an unreachable chain. Other errors are returned as they are.
func MarkKind(err error) error {
	switch {
	case errors.Is(err, ErrKeyFile), errors.Is(err, ErrCursor):
		return errkind.Mark(err, errkind.Damaged)
	case errors.Is(err, ErrUnfunded):
		return errkind.Mark(err, errkind.Refused)
	case errors.Is(err, ErrListen):
		return errkind.Mark(err, errkind.Conflict)
	case errors.Is(err, ErrUnavailable):
		return errkind.Mark(err, errkind.Unavailable)
	}
	return err
}
