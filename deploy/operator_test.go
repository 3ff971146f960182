package deploy

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/compose-spec/compose-go/v2/types"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/testbin"
)

// The tests of this file are what an operator does with the compose file
// and the images, run without a Docker engine: each defect an operator met
// (issue 18) has one.

// imageUID is the user every image runs as (Dockerfile, stage rootfs).
const imageUID = 10001

// asImageUser runs cmd as the images' user, as root can; the test is
// skipped when it does not run as root (and fails under CI=true, where a
// skipped operator check would hide a missing step).
func asImageUser(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if os.Getuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("needs root to run a process as uid 10001: CI runs make test as root")
		}
		t.Skip("needs root to run a process as uid 10001")
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: imageUID, Gid: imageUID}}
}

// sharedDir is a directory uid 10001 can enter (t.TempDir's parents are
// 0700), removed when the test ends.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pdx-operator-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyFile copies src to dst with mode.
func copyFile(t *testing.T, src, dst string, mode os.FileMode) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dst, mode); err != nil {
		t.Fatal(err)
	}
}

const keyFileDenied = "cannot read the key file (permission denied): it must be readable by uid 10001"

// TestKeyFileOwnership: the operator makes an account key file root's and
// 0600, as a careful operator does, and mounts it into a container whose
// pdx runs as uid 10001. The proxy and the deploy step say the file must
// be readable by uid 10001 (not that the key is malformed); with the
// ownership docs/operators.md gives (chown 10001, chmod 0400) the deploy
// step deploys the Registry.
func TestKeyFileOwnership(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to own a file as root and run pdx as uid 10001")
	}
	dir := sharedDir(t)
	pdx := filepath.Join(dir, "pdx")
	copyFile(t, testbin.Pdx(t), pdx, 0o755)
	key := filepath.Join(dir, "deployer.key")
	copyFile(t, filepath.Join(repoRoot, "deploy", "dev-keys", "deployer.key"), key, 0o600)
	rpc := testbin.StartGeth(t)

	run := func(args ...string) (int, string) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, pdx, args...)
		cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + dir}
		asImageUser(t, cmd)
		out, err := cmd.CombinedOutput()
		code := 0
		if err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatalf("pdx %v: %v", args, err)
			}
			code = ee.ExitCode()
		}
		return code, string(out)
	}

	proxyDir := filepath.Join(dir, "proxy")
	if err := os.Mkdir(proxyDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(proxyDir, imageUID, imageUID); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"contracts", "deploy", "--rpc", rpc, "--key-file", key},
		{"proxy", "--dir", proxyDir, "--rpc", rpc, "--registry", "0x3A220f351252089D385b29beca14e27F204c296A", "--account-key-file", key, "--ipfs-api", "http://127.0.0.1:1"},
	} {
		code, out := run(args...)
		if code == 0 || !strings.Contains(out, keyFileDenied) {
			t.Errorf("pdx %s with a root-owned 0600 key file: exit %d, want the message %q:\n%s", args[0], code, keyFileDenied, out)
		}
		if strings.Contains(out, "64 hex digits") {
			t.Errorf("pdx %s blames the key's format for a permission problem:\n%s", args[0], out)
		}
	}

	// The documented ownership.
	if err := os.Chown(key, imageUID, imageUID); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(key, 0o400); err != nil {
		t.Fatal(err)
	}
	if code, out := run("contracts", "deploy", "--rpc", rpc, "--key-file", key); code != 0 {
		t.Fatalf("pdx contracts deploy with the key file chown 10001, chmod 0400: exit %d\n%s", code, out)
	}
}

// secretScripts are the services whose scripts read a secret, with the
// lines of the script up to the first that starts the service: the
// secret checks.
func secretChecks(t *testing.T, p *types.Project) map[string]string {
	t.Helper()
	checks := map[string]string{}
	for _, name := range p.ServiceNames() {
		svc := p.Services[name]
		if len(svc.Entrypoint) != 2 || svc.Entrypoint[0] != "sh" || len(svc.Command) != 1 || !strings.Contains(svc.Command[0], "/run/secrets/") && !strings.Contains(svc.Command[0], "PASSPHRASE_FILE") {
			continue
		}
		var lines []string
		for _, line := range strings.Split(svc.Command[0], "\n") {
			l := strings.TrimSpace(line)
			if !strings.HasPrefix(l, "read ") && !strings.HasPrefix(l, `test "$STACK_PROFILE" = dev`) && !strings.HasPrefix(l, "test -z ") && !strings.HasPrefix(l, "export ") {
				break
			}
			lines = append(lines, line)
		}
		checks[name] = strings.Join(lines, "\n")
	}
	return checks
}

