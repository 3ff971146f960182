package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
)

// apiClient talks to the running daemon of a home: the address is the
// home's api.listen, the token its api.token.
type apiClient struct {
	base  string // http://host:port
	token string
	home  string
	http  *http.Client
}

// client reads the home's config and token; it sends nothing yet.
func (a *app) client() (*apiClient, error) {
	dir, err := a.homeDir()
	if err != nil {
		return nil, err
	}
	h, err := home.Load(dir)
	if err != nil {
		return nil, err
	}
	conf, err := h.LoadConfig(a.environ)
	if err != nil {
		return nil, err
	}
	tok, err := home.ReadToken(h.Path(conf.API.TokenFile))
	if err != nil {
		return nil, err
	}
	host, port, err := net.SplitHostPort(conf.API.Listen)
	if err != nil {
		return nil, cli.Mark(fmt.Errorf("api.listen %q is not host:port: %v", conf.API.Listen, err), cli.ErrConfig)
	}
	// A daemon listening on every interface is reached on loopback.
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	// Streams (put, get) may run long; each request is bounded by the
	// command's context instead of a client timeout.
	return &apiClient{base: "http://" + net.JoinHostPort(host, port), token: tok, home: dir, http: &http.Client{}}, nil
}

// do sends one request and returns the response when its status is 2xx;
// otherwise the API error mapped to the CLI's kinds (docs/cli.md).
func (c *apiClient) do(ctx context.Context, method, path string, body io.Reader, contentType string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return nil, cli.Mark(fmt.Errorf("no pdx daemon answers at %s for the home %s: start it with `pdx daemon` (%v)", c.base, c.home, op.Err), cli.ErrUnavailable)
		}
		return nil, cli.Mark(fmt.Errorf("the pdx daemon at %s failed to answer: %w", c.base, err), cli.ErrUnavailable)
	}
	if resp.StatusCode/100 == 2 {
		return resp, nil
	}
	defer resp.Body.Close()
	return nil, apiError(c, resp)
}

// apiError reads an API error body and gives it the CLI kind of its code.
// The error's text is the daemon's detail (what --json prints); the
// daemon's words for people ride along (cli.Said) for the text output.
func apiError(c *apiClient, resp *http.Response) error {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var doc struct {
		Error daemon.APIError `json:"error"`
	}
	if err := json.Unmarshal(b, &doc); err != nil || doc.Error.Code == "" {
		return fmt.Errorf("the daemon at %s answered %s with no pdx error: %.200q", c.base, resp.Status, b)
	}
	e := doc.Error
	msg := e.Message
	if e.Revert != "" {
		msg += " (the Registry reverted with " + e.Revert + ")"
	}
	// A daemon from before the human text: its detail, without package
	// prefixes, is the best there is.
	human := e.Human
	if human == "" {
		human = cli.StripPrefixes(e.Message)
	}
	// The code's kind gives the exit status: the daemon answered by the
	// same table (internal/errkind).
	k, ok := errkind.FromAPICode(e.Code)
	if !ok {
		return cli.Say(errors.New(msg), human)
	}
	switch k {
	case errkind.Unauthorized:
		msg = fmt.Sprintf("the daemon at %s refused this home's API token: it runs for another pdx home, or the token changed (%s)", c.base, msg)
		human = fmt.Sprintf("the daemon at %s refused this home's API token: it runs for another pdx home, or the token changed; check --home and api.listen", c.base)
	case errkind.NoRoute:
		msg = fmt.Sprintf("the daemon at %s does not serve this request (%s): is it another pdx version?", c.base, msg)
		human = fmt.Sprintf("the daemon at %s does not know this request: is it another pdx version than this command?", c.base)
	}
	return errkind.Mark(cli.Say(errors.New(msg), human), k)
}

// call sends a JSON request (in may be nil) and decodes the JSON answer.
func (c *apiClient) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	ct := ""
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body, ct = bytes.NewReader(b), "application/json"
	}
	resp, err := c.do(ctx, method, path, body, ct)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return cli.Say(fmt.Errorf("reading the daemon's answer to %s %s: %w", method, path, err),
			fmt.Sprintf("the daemon's answer could not be read (%v): is it another pdx version than this command?", err))
	}
	return nil
}

// datasetPath is the API path of a dataset (by name) or of a resource
// below it, each part escaped.
func datasetPath(name string, rest ...string) string {
	p := "/v1/datasets/" + url.PathEscape(name)
	for _, r := range rest {
		p += "/" + url.PathEscape(r)
	}
	return p
}
