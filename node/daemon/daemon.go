// Package daemon is the pdx daemon's HTTP API as a library: JSON over
// loopback, behind the bearer token of the pdx home, in front of a
// service.Service. It keeps the two pieces of local state the chain does not
// hold — the dataset index (local name ↔ id on chain, versions, offer terms)
// and a durable journal of everything it did — in the pdx home. The routes,
// their bodies and the error codes are in docs/api.md and in the OpenAPI
// document served at /openapi.json.
package daemon

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon/web"
	"github.com/pdx-network/pdx/node/service"
)

// Names of the daemon's files inside the pdx home (FORMATS.md). They live
// in their own directory: datasets/ holds only salt files, one per name.
const (
	StateDir = "daemon"
	// IndexDir is the index's key-value store (format 2).
	IndexDir = "index"
	// IndexFile is the index of format 1, migrated into IndexDir on the
	// first start that finds it.
	IndexFile   = "index.json"
	JournalFile = "journal.jsonl"
)

//go:embed openapi.json
var openAPI []byte

// Config wires a Daemon.
type Config struct {
	Home    *home.Unlocked
	Config  *config.Config
	Service *service.Service
	// Datasets is the name ↔ chain id index; nil opens
	// <home>/daemon/index/ (migrating <home>/daemon/index.json), and
	// Close closes it.
	Datasets *Index
	// Journal is the local log; nil opens <home>/daemon/journal.jsonl.
	Journal *Journal
	Logger  *slog.Logger
	// Token is the bearer token every route but /healthz, /openapi.json,
	// /ui/ and GET /v1/network
	// requires (the home's api.token).
	Token string
	// Crash, when set, is called between the durable steps the daemon
	// itself takes ("create:mined", "put:registered"); see
	// service.Config.Crash.
	Crash func(point string)
	// StallTimeout is how long a request body may send nothing while the
	// daemon waits for it, and a response may go unread while the daemon
	// writes it, before the connection is dropped (default 1 minute). It
	// bounds no transfer as a whole: a put or get of any size goes on as
	// long as bytes keep moving.
	StallTimeout time.Duration
	// Network, when set, answers GET /v1/network: what a home needs to
	// join this daemon's network (pdx network, pdx init --join).
	Network func(ctx context.Context) (*config.Network, error)
	// Faucet, when set, tops accounts up on the daemon's embedded dev
	// chain (POST /v1/fund, pdx fund); nil on any other chain, where the
	// route refuses.
	Faucet Faucet
}

// Daemon serves the API.
type Daemon struct {
	cfg     Config
	h       *home.Unlocked
	conf    *config.Config
	s       *service.Service
	index   *Index
	ownsIx  bool // opened the index, so Close closes it
	journal *Journal
	log     *slog.Logger
	token   []byte
	terms   *termsCache // offers' terms texts read from IPFS
	book    bookCache   // the last terms book built (terms.go)

	// mu serialises the owner's changes: each is several steps over the
	// home, the chain and the index that must not interleave.
	mu sync.Mutex

	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	mux      *http.ServeMux
	routes   []Route
}

// Route is one served route, as registered on the mux.
type Route struct {
	Method string
	Path   string
	Auth   bool
}

// Errors of New.
var ErrConfig = errors.New("daemon: incomplete configuration")

// New makes a daemon. It opens the index and the journal but starts
// nothing: serve Handler on a loopback listener.
func New(ctx context.Context, cfg Config) (*Daemon, error) {
	if cfg.Home == nil || cfg.Service == nil {
		return nil, fmt.Errorf("%w: Home and Service are required", ErrConfig)
	}
	if len(cfg.Token) < 32 {
		return nil, fmt.Errorf("%w: the API token must be at least 32 characters (the home's api.token)", ErrConfig)
	}
	if cfg.Config == nil {
		cfg.Config = config.Default()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.StallTimeout <= 0 {
		cfg.StallTimeout = time.Minute
	}
	var err error
	ownsIx := cfg.Datasets == nil
	if cfg.Journal == nil {
		if cfg.Journal, err = OpenJournal(filepath.Join(cfg.Home.Dir(), StateDir, JournalFile)); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ownsIx {
		state := filepath.Join(cfg.Home.Dir(), StateDir)
		if cfg.Datasets, err = OpenIndex(filepath.Join(state, IndexDir), filepath.Join(state, IndexFile)); err != nil {
			return nil, err
		}
		if cfg.Datasets.Migrated != "" {
			cfg.Logger.Info("moved the dataset index into its store; the old file is kept as a backup",
				"store", cfg.Datasets.Path(), "backup", cfg.Datasets.Migrated+IndexBackupSuffix)
		}
		if cfg.Datasets.Rebuilt {
			cfg.Logger.Warn("the dataset index was damaged or of another version and starts empty: the start rebuilds it from the chain and the journal",
				"store", cfg.Datasets.Path())
		}
	}
	d := &Daemon{terms: newTermsCache(), ownsIx: ownsIx,
		cfg: cfg, h: cfg.Home, conf: cfg.Config, s: cfg.Service, index: cfg.Datasets,
		journal: cfg.Journal, log: cfg.Logger, token: []byte(cfg.Token),
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pdx_daemon_requests_total", Help: "API requests by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "pdx_daemon_request_seconds", Help: "API request latency by route.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 15),
		}, []string{"route"}),
	}
	d.reg.MustRegister(d.requests, d.latency,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "pdx_daemon_datasets", Help: "Datasets in the local index."},
			func() float64 { return float64(d.index.Len()) }),
		collectors.NewGoCollector())
	d.routeAll()
	// A rotation or a reconcile re-makes a field grant with the fields'
	// current keys, which only the home derives.
	d.s.UseFieldKeys(homeKeys{d})
	return d, nil
}

