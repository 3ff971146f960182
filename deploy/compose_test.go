package deploy

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/testbin"
)

// loadCompose loads docker-compose.yml with .env.example as its .env, as
// `docker compose` does, with the given profiles active.
func loadCompose(t *testing.T, profiles ...string) *types.Project {
	t.Helper()
	return loadComposeEnv(t, nil, profiles...)
}

// devEnv is what an operator sets for a throwaway stack: the dev profile,
// which accepts the change-me placeholders of deploy/dev-secrets.
var devEnv = []string{"STACK_PROFILE=dev"}

// loadComposeEnv is loadCompose with env (KEY=VALUE) set in the shell that
// runs `docker compose`, which overrides .env.
func loadComposeEnv(t *testing.T, env []string, profiles ...string) *types.Project {
	t.Helper()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	opts, err := cli.NewProjectOptions([]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root),
		cli.WithEnvFiles(filepath.Join(root, ".env.example")),
		cli.WithDotEnv,
		cli.WithEnv(env),
		cli.WithProfiles(profiles),
	)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, err := opts.LoadProject(ctx)
	if err != nil {
		t.Fatalf("loading docker-compose.yml with .env.example: %v", err)
	}
	return p
}

// program is what runs in a service's image.
type program struct {
	image string // Dockerfile target: pdx, geth or kubo
	bin   string // the image's entrypoint binary
}

var programs = map[string]program{
	"pdx":  {"pdx", "pdx"},
	"geth": {"geth", "geth"},
	"kubo": {"kubo", "ipfs"},
}

// busyboxApplets are the commands the images link to busybox (Dockerfile,
// stage rootfs) besides the shell's builtins.
var busyboxApplets = []string{"sh", "wget", "test", "cat", "mkdir"}

var shellBuiltins = []string{"exec", "exit", "true", "false", "read", "echo", "export"}

// scriptVars are the variables a service's script sets itself: with read
// (a secret's first line) or export.
func scriptVars(cmds [][]string) map[string]bool {
	set := map[string]bool{}
	for _, c := range cmds {
		switch c[0] {
		case "read":
			for _, a := range c[1:] {
				if !strings.HasPrefix(a, "-") {
					set[a] = true
				}
			}
		case "export":
			for _, a := range c[1:] {
				name, _, _ := strings.Cut(a, "=")
				set[name] = true
			}
		}
	}
	return set
}

