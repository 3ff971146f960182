package envelope

import (
	"encoding/binary"
	"fmt"
)

// STREAM layout constants (ENVELOPE.md, "Chunk stream").
const (
	tagSize   = 16 // AES-256-GCM tag
	nonceSize = 12 // 11-byte big-endian counter ‖ 1-byte last-chunk flag

	// minFinalChunk is the smallest final chunk: no data, the commitment, a tag.
	minFinalChunk = CommitmentSize + tagSize
)

// nonce builds the STREAM nonce of chunk i. The counter occupies the first 11
// bytes; a uint64 fills the low 8 of them, more chunks than any envelope can
// have at the minimum chunk size (2^64 KiB).
// It writes into n, which the caller keeps, so sealing and opening a chunk
// allocate nothing.
func nonce(n *[nonceSize]byte, i uint64, final bool) []byte {
	*n = [nonceSize]byte{}
	binary.BigEndian.PutUint64(n[3:11], i)
	if final {
		n[11] = 1
	}
	return n[:]
}

// layout locates the chunks of a body of bodyLen ciphertext bytes under chunk
// size cs: full is the number of non-final chunks (each cs+16 bytes),
// finalLen the size of the final chunk (data + 32 + 16 bytes, data ≤ cs).
// The split is unique because a non-final chunk is always followed by at
// least minFinalChunk bytes, so a remainder of at most cs+48 bytes is the
// final chunk and anything longer starts with a non-final one.
func layout(bodyLen int64, cs int) (full uint64, finalLen int, err error) {
	maxFinal := int64(cs + minFinalChunk)
	if bodyLen < minFinalChunk {
		return 0, 0, fmt.Errorf("%w: body is %d bytes, the final chunk alone takes at least %d", ErrTruncated, bodyLen, minFinalChunk)
	}
	if bodyLen <= maxFinal {
		return 0, int(bodyLen), nil
	}
	step := int64(cs + tagSize)
	n := (bodyLen - maxFinal + step - 1) / step
	f := bodyLen - n*step
	if f < minFinalChunk {
		return 0, 0, fmt.Errorf("%w: body ends %d bytes into its final chunk, which takes at least %d", ErrTruncated, f, minFinalChunk)
	}
	return uint64(n), int(f), nil
}
