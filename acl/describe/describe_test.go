package describe_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
)

func sample() *describe.Description {
	return &describe.Description{
		Title: "Shoe purchases 2025", Category: "purchases", Fields: []string{"store", "date", "amount"},
		Rows: 120, Period: &describe.Period{From: "2025-01", To: "2025-12"}, Size: 4096,
		AttestedBy: []common.Address{common.HexToAddress("0x84c7FcaD66Ff7c533F429A981651cD5616BCD9cc")},
	}
}

func TestDescriptionRoundTrip(t *testing.T) {
	d := sample()
	got, err := describe.ParseDescription(d.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Bytes()) != string(d.Bytes()) || strings.Join(got.Fields, ",") != "amount,date,store" {
		t.Fatalf("round trip: %s", got.Bytes())
	}
	for _, bad := range []string{
		`{"title":"x","category":"shoes"}`,
		`{"title":"","category":"purchases"}`,
		`{"title":"x","category":"purchases","fields":["b","a"]}`,
		`{"title":"x","category":"purchases","period":{"from":"2025-05","to":"2025-01"}}`,
		`{"title":"x","category":"purchases","secret":1}`,
		`{"category":"purchases","title":"x"}`,
		`{"title":"x\nline","category":"purchases"}`,
	} {
		if _, err := describe.ParseDescription([]byte(bad)); !errors.Is(err, describe.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", bad, err)
		}
	}
}

func TestMatch(t *testing.T) {
	d := sample()
	w := &describe.Wants{Category: "purchases", Fields: []string{"amount"}, Period: &describe.Period{From: "2025-03", To: "2025-06"}, MinRows: 100, Attested: true}
	if err := w.Match(d); err != nil {
		t.Fatal(err)
	}
	for name, w := range map[string]*describe.Wants{
		"category": {Category: "health"},
		"field":    {Category: "purchases", Fields: []string{"brand"}},
		"period":   {Category: "purchases", Period: &describe.Period{From: "2024-12", To: "2025-02"}},
		"rows":     {Category: "purchases", MinRows: 121},
		"attester": {Category: "purchases", Attested: true, AttestedBy: []common.Address{{1}}},
	} {
		if err := w.Match(d); !describe.IsMismatch(err) {
			t.Errorf("%s: %v, want a mismatch", name, err)
		}
	}
}

func TestPolicyV3(t *testing.T) {
	p, _ := policy.Preset("analytics-only")
	plain := string(p.Bytes())
	p.Dataset = sample()
	q, err := policy.Parse(p.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if q.Dataset == nil || string(q.Dataset.Bytes()) != string(sample().Bytes()) || !strings.Contains(string(p.Bytes()), policy.ProfileDescribed) {
		t.Fatalf("v3 round trip: %s", p.Bytes())
	}
	p.Dataset = nil
	if string(p.Bytes()) != plain {
		t.Fatal("a policy without a description changed bytes")
	}
	p.Wants = &describe.Wants{Category: "purchases"}
	q, err = policy.Parse(p.Bytes())
	if err != nil || q.Wants == nil || q.Wants.Category != "purchases" {
		t.Fatalf("wants round trip: %v", err)
	}
	// A v3 profile without a description or wants, and a description
	// under v1, are refused.
	bad := strings.Replace(plain, policy.Profile, policy.ProfileDescribed, 1)
	if _, err := policy.Parse([]byte(bad)); err == nil {
		t.Error("v3 without pdx members accepted")
	}
}
