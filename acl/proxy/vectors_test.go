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

// vectorsFile holds the EIP-712 digests and signatures of fixed requests
// (PROTOCOL.md "Vectors"), so another implementation of the protocol can
// check its hashing, and a change to the signed types cannot pass
// unnoticed. PDX_UPDATE_VECTORS=1 rewrites it from the code.
const vectorsFile = "testdata/vectors.json"

type vector struct {
	Name     string          `json:"name"`
	ChainID  uint64          `json:"chain_id"`
	Registry common.Address  `json:"registry"`
	Key      string          `json:"key"` // the signer's private key, hex
	Signer   common.Address  `json:"signer"`
	Type     string          `json:"type"` // Reencrypt or Receipts
	Request  json.RawMessage `json:"request"`
	Digest   common.Hash     `json:"digest"`
	// Signature is r ‖ s ‖ v (v 27/28), deterministic (RFC 6979).
	Signature string `json:"signature"`
}

func vectorRequests() []vector {
	reg := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	key := "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	rq := func(v any) json.RawMessage { b, _ := json.Marshal(v); return b }
	base := ReencryptRequest{
		Proxy: common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), Dataset: 7,
		CapsuleHash: common.HexToHash("0x5b1c0bdbc1a6b1bd34b9a3b1a3e9b7a1b2f7c3b3f3e0a1c2d3e4f5061728394a"),
		Purpose:     "dpv:ServiceProvision",
		Nonce:       common.HexToHash("0x0101010101010101010101010101010101010101010101010101010101010101"),
		Deadline:    1767225600,
	}
	v1 := base
	v1.Purpose = ""
	iri := base
	iri.Purpose = "https://w3id.org/dpv#ResearchAndDevelopment"
	rr := ReceiptsRequest{Proxy: base.Proxy, Dataset: 7, Nonce: base.Nonce, Deadline: base.Deadline}
	return []vector{
		{Name: "reencrypt, DPV purpose", ChainID: 1337, Registry: reg, Key: key, Type: "Reencrypt", Request: rq(base)},
		{Name: "reencrypt, purpose as an IRI", ChainID: 1337, Registry: reg, Key: key, Type: "Reencrypt", Request: rq(iri)},
		{Name: "reencrypt, version 1 (no purpose): receipts written before version 2", ChainID: 1337, Registry: reg, Key: key, Type: "Reencrypt", Request: rq(v1)},
		{Name: "receipts", ChainID: 1337, Registry: reg, Key: key, Type: "Receipts", Request: rq(rr)},
	}
}

// compute fills in v's signer, digest and signature from its request.
func (v vector) compute(t *testing.T) vector {
	t.Helper()
	k, err := crypto.HexToECDSA(v.Key)
	if err != nil {
		t.Fatal(err)
	}
	d := Domain{ChainID: new(big.Int).SetUint64(v.ChainID), Registry: v.Registry}
	v.Signer = crypto.PubkeyToAddress(k.PublicKey)
	var sig []byte
	switch v.Type {
	case "Reencrypt":
		var r ReencryptRequest
		if err := json.Unmarshal(v.Request, &r); err != nil {
			t.Fatal(err)
		}
		if v.Digest, err = r.Digest(d); err == nil {
			sig, err = r.Sign(d, k)
		}
	case "Receipts":
		var r ReceiptsRequest
		if err := json.Unmarshal(v.Request, &r); err != nil {
			t.Fatal(err)
		}
		if v.Digest, err = r.Digest(d); err == nil {
			sig, err = r.Sign(d, k)
		}
	default:
		t.Fatalf("vector %q: unknown type %q", v.Name, v.Type)
	}
	if err != nil {
		t.Fatal(err)
	}
	v.Signature = hex.EncodeToString(sig)
	return v
}

func TestVectors(t *testing.T) {
	if os.Getenv("PDX_UPDATE_VECTORS") != "" {
		var out []vector
		for _, v := range vectorRequests() {
			out = append(out, v.compute(t))
		}
		b, _ := json.MarshalIndent(out, "", "  ")
		if err := os.WriteFile(filepath.FromSlash(vectorsFile), append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(filepath.FromSlash(vectorsFile))
	if err != nil {
		t.Fatal(err)
	}
	var stored []vector
	if err := json.Unmarshal(b, &stored); err != nil {
		t.Fatal(err)
	}
	if len(stored) < len(vectorRequests()) {
		t.Fatalf("%s holds %d vectors, want %d", vectorsFile, len(stored), len(vectorRequests()))
	}
	for _, v := range stored {
		got := v.compute(t)
		if got.Digest != v.Digest || got.Signature != v.Signature || got.Signer != v.Signer {
			t.Errorf("vector %q: computed digest %s signature %s signer %s; stored %s %s %s",
				v.Name, got.Digest.Hex(), got.Signature, got.Signer.Hex(), v.Digest.Hex(), v.Signature, v.Signer.Hex())
		}
		// The stored signature recovers to the stored signer.
		sig, _ := hex.DecodeString(v.Signature)
		d := Domain{ChainID: new(big.Int).SetUint64(v.ChainID), Registry: v.Registry}
		var who common.Address
		if v.Type == "Reencrypt" {
			var r ReencryptRequest
			_ = json.Unmarshal(v.Request, &r)
			who, err = r.Signer(d, sig)
		} else {
			var r ReceiptsRequest
			_ = json.Unmarshal(v.Request, &r)
			who, err = r.Signer(d, sig)
		}
		if err != nil || who != v.Signer {
			t.Errorf("vector %q: signature recovers %s, %v; want %s", v.Name, who.Hex(), err, v.Signer.Hex())
		}
	}
}
