package main

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/reencrypt"
)

// fieldscan OWNERHOME DATASET BRANDHOME FIELD,... PATH... is the scan of a
// field grant on real daemons, run right after the owner's `pdx --json
// ls`: every file under the PATHs (the proxies' state, the brand's home, a
// daemon's log saved to a file) is searched for material that opens a
// field the brand was not granted (fieldLeakScan). It fails when no kfrag
// of a granted field is found (the scan would then prove nothing).
func init() {
	scriptNetCmds["fieldscan"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 5 {
			ts.Fatalf("usage: fieldscan OWNERHOME DATASET BRANDHOME FIELD,... PATH...")
		}
		u, err := home.Open(ts.MkAbs(args[0]), ts.Getenv("PDX_PASSPHRASE"))
		ts.Check(err)
		defer u.Close()
		ds, err := u.Dataset(args[1])
		ts.Check(err)
		brand, err := home.Load(ts.MkAbs(args[2]))
		ts.Check(err)
		sc := fieldLeakScan{granted: strings.Split(args[3], ","), keys: map[string]*reencrypt.SecretKey{}}
		sc.verifying, err = reencrypt.PublicKeyFromBytes(u.Keys().VerifyingKey)
		ts.Check(err)
		sc.receiving, err = reencrypt.PublicKeyFromBytes(brand.Keys().ReceivingKey)
		ts.Check(err)
		sc.dataset, err = u.DatasetKey(ds.Salt)
		ts.Check(err)
		// Every field the owner's `pdx --json ls` lists for the dataset's
		// versions: the script runs it just before (its stdout).
		idx := []byte(ts.ReadFile("stdout"))
		for _, m := range regexp.MustCompile(`"name":\s*"([^"]+)",\s*"paths"`).FindAllSubmatch(idx, -1) {
			n := string(m[1])
			if sc.keys[n], err = u.FieldKey(ds.Salt, n); err != nil {
				ts.Fatalf("fieldscan: the key of field %s: %v", n, err)
			}
		}
		// After a rotation, the keys of every earlier salt are looked for
		// too: a rotation rewraps old split versions under the new field
		// keys and must leave no old key, nor a kfrag of an old key of a
		// field not granted, anywhere.
		for _, salt := range ds.Salts() {
			if bytes.Equal(salt, ds.Salt) {
				continue
			}
			dk, err := u.DatasetKey(salt)
			ts.Check(err)
			sc.earlierDatasets = append(sc.earlierDatasets, dk)
			for n := range sc.keys {
				fk, err := u.FieldKey(salt, n)
				ts.Check(err)
				if sc.earlier == nil {
					sc.earlier = map[string][]*reencrypt.SecretKey{}
				}
				sc.earlier[n] = append(sc.earlier[n], fk)
			}
		}
		if len(sc.keys) <= len(sc.granted) {
			ts.Fatalf("fieldscan: the index lists the fields %v; want more than the granted %v", slices.Sorted(maps.Keys(sc.keys)), sc.granted)
		}
		var paths []string
		for _, p := range args[4:] {
			paths = append(paths, ts.MkAbs(p))
		}
		found, err := sc.scan(paths)
		if err != nil {
			ts.Fatalf("fieldscan: %v", err)
		}
		for _, n := range sc.granted {
			if found[n] == 0 {
				ts.Fatalf("fieldscan: no kfrag of the granted field %s found: the scan looked in the wrong place", n)
			}
		}
		ts.Logf("fieldscan: kfrags of %v found, of no other field", found)
	}
}

// fieldLeakScan searches files for what would open a field of a split
// dataset that the brand was not granted:
//
//   - any field's secret key (field keys never leave the owner, granted or
//     not), or the dataset's, as raw bytes, hex (either case) or base64
//     (standard or URL alphabet, padded or not);
//   - a kfrag, in hex or base64, that verifies as the owner's delegation to
//     the brand of the dataset's key or of a field not granted.
//
// Kfrags of granted fields are counted: finding none means the scan did
// not look where the grant's material is.
type fieldLeakScan struct {
	granted   []string
	keys      map[string]*reencrypt.SecretKey // every field of the dataset, by name
	dataset   *reencrypt.SecretKey
	verifying *reencrypt.PublicKey // the owner's
	receiving *reencrypt.PublicKey // the brand's
	// earlier are the fields' keys of the dataset's earlier salts (before
	// rotations), by name, and earlierDatasets the dataset's: looked for
	// like the current ones; a kfrag of a granted field's earlier key is
	// not counted (it proves nothing of the current grant).
	earlier         map[string][]*reencrypt.SecretKey
	earlierDatasets []*reencrypt.SecretKey
}

