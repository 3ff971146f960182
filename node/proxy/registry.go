package proxy

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/pdx-network/pdx/acl"
)

// RegistryChain reads what a proxy needs from the Registry through acl's
// client.
type RegistryChain struct{ C *acl.Client }

// BlockNumber implements Chain.
func (r RegistryChain) BlockNumber(ctx context.Context) (uint64, error) {
	return r.C.BlockNumber(ctx)
}

// IsAuthorized implements Chain.
func (r RegistryChain) IsAuthorized(ctx context.Context, dataset uint64, grantee common.Address) (bool, error) {
	return r.C.IsAuthorized(ctx, dataset, grantee)
}

// GrantOf implements Chain.
func (r RegistryChain) GrantOf(ctx context.Context, dataset uint64, grantee common.Address) (uint64, uint8, error) {
	g, err := r.C.GrantOf(ctx, dataset, grantee)
	if err != nil || !g.Exists {
		return 0, 0, err
	}
	return uint64(g.Expiry.Unix()), g.Threshold, nil
}

// LatestGranted implements GrantFinder.
func (r RegistryChain) LatestGranted(ctx context.Context, dataset uint64, grantee common.Address, from, to uint64) (*GrantEvent, error) {
	gs, err := r.C.Granted(ctx, acl.Range{From: from, To: to}, acl.GrantedFilter{Grantee: &grantee, Dataset: &dataset})
	if err != nil || len(gs) == 0 {
		return nil, err
	}
	g := gs[len(gs)-1]
	return &GrantEvent{Threshold: g.Threshold, Purpose: g.PurposeHash, Bundle: g.Bundle, Block: g.Block}, nil
}

// Dataset implements Chain.
func (r RegistryChain) Dataset(ctx context.Context, dataset uint64) (DatasetInfo, error) {
	d, err := r.C.DatasetInfo(ctx, dataset)
	if errors.Is(err, acl.ErrUnknownDataset) {
		return DatasetInfo{}, ErrUnknownDataset
	}
	if err != nil {
		return DatasetInfo{}, err
	}
	return DatasetInfo{Owner: d.Owner, Erased: d.Erased, DelegatingKey: d.DelegatingKey}, nil
}

// Keys implements Chain; an account without keys has empty keys.
func (r RegistryChain) Keys(ctx context.Context, account common.Address) ([]byte, []byte, error) {
	k, err := r.C.KeysOf(ctx, account)
	if errors.Is(err, acl.ErrNoKeys) {
		return nil, nil, nil
	}
	return k.Receiving, k.Verifying, err
}

// HandleEvent applies one Registry event to the proxy's state: a grant
// (noting its bundle, fetching its kfrag), a revocation or an erasure
// (deleting kfrags). Other events are ignored. Feed it from an acl.Follower
// so the proxy resumes from its last block after a restart.
func (p *Proxy) HandleEvent(ctx context.Context, ev acl.Event) error {
	if g, ok := ev.Granted(); ok {
		return p.OnGranted(ctx, g.Dataset, g.Grantee, g.Threshold, g.PurposeHash, g.Bundle, g.Block)
	}
	if r, ok := ev.Revoked(); ok {
		return p.OnRevoked(r.Dataset, r.Grantee, r.Block)
	}
	if e, ok := ev.Erased(); ok {
		return p.OnErased(e.Dataset, e.Block)
	}
	return nil
}

// Datasets are the datasets the proxy holds (or held) a grant of: a
// follower with Proxy set reads the revocations and erasures of these
// alone (acl.Follower.ProxyDatasets), so the network's others cost the
// proxy nothing.
func (p *Proxy) Datasets() []uint64 { return p.store.datasetIDs() }

// UndoEvent takes back an event a reorg removed from the chain after
// HandleEvent applied it (acl.Follower.Undo). A grant is forgotten, kfrag
// and all, if the proxy still records that very grant (same block and
// bundle): the winning chain's events are delivered next, and a grant it
// holds too comes back with them. A revocation or erasure is not taken
// back: its kfrags are gone, and a grant that lives on the winning chain
// is found again on demand or by the owner's next grant — failing closed.
func (p *Proxy) UndoEvent(ctx context.Context, ev acl.Event) error {
	g, ok := ev.Granted()
	if !ok {
		if ev.Name == "Revoked" || ev.Name == "Erased" {
			p.log.Warn("a reorg took back an end of grants; they stay ended here", "event", ev.Name, "block", ev.Block)
		}
		return nil
	}
	return p.forgetGrant(g.Dataset, g.Grantee, g.Bundle, g.Block)
}

// Register records the proxy on chain (endpoint and current HPKE key)
// unless the Registry already has exactly that. c must be a client of the
// proxy's own account. Unless Config.PublishKey is set, later key
// rotations register their new key through c with the same endpoint.
func (p *Proxy) Register(ctx context.Context, c *acl.Client, endpoint string) error {
	if c.From() != p.addr {
		return fmt.Errorf("proxy: registering needs a client of the proxy's account %s, not %s", p.addr.Hex(), c.From().Hex())
	}
	publish := func(ctx context.Context, hpkePub []byte) error {
		cur, err := c.ProxyOf(ctx, p.addr)
		if err == nil && cur.Endpoint == endpoint && bytes.Equal(cur.HPKEKey, hpkePub) {
			return nil
		}
		if err != nil && !errors.Is(err, acl.ErrUnknownProxy) {
			return err
		}
		_, err = c.RegisterProxy(ctx, endpoint, hpkePub)
		return err
	}
	p.pubMu.Lock()
	if p.cfg.PublishKey == nil {
		p.publish = publish
	}
	p.pubMu.Unlock()
	p.rotMu.Lock()
	defer p.rotMu.Unlock()
	cur := p.keys.current()
	if err := publish(ctx, cur.key.PublicKey()); err != nil {
		return err
	}
	return p.keys.markPublished(cur.Epoch, p.cfg.Now())
}

// SubscribeHeads implements HeadSource when the client's backend pushes new
// heads (a ws, ipc or in-process connection); over plain HTTP it returns
// ErrNoHeadPush and the proxy asks for the head per request instead.
func (r RegistryChain) SubscribeHeads(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error) {
	s, err := r.C.SubscribeHeads(ctx, ch)
	if errors.Is(err, acl.ErrUnsupported) {
		return nil, fmt.Errorf("%w: %v", ErrNoHeadPush, err)
	}
	return s, err
}
