package daemon

import (
	"strings"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/node/service"
)

// commonPurposes is the small vocabulary of purposes every pdx daemon can
// name from their hash alone (docs/api.md, "Terms and purposes"). The chain
// keeps only keccak256 of an offer's terms or a grant's purpose, so a
// daemon that never saw the text cannot show it; these words are the ones
// owners and brands use most, so a market listing usually reads as text.
func commonPurposes() []string {
	return []string{
		"research", "marketing", "analytics", "personalisation", "personalization",
		"advertising", "product improvement", "customer support", "fraud prevention",
		"loyalty analytics",
	}
}

// termsBook maps keccak256(text) to the text, for the purposes and terms
// this daemon knows: its own offers (the index), every purpose and terms
// text in its journal, the purposes of its market policy, and the common
// vocabulary.
type termsBook map[[32]byte]string

func (d *Daemon) termsBook() termsBook {
	b := termsBook{}
	add := func(s string) {
		if strings.TrimSpace(s) == "" || s == config.AnyPurpose {
			return
		}
		h := service.TermsHash(s)
		if _, ok := b[h]; !ok {
			b[h] = s
		}
	}
	// Most specific first: the texts this daemon itself used win over the
	// vocabulary (they are the same text whenever the hashes agree).
	for _, e := range d.index.List() {
		add(e.Terms)
	}
	if recs, err := d.journal.Read(); err == nil {
		for _, r := range recs {
			add(r.Purpose)
		}
	}
	for _, p := range d.conf.Market.Default.AllowedPurposes {
		add(p)
	}
	for _, dp := range d.conf.Market.Datasets {
		if dp.AllowedPurposes != nil {
			for _, p := range *dp.AllowedPurposes {
				add(p)
			}
		}
	}
	for _, p := range commonPurposes() {
		add(p)
	}
	return b
}

// text is the known text of hash h, or "".
func (b termsBook) text(h [32]byte) string { return b[h] }
