package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
	"github.com/pdx-network/pdx/reencrypt/envelope"
)

// A get opens an envelope with one of two identities (envelope.Identity):
// the owner's dataset keys, or a grantee's receiving key with cfrags from
// the grant's proxies. Read decides which once, from the chain; Get and
// GetOwn are the two ways on their own. The header is read once, from the
// start of the stream the body then comes from (envstore.Stream), and every
// wait on the chain or IPFS before the stream starts is bounded.

// Keyring holds the keys of the account's own datasets: the home's salts,
// in the daemon. It lets Read open the owner's own versions without proxies.
type Keyring interface {
	// DatasetKeys returns the keys of the dataset with this chain id,
	// current first then earlier ones (after rotations); none when this
	// home does not hold the dataset.
	DatasetKeys(ctx context.Context, dataset uint64) ([]*reencrypt.SecretKey, error)
}

// Read fetches version c and streams its plaintext to w. It decides once,
// from the chain, how to open it: a version this account registered, of a
// dataset own holds keys for, opens with those keys (GetOwn); any other
// through this account's grant and the proxies (Get). own may be nil (a
// home with no datasets of its own).
func (s *Service) Read(ctx context.Context, c cid.Cid, own Keyring, w io.Writer) (*GetResult, error) {
	return s.ReadFor(ctx, c, "", own, w)
}

// ReadFor is Read naming the purpose a grantee reads for (GetFor); an
// owner's read of its own data asks no proxy and names none.
func (s *Service) ReadFor(ctx context.Context, c cid.Cid, purpose string, own Keyring, w io.Writer) (*GetResult, error) {
	return s.ReadWith(ctx, c, ReadOptions{Purpose: purpose}, own, w)
}

// ReadOptions adjust a read (ReadWith).
type ReadOptions struct {
	// Purpose is what a grantee reads for (GetFor); empty: the grant's.
	Purpose string
	// Verify recomputes the plaintext's fingerprint (the envelope's keyed
	// BLAKE3 commitment) as it streams and fails the read with
	// ErrFingerprint unless it equals the one on chain. Without it a read
	// still returns only authenticated chunks of the registered envelope
	// and compares the fingerprint the envelope carries with the chain's,
	// but does not hash the plaintext, which is about half of the CPU time
	// of decrypting (reencrypt/envelope/ENVELOPE.md, "Skipping the
	// commitment hash"). Set it when the fingerprint itself is relied on:
	// an attestation or a dispute about what the fingerprint names.
	Verify bool
	// Batch, when set, sends this read's proxy requests through a Batcher
	// shared with other reads (a campaign's bulk get, CampaignGet), so
	// each proxy gets them in batches; each request is signed and checked
	// on its own as before.
	Batch *proxy.Batcher
	// facts, when set, answer the chain's events of the read's dataset
	// (its versions, the CID's registrations, this account's grants),
	// read for many datasets at once (CampaignGet).
	facts *campaignFacts
}

// ReadWith is Read with options.
func (s *Service) ReadWith(ctx context.Context, c cid.Cid, opts ReadOptions, own Keyring, w io.Writer) (*GetResult, error) {
	if own != nil {
		cctx, cancel := context.WithTimeout(ctx, s.cfg.ChainTimeout)
		rec, err := s.cfg.Chain.DatasetOfCID(cctx, s.addr, c.Bytes())
		cancel()
		switch {
		case err == nil:
			keys, err := own.DatasetKeys(ctx, rec.Dataset)
			if err != nil {
				return nil, err
			}
			if len(keys) > 0 {
				return s.getOwn(ctx, c, rec, keys, opts.Verify, fieldKeysOf(own), w)
			}
			// Registered by this account but no longer held here. Erased,
			// it is said to the owner as the owner's own act, not as the
			// refusal a grantee gets ("erased by its owner <you>").
			if err := s.ownErased(ctx, rec.Dataset); err != nil {
				return nil, err
			}
			// Otherwise the chain explains it as it would to a grantee.
		case !errors.Is(err, acl.ErrUnknownCID):
			return nil, s.stageErr(ctx, "the chain", s.cfg.ChainTimeout, err)
		}
	}
	return s.getFor(ctx, c, opts, w)
}

