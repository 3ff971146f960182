package storage

import (
	"context"
	"crypto/rand"
	"io"
)

// endClean is the embedded importer's input. kubo's importer writes its
// blocks in batches on goroutines of its own, and waits for them only when
// the import ends normally: an import that fails on its input returns at
// once, with a batch still being written, so blocks of a failed Add could
// land after it returned — after a garbage collection that was meant to
// remove them. endClean therefore never lets kubo see a failure: when the
// input fails (or ctx ends, or MaxSize is passed), it ends the stream
// normally after a random tail, kubo finishes and pins the cut-off object
// with every block written, and Add unpins it and reports the failure. Once
// Add returns, nothing of it is still being written, so one GC removes all
// of a failed Add. The random tail makes the cut-off object's CID one no
// other pin can hold, so unpinning it never drops someone else's pin (a
// prefix of a public version, or the empty file).
type endClean struct {
	r   io.Reader
	ctx context.Context
	// err is why the input ended early; nil while it has not.
	err  error
	tail []byte
}

// tailSize makes the cut-off object unique: 256 random bits.
const tailSize = 32

func (e *endClean) Read(p []byte) (int, error) {
	if e.err == nil {
		if err := e.ctx.Err(); err != nil {
			e.fail(err)
		} else {
			n, err := e.r.Read(p)
			if err == nil || err == io.EOF {
				return n, err
			}
			e.fail(err)
			if n > 0 {
				return n, nil
			}
		}
	}
	if len(e.tail) == 0 {
		return 0, io.EOF
	}
	n := copy(p, e.tail)
	e.tail = e.tail[n:]
	return n, nil
}

func (e *endClean) fail(err error) {
	e.err = err
	e.tail = make([]byte, tailSize)
	rand.Read(e.tail)
}
