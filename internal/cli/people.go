package cli

import (
	"regexp"
	"strings"
)

// Messages for people. An error's text (err.Error()) is its detail: what a
// program, a log or `--json` gets, with the package that failed, the API
// route and the chain's raw revert data. What a person reads on stderr is
// ForPeople(err): the same text with the parts that have a sentence for
// people (a Said in the chain) replaced by it, and no package prefixes.
// docs/cli.md "Messages" states the convention.

// Said is an error with a message for people beside its detail: Error() is
// the detail, Human what a person is told (what happened and what to do,
// in the user's words).
type Said struct {
	Err   error
	Human string
}

func (s *Said) Error() string { return s.Err.Error() }
func (s *Said) Unwrap() error { return s.Err }

// Say returns err with the message human for people; nil stays nil.
func Say(err error, human string) error {
	if err == nil {
		return nil
	}
	return &Said{Err: err, Human: human}
}

// packagePrefix is "acl: ", "service: " and the like at the start of a
// message or of a wrapped part of it: which package failed is the detail's
// business, not a person's.
// Only where a message or a wrapped error begins (after ": " or "("), so
// words of a sentence ("the proxy: ") are left alone.
var packagePrefix = regexp.MustCompile(`(^|: |\()(?:acl|registry|service|envstore|storage|proxy|daemon|devchain|home|envelope|bundle|rewrap|reencrypt|umbral|pinsvc|demo): `)

// ForPeople is what a person is told of err: its text with every Said in
// its chain said in its Human words (outermost first) and no package
// prefixes. An error with no Said is its text without the prefixes.
func ForPeople(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	walk(err, func(e error) bool {
		s, ok := e.(*Said)
		if !ok {
			return true
		}
		msg = strings.Replace(msg, s.Err.Error(), s.Human, 1)
		// What s wraps is said by its Human already.
		return false
	})
	return StripPrefixes(msg)
}

// plainWords says the standard library's words for a stop and a timeout as
// a person would.
var plainWords = strings.NewReplacer(
	"context canceled", "interrupted",
	"context deadline exceeded", "no answer in time",
)

// StripPrefixes removes package prefixes ("acl: ") from msg, and says the
// standard library's "context canceled" and "context deadline exceeded" in
// plain words.
func StripPrefixes(msg string) string {
	msg = plainWords.Replace(msg)
	for {
		out := packagePrefix.ReplaceAllString(msg, "$1")
		if out == msg {
			return out
		}
		msg = out
	}
}

// walk visits err and what it wraps, depth first, outermost first; visit
// returning false skips what e wraps.
func walk(err error, visit func(error) bool) {
	if err == nil || !visit(err) {
		return
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		walk(u.Unwrap(), visit)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			walk(e, visit)
		}
	}
}

// Walk visits err and what it wraps as walk does, for packages that say
// errors of their own kinds (the daemon's reverts and refusals).
func Walk(err error, visit func(error) bool) { walk(err, visit) }
