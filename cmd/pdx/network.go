package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/fsutil"
	"github.com/pdx-network/pdx/node/daemon"
)

// The commands of this file join homes into one network: pdx network
// prints what a member needs, pdx init --join (main.go) reads it, and
// pdx fund gives a member ether on an owner's dev chain.

// networkResult is the network document; its text form is for people.
type networkResult config.Network

func (r networkResult) FormatText(w io.Writer) error {
	var b strings.Builder
	dev := ""
	if r.Dev {
		dev = " (an owner's dev chain: `pdx fund` gives members ether)"
	}
	fmt.Fprintf(&b, "chain:     id %d at %s%s\n", r.ChainID, r.RPCURL, dev)
	fmt.Fprintf(&b, "registry:  %s (deployed in block %d)\n", r.Registry, r.RegistryBlock)
	fmt.Fprintf(&b, "proxies:   %d of %d: %s\n", r.Proxies.Threshold, r.Proxies.Shares, strings.Join(r.Proxies.Addresses, ", "))
	for i, p := range r.IPFSPeers {
		label := "ipfs:     "
		if i > 0 {
			label = "          "
		}
		fmt.Fprintf(&b, "%s %s\n", label, p)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (a *app) networkCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "network",
		Short: "Print what another home needs to join this network (chain, Registry, proxies, IPFS peers)",
		Long: `network asks the running daemon what a home needs to join its network: the
chain's id and JSON-RPC URL (an owner's embedded chain serves it on
chain.rpc_listen, loopback by default), the Registry's address and deploy
block, the proxy set (addresses, threshold, shares) and the IPFS node's peer
addresses. With -o it writes that document as JSON to FILE for
` + "`pdx init --join FILE`" + ` on the joining home. None of it is secret.`,
		Example: `  pdx network
  pdx network -o network.json     # give this file to the brand
  pdx network --json`,
		Args: cobra.NoArgs,
		RunE: do(func(cmd *cobra.Command, _ []string) error {
			c, err := a.client()
			if err != nil {
				return err
			}
			var n config.Network
			if err := c.call(cmd.Context(), "GET", "/v1/network", nil, &n); err != nil {
				return err
			}
			if out != "" {
				b, err := json.MarshalIndent(n, "", "  ")
				if err != nil {
					return err
				}
				if err := fsutil.WriteFileAtomic(out, append(b, '\n'), 0o644); err != nil {
					return fmt.Errorf("writing %s: %w", out, err)
				}
				a.out.Note("Wrote %s: a home joins this network with `pdx init --join %s`.", out, out)
			}
			return a.out.Result(networkResult(n))
		}),
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "also write the network document (JSON) to this file")
	return cmd
}

// fundResult is what pdx fund prints.
type fundResult daemon.FundResponse

func (r fundResult) FormatText(w io.Writer) error {
	if r.SentWei == "0" {
		_, err := fmt.Fprintf(w, "%s already holds %s or more; nothing sent\n", r.Address, formatEther(r.BalanceWei))
		return err
	}
	_, err := fmt.Fprintf(w, "sent %s to %s (now %s; tx %s)\n", formatEther(r.SentWei), r.Address, formatEther(r.BalanceWei), r.Tx)
	return err
}

func (a *app) fundCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "fund ADDRESS [AMOUNT]",
		Short: "Give an account ether on this owner's dev chain (default: top it up to 10 ETH)",
		Long: `fund tops ADDRESS up to AMOUNT (default 10eth; wei as digits or ether with
a unit) from the embedded dev chain's funded account, so a home that joined
this network (pdx init --join) can pay for registering its keys, buying and
granting. Only an owner's daemon on its embedded dev chain can: on any other
chain (chain.mode = "rpc") it is refused; send ether with a wallet there.
An account that already holds AMOUNT is sent nothing.`,
		Example: `  pdx fund 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed
  pdx fund 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed 2.5eth`,
		Args: cobra.RangeArgs(1, 2),
		RunE: do(func(cmd *cobra.Command, args []string) error {
			req := daemon.FundRequest{Address: args[0]}
			if len(args) == 2 {
				v, err := parsePrice(args[1])
				if err != nil || v.Sign() == 0 {
					return cli.Usagef("AMOUNT %q is not an amount of ether above zero: write wei as digits or ether with a unit (10eth, 2.5eth)", args[1])
				}
				req.AmountWei = v.String()
			}
			c, err := a.client()
			if err != nil {
				return err
			}
			var res daemon.FundResponse
			if err := c.call(cmd.Context(), "POST", "/v1/fund", req, &res); err != nil {
				return err
			}
			return a.out.Result(fundResult(res))
		}),
	}
}