// Index is the daemon's dataset index.
func (d *Daemon) Index() *Index { return d.index }

// Close closes the index when New opened it. Call it once nothing serves
// the daemon any more.
func (d *Daemon) Close() error {
	if !d.ownsIx {
		return nil
	}
	return d.index.Close()
}

// Journal is the daemon's journal.
func (d *Daemon) Journal() *Journal { return d.journal }

// Registry holds the daemon's metrics.
func (d *Daemon) Registry() *prometheus.Registry { return d.reg }

// Routes lists what the mux serves.
func (d *Daemon) Routes() []Route { return append([]Route(nil), d.routes...) }

// Handler is the whole API, behind the Host check (checkHost).
func (d *Daemon) Handler() http.Handler { return d.checkHost(d.mux) }

// Server is the http.Server to serve Handler with; base is every request's
// parent context.
//
// Its timeouts bound what a client that stalls can hold, without bounding
// a transfer: ReadHeaderTimeout drops a client that never finishes its
// headers (slowloris), IdleTimeout one that keeps a connection open between
// requests. There is no ReadTimeout or WriteTimeout: they bound the whole
// request or response, so a put of a large version (streamed in the body)
// or a get of one (streamed in the response) would be cut however steadily
// it moved. Worse, a ReadTimeout also expires the server's own read of the
// connection after the body, which cancels the request's context: a grant
// still waiting for its transaction to be mined would be abandoned. Instead
// each read of a request body and each write of a response must make
// progress within StallTimeout (see wrap).
func (d *Daemon) Server(base context.Context) *http.Server {
	return &http.Server{
		Handler:           d.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
}

// checkHost answers only requests addressed to this daemon by name: a
// loopback name (localhost, 127.0.0.1, [::1], with any port) or exactly
// the configured api.listen address. A web page cannot send those: with
// DNS rebinding, a page of evil.example whose name now resolves to
// 127.0.0.1 reaches the daemon, but its requests still say Host:
// evil.example, and are refused with 421 before any route (even /healthz)
// sees them.
func (d *Daemon) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d.allowedHost(r.Host) {
			next.ServeHTTP(w, r)
			return
		}
		d.requests.WithLabelValues("misdirected", strconv.Itoa(http.StatusMisdirectedRequest)).Inc()
		d.log.Warn("api: refused a request addressed to another host (DNS rebinding?)", "host", r.Host, "path", r.URL.Path)
		writeKind(w, errkind.Misdirected, fmt.Sprintf(
			"this daemon answers only requests addressed to a loopback name (localhost, 127.0.0.1, [::1]) or to its api.listen address %q, not to Host %q: use http://127.0.0.1:<port>/",
			d.conf.API.Listen, r.Host),
			"this daemon answers only requests addressed to 127.0.0.1, localhost or its own listen address: point the client at http://127.0.0.1:<port>/")
	})
}

func (d *Daemon) allowedHost(host string) bool {
	if host == "" {
		return false
	}
	if strings.EqualFold(host, d.conf.API.Listen) {
		return true
	}
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		name = host[1 : len(host)-1]
	}
	name = strings.TrimSuffix(strings.ToLower(name), ".")
	if name == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(name)
	return err == nil && ip.Zone() == "" && ip.Unmap().IsLoopback()
}

