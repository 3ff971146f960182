package chainindex_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
)

// BenchmarkGrantsOfDataset times the owner's listing of its dataset's 3
// grants among 200 and 2,000 grants of a stranger's dataset (a block
// each): from the home's index (what the listings read) and from a chain
// scan of the Registry's logs (what they read before). The index's time
// stays flat; the scan's grows with the chain. make bench-index runs it.
func BenchmarkGrantsOfDataset(b *testing.B) {
	for _, unrelated := range []int{200, 2000} {
		b.Run(fmt.Sprintf("unrelated=%d", unrelated), func(b *testing.B) {
			w := newWorld(b)
			mine := w.dataset(w.owner)
			foreign := w.dataset(w.stranger)
			for i := range unrelated {
				var to common.Address
				to[0], to[1], to[19] = byte(i>>8), byte(i), 1
				w.grant(w.stranger, foreign, to)
				if i%(unrelated/3+1) == 0 {
					w.grant(w.owner, mine, to)
				}
			}
			ix := w.open(filepath.Join(b.TempDir(), "chain-index"), w.owner)
			defer ix.Close()
			f := acl.GrantedFilter{Dataset: &mine}
			b.Run("index", func(b *testing.B) {
				for b.Loop() {
					if gs, err := ix.Granted(w.ctx, f); err != nil || len(gs) != 3 {
						b.Fatalf("%d grants, %v", len(gs), err)
					}
				}
			})
			b.Run("chain-scan", func(b *testing.B) {
				for b.Loop() {
					if gs, err := w.owner.Granted(w.ctx, acl.Range{From: w.deploy}, f); err != nil || len(gs) != 3 {
						b.Fatalf("%d grants, %v", len(gs), err)
					}
				}
			})
		})
	}
}
