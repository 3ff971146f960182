package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/ipfs/boxo/files"
	"github.com/ipfs/go-cid"
	"github.com/ipfs/kubo/client/rpc"
	"github.com/ipfs/kubo/config"
	coreiface "github.com/ipfs/kubo/core/coreiface"
	ma "github.com/multiformats/go-multiaddr"
)

// RemoteConfig points at a running kubo daemon's RPC API.
type RemoteConfig struct {
	// API is the daemon's RPC address: a multiaddr such as
	// /ip4/127.0.0.1/tcp/5001 (what kubo writes to $IPFS_PATH/api) or an
	// http(s):// URL.
	API string
	// AuthSecret is a secret from the daemon's API.Authorizations, written as
	// kubo writes it there: "bearer:<token>", "basic:<user>:<password>" or a
	// bare token. Empty sends no Authorization header.
	AuthSecret string
	// HTTPClient is the base client (TLS settings, proxies). Nil uses a
	// plain client. Its Timeout should be 0: Add and Get stream for as long
	// as the object needs, bounded by each call's context.
	HTTPClient *http.Client
}

// Remote is a kubo daemon used through its RPC API.
type Remote struct {
	coreStore
	rpc     *rpc.HttpApi
	hc      *http.Client
	apiAddr string // the API as configured, for messages
}

var _ Store = (*Remote)(nil)

// OpenRemote connects to the daemon and checks that it answers and accepts
// the credentials.
func OpenRemote(ctx context.Context, cfg RemoteConfig) (*Remote, error) {
	if cfg.API == "" {
		return nil, fmt.Errorf("%w: RemoteConfig.API is empty; set it to the daemon's RPC address, e.g. /ip4/127.0.0.1/tcp/5001", ErrUnreachable)
	}
	auth := ""
	if cfg.AuthSecret != "" {
		auth = config.ConvertAuthSecret(cfg.AuthSecret)
		if auth == "" {
			return nil, fmt.Errorf("%w: AuthSecret has an unknown type; write it as in kubo's API.Authorizations: bearer:<token> or basic:<user>:<password>", ErrUnauthorized)
		}
	}
	base := http.DefaultTransport
	if cfg.HTTPClient != nil && cfg.HTTPClient.Transport != nil {
		base = cfg.HTTPClient.Transport
	}
	hc := &http.Client{Transport: &authTransport{auth: auth, base: base}}
	if cfg.HTTPClient != nil {
		hc.Jar = cfg.HTTPClient.Jar
		hc.Timeout = cfg.HTTPClient.Timeout
	}

	var (
		api *rpc.HttpApi
		err error
	)
	if strings.HasPrefix(cfg.API, "http://") || strings.HasPrefix(cfg.API, "https://") {
		api, err = rpc.NewURLApiWithClient(strings.TrimRight(cfg.API, "/"), hc)
	} else {
		var a ma.Multiaddr
		a, err = ma.NewMultiaddr(strings.TrimSpace(cfg.API))
		if err != nil {
			return nil, fmt.Errorf("%w: API %q is neither a multiaddr nor an http(s) URL: %v", ErrUnreachable, cfg.API, err)
		}
		api, err = rpc.NewApiWithClient(a, hc)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: API %q: %v", ErrUnreachable, cfg.API, err)
	}
	r := &Remote{coreStore: coreStore{api: api}, rpc: api, hc: hc, apiAddr: cfg.API}
	var v struct{ Version string }
	if err := api.Request("version").Exec(ctx, &v); err != nil {
		return nil, remoteError(err)
	}
	return r, nil
}

// authTransport adds the Authorization header and turns the HTTP answers
// that kubo's RPC client would only report as text into typed errors.
type authTransport struct {
	auth string
	base http.RoundTripper
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if t.auth != "" {
		req = req.Clone(req.Context())
		req.Header.Set("Authorization", t.auth)
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		if req.Context().Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%w at %s: %v; check that the kubo daemon is running and its API address", ErrUnreachable, req.URL.Host, err)
	}
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		resp.Body.Close()
		return nil, fmt.Errorf("%w: %s answered %s (%s); set RemoteConfig.AuthSecret to a secret from the daemon's API.Authorizations that allows %s",
			ErrUnauthorized, req.URL.Host, resp.Status, strings.TrimSpace(string(msg)), req.URL.Path)
	}
	return resp, nil
}

// remoteError unwraps the url.Error the HTTP client puts around our typed
// transport errors, so the message is ours.
func remoteError(err error) error {
	for _, s := range []error{ErrUnauthorized, ErrUnreachable} {
		if errors.Is(err, s) {
			for u := errors.Unwrap(err); u != nil; u = errors.Unwrap(u) {
				if errors.Is(u, s) && !strings.HasPrefix(u.Error(), "Post ") {
					return u
				}
			}
			return err
		}
	}
	return err
}

