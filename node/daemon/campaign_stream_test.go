package daemon

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/node/service"
)

const streamVector = "testdata/campaign-stream-v1.bin"

// writeVector writes the stream CAMPAIGN-STREAM.md's vector describes,
// with the writer the daemon streams with.
func writeVector(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw := &frameWriter{w: &buf}
	owner := common.HexToAddress("0x929922fdFc9971ee324c3F3FA87Ad7DF9273be16")
	_ = fw.frame(CampaignFrame{Frame: FrameBegin, Version: CampaignStreamVersion, Campaign: 1, Joined: 3}, nil)
	_ = fw.frame(CampaignFrame{Frame: FrameStart, Dataset: 1, Owner: owner.Hex(), CID: "bafkreigzlk5kbxpwlwurfk7eylfts35jaqxhaene333tjbvkusvy5y676e"}, nil)
	_ = fw.frame(CampaignFrame{Frame: FrameFail, Dataset: 2, Owner: owner.Hex(), Reason: "revoked", Message: "the owner revoked your grant of dataset 2 (block 23)"}, nil)
	_ = fw.frame(CampaignFrame{Frame: FrameStart, Dataset: 3, Owner: owner.Hex(), CID: "bafkreiaq7ynsyxoi7lhsa6lrjcsz6mecuqcro4zhn53ncvi27whhu4t6oa"}, nil)
	d1 := &datasetFrames{f: fw, dataset: 1}
	_, _ = d1.Write([]byte("date,shop,amount\n"))
	_, _ = (&datasetFrames{f: fw, dataset: 3}).Write([]byte("date,amount\n"))
	_, _ = d1.Write([]byte("2026-11-02,grocer,23.10\n"))
	_ = d1.Commit()
	_ = fw.frame(CampaignFrame{Frame: FrameFail, Dataset: 3, Owner: owner.Hex(), Reason: "erased", Message: "dataset 3 was erased by its owner"}, nil)
	_ = fw.frame(CampaignFrame{Frame: FrameSummary, Campaign: 1, Joined: 3, Read: 1, Bytes: 41, Owners: []service.OwnerSummary{{Owner: owner, Read: 1,
		Refused: []service.DatasetRefusal{{Dataset: 2, Reason: "revoked", Message: "the owner revoked your grant of dataset 2 (block 23)"}, {Dataset: 3, Reason: "erased", Message: "dataset 3 was erased by its owner"}}}}}, nil)
	return buf.Bytes()
}

// TestCampaignStreamVectors reads the stored stream as pdx campaign get
// does: dataset 1 kept whole from its two data frames, 2 and 3 refused
// with their reasons (3's data discarded), the summary last. The daemon's
// writer still produces the stored bytes, and a stream cut anywhere before
// its summary is broken.
func TestCampaignStreamVectors(t *testing.T) {
	path := filepath.FromSlash(streamVector)
	if os.Getenv("PDX_UPDATE_VECTORS") != "" {
		if err := os.WriteFile(path, writeVector(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(raw, writeVector(t)) {
		t.Fatalf("the daemon's writer no longer produces %s", streamVector)
	}
	kept := map[uint64][]byte{}
	open := map[uint64]*bytes.Buffer{}
	reasons := map[uint64]string{}
	sum, err := ReadCampaignStream(bytes.NewReader(raw), func(fr CampaignFrame, data []byte) error {
		switch fr.Frame {
		case FrameStart:
			open[fr.Dataset] = &bytes.Buffer{}
		case FrameData:
			open[fr.Dataset].Write(data)
		case FrameEnd:
			if int64(open[fr.Dataset].Len()) != fr.Bytes {
				t.Errorf("dataset %d: %d bytes, end says %d", fr.Dataset, open[fr.Dataset].Len(), fr.Bytes)
			}
			kept[fr.Dataset] = open[fr.Dataset].Bytes()
		case FrameFail:
			delete(open, fr.Dataset)
			reasons[fr.Dataset] = fr.Reason
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if string(kept[1]) != "date,shop,amount\n2026-11-02,grocer,23.10\n" || len(kept) != 1 {
		t.Errorf("kept %v", kept)
	}
	if reasons[2] != "revoked" || reasons[3] != "erased" {
		t.Errorf("reasons %v", reasons)
	}
	if sum.Read != 1 || sum.Joined != 3 || len(sum.Owners) != 1 || len(sum.Owners[0].Refused) != 2 {
		t.Errorf("summary %+v", sum)
	}
	for cut := 0; cut < len(raw)-1; cut += 7 {
		if _, err := ReadCampaignStream(bytes.NewReader(raw[:cut]), func(CampaignFrame, []byte) error { return nil }); !errors.Is(err, ErrBrokenStream) {
			t.Fatalf("a stream cut at byte %d: %v, want broken", cut, err)
		}
	}
	for _, bad := range []string{
		`{"frame":"start","dataset":1}` + "\n",                                   // no begin
		`{"frame":"begin","version":2}` + "\n",                                   // a version it does not know
		`{"frame":"begin","version":1}` + "\n" + `{"frame":"data","n":0}` + "\n", // an empty data frame
		`{"frame":"begin","version":1,"extra":1}` + "\n",                         // an unknown member
	} {
		if _, err := ReadCampaignStream(bytes.NewReader([]byte(bad)), func(CampaignFrame, []byte) error { return nil }); !errors.Is(err, ErrBrokenStream) {
			t.Errorf("%q: %v, want broken", bad, err)
		}
	}
}
