package main

import (
	"io"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/node/demo"
)

// demoResult is what `pdx demo --json` prints.
type demoResult struct {
	OK      bool    `json:"ok"`
	Dir     string  `json:"dir,omitempty"`
	Seconds float64 `json:"seconds"`
}

func (a *app) demoCmd() *cobra.Command {
	var dir string
	var keep bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run pdx's whole story on embedded defaults in a fresh temporary home",
		Long: `demo runs, in one process and a fresh temporary home, everything pdx does:
an owner puts a profile and a purchase history, offers the history; a brand
buys it; the owner's node grants automatically and the escrow is paid out;
the brand decrypts and the bytes match; the owner revokes and the brand is
refused with the reason; the owner erases and exports. Every step checks
itself; the exit status is non-zero if one did not behave.

The chain, the IPFS nodes and the three proxies are local and dev-only.`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			var narration io.Writer = a.stdout
			if a.out.JSON() {
				narration = io.Discard
			}
			start := time.Now()
			if err := demo.Run(ctx, demo.Options{Dir: dir, Keep: keep, Out: narration}); err != nil {
				return err
			}
			if a.out.JSON() {
				return a.out.Result(demoResult{OK: true, Dir: dir, Seconds: time.Since(start).Seconds()})
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&dir, "dir", "", "keep the demo's homes in this directory (default: a temporary one, removed at the end)")
	cmd.Flags().BoolVar(&keep, "keep", false, "keep the temporary directory")
	return cmd
}
