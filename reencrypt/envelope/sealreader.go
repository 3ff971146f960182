package envelope

import (
	"crypto/cipher"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
)

// SealReader is an envelope being sealed, read as a stream: the same bytes
// a Writer would write for the same header, for consumers that pull their
// input, such as an IPFS importer reading its leaves.
//
// Why it exists beside Writer: feeding an importer from a Writer needs a
// pipe, and an importer is a single goroutine that hashes every block it
// reads (kubo's SHA-256 of each 256 KiB leaf): whatever else runs on that
// goroutine adds to the time of the whole put. A SealReader therefore does
// all the sealing elsewhere: the plaintext is read ahead on a goroutine of
// its own, in runs of chunks (about 256 KiB), and each run is sealed, and
// in format 2 its commitment hashed (BLAKE3 subtrees, joined in order),
// on worker goroutines; Read only copies sealed bytes out, in order. The
// importer's goroutine is left with its own work, and on a machine with
// two cores the sealing runs beside it rather than in turn with it
// (ENVELOPE.md, "Sealing in parallel").
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
	tree   *blake3Tree // format 2 with cs a multiple of b3Group: workers hash

	// The read-ahead goroutine hands runs of plaintext chunks to the
	// workers (work) and, in order, to Read (order); Read recycles them
	// through free once their sealed bytes are copied out.
	order chan *sealJob
	work  chan *sealJob
	free  chan *sealJob
	// The read ahead allocates up to jobs buffers of jobLen bytes, as it
	// needs them: a small plaintext takes one, not the whole set.
	jobs, jobLen int
	stop         chan struct{} // closed by Close: the read ahead ends
	done         chan struct{} // closed when the read-ahead goroutine has returned
	once         sync.Once
	read         atomic.Int64 // plaintext bytes read from the source

	cur        *sealJob // the job whose sealed bytes are being read
	pending    []byte   // sealed bytes of cur not yet read
	finished   bool     // the final chunk has been sealed
	commitment Commitment
	err        error // sticky
}

// sealJob is a run of consecutive chunks: read by the read-ahead goroutine,
// sealed by a worker (all but a final chunk), read out in order by Read,
// which also seals the final chunk once the commitment is known.
//
// A job has one buffer, in which its chunks are sealed in place: chunk c
// of the run is read into buf[c·(cs+tagSize):][:cs], the tag gap left
// after it, and sealing it there overwrites the plaintext with the
// ciphertext and fills the gap with the tag. The sealed run is then one
// contiguous slice, with no second buffer to write it to, no plaintext left
// to clear, and half the memory a run would otherwise take in the caches
// while the importer hashes and writes beside it.
type sealJob struct {
	first uint64 // index of the job's first chunk
	buf   []byte // k·(cs+tagSize)+CommitmentSize bytes: plaintext chunks at stride cs+tagSize, sealed in place
	n     int    // plaintext bytes in buf: k·cs, fewer in a final job
	ct    []byte // the sealed run (a prefix of buf), once sealed
	final bool   // the job ends with the final chunk (the last cs bytes or fewer of the plaintext)
	// commitment: set by the read ahead on a final job when it hashes in
	// order (no tree); with a tree, Read computes it.
	commitment Commitment
	cvs        [][8]uint32 // BLAKE3 group chaining values of the non-final chunks (tree mode)
	err        error       // the source failed; the job has no chunks
	done       chan struct{}
	nonce      [nonceSize]byte
}

// sealJobBytes is about how much plaintext one job carries: several 64 KiB
// chunks, so that goroutine hand-offs are paid per 256 KiB, the size of a
// leaf of the storage import profile.
const sealJobBytes = 256 << 10

// sealWorkers is how many goroutines seal the jobs of a SealReader: one per
// core (the importer reading the stream needs one of them most of the
// time, but sealing bursts while it waits on its writes), at most four.
func sealWorkers() int { return min(max(runtime.GOMAXPROCS(0), 1), 4) }

