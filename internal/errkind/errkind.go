// Package errkind names the kinds of failure callers branch on. Each kind
// is defined once, here, with its HTTP status and code in the daemon's API
// (docs/api.md) and its exit status and code in the CLI (docs/cli.md), so
// the daemon's answers, the CLI's exit statuses and the CLI's reading of
// the daemon's answers cannot drift apart: they all derive from Kind.
//
// An error gets a kind in one of four ways: it is a kind's sentinel
// (Kind.Err), a sentinel made with New (it carries its kind), it was marked
// (Mark), or a package's ordered Rules list the sentinel it wraps. Adding
// an error is one line in one of those places.
package errkind

import (
	"errors"
	"net/http"
)

// Kind is one kind of failure.
type Kind uint8

// The kinds. Internal is the zero value: an error of no known kind.
const (
	Internal     Kind = iota // any failure not listed below
	Usage                    // bad input; changes nothing
	NotFound                 // the thing named does not exist
	Refused                  // not allowed
	Unavailable              // a service did not answer
	Conflict                 // the thing exists already or is in use
	Config                   // the configuration is wrong
	NoSpace                  // the disk or a quota is full
	Damaged                  // stored data fails its checks
	Interrupted              // stopped by a signal
	Unauthorized             // the API token is missing or wrong
	NoRoute                  // the daemon serves no such route
	Misdirected              // the request named another host
	nKinds
)

// spec is a kind's row of the tables in docs/api.md and docs/cli.md. An
// empty api means the daemon never answers with this kind (it is the CLI's
// alone); status is then 0.
type spec struct {
	name   string // the phrase of Err's message
	api    string // {"error":{"code":…}} of the daemon's API
	status int    // the daemon's HTTP status
	cli    string // the code of `pdx --json` errors
	exit   int    // the process's exit status
}

// Exit statuses of the kinds (docs/cli.md), constants so the CLI can name
// them in switches; the table below is the only place they are paired with
// a kind.
const (
	ExitOK          = 0
	ExitFailure     = 1
	ExitUsage       = 2
	ExitNotFound    = 3
	ExitRefused     = 4
	ExitUnavailable = 5
	ExitConflict    = 6
	ExitConfig      = 7
	ExitNoSpace     = 8
	ExitDamaged     = 9
	ExitInterrupted = 130
)

// Codes of the daemon's API (docs/api.md), constants so the daemon can
// export them for its clients; the table below pairs each with its kind.
const (
	APIBadRequest   = "bad_request"
	APIUnauthorized = "unauthorized"
	APINotFound     = "not_found"
	APIRefused      = "refused"
	APIConflict     = "conflict"
	APIUnavailable  = "unavailable"
	APIDamaged      = "damaged"
	APINoRoute      = "no_route"
	APIInternal     = "internal"
	APIMisdirected  = "misdirected"
)

// specs is the one table; it is never written.
var specs = [nKinds]spec{
	Internal:     {"internal error", APIInternal, http.StatusInternalServerError, "failure", ExitFailure},
	Usage:        {"usage error", APIBadRequest, http.StatusBadRequest, "usage", ExitUsage},
	NotFound:     {"not found", APINotFound, http.StatusNotFound, "not_found", ExitNotFound},
	Refused:      {"refused", APIRefused, http.StatusForbidden, "refused", ExitRefused},
	Unavailable:  {"unavailable", APIUnavailable, http.StatusServiceUnavailable, "unavailable", ExitUnavailable},
	Conflict:     {"conflict", APIConflict, http.StatusConflict, "conflict", ExitConflict},
	Config:       {"invalid configuration", "", 0, "config", ExitConfig},
	NoSpace:      {"no space left", "", 0, "no_space", ExitNoSpace},
	Damaged:      {"damaged data", APIDamaged, http.StatusInternalServerError, "damaged", ExitDamaged},
	Interrupted:  {"interrupted", "", 0, "interrupted", ExitInterrupted},
	Unauthorized: {"unauthorized", APIUnauthorized, http.StatusUnauthorized, "refused", ExitRefused},
	NoRoute:      {"no such route", APINoRoute, http.StatusNotFound, "failure", ExitFailure},
	Misdirected:  {"misdirected request", APIMisdirected, http.StatusMisdirectedRequest, "failure", ExitFailure},
}

