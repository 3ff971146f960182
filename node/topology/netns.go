// Package topology lays out pdx's operator topology — chain node, IPFS
// node, three re-encryption proxies, an owner's node and a brand's node —
// as separate hosts on one machine, so tests can run each service as its
// own process and break the network between them.
//
// When the process runs as root and `ip netns` works, every host is a
// Linux network namespace with one veth link to a bridge in a hub
// namespace, on a private 10.x subnet: a host can be cut off by setting its
// link down, exactly as a pulled cable or a dead switch port would. The
// namespaces have no route out of the subnet, so nothing a test starts can
// reach beyond them. Without root or `ip netns`, every host is 127.0.0.1
// and a cut is approximated by stopping the host's processes (SIGSTOP).
package topology

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// Mode says how hosts are separated.
type Mode string

const (
	// ModeNetns puts each host in its own network namespace.
	ModeNetns Mode = "netns"
	// ModeLoopback runs every host on 127.0.0.1.
	ModeLoopback Mode = "loopback"
)

// ErrNoNetns: network namespaces cannot be used here (not root, no ip
// command, or the kernel refused); the caller may fall back to loopback.
var ErrNoNetns = errors.New("topology: network namespaces are not available")

// nsDir is where `ip netns` keeps its named namespaces.
const nsDir = "/var/run/netns"

// NamePrefix starts every namespace this package creates; the creating
// process's pid follows, so a later run can tell its own namespaces from
// those a crashed run left behind.
const NamePrefix = "pdxt"

// Subnet is the hosts' network in netns mode: the hub is .1, hosts follow.
const Subnet = "10.77.0"

// Host is one machine of the topology.
type Host struct {
	Name string
	// IP is the address its services listen on and are reached at.
	IP string
	// NS is its namespace ("" in loopback mode).
	NS string
	// port is its link's end in the hub namespace, the one a cut sets down.
	port string
}

// Network is a set of hosts joined by one bridge.
type Network struct {
	Mode  Mode
	ipCmd string
	hub   string
	hosts []*Host
}

// Probe reports whether namespaces can be used: it needs root and the ip
// command, and it creates and deletes one namespace to be sure.
func Probe(ctx context.Context) (string, error) {
	if os.Geteuid() != 0 {
		return "", fmt.Errorf("%w: not running as root (uid %d)", ErrNoNetns, os.Geteuid())
	}
	ip, err := exec.LookPath("ip")
	if err != nil {
		for _, p := range []string{"/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip"} {
			if _, serr := os.Stat(p); serr == nil {
				ip, err = p, nil
				break
			}
		}
		if err != nil {
			return "", fmt.Errorf("%w: no ip command (install iproute2): %v", ErrNoNetns, err)
		}
	}
	name := fmt.Sprintf("%s%d-probe", NamePrefix, os.Getpid())
	if err := run(ctx, ip, "netns", "add", name); err != nil {
		return "", fmt.Errorf("%w: %v", ErrNoNetns, err)
	}
	if err := run(ctx, ip, "netns", "del", name); err != nil {
		return "", fmt.Errorf("%w: deleting the probe namespace: %v", ErrNoNetns, err)
	}
	return ip, nil
}

// New makes one host per name. In netns mode ip is the ip command Probe
// returned; the namespaces are named NamePrefix<pid>-<name>. Namespaces
// left by earlier runs whose process is gone are deleted first.
func New(ctx context.Context, mode Mode, ip string, names ...string) (_ *Network, err error) {
	n := &Network{Mode: mode, ipCmd: ip}
	if mode == ModeLoopback {
		for _, name := range names {
			n.hosts = append(n.hosts, &Host{Name: name, IP: "127.0.0.1"})
		}
		return n, nil
	}
	if len(names) > 200 {
		return nil, fmt.Errorf("topology: %d hosts do not fit in %s.0/24", len(names), Subnet)
	}
	SweepStale(ctx, ip)
	defer func() {
		if err != nil {
			n.Close(context.WithoutCancel(ctx))
		}
	}()
	prefix := fmt.Sprintf("%s%d-", NamePrefix, os.Getpid())
	n.hub = prefix + "hub"
	steps := [][]string{
		{"netns", "add", n.hub},
		{"-n", n.hub, "link", "set", "lo", "up"},
		{"-n", n.hub, "link", "add", "br0", "type", "bridge"},
		{"-n", n.hub, "addr", "add", Subnet + ".1/24", "dev", "br0"},
		{"-n", n.hub, "link", "set", "br0", "up"},
	}
	if err := n.ip(ctx, steps...); err != nil {
		return nil, err
	}
	for i, name := range names {
		h := &Host{Name: name, NS: prefix + name, IP: fmt.Sprintf("%s.%d", Subnet, 10+i), port: "h" + strconv.Itoa(i)}
		n.hosts = append(n.hosts, h)
		// The link is made inside the hub namespace with its other end
		// moved straight into the host's: nothing appears in the
		// namespace the test runs in.
		if err := n.ip(ctx,
			[]string{"netns", "add", h.NS},
			[]string{"-n", h.NS, "link", "set", "lo", "up"},
			[]string{"-n", n.hub, "link", "add", h.port, "type", "veth", "peer", "name", "eth0", "netns", h.NS},
			[]string{"-n", n.hub, "link", "set", h.port, "master", "br0"},
			[]string{"-n", n.hub, "link", "set", h.port, "up"},
			[]string{"-n", h.NS, "addr", "add", h.IP + "/24", "dev", "eth0"},
			[]string{"-n", h.NS, "link", "set", "eth0", "up"},
		); err != nil {
			return nil, fmt.Errorf("topology: host %s: %w", name, err)
		}
	}
	return n, nil
}

