package pinsvc

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	pinclient "github.com/ipfs/boxo/pinning/remote/client"
	"github.com/ipfs/boxo/pinning/remote/client/openapi"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/internal/testbin"
	"github.com/pdx-network/pdx/node/storage"
)

const token = "test-token-0123456789"

// kubo starts a real kubo daemon (loopback only) and opens it as a Store.
func kubo(t *testing.T, secret string) storage.Store {
	t.Helper()
	d := testbin.StartIPFSDaemon(t, testbin.IPFSRepo(t, secret))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := storage.OpenRemote(ctx, storage.RemoteConfig{API: d.API, AuthSecret: secret})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// serve runs the server's API on a loopback port until the test ends.
func serve(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func randomBytes(t *testing.T, n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func waitFor(t *testing.T, what string, timeout time.Duration, cond func() (bool, error)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, err := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s (last error: %v)", what, timeout, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestReplication: an owner's node (kubo A) puts a version; the Replicator
// asks the pinning service, whose kubo (B) fetches it from A and pins it;
// the owner erases it (unpins locally) and the service's pin goes too.
// Both kubo nodes are real daemons on loopback.
func TestReplication(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	a, b := kubo(t, "bearer:a-secret"), kubo(t, "bearer:b-secret")

	srv, err := New(ctx, Config{Store: b, Dir: t.TempDir(), Token: token, PinTimeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	url := serve(t, srv)

	rep, err := NewReplicator(ReplicatorConfig{Local: a, URL: url, Token: token, Interval: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	owner := rep.Wrap(a)
	runCtx, stopRun := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); rep.Run(runCtx) }()
	defer func() { stopRun(); <-done }()

	// A pin outside the prefix is left alone.
	other, err := a.Add(ctx, bytes.NewReader(randomBytes(t, 1000)), storage.AddOptions{Name: "not-pdx"})
	if err != nil {
		t.Fatal(err)
	}

	data := randomBytes(t, 600<<10) // several blocks
	start := time.Now()
	c, err := owner.Add(ctx, bytes.NewReader(data), storage.AddOptions{Name: "pdx/dataset/7/v1"})
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the service's kubo pins the owner's version", time.Minute, func() (bool, error) {
		return b.IsPinned(ctx, c)
	})
	t.Logf("replicated a 600 KiB version in %s", time.Since(start).Round(time.Millisecond))
	// B holds every block: export from B alone.
	var car bytes.Buffer
	short, cancelShort := context.WithTimeout(ctx, 20*time.Second)
	if err := b.ExportCAR(short, &car, c); err != nil {
		t.Fatalf("the service's node cannot export the pinned DAG: %v", err)
	}
	cancelShort()
	if pinned, _ := b.IsPinned(ctx, other); pinned {
		t.Fatalf("a pin named outside %q was replicated", DefaultPrefix)
	}
	waitFor(t, "the request reads pinned", 30*time.Second, func() (bool, error) {
		l := rep.Last()
		return l.Local == 1 && l.Pending == 0 && l.Err == nil, l.Err
	})

	// Erase: the local unpin removes the remote pin.
	if err := owner.Unpin(ctx, c); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the service unpins an erased version", 30*time.Second, func() (bool, error) {
		p, err := b.IsPinned(ctx, c)
		return !p, err
	})
	cl := pinclient.NewClient(url, token)
	left, err := cl.LsSync(ctx, pinclient.PinOpts.FilterStatus(pinclient.StatusQueued, pinclient.StatusPinning, pinclient.StatusPinned, pinclient.StatusFailed))
	if err != nil || len(left) != 0 {
		t.Fatalf("service still lists %d requests (%v)", len(left), err)
	}
}

// TestServerAPI exercises the API through boxo's client and raw HTTP:
// auth, validation, paging, failure, replace, delete and restart.
func TestServerAPI(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b := kubo(t, "bearer:b-secret")
	dir := t.TempDir()
	srv, err := New(ctx, Config{Store: b, Dir: dir, Token: token, PinTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	url := serve(t, srv)
	cl := pinclient.NewClient(url, token)

	// Config refusals.
	for _, cfg := range []Config{{Dir: dir, Token: token}, {Store: b, Token: token}, {Store: b, Dir: dir}} {
		if _, err := New(ctx, cfg); !errors.Is(err, ErrConfig) {
			t.Errorf("New(%+v) = %v, want ErrConfig", cfg, err)
		}
	}

	// A wrong token is refused with the API's Failure body.
	_, err = pinclient.NewClient(url, "wrong").LsSync(ctx)
	if err == nil || !strings.Contains(err.Error(), "UNAUTHORIZED") {
		t.Fatalf("wrong token: %v, want UNAUTHORIZED", err)
	}
	resp, err := http.Get(url + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()

	// Twelve content items B has: more than one page of ten.
	var cids []cid.Cid
	for i := range 12 {
		c, err := b.Add(ctx, bytes.NewReader([]byte(fmt.Sprintf("item %d", i))), storage.AddOptions{Name: "seed"})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Unpin(ctx, c); err != nil {
			t.Fatal(err)
		}
		cids = append(cids, c)
		if _, err := cl.Add(ctx, c, pinclient.PinOpts.WithName(fmt.Sprintf("pdx/item/%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, "twelve pins pinned", 30*time.Second, func() (bool, error) {
		l, err := cl.LsSync(ctx) // default filter: pinned
		return len(l) == 12, err
	})
	page, count, err := cl.LsBatchSync(ctx)
	if err != nil || len(page) != 10 || count != 12 {
		t.Fatalf("first page: %d results, count %d, %v; want 10 of 12", len(page), count, err)
	}
	byName, err := cl.LsSync(ctx, pinclient.PinOpts.FilterName("pdx/item/3"))
	if err != nil || len(byName) != 1 || byName[0].GetPin().GetCid() != cids[3] {
		t.Fatalf("name filter: %v %v", byName, err)
	}
	byCID, err := cl.LsSync(ctx, pinclient.PinOpts.FilterCIDs(cids[5]))
	if err != nil || len(byCID) != 1 || byCID[0].GetPin().GetName() != "pdx/item/5" {
		t.Fatalf("cid filter: %v %v", byCID, err)
	}
	if len(byCID[0].GetDelegates()) == 0 {
		t.Fatal("no delegates in a PinStatus")
	}

	// Content nobody has fails after PinTimeout, with the reason.
	missing, _ := cid.Parse("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
	st, err := cl.Add(ctx, missing, pinclient.PinOpts.WithName("pdx/missing"))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a pin of unreachable content fails", 30*time.Second, func() (bool, error) {
		s, err := cl.GetStatusByID(ctx, st.GetRequestId())
		return err == nil && s.GetStatus() == pinclient.StatusFailed, err
	})

	// Replace item 3's request with a pin of other content.
	repl, err := b.Add(ctx, bytes.NewReader([]byte("replacement")), storage.AddOptions{Name: "seed"})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.Unpin(ctx, repl)
	first := byName[0].GetRequestId()
	if _, err := cl.Replace(ctx, first, repl, pinclient.PinOpts.WithName("pdx/item/3")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the replacement is pinned and the old CID unpinned", 30*time.Second, func() (bool, error) {
		newPinned, err := b.IsPinned(ctx, repl)
		if err != nil {
			return false, err
		}
		oldPinned, err := b.IsPinned(ctx, cids[3])
		return newPinned && !oldPinned, err
	})
	if _, err := cl.GetStatusByID(ctx, first); err == nil || !strings.Contains(err.Error(), "NOT_FOUND") {
		t.Fatalf("replaced request still there: %v", err)
	}

	// Delete unpins.
	if err := cl.DeleteByID(ctx, byCID[0].GetRequestId()); err != nil {
		t.Fatal(err)
	}
	if p, _ := b.IsPinned(ctx, cids[5]); p {
		t.Fatal("deleted request's CID still pinned")
	}

	// Bad input: a CID that is not one, an unknown request, a bad filter.
	for _, tc := range []struct {
		method, path, body string
		code               int
	}{
		{"POST", "/pins", `{"cid":"not-a-cid"}`, 400},
		{"POST", "/pins", `{"cid":"` + repl.String() + `","origins":["nonsense"]}`, 400},
		{"POST", "/pins", `{"cid":`, 400},
		{"GET", "/pins/0000", "", 404},
		{"DELETE", "/pins/0000", "", 404},
		{"GET", "/pins?limit=0", "", 400},
		{"GET", "/pins?status=lost", "", 400},
		{"GET", "/pins?before=yesterday", "", 400},
		{"GET", "/nope", "", 404},
	} {
		req, _ := http.NewRequestWithContext(ctx, tc.method, url+tc.path, strings.NewReader(tc.body))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var f Failure
		derr := json.NewDecoder(resp.Body).Decode(&f)
		resp.Body.Close()
		if resp.StatusCode != tc.code || derr != nil || f.Error.Reason == "" {
			t.Errorf("%s %s: %d %+v (%v), want %d with a Failure", tc.method, tc.path, resp.StatusCode, f, derr, tc.code)
		}
	}

	// Restart: the requests survive.
	before, err := cl.LsSync(ctx, pinclient.PinOpts.FilterStatus(pinclient.StatusPinned, pinclient.StatusFailed))
	if err != nil {
		t.Fatal(err)
	}
	srv.Close()
	srv2, err := New(ctx, Config{Store: b, Dir: dir, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	defer srv2.Close()
	cl2 := pinclient.NewClient(serve(t, srv2), token)
	after, err := cl2.LsSync(ctx, pinclient.PinOpts.FilterStatus(pinclient.StatusPinned, pinclient.StatusFailed))
	if err != nil || len(after) != len(before) || len(after) != 12 {
		t.Fatalf("after restart %d requests (%v), before %d; want 12 (11 pinned, 1 failed)", len(after), err, len(before))
	}

	// A damaged state file is refused, not overwritten.
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, stateFile), []byte(`{"version":9,"requests":[]}`), 0o600)
	if _, err := New(ctx, Config{Store: b, Dir: bad, Token: token}); !errors.Is(err, ErrState) {
		t.Fatalf("version 9 state: %v, want ErrState", err)
	}
}

// TestVectors checks the stored wire vectors (testdata/) decode with both
// pdx's types and boxo's client model and encode back byte for byte.
func TestVectors(t *testing.T) {
	for _, tc := range []struct {
		file  string
		ours  any
		boxos any
	}{
		{"pinstatus-v1.json", &PinStatus{}, &openapi.PinStatus{}},
		{"pinresults-v1.json", &PinResults{}, &openapi.PinResults{}},
		{"failure-v1.json", &Failure{}, &openapi.Failure{}},
		{"state-v1.json", &state{}, nil},
	} {
		raw, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(tc.ours); err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if tc.boxos != nil {
			if err := json.Unmarshal(raw, tc.boxos); err != nil {
				t.Errorf("%s: boxo's model: %v", tc.file, err)
			}
		}
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(tc.ours); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(bytes.TrimSpace(out.Bytes()), bytes.TrimSpace(raw)) {
			t.Errorf("%s: re-encoded\n%s\nwant\n%s", tc.file, out.Bytes(), raw)
		}
	}
}
