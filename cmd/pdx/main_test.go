package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/internal/testbin"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/storage"
)

// TestMain makes the test binary double as the pdx command, so the scripts
// run pdx through main() exactly as a user does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"pdx": main})
}

// TestScripts runs testdata/script/*.txtar. Each script gets its own $WORK
// and $HOME, and PDX_INSECURE_FAST_SCRYPT=1 so that encrypting a key takes
// milliseconds (honoured only because this is a test binary).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir+"/user")
			env.Setenv(envFastScrypt, "1")
			return nil
		},
		Cmds: withCmds(scriptNetCmds, map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// freeport VAR...: set each VAR to a free loopback TCP port, so
			// scripts that run daemons do not collide with each other.
			"freeport": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, name := range args {
					port, err := testbin.PickPort()
					if err != nil {
						ts.Fatalf("freeport: %v", err)
					}
					ts.Setenv(name, port)
				}
			},
			// ipfspeer HOME VAR: set VAR to the peer id of the home's
			// embedded IPFS node (its repo exists once a daemon started).
			"ipfspeer": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 {
					ts.Fatalf("usage: ipfspeer HOME VAR")
				}
				var conf struct{ Identity struct{ PeerID string } }
				if err := json.Unmarshal([]byte(ts.ReadFile(filepath.Join(args[0], "ipfs", "config"))), &conf); err != nil || conf.Identity.PeerID == "" {
					ts.Fatalf("ipfspeer: no peer id in %s/ipfs/config (%v)", args[0], err)
				}
				ts.Setenv(args[1], conf.Identity.PeerID)
			},
			// apiready: wait (60 s at most) until the daemon at
			// PDX_API_LISTEN answers /healthz.
			"apiready": func(ts *testscript.TestScript, neg bool, args []string) {
				waitHealthy(ts, ts.Getenv("PDX_API_LISTEN"))
			},
			// rpcchain HOME...: start a dev chain in this test process,
			// serving JSON-RPC on loopback, with each home's account and
			// its three local proxies (given keys of their own here) funded
			// at genesis, and point the script's homes at it in chain rpc
			// mode. Unlike the embedded chain, it outlives a daemon killed
			// with SIGKILL, as a real chain does.
			"rpcchain": func(ts *testscript.TestScript, neg bool, args []string) {
				var fund []common.Address
				for _, dir := range args {
					h, err := home.Load(ts.MkAbs(dir))
					if err != nil {
						ts.Fatalf("rpcchain: %v", err)
					}
					fund = append(fund, h.Keys().Address)
					for i := range 3 {
						k, err := crypto.GenerateKey()
						if err != nil {
							ts.Fatalf("rpcchain: %v", err)
						}
						pd := filepath.Join(ts.MkAbs(dir), daemon.ProxiesDir, strconv.Itoa(i))
						if err := os.MkdirAll(pd, 0o700); err != nil {
							ts.Fatalf("rpcchain: %v", err)
						}
						if err := crypto.SaveECDSA(filepath.Join(pd, proxy.AccountKeyFile), k); err != nil {
							ts.Fatalf("rpcchain: %v", err)
						}
						fund = append(fund, crypto.PubkeyToAddress(k.PublicKey))
					}
				}
				ch, err := devchain.Open(context.Background(), devchain.Config{Dir: ts.MkAbs("rpcchain"), HTTP: "127.0.0.1:0", Accounts: 1, Fund: fund})
				if err != nil {
					ts.Fatalf("rpcchain: %v", err)
				}
				ts.Defer(func() { ch.Close() })
				for _, kv := range rpcEnv(nil, ch) {
					k, v, _ := strings.Cut(kv, "=")
					ts.Setenv(k, v)
				}
			},
			// repo HOME: with the daemon stopped, list the pins of the
			// home's embedded IPFS repo ("pin NAME CID") and then the
			// number of blocks no pin holds ("unpinned N").
			"repo": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: repo HOME")
				}
				ctx := context.Background()
				s, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: filepath.Join(ts.MkAbs(args[0]), "ipfs"), Local: true, Listen: []string{"/ip4/127.0.0.1/tcp/0"}})
				if err != nil {
					ts.Fatalf("repo: %v", err)
				}
				defer s.Close()
				pins, err := s.Pins(ctx)
				if err != nil {
					ts.Fatalf("repo: %v", err)
				}
				for _, p := range pins {
					fmt.Fprintf(ts.Stdout(), "pin %s %s\n", p.Name, p.CID)
				}
				n, err := s.GC(ctx)
				if err != nil {
					ts.Fatalf("repo: %v", err)
				}
				fmt.Fprintf(ts.Stdout(), "unpinned %d\n", n)
			},
			// status N cmd args...: run cmd and require exit status N; its
			// stdout and stderr are then checked like exec's.
			"status": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: status N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("status: %q is not a number", args[0])
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("status: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("%s exited with status %d, want %d\nstdout:\n%s\nstderr:\n%s", args[1], got, want, ts.ReadFile("stdout"), ts.ReadFile("stderr"))
				}
			},
			// waitapi [HOME]: wait (up to a minute) until the daemon of the
			// home (default $HOME/.pdx) answers on its api.listen.
			"waitapi": waitAPI,
		}),
	})
}

