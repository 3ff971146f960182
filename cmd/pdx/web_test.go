package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
)

// browserHint says how to get what the dashboard's browser test needs.
const browserHint = "run `make browser` in the repository root (Debian's chromium via apt-get, playwright-core under tools/node_modules)"

// chromiumPath is Debian's chromium, or PDX_CHROMIUM.
func chromiumPath() string {
	if p := os.Getenv("PDX_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// TestDashboard drives the web dashboard in headless Chromium against a
// real `pdx daemon` (the owner, on the embedded defaults) and a brand's
// daemon on the same chain and IPFS: the owner signs in, bad input is
// refused inline and changes nothing, the owner uploads and offers, the
// brand buys, the grant appears on the owner's page, the brand downloads
// the same bytes, the owner revokes, the brand's page shows the refusal
// and its reason, and the owner's access log shows the read. Screenshots
// of every page go to $PDX_ARTIFACTS (or a fresh temporary directory,
// printed in the log).
func TestDashboard(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node is not on PATH (the dashboard test runs Playwright with it): install Node 20, then %s", browserHint)
	}
	chromium := chromiumPath()
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("chromium not found at %s (%v): %s, or set PDX_CHROMIUM to a Chromium binary", chromium, err, browserHint)
	}
	modules := filepath.Join(root, "tools", "node_modules")
	if _, err := os.Stat(filepath.Join(modules, "playwright-core", "package.json")); err != nil {
		t.Fatalf("playwright-core is not installed under tools/node_modules: %s", browserHint)
	}
	script := filepath.Join(root, "node", "daemon", "web", "testdata", "dashboard_e2e.js")

	artifacts := os.Getenv("PDX_ARTIFACTS")
	if artifacts == "" {
		if artifacts, err = os.MkdirTemp("", "pdx-dashboard-"); err != nil {
			t.Fatal(err)
		}
	} else if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("dashboard screenshots and the downloaded file go to %s", artifacts)

	ctx, tmp, ownerDir, brandDir, ownerEnv, brandEnv := twoHomes(t)

	// Chromium starts while the daemons do; the script waits for its
	// config on stdin.
	start := time.Now()
	nctx, cancel := context.WithTimeout(ctx, 170*time.Second)
	defer cancel()
	cmd := exec.CommandContext(nctx, node, script, chromium, filepath.Join(tmp, "chromium-profile"))
	cmd.Dir = filepath.Dir(script)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	cmd.WaitDelay = 10 * time.Second
	var stderr syncBuffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting node: %v", err)
	}
	type line struct {
		MS          int64    `json:"ms"`
		Step        string   `json:"step"`
		Screenshot  string   `json:"screenshot"`
		A11y        string   `json:"a11y"`
		OK          bool     `json:"ok"`
		Screenshots []string `json:"screenshots"`
		Downloaded  string   `json:"downloaded"`
	}
	// The script's output is read as it comes, and the process waited
	// for, whatever happens to the test (a daemon that fails to start
	// ends it early: the context kills node).
	var (
		result  line
		waitErr error
		done    = make(chan struct{})
	)
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			var l line
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				t.Logf("node: %s", sc.Bytes())
				continue
			}
			switch {
			case l.OK:
				result = l
			case l.Step != "" || l.Screenshot != "" || l.A11y != "":
				t.Logf("%6.1fs %s", float64(l.MS)/1000, sc.Bytes())
			}
		}
		_, _ = io.Copy(io.Discard, out)
		waitErr = cmd.Wait()
	}()
	t.Cleanup(func() {
		cancel()
		<-done // node is killed with the context; WaitDelay bounds the rest
	})

	owner := startDaemon(t, ctx, ownerDir, ownerEnv)
	stopBrand := startBrand(t, ctx, owner.node, brandDir, portOf(brandEnv))
	defer stopBrand()

	data := make([]byte, 256<<10)
	rand.Read(data)
	sum := sha256.Sum256(data)
	upload := filepath.Join(tmp, "purchases-2026.csv")
	empty := filepath.Join(tmp, "empty.csv")
	for f, b := range map[string][]byte{upload: data, empty: nil} {
		if err := os.WriteFile(f, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	token := func(dir string) string {
		tok, err := home.ReadToken(filepath.Join(dir, home.TokenFile))
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	brandKeys, err := home.Load(brandDir)
	if err != nil {
		t.Fatal(err)
	}
	brandAddr := brandKeys.Keys().Address.Hex()
	cfg, _ := json.Marshal(map[string]any{
		"artifacts": artifacts, "uploadFile": upload, "emptyFile": empty, "sha256": hex.EncodeToString(sum[:]),
		"owner": map[string]string{"url": "http://127.0.0.1:" + portOf(ownerEnv), "token": token(ownerDir)},
		"brand": map[string]string{"url": "http://127.0.0.1:" + portOf(brandEnv), "token": token(brandDir), "address": brandAddr},
	})
	if _, err := stdin.Write(cfg); err != nil {
		t.Fatalf("giving the script its config: %v (node said: %s)", err, stderr.String())
	}
	stdin.Close()
	<-done
	if waitErr != nil || !result.OK {
		t.Fatalf("the dashboard's browser test failed (%v) after %s; screenshots in %s:\n%s\nowner daemon log (tail):\n%s",
			waitErr, time.Since(start).Round(time.Second), artifacts, stderr.String(), tail(owner.stderr.String(), 3000))
	}
	t.Logf("browser part took %s; %d screenshots in %s: %s", time.Since(start).Round(time.Second), len(result.Screenshots), artifacts, strings.Join(result.Screenshots, ", "))

	// What the browser saw, checked from the outside.
	got, err := os.ReadFile(result.Downloaded)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("the brand's download: %d bytes (%v), want the %d bytes the owner uploaded", len(got), err, len(data))
	}
	for _, s := range result.Screenshots {
		b, err := os.ReadFile(filepath.Join(artifacts, s))
		if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) || len(b) < 2000 {
			t.Errorf("screenshot %s: %d bytes (%v), want a PNG", s, len(b), err)
		}
	}
	if len(result.Screenshots) < 15 {
		t.Errorf("%d screenshots, want one of every page and state", len(result.Screenshots))
	}
	var lg daemon.LogResponse
	pdxJSON(t, ctx, ownerEnv, &lg, "--home", ownerDir, "log")
	var kinds []string
	for _, e := range lg.Entries {
		kinds = append(kinds, e.Kind)
	}
	// Exactly what the session did, in order: the refused and cancelled
	// forms added nothing (the two grants by hand: a plain purpose, then
	// the same grantee under a usage policy; then a split dataset, a field
	// grant from the form and the change of its fields).
	want := []string{daemon.KindCreate, daemon.KindPut, daemon.KindOffer, daemon.KindPurchase, daemon.KindWithdraw,
		daemon.KindRevoke, daemon.KindGrant, daemon.KindGrant, daemon.KindRevoke, daemon.KindRotate,
		daemon.KindCreate, daemon.KindPut, daemon.KindGrant, daemon.KindGrant}
	if !slices.Equal(kinds, want) {
		t.Errorf("the owner's journal after the dashboard session: %v, want %v", kinds, want)
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
