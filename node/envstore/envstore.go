// Package envstore puts and gets pdx envelopes on a storage.Store.
//
// It joins the two halves of a dataset version's life: the envelope format
// (package reencrypt/envelope), which encrypts a plaintext of any size as a
// stream of authenticated chunks, and the storage layer (package
// node/storage), which imports a stream into IPFS with pdx's fixed import
// profile and pins it. Everything streams: Put encrypts into a pipe that the
// store reads as it imports, Get decrypts as the store delivers blocks, and
// Range reads only the chunks a byte range touches. Memory stays constant
// (a few chunks and import blocks) whatever the size of the data.
//
// No new wire format is defined here: the stored object is exactly an
// envelope (reencrypt/envelope/ENVELOPE.md) imported as one UnixFS file with
// the storage import profile (node/storage/IMPORT.md), so any IPFS node or
// gateway can serve it and any envelope reader can open it.
//
// Opening is in two steps because the file key is wrapped in the header:
//
//	h, err := envstore.Open(ctx, store, c)           // public header only
//	key, err := h.FileKeyForOwner(datasetSK)         // or FileKeyForGrantee
//	rc, err := envstore.Get(ctx, store, c, key, &registered)
//
// Errors: a CID whose content is not a pdx envelope is ErrNotEnvelope (which
// also matches the envelope's or the storage's own error); storage errors
// (storage.ErrNotFound, storage.ErrInvalidCID, …) and envelope errors
// (envelope.ErrAuthentication, envelope.ErrTruncated, …) pass through
// unchanged for errors.Is.
package envstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync/atomic"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// ErrNotEnvelope: the CID names content that is not a pdx envelope (plain
// bytes added to IPFS by something else, a directory, a kfrag bundle). The
// error also wraps what the envelope or storage layer said, e.g.
// envelope.ErrMalformedHeader or storage.ErrNotAFile.
var ErrNotEnvelope = errors.New("envstore: not a pdx envelope")

// errReadClosed is what a Get stream returns when read after Close.
var errReadClosed = errors.New("envstore: read after Close")

// errStorageEnded closes the pipe's read side when the store stopped
// reading, so that the sealing side stops at its next write.
var errStorageEnded = errors.New("envstore: the store stopped reading")

// Sizes of the copy buffers. The sealed stream is handed to the store's
// importer (which reads 256 KiB leaves) in buffers of pipeChunks sealed
// chunks (about 1 MiB): one pipe hand-off per four leaves instead of one
// per 64 KiB chunk. Measured on the sealing side alone (envelope writer
// into the pipe, 64 MiB), this cut the CPU cost per byte by about 15%
// against unbuffered writes. pipeBuffers of them (4 MiB) let the sealing
// run ahead of the importer (asyncWriter). The envelope writer seals
// straight into a buffer's free space (AvailableBuffer), so the buffers add
// no copy of their own.
const (
	plainBuf    = 256 << 10
	pipeChunks  = 16
	pipeBuffers = 4
)

// sealedMax is the largest sealed chunk for a chunk size (0: the default):
// the data, the final chunk's commitment and the AEAD tag fit in 64 bytes
// more.
func sealedMax(chunkSize int) int {
	if chunkSize == 0 {
		chunkSize = envelope.DefaultChunkSize
	}
	return chunkSize + 64
}

// pipeBuffer is the size of one of Put's pipe buffers: pipeChunks sealed
// chunks, about 1 MiB at the default chunk size.
func pipeBuffer(chunkSize int) int { return pipeChunks * sealedMax(chunkSize) }

// Result describes a stored envelope.
type Result struct {
	// CID is the envelope's content address (pinned on the store).
	CID cid.Cid
	// Commitment is the plaintext commitment, the fingerprint the owner
	// registers on chain with the CID.
	Commitment envelope.Commitment
	// Size is the envelope's size in bytes (ciphertext, header included).
	Size int64
}