// withCmds is the union of testscript command sets.
func withCmds(sets ...map[string]func(ts *testscript.TestScript, neg bool, args []string)) map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	out := map[string]func(ts *testscript.TestScript, neg bool, args []string){}
	for _, s := range sets {
		maps.Copy(out, s)
	}
	return out

}

func waitAPI(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) > 1 {
		ts.Fatalf("usage: waitapi [HOME]")
	}
	dir := filepath.Join(ts.Getenv("HOME"), ".pdx")
	if len(args) == 1 {
		dir = ts.MkAbs(args[0])
	}
	h, err := home.Load(dir)
	ts.Check(err)
	conf, err := h.LoadConfig(nil)
	ts.Check(err)
	waitHealthy(ts, conf.API.Listen)
}

// waitHealthy waits (a minute at most) until a daemon answers /healthz
// at the API address addr (host:port): the one wait of the scripts'
// commands that start daemons.
func waitHealthy(ts *testscript.TestScript, addr string) {
	url := "http://" + addr + "/healthz"
	deadline := time.Now().Add(time.Minute)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			ts.Fatalf("no daemon answered at %s within a minute (%v)", url, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestFastScryptIgnoredOutsideTests builds pdx as users get it and shows
// that PDX_INSECURE_FAST_SCRYPT changes nothing there: the keys are
// encrypted with go-ethereum's standard scrypt parameters (N = 2^18).
func TestFastScryptIgnoredOutsideTests(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build pdx for this test: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "pdx")
	if out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(t.TempDir(), "h")
	cmd := exec.Command(bin, "--home", dir, "init")
	cmd.Env = append(os.Environ(), "PDX_PASSPHRASE=p", envFastScrypt+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdx init: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "ignoring "+envFastScrypt) {
		t.Errorf("no note that the variable was ignored: %q", stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "keystore", "UTC--*"))
	files = append(files, filepath.Join(dir, "seed.json"))
	for _, f := range files {
		var doc struct {
			Crypto struct {
				KDFParams struct {
					N int `json:"n"`
					P int `json:"p"`
				} `json:"kdfparams"`
			} `json:"crypto"`
		}
		b, err := os.ReadFile(f)
		if err == nil {
			err = json.Unmarshal(b, &doc)
		}
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if doc.Crypto.KDFParams.N != keystore.StandardScryptN || doc.Crypto.KDFParams.P != keystore.StandardScryptP {
			t.Errorf("%s: scrypt N=%d P=%d, want the standard %d/%d", filepath.Base(f), doc.Crypto.KDFParams.N, doc.Crypto.KDFParams.P, keystore.StandardScryptN, keystore.StandardScryptP)
		}
	}
	if len(files) != 2 {
		t.Errorf("found %d encrypted files, want the keystore file and seed.json", len(files))
	}
}
