package proxy

import (
	"errors"
	"fmt"
	"net/http"
)

// Code is a refusal reason on the wire; brands branch on it.
type Code string

// The codes a proxy answers with (PROTOCOL.md).
const (
	CodeRevoked        Code = "revoked"         // the grant was revoked
	CodeErased         Code = "erased"          // the dataset was erased
	CodeExpired        Code = "expired"         // the grant's expiry passed
	CodeNotGranted     Code = "not_granted"     // no grant for this signer
	CodeBadSignature   Code = "bad_signature"   // the request signature is invalid
	CodeReplayed       Code = "replayed"        // the nonce was used already
	CodeUnknownDataset Code = "unknown_dataset" // no such dataset on chain
	CodeWrongProxy     Code = "wrong_proxy"     // the request names another proxy
	CodeRequestExpired Code = "request_expired" // the request's deadline passed
	CodeBadRequest     Code = "bad_request"     // malformed request
	CodeTooLarge       Code = "too_large"       // request body over the limit
	CodeNoKFrag        Code = "no_kfrag"        // grant live, but this proxy holds no kfrag for it
	CodeUnavailable    Code = "unavailable"     // the chain or IPFS did not answer
	CodeInternal       Code = "internal"
	// CodePurposeNotPermitted: the grant's policy does not permit the
	// purpose the request reads for.
	CodePurposeNotPermitted Code = "purpose_not_permitted"
	// CodeReadLimit: this proxy answered the grant's maximum reads already.
	CodeReadLimit Code = "read_limit"
	// CodeUnsupportedVersion: a request of an older protocol version
	// (version 1 named no purpose).
	CodeUnsupportedVersion Code = "unsupported_version"
)

// Error is a proxy's refusal, as the brand's client receives it.
type Error struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
	Block   uint64 `json:"block,omitempty"` // the block the decision was taken at, or the revocation's
}

func (e *Error) Error() string {
	if e.Block != 0 {
		return fmt.Sprintf("%s (%s, block %d)", e.Message, e.Code, e.Block)
	}
	return fmt.Sprintf("%s (%s)", e.Message, e.Code)
}

// Is matches errors with the same code, so errors.Is(err, &Error{Code: CodeRevoked}) works.
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Code == e.Code
}

// Sentinels for errors.Is.
var (
	ErrRevoked     = &Error{Code: CodeRevoked}
	ErrErased      = &Error{Code: CodeErased}
	ErrExpired     = &Error{Code: CodeExpired}
	ErrNotGranted  = &Error{Code: CodeNotGranted}
	ErrReplayed    = &Error{Code: CodeReplayed}
	ErrNoKFrag     = &Error{Code: CodeNoKFrag}
	ErrUnavailable = &Error{Code: CodeUnavailable}
	// ErrPurposeNotPermitted and ErrReadLimit are the refusals of a grant's
	// usage policy.
	ErrPurposeNotPermitted = &Error{Code: CodePurposeNotPermitted}
	ErrReadLimit           = &Error{Code: CodeReadLimit}
	ErrUnsupportedVersion  = &Error{Code: CodeUnsupportedVersion}
)

// HTTPStatus is the HTTP status a proxy answers a refusal with this code
// (PROTOCOL.md), so clients that see only the status can still tell
// refusals apart.
func (c Code) HTTPStatus() int {
	switch c {
	case CodeRevoked, CodeErased, CodeExpired, CodeNotGranted, CodeBadSignature, CodePurposeNotPermitted, CodeReadLimit:
		return http.StatusForbidden
	case CodeReplayed:
		return http.StatusConflict
	case CodeUnknownDataset:
		return http.StatusNotFound
	case CodeWrongProxy, CodeRequestExpired, CodeBadRequest, CodeUnsupportedVersion:
		return http.StatusBadRequest
	case CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case CodeNoKFrag, CodeUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
