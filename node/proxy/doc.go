// Package proxy is pdx's re-encryption proxy server: it holds one kfrag
// per grant, re-encrypts capsules for the grantee after checking on chain
// that the grant is live, keeps a receipt of every request it answered, and
// forgets kfrags when grants are revoked or datasets erased.
//
// A proxy never sees plaintext: it holds a kfrag (one share of a
// re-encryption key) and sees capsules, which carry no data. Revocation is
// real because every honest proxy checks the Registry at the latest block
// before every re-encryption, and t of n honest proxies are needed.
//
// Run stands a proxy up (listen, register, follow the Registry's events,
// the chain's heads and the HPKE key schedule, serve the API): pdx proxy,
// the daemon's local proxies, the demo and the benchmark all start theirs
// through it. New alone gives a Proxy without any of that, for tests that
// drive it step by step.
//
// What goes over the wire (requests, refusal codes, receipts) and the
// brand's client are in acl/proxy, imported here as proxyapi; the protocol
// is acl/proxy/PROTOCOL.md.
package proxy
