// Package gasmeter measures what each Registry operation costs on the rules
// Ethereum mainnet runs under go-ethereum v1.17.10 (Osaka), not on a dev
// chain's draft forks, so that the figures pdx publishes are the ones a user
// of mainnet would pay.
//
// It runs every operation as a real transaction on go-ethereum's simulated
// backend, whose chain config is set to the Osaka rule set, and reads the gas
// used from the receipt (the 21,000 base, calldata and refunds included).
package gasmeter

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/params/forks"

	"github.com/pdx-network/pdx/contracts/bindings"
)

// Measurement is the gas one operation used.
type Measurement struct {
	Op  string
	Gas uint64
	// Intrinsic is the part charged before execution: the 21,000 base plus
	// calldata (and the value transfer's nothing). Gas - Intrinsic is what the
	// contract's code, storage and logs cost.
	Intrinsic uint64
}

// Targets are the published ceilings (total transaction gas). Measure's
// callers fail when a figure exceeds its target.
var Targets = map[string]uint64{
	"grant":   60_000,
	"revoke":  30_000,
	"add-cid": 60_000,
	"buy":     80_000,
	// A first private offer writes the buyer's slot from zero besides the
	// offer's two: ~22,000 more than a first public offer.
	"offer-private": 100_000,
	"publish":       60_000,
	"unpublish":     35_000,
	// A field grant is a grant: the same ceiling.
	"grant-fields": 60_000,
	// Campaigns: one transaction per brand, one per participant.
	"campaign-create": 120_000,
	"campaign-join":   120_000,
	"campaign-close":  40_000,
}

// Notes say what an operation's line measures where the name alone does not.
var Notes = map[string]string{
	"grant":           "naming 3 proxies (the default shares), one GrantedVia each",
	"grant-1-proxy":   "naming 1 proxy; grant minus this, halved, is the cost of each further proxy",
	"grant-fields":    "a field grant (node/fieldsplit/FIELDS.md) to a first-time grantee, 3 proxies: one grant transaction whatever the number of fields, which only grow the bundle on IPFS (BUNDLE.md 1.2)",
	"grant-purchase":  "naming 3 proxies",
	"revoke":          "a plain grant",
	"revoke-bought":   "a bought grant one day into 30: vested part to the owner, rest to the buyer",
	"withdraw-vested": "settle one bought grant one day in, then pay the balance out",
	"erase":           "with one live bought grant settled in the same transaction",
	"offer-private":   "a first offer of a dataset, to one named buyer",
	"buy-private":     "the named buyer buys a private offer",
	"offer-fields":    "a second offer of a dataset beside its first, under other terms (a field set at another price): its own two slots, written from zero",
	"buy-fields":      "a buyer buys that second offer (the offer is found by dataset and terms hash)",
	"withdraw-offer":  "closes one offer of a dataset, by terms hash; its others stay open",
	"publish":         "first publication of a dataset under a policy hash",
	"unpublish":       "withdrawal of a public dataset",
	"attest":          "a source attests a dataset version on EAS under pdx's schema v1 (36-byte CID, no field fingerprints, 11-byte source name)",
	"attest-revoke":   "the source revokes that attestation",
	"campaign-create": "a brand's first campaign (the campaign counter written from zero), funded for 2 places",
	"campaign-join":   "an owner joins with a dataset the brand holds no grant of, naming 3 proxies: grant, vesting and the place in one transaction (compare grant-purchase plus buy)",
	"campaign-close":  "the brand closes with 1 of 2 places unspent, refunded to its balance",
}

// Ops is the order in which operations are reported.
var Ops = []string{
	"register-keys", "create-dataset", "add-cid", "grant", "revoke", "offer", "buy", "refund",
	"grant-1-proxy", "grant-fields", "grant-purchase", "withdraw-vested", "revoke-bought", "decline", "withdraw",
	"offer-private", "buy-private", "offer-fields", "buy-fields", "withdraw-offer", "publish", "unpublish", "erase",
	"attest", "attest-revoke",
	"campaign-create", "campaign-join", "campaign-close",
}

// OsakaConfig is go-ethereum's all-forks dev config cut back to Osaka, the
// latest fork activated on mainnet in go-ethereum v1.17.10. The draft fork the
// dev config enables after it (Bogota) is off.
func OsakaConfig() *params.ChainConfig {
	c := *params.AllDevChainProtocolChanges
	c.BogotaTime = nil
	c.UBTTime = nil
	return &c
}

