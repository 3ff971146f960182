package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
)

// A campaign's brand reads every dataset that joined it with one call
// (CampaignGet): the joins are listed from the chain (CampaignJoined
// events, filtered by the campaign's topic, read in bounded log ranges),
// each dataset's latest version is read as Get reads it — every check of
// a single get, the chain's refusal first — with many reads at once and
// their proxy requests carried to each proxy in batches (proxy.Batcher,
// PROTOCOL.md "Batches"). One dataset that fails does not stop the others:
// each ends in an outcome, with the reason in the brand's words.

// CampaignGetOptions adjust a campaign get.
type CampaignGetOptions struct {
	// Purpose is what the brand reads for (GetFor); empty: each grant's.
	Purpose string
	// Concurrency is how many datasets are read at once (envelopes fetched
	// from IPFS, proxies asked); default 64.
	Concurrency int
	// Done, when set, hears each dataset's outcome as it ends (in the
	// order they end), e.g. to stream them.
	Done func(CampaignOutcome)
}

// CampaignDataset is one join of a campaign: the dataset, its owner and
// the version read.
type CampaignDataset struct {
	Campaign uint64         `json:"campaign"`
	Dataset  uint64         `json:"dataset"`
	Owner    common.Address `json:"owner"`
	// CID is the dataset's latest version; empty when it has none.
	CID     string `json:"cid,omitempty"`
	Version uint32 `json:"version,omitempty"`
}

// DatasetWriter receives one dataset's plaintext: Commit when every byte
// arrived and checked out, Abort otherwise (nothing of it may remain).
type DatasetWriter interface {
	io.Writer
	Commit() error
	Abort()
}

// CampaignOutcome is how one dataset's read ended.
type CampaignOutcome struct {
	CampaignDataset
	Bytes int64 `json:"bytes"`
	// Err is nil when the dataset was read.
	Err error `json:"-"`
	// Reason is Err's kind in one word (ReasonOf); empty when read.
	Reason string `json:"reason,omitempty"`
}

// CampaignGetResult sums up a campaign get.
type CampaignGetResult struct {
	Campaign uint64            `json:"campaign"`
	Joined   int               `json:"joined"`
	Read     int               `json:"read"`
	Bytes    int64             `json:"bytes"`
	Outcomes []CampaignOutcome `json:"-"`
	Owners   []OwnerSummary    `json:"owners"`
}

// OwnerSummary is what was read of one owner's datasets, and what not and why.
type OwnerSummary struct {
	Owner   common.Address   `json:"owner"`
	Read    int              `json:"read"`
	Refused []DatasetRefusal `json:"refused,omitempty"`
}

// DatasetRefusal is a dataset not read: its reason in one word (revoked,
// erased, …) and the message for people.
type DatasetRefusal struct {
	Dataset uint64 `json:"dataset"`
	Reason  string `json:"reason"`
	Message string `json:"message"`
}

// ErrNoVersion: a dataset joined a campaign but has no version to read.
var ErrNoVersion = errors.New("service: the dataset has no version yet")

// CampaignJoins lists campaign id's joins from the chain, oldest first.
func (s *Service) CampaignJoins(ctx context.Context, id uint64) ([]acl.CampaignJoined, error) {
	if _, err := s.cfg.Chain.CampaignOf(ctx, id); err != nil {
		return nil, err
	}
	return s.cfg.Chain.CampaignJoined(ctx, s.since(), acl.CampaignJoinedFilter{ID: &id})
}

