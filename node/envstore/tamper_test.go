package envstore

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdx-network/pdx/node/internal/detstream"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// TestTamperedStoreRefusedWithoutHash attacks Get as whoever controls the
// storage node: one byte of a stored block of a registered envelope is
// changed on the node's disk, under the CID the chain names (kubo does not
// re-hash blocks it reads from its own disk, so the altered bytes are
// served). A Get that skips the commitment hash (envelope.SkipCommitmentHash,
// what pdx get does by default) refuses it at the altered chunk exactly as a
// hashing Get does, having released only the chunks before it.
func TestTamperedStoreRefusedWithoutHash(t *testing.T) {
	dir := t.TempDir()
	ctx := ctxT(t, 2*time.Minute)
	open := func() *storage.Embedded {
		s, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: dir, Local: true})
		if err != nil {
			t.Fatalf("OpenEmbedded: %v", err)
		}
		return s
	}
	s := open()
	o := newOwner(t)
	const size = 4*256<<10 + 1000 // five leaves
	pt, err := io.ReadAll(detstream.New("tamper", size))
	if err != nil {
		t.Fatal(err)
	}
	res := put(t, s, o, pt, "tamper")
	key := ownerKey(t, s, o, res.CID)
	rc, err := s.Get(ctx, res.CID)
	if err != nil {
		t.Fatal(err)
	}
	env, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	// The third leaf (bytes 512 KiB … 768 KiB of the envelope) is a raw
	// block: its file in the node's block store holds exactly those bytes.
	const leaf = 256 << 10
	want := env[2*leaf : 3*leaf]
	var blockFile string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".data") {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil && bytes.Equal(b, want) {
			blockFile = p
		}
		return err
	})
	if err != nil || blockFile == "" {
		t.Fatalf("finding the block of the third leaf: %q, %v", blockFile, err)
	}
	off := 100 << 10 // 100 KiB into the leaf
	altered := bytes.Clone(want)
	altered[off] ^= 0x01
	if err := os.WriteFile(blockFile, altered, 0o600); err != nil {
		t.Fatal(err)
	}

	s = open()
	defer s.Close()
	// The chunk that holds envelope byte 2·leaf+off, and the plaintext
	// before it: all a reader may release.
	hdr, err := envelope.ParseHeader(env)
	if err != nil {
		t.Fatal(err)
	}
	bodyOff := 2*leaf + off - hdr.Len()
	bad := uint64(bodyOff / (cs + 16))
	for _, opts := range [][]envelope.OpenOption{{envelope.SkipCommitmentHash()}, nil} {
		rc, err := Get(ctx, s, res.CID, key, &res.Commitment, opts...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		var ce *envelope.ChunkError
		if !errors.Is(err, envelope.ErrAuthentication) || !errors.As(err, &ce) || ce.Index != bad {
			t.Fatalf("Get (%d options) of an envelope altered on the store in chunk %d: %d bytes, %v; want ErrAuthentication at that chunk", len(opts), bad, len(got), err)
		}
		if n := int(bad) * cs; !bytes.Equal(got, pt[:n]) {
			t.Fatalf("Get (%d options) released %d bytes; want exactly the %d before the altered chunk", len(opts), len(got), n)
		}
	}
}
