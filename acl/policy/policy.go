// Package policy holds the usage-policy documents pdx binds to offers and
// grants: a profile of W3C ODRL 2.2 in JSON-LD, with purposes from the W3C
// Data Privacy Vocabulary (DPV). A policy says what a grantee may do with a
// dataset — for which purposes, which actions are permitted and which
// prohibited, for how long, how many reads, with attribution and under
// which licence — in a form a machine checks and a person reads
// (Describe). The profile is specified in docs/policy.md; its vectors are
// in testdata.
//
// A policy is stored on IPFS as one raw block of its canonical bytes
// (Bytes), so its SHA-256 (Hash) is also its CID's digest (CID): the chain
// records only the 32 bytes, in a grant's purposeHash and an offer's
// termsHash, and any node finds and checks the document from them.
package policy

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/describe"
	"github.com/pdx-network/pdx/internal/errkind"
)

// Profile is the IRI of this profile of ODRL, the "profile" of every pdx
// policy; a later incompatible profile gets a new one and readers keep
// reading this.
const Profile = "urn:pdx:odrl-profile:v1"

// ProfileFields is the profile of a policy that covers some fields only of
// a split dataset (docs/policy.md, "Fields"): version 2, which adds the
// fields constraint to version 1 and nothing else. A policy without fields
// is written under Profile, byte for byte as before; one with fields under
// ProfileFields, and a version-2 document must name its fields.
const ProfileFields = "urn:pdx:odrl-profile:v2"

// ProfileDescribed is the profile of a policy that also says what data it
// is about (docs/policy.md, "Descriptions and wants"): version 3 adds to
// version 2 an offered dataset's self-description ("pdx:dataset") and a
// campaign's wants ("pdx:wants"), both of acl/describe, and the "pdx"
// prefix in the context. A policy with neither is written under v1 or v2,
// byte for byte as before.
const ProfileDescribed = "urn:pdx:odrl-profile:v3"

// MaxFields bounds the fields a policy names (a split version's most).
const MaxFields = 64

// MaxSize bounds a policy document, as stored and as read from IPFS: the
// bound of an offer's terms, since an offer's policy is read as its terms.
const MaxSize = 16 << 10

// MaxDescription bounds a policy's description (the offer's terms text),
// leaving the rest of MaxSize to the policy's terms.
const MaxDescription = 8 << 10

// MaxReadLimit bounds a policy's read limit (its count constraint).
const MaxReadLimit = 1_000_000_000

// MaxDuration bounds a policy's duration (its elapsedTime constraint).
const MaxDuration = 100 * 365 * 24 * time.Hour

// ErrInvalid is every refusal of a malformed policy: bad input, which
// changes nothing. Its messages say what is wrong and where.
var ErrInvalid = errkind.New(errkind.Usage, "invalid policy")

// ErrUnknownPurpose: a purpose named for a read is not one of the DPV
// purposes pdx knows (Purposes).
var ErrUnknownPurpose = errkind.New(errkind.Usage, "unknown purpose")

// ErrPurposeRefused: the policy does not permit the purpose named.
var ErrPurposeRefused = errkind.New(errkind.Refused, "purpose not permitted by the policy")

// ErrUnknownPreset: Load was given neither a preset name nor a readable
// policy file.
var ErrUnknownPreset = errkind.New(errkind.Usage, "no such policy preset or file")