// secretValue is the first line of a compose secret's file.
func secretValue(t *testing.T, p *types.Project, name string) string {
	t.Helper()
	sec, ok := p.Secrets[name]
	if !ok {
		t.Fatalf("no secret %s", name)
	}
	b, err := os.ReadFile(sec.File)
	if err != nil {
		t.Fatalf("secret %s: %v", name, err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return line
}

// imageOf is the Dockerfile target a service builds.
func imageOf(t *testing.T, s types.ServiceConfig) program {
	t.Helper()
	if s.Build == nil {
		t.Fatalf("service %s has no build section: every image comes from the Dockerfile", s.Name)
	}
	p, ok := programs[s.Build.Target]
	if !ok {
		t.Fatalf("service %s builds target %q, which the Dockerfile does not have", s.Name, s.Build.Target)
	}
	return p
}

// commands are the simple commands a service runs: its entrypoint and
// command, split when they are `sh -c SCRIPT`.
func commands(t *testing.T, s types.ServiceConfig) [][]string {
	t.Helper()
	argv := append([]string(nil), s.Entrypoint...)
	if len(argv) == 0 {
		argv = []string{imageOf(t, s).bin}
	}
	argv = append(argv, s.Command...)
	if len(argv) >= 3 && argv[0] == "sh" && argv[1] == "-c" {
		cmds, err := SplitScript(argv[2])
		if err != nil {
			t.Fatalf("service %s: %v", s.Name, err)
		}
		return cmds
	}
	return [][]string{argv}
}

// healthCommands are the simple commands of a service's healthcheck.
func healthCommands(t *testing.T, s types.ServiceConfig) [][]string {
	t.Helper()
	if s.HealthCheck == nil || len(s.HealthCheck.Test) == 0 {
		return nil
	}
	test := s.HealthCheck.Test
	switch test[0] {
	case "CMD":
		return [][]string{test[1:]}
	case "CMD-SHELL":
		cmds, err := SplitScript(strings.Join(test[1:], " "))
		if err != nil {
			t.Fatalf("service %s healthcheck: %v", s.Name, err)
		}
		return cmds
	}
	t.Fatalf("service %s: healthcheck test %q: want CMD or CMD-SHELL", s.Name, test)
	return nil
}

// binaries builds pdx, geth and ipfs from go.mod (cached between runs).
func binaries(t *testing.T) map[string]string {
	return map[string]string{"pdx": testbin.Pdx(t), "geth": testbin.Geth(t), "ipfs": testbin.IPFS(t)}
}

var subcommandRE = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// cmdPath is the subcommand words of args: the lower-case words before the
// first other positional argument; flags (written --name=value) skipped.
func cmdPath(args []string) []string {
	var path []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		if !subcommandRE.MatchString(a) {
			break
		}
		path = append(path, a)
	}
	return path
}

// helpCache holds `bin path… --help` outputs.
type helpCache struct {
	bins map[string]string
	out  map[string]string
	tmp  string
}

func (h *helpCache) help(t *testing.T, bin string, path []string) (string, bool) {
	t.Helper()
	key := bin + " " + strings.Join(path, " ")
	if out, ok := h.out[key]; ok {
		return out, out != ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, h.bins[bin], append(append([]string(nil), path...), "--help")...)
	cmd.Env = append(os.Environ(), "IPFS_PATH="+filepath.Join(h.tmp, "ipfs-help"), "PDX_HOME="+filepath.Join(h.tmp, "pdx-help"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		h.out[key] = ""
		return string(out), false
	}
	h.out[key] = string(out)
	return string(out), true
}

// hasFlag reports whether help text documents --name.
func hasFlag(help, name string) bool {
	re := regexp.MustCompile(`(^|[\s,\[])--` + regexp.QuoteMeta(name) + `([\s=,\]]|$)`)
	return re.MatchString(help)
}

// wordArgCommands take a lower-case word as their argument, which cmdPath
// would read as a subcommand: a kubo profile's name.
var wordArgCommands = map[string]bool{"ipfs config profile apply": true}

// checkCommand checks one pdx, geth or ipfs command line against the real
// binary: the subcommand exists and every flag is one it documents.
func (h *helpCache) checkCommand(t *testing.T, where, bin string, args []string) {
	t.Helper()
	path := cmdPath(args)
	for i := range path {
		if wordArgCommands[bin+" "+strings.Join(path[:i], " ")] {
			path = path[:i] // the rest is its argument
			break
		}
	}
	help, ok := h.help(t, bin, path)
	if !ok {
		t.Errorf("%s: `%s %s` is not a command of %s:\n%s", where, bin, strings.Join(path, " "), bin, help)
		return
	}
	if want := strings.TrimSpace(bin + " " + strings.Join(path, " ")); !strings.Contains(help, want) {
		t.Errorf("%s: `%s --help` does not describe %q", where, want, want)
	}
	global, _ := h.help(t, bin, nil)
	for _, a := range args {
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !hasFlag(help, name) && !hasFlag(global, name) {
			t.Errorf("%s: %s %s has no flag --%s", where, bin, strings.Join(path, " "), name)
		}
	}
}

// TestComposeCommands: every command a service or its healthcheck runs is
// a real subcommand of pdx, geth or kubo's ipfs with real flags, or a
// busybox applet the image has.
func TestComposeCommands(t *testing.T) {
	p := loadCompose(t, "*")
	h := &helpCache{bins: binaries(t), out: map[string]string{}, tmp: t.TempDir()}
	names := p.ServiceNames()
	sort.Strings(names)
	for _, name := range names {
		s := p.Services[name]
		im := imageOf(t, s)
		for kind, cmds := range map[string][][]string{"command": commands(t, s), "healthcheck": healthCommands(t, s)} {
			for _, c := range cmds {
				if c[0] == "exec" {
					c = c[1:]
				}
				where := name + " " + kind
				switch {
				case c[0] == "pdx" || c[0] == "geth" || c[0] == "ipfs":
					if c[0] != im.bin {
						t.Errorf("%s runs %s, but the %s image ships %s", where, c[0], im.image, im.bin)
					}
					h.checkCommand(t, where, c[0], c[1:])
				case slices.Contains(busyboxApplets, c[0]) || slices.Contains(shellBuiltins, c[0]):
				default:
					t.Errorf("%s runs %q, which the %s image does not have", where, c[0], im.image)
				}
			}
		}
	}
}

// pdxSubcommand is the pdx subcommand a pdx service runs ("" for others).
func pdxSubcommand(t *testing.T, s types.ServiceConfig) string {
	t.Helper()
	for _, c := range commands(t, s) {
		if c[0] == "exec" {
			c = c[1:]
		}
		if c[0] == "pdx" {
			return strings.Join(cmdPath(c[1:]), " ")
		}
	}
	return ""
}

// configEnvNames are the PDX_* variables of docs/config.md (its table is
// checked against the Config struct by internal/config's tests).
func configEnvNames(t *testing.T) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "docs", "config.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	re := regexp.MustCompile("^\\| `[a-z_.<>]+` \\| .* \\| `(PDX_[A-Z_]+)` \\|")
	names := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			names[m[1]] = true
		}
	}
	if len(names) < 10 {
		t.Fatalf("found only %d env names in docs/config.md", len(names))
	}
	return names
}

