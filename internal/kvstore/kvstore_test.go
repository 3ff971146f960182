package kvstore_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/pdx-network/pdx/internal/kvstore"
)

func TestSchemaMismatchAsksForRebuild(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ix")
	s, err := kvstore.Open(path, "pdx/test/1")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(func(b *kvstore.Batch) { b.Put([]byte("k"), []byte("v")) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := kvstore.Open(path, "pdx/test/2"); !errors.Is(err, kvstore.ErrRebuild) {
		t.Fatalf("another schema: %v, want ErrRebuild", err)
	}
	s, rebuilt, err := kvstore.OpenOrReset(path, "pdx/test/2")
	if err != nil || !rebuilt {
		t.Fatalf("OpenOrReset: rebuilt=%v err=%v", rebuilt, err)
	}
	defer s.Close()
	if _, ok, _ := s.Get([]byte("k")); ok {
		t.Fatal("a reset store kept a key of the old schema")
	}
}

func TestDamagedStoreAsksForRebuild(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ix")
	s, err := kvstore.Open(path, "pdx/test/1")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// A MANIFEST that is not LevelDB's: what a torn copy or a stray edit leaves.
	ms, _ := filepath.Glob(filepath.Join(path, "MANIFEST-*"))
	if len(ms) == 0 {
		t.Fatal("no MANIFEST written")
	}
	if err := os.WriteFile(ms[0], []byte("not a manifest"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := kvstore.Open(path, "pdx/test/1"); !errors.Is(err, kvstore.ErrRebuild) {
		t.Fatalf("damaged store: %v, want ErrRebuild", err)
	}
}

func TestScanOrderAndBounds(t *testing.T) {
	s, err := kvstore.Open(filepath.Join(t.TempDir(), "ix"), "pdx/test/1")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Write(func(b *kvstore.Batch) {
		for i := range 10 {
			b.Put(fmt.Appendf(nil, "a/%02d", i), []byte{byte(i)})
		}
		b.Put([]byte("b/00"), nil)
	}); err != nil {
		t.Fatal(err)
	}
	var got []string
	collect := func(k, _ []byte) (bool, error) { got = append(got, string(k)); return len(got) < 3, nil }
	if err := s.Scan([]byte("a/"), []byte("a/04"), collect); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[a/04 a/05 a/06]" {
		t.Fatalf("Scan from a/04: %v", got)
	}
	got = nil
	if err := s.ScanReverse([]byte("a/"), []byte("a/04"), collect); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[a/03 a/02 a/01]" {
		t.Fatalf("ScanReverse before a/04: %v", got)
	}
	got = nil
	if err := s.ScanReverse([]byte("a/"), nil, collect); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[a/09 a/08 a/07]" {
		t.Fatalf("ScanReverse of the prefix: %v", got)
	}
}

// TestCompactKeepsEverything: a compaction merges tables and changes no
// key: every key written (and none deleted) reads back after it, in order.
func TestCompactKeepsEverything(t *testing.T) {
	s, err := kvstore.Open(filepath.Join(t.TempDir(), "ix"), "pdx/test/1")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range 20 {
		if err := s.Write(func(b *kvstore.Batch) {
			for j := range 500 {
				b.Put(fmt.Appendf(nil, "k/%02d/%04d", i, j), make([]byte, 100))
			}
			b.Delete(fmt.Appendf(nil, "k/%02d/%04d", i, 0))
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Compact(); err != nil {
		t.Fatal(err)
	}
	n := 0
	var last []byte
	if err := s.Scan([]byte("k/"), nil, func(k, _ []byte) (bool, error) {
		if last != nil && string(k) <= string(last) {
			return false, fmt.Errorf("key %q after %q", k, last)
		}
		last = append(last[:0], k...)
		n++
		return true, nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != 20*499 {
		t.Fatalf("%d keys after compacting, want %d", n, 20*499)
	}
}
