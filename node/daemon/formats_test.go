package daemon

import (
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pdx-network/pdx/reencrypt"
)

// TestFormatVectors reads the FORMATS.md vectors and checks every value:
// the index.json of format 1 is migrated into the store of format 2 (the
// file kept as its backup, byte for byte), and reopening the store gives
// the same entries without migrating twice.
func TestFormatVectors(t *testing.T) {
	want, err := os.ReadFile("testdata/index-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(t.TempDir(), StateDir)
	legacy := filepath.Join(state, IndexFile)
	if err := os.MkdirAll(state, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(legacy, want, 0o600); err != nil {
		t.Fatal(err)
	}
	check := func(ix *Index) {
		t.Helper()
		list := ix.List()
		if len(list) != 2 || list[0].Name != "profile" || list[0].ID != 1 || len(list[0].Versions) != 0 || list[0].Terms != "" {
			t.Fatalf("profile: %+v", list)
		}
		p := list[1]
		v := p.Versions
		if p.Name != "purchases" || p.ID != 2 || p.Terms != "research" || len(v) != 1 ||
			v[0].Version != 1 || v[0].CID != "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi" ||
			v[0].Fingerprint != "0x0101010101010101010101010101010101010101010101010101010101010101" ||
			v[0].Size != 1234 || !v[0].Put.Equal(time.Date(2026, 11, 29, 1, 0, 1, 0, time.UTC)) ||
			!p.Created.Equal(time.Date(2026, 11, 29, 1, 0, 0, 5e8, time.UTC)) {
			t.Fatalf("purchases: %+v", p)
		}
		if e, ok := ix.ByID(2); !ok || e.Name != "purchases" {
			t.Fatalf("ByID(2) = %+v, %v", e, ok)
		}
	}
	ix, err := OpenIndex(filepath.Join(state, IndexDir), legacy)
	if err != nil {
		t.Fatal(err)
	}
	if ix.Migrated != legacy || ix.Rebuilt {
		t.Fatalf("Migrated %q Rebuilt %v", ix.Migrated, ix.Rebuilt)
	}
	check(ix)
	if _, err := os.Stat(legacy); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("index.json still in place after the migration: %v", err)
	}
	if got, err := os.ReadFile(legacy + IndexBackupSuffix); err != nil || string(got) != string(want) {
		t.Fatalf("the backup differs from the migrated file: %v\n%s", err, got)
	}
	if err := ix.Update("profile", false, func(*Entry) {}); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	// A backup put back in place after the migration is not merged again
	// (a second rename keeps it), and the store still reads the same.
	if err := os.Rename(legacy+IndexBackupSuffix, legacy); err != nil {
		t.Fatal(err)
	}
	if ix, err = OpenIndex(filepath.Join(state, IndexDir), legacy); err != nil {
		t.Fatal(err)
	}
	check(ix)
	ix.Close()

	for _, f := range []string{"index-version.json", "index-unknown-key.json", "index-duplicate.json"} {
		if _, err := OpenIndex(filepath.Join(t.TempDir(), IndexDir), filepath.Join("testdata/bad", f)); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", f, err)
		}
		if _, err := os.Stat(filepath.Join("testdata/bad", f)); err != nil {
			t.Errorf("%s was moved though it was refused: %v", f, err)
		}
	}

	j, err := OpenJournal(filepath.Join(t.TempDir(), JournalFile))
	if err != nil {
		t.Fatal(err)
	}
	j.path = "testdata/journal-v1.jsonl"
	recs, err := j.Read()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3 (the torn last line skipped)", len(recs))
	}
	if r := recs[1]; r.Kind != KindGrant || r.Block != 7 || r.Grantee != "0x000000000000000000000000000000000000dEaD" || r.Purpose != "loyalty analytics" || r.Expires != "2026-12-29T01:00:01Z" {
		t.Fatalf("grant record %+v", r)
	}
	if r := recs[2]; r.Kind != KindPurchase || r.Granted == nil || *r.Granted || r.Amount != "10000000000000000" || r.Reason == "" || r.Block != 9 {
		t.Fatalf("purchase record %+v", r)
	}

	for _, f := range []string{"journal-torn-middle.jsonl", "journal-version.jsonl"} {
		j.path = filepath.Join("testdata/bad", f)
		if _, err := j.Read(); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", f, err)
		}
	}
}

// TestJournalAppend: what Append wrote, Read returns, across reopening.
func TestJournalAppend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daemon", JournalFile)
	j, err := OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := j.Append(Record{Kind: KindPut, Dataset: "d", Version: uint32(i + 1)}); err != nil {
			t.Fatal(err)
		}
	}
	j2, err := OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := j2.Read()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[2].Version != 3 || recs[0].V != JournalVersion || recs[0].Time.IsZero() {
		t.Fatalf("%+v", recs)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("journal mode: %v %v", fi.Mode(), err)
	}
}

// TestManifestVector reads the export manifest vector of FORMATS.md
// strictly and checks every value; its keys are the secp256k1 scalars 2
// and 1, whose public keys are 2G and the generator G (published values).
func TestManifestVector(t *testing.T) {
	b, err := os.ReadFile("testdata/export-manifest-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := strictJSON(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.Version != ExportVersion || m.ChainID != 1337 || m.CAR != ExportCAR || m.Account != "0x6c2BBda5a9cFc8002A559dd0bb3838aA78212Eee" ||
		len(m.Roots) != 1 || !m.Exported.Equal(time.Date(2026, 11, 29, 3, 0, 0, 0, time.UTC)) || len(m.Datasets) != 1 {
		t.Fatalf("manifest %+v", m)
	}
	d := m.Datasets[0]
	if d.Name != "purchases" || d.ID != 2 || d.Terms != "research" || len(d.Versions) != 1 || d.Versions[0].CID != m.Roots[0] || d.Versions[0].Size != 1234 {
		t.Fatalf("dataset %+v", d)
	}
	if g := d.Grants; len(g) != 1 || g[0].Active || g[0].RevokedBlock != 9 || g[0].Block != 7 || g[0].Threshold != 2 || len(g[0].Proxies) != 3 || g[0].Purpose != "loyalty analytics" {
		t.Fatalf("grants %+v", g)
	}
	want := []string{
		"02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5",
		"0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
	}
	if len(d.Keys) != len(want) {
		t.Fatalf("keys %v", d.Keys)
	}
	for i, k := range d.Keys {
		raw, err := hex.DecodeString(k)
		if err != nil {
			t.Fatal(err)
		}
		sk, err := reencrypt.SecretKeyFromBytes(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := hex.EncodeToString(sk.PublicKey().Bytes()); got != want[i] {
			t.Errorf("key %d: public key %s, want %s", i, got, want[i])
		}
		if hex.EncodeToString(sk.Bytes()) != k {
			t.Errorf("key %d does not round-trip", i)
		}
	}
	// An unknown key is refused.
	if err := strictJSON([]byte(`{"version":1,"extra":true}`), &Manifest{}); err == nil {
		t.Error("a manifest with an unknown key parsed")
	}
}
