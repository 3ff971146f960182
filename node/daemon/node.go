package daemon

import (
	"context"
	"crypto/ecdsa"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/acl/devchain"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/fsutil"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/market"
	"github.com/pdx-network/pdx/node/pinsvc"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
)

// Files of the daemon's own wiring inside the pdx home. The local proxies
// keep their state (keys, kfrags, receipts, cursor) each in proxies/<i>;
// listenFile remembers a proxy's port so a restart finds the endpoint it
// registered and sends no transaction.
const (
	ProxiesDir         = "proxies"
	daemonMarketCursor = "market.cursor"
	// MarketIndexDir holds the index of the network's open offers
	// (node/market), under StateDir.
	MarketIndexDir  = "market-index"
	proxyListenFile = "listen"
	followInterval  = 500 * time.Millisecond
)

// StartConfig is what Start needs: the unlocked home, its config, and
// where to log.
type StartConfig struct {
	Home     *home.Home
	Unlocked *home.Unlocked
	Config   *config.Config
	Logger   *slog.Logger
	// Crash is handed to the service and the daemon (crash points for
	// tests); nil in a pdx binary.
	Crash func(string)
}

// Node is one running daemon: everything Start started, stopped in
// reverse order by Close. Its errors carry the CLI's exit-code marks.
type Node struct {
	// API is the URL the daemon serves on; Registry and ChainID the chain's;
	// Proxies the owner's proxy set; Reconciled what the start finished of
	// operations a crash had interrupted (nil when nothing).
	API        string
	Registry   common.Address
	ChainID    uint64
	Proxies    []string
	Reconciled *Reconciled

	Chain   *devchain.Chain // the embedded chain; nil with chain.mode = "rpc"
	Store   storage.Store
	Service *service.Service
	Daemon  *Daemon

	ec     *ethclient.Client
	served chan error

	closeOnce sync.Once
	cleanups  []func()

	// confirmations is chain.confirmations: every follower the daemon runs
	// (market agent, local proxies) holds back that many blocks, so that
	// none acts on an event a reorg may still take away.
	confirmations uint64
	// logRange is chain.log_range: the widest eth_getLogs of every client
	// and follower the daemon runs.
	logRange uint64
	// cleanStop: the API closed with no request in flight (set by Close).
	cleanStop bool
}

// stopDaemon closes the daemon's index, recording a clean stop when the
// API closed with nothing in flight and the followers have ended, so the
// next start skips the comparison with the chain (Reconcile).
func (n *Node) stopDaemon(log *slog.Logger) {
	if n.Daemon == nil {
		return
	}
	if n.cleanStop {
		var block uint64
		if n.ec != nil {
			bctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			block, _ = n.ec.BlockNumber(bctx) // for the record only
			cancel()
		}
		if err := n.Daemon.Stop(block); err != nil {
			log.Warn("could not record the clean stop: the next start compares the home with the chain", "err", err)
		}
	}
	if err := n.Daemon.Close(); err != nil {
		log.Warn("closing the dataset index", "err", err)
	}
}

func (n *Node) defer_(f func()) { n.cleanups = append(n.cleanups, f) }

// Served delivers the API server's end (an error other than
// http.ErrServerClosed is a failure).
func (n *Node) Served() <-chan error { return n.served }

// Close stops the daemon: the API, the local proxies, the followers, then
// IPFS and the chain. It may be called more than once.
func (n *Node) Close() {
	n.closeOnce.Do(func() {
		for i := len(n.cleanups) - 1; i >= 0; i-- {
			n.cleanups[i]()
		}
	})
}

