package main

import (
	"encoding/json"
	"errors"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/daemon"
)

// TestAPIErrorKinds: for every kind the daemon answers with, the status
// and code it sends, the exit status the CLI gives that answer, and the
// tables of docs/api.md and docs/cli.md agree, and no exit status changed
// when the three tables became one (internal/errkind).
func TestAPIErrorKinds(t *testing.T) {
	// The exit statuses of the API codes before the move (docs/cli.md).
	was := map[string]int{
		daemon.CodeBadRequest:   2,
		daemon.CodeUnauthorized: 4,
		daemon.CodeNotFound:     3,
		daemon.CodeRefused:      4,
		daemon.CodeConflict:     6,
		daemon.CodeUnavailable:  5,
		daemon.CodeDamaged:      9,
		daemon.CodeNoRoute:      1,
		daemon.CodeInternal:     1,
		daemon.CodeMisdirected:  1,
		"some_future_code":      1,
	}
	doc := docAPIExitTable(t)
	c := &apiClient{base: "http://127.0.0.1:1"}
	seen := map[string]bool{}
	for _, k := range errkind.Kinds() {
		code := k.APICode()
		if code == "" {
			continue
		}
		seen[code] = true
		if back, ok := errkind.FromAPICode(code); !ok || back != k {
			t.Errorf("FromAPICode(%q) = %v %v, want %v", code, back, ok, k)
		}
		err := answer(t, c, k.HTTPStatus(), code)
		exit := cli.ExitCode(err)
		if exit != k.ExitCode() || exit != was[code] {
			t.Errorf("the CLI reads %d %s as exit %d; the kind says %d, it was %d (%v)", k.HTTPStatus(), code, exit, k.ExitCode(), was[code], err)
		}
		if want, ok := doc[code]; !ok || exit != want {
			t.Errorf("docs/cli.md gives %s exit %d (listed: %v); the CLI gives %d", code, want, ok, exit)
		}
	}
	for code := range was {
		if !seen[code] && code != "some_future_code" {
			t.Errorf("no kind has the API code %q", code)
		}
	}
	for code := range doc {
		if !seen[code] {
			t.Errorf("docs/cli.md lists the API code %q, which no kind has", code)
		}
	}
	// A code this CLI does not know is a plain failure.
	if err := answer(t, c, 500, "some_future_code"); cli.ExitCode(err) != was["some_future_code"] {
		t.Errorf("an unknown code exits %d", cli.ExitCode(err))
	}
	// The token of another home: refused, with the hint.
	if err := answer(t, c, 401, daemon.CodeUnauthorized); !strings.Contains(err.Error(), "another pdx home") || cli.Classify(err).Code != "refused" {
		t.Errorf("unauthorized reads %v (%+v)", err, cli.Classify(err))
	}
	if err := answer(t, c, 400, daemon.CodeBadRequest); cli.Classify(err).Code != "usage" || !errors.Is(err, cli.ErrUsage) {
		t.Errorf("bad_request reads %+v", cli.Classify(err))
	}
}

// answer is the error the CLI makes of a daemon's error response.
func answer(t *testing.T, c *apiClient, status int, code string) error {
	t.Helper()
	rec := httptest.NewRecorder()
	rec.WriteHeader(status)
	body := struct {
		Error daemon.APIError `json:"error"`
	}{daemon.APIError{Code: code, Message: "it failed"}}
	if err := json.NewEncoder(rec).Encode(body); err != nil {
		t.Fatal(err)
	}
	err := apiError(c, rec.Result())
	if err == nil || !strings.Contains(err.Error(), "it failed") {
		t.Fatalf("apiError(%d %s) = %v", status, code, err)
	}
	return err
}

// docAPIExitTable reads docs/cli.md's table of API codes and exit statuses.
func docAPIExitTable(t *testing.T) map[string]int {
	t.Helper()
	data, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "| API code | status |")
	if i < 0 {
		t.Fatal("docs/cli.md has no table of API codes")
	}
	s = s[i:]
	if j := strings.Index(s, "\n\n"); j >= 0 {
		s = s[:j]
	}
	row := regexp.MustCompile(`(?m)^\| (.*) \| (\d+) \|$`)
	code := regexp.MustCompile("`([a-z_]+)`")
	doc := map[string]int{}
	for _, m := range row.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[2])
		for _, c := range code.FindAllStringSubmatch(m[1], -1) {
			doc[c[1]] = n
		}
	}
	if len(doc) < 8 {
		t.Fatalf("read only %v from docs/cli.md", doc)
	}
	return doc
}