// sealReaderFor returns the SealReader of header h (whose MAC must be made
// with key) over src, sealing on workers goroutines (at least one).
func sealReaderFor(src io.Reader, h *Header, key FileKey, workers int) *SealReader {
	workers = max(workers, 1)
	r := &SealReader{
		aead:   key.payloadAEAD(h),
		header: h.raw,
		hdr:    h,
		cs:     h.ChunkSize,
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	commit := newCommitter(key, h.Major)
	if t, ok := commit.(*blake3Tree); ok && r.cs%b3Group == 0 {
		// Chunk i starts at group i·cs/b3Group: workers can hash it.
		r.tree, commit = t, nil
	}
	n := 2*workers + 2
	r.order = make(chan *sealJob, n)
	r.work = make(chan *sealJob, n)
	r.free = make(chan *sealJob, n)
	k := max(1, sealJobBytes/r.cs)
	r.jobs, r.jobLen = n, k*(r.cs+tagSize)+CommitmentSize
	var treeKey *[8]uint32
	if r.tree != nil {
		treeKey = &r.tree.key
	}
	go r.readAhead(src, k, commit)
	for range workers {
		go r.seal(treeKey)
	}
	return r
}

// Header returns the envelope's header.
func (r *SealReader) Header() *Header { return r.hdr }

// PlaintextRead is how many plaintext bytes have been read from the source
// so far.
func (r *SealReader) PlaintextRead() int64 { return r.read.Load() }

// readAhead reads the source k chunks at a time and hands the runs over in
// order. A full run is held back until the next read shows whether more
// data follows, so that the final chunk is empty only if the whole
// plaintext is, as Writer does. commit, when not nil, is the commitment
// hashed here, in order (format 1, or chunks the workers cannot hash apart).
func (r *SealReader) readAhead(src io.Reader, k int, commit committer) {
	defer close(r.done)
	defer close(r.work) // the workers end once they have sealed what was sent
	defer close(r.order)
	var idx uint64
	send := func(j *sealJob, final bool) {
		j.first, j.final = idx, final
		idx += uint64(j.n / r.cs) // a final job is the last one sent
		if commit != nil {
			for c := 0; c*r.cs < j.n; c++ {
				commit.write(r.chunkPlaintext(j, c))
			}
			if final {
				j.commitment = commit.sum()
			}
		}
		j.done = make(chan struct{})
		// Neither send blocks: both channels have room for every buffer.
		r.order <- j
		r.work <- j
	}
	var held *sealJob
	allocated := 0
	for {
		var j *sealJob
		select {
		case j = <-r.free:
		case <-r.stop:
			return
		default:
			if allocated < r.jobs {
				allocated++
				j = &sealJob{buf: make([]byte, r.jobLen)}
				break
			}
			select {
			case j = <-r.free:
			case <-r.stop:
				return
			}
		}
		n, err := r.readRun(src, j, k)
		r.read.Add(int64(n))
		switch {
		case err == nil:
			if held != nil {
				send(held, false)
			}
			held = j
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			if n == 0 && held != nil {
				// The held run ends the plaintext: its last full chunk
				// is the final one.
				r.free <- j // room for it: free has a slot for every buffer
				send(held, true)
				return
			}
			if held != nil {
				send(held, false)
			}
			send(j, true)
			return
		default:
			j.n, j.err = 0, err
			j.done = make(chan struct{})
			r.order <- j
			r.work <- j
			return
		}
	}
}

// readRun reads the next k chunks of plaintext (fewer at the end) into
// j's buffer, each at its place in the sealed run; it returns the
// plaintext bytes read and io.ReadFull's error for the run as a whole
// (io.EOF if none, io.ErrUnexpectedEOF if fewer than k·cs).
func (r *SealReader) readRun(src io.Reader, j *sealJob, k int) (int, error) {
	j.n = 0
	for c := range k {
		off := c * (r.cs + tagSize)
		m, err := io.ReadFull(src, j.buf[off:off+r.cs])
		j.n += m
		switch {
		case err == nil:
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			if j.n == 0 {
				return 0, io.EOF
			}
			return j.n, io.ErrUnexpectedEOF
		default:
			return j.n, err
		}
	}
	return j.n, nil
}

// chunkPlaintext is the plaintext of chunk c of j's run, before sealing.
func (r *SealReader) chunkPlaintext(j *sealJob, c int) []byte {
	off := c * (r.cs + tagSize)
	return j.buf[off : off+min(r.cs, j.n-c*r.cs)]
}

// nonFinal is how many chunks of j's run are sealed by a worker: all of
// them, but for the final chunk of a final run.
func (r *SealReader) nonFinal(j *sealJob) int {
	if j.final {
		return max(j.n-1, 0) / r.cs
	}
	return j.n / r.cs
}

// seal seals the non-final chunks of each job in place, and in tree mode
// first hashes their plaintext into BLAKE3 group chaining values. A final
// chunk is left to Read, which knows the commitment it carries only once
// every earlier job is joined.
func (r *SealReader) seal(treeKey *[8]uint32) {
	for j := range r.work {
		if j.err == nil {
			nonFinal := r.nonFinal(j)
			j.cvs = j.cvs[:0]
			for c := range nonFinal {
				p := r.chunkPlaintext(j, c)
				i := j.first + uint64(c)
				if treeKey != nil {
					j.cvs = groupCVs(treeKey, p, i*uint64(r.cs/b3Group), j.cvs)
				}
				r.aeadSeal(p[:0], &j.nonce, i, false, p)
			}
			j.ct = j.buf[:nonFinal*(r.cs+tagSize)]
		}
		close(j.done)
	}
}

// aeadSeal appends chunk i sealed to dst.
func (r *SealReader) aeadSeal(dst []byte, n *[nonceSize]byte, i uint64, final bool, pt []byte) []byte {
	return r.aead.Seal(dst, nonce(n, i, final), pt, nil)
}

// Read fills p with the envelope's next bytes: the header first, then the
// sealed chunks in order. It returns io.EOF after the final chunk, and the
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
		if err := r.next(); err != nil {
			r.err = err
			return n, err
		}
	}
	if n == 0 && r.finished {
		return 0, io.EOF
	}
	return n, nil
}

