package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"syscall"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
)

// Kinds of failure, each with an exit status and a code for --json. A
// package reports a kind either by wrapping one of these sentinels
// (fmt.Errorf("%w: …", cli.ErrNotFound), or Mark) or by having its own
// sentinel listed in classes below. The table is documented in docs/cli.md.
var (
	ErrUsage       = errors.New("usage error")
	ErrNotFound    = errors.New("not found")
	ErrRefused     = errors.New("refused")
	ErrUnavailable = errors.New("unavailable")
	ErrConflict    = errors.New("conflict")
	ErrConfig      = errors.New("invalid configuration")
	ErrNoSpace     = errors.New("no space left")
	ErrDamaged     = errors.New("damaged data")
)

// Exit statuses (docs/cli.md).
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

// Class is one row of the exit-code table.
type Class struct {
	Code   string // for {"error":{"code":…}}
	Status int    // process exit status
}

var (
	classFailure     = Class{"failure", ExitFailure}
	classUsage       = Class{"usage", ExitUsage}
	classNotFound    = Class{"not_found", ExitNotFound}
	classRefused     = Class{"refused", ExitRefused}
	classUnavailable = Class{"unavailable", ExitUnavailable}
	classConflict    = Class{"conflict", ExitConflict}
	classConfig      = Class{"config", ExitConfig}
	classNoSpace     = Class{"no_space", ExitNoSpace}
	classDamaged     = Class{"damaged", ExitDamaged}
	classInterrupted = Class{"interrupted", ExitInterrupted}
)

// classes maps sentinel errors to their class, most specific first: the
// first that errors.Is finds in an error's chain decides.
var classes = []struct {
	err   error
	class Class
}{
	{context.Canceled, classInterrupted},
	{ErrNoSpace, classNoSpace},
	{syscall.ENOSPC, classNoSpace},
	{syscall.EDQUOT, classNoSpace},
	{ErrDamaged, classDamaged},
	{home.ErrCorrupt, classDamaged},
	{ErrConfig, classConfig},
	{config.ErrUnknownKey, classConfig},
	{config.ErrSyntax, classConfig},
	{config.ErrInvalid, classConfig},
	{ErrConflict, classConflict},
	{home.ErrExists, classConflict},
	{home.ErrLocked, classConflict},
	{home.ErrDatasetExists, classConflict},
	{ErrRefused, classRefused},
	{home.ErrBadPassphrase, classRefused},
	{config.ErrRefused, classRefused},
	{fs.ErrPermission, classRefused},
	{ErrUnavailable, classUnavailable},
	{context.DeadlineExceeded, classUnavailable},
	{syscall.ECONNREFUSED, classUnavailable},
	{syscall.ECONNRESET, classUnavailable},
	{syscall.EHOSTUNREACH, classUnavailable},
	{syscall.ENETUNREACH, classUnavailable},
	{ErrNotFound, classNotFound},
	{home.ErrNotInitialized, classNotFound},
	{home.ErrDatasetNotFound, classNotFound},
	{config.ErrNoFile, classNotFound},
	{fs.ErrNotExist, classNotFound},
	{ErrUsage, classUsage},
	{home.ErrBadDatasetID, classUsage},
	{home.ErrBadSalt, classUsage},
	{home.ErrNoPassphrase, classUsage},
	{home.ErrEmptyPassphrase, classUsage},
	{home.ErrPassphraseMismatch, classUsage},
}

// Classify returns the class of err; nil is "ok" with status 0.
func Classify(err error) Class {
	if err == nil {
		return Class{"ok", ExitOK}
	}
	// An explicit Mark outranks whatever the wrapped chain holds.
	var m *marked
	if errors.As(err, &m) {
		for _, c := range classes {
			if m.kind == c.err {
				return c.class
			}
		}
	}
	for _, c := range classes {
		if errors.Is(err, c.err) {
			return c.class
		}
	}
	// A network operation that failed to reach its peer: the daemon, the
	// chain or the IPFS node is not there.
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return classUnavailable
	}
	return classFailure
}

// ExitCode is Classify(err).Status.
func ExitCode(err error) int { return Classify(err).Status }

// marked adds a kind to an error without changing its message.
type marked struct {
	err  error
	kind error
}

func (m *marked) Error() string   { return m.err.Error() }
func (m *marked) Unwrap() []error { return []error{m.kind, m.err} }

// Mark returns err classified as kind (one of the Err* kinds above), its
// message unchanged and its own chain still visible to errors.Is/As.
func Mark(err, kind error) error {
	if err == nil {
		return nil
	}
	return &marked{err: err, kind: kind}
}

// Usagef returns a usage error with a formatted message.
func Usagef(format string, args ...any) error {
	return Mark(&plain{msg: fmt.Sprintf(format, args...)}, ErrUsage)
}

type plain struct{ msg string }

func (p *plain) Error() string { return p.msg }
