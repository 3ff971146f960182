package proxy

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pdx-network/pdx/internal/fsutil"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// A proxy's HPKE keys live in epochs. Owners seal a grant's kfrag to the
// key the proxy registered on chain; bundles stay on IPFS, so whoever
// steals a proxy's HPKE private key can open every bundle ever sealed to it.
// Rotating the key on a schedule and destroying the retired one bounds that:
// a stolen key opens only the bundles of its own epoch and the grace after
// it. The kfrags the proxy already opened are in its grant files and do not
// need the old key.
//
// On disk: <Dir>/hpke/<epoch>.key, one JSON document per epoch (mode 0600),
// at most the current epoch and the one before it.

// LegacyHPKEFile is the single HPKE key file of a proxy from before key
// epochs (<Dir>/hpke.key, hex). New adopts it as epoch 0 and removes it.
const LegacyHPKEFile = "hpke.key"

const (
	hpkeDir = "hpke"
	// DefaultHPKERotate is how often a proxy moves to a new HPKE key.
	DefaultHPKERotate = 7 * 24 * time.Hour
)

// KeyEpoch describes one of the proxy's HPKE keys.
type KeyEpoch struct {
	Epoch     uint64    `json:"epoch"`
	PublicKey []byte    `json:"public_key"`
	Created   time.Time `json:"created"`
	// Published is when the proxy saw this key registered on chain (zero
	// until then): from that moment owners seal new grants to it, and the
	// key before it starts its grace period.
	Published time.Time `json:"published,omitzero"`
	Path      string    `json:"path"`
}

// keyFile is an epoch's file.
type keyFile struct {
	Epoch     uint64    `json:"epoch"`
	Key       string    `json:"key"` // hex X25519 private key
	Created   time.Time `json:"created"`
	Published time.Time `json:"published,omitzero"`
}

type epochKey struct {
	keyFile
	key *bundle.PrivateKey
}

// keyring holds the proxy's HPKE keys, oldest first. Its mutex guards the
// slice; rotations are serialised by Proxy.rotMu.
type keyring struct {
	dir    string
	mu     sync.Mutex
	epochs []*epochKey
}

// ErrKeyFile: an HPKE key file in the proxy's directory cannot be read as one.
var ErrKeyFile = errors.New("proxy: damaged HPKE key file")

// openKeyring loads the epochs in dir/hpke. A directory without any adopts,
// in this order, the legacy single key file (the key already registered on
// chain), the key the caller passed, or a new key, as epoch 0.
func openKeyring(dir string, initial *bundle.PrivateKey, now time.Time) (*keyring, error) {
	kr := &keyring{dir: filepath.Join(dir, hpkeDir)}
	if err := os.MkdirAll(kr.dir, 0o700); err != nil {
		return nil, err
	}
	names, err := filepath.Glob(filepath.Join(kr.dir, "*.key"))
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		ek, err := readKeyFile(name)
		if err != nil {
			return nil, err
		}
		kr.epochs = append(kr.epochs, ek)
	}
	slices.SortFunc(kr.epochs, func(a, b *epochKey) int { return cmpUint(a.Epoch, b.Epoch) })
	legacy := filepath.Join(dir, LegacyHPKEFile)
	if len(kr.epochs) > 0 {
		// A legacy file beside epochs is a copy left by a crash during the
		// migration below: it would outlive epoch 0's destruction.
		if err := fsutil.RemoveDurable(legacy); err != nil {
			return nil, fmt.Errorf("removing %s, a copy of HPKE epoch 0: %w", legacy, err)
		}
		return kr, nil
	}
	k := initial
	raw, err := os.ReadFile(legacy)
	switch {
	case err == nil:
		b, err := hex.DecodeString(strings.TrimSpace(string(raw)))
		if err != nil {
			return nil, fmt.Errorf("%w: %s is not hex", ErrKeyFile, legacy)
		}
		if k, err = bundle.PrivateKeyFromBytes(b); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrKeyFile, legacy, err)
		}
	case !errors.Is(err, os.ErrNotExist):
		return nil, err
	}
	if k == nil {
		if k, _, err = bundle.GenerateKey(); err != nil {
			return nil, err
		}
	}
	ek := &epochKey{keyFile: keyFile{Epoch: 0, Key: hex.EncodeToString(k.Bytes()), Created: now.UTC()}, key: k}
	if err := kr.write(ek); err != nil {
		return nil, err
	}
	// The key now lives as epoch 0; a copy left behind would outlive the
	// epoch's destruction.
	if err := fsutil.RemoveDurable(legacy); err != nil {
		return nil, fmt.Errorf("removing %s after adopting it as HPKE epoch 0: %w", legacy, err)
	}
	kr.epochs = []*epochKey{ek}
	return kr, nil
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func readKeyFile(path string) (*epochKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f keyFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrKeyFile, path, err)
	}
	if want := strconv.FormatUint(f.Epoch, 10) + ".key"; filepath.Base(path) != want {
		return nil, fmt.Errorf("%w: %s holds epoch %d", ErrKeyFile, path, f.Epoch)
	}
	raw, err := hex.DecodeString(f.Key)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: key is not hex", ErrKeyFile, path)
	}
	k, err := bundle.PrivateKeyFromBytes(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrKeyFile, path, err)
	}
	return &epochKey{keyFile: f, key: k}, nil
}

