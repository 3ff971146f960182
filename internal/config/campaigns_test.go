package config

import (
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

func TestCampaignsFileEnvAndValidation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	file := `[market.campaigns]
auto_join = true
categories = ["purchases", "health"]
purposes = ["dpv:ResearchAndDevelopment"]
min_price_wei = "1000"
never_brands = ["0x00000000000000000000000000000000000000bb"]
max_duration = "30d"
datasets = ["history"]
`
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path, []string{"PDX_MARKET_CAMPAIGNS_MIN_PRICE_WEI=2000"})
	if err != nil {
		t.Fatal(err)
	}
	cp := c.Market.Campaigns
	if !cp.AutoJoin || len(cp.Categories) != 2 || cp.MinPriceWei.Int().Int64() != 2000 || time.Duration(cp.MaxDuration) != 30*24*time.Hour || !cp.Offers("history") || cp.Offers("other") {
		t.Fatalf("loaded %+v", cp)
	}
	brand := common.HexToAddress("0xbb")
	var ref *CampaignRefusal
	if err := cp.CheckTerms(brand, big.NewInt(5000), time.Hour); !errors.As(err, &ref) || ref.Rule != RuleNeverBrands {
		t.Fatalf("never brand: %v", err)
	}
	other := common.HexToAddress("0xcc")
	if err := cp.CheckTerms(other, big.NewInt(1999), time.Hour); !errors.As(err, &ref) || ref.Rule != RuleMinPrice {
		t.Fatalf("price: %v", err)
	}
	if err := cp.CheckTerms(other, big.NewInt(2000), 31*24*time.Hour); !errors.As(err, &ref) || ref.Rule != RuleMaxDuration {
		t.Fatalf("duration: %v", err)
	}
	if err := cp.CheckTerms(other, big.NewInt(2000), time.Hour); err != nil {
		t.Fatal(err)
	}
	if err := cp.CheckCategory("finance"); !errors.As(err, &ref) || ref.Rule != RuleCategories {
		t.Fatalf("category: %v", err)
	}
	if err := cp.CheckCategory("health"); err != nil {
		t.Fatal(err)
	}

	// The defaults join nothing.
	d := Default().Market.Campaigns
	if d.AutoJoin || d.CheckCategory("health") == nil {
		t.Fatalf("defaults %+v join", d)
	}

	for _, tc := range []struct{ env, key string }{
		{"PDX_MARKET_CAMPAIGNS_CATEGORIES=Shoes!", "market.campaigns.categories"},
		{"PDX_MARKET_CAMPAIGNS_PURPOSES=research", "market.campaigns.purposes"},
		{"PDX_MARKET_CAMPAIGNS_NEVER_BRANDS=0x12", "market.campaigns.never_brands"},
		{"PDX_MARKET_CAMPAIGNS_MAX_DURATION=0s", "market.campaigns.max_duration"},
	} {
		_, err := Load("", []string{tc.env})
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Key != tc.key || ve.Reason == "" {
			t.Errorf("%s: %v, want a ValueError of %s", tc.env, err, tc.key)
		}
	}
	if _, err := Load("", []string{"PDX_MARKET_CAMPAIGNS_AUTO_JOIN=maybe"}); err == nil || !strings.Contains(err.Error(), "PDX_MARKET_CAMPAIGNS_AUTO_JOIN") {
		t.Errorf("bad bool: %v", err)
	}
}
