package attest_test

import (
	"context"
	"crypto/ecdsa"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/acl/devchain"
)

// world is a dev chain (the embedded go-ethereum chain pdx runs, EAS
// deployed on it at first start) with a shop that attests, an owner, and
// a stranger.
type world struct {
	chain                 *devchain.Chain
	d                     attest.Deployment
	shop, owner, stranger *ecdsa.PrivateKey
	claim                 attest.Claim
	want                  attest.Expect
	verifier              *attest.Verifier
}

func newWorld(t *testing.T) *world {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	c, err := devchain.Open(ctx, devchain.Config{Dir: t.TempDir(), Accounts: 4})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	keys := c.Accounts()
	w := &world{chain: c, d: c.Attestation(), shop: keys[1], owner: keys[2], stranger: keys[3]}
	if err := attest.CheckDeployment(ctx, c.Client(), w.d); err != nil {
		t.Fatal(err)
	}
	fp := crypto.Keccak256Hash([]byte("purchase history, version 1"))
	cid := []byte{0x01, 0x70, 0x12, 0x20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}
	w.claim = attest.Claim{Registry: c.Registry(), Dataset: 1, Version: 1, CID: cid, Fingerprint: fp, Source: "Corner Shop"}
	w.want = attest.Expect{Registry: c.Registry(), Owner: addr(w.owner), Dataset: 1, Version: 1, CID: cid, Fingerprint: fp}
	w.verifier = attest.NewVerifier(c.Client(), w.d, devchain.ChainID, nil)
	return w
}