// encodings are the forms a 32-byte secret or a kfrag is looked for in.
func encodings(b []byte) [][]byte {
	return [][]byte{b, []byte(hex.EncodeToString(b)), []byte(strings.ToUpper(hex.EncodeToString(b))),
		[]byte(base64.StdEncoding.EncodeToString(b)), []byte(base64.RawStdEncoding.EncodeToString(b)),
		[]byte(base64.URLEncoding.EncodeToString(b)), []byte(base64.RawURLEncoding.EncodeToString(b))}
}

var (
	hexRun = regexp.MustCompile(fmt.Sprintf("[0-9a-fA-F]{%d}", 2*reencrypt.KeyFragSize))
	b64Run = regexp.MustCompile(`[A-Za-z0-9+/_-]{40,}={0,2}`)
)

// kfragsIn are the kfrags written in b as hex or base64.
func kfragsIn(b []byte) []*reencrypt.KeyFrag {
	var out []*reencrypt.KeyFrag
	try := func(raw []byte) {
		if len(raw) != reencrypt.KeyFragSize {
			return
		}
		if kf, err := reencrypt.KeyFragFromBytes(raw); err == nil {
			out = append(out, kf)
		}
	}
	for _, m := range hexRun.FindAll(b, -1) {
		raw, _ := hex.DecodeString(string(m))
		try(raw)
	}
	for _, m := range b64Run.FindAll(b, -1) {
		s := strings.TrimRight(string(m), "=")
		for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
			if raw, err := enc.DecodeString(s); err == nil {
				try(raw)
			}
		}
	}
	return out
}

// scan walks every path (a directory or a file) and returns the kfrags of
// granted fields found, by field; the error names the first leak.
func (sc *fieldLeakScan) scan(paths []string) (map[string]int, error) {
	found := map[string]int{}
	secrets := map[string][]byte{"the dataset's key": sc.dataset.Bytes()}
	for n, k := range sc.keys {
		secrets["the key of field "+n] = k.Bytes()
	}
	for n, ks := range sc.earlier {
		for i, k := range ks {
			secrets[fmt.Sprintf("an earlier key (%d) of field %s", i, n)] = k.Bytes()
		}
	}
	for i, k := range sc.earlierDatasets {
		secrets[fmt.Sprintf("an earlier key (%d) of the dataset", i)] = k.Bytes()
	}
	var leak error
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || leak != nil {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return nil // a socket, a lock: nothing written there
			}
			for what, sk := range secrets {
				for _, e := range encodings(sk) {
					if bytes.Contains(b, e) {
						leak = fmt.Errorf("the secret %s is in %s", what, path)
						return nil
					}
				}
			}
			for _, kf := range kfragsIn(b) {
				if _, err := kf.Verify(sc.verifying, sc.dataset.PublicKey(), sc.receiving); err == nil {
					leak = fmt.Errorf("a kfrag of the dataset's key to the brand is in %s", path)
					return nil
				}
				for n, k := range sc.keys {
					if _, err := kf.Verify(sc.verifying, k.PublicKey(), sc.receiving); err != nil {
						continue
					}
					if !slices.Contains(sc.granted, n) {
						leak = fmt.Errorf("a kfrag of field %s, not granted, is in %s", n, path)
						return nil
					}
					found[n]++
				}
				for _, k := range sc.earlierDatasets {
					if _, err := kf.Verify(sc.verifying, k.PublicKey(), sc.receiving); err == nil {
						leak = fmt.Errorf("a kfrag of an earlier key of the dataset to the brand is in %s", path)
						return nil
					}
				}
				for n, ks := range sc.earlier {
					for _, k := range ks {
						if _, err := kf.Verify(sc.verifying, k.PublicKey(), sc.receiving); err == nil && !slices.Contains(sc.granted, n) {
							leak = fmt.Errorf("a kfrag of an earlier key of field %s, not granted, is in %s", n, path)
							return nil
						}
					}
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", root, err)
		}
	}
	return found, leak
}
