package acl

import (
	"encoding/binary"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// GrantID is the context a grant's kfrag bundle is sealed under
// (reencrypt/bundle): it binds the bundle to one chain, one Registry, one
// dataset, one grantee and the grant's purpose, so a sealed kfrag cannot be
// replayed into another grant. Owners compute it to seal; proxies compute it
// from the Granted event to check the bundle they fetched.
func GrantID(chainID *big.Int, registry common.Address, dataset uint64, grantee common.Address, purposeHash [32]byte) [32]byte {
	buf := make([]byte, 0, 12+32+20+8+20+32)
	buf = append(buf, "pdx/grant/v1"...)
	buf = append(buf, common.LeftPadBytes(chainID.Bytes(), 32)...)
	buf = append(buf, registry[:]...)
	buf = binary.BigEndian.AppendUint64(buf, dataset)
	buf = append(buf, grantee[:]...)
	buf = append(buf, purposeHash[:]...)
	return crypto.Keccak256Hash(buf)
}

// DatasetID32 is a dataset's on-chain uint64 id in the 32-byte form pdx's
// wire objects (envelope.DatasetID, bundle, rewrap) carry: big-endian,
// left-padded with zeros. It is the same id, only wider; a dataset's local
// name never reaches the wire.
func DatasetID32(dataset uint64) [32]byte {
	var id [32]byte
	binary.BigEndian.PutUint64(id[24:], dataset)
	return id
}

// PurposeHash is how a grant's purpose, a free text the owner agreed to, is
// recorded: keccak256 of its UTF-8 bytes (the text itself travels in pdx's
// own records, not on chain).
func PurposeHash(purpose string) [32]byte { return crypto.Keccak256Hash([]byte(purpose)) }
