// Package web is the pdx dashboard: a few static files (HTML, CSS and
// JavaScript modules, no framework and no build step) embedded in the
// binary and served by the daemon under /ui/ on its API port.
//
// The page itself is public — it holds no data — and asks for the home's
// API token on its login page; every call it makes to the API sends that
// token as a bearer token, so the dashboard can do exactly what the token
// allows and nothing more. Because the files are plain sources embedded as
// they are in the repository, what the daemon serves is reproducible from
// the source tree byte for byte, and it works offline: nothing is loaded
// from anywhere but the daemon. DASHBOARD.md describes the pages.
package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"strings"
)

// Prefix is where the dashboard is served.
const Prefix = "/ui/"

//go:embed assets
var assets embed.FS

// csp allows only the daemon's own scripts, styles and API: no inline
// script, no other origin, no framing (the token must not be phished by a
// page that frames the dashboard).
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Handler serves the dashboard's files under Prefix, GET and HEAD only.
func Handler() http.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "the dashboard's files are missing from this binary: "+err.Error(), http.StatusInternalServerError)
		})
	}
	etags := etagsOf(sub)
	files := http.StripPrefix(Prefix, http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD")
			http.Error(w, "the dashboard is read with GET", http.StatusMethodNotAllowed)
			return
		}
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		// Revalidate every time: a new pdx binary serves new files, and
		// the ETag makes an unchanged file a 304.
		hd.Set("Cache-Control", "no-cache")
		name := strings.TrimPrefix(r.URL.Path, Prefix)
		if name == "" {
			name = "index.html"
		}
		if tag, ok := etags[name]; ok {
			hd.Set("ETag", tag)
		}
		files.ServeHTTP(w, r)
	})
}

// etagsOf hashes every embedded file once: the embedded files carry no
// modification time for http.FileServer to validate caches with.
func etagsOf(fsys fs.FS) map[string]string {
	tags := map[string]string{}
	_ = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return nil
		}
		sum := sha256.Sum256(b)
		tags[path] = `"` + hex.EncodeToString(sum[:12]) + `"`
		return nil
	})
	return tags
}
