package daemon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"syscall"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
)

// Error codes of the API (docs/api.md), those of the kinds in
// internal/errkind. They are the CLI's codes where the two overlap, so
// `pdx --json` can pass them through unchanged.
const (
	CodeBadRequest   = errkind.APIBadRequest
	CodeUnauthorized = errkind.APIUnauthorized
	CodeNotFound     = errkind.APINotFound
	CodeRefused      = errkind.APIRefused
	CodeConflict     = errkind.APIConflict
	CodeUnavailable  = errkind.APIUnavailable
	CodeDamaged      = errkind.APIDamaged
	CodeNoRoute      = errkind.APINoRoute
	CodeInternal     = errkind.APIInternal
	CodeMisdirected  = errkind.APIMisdirected
)

// ErrBadRequest is wrapped by every rejection of a request's input; such a
// request changes nothing.
var ErrBadRequest = errors.New("bad request")

func badRequest(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadRequest, fmt.Sprintf(format, args...))
}

// APIError is the body of every error response: {"error": {...}}.
type APIError struct {
	Code string `json:"code"`
	// Message is the failure in full detail, for programs and logs: the
	// package that failed, the route, the chain's revert data.
	Message string `json:"message"`
	// Human is the failure said for people: what happened in the user's
	// words and what to do, without routes, package names or revert data
	// (messages.go). Show this one to a person.
	Human string `json:"human,omitempty"`
	// Revert names the Registry's custom error when the chain refused.
	Revert string `json:"revert,omitempty"`
}

type errorBody struct {
	Error APIError `json:"error"`
}

// rules give the errors of the packages the daemon calls their kind, and
// so their HTTP status and code, most specific first: the first that holds
// decides, and an error no rule knows is internal.
var rules = errkind.Rules{
	{Err: ErrBadRequest, Kind: errkind.Usage},
	// pdx's own sentinels that carry their kind (errkind.New), at the
	// rank their kind had here.
	{Err: errkind.Usage.Err(), Kind: errkind.Usage},
	// A cancelled request: the client went away or the daemon stops.
	{Err: context.Canceled, Kind: errkind.Unavailable},
	{Err: context.DeadlineExceeded, Kind: errkind.Unavailable},
	{Err: errkind.Conflict.Err(), Kind: errkind.Conflict},
	{Err: ErrNotJoinable, Kind: errkind.Conflict},
	{Err: ErrNotDev, Kind: errkind.Refused},
	{Err: acl.ErrInsufficientFunds, Kind: errkind.Refused},
	{Err: service.ErrKeysMismatch, Kind: errkind.Conflict},
	{Err: acl.ErrPurchasePending, Kind: errkind.Conflict},
	{Err: acl.ErrCIDExists, Kind: errkind.Conflict},
	{Err: proxy.ErrRevoked, Kind: errkind.Refused},
	{Err: proxy.ErrErased, Kind: errkind.Refused},
	{Err: proxy.ErrExpired, Kind: errkind.Refused},
	{Err: proxy.ErrNotGranted, Kind: errkind.Refused},
	{Err: service.ErrNoGrant, Kind: errkind.Refused},
	{Err: service.ErrRefundTooEarly, Kind: errkind.Refused},
	{Err: acl.ErrUnknownDataset, Kind: errkind.NotFound},
	{Err: acl.ErrNoGrant, Kind: errkind.NotFound},
	{Err: acl.ErrNoOffer, Kind: errkind.NotFound},
	{Err: acl.ErrUnknownCampaign, Kind: errkind.NotFound},
	{Err: acl.ErrNoPurchase, Kind: errkind.NotFound},
	{Err: acl.ErrUnknownCID, Kind: errkind.NotFound},
	{Err: service.ErrUnknownCID, Kind: errkind.NotFound},
	{Err: acl.ErrNoOpenOffer, Kind: errkind.NotFound},
	{Err: acl.ErrNoEscrow, Kind: errkind.NotFound},
	{Err: acl.ErrNoKeys, Kind: errkind.NotFound},
	{Err: acl.ErrUnknownProxy, Kind: errkind.NotFound},
	{Err: storage.ErrNotFound, Kind: errkind.NotFound},
	{Err: errkind.NotFound.Err(), Kind: errkind.NotFound},
	{Err: service.ErrNothingToRefund, Kind: errkind.NotFound},
	{Err: ErrNothingToExport, Kind: errkind.NotFound},
	// Any other revert of the Registry is the chain refusing.
	{Match: isRevert, Kind: errkind.Refused},
	{Err: service.ErrFingerprint, Kind: errkind.Damaged},
	{Err: errkind.Damaged.Err(), Kind: errkind.Damaged},
	{Err: ErrDamaged, Kind: errkind.Damaged},
	{Err: service.ErrNotEnoughProxies, Kind: errkind.Usage},
	{Err: service.ErrTermsMismatch, Kind: errkind.Usage},
	{Err: service.ErrBadTerms, Kind: errkind.Usage},
	{Err: service.ErrPrivateOfferToSelf, Kind: errkind.Usage},
	{Err: service.ErrTermsUnknown, Kind: errkind.NotFound},
	{Err: service.ErrBadPolicy, Kind: errkind.Damaged},
	{Err: service.ErrUnusableProxy, Kind: errkind.Usage},
	{Err: service.ErrGranteeKeys, Kind: errkind.Usage},
	{Err: proxy.ErrUnavailable, Kind: errkind.Unavailable},
	{Err: proxy.ErrNoKFrag, Kind: errkind.Unavailable},
	{Err: storage.ErrUnreachable, Kind: errkind.Unavailable},
	{Err: storage.ErrClosed, Kind: errkind.Unavailable},
	{Err: service.ErrUnavailable, Kind: errkind.Unavailable},
	{Match: isNetErr, Kind: errkind.Unavailable},
	// Any other refusal of a proxy.
	{Match: isProxyError, Kind: errkind.Refused},
}

// classify maps an error to its HTTP status and API error by its kind.
func classify(err error) (int, APIError) {
	e := APIError{Message: err.Error(), Human: forPeople(err)}
	var rev *acl.RevertError
	if errors.As(err, &rev) {
		e.Revert = rev.Name
	}
	k, _ := rules.Of(err)
	return apiError(k, e)
}

// apiError fills in the code of k and returns its status; a kind the API
// does not answer with is internal.
func apiError(k errkind.Kind, e APIError) (int, APIError) {
	if k.APICode() == "" {
		k = errkind.Internal
	}
	e.Code = k.APICode()
	return k.HTTPStatus(), e
}

func isRevert(err error) bool {
	var rev *acl.RevertError
	return errors.As(err, &rev)
}

func isProxyError(err error) bool {
	var pe *proxy.Error
	return errors.As(err, &pe)
}

// isNetErr: a connection to the chain (or another service) failed — refused,
// reset, unroutable — which is the service being unavailable, not pdx
// failing.
func isNetErr(err error) bool {
	var ne net.Error
	var op *net.OpError
	return errors.As(err, &op) || errors.As(err, &ne) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EHOSTUNREACH) || errors.Is(err, syscall.ENETUNREACH)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(errorBody{APIError{Code: CodeInternal, Message: "encoding the response: " + err.Error()}})
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, status int, e APIError) {
	writeJSON(w, status, errorBody{Error: e})
}

// writeKind answers with an error of kind k, said for people as human.
func writeKind(w http.ResponseWriter, k errkind.Kind, msg, human string) {
	status, e := apiError(k, APIError{Message: msg, Human: human})
	writeError(w, status, e)
}