// runScript runs a (translated) script of svc with its environment.
func runScript(t *testing.T, s *stack, svc types.ServiceConfig, script string, extraEnv ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", s.translate(svc, script))
	cmd.Env = append([]string{"PATH=/usr/bin:/bin"}, extraEnv...)
	for k, v := range svc.Environment {
		if v != nil {
			cmd.Env = append(cmd.Env, k+"="+s.translate(svc, *v))
		}
	}
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("%s: the script did not finish: %s", svc.Name, out)
	}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		}
		t.Fatal(err)
	}
	return 0, string(out)
}

// TestComposeRefusesPlaceholders: the operator copies .env.example to .env
// and starts the stack without replacing the change-me placeholders of
// deploy/dev-secrets. Every service that reads one refuses to start (its
// whole script runs: it stops before starting anything) and says which
// secret and what to do; with STACK_PROFILE=dev it accepts them; with real
// secrets in files of the operator's own, every check passes and the
// values reach the service.
func TestComposeRefusesPlaceholders(t *testing.T) {
	p := loadCompose(t, "*")
	s := &stack{t: t, p: p}
	checks := secretChecks(t, p)
	for _, want := range []string{"ipfs", "ipfs-replica", "owner-init", "brand-init", "proxy1", "proxy2", "proxy3", "owner", "brand", "pinsvc"} {
		if _, ok := checks[want]; !ok {
			t.Errorf("service %s reads no secret from a file", want)
		}
	}
	for name := range checks {
		svc := p.Services[name]
		// The whole script, as the container runs it: it must stop at the
		// check, before ipfs or pdx would run (neither is on PATH here).
		code, out := runScript(t, s, svc, svc.Command[0])
		if code == 0 || !strings.Contains(out, "change-me placeholder") || !strings.Contains(out, "STACK_PROFILE=dev") {
			t.Errorf("%s started with a change-me placeholder (exit %d):\n%s", name, code, out)
		}
		if strings.Contains(out, "not found") {
			t.Errorf("%s went past its secret checks:\n%s", name, out)
		}
	}

	dev := loadComposeEnv(t, devEnv, "*")
	sd := &stack{t: t, p: dev}
	for name, script := range secretChecks(t, dev) {
		if code, out := runScript(t, sd, dev.Services[name], script); code != 0 {
			t.Errorf("%s refused the placeholders with STACK_PROFILE=dev: exit %d\n%s", name, code, out)
		}
	}

	// Real secrets, in files the operator made.
	dir := t.TempDir()
	var env []string
	for _, v := range []string{"OWNER_PASSPHRASE_FILE", "BRAND_PASSPHRASE_FILE", "IPFS_API_TOKEN_FILE", "IPFS_REPLICA_API_TOKEN_FILE", "PINSVC_TOKEN_FILE"} {
		f := filepath.Join(dir, strings.ToLower(v))
		if err := os.WriteFile(f, []byte("real-"+strings.ToLower(v)+"\n"), 0o400); err != nil {
			t.Fatal(err)
		}
		env = append(env, v+"="+f)
	}
	env = append(env, "OWNER_PINNING_SERVICE_URL=http://pinsvc:8800")
	prod := loadComposeEnv(t, env, "*")
	sp := &stack{t: t, p: prod}
	for name, script := range secretChecks(t, prod) {
		svc := prod.Services[name]
		code, out := runScript(t, sp, svc, script+"\nenv")
		if code != 0 {
			t.Errorf("%s refused real secrets: exit %d\n%s", name, code, out)
			continue
		}
		// What the script exported carries the secret, not a placeholder.
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "PDX_") && strings.Contains(line, "change-me") {
				t.Errorf("%s: %s", name, line)
			}
		}
		switch name {
		case "owner":
			for _, want := range []string{"PDX_IPFS_AUTH_HEADER=Bearer real-ipfs_api_token_file", "PDX_IPFS_PINNING_SERVICE_TOKEN=real-pinsvc_token_file"} {
				if !strings.Contains(out, want) {
					t.Errorf("owner: the environment pdx gets lacks %s:\n%s", want, out)
				}
			}
		case "proxy1":
			if !strings.Contains(out, "PDX_PROXY_IPFS_AUTH=bearer:real-ipfs_api_token_file") {
				t.Errorf("proxy1: the environment pdx gets lacks the IPFS token:\n%s", out)
			}
		}
	}

	// No secret is in any service's environment (docker inspect shows it).
	for _, name := range prod.ServiceNames() {
		for k, v := range prod.Services[name].Environment {
			if v != nil && strings.Contains(*v, "real-") {
				t.Errorf("%s: %s carries a secret in the environment", name, k)
			}
		}
	}
}