func (kr *keyring) path(epoch uint64) string {
	return filepath.Join(kr.dir, strconv.FormatUint(epoch, 10)+".key")
}

func (kr *keyring) write(ek *epochKey) error {
	b, err := json.MarshalIndent(ek.keyFile, "", "  ")
	if err != nil {
		return err
	}
	return fsutil.WriteFileAtomic(kr.path(ek.Epoch), append(b, '\n'), 0o600)
}

// current is the newest epoch: the one registered on chain, or about to be.
func (kr *keyring) current() *epochKey {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	return kr.epochs[len(kr.epochs)-1]
}

// holds reports whether k is one of the retained keys.
func (kr *keyring) holds(k *bundle.PrivateKey) bool {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	for _, e := range kr.epochs {
		if bytes.Equal(e.key.Bytes(), k.Bytes()) {
			return true
		}
	}
	return false
}

// publishedAt returns when the current epoch was seen on chain, and whether
// it was.
func (kr *keyring) publishedAt() (time.Time, bool) {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	t := kr.epochs[len(kr.epochs)-1].Published
	return t, !t.IsZero()
}

// keys returns every retained private key, newest first: the order a
// bundle entry is tried in.
func (kr *keyring) keys() []*bundle.PrivateKey {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	out := make([]*bundle.PrivateKey, 0, len(kr.epochs))
	for i := len(kr.epochs) - 1; i >= 0; i-- {
		out = append(out, kr.epochs[i].key)
	}
	return out
}

// add makes a new key the current epoch, durably, before anyone can
// register it.
func (kr *keyring) add(now time.Time) (*epochKey, error) {
	k, _, err := bundle.GenerateKey()
	if err != nil {
		return nil, err
	}
	ek := &epochKey{keyFile: keyFile{Epoch: kr.current().Epoch + 1, Key: hex.EncodeToString(k.Bytes()), Created: now.UTC()}, key: k}
	if err := kr.write(ek); err != nil {
		return nil, fmt.Errorf("writing HPKE epoch %d: %w", ek.Epoch, err)
	}
	kr.mu.Lock()
	kr.epochs = append(kr.epochs, ek)
	kr.mu.Unlock()
	return ek, nil
}

// markPublished records that the chain holds epoch's public key.
func (kr *keyring) markPublished(epoch uint64, now time.Time) error {
	kr.mu.Lock()
	var ek *epochKey
	for _, e := range kr.epochs {
		if e.Epoch == epoch {
			ek = e
		}
	}
	if ek == nil || !ek.Published.IsZero() {
		kr.mu.Unlock()
		return nil
	}
	upd := *ek
	upd.Published = now.UTC()
	kr.mu.Unlock()
	if err := kr.write(&upd); err != nil {
		return err
	}
	kr.mu.Lock()
	ek.Published = upd.Published
	kr.mu.Unlock()
	return nil
}