// Policy is one usage-policy document, parsed and checked. Purposes,
// Permitted and Prohibited are sorted and hold no duplicates; a Policy
// made by hand is checked by Validate before it is stored.
type Policy struct {
	// UID is the document's ODRL uid, an IRI; optional, since pdx names a
	// policy by its hash.
	UID string
	// Description is the policy in the owner's words: an offer's terms.
	Description string
	// License is the IRI of a licence the data is under, if any.
	License string
	// Purposes are the DPV purposes ("dpv:…" terms) the data may be used
	// for, each with the narrower purposes under it; none means any.
	Purposes []string
	// Permitted and Prohibited are ODRL actions (Actions).
	Permitted  []string
	Prohibited []string
	// Duration is how long a grant under the policy lasts from when it is
	// made (elapsedTime); 0 means the policy sets no duration.
	Duration time.Duration
	// Until is the instant after which nothing is permitted (dateTime);
	// zero means none.
	Until time.Time
	// Reads is the most reads a grantee may make (count); 0 means no limit.
	Reads int
	// Attribution is the duty to credit the data's owner.
	Attribution bool
	// Fields are the field groups of a split dataset the policy covers
	// (node/fieldsplit/FIELDS.md), sorted; none means the whole dataset.
	// The grant's bundle carries kfrags of these fields only: what the
	// policy says, the cryptography enforces.
	Fields []string
	// Attestations are the CIDs (raw blocks on IPFS) of off-chain source
	// attestations of the dataset's versions that the owner published
	// (dct:references), so that a grantee finds and verifies them itself;
	// each is verified like any other attestation, never trusted for being
	// named here. Not a term of use: a reader of the policy's words sees
	// them listed.
	Attestations []string
	// Dataset is what an offer's dataset says about itself (title,
	// category, fields, rows, period, size, attesters), published with
	// the offer so a brand does not buy blind; nil on other policies.
	Dataset *describe.Description
	// Wants is what a campaign asks of a dataset (category, fields,
	// period, rows, attestation); an owner's agent joins only with a
	// dataset whose description meets them. Nil on other policies.
	Wants *describe.Wants
}

// MaxAttestations bounds the off-chain attestations a policy names.
const MaxAttestations = 16

// Parse reads a policy document strictly: malformed JSON, a key twice, a
// key or a value the profile does not have, an unknown DPV purpose or ODRL
// action, or a bad constraint is refused with ErrInvalid, saying what and
// where.
func Parse(b []byte) (*Policy, error) {
	if len(b) > MaxSize {
		return nil, invalid("", "the document is %d bytes; a policy is at most %d", len(b), MaxSize)
	}
	if !utf8.Valid(b) {
		return nil, invalid("", "the document is not UTF-8 text")
	}
	var d doc
	if err := decodeStrict(b, &d); err != nil {
		return nil, err
	}
	return d.policy()
}

// IsDocument reports whether b claims to be a policy of this profile: a
// JSON object whose "profile" is Profile. A node that reads 32 bytes' worth
// of block from IPFS (an offer's terms) tells a policy from a plain terms
// text of earlier offers by it; a block that claims to be a policy must
// then Parse, or it is refused.
func IsDocument(b []byte) bool {
	var head struct {
		Profile string `json:"profile"`
	}
	return json.Unmarshal(b, &head) == nil && (head.Profile == Profile || head.Profile == ProfileFields || head.Profile == ProfileDescribed)
}

// Validate checks a Policy made by hand as Parse checks a document.
func (p *Policy) Validate() error {
	_, err := Parse(p.Bytes())
	return err
}

// Bytes is the policy's canonical JSON-LD: the bytes pdx stores on IPFS
// and hashes. Keys are in the order of docs/policy.md, lists sorted,
// constraints in the order purpose, elapsedTime, dateTime, count, no
// insignificant whitespace, no HTML escaping; two equal policies have equal
// bytes.
func (p *Policy) Bytes() []byte { return p.doc().canonical() }

// Hash is the SHA-256 of Bytes: what the chain records for the policy.
func (p *Policy) Hash() [32]byte { return sha256.Sum256(p.Bytes()) }

// CID is the CID of the raw IPFS block holding Bytes.
func (p *Policy) CID() cid.Cid { return CIDOf(p.Hash()) }

// CIDOf is the CIDv1 (raw codec, sha2-256) of the one raw block whose
// SHA-256 is h — a policy's, an offer's terms text's or a kfrag bundle's —
// so a node finds a document from the 32 bytes the chain records.
func CIDOf(h [32]byte) cid.Cid {
	c, _ := cid.Cast(acl.BundleCID(h))
	return c
}