// Put seals plaintext into an envelope described by cfg and adds it to
// store, pinned under pinName, in one streaming pass: the envelope writer
// feeds a pipe that store.Add reads, so memory stays constant whatever the
// size.
//
// A failure on either side ends the other: a plaintext read or sealing
// error aborts the import, and an import error (or ctx ending) stops the
// sealing at its next write. Nothing is pinned after a failure (storage.Add
// pins only a completely stored object). Put stops using plaintext before it
// returns, except when ctx ends while a plaintext Read is blocked: that Read
// is then left to return on its own and nothing more is read after it.
func Put(ctx context.Context, store storage.Store, plaintext io.Reader, cfg envelope.WriterConfig, pinName string) (Result, error) {
	if store == nil || plaintext == nil {
		return Result{}, fmt.Errorf("%w: envstore.Put needs a store and a plaintext reader", envelope.ErrInvalidArgument)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("envstore: put: %w", err)
	}
	pr, pw := io.Pipe()
	counted := &countingWriter{w: pw}
	buffered := newAsyncWriter(counted, pipeBuffer(cfg.ChunkSize), pipeBuffers, sealedMax(cfg.ChunkSize))
	// NewWriter writes the header into the buffer only, so a bad cfg fails
	// here, before the store is touched.
	w, err := envelope.NewWriter(buffered, cfg)
	if err != nil {
		buffered.abort(err)
		return Result{}, err
	}

	type sealed struct {
		commitment envelope.Commitment
		read       int64
		err        error
	}
	done := make(chan sealed, 1)
	go func() {
		var s sealed
		s.read, s.err = io.CopyBuffer(onlyWriter{w}, onlyReader{plaintext}, make([]byte, plainBuf))
		if s.err == nil {
			s.err = w.Close()
		}
		if s.err == nil {
			s.err = buffered.Close()
		} else {
			buffered.abort(s.err)
		}
		if s.err == nil {
			s.commitment, s.err = w.Commitment()
		}
		// nil: the store reads io.EOF and completes the import; an error
		// fails the store's next read, so it aborts and pins nothing.
		pw.CloseWithError(s.err)
		done <- s
	}()
	// An importer blocked reading the pipe does not see ctx, and neither
	// does the sealing side blocked writing it. Closing the write end
	// reaches both: the importer reads ctx's error, the sealing side's next
	// write fails.
	stop := context.AfterFunc(ctx, func() { pw.CloseWithError(ctx.Err()) })
	defer stop()

	c, addErr := store.Add(ctx, pr, storage.AddOptions{Name: pinName})
	if addErr != nil {
		// The sealing side's next write fails (a *pipeError).
		pr.CloseWithError(errStorageEnded)
	}
	var s sealed
	if addErr == nil {
		// The store read io.EOF, so the sealing side has finished.
		s = <-done
	} else {
		select {
		case s = <-done:
		case <-ctx.Done():
			// The sealing side is blocked in a plaintext Read; it stops at
			// its next write.
			return Result{}, fmt.Errorf("envstore: put interrupted, nothing was pinned: %w", addErr)
		}
	}
	var pipeErr *pipeError
	switch {
	case s.err != nil && !errors.As(s.err, &pipeErr):
		// The root cause is on the plaintext side; the store's error only
		// says that its input failed.
		if addErr == nil {
			// Not reachable (the store reads io.EOF only after a complete
			// seal), but an incomplete envelope must not stay pinned.
			_ = store.Unpin(context.WithoutCancel(ctx), c)
		}
		return Result{}, fmt.Errorf("envstore: put failed after %d plaintext bytes, nothing was pinned: %w", s.read, s.err)
	case addErr != nil:
		return Result{}, fmt.Errorf("envstore: put: storing the envelope failed after %d plaintext bytes: %w", s.read, addErr)
	case s.err != nil:
		_ = store.Unpin(context.WithoutCancel(ctx), c)
		return Result{}, fmt.Errorf("envstore: put failed after %d plaintext bytes, nothing was pinned: %w", s.read, s.err)
	}
	return Result{CID: c, Commitment: s.commitment, Size: counted.n}, nil
}

// Open reads the header of the envelope c, and nothing else: only the
// blocks that hold the object's first bytes are fetched (the root, and the
// first leaf of a larger object). The header's fields are public; they are
// authentic once the file key recovered from it has checked the header MAC
// (Header.FileKeyForOwner and FileKeyForGrantee do that).
func Open(ctx context.Context, store storage.Store, c cid.Cid) (*envelope.Header, error) {
	if store == nil {
		return nil, fmt.Errorf("%w: envstore.Open needs a store", envelope.ErrInvalidArgument)
	}
	// A header is at most 65535 bytes (its length field is 16 bits); the
	// reader stops after the length it declares, and closing the range
	// reader stops the walk.
	rc, err := store.GetRange(ctx, c, 0, math.MaxUint16)
	if err != nil {
		return nil, readError(c, err)
	}
	defer rc.Close()
	h, err := envelope.ReadHeader(rc)
	if err != nil {
		return nil, readError(c, err)
	}
	return h, nil
}

