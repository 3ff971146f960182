package acl

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"math/big"

	"github.com/pdx-network/pdx/contracts/bindings"
)

// Event is one Registry event, decoded.
type Event struct {
	// Name is the event's name in the ABI ("Granted", "Revoked", ...).
	Name  string
	Block uint64
	Tx    common.Hash
	Index uint
	// Value is the typed event from the bindings: *bindings.RegistryGranted,
	// *bindings.RegistryRevoked, ... (one per event of the contract).
	Value any
	// Log is the log the event was decoded from (nil for an Event made by
	// hand): what an index stores to decode again later.
	Log *types.Log
}

// ErrUnknownEvent: a log of the Registry's address matches no event of its ABI.
var ErrUnknownEvent = errors.New("acl: log matches no Registry event")

// DecodeLog decodes one Registry log.
func DecodeLog(reg *bindings.Registry, l *types.Log) (Event, error) {
	if len(l.Topics) == 0 {
		return Event{}, fmt.Errorf("%w: no topics (block %d, index %d)", ErrUnknownEvent, l.BlockNumber, l.Index)
	}
	a := reg.GetABI()
	ev, err := a.EventByID(l.Topics[0])
	if err != nil {
		return Event{}, fmt.Errorf("%w: topic %s (block %d, index %d)", ErrUnknownEvent, l.Topics[0].Hex(), l.BlockNumber, l.Index)
	}
	var v any
	switch ev.Name {
	case "KeysRegistered":
		v, err = reg.UnpackKeysRegisteredEvent(l)
	case "DatasetCreated":
		v, err = reg.UnpackDatasetCreatedEvent(l)
	case "CIDAdded":
		v, err = reg.UnpackCIDAddedEvent(l)
	case "KeyRotated":
		v, err = reg.UnpackKeyRotatedEvent(l)
	case "Granted":
		v, err = reg.UnpackGrantedEvent(l)
	case "GrantedVia":
		v, err = reg.UnpackGrantedViaEvent(l)
	case "Revoked":
		v, err = reg.UnpackRevokedEvent(l)
	case "Erased":
		v, err = reg.UnpackErasedEvent(l)
	case "ProxyRegistered":
		v, err = reg.UnpackProxyRegisteredEvent(l)
	case "Offered":
		v, err = reg.UnpackOfferedEvent(l)
	case "OfferWithdrawn":
		v, err = reg.UnpackOfferWithdrawnEvent(l)
	case "Purchased":
		v, err = reg.UnpackPurchasedEvent(l)
	case "Released":
		v, err = reg.UnpackReleasedEvent(l)
	case "Refunded":
		v, err = reg.UnpackRefundedEvent(l)
	case "Withdrawn":
		v, err = reg.UnpackWithdrawnEvent(l)
	case "Published":
		v, err = reg.UnpackPublishedEvent(l)
	case "Unpublished":
		v, err = reg.UnpackUnpublishedEvent(l)
	case "CampaignCreated":
		v, err = reg.UnpackCampaignCreatedEvent(l)
	case "CampaignJoined":
		v, err = reg.UnpackCampaignJoinedEvent(l)
	case "CampaignClosed":
		v, err = reg.UnpackCampaignClosedEvent(l)
	default:
		return Event{}, fmt.Errorf("%w: %s has no decoder in this client", ErrUnknownEvent, ev.Name)
	}
	if err != nil {
		return Event{}, fmt.Errorf("acl: decoding %s (block %d, index %d): %w", ev.Name, l.BlockNumber, l.Index, err)
	}
	return Event{Name: ev.Name, Block: l.BlockNumber, Tx: l.TxHash, Index: l.Index, Value: v, Log: l}, nil
}

// Cursor persists where a Follower is: the next block to read. The caller
// owns it (a file, a database row); a Follower only loads it once and stores
// it after each fully handled batch.
type Cursor interface {
	// Load returns the next block to read, and false when nothing was stored.
	Load(ctx context.Context) (next uint64, ok bool, err error)
	// Store records the next block to read.
	Store(ctx context.Context, next uint64) error
}

