package daemon

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// Reconciled is what Reconcile found unfinished and what it did about it.
// Every list holds one line per item, in words an owner can read.
type Reconciled struct {
	// Datasets created on chain whose index entry was never written.
	Created []string `json:"created,omitempty"`
	// Salts removed because their dataset never reached the chain and
	// nothing was ever stored under them.
	Dropped []string `json:"dropped,omitempty"`
	// Versions registered on chain that the index missed.
	Versions []string `json:"versions,omitempty"`
	// Envelopes stored and pinned but never registered: registered now.
	Registered []string `json:"registered,omitempty"`
	// Live grants whose kfrag bundle this node had lost: granted again.
	Regranted []string `json:"regranted,omitempty"`
	// Live grants whose bundle had lost only its pin, and open offers
	// whose published terms had: pinned again.
	Repinned []string `json:"repinned,omitempty"`
	// Grants no longer live (revoked, expired) whose kfrag bundle was still
	// pinned here (a revoke that stopped before its unpin): unpinned.
	Unpinned []string `json:"unpinned,omitempty"`
	// Datasets erased on chain whose local half (unpin, salt) was unfinished.
	Erased []string `json:"erased,omitempty"`
	// Datasets a put created that never got their first version: erased,
	// with the blocks the put added.
	Abandoned []string `json:"abandoned,omitempty"`
	// Datasets a put to which was interrupted: the blocks it added removed.
	Collected []string `json:"collected,omitempty"`
	// Journal records added for operations the chain holds.
	Journaled int `json:"journaled,omitempty"`
	// Problems Reconcile could not fix, each with what to do.
	Problems []string `json:"problems,omitempty"`
	// Clean is the record the last run left when it stopped cleanly:
	// nothing was in flight, so the comparison with the chain was skipped.
	Clean *CleanStop `json:"clean,omitempty"`
}

// Changed reports whether anything was found unfinished.
func (r *Reconciled) Changed() bool {
	return len(r.Created)+len(r.Dropped)+len(r.Versions)+len(r.Registered)+len(r.Regranted)+
		len(r.Repinned)+len(r.Unpinned)+len(r.Erased)+len(r.Abandoned)+len(r.Collected)+r.Journaled+len(r.Problems) > 0
}

// Reconcile brings the home's local state in line with the chain and the
// store after a crash, before the daemon serves anything. Owner operations
// take several durable steps — a put stores and pins, then registers on
// chain, then writes the index and the journal; a grant adds the kfrag
// bundle, then records the grant — and a kill between two steps leaves the
// later ones undone. Reconcile finishes them, forward only: the chain is the
// record, so what it holds is added to the index and the journal, an
// envelope pinned under a dataset's name but not on chain is registered
// (the owner asked for it; the request just never got its answer), a live
// grant whose bundle is gone is granted again with the same terms so its
// proxies can serve it, and an erase done on chain is finished here.
// Nothing acknowledged is ever undone; the one thing removed is the salt of
// a dataset whose creation never reached the chain and that holds nothing.
//
// Problems that need the owner are reported, not fatal: the daemon should
// still start so the owner can look.
//
// After a clean stop (Stop left its record in the index) nothing can be
// unfinished — every operation ran to its end before the API closed — so
// the comparison is skipped and a start costs what opening the index
// costs, however many versions and grants the home holds. The record is
// deleted first, so a crash of this run is followed by a full comparison.
// A store rebuilt empty always gets the full comparison, which refills it.
func (d *Daemon) Reconcile(ctx context.Context) (*Reconciled, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	rep := &Reconciled{}
	if err := d.journal.Repair(); err != nil {
		return rep, err
	}
	clean, err := d.index.TakeClean()
	if err != nil {
		return rep, err
	}
	if clean != nil && !d.index.Rebuilt {
		rep.Clean = clean
		return rep, nil
	}
	journal, err := d.journal.Read()
	if err != nil {
		return rep, err
	}
	pins, err := d.s.PinsByName(ctx)
	if err != nil {
		return rep, err
	}
	hist := journalHistory(journal)
	if err := d.reconcileSalts(ctx, hist, rep); err != nil {
		return rep, err
	}
	for _, e := range d.index.List() {
		if err := d.reconcileDataset(ctx, e, journal, hist, pins, rep); err != nil {
			return rep, fmt.Errorf("reconciling dataset %q: %w", e.Name, err)
		}
	}
	return rep, nil
}

// Stop records a clean stop for the next start (Reconcile): call it once
// the API has closed with no request in flight and the market agent has
// stopped. block is the chain's head, for the record.
func (d *Daemon) Stop(block uint64) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.index.MarkClean(CleanStop{Time: time.Now().UTC(), Block: block})
}

