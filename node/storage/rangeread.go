package storage

import (
	"context"
	"fmt"
	"io"

	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
)

// Size and GetRange walk the UnixFS DAG themselves through the CoreAPI's
// DAG service, the same way for both implementations. kubo's file readers
// read ahead (a window of following leaves), which is right for a whole
// file but fetches blocks a range never needs; the walk here descends only
// into children whose recorded byte span overlaps the range, so a range
// read fetches the root, the interior nodes on the way and exactly the
// leaves that hold the bytes.

// fileNode fetches c and checks that it is a UnixFS file or a raw leaf.
func (s *coreStore) fileNode(ctx context.Context, c cid.Cid) (ipld.Node, int64, error) {
	nd, err := s.api.Dag().Get(ctx, c)
	if err != nil {
		return nil, 0, fetchError(ctx, c, err)
	}
	size, err := fileSize(nd)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %s: %v", ErrNotAFile, c, err)
	}
	return nd, size, nil
}

func fileSize(nd ipld.Node) (int64, error) {
	switch nd := nd.(type) {
	case *merkledag.RawNode:
		return int64(len(nd.RawData())), nil
	case *merkledag.ProtoNode:
		fsn, err := unixfs.FSNodeFromBytes(nd.Data())
		if err != nil {
			return 0, fmt.Errorf("not UnixFS: %v", err)
		}
		if t := fsn.Type(); t != unixfs.TFile && t != unixfs.TRaw {
			return 0, fmt.Errorf("UnixFS node of type %s, not a file; pdx objects are single files", t)
		}
		return int64(fsn.FileSize()), nil
	default:
		return 0, fmt.Errorf("codec 0x%x is not UnixFS", nd.Cid().Type())
	}
}

func (s *coreStore) Size(ctx context.Context, c cid.Cid) (int64, error) {
	if err := s.check(ctx, c); err != nil {
		return 0, err
	}
	_, size, err := s.fileNode(ctx, c)
	return size, err
}

func (s *coreStore) GetRange(ctx context.Context, c cid.Cid, offset, length int64) (io.ReadCloser, error) {
	if err := s.check(ctx, c); err != nil {
		return nil, err
	}
	if offset < 0 || length < 0 {
		return nil, fmt.Errorf("%w: offset %d, length %d: both must be ≥ 0", ErrInvalidRange, offset, length)
	}
	root, size, err := s.fileNode(ctx, c)
	if err != nil {
		return nil, err
	}
	n, err := rangeCheck(c, size, offset, length)
	if err != nil {
		return nil, err
	}
	// The walk writes into a pipe, so it runs only as fast as the caller
	// reads and holds one block at a time; closing the reader stops it.
	wctx, cancel := context.WithCancel(ctx)
	r, pw := io.Pipe()
	go func() {
		err := s.writeRange(wctx, c, root, 0, offset, offset+n, pw)
		if err != nil {
			err = fetchError(ctx, c, err)
		}
		pw.CloseWithError(err)
	}()
	return &pipeReader{r: r, cancel: cancel}, nil
}

// writeRange writes the bytes of nd (which starts at file offset start)
// that fall in [from, to).
func (s *coreStore) writeRange(ctx context.Context, c cid.Cid, nd ipld.Node, start, from, to int64, w io.Writer) error {
	emit := func(data []byte, at int64) error {
		lo, hi := max(at, from), min(at+int64(len(data)), to)
		if lo >= hi {
			return nil
		}
		_, err := w.Write(data[lo-at : hi-at])
		return err
	}
	switch nd := nd.(type) {
	case *merkledag.RawNode:
		return emit(nd.RawData(), start)
	case *merkledag.ProtoNode:
		fsn, err := unixfs.FSNodeFromBytes(nd.Data())
		if err != nil {
			return fmt.Errorf("%w: block %s of %s is not UnixFS: %v", ErrNotAFile, nd.Cid(), c, err)
		}
		data := fsn.Data()
		if err := emit(data, start); err != nil {
			return err
		}
		pos := start + int64(len(data))
		links := nd.Links()
		if fsn.NumChildren() != len(links) {
			return fmt.Errorf("storage: block %s of %s is corrupt: %d links but %d block sizes", nd.Cid(), c, len(links), fsn.NumChildren())
		}
		for i, l := range links {
			if pos >= to {
				break
			}
			span := int64(fsn.BlockSize(i))
			if pos+span > from {
				child, err := s.api.Dag().Get(ctx, l.Cid)
				if err != nil {
					return err
				}
				if err := s.writeRange(ctx, c, child, pos, from, to, w); err != nil {
					return err
				}
			}
			pos += span
		}
		return nil
	default:
		return fmt.Errorf("%w: block %s of %s has codec 0x%x", ErrNotAFile, nd.Cid(), c, nd.Cid().Type())
	}
}

type pipeReader struct {
	r      *io.PipeReader
	cancel context.CancelFunc
}

func (p *pipeReader) Read(b []byte) (int, error) { return p.r.Read(b) }

func (p *pipeReader) Close() error {
	p.cancel()
	return p.r.Close()
}
