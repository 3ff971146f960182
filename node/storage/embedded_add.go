package storage

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ipfs/boxo/blockservice"
	bstore "github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/filestore"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs/importer/balanced"
	ihelper "github.com/ipfs/boxo/ipld/unixfs/importer/helpers"
	pin "github.com/ipfs/boxo/pinning/pinner"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/ipfs/kubo/config"
	mh "github.com/multiformats/go-multihash"
)

// importChunkSize is the leaf size of importChunker ("size-262144").
var importChunkSize = func() int {
	n, err := strconv.Atoi(strings.TrimPrefix(importChunker, "size-"))
	if err != nil {
		panic("storage: importChunker is not size-N: " + importChunker)
	}
	return n
}()

// add imports r into the embedded node with the import profile and pins it
// under name. The result is that of the CoreAPI's Unixfs().Add with
// ImportOptions (the same blocks, CID and pin), assembled from the same
// parts as kubo's adder for a single file: boxo's balanced importer over
// a buffered DAG service, the GC lock held from the first block to the
// pin, a sync of the block datastore before the pin is written, and a
// recursive named pin, flushed. What differs is the chunker: leafHasher
// reads the leaves ahead and hashes them on other goroutines, and hands
// them to the importer without a copy. kubo's adder would also place the
// file in an in-memory directory (it may wrap several files), which a
// single file does not need.
func (e *Embedded) add(ctx context.Context, r io.Reader, name string) (cid.Cid, error) {
	n := e.node
	cfg, err := n.Repo.Config()
	if err != nil {
		return cid.Undef, err
	}
	prefix, err := merkledag.PrefixForCidVersion(importCidVersion)
	if err != nil {
		return cid.Undef, err
	}
	code, ok := mh.Names[importHash]
	if !ok {
		return cid.Undef, fmt.Errorf("storage: unknown import hash %q", importHash)
	}
	prefix.MhType, prefix.MhLength = code, -1

	lh := newLeafHasher(r, importChunkSize, leafHashWorkers())
	defer func() {
		lh.close()
		e.leavesPrehashed.Add(lh.hits)
		e.leavesRehashed.Add(lh.misses)
	}()

	gcbs := bstore.NewGCBlockstore(n.BaseBlocks, n.Blockstore)
	// No garbage collection between the first block and the pin.
	defer gcbs.PinLock(ctx).Unlock(ctx)
	bserv := blockservice.New(gcbs, n.Exchange,
		blockservice.WriteThrough(cfg.Datastore.WriteThrough.WithDefault(config.DefaultWriteThrough)))
	dag := merkledag.NewDAGService(bserv)
	buffered := ipld.NewBufferedDAG(ctx, dag, ipld.MaxSizeBatchOption(importBatchBytes))
	db, err := (&ihelper.DagBuilderParams{
		Dagserv:    buffered,
		RawLeaves:  true,
		Maxlinks:   importMaxLinks,
		CidBuilder: lh.Builder(prefix),
	}).New(lh)
	if err != nil {
		return cid.Undef, err
	}
	nd, err := balanced.Layout(db)
	if err != nil {
		return cid.Undef, err
	}
	if err := buffered.Commit(); err != nil {
		return cid.Undef, err
	}
	rds := n.Repo.Datastore()
	if err := rds.Sync(ctx, bstore.BlockPrefix); err != nil {
		return cid.Undef, err
	}
	if err := rds.Sync(ctx, filestore.FilestorePrefix); err != nil {
		return cid.Undef, err
	}
	if err := n.Pinning.PinWithMode(ctx, nd.Cid(), pin.Recursive, name); err != nil {
		return cid.Undef, err
	}
	if err := n.Pinning.Flush(ctx); err != nil {
		return cid.Undef, err
	}
	return nd.Cid(), nil
}

// importBatchBytes is how many bytes of blocks the importer buffers before
// handing them to the blockstore, over all batches being written at once
// (kubo's default is 8 MiB).
const importBatchBytes = 8 << 20
