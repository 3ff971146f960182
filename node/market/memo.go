package market

import (
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// A page reads the offers it shows from the store, and nothing else: what
// every page would otherwise read again — the follower's cursor (each
// page syncs the index first), the viewer's private offers (merged into
// every page of public ones) and the terms texts the index has not read
// (each page looks up its offers' texts) — is kept in memory. Each store
// read costs a walk of the tables whose range may hold its key, and how
// many of those there are, and whether their index blocks are still in
// LevelDB's cache, depends on how large the store has grown and on its
// compactions: a page of an owner's ten offers made five such reads for the
// one walk it needed.
//
// The memory follows the store: every write of the index that changes
// what is kept goes through txn.commit, SetTexts or the tip check's
// restart, and each updates or forgets the memory after its write. A page
// that read the store while a write went on does not keep what it read
// (the generations below), so the memory never holds what the store no
// longer says.

// cursorMemo is the follower's cursor as last written or read.
type cursorMemo struct {
	mu    sync.Mutex
	known bool // next and ok hold the store's m/cursor
	next  uint64
	ok    bool // the store holds a cursor
}

func (m *cursorMemo) get() (next uint64, ok, known bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.next, m.ok, m.known
}

// loaded keeps what a read of the store gave, unless a write has set the
// memory meanwhile (its value is then the newer one).
func (m *cursorMemo) loaded(next uint64, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.known {
		m.next, m.ok, m.known = next, ok, true
	}
}

// forget makes the next Load read the store (a write failed: what it left
// is not known).
func (m *cursorMemo) forget() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.known = false
}

// set keeps what a write has just stored.
func (m *cursorMemo) set(next uint64, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.next, m.ok, m.known = next, ok, true
}

// privateMemo holds, for the few accounts that ask for pages (a daemon's
// own), every private offer made by or to it: the two listings `b/` and
// `v/` of that account, read once rather than on every page.
type privateMemo struct {
	mu sync.Mutex
	// gen counts the writes that changed a private listing: a page that
	// read the store under an older one does not keep what it read.
	gen      uint64
	byViewer map[common.Address][]Offer
}

// Bounds of the memory (at most some 5 MB): past privateMemoViewers
// accounts it starts over (a daemon asks as its own account alone); an
// account with more than privateMemoOffers private offers (a stranger can
// make any number to anyone) is read from the store on each page, as
// before.
const (
	privateMemoViewers = 8
	privateMemoOffers  = 4096
)

func (m *privateMemo) get(viewer common.Address) (offers []Offer, ok bool, gen uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	offers, ok = m.byViewer[viewer]
	return offers, ok, m.gen
}

// keep stores what a read of the store under generation gen gave.
func (m *privateMemo) keep(viewer common.Address, offers []Offer, gen uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if gen != m.gen || len(offers) > privateMemoOffers {
		return
	}
	if m.byViewer == nil || len(m.byViewer) >= privateMemoViewers {
		m.byViewer = map[common.Address][]Offer{}
	}
	m.byViewer[viewer] = offers
}

// forget drops the memory of the accounts whose private listings a write
// changed (all of them when all is set).
func (m *privateMemo) forget(accounts map[common.Address]bool, all bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gen++
	if all {
		m.byViewer = nil
		return
	}
	for a := range accounts {
		delete(m.byViewer, a)
	}
}

// privateAccounts are the accounts whose private listings (`b/` buyer,
// `v/` owner) the keys of a write touch.
func privateAccounts(keys map[string][]byte) map[common.Address]bool {
	var out map[common.Address]bool
	for k := range keys {
		if len(k) < 2+common.AddressLength || (k[:2] != string(pfxTo) && k[:2] != string(pfxPrivBy)) {
			continue
		}
		if out == nil {
			out = map[common.Address]bool{}
		}
		out[common.BytesToAddress([]byte(k[2:2+common.AddressLength]))] = true
	}
	return out
}

// forgetAll drops everything kept in memory, after a write that emptied
// the store (the tip check's restart).
func (ix *Index) forgetAll() {
	ix.cursor.set(0, false)
	ix.privates.forget(nil, true)
	ix.texts.forgetMissing()
}

// privateOffers are every private offer made by or to viewer, each once.
func (ix *Index) privateOffers(viewer common.Address) ([]Offer, error) {
	offers, ok, gen := ix.privates.get(viewer)
	if ok {
		return offers, nil
	}
	offers = []Offer{}
	seen := map[string]bool{}
	for _, pfx := range [][]byte{cat(pfxTo, viewer[:]), cat(pfxPrivBy, viewer[:])} {
		err := ix.st.Scan(pfx, nil, func(_, v []byte) (bool, error) {
			o, err := decodeOffer(v)
			if err != nil {
				return false, err
			}
			if !seen[string(o.id())] {
				seen[string(o.id())] = true
				offers = append(offers, o)
			}
			return true, nil
		})
		if err != nil {
			return nil, err
		}
	}
	ix.privates.keep(viewer, offers, gen)
	return offers, nil
}
