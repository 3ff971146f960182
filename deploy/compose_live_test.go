package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/compose-spec/compose-go/v2/types"
	ma "github.com/multiformats/go-multiaddr"
	manet "github.com/multiformats/go-multiaddr/net"

	"github.com/pdx-network/pdx/internal/testbin"
)

// stack runs the services of docker-compose.yml as processes on loopback,
// with the compose file's own commands and environment, translated the way
// a container would see them: service host names and 0.0.0.0 listeners
// become loopback ports, volumes become directories, secrets their files.
// The chain and the IPFS nodes are geth --dev and kubo daemons started by
// testbin (their compose commands bind every interface, which a test may
// not); their flags are checked by TestComposeCommands.
type stack struct {
	t       *testing.T
	p       *types.Project
	bins    map[string]string
	path    string            // PATH with the binaries first
	hosts   map[string]string // "service:port" → "127.0.0.1:port"
	ipfsAPI map[string]string // kubo service → its RPC multiaddr
	vols    map[string]string // volume → directory
	procs   []*exec.Cmd
}

// freeAddr is a loopback address whose port is outside the kernel's
// ephemeral range (testbin.FreePort), so no listener on :0 takes it first.
func freeAddr(t *testing.T) string { return net.JoinHostPort("127.0.0.1", testbin.FreePort(t)) }

var anyAddrRE = regexp.MustCompile(`0\.0\.0\.0:([0-9]+)`)

var secretRE = regexp.MustCompile(`/run/secrets/([a-z0-9_]+)`)

func newStack(t *testing.T, p *types.Project) *stack {
	s := &stack{t: t, p: p, bins: binaries(t), hosts: map[string]string{}, ipfsAPI: map[string]string{}, vols: map[string]string{}}
	s.path = filepath.Dir(s.bins["pdx"]) + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, b := range s.bins {
		if filepath.Dir(b) != filepath.Dir(s.bins["pdx"]) {
			t.Fatalf("testbin put the binaries in different directories: %v", s.bins)
		}
	}
	for v := range p.Volumes {
		s.vols[v] = t.TempDir()
	}
	// Every service's 0.0.0.0 listener gets a loopback port.
	for _, name := range p.ServiceNames() {
		svc := p.Services[name]
		var text strings.Builder
		for _, v := range svc.Environment {
			if v != nil {
				text.WriteString(*v + "\n")
			}
		}
		for _, c := range commands(t, svc) {
			text.WriteString(strings.Join(c, " ") + "\n")
		}
		for _, m := range anyAddrRE.FindAllStringSubmatch(text.String(), -1) {
			s.hosts[name+":"+m[1]] = freeAddr(t)
		}
	}
	t.Cleanup(s.stop)
	return s
}

// translate rewrites a value of service svc as the container would resolve it.
func (s *stack) translate(svc types.ServiceConfig, v string) string {
	v = anyAddrRE.ReplaceAllStringFunc(v, func(m string) string { return s.hosts[svc.Name+":"+m[len("0.0.0.0:"):]] })
	for hp, addr := range s.hosts {
		v = strings.ReplaceAll(v, "//"+hp, "//"+addr)
		if name, port, _ := strings.Cut(hp, ":"); name == svc.Name {
			v = strings.ReplaceAll(v, "//127.0.0.1:"+port, "//"+addr)
		}
	}
	if api, ok := s.ipfsAPI[svc.Name]; ok {
		v = strings.ReplaceAll(v, "/ip4/127.0.0.1/tcp/5001", api)
	}
	v = secretRE.ReplaceAllStringFunc(v, func(m string) string {
		if ref, ok := s.p.Secrets[strings.TrimPrefix(m, "/run/secrets/")]; ok {
			return ref.File
		}
		return m
	})
	parts := strings.Split(v, ",")
	for i, part := range parts {
		for _, vol := range svc.Volumes {
			if part == vol.Target || strings.HasPrefix(part, vol.Target+"/") {
				parts[i] = s.vols[vol.Source] + strings.TrimPrefix(part, vol.Target)
			}
		}
	}
	return strings.Join(parts, ",")
}

func (s *stack) environ(svc types.ServiceConfig) []string {
	env := []string{"PATH=" + s.path, "HOME=" + s.t.TempDir(), "GOLOG_LOG_LEVEL=error"}
	for k, v := range svc.Environment {
		if v != nil {
			env = append(env, k+"="+s.translate(svc, *v))
		}
	}
	return env
}

func (s *stack) argv(svc types.ServiceConfig) []string {
	argv := append([]string(nil), svc.Entrypoint...)
	if len(argv) == 0 {
		argv = []string{imageOf(s.t, svc).bin}
	}
	argv = append(argv, svc.Command...)
	for i := range argv {
		argv[i] = s.translate(svc, argv[i])
	}
	if b, ok := s.bins[argv[0]]; ok {
		argv[0] = b
	}
	return argv
}

