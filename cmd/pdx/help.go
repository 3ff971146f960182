package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// examples is the Example section of every command's --help, by command
// path. They sit in one table, so that they read as one set (the same
// names, addresses and files throughout, the order of a first session) and
// so that TestEveryCommandHasExamples can name the command that lacks one.
// withExamples puts them on the commands.
var examples = map[string]string{
	"pdx": `  pdx init
  pdx daemon
  pdx put history.csv --dataset history
  pdx grant history --to 0x9E324E605E2C65Ddc616060721c6aE575870ef5f --purpose research --expires 30d`,
	"pdx init": `  pdx init
  pdx --home ~/pdx-brand init
  pdx --passphrase-file pass.txt init`,
	"pdx keys": `  pdx keys
  pdx keys --verify
  pdx --json keys`,
	"pdx describe": `  pdx describe purchases --title "Grocery receipts of one household" --category purchases --period 2025-01..2025-12
  pdx describe purchases
  pdx describe purchases --title "Grocery receipts" --category purchases --preview
  pdx --json describe purchases`,
	"pdx version": `  pdx version
  pdx --json version`,
	"pdx demo": `  pdx demo
  pdx demo --dir ./pdx-demo`,
	"pdx daemon": `  pdx daemon
  # in the background, with the passphrase from a file (no prompt to stop it):
  pdx --passphrase-file ~/.pdx-pass daemon > pdx.log 2>&1 &`,
	"pdx put": `  pdx put history.csv --dataset history
  export-purchases | pdx put - --dataset history`,
	"pdx ls": `  pdx ls
  pdx --json ls`,
	"pdx get": `  pdx get bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi -o history.csv
  pdx get bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi > history.csv
  pdx get bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi --purpose dpv:ResearchAndDevelopment -o history.csv
  pdx get bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi --verify -o history.csv`,
	"pdx rotate": `  pdx rotate history`,
	"pdx export": `  pdx export -o backup
  pdx export --keys -o backup-with-keys`,
	"pdx erase": `  pdx erase history --yes`,
	"pdx grant": `  pdx grant history --to 0x9E324E605E2C65Ddc616060721c6aE575870ef5f --purpose research --expires 30d
  pdx grant history --to 0x9E324E605E2C65Ddc616060721c6aE575870ef5f --purpose research --expires 2027-01-01
  pdx grant history --to 0x9E324E605E2C65Ddc616060721c6aE575870ef5f --purpose audit --expires 2027-01-01T12:00:00Z --threshold 2
  pdx grant history --to 0x9E324E605E2C65Ddc616060721c6aE575870ef5f --policy analytics-only --expires 30d
  pdx grant history --to 0x9E324E605E2C65Ddc616060721c6aE575870ef5f --policy ./three-reads.json`,
	"pdx revoke": `  pdx revoke history --to 0x9E324E605E2C65Ddc616060721c6aE575870ef5f`,
	"pdx log": `  pdx log
  pdx log --no-access`,
	"pdx grants": `  pdx grants history`,
	"pdx granted": `  pdx granted
  pdx --json granted`,
	"pdx offer": `  pdx offer history --price 0.01eth --duration 30d --terms "loyalty analytics"
  pdx offer history --price 0.01eth --duration 30d --policy analytics-only
  pdx offer history --price 0.01eth --policy ./three-reads-30-days.json
  pdx offer history --price 0.01eth --policy analytics-only --to 0x8ba1f109551bD432803012645Ac136ddd64DBA72
  # several offers of one split dataset: two fields cheap, everything dear
  pdx offer profile --fields age,city --price 0.01eth --duration 30d --terms "regional statistics"
  pdx offer profile --price 0.05eth --duration 30d --terms "regional statistics"`,
	"pdx offer withdraw": `  pdx offer withdraw profile --fields age,city
  pdx offer withdraw profile --all-fields
  pdx offer withdraw profile --terms 0x66f62d1807d3821a3865f2573b69c74be033f1341240ac861fefc6d430bff5e0
  pdx offer withdraw profile --all`,
	"pdx publish": `  pdx publish profile --policy open-cc-by --yes
  pdx publish profile --policy my-policy.json --yes`,
	"pdx unpublish": `  pdx unpublish profile`,
	"pdx verify": `  pdx verify bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku profile.json
  pdx verify --owner 0x8ba1f109551bD432803012645Ac136ddd64DBA72 bafkrei... profile.json
  pdx verify --rpc https://rpc.example.org --registry 0x5FbDB2315678afecb367f032d93F642f64180aa3 bafkrei... profile.json`,
	"pdx buy": `  pdx market
  pdx buy 1
  pdx buy 1 --terms "loyalty analytics"
  pdx buy 1 --policy analytics-only
  # a dataset with several offers: name the one you buy
  pdx buy 1 --fields age,city
  pdx buy 1 --all-fields
  pdx buy 1 --terms 0x66f62d1807d3821a3865f2573b69c74be033f1341240ac861fefc6d430bff5e0`,
	"pdx withdraw": `  pdx withdraw`,
	"pdx market": `  pdx market
  pdx market --limit 20 --max-price 0.02eth
  pdx market --owner 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed --min-duration 30d
  pdx market --terms research-only
  pdx market --for-me
  pdx --json market --limit 100 --after AgEBAgMEBQYHCAAAAAAAAAAqAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
  pdx market --fields age,city
  pdx market --category purchases --field amount --search grocery
  pdx market --category loyalty --wide`,
	"pdx refund": `  pdx purchases
  pdx refund 1`,
	"pdx purchases": `  pdx purchases`,
	"pdx contracts": `  pdx contracts deploy --rpc http://127.0.0.1:8545`,
	"pdx contracts deploy": `  pdx contracts deploy --rpc http://127.0.0.1:8545
  pdx contracts deploy --rpc http://127.0.0.1:8545 --key-file deployer.key --chain-id 1337 --fund ~/.pdx`,
	"pdx pinsvc":           `  pdx pinsvc --dir /var/lib/pdx-pinsvc --ipfs-api /ip4/127.0.0.1/tcp/5001 --listen 127.0.0.1:5190 --token-file token`,
	"pdx attestation":      `  pdx attestation add purchases attestation.json`,
	"pdx proxy":            `  pdx proxy --dir /var/lib/pdx-proxy --rpc http://127.0.0.1:8545 --registry 0xC98ED389F20Eb6A8e1FfA687fb0242E22B3F1B97 --ipfs-api /ip4/127.0.0.1/tcp/5001 --listen 0.0.0.0:7100 --endpoint https://proxy.example.org`,
	"pdx proxy rotate-key": `  pdx proxy rotate-key --dir /var/lib/pdx-proxy --rpc http://127.0.0.1:8545 --registry 0xC98ED389F20Eb6A8e1FfA687fb0242E22B3F1B97`,
}

