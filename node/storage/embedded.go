package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ipfs/boxo/files"
	"github.com/ipfs/boxo/path"
	"github.com/ipfs/go-cid"
	fslock "github.com/ipfs/go-fs-lock"
	kubo "github.com/ipfs/kubo"
	"github.com/ipfs/kubo/config"
	"github.com/ipfs/kubo/core"
	"github.com/ipfs/kubo/core/coreapi"
	coreiface "github.com/ipfs/kubo/core/coreiface"
	"github.com/ipfs/kubo/core/coreiface/options"
	"github.com/ipfs/kubo/core/corerepo"
	"github.com/ipfs/kubo/core/node/libp2p"
	"github.com/ipfs/kubo/plugin/loader"
	"github.com/ipfs/kubo/repo/fsrepo"
)

// EmbeddedConfig configures an in-process kubo node.
type EmbeddedConfig struct {
	// Dir is the kubo repository (the pdx home's ipfs directory). A missing
	// or empty directory is initialised with a new identity.
	Dir string
	// Local keeps the node on this machine: kubo's "test" profile is applied
	// (swarm, API and gateway on 127.0.0.1 only, no bootstrap peers, no mDNS,
	// no AutoConf or AutoTLS fetches, loopback addresses accepted in the LAN
	// DHT, so two local nodes connected directly find each other's content).
	// Tests and the single-machine demo use it; a real deployment does not.
	// The settings are written to the repository's config; clearing Local
	// later leaves them (kubo's "default-networking" profile restores
	// public networking).
	Local bool
	// Listen, when set, replaces the swarm listen addresses (multiaddrs).
	Listen []string
	// Bootstrap, when non-nil, replaces the bootstrap peers; an empty
	// non-nil slice means none.
	Bootstrap []string
	// Offline starts the node without networking: only local content.
	Offline bool
}

// Embedded is a kubo node running inside the pdx process.
type Embedded struct {
	coreStore
	node   *core.IpfsNode
	dir    string
	cancel context.CancelFunc

	// Raw leaves whose CID an Add took from its read ahead, and those its
	// importer hashed itself (see leafHasher); the second stays 0 unless
	// kubo's importer reads leaves differently from the read ahead.
	leavesPrehashed, leavesRehashed atomic.Int64
}

var _ Store = (*Embedded)(nil)

// kubo's plugin registry (datastores, IPLD codecs, fx options) is global to
// the process and its loader refuses to inject twice, so the plugins are
// loaded once per process however many nodes are opened. This is the one
// piece of process-wide state in the package, and it is written only once.
var plugins struct {
	once sync.Once
	err  error
}

func loadPlugins() error {
	plugins.once.Do(func() {
		// The loader reads <dir>/config and loads shared objects from
		// <dir>/plugins; an empty private directory means only the plugins
		// compiled into pdx are used, never code found on disk.
		dir, err := os.MkdirTemp("", "pdx-kubo-plugins-")
		if err != nil {
			plugins.err = err
			return
		}
		defer os.RemoveAll(dir)
		l, err := loader.NewPluginLoader(dir)
		if err == nil {
			err = l.Initialize()
		}
		if err == nil {
			err = l.Inject()
		}
		if err != nil {
			plugins.err = fmt.Errorf("storage: loading kubo plugins: %w", err)
		}
	})
	return plugins.err
}

