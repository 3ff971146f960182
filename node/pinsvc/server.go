// Package pinsvc replicates pdx's pins through the IPFS Pinning Service
// API (spec: PINSVC.md): a Server that puts the API in front of a kubo
// node, and a Replicator that keeps an owner's pins mirrored on any
// service that speaks the API (this Server, IPFS Cluster's, a commercial
// one), through boxo's client.
//
// An owner's own node holds the only copy of their ciphertext unless
// something else pins it; a pinning service is how a second machine, or a
// provider, keeps a copy without pdx inventing its own replication.
package pinsvc

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ipfs/go-cid"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/pdx-network/pdx/internal/fsutil"
	"github.com/pdx-network/pdx/node/storage"
)

// StateVersion is the version of the server's state file (PINSVC.md).
const StateVersion = 1

// stateFile holds every pin request, rewritten atomically on each change.
const stateFile = "requests.json"

// Limits of the API (PINSVC.md).
const (
	maxNameLen   = 255
	maxLimit     = 1000
	defaultLimit = 10
	maxCIDFilter = 10
	maxOrigins   = 20
	maxBody      = 64 << 10
)

// Statuses of a pin request.
const (
	StatusQueued  = "queued"
	StatusPinning = "pinning"
	StatusPinned  = "pinned"
	StatusFailed  = "failed"
)

// Errors a caller can test with errors.Is.
var (
	// ErrConfig: the server's configuration is incomplete.
	ErrConfig = errors.New("pinsvc: invalid configuration")
	// ErrState: the state file cannot be read as this version's.
	ErrState = errors.New("pinsvc: damaged state file")
)

// Config configures a Server.
type Config struct {
	// Store is the IPFS node pins are made on (required).
	Store storage.Store
	// Dir holds the server's state (required, created 0700).
	Dir string
	// Token is the bearer token clients must send (required: a pinning
	// service without one would pin anything for anybody).
	Token string
	// PinTimeout bounds one pin, fetch included (default 10 minutes); a
	// pin that takes longer fails and says so in its info.
	PinTimeout time.Duration
	// Workers is how many pins are fetched at once (default 4).
	Workers int
	Logger  *slog.Logger
}

// Pin is the API's Pin object.
type Pin struct {
	CID     string            `json:"cid"`
	Name    string            `json:"name,omitempty"`
	Origins []string          `json:"origins,omitempty"`
	Meta    map[string]string `json:"meta,omitempty"`
}

// PinStatus is the API's PinStatus object; also one record of the state
// file.
type PinStatus struct {
	RequestID string            `json:"requestid"`
	Status    string            `json:"status"`
	Created   time.Time         `json:"created"`
	Pin       Pin               `json:"pin"`
	Delegates []string          `json:"delegates"`
	Info      map[string]string `json:"info,omitempty"`
}

// PinResults is the answer to GET /pins.
type PinResults struct {
	Count   int         `json:"count"`
	Results []PinStatus `json:"results"`
}

// Failure is every error answer's body.
type Failure struct {
	Error FailureError `json:"error"`
}

// FailureError says what went wrong: a machine-readable reason and details
// for people.
type FailureError struct {
	Reason  string `json:"reason"`
	Details string `json:"details,omitempty"`
}

type state struct {
	Version  int          `json:"version"`
	Requests []*PinStatus `json:"requests"`
}

// Server serves the Pinning Service API over one kubo node.
type Server struct {
	cfg  Config
	log  *slog.Logger
	mu   sync.Mutex
	reqs map[string]*PinStatus
	last time.Time // the latest Created handed out, kept strictly increasing

	ctx    context.Context
	cancel context.CancelFunc
	queue  chan string
	wg     sync.WaitGroup
}

