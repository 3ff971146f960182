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
	"os"
	"path/filepath"
	"testing"
)

// TestSpecDecoder opens the vectors with a second decoder written from
// ENVELOPE.md alone: literal offsets and labels, standard-library primitives
// only, none of this package's code. It keeps the spec and the code honest
// with each other.
func TestSpecDecoder(t *testing.T) {
	vs, _ := loadVectors(t)
	fileKey := mustHex(t, vs.FileKey)
	hk := func(salt []byte, info string) []byte {
		k, err := hkdf.Key(sha256.New, fileKey, salt, info, 32)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	for _, v := range vs.Vectors {
		env, err := os.ReadFile(filepath.Join("testdata", v.Envelope))
		if err != nil {
			t.Fatal(err)
		}
		wantPT, err := os.ReadFile(filepath.Join("testdata", v.Plaintext))
		if err != nil {
			t.Fatal(err)
		}
		// Header, version 1.0: 273 bytes.
		if string(env[0:4]) != "PDXE" || env[4] != 1 || env[5] != 0 || binary.BigEndian.Uint16(env[6:8]) != 273 {
			t.Fatalf("%s: header prefix %x", v.Name, env[:8])
		}
		if hex.EncodeToString(env[8:40]) != v.DatasetID ||
			!bytes.Equal(env[40:60], mustHex(t, v.Owner[2:])) ||
			hex.EncodeToString(env[60:165]) != v.Capsule ||
			hex.EncodeToString(env[165:237]) != v.WrappedKey ||
			int(binary.BigEndian.Uint32(env[237:241])) != v.ChunkSize {
			t.Fatalf("%s: header fields not where the spec puts them", v.Name)
		}
		m := hmac.New(sha256.New, hk(nil, "pdx/envelope/v1/header"))
		m.Write(env[:241])
		mac := m.Sum(nil)
		if !bytes.Equal(mac, env[241:273]) {
			t.Fatalf("%s: header MAC", v.Name)
		}
		block, _ := aes.NewCipher(hk(mac, "pdx/envelope/v1/payload"))
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
			cm := hmac.New(sha256.New, hk(nil, "pdx/envelope/v1/commitment"))
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