// OpenEmbedded opens (initialising if needed) the repository in cfg.Dir and
// starts a kubo node on it. Close stops the node and releases the
// repository lock.
func OpenEmbedded(ctx context.Context, cfg EmbeddedConfig) (*Embedded, error) {
	if cfg.Dir == "" {
		return nil, errors.New("storage: EmbeddedConfig.Dir is empty; set it to the pdx home's ipfs directory")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("storage: repository path %q: %w", cfg.Dir, err)
	}
	if err := loadPlugins(); err != nil {
		return nil, err
	}
	if !fsrepo.IsInitialized(dir) {
		if err := initRepo(dir); err != nil {
			return nil, err
		}
	}
	// fsrepo shares one open repository between all openers in a process,
	// so a second open here would not see the lock and would fail later,
	// deep in the datastore. Taking the lock briefly first turns both cases
	// (this process, another process) into a clear error.
	lk, err := fslock.Lock(dir, fsrepo.LockFile)
	if err != nil {
		return nil, openError(dir, err)
	}
	lk.Close()
	repo, err := fsrepo.Open(dir)
	if err != nil {
		return nil, openError(dir, err)
	}
	kcfg, err := repo.Config()
	if err != nil {
		repo.Close()
		return nil, fmt.Errorf("storage: reading %s/config: %w", dir, err)
	}
	updated, err := kcfg.Clone()
	if err != nil {
		repo.Close()
		return nil, err
	}
	if err := applyConfig(updated, cfg); err != nil {
		repo.Close()
		return nil, err
	}
	if err := repo.SetConfig(updated); err != nil {
		repo.Close()
		return nil, fmt.Errorf("storage: writing %s/config: %w", dir, err)
	}
	routing, err := routingOption(updated)
	if err != nil {
		repo.Close()
		return nil, err
	}

	// kubo ties the node's lifetime to the context given to NewNode, so it
	// gets its own, ended by Close; the caller's ctx bounds only the start.
	// Whichever of "started" and "ctx ended" settles first wins, so a
	// context ending just after a successful start cannot stop the node.
	life, cancel := context.WithCancel(context.Background())
	var settled atomic.Bool
	started := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			if settled.CompareAndSwap(false, true) {
				cancel()
			}
		case <-started:
		}
	}()
	node, err := core.NewNode(life, &core.BuildCfg{
		Online:    !cfg.Offline,
		Permanent: true,
		Repo:      repo,
		Routing:   routing,
	})
	close(started)
	if err == nil && !settled.CompareAndSwap(false, true) {
		node.Close()
		err = ctx.Err()
	}
	if err != nil {
		cancel()
		repo.Close()
		if ctx.Err() != nil {
			return nil, fmt.Errorf("storage: starting the embedded node: %w", ctx.Err())
		}
		return nil, fmt.Errorf("storage: starting the embedded node in %s: %w", dir, err)
	}
	api, err := coreapi.NewCoreAPI(node)
	if err != nil {
		node.Close()
		cancel()
		return nil, err
	}
	return &Embedded{coreStore: coreStore{api: api}, node: node, dir: dir, cancel: cancel}, nil
}

// initRepo writes a fresh kubo repository with an Ed25519 identity.
func initRepo(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("storage: creating %s: %w", dir, err)
	}
	id, err := config.CreateIdentity(io.Discard, []options.KeyGenerateOption{options.Key.Type(options.Ed25519Key)})
	if err != nil {
		return fmt.Errorf("storage: creating the node identity: %w", err)
	}
	conf, err := config.InitWithIdentity(id)
	if err != nil {
		return err
	}
	if err := fsrepo.Init(dir, conf); err != nil {
		return fmt.Errorf("storage: initialising the ipfs repository in %s: %w", dir, err)
	}
	return nil
}

// applyConfig puts cfg's network choices into the kubo config. It runs on
// every open, so changing pdx's settings changes the node.
func applyConfig(c *config.Config, cfg EmbeddedConfig) error {
	if cfg.Local {
		if err := config.Profiles["test"].Transform(c); err != nil {
			return fmt.Errorf("storage: applying the local profile: %w", err)
		}
		// pdx does not serve kubo's gateway or RPC from the embedded node.
		c.Addresses.Gateway = config.Strings{}
		c.Addresses.API = config.Strings{}
	}
	if cfg.Listen != nil {
		c.Addresses.Swarm = append([]string(nil), cfg.Listen...)
	}
	if cfg.Bootstrap != nil {
		c.Bootstrap = append([]string{}, cfg.Bootstrap...)
	}
	return nil
}

// routingOption picks the router as `ipfs daemon` does from Routing.Type.
func routingOption(c *config.Config) (libp2p.RoutingOption, error) {
	switch t := c.Routing.Type.WithDefault(config.DefaultRoutingType); t {
	case "", "auto", "default":
		return libp2p.ConstructDefaultRouting(c, libp2p.DHTOption), nil
	case "autoclient":
		return libp2p.ConstructDefaultRouting(c, libp2p.DHTClientOption), nil
	case "dht":
		return libp2p.DHTOption, nil
	case "dhtclient":
		return libp2p.DHTClientOption, nil
	case "dhtserver":
		return libp2p.DHTServerOption, nil
	case "none":
		return libp2p.NilRouterOption, nil
	case "delegated":
		return libp2p.ConstructDelegatedOnlyRouting(c), nil
	default:
		return nil, fmt.Errorf("storage: Routing.Type %q in the ipfs config is not supported by the embedded node; use auto, dht, dhtclient, dhtserver, none or delegated", t)
	}
}