// ownErased is the refusal of a read of this account's own dataset id when
// the chain says it is erased; nil when it is not (or the chain cannot say
// now: the grantee's way then explains).
func (s *Service) ownErased(ctx context.Context, id uint64) error {
	cctx, cancel := context.WithTimeout(ctx, s.cfg.ChainTimeout)
	defer cancel()
	ds, err := s.cfg.Chain.DatasetInfo(cctx, id)
	if err != nil || !ds.Erased {
		return nil
	}
	var block uint64
	if evs, err := s.events().Erased(cctx, acl.ErasedFilter{Dataset: &id}); err == nil && len(evs) > 0 {
		block = evs[len(evs)-1].Block
	}
	return &proxy.Error{Code: proxy.CodeErased, Block: block,
		Message: fmt.Sprintf("you erased dataset %d: its key is shredded, so nothing of it can be read any more, by you or anyone", id)}
}

// Get fetches a CID as a grantee: it learns dataset and owner from the
// chain, fetches the envelope, asks the grant's proxies for cfrags, opens
// the file key and streams the plaintext to w, checking the fingerprint on
// chain. Nothing is written to w unless the file key opened.
func (s *Service) Get(ctx context.Context, c cid.Cid, w io.Writer) (*GetResult, error) {
	return s.GetFor(ctx, c, "", w)
}

// GetFor is Get for a purpose: the proxies are told it, under this
// account's signature, and refuse it when the grant's policy does not
// permit it; their receipts record it for the owner's access log. An empty
// purpose is the grant's own (DefaultPurpose of the policy its bundle
// carries).
func (s *Service) GetFor(ctx context.Context, c cid.Cid, purpose string, w io.Writer) (*GetResult, error) {
	return s.getFor(ctx, c, ReadOptions{Purpose: purpose}, w)
}

func (s *Service) getFor(ctx context.Context, c cid.Cid, opts ReadOptions, w io.Writer) (*GetResult, error) {
	purpose := opts.Purpose
	if purpose != "" {
		if err := proxy.CheckPurpose(purpose); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadPurpose, err)
		}
	}
	look, err := s.lookupWith(ctx, c, nil, opts.facts)
	if err != nil {
		return nil, s.stageErr(ctx, "the chain", s.cfg.ChainTimeout, err)
	}
	if look.public {
		n, err := s.streamPlain(ctx, c, look.fingerprint, w)
		if err != nil {
			return nil, err
		}
		return &GetResult{CID: c.String(), Dataset: look.rec.Dataset, Owner: look.ds.Owner, Version: look.rec.Version, Bytes: n}, nil
	}
	// The grant's own purpose comes from the policy its bundle carries,
	// which lookup already fetched: nothing to wait for, nothing guessed.
	// It is asked for once the envelope's header is in.
	purposeOf := func() (string, error) {
		if purpose != "" {
			return purpose, nil
		}
		pol, err := bundlePolicy(look.policy, look.bundle)
		if err != nil {
			return "", err
		}
		purpose, err = DefaultPurpose(pol)
		return purpose, err
	}
	look.purpose = purposeOf
	look.batch = opts.Batch
	if look.bundle.Fields != nil {
		// A field grant: the version must be a split one, and only the
		// granted fields are fetched and opened.
		return s.getFields(ctx, c, look, w)
	}
	var failures []string
	open := func(h *envelope.Header) (envelope.FileKey, error) {
		if h.Owner != look.ds.Owner {
			// The chain-only answer was someone else's registration of
			// this CID (a squatter who also granted this account): the
			// owner the envelope names decides.
			s.log.Warn("a CID is registered by another account than the owner its envelope names", "cid", c, "registrant", look.ds.Owner.Hex(), "owner", h.Owner.Hex())
			if look, err = s.lookupWith(ctx, c, h, opts.facts); err != nil {
				return envelope.FileKey{}, s.stageErr(ctx, "the chain", s.cfg.ChainTimeout, err)
			}
			look.purpose = purposeOf // of the owner's grant, read from its bundle
			look.batch = opts.Batch
		}
		var id envelope.Identity
		id, failures, err = s.granteeIdentity(ctx, c, h, look)
		if err != nil {
			return envelope.FileKey{}, err
		}
		return h.FileKey(id)
	}
	n, err := s.stream(ctx, c, look.fingerprint, open, opts.Verify, w)
	if err != nil {
		return nil, err
	}
	return &GetResult{CID: c.String(), Dataset: look.rec.Dataset, Owner: look.ds.Owner, Version: look.rec.Version, Bytes: n, Purpose: purpose, Failures: failures, Verified: opts.Verify}, nil
}

