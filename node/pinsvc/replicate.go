package pinsvc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	pinclient "github.com/ipfs/boxo/pinning/remote/client"
	"github.com/ipfs/go-cid"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/pdx-network/pdx/node/storage"
)

// DefaultPrefix selects the pins a Replicator mirrors: every pin pdx makes
// is named "pdx/…" (dataset versions, kfrag bundles).
const DefaultPrefix = "pdx/"

// ReplicatorConfig configures a Replicator.
type ReplicatorConfig struct {
	// Local is the owner's IPFS node, whose pins are the truth (required).
	Local storage.Store
	// URL is the pinning service's API endpoint, e.g. http://pinsvc:8800
	// (required).
	URL string
	// Token is the service's bearer token.
	Token string
	// Prefix selects the local pins to mirror by name (default "pdx/").
	// Remote pins whose names lack it are never touched, so one account
	// may be shared with other uses.
	Prefix string
	// Interval is the time between full comparisons (default one minute);
	// a change through the wrapped store triggers one at once.
	Interval time.Duration
	Logger   *slog.Logger
}

// ErrReplicatorConfig: the replicator's configuration is incomplete.
var ErrReplicatorConfig = errors.New("pinsvc: invalid replicator configuration")

// Replicator keeps a pinning service's pins equal to the local node's pdx
// pins: what is pinned locally is requested remotely (with the local node
// as origin), what was unpinned locally (an erased dataset) is removed
// remotely, and failed remote pins are requested again. It compares the
// two sides rather than queueing changes, so a restart, a service that was
// away or a missed change are all repaired by the next comparison.
type Replicator struct {
	cfg    ReplicatorConfig
	client *pinclient.Client
	log    *slog.Logger
	kick   chan struct{}

	mu   sync.Mutex
	last SyncResult
}

// SyncResult is what one comparison did.
type SyncResult struct {
	Local   int // local pins under the prefix
	Added   int // requested on the service
	Removed int // removed from the service
	Pending int // requested earlier and not yet pinned there
	Failed  int // failed there (requested again)
	At      time.Time
	Err     error
}

// NewReplicator checks cfg and makes the service's client.
func NewReplicator(cfg ReplicatorConfig) (*Replicator, error) {
	if cfg.Local == nil {
		return nil, fmt.Errorf("%w: no local IPFS store", ErrReplicatorConfig)
	}
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: pinning service URL %q: want http(s)://host[:port][/path]", ErrReplicatorConfig, cfg.URL)
	}
	if cfg.Prefix == "" {
		cfg.Prefix = DefaultPrefix
	}
	if cfg.Interval <= 0 {
		cfg.Interval = time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Replicator{
		cfg:    cfg,
		client: pinclient.NewClient(strings.TrimRight(cfg.URL, "/"), cfg.Token),
		log:    cfg.Logger,
		kick:   make(chan struct{}, 1),
	}, nil
}

// Kick asks Run for a comparison now.
func (r *Replicator) Kick() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// Last is the latest comparison's result.
func (r *Replicator) Last() SyncResult {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}

// Run compares at start, on every Kick and every Interval until ctx ends.
// A failed comparison (the service away) is logged and retried.
func (r *Replicator) Run(ctx context.Context) {
	failing := false
	for {
		res := r.Sync(ctx)
		if ctx.Err() != nil {
			return
		}
		switch {
		case res.Err != nil && !failing:
			r.log.Warn("replicating pins to the pinning service failed; retrying", "url", r.cfg.URL, "err", res.Err)
			failing = true
		case res.Err == nil && failing:
			r.log.Info("replicating pins to the pinning service again", "url", r.cfg.URL)
			failing = false
		}
		if res.Added+res.Removed > 0 {
			r.log.Info("pins replicated", "added", res.Added, "removed", res.Removed, "pending", res.Pending)
		}
		wait := r.cfg.Interval
		if res.Err != nil || res.Pending > 0 {
			wait = min(wait, 5*time.Second)
		}
		select {
		case <-ctx.Done():
			return
		case <-r.kick:
		case <-time.After(wait):
		}
	}
}