// openError turns fsrepo.Open's errors into pdx's typed ones.
func openError(dir string, err error) error {
	var locked fslock.LockedError
	if errors.As(err, &locked) {
		pid := lockHolder(filepath.Join(dir, fsrepo.LockFile))
		if strings.Contains(string(locked), "held by us") {
			return fmt.Errorf("%w: %s is already open in this process; use the Store that opened it", ErrRepoLocked, dir)
		}
		return &RepoLockedError{Dir: dir, PID: pid, Err: err}
	}
	if errors.Is(err, fsrepo.ErrNeedMigration) {
		return fmt.Errorf("%w: %s was written by an older kubo (this pdx build expects repository version %d); "+
			"back it up, then run `IPFS_PATH=%s ipfs repo migrate` with kubo %s, or start `ipfs daemon --migrate` once on it",
			ErrRepoNeedsMigration, dir, fsrepo.RepoVersion, dir, kubo.CurrentVersionNumber)
	}
	if strings.Contains(err.Error(), "lower than your repos") {
		return fmt.Errorf("%w: %s: %v; upgrade pdx, or migrate the repository down with kubo's fs-repo-migrations", ErrRepoTooNew, dir, err)
	}
	return fmt.Errorf("storage: opening the ipfs repository %s: %w", dir, err)
}

// Add imports r (see Store.Add).
func (e *Embedded) Add(ctx context.Context, r io.Reader, opts AddOptions) (cid.Cid, error) {
	if err := e.check(ctx); err != nil {
		return cid.Undef, err
	}
	lr := newLimitReader(r, opts.MaxSize)
	// kubo runs to its normal end even when the input fails or ctx ends
	// (endClean), so that it has written every block before Add returns;
	// ctx ending stops the input at its next read instead.
	in := &endClean{r: lr, ctx: ctx}
	c, err := e.add(context.WithoutCancel(ctx), in, opts.Name)
	if err != nil {
		// add has stopped reading lr before it returned.
		return cid.Undef, lr.addError(ctx, err)
	}
	if in.err != nil {
		err := lr.addError(ctx, in.err)
		if uerr := e.Unpin(context.WithoutCancel(ctx), c); uerr != nil {
			err = errors.Join(err, fmt.Errorf("storage: unpinning the cut-off object %s: %w", c, uerr))
		}
		return cid.Undef, err
	}
	return c, nil
}

// open resolves c to a UnixFS file on this node (fetching it if needed).
func (e *Embedded) open(ctx context.Context, c cid.Cid) (files.File, error) {
	if err := e.check(ctx, c); err != nil {
		return nil, err
	}
	nd, err := e.api.Unixfs().Get(ctx, path.FromCid(c))
	if err != nil {
		return nil, fetchError(ctx, c, err)
	}
	f, ok := nd.(files.File)
	if !ok {
		nd.Close()
		return nil, fmt.Errorf("%w: %s is a directory or symlink; pdx objects are single files", ErrNotAFile, c)
	}
	return f, nil
}

// Get streams the file; blocks are fetched as the reader reaches them.
func (e *Embedded) Get(ctx context.Context, c cid.Cid) (io.ReadCloser, error) {
	f, err := e.open(ctx, c)
	if err != nil {
		return nil, err
	}
	return &readCloser{ctx: ctx, c: c, r: f, close: f.Close}, nil
}

// GC removes unpinned blocks.
func (e *Embedded) GC(ctx context.Context) (int, error) {
	if err := e.check(ctx); err != nil {
		return 0, err
	}
	removed := 0
	err := corerepo.CollectResult(ctx, corerepo.GarbageCollectAsync(e.node, ctx), func(cid.Cid) { removed++ })
	if err != nil {
		return removed, fmt.Errorf("storage: garbage collection: %w", err)
	}
	return removed, nil
}

// Close stops the node and releases the repository lock.
func (e *Embedded) Close() error {
	if e.closed.Swap(true) {
		return nil
	}
	err := e.node.Close()
	e.cancel()
	return err
}

// Raw is the node's CoreAPI, for what the Store does not cover (and for
// the benchmark that compares the two).
func (e *Embedded) Raw() coreiface.CoreAPI { return e.api }

// readCloser maps errors met while streaming, so a block that never arrives
// reads as ErrNotFound like a root that never arrives.
type readCloser struct {
	ctx   context.Context
	c     cid.Cid
	r     io.Reader
	close func() error
}

func (r *readCloser) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		err = fetchError(r.ctx, r.c, err)
	}
	return n, err
}

func (r *readCloser) Close() error { return r.close() }
