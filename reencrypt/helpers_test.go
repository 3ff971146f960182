package reencrypt_test

import (
	"bytes"
	"math/big"

	"github.com/ethereum/go-ethereum/crypto/secp256k1"
)

// highS returns r‖(n−s).
func highS(sig []byte) []byte {
	out := bytes.Clone(sig)
	s := new(big.Int).SetBytes(sig[32:])
	new(big.Int).Sub(secp256k1.S256().Params().N, s).FillBytes(out[32:])
	return out
}
