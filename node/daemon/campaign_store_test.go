package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pdx-network/pdx/internal/kvstore"
)

// TestCampaignDecisionVectors reads the campaign agent's keyspace (FORMATS.md,
// "Campaign decisions") from the vectors in testdata: each decision written
// raw under c/d/<id> reads back, PutCampaignDecision writes the same bytes,
// the listing is newest campaign first, and a record with an unknown key or
// not JSON is ErrDamaged.
func TestCampaignDecisionVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/campaign-decisions-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Cursor    string            `json:"cursor"`
		Decisions []json.RawMessage `json:"decisions"`
		Bad       []string          `json:"bad"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenIndex(filepath.Join(t.TempDir(), IndexDir), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var ids []uint64
	for _, d := range v.Decisions {
		var dec CampaignDecision
		if err := json.Unmarshal(d, &dec); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, dec.Campaign)
		if err := ix.db.Write(func(b *kvstore.Batch) { b.Put(campaignDecisionKey(dec.Campaign), d) }); err != nil {
			t.Fatal(err)
		}
		got, ok, err := ix.CampaignDecision(dec.Campaign)
		if err != nil || !ok || got != dec {
			t.Fatalf("campaign %d: read %+v %v %v, want %+v", dec.Campaign, got, ok, err, dec)
		}
		if err := ix.PutCampaignDecision(got); err != nil {
			t.Fatal(err)
		}
		if b, _, _ := ix.db.Get(campaignDecisionKey(dec.Campaign)); !bytes.Equal(b, d) {
			t.Fatalf("campaign %d: wrote\n%s\nwant the vector\n%s", dec.Campaign, b, d)
		}
		if added, err := ix.AddCampaignDecision(CampaignDecision{Campaign: dec.Campaign, State: DecisionRefused}); err != nil || added {
			t.Fatalf("campaign %d: the agent's decision replaced one already made (%v)", dec.Campaign, err)
		}
	}
	list, err := ix.CampaignDecisions(0)
	if err != nil || len(list) != len(ids) || list[0].Campaign != ids[len(ids)-1] || list[len(list)-1].Campaign != ids[0] {
		t.Fatalf("listing %+v %v, want newest first", list, err)
	}
	if err := ix.db.Write(func(b *kvstore.Batch) { b.Put(campaignCursorKey, []byte(v.Cursor)) }); err != nil {
		t.Fatal(err)
	}
	if next, ok, err := (campaignCursor{ix}).Load(context.Background()); err != nil || !ok || next != 1234 {
		t.Fatalf("cursor %d %v %v", next, ok, err)
	}
	for i, b := range v.Bad {
		id := uint64(1000 + i)
		if err := ix.db.Write(func(bt *kvstore.Batch) { bt.Put(campaignDecisionKey(id), []byte(b)) }); err != nil {
			t.Fatal(err)
		}
		if _, _, err := ix.CampaignDecision(id); !errors.Is(err, ErrDamaged) {
			t.Errorf("bad vector %d (%s): %v, want ErrDamaged", i, b, err)
		}
	}
}
