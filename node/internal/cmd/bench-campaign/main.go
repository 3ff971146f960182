// Command bench-campaign measures a brand's campaign end to end at 1,000
// participants: joins, then reading every dataset with one bulk get
// against as many single gets.
//
// What is real: the embedded go-ethereum dev chain (acl/devchain) and the
// Registry on it, every transaction mined; the acl/service calls a
// participant makes (registering its keys, creating a dataset, putting a
// 4 KiB version to IPFS, joining: kfrags, the sealed bundle, the join
// transaction) and the brand's (creating the campaign, service.CampaignGet,
// service.GetFor); three proxies run by proxy.Run, answering HTTP on
// loopback, re-encrypting and fsyncing their receipts; the embedded kubo
// node the envelopes and bundles are stored in.
//
// What is simulated: the participants are goroutines of this process (64
// at once by default), with accounts generated here and funded at genesis;
// they and the brand share one kubo node, so an envelope crosses no
// network between homes; the datasets are random bytes.
//
// It prints `name value` lines:
//
//	campaign_join_p50_ms             one JoinCampaign, from the call to the join mined (granted on chain)
//	campaign_created_to_granted_s    from the campaign created to all N joins mined, participants' setup included
//	bulk_get_MBps                    service.CampaignGet of the N datasets: plaintext MB/s
//	bulk_get_per_dataset_ms          its time over N
//	single_get_per_dataset_ms        N service.GetFor, one after the other, each to a file as pdx get -o writes it
//	single_over_bulk                 the ratio of the two per-dataset times
//	bulk_get_cpu_ms_per_dataset      CPU time of the whole process (chain, proxies, kubo, brand) per dataset, bulk
//	single_get_cpu_ms_per_dataset    the same for the single gets
//
// The wall-clock figures depend on what else the machine runs (say the
// load with them); the CPU figures much less.
// The proxies hold every kfrag before either timed get starts (an untimed
// bulk get warms them), so neither pays the kfrag loads. Every get is one
// read under the campaign's policy, which sets no read limit. `make bench-campaign` runs it; -n 20 makes a smoke run.
package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	gethlog "github.com/ethereum/go-ethereum/log"
	"github.com/ipfs/go-cid"

	"github.com/pdx-network/pdx/acl"
	"github.com/pdx-network/pdx/acl/devchain"
	"github.com/pdx-network/pdx/acl/policy"
	proxyapi "github.com/pdx-network/pdx/acl/proxy"
	"github.com/pdx-network/pdx/node/envstore"
	"github.com/pdx-network/pdx/node/proxy"
	"github.com/pdx-network/pdx/node/service"
	"github.com/pdx-network/pdx/node/storage"
	"github.com/pdx-network/pdx/reencrypt"
	"github.com/pdx-network/pdx/reencrypt/bundle"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench-campaign:", err)
		os.Exit(1)
	}
}

const purpose = "dpv:ResearchAndDevelopment"

