package proxy

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// testPublisher stands for the chain's proxy registration: it records the
// HPKE keys published, or fails like an unreachable chain.
type testPublisher struct {
	mu   sync.Mutex
	keys [][]byte
	fail error
}

func (tp *testPublisher) publish(_ context.Context, pub []byte) error {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	if tp.fail != nil {
		return tp.fail
	}
	tp.keys = append(tp.keys, pub)
	return nil
}

func epochsOf(t *testing.T, p *Proxy) []uint64 {
	t.Helper()
	es, err := p.KeyEpochs()
	if err != nil {
		t.Fatal(err)
	}
	var out []uint64
	for _, e := range es {
		out = append(out, e.Epoch)
	}
	return out
}

// opens reports whether p can open its kfrag from the bundle with digest
// (a grant to w's grantee under purpose).
func opens(t *testing.T, w *testWorld, p *Proxy, purpose, digest common.Hash) error {
	t.Helper()
	_, _, _, err := p.fetchKFrag(w.ctx, &grantState{Dataset: w.dataset, Grantee: w.granteeAddr(), Bundle: digest, Threshold: 1, Purpose: purpose})
	return err
}

// TestRetiredHPKEKeyCannotOpenBundles is the theft of a proxy's HPKE key
// file: bundles stay on IPFS, so a key that lived forever would open every
// kfrag ever sealed to the proxy. After two rotations the first key's file
// is gone, the proxy itself can no longer open a bundle sealed to it, while
// a bundle sealed to the previous key (within its grace) still opens and
// serves.
func TestRetiredHPKEKeyCannotOpenBundles(t *testing.T) {
	w := newTestWorld(t)
	tp := &testPublisher{}
	p := w.newProxy("", func(c *Config) { c.PublishKey = tp.publish })
	purposeA, purposeB := common.HexToHash("0x0a"), common.HexToHash("0x0b")
	key0 := p.HPKEPublicKey()
	sealedTo0 := w.sealGrant(purposeA, []bundle.Recipient{recipient(p)})
	if err := opens(t, w, p, purposeA, sealedTo0); err != nil {
		t.Fatalf("a bundle sealed to the current key: %v", err)
	}
	e1, err := p.RotateHPKEKey(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	sealedTo1 := w.sealGrant(purposeB, []bundle.Recipient{recipient(p)})
	if _, err := p.RotateHPKEKey(w.ctx); err != nil {
		t.Fatal(err)
	}
	if got := epochsOf(t, p); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Fatalf("key epochs after two rotations: %v, want [1 2]", got)
	}
	if _, err := os.Stat(filepath.Join(p.cfg.Dir, "hpke", "0.key")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the first key's file after two rotations: %v, want it gone", err)
	}
	for _, k := range p.keys.keys() {
		if bytes.Equal(k.PublicKey(), key0) {
			t.Fatal("the first key is still in memory after two rotations")
		}
	}
	if len(tp.keys) != 3 || !bytes.Equal(tp.keys[0], key0) || !bytes.Equal(tp.keys[1], e1.PublicKey) || !bytes.Equal(tp.keys[2], p.HPKEPublicKey()) {
		t.Fatalf("published %d keys; want epochs 0, 1 and 2 in order", len(tp.keys))
	}
	if err := opens(t, w, p, purposeA, sealedTo0); !errors.Is(err, bundle.ErrOpen) {
		t.Fatalf("a bundle sealed to the destroyed key: %v, want ErrOpen", err)
	}
	w.grant(p, purposeB, sealedTo1)
	if _, err := p.Reencrypt(w.ctx, w.request(p, w.grantee)); err != nil {
		t.Fatalf("a grant sealed to the previous key, within its grace: %v", err)
	}
}

// TestHPKEKeySchedule runs the schedule on a test clock: the key rotates
// once it is HPKERotate old, the previous key opens bundles through its
// grace and is destroyed when the grace ends.
func TestHPKEKeySchedule(t *testing.T) {
	w := newTestWorld(t)
	tp := &testPublisher{}
	now := time.Unix(1_800_000_000, 0)
	var clock sync.Mutex
	at := func() time.Time { clock.Lock(); defer clock.Unlock(); return now }
	advance := func(d time.Duration) { clock.Lock(); now = now.Add(d); clock.Unlock() }
	p := w.newProxy("", func(c *Config) {
		c.PublishKey, c.Now, c.HPKERotate, c.HPKEGrace = tp.publish, at, time.Hour, 30*time.Minute
	})
	purpose := common.HexToHash("0x01")
	sealedTo0 := w.sealGrant(purpose, []bundle.Recipient{recipient(p)})
	next, err := p.keyTick(w.ctx)
	if err != nil || !next.Equal(at().Add(time.Hour)) || len(tp.keys) != 1 {
		t.Fatalf("first tick: next %v, %v, %d keys published; want the key published and a rotation due in 1h", next, err, len(tp.keys))
	}
	advance(time.Hour)
	if next, err = p.keyTick(w.ctx); err != nil || !next.Equal(at().Add(30*time.Minute)) {
		t.Fatalf("tick at 1h: next %v, %v; want the previous key's retirement in 30m", next, err)
	}
	if got := epochsOf(t, p); len(got) != 2 || len(tp.keys) != 2 {
		t.Fatalf("after 1h: epochs %v, %d keys published; want a new epoch, published", got, len(tp.keys))
	}
	advance(29 * time.Minute)
	if _, err := p.keyTick(w.ctx); err != nil {
		t.Fatal(err)
	}
	if err := opens(t, w, p, purpose, sealedTo0); err != nil {
		t.Fatalf("a bundle sealed to the previous key within its grace: %v", err)
	}
	advance(time.Minute)
	if _, err := p.keyTick(w.ctx); err != nil {
		t.Fatal(err)
	}
	if got := epochsOf(t, p); len(got) != 1 || got[0] != 1 {
		t.Fatalf("when the grace ended: epochs %v, want [1]", got)
	}
	if err := opens(t, w, p, purpose, sealedTo0); !errors.Is(err, bundle.ErrOpen) {
		t.Fatalf("a bundle sealed to the retired key after its grace: %v, want ErrOpen", err)
	}
}

