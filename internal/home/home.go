// Package home is the pdx home: the directory (default ~/.pdx) that holds an
// owner's keys, per-dataset salts, API token and config. The layout and every
// file's format are specified in HOME.md beside this file.
//
// Secrets (the Ethereum account key and the 32-byte master seed) are stored
// only encrypted under the owner's passphrase, in go-ethereum's keystore v3
// format, so standard Ethereum tools can read the account. Public keys are
// also stored in the clear (keys.json) so that `pdx keys` needs no passphrase.
// Every Umbral key derives from the seed, which is why losing a dataset's
// salt — and only that — destroys the dataset's key (crypto-shredding).
package home

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/internal/fsutil"
	"github.com/pdx-network/pdx/reencrypt"
)

// Names inside the home.
const (
	DefaultDirName = ".pdx"
	KeysFile       = "keys.json"
	SeedFile       = "seed.json"
	KeystoreDir    = "keystore"
	DatasetsDir    = "datasets"
	TokenFile      = "api.token"
	LockFile       = "daemon.lock"

	// FormatVersion is the version of keys.json, seed.json and the dataset
	// files written by this package.
	FormatVersion = 1
	// SeedSize is the master seed's size.
	SeedSize = 32
	// SaltSize is a dataset salt's size.
	SaltSize = 32

	// EnvHome names the home when --home is not given.
	EnvHome = "PDX_HOME"
)

// Labels of the keys derived from the seed (see HOME.md).
const (
	SigningLabel       = "pdx/signing"
	ReceivingLabel     = "pdx/receiving"
	DatasetLabelPrefix = "pdx/dataset/"
)

// Errors a caller can test with errors.Is.
var (
	ErrExists          = errkind.New(errkind.Conflict, "a pdx home already exists")
	ErrNotInitialized  = errkind.New(errkind.NotFound, "no pdx home")
	ErrBadPassphrase   = errkind.New(errkind.Refused, "wrong passphrase")
	ErrEmptyPassphrase = errkind.New(errkind.Usage, "empty passphrase")
	ErrCorrupt         = errkind.New(errkind.Damaged, "pdx home is damaged")
	ErrLocked          = errkind.New(errkind.Conflict, "pdx home is in use")
	ErrDatasetExists   = errkind.New(errkind.Conflict, "dataset already exists")
	ErrDatasetNotFound = errkind.New(errkind.NotFound, "no such dataset")
	ErrBadDatasetName  = errkind.New(errkind.Usage, "invalid dataset name")
	ErrBadSalt         = errkind.New(errkind.Usage, "invalid dataset salt")
)

// ExistsError is returned by Init when dir already holds something.
type ExistsError struct {
	Dir   string
	Entry string // one entry found in Dir
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%v: %s already holds %q; pdx init never overwrites a home (use another --home, or move the old one away yourself)", ErrExists, e.Dir, e.Entry)
}

func (e *ExistsError) Unwrap() error { return ErrExists }

// Dir picks the home: flag when set, else $PDX_HOME (from environ, in
// os.Environ form), else ~/.pdx. The result is absolute.
func Dir(flag string, environ []string) (string, error) {
	dir := flag
	if dir == "" {
		for _, kv := range environ {
			if v, ok := strings.CutPrefix(kv, EnvHome+"="); ok && v != "" {
				dir = v
			}
		}
	}
	if dir == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("finding the pdx home: %w; set %s or pass --home", err, EnvHome)
		}
		dir = filepath.Join(h, DefaultDirName)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("finding the pdx home %q: %w", dir, err)
	}
	return abs, nil
}

// PublicKeys are the home's public identity, stored unencrypted in keys.json.
type PublicKeys struct {
	Version int            `json:"version"`
	Address common.Address `json:"address"`
	// VerifyingKey checks the owner's kfrag signatures (Umbral, 33 bytes).
	VerifyingKey hexutil.Bytes `json:"verifying_key"`
	// ReceivingKey is what others re-encrypt to when they grant this account.
	ReceivingKey hexutil.Bytes `json:"receiving_key"`
	Created      time.Time     `json:"created"`
}

