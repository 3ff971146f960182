package daemon

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/cli"
)

// This file is the one place where the daemon's failures are said for
// people. Every API error carries two texts: message, the full detail
// (package prefixes, routes, the chain's raw revert data) for programs,
// logs and `pdx --json`, and human, what a person is told: what happened in
// the user's words and what to do. The CLI prints human; so should any
// other client showing an error to a person. TestMessagesForPeople walks
// representative failures of every kind and fails on a route, a package
// prefix or revert data in human.

// revertSentences says each custom error of the Registry
// (contracts/Registry.sol) for people, from its decoded arguments. A
// revert at gas estimation sent nothing, and a mined one that reverted
// moved no ether but its gas, so no sentence about paying needs to hedge.
var revertSentences = map[string]func(a revertArgs) string{
	"KeysAlreadyRegistered": func(a revertArgs) string {
		return fmt.Sprintf("the account %s registered its keys already; they are registered once per account", a.addr(0))
	},
	"InvalidKey": func(revertArgs) string { return "the chain refused a public key: it is not a compressed secp256k1 key" },
	"UnknownDataset": func(a revertArgs) string {
		return fmt.Sprintf("there is no dataset %s on the chain: check the dataset id (the market lists the open offers)", a.id(0))
	},
	"NotOwner": func(a revertArgs) string {
		return fmt.Sprintf("dataset %s belongs to another account: only its owner can do this", a.id(0))
	},
	"DatasetErased": func(a revertArgs) string {
		return fmt.Sprintf("dataset %s is erased: nothing can be added to, granted of or bought from it any more", a.id(0))
	},
	"InvalidCID": func(revertArgs) string { return "the content id is empty or longer than 128 bytes" },
	"CIDExists": func(revertArgs) string {
		return "this content is already a version of a dataset: the same file cannot be stored twice"
	},
	"InvalidGrantee": func(revertArgs) string {
		return "the grantee is the zero address: give the account address of the brand"
	},
	"InvalidThreshold": func(revertArgs) string {
		return "the threshold must be at least 1 proxy"
	},
	"InvalidExpiry": func(a revertArgs) string {
		return fmt.Sprintf("the expiry %s is not in the future: give a later time", a.time(0))
	},
	"InvalidTerms": func(revertArgs) string { return "the grant's threshold is out of range (1 to 255 proxies)" },
	"NoGrant": func(a revertArgs) string {
		return fmt.Sprintf("%s holds no grant of dataset %s", a.addr(1), a.id(0))
	},
	"InvalidOffer": func(revertArgs) string {
		return "an offer needs a duration above zero and a price below 2^128 wei"
	},
	"NoOffer": func(a revertArgs) string {
		return fmt.Sprintf("dataset %s has no open offer under those terms (it was withdrawn or never made): nothing was paid; the market lists the open offers", a.id(0))
	},
	"WrongPayment": func(a revertArgs) string {
		return fmt.Sprintf("the payment of %s wei is not the offer's price of %s wei: nothing was paid; read the offer again", a.num(1), a.num(0))
	},
	"PurchasePending": func(a revertArgs) string {
		return fmt.Sprintf("you have paid for dataset %s already and the purchase waits for its owner's grant: nothing more was paid; your purchases show it", a.id(0))
	},
	"NoPurchase": func(a revertArgs) string {
		return fmt.Sprintf("%s has no purchase of dataset %s waiting in escrow", a.addr(1), a.id(0))
	},
	"RefundTooEarly": func(a revertArgs) string {
		return fmt.Sprintf("the owner may still grant this purchase until %s: ask for the refund after that", a.time(0))
	},
	"NothingToWithdraw": func(revertArgs) string { return "there is nothing to withdraw yet" },
	"TransferFailed": func(a revertArgs) string {
		return fmt.Sprintf("paying %s wei out to %s failed: the balance is kept; try again from an account that accepts ether", a.num(1), a.addr(0))
	},
	"Reentrancy": func(revertArgs) string { return "the chain refused a payout that called back into the Registry" },
	"InvalidProxy": func(revertArgs) string {
		return "the proxy's endpoint is not an http(s) URL or is too long, or its key is not 32 bytes"
	},
	"OwnDataset": func(a revertArgs) string {
		return fmt.Sprintf("dataset %s is yours: an owner cannot buy its own data; nothing was paid", a.id(0))
	},
	"AlreadyGranted": func(a revertArgs) string {
		return fmt.Sprintf("you hold a live grant of dataset %s already: nothing was paid; the datasets granted to you list what you may get", a.id(0))
	},
	"DurationChanged": func(revertArgs) string {
		return "the offer's duration changed since you read it: nothing was paid; read the offer again"
	},
	"GrantIsBought": func(a revertArgs) string {
		return fmt.Sprintf("the grant of dataset %s to %s was bought and runs until it expires: it can be revoked, not replaced", a.id(0), a.addr(1))
	},
	"UnknownEpoch": func(a revertArgs) string {
		return fmt.Sprintf("dataset %s has no key of epoch %s", a.id(0), a.id(1))
	},
	"LengthMismatch": func(revertArgs) string { return "the lists of datasets and buyers differ in length" },
	"OfferIsPrivate": func(a revertArgs) string {
		return fmt.Sprintf("the offer of dataset %s is private, made to another account than %s: only that account can buy it; nothing was paid", a.id(0), a.addr(1))
	},
	"InvalidPolicy": func(revertArgs) string {
		return "a dataset is published under its policy document, and none was given"
	},
	"NotPublic": func(a revertArgs) string {
		return fmt.Sprintf("dataset %s is not public: there is nothing to unpublish", a.id(0))
	},
}

