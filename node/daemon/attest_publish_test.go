package daemon

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/node/storage"
)

// TestPublishedAttestationsHostile: the off-chain attestations a grant's
// policy names are fetched and verified by the grantee, never trusted for
// being named. A hostile owner names a block that is not an attestation,
// one larger than an attestation file may be (the fetch stops at the
// bound), and a forged one (signed by one key, naming another signer):
// each is shown failed with its reason, none verified, and the grantee's
// verification still answers.
func TestPublishedAttestationsHostile(t *testing.T) {
	w := newWorld(t)
	owner, brand := w.owner, w.brand
	var put PutResponse
	owner.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/versions?create=true", "date,shop,amount\n2026-11-02,Corner Shop,23.10\n", &put)

	add := func(b []byte) string {
		t.Helper()
		c, err := owner.store.Add(w.ctx, bytes.NewReader(b), storage.AddOptions{Name: "hostile"})
		if err != nil {
			t.Fatal(err)
		}
		return c.String()
	}
	big := make([]byte, attest.MaxOffchainFile+1)
	rand.Read(big)
	key, _ := crypto.GenerateKey()
	claim := attest.Claim{Registry: w.ch.Registry(), Dataset: put.ID, Version: put.Version, CID: []byte("not the CID"), Source: "Corner Shop"}
	o, err := attest.SignOffchain(key, attest.DomainFor(devchain.ChainID, w.ch.Attestation()), w.ch.Attestation().Schema, owner.h.Address(), claim, time.Now(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	o.Signer = brand.h.Address() // names someone else as its signer
	forged, err := o.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	refs := []string{add([]byte(`{"sig":"not an attestation"}`)), add(forged), add(big)}
	pol, _ := policy.Preset("research-only")
	p := *pol
	p.Attestations = refs
	owner.mustCall(t, http.StatusCreated, "POST", "/v1/datasets/history/grants",
		map[string]any{"grantee": brand.h.Address().Hex(), "policy": json.RawMessage(p.Bytes()), "expires": "2d"}, nil)

	var res AttestationsResponse
	brand.mustCall(t, http.StatusOK, "POST", "/v1/cids/"+put.CID+"/attestations", VerifyAttestationsRequest{}, &res)
	if len(res.Attestations) != 3 {
		t.Fatalf("want the three named attestations reported, got %+v", res.Attestations)
	}
	var reasons []string
	for _, r := range res.Attestations {
		if r.Verified() || r.Status != attest.StatusFailed {
			t.Fatalf("a hostile attestation is not shown failed: %+v", r)
		}
		reasons = append(reasons, r.Code+": "+r.Reason)
	}
	all := strings.Join(reasons, "\n")
	for _, want := range []string{"published: the off-chain attestation ipfs://" + refs[0] + " the grant's policy names is not one",
		"signature: bad signature", "published: the off-chain attestation ipfs://" + refs[2] + " the grant's policy names could not be fetched: it is more than 65536 bytes"} {
		if !strings.Contains(all, want) {
			t.Errorf("want %q among the results:\n%s", want, all)
		}
	}
}
