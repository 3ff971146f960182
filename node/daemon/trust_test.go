package daemon

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/ipfs/go-cid"
)

// bundlePinned reports whether the owner's store pins a kfrag bundle of
// dataset id for grantee.
func bundlePinned(t *testing.T, w *world, id uint64, grantee string) bool {
	t.Helper()
	pins, err := w.owner.store.Pins(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pins {
		if p.Name == fmt.Sprintf("pdx/bundle/%d/%s", id, grantee) {
			return true
		}
	}
	return false
}

// TestReconcileUnpinsRevokedGrantBundle: a revoke through the API leaves
// no bundle of the grant pinned; and when a daemon stopped between the
// revoke and its unpin (the pin put back here), the next start's
// reconcile unpins it, since t proxy keys and the grantee's key would
// reopen its kfrags.
func TestReconcileUnpinsRevokedGrantBundle(t *testing.T) {
	w := newWorld(t)
	o, b := w.owner, w.brand
	var ds DatasetView
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets", CreateRequest{Name: "profile"}, &ds)
	var put PutResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/profile/versions", []byte("age,city\n41,Lyon\n"), &put)
	grantee := b.h.Address().Hex()
	var g GrantResponse
	o.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/profile/grants",
		GrantRequest{Grantee: grantee, Purpose: "research", Expires: "30d"}, &g)
	if !bundlePinned(t, w, ds.ID, grantee) {
		t.Fatal("the grant's bundle is not pinned after the grant")
	}
	o.mustCall(t, http.StatusOK, "DELETE", "/v1/datasets/profile/grants/"+grantee, nil, &RevokeResponse{})
	if bundlePinned(t, w, ds.ID, grantee) {
		t.Fatal("the revoked grant's bundle is still pinned after the revoke")
	}

	c, err := cid.Decode(g.Bundle)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.store.Pin(w.ctx, c, fmt.Sprintf("pdx/bundle/%d/%s", ds.ID, grantee)); err != nil {
		t.Fatal(err)
	}
	rep, err := o.d.Reconcile(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Unpinned) != 1 || bundlePinned(t, w, ds.ID, grantee) {
		t.Fatalf("reconcile after a revoke that kept its bundle: %+v, bundle still pinned: %v", rep, bundlePinned(t, w, ds.ID, grantee))
	}
}
