package daemon

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/node/service"
)

// The routes of this file list what the chain and the proxies know about
// this account (grants, offers, purchases, receipts) and act on it
// (rotate, refund). Their shapes are in docs/api.md and openapi.json.

// GrantView is one grant of a dataset as GET /v1/datasets/{name}/grants
// shows it.
type GrantView struct {
	Grantee      string   `json:"grantee"`
	Purpose      string   `json:"purpose"` // "" when this daemon does not know the text of its hash
	Expires      string   `json:"expires"`
	Threshold    int      `json:"threshold"`
	Proxies      []string `json:"proxies"`
	Block        uint64   `json:"block"`
	Bundle       string   `json:"bundle"`
	Active       bool     `json:"active"`
	RevokedBlock uint64   `json:"revoked_block"`
	// Policy is the grant's usage policy; absent for a grant made with a
	// plain purpose (Legacy) or whose policy could not be read.
	Policy *PolicyView `json:"policy,omitempty"`
	// Legacy: the grant records a plain purpose text, not a policy.
	Legacy bool `json:"legacy"`
	// Fields are the field groups a field grant covers: what this grantee
	// can read of the dataset's split versions. Absent for a grant of the
	// whole dataset.
	Fields []string `json:"fields,omitempty"`
}

// GrantList is the body of GET /v1/datasets/{name}/grants.
type GrantList struct {
	Grants []GrantView `json:"grants"`
}

func grantViews(gs []service.GrantRecord, texts map[[32]byte]string) []GrantView {
	out := make([]GrantView, 0, len(gs))
	for _, g := range gs {
		purpose, pv, legacy := readTerms(texts[g.PurposeHash])
		v := GrantView{Grantee: g.Grantee.Hex(), Purpose: purpose, Policy: pv, Legacy: legacy, Expires: g.Expiry.UTC().Format(time.RFC3339),
			Threshold: int(g.Threshold), Proxies: []string{}, Block: g.Block, Bundle: g.BundleCID, Active: g.Active, RevokedBlock: g.RevokedBlock, Fields: g.Fields}
		for _, p := range g.Proxies {
			v.Proxies = append(v.Proxies, p.Hex())
		}
		out = append(out, v)
	}
	return out
}

func (d *Daemon) listGrants(w http.ResponseWriter, r *http.Request) error {
	e, _, err := d.dataset(r.PathValue("name"))
	if err != nil {
		return err
	}
	gs, err := d.s.DatasetGrants(r.Context(), e.ID)
	if err != nil {
		return err
	}
	texts, _ := d.resolveTerms(r.Context(), d.termsBook(), grantPurposes(gs))
	writeJSON(w, http.StatusOK, GrantList{Grants: grantViews(gs, texts)})
	return nil
}

// PurchaseView is one of this account's purchases.
type PurchaseView struct {
	Dataset   uint64 `json:"dataset"`
	Owner     string `json:"owner"`
	AmountWei string `json:"amount_wei"`
	Terms     string `json:"terms"`
	Deadline  string `json:"deadline"`
	State     string `json:"state"`
	Block     uint64 `json:"block"`
	// Policy is the usage policy the purchase is bound to; absent for
	// plain terms.
	Policy *PolicyView `json:"policy,omitempty"`
}

// PurchaseList is the body of GET /v1/purchases.
type PurchaseList struct {
	Purchases []PurchaseView `json:"purchases"`
}

