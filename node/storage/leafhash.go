package storage

import (
	"crypto/sha256"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// leafHasher is the chunker of an embedded add (a chunker.Splitter of
// boxo's importer): it reads the object ahead in leaves of the import
// profile's chunk size, exactly as kubo's size chunker does (io.ReadFull
// of the leaf size; the short last leaf as it is; nothing for an empty
// tail), computes each leaf's SHA-256 on worker goroutines, and hands the
// leaves to the importer in order, each in the very buffer that was
// hashed. The importer's CID builder (Builder) then takes a leaf's CID
// from its digest instead of hashing it again.
//
// Why: kubo's importer is one goroutine that reads a leaf, hashes it
// (SHA-256, about 0.7 ns per byte here, the largest single cost of an add)
// and hands it to the blockstore, one leaf after the other. An add of an
// object produced by other goroutines (pdx sealing an envelope) is then
// bound by that goroutine while the other core waits. With the leaves
// hashed ahead, in parallel, and handed over without a copy, the importer
// only links them and passes them to the blockstore.
//
// The leaves are the bytes of the source, in order, cut where kubo's
// chunker cuts them: every CID is unchanged (IMPORT.md's vectors, computed
// by kubo's own CLI, say so in TestEmbeddedAddPrehashesLeaves). Builder
// hands out a precomputed CID only for the leaf buffer handed out last,
// recognised by identity (same array, same length): the read ahead never
// writes a buffer after hashing it, and the importer does not write the
// leaves it is given (it links them and stores them), so the digest is of
// exactly the bytes being stored. Anything else is hashed as usual.
type leafHasher struct {
	src  io.Reader
	size int // leaf size

	order chan *leaf // every leaf, in stream order (read ahead → NextBytes)
	work  chan *leaf // leaves to hash (read ahead → workers)
	stop  chan struct{}
	once  sync.Once
	done  chan struct{} // the read ahead has returned: src is no longer read
	wg    sync.WaitGroup

	// The importer's side (one goroutine).
	err error // sticky: io.EOF after the last leaf, or why the input ended

	mu   sync.Mutex
	last *leaf // the leaf handed out last, waiting for its Sum

	// Leaves whose CID came from the read ahead (hits) and leaves the
	// importer had to hash itself (misses); read once the add returned.
	hits, misses int64
}

type leaf struct {
	buf  []byte // handed to the importer, which keeps it: never reused
	err  error  // the source's error after buf (io.EOF at the end)
	sum  [sha256.Size]byte
	done chan struct{} // closed when sum is set
}

// leafHashWorkers is how many goroutines hash leaves: one per core, at
// most four.
func leafHashWorkers() int { return min(max(runtime.GOMAXPROCS(0), 1), 4) }

// leafAhead is how many leaves the read ahead may hold beyond the one the
// importer is working on, per worker: enough that a worker always has a
// leaf to hash, few enough that an add holds a few MiB at most.
const leafAhead = 2

func newLeafHasher(src io.Reader, size, workers int) *leafHasher {
	workers = max(workers, 1)
	n := leafAhead*workers + 2
	h := &leafHasher{
		src:   src,
		size:  size,
		order: make(chan *leaf, n),
		// Unhashed leaves are those in order (n at most) and at most two
		// the importer took (one it is summing, one it looked ahead
		// at): sends to work never wait for a worker.
		work: make(chan *leaf, n+2),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	h.wg.Add(workers)
	for range workers {
		go h.hash()
	}
	go h.readAhead()
	return h
}

// readAhead reads the source a leaf at a time, as kubo's size chunker
// does, until the end, an error, or close. Each leaf has a buffer of its
// own: the importer keeps it in the block it stores.
func (h *leafHasher) readAhead() {
	defer close(h.done)
	defer close(h.work)
	defer close(h.order)
	for {
		buf := make([]byte, h.size)
		n, err := io.ReadFull(h.src, buf)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF
		}
		l := &leaf{buf: buf[:n], err: err, done: make(chan struct{})}
		select {
		case h.order <- l:
		case <-h.stop:
			return
		}
		h.work <- l
		if err != nil {
			return
		}
	}
}

func (h *leafHasher) hash() {
	defer h.wg.Done()
	for l := range h.work {
		if len(l.buf) > 0 {
			l.sum = sha256.Sum256(l.buf)
		}
		close(l.done)
	}
}

// NextBytes returns the next leaf, then io.EOF after the last one; an
// input error ends the stream with that error (and the bytes read with
// it are dropped, as kubo's chunker drops them).
func (h *leafHasher) NextBytes() ([]byte, error) {
	if h.err != nil {
		return nil, h.err
	}
	l, ok := <-h.order
	if !ok {
		h.err = errLeafHasherClosed
		return nil, h.err
	}
	h.err = l.err
	if len(l.buf) == 0 || (l.err != nil && l.err != io.EOF) {
		return nil, h.err
	}
	h.mu.Lock()
	h.last = l
	h.mu.Unlock()
	return l.buf, nil
}

// Reader is the source (the importer asks for it only to find a file's
// path for kubo's filestore, which pdx does not use).
func (h *leafHasher) Reader() io.Reader { return h.src }

var errLeafHasherClosed = errors.New("storage: the add's read ahead was stopped")

// precomputed returns the digest of data if data is the leaf handed out
// last (the same buffer, whole), and forgets that leaf either way.
func (h *leafHasher) precomputed(data []byte) ([sha256.Size]byte, bool) {
	h.mu.Lock()
	l := h.last
	h.last = nil
	h.mu.Unlock()
	if len(data) == 0 {
		// An empty object's one leaf: nothing was read ahead for it.
		return [sha256.Size]byte{}, false
	}
	if l == nil || len(l.buf) != len(data) || &l.buf[0] != &data[0] {
		h.misses++
		return [sha256.Size]byte{}, false
	}
	<-l.done
	h.hits++
	return l.sum, true
}

// close stops the read ahead and waits until it and the workers have
// returned, so the source is no longer read (a Read of it in progress is
// waited for, as the importer reading it directly would be).
func (h *leafHasher) close() {
	h.once.Do(func() { close(h.stop) })
	<-h.done
	h.wg.Wait()
}

// Builder returns the CID builder of the import profile (prefix) that takes
// raw leaves' digests from h.
func (h *leafHasher) Builder(prefix cid.Prefix) cid.Builder {
	return leafBuilder{prefix: prefix, h: h}
}

// leafBuilder is prefix, except that Sum of a raw leaf the leafHasher has
// hashed returns the CID of that digest: the same CID prefix.Sum computes.
type leafBuilder struct {
	prefix cid.Prefix
	h      *leafHasher
}

func (b leafBuilder) Sum(data []byte) (cid.Cid, error) {
	if b.prefix.Codec == cid.Raw && b.prefix.Version == 1 && b.prefix.MhType == mh.SHA2_256 && b.prefix.MhLength == -1 {
		if d, ok := b.h.precomputed(data); ok {
			m, err := mh.Encode(d[:], mh.SHA2_256)
			if err != nil {
				return cid.Undef, err
			}
			return cid.NewCidV1(cid.Raw, m), nil
		}
	}
	return b.prefix.Sum(data)
}

func (b leafBuilder) GetCodec() uint64 { return b.prefix.Codec }

func (b leafBuilder) WithCodec(c uint64) cid.Builder {
	b.prefix = b.prefix.WithCodec(c).(cid.Prefix)
	return b
}
