package daemon

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/reencrypt"
)

// maxJSONBody bounds a JSON request body; versions are streamed instead.
const maxJSONBody = 1 << 20

func decodeBody(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, maxJSONBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return badRequest("the request needs a JSON body (see /openapi.json)")
		}
		return badRequest("the JSON body does not parse: %v", err)
	}
	if dec.More() {
		return badRequest("the JSON body has data after its one object")
	}
	return nil
}

// parseAddress accepts a 0x-prefixed 20-byte hex address, not the zero one.
func parseAddress(field, s string) (common.Address, error) {
	if !strings.HasPrefix(s, "0x") || !common.IsHexAddress(s) {
		return common.Address{}, badRequest("%s %q is not an Ethereum address (0x and 40 hex digits)", field, s)
	}
	a := common.HexToAddress(s)
	if a == (common.Address{}) {
		return common.Address{}, badRequest("%s is the zero address", field)
	}
	return a, nil
}

// parseExpiry reads an RFC 3339 time, a date (the end of that day in UTC,
// config.ParseTime) or a duration from now ("30d", "12h"); the result must
// be in the future.
func parseExpiry(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, badRequest("expires is required: a duration such as \"30d\", a date such as \"2027-01-01\" or an RFC 3339 time")
	}
	if t, ok := config.ParseTime(s); ok {
		if !t.After(now) {
			return time.Time{}, badRequest("expires %s is not in the future", s)
		}
		return t.UTC(), nil
	}
	if strings.HasPrefix(strings.TrimSpace(s), "-") {
		return time.Time{}, badRequest("expires %q is negative: give a time in the future or a positive duration", s)
	}
	dur, err := config.ParseDuration(s)
	if err != nil {
		return time.Time{}, badRequest("expires %q is neither a duration (30d, 1d12h, 90m), a date (2027-01-01) nor an RFC 3339 time", s)
	}
	if dur <= 0 {
		return time.Time{}, badRequest("expires %q is not a positive duration", s)
	}
	return now.Add(time.Duration(dur)).UTC(), nil
}

// policyExpiry is a policy grant's expiry: the policy's (its duration
// from now, or its end), or expires when the policy sets none; expires
// may also shorten the policy's, never lengthen it.
func policyExpiry(pol *policy.Policy, expires string, now time.Time) (time.Time, error) {
	limit := pol.Expiry(now)
	if expires == "" {
		if limit.IsZero() {
			return time.Time{}, badRequest("expires is required: the policy sets no duration; give one such as \"30d\"")
		}
		if !limit.After(now) {
			return time.Time{}, badRequest("the policy ended at %s", limit.Format(time.RFC3339))
		}
		return limit.UTC().Truncate(time.Second), nil
	}
	t, err := parseExpiry(expires, now)
	if err != nil {
		return time.Time{}, err
	}
	if !limit.IsZero() && t.After(limit) {
		return time.Time{}, badRequest("expires %s is later than the policy permits (%s): leave it out to grant for the policy's duration, or give an earlier time", t.Format(time.RFC3339), limit.UTC().Format(time.RFC3339))
	}
	return t, nil
}

// offerPolicy checks an offer's policy against the offer's other fields:
// terms, when given, become its description; its duration is the offer's
// when the offer names none, and must agree when it does; an end date
// (dateTime) is refused, since a bought grant's length is the offer's
// duration from the purchase.
func offerPolicy(pol *policy.Policy, terms, duration string) (config.Duration, error) {
	if terms != "" {
		pol.Description = terms
		if err := pol.Validate(); err != nil {
			return 0, err
		}
	}
	if !pol.Until.IsZero() {
		return 0, badRequest("an offer's policy cannot end at a date (dateTime): a bought grant lasts the offer's duration from the purchase; use elapsedTime or the offer's duration")
	}
	if duration == "" {
		if pol.Duration <= 0 {
			return 0, badRequest("duration is required: the policy sets none; give one such as \"30d\"")
		}
		return config.Duration(pol.Duration), nil
	}
	dur, err := config.ParseDuration(duration)
	if err != nil || dur <= 0 {
		return 0, badRequest("duration %q is not a positive duration such as \"30d\"", duration)
	}
	if pol.Duration > 0 && time.Duration(dur) != pol.Duration {
		return 0, badRequest("duration %s contradicts the policy's %s: leave it out or make them equal", dur, config.Duration(pol.Duration))
	}
	return dur, nil
}

// dataset looks up a dataset by its local name and derives its key.
func (d *Daemon) dataset(name string) (Entry, *reencrypt.SecretKey, error) {
	if err := home.ValidDatasetName(name); err != nil {
		return Entry{}, nil, badRequest("%v", err)
	}
	e, ok := d.index.Get(name)
	if !ok || e.Pending {
		return Entry{}, nil, cli.Say(badRequest("unknown dataset %q: create it first with POST /v1/datasets (GET /v1/datasets lists them)", name),
			fmt.Sprintf("this home has no dataset named %q: put a file into it first, or check the name against the list of datasets (pdx ls)", name))
	}
	local, err := d.h.Dataset(name)
	if err != nil {
		return Entry{}, nil, fmt.Errorf("dataset %q is in the index but its salt is not readable: %w", name, err)
	}
	key, err := d.h.DatasetKey(local.Salt)
	if err != nil {
		return Entry{}, nil, err
	}
	return e, key, nil
}

