package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"github.com/ipfs/boxo/path"
	"github.com/ipfs/go-cid"
	coreiface "github.com/ipfs/kubo/core/coreiface"
	"github.com/ipfs/kubo/core/coreiface/options"
	carv2 "github.com/ipld/go-car/v2"
	carstorage "github.com/ipld/go-car/v2/storage"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

// The import profile (IMPORT.md, version 1). Changing any of these changes
// the CID of every object, so they are constants, not settings.
const (
	ImportProfileVersion = 1
	importCidVersion     = 1
	importChunker        = "size-262144"
	importMaxLinks       = 174
	importHash           = "sha2-256"
)

// ImportOptions are the CoreAPI add options of the import profile, pinned
// under name: what kubo's own adder (`ipfs add` with IMPORT.md's flags)
// needs to store an object exactly as pdx does, with the same CID. pdx's
// embedded store does not use them (it assembles the same import with its
// leaves hashed ahead); the benchmarks compare it with kubo's adder.
func ImportOptions(name string) []options.UnixfsAddOption {
	return []options.UnixfsAddOption{
		options.Unixfs.CidVersion(importCidVersion),
		options.Unixfs.RawLeaves(true),
		options.Unixfs.Chunker(importChunker),
		options.Unixfs.MaxFileLinks(importMaxLinks),
		options.Unixfs.Layout(options.BalancedLayout),
		options.Unixfs.Inline(false),
		options.Unixfs.Pin(true, name),
	}
}

// coreStore holds the operations that are the same over any CoreAPI, in
// process or over RPC: pins, peers and CAR export. Embedded and Remote embed
// it and add what differs (add, reads, GC, lifecycle).
type coreStore struct {
	api    coreiface.CoreAPI
	closed atomic.Bool
}

func (s *coreStore) check(ctx context.Context, cids ...cid.Cid) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, c := range cids {
		if err := checkCID(c); err != nil {
			return err
		}
	}
	return nil
}

func (s *coreStore) Pin(ctx context.Context, c cid.Cid, name string) error {
	if err := s.check(ctx, c); err != nil {
		return err
	}
	err := s.api.Pin().Add(ctx, path.FromCid(c), options.Pin.Recursive(true), options.Pin.Name(name))
	if err != nil {
		return fetchError(ctx, c, err)
	}
	return nil
}

func (s *coreStore) Unpin(ctx context.Context, c cid.Cid) error {
	if err := s.check(ctx, c); err != nil {
		return err
	}
	err := s.api.Pin().Rm(ctx, path.FromCid(c), options.Pin.RmRecursive(true))
	if err != nil {
		if strings.Contains(err.Error(), "not pinned") {
			return fmt.Errorf("%w: %s has no recursive pin on this node (nothing to do)", ErrNotPinned, c)
		}
		return fmt.Errorf("storage: unpinning %s: %w", c, err)
	}
	return nil
}

func (s *coreStore) IsPinned(ctx context.Context, c cid.Cid) (bool, error) {
	if err := s.check(ctx, c); err != nil {
		return false, err
	}
	// Listing recursive pins only reads the pin set; asking IsPinned would
	// resolve the path first, which for content that is not on the node
	// waits for the network.
	pins, err := s.Pins(ctx)
	if err != nil {
		return false, err
	}
	for _, p := range pins {
		if p.CID.Equals(c) {
			return true, nil
		}
	}
	return false, nil
}

func (s *coreStore) Pins(ctx context.Context) ([]Pin, error) {
	if err := s.check(ctx); err != nil {
		return nil, err
	}
	ch := make(chan coreiface.Pin)
	errc := make(chan error, 1)
	go func() {
		errc <- s.api.Pin().Ls(ctx, ch, options.Pin.Ls.Recursive(), options.Pin.Ls.Detailed(true))
	}()
	var out []Pin
	for p := range ch {
		out = append(out, Pin{CID: p.Path().RootCid(), Name: p.Name()})
	}
	if err := <-errc; err != nil {
		return nil, fmt.Errorf("storage: listing pins: %w", err)
	}
	return out, nil
}

func (s *coreStore) Self(ctx context.Context) (peer.AddrInfo, error) {
	if err := s.check(ctx); err != nil {
		return peer.AddrInfo{}, err
	}
	k, err := s.api.Key().Self(ctx)
	if err != nil {
		return peer.AddrInfo{}, fmt.Errorf("storage: reading the node's identity: %w", err)
	}
	addrs, err := s.api.Swarm().LocalAddrs(ctx)
	if err != nil {
		return peer.AddrInfo{}, fmt.Errorf("storage: reading the node's addresses (is it online?): %w", err)
	}
	return peer.AddrInfo{ID: k.ID(), Addrs: addrs}, nil
}

func (s *coreStore) Connect(ctx context.Context, p peer.AddrInfo) error {
	if err := s.check(ctx); err != nil {
		return err
	}
	if p.ID == "" || len(p.Addrs) == 0 {
		return fmt.Errorf("%w: a peer needs an id and at least one address (got %v)", ErrInvalidPeer, p)
	}
	if err := s.api.Swarm().Connect(ctx, p); err != nil {
		return fmt.Errorf("storage: connecting to %s: %w", p, err)
	}
	return nil
}