// history is what the journal remembers of each dataset that the chain
// does not say: when it was created and each version put, and the terms of
// its last offer. A reconcile that refills an index rebuilt empty takes
// them from here rather than stamping everything with the start's time.
type history struct {
	created map[uint64]time.Time
	put     map[string]time.Time // by CID
	terms   map[uint64]string
	// described is each dataset's last saved description, by id.
	described map[uint64]*describe.Description
}

func journalHistory(journal []Record) history {
	h := history{created: map[uint64]time.Time{}, put: map[string]time.Time{}, terms: map[uint64]string{}, described: map[uint64]*describe.Description{}}
	for _, r := range journal {
		if r.Reconciled {
			continue // stamped with a start's time, not the operation's
		}
		switch r.Kind {
		case KindCreate:
			if _, ok := h.created[r.ID]; !ok {
				h.created[r.ID] = r.Time
			}
		case KindPut:
			h.put[r.CID] = r.Time
		case KindOffer:
			h.terms[r.ID] = r.Purpose
		case KindDescribe:
			if desc, err := describe.ParseDescription([]byte(r.Purpose)); err == nil {
				h.described[r.ID] = desc
			}
		case KindErase:
			delete(h.terms, r.ID)
			delete(h.described, r.ID)
		}
	}
	return h
}

func timeOr(t time.Time, ok bool) time.Time {
	if ok {
		return t.UTC()
	}
	return time.Now().UTC()
}

// reconcileSalts finds salts without an index entry: a create that stopped
// after the salt was written.
func (d *Daemon) reconcileSalts(ctx context.Context, hist history, rep *Reconciled) error {
	salts, err := d.h.Datasets()
	if err != nil {
		return err
	}
	for _, local := range salts {
		if _, ok := d.index.Get(local.Name); ok {
			continue
		}
		id, found, err := d.createdWith(ctx, local)
		if err != nil {
			return err
		}
		if found {
			info, err := d.s.DatasetInfo(ctx, id)
			if err != nil {
				return err
			}
			if !info.Erased {
				created, ok := hist.created[id]
				created = timeOr(created, ok)
				// The offer's terms text is only in the journal (the chain
				// holds its hash): a rebuilt index gets it back from there.
				terms := hist.terms[id]
				if err := d.index.Update(local.Name, true, func(e *Entry) { e.ID, e.Created, e.Terms = id, created, terms }); err != nil {
					return err
				}
				// So is the description the owner saved (pdx describe).
				if desc := hist.described[id]; desc != nil {
					if err := d.index.SetDescription(local.Name, desc); err != nil {
						return err
					}
				}
				d.record(Record{Kind: KindCreate, Dataset: local.Name, ID: id, Reconciled: true})
				rep.Journaled++
				rep.Created = append(rep.Created, fmt.Sprintf("%s (dataset %d)", local.Name, id))
				continue
			}
		}
		pins, err := d.s.Pins(ctx, "pdx/"+local.Name)
		if err != nil {
			return err
		}
		if len(pins) > 0 {
			rep.Problems = append(rep.Problems, fmt.Sprintf("the salt of %q has no dataset on chain but %d envelopes are pinned under its name; "+
				"nothing was removed: back up the home and ask for help before creating %q again", local.Name, len(pins), local.Name))
			continue
		}
		if err := d.h.EraseDataset(local.Name); err != nil && !errors.Is(err, home.ErrDatasetNotFound) {
			return err
		}
		rep.Dropped = append(rep.Dropped, local.Name)
	}
	return nil
}

func (d *Daemon) createdWith(ctx context.Context, local *home.Dataset) (uint64, bool, error) {
	for _, salt := range local.Salts() {
		k, err := d.h.DatasetKey(salt)
		if err != nil {
			return 0, false, err
		}
		id, ok, err := d.s.DatasetCreatedWith(ctx, k.PublicKey())
		if err != nil || ok {
			return id, ok, err
		}
	}
	return 0, false, nil
}

