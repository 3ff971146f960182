package daemon

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/storage"
)

// TestCampaignAgent runs the owner's campaign agent against campaigns a
// real brand daemon funds on the dev chain: one it joins, and one refused
// by each rule — a price of 1 wei, a policy permitting any purpose, a
// category the owner does not offer, wants no dataset meets, a malformed
// document, a document nobody serves, the owner's never-brand. Every
// decision is durable, made once (a replay from block zero changes
// nothing and joins nothing twice), survives reopening the store, and a
// person still joins by hand after a refusal.
func TestCampaignAgent(t *testing.T) {
	w := newWorld(t)
	o, b := w.owner, w.brand
	ctx := w.ctx

	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets", CreateRequest{Name: "history"}, nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets", CreateRequest{Name: "steps"}, nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/versions", []byte("date,price,shop\n2025-01-03,12.50,Grocer\n"), nil)
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/steps/versions", []byte(`[{"day":"2025-01-03","steps":9000}]`), nil)
	period := describe.Period{From: "2025-01", To: "2025-12"}
	if err := o.d.Index().SetDescription("history", &describe.Description{Title: "Shop history", Category: "purchases", Fields: []string{"date", "price", "shop"}, Rows: 120, Period: &period}); err != nil {
		t.Fatal(err)
	}
	if err := o.d.Index().SetDescription("steps", &describe.Description{Title: "Steps", Category: "fitness", Rows: 10}); err != nil {
		t.Fatal(err)
	}

	create := func(preset, price string, wants *describe.Wants) uint64 {
		t.Helper()
		req := CampaignRequest{Policy: json.RawMessage(`"` + preset + `"`), PriceWei: price, Duration: "30d", Cap: 3, Deadline: "1d"}
		if wants != nil {
			req.Wants = wants.Bytes()
		}
		var v CampaignView
		b.mustCall(t, http.StatusCreated, "POST", "/v1/campaigns", req, &v)
		return v.ID
	}
	shop := &describe.Wants{Category: "purchases", Fields: []string{"price"}, Period: &describe.Period{From: "2025-03", To: "2025-06"}, MinRows: 100}
	good := create("analytics-only", "1000", shop)
	cheap := create("analytics-only", "1", shop)
	anyPurpose := create("no-resale", "1000", shop)
	location := create("analytics-only", "1000", &describe.Wants{Category: "location"})
	tooMany := create("analytics-only", "1000", &describe.Wants{Category: "purchases", MinRows: 1000})
	noWants := create("analytics-only", "1000", nil)
	again := create("analytics-only", "2000", shop) // history is granted to the brand by then

	// Hostile documents, funded straight on chain: a block that claims to
	// be a policy and is not one, and a hash nobody serves.
	bc, err := acl.New(ctx, w.ch.Client(), w.ch.Registry(), b.h.Account, nil)
	if err != nil {
		t.Fatal(err)
	}
	bad := `{"profile":"urn:pdx:odrl-profile:v3","pdx:wants":{"category":"purchases"},"uid":` + strings.Repeat("[", 400)
	if _, err := b.store.Add(ctx, strings.NewReader(bad), storage.AddOptions{Name: "hostile", MaxSize: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	fund := func(h [32]byte, price int64) uint64 {
		t.Helper()
		id, _, err := bc.CreateCampaign(ctx, acl.CampaignTerms{TermsHash: h, PricePerPerson: big.NewInt(price), Duration: 30 * 24 * time.Hour, Cap: 2, Deadline: time.Now().Add(24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	malformed := fund(sha256.Sum256([]byte(bad)), 5000)
	huge := `{"profile":"urn:pdx:odrl-profile:v3","uid":"` + strings.Repeat("x", 100<<10) + `"}`
	if _, err := b.store.Add(ctx, strings.NewReader(huge), storage.AddOptions{Name: "huge", MaxSize: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	oversized := fund(sha256.Sum256([]byte(huge)), 5000)
	unserved := fund(sha256.Sum256([]byte("nobody has this block")), 5000)

	policy := config.DefaultCampaigns()
	policy.AutoJoin = true
	policy.Categories = []string{"purchases", "fitness"}
	policy.Purposes = []string{"dpv:ResearchAndDevelopment", "dpv:ServiceOptimisation"}
	policy.MinPriceWei = config.NewWei(big.NewInt(100))
	agent := o.d.NewCampaignAgent(policy)
	agent.Threshold, agent.Wait = 2, 2*time.Second
	poll := func(a *CampaignAgent) {
		t.Helper()
		f := acl.NewFollower(w.ch.Client(), w.ch.Registry(), a.Cursor())
		f.Start, f.Events = w.ch.DeployBlock(), []string{"CampaignCreated"}
		if _, err := f.Poll(ctx, a.HandleEvent); err != nil {
			t.Fatal(err)
		}
	}
	poll(agent)

	want := map[uint64]struct{ state, rule, says string }{
		good:       {DecisionJoined, "", ""},
		cheap:      {DecisionRefused, "min_price_wei", "1 wei"},
		anyPurpose: {DecisionRefused, "purposes", "any purpose"},
		location:   {DecisionRefused, "categories", "location"},
		tooMany:    {DecisionRefused, "wants", "at least 1000 records"},
		noWants:    {DecisionRefused, "categories", "no category"},
		again:      {DecisionRefused, "wants", "holds a live grant of it already"},
		malformed:  {DecisionRefused, "document", ""},
		oversized:  {DecisionRefused, "document", ""},
		unserved:   {DecisionRefused, "document", ""},
	}
	check := func(ix *Index) {
		t.Helper()
		for id, wd := range want {
			dec, ok, err := ix.CampaignDecision(id)
			if err != nil || !ok {
				t.Fatalf("campaign %d: no decision (%v)", id, err)
			}
			t.Logf("campaign %d: %s %s: %s", id, dec.State, dec.Rule, dec.Reason)
			if dec.State != wd.state || dec.Rule != wd.rule || !strings.Contains(dec.Reason, wd.says) {
				t.Errorf("campaign %d: decided %+v, want %s/%s saying %q", id, dec, wd.state, wd.rule, wd.says)
			}
		}
	}
	check(o.d.Index())
	dec, _, _ := o.d.Index().CampaignDecision(good)
	if dec.Dataset != "history" || dec.JoinBlock == 0 || dec.ByHand {
		t.Fatalf("joined %+v", dec)
	}
	e, _ := o.d.Index().Get("history")
	if ok, err := bc.JoinedCampaign(ctx, good, e.ID); err != nil || !ok {
		t.Fatalf("history joined campaign %d on chain: %v %v", good, ok, err)
	}
	if v, err := bc.VestingOf(ctx, e.ID, b.h.Address()); err != nil || v.Amount.Cmp(big.NewInt(1000)) != 0 {
		t.Fatalf("vesting of the join: %+v %v, want 1000 wei", v, err)
	}

	// A never-brand is refused whatever else it offers.
	never := policy
	never.NeverBrands = []string{b.h.Address().Hex()}
	evs, err := bc.CampaignCreated(ctx, acl.Range{From: w.ch.DeployBlock(), To: mustHead(t, w)}, acl.CampaignCreatedFilter{ID: &good})
	if err != nil || len(evs) != 1 {
		t.Fatalf("campaign %d's event: %v %v", good, evs, err)
	}
	nd, err := o.d.NewCampaignAgent(never).Decide(ctx, evs[0])
	if err != nil || nd.State != DecisionRefused || nd.Rule != "never_brands" {
		t.Fatalf("never-brand: %+v %v", nd, err)
	}
	// auto_join off: the agent says which dataset would join, and joins none.
	off := policy
	off.AutoJoin = false
	evs, _ = bc.CampaignCreated(ctx, acl.Range{From: w.ch.DeployBlock(), To: mustHead(t, w)}, acl.CampaignCreatedFilter{ID: &tooMany})
	offAgent := o.d.NewCampaignAgent(off)
	offAgent.Wait = 2 * time.Second
	nd, err = offAgent.Decide(ctx, evs[0])
	if err != nil || nd.State != DecisionRefused || nd.Rule != "wants" {
		t.Fatalf("auto_join off, wants unmet: %+v %v", nd, err)
	}

	// Decided once: a replay from the deploy block (a lost cursor) finds
	// every campaign decided and sends nothing.
	if err := agent.Cursor().Store(ctx, w.ch.DeployBlock()); err != nil {
		t.Fatal(err)
	}
	poll(agent)
	check(o.d.Index())
	if c, err := bc.CampaignOf(ctx, good); err != nil || c.Joined != 1 {
		t.Fatalf("campaign %d after the replay: %+v %v", good, c, err)
	}

	// The listing and show carry the decisions.
	var list CampaignList
	o.mustCall(t, http.StatusOK, "GET", "/v1/campaigns?all=true", nil, &list)
	if len(list.Campaigns) != len(want) || list.Campaigns[0].ID != unserved {
		t.Fatalf("list: %+v", list)
	}
	var own CampaignList
	b.mustCall(t, http.StatusOK, "GET", "/v1/campaigns?all=true&mine=true", nil, &own)
	if len(own.Campaigns) != len(want) || own.Campaigns[0].ID != unserved || own.Campaigns[0].Agent.State != DecisionOwn {
		t.Fatalf("the brand's own campaigns: %+v", own)
	}
	var show CampaignView
	o.mustCall(t, http.StatusOK, "GET", campaignURL(cheap), nil, &show)
	if show.Agent == nil || show.Agent.Rule != "min_price_wei" {
		t.Fatalf("show: %+v", show.Agent)
	}

	// A person joins by hand after a refusal.
	o.mustCall(t, http.StatusCreated, "POST", campaignURL(cheap)+"/join", JoinCampaignRequest{Dataset: "steps", Threshold: 2}, nil)
	o.mustCall(t, http.StatusOK, "GET", campaignURL(cheap), nil, &show)
	if show.Agent == nil || show.Agent.State != DecisionJoined || !show.Agent.ByHand || !strings.Contains(show.Agent.Reason, "1 wei") {
		t.Fatalf("after a join by hand: %+v", show.Agent)
	}
	want[cheap] = struct{ state, rule, says string }{DecisionJoined, "", "1 wei"}

	// The decisions survive closing and reopening the store.
	path := o.d.Index().Path()
	if err := o.d.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenIndex(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	check(ix)
	if next, ok, err := (campaignCursor{ix}).Load(ctx); err != nil || !ok || next <= w.ch.DeployBlock() {
		t.Fatalf("cursor after reopening: %d %v %v", next, ok, err)
	}
}

func campaignURL(id uint64) string { return "/v1/campaigns/" + new(big.Int).SetUint64(id).String() }

func mustHead(t *testing.T, w *world) uint64 {
	t.Helper()
	n, err := w.ch.Client().BlockNumber(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}
