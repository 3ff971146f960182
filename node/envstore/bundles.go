package envstore

import (
	"context"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/storage"
)

// Bundles fetches kfrag bundles from an IPFS node: a bundle is one raw
// block whose CID the digest in a Granted event determines. Proxies read a
// grant's kfrag from it and brands the proxies a grant was sealed to, so it
// lives here beside the envelopes rather than with either of them.
type Bundles struct{ S storage.Store }

// maxBundle bounds a bundle read: 255 proxies make 96,488 bytes.
const maxBundle = 128 << 10

// Bundle returns the bundle block with this sha2-256 digest, exactly its
// bytes; it implements the proxy server's BundleSource.
func (b Bundles) Bundle(ctx context.Context, digest common.Hash) ([]byte, error) {
	c, err := cid.Cast(acl.BundleCID(digest))
	if err != nil {
		return nil, err
	}
	r, err := b.S.Get(ctx, c)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, maxBundle+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxBundle {
		return nil, fmt.Errorf("proxy: bundle %s is over %d bytes", c, maxBundle)
	}
	return data, nil
}