// MemoryCursor is a Cursor in memory (tests, or callers that persist the
// number themselves through Next).
type MemoryCursor struct {
	next uint64
	hash common.Hash
	ok   bool
}

// Load implements Cursor.
func (m *MemoryCursor) Load(context.Context) (uint64, bool, error) { return m.next, m.ok, nil }

// Store implements Cursor.
func (m *MemoryCursor) Store(_ context.Context, next uint64) error {
	m.next, m.hash, m.ok = next, common.Hash{}, true
	return nil
}

// Position is where a Follower is, with the block that got it there: Next
// is the next block to read and Hash the hash of block Next-1 as it was
// read, so that a follower resuming after a restart notices a reorg of it
// (Follower.Poll). A zero Hash is unknown (a cursor of version 1).
type Position struct {
	Next uint64
	Hash common.Hash
}

// BlockCursor is a Cursor that also keeps the hash of the last block
// handled (FileCursor, MemoryCursor). A Follower whose source reads headers
// stores it after each batch and, on resuming, compares it with the chain.
type BlockCursor interface {
	Cursor
	// LoadPosition returns the stored position, and false when nothing
	// was stored; a position stored without a hash has a zero Hash.
	LoadPosition(ctx context.Context) (Position, bool, error)
	// StorePosition records the position.
	StorePosition(ctx context.Context, p Position) error
}

// LoadPosition implements BlockCursor.
func (m *MemoryCursor) LoadPosition(context.Context) (Position, bool, error) {
	return Position{Next: m.next, Hash: m.hash}, m.ok, nil
}

// StorePosition implements BlockCursor.
func (m *MemoryCursor) StorePosition(_ context.Context, p Position) error {
	m.next, m.hash, m.ok = p.Next, p.Hash, true
	return nil
}

// FileCursor is a BlockCursor in a small text file (format:
// spec/cursor-v2.md; a file of version 1, spec/cursor-v1.md, is still read
// and is written as version 2 by the next StorePosition):
//
//	pdx-acl-cursor/2 <registry address> <next block> <hash of block next-1>\n
//
// The Registry address guards against resuming one contract's cursor on
// another; the hash lets a restarted follower notice that the block it
// stopped after is no longer on the chain. Writes go to a temporary file
// that is synced and renamed over the old one, so a crash leaves either
// the old or the new cursor.
type FileCursor struct {
	Path     string
	Registry common.Address
}

const (
	cursorMagic   = "pdx-acl-cursor/1"
	cursorMagicV2 = "pdx-acl-cursor/2"
)

// ErrCursor: a cursor file is malformed or belongs to another Registry.
var ErrCursor = errors.New("acl: bad cursor file")

// Load implements Cursor.
func (f *FileCursor) Load(ctx context.Context) (uint64, bool, error) {
	p, ok, err := f.LoadPosition(ctx)
	return p.Next, ok, err
}

// LoadPosition implements BlockCursor.
func (f *FileCursor) LoadPosition(context.Context) (Position, bool, error) {
	b, err := os.ReadFile(f.Path)
	if errors.Is(err, os.ErrNotExist) {
		return Position{}, false, nil
	}
	if err != nil {
		return Position{}, false, fmt.Errorf("acl: reading cursor: %w", err)
	}
	return ParseCursorPosition(b, f.Registry)
}

// ParseCursor parses the content of a cursor file (version 1 or 2) for the
// given Registry and returns its next block.
func ParseCursor(b []byte, registry common.Address) (uint64, bool, error) {
	p, ok, err := ParseCursorPosition(b, registry)
	return p.Next, ok, err
}

