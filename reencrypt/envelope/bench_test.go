package envelope

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"syscall"
	"testing"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/chacha20poly1305"
)

const benchSize = 16 << 20

// BenchmarkSeal measures sealing throughput through the streaming API (the
// Umbral wrap of the file key included, once per envelope) and its CPU time
// per byte.
func BenchmarkSeal(b *testing.B) {
	sk := datasetKey(b)
	pt := plaintext(1, benchSize)
	b.SetBytes(benchSize)
	c0 := cpuNanos()
	for b.Loop() {
		w, err := NewWriter(io.Discard, WriterConfig{DatasetKey: sk.PublicKey()})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.Write(pt); err != nil {
			b.Fatal(err)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuNanos()-c0)/float64(int64(b.N)*benchSize), "cpu-ns/B")
}

// BenchmarkSealReader measures the put path's sealing stage: a SealReader
// read the way kubo's importer reads it (io.ReadFull into 256 KiB leaves).
// "discard" only reads; "importer" also hashes each leaf with SHA-256 on
// the reading goroutine, as the importer does, which is what the sealing
// must run beside rather than in turn with. workers-1 seals on one
// goroutine, workers-N on the default number. cpu-ns/B is all goroutines.
//
//	go test ./reencrypt/envelope -run '^$' -bench SealReader
func BenchmarkSealReader(b *testing.B) {
	sk := datasetKey(b)
	pt := plaintext(1, benchSize)
	s := seal(b, sk, pt[:1], DefaultChunkSize, 0) // a header and its key
	for _, mode := range []string{"discard", "importer"} {
		for _, workers := range []int{1, sealWorkers()} {
			b.Run(fmt.Sprintf("%s/workers-%d", mode, workers), func(b *testing.B) {
				leaf := make([]byte, 256<<10)
				b.SetBytes(benchSize)
				c0 := cpuNanos()
				for b.Loop() {
					r := sealReaderFor(bytes.NewReader(pt), s.header, s.key, workers)
					for {
						n, err := io.ReadFull(r, leaf)
						if mode == "importer" {
							sha256.Sum256(leaf[:n])
						}
						if err == io.EOF || err == io.ErrUnexpectedEOF {
							break
						}
						if err != nil {
							b.Fatal(err)
						}
					}
					r.Close()
				}
				b.ReportMetric(float64(cpuNanos()-c0)/float64(int64(b.N)*benchSize), "cpu-ns/B")
			})
		}
	}
}

// BenchmarkOpen measures opening throughput with the file key at hand
// (header MAC, every chunk, the commitment), in the caller's goroutine and
// with workers, and the CPU time per byte (all goroutines, user+system),
// which depends less than throughput on what else runs on the machine.
func BenchmarkOpen(b *testing.B) {
	s := seal(b, datasetKey(b), plaintext(1, benchSize), 0, 0)
	for _, workers := range []int{0, 1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var opts []OpenOption
			if workers > 0 {
				opts = append(opts, Workers(workers))
			}
			b.SetBytes(benchSize)
			c0 := cpuNanos()
			for b.Loop() {
				r := bytes.NewReader(s.env)
				h, err := ReadHeader(r)
				if err != nil {
					b.Fatal(err)
				}
				pr, err := NewReader(h, r, s.key, opts...)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := io.Copy(io.Discard, pr); err != nil {
					b.Fatal(err)
				}
				pr.Close()
			}
			b.ReportMetric(float64(cpuNanos()-c0)/float64(int64(b.N)*benchSize), "cpu-ns/B")
		})
	}
}

func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkRangeRead reads random 4 KiB ranges of a 16 MiB envelope and
// reports the ciphertext read per range.
func BenchmarkRangeRead(b *testing.B) {
	s := seal(b, datasetKey(b), plaintext(1, benchSize), 0, 0)
	rr, err := NewRangeReader(s.header, bytes.NewReader(s.env), int64(len(s.env)), s.key)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	p := make([]byte, 4<<10)
	start := rr.CiphertextBytesRead()
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		if _, err := rr.ReadAt(p, rng.Int64N(benchSize-int64(len(p)))); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rr.CiphertextBytesRead()-start)/float64(b.N), "ct-bytes/op")
}

// BenchmarkPrimitives is the measurement behind the AEAD choice in
// ENVELOPE.md: both candidate AEADs and both candidate commitment MACs on
// one 64 KiB chunk.
func BenchmarkPrimitives(b *testing.B) {
	key := make([]byte, 32)
	chunk := plaintext(2, DefaultChunkSize)
	var n [nonceSize]byte
	block, err := aes.NewCipher(key)
	if err != nil {
		b.Fatal(err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		b.Fatal(err)
	}
	cc, err := chacha20poly1305.New(key)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		a    cipher.AEAD
	}{{"AES-256-GCM", gcm}, {"ChaCha20-Poly1305", cc}} {
		out := make([]byte, 0, len(chunk)+tagSize)
		b.Run(c.name+"/seal", func(b *testing.B) {
			b.SetBytes(int64(len(chunk)))
			for b.Loop() {
				out = c.a.Seal(out[:0], nonce(&n, 1, false), chunk, nil)
			}
		})
		ct := c.a.Seal(nil, nonce(&n, 1, false), chunk, nil)
		b.Run(c.name+"/open", func(b *testing.B) {
			b.SetBytes(int64(len(chunk)))
			for b.Loop() {
				if _, err := c.a.Open(out[:0], nonce(&n, 1, false), ct, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("HMAC-SHA256", func(b *testing.B) {
		m := hmac.New(sha256.New, key)
		b.SetBytes(int64(len(chunk)))
		for b.Loop() {
			m.Write(chunk)
		}
	})
	b.Run("BLAKE3-keyed", func(b *testing.B) {
		t := newBlake3Tree(key)
		b.SetBytes(int64(len(chunk)))
		for b.Loop() {
			t.write(chunk)
		}
	})
	b.Run("BLAKE2b-256-keyed", func(b *testing.B) {
		m, err := blake2b.New256(key)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(chunk)))
		for b.Loop() {
			m.Write(chunk)
		}
	})
}
