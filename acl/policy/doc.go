package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"

	"github.com/pdx-network/pdx/acl/describe"
)

// The JSON-LD context every pdx policy names: ODRL's, and the prefixes the
// profile's terms use.
const (
	odrlContext = "http://www.w3.org/ns/odrl.jsonld"
	dctNS       = "http://purl.org/dc/terms/"
	xsdNS       = "http://www.w3.org/2001/XMLSchema#"
)

// pdxNS is the IRI the "pdx:" prefix of profile v3's members stands for.
const pdxNS = "urn:pdx:vocab#"

// context is the one @context a policy of profile v1 or v2 has, in
// canonical form.
func context() []any {
	return []any{odrlContext, map[string]any{"dct": dctNS, "dpv": DPVNamespace, "xsd": xsdNS}}
}

// contextV3 is the @context of profile v3: v1's with the pdx prefix.
func contextV3() []any {
	return []any{odrlContext, map[string]any{"dct": dctNS, "dpv": DPVNamespace, "pdx": pdxNS, "xsd": xsdNS}}
}

// doc is the document's JSON form, its fields in the canonical key order.
type doc struct {
	Context     json.RawMessage `json:"@context"`
	Type        string          `json:"@type"`
	UID         string          `json:"uid,omitempty"`
	Profile     string          `json:"profile"`
	Description *string         `json:"dct:description,omitempty"`
	License     *string         `json:"dct:license,omitempty"`
	References  []string        `json:"dct:references,omitempty"`
	Dataset     json.RawMessage `json:"pdx:dataset,omitempty"`
	Wants       json.RawMessage `json:"pdx:wants,omitempty"`
	Permission  []rule          `json:"permission"`
	Prohibition []rule          `json:"prohibition,omitempty"`
}

type rule struct {
	Action     json.RawMessage `json:"action"`
	Constraint []constraint    `json:"constraint,omitempty"`
	Duty       []duty          `json:"duty,omitempty"`
}

type constraint struct {
	LeftOperand  string          `json:"leftOperand"`
	Operator     string          `json:"operator"`
	RightOperand json.RawMessage `json:"rightOperand"`
}

type duty struct {
	Action string `json:"action"`
}

// typed is an ODRL typed literal, {"@value": …, "@type": "xsd:…"}.
type typed struct {
	Value string `json:"@value"`
	Type  string `json:"@type"`
}

// decodeStrict decodes b into v refusing duplicate keys, unknown keys,
// ill-typed values and anything after the document.
func decodeStrict(b []byte, v any) error {
	if err := noDuplicates(b); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return invalid("", "there is more after the policy document; a file holds one JSON object")
	}
	return nil
}

// jsonError says a decoding error in plain words, with where it is.
func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return invalid(fmt.Sprintf("byte %d", se.Offset), "this is not valid JSON: %s", strings.TrimPrefix(se.Error(), "invalid character "))
	case errors.As(err, &te):
		at := te.Field
		if at == "" {
			at = "the top"
		}
		return invalid(at, "expected %s, found a JSON %s", jsonKind(te.Type.Kind().String()), te.Value)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("", "the document is empty or cut short; a policy is one JSON object")
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return invalid("", "the key %s is not part of the pdx policy profile (see docs/policy.md)", f)
	}
	return invalid("", "%s", strings.TrimPrefix(err.Error(), "json: "))
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object"
	case "int", "int64", "float64":
		return "a number"
	case "bool":
		return "true or false"
	}
	return "another type"
}