// ParsePeer parses "/ip4/…/tcp/…/p2p/<peer id>" into a peer for Connect.
func ParsePeer(s string) (peer.AddrInfo, error) {
	a, err := ma.NewMultiaddr(strings.TrimSpace(s))
	if err != nil {
		return peer.AddrInfo{}, fmt.Errorf("%w: %q: %v; expected a multiaddr ending in /p2p/<peer id>", ErrInvalidPeer, s, err)
	}
	ai, err := peer.AddrInfoFromP2pAddr(a)
	if err != nil {
		return peer.AddrInfo{}, fmt.Errorf("%w: %q: %v; expected a multiaddr ending in /p2p/<peer id>", ErrInvalidPeer, s, err)
	}
	return *ai, nil
}

// ExportCAR walks each root's DAG depth first through the CoreAPI's DAG
// service (fetching blocks the node lacks, bounded by ctx) and streams the
// blocks into a CARv1. The walk holds one path of the DAG and the set of
// written CIDs in memory, never the data.
func (s *coreStore) ExportCAR(ctx context.Context, w io.Writer, roots ...cid.Cid) error {
	if len(roots) == 0 {
		return fmt.Errorf("%w: ExportCAR needs at least one root", ErrInvalidCID)
	}
	if err := s.check(ctx, roots...); err != nil {
		return err
	}
	car, err := carstorage.NewWritable(w, roots, carv2.WriteAsCarV1(true))
	if err != nil {
		return fmt.Errorf("storage: starting CAR: %w", err)
	}
	seen := make(map[cid.Cid]struct{})
	for _, root := range roots {
		stack := []cid.Cid{root}
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if _, ok := seen[c]; ok {
				continue
			}
			seen[c] = struct{}{}
			nd, err := s.api.Dag().Get(ctx, c)
			if err != nil {
				return fetchError(ctx, c, err)
			}
			if err := car.Put(ctx, c.KeyString(), nd.RawData()); err != nil {
				return fmt.Errorf("storage: writing CAR: %w", err)
			}
			links := nd.Links()
			// Push in reverse so blocks are written in DAG order.
			for i := len(links) - 1; i >= 0; i-- {
				stack = append(stack, links[i].Cid)
			}
		}
	}
	return nil
}

// limitReader fails the read that goes past max with ErrTooLarge and
// remembers it, because kubo wraps reader errors in its own messages.
type limitReader struct {
	r        io.Reader
	max, n   int64
	exceeded bool
	err      error // the input's own failure, if any
}

func newLimitReader(r io.Reader, max int64) *limitReader {
	return &limitReader{r: r, max: max}
}

func (l *limitReader) Read(p []byte) (int, error) {
	n, err := l.read(p)
	if err != nil && err != io.EOF && !l.exceeded {
		l.err = err
	}
	return n, err
}

func (l *limitReader) read(p []byte) (int, error) {
	if l.max <= 0 {
		n, err := l.r.Read(p)
		l.n += int64(n)
		return n, err
	}
	if l.n >= l.max {
		// Probe for one more byte: exactly max bytes is allowed.
		var one [1]byte
		n, err := l.r.Read(one[:])
		if n > 0 {
			l.exceeded = true
			return 0, l.tooLarge()
		}
		return 0, err
	}
	if rem := l.max - l.n; int64(len(p)) > rem {
		p = p[:rem]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}

func (l *limitReader) tooLarge() error {
	return fmt.Errorf("%w: more than the %d bytes allowed (AddOptions.MaxSize); nothing was pinned", ErrTooLarge, l.max)
}

// addError maps a failed Add. ctx is the caller's context.
func (l *limitReader) addError(ctx context.Context, err error) error {
	switch {
	case l.exceeded:
		return l.tooLarge()
	case errors.Is(err, ErrClosed):
		return err
	case l.err != nil:
		return fmt.Errorf("storage: reading the input failed after %d bytes, nothing was pinned: %w", l.n, l.err)
	case ctx.Err() != nil:
		return fmt.Errorf("storage: add interrupted after %d bytes, nothing was pinned: %w", l.n, ctx.Err())
	}
	return fmt.Errorf("storage: add failed after %d bytes, nothing was pinned: %w", l.n, err)
}

// rangeCheck validates a range against the object's size and returns the
// length actually readable.
func rangeCheck(c cid.Cid, size, offset, length int64) (int64, error) {
	if offset < 0 || length < 0 {
		return 0, fmt.Errorf("%w: offset %d, length %d: both must be ≥ 0", ErrInvalidRange, offset, length)
	}
	if offset > size {
		return 0, fmt.Errorf("%w: offset %d is past the end of %s (%d bytes)", ErrInvalidRange, offset, c, size)
	}
	return min(length, size-offset), nil
}
