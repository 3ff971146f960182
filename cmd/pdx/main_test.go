package main

import (
	"bytes"
	"encoding/json"
	"errors"
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

	"github.com/pdx-network/pdx/internal/home"
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
	url := "http://" + conf.API.Listen + "/healthz"
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
			ts.Fatalf("no daemon answers at %s after a minute: %v", url, err)
		}
		time.Sleep(200 * time.Millisecond)
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
