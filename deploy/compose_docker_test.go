package deploy

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The live compose test: docker-compose.yml under a real Docker engine.
// It needs an engine, the Compose v2 plugin and the three images, which
// `make test` and `make test-compose` provide (installing docker.io and
// building the plugin and the images offline when needed). Like the
// dashboard's browser test it fails, never skips, when they are missing,
// and says what to install. PDX_COMPOSE names the compose command (default
// "docker compose"); PDX_IMAGE, GETH_IMAGE and KUBO_IMAGE the images
// (default the :dev tags of `make images-offline`).
//
// Two checkouts may run it at once on one engine: each run has its own
// project name, its own network on a /24 of 10.77.0.0/16 that no other
// network uses, and it checks and removes only its own containers and
// volumes.

// liveStack is one compose project brought up by the test.
type liveStack struct {
	t       *testing.T
	compose []string // the compose command and its project flags
	name    string
}

func (s *liveStack) run(timeout time.Duration, stdin []byte, args ...string) (string, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	argv := append(append([]string(nil), s.compose...), args...)
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	return out.String(), errOut.String(), err
}

// must runs a compose command that must succeed.
func (s *liveStack) must(timeout time.Duration, args ...string) string {
	s.t.Helper()
	out, errOut, err := s.run(timeout, nil, args...)
	if err != nil {
		s.t.Fatalf("compose %s: %v\n%s%s", strings.Join(args, " "), err, out, errOut)
	}
	return out
}

// pdx runs pdx in a service's container; it returns stdout and the exit status.
func (s *liveStack) pdx(svc string, stdin []byte, args ...string) (string, int, string) {
	s.t.Helper()
	argv := append([]string{"exec", "-T", svc, "pdx"}, args...)
	out, errOut, err := s.run(3*time.Minute, stdin, argv...)
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			s.t.Fatalf("compose exec %s pdx %v: %v", svc, args, err)
		}
		code = ee.ExitCode()
	}
	return out, code, errOut
}

func (s *liveStack) pdxJSON(svc string, v any, args ...string) {
	s.t.Helper()
	out, code, errOut := s.pdx(svc, nil, append(args, "--json")...)
	if code != 0 {
		s.t.Fatalf("%s: pdx %s: exit %d\n%s%s", svc, strings.Join(args, " "), code, out, errOut)
	}
	if err := json.Unmarshal([]byte(out), v); err != nil {
		s.t.Fatalf("%s: pdx %s --json printed %q: %v", svc, strings.Join(args, " "), out, err)
	}
}

// up starts the stack and waits until every service is healthy and every
// one-shot completed; it returns how long that took.
func (s *liveStack) up(services ...string) time.Duration {
	s.t.Helper()
	start := time.Now()
	s.must(6*time.Minute, append([]string{"up", "-d", "--wait", "--wait-timeout", "300", "--no-build", "--pull", "never"}, services...)...)
	return time.Since(start)
}

// get fetches a CID into the brand's container and returns the bytes (nil
// and the exit status when it fails).
func (s *liveStack) get(cid string) ([]byte, int, string) {
	s.t.Helper()
	out, code, errOut := s.pdx("brand", nil, "get", cid, "-o", "/data/got")
	if code != 0 {
		return nil, code, out + errOut
	}
	b, _, err := s.run(time.Minute, nil, "exec", "-T", "brand", "cat", "/data/got")
	if err != nil {
		s.t.Fatalf("reading the brand's copy: %v", err)
	}
	return []byte(b), 0, ""
}

// eventually retries fn every 2 s for up to limit.
func eventually(t *testing.T, limit time.Duration, what string, fn func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, last := fn()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s; last: %s", what, limit, last)
		}
		time.Sleep(2 * time.Second)
	}
}

