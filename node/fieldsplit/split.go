// Package fieldsplit splits a structured document — a JSON object or a CSV
// table — into field groups, each of which pdx seals under a key of its own,
// joins any subset of the groups back into a valid document, and reads and
// writes the manifest that lists a split version's groups (FIELDS.md).
//
// It knows nothing of keys or storage: the service seals each group's bytes
// as an ordinary envelope and records the envelopes in the manifest.
package fieldsplit

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pdx-network/pdx/internal/errkind"
)

// Format is the kind of document a split version holds.
type Format string

// The formats this version splits.
const (
	JSON Format = "json"
	CSV  Format = "csv"
)

// MaxDocument bounds a document split in one put: splitting needs the whole
// document in memory (every group is a slice of it), unlike a plain put,
// which streams.
const MaxDocument = 64 << 20

// MaxFields bounds the field groups of one version: each is an envelope,
// and each granted one a kfrag set in the grant's bundle.
const MaxFields = 64

// ErrBadInput: the document, the schema or the field names are not what a
// field split accepts. The message says what and how to fix it.
var ErrBadInput = errkind.New(errkind.Usage, "cannot split into fields")

func bad(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadInput, fmt.Sprintf(format, args...))
}

// Group is a named set of paths sealed together: JSON Pointers (RFC 6901)
// into a JSON document, or column names of a CSV table.
type Group struct {
	Name  string   `json:"name"`
	Paths []string `json:"paths"`
}

// Schema groups a document's fields. Whatever it does not name becomes a
// group of its own (one per top-level key or column), so a schema never
// drops data.
type Schema struct {
	Version int     `json:"version"`
	Groups  []Group `json:"groups"`
}

// ParseSchema reads a schema file (FIELDS.md, "Schema").
func ParseSchema(b []byte) (*Schema, error) {
	var s Schema
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, bad("the fields schema is not valid: %v (want {\"version\":1,\"groups\":[{\"name\":\"contact\",\"paths\":[\"/email\",\"/phone\"]}]})", err)
	}
	if s.Version != 1 {
		return nil, bad("the fields schema is version %d; this pdx reads version 1", s.Version)
	}
	seen := map[string]bool{}
	for _, g := range s.Groups {
		if err := ValidName(g.Name); err != nil {
			return nil, err
		}
		if seen[g.Name] {
			return nil, bad("the fields schema names group %q twice", g.Name)
		}
		seen[g.Name] = true
		if len(g.Paths) == 0 {
			return nil, bad("group %q of the fields schema names no path", g.Name)
		}
	}
	return &s, nil
}

// ValidName checks a field group's name: 1 to 64 bytes of printable ASCII
// without spaces, commas or slashes (names are listed comma-separated on the
// command line and are part of the group's key label).
func ValidName(name string) error {
	if name == "" || len(name) > 64 {
		return bad("a field name must be 1 to 64 characters, got %q", name)
	}
	for _, r := range name {
		if r <= ' ' || r > '~' || r == ',' || r == '/' {
			return bad("field name %q has %q: use letters, digits and - _ . : only (a schema file can name a group for a key that has other characters)", name, r)
		}
	}
	return nil
}

// Part is one field group of a split document and its bytes: a JSON object
// holding only the group's paths, or a CSV table of only its columns.
type Part struct {
	Name  string
	Paths []string
	Data  []byte
}

// Split splits doc into its field groups: the schema's groups first, in its
// order, then one group per top-level key or column the schema left, in
// document order. order is the document's top-level keys or columns, as
// the manifest records them for Join.
func Split(f Format, doc []byte, s *Schema) (parts []Part, order []string, err error) {
	if len(doc) > MaxDocument {
		return nil, nil, bad("the document is %d bytes; a field split takes at most %d", len(doc), MaxDocument)
	}
	if s == nil {
		s = &Schema{Version: 1}
	}
	switch f {
	case JSON:
		parts, order, err = splitJSON(doc, s)
	case CSV:
		parts, order, err = splitCSV(doc, s)
	default:
		return nil, nil, bad("format %q cannot be split into fields (json or csv)", f)
	}
	if err != nil {
		return nil, nil, err
	}
	if len(parts) == 0 {
		return nil, nil, bad("the document has no fields to split")
	}
	if len(parts) > MaxFields {
		return nil, nil, bad("the document has %d field groups; at most %d (group them with a schema file)", len(parts), MaxFields)
	}
	return parts, order, nil
}