// SweepStale deletes namespaces of this package whose creating process no
// longer runs (a run killed before its cleanup). Namespaces of runs still
// going are left alone.
func SweepStale(ctx context.Context, ip string) {
	entries, err := os.ReadDir(nsDir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), NamePrefix)
		if !ok {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid == os.Getpid() {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			_ = run(ctx, ip, "netns", "del", e.Name())
		}
	}
}

func (n *Network) ip(ctx context.Context, steps ...[]string) error {
	for _, s := range steps {
		if err := run(ctx, n.ipCmd, s...); err != nil {
			return err
		}
	}
	return nil
}

func run(ctx context.Context, name string, args ...string) error {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %v: %s", filepath.Base(name), strings.Join(args, " "), err, strings.TrimSpace(out.String()))
	}
	return nil
}

// Host returns the host called name, or nil.
func (n *Network) Host(name string) *Host {
	for _, h := range n.hosts {
		if h.Name == name {
			return h
		}
	}
	return nil
}

// Hosts are every host, in the order they were made.
func (n *Network) Hosts() []*Host { return append([]*Host(nil), n.hosts...) }

// Hub is the address the test's own connections come from in netns mode
// (the bridge's), or 127.0.0.1.
func (n *Network) Hub() string {
	if n.Mode == ModeNetns {
		return Subnet + ".1"
	}
	return "127.0.0.1"
}

// Command is name run on host h: under `ip netns exec` in netns mode
// (which execs it, so the process id is the program's own), else directly.
// The process is killed if the test process dies, so no host outlives it.
func (n *Network) Command(h *Host, name string, args ...string) *exec.Cmd {
	var cmd *exec.Cmd
	if n.Mode == ModeNetns {
		cmd = exec.Command(n.ipCmd, append([]string{"netns", "exec", h.NS, name}, args...)...)
	} else {
		cmd = exec.Command(name, args...)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return cmd
}

// Cut sets host h's link down at the hub: nothing reaches it or leaves it
// until Restore. In loopback mode it is not possible and Cut says so.
func (n *Network) Cut(ctx context.Context, h *Host) error {
	if n.Mode != ModeNetns {
		return fmt.Errorf("topology: no link to cut in %s mode", n.Mode)
	}
	return n.ip(ctx, []string{"-n", n.hub, "link", "set", h.port, "down"})
}

// Restore sets host h's link up again.
func (n *Network) Restore(ctx context.Context, h *Host) error {
	if n.Mode != ModeNetns {
		return fmt.Errorf("topology: no link to restore in %s mode", n.Mode)
	}
	return n.ip(ctx, []string{"-n", n.hub, "link", "set", h.port, "up"})
}

// DialContext connects from the hub (netns mode) or from this process
// (loopback mode). In netns mode the socket is made by a thread moved into
// the hub namespace for the dial and moved back after it; the socket stays
// in the hub's namespace.
func (n *Network) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	if n.Mode != ModeNetns {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
	var c net.Conn
	err := InNamespace(filepath.Join(nsDir, n.hub), func() error {
		var d net.Dialer
		var err error
		c, err = d.DialContext(ctx, network, addr)
		return err
	})
	return c, err
}

// InNamespace runs f on a thread in the network namespace at path (a file
// under /var/run/netns), then moves the thread back to the namespace it
// came from and hands it back to the runtime. Sockets f makes stay in that
// namespace. When the thread cannot be moved back it is left locked, so
// the runtime ends it with its goroutine and no other code runs there.
//
// The thread must come back: a thread's end also sends its children their
// parent-death signal (Command sets one), so ending a thread that started
// a service would kill that service.
func InNamespace(path string, f func() error) error {
	done := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		self, err := os.Open(fmt.Sprintf("/proc/self/task/%d/ns/net", unix.Gettid()))
		if err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("topology: this thread's network namespace: %w", err)
			return
		}
		defer self.Close()
		target, err := os.Open(path)
		if err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("topology: %w", err)
			return
		}
		err = unix.Setns(int(target.Fd()), unix.CLONE_NEWNET)
		target.Close()
		if err != nil {
			runtime.UnlockOSThread()
			done <- fmt.Errorf("topology: entering the namespace %s: %w", path, err)
			return
		}
		ferr := f()
		if err := unix.Setns(int(self.Fd()), unix.CLONE_NEWNET); err == nil {
			runtime.UnlockOSThread()
		}
		done <- ferr
	}()
	return <-done
}

// Close deletes every namespace (hosts first, then the hub). Processes
// still running in a namespace keep it alive until they end, so callers
// stop their processes before.
func (n *Network) Close(ctx context.Context) error {
	if n.Mode != ModeNetns {
		return nil
	}
	var errs []error
	for _, h := range n.hosts {
		if err := run(ctx, n.ipCmd, "netns", "del", h.NS); err != nil {
			errs = append(errs, err)
		}
	}
	if n.hub != "" {
		if err := run(ctx, n.ipCmd, "netns", "del", n.hub); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