// TestComposeSecretReadableByImageUser: a secret file root owns with mode
// 0600 cannot be read by the images' user; the service says so instead of
// failing later on an empty token.
func TestComposeSecretReadableByImageUser(t *testing.T) {
	dir := sharedDir(t)
	tok := filepath.Join(dir, "ipfs_api_token")
	if err := os.WriteFile(tok, []byte("0123456789abcdef\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := loadComposeEnv(t, []string{"IPFS_API_TOKEN_FILE=" + tok})
	s := &stack{t: t, p: p}
	svc := p.Services["proxy1"]
	script := secretChecks(t, p)["proxy1"]
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", s.translate(svc, script))
	cmd.Env = []string{"PATH=/usr/bin:/bin", "STACK_PROFILE=production"}
	asImageUser(t, cmd)
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "it must be readable by uid 10001") {
		t.Errorf("a root-owned 0600 token, read as uid 10001: %v, want the ownership message:\n%s", err, out)
	}
	if err := os.Chown(tok, imageUID, imageUID); err != nil {
		t.Fatal(err)
	}
	cmd = exec.CommandContext(ctx, "sh", "-c", s.translate(svc, script))
	cmd.Env = []string{"PATH=/usr/bin:/bin", "STACK_PROFILE=production"}
	asImageUser(t, cmd)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the token owned by uid 10001: %v\n%s", err, out)
	}
}

// TestComposeDeployBlockReachesEveryService: the operator sets
// REGISTRY_DEPLOY_BLOCK to the block the deploy step printed; every
// service that reads the Registry starts there: the proxies' --from-block
// and the owner's and brand's chain.registry_block.
func TestComposeDeployBlockReachesEveryService(t *testing.T) {
	p := loadComposeEnv(t, []string{"REGISTRY_DEPLOY_BLOCK=4242"}, "*")
	reg := p.Environment["PDX_REGISTRY_ADDRESS"]
	seen := 0
	for _, name := range p.ServiceNames() {
		svc := p.Services[name]
		if name == "deploy" {
			continue
		}
		readsRegistry := false
		var env []string
		for k, v := range svc.Environment {
			if v != nil {
				env = append(env, k+"="+*v)
				if *v == reg {
					readsRegistry = true
				}
			}
		}
		if !readsRegistry {
			continue
		}
		seen++
		switch sub := pdxSubcommand(t, svc); sub {
		case "proxy":
			if v := svc.Environment["PDX_PROXY_FROM_BLOCK"]; v == nil || *v != "4242" {
				t.Errorf("%s: PDX_PROXY_FROM_BLOCK is not REGISTRY_DEPLOY_BLOCK", name)
			}
		case "daemon":
			path := filepath.Join(t.TempDir(), config.FileName)
			raw, err := config.Encode(config.Default())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(path, env)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Chain.RegistryBlock != 4242 {
				t.Errorf("%s: chain.registry_block = %d, want REGISTRY_DEPLOY_BLOCK (4242)", name, cfg.Chain.RegistryBlock)
			}
		default:
			t.Errorf("%s (pdx %s) reads the Registry; this test knows no start block for it", name, sub)
		}
	}
	if seen < 5 {
		t.Fatalf("only %d services read the Registry; want the three proxies, the owner and the brand", seen)
	}
}

// dockerignore is a .dockerignore as the Docker builder reads it: the last
// matching pattern wins, ! re-includes, a pattern that matches a
// directory excludes what is under it, and ** matches any number of
// directories.
type dockerignore []struct {
	re     *regexp.Regexp
	negate bool
}