// noDuplicates refuses an object with a key twice: JSON readers disagree on
// which one counts, so a document could mean one thing to pdx and another
// to a reader elsewhere.
func noDuplicates(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var walk func(path string) error
	walk = func(path string) error {
		t, err := dec.Token()
		if err != nil {
			return jsonError(err)
		}
		switch t {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return jsonError(err)
				}
				key, _ := k.(string)
				if seen[key] {
					return invalid(path, "the key %q appears twice", key)
				}
				seen[key] = true
				if err := walk(join(path, key)); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return jsonError(err)
			}
			return nil
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return jsonError(err)
			}
		}
		return nil
	}
	return walk("")
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// policy checks a decoded document against the profile.
func (d *doc) policy() (*Policy, error) {
	p := &Policy{}
	var ctx any
	if len(d.Context) == 0 {
		return nil, invalid("@context", "missing; it must be %s", mustJSON(context()))
	}
	wantCtx := context()
	if d.Profile == ProfileDescribed {
		wantCtx = contextV3()
	}
	if err := json.Unmarshal(d.Context, &ctx); err != nil || !reflect.DeepEqual(ctx, wantCtx) {
		return nil, invalid("@context", "it must be %s (ODRL's context and the prefixes of profile %s)", mustJSON(wantCtx), d.Profile)
	}
	if d.Type != "Set" {
		return nil, invalid("@type", "it must be \"Set\" (a policy pdx binds to an offer or a grant), not %q", d.Type)
	}
	if d.Profile != Profile && d.Profile != ProfileFields && d.Profile != ProfileDescribed {
		return nil, invalid("profile", "it must be %q (or %q for a policy of some fields, %q for one that describes a dataset or a campaign's wants), not %q", Profile, ProfileFields, ProfileDescribed, d.Profile)
	}
	if d.UID != "" {
		if err := checkIRI("uid", d.UID); err != nil {
			return nil, err
		}
		p.UID = d.UID
	}
	if d.Description != nil {
		if err := checkText("dct:description", *d.Description, MaxDescription); err != nil {
			return nil, err
		}
		p.Description = *d.Description
	}
	if d.License != nil {
		if err := checkIRI("dct:license", *d.License); err != nil {
			return nil, err
		}
		p.License = *d.License
	}
	if d.References != nil {
		refs, err := parseReferences(d.References)
		if err != nil {
			return nil, err
		}
		p.Attestations = refs
	}
	if d.Dataset != nil {
		desc, err := describe.ParseDescription(d.Dataset)
		if err != nil {
			return nil, invalid("pdx:dataset", "%s", strings.TrimPrefix(err.Error(), describe.ErrInvalid.Error()+": "))
		}
		p.Dataset = desc
	}
	if d.Wants != nil {
		w, err := describe.ParseWants(d.Wants)
		if err != nil {
			return nil, invalid("pdx:wants", "%s", strings.TrimPrefix(err.Error(), describe.ErrInvalid.Error()+": "))
		}
		p.Wants = w
	}
	if len(d.Permission) != 1 {
		return nil, invalid("permission", "a policy has exactly one permission rule (it has %d): list its actions and constraints in it", len(d.Permission))
	}
	perm := d.Permission[0]
	var err error
	if p.Permitted, err = parseActions("permission[0].action", perm.Action); err != nil {
		return nil, err
	}
	if err := p.constraints(perm.Constraint); err != nil {
		return nil, err
	}
	// One profile per policy: version 3 exactly when it describes a
	// dataset or wants; otherwise version 2 exactly when it names fields.
	described := p.Dataset != nil || p.Wants != nil
	if (d.Profile == ProfileDescribed) != described {
		if described {
			return nil, invalid("profile", "a policy with pdx:dataset or pdx:wants is of profile %q", ProfileDescribed)
		}
		return nil, invalid("profile", "a policy of profile %q has pdx:dataset or pdx:wants", ProfileDescribed)
	}
	if !described && (d.Profile == ProfileFields) != (len(p.Fields) > 0) {
		if len(p.Fields) > 0 {
			return nil, invalid("profile", "a policy with a fields constraint is of profile %q", ProfileFields)
		}
		return nil, invalid("profile", "a policy of profile %q names its fields (a fields constraint); without one it is of profile %q", ProfileFields, Profile)
	}
	for i, du := range perm.Duty {
		if du.Action != "attribute" {
			return nil, invalid(fmt.Sprintf("permission[0].duty[%d].action", i), "the only duty a pdx policy has is \"attribute\", not %q", du.Action)
		}
		if p.Attribution {
			return nil, invalid(fmt.Sprintf("permission[0].duty[%d]", i), "the attribution duty is named twice")
		}
		p.Attribution = true
	}
	switch len(d.Prohibition) {
	case 0:
	case 1:
		pr := d.Prohibition[0]
		if len(pr.Constraint) > 0 || len(pr.Duty) > 0 {
			return nil, invalid("prohibition[0]", "a prohibition lists actions only, without constraints or duties")
		}
		if p.Prohibited, err = parseActions("prohibition[0].action", pr.Action); err != nil {
			return nil, err
		}
		for _, a := range p.Prohibited {
			if slices.Contains(p.Permitted, a) {
				return nil, invalid("prohibition[0].action", "%q is both permitted and prohibited", a)
			}
		}
	default:
		return nil, invalid("prohibition", "a policy has at most one prohibition rule (it has %d): list all prohibited actions in it", len(d.Prohibition))
	}
	return p, nil
}

