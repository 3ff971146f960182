package proxy

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/fsutil"
)

// grantState is what a proxy knows of one (dataset, grantee) grant: the
// kfrag it holds, or when the grant ended.
type grantState struct {
	Dataset   uint64         `json:"dataset"`
	Grantee   common.Address `json:"grantee"`
	Bundle    common.Hash    `json:"bundle,omitempty"` // sha2-256 of the bundle block
	KFrag     string         `json:"kfrag,omitempty"`  // hex; verified before it was stored
	GrantedAt uint64         `json:"granted_at,omitempty"`
	Threshold uint8          `json:"threshold,omitempty"`
	Purpose   common.Hash    `json:"purpose,omitempty"`
	// Terms is what the grant's bundle said of its usage policy (usage.go:
	// "none", "policy", "mismatch"), recorded with the kfrag; empty until
	// the kfrag is stored (and in grant files of earlier versions, whose
	// bundle is then fetched again to learn it).
	Terms string `json:"terms,omitempty"`
	// Fields are a field grant's kfrags (BUNDLE.md 1.2), one per granted
	// field, each verified against its field's key before it was stored;
	// KFrag is then empty.
	Fields []fieldKFrag `json:"fields,omitempty"`
	// Ended is "revoked" or "erased"; the kfrag is deleted when a grant ends.
	Ended   string `json:"ended,omitempty"`
	EndedAt uint64 `json:"ended_at,omitempty"`
}

// store keeps a proxy's state on disk, crash-safely: a grant file per
// (dataset, grantee), written atomically, and an append-only receipt log per
// dataset, fsynced before the cfrag is returned.
type store struct {
	dir string
	mu  sync.Mutex
	// nonces maps every answered request's nonce (re-encryption and
	// receipts requests alike) to its deadline, for replay checks.
	nonces map[common.Hash]uint64
	// pruneAt is the nonce count that triggers the next sweep of expired
	// nonces; it doubles with what survives a sweep, so sweeps stay O(1)
	// amortised per request even when every nonce is still live.
	pruneAt int
	// reads counts, per grantee, dataset and policy, the reads answered
	// (one per receipt) and those reserved by requests in flight; rebuilt
	// from the receipts at start, so a restart forgets no read.
	reads map[readKey]int
	// datasets are those with a grant file (kept, ended or dropped since
	// this start): the datasets whose revocations and erasures the
	// proxy's follower reads.
	datasets map[uint64]struct{}

	// Group commit of receipts: concurrent requests queue their records,
	// and whoever holds flushMu writes and fsyncs everything queued, so one
	// fsync acknowledges many requests.
	qmu     sync.Mutex
	queue   []*pendingReceipt
	flushMu sync.Mutex
	syncs   atomic.Int64 // receipt log appends+fsyncs done, for the metric
}

type pendingReceipt struct {
	dataset uint64
	line    []byte
	done    chan error
}

func openStore(dir string) (*store, error) {
	for _, sub := range []string{"grants", "receipts"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, policiesDir), 0o700); err != nil {
		return nil, err
	}
	s := &store{dir: dir, nonces: make(map[common.Hash]uint64), reads: make(map[readKey]int), datasets: map[uint64]struct{}{}}
	grants, err := os.ReadDir(filepath.Join(dir, "grants"))
	if err != nil {
		return nil, err
	}
	for _, e := range grants {
		ds, _, ok := strings.Cut(e.Name(), "-")
		if n, err := strconv.ParseUint(ds, 10, 64); ok && err == nil {
			s.datasets[n] = struct{}{}
		}
	}
	// Rebuild the replay set from the receipts: a request answered before
	// a restart must stay refused until its deadline.
	now := uint64(time.Now().Unix())
	entries, err := os.ReadDir(filepath.Join(dir, "receipts"))
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		ds, err := strconv.ParseUint(trimExt(e.Name()), 10, 64)
		if err != nil {
			continue
		}
		rs, err := s.receipts(ds)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			s.reads[readKey{r.Request.Dataset, r.Grantee, r.Policy}]++
			if r.Request.Deadline >= now {
				s.nonces[r.Request.Nonce] = r.Request.Deadline
			}
		}
	}
	if err := s.loadReads(now); err != nil {
		return nil, err
	}
	return s, nil
}