func (d *Daemon) reconcileDataset(ctx context.Context, e Entry, journal []Record, hist history, pins map[string][]cid.Cid, rep *Reconciled) error {
	if e.Pending && e.ID == 0 {
		// A put creating it stopped around its transaction: the chain
		// says whether the dataset got there.
		id, found := uint64(0), false
		if local, err := d.h.Dataset(e.Name); err == nil {
			if id, found, err = d.createdWith(ctx, local); err != nil {
				return err
			}
		}
		if !found {
			if err := d.abandonDataset(ctx, e, "", true); err != nil {
				return err
			}
			rep.Dropped = append(rep.Dropped, e.Name)
			return nil
		}
		if err := d.index.Update(e.Name, false, func(x *Entry) { x.ID = id }); err != nil {
			return err
		}
		e.ID = id
	}
	info, err := d.s.DatasetInfo(ctx, e.ID)
	if err != nil {
		return err
	}
	if info.Erased {
		return d.finishErase(ctx, e, rep)
	}
	keys, err := d.ownKeysOf(e.Name)
	if err != nil {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%q is in the index but its salt is unreadable (%v): restore datasets/%s.json from a backup", e.Name, err, e.Name))
		return nil
	}

	// Versions: the chain's list is the truth; the index mirrors it.
	onChain, err := d.s.Versions(ctx, e.ID)
	if err != nil {
		return err
	}
	indexed := map[string]bool{}
	for _, v := range e.Versions {
		indexed[v.CID] = true
	}
	registered := map[cid.Cid]bool{}
	var add []Version
	for _, cv := range onChain {
		registered[cv.CID] = true
		if indexed[cv.CID.String()] {
			continue
		}
		size, err := d.s.PlainSize(ctx, cv.CID, keys)
		if err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%q version %d (%s) is on chain but does not open here (%v); it is listed with size 0", e.Name, cv.Version, cv.CID, err))
		}
		put, ok := hist.put[cv.CID.String()]
		add = append(add, Version{Version: cv.Version, CID: cv.CID.String(), Fingerprint: fmt.Sprintf("0x%x", cv.Fingerprint[:]), Size: size, Put: timeOr(put, ok)})
		rep.Versions = append(rep.Versions, fmt.Sprintf("%s version %d: %s", e.Name, cv.Version, cv.CID))
	}
	for _, c := range pins["pdx/"+e.Name] {
		if registered[c] {
			continue
		}
		res, err := d.registerStored(ctx, e.ID, keys, c)
		if err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s is pinned under %q but not registered, and registering it failed: %v; "+
				"unpin it with `ipfs pin rm %s` if it is not wanted", c, e.Name, err, c))
			continue
		}
		add = append(add, Version{Version: res.Version, CID: res.CID, Fingerprint: fmt.Sprintf("0x%x", res.Fingerprint[:]), Size: res.Size, Put: time.Now().UTC()})
		rep.Registered = append(rep.Registered, fmt.Sprintf("%s version %d: %s", e.Name, res.Version, res.CID))
	}
	if len(add) > 0 {
		err := d.index.Update(e.Name, false, func(e *Entry) {
			e.Versions = append(e.Versions, add...)
			slices.SortFunc(e.Versions, func(a, b Version) int { return int(a.Version) - int(b.Version) })
		})
		if err != nil {
			return err
		}
		journaled := map[string]bool{}
		for _, r := range journal {
			if r.Kind == KindPut {
				journaled[r.CID] = true
			}
		}
		for _, v := range add {
			if !journaled[v.CID] {
				d.record(Record{Kind: KindPut, Dataset: e.Name, ID: e.ID, CID: v.CID, Version: v.Version, Reconciled: true})
				rep.Journaled++
			}
		}
	}

	if e.Pending {
		if len(e.Versions)+len(add) == 0 {
			// Created for a put that never stored its first version.
			if err := d.abandonDataset(ctx, e, "a put creating it was interrupted before its first version was stored", true); err != nil {
				return err
			}
			rep.Abandoned = append(rep.Abandoned, fmt.Sprintf("%s (dataset %d)", e.Name, e.ID))
			return nil
		}
		if err := d.index.Update(e.Name, false, func(x *Entry) { x.Pending = false }); err != nil {
			return err
		}
		d.record(Record{Kind: KindCreate, Dataset: e.Name, ID: e.ID, Reconciled: true})
		rep.Journaled++
		rep.Created = append(rep.Created, fmt.Sprintf("%s (dataset %d)", e.Name, e.ID))
	}
	if e.Storing && len(add) > 0 {
		// The put stopped after its envelope was whole (registered now,
		// or already): nothing of it to collect.
		if err := d.index.Update(e.Name, false, func(x *Entry) { x.Storing = false }); err != nil {
			return err
		}
	} else if e.Storing {
		removed, err := d.collectPut(ctx, e.Name, true)
		if err != nil {
			return err
		}
		if removed {
			rep.Journaled++
			rep.Collected = append(rep.Collected, e.Name)
		}
	}

	// The open offer's terms: published on this node's IPFS, so brands
	// can read them.
	if e.Terms != "" {
		if added, err := d.s.PublishTerms(ctx, e.ID, e.Terms); err != nil {
			rep.Problems = append(rep.Problems, fmt.Sprintf("the terms of the offer of %q are not published on IPFS and publishing them failed: %v; "+
				"brands see them as unknown text until you offer %q again", e.Name, err, e.Name))
		} else if added {
			rep.Repinned = append(rep.Repinned, fmt.Sprintf("the offer terms of %s", e.Name))
		}
	}

	// Grants: every live one must have its bundle on this node, and every
	// one the chain holds belongs in the journal.
	grants, err := d.s.Grants(ctx, e.ID)
	if err != nil {
		return err
	}
	logged := map[string]bool{}
	for _, r := range journal {
		if r.ID == e.ID && (r.Kind == KindGrant || (r.Kind == KindPurchase && r.Granted != nil && *r.Granted)) {
			logged[r.Grantee] = true
		}
	}
	for _, g := range grants {
		if !g.Live {
			// A bundle of a grant that no longer authorizes only helps
			// someone holding t proxy keys reopen its kfrags.
			if len(pins[service.BundlePinName(e.ID, g.Grantee)]) == 0 {
				continue // the one pin list read above says none is left
			}
			n, err := d.s.UnpinBundles(ctx, e.ID, &g.Grantee)
			if err != nil {
				return err
			}
			if n > 0 {
				rep.Unpinned = append(rep.Unpinned, fmt.Sprintf("%s to %s", e.Name, g.Grantee.Hex()))
			}
			continue
		}
		grantee := g.Grantee.Hex()
		key := keys[0]
		var repinned bool
		var res *service.GrantResult
		bc, cerr := cid.Cast(acl.BundleCID(g.Bundle))
		if cerr != nil || !slices.ContainsFunc(pins[service.BundlePinName(e.ID, g.Grantee)], bc.Equals) {
			// Not in the pin list read at the start: pin it again, or
			// grant again when its block is gone.
			repinned, res, err = d.s.EnsureBundle(ctx, e.ID, key, g)
		}
		switch {
		case err != nil:
			rep.Problems = append(rep.Problems, fmt.Sprintf("the grant of %q to %s has no kfrag bundle on this node and granting it again failed: %v; "+
				"grant it again with `pdx grant`", e.Name, grantee, err))
		case res != nil:
			rep.Regranted = append(rep.Regranted, fmt.Sprintf("%s to %s (block %d)", e.Name, grantee, res.Block))
			d.record(Record{Kind: KindGrant, Dataset: e.Name, ID: e.ID, Block: res.Block, Grantee: grantee,
				Expires: g.Expiry.Format(time.RFC3339), Reason: "the kfrag bundle was lost: granted again", Reconciled: true})
			rep.Journaled++
			logged[grantee] = true
		case repinned:
			rep.Repinned = append(rep.Repinned, fmt.Sprintf("%s to %s", e.Name, grantee))
		}
		if !logged[grantee] {
			d.record(Record{Kind: KindGrant, Dataset: e.Name, ID: e.ID, Block: g.Block, Grantee: grantee,
				Expires: g.Expiry.Format(time.RFC3339), Reconciled: true})
			rep.Journaled++
			logged[grantee] = true
		}
	}
	return nil
}

