// Package describe holds what an offered dataset says about itself and what
// a brand's campaign asks for: a category from a small vocabulary, field
// names, a row count, the months the data covers, a size and the sources
// that attested it — and whether a dataset meets a campaign's wants.
//
// Neither carries a personal value: a description is metadata the owner
// reads before it is published (node/service checks it against the
// dataset's own values), and wants are the brand's. Both travel inside a
// usage policy (acl/policy, profile v3: "pdx:dataset" on an offer's
// policy, "pdx:wants" on a campaign's), so the chain's 32-byte terms hash
// binds them and any node reads them from IPFS. The format is specified in
// DESCRIBE.md beside this file.
package describe

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/internal/errkind"
)

// Bounds of a description and of wants.
const (
	MaxTitle     = 120
	MaxFields    = 64
	MaxAttesters = 16
)

// ErrInvalid is every refusal of a malformed description or wants.
var ErrInvalid = errkind.New(errkind.Usage, "invalid dataset description")

// Category is one term of the vocabulary (Categories).
type Category string

// categories is the vocabulary, each term with the DPV personal-data
// category (https://w3id.org/dpv/pd#) it stands for, so that a reader
// elsewhere maps it; the list is in DESCRIBE.md.
var categories = []struct {
	Term  Category
	DPV   string
	Words string
}{
	{"purchases", "pd:PurchasesAndSpendingHabit", "purchase history: what was bought, where, when, for how much"},
	{"loyalty", "pd:Loyalty", "loyalty programme membership and points"},
	{"location", "pd:Location", "places visited, travel and movement"},
	{"health", "pd:Health", "health records and measurements"},
	{"fitness", "pd:PhysicalCharacteristic", "activity, sport and fitness tracking"},
	{"finance", "pd:Financial", "bank, card and spending records"},
	{"demographics", "pd:Demographic", "age, household, city and similar profile facts"},
	{"browsing", "pd:BrowsingBehaviour", "web and app usage"},
	{"media", "pd:MediaConsumption", "what was watched, read or listened to"},
	{"social", "pd:SocialMedia", "social network activity"},
	{"energy", "pd:Behavioral", "home energy and utility use"},
	{"other", "pd:PersonalData", "anything the other terms do not cover"},
}

// Categories lists the vocabulary's terms in their documented order.
func Categories() []Category {
	out := make([]Category, len(categories))
	for i, c := range categories {
		out[i] = c.Term
	}
	return out
}

// Words is a category in a person's words ("" for an unknown term).
func (c Category) Words() string {
	for _, k := range categories {
		if k.Term == c {
			return k.Words
		}
	}
	return ""
}

// DPV is the DPV personal-data category the term stands for.
func (c Category) DPV() string {
	for _, k := range categories {
		if k.Term == c {
			return k.DPV
		}
	}
	return ""
}

// ParseCategory reads a term of the vocabulary (case-insensitive).
func ParseCategory(s string) (Category, error) {
	t := Category(strings.ToLower(strings.TrimSpace(s)))
	if t.DPV() == "" {
		names := make([]string, len(categories))
		for i, c := range categories {
			names[i] = string(c.Term)
		}
		return "", fmt.Errorf("%w: %q is not a category; use one of %s", ErrInvalid, s, strings.Join(names, ", "))
	}
	return t, nil
}

// Period is the span of months data covers, both ends included, as
// "YYYY-MM". The zero Period says nothing.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// IsZero reports whether p says nothing.
func (p Period) IsZero() bool { return p == Period{} }

// ParsePeriod reads "2025-01..2025-12" (or one month "2025-03").
func ParsePeriod(s string) (Period, error) {
	from, to, ok := strings.Cut(strings.TrimSpace(s), "..")
	if !ok {
		to = from
	}
	p := Period{From: strings.TrimSpace(from), To: strings.TrimSpace(to)}
	return p, p.check("period")
}

func (p Period) String() string {
	if p.From == p.To {
		return p.From
	}
	return p.From + ".." + p.To
}

func (p Period) check(at string) error {
	f, err1 := time.Parse("2006-01", p.From)
	t, err2 := time.Parse("2006-01", p.To)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("%w: %s: months are written YYYY-MM, as 2025-01..2025-12 (got %q..%q)", ErrInvalid, at, p.From, p.To)
	}
	if t.Before(f) {
		return fmt.Errorf("%w: %s: %s ends before it starts", ErrInvalid, at, p)
	}
	return nil
}

// Covers reports whether p covers every month of q.
func (p Period) Covers(q Period) bool { return p.From <= q.From && p.To >= q.To }