// CheckRules verifies that the rule set used for measuring is the one mainnet
// runs now: Osaka in both configs (blob-parameter-only forks aside).
func CheckRules(now time.Time) error {
	ours := OsakaConfig().LatestFork(uint64(now.Unix()))
	if ours != forks.Osaka {
		return fmt.Errorf("gasmeter: measuring config is at fork %v, want Osaka", ours)
	}
	mainnet := params.MainnetChainConfig.LatestFork(uint64(now.Unix()))
	if mainnet < forks.Osaka || mainnet >= forks.Amsterdam {
		return fmt.Errorf("gasmeter: mainnet is at fork %v in this go-ethereum; update OsakaConfig to match", mainnet)
	}
	return nil
}

type meter struct {
	sim     *simulated.Backend
	client  simulated.Client
	reg     *bindings.Registry
	inst    *bind.BoundContract
	chainID *big.Int
}

func (m *meter) send(ctx context.Context, key *ecdsa.PrivateKey, to *common.Address, value *big.Int, data []byte) (*types.Receipt, error) {
	opts := bind.NewKeyedTransactor(key, m.chainID)
	opts.Context = ctx
	opts.Value = value
	var (
		tx  *types.Transaction
		err error
	)
	switch {
	case to == nil:
		_, tx, err = bind.DeployContract(opts, common.FromHex(bindings.RegistryMetaData.Bin), m.client, data)
	case *to == m.inst.Address():
		tx, err = bind.Transact(m.inst, opts, data)
	default:
		tx, err = bind.Transact(bind.NewBoundContract(*to, abi.ABI{}, m.client, m.client, m.client), opts, data)
	}
	if err != nil {
		return nil, err
	}
	m.sim.Commit()
	rc, err := bind.WaitMined(ctx, m.client, tx.Hash())
	if err != nil {
		return nil, err
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return nil, fmt.Errorf("gasmeter: transaction %s reverted", tx.Hash())
	}
	return rc, nil
}

func newKey() *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	if err != nil {
		panic(err) // crypto/rand failure: nothing sensible to do
	}
	return k
}

func random32() [32]byte {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return b
}

// compressed returns a valid 33-byte compressed public key.
func compressed(k *ecdsa.PrivateKey) []byte { return crypto.CompressPubkey(&k.PublicKey) }

// Measure runs each operation once, in an order where each has what it needs,
// and returns the gas used in Ops order.
func Measure(ctx context.Context) ([]Measurement, error) {
	if err := CheckRules(time.Now()); err != nil {
		return nil, err
	}
	return MeasureWith(ctx, OsakaConfig())
}

