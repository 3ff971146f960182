package envelope

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"testing"

	"github.com/zeebo/blake3"
)

// TestSpecDecoder opens the vectors with a second decoder written from
// ENVELOPE.md alone: literal offsets and labels, standard-library primitives
// and an independent BLAKE3 implementation, none of this package's code. It keeps the spec and the code honest
// with each other.
func TestSpecDecoder(t *testing.T) {
	for _, file := range append([]string{vectorFile}, oldVectorFiles...) {
		specDecode(t, file)
	}
}

func specDecode(t *testing.T, file string) {
	vs, _ := loadVectors(t, file)
	fileKey := mustHex(t, vs.FileKey)
	hk := func(salt []byte, info string) []byte {
		k, err := hkdf.Key(sha256.New, fileKey, salt, info, 32)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	for _, v := range vs.Vectors {
		env, err := os.ReadFile(filepath.Join(filepath.Dir(file), v.Envelope))
		if err != nil {
			t.Fatal(err)
		}
		wantPT, err := os.ReadFile(filepath.Join(filepath.Dir(file), v.Plaintext))
		if err != nil {
			t.Fatal(err)
		}
		// Header, version 2.0 or 1.0: 273 bytes.
		major := env[4]
		if string(env[0:4]) != "PDXE" || (major != 1 && major != 2) || env[5] != 0 || binary.BigEndian.Uint16(env[6:8]) != 273 {
			t.Fatalf("%s: header prefix %x", v.Name, env[:8])
		}
		label := fmt.Sprintf("pdx/envelope/v%d/", major)
		if hex.EncodeToString(env[8:40]) != v.DatasetID ||
			!bytes.Equal(env[40:60], mustHex(t, v.Owner[2:])) ||
			hex.EncodeToString(env[60:165]) != v.Capsule ||
			hex.EncodeToString(env[165:237]) != v.WrappedKey ||
			int(binary.BigEndian.Uint32(env[237:241])) != v.ChunkSize {
			t.Fatalf("%s: header fields not where the spec puts them", v.Name)
		}
		m := hmac.New(sha256.New, hk(nil, label+"header"))
		m.Write(env[:241])
		mac := m.Sum(nil)
		if !bytes.Equal(mac, env[241:273]) {
			t.Fatalf("%s: header MAC", v.Name)
		}
		block, _ := aes.NewCipher(hk(mac, label+"payload"))
		gcm, _ := cipher.NewGCM(block)

		// Chunks: the rest is the final chunk iff it is at most cs+48 bytes.
		body, cs := env[273:], v.ChunkSize
		var pt []byte
		for i := uint64(0); ; i++ {
			final := len(body) <= cs+48
			n := cs + 16
			if final {
				n = len(body)
			}
			nonce := make([]byte, 12)
			binary.BigEndian.PutUint64(nonce[3:11], i)
			if final {
				nonce[11] = 1
			}
			p, err := gcm.Open(nil, nonce, body[:n], nil)
			if err != nil {
				t.Fatalf("%s: chunk %d: %v", v.Name, i, err)
			}
			body = body[n:]
			if !final {
				pt = append(pt, p...)
				continue
			}
			data, commitment := p[:len(p)-32], p[len(p)-32:]
			pt = append(pt, data...)
			// Format 2: the BLAKE3 keyed hash (an implementation
			// independent of the package's); format 1: HMAC-SHA256.
			var cm hash.Hash = hmac.New(sha256.New, hk(nil, label+"commitment"))
			if major == 2 {
				cm, err = blake3.NewKeyed(hk(nil, label+"commitment"))
				if err != nil {
					t.Fatal(err)
				}
			}
			cm.Write(pt)
			if !bytes.Equal(cm.Sum(nil), commitment) || hex.EncodeToString(commitment) != v.Commitment {
				t.Fatalf("%s: commitment", v.Name)
			}
			break
		}
		if !bytes.Equal(pt, wantPT) {
			t.Fatalf("%s: plaintext differs", v.Name)
		}
	}
}
