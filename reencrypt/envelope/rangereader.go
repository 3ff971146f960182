package envelope

import (
	"crypto/cipher"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
)

// RangeReader decrypts byte ranges of an envelope held in an io.ReaderAt (a
// file, an IPFS UnixFS reader, an HTTP range client), reading and
// authenticating only the chunks a range touches. It does not check the
// plaintext commitment, which needs every byte; read the stream with Reader
// for that.
//
// NewRangeReader authenticates the final chunk up front, so Size is the
// authentic plaintext length and truncation is reported at once rather than
// when the last range is read.
type RangeReader struct {
	ra        io.ReaderAt
	aead      cipher.AEAD
	cs        int
	bodyOff   int64  // offset of chunk 0 in ra
	full      uint64 // number of non-final chunks
	finalLen  int    // ciphertext size of the final chunk
	size      int64  // plaintext size
	bytesRead atomic.Int64

	mu     sync.Mutex // guards the one-chunk cache and its buffers
	ct     []byte
	pt     []byte
	cached int64 // index of the chunk in pt, or -1
	nonce  [nonceSize]byte
}

// NewRangeReader opens the envelope stored in ra, envelopeSize bytes long
// with header h at offset 0 (parse it from the same bytes, e.g.
// ReadHeader(io.NewSectionReader(ra, 0, envelopeSize))). key is the file key. A header that does not belong to ra's
// body makes the first chunk fail with ErrAuthentication.
func NewRangeReader(h *Header, ra io.ReaderAt, envelopeSize int64, key FileKey) (*RangeReader, error) {
	if h == nil || ra == nil {
		return nil, fmt.Errorf("%w: nil header or reader", ErrInvalidArgument)
	}
	if err := key.VerifyHeader(h); err != nil {
		return nil, err
	}
	full, finalLen, err := layout(envelopeSize-int64(h.Len()), h.ChunkSize)
	if err != nil {
		return nil, err
	}
	rr := &RangeReader{
		ra:       ra,
		aead:     key.payloadAEAD(h),
		cs:       h.ChunkSize,
		bodyOff:  int64(h.Len()),
		full:     full,
		finalLen: finalLen,
		size:     int64(full)*int64(h.ChunkSize) + int64(finalLen-minFinalChunk),
		ct:       make([]byte, h.ChunkSize+minFinalChunk),
		pt:       make([]byte, 0, h.ChunkSize+CommitmentSize),
		cached:   -1,
	}
	rr.mu.Lock()
	defer rr.mu.Unlock()
	if _, err := rr.chunk(full); err != nil {
		return nil, err
	}
	return rr, nil
}

// Size returns the plaintext size (authenticated by the final chunk).
func (rr *RangeReader) Size() int64 { return rr.size }

// CiphertextBytesRead returns how many bytes have been read from the
// underlying ReaderAt so far, the cost of the ranges served.
func (rr *RangeReader) CiphertextBytesRead() int64 { return rr.bytesRead.Load() }

// ReadAt implements io.ReaderAt over the plaintext. Bytes are copied to p
// only from chunks that authenticated; on an error, n counts the bytes of p
// filled from chunks before the failing one.
func (rr *RangeReader) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("%w: negative offset %d", ErrInvalidArgument, off)
	}
	if off >= rr.size {
		if len(p) == 0 && off == rr.size {
			return 0, nil
		}
		return 0, io.EOF
	}
	rr.mu.Lock()
	defer rr.mu.Unlock()
	n := 0
	for n < len(p) && off < rr.size {
		i := uint64(off / int64(rr.cs))
		data, err := rr.chunk(i)
		if err != nil {
			return n, err
		}
		k := copy(p[n:], data[off-int64(i)*int64(rr.cs):])
		n += k
		off += int64(k)
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// chunk returns the authenticated data of chunk i (without the commitment
// for the final one). rr.mu must be held.
func (rr *RangeReader) chunk(i uint64) ([]byte, error) {
	final := i == rr.full
	if rr.cached == int64(i) {
		return rr.data(final), nil
	}
	rr.cached = -1
	n := rr.cs + tagSize
	if final {
		n = rr.finalLen
	}
	ct := rr.ct[:n]
	m, err := rr.ra.ReadAt(ct, rr.bodyOff+int64(i)*int64(rr.cs+tagSize))
	rr.bytesRead.Add(int64(m))
	if m < n {
		if err == nil || err == io.EOF {
			return nil, &ChunkError{i, fmt.Errorf("%w: the reader ends inside chunk %d (is the envelope size right?)", ErrTruncated, i)}
		}
		return nil, fmt.Errorf("envelope: reading chunk %d: %w", i, err)
	}
	pt, err := rr.aead.Open(rr.pt[:0], nonce(&rr.nonce, i, final), ct, nil)
	if err != nil {
		if final && n == rr.cs+tagSize {
			if _, err2 := rr.aead.Open(rr.pt[:0], nonce(&rr.nonce, i, false), ct, nil); err2 == nil {
				clear(rr.pt[:rr.cs])
				return nil, &ChunkError{i, fmt.Errorf("%w: envelope ends after chunk %d, which is not the final chunk", ErrTruncated, i)}
			}
		}
		return nil, &ChunkError{i, fmt.Errorf("%w: tag does not verify (chunk altered or misplaced, or header from another envelope)", ErrAuthentication)}
	}
	if final && len(pt) == CommitmentSize && i > 0 {
		return nil, &ChunkError{i, fmt.Errorf("%w: empty final chunk after full chunks", ErrMalformedBody)}
	}
	rr.pt = pt
	rr.cached = int64(i)
	return rr.data(final), nil
}

func (rr *RangeReader) data(final bool) []byte {
	if final {
		return rr.pt[:len(rr.pt)-CommitmentSize]
	}
	return rr.pt
}