// MeasureWith is Measure on another rule set, for comparison only (for
// example go-ethereum's dev config, whose draft forks price storage
// differently). Published figures come from Measure.
func MeasureWith(ctx context.Context, config *params.ChainConfig) ([]Measurement, error) {
	owner, brand, brand2, brand3, brand4 := newKey(), newKey(), newKey(), newKey(), newKey()
	eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	alloc := types.GenesisAlloc{}
	for _, k := range []*ecdsa.PrivateKey{owner, brand, brand2, brand3, brand4} {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: new(big.Int).Mul(eth, big.NewInt(100))}
	}
	sim := simulated.NewBackend(alloc, func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = config
	})
	defer sim.Close()
	m := &meter{sim: sim, client: sim.Client(), reg: bindings.NewRegistry()}
	var err error
	if m.chainID, err = m.client.ChainID(ctx); err != nil {
		return nil, err
	}
	const window = 3600
	rc, err := m.send(ctx, owner, nil, nil, m.reg.PackConstructor(window))
	if err != nil {
		return nil, fmt.Errorf("deploy: %w", err)
	}
	m.inst = m.reg.Instance(m.client, rc.ContractAddress)
	addr := rc.ContractAddress

	gas := map[string]uint64{}
	intrinsic := map[string]uint64{}
	step := func(op string, key *ecdsa.PrivateKey, value *big.Int, data []byte) error {
		rc, err := m.send(ctx, key, &addr, value, data)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if _, seen := gas[op]; !seen {
			gas[op] = rc.GasUsed
			from := crypto.PubkeyToAddress(key.PublicKey)
			rules := config.Rules(rc.BlockNumber, true, 0)
			ig, err := core.IntrinsicGas(data, nil, nil, from, &addr, nil, rules)
			if err != nil {
				return err
			}
			intrinsic[op] = ig
		}
		return nil
	}
	brandAddr := crypto.PubkeyToAddress(brand.PublicKey)
	// A CIDv1 (dag-pb, sha2-256) in binary form, as pdx registers them.
	cid := append([]byte{0x01, 0x70, 0x12, 0x20}, func() []byte { b := random32(); return b[:] }()...)
	head, err := m.client.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, err
	}
	expiry := head.Time + 30*24*3600
	price := new(big.Int).Div(eth, big.NewInt(100))
	terms := random32()
	// A field set's offer beside the whole dataset's: other terms, a lower price.
	fieldPrice, fieldTerms := new(big.Int).Div(price, big.NewInt(5)), random32()

	brand2Addr := crypto.PubkeyToAddress(brand2.PublicKey)
	// grant-1-proxy's grantee: a fresh account, as grant's brand was.
	brand5Addr := crypto.PubkeyToAddress(newKey().PublicKey)
	brand6Addr := crypto.PubkeyToAddress(newKey().PublicKey)
	grantTerms := new(big.Int).Or(new(big.Int).SetUint64(expiry), new(big.Int).Lsh(big.NewInt(2), 64))
	// A grant names the proxies its bundle was sealed for, one GrantedVia
	// each: three, the default shares.
	proxies := make([]common.Address, 3)
	for i := range proxies {
		proxies[i] = crypto.PubkeyToAddress(newKey().PublicKey)
	}
	brand4Addr := crypto.PubkeyToAddress(brand4.PublicKey)
	const duration = 30 * 24 * 3600
	type stepT struct {
		op    string
		key   *ecdsa.PrivateKey
		value *big.Int
		data  []byte
		// after moves the clock on once the step is mined.
		after time.Duration
	}
	steps := []stepT{
		{"register-keys", brand, nil, m.reg.PackRegisterKeys(compressed(newKey()), compressed(newKey())), 0},
		{"create-dataset", owner, nil, m.reg.PackCreateDataset(compressed(newKey())), 0},
		{"add-cid", owner, nil, m.reg.PackAddCID(1, cid, random32()), 0},
		{"grant", owner, nil, m.reg.PackGrant(1, brandAddr, grantTerms, random32(), random32(), proxies), 0},
		{"grant-1-proxy", owner, nil, m.reg.PackGrant(1, brand5Addr, grantTerms, random32(), random32(), proxies[:1]), 0},
		// A field grant is the same call: its fields and their kfrags are
		// in the bundle (off chain), named by the same 32-byte digest.
		{"grant-fields", owner, nil, m.reg.PackGrant(1, brand6Addr, grantTerms, random32(), random32(), proxies), 0},
		{"revoke", owner, nil, m.reg.PackRevoke(1, brandAddr), 0},
		{"offer", owner, nil, m.reg.PackOffer(1, price, duration, terms, common.Address{}), 0},
		{"buy", brand, price, m.reg.PackBuy(1, terms, duration), 0},
		{"grant-purchase", owner, nil, m.reg.PackGrantPurchase(1, brandAddr, 2, random32(), random32(), proxies), 24 * time.Hour},
		{"withdraw-vested", owner, nil, m.reg.PackWithdrawVested([]uint64{1}, []common.Address{brandAddr}), 0},
		{"buy", brand2, price, m.reg.PackBuy(1, terms, duration), 0},
		{"grant-purchase", owner, nil, m.reg.PackGrantPurchase(1, brand2Addr, 2, random32(), random32(), proxies), 24 * time.Hour},
		{"revoke-bought", owner, nil, m.reg.PackRevoke(1, brand2Addr), 0},
		{"withdraw", owner, nil, m.reg.PackWithdraw(), 0},
		{"buy", brand4, price, m.reg.PackBuy(1, terms, duration), 0},
		{"decline", owner, nil, m.reg.PackDecline(1, brand4Addr), 0},
		// The refund needs the grant window to have passed.
		{"buy", brand3, price, m.reg.PackBuy(1, terms, duration), (window + 1) * time.Second},
		{"refund", brand3, nil, m.reg.PackRefund(1), 0},
		// A second dataset, so that the private offer is a first offer (its
		// three slots written from zero), the dearest case.
		{"create-dataset", owner, nil, m.reg.PackCreateDataset(compressed(newKey())), 0},
		{"offer-private", owner, nil, m.reg.PackOffer(2, price, duration, terms, brand4Addr), 0},
		{"buy-private", brand4, price, m.reg.PackBuy(2, terms, duration), 0},
		// Interface 4: a second offer of dataset 2 under other terms (a
		// field set) beside the private one, bought by another brand, then
		// withdrawn alone.
		{"offer-fields", owner, nil, m.reg.PackOffer(2, fieldPrice, duration, fieldTerms, common.Address{}), 0},
		{"buy-fields", brand3, fieldPrice, m.reg.PackBuy(2, fieldTerms, duration), 0},
		{"withdraw-offer", owner, nil, m.reg.PackWithdrawOffer(2, fieldTerms), 0},
		{"publish", owner, nil, m.reg.PackPublish(1, random32()), 0},
		{"unpublish", owner, nil, m.reg.PackUnpublish(1), 0},
		{"erase", owner, nil, m.reg.PackErase(1, []common.Address{brandAddr}), 0},
		// A campaign of two places; a third dataset joins it, naming three
		// proxies as grant does, and the brand closes it with one place
		// unspent.
		{"create-dataset", owner, nil, m.reg.PackCreateDataset(compressed(newKey())), 0},
		{"campaign-create", brand, new(big.Int).Mul(price, big.NewInt(2)), m.reg.PackCreateCampaign(random32(), price, duration, 2, head.Time+7*24*3600), 0},
		{"campaign-join", owner, nil, m.reg.PackJoinCampaign(1, 3, 2, random32(), random32(), proxies), 0},
		{"campaign-close", brand, nil, m.reg.PackCloseCampaign(1), 0},
	}
	for _, s := range steps {
		if err := step(s.op, s.key, s.value, s.data); err != nil {
			return nil, err
		}
		if s.after > 0 {
			if err := adjustTime(ctx, sim, s.after); err != nil {
				return nil, err
			}
		}
	}
	if err := m.attestSteps(ctx, config, owner, brand, gas, intrinsic); err != nil {
		return nil, err
	}
	out := make([]Measurement, 0, len(Ops))
	for _, op := range Ops {
		g, ok := gas[op]
		if !ok {
			return nil, fmt.Errorf("gasmeter: %s was not measured", op)
		}
		out = append(out, Measurement{Op: op, Gas: g, Intrinsic: intrinsic[op]})
	}
	return out, nil
}

