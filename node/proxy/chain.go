package proxy

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/common"
)

// Chain is what a proxy reads from the Registry. acl's registry client
// implements it over any Ethereum JSON-RPC endpoint.
type Chain interface {
	// BlockNumber is the latest block.
	BlockNumber(ctx context.Context) (uint64, error)
	// IsAuthorized is the Registry's view at the latest block.
	IsAuthorized(ctx context.Context, dataset uint64, grantee common.Address) (bool, error)
	// GrantOf is the stored grant (expiry 0 when there is none).
	GrantOf(ctx context.Context, dataset uint64, grantee common.Address) (expiry uint64, threshold uint8, err error)
	// Dataset returns a dataset's owner, erased flag and delegating key;
	// ErrUnknownDataset when it does not exist.
	Dataset(ctx context.Context, dataset uint64) (DatasetInfo, error)
	// Keys returns an account's registered Umbral receiving and verifying
	// keys (33 bytes each; empty when it registered none).
	Keys(ctx context.Context, account common.Address) (receiving, verifying []byte, err error)
}

// DatasetInfo is a dataset as the Registry records it.
type DatasetInfo struct {
	Owner         common.Address
	Erased        bool
	DelegatingKey []byte
}

// ErrUnknownDataset is returned by Chain.Dataset for an id never created.
var ErrUnknownDataset = errors.New("unknown dataset")

// BundleSource fetches a kfrag bundle by the sha2-256 digest the Granted
// event names (the bundle is one raw IPFS block; its CID is derived from the
// digest). Implementations must return exactly the block's bytes.
type BundleSource interface {
	Bundle(ctx context.Context, digest common.Hash) ([]byte, error)
}
