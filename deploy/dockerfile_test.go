package deploy

import (
	"context"
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// repoRoot is where the Dockerfile's `COPY . .` comes from (WORKDIR /src).
const repoRoot = ".."

func loadDockerfile(t *testing.T) *Dockerfile {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	df, err := ParseDockerfile(f)
	if err != nil {
		t.Fatal(err)
	}
	return df
}

// images are the Dockerfile's final stages, the binary each ships and the
// stage that builds it.
var images = []struct{ stage, binary, build string }{
	{"pdx", "pdx", "build-pdx"},
	{"geth", "geth", "build-geth"},
	{"kubo", "ipfs", "build-kubo"},
}

// TestDockerfileImages checks the image stages: scratch, an unprivileged
// user, the binary from its build stage.
func TestDockerfileImages(t *testing.T) {
	df := loadDockerfile(t)
	for _, im := range images {
		s := df.Stage(im.stage)
		if s == nil {
			t.Errorf("no stage %q", im.stage)
			continue
		}
		if s.From != "scratch" {
			t.Errorf("stage %s is FROM %s, want scratch (static binaries need no base)", im.stage, s.From)
		}
		uid, _, _ := strings.Cut(s.User, ":")
		if uid == "" || uid == "0" || uid == "root" {
			t.Errorf("stage %s runs as %q, want an unprivileged user", im.stage, s.User)
		}
		want := "--from=" + im.build + " /out/" + im.binary + " "
		found := false
		for _, c := range s.Copies {
			found = found || strings.HasPrefix(c, want)
		}
		if !found {
			t.Errorf("stage %s does not COPY %s… (copies: %q)", im.stage, want, s.Copies)
		}
	}
}

// TestDockerfileStaticBuilds runs each build stage's `go build` line as the
// Dockerfile does — through sh, with the stage's ENV, in the source tree —
// writing into a temporary OUT, and checks each binary is statically linked:
// no program interpreter and no needed shared library. The compiled
// packages come from the build cache after the first run; the links take
// about a minute.
func TestDockerfileStaticBuilds(t *testing.T) {
	df := loadDockerfile(t)
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatalf("running the Dockerfile's build lines needs sh: %v", err)
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("running the Dockerfile's build lines needs the go command (Go 1.26) on PATH: %v", err)
	}
	out := t.TempDir()
	for _, im := range images {
		t.Run(im.binary, func(t *testing.T) {
			s := df.Stage(im.build)
			if s == nil {
				t.Fatalf("no stage %q", im.build)
			}
			var builds []string
			for _, r := range s.Run {
				if strings.HasPrefix(r, "go build ") {
					builds = append(builds, r)
				}
			}
			if len(builds) != 1 {
				t.Fatalf("stage %s has %d `go build` lines, want 1: %q", im.build, len(builds), s.Run)
			}
			env := df.Environ(s)
			if !strings.Contains(strings.Join(env, "\n"), "OUT=/out") {
				t.Fatalf("stage %s does not set OUT=/out: %q", im.build, env)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, sh, "-c", builds[0])
			cmd.Dir = repoRoot
			// The host's environment (GOPATH, caches, proxy), then the
			// Dockerfile's, then OUT pointed at the temporary directory.
			cmd.Env = append(append(os.Environ(), env...), "OUT="+out)
			start := time.Now()
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s\nfailed: %v\n%s", builds[0], err, b)
			}
			t.Logf("%s built in %s", im.binary, time.Since(start).Round(time.Second))
			bin := filepath.Join(out, im.binary)
			checkStatic(t, bin)
			// A static binary that links but cannot start would pass the
			// ELF check: run it.
			vctx, vcancel := context.WithTimeout(context.Background(), time.Minute)
			defer vcancel()
			ver := exec.CommandContext(vctx, bin, "version")
			ver.Env = append(os.Environ(), "IPFS_PATH="+t.TempDir(), "PDX_HOME="+t.TempDir())
			if b, err := ver.CombinedOutput(); err != nil {
				t.Errorf("%s version: %v\n%s", im.binary, err, b)
			} else {
				t.Logf("%s version: %s", im.binary, strings.SplitN(strings.TrimSpace(string(b)), "\n", 2)[0])
			}
		})
	}
}

// checkStatic fails unless path is a static executable.
func checkStatic(t *testing.T, path string) {
	t.Helper()
	problems, err := staticProblems(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}

// staticProblems lists why the ELF executable at path is not static: a
// PT_INTERP program header (a dynamic loader) or DT_NEEDED entries (shared
// libraries).
func staticProblems(path string) ([]string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var problems []string
	if f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN {
		problems = append(problems, fmt.Sprintf("%s is %v, want an executable", path, f.Type))
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			problems = append(problems, fmt.Sprintf("%s has a program interpreter (PT_INTERP): it is dynamically linked", path))
		}
	}
	needed, err := f.DynString(elf.DT_NEEDED)
	if err != nil {
		return nil, fmt.Errorf("%s: reading the dynamic section: %w", path, err)
	}
	if len(needed) > 0 {
		problems = append(problems, fmt.Sprintf("%s needs shared libraries %q", path, needed))
	}
	return problems, nil
}

// TestStaticCheckRejectsDynamic shows the check can fail: sh on the test
// machine is dynamically linked (Debian's dash, bash, or busybox built
// against glibc's shared libc).
func TestStaticCheckRejectsDynamic(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatal(err)
	}
	if sh, err = filepath.EvalSymlinks(sh); err != nil {
		t.Fatal(err)
	}
	problems, err := staticProblems(sh)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) < 2 {
		t.Fatalf("%s: problems %q, want both PT_INTERP and DT_NEEDED reported", sh, problems)
	}
}
