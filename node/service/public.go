package service

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/policy"
	"github.com/pdx-network/pdx/internal/errkind"
	"github.com/pdx-network/pdx/node/storage"
)

// This file holds public datasets: publishing one under a policy, the
// public versions put while it is public, withdrawing it, and verifying a
// public version against the chain. The format is PUBLIC.md beside it.

// Errors of verification, each with the kind the CLI and API report.
var (
	// ErrNotContent: the file is not the content of the CID (it hashes to
	// another CID under the import profile).
	ErrNotContent = errkind.New(errkind.Damaged, "the file is not the content of this CID")
	// ErrNotRegistered: no owner registered the CID on chain (or not the
	// owner asked for).
	ErrNotRegistered = errkind.New(errkind.NotFound, "the CID is not registered on chain")
	// ErrNotPublicVersion: the CID is registered, but not as a public
	// version (its fingerprint is not the file's SHA-256, or its dataset was
	// not public when it was added).
	ErrNotPublicVersion = errkind.New(errkind.Refused, "the CID is registered, but not as a public version")
)

// PublishResult is a dataset made public.
type PublishResult struct {
	Dataset    uint64 `json:"dataset"`
	PolicyHash string `json:"policy_hash"`
	PolicyCID  string `json:"policy_cid"`
	Block      uint64 `json:"block"`
}

// Publish makes a dataset public under p: the policy document is added and
// pinned here as one raw block (so any IPFS node finds it by the CID its
// hash gives), then the chain records its hash. Versions put from then on
// are public (PutPublic). Nothing published earlier changes: the dataset's
// earlier versions stay encrypted.
func (s *Service) Publish(ctx context.Context, dataset uint64, p *policy.Policy) (*PublishResult, error) {
	b := p.Bytes()
	c, err := s.cfg.Store.Add(ctx, bytes.NewReader(b), storage.AddOptions{Name: policyPinName(p.Hash()), MaxSize: policy.MaxSize})
	if err != nil {
		return nil, fmt.Errorf("service: publishing the policy on IPFS: %w", err)
	}
	if !c.Equals(p.CID()) {
		return nil, fmt.Errorf("service: the policy was stored as %s, not as the one raw block %s", c, p.CID())
	}
	rc, err := s.cfg.Chain.Publish(ctx, dataset, p.Hash())
	if err != nil {
		return nil, err
	}
	h := p.Hash()
	return &PublishResult{Dataset: dataset, PolicyHash: fmt.Sprintf("0x%x", h), PolicyCID: c.String(), Block: rc.BlockNumber.Uint64()}, nil
}

// Unpublish marks a public dataset withdrawn on chain, then unpins its
// public versions (cids) from this node. It cannot recall copies other
// nodes or people took; the policy stays pinned, since they were taken
// under it. It returns how many versions it unpinned.
func (s *Service) Unpublish(ctx context.Context, dataset uint64, cids []cid.Cid) (int, uint64, error) {
	rc, err := s.cfg.Chain.Unpublish(ctx, dataset)
	if err != nil {
		return 0, 0, err
	}
	n := 0
	for _, c := range cids {
		err := s.cfg.Store.Unpin(ctx, c)
		if err == nil {
			n++
			continue
		}
		if !errors.Is(err, storage.ErrNotPinned) {
			return n, rc.BlockNumber.Uint64(), fmt.Errorf("service: dataset %d is withdrawn on chain, but unpinning %s failed: %w", dataset, c, err)
		}
	}
	return n, rc.BlockNumber.Uint64(), nil
}

// Visibility reads a dataset's visibility from the chain.
func (s *Service) Visibility(ctx context.Context, dataset uint64) (acl.DatasetVisibility, error) {
	return s.cfg.Chain.VisibilityOf(ctx, dataset)
}