// withExamples sets each command's Example from examples (a command already
// carrying one keeps it), and gives every command with subcommands the
// argument check that suggests the nearest command for a mistyped one,
// unless it takes arguments of its own (offer NAME has the subcommand
// withdraw: cobra picks the subcommand when the first argument names it).
func withExamples(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Example == "" {
			c.Example = examples[c.CommandPath()]
		}
		if c.HasSubCommands() && c.Annotations[ownArgs] == "" {
			c.Args = noArgsSuggest
			// cobra's own default, which it sets only on its own path.
			c.SuggestionsMinimumDistance = 2
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// ownArgs annotates a command with subcommands that also takes arguments
// of its own (offer NAME, beside offer withdraw NAME): withExamples leaves
// its argument check alone.
const ownArgs = "pdx/own-args"

// noArgsSuggest is cobra.NoArgs for a command with subcommands: an argument
// there is a mistyped command, so the error names the nearest
// (`pdx lss`: did you mean "ls"?). cobra suggests by itself only for
// commands without an Args check, and lists every command within two
// edits ("log" too); the nearest alone is the one meant.
func noArgsSuggest(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := nearest(args[0], cmd.SuggestionsFor(args[0])); len(s) > 0 {
		q := make([]string, len(s))
		for i, v := range s {
			q[i] = fmt.Sprintf("%q", v)
		}
		msg += ": did you mean " + strings.Join(q, " or ") + "?"
	}
	return errors.New(msg)
}

// nearest keeps the names of names at the least edit distance from typed.
func nearest(typed string, names []string) []string {
	best, out := -1, []string(nil)
	for _, n := range names {
		d := editDistance(strings.ToLower(typed), strings.ToLower(n))
		switch {
		case best < 0 || d < best:
			best, out = d, []string{n}
		case d == best:
			out = append(out, n)
		}
	}
	return out
}

// editDistance is the Levenshtein distance of a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
