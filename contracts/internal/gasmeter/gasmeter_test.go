package gasmeter

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/log"
)

// TestTargets measures every operation on Osaka rules and holds the
// published targets (grant, revoke, add-cid, buy).
func TestTargets(t *testing.T) {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ms, err := Measure(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Logf("gas %s %d (intrinsic %d)", m.Op, m.Gas, m.Intrinsic)
		if m.Gas <= m.Intrinsic || m.Intrinsic < 21000 {
			t.Errorf("%s: implausible figures %+v", m.Op, m)
		}
	}
	if err := Check(ms); err != nil {
		t.Fatal(err)
	}
	// Check itself must be able to fail.
	if err := Check([]Measurement{{Op: "grant", Gas: Targets["grant"] + 1}}); !errors.Is(err, ErrOverTarget) {
		t.Fatalf("Check missed an overrun: %v", err)
	}
}

func TestRulesAreMainnetOsaka(t *testing.T) {
	if err := CheckRules(time.Now()); err != nil {
		t.Fatal(err)
	}
}

// TestRegistryCodeSize holds the Registry under the EIP-170 limit with a
// clear failure, before a deployment would fail on mainnet.
func TestRegistryCodeSize(t *testing.T) {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	n, err := RegistryCodeSize(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Fatalf("Registry runtime code of %d bytes: implausible", n)
	}
	t.Logf("Registry runtime code: %d bytes of %d (%d left)", n, MaxCodeSize, MaxCodeSize-n)
}
