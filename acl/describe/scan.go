package describe

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pdx-network/pdx/internal/errkind"
)

// A description is drafted from the dataset's plaintext, which only its
// owner opens: the field names, the number of records and the size are
// read from the data, so the owner types only what pdx cannot know (title,
// category, period). The same reading checks that nothing the owner typed
// repeats one of the dataset's own values (DESCRIBE.md, "No personal
// value"): a description is published, the values are not.

// ErrLeak refuses a description whose title or field names contain one of
// the dataset's own values. Its message names the field the value is in,
// never the value.
var ErrLeak = errkind.New(errkind.Usage, "the description would publish a personal value")

// Facts are what Scan reads from a plaintext.
type Facts struct {
	// Format is "csv", "json" or "" (neither: only the size is known).
	Format string
	// Fields are the valid field names found (CSV header, keys of the
	// top-level list's objects or of the top-level object), sorted, at
	// most MaxFields; names that are not valid field names are left out.
	Fields []string
	// Rows is the number of records: CSV lines after the header, items of
	// a top-level JSON list, 1 for a top-level JSON object.
	Rows int64
	// Size is the plaintext's size in bytes.
	Size int64
}

// Value is one of a dataset's values as Scan meets it: the field it is in
// (CSV column or JSON key of the leaf, "" when none) and its text.
type Value struct {
	Field string
	Text  string
}

// Significant reports whether a value counts as personal for the leak
// check: a number with at least 3 digits, any other text of at least 3
// characters. Shorter values ("no", "12") are too common to identify
// anyone and would refuse most titles.
func (v Value) Significant() bool {
	s := strings.TrimSpace(v.Text)
	if json.Valid([]byte(s)) && s != "" && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
		n := 0
		for _, r := range s {
			if r >= '0' && r <= '9' {
				n++
			}
		}
		return n >= 3
	}
	return utf8.RuneCountInString(s) >= 3
}

// Scan reads a plaintext — a JSON document (first byte, after spaces,
// '[' or '{') or else CSV with a header line — and returns its facts,
// calling each, when not nil, for every value (CSV cell, JSON string or
// number leaf). A plaintext of neither form gives only its size.
func Scan(r io.Reader, each func(Value)) (*Facts, error) {
	cr := &countReader{r: r}
	br := bufio.NewReaderSize(cr, 64<<10)
	first, err := firstByte(br)
	if err != nil {
		return nil, err
	}
	if each == nil {
		each = func(Value) {}
	}
	var f *Facts
	switch first {
	case '[', '{':
		f, err = scanJSON(br, each)
	case 0:
		f = &Facts{}
	default:
		f, err = scanCSV(br, each)
	}
	if err != nil {
		// Not what it looked like: the size alone is still true.
		if _, cerr := io.Copy(io.Discard, br); cerr != nil {
			return nil, cerr
		}
		return &Facts{Size: cr.n}, nil
	}
	if _, err := io.Copy(io.Discard, br); err != nil {
		return nil, err
	}
	f.Size = cr.n
	f.Fields = validFields(f.Fields)
	return f, nil
}

// firstByte skips a UTF-8 byte order mark and spaces and returns the
// first byte after them, unread (0 for an empty plaintext).
func firstByte(br *bufio.Reader) (byte, error) {
	if head, _ := br.Peek(3); bytes.Equal(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	for {
		b, err := br.ReadByte()
		if errors.Is(err, io.EOF) {
			return 0, nil
		}
		if err != nil {
			return 0, err
		}
		if !unicode.IsSpace(rune(b)) {
			return b, br.UnreadByte()
		}
	}
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func scanCSV(r io.Reader, each func(Value)) (*Facts, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, err
	}
	names := slices.Clone(head)
	for i := range names {
		names[i] = strings.TrimSpace(names[i])
	}
	f := &Facts{Format: "csv", Fields: slices.Clone(names)}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		if err != nil {
			return nil, err
		}
		f.Rows++
		for i, cell := range rec {
			field := ""
			if i < len(names) {
				field = names[i]
			}
			each(Value{Field: field, Text: cell})
		}
	}
}

