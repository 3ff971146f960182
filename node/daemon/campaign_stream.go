package daemon

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/service"
)

// The campaign stream (CAMPAIGN-STREAM.md, version 1) carries a campaign
// get's datasets from the daemon to the CLI in one response, as they are
// decrypted: frames, each one JSON line optionally followed by raw bytes,
// the datasets' pieces interleaved as they come.

// CampaignStreamType is the stream's content type.
const CampaignStreamType = "application/x-pdx-campaign-stream; version=1"

// CampaignStreamVersion is the stream's format version.
const CampaignStreamVersion = 1

// maxFrameLine bounds a frame's JSON line; a data frame's bytes follow it.
const maxFrameLine = 64 << 10

// maxFrameData bounds one data frame's bytes.
const maxFrameData = 1 << 20

// Frame kinds.
const (
	FrameBegin   = "begin"
	FrameStart   = "start"
	FrameData    = "data"
	FrameEnd     = "end"
	FrameFail    = "fail"
	FrameSummary = "summary"
)

// CampaignFrame is one frame's JSON line. Which members are set depends
// on Frame (CAMPAIGN-STREAM.md).
type CampaignFrame struct {
	Frame    string `json:"frame"`
	Version  int    `json:"version,omitempty"`  // begin
	Campaign uint64 `json:"campaign,omitempty"` // begin, summary
	Joined   int    `json:"joined,omitempty"`   // begin, summary
	// Dataset keys start, data, end and fail frames: a dataset joins a
	// campaign once.
	Dataset uint64 `json:"dataset,omitempty"`
	Owner   string `json:"owner,omitempty"`   // start, fail
	CID     string `json:"cid,omitempty"`     // start, fail
	N       int    `json:"n,omitempty"`       // data: the bytes that follow the line
	Bytes   int64  `json:"bytes,omitempty"`   // end, summary
	Reason  string `json:"reason,omitempty"`  // fail
	Message string `json:"message,omitempty"` // fail
	Read    int    `json:"read,omitempty"`    // summary
	// Owners is the per-owner summary (summary).
	Owners []service.OwnerSummary `json:"owners,omitempty"`
}

// frameWriter writes frames to a response, one at a time.
type frameWriter struct {
	mu sync.Mutex
	w  io.Writer
	// flush, when set, sends what was written so far (every frame but
	// data, whose end frame follows soon).
	flush func() error
	err   error
}

func (f *frameWriter) frame(fr CampaignFrame, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	if data != nil {
		fr.N = len(data)
	}
	line, _ := json.Marshal(fr)
	_, err := f.w.Write(append(line, '\n'))
	if err == nil && len(data) > 0 {
		_, err = f.w.Write(data)
	}
	if f.flush != nil && err == nil && fr.Frame != FrameData {
		err = f.flush()
	}
	f.err = err
	return err
}

// datasetFrames is the DatasetWriter of one dataset in the stream.
type datasetFrames struct {
	f       *frameWriter
	dataset uint64
	n       int64
}

func (d *datasetFrames) Write(p []byte) (int, error) {
	for rest := p; len(rest) > 0; {
		k := min(len(rest), maxFrameData)
		if err := d.f.frame(CampaignFrame{Frame: FrameData, Dataset: d.dataset}, rest[:k]); err != nil {
			return len(p) - len(rest), err
		}
		rest = rest[k:]
	}
	d.n += int64(len(p))
	return len(p), nil
}

func (d *datasetFrames) Commit() error {
	return d.f.frame(CampaignFrame{Frame: FrameEnd, Dataset: d.dataset, Bytes: d.n}, nil)
}

// Abort sends nothing: the fail frame with the reason follows.
func (d *datasetFrames) Abort() {}

// ErrBrokenStream: a campaign stream that does not parse, or ends before
// its summary.
var ErrBrokenStream = errors.New("the campaign stream broke off")

