package reencrypt

// Umbral objects are MessagePack as rmp-serde writes fixed-size structs:
// fixarrays of bin8 blobs and booleans. Only that exact form is accepted, so
// every object has one encoding; the layouts are in UMBRAL.md.

const (
	mpBin8  = 0xc4
	mpFalse = 0xc2
	mpTrue  = 0xc3
)

func appendArray(dst []byte, n int) []byte { return append(dst, 0x90|byte(n)) }

func appendBin(dst, b []byte) []byte {
	dst = append(dst, mpBin8, byte(len(b)))
	return append(dst, b...)
}

func appendBool(dst []byte, v bool) []byte {
	if v {
		return append(dst, mpTrue)
	}
	return append(dst, mpFalse)
}

// reader decodes the strict form; after the first mismatch every call fails
// and ok stays false, so decoders check once at the end.
type reader struct {
	b  []byte
	ok bool
}

func newReader(b []byte) *reader { return &reader{b: b, ok: true} }

func (r *reader) array(n int) {
	if !r.ok || len(r.b) < 1 || r.b[0] != 0x90|byte(n) {
		r.ok = false
		return
	}
	r.b = r.b[1:]
}

func (r *reader) bin(n int) []byte {
	if !r.ok || len(r.b) < 2+n || r.b[0] != mpBin8 || int(r.b[1]) != n {
		r.ok = false
		return nil
	}
	v := r.b[2 : 2+n]
	r.b = r.b[2+n:]
	return v
}

func (r *reader) boolean() bool {
	if !r.ok || len(r.b) < 1 || (r.b[0] != mpTrue && r.b[0] != mpFalse) {
		r.ok = false
		return false
	}
	v := r.b[0] == mpTrue
	r.b = r.b[1:]
	return v
}

// done reports whether everything decoded and nothing is left over.
func (r *reader) done() bool { return r.ok && len(r.b) == 0 }