// granteeIdentity asks the grant's proxies for cfrags of the envelope's
// wrap and returns the grantee identity that opens it, with the proxies
// that failed on the way.
func (s *Service) granteeIdentity(ctx context.Context, c cid.Cid, h *envelope.Header, look *getLookup) (envelope.Identity, []string, error) {
	rec, ds, vk, pkA, eps, parsed := look.rec, look.ds, look.vk, look.pkA, look.eps, look.bundle
	if h.Owner != ds.Owner || h.DatasetID != acl.DatasetID32(rec.Dataset) {
		return nil, nil, fmt.Errorf("%w: %s names dataset %x of %s, the chain dataset %d of %s", ErrNotMine, c, h.DatasetID[24:], h.Owner.Hex(), rec.Dataset, ds.Owner.Hex())
	}
	// A version put before the dataset's last key rotation opens through
	// the rotation's rewrap manifest, with the current key's kfrags. A
	// field envelope is under its field's key of the version's time; one
	// put before the rotation opens through the rewrap manifest's field
	// entry under the field's new key, which getFields found (fieldWrap).
	var capsule *reencrypt.Capsule
	var wrapped []byte
	var err error
	switch {
	case look.field != "" && look.fieldWrap != nil:
		capsule, wrapped = look.fieldWrap.Capsule, look.fieldWrap.WrappedKey
	case look.field != "":
		capsule, err = h.UmbralCapsule()
		wrapped = h.WrappedKey[:]
	default:
		capsule, wrapped, err = s.wrapOf(ctx, h, rec, ds, c)
	}
	if err != nil {
		return nil, nil, err
	}
	pkB := s.cfg.Receiving.PublicKey()
	purpose, err := look.purpose()
	if err != nil {
		return nil, nil, err
	}
	var failures []string
	client := &proxy.Client{HTTP: s.cfg.HTTP, Domain: s.domain, Key: s.cfg.Account, Purpose: purpose, Field: look.field, Batch: look.batch,
		OnFailure: func(f proxy.ProxyFailure) {
			failures = append(failures, fmt.Sprintf("%s: %v", f.Proxy.Hex(), f.Err))
			if errors.Is(f.Err, reencrypt.ErrVerificationFailed) {
				s.log.Warn("a proxy sent a cfrag that does not verify", "proxy", f.Proxy.Hex(), "dataset", rec.Dataset)
			}
		}}
	for _, f := range look.refused {
		s.log.Warn("a proxy's endpoint on chain is refused; it is not asked", "proxy", f.Proxy.Hex(), "dataset", rec.Dataset, "err", f.Err)
	}
	// A grant mined a moment ago may not have reached every proxy yet
	// (each follows the chain on its own); they say so with no_kfrag, and
	// the chain already said the grant is live, so ask again for a few
	// seconds before giving up.
	var cfrags []*reencrypt.VerifiedCapsuleFrag
	for wait := 100 * time.Millisecond; ; wait *= 2 {
		failures = failures[:0]
		for _, f := range look.refused {
			client.OnFailure(f)
		}
		if len(eps) < parsed.Grant.Threshold {
			err = &proxy.RefusedError{Threshold: parsed.Grant.Threshold}
		} else {
			cfrags, err = client.CFrags(ctx, rec.Dataset, capsule, eps, parsed.Grant.Threshold,
				func(cf *reencrypt.CapsuleFrag) (*reencrypt.VerifiedCapsuleFrag, error) {
					return cf.Verify(capsule, vk, pkA, pkB)
				})
		}
		if err == nil || !errors.Is(err, proxy.ErrNoKFrag) || wait > 2*time.Second {
			break
		}
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-time.After(wait):
		}
	}
	var refused *proxy.RefusedError
	if errors.As(err, &refused) {
		refused.Failures = append(slices.Clone(look.refused), refused.Failures...)
	}
	if err != nil {
		return nil, nil, err
	}
	// The cfrags open the wrap wrapOf chose: the header's own, or the
	// rewrap manifest's entry (a fresh capsule, never the header's), which
	// a RewrapIdentity puts in place of the header's.
	var id envelope.Identity = envelope.GranteeIdentity{Receiving: s.cfg.Receiving, Delegating: pkA, CFrags: cfrags}
	if !bytes.Equal(capsule.Bytes(), h.Capsule[:]) {
		id = envelope.RewrapIdentity{Wrap: envelope.Wrap{Capsule: capsule, WrappedKey: wrapped}, Via: id}
	}
	return id, failures, nil
}

