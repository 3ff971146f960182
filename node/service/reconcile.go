package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// This file holds what the daemon needs to finish, after a crash, an
// operation whose steps span the store and the chain: a put is "seal, add and
// pin" then "register on chain", and a grant is "seal kfrags, add the bundle"
// then "record on chain". Each half is durable on its own, so a kill between
// them leaves a pinned but unregistered envelope, or a grant whose bundle the
// owner's node lost. The functions here read the chain and the store and
// complete what is missing; none of them undoes anything acknowledged.

// ErrNotMine: the envelope was sealed for another dataset or owner than the
// one it would be registered under.
var ErrNotMine = errors.New("service: the envelope belongs to another dataset or owner")

// ChainVersion is one version of a dataset as its CIDAdded event recorded it.
type ChainVersion struct {
	Version     uint32
	CID         cid.Cid
	Fingerprint [32]byte
	Block       uint64
}

// Versions lists a dataset's versions on chain, oldest first.
func (s *Service) Versions(ctx context.Context, dataset uint64) ([]ChainVersion, error) {
	evs, err := s.events().CIDAdded(ctx, acl.CIDAddedFilter{Dataset: &dataset})
	if err != nil {
		return nil, err
	}
	out := make([]ChainVersion, 0, len(evs))
	for _, a := range evs {
		c, err := cid.Cast(a.CID)
		if err != nil {
			return nil, fmt.Errorf("service: dataset %d version %d: the chain holds a malformed CID: %w", dataset, a.Version, err)
		}
		out = append(out, ChainVersion{Version: a.Version, CID: c, Fingerprint: a.Fingerprint, Block: a.Block})
	}
	return out, nil
}

// DatasetCreatedWith finds the dataset this account created under the
// delegating key pk; ok is false when there is none (the creation never
// reached the chain).
func (s *Service) DatasetCreatedWith(ctx context.Context, pk *reencrypt.PublicKey) (id uint64, ok bool, err error) {
	evs, err := s.events().DatasetCreated(ctx, acl.DatasetCreatedFilter{Owner: &s.addr})
	if err != nil {
		return 0, false, err
	}
	want := pk.Bytes()
	for _, c := range evs {
		if bytes.Equal(c.DelegatingKey, want) {
			return c.Dataset, true, nil
		}
	}
	return 0, false, nil
}

// RegisterStored finishes a put that stopped between the store and the
// chain: c is an envelope already pinned here. It checks that the envelope
// was sealed for this dataset and account and opens under key, reads it
// once to recompute the fingerprint and the plaintext size, and registers
// it as the dataset's next version.
func (s *Service) RegisterStored(ctx context.Context, dataset uint64, key *reencrypt.SecretKey, c cid.Cid) (*PutResult, error) {
	h, err := envstore.Open(ctx, s.cfg.Store, c)
	if err != nil {
		return nil, err
	}
	fk, err := h.FileKeyForOwner(key)
	if err != nil {
		return nil, fmt.Errorf("service: %s does not open with dataset %d's key: %w", c, dataset, err)
	}
	if envelope.DatasetID(acl.DatasetID32(dataset)) != h.DatasetID || h.Owner != s.addr {
		return nil, fmt.Errorf("%w: %s names dataset %x of %s", ErrNotMine, c, h.DatasetID, h.Owner.Hex())
	}
	r, err := envstore.Get(ctx, s.cfg.Store, c, fk, nil)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	n := &countReader{r: r}
	fingerprint, err := envelope.CommitFor(h, fk, n)
	if err != nil {
		return nil, fmt.Errorf("service: reading %s back: %w", c, err)
	}
	version, _, err := s.cfg.Chain.AddCID(ctx, dataset, c.Bytes(), fingerprint)
	if err != nil {
		return nil, err
	}
	return &PutResult{Dataset: dataset, CID: c.String(), Version: version, Fingerprint: fingerprint, Size: n.n}, nil
}

// PlainSize is the plaintext size of one of this account's versions,
// measured by opening it (its fingerprint on chain is checked on the way).
func (s *Service) PlainSize(ctx context.Context, c cid.Cid, keys []*reencrypt.SecretKey) (int64, error) {
	res, err := s.GetOwn(ctx, c, keys, io.Discard)
	if err != nil {
		return 0, err
	}
	return res.Bytes, nil
}

// CurrentGrant is the newest grant of one (dataset, grantee) pair as the
// chain announced it, and whether it authorizes now: what reconcile and a
// rotation act on, and what a grantee lists (ReceivedGrants). A dataset's
// whole history, older grants and revocations included, is GrantRecord's.
type CurrentGrant struct {
	acl.Granted
	// Owner is the dataset's owner.
	Owner common.Address
	// Live: the grant authorizes now (not revoked, expired or erased).
	Live bool
}

// Grants lists the newest grant of every grantee of a dataset, in the order
// the grantees were first granted.
func (s *Service) Grants(ctx context.Context, dataset uint64) ([]CurrentGrant, error) {
	evs, err := s.events().Granted(ctx, acl.GrantedFilter{Dataset: &dataset})
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return []CurrentGrant{}, nil
	}
	info, err := s.cfg.Chain.DatasetInfo(ctx, dataset)
	if err != nil {
		return nil, err
	}
	latest := map[common.Address]acl.Granted{}
	var order []common.Address
	for _, g := range evs {
		if _, seen := latest[g.Grantee]; !seen {
			order = append(order, g.Grantee)
		}
		latest[g.Grantee] = g
	}
	out := make([]CurrentGrant, 0, len(order))
	for _, a := range order {
		g := CurrentGrant{Granted: latest[a], Owner: info.Owner}
		if g.Live, err = s.cfg.Chain.IsAuthorized(ctx, dataset, a); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, nil
}

