package envelope

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/reencrypt"
)

// -update rewrites testdata/vectors.json, the vector files and the fuzz seed
// corpora from fresh Umbral wraps of the fixed file key. Run it only when
// the format changes, and review the diff.
var update = flag.Bool("update", false, "rewrite testdata vectors and fuzz seeds")

// vectorFile holds the vectors of the current format (Major), which -update
// regenerates. oldVectorFiles hold those of older formats this build still
// reads; they are frozen: TestVectors reproduces and opens them, and
// nothing rewrites them.
const vectorFile = "testdata/vectors.json"

var oldVectorFiles = []string{"testdata/v1/vectors.json"}

type vectorSet struct {
	Format           string   `json:"format"`
	Note             string   `json:"note"`
	FileKey          string   `json:"file_key"`
	DatasetSecretKey string   `json:"dataset_secret_key"`
	HeaderKey        string   `json:"header_key"`
	CommitmentKey    string   `json:"commitment_key"`
	Vectors          []vector `json:"vectors"`
}

type vector struct {
	Name       string `json:"name"`
	DatasetID  string `json:"dataset_id"`
	Owner      string `json:"owner"`
	ChunkSize  int    `json:"chunk_size"`
	Capsule    string `json:"capsule"`
	WrappedKey string `json:"wrapped_key"`
	Plaintext  string `json:"plaintext_file"` // relative to the JSON file's directory
	Envelope   string `json:"envelope_file"`
	HeaderMAC  string `json:"header_mac"`
	PayloadKey string `json:"payload_key"`
	Commitment string `json:"commitment"`
}

func vectorPlaintexts() []struct {
	name string
	cs   int
	pt   []byte
} {
	lines := func(n int) []byte {
		var b bytes.Buffer
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "line %04d of a pdx envelope test vector\n", i)
		}
		return b.Bytes()[:n]
	}
	return []struct {
		name string
		cs   int
		pt   []byte
	}{
		{"empty", MinChunkSize, nil},
		{"short", DefaultChunkSize, []byte("pdx: personal data, owned by the person.\n")},
		{"one-full-chunk", MinChunkSize, lines(MinChunkSize)},
		{"three-chunks", MinChunkSize, lines(2*MinChunkSize + 100)},
		// Several BLAKE3 groups (16 KiB) per chunk and chunks on group
		// boundaries: the commitment is joined from per-chunk subtrees.
		{"group-chunks", 2 * 16384, lines(5*16384 + 777)},
		// A chunk size that is not a multiple of 16 KiB: groups straddle
		// chunks.
		{"odd-chunks", 1500, lines(40000)},
	}
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("vector hex %q: %v", s, err)
	}
	return b
}

// loadVectors reads the vector set in file and the fixed file key.
func loadVectors(t testing.TB, file string) (*vectorSet, FileKey) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (regenerate with go test -run TestVectors -update)", err)
	}
	var vs vectorSet
	if err := json.Unmarshal(b, &vs); err != nil {
		t.Fatal(err)
	}
	var key FileKey
	copy(key[:], mustHex(t, vs.FileKey))
	return &vs, key
}

// vectorFiles reads the plaintext and envelope files of v, a vector of
// the set in file.
func vectorFiles(t testing.TB, file string, v vector) (pt, env []byte) {
	t.Helper()
	dir := filepath.Dir(file)
	pt, err := os.ReadFile(filepath.Join(dir, v.Plaintext))
	if err != nil {
		t.Fatal(err)
	}
	env, err = os.ReadFile(filepath.Join(dir, v.Envelope))
	if err != nil {
		t.Fatal(err)
	}
	return pt, env
}

func TestVectors(t *testing.T) {
	if *update {
		writeVectors(t)
	}
	for _, file := range append([]string{vectorFile}, oldVectorFiles...) {
		t.Run(filepath.Dir(file), func(t *testing.T) { checkVectors(t, file) })
	}
}

func checkVectors(t *testing.T, file string) {
	vs, key := loadVectors(t, file)
	if len(vs.Vectors) == 0 {
		t.Fatalf("%s holds no vectors", file)
	}
	if file == vectorFile && len(vs.Vectors) != len(vectorPlaintexts()) {
		t.Fatalf("%d vectors on disk, %d defined", len(vs.Vectors), len(vectorPlaintexts()))
	}
	sk, err := reencrypt.SecretKeyFromBytes(mustHex(t, vs.DatasetSecretKey))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			pt, want := vectorFiles(t, file, v)
			h, err := ParseHeader(want)
			if err != nil {
				t.Fatal(err)
			}
			if file == vectorFile && h.Major != Major {
				t.Fatalf("%s is format %d, the current vectors must be format %d", v.Envelope, h.Major, Major)
			}
			if got := hex.EncodeToString(key.headerKey(h.Major)); got != vs.HeaderKey {
				t.Fatalf("header key %s, vector %s", got, vs.HeaderKey)
			}
			if got := hex.EncodeToString(key.commitmentKey(h.Major)); got != vs.CommitmentKey {
				t.Fatalf("commitment key %s, vector %s", got, vs.CommitmentKey)
			}
			// Sealing with the fixed key and wrap reproduces the bytes.
			var id DatasetID
			copy(id[:], mustHex(t, v.DatasetID))
			var buf bytes.Buffer
			w, err := newWriter(&buf, headerFields{
				DatasetID:  id,
				Owner:      common.HexToAddress(v.Owner),
				Capsule:    mustHex(t, v.Capsule),
				WrappedKey: mustHex(t, v.WrappedKey),
				ChunkSize:  v.ChunkSize,
				Major:      h.Major,
			}, key)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.Write(pt); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Fatalf("sealing does not reproduce %s", v.Envelope)
			}
			c, _ := w.Commitment()
			if c.String() != v.Commitment {
				t.Fatalf("commitment %s, vector %s", c, v.Commitment)
			}
			if c2, err := CommitFor(h, key, bytes.NewReader(pt)); err != nil || c2 != c {
				t.Fatalf("CommitFor: %s, %v; vector %s", c2, err, v.Commitment)
			}

			// Opening the vector: the owner unwraps the key with real Umbral.
			if hex.EncodeToString(h.mac()) != v.HeaderMAC {
				t.Fatalf("header MAC %x, vector %s", h.mac(), v.HeaderMAC)
			}
			if got := hex.EncodeToString(key.payloadKey(h)); got != v.PayloadKey {
				t.Fatalf("payload key %s, vector %s", got, v.PayloadKey)
			}
			k, err := h.FileKeyForOwner(sk)
			if err != nil {
				t.Fatal(err)
			}
			if k != key {
				t.Fatal("Umbral unwrapped another file key")
			}
			var expect Commitment
			copy(expect[:], mustHex(t, v.Commitment))
			got, err := openAll(want, k, ExpectCommitment(expect))
			if err != nil || !bytes.Equal(got, pt) {
				t.Fatalf("opening the vector: %v", err)
			}
		})
	}
}

