package envelope

import (
	"crypto/cipher"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
)

// Reader opens an envelope's chunk stream. It releases plaintext one chunk
// at a time and only after that chunk's tag has verified, so it never
// returns unauthenticated bytes; the final chunk is released only after the
// plaintext commitment has been checked as well. A reader that must act on
// the whole plaintext or nothing should act only once Read returned io.EOF:
// until then a later chunk may still fail (truncation, tampering), and the
// error says which chunk (ChunkError).
//
// By default a Reader works in the caller's goroutine. With Workers(n) it
// reads ahead on its own goroutine and opens chunks on n more (see
// Workers); the rules above are unchanged, because chunks are still
// released one by one, in order, each only after it authenticated. Such a
// reader must be closed.
type Reader struct {
	src      io.Reader
	aead     cipher.AEAD
	cs       int
	commit   committer
	tree     *blake3Tree // commit, when it can take chunks hashed by workers
	expected *Commitment
	workers  int
	skipHash bool // SkipCommitmentHash: commit and tree are nil

	// Sequential mode.
	buf     []byte // ciphertext: one chunk, plus lookahead to spot the final one
	pending int    // bytes already in buf (lookahead carried over)
	pt      []byte // plaintext of the current chunk, cap cs+CommitmentSize
	nonce   [nonceSize]byte

	// Parallel mode (Workers).
	par *pipeline
	cur *job // the job whose chunks are being released

	out        []byte // unread authenticated plaintext
	idx        uint64 // index of the next chunk to release
	done       bool
	commitment Commitment
	err        error // sticky
	closed     atomic.Bool
}

// OpenOption adjusts NewReader.
type OpenOption func(*Reader)

// ExpectCommitment makes the reader also compare the plaintext commitment
// with c (typically the fingerprint registered on chain) and fail with
// ErrCommitmentMismatch at the end of the stream if they differ.
func ExpectCommitment(c Commitment) OpenOption {
	return func(r *Reader) { r.expected = &c }
}

// SkipCommitmentHash makes the reader not hash the plaintext: at the final
// chunk it compares the commitment carried there with the expected one
// (ExpectCommitment) but does not check that the plaintext hashes to it,
// and Commitment reports that nothing was computed. Every chunk is still
// authenticated and released by the rules above, so the reader returns
// exactly the plaintext the holder of the file key sealed, or fails; what
// it no longer shows is that this plaintext is the one the commitment
// names, which only a writer holding the file key could have made false.
// The hash is about half of the CPU time of opening (ENVELOPE.md,
// "Skipping the commitment hash", says when that is safe); use it when
// nothing refers to the commitment.
func SkipCommitmentHash() OpenOption {
	return func(r *Reader) { r.skipHash = true }
}

// Workers makes the reader read the body ahead on a goroutine of its own
// and authenticate and decrypt chunks on n goroutines (n ≥ 1), so that
// fetching, decryption and the commitment hash use several cores instead of
// taking turns on one. It holds 2n+2 buffers of about 256 KiB (at least
// one chunk each) whatever the size of the stream. The reader
// must then be closed (Close), which stops those goroutines; Close waits
// for a Read of the body in progress to return, so a body that can block
// must be made to return first (envstore cancels its store read).
func Workers(n int) OpenOption {
	return func(r *Reader) { r.workers = max(n, 1) }
}

// NewReader opens the chunk stream read from body, which must be positioned
// just after header h (as ReadHeader leaves it). key is the envelope's file
// key, from Header.FileKey (or FileKeyForOwner, FileKeyForGrantee). The
// header MAC is checked
// first, so an altered header fails here with ErrAuthentication.
func NewReader(h *Header, body io.Reader, key FileKey, opts ...OpenOption) (*Reader, error) {
	if h == nil || body == nil {
		return nil, fmt.Errorf("%w: nil header or body", ErrInvalidArgument)
	}
	if err := key.VerifyHeader(h); err != nil {
		return nil, err
	}
	r := &Reader{
		src:    body,
		aead:   key.payloadAEAD(h),
		cs:     h.ChunkSize,
		commit: newCommitter(key, h.Major),
	}
	for _, o := range opts {
		o(r)
	}
	if r.skipHash {
		r.commit = nil
	}
	if t, ok := r.commit.(*blake3Tree); ok && r.cs%b3Group == 0 {
		// Chunk i starts at group i·cs/b3Group: workers can hash it.
		r.tree = t
	}
	if r.workers > 0 {
		r.par = newPipeline(r)
	} else {
		r.buf = make([]byte, h.ChunkSize+minFinalChunk+1)
		r.pt = make([]byte, 0, h.ChunkSize+CommitmentSize)
	}
	return r, nil
}

