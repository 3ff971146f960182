package daemon

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/kvstore"
)

// TestIndexStoreLayout: an update writes the keys FORMATS.md names — one
// per dataset, one per version — and only those it changed; what was
// written reads back after reopening.
func TestIndexStoreLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), IndexDir)
	ix, err := OpenIndex(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	v1 := Version{Version: 1, CID: "bafyone", Fingerprint: "0x01", Size: 10, Put: at}
	v2 := Version{Version: 2, CID: "bafytwo", Fingerprint: "0x02", Size: 20, Put: at}
	if err := ix.Update("a", true, func(e *Entry) { e.ID, e.Created, e.Versions = 7, at, []Version{v1} }); err != nil {
		t.Fatal(err)
	}
	if err := ix.Update("a.b", true, func(e *Entry) { e.ID, e.Created = 8, at }); err != nil {
		t.Fatal(err)
	}
	if err := ix.Update("a", false, func(e *Entry) { e.Versions = append(e.Versions, v2); e.Terms = "research" }); err != nil {
		t.Fatal(err)
	}
	if err := ix.Update("nobody", false, func(*Entry) {}); err == nil {
		t.Fatal("an update of a dataset not in the index succeeded")
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := kvstore.Open(dir, IndexSchema)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	vals := map[string]string{}
	if err := db.Scan(nil, nil, func(k, v []byte) (bool, error) {
		if k[0] != 0 {
			keys = append(keys, string(k))
			vals[string(k)] = string(v)
		}
		return true, nil
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	want := []string{"d/a", "d/a.b", "v/a\x00\x00\x00\x00\x01bafyone", "v/a\x00\x00\x00\x00\x02bafytwo"}
	if len(keys) != len(want) {
		t.Fatalf("keys %q, want %q", keys, want)
	}
	for i := range want {
		if keys[i] != want[i] {
			t.Fatalf("keys %q, want %q", keys, want)
		}
	}
	if got := vals["d/a"]; got != `{"name":"a","id":7,"created":"2026-12-01T00:00:00Z","terms":"research"}` {
		t.Fatalf("d/a = %s", got)
	}
	var v Version
	if err := strictJSON([]byte(vals[want[3]]), &v); err != nil || !reflect.DeepEqual(v, v2) {
		t.Fatalf("version 2 = %s (%v)", vals[want[3]], err)
	}

	ix, err = OpenIndex(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if e, ok := ix.ByID(7); !ok || e.Name != "a" || len(e.Versions) != 2 || !reflect.DeepEqual(e.Versions[1], v2) || e.Terms != "research" {
		t.Fatalf("after reopening: %+v %v", e, ok)
	}
	if err := ix.Update("a", false, func(e *Entry) { e.Versions = e.Versions[1:] }); err != nil {
		t.Fatal(err)
	}
	if err := ix.Remove("a.b"); err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.ByID(8); ok || ix.Len() != 1 {
		t.Fatalf("a.b still indexed: %d entries", ix.Len())
	}
	if e, _ := ix.Get("a"); len(e.Versions) != 1 || !reflect.DeepEqual(e.Versions[0], v2) {
		t.Fatalf("after dropping version 1: %+v", e)
	}
}

// TestIndexCleanStop: a clean-stop record is read once; the start that
// takes it deletes it, so a crash after it is not taken for a clean stop.
func TestIndexCleanStop(t *testing.T) {
	dir := filepath.Join(t.TempDir(), IndexDir)
	ix, err := OpenIndex(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if c, err := ix.TakeClean(); err != nil || c != nil {
		t.Fatalf("a new index holds a clean stop: %+v %v", c, err)
	}
	if err := ix.MarkClean(CleanStop{Block: 42, Time: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if ix, err = OpenIndex(dir, ""); err != nil {
		t.Fatal(err)
	}
	if c, err := ix.TakeClean(); err != nil || c == nil || c.Block != 42 {
		t.Fatalf("clean stop %+v %v", c, err)
	}
	ix.Close()
	if ix, err = OpenIndex(dir, ""); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if c, err := ix.TakeClean(); err != nil || c != nil {
		t.Fatalf("the clean stop was read twice: %+v %v", c, err)
	}
}

// damageIndex overwrites every table and log of the store with noise, as
// a disk fault would.
func damageIndex(t *testing.T, dir string) {
	t.Helper()
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Name() == "LOCK" || f.Name() == "LOG" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name()), bytes.Repeat([]byte{0x5a}, 4096), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestIndexRebuiltByReconcile: an index store damaged on disk, or deleted,
// is started empty and the start's reconcile refills it from the chain and
// the journal: the dataset list is the one before (names, ids, versions,
// sizes, offer terms, times, description).
func TestIndexRebuiltByReconcile(t *testing.T) {
	w := newWorld(t)
	o := w.owner
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/versions?create=true", []byte("a,b\n1,2\n"), nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/versions", []byte("a,b\n3,4\n"), nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/profile/versions?create=true", []byte(`{"age":40}`), nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/offer", OfferRequest{PriceWei: "1000", Duration: "30d", Terms: "spend study"}, nil)
	var described DescriptionResponse
	o.mustCall(t, http.StatusOK, "PUT", "/v1/datasets/basket/description", describe.Description{Title: "Weekly basket", Category: "purchases"}, &described)
	var before DatasetList
	o.mustCall(t, http.StatusOK, "GET", "/v1/datasets", nil, &before)
	if len(before.Datasets) != 2 {
		t.Fatalf("datasets %+v", before.Datasets)
	}
	// The times a rebuild can know are the journal's: a dataset's create
	// record is written once its first version is stored, which under load
	// is seconds after the index entry was made, and a version's put record
	// just after the version was indexed.
	recs, err := o.d.journal.Read()
	if err != nil {
		t.Fatal(err)
	}
	journaled := journalHistory(recs)
	state := filepath.Join(o.h.Dir(), StateDir)
	dir := filepath.Join(state, IndexDir)
	for _, how := range []string{"damaged", "deleted"} {
		if err := o.d.index.Close(); err != nil {
			t.Fatal(err)
		}
		if how == "damaged" {
			damageIndex(t, dir)
		} else if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		ix, err := OpenIndex(dir, filepath.Join(state, IndexFile))
		if err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if ix.Len() != 0 || (how == "damaged") != ix.Rebuilt {
			t.Fatalf("%s: %d entries, rebuilt %v", how, ix.Len(), ix.Rebuilt)
		}
		o.d.index = ix
		rep, err := o.d.Reconcile(w.ctx)
		if err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if len(rep.Created) != 2 || len(rep.Versions) != 3 || len(rep.Problems) != 0 {
			t.Fatalf("%s: reconcile %+v", how, rep)
		}
		var after DatasetList
		o.mustCall(t, http.StatusOK, "GET", "/v1/datasets", nil, &after)
		if len(after.Datasets) != len(before.Datasets) {
			t.Fatalf("%s: datasets %+v, want %+v", how, after.Datasets, before.Datasets)
		}
		for i, b := range before.Datasets {
			a := after.Datasets[i]
			// Times come back from the journal, never the reconcile's own.
			if want, ok := journaled.created[b.ID]; !ok || !a.Created.Equal(want) {
				t.Errorf("%s: %s created %v, want the journal's %v (the index had %v)", how, a.Name, a.Created, want, b.Created)
			}
			bv, av := b.Versions, a.Versions
			for j := range bv {
				if j < len(av) {
					if want, ok := journaled.put[av[j].CID]; !ok || !av[j].Put.Equal(want) {
						t.Errorf("%s: %s version %d put %v, want the journal's %v", how, a.Name, j+1, av[j].Put, want)
					}
					av[j].Put = bv[j].Put
				}
				// A put records the envelope's size, the reconcile the
				// plaintext's (it opens the version to check it).
				if j < len(av) && av[j].Size > 0 {
					av[j].Size = bv[j].Size
				}
			}
			a.Created = b.Created
			bj, _ := json.Marshal(b)
			aj, _ := json.Marshal(a)
			if !bytes.Equal(aj, bj) {
				t.Errorf("%s: after the rebuild\n%s\nwant\n%s", how, aj, bj)
			}
		}
		// The description comes back from the journal's describe record.
		if d, ok := o.d.Description("basket"); !ok || !bytes.Equal(d.Bytes(), described.Description.Bytes()) {
			t.Errorf("%s: description after the rebuild %v %+v, want %s", how, ok, d, described.Description.Bytes())
		}
		// The next start finds nothing left to do.
		if rep, err := o.d.Reconcile(w.ctx); err != nil || rep.Changed() {
			t.Fatalf("%s: second reconcile %+v %v", how, rep, err)
		}
	}
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		t.Fatal("no store after the rebuild")
	}
}

// TestJournalRepair: a torn last line, short or longer than the window
// Repair reads back through, is cut at the last newline; a whole journal
// is left alone.
func TestJournalRepair(t *testing.T) {
	for _, torn := range []int{0, 10, 200 << 10} {
		path := filepath.Join(t.TempDir(), JournalFile)
		j, err := OpenJournal(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			if err := j.Append(Record{Kind: KindPut, Dataset: "d", Version: uint32(i + 1)}); err != nil {
				t.Fatal(err)
			}
		}
		whole, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(bytes.Repeat([]byte{'{'}, torn))
		f.Close()
		if err := j.Repair(); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, whole) {
			t.Fatalf("torn %d: %d bytes after the repair, want %d", torn, len(got), len(whole))
		}
	}
}

// TestCleanStopSkipsComparison: after Stop the next start does not
// compare the home with the chain (a lost pin stays lost), and the start
// after that, with no Stop between (a crash), compares again and repairs.
func TestCleanStopSkipsComparison(t *testing.T) {
	w := newWorld(t)
	o := w.owner
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/versions?create=true", []byte("a,b\n1,2\n"), nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/basket/offer", OfferRequest{PriceWei: "1000", Duration: "30d", Terms: "spend study"}, nil)
	var mk MarketList
	o.mustCall(t, http.StatusOK, "GET", "/v1/market", nil, &mk)
	if len(mk.Offers) != 1 || mk.Offers[0].TermsCID == "" {
		t.Fatalf("market %+v", mk.Offers)
	}
	pins, err := o.store.Pins(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pins {
		if p.CID.String() == mk.Offers[0].TermsCID {
			if err := o.store.Unpin(w.ctx, p.CID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := o.d.Stop(42); err != nil {
		t.Fatal(err)
	}
	rep, err := o.d.Reconcile(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Clean == nil || rep.Clean.Block != 42 || rep.Changed() {
		t.Fatalf("start after a clean stop: %+v", rep)
	}
	rep, err = o.d.Reconcile(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Clean != nil || len(rep.Repinned) != 1 {
		t.Fatalf("start after an unclean stop: %+v", rep)
	}
}

// TestIndexDescriptionKey: a dataset's description is the key s/<name>
// (FORMATS.md, format 2 extended), its value the canonical JSON of the
// vector testdata/index-v2-description.json; it survives a reopen, goes
// with the dataset's removal, and a value that does not read makes the
// store damaged rather than silently dropped.
func TestIndexDescriptionKey(t *testing.T) {
	vec, err := os.ReadFile(filepath.Join("testdata", "index-v2-description.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := describe.ParseDescription(vec)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), IndexDir)
	ix, err := OpenIndex(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.SetDescription("basket", want); err == nil {
		t.Fatal("a description of a dataset not in the index was saved")
	}
	if err := ix.Update("basket", true, func(e *Entry) { e.ID = 3 }); err != nil {
		t.Fatal(err)
	}
	if err := ix.SetDescription("basket", want); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	db, err := kvstore.Open(dir, IndexSchema)
	if err != nil {
		t.Fatal(err)
	}
	v, ok, err := db.Get([]byte("s/basket"))
	db.Close()
	if err != nil || !ok || !bytes.Equal(v, vec) {
		t.Fatalf("s/basket = %q (%v, %v), want the vector", v, ok, err)
	}
	if ix, err = OpenIndex(dir, ""); err != nil {
		t.Fatal(err)
	}
	if got, ok := ix.Description("basket"); !ok || !bytes.Equal(got.Bytes(), vec) {
		t.Fatalf("after reopen: %v %+v", ok, got)
	}
	if err := ix.Remove("basket"); err != nil {
		t.Fatal(err)
	}
	if err := ix.Update("basket", true, func(e *Entry) { e.ID = 4 }); err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.Description("basket"); ok {
		t.Fatal("a removed dataset's description came back with its name")
	}
	ix.Close()

	db, err = kvstore.Open(dir, IndexSchema)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Write(func(b *kvstore.Batch) { b.Put([]byte("s/basket"), []byte(`{"category":"purchases","title":"x"}`)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if ix, err := OpenIndex(dir, ""); !errors.Is(err, ErrDamaged) {
		if ix != nil {
			ix.Close()
		}
		t.Fatalf("a non-canonical description opened: %v", err)
	}
}
