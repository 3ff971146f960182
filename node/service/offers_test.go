package service

import (
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/fieldsplit"
	"github.com/pdx-network/pdx/reencrypt"
)

// TestFieldSetOffers: one split dataset offered twice at once — age,city
// cheap, the whole profile dear. A buy naming no offer is refused with both
// listed and nothing paid; brand A buys the field set, brand B the whole
// dataset; the owner's agent grants each exactly what it bought, so A's get
// returns the two fields and B's the six, and no proxy holds a kfrag for A
// of any other field's key (buying the cheap field set opens nothing
// else). Withdrawing the field offer leaves the other; an offer of a field
// the dataset lacks is declined with the reason, the payment returned.
func TestFieldSetOffers(t *testing.T) {
	w := newWorld(t)
	ring := newFieldRing(t, w.dsKey)
	res, c := w.putSplit(ring, fieldsplit.JSON, profile6)
	w.owner.UseFieldKeys(ring)
	ds := ring.dataset
	keys := w.net.Keys()
	brandB := newService(t, w.ctx, w.chain, keys[7], w.net.Stores[1])
	brandC := newService(t, w.ctx, w.chain, keys[6], w.net.Stores[1])

	some := &policy.Policy{Description: "regional statistics", Permitted: []string{"use"}, Fields: []string{"age", "city"}}
	whole := &policy.Policy{Description: "regional statistics", Permitted: []string{"use"}}
	cheap, dear := big.NewInt(1000), big.NewInt(5000)
	if err := w.owner.Offer(w.ctx, ds, cheap, 24*time.Hour, string(some.Bytes())); err != nil {
		t.Fatal(err)
	}
	if err := w.owner.Offer(w.ctx, ds, dear, 24*time.Hour, string(whole.Bytes())); err != nil {
		t.Fatal(err)
	}
	offers, err := w.brand.OffersOf(w.ctx, ds)
	if err != nil || len(offers) != 2 {
		t.Fatalf("the dataset's offers: %+v, %v", offers, err)
	}
	if _, _, err := w.brand.BuyPick(w.ctx, ds, OfferPick{}); !errors.Is(err, ErrOfferAmbiguous) || !strings.Contains(err.Error(), "fields age,city") || !strings.Contains(err.Error(), "all fields") {
		t.Fatalf("a buy naming no offer of two: %v, want ErrOfferAmbiguous listing both", err)
	}
	if _, err := w.brand.cfg.Chain.PurchaseOf(w.ctx, ds, w.brand.Address()); !errors.Is(err, acl.ErrNoEscrow) {
		t.Fatalf("an ambiguous buy paid: %v", err)
	}
	if _, _, err := w.brand.BuyPick(w.ctx, ds, OfferPick{Fields: []string{"email"}}); !errors.Is(err, ErrNoSuchOffer) {
		t.Fatalf("a buy of a field set nobody offers: %v, want ErrNoSuchOffer", err)
	}
	o, _, err := w.brand.BuyPick(w.ctx, ds, OfferPick{Fields: []string{"city", "age"}})
	if err != nil || o.Price.Cmp(cheap) != 0 || o.TermsHash != some.Hash() {
		t.Fatalf("brand A bought %+v, %v; want the field offer at %v", o, err, cheap)
	}
	o, _, err = brandB.BuyPick(w.ctx, ds, OfferPick{All: true})
	if err != nil || o.Price.Cmp(dear) != 0 || o.TermsHash != whole.Hash() {
		t.Fatalf("brand B bought %+v, %v; want the whole-dataset offer at %v", o, err, dear)
	}

	names := make([]string, len(res.Fields))
	for i, f := range res.Fields {
		names[i] = f.Name
	}
	var decisions []Decision
	f := acl.NewFollower(w.chain.Client(), w.chain.Registry(), &acl.MemoryCursor{})
	f.Start = w.chain.DeployBlock()
	agent := &MarketAgent{S: w.owner,
		// The item's terms are the dataset's latest offer (the whole
		// one): the field offer's text comes from this node's IPFS.
		Item: func(id uint64) (*MarketItem, bool) {
			return &MarketItem{Key: w.dsKey, Terms: string(whole.Bytes()), Policy: config.Default().Market.Default, Fields: names}, id == ds
		},
		Record: func(d Decision) { decisions = append(decisions, d) },
	}
	if _, err := f.Poll(w.ctx, agent.HandleEvent); err != nil {
		t.Fatal(err)
	}
	if len(decisions) != 2 || !decisions[0].Granted || !decisions[1].Granted {
		t.Fatalf("the agent's decisions %+v, want both purchases granted", decisions)
	}
	w.sync()
	got, _ := readAs(t, w.ctx, w.brand, c)
	if string(got) != "{\"age\":34,\"city\":\"Lyon\"}\n" {
		t.Fatalf("brand A, who bought age,city, read %s", got)
	}
	got, _ = readAs(t, w.ctx, brandB, c)
	sameJSON(t, got, profile6)

	// Attack: brand A paid for age,city only. No proxy holds a kfrag to A
	// of any other field's key, nor of the dataset key.
	vk := w.owner.cfg.Signer.VerifyingKey()
	pkA := w.brand.cfg.Receiving.PublicKey()
	var dirs []string
	for _, p := range w.proxies {
		dirs = append(dirs, p.dir)
	}
	others := []*reencrypt.SecretKey{w.dsKey}
	for _, n := range names {
		if n != "age" && n != "city" {
			others = append(others, ring.field(n))
		}
	}
	for _, kf := range scanKFrags(t, dirs...) {
		for _, k := range others {
			if _, err := kf.Verify(vk, k.PublicKey(), pkA); err == nil {
				t.Fatal("a proxy holds a kfrag to the field-set buyer of a key it did not buy")
			}
		}
	}

	// Withdrawing the field offer leaves the whole-dataset one open.
	hs, err := w.owner.WithdrawOffers(w.ctx, ds, OfferPick{Fields: []string{"age", "city"}}, false)
	if err != nil || len(hs) != 1 || hs[0] != some.Hash() {
		t.Fatalf("withdrew %x, %v", hs, err)
	}
	if left, err := w.brand.OffersOf(w.ctx, ds); err != nil || len(left) != 1 || left[0].TermsHash != whole.Hash() {
		t.Fatalf("offers left: %+v, %v", left, err)
	}

	// An offer of a field the dataset does not have: the agent declines
	// the purchase, saying why, and the buyer's payment is back at once.
	odd := &policy.Policy{Description: "regional statistics", Permitted: []string{"use"}, Fields: []string{"age", "shoe_size"}}
	if err := w.owner.Offer(w.ctx, ds, cheap, 24*time.Hour, string(odd.Bytes())); err != nil {
		t.Fatal(err)
	}
	if _, _, err := brandC.BuyPick(w.ctx, ds, OfferPick{Fields: []string{"age", "shoe_size"}}); err != nil {
		t.Fatal(err)
	}
	decisions = nil
	if _, err := f.Poll(w.ctx, agent.HandleEvent); err != nil {
		t.Fatal(err)
	}
	if len(decisions) != 1 || decisions[0].Granted || !strings.Contains(decisions[0].Reason, "no field shoe_size") {
		t.Fatalf("the purchase of a missing field: %+v, want it declined naming shoe_size", decisions)
	}
	if bal, err := brandC.Balance(w.ctx); err != nil || bal.Cmp(cheap) != 0 {
		t.Fatalf("the declined buyer's balance %v, %v; want %v back", bal, err, cheap)
	}
	if slices.Contains(names, "shoe_size") {
		t.Fatal("the profile has a shoe_size")
	}
}
