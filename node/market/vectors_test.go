package market

import (
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// vectors is testdata/record-v3.json: encodings spec/market-index-v3.md
// fixes, so that a change of layout without a new schema fails here.
type vectors struct {
	Offer struct {
		Dataset   uint64 `json:"dataset"`
		Owner     string `json:"owner"`
		PriceWei  string `json:"price_wei"`
		DurationS int64  `json:"duration_s"`
		TermsHash string `json:"terms_hash"`
		Buyer     string `json:"buyer"`
		Block     uint64 `json:"block"`
	} `json:"offer"`
	Record  string `json:"record"`
	History []struct {
		Block uint64 `json:"block"`
		Index uint32 `json:"index"`
		Kind  byte   `json:"kind"`
	} `json:"history"`
	HistoryHex string `json:"history_hex"`
	Cursor     struct {
		Plan        byte   `json:"plan"`
		Fingerprint string `json:"fingerprint"`
		SortKey     string `json:"sort_key"`
		Encoded     string `json:"encoded"`
	} `json:"cursor"`
}

func TestVectors(t *testing.T) {
	b, err := os.ReadFile("testdata/record-v3.json")
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	price, _ := new(big.Int).SetString(v.Offer.PriceWei, 10)
	o := Offer{Dataset: v.Offer.Dataset, Owner: common.HexToAddress(v.Offer.Owner), Price: price,
		Duration: time.Duration(v.Offer.DurationS) * time.Second, TermsHash: common.HexToHash(v.Offer.TermsHash),
		Buyer: common.HexToAddress(v.Offer.Buyer), Block: v.Offer.Block}
	if got := hex.EncodeToString(o.encode()); got != v.Record {
		t.Fatalf("record %s, want %s", got, v.Record)
	}
	back, err := decodeOffer(o.encode())
	if err != nil || back.Price.Cmp(price) != 0 || back.Owner != o.Owner || back.Buyer != o.Buyer || back.Duration != o.Duration || back.Block != o.Block {
		t.Fatalf("decoded %+v, %v", back, err)
	}
	var es []entry
	for _, h := range v.History {
		e := entry{block: h.Block, index: h.Index, kind: h.Kind}
		if h.Kind == entryOffered || h.Kind == entryWithdrawn {
			e.offer = o // a withdrawal keeps only the dataset and terms hash
		}
		es = append(es, e)
	}
	if got := hex.EncodeToString(encodeHistory(es)); got != v.HistoryHex {
		t.Fatalf("history %s, want %s", got, v.HistoryHex)
	}
	back2, err := decodeHistory(encodeHistory(es))
	if err != nil || len(back2) != 2 || back2[1].offer.TermsHash != o.TermsHash || back2[1].offer.Dataset != o.Dataset || back2[1].offer.Price.Sign() != 0 {
		t.Fatalf("history decodes to %+v, %v", back2, err)
	}
	if _, err := decodeHistory(encodeHistory(es)[1:]); err == nil {
		t.Fatal("a history cut short decodes")
	}
	fp, _ := hex.DecodeString(v.Cursor.Fingerprint)
	key, _ := hex.DecodeString(v.Cursor.SortKey)
	if got := encodeCursor(v.Cursor.Plan, fp, key); got != v.Cursor.Encoded {
		t.Fatalf("cursor %s, want %s", got, v.Cursor.Encoded)
	}
	if k, err := decodeCursor(v.Cursor.Encoded, v.Cursor.Plan, fp); err != nil || hex.EncodeToString(k) != v.Cursor.SortKey {
		t.Fatalf("cursor decodes to %x, %v", k, err)
	}
}
