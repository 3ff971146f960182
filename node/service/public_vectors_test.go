package service

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/storage"
)

// TestPublicVectors checks PUBLIC.md's vectors: each file's CID (as kubo's
// CLI computed it) and SHA-256 fingerprint are what pdx computes, and
// Verify's first step accepts the file for its CID and refuses it for the
// other's.
func TestPublicVectors(t *testing.T) {
	raw, err := os.ReadFile("testdata/public-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Versions []struct {
			Text   string `json:"text"`
			Repeat int    `json:"repeat"`
			Size   int    `json:"size"`
			CID    string `json:"cid"`
			SHA256 string `json:"sha256"`
		} `json:"versions"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Versions) < 2 {
		t.Fatal("testdata/public-v1.json needs a one-block and a multi-block vector")
	}
	for i, v := range f.Versions {
		body := strings.Repeat(v.Text, v.Repeat)
		if len(body) != v.Size {
			t.Fatalf("vector %d: %d bytes, want %d", i, len(body), v.Size)
		}
		c, sum, err := storage.CIDOf(context.Background(), strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if c.String() != v.CID {
			t.Errorf("vector %d: CID %s, want %s", i, c, v.CID)
		}
		if hex.EncodeToString(sum[:]) != v.SHA256 {
			t.Errorf("vector %d: fingerprint %x, want %s", i, sum, v.SHA256)
		}
		other, err := cid.Decode(f.Versions[(i+1)%len(f.Versions)].CID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Verify(context.Background(), nil, acl.Range{}, other, strings.NewReader(body), nil); !errors.Is(err, ErrNotContent) {
			t.Errorf("vector %d checked against another CID: %v, want ErrNotContent", i, err)
		}
	}
}
