package chainindex

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
)

// The store's keys (SPEC.md). Numbers are big-endian, so keys sort in
// chain order within a prefix; an event name ends with '/'.
var (
	keyCursor   = []byte("cursor")
	prefixMine  = []byte("d/") // d/<dataset>: a dataset this home created
	prefixParty = []byte("a/") // a/<event>/<block><index>: names this home's account
	prefixData  = []byte("s/") // s/<dataset>/<event>/<block><index>: of this home's dataset
	prefixLog   = []byte("l/") // l/<block><index>: the keys the log added
)

func mineKey(dataset uint64) []byte {
	return binary.BigEndian.AppendUint64(slices.Clone(prefixMine), dataset)
}

func partyPrefix(event string) []byte {
	return append(append(slices.Clone(prefixParty), event...), '/')
}

func partyKey(event string, block uint64, index uint) []byte {
	return appendPos(partyPrefix(event), block, index)
}

func datasetPrefix(dataset uint64, event string) []byte {
	k := binary.BigEndian.AppendUint64(slices.Clone(prefixData), dataset)
	return append(append(append(k, '/'), event...), '/')
}

func datasetKey(dataset uint64, event string, block uint64, index uint) []byte {
	return appendPos(datasetPrefix(dataset, event), block, index)
}

func logKey(block uint64, index uint) []byte { return appendPos(slices.Clone(prefixLog), block, index) }

func appendPos(k []byte, block uint64, index uint) []byte {
	k = binary.BigEndian.AppendUint64(k, block)
	return binary.BigEndian.AppendUint32(k, uint32(index))
}

// joinKeys is the value of a log key: each key the log added, as a 2-byte
// length and the key.
func joinKeys(keys [][]byte) []byte {
	var out []byte
	for _, k := range keys {
		out = binary.BigEndian.AppendUint16(out, uint16(len(k)))
		out = append(out, k...)
	}
	return out
}

func splitKeys(v []byte) ([][]byte, error) {
	var out [][]byte
	for len(v) > 0 {
		if len(v) < 2 || len(v) < 2+int(binary.BigEndian.Uint16(v)) {
			return nil, errors.New("chainindex: truncated log entry")
		}
		n := int(binary.BigEndian.Uint16(v))
		out = append(out, slices.Clone(v[2:2+n]))
		v = v[2+n:]
	}
	return out, nil
}

// cursor is the value of keyCursor: which Registry and account the store
// indexes, the first block it does not hold, and the hash of the block
// before it (zero when that is before the start), so a start notices a
// chain that no longer holds it.
type cursor struct {
	registry, account common.Address
	next              uint64
	hash              common.Hash
}

const cursorLen = 1 + 20 + 20 + 8 + 32

// cursorVersion is the cursor value's first byte.
const cursorVersion = 1

func (c cursor) bytes() []byte {
	out := make([]byte, 0, cursorLen)
	out = append(out, cursorVersion)
	out = append(out, c.registry.Bytes()...)
	out = append(out, c.account.Bytes()...)
	out = binary.BigEndian.AppendUint64(out, c.next)
	return append(out, c.hash.Bytes()...)
}

func parseCursor(v []byte) (cursor, error) {
	if len(v) != cursorLen || v[0] != cursorVersion {
		return cursor{}, fmt.Errorf("its cursor is not version %d (%d bytes)", cursorVersion, len(v))
	}
	return cursor{
		registry: common.BytesToAddress(v[1:21]), account: common.BytesToAddress(v[21:41]),
		next: binary.BigEndian.Uint64(v[41:49]), hash: common.BytesToHash(v[49:]),
	}, nil
}

// topics are the follower's filters (acl.Follower.Topics), in stages over
// each window: (0) what names this home's account at the second indexed
// argument: the datasets it created, revocations of its grants, its
// purchases and refunds; (1) grants to it (the grantee is the first); (2)
// its campaign joins (the owner is the third); then, for this home's
// datasets (those known and those the window's stage 0 created), 500 at a
// time, (3+2i) their events that index the dataset first and (4+2i) their
// grants (the dataset is the second).
func (ix *Index) topics(stage int, read []types.Log) [][]common.Hash {
	a := ix.reg.GetABI()
	id := func(names ...string) []common.Hash {
		out := make([]common.Hash, len(names))
		for i, n := range names {
			out[i] = a.Events[n].ID
		}
		return out
	}
	me := []common.Hash{common.BytesToHash(ix.me.Bytes())}
	switch stage {
	case 0:
		return [][]common.Hash{id("DatasetCreated", "Revoked", "Purchased", "Refunded"), nil, me}
	case 1:
		return [][]common.Hash{id("Granted"), me}
	case 2:
		// Campaign joins name the owner third (id, dataset, owner).
		return [][]common.Hash{id("CampaignJoined"), nil, nil, me}
	}
	created := a.Events["DatasetCreated"].ID
	set := map[uint64]bool{}
	ix.mu.Lock()
	for d := range ix.mine {
		set[d] = true
	}
	ix.mu.Unlock()
	for _, l := range read {
		if len(l.Topics) == 3 && l.Topics[0] == created && l.Topics[2] == me[0] {
			set[new(big.Int).SetBytes(l.Topics[1].Bytes()).Uint64()] = true
		}
	}
	ids := make([]uint64, 0, len(set))
	for d := range set {
		ids = append(ids, d)
	}
	slices.Sort(ids)
	chunk := (stage - 3) / 2
	if chunk*acl.MaxTopicList >= len(ids) {
		return nil
	}
	ids = ids[chunk*acl.MaxTopicList : min(len(ids), (chunk+1)*acl.MaxTopicList)]
	ds := make([]common.Hash, len(ids))
	for i, d := range ids {
		ds[i] = common.BigToHash(new(big.Int).SetUint64(d))
	}
	if (stage-3)%2 == 0 {
		return [][]common.Hash{id("CIDAdded", "Erased", "KeyRotated", "Revoked", "Purchased", "Refunded"), ds}
	}
	return [][]common.Hash{id("Granted"), nil, ds}
}