// Get streams the plaintext of the envelope c, decrypted with key (from
// Open's header: FileKeyForOwner or FileKeyForGrantee). Plaintext is
// released one authenticated chunk at a time; the final Read checks the
// plaintext commitment carried in the envelope and, when expect is not nil,
// the caller's (the one registered on chain), and fails with
// envelope.ErrCommitmentMismatch rather than returning io.EOF if either
// differs. Act on the plaintext as a whole only once Read returned io.EOF.
//
// The store's stream is read ahead on one goroutine and chunks are
// authenticated, decrypted and hashed on getWorkers() others, so fetching and
// the cryptography use both cores of a small machine instead of taking
// turns; the release rules above hold unchanged (envelope.Workers).
//
// ctx bounds the whole read, not only this call. Close releases the
// stream and its goroutines; a stream abandoned without Close releases
// them when ctx ends.
func Get(ctx context.Context, store storage.Store, c cid.Cid, key envelope.FileKey, expect *envelope.Commitment) (io.ReadCloser, error) {
	if store == nil {
		return nil, fmt.Errorf("%w: envstore.Get needs a store", envelope.ErrInvalidArgument)
	}
	rctx, cancel := context.WithCancel(ctx)
	rc, err := store.Get(rctx, c)
	if err != nil {
		cancel()
		return nil, readError(c, err)
	}
	h, err := envelope.ReadHeader(rc)
	if err != nil {
		rc.Close()
		cancel()
		return nil, readError(c, err)
	}
	opts := []envelope.OpenOption{envelope.Workers(getWorkers())}
	if expect != nil {
		opts = append(opts, envelope.ExpectCommitment(*expect))
	}
	r, err := envelope.NewReader(h, rc, key, opts...)
	if err != nil {
		rc.Close()
		cancel()
		return nil, fmt.Errorf("envstore: opening %s: %w", c, err)
	}
	p := &plainReader{r: r, src: rc, ctx: rctx, cancel: cancel}
	// A stream abandoned without Close still stops when ctx ends: the
	// store's read fails, and the reader's goroutines return.
	p.stopAfter = context.AfterFunc(rctx, func() { r.Close() })
	return p, nil
}

// getWorkers is how many goroutines open chunks in Get, besides the one
// reading ahead from the store: one core's worth is left to kubo's own
// block fetching, the others open chunks. On a 2-core machine that is one
// worker; measured there (64 MiB gets, interleaved under the same load), a
// second worker only added CPU time per byte (1.29–1.49 against 1.19–1.29
// ns/B) through goroutines competing for the two cores.
func getWorkers() int { return min(max(runtime.GOMAXPROCS(0)-1, 1), 4) }

// plainReader is the plaintext stream of Get: the envelope reader reads the
// store's stream ahead on its own goroutine and opens chunks on
// getWorkers() more, releasing each in order once authenticated.
type plainReader struct {
	r         *envelope.Reader
	src       io.ReadCloser
	ctx       context.Context // Get's; its end stops the stream
	cancel    context.CancelFunc
	stopAfter func() bool
	closed    bool
}

func (p *plainReader) Read(b []byte) (int, error) {
	if p.closed {
		return 0, errReadClosed
	}
	n, err := p.r.Read(b)
	return n, p.mapErr(err)
}

// WriteTo hands each authenticated chunk to w without copying it through
// a caller's buffer (io.Copy uses it).
func (p *plainReader) WriteTo(w io.Writer) (int64, error) {
	if p.closed {
		return 0, errReadClosed
	}
	n, err := p.r.WriteTo(w)
	return n, p.mapErr(err)
}

// mapErr reports a stream stopped by the end of Get's context as such,
// whichever of the store's read and the reader noticed it first.
func (p *plainReader) mapErr(err error) error {
	if err != nil && err != io.EOF && p.ctx.Err() != nil && !errors.Is(err, p.ctx.Err()) {
		return fmt.Errorf("envstore: reading stopped: %w (%w)", p.ctx.Err(), err)
	}
	return err
}