// parseActions reads a rule's action: one ODRL action or a list of them.
func parseActions(at string, raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 {
		return nil, invalid(at, "missing; name at least one action (%s)", strings.Join(Actions(), ", "))
	}
	var list []string
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		list = []string{one}
	} else if err := json.Unmarshal(raw, &list); err != nil {
		return nil, invalid(at, "expected an action or a list of actions (strings)")
	}
	if len(list) == 0 {
		return nil, invalid(at, "the list is empty; name at least one action (%s)", strings.Join(Actions(), ", "))
	}
	for i, a := range list {
		if _, ok := actions[a]; !ok {
			return nil, invalid(fmt.Sprintf("%s[%d]", at, i), "%q is not an action of the profile (%s)", a, strings.Join(Actions(), ", "))
		}
	}
	sort.Strings(list)
	if i := dupAt(list); i >= 0 {
		return nil, invalid(at, "%q is named twice", list[i])
	}
	return list, nil
}

func dupAt(sorted []string) int {
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return i
		}
	}
	return -1
}

var durationRE = regexp.MustCompile(`^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// constraints reads the permission's constraints, each left operand once.
func (p *Policy) constraints(cs []constraint) error {
	seen := map[string]bool{}
	for i, c := range cs {
		at := fmt.Sprintf("permission[0].constraint[%d]", i)
		if seen[c.LeftOperand] {
			return invalid(at, "the constraint on %q is given twice", c.LeftOperand)
		}
		seen[c.LeftOperand] = true
		if len(c.RightOperand) == 0 {
			return invalid(at+".rightOperand", "missing")
		}
		switch c.LeftOperand {
		case "purpose":
			if err := p.purposeConstraint(at, c); err != nil {
				return err
			}
		case "count":
			if c.Operator != "lteq" {
				return invalid(at+".operator", "a count (read limit) takes the operator \"lteq\", not %q", c.Operator)
			}
			n, err := strconv.ParseInt(string(bytes.TrimSpace(c.RightOperand)), 10, 64)
			if err != nil || n < 1 || n > MaxReadLimit {
				return invalid(at+".rightOperand", "the read limit must be a whole number from 1 to %d, not %s", MaxReadLimit, c.RightOperand)
			}
			p.Reads = int(n)
		case "elapsedTime":
			if c.Operator != "lteq" {
				return invalid(at+".operator", "an elapsedTime (duration) takes the operator \"lteq\", not %q", c.Operator)
			}
			v, err := typedValue(at+".rightOperand", c.RightOperand, "xsd:duration")
			if err != nil {
				return err
			}
			d, err := parseDuration(v)
			if err != nil {
				return invalid(at+".rightOperand", "%v", err)
			}
			p.Duration = d
		case "dateTime":
			if c.Operator != "lteq" {
				return invalid(at+".operator", "a dateTime (end) takes the operator \"lteq\", not %q", c.Operator)
			}
			v, err := typedValue(at+".rightOperand", c.RightOperand, "xsd:dateTime")
			if err != nil {
				return err
			}
			t, err := time.Parse(time.RFC3339, v)
			if err != nil || !strings.HasSuffix(v, "Z") || t.Nanosecond() != 0 {
				return invalid(at+".rightOperand", "%q is not a UTC time in whole seconds such as 2027-01-31T00:00:00Z", v)
			}
			p.Until = t.UTC()
		case "fields":
			if err := p.fieldsConstraint(at, c); err != nil {
				return err
			}
		case "":
			return invalid(at+".leftOperand", "missing; it is one of purpose, count, elapsedTime, dateTime, fields")
		default:
			return invalid(at+".leftOperand", "%q is not a constraint of the profile (purpose, count, elapsedTime, dateTime, fields)", c.LeftOperand)
		}
	}
	return nil
}

func (p *Policy) purposeConstraint(at string, c constraint) error {
	var list []string
	switch c.Operator {
	case "eq":
		var one string
		if err := json.Unmarshal(c.RightOperand, &one); err != nil {
			return invalid(at+".rightOperand", "with \"eq\" the purpose is one string such as \"dpv:ResearchAndDevelopment\"")
		}
		list = []string{one}
	case "isAnyOf":
		if err := json.Unmarshal(c.RightOperand, &list); err != nil || len(list) == 0 {
			return invalid(at+".rightOperand", "with \"isAnyOf\" the purposes are a non-empty list of strings such as [\"dpv:ResearchAndDevelopment\"]")
		}
	default:
		return invalid(at+".operator", "a purpose takes the operator \"isAnyOf\" (or \"eq\" for one), not %q", c.Operator)
	}
	for i, s := range list {
		if !strings.HasPrefix(s, "dpv:") {
			return invalid(fmt.Sprintf("%s.rightOperand[%d]", at, i), "%q is not a DPV purpose; write it as a dpv: term such as \"dpv:ResearchAndDevelopment\"", s)
		}
		term, ok := normPurpose(s)
		if !ok {
			return invalid(fmt.Sprintf("%s.rightOperand[%d]", at, i), "%q is not one of the DPV purposes pdx knows (see docs/policy.md)", s)
		}
		list[i] = term
	}
	sort.Strings(list)
	if i := dupAt(list); i >= 0 {
		return invalid(at+".rightOperand", "%q is named twice", list[i])
	}
	p.Purposes = list
	return nil
}

func typedValue(at string, raw json.RawMessage, typ string) (string, error) {
	var v typed
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil || v.Type != typ || v.Value == "" {
		return "", invalid(at, "expected {\"@value\": …, \"@type\": %q}", typ)
	}
	return v.Value, nil
}

// parseDuration reads the ISO 8601 durations of the profile: weeks, days,
// hours, minutes and seconds (years and months have no fixed length).
func parseDuration(s string) (time.Duration, error) {
	m := durationRE.FindStringSubmatch(s)
	if m == nil || s == "P" || strings.HasSuffix(s, "T") {
		return 0, fmt.Errorf("%q is not a duration such as P30D or PT12H (weeks, days, hours, minutes, seconds; no years or months)", s)
	}
	units := []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second}
	var d time.Duration
	for i, u := range units {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.ParseInt(m[i+1], 10, 64)
		if err != nil || n > int64(MaxDuration/u) {
			return 0, fmt.Errorf("%q is longer than %d days", s, MaxDuration/(24*time.Hour))
		}
		d += time.Duration(n) * u
	}
	if d <= 0 || d > MaxDuration {
		return 0, fmt.Errorf("%q must be longer than zero and at most %d days", s, MaxDuration/(24*time.Hour))
	}
	return d, nil
}

// formatDuration is a duration's canonical ISO 8601 form: days, then
// hours, minutes, seconds, each only when not zero (P30D, P1DT12H, PT90S
// is PT1M30S).
func formatDuration(d time.Duration) string {
	s := int64(d / time.Second)
	out := "P"
	if days := s / 86400; days > 0 {
		out += strconv.FormatInt(days, 10) + "D"
	}
	h, m, sec := s%86400/3600, s%3600/60, s%60
	if h+m+sec > 0 {
		out += "T"
		if h > 0 {
			out += strconv.FormatInt(h, 10) + "H"
		}
		if m > 0 {
			out += strconv.FormatInt(m, 10) + "M"
		}
		if sec > 0 {
			out += strconv.FormatInt(sec, 10) + "S"
		}
	}
	return out
}

func checkIRI(at, s string) error {
	if len(s) > 512 {
		return invalid(at, "the IRI is %d bytes; at most 512", len(s))
	}
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || rest == "" || !(scheme == "https" || scheme == "http" || scheme == "urn") || strings.ContainsAny(s, " \t\n<>\"{}|\\^`") {
		return invalid(at, "%q is not an absolute IRI (https:…, http:… or urn:…)", s)
	}
	return nil
}

