package daemon

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"time"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/kvstore"
)

// IndexVersion is the version of the index this package writes
// (FORMATS.md): 2 is the key-value store, 1 the index.json it migrates.
const IndexVersion = 2

// legacyIndexVersion is the version of index.json, read once to migrate.
const legacyIndexVersion = 1

// IndexSchema stamps the store (kvstore.Open): a store of another schema is
// rebuilt, not read.
const IndexSchema = "pdx/daemon-index/2"

// ErrDamaged: index.json or journal.jsonl is not a file this daemon can read.
var ErrDamaged = errors.New("daemon: damaged local state")

// Version is one stored version of a dataset, as the daemon recorded it.
type Version struct {
	Version     uint32    `json:"version"`
	CID         string    `json:"cid"`
	Fingerprint string    `json:"fingerprint"` // 0x-hex of the envelope commitment
	Size        int64     `json:"size"`
	Put         time.Time `json:"put"`
	// Public: the plaintext itself, readable by anyone (put while the
	// dataset was public); its fingerprint is the SHA-256 of the bytes.
	Public bool `json:"public,omitempty"`
	// Fields lists the field groups of a split version (CID is then its
	// manifest, node/fieldsplit/FIELDS.md); empty for an envelope.
	Fields []VersionField `json:"fields,omitempty"`
}

// Entry maps one local dataset name to its id on chain. The salt stays in
// the home's datasets/<name>.json; the entry holds what the chain does not
// say cheaply: the CIDs to unpin on erase and the offer's terms text, whose
// hash alone is on chain.
type Entry struct {
	Name     string    `json:"name"`
	ID       uint64    `json:"id"`
	Created  time.Time `json:"created"`
	Versions []Version `json:"versions"`
	// Terms is the text of the dataset's open offer; empty when none.
	Terms string `json:"terms,omitempty"`
	// Visibility is "public" or "withdrawn" once this home published the
	// dataset (the chain's visibilityOf is the authority); empty: private.
	Visibility string `json:"visibility,omitempty"`
	// Pending marks a dataset a put is creating: it exists (salt, and
	// from ID on, on chain) only so that its first version can be sealed
	// to its id, and it is not listed or usable until that version is
	// stored. A put that fails, or a start after a crash that finds it
	// still pending with nothing stored, erases it again.
	Pending bool `json:"pending,omitempty"`
	// Storing marks a put in flight: a start that finds it set after a
	// crash collects the blocks the interrupted put added.
	Storing bool `json:"storing,omitempty"`
}

// header is an Entry without its versions: the value of a dataset's key.
type header struct {
	Name       string    `json:"name"`
	ID         uint64    `json:"id"`
	Created    time.Time `json:"created"`
	Terms      string    `json:"terms,omitempty"`
	Visibility string    `json:"visibility,omitempty"`
	Pending    bool      `json:"pending,omitempty"`
	Storing    bool      `json:"storing,omitempty"`
}

func headerOf(e *Entry) header {
	return header{Name: e.Name, ID: e.ID, Created: e.Created, Terms: e.Terms, Visibility: e.Visibility, Pending: e.Pending, Storing: e.Storing}
}

type indexFile struct {
	Version  int      `json:"version"`
	Datasets []*Entry `json:"datasets"`
}

// Keys of the store (FORMATS.md, "index/"). Dataset names match
// [A-Za-z0-9][A-Za-z0-9._-]*, so the 0x00 after a name ends it: no name's
// versions share a prefix with another's.
var (
	datasetPrefix   = []byte("d/")
	versionPrefix   = []byte("v/")
	describedPrefix = []byte("s/")
	migratedKey     = []byte("m/migrated")
	cleanKey        = []byte("m/clean")
)

func datasetKey(name string) []byte { return append(slices.Clone(datasetPrefix), name...) }

func describedKey(name string) []byte { return append(slices.Clone(describedPrefix), name...) }

func versionsPrefix(name string) []byte {
	k := append(slices.Clone(versionPrefix), name...)
	return append(k, 0)
}

// versionKey orders a dataset's versions by number; the CID after it keeps
// two records of one number (which the chain never makes) apart rather
// than letting one overwrite the other.
func versionKey(name string, v Version) []byte {
	k := versionsPrefix(name)
	k = binary.BigEndian.AppendUint32(k, v.Version)
	return append(k, v.CID...)
}

