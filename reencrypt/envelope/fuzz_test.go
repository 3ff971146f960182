package envelope

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// sentinels are every error this package may return for bad input.
var sentinels = []error{
	ErrMalformedHeader, ErrUnsupportedVersion, ErrAuthentication, ErrTruncated,
	ErrMalformedBody, ErrCommitmentMismatch, ErrKeyUnwrap,
}

// FuzzParseHeader: any input either parses into a header that re-encodes to
// the same bytes, or fails with a sentinel; it never panics.
func FuzzParseHeader(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseHeader(b)
		if err != nil {
			if !isAny(err, ErrMalformedHeader, ErrUnsupportedVersion) {
				t.Fatalf("untyped error: %v", err)
			}
			if h2, err2 := ReadHeader(bytes.NewReader(b)); h2 != nil || !isAny(err2, ErrMalformedHeader, ErrUnsupportedVersion) {
				t.Fatalf("ParseHeader failed (%v) but ReadHeader: %v", err, err2)
			}
			return
		}
		if h.Len() > len(b) || !bytes.Equal(h.Bytes(), b[:h.Len()]) {
			t.Fatal("header bytes are not a prefix of the input")
		}
		if h.Major < MinMajor || h.Major > Major || h.ChunkSize < MinChunkSize || h.ChunkSize > MaxChunkSize {
			t.Fatalf("accepted version %d chunk size %d", h.Major, h.ChunkSize)
		}
		// ReadHeader agrees and consumes exactly the header.
		r := bytes.NewReader(b)
		h2, err := ReadHeader(r)
		if err != nil || !bytes.Equal(h2.Bytes(), h.Bytes()) || r.Len() != len(b)-h.Len() {
			t.Fatalf("ReadHeader disagrees: %v", err)
		}
		// Re-encoding the fields of a 1.0 header gives the same layout
		// (the MAC aside, which needs the key).
		if h.Minor == 0 {
			if _, err := h.UmbralCapsule(); err != nil {
				t.Fatalf("accepted capsule does not parse: %v", err)
			}
		}
	})
}

// FuzzOpen feeds arbitrary envelopes to both readers under the vectors' file
// key. Each must fail with a sentinel or, if it succeeds, the input must be
// one of the genuine vector envelopes and the plaintext its plaintext:
// anything else would be a forgery.
func FuzzOpen(f *testing.F) {
	// Every vector set uses the same fixed file key.
	_, key := loadVectors(f, vectorFile)
	genuine := map[string][]byte{}
	for _, file := range append([]string{vectorFile}, oldVectorFiles...) {
		vs, k := loadVectors(f, file)
		if k != key {
			f.Fatalf("%s uses another file key", file)
		}
		for _, v := range vs.Vectors {
			pt, env := vectorFiles(f, file, v)
			genuine[string(env)] = pt
		}
	}
	f.Fuzz(func(t *testing.T, env []byte) {
		want, isGenuine := genuine[string(env)]
		check := func(api string, got []byte, err error) {
			if err == nil {
				if !isGenuine || !bytes.Equal(got, want) {
					t.Fatalf("%s opened a forged envelope", api)
				}
				return
			}
			if !isAny(err, sentinels...) {
				t.Fatalf("%s: untyped error: %v", api, err)
			}
			if isGenuine {
				t.Fatalf("%s: genuine envelope fails: %v", api, err)
			}
		}
		got, err := openAll(env, key)
		check("Reader", got, err)

		h, err := ParseHeader(env)
		if err != nil {
			return
		}
		rr, err := NewRangeReader(h, bytes.NewReader(env), int64(len(env)), key)
		if err != nil {
			check("RangeReader", nil, err)
			return
		}
		got, err = io.ReadAll(io.NewSectionReader(rr, 0, rr.Size()))
		if err == nil {
			// Without the commitment check a range reader accepts what
			// the streaming reader accepts, no more.
			if !isGenuine || !bytes.Equal(got, want) {
				t.Fatal("RangeReader opened a forged envelope")
			}
			return
		}
		var ce *ChunkError
		if !isAny(err, sentinels...) || !errors.As(err, &ce) {
			t.Fatalf("RangeReader: untyped error %v", err)
		}
	})
}