// getLookup is what a brand's get learns before asking the proxies.
type getLookup struct {
	rec         acl.CIDRecord
	ds          acl.Dataset
	vk, pkA     *reencrypt.PublicKey
	fingerprint [32]byte
	bundle      *bundle.Bundle
	eps         []proxy.Endpoint
	// refused are the grant's proxies whose endpoint on chain was refused
	// (acl.CheckEndpoint); they are not in eps.
	refused []proxy.ProxyFailure
	// policy is the grant's purposeHash: its usage policy's hash.
	policy [32]byte
	// purpose is what the read is made for, once known.
	purpose func() (string, error)
	// field is the field group a field grant's read asks for (its pkA is
	// then the field's key); empty for a whole envelope.
	field string
	// fieldWrap is the rewrap manifest's wrap of the field envelope under
	// the field's key pkA, for a split version put before the dataset's
	// last rotation (REWRAP.md 1.1); nil when the envelope's own opens.
	fieldWrap *envelope.Wrap
	// batch carries the proxy requests with other reads' (ReadOptions.Batch).
	batch *proxy.Batcher
	// public: the version was added while its dataset was public; it is
	// the plaintext, checked against fingerprint, and nothing else is set.
	public bool
}

// lookupWith reads from the chain (and the grant's bundle from IPFS) what a get
// needs, each wait bounded by ChainTimeout or FetchTimeout. A grant that is
// revoked, expired or erased is refused here, from the chain alone, before
// anything is fetched from IPFS. h is the envelope's header when it is
// already known (it names the owner).
//
// The chain's events are taken from facts when it holds them (nil: from
// the chain or the market index, each asked here).
func (s *Service) lookupWith(ctx context.Context, c cid.Cid, h *envelope.Header, facts *campaignFacts) (*getLookup, error) {
	cctx, cancel := context.WithTimeout(ctx, s.cfg.ChainTimeout)
	defer cancel()
	var l getLookup
	r, err := s.resolveWith(cctx, c, h, facts)
	if err != nil {
		return nil, err
	}
	// A public version needs no grant: anyone reads it as it is.
	if want, ok, err := s.publicVersion(cctx, r.rec, c); err != nil {
		return nil, err
	} else if ok {
		l.rec, l.ds, l.fingerprint, l.public = r.rec, r.ds, want, true
		return &l, nil
	}
	if err := s.refusal(cctx, r); err != nil {
		return nil, err
	}
	l.rec, l.ds = r.rec, r.ds
	ownerKeys, err := s.cfg.Chain.KeysOf(cctx, l.ds.Owner)
	if err != nil {
		return nil, err
	}
	if l.vk, err = reencrypt.PublicKeyFromBytes(ownerKeys.Verifying); err != nil {
		return nil, err
	}
	if l.pkA, err = reencrypt.PublicKeyFromBytes(l.ds.DelegatingKey); err != nil {
		return nil, err
	}
	if fp, ok := facts.fingerprint(l.rec.Dataset, c); ok {
		l.fingerprint = fp
	} else if l.fingerprint, err = s.fingerprint(cctx, l.rec.Dataset, c); err != nil {
		return nil, err
	}
	if len(r.grants) == 0 {
		return nil, fmt.Errorf("%w %d for %s", ErrNoGrant, l.rec.Dataset, s.addr.Hex())
	}
	grant := r.grants[len(r.grants)-1]
	l.policy = grant.PurposeHash
	fctx, cancelFetch := context.WithTimeout(ctx, s.cfg.FetchTimeout)
	bd, err := envstore.Bundles{S: s.cfg.Store}.Bundle(fctx, grant.Bundle)
	cancelFetch()
	if err != nil {
		return nil, s.stageErr(ctx, "IPFS", s.cfg.FetchTimeout, fmt.Errorf("service: fetching the grant's kfrag bundle: %w", err))
	}
	if l.bundle, err = bundle.Parse(bd); err != nil {
		return nil, err
	}
	for _, a := range l.bundle.Proxies {
		p, err := s.cfg.Chain.ProxyOf(cctx, common.Address(a))
		if err != nil {
			return nil, fmt.Errorf("service: proxy %x of the grant: %w", a, err)
		}
		// An endpoint anyone could have put on chain is never dialled
		// unchecked: a refused one counts as that proxy failing.
		if _, err := acl.CheckEndpoint(p.Endpoint, s.cfg.AllowPrivateEndpoints); err != nil {
			l.refused = append(l.refused, proxy.ProxyFailure{Proxy: p.Address, Err: err})
			continue
		}
		l.eps = append(l.eps, proxy.Endpoint{Address: p.Address, URL: p.Endpoint})
	}
	return &l, nil
}

