package chainindex

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// TestKeyVectors checks the store's keys and cursor against
// testdata/keys-v2.json, the layout SPEC.md describes: a change of layout
// must come with a new schema (keys-v1.json is version 1's, kept as the
// record of what a store of that schema held).
func TestKeyVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/keys-v2.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Schema  string `json:"schema"`
		Mine    string `json:"mine_7"`
		Party   string `json:"party_granted_block_300_index_2"`
		Joins   string `json:"party_campaignjoined_block_300_index_2"`
		Dataset string `json:"dataset_7_revoked_block_300_index_2"`
		Log     string `json:"log_block_300_index_2"`
		Cursor  struct {
			Registry, Account string
			Next              uint64
			Hash              string
			Value             string
		} `json:"cursor"`
		Joined string `json:"joined_party_and_dataset"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	if v.Schema != Schema {
		t.Fatalf("schema %q, vectors of %q", Schema, v.Schema)
	}
	check := func(name string, got []byte, want string) {
		t.Helper()
		if hex.EncodeToString(got) != want {
			t.Errorf("%s: %x, want %s", name, got, want)
		}
	}
	check("mine", mineKey(7), v.Mine)
	party, ds := partyKey("Granted", 300, 2), datasetKey(7, "Revoked", 300, 2)
	check("party", party, v.Party)
	check("campaign joins", partyKey("CampaignJoined", 300, 2), v.Joins)
	check("dataset", ds, v.Dataset)
	check("log", logKey(300, 2), v.Log)
	check("joined", joinKeys([][]byte{party, ds}), v.Joined)
	c := cursor{registry: common.HexToAddress(v.Cursor.Registry), account: common.HexToAddress(v.Cursor.Account),
		next: v.Cursor.Next, hash: common.HexToHash(v.Cursor.Hash)}
	check("cursor", c.bytes(), v.Cursor.Value)
	back, err := parseCursor(c.bytes())
	if err != nil || back != c {
		t.Fatalf("cursor read back %+v, %v", back, err)
	}
	if _, err := parseCursor(c.bytes()[1:]); err == nil {
		t.Fatal("a truncated cursor was read")
	}
	keys, err := splitKeys(joinKeys([][]byte{party, ds}))
	if err != nil || len(keys) != 2 || string(keys[1]) != string(ds) {
		t.Fatalf("split %x, %v", keys, err)
	}
	if _, err := splitKeys([]byte{0, 9, 1}); err == nil {
		t.Fatal("a truncated log entry was read")
	}
}