// Verifying decodes the verifying key.
func (k PublicKeys) Verifying() (*reencrypt.PublicKey, error) {
	return reencrypt.PublicKeyFromBytes(k.VerifyingKey)
}

// Receiving decodes the receiving key.
func (k PublicKeys) Receiving() (*reencrypt.PublicKey, error) {
	return reencrypt.PublicKeyFromBytes(k.ReceivingKey)
}

// seedFile is seed.json.
type seedFile struct {
	Version int                 `json:"version"`
	Crypto  keystore.CryptoJSON `json:"crypto"`
}

// Option adjusts Init.
type Option func(*initOptions)

type initOptions struct {
	scryptN, scryptP int
	cfg              *config.Config
}

// WithInsecureLightScrypt encrypts with go-ethereum's light scrypt
// parameters (4 MB, a few milliseconds) instead of the standard ones (256 MB,
// about a second). It makes the passphrase far cheaper to guess, so it exists
// for tests only; the pdx command honours it only inside `go test` binaries.
func WithInsecureLightScrypt() Option {
	return func(o *initOptions) { o.scryptN, o.scryptP = keystore.LightScryptN, keystore.LightScryptP }
}

// WithConfig writes c as the new home's config.toml instead of the defaults.
func WithConfig(c *config.Config) Option {
	return func(o *initOptions) { o.cfg = c }
}