// readsFile logs the nonces of answered receipts requests (one JSON line
// each), so a signed receipts URL stays refused across a restart until its
// deadline. Receipts requests leave no receipt, hence a log of their own.
const readsFile = "receipt-reads.jsonl"

type readNonce struct {
	Nonce    common.Hash `json:"nonce"`
	Deadline uint64      `json:"deadline"`
}

// loadReads adds the live nonces of readsFile to the replay set and
// rewrites the file with those alone, so it holds at most one deadline's
// worth of reads.
func (s *store) loadReads(now uint64) error {
	path := filepath.Join(s.dir, readsFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var live []byte
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		var r readNonce
		if json.Unmarshal(sc.Bytes(), &r) != nil || r.Deadline < now {
			continue // a torn last line was never acknowledged
		}
		s.nonces[r.Nonce] = r.Deadline
		live = append(append(live, sc.Bytes()...), '\n')
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return fsutil.WriteFileAtomic(path, live, 0o600)
}

// useReadNonce marks a receipts request's nonce used, durably, before the
// receipts are answered; it fails with errReplayed if it was used already.
func (s *store) useReadNonce(nonce common.Hash, deadline, now uint64) error {
	line, err := json.Marshal(readNonce{Nonce: nonce, Deadline: deadline})
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.nonces[nonce]; ok && d >= now {
		return errReplayed
	}
	if err := fsutil.AppendDurable(filepath.Join(s.dir, readsFile), append(line, '\n'), 0o600); err != nil {
		return err
	}
	s.nonces[nonce] = deadline
	if len(s.nonces) > max(s.pruneAt, pruneAbove) {
		s.pruneLocked(now)
		s.pruneAt = 2 * len(s.nonces)
	}
	return nil
}

func trimExt(name string) string {
	return name[:len(name)-len(filepath.Ext(name))]
}

func (s *store) grantPath(dataset uint64, grantee common.Address) string {
	return filepath.Join(s.dir, "grants", fmt.Sprintf("%d-%s.json", dataset, hex.EncodeToString(grantee[:])))
}

func (s *store) grant(dataset uint64, grantee common.Address) (*grantState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readGrant(dataset, grantee)
}

func (s *store) readGrant(dataset uint64, grantee common.Address) (*grantState, error) {
	b, err := os.ReadFile(s.grantPath(dataset, grantee))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	g := new(grantState)
	if err := json.Unmarshal(b, g); err != nil {
		return nil, fmt.Errorf("proxy store: %s is corrupt: %w", s.grantPath(dataset, grantee), err)
	}
	return g, nil
}

func (s *store) putGrant(g *grantState) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.datasets[g.Dataset] = struct{}{}
	b, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		return err
	}
	return fsutil.WriteFileAtomic(s.grantPath(g.Dataset, g.Grantee), b, 0o600)
}

// setKFrag stores a verified kfrag for the grant g names, but only if that
// grant is still the current, live one: a revocation or a newer grant that
// landed while the kfrag was being fetched wins. It reports whether it
// stored.
func (s *store) setKFrag(g *grantState, kfragHex string, fields []fieldKFrag, terms string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.readGrant(g.Dataset, g.Grantee)
	if err != nil || cur == nil {
		return false, err
	}
	if cur.Ended != "" || cur.Bundle != g.Bundle || cur.GrantedAt != g.GrantedAt {
		return false, nil
	}
	if cur.KFrag == kfragHex && cur.Terms == terms && slices.Equal(cur.Fields, fields) {
		return true, nil
	}
	cur.KFrag, cur.Fields, cur.Terms = kfragHex, fields, terms
	b, err := json.MarshalIndent(cur, "", "  ")
	if err != nil {
		return false, err
	}
	return true, fsutil.WriteFileAtomic(s.grantPath(cur.Dataset, cur.Grantee), b, 0o600)
}

