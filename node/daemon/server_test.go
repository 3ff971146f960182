package daemon

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/internal/config"
)

// hostCall sends method path to n's server with the Host header host.
func hostCall(t *testing.T, n *node, host, token, path string) response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, n.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := n.srv.Client().Do(req)
	if err != nil {
		t.Fatalf("GET %s (Host %s): %v", path, host, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

// testForeignHostRefused is DNS rebinding: a web page of evil.example whose
// name now resolves to 127.0.0.1 reaches the daemon's port, but its
// requests say Host: evil.example. Every route refuses them with 421 —
// /healthz, and authenticated ones even with the right token — while the
// loopback names and the exact api.listen address are served.
func testForeignHostRefused(t *testing.T, w *world) {
	o := w.owner
	for _, host := range []string{"evil.example", "evil.example:5180", "127.0.0.1.evil.example", "localhost.evil.example:80", "10.0.0.1:5180", "[::1].evil.example"} {
		for _, path := range []string{"/healthz", "/v1/datasets", "/openapi.json", "/ui/"} {
			r := hostCall(t, o, host, o.token, path)
			if r.status != http.StatusMisdirectedRequest || r.apiError(t).Code != CodeMisdirected {
				t.Fatalf("GET %s with Host %q: %d %s, want 421 misdirected", path, host, r.status, r.body)
			}
			if strings.Contains(string(r.body), o.h.Address().Hex()) {
				t.Fatalf("the refusal shows the account: %s", r.body)
			}
		}
	}
	if msg := hostCall(t, o, "evil.example", "", "/healthz").apiError(t).Message; !strings.Contains(msg, "loopback") || !strings.Contains(msg, `"evil.example"`) {
		t.Fatalf("the refusal does not explain itself: %q", msg)
	}
	for _, host := range []string{"localhost", "localhost:5180", "LocalHost.:1", "127.0.0.1", "127.0.0.1:5180", "[::1]:5180", "[::1]"} {
		if r := hostCall(t, o, host, o.token, "/v1/datasets"); r.status != http.StatusOK {
			t.Fatalf("GET /v1/datasets with Host %q: %d %s, want 200", host, r.status, r.body)
		}
	}

	// A daemon listening on every interface (as in docker-compose) answers
	// its exact api.listen too, and still no other name.
	conf := config.Default()
	conf.API.Listen = "0.0.0.0:5180"
	d, err := New(w.ctx, Config{Home: o.h, Config: conf, Service: o.s, Token: o.token, Datasets: o.d.Index(), Journal: o.d.Journal()})
	if err != nil {
		t.Fatal(err)
	}
	for host, want := range map[string]int{"0.0.0.0:5180": 200, "0.0.0.0:5181": 421, "pdx-owner:5180": 421, "localhost:5180": 200} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		req.Host = host
		d.Handler().ServeHTTP(rec, req)
		if rec.Code != want {
			t.Fatalf("listen 0.0.0.0:5180, Host %q: %d, want %d", host, rec.Code, want)
		}
	}
}

// testHealthzHidesAccount: /healthz needs no token, so any local process
// (or a page that got past the Host check) could read it; it says the
// daemon is alive and nothing of whose it is. With the token (the
// dashboard) it names the account.
func testHealthzHidesAccount(t *testing.T, w *world) {
	o := w.owner
	addr := o.h.Address().Hex()
	r := o.callToken(t, "", "GET", "/healthz", nil)
	var body map[string]any
	r.decode(t, &body)
	if r.status != http.StatusOK || body["status"] != "ok" {
		t.Fatalf("/healthz: %d %s", r.status, r.body)
	}
	if strings.Contains(strings.ToLower(string(r.body)), strings.ToLower(addr[2:])) || body["address"] != nil {
		t.Fatalf("/healthz without the token shows the account: %s", r.body)
	}
	for _, tok := range []string{"wrong", w.brand.token} {
		if r := o.callToken(t, tok, "GET", "/healthz", nil); strings.Contains(string(r.body), addr) {
			t.Fatalf("/healthz with token %q shows the account: %s", tok, r.body)
		}
	}
	r = o.call(t, "GET", "/healthz", nil)
	r.decode(t, &body)
	if body["address"] != addr {
		t.Fatalf("/healthz with the token: %s, want the account %s", r.body, addr)
	}
}

// testStalledBodyDropped is a client that sends its headers and part of a
// body, then nothing: it is answered and dropped after StallTimeout rather
// than holding a connection and a handler forever. A body that keeps
// moving is read to its end however long it takes in all (a put of a large
// version is not bounded as a whole).
//
// StallTimeout is a deadline on the connection, so both halves are real
// time: the steady client must send each piece within stall of the last,
// and its pieces are late by however long a loaded machine keeps it from
// running. The pieces therefore go stallGap apart, a tenth of stall: the
// steady body passes as long as no piece is held back by more than nine
// tenths of a second, and its twenty pieces still take two stall timeouts
// in all. (With 150 ms pieces under a 300 ms stall, a client descheduled
// for 150 ms at load average 10-20 was taken for a stalled one.)
func testStalledBodyDropped(t *testing.T, w *world) {
	o := w.owner
	const (
		stall    = time.Second
		stallGap = stall / 10
	)
	d, err := New(w.ctx, Config{Home: o.h, Service: o.s, Token: o.token, Datasets: o.d.Index(), Journal: o.d.Journal(), StallTimeout: stall})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(nil)
	srv.Config = d.Server(w.ctx)
	srv.Start()
	t.Cleanup(srv.Close)

	body := `{"grantee":"0x00000000000000000000000000000000000000aa","purpose":"research","expires":"30d"}`
	send := func(chunks []string, gap time.Duration, declared int) (string, time.Duration) {
		t.Helper()
		c, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		start := time.Now()
		fmt.Fprintf(c, "POST /v1/datasets/nosuch/grants HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", o.token, declared)
		for _, ch := range chunks {
			time.Sleep(gap)
			if _, err := io.WriteString(c, ch); err != nil {
				t.Fatal(err)
			}
		}
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("no answer within 10 s after %s: %v", time.Since(start), err)
		}
		defer resp.Body.Close()
		var e errorBody
		json.NewDecoder(resp.Body).Decode(&e)
		return fmt.Sprintf("%d %s %s", resp.StatusCode, e.Error.Code, e.Error.Message), time.Since(start)
	}

	got, took := send([]string{body[:10]}, 0, len(body))
	if !strings.HasPrefix(got, "400 bad_request") || !strings.Contains(got, "sent nothing") {
		t.Fatalf("stalled body: %q, want 400 saying the body stalled", got)
	}
	if took > 5*time.Second {
		t.Fatalf("stalled body answered after %s, want about %s", took, stall)
	}

	// The same body in twenty pieces, stallGap apart: two stall timeouts in
	// all, and read to its end: the answer is about the dataset, which does
	// not exist.
	var chunks []string
	for i := range 20 {
		chunks = append(chunks, body[i*len(body)/20:(i+1)*len(body)/20])
	}
	got, took = send(chunks, stallGap, len(body))
	if !strings.Contains(got, `unknown dataset "nosuch"`) || took < 2*stall {
		t.Fatalf("a slow but steady body: %q after %s, want unknown dataset (the whole body read)", got, took)
	}
}
