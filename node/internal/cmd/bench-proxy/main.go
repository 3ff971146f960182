// Command bench-proxy measures a re-encryption proxy under load on this
// machine, in one run: 64 concurrent brands against one proxy on loopback
// for a fixed time (re-encryptions per second, p50 and p99 latency, and the
// proxy's time by phase), then the end-to-end latency of a grant (kfrags,
// sealing, IPFS add, mined transaction) and of a 1 KiB get, on the embedded
// dev chain with three proxies. `make bench-proxy` runs it.
package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/log"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

func main() {
	conc := flag.Int("c", 64, "concurrent brands")
	dur := flag.Duration("d", 10*time.Second, "load duration")
	grants := flag.Int("grants", 20, "grants timed")
	gets := flag.Int("gets", 50, "gets timed")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench-proxy:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if err := run(*conc, *dur, *grants, *gets); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "bench-proxy:", err)
		os.Exit(1)
	}
}

type world struct {
	ctx     context.Context
	chain   *devchain.Chain
	store   storage.Store
	owner   *service.Service
	brand   *service.Service
	proxies []*proxy.Proxy
	urls    []string
	runs    []*proxy.Running
}

func run(conc int, dur time.Duration, nGrants, nGets int) error {
	log.SetDefault(log.NewLogger(log.DiscardHandler()))
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "pdx-bench-proxy-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	w, err := setup(ctx, dir)
	if err != nil {
		return err
	}
	defer w.chain.Close()
	defer w.store.Close()

	dsKey, _ := reencrypt.GenerateSecretKey()
	ds, err := w.owner.CreateDataset(ctx, dsKey)
	if err != nil {
		return err
	}
	res, err := w.owner.Put(ctx, ds, dsKey, bytes.NewReader(make([]byte, 1024)), "bench")
	if err != nil {
		return err
	}
	c, _ := cid.Decode(res.CID)

	// Grants, end to end.
	var grantMS []float64
	for range nGrants {
		start := time.Now()
		if _, err := w.owner.Grant(ctx, service.GrantRequest{Dataset: ds, DatasetKey: dsKey, Grantee: w.brand.Address(),
			Expiry: time.Now().Add(time.Hour), Purpose: "bench", Threshold: 2}); err != nil {
			return err
		}
		grantMS = append(grantMS, ms(time.Since(start)))
	}
	if err := w.sync(); err != nil {
		return err
	}
	// Gets of 1 KiB, end to end.
	var getMS []float64
	for range nGets {
		var buf bytes.Buffer
		start := time.Now()
		if _, err := w.brand.Get(ctx, c, &buf); err != nil {
			return err
		}
		getMS = append(getMS, ms(time.Since(start)))
	}

	// Load: pre-signed requests so the clients' signing does not compete
	// with the proxy for the two cores during the timed run.
	h, err := envstore.Open(ctx, w.store, c)
	if err != nil {
		return err
	}
	capsule, _ := h.UmbralCapsule()
	bodies, err := presign(w, ds, capsule, conc, dur)
	if err != nil {
		return err
	}
	phase0 := phases(w.proxies[0])
	var next atomic.Int64
	var mu sync.Mutex
	var lat []float64
	var failed atomic.Int64
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc}, Timeout: 10 * time.Second}
	deadline := time.Now().Add(dur)
	start := time.Now()
	var wg sync.WaitGroup
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []float64
			for time.Now().Before(deadline) {
				i := next.Add(1) - 1
				if int(i) >= len(bodies) {
					break
				}
				t0 := time.Now()
				resp, err := client.Post(w.urls[0]+"/v1/reencrypt", "application/json", bytes.NewReader(bodies[i]))
				if err != nil {
					failed.Add(1)
					continue
				}
				var rr proxyapi.ReencryptResponse
				err = json.NewDecoder(resp.Body).Decode(&rr)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK || rr.CFrag == "" {
					failed.Add(1)
					continue
				}
				mine = append(mine, ms(time.Since(t0)))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	phase1 := phases(w.proxies[0])
	if len(lat) == 0 {
		return fmt.Errorf("no request succeeded (%d failed)", failed.Load())
	}
	if f := failed.Load(); f > 0 {
		return fmt.Errorf("%d of %d requests failed", f, int64(len(lat))+f)
	}
	busy := 0.0
	for _, k := range []string{"crypto", "chain", "receipts"} {
		busy += phase1[k] - phase0[k]
	}
	total := 0.0
	for _, l := range lat {
		total += l / 1000
	}
	fmt.Printf("# one proxy on loopback, %d concurrent brands for %s (pre-signed requests), embedded dev chain; 2-core machine, one run\n", conc, dur)
	fmt.Printf("# time by phase, as a share of summed request latency: crypto %.0f%%, chain %.0f%%, receipts %.0f%%, http+json+queueing %.0f%%\n",
		100*(phase1["crypto"]-phase0["crypto"])/total, 100*(phase1["chain"]-phase0["chain"])/total,
		100*(phase1["receipts"]-phase0["receipts"])/total, 100*(total-busy)/total)
	fmt.Printf("# requests %d in %.2fs; p50_ms %.1f\n", len(lat), elapsed.Seconds(), pct(lat, 50))
	fmt.Printf("reencrypt_per_s %.0f\n", float64(len(lat))/elapsed.Seconds())
	fmt.Printf("p99_ms %.1f\n", pct(lat, 99))
	fmt.Printf("grant_p50_ms %.1f\n", pct(grantMS, 50))
	fmt.Printf("get_p50_ms %.1f\n", pct(getMS, 50))
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func pct(xs []float64, p float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(float64(len(s)-1) * p / 100)
	return s[i]
}

func phases(p *proxy.Proxy) map[string]float64 {
	out := map[string]float64{}
	mfs, err := p.Registry().Gather()
	if err != nil {
		return out
	}
	for _, mf := range mfs {
		if mf.GetName() != "pdx_proxy_phase_seconds_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "phase" {
					out[l.GetValue()] = m.GetCounter().GetValue()
				}
			}
		}
	}
	return out
}