// dropGrant removes the grant file of g if it still records that grant
// (same bundle and block), and reports whether it did.
func (s *store) dropGrant(g *grantState) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.readGrant(g.Dataset, g.Grantee)
	if err != nil || cur == nil || cur.Bundle != g.Bundle || cur.GrantedAt != g.GrantedAt {
		return false, err
	}
	return true, fsutil.RemoveDurable(s.grantPath(g.Dataset, g.Grantee))
}

// end records that a grant was revoked or its dataset erased at block, and
// drops the kfrag. Only a grant at a later block (> the end) revives the
// pair (OnGranted). A pair without a grant record (a grant naming other
// proxies) gets none: the proxy keeps state only for grants that name it.
// It reports whether a live grant ended.
func (s *store) end(dataset uint64, grantee common.Address, how string, block uint64) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, err := s.readGrant(dataset, grantee)
	if err != nil || g == nil {
		return false, err
	}
	if g.GrantedAt > block { // a newer grant already superseded this end
		return false, nil
	}
	live := g.Ended == ""
	g.KFrag, g.Fields, g.Bundle, g.Ended, g.EndedAt = "", nil, common.Hash{}, how, block
	b, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		return false, err
	}
	return live, fsutil.WriteFileAtomic(s.grantPath(dataset, grantee), b, 0o600)
}

// datasetIDs lists the datasets the proxy has held a grant of, in order.
func (s *store) datasetIDs() []uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(s.datasets))
}

// grantsOf lists every grant state of a dataset (for Erased).
func (s *store) grantsOf(dataset uint64) ([]common.Address, error) {
	matches, err := filepath.Glob(filepath.Join(s.dir, "grants", fmt.Sprintf("%d-*.json", dataset)))
	if err != nil {
		return nil, err
	}
	var out []common.Address
	for _, m := range matches {
		name := trimExt(filepath.Base(m))
		b, err := hex.DecodeString(name[len(strconv.FormatUint(dataset, 10))+1:])
		if err != nil || len(b) != common.AddressLength {
			continue
		}
		out = append(out, common.BytesToAddress(b))
	}
	return out, nil
}

// reserveRead counts one more read under key unless limit (> 0) reads
// are counted already; it reports whether it counted. Counting before the
// re-encryption makes concurrent requests unable to pass the limit
// together; releaseRead takes back a read that was not answered.
func (s *store) reserveRead(key readKey, limit int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if limit > 0 && s.reads[key] >= limit {
		return false
	}
	s.reads[key]++
	return true
}

func (s *store) releaseRead(key readKey) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.reads[key] > 0 {
		s.reads[key]--
	}
}

// readsOf is the count of reads under key, answered or in flight.
func (s *store) readsOf(key readKey) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reads[key]
}

// seen reports whether nonce was answered and its deadline has not passed.
func (s *store) seen(nonce common.Hash, now uint64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.nonces[nonce]
	return ok && d >= now
}

func (s *store) receiptPath(dataset uint64) string {
	return filepath.Join(s.dir, "receipts", strconv.FormatUint(dataset, 10)+".jsonl")
}

// addReceipt makes the receipt durable and marks its nonce used; it fails
// if the nonce was used meanwhile (two concurrent requests with one nonce).
// It returns only after the receipt is on disk (fsynced), possibly in one
// write with other requests' receipts. A caller that becomes the flusher
// first waits for wait, so that receipts of requests still in flight join
// the same fsync (a group commit with a commit delay).
func (s *store) addReceipt(r *proxyapi.Receipt, wait time.Duration) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	now := uint64(r.Time.Unix())
	s.mu.Lock()
	if d, ok := s.nonces[r.Request.Nonce]; ok && d >= now {
		s.mu.Unlock()
		return errReplayed
	}
	s.nonces[r.Request.Nonce] = r.Request.Deadline // reserved; released if the write fails
	if len(s.nonces) > max(s.pruneAt, pruneAbove) {
		s.pruneLocked(now)
		s.pruneAt = 2 * len(s.nonces)
	}
	s.mu.Unlock()

	p := &pendingReceipt{dataset: r.Request.Dataset, line: append(b, '\n'), done: make(chan error, 1)}
	s.qmu.Lock()
	s.queue = append(s.queue, p)
	s.qmu.Unlock()
	s.flushMu.Lock()
	select {
	case err = <-p.done: // an earlier flusher took ours along
	default:
		if wait > 0 {
			time.Sleep(wait)
		}
		s.flush()
		err = <-p.done
	}
	s.flushMu.Unlock()
	if err != nil {
		s.mu.Lock()
		delete(s.nonces, r.Request.Nonce)
		s.mu.Unlock()
	}
	return err
}

