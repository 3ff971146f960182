// Package demo tells pdx's whole story on the embedded defaults, in one
// process and a fresh temporary home: an owner stores data, offers it, a
// brand buys it, the owner's node grants automatically and is paid, the
// brand decrypts, the owner revokes, erases and exports. It checks every
// step and fails loudly when one does not behave.
package demo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/internal/config"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

// Options configure a run.
type Options struct {
	// Dir is where the demo's homes live; empty means a fresh temporary
	// directory, removed at the end unless Keep is set.
	Dir  string
	Keep bool
	// Out receives the narration.
	Out io.Writer
}

// Sample data: a profile and a purchase history, as a shop would hold them.
var (
	profile = []byte(`{"name":"Alex Doe","email":"alex@example.org","city":"Lyon","born":1991,"newsletter":false}` + "\n")
	history = []byte("date,shop,item,amount_eur\n" +
		"2026-09-02,Acme Shoes,trail runners,119.00\n" +
		"2026-09-17,Green Grocer,weekly basket,46.20\n" +
		"2026-10-05,Acme Shoes,running socks x3,18.50\n" +
		"2026-10-21,BookNook,field guide to birds,24.90\n" +
		"2026-11-12,Green Grocer,weekly basket,51.75\n")
)

const (
	passphrase = "demo passphrase: throwaway home"
	terms      = "loyalty analytics for Acme Shoes; no resale; 30 days"
	threshold  = 2
)

type run struct {
	ctx context.Context
	out io.Writer
	dir string
	n   int
}

func (r *run) step(format string, args ...any) {
	r.n++
	fmt.Fprintf(r.out, "\n%d. %s\n", r.n, fmt.Sprintf(format, args...))
}

func (r *run) say(format string, args ...any) {
	fmt.Fprintf(r.out, "   %s\n", fmt.Sprintf(format, args...))
}

// Run tells the story and returns the first step that misbehaved.
func Run(ctx context.Context, opts Options) (err error) {
	out := opts.Out
	if out == nil {
		out = io.Discard
	}
	dir := opts.Dir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "pdx-demo-*"); err != nil {
			return err
		}
		if !opts.Keep {
			defer os.RemoveAll(dir)
		}
	}
	r := &run{ctx: ctx, out: out, dir: dir}
	start := time.Now()
	if err := r.story(); err != nil {
		fmt.Fprintf(out, "\nFAILED: %v\n", err)
		return err
	}
	where := fmt.Sprintf("The demo's homes were in %s (removed now; pdx demo --keep leaves them).", dir)
	if opts.Keep || opts.Dir != "" {
		where = fmt.Sprintf("The demo's homes are in %s.", dir)
	}
	fmt.Fprintf(out, "\nEvery step behaved (%.1fs). %s\n", time.Since(start).Seconds(), where)
	return nil
}

type party struct {
	name string
	h    *home.Unlocked
	fs   storage.Store
	s    *service.Service
}

func (r *run) party(name string, ch *devchain.Chain) (*party, error) {
	dir := filepath.Join(r.dir, name)
	if _, err := home.Init(dir, passphrase); err != nil {
		return nil, err
	}
	u, err := home.Open(dir, passphrase)
	if err != nil {
		return nil, err
	}
	fs, err := storage.OpenEmbedded(r.ctx, storage.EmbeddedConfig{Dir: filepath.Join(dir, "ipfs"), Local: true})
	if err != nil {
		return nil, err
	}
	p := &party{name: name, h: u, fs: fs}
	return p, nil
}

func (p *party) connect(ctx context.Context, ch *devchain.Chain, proxies service.ProxySet) error {
	c, err := acl.New(ctx, ch.Client(), ch.Registry(), p.h.Account, nil)
	if err != nil {
		return err
	}
	p.s, err = service.New(ctx, service.Config{
		Chain: c, Account: p.h.Account, Store: p.fs, Signer: reencrypt.NewSigner(p.h.Signing),
		Receiving: p.h.Receiving, DeployBlock: ch.DeployBlock(), AllowPrivateEndpoints: true, Proxies: proxies,
	})
	if err != nil {
		return err
	}
	return p.s.EnsureKeys(ctx)
}

func eth(wei *big.Int) string {
	f := new(big.Float).Quo(new(big.Float).SetInt(wei), big.NewFloat(params.Ether))
	return f.Text('f', 4) + " ETH"
}