// Index is the daemon's name ↔ chain id mapping, with every dataset's
// versions, offer terms and visibility. It lives in a kvstore (one key per
// dataset, one per version), so a change writes the keys it touched in one
// atomic, fsynced batch — not the whole index — and a crash leaves the
// change whole or absent. A copy is held in memory for reads. It is safe
// for concurrent use.
type Index struct {
	path   string
	db     *kvstore.Store
	mu     sync.Mutex
	byName map[string]*Entry
	byID   map[uint64]string
	// gen counts the changes made since the index was opened (Gen).
	gen uint64
	// described holds each described dataset's description, canonical
	// (describe.Description.Bytes), by name (key s/<name>).
	described map[string][]byte
	// Rebuilt: the store was damaged or of another schema and started
	// empty; the reconcile refills it from the chain and the journal.
	Rebuilt bool
	// Migrated names the index.json this open migrated, now kept beside
	// it as a backup (IndexBackupSuffix); empty when none.
	Migrated string
}

// IndexBackupSuffix is appended to index.json's name once it is migrated:
// the old file stays, renamed, as a backup a downgrade can restore.
const IndexBackupSuffix = ".v1.bak"

// OpenIndex opens the index store in the directory dir (creating it when
// missing). A store that is damaged or of another schema is reset and
// reported by Rebuilt. legacy, when not empty, is an index.json of format 1:
// if it exists and the store has not yet taken it, its entries are written
// to the store in one batch and the file is renamed with IndexBackupSuffix.
// An index.json that cannot be read is ErrDamaged and nothing is changed.
func OpenIndex(dir, legacy string) (*Index, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o700); err != nil {
		return nil, err
	}
	db, rebuilt, err := kvstore.OpenOrReset(dir, IndexSchema)
	if err != nil {
		return nil, fmt.Errorf("opening the dataset index %s: %w", dir, err)
	}
	ix := &Index{path: dir, db: db, byName: map[string]*Entry{}, byID: map[uint64]string{}, described: map[string][]byte{}, Rebuilt: rebuilt}
	if err := ix.load(); err != nil {
		db.Close()
		return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, dir, err)
	}
	if legacy != "" {
		if err := ix.migrate(legacy); err != nil {
			db.Close()
			return nil, err
		}
	}
	return ix, nil
}

func (ix *Index) load() error {
	err := ix.db.Scan(datasetPrefix, nil, func(_, v []byte) (bool, error) {
		var h header
		if err := strictJSON(v, &h); err != nil {
			return false, err
		}
		ix.byName[h.Name] = &Entry{Name: h.Name, ID: h.ID, Created: h.Created, Terms: h.Terms,
			Visibility: h.Visibility, Pending: h.Pending, Storing: h.Storing, Versions: []Version{}}
		if h.ID != 0 {
			ix.byID[h.ID] = h.Name
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	err = ix.db.Scan(describedPrefix, nil, func(k, v []byte) (bool, error) {
		name := string(k[len(describedPrefix):])
		if ix.byName[name] == nil {
			return false, fmt.Errorf("description key %q of no dataset", k)
		}
		if _, err := describe.ParseDescription(v); err != nil {
			return false, fmt.Errorf("description of %q: %v", name, err)
		}
		ix.described[name] = slices.Clone(v)
		return true, nil
	})
	if err != nil {
		return err
	}
	return ix.db.Scan(versionPrefix, nil, func(k, v []byte) (bool, error) {
		name, _, ok := bytes.Cut(k[len(versionPrefix):], []byte{0})
		if !ok {
			return false, fmt.Errorf("malformed version key %q", k)
		}
		e := ix.byName[string(name)]
		if e == nil {
			return false, fmt.Errorf("version key %q of no dataset", k)
		}
		var ver Version
		if err := strictJSON(v, &ver); err != nil {
			return false, err
		}
		e.Versions = append(e.Versions, ver)
		return true, nil
	})
}

// migrate moves an index.json of format 1 into the store. The batch marks
// the store migrated, so a crash between it and the rename is finished by
// the next open (the rename alone), and a restored backup is never merged
// twice.
func (ix *Index) migrate(legacy string) error {
	data, err := os.ReadFile(legacy)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading the dataset index: %w", err)
	}
	_, done, err := ix.db.Get(migratedKey)
	if err != nil {
		return err
	}
	if !done {
		f, err := parseIndex(data)
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrDamaged, legacy, err)
		}
		err = ix.db.Write(func(b *kvstore.Batch) {
			for _, e := range f.Datasets {
				putEntry(b, e)
			}
			b.Put(migratedKey, []byte(time.Now().UTC().Format(time.RFC3339)))
		})
		if err != nil {
			return fmt.Errorf("migrating %s: %w", legacy, err)
		}
		for _, e := range f.Datasets {
			ix.byName[e.Name] = e
			if e.ID != 0 {
				ix.byID[e.ID] = e.Name
			}
		}
		// A store rebuilt empty that then took a whole index.json is no
		// longer empty: the reconcile still runs in full after it.
	}
	if err := os.Rename(legacy, legacy+IndexBackupSuffix); err != nil {
		return fmt.Errorf("keeping %s as a backup: %w", legacy, err)
	}
	ix.Migrated = legacy
	return nil
}

