package storage

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"

	chunker "github.com/ipfs/boxo/chunker"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs/importer/balanced"
	h "github.com/ipfs/boxo/ipld/unixfs/importer/helpers"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
	mh "github.com/multiformats/go-multihash"
)

// CIDOf computes the CID that Add gives r under the import profile
// (IMPORT.md) without an IPFS node and without keeping any block: what
// `ipfs add --only-hash` with the profile's flags prints. It lets anyone
// check that a file is the content of a CID (pdx verify) on a machine with
// no node running. It also returns the SHA-256 of the bytes read, which a
// public version's fingerprint is (node/service/PUBLIC.md), so one pass
// over the file gives both.
func CIDOf(ctx context.Context, r io.Reader) (cid.Cid, [32]byte, error) {
	sum := sha256.New()
	spl, err := chunker.FromString(io.TeeReader(ctxReader{ctx, r}, sum), importChunker)
	if err != nil {
		return cid.Undef, [32]byte{}, err
	}
	prefix, err := merkledag.PrefixForCidVersion(importCidVersion)
	if err != nil {
		return cid.Undef, [32]byte{}, err
	}
	prefix.MhType = mh.SHA2_256
	prefix.MhLength = -1
	params := h.DagBuilderParams{
		Maxlinks:   importMaxLinks,
		RawLeaves:  true,
		CidBuilder: &prefix,
		Dagserv:    discard{},
	}
	db, err := params.New(spl)
	if err != nil {
		return cid.Undef, [32]byte{}, err
	}
	nd, err := balanced.Layout(db)
	if err != nil {
		return cid.Undef, [32]byte{}, fmt.Errorf("storage: hashing: %w", err)
	}
	var digest [32]byte
	copy(digest[:], sum.Sum(nil))
	return nd.Cid(), digest, nil
}

// ctxReader ends a read when its context does.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// discard is a DAG service that keeps nothing: the balanced layout only
// adds nodes, so computing a root needs no storage.
type discard struct{}

func (discard) Get(context.Context, cid.Cid) (ipld.Node, error) { return nil, ipld.ErrNotFound{} }
func (discard) GetMany(context.Context, []cid.Cid) <-chan *ipld.NodeOption {
	ch := make(chan *ipld.NodeOption)
	close(ch)
	return ch
}
func (discard) Add(context.Context, ipld.Node) error        { return nil }
func (discard) AddMany(context.Context, []ipld.Node) error  { return nil }
func (discard) Remove(context.Context, cid.Cid) error       { return nil }
func (discard) RemoveMany(context.Context, []cid.Cid) error { return nil }
