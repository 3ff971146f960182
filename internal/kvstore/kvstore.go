// Package kvstore is the embedded, crash-safe key-value store under pdx's
// indexes (a home's own records, the chain events it follows, the market's
// offers): a LevelDB database whose every write is one atomic, fsynced
// batch, stamped with the schema of the index that owns it.
//
// Why LevelDB: it is already in pdx's build through go-ethereum, it keeps
// keys sorted (listings are prefix scans that cost what they return, not
// what the database holds), and its write-ahead log makes a batch all or
// nothing across kill -9 and power loss. An index is always derived data
// (from the chain, or rebuilt by a reconcile), so a store whose schema is
// not the caller's, or that LevelDB cannot open, is reported as
// ErrRebuild and the caller starts it over with Reset.
package kvstore

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/syndtr/goleveldb/leveldb"
	lerrors "github.com/syndtr/goleveldb/leveldb/errors"
	"github.com/syndtr/goleveldb/leveldb/opt"
	"github.com/syndtr/goleveldb/leveldb/util"
)

// ErrRebuild: the store at the path was written under another schema, or
// is damaged; its content cannot be trusted and must be rebuilt.
var ErrRebuild = errors.New("kvstore: the index must be rebuilt")

// schemaKey holds the schema string; it sorts before any key of an index
// because indexes use printable prefixes.
var schemaKey = []byte("\x00schema")

// Store is an open LevelDB database stamped with one schema. It is safe for
// concurrent use.
type Store struct {
	db   *leveldb.DB
	path string
}

// Open opens (creating when missing) the store at path for schema, a string
// naming the owning index and its version ("pdx/home-events/1"). It returns
// ErrRebuild, wrapped with the reason, when the store holds another schema
// or is corrupt; a fresh store is stamped with schema.
func Open(path, schema string) (*Store, error) {
	db, err := leveldb.OpenFile(path, &opt.Options{NoSync: false})
	if lerrors.IsCorrupted(err) {
		return nil, fmt.Errorf("%w: %s is damaged: %v", ErrRebuild, path, err)
	}
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path}
	got, err := db.Get(schemaKey, nil)
	switch {
	case errors.Is(err, leveldb.ErrNotFound):
		if err := s.Write(func(b *Batch) { b.Put(schemaKey, []byte(schema)) }); err != nil {
			db.Close()
			return nil, err
		}
	case err != nil:
		db.Close()
		return nil, err
	case string(got) != schema:
		db.Close()
		return nil, fmt.Errorf("%w: %s holds schema %q, this pdx writes %q", ErrRebuild, path, got, schema)
	}
	return s, nil
}

// Reset deletes the store at path (of any schema, damaged or not), so that
// the next Open starts empty.
func Reset(path string) error { return os.RemoveAll(path) }

// OpenOrReset opens the store, resetting it first when Open reports
// ErrRebuild. rebuilt says whether it did, so the caller refills it.
func OpenOrReset(path, schema string) (s *Store, rebuilt bool, err error) {
	s, err = Open(path, schema)
	if errors.Is(err, ErrRebuild) {
		if err := Reset(path); err != nil {
			return nil, false, err
		}
		s, err = Open(path, schema)
		return s, true, err
	}
	return s, false, err
}

// Path is where the store lives.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Get returns the value of key; ok is false when it is absent.
func (s *Store) Get(key []byte) (value []byte, ok bool, err error) {
	v, err := s.db.Get(key, nil)
	if errors.Is(err, leveldb.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return v, true, nil
}

// Batch collects writes applied together by Store.Write.
type Batch struct{ b leveldb.Batch }

// Put sets key to value.
func (b *Batch) Put(key, value []byte) { b.b.Put(key, value) }

// Delete removes key.
func (b *Batch) Delete(key []byte) { b.b.Delete(key) }

// Len is the number of writes collected.
func (b *Batch) Len() int { return b.b.Len() }

// Write applies the writes fill makes as one atomic batch, fsynced before it
// returns: after a crash either all of them are there or none.
func (s *Store) Write(fill func(*Batch)) error {
	var b Batch
	fill(&b)
	if b.Len() == 0 {
		return nil
	}
	return s.db.Write(&b.b, &opt.WriteOptions{Sync: true})
}

// Compact merges every table of the store (LevelDB's compaction of the
// whole key range) and returns when it is done.
func (s *Store) Compact() error { return s.db.CompactRange(util.Range{}) }

// Scan calls f for every key with prefix, in key order, starting at the
// first key ≥ from (from nil: the prefix's first key), until f returns
// false or an error. Keys and values are only valid during the call.
func (s *Store) Scan(prefix, from []byte, f func(key, value []byte) (bool, error)) error {
	r := util.BytesPrefix(prefix)
	if from != nil && bytes.Compare(from, r.Start) > 0 {
		r.Start = from
	}
	it := s.db.NewIterator(r, nil)
	defer it.Release()
	for it.Next() {
		more, err := f(it.Key(), it.Value())
		if err != nil {
			return err
		}
		if !more {
			break
		}
	}
	return it.Error()
}

// ScanReverse is Scan in descending key order, starting at the last key
// with prefix that is < before (before nil: the prefix's last key).
func (s *Store) ScanReverse(prefix, before []byte, f func(key, value []byte) (bool, error)) error {
	r := util.BytesPrefix(prefix)
	if before != nil && (r.Limit == nil || bytes.Compare(before, r.Limit) < 0) {
		r.Limit = before
	}
	it := s.db.NewIterator(r, nil)
	defer it.Release()
	for ok := it.Last(); ok; ok = it.Prev() {
		more, err := f(it.Key(), it.Value())
		if err != nil {
			return err
		}
		if !more {
			break
		}
	}
	return it.Error()
}
