package attest

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/pdx-network/pdx/contracts/bindings"
)

// Status is a verification's outcome. Only StatusVerified vouches for
// anything; every other status is shown to the reader with its reason,
// never dropped.
type Status string

const (
	StatusVerified Status = "verified"
	StatusFailed   Status = "failed"  // forged, for other data, wrong schema, domain or owner
	StatusRevoked  Status = "revoked" // the attester withdrew it
	StatusExpired  Status = "expired"
	// StatusNotAttested is a field's status when the attestation names no
	// fingerprint for it (a zero entry: the source did not vouch for that
	// field, typically one its grant does not cover).
	StatusNotAttested Status = "not_attested"
)

// Expect is what the reader fetched and the chain says about it: an
// attestation verifies only for exactly this version of this dataset of
// this owner on this Registry.
type Expect struct {
	Registry    common.Address
	Owner       common.Address
	Dataset     uint64
	Version     uint32
	CID         []byte
	Fingerprint [32]byte
	// Fields are the fields of the version's split manifest, in its
	// order (node/fieldsplit/FIELDS.md); empty when the version is not
	// split. The manifest is authenticated by Fingerprint, and with it
	// each field's fingerprint.
	Fields []ExpectField
}

// ExpectField is one field of a split version: its name and its
// envelope's fingerprint as the manifest lists it.
type ExpectField struct {
	Name        string
	Fingerprint [32]byte
}

// FieldResult is one field's verification in an attestation that names
// per-field fingerprints: verified (the attested fingerprint is the
// manifest's), failed (another one) or not_attested (a zero entry).
type FieldResult struct {
	Name   string `json:"name"`
	Status Status `json:"status"`
}

// Result is one attestation's verification.
type Result struct {
	OnChain  bool           `json:"on_chain"`
	UID      common.Hash    `json:"uid"`
	Attester common.Address `json:"attester"`
	// Source is the name the attester gives itself in the claim: shown
	// beside the address, never instead of it.
	Source  string    `json:"source,omitempty"`
	Time    time.Time `json:"time"`
	Expires time.Time `json:"expires,omitzero"`
	Status  Status    `json:"status"`
	// Code names the check that failed, for programs: unknown, schema,
	// domain, uid, signature, future, claim, recipient, registry, version,
	// fingerprint, cid, fields, revoked, expired.
	Code string `json:"code,omitempty"`
	// Reason says why the status is not verified, in the reader's words.
	Reason string `json:"reason,omitempty"`
	// Fields are the per-field fingerprints the attester vouched for.
	Fields []common.Hash `json:"fields,omitempty"`
	// FieldResults are the per-field checks, by name in the manifest's
	// order, when the attestation names per-field fingerprints and the
	// version is split (Expect.Fields).
	FieldResults []FieldResult `json:"field_results,omitempty"`
}

// FieldsLine is the per-field checks on one line, for the fields named
// (all when names is nil): "age ✓ city ✗ (another fingerprint) email –
// (not attested)"; "" when there are none.
func (r Result) FieldsLine(names []string) string {
	var parts []string
	for _, f := range r.FieldResults {
		if names != nil && !slices.Contains(names, f.Name) {
			continue
		}
		switch f.Status {
		case StatusVerified:
			parts = append(parts, f.Name+" ✓")
		case StatusFailed:
			parts = append(parts, f.Name+" ✗ (another fingerprint)")
		default:
			parts = append(parts, f.Name+" – (not attested)")
		}
	}
	return strings.Join(parts, " ")
}

// Verified reports whether the attestation vouches for the data.
func (r Result) Verified() bool { return r.Status == StatusVerified }

// String is the line pdx shows: "attested by 0x… (name) at …" or why not.
func (r Result) String() string {
	who := r.Attester.Hex()
	if r.Source != "" {
		who += fmt.Sprintf(" (%q, as it names itself)", r.Source)
	}
	where := "off chain"
	if r.OnChain {
		where = "on chain"
	}
	if r.Verified() {
		return fmt.Sprintf("attested by %s at %s (%s, uid %s)", who, r.Time.UTC().Format(time.RFC3339), where, r.UID.Hex())
	}
	if r.Attester == (common.Address{}) {
		return fmt.Sprintf("attestation %s: %s (%s)", r.Status, r.Reason, where) // not even read
	}
	return fmt.Sprintf("attestation %s by %s %s: %s (%s)", r.UID.Hex(), who, r.Status, r.Reason, where)
}

