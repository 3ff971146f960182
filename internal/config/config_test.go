package config

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaultIsValidAndRoundTrips(t *testing.T) {
	d := Default()
	if err := d.Validate(); err != nil {
		t.Fatalf("the default config is invalid: %v", err)
	}
	data, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse(FileName, data)
	if err != nil {
		t.Fatalf("the encoded default does not load: %v\n%s", err, data)
	}
	again, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Errorf("encode → parse → encode changed the file:\n%s\n---\n%s", data, again)
	}
	// Every key appears, each with a comment line above it.
	for _, f := range fields() {
		if f.inMap {
			continue
		}
		name := f.key[strings.LastIndex(f.key, ".")+1:]
		if !bytes.Contains(data, []byte("\n"+name+" = ")) {
			t.Errorf("the default file lacks %s", f.key)
		}
	}
}

func TestUnknownKeysNameKeyAndLine(t *testing.T) {
	src := "[api]\nlisten = \"127.0.0.1:1\"\n\n[proxies]\ntreshold = 2\n[market.datasets.x]\nprice = 1\n"
	_, err := Parse("home/config.toml", []byte(src))
	if !errors.Is(err, ErrUnknownKey) {
		t.Fatalf("want ErrUnknownKey, got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{`home/config.toml:5:1: unknown key "proxies.treshold"`, `home/config.toml:7:1: unknown key "market.datasets.x.price"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	var fe *FileError
	if !errors.As(err, &fe) || fe.Line != 5 || fe.Key != "proxies.treshold" {
		t.Errorf("first FileError = %+v", fe)
	}
	// An unknown section is an unknown key too.
	if _, err := Parse("c.toml", []byte("[chian]\nmode = \"rpc\"\n")); !errors.Is(err, ErrUnknownKey) || !strings.Contains(err.Error(), `"chian`) {
		t.Errorf("unknown section: %v", err)
	}
}

func TestSyntaxAndTypeErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"[api\n", "c.toml:1:"},
		{"[proxies]\nthreshold = \"two\"\n", "c.toml:2:13"},
		{"[market.default]\nmin_price_wei = \"-5\"\n", "only the digits"},
		{"[market.default]\nmax_duration = \"forever\"\n", "use units d, h, m, s"},
		{"[log]\nlevel = 3\n", "c.toml:2:"},
		{"[chain]\nconfirmations = -1\n", "negative number -1"},
		{"[chain]\nconfirmations = 1.5\n", "c.toml:2:"},
	} {
		_, err := Parse("c.toml", []byte(tc.src))
		if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: want ErrSyntax containing %q, got %v", tc.src, tc.want, err)
		}
	}
}

