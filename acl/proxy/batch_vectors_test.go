package proxy

import (
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// batchVectorsFile holds a batch as it goes on the wire (PROTOCOL.md
// "Batches"): the body of two items, each a version-2 request signed on its
// own, the signer and digest of each, and an answer with one cfrag and one
// refusal. PDX_UPDATE_VECTORS=1 rewrites it from the code.
const batchVectorsFile = "testdata/batch.json"

type batchVector struct {
	ChainID  uint64          `json:"chain_id"`
	Registry common.Address  `json:"registry"`
	Key      string          `json:"key"`
	Signer   common.Address  `json:"signer"`
	Body     json.RawMessage `json:"body"`
	Digests  []common.Hash   `json:"digests"`
	Response json.RawMessage `json:"response"`
	Codes    []Code          `json:"codes"` // each result's code, "" for a cfrag
}

func batchVectorOf(t *testing.T) batchVector {
	t.Helper()
	v := batchVector{ChainID: 1337, Registry: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
		Key: "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"}
	k, _ := crypto.HexToECDSA(v.Key)
	v.Signer = crypto.PubkeyToAddress(k.PublicKey)
	d := Domain{ChainID: new(big.Int).SetUint64(v.ChainID), Registry: v.Registry}
	proxyAddr := common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
	var body BatchBody
	for i, ds := range []uint64{7, 8} {
		capsule := make([]byte, 105)
		capsule[0] = byte(i + 1)
		r := ReencryptRequest{Proxy: proxyAddr, Dataset: ds, CapsuleHash: crypto.Keccak256Hash(capsule), Purpose: "dpv:ResearchAndDevelopment",
			Nonce: common.BytesToHash([]byte{byte(i + 1)}), Deadline: 1767225600}
		dg, err := r.Digest(d)
		if err != nil {
			t.Fatal(err)
		}
		sig, err := r.Sign(d, k)
		if err != nil {
			t.Fatal(err)
		}
		v.Digests = append(v.Digests, dg)
		body.Items = append(body.Items, ReencryptBody{Proxy: proxyAddr, Dataset: ds, Capsule: hex.EncodeToString(capsule), Purpose: r.Purpose,
			Nonce: r.Nonce, Deadline: r.Deadline, Signature: hex.EncodeToString(sig)})
	}
	v.Body, _ = json.Marshal(body)
	v.Response, _ = json.Marshal(BatchResponse{Results: []BatchResult{
		{CFrag: hex.EncodeToString(make([]byte, 381)), Block: 1234},
		{Error: &Error{Code: CodeRevoked, Message: "grant revoked at block 1200", Block: 1200}},
	}})
	v.Codes = []Code{"", CodeRevoked}
	return v
}

// TestBatchVectors checks the stored batch: every item's signature
// recovers to the signer under the digest stored, the body decodes into
// the wire types, and so does the answer, result by result.
func TestBatchVectors(t *testing.T) {
	path := filepath.FromSlash(batchVectorsFile)
	if os.Getenv("PDX_UPDATE_VECTORS") != "" {
		b, _ := json.MarshalIndent(batchVectorOf(t), "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v batchVector
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	d := Domain{ChainID: new(big.Int).SetUint64(v.ChainID), Registry: v.Registry}
	var body BatchBody
	if err := json.Unmarshal(v.Body, &body); err != nil || len(body.Items) != len(v.Digests) {
		t.Fatalf("body: %v, %d items for %d digests", err, len(body.Items), len(v.Digests))
	}
	for i, it := range body.Items {
		capsule, _ := hex.DecodeString(it.Capsule)
		r := ReencryptRequest{Proxy: it.Proxy, Dataset: it.Dataset, CapsuleHash: crypto.Keccak256Hash(capsule), Purpose: it.Purpose, Nonce: it.Nonce, Deadline: it.Deadline}
		dg, err := r.Digest(d)
		if err != nil || dg != v.Digests[i] {
			t.Errorf("item %d: digest %s, %v; stored %s", i, dg.Hex(), err, v.Digests[i].Hex())
		}
		sig, _ := hex.DecodeString(it.Signature)
		if who, err := r.Signer(d, sig); err != nil || who != v.Signer {
			t.Errorf("item %d: signature recovers %s, %v; want %s", i, who.Hex(), err, v.Signer.Hex())
		}
	}
	var resp BatchResponse
	if err := json.Unmarshal(v.Response, &resp); err != nil || len(resp.Results) != len(v.Codes) {
		t.Fatalf("response: %v, %d results", err, len(resp.Results))
	}
	for i, r := range resp.Results {
		switch {
		case v.Codes[i] == "" && (r.Error != nil || len(r.CFrag) != 762):
			t.Errorf("result %d: want a cfrag, got %+v", i, r)
		case v.Codes[i] != "" && (r.Error == nil || r.Error.Code != v.Codes[i]):
			t.Errorf("result %d: want %s, got %+v", i, v.Codes[i], r)
		}
	}
	// The code still produces what is stored.
	if got := batchVectorOf(t); string(got.Body) != string(compact(t, v.Body)) {
		t.Errorf("the batch body the code builds differs from %s", batchVectorsFile)
	}
}

func compact(t *testing.T, raw json.RawMessage) []byte {
	t.Helper()
	var out BatchBody
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(out)
	return b
}
