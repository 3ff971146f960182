package daemon

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/params"

	"github.com/pdx-network/pdx/internal/config"
)

// DefaultFundWei is what POST /v1/fund tops an account up to when the
// request names no amount: 10 ether, enough for thousands of grants and
// purchases on the dev chain.
var DefaultFundWei = new(big.Int).Mul(big.NewInt(10), big.NewInt(params.Ether))

// Faucet tops an account up to wei on the daemon's embedded dev chain and
// returns what it sent and the transaction (zero hash when nothing).
type Faucet func(ctx context.Context, to common.Address, wei *big.Int) (*big.Int, common.Hash, error)

// ErrNotJoinable: this daemon's network cannot be joined (its chain serves
// no JSON-RPC to other homes).
var ErrNotJoinable = errors.New("this network cannot be joined")

// ErrNotDev: pdx fund on a chain that is not the daemon's own dev chain.
var ErrNotDev = errors.New("only an owner's embedded dev chain can fund accounts")

// network answers GET /v1/network, without the token: everything in it is
// public on chain or an address a member dials anyway (docs/api.md).
func (d *Daemon) network(w http.ResponseWriter, r *http.Request) error {
	if d.cfg.Network == nil {
		return ErrNotJoinable
	}
	n, err := d.cfg.Network(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, n)
	return nil
}

// FundRequest is the body of POST /v1/fund.
type FundRequest struct {
	Address string `json:"address"`
	// AmountWei is the balance to top the account up to (decimal wei);
	// empty means DefaultFundWei.
	AmountWei string `json:"amount_wei,omitempty"`
}

// FundResponse is its answer.
type FundResponse struct {
	Address string `json:"address"`
	// SentWei is what was sent: "0" when the account already held the
	// amount.
	SentWei    string `json:"sent_wei"`
	BalanceWei string `json:"balance_wei"`
	Tx         string `json:"tx,omitempty"`
}

func (d *Daemon) fund(w http.ResponseWriter, r *http.Request) error {
	var req FundRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	to, err := parseAddress("address", req.Address)
	if err != nil {
		return err
	}
	amount := new(big.Int).Set(DefaultFundWei)
	if req.AmountWei != "" {
		var ok bool
		if amount, ok = new(big.Int).SetString(req.AmountWei, 10); !ok || amount.Sign() <= 0 {
			return badRequest("amount_wei %q is not a positive number of wei", req.AmountWei)
		}
	}
	if d.cfg.Faucet == nil {
		return fmt.Errorf("%w: this home uses the chain at %s (chain.mode = \"rpc\"); ask the network's owner to run pdx fund, or send ether from a wallet", ErrNotDev, d.conf.Chain.RPCURL)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	sent, tx, err := d.cfg.Faucet(r.Context(), to, amount)
	if err != nil {
		return err
	}
	res := FundResponse{Address: to.Hex(), SentWei: sent.String(), BalanceWei: amount.String()}
	if tx != (common.Hash{}) {
		res.Tx = tx.Hex()
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// joinNetwork is what GET /v1/network says of a node; Start fills it in.
func joinNetwork(chainID uint64, rpcURL string, registry common.Address, block uint64, dev bool, proxies []string, conf *config.Config, peers []string) *config.Network {
	return &config.Network{
		Version: config.NetworkVersion, ChainID: chainID, RPCURL: rpcURL,
		Registry: registry.Hex(), RegistryBlock: block, Dev: dev,
		Proxies:   config.NetworkProxies{Addresses: proxies, Threshold: conf.Proxies.Threshold, Shares: conf.Proxies.Shares},
		IPFSPeers: peers,
	}
}
