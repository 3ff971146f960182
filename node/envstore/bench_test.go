package envstore

import (
	"context"
	"fmt"
	"io"
	"syscall"
	"testing"
	"time"

	"github.com/pdx-network/pdx/node/internal/detstream"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// BenchmarkGet compares reading a 64 MiB object through Get (fetch, decrypt,
// commitment; pdx-nohash: without hashing the plaintext) with reading the same plaintext stored plainly (fetch only),
// on the same embedded node. `make bench-storage` is the full comparison.
//
//	go test ./node/envstore -run '^$' -bench Get
func BenchmarkGet(b *testing.B) {
	const size = 64 << 20
	s := openNode(b)
	o := newOwner(b)
	ctx := context.Background()
	res, err := Put(ctx, s, detstream.New("bench", size), o.cfg, "bench")
	if err != nil {
		b.Fatal(err)
	}
	plain, err := s.Add(ctx, detstream.New("bench", size), storage.AddOptions{Name: "bench-plain"})
	if err != nil {
		b.Fatal(err)
	}
	key := ownerKey(b, s, o, res.CID)
	for _, mode := range []struct {
		name string
		opts []envelope.OpenOption
	}{{"pdx", nil}, {"pdx-nohash", []envelope.OpenOption{envelope.SkipCommitmentHash()}}} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(size)
			defer reportCPU(b, size)()
			for b.Loop() {
				rc, err := Get(ctx, s, res.CID, key, &res.Commitment, mode.opts...)
				if err != nil {
					b.Fatal(err)
				}
				if n, err := io.Copy(io.Discard, rc); err != nil || n != size {
					b.Fatal(n, err)
				}
				rc.Close()
			}
		})
	}
	b.Run("kubo", func(b *testing.B) {
		b.SetBytes(size)
		defer reportCPU(b, size)()
		for b.Loop() {
			rc, err := s.Get(ctx, plain)
			if err != nil {
				b.Fatal(err)
			}
			if n, err := io.Copy(io.Discard, rc); err != nil || n != size {
				b.Fatal(n, err)
			}
			rc.Close()
		}
	})
}

// BenchmarkPut compares Put (encrypt, add, pin) of 1 MiB and 64 MiB with
// storage.Add (add, pin) of the same bytes on the same node: the small
// size shows what a put costs beyond its bytes.
func BenchmarkPut(b *testing.B) {
	s := openNode(b)
	o := newOwner(b)
	ctx := context.Background()
	run := time.Now().UnixNano()
	for _, size := range []int64{1 << 20, 64 << 20} {
		b.Run(fmt.Sprintf("pdx/%dMiB", size>>20), func(b *testing.B) {
			b.SetBytes(size)
			defer reportCPU(b, size)()
			for i := 0; b.Loop(); i++ {
				if _, err := Put(ctx, s, detstream.New(fmt.Sprint("put", run, size, i), size), o.cfg, "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("kubo/%dMiB", size>>20), func(b *testing.B) {
			b.SetBytes(size)
			defer reportCPU(b, size)()
			for i := 0; b.Loop(); i++ {
				// Fresh bytes each time: the same bytes would only be deduplicated.
				if _, err := s.Add(ctx, detstream.New(fmt.Sprint("add", run, size, i), size), storage.AddOptions{Name: "bench"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// reportCPU adds the process's CPU time per byte (user+system) to the
// benchmark's output: on a shared machine wall time depends on what else
// runs, CPU time much less.
func reportCPU(b *testing.B, size int64) func() {
	c0 := cpuNanos()
	return func() {
		b.ReportMetric(float64(cpuNanos()-c0)/float64(int64(b.N)*size), "cpu-ns/B")
	}
}

func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