func (d *Daemon) purchases(w http.ResponseWriter, r *http.Request) error {
	ps, err := d.s.Purchases(r.Context())
	if err != nil {
		return err
	}
	hs := make([][32]byte, len(ps))
	for i, p := range ps {
		hs[i] = p.TermsHash
	}
	texts, _ := d.resolveTerms(r.Context(), d.termsBook(), hs)
	out := PurchaseList{Purchases: []PurchaseView{}}
	for _, p := range ps {
		terms, pv, _ := readTerms(texts[p.TermsHash])
		out.Purchases = append(out.Purchases, PurchaseView{Dataset: p.Dataset, Owner: p.Owner.Hex(), AmountWei: p.Amount.String(), Policy: pv,
			Terms: terms, Deadline: p.Deadline.UTC().Format(time.RFC3339), State: p.State, Block: p.Block})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// GrantedVersion is a version a grantee may get.
type GrantedVersion struct {
	Version uint32 `json:"version"`
	CID     string `json:"cid"`
	Size    int64  `json:"size"` // the encrypted size; 0 when IPFS did not say within a few seconds
}

// GrantedView is one grant made to this account.
type GrantedView struct {
	Dataset  uint64           `json:"dataset"`
	Owner    string           `json:"owner"`
	Purpose  string           `json:"purpose"`
	Expires  string           `json:"expires"`
	Active   bool             `json:"active"`
	Versions []GrantedVersion `json:"versions"`
	// Reads are the reads used under the grant's policy and the most it
	// allows, as the grant's proxies count them (active grants only).
	Reads *service.GrantReads `json:"reads,omitempty"`
	// Policy is the grant's usage policy, read from IPFS; absent for a
	// plain purpose (Legacy) or a policy no node served in time.
	Policy *PolicyView `json:"policy,omitempty"`
	// Legacy: the grant records a plain purpose text, not a policy.
	Legacy bool `json:"legacy"`
	// Fields are the field groups a field grant covers: what this account
	// can read of the dataset's split versions (as GrantView.Fields shows
	// it to the owner). Absent for a grant of the whole dataset.
	Fields []string `json:"fields,omitempty"`
}

// GrantedList is the body of GET /v1/granted.
type GrantedList struct {
	Grants []GrantedView `json:"grants"`
}

// sizeBudget bounds how long GET /v1/granted waits for IPFS to tell the
// sizes of one grant's versions: content a grantee never fetched comes
// from the owner's node.
const sizeBudget = 3 * time.Second

func (d *Daemon) granted(w http.ResponseWriter, r *http.Request) error {
	gs, err := d.s.ReceivedGrants(r.Context())
	if err != nil {
		return err
	}
	hs := make([][32]byte, len(gs))
	for i, g := range gs {
		hs[i] = g.PurposeHash
	}
	texts, _ := d.resolveTerms(r.Context(), d.termsBook(), hs)
	out := GrantedList{Grants: []GrantedView{}}
	for _, g := range gs {
		purpose, pv, legacy := readTerms(texts[g.PurposeHash])
		v := GrantedView{Dataset: g.Dataset, Owner: g.Owner.Hex(), Purpose: purpose, Policy: pv, Legacy: legacy,
			Expires: g.Expiry.UTC().Format(time.RFC3339), Active: g.Live, Versions: []GrantedVersion{},
			Fields: d.s.BundleFields(r.Context(), g.Bundle)}
		vs, err := d.s.Versions(r.Context(), g.Dataset)
		if err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(r.Context(), sizeBudget)
		for _, cv := range vs {
			gv := GrantedVersion{Version: cv.Version, CID: cv.CID.String()}
			if g.Live && ctx.Err() == nil {
				if n, err := d.s.Size(ctx, cv.CID); err == nil {
					gv.Size = n
				}
			}
			v.Versions = append(v.Versions, gv)
		}
		cancel()
		if g.Live {
			if reads, err := d.s.ReadsOf(r.Context(), g); err == nil {
				v.Reads = &reads
			}
		}
		out.Grants = append(out.Grants, v)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// ReceiptView is one entry of the access log: a proxy re-encrypted a
// version of one of this owner's datasets for a reader.
type ReceiptView struct {
	Dataset string `json:"dataset"`
	ID      uint64 `json:"id"`
	Version uint32 `json:"version"` // 0 when the capsule matches no version in the index
	CID     string `json:"cid"`
	Reader  string `json:"reader"`
	// Purpose is the purpose of the reader's grant (its text when known).
	Purpose string `json:"purpose"`
	// ReadFor is the purpose the reader named for this read, under its
	// own signature (proxy protocol version 2); empty for reads made
	// before.
	ReadFor string `json:"read_for,omitempty"`
	Proxy   string `json:"proxy"`
	Time    string `json:"time"`
}

// ReceiptList is the body of GET /v1/receipts.
type ReceiptList struct {
	Receipts []ReceiptView `json:"receipts"`
	// Problems are the proxies that did not hand over their receipts, and
	// the receipts dropped because they do not prove a read (a proxy that
	// names a reader who did not sign, another dataset, or a read it was
	// not part of): none of those is in Receipts.
	Problems []ReceiptProblem `json:"problems"`
}

// ReceiptProblem is one proxy's failure, or one of its receipts dropped.
type ReceiptProblem struct {
	Dataset string `json:"dataset"`
	Proxy   string `json:"proxy"`
	// Dropped: a receipt was refused (else the proxy gave none).
	Dropped bool   `json:"dropped"`
	Reason  string `json:"reason"`
}

func (d *Daemon) receipts(w http.ResponseWriter, r *http.Request) error {
	book := d.termsBook()
	type entry struct {
		view ReceiptView
		at   time.Time
	}
	var all []entry
	problems := []ReceiptProblem{}
	for _, e := range d.index.List() {
		rs, failed, err := d.s.Receipts(r.Context(), e.ID)
		if err != nil {
			return err
		}
		for _, f := range failed {
			dropped := errors.Is(f.Err, service.ErrBadReceipt)
			problems = append(problems, ReceiptProblem{Dataset: e.Name, Proxy: f.Proxy.Hex(), Dropped: dropped, Reason: f.Err.Error()})
			if dropped {
				d.log.Warn("receipts: dropped a receipt that does not verify", "dataset", e.Name, "proxy", f.Proxy.Hex(), "err", f.Err)
				continue
			}
			d.log.Warn("receipts: a proxy did not hand over its receipts", "dataset", e.Name, "proxy", f.Proxy.Hex(), "err", f.Err)
		}
		if len(rs) == 0 {
			continue
		}
		// Each version's capsule hash names it in the receipts.
		byCapsule := map[common.Hash]Version{}
		for _, v := range e.Versions {
			c, err := cid.Decode(v.CID)
			if err != nil {
				continue
			}
			h, err := d.s.CapsuleHash(r.Context(), c)
			if err != nil {
				d.log.Warn("receipts: a version's capsule is unreadable", "dataset", e.Name, "cid", v.CID, "err", err)
				continue
			}
			byCapsule[h] = v
		}
		for _, rc := range rs {
			v := byCapsule[rc.CapsuleHash]
			all = append(all, entry{at: rc.Time, view: ReceiptView{Dataset: e.Name, ID: e.ID, Version: v.Version, CID: v.CID,
				Reader: rc.Reader.Hex(), Purpose: book.text(rc.PurposeHash), ReadFor: rc.ReadFor, Proxy: rc.Proxy.Hex(), Time: rc.Time.UTC().Format(time.RFC3339Nano)}})
		}
	}
	// Newest first across datasets.
	slices.SortStableFunc(all, func(a, b entry) int { return b.at.Compare(a.at) })
	out := ReceiptList{Receipts: make([]ReceiptView, 0, len(all)), Problems: problems}
	for _, x := range all {
		out.Receipts = append(out.Receipts, x.view)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// grantPurposes lists the purpose hashes of grants, for resolveTerms.
func grantPurposes(gs []service.GrantRecord) [][32]byte {
	hs := make([][32]byte, len(gs))
	for i, g := range gs {
		hs[i] = g.PurposeHash
	}
	return hs
}