// adjustTime moves the simulated chain's clock on by d with an empty
// block. The node's pool drops a sealed block's transactions a moment
// after the block is in, and until then refuses to seal a block that only
// moves the clock ("non-empty block"): it is asked again until it has
// caught up, or ctx ends.
func adjustTime(ctx context.Context, sim *simulated.Backend, d time.Duration) error {
	for {
		err := sim.AdjustTime(d)
		if err == nil || !strings.Contains(err.Error(), "non-empty block") {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("gasmeter: the pool kept the last block's transactions: %w", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// MaxCodeSize is the most bytes of runtime code a contract may have on
// mainnet (EIP-170, unchanged in Osaka): a larger Registry cannot be
// deployed.
const MaxCodeSize = 24_576

// ErrCodeTooLarge: the Registry's runtime code is over MaxCodeSize.
var ErrCodeTooLarge = errors.New("gasmeter: the Registry's runtime code is above the EIP-170 limit")

// RegistryCodeSize deploys the Registry on a fresh chain under Osaka rules
// and returns the size of its runtime code, with ErrCodeTooLarge when it is
// over MaxCodeSize. The chain itself refuses such a deployment (the
// receipt fails and says nothing more); this names the cause.
func RegistryCodeSize(ctx context.Context) (int, error) {
	deployer := newKey()
	from := crypto.PubkeyToAddress(deployer.PublicKey)
	eth := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	config := OsakaConfig()
	sim := simulated.NewBackend(types.GenesisAlloc{from: {Balance: eth}}, func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = config
	})
	defer sim.Close()
	client := sim.Client()
	chainID, err := client.ChainID(ctx)
	if err != nil {
		return 0, err
	}
	opts := bind.NewKeyedTransactor(deployer, chainID)
	opts.Context = ctx
	reg := bindings.NewRegistry()
	addr, tx, err := bind.DeployContract(opts, common.FromHex(bindings.RegistryMetaData.Bin), client, reg.PackConstructor(3600))
	if err != nil {
		return 0, fmt.Errorf("deploying the Registry: %w", err)
	}
	sim.Commit()
	rc, err := bind.WaitMined(ctx, client, tx.Hash())
	if err != nil {
		return 0, err
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return 0, fmt.Errorf("%w: the deployment failed (gas used %d)", ErrCodeTooLarge, rc.GasUsed)
	}
	code, err := client.CodeAt(ctx, addr, nil)
	if err != nil {
		return 0, err
	}
	if len(code) > MaxCodeSize {
		return len(code), fmt.Errorf("%w: %d bytes, limit %d", ErrCodeTooLarge, len(code), MaxCodeSize)
	}
	return len(code), nil
}

// ErrOverTarget is returned by Check when an operation costs more than its
// target.
var ErrOverTarget = errors.New("gas above target")

// Check compares measurements with Targets.
func Check(ms []Measurement) error {
	var errs []error
	for _, m := range ms {
		if t, ok := Targets[m.Op]; ok && m.Gas > t {
			errs = append(errs, fmt.Errorf("%w: %s uses %d gas, target %d", ErrOverTarget, m.Op, m.Gas, t))
		}
	}
	return errors.Join(errs...)
}

// attestSchemaV1 is pdx's attestation schema (acl/attest.SchemaV1, which
// this package sits below): the measured attestation carries a claim of
// exactly this shape.
const attestSchemaV1 = "address registry,uint64 dataset,uint32 version,bytes cid,bytes32 fingerprint,bytes32[] fields,string source"

// attestSteps deploys EAS (from deployer), registers pdx's schema, and
// measures one attestation by source and its revocation.
func (m *meter) attestSteps(ctx context.Context, config *params.ChainConfig, deployer, source *ecdsa.PrivateKey, gas, intrinsic map[string]uint64) error {
	deploy := func(bin string, args []byte) (common.Address, error) {
		opts := bind.NewKeyedTransactor(deployer, m.chainID)
		opts.Context = ctx
		a, tx, err := bind.DeployContract(opts, common.FromHex(bin), m.client, args)
		if err != nil {
			return a, err
		}
		m.sim.Commit()
		rc, err := bind.WaitMined(ctx, m.client, tx.Hash())
		if err == nil && rc.Status != types.ReceiptStatusSuccessful {
			err = fmt.Errorf("gasmeter: deployment %s reverted", tx.Hash())
		}
		return a, err
	}
	srAddr, err := deploy(bindings.SchemaRegistryMetaData.Bin, nil)
	if err != nil {
		return fmt.Errorf("deploying SchemaRegistry: %w", err)
	}
	eas := bindings.NewEAS()
	easAddr, err := deploy(bindings.EASMetaData.Bin, eas.PackConstructor(srAddr))
	if err != nil {
		return fmt.Errorf("deploying EAS: %w", err)
	}
	sr := bindings.NewSchemaRegistry()
	if _, err := m.send(ctx, deployer, &srAddr, nil, sr.PackRegister(attestSchemaV1, common.Address{}, true)); err != nil {
		return fmt.Errorf("registering the schema: %w", err)
	}
	schema := crypto.Keccak256Hash([]byte(attestSchemaV1), common.Address{}.Bytes(), []byte{1})
	args := abi.Arguments{}
	for _, t := range []string{"address", "uint64", "uint32", "bytes", "bytes32", "bytes32[]", "string"} {
		ty, err := abi.NewType(t, "", nil)
		if err != nil {
			return err
		}
		args = append(args, abi.Argument{Type: ty})
	}
	cid := append([]byte{0x01, 0x70, 0x12, 0x20}, func() []byte { b := random32(); return b[:] }()...)
	data, err := args.Pack(m.inst.Address(), uint64(1), uint32(1), cid, random32(), [][32]byte{}, "Corner Shop")
	if err != nil {
		return err
	}
	measure := func(op string, calldata []byte) (*types.Receipt, error) {
		rc, err := m.send(ctx, source, &easAddr, nil, calldata)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		from := crypto.PubkeyToAddress(source.PublicKey)
		ig, err := core.IntrinsicGas(calldata, nil, nil, from, &easAddr, nil, config.Rules(rc.BlockNumber, true, 0))
		if err != nil {
			return nil, err
		}
		gas[op], intrinsic[op] = rc.GasUsed, ig
		return rc, nil
	}
	owner := crypto.PubkeyToAddress(newKey().PublicKey)
	rc, err := measure("attest", eas.PackAttest(bindings.AttestationRequest{
		Schema: schema,
		Data:   bindings.AttestationRequestData{Recipient: owner, Revocable: true, Data: data, Value: new(big.Int)},
	}))
	if err != nil {
		return err
	}
	var uid [32]byte
	for _, l := range rc.Logs {
		if ev, err := eas.UnpackAttestedEvent(l); err == nil {
			uid = ev.Uid
		}
	}
	if uid == ([32]byte{}) {
		return errors.New("gasmeter: the attestation logged no Attested event")
	}
	_, err = measure("attest-revoke", eas.PackRevoke(bindings.RevocationRequest{
		Schema: schema, Data: bindings.RevocationRequestData{Uid: uid, Value: new(big.Int)},
	}))
	return err
}