func (d *Daemon) routeAll() {
	d.mux = http.NewServeMux()
	add := func(method, path string, auth bool, h func(http.ResponseWriter, *http.Request) error) {
		d.routes = append(d.routes, Route{Method: method, Path: path, Auth: auth})
		d.mux.Handle(method+" "+path, d.wrap(method+" "+path, auth, h))
	}
	add("GET", "/healthz", false, d.healthz)
	add("GET", "/openapi.json", false, d.openapi)
	add("GET", "/metrics", true, d.metrics)
	add("POST", "/v1/datasets", true, d.createDataset)
	add("GET", "/v1/datasets", true, d.listDatasets)
	add("POST", "/v1/datasets/{name}/versions", true, d.put)
	add("POST", "/v1/datasets/{name}/grants", true, d.grant)
	add("DELETE", "/v1/datasets/{name}/grants/{grantee}", true, d.revoke)
	add("PUT", "/v1/datasets/{name}/grants/{grantee}/fields", true, d.grantFieldsEdit)
	add("POST", "/v1/datasets/{name}/offer", true, d.offer)
	add("GET", "/v1/datasets/{name}/description", true, d.getDescription)
	add("PUT", "/v1/datasets/{name}/description", true, d.putDescription)
	add("POST", "/v1/datasets/{name}/offer/withdraw", true, d.withdrawOffer)
	add("POST", "/v1/datasets/{name}/publish", true, d.publish)
	add("POST", "/v1/datasets/{name}/unpublish", true, d.unpublish)
	add("POST", "/v1/datasets/{name}/erase", true, d.erase)
	add("GET", "/v1/cids/{cid}", true, d.get)
	add("POST", "/v1/market/{dataset}/buy", true, d.buy)
	add("POST", "/v1/withdraw", true, d.withdraw)
	add("GET", "/v1/log", true, d.journalLog)
	add("GET", "/v1/datasets/{name}/grants", true, d.listGrants)
	add("POST", "/v1/datasets/{name}/rotate", true, d.rotate)
	add("GET", "/v1/market", true, d.market)
	add("GET", "/v1/policies", true, d.policies)
	add("POST", "/v1/market/{dataset}/refund", true, d.refund)
	add("GET", "/v1/purchases", true, d.purchases)
	add("GET", "/v1/granted", true, d.granted)
	add("GET", "/v1/receipts", true, d.receipts)
	add("POST", "/v1/export", true, d.export)
	// What a home needs to join is public (docs/api.md): a member must be
	// able to fetch it before it has a token of this daemon.
	add("GET", "/v1/network", false, d.network)
	add("POST", "/v1/fund", true, d.fund)
	// Source attestations (contracts/spec/attestation-v1.md).
	add("POST", "/v1/attest", true, d.attest)
	add("POST", "/v1/cids/{cid}/attestations", true, d.verifyAttestations)
	add("POST", "/v1/datasets/{name}/attestations", true, d.addAttestation)
	// Campaigns (campaigns.go).
	add("POST", "/v1/campaigns", true, d.createCampaign)
	add("GET", "/v1/campaigns", true, d.listCampaigns)
	add("GET", "/v1/campaigns/{id}", true, d.getCampaign)
	add("POST", "/v1/campaigns/{id}/join", true, d.joinCampaign)
	add("POST", "/v1/campaigns/{id}/close", true, d.closeCampaign)
	add("GET", "/v1/campaigns/{id}/data", true, d.campaignData)
	// The dashboard's files need no token: the page asks for it and sends
	// it with every API call.
	ui := web.Handler()
	add("GET", web.Prefix, false, func(w http.ResponseWriter, r *http.Request) error {
		ui.ServeHTTP(w, r)
		return nil
	})
	// Anything else: a JSON 404 the OpenAPI test can tell from a route's
	// own not_found; a browser pointed at the daemon finds the dashboard.
	d.mux.Handle("/", d.wrap("unmatched", false, func(w http.ResponseWriter, r *http.Request) error {
		if r.URL.Path == "/" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			http.Redirect(w, r, web.Prefix, http.StatusFound)
			return nil
		}
		return &routeError{}
	}))
}

type routeError struct{}

func (*routeError) Error() string {
	return "no such route: see /openapi.json for the routes this daemon serves"
}

// statusWriter remembers the status for metrics and whether anything was
// written, so a handler's error after streaming began is not answered twice.
// Before each write it gives the client StallTimeout to take the bytes.
type statusWriter struct {
	http.ResponseWriter
	rc     *http.ResponseController
	stall  time.Duration
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	// Not every ResponseWriter has deadlines (a test's recorder): then
	// there is no connection to protect either.
	_ = w.rc.SetWriteDeadline(time.Now().Add(w.stall))
	return w.ResponseWriter.Write(b)
}