func (r *run) story() error {
	ctx := r.ctx
	r.step("Two fresh homes: one for an owner (Alex), one for a brand (Acme Shoes).")
	// The chain funds both accounts at genesis, so the homes come first.
	owner, err := r.party("owner", nil)
	if err != nil {
		return fmt.Errorf("owner home: %w", err)
	}
	defer owner.fs.Close()
	brand, err := r.party("brand", nil)
	if err != nil {
		return fmt.Errorf("brand home: %w", err)
	}
	defer brand.fs.Close()
	r.say("owner account %s", owner.h.Address().Hex())
	r.say("brand account %s", brand.h.Address().Hex())

	r.step("An embedded development chain with the Registry, and two embedded IPFS nodes on loopback.")
	ch, err := devchain.Open(ctx, devchain.Config{
		Dir: filepath.Join(r.dir, "owner", "chain"), Accounts: 4,
		Fund: []common.Address{owner.h.Address(), brand.h.Address()},
	})
	if err != nil {
		return fmt.Errorf("dev chain: %w", err)
	}
	defer ch.Close()
	self, err := owner.fs.Self(ctx)
	if err != nil {
		return err
	}
	if err := brand.fs.Connect(ctx, self); err != nil {
		return fmt.Errorf("connecting the IPFS nodes: %w", err)
	}
	r.say("Registry at %s (chain id %d)", ch.Registry().Hex(), devchain.ChainID)
	// Alex's grants go to the three proxies started below (accounts 1..3),
	// never to whoever else registers as a proxy on the chain.
	set := service.ProxySet{Threshold: threshold}
	for _, key := range ch.Accounts()[1:4] {
		set.Addresses = append(set.Addresses, crypto.PubkeyToAddress(key.PublicKey))
	}
	for _, p := range []*party{owner, brand} {
		if err := p.connect(ctx, ch, map[*party]service.ProxySet{owner: set}[p]); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	r.say("both accounts registered their Umbral receiving and verifying keys")

	r.step("Three re-encryption proxies (dev-only: one machine holding every proxy is no threshold).")
	proxies, err := r.startProxies(ch, owner.fs, owner.s.Domain())
	if err != nil {
		return fmt.Errorf("proxies: %w", err)
	}
	defer proxies.stop()
	for _, p := range proxies.list {
		r.say("proxy %s at %s", p.Address().Hex(), proxies.urls[p.Address()])
	}

	r.step("Alex puts a profile and a purchase history: encrypted, pinned on Alex's node, fingerprinted on chain.")
	sets := []*dataset{{name: "profile", data: profile}, {name: "purchases", data: history}}
	for _, d := range sets {
		local, err := owner.h.CreateDataset(d.name)
		if err != nil {
			return err
		}
		if d.key, err = owner.h.DatasetKey(local.Salt); err != nil {
			return err
		}
		if d.id, err = owner.s.CreateDataset(ctx, d.key); err != nil {
			return err
		}
		res, err := owner.s.Put(ctx, d.id, d.key, bytes.NewReader(d.data), "pdx/"+d.name)
		if err != nil {
			return fmt.Errorf("put %s: %w", d.name, err)
		}
		d.cid, _ = cid.Decode(res.CID)
		r.say("%-9s dataset %d, version %d, %d bytes → %d encrypted, CID %s", d.name, d.id, res.Version, len(d.data), res.Size, res.CID)
	}
	hist := sets[1]

	r.step("Alex offers the purchase history: 0.01 ETH for 30 days, for a stated purpose.")
	price := new(big.Int).Div(big.NewInt(params.Ether), big.NewInt(100))
	if err := owner.s.Offer(ctx, hist.id, price, 30*24*time.Hour, terms); err != nil {
		return err
	}
	r.say("terms: %q", terms)
	agent, decisions, stopAgent := r.startAgent(ch, owner.s, hist.id, hist.key)
	defer stopAgent()
	_ = agent

	r.step("Acme Shoes buys it. The payment waits in escrow in the Registry.")
	ownerWallet0, err := owner.s.Wallet(ctx)
	if err != nil {
		return err
	}
	if _, err := brand.s.Buy(ctx, hist.id, terms); err != nil {
		return fmt.Errorf("buy: %w", err)
	}
	r.say("paid %s into escrow", eth(price))

	r.step("Alex's node sees the purchase, checks the market policy, and grants automatically (2 of 3 proxies).")
	var d service.Decision
	select {
	case d = <-decisions:
	case <-time.After(30 * time.Second):
		return errors.New("the owner's node did not act on the purchase within 30s")
	case <-ctx.Done():
		return ctx.Err()
	}
	if !d.Granted {
		return fmt.Errorf("the owner's node refused the purchase: %s", d.Reason)
	}
	r.say("granted to %s at block %d", d.Buyer.Hex(), d.Block)
	v, err := owner.s.Vesting(ctx, hist.id, brand.h.Address())
	if err != nil {
		return err
	}
	if v.Amount.Cmp(price) > 0 || v.Amount.Sign() == 0 {
		return fmt.Errorf("the payment held for the grant is %s, want up to %s", eth(v.Amount), eth(price))
	}
	r.say("the %s vests to Alex day by day until %s; a revoke returns the unvested part to Acme", eth(price), v.End.UTC().Format("2006-01-02"))

	r.step("Acme Shoes fetches the CID from IPFS, asks the proxies for re-encryption, and decrypts.")
	got, err := r.getWhenServed(brand.s, hist.cid)
	if err != nil {
		return fmt.Errorf("brand get: %w", err)
	}
	if sha256.Sum256(got) != sha256.Sum256(hist.data) {
		return errors.New("the brand decrypted other bytes than Alex put")
	}
	r.say("%d bytes decrypted; they match what Alex put (sha256 %x…)", len(got), sha256.Sum256(got))
	r.say("no proxy saw the data: each held one kfrag and saw only the capsule")

	r.step("Alex revokes. From the next block every proxy refuses, and Acme gets back what had not vested.")
	block, err := owner.s.Revoke(ctx, hist.id, brand.h.Address())
	if err != nil {
		return err
	}
	r.say("revoked at block %d", block)
	refund, err := brand.s.Balance(ctx)
	if err != nil {
		return err
	}
	vested, err := owner.s.Balance(ctx)
	if err != nil {
		return err
	}
	if new(big.Int).Add(refund, vested).Cmp(price) != 0 || refund.Sign() == 0 {
		return fmt.Errorf("after the revoke Acme holds %s and Alex %s of the %s paid", eth(refund), eth(vested), eth(price))
	}
	if _, err := owner.s.Withdraw(ctx); err != nil {
		return err
	}
	ownerWallet1, err := owner.s.Wallet(ctx)
	if err != nil {
		return err
	}
	r.say("Acme is refunded %s; Alex keeps the %s wei vested so far (wallet %s → %s, less gas)", eth(refund), vested, eth(ownerWallet0), eth(ownerWallet1))
	_, err = r.getWhenRefused(brand.s, hist.cid)
	if !errors.Is(err, proxyapi.ErrRevoked) {
		return fmt.Errorf("after the revoke the brand got %v, want a refusal for revocation", err)
	}
	r.say("the brand is refused: %v", err)

	r.step("Alex erases the profile: revoked for everyone on chain, unpinned and collected, and its key shredded.")
	prof := sets[0]
	if err := owner.s.Erase(ctx, prof.id, []cid.Cid{prof.cid}); err != nil {
		return err
	}
	if err := owner.h.EraseDataset(prof.name); err != nil {
		return err
	}
	if _, err := owner.h.Dataset(prof.name); !errors.Is(err, home.ErrDatasetNotFound) {
		return fmt.Errorf("the profile's salt is still in the home: %v", err)
	}
	r.say("the salt is gone, so no copy of the ciphertext anywhere can be opened again")

	r.step("Alex exports everything left (portability): a CAR of the data and a manifest.")
	exp := filepath.Join(r.dir, "export")
	if err := r.export(owner, ch, exp, []*dataset{hist}); err != nil {
		return err
	}
	r.say("wrote %s/data.car and %s/manifest.json", exp, exp)
	return nil
}

type dataset struct {
	name string
	data []byte
	id   uint64
	key  *reencrypt.SecretKey
	cid  cid.Cid
}

// export writes data.car (every version's envelope) and manifest.json.
func (r *run) export(owner *party, ch *devchain.Chain, dir string, sets []*dataset) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	// The daemon's export format (node/daemon FORMATS.md), so what the demo
	// writes is what `pdx export` writes.
	m := daemon.Manifest{Version: daemon.ExportVersion, Exported: time.Now().UTC(), Account: owner.h.Address().Hex(),
		ChainID: devchain.ChainID, Registry: ch.Registry().Hex(), CAR: daemon.ExportCAR, Roots: []string{}, Datasets: []daemon.ManifestDataset{}}
	var roots []cid.Cid
	for _, d := range sets {
		m.Datasets = append(m.Datasets, daemon.ManifestDataset{Name: d.name, ID: d.id,
			Versions: []daemon.Version{{Version: 1, CID: d.cid.String(), Size: int64(len(d.data))}}, Grants: []daemon.GrantView{}})
		m.Roots = append(m.Roots, d.cid.String())
		roots = append(roots, d.cid)
	}
	f, err := os.Create(filepath.Join(dir, daemon.ExportCAR))
	if err != nil {
		return err
	}
	if err := owner.fs.ExportCAR(r.ctx, f, roots...); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, daemon.ExportManifest), append(b, '\n'), 0o600)
}

