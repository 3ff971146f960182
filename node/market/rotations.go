package market

import (
	"encoding/binary"
	"fmt"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
)

// The index keeps the datasets' key rotations (KeyRotated events) for the
// same reason as their versions: a brand's get of a version put under an
// earlier key opens it through the rotation's rewrap manifest, and that
// rotation's event would otherwise be looked for in the dataset's events
// since the Registry's deploy block (spec/market-index-v2.md).

// pfxRotation: `r/` ds block(8) index(4) → epoch(2) ‖ rewrap manifest CID.
var pfxRotation = []byte("r/")

// Rotation is a dataset's key rotation as the index holds it.
type Rotation struct {
	Dataset uint64
	Epoch   uint16
	Rewrap  []byte // binary CID of the rewrap manifest; empty when none
	Block   uint64
	Index   uint32
}

func rotationKey(dataset, block uint64, index uint32) []byte {
	return cat(pfxRotation, u64(dataset), u64(block), binary.BigEndian.AppendUint32(nil, index))
}

func (t *txn) addRotation(k *bindings.RegistryKeyRotated, ev acl.Event) {
	if len(k.Rewrap) > maxCIDLen {
		return
	}
	t.put(rotationKey(k.Dataset, ev.Block, uint32(ev.Index)), append(binary.BigEndian.AppendUint16(nil, k.Epoch), k.Rewrap...))
}

func (t *txn) dropRotation(k *bindings.RegistryKeyRotated, ev acl.Event) {
	t.del(rotationKey(k.Dataset, ev.Block, uint32(ev.Index)))
}

// Rotations are the key rotations of dataset the index holds, oldest first.
func (ix *Index) Rotations(dataset uint64) ([]Rotation, error) {
	var out []Rotation
	err := ix.st.Scan(cat(pfxRotation, u64(dataset)), nil, func(k, v []byte) (bool, error) {
		if len(k) != len(pfxRotation)+8+8+4 || len(v) < 2 || len(v) > 2+maxCIDLen {
			return false, fmt.Errorf("%w: a rotation entry of %d bytes", errDamaged, len(v))
		}
		k = k[len(pfxRotation):]
		out = append(out, Rotation{Dataset: binary.BigEndian.Uint64(k[0:8]), Block: binary.BigEndian.Uint64(k[8:16]),
			Index: binary.BigEndian.Uint32(k[16:20]), Epoch: binary.BigEndian.Uint16(v[0:2]), Rewrap: append([]byte(nil), v[2:]...)})
		return true, nil
	})
	return out, err
}
