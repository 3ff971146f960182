package envelope

import (
	"crypto/cipher"
	"fmt"
	"hash"
	"io"
)

// Reader opens an envelope's chunk stream. It releases plaintext one chunk
// at a time and only after that chunk's tag has verified, so it never
// returns unauthenticated bytes; the final chunk is released only after the
// plaintext commitment has been checked as well. A reader that must act on
// the whole plaintext or nothing should act only once Read returned io.EOF:
// until then a later chunk may still fail (truncation, tampering), and the
// error says which chunk (ChunkError).
type Reader struct {
	src      io.Reader
	aead     cipher.AEAD
	cs       int
	buf      []byte // ciphertext: one chunk, plus lookahead to spot the final one
	pending  int    // bytes already in buf (lookahead carried over)
	pt       []byte // plaintext of the current chunk, cap cs+CommitmentSize
	out      []byte // unread part of pt
	idx      uint64
	commit   hash.Hash
	expected *Commitment
	nonce    [nonceSize]byte

	done       bool
	commitment Commitment
	err        error // sticky
}

// OpenOption adjusts NewReader.
type OpenOption func(*Reader)

// ExpectCommitment makes the reader also compare the plaintext commitment
// with c (typically the fingerprint registered on chain) and fail with
// ErrCommitmentMismatch at the end of the stream if they differ.
func ExpectCommitment(c Commitment) OpenOption {
	return func(r *Reader) { r.expected = &c }
}

// NewReader opens the chunk stream read from body, which must be positioned
// just after header h (as ReadHeader leaves it). key is the envelope's file
// key, from FileKeyForOwner or FileKeyForGrantee. The header MAC is checked
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
		aead:   key.payloadAEAD(h.mac()),
		cs:     h.ChunkSize,
		buf:    make([]byte, h.ChunkSize+minFinalChunk+1),
		pt:     make([]byte, 0, h.ChunkSize+CommitmentSize),
		commit: newCommitter(key),
	}
	for _, o := range opts {
		o(r)
	}
	return r, nil
}

// Read implements io.Reader.
func (r *Reader) Read(p []byte) (int, error) {
	for len(r.out) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		if r.done {
			return 0, io.EOF
		}
		if err := r.next(); err != nil {
			r.err = err
		}
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
	return n, nil
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
	return r.commitment, nil
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
		ct := r.buf[:full]
		pt, err := r.aead.Open(r.pt[:0], nonce(&r.nonce, r.idx, false), ct, nil)
		if err != nil {
			return &ChunkError{r.idx, fmt.Errorf("%w: tag does not verify (chunk altered, dropped, reordered or misplaced)", ErrAuthentication)}
		}
		r.commit.Write(pt)
		r.out = pt
		r.pending = copy(r.buf, r.buf[full:r.pending])
		r.idx++
		return nil
	case io.EOF, io.ErrUnexpectedEOF:
		return r.final(r.buf[:r.pending])
	default:
		return fmt.Errorf("envelope: reading chunk %d: %w", r.idx, err)
	}
}

// final authenticates the last chunk, checks the commitment, and only then
// exposes its data.
func (r *Reader) final(ct []byte) error {
	if len(ct) < minFinalChunk {
		if r.idx == 0 && len(ct) == 0 {
			return &ChunkError{0, fmt.Errorf("%w: no chunk after the header", ErrTruncated)}
		}
		return &ChunkError{r.idx, fmt.Errorf("%w: stream ends %d bytes into a chunk", ErrTruncated, len(ct))}
	}
	pt, err := r.aead.Open(r.pt[:0], nonce(&r.nonce, r.idx, true), ct, nil)
	if err != nil {
		// A full-size chunk that opens as non-final means the stream was
		// cut at a chunk boundary: say so rather than "tampered".
		if len(ct) == r.cs+tagSize {
			if _, err2 := r.aead.Open(r.pt[:0], nonce(&r.nonce, r.idx, false), ct, nil); err2 == nil {
				clear(r.pt[:r.cs])
				return &ChunkError{r.idx, fmt.Errorf("%w: stream ends after chunk %d, which is not the final chunk", ErrTruncated, r.idx)}
			}
		}
		return &ChunkError{r.idx, fmt.Errorf("%w: final chunk tag does not verify (altered, misplaced, truncated, or data appended)", ErrAuthentication)}
	}
	d := len(pt) - CommitmentSize
	if d == 0 && r.idx > 0 {
		return &ChunkError{r.idx, fmt.Errorf("%w: empty final chunk after full chunks", ErrMalformedBody)}
	}
	r.commit.Write(pt[:d])
	var got, carried Commitment
	r.commit.Sum(got[:0])
	copy(carried[:], pt[d:])
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
