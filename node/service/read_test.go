package service

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
)

// keyring is a Keyring of one dataset, counting its lookups.
type keyring struct {
	dataset uint64
	keys    []*reencrypt.SecretKey
	asked   int
}

func (k *keyring) DatasetKeys(_ context.Context, dataset uint64) ([]*reencrypt.SecretKey, error) {
	k.asked++
	if dataset != k.dataset {
		return nil, nil
	}
	return k.keys, nil
}

// TestReadDecidesOnce: Read opens the owner's own version with its keyring,
// with every proxy down (no proxy is involved), opens a grantee's through
// the proxies without consulting a keyring that holds nothing of the
// dataset, and an owner whose keyring lost the dataset is answered as the
// chain answers any account without a grant.
func TestReadDecidesOnce(t *testing.T) {
	w := newWorld(t)
	data := make([]byte, 70<<10)
	rand.Read(data)
	ds, c := w.put(data)
	if _, err := w.owner.Grant(w.ctx, GrantRequest{
		Dataset: ds, DatasetKey: w.dsKey, Grantee: w.brand.Address(),
		Expiry: time.Now().Add(24 * time.Hour), Purpose: "read test", Threshold: 2,
	}); err != nil {
		t.Fatal(err)
	}
	w.sync()

	var buf bytes.Buffer
	brandRing := &keyring{dataset: ds + 1000}
	if res, err := w.brand.Read(w.ctx, c, brandRing, &buf); err != nil || !bytes.Equal(buf.Bytes(), data) || res.Owner != w.owner.Address() {
		t.Fatalf("brand's Read: %v (equal %v)", err, bytes.Equal(buf.Bytes(), data))
	}
	if brandRing.asked != 0 {
		t.Fatalf("the brand's keyring was asked %d times for a version the chain says is another account's", brandRing.asked)
	}

	for _, p := range w.proxies {
		p.srv.Close()
	}
	ring := &keyring{dataset: ds, keys: []*reencrypt.SecretKey{w.dsKey}}
	buf.Reset()
	if res, err := w.owner.Read(w.ctx, c, ring, &buf); err != nil || !bytes.Equal(buf.Bytes(), data) || res.Dataset != ds || len(res.Failures) != 0 {
		t.Fatalf("owner's Read with every proxy down: %v (equal %v)", err, bytes.Equal(buf.Bytes(), data))
	}
	if ring.asked != 1 {
		t.Fatalf("keyring asked %d times, want once", ring.asked)
	}
	buf.Reset()
	if _, err := w.owner.Read(w.ctx, c, &keyring{dataset: ds + 1}, &buf); !errors.Is(err, ErrNoGrant) || buf.Len() != 0 {
		t.Fatalf("owner's Read without the dataset's keys: %v (%d bytes written), want ErrNoGrant and nothing written", err, buf.Len())
	}
}

// stallingStore answers every stream only when its context ends, as an
// IPFS node that cannot find the blocks would.
type stallingStore struct{ storage.Store }

func (stallingStore) Get(ctx context.Context, _ cid.Cid) (io.ReadCloser, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestGetOwnBounded: the owner's get waits for the envelope's header at
// most FetchTimeout, and says that IPFS did not answer.
func TestGetOwnBounded(t *testing.T) {
	w := newWorld(t)
	_, c := w.put([]byte("bounded"))
	w.owner.cfg.Store = stallingStore{w.owner.cfg.Store}
	w.owner.cfg.FetchTimeout = 300 * time.Millisecond
	start := time.Now()
	_, err := w.owner.GetOwn(w.ctx, c, []*reencrypt.SecretKey{w.dsKey}, io.Discard)
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "IPFS did not answer within 300ms") {
		t.Fatalf("GetOwn from a stalled store: %v, want ErrUnavailable naming IPFS", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("GetOwn took %v with a 300ms fetch timeout", d)
	}
}