// New opens the server's state and resumes the pins that were queued or
// in progress when it last stopped.
func New(ctx context.Context, cfg Config) (*Server, error) {
	switch {
	case cfg.Store == nil:
		return nil, fmt.Errorf("%w: no IPFS store", ErrConfig)
	case cfg.Dir == "":
		return nil, fmt.Errorf("%w: no state directory", ErrConfig)
	case cfg.Token == "":
		return nil, fmt.Errorf("%w: no bearer token: give the service a token clients must send", ErrConfig)
	}
	if cfg.PinTimeout <= 0 {
		cfg.PinTimeout = 10 * time.Minute
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("pinsvc: creating %s: %w", cfg.Dir, err)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, reqs: map[string]*PinStatus{}}
	if err := s.load(); err != nil {
		return nil, err
	}
	s.ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.queue = make(chan string, 1024)
	for range cfg.Workers {
		s.wg.Add(1)
		go s.worker()
	}
	// Requests left queued or pinning are pinned again: kubo's pin is
	// idempotent, and the state said nothing was finished.
	var resume []*PinStatus
	for _, r := range s.reqs {
		if r.Status == StatusQueued || r.Status == StatusPinning {
			resume = append(resume, r)
		}
	}
	slices.SortFunc(resume, func(a, b *PinStatus) int { return a.Created.Compare(b.Created) })
	go func() {
		for _, r := range resume {
			select {
			case s.queue <- r.RequestID:
			case <-s.ctx.Done():
				return
			}
		}
	}()
	return s, nil
}

// Close stops the workers; unfinished pins resume at the next New.
func (s *Server) Close() error {
	s.cancel()
	s.wg.Wait()
	return nil
}

func (s *Server) load() error {
	raw, err := os.ReadFile(filepath.Join(s.cfg.Dir, stateFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pinsvc: reading the state: %w", err)
	}
	var st state
	if err := json.Unmarshal(raw, &st); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrState, stateFile, err)
	}
	if st.Version != StateVersion {
		return fmt.Errorf("%w: %s is version %d, this pdx reads version %d", ErrState, stateFile, st.Version, StateVersion)
	}
	for _, r := range st.Requests {
		if r == nil || r.RequestID == "" {
			return fmt.Errorf("%w: %s holds a request without an id", ErrState, stateFile)
		}
		if _, err := cid.Parse(r.Pin.CID); err != nil {
			return fmt.Errorf("%w: request %s: cid %q: %v", ErrState, r.RequestID, r.Pin.CID, err)
		}
		s.reqs[r.RequestID] = r
		if r.Created.After(s.last) {
			s.last = r.Created
		}
	}
	return nil
}

// saveLocked writes the state durably; the caller holds s.mu.
func (s *Server) saveLocked() error {
	st := state{Version: StateVersion, Requests: make([]*PinStatus, 0, len(s.reqs))}
	for _, r := range s.reqs {
		st.Requests = append(st.Requests, r)
	}
	slices.SortFunc(st.Requests, func(a, b *PinStatus) int { return a.Created.Compare(b.Created) })
	raw, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return fsutil.WriteFileAtomic(filepath.Join(s.cfg.Dir, stateFile), raw, 0o600)
}

// Handler is the HTTP API: /pins and /pins/{requestid} behind the bearer
// token, /healthz without it.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /pins", s.auth(s.list))
	mux.Handle("POST /pins", s.auth(s.add))
	mux.Handle("GET /pins/{requestid}", s.auth(s.get))
	mux.Handle("POST /pins/{requestid}", s.auth(s.replace))
	mux.Handle("DELETE /pins/{requestid}", s.auth(s.remove))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "NOT_FOUND", "no such endpoint: the API serves /pins and /pins/{requestid}")
	})
	return mux
}

