package policy

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParse: Parse never panics, refuses only with ErrInvalid, and whatever
// it accepts has a canonical form that parses to the same bytes — so the
// hash the chain records names one policy, whatever the document looked
// like.
func FuzzParse(f *testing.F) {
	for _, n := range Presets() {
		p, _ := Preset(n)
		f.Add(p.Bytes())
	}
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Add([]byte(`[`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Parse(b)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("refused without ErrInvalid: %v", err)
			}
			return
		}
		c := p.Bytes()
		q, err := Parse(c)
		if err != nil {
			t.Fatalf("the canonical form of an accepted document is refused: %v\n%s", err, c)
		}
		if !bytes.Equal(q.Bytes(), c) {
			t.Fatalf("canonical form is not a fixed point:\n%s\n%s", c, q.Bytes())
		}
		_ = p.Describe()
	})
}
