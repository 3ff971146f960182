// Package proxy is pdx's re-encryption proxy: it holds one kfrag per grant,
// re-encrypts capsules for the grantee after checking on chain that the
// grant is live, keeps a receipt of every request it answered, and forgets
// kfrags when grants are revoked or datasets erased.
//
// A proxy never sees plaintext: it holds a kfrag (one share of a
// re-encryption key) and sees capsules, which carry no data. Revocation is
// real because every honest proxy checks the Registry at the latest block
// before every re-encryption, and t of n honest proxies are needed.
//
// The HTTP protocol is in PROTOCOL.md beside this file.
package proxy
