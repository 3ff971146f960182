// Package cli is the one place that writes what pdx commands print: results
// as text for people or as JSON for programs (--json), errors with their
// documented exit statuses (docs/cli.md), and progress bars for long
// transfers. Commands never print on their own, so --json output is always
// exactly one JSON document on stdout.
package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// TextFormatter is implemented by results that know how to print
// themselves for people.
type TextFormatter interface {
	FormatText(w io.Writer) error
}

// Output prints results, notes, errors and progress.
type Output struct {
	json      bool
	stdout    io.Writer
	stderr    io.Writer
	stderrTTY bool
}

// New returns an Output writing to stdout and stderr; jsonMode is --json.
// Progress bars need stderr to be a terminal, which is detected here.
func New(stdout, stderr io.Writer, jsonMode bool) *Output {
	o := &Output{json: jsonMode, stdout: stdout, stderr: stderr}
	if f, ok := stderr.(*os.File); ok {
		o.stderrTTY = term.IsTerminal(int(f.Fd()))
	}
	return o
}

// JSON reports whether --json is in force.
func (o *Output) JSON() bool { return o.json }

// Result prints v: indented JSON with --json; otherwise FormatText when v
// has it, a string or Stringer as it is, and a struct or map as aligned
// "name: value" lines named by its JSON tags.
func (o *Output) Result(v any) error {
	if o.json {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return fmt.Errorf("encoding the result as JSON: %w", err)
		}
		_, err = o.stdout.Write(append(b, '\n'))
		return err
	}
	switch t := v.(type) {
	case TextFormatter:
		return t.FormatText(o.stdout)
	case string:
		_, err := fmt.Fprintln(o.stdout, t)
		return err
	case fmt.Stringer:
		_, err := fmt.Fprintln(o.stdout, t.String())
		return err
	}
	return writeFields(o.stdout, v)
}

// Note prints a line for people on stderr (what happened, what to do next).
// With --json it prints nothing, so programs see only the JSON document.
func (o *Output) Note(format string, args ...any) {
	if o.json {
		return
	}
	fmt.Fprintf(o.stderr, format+"\n", args...)
}

// errorDoc is the --json error document.
type errorDoc struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error prints err and returns the exit status for it. With --json it
// prints {"error":{"code":…,"message":…}} on stdout, where a program reads
// the result, the message being the error's full detail; otherwise
// "pdx: message" on stderr, the message for people (ForPeople).
func (o *Output) Error(err error) int {
	if err == nil {
		return ExitOK
	}
	c := Classify(err)
	msg := err.Error()
	if !o.json {
		msg = ForPeople(err)
	}
	if o.json {
		b, _ := json.MarshalIndent(errorDoc{errorBody{Code: c.Code, Message: msg}}, "", "  ")
		o.stdout.Write(append(b, '\n'))
		return c.Status
	}
	lines := strings.Split(strings.TrimRight(msg, "\n"), "\n")
	fmt.Fprintf(o.stderr, "pdx: %s\n", lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(o.stderr, "pdx: %s\n", l)
	}
	return c.Status
}

// writeFields prints a struct's or map's fields as "name: value" lines.
func writeFields(w io.Writer, v any) error {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			_, err := fmt.Fprintln(w, "(none)")
			return err
		}
		rv = rv.Elem()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	switch rv.Kind() {
	case reflect.Struct:
		t := rv.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			fv := rv.Field(i)
			if strings.Contains(opts, "omitempty") && fv.IsZero() {
				continue
			}
			fmt.Fprintf(tw, "%s:\t%s\n", label(name), textValue(fv))
		}
	case reflect.Map:
		iter := rv.MapRange()
		var rows []string
		for iter.Next() {
			rows = append(rows, fmt.Sprintf("%s:\t%s\n", label(fmt.Sprint(iter.Key().Interface())), textValue(iter.Value())))
		}
		slices.Sort(rows)
		for _, r := range rows {
			io.WriteString(tw, r)
		}
	default:
		fmt.Fprintln(tw, textValue(rv))
	}
	return tw.Flush()
}

// label turns a JSON name into words: "receiving_key" → "receiving key".
func label(name string) string { return strings.ReplaceAll(name, "_", " ") }

// textValue renders one value as people read it: text forms first
// (addresses, hex bytes, times), then compact JSON for the rest.
func textValue(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	if v.CanInterface() {
		switch t := v.Interface().(type) {
		case time.Time:
			return t.UTC().Format(time.RFC3339)
		case fmt.Stringer:
			if v.Kind() != reflect.Pointer || !v.IsNil() {
				return t.String()
			}
		}
		if m, ok := v.Interface().(interface{ MarshalText() ([]byte, error) }); ok {
			if b, err := m.MarshalText(); err == nil {
				return string(b)
			}
		}
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return fmt.Sprint(v.Interface())
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return fmt.Sprint(v.Interface())
	}
	return string(b)
}

// Progress shows a transfer's progress on stderr. The zero of its use —
// a nil *Progress — does nothing, which is what Output.Progress returns when
// no bar should show.
type Progress struct {
	bar *progressbar.ProgressBar
}

// Progress starts a bar for a transfer of total bytes (-1 when unknown,
// e.g. stdin) labelled description. It shows only when stderr is a terminal
// and never with --json; otherwise it returns nil, on which every method is
// a no-op.
func (o *Output) Progress(total int64, description string) *Progress {
	if o.json || !o.stderrTTY {
		return nil
	}
	return newProgress(o.stderr, total, description)
}

func newProgress(w io.Writer, total int64, description string) *Progress {
	return &Progress{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowTotalBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(20),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
	)}
}

// Reader counts what is read from r.
func (p *Progress) Reader(r io.Reader) io.Reader {
	if p == nil {
		return r
	}
	return io.TeeReader(r, p.bar)
}

// Writer counts what is written to w.
func (p *Progress) Writer(w io.Writer) io.Writer {
	if p == nil {
		return w
	}
	return io.MultiWriter(w, p.bar)
}

// Add counts n more bytes.
func (p *Progress) Add(n int64) {
	if p != nil {
		p.bar.Add64(n)
	}
}

// Finish completes the bar (call it when the transfer succeeded).
func (p *Progress) Finish() {
	if p != nil {
		p.bar.Finish()
	}
}

// Abort clears the bar without completing it (the transfer failed; the
// error that follows starts on a clean line).
func (p *Progress) Abort() {
	if p != nil {
		p.bar.Clear()
		p.bar.Exit()
	}
}

// Line prints v as one compact JSON line on stdout with --json, for
// commands that report as they go (one line per item, then a last line);
// without --json it prints nothing.
func (o *Output) Line(v any) error {
	if !o.json {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding a JSON line: %w", err)
	}
	_, err = o.stdout.Write(append(b, '\n'))
	return err
}