// destroyBefore destroys every epoch older than epoch: the file first (so
// a crash cannot leave a key on disk that the proxy believes gone), then
// the in-memory copy. It returns the epochs destroyed.
func (kr *keyring) destroyBefore(epoch uint64) ([]uint64, error) {
	kr.mu.Lock()
	var old []*epochKey
	for _, e := range kr.epochs {
		if e.Epoch < epoch {
			old = append(old, e)
		}
	}
	kr.mu.Unlock()
	var gone []uint64
	for _, ek := range old {
		if err := fsutil.RemoveDurable(kr.path(ek.Epoch)); err != nil {
			return gone, fmt.Errorf("destroying HPKE epoch %d: %w", ek.Epoch, err)
		}
		kr.mu.Lock()
		kr.epochs = slices.DeleteFunc(kr.epochs, func(e *epochKey) bool { return e == ek })
		kr.mu.Unlock()
		gone = append(gone, ek.Epoch)
	}
	return gone, nil
}

// published returns the newest epoch registered on chain and the epoch
// before it, if the proxy holds them.
func (kr *keyring) published() (cur, prev *epochKey) {
	kr.mu.Lock()
	defer kr.mu.Unlock()
	for i := len(kr.epochs) - 1; i >= 0; i-- {
		if !kr.epochs[i].Published.IsZero() {
			if i > 0 {
				prev = kr.epochs[i-1]
			}
			return kr.epochs[i], prev
		}
	}
	return nil, nil
}

// list reads the epoch files present on disk: what an operator (or a test)
// checks to see that a retired key is really gone.
func (kr *keyring) list() ([]KeyEpoch, error) {
	names, err := filepath.Glob(filepath.Join(kr.dir, "*.key"))
	if err != nil {
		return nil, err
	}
	var out []KeyEpoch
	for _, name := range names {
		ek, err := readKeyFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, KeyEpoch{Epoch: ek.Epoch, PublicKey: ek.key.PublicKey(), Created: ek.Created, Published: ek.Published, Path: name})
	}
	slices.SortFunc(out, func(a, b KeyEpoch) int { return cmpUint(a.Epoch, b.Epoch) })
	return out, nil
}

// KeyPublisher registers the proxy's HPKE public key on chain (with the
// proxy's endpoint), where owners read it when they seal a grant's kfrags.
type KeyPublisher func(ctx context.Context, hpkePub []byte) error

// HPKEPublicKey is the current epoch's public key: the one to register.
func (p *Proxy) HPKEPublicKey() []byte { return p.keys.current().key.PublicKey() }

// KeyEpochs lists the HPKE key files the proxy's directory holds, oldest
// first.
func (p *Proxy) KeyEpochs() ([]KeyEpoch, error) { return p.keys.list() }

// ErrNotRegistered: a key rotation needs the proxy registered on chain
// (Register, or Config.PublishKey), or the new key would never be used.
var ErrNotRegistered = errors.New("proxy: not registered on chain yet; a new HPKE key could not be published")

func (p *Proxy) publisher() KeyPublisher {
	p.pubMu.Lock()
	defer p.pubMu.Unlock()
	return p.publish
}

// publishCurrent registers the current epoch's key on chain unless the
// proxy already saw it there.
func (p *Proxy) publishCurrent(ctx context.Context) error {
	cur := p.keys.current()
	if !cur.Published.IsZero() {
		return nil
	}
	pub := p.publisher()
	if pub == nil {
		return ErrNotRegistered
	}
	if err := pub(ctx, cur.key.PublicKey()); err != nil {
		return fmt.Errorf("registering HPKE epoch %d on chain: %w", cur.Epoch, err)
	}
	return p.keys.markPublished(cur.Epoch, p.cfg.Now())
}