// Permits checks a purpose a read is made for against the policy: nil
// when the policy permits it (it names it, or a broader DPV purpose of it,
// or no purposes at all), ErrPurposeRefused when it does not, and
// ErrUnknownPurpose when purpose is not a DPV purpose pdx knows. A purpose
// may be named "dpv:CommercialResearch", by its IRI or as
// "CommercialResearch".
func (p *Policy) Permits(purpose string) error {
	if strings.TrimSpace(purpose) == "" {
		return fmt.Errorf("%w: name the purpose of the read, a DPV purpose such as dpv:ResearchAndDevelopment", ErrUnknownPurpose)
	}
	term, ok := normPurpose(purpose)
	if !ok {
		return fmt.Errorf("%w: %q is not one of the DPV purposes pdx knows (see docs/policy.md)", ErrUnknownPurpose, purpose)
	}
	if len(p.Purposes) == 0 {
		return nil
	}
	for _, q := range p.Purposes {
		if within(strings.TrimPrefix(term, "dpv:"), strings.TrimPrefix(q, "dpv:")) {
			return nil
		}
	}
	return fmt.Errorf("%w: the policy permits %s, not %s", ErrPurposeRefused, wordList(p.Purposes, purposeWords), purposeWords(term))
}

// MaxReads is the policy's read limit, if it has one.
func (p *Policy) MaxReads() (int, bool) { return p.Reads, p.Reads > 0 }

// PermitsAction reports whether the policy permits an ODRL action.
func (p *Policy) PermitsAction(action string) bool { return slices.Contains(p.Permitted, action) }

// Expiry is when a grant made at t under the policy ends: the earlier of
// t+Duration and Until; zero when the policy sets neither.
func (p *Policy) Expiry(t time.Time) time.Time {
	var e time.Time
	if p.Duration > 0 {
		e = t.Add(p.Duration)
	}
	if !p.Until.IsZero() && (e.IsZero() || p.Until.Before(e)) {
		e = p.Until
	}
	return e
}

// Describe is the policy in plain English, one line per term, in a fixed
// order: purposes, permitted and prohibited actions, duration, reads,
// attribution, licence, the dataset's description and a campaign's wants
// (profile v3), and the owner's own words last.
func (p *Policy) Describe() []string {
	var out []string
	if len(p.Purposes) == 0 {
		out = append(out, "Purposes: any.")
	} else {
		out = append(out, "Purposes: "+wordList(p.Purposes, purposeWords)+".")
	}
	out = append(out, "Permitted: "+wordList(inOrder(p.Permitted), ActionWords)+".")
	if len(p.Prohibited) > 0 {
		out = append(out, "Prohibited: "+wordList(inOrder(p.Prohibited), ActionWords)+".")
	}
	if p.Duration > 0 {
		out = append(out, "Duration: "+durationWords(p.Duration)+" from the grant.")
	}
	if !p.Until.IsZero() {
		out = append(out, "Ends: "+p.Until.UTC().Format("2006-01-02 15:04:05 UTC")+".")
	}
	if n, ok := p.MaxReads(); ok {
		if n == 1 {
			out = append(out, "Reads: at most 1.")
		} else {
			out = append(out, fmt.Sprintf("Reads: at most %d.", n))
		}
	}
	if p.Attribution {
		out = append(out, "Attribution: credit the data's owner.")
	}
	if len(p.Fields) > 0 {
		out = append(out, "Fields: "+strings.Join(p.Fields, ", ")+" (no other field).")
	}
	if p.License != "" {
		out = append(out, "Licence: "+p.License+".")
	}
	if len(p.Attestations) > 0 {
		out = append(out, fmt.Sprintf("Source attestations published with it: %d (off chain, verified at each get).", len(p.Attestations)))
	}
	if p.Dataset != nil {
		out = append(out, p.Dataset.Lines()...)
	}
	if p.Wants != nil {
		out = append(out, p.Wants.Line())
	}
	if p.Description != "" {
		out = append(out, "Terms: "+p.Description)
	}
	return out
}

// ---------------------------------------------------------------- presets

