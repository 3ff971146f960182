package storage

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ipfs/boxo/blockservice"
	bstore "github.com/ipfs/boxo/blockstore"
	"github.com/ipfs/boxo/files"
	"github.com/ipfs/boxo/filestore"
	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
	"github.com/ipfs/kubo/config"
	"github.com/ipfs/kubo/core/coreunix"
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
// under name, as the CoreAPI's Unixfs().Add with importOptions does, and
// with the same result (the same blocks, CID and pin); the difference is
// that the leaves are read ahead and hashed on other goroutines
// (leafHasher), where kubo's importer hashes each one in turn on its own.
// The steps below are those of the CoreAPI's add for a single file: a
// blockstore that takes the GC lock, kubo's adder (which pins with the lock
// held), and a sync of the block datastore before the pin is written.
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
	bserv := blockservice.New(gcbs, n.Exchange,
		blockservice.WriteThrough(cfg.Datastore.WriteThrough.WithDefault(config.DefaultWriteThrough)))
	ds := &syncDAG{
		DAGService: merkledag.NewDAGService(bserv),
		sync: func() error {
			rds := n.Repo.Datastore()
			if err := rds.Sync(ctx, bstore.BlockPrefix); err != nil {
				return err
			}
			return rds.Sync(ctx, filestore.FilestorePrefix)
		},
	}
	adder, err := coreunix.NewAdder(ctx, n.Pinning, gcbs, ds)
	if err != nil {
		return cid.Undef, err
	}
	adder.Chunker = importChunker
	adder.RawLeaves = true
	adder.MaxLinks = importMaxLinks
	adder.CidBuilder = lh.Builder(prefix)
	adder.Pin, adder.PinName = true, name
	nd, err := adder.AddAllAndPin(ctx, files.NewReaderFile(lh))
	if err != nil {
		return cid.Undef, err
	}
	return nd.Cid(), nil
}

// syncDAG is a DAG service whose Sync (which kubo's adder calls before it
// pins) flushes the block datastore.
type syncDAG struct {
	ipld.DAGService
	sync func() error
}

func (s *syncDAG) Sync() error { return s.sync() }
