package chainindex

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
)

// Scanned is how many store entries ix's queries have read.
func Scanned(ix *Index) uint64 { return ix.scanned.Load() }

// StoredGrantees lists the grantees of the dataset's grants the store
// itself holds, in chain order (no chain read).
func StoredGrantees(t *testing.T, ix *Index, dataset uint64) []common.Address {
	t.Helper()
	var out []common.Address
	err := ix.db.Scan(datasetPrefix(dataset, "Granted"), nil, func(_, v []byte) (bool, error) {
		var l types.Log
		if err := json.Unmarshal(v, &l); err != nil {
			return false, err
		}
		ev, err := acl.DecodeLog(ix.reg, &l)
		if err != nil {
			return false, err
		}
		g, _ := ev.Granted()
		out = append(out, g.Grantee)
		return true, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