// flagEnv are the subcommands that read PDX_<PREFIX>_<FLAG> for their flags.
var flagEnv = map[string]string{
	"proxy":            "PDX_PROXY_",
	"contracts deploy": "PDX_CONTRACTS_",
	"pinsvc":           "PDX_PINSVC_",
}

// homeEnv: the subcommands that open a home read PDX_HOME and PDX_PASSPHRASE.
var homeEnv = map[string]bool{"init": true, "daemon": true, "contracts deploy": true}

// TestComposeEnvironment: every PDX_* variable a service sets is one its
// pdx subcommand reads, with a value pdx accepts; every other variable is
// read by the image's program or by the service's own script; and every
// variable a script reads is set.
func TestComposeEnvironment(t *testing.T) {
	p := loadCompose(t, "*")
	h := &helpCache{bins: map[string]string{"pdx": testbin.Pdx(t)}, out: map[string]string{}, tmp: t.TempDir()}
	confNames := configEnvNames(t)
	imageEnv := map[string][]string{ // ENV of the Dockerfile's image stages
		"pdx": {"PATH", "HOME", "PDX_HOME"}, "geth": {"PATH", "HOME"}, "kubo": {"PATH", "HOME", "IPFS_PATH", "IPFS_TELEMETRY"},
	}
	varRE := regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)
	for _, name := range p.ServiceNames() {
		s := p.Services[name]
		im := imageOf(t, s)
		var scripts strings.Builder
		var own [][]string
		for _, cs := range [][][]string{commands(t, s), healthCommands(t, s)} {
			for _, c := range cs {
				scripts.WriteString(strings.Join(c, " ") + "\n")
			}
			own = append(own, cs...)
		}
		// Variables the scripts read must be set.
		setByScript := scriptVars(own)
		for _, m := range varRE.FindAllStringSubmatch(scripts.String(), -1) {
			if _, ok := s.Environment[m[1]]; !ok && !slices.Contains(imageEnv[im.image], m[1]) && !setByScript[m[1]] {
				t.Errorf("%s: its script reads $%s, which neither the service nor the image sets", name, m[1])
			}
		}
		sub := pdxSubcommand(t, s)
		var env []string
		for k, v := range s.Environment {
			val := ""
			if v != nil {
				val = *v
			}
			env = append(env, k+"="+val)
			readByScript := regexp.MustCompile(`\$\{?` + k + `\b`).MatchString(scripts.String())
			switch {
			case im.bin != "pdx":
				if !readByScript && k != "IPFS_PATH" {
					t.Errorf("%s: %s is read neither by %s nor by the service's script", name, k, im.bin)
				}
			case !strings.HasPrefix(k, "PDX_"):
				if !readByScript {
					t.Errorf("%s: %s is not a pdx variable and no script reads it", name, k)
				}
			case k == "PDX_HOME" || k == "PDX_PASSPHRASE":
				if !homeEnv[sub] {
					t.Errorf("%s: pdx %s opens no home, so %s is not read", name, sub, k)
				}
			case confNames[k]:
				if sub != "daemon" {
					t.Errorf("%s: %s is a config key, which pdx %s does not read (only the daemon loads the config)", name, k, sub)
				}
			default:
				prefix, ok := flagEnv[sub]
				flag := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(k, prefix), "_", "-"))
				help, _ := h.help(t, "pdx", strings.Fields(sub))
				if !ok || !strings.HasPrefix(k, prefix) || !hasFlag(help, flag) {
					t.Errorf("%s: pdx %s reads no variable %s (not in docs/config.md, not a flag's)", name, sub, k)
				}
			}
		}
		if sub == "daemon" {
			// The config with this environment must load: known keys,
			// acceptable values.
			path := filepath.Join(t.TempDir(), config.FileName)
			raw, err := config.Encode(config.Default())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := config.Load(path, env); err != nil {
				t.Errorf("%s: pdx daemon would refuse its environment: %v", name, err)
			}
		}
	}

	// .env.example's addresses agree with its keys: the Registry is where
	// the deployer's first contract lands, the proxies are the key files'.
	dep := loadKey(t, p, "deployer_key")
	if want := crypto.CreateAddress(dep, 0).Hex(); p.Environment["PDX_REGISTRY_ADDRESS"] != want {
		t.Errorf(".env.example: PDX_REGISTRY_ADDRESS=%s, but the deployer's first contract is at %s", p.Environment["PDX_REGISTRY_ADDRESS"], want)
	}
	var proxies []string
	for _, sec := range []string{"proxy1_key", "proxy2_key", "proxy3_key"} {
		proxies = append(proxies, loadKey(t, p, sec).Hex())
	}
	if got := p.Environment["PDX_PROXIES_ADDRESSES"]; got != strings.Join(proxies, ",") {
		t.Errorf(".env.example: PDX_PROXIES_ADDRESSES=%s, but the proxies' keys are %s", got, strings.Join(proxies, ","))
	}
}

