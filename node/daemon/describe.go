package daemon

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/node/service"
)

// A dataset's description (acl/describe, DESCRIBE.md) says to brands what
// an offer sells: title, category, fields, rows, period, size, attesters.
// The owner writes the words (title, category, period); the daemon reads
// the rest from the latest version's plaintext, which only the owner
// opens, and refuses a description whose title or field names repeat one
// of the dataset's values. Saved in the index (key s/<name>, FORMATS.md)
// and the journal (kind describe), it goes into every later offer's usage
// policy (profile v3, "pdx:dataset"), whose hash the chain binds.

// offerDescribed puts the dataset's saved description into an offer's
// usage policy (profile v3, "pdx:dataset"), so the terms hash on chain
// binds what the offer says it sells. An offer of plain terms becomes the
// plainest policy (use permitted, the terms as its description). An offer
// that requires attestation keeps its plain terms, which name the
// attestation, and publishes no description.
func (d *Daemon) offerDescribed(name string, pol *policy.Policy, req OfferRequest) (*policy.Policy, error) {
	desc, ok := d.index.Description(name)
	if !ok || req.RequireAttestation {
		return pol, nil
	}
	if pol == nil {
		if strings.TrimSpace(req.Terms) == "" {
			return nil, badRequest("terms are required: the purpose buyers may use the data for")
		}
		pol = &policy.Policy{Description: req.Terms, Permitted: []string{"use"}}
	}
	if pol.Dataset != nil && !bytes.Equal(pol.Dataset.Bytes(), desc.Bytes()) {
		return nil, badRequest("the policy describes the dataset otherwise than its saved description: leave pdx:dataset out, or save it with pdx describe")
	}
	pol.Dataset = desc
	if err := pol.Validate(); err != nil {
		return nil, err
	}
	return pol, nil
}

// DescriptionResponse is the body of GET and PUT
// /v1/datasets/{name}/description.
type DescriptionResponse struct {
	Dataset string `json:"dataset"`
	ID      uint64 `json:"id"`
	// Description is the saved description (after a PUT: the one saved,
	// or with preview the one that would be); null when there is none.
	Description *describe.Description `json:"description"`
	// Saved: Description is the one offers publish.
	Saved bool `json:"saved"`
	// Draft, on a GET of a dataset without a description, is what pdx
	// reads from the data: fields, rows, size and attesters.
	Draft *describe.Description `json:"draft,omitempty"`
	// Words is the description in the person's words, as an offer's
	// policy says it.
	Words []string `json:"words"`
}

// Description is the saved description of the owner's dataset name: what
// an offer of it publishes and what a campaign's wants are matched
// against. False when the dataset has none (or is not in this home).
func (d *Daemon) Description(name string) (*describe.Description, bool) {
	return d.index.Description(name)
}

