package oracle

import (
	"context"
	"testing"
	"time"
)

// StartTest launches the oracle for one test with a two-minute context and
// closes it when the test ends. A missing node or npm package fails the test
// with the message that says how to install them; it never skips.
func StartTest(t testing.TB) (*Oracle, context.Context) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	o, err := Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := o.Close(); err != nil {
			t.Errorf("closing the oracle: %v", err)
		}
	})
	return o, ctx
}
