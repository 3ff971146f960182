package main

import (
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdx-network/pdx/reencrypt"
)

// TestFieldScanCatchesLeaks attacks the scanner itself (fieldscan, the
// check of fields.txtar): a scan that passes proves something only if it
// would fail on a leak. Material that opens a field not granted — its
// kfrag to the brand in hex or base64, its secret key or the dataset's in
// any form, a kfrag of the dataset's key — planted in a proxy's state, in a
// file of the brand's home or in a daemon's log line, each fails the scan,
// naming the file; granted kfrags alone pass and are counted.
func TestFieldScanCatchesLeaks(t *testing.T) {
	must := func(k *reencrypt.SecretKey, err error) *reencrypt.SecretKey {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	ownerSigning := must(reencrypt.GenerateSecretKey())
	signer := reencrypt.NewSigner(ownerSigning)
	brand := must(reencrypt.GenerateSecretKey())
	sc := fieldLeakScan{granted: []string{"age", "city"}, dataset: must(reencrypt.GenerateSecretKey()),
		verifying: signer.VerifyingKey(), receiving: brand.PublicKey(), keys: map[string]*reencrypt.SecretKey{}}
	for _, n := range []string{"name", "email", "age", "city"} {
		sc.keys[n] = must(reencrypt.GenerateSecretKey())
	}
	// The keys of the salt before a rotation.
	sc.earlierDatasets = []*reencrypt.SecretKey{must(reencrypt.GenerateSecretKey())}
	sc.earlier = map[string][]*reencrypt.SecretKey{}
	for _, n := range []string{"name", "email", "age", "city"} {
		sc.earlier[n] = []*reencrypt.SecretKey{must(reencrypt.GenerateSecretKey())}
	}
	kfrag := func(k *reencrypt.SecretKey) []byte {
		t.Helper()
		kfs, err := reencrypt.GenerateKFrags(k, brand.PublicKey(), signer, 2, 3, true, true)
		if err != nil {
			t.Fatal(err)
		}
		return kfs[0].Bytes()
	}
	dir := t.TempDir()
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// What an honest run leaves: the granted fields' kfrags in a proxy's
	// state, a log that names nothing secret.
	clean := []string{
		write("proxies/p1/state.json", `{"kfrags":{"age":"`+hex.EncodeToString(kfrag(sc.keys["age"]))+`","city":"`+base64.StdEncoding.EncodeToString(kfrag(sc.keys["city"]))+`"}}`),
		write("brand/home/daemon.log", "time=… level=INFO msg=\"get\" cid=bafy… fields=age,city\n"),
		// A granted field's kfrag of before the rotation: no leak.
		write("proxies/p1/old.json", `{"kfrag":"`+hex.EncodeToString(kfrag(sc.earlier["age"][0]))+`"}`),
	}
	found, err := sc.scan(clean)
	if err != nil || found["age"] != 1 || found["city"] != 1 {
		t.Fatalf("a clean run: found %v, err %v; want one kfrag each of age and city, no leak", found, err)
	}

	email := sc.keys["email"]
	for _, c := range []struct{ name, file, content string }{
		{"an ungranted field's kfrag in hex", "proxies/p2/state.json", `{"kfrag":"` + hex.EncodeToString(kfrag(email)) + `"}`},
		{"an ungranted field's kfrag in base64 in a log line", "brand/daemon.log", "level=DEBUG msg=stored kfrag=" + base64.RawURLEncoding.EncodeToString(kfrag(email)) + "\n"},
		{"a kfrag of the dataset's key", "brand/home/cache.bin", "x" + strings.ToUpper(hex.EncodeToString(kfrag(sc.dataset))) + "y"},
		{"an ungranted field's secret key, raw", "brand/home/blocks/data", "\x00\x01" + string(email.Bytes()) + "\x02"},
		{"an ungranted field's secret key, base64", "brand/daemon.log", "key=" + base64.StdEncoding.EncodeToString(email.Bytes()) + "\n"},
		{"a granted field's secret key, hex", "proxies/p3/key.txt", hex.EncodeToString(sc.keys["age"].Bytes())},
		{"the dataset's secret key", "brand/home/x.json", `"` + base64.URLEncoding.EncodeToString(sc.dataset.Bytes()) + `"`},
		{"an ungranted field's kfrag of its key before a rotation", "proxies/p2/old.json", `{"kfrag":"` + hex.EncodeToString(kfrag(sc.earlier["email"][0])) + `"}`},
		{"a kfrag of the dataset's key before a rotation", "brand/home/old.bin", hex.EncodeToString(kfrag(sc.earlierDatasets[0]))},
		{"a granted field's secret key before a rotation", "brand/daemon.log", "k=" + hex.EncodeToString(sc.earlier["age"][0].Bytes()) + "\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := write("leak/"+c.file, c.content)
			defer os.Remove(p)
			_, err := sc.scan(append(clean, filepath.Join(dir, "leak")))
			if err == nil || !strings.Contains(err.Error(), p) {
				t.Fatalf("the scan missed %s in %s: %v", c.name, p, err)
			}
		})
	}
}
