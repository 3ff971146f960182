package devchain

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/log"
)

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return c
}

func TestOpenRefusesBadState(t *testing.T) {
	if _, err := Open(ctx(t), Config{}); err == nil {
		t.Fatal("opened without a directory")
	}
	for name, content := range map[string]string{
		"not json":    "{",
		"version 2":   `{"version": 2, "keys": ["01"]}`,
		"no accounts": `{"version": 1, "keys": []}`,
		"bad key":     `{"version": 1, "keys": ["zz"], "balance": "1"}`,
		"bad balance": `{"version": 1, "keys": ["4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"], "balance": "x"}`,
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, stateFile), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if c, err := Open(ctx(t), Config{Dir: dir}); !errors.Is(err, ErrState) {
			if c != nil {
				c.Close()
			}
			t.Errorf("%s: %v, want ErrState", name, err)
		}
	}
}

// TestOpenNoticesLostChain: the state file survives but the chain data is
// gone; Open says so instead of handing out a Registry address with no code.
func TestOpenNoticesLostChain(t *testing.T) {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	dir := t.TempDir()
	c, err := Open(ctx(t), Config{Dir: dir, Accounts: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "geth")); err != nil {
		t.Fatal(err)
	}
	if c, err := Open(ctx(t), Config{Dir: dir}); !errors.Is(err, ErrState) {
		if c != nil {
			c.Close()
		}
		t.Fatalf("reopen without chain data: %v, want ErrState", err)
	}
	info, err := os.Stat(filepath.Join(dir, stateFile))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("state file mode %v: it holds private keys", info.Mode().Perm())
	}
}

func TestStateVector(t *testing.T) {
	st, found, err := loadState(filepath.Join("testdata", "devchain-v1.json"))
	if err != nil || !found {
		t.Fatalf("load: %v, %v", found, err)
	}
	if st.GrantWindow != 86400 || st.DeployBlock != 1 || st.Registry == nil ||
		st.Registry.Hex() != "0x5FbDB2315678afecb367f032d93F642f64180aa3" {
		t.Fatalf("state %+v", st)
	}
	g, err := st.genesis()
	if err != nil {
		t.Fatal(err)
	}
	// The key's address (a well-known test key) and the fund address hold
	// the balance; the chain is on Osaka and nothing after it.
	for _, a := range []string{"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", "0x00000000000000000000000000000000000000aa"} {
		acc, ok := g.Alloc[common.HexToAddress(a)]
		if !ok || acc.Balance.String() != "1000000000000000000000" {
			t.Errorf("%s: %+v", a, acc)
		}
	}
	if g.Config.ChainID.Int64() != ChainID || g.Config.OsakaTime == nil || g.Config.BogotaTime != nil {
		t.Fatalf("config %v", g.Config)
	}
}