// parseReferences reads dct:references: the off-chain source attestations
// of the dataset's versions the owner published (contracts/spec/
// attestation-v1.md, "Off-chain attestations a grantee finds"), each an
// ipfs:// IRI of a raw block (CIDv1, raw codec, sha2-256), none twice, at
// most MaxAttestations; sorted in the canonical form.
func parseReferences(refs []string) ([]string, error) {
	if len(refs) == 0 || len(refs) > MaxAttestations {
		return nil, invalid("dct:references", "a list of 1 to %d ipfs:// IRIs of off-chain attestations (%d given)", MaxAttestations, len(refs))
	}
	out := make([]string, 0, len(refs))
	for i, r := range refs {
		at := fmt.Sprintf("dct:references[%d]", i)
		s, ok := strings.CutPrefix(r, "ipfs://")
		c, err := cid.Decode(s)
		if !ok || err != nil || c.Version() != 1 || c.Type() != cid.Raw || c.String() != s || c.Prefix().MhType != mh.SHA2_256 {
			return nil, invalid(at, "%q is not ipfs:// and the CID of a raw block (bafkrei…) of an off-chain attestation", r)
		}
		if slices.Contains(out, s) {
			return nil, invalid(at, "%q appears twice", r)
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out, nil
}

// doc is the policy as its canonical document.
func (p *Policy) doc() *doc {
	d := &doc{Context: mustJSON(context()), Type: "Set", UID: p.UID, Profile: Profile}
	if len(p.Fields) > 0 {
		d.Profile = ProfileFields
	}
	if p.Dataset != nil || p.Wants != nil {
		d.Profile, d.Context = ProfileDescribed, mustJSON(contextV3())
	}
	if p.Dataset != nil {
		d.Dataset = p.Dataset.Bytes()
	}
	if p.Wants != nil {
		d.Wants = p.Wants.Bytes()
	}
	if p.Description != "" {
		d.Description = &p.Description
	}
	if p.License != "" {
		d.License = &p.License
	}
	for _, a := range sorted(p.Attestations) {
		d.References = append(d.References, "ipfs://"+a)
	}
	perm := rule{Action: mustJSON(sorted(p.Permitted))}
	if len(p.Purposes) > 0 {
		perm.Constraint = append(perm.Constraint, constraint{"purpose", "isAnyOf", mustJSON(sorted(p.Purposes))})
	}
	if p.Duration > 0 {
		perm.Constraint = append(perm.Constraint, constraint{"elapsedTime", "lteq", mustJSON(typed{formatDuration(p.Duration), "xsd:duration"})})
	}
	if !p.Until.IsZero() {
		perm.Constraint = append(perm.Constraint, constraint{"dateTime", "lteq", mustJSON(typed{p.Until.UTC().Format(time.RFC3339), "xsd:dateTime"})})
	}
	if p.Reads > 0 {
		perm.Constraint = append(perm.Constraint, constraint{"count", "lteq", mustJSON(p.Reads)})
	}
	if len(p.Fields) > 0 {
		perm.Constraint = append(perm.Constraint, constraint{"fields", "isAnyOf", mustJSON(sorted(p.Fields))})
	}
	if p.Attribution {
		perm.Duty = []duty{{"attribute"}}
	}
	d.Permission = []rule{perm}
	if len(p.Prohibited) > 0 {
		d.Prohibition = []rule{{Action: mustJSON(sorted(p.Prohibited))}}
	}
	return d
}

func (d *doc) canonical() []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		panic(err) // only strings, numbers and lists: cannot fail
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	if c == nil {
		c = []string{}
	}
	sort.Strings(c)
	return c
}

func mustJSON(v any) json.RawMessage {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// fieldsConstraint reads the fields a policy covers: {"leftOperand":
// "fields","operator":"isAnyOf","rightOperand":["age","city"]}, names as a
// split version names its field groups (node/fieldsplit/FIELDS.md).
func (p *Policy) fieldsConstraint(at string, c constraint) error {
	if c.Operator != "isAnyOf" {
		return invalid(at+".operator", "a fields constraint takes the operator \"isAnyOf\", not %q", c.Operator)
	}
	var list []string
	if err := json.Unmarshal(c.RightOperand, &list); err != nil || len(list) == 0 || len(list) > MaxFields {
		return invalid(at+".rightOperand", "a list of 1 to %d field names, such as [\"age\",\"city\"]", MaxFields)
	}
	seen := map[string]bool{}
	for _, f := range list {
		if f == "" || len(f) > 64 || strings.ContainsFunc(f, func(r rune) bool { return r <= ' ' || r > '~' || r == ',' || r == '/' }) {
			return invalid(at+".rightOperand", "%q is not a field name (1 to 64 printable ASCII characters without spaces, commas or slashes)", f)
		}
		if seen[f] {
			return invalid(at+".rightOperand", "the field %q is named twice", f)
		}
		seen[f] = true
	}
	p.Fields = sorted(list)
	return nil
}
