package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"syscall"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/errkind"
)

// Kinds of failure, each with an exit status and a code for --json (both
// defined once, in internal/errkind). A package reports a kind either by
// wrapping one of these sentinels (fmt.Errorf("%w: …", cli.ErrNotFound),
// or Mark) or by having its own sentinel listed in rules below. The table
// is documented in docs/cli.md.
var (
	ErrUsage       = errkind.Usage.Err()
	ErrNotFound    = errkind.NotFound.Err()
	ErrRefused     = errkind.Refused.Err()
	ErrUnavailable = errkind.Unavailable.Err()
	ErrConflict    = errkind.Conflict.Err()
	ErrConfig      = errkind.Config.Err()
	ErrNoSpace     = errkind.NoSpace.Err()
	ErrDamaged     = errkind.Damaged.Err()
)

// Exit statuses (docs/cli.md), those of the kinds.
const (
	ExitOK          = errkind.ExitOK
	ExitFailure     = errkind.ExitFailure
	ExitUsage       = errkind.ExitUsage
	ExitNotFound    = errkind.ExitNotFound
	ExitRefused     = errkind.ExitRefused
	ExitUnavailable = errkind.ExitUnavailable
	ExitConflict    = errkind.ExitConflict
	ExitConfig      = errkind.ExitConfig
	ExitNoSpace     = errkind.ExitNoSpace
	ExitDamaged     = errkind.ExitDamaged
	ExitInterrupted = errkind.ExitInterrupted
)

// Class is one row of the exit-code table.
type Class struct {
	Code   string // for {"error":{"code":…}}
	Status int    // process exit status
}

// classOf is the row of a kind.
func classOf(k errkind.Kind) Class { return Class{k.CLICode(), k.ExitCode()} }

// rules maps sentinel errors to their kind, most specific first: the first
// that errors.Is finds in an error's chain decides.
var rules = errkind.Rules{
	{Err: context.Canceled, Kind: errkind.Interrupted},
	{Err: ErrNoSpace, Kind: errkind.NoSpace},
	{Err: syscall.ENOSPC, Kind: errkind.NoSpace},
	{Err: syscall.EDQUOT, Kind: errkind.NoSpace},
	{Err: ErrDamaged, Kind: errkind.Damaged},
	{Err: ErrConfig, Kind: errkind.Config},
	{Err: config.ErrUnknownKey, Kind: errkind.Config},
	{Err: config.ErrSyntax, Kind: errkind.Config},
	{Err: config.ErrInvalid, Kind: errkind.Config},
	{Err: ErrConflict, Kind: errkind.Conflict},
	{Err: ErrRefused, Kind: errkind.Refused},
	{Err: config.ErrRefused, Kind: errkind.Refused},
	{Err: fs.ErrPermission, Kind: errkind.Refused},
	{Err: ErrUnavailable, Kind: errkind.Unavailable},
	{Err: context.DeadlineExceeded, Kind: errkind.Unavailable},
	{Err: syscall.ECONNREFUSED, Kind: errkind.Unavailable},
	{Err: syscall.ECONNRESET, Kind: errkind.Unavailable},
	{Err: syscall.EHOSTUNREACH, Kind: errkind.Unavailable},
	{Err: syscall.ENETUNREACH, Kind: errkind.Unavailable},
	{Err: ErrNotFound, Kind: errkind.NotFound},
	{Err: config.ErrNoFile, Kind: errkind.NotFound},
	{Err: fs.ErrNotExist, Kind: errkind.NotFound},
	{Err: ErrUsage, Kind: errkind.Usage},
	// A network operation that failed to reach its peer: the daemon, the
	// chain or the IPFS node is not there.
	{Match: isDialErr, Kind: errkind.Unavailable},
}

func isDialErr(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// Kind is the kind of err: an explicit Mark outranks whatever the wrapped
// chain holds, then the first of rules that holds decides.
func Kind(err error) errkind.Kind {
	if k, ok := errkind.Marked(err); ok {
		return k
	}
	k, _ := rules.Of(err)
	return k
}

// Classify returns the class of err; nil is "ok" with status 0.
func Classify(err error) Class {
	if err == nil {
		return Class{"ok", ExitOK}
	}
	return classOf(Kind(err))
}

// ExitCode is Classify(err).Status.
func ExitCode(err error) int { return Classify(err).Status }

// Mark returns err classified as kind (one of the Err* kinds above, or a
// sentinel listed in rules), its message unchanged and its own chain still
// visible to errors.Is/As.
func Mark(err, kind error) error {
	k, _ := rules.Of(kind)
	return errkind.Mark(err, k)
}

// Usagef returns a usage error with a formatted message.
func Usagef(format string, args ...any) error {
	return Mark(&plain{msg: fmt.Sprintf(format, args...)}, ErrUsage)
}

type plain struct{ msg string }

func (p *plain) Error() string { return p.msg }

// Stopped is the end of a service stopped by SIGINT or SIGTERM: the
// interrupted kind (exit 130), said as what it is, a clean stop, and not
// as a failure with the "context canceled" of the stop's mechanics.
func Stopped(format string, args ...any) error {
	return errkind.Mark(&plain{msg: fmt.Sprintf(format, args...)}, errkind.Interrupted)
}