func loadKey(t *testing.T, p *types.Project, secret string) common.Address {
	t.Helper()
	sec, ok := p.Secrets[secret]
	if !ok {
		t.Fatalf("no secret %s", secret)
	}
	k, err := crypto.LoadECDSA(sec.File)
	if err != nil {
		t.Fatalf("secret %s (%s): %v", secret, sec.File, err)
	}
	return crypto.PubkeyToAddress(k.PublicKey)
}

// dataDirs are where each service keeps state: its home, state directory
// or repository.
func dataDirs(t *testing.T, s types.ServiceConfig) []string {
	t.Helper()
	get := func(k string) string {
		if v := s.Environment[k]; v != nil {
			return *v
		}
		return ""
	}
	var dirs []string
	switch sub := pdxSubcommand(t, s); {
	case sub == "daemon" || sub == "init":
		dirs = append(dirs, get("PDX_HOME"))
	case sub == "proxy":
		dirs = append(dirs, get("PDX_PROXY_DIR"))
	case sub == "pinsvc":
		dirs = append(dirs, get("PDX_PINSVC_DIR"))
	}
	if imageOf(t, s).image == "kubo" {
		dirs = append(dirs, get("IPFS_PATH"))
	}
	for _, c := range commands(t, s) {
		for _, a := range c {
			if v, ok := strings.CutPrefix(a, "--datadir="); ok {
				dirs = append(dirs, v)
			}
		}
	}
	return dirs
}

// TestComposeVolumes: every data directory lies on a named volume mounted
// read-write, no two long-running services write one volume, and every
// secret a service names is mounted in it and exists.
func TestComposeVolumes(t *testing.T) {
	p := loadCompose(t, "*")
	writers := map[string][]string{}
	for _, name := range p.ServiceNames() {
		s := p.Services[name]
		dirs := dataDirs(t, s)
		if len(dirs) == 0 && s.Restart != "no" {
			t.Errorf("%s: a long-running service with no data directory found", name)
		}
		for _, d := range dirs {
			if d == "" {
				t.Errorf("%s: a data directory is not set", name)
				continue
			}
			found := false
			for _, v := range s.Volumes {
				if d == v.Target || strings.HasPrefix(d, v.Target+"/") {
					found = true
					if v.Type != types.VolumeTypeVolume {
						t.Errorf("%s: %s is on a %s mount, want a named volume", name, d, v.Type)
					}
					if v.ReadOnly {
						t.Errorf("%s: %s is on a read-only mount", name, d)
					}
					if _, ok := p.Volumes[v.Source]; !ok {
						t.Errorf("%s: volume %s is not declared", name, v.Source)
					}
				}
			}
			if !found {
				t.Errorf("%s: data directory %s is on no volume: it would be lost with the container", name, d)
			}
		}
		for _, v := range s.Volumes {
			if !v.ReadOnly && s.Restart != "no" {
				writers[v.Source] = append(writers[v.Source], name)
			}
		}
		// Secrets named in the environment are mounted, and exist.
		for k, v := range s.Environment {
			if v == nil {
				continue
			}
			for _, part := range strings.Split(*v, ",") {
				sec, ok := strings.CutPrefix(part, "/run/secrets/")
				if !ok {
					continue
				}
				if !slices.ContainsFunc(s.Secrets, func(r types.ServiceSecretConfig) bool { return r.Source == sec }) {
					t.Errorf("%s: %s names secret %s, which is not mounted in the service", name, k, sec)
				}
			}
		}
		for _, r := range s.Secrets {
			sec, ok := p.Secrets[r.Source]
			if !ok {
				t.Errorf("%s: secret %s is not declared", name, r.Source)
				continue
			}
			if _, err := os.Stat(sec.File); err != nil {
				t.Errorf("secret %s: %v", r.Source, err)
			}
		}
	}
	for v, ws := range writers {
		if len(ws) > 1 {
			t.Errorf("volume %s is written by %d long-running services %v: each keeps its own", v, len(ws), ws)
		}
	}
}