// Join reassembles the parts given (any subset of a split's groups, as
// name → bytes) into one document of format f. order is the manifest's.
func Join(f Format, order []string, groups []Group, data map[string][]byte) ([]byte, error) {
	switch f {
	case JSON:
		return joinJSON(order, groups, data)
	case CSV:
		return joinCSV(order, groups, data)
	}
	return nil, bad("format %q cannot be joined", f)
}

// ---- JSON ----

// object is a JSON object that keeps its keys' order; a value is either a
// nested *object or the raw bytes of any other JSON value.
type object struct {
	keys []string
	vals map[string]any
}

func newObject() *object { return &object{vals: map[string]any{}} }

func (o *object) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

func (o *object) del(k string) {
	delete(o.vals, k)
	o.keys = slices.DeleteFunc(o.keys, func(x string) bool { return x == k })
}

// parseObject reads one JSON object from dec, refusing duplicate keys
// (which JSON leaves undefined and a split would have to pick from).
func parseObject(dec *json.Decoder, at string) (*object, error) {
	o := newObject()
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k := t.(string)
		if _, dup := o.vals[k]; dup {
			return nil, bad("the JSON object at %q has the key %q twice", orRoot(at), k)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		p := at + "/" + escape(k)
		if t := bytes.TrimLeft(raw, " \t\r\n"); len(t) > 0 && t[0] == '{' {
			sub := json.NewDecoder(bytes.NewReader(t))
			if _, err := sub.Token(); err != nil {
				return nil, err
			}
			v, err := parseObject(sub, p)
			if err != nil {
				return nil, err
			}
			if _, err := sub.Token(); err != nil {
				return nil, err
			}
			o.set(k, v)
			continue
		}
		var c bytes.Buffer
		if err := json.Compact(&c, raw); err != nil {
			return nil, err
		}
		o.set(k, json.RawMessage(c.Bytes()))
	}
	return o, nil
}