type proxySet struct {
	list []*proxy.Proxy
	urls map[common.Address]string
	runs []*proxy.Running
}

func (ps *proxySet) stop() {
	for _, r := range ps.runs {
		r.Close()
	}
}

func (r *run) startProxies(ch *devchain.Chain, fs storage.Store, d proxyapi.Domain) (*proxySet, error) {
	ps := &proxySet{urls: map[common.Address]string{}}
	for i, key := range ch.Accounts()[1:4] {
		hk, _, err := bundle.GenerateKey()
		if err != nil {
			ps.stop()
			return nil, err
		}
		c, err := acl.New(r.ctx, ch.Client(), ch.Registry(), key, nil)
		if err != nil {
			ps.stop()
			return nil, err
		}
		pr, err := proxy.Run(r.ctx, proxy.RunConfig{
			Config: proxy.Config{
				Dir: filepath.Join(r.dir, "owner", "proxies", fmt.Sprint(i)), Account: key, HPKE: hk, Domain: d,
				Bundles: envstore.Bundles{S: fs},
			},
			Client: c, FromBlock: ch.DeployBlock(), Poll: 100 * time.Millisecond,
		})
		if err != nil {
			ps.stop()
			return nil, err
		}
		ps.runs = append(ps.runs, pr)
		ps.list = append(ps.list, pr.Proxy)
		ps.urls[pr.Proxy.Address()] = pr.Endpoint
	}
	return ps, nil
}

