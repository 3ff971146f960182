package service

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
)

// A public dataset end to end on the service: a put after publishing is the
// plaintext under its import-profile CID with its SHA-256 on chain, Verify
// accepts it and names the owner and the policy; an encrypted version, a
// squatter's registration and a withdrawn dataset are each told apart.
func TestPublicVersionsVerify(t *testing.T) {
	w := newWorld(t)
	ds, private := w.put([]byte("before publishing: encrypted"))
	pol, ok := policy.Preset("open-cc-by")
	if !ok {
		t.Fatal("no open-cc-by preset")
	}
	res, err := w.owner.Publish(w.ctx, ds, pol)
	if err != nil {
		t.Fatal(err)
	}
	if pinned, err := w.ownerFS.IsPinned(w.ctx, pol.CID()); err != nil || !pinned || res.PolicyCID != pol.CID().String() {
		t.Fatalf("policy %s pinned %v (%v), result %+v", pol.CID(), pinned, err, res)
	}
	plain := []byte("name: Ada\ncity: Lyon\n")
	put, err := w.owner.Put(w.ctx, ds, w.dsKey, bytes.NewReader(plain), "pdx/public")
	if err != nil {
		t.Fatal(err)
	}
	if !put.Public || put.CID != "bafkreihg5j4d6tsb2ypbg4rwlegnjqeohdzb2ehzowrxhribburafok4ie" {
		t.Fatalf("public put %+v, want the vector's CID", put)
	}
	c := mustCID(t, put.CID)
	// The plaintext is what IPFS serves under the CID.
	rc, err := w.ownerFS.Get(w.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if !bytes.Equal(got, plain) {
		t.Fatalf("IPFS serves %q under the public CID", got)
	}

	// The owner's own get of it streams the plaintext.
	var own bytes.Buffer
	if err := w.owner.ReadPublic(w.ctx, c, &own); err != nil || !bytes.Equal(own.Bytes(), plain) {
		t.Fatalf("owner's read of the public version: %v", err)
	}
	// Any home's get of it too, with no grant: the plaintext, checked
	// against the fingerprint; the dataset's encrypted version stays
	// refused to it.
	var theirs bytes.Buffer
	if g, err := w.brand.Get(w.ctx, c, &theirs); err != nil || !bytes.Equal(theirs.Bytes(), plain) || g.Owner != w.owner.Address() || g.Version != 2 || g.Bytes != int64(len(plain)) {
		t.Fatalf("brand's get of the public version: %+v, %v (%q)", g, err, theirs.Bytes())
	}
	if _, err := w.brand.Get(w.ctx, private, io.Discard); !errors.Is(err, ErrNoGrant) {
		t.Fatalf("brand's get of the encrypted version: %v, want ErrNoGrant", err)
	}
	v, err := Verify(w.ctx, w.brand.cfg.Chain, acl.Range{}, c, bytes.NewReader(plain), nil)
	if err != nil {
		t.Fatal(err)
	}
	if v.Owner != w.owner.Address() || v.Dataset != ds || v.Version != 2 || v.Preset != "open-cc-by" || v.Visibility != "public" || v.Others != 0 {
		t.Fatalf("verification %+v", v)
	}

	// A changed file.
	if _, err := Verify(w.ctx, w.brand.cfg.Chain, acl.Range{}, c, strings.NewReader("name: Eve\ncity: Lyon\n"), nil); !errors.Is(err, ErrNotContent) {
		t.Fatalf("changed file: %v", err)
	}
	// The encrypted version: its envelope is its CID's content, but its
	// fingerprint is no SHA-256 of it and its dataset was private then.
	rc, err = w.ownerFS.Get(w.ctx, private)
	if err != nil {
		t.Fatal(err)
	}
	env, _ := io.ReadAll(rc)
	rc.Close()
	if _, err := Verify(w.ctx, w.brand.cfg.Chain, acl.Range{}, private, bytes.NewReader(env), nil); !errors.Is(err, ErrNotPublicVersion) {
		t.Fatalf("encrypted version: %v, want ErrNotPublicVersion", err)
	}

	// A squatter (the brand) registers the same CID under a public dataset
	// of its own, later: the owner's registration is still the one shown,
	// the squatter's counted, and --owner picks either.
	sq, err := w.brand.CreateDataset(w.ctx, w.dsKey)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.brand.Publish(w.ctx, sq, pol); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.brand.cfg.Chain.AddCID(w.ctx, sq, c.Bytes(), sha256.Sum256(plain)); err != nil {
		t.Fatal(err)
	}
	v2, err := Verify(w.ctx, w.brand.cfg.Chain, acl.Range{}, c, bytes.NewReader(plain), nil)
	if err != nil || v2.Owner != w.owner.Address() || v2.Others != 1 {
		t.Fatalf("after the squatter: %+v, %v", v2, err)
	}
	brand := w.brand.Address()
	if v3, err := Verify(w.ctx, w.brand.cfg.Chain, acl.Range{}, c, bytes.NewReader(plain), &brand); err != nil || v3.Owner != brand || v3.Dataset != sq {
		t.Fatalf("--owner squatter: %+v, %v", v3, err)
	}

	owner := w.owner.Address()
	// Withdrawn: unpinned here, still verifiable, later puts encrypted.
	n, _, err := w.owner.Unpublish(w.ctx, ds, []cid.Cid{c})
	if err != nil || n != 1 {
		t.Fatalf("unpublish: %d unpinned, %v", n, err)
	}
	if pinned, _ := w.ownerFS.IsPinned(w.ctx, c); pinned {
		t.Fatal("the public version is still pinned after unpublish")
	}
	if v4, err := Verify(w.ctx, w.brand.cfg.Chain, acl.Range{}, c, bytes.NewReader(plain), &owner); err != nil || v4.Visibility != "withdrawn" {
		t.Fatalf("after unpublish: %+v, %v", v4, err)
	}
	later, err := w.owner.Put(w.ctx, ds, w.dsKey, strings.NewReader("after the withdrawal"), "pdx/later")
	if err != nil || later.Public {
		t.Fatalf("put after unpublish: %+v, %v", later, err)
	}
	// The later version's plaintext does not verify as public.
	lc := mustCID(t, later.CID)
	if _, err := Verify(w.ctx, w.brand.cfg.Chain, acl.Range{}, lc, strings.NewReader("after the withdrawal"), nil); !errors.Is(err, ErrNotContent) {
		t.Fatalf("plaintext of an encrypted version: %v", err)
	}
}

func mustCID(t *testing.T, s string) cid.Cid {
	t.Helper()
	c, err := cid.Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