// ParseCursorPosition parses the content of a cursor file for the given
// Registry: version 2 (spec/cursor-v2.md), or version 1
// (spec/cursor-v1.md), whose position has a zero Hash.
func ParseCursorPosition(b []byte, registry common.Address) (Position, bool, error) {
	line, ok := bytes.CutSuffix(b, []byte("\n"))
	if !ok {
		return Position{}, false, fmt.Errorf("%w: no final newline (truncated?)", ErrCursor)
	}
	fields := strings.Split(string(line), " ")
	switch {
	case len(fields) == 3 && fields[0] == cursorMagic:
	case len(fields) == 4 && fields[0] == cursorMagicV2:
	default:
		return Position{}, false, fmt.Errorf("%w: want %q <address> <block> <hash> (or %q <address> <block>)", ErrCursor, cursorMagicV2, cursorMagic)
	}
	if !common.IsHexAddress(fields[1]) {
		return Position{}, false, fmt.Errorf("%w: %q is not an address", ErrCursor, fields[1])
	}
	if got := common.HexToAddress(fields[1]); got != registry {
		return Position{}, false, fmt.Errorf("%w: it follows Registry %s, not %s; remove it to start over", ErrCursor, got.Hex(), registry.Hex())
	}
	n, err := strconv.ParseUint(fields[2], 10, 64)
	if err != nil || (len(fields[2]) > 1 && fields[2][0] == '0') {
		return Position{}, false, fmt.Errorf("%w: block %q is not a decimal number", ErrCursor, fields[2])
	}
	p := Position{Next: n}
	if len(fields) == 4 {
		h := fields[3]
		if len(h) != 66 || h[:2] != "0x" || !isHex(h[2:]) {
			return Position{}, false, fmt.Errorf("%w: %q is not a block hash (0x and 64 hex digits)", ErrCursor, h)
		}
		p.Hash = common.HexToHash(h)
		switch {
		case n == 0:
			return Position{}, false, fmt.Errorf("%w: block 0 has no block before it to hold a hash of", ErrCursor)
		case p.Hash == (common.Hash{}):
			return Position{}, false, fmt.Errorf("%w: the zero hash names no block", ErrCursor)
		}
	}
	return p, true, nil
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// FormatCursor is the content of a cursor file of version 1: a position
// without the hash of its block.
func FormatCursor(registry common.Address, next uint64) []byte {
	return fmt.Appendf(nil, "%s %s %d\n", cursorMagic, registry.Hex(), next)
}

// FormatCursorPosition is the content of a cursor file of p: version 2,
// or version 1 when p has no hash (or no block before Next to hold one).
func FormatCursorPosition(registry common.Address, p Position) []byte {
	if p.Hash == (common.Hash{}) || p.Next == 0 {
		return FormatCursor(registry, p.Next)
	}
	return fmt.Appendf(nil, "%s %s %d %s\n", cursorMagicV2, registry.Hex(), p.Next, p.Hash.Hex())
}

// Store implements Cursor: a position without a hash (version 1).
func (f *FileCursor) Store(ctx context.Context, next uint64) error {
	return f.StorePosition(ctx, Position{Next: next})
}

// StorePosition implements BlockCursor.
func (f *FileCursor) StorePosition(_ context.Context, p Position) error {
	dir := filepath.Dir(f.Path)
	tmp, err := os.CreateTemp(dir, ".cursor-*")
	if err != nil {
		return fmt.Errorf("acl: storing cursor: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(FormatCursorPosition(f.Registry, p)); err != nil {
		tmp.Close()
		return fmt.Errorf("acl: storing cursor: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("acl: storing cursor: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("acl: storing cursor: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.Path); err != nil {
		return fmt.Errorf("acl: storing cursor: %w", err)
	}
	return nil
}

// LogSource is what a Follower needs from a node: eth_getLogs and
// eth_blockNumber, both plain request/response calls that work over HTTP.
type LogSource interface {
	ethereum.LogFilterer
	BlockNumber(ctx context.Context) (uint64, error)
}

// Follower delivers the Registry's events in chain order by polling
// eth_getLogs over block ranges, and resumes from its Cursor after a
// restart. Delivery is at least once: the cursor moves after each batch has
// been handled, so a crash inside a batch replays that batch.
type Follower struct {
	src      LogSource
	registry common.Address
	cursor   Cursor
	reg      *bindings.Registry
	logs     *logReader

	// Start is the first block read when the cursor is empty (the deploy
	// block is a good choice).
	Start uint64
	// Batch is the blocks one eth_getLogs covers (default
	// DefaultLogRange; config key chain.log_range), widened over sparse
	// stretches up to 64 times: public endpoints cap the range, and one
	// that refuses a window narrows it (logReader).
	Batch uint64
	// Confirmations holds back the newest blocks: an event in block b is
	// handed over once the head is at least b+Confirmations, so a reorg
	// that replaces at most Confirmations blocks cannot take back an event
	// already handed over (the handler's effects, a grant made or kfrags
	// taken, cannot be taken back either). A deeper reorg can. Default 0:
	// a dev chain does not reorganize; on a public chain use a depth its
	// reorgs do not reach (config key chain.confirmations).
	Confirmations uint64
	// Interval is Run's pause between polls that found nothing new (default 1s).
	Interval time.Duration
	// Proxy, when set, makes the follower read for that proxy alone: of
	// the grants only the GrantedVia events naming it (never a Granted:
	// the network's other grants are not fetched at all), and of the rest
	// only Revoked and Erased, the events that end a grant. A proxy's
	// catch-up then costs its own grants, not the network's.
	Proxy common.Address
	// ProxyDatasets, with Proxy set, narrows the Revoked and Erased read
	// to the datasets it returns (those the proxy holds grants of) and
	// those of the window's grants naming the proxy, MaxTopicList to a
	// query: the network's other revocations and erasures are not fetched
	// either. It is asked once per window, after the window's grants are
	// read. Nil: every Revoked and Erased is read.
	ProxyDatasets func() []uint64
	// Events, when not empty (and Proxy is not set), are the only events
	// asked for, by name ("Purchased"): a follower that acts on one kind
	// need not read the rest of the network's. A name the Registry does not
	// have fails Poll.
	Events []string
	// Topics, when set (and Proxy is not), makes the follower read with
	// topic filters of the caller's making, in stages over each window of
	// blocks: Topics(0, nil) is the first query's filter (it must not be
	// nil), and for stage 1, 2, … the follower asks Topics(stage, read)
	// with the logs the window's earlier stages read, until it returns nil.
	// The window's logs, without duplicates, are then delivered in chain
	// order. A later stage can so depend on an earlier one: a home reads
	// the datasets created for it first, then those datasets' events, in
	// the same window (see node/chainindex).
	Topics func(stage int, read []types.Log) [][]common.Hash
	// Undo, when set, makes the follower notice a reorg of the blocks it
	// has read (deeper than Confirmations, or with Confirmations 0): each
	// Poll first checks that the newest block it read is still on the
	// chain, and if not hands Undo every event it delivered from the blocks
	// the reorg dropped (newest first), then reads again from the first
	// dropped block, so what the winning chain holds there is delivered.
	// It remembers the last reorgMemory blocks it read in memory: a reorg
	// deeper than that is not seen. One across a restart is seen through a
	// BlockCursor's hash (see Poll). The source must read headers
	// (ethclient and the simulated backend do).
	Undo func(context.Context, Event) error

	// read is what Undo needs: the blocks read, oldest first, with
	// the events delivered from each.
	read []readBlock
}

// readBlock is a block a Follower read: its hash then, and the events it
// delivered from it.
type readBlock struct {
	number uint64
	hash   common.Hash
	events []Event
}

// reorgMemory bounds how many read blocks a Follower with Undo remembers:
// a reorg deeper than 256 blocks is far past finality on every chain pdx
// targets.
const reorgMemory = 256

// headerSource is the part of a node a Follower with Undo reads headers from.
type headerSource interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// NewFollower makes a follower of the Registry at registry.
func NewFollower(src LogSource, registry common.Address, cursor Cursor) *Follower {
	return &Follower{src: src, registry: registry, cursor: cursor, reg: bindings.NewRegistry(), logs: &logReader{src: src},
		Batch: DefaultLogRange, Interval: time.Second}
}

// Poll reads from the cursor to the head (less Confirmations), handing each
// event to handle in order, and returns how many it delivered. An error from
// handle stops it without moving the cursor past the failed batch.
//
// With a BlockCursor and a source that reads headers, the cursor keeps the
// hash of the last block handled, and a Poll that has no blocks of its own
// in memory (the first after a restart) checks it: when that block is no
// longer on the chain, a reorg happened while the follower was not
// looking, and Poll walks back from it by parent hashes to the last block
// both chains share, hands Undo the events the dropped blocks held (read
// by their hashes, newest first) and reads again from there. A node that
// no longer serves the dropped blocks, or a reorg deeper than reorgMemory,
// leaves nothing to undo by: Poll then reads again from reorgMemory blocks
// back (or Start), so the winning chain's events are delivered, and what
// the dropped blocks delivered stays with the handler.
func (f *Follower) Poll(ctx context.Context, handle func(context.Context, Event) error) (int, error) {
	bc, _ := f.cursor.(BlockCursor)
	var pos Position
	var ok bool
	var err error
	if bc != nil {
		pos, ok, err = bc.LoadPosition(ctx)
	} else {
		pos.Next, ok, err = f.cursor.Load(ctx)
	}
	if err != nil {
		return 0, err
	}
	next := pos.Next
	if !ok {
		next = f.Start
	}
	kinds := make([]common.Hash, len(f.Events))
	for i, name := range f.Events {
		ev, ok := f.reg.GetABI().Events[name]
		if !ok {
			return 0, fmt.Errorf("%w: %s is not in the Registry's ABI", ErrUnknownEvent, name)
		}
		kinds[i] = ev.ID
	}
	q := ethereum.FilterQuery{Addresses: []common.Address{f.registry}}
	var ends ethereum.FilterQuery // the proxy's second query: what ends a grant (its topics; no dataset)
	if len(f.Events) > 0 {
		q.Topics = [][]common.Hash{kinds}
	}
	if f.Topics != nil {
		if q.Topics = f.Topics(0, nil); q.Topics == nil {
			return 0, fmt.Errorf("%w: Topics(0) returned no filter", ErrInvalidArgument)
		}
	}
	if f.Proxy != (common.Address{}) {
		a := f.reg.GetABI()
		q.Topics = [][]common.Hash{{a.Events["GrantedVia"].ID}, {common.BytesToHash(f.Proxy.Bytes())}}
		ends = ethereum.FilterQuery{Addresses: q.Addresses, Topics: [][]common.Hash{{a.Events["Revoked"].ID, a.Events["Erased"].ID}}}
	}
	// hs reads the hashes the cursor keeps; headers, set with Undo, the
	// blocks remembered to notice a live reorg.
	hs, _ := f.src.(headerSource)
	var headers headerSource
	if f.Undo != nil {
		if hs == nil {
			return 0, fmt.Errorf("%w: reading block headers to notice reorgs", ErrUnsupported)
		}
		headers = hs
	}
	var rewound *Position
	switch {
	case headers != nil && len(f.read) > 0:
		if rewound, err = f.undoReorg(ctx, headers); err != nil {
			return 0, err
		}
	case ok && pos.Hash != (common.Hash{}) && hs != nil:
		if rewound, err = f.resume(ctx, hs, pos, q, ends); err != nil {
			return 0, err
		}
	}
	if rewound != nil && rewound.Next < next {
		next = rewound.Next
		if err := f.store(ctx, bc, *rewound); err != nil {
			return 0, err
		}
	}
	head, err := f.src.BlockNumber(ctx)
	if err != nil {
		return 0, fmt.Errorf("acl: reading the head block: %w", err)
	}
	if head < f.Confirmations {
		return 0, nil
	}
	last := head - f.Confirmations
	if next > last {
		return 0, nil
	}
	f.logs.max = f.Batch // 0: DefaultLogRange
	delivered := 0
	// stop is the handler's or the cursor's error, returned as it is; the
	// reader's own are the chain's.
	var stop error
	from := next
	err = f.logs.read(ctx, q, next, last, func(end uint64, logs []types.Log) error {
		start := from
		from = end + 1
		logs, err := f.windowLogs(q, ends, logs, func(q ethereum.FilterQuery) ([]types.Log, error) {
			var out []types.Log
			err := f.logs.read(ctx, q, start, end, func(_ uint64, more []types.Log) error {
				out = append(out, more...)
				return nil
			})
			return out, err
		})
		if err != nil {
			return err
		}
		for i := range logs {
			if logs[i].Removed {
				continue
			}
			ev, err := DecodeLog(f.reg, &logs[i])
			if err != nil {
				stop = err
				return err
			}
			if err := handle(ctx, ev); err != nil {
				stop = fmt.Errorf("acl: handling %s of block %d: %w", ev.Name, ev.Block, err)
				return stop
			}
			delivered++
			if headers != nil {
				f.remember(ev.Block, logs[i].BlockHash, &ev)
			}
		}
		// The window's last block is remembered by its hash so that a
		// reorg of it is noticed; a window more than reorgMemory blocks
		// below the head is past any reorg looked for, and a catch-up
		// through a long history reads no header of it for that. A
		// BlockCursor keeps the hash of every window's last block, so
		// that a restart anywhere notices a reorg of it.
		remember := headers != nil && end+reorgMemory > last
		p := Position{Next: end + 1}
		if remember || (bc != nil && hs != nil) {
			h, err := hs.HeaderByNumber(ctx, new(big.Int).SetUint64(end))
			if err != nil {
				stop = fmt.Errorf("acl: reading the header of block %d: %w", end, err)
				return stop
			}
			p.Hash = h.Hash()
			if remember {
				f.remember(end, p.Hash, nil)
			}
		}
		stop = f.store(ctx, bc, p)
		return stop
	})
	switch {
	case stop != nil:
		return delivered, stop
	case err != nil:
		return delivered, fmt.Errorf("acl: reading logs: %w", err)
	}
	return delivered, nil
}

// store records p in the cursor, with its hash when the cursor keeps one.
func (f *Follower) store(ctx context.Context, bc BlockCursor, p Position) error {
	if bc != nil {
		return bc.StorePosition(ctx, p)
	}
	return f.cursor.Store(ctx, p.Next)
}

// windowLogs completes the logs q read of one window (a range of blocks,
// or one block by its hash) with what the follower reads beside them —
// the later stages of Topics, a proxy's ends of grants — fetched with
// fetch, and returns them in chain order, each once.
func (f *Follower) windowLogs(q, ends ethereum.FilterQuery, logs []types.Log, fetch func(ethereum.FilterQuery) ([]types.Log, error)) ([]types.Log, error) {
	if f.Topics != nil && f.Proxy == (common.Address{}) {
		return f.readStages(q, logs, fetch)
	}
	if ends.Topics == nil {
		return logs, nil
	}
	// The same window's revocations and erasures, merged in chain order
	// with the proxy's grants.
	for _, q := range f.endsQueries(ends, logs) {
		more, err := fetch(q)
		if err != nil {
			return nil, err
		}
		logs = append(logs, more...)
	}
	slices.SortFunc(logs, func(a, b types.Log) int {
		if c := cmp.Compare(a.BlockNumber, b.BlockNumber); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
	return logs, nil
}

// hashHeaderSource is the part of a node a restarted Follower walks a
// dropped chain back with: headers by hash (ethclient and the simulated
// backend read them, of blocks off the canonical chain too).
type hashHeaderSource interface {
	HeaderByHash(ctx context.Context, hash common.Hash) (*types.Header, error)
}

// resume checks the block a cursor's position was stored after against
// the chain and returns nil when it is still there; else the position to
// read again from, after handing Undo what the dropped blocks delivered
// (Poll).
func (f *Follower) resume(ctx context.Context, hs headerSource, pos Position, q, ends ethereum.FilterQuery) (*Position, error) {
	number := pos.Next - 1
	h, err := hs.HeaderByNumber(ctx, new(big.Int).SetUint64(number))
	switch {
	case err == nil && h.Hash() == pos.Hash:
		return nil, nil
	case err != nil && !errors.Is(err, ethereum.NotFound):
		return nil, fmt.Errorf("acl: reading the header of block %d: %w", number, err)
	}
	// Walk the dropped chain back by parent hashes until a parent is the
	// winning chain's block of its number: the last common ancestor.
	var dropped []common.Hash // newest first
	var ancestor *Position
	if bh, ok := f.src.(hashHeaderSource); ok {
		hash, n := pos.Hash, number
		for walked := 0; walked < reorgMemory && n > 0; walked++ {
			hdr, err := bh.HeaderByHash(ctx, hash)
			if errors.Is(err, ethereum.NotFound) {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("acl: reading the header of dropped block %d: %w", n, err)
			}
			if n >= f.Start { // a block before Start delivered nothing
				dropped = append(dropped, hash)
			}
			c, err := hs.HeaderByNumber(ctx, new(big.Int).SetUint64(n-1))
			if err != nil && !errors.Is(err, ethereum.NotFound) {
				return nil, fmt.Errorf("acl: reading the header of block %d: %w", n-1, err)
			}
			if err == nil && c.Hash() == hdr.ParentHash {
				ancestor = &Position{Next: n, Hash: hdr.ParentHash}
				break
			}
			hash, n = hdr.ParentHash, n-1
		}
	}
	if ancestor == nil {
		// No ancestor established: read the last reorgMemory blocks again.
		from := f.Start
		if pos.Next > reorgMemory {
			from = max(from, pos.Next-reorgMemory)
		}
		return &Position{Next: min(from, pos.Next)}, nil
	}
	if f.Undo == nil {
		return ancestor, nil
	}
	for _, hash := range dropped {
		fetch := func(q ethereum.FilterQuery) ([]types.Log, error) {
			q.FromBlock, q.ToBlock, q.BlockHash = nil, nil, &hash
			return f.src.FilterLogs(ctx, q)
		}
		logs, err := fetch(q)
		if err != nil {
			return nil, fmt.Errorf("acl: reading the logs of dropped block %s: %w", hash.Hex(), err)
		}
		if logs, err = f.windowLogs(q, ends, logs, fetch); err != nil {
			return nil, fmt.Errorf("acl: reading the logs of dropped block %s: %w", hash.Hex(), err)
		}
		for i := len(logs) - 1; i >= 0; i-- {
			ev, err := DecodeLog(f.reg, &logs[i])
			if err != nil {
				return nil, err
			}
			if err := f.Undo(ctx, ev); err != nil {
				return nil, fmt.Errorf("acl: undoing %s of block %d after a reorg: %w", ev.Name, ev.Block, err)
			}
		}
	}
	return ancestor, nil
}

// endsQueries are a proxy's queries of what ends its grants in a window
// whose grants naming it are grants: ends itself without ProxyDatasets,
// else ends narrowed to the proxy's datasets and the grants', at most
// MaxTopicList to a query (none when there are none). Revoked and Erased
// both hold the dataset as their first indexed argument.
func (f *Follower) endsQueries(ends ethereum.FilterQuery, grants []types.Log) []ethereum.FilterQuery {
	if f.ProxyDatasets == nil {
		return []ethereum.FilterQuery{ends}
	}
	seen := map[common.Hash]bool{}
	var ds []common.Hash
	add := func(h common.Hash) {
		if !seen[h] {
			seen[h] = true
			ds = append(ds, h)
		}
	}
	for _, d := range f.ProxyDatasets() {
		add(common.BigToHash(new(big.Int).SetUint64(d)))
	}
	for _, l := range grants {
		if g, err := f.reg.UnpackGrantedViaEvent(&l); err == nil {
			add(common.BigToHash(new(big.Int).SetUint64(DecodeGrantWord(g.Grant).Dataset)))
		}
	}
	var out []ethereum.FilterQuery
	for chunk := range slices.Chunk(ds, MaxTopicList) {
		out = append(out, ethereum.FilterQuery{Addresses: ends.Addresses, Topics: [][]common.Hash{ends.Topics[0], chunk}})
	}
	return out
}

// readStages reads the later stages of f.Topics over the window whose
// first stage read logs, with fetch, and returns all of them in chain
// order, each log once.
func (f *Follower) readStages(q ethereum.FilterQuery, logs []types.Log, fetch func(ethereum.FilterQuery) ([]types.Log, error)) ([]types.Log, error) {
	for stage := 1; ; stage++ {
		topics := f.Topics(stage, logs)
		if topics == nil {
			break
		}
		more, err := fetch(ethereum.FilterQuery{Addresses: q.Addresses, Topics: topics})
		if err != nil {
			return nil, err
		}
		logs = append(logs, more...)
	}
	slices.SortFunc(logs, func(a, b types.Log) int {
		if c := cmp.Compare(a.BlockNumber, b.BlockNumber); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
	return slices.CompactFunc(logs, func(a, b types.Log) bool {
		return a.BlockNumber == b.BlockNumber && a.Index == b.Index
	}), nil
}

// remember notes that block number (hash) was read, with ev delivered
// from it when not nil.
func (f *Follower) remember(number uint64, hash common.Hash, ev *Event) {
	if n := len(f.read); n > 0 && f.read[n-1].number == number {
		if ev != nil {
			f.read[n-1].events = append(f.read[n-1].events, *ev)
		}
		f.read[n-1].hash = hash
		return
	}
	b := readBlock{number: number, hash: hash}
	if ev != nil {
		b.events = []Event{*ev}
	}
	if f.read = append(f.read, b); len(f.read) > reorgMemory {
		f.read = slices.Delete(f.read, 0, len(f.read)-reorgMemory)
	}
}

// undoReorg checks the blocks read, newest first, against the chain until
// one is still on it, hands Undo the events of those that are not (newest
// first) and forgets them. It returns the position to read again from
// (with the hash of the block before it when that block is remembered),
// or nil when nothing was dropped.
func (f *Follower) undoReorg(ctx context.Context, headers headerSource) (*Position, error) {
	i := len(f.read) - 1
	for ; i >= 0; i-- {
		b := f.read[i]
		h, err := headers.HeaderByNumber(ctx, new(big.Int).SetUint64(b.number))
		switch {
		case err != nil && !errors.Is(err, ethereum.NotFound):
			return nil, fmt.Errorf("acl: reading the header of block %d: %w", b.number, err)
		case err == nil && h.Hash() == b.hash:
			// Blocks chain by hash: everything before it stands too.
		default:
			continue
		}
		break
	}
	if i == len(f.read)-1 {
		return nil, nil
	}
	dropped := f.read[i+1:]
	from := &Position{Next: dropped[0].number}
	if i >= 0 {
		from = &Position{Next: f.read[i].number + 1, Hash: f.read[i].hash}
	}
	for j := len(dropped) - 1; j >= 0; j-- {
		for k := len(dropped[j].events) - 1; k >= 0; k-- {
			ev := dropped[j].events[k]
			if err := f.Undo(ctx, ev); err != nil {
				return nil, fmt.Errorf("acl: undoing %s of block %d after a reorg: %w", ev.Name, ev.Block, err)
			}
			// Undone: a failure on a later one must not undo it twice.
			dropped[j].events = dropped[j].events[:k]
		}
	}
	f.read = f.read[:i+1]
	return from, nil
}

// Run polls until ctx ends (returning ctx.Err()) or handle fails.
func (f *Follower) Run(ctx context.Context, handle func(context.Context, Event) error) error {
	interval := f.Interval
	if interval <= 0 {
		interval = time.Second
	}
	for {
		if _, err := f.Poll(ctx, handle); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(interval):
		}
	}
}