// Kinds lists every kind, for tests and tables.
func Kinds() []Kind {
	ks := make([]Kind, nKinds)
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

func (k Kind) spec() spec {
	if k >= nKinds {
		return specs[Internal]
	}
	return specs[k]
}

func (k Kind) String() string { return k.spec().cli + "/" + k.spec().api }

// APICode is the kind's code in the daemon's API; "" when the daemon never
// answers with it.
func (k Kind) APICode() string { return k.spec().api }

// HTTPStatus is the daemon's HTTP status for the kind; 0 when the daemon
// never answers with it.
func (k Kind) HTTPStatus() int { return k.spec().status }

// CLICode is the code of the kind in `pdx --json` errors.
func (k Kind) CLICode() string { return k.spec().cli }

// ExitCode is the pdx process's exit status for the kind.
func (k Kind) ExitCode() int { return k.spec().exit }

// FromAPICode is the kind of a code the daemon answered with, so the CLI
// reads the daemon's errors by the same table the daemon wrote them by.
func FromAPICode(code string) (Kind, bool) {
	if code == "" {
		return Internal, false
	}
	for _, k := range Kinds() {
		if specs[k].api == code {
			return k, true
		}
	}
	return Internal, false
}

// Err is the kind's sentinel: wrap it (fmt.Errorf("%w: …", k.Err())) or
// compare with errors.Is. Two calls return equal errors.
func (k Kind) Err() error { return kindError(k) }

// kindError is comparable, so errors.Is finds a kind's sentinel by value
// and no variable has to hold it.
type kindError Kind

func (e kindError) Error() string { return Kind(e).spec().name }
func (e kindError) Kind() Kind    { return Kind(e) }

// Kinded is an error that says its kind.
type Kinded interface {
	error
	Kind() Kind
}

// New makes a sentinel error that carries its kind: errors.Is finds both
// the sentinel itself and k.Err() in any error that wraps it, so a rule for
// the kind covers it and no table has to list it. Two calls return
// different sentinels, as errors.New does.
func New(k Kind, text string) error { return &sentinel{text: text, kind: k} }

type sentinel struct {
	text string
	kind Kind
}

func (s *sentinel) Error() string { return s.text }
func (s *sentinel) Kind() Kind    { return s.kind }

// Is makes the kind's sentinel match, as Mark's Unwrap does for a mark.
func (s *sentinel) Is(target error) bool { return target == kindError(s.kind) }

// Mark returns err with the kind k, its message unchanged and its own chain
// still visible to errors.Is/As; errors.Is(Mark(err, k), k.Err()) holds.
// A mark outranks whatever the chain holds (see Marked).
func Mark(err error, k Kind) error {
	if err == nil {
		return nil
	}
	return &marked{err: err, kind: k}
}

type marked struct {
	err  error
	kind Kind
}

func (m *marked) Error() string   { return m.err.Error() }
func (m *marked) Kind() Kind      { return m.kind }
func (m *marked) Unwrap() []error { return []error{kindError(m.kind), m.err} }

// Marked is the kind of the outermost Mark in err's chain.
func Marked(err error) (Kind, bool) {
	var m *marked
	if errors.As(err, &m) {
		return m.kind, true
	}
	return Internal, false
}

// Rule gives a kind to the errors that wrap Err (errors.Is) or, when Err
// is nil, that Match accepts.
type Rule struct {
	Err   error
	Match func(error) bool
	Kind  Kind
}

// Rules are a package's sentinels and their kinds, most specific first:
// the first rule that holds for an error decides.
type Rules []Rule

// Of is the kind of the first rule that holds for err; when none does,
// the kind the error itself carries (New, Kind.Err, Mark), if any.
func (rs Rules) Of(err error) (Kind, bool) {
	for _, r := range rs {
		if r.Err != nil && errors.Is(err, r.Err) || r.Err == nil && r.Match != nil && r.Match(err) {
			return r.Kind, true
		}
	}
	var k Kinded
	if errors.As(err, &k) {
		return k.Kind(), true
	}
	return Internal, false
}
