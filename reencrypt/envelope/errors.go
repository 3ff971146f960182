package envelope

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package wraps exactly one of
// them (and sometimes an Umbral error as well), so callers branch with
// errors.Is and show the message to a human.
var (
	// ErrMalformedHeader: the bytes are not a pdx envelope header (wrong type
	// tag, impossible length, invalid capsule, chunk size out of range).
	ErrMalformedHeader = errors.New("envelope: malformed header")
	// ErrUnsupportedVersion: a pdx envelope of a major version this build
	// does not read; upgrade pdx.
	ErrUnsupportedVersion = errors.New("envelope: unsupported version")
	// ErrAuthentication: the header MAC or a chunk's AEAD tag did not verify:
	// the envelope was tampered with, chunks were dropped, reordered or
	// appended, the body belongs to another header, or the file key is wrong.
	ErrAuthentication = errors.New("envelope: authentication failed")
	// ErrTruncated: the envelope ends before its final chunk.
	ErrTruncated = errors.New("envelope: truncated")
	// ErrMalformedBody: authentic chunks that break the canonical layout
	// (an empty final chunk after full ones); only a writer holding the file
	// key can produce it, and no pdx writer does.
	ErrMalformedBody = errors.New("envelope: malformed body")
	// ErrCommitmentMismatch: the plaintext does not match the commitment
	// carried in the final chunk, or the one the caller expected (on chain).
	ErrCommitmentMismatch = errors.New("envelope: plaintext commitment mismatch")
	// ErrKeyUnwrap: the file key could not be recovered from the Umbral
	// capsule and wrapped key (wrong dataset key, wrong or too few cfrags).
	ErrKeyUnwrap = errors.New("envelope: cannot unwrap the file key")
	// ErrInvalidArgument: a caller passed an unusable parameter (nil key,
	// chunk size out of range, negative offset).
	ErrInvalidArgument = errors.New("envelope: invalid argument")
	// ErrClosed: Write after a Writer's Close, Read after a Reader's Close.
	ErrClosed = errors.New("envelope: closed")
	// ErrNotFinished: the commitment was asked for before the stream ended.
	ErrNotFinished = errors.New("envelope: stream not finished")
)

// ChunkError reports which chunk of the stream failed, so a caller can tell
// how much plaintext it was given before the failure (Index × chunk size
// bytes at most). It unwraps to one of the sentinels above.
type ChunkError struct {
	Index uint64 // zero-based chunk index
	Err   error  // a sentinel, possibly wrapped with detail
}

func (e *ChunkError) Error() string {
	return fmt.Sprintf("chunk %d: %v", e.Index, e.Err)
}

func (e *ChunkError) Unwrap() error { return e.Err }
