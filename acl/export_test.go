package acl

import (
	"context"
	"time"
)

// SetLogRange makes c read logs in windows of n blocks, so a test can
// check on a short chain that a query split over several eth_getLogs
// returns what one does.
func SetLogRange(c *Client, n uint64) { c.logs.max = n }

// NoLogBackoff makes c's and f's retries of a busy provider skip their
// pauses, so a test of the retry does not wait seconds; it counts them.
func NoLogBackoff(c *Client, f *Follower, pauses *int) {
	p := func(context.Context, time.Duration) error { *pauses++; return nil }
	if c != nil {
		c.logs.pause = p
	}
	if f != nil {
		f.logs.pause = p
	}
}

// InsufficientFunds is the pool's refusal the transactor recognises.
const InsufficientFunds = insufficientFunds
