package service

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/attest"
	"github.com/pdx-network/pdx/contracts/bindings"
	"github.com/pdx-network/pdx/internal/errkind"
)

// Attestations turns on source attestations: where EAS lives on the
// chain (contracts/spec/attestation-v1.md).
type Attestations struct {
	Backend    attest.Backend
	Deployment attest.Deployment
	ChainID    uint64
}

// ErrAttestationsOff: the home's chain has no EAS configured.
var ErrAttestationsOff = errkind.New(errkind.Conflict, "attestations are off on this network: it has no EAS configured (chain.eas_address)")

// ErrAttestationInvalid: an owner tried to keep or rely on an attestation
// that does not verify for its version.
var ErrAttestationInvalid = errkind.New(errkind.Conflict, "the attestation does not verify")

// MaxAttestationsShown bounds the on-chain attestations a get examines for
// one version: anyone can attest to any owner under pdx's schema, so the
// list is a stranger's to grow; the newest are examined.
const MaxAttestationsShown = 32

// Attested is what a source's attestation produced.
type Attested struct {
	UID     common.Hash `json:"uid"`
	OnChain bool        `json:"on_chain"`
	Tx      string      `json:"tx,omitempty"`
	Block   uint64      `json:"block,omitempty"`
	// File is the off-chain attestation (EAS's shareable package), which
	// the source hands to the owner.
	File []byte `json:"-"`
	// Claim is what was attested.
	Dataset     uint64      `json:"dataset"`
	Version     uint32      `json:"version"`
	Owner       string      `json:"owner"`
	Fingerprint common.Hash `json:"fingerprint"`
	// Fields are the fields of a split version whose fingerprints the
	// attestation names (those the source reads); absent for a version
	// that is not split.
	Fields []string `json:"fields,omitempty"`
}

func (s *Service) attestations() (*Attestations, error) {
	if s.cfg.Attest == nil {
		return nil, ErrAttestationsOff
	}
	return s.cfg.Attest, nil
}

// expect is what an attestation of version c of owner must say (owner
// zero: whoever a get of c would read it from).
func (s *Service) expect(ctx context.Context, owner common.Address, c cid.Cid) (attest.Expect, error) {
	want, _, err := s.expectAt(ctx, owner, c)
	return want, err
}

// expectAt is expect, with the block the version was registered in: no
// attestation of it can name its version number before (pdx's Attest
// reads it from the chain), so the search for them starts there.
func (s *Service) expectAt(ctx context.Context, owner common.Address, c cid.Cid) (attest.Expect, uint64, error) {
	var rec acl.CIDRecord
	if owner == (common.Address{}) {
		// The owner as a get finds it: the only registrant, or the one
		// the envelope names.
		r, err := s.resolve(ctx, c, nil)
		if err != nil {
			return attest.Expect{}, 0, err
		}
		rec = r.rec
	} else {
		var err error
		if rec, err = s.cfg.Chain.DatasetOfCID(ctx, owner, c.Bytes()); err != nil {
			return attest.Expect{}, 0, err
		}
	}
	h := acl.CIDHash(c.Bytes())
	evs, err := s.versionsOf(ctx, rec.Dataset, &h)
	if err != nil {
		return attest.Expect{}, 0, err
	}
	if len(evs) == 0 {
		return attest.Expect{}, 0, fmt.Errorf("service: no CIDAdded event for %s", c)
	}
	return attest.Expect{Registry: s.cfg.Chain.Address(), Owner: rec.Owner, Dataset: rec.Dataset, Version: rec.Version, CID: c.Bytes(), Fingerprint: evs[0].Fingerprint}, evs[0].Block, nil
}