func parseDockerignore(t *testing.T, r io.Reader) dockerignore {
	t.Helper()
	var d dockerignore
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		neg := strings.HasPrefix(line, "!")
		line = path.Clean(strings.TrimPrefix(strings.TrimPrefix(line, "!"), "/"))
		var re strings.Builder
		re.WriteString("^")
		for i := 0; i < len(line); i++ {
			switch c := line[i]; {
			case strings.HasPrefix(line[i:], "**/"):
				re.WriteString("(.*/)?")
				i += 2
			case strings.HasPrefix(line[i:], "**"):
				re.WriteString(".*")
				i++
			case c == '*':
				re.WriteString("[^/]*")
			case c == '?':
				re.WriteString("[^/]")
			default:
				re.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
		re.WriteString("(/.*)?$")
		d = append(d, struct {
			re     *regexp.Regexp
			negate bool
		}{regexp.MustCompile(re.String()), neg})
	}
	return d
}

func (d dockerignore) excluded(p string) bool {
	ex := false
	for _, pat := range d {
		if pat.re.MatchString(p) {
			ex = !pat.negate
		}
	}
	return ex
}

// TestDockerignore: `docker build .` sends neither the operator's .env
// (passphrases, tokens), nor secrets/, nor .git to the builder, so none can
// land in a layer; tests, docs and the deployment files stay out too, so an
// edit to them or to .env does not rebuild the binaries; and every file the
// three builds read (go list: sources, cgo files, embedded files, go.mod,
// go.sum) is still sent.
func TestDockerignore(t *testing.T) {
	f, err := os.Open(filepath.Join(repoRoot, ".dockerignore"))
	if err != nil {
		t.Fatalf("no .dockerignore: the build context would carry .env and .git: %v", err)
	}
	defer f.Close()
	d := parseDockerignore(t, f)
	for _, p := range []string{".env", ".env.production", ".git", ".git/config", "secrets/owner_passphrase",
		"deploy/dev-secrets/ipfs_api_token", "deploy/dev-keys/proxy1.key", "tools/node_modules/solc/index.js",
		"deploy/deploy.test", "cmd/pdx/main_test.go", "docs/operators.md", "README.md", "docker-compose.yml"} {
		if !d.excluded(p) {
			t.Errorf(".dockerignore lets %s into the build context", p)
		}
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-deps", "-json", "./cmd/pdx", "github.com/ethereum/go-ethereum/cmd/geth", "github.com/ipfs/kubo/cmd/ipfs")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	needed := []string{"go.mod", "go.sum"}
	for dec.More() {
		var pkg struct {
			Dir                                                                        string
			Module                                                                     *struct{ Main bool }
			GoFiles, CgoFiles, CFiles, HFiles, SFiles, CXXFiles, SysoFiles, EmbedFiles []string
		}
		if err := dec.Decode(&pkg); err != nil {
			t.Fatal(err)
		}
		if pkg.Module == nil || !pkg.Module.Main {
			continue
		}
		rel, err := filepath.Rel(root, pkg.Dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, list := range [][]string{pkg.GoFiles, pkg.CgoFiles, pkg.CFiles, pkg.HFiles, pkg.SFiles, pkg.CXXFiles, pkg.SysoFiles, pkg.EmbedFiles} {
			for _, f := range list {
				needed = append(needed, filepath.ToSlash(filepath.Join(rel, f)))
			}
		}
	}
	if len(needed) < 50 {
		t.Fatalf("go list found only %d files the builds read", len(needed))
	}
	for _, p := range needed {
		if d.excluded(p) {
			t.Errorf(".dockerignore leaves %s out of the build context, which the builds read", p)
		}
	}
	// The matcher itself can tell the two apart.
	if !(dockerignore{{regexp.MustCompile("^x(/.*)?$"), false}}).excluded("x/y") || d.excluded("go.mod") {
		t.Fatal("the .dockerignore matcher is broken")
	}
}

// TestImagesDeclareNoVolume: the images declare no VOLUME, so a container
// that mounts nothing on /data (the deploy step) leaves no anonymous volume
// behind for `docker compose down -v` to miss; every state directory is on
// a named volume instead (TestComposeVolumes).
func TestImagesDeclareNoVolume(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.EqualFold(f[0], "VOLUME") {
			t.Errorf("Dockerfile:%d: %s: every container without a mount there leaks an anonymous volume", i+1, line)
		}
	}
}

// TestChainRPCRefusesForeignHosts: geth, run with the chain service's own
// flags, answers the names the compose network and the host use (chain,
// localhost, IP addresses) and refuses any other Host: a web page in the
// operator's browser that rebinds its own name to 127.0.0.1 cannot spend
// from the dev account.
func TestChainRPCRefusesForeignHosts(t *testing.T) {
	p := loadCompose(t)
	svc := p.Services["chain"]
	if imageOf(t, svc).image != "geth" {
		t.Fatal("the chain service is not geth")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	dir := t.TempDir()
	var args []string
	for _, a := range svc.Command {
		switch {
		case strings.HasPrefix(a, "--http.addr="):
			a = "--http.addr=127.0.0.1" // a test binds no public interface
		case strings.HasPrefix(a, "--http.port="):
			a = "--http.port=" + port
		case strings.HasPrefix(a, "--datadir="):
			a = "--datadir=" + dir
		}
		args = append(args, a)
	}
	if !strings.Contains(strings.Join(args, " "), "--http.vhosts=") {
		t.Fatal("the chain sets no --http.vhosts: geth's default is localhost only, and compose's service name would be refused")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, testbin.Geth(t), args...)
	log := &testbin.SyncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	defer func() { cancel(); cmd.Wait() }()
	body := `{"jsonrpc":"2.0","id":1,"method":"eth_accounts","params":[]}`
	call := func(host string) (int, error) {
		req, err := http.NewRequest("POST", "http://127.0.0.1:"+port+"/", strings.NewReader(body))
		if err != nil {
			return 0, err
		}
		req.Host = host
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, nil
	}
	deadline := time.Now().Add(time.Minute)
	for {
		if _, err := call("127.0.0.1:" + port); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("geth with the chain's flags did not answer:\n%s", log.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	for host, want := range map[string]int{
		"chain:8545":                 200, // the compose network
		"localhost:8545":             200, // CHAIN_RPC_BIND on the host
		"127.0.0.1:8545":             200,
		"10.77.0.2:8545":             200,
		"attacker.example:8545":      403, // DNS rebinding
		"chain.attacker.example":     403,
		"localhost.attacker.example": 403,
	} {
		got, err := call(host)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("Host %s: status %d, want %d", host, got, want)
		}
	}
	if b := p.Services["chain"].Ports; len(b) != 1 || b[0].HostIP != "127.0.0.1" {
		t.Errorf("the chain's RPC is published on %v, want loopback only", b)
	}
}

// TestComposeVersionDocumented: the compose file needs Compose v2 (its
// top-level name, which Debian's docker-compose 1.29 rejects with "'name'
// does not match any of the regexes"), and the operator's guide and the
// compose file say so.
func TestComposeVersionDocumented(t *testing.T) {
	compose, err := os.ReadFile(filepath.Join(repoRoot, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^name:`).Match(compose) {
		t.Skip("the compose file has no top-level name any more")
	}
	guide, err := os.ReadFile(filepath.Join(repoRoot, "docs", "operators.md"))
	if err != nil {
		t.Fatal(err)
	}
	for file, text := range map[string][]byte{"docker-compose.yml": compose, "docs/operators.md": guide} {
		if !bytes.Contains(text, []byte("Compose v2")) || !bytes.Contains(text, []byte("docker-compose 1.")) {
			t.Errorf("%s does not say the file needs Compose v2 and that docker-compose 1.x refuses it", file)
		}
	}
}

// TestComposeKuboDevIsPrivate: in the dev profile kubo's setup leaves it
// with no bootstrap peers and AutoConf off, so it neither joins the public
// network nor spends its start fetching AutoConf from the internet; in
// production it keeps kubo's defaults.
func TestComposeKuboDevIsPrivate(t *testing.T) {
	ipfs := testbin.IPFS(t)
	token, err := filepath.Abs(filepath.Join(repoRoot, "deploy", "dev-keys", "proxy1.key")) // any non-placeholder
	if err != nil {
		t.Fatal(err)
	}
	for _, profile := range []string{"dev", "production"} {
		p := loadComposeEnv(t, []string{"STACK_PROFILE=" + profile, "IPFS_API_TOKEN_FILE=" + token})
		svc := p.Services["ipfs"]
		s := &stack{t: t, p: p}
		var setup []string
		for _, line := range strings.Split(svc.Command[0], "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "exec ") {
				setup = append(setup, line)
			}
		}
		repo := t.TempDir()
		env := []string{"PATH=" + filepath.Dir(ipfs) + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + t.TempDir(), "IPFS_TELEMETRY=off", "IPFS_PROFILE=flatfs", "STACK_PROFILE=" + profile, "IPFS_PATH=" + repo}
		code, out := func() (int, string) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, "sh", "-c", s.translate(svc, strings.Join(setup, "\n")))
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			if err != nil {
				return 1, string(out)
			}
			return 0, string(out)
		}()
		if code != 0 {
			t.Fatalf("%s: kubo setup: %s", profile, out)
		}
		get := func(key string) string {
			cmd := exec.Command(ipfs, "config", key)
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			if err != nil && strings.Contains(string(out), "not found") {
				return "(unset)" // kubo's default
			}
			if err != nil {
				t.Fatalf("ipfs config %s: %v\n%s", key, err, out)
			}
			return strings.TrimSpace(string(out))
		}
		autoconf, bootstrap := get("AutoConf.Enabled"), get("Bootstrap")
		private := autoconf == "false" && (bootstrap == "null" || bootstrap == "[]")
		if profile == "dev" && !private {
			t.Errorf("dev: AutoConf.Enabled=%s Bootstrap=%s, want false and none", autoconf, bootstrap)
		}
		if profile == "production" && private {
			t.Errorf("production: kubo was kept off the public network")
		}
	}
}
