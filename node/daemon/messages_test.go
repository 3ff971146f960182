package daemon

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/cli"
)

// leaks is what the human text of an error must never hold: an API route,
// a package prefix of this module ("acl: ", "service: "), or the chain's
// raw revert ("reverted", "NoGrant[1 0x…]", revert data).
func leaks(t *testing.T) *regexp.Regexp {
	t.Helper()
	names := map[string]bool{"registry": true}
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && p != "../..") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") {
			names[filepath.Base(filepath.Dir(p))] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	delete(names, "..")
	var list []string
	for n := range names {
		list = append(list, regexp.QuoteMeta(n))
	}
	sort.Strings(list)
	if len(list) < 20 {
		t.Fatalf("found only the packages %v", list)
	}
	return regexp.MustCompile(`(?i)(/v1/|/openapi|\b(GET|POST|DELETE|PUT) /|\breverted\b|revert data|\b(` +
		strings.Join(list, "|") + `): )|\b[A-Z][A-Za-z]+\[|0x[0-9a-f]{64}`)
}

// TestMessagesForPeople walks representative failures of everything the
// daemon answers with — every custom error of the Registry, every sentinel
// its rules give a kind, proxy refusals, its own messages — and requires
// the human text of each to say something, with no route, package prefix
// or revert data, while the detail keeps all of it.
func TestMessagesForPeople(t *testing.T) {
	bad := leaks(t)
	check := func(what string, err error) {
		t.Helper()
		_, e := classify(err)
		if strings.TrimSpace(e.Human) == "" {
			t.Errorf("%s: no human text (detail %q)", what, e.Message)
			return
		}
		if m := bad.FindString(e.Human); m != "" {
			t.Errorf("%s: human text %q holds %q", what, e.Human, m)
		}
		if e.Message != err.Error() {
			t.Errorf("%s: the detail %q is not the error's text %q", what, e.Message, err)
		}
	}

	// Every custom error of the Registry has a sentence, whether it comes
	// at gas estimation or mined, bare or wrapped in its sentinel.
	reg := bindings.NewRegistry()
	a := reg.GetABI()
	for name, def := range a.Errors {
		if _, ok := revertSentences[name]; !ok {
			t.Errorf("the Registry's error %s has no sentence in revertSentences", name)
		}
		args := make([]any, len(def.Inputs))
		for i, in := range def.Inputs {
			args[i] = reflect.New(in.Type.GetType()).Elem().Interface()
			if _, ok := args[i].(common.Address); ok {
				args[i] = common.HexToAddress("0x1111111111111111111111111111111111111111")
			}
		}
		for _, rev := range []*acl.RevertError{{Name: name, Args: args}, {Name: name, Args: args, Tx: common.Hash{1}}} {
			check(name, fmt.Errorf("buying dataset 1: %w", rev))
			for _, s := range revertSentinels(rev) {
				check(name+" in its sentinel", fmt.Errorf("revoking: %w: %w", s, rev))
			}
		}
	}
	for name := range revertSentences {
		if _, ok := a.Errors[name]; !ok {
			t.Errorf("revertSentences has %s, which the Registry does not define", name)
		}
	}
	for _, rev := range []*acl.RevertError{{Name: "Error", Args: []any{"no"}}, {Name: "Panic"}, {Data: []byte{1, 2, 3, 4, 5}}} {
		check("revert "+rev.Name, fmt.Errorf("granting: %w", rev))
	}

	// Every sentinel the daemon's rules know, as the packages wrap them.
	for _, r := range rules {
		if r.Err != nil {
			check(fmt.Sprintf("rule %v", r.Err), fmt.Errorf("service: doing it: %w", r.Err))
		}
	}

	// Refusals of proxies and of the chain as the brand's get meets them.
	check("erased", fmt.Errorf("acl: checking: %w", &proxy.Error{Code: proxy.CodeErased, Block: 8, Message: "you erased dataset 1: its key is shredded"}))
	check("revoked", &proxy.Error{Code: proxy.CodeRevoked, Message: "the owner revoked your grant of dataset 1"})

	// The daemon's own messages that name routes in their detail.
	d := &Daemon{index: &Index{}}
	if _, _, err := d.dataset("nosuch"); err == nil {
		t.Fatal("an unknown dataset was found")
	} else {
		check("unknown dataset", err)
		if _, e := classify(err); !strings.Contains(e.Message, "POST /v1/datasets") || !strings.Contains(e.Human, `no dataset named "nosuch"`) {
			t.Errorf("unknown dataset: detail %q, human %q", e.Message, e.Human)
		}
	}
	if _, _, err := d.dataset("my data"); err == nil {
		t.Fatal("a name with a space was accepted")
	} else {
		check("name with a space", err)
		if _, e := classify(err); !strings.Contains(e.Human, "dataset name") {
			t.Errorf("name with a space: human %q does not say it is the dataset name", e.Human)
		}
	}
}

// TestRevertSaidForPeople pins the sentences of the reverts the issue names,
// and that the detail keeps the raw revert for --json and logs.
func TestRevertSaidForPeople(t *testing.T) {
	addr := common.HexToAddress("0x6404000000000000000000000000000000000001")
	for _, c := range []struct {
		err   error
		human string
	}{
		{fmt.Errorf("revoking: %w: %w", acl.ErrNoGrant, &acl.RevertError{Name: "NoGrant", Args: []any{uint64(1), addr}}),
			"revoking: " + addr.Hex() + " holds no grant of dataset 1"},
		{fmt.Errorf("buying: %w", &acl.RevertError{Name: "OwnDataset", Args: []any{uint64(3)}}),
			"buying: dataset 3 is yours: an owner cannot buy its own data; nothing was paid"},
		{fmt.Errorf("buying: %w", &acl.RevertError{Name: "AlreadyGranted", Args: []any{uint64(3), addr}}),
			"buying: you hold a live grant of dataset 3 already: nothing was paid; the datasets granted to you list what you may get"},
	} {
		_, e := classify(c.err)
		if e.Human != c.human {
			t.Errorf("human %q\nwant  %q", e.Human, c.human)
		}
		if !strings.Contains(e.Message, "acl: reverted") {
			t.Errorf("the detail lost the revert: %q", e.Message)
		}
	}
	// The CLI says an error the daemon's code returned outside the API in
	// the same words (Explain), and its text stays the detail.
	err := fmt.Errorf("starting: %w", &acl.RevertError{Name: "KeysAlreadyRegistered", Args: []any{addr}})
	x := Explain(err)
	if x.Error() != err.Error() || !errors.Is(x, acl.ErrKeysAlreadyRegistered) || strings.Contains(cli.ForPeople(x), "reverted") {
		t.Errorf("Explain: %q, for people %q", x, cli.ForPeople(x))
	}
}