// Attest makes this account a source vouching for version c of owner's
// dataset: on chain (one EAS transaction) or, with offchain, an EIP-712
// signed file and no transaction. The fingerprint attested is the one on
// chain; the source compares the data with its own record before (it
// reads it through a grant like any brand).
func (s *Service) Attest(ctx context.Context, owner common.Address, c cid.Cid, source string, offchain bool, expires time.Time) (*Attested, error) {
	a, err := s.attestations()
	if err != nil {
		return nil, err
	}
	want, err := s.expect(ctx, owner, c)
	if err != nil {
		return nil, err
	}
	if want.Fields, err = s.splitFields(ctx, c, want); err != nil {
		return nil, err
	}
	// A split version: each field's fingerprint, of the fields this
	// source reads (its grant's), zero for the others.
	readable, err := s.readableFields(ctx, want)
	if err != nil {
		return nil, err
	}
	fields, vouched := fieldFingerprints(want, readable)
	claim := attest.Claim{Registry: want.Registry, Dataset: want.Dataset, Version: want.Version, CID: want.CID, Fingerprint: want.Fingerprint, Fields: fields, Source: source}
	out := &Attested{OnChain: !offchain, Dataset: want.Dataset, Version: want.Version, Owner: want.Owner.Hex(), Fingerprint: want.Fingerprint, Fields: vouched}
	if offchain {
		o, err := attest.SignOffchain(s.cfg.Account, attest.DomainFor(a.ChainID, a.Deployment), a.Deployment.Schema, want.Owner, claim, time.Now(), expires)
		if err != nil {
			return nil, err
		}
		if out.File, err = o.Marshal(); err != nil {
			return nil, err
		}
		out.UID = o.Sig.UID
		return out, nil
	}
	uid, rc, err := attest.NewAttester(a.Backend, a.Deployment, s.cfg.Account).Attest(ctx, want.Owner, claim, expires)
	if err != nil {
		return nil, err
	}
	out.UID, out.Tx, out.Block = uid, rc.TxHash.Hex(), rc.BlockNumber.Uint64()
	return out, nil
}

// VerifyAttestations checks every attestation of version c of owner's
// data: the on-chain ones EAS holds for the owner under pdx's schema that
// name this dataset and version, the given off-chain files, and the
// off-chain ones the owner published that this account's grant names
// (publishedAttestations). Each is
// reported with its status; none is dropped for failing. Attestations
// for the owner's other versions are not this version's and are left out.
func (s *Service) VerifyAttestations(ctx context.Context, owner common.Address, c cid.Cid, files [][]byte) ([]attest.Result, error) {
	a, err := s.attestations()
	if err != nil {
		return nil, err
	}
	want, registered, err := s.expectAt(ctx, owner, c)
	if err != nil {
		return nil, err
	}
	results, err := s.verifyAll(ctx, a, want, registered, files)
	if err != nil {
		return nil, err
	}
	// Per-field fingerprints are checked against the version's manifest,
	// read from IPFS only when an attestation names some: a version's
	// plain attestations cost no IPFS read.
	if slices.ContainsFunc(results, func(r attest.Result) bool { return len(r.Fields) > 0 }) {
		if want.Fields, err = s.splitFields(ctx, c, want); err != nil {
			return nil, err
		}
		if len(want.Fields) > 0 {
			if results, err = s.verifyAll(ctx, a, want, registered, files); err != nil {
				return nil, err
			}
		}
	}
	// Per-field checks of the fields this reader gets.
	readable, err := s.readableFields(ctx, want)
	if err != nil {
		return nil, err
	}
	onlyFields(results, readable)
	return results, nil
}

// verifyAll verifies the on-chain attestations of want's owner, the given
// files and those the owner published for this account (VerifyAttestations);
// registered is the version's block, where the on-chain search stops.
func (s *Service) verifyAll(ctx context.Context, a *Attestations, want attest.Expect, registered uint64, files [][]byte) ([]attest.Result, error) {
	v := attest.NewVerifier(a.Backend, a.Deployment, a.ChainID, nil)
	results := []attest.Result{}
	uids, err := s.onChainAttestations(ctx, a, want.Owner, registered)
	if err != nil {
		return nil, err
	}
	for _, uid := range uids {
		r, err := v.OnChain(ctx, uid, want)
		if err != nil {
			return nil, err
		}
		if r.Status == attest.StatusFailed && otherVersion(r) {
			continue
		}
		results = append(results, r)
	}
	for _, f := range files {
		o, err := attest.ParseOffchain(f)
		if err != nil {
			results = append(results, attest.Result{Status: attest.StatusFailed, Reason: err.Error()})
			continue
		}
		r, err := v.Offchain(ctx, o, want)
		if err != nil {
			return nil, err
		}
		results = append(results, r)
	}
	// Those the owner published and this account's grant names.
	published, err := s.publishedAttestations(ctx, v, want, results)
	if err != nil {
		return nil, err
	}
	return append(results, published...), nil
}