// Start starts the chain (or connects to it), IPFS, the local proxies,
// the market agent and the HTTP API for the unlocked home: the daemon's
// whole assembly, so pdx daemon and a test stand up the same node.
func Start(ctx context.Context, cfg StartConfig) (_ *Node, err error) {
	h, u, conf, log, crash := cfg.Home, cfg.Unlocked, cfg.Config, cfg.Logger, cfg.Crash
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	n := &Node{served: make(chan error, 1), confirmations: conf.Chain.Confirmations, logRange: conf.Chain.LogRange}
	defer func() {
		if err != nil {
			n.Close()
		}
	}()
	var registry common.Address
	var deployBlock uint64
	var eas *attest.Deployment // nil: attestations off
	switch conf.Chain.Mode {
	case config.ChainEmbedded:
		// The home's account is funded at genesis, on first start only;
		// accounts 1..3 of the chain are the local proxies'.
		chainDir := h.Path(conf.Chain.DataDir)
		rpcAddr, err := rpcListen(chainDir, conf.Chain.RPCListen, log)
		if err != nil {
			return nil, err
		}
		if conf.Chain.RPCListenLAN() {
			log.Warn("chain.rpc_listen is a LAN address: anyone on that network can read the dev chain and send transactions to it (no authentication)", "listen", rpcAddr)
		}
		ch, err := devchain.Open(ctx, devchain.Config{
			Dir: chainDir, Accounts: 1 + config.LocalProxies,
			Fund: []common.Address{u.Address()},
			HTTP: rpcAddr, HTTPLAN: conf.Chain.RPCListenLAN(),
		})
		if err != nil {
			return nil, fmt.Errorf("starting the embedded dev chain in %s: %w", h.Path(conf.Chain.DataDir), err)
		}
		n.defer_(func() { ch.Close() })
		n.Chain, n.ec = ch, ch.Client()
		registry, deployBlock = ch.Registry(), ch.DeployBlock()
		d := ch.Attestation()
		eas = &d
	default:
		ec, err := ethclient.DialContext(ctx, conf.Chain.RPCURL)
		if err != nil {
			return nil, cli.Mark(fmt.Errorf("connecting to the chain at %s: %w", conf.Chain.RPCURL, err), cli.ErrUnavailable)
		}
		n.defer_(ec.Close)
		n.ec = ec
		registry = common.HexToAddress(conf.Chain.RegistryAddress)
		deployBlock = conf.Chain.RegistryBlock
		if conf.Chain.EAS != "" { // all three keys, checked with the config
			eas = &attest.Deployment{
				EAS: common.HexToAddress(conf.Chain.EAS), SchemaRegistry: common.HexToAddress(conf.Chain.EASSchemaRegistry),
				Schema: common.HexToHash(conf.Chain.AttestationSchema), Block: deployBlock,
			}
		}
	}
	chainID, err := n.ec.ChainID(ctx)
	if err != nil {
		return nil, cli.Mark(fmt.Errorf("the chain does not answer: %w", err), cli.ErrUnavailable)
	}
	if conf.Chain.ChainID != 0 && chainID.Uint64() != conf.Chain.ChainID {
		return nil, cli.Mark(fmt.Errorf("the chain reports chain id %s, but chain.Chain_id is %d: check chain.rpc_url", chainID, conf.Chain.ChainID), cli.ErrConfig)
	}
	client, err := acl.New(ctx, n.ec, registry, u.Account, &acl.Options{LogRange: n.logRange})
	if err != nil {
		if errors.Is(err, bind.ErrNoCode) {
			return nil, cli.Mark(fmt.Errorf("%w: no Registry at %s on chain %s: check chain.registry_address", err, registry.Hex(), chainID), cli.ErrNotFound)
		}
		if errors.Is(err, acl.ErrInterfaceVersion) {
			return nil, cli.Mark(err, cli.ErrConfig)
		}
		return nil, cli.Mark(err, cli.ErrUnavailable)
	}
	// The listings read the home's chain-event index; it is closed after
	// the followers (runCtx) have stopped.
	events, err := n.openChainIndex(ctx, h, client, deployBlock, log)
	if err != nil {
		return nil, err
	}
	n.defer_(func() { events.Close() })

	var attestations *service.Attestations
	if eas != nil {
		if err := attest.CheckDeployment(ctx, n.ec, *eas); err != nil {
			return nil, cli.Mark(fmt.Errorf("%w: check chain.eas_address, chain.eas_schema_registry and chain.attestation_schema", err), cli.ErrNotFound)
		}
		attestations = &service.Attestations{Backend: n.ec, Deployment: *eas, ChainID: chainID.Uint64()}
	}

	if n.Store, err = openStore(ctx, h, conf, log); err != nil {
		return nil, err
	}
	n.defer_(func() { n.Store.Close() })
	rep, err := newReplicator(conf, n.Store, log)
	if err != nil {
		return nil, err
	}
	if rep != nil {
		n.Store = rep.Wrap(n.Store)
	}

	// The market's offers index; closed after the followers stop (the
	// cleanups run last first).
	mix, err := market.Open(market.Config{Path: filepath.Join(h.Dir(), StateDir, MarketIndexDir), Source: n.ec, Registry: registry,
		Start: deployBlock, Confirmations: n.confirmations, Batch: n.logRange})
	if err != nil {
		return nil, err
	}
	n.defer_(func() { mix.Close() })
	if mix.Rebuilt {
		log.Warn("the market index was damaged, of an older pdx or of another Registry: rebuilding it from the chain")
	}

	// Followers run under runCtx: close ends them before the services
	// they use are closed.
	runCtx, stopRun := context.WithCancel(context.WithoutCancel(ctx))
	var followers sync.WaitGroup
	n.defer_(func() {
		stopRun()
		followers.Wait()
		n.stopDaemon(log)
	})
	followers.Add(1)
	go func() {
		defer followers.Done()
		events.Run(runCtx)
	}()

	// The owner's proxy set: the local proxies, or proxies.addresses. It
	// is the only set grants use; the chain's open proxy list is never
	// trusted (anyone can register there).
	var proxies []string
	set := service.ProxySet{Shares: conf.Proxies.Shares, Threshold: conf.Proxies.Threshold}
	if conf.Proxies.Mode == config.ProxiesLocal {
		log.Warn("proxies.mode = \"local\": three re-encryption proxies run inside this daemon. DEV ONLY: one machine holding every kfrag is no threshold")
		domain := proxyapi.Domain{ChainID: chainID, Registry: registry}
		for i := range config.LocalProxies {
			addr, err := n.startLocalProxy(ctx, runCtx, h, i, registry, domain, deployBlock, log)
			if err != nil {
				return nil, fmt.Errorf("local proxy %d: %w", i, err)
			}
			proxies = append(proxies, addr.Hex())
			set.Addresses = append(set.Addresses, addr)
		}
	} else {
		proxies = append(proxies, conf.Proxies.Addresses...)
		for _, a := range conf.Proxies.Addresses {
			set.Addresses = append(set.Addresses, common.HexToAddress(a)) // validated with the config
		}
	}

	n.Service, err = service.New(ctx, service.Config{
		Chain: client, Account: u.Account, Store: n.Store, Signer: reencrypt.NewSigner(u.Signing),
		Receiving: u.Receiving, Proxies: set, DeployBlock: deployBlock, History: events, Logger: log, Crash: crash, Market: mix,
		ChainTimeout: time.Duration(conf.Chain.Timeout), FetchTimeout: time.Duration(conf.IPFS.Timeout),
		AllowPrivateEndpoints: conf.Chain.Mode == config.ChainEmbedded || conf.Proxies.AllowPrivate,
		Attest:                attestations,
	})
	if err != nil {
		return nil, err
	}
	if err := n.Service.EnsureKeys(ctx); err != nil {
		if errors.Is(err, service.ErrKeysMismatch) {
			return nil, cli.Mark(err, cli.ErrConflict)
		}
		if strings.Contains(err.Error(), "insufficient funds") {
			return nil, cli.Mark(fmt.Errorf("the account %s holds no ether to register its keys on chain: on an owner's dev network ask the owner to run `pdx fund %s`, else send it some ether; then start the daemon again", u.Address().Hex(), u.Address().Hex()), cli.ErrRefused)
		}
		return nil, fmt.Errorf("registering the home's keys on chain: %w", err)
	}

	tok, err := home.ReadToken(h.Path(conf.API.TokenFile))
	if err != nil {
		return nil, err
	}
	dcfg := Config{Home: u, Config: conf, Service: n.Service, Logger: log, Token: tok, Crash: crash}
	dcfg.Network = n.networkFunc(conf, registry, deployBlock, proxies, eas)
	if n.Chain != nil {
		dev := n.Chain.Accounts()[0] // deployed the Registry; nothing else sends from it
		dcfg.Faucet = func(ctx context.Context, to common.Address, wei *big.Int) (*big.Int, common.Hash, error) {
			return acl.TopUp(ctx, n.ec, dev, to, wei)
		}
	}
	n.Daemon, err = New(ctx, dcfg)
	if err != nil {
		return nil, err
	}
	// Finish whatever a crash interrupted before anything else acts on the
	// home: the market agent below and the API both assume a consistent
	// index. Problems are logged and left to the owner; they do not stop
	// the daemon, so the owner can still look.
	rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	rec, err := n.Daemon.Reconcile(rctx)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("reconciling the home with the chain after the last run: %w", err)
	}
	if rec.Clean != nil {
		log.Info("the last run stopped cleanly: nothing to finish, the home was not compared with the chain",
			"stopped", rec.Clean.Time, "block", rec.Clean.Block)
	}
	if rec.Changed() {
		log.Warn("finished operations the last run left unfinished", "created", rec.Created, "dropped", rec.Dropped,
			"versions", rec.Versions, "registered", rec.Registered, "regranted", rec.Regranted, "repinned", rec.Repinned, "unpinned", rec.Unpinned,
			"erased", rec.Erased, "abandoned", rec.Abandoned, "collected", rec.Collected, "journaled", rec.Journaled)
		for _, p := range rec.Problems {
			log.Error("reconcile: needs the owner", "problem", p)
		}
		n.Reconciled = rec
	}
	agent := &service.MarketAgent{S: n.Service, Threshold: conf.Proxies.Threshold, Item: n.Daemon.MarketItem, Record: n.Daemon.RecordDecision}
	mf := acl.NewFollower(n.ec, registry, &acl.FileCursor{Path: filepath.Join(h.Dir(), StateDir, daemonMarketCursor), Registry: registry})
	mf.Start = deployBlock
	mf.Confirmations = n.confirmations
	mf.Batch = n.logRange
	mf.Events = []string{"Purchased"} // all the agent acts on
	// A reorg deeper than the confirmations: the agent's grant for a
	// purchase it took back fails on the winning chain by itself (no
	// escrow), so there is nothing to undo; the follower still reads the
	// winning chain's blocks again, so a purchase mined anew there is seen.
	mf.Undo = func(_ context.Context, ev acl.Event) error {
		log.Warn("a reorg took back a purchase the market agent saw", "block", ev.Block)
		return nil
	}
	if rep != nil {
		followers.Add(1)
		go func() {
			defer followers.Done()
			rep.Run(runCtx)
		}()
	}
	followers.Add(1)
	go func() {
		defer followers.Done()
		followEvents(runCtx, mf, agent.HandleEvent, log.With("follower", "market"))
	}()
	// The campaign agent decides each brand's campaign once, by the
	// owner's [market.campaigns] rules (campaign_agent.go); its cursor and
	// decisions are in the index's store.
	if err := service.CheckPurposes(conf.Market.Campaigns.Purposes); err != nil {
		return nil, cli.Mark(fmt.Errorf("market.campaigns.purposes: %w", err), cli.ErrConfig)
	}
	if err := service.CheckCategories(conf.Market.Campaigns.Categories); err != nil {
		return nil, cli.Mark(fmt.Errorf("market.campaigns.categories: %w", err), cli.ErrConfig)
	}
	cagent := n.Daemon.NewCampaignAgent(conf.Market.Campaigns)
	cagent.Threshold = conf.Proxies.Threshold
	cf := acl.NewFollower(n.ec, registry, cagent.Cursor())
	cf.Start = deployBlock
	cf.Confirmations = n.confirmations
	cf.Batch = n.logRange
	cf.Events = []string{"CampaignCreated"}
	followers.Add(1)
	go func() {
		defer followers.Done()
		followEvents(runCtx, cf, cagent.HandleEvent, log.With("follower", "campaigns"))
	}()
	// The market index follows the chain in the background, so that a
	// page waits for the newest blocks only; the texts of offers' terms
	// are read from IPFS in the background too.
	followers.Add(2)
	go func() {
		defer followers.Done()
		mlog := log.With("follower", "market-index")
		_ = mix.Run(runCtx, followInterval, func(err error) { mlog.Warn("updating the market index", "err", err) })
	}()
	go func() {
		defer followers.Done()
		_ = n.Service.RunMarketTexts(runCtx, 10*time.Second)
	}()

	ln, err := net.Listen("tcp", conf.API.Listen)
	if err != nil {
		return nil, cli.Mark(fmt.Errorf("the API cannot listen on %s (api.listen): %w; is another pdx daemon running?", conf.API.Listen, err), cli.ErrConflict)
	}
	srv := n.Daemon.Server(runCtx)
	go func() { n.served <- srv.Serve(ln) }()
	n.defer_(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		// Shutdown returns nil once every request has ended: then no
		// owner operation is half done, and the stop is clean.
		if srv.Shutdown(sctx) == nil {
			n.cleanStop = true
		}
	})
	n.API, n.Registry, n.ChainID, n.Proxies = "http://"+ln.Addr().String(), registry, chainID.Uint64(), proxies
	return n, nil
}