// Init creates a new home in dir, which must not exist or be empty: an
// Ethereum account, an encrypted master seed, the public keys, an API token,
// the default config and an empty datasets directory. Everything is built in
// a temporary directory beside dir and renamed into place at the end, so a
// failure or a crash leaves no half-made home, and a home that exists is
// refused (ErrExists) and left as it was.
func Init(dir, passphrase string, opts ...Option) (*Home, error) {
	o := initOptions{scryptN: keystore.StandardScryptN, scryptP: keystore.StandardScryptP, cfg: config.Default()}
	for _, f := range opts {
		f(&o)
	}
	if o.cfg == nil {
		o.cfg = config.Default()
	}
	if passphrase == "" {
		return nil, fmt.Errorf("%w: the passphrase protects the account key and the seed; choose a non-empty one", ErrEmptyPassphrase)
	}
	if err := o.cfg.Validate(); err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := checkEmpty(dir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return nil, fmt.Errorf("creating %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".init-*")
	if err != nil {
		return nil, fmt.Errorf("creating the home: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o700); err != nil {
		return nil, err
	}
	keys, err := populate(tmp, passphrase, o)
	if err != nil {
		return nil, err
	}
	if err := fsutil.SyncDir(tmp); err != nil {
		return nil, err
	}
	// An empty directory (made by hand, or by a service manager) becomes the
	// home: remove it, then rename. Go's os.Rename refuses to replace a
	// directory, so a home that appears meanwhile is never overwritten.
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		if isNotEmpty(err) {
			return nil, &ExistsError{Dir: dir, Entry: firstEntry(dir)}
		}
		return nil, fmt.Errorf("creating the home %s: %w", dir, err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if isNotEmpty(err) {
			return nil, &ExistsError{Dir: dir, Entry: firstEntry(dir)}
		}
		return nil, fmt.Errorf("creating the home %s: %w", dir, err)
	}
	committed = true
	if err := fsutil.SyncDir(parent); err != nil {
		return nil, err
	}
	return &Home{dir: dir, keys: *keys}, nil
}

// CheckAvailable reports whether Init could create a home in dir: nil when
// dir does not exist or is an empty directory, an *ExistsError otherwise.
// The pdx command calls it before asking for a passphrase.
func CheckAvailable(dir string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	return checkEmpty(dir)
}

func isNotEmpty(err error) bool {
	return errors.Is(err, syscall.ENOTEMPTY) || errors.Is(err, syscall.EEXIST) || errors.Is(err, fs.ErrExist)
}

func checkEmpty(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("checking %s: %w", dir, err)
	}
	if !fi.IsDir() {
		return &ExistsError{Dir: dir, Entry: "(a file, not a directory)"}
	}
	if e := firstEntry(dir); e != "" {
		return &ExistsError{Dir: dir, Entry: e}
	}
	return nil
}

func firstEntry(dir string) string {
	f, err := os.Open(dir)
	if err != nil {
		return ""
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// populate writes a complete home into dir.
func populate(dir, passphrase string, o initOptions) (*PublicKeys, error) {
	ksDir := filepath.Join(dir, KeystoreDir)
	acct, err := keystore.StoreKey(ksDir, passphrase, o.scryptN, o.scryptP)
	if err != nil {
		return nil, fmt.Errorf("creating the Ethereum account: %w", err)
	}
	if err := syncFile(acct.URL.Path); err != nil {
		return nil, err
	}
	if err := fsutil.SyncDir(ksDir); err != nil {
		return nil, err
	}

	seed := make([]byte, SeedSize)
	defer clear(seed)
	if _, err := rand.Read(seed); err != nil {
		return nil, fmt.Errorf("reading randomness for the seed: %w", err)
	}
	cj, err := keystore.EncryptDataV3(seed, []byte(passphrase), o.scryptN, o.scryptP)
	if err != nil {
		return nil, fmt.Errorf("encrypting the seed: %w", err)
	}
	if err := writeJSON(filepath.Join(dir, SeedFile), seedFile{Version: FormatVersion, Crypto: cj}); err != nil {
		return nil, err
	}

	f, err := reencrypt.NewSecretKeyFactory(seed)
	if err != nil {
		return nil, err
	}
	keys := &PublicKeys{
		Version:      FormatVersion,
		Address:      acct.Address,
		VerifyingKey: f.MakeKey([]byte(SigningLabel)).PublicKey().Bytes(),
		ReceivingKey: f.MakeKey([]byte(ReceivingLabel)).PublicKey().Bytes(),
		Created:      time.Now().UTC().Truncate(time.Second),
	}
	if err := writeJSON(filepath.Join(dir, KeysFile), keys); err != nil {
		return nil, err
	}

	if _, err := NewToken(filepath.Join(dir, TokenFile)); err != nil {
		return nil, err
	}
	cfg, err := config.Encode(o.cfg)
	if err != nil {
		return nil, err
	}
	if err := fsutil.WriteFileAtomic(filepath.Join(dir, config.FileName), cfg, 0o600); err != nil {
		return nil, fmt.Errorf("writing the config: %w", err)
	}
	if err := os.Mkdir(filepath.Join(dir, DatasetsDir), 0o700); err != nil {
		return nil, fmt.Errorf("creating the datasets directory: %w", err)
	}
	return keys, nil
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func writeJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := fsutil.WriteFileAtomic(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Base(path), err)
	}
	return nil
}

// NewToken writes a fresh API bearer token (32 random bytes, hex) to path
// with mode 0600 and returns it.
func NewToken(path string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("reading randomness for the API token: %w", err)
	}
	tok := hex.EncodeToString(b)
	if err := fsutil.WriteFileAtomic(path, []byte(tok+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("writing the API token: %w", err)
	}
	return tok, nil
}

// ReadToken reads the API bearer token at path.
func ReadToken(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("%w: no API token at %s; is this a pdx home (pdx init)?", ErrNotInitialized, path)
		}
		return "", err
	}
	tok := strings.TrimSpace(string(b))
	if len(tok) < 32 {
		return "", fmt.Errorf("%w: the API token in %s is shorter than 32 characters", ErrCorrupt, path)
	}
	return tok, nil
}

// Home is an existing home, opened without the passphrase: public keys,
// paths, config and dataset salts. It is safe for concurrent use.
type Home struct {
	dir  string
	keys PublicKeys
	mu   sync.Mutex // serialises dataset file updates within a process
}

// Load opens the home in dir without unlocking it.
func Load(dir string) (*Home, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(dir, KeysFile))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s: run `pdx init` to create one, or pass --home (or set %s) to use another", ErrNotInitialized, dir, EnvHome)
		}
		return nil, fmt.Errorf("reading %s: %w", KeysFile, err)
	}
	var keys PublicKeys
	if err := strictJSON(data, &keys); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, filepath.Join(dir, KeysFile), err)
	}
	if keys.Version != FormatVersion {
		return nil, fmt.Errorf("%w: %s has version %d; this pdx reads version %d", ErrCorrupt, KeysFile, keys.Version, FormatVersion)
	}
	if _, err := keys.Verifying(); err != nil {
		return nil, fmt.Errorf("%w: %s: verifying_key: %v", ErrCorrupt, KeysFile, err)
	}
	if _, err := keys.Receiving(); err != nil {
		return nil, fmt.Errorf("%w: %s: receiving_key: %v", ErrCorrupt, KeysFile, err)
	}
	return &Home{dir: dir, keys: keys}, nil
}

func strictJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// Dir is the home's absolute path.
func (h *Home) Dir() string { return h.dir }

// Keys are the home's public keys.
func (h *Home) Keys() PublicKeys { return h.keys }

// Path resolves a path from the config against the home.
func (h *Home) Path(p string) string { return config.Abs(h.dir, p) }

// ConfigPath is the home's config.toml.
func (h *Home) ConfigPath() string { return filepath.Join(h.dir, config.FileName) }

// LoadConfig loads the home's config.toml with environment overrides from
// environ (os.Environ form).
func (h *Home) LoadConfig(environ []string) (*config.Config, error) {
	return config.Load(h.ConfigPath(), environ)
}

// Unlocked is a home opened with its passphrase: the secrets the daemon
// signs and derives keys with. Call Close when done.
type Unlocked struct {
	*Home
	// Account signs Ethereum transactions and EIP-712 requests.
	Account *ecdsa.PrivateKey
	// Seed is the 32-byte master seed every Umbral key derives from.
	Seed []byte
	// Signing signs kfrags; its public key is Keys().VerifyingKey.
	Signing *reencrypt.SecretKey
	// Receiving opens what others re-encrypt to this account.
	Receiving *reencrypt.SecretKey
	factory   *reencrypt.SecretKeyFactory
}

// Open loads the home in dir and unlocks it with passphrase. A wrong
// passphrase is ErrBadPassphrase; keys that do not match keys.json are
// ErrCorrupt. Open takes no lock: a daemon calls Lock first.
func Open(dir, passphrase string) (*Unlocked, error) {
	h, err := Load(dir)
	if err != nil {
		return nil, err
	}
	return h.Unlock(passphrase)
}

// Unlock decrypts the home's secrets with passphrase.
func (h *Home) Unlock(passphrase string) (*Unlocked, error) {
	keyJSON, err := h.keystoreFile()
	if err != nil {
		return nil, err
	}
	key, err := keystore.DecryptKey(keyJSON, passphrase)
	if err != nil {
		if errors.Is(err, keystore.ErrDecrypt) {
			return nil, fmt.Errorf("%w for the pdx home %s: the account key does not decrypt with it", ErrBadPassphrase, h.dir)
		}
		return nil, fmt.Errorf("%w: the keystore file: %v", ErrCorrupt, err)
	}
	if key.Address != h.keys.Address {
		return nil, fmt.Errorf("%w: the keystore holds %s but %s says %s", ErrCorrupt, key.Address, KeysFile, h.keys.Address)
	}
	data, err := os.ReadFile(filepath.Join(h.dir, SeedFile))
	if err != nil {
		return nil, fmt.Errorf("%w: reading %s: %v", ErrCorrupt, SeedFile, err)
	}
	var sf seedFile
	if err := strictJSON(data, &sf); err != nil || sf.Version != FormatVersion {
		return nil, fmt.Errorf("%w: %s is not a version-%d seed file", ErrCorrupt, SeedFile, FormatVersion)
	}
	seed, err := keystore.DecryptDataV3(sf.Crypto, passphrase)
	if err != nil {
		if errors.Is(err, keystore.ErrDecrypt) {
			// The account key opened with this passphrase, so the seed file
			// was re-encrypted or swapped: damage, not a typo.
			return nil, fmt.Errorf("%w: %s does not decrypt with the passphrase that opens the account", ErrCorrupt, SeedFile)
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, SeedFile, err)
	}
	f, err := reencrypt.NewSecretKeyFactory(seed)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, SeedFile, err)
	}
	u := &Unlocked{
		Home:      h,
		Account:   key.PrivateKey,
		Seed:      seed,
		Signing:   f.MakeKey([]byte(SigningLabel)),
		Receiving: f.MakeKey([]byte(ReceivingLabel)),
		factory:   f,
	}
	if !bytes.Equal(u.Signing.PublicKey().Bytes(), h.keys.VerifyingKey) || !bytes.Equal(u.Receiving.PublicKey().Bytes(), h.keys.ReceivingKey) {
		return nil, fmt.Errorf("%w: the keys derived from %s differ from those in %s", ErrCorrupt, SeedFile, KeysFile)
	}
	return u, nil
}

