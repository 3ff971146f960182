package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	carv2 "github.com/ipld/go-car/v2"

	"github.com/pdx-network/pdx/internal/cli"
	"github.com/pdx-network/pdx/internal/home"
	"github.com/pdx-network/pdx/node/daemon"
	"github.com/pdx-network/pdx/node/service"
)

// viewsGrantWindow is the chain's grant window in TestDaemonViewsCLI:
// short, so a refund becomes possible within the test.
const viewsGrantWindow = 3 * time.Second

// TestDaemonViewsCLI drives market, purchases, granted, grants, log's
// access log, rotate, export and refund through the CLI code path: an
// owner's `pdx daemon` (chain.mode = "rpc", on a dev chain with a short
// grant window that the test owns) and a brand's daemon on the same
// chain.
func TestDaemonViewsCLI(t *testing.T) {
	ctx, root, ownerDir, brandDir, ownerEnv, brandEnv := twoHomes(t)
	ownerHome, err := home.Load(ownerDir)
	if err != nil {
		t.Fatal(err)
	}
	brandHome, err := home.Load(brandDir)
	if err != nil {
		t.Fatal(err)
	}
	ownerAddr, brandAddr := ownerHome.Keys().Address.Hex(), brandHome.Keys().Address.Hex()
	fundAtGenesis := append([]common.Address{ownerHome.Keys().Address, brandHome.Keys().Address}, localProxyKeys(t, ownerDir)...)
	ch := rpcChain(t, ctx, root, fundAtGenesis, viewsGrantWindow)
	ownerEnv = rpcEnv(ownerEnv, ch)
	owner := startDaemon(t, ctx, ownerDir, ownerEnv)
	stopBrand := startBrandOn(t, ctx, ch, owner.node.Store, brandDir, portOf(brandEnv))
	defer stopBrand()
	O := []string{"--home", ownerDir}
	B := []string{"--home", brandDir}
	args := func(who []string, rest ...string) []string { return append(slices.Clone(who), rest...) }

	data := make([]byte, 70<<10)
	rand.Read(data)
	file := filepath.Join(root, "history.csv")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var put putResult
	pdxJSON(t, ctx, ownerEnv, &put, args(O, "put", file, "--dataset", "history")...)
	var of daemon.OfferResponse
	pdxJSON(t, ctx, ownerEnv, &of, args(O, "offer", "history", "--price", "0.01eth", "--duration", "30d", "--terms", "research")...)

	// First a purchase nobody grants (the brand's daemon runs no market
	// agent), made early so the blocks the rest of the test seals move
	// the chain's clock past its deadline.
	var bput putResult
	pdxJSON(t, ctx, brandEnv, &bput, args(B, "put", file, "--dataset", "brandset")...)
	pdxJSON(t, ctx, brandEnv, &daemon.OfferResponse{}, args(B, "offer", "brandset", "--price", "1000", "--duration", "1d", "--terms", "marketing")...)
	bid := strconv.FormatUint(bput.ID, 10)
	pdxJSON(t, ctx, ownerEnv, &daemon.BuyResponse{}, args(O, "buy", bid, "--terms", "marketing")...)
	if code, _, errOut := pdx(t, ctx, ownerEnv, args(O, "refund", bid)...); code != cli.ExitRefused || !strings.Contains(errOut, "refund after that") {
		t.Fatalf("refund within the grant window: exit %d, want %d: %s", code, cli.ExitRefused, errOut)
	}
	var pl daemon.PurchaseList
	pdxJSON(t, ctx, ownerEnv, &pl, args(O, "purchases")...)
	if len(pl.Purchases) != 1 || pl.Purchases[0].State != service.PurchaseEscrow || pl.Purchases[0].Owner != brandAddr || pl.Purchases[0].Terms != "marketing" {
		t.Fatalf("owner's purchases %+v, want brandset in escrow", pl.Purchases)
	}
	deadline, err := time.Parse(time.RFC3339, pl.Purchases[0].Deadline)
	if err != nil {
		t.Fatal(err)
	}

	// market: the owner's offer for the brand, with its terms.
	var mk daemon.MarketList
	pdxJSON(t, ctx, brandEnv, &mk, args(B, "market")...)
	var seen *daemon.OfferView
	for i, o := range mk.Offers {
		if o.Dataset == of.ID {
			seen = &mk.Offers[i]
		}
	}
	if len(mk.Offers) != 2 || seen == nil || seen.Owner != ownerAddr || seen.PriceWei != "10000000000000000" || seen.Duration != "30d" ||
		seen.Terms != "research" || seen.Mine {
		t.Fatalf("brand's market %+v, want the owner's offer of dataset %d for research", mk.Offers, of.ID)
	}
	if code, text, _ := pdx(t, ctx, brandEnv, args(B, "market")...); code != 0 || !bytes.Contains(text, []byte(`"research"`)) || !bytes.Contains(text, []byte("0.01 ETH")) {
		t.Errorf("market as text: exit %d:\n%s", code, text)
	}

	// The brand buys; the owner's agent grants; the brand sees the grant
	// and its CIDs, and reads.
	pdxJSON(t, ctx, brandEnv, &daemon.BuyResponse{}, args(B, "buy", strconv.FormatUint(of.ID, 10), "--terms", "research")...)
	until := time.Now().Add(30 * time.Second)
	for {
		pdxJSON(t, ctx, brandEnv, &pl, args(B, "purchases")...)
		if len(pl.Purchases) == 1 && pl.Purchases[0].State == service.PurchaseGranted || time.Now().After(until) {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	if len(pl.Purchases) != 1 || pl.Purchases[0].State != service.PurchaseGranted || pl.Purchases[0].Dataset != of.ID || pl.Purchases[0].AmountWei != "10000000000000000" {
		t.Fatalf("brand's purchases %+v, want history granted; owner's log:\n%s", pl.Purchases, owner.stderr)
	}
	var gd daemon.GrantedList
	pdxJSON(t, ctx, brandEnv, &gd, args(B, "granted")...)
	if len(gd.Grants) != 1 || gd.Grants[0].Dataset != of.ID || !gd.Grants[0].Active || gd.Grants[0].Purpose != "research" ||
		len(gd.Grants[0].Versions) != 1 || gd.Grants[0].Versions[0].CID != put.CID {
		t.Fatalf("brand's granted %+v, want history with %s", gd.Grants, put.CID)
	}
	got := filepath.Join(root, "got.csv")
	if code, _, errOut := eventually(t, ctx, 0, brandEnv, args(B, "get", put.CID, "-o", got)...); code != 0 {
		t.Fatalf("brand get: exit %d: %s", code, errOut)
	}
	if b, err := os.ReadFile(got); err != nil || !bytes.Equal(b, data) {
		t.Fatalf("brand get: %d bytes (%v)", len(b), err)
	}

	// The owner's log shows who read which version, for what.
	var lg logResult
	pdxJSON(t, ctx, ownerEnv, &lg, args(O, "log")...)
	if len(lg.Access) < 2 || lg.AccessError != "" {
		t.Fatalf("access log %+v (%s), want the brand's read from at least 2 proxies", lg.Access, lg.AccessError)
	}
	for _, a := range lg.Access {
		if a.Dataset != "history" || a.Version != 1 || a.CID != put.CID || a.Reader != brandAddr || a.Purpose != "research" {
			t.Fatalf("access entry %+v", a)
		}
	}
	if code, text, _ := pdx(t, ctx, ownerEnv, args(O, "log")...); code != 0 || !bytes.Contains(text, []byte("READS")) || !bytes.Contains(text, []byte(brandAddr)) {
		t.Errorf("log as text lacks the reads: exit %d:\n%s", code, text)
	}
	var gl daemon.GrantList
	pdxJSON(t, ctx, ownerEnv, &gl, args(O, "grants", "history")...)
	if len(gl.Grants) != 1 || gl.Grants[0].Grantee != brandAddr || !gl.Grants[0].Active || gl.Grants[0].Purpose != "research" {
		t.Fatalf("grants %+v", gl.Grants)
	}
	if code, _, errOut := pdx(t, ctx, ownerEnv, args(O, "grants", "nosuchset")...); code != cli.ExitUsage {
		t.Errorf("grants of an unknown dataset: exit %d, want %d: %s", code, cli.ExitUsage, errOut)
	}

	// rotate re-grants the brand's live grant.
	var rot daemon.RotateResponse
	pdxJSON(t, ctx, ownerEnv, &rot, args(O, "rotate", "history")...)
	if rot.Epoch != 1 || !slices.Equal(rot.Regranted, []string{brandAddr}) {
		t.Fatalf("rotate %+v", rot)
	}
	if code, _, errOut := pdx(t, ctx, ownerEnv, args(O, "rotate", "nosuchset")...); code != cli.ExitUsage {
		t.Errorf("rotate of an unknown dataset: exit %d, want %d: %s", code, cli.ExitUsage, errOut)
	}
	var put2 putResult
	pdxJSON(t, ctx, ownerEnv, &put2, args(O, "put", file, "--dataset", "history")...)

	// export: a CAR whose roots are the versions' CIDs and a manifest
	// that matches ls.
	out := filepath.Join(root, "export")
	var ex exportResult
	pdxJSON(t, ctx, ownerEnv, &ex, args(O, "export", "-o", out)...)
	var ls daemon.DatasetList
	pdxJSON(t, ctx, ownerEnv, &ls, args(O, "ls")...)
	var cids []string
	for _, v := range ls.Datasets[0].Versions {
		cids = append(cids, v.CID)
	}
	if len(cids) != 2 || !slices.Equal(ex.Roots, cids) {
		t.Fatalf("export roots %v, ls versions %v", ex.Roots, cids)
	}
	f, err := os.Open(filepath.Join(out, "data.car"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr, err := carv2.NewBlockReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var roots []string
	for _, c := range cr.Roots {
		roots = append(roots, c.String())
	}
	if !slices.Equal(roots, cids) {
		t.Fatalf("CAR roots %v, want %v", roots, cids)
	}
	blocks := map[string]bool{}
	for {
		blk, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		blocks[blk.Cid().String()] = true
	}
	for _, c := range cids {
		if !blocks[c] {
			t.Fatalf("the CAR lacks %s", c)
		}
	}
	mb, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m daemon.Manifest
	if err := json.Unmarshal(mb, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Datasets) != len(ls.Datasets) {
		t.Fatalf("manifest datasets %+v, ls %+v", m.Datasets, ls.Datasets)
	}
	for i, d := range ls.Datasets {
		md := m.Datasets[i]
		if md.Name != d.Name || md.ID != d.ID || !reflect.DeepEqual(md.Versions, d.Versions) || len(md.Keys) != 0 {
			t.Fatalf("manifest dataset %+v, ls %+v", md, d)
		}
	}
	if code, _, errOut := pdx(t, ctx, ownerEnv, args(O, "export", "-o", out)...); code != cli.ExitConflict {
		t.Errorf("export over an export: exit %d, want %d: %s", code, cli.ExitConflict, errOut)
	}

	// refund, now or once the chain's clock passed the deadline (it moves
	// only with a block: the brand's put seals one).
	var rf daemon.RefundResponse
	code, stdout, errOut := pdx(t, ctx, ownerEnv, args(O, "--json", "refund", bid)...)
	if code == cli.ExitRefused {
		time.Sleep(time.Until(deadline) + 1100*time.Millisecond)
		pdxJSON(t, ctx, brandEnv, &putResult{}, args(B, "put", file, "--dataset", "tick")...)
		code, stdout, errOut = pdx(t, ctx, ownerEnv, args(O, "--json", "refund", bid)...)
	}
	if code != 0 {
		t.Fatalf("refund after the grant window: exit %d: %s%s", code, stdout, errOut)
	}
	if err := json.Unmarshal(stdout, &rf); err != nil || rf.AmountWei != "1000" || rf.ID != bput.ID {
		t.Fatalf("refund %s (%v)", stdout, err)
	}
	pdxJSON(t, ctx, ownerEnv, &pl, args(O, "purchases")...)
	if len(pl.Purchases) != 1 || pl.Purchases[0].State != service.PurchaseRefunded {
		t.Fatalf("owner's purchases after the refund %+v", pl.Purchases)
	}
	if code, _, errOut := pdx(t, ctx, ownerEnv, args(O, "refund", bid)...); code != cli.ExitNotFound || !strings.Contains(errOut, "no purchase") {
		t.Errorf("second refund: exit %d, want %d: %s", code, cli.ExitNotFound, errOut)
	}
	var wd daemon.WithdrawResponse
	pdxJSON(t, ctx, ownerEnv, &wd, args(O, "withdraw")...)
	// The refunded purchase, and what the sale's price (vesting over 30
	// days) has vested in the seconds since the grant.
	wdAmount, ok := new(big.Int).SetString(wd.AmountWei, 10)
	if !ok || wdAmount.Cmp(big.NewInt(1000)) < 0 || wdAmount.Cmp(big.NewInt(1000+10000000000000000/1000)) > 0 {
		t.Errorf("withdraw after the sale and the refund: %s wei, want the 1000 refunded plus seconds' vesting of 10000000000000000", wd.AmountWei)
	}
}
