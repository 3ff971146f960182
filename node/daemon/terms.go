package daemon

import (
	"context"
	"strings"
	"sync"
	"time"

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

// bookCache keeps the last book built, with the state of the index and
// the journal it was built from. Views and every market page with an
// offer whose text the market index lacks ask for the book; building it
// reads and parses the whole journal and hashes every text twice, which
// costs what the home's history costs, on every request. The config and
// the vocabulary do not change while the daemon runs.
type bookCache struct {
	mu    sync.Mutex
	built bool
	index uint64       // Index.Gen
	stamp JournalStamp // Journal.Stamp
	book  termsBook    // read only, shared by the callers
}

// termsBook is the book of what the daemon knows now: the one last built
// while neither the index nor the journal changed since, else a new one.
// (The stamps are read before the book is built: a change while it is
// built makes the next call build it again.)
func (d *Daemon) termsBook() termsBook {
	c := &d.book
	gen := d.index.Gen()
	stamp, err := d.journal.Stamp()
	if err == nil {
		c.mu.Lock()
		if c.built && c.index == gen && c.stamp == stamp {
			defer c.mu.Unlock()
			return c.book
		}
		c.mu.Unlock()
	}
	b := d.buildTermsBook()
	if err == nil {
		c.mu.Lock()
		c.built, c.index, c.stamp, c.book = true, gen, stamp, b
		c.mu.Unlock()
	}
	return b
}

func (d *Daemon) buildTermsBook() termsBook {
	b := termsBook{}
	add := func(s string) {
		if strings.TrimSpace(s) == "" || s == config.AnyPurpose {
			return
		}
		// Both forms: offers made before terms were published
		// recorded keccak256 (service.LegacyTermsHash), as grants'
		// purposes still do.
		for _, h := range [][32]byte{service.TermsHash(s), service.LegacyTermsHash(s)} {
			if _, ok := b[h]; !ok {
				b[h] = s
			}
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

// termsCache remembers the terms texts this daemon read from IPFS (by
// their hash, so an entry never goes stale) and, for a minute, the hashes
// no node served, so a market listing waits for an unreadable offer once a
// minute rather than on every call. Both are bounded.
type termsCache struct {
	mu     sync.Mutex
	texts  map[[32]byte]string
	failed map[[32]byte]termsFailure
}

type termsFailure struct {
	until time.Time
	why   string
}

const (
	maxCachedTerms  = 1024
	termsRetryAfter = time.Minute
	// termsFetches is how many offers' terms a listing reads at once.
	termsFetches = 8
)

func newTermsCache() *termsCache {
	return &termsCache{texts: map[[32]byte]string{}, failed: map[[32]byte]termsFailure{}}
}

// resolveTerms finds the text of each hash in hs: in book, in the cache,
// else read from IPFS, all the reads at once and each bounded by
// service.TermsWait. It returns the texts found and, for the others, why
// they are not known.
func (d *Daemon) resolveTerms(ctx context.Context, book termsBook, hs [][32]byte) (map[[32]byte]string, map[[32]byte]string) {
	texts, why := map[[32]byte]string{}, map[[32]byte]string{}
	c := d.terms
	now := time.Now()
	var fetch [][32]byte
	c.mu.Lock()
	for _, h := range hs {
		if t := book.text(h); t != "" {
			texts[h] = t
		} else if t, ok := c.texts[h]; ok {
			texts[h] = t
		} else if f, ok := c.failed[h]; ok && now.Before(f.until) {
			why[h] = f.why
		} else if _, dup := why[h]; !dup && !containsHash(fetch, h) {
			fetch = append(fetch, h)
		}
	}
	c.mu.Unlock()
	if len(fetch) == 0 {
		return texts, why
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	slots := make(chan struct{}, termsFetches)
	for _, h := range fetch {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			t, err := d.s.TermsText(ctx, h, service.TermsWait)
			mu.Lock()
			defer mu.Unlock()
			c.mu.Lock()
			defer c.mu.Unlock()
			if err != nil {
				why[h] = termsReason(err)
				if ctx.Err() == nil {
					if len(c.failed) >= maxCachedTerms {
						clear(c.failed)
					}
					c.failed[h] = termsFailure{until: time.Now().Add(termsRetryAfter), why: why[h]}
				}
				return
			}
			texts[h] = t
			if len(c.texts) >= maxCachedTerms {
				clear(c.texts)
			}
			c.texts[h] = t
			delete(c.failed, h)
		})
	}
	wg.Wait()
	return texts, why
}

func containsHash(hs [][32]byte, h [32]byte) bool {
	for _, x := range hs {
		if x == h {
			return true
		}
	}
	return false
}

// termsReason is why a terms text is unknown, in a brand's words.
func termsReason(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "service:") {
		// "service: the terms text is not readable: <why>" → "<why>"
		if j := strings.LastIndex(msg, "readable: "); j >= 0 {
			return msg[j+len("readable: "):]
		}
		return msg[i+2:]
	}
	return msg
}
