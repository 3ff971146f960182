package daemon

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// cutReader yields n bytes and then fails, as a client whose user pressed
// Ctrl-C in the middle of an upload.
type cutReader struct{ n int }

func (c *cutReader) Read(p []byte) (int, error) {
	if c.n == 0 {
		return 0, errors.New("interrupted")
	}
	k := min(len(p), c.n)
	clear(p[:k])
	c.n -= k
	return k, nil
}

// interruptedPut sends a put whose body stops after size bytes: more than
// the connection buffers, so the daemon is reading it when it stops.
func interruptedPut(t *testing.T, n *node, path string, size int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "POST", n.srv.URL+path, io.MultiReader(&cutReader{n: size}))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+n.token)
	if resp, err := n.srv.Client().Do(req); err == nil {
		resp.Body.Close()
		if resp.StatusCode < 400 {
			t.Fatalf("an interrupted put answered %d", resp.StatusCode)
		}
	}
}

// TestInterruptedPutLeavesNothing: a put cut off mid-stream that was
// creating its dataset leaves no dataset (not listed, its name free, its
// id erased on chain and journaled), no pin and no block it added; one cut
// off on an existing dataset leaves its versions and adds nothing. A put
// that completes with create=true creates the dataset with its first
// version.
func TestInterruptedPutLeavesNothing(t *testing.T) {
	w := newWorld(t)
	o := w.owner
	pinsBefore, err := o.store.Pins(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	interruptedPut(t, o, "/v1/datasets/half/versions?create=true", 32<<20)
	waitNoPending(t, o, "half")
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if recs, err := o.d.journal.Read(); err == nil && len(recs) > 0 && recs[len(recs)-1].Kind == KindErase {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the interrupted put's dataset was not erased within 30s")
		}
	}
	var list DatasetList
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets", nil, &list)
	if len(list.Datasets) != 0 {
		t.Fatalf("after an interrupted first put: datasets %+v, want none", list.Datasets)
	}
	if pins, err := o.store.Pins(w.ctx); err != nil || len(pins) != len(pinsBefore) {
		t.Fatalf("pins after an interrupted put: %v (%v), want the %d from before", pins, err, len(pinsBefore))
	}
	if n, err := o.store.GC(w.ctx); err != nil || n != 0 {
		t.Fatalf("an interrupted put left %d unpinned blocks (%v)", n, err)
	}
	recs, err := o.d.journal.Read()
	if err != nil || len(recs) < 2 || recs[len(recs)-1].Kind != KindErase || recs[len(recs)-1].Dataset != "half" ||
		!strings.Contains(recs[len(recs)-1].Reason, "first version was not stored") {
		t.Fatalf("journal %+v, want the abandoned dataset's erase with its reason", recs)
	}
	if info, err := o.s.DatasetInfo(w.ctx, recs[len(recs)-1].ID); err != nil || !info.Erased {
		t.Fatalf("the abandoned dataset on chain: %+v %v, want erased", info, err)
	}

	// Without create=true a name the home does not have is refused.
	if r := o.call(t, "POST", "/v1/datasets/half/versions", []byte("x")); r.status != http.StatusBadRequest {
		t.Fatalf("put to a missing dataset without create: %d", r.status)
	}
	var put PutResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/half/versions?create=true", []byte("a,b\n1,2\n"), &put)
	if !put.Created || put.Version != 1 {
		t.Fatalf("first put with create: %+v", put)
	}
	var again PutResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/half/versions?create=true", []byte("a,b\n3,4\n"), &again)
	if again.Created || again.Version != 2 || again.ID != put.ID {
		t.Fatalf("second put with create: %+v", again)
	}

	pinsBefore, _ = o.store.Pins(w.ctx)
	interruptedPut(t, o, "/v1/datasets/half/versions", 32<<20)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if recs, err := o.d.journal.Read(); err == nil && len(recs) > 0 && recs[len(recs)-1].Kind == KindDiscard {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the interrupted put's blocks were not discarded within 30s")
		}
	}
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets", nil, &list)
	if len(list.Datasets) != 1 || len(list.Datasets[0].Versions) != 2 {
		t.Fatalf("after an interrupted put to an existing dataset: %+v", list.Datasets)
	}
	if pins, err := o.store.Pins(w.ctx); err != nil || len(pins) != len(pinsBefore) {
		t.Fatalf("pins: %v (%v), want the %d from before", pins, err, len(pinsBefore))
	}
	if n, err := o.store.GC(w.ctx); err != nil || n != 0 {
		t.Fatalf("an interrupted put to an existing dataset left %d unpinned blocks (%v)", n, err)
	}
	got := o.call(t, "GET", "/v1/cids/"+again.CID, nil)
	if got.status != http.StatusOK || !bytes.Equal(got.body, []byte("a,b\n3,4\n")) {
		t.Fatalf("version 2 after the interrupted put: %d %q", got.status, got.body)
	}
}

// waitNoPending waits until the daemon finished with a put to name: its
// clean-up runs after the client is gone.
func waitNoPending(t *testing.T, n *node, name string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		n.d.mu.Lock()
		e, ok := n.d.index.Get(name)
		n.d.mu.Unlock()
		if !ok || (!e.Pending && !e.Storing) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the put to %q was not cleaned up within 30s: %+v", name, e)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
