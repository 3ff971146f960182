package main

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/internal/cli"
)

// loadKeyFile reads an account key file named by flag. A careful operator
// makes a key file root's and 0600, which the images' unprivileged user
// cannot read: that is said as it is, with the uid that must read it,
// instead of the decoder's "want 64 hex digits", which sends one looking
// for a bad key.
func loadKeyFile(flag, path string) (*ecdsa.PrivateKey, error) {
	k, err := crypto.LoadECDSA(path)
	switch {
	case err == nil:
		return k, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, cli.Mark(fmt.Errorf("%s %s: the key file does not exist", flag, path), cli.ErrNotFound)
	case errors.Is(err, fs.ErrPermission):
		uid := os.Getuid()
		return nil, cli.Mark(fmt.Errorf("%s %s: cannot read the key file (permission denied): it must be readable by uid %d, the user pdx runs as (chown %d %s; chmod 0400 %s)", flag, path, uid, uid, path, path), cli.ErrConfig)
	}
	return nil, cli.Mark(fmt.Errorf("%s %s: want 64 hex digits of a secp256k1 private key: %v", flag, path, err), cli.ErrUsage)
}
