package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
)

// Sentinel errors. Every error returned by a Store wraps at most one of these
// (plus, for timeouts, the context's own error), so callers branch with
// errors.Is and show the message, which says what to do next.
var (
	// ErrNotFound: the object is not on this node and could not be fetched
	// from any connected peer before the context ended.
	ErrNotFound = errors.New("storage: content not found")
	// ErrInvalidCID: a CID string does not parse, or a parsed CID is not one
	// pdx can store or read (undefined, or not UnixFS/raw).
	ErrInvalidCID = errors.New("storage: invalid CID")
	// ErrTooLarge: an Add read more than AddOptions.MaxSize bytes.
	ErrTooLarge = errors.New("storage: object too large")
	// ErrInvalidRange: a range read with a negative offset or length, or an
	// offset past the end of the object.
	ErrInvalidRange = errors.New("storage: invalid byte range")
	// ErrNotAFile: the CID names a directory or other non-file UnixFS node;
	// pdx only stores single files.
	ErrNotAFile = errors.New("storage: not a file")
	// ErrNotPinned: Unpin of a CID that has no recursive pin on this node.
	ErrNotPinned = errors.New("storage: not pinned")
	// ErrRepoLocked: the embedded node's repository is open in another
	// process. See *RepoLockedError for the holder's pid.
	ErrRepoLocked = errors.New("storage: ipfs repository is locked by another process")
	// ErrRepoNeedsMigration: the repository was written by an older kubo and
	// must be migrated before this build can open it.
	ErrRepoNeedsMigration = errors.New("storage: ipfs repository needs migration")
	// ErrRepoTooNew: the repository was written by a newer kubo than the one
	// built into pdx.
	ErrRepoTooNew = errors.New("storage: ipfs repository is newer than this pdx build supports")
	// ErrUnauthorized: a remote kubo API refused the credentials (HTTP 401/403).
	ErrUnauthorized = errors.New("storage: kubo RPC API refused the request (unauthorized)")
	// ErrUnreachable: a remote kubo API could not be reached.
	ErrUnreachable = errors.New("storage: kubo RPC API unreachable")
	// ErrInvalidPeer: a peer address that does not parse or names no peer id.
	ErrInvalidPeer = errors.New("storage: invalid peer address")
	// ErrClosed: the store was used after Close.
	ErrClosed = errors.New("storage: store is closed")
)

// RepoLockedError says which process holds the repository lock. It matches
// ErrRepoLocked with errors.Is.
type RepoLockedError struct {
	Dir string
	// PID of the process holding the lock, 0 if the operating system did not
	// say (the lock is held through this process, or the platform has no
	// F_GETLK).
	PID int
	Err error
}

func (e *RepoLockedError) Error() string {
	who := "another process"
	if e.PID > 0 {
		who = fmt.Sprintf("process %d", e.PID)
	}
	return fmt.Sprintf("storage: ipfs repository %s is locked by %s (usually an `ipfs daemon` or another pdx daemon using the same home); "+
		"stop that process, or point pdx at that daemon's RPC API (remote storage) instead of opening the repository directly", e.Dir, who)
}

// Is makes errors.Is(err, ErrRepoLocked) hold.
func (e *RepoLockedError) Is(target error) bool { return target == ErrRepoLocked }

func (e *RepoLockedError) Unwrap() error { return e.Err }

// ParseCID parses a CID string as given by a user, a chain event or a
// manifest. Anything that does not parse is ErrInvalidCID.
func ParseCID(s string) (cid.Cid, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "/ipfs/")
	c, err := cid.Decode(s)
	if err != nil {
		return cid.Undef, fmt.Errorf("%w: %q does not parse (%v); expected a CID such as bafybei… or bafkrei…", ErrInvalidCID, s, err)
	}
	if err := checkCID(c); err != nil {
		return cid.Undef, err
	}
	return c, nil
}

// checkCID rejects CIDs that cannot name a pdx object: undefined ones and
// codecs other than dag-pb (UnixFS) and raw.
func checkCID(c cid.Cid) error {
	if !c.Defined() {
		return fmt.Errorf("%w: the CID is empty; pass the CID returned by Add", ErrInvalidCID)
	}
	switch c.Type() {
	case cid.DagProtobuf, cid.Raw:
		return nil
	default:
		return fmt.Errorf("%w: %s has codec 0x%x; pdx objects are UnixFS (dag-pb) or raw", ErrInvalidCID, c, c.Type())
	}
}

// fetchError turns what kubo (in-process or over RPC) said about a read into
// a pdx error. ctx is the caller's context: when it ended, the object was not
// found in time, which is the only way an online IPFS node reports absence.
func fetchError(ctx context.Context, c cid.Cid, err error) error {
	if err == nil {
		return nil
	}
	switch {
	case errors.Is(err, ErrClosed), errors.Is(err, ErrUnauthorized), errors.Is(err, ErrUnreachable),
		errors.Is(err, ErrInvalidRange), errors.Is(err, ErrNotAFile), errors.Is(err, ErrInvalidCID):
		return err
	case ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		cause := ctx.Err()
		if cause == nil {
			cause = context.DeadlineExceeded
		}
		return fmt.Errorf("%w: %s was not fetched before the context ended (no connected peer provided it); "+
			"connect to a peer that holds it, or allow more time: %w", ErrNotFound, c, cause)
	case ipld.IsNotFound(err) || strings.Contains(err.Error(), "not found"):
		return fmt.Errorf("%w: %s is not on this node: %v", ErrNotFound, c, err)
	case strings.Contains(err.Error(), "not a regular file") || strings.Contains(err.Error(), "is a directory") ||
		strings.Contains(err.Error(), "not unixfs"):
		return fmt.Errorf("%w: %s: %v", ErrNotAFile, c, err)
	}
	return fmt.Errorf("storage: reading %s: %w", c, err)
}
