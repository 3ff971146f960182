package acl

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
)

// Client-side refusals: returned before anything is signed or sent, so no gas
// is spent on them.
var (
	// ErrInvalidKey: a public key is not a 33-byte compressed secp256k1 point
	// on the curve.
	ErrInvalidKey = errors.New("acl: invalid public key")
	// ErrInvalidArgument: an argument the contract would refuse anyway
	// (empty CID, zero threshold, expiry in the past, ...).
	ErrInvalidArgument = errors.New("acl: invalid argument")
	// ErrReadOnly: a transaction was asked of a client built without a key.
	ErrReadOnly = errors.New("acl: read-only client (no signing key): open the client with a key to send transactions")
	// ErrReverted: a transaction was mined but failed, and the chain gave no
	// reason the ABI could decode.
	ErrReverted = errors.New("acl: transaction reverted")
)

// Sentinels for the contract's custom errors. A *RevertError matches the one
// of its name with errors.Is, so callers need not compare names:
//
//	if errors.Is(err, acl.ErrNotOwner) { ... }
var (
	ErrKeysAlreadyRegistered = errors.New("registry: keys already registered (they are registered once per account)")
	ErrContractInvalidKey    = errors.New("registry: key refused by the contract (not 33 bytes with a 0x02/0x03 prefix)")
	ErrUnknownDataset        = errors.New("registry: unknown dataset")
	ErrNotOwner              = errors.New("registry: caller does not own the dataset")
	ErrDatasetErased         = errors.New("registry: dataset is erased")
	ErrInvalidCID            = errors.New("registry: CID empty or longer than 128 bytes")
	ErrCIDExists             = errors.New("registry: CID already registered")
	ErrInvalidGrantee        = errors.New("registry: grantee is the zero address")
	ErrInvalidTerms          = errors.New("registry: grant terms carry bits above the threshold")
	ErrInvalidThreshold      = errors.New("registry: threshold must be at least 1")
	ErrInvalidExpiry         = errors.New("registry: expiry is not in the future")
	ErrNoGrant               = errors.New("registry: no such grant")
	ErrInvalidOffer          = errors.New("registry: offer needs a non-zero duration and a price below 2^128 wei")
	ErrNoOffer               = errors.New("registry: dataset has no open offer")
	ErrWrongPayment          = errors.New("registry: payment differs from the offer's price")
	ErrPurchasePending       = errors.New("registry: a purchase of this dataset is already in escrow")
	ErrNoPurchase            = errors.New("registry: no purchase in escrow")
	ErrRefundTooEarly        = errors.New("registry: the grant window has not passed yet")
	ErrNothingToWithdraw     = errors.New("registry: nothing to withdraw")
	ErrTransferFailed        = errors.New("registry: payout transfer failed")
	ErrReentrancy            = errors.New("registry: re-entrant call refused")
	ErrInvalidProxy          = errors.New("registry: proxy endpoint or HPKE key empty or too long")
	ErrOwnDataset            = errors.New("registry: an owner cannot buy its own dataset")
	ErrAlreadyGranted        = errors.New("registry: the buyer already holds a live grant of this dataset")
	ErrDurationChanged       = errors.New("registry: the offer's duration changed; read the offer again")
	ErrGrantIsBought         = errors.New("registry: a bought grant can only be re-bundled or revoked before it expires")
	ErrUnknownEpoch          = errors.New("registry: the dataset has no key of that epoch")
	ErrLengthMismatch        = errors.New("registry: the lists of datasets and buyers differ in length")
	ErrOfferIsPrivate        = errors.New("registry: the offer is made to another account only")
	ErrInvalidPolicy         = errors.New("registry: a dataset is published under a policy hash, and zero names none")
	ErrNotPublic             = errors.New("registry: the dataset is not public")
)