// keystoreFile returns the one keystore file of the home's account.
func (h *Home) keystoreFile() ([]byte, error) {
	ksDir := filepath.Join(h.dir, KeystoreDir)
	entries, err := os.ReadDir(ksDir)
	if err != nil {
		return nil, fmt.Errorf("%w: reading %s: %v", ErrCorrupt, ksDir, err)
	}
	suffix := strings.ToLower(hex.EncodeToString(h.keys.Address[:]))
	var found []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(strings.ToLower(e.Name()), suffix) {
			found = append(found, e.Name())
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("%w: want one keystore file for %s in %s, found %d", ErrCorrupt, h.keys.Address, ksDir, len(found))
	}
	return os.ReadFile(filepath.Join(ksDir, found[0]))
}

// Address is the account's address.
func (u *Unlocked) Address() common.Address { return crypto.PubkeyToAddress(u.Account.PublicKey) }

// DatasetKey derives the delegating key of the dataset whose salt is salt:
// MakeKey("pdx/dataset/" + hex(salt)).
func (u *Unlocked) DatasetKey(salt []byte) (*reencrypt.SecretKey, error) {
	if len(salt) != SaltSize {
		return nil, fmt.Errorf("%w: want %d bytes, got %d", ErrBadSalt, SaltSize, len(salt))
	}
	if u.factory == nil {
		return nil, errors.New("home: the unlocked home is closed")
	}
	return u.factory.MakeKey([]byte(DatasetLabelPrefix + hex.EncodeToString(salt))), nil
}

// Close forgets the seed. The ecdsa key's scalar lives in a big.Int that Go
// cannot wipe reliably; dropping the references is the best it can do.
func (u *Unlocked) Close() {
	clear(u.Seed)
	u.Seed, u.factory, u.Account, u.Signing, u.Receiving = nil, nil, nil, nil, nil
}

// FieldLabelInfix joins a dataset's label and a field group's name in the
// group's key label (node/fieldsplit/FIELDS.md, "Keys").
const FieldLabelInfix = "/field/"

// FieldKey derives the delegating key of field group name of the dataset
// whose salt is salt: MakeKey("pdx/dataset/" + hex(salt) + "/field/" +
// name). Each group of a split version is sealed under its own key so that a
// grant can delegate some groups and not others; deriving it from the salt
// means erasing the dataset shreds every field key with it.
func (u *Unlocked) FieldKey(salt []byte, name string) (*reencrypt.SecretKey, error) {
	if len(salt) != SaltSize {
		return nil, fmt.Errorf("%w: want %d bytes, got %d", ErrBadSalt, SaltSize, len(salt))
	}
	if name == "" {
		return nil, errors.New("home: a field key needs the field's name")
	}
	if u.factory == nil {
		return nil, errors.New("home: the unlocked home is closed")
	}
	return u.factory.MakeKey([]byte(DatasetLabelPrefix + hex.EncodeToString(salt) + FieldLabelInfix + name)), nil
}
