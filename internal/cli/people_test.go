package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pdx-network/pdx/internal/errkind"
)

// TestForPeople: a Said anywhere in the chain is told in its words, package
// prefixes go, and the error's own text (the detail) is unchanged.
func TestForPeople(t *testing.T) {
	inner := errors.New("acl: reverted (refused at gas estimation, nothing sent): OwnDataset[3]")
	said := Say(inner, "dataset 3 is yours: an owner cannot buy its own data")
	for _, c := range []struct {
		err  error
		want string
	}{
		{said, "dataset 3 is yours: an owner cannot buy its own data"},
		{fmt.Errorf("buying: %w", said), "buying: dataset 3 is yours: an owner cannot buy its own data"},
		{errkind.Mark(fmt.Errorf("service: buying: %w", said), errkind.Refused), "buying: dataset 3 is yours: an owner cannot buy its own data"},
		{errors.New("storage: ipfs repository is locked by another process"), "ipfs repository is locked by another process"},
		{errors.New("opening: devchain: starting the chain (envstore: x)"), "opening: starting the chain (x)"},
		{fmt.Errorf("getting: %w", context.Canceled), "getting: interrupted"},
		{fmt.Errorf("the chain: %w", context.DeadlineExceeded), "the chain: no answer in time"},
		// Words of a sentence are not prefixes.
		{errors.New("no answer from the proxy: try again"), "no answer from the proxy: try again"},
	} {
		if got := ForPeople(c.err); got != c.want {
			t.Errorf("ForPeople(%q) = %q, want %q", c.err, got, c.want)
		}
	}
	if said.Error() != inner.Error() || !errors.Is(said, inner) {
		t.Errorf("Say changed the detail: %q", said)
	}
	if Say(nil, "x") != nil {
		t.Error("Say(nil) is not nil")
	}
}

// TestErrorOutputs: text output says the error for people; --json keeps
// the detail for programs; both give the kind's exit status.
func TestErrorOutputs(t *testing.T) {
	err := Mark(Say(errors.New("acl: reverted: NoOffer[7]"), "dataset 7 is not offered for sale"), ErrNotFound)
	var stdout, stderr bytes.Buffer
	if code := New(&stdout, &stderr, false).Error(err); code != ExitNotFound {
		t.Errorf("exit %d, want %d", code, ExitNotFound)
	}
	if stderr.String() != "pdx: dataset 7 is not offered for sale\n" || stdout.Len() != 0 {
		t.Errorf("text: stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	New(&stdout, &stderr, true).Error(err)
	if !strings.Contains(stdout.String(), `"message": "acl: reverted: NoOffer[7]"`) || stderr.Len() != 0 {
		t.Errorf("--json: stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	stderr.Reset()
	if code := New(&stdout, &stderr, false).Error(Stopped("daemon stopped by a signal; its state in %s is saved", "/h")); code != ExitInterrupted ||
		stderr.String() != "pdx: daemon stopped by a signal; its state in /h is saved\n" {
		t.Errorf("a clean stop: exit %d, %q", code, stderr.String())
	}
}
