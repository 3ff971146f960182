package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/pinsvc"
	"github.com/pdx-network/pdx/node/storage"
)

// pinsvcEnvPrefix starts the environment variable of each `pdx pinsvc`
// flag (--ipfs-api is PDX_PINSVC_IPFS_API).
const pinsvcEnvPrefix = "PDX_PINSVC_"

type pinsvcOptions struct {
	dir        string
	ipfsAPI    string
	ipfsAuth   string
	listen     string
	token      string
	tokenFile  string
	pinTimeout time.Duration
}

// pinsvcStarted is what `pdx pinsvc` prints once it serves.
type pinsvcStarted struct {
	URL    string `json:"url"`
	Listen string `json:"listen"`
	IPFS   string `json:"ipfs"`
	Dir    string `json:"dir"`
}

func (s pinsvcStarted) FormatText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "pinning service at %s (IPFS %s, state in %s)\n", s.URL, s.IPFS, s.Dir)
	return err
}

func (a *app) pinsvcCmd() *cobra.Command {
	var o pinsvcOptions
	cmd := &cobra.Command{
		Use:   "pinsvc",
		Short: "Run an IPFS Pinning Service API in front of a kubo node, for owners' daemons to replicate their pins to",
		Long: `pinsvc serves the IPFS Pinning Service API (node/pinsvc/PINSVC.md) over a
kubo daemon's RPC API: clients that send its bearer token may ask it to pin
CIDs, which the kubo node fetches (from the origins the client names) and
pins. An owner's daemon with ipfs.pinning_service_url set replicates every
pdx pin there and removes what it unpins.

Requests are kept durably in --dir; pins in progress resume after a restart.
GET /healthz answers without the token. SIGINT or SIGTERM stop it (exit 130).

Every flag can also be set by an environment variable: PDX_PINSVC_ and the
flag's name in capitals with '-' as '_' (PDX_PINSVC_TOKEN). A flag on the
command line wins.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			if err := applyEnvPrefix(cmd.LocalNonPersistentFlags(), a.environ, pinsvcEnvPrefix); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return a.runPinsvc(ctx, o)
		}),
	}
	f := cmd.Flags()
	f.StringVar(&o.dir, "dir", "", "state directory: the pin requests (created 0700; required)")
	f.StringVar(&o.ipfsAPI, "ipfs-api", "", "kubo RPC API the pins are made on, as a multiaddr or http:// URL (required)")
	f.StringVar(&o.ipfsAuth, "ipfs-auth", "", "secret for the kubo RPC API as written in its API.Authorizations (bearer:<token>)")
	f.StringVar(&o.listen, "listen", "127.0.0.1:8800", "host:port to serve the API on (port 0: any free port; the bound address is printed)")
	f.StringVar(&o.token, "token", "", "bearer token clients must send (prefer --token-file or PDX_PINSVC_TOKEN: arguments are visible to other users)")
	f.StringVar(&o.tokenFile, "token-file", "", "file holding the bearer token")
	f.DurationVar(&o.pinTimeout, "pin-timeout", 10*time.Minute, "how long one pin may take, fetch included, before it is marked failed")
	return cmd
}

func (a *app) runPinsvc(ctx context.Context, o pinsvcOptions) error {
	switch {
	case o.dir == "":
		return cli.Usagef("--dir is required: the service's state directory")
	case o.ipfsAPI == "":
		return cli.Usagef("--ipfs-api is required: the kubo RPC API to pin on, e.g. http://127.0.0.1:5001")
	case o.token != "" && o.tokenFile != "":
		return cli.Usagef("--token and --token-file exclude each other")
	case o.pinTimeout <= 0:
		return cli.Usagef("--pin-timeout must be positive, e.g. 10m")
	}
	token := o.token
	if o.tokenFile != "" {
		b, err := os.ReadFile(o.tokenFile)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return cli.Mark(fmt.Errorf("--token-file: %w", err), cli.ErrNotFound)
			}
			return fmt.Errorf("--token-file: %w", err)
		}
		token = strings.TrimSpace(string(b))
	}
	if token == "" || strings.ContainsAny(token, " \t\r\n") {
		return cli.Usagef("the service needs a bearer token of one word (--token-file, --token or PDX_PINSVC_TOKEN): without one it would pin for anybody")
	}
	if err := os.MkdirAll(o.dir, 0o700); err != nil {
		return fmt.Errorf("creating the state directory: %w", err)
	}
	lock, err := home.LockDir(o.dir)
	if err != nil {
		var le *home.LockedError
		if errors.As(err, &le) {
			return fmt.Errorf("%w: process %d runs a pinning service on %s already", home.ErrLocked, le.PID, o.dir)
		}
		return err
	}
	defer lock.Release()

	logger := slog.New(slog.NewTextHandler(a.stderr, nil))
	if a.jsonFlag {
		logger = slog.New(slog.NewJSONHandler(a.stderr, nil))
	}
	store, err := storage.OpenRemote(ctx, storage.RemoteConfig{API: o.ipfsAPI, AuthSecret: o.ipfsAuth})
	if err != nil {
		return cli.Mark(fmt.Errorf("connecting to the IPFS RPC API %s: %w", o.ipfsAPI, err), cli.ErrUnavailable)
	}
	defer store.Close()
	srv, err := pinsvc.New(ctx, pinsvc.Config{Store: store, Dir: o.dir, Token: token, PinTimeout: o.pinTimeout, Logger: logger})
	if err != nil {
		if errors.Is(err, pinsvc.ErrState) {
			return cli.Mark(err, cli.ErrDamaged)
		}
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		return cli.Mark(fmt.Errorf("listening on %s: %w", o.listen, err), cli.ErrConflict)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second, WriteTimeout: time.Minute,
		BaseContext: func(net.Listener) context.Context { return ctx }}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	if err := a.out.Result(pinsvcStarted{URL: "http://" + ln.Addr().String(), Listen: ln.Addr().String(), IPFS: o.ipfsAPI, Dir: o.dir}); err != nil {
		return err
	}
	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	_ = hs.Shutdown(sctx)
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("serving the pinning service: %w", serveErr)
	}
	return cli.Stopped("pinning service stopped by a signal; its state in %s is saved", o.dir)
}
