package storage

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// leafHasher reads an object ahead in leaves of the import profile's chunk
// size and computes their SHA-256 on worker goroutines, for an embedded
// add whose importer then finds each leaf's CID already computed
// (leafHasher.Builder).
//
// Why: kubo's importer is one goroutine that reads a leaf, hashes it
// (SHA-256, about 0.7 ns per byte here, the largest single cost of an add)
// and hands it to the blockstore, one leaf after the other. An add of an
// object produced by other goroutines (pdx sealing an envelope) is then
// bound by that goroutine while the other core waits. With the leaves
// hashed ahead, in parallel, the importer only copies, compares and links.
//
// The importer reads the object through Read, exactly as it would read the
// source: the bytes and their order are unchanged, and so is every CID.
// Builder hands out a leaf's precomputed CID only for the very bytes the
// digest was computed from: Sum compares the importer's leaf with the one
// just read (a memory compare, some 20 times cheaper than the hash) and
// hashes it itself when they differ.
type leafHasher struct {
	src  io.Reader
	size int // leaf size

	order chan *leaf // every leaf, in stream order (read ahead → Read)
	work  chan *leaf // leaves to hash (read ahead → workers)
	free  chan *leaf // recycled buffers
	stop  chan struct{}
	once  sync.Once
	done  chan struct{} // the read ahead has returned: src is no longer read
	wg    sync.WaitGroup

	// Read side (the importer's goroutine).
	cur  *leaf  // the leaf being read out
	rest []byte // its bytes not yet read
	err  error  // sticky

	mu   sync.Mutex
	last *leaf // the leaf read out last, waiting for its Sum

	// Leaves whose CID came from the read ahead (hits) and leaves the
	// importer had to hash itself (misses); read once the add returned.
	hits, misses int64
}

type leaf struct {
	buf  []byte
	err  error // the source's error after buf (io.EOF at the end)
	sum  [sha256.Size]byte
	done chan struct{} // closed when sum is set
}

// leafHashWorkers is how many goroutines hash leaves: one per core, at
// most four.
func leafHashWorkers() int { return min(max(runtime.GOMAXPROCS(0), 1), 4) }

func newLeafHasher(src io.Reader, size, workers int) *leafHasher {
	workers = max(workers, 1)
	n := 2*workers + 2
	h := &leafHasher{
		src:   src,
		size:  size,
		order: make(chan *leaf, n),
		work:  make(chan *leaf, n),
		free:  make(chan *leaf, n),
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
	}
	for range n {
		h.free <- &leaf{buf: make([]byte, 0, size)}
	}
	h.wg.Add(workers)
	for range workers {
		go h.hash()
	}
	go h.readAhead()
	return h
}

// readAhead reads the source a leaf at a time, exactly as the importer's
// size chunker does (io.ReadFull of the leaf size), until the end, an
// error, or close.
func (h *leafHasher) readAhead() {
	defer close(h.done)
	defer close(h.work)
	defer close(h.order)
	for {
		var l *leaf
		select {
		case l = <-h.free:
		case <-h.stop:
			return
		}
		n, err := io.ReadFull(h.src, l.buf[:h.size])
		l.buf = l.buf[:n]
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF
		}
		l.err = err
		l.done = make(chan struct{})
		// Neither send blocks: both channels have room for every buffer.
		h.order <- l
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

// Read hands out the source's bytes in order, and the source's error (or
// io.EOF) after them.
func (h *leafHasher) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(h.rest) > 0 {
			k := copy(p[n:], h.rest)
			h.rest = h.rest[k:]
			n += k
			if len(h.rest) == 0 {
				h.retire()
			}
			continue
		}
		if h.err != nil {
			break
		}
		l, ok := <-h.order
		if !ok {
			h.err = errLeafHasherClosed
			continue
		}
		h.cur, h.rest = l, l.buf
		if len(l.buf) == 0 {
			h.retire()
		}
	}
	if n == 0 && h.err != nil {
		return 0, h.err
	}
	return n, nil
}

// retire marks the current leaf read out: it waits for the importer's Sum
// of it (precomputed). An older one still waiting will not be asked for.
func (h *leafHasher) retire() {
	l := h.cur
	h.cur = nil
	h.mu.Lock()
	old := h.last
	h.last = l
	h.mu.Unlock()
	h.recycle(old)
	if l.err != nil {
		h.err = l.err
	}
}

var errLeafHasherClosed = errors.New("storage: the add's read ahead was stopped")

func (h *leafHasher) recycle(l *leaf) {
	if l == nil {
		return
	}
	<-l.done // a worker may still be hashing it
	l.buf = l.buf[:0]
	h.free <- l // never blocks: one slot per buffer
}

// precomputed returns the digest of data if data is the leaf read out
// last, and recycles that leaf either way.
func (h *leafHasher) precomputed(data []byte) ([sha256.Size]byte, bool) {
	h.mu.Lock()
	l := h.last
	h.last = nil
	h.mu.Unlock()
	if len(data) == 0 {
		// An empty object's one leaf: nothing was read ahead for it.
		h.recycle(l)
		return [sha256.Size]byte{}, false
	}
	if l == nil || !bytes.Equal(l.buf, data) {
		h.misses++
		h.recycle(l)
		return [sha256.Size]byte{}, false
	}
	<-l.done
	sum := l.sum
	h.hits++
	h.recycle(l)
	return sum, true
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