func putEntry(b *kvstore.Batch, e *Entry) {
	h, _ := json.Marshal(headerOf(e))
	b.Put(datasetKey(e.Name), h)
	for _, v := range e.Versions {
		vb, _ := json.Marshal(v)
		b.Put(versionKey(e.Name, v), vb)
	}
}

func parseIndex(data []byte) (*indexFile, error) {
	var f indexFile
	if err := strictJSON(data, &f); err != nil {
		return nil, err
	}
	if f.Version != legacyIndexVersion {
		return nil, fmt.Errorf("version %d; this pdx migrates index.json of version %d", f.Version, legacyIndexVersion)
	}
	seen := map[string]bool{}
	for _, e := range f.Datasets {
		if e == nil || e.Name == "" || seen[e.Name] {
			return nil, errors.New("a dataset entry is empty or named twice")
		}
		seen[e.Name] = true
		if e.Versions == nil {
			e.Versions = []Version{}
		}
	}
	return &f, nil
}

// Path is the directory of the index's store.
func (ix *Index) Path() string { return ix.path }

// Close closes the store; the index must not be used after.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.db.Close()
}

// Get returns a copy of the entry for name.
func (ix *Index) Get(name string) (Entry, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	e, ok := ix.byName[name]
	if !ok {
		return Entry{}, false
	}
	return clone(e), true
}

// ByID returns a copy of the entry whose chain id is id.
func (ix *Index) ByID(id uint64) (Entry, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if name, ok := ix.byID[id]; ok {
		if e := ix.byName[name]; e != nil && e.ID == id {
			return clone(e), true
		}
	}
	return Entry{}, false
}

// Len is the number of entries.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.byName)
}

// List returns copies of every entry, sorted by name.
func (ix *Index) List() []Entry {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := make([]Entry, 0, len(ix.byName))
	for _, e := range ix.byName {
		out = append(out, clone(e))
	}
	slices.SortFunc(out, func(a, b Entry) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	return out
}

// Update applies f to the entry for name (a new one when create is set and
// none exists) and writes what changed — the dataset's key when its fields
// did, the keys of added, changed or removed versions — in one batch; if
// the write fails the change is undone in memory too.
func (ix *Index) Update(name string, create bool, f func(*Entry)) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	old, ok := ix.byName[name]
	if !ok && !create {
		return fmt.Errorf("daemon: no dataset %q in the index", name)
	}
	var e Entry
	if ok {
		e = clone(old)
	} else {
		e = Entry{Name: name, Versions: []Version{}}
	}
	f(&e)
	e.Name = name
	err := ix.db.Write(func(b *kvstore.Batch) {
		if !ok || headerOf(old) != headerOf(&e) {
			h, _ := json.Marshal(headerOf(&e))
			b.Put(datasetKey(name), h)
		}
		was := map[string]Version{}
		if ok {
			for _, v := range old.Versions {
				was[string(versionKey(name, v))] = v
			}
		}
		for _, v := range e.Versions {
			k := versionKey(name, v)
			if pv, had := was[string(k)]; had && reflect.DeepEqual(pv, v) {
				delete(was, string(k))
				continue
			}
			delete(was, string(k))
			vb, _ := json.Marshal(v)
			b.Put(k, vb)
		}
		for k := range was {
			b.Delete([]byte(k))
		}
	})
	if err != nil {
		return fmt.Errorf("writing the dataset index: %w", err)
	}
	if ok && old.ID != 0 && old.ID != e.ID {
		delete(ix.byID, old.ID)
	}
	ix.byName[name] = &e
	if e.ID != 0 {
		ix.byID[e.ID] = name
	}
	ix.gen++
	return nil
}