// PutPublic adds r as a public version: the plaintext itself, one UnixFS
// file under the import profile (any IPFS node or gateway serves it, `ipfs
// cat CID` returns the bytes), pinned here, and registered with its
// SHA-256 as the fingerprint. The caller has checked the dataset is public.
func (s *Service) PutPublic(ctx context.Context, dataset uint64, r io.Reader, pinName string) (*PutResult, error) {
	sum := sha256.New()
	cr := &countingReader{r: io.TeeReader(r, sum)}
	c, err := s.cfg.Store.Add(ctx, cr, storage.AddOptions{Name: pinName})
	if err != nil {
		return nil, err
	}
	var fp [32]byte
	copy(fp[:], sum.Sum(nil))
	s.crash("put:stored")
	version, _, err := s.cfg.Chain.AddCID(ctx, dataset, c.Bytes(), fp)
	if err != nil {
		return nil, fmt.Errorf("service: %s is stored and pinned but not registered: %w", c, err)
	}
	return &PutResult{Dataset: dataset, CID: c.String(), Version: version, Fingerprint: fp, Size: cr.n, Public: true}, nil
}

// ReadPublic streams a public version of this node's owner to w: the
// plaintext as stored, checked against its registered fingerprint (the
// SHA-256 of the bytes) once the stream ends, as a get of an envelope is
// checked against its commitment.
func (s *Service) ReadPublic(ctx context.Context, c cid.Cid, w io.Writer) error {
	rec, err := s.cfg.Chain.DatasetOfCID(ctx, s.addr, c.Bytes())
	if err != nil {
		return err
	}
	want, err := s.fingerprint(ctx, rec.Dataset, c)
	if err != nil {
		return err
	}
	_, err = s.streamPlain(ctx, c, want, w)
	return err
}

// streamPlain streams a public version, the plaintext stored as it is, to
// w and checks it against want, its registered fingerprint (SHA-256 of the
// bytes), once the stream ends. It returns the bytes streamed.
func (s *Service) streamPlain(ctx context.Context, c cid.Cid, want [32]byte, w io.Writer) (int64, error) {
	rc, err := s.cfg.Store.Get(ctx, c)
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	sum := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, sum), rc)
	if err != nil {
		return n, err
	}
	if !bytes.Equal(sum.Sum(nil), want[:]) {
		return n, fmt.Errorf("%w: %s", ErrFingerprint, c)
	}
	return n, nil
}

