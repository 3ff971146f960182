package acl

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/rpc"
)

// TestClassifyRefusals: the texts nodes and providers answer a too wide, too
// large or too frequent eth_getLogs with are told apart from real failures.
func TestClassifyRefusals(t *testing.T) {
	for _, c := range []struct {
		err  error
		want refusal
	}{
		{errors.New("exceed maximum block range 5000"), refusedRange},                                     // geth --rpc.rangelimit
		{errors.New("range 1000000 exceeds limit of 10000"), refusedRange},                                // Infura
		{errors.New("query exceeds max block range 100000"), refusedRange},                                // reth
		{errors.New("eth_getLogs is limited to a 10,000 range"), refusedRange},                            // QuickNode
		{errors.New("eth_getLogs is limited to a 1000 blocks range"), refusedRange},                       // 1rpc
		{errors.New("Invalid eth_getLogs request. 'fromBlock'-'toBlock' range too large."), refusedRange}, // Cloudflare
		{errors.New("block range is too wide"), refusedRange},                                             // Ankr
		{errors.New("query returned more than 10000 results"), refusedSize},                               // Infura, geth-based
		{errors.New("Query returned more than 10000 results. Try with this block range [0x1, 0x2]."), refusedSize},
		{errors.New("Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"), refusedSize}, // Alchemy
		{errors.New("query exceeds max results 20000"), refusedSize},                                                           // reth
		{errors.New("query timeout exceeded"), refusedSize},                                                                    // Infura
		{rpc.HTTPError{StatusCode: http.StatusTooManyRequests, Status: "429 Too Many Requests"}, refusedBusy},
		{fmt.Errorf("wrapped: %w", rpc.HTTPError{StatusCode: http.StatusServiceUnavailable}), refusedBusy},
		{errors.New("project ID request rate exceeded"), refusedBusy},
		{errors.New("failed to retrieve log value pointer after last block 183: failed to retrieve log value pointer of block 184: pebble: not found"), refusedBusy}, // geth's log index behind its head
		{errors.New("header not found"), refusedOther},
		{errors.New("invalid argument 0: hex string without 0x prefix"), refusedOther},
		{rpc.HTTPError{StatusCode: http.StatusUnauthorized}, refusedOther},
		{nil, refusedOther},
	} {
		if got := classify(c.err); got != c.want {
			t.Errorf("classify(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}