var sentinels = map[string]error{
	"KeysAlreadyRegistered": ErrKeysAlreadyRegistered,
	"InvalidKey":            ErrContractInvalidKey,
	"UnknownDataset":        ErrUnknownDataset,
	"NotOwner":              ErrNotOwner,
	"DatasetErased":         ErrDatasetErased,
	"InvalidCID":            ErrInvalidCID,
	"CIDExists":             ErrCIDExists,
	"InvalidGrantee":        ErrInvalidGrantee,
	"InvalidTerms":          ErrInvalidTerms,
	"InvalidThreshold":      ErrInvalidThreshold,
	"InvalidExpiry":         ErrInvalidExpiry,
	"NoGrant":               ErrNoGrant,
	"InvalidOffer":          ErrInvalidOffer,
	"NoOffer":               ErrNoOffer,
	"WrongPayment":          ErrWrongPayment,
	"PurchasePending":       ErrPurchasePending,
	"NoPurchase":            ErrNoPurchase,
	"RefundTooEarly":        ErrRefundTooEarly,
	"NothingToWithdraw":     ErrNothingToWithdraw,
	"TransferFailed":        ErrTransferFailed,
	"Reentrancy":            ErrReentrancy,
	"InvalidProxy":          ErrInvalidProxy,
	"OwnDataset":            ErrOwnDataset,
	"AlreadyGranted":        ErrAlreadyGranted,
	"DurationChanged":       ErrDurationChanged,
	"GrantIsBought":         ErrGrantIsBought,
	"UnknownEpoch":          ErrUnknownEpoch,
	"LengthMismatch":        ErrLengthMismatch,
	"OfferIsPrivate":        ErrOfferIsPrivate,
	"InvalidPolicy":         ErrInvalidPolicy,
	"NotPublic":             ErrNotPublic,
}

// RevertError is a contract call or transaction that reverted, with the
// reason decoded from the Registry's ABI.
type RevertError struct {
	// Name is the custom error's name ("NotOwner", ...), "Error" for a
	// require message, "Panic" for a compiler panic, or "" when the revert
	// data matched nothing in the ABI.
	Name string
	// Args are the error's decoded arguments in declaration order.
	Args []any
	// Data is the raw revert data.
	Data []byte
	// Tx is the hash of the mined transaction that reverted; zero when the
	// revert was found while estimating gas, before anything was sent.
	Tx common.Hash
}

func (e *RevertError) Error() string {
	var b strings.Builder
	b.WriteString("acl: reverted")
	if e.Tx != (common.Hash{}) {
		fmt.Fprintf(&b, " in transaction %s", e.Tx.Hex())
	} else {
		b.WriteString(" (refused at gas estimation, nothing sent)")
	}
	switch {
	case e.Name == "":
		fmt.Fprintf(&b, ": undecodable revert data 0x%x", e.Data)
	default:
		fmt.Fprintf(&b, ": %s%v", e.Name, e.Args)
		if s, ok := sentinels[e.Name]; ok {
			fmt.Fprintf(&b, " (%v)", s)
		}
	}
	return b.String()
}

// Is makes errors.Is(err, ErrNotOwner) and friends work, and matches
// ErrReverted for every revert.
func (e *RevertError) Is(target error) bool {
	if target == ErrReverted {
		return true
	}
	s, ok := sentinels[e.Name]
	return ok && s == target
}

var (
	errorStringSelector = []byte{0x08, 0xc3, 0x79, 0xa0} // Error(string)
	panicSelector       = []byte{0x4e, 0x48, 0x7b, 0x71} // Panic(uint256)
)

// DecodeRevert turns revert data (for example caught by another contract)
// into a *RevertError using the Registry's ABI. Data it cannot decode is kept
// raw with an empty Name.
func DecodeRevert(a *abi.ABI, data []byte) *RevertError {
	return decodeRevert(a, data, common.Hash{})
}

// decodeRevert turns revert data into a *RevertError using the contract ABI.
// It never fails: data it cannot decode is kept raw with an empty Name.
func decodeRevert(a *abi.ABI, data []byte, tx common.Hash) *RevertError {
	e := &RevertError{Data: data, Tx: tx}
	if len(data) < 4 {
		return e
	}
	sel, body := data[:4], data[4:]
	switch {
	case bytes.Equal(sel, errorStringSelector):
		if msg, err := abi.UnpackRevert(data); err == nil {
			e.Name, e.Args = "Error", []any{msg}
		}
		return e
	case bytes.Equal(sel, panicSelector):
		if _, err := abi.UnpackRevert(data); err == nil || len(body) == 32 {
			e.Name, e.Args = "Panic", []any{new(bigIntHex).set(body)}
		}
		return e
	}
	for name, def := range a.Errors {
		if !bytes.Equal(def.ID[:4], sel) {
			continue
		}
		args, err := def.Inputs.Unpack(body)
		if err != nil {
			return e
		}
		e.Name, e.Args = name, args
		return e
	}
	return e
}

// bigIntHex prints a panic code the way Solidity documents them (0x11, ...).
type bigIntHex struct{ b []byte }

func (h *bigIntHex) set(b []byte) *bigIntHex { h.b = bytes.TrimLeft(b, "\x00"); return h }
func (h *bigIntHex) String() string {
	if len(h.b) == 0 {
		return "0x0"
	}
	return fmt.Sprintf("0x%x", h.b)
}