// presets are the policies pdx ships, by name; docs/policy.md lists them.
var presets = map[string]Policy{
	"analytics-only": {
		Description: "Analytics only: the buyer may use and aggregate the data for research and to improve its services; it may not share the data with third parties nor resell it.",
		Purposes:    []string{"dpv:ResearchAndDevelopment", "dpv:ServiceOptimisation"},
		Permitted:   []string{"aggregate", "use"},
		Prohibited:  []string{"distribute", "sell"},
	},
	"research-only": {
		Description: "Non-commercial and academic research only, crediting the owner; no sharing with third parties, no resale.",
		Purposes:    []string{"dpv:AcademicResearch", "dpv:NonCommercialResearch"},
		Permitted:   []string{"aggregate", "derive", "use"},
		Prohibited:  []string{"distribute", "sell"},
		Attribution: true,
	},
	"personalisation": {
		Description: "Personalisation of the buyer's service to the person only; no marketing, no sharing with third parties, no resale.",
		Purposes:    []string{"dpv:ServicePersonalisation"},
		Permitted:   []string{"use"},
		Prohibited:  []string{"aggregate", "distribute", "sell"},
	},
	"no-resale": {
		Description: "Any purpose, but the data stays with the buyer: no sharing with third parties, no resale.",
		Permitted:   []string{"aggregate", "derive", "use"},
		Prohibited:  []string{"distribute", "sell"},
	},
	"open-cc-by": {
		Description: "Open data under Creative Commons Attribution 4.0: anyone may use, copy, share and adapt it, for any purpose, crediting the owner.",
		License:     "https://creativecommons.org/licenses/by/4.0/",
		Permitted:   []string{"aggregate", "derive", "distribute", "reproduce", "use"},
		Attribution: true,
	},
}

// Presets lists the preset names, sorted.
func Presets() []string {
	out := make([]string, 0, len(presets))
	for n := range presets {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Preset returns a copy of the preset policy name.
func Preset(name string) (*Policy, bool) {
	p, ok := presets[name]
	if !ok {
		return nil, false
	}
	c := p
	c.Purposes = slices.Clone(p.Purposes)
	c.Permitted = slices.Clone(p.Permitted)
	c.Prohibited = slices.Clone(p.Prohibited)
	return &c, true
}

// Load is what a --policy flag names: a preset's name, or the path of a
// policy document, parsed strictly.
func Load(arg string) (*Policy, error) {
	if p, ok := Preset(arg); ok {
		return p, nil
	}
	f, err := os.Open(arg)
	if errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(arg, `/\.`) {
		return nil, fmt.Errorf("%w: %q is not a preset (%s) nor a file", ErrUnknownPreset, arg, strings.Join(Presets(), ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("%w: reading the policy file: %v", ErrUnknownPreset, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: reading the policy file %s: %v", ErrUnknownPreset, arg, err)
	}
	p, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", arg, err)
	}
	return p, nil
}

// ---------------------------------------------------------------- helpers

func invalid(at, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if at == "" {
		return fmt.Errorf("%w: %s", ErrInvalid, msg)
	}
	return fmt.Errorf("%w at %s: %s", ErrInvalid, at, msg)
}

// wordList joins terms in words: "a, b and c".
func wordList(terms []string, words func(string) string) string {
	ws := make([]string, len(terms))
	for i, t := range terms {
		ws[i] = words(t)
	}
	switch len(ws) {
	case 0:
		return "nothing"
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

func durationWords(d time.Duration) string {
	var parts []string
	unit := func(n int64, one string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", n, one))
		}
	}
	s := int64(d / time.Second)
	unit(s/86400, "day")
	unit(s%86400/3600, "hour")
	unit(s%3600/60, "minute")
	unit(s%60, "second")
	return strings.Join(parts, " ")
}

// checkText refuses a description a person cannot read safely: not UTF-8
// (checked for the whole document), control characters but newline and
// tab, or too long.
func checkText(at, s string, max int) error {
	if len(s) > max {
		return invalid(at, "the text is %d bytes; at most %d", len(s), max)
	}
	if strings.TrimSpace(s) == "" {
		return invalid(at, "the text is empty; leave the key out instead")
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return invalid(at, "the text holds the control character %U; use plain text", r)
		}
	}
	return nil
}