// startAgent runs the owner's market automation: it follows Purchased events
// and grants when the default policy accepts.
func (r *run) startAgent(ch *devchain.Chain, s *service.Service, dataset uint64, key *reencrypt.SecretKey) (*service.MarketAgent, chan service.Decision, func()) {
	ctx, cancel := context.WithCancel(r.ctx)
	decisions := make(chan service.Decision, 4)
	policy := config.Default().Market.Default
	a := &service.MarketAgent{
		S: s, Threshold: threshold,
		Item: func(id uint64) (*service.MarketItem, bool) {
			if id != dataset {
				return nil, false
			}
			return &service.MarketItem{Key: key, Terms: terms, Policy: policy}, true
		},
		Record: func(d service.Decision) { decisions <- d },
	}
	f := acl.NewFollower(ch.Client(), ch.Registry(), &acl.MemoryCursor{})
	f.Start, f.Interval = ch.DeployBlock(), 100*time.Millisecond
	go f.Run(ctx, a.HandleEvent)
	return a, decisions, cancel
}

// getWhenServed retries while the proxies have not yet seen the grant.
func (r *run) getWhenServed(s *service.Service, c cid.Cid) ([]byte, error) {
	deadline := time.Now().Add(30 * time.Second)
	for {
		var buf bytes.Buffer
		_, err := s.Get(r.ctx, c, &buf)
		if err == nil {
			return buf.Bytes(), nil
		}
		if !errors.Is(err, proxyapi.ErrNoKFrag) && !errors.Is(err, service.ErrNoGrant) || time.Now().After(deadline) {
			return nil, err
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// getWhenRefused retries until the proxies have followed the revocation.
func (r *run) getWhenRefused(s *service.Service, c cid.Cid) ([]byte, error) {
	deadline := time.Now().Add(30 * time.Second)
	for {
		var buf bytes.Buffer
		_, err := s.Get(r.ctx, c, &buf)
		if allRevoked(err) || time.Now().After(deadline) {
			return nil, err
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// allRevoked reports whether every proxy refused for revocation (each has
// followed the Revoked event).
func allRevoked(err error) bool {
	var refused *proxyapi.RefusedError
	if !errors.As(err, &refused) || len(refused.Failures) == 0 {
		return false
	}
	for _, f := range refused.Failures {
		if !errors.Is(f.Err, proxyapi.ErrRevoked) {
			return false
		}
	}
	return true
}