// writeVectors regenerates the vector files and fuzz seeds.
func writeVectors(t *testing.T) {
	var key FileKey
	for i := range key {
		key[i] = byte(i)
	}
	f, err := reencrypt.NewSecretKeyFactory(bytes.Repeat([]byte{0x5a}, 32))
	if err != nil {
		t.Fatal(err)
	}
	sk := f.MakeKey([]byte("pdx/dataset/000102030405060708090a0b0c0d0e0f"))
	vs := vectorSet{
		Format:           fmt.Sprintf("pdx envelope %d.%d test vectors (ENVELOPE.md)", Major, Minor),
		Note:             "file_key is fixed; capsule and wrapped_key come from one Umbral Encrypt(dataset public key, file_key) and open with dataset_secret_key. Keys, MACs and the commitment are hex; files are relative to this directory.",
		FileKey:          hex.EncodeToString(key[:]),
		DatasetSecretKey: hex.EncodeToString(sk.Bytes()),
		HeaderKey:        hex.EncodeToString(key.headerKey(Major)),
		CommitmentKey:    hex.EncodeToString(key.commitmentKey(Major)),
	}
	for _, d := range []string{"testdata/vectors", "testdata/fuzz/FuzzParseHeader", "testdata/fuzz/FuzzOpen"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for i, p := range vectorPlaintexts() {
		capsule, wrapped, err := reencrypt.Encrypt(sk.PublicKey(), key[:])
		if err != nil {
			t.Fatal(err)
		}
		id := DatasetID{}
		for j := range id {
			id[j] = byte(0xd0 + i)
		}
		owner := common.HexToAddress(fmt.Sprintf("0x%040x", 0xa11ce+i))
		var buf bytes.Buffer
		w, err := newWriter(&buf, headerFields{DatasetID: id, Owner: owner, Capsule: capsule.Bytes(), WrappedKey: wrapped, ChunkSize: p.cs}, key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(p.pt); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		c, _ := w.Commitment()
		env := buf.Bytes()
		v := vector{
			Name: p.name, DatasetID: hex.EncodeToString(id[:]), Owner: owner.Hex(), ChunkSize: p.cs,
			Capsule: hex.EncodeToString(capsule.Bytes()), WrappedKey: hex.EncodeToString(wrapped),
			Plaintext: "vectors/" + p.name + ".plain", Envelope: "vectors/" + p.name + ".pdxe",
			HeaderMAC: hex.EncodeToString(w.Header().mac()), PayloadKey: hex.EncodeToString(key.payloadKey(w.Header())),
			Commitment: c.String(),
		}
		vs.Vectors = append(vs.Vectors, v)
		writeFile(t, filepath.Join("testdata", v.Plaintext), p.pt)
		writeFile(t, filepath.Join("testdata", v.Envelope), env)
		writeFile(t, filepath.Join("testdata/fuzz/FuzzParseHeader", p.name), fuzzSeed(env[:HeaderSize]))
		writeFile(t, filepath.Join("testdata/fuzz/FuzzOpen", p.name), fuzzSeed(env))
	}
	// Malformed header seeds: wrong tag, unknown major, an x.1 header with
	// an extension, short input.
	env, _ := os.ReadFile("testdata/vectors/short.pdxe")
	bad := bytes.Clone(env[:HeaderSize])
	bad[0] = 'X'
	writeFile(t, "testdata/fuzz/FuzzParseHeader/bad-tag", fuzzSeed(bad))
	bad = bytes.Clone(env[:HeaderSize])
	bad[4] = Major + 1
	writeFile(t, fmt.Sprintf("testdata/fuzz/FuzzParseHeader/major-%d", Major+1), fuzzSeed(bad))
	ext := append(bytes.Clone(env[:offExtension]), []byte("ext!")...)
	ext = append(ext, env[offExtension:HeaderSize]...)
	ext[5] = 1
	binary.BigEndian.PutUint16(ext[offHeaderLen:], HeaderSize+4)
	writeFile(t, "testdata/fuzz/FuzzParseHeader/minor-1-extension", fuzzSeed(ext))
	writeFile(t, "testdata/fuzz/FuzzParseHeader/short", fuzzSeed(env[:7]))
	b, err := json.MarshalIndent(vs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, vectorFile, append(b, '\n'))
}

func fuzzSeed(b []byte) []byte {
	return []byte("go test fuzz v1\n[]byte(" + strings.ReplaceAll(fmt.Sprintf("%q", b), "\n", `\n`) + ")\n")
}

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