// networkFunc answers GET /v1/network for this node: its chain's JSON-RPC
// URL (the embedded chain's, when it serves one), Registry, proxy set and
// IPFS addresses.
func (n *Node) networkFunc(conf *config.Config, registry common.Address, block uint64, proxies []string, eas *attest.Deployment) func(context.Context) (*config.Network, error) {
	rpcURL := conf.Chain.RPCURL
	if n.Chain != nil {
		rpcURL = n.Chain.HTTPEndpoint()
	}
	return func(ctx context.Context) (*config.Network, error) {
		if rpcURL == "" {
			return nil, cli.Mark(fmt.Errorf("%w: its embedded chain serves no JSON-RPC (chain.rpc_listen is empty); set chain.rpc_listen and restart the daemon", ErrNotJoinable), cli.ErrConflict)
		}
		self, err := n.Store.Self(ctx)
		if err != nil {
			return nil, err
		}
		var peers []string
		for _, a := range self.Addrs {
			peers = append(peers, a.String()+"/p2p/"+self.ID.String())
		}
		chainID, err := n.ec.ChainID(ctx)
		if err != nil {
			return nil, cli.Mark(fmt.Errorf("the chain does not answer: %w", err), cli.ErrUnavailable)
		}
		doc := joinNetwork(chainID.Uint64(), rpcURL, registry, block, n.Chain != nil, proxies, conf, peers)
		if eas != nil {
			doc.EAS = &config.NetworkEAS{Address: eas.EAS.Hex(), SchemaRegistry: eas.SchemaRegistry.Hex(), Schema: eas.Schema.Hex()}
		}
		return doc, nil
	}
}

