package attest

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

var update = flag.Bool("update", false, "rewrite testdata/claim-v1.json from the current encoder")

// claimVector is testdata/claim-v1.json: the schema, its UID, a claim and
// its encoding (contracts/spec/attestation-v1.md).
type claimVector struct {
	Schema    string      `json:"schema"`
	SchemaUID common.Hash `json:"schema_uid"`
	Claim     struct {
		Registry    common.Address `json:"registry"`
		Dataset     uint64         `json:"dataset"`
		Version     uint32         `json:"version"`
		CID         hexutil.Bytes  `json:"cid"`
		Fingerprint common.Hash    `json:"fingerprint"`
		Fields      []common.Hash  `json:"fields"`
		Source      string         `json:"source"`
	} `json:"claim"`
	Data hexutil.Bytes `json:"data"`
}

func (v claimVector) claim() Claim {
	c := Claim{Registry: v.Claim.Registry, Dataset: v.Claim.Dataset, Version: v.Claim.Version, CID: v.Claim.CID, Fingerprint: v.Claim.Fingerprint, Source: v.Claim.Source}
	for _, f := range v.Claim.Fields {
		c.Fields = append(c.Fields, f)
	}
	return c
}

// TestVectors checks the stored vectors: the claim encodes to the stored
// bytes and decodes back, the schema's UID is EAS's, and the off-chain
// attestation EAS's own SDK signed (testdata/offchain-v2-sdk.json, made by
// tools/eas-oracle.js with a throwaway key) has the uid and signer pdx
// computes.
func TestVectors(t *testing.T) {
	path := filepath.Join("testdata", "claim-v1.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v claimVector
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	data, err := v.claim().Encode()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		v.Data = data
		v.Schema, v.SchemaUID = SchemaV1, SchemaUID(SchemaV1, common.Address{}, Revocable)
		out, _ := json.MarshalIndent(v, "", " ")
		if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if v.Schema != SchemaV1 || v.SchemaUID != SchemaUID(SchemaV1, common.Address{}, Revocable) {
		t.Errorf("schema or its UID differ from the vector: %q %x", SchemaV1, SchemaUID(SchemaV1, common.Address{}, Revocable))
	}
	if !bytes.Equal(data, v.Data) {
		t.Errorf("claim encodes to %x, vector says %x", data, v.Data)
	}
	back, err := DecodeClaim(v.Data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, v.claim()) {
		t.Errorf("decoded %+v, want %+v", back, v.claim())
	}

	raw, err = os.ReadFile(filepath.Join("testdata", "offchain-v2-sdk.json"))
	if err != nil {
		t.Fatal(err)
	}
	o, err := ParseOffchain(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := OffchainUID(o.Sig.Message); got != o.Sig.UID {
		t.Errorf("off-chain uid: pdx computes %x, the SDK wrote %x", got, o.Sig.UID)
	}
	signer, err := o.recoverSigner()
	if err != nil || signer != o.Signer {
		t.Errorf("off-chain signer: pdx recovers %s (%v), the SDK wrote %s", signer.Hex(), err, o.Signer.Hex())
	}
	if !bytes.Equal(o.Sig.Message.Data, v.Data) || o.Sig.Message.Schema != v.SchemaUID {
		t.Errorf("the off-chain vector does not carry the claim vector")
	}
}

// TestClaimDecodingIsStrict: attestation data from a stranger that is
// not exactly a canonical, bounded v1 claim is refused.
func TestClaimDecodingIsStrict(t *testing.T) {
	good := Claim{Registry: common.HexToAddress("0x01"), Dataset: 1, Version: 1, CID: []byte{1, 2, 3}, Source: "s"}
	data, err := good.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeClaim(data); err != nil {
		t.Fatal(err)
	}
	trailing := append(append([]byte{}, data...), make([]byte, 32)...)
	dirtyPad := append([]byte{}, data...)
	dirtyPad[len(dirtyPad)-1] = 0xff // inside the source string's padding
	highBits := append([]byte{}, data...)
	highBits[32] = 1 // dataset's word beyond uint64
	for name, d := range map[string][]byte{
		"trailing":  trailing,
		"dirty pad": dirtyPad,
		"high bits": highBits,
		"truncated": data[:len(data)-32],
		"oversize":  make([]byte, MaxClaimData+1),
		"empty":     nil,
	} {
		if _, err := DecodeClaim(d); err == nil {
			t.Errorf("%s: decoded", name)
		}
	}
	for name, c := range map[string]Claim{
		"no cid":      {Registry: good.Registry, Dataset: 1, Version: 1, Source: "s"},
		"long cid":    {Registry: good.Registry, Dataset: 1, Version: 1, CID: make([]byte, MaxCID+1)},
		"many fields": {Registry: good.Registry, Dataset: 1, Version: 1, CID: []byte{1}, Fields: make([][32]byte, MaxFields+1)},
		"long source": {Registry: good.Registry, Dataset: 1, Version: 1, CID: []byte{1}, Source: string(make([]byte, MaxSource+1))},
		"dataset 0":   {Registry: good.Registry, Version: 1, CID: []byte{1}},
	} {
		if _, err := c.Encode(); err == nil {
			t.Errorf("%s: encoded", name)
		}
	}
	if _, err := ParseOffchain(make([]byte, MaxOffchainFile+1)); err == nil {
		t.Error("an oversize off-chain file parsed")
	}
}
