package envelope

import (
	"crypto/cipher"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
	"sync/atomic"
)

// SealReader is an envelope being sealed, read as a stream: the same bytes
// a Writer would write for the same header, for consumers that pull their
// input, such as an IPFS importer reading its leaves.
//
// Why it exists beside Writer: feeding an importer from a Writer needs a
// pipe, and the pipe copies every sealed byte once more into the
// importer's buffer. A SealReader seals each chunk straight into the
// buffer passed to Read, so the ciphertext is written once. The plaintext
// is read ahead, and its commitment hashed, on a goroutine of its own, so
// a reader that hashes what it reads (an importer computing CIDs) works in
// parallel with the plaintext source and the commitment.
//
// The final chunk is sealed once the plaintext source reports io.EOF; a
// source error ends the stream with that error and no final chunk, so what
// was read is a truncated envelope that does not open. Close stops the read
// ahead; it must be called when the stream is abandoned early (it is
// harmless after io.EOF).
type SealReader struct {
	aead   cipher.AEAD
	header []byte // the part of the header not yet read
	hdr    *Header
	cs     int
	idx    uint64
	nonce  [nonceSize]byte

	// The read-ahead goroutine hands over plaintext chunks, in order and
	// already written to the commitment, through jobs; buffers come back
	// through free.
	jobs chan *plainChunk
	free chan *plainChunk
	stop chan struct{} // closed by Close: the read ahead ends
	done chan struct{} // closed when the read-ahead goroutine has returned
	once sync.Once
	read atomic.Int64 // plaintext bytes read from the source

	pending    []byte // sealed bytes that did not fit the last Read's buffer
	scratch    []byte // where such a chunk is sealed, cap cs+minFinalChunk
	finished   bool   // the final chunk has been sealed
	commitment Commitment
	err        error // sticky
}

type plainChunk struct {
	buf        []byte // plaintext; the final chunk's ends with the commitment
	final      bool
	commitment Commitment
	err        error // the source failed; nothing else is set
}

// sealReadAhead is how many plaintext chunks the read-ahead goroutine may
// hold beyond the one being sealed: enough to keep both sides busy, little
// memory (8 × 64 KiB at the default chunk size).
const sealReadAhead = 8

// sealReaderFor returns the SealReader of header h (whose MAC must be made
// with key) over src.
func sealReaderFor(src io.Reader, h *Header, key FileKey) *SealReader {
	r := &SealReader{
		aead:    key.payloadAEAD(h),
		header:  h.raw,
		hdr:     h,
		cs:      h.ChunkSize,
		jobs:    make(chan *plainChunk, sealReadAhead),
		free:    make(chan *plainChunk, sealReadAhead+2),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
		scratch: make([]byte, 0, h.ChunkSize+minFinalChunk),
	}
	for range sealReadAhead + 2 {
		r.free <- &plainChunk{buf: make([]byte, 0, h.ChunkSize+CommitmentSize)}
	}
	go r.readAhead(src, newCommitter(key, h.Major))
	return r
}

// Header returns the envelope's header.
func (r *SealReader) Header() *Header { return r.hdr }

// PlaintextRead is how many plaintext bytes have been read from the source
// so far.
func (r *SealReader) PlaintextRead() int64 { return r.read.Load() }

// readAhead reads the source in chunks and hands them over in order. A
// full chunk is held back until the next read shows whether more data
// follows, so that the final chunk is empty only if the whole plaintext
// is, as Writer does.
func (r *SealReader) readAhead(src io.Reader, commit committer) {
	defer close(r.done)
	defer close(r.jobs)
	send := func(c *plainChunk) bool {
		select {
		case r.jobs <- c:
			return true
		case <-r.stop:
			return false
		}
	}
	var held *plainChunk
	for {
		var c *plainChunk
		select {
		case c = <-r.free:
		case <-r.stop:
			return
		}
		n, err := io.ReadFull(src, c.buf[:r.cs])
		c.buf = c.buf[:n]
		r.read.Add(int64(n))
		switch {
		case err == nil:
			if held != nil {
				commit.write(held.buf)
				if !send(held) {
					return
				}
			}
			held = c
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			final := c
			if n == 0 && held != nil {
				final = held
				c.buf = c.buf[:0]
				r.free <- c // room for it: free holds every buffer
			} else if held != nil {
				commit.write(held.buf)
				if !send(held) {
					return
				}
			}
			commit.write(final.buf)
			final.final = true
			final.commitment = commit.sum()
			final.buf = append(final.buf, final.commitment[:]...)
			send(final)
			return
		default:
			send(&plainChunk{err: err})
			return
		}
	}
}

// Read fills p with the envelope's next bytes: the header first, then
// chunks, each sealed straight into p when it fits and through a small
// buffer otherwise. It returns io.EOF after the final chunk, and the
// source's error (wrapped) if reading the plaintext failed.
func (r *SealReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	n := 0
	for n < len(p) {
		if len(r.header) > 0 {
			k := copy(p[n:], r.header)
			r.header = r.header[k:]
			n += k
			continue
		}
		if len(r.pending) > 0 {
			k := copy(p[n:], r.pending)
			r.pending = r.pending[k:]
			n += k
			continue
		}
		if r.finished {
			break
		}
		var c *plainChunk
		select {
		case c = <-r.jobs:
		case <-r.stop:
		}
		if c == nil {
			r.err = fmt.Errorf("%w: read after Close", ErrClosed)
			return n, r.err
		}
		if c.err != nil {
			r.err = fmt.Errorf("envelope: reading the plaintext after %d bytes: %w", r.read.Load(), c.err)
			return n, r.err
		}
		if r.idx == math.MaxUint64 {
			r.err = fmt.Errorf("%w: chunk counter exhausted", ErrInvalidArgument)
			return n, r.err
		}
		nc := nonce(&r.nonce, r.idx, c.final)
		if size := len(c.buf) + tagSize; len(p)-n >= size {
			r.aead.Seal(p[n:n], nc, c.buf, nil)
			n += size
		} else {
			r.pending = r.aead.Seal(r.scratch[:0], nc, c.buf, nil)
		}
		r.idx++
		if c.final {
			r.finished, r.commitment = true, c.commitment
		}
		clear(c.buf)
		c.buf, c.final = c.buf[:0], false
		r.free <- c
	}
	if n == 0 && r.finished {
		return 0, io.EOF
	}
	return n, nil
}

// Commitment returns the plaintext commitment, known once Read has
// returned io.EOF.
func (r *SealReader) Commitment() (Commitment, error) {
	if !r.finished || len(r.pending) > 0 {
		return Commitment{}, fmt.Errorf("%w: the commitment is known only after the whole envelope was read", ErrNotFinished)
	}
	return r.commitment, nil
}

// Close stops the read ahead without waiting for it (see Wait): a Read of
// the source in progress is left to return on its own, and nothing is read
// after it. Later Reads fail with ErrClosed. It always returns nil.
func (r *SealReader) Close() error {
	r.once.Do(func() { close(r.stop) })
	return nil
}

// Done is closed when the read ahead has returned (after the final chunk,
// a source error, or Close once a Read of the source in progress returns);
// from then on the source is no longer touched.
func (r *SealReader) Done() <-chan struct{} { return r.done }