// needs derives what a service needs before it starts from what it uses:
// the chain, IPFS nodes, proxies and pinning service it names in its
// environment must be healthy, the Registry it names must be deployed,
// and the homes it reads (volumes a one-shot init writes) must exist.
func needs(t *testing.T, p *types.Project, s types.ServiceConfig) map[string]string {
	t.Helper()
	want := map[string]string{}
	var text strings.Builder
	for k, v := range s.Environment {
		if v != nil {
			text.WriteString(k + "=" + *v + "\n")
		}
	}
	for _, c := range commands(t, s) {
		text.WriteString(strings.Join(c, " ") + "\n")
	}
	for _, other := range p.ServiceNames() {
		if other == s.Name {
			continue
		}
		if strings.Contains(text.String(), "//"+other+":") && !strings.Contains(text.String(), "ENDPOINT=http://"+other+":") {
			want[other] = types.ServiceConditionHealthy
		}
	}
	reg := p.Environment["PDX_REGISTRY_ADDRESS"]
	if s.Name != "deploy" && reg != "" && strings.Contains(text.String(), reg) {
		want["deploy"] = types.ServiceConditionCompletedSuccessfully
	}
	for _, v := range s.Volumes {
		for _, other := range p.ServiceNames() {
			o := p.Services[other]
			if other == s.Name || o.Restart != "no" {
				continue
			}
			for _, ov := range o.Volumes {
				if ov.Source == v.Source && !ov.ReadOnly {
					want[other] = types.ServiceConditionCompletedSuccessfully
				}
			}
		}
	}
	if get := s.Environment["PDX_PROXIES_MODE"]; get != nil && *get == "remote" {
		for _, other := range p.ServiceNames() {
			if pdxSubcommand(t, p.Services[other]) == "proxy" {
				want[other] = types.ServiceConditionHealthy
			}
		}
	}
	return want
}

// TestComposeDependencies: depends_on is acyclic; each service depends,
// directly or through others, on everything it needs; every direct
// dependency is needed; a healthy-condition target has a healthcheck and a
// completed-condition target is a one-shot; every long-running service
// has a healthcheck and a restart policy.
func TestComposeDependencies(t *testing.T) {
	for _, profiles := range [][]string{nil, {"*"}} {
		p := loadCompose(t, profiles...)
		// Acyclic: a topological order exists.
		order, err := topoOrder(p)
		if err != nil {
			t.Fatalf("profiles %v: %v", profiles, err)
		}
		closure := map[string]map[string]bool{}
		for _, name := range order {
			c := map[string]bool{}
			for dep := range p.Services[name].DependsOn {
				c[dep] = true
				for d := range closure[dep] {
					c[d] = true
				}
			}
			closure[name] = c
		}
		for _, name := range order {
			s := p.Services[name]
			need := needs(t, p, s)
			for dep, cond := range need {
				if !closure[name][dep] {
					t.Errorf("%s needs %s (%s) but does not depend on it", name, dep, cond)
				}
				if d, ok := s.DependsOn[dep]; ok && d.Condition != cond {
					t.Errorf("%s depends on %s with condition %s, want %s", name, dep, d.Condition, cond)
				}
			}
			for dep, d := range s.DependsOn {
				if _, ok := need[dep]; !ok {
					t.Errorf("%s depends on %s, which it does not use", name, dep)
				}
				target := p.Services[dep]
				switch d.Condition {
				case types.ServiceConditionHealthy:
					if target.HealthCheck == nil {
						t.Errorf("%s waits for %s to be healthy, which has no healthcheck", name, dep)
					}
				case types.ServiceConditionCompletedSuccessfully:
					if target.Restart != "no" {
						t.Errorf("%s waits for %s to complete, which restarts (%q)", name, dep, target.Restart)
					}
				default:
					t.Errorf("%s depends on %s with condition %q: want service_healthy or service_completed_successfully", name, dep, d.Condition)
				}
			}
			switch s.Restart {
			case "no":
				if s.HealthCheck != nil {
					t.Errorf("%s is a one-shot with a healthcheck", name)
				}
			case "unless-stopped", "always", "on-failure":
				if s.HealthCheck == nil {
					t.Errorf("%s runs for good but has no healthcheck", name)
				}
			default:
				t.Errorf("%s: restart %q: give every service a restart policy", name, s.Restart)
			}
		}
	}
}