// ErrUnavailable: the chain or IPFS did not answer within its timeout.
var ErrUnavailable = errors.New("service: no answer in time")

// stageErr explains a stage's own deadline (not the caller's) as the
// part that did not answer.
func (s *Service) stageErr(ctx context.Context, part string, d time.Duration, err error) error {
	if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: %s did not answer within %s: %v", ErrUnavailable, part, d, err)
	}
	return err
}

// ErrNotOwner: GetOwn was asked for a CID of another account's dataset.
var ErrNotOwner = errors.New("service: the CID belongs to another owner's dataset")

// stream decrypts the envelope c to w with the key open finds in its
// header, checking the fingerprint the envelope carries against the one
// registered on chain and, with verify, the plaintext against it too
// (ErrFingerprint when either differs), and returns the bytes written.
// The header must arrive within FetchTimeout; the body is bounded by ctx
// alone, as a large version takes the time it takes.
func (s *Service) stream(ctx context.Context, c cid.Cid, fingerprint [32]byte, open func(*envelope.Header) (envelope.FileKey, error), verify bool, w io.Writer) (int64, error) {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var late atomic.Bool
	timer := time.AfterFunc(s.cfg.FetchTimeout, func() { late.Store(true); cancel() })
	expect := envelope.Commitment(fingerprint)
	var ro []envelope.OpenOption
	if !verify {
		ro = append(ro, envelope.SkipCommitmentHash())
	}
	r, err := envstore.Stream(sctx, s.cfg.Store, c, func(h *envelope.Header) (envelope.FileKey, error) {
		if !timer.Stop() {
			return envelope.FileKey{}, context.DeadlineExceeded
		}
		return open(h)
	}, &expect, ro...)
	if err != nil {
		timer.Stop()
		if late.Load() && ctx.Err() == nil {
			return 0, fmt.Errorf("%w: IPFS did not answer within %s: %v", ErrUnavailable, s.cfg.FetchTimeout, err)
		}
		return 0, err
	}
	defer r.Close()
	n, err := io.Copy(w, r)
	if errors.Is(err, envelope.ErrCommitmentMismatch) {
		return n, fmt.Errorf("%w: %v", ErrFingerprint, err)
	}
	return n, err
}

