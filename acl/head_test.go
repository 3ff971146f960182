package acl_test

import (
	"bytes"
	"crypto/rand"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
)

// TestTransactThenRead: what a transaction wrote is what the next read at
// the latest block returns. go-ethereum answers a block's receipts a moment
// before its head moves to the block, so a client that returned on the
// receipt alone let the read right after it see the state before its own
// transaction now and then on a loaded machine (a proxy's new HPKE key read
// back as the old one). The moment is too short to hit on purpose, so the
// wait it now ends with, AwaitHead, is checked on its own: it returns only
// once the head has reached the block asked for.
func TestTransactThenRead(t *testing.T) {
	ctx := testCtx(t)
	ch, err := devchain.Open(ctx, devchain.Config{Dir: t.TempDir(), Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ch.Close() })
	key := ch.Accounts()[0]
	c, err := acl.New(ctx, ch.Client(), ch.Registry(), key, &acl.Options{PollInterval: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	register := func() []byte {
		t.Helper()
		hpke := make([]byte, acl.HPKEKeySize)
		rand.Read(hpke)
		if _, err := c.RegisterProxy(ctx, "https://proxy.example:8443", hpke); err != nil {
			t.Fatal(err)
		}
		return hpke
	}

	// AwaitHead for the next block waits while the dev chain seals nothing
	// (it seals only for a transaction) and returns once one is sealed.
	head, err := ch.Client().BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- acl.AwaitHead(ctx, ch.Client(), head+1) }()
	select {
	case err := <-done:
		t.Fatalf("AwaitHead(%d) returned (%v) with the head still at %d", head+1, err, head)
	case <-time.After(300 * time.Millisecond):
	}
	register()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("AwaitHead(%d) still waits after a block was sealed", head+1)
	}

	for i := range 30 {
		hpke := register()
		reg, err := c.ProxyOf(ctx, crypto.PubkeyToAddress(key.PublicKey))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(reg.HPKEKey, hpke) {
			t.Fatalf("round %d: the read right after the registration returned the key before it", i)
		}
	}
}
