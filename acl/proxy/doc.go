// Package proxy is the protocol between brands and pdx's re-encryption
// proxies, and the brand's client of it: the EIP-712 signed requests, the
// JSON bodies, the refusal codes (with their sentinels for errors.Is) and
// the receipts a proxy keeps. Both sides import it; the proxy server itself
// is node/proxy.
//
// The HTTP protocol is in PROTOCOL.md beside this file.
package proxy