// EnsureBundle makes sure a live grant's kfrag bundle is pinned on this
// node, which is where its proxies fetch it. A bundle whose block is still
// here is pinned again; one that is gone is replaced: fresh kfrags for the
// same grantee, purpose, expiry and threshold, a new bundle and a new grant
// transaction (the proxies follow the newest), to the same proxies when the
// old bundle can still be read, else — it was the one record of them — to
// the configured ProxySet, which the log says. repinned and regranted say
// which of the two happened; both are zero when the bundle was pinned.
func (s *Service) EnsureBundle(ctx context.Context, dataset uint64, key *reencrypt.SecretKey, g CurrentGrant) (repinned bool, regranted *GrantResult, err error) {
	bc, err := cid.Cast(acl.BundleCID(g.Bundle))
	if err != nil {
		return false, nil, err
	}
	pinned, err := s.cfg.Store.IsPinned(ctx, bc)
	if err != nil || pinned {
		return false, nil, err
	}
	name := fmt.Sprintf("pdx/bundle/%d/%s", dataset, g.Grantee.Hex())
	// The block is either in this node's blockstore or lost: a short
	// deadline tells the two apart without waiting on the network.
	pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	err = s.cfg.Store.Pin(pctx, bc, name)
	cancel()
	if err == nil {
		return true, nil, nil
	}
	if ctx.Err() != nil {
		return false, nil, ctx.Err()
	}
	s.log.Warn("reconcile: a live grant's kfrag bundle is gone from this node; granting again",
		"dataset", dataset, "grantee", g.Grantee.Hex(), "bundle", bc.String())
	// The pin just failed, so the block is most likely gone: look only
	// briefly before falling back to the configured set.
	kctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	proxies := s.keptProxies(kctx, dataset, g.Grantee, g.Bundle)
	cancel()
	// A lost bundle no longer tells whether the grant covered some fields
	// only: on a dataset with split versions, re-granting the whole
	// dataset could widen a field grant, so the owner grants by hand.
	if split, err := s.hasSplitVersions(ctx, dataset); err != nil {
		return false, nil, err
	} else if split {
		return false, nil, fmt.Errorf("%w: the lost bundle may have been a field grant of dataset %d, which has versions split into fields; grant %s again with the fields it should cover", ErrFieldRegrant, dataset, g.Grantee.Hex())
	}
	purpose := g.PurposeHash
	regranted, err = s.Grant(ctx, GrantRequest{
		Dataset: dataset, DatasetKey: key, Grantee: g.Grantee, Expiry: g.Expiry,
		PurposeHash: &purpose, Threshold: int(g.Threshold), Proxies: proxies, FromBundle: g.Bundle,
	})
	return false, regranted, err
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// FinishErase drops this node's pins of the erased dataset's versions cids
// (those already gone are skipped) and of its grants' kfrag bundles, and
// collects garbage: the local half of an erase whose chain half is done.
func (s *Service) FinishErase(ctx context.Context, dataset uint64, cids []cid.Cid) error {
	return s.unpinErased(ctx, dataset, cids)
}

// CollectGarbage removes every block no pin holds — what a failed or
// interrupted put added (the store pins an envelope only once it is
// whole) — and returns how many it removed. The embedded store has written
// every block of a failed import when Add returns; a remote kubo daemon can
// still be writing the last blocks of an upload that was cut, so collection
// goes on, a moment apart, until a pass finds nothing (at most gcPasses).
func (s *Service) CollectGarbage(ctx context.Context) (int, error) {
	total := 0
	for range gcPasses {
		n, err := s.cfg.Store.GC(ctx)
		total += n
		if err != nil || n == 0 {
			return total, err
		}
		select {
		case <-ctx.Done():
			return total, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	return total, nil
}

const gcPasses = 5

// Unpin removes c's pin; a CID not pinned is no error.
func (s *Service) Unpin(ctx context.Context, c cid.Cid) error {
	if err := s.cfg.Store.Unpin(ctx, c); err != nil && !errors.Is(err, storage.ErrNotPinned) {
		return err
	}
	return nil
}

// Pins lists this node's pins whose name is name.
func (s *Service) Pins(ctx context.Context, name string) ([]cid.Cid, error) {
	all, err := s.cfg.Store.Pins(ctx)
	if err != nil {
		return nil, err
	}
	var out []cid.Cid
	for _, p := range all {
		if p.Name == name {
			out = append(out, p.CID)
		}
	}
	return out, nil
}

// PinsByName lists this node's pins once, grouped by pin name: a reconcile
// looks a dataset's envelopes and its grants' bundles up here instead of
// listing every pin of the node for each of them.
func (s *Service) PinsByName(ctx context.Context) (map[string][]cid.Cid, error) {
	all, err := s.cfg.Store.Pins(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]cid.Cid)
	for _, p := range all {
		out[p.Name] = append(out[p.Name], p.CID)
	}
	return out, nil
}

// BundlePinName is the pin name of the kfrag bundle of dataset's grant to
// grantee on the owner's node.
func BundlePinName(dataset uint64, grantee common.Address) string {
	return bundlePinName(dataset, grantee)
}

// DatasetInfo reads a dataset's record on chain.
func (s *Service) DatasetInfo(ctx context.Context, dataset uint64) (acl.Dataset, error) {
	return s.cfg.Chain.DatasetInfo(ctx, dataset)
}
