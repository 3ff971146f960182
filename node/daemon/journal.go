package daemon

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/pdx-network/pdx/internal/fsutil"
)

// JournalVersion is the version of the journal's lines (FORMATS.md).
const JournalVersion = 1

// Kinds of journal records.
const (
	KindCreate    = "create"
	KindPut       = "put"
	KindGrant     = "grant"
	KindRevoke    = "revoke"
	KindOffer     = "offer"
	KindPurchase  = "purchase" // the market agent's decision on a purchase
	KindBuy       = "buy"
	KindWithdraw  = "withdraw"
	KindErase     = "erase"
	KindRotate    = "rotate"    // the dataset's key was rotated (block of the rotation)
	KindRefund    = "refund"    // a brand's escrowed purchase came back to its balance
	KindDiscard   = "discard"   // the blocks a failed or interrupted put added were removed
	KindPublish   = "publish"   // the dataset was made public (Purpose: the policy hash)
	KindUnpublish = "unpublish" // the dataset was withdrawn from public view
	// KindWithdrawOffer: one offer of the dataset was closed (Purpose: its
	// terms hash); its other offers stay open.
	KindWithdrawOffer = "withdraw-offer"
	// KindDescribe: the dataset's description was saved (Purpose: its
	// canonical JSON, describe.Description.Bytes), so a rebuilt index
	// gets it back.
	KindDescribe = "describe"
)

// Record is one line of the journal: something the daemon did (or, for a
// purchase, decided), when, and at which block where the chain said.
type Record struct {
	V       int       `json:"v"`
	Time    time.Time `json:"time"`
	Kind    string    `json:"kind"`
	Dataset string    `json:"dataset,omitempty"` // local name
	ID      uint64    `json:"id,omitempty"`      // dataset id on chain
	Block   uint64    `json:"block,omitempty"`
	CID     string    `json:"cid,omitempty"`
	Version uint32    `json:"version,omitempty"`
	Grantee string    `json:"grantee,omitempty"` // grantee or buyer
	Purpose string    `json:"purpose,omitempty"`
	Expires string    `json:"expires,omitempty"` // RFC 3339
	Amount  string    `json:"amount_wei,omitempty"`
	Granted *bool     `json:"granted,omitempty"`
	Reason  string    `json:"reason,omitempty"`
	// Reconciled marks a record written at start-up for an operation a
	// crash interrupted (Daemon.Reconcile), not when it happened.
	Reconciled bool `json:"reconciled,omitempty"`
}

// Journal is the daemon's durable local log: JSON lines appended and
// fsynced one by one, so what the API reported done is on disk.
type Journal struct {
	path string
	mu   sync.Mutex
}

// OpenJournal uses the journal at path (created on first append).
func OpenJournal(path string) (*Journal, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("creating the journal's directory: %w", err)
	}
	return &Journal{path: path}, nil
}

// Append writes r (stamped with the format version and, when unset, the
// time) as one line.
func (j *Journal) Append(r Record) error {
	r.V = JournalVersion
	if r.Time.IsZero() {
		r.Time = time.Now().UTC()
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := fsutil.AppendDurable(j.path, append(b, '\n'), 0o600); err != nil {
		return fmt.Errorf("appending to the journal %s: %w", j.path, err)
	}
	return nil
}

// Repair cuts a torn last line — an append a crash interrupted, which was
// never acknowledged — so the next append starts on a line of its own
// instead of gluing itself to the fragment. It reads the journal from its
// end, only as far back as the last newline: a start does not read the
// whole journal to check it.
func (j *Journal) Repair() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	f, err := os.Open(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	end := fi.Size()
	buf := make([]byte, 64<<10)
	for pos := end; pos > 0; {
		n := int64(len(buf))
		if pos < n {
			n = pos
		}
		pos -= n
		if _, err := f.ReadAt(buf[:n], pos); err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if pos+n == end && buf[n-1] == '\n' {
			return nil // the last line is whole
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			return fsutil.TruncateDurable(j.path, pos+int64(i)+1)
		}
	}
	if end == 0 {
		return nil
	}
	return fsutil.TruncateDurable(j.path, 0) // one torn line and nothing else
}

// JournalStamp names one content of the journal: its size and the time
// it was last written. Every append makes it longer and a repair shorter,
// so a stamp that did not move says the records did not either.
type JournalStamp struct {
	Size int64
	Mod  int64 // Unix nanoseconds
}

// Stamp is the journal's stamp now (zero while it does not exist).
func (j *Journal) Stamp() (JournalStamp, error) {
	fi, err := os.Stat(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return JournalStamp{}, nil
	}
	if err != nil {
		return JournalStamp{}, err
	}
	return JournalStamp{Size: fi.Size(), Mod: fi.ModTime().UnixNano()}, nil
}

// Read returns every record, oldest first. A torn last line (a crash in
// the middle of an append that was never acknowledged) is skipped; a bad
// line anywhere else is an error.
func (j *Journal) Read() ([]Record, error) {
	j.mu.Lock()
	data, err := os.ReadFile(j.path)
	j.mu.Unlock()
	if errors.Is(err, fs.ErrNotExist) {
		return []Record{}, nil
	}
	if err != nil {
		return nil, err
	}
	return parseJournal(data)
}

func parseJournal(data []byte) ([]Record, error) {
	out := []Record{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var r Record
		err := strictJSON(sc.Bytes(), &r)
		if err == nil && r.V != JournalVersion {
			err = fmt.Errorf("version %d; this pdx reads version %d", r.V, JournalVersion)
		}
		if err != nil {
			if !bytes.HasSuffix(data, []byte("\n")) && bytes.HasSuffix(data, sc.Bytes()) {
				break // torn last line
			}
			return nil, fmt.Errorf("%w: journal line %d: %v", ErrDamaged, line, err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

func strictJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