func TestValidation(t *testing.T) {
	addr := func(b byte) string { return "0x" + strings.Repeat(string("0123456789abcdef"[b%16]), 40) }
	for _, tc := range []struct {
		name, src string
		keys      []string // each must be named in the error
	}{
		{"listen", "[api]\nlisten = \"localhost\"\n", []string{"api.listen"}},
		{"port", "[api]\nlisten = \"127.0.0.1:99999\"\n", []string{"api.listen"}},
		{"token", "[api]\ntoken_file = \"\"\n", []string{"api.token_file"}},
		{"chain mode", "[chain]\nmode = \"geth\"\n", []string{"chain.mode"}},
		{"rpc needs url and registry", "[chain]\nmode = \"rpc\"\n", []string{"chain.rpc_url", "chain.registry_address"}},
		{"rpc url scheme", "[chain]\nmode = \"rpc\"\nrpc_url = \"ftp://x\"\nregistry_address = \"" + addr(1) + "\"\n", []string{"chain.rpc_url"}},
		{"too many confirmations", "[chain]\nconfirmations = 1001\n", []string{"chain.confirmations", "0 to 1000"}},
		{"registry hex", "[chain]\nmode = \"rpc\"\nrpc_url = \"http://127.0.0.1:8545\"\nregistry_address = \"0x12\"\n", []string{"chain.registry_address"}},
		{"ipfs mode", "[ipfs]\nmode = \"s3\"\n", []string{"ipfs.mode"}},
		{"ipfs remote needs api", "[ipfs]\nmode = \"remote\"\n", []string{"ipfs.api_url"}},
		{"ipfs api multiaddr", "[ipfs]\nmode = \"remote\"\napi_url = \"/ip4/999.1.1.1/tcp/5001\"\n", []string{"ipfs.api_url"}},
		{"listen addrs", "[ipfs]\nlisten_addrs = [\"tcp://0.0.0.0:4001\"]\n", []string{"ipfs.listen_addrs"}},
		{"bootstrap", "[ipfs]\nbootstrap = [\"nope\"]\n", []string{"ipfs.bootstrap"}},
		{"auth header newline", "[ipfs]\nauth_header = \"Bearer a\\nX: b\"\n", []string{"ipfs.auth_header"}},
		{"threshold", "[proxies]\nthreshold = 0\n", []string{"proxies.threshold"}},
		{"shares below threshold", "[proxies]\nthreshold = 3\nshares = 2\n", []string{"proxies.threshold", "proxies.shares"}},
		{"local at most 3", "[proxies]\nshares = 4\n", []string{"proxies.shares"}},
		{"remote needs addresses", "[proxies]\nmode = \"remote\"\naddresses = [\"" + addr(1) + "\"]\n", []string{"proxies.addresses"}},
		{"duplicate proxy", "[proxies]\nmode = \"remote\"\naddresses = [\"" + addr(1) + "\", \"" + addr(2) + "\", \"" + strings.ToUpper(addr(1))[0:1] + addr(1)[1:] + "\"]\n", []string{"proxies.addresses"}},
		{"bad proxy", "[proxies]\nmode = \"remote\"\naddresses = [\"" + addr(1) + "\", \"" + addr(2) + "\", \"alice\"]\n", []string{"proxies.addresses"}},
		{"proxies mode", "[proxies]\nmode = \"p2p\"\n", []string{"proxies.mode"}},
		{"empty purpose", "[market.default]\nallowed_purposes = [\"\"]\n", []string{"market.default.allowed_purposes"}},
		{"zero duration", "[market.datasets.d1]\nmax_duration = \"0s\"\n", []string{"market.datasets.d1.max_duration"}},
		{"log", "[log]\nlevel = \"loud\"\nformat = \"xml\"\n", []string{"log.level", "log.format"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.toml", []byte(tc.src))
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("want ErrInvalid, got %v", err)
			}
			for _, k := range tc.keys {
				if !strings.Contains(err.Error(), k) {
					t.Errorf("error %q does not name %s", err, k)
				}
			}
		})
	}
	// A complete remote setup is accepted.
	ok := "[chain]\nmode = \"rpc\"\nrpc_url = \"wss://127.0.0.1:8546\"\nregistry_address = \"" + addr(9) + "\"\n" +
		"[ipfs]\nmode = \"remote\"\napi_url = \"/ip4/127.0.0.1/tcp/5001\"\n" +
		"[proxies]\nmode = \"remote\"\nthreshold = 3\nshares = 4\naddresses = [\"" + addr(1) + "\", \"" + addr(2) + "\", \"" + addr(3) + "\", \"" + addr(4) + "\"]\n"
	if _, err := Parse("c.toml", []byte(ok)); err != nil {
		t.Errorf("a valid remote config was refused: %v", err)
	}
}

// TestThresholdAboveProxiesRefused: a threshold t above the n proxies a
// grant can reach makes every grant unreadable, so it is refused on
// proxies.threshold when the config is loaded: above proxies.shares, above
// the 3 proxies of local mode, above the distinct proxies listed in remote
// mode (a proxy listed twice counts once).
func TestThresholdAboveProxiesRefused(t *testing.T) {
	remote := func(threshold, shares int, addrs ...string) string {
		return fmt.Sprintf("[proxies]\nmode = \"remote\"\nthreshold = %d\nshares = %d\naddresses = [\"%s\"]\n", threshold, shares, strings.Join(addrs, "\", \""))
	}
	for _, tc := range []struct{ name, src string }{
		{"above shares", "[proxies]\nthreshold = 3\nshares = 2\n"},
		{"local, above 3", "[proxies]\nthreshold = 4\nshares = 4\n"},
		{"remote, above the addresses", remote(3, 3, proxyAddr(1), proxyAddr(2))},
		{"remote, an address listed twice", remote(3, 3, proxyAddr(1), proxyAddr(2), strings.ToUpper(proxyAddr(1))[0:1]+proxyAddr(1)[1:])},
	} {
		_, err := Parse("c.toml", []byte(tc.src))
		var ve *ValueError
		found := false
		for _, e := range unjoin(err) {
			if errors.As(e, &ve) && ve.Key == "proxies.threshold" {
				found = true
			}
		}
		if !errors.Is(err, ErrInvalid) || !found {
			t.Errorf("%s: %v, want proxies.threshold refused", tc.name, err)
		}
	}
	for _, src := range []string{"[proxies]\nthreshold = 3\nshares = 3\n", remote(3, 3, proxyAddr(1), proxyAddr(2), proxyAddr(3))} {
		if _, err := Parse("c.toml", []byte(src)); err != nil {
			t.Errorf("t = n refused: %v\n%s", err, src)
		}
	}
}