// Read implements io.Reader.
func (r *Reader) Read(p []byte) (int, error) {
	if err := r.fill(); err != nil {
		return 0, err
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
	return n, nil
}

// WriteTo implements io.WriterTo: it hands each authenticated chunk to w as
// it is released, without copying it through a caller's buffer. It returns
// nil at the end of a stream that opened completely.
func (r *Reader) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for {
		if err := r.fill(); err != nil {
			if err == io.EOF {
				return total, nil
			}
			return total, err
		}
		n, err := w.Write(r.out)
		total += int64(n)
		r.out = r.out[n:]
		if err != nil {
			return total, err
		}
	}
}

// fill makes r.out non-empty, or returns io.EOF or the stream's error.
func (r *Reader) fill() error {
	if r.closed.Load() {
		return fmt.Errorf("%w: read after Close", ErrClosed)
	}
	for len(r.out) == 0 {
		if r.err != nil {
			return r.err
		}
		if r.done {
			return io.EOF
		}
		var err error
		if r.par != nil {
			err = r.nextParallel()
		} else {
			err = r.next()
		}
		if err != nil {
			r.err = err
		}
	}
	return nil
}

// Commitment returns the plaintext commitment once the final chunk has been
// read and checked (at the latest when Read returns io.EOF).
func (r *Reader) Commitment() (Commitment, error) {
	if r.err != nil {
		return Commitment{}, r.err
	}
	if !r.done {
		return Commitment{}, fmt.Errorf("%w: read the stream to io.EOF first", ErrNotFinished)
	}
	if r.skipHash {
		return Commitment{}, fmt.Errorf("%w: the reader was opened with SkipCommitmentHash, so the plaintext was not hashed", ErrInvalidArgument)
	}
	return r.commitment, nil
}

// Close stops the goroutines of a reader made with Workers and waits for
// them (see Workers); later Reads fail with ErrClosed. It does not close
// the body. For a reader without workers it only marks it closed. Close may
// be called from another goroutine than Read's, e.g. when a context ends,
// and more than once.
func (r *Reader) Close() error {
	r.closed.Store(true)
	if r.par != nil {
		r.par.stop()
	}
	return nil
}

// next reads, authenticates and exposes the next chunk.
func (r *Reader) next() error {
	// The rest of the stream is the final chunk iff it is at most
	// cs+minFinalChunk bytes (layout explains why), so filling cs+49 bytes
	// tells whether the current chunk is the final one; a non-final chunk
	// leaves 33 bytes of lookahead for the next call.
	full := r.cs + tagSize
	m, err := io.ReadFull(r.src, r.buf[r.pending:])
	r.pending += m
	switch err {
	case nil:
		pt, err := r.aead.Open(r.pt[:0], nonce(&r.nonce, r.idx, false), r.buf[:full], nil)
		if err != nil {
			return chunkAuthError(r.idx)
		}
		if r.commit != nil {
			r.commit.write(pt)
		}
		r.out = pt
		r.pending = copy(r.buf, r.buf[full:r.pending])
		r.idx++
		return nil
	case io.EOF, io.ErrUnexpectedEOF:
		pt, err := openFinal(r.aead, &r.nonce, r.idx, r.cs, r.buf[:r.pending], r.pt[:0])
		if err != nil {
			return err
		}
		return r.final(pt)
	default:
		return fmt.Errorf("envelope: reading chunk %d: %w", r.idx, err)
	}
}

func chunkAuthError(i uint64) error {
	return &ChunkError{i, fmt.Errorf("%w: tag does not verify (chunk altered, dropped, reordered or misplaced)", ErrAuthentication)}
}

// openFinal authenticates ct as final chunk i and returns its plaintext
// (data ‖ commitment), appended to dst.
func openFinal(aead cipher.AEAD, n *[nonceSize]byte, i uint64, cs int, ct, dst []byte) ([]byte, error) {
	if len(ct) < minFinalChunk {
		if i == 0 && len(ct) == 0 {
			return nil, &ChunkError{0, fmt.Errorf("%w: no chunk after the header", ErrTruncated)}
		}
		return nil, &ChunkError{i, fmt.Errorf("%w: stream ends %d bytes into a chunk", ErrTruncated, len(ct))}
	}
	pt, err := aead.Open(dst, nonce(n, i, true), ct, nil)
	if err != nil {
		// A full-size chunk that opens as non-final means the stream was
		// cut at a chunk boundary: say so rather than "tampered".
		if len(ct) == cs+tagSize {
			if p, err2 := aead.Open(dst, nonce(n, i, false), ct, nil); err2 == nil {
				clear(p)
				return nil, &ChunkError{i, fmt.Errorf("%w: stream ends after chunk %d, which is not the final chunk", ErrTruncated, i)}
			}
		}
		return nil, &ChunkError{i, fmt.Errorf("%w: final chunk tag does not verify (altered, misplaced, truncated, or data appended)", ErrAuthentication)}
	}
	return pt, nil
}