// Gen changes whenever an entry does (Update, Remove): what a caller
// derived from the entries under one Gen holds until it moves.
func (ix *Index) Gen() uint64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.gen
}

// Remove deletes the entry for name.
func (ix *Index) Remove(name string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	old, ok := ix.byName[name]
	if !ok {
		return nil
	}
	err := ix.db.Write(func(b *kvstore.Batch) {
		b.Delete(datasetKey(name))
		b.Delete(describedKey(name))
		for _, v := range old.Versions {
			b.Delete(versionKey(name, v))
		}
	})
	if err != nil {
		return fmt.Errorf("writing the dataset index: %w", err)
	}
	delete(ix.byName, name)
	delete(ix.described, name)
	if ix.byID[old.ID] == name {
		delete(ix.byID, old.ID)
	}
	ix.gen++
	return nil
}

// Description is the saved description of the dataset name (a copy),
// false when it has none.
func (ix *Index) Description(name string) (*describe.Description, bool) {
	ix.mu.Lock()
	b, ok := ix.described[name]
	ix.mu.Unlock()
	if !ok {
		return nil, false
	}
	d, err := describe.ParseDescription(b)
	if err != nil { // load and SetDescription checked it
		return nil, false
	}
	return d, true
}

// SetDescription saves d as the description of the dataset name, which
// must be in the index; d is stored in canonical form and must be valid.
// nil deletes it.
func (ix *Index) SetDescription(name string, d *describe.Description) error {
	var b []byte
	if d != nil {
		b = d.Bytes()
		if _, err := describe.ParseDescription(b); err != nil {
			return err
		}
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.byName[name] == nil {
		return fmt.Errorf("daemon: no dataset %q in the index", name)
	}
	err := ix.db.Write(func(bt *kvstore.Batch) {
		if b == nil {
			bt.Delete(describedKey(name))
		} else {
			bt.Put(describedKey(name), b)
		}
	})
	if err != nil {
		return fmt.Errorf("writing the dataset index: %w", err)
	}
	if b == nil {
		delete(ix.described, name)
	} else {
		ix.described[name] = b
	}
	return nil
}

// CleanStop is what a daemon that stopped cleanly left for its next start
// (FORMATS.md, m/clean): no owner operation was in flight, so the next
// start need not compare the whole home with the chain.
type CleanStop struct {
	Time time.Time `json:"time"`
	// Block is the chain's head when the daemon stopped.
	Block uint64 `json:"block"`
}

// MarkClean records a clean stop.
func (ix *Index) MarkClean(c CleanStop) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return ix.db.Write(func(bt *kvstore.Batch) { bt.Put(cleanKey, b) })
}

// TakeClean returns the clean-stop record, if any, and deletes it durably
// before returning it: a crash of this run must not look like a clean stop
// to the next start.
func (ix *Index) TakeClean() (*CleanStop, error) {
	v, ok, err := ix.db.Get(cleanKey)
	if err != nil || !ok {
		return nil, err
	}
	var c CleanStop
	perr := strictJSON(v, &c)
	if err := ix.db.Write(func(b *kvstore.Batch) { b.Delete(cleanKey) }); err != nil {
		return nil, err
	}
	if perr != nil {
		return nil, nil // unreadable: as if the stop was not clean
	}
	return &c, nil
}

func clone(e *Entry) Entry {
	c := *e
	c.Versions = slices.Clone(e.Versions)
	if c.Versions == nil {
		c.Versions = []Version{}
	}
	return c
}