// scanJSON walks the document's tokens without holding it: memory stays
// bounded by its nesting, not its size.
func scanJSON(r io.Reader, each func(Value)) (*Facts, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	f := &Facts{Format: "json"}
	fields := map[string]bool{}
	// stack of open containers: '{' or '['; keys[i] is the last key read
	// in the object at depth i; expectKey tells whether a string in the
	// top object is a key.
	type frame struct {
		obj       bool
		expectKey bool
		key       string
	}
	var stack []frame
	topList := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if len(stack) > 0 {
				return nil, io.ErrUnexpectedEOF
			}
			break
		}
		if err != nil {
			return nil, err
		}
		depth := len(stack)
		// The field a leaf or container at this point belongs to.
		field := ""
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].obj {
				field = stack[i].key
				break
			}
		}
		if k, isKey := tok.(string); isKey && depth > 0 && stack[depth-1].obj && stack[depth-1].expectKey {
			stack[depth-1].key = k
			stack[depth-1].expectKey = false
			// Keys of the records: of the top object, or of objects that
			// are items of a top-level list.
			if depth == 1 && !topList || depth == 2 && topList {
				fields[k] = true
			}
			continue
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if depth == 0 {
					topList = t == '['
					if !topList {
						f.Rows = 1
					}
				} else if depth == 1 && topList {
					f.Rows++
				}
				stack = append(stack, frame{obj: t == '{', expectKey: t == '{'})
				continue
			case '}', ']':
				stack = stack[:depth-1]
			}
		case string:
			if depth == 1 && topList {
				f.Rows++
			}
			each(Value{Field: field, Text: t})
		case json.Number:
			if depth == 1 && topList {
				f.Rows++
			}
			each(Value{Field: field, Text: t.String()})
		default: // bool, null
			if depth == 1 && topList {
				f.Rows++
			}
		}
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].expectKey = true
		}
		if len(stack) == 0 {
			break
		}
	}
	// One document: anything after it but spaces makes it not JSON.
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more after the JSON document")
	}
	for k := range fields {
		f.Fields = append(f.Fields, k)
	}
	return f, nil
}

// ScanText reads a plaintext as text, for what Scan could not read as CSV
// or JSON: every piece between separators (line breaks, tabs, commas,
// semicolons, quotes, brackets, braces, colons) is a value of no field.
// The leak check runs it over such a plaintext so that nothing escapes it
// for being malformed.
func ScanText(r io.Reader, each func(Value)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		sep := func(b byte) bool { return strings.IndexByte("\n\r\t,;\"{}[]:", b) >= 0 }
		start := 0
		for start < len(data) && sep(data[start]) {
			start++
		}
		for i := start; i < len(data); i++ {
			if sep(data[i]) {
				return i + 1, data[start:i], nil
			}
			if i-start >= 64<<10 { // a piece that long is cut, not refused
				return i, data[start:i], nil
			}
		}
		if atEOF && len(data) > start {
			return len(data), data[start:], nil
		}
		if atEOF {
			return len(data), nil, nil
		}
		return start, nil, nil
	})
	for sc.Scan() {
		if t := strings.TrimSpace(sc.Text()); t != "" {
			each(Value{Text: t})
		}
	}
	return sc.Err()
}

func validFields(fs []string) []string {
	var out []string
	for _, f := range fs {
		if checkFields("", []string{f}) == nil && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	if len(out) > MaxFields {
		out = out[:MaxFields]
	}
	return out
}

// LeakCheck finds the dataset's own values in what a description
// publishes in words: its title and its field names. Feed it every value
// (Scan's each) and ask Err.
type LeakCheck struct {
	title  string
	fields []string
	found  error
}

// NewLeakCheck checks d's title and field names.
func NewLeakCheck(d *Description) *LeakCheck {
	lc := &LeakCheck{title: strings.ToLower(d.Title)}
	for _, f := range d.Fields {
		lc.fields = append(lc.fields, strings.ToLower(f))
	}
	return lc
}

// See checks one value; the first one found in the title or a field name
// is kept for Err.
func (lc *LeakCheck) See(v Value) {
	if lc.found != nil || !v.Significant() {
		return
	}
	t := strings.ToLower(strings.TrimSpace(v.Text))
	in := func(where string) string {
		if v.Field == "" {
			return fmt.Sprintf("%s contains one of the dataset's values", where)
		}
		return fmt.Sprintf("%s contains a value of the dataset's field %q", where, v.Field)
	}
	if containsWord(lc.title, t) {
		lc.found = fmt.Errorf("%w: %s; describe the data without it", ErrLeak, in("the title"))
		return
	}
	for _, f := range lc.fields {
		if containsWord(f, t) {
			lc.found = fmt.Errorf("%w: %s; leave that name out", ErrLeak, in(fmt.Sprintf("the field name %q", f)))
			return
		}
	}
}

// Err is the first leak seen, or nil.
func (lc *LeakCheck) Err() error { return lc.found }

// containsWord reports whether w occurs in s not inside a longer word:
// the characters on either side of it (if any) are not letters or digits.
// "ann" is found in "ann's basket" but not in "annual purchases".
func containsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(s) || !isWordRune(after)) {
			return true
		}
		_, n := utf8.DecodeRuneInString(s[start:])
		i = start + n
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Draft fills what d leaves out from facts: fields, rows and size. What
// the owner gave stays.
func (d *Description) Draft(f *Facts) {
	if f == nil {
		return
	}
	if len(d.Fields) == 0 {
		d.Fields = slices.Clone(f.Fields)
	}
	if d.Rows == 0 {
		d.Rows = f.Rows
	}
	if d.Size == 0 {
		d.Size = f.Size
	}
}