// CampaignGet reads the latest version of every dataset that joined
// campaign id, writing each to the writer open returns for it. It fails
// as a whole only when the joins cannot be listed (an unknown campaign,
// the chain not answering) or the purpose is malformed; each dataset's
// failure is its outcome.
func (s *Service) CampaignGet(ctx context.Context, id uint64, opts CampaignGetOptions, open func(CampaignDataset) (DatasetWriter, error)) (*CampaignGetResult, error) {
	if err := checkPurpose(opts.Purpose); err != nil {
		return nil, err
	}
	joins, err := s.CampaignJoins(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.ReadCampaign(ctx, id, joins, opts, open)
}

func checkPurpose(p string) error {
	if p == "" {
		return nil
	}
	if err := proxy.CheckPurpose(p); err != nil {
		return fmt.Errorf("%w: %v", ErrBadPurpose, err)
	}
	return nil
}

// ReadCampaign is CampaignGet once the joins are listed (CampaignJoins).
func (s *Service) ReadCampaign(ctx context.Context, id uint64, joins []acl.CampaignJoined, opts CampaignGetOptions, open func(CampaignDataset) (DatasetWriter, error)) (*CampaignGetResult, error) {
	if err := checkPurpose(opts.Purpose); err != nil {
		return nil, err
	}
	conc := opts.Concurrency
	if conc <= 0 {
		conc = 64
	}
	hc := s.cfg.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	batch := &proxy.Batcher{HTTP: hc}
	// The chain's events of every joined dataset, in a few queries of many
	// topics each rather than a few queries per dataset. Without them
	// (the chain refused such a query) each read asks on its own.
	datasets := make([]uint64, len(joins))
	for i, j := range joins {
		datasets[i] = j.Dataset
	}
	facts, err := s.campaignFacts(ctx, datasets)
	if err != nil {
		s.log.Warn("reading the campaign's datasets' events at once failed; each read asks on its own", "campaign", id, "err", err)
		facts = nil
	}
	res := &CampaignGetResult{Campaign: id, Joined: len(joins), Outcomes: make([]CampaignOutcome, len(joins))}
	var wg sync.WaitGroup
	var mu sync.Mutex
	sem := make(chan struct{}, conc)
	for i, j := range joins {
		wg.Add(1)
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Done()
			res.Outcomes[i] = CampaignOutcome{CampaignDataset: CampaignDataset{Campaign: id, Dataset: j.Dataset, Owner: j.Owner}, Err: ctx.Err(), Reason: ReasonOf(ctx.Err())}
			continue
		}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out := s.campaignRead(ctx, id, j, opts.Purpose, batch, facts, open)
			res.Outcomes[i] = out
			if opts.Done != nil {
				mu.Lock()
				opts.Done(out)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	owners := map[common.Address]*OwnerSummary{}
	var order []common.Address
	for _, o := range res.Outcomes {
		sum := owners[o.Owner]
		if sum == nil {
			sum = &OwnerSummary{Owner: o.Owner}
			owners[o.Owner] = sum
			order = append(order, o.Owner)
		}
		if o.Err == nil {
			sum.Read++
			res.Read++
			res.Bytes += o.Bytes
			continue
		}
		sum.Refused = append(sum.Refused, DatasetRefusal{Dataset: o.Dataset, Reason: o.Reason, Message: o.Err.Error()})
	}
	for _, a := range order {
		res.Owners = append(res.Owners, *owners[a])
	}
	return res, nil
}

// campaignRead reads one join's latest version into the writer open gives.
func (s *Service) campaignRead(ctx context.Context, id uint64, j acl.CampaignJoined, purpose string, batch *proxy.Batcher, facts *campaignFacts, open func(CampaignDataset) (DatasetWriter, error)) CampaignOutcome {
	out := CampaignOutcome{CampaignDataset: CampaignDataset{Campaign: id, Dataset: j.Dataset, Owner: j.Owner}}
	fail := func(err error) CampaignOutcome {
		out.Err, out.Reason = err, ReasonOf(err)
		return out
	}
	vs, ok := facts.versionsOf(j.Dataset)
	if !ok {
		cctx, cancel := context.WithTimeout(ctx, s.cfg.ChainTimeout)
		var err error
		vs, err = s.versionsOf(cctx, j.Dataset, nil)
		cancel()
		if err != nil {
			return fail(s.stageErr(ctx, "the chain", s.cfg.ChainTimeout, err))
		}
	}
	if len(vs) == 0 {
		return fail(fmt.Errorf("%w: dataset %d of %s joined the campaign with no version", ErrNoVersion, j.Dataset, j.Owner.Hex()))
	}
	last := vs[len(vs)-1]
	c, err := cid.Cast(last.CID)
	if err != nil {
		return fail(fmt.Errorf("service: dataset %d's latest version has no valid CID: %w", j.Dataset, err))
	}
	out.CID, out.Version = c.String(), last.Version
	w, err := open(out.CampaignDataset)
	if err != nil {
		return fail(err)
	}
	r, err := s.getFor(ctx, c, ReadOptions{Purpose: purpose, Batch: batch, facts: facts}, w)
	if err != nil {
		w.Abort()
		return fail(err)
	}
	if err := w.Commit(); err != nil {
		return fail(err)
	}
	out.Bytes = r.Bytes
	return out
}

// ReasonOf names why a dataset was not read, in one word a brand (or its
// program) sorts refusals by: revoked, erased, expired, not_granted,
// purpose_not_permitted, read_limit, no_version, proxy_unreachable,
// unavailable, failed.
func ReasonOf(err error) string {
	var pe *proxy.Error
	var re *proxy.RefusedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &re):
		// The proxies' most common refusal decides; none at all (every
		// failure a connection's): unreachable.
		count := map[proxy.Code]int{}
		var best proxy.Code
		for _, f := range re.Failures {
			if errors.As(f.Err, &pe) {
				count[pe.Code]++
				if count[pe.Code] > count[best] {
					best = pe.Code
				}
			}
		}
		if best == "" {
			return "proxy_unreachable"
		}
		return string(best)
	case errors.As(err, &pe):
		return string(pe.Code)
	case errors.Is(err, ErrNoGrant):
		return string(proxy.CodeNotGranted)
	case errors.Is(err, ErrNoVersion):
		return "no_version"
	case errors.Is(err, ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return "unavailable"
	}
	return "failed"
}

// SniffExt names a file extension for data that starts with head: json,
// csv, txt, or bin for anything that is not UTF-8 text. A dataset carries
// no file name or type, so the brand's files are named by what they hold.
func SniffExt(head []byte) string {
	h := bytes.TrimSpace(head)
	if len(h) == 0 {
		return "bin"
	}
	// head may end inside a multi-byte character: that is still text.
	valid := utf8.Valid(h)
	for k := 1; !valid && k < utf8.UTFMax && k < len(h); k++ {
		valid = utf8.Valid(h[:len(h)-k])
	}
	if !valid || bytes.IndexByte(h, 0) >= 0 {
		return "bin"
	}
	if h[0] == '{' || h[0] == '[' {
		return "json"
	}
	first, _, _ := strings.Cut(string(h), "\n")
	if strings.Contains(first, ",") {
		return "csv"
	}
	return "txt"
}

// DirWriter returns an open function for CampaignGet that writes each
// dataset to dir/<owner>-<dataset>.<ext> (ext by SniffExt of its first
// bytes): into a temporary file beside it, synced and renamed on Commit,
// removed on Abort, so dir never holds a partial dataset under its name.
func DirWriter(dir string) func(CampaignDataset) (DatasetWriter, error) {
	return func(d CampaignDataset) (DatasetWriter, error) {
		return NewFileWriter(dir, fmt.Sprintf("%s-%d", d.Owner.Hex(), d.Dataset))
	}
}

// FileWriter is a DatasetWriter of one file: base (no extension) in dir.
type FileWriter struct {
	dir, base string
	f         *os.File
	head      []byte
	// Path is the file's name once committed.
	Path string
}

// sniffBytes is how much of a dataset's start SniffExt looks at.
const sniffBytes = 512

// NewFileWriter opens the temporary file for base in dir.
func NewFileWriter(dir, base string) (*FileWriter, error) {
	f, err := os.CreateTemp(dir, "."+base+".*.part")
	if err != nil {
		return nil, err
	}
	return &FileWriter{dir: dir, base: base, f: f}, nil
}

func (w *FileWriter) Write(p []byte) (int, error) {
	if n := sniffBytes - len(w.head); n > 0 {
		w.head = append(w.head, p[:min(n, len(p))]...)
	}
	return w.f.Write(p)
}

// Commit syncs the file and renames it to <base>.<ext>.
func (w *FileWriter) Commit() error {
	err := w.f.Sync()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(w.f.Name())
		return err
	}
	w.Path = filepath.Join(w.dir, w.base+"."+SniffExt(w.head))
	if err := os.Rename(w.f.Name(), w.Path); err != nil {
		os.Remove(w.f.Name())
		return err
	}
	return nil
}

