package config

import (
	"encoding"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const docPath = "../../docs/config.md"

type docRow struct {
	key, def, env string
	line          int
}

// readDocTable parses the key table of docs/config.md: rows whose first
// cell is a backquoted dotted key.
func readDocTable(t *testing.T) []docRow {
	t.Helper()
	data, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatalf("reading %s: %v", docPath, err)
	}
	cell := regexp.MustCompile("^`([^`]*)`$")
	var rows []docRow
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		if len(cells) < 4 {
			continue
		}
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		k := cell.FindStringSubmatch(cells[0])
		if k == nil || !strings.Contains(k[1], ".") || strings.HasPrefix(k[1], "PDX_") {
			continue
		}
		row := docRow{key: k[1], line: i + 1}
		d := cell.FindStringSubmatch(cells[1])
		if d == nil {
			t.Errorf("%s:%d: default of %s must be one backquoted TOML value, got %q", docPath, i+1, k[1], cells[1])
			continue
		}
		row.def = d[1]
		if e := cell.FindStringSubmatch(cells[2]); e != nil {
			row.env = e[1]
		} else if cells[2] != "—" {
			t.Errorf("%s:%d: env of %s must be a backquoted variable or —, got %q", docPath, i+1, k[1], cells[2])
		}
		rows = append(rows, row)
	}
	return rows
}

// render writes v the way the doc writes a default: a TOML value.
func render(v reflect.Value) string {
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		b, err := m.MarshalText()
		if err != nil {
			return "<" + err.Error() + ">"
		}
		return strconv.Quote(string(b))
	}
	switch v.Kind() {
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Slice:
		items := make([]string, v.Len())
		for i := range items {
			items[i] = render(v.Index(i))
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	return fmt.Sprintf("<unrenderable %s>", v.Type())
}

// TestDocMatchesStruct fails when docs/config.md and Config disagree on the
// keys, their order, their defaults or their environment variables.
func TestDocMatchesStruct(t *testing.T) {
	rows := readDocTable(t)
	fs := fields()
	if len(rows) == 0 || len(fs) == 0 {
		t.Fatalf("found %d doc rows and %d struct keys; the table or the walker is broken", len(rows), len(fs))
	}
	def := reflect.ValueOf(Default()).Elem()
	byKey := map[string]docRow{}
	for _, r := range rows {
		if _, dup := byKey[r.key]; dup {
			t.Errorf("%s:%d: key %s documented twice", docPath, r.line, r.key)
		}
		byKey[r.key] = r
	}
	structKeys := map[string]bool{}
	for i, f := range fs {
		structKeys[f.key] = true
		r, ok := byKey[f.key]
		if !ok {
			t.Errorf("config key %s is not documented in %s", f.key, docPath)
			continue
		}
		if i < len(rows) && rows[i].key != f.key {
			t.Errorf("%s:%d: row %d documents %s but the struct's key %d is %s: keep the table in the struct's order", docPath, rows[i].line, i, rows[i].key, i, f.key)
		}
		var want, wantEnv string
		if f.inMap {
			// A per-dataset key defaults to the default policy's key.
			want = "market.default." + f.key[strings.LastIndex(f.key, ".")+1:]
		} else {
			want = render(def.FieldByIndex(f.index))
			wantEnv = EnvName(f.key)
		}
		if r.def != want {
			t.Errorf("%s:%d: %s default documented as %s, struct default is %s", docPath, r.line, f.key, r.def, want)
		}
		if r.env != wantEnv {
			t.Errorf("%s:%d: %s env documented as %q, the override variable is %q", docPath, r.line, f.key, r.env, wantEnv)
		}
	}
	for _, r := range rows {
		if !structKeys[r.key] {
			t.Errorf("%s:%d: documents %s, which Config does not have", docPath, r.line, r.key)
		}
	}
}

// TestDocExampleParses keeps the example in docs/config.md a valid config.
func TestDocExampleParses(t *testing.T) {
	data, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "```toml\n")
	if !ok {
		t.Fatalf("%s has no ```toml example", docPath)
	}
	example, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("%s: unterminated example", docPath)
	}
	c, err := Parse("docs/config.md example", []byte(example))
	if err != nil {
		t.Fatalf("the example does not load: %v", err)
	}
	if c.Chain.Mode != ChainRPC || len(c.Proxies.Addresses) != 3 || c.Market.PolicyFor("purchases").MaxDuration.String() != "30d" {
		t.Errorf("the example loaded as %+v", c)
	}
}
