package envelope

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"

	"lukechampine.com/blake3/guts"
)

// committer accumulates the plaintext commitment of one envelope, in
// plaintext order. Format 1 uses HMAC-SHA256; format 2 the keyed BLAKE3
// hash, whose tree structure lets the chunks of a parallel reader or writer
// be hashed on several cores and only joined in order (addGroups).
type committer interface {
	write(p []byte)
	sum() Commitment
}

// newCommitter returns the commitment hash of format major under k.
func newCommitter(k FileKey, major uint8) committer {
	if major == 1 {
		return &hmacCommitter{hmac.New(sha256.New, k.commitmentKey(major))}
	}
	return newBlake3Tree(k.commitmentKey(major))
}

type hmacCommitter struct{ h hash.Hash }

func (c *hmacCommitter) write(p []byte) { c.h.Write(p) }

func (c *hmacCommitter) sum() (out Commitment) {
	c.h.Sum(out[:0])
	return out
}

// b3Group is the unit in which blake3Tree compresses: 16 BLAKE3 chunks of
// 1 KiB, which the SIMD code hashes side by side. A group that starts at a
// multiple of b3Group bytes is a complete subtree of the BLAKE3 tree, so its
// chaining value can be computed apart from the rest of the input.
const b3Group = guts.MaxSIMD * guts.ChunkSize

// blake3Tree is the BLAKE3 keyed hash (32-byte output) of a stream, built
// from 16 KiB subtrees: Write hashes the stream itself, and addGroups takes
// the chaining values of whole groups computed elsewhere (groupCVs), so
// that chunk i of an envelope can be hashed on another core while chunk i−1
// is still being joined. The result is the standard BLAKE3 keyed hash
// either way; the tests compare it with an independent implementation.
type blake3Tree struct {
	key    [8]uint32
	buf    [b3Group]byte
	n      int    // bytes in buf; > 0 once anything was written, so the last group is never merged early
	groups uint64 // complete groups merged into stack
	stack  [54][8]uint32
	depth  int
}

func newBlake3Tree(key []byte) *blake3Tree {
	t := &blake3Tree{}
	for i := range t.key {
		t.key[i] = binary.LittleEndian.Uint32(key[4*i:])
	}
	return t
}

const b3Flags = guts.FlagKeyedHash

func (t *blake3Tree) write(p []byte) {
	for len(p) > 0 {
		if t.n == b3Group {
			// More input follows, so this group is not the last one.
			t.push(guts.ChainingValue(guts.CompressBuffer(&t.buf, b3Group, &t.key, t.groups*guts.MaxSIMD, b3Flags)))
			t.n = 0
		}
		k := copy(t.buf[t.n:], p)
		t.n += k
		p = p[k:]
	}
}

// push merges the chaining value of the next complete group into the
// stack: after g groups the stack holds one subtree per set bit of g.
func (t *blake3Tree) push(cv [8]uint32) {
	t.groups++
	for g := t.groups; g&1 == 0; g >>= 1 {
		t.depth--
		cv = guts.ChainingValue(guts.ParentNode(t.stack[t.depth], cv, &t.key, b3Flags))
	}
	t.stack[t.depth] = cv
	t.depth++
}

// aligned reports whether the next byte written starts a group, so that
// whole groups hashed elsewhere may be added with addGroups.
func (t *blake3Tree) aligned() bool { return t.n == 0 }

// addGroups adds complete groups, in order, by their chaining values from
// groupCVs with the group index the tree expects next (t.groups). Only
// valid when aligned() and when more input follows them.
func (t *blake3Tree) addGroups(cvs [][8]uint32) {
	for _, cv := range cvs {
		t.push(cv)
	}
}

// groupCVs computes the chaining values of the complete groups in p, which
// starts at group index first of the stream; len(p) must be a multiple of
// b3Group. It uses no state, so any goroutine may call it.
func groupCVs(key *[8]uint32, p []byte, first uint64, cvs [][8]uint32) [][8]uint32 {
	for i := 0; len(p) >= b3Group; i++ {
		cvs = append(cvs, guts.ChainingValue(guts.CompressBuffer((*[b3Group]byte)(p), b3Group, key, (first+uint64(i))*guts.MaxSIMD, b3Flags)))
		p = p[b3Group:]
	}
	return cvs
}

func (t *blake3Tree) sum() (out Commitment) {
	// The buffered bytes (all of the last group) form the rightmost
	// subtree; fold the stack into it from the top, and mark the root.
	var pad [b3Group]byte
	copy(pad[:], t.buf[:t.n])
	nd := guts.CompressBuffer(&pad, t.n, &t.key, t.groups*guts.MaxSIMD, b3Flags)
	for d := t.depth - 1; d >= 0; d-- {
		nd = guts.ParentNode(t.stack[d], guts.ChainingValue(nd), &t.key, b3Flags)
	}
	nd.Flags |= guts.FlagRoot
	words := guts.WordsToBytes(guts.CompressNode(nd))
	copy(out[:], words[:])
	return out
}
