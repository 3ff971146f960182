package testbin

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
)

// FreePort returns a loopback TCP port that was free a moment ago, for a
// process a test starts and tells where to listen. It is picked below the
// kernel's ephemeral range (ip_local_port_range), never from it: a port
// the kernel handed out for :0 and that was closed again can be handed to
// the next listener on :0 — a local proxy, a kubo node — before the
// process the test meant it for binds it.
func FreePort(t testing.TB) string {
	t.Helper()
	p, err := PickPort()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// PickPort is FreePort for code that has no testing.TB (a testscript
// command).
func PickPort() (string, error) {
	low := ephemeralLow()
	const floor = 10000
	if low <= floor+1000 {
		// An unusual range: fall back to the kernel's pick.
		return kernelPort()
	}
	for range 200 {
		port := floor + rand.IntN(low-floor)
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			continue
		}
		ln.Close()
		return strconv.Itoa(port), nil
	}
	return "", fmt.Errorf("no free loopback port between %d and %d", floor, low)
}

// ephemeralLow is the first port of the kernel's ephemeral range; Linux's
// default when it cannot be read.
func ephemeralLow() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 32768
	}
	f := strings.Fields(string(b))
	if len(f) != 2 {
		return 32768
	}
	n, err := strconv.Atoi(f[0])
	if err != nil {
		return 32768
	}
	return n
}

func kernelPort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port), nil
}