// publicVersion tells whether version rec of c was added while its dataset
// was public (PUBLIC.md): then anyone reads it as it is, with no grant, and
// want is its registered fingerprint. A dataset that was never public costs
// one call (its visibility now, private); a withdrawn one is asked the
// history, since what it published then stays public.
func (s *Service) publicVersion(ctx context.Context, rec acl.CIDRecord, c cid.Cid) (want [32]byte, public bool, err error) {
	vis, err := s.cfg.Chain.VisibilityOf(ctx, rec.Dataset)
	if err != nil || vis.Visibility == acl.Private {
		return want, false, err
	}
	h, ds := acl.CIDHash(c.Bytes()), rec.Dataset
	evs, err := s.versionsOf(ctx, ds, &h)
	if err != nil || len(evs) == 0 {
		return want, false, err
	}
	ev := evs[0] // the registration DatasetOfCID names: the dataset's first of c
	if _, public, err = policyAt(ctx, s.cfg.Chain, s.since(), ev); err != nil || !public {
		return want, false, err
	}
	return ev.Fingerprint, true, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Verification is a public version checked against the chain.
type Verification struct {
	CID         string         `json:"cid"`
	Owner       common.Address `json:"owner"`
	Dataset     uint64         `json:"dataset"`
	Version     uint32         `json:"version"`
	Block       uint64         `json:"block"`
	Tx          common.Hash    `json:"tx"`
	Fingerprint string         `json:"fingerprint"` // the file's SHA-256, as on chain
	Size        int64          `json:"size"`
	PolicyHash  string         `json:"policy_hash"`
	PolicyCID   string         `json:"policy_cid"`
	// Preset names the policy when it is one of pdx's presets (its terms
	// are then Policy); otherwise the document is on IPFS under PolicyCID.
	Preset string   `json:"preset,omitempty"`
	Policy []string `json:"policy,omitempty"`
	// Visibility is the dataset's state now (public, or withdrawn: the
	// owner stopped serving it since).
	Visibility string `json:"visibility"`
	// Others counts further registrations of the same CID by other
	// accounts (anyone can register any CID under a dataset of their own);
	// the first one is reported.
	Others int `json:"others"`
}

// Verify checks that file is the content of c under the import profile and
// that the chain registered c as a public version: an owner added it to a
// dataset of theirs while that dataset was public, with the file's SHA-256
// as its fingerprint. owner, when set, accepts that owner's registration
// only. It needs the chain (a read-only client is enough) and no IPFS node.
// The earliest valid registration is returned.
func Verify(ctx context.Context, chain *acl.Client, since acl.Range, c cid.Cid, file io.Reader, owner *common.Address) (*Verification, error) {
	cr := &countingReader{r: file}
	got, sum, err := storage.CIDOf(ctx, cr)
	if err != nil {
		return nil, fmt.Errorf("service: hashing the file: %w", err)
	}
	if !got.Equals(c) {
		return nil, fmt.Errorf("%w: it hashes to %s under pdx's import profile, not to %s", ErrNotContent, got, c)
	}
	h := acl.CIDHash(c.Bytes())
	evs, err := chain.CIDAdded(ctx, since, acl.CIDAddedFilter{CIDHash: &h})
	if err != nil {
		return nil, err
	}
	var (
		found []*Verification
		why   error
	)
	for _, ev := range evs {
		info, err := chain.DatasetInfo(ctx, ev.Dataset)
		if err != nil {
			return nil, err
		}
		if owner != nil && info.Owner != *owner {
			continue
		}
		rec, err := chain.DatasetOfCID(ctx, info.Owner, c.Bytes())
		if err != nil || rec.Dataset != ev.Dataset {
			continue // filed under another of that owner's datasets first
		}
		if ev.Fingerprint != sum {
			why = fmt.Errorf("%w: %s registered it in dataset %d (version %d) with another fingerprint than the file's SHA-256: an encrypted (private) version", ErrNotPublicVersion, info.Owner.Hex(), ev.Dataset, ev.Version)
			continue
		}
		pol, public, err := policyAt(ctx, chain, since, ev)
		if err != nil {
			return nil, err
		}
		if !public {
			why = fmt.Errorf("%w: %s registered it in dataset %d (version %d) while the dataset was not public", ErrNotPublicVersion, info.Owner.Hex(), ev.Dataset, ev.Version)
			continue
		}
		vis, err := chain.VisibilityOf(ctx, ev.Dataset)
		if err != nil {
			return nil, err
		}
		v := &Verification{CID: c.String(), Owner: info.Owner, Dataset: ev.Dataset, Version: ev.Version,
			Block: ev.Block, Tx: ev.Tx, Fingerprint: fmt.Sprintf("%x", sum), Size: cr.n,
			PolicyHash: fmt.Sprintf("0x%x", pol), PolicyCID: policy.CIDOf(pol).String(), Visibility: vis.Visibility.String()}
		if info.Erased {
			v.Visibility += " (erased)"
		}
		for _, name := range policy.Presets() {
			if p, ok := policy.Preset(name); ok && p.Hash() == pol {
				v.Preset, v.Policy = name, p.Describe()
			}
		}
		found = append(found, v)
	}
	if len(found) == 0 {
		if why != nil {
			return nil, why
		}
		if owner != nil {
			return nil, fmt.Errorf("%w: %s registered no CID %s", ErrNotRegistered, owner.Hex(), c)
		}
		return nil, fmt.Errorf("%w: nobody registered %s in this Registry", ErrNotRegistered, c)
	}
	first := found[0]
	first.Others = len(found) - 1
	return first, nil
}

// policyAt is the policy hash a dataset was public under when ev was
// logged, and whether it was public then (the zero hash when it was not):
// the last Published or Unpublished event of the dataset before ev
// decides. It is read backward from ev's block in bounded windows
// (acl.Client.PublishedAt), so it costs the blocks since the dataset last
// changed its visibility, not the chain's history since since.From.
func policyAt(ctx context.Context, chain *acl.Client, since acl.Range, ev acl.CIDAdded) ([32]byte, bool, error) {
	p, err := chain.PublishedAt(ctx, ev.Dataset, since.From, ev.EventLog)
	if err != nil || p == nil {
		return [32]byte{}, false, err
	}
	return p.PolicyHash, true, nil
}
