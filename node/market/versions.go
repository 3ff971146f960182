package market

import (
	"encoding/binary"
	"fmt"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/contracts/bindings"
)

// The index also keeps every dataset's versions (CIDAdded events), so that
// what the market shows of an offer's data — the latest version, whose
// attestations make the ATTESTED column and the attested filter — is an
// index read rather than a scan of the dataset's CIDAdded events from the
// deploy block for every offer of a page. The latest version's block also
// bounds the search for its attestations: none can name a version before
// the chain numbered it (spec/market-index-v2.md).

// pfxVersion: `c/` ds block(8) index(4) → a version entry; pfxByCID:
// `k/` CID hash(32) ds block(8) index(4) → empty, the same versions by
// the keccak256 of their CID (acl.CIDHash), for a get that knows only the
// CID.
var (
	pfxVersion = []byte("c/")
	pfxByCID   = []byte("k/")
)

// Version is a version of a dataset as the index holds it: its CIDAdded
// event.
type Version struct {
	Dataset     uint64
	Version     uint32
	Fingerprint [32]byte
	CID         []byte // binary
	Block       uint64 // of the CIDAdded event
	Index       uint32 // its log index
}

// versionHead is version(4) ‖ fingerprint(32); the binary CID follows.
const versionHead = 4 + 32

// maxCIDLen bounds the CID an entry keeps: a CID is a few dozen bytes, and
// a stranger's longer one is not a version any get can read.
const maxCIDLen = 256

func versionKey(dataset, block uint64, index uint32) []byte {
	return cat(pfxVersion, u64(dataset), u64(block), binary.BigEndian.AppendUint32(nil, index))
}

func (v *Version) encode() []byte {
	b := make([]byte, 0, versionHead+len(v.CID))
	b = binary.BigEndian.AppendUint32(b, v.Version)
	b = append(b, v.Fingerprint[:]...)
	return append(b, v.CID...)
}

func decodeVersion(k, b []byte) (Version, error) {
	if len(k) != len(pfxVersion)+8+8+4 || len(b) < versionHead || len(b) > versionHead+maxCIDLen {
		return Version{}, fmt.Errorf("%w: a version entry of %d bytes under a key of %d", errDamaged, len(b), len(k))
	}
	k = k[len(pfxVersion):]
	v := Version{Dataset: binary.BigEndian.Uint64(k[0:8]), Block: binary.BigEndian.Uint64(k[8:16]), Index: binary.BigEndian.Uint32(k[16:20]),
		Version: binary.BigEndian.Uint32(b[0:4]), CID: append([]byte(nil), b[versionHead:]...)}
	copy(v.Fingerprint[:], b[4:versionHead])
	return v, nil
}

// addVersion records a CIDAdded event (once: a replay writes the same key).
func (t *txn) addVersion(a *bindings.RegistryCIDAdded, ev acl.Event) {
	if len(a.Cid) > maxCIDLen {
		return
	}
	v := Version{Version: a.Version, Fingerprint: a.Fingerprint, CID: a.Cid}
	key := versionKey(a.Dataset, ev.Block, uint32(ev.Index))
	t.put(key, v.encode())
	t.put(cat(pfxByCID, a.CidHash[:], key[len(pfxVersion):]), nil)
}

// dropVersion takes back a CIDAdded event a reorg removed.
func (t *txn) dropVersion(a *bindings.RegistryCIDAdded, ev acl.Event) {
	key := versionKey(a.Dataset, ev.Block, uint32(ev.Index))
	t.del(key)
	t.del(cat(pfxByCID, a.CidHash[:], key[len(pfxVersion):]))
}

// LatestVersion is the newest version of dataset the index holds; ok is
// false when it holds none (no version, or one registered after the
// index's cursor).
func (ix *Index) LatestVersion(dataset uint64) (v Version, ok bool, err error) {
	err = ix.st.ScanReverse(cat(pfxVersion, u64(dataset)), nil, func(k, b []byte) (bool, error) {
		v, err = decodeVersion(k, b)
		ok = err == nil
		return false, err
	})
	return v, ok, err
}

// Versions are the versions of dataset the index holds, oldest first.
func (ix *Index) Versions(dataset uint64) ([]Version, error) {
	var out []Version
	err := ix.st.Scan(cat(pfxVersion, u64(dataset)), nil, func(k, b []byte) (bool, error) {
		v, err := decodeVersion(k, b)
		out = append(out, v)
		return err == nil, err
	})
	return out, err
}

// VersionsOfCID are the versions, of any dataset, whose CID hashes to
// hash (acl.CIDHash), in dataset then chain order.
func (ix *Index) VersionsOfCID(hash [32]byte) ([]Version, error) {
	var keys [][]byte
	err := ix.st.Scan(cat(pfxByCID, hash[:]), nil, func(k, _ []byte) (bool, error) {
		keys = append(keys, cat(pfxVersion, k[len(pfxByCID)+32:]))
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	var out []Version
	for _, k := range keys {
		b, ok, err := ix.st.Get(k)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue // taken back by a batch written since the scan
		}
		v, err := decodeVersion(k, b)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