func (s *Server) auth(h http.HandlerFunc) http.Handler {
	want := []byte("Bearer " + s.cfg.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("Authorization"))
		if subtle.ConstantTimeCompare(got, want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="pdx pinning service"`)
			fail(w, http.StatusUnauthorized, "UNAUTHORIZED", "send the service's token as Authorization: Bearer <token>")
			return
		}
		h(w, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if _, err := s.cfg.Store.Self(ctx); err != nil {
		fail(w, http.StatusServiceUnavailable, "IPFS_UNAVAILABLE", "the IPFS node does not answer: "+err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func fail(w http.ResponseWriter, code int, reason, details string) {
	writeJSON(w, code, Failure{Error: FailureError{Reason: reason, Details: details}})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// delegates are the node's multiaddrs with its peer id, for clients to
// connect to.
func (s *Server) delegates(ctx context.Context) []string {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	self, err := s.cfg.Store.Self(ctx)
	if err != nil {
		return []string{}
	}
	out := make([]string, 0, len(self.Addrs))
	for _, a := range self.Addrs {
		out = append(out, a.String()+"/p2p/"+self.ID.String())
	}
	return out
}

func (s *Server) view(ctx context.Context, r *PinStatus) PinStatus {
	v := *r
	v.Delegates = s.delegates(ctx)
	return v
}

// checkPin validates a Pin from a client.
func checkPin(p *Pin) (cid.Cid, error) {
	c, err := cid.Parse(p.CID)
	if err != nil {
		return cid.Undef, fmt.Errorf("cid %q is not a CID: %v", p.CID, err)
	}
	if len(p.Name) > maxNameLen {
		return cid.Undef, fmt.Errorf("name is %d bytes, at most %d", len(p.Name), maxNameLen)
	}
	if len(p.Origins) > maxOrigins {
		return cid.Undef, fmt.Errorf("%d origins, at most %d", len(p.Origins), maxOrigins)
	}
	for _, o := range p.Origins {
		if _, err := ma.NewMultiaddr(o); err != nil {
			return cid.Undef, fmt.Errorf("origin %q is not a multiaddr: %v", o, err)
		}
	}
	return c, nil
}

func readPin(w http.ResponseWriter, r *http.Request) (*Pin, bool) {
	var p Pin
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	if err := dec.Decode(&p); err != nil {
		fail(w, http.StatusBadRequest, "BAD_REQUEST", "the body must be a Pin object: "+err.Error())
		return nil, false
	}
	if _, err := checkPin(&p); err != nil {
		fail(w, http.StatusBadRequest, "BAD_REQUEST", err.Error())
		return nil, false
	}
	return &p, true
}

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// enqueueLocked records a new request; the caller holds s.mu and saves.
func (s *Server) enqueueLocked(p *Pin) *PinStatus {
	now := time.Now().UTC()
	if !now.After(s.last) {
		now = s.last.Add(time.Microsecond) // created must be unique: it pages GET /pins
	}
	now = now.Truncate(time.Microsecond)
	s.last = now
	r := &PinStatus{RequestID: newRequestID(), Status: StatusQueued, Created: now, Pin: *p}
	s.reqs[r.RequestID] = r
	return r
}

func (s *Server) add(w http.ResponseWriter, r *http.Request) {
	p, ok := readPin(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	rec := s.enqueueLocked(p)
	err := s.saveLocked()
	v := *rec
	s.mu.Unlock()
	if err != nil {
		fail(w, http.StatusInternalServerError, "INTERNAL", "recording the request: "+err.Error())
		return
	}
	s.submit(rec.RequestID)
	v.Delegates = s.delegates(r.Context())
	writeJSON(w, http.StatusAccepted, v)
}

func (s *Server) submit(id string) {
	select {
	case s.queue <- id:
	case <-s.ctx.Done():
	}
}

func (s *Server) get(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	rec, ok := s.reqs[r.PathValue("requestid")]
	var v PinStatus
	if ok {
		v = *rec
	}
	s.mu.Unlock()
	if !ok {
		fail(w, http.StatusNotFound, "NOT_FOUND", "no pin request "+r.PathValue("requestid"))
		return
	}
	writeJSON(w, http.StatusOK, s.view(r.Context(), &v))
}

// replace records the new pin and removes the old request; the old CID is
// unpinned once the new one is pinned, so blocks both share are never
// collectable in between.
func (s *Server) replace(w http.ResponseWriter, r *http.Request) {
	old := r.PathValue("requestid")
	p, ok := readPin(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	prev, exists := s.reqs[old]
	if !exists {
		s.mu.Unlock()
		fail(w, http.StatusNotFound, "NOT_FOUND", "no pin request "+old)
		return
	}
	rec := s.enqueueLocked(p)
	if rec.Info == nil {
		rec.Info = map[string]string{}
	}
	rec.Info["replaces"] = prev.RequestID
	rec.Info["replaces_cid"] = prev.Pin.CID
	delete(s.reqs, old)
	err := s.saveLocked()
	v := *rec
	s.mu.Unlock()
	if err != nil {
		fail(w, http.StatusInternalServerError, "INTERNAL", "recording the request: "+err.Error())
		return
	}
	s.submit(rec.RequestID)
	v.Delegates = s.delegates(r.Context())
	writeJSON(w, http.StatusAccepted, v)
}

func (s *Server) remove(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("requestid")
	s.mu.Lock()
	rec, ok := s.reqs[id]
	if !ok {
		s.mu.Unlock()
		fail(w, http.StatusNotFound, "NOT_FOUND", "no pin request "+id)
		return
	}
	delete(s.reqs, id)
	err := s.saveLocked()
	c := rec.Pin.CID
	still := s.referencedLocked(c)
	s.mu.Unlock()
	if err != nil {
		fail(w, http.StatusInternalServerError, "INTERNAL", "recording the removal: "+err.Error())
		return
	}
	if !still {
		s.unpin(r.Context(), c)
	}
	w.WriteHeader(http.StatusAccepted)
}

// referencedLocked reports whether another request still wants c pinned.
func (s *Server) referencedLocked(c string) bool {
	for _, r := range s.reqs {
		if r.Pin.CID == c && r.Status != StatusFailed {
			return true
		}
	}
	return false
}

func (s *Server) unpin(ctx context.Context, c string) {
	id, err := cid.Parse(c)
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	if err := s.cfg.Store.Unpin(ctx, id); err != nil && !errors.Is(err, storage.ErrNotPinned) {
		s.log.Warn("unpinning a removed request's CID failed; it stays until unpinned by hand", "cid", c, "err", err)
	}
}

// list answers GET /pins: filters, newest first, count of all matches.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := parseFilter(q)
	if err != nil {
		fail(w, http.StatusBadRequest, "BAD_REQUEST", err.Error())
		return
	}
	s.mu.Lock()
	var match []PinStatus
	for _, rec := range s.reqs {
		if f.matches(rec) {
			match = append(match, *rec)
		}
	}
	s.mu.Unlock()
	slices.SortFunc(match, func(a, b PinStatus) int { return b.Created.Compare(a.Created) })
	res := PinResults{Count: len(match), Results: []PinStatus{}}
	if len(match) > f.limit {
		match = match[:f.limit]
	}
	if len(match) > 0 {
		dl := s.delegates(r.Context())
		for i := range match {
			match[i].Delegates = dl
		}
		res.Results = match
	}
	writeJSON(w, http.StatusOK, res)
}

type filter struct {
	cids          map[string]bool
	name, match   string
	status        map[string]bool
	before, after *time.Time
	limit         int
	meta          map[string]string
}

func parseFilter(q map[string][]string) (*filter, error) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	f := &filter{limit: defaultLimit, status: map[string]bool{StatusPinned: true}, match: "exact"}
	if v := get("cid"); v != "" {
		f.cids = map[string]bool{}
		parts := strings.Split(v, ",")
		if len(parts) > maxCIDFilter {
			return nil, fmt.Errorf("cid filter names %d CIDs, at most %d", len(parts), maxCIDFilter)
		}
		for _, p := range parts {
			c, err := cid.Parse(p)
			if err != nil {
				return nil, fmt.Errorf("cid filter %q is not a CID: %v", p, err)
			}
			f.cids[c.String()] = true
		}
	}
	f.name = get("name")
	if len(f.name) > maxNameLen {
		return nil, fmt.Errorf("name filter is longer than %d", maxNameLen)
	}
	if m := get("match"); m != "" {
		switch m {
		case "exact", "iexact", "partial", "ipartial":
			f.match = m
		default:
			return nil, fmt.Errorf("match %q: want exact, iexact, partial or ipartial", m)
		}
	}
	if v := get("status"); v != "" {
		f.status = map[string]bool{}
		for _, st := range strings.Split(v, ",") {
			switch st {
			case StatusQueued, StatusPinning, StatusPinned, StatusFailed:
				f.status[st] = true
			default:
				return nil, fmt.Errorf("status %q: want queued, pinning, pinned or failed", st)
			}
		}
	}
	for _, k := range []string{"before", "after"} {
		if v := get(k); v != "" {
			t, err := time.Parse(time.RFC3339Nano, v)
			if err != nil {
				return nil, fmt.Errorf("%s %q is not an RFC 3339 time: %v", k, v, err)
			}
			if k == "before" {
				f.before = &t
			} else {
				f.after = &t
			}
		}
	}
	if v := get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return nil, fmt.Errorf("limit %q: want a whole number from 1 to %d", v, maxLimit)
		}
		f.limit = n
	}
	if v := get("meta"); v != "" {
		if err := json.Unmarshal([]byte(v), &f.meta); err != nil {
			return nil, fmt.Errorf("meta %q is not a JSON object of strings: %v", v, err)
		}
	}
	return f, nil
}

func (f *filter) matches(r *PinStatus) bool {
	if !f.status[r.Status] {
		return false
	}
	if f.cids != nil {
		c, err := cid.Parse(r.Pin.CID)
		if err != nil || !f.cids[c.String()] {
			return false
		}
	}
	if f.name != "" {
		n, want := r.Pin.Name, f.name
		if f.match == "iexact" || f.match == "ipartial" {
			n, want = strings.ToLower(n), strings.ToLower(want)
		}
		if f.match == "exact" || f.match == "iexact" {
			if n != want {
				return false
			}
		} else if !strings.Contains(n, want) {
			return false
		}
	}
	if f.before != nil && !r.Created.Before(*f.before) {
		return false
	}
	if f.after != nil && !r.Created.After(*f.after) {
		return false
	}
	for k, v := range f.meta {
		if r.Pin.Meta[k] != v {
			return false
		}
	}
	return true
}

func (s *Server) worker() {
	defer s.wg.Done()
	for {
		select {
		case <-s.ctx.Done():
			return
		case id := <-s.queue:
			s.pin(id)
		}
	}
}

// setStatus updates a request still present and saves; it reports whether
// the request still exists.
func (s *Server) setStatus(id, status string, info map[string]string) (*PinStatus, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.reqs[id]
	if !ok {
		return nil, false
	}
	rec.Status = status
	for k, v := range info {
		if rec.Info == nil {
			rec.Info = map[string]string{}
		}
		rec.Info[k] = v
	}
	if err := s.saveLocked(); err != nil {
		s.log.Error("saving the pinning service's state failed", "err", err)
	}
	cp := *rec
	return &cp, true
}

// pin fetches and pins one request: it first connects to the origins the
// client gave (the client's own node, usually), so the blocks come
// straight from there without any routing.
func (s *Server) pin(id string) {
	rec, ok := s.setStatus(id, StatusPinning, nil)
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(s.ctx, s.cfg.PinTimeout)
	defer cancel()
	c, err := cid.Parse(rec.Pin.CID)
	if err == nil {
		for _, o := range rec.Pin.Origins {
			ai, perr := storage.ParsePeer(o)
			if perr != nil {
				continue // an origin without /p2p/: nothing to dial
			}
			cctx, ccancel := context.WithTimeout(ctx, 15*time.Second)
			if cerr := s.cfg.Store.Connect(cctx, ai); cerr != nil {
				s.log.Debug("connecting to an origin failed", "origin", o, "err", cerr)
			}
			ccancel()
		}
		err = s.cfg.Store.Pin(ctx, c, rec.Pin.Name)
	}
	if s.ctx.Err() != nil {
		return // stopping: the request stays "pinning" and resumes at the next start
	}
	if err != nil {
		s.log.Warn("pin failed", "requestid", id, "cid", rec.Pin.CID, "err", err)
		s.setStatus(id, StatusFailed, map[string]string{"status_details": err.Error()})
		return
	}
	now, ok := s.setStatus(id, StatusPinned, map[string]string{"pinned_at": time.Now().UTC().Format(time.RFC3339)})
	if !ok {
		// Removed while it was being pinned: undo the pin unless another
		// request wants the CID.
		s.mu.Lock()
		still := s.referencedLocked(rec.Pin.CID)
		s.mu.Unlock()
		if !still {
			s.unpin(s.ctx, rec.Pin.CID)
		}
		return
	}
	if now.Info["replaces_cid"] != "" && now.Info["replaces_cid"] != now.Pin.CID {
		s.mu.Lock()
		still := s.referencedLocked(now.Info["replaces_cid"])
		s.mu.Unlock()
		if !still {
			s.unpin(s.ctx, now.Info["replaces_cid"])
		}
	}
	s.log.Info("pinned", "requestid", id, "cid", rec.Pin.CID, "name", rec.Pin.Name)
}
