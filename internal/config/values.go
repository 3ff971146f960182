package config

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Duration is a time.Duration written in the config as text: Go's duration
// syntax ("90m", "36h") plus whole days ("30d", "1d12h"), because grant and
// offer periods are naturally counted in days and time.ParseDuration has no
// day unit.
type Duration time.Duration

// ParseDuration reads "30d", "1d12h", "36h", "90m" and the like.
func ParseDuration(s string) (Duration, error) {
	orig := s
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty duration: write e.g. \"30d\" or \"12h\"")
	}
	var days int64
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.ParseInt(s[:i], 10, 64)
		if err != nil || n < 0 || i == 0 {
			return 0, fmt.Errorf("duration %q: the day count before \"d\" must be a whole non-negative number (e.g. \"30d\")", orig)
		}
		const maxDays = int64(time.Duration(1<<63-1) / (24 * time.Hour))
		if n > maxDays {
			return 0, fmt.Errorf("duration %q is too long (at most %d days)", orig, maxDays)
		}
		days = n
		s = s[i+1:]
	}
	var rest time.Duration
	if s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("duration %q: use units d, h, m, s (e.g. \"30d\", \"1d12h\", \"90m\")", orig)
		}
		rest = d
	}
	total := time.Duration(days) * 24 * time.Hour
	if rest > 0 && total > time.Duration(1<<63-1)-rest {
		return 0, fmt.Errorf("duration %q is too long", orig)
	}
	return Duration(total + rest), nil
}

// String writes whole days as "Nd" and anything else in Go's syntax, so a
// default like 365 days reads the way a person would write it.
func (d Duration) String() string {
	td := time.Duration(d)
	if td > 0 && td%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", td/(24*time.Hour))
	}
	return td.String()
}

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Wei is a non-negative amount of wei. It is written as a decimal string
// ("1000000000000000") because prices routinely exceed TOML's 64-bit
// integers; a bare TOML integer is accepted too.
type Wei struct{ v *big.Int }

// NewWei returns x as a Wei; x must not be negative.
func NewWei(x *big.Int) Wei {
	if x == nil {
		return Wei{}
	}
	return Wei{new(big.Int).Set(x)}
}

// Int returns a copy of the amount (0 when unset).
func (w Wei) Int() *big.Int {
	if w.v == nil {
		return new(big.Int)
	}
	return new(big.Int).Set(w.v)
}

// String returns the amount in decimal.
func (w Wei) String() string { return w.Int().String() }

// MarshalText implements encoding.TextMarshaler.
func (w Wei) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Underscores between
// digits are allowed, as in TOML integers.
func (w *Wei) UnmarshalText(b []byte) error {
	s := strings.ReplaceAll(strings.TrimSpace(string(b)), "_", "")
	if s == "" {
		return fmt.Errorf("empty amount of wei: write a decimal number such as \"1000000000000000\"")
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return fmt.Errorf("amount of wei %q: only the digits 0-9 are allowed (no sign, unit or decimal point; 1 ether = \"1000000000000000000\")", string(b))
		}
	}
	if len(s) > 78 { // 2^256 has 78 digits
		return fmt.Errorf("amount of wei %q does not fit in 256 bits", string(b))
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.BitLen() > 256 {
		return fmt.Errorf("amount of wei %q does not fit in 256 bits", string(b))
	}
	w.v = v
	return nil
}

// DateLayout is a calendar date, the way people write when something ends.
const DateLayout = "2006-01-02"

// ParseTime reads a point in time as a person or a program writes it: an
// RFC 3339 time ("2027-01-01T12:00:00Z") or a calendar date ("2027-01-01").
// A date means the end of that day in UTC, the midnight that starts the
// next one: "expires 2027-01-01" reads as "good through 1 January 2027",
// so access lasts the whole day named. ok is false when s is neither.
func ParseTime(s string) (t time.Time, ok bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if d, err := time.Parse(DateLayout, s); err == nil {
		return d.AddDate(0, 0, 1), true
	}
	return time.Time{}, false
}
