package proxy

import (
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/internal/fsutil"
)

// Files of a proxy's state directory besides the Proxy's own (grants/,
// receipts/, hpke/): kept here so that pdx proxy and the daemon's local
// proxies lay their directories out alike.
const (
	AccountKeyFile = "proxy.key" // the proxy's Ethereum account key, hex
	CursorFile     = "cursor"    // the event follower's position (acl/spec/cursor-v2.md)
)

// AccountKey reads the proxy's account key from <dir>/proxy.key, creating
// it (0600, written durably) on first start. The caller holds the
// directory's lock, so no other proxy races the creation. A file that is
// not a key is reported as ErrKeyFile.
func AccountKey(dir string) (*ecdsa.PrivateKey, error) {
	path := filepath.Join(dir, AccountKeyFile)
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, err
		}
		if err := fsutil.WriteFileAtomic(path, []byte(hex.EncodeToString(crypto.FromECDSA(k))+"\n"), 0o600); err != nil {
			return nil, fmt.Errorf("writing %s: %w", path, err)
		}
		return k, nil
	}
	if err != nil {
		return nil, err
	}
	b, err := hex.DecodeString(strings.TrimSpace(string(raw)))
	if err != nil {
		return nil, kinded(ErrKeyFile, fmt.Errorf("%s is not hex: %v", path, err))
	}
	k, err := crypto.ToECDSA(b)
	if err != nil {
		return nil, kinded(ErrKeyFile, fmt.Errorf("%s is not a secp256k1 private key: %v", path, err))
	}
	return k, nil
}
