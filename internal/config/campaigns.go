package config

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Campaigns is the owner's policy for brands' campaigns: the daemon's
// campaign agent joins a campaign by itself only when every rule here lets
// it, and records why not otherwise. Everything defaults to joining
// nothing: an owner opts in by turning auto_join on and naming the
// categories and purposes it accepts.
type Campaigns struct {
	AutoJoin bool `toml:"auto_join" comment:"join campaigns that pass this policy by yourself (off: the agent only records what it would do)"`
	// Categories are the describe vocabulary's terms the owner joins
	// campaigns for; a campaign wanting another category is refused. Empty:
	// none is joined automatically.
	Categories []string `toml:"categories" comment:"categories of data you offer to campaigns (pdx describe's vocabulary); empty: none"`
	// Purposes are DPV purposes ("dpv:…"); a campaign whose policy permits
	// a purpose outside them (or any purpose, naming none) is refused.
	// Empty: none is joined automatically.
	Purposes []string `toml:"purposes" comment:"DPV purposes you accept (e.g. \"dpv:ResearchAndDevelopment\"); a campaign permitting any other is refused; empty: none"`
	// MinPriceWei is the lowest price per person accepted.
	MinPriceWei Wei `toml:"min_price_wei" comment:"lowest price per person accepted, in wei (decimal string)"`
	// NeverBrands are brand addresses whose campaigns are always refused.
	NeverBrands []string `toml:"never_brands" comment:"brands (addresses) whose campaigns are always refused"`
	// MaxDuration is the longest grant a campaign may ask for.
	MaxDuration Duration `toml:"max_duration" comment:"longest grant a campaign may ask for (e.g. \"90d\")"`
	// Datasets names the datasets that may be offered to campaigns; empty:
	// every dataset that has a description.
	Datasets []string `toml:"datasets" comment:"datasets that may join campaigns; empty: every described dataset"`
}

// DefaultCampaigns joins nothing by itself.
func DefaultCampaigns() Campaigns {
	return Campaigns{
		Categories:  []string{},
		Purposes:    []string{},
		MinPriceWei: Wei{},
		NeverBrands: []string{},
		MaxDuration: Duration(365 * 24 * time.Hour),
		Datasets:    []string{},
	}
}

// CampaignRule names the rule of Campaigns a refusal comes from.
type CampaignRule string

// The rules, as recorded with a refusal.
const (
	RuleAutoJoin    CampaignRule = "auto_join"
	RuleCategories  CampaignRule = "categories"
	RulePurposes    CampaignRule = "purposes"
	RuleMinPrice    CampaignRule = "min_price_wei"
	RuleNeverBrands CampaignRule = "never_brands"
	RuleMaxDuration CampaignRule = "max_duration"
)

// CampaignRefusal is a refusal by one rule, in the owner's words.
type CampaignRefusal struct {
	Rule   CampaignRule
	Reason string
}

func (e *CampaignRefusal) Error() string { return e.Reason }

// CheckTerms decides what the chain says of a campaign — its brand, its
// price per person and its grants' duration — before its document is read:
// nil, or the *CampaignRefusal of the first rule that refuses it.
func (c Campaigns) CheckTerms(brand common.Address, price *big.Int, duration time.Duration) error {
	if slices.ContainsFunc(c.NeverBrands, func(a string) bool { return common.HexToAddress(a) == brand }) {
		return &CampaignRefusal{Rule: RuleNeverBrands, Reason: fmt.Sprintf("the brand %s is among your never_brands", brand.Hex())}
	}
	if price == nil || price.Cmp(c.MinPriceWei.Int()) < 0 {
		return &CampaignRefusal{Rule: RuleMinPrice, Reason: fmt.Sprintf("the price %s wei per person is below your minimum of %s wei", bigString(price), c.MinPriceWei)}
	}
	if duration <= 0 || duration > time.Duration(c.MaxDuration) {
		return &CampaignRefusal{Rule: RuleMaxDuration, Reason: fmt.Sprintf("each grant lasts %s, longer than your max_duration of %s", Duration(duration), c.MaxDuration)}
	}
	return nil
}

// CheckCategory refuses a campaign wanting a category the owner does not
// offer.
func (c Campaigns) CheckCategory(category string) error {
	if category == "" {
		return &CampaignRefusal{Rule: RuleCategories, Reason: "the campaign does not say what data it wants (no category)"}
	}
	if !slices.Contains(c.Categories, category) {
		if len(c.Categories) == 0 {
			return &CampaignRefusal{Rule: RuleCategories, Reason: fmt.Sprintf("the campaign wants %s data; your categories list is empty, so no campaign is joined by itself", category)}
		}
		return &CampaignRefusal{Rule: RuleCategories, Reason: fmt.Sprintf("the campaign wants %s data, not among your categories (%s)", category, strings.Join(c.Categories, ", "))}
	}
	return nil
}

// Offers reports whether dataset may be offered to campaigns.
func (c Campaigns) Offers(dataset string) bool {
	return len(c.Datasets) == 0 || slices.Contains(c.Datasets, dataset)
}

var categoryWord = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

var dpvTerm = regexp.MustCompile(`^dpv:[A-Z][A-Za-z]*$`)

func (c Campaigns) validate() []error {
	const p = "market.campaigns"
	var errs []error
	bad := func(key, value, reason string) {
		errs = append(errs, &ValueError{Key: p + "." + key, Value: value, Reason: reason})
	}
	// The shape only: internal/ sits below acl, so the vocabulary itself
	// (acl/describe) is checked when the daemon starts
	// (service.CheckCategories), as the purposes are.
	for _, cat := range c.Categories {
		if !categoryWord.MatchString(cat) {
			bad("categories", cat, "a category is a lowercase word of the vocabulary, such as \"purchases\" (acl/describe/DESCRIBE.md lists them)")
		}
	}
	for _, pur := range c.Purposes {
		if !dpvTerm.MatchString(pur) {
			bad("purposes", pur, "a purpose is a DPV term such as \"dpv:ResearchAndDevelopment\" (docs/policy.md lists them)")
		}
	}
	for _, a := range c.NeverBrands {
		if !isAddress(a) {
			bad("never_brands", a, "want 0x followed by 40 hex digits")
		}
	}
	if c.MaxDuration <= 0 {
		bad("max_duration", c.MaxDuration.String(), "must be longer than zero, e.g. \"90d\"")
	}
	for _, d := range c.Datasets {
		if strings.TrimSpace(d) == "" {
			bad("datasets", d, "a dataset name must not be empty; leave the list empty to offer every described dataset")
		}
	}
	return errs
}