func orRoot(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

func escape(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

func unescape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

func parseDoc(doc []byte) (*object, error) {
	if !utf8.Valid(doc) {
		return nil, bad("the document is not UTF-8 text, so not JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	t, err := dec.Token()
	if d, ok := t.(json.Delim); err != nil || !ok || d != '{' {
		return nil, bad("the document is not a JSON object: only an object's keys can be split into fields (its first value is not '{')")
	}
	o, err := parseObject(dec, "")
	if err != nil {
		if errors.Is(err, ErrBadInput) {
			return nil, err
		}
		return nil, bad("the document is not valid JSON: %v", err)
	}
	if _, err := dec.Token(); err != nil {
		return nil, bad("the document is not valid JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, bad("the document has more after its JSON object")
	}
	return o, nil
}

// pointer splits a JSON Pointer into its unescaped segments.
func pointer(p string) ([]string, error) {
	if !strings.HasPrefix(p, "/") || p == "/" {
		return nil, bad("%q is not a JSON Pointer to a key (like /age or /address/city)", p)
	}
	segs := strings.Split(p[1:], "/")
	for i, s := range segs {
		segs[i] = unescape(s)
	}
	return segs, nil
}

// take removes the value at segs from o and returns it.
func take(o *object, segs []string, p string) (any, error) {
	for i, s := range segs {
		v, ok := o.vals[s]
		if !ok {
			return nil, bad("the document has no field %s (a path another group took, or a typo)", p)
		}
		if i == len(segs)-1 {
			o.del(s)
			return v, nil
		}
		next, ok := v.(*object)
		if !ok {
			return nil, bad("%s goes through a value that is not an object", p)
		}
		o = next
	}
	return nil, nil
}

// put sets the value at segs in o, making the objects on the way.
func put(o *object, segs []string, v any) {
	for _, s := range segs[:len(segs)-1] {
		next, ok := o.vals[s].(*object)
		if !ok {
			next = newObject()
			o.set(s, next)
		}
		o = next
	}
	o.set(segs[len(segs)-1], v)
}

func splitJSON(doc []byte, s *Schema) ([]Part, []string, error) {
	root, err := parseDoc(doc)
	if err != nil {
		return nil, nil, err
	}
	order := slices.Clone(root.keys)
	var parts []Part
	names := map[string]bool{}
	for _, g := range s.Groups {
		part := newObject()
		for _, p := range g.Paths {
			segs, err := pointer(p)
			if err != nil {
				return nil, nil, err
			}
			v, err := take(root, segs, p)
			if err != nil {
				return nil, nil, err
			}
			put(part, segs, v)
		}
		parts = append(parts, Part{Name: g.Name, Paths: slices.Clone(g.Paths), Data: encode(part)})
		names[g.Name] = true
	}
	// What the schema left: each top-level key whole, or what is left of
	// it when the schema took some of its children (dropped when nothing is).
	for _, k := range root.keys {
		v := root.vals[k]
		if sub, ok := v.(*object); ok && len(sub.keys) == 0 && touched(s, k) {
			continue
		}
		if err := ValidName(k); err != nil {
			return nil, nil, bad("the top-level key %q cannot name a field group: %v; name it with a schema file (--fields-schema)", k, errors.Unwrap(err))
		}
		if names[k] {
			return nil, nil, bad("the schema's group %q has the name of a key the schema does not cover; rename the group", k)
		}
		part := newObject()
		part.set(k, v)
		paths := []string{"/" + escape(k)}
		if sub, ok := v.(*object); ok && touched(s, k) {
			// What is left of a key the schema took from: its paths are
			// the children left, not the whole key.
			paths = paths[:0]
			for _, c := range sub.keys {
				paths = append(paths, "/"+escape(k)+"/"+escape(c))
			}
		}
		parts = append(parts, Part{Name: k, Paths: paths, Data: encode(part)})
	}
	return parts, order, nil
}

// touched: the schema took something below top-level key k.
func touched(s *Schema, k string) bool {
	for _, g := range s.Groups {
		for _, p := range g.Paths {
			if strings.HasPrefix(p, "/"+escape(k)+"/") {
				return true
			}
		}
	}
	return false
}

func encode(o *object) []byte {
	var b bytes.Buffer
	writeObject(&b, o)
	return b.Bytes()
}

func writeObject(b *bytes.Buffer, o *object) {
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(b, k)
		b.WriteByte(':')
		switch v := o.vals[k].(type) {
		case *object:
			writeObject(b, v)
		case json.RawMessage:
			b.Write(v)
		}
	}
	b.WriteByte('}')
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Truncate(b.Len() - 1)
}

// merge adds src's keys into dst, recursing into objects both hold.
func merge(dst, src *object) error {
	for _, k := range src.keys {
		sv := src.vals[k]
		dv, ok := dst.vals[k]
		if !ok {
			dst.set(k, sv)
			continue
		}
		do, ok1 := dv.(*object)
		so, ok2 := sv.(*object)
		if !ok1 || !ok2 {
			return bad("two field groups both hold the key %q", k)
		}
		if err := merge(do, so); err != nil {
			return err
		}
	}
	return nil
}

func joinJSON(order []string, groups []Group, data map[string][]byte) ([]byte, error) {
	all := newObject()
	for _, g := range groups {
		d, ok := data[g.Name]
		if !ok {
			continue
		}
		o, err := parseDoc(d)
		if err != nil {
			return nil, fmt.Errorf("field group %q: %w", g.Name, err)
		}
		if err := merge(all, o); err != nil {
			return nil, err
		}
	}
	// Top-level keys in the document's order; a key the order does not
	// know (none, in a manifest pdx wrote) keeps its place after them.
	out := newObject()
	for _, k := range order {
		if v, ok := all.vals[k]; ok {
			out.set(k, v)
		}
	}
	for _, k := range all.keys {
		if _, ok := out.vals[k]; !ok {
			out.set(k, all.vals[k])
		}
	}
	return append(encode(out), '\n'), nil
}

// ---- CSV ----

func readTable(doc []byte, what string) ([][]string, error) {
	if !utf8.Valid(doc) {
		return nil, bad("%s is not UTF-8 text, so not CSV", what)
	}
	r := csv.NewReader(bytes.NewReader(doc))
	r.FieldsPerRecord = 0 // every row as wide as the header
	rows, err := r.ReadAll()
	if err != nil {
		return nil, bad("%s is not a CSV table: %v", what, err)
	}
	if len(rows) == 0 {
		return nil, bad("%s has no header row: a CSV split needs column names", what)
	}
	seen := map[string]bool{}
	for _, c := range rows[0] {
		if c == "" {
			return nil, bad("%s has a column without a name in its header row", what)
		}
		if seen[c] {
			return nil, bad("%s has two columns named %q: column names must be unique to split by them", what, c)
		}
		seen[c] = true
	}
	return rows, nil
}

func writeTable(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.WriteAll(rows) // a bytes.Buffer does not fail
	return b.Bytes()
}

// columns returns the table made of cols of rows (cols index rows[0]).
func columns(rows [][]string, cols []int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(cols))
		for j, c := range cols {
			out[i][j] = r[c]
		}
	}
	return out
}

func splitCSV(doc []byte, s *Schema) ([]Part, []string, error) {
	rows, err := readTable(doc, "the document")
	if err != nil {
		return nil, nil, err
	}
	header := rows[0]
	taken := make([]bool, len(header))
	var parts []Part
	names := map[string]bool{}
	for _, g := range s.Groups {
		var cols []int
		for _, p := range g.Paths {
			i := slices.Index(header, p)
			if i < 0 {
				return nil, nil, bad("the table has no column %q (its columns: %s)", p, strings.Join(header, ", "))
			}
			if taken[i] {
				return nil, nil, bad("column %q is in two groups of the schema", p)
			}
			taken[i] = true
			cols = append(cols, i)
		}
		slices.Sort(cols) // a group's columns in the table's order
		paths := make([]string, len(cols))
		for j, c := range cols {
			paths[j] = header[c]
		}
		parts = append(parts, Part{Name: g.Name, Paths: paths, Data: writeTable(columns(rows, cols))})
		names[g.Name] = true
	}
	for i, c := range header {
		if taken[i] {
			continue
		}
		if err := ValidName(c); err != nil {
			return nil, nil, bad("column %q cannot name a field group: %v; name it with a schema file (--fields-schema)", c, errors.Unwrap(err))
		}
		if names[c] {
			return nil, nil, bad("the schema's group %q has the name of a column the schema does not cover; rename the group", c)
		}
		parts = append(parts, Part{Name: c, Paths: []string{c}, Data: writeTable(columns(rows, []int{i}))})
	}
	return parts, slices.Clone(header), nil
}

func joinCSV(order []string, groups []Group, data map[string][]byte) ([]byte, error) {
	col := map[string][]string{} // column name → its cells, header excluded
	n := -1
	for _, g := range groups {
		d, ok := data[g.Name]
		if !ok {
			continue
		}
		rows, err := readTable(d, fmt.Sprintf("field group %q", g.Name))
		if err != nil {
			return nil, err
		}
		if !slices.Equal(rows[0], g.Paths) {
			return nil, bad("field group %q has the columns %q, its manifest %q", g.Name, rows[0], g.Paths)
		}
		if n >= 0 && len(rows)-1 != n {
			return nil, bad("field group %q has %d rows, another %d", g.Name, len(rows)-1, n)
		}
		n = len(rows) - 1
		for j, c := range rows[0] {
			cells := make([]string, n)
			for i := range n {
				cells[i] = rows[i+1][j]
			}
			col[c] = cells
		}
	}
	var header []string
	for _, c := range order {
		if _, ok := col[c]; ok {
			header = append(header, c)
		}
	}
	if len(header) == 0 {
		return nil, bad("no field group to join")
	}
	out := [][]string{header}
	for i := range n {
		row := make([]string, len(header))
		for j, c := range header {
			row[j] = col[c][i]
		}
		out = append(out, row)
	}
	return writeTable(out), nil
}
