// Package reencrypt is pdx's Umbral: threshold proxy re-encryption on
// secp256k1, byte-compatible with umbral-pre 0.10, the reference
// implementation (also shipped to JavaScript and Python), so that a brand can
// decrypt with any Umbral implementation and so that an independent
// implementation checks this one on every test run.
//
// An owner encrypts to a public key (Encrypt, producing a Capsule and a
// ciphertext). To delegate, the owner splits a re-encryption key into n key
// fragments (GenerateKFrags), t of which suffice; each goes to one proxy. A
// proxy turns a capsule into a capsule fragment with its kfrag (Reencrypt)
// without learning anything about the plaintext. The receiver verifies the
// cfrags it gets (CapsuleFrag.Verify) and opens the ciphertext with t of them
// (DecryptReencrypted). The wire forms are in UMBRAL.md beside this file.
//
// # Timing
//
// Operations on secrets run in constant time: every multiplication of a point
// by a secret scalar (secret keys, kfrag keys rk, the proof's blinding factor
// t, the encapsulation randomness r and u, the shared secret d and the
// Lagrange coefficients) goes through libsecp256k1's constant-time
// ecmult_const, and all arithmetic mod n (polynomial evaluation, inversion,
// the proof's z) is constant time (see package internal/secp). Hashing to a
// scalar reduces in constant time because the Diffie-Hellman point it hashes
// is secret. The kfrag check commitment = rk·U multiplies by the kfrag key,
// which is secret to the proxy, so it stays constant time too.
//
// Variable time, safe because only public values are involved:
//   - decoding and encoding of keys, capsules, kfrags and cfrags;
//   - the cfrag proof check and the capsule self-check s·G = V + h·E: each is
//     one variable-time multi-scalar multiplication (internal/secp's
//     MulAddVartime) over the cfrag's and capsule's points, z, h and the
//     verifier's random weights, all public; the cfrag's three proof
//     equations are combined with random 128-bit weights, which accepts a
//     wrong proof with probability at most 2^-128 (see proofHolds);
//   - ECDSA signature verification;
//   - point addition, which branches only on exceptional inputs (equal or
//     opposite points, the identity) that honest values reach with negligible
//     probability.
//
// ECDSA signing is libsecp256k1's constant-time signer with RFC 6979 nonces.
//
// # Errors
//
// Every failure wraps one of the sentinels below, so callers branch with
// errors.Is; no input makes a function panic.
package reencrypt
