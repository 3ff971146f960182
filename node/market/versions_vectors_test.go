package market

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/kvstore"
)

func newTestStore(t *testing.T) *kvstore.Store {
	t.Helper()
	st, err := kvstore.Open(t.TempDir(), Schema)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestVersionVectors: a version entry's key and value are those
// spec/market-index-v2.md fixes (testdata/version-v2.json), and decode back.
func TestVersionVectors(t *testing.T) {
	b, err := os.ReadFile("testdata/version-v2.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Dataset     uint64 `json:"dataset"`
		Block       uint64 `json:"block"`
		Index       uint32 `json:"index"`
		Version     uint32 `json:"version"`
		Fingerprint string `json:"fingerprint"`
		CID         string `json:"cid"`
		Key         string `json:"key"`
		CIDHash     string `json:"cid_hash"`
		CIDKey      string `json:"cid_key"`
		RotEpoch    uint16 `json:"rotation_epoch"`
		RotKey      string `json:"rotation_key"`
		RotValue    string `json:"rotation_value"`
		Value       string `json:"value"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	c, _ := hex.DecodeString(v.CID)
	fp, _ := hex.DecodeString(v.Fingerprint)
	want := Version{Dataset: v.Dataset, Block: v.Block, Index: v.Index, Version: v.Version, CID: c}
	copy(want.Fingerprint[:], fp)
	key := versionKey(v.Dataset, v.Block, v.Index)
	if got := hex.EncodeToString(key); got != v.Key {
		t.Fatalf("key %s, want %s", got, v.Key)
	}
	ch := acl.CIDHash(c)
	if got := hex.EncodeToString(cat(pfxByCID, ch[:], key[len(pfxVersion):])); got != v.CIDKey || hex.EncodeToString(ch[:]) != v.CIDHash {
		t.Fatalf("by-CID key %s, want %s", got, v.CIDKey)
	}
	if got := hex.EncodeToString(want.encode()); got != v.Value {
		t.Fatalf("value %s, want %s", got, v.Value)
	}
	back, err := decodeVersion(key, want.encode())
	if err != nil || back.Dataset != want.Dataset || back.Block != want.Block || back.Index != want.Index ||
		back.Version != want.Version || back.Fingerprint != want.Fingerprint || hex.EncodeToString(back.CID) != v.CID {
		t.Fatalf("decoded %+v, %v; want %+v", back, err, want)
	}
	st := newTestStore(t)
	tx := newTxn(st)
	tx.addRotation(&bindings.RegistryKeyRotated{Dataset: v.Dataset, Epoch: v.RotEpoch, Rewrap: c}, acl.Event{Block: v.Block, Index: uint(v.Index)})
	if k, _ := hex.DecodeString(v.RotKey); len(tx.pend) != 1 || hex.EncodeToString(tx.pend[string(k)]) != v.RotValue {
		t.Fatalf("rotation entry %x, want %s → %s", tx.pend, v.RotKey, v.RotValue)
	}
	if err := tx.commit(); err != nil {
		t.Fatal(err)
	}
	ix := &Index{st: st}
	if rs, err := ix.Rotations(v.Dataset); err != nil || len(rs) != 1 || rs[0].Epoch != v.RotEpoch || rs[0].Block != v.Block || rs[0].Index != v.Index || hex.EncodeToString(rs[0].Rewrap) != v.CID {
		t.Fatalf("rotations %+v, %v", rs, err)
	}
	if _, err := decodeVersion(key, want.encode()[:versionHead-1]); err == nil {
		t.Fatal("a value cut short decodes")
	}
	if _, err := decodeVersion(key[1:], want.encode()); err == nil {
		t.Fatal("a key cut short decodes")
	}
}
