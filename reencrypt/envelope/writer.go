package envelope

import (
	"crypto/cipher"
	"fmt"
	"io"
	"math"
)

// Writer seals a plaintext stream into an envelope. It holds one chunk of
// plaintext and one of ciphertext whatever the size of the stream. Close
// must be called: it writes the final chunk, which carries the commitment,
// and without it the envelope is truncated and will not open.
type Writer struct {
	dst    io.Writer
	aead   cipher.AEAD
	header *Header
	cs     int
	buf    []byte // pending plaintext, cap cs+CommitmentSize
	out    []byte // ciphertext scratch, cap cs+minFinalChunk
	idx    uint64
	commit committer
	nonce  [nonceSize]byte

	closed     bool
	commitment Commitment
	err        error // sticky: after a failure nothing more is written
}

// newWriter writes the header for f under key and returns a Writer for the
// chunk stream. The capsule and wrapped key in f must wrap key; NewWriter
// (umbral.go) produces them with Umbral, tests inject fixed ones to
// reproduce vectors.
func newWriter(dst io.Writer, f headerFields, key FileKey) (*Writer, error) {
	if dst == nil {
		return nil, fmt.Errorf("%w: nil destination writer", ErrInvalidArgument)
	}
	h, err := encodeHeader(f, key)
	if err != nil {
		return nil, err
	}
	return writerFor(dst, h, key)
}

// writerFor writes header h (whose MAC must be made with key) and returns
// the Writer for its chunk stream.
func writerFor(dst io.Writer, h *Header, key FileKey) (*Writer, error) {
	if _, err := dst.Write(h.raw); err != nil {
		return nil, fmt.Errorf("envelope: writing header: %w", err)
	}
	return &Writer{
		dst:    dst,
		aead:   key.payloadAEAD(h),
		header: h,
		cs:     h.ChunkSize,
		buf:    make([]byte, 0, h.ChunkSize+CommitmentSize),
		out:    make([]byte, 0, h.ChunkSize+minFinalChunk),
		commit: newCommitter(key, h.Major),
	}, nil
}

// Header returns the envelope's header (already written).
func (w *Writer) Header() *Header { return w.header }

// Write buffers p and seals every chunk that is known not to be the last.
// A full chunk is held back until more data arrives, so the final chunk is
// never empty unless the whole plaintext is.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if w.closed {
		return 0, fmt.Errorf("%w: write after Close", ErrClosed)
	}
	n := 0
	for len(p) > 0 {
		if len(w.buf) == w.cs {
			if err := w.seal(w.buf, false); err != nil {
				return n, err
			}
			clear(w.buf)
			w.buf = w.buf[:0]
		}
		// A whole chunk of p with more data after it is sealed where it
		// lies, saving a copy.
		if len(w.buf) == 0 && len(p) > w.cs {
			if err := w.seal(p[:w.cs], false); err != nil {
				return n, err
			}
			p = p[w.cs:]
			n += w.cs
			continue
		}
		k := copy(w.buf[len(w.buf):w.cs], p)
		w.buf = w.buf[:len(w.buf)+k]
		p = p[k:]
		n += k
	}
	return n, nil
}

// seal encrypts pt as chunk w.idx and writes it. The final chunk's pt must
// be w.buf, which has room for the commitment.
func (w *Writer) seal(pt []byte, final bool) error {
	if w.idx == math.MaxUint64 {
		w.err = fmt.Errorf("%w: chunk counter exhausted", ErrInvalidArgument)
		return w.err
	}
	w.commit.write(pt)
	if final {
		w.commitment = w.commit.sum()
		pt = append(pt, w.commitment[:]...)
	}
	out := w.out[:0]
	if b, ok := w.dst.(availableBuffer); ok {
		// Seal straight into the destination's buffer (a bufio.Writer's),
		// whose Write then finds the bytes already in place: one pass over
		// the ciphertext less.
		if a := b.AvailableBuffer(); cap(a) >= len(pt)+tagSize {
			out = a
		}
	}
	out = w.aead.Seal(out, nonce(&w.nonce, w.idx, final), pt, nil)
	if _, err := w.dst.Write(out); err != nil {
		w.err = fmt.Errorf("envelope: writing chunk %d: %w", w.idx, err)
		return w.err
	}
	w.idx++
	return nil
}

// availableBuffer is implemented by bufio.Writer: an empty slice over the
// buffer's free space, to append to and pass to the next Write.
type availableBuffer interface {
	AvailableBuffer() []byte
}

// Close seals the final chunk, which carries the plaintext commitment. It
// does not close the underlying writer. Calling it again returns the
// first result.
func (w *Writer) Close() error {
	if w.closed || w.err != nil {
		return w.err
	}
	w.closed = true
	err := w.seal(w.buf, true)
	clear(w.buf[:cap(w.buf)])
	return err
}

// Commitment returns the plaintext commitment, the envelope's public
// fingerprint that the owner registers on chain. It is known only once the
// whole plaintext has been written, hence only after a successful Close.
func (w *Writer) Commitment() (Commitment, error) {
	if w.err != nil {
		return Commitment{}, w.err
	}
	if !w.closed {
		return Commitment{}, fmt.Errorf("%w: the commitment is known only after Close", ErrNotFinished)
	}
	return w.commitment, nil
}
