package market

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Offer is one open offer as the index holds it: the newest Offered event
// of a (dataset, terms hash) — a dataset has one offer per terms hash —
// not withdrawn since and the dataset not erased.
type Offer struct {
	Dataset uint64
	// Owner is the dataset's owner (from its DatasetCreated event).
	Owner    common.Address
	Price    *big.Int
	Duration time.Duration
	// TermsHash is the hash the chain compares at buy (sha256 of the
	// terms text published on IPFS).
	TermsHash [32]byte
	// Buyer is the only account a private offer is made to; zero for a
	// public offer.
	Buyer common.Address
	// Block is the block of the Offered event that opened it.
	Block uint64
}

// Private says whether the offer names the one account that may buy it.
func (o *Offer) Private() bool { return o.Buyer != (common.Address{}) }

// The record of an offer, as every key of the index that lists it holds it
// (spec/market-index-v3.md): 8+20+32+8+32+20+8 bytes, integers big-endian.
const recordLen = 128

func (o *Offer) encode() []byte {
	b := make([]byte, 0, recordLen)
	b = binary.BigEndian.AppendUint64(b, o.Dataset)
	b = append(b, o.Owner[:]...)
	b = append(b, price32(o.Price)...)
	b = binary.BigEndian.AppendUint64(b, uint64(o.Duration/time.Second))
	b = append(b, o.TermsHash[:]...)
	b = append(b, o.Buyer[:]...)
	b = binary.BigEndian.AppendUint64(b, o.Block)
	return b
}

func decodeOffer(b []byte) (Offer, error) {
	if len(b) != recordLen {
		return Offer{}, fmt.Errorf("%w: an offer record of %d bytes, want %d", errDamaged, len(b), recordLen)
	}
	var o Offer
	o.Dataset = binary.BigEndian.Uint64(b[0:8])
	copy(o.Owner[:], b[8:28])
	o.Price = new(big.Int).SetBytes(b[28:60])
	d := binary.BigEndian.Uint64(b[60:68])
	if d > uint64(maxDuration/time.Second) {
		d = uint64(maxDuration / time.Second)
	}
	o.Duration = time.Duration(d) * time.Second
	copy(o.TermsHash[:], b[68:100])
	copy(o.Buyer[:], b[100:120])
	o.Block = binary.BigEndian.Uint64(b[120:128])
	return o, nil
}

// maxDuration is the longest duration a time.Duration holds in seconds; a
// longer one on chain (a uint64 of seconds) is shown as this.
const maxDuration = time.Duration(1<<63 - 1)

// price32 is a price as 32 big-endian bytes, so that keys sort by price.
// The contract keeps prices in a uint128, so every price fits.
func price32(p *big.Int) []byte {
	b := make([]byte, 32)
	if p != nil && p.Sign() > 0 && p.BitLen() <= 256 {
		p.FillBytes(b)
	}
	return b
}

func u64(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

func cat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// Key spaces of the index (spec/market-index-v3.md). Every listing key
// ends with the dataset id and the terms hash (or the terms hash then the
// dataset): a dataset lists one row per offer.
var (
	keyRegistry = []byte("m/registry")
	keyCursor   = []byte("m/cursor")

	pfxOwner   = []byte("d/") // dataset → owner
	pfxHistory = []byte("h/") // dataset → its offer events
	pfxOffer   = []byte("o/") // dataset, terms hash → that open offer

	// Listings of the public offers, each sorted its own way.
	pfxAll      = []byte("a/") // by dataset, terms hash
	pfxPrice    = []byte("p/") // by price, then dataset, terms hash
	pfxBy       = []byte("w/") // by owner, then dataset, terms hash
	pfxTerms    = []byte("t/") // by terms hash, then dataset
	pfxDuration = []byte("u/") // by duration, then dataset, terms hash

	// Private offers, listed for their buyer and their owner only.
	pfxTo     = []byte("b/") // by buyer, then dataset, terms hash
	pfxPrivBy = []byte("v/") // by owner, then dataset, terms hash

	pfxText    = []byte("x/") // terms hash → text, once read
	pfxPending = []byte("y/") // terms hash whose text is not read yet
)

// listingKeys are the keys that list o (each holds its record).
func listingKeys(o *Offer) [][]byte {
	ds := o.id()
	if o.Private() {
		return [][]byte{cat(pfxTo, o.Buyer[:], ds), cat(pfxPrivBy, o.Owner[:], ds)}
	}
	return [][]byte{
		cat(pfxAll, ds),
		cat(pfxPrice, price32(o.Price), ds),
		cat(pfxBy, o.Owner[:], ds),
		cat(pfxTerms, o.TermsHash[:], u64(o.Dataset)),
		cat(pfxDuration, u64(uint64(o.Duration/time.Second)), ds),
	}
}

// id is what names an offer in the index: its dataset, then its terms hash
// (40 bytes).
func (o *Offer) id() []byte { return cat(u64(o.Dataset), o.TermsHash[:]) }

// History entries: what each offer event of a dataset did, so that a reorg
// that takes one back can restore what was open before it. A withdrawal's
// record holds the dataset and the terms hash of the offer it closed, the
// rest zero; an erasure's is zero.
const (
	entryOffered   = 1
	entryWithdrawn = 2
	entryErased    = 3
	entryLen       = 8 + 4 + 1 + recordLen
)

type entry struct {
	block uint64
	index uint32
	kind  byte
	offer Offer // entryOffered; entryWithdrawn: Dataset and TermsHash only
}

func (e *entry) encode() []byte {
	b := make([]byte, 0, entryLen)
	b = binary.BigEndian.AppendUint64(b, e.block)
	b = binary.BigEndian.AppendUint32(b, e.index)
	b = append(b, e.kind)
	switch e.kind {
	case entryOffered:
		return append(b, e.offer.encode()...)
	case entryWithdrawn:
		w := Offer{Dataset: e.offer.Dataset, TermsHash: e.offer.TermsHash}
		return append(b, w.encode()...)
	}
	return append(b, make([]byte, recordLen)...)
}

func decodeHistory(b []byte) ([]entry, error) {
	if len(b)%entryLen != 0 {
		return nil, fmt.Errorf("%w: an offer history of %d bytes", errDamaged, len(b))
	}
	out := make([]entry, 0, len(b)/entryLen)
	for ; len(b) > 0; b = b[entryLen:] {
		e := entry{block: binary.BigEndian.Uint64(b), index: binary.BigEndian.Uint32(b[8:]), kind: b[12]}
		if e.kind == entryOffered || e.kind == entryWithdrawn {
			o, err := decodeOffer(b[13:entryLen])
			if err != nil {
				return nil, err
			}
			e.offer = o
		}
		out = append(out, e)
	}
	return out, nil
}

func encodeHistory(es []entry) []byte {
	out := make([]byte, 0, len(es)*entryLen)
	for i := range es {
		out = append(out, es[i].encode()...)
	}
	return out
}