// Description is what an offered dataset says about itself.
type Description struct {
	// Title in the owner's words, at most MaxTitle characters.
	Title string `json:"title"`
	// Category is a term of the vocabulary.
	Category Category `json:"category"`
	// Fields are the field (column or key) names, sorted; none when the
	// owner does not list them.
	Fields []string `json:"fields,omitempty"`
	// Rows is the number of records (lines of a CSV, items of a JSON
	// list); 0 when unknown.
	Rows int64 `json:"rows,omitempty"`
	// Period is the months the records cover.
	Period *Period `json:"period,omitempty"`
	// Size is the plaintext size in bytes of the latest version.
	Size int64 `json:"size,omitempty"`
	// AttestedBy are the sources (addresses) whose attestations of the
	// dataset the owner holds, sorted; a brand verifies them itself.
	AttestedBy []common.Address `json:"attestedBy,omitempty"`
}

// Validate checks a description made by hand, in canonical form.
func (d *Description) Validate() error {
	_, err := ParseDescription(d.Bytes())
	return err
}

// Bytes is the description's canonical JSON (lists sorted, no whitespace).
func (d *Description) Bytes() []byte {
	c := *d
	c.Fields = sortedCopy(d.Fields)
	c.AttestedBy = slices.Clone(d.AttestedBy)
	slices.SortFunc(c.AttestedBy, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	return mustJSON(c)
}

// ParseDescription reads a description strictly.
func ParseDescription(b []byte) (*Description, error) {
	var d Description
	if err := strict(b, &d); err != nil {
		return nil, err
	}
	if err := checkText("title", d.Title, MaxTitle); err != nil {
		return nil, err
	}
	if d.Title == "" {
		return nil, fmt.Errorf("%w: title: a description needs a title", ErrInvalid)
	}
	if _, err := ParseCategory(string(d.Category)); err != nil || string(d.Category) != strings.ToLower(string(d.Category)) {
		return nil, fmt.Errorf("%w: category: %q is not a term of the vocabulary", ErrInvalid, d.Category)
	}
	if err := checkFields("fields", d.Fields); err != nil {
		return nil, err
	}
	if d.Rows < 0 || d.Size < 0 {
		return nil, fmt.Errorf("%w: rows and size are counts, not negative", ErrInvalid)
	}
	if d.Period != nil {
		if err := d.Period.check("period"); err != nil {
			return nil, err
		}
	}
	if len(d.AttestedBy) > MaxAttesters {
		return nil, fmt.Errorf("%w: attestedBy: at most %d sources", ErrInvalid, MaxAttesters)
	}
	for i := 1; i < len(d.AttestedBy); i++ {
		if bytes.Compare(d.AttestedBy[i-1][:], d.AttestedBy[i][:]) >= 0 {
			return nil, fmt.Errorf("%w: attestedBy: sources are listed once each, in ascending order", ErrInvalid)
		}
	}
	return &d, nil
}

// Wants is what a campaign asks of a dataset.
type Wants struct {
	// Category the dataset must be of.
	Category Category `json:"category"`
	// Fields the dataset must have (all of them), sorted; none: any.
	Fields []string `json:"fields,omitempty"`
	// Period the dataset must cover; nil: any.
	Period *Period `json:"period,omitempty"`
	// MinRows is the fewest records a dataset must hold; 0: any.
	MinRows int64 `json:"minRows,omitempty"`
	// Attested asks for a dataset attested by a source; AttestedBy, when
	// not empty, by one of those sources.
	Attested   bool             `json:"attested,omitempty"`
	AttestedBy []common.Address `json:"attestedBy,omitempty"`
}

// Bytes is the wants' canonical JSON.
func (w *Wants) Bytes() []byte {
	c := *w
	c.Fields = sortedCopy(w.Fields)
	c.AttestedBy = slices.Clone(w.AttestedBy)
	slices.SortFunc(c.AttestedBy, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	return mustJSON(c)
}

// Validate checks wants made by hand, in canonical form.
func (w *Wants) Validate() error {
	_, err := ParseWants(w.Bytes())
	return err
}

// ParseWants reads wants strictly.
func ParseWants(b []byte) (*Wants, error) {
	var w Wants
	if err := strict(b, &w); err != nil {
		return nil, err
	}
	if _, err := ParseCategory(string(w.Category)); err != nil || string(w.Category) != strings.ToLower(string(w.Category)) {
		return nil, fmt.Errorf("%w: category: %q is not a term of the vocabulary", ErrInvalid, w.Category)
	}
	if err := checkFields("fields", w.Fields); err != nil {
		return nil, err
	}
	if w.Period != nil {
		if err := w.Period.check("period"); err != nil {
			return nil, err
		}
	}
	if w.MinRows < 0 {
		return nil, fmt.Errorf("%w: minRows is a count, not negative", ErrInvalid)
	}
	if len(w.AttestedBy) > MaxAttesters {
		return nil, fmt.Errorf("%w: attestedBy: at most %d sources", ErrInvalid, MaxAttesters)
	}
	if len(w.AttestedBy) > 0 && !w.Attested {
		return nil, fmt.Errorf("%w: attestedBy names sources only with attested: true", ErrInvalid)
	}
	for i := 1; i < len(w.AttestedBy); i++ {
		if bytes.Compare(w.AttestedBy[i-1][:], w.AttestedBy[i][:]) >= 0 {
			return nil, fmt.Errorf("%w: attestedBy: sources are listed once each, in ascending order", ErrInvalid)
		}
	}
	return &w, nil
}

// Mismatch says why a dataset does not meet a campaign's wants, in the
// person's words (it is recorded and shown as the reason).
type Mismatch struct{ Reason string }

func (m *Mismatch) Error() string { return m.Reason }

// Match checks d against w: nil when d meets every want, a *Mismatch
// naming the first want it does not meet otherwise.
func (w *Wants) Match(d *Description) error {
	miss := func(format string, a ...any) error { return &Mismatch{Reason: fmt.Sprintf(format, a...)} }
	switch {
	case d == nil:
		return miss("the dataset has no description (pdx describe)")
	case d.Category != w.Category:
		return miss("the campaign wants %s data; the dataset is %s", w.Category, d.Category)
	}
	for _, f := range w.Fields {
		if !slices.Contains(d.Fields, f) {
			return miss("the campaign wants the field %q, which the dataset does not list", f)
		}
	}
	if w.Period != nil && (d.Period == nil || !d.Period.Covers(*w.Period)) {
		have := "no period"
		if d.Period != nil {
			have = d.Period.String()
		}
		return miss("the campaign wants data covering %s; the dataset covers %s", w.Period, have)
	}
	if w.MinRows > 0 && d.Rows < w.MinRows {
		return miss("the campaign wants at least %d records; the dataset has %d", w.MinRows, d.Rows)
	}
	if w.Attested {
		if len(d.AttestedBy) == 0 {
			return miss("the campaign wants attested data; the dataset has no attestation")
		}
		if len(w.AttestedBy) > 0 && !slices.ContainsFunc(d.AttestedBy, func(a common.Address) bool { return slices.Contains(w.AttestedBy, a) }) {
			return miss("the campaign wants data attested by one of %d named sources; the dataset's attesters are not among them", len(w.AttestedBy))
		}
	}
	return nil
}

// IsMismatch reports whether err is a Match refusal.
func IsMismatch(err error) bool {
	var m *Mismatch
	return errors.As(err, &m)
}

func checkFields(at string, fs []string) error {
	if len(fs) > MaxFields {
		return fmt.Errorf("%w: %s: at most %d field names", ErrInvalid, at, MaxFields)
	}
	for i, f := range fs {
		if f == "" || len(f) > 64 || strings.ContainsFunc(f, func(r rune) bool { return r <= ' ' || r > '~' || r == ',' || r == '/' }) {
			return fmt.Errorf("%w: %s: %q is not a field name (1 to 64 printable ASCII characters without spaces, commas or slashes)", ErrInvalid, at, f)
		}
		if i > 0 && fs[i-1] >= f {
			return fmt.Errorf("%w: %s: field names are listed once each, sorted", ErrInvalid, at)
		}
	}
	return nil
}

func checkText(at, s string, max int) error {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > max {
		return fmt.Errorf("%w: %s: at most %d characters of text", ErrInvalid, at, max)
	}
	if strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return fmt.Errorf("%w: %s: no control characters or line breaks", ErrInvalid, at)
	}
	return nil
}

func strict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %s", ErrInvalid, strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: there is more after the object", ErrInvalid)
	}
	if !bytes.Equal(bytes.TrimSpace(b), canonicalOf(v)) {
		return fmt.Errorf("%w: not in canonical form (keys in order, lists sorted, no whitespace, no zero values written)", ErrInvalid)
	}
	return nil
}

func canonicalOf(v any) []byte {
	switch x := v.(type) {
	case *Description:
		return x.Bytes()
	case *Wants:
		return x.Bytes()
	}
	return nil
}

func sortedCopy(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func mustJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