func proxyAddr(b byte) string { return "0x" + strings.Repeat(string("0123456789abcdef"[b%16]), 40) }

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestLoadFileThenEnv(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, []byte("[api]\nlisten = \"127.0.0.1:7000\"\n[proxies]\nthreshold = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{
		"PATH=/bin", "PDX_HOME=/elsewhere", "PDX_PASSPHRASE=x", // not config keys: ignored
		"PDX_PROXIES_THRESHOLD=3",
		"PDX_IPFS_BOOTSTRAP= /ip4/127.0.0.1/tcp/4001/p2p/12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf , ",
		"PDX_MARKET_DEFAULT_MAX_DURATION=30d",
		"PDX_MARKET_DEFAULT_MIN_PRICE_WEI=1000000000000000000000",
		"PDX_MARKET_DEFAULT_AUTO_GRANT=false",
		"PDX_CHAIN_CHAIN_ID=31337",
		"PDX_CHAIN_CONFIRMATIONS=12",
		"PDX_LOG_FORMAT=json",
	}
	c, err := Load(path, env)
	if err != nil {
		t.Fatal(err)
	}
	if c.API.Listen != "127.0.0.1:7000" {
		t.Errorf("file value lost: %q", c.API.Listen)
	}
	if c.Proxies.Threshold != 3 || c.Chain.ChainID != 31337 || c.Log.Format != "json" || c.Market.Default.AutoGrant {
		t.Errorf("env not applied: %+v", c)
	}
	if c.Chain.Confirmations != 12 {
		t.Errorf("chain.confirmations from env: %d", c.Chain.Confirmations)
	}
	if len(c.IPFS.Bootstrap) != 1 || !strings.HasPrefix(c.IPFS.Bootstrap[0], "/ip4/") {
		t.Errorf("list from env: %q", c.IPFS.Bootstrap)
	}
	if c.Market.Default.MaxDuration != Duration(30*24*time.Hour) || c.Market.Default.MinPriceWei.String() != "1000000000000000000000" {
		t.Errorf("market from env: %+v", c.Market.Default)
	}

	// A file missing is ErrNoFile; no file at all ("") is the defaults.
	if _, err := Load(filepath.Join(dir, "nope.toml"), nil); !errors.Is(err, ErrNoFile) {
		t.Errorf("missing file: %v", err)
	}
	if c, err := Load("", nil); err != nil || c.API.Listen != "127.0.0.1:5180" {
		t.Errorf("defaults: %v %v", c, err)
	}
}

func TestEnvErrors(t *testing.T) {
	for _, tc := range []struct {
		env  string
		kind error
		want string
	}{
		{"PDX_PROXIES_TRESHOLD=2", ErrUnknownKey, "PDX_PROXIES_THRESHOLD"},
		{"PDX_MARKET_DATASETS_X_AUTO_GRANT=true", ErrUnknownKey, "only in the config file"},
		{"PDX_PROXIES_THRESHOLD=two", ErrInvalid, "not a whole number"},
		{"PDX_CHAIN_CHAIN_ID=-1", ErrInvalid, "non-negative"},
		{"PDX_CHAIN_CONFIRMATIONS=-1", ErrInvalid, "non-negative"},
		{"PDX_CHAIN_CONFIRMATIONS=5000", ErrInvalid, "chain.confirmations"}, // parses, refused by Validate
		{"PDX_MARKET_DEFAULT_AUTO_GRANT=yes", ErrInvalid, "true or false"},
		{"PDX_MARKET_DEFAULT_MIN_PRICE_WEI=1e18", ErrInvalid, "only the digits"},
		{"PDX_LOG_LEVEL=loud", ErrInvalid, "log.level"}, // valid syntax, refused by Validate
	} {
		_, err := Load("", []string{tc.env})
		if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: want %v containing %q, got %v", tc.env, tc.kind, tc.want, err)
		}
	}
}