// final checks the commitment carried by the authenticated final chunk
// (plaintext pt = data ‖ commitment), and only then exposes its data.
func (r *Reader) final(pt []byte) error {
	d := len(pt) - CommitmentSize
	if d == 0 && r.idx > 0 {
		return &ChunkError{r.idx, fmt.Errorf("%w: empty final chunk after full chunks", ErrMalformedBody)}
	}
	var carried Commitment
	copy(carried[:], pt[d:])
	got := carried
	if r.commit != nil {
		r.commit.write(pt[:d])
		got = r.commit.sum()
	}
	if !got.Equal(carried) {
		clear(pt)
		return &ChunkError{r.idx, fmt.Errorf("%w: plaintext does not match the commitment in the final chunk", ErrCommitmentMismatch)}
	}
	if r.expected != nil && !got.Equal(*r.expected) {
		clear(pt)
		return &ChunkError{r.idx, fmt.Errorf("%w: plaintext commitment %s, expected %s", ErrCommitmentMismatch, got, r.expected)}
	}
	r.commitment = got
	r.out = pt[:d]
	r.done = true
	return nil
}

// jobBytes is about how much ciphertext one job of a parallel reader
// carries: several 64 KiB chunks, so that the goroutine hand-offs (a few
// microseconds each) are paid per 256 KiB rather than per chunk.
const jobBytes = 256 << 10

// job is a run of consecutive chunks in a parallel reader: read by the
// producer, opened by a worker, released chunk by chunk by the consumer
// (the Reader's caller), then recycled.
type job struct {
	first uint64      // index of the job's first chunk
	buf   []byte      // ciphertext in, plaintext out (in place)
	cts   [][]byte    // the chunks' ciphertext, in buf
	final bool        // the last of cts is the final chunk
	pts   [][]byte    // the chunks' plaintext, as far as they opened (data ‖ commitment for the final chunk)
	cvs   [][8]uint32 // BLAKE3 group chaining values of the non-final chunks' plaintext, cs/b3Group per chunk (tree mode)
	// err is the failure after the chunks in pts: the next chunk's tag,
	// or the source's read error. Nothing after pts is released.
	err   error
	done  chan struct{} // closed when pts, cvs and err are set
	nonce [nonceSize]byte
	next  int // consumer: index of the next chunk of the job to release
}

// pipeline is the parallel machinery of a Reader: a producer goroutine
// reading runs of ciphertext chunks into free buffers, workers opening
// them, and the consumer taking them back in order.
type pipeline struct {
	order    chan *job     // every job, in stream order (producer → consumer)
	work     chan *job     // jobs to open (producer → workers)
	free     chan *job     // recycled buffers (consumer → producer)
	quit     chan struct{} // closed by stop
	stopOnce sync.Once
	wg       sync.WaitGroup // producer and workers
}

func newPipeline(r *Reader) *pipeline {
	n := 2*r.workers + 2
	p := &pipeline{
		order: make(chan *job, n),
		work:  make(chan *job, n),
		free:  make(chan *job, n),
		quit:  make(chan struct{}),
	}
	// k full chunks and the lookahead that tells whether the last of them
	// is final; at least the sequential reader's cs+49 bytes.
	k := max(1, jobBytes/(r.cs+tagSize))
	for range n {
		p.free <- &job{buf: make([]byte, k*(r.cs+tagSize)+minFinalChunk+1-tagSize)}
	}
	var key *[8]uint32
	if r.tree != nil {
		key = &r.tree.key
	}
	p.wg.Add(1 + r.workers)
	go p.produce(r.src, r.cs)
	for range r.workers {
		go p.open(r.aead, r.cs, key)
	}
	return p
}

