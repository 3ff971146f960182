package describe

import (
	"fmt"
	"strings"
)

// Lines says a description in a person's words, one fact a line, as an
// offer's policy shows it (policy.Policy.Describe) and pdx describe
// prints it.
func (d *Description) Lines() []string {
	out := []string{fmt.Sprintf("Dataset: %s (%s: %s)", d.Title, d.Category, d.Category.Words())}
	if len(d.Fields) > 0 {
		out = append(out, "Field names: "+strings.Join(d.Fields, ", "))
	}
	var facts []string
	if d.Rows > 0 {
		facts = append(facts, plural(d.Rows, "record"))
	}
	if d.Period != nil {
		facts = append(facts, "covering "+d.Period.String())
	}
	if d.Size > 0 {
		facts = append(facts, Size(d.Size))
	}
	if len(facts) > 0 {
		out = append(out, "Holds: "+strings.Join(facts, ", "))
	}
	if len(d.AttestedBy) > 0 {
		names := make([]string, len(d.AttestedBy))
		for i, a := range d.AttestedBy {
			names[i] = a.Hex()
		}
		out = append(out, "Attested by: "+strings.Join(names, ", "))
	}
	return out
}

// Line says wants in one line, as a campaign's policy shows them:
// "Wants: purchases data with the fields amount, date, covering
// 2025-01..2025-06, at least 100 records, attested".
func (w *Wants) Line() string {
	parts := []string{string(w.Category) + " data"}
	if len(w.Fields) > 0 {
		f := "the field "
		if len(w.Fields) > 1 {
			f = "the fields "
		}
		parts[0] += " with " + f + strings.Join(w.Fields, ", ")
	}
	if w.Period != nil {
		parts = append(parts, "covering "+w.Period.String())
	}
	if w.MinRows > 0 {
		parts = append(parts, "at least "+plural(w.MinRows, "record"))
	}
	if w.Attested {
		a := "attested"
		if len(w.AttestedBy) > 0 {
			names := make([]string, len(w.AttestedBy))
			for i, x := range w.AttestedBy {
				names[i] = x.Hex()
			}
			a += " by one of " + strings.Join(names, ", ")
		}
		parts = append(parts, a)
	}
	return "Wants: " + strings.Join(parts, ", ")
}

func plural(n int64, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// Size says a byte count as people read it: "512 B", "4.0 KiB", "1.2 MiB".
func Size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