// rpcListenFile, in the embedded chain's directory, keeps the port that
// chain.rpc_listen's port 0 chose, so joined homes find the chain at the
// same URL after a restart.
const rpcListenFile = "rpc.listen"

// rpcListen is the address the embedded chain serves JSON-RPC on:
// chain.rpc_listen as written, or with port 0 the port chosen on the first
// start (kept in rpcListenFile), or a new one when that is taken.
func rpcListen(dir, listen string, log *slog.Logger) (string, error) {
	host, port, err := net.SplitHostPort(listen)
	if listen == "" || err != nil || port != "0" {
		return listen, nil // validated with the config
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, rpcListenFile)
	if b, err := os.ReadFile(path); err == nil {
		prev := strings.TrimSpace(string(b))
		if h, _, err := net.SplitHostPort(prev); err == nil && h == host {
			if ln, err := net.Listen("tcp", prev); err == nil {
				ln.Close()
				return prev, nil
			}
			log.Warn("the chain's JSON-RPC port of the last start is taken; serving on a new one, so joined homes must update chain.rpc_url", "was", prev)
		}
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return "", cli.Mark(fmt.Errorf("the chain's JSON-RPC cannot listen on %s (chain.rpc_listen): %w", listen, err), cli.ErrConflict)
	}
	addr := ln.Addr().String()
	ln.Close()
	if err := fsutil.WriteFileAtomic(path, []byte(addr+"\n"), 0o600); err != nil {
		return "", err
	}
	return addr, nil
}