func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// TestOnChainAttestation: a shop attests a purchase history on chain; the
// version it attested verifies, naming the shop; a tampered version
// (another fingerprint) fails with the reason; once revoked it shows
// revoked.
func TestOnChainAttestation(t *testing.T) {
	w := newWorld(t)
	ctx := ctxT(t)
	shop := attest.NewAttester(w.chain.Client(), w.d, w.shop)
	uid, _, err := shop.Attest(ctx, addr(w.owner), w.claim, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.verifier.OnChain(ctx, uid, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Verified() || r.Attester != addr(w.shop) || r.Source != "Corner Shop" || !r.OnChain {
		t.Fatalf("want verified by the shop, got %+v", r)
	}
	if s := r.String(); !strings.HasPrefix(s, "attested by "+addr(w.shop).Hex()) {
		t.Errorf("shown as %q", s)
	}

	tampered := w.want
	tampered.Fingerprint = crypto.Keccak256Hash([]byte("a purchase history the owner made up"))
	r, err = w.verifier.OnChain(ctx, uid, tampered)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != attest.StatusFailed || !strings.Contains(r.Reason, "fingerprint") {
		t.Fatalf("tampered version: want failed on the fingerprint, got %+v", r)
	}

	if _, err := shop.Revoke(ctx, uid); err != nil {
		t.Fatal(err)
	}
	r, err = w.verifier.OnChain(ctx, uid, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != attest.StatusRevoked {
		t.Fatalf("after revoke: want revoked, got %+v", r)
	}
}

// TestOffchainAttestationNoTransaction: an off-chain attestation is made
// and verified without any transaction: no block is sealed and no account's
// nonce moves.
func TestOffchainAttestationNoTransaction(t *testing.T) {
	w := newWorld(t)
	ctx := ctxT(t)
	cl := w.chain.Client()
	block0, err := cl.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nonce0, err := cl.NonceAt(ctx, addr(w.shop), nil)
	if err != nil {
		t.Fatal(err)
	}
	o, err := attest.SignOffchain(w.shop, attest.DomainFor(devchain.ChainID, w.d), w.d.Schema, addr(w.owner), w.claim, time.Now(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	file, err := o.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := attest.ParseOffchain(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.verifier.Offchain(ctx, back, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Verified() || r.Attester != addr(w.shop) || r.OnChain {
		t.Fatalf("want verified off chain by the shop, got %+v", r)
	}
	block1, err := cl.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	nonce1, err := cl.NonceAt(ctx, addr(w.shop), nil)
	if err != nil {
		t.Fatal(err)
	}
	if block1 != block0 || nonce1 != nonce0 {
		t.Fatalf("off-chain attestation moved the chain: block %d→%d, shop nonce %d→%d", block0, block1, nonce0, nonce1)
	}

	tampered := w.want
	tampered.Fingerprint[0] ^= 1
	r, err = w.verifier.Offchain(ctx, back, tampered)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != attest.StatusFailed || !strings.Contains(r.Reason, "fingerprint") {
		t.Fatalf("tampered version: want failed on the fingerprint, got %+v", r)
	}
	// The shop withdraws it (one transaction of its own): shown revoked.
	if _, err := attest.NewAttester(cl, w.d, w.shop).RevokeOffchain(ctx, back.Sig.UID); err != nil {
		t.Fatal(err)
	}
	r, err = w.verifier.Offchain(ctx, back, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != attest.StatusRevoked {
		t.Fatalf("after revokeOffchain: want revoked, got %+v", r)
	}
}

// TestForgedAttester attacks the claim "attested by 0x… means 0x… signed
// it": a stranger signs and names the shop as signer, or alters a shop's
// signed message; both fail as bad signatures.
func TestForgedAttester(t *testing.T) {
	w := newWorld(t)
	ctx := ctxT(t)
	dom := attest.DomainFor(devchain.ChainID, w.d)
	o, err := attest.SignOffchain(w.stranger, dom, w.d.Schema, addr(w.owner), w.claim, time.Now(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	o.Signer = addr(w.shop)
	r, err := w.verifier.Offchain(ctx, o, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != attest.StatusFailed || !strings.Contains(r.Reason, "signature") {
		t.Fatalf("stranger naming the shop: want a bad signature, got %+v", r)
	}

	// The shop signed version 1; the owner edits the message to claim a
	// later expiry (uid recomputed to match): the signature no longer fits.
	o, err = attest.SignOffchain(w.shop, dom, w.d.Schema, addr(w.owner), w.claim, time.Now(), time.Now().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	o.Sig.Message.ExpirationTime += 365 * 24 * 3600
	o.Sig.UID = attest.OffchainUID(o.Sig.Message)
	r, err = w.verifier.Offchain(ctx, o, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != attest.StatusFailed || !strings.Contains(r.Reason, "signature") {
		t.Fatalf("edited message: want a bad signature, got %+v", r)
	}
}

// TestReplayedAttestation attacks "an attestation vouches for one version
// of one dataset of one owner": the shop's attestation for the owner's
// dataset 1 is presented for another owner's dataset, another dataset
// number, and another Registry; each fails.
func TestReplayedAttestation(t *testing.T) {
	w := newWorld(t)
	ctx := ctxT(t)
	shop := attest.NewAttester(w.chain.Client(), w.d, w.shop)
	uid, _, err := shop.Attest(ctx, addr(w.owner), w.claim, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	o, err := attest.SignOffchain(w.shop, attest.DomainFor(devchain.ChainID, w.d), w.d.Schema, addr(w.owner), w.claim, time.Now(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	otherOwner, otherDataset, otherRegistry := w.want, w.want, w.want
	otherOwner.Owner = addr(w.stranger)
	otherDataset.Dataset = 2
	otherRegistry.Registry = common.HexToAddress("0x00000000000000000000000000000000000000aa")
	for name, want := range map[string]attest.Expect{"owner": otherOwner, "dataset": otherDataset, "registry": otherRegistry} {
		on, err := w.verifier.OnChain(ctx, uid, want)
		if err != nil {
			t.Fatal(err)
		}
		off, err := w.verifier.Offchain(ctx, o, want)
		if err != nil {
			t.Fatal(err)
		}
		if on.Verified() || off.Verified() {
			t.Errorf("replayed for another %s: on chain %s, off chain %s", name, on, off)
		}
	}
}

// TestOtherChainDomain attacks "an off-chain attestation is bound to this
// chain's EAS": one signed for chain 1 or for another EAS contract fails,
// though the signature is good.
func TestOtherChainDomain(t *testing.T) {
	w := newWorld(t)
	ctx := ctxT(t)
	for _, dom := range []attest.Domain{
		{Name: attest.DomainName, Version: attest.EASVersion, ChainID: 1, VerifyingContract: w.d.EAS},
		{Name: attest.DomainName, Version: attest.EASVersion, ChainID: devchain.ChainID, VerifyingContract: common.HexToAddress("0xA1207F3BBa224E2c9c3c6D5aF63D0eb1582Ce587")},
	} {
		o, err := attest.SignOffchain(w.shop, dom, w.d.Schema, addr(w.owner), w.claim, time.Now(), time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := w.verifier.Offchain(ctx, o, w.want)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != attest.StatusFailed || !strings.Contains(r.Reason, "another chain") {
			t.Errorf("domain %+v: want failed for another chain, got %+v", dom, r)
		}
	}
}

// TestWrongSchemaAndExpired: an attestation under another schema (any
// stranger can register one on EAS) fails; an expired one shows expired.
func TestWrongSchemaAndExpired(t *testing.T) {
	w := newWorld(t)
	ctx := ctxT(t)
	dom := attest.DomainFor(devchain.ChainID, w.d)
	other := attest.SchemaUID("bytes32 fingerprint", common.Address{}, true)
	o, err := attest.SignOffchain(w.shop, dom, other, addr(w.owner), w.claim, time.Now(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.verifier.Offchain(ctx, o, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != attest.StatusFailed || !strings.Contains(r.Reason, "schema") {
		t.Errorf("other schema: got %+v", r)
	}
	o, err = attest.SignOffchain(w.shop, dom, w.d.Schema, addr(w.owner), w.claim, time.Now().Add(-2*time.Hour), time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	r, err = w.verifier.Offchain(ctx, o, w.want)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != attest.StatusExpired {
		t.Errorf("expired: got %+v", r)
	}
}

// TestFieldFingerprints: an attestation of a split version names each
// field's fingerprint in the manifest's order (zero for a field the
// source does not vouch for). Each field is checked against the
// manifest's: a match verifies, a zero entry is not attested, and another
// fingerprint — or a list of another length, or fields for a version
// that is not split — makes the whole attestation fail, with the field
// named.
func TestFieldFingerprints(t *testing.T) {
	w := newWorld(t)
	ctx := ctxT(t)
	fp := func(s string) [32]byte { return crypto.Keccak256Hash([]byte(s)) }
	want := w.want
	want.Fields = []attest.ExpectField{{Name: "age", Fingerprint: fp("age")}, {Name: "email", Fingerprint: fp("email")}, {Name: "city", Fingerprint: fp("city")}}
	check := func(fields [][32]byte, want attest.Expect) attest.Result {
		t.Helper()
		claim := w.claim
		claim.Fields = fields
		o, err := attest.SignOffchain(w.shop, attest.DomainFor(devchain.ChainID, w.d), w.d.Schema, addr(w.owner), claim, time.Now(), time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := w.verifier.Offchain(ctx, o, want)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	statuses := func(r attest.Result) string {
		var s []string
		for _, f := range r.FieldResults {
			s = append(s, f.Name+"="+string(f.Status))
		}
		return strings.Join(s, " ")
	}

	r := check([][32]byte{fp("age"), {}, fp("city")}, want)
	if !r.Verified() || statuses(r) != "age=verified email=not_attested city=verified" {
		t.Fatalf("a source of age and city: %s %s (%s)", r.Status, statuses(r), r.Reason)
	}
	if got := r.FieldsLine([]string{"age", "city"}); got != "age ✓ city ✓" {
		t.Errorf("the line of the fields read: %q", got)
	}
	if got := r.FieldsLine(nil); got != "age ✓ email – (not attested) city ✓" {
		t.Errorf("the line of every field: %q", got)
	}

	r = check([][32]byte{fp("age"), fp("email"), fp("another city")}, want)
	if r.Status != attest.StatusFailed || r.Code != "fields" || !strings.Contains(r.Reason, "city") || statuses(r) != "age=verified email=verified city=failed" {
		t.Fatalf("a field attested with another fingerprint: %s %s %s (%s)", r.Status, r.Code, statuses(r), r.Reason)
	}
	if got := r.FieldsLine([]string{"city"}); got != "city ✗ (another fingerprint)" {
		t.Errorf("the failed field's line: %q", got)
	}

	r = check([][32]byte{fp("age"), fp("email")}, want)
	if r.Status != attest.StatusFailed || r.Code != "fields" || !strings.Contains(r.Reason, "2 field fingerprints, and this version has 3") {
		t.Fatalf("a list shorter than the manifest's: %s %s (%s)", r.Status, r.Code, r.Reason)
	}
	r = check([][32]byte{fp("age")}, w.want)
	if r.Status != attest.StatusFailed || r.Code != "fields" || !strings.Contains(r.Reason, "not split") {
		t.Fatalf("field fingerprints for a version that is not split: %s %s (%s)", r.Status, r.Code, r.Reason)
	}
	// An attestation without field fingerprints vouches for the version as
	// a whole, as before: no per-field result.
	r = check(nil, want)
	if !r.Verified() || len(r.FieldResults) != 0 {
		t.Fatalf("no field fingerprints: %s %s", r.Status, statuses(r))
	}
}
