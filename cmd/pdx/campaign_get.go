package main

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/cobra"

	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/service"
)

// campaignGetLine is one --json line: a dataset read (file, bytes) or not
// (reason, message), or the last line, the summary.
type campaignGetLine struct {
	Dataset uint64 `json:"dataset,omitempty"`
	Owner   string `json:"owner,omitempty"`
	CID     string `json:"cid,omitempty"`
	File    string `json:"file,omitempty"`
	Bytes   int64  `json:"bytes,omitempty"`
	Reason  string `json:"reason,omitempty"`
	Message string `json:"message,omitempty"`
	// Summary is set on the last line only.
	Summary *campaignGetSummary `json:"summary,omitempty"`
}

type campaignGetSummary struct {
	Campaign uint64                 `json:"campaign"`
	Dir      string                 `json:"dir"`
	Joined   int                    `json:"joined"`
	Read     int                    `json:"read"`
	Bytes    int64                  `json:"bytes"`
	Owners   []service.OwnerSummary `json:"owners"`
}

func (s campaignGetSummary) FormatText(w io.Writer) error {
	fmt.Fprintf(w, "read %d of the %d datasets of campaign %d (%s) into %s\n", s.Read, s.Joined, s.Campaign, sizeText(s.Bytes), s.Dir)
	for _, o := range s.Owners {
		fmt.Fprintf(w, "%s: %d read, %d refused\n", o.Owner.Hex(), o.Read, len(o.Refused))
		for _, r := range o.Refused {
			fmt.Fprintf(w, "  dataset %d: %s: %s\n", r.Dataset, r.Reason, plainCut(r.Message, maxPolicyLine))
		}
	}
	return nil
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// errNothingRead: a campaign get that read no dataset at all.
var errNothingRead = errors.New("nothing was read")

func (a *app) campaignGetCmd() *cobra.Command {
	var dir, purpose string
	cmd := &cobra.Command{
		Use:   "get ID -o DIR",
		Short: "Read every dataset that joined your campaign into a directory",
		Long: `get reads the latest version of every dataset that joined campaign ID,
as pdx get reads one, and writes each to DIR/<owner>-<dataset>.<ext> (ext
from what the data holds: csv, json, txt, or bin). Each file is written
beside its name and renamed once every byte arrived and checked out, so DIR
never holds a partial dataset. The datasets are read many at once and the
proxies are asked in batches, so a campaign of thousands reads at the speed
of the network rather than of round trips.

A dataset that cannot be read (its grant revoked, the dataset erased, the
policy refusing the purpose, the proxies unreachable …) does not stop the
others: the summary at the end says, owner by owner, what was read and what
was refused and why. --purpose is what you read for, as with pdx get.

A progress bar shows on a terminal (not with --json). With --json, get
prints one JSON line per dataset as it ends ({"dataset","owner","cid",
"file","bytes"} or {"dataset","owner","reason","message"}) and a last line
{"summary":{…}}.

Exit status: 0 when at least one dataset was read, even if others were
refused; 3 (not found) when no dataset joined the campaign, 4 (refused)
when every one was refused, 2 on usage errors; and as for any command when
the daemon or the chain cannot be reached.`,
		Example: `  pdx campaign get 1 -o campaign-1
  pdx campaign get 1 -o campaign-1 --purpose dpv:ResearchAndDevelopment
  pdx --json campaign get 1 -o campaign-1`,
		Args: cobra.ExactArgs(1),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			id, err := parseCampaignArg(args[0])
			if err != nil {
				return err
			}
			if dir == "" {
				return cli.Usagef("say where the datasets go: -o DIR")
			}
			path := campaignPath(id, "data")
			if purpose != "" {
				if err := proxyapi.CheckPurpose(purpose); err != nil {
					return cli.Usagef("--purpose %q: a purpose is a DPV term such as dpv:Marketing or an IRI, without spaces", purpose)
				}
				path += "?" + url.Values{"purpose": {purpose}}.Encode()
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			resp, err := c.do(cmd.Context(), "GET", path, nil, "")
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			open := map[uint64]*service.FileWriter{}
			starts := map[uint64]daemon.CampaignFrame{}
			defer func() {
				for _, fw := range open {
					fw.Abort()
				}
			}()
			var bar *cli.Progress
			sum, err := daemon.ReadCampaignStream(resp.Body, func(fr daemon.CampaignFrame, data []byte) error {
				switch fr.Frame {
				case daemon.FrameBegin:
					bar = a.out.Progress(-1, fmt.Sprintf("reading %d datasets", fr.Joined))
				case daemon.FrameStart:
					if _, dup := open[fr.Dataset]; dup {
						return fmt.Errorf("%w: dataset %d started twice", daemon.ErrBrokenStream, fr.Dataset)
					}
					if !common.IsHexAddress(fr.Owner) {
						return fmt.Errorf("%w: owner %q is not an address", daemon.ErrBrokenStream, fr.Owner)
					}
					fw, err := service.NewFileWriter(dir, fmt.Sprintf("%s-%d", common.HexToAddress(fr.Owner).Hex(), fr.Dataset))
					if err != nil {
						return err
					}
					open[fr.Dataset], starts[fr.Dataset] = fw, fr
				case daemon.FrameData:
					fw := open[fr.Dataset]
					if fw == nil {
						return fmt.Errorf("%w: data of dataset %d before its start", daemon.ErrBrokenStream, fr.Dataset)
					}
					if _, err := fw.Write(data); err != nil {
						return err
					}
					bar.Add(int64(len(data)))
				case daemon.FrameEnd:
					fw := open[fr.Dataset]
					if fw == nil {
						return fmt.Errorf("%w: end of dataset %d before its start", daemon.ErrBrokenStream, fr.Dataset)
					}
					delete(open, fr.Dataset)
					if err := fw.Commit(); err != nil {
						return err
					}
					st := starts[fr.Dataset]
					return a.out.Line(campaignGetLine{Dataset: fr.Dataset, Owner: st.Owner, CID: st.CID, File: fw.Path, Bytes: fr.Bytes})
				case daemon.FrameFail:
					if fw := open[fr.Dataset]; fw != nil {
						fw.Abort()
						delete(open, fr.Dataset)
					}
					return a.out.Line(campaignGetLine{Dataset: fr.Dataset, Owner: fr.Owner, CID: fr.CID, Reason: fr.Reason, Message: fr.Message})
				}
				return nil
			})
			if err != nil {
				bar.Abort()
				if errors.Is(err, daemon.ErrBrokenStream) {
					return cli.Mark(fmt.Errorf("the transfer of campaign %d broke off: %w; the datasets written so far are complete, the others were not written", id, err), cli.ErrUnavailable)
				}
				return err
			}
			bar.Finish()
			s := campaignGetSummary{Campaign: id, Dir: dir, Joined: sum.Joined, Read: sum.Read, Bytes: sum.Bytes, Owners: sum.Owners}
			if s.Owners == nil {
				s.Owners = []service.OwnerSummary{}
			}
			if a.out.JSON() {
				if err := a.out.Line(campaignGetLine{Summary: &s}); err != nil {
					return err
				}
			} else if err := a.out.Result(s); err != nil {
				return err
			}
			switch {
			case s.Joined == 0:
				return cli.Mark(fmt.Errorf("%w: no dataset joined campaign %d yet", errNothingRead, id), cli.ErrNotFound)
			case s.Read == 0:
				return cli.Mark(fmt.Errorf("%w: every one of the %d datasets of campaign %d was refused (the summary says why)", errNothingRead, s.Joined, id), cli.ErrRefused)
			}
			return nil
		}),
	}
	cmd.Flags().StringVarP(&dir, "output", "o", "", "the directory the datasets are written to (made if missing)")
	cmd.Flags().StringVar(&purpose, "purpose", "", "what you read for, a DPV purpose (dpv:Marketing); default: each grant's")
	return cmd
}