// stallBody gives the client StallTimeout for each read of a request body:
// an upload that keeps sending goes on for as long as it takes, one that
// stops is dropped. The deadline is set when the handler asks for bytes,
// so a handler busy elsewhere (waiting for the chain, or its turn at the
// owner's lock) is never taken for a stalled client.
type stallBody struct {
	io.ReadCloser
	rc    *http.ResponseController
	stall time.Duration
}

func (b *stallBody) Read(p []byte) (int, error) {
	_ = b.rc.SetReadDeadline(time.Now().Add(b.stall))
	n, err := b.ReadCloser.Read(p)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		// Closed (under the deadline that just passed, so without reading
		// on), the body tells the server not to wait for the rest of it
		// before answering; the connection closes after the answer.
		_ = b.ReadCloser.Close()
		return n, fmt.Errorf("%w: the request body sent nothing for %s, so the request was abandoned", ErrBadRequest, b.stall)
	}
	if err != nil {
		// Past the body the server reads the connection itself, to notice
		// a client going away; a deadline left here would end that read
		// and cancel the request's context while the handler still works.
		_ = b.rc.SetReadDeadline(time.Time{})
	}
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (d *Daemon) wrap(route string, auth bool, h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rc := http.NewResponseController(rw)
		// A write deadline an earlier request on this connection left
		// must not cut this one before it writes.
		_ = rc.SetWriteDeadline(time.Time{})
		w := &statusWriter{ResponseWriter: rw, rc: rc, stall: d.cfg.StallTimeout}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = &stallBody{ReadCloser: r.Body, rc: rc, stall: d.cfg.StallTimeout}
			// Whatever of the body the handler left unread (up to 256 KiB),
			// the server reads before it answers, to reuse the connection:
			// one StallTimeout for that, then one to write the answer.
			defer func() {
				_ = rc.SetReadDeadline(time.Now().Add(d.cfg.StallTimeout))
				_ = rc.SetWriteDeadline(time.Now().Add(2 * d.cfg.StallTimeout))
			}()
		}
		defer func() {
			d.requests.WithLabelValues(route, strconv.Itoa(w.status)).Inc()
			d.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
		}()
		if auth && !d.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="pdx"`)
			writeKind(w, errkind.Unauthorized,
				"missing or wrong bearer token: send `Authorization: Bearer <token>` with the token in the pdx home's api.token",
				"the daemon refused the API token: it runs for another pdx home, or the home's api.token changed")
			return
		}
		err := h(w, r)
		if err == nil {
			d.log.Debug("api: request", "route", route, "status", w.status, "seconds", time.Since(start).Seconds())
			return
		}
		var re *routeError
		status, body := classify(err)
		if errors.As(err, &re) {
			status, body = apiError(errkind.NoRoute, APIError{Message: err.Error(),
				Human: "the daemon does not know this request: is it another pdx version than this command?"})
		}
		if w.status != 0 {
			// The response began (a stream): it cannot turn into an error
			// any more. Abort the connection so the client sees a
			// truncated response rather than a complete one.
			if errors.Is(err, context.Canceled) {
				// The client went away or the daemon stops: nobody is
				// left to tell, and nothing failed.
				d.log.Info("api: response cut short", "route", route, "err", err)
			} else {
				d.log.Error("api: failed after the response began", "route", route, "err", err)
			}
			panic(http.ErrAbortHandler)
		}
		lvl := slog.LevelInfo
		if status >= 500 {
			lvl = slog.LevelError
		}
		d.log.Log(r.Context(), lvl, "api: request failed", "route", route, "status", status, "code", body.Code, "err", err)
		writeError(w, status, body)
	})
}

func (d *Daemon) authorized(r *http.Request) bool {
	// The scheme is case-insensitive (RFC 9110); the token is not.
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), d.token) == 1
}

// healthz answers liveness to anyone on loopback; the account it serves
// only to a request with the token (the dashboard's header), since who runs
// this daemon is not for every local process or page to learn.
func (d *Daemon) healthz(w http.ResponseWriter, r *http.Request) error {
	body := map[string]any{"status": "ok"}
	if d.authorized(r) {
		body["address"] = d.s.Address().Hex()
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

func (d *Daemon) openapi(w http.ResponseWriter, _ *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(openAPI)
	return err
}

func (d *Daemon) metrics(w http.ResponseWriter, r *http.Request) error {
	promhttp.HandlerFor(d.reg, promhttp.HandlerOpts{}).ServeHTTP(w, r)
	return nil
}
