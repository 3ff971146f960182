package envstore

import (
	"errors"
	"io"
	"sync"
)

// asyncWriter is a buffered writer whose full buffers are written to dst by
// a goroutine of its own, so that the writer can fill the next buffer while
// dst is busy with the last one.
//
// Put needs it because the store reads the envelope through an io.Pipe,
// which hands over each write only when the reader has taken all of it:
// with a plain bufio.Writer the sealing goroutine and kubo's importer took
// turns (sealing a buffer, then waiting while the importer hashed and
// stored it), each idling half of the time on a 2-core machine. With a few
// buffers in flight both work at once.
//
// Like bufio.Writer it offers AvailableBuffer, so the envelope writer seals
// straight into the buffer and Write finds the bytes already in place.
// It is not safe for concurrent Writes; it is used by one goroutine, and
// its flushing goroutine touches only the buffers handed to it.
type asyncWriter struct {
	dst io.Writer
	buf []byte
	// minFree: a buffer with less free space than this is handed over
	// at once, so that the next sealed chunk fits in place in a fresh
	// one instead of being split across two with a copy.
	minFree int
	full    chan []byte // filled buffers, to the flusher
	free    chan []byte // written buffers, back from the flusher
	done    chan struct{}

	mu  sync.Mutex
	err error // the first error of dst, or of abort

	closed bool
}

// newAsyncWriter makes a writer of n buffers of size bytes each (one
// being filled, up to n−1 queued or being written); see minFree.
func newAsyncWriter(dst io.Writer, size, n, minFree int) *asyncWriter {
	n = max(n, 2)
	w := &asyncWriter{
		dst:     dst,
		minFree: minFree,
		buf:     make([]byte, 0, size),
		full:    make(chan []byte, n-1),
		free:    make(chan []byte, n),
		done:    make(chan struct{}),
	}
	for range n - 1 {
		w.free <- make([]byte, 0, size)
	}
	go w.flush()
	return w
}

// flush writes each full buffer to dst and returns it. After an error it
// only returns buffers, so the filling side never blocks on a dead dst.
func (w *asyncWriter) flush() {
	defer close(w.done)
	for b := range w.full {
		if w.failed() == nil {
			if _, err := w.dst.Write(b); err != nil {
				w.fail(err)
			}
		}
		w.free <- b[:0]
	}
}

func (w *asyncWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

func (w *asyncWriter) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

// AvailableBuffer returns an empty slice over the current buffer's free
// space, to append to and pass to the next Write (as bufio.Writer's).
func (w *asyncWriter) AvailableBuffer() []byte { return w.buf[len(w.buf):len(w.buf)] }

// Write copies p into the buffers, handing each full one to the flusher.
// It fails with dst's first error, once the flusher has met it.
func (w *asyncWriter) Write(p []byte) (int, error) {
	if w.closed {
		return 0, errAsyncClosed
	}
	if err := w.failed(); err != nil {
		return 0, err
	}
	n := 0
	for len(p) > 0 {
		if len(w.buf) == cap(w.buf) {
			w.full <- w.buf
			w.buf = <-w.free
			if err := w.failed(); err != nil {
				return n, err
			}
		}
		// When p came from AvailableBuffer it is already in place and
		// this copy moves nothing.
		k := copy(w.buf[len(w.buf):cap(w.buf)], p)
		w.buf = w.buf[:len(w.buf)+k]
		p = p[k:]
		n += k
	}
	if len(w.buf) > 0 && cap(w.buf)-len(w.buf) < w.minFree {
		w.full <- w.buf
		w.buf = <-w.free
		if err := w.failed(); err != nil {
			return n, err
		}
	}
	return n, nil
}

// Close hands over the last, partial buffer, waits until everything is
// written and returns dst's first error. Calling it again returns the
// same.
func (w *asyncWriter) Close() error {
	if !w.closed {
		w.closed = true
		if len(w.buf) > 0 && w.failed() == nil {
			w.full <- w.buf
			w.buf = nil
		}
		close(w.full)
		<-w.done
	}
	return w.failed()
}

// abort makes err the writer's error, so nothing more reaches dst, and
// waits for the flusher to stop.
func (w *asyncWriter) abort(err error) {
	w.fail(err)
	w.Close()
}

var errAsyncClosed = errors.New("envstore: write after close")