// Add streams r to the daemon's add command with the import profile. It
// sends the request itself rather than through the RPC client's Add, which
// does not pass the pin name or the link limit.
func (r *Remote) Add(ctx context.Context, in io.Reader, opts AddOptions) (cid.Cid, error) {
	if err := r.check(ctx); err != nil {
		return cid.Undef, err
	}
	lr := newLimitReader(in, opts.MaxSize)
	body := files.NewMultiFileReader(files.NewMapDirectory(map[string]files.Node{"": files.NewReaderFile(lr)}), false, false)
	req := r.rpc.Request("add").
		Option("cid-version", importCidVersion).
		Option("raw-leaves", true).
		Option("chunker", importChunker).
		Option("max-file-links", importMaxLinks).
		Option("hash", importHash).
		Option("inline", false).
		Option("pin", true).
		Option("progress", false).
		Body(body)
	if opts.Name != "" {
		req = req.Option("pin-name", opts.Name)
	}
	resp, err := req.Send(ctx)
	if err != nil {
		return cid.Undef, lr.addError(ctx, remoteError(err))
	}
	if resp.Error != nil {
		resp.Close()
		return cid.Undef, lr.addError(ctx, resp.Error)
	}
	defer resp.Close()
	var last struct{ Hash string }
	dec := json.NewDecoder(resp.Output)
	for {
		var ev struct{ Hash string }
		if err := dec.Decode(&ev); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return cid.Undef, lr.addError(ctx, remoteError(err))
		}
		if ev.Hash != "" {
			last = ev
		}
	}
	c, err := cid.Decode(last.Hash)
	if err != nil {
		return cid.Undef, lr.addError(ctx, fmt.Errorf("the daemon returned no CID (%q): %v", last.Hash, err))
	}
	return c, nil
}

func (r *Remote) Get(ctx context.Context, c cid.Cid) (io.ReadCloser, error) {
	if err := r.check(ctx, c); err != nil {
		return nil, err
	}
	return r.cat(ctx, c, r.rpc.Request("cat", "/ipfs/"+c.String()))
}

func (r *Remote) cat(ctx context.Context, c cid.Cid, req rpc.RequestBuilder) (io.ReadCloser, error) {
	resp, err := req.Send(ctx)
	if err != nil {
		if ctx.Err() != nil {
			// Absent content and an API that stopped answering both end
			// in the deadline; a short probe tells them apart, so a cut-off
			// kubo host is reported as such and not as missing data.
			pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
			_, perr := r.rpc.Request("version").Send(pctx)
			cancel()
			if perr != nil {
				return nil, fmt.Errorf("%w: the kubo API at %s did not answer while %s was fetched; check that host and its network: %v", ErrUnreachable, r.apiAddr, c, ctx.Err())
			}
		}
		return nil, fetchError(ctx, c, remoteError(err))
	}
	if resp.Error != nil {
		resp.Cancel()
		return nil, fetchError(ctx, c, resp.Error)
	}
	return &readCloser{ctx: ctx, c: c, r: resp.Output, close: resp.Cancel}, nil
}

func (r *Remote) GC(ctx context.Context) (int, error) {
	if err := r.check(ctx); err != nil {
		return 0, err
	}
	resp, err := r.rpc.Request("repo/gc").Option("stream-errors", true).Send(ctx)
	if err != nil {
		return 0, fmt.Errorf("storage: garbage collection: %w", remoteError(err))
	}
	if resp.Error != nil {
		resp.Close()
		return 0, fmt.Errorf("storage: garbage collection: %w", resp.Error)
	}
	defer resp.Close()
	removed := 0
	dec := json.NewDecoder(resp.Output)
	for {
		var ev struct {
			Key   cid.Cid
			Error string
		}
		if err := dec.Decode(&ev); err != nil {
			if errors.Is(err, io.EOF) {
				return removed, nil
			}
			return removed, fmt.Errorf("storage: garbage collection: %w", remoteError(err))
		}
		if ev.Error != "" {
			return removed, fmt.Errorf("storage: garbage collection: %s", ev.Error)
		}
		removed++
	}
}

// Close drops idle connections; the daemon keeps running.
func (r *Remote) Close() error {
	r.closed.Store(true)
	r.hc.CloseIdleConnections()
	return nil
}

// Raw is the RPC client's CoreAPI.
func (r *Remote) Raw() coreiface.CoreAPI { return r.api }