// TestFailedKeyRegistrationKeepsRegisteredKey: a rotation whose new key
// cannot be registered (chain down, account out of ether) must not destroy
// the key owners still seal to, however often it is retried.
func TestFailedKeyRegistrationKeepsRegisteredKey(t *testing.T) {
	w := newTestWorld(t)
	tp := &testPublisher{}
	p := w.newProxy("", func(c *Config) { c.PublishKey = tp.publish })
	if _, err := p.RotateHPKEKey(w.ctx); err != nil { // epochs 0 and 1, both published
		t.Fatal(err)
	}
	onChain := p.HPKEPublicKey()
	purpose := common.HexToHash("0x01")
	sealed := w.sealGrant(purpose, []bundle.Recipient{recipient(p)})
	tp.fail = errors.New("chain unreachable")
	for range 3 {
		if _, err := p.RotateHPKEKey(w.ctx); err == nil {
			t.Fatal("a rotation whose key could not be registered reported success")
		}
	}
	if err := opens(t, w, p, purpose, sealed); err != nil {
		t.Fatalf("the key on chain after failed rotations: %v", err)
	}
	// The key on chain (1), the one before it in its grace (0), and one
	// pending key (2): retries do not pile up keys.
	if got := epochsOf(t, p); len(got) != 3 || got[2] != 2 {
		t.Fatalf("epochs after failed rotations: %v, want [0 1 2]", got)
	}
	if got := gauge(t, p, "pdx_proxy_hpke_unpublished"); got != 1 {
		t.Fatalf("pdx_proxy_hpke_unpublished with a key waiting: %v, want 1", got)
	}
	tp.fail = nil
	if _, err := p.RotateHPKEKey(w.ctx); err != nil {
		t.Fatal(err)
	}
	if got := gauge(t, p, "pdx_proxy_hpke_unpublished"); got != 0 {
		t.Fatalf("pdx_proxy_hpke_unpublished once registered: %v, want 0", got)
	}
	// The pending key is published first, then the new one.
	if len(tp.keys) != 4 || !bytes.Equal(tp.keys[1], onChain) || !bytes.Equal(tp.keys[3], p.HPKEPublicKey()) {
		t.Fatalf("after the chain is back: %d keys published; want the pending key, then the new one", len(tp.keys))
	}
	if got := epochsOf(t, p); len(got) != 2 || got[0] != 2 || got[1] != 3 {
		t.Fatalf("epochs once the chain is back: %v, want [2 3]", got)
	}
}

// TestLegacyHPKEKeyBecomesEpochZero: a proxy directory from before key
// epochs holds one hpke.key, the key registered on chain. It becomes epoch
// 0 (bundles sealed to it still open) and the old file is removed, so that
// retiring epoch 0 leaves no copy behind.
func TestLegacyHPKEKeyBecomesEpochZero(t *testing.T) {
	w := newTestWorld(t)
	dir := t.TempDir()
	legacy, pub, _ := bundle.GenerateKey()
	if err := os.WriteFile(filepath.Join(dir, LegacyHPKEFile), []byte(hex.EncodeToString(legacy.Bytes())+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := w.newProxy(dir, nil)
	if !bytes.Equal(p.HPKEPublicKey(), pub) {
		t.Fatal("the legacy key is not the current key")
	}
	if _, err := os.Stat(filepath.Join(dir, LegacyHPKEFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s after migration: %v, want it removed", LegacyHPKEFile, err)
	}
	info, err := os.Stat(filepath.Join(dir, "hpke", "0.key"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("hpke/0.key: %v %v, want mode 0600", info, err)
	}
	purpose := common.HexToHash("0x01")
	if err := opens(t, w, p, purpose, w.sealGrant(purpose, []bundle.Recipient{{Proxy: bundle.Address(p.Address()), PublicKey: pub}})); err != nil {
		t.Fatalf("a bundle sealed to the legacy key: %v", err)
	}
	// A restart keeps the epoch; a legacy copy left by a crash during the
	// migration is removed, so destroying epoch 0 leaves no copy.
	if err := os.WriteFile(filepath.Join(dir, LegacyHPKEFile), []byte(hex.EncodeToString(legacy.Bytes())+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	again := w.newProxy(dir, func(c *Config) { c.Account = p.cfg.Account })
	if !bytes.Equal(again.HPKEPublicKey(), pub) {
		t.Fatal("a restart changed the key")
	}
	if _, err := os.Stat(filepath.Join(dir, LegacyHPKEFile)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a legacy copy beside the epochs after a restart: %v, want it removed", err)
	}
}

// gauge reads one of p's gauges from its metrics registry.
func gauge(t *testing.T, p *Proxy, name string) float64 {
	t.Helper()
	mfs, err := p.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name {
			return mf.GetMetric()[0].GetGauge().GetValue()
		}
	}
	t.Fatalf("no metric %s", name)
	return 0
}
