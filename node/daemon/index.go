package daemon

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/pdx-network/pdx/internal/fsutil"
)

// IndexVersion is the version of index.json this package writes (FORMATS.md).
const IndexVersion = 1

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

type indexFile struct {
	Version  int      `json:"version"`
	Datasets []*Entry `json:"datasets"`
}

// Index is the daemon's name ↔ chain id mapping, kept in one JSON file
// rewritten atomically on every change, so a crash leaves the old or the
// new index and never a torn one. It is safe for concurrent use.
type Index struct {
	path   string
	mu     sync.Mutex
	byName map[string]*Entry
}

// OpenIndex reads the index at path; a missing file is an empty index.
func OpenIndex(path string) (*Index, error) {
	ix := &Index{path: path, byName: map[string]*Entry{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return ix, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the dataset index: %w", err)
	}
	f, err := parseIndex(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, path, err)
	}
	for _, e := range f.Datasets {
		ix.byName[e.Name] = e
	}
	return ix, nil
}

func parseIndex(data []byte) (*indexFile, error) {
	var f indexFile
	if err := strictJSON(data, &f); err != nil {
		return nil, err
	}
	if f.Version != IndexVersion {
		return nil, fmt.Errorf("version %d; this pdx reads version %d", f.Version, IndexVersion)
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

// Path is where the index lives.
func (ix *Index) Path() string { return ix.path }

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
	for _, e := range ix.byName {
		if e.ID == id {
			return clone(e), true
		}
	}
	return Entry{}, false
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
// none exists) and writes the index; if the write fails the change is
// undone in memory too.
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
	ix.byName[name] = &e
	if err := ix.writeLocked(); err != nil {
		if ok {
			ix.byName[name] = old
		} else {
			delete(ix.byName, name)
		}
		return err
	}
	return nil
}

// Remove deletes the entry for name.
func (ix *Index) Remove(name string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	old, ok := ix.byName[name]
	if !ok {
		return nil
	}
	delete(ix.byName, name)
	if err := ix.writeLocked(); err != nil {
		ix.byName[name] = old
		return err
	}
	return nil
}

func (ix *Index) writeLocked() error {
	f := indexFile{Version: IndexVersion, Datasets: make([]*Entry, 0, len(ix.byName))}
	for _, e := range ix.byName {
		f.Datasets = append(f.Datasets, e)
	}
	slices.SortFunc(f.Datasets, func(a, b *Entry) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(ix.path), 0o700); err != nil {
		return err
	}
	if err := fsutil.WriteFileAtomic(ix.path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("writing the dataset index: %w", err)
	}
	return nil
}

func clone(e *Entry) Entry {
	c := *e
	c.Versions = slices.Clone(e.Versions)
	if c.Versions == nil {
		c.Versions = []Version{}
	}
	return c
}
