package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
)

// startedHook is a context key: a func(*daemonNode) stored under it is
// called once the daemon serves. Tests use it to reach the running node;
// a pdx binary never sets it.
type startedHook struct{}

// daemonStarted is what `pdx daemon` prints once it serves.
type daemonStarted struct {
	API      string   `json:"api"`
	Account  string   `json:"account"`
	Registry string   `json:"registry"`
	ChainID  uint64   `json:"chain_id"`
	Chain    string   `json:"chain"`
	IPFS     string   `json:"ipfs"`
	Proxies  []string `json:"proxies"`
	Home     string   `json:"home"`
	// Reconciled is set when the start finished operations a crash had
	// interrupted.
	Reconciled *daemon.Reconciled `json:"reconciled,omitempty"`
}

func (s daemonStarted) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "pdx daemon: API %s, account %s, registry %s (chain %s, IPFS %s, %d proxies)\n",
		s.API, s.Account, s.Registry, s.Chain, s.IPFS, len(s.Proxies))
	return err
}

func (a *app) daemonCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "daemon",
		Short: "Run the owner's node: chain, IPFS, proxies and the HTTP API the other commands talk to",
		Long: `daemon unlocks the pdx home, takes its lock and serves the HTTP API
(api.listen, default 127.0.0.1:5180) that put, ls, get, grant, revoke and
log talk to. With the default config it runs everything under the home: a
persistent dev chain with its own Registry, an embedded IPFS node and three
re-encryption proxies (dev only). With chain.mode = "rpc", ipfs.mode =
"remote" and proxies.mode = "remote" it uses those services instead.
SIGINT or SIGTERM stop it cleanly (exit 130); every state survives.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return a.runDaemon(ctx)
		}),
	}
}

func (a *app) runDaemon(ctx context.Context) error {
	dir, err := a.homeDir()
	if err != nil {
		return err
	}
	h, err := home.Load(dir)
	if err != nil {
		return err
	}
	conf, err := h.LoadConfig(a.environ)
	if err != nil {
		return err
	}
	// The lock comes before the passphrase: a second daemon is refused
	// without asking for one.
	lock, err := h.Lock()
	if err != nil {
		return err
	}
	defer lock.Release()
	pass, err := a.passphrase(false)
	if err != nil {
		return err
	}
	u, err := h.Unlock(pass)
	if err != nil {
		return err
	}
	defer u.Close()
	logger := newLogger(a, conf)

	dn, err := daemon.Start(ctx, daemon.StartConfig{Home: h, Unlocked: u, Config: conf, Logger: logger, Crash: a.crashHook()})
	if err != nil {
		return err
	}
	defer dn.Close()
	n := &daemonNode{Node: dn, started: daemonStarted{
		API: dn.API, Account: u.Address().Hex(), Registry: dn.Registry.Hex(), ChainID: dn.ChainID,
		Chain: conf.Chain.Mode, IPFS: conf.IPFS.Mode, Proxies: dn.Proxies, Home: h.Dir(), Reconciled: dn.Reconciled,
	}}
	if hook, ok := ctx.Value(startedHook{}).(func(*daemonNode)); ok {
		hook(n)
	}
	if err := a.out.Result(n.started); err != nil {
		return err
	}
	logger.Info("daemon started", "api", n.started.API, "account", n.started.Account, "registry", n.started.Registry)
	select {
	case <-ctx.Done():
	case err := <-n.Served():
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serving the API: %w", err)
		}
	}
	n.Close()
	logger.Info("daemon stopped; its state is saved", "home", dir)
	return cli.Stopped("daemon stopped by a signal; its state in %s is saved", dir)
}

func newLogger(a *app, conf *config.Config) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(conf.Log.Level)) // validated with the config
	opts := &slog.HandlerOptions{Level: lvl}
	if conf.Log.Format == config.LogFormatJSON || a.jsonFlag {
		return slog.New(slog.NewJSONHandler(a.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(a.stderr, opts))
}

// daemonNode is the running daemon and what pdx daemon printed of it.
type daemonNode struct {
	*daemon.Node
	started daemonStarted
}