// Close stops the fetching and releases the storage stream: the store's
// read is cancelled first, so that the reader's read-ahead returns, then the
// reader's goroutines are waited for and the stream closed.
func (p *plainReader) Close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	p.stopAfter()
	p.cancel()
	p.r.Close()
	return p.src.Close()
}

// readError classifies a failure to read an object's header: content that
// is not an envelope becomes ErrNotEnvelope, everything else passes
// through.
func readError(c cid.Cid, err error) error {
	switch {
	case errors.Is(err, envelope.ErrMalformedHeader):
		return fmt.Errorf("%w: %s does not start with a pdx envelope header (was it added by pdx put?): %w", ErrNotEnvelope, c, err)
	case errors.Is(err, storage.ErrNotAFile):
		return fmt.Errorf("%w: %s is not a single file, and pdx envelopes are: %w", ErrNotEnvelope, c, err)
	}
	return fmt.Errorf("envstore: reading %s: %w", c, err)
}

// countingWriter counts the bytes written into the pipe and marks the
// pipe's errors, which mean that the store stopped reading.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil {
		err = &pipeError{err}
	}
	return n, err
}

// pipeError is a write into the pipe that failed because the store's side
// ended; the store's own error says why.
type pipeError struct{ err error }

func (e *pipeError) Error() string { return "envstore: the store stopped reading: " + e.err.Error() }

func (e *pipeError) Unwrap() error { return e.err }

// onlyReader and onlyWriter hide WriteTo and ReadFrom, so that io.CopyBuffer
// moves the plaintext through its own buffer in pieces of plainBuf bytes
// whatever the concrete reader.
type onlyReader struct{ io.Reader }

type onlyWriter struct{ io.Writer }

// RangeReader reads byte ranges of an envelope's plaintext from a store,
// fetching only the chunks a range touches (and, once, the final chunk,
// which authenticates the plaintext size). It holds at most one chunk of
// data. It does not check the plaintext commitment, which needs every
// byte; use Get for that.
type RangeReader struct {
	rr     *envelope.RangeReader
	ra     *storeReaderAt
	header *envelope.Header
}

// Range opens the envelope c for random access with key. It reads the
// header and the final chunk. ctx bounds Range and every later ReadAt of
// the returned reader (an io.ReaderAt has no context of its own), so give it
// the lifetime of the reads.
func Range(ctx context.Context, store storage.Store, c cid.Cid, key envelope.FileKey) (*RangeReader, error) {
	h, err := Open(ctx, store, c)
	if err != nil {
		return nil, err
	}
	size, err := store.Size(ctx, c)
	if err != nil {
		return nil, readError(c, err)
	}
	ra := &storeReaderAt{ctx: ctx, store: store, c: c, size: size}
	ra.n.Store(int64(h.Len()))
	rr, err := envelope.NewRangeReader(h, ra, size, key)
	if err != nil {
		return nil, fmt.Errorf("envstore: opening %s for range reads: %w", c, err)
	}
	return &RangeReader{rr: rr, ra: ra, header: h}, nil
}

// ReadAt implements io.ReaderAt over the plaintext; only authenticated
// bytes are copied to p.
func (r *RangeReader) ReadAt(p []byte, off int64) (int, error) { return r.rr.ReadAt(p, off) }

// Size is the plaintext size (authenticated by the final chunk).
func (r *RangeReader) Size() int64 { return r.rr.Size() }

// Header is the envelope's header (authenticated by Range's key).
func (r *RangeReader) Header() *envelope.Header { return r.header }

// CiphertextBytesRead is how many envelope bytes have been read from the
// store so far (header included), the cost of the ranges served.
func (r *RangeReader) CiphertextBytesRead() int64 { return r.ra.n.Load() }

// storeReaderAt is an io.ReaderAt over one stored object, one GetRange per
// call. It keeps nothing between calls.
type storeReaderAt struct {
	ctx   context.Context
	store storage.Store
	c     cid.Cid
	size  int64
	n     atomic.Int64
}

func (s *storeReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= s.size {
		return 0, io.EOF
	}
	rc, err := s.store.GetRange(s.ctx, s.c, off, int64(len(p)))
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	n, err := io.ReadFull(rc, p)
	s.n.Add(int64(n))
	if err == io.ErrUnexpectedEOF {
		err = io.EOF
	}
	return n, err
}