// GetOwn fetches one of the account's own versions and decrypts it with the
// dataset keys the owner holds — no proxy involved. keys are the dataset's
// keys, current first then earlier ones (after rotations), since a version
// is under the key of its time. The fingerprint on chain is checked as in
// Get, and each wait on the chain is bounded by ChainTimeout. GetOwn
// recomputes the fingerprint from the plaintext (ReadOptions.Verify): it
// is how the owner's own tools (PlainSize, reconcile) confirm that what
// they registered is what is stored.
func (s *Service) GetOwn(ctx context.Context, c cid.Cid, keys []*reencrypt.SecretKey, w io.Writer) (*GetResult, error) {
	cctx, cancel := context.WithTimeout(ctx, s.cfg.ChainTimeout)
	rec, err := s.cfg.Chain.DatasetOfCID(cctx, s.addr, c.Bytes())
	cancel()
	if errors.Is(err, acl.ErrUnknownCID) {
		return nil, fmt.Errorf("%w: %s is not registered under this account", ErrNotOwner, c)
	}
	if err != nil {
		return nil, s.stageErr(ctx, "the chain", s.cfg.ChainTimeout, err)
	}
	return s.getOwn(ctx, c, rec, keys, true, nil, w)
}

// getOwn is GetOwn once the chain has said rec is this account's. A
// version that is not an envelope but a field manifest (a split version) is
// read with the field keys fields derives, when it is given.
func (s *Service) getOwn(ctx context.Context, c cid.Cid, rec acl.CIDRecord, keys []*reencrypt.SecretKey, verify bool, fields FieldKeyring, w io.Writer) (*GetResult, error) {
	cctx, cancel := context.WithTimeout(ctx, s.cfg.ChainTimeout)
	fingerprint, err := s.fingerprint(cctx, rec.Dataset, c)
	cancel()
	if err != nil {
		return nil, s.stageErr(ctx, "the chain", s.cfg.ChainTimeout, err)
	}
	n, err := s.stream(ctx, c, fingerprint, func(h *envelope.Header) (envelope.FileKey, error) {
		key, err := h.FileKey(ownerIdentities(keys)...)
		if err != nil {
			return envelope.FileKey{}, fmt.Errorf("service: none of the dataset's %d keys opens %s: %w", len(keys), c, err)
		}
		return key, nil
	}, verify, w)
	if errors.Is(err, envstore.ErrNotEnvelope) && fields != nil {
		// Nothing was written: the header did not parse. A split version's
		// manifest is not an envelope.
		if ok, merr := s.isManifest(ctx, c); merr == nil && ok {
			return s.getOwnFields(ctx, c, rec, fingerprint, fields, w)
		}
	}
	if err != nil {
		return nil, err
	}
	return &GetResult{CID: c.String(), Dataset: rec.Dataset, Owner: rec.Owner, Version: rec.Version, Bytes: n, Verified: verify}, nil
}

// ownerIdentities offers each of a dataset's keys as an owner identity, in
// the order given (current first, then earlier ones after rotations), so
// Header.FileKey finds the key of the version's time.
func ownerIdentities(keys []*reencrypt.SecretKey) []envelope.Identity {
	ids := make([]envelope.Identity, len(keys))
	for i, k := range keys {
		ids[i] = envelope.OwnerIdentity{DatasetKey: k}
	}
	return ids
}