// otherVersion: a failure only because the attestation is for another of
// the owner's datasets or versions.
func otherVersion(r attest.Result) bool { return r.Code == "version" }

// attestationLogWindow is the widest block range one EAS log query of
// onChainAttestations covers (acl.DefaultLogRange's order): providers
// refuse wide ranges.
const attestationLogWindow = 5000

// onChainAttestations lists the UIDs of EAS's Attested events naming
// owner as recipient under pdx's schema, newest first, at most
// MaxAttestationsShown: it reads back from the head one window at a time
// and stops once it has them, or at block since (the version's: nothing
// before can attest it), so a long chain costs only its recent windows.
func (s *Service) onChainAttestations(ctx context.Context, a *Attestations, owner common.Address, since uint64) ([][32]byte, error) {
	eas := bindings.NewEAS()
	ev := eas.GetABI().Events["Attested"]
	head, err := s.cfg.Chain.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the head block: %w", err)
	}
	var uids [][32]byte
	first := max(a.Deployment.Block, since)
	for to := head; to >= first && len(uids) < MaxAttestationsShown; {
		from := first
		if to-from+1 > attestationLogWindow {
			from = to + 1 - attestationLogWindow
		}
		logs, err := a.Backend.FilterLogs(ctx, ethereum.FilterQuery{
			FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
			Addresses: []common.Address{a.Deployment.EAS},
			Topics:    [][]common.Hash{{ev.ID}, {common.BytesToHash(owner.Bytes())}, nil, {a.Deployment.Schema}},
		})
		if err != nil {
			return nil, fmt.Errorf("reading attestations from EAS (blocks %d-%d): %w", from, to, err)
		}
		for i := len(logs) - 1; i >= 0 && len(uids) < MaxAttestationsShown; i-- {
			e, err := eas.UnpackAttestedEvent(&logs[i])
			if err != nil {
				continue // not EAS's event shape: EAS wrote it, so never
			}
			uids = append(uids, e.Uid)
		}
		if from == first || from == 0 {
			break
		}
		to = from - 1
	}
	return uids, nil
}

// LatestAttestations verifies the attestations of a dataset's latest
// version (what an offer of it sells from now on): the on-chain ones, and
// with files the off-chain ones its owner keeps. It returns that version's
// CID too ("" and nothing when the dataset has no version).
func (s *Service) LatestAttestations(ctx context.Context, owner common.Address, dataset uint64, files func(c cid.Cid) ([][]byte, error)) (string, []attest.Result, error) {
	evs, err := s.versionsOf(ctx, dataset, nil)
	if err != nil {
		return "", nil, err
	}
	if len(evs) == 0 {
		return "", nil, nil
	}
	last := evs[len(evs)-1]
	c, err := cid.Cast(last.CID)
	if err != nil {
		return "", nil, fmt.Errorf("dataset %d's latest version has CID %x: %w", dataset, last.CID, err)
	}
	var fs [][]byte
	if files != nil {
		if fs, err = files(c); err != nil {
			return "", nil, err
		}
	}
	res, err := s.VerifyAttestations(ctx, owner, c, fs)
	return c.String(), res, err
}

// AnyVerified reports whether one of rs vouches for its version.
func AnyVerified(rs []attest.Result) bool {
	for _, r := range rs {
		if r.Verified() {
			return true
		}
	}
	return false
}