// produce reads the body a run of chunks at a time and splits it exactly
// as the sequential reader would: a chunk is non-final iff at least cs+49
// bytes start with it, and when the body ends the rest is the final chunk.
// A read error comes after the chunks whose cs+49 bytes were all read, as
// in the sequential reader. Each job goes to the workers and, in order, to
// the consumer. produce stops after the final chunk, a read error, or stop.
func (p *pipeline) produce(src io.Reader, cs int) {
	defer p.wg.Done()
	defer close(p.order)
	defer close(p.work)
	full := cs + tagSize
	window := cs + minFinalChunk + 1
	var carry [minFinalChunk + 1 - tagSize]byte // lookahead past a non-final chunk: 33 bytes
	ncarry := 0
	for idx := uint64(0); ; {
		var j *job
		select {
		case j = <-p.free:
		case <-p.quit:
			return
		}
		j.first, j.final, j.err, j.next = idx, false, nil, 0
		j.cts, j.pts, j.cvs = j.cts[:0], j.pts[:0], j.cvs[:0]
		j.done = make(chan struct{})
		buf := j.buf[:cap(j.buf)]
		k := copy(buf, carry[:ncarry])
		m, err := io.ReadFull(src, buf[k:])
		data := buf[:k+m]
		for len(data) >= window {
			j.cts = append(j.cts, data[:full])
			data = data[full:]
		}
		switch err {
		case nil:
			// The buffer holds whole chunks and their lookahead exactly.
			ncarry = copy(carry[:], data)
		case io.EOF, io.ErrUnexpectedEOF:
			j.cts = append(j.cts, data)
			j.final = true
		default:
			j.err = fmt.Errorf("envelope: reading chunk %d: %w", idx+uint64(len(j.cts)), err)
		}
		idx += uint64(len(j.cts))
		// Neither send blocks: both channels have room for every buffer.
		p.order <- j
		p.work <- j
		if j.final || j.err != nil {
			return
		}
	}
}

// open authenticates and decrypts each job's chunks in place, up to the
// first that fails, and in tree mode hashes the plaintext of the non-final
// ones into BLAKE3 group chaining values.
func (p *pipeline) open(aead cipher.AEAD, cs int, key *[8]uint32) {
	defer p.wg.Done()
	for j := range p.work {
		for c, ct := range j.cts {
			i := j.first + uint64(c)
			if j.final && c == len(j.cts)-1 {
				// Not in place: a failed Open clears its output, and a
				// full-size final chunk is opened a second time to tell
				// truncation from tampering. Once per stream.
				pt, err := openFinal(aead, &j.nonce, i, cs, ct, make([]byte, 0, len(ct)))
				if err != nil {
					j.err = err
					break
				}
				j.pts = append(j.pts, pt)
				break
			}
			pt, err := aead.Open(ct[:0], nonce(&j.nonce, i, false), ct, nil)
			if err != nil {
				j.err = chunkAuthError(i)
				break
			}
			j.pts = append(j.pts, pt)
			if key != nil {
				j.cvs = groupCVs(key, pt, i*uint64(cs/b3Group), j.cvs)
			}
		}
		close(j.done)
	}
}

func (p *pipeline) stop() {
	p.stopOnce.Do(func() {
		close(p.quit)
		p.wg.Wait()
	})
}

// nextParallel releases the next chunk in order once a worker has opened
// its job.
func (r *Reader) nextParallel() error {
	p := r.par
	j := r.cur
	if j != nil && j.next == len(j.pts) && j.err == nil && !j.final {
		// Every chunk of the job was released: recycle it.
		p.free <- j // never blocks: one slot per buffer
		r.cur, j = nil, nil
	}
	if j == nil {
		var ok bool
		j, ok = <-p.order
		if !ok {
			return fmt.Errorf("%w: read after Close", ErrClosed)
		}
		<-j.done
		r.cur = j
	}
	if j.next == len(j.pts) {
		// Everything before the failure was released.
		if j.err == nil {
			return &ChunkError{r.idx, fmt.Errorf("%w: job without chunks", ErrMalformedBody)} // not reachable
		}
		return j.err
	}
	c := j.next
	j.next++
	pt := j.pts[c]
	if j.first+uint64(c) != r.idx {
		// The producer numbers chunks in order; this is a bug guard.
		return &ChunkError{r.idx, fmt.Errorf("%w: chunk %d arrived out of order", ErrMalformedBody, j.first+uint64(c))}
	}
	if j.final && c == len(j.cts)-1 {
		return r.final(pt)
	}
	if r.tree != nil && r.tree.aligned() {
		g := r.cs / b3Group
		r.tree.addGroups(j.cvs[c*g : (c+1)*g])
	} else if r.commit != nil {
		r.commit.write(pt)
	}
	r.out = pt
	r.idx++
	return nil
}
