package acl_test

import (
	"context"
	"math/big"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
)

// TestFollowerTopicStages: a follower with Topics reads in stages over
// each window, a later stage built from what the earlier ones read (the
// grants of the datasets stage 0 found created), and delivers each log
// once, in chain order, with the log it was decoded from.
func TestFollowerTopicStages(t *testing.T) {
	ctx := testCtx(t)
	e, sim := newSimulated(t)
	owner := deploy(t, e)
	from := ok(sim.Client().BlockNumber(ctx))(t)
	id := newDataset(t, owner)
	other := newDataset(t, owner)
	grantee := e.addr(kBrand)
	expiry := time.Unix(int64(head(t, e).Time)+3600, 0)
	ok(owner.Grant(ctx, acl.Grant{Dataset: id, Grantee: grantee, Expiry: expiry, Threshold: 1}))(t)
	ok(owner.Grant(ctx, acl.Grant{Dataset: other, Grantee: common.Address{0xa2}, Expiry: expiry, Threshold: 1}))(t)

	a := owner.ABI()
	created, granted := a.Events["DatasetCreated"].ID, a.Events["Granted"].ID
	f := owner.Follower(&acl.MemoryCursor{})
	f.Start = from
	var stages []int
	f.Topics = func(stage int, read []types.Log) [][]common.Hash {
		stages = append(stages, stage)
		switch stage {
		case 0: // the datasets created, of which only id is "watched"
			return [][]common.Hash{{created}, {common.BigToHash(new(big.Int).SetUint64(id))}}
		case 1: // grants to the grantee (the same grant as stage 2 finds)
			return [][]common.Hash{{granted}, {common.BytesToHash(grantee.Bytes())}}
		case 2: // the grants of the datasets stage 0 read
			var ds []common.Hash
			for _, l := range read {
				if l.Topics[0] == created {
					ds = append(ds, l.Topics[1])
				}
			}
			return [][]common.Hash{{granted}, nil, ds}
		}
		return nil
	}
	var got []string
	if _, err := f.Poll(ctx, func(_ context.Context, ev acl.Event) error {
		if ev.Log == nil || ev.Log.BlockNumber != ev.Block || ev.Log.Index != ev.Index {
			t.Errorf("%s of block %d delivered without its log", ev.Name, ev.Block)
		}
		got = append(got, ev.Name)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"DatasetCreated", "Granted"}; !slices.Equal(got, want) {
		t.Fatalf("delivered %v, want %v (each log once, the other dataset's not at all)", got, want)
	}
	if !slices.Equal(stages, []int{0, 1, 2, 3}) {
		t.Fatalf("stages asked %v, want 0 to 3 (3 ends the window)", stages)
	}

	bad := owner.Follower(&acl.MemoryCursor{})
	bad.Topics = func(int, []types.Log) [][]common.Hash { return nil }
	if _, err := bad.Poll(ctx, func(context.Context, acl.Event) error { return nil }); err == nil {
		t.Fatal("a follower whose first stage has no filter read the whole Registry")
	}
}