func (d *Daemon) crash(point string) {
	if d.cfg.Crash != nil {
		d.cfg.Crash(point)
	}
}

func (d *Daemon) record(r Record) {
	if err := d.journal.Append(r); err != nil {
		d.log.Error("journal: append failed", "kind", r.Kind, "err", err)
	}
}

// CreateRequest is the body of POST /v1/datasets.
type CreateRequest struct {
	Name string `json:"name"`
}

// DatasetView is a dataset as the API shows it.
type DatasetView struct {
	Name     string    `json:"name"`
	ID       uint64    `json:"id"`
	Created  time.Time `json:"created"`
	Versions []Version `json:"versions"`
	Terms    string    `json:"terms,omitempty"`
	// Visibility is "private", "public" or "withdrawn".
	Visibility string `json:"visibility"`
}

func view(e Entry) DatasetView {
	vis := e.Visibility
	if vis == "" {
		vis = "private"
	}
	return DatasetView{Name: e.Name, ID: e.ID, Created: e.Created, Versions: e.Versions, Terms: e.Terms, Visibility: vis}
}

func (d *Daemon) createDataset(w http.ResponseWriter, r *http.Request) error {
	var req CreateRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if err := home.ValidDatasetName(req.Name); err != nil {
		return badRequest("%v", err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.index.Get(req.Name); ok {
		return fmt.Errorf("%w: %q is taken", home.ErrDatasetExists, req.Name)
	}
	local, err := d.h.CreateDataset(req.Name)
	if err != nil {
		return err
	}
	// Until the index holds the dataset, a failure takes the salt back so
	// the name stays free and nothing half-made remains.
	undo := func(cause error) error {
		if err := d.h.EraseDataset(req.Name); err != nil {
			return errors.Join(cause, fmt.Errorf("removing the new salt of %q: %w", req.Name, err))
		}
		return cause
	}
	key, err := d.h.DatasetKey(local.Salt)
	if err != nil {
		return undo(err)
	}
	id, err := d.s.CreateDataset(r.Context(), key)
	if err != nil {
		return undo(err)
	}
	d.crash("create:mined")
	now := time.Now().UTC()
	if err := d.index.Update(req.Name, true, func(e *Entry) { e.ID, e.Created = id, now }); err != nil {
		return undo(err)
	}
	d.record(Record{Kind: KindCreate, Dataset: req.Name, ID: id})
	e, _ := d.index.Get(req.Name)
	writeJSON(w, http.StatusCreated, view(e))
	return nil
}

// DatasetList is the body of GET /v1/datasets.
type DatasetList struct {
	Datasets []DatasetView `json:"datasets"`
}

func (d *Daemon) listDatasets(w http.ResponseWriter, _ *http.Request) error {
	out := DatasetList{Datasets: []DatasetView{}}
	for _, e := range d.index.List() {
		if e.Pending {
			continue // a put is creating it: not a dataset until its first version is stored
		}
		out.Datasets = append(out.Datasets, view(e))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// PutResponse is the body of POST /v1/datasets/{name}/versions.
type PutResponse struct {
	Dataset     string `json:"dataset"`
	ID          uint64 `json:"id"`
	CID         string `json:"cid"`
	Version     uint32 `json:"version"`
	Fingerprint string `json:"fingerprint"`
	Size        int64  `json:"size"`
	// Public: the dataset is public, so this version is the plaintext
	// itself (any IPFS node serves it) with its SHA-256 as fingerprint.
	Public bool `json:"public,omitempty"`
	// Created: this put created the dataset (?create=true and no dataset
	// of that name).
	Created bool `json:"created,omitempty"`
	// Fields: the version is split into these field groups (?fields=).
	Fields []VersionField `json:"fields,omitempty"`
}

// discardTimeout bounds the clean-up of a failed put (an erase on chain
// and a GC), which runs after the request itself may have been cancelled.
const discardTimeout = 2 * time.Minute

// put stores the request body as the dataset's next version. With
// ?create=true a dataset of that name that does not exist is created by the
// same request, and only kept if its first version is stored: the envelope
// binds the dataset's id on chain, so the dataset is created (pending)
// before sealing, and erased again — with every block the put added — when
// the put fails or is interrupted (a crash leaves it for Reconcile).
func (d *Daemon) put(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	create := r.URL.Query().Get("create") == "true"
	if err := home.ValidDatasetName(name); err != nil {
		return badRequest("%v", err)
	}
	// Bad input is refused before anything is created.
	split, err := splitOf(r)
	if err != nil {
		return err
	}
	body := bufio.NewReaderSize(r.Body, 64<<10)
	if _, err := body.Peek(1); err != nil {
		if errors.Is(err, io.EOF) {
			return badRequest("the body is empty: send the version's bytes as the request body")
		}
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	created := false
	if ex, ok := d.index.Get(name); (!ok || ex.Pending) && create {
		if err := d.createPending(r.Context(), name); err != nil {
			return err
		}
		created = true
	}
	var e Entry
	var key *reencrypt.SecretKey
	if created {
		e, _ = d.index.Get(name)
		local, err := d.h.Dataset(name)
		if err == nil {
			key, err = d.h.DatasetKey(local.Salt)
		}
		if err != nil {
			return d.discardPut(r.Context(), e, true, err)
		}
	} else if e, key, err = d.dataset(name); err != nil {
		return err
	}
	if err := d.index.Update(name, false, func(e *Entry) { e.Storing = true }); err != nil {
		return d.discardPut(r.Context(), e, created, err)
	}
	var res *service.PutResult
	var fields []VersionField
	if split.format != "" {
		res, fields, err = d.putFields(r.Context(), name, e.ID, split, body)
	} else {
		res, err = d.s.Put(r.Context(), e.ID, key, &crashReader{r: body, d: d}, "pdx/"+name)
	}
	if err != nil {
		return d.discardPut(r.Context(), e, created, err)
	}
	d.crash("put:registered")
	v := Version{Version: res.Version, CID: res.CID, Fingerprint: fmt.Sprintf("0x%x", res.Fingerprint[:]), Size: res.Size, Put: time.Now().UTC(), Public: res.Public, Fields: fields}
	if err := d.index.Update(name, false, func(e *Entry) {
		e.Versions = append(e.Versions, v)
		e.Pending, e.Storing = false, false
	}); err != nil {
		return fmt.Errorf("%s is registered as version %d but the index was not updated: %w", res.CID, res.Version, err)
	}
	if created {
		d.record(Record{Kind: KindCreate, Dataset: name, ID: e.ID})
	}
	d.record(Record{Kind: KindPut, Dataset: name, ID: e.ID, CID: res.CID, Version: res.Version})
	writeJSON(w, http.StatusCreated, PutResponse{Dataset: name, ID: e.ID, CID: res.CID, Version: res.Version, Fingerprint: v.Fingerprint, Size: res.Size, Public: res.Public, Created: created, Fields: fields})
	return nil
}

// crashReader passes the crash point "put:streaming" once the first
// chunk of a put's body has been read, so a crash test can kill the daemon
// in the middle of a stream.
type crashReader struct {
	r    io.Reader
	d    *Daemon
	n    int64
	done bool
}

func (c *crashReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if !c.done && c.n > 1<<20 {
		c.done = true
		c.d.crash("put:streaming")
	}
	return n, err
}

// createPending creates dataset name for a put: salt, a pending index
// entry (written before the chain is asked, so a crash after the
// transaction still finds the entry and Reconcile erases what no version
// came to), then the dataset on chain.
func (d *Daemon) createPending(ctx context.Context, name string) error {
	if ex, ok := d.index.Get(name); ok && ex.Pending {
		// Left by a put whose clean-up failed: finish it first.
		if err := d.discardPut(ctx, ex, true, nil); err != nil {
			return err
		}
	}
	local, err := d.h.CreateDataset(name)
	if err != nil {
		return err
	}
	undo := func(cause error) error {
		errs := []error{cause}
		if err := d.index.Remove(name); err != nil {
			errs = append(errs, err)
		}
		if err := d.h.EraseDataset(name); err != nil {
			errs = append(errs, fmt.Errorf("removing the new salt of %q: %w", name, err))
		}
		return errors.Join(errs...)
	}
	key, err := d.h.DatasetKey(local.Salt)
	if err != nil {
		return undo(err)
	}
	now := time.Now().UTC()
	if err := d.index.Update(name, true, func(e *Entry) { e.Created, e.Pending = now, true }); err != nil {
		return undo(err)
	}
	id, err := d.s.CreateDataset(ctx, key)
	if err != nil {
		return undo(err)
	}
	d.crash("create:mined")
	return d.index.Update(name, false, func(e *Entry) { e.ID = id })
}

// discardPut undoes what a failed put left: a dataset it created is erased
// (on chain, its salt, its entry) and the blocks the put added are
// collected. It runs past the request's cancellation (a Ctrl-C is the
// commonest failure), bounded by discardTimeout; what it cannot finish
// stays marked in the index for the next start's Reconcile. It returns
// cause, joined with any failure of its own.
func (d *Daemon) discardPut(ctx context.Context, e Entry, created bool, cause error) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), discardTimeout)
	defer cancel()
	reason := "its first version was not stored"
	if cause != nil {
		reason += ": " + cause.Error()
	}
	registered, err := d.unpinUnregistered(ctx, e)
	switch {
	case err != nil:
	case registered && created:
		// The version reached the chain after all (its answer was lost):
		// the dataset is kept, and the next start indexes it.
		err = fmt.Errorf("the first version of %q was registered on chain after all", e.Name)
	case created:
		err = d.abandonDataset(ctx, e, reason, false)
	default:
		_, err = d.collectPut(ctx, e.Name, false)
	}
	if err != nil {
		d.log.Error("a failed put could not be cleaned up; the next start finishes it", "dataset", e.Name, "err", err)
		if cause == nil {
			return err
		}
		return errors.Join(cause, fmt.Errorf("cleaning up after it: %w (the next start of the daemon finishes it)", err))
	}
	return cause
}

// unpinUnregistered unpins the envelopes pinned under e's name that the
// chain does not list as its versions (a put that stored and pinned, then
// failed to register), and reports whether the chain lists a version the
// entry does not have.
func (d *Daemon) unpinUnregistered(ctx context.Context, e Entry) (bool, error) {
	pins, err := d.s.Pins(ctx, "pdx/"+e.Name)
	if err != nil {
		return false, err
	}
	onChain := map[cid.Cid]bool{}
	if e.ID != 0 {
		vs, err := d.s.Versions(ctx, e.ID)
		if err != nil {
			return false, err
		}
		for _, v := range vs {
			onChain[v.CID] = true
		}
	}
	indexed := map[string]bool{}
	for _, v := range e.Versions {
		indexed[v.CID] = true
	}
	newer := false
	for c := range onChain {
		if !indexed[c.String()] {
			newer = true
		}
	}
	for _, c := range pins {
		if onChain[c] {
			continue
		}
		if err := d.s.Unpin(ctx, c); err != nil {
			return newer, err
		}
	}
	return newer, nil
}

// abandonDataset erases a pending dataset that no version came to: on
// chain when it got there, then the blocks, the salt and the entry.
func (d *Daemon) abandonDataset(ctx context.Context, e Entry, reason string, reconciled bool) error {
	if e.ID != 0 {
		info, err := d.s.DatasetInfo(ctx, e.ID)
		if err != nil {
			return err
		}
		if info.Erased {
			if err := d.s.FinishErase(ctx, e.ID, nil); err != nil {
				return err
			}
		} else if err := d.s.Erase(ctx, e.ID, nil); err != nil {
			return err
		}
	}
	if _, err := d.s.CollectGarbage(ctx); err != nil {
		return err
	}
	if err := d.h.EraseDataset(e.Name); err != nil && !errors.Is(err, home.ErrDatasetNotFound) {
		return err
	}
	if err := d.index.Remove(e.Name); err != nil {
		return err
	}
	if e.ID != 0 {
		// The chain holds both; the journal says why the id is unused.
		d.record(Record{Kind: KindCreate, Dataset: e.Name, ID: e.ID, Reconciled: reconciled})
		d.record(Record{Kind: KindErase, Dataset: e.Name, ID: e.ID, Reason: reason, Reconciled: reconciled})
	}
	return nil
}

// collectPut removes the blocks a failed or interrupted put to an existing
// dataset added (the store pins only a complete envelope, so they are the
// unpinned ones), clears the entry's mark, and journals what it removed.
// It reports whether there was anything to remove.
func (d *Daemon) collectPut(ctx context.Context, name string, reconciled bool) (bool, error) {
	n, err := d.s.CollectGarbage(ctx)
	if err != nil {
		return false, err
	}
	if err := d.index.Update(name, false, func(e *Entry) { e.Storing = false }); err != nil {
		return false, err
	}
	if n == 0 {
		return false, nil // the put had stored its envelope whole (a crash after)
	}
	reason := fmt.Sprintf("a put failed: the %d blocks it added were removed", n)
	if reconciled {
		reason = fmt.Sprintf("a put was interrupted by a crash: the %d blocks it added were removed", n)
	}
	d.record(Record{Kind: KindDiscard, Dataset: name, Reason: reason, Reconciled: reconciled})
	return true, nil
}

// GrantRequest is the body of POST /v1/datasets/{name}/grants.
type GrantRequest struct {
	Grantee   string   `json:"grantee"`
	Purpose   string   `json:"purpose"`
	Expires   string   `json:"expires"`
	Threshold int      `json:"threshold,omitempty"` // 0: the config's proxies.threshold
	Proxies   []string `json:"proxies,omitempty"`   // empty: the owner's configured proxies
	// Policy is the grant's usage policy: a preset's name or the document
	// (docs/policy.md). With it, purpose is left out (the policy names
	// the purposes) and expires may be too (the policy's duration).
	Policy json.RawMessage `json:"policy,omitempty"`
	// Fields, when given, makes a field grant: only these field groups of
	// the dataset's split versions (node/fieldsplit/FIELDS.md), named as
	// the newest version names them. A grant to the same grantee replaces
	// the earlier one: granting again with more or fewer fields adds or
	// removes them.
	Fields []string `json:"fields,omitempty"`
}

// GrantResponse is what a grant recorded.
type GrantResponse struct {
	Dataset   string   `json:"dataset"`
	ID        uint64   `json:"id"`
	Grantee   string   `json:"grantee"`
	Purpose   string   `json:"purpose"`
	Expires   string   `json:"expires"`
	Threshold int      `json:"threshold"`
	Proxies   []string `json:"proxies"`
	Bundle    string   `json:"bundle"`
	Block     uint64   `json:"block"`
	// Policy is the grant's usage policy; absent for a plain purpose.
	Policy *PolicyView `json:"policy,omitempty"`
	// Fields are the field groups a field grant covers.
	Fields []string `json:"fields,omitempty"`
}

func (d *Daemon) grant(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	var req GrantRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	e, key, err := d.dataset(name)
	if err != nil {
		return err
	}
	grantee, err := parseAddress("grantee", req.Grantee)
	if err != nil {
		return err
	}
	pol, err := parsePolicy(req.Policy)
	if err != nil {
		return err
	}
	now := time.Now()
	var expiry time.Time
	if pol != nil {
		if req.Purpose != "" {
			return badRequest("give a purpose or a policy, not both: the policy names the purposes it permits (DPV terms such as dpv:ResearchAndDevelopment)")
		}
		if expiry, err = policyExpiry(pol, req.Expires, now); err != nil {
			return err
		}
	} else {
		if strings.TrimSpace(req.Purpose) == "" {
			return badRequest("purpose is required: say what the grantee may use the data for")
		}
		if expiry, err = parseExpiry(req.Expires, now); err != nil {
			return err
		}
	}
	threshold := req.Threshold
	if threshold == 0 {
		threshold = d.conf.Proxies.Threshold
	}
	if threshold < 1 || threshold > config.MaxProxyShares {
		return badRequest("threshold %d is not between 1 and %d", threshold, config.MaxProxyShares)
	}
	// t of n: n is the proxies named, each once (a proxy named twice
	// would hold two kfrags, and count twice towards t), or, when none
	// is named, the proxies.shares a grant is split into.
	var proxies []common.Address
	for _, p := range req.Proxies {
		a, err := parseAddress("proxy", p)
		if err != nil {
			return err
		}
		if slices.Contains(proxies, a) {
			return badRequest("proxy %s is named twice: each kfrag goes to a different proxy", a.Hex())
		}
		proxies = append(proxies, a)
	}
	if len(proxies) > 0 && threshold > len(proxies) {
		return badRequest("threshold %d is more than the %d proxies named", threshold, len(proxies))
	}
	if len(proxies) == 0 && threshold > d.conf.Proxies.Shares {
		return badRequest("threshold %d is more than the %d proxies a grant is shared among (proxies.shares)", threshold, d.conf.Proxies.Shares)
	}
	if pol != nil && len(req.Fields) == 0 {
		req.Fields = pol.Fields // a policy of some fields grants those
	}
	fields, err := d.grantFields(name, e, req.Fields)
	if err != nil {
		return err
	}
	if pol != nil && len(fields) > 0 && len(pol.Fields) == 0 {
		// The grant's policy lists the fields it covers (docs/policy.md,
		// "Fields"): the same policy, of those fields.
		withFields := *pol
		for _, f := range fields {
			withFields.Fields = append(withFields.Fields, f.Name)
		}
		slices.Sort(withFields.Fields)
		pol = &withFields
	}
	// The off-chain attestations kept for the dataset, published on IPFS
	// and named by the policy, so the grantee finds them (attest_publish.go).
	if pol, err = d.withAttestations(r.Context(), e, pol); err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	res, err := d.s.Grant(r.Context(), service.GrantRequest{
		Dataset: e.ID, DatasetKey: key, Grantee: grantee, Expiry: expiry,
		Purpose: req.Purpose, Policy: pol, Threshold: threshold, Proxies: proxies, Fields: fields,
	})
	if err != nil {
		return err
	}
	// The journal keeps the purpose's text, or the policy's document, so
	// the owner's views read either back from its hash (termsBook).
	purpose := req.Purpose
	if pol != nil {
		purpose = string(pol.Bytes())
	}
	shown, pv, _ := readTerms(purpose)
	out := GrantResponse{Dataset: name, ID: e.ID, Grantee: grantee.Hex(), Purpose: shown, Policy: pv,
		Expires: expiry.Format(time.RFC3339), Threshold: res.Threshold, Bundle: res.Bundle, Block: res.Block, Proxies: []string{}, Fields: res.Fields}
	for _, p := range res.Proxies {
		out.Proxies = append(out.Proxies, p.Hex())
	}
	d.record(Record{Kind: KindGrant, Dataset: name, ID: e.ID, Block: res.Block, Grantee: out.Grantee, Purpose: purpose, Expires: out.Expires})
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// RevokeResponse is the body of DELETE /v1/datasets/{name}/grants/{grantee}.
type RevokeResponse struct {
	Dataset string `json:"dataset"`
	ID      uint64 `json:"id"`
	Grantee string `json:"grantee"`
	Block   uint64 `json:"block"`
}

func (d *Daemon) revoke(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	grantee, err := parseAddress("grantee", r.PathValue("grantee"))
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	block, err := d.s.Revoke(r.Context(), e.ID, grantee)
	if err != nil {
		return err
	}
	d.record(Record{Kind: KindRevoke, Dataset: name, ID: e.ID, Block: block, Grantee: grantee.Hex()})
	writeJSON(w, http.StatusOK, RevokeResponse{Dataset: name, ID: e.ID, Grantee: grantee.Hex(), Block: block})
	return nil
}

// OfferRequest is the body of POST /v1/datasets/{name}/offer.
type OfferRequest struct {
	PriceWei string `json:"price_wei"` // decimal
	Duration string `json:"duration"`  // "30d", "12h"
	Terms    string `json:"terms"`     // the purpose buyers get
	// Policy is the offer's usage policy: a preset's name or the document
	// (docs/policy.md). Terms, when also given, become its description;
	// duration may be left out when the policy has one.
	Policy json.RawMessage `json:"policy,omitempty"`
	// To makes the offer private: only this account (0x + 40 hex digits)
	// may buy it. Empty: anyone.
	To string `json:"to,omitempty"`
	// RequireAttestation: the offer is of attested data. The latest version
	// must carry a verified source attestation (else the offer is refused)
	// and the terms say who attested it (attest_offer.go).
	RequireAttestation bool `json:"require_attestation,omitempty"`
	// Fields makes the offer one of these field groups of a split dataset
	// (offers.go): its usage policy names them, and it opens beside the
	// dataset's other offers (one per terms). Empty: the whole dataset.
	Fields []string `json:"fields,omitempty"`
}

// OfferResponse echoes the opened offer.
type OfferResponse struct {
	Dataset  string `json:"dataset"`
	ID       uint64 `json:"id"`
	PriceWei string `json:"price_wei"`
	Duration string `json:"duration"`
	Terms    string `json:"terms"`
	// Policy is the offer's usage policy; absent for a plain terms text.
	Policy *PolicyView `json:"policy,omitempty"`
	// To is the only account a private offer is made to ("" when public).
	To string `json:"to,omitempty"`
	// TermsHash names this offer among the dataset's (buy and withdraw
	// take it); Fields are the field groups it sells, empty: all.
	TermsHash string   `json:"terms_hash"`
	Fields    []string `json:"fields,omitempty"`
	// Description is the dataset's description the offer publishes in its
	// policy (pdx describe); absent when the dataset has none.
	Description *describe.Description `json:"description,omitempty"`
}

func (d *Daemon) offer(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	var req OfferRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	var price config.Wei
	if err := price.UnmarshalText([]byte(req.PriceWei)); err != nil {
		return badRequest("price_wei: %v", err)
	}
	pol, err := parsePolicy(req.Policy)
	if err != nil {
		return err
	}
	if pol, err = d.offerFields(name, e, pol, req); err != nil {
		return err
	}
	if pol, err = d.offerDescribed(name, pol, req); err != nil {
		return err
	}
	terms := req.Terms
	var dur config.Duration
	if pol != nil {
		if dur, err = offerPolicy(pol, req.Terms, req.Duration); err != nil {
			return err
		}
		// An offer's policy travels as its terms: the document is what is
		// published, hashed into termsHash and kept in the index.
		terms = string(pol.Bytes())
	} else {
		dur, err = config.ParseDuration(req.Duration)
		if err != nil || dur <= 0 {
			return badRequest("duration %q is not a positive duration such as \"30d\"", req.Duration)
		}
	}
	if req.RequireAttestation {
		if pol != nil {
			return badRequest("require_attestation needs plain terms (--terms), not a policy: the attestation is named in the terms text")
		}
		if terms, err = d.attestedTerms(r.Context(), e, terms); err != nil {
			return err
		}
	}
	if err := service.CheckTerms(terms); err != nil {
		return badRequest("%v", strings.TrimPrefix(err.Error(), "service: terms cannot be published: "))
	}
	var to common.Address
	if req.To != "" {
		if !common.IsHexAddress(req.To) || !strings.HasPrefix(req.To, "0x") {
			return badRequest("to %q is not an account address (0x followed by 40 hex digits)", req.To)
		}
		to = common.HexToAddress(req.To)
		if to == (common.Address{}) {
			return badRequest("to is the zero address: leave it out for an offer anyone may buy")
		}
		if to == d.s.Address() {
			return badRequest("to is this account: an owner cannot buy its own dataset")
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.s.OfferTo(r.Context(), e.ID, price.Int(), time.Duration(dur), terms, to); err != nil {
		return err
	}
	if err := d.index.Update(name, false, func(e *Entry) { e.Terms = terms }); err != nil {
		return fmt.Errorf("the offer is open on chain but its terms were not saved in the index: %w", err)
	}
	d.record(Record{Kind: KindOffer, Dataset: name, ID: e.ID, Amount: price.String(), Purpose: terms})
	shown, pv, _ := readTerms(terms)
	th := service.TermsHash(terms)
	res := OfferResponse{Dataset: name, ID: e.ID, PriceWei: price.String(), Duration: dur.String(), Terms: shown, Policy: pv, TermsHash: hexutil.Encode(th[:])}
	if pol != nil {
		res.Fields, res.Description = pol.Fields, pol.Dataset
	}
	if to != (common.Address{}) {
		res.To = to.Hex()
	}
	writeJSON(w, http.StatusCreated, res)
	return nil
}

// EraseResponse is the body of POST /v1/datasets/{name}/erase.
type EraseResponse struct {
	Dataset  string   `json:"dataset"`
	ID       uint64   `json:"id"`
	Unpinned []string `json:"unpinned"`
}

func (d *Daemon) erase(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	var cids []cid.Cid
	out := EraseResponse{Dataset: name, ID: e.ID, Unpinned: []string{}}
	for _, v := range e.Versions {
		c, err := cid.Decode(v.CID)
		if err != nil {
			return fmt.Errorf("%w: version %d of %q has CID %q: %v", ErrDamaged, v.Version, name, v.CID, err)
		}
		cids = append(cids, c)
		out.Unpinned = append(out.Unpinned, v.CID)
		// A split version's field envelopes go with its manifest.
		fcids, err := v.fieldCIDs()
		if err != nil {
			return fmt.Errorf("%w: version %d of %q: %v", ErrDamaged, v.Version, name, err)
		}
		cids = append(cids, fcids...)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.s.Erase(r.Context(), e.ID, cids); err != nil {
		return err
	}
	// The chain has erased it: destroy the salt (crypto-shredding), then
	// forget the name.
	if err := d.h.EraseDataset(name); err != nil && !errors.Is(err, home.ErrDatasetNotFound) {
		return fmt.Errorf("the dataset is erased on chain but its salt was not destroyed: %w", err)
	}
	if err := d.index.Remove(name); err != nil {
		return err
	}
	d.record(Record{Kind: KindErase, Dataset: name, ID: e.ID})
	writeJSON(w, http.StatusOK, out)
	return nil
}

// lazyWriter sets the stream's headers at its first byte: service.Get
// writes nothing unless the file key opened, so until then an error can
// still be answered as JSON.
type lazyWriter struct {
	w       http.ResponseWriter
	c       string
	started bool
}

func (l *lazyWriter) Write(b []byte) (int, error) {
	if !l.started {
		l.started = true
		l.w.Header().Set("Content-Type", "application/octet-stream")
		l.w.Header().Set("X-Pdx-Cid", l.c)
		l.w.WriteHeader(http.StatusOK)
	}
	return l.w.Write(b)
}

func (d *Daemon) get(w http.ResponseWriter, r *http.Request) error {
	c, err := cid.Decode(r.PathValue("cid"))
	if err != nil {
		return badRequest("%q is not a CID: %v", r.PathValue("cid"), err)
	}
	// verify also hashes the plaintext against the fingerprint on chain
	// (service.ReadOptions); a public version's is always checked.
	opts := service.ReadOptions{Purpose: r.URL.Query().Get("purpose")}
	if v := r.URL.Query().Get("verify"); v != "" {
		if opts.Verify, err = strconv.ParseBool(v); err != nil {
			return badRequest("verify=%q: say true or false", v)
		}
	}
	lw := &lazyWriter{w: w, c: c.String()}
	// One of this home's public versions is the plaintext itself.
	if d.isPublicVersion(c) {
		if err := d.s.ReadPublic(r.Context(), c, lw); err != nil {
			return err
		}
		if !lw.started {
			lw.Write(nil)
		}
		return nil
	}
	// The service decides, from the chain, whether this is one of the
	// owner's own versions (opened with the home's dataset keys) or a
	// grantee's (through the proxies).
	// purpose is what a grantee reads for (the proxies enforce the
	// grant's policy on it); empty: the grant's own (service.GetFor).
	if _, err := d.s.ReadWith(r.Context(), c, opts, homeKeys{d}, lw); err != nil {
		return err
	}
	if !lw.started { // an empty version
		lw.Write(nil)
	}
	return nil
}

// homeKeys is the home's keyring: the keys of the local dataset that has
// the chain id, derived from its salts (current first, then rotated ones).
type homeKeys struct{ d *Daemon }

func (k homeKeys) DatasetKeys(_ context.Context, dataset uint64) ([]*reencrypt.SecretKey, error) {
	for _, e := range k.d.index.List() {
		if e.ID == dataset && e.ID != 0 {
			keys, err := k.d.ownKeysOf(e.Name)
			if errors.Is(err, home.ErrDatasetNotFound) {
				return nil, nil
			}
			return keys, err
		}
	}
	return nil, nil
}

// BuyRequest is the body of POST /v1/market/{dataset}/buy.
type BuyRequest struct {
	Terms string `json:"terms"`
	// TermsHash (0x and 64 hex digits), Fields or AllFields name which of
	// the dataset's offers is bought (it has one per terms): the offer
	// under that hash, the offer of exactly these fields, or the offer of
	// the whole dataset. None named: the dataset's only offer.
	TermsHash string   `json:"terms_hash,omitempty"`
	Fields    []string `json:"fields,omitempty"`
	AllFields bool     `json:"all_fields,omitempty"`
	// Policy, when given, is the usage policy the buyer accepts (a
	// preset's name or the document), checked against the offer's.
	Policy json.RawMessage `json:"policy,omitempty"`
}

// BuyResponse says what was paid into escrow.
type BuyResponse struct {
	ID       uint64 `json:"id"`
	PriceWei string `json:"price_wei"`
	Terms    string `json:"terms"`
	// Policy is the offer's usage policy the purchase is bound to, pinned
	// on this node; absent for an offer of plain terms (legacy).
	Policy *PolicyView `json:"policy,omitempty"`
	// TermsHash names the offer bought; Fields are the field groups it
	// sells (empty: the whole dataset).
	TermsHash string   `json:"terms_hash"`
	Fields    []string `json:"fields,omitempty"`
}

func (d *Daemon) buy(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseUint(r.PathValue("dataset"), 10, 64)
	if err != nil {
		return badRequest("dataset id %q is not a whole number", r.PathValue("dataset"))
	}
	var req BuyRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	// Empty terms: the offer's published text, read from IPFS, is what
	// is bought under (and answered, for the buyer to see).
	if req.Terms != "" && strings.TrimSpace(req.Terms) == "" {
		return badRequest("terms are blank: leave them out to buy under the offer's published terms, or give its text")
	}
	pol, err := parsePolicy(req.Policy)
	if err != nil {
		return err
	}
	given := req.Terms
	if pol != nil {
		if req.Terms != "" {
			return badRequest("give the terms or the policy you accept, not both")
		}
		given = string(pol.Bytes())
	}
	pick, err := offerPick(given, req.TermsHash, req.Fields, req.AllFields)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	o, terms, err := d.s.BuyPick(r.Context(), id, pick)
	if err != nil {
		return err
	}
	d.record(Record{Kind: KindBuy, ID: id, Amount: o.Price.String(), Purpose: terms})
	shown, pv, _ := readTerms(terms)
	res := BuyResponse{ID: id, PriceWei: o.Price.String(), Terms: shown, Policy: pv, TermsHash: hexutil.Encode(o.TermsHash[:])}
	if p, _ := service.TermsPolicy(terms); p != nil {
		res.Fields = p.Fields
	}
	writeJSON(w, http.StatusCreated, res)
	return nil
}

// WithdrawResponse is the amount moved to the wallet.
type WithdrawResponse struct {
	AmountWei string `json:"amount_wei"`
}

func (d *Daemon) withdraw(w http.ResponseWriter, r *http.Request) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	amount, err := d.s.Withdraw(r.Context())
	if err != nil {
		return err
	}
	if amount.Sign() > 0 {
		d.record(Record{Kind: KindWithdraw, Amount: amount.String()})
	}
	writeJSON(w, http.StatusOK, WithdrawResponse{AmountWei: amount.String()})
	return nil
}

// LogResponse is the body of GET /v1/log.
type LogResponse struct {
	Entries []Record `json:"entries"`
}

func (d *Daemon) journalLog(w http.ResponseWriter, _ *http.Request) error {
	recs, err := d.journal.Read()
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, LogResponse{Entries: recs})
	return nil
}

// MarketItem gives the market agent (service.MarketAgent.Item) what it
// needs to grant a purchase of one of this daemon's datasets: the key, the
// open offer's terms and the dataset's policy from the config.
func (d *Daemon) MarketItem(id uint64) (*service.MarketItem, bool) {
	e, ok := d.index.ByID(id)
	if !ok {
		return nil, false
	}
	_, key, err := d.dataset(e.Name)
	if err != nil {
		d.log.Error("market: dataset of a purchase is unreadable", "dataset", e.Name, "err", err)
		return nil, false
	}
	return &service.MarketItem{Key: key, Terms: e.Terms, Policy: d.conf.Market.PolicyFor(e.Name), Fields: latestFields(e)}, true
}

// RecordDecision journals the market agent's decision on a purchase
// (service.MarketAgent.Record).
func (d *Daemon) RecordDecision(dec service.Decision) {
	granted := dec.Granted
	rec := Record{Kind: KindPurchase, ID: dec.Dataset, Block: dec.Block, Grantee: dec.Buyer.Hex(), Granted: &granted, Reason: dec.Reason}
	if e, ok := d.index.ByID(dec.Dataset); ok {
		rec.Dataset, rec.Purpose = e.Name, e.Terms
	}
	if dec.Terms != "" {
		rec.Purpose = dec.Terms
	}
	if dec.Amount != nil {
		rec.Amount = new(big.Int).Set(dec.Amount).String()
	}
	d.record(rec)
}

// RotateResponse is the body of POST /v1/datasets/{name}/rotate.
type RotateResponse struct {
	Dataset   string   `json:"dataset"`
	ID        uint64   `json:"id"`
	Epoch     uint16   `json:"epoch"`
	Regranted []string `json:"regranted"`
}

// rotate gives the dataset a fresh salt in the home, moves the chain to
// its key and re-grants every live grant for it. The salt is written
// first: if the chain step then fails, the home holds a key the chain does
// not, and the next rotate finishes with that salt instead of making
// another, so nothing is left half-rotated for good.
func (d *Daemon) rotate(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	e, current, err := d.dataset(name)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	onChain, err := d.s.DelegatingKey(r.Context(), e.ID)
	if err != nil {
		return err
	}
	newKey := current
	if bytes.Equal(onChain, current.PublicKey().Bytes()) {
		local, err := d.h.RotateDataset(name)
		if err != nil {
			return fmt.Errorf("making the new salt of %q: %w", name, err)
		}
		if newKey, err = d.h.DatasetKey(local.Salt); err != nil {
			return err
		}
	} else {
		d.log.Warn("rotate: finishing an earlier rotation whose chain step did not happen", "dataset", name)
	}
	keys, err := d.ownKeysOf(name)
	if err != nil {
		return err
	}
	res, err := d.s.Rotate(r.Context(), e.ID, newKey, append(keys, newKey))
	if err != nil {
		if res == nil {
			return fmt.Errorf("the new key of %q is in the home but not on chain (versions put now are readable by the owner only): run rotate again to finish: %w", name, err)
		}
		d.record(Record{Kind: KindRotate, Dataset: name, ID: e.ID, Block: res.Block, Reason: "re-granting failed: " + err.Error()})
		return fmt.Errorf("%q is rotated on chain but not every live grant was re-granted: run rotate again to re-grant them: %w", name, err)
	}
	out := RotateResponse{Dataset: name, ID: e.ID, Epoch: res.Epoch, Regranted: []string{}}
	for _, g := range res.Regrants {
		out.Regranted = append(out.Regranted, g.Grantee.Hex())
	}
	d.record(Record{Kind: KindRotate, Dataset: name, ID: e.ID, Block: res.Block})
	writeJSON(w, http.StatusOK, out)
	return nil
}

// RefundResponse is the body of POST /v1/market/{dataset}/refund.
type RefundResponse struct {
	ID        uint64 `json:"id"`
	AmountWei string `json:"amount_wei"`
}

func (d *Daemon) refund(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseUint(r.PathValue("dataset"), 10, 64)
	if err != nil {
		return badRequest("dataset id %q is not a whole number", r.PathValue("dataset"))
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	amount, err := d.s.Refund(r.Context(), id)
	if err != nil {
		return err
	}
	d.record(Record{Kind: KindRefund, ID: id, Amount: amount.String()})
	writeJSON(w, http.StatusOK, RefundResponse{ID: id, AmountWei: amount.String()})
	return nil
}

// ownKeysOf returns a local dataset's keys, current first.
func (d *Daemon) ownKeysOf(name string) ([]*reencrypt.SecretKey, error) {
	local, err := d.h.Dataset(name)
	if err != nil {
		return nil, err
	}
	var keys []*reencrypt.SecretKey
	for _, salt := range local.Salts() {
		k, err := d.h.DatasetKey(salt)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}
