package daemon

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/node/service"
)

// attestationsDir, in the home, keeps the off-chain attestations the
// owner added: attestations/<cid>/<uid>.json, each verified when added
// and again whenever it is shown.
const attestationsDir = "attestations"

// AttestRequest is the body of POST /v1/attest: this home, a source,
// vouches for a version of someone's dataset.
type AttestRequest struct {
	CID string `json:"cid"`
	// Owner is the dataset's owner (0x…); a CID is filed per owner.
	Owner string `json:"owner"`
	// Source is the name the attester gives itself (at most 128 bytes).
	Source string `json:"source"`
	// Offchain makes an EIP-712 signed attestation and no transaction.
	Offchain bool `json:"offchain"`
	// Expires is when the attestation stops vouching (RFC 3339); empty:
	// never.
	Expires string `json:"expires,omitempty"`
}

// AttestResponse says what was attested; Attestation is the off-chain
// attestation file (EAS's shareable package) to hand to the owner.
type AttestResponse struct {
	service.Attested
	Attestation json.RawMessage `json:"attestation,omitempty"`
}

func (d *Daemon) attest(w http.ResponseWriter, r *http.Request) error {
	var req AttestRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	c, err := cid.Decode(req.CID)
	if err != nil {
		return badRequest("%q is not a CID: %v", req.CID, err)
	}
	if !common.IsHexAddress(req.Owner) || !strings.HasPrefix(req.Owner, "0x") {
		return badRequest("owner %q is not an address (0x and 40 hex digits)", req.Owner)
	}
	if len(req.Source) > attest.MaxSource {
		return badRequest("the source name is %d bytes; at most %d", len(req.Source), attest.MaxSource)
	}
	var expires time.Time
	if req.Expires != "" {
		if expires, err = time.Parse(time.RFC3339, req.Expires); err != nil {
			return badRequest("expires %q is not an RFC 3339 time: %v", req.Expires, err)
		}
		if !expires.After(time.Now()) {
			return badRequest("expires %s is not in the future", req.Expires)
		}
	}
	out, err := d.s.Attest(r.Context(), common.HexToAddress(req.Owner), c, req.Source, req.Offchain, expires)
	if err != nil {
		return err
	}
	d.log.Info("attested", "cid", req.CID, "owner", req.Owner, "uid", out.UID.Hex(), "on_chain", out.OnChain)
	writeJSON(w, http.StatusOK, AttestResponse{Attested: *out, Attestation: out.File})
	return nil
}

// VerifyAttestationsRequest is the body of POST /v1/cids/{cid}/attestations.
type VerifyAttestationsRequest struct {
	// Owner narrows the CID to one owner's registration; empty: the owner
	// a get of the CID reads it from.
	Owner string `json:"owner,omitempty"`
	// Offchain are off-chain attestation files the reader was handed.
	Offchain []json.RawMessage `json:"offchain,omitempty"`
}

// AttestationsResponse lists every attestation of a version with its
// verification: verified, failed, revoked or expired, with the reason.
type AttestationsResponse struct {
	CID          string          `json:"cid"`
	Attestations []attest.Result `json:"attestations"`
}

// maxOffchainPerRequest bounds the files one verification carries.
const maxOffchainPerRequest = 16

func (d *Daemon) verifyAttestations(w http.ResponseWriter, r *http.Request) error {
	c, err := cid.Decode(r.PathValue("cid"))
	if err != nil {
		return badRequest("%q is not a CID: %v", r.PathValue("cid"), err)
	}
	var req VerifyAttestationsRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	var owner common.Address
	if req.Owner != "" {
		if !common.IsHexAddress(req.Owner) || !strings.HasPrefix(req.Owner, "0x") {
			return badRequest("owner %q is not an address (0x and 40 hex digits)", req.Owner)
		}
		owner = common.HexToAddress(req.Owner)
	}
	if len(req.Offchain) > maxOffchainPerRequest {
		return badRequest("%d off-chain attestations; at most %d at once", len(req.Offchain), maxOffchainPerRequest)
	}
	files := make([][]byte, 0, len(req.Offchain))
	for _, f := range req.Offchain {
		files = append(files, f)
	}
	stored, err := d.storedAttestations(c)
	if err != nil {
		return err
	}
	res, err := d.s.VerifyAttestations(r.Context(), owner, c, append(files, stored...))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, AttestationsResponse{CID: c.String(), Attestations: res})
	return nil
}

// storedAttestations reads the off-chain attestations kept for c.
func (d *Daemon) storedAttestations(c cid.Cid) ([][]byte, error) {
	dir := d.h.Path(filepath.Join(attestationsDir, c.String()))
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// AddAttestationResponse is the answer of POST /v1/datasets/{name}/attestations.
type AddAttestationResponse struct {
	Dataset     string        `json:"dataset"`
	Version     uint32        `json:"version"`
	CID         string        `json:"cid"`
	Attestation attest.Result `json:"attestation"`
	// Published is the attestation's CID on IPFS (one raw block, pinned
	// here): grants made from now on under a usage policy name it, so
	// their grantees find it (attest_publish.go).
	Published string `json:"published"`
}

// addAttestation keeps an off-chain attestation a source handed the owner,
// with the version it names, after verifying it: one that does not verify
// is refused with its reason, and nothing is kept.
func (d *Daemon) addAttestation(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	e, _, err := d.dataset(name)
	if err != nil {
		return err
	}
	var raw json.RawMessage
	if err := decodeBody(r, &raw); err != nil {
		return err
	}
	o, err := attest.ParseOffchain(raw)
	if err != nil {
		return badRequest("%v", err)
	}
	claim, err := attest.DecodeClaim(o.Sig.Message.Data)
	if err != nil {
		return badRequest("%v", err)
	}
	var version *Version
	for i := range e.Versions {
		if e.Versions[i].Version == claim.Version {
			version = &e.Versions[i]
		}
	}
	if claim.Dataset != e.ID || version == nil {
		return fmt.Errorf("%w: it is for dataset %d version %d, and %q is dataset %d", service.ErrAttestationInvalid, claim.Dataset, claim.Version, name, e.ID)
	}
	c, err := cid.Decode(version.CID)
	if err != nil {
		return fmt.Errorf("%w: version %d of %q has CID %q: %v", ErrDamaged, version.Version, name, version.CID, err)
	}
	res, err := d.s.VerifyAttestations(r.Context(), d.h.Address(), c, [][]byte{raw})
	if err != nil {
		return err
	}
	got := res[len(res)-1]
	if !got.Verified() {
		return fmt.Errorf("%w: %s", service.ErrAttestationInvalid, got)
	}
	dir := d.h.Path(filepath.Join(attestationsDir, c.String()))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, got.UID.Hex()+".json"), raw); err != nil {
		return err
	}
	pc, err := d.s.PublishAttestation(r.Context(), raw)
	if err != nil {
		return err
	}
	d.log.Info("attestation added", "dataset", name, "version", version.Version, "uid", got.UID.Hex(), "attester", got.Attester.Hex(), "published", pc.String())
	writeJSON(w, http.StatusOK, AddAttestationResponse{Dataset: name, Version: version.Version, CID: c.String(), Attestation: got, Published: pc.String()})
	return nil
}

// writeFileAtomic writes b to path through a temporary file and a rename.
func writeFileAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".attestation-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