// Verifier checks attestations against one EAS deployment on one chain.
type Verifier struct {
	backend Backend
	d       Deployment
	chainID uint64
	now     func() time.Time
}

// NewVerifier verifies against d on the chain with id chainID. now is the
// clock expiry is judged by (nil: time.Now).
func NewVerifier(backend Backend, d Deployment, chainID uint64, now func() time.Time) *Verifier {
	if now == nil {
		now = time.Now
	}
	return &Verifier{backend: backend, d: d, chainID: chainID, now: now}
}

// OnChain reads attestation uid from EAS and checks it against want. The
// error is for a chain that does not answer; everything about the
// attestation itself is in the Result.
func (v *Verifier) OnChain(ctx context.Context, uid [32]byte, want Expect) (Result, error) {
	eas := bindings.NewEAS()
	a, err := bind.Call(eas.Instance(v.backend, v.d.EAS), &bind.CallOpts{Context: ctx}, eas.PackGetAttestation(uid), eas.UnpackGetAttestation)
	if err != nil {
		return Result{}, fmt.Errorf("reading attestation %x: %w", uid, err)
	}
	r := Result{OnChain: true, UID: uid, Attester: a.Attester, Time: time.Unix(int64(a.Time), 0).UTC()}
	if a.ExpirationTime != 0 {
		r.Expires = time.Unix(int64(a.ExpirationTime), 0).UTC()
	}
	if a.Uid != uid {
		return r.fail(StatusFailed, "unknown", "no such attestation on this chain's EAS"), nil
	}
	if a.Schema != v.d.Schema {
		return r.fail(StatusFailed, "schema", "it is not made under pdx's attestation schema"), nil
	}
	if a.RevocationTime != 0 {
		return r.fail(StatusRevoked, "revoked", fmt.Sprintf("revoked by its attester at %s", time.Unix(int64(a.RevocationTime), 0).UTC().Format(time.RFC3339))), nil
	}
	return v.check(r, a.Recipient, a.ExpirationTime, a.Data, want), nil
}

// Offchain checks an off-chain attestation against want: its domain is
// this chain's EAS, its types and UID are EAS's, its signature is the
// signer's, its attester has not revoked it on chain (EAS.revokeOffchain;
// a read, no transaction), and its claim is want.
func (v *Verifier) Offchain(ctx context.Context, o *Offchain, want Expect) (Result, error) {
	m := o.Sig.Message
	r := Result{UID: o.Sig.UID, Attester: o.Signer, Time: time.Unix(int64(m.Time), 0).UTC()}
	if m.ExpirationTime != 0 {
		r.Expires = time.Unix(int64(m.ExpirationTime), 0).UTC()
	}
	if want := DomainFor(v.chainID, v.d); o.Sig.Domain != want {
		return r.fail(StatusFailed, "domain", fmt.Sprintf("it is signed for another chain or EAS (domain %s %s, chain %d, contract %s; here chain %d, contract %s)",
			o.Sig.Domain.Name, o.Sig.Domain.Version, o.Sig.Domain.ChainID, o.Sig.Domain.VerifyingContract.Hex(), want.ChainID, want.VerifyingContract.Hex())), nil
	}
	if OffchainUID(m) != o.Sig.UID {
		return r.fail(StatusFailed, "uid", "its uid does not match its content"), nil
	}
	signer, err := o.recoverSigner()
	if err != nil || signer != o.Signer || signer == (common.Address{}) {
		return r.fail(StatusFailed, "signature", "bad signature: it was not signed by the attester it names"), nil
	}
	if m.Schema != v.d.Schema {
		return r.fail(StatusFailed, "schema", "it is not made under pdx's attestation schema"), nil
	}
	eas := bindings.NewEAS()
	revoked, err := bind.Call(eas.Instance(v.backend, v.d.EAS), &bind.CallOpts{Context: ctx}, eas.PackGetRevokeOffchain(signer, o.Sig.UID), eas.UnpackGetRevokeOffchain)
	if err != nil {
		return Result{}, fmt.Errorf("reading the off-chain revocations of %s: %w", signer.Hex(), err)
	}
	if revoked != 0 {
		return r.fail(StatusRevoked, "revoked", fmt.Sprintf("revoked by its attester at %s", time.Unix(int64(revoked), 0).UTC().Format(time.RFC3339))), nil
	}
	if uint64(m.Time) > uint64(v.now().Add(10*time.Minute).Unix()) {
		return r.fail(StatusFailed, "future", "it is dated in the future"), nil
	}
	return v.check(r, m.Recipient, uint64(m.ExpirationTime), m.Data, want), nil
}

