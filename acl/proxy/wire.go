package proxy

import (
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// MaxRequestBytes bounds a request body: a reencrypt request is well under 1 KiB.
const MaxRequestBytes = 8 << 10

// ReencryptBody is the JSON body of POST /v1/reencrypt.
type ReencryptBody struct {
	Proxy   common.Address `json:"proxy"`
	Dataset uint64         `json:"dataset"`
	Capsule string         `json:"capsule"` // hex, 105 bytes
	// Purpose is what the grantee reads for (protocol version 2); a body
	// without one is a version-1 request, which proxies refuse.
	Purpose   string      `json:"purpose,omitempty"`
	Nonce     common.Hash `json:"nonce"`
	Deadline  uint64      `json:"deadline"`
	Signature string      `json:"signature"` // hex, 65 bytes
	// Field selects which of a field grant's kfrags re-encrypts the
	// capsule: the field group's name (PROTOCOL.md, "Field grants"). It
	// chooses, it does not authorize: a proxy holds kfrags of the granted
	// fields only, and a capsule of another key re-encrypted with one
	// gives a cfrag that opens nothing.
	Field string `json:"field,omitempty"`
}

// ReencryptResponse is the answer to a granted request.
type ReencryptResponse struct {
	CFrag string `json:"cfrag"` // hex, 381 bytes
	Block uint64 `json:"block"` // the block the grant was checked at
}

// ReceiptsResponse is the answer to GET /v1/receipts.
type ReceiptsResponse struct {
	Dataset  uint64    `json:"dataset"`
	Receipts []Receipt `json:"receipts"`
}

// ErrorBody is the JSON body of every refusal.
type ErrorBody struct {
	Error *Error `json:"error"`
}

// Receipt is a proxy's durable record of one re-encryption it performed:
// who asked (the signed request), when, and a hash of what it answered.
type Receipt struct {
	Request   ReencryptRequest `json:"request"`
	Signature string           `json:"signature"` // hex, 65 bytes
	Grantee   common.Address   `json:"grantee"`
	Block     uint64           `json:"block"`
	Time      time.Time        `json:"time"`
	CFragHash common.Hash      `json:"cfrag_hash"` // keccak256 of the cfrag bytes
	// Policy is the grant's policy hash (its on-chain purposeHash) the
	// read was answered and counted under: reads are counted per grantee
	// and policy (PROTOCOL.md "Read limits"). Zero in receipts written
	// before protocol version 2.
	Policy common.Hash `json:"policy,omitempty"`
}

// MaxBatchItems bounds the items of one POST /v1/reencrypt/batch.
const MaxBatchItems = 256

// MaxBatchBytes bounds a batch body: MaxBatchItems items of up to 2 KiB
// each (a v2 request is about 600 bytes; a 256-byte purpose and a field
// name stay well under 2 KiB). Only the batch route reads this much.
const MaxBatchBytes = MaxBatchItems * (2 << 10)

// BatchBody is the JSON body of POST /v1/reencrypt/batch: version-2
// re-encryption requests, each signed on its own (PROTOCOL.md, "Batches").
type BatchBody struct {
	Items []ReencryptBody `json:"items"`
}

// BatchResponse answers a batch: one result per item, in the items' order.
type BatchResponse struct {
	Results []BatchResult `json:"results"`
}

// BatchResult is one item's answer: a cfrag, or the refusal a single
// request would have had.
type BatchResult struct {
	CFrag string `json:"cfrag,omitempty"`
	Block uint64 `json:"block,omitempty"`
	Error *Error `json:"error,omitempty"`
}