func TestPolicy(t *testing.T) {
	c, err := Parse("c.toml", []byte(`
[market.default]
min_price_wei = "100"
allowed_purposes = ["research", "ads"]
max_duration = "10d"

[market.datasets.history]
min_price_wei = 1_000
allowed_purposes = ["*"]

[market.datasets.health]
auto_grant = false
`))
	if err != nil {
		t.Fatal(err)
	}
	day := 24 * time.Hour
	m := c.Market
	if p := m.PolicyFor("history"); p.MinPriceWei.String() != "1000" || p.MaxDuration != Duration(10*day) || !p.AutoGrant {
		t.Errorf("history inherits wrongly: %+v", p)
	}
	cases := []struct {
		dataset, purpose string
		price            int64
		dur              time.Duration
		rule             string // "" = granted
	}{
		{"profile", "research", 100, 10 * day, ""},
		{"profile", "research", 99, day, "min_price_wei"},
		{"profile", "credit scoring", 500, day, "allowed_purposes"},
		{"profile", "ads", 500, 11 * day, "max_duration"},
		{"profile", "ads", 500, 0, "max_duration"},
		{"history", "credit scoring", 1000, day, ""},
		{"history", "research", 999, day, "min_price_wei"},
		{"health", "research", 1 << 60, day, "auto_grant"},
	}
	for _, tc := range cases {
		err := m.PolicyFor(tc.dataset).Check(big.NewInt(tc.price), tc.purpose, tc.dur)
		if tc.rule == "" {
			if err != nil {
				t.Errorf("%+v: refused: %v", tc, err)
			}
			continue
		}
		var re *RefusalError
		if !errors.Is(err, ErrRefused) || !errors.As(err, &re) || re.Rule != tc.rule {
			t.Errorf("%+v: want refusal by %s, got %v", tc, tc.rule, err)
		}
	}
	if err := m.PolicyFor("profile").Check(nil, "ads", day); !errors.Is(err, ErrRefused) {
		t.Errorf("nil price: %v", err)
	}
	// PolicyFor hands out copies: changing one changes nothing else.
	p := m.PolicyFor("profile")
	p.AllowedPurposes[0] = "x"
	if m.Default.AllowedPurposes[0] != "research" {
		t.Error("PolicyFor shares the default's purposes")
	}
}

func TestDurationAndWei(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"30d": 30 * 24 * time.Hour, "1d12h": 36 * time.Hour, "90m": 90 * time.Minute, "0d": 0, " 2h ": 2 * time.Hour,
	} {
		d, err := ParseDuration(in)
		if err != nil || time.Duration(d) != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, d, err, want)
		}
	}
	for _, in := range []string{"", "d", "-1d", "1.5d", "forever", "3w", "99999999999d", "106751d24h"} {
		if d, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", in, d)
		}
	}
	if s := Duration(36 * time.Hour).String(); s != "36h0m0s" {
		t.Errorf("36h prints as %q", s)
	}
	var w Wei
	for _, in := range []string{"", "-1", "1.0", "0x10", "1e18", strings.Repeat("9", 79)} {
		if err := w.UnmarshalText([]byte(in)); err == nil {
			t.Errorf("Wei %q accepted", in)
		}
	}
	max := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
	if err := w.UnmarshalText([]byte(max.String())); err != nil || w.Int().Cmp(max) != 0 {
		t.Errorf("2^256-1: %v", err)
	}
	over := new(big.Int).Lsh(big.NewInt(1), 256)
	if err := w.UnmarshalText([]byte(over.String())); err == nil {
		t.Error("2^256 accepted")
	}
	if (Wei{}).String() != "0" || NewWei(big.NewInt(5)).Int().Int64() != 5 {
		t.Error("Wei zero value or NewWei")
	}
}

func TestAbs(t *testing.T) {
	if Abs("/h", "api.token") != "/h/api.token" || Abs("/h", "/etc/t") != "/etc/t" || Abs("/h", "") != "" {
		t.Error("Abs")
	}
}

// TestParseTime: a date is the end of that day in UTC (the next midnight),
// an RFC 3339 time is itself, anything else is neither.
func TestParseTime(t *testing.T) {
	for in, want := range map[string]string{
		"2027-01-01":                "2027-01-02T00:00:00Z",
		" 2027-12-31 ":              "2028-01-01T00:00:00Z",
		"2027-01-01T12:30:00Z":      "2027-01-01T12:30:00Z",
		"2027-01-01T12:30:00+02:00": "2027-01-01T10:30:00Z",
	} {
		got, ok := ParseTime(in)
		if !ok || got.UTC().Format(time.RFC3339) != want {
			t.Errorf("ParseTime(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "30d", "2027-02-30", "01/01/2027", "2027-1-1", "tomorrow"} {
		if got, ok := ParseTime(in); ok {
			t.Errorf("ParseTime(%q) = %v, want not a time", in, got)
		}
	}
}