// check compares the claim with what was fetched: the parts common to
// both kinds of attestation.
func (v *Verifier) check(r Result, recipient common.Address, expiration uint64, data []byte, want Expect) Result {
	c, err := DecodeClaim(data)
	if err != nil {
		return r.fail(StatusFailed, "claim", "its data is not a pdx claim: "+err.Error())
	}
	r.Source = c.Source
	for _, f := range c.Fields {
		r.Fields = append(r.Fields, f)
	}
	switch {
	case recipient != want.Owner:
		return r.fail(StatusFailed, "recipient", fmt.Sprintf("it vouches for data of %s, not of this dataset's owner %s", recipient.Hex(), want.Owner.Hex()))
	case c.Registry != want.Registry:
		return r.fail(StatusFailed, "registry", fmt.Sprintf("it names the Registry %s, not %s", c.Registry.Hex(), want.Registry.Hex()))
	case c.Dataset != want.Dataset || c.Version != want.Version:
		return r.fail(StatusFailed, "version", fmt.Sprintf("it is for dataset %d version %d, not dataset %d version %d", c.Dataset, c.Version, want.Dataset, want.Version))
	case c.Fingerprint != want.Fingerprint:
		return r.fail(StatusFailed, "fingerprint", fmt.Sprintf("it vouches for fingerprint %x, but the data fetched has %x", c.Fingerprint, want.Fingerprint))
	case !bytes.Equal(c.CID, want.CID):
		return r.fail(StatusFailed, "cid", "it names another CID than the one fetched")
	}
	if len(c.Fields) > 0 {
		if bad, reason := r.checkFields(c.Fields, want.Fields); bad {
			return r.fail(StatusFailed, "fields", reason)
		}
	}
	switch {
	case expiration != 0 && expiration <= uint64(v.now().Unix()):
		return r.fail(StatusExpired, "expired", fmt.Sprintf("it expired at %s", r.Expires.Format(time.RFC3339)))
	}
	r.Status = StatusVerified
	return r
}

// checkFields compares per-field fingerprints with the manifest's, in
// its order (attestation-v1.md, "Per-field fingerprints"), filling
// r.FieldResults. A zero entry vouches for nothing; any other entry that
// is not the manifest's fingerprint of that field, or a list that is not
// as long as the manifest's, makes the attestation contradict the version
// it names: it fails as a whole, with the reason.
func (r *Result) checkFields(got [][32]byte, want []ExpectField) (bad bool, reason string) {
	if len(want) == 0 {
		return true, fmt.Sprintf("it names %d field fingerprints, and this version is not split into fields", len(got))
	}
	if len(got) != len(want) {
		return true, fmt.Sprintf("it names %d field fingerprints, and this version has %d fields", len(got), len(want))
	}
	var wrong []string
	for i, f := range want {
		st := StatusVerified
		switch got[i] {
		case [32]byte{}:
			st = StatusNotAttested
		case f.Fingerprint:
		default:
			st = StatusFailed
			wrong = append(wrong, f.Name)
		}
		r.FieldResults = append(r.FieldResults, FieldResult{Name: f.Name, Status: st})
	}
	if len(wrong) > 0 {
		return true, fmt.Sprintf("it vouches for the field(s) %s with another fingerprint than the version's", strings.Join(wrong, ", "))
	}
	return false, ""
}

func (r Result) fail(s Status, code, reason string) Result {
	r.Status, r.Code, r.Reason = s, code, reason
	return r
}
