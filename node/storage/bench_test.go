package storage

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/ipfs/boxo/files"
	"github.com/ipfs/boxo/path"
	coreiface "github.com/ipfs/kubo/core/coreiface"
)

const benchSize = 16 << 20

// rawStore is what the benchmark compares against: the same node through
// kubo's CoreAPI directly, with the same import options.
type rawStore interface {
	Store
	Raw() coreiface.CoreAPI
}

// BenchmarkAdd and BenchmarkCat measure the throughput of 16 MiB objects
// through this package and through the bare CoreAPI of the same node, for
// the embedded node and for a daemon over RPC. Each add gets fresh bytes, so
// no iteration is served by deduplication.
//
//	go test ./node/storage -run '^$' -bench . -benchtime 10x
func BenchmarkAdd(b *testing.B) {
	for _, s := range benchStores(b) {
		b.Run(s.name+"/pdx", func(b *testing.B) {
			benchAdd(b, func(ctx context.Context, data []byte, i int) error {
				_, err := s.store.Add(ctx, bytes.NewReader(data), AddOptions{Name: "bench"})
				return err
			})
		})
		b.Run(s.name+"/coreapi", func(b *testing.B) {
			benchAdd(b, func(ctx context.Context, data []byte, i int) error {
				_, err := s.store.Raw().Unixfs().Add(ctx, files.NewReaderFile(bytes.NewReader(data)), ImportOptions("bench")...)
				return err
			})
		})
	}
}

func BenchmarkCat(b *testing.B) {
	for _, s := range benchStores(b) {
		ctx := context.Background()
		c, err := s.store.Add(ctx, newCounterStream("bench-cat", benchSize), AddOptions{Name: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(s.name+"/pdx", func(b *testing.B) {
			b.SetBytes(benchSize)
			for b.Loop() {
				rc, err := s.store.Get(ctx, c)
				if err != nil {
					b.Fatal(err)
				}
				if n, err := io.Copy(io.Discard, rc); err != nil || n != benchSize {
					b.Fatal(n, err)
				}
				rc.Close()
			}
		})
		b.Run(s.name+"/coreapi", func(b *testing.B) {
			b.SetBytes(benchSize)
			for b.Loop() {
				nd, err := s.store.Raw().Unixfs().Get(ctx, path.FromCid(c))
				if err != nil {
					b.Fatal(err)
				}
				if n, err := io.Copy(io.Discard, nd.(files.File)); err != nil || n != benchSize {
					b.Fatal(n, err)
				}
				nd.Close()
			}
		})
	}
}

type benchStore struct {
	name  string
	store rawStore
}

func benchStores(b *testing.B) []benchStore {
	return []benchStore{
		{"embedded", openEmbedded(b)},
		{"remote", openRemote(b, startDaemon(b, initDaemonRepo(b)))},
	}
}

func benchAdd(b *testing.B, add func(ctx context.Context, data []byte, i int) error) {
	ctx := context.Background()
	b.SetBytes(benchSize)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		data := counterBytes(fmt.Sprintf("bench-add-%s-%d", b.Name(), i), benchSize)
		b.StartTimer()
		if err := add(ctx, data, i); err != nil {
			b.Fatal(err)
		}
	}
}
