// Package storage is pdx's storage layer: what pdx needs of IPFS, over kubo's
// CoreAPI, either in-process (Embedded) or through a kubo daemon's RPC API
// (Remote).
//
// pdx stores opaque bytes (envelopes, kfrag bundles); it never interprets
// them here. Objects are imported with one fixed profile (IMPORT.md: CIDv1,
// raw leaves, 256 KiB chunks, balanced DAG, 174 links per node), so the same
// bytes get the same CID whichever implementation or machine adds them: the
// chain records CIDs, and a CID that depended on local settings would not
// match what another node computes.
//
// Both implementations stream: Add reads an io.Reader chunk by chunk and Get
// returns a reader, so objects of any size use constant memory.
package storage

import (
	"context"
	"io"

	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"
)

// Store is what pdx needs of an IPFS node.
//
// Every method that may wait takes a context and returns when it ends. An
// IPFS node cannot tell "does not exist" from "nobody has offered it yet", so
// reads of unknown content end with ErrNotFound when the context's deadline
// passes: callers should always give reads a deadline.
type Store interface {
	// Add imports r as one UnixFS file with pdx's import profile, pins it
	// recursively under opts.Name and returns its CID. The pin is written
	// only after every block is stored, so a CID Add returned is fully
	// present and pinned, and a failed or interrupted Add pins nothing.
	// The embedded store has also written every block of a failed Add
	// when it returns, so one GC then removes them all (endClean).
	Add(ctx context.Context, r io.Reader, opts AddOptions) (cid.Cid, error)
	// Size is the byte size of the file c.
	Size(ctx context.Context, c cid.Cid) (int64, error)
	// Get streams the whole file c.
	Get(ctx context.Context, c cid.Cid) (io.ReadCloser, error)
	// GetRange streams length bytes of c from offset, fetching only the
	// blocks that hold them. A range past the end is cut at the end; an
	// offset past the end is ErrInvalidRange.
	GetRange(ctx context.Context, c cid.Cid, offset, length int64) (io.ReadCloser, error)

	// Pin pins c recursively under name, fetching it if needed.
	Pin(ctx context.Context, c cid.Cid, name string) error
	// Unpin removes c's recursive pin; ErrNotPinned if there is none. The
	// blocks stay until GC.
	Unpin(ctx context.Context, c cid.Cid) error
	// IsPinned reports whether c is pinned recursively.
	IsPinned(ctx context.Context, c cid.Cid) (bool, error)
	// Pins lists the recursive pins with their names.
	Pins(ctx context.Context) ([]Pin, error)
	// GC deletes every block not protected by a pin and returns how many
	// blocks it removed.
	GC(ctx context.Context) (int, error)

	// Self is this node's peer id and the addresses it listens on, for
	// another node's Connect.
	Self(ctx context.Context) (peer.AddrInfo, error)
	// Connect opens a connection to a peer, so content moves between the two
	// over bitswap without any routing.
	Connect(ctx context.Context, p peer.AddrInfo) error

	// ExportCAR writes a CARv1 holding the complete DAGs of roots (each
	// block once, roots in the header in the order given) to w.
	ExportCAR(ctx context.Context, w io.Writer, roots ...cid.Cid) error

	// Close releases the node (embedded) or the client (remote).
	Close() error
}

// AddOptions are the per-object choices of Add.
type AddOptions struct {
	// Name is stored with the pin (kubo's pin name), so an operator listing
	// pins sees what each one is, e.g. "pdx/dataset/<id>/v3".
	Name string
	// MaxSize, when positive, makes Add fail with ErrTooLarge as soon as r
	// yields more than MaxSize bytes; nothing is pinned then.
	MaxSize int64
}

// Pin is one recursive pin.
type Pin struct {
	CID  cid.Cid
	Name string
}
