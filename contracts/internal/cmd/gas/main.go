// Command gas prints the gas each Registry operation uses on Ethereum
// mainnet's current rules (Osaka), one line per operation:
//
//	gas <op> <units>
//
// then the Registry's runtime code size (`code-size registry <bytes>`), and
// exits with status 1 when an operation exceeds its published target or the
// code the EIP-170 limit (24,576 bytes).
// -v adds the intrinsic/execution split; -draft measures on go-ethereum's dev
// config (the draft forks geth --dev runs) for comparison.
// `make gas` runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/log"
	"github.com/ethereum/go-ethereum/params"

	"github.com/pdx-network/pdx/contracts/internal/gasmeter"
)

func main() {
	// The in-memory chain logs every block; the figures are the output.
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	verbose := flag.Bool("v", false, "also print each operation's intrinsic and execution gas (stderr)")
	draft := flag.Bool("draft", false, "measure on go-ethereum's dev config (draft forks after Osaka) instead, for comparison; no targets")
	flag.Parse()
	measure := gasmeter.Measure
	if *draft {
		measure = func(ctx context.Context) ([]gasmeter.Measurement, error) {
			return gasmeter.MeasureWith(ctx, params.AllDevChainProtocolChanges)
		}
	}
	ms, err := measure(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gas:", err)
		os.Exit(1)
	}
	for _, m := range ms {
		fmt.Printf("gas %s %d\n", m.Op, m.Gas)
		if n, ok := gasmeter.Notes[m.Op]; ok && *verbose {
			fmt.Fprintf(os.Stderr, "  %s: %s\n", m.Op, n)
		}
		if *verbose {
			fmt.Fprintf(os.Stderr, "  %s: intrinsic %d (base + calldata), execution %d\n", m.Op, m.Intrinsic, m.Gas-m.Intrinsic)
		}
	}
	if *draft {
		return
	}
	size, err := gasmeter.RegistryCodeSize(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gas:", err)
		os.Exit(1)
	}
	fmt.Printf("code-size registry %d\n", size)
	if err := gasmeter.Check(ms); err != nil {
		fmt.Fprintln(os.Stderr, "gas:", err)
		os.Exit(1)
	}
}
