// Package envelope is pdx's streaming encrypted envelope: the format every
// dataset version is stored in on IPFS. ENVELOPE.md beside this file is the
// normative description of format 2.0, which pdx writes; it still reads
// format 1.0.
//
// A plaintext of any size is sealed as a stream of 64 KiB AES-256-GCM chunks
// under a random file key, with nonces made of a chunk counter and a
// last-chunk flag, so sealing and opening take constant memory, truncation
// and reordering are detected, and a byte range can be decrypted alone. The
// file key travels in the header, wrapped by Umbral under the dataset's
// public key, so that both the owner and a grantee holding re-encrypted
// capsule fragments can recover it without anyone in between seeing it.
//
// Sealing:
//
//	w, err := envelope.NewWriter(dst, envelope.WriterConfig{DatasetID: id, Owner: addr, DatasetKey: pk})
//	io.Copy(w, plaintext)
//	w.Close()
//	fingerprint, _ := w.Commitment() // registered on chain
//
// or, for a consumer that pulls (an IPFS importer), NewSealReader: the same
// bytes as an io.Reader, the plaintext read ahead on a goroutine of its own
// and sealed (and hashed) on workers, so the caller's goroutine only copies:
//
//	r, err := envelope.NewSealReader(plaintext, cfg)
//	importer(r)                       // reads to io.EOF
//	fingerprint, _ := r.Commitment()
//
// Opening is two steps because the file key comes from the header:
//
//	h, err := envelope.ReadHeader(src)            // public fields: dataset, owner, capsule
//	key, err := h.FileKey(envelope.OwnerIdentity{DatasetKey: datasetSK})
//	r, err := envelope.NewReader(h, src, key)     // io.Reader over the plaintext
//
// An Identity is one way of recovering the file key, as in age: Header.FileKey
// tries the identities it is given in order and verifies the header MAC with
// the first key that unwraps. pdx has three. OwnerIdentity opens the header's
// wrap with the dataset secret key; GranteeIdentity opens it with a grantee's
// key and capsule fragments from the proxies; RewrapIdentity substitutes the
// wrap of a key rotation's rewrap manifest for the header's and opens that
// with another identity. An owner offers every key the dataset has had, one
// identity each. A new way to open an envelope is a new Identity.
// FileKeyForOwner and FileKeyForGrantee are the one-identity shorthands.
//
// With the Workers option the reader reads ahead and opens chunks on
// several goroutines, releasing them in the same order and under the same
// rules; it must then be closed.
//
// or, for random access, NewRangeReader over an io.ReaderAt.
//
// Readers release only authenticated plaintext, one chunk at a time, and
// check the keyed plaintext commitment at the end of the stream. Every
// failure wraps one of the Err* sentinels; failures inside the stream are
// a *ChunkError naming the chunk.
package envelope