func run(ctx context.Context, args []string, out, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench-campaign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "participants")
	size := fs.Int("size", 4<<10, "bytes of each participant's dataset")
	conc := fs.Int("conc", 64, "participants setting up and joining at once")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the timed bulk get to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 || *size < 1 || *conc < 1 {
		return errors.New("-n, -size and -conc must be positive")
	}
	gethlog.SetDefault(gethlog.NewLogger(slog.DiscardHandler))
	dir, err := os.MkdirTemp("", "bench-campaign-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	w, err := setup(ctx, dir, *n)
	if err != nil {
		return err
	}
	defer w.close()
	progress(stderr, "dev chain, 3 proxies and kubo up; %d participants of %d bytes each, %d at once", *n, *size, *conc)

	// The campaign: analytics-only for 30 days, a place for each.
	pol, _ := policy.Preset("analytics-only")
	pol.Duration = 30 * 24 * time.Hour
	id, err := w.brand.CreateCampaign(ctx, service.CampaignRequest{Policy: pol, PricePerPerson: big.NewInt(1000), Cap: uint32(*n), Deadline: time.Now().Add(24 * time.Hour)})
	if err != nil {
		return fmt.Errorf("creating the campaign: %w", err)
	}
	created := time.Now()
	joins := make([]float64, *n)
	cids := make([]cid.Cid, *n)
	data := make([][]byte, *n)
	var done atomic.Int64
	errc := make(chan error, *n)
	sem := make(chan struct{}, *conc)
	var wg sync.WaitGroup
	for i := range *n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			d := make([]byte, *size)
			rand.Read(d)
			c, lat, err := w.participate(ctx, i, id, d)
			if err != nil {
				errc <- fmt.Errorf("participant %d: %w", i, err)
				return
			}
			cids[i], joins[i], data[i] = c, lat, d
			if k := done.Add(1); k%100 == 0 {
				progress(stderr, "%d joined (%s)", k, time.Since(created).Round(time.Second))
			}
		}()
	}
	wg.Wait()
	close(errc)
	if err := <-errc; err != nil {
		return err
	}
	granted := time.Since(created)
	info, err := w.brand.Campaign(ctx, id)
	if err != nil {
		return err
	}
	if int(info.Joined) != *n {
		return fmt.Errorf("the campaign counts %d joins, want %d", info.Joined, *n)
	}
	slices.Sort(joins)
	fmt.Fprintf(out, "campaign_participants %d\n", *n)
	fmt.Fprintf(out, "campaign_join_p50_ms %.1f\n", joins[len(joins)/2])
	fmt.Fprintf(out, "campaign_join_p99_ms %.1f\n", joins[len(joins)*99/100])
	fmt.Fprintf(out, "campaign_created_to_granted_s %.1f\n", granted.Seconds())

	// Every proxy follows the joins and holds every kfrag before a get.
	if err := w.catchUp(ctx, id, *n, filepath.Join(dir, "warm")); err != nil {
		return err
	}
	progress(stderr, "the proxies hold the %d kfrags; bulk get", *n)

	outDir := filepath.Join(dir, "out")
	if err := os.Mkdir(outDir, 0o755); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	c0 := cpuTime()
	t0 := time.Now()
	res, err := w.brand.CampaignGet(ctx, id, service.CampaignGetOptions{Purpose: purpose}, service.DirWriter(outDir))
	if err != nil {
		return err
	}
	bulk := time.Since(t0)
	bulkCPU := cpuTime() - c0
	pprof.StopCPUProfile()
	if res.Read != *n {
		for _, o := range res.Outcomes {
			if o.Err != nil {
				return fmt.Errorf("bulk get read %d of %d: dataset %d: %v", res.Read, *n, o.Dataset, o.Err)
			}
		}
	}
	// Byte for byte, each where it belongs.
	for i, o := range res.Outcomes {
		got, err := os.ReadFile(filepath.Join(outDir, fmt.Sprintf("%s-%d.bin", o.Owner.Hex(), o.Dataset)))
		if err != nil {
			return fmt.Errorf("bulk get: %w", err)
		}
		if k := slices.IndexFunc(cids, func(c cid.Cid) bool { return c.String() == o.CID }); k < 0 || !bytes.Equal(got, data[k]) {
			return fmt.Errorf("bulk get: dataset %d (outcome %d) has other bytes", o.Dataset, i)
		}
	}
	progress(stderr, "bulk get of %d in %s; %d single gets", *n, bulk.Round(time.Millisecond), *n)
	c1 := cpuTime()
	t1 := time.Now()
	singleDir := filepath.Join(dir, "single")
	if err := os.Mkdir(singleDir, 0o755); err != nil {
		return err
	}
	for i, c := range cids {
		// As pdx get -o writes: a temporary file, synced, renamed.
		fw, err := service.NewFileWriter(singleDir, strconv.Itoa(i))
		if err != nil {
			return err
		}
		if _, err := w.brand.GetFor(ctx, c, purpose, fw); err != nil {
			fw.Abort()
			return fmt.Errorf("single get %d: %w", i, err)
		}
		if err := fw.Commit(); err != nil {
			return err
		}
		if got, err := os.ReadFile(fw.Path); err != nil || !bytes.Equal(got, data[i]) {
			return fmt.Errorf("single get %d: other bytes (%v)", i, err)
		}
	}
	single := time.Since(t1)
	singleCPU := cpuTime() - c1
	perBulk := bulk.Seconds() * 1000 / float64(*n)
	perSingle := single.Seconds() * 1000 / float64(*n)
	fmt.Fprintf(out, "bulk_get_MBps %.2f\n", float64(res.Bytes)/1e6/bulk.Seconds())
	fmt.Fprintf(out, "bulk_get_per_dataset_ms %.2f\n", perBulk)
	fmt.Fprintf(out, "single_get_per_dataset_ms %.2f\n", perSingle)
	fmt.Fprintf(out, "single_over_bulk %.1f\n", perSingle/perBulk)
	// CPU time of this process (chain, proxies, kubo and brand alike) per
	// dataset: what the gets cost whatever else the machine runs.
	fmt.Fprintf(out, "bulk_get_cpu_ms_per_dataset %.2f\n", bulkCPU.Seconds()*1000/float64(*n))
	fmt.Fprintf(out, "single_get_cpu_ms_per_dataset %.2f\n", singleCPU.Seconds()*1000/float64(*n))
	return nil
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func progress(w io.Writer, format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }

type world struct {
	chain   *devchain.Chain
	store   storage.Store
	brand   *service.Service
	set     service.ProxySet
	keys    []*ecdsa.PrivateKey // the participants'
	proxies []*proxy.Running
	closers []func()
}

func (w *world) close() {
	for i := len(w.closers) - 1; i >= 0; i-- {
		w.closers[i]()
	}
}

func setup(ctx context.Context, dir string, n int) (*world, error) {
	w := &world{}
	fund := make([]common.Address, n+1)
	for i := range n + 1 {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, err
		}
		w.keys = append(w.keys, k)
		fund[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	brandKey := w.keys[n]
	w.keys = w.keys[:n]
	var err error
	// Accounts: 0 deployed the Registry, 1..3 are the proxies.
	if w.chain, err = devchain.Open(ctx, devchain.Config{Dir: filepath.Join(dir, "chain"), Accounts: 4, Fund: fund}); err != nil {
		return nil, err
	}
	w.closers = append(w.closers, func() { w.chain.Close() })
	if w.store, err = storage.OpenEmbedded(ctx, storage.EmbeddedConfig{Dir: filepath.Join(dir, "ipfs"), Local: true}); err != nil {
		w.close()
		return nil, err
	}
	w.closers = append(w.closers, func() { w.store.Close() })
	pk := w.chain.Accounts()[1:4]
	w.set = service.ProxySet{Threshold: 2}
	for _, k := range pk {
		w.set.Addresses = append(w.set.Addresses, crypto.PubkeyToAddress(k.PublicKey))
	}
	if w.brand, err = w.service(ctx, brandKey); err != nil {
		w.close()
		return nil, err
	}
	for i, key := range pk {
		hk, _, err := bundle.GenerateKey()
		if err != nil {
			w.close()
			return nil, err
		}
		c, err := acl.New(ctx, w.chain.Client(), w.chain.Registry(), key, nil)
		if err != nil {
			w.close()
			return nil, err
		}
		// Poll < 0: the proxies follow when catchUp says, once the joins
		// are in, so the setup's timings are the chain's and the
		// participants' alone.
		r, err := proxy.Run(ctx, proxy.RunConfig{
			Config: proxy.Config{Dir: filepath.Join(dir, "proxy", strconv.Itoa(i)), Account: key, HPKE: hk,
				Domain: w.brand.Domain(), Bundles: envstore.Bundles{S: w.store}, Logger: slog.New(slog.DiscardHandler)},
			Client: c, FromBlock: w.chain.DeployBlock(), Poll: -1,
		})
		if err != nil {
			w.close()
			return nil, err
		}
		w.proxies = append(w.proxies, r)
		w.closers = append(w.closers, func() { r.Close() })
	}
	return w, nil
}

// service is the pdx service of one account on the shared chain and store,
// its keys registered.
func (w *world) service(ctx context.Context, key *ecdsa.PrivateKey) (*service.Service, error) {
	f, err := reencrypt.NewSecretKeyFactory(crypto.Keccak256(crypto.FromECDSA(key)))
	if err != nil {
		return nil, err
	}
	c, err := acl.New(ctx, w.chain.Client(), w.chain.Registry(), key, nil)
	if err != nil {
		return nil, err
	}
	s, err := service.New(ctx, service.Config{Chain: c, Account: key, Store: w.store,
		Signer: reencrypt.NewSigner(f.MakeKey([]byte("pdx/signing"))), Receiving: f.MakeKey([]byte("pdx/receiving")),
		DeployBlock: w.chain.DeployBlock(), Proxies: w.set, AllowPrivateEndpoints: true})
	if err != nil {
		return nil, err
	}
	return s, s.EnsureKeys(ctx)
}

// participate is one participant: its keys on chain, a dataset with one
// version of data, and the join, timed from the call to the join mined.
func (w *world) participate(ctx context.Context, i int, campaign uint64, data []byte) (cid.Cid, float64, error) {
	s, err := w.service(ctx, w.keys[i])
	if err != nil {
		return cid.Cid{}, 0, err
	}
	dsKey, err := reencrypt.GenerateSecretKey()
	if err != nil {
		return cid.Cid{}, 0, err
	}
	ds, err := s.CreateDataset(ctx, dsKey)
	if err != nil {
		return cid.Cid{}, 0, err
	}
	put, err := s.Put(ctx, ds, dsKey, bytes.NewReader(data), "bench")
	if err != nil {
		return cid.Cid{}, 0, err
	}
	c, err := cid.Decode(put.CID)
	if err != nil {
		return cid.Cid{}, 0, err
	}
	t := time.Now()
	if _, err := s.JoinCampaign(ctx, service.CampaignJoin{Campaign: campaign, Dataset: ds, DatasetKey: dsKey}); err != nil {
		return cid.Cid{}, 0, err
	}
	return c, float64(time.Since(t).Microseconds()) / 1000, nil
}

// catchUp has every proxy follow the chain, then warms them: a proxy
// fetches the kfrags of the grants it follows in the background only while
// it has fewer than a few fetches under way, and loads the rest on their
// first request, so an untimed bulk get into scratch makes each load every
// kfrag before the timed gets (and checks they did).
func (w *world) catchUp(ctx context.Context, campaign uint64, n int, scratch string) error {
	for _, r := range w.proxies {
		if _, err := r.Poll(ctx); err != nil {
			return err
		}
	}
	if err := os.Mkdir(scratch, 0o755); err != nil {
		return err
	}
	res, err := w.brand.CampaignGet(ctx, campaign, service.CampaignGetOptions{Purpose: purpose}, service.DirWriter(scratch))
	if err != nil {
		return err
	}
	if res.Read != n {
		return fmt.Errorf("warm-up read %d datasets of %d", res.Read, n)
	}
	// The get returned with two cfrags of each; the third proxy's answers
	// (and loads) finish on their own (proxy.StragglerWait).
	deadline := time.Now().Add(proxyapi.StragglerWait)
	for _, r := range w.proxies {
		for {
			got, err := kfragsStored(r.Proxy)
			if err != nil {
				return err
			}
			if got >= n {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("proxy %s stored %d kfrags of %d", r.Proxy.Address().Hex(), got, n)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	return os.RemoveAll(scratch)
}

func kfragsStored(p *proxy.Proxy) (int, error) {
	mfs, err := p.Registry().Gather()
	if err != nil {
		return 0, err
	}
	for _, mf := range mfs {
		if mf.GetName() == "pdx_proxy_kfrags_stored_total" && len(mf.GetMetric()) > 0 {
			return int(mf.GetMetric()[0].GetCounter().GetValue()), nil
		}
	}
	return 0, nil
}