// start runs a long-running service; its output goes to a log shown when
// the test fails.
func (s *stack) start(svc types.ServiceConfig) *testbin.SyncBuffer {
	argv := s.argv(svc)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = s.environ(svc)
	log := &testbin.SyncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("%s: %v", svc.Name, err)
	}
	s.procs = append(s.procs, cmd)
	return log
}

// runOnce runs a one-shot service to completion; it must exit 0.
func (s *stack) runOnce(svc types.ServiceConfig, argv, env []string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("one-shot %s (%q) failed: %v\n%s", svc.Name, argv, err, out)
	}
	return nil
}

// stop ends the processes as `docker compose down` does: SIGTERM, then
// SIGKILL after 15 s.
func (s *stack) stop() {
	for i := len(s.procs) - 1; i >= 0; i-- {
		c := s.procs[i]
		_ = c.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { c.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = c.Process.Kill()
			<-done
		}
	}
}

// healthy runs the service's healthcheck once, as Docker would in the
// container: wget requests are made over HTTP here (the host may have no
// busybox), shell tests run in sh with the service's environment.
func (s *stack) healthy(ctx context.Context, svc types.ServiceConfig) error {
	test := svc.HealthCheck.Test
	if test[0] == "CMD-SHELL" {
		cmd := exec.CommandContext(ctx, "sh", "-c", s.translate(svc, strings.Join(test[1:], " ")))
		cmd.Env = s.environ(svc)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	}
	args := test[1:]
	if args[0] != "wget" {
		return fmt.Errorf("healthcheck %q: this test runs wget and CMD-SHELL checks only", test)
	}
	var method, body, url = "GET", "", ""
	header := http.Header{}
	for i := 1; i < len(args); i++ {
		switch a := args[i]; a {
		case "-q":
		case "-O":
			i++
		case "--header":
			i++
			k, v, _ := strings.Cut(args[i], ":")
			header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
		case "--post-data":
			i++
			method, body = "POST", args[i]
		default:
			if strings.HasPrefix(a, "-") {
				return fmt.Errorf("wget option %q is not one this test reads", a)
			}
			url = s.translate(svc, a)
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header = header
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode/100 != 2 { // wget fails on anything else
		return fmt.Errorf("%s %s: %s: %s", method, url, resp.Status, b)
	}
	if strings.Contains(body, `"jsonrpc"`) {
		var r struct {
			Result json.RawMessage `json:"result"`
		}
		if json.Unmarshal(b, &r) != nil || len(r.Result) == 0 {
			return fmt.Errorf("JSON-RPC %s answered %s", body, b)
		}
	}
	return nil
}

// waitHealthy polls the healthcheck as Docker does, for up to its
// start period plus retries × interval (at most two minutes).
func (s *stack) waitHealthy(svc types.ServiceConfig, log fmt.Stringer) (time.Duration, error) {
	hc := svc.HealthCheck
	limit := time.Duration(*hc.StartPeriod) + time.Duration(*hc.Retries)*time.Duration(*hc.Interval)
	limit = min(limit, 2*time.Minute)
	start := time.Now()
	var last error
	for time.Since(start) < limit {
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(*hc.Timeout))
		last = s.healthy(ctx, svc)
		cancel()
		if last == nil {
			return time.Since(start), nil
		}
		time.Sleep(250 * time.Millisecond)
	}
	out := ""
	if log != nil {
		out = log.String()
	}
	return 0, fmt.Errorf("%s did not become healthy within %s: %v\n%s", svc.Name, limit, last, out)
}

func multiaddrHost(t *testing.T, a string) string {
	t.Helper()
	m, err := ma.NewMultiaddr(a)
	if err != nil {
		t.Fatal(err)
	}
	na, err := manet.ToNetAddr(m)
	if err != nil {
		t.Fatal(err)
	}
	return na.String()
}

// TestComposeStackHealthy brings the whole compose file up as processes in
// depends_on order — one-shots run to completion before their dependents,
// long-running services must pass their own healthchecks — and so shows
// that every healthcheck probes an endpoint the service serves, on the
// port it listens on, and that the order and environment are enough for
// each service to start: the Registry lands at .env.example's address, the
// proxies register, the owner's and the brand's daemons serve.
func TestComposeStackHealthy(t *testing.T) {
	p := loadComposeEnv(t, devEnv, "*")
	s := newStack(t, p)
	order, err := topoOrder(p)
	if err != nil {
		t.Fatal(err)
	}
	// As compose does, start every service whose dependencies are
	// satisfied at once: waves by depth in the depends_on graph.
	depth := map[string]int{}
	var waves [][]string
	for _, name := range order { // dependencies come first
		for dep := range p.Services[name].DependsOn {
			depth[name] = max(depth[name], depth[dep]+1)
		}
		for len(waves) <= depth[name] {
			waves = append(waves, nil)
		}
		waves[depth[name]] = append(waves[depth[name]], name)
	}
	for _, wave := range waves {
		start := time.Now()
		type result struct {
			name, what string
			took       time.Duration
			err        error
		}
		results := make(chan result, len(wave))
		for _, name := range wave {
			svc := p.Services[name]
			switch im := imageOf(t, svc); {
			case im.image == "geth":
				url := testbin.StartGeth(t)
				s.hosts[name+":8545"] = strings.TrimPrefix(url, "http://")
				go func() { d, err := s.waitHealthy(svc, nil); results <- result{name, "healthy", d, err} }()
			case im.image == "kubo":
				tok := kuboToken(t, p, svc)
				d := testbin.StartIPFSDaemon(t, testbin.IPFSRepo(t, "bearer:"+tok))
				s.ipfsAPI[name] = d.API
				s.hosts[name+":5001"] = multiaddrHost(t, d.API)
				go func() { d, err := s.waitHealthy(svc, nil); results <- result{name, "healthy", d, err} }()
			case svc.Restart == "no":
				argv, env := s.argv(svc), s.environ(svc)
				go func() { err := s.runOnce(svc, argv, env); results <- result{name, "completed", time.Since(start), err} }()
			default:
				log := s.start(svc)
				go func() { d, err := s.waitHealthy(svc, log); results <- result{name, "healthy", d, err} }()
			}
		}
		failed := false
		for range wave {
			r := <-results
			if r.err != nil {
				t.Error(r.err)
				failed = true
				continue
			}
			t.Logf("%-13s %s after %s", r.name, r.what, r.took.Round(time.Millisecond))
		}
		if failed {
			t.FailNow()
		}
	}
	// Each long-running service stays healthy once everything runs.
	for _, name := range order {
		svc := p.Services[name]
		if svc.HealthCheck == nil {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := s.healthy(ctx, svc); err != nil {
			t.Errorf("%s unhealthy with the whole stack up: %v", name, err)
		}
		cancel()
	}
}

// kuboToken is the RPC API token a kubo service reads: its one secret.
func kuboToken(t *testing.T, p *types.Project, svc types.ServiceConfig) string {
	t.Helper()
	if len(svc.Secrets) != 1 {
		t.Fatalf("%s: want one secret, its API token; it has %v", svc.Name, svc.Secrets)
	}
	tok := secretValue(t, p, svc.Secrets[0].Source)
	if tok == "" {
		t.Fatalf("%s: its token %s is empty", svc.Name, svc.Secrets[0].Source)
	}
	return tok
}

// TestComposeKuboSetup runs the kubo services' setup script — everything
// but the final `exec ipfs daemon`, which would listen on every interface —
// with the real ipfs on a fresh repository, twice (the second run is a
// restart on an existing repository), and checks the RPC API ends up
// behind the service's token.
func TestComposeKuboSetup(t *testing.T) {
	p := loadComposeEnv(t, devEnv, "*")
	s := &stack{t: t, p: p}
	ipfs := testbin.IPFS(t)
	for _, name := range p.ServiceNames() {
		svc := p.Services[name]
		if imageOf(t, svc).image != "kubo" {
			continue
		}
		if len(svc.Entrypoint) != 2 || svc.Entrypoint[0] != "sh" || len(svc.Command) != 1 {
			t.Fatalf("%s: want entrypoint [sh -c] and one script", name)
		}
		var setup []string
		for _, line := range strings.Split(svc.Command[0], "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "exec ") {
				setup = append(setup, line)
			}
		}
		repo := t.TempDir()
		env := []string{"PATH=" + filepath.Dir(ipfs) + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + t.TempDir(), "IPFS_TELEMETRY=off"}
		for k, v := range svc.Environment {
			if v != nil {
				env = append(env, k+"="+*v)
			}
		}
		env = append(env, "IPFS_PATH="+repo)
		for run := range 2 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			cmd := exec.CommandContext(ctx, "sh", "-c", s.translate(svc, strings.Join(setup, "\n")))
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			cancel()
			if err != nil {
				t.Fatalf("%s setup (run %d): %v\n%s", name, run+1, err, out)
			}
		}
		cmd := exec.Command(ipfs, "config", "API.Authorizations")
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: reading API.Authorizations: %v", name, err)
		}
		var auth map[string]struct {
			AuthSecret   string
			AllowedPaths []string
		}
		if err := json.Unmarshal(out, &auth); err != nil {
			t.Fatalf("%s: API.Authorizations is %s: %v", name, out, err)
		}
		tok := kuboToken(t, p, svc)
		if len(auth) != 1 || auth["pdx"].AuthSecret != "bearer:"+tok || !slices.Contains(auth["pdx"].AllowedPaths, "/api/v0") {
			t.Errorf("%s: API.Authorizations = %s, want the service's token on /api/v0", name, out)
		}
		cmd = exec.Command(ipfs, "config", "Addresses.API")
		cmd.Env = env
		if out, err := cmd.Output(); err != nil || strings.TrimSpace(string(out)) != "/ip4/0.0.0.0/tcp/5001" {
			t.Errorf("%s: Addresses.API = %q (%v), want the compose network's /ip4/0.0.0.0/tcp/5001", name, out, err)
		}
	}
}
