package main

import (
	"context"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/pdx-network/pdx/internal/home"
)

// nonce HOME VAR sets VAR to the number of transactions the home's account
// has sent on the script's dev chain (devnet): comparing it before and
// after a step shows the step sent none.
func init() {
	scriptNetCmds["nonce"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: nonce HOME VAR")
		}
		h, err := home.Load(ts.MkAbs(args[0]))
		ts.Check(err)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		cl, err := ethclient.DialContext(ctx, ts.Getenv("PDX_CHAIN_RPC_URL"))
		ts.Check(err)
		defer cl.Close()
		n, err := cl.NonceAt(ctx, h.Keys().Address, nil)
		ts.Check(err)
		ts.Setenv(args[1], strconv.FormatUint(n, 10))
	}
}
