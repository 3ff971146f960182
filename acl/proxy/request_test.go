package proxy

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestRequestSignatures(t *testing.T) {
	key, _ := crypto.GenerateKey()
	who := crypto.PubkeyToAddress(key.PublicKey)
	d := Domain{ChainID: big.NewInt(1337), Registry: common.HexToAddress("0x00000000000000000000000000000000000000aa")}
	req := ReencryptRequest{Proxy: common.HexToAddress("0x01"), Dataset: 7, CapsuleHash: common.HexToHash("0x02"), Purpose: "dpv:ServiceProvision", Nonce: NewNonce(), Deadline: 1000}
	sig, err := req.Sign(d, key)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := req.Signer(d, sig); err != nil || got != who {
		t.Fatalf("signer %s, %v; want %s", got.Hex(), err, who.Hex())
	}
	// v as 0/1 is accepted too.
	raw := append([]byte(nil), sig...)
	raw[64] -= 27
	if got, err := req.Signer(d, raw); err != nil || got != who {
		t.Fatalf("v=0/1 form: %s, %v", got.Hex(), err)
	}
	// Any change to the request or the domain changes the signer.
	variants := map[string]func() (ReencryptRequest, Domain){
		"proxy":    func() (ReencryptRequest, Domain) { r := req; r.Proxy[19] ^= 1; return r, d },
		"dataset":  func() (ReencryptRequest, Domain) { r := req; r.Dataset++; return r, d },
		"capsule":  func() (ReencryptRequest, Domain) { r := req; r.CapsuleHash[0] ^= 1; return r, d },
		"nonce":    func() (ReencryptRequest, Domain) { r := req; r.Nonce[0] ^= 1; return r, d },
		"deadline": func() (ReencryptRequest, Domain) { r := req; r.Deadline++; return r, d },
		"purpose":  func() (ReencryptRequest, Domain) { r := req; r.Purpose = "dpv:Marketing"; return r, d },
		// The version-1 form (no purpose, domain version 1) is another
		// message: a signature over one is no signature over the other.
		"version 1": func() (ReencryptRequest, Domain) { r := req; r.Purpose = ""; return r, d },
		"chain":     func() (ReencryptRequest, Domain) { return req, Domain{ChainID: big.NewInt(1), Registry: d.Registry} },
		"registry":  func() (ReencryptRequest, Domain) { return req, Domain{ChainID: d.ChainID, Registry: common.Address{}} },
	}
	for name, mk := range variants {
		r, dd := mk()
		if got, err := r.Signer(dd, sig); err == nil && got == who {
			t.Errorf("changing %s kept the signer", name)
		}
	}
	// Malformed and high-S signatures are refused.
	high := append([]byte(nil), sig...)
	s := new(big.Int).SetBytes(high[32:64])
	new(big.Int).Sub(crypto.S256().Params().N, s).FillBytes(high[32:64])
	high[64] ^= 1
	for name, bad := range map[string][]byte{"short": sig[:64], "high-S": high, "v=5": append(append([]byte(nil), sig[:64]...), 5)} {
		if _, err := req.Signer(d, bad); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Receipts requests are a different type: a reencrypt signature does
	// not pass as one.
	rr := ReceiptsRequest{Proxy: req.Proxy, Dataset: req.Dataset, Nonce: req.Nonce, Deadline: req.Deadline}
	if got, _ := rr.Signer(d, sig); got == who {
		t.Error("a Reencrypt signature recovered as a Receipts signature")
	}
}
