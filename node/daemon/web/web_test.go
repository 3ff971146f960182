package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, srv *httptest.Server, method, path string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// TestHandler serves every embedded file with its type and the headers
// that keep the page to its own origin, and nothing else.
func TestHandler(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle(Prefix, Handler())
	srv := httptest.NewServer(mux)
	defer srv.Close()

	resp, body := get(t, srv, "GET", Prefix, nil)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(body, `<script type="module" src="app.js">`) {
		t.Fatalf("GET %s: %d %s\n%s", Prefix, resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "ETag"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("GET %s: no %s header", Prefix, h)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q allows inline code or framing", csp)
	}
	// A cached copy revalidates to 304.
	if r, _ := get(t, srv, "GET", Prefix, map[string]string{"If-None-Match": resp.Header.Get("ETag")}); r.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation with the ETag: %d, want 304", r.StatusCode)
	}

	types := map[string]string{".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
	sub, _ := fs.Sub(assets, "assets")
	// External URLs the files may contain: the SVG namespace only.
	external := regexp.MustCompile(`(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
	n := 0
	err := fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		want, ok := types[filepath.Ext(p)]
		if !ok {
			t.Errorf("%s: no expected type for this extension", p)
			return nil
		}
		resp, body := get(t, srv, "GET", Prefix+p, nil)
		if p == "index.html" {
			// FileServer sends index.html's own path back to the directory.
			if resp.StatusCode != http.StatusOK {
				t.Errorf("GET %s: %d", p, resp.StatusCode)
			}
			return nil
		}
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), want) {
			t.Errorf("GET %s: %d %q, want 200 %s", p, resp.StatusCode, resp.Header.Get("Content-Type"), want)
		}
		for _, m := range external.FindAllString(body, -1) {
			if m != "http://www.w3.org" {
				t.Errorf("%s refers to %s: the dashboard must load nothing from other origins", p, m)
			}
		}
		return nil
	})
	if err != nil || n < 7 {
		t.Fatalf("walked %d embedded files (%v)", n, err)
	}

	for _, c := range []struct {
		method, path string
		status       int
	}{
		{"GET", Prefix + "nosuch.js", http.StatusNotFound},
		{"GET", Prefix + "../daemon.go", http.StatusNotFound},
		{"POST", Prefix, http.StatusMethodNotAllowed},
		{"DELETE", Prefix + "app.js", http.StatusMethodNotAllowed},
	} {
		if r, _ := get(t, srv, c.method, c.path, nil); r.StatusCode != c.status {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, r.StatusCode, c.status)
		}
	}
}

// TestFormat runs the pure JavaScript helpers (form parsing, amounts,
// countdowns, the earnings series) under node against the cases in
// testdata/format_cases.json.
func TestFormat(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not on PATH: install Node 20 (the dashboard's helpers are tested with it), or run `make browser`")
	}
	out, err := exec.Command(node, filepath.Join("testdata", "format_test.mjs"), filepath.Join("testdata", "format_cases.json")).CombinedOutput()
	if err != nil {
		t.Fatalf("node format_test.mjs: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "ok ") {
		t.Fatalf("node format_test.mjs said nothing of its cases:\n%s", out)
	}
	t.Logf("%s", out)
}
