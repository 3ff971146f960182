// Package leakcheck asserts in tests that secrets (plaintext, file keys,
// dataset keys) appear nowhere they must not — a component's files or its
// log — raw or hex-encoded.
package leakcheck

import (
	"bytes"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func needles(secrets [][]byte) [][]byte {
	var out [][]byte
	for _, s := range secrets {
		out = append(out, s, []byte(hex.EncodeToString(s)))
	}
	return out
}

// Dirs fails t for every file under dirs that holds one of secrets, and
// returns how many files it read (a test should check that it read some).
func Dirs(t testing.TB, secrets [][]byte, dirs ...string) int {
	t.Helper()
	ns := needles(secrets)
	files := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files++
			for _, n := range ns {
				if bytes.Contains(b, n) {
					t.Errorf("%s holds a secret (%.12x…)", path, n)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// Text fails t if text (named name in the message, e.g. a process's log)
// holds one of secrets.
func Text(t testing.TB, name, text string, secrets [][]byte) {
	t.Helper()
	for _, n := range needles(secrets) {
		if bytes.Contains([]byte(text), n) {
			t.Errorf("%s holds a secret (%.12x…)", name, n)
		}
	}
}