// presign makes enough signed requests for the run: the proxy's recent
// throughput bound (a few thousand per second) times the duration, with
// headroom.
func presign(w *world, ds uint64, capsule *reencrypt.Capsule, conc int, dur time.Duration) ([][]byte, error) {
	n := int(dur.Seconds()*4000) + conc
	key := w.chain.Accounts()[1] // the brand's account (setup)
	capBytes := capsule.Bytes()
	capHex := hex.EncodeToString(capBytes)
	h := crypto.Keccak256Hash(capBytes)
	deadline := uint64(time.Now().Add(dur + 10*time.Minute).Unix())
	out := make([][]byte, n)
	var wg sync.WaitGroup
	var firstErr atomic.Value
	for part := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := part; i < n; i += 2 {
				req := proxyapi.ReencryptRequest{Proxy: w.proxies[0].Address(), Dataset: ds, CapsuleHash: h, Purpose: "dpv:ServiceProvision", Nonce: proxyapi.NewNonce(), Deadline: deadline}
				sig, err := req.Sign(w.owner.Domain(), key)
				if err != nil {
					firstErr.Store(err)
					return
				}
				out[i], _ = json.Marshal(proxyapi.ReencryptBody{Proxy: req.Proxy, Dataset: ds, Capsule: capHex, Purpose: req.Purpose, Nonce: req.Nonce, Deadline: deadline, Signature: hex.EncodeToString(sig)})
			}
		}()
	}
	wg.Wait()
	if err, ok := firstErr.Load().(error); ok {
		return nil, err
	}
	return out, nil
}

func setup(ctx context.Context, dir string) (*world, error) {
	ch, err := devchain.Open(ctx, devchain.Config{Dir: filepath.Join(dir, "chain"), Accounts: 5})
	if err != nil {
		return nil, err
	}
	st, err := storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: filepath.Join(dir, "ipfs"), Local: true})
	if err != nil {
		return nil, err
	}
	w := &world{ctx: ctx, chain: ch, store: st}
	keys := ch.Accounts()
	// The owner grants to the three proxies started below (keys[2:5]).
	set := service.ProxySet{Threshold: 2}
	for _, key := range keys[2:5] {
		set.Addresses = append(set.Addresses, crypto.PubkeyToAddress(key.PublicKey))
	}
	mk := func(i int) (*service.Service, error) {
		seed := make([]byte, 32)
		seed[0] = byte(i)
		f, _ := reencrypt.NewSecretKeyFactory(crypto.Keccak256(seed))
		c, err := acl.New(ctx, ch.Client(), ch.Registry(), keys[i], nil)
		if err != nil {
			return nil, err
		}
		s, err := service.New(ctx, service.Config{Chain: c, Account: keys[i], Store: st,
			Signer: reencrypt.NewSigner(f.MakeKey([]byte("pdx/signing"))), Receiving: f.MakeKey([]byte("pdx/receiving")),
			DeployBlock: ch.DeployBlock(), Proxies: set, AllowPrivateEndpoints: true})
		if err != nil {
			return nil, err
		}
		return s, s.EnsureKeys(ctx)
	}
	if w.owner, err = mk(0); err != nil {
		return nil, err
	}
	if w.brand, err = mk(1); err != nil {
		return nil, err
	}
	for i, key := range keys[2:5] {
		hk, _, err := bundle.GenerateKey()
		if err != nil {
			return nil, err
		}
		c, err := acl.New(ctx, ch.Client(), ch.Registry(), key, nil)
		if err != nil {
			return nil, err
		}
		// Poll < 0: sync applies the grants before the measurements start.
		r, err := proxy.Run(ctx, proxy.RunConfig{
			Config: proxy.Config{Dir: filepath.Join(dir, "proxy", fmt.Sprint(i)), Account: key, HPKE: hk,
				Domain: w.owner.Domain(), Bundles: envstore.Bundles{S: st},
				Logger: slog.New(slog.DiscardHandler)},
			Client: c, FromBlock: ch.DeployBlock(), Poll: -1,
		})
		if err != nil {
			return nil, err
		}
		w.proxies, w.urls, w.runs = append(w.proxies, r.Proxy), append(w.urls, r.Endpoint), append(w.runs, r)
	}
	return w, nil
}

func (w *world) sync() error {
	for _, r := range w.runs {
		if _, err := r.Poll(w.ctx); err != nil {
			return err
		}
	}
	return nil
}
