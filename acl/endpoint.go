package acl

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Proxy endpoints are strings anyone can put on chain (registerProxy is
// open), and owners and brands send requests to them. Unchecked, an
// endpoint such as http://127.0.0.1:5001/api/v0/shutdown?arg= turns an
// owner's receipts fetch or a brand's get into a request to a service on
// the caller's own machine or network (server-side request forgery). Two
// checks stop that: CheckEndpoint before a request is built, on the URL as
// the chain holds it, and DialControl when the connection is made, on the
// address actually dialled. The second is the one that counts for names: a
// lookup done while checking could answer a public address and the one
// done while dialling a private one (DNS rebinding), so names are judged by
// the address they resolve to at connect time, never by an earlier lookup.

// ErrUnsafeEndpoint: a proxy endpoint read from the chain was refused and
// nothing was sent to it. The *EndpointError that wraps it says why.
var ErrUnsafeEndpoint = errors.New("acl: unsafe proxy endpoint")

// EndpointError says why one endpoint (or one address it resolved to) was
// refused.
type EndpointError struct {
	Endpoint string
	Reason   string
}

func (e *EndpointError) Error() string {
	return fmt.Sprintf("proxy endpoint %q refused, nothing was sent to it: %s", e.Endpoint, e.Reason)
}

func (e *EndpointError) Unwrap() error { return ErrUnsafeEndpoint }

// maxEndpoint bounds an endpoint's length; a real one is a few dozen bytes.
const maxEndpoint = 2048

// CheckEndpoint parses a proxy endpoint read from the chain and refuses it
// unless it is a plain http or https base URL: no user info (credentials
// for another service), no query or fragment (a proxy's routes are appended
// to the path, so a query would carry them into another service's
// parameters), a host, a port in range. Unless allowPrivate (a home on a
// dev network, where proxies live on loopback or a private network), a host
// that is an address of this machine or of a private network is refused
// too: loopback, link-local, private (RFC 1918, fc00::/7), unspecified,
// multicast or shared (CGNAT, 100.64/10), and the names "localhost" and
// *.localhost, which resolve to loopback by definition (RFC 6761). Other
// names are not looked up here: DialControl judges the address they
// resolve to when the connection is made.
func CheckEndpoint(raw string, allowPrivate bool) (*url.URL, error) {
	refuse := func(format string, args ...any) (*url.URL, error) {
		return nil, &EndpointError{Endpoint: raw, Reason: fmt.Sprintf(format, args...)}
	}
	if len(raw) > maxEndpoint {
		return refuse("longer than %d bytes", maxEndpoint)
	}
	if strings.ContainsFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return refuse("contains spaces or control characters")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return refuse("not a URL: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return refuse("the scheme must be http or https, not %q", u.Scheme)
	}
	if u.Opaque != "" {
		return refuse("not a hierarchical URL (want http://host:port/...)")
	}
	if u.User != nil {
		return refuse("it carries user credentials (user@host)")
	}
	if u.RawQuery != "" || u.ForceQuery {
		return refuse("it has a query (?...): a proxy endpoint is a base URL the routes are appended to")
	}
	if u.Fragment != "" || strings.Contains(raw, "#") {
		return refuse("it has a fragment (#...)")
	}
	host := u.Hostname()
	if host == "" {
		return refuse("it names no host")
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return refuse("port %q is not from 1 to 65535", p)
		}
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if reason := addrRefusal(ip, allowPrivate); reason != "" {
			return refuse("%s", reason)
		}
		return u, nil
	}
	if strings.Contains(host, "%") {
		return refuse("host %q is not a valid name or address", host)
	}
	name := strings.TrimSuffix(strings.ToLower(host), ".")
	if !allowPrivate && (name == "localhost" || strings.HasSuffix(name, ".localhost")) {
		return refuse("%q names this machine (loopback); allowed only on a dev network (proxies.allow_private)", host)
	}
	return u, nil
}

// Address ranges refused unless allowPrivate, beyond what netip classifies.
var (
	sharedRange   = netip.MustParsePrefix("100.64.0.0/10") // CGNAT, RFC 6598
	thisNetwork   = netip.MustParsePrefix("0.0.0.0/8")     // "this network": dialled, it reaches this host
	broadcastAddr = netip.MustParseAddr("255.255.255.255")
	nat64Range    = netip.MustParsePrefix("64:ff9b::/96") // embeds an IPv4 address, RFC 6052
)

// addrRefusal says why ip is not an address a proxy endpoint may reach, or
// "" when it may.
func addrRefusal(ip netip.Addr, allowPrivate bool) string {
	if allowPrivate {
		return ""
	}
	ip = ip.Unmap().WithZone("")
	if nat64Range.Contains(ip) {
		b := ip.As16()
		if r := addrRefusal(netip.AddrFrom4([4]byte(b[12:])), false); r != "" {
			return r + " (inside a NAT64 address)"
		}
	}
	const dev = "; allowed only on a dev network (proxies.allow_private)"
	switch {
	case ip.IsLoopback():
		return fmt.Sprintf("%s is a loopback address (this machine)%s", ip, dev)
	case ip.IsUnspecified() || thisNetwork.Contains(ip):
		return fmt.Sprintf("%s is an unspecified address (reaches this machine)%s", ip, dev)
	case ip.IsLinkLocalUnicast():
		return fmt.Sprintf("%s is a link-local address (where cloud metadata services answer)%s", ip, dev)
	case ip.IsMulticast() || ip == broadcastAddr:
		return fmt.Sprintf("%s is a multicast or broadcast address%s", ip, dev)
	case ip.IsPrivate():
		return fmt.Sprintf("%s is a private-network address (RFC 1918 or fc00::/7)%s", ip, dev)
	case sharedRange.Contains(ip):
		return fmt.Sprintf("%s is a shared (CGNAT) address%s", ip, dev)
	}
	return ""
}

// DialControl is a net.Dialer Control hook that refuses, before the
// connection is made, an address CheckEndpoint would refuse. It sees the
// address the name resolved to for this very connection, so DNS rebinding
// (a name that resolved to a public address when checked and to a private
// one when dialled) gets nowhere.
func DialControl(allowPrivate bool) func(network, address string, c syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return &EndpointError{Endpoint: address, Reason: "not host:port"}
		}
		ip, err := netip.ParseAddr(host)
		if err != nil {
			return &EndpointError{Endpoint: address, Reason: "not an IP address"}
		}
		if reason := addrRefusal(ip, allowPrivate); reason != "" {
			return &EndpointError{Endpoint: address, Reason: "it resolved to " + reason}
		}
		return nil
	}
}

// SafeDialer is the dialer for proxy endpoints: DialControl on every
// connection, a 5 s connect timeout and TCP keep-alives.
func SafeDialer(allowPrivate bool) *net.Dialer {
	return &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second, Control: DialControl(allowPrivate)}
}
