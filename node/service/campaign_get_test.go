package service

import (
	"bytes"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/reencrypt"
)

// TestCampaignGet: five datasets of two owners join a campaign; the owner
// of the first revokes the brand's grant of one, the second erases one.
// The brand's one campaign get writes the three others byte for byte, each
// under <owner>-<dataset>.<ext>, leaves no partial file, and sums up per
// owner with the refused datasets and their reasons.
func TestCampaignGet(t *testing.T) {
	w := newWorld(t)
	keys := w.net.Keys()
	owner2 := newServiceWith(t, w.ctx, w.chain, keys[6], w.ownerFS, ProxySet{Threshold: 2, Addresses: w.net.Addresses()})
	p, _ := policy.Preset("analytics-only")
	p.Duration = time.Hour
	id, err := w.brand.CreateCampaign(w.ctx, CampaignRequest{Policy: p, PricePerPerson: big.NewInt(1e9), Cap: 10, Deadline: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	type part struct {
		owner *Service
		ds    uint64
		data  []byte
	}
	var parts []part
	for i, o := range []*Service{w.owner, w.owner, w.owner, owner2, owner2} {
		key, _ := reencrypt.GenerateSecretKey()
		ds, err := o.CreateDataset(w.ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		data := []byte(fmt.Sprintf("date,shop,amount\n2026-11-0%d,Corner Shop,%d.10\n", i+1, 20+i))
		if _, err := o.Put(w.ctx, ds, key, bytes.NewReader(data), "test"); err != nil {
			t.Fatal(err)
		}
		if _, err := o.JoinCampaign(w.ctx, CampaignJoin{Campaign: id, Dataset: ds, DatasetKey: key}); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, part{o, ds, data})
	}
	if _, err := w.owner.Revoke(w.ctx, parts[1].ds, w.brand.Address()); err != nil {
		t.Fatal(err)
	}
	if err := owner2.Erase(w.ctx, parts[4].ds, nil); err != nil {
		t.Fatal(err)
	}
	w.sync()

	dir := t.TempDir()
	var streamed int
	res, err := w.brand.CampaignGet(w.ctx, id, CampaignGetOptions{Purpose: "dpv:ResearchAndDevelopment", Concurrency: 4,
		Done: func(CampaignOutcome) { streamed++ }}, DirWriter(dir))
	if err != nil {
		t.Fatal(err)
	}
	if res.Joined != 5 || res.Read != 3 || streamed != 5 {
		t.Fatalf("joined %d, read %d, outcomes heard %d; want 5, 3, 5", res.Joined, res.Read, streamed)
	}
	for i, pt := range parts {
		path := filepath.Join(dir, fmt.Sprintf("%s-%d.csv", pt.owner.Address().Hex(), pt.ds))
		got, err := os.ReadFile(path)
		switch i {
		case 1, 4:
			if err == nil {
				t.Errorf("dataset %d was refused but %s exists", pt.ds, path)
			}
		default:
			if err != nil || !bytes.Equal(got, pt.data) {
				t.Errorf("dataset %d: %q, %v; want its bytes", pt.ds, got, err)
			}
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("the directory holds %v, want the 3 datasets read and nothing else", names)
	}
	want := map[common.Address]struct {
		read   int
		reason string
		ds     uint64
	}{
		w.owner.Address(): {2, "revoked", parts[1].ds},
		owner2.Address():  {1, "erased", parts[4].ds},
	}
	if len(res.Owners) != 2 {
		t.Fatalf("summary of %d owners: %+v", len(res.Owners), res.Owners)
	}
	for _, o := range res.Owners {
		wo := want[o.Owner]
		if o.Read != wo.read || len(o.Refused) != 1 || o.Refused[0].Reason != wo.reason || o.Refused[0].Dataset != wo.ds || !strings.Contains(o.Refused[0].Message, wo.reason) {
			t.Errorf("owner %s: %+v; want %d read and dataset %d refused as %s", o.Owner.Hex(), o, wo.read, wo.ds, wo.reason)
		}
	}
	t.Logf("summary: %+v", res.Owners)

	// An unknown campaign fails as a whole.
	if _, err := w.brand.CampaignGet(w.ctx, id+100, CampaignGetOptions{}, DirWriter(dir)); err == nil {
		t.Fatal("a get of an unknown campaign succeeded")
	}
}

func TestSniffExt(t *testing.T) {
	for in, want := range map[string]string{
		"date,shop\n1,2\n": "csv", `{"a":1}`: "json", "[1,2]": "json", "hello there\n": "txt", "": "bin",
		"\x00\x01\x02": "bin", "\xff\xfe\xfd\xfc\xfb": "bin", "caf\xc3": "txt",
	} {
		if got := SniffExt([]byte(in)); got != want {
			t.Errorf("SniffExt(%q) = %s, want %s", in, got, want)
		}
	}
}