// ReadCampaignStream reads a campaign stream, calling on for each frame;
// a data frame's bytes are passed as data (valid during the call only).
// It returns the summary frame, or ErrBrokenStream when the stream ends
// without one or does not parse.
func ReadCampaignStream(r io.Reader, on func(fr CampaignFrame, data []byte) error) (*CampaignFrame, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	first := true
	for {
		line, err := readLine(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBrokenStream, err)
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var fr CampaignFrame
		if err := dec.Decode(&fr); err != nil {
			return nil, fmt.Errorf("%w: a frame does not parse: %v", ErrBrokenStream, err)
		}
		if first && (fr.Frame != FrameBegin || fr.Version != CampaignStreamVersion) {
			return nil, fmt.Errorf("%w: the stream does not begin with a version %d begin frame", ErrBrokenStream, CampaignStreamVersion)
		}
		first = false
		var data []byte
		switch fr.Frame {
		case FrameData:
			if fr.N <= 0 || fr.N > maxFrameData {
				return nil, fmt.Errorf("%w: a data frame of %d bytes", ErrBrokenStream, fr.N)
			}
			if cap(buf) < fr.N {
				buf = make([]byte, fr.N)
			}
			data = buf[:fr.N]
			if _, err := io.ReadFull(br, data); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrBrokenStream, err)
			}
		case FrameBegin, FrameStart, FrameEnd, FrameFail:
		case FrameSummary:
			if err := on(fr, nil); err != nil {
				return nil, err
			}
			return &fr, nil
		default:
			return nil, fmt.Errorf("%w: unknown frame %q", ErrBrokenStream, fr.Frame)
		}
		if err := on(fr, data); err != nil {
			return nil, err
		}
	}
}

func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		line = append(line, chunk...)
		if len(line) > maxFrameLine {
			return nil, fmt.Errorf("a frame line over %d bytes", maxFrameLine)
		}
		if !isPrefix {
			return line, nil
		}
	}
}

// campaignData answers GET /v1/campaigns/{id}/data?purpose=: every
// dataset that joined the campaign, read and streamed as it is decrypted.
// A failure before the stream begins (an unknown campaign, a bad purpose,
// the chain not answering) is an ordinary error answer; after, each
// dataset's failure is its fail frame, and the summary closes the stream.
func (d *Daemon) campaignData(w http.ResponseWriter, r *http.Request) error {
	id, err := parseCampaignID(r.PathValue("id"))
	if err != nil {
		return err
	}
	purpose := r.URL.Query().Get("purpose")
	if purpose != "" {
		if err := proxyapi.CheckPurpose(purpose); err != nil {
			return badRequest("purpose %q: a purpose is a DPV term such as dpv:Marketing or an IRI, without spaces", purpose)
		}
	}
	joins, err := d.s.CampaignJoins(r.Context(), id)
	if err != nil {
		return err
	}
	rc := http.NewResponseController(w)
	fw := &frameWriter{w: w, flush: rc.Flush}
	w.Header().Set("Content-Type", CampaignStreamType)
	w.WriteHeader(http.StatusOK)
	_ = fw.frame(CampaignFrame{Frame: FrameBegin, Version: CampaignStreamVersion, Campaign: id, Joined: len(joins)}, nil)
	opts := service.CampaignGetOptions{Purpose: purpose, Done: func(o service.CampaignOutcome) {
		if o.Err != nil {
			_ = fw.frame(CampaignFrame{Frame: FrameFail, Dataset: o.Dataset, Owner: o.Owner.Hex(), CID: o.CID, Reason: o.Reason, Message: forPeople(o.Err)}, nil)
		}
	}}
	res, err := d.s.ReadCampaign(r.Context(), id, joins, opts, func(c service.CampaignDataset) (service.DatasetWriter, error) {
		if err := fw.frame(CampaignFrame{Frame: FrameStart, Dataset: c.Dataset, Owner: c.Owner.Hex(), CID: c.CID}, nil); err != nil {
			return nil, err
		}
		return &datasetFrames{f: fw, dataset: c.Dataset}, nil
	})
	if err != nil {
		return nil // the stream ends without its summary: broken, as it is
	}
	// The summary's messages in people's words, as the fail frames said them.
	said := map[uint64]string{}
	for _, o := range res.Outcomes {
		if o.Err != nil {
			said[o.Dataset] = forPeople(o.Err)
		}
	}
	for i := range res.Owners {
		for k := range res.Owners[i].Refused {
			res.Owners[i].Refused[k].Message = said[res.Owners[i].Refused[k].Dataset]
		}
	}
	_ = fw.frame(CampaignFrame{Frame: FrameSummary, Campaign: id, Joined: res.Joined, Read: res.Read, Bytes: res.Bytes, Owners: res.Owners}, nil)
	return nil
}