func docker(t *testing.T, args ...string) string {
	t.Helper()
	out, err := dockerOut(args...)
	if err != nil {
		t.Fatalf("docker %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// TestComposeDocker brings docker-compose.yml up under Docker on an
// internal network with its own subnet in 10.77.0.0/16 and runs the
// owner/brand story and the faults an operator meets.
func TestComposeDocker(t *testing.T) {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	composeCmd := strings.Fields(os.Getenv("PDX_COMPOSE"))
	if len(composeCmd) == 0 {
		composeCmd = []string{"docker", "compose"}
	}
	requireDocker(t, composeCmd)
	images := map[string]string{"PDX_IMAGE": "pdx:dev", "GETH_IMAGE": "pdx-geth:dev", "KUBO_IMAGE": "pdx-kubo:dev"}
	for k, def := range images {
		if v := os.Getenv(k); v != "" {
			images[k] = v
		} else {
			images[k] = def
		}
		size, err := dockerOut("image", "inspect", "-f", "{{.Size}}", images[k])
		if err != nil {
			t.Fatalf("image %s not found (%v): `make images-offline` builds the :dev images (`make test` builds its own tags and sets %s)", images[k], err, k)
		}
		var n int64
		fmt.Sscan(size, &n)
		report(t, "image %-22s %6.1f MB", images[k], float64(n)/1e6)
	}

	var rnd [4]byte
	rand.Read(rnd[:])
	name := fmt.Sprintf("pdxlive%x", rnd)
	dir := t.TempDir()
	// The operator's .env: .env.example, the dev profile, no host ports
	// that could collide with anything on this machine.
	example, err := os.ReadFile(filepath.Join(root, ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	env := string(example) + "\nSTACK_PROFILE=dev\nCOMPOSE_PROJECT_NAME=" + name +
		"\nCHAIN_RPC_BIND=127.0.0.1:\nIPFS_SWARM_BIND=127.0.0.1:\nOWNER_API_BIND=127.0.0.1:\nBRAND_API_BIND=127.0.0.1:\n"
	for k, v := range images {
		env += k + "=" + v + "\n"
	}
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(env), 0o600); err != nil {
		t.Fatal(err)
	}
	subnet := ""
	pickSubnet := func() {
		subnet = freeSubnet(t)
		override := "networks:\n  default:\n    internal: true\n    ipam:\n      config:\n        - subnet: " + subnet + "\n"
		if err := os.WriteFile(filepath.Join(dir, "network.yml"), []byte(override), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	pickSubnet()
	s := &liveStack{t: t, name: name, compose: append(composeCmd,
		"--project-name", name, "--project-directory", root, "--env-file", filepath.Join(dir, ".env"),
		"-f", filepath.Join(root, "docker-compose.yml"), "-f", filepath.Join(dir, "network.yml"))}
	t.Cleanup(func() {
		if t.Failed() {
			out, errOut, _ := s.run(time.Minute, nil, "logs", "--no-color", "--tail", "40")
			t.Logf("logs:\n%s%s", out, errOut)
		}
		if out, errOut, err := s.run(3*time.Minute, nil, "down", "-v", "--remove-orphans", "--timeout", "10"); err != nil {
			t.Errorf("cleanup: compose down -v: %v\n%s%s", err, out, errOut)
		}
	})

	// Another run may take the same subnet between the look and `up`:
	// then the engine refuses the network, and another one is picked.
	var took time.Duration
	for attempt := 1; ; attempt++ {
		start := time.Now()
		out, errOut, err := s.run(6*time.Minute, nil, "up", "-d", "--wait", "--wait-timeout", "300", "--no-build", "--pull", "never")
		if err == nil {
			took = time.Since(start)
			break
		}
		if attempt < 5 && strings.Contains(out+errOut, "overlaps") {
			t.Logf("subnet %s taken meanwhile: %s", subnet, strings.TrimSpace(errOut))
			s.run(3*time.Minute, nil, "down", "-v", "--remove-orphans", "--timeout", "10")
			pickSubnet()
			continue
		}
		t.Fatalf("compose up: %v\n%s%s", err, out, errOut)
	}
	report(t, "every service healthy %s after `up` (network %s)", took.Round(100*time.Millisecond), subnet)
	t.Logf("services:\n%s", s.must(time.Minute, "ps", "--format", "table {{.Service}}\t{{.Status}}"))

	// The owner puts and offers; the brand buys; the owner's market agent
	// grants; the brand gets the same bytes.
	data := []byte("order,amount\n1,12.50\n2,7.00\n" + name + "\n")
	var put struct {
		ID  uint64 `json:"id"`
		CID string `json:"cid"`
	}
	out, code, errOut := s.pdx("owner", data, "put", "-", "--dataset", "purchases", "--json")
	if code != 0 {
		t.Fatalf("owner put: exit %d\n%s%s", code, out, errOut)
	}
	if err := json.Unmarshal([]byte(out), &put); err != nil || put.CID == "" {
		t.Fatalf("owner put --json: %q: %v", out, err)
	}
	var offer map[string]any
	s.pdxJSON("owner", &offer, "offer", "purchases", "--price", "0.01eth", "--duration", "30d", "--terms", "research")
	var buy map[string]any
	s.pdxJSON("brand", &buy, "buy", fmt.Sprint(put.ID), "--terms", "research")
	var got []byte
	eventually(t, 2*time.Minute, "the brand gets the dataset after the automatic grant", func() (bool, string) {
		b, code, msg := s.get(put.CID)
		got = b
		return code == 0, fmt.Sprintf("exit %d: %s", code, msg)
	})
	if !bytes.Equal(got, data) {
		t.Fatalf("the brand got %q, the owner put %q", got, data)
	}
	t.Log("owner put → brand buy → automatic grant → brand get: bytes equal")

	// One proxy killed: t = 2 of 3 still serve.
	s.must(time.Minute, "kill", "proxy1")
	// Kept down (a killed container may be restarted by its policy).
	s.must(time.Minute, "stop", "proxy1")
	if b, code, msg := s.get(put.CID); code != 0 || !bytes.Equal(b, data) {
		t.Fatalf("with proxy1 killed the brand's get failed: exit %d: %s", code, msg)
	}
	t.Log("proxy1 killed: get still served by proxy2 and proxy3")

	// A grant made while proxy1 is down reaches it when it returns:
	// with proxy2 then down, proxy1 and proxy3 must serve it.
	second := []byte("click,page\n1,/home\n" + name + "\n")
	out, code, errOut = s.pdx("owner", second, "put", "-", "--dataset", "clicks", "--json")
	if code != 0 {
		t.Fatalf("owner put clicks: exit %d\n%s%s", code, out, errOut)
	}
	var put2 struct {
		ID  uint64 `json:"id"`
		CID string `json:"cid"`
	}
	if err := json.Unmarshal([]byte(out), &put2); err != nil {
		t.Fatal(err)
	}
	s.pdxJSON("owner", &offer, "offer", "clicks", "--price", "0.01eth", "--duration", "30d", "--terms", "research")
	s.pdxJSON("brand", &buy, "buy", fmt.Sprint(put2.ID), "--terms", "research")
	eventually(t, 2*time.Minute, "the second grant, made with proxy1 down", func() (bool, string) {
		_, code, msg := s.get(put2.CID)
		return code == 0, fmt.Sprintf("exit %d: %s", code, msg)
	})
	s.up("proxy1")
	s.must(time.Minute, "kill", "proxy2")
	s.must(time.Minute, "stop", "proxy2")
	eventually(t, time.Minute, "proxy1 serving the grant made while it was down (proxy2 down)", func() (bool, string) {
		b, code, msg := s.get(put2.CID)
		return code == 0 && bytes.Equal(b, second), fmt.Sprintf("exit %d: %s", code, msg)
	})
	s.up("proxy2")
	t.Log("a grant made while proxy1 was down is served by it once it returns")

	// Revoke: the brand is refused.
	var keys map[string]any
	s.pdxJSON("brand", &keys, "keys")
	brandAddr, _ := keys["address"].(string)
	if brandAddr == "" {
		t.Fatalf("pdx keys --json has no address: %v", keys)
	}
	var rev map[string]any
	s.pdxJSON("owner", &rev, "revoke", "purchases", "--to", brandAddr)
	eventually(t, time.Minute, "the brand refused after the revocation", func() (bool, string) {
		_, code, msg := s.get(put.CID)
		return code == 4, fmt.Sprintf("exit %d: %s", code, msg)
	})
	t.Log("revoke → the brand's get refused")

	// The chain restarts; the stack carries on.
	start := time.Now()
	s.must(2*time.Minute, "restart", "chain")
	s.up()
	eventually(t, 2*time.Minute, "a get after the chain restarted", func() (bool, string) {
		b, code, msg := s.get(put2.CID)
		return code == 0 && bytes.Equal(b, second), fmt.Sprintf("exit %d: %s", code, msg)
	})
	report(t, "chain restarted; gets served again after %s", time.Since(start).Round(100*time.Millisecond))

	// down, then up: datasets, grants and revocations stay.
	// The containers `down` removes may leave anonymous volumes that no
	// later container mounts: note them now for the check after down -v.
	mounted := map[string]bool{}
	s.noteVolumes(mounted)
	s.must(3*time.Minute, "down", "--timeout", "10")
	took = s.up()
	report(t, "down, up: healthy again after %s", took.Round(100*time.Millisecond))
	var ls map[string]any
	s.pdxJSON("owner", &ls, "ls")
	if lsText, _ := json.Marshal(ls); !strings.Contains(string(lsText), put.CID) || !strings.Contains(string(lsText), put2.CID) {
		t.Errorf("after down/up the owner's ls lacks a version: %s", lsText)
	}
	eventually(t, 2*time.Minute, "the grant kept across down/up", func() (bool, string) {
		b, code, msg := s.get(put2.CID)
		return code == 0 && bytes.Equal(b, second), fmt.Sprintf("exit %d: %s", code, msg)
	})
	if _, code, msg := s.get(put.CID); code != 4 {
		t.Errorf("after down/up the revoked grant serves again: exit %d: %s", code, msg)
	}
	t.Log("down, up: datasets, grants and revocations kept")

	// down -v leaves no volume, named or anonymous: none labelled with
	// this project, and none that any of its containers (one-shots
	// included) mounted.
	s.noteVolumes(mounted)
	if len(mounted) == 0 {
		t.Fatal("before down -v no container of the project mounts a volume: the check below would prove nothing")
	}
	s.must(3*time.Minute, "down", "-v", "--timeout", "10")
	for _, v := range strings.Fields(docker(t, "volume", "ls", "-q")) {
		if mounted[v] {
			t.Errorf("down -v left volume %s, mounted by the stack", v)
		}
	}
	for _, v := range strings.Fields(docker(t, "volume", "ls", "-q", "--filter", "label=com.docker.compose.project="+name)) {
		t.Errorf("down -v left volume %s of the project", v)
	}
	t.Logf("down -v: none of the %d volumes the stack mounted is left", len(mounted))
}

// noteVolumes adds to seen every volume that a container of the project
// (stopped and one-shot ones included) mounts.
func (s *liveStack) noteVolumes(seen map[string]bool) {
	s.t.Helper()
	for _, c := range strings.Fields(docker(s.t, "ps", "-a", "-q", "--filter", "label=com.docker.compose.project="+s.name)) {
		for _, v := range strings.Fields(docker(s.t, "inspect", "-f", "{{range .Mounts}}{{if eq .Type \"volume\"}}{{.Name}} {{end}}{{end}}", c)) {
			seen[v] = true
		}
	}
}

// report logs a figure of the run (image sizes, times to healthy) and
// appends it to $PDX_COMPOSE_REPORT when set: `go test ./...` shows no log
// of a passing test, so `make test` prints that file after the run.
func report(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Logf(format, args...)
	if p := os.Getenv("PDX_COMPOSE_REPORT"); p != "" {
		f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			t.Errorf("the compose report: %v", err)
			return
		}
		defer f.Close()
		fmt.Fprintf(f, "compose: "+format+"\n", args...)
	}
}

// requireDocker fails the test, saying what to install, unless a Docker
// engine answers and the compose command is Compose v2.
func requireDocker(t *testing.T, composeCmd []string) {
	t.Helper()
	if _, err := exec.LookPath("docker"); err != nil {
		t.Fatal("the docker command is not on PATH: the live compose test needs a Docker engine; install Debian's docker.io and start dockerd (`make docker-engine` does both as root), or run `make test`")
	}
	if out, err := dockerOut("info", "-f", "{{.ServerVersion}}"); err != nil {
		t.Fatalf("no Docker engine answers (%v: %s): start dockerd (`make docker-engine` installs docker.io and starts it as root)", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	argv := append(append([]string(nil), composeCmd...), "version", "--short")
	out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v %s\nthe live compose test needs Compose v2: `make compose-plugin` builds it into ~/.cache/pdx-test and `make test` sets PDX_COMPOSE to it", strings.Join(argv, " "), err, bytes.TrimSpace(out))
	}
	t.Logf("docker compose %s", bytes.TrimSpace(out))
}

// dockerOut runs docker and returns its trimmed output.
func dockerOut(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "docker", args...).CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// freeSubnet picks at random a /24 of 10.77.0.0/16 that no network of
// the engine uses (a concurrent run of this test included).
func freeSubnet(t *testing.T) string {
	t.Helper()
	used := map[string]bool{}
	for _, n := range strings.Fields(docker(t, "network", "ls", "-q")) {
		out, err := dockerOut("network", "inspect", "-f", "{{range .IPAM.Config}}{{.Subnet}} {{end}}", n)
		if err != nil {
			continue // removed meanwhile
		}
		for _, sn := range strings.Fields(out) {
			used[sn] = true
		}
	}
	for _, i := range mrand.Perm(254) {
		sn := fmt.Sprintf("10.77.%d.0/24", i+1)
		if !used[sn] && !used["10.77.0.0/16"] {
			return sn
		}
	}
	t.Fatalf("every /24 of 10.77.0.0/16 is taken by a Docker network: %v", used)
	return ""
}
