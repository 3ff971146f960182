// Package envstore puts and gets pdx envelopes on a storage.Store, and
// reads the kfrag bundles grants name (Bundles).
//
// It joins the two halves of a dataset version's life: the envelope format
// (package reencrypt/envelope), which encrypts a plaintext of any size as a
// stream of authenticated chunks, and the storage layer (package
// node/storage), which imports a stream into IPFS with pdx's fixed import
// profile and pins it. Everything streams: Put encrypts into a stream that
// the store reads as it imports, Get decrypts as the store delivers blocks, and
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
// store, pinned under pinName, in one streaming pass: the store's importer
// reads the envelope from an envelope.SealReader, which reads the plaintext
// ahead on a goroutine of its own and seals it, and hashes its commitment,
// on worker goroutines, so the importer's goroutine (which hashes every
// leaf) is left with its own work. Memory stays constant whatever the size.
//
// A failure on either side ends the other: a plaintext read or sealing
// error fails the importer's next read, so it aborts, and an import error
// (or ctx ending) stops the read ahead. Nothing is pinned after a failure
// (storage.Add pins only a completely stored object). Put stops using
// plaintext before it returns, except when ctx ends while a plaintext Read
// is blocked: that Read is then left to return on its own and nothing more
// is read after it.
func Put(ctx context.Context, store storage.Store, plaintext io.Reader, cfg envelope.WriterConfig, pinName string) (Result, error) {
	if store == nil || plaintext == nil {
		return Result{}, fmt.Errorf("%w: envstore.Put needs a store and a plaintext reader", envelope.ErrInvalidArgument)
	}
	if err := ctx.Err(); err != nil {
		return Result{}, fmt.Errorf("envstore: put: %w", err)
	}
	// A bad cfg fails here, before the store is touched.
	sr, err := envelope.NewSealReader(plaintext, cfg)
	if err != nil {
		return Result{}, err
	}
	src := &sealSource{r: sr}
	// An importer waiting for the next sealed chunk does not see ctx;
	// closing the SealReader ends that wait with an error.
	stop := context.AfterFunc(ctx, func() { sr.Close() })
	defer stop()

	c, addErr := store.Add(ctx, src, storage.AddOptions{Name: pinName})
	sr.Close()
	read := sr.PlaintextRead()
	switch {
	case addErr == nil:
		commitment, err := sr.Commitment()
		if err != nil {
			// Not reachable (the store reads io.EOF only after the final
			// chunk), but an incomplete envelope must not stay pinned.
			_ = store.Unpin(context.WithoutCancel(ctx), c)
			return Result{}, fmt.Errorf("envstore: put failed after %d plaintext bytes, nothing was pinned: %w", read, err)
		}
		<-sr.Done() // at once: the read ahead ended with the final chunk
		return Result{CID: c, Commitment: commitment, Size: src.n}, nil
	case ctx.Err() != nil:
		// The read ahead may be blocked in a plaintext Read; it stops
		// when that returns.
		return Result{}, fmt.Errorf("envstore: put interrupted after %d plaintext bytes, nothing was pinned: %w", read, ctx.Err())
	}
	select {
	case <-sr.Done():
	case <-ctx.Done():
	}
	if src.err != nil {
		// The root cause is on the plaintext side; the store's error only
		// says that its input failed.
		return Result{}, fmt.Errorf("envstore: put failed after %d plaintext bytes, nothing was pinned: %w", read, src.err)
	}
	return Result{}, fmt.Errorf("envstore: put: storing the envelope failed after %d plaintext bytes: %w", read, addErr)
}

// sealSource is what the store's importer reads: the SealReader, with the
// bytes counted and its first error kept (the plaintext side's, when the
// import fails because of it).
type sealSource struct {
	r   *envelope.SealReader
	n   int64
	err error
}

func (s *sealSource) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.n += int64(n)
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
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
// Open's header and one of its identities: Header.FileKey). Plaintext is
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
// opts are passed to the envelope reader after Get's own; with
// envelope.SkipCommitmentHash the plaintext is not hashed, and only the
// commitment carried in the envelope is compared with expect
// (reencrypt/envelope/ENVELOPE.md says when that is enough).
//
// ctx bounds the whole read, not only this call. Close releases the
// stream and its goroutines; a stream abandoned without Close releases
// them when ctx ends.
func Get(ctx context.Context, store storage.Store, c cid.Cid, key envelope.FileKey, expect *envelope.Commitment, opts ...envelope.OpenOption) (io.ReadCloser, error) {
	return Stream(ctx, store, c, func(*envelope.Header) (envelope.FileKey, error) { return key, nil }, expect, opts...)
}

// Stream is Get for a caller that chooses the file key from the header:
// open is called once with the header, read from the start of the same
// stream the body then comes from, so a get fetches and parses the header
// once. An error from open ends the stream before any plaintext exists.
// open runs while the store's stream is held open; a caller that waits in
// it (asking proxies) should bound that wait.
// opts are passed to the envelope reader, as in Get.
func Stream(ctx context.Context, store storage.Store, c cid.Cid, open func(*envelope.Header) (envelope.FileKey, error), expect *envelope.Commitment, opts ...envelope.OpenOption) (io.ReadCloser, error) {
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
	key, err := open(h)
	if err != nil {
		rc.Close()
		cancel()
		return nil, err
	}
	ro := []envelope.OpenOption{envelope.Workers(getWorkers())}
	if expect != nil {
		ro = append(ro, envelope.ExpectCommitment(*expect))
	}
	r, err := envelope.NewReader(h, rc, key, append(ro, opts...)...)
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
