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
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
)

// Error codes of the API (docs/api.md). They are the CLI's codes where the
// two overlap, so `pdx --json` can pass them through unchanged.
const (
	CodeBadRequest   = "bad_request"
	CodeUnauthorized = "unauthorized"
	CodeNotFound     = "not_found"
	CodeRefused      = "refused"
	CodeConflict     = "conflict"
	CodeUnavailable  = "unavailable"
	CodeDamaged      = "damaged"
	CodeNoRoute      = "no_route"
	CodeInternal     = "internal"
)

// ErrBadRequest is wrapped by every rejection of a request's input; such a
// request changes nothing.
var ErrBadRequest = errors.New("bad request")

func badRequest(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadRequest, fmt.Sprintf(format, args...))
}

// APIError is the body of every error response: {"error": {...}}.
type APIError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// Revert names the Registry's custom error when the chain refused.
	Revert string `json:"revert,omitempty"`
}

type errorBody struct {
	Error APIError `json:"error"`
}

// classify maps an error to its HTTP status and API error, most specific
// sentinel first.
func classify(err error) (int, APIError) {
	e := APIError{Message: err.Error()}
	var rev *acl.RevertError
	hasRevert := errors.As(err, &rev)
	if hasRevert {
		e.Revert = rev.Name
	}
	var pe *proxy.Error
	switch {
	case errors.Is(err, ErrBadRequest), errors.Is(err, home.ErrBadDatasetID):
		return http.StatusBadRequest, with(e, CodeBadRequest)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, with(e, CodeUnavailable)
	case errors.Is(err, home.ErrDatasetExists), errors.Is(err, service.ErrKeysMismatch),
		errors.Is(err, acl.ErrPurchasePending), errors.Is(err, acl.ErrCIDExists):
		return http.StatusConflict, with(e, CodeConflict)
	case errors.Is(err, proxy.ErrRevoked), errors.Is(err, proxy.ErrErased),
		errors.Is(err, proxy.ErrExpired), errors.Is(err, proxy.ErrNotGranted),
		errors.Is(err, service.ErrNoGrant), errors.Is(err, service.ErrRefundTooEarly):
		return http.StatusForbidden, with(e, CodeRefused)
	case errors.Is(err, acl.ErrUnknownDataset), errors.Is(err, acl.ErrNoGrant),
		errors.Is(err, acl.ErrNoOffer), errors.Is(err, acl.ErrNoPurchase),
		errors.Is(err, acl.ErrUnknownCID), errors.Is(err, service.ErrUnknownCID), errors.Is(err, acl.ErrNoOpenOffer),
		errors.Is(err, acl.ErrNoEscrow), errors.Is(err, acl.ErrNoKeys),
		errors.Is(err, acl.ErrUnknownProxy), errors.Is(err, storage.ErrNotFound),
		errors.Is(err, home.ErrDatasetNotFound), errors.Is(err, service.ErrNothingToRefund),
		errors.Is(err, ErrNothingToExport):
		return http.StatusNotFound, with(e, CodeNotFound)
	case hasRevert:
		return http.StatusForbidden, with(e, CodeRefused)
	case errors.Is(err, service.ErrFingerprint), errors.Is(err, home.ErrCorrupt), errors.Is(err, ErrDamaged):
		return http.StatusInternalServerError, with(e, CodeDamaged)
	case errors.Is(err, service.ErrNotEnoughProxies), errors.Is(err, service.ErrTermsMismatch),
		errors.Is(err, service.ErrUnusableProxy), errors.Is(err, service.ErrGranteeKeys):
		return http.StatusBadRequest, with(e, CodeBadRequest)
	case errors.Is(err, proxy.ErrUnavailable), errors.Is(err, proxy.ErrNoKFrag),
		errors.Is(err, storage.ErrUnreachable), errors.Is(err, storage.ErrClosed),
		errors.Is(err, service.ErrUnavailable), isNetErr(err):
		return http.StatusServiceUnavailable, with(e, CodeUnavailable)
	case errors.As(err, &pe):
		return http.StatusForbidden, with(e, CodeRefused)
	}
	return http.StatusInternalServerError, with(e, CodeInternal)
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

func with(e APIError, code string) APIError {
	e.Code = code
	return e
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