// addReceipts is addReceipt for a batch: every receipt's nonce reserved,
// then all of them written in one flush, which the caller waits for; it
// returns one error per receipt (errReplayed for a nonce used meanwhile).
func (s *store) addReceipts(rs []*proxyapi.Receipt) []error {
	errs := make([]error, len(rs))
	pending := make([]*pendingReceipt, len(rs))
	for i, r := range rs {
		b, err := json.Marshal(r)
		if err != nil {
			errs[i] = err
			continue
		}
		now := uint64(r.Time.Unix())
		s.mu.Lock()
		if d, ok := s.nonces[r.Request.Nonce]; ok && d >= now {
			s.mu.Unlock()
			errs[i] = errReplayed
			continue
		}
		s.nonces[r.Request.Nonce] = r.Request.Deadline
		if len(s.nonces) > max(s.pruneAt, pruneAbove) {
			s.pruneLocked(now)
			s.pruneAt = 2 * len(s.nonces)
		}
		s.mu.Unlock()
		pending[i] = &pendingReceipt{dataset: r.Request.Dataset, line: append(b, '\n'), done: make(chan error, 1)}
	}
	s.qmu.Lock()
	for _, p := range pending {
		if p != nil {
			s.queue = append(s.queue, p)
		}
	}
	s.qmu.Unlock()
	// Every receipt of ours is queued before flushMu is taken, so after
	// this flush each was written, by it or by the flush before.
	s.flushMu.Lock()
	s.flush()
	s.flushMu.Unlock()
	for i, p := range pending {
		if p == nil {
			continue
		}
		if errs[i] = <-p.done; errs[i] != nil {
			s.mu.Lock()
			delete(s.nonces, rs[i].Request.Nonce)
			s.mu.Unlock()
		}
	}
	return errs
}

// flush writes every queued receipt, one append and fsync per dataset log,
// and tells each waiter how it went. The caller holds flushMu.
func (s *store) flush() {
	s.qmu.Lock()
	batch := s.queue
	s.queue = nil
	s.qmu.Unlock()
	byDataset := map[uint64][]byte{}
	for _, p := range batch {
		byDataset[p.dataset] = append(byDataset[p.dataset], p.line...)
	}
	// Each dataset's log is appended and fsynced at once with the others
	// (at most flushParallel at a time): a batch touching hundreds of
	// logs costs about one fsync's wait, not hundreds in a row, which the
	// file system's journal commits together.
	errs := make(map[uint64]error, len(byDataset))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, flushParallel)
	for ds, lines := range byDataset {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			err := fsutil.AppendDurable(s.receiptPath(ds), lines, 0o600)
			s.syncs.Add(1)
			mu.Lock()
			errs[ds] = err
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, p := range batch {
		p.done <- errs[p.dataset]
	}
}

// flushParallel bounds the receipt logs one flush writes at once.
const flushParallel = 32

// pruneAbove is the fewest remembered nonces that trigger a sweep.
const pruneAbove = 4096

var errReplayed = errors.New("nonce already used")

// receipts reads a dataset's receipt log. A torn last line (a crash during
// an append that was never acknowledged) is skipped.
func (s *store) receipts(dataset uint64) ([]proxyapi.Receipt, error) {
	b, err := os.ReadFile(s.receiptPath(dataset))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []proxyapi.Receipt
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var r proxyapi.Receipt
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			continue
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// pruneLocked forgets nonces whose deadline passed; they can no longer be replayed
// because their requests are refused as expired.
func (s *store) pruneLocked(now uint64) {
	for n, d := range s.nonces {
		if d < now {
			delete(s.nonces, n)
		}
	}
}