func (d *Daemon) registerStored(ctx context.Context, id uint64, keys []*reencrypt.SecretKey, c cid.Cid) (*service.PutResult, error) {
	var errs []error
	for _, k := range keys {
		res, err := d.s.RegisterStored(ctx, id, k, c)
		if err == nil {
			return res, nil
		}
		errs = append(errs, err)
		if !errors.Is(err, envelope.ErrKeyUnwrap) {
			break
		}
	}
	return nil, errors.Join(errs...)
}

// finishErase completes an erase the chain already holds: unpin, collect,
// destroy the salt, forget the name.
func (d *Daemon) finishErase(ctx context.Context, e Entry, rep *Reconciled) error {
	var cids []cid.Cid
	for _, v := range e.Versions {
		if c, err := cid.Decode(v.CID); err == nil {
			cids = append(cids, c)
		}
	}
	if err := d.s.FinishErase(ctx, e.ID, cids); err != nil {
		return err
	}
	if err := d.h.EraseDataset(e.Name); err != nil && !errors.Is(err, home.ErrDatasetNotFound) {
		return err
	}
	if err := d.index.Remove(e.Name); err != nil {
		return err
	}
	d.record(Record{Kind: KindErase, Dataset: e.Name, ID: e.ID, Reconciled: true})
	rep.Journaled++
	rep.Erased = append(rep.Erased, e.Name)
	return nil
}
