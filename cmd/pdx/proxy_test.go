package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/proxy"
)

// TestProxyRotateKey is the operator's answer to a proxy whose HPKE key file
// may have been copied: `pdx proxy rotate-key` twice registers a fresh key
// on chain under the same endpoint and destroys the suspect key at once,
// while the key before the current one stays for its grace. It refuses to
// touch a running proxy's directory.
func TestProxyRotateKey(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	root := t.TempDir()
	dir := filepath.Join(root, "proxy")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	key, _ := crypto.GenerateKey()
	if err := crypto.SaveECDSA(filepath.Join(dir, proxy.AccountKeyFile), key); err != nil {
		t.Fatal(err)
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	ch := rpcChain(t, ctx, root, nil, 0)
	fund(t, ctx, ch, addr)

	// The proxy as `pdx proxy` leaves it: registered, epoch 0 on chain.
	c, err := acl.New(ctx, ch.Client(), ch.Registry(), key, nil)
	if err != nil {
		t.Fatal(err)
	}
	chainID, _ := ch.Client().ChainID(ctx)
	p, err := proxy.New(proxy.Config{Dir: dir, Account: key, Domain: proxyapi.Domain{ChainID: chainID, Registry: ch.Registry()},
		Chain: proxy.RegistryChain{C: c}, Bundles: noBundles{}})
	if err != nil {
		t.Fatal(err)
	}
	const endpoint = "https://proxy.example:8443"
	if err := p.Register(ctx, c, endpoint); err != nil {
		t.Fatal(err)
	}
	suspect := p.HPKEPublicKey()

	args := []string{"proxy", "rotate-key", "--dir", dir, "--rpc", ch.HTTPEndpoint(), "--registry", ch.Registry().Hex()}
	var first, second keyRotated
	pdxJSON(t, ctx, nil, &first, args...)
	pdxJSON(t, ctx, nil, &second, args...)
	if first.Epoch != 1 || second.Epoch != 2 || len(second.Epochs) != 2 || second.Epochs[0].Epoch != 1 {
		t.Fatalf("two rotations: %+v then %+v; want epochs 1 then 2, keeping [1 2]", first, second)
	}
	if _, err := os.Stat(filepath.Join(dir, "hpke", "0.key")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the suspect key's file after two rotations: %v, want it gone", err)
	}
	reg, err := c.ProxyOf(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	if reg.Endpoint != endpoint || !bytes.Equal(reg.HPKEKey, second.Epochs[1].PublicKey) || bytes.Equal(reg.HPKEKey, suspect) {
		t.Fatalf("on chain after two rotations: %s %x; want %s and epoch 2's key", reg.Endpoint, reg.HPKEKey, endpoint)
	}

	// A running proxy holds the directory's lock.
	lock, err := home.LockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	if code, _, errOut := pdx(t, ctx, nil, args...); code != cli.ExitConflict || !bytes.Contains([]byte(errOut), []byte("stop it")) {
		t.Fatalf("rotate-key on a locked directory: exit %d %s; want %d and a hint to stop the proxy", code, errOut, cli.ExitConflict)
	}
}

// TestProxyConfirmationsChecked: --confirmations (or PDX_PROXY_CONFIRMATIONS)
// beyond any chain's reorg depth is a mistake that would leave the proxy
// deaf to grants and revokes for hours, so it is refused before anything
// starts; a negative number is not a count at all.
func TestProxyConfirmationsChecked(t *testing.T) {
	ctx := context.Background()
	base := []string{"proxy", "--dir", t.TempDir(), "--rpc", "http://127.0.0.1:1", "--registry", "0x" + "11223344556677889900aabbccddeeff00112233",
		"--ipfs-api", "/ip4/127.0.0.1/tcp/1"}
	for _, tc := range []struct {
		env  []string
		args []string
	}{
		{nil, []string{"--confirmations", "1001"}},
		{nil, []string{"--confirmations", "-1"}},
		{[]string{"PDX_PROXY_CONFIRMATIONS=5000"}, nil},
		{[]string{"PDX_PROXY_CONFIRMATIONS=twelve"}, nil},
	} {
		code, _, errOut := pdx(t, ctx, tc.env, append(append([]string{}, base...), tc.args...)...)
		if code != cli.ExitUsage || !bytes.Contains([]byte(errOut), []byte("confirmations")) {
			t.Errorf("%v %v: exit %d, want %d naming confirmations: %s", tc.env, tc.args, code, cli.ExitUsage, errOut)
		}
	}
}
