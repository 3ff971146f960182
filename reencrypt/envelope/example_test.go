package envelope_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// The owner seals a plaintext under a dataset key, then opens it again: parse
// the header, recover the file key with the dataset secret key, stream the
// body. A grantee would pass a GranteeIdentity with its cfrags instead.
func Example() {
	datasetKey, err := reencrypt.GenerateSecretKey()
	if err != nil {
		panic(err)
	}
	var stored bytes.Buffer
	w, err := envelope.NewWriter(&stored, envelope.WriterConfig{
		DatasetID:  envelope.DatasetID{0x42},
		Owner:      common.HexToAddress("0x00000000000000000000000000000000000a11ce"),
		DatasetKey: datasetKey.PublicKey(),
	})
	if err != nil {
		panic(err)
	}
	if _, err := io.Copy(w, strings.NewReader("date of birth: 1990-01-01\n")); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	onChain, _ := w.Commitment() // registered with the CID

	h, err := envelope.ReadHeader(&stored)
	if err != nil {
		panic(err)
	}
	key, err := h.FileKey(envelope.OwnerIdentity{DatasetKey: datasetKey})
	if err != nil {
		panic(err)
	}
	r, err := envelope.NewReader(h, &stored, key, envelope.ExpectCommitment(onChain))
	if err != nil {
		panic(err)
	}
	pt, err := io.ReadAll(r)
	fmt.Printf("%s%v %x\n", pt, err, h.DatasetID[:1])
	// Output:
	// date of birth: 1990-01-01
	// <nil> 42
}