func (d *Daemon) getDescription(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	res := DescriptionResponse{Dataset: name, ID: e.ID, Words: []string{}}
	if desc, ok := d.index.Description(name); ok {
		res.Description, res.Saved, res.Words = desc, true, desc.Lines()
	} else {
		draft := &describe.Description{}
		facts, err := d.datasetFacts(r.Context(), e, nil)
		if err != nil {
			return err
		}
		draft.Draft(facts)
		draft.AttestedBy = d.attestersOf(r.Context(), e)
		res.Draft = draft
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

func (d *Daemon) putDescription(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	var req describe.Description
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	preview := false
	if v := r.URL.Query().Get("preview"); v != "" {
		var err error
		if preview, err = strconv.ParseBool(v); err != nil {
			return badRequest("preview=%q: say true or false", v)
		}
	}
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	// What the owner wrote is checked before the data is read.
	if req.Title == "" {
		return badRequest("a description needs a title: a few words on what the dataset holds")
	}
	if req.Category == "" {
		return badRequest("a description needs a category: one of %s", categoryList())
	}
	if req.Category, err = describe.ParseCategory(string(req.Category)); err != nil {
		return err
	}
	if err := (&describe.Description{Title: req.Title, Category: req.Category, Fields: req.Fields, Period: req.Period}).Validate(); err != nil {
		return err
	}
	desc := req
	desc.AttestedBy = d.attestersOf(r.Context(), e)
	// One reading of the plaintext drafts what is missing and checks what
	// is given; fields drafted from the data are checked by a second one.
	facts, err := d.datasetFacts(r.Context(), e, describe.NewLeakCheck(&desc))
	if err != nil {
		return err
	}
	drafted := len(desc.Fields) == 0 && facts != nil && len(facts.Fields) > 0
	desc.Draft(facts)
	if drafted {
		if _, err := d.datasetFacts(r.Context(), e, describe.NewLeakCheck(&desc)); err != nil {
			return err
		}
	}
	if err := desc.Validate(); err != nil {
		return err
	}
	canon, _ := describe.ParseDescription(desc.Bytes())
	res := DescriptionResponse{Dataset: name, ID: e.ID, Description: canon, Words: canon.Lines()}
	if !preview {
		d.mu.Lock()
		err := d.index.SetDescription(name, canon)
		if err == nil {
			d.record(Record{Kind: KindDescribe, Dataset: name, ID: e.ID, Purpose: string(canon.Bytes())})
		}
		d.mu.Unlock()
		if err != nil {
			return err
		}
		res.Saved = true
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// datasetFacts reads the latest version's plaintext once: its facts
// (fields, rows, size) and, with lc, the leak check, whose refusal it
// returns. A split version's field names are its manifest's groups. A
// dataset without a version has no facts (nil).
func (d *Daemon) datasetFacts(ctx context.Context, e Entry, lc *describe.LeakCheck) (*describe.Facts, error) {
	if len(e.Versions) == 0 {
		return nil, nil
	}
	v := e.Versions[len(e.Versions)-1]
	c, err := cid.Decode(v.CID)
	if err != nil {
		return nil, fmt.Errorf("%w: version %d of %q has CID %q: %v", ErrDamaged, v.Version, e.Name, v.CID, err)
	}
	var each func(describe.Value)
	if lc != nil {
		each = lc.See
	}
	var facts *describe.Facts
	err = d.readLatest(ctx, c, func(r io.Reader) error {
		var err error
		facts, err = describe.Scan(r, each)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("reading the latest version of %q to describe it: %w", e.Name, err)
	}
	if names := v.FieldNames(); len(names) > 0 {
		facts.Fields = validNames(names)
	}
	if lc != nil && facts.Format == "" && facts.Size > 0 {
		// Neither CSV nor JSON (or malformed): every piece of the text is
		// checked, so a malformed file leaks nothing either.
		if err := d.readLatest(ctx, c, func(r io.Reader) error { return describe.ScanText(r, lc.See) }); err != nil {
			return nil, fmt.Errorf("reading the latest version of %q to describe it: %w", e.Name, err)
		}
	}
	if lc != nil {
		if err := lc.Err(); err != nil {
			return nil, err
		}
	}
	return facts, nil
}

// readLatest streams the plaintext of the owner's version c to read (the
// plaintext stays in memory, a pipe's buffer at a time).
func (d *Daemon) readLatest(ctx context.Context, c cid.Cid, read func(io.Reader) error) error {
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		var err error
		if d.isPublicVersion(c) {
			err = d.s.ReadPublic(ctx, c, pw)
		} else {
			_, err = d.s.ReadWith(ctx, c, service.ReadOptions{}, homeKeys{d}, pw)
		}
		pw.CloseWithError(err)
		done <- err
	}()
	rerr := read(pr)
	pr.CloseWithError(io.ErrClosedPipe)
	if err := <-done; err != nil {
		return err
	}
	return rerr
}

func validNames(names []string) []string {
	var out []string
	for _, n := range names {
		if (&describe.Description{Title: "x", Category: "other", Fields: []string{n}}).Validate() == nil {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// attestersOf lists the sources whose verified attestations of the
// dataset's latest version this home knows (on chain, or kept here), at
// most describe.MaxAttesters; errors leave it empty: the description says
// less, never more than verified.
func (d *Daemon) attestersOf(ctx context.Context, e Entry) []common.Address {
	_, res, err := d.s.LatestAttestations(ctx, d.s.Address(), e.ID, d.storedAttestations)
	if err != nil {
		d.log.Debug("describe: attestations not verified", "dataset", e.Name, "err", err)
		return nil
	}
	var out []common.Address
	for _, r := range res {
		if r.Verified() && !slices.Contains(out, r.Attester) {
			out = append(out, r.Attester)
		}
	}
	slices.SortFunc(out, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	if len(out) > describe.MaxAttesters {
		out = out[:describe.MaxAttesters]
	}
	return out
}

func categoryList() string {
	b, _ := json.Marshal(describe.Categories())
	return string(b)
}