// next recycles the job whose bytes were all read and makes the next one's
// sealed bytes pending, sealing the final chunk if it has one.
func (r *SealReader) next() error {
	if r.cur != nil {
		r.cur.ct = nil
		r.free <- r.cur // never blocks: one slot per buffer
		r.cur = nil
	}
	var j *sealJob
	select {
	case j = <-r.order:
	case <-r.stop:
	}
	if j == nil {
		return fmt.Errorf("%w: read after Close", ErrClosed)
	}
	<-j.done
	if j.err != nil {
		return fmt.Errorf("envelope: reading the plaintext after %d bytes: %w", r.read.Load(), j.err)
	}
	if r.tree != nil {
		// Every group of a non-final chunk is followed by more input
		// (at least the final chunk's data), as addGroups requires.
		r.tree.addGroups(j.cvs)
	}
	if j.final {
		nonFinal := r.nonFinal(j)
		data := r.chunkPlaintext(j, nonFinal)
		i := j.first + uint64(nonFinal)
		if i == math.MaxUint64 {
			return fmt.Errorf("%w: chunk counter exhausted", ErrInvalidArgument)
		}
		commitment := j.commitment
		if r.tree != nil {
			r.tree.write(data)
			commitment = r.tree.sum()
		}
		// The final chunk's data and commitment are sealed in place
		// too: the buffer has room for the commitment and the tag after
		// a whole chunk.
		data = append(data, commitment[:]...)
		sealed := r.aeadSeal(data[:0], &j.nonce, i, true, data)
		j.ct = j.buf[:nonFinal*(r.cs+tagSize)+len(sealed)]
		r.finished, r.commitment = true, commitment
	}
	r.cur, r.pending = j, j.ct
	return nil
}

// Commitment returns the plaintext commitment, known once Read has
// returned io.EOF.
func (r *SealReader) Commitment() (Commitment, error) {
	if !r.finished || len(r.pending) > 0 {
		return Commitment{}, fmt.Errorf("%w: the commitment is known only after the whole envelope was read", ErrNotFinished)
	}
	return r.commitment, nil
}

// Close stops the read ahead without waiting for it (see Done): a Read of
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