// Abort removes the temporary file.
func (w *FileWriter) Abort() {
	w.f.Close()
	os.Remove(w.f.Name())
}

// campaignFacts are the chain's events a campaign get needs of its
// datasets, read once for all of them: each dataset's versions, every
// registration of each latest version's CID (by any dataset: a squatter's
// too, which resolve must see), and this account's grants of each. A
// nil *campaignFacts holds nothing, and every read asks on its own.
type campaignFacts struct {
	versions map[uint64][]acl.CIDAdded
	regs     map[[32]byte][]acl.CIDAdded
	grants   map[uint64][]acl.Granted
}

// campaignFacts reads the facts of datasets, MaxTopicList at a time.
func (s *Service) campaignFacts(ctx context.Context, datasets []uint64) (*campaignFacts, error) {
	f := &campaignFacts{versions: map[uint64][]acl.CIDAdded{}, regs: map[[32]byte][]acl.CIDAdded{}, grants: map[uint64][]acl.Granted{}}
	r := s.since()
	var hashes [][32]byte
	for chunk := range slices.Chunk(datasets, acl.MaxTopicList) {
		for _, d := range chunk {
			f.versions[d], f.grants[d] = []acl.CIDAdded{}, []acl.Granted{}
		}
		vs, err := s.cfg.Chain.CIDAdded(ctx, r, acl.CIDAddedFilter{Datasets: chunk})
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			f.versions[v.Dataset] = append(f.versions[v.Dataset], v)
		}
		gs, err := s.cfg.Chain.Granted(ctx, r, acl.GrantedFilter{Grantee: &s.addr, Datasets: chunk})
		if err != nil {
			return nil, err
		}
		for _, g := range gs {
			f.grants[g.Dataset] = append(f.grants[g.Dataset], g)
		}
	}
	for _, d := range datasets {
		if vs := f.versions[d]; len(vs) > 0 {
			h := vs[len(vs)-1].CIDHash
			if _, ok := f.regs[h]; !ok {
				f.regs[h] = nil
				hashes = append(hashes, h)
			}
		}
	}
	for chunk := range slices.Chunk(hashes, acl.MaxTopicList) {
		for _, h := range chunk {
			f.regs[h] = []acl.CIDAdded{}
		}
		vs, err := s.cfg.Chain.CIDAdded(ctx, r, acl.CIDAddedFilter{CIDHashes: chunk})
		if err != nil {
			return nil, err
		}
		for _, v := range vs {
			f.regs[v.CIDHash] = append(f.regs[v.CIDHash], v)
		}
	}
	return f, nil
}

func (f *campaignFacts) versionsOf(dataset uint64) ([]acl.CIDAdded, bool) {
	if f == nil {
		return nil, false
	}
	vs, ok := f.versions[dataset]
	return vs, ok
}

func (f *campaignFacts) registrations(hash [32]byte) ([]acl.CIDAdded, bool) {
	if f == nil {
		return nil, false
	}
	vs, ok := f.regs[hash]
	return vs, ok
}

func (f *campaignFacts) grantsOf(dataset uint64) ([]acl.Granted, bool) {
	if f == nil {
		return nil, false
	}
	gs, ok := f.grants[dataset]
	return gs, ok
}

// fingerprint is c's fingerprint from its dataset's versions, as
// Service.fingerprint reads it (the first registration of c).
func (f *campaignFacts) fingerprint(dataset uint64, c cid.Cid) ([32]byte, bool) {
	vs, ok := f.versionsOf(dataset)
	if !ok {
		return [32]byte{}, false
	}
	h := acl.CIDHash(c.Bytes())
	for _, v := range vs {
		if v.CIDHash == h {
			return v.Fingerprint, true
		}
	}
	return [32]byte{}, false
}
