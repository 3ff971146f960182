package storage

import (
	"errors"
	"testing"
)

// FuzzParseCID: any string either parses to a CID that round-trips or is
// ErrInvalidCID; nothing panics.
func FuzzParseCID(f *testing.F) {
	for _, s := range []string{"", "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku",
		"/ipfs/bafybeidqzdvnke6iblgbum2alpktkgfzqvszcmd35ygs4gljxgrqgrrqei", "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn",
		"bafyreib", "z", "f01551220", "\x00\xff", "bagaaierasords4njcts6vs7qvdjfcvgnume4hqohf65zsfguprqphs3icwea"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCID(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidCID) {
				t.Fatalf("ParseCID(%q) = %v, not ErrInvalidCID", s, err)
			}
			return
		}
		again, err := ParseCID(c.String())
		if err != nil || !again.Equals(c) {
			t.Fatalf("%q → %s does not round-trip: %v", s, c, err)
		}
	})
}

// FuzzPeer: ParsePeer never panics and fails only with ErrInvalidPeer.
func FuzzPeer(f *testing.F) {
	for _, s := range []string{"", "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf", "/ip4/1.2.3.4", "/p2p/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := ParsePeer(s); err != nil && !errors.Is(err, ErrInvalidPeer) {
			t.Fatalf("ParsePeer(%q) = %v", s, err)
		}
	})
}
