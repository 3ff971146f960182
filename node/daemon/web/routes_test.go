package web

import (
	"encoding/json"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDashboardCallsDocumentedRoutes checks every API call the dashboard's
// scripts make (api.call('METHOD', '/v1/…')) against the daemon's OpenAPI
// document, which a daemon test checks against the routes it serves: a
// page calling a route the daemon does not have fails here, not in a
// browser.
func TestDashboardCallsDocumentedRoutes(t *testing.T) {
	raw, err := os.ReadFile("../openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	param := regexp.MustCompile(`\{[^}]+\}`)
	type route struct{ method, path string }
	var routes []route
	for p, ops := range doc.Paths {
		for m := range ops {
			routes = append(routes, route{strings.ToUpper(m), param.ReplaceAllString(p, "*")})
		}
	}
	call := regexp.MustCompile("api\\.call\\('([A-Z]+)', [`']([^`'?]+)")
	expr := regexp.MustCompile(`\$\{[^}]+\}`)
	sub, _ := fs.Sub(assets, "assets")
	n := 0
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			method, path := m[1], expr.ReplaceAllString(m[2], "*")
			n++
			found := false
			for _, r := range routes {
				if r.method == method && segmentsMatch(r.path, path) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s calls %s %s, which openapi.json does not describe", p, method, m[2])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("found %d API calls in the scripts; the pattern no longer matches them", n)
	}
}

// segmentsMatch compares two paths segment by segment, "*" matching any
// one segment.
func segmentsMatch(doc, called string) bool {
	a, b := strings.Split(doc, "/"), strings.Split(called, "/")
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && a[i] != "*" && b[i] != "*" {
			return false
		}
	}
	return true
}
