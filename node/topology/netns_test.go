package topology

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// listenIn listens on addr inside host h's namespace.
func listenIn(n *Network, h *Host, addr string) (net.Listener, error) {
	if n.Mode != ModeNetns {
		return net.Listen("tcp", addr)
	}
	var ln net.Listener
	err := InNamespace(filepath.Join(nsDir, h.NS), func() error {
		var err error
		ln, err = net.Listen("tcp", addr)
		return err
	})
	return ln, err
}

// TestNetwork checks the hosts themselves: each is reachable from the hub
// at its address, has no route out of the subnet, is unreachable while
// cut and reachable again once restored, and is gone after Close. In
// loopback mode it checks that cuts are refused as impossible.
func TestNetwork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ip, err := Probe(ctx)
	if err != nil {
		t.Logf("topology: %v; checking loopback mode", err)
		n, err := New(ctx, ModeLoopback, "", "a")
		if err != nil {
			t.Fatal(err)
		}
		if err := n.Cut(ctx, n.Host("a")); err == nil {
			t.Fatal("Cut in loopback mode succeeded; there is no link to cut")
		}
		return
	}
	n, err := New(ctx, ModeNetns, ip, "a", "b")
	if err != nil {
		t.Fatal(err)
	}
	closed := false
	t.Cleanup(func() {
		if !closed {
			n.Close(context.Background())
		}
	})
	a := n.Host("a")
	if a == nil || a.IP != Subnet+".10" || n.Host("b").IP != Subnet+".11" {
		t.Fatalf("hosts %+v %+v", a, n.Host("b"))
	}
	ln, err := listenIn(n, a, a.IP+":7000")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			io.WriteString(c, "hello\n")
			c.Close()
		}
	}()
	dial := func(within time.Duration) error {
		ctx, cancel := context.WithTimeout(ctx, within)
		defer cancel()
		c, err := n.DialContext(ctx, "tcp", a.IP+":7000")
		if err != nil {
			return err
		}
		defer c.Close()
		b, err := io.ReadAll(c)
		if err == nil && string(b) != "hello\n" {
			return errors.New("read " + string(b))
		}
		return err
	}
	// A process started on a host outlives the dials: the threads that
	// visit the hub come back, and none of them ending sends the
	// process its parent-death signal.
	sleeper := n.Command(a, "sleep", "60")
	if err := sleeper.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { sleeper.Wait(); close(exited) }()
	defer func() { sleeper.Process.Kill(); <-exited }()
	threads := func() map[string]bool {
		es, err := os.ReadDir("/proc/self/task")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]bool{}
		for _, e := range es {
			m[e.Name()] = true
		}
		return m
	}
	before := threads()
	for range 50 {
		if err := dial(5 * time.Second); err != nil {
			t.Fatalf("dialing host a from the hub: %v", err)
		}
	}
	after := threads()
	for tid := range before {
		if !after[tid] {
			t.Fatalf("thread %s ended while dialing from the hub: a thread that visits a namespace must come back", tid)
		}
	}
	select {
	case <-exited:
		t.Fatalf("a process started on host a died while the test dialed from the hub: %v", sleeper.ProcessState)
	case <-time.After(100 * time.Millisecond):
	}
	// Host a's service is not reachable from the test's own namespace (a
	// connection there may still open: some sandboxes route every
	// address to a proxy, so the check is that host a's answer never
	// comes).
	if c, err := net.DialTimeout("tcp", a.IP+":7000", 500*time.Millisecond); err == nil {
		c.SetDeadline(time.Now().Add(500 * time.Millisecond))
		b, _ := io.ReadAll(c)
		c.Close()
		if string(b) == "hello\n" {
			t.Fatal("host a answers from the test's own namespace; the hosts leak out of their namespaces")
		}
	}
	// A host cannot reach past the subnet.
	out, err := n.Command(a, ip, "route", "get", "1.1.1.1").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "unreachable") {
		t.Fatalf("route from host a to 1.1.1.1: %v %s; want unreachable", err, out)
	}
	if err := n.Cut(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := dial(2 * time.Second); err == nil {
		t.Fatal("host a answered while cut off")
	}
	if err := n.Restore(ctx, a); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for {
		err := dial(2 * time.Second)
		if err == nil {
			break
		}
		if time.Since(start) > 15*time.Second {
			t.Fatalf("host a unreachable 15s after its link came back: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("host a reachable %s after its link came back", time.Since(start).Round(time.Millisecond))
	ln.Close()
	if err := n.Close(ctx); err != nil {
		t.Fatal(err)
	}
	closed = true
	for _, ns := range []string{a.NS, n.hub} {
		if _, err := os.Stat(filepath.Join(nsDir, ns)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("namespace %s still there after Close: %v", ns, err)
		}
	}
}
