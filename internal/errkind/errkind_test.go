package errkind

import (
	"errors"
	"fmt"
	"testing"
)

// TestTable: each API code names one kind and reads back as it, a kind the
// daemon answers with has a status, and kinds that share a CLI code share
// an exit status, so the daemon's status, its JSON code and the CLI's exit
// status agree for every kind.
func TestTable(t *testing.T) {
	api := map[string]Kind{}
	cli := map[string]int{}
	exits := map[int]string{}
	for _, k := range Kinds() {
		if c := k.APICode(); c != "" {
			if other, dup := api[c]; dup {
				t.Errorf("%v and %v share the API code %q", k, other, c)
			}
			api[c] = k
			if back, ok := FromAPICode(c); !ok || back != k {
				t.Errorf("FromAPICode(%q) = %v %v, want %v", c, back, ok, k)
			}
			if s := k.HTTPStatus(); s < 400 || s > 599 {
				t.Errorf("%v answers with HTTP status %d", k, s)
			}
		} else if k.HTTPStatus() != 0 {
			t.Errorf("%v has a status %d but no API code", k, k.HTTPStatus())
		}
		if k.CLICode() == "" || k.ExitCode() == ExitOK {
			t.Errorf("%v has no CLI code or exits 0", k)
		}
		if e, ok := cli[k.CLICode()]; ok && e != k.ExitCode() {
			t.Errorf("the CLI code %q exits both %d and %d", k.CLICode(), e, k.ExitCode())
		}
		cli[k.CLICode()] = k.ExitCode()
		if c, ok := exits[k.ExitCode()]; ok && c != k.CLICode() {
			t.Errorf("exit %d has both CLI codes %q and %q", k.ExitCode(), c, k.CLICode())
		}
		exits[k.ExitCode()] = k.CLICode()
	}
	if _, ok := FromAPICode(""); ok {
		t.Error("the empty code is a kind")
	}
	if _, ok := FromAPICode("nonsense"); ok {
		t.Error("an unknown code is a kind")
	}
	if k := Kind(200); k.ExitCode() != ExitFailure || k.APICode() != APIInternal {
		t.Errorf("an out-of-range kind is %v", k)
	}
}

func TestMarkAndRules(t *testing.T) {
	inner := fmt.Errorf("x: %w", NotFound.Err())
	m := Mark(inner, Refused)
	if m.Error() != inner.Error() || !errors.Is(m, NotFound.Err()) || !errors.Is(m, Refused.Err()) {
		t.Error("Mark lost the message or the chain")
	}
	if k, ok := Marked(fmt.Errorf("y: %w", m)); !ok || k != Refused {
		t.Errorf("Marked = %v %v", k, ok)
	}
	if Mark(nil, Refused) != nil {
		t.Error("Mark(nil) is not nil")
	}
	if NotFound.Err().Error() != "not found" || NotFound.Err() != NotFound.Err() {
		t.Error("a kind's sentinel is not stable")
	}
	var kd Kinded
	if !errors.As(inner, &kd) || kd.Kind() != NotFound {
		t.Error("a kind's sentinel does not say its kind")
	}
	a, b := errors.New("a"), errors.New("b")
	rs := Rules{
		{Err: a, Kind: Conflict},
		{Match: func(err error) bool { return errors.Is(err, b) }, Kind: Damaged},
		{Err: b, Kind: Usage},
	}
	for _, c := range []struct {
		err  error
		kind Kind
		ok   bool
	}{
		{fmt.Errorf("%w", a), Conflict, true},
		{fmt.Errorf("%w %w", b, a), Conflict, true},
		{b, Damaged, true},
		{errors.New("c"), Internal, false},
	} {
		if k, ok := rs.Of(c.err); k != c.kind || ok != c.ok {
			t.Errorf("Of(%v) = %v %v, want %v %v", c.err, k, ok, c.kind, c.ok)
		}
	}
}

// TestNew: a sentinel made with New carries its kind through any wrapping,
// matches its kind's sentinel, and a rule still outranks it.
func TestNew(t *testing.T) {
	gone := New(NotFound, "no such thing")
	err := fmt.Errorf("opening it: %w", gone)
	if !errors.Is(err, gone) || !errors.Is(err, NotFound.Err()) || errors.Is(err, Usage.Err()) {
		t.Fatalf("errors.Is on a wrapped New sentinel: itself %v, NotFound %v, Usage %v",
			errors.Is(err, gone), errors.Is(err, NotFound.Err()), errors.Is(err, Usage.Err()))
	}
	if err.Error() != "opening it: no such thing" {
		t.Fatalf("message %q", err)
	}
	if k, ok := (Rules{}).Of(err); !ok || k != NotFound {
		t.Fatalf("Of with no rules: %v %v, want the carried NotFound", k, ok)
	}
	if k, _ := (Rules{{Err: gone, Kind: Conflict}}).Of(err); k != Conflict {
		t.Fatalf("a rule for the sentinel gave %v, want it to outrank the carried kind", k)
	}
	if New(NotFound, "x") == New(NotFound, "x") {
		t.Fatal("two New sentinels are equal")
	}
}
