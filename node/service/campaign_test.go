package service

import (
	"bytes"
	"crypto/rand"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/node/storage"
)

// TestCampaignJoinGetWithdrawClose runs a campaign through the service on
// real kubo nodes, proxies and the dev chain: the brand funds it under a
// policy; the owner joins with one transaction, the proxies serve the
// brand, the owner's withdraw collects what vested, an erase returns the
// rest to the brand, and closing refunds the unspent place.
func TestCampaignJoinGetWithdrawClose(t *testing.T) {
	w := newWorld(t)
	data := make([]byte, 4<<10)
	rand.Read(data)
	ds, c := w.put(data)

	p, _ := policy.Preset("analytics-only")
	if _, err := w.brand.CreateCampaign(w.ctx, CampaignRequest{Policy: p, PricePerPerson: big.NewInt(1e12), Cap: 2, Deadline: time.Now().Add(time.Hour)}); !errors.Is(err, ErrCampaignTerms) {
		t.Fatalf("a campaign without a duration: %v, want ErrCampaignTerms", err)
	}
	p.Duration = time.Hour
	if _, err := w.brand.CreateCampaign(w.ctx, CampaignRequest{Policy: p, PricePerPerson: big.NewInt(1e12), Duration: 2 * time.Hour, Cap: 2, Deadline: time.Now().Add(time.Hour)}); !errors.Is(err, ErrCampaignTerms) {
		t.Fatalf("a duration against the policy's: %v, want ErrCampaignTerms", err)
	}
	price := big.NewInt(3600 * 1_000_000)
	id, err := w.brand.CreateCampaign(w.ctx, CampaignRequest{Policy: p, PricePerPerson: price, Cap: 2, Deadline: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	info, err := w.owner.Campaign(w.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if info.DocumentErr != nil || info.Document.Hash() != p.Hash() || info.Brand != w.brand.Address() || info.Duration != time.Hour {
		t.Fatalf("campaign as the owner reads it: %+v", info)
	}

	res, err := w.owner.JoinCampaign(w.ctx, CampaignJoin{Campaign: id, Dataset: ds, DatasetKey: w.dsKey})
	if err != nil {
		t.Fatal(err)
	}
	if res.Grantee != w.brand.Address() || len(res.Proxies) != 3 || res.PricePerPerson.Cmp(price) != 0 || res.Expires.IsZero() {
		t.Fatalf("join result %+v", res)
	}
	// The owner's node keeps the policy it was paid under.
	if pinned, err := w.owner.cfg.Store.IsPinned(w.ctx, p.CID()); err != nil || !pinned {
		t.Fatalf("the campaign's policy is not pinned on the owner's node: %v %v", pinned, err)
	}
	w.sync()
	var buf bytes.Buffer
	if _, err := w.brand.GetFor(w.ctx, c, "dpv:ResearchAndDevelopment", &buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), data) {
		t.Fatal("the brand read other bytes")
	}

	// Withdraw finds the campaign's grant among the owner's sales.
	sales, err := w.owner.vestingSales(w.ctx)
	if err != nil || len(sales) != 1 || sales[0] != (acl.Sale{Dataset: ds, Buyer: w.brand.Address()}) {
		t.Fatalf("owner's sales %+v (%v)", sales, err)
	}
	time.Sleep(1100 * time.Millisecond) // let a second vest
	paid, err := w.owner.Withdraw(w.ctx)
	if err != nil || paid.Sign() <= 0 {
		t.Fatalf("owner's withdraw paid %v (%v)", paid, err)
	}
	// Erase settles the campaign grant in its own transaction: the brand
	// gets the unvested rest back.
	if err := w.owner.Erase(w.ctx, ds, nil); err != nil {
		t.Fatal(err)
	}
	if v, err := w.owner.Vesting(w.ctx, ds, w.brand.Address()); err != nil || v.Amount.Sign() != 0 {
		t.Fatalf("vesting left after the erase: %+v (%v)", v, err)
	}
	back, err := w.brand.Balance(w.ctx)
	if err != nil || back.Sign() <= 0 || new(big.Int).Add(back, paid).Cmp(price) > 0 {
		t.Fatalf("brand's balance %v after the erase, owner paid %v, price %v (%v)", back, paid, price, err)
	}
	refund, err := w.brand.CloseCampaign(w.ctx, id)
	if err != nil || refund.Cmp(price) != 0 {
		t.Fatalf("close refunded %v, want one place's %v (%v)", refund, price, err)
	}
}

// TestCampaignPlainDocumentRefused: a campaign whose terms hash names a
// plain text (or nothing a node serves) is not joined, and nothing is
// sent.
func TestCampaignPlainDocumentRefused(t *testing.T) {
	w := newWorld(t)
	ds, _ := w.put([]byte("not for this"))
	text := "give me everything, for anything"
	h := TermsHash(text)
	if _, err := w.brand.cfg.Store.Add(w.ctx, strings.NewReader(text), storage.AddOptions{Name: "test/plain"}); err != nil {
		t.Fatal(err)
	}
	id, _, err := w.brand.cfg.Chain.CreateCampaign(w.ctx, acl.CampaignTerms{TermsHash: h, PricePerPerson: big.NewInt(1000), Duration: time.Hour, Cap: 1, Deadline: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.owner.JoinCampaign(w.ctx, CampaignJoin{Campaign: id, Dataset: ds, DatasetKey: w.dsKey})
	if !errors.Is(err, ErrCampaignDocument) {
		t.Fatalf("join of a plain-text campaign: %v, want ErrCampaignDocument", err)
	}
	if joined, err := w.owner.cfg.Chain.JoinedCampaign(w.ctx, id, ds); err != nil || joined {
		t.Fatalf("joined %v (%v) after the refusal", joined, err)
	}
}