// revertSentence says a revert for people; a revert the table lacks (a
// require message, a panic, undecodable data) is said as a refusal.
func revertSentence(rev *acl.RevertError) string {
	if f, ok := revertSentences[rev.Name]; ok {
		return f(rev.Args)
	}
	switch rev.Name {
	case "Error":
		return fmt.Sprintf("the chain refused: %v", revertArgs(rev.Args).get(0))
	case "Panic":
		return "the chain's Registry failed on this request; nothing was changed"
	}
	return "the chain refused the transaction without a reason pdx can read; nothing was changed"
}

// revertArgs are a revert's decoded arguments, read forgivingly: a missing
// or unexpected argument reads as "?" rather than failing the message.
type revertArgs []any

func (a revertArgs) get(i int) any {
	if i < len(a) {
		return a[i]
	}
	return "?"
}

func (a revertArgs) id(i int) string { return fmt.Sprint(a.get(i)) }

func (a revertArgs) addr(i int) string {
	if v, ok := a.get(i).(common.Address); ok {
		return v.Hex()
	}
	return fmt.Sprint(a.get(i))
}

func (a revertArgs) num(i int) string {
	if v, ok := a.get(i).(*big.Int); ok {
		return v.String()
	}
	return fmt.Sprint(a.get(i))
}

func (a revertArgs) time(i int) string {
	if v, ok := a.get(i).(uint64); ok {
		return time.Unix(int64(v), 0).UTC().Format(time.RFC3339)
	}
	return fmt.Sprint(a.get(i))
}

// forPeople is the human text of err: its detail with each revert said by
// revertSentences, each proxy refusal by its message, each cli.Said by its
// words, and no package prefixes.
func forPeople(err error) string {
	return cli.ForPeople(Explain(err))
}

// Explain returns err with its message for people attached (cli.Said), so
// the CLI says a failure the daemon's code returned outside the API (the
// daemon's start) in the same words as one it answered with.
func Explain(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	cli.Walk(err, func(e error) bool {
		var detail, human string
		switch t := e.(type) {
		case *acl.RevertError:
			detail, human = t.Error(), revertSentence(t)
			// The sentinel a caller wrapped around the revert says the same.
			for _, s := range revertSentinels(t) {
				msg = strings.Replace(msg, s.Error()+": "+detail, detail, 1)
			}
		case *proxy.Error:
			detail, human = t.Error(), t.Message
			if t.Block != 0 {
				human = fmt.Sprintf("%s (block %d)", t.Message, t.Block)
			}
		case *cli.Said:
			detail, human = t.Err.Error(), t.Human
		default:
			return true
		}
		if human != "" && strings.Contains(msg, detail) {
			msg = strings.Replace(msg, detail, human, 1)
			return false
		}
		return true
	})
	return cli.Say(err, cli.StripPrefixes(msg))
}

// revertSentinels are the acl sentinels rev matches, which callers wrap
// around it ("registry: no such grant: acl: reverted …").
func revertSentinels(rev *acl.RevertError) []error {
	var out []error
	for _, s := range []error{acl.ErrNoGrant, acl.ErrNoOffer, acl.ErrNoPurchase, acl.ErrUnknownDataset,
		acl.ErrPurchasePending, acl.ErrCIDExists, acl.ErrNotOwner, acl.ErrDatasetErased, acl.ErrOwnDataset, acl.ErrAlreadyGranted} {
		if errors.Is(rev, s) {
			out = append(out, s)
		}
	}
	return out
}