// openStore opens the embedded kubo node under the home, kept on this
// machine when the config listens on loopback only and has no bootstrap
// peers (the default), or the remote kubo RPC API.
func openStore(ctx context.Context, h *home.Home, conf *config.Config, log *slog.Logger) (storage.Store, error) {
	if conf.IPFS.Mode == config.IPFSRemote {
		secret, err := authSecret(conf.IPFS.AuthHeader)
		if err != nil {
			return nil, err
		}
		s, err := storage.OpenRemote(ctx, storage.RemoteConfig{API: conf.IPFS.APIURL, AuthSecret: secret})
		if err != nil {
			return nil, cli.Mark(fmt.Errorf("connecting to the IPFS node at %s (ipfs.api_url): %w", conf.IPFS.APIURL, err), cli.ErrUnavailable)
		}
		return s, nil
	}
	// A node whose listen addresses and bootstrap peers are all on this
	// machine (an owner's default, or a home that joined it on the same
	// machine) is kept local.
	local := true
	for _, a := range append(slices.Clone(conf.IPFS.ListenAddrs), conf.IPFS.Bootstrap...) {
		if !strings.HasPrefix(a, "/ip4/127.") && !strings.HasPrefix(a, "/ip6/::1/") {
			local = false
		}
	}
	repo := h.Path(conf.IPFS.RepoDir)
	s, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: repo, Local: local, Listen: conf.IPFS.ListenAddrs, Bootstrap: conf.IPFS.Bootstrap})
	if err != nil {
		return nil, fmt.Errorf("opening the embedded IPFS node in %s: %w", repo, err)
	}
	// Dial the bootstrap peers now (kubo would, in its own time): a joined
	// home's first get finds the owner's blocks at once.
	for _, b := range conf.IPFS.Bootstrap {
		p, err := storage.ParsePeer(b)
		if err == nil {
			err = s.Connect(ctx, p)
		}
		if err != nil {
			log.Warn("cannot reach an IPFS bootstrap peer (ipfs.bootstrap); kubo keeps trying", "peer", b, "err", err)
		}
	}
	return s, nil
}

