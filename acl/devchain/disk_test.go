package devchain

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"

	"github.com/pdx-network/pdx/acl"
)

// grantsFlag sets how many grants TestDiskAfterGrants records; 0, the
// default, skips it (it takes a minute or two). Run it with
//
//	go test ./acl/devchain -run TestDiskAfterGrants -devchain.grants=1000 -v
//
// to see what the chain directory holds after that many grants.
var grantsFlag = flag.Int("devchain.grants", 0, "grants TestDiskAfterGrants records (0 skips it)")

// diskBound is what the chain directory may take after a fresh start and a
// few transactions. Such a chain holds kilobytes of data (a genesis, the
// Registry's code, a few blocks); what takes room is what the database sets
// aside: pebble preallocates each write-ahead log to 110% of its memtable,
// and keeps a few logs for reuse. With the small database cache of
// databaseCache (memtables of 2 MiB) that is a few MiB; 32 MiB leaves room
// for the freezer's index files and the blob pool's shelves while failing
// at once on go-ethereum's default cache, whose 256 MiB memtables made the
// directory 1.7 GB.
const diskBound = 32 << 20

// TestDiskBounded opens a chain, sends a few transactions, closes it, opens
// it again and requires the directory to stay under diskBound each time.
func TestDiskBounded(t *testing.T) {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	dir := t.TempDir()
	c, err := Open(ctx(t), Config{Dir: dir, Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	grants(t, ctx(t), c, 5)
	if n := diskUsage(t, dir); n > diskBound {
		t.Errorf("running chain after 5 grants takes %d bytes on disk, want at most %d", n, diskBound)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if n := diskUsage(t, dir); n > diskBound {
		t.Errorf("closed chain takes %d bytes on disk, want at most %d", n, diskBound)
	}
	c, err = Open(ctx(t), Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	grants(t, ctx(t), c, 2)
	if n := diskUsage(t, dir); n > diskBound {
		t.Errorf("reopened chain takes %d bytes on disk, want at most %d", n, diskBound)
	}
}

// TestDiskAfterGrants reports the chain directory's size after
// -devchain.grants grants, each to its own grantee (see grantsFlag).
func TestDiskAfterGrants(t *testing.T) {
	if *grantsFlag <= 0 {
		t.Skip("set -devchain.grants=N to record N grants and report the chain directory's size")
	}
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	dir := t.TempDir()
	c, err := Open(ctx(t), Config{Dir: dir, Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	t.Logf("fresh chain: %s", mib(diskUsage(t, dir)))
	cctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	start := time.Now()
	grants(t, cctx, c, *grantsFlag)
	t.Logf("after %d grants (%s): %s running", *grantsFlag, time.Since(start).Round(time.Second), mib(diskUsage(t, dir)))
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("after %d grants: %s closed", *grantsFlag, mib(diskUsage(t, dir)))
}

// grants creates a dataset owned by the chain's first account and records
// n grants of it, each to a fresh address.
func grants(t *testing.T, ctx context.Context, c *Chain, n int) {
	t.Helper()
	cl, err := acl.New(ctx, c.Client(), c.Registry(), c.Accounts()[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := cl.CreateDataset(ctx, pubKey(t))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := cl.Grant(ctx, acl.Grant{Dataset: id, Grantee: crypto.PubkeyToAddress(k.PublicKey),
			Expiry: time.Now().Add(24 * time.Hour), Threshold: 2, PurposeHash: common.Hash{1}, Bundle: common.Hash{byte(i), 2}}); err != nil {
			t.Fatalf("grant %d: %v", i, err)
		}
	}
}

func pubKey(t *testing.T) []byte {
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	return crypto.CompressPubkey(&k.PublicKey)
}

// diskUsage is what the files under dir take on disk (allocated blocks,
// as du counts them, so preallocated space shows).
func diskUsage(t *testing.T, dir string) int64 {
	t.Helper()
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		var st syscall.Stat_t
		if err := syscall.Lstat(p, &st); err != nil {
			return err
		}
		n += st.Blocks * 512
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