// readNetwork reads the network document of pdx init --join from a file
// or an http(s) URL (e.g. an owner's daemon's /v1/network) and checks it.
func readNetwork(ctx context.Context, src string) (*config.Network, error) {
	var data []byte
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, "GET", src, nil)
		if err != nil {
			return nil, cli.Usagef("--join %q is not a URL: %v", src, err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, cli.Mark(fmt.Errorf("cannot fetch the network document from %s: %v; is the owner's daemon running?", src, err), cli.ErrUnavailable)
		}
		defer resp.Body.Close()
		data, err = io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		if err != nil {
			return nil, cli.Mark(fmt.Errorf("reading the network document from %s: %v", src, err), cli.ErrUnavailable)
		}
		if resp.StatusCode != http.StatusOK {
			return nil, cli.Mark(fmt.Errorf("%s answered %s, not a network document: on the owner's side, `pdx network` says why", src, resp.Status), cli.ErrUnavailable)
		}
	} else {
		var err error
		if data, err = os.ReadFile(src); err != nil {
			if os.IsNotExist(err) {
				return nil, cli.Mark(fmt.Errorf("--join %s: no such file; the owner writes it with `pdx network -o %s`", src, src), cli.ErrNotFound)
			}
			return nil, fmt.Errorf("--join %s: %w", src, err)
		}
	}
	n, err := config.ParseNetwork(data)
	if err != nil {
		return nil, cli.Mark(fmt.Errorf("cannot join with %s: %w; nothing was created", src, err), cli.ErrUsage)
	}
	return n, nil
}

// memberConfig is the config of a home joining n: n's chain, proxies and
// IPFS peers, and ports of its own chosen now, so that it never collides
// with the owner's home or another member on the same machine.
func memberConfig(n *config.Network) (*config.Config, error) {
	c := config.Default()
	c.Join(n)
	api, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	swarm, err := freeLoopbackPort()
	if err != nil {
		return nil, err
	}
	c.API.Listen = fmt.Sprintf("127.0.0.1:%d", api)
	c.IPFS.ListenAddrs = []string{fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", swarm)}
	if err := c.Validate(); err != nil {
		return nil, cli.Mark(fmt.Errorf("the network document makes an invalid config: %w; nothing was created", err), cli.ErrUsage)
	}
	return c, nil
}

// ownerConfig is the config of a new home that joins nobody: the defaults,
// except that a default port another program (another pdx home's daemon)
// holds right now is replaced by a free one, so two homes on one machine
// never collide and each home's commands find its own daemon.
func ownerConfig() (*config.Config, bool, error) {
	return freeDefaults(config.Default())
}

// freeDefaults replaces each port of c (api.listen, the loopback TCP
// listen addresses of IPFS) that cannot be listened on now with a free one.
func freeDefaults(c *config.Config) (*config.Config, bool, error) {
	changed := false
	if host, _, err := net.SplitHostPort(c.API.Listen); err == nil && !portFree(c.API.Listen) {
		p, err := freeLoopbackPort()
		if err != nil {
			return nil, false, err
		}
		c.API.Listen, changed = net.JoinHostPort(host, fmt.Sprint(p)), true
	}
	for i, a := range c.IPFS.ListenAddrs {
		if rest, ok := strings.CutPrefix(a, "/ip4/127.0.0.1/tcp/"); ok && !portFree("127.0.0.1:"+rest) {
			p, err := freeLoopbackPort()
			if err != nil {
				return nil, false, err
			}
			c.IPFS.ListenAddrs[i], changed = fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", p), true
		}
	}
	return c, changed, nil
}

// portFree reports whether addr (host:port) can be listened on now.
func portFree(addr string) bool {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

// freeLoopbackPort picks a TCP port on loopback that is free now, for a
// home's config. It is taken below the kernel's ephemeral range (32768 and
// up on Linux), where the ports of listeners on :0 come from: the daemon's
// local proxies listen so before its API binds, and must not take the
// API's port.
func freeLoopbackPort() (int, error) {
	for range 200 {
		port := 10000 + rand.IntN(32768-10000)
		if portFree(net.JoinHostPort("127.0.0.1", strconv.Itoa(port))) {
			return port, nil
		}
	}
	return 0, errors.New("choosing a free port: none of 200 tried between 10000 and 32767 is free")
}