// authSecret turns ipfs.auth_header ("Bearer …", "Basic …") into the form
// of kubo's API.Authorizations that storage.RemoteConfig takes.
func authSecret(header string) (string, error) {
	if header == "" {
		return "", nil
	}
	scheme, val, _ := strings.Cut(strings.TrimSpace(header), " ")
	switch strings.ToLower(scheme) {
	case "bearer":
		return "bearer:" + strings.TrimSpace(val), nil
	case "basic":
		b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(val))
		if err == nil {
			return "basic:" + string(b), nil
		}
	}
	return "", cli.Mark(errors.New("ipfs.auth_header is neither \"Bearer <token>\" nor \"Basic <base64 user:password>\""), cli.ErrConfig)
}

// startLocalProxy runs proxy i in <home>/proxies/<i>: its account is the
// embedded chain's account i+1 (funded at genesis) or, on another chain,
// a key of its own in proxy.key that must be funded; it registers only when
// its endpoint or HPKE key changed, and follows events from its cursor.
func (n *Node) startLocalProxy(ctx, runCtx context.Context, h *home.Home, i int,
	registry common.Address, domain proxyapi.Domain, deployBlock uint64, log *slog.Logger) (common.Address, error) {
	dir := filepath.Join(h.Dir(), ProxiesDir, fmt.Sprint(i))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return common.Address{}, err
	}
	var account *ecdsa.PrivateKey
	if n.Chain != nil {
		account = n.Chain.Accounts()[1+i]
	} else {
		var err error
		if account, err = proxy.AccountKey(dir); err != nil {
			return common.Address{}, proxy.MarkKind(err)
		}
	}
	pc, err := acl.New(ctx, n.ec, registry, account, &acl.Options{LogRange: n.logRange})
	if err != nil {
		return common.Address{}, err
	}
	plog := log.With("proxy", i)
	ln, err := listenAgain(filepath.Join(dir, proxyListenFile))
	if err != nil {
		return common.Address{}, err
	}
	// The proxy runs until the daemon closes (runCtx); ctx, which ends
	// when the daemon is asked to stop, still cuts its start short.
	pctx, cancel := context.WithCancel(runCtx)
	unhook := context.AfterFunc(ctx, cancel)
	r, err := proxy.Run(pctx, proxy.RunConfig{
		Config: proxy.Config{
			Dir: dir, Account: account, Domain: domain,
			Bundles: envstore.Bundles{S: n.Store}, Logger: plog,
		},
		Client: pc, Listener: ln,
		Cursor:    &acl.FileCursor{Path: filepath.Join(dir, proxy.CursorFile), Registry: registry},
		FromBlock: deployBlock, Confirmations: n.confirmations, Poll: followInterval,
	})
	unhook()
	if err != nil {
		cancel()
		return common.Address{}, proxy.MarkKind(err)
	}
	n.defer_(func() { r.Close(); cancel() })
	plog.Info("local proxy started", "address", r.Proxy.Address().Hex(), "endpoint", r.Endpoint, "registered", r.Registered)
	return r.Proxy.Address(), nil
}