func topoOrder(p *types.Project) ([]string, error) {
	var order []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(string, []string) error
	visit = func(n string, path []string) error {
		switch state[n] {
		case 1:
			return &cycleError{append(path, n)}
		case 2:
			return nil
		}
		state[n] = 1
		deps := make([]string, 0, len(p.Services[n].DependsOn))
		for d := range p.Services[n].DependsOn {
			deps = append(deps, d)
		}
		sort.Strings(deps)
		for _, d := range deps {
			if _, ok := p.Services[d]; !ok {
				return &missingError{n, d}
			}
			if err := visit(d, append(path, n)); err != nil {
				return err
			}
		}
		state[n] = 2
		order = append(order, n)
		return nil
	}
	names := p.ServiceNames()
	sort.Strings(names)
	for _, n := range names {
		if err := visit(n, nil); err != nil {
			return nil, err
		}
	}
	return order, nil
}

type cycleError struct{ path []string }

func (e *cycleError) Error() string { return "depends_on cycle: " + strings.Join(e.path, " → ") }

type missingError struct{ from, to string }

func (e *missingError) Error() string {
	return e.from + " depends on " + e.to + ", which is not a service"
}

// TestTopoOrderFindsCycles shows the acyclicity check can fail.
func TestTopoOrderFindsCycles(t *testing.T) {
	p := &types.Project{Services: types.Services{
		"a": withDeps("a", "b"),
		"b": withDeps("b", "a"),
	}}
	if _, err := topoOrder(p); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Fatalf("topoOrder of a cycle: %v", err)
	}
	p.Services["b"] = withDeps("b", "c")
	if _, err := topoOrder(p); err == nil || !strings.Contains(err.Error(), "not a service") {
		t.Fatalf("topoOrder with a missing service: %v", err)
	}
}

func withDeps(name string, deps ...string) types.ServiceConfig {
	s := types.ServiceConfig{Name: name}
	s.DependsOn = types.DependsOnConfig{}
	for _, d := range deps {
		s.DependsOn[d] = types.ServiceDependency{Condition: types.ServiceConditionHealthy}
	}
	return s
}

// TestEnvExampleCoversCompose: every variable docker-compose.yml reads is
// documented in .env.example, and .env.example sets nothing it does not
// read.
func TestEnvExampleCoversCompose(t *testing.T) {
	compose, err := os.ReadFile(filepath.Join(repoRoot, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(repoRoot, ".env.example"))
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`(^|[^$])\$\{([A-Za-z_][A-Za-z0-9_]*)`).FindAllStringSubmatch(string(compose), -1) {
		used[m[2]] = true
	}
	set := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^([A-Za-z_][A-Za-z0-9_]*)=`).FindAllStringSubmatch(string(example), -1) {
		set[m[1]] = true
	}
	for v := range used {
		if !set[v] {
			t.Errorf("docker-compose.yml reads ${%s}, which .env.example does not document", v)
		}
	}
	for v := range set {
		if !used[v] {
			t.Errorf(".env.example sets %s, which docker-compose.yml does not read", v)
		}
	}
	if len(used) < 20 {
		t.Fatalf("found only %d variables in docker-compose.yml", len(used))
	}
}