// Sync compares the local pins with the service's once.
func (r *Replicator) Sync(ctx context.Context) (res SyncResult) {
	defer func() {
		res.At = time.Now()
		r.mu.Lock()
		r.last = res
		r.mu.Unlock()
	}()
	pins, err := r.cfg.Local.Pins(ctx)
	if err != nil {
		res.Err = fmt.Errorf("listing the local pins: %w", err)
		return res
	}
	local := map[string]string{} // cid → name
	for _, p := range pins {
		if strings.HasPrefix(p.Name, r.cfg.Prefix) {
			local[p.CID.String()] = p.Name
		}
	}
	res.Local = len(local)
	remote, err := r.client.LsSync(ctx, pinclient.PinOpts.FilterStatus(
		pinclient.StatusQueued, pinclient.StatusPinning, pinclient.StatusPinned, pinclient.StatusFailed))
	if err != nil {
		res.Err = fmt.Errorf("listing the pinning service's pins at %s: %w", r.cfg.URL, err)
		return res
	}
	have := map[string]bool{}
	var errs []error
	for _, p := range remote {
		pin := p.GetPin()
		if !strings.HasPrefix(pin.GetName(), r.cfg.Prefix) {
			continue
		}
		c := pin.GetCid()
		key := ""
		if c.Defined() {
			key = c.String()
		}
		_, wanted := local[key]
		switch {
		case !wanted || have[key]:
			// Erased locally, or a duplicate request: remove it.
			if err := r.client.DeleteByID(ctx, p.GetRequestId()); err != nil {
				errs = append(errs, fmt.Errorf("removing %s (%s) from the service: %w", key, pin.GetName(), err))
				continue
			}
			res.Removed++
		case p.GetStatus() == pinclient.StatusFailed:
			res.Failed++
			if err := r.client.DeleteByID(ctx, p.GetRequestId()); err != nil {
				errs = append(errs, fmt.Errorf("removing the failed request for %s: %w", key, err))
			}
			// Left out of have, so it is requested again below.
		default:
			have[key] = true
			if p.GetStatus() != pinclient.StatusPinned {
				res.Pending++
			}
		}
	}
	var origins []ma.Multiaddr
	for key, name := range local {
		if have[key] {
			continue
		}
		if origins == nil {
			origins = r.origins(ctx)
		}
		c, _ := cid.Parse(key)
		st, err := r.client.Add(ctx, c, pinclient.PinOpts.WithName(name), pinclient.PinOpts.WithOrigins(origins...))
		if err != nil {
			errs = append(errs, fmt.Errorf("requesting %s (%s) from the service: %w", key, name, err))
			continue
		}
		res.Added++
		res.Pending++
		r.connectDelegates(ctx, st.GetDelegates())
	}
	res.Err = errors.Join(errs...)
	return res
}

// origins are the local node's addresses, so the service fetches the
// blocks straight from it.
func (r *Replicator) origins(ctx context.Context) []ma.Multiaddr {
	self, err := r.cfg.Local.Self(ctx)
	if err != nil {
		return []ma.Multiaddr{}
	}
	out := []ma.Multiaddr{}
	p2p, err := ma.NewComponent("p2p", self.ID.String())
	if err != nil {
		return out
	}
	for _, a := range self.Addrs {
		out = append(out, a.Encapsulate(p2p))
	}
	return out
}

// connectDelegates dials the service's nodes from the local one, as the
// API suggests: the transfer then works even when the service cannot dial
// in. Failures only slow the pin down.
func (r *Replicator) connectDelegates(ctx context.Context, delegates []ma.Multiaddr) {
	for _, d := range delegates {
		ai, err := storage.ParsePeer(d.String())
		if err != nil {
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		if err := r.cfg.Local.Connect(cctx, ai); err != nil {
			r.log.Debug("connecting to a pinning service delegate failed", "delegate", d, "err", err)
		}
		cancel()
	}
}

// Wrap returns s with every pin change (Add, Pin, Unpin) followed by a Kick,
// so replication starts as soon as a version is put or a dataset erased.
func (r *Replicator) Wrap(s storage.Store) storage.Store { return &kicking{Store: s, r: r} }

type kicking struct {
	storage.Store
	r *Replicator
}

func (k *kicking) Add(ctx context.Context, in io.Reader, opts storage.AddOptions) (cid.Cid, error) {
	c, err := k.Store.Add(ctx, in, opts)
	if err == nil {
		k.r.Kick()
	}
	return c, err
}

func (k *kicking) Pin(ctx context.Context, c cid.Cid, name string) error {
	err := k.Store.Pin(ctx, c, name)
	if err == nil {
		k.r.Kick()
	}
	return err
}

func (k *kicking) Unpin(ctx context.Context, c cid.Cid) error {
	err := k.Store.Unpin(ctx, c)
	if err == nil {
		k.r.Kick()
	}
	return err
}