// listenAgain listens on the address in path when it is still free, so a
// restarted proxy keeps the endpoint it registered; else on a new port of
// 127.0.0.1, which it writes to path.
func listenAgain(path string) (net.Listener, error) {
	if b, err := os.ReadFile(path); err == nil {
		if ln, err := net.Listen("tcp", strings.TrimSpace(string(b))); err == nil {
			return ln, nil
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	if err := fsutil.WriteFileAtomic(path, []byte(ln.Addr().String()+"\n"), 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	return ln, nil
}

// followEvents polls Registry events into handle until ctx ends; a failed
// poll is logged once and retried from the same cursor.
func followEvents(ctx context.Context, f *acl.Follower, handle func(context.Context, acl.Event) error, log *slog.Logger) {
	failing := false
	for {
		_, err := f.Poll(ctx, handle)
		if ctx.Err() != nil {
			return
		}
		if err != nil && !failing {
			log.Warn("following Registry events failed; retrying", "err", err)
		} else if err == nil && failing {
			log.Info("following Registry events again")
		}
		failing = err != nil
		select {
		case <-ctx.Done():
			return
		case <-time.After(followInterval):
		}
	}
}

// newReplicator makes the daemon's pin replicator when
// ipfs.pinning_service_url is set (nil otherwise): every pdx pin of the
// home's IPFS node is then mirrored on that pinning service.
func newReplicator(conf *config.Config, store storage.Store, log *slog.Logger) (*pinsvc.Replicator, error) {
	if conf.IPFS.PinningServiceURL == "" {
		return nil, nil
	}
	r, err := pinsvc.NewReplicator(pinsvc.ReplicatorConfig{
		Local: store, URL: conf.IPFS.PinningServiceURL, Token: conf.IPFS.PinningServiceToken,
		Logger: log.With("component", "replication"),
	})
	if err != nil {
		return nil, cli.Mark(err, cli.ErrConfig)
	}
	log.Info("replicating pins to a pinning service", "url", conf.IPFS.PinningServiceURL)
	return r, nil
}
