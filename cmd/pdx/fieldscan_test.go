package main

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/reencrypt"
)

// fieldscan OWNERHOME DATASET BRANDHOME FIELD,... DIR... is the scan of a
// field grant on real daemons, run right after the owner's `pdx --json ls`: every file under the DIRs (the proxies'
// state, the brand's home) is searched for kfrags and for the owner's
// field keys. Each kfrag found must verify, as a kfrag of the owner to the
// brand, under a granted field's key only — never under the key of any
// other field of the dataset's newest version nor the dataset's key — and
// no field's secret key may be anywhere. It fails when no kfrag of a
// granted field is found (the scan would then prove nothing).
func init() {
	scriptNetCmds["fieldscan"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 5 {
			ts.Fatalf("usage: fieldscan OWNERHOME DATASET BRANDHOME FIELD,... DIR...")
		}
		u, err := home.Open(ts.MkAbs(args[0]), ts.Getenv("PDX_PASSPHRASE"))
		ts.Check(err)
		defer u.Close()
		ds, err := u.Dataset(args[1])
		ts.Check(err)
		brand, err := home.Load(ts.MkAbs(args[2]))
		ts.Check(err)
		granted := strings.Split(args[3], ",")
		vk, err := reencrypt.PublicKeyFromBytes(u.Keys().VerifyingKey)
		ts.Check(err)
		pkB, err := reencrypt.PublicKeyFromBytes(brand.Keys().ReceivingKey)
		ts.Check(err)
		dsKey, err := u.DatasetKey(ds.Salt)
		ts.Check(err)
		// Every field the owner's `pdx --json ls` lists for the dataset's
		// versions: the script runs it just before (its stdout).
		idx := []byte(ts.ReadFile("stdout"))
		names := map[string]bool{}
		for _, m := range regexp.MustCompile(`"name":\s*"([^"]+)",\s*"paths"`).FindAllSubmatch(idx, -1) {
			names[string(m[1])] = true
		}
		if len(names) <= len(granted) {
			ts.Fatalf("fieldscan: the index lists the fields %v; want more than the granted %v", names, granted)
		}
		keys := map[string]*reencrypt.SecretKey{}
		for n := range names {
			keys[n], err = u.FieldKey(ds.Salt, n)
			ts.Check(err)
		}
		kfragRE := regexp.MustCompile(fmt.Sprintf("[0-9a-fA-F]{%d}", 2*reencrypt.KeyFragSize))
		found := map[string]int{}
		for _, dir := range args[4:] {
			_ = filepath.WalkDir(ts.MkAbs(dir), func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return nil
				}
				b, err := os.ReadFile(path)
				if err != nil {
					return nil
				}
				for n, k := range keys {
					sk := k.Bytes()
					if bytes.Contains(b, sk) || bytes.Contains(bytes.ToLower(b), []byte(hex.EncodeToString(sk))) {
						ts.Fatalf("fieldscan: the secret key of field %s is in %s", n, path)
					}
				}
				for _, m := range kfragRE.FindAll(b, -1) {
					raw, _ := hex.DecodeString(string(m))
					kf, err := reencrypt.KeyFragFromBytes(raw)
					if err != nil {
						continue
					}
					if _, err := kf.Verify(vk, dsKey.PublicKey(), pkB); err == nil {
						ts.Fatalf("fieldscan: a kfrag of the dataset's key to the brand is in %s", path)
					}
					for n, k := range keys {
						if _, err := kf.Verify(vk, k.PublicKey(), pkB); err == nil {
							if !slices.Contains(granted, n) {
								ts.Fatalf("fieldscan: a kfrag of field %s, not granted, is in %s", n, path)
							}
							found[n]++
						}
					}
				}
				return nil
			})
		}
		for _, n := range granted {
			if found[n] == 0 {
				ts.Fatalf("fieldscan: no kfrag of the granted field %s found: the scan looked in the wrong place", n)
			}
		}
		ts.Logf("fieldscan: kfrags of %v found, of no other field", found)
	}
}