// RotateHPKEKey moves the proxy to a new HPKE key now: it writes the new
// epoch, registers its public key on chain (same endpoint), and destroys
// every key older than the previous one. The previous key stays for its
// grace period (HPKEGrace), so bundles sealed to it just before the
// rotation still open. Two rotations in a row therefore destroy the key
// that was current before them at once: what an operator who fears a key
// was stolen wants.
//
// If the registration fails the new key stays current but unpublished;
// the previous key, still the one on chain, is kept, and the next call (or
// RunKeyRotation) registers it again.
func (p *Proxy) RotateHPKEKey(ctx context.Context) (KeyEpoch, error) {
	p.rotMu.Lock()
	defer p.rotMu.Unlock()
	// The key on chain must be known published before it may become the
	// one destroyed by the next rotation.
	if err := p.publishCurrent(ctx); err != nil {
		return KeyEpoch{}, err
	}
	ek, err := p.keys.add(p.cfg.Now())
	if err != nil {
		return KeyEpoch{}, err
	}
	p.log.Info("HPKE key rotated", "epoch", ek.Epoch)
	if err := p.publishCurrent(ctx); err != nil {
		return KeyEpoch{}, err
	}
	if _, err := p.retire(p.cfg.Now()); err != nil {
		return KeyEpoch{}, err
	}
	cur := p.keys.current()
	return KeyEpoch{Epoch: cur.Epoch, PublicKey: cur.key.PublicKey(), Created: cur.Created, Published: cur.Published, Path: p.keys.path(cur.Epoch)}, nil
}

// retire destroys the keys no owner seals to any more: every key older
// than the one before the newest key on chain, and that one too once its
// grace (HPKEGrace from its successor's registration) is over. A key is
// never destroyed before a newer one is on chain. It returns when the
// retained previous key's grace ends (zero when there is none).
func (p *Proxy) retire(now time.Time) (time.Time, error) {
	cur, prev := p.keys.published()
	if cur == nil {
		return time.Time{}, nil
	}
	keep, until := cur.Epoch, time.Time{}
	if prev != nil {
		if end := cur.Published.Add(p.cfg.HPKEGrace); now.Before(end) {
			keep, until = prev.Epoch, end
		}
	}
	gone, err := p.keys.destroyBefore(keep)
	for _, e := range gone {
		p.log.Info("retired HPKE key destroyed", "epoch", e)
	}
	return until, err
}

// keyTick does what the key schedule asks for at now: register a current
// key not yet on chain, destroy retired keys whose grace is over, rotate
// when the current key is HPKERotate old. It returns when it next has
// something to do (zero: nothing scheduled).
func (p *Proxy) keyTick(ctx context.Context) (time.Time, error) {
	p.rotMu.Lock()
	err := p.publishCurrent(ctx)
	var next time.Time
	if err == nil {
		next, err = p.retire(p.cfg.Now())
	}
	p.rotMu.Unlock()
	if err != nil || p.cfg.HPKERotate <= 0 {
		return next, err
	}
	due := p.keys.current().Created.Add(p.cfg.HPKERotate)
	if p.cfg.Now().Before(due) {
		if next.IsZero() || due.Before(next) {
			next = due
		}
		return next, nil
	}
	if _, err := p.RotateHPKEKey(ctx); err != nil {
		return time.Time{}, err
	}
	return p.keyTick(ctx)
}

// keyRetry is how long RunKeyRotation waits after a failed step (the chain
// unreachable, the account out of ether); keyCheckMax caps any wait, so a
// clock that jumps is noticed.
const (
	keyRetry    = time.Minute
	keyCheckMax = time.Hour
)

// RunKeyRotation keeps the HPKE key schedule until ctx ends: it rotates
// every HPKERotate, registers each new key on chain and destroys the
// previous key HPKEGrace after its successor was registered. It needs the
// proxy registered first (Register, or Config.PublishKey).
func (p *Proxy) RunKeyRotation(ctx context.Context) error {
	for {
		next, err := p.keyTick(ctx)
		wait := keyCheckMax
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			p.log.Warn("HPKE key schedule: step failed; retrying", "err", err, "in", keyRetry)
			wait = keyRetry
		} else if !next.IsZero() {
			wait = min(keyCheckMax, max(time.Second, next.Sub(p.cfg.Now())))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}
