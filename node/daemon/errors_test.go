package daemon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"syscall"
	"testing"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
)

// TestClassifyKeepsStatuses pins the status and code of every error the
// daemon mapped before its table moved to kinds (internal/errkind): none
// may change by the move, and none may change unnoticed later.
func TestClassifyKeepsStatuses(t *testing.T) {
	const (
		bad      = http.StatusBadRequest
		refused  = http.StatusForbidden
		notFound = http.StatusNotFound
		conflict = http.StatusConflict
		internal = http.StatusInternalServerError
		unavail  = http.StatusServiceUnavailable
	)
	for _, c := range []struct {
		err    error
		status int
		code   string
	}{
		{badRequest("no %s", "name"), bad, CodeBadRequest},
		{home.ErrBadDatasetName, bad, CodeBadRequest},
		{context.Canceled, unavail, CodeUnavailable},
		{context.DeadlineExceeded, unavail, CodeUnavailable},
		{home.ErrDatasetExists, conflict, CodeConflict},
		{service.ErrKeysMismatch, conflict, CodeConflict},
		{acl.ErrPurchasePending, conflict, CodeConflict},
		{acl.ErrCIDExists, conflict, CodeConflict},
		{proxy.ErrRevoked, refused, CodeRefused},
		{proxy.ErrErased, refused, CodeRefused},
		{proxy.ErrExpired, refused, CodeRefused},
		{proxy.ErrNotGranted, refused, CodeRefused},
		{service.ErrNoGrant, refused, CodeRefused},
		{service.ErrRefundTooEarly, refused, CodeRefused},
		{acl.ErrUnknownDataset, notFound, CodeNotFound},
		{acl.ErrNoGrant, notFound, CodeNotFound},
		{acl.ErrNoOffer, notFound, CodeNotFound},
		{acl.ErrNoPurchase, notFound, CodeNotFound},
		{acl.ErrUnknownCID, notFound, CodeNotFound},
		{service.ErrUnknownCID, notFound, CodeNotFound},
		{acl.ErrNoOpenOffer, notFound, CodeNotFound},
		{acl.ErrNoEscrow, notFound, CodeNotFound},
		{acl.ErrNoKeys, notFound, CodeNotFound},
		{acl.ErrUnknownProxy, notFound, CodeNotFound},
		{storage.ErrNotFound, notFound, CodeNotFound},
		{home.ErrDatasetNotFound, notFound, CodeNotFound},
		{service.ErrNothingToRefund, notFound, CodeNotFound},
		{ErrNothingToExport, notFound, CodeNotFound},
		{&acl.RevertError{Name: "NotOwner"}, refused, CodeRefused},
		{service.ErrFingerprint, internal, CodeDamaged},
		{home.ErrCorrupt, internal, CodeDamaged},
		{ErrDamaged, internal, CodeDamaged},
		{service.ErrNotEnoughProxies, bad, CodeBadRequest},
		{service.ErrTermsMismatch, bad, CodeBadRequest},
		{service.ErrUnusableProxy, bad, CodeBadRequest},
		{service.ErrGranteeKeys, bad, CodeBadRequest},
		{proxy.ErrUnavailable, unavail, CodeUnavailable},
		{proxy.ErrNoKFrag, unavail, CodeUnavailable},
		{storage.ErrUnreachable, unavail, CodeUnavailable},
		{storage.ErrClosed, unavail, CodeUnavailable},
		{service.ErrUnavailable, unavail, CodeUnavailable},
		{syscall.ECONNREFUSED, unavail, CodeUnavailable},
		{syscall.ECONNRESET, unavail, CodeUnavailable},
		{syscall.EHOSTUNREACH, unavail, CodeUnavailable},
		{syscall.ENETUNREACH, unavail, CodeUnavailable},
		{&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("refused")}, unavail, CodeUnavailable},
		{&proxy.Error{Code: "replayed", Message: "nonce used"}, refused, CodeRefused},
		{errors.New("boom"), internal, CodeInternal},
		{os.ErrNotExist, internal, CodeInternal},
		// Most specific first: a bad request that also names a dataset
		// that does not exist is a bad request.
		{fmt.Errorf("%w: %w", ErrBadRequest, home.ErrDatasetNotFound), bad, CodeBadRequest},
		// A revert among known sentinels keeps the sentinel's status.
		{fmt.Errorf("%w: %w", acl.ErrNoGrant, &acl.RevertError{Name: "NoGrant"}), notFound, CodeNotFound},
	} {
		err := fmt.Errorf("doing it: %w", c.err)
		status, e := classify(err)
		if status != c.status || e.Code != c.code || e.Message != err.Error() {
			t.Errorf("classify(%v) = %d %+v, want %d %s", err, status, e, c.status, c.code)
		}
	}
	if _, e := classify(fmt.Errorf("x: %w", &acl.RevertError{Name: "NotOwner"})); e.Revert != "NotOwner" {
		t.Errorf("a revert's name is not passed on: %+v", e)
	}
}

// TestRulesUseAPIKinds: every kind the daemon's rules give is one the API
// answers with, so no error of a known kind turns into "internal" silently.
func TestRulesUseAPIKinds(t *testing.T) {
	for _, r := range rules {
		if r.Kind.APICode() == "" || r.Kind.HTTPStatus() == 0 {
			t.Errorf("rule for %v gives %v, which the API does not answer with", r.Err, r.Kind)
		}
	}
}

// TestDocErrorTable fails when docs/api.md's table of codes and statuses
// and the kinds disagree.
func TestDocErrorTable(t *testing.T) {
	data, err := os.ReadFile("../../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| (\\d{3}) \\| `([a-z_]+)` \\|")
	doc := map[string]int{}
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		n, _ := strconv.Atoi(m[1])
		doc[m[2]] = n
	}
	want := map[string]int{}
	for _, k := range errkind.Kinds() {
		if k.APICode() != "" {
			want[k.APICode()] = k.HTTPStatus()
		}
	}
	if fmt.Sprint(doc) != fmt.Sprint(want) {
		t.Errorf("docs/api.md error table %v\nerrkind has %v", doc, want)
	}
}

// TestOpenAPIErrorCodes: the error codes /openapi.json lists are the kinds'.
func TestOpenAPIErrorCodes(t *testing.T) {
	data, err := os.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties struct {
					Error struct {
						Properties struct {
							Code struct {
								Enum []string `json:"enum"`
							} `json:"code"`
						} `json:"properties"`
					} `json:"error"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, s := range doc.Components.Schemas {
		listed = append(listed, s.Properties.Error.Properties.Code.Enum...)
	}
	var want []string
	for _, k := range errkind.Kinds() {
		if k.APICode() != "" {
			want = append(want, k.APICode())
		}
	}
	slices.Sort(listed)
	slices.Sort(want)
	if !slices.Equal(listed, want) {
		t.Errorf("openapi.json lists the error codes %v\nerrkind has %v", listed, want)
	}
}
