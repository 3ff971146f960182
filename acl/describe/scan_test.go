package describe_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/pdx-network/pdx/acl/describe"
)

func TestScan(t *testing.T) {
	for _, c := range []struct {
		name, in, format, fields string
		rows                     int64
	}{
		{"csv", "name,amount,first name\nAnn,12,x\nBo,1300,y\n", "csv", "amount,name", 2},
		{"json list", `[{"a":1,"b":{"c":"xyz"}},{"a":2,"d":[1,2,3]},7]`, "json", "a,b,d", 3},
		{"json object", ` {"age":40,"city":"Berlin"}`, "json", "age,city", 1},
		{"bom csv", "\xef\xbb\xbfx,y\n1,2\n", "csv", "x,y", 1},
		{"one line", "just a\x00 line", "csv", "", 0},
		{"empty", "", "", "", 0},
		{"broken json", `[{"a":1},`, "", "", 0},
	} {
		var vals []string
		f, err := describe.Scan(strings.NewReader(c.in), func(v describe.Value) { vals = append(vals, v.Field+"="+v.Text) })
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if f.Format != c.format || strings.Join(f.Fields, ",") != c.fields || f.Rows != c.rows || f.Size != int64(len(c.in)) {
			t.Errorf("%s: %+v (values %q)", c.name, f, vals)
		}
		if c.name == "json list" && !slices.Contains(vals, "c=xyz") {
			t.Errorf("json leaf field: %q", vals)
		}
	}
}

func TestLeakCheck(t *testing.T) {
	data := "name,city,amount,note\nAnn Lee,Berlin,1250,ok\nBo,Köln,12,\n"
	for _, c := range []struct {
		title  string
		fields []string
		field  string // "" when accepted
	}{
		{"Annual receipts from a city", nil, ""},
		{"Receipts of ann lee", nil, `"name"`},
		{"Berlin receipts", nil, `"city"`},
		{"köln receipts", nil, `"city"`},
		{"Receipts of 1250 customers", nil, `"amount"`},
		{"Receipts of 12 customers", nil, ""}, // two digits: too common
		{"Receipts ok", nil, ""},              // two characters
		{"Receipts", []string{"amount", "x_Berlin"}, `"city"`},
	} {
		d := &describe.Description{Title: c.title, Category: "purchases", Fields: c.fields}
		lc := describe.NewLeakCheck(d)
		if _, err := describe.Scan(strings.NewReader(data), lc.See); err != nil {
			t.Fatal(err)
		}
		err := lc.Err()
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%q refused: %v", c.title, err)
		case c.field != "" && (!errors.Is(err, describe.ErrLeak) || !strings.Contains(err.Error(), c.field)):
			t.Errorf("%q: %v, want a refusal naming %s", c.title, err, c.field)
		case err != nil && (strings.Contains(err.Error(), "Berlin") || strings.Contains(err.Error(), "1250")):
			t.Errorf("the refusal says the value: %v", err)
		}
	}
}
