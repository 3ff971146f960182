// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// ReentrantReceiverMetaData contains all meta data concerning the ReentrantReceiver contract.
var ReentrantReceiverMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIRegistry\",\"name\":\"registry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"attempts\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset_\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"buy\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"dataset\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"received\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"refundRevert\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"refused\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractIRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawRevert\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	ID:  "ReentrantReceiver",
	Bin: "0x60a060405234801561000f575f5ffd5b50604051610a58380380610a5883398101604081905261002e9161003f565b6001600160a01b031660805261006c565b5f6020828403121561004f575f5ffd5b81516001600160a01b0381168114610065575f5ffd5b9392505050565b6080516109b26100a65f395f818160de015281816101e90152818161037a015281816104f80152818161056d015261062301526109b25ff3fe6080604052600436106100b0575f3560e01c8063590e1ae31161006657806383a6deb51161004c57806383a6deb5146103c1578063c3b66a2d146103d6578063edd8e47a146103eb575f5ffd5b8063590e1ae3146103555780637b10399914610369575f5ffd5b80633549f624116100965780633549f6241461030b5780633ccfd60b1461031e5780635754a04214610332575f5ffd5b806302b728ab146102ad5780631bc7789f146102ea575f5ffd5b366102a9573460055f8282546100c691906106b3565b9091555050600154156100d557005b600180819055507f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16633ccfd60b6040518163ffffffff1660e01b81526004015f604051808303815f87803b158015610141575f5ffd5b505af1925050508015610152575060015b6101a9573d80801561017f576040519150601f19603f3d011682016040523d82523d5f602084013e610184565b606091505b5060028054905f610194836106cc565b90915550600390506101a682826107d8565b50505b60026001555f546040517fd7194ccb00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff90911660048201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff169063d7194ccb906024015f604051808303815f87803b15801561023f575f5ffd5b505af1925050508015610250575060015b6102a7573d80801561027d576040519150601f19603f3d011682016040523d82523d5f602084013e610282565b606091505b5060028054905f610292836106cc565b90915550600490506102a482826107d8565b50505b005b5f5ffd5b3480156102b8575f5ffd5b505f546102cc9067ffffffffffffffff1681565b60405167ffffffffffffffff90911681526020015b60405180910390f35b3480156102f5575f5ffd5b506102fe6103ff565b6040516102e191906108f3565b6102a7610319366004610946565b61048b565b348015610329575f5ffd5b506102a761056b565b34801561033d575f5ffd5b5061034760015481565b6040519081526020016102e1565b348015610360575f5ffd5b506102a76105e8565b348015610374575f5ffd5b5061039c7f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016102e1565b3480156103cc575f5ffd5b5061034760055481565b3480156103e1575f5ffd5b5061034760025481565b3480156103f6575f5ffd5b506102fe610679565b6004805461040c90610730565b80601f016020809104026020016040519081016040528092919081815260200182805461043890610730565b80156104835780601f1061045a57610100808354040283529160200191610483565b820191905f5260205f20905b81548152906001019060200180831161046657829003601f168201915b505050505081565b5f80547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff84169081179091556040517f3549f6240000000000000000000000000000000000000000000000000000000081526004810191909152602481018290527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1690633549f6249034906044015f604051808303818588803b158015610550575f5ffd5b505af1158015610562573d5f5f3e3d5ffd5b50505050505050565b7f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16633ccfd60b6040518163ffffffff1660e01b81526004015f604051808303815f87803b1580156105d0575f5ffd5b505af11580156105e2573d5f5f3e3d5ffd5b50505050565b5f546040517fd7194ccb00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff90911660048201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff169063d7194ccb906024015f604051808303815f87803b1580156105d0575f5ffd5b6003805461040c90610730565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b808201808211156106c6576106c6610686565b92915050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82036106fc576106fc610686565b5060010190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b600181811c9082168061074457607f821691505b60208210810361077b577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f8211156107d357828211156107d357805f5260205f20601f840160051c60208510156107ac57505f5b90810190601f840160051c035f5b818110156107cf575f838201556001016107ba565b5050505b505050565b815167ffffffffffffffff8111156107f2576107f2610703565b610806816108008454610730565b84610781565b6020601f821160018114610857575f83156108215750848201515b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600385901b1c1916600184901b1784556108ec565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b828110156108a45787850151825560209485019460019092019101610884565b50848210156108e057868401517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b60f8161c191681555b505060018360011b0184555b5050505050565b602081525f82518060208401528060208501604085015e5f6040828501015260407fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011684010191505092915050565b5f5f60408385031215610957575f5ffd5b823567ffffffffffffffff8116811461096e575f5ffd5b94602093909301359350505056fea2646970667358221220b53190724c62fafff60e1c39d36e8efb4780444845eb5b48d8f731e4459b14bc64736f6c63430008250033",
}

// ReentrantReceiver is an auto generated Go binding around an Ethereum contract.
type ReentrantReceiver struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ReentrantReceiver) GetABI() abi.ABI {
	return c.abi
}

// NewReentrantReceiver creates a new instance of ReentrantReceiver.
func NewReentrantReceiver() *ReentrantReceiver {
	parsed, err := ReentrantReceiverMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ReentrantReceiver{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ReentrantReceiver) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry_) returns()
func (reentrantReceiver *ReentrantReceiver) PackConstructor(registry_ common.Address) []byte {
	enc, err := reentrantReceiver.abi.Pack("", registry_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAttempts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5754a042.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attempts() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) PackAttempts() []byte {
	enc, err := reentrantReceiver.abi.Pack("attempts")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttempts is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5754a042.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attempts() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) TryPackAttempts() ([]byte, error) {
	return reentrantReceiver.abi.Pack("attempts")
}

// UnpackAttempts is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5754a042.
//
// Solidity: function attempts() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) UnpackAttempts(data []byte) (*big.Int, error) {
	out, err := reentrantReceiver.abi.Unpack("attempts", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBuy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3549f624.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function buy(uint64 dataset_, bytes32 termsHash) payable returns()
func (reentrantReceiver *ReentrantReceiver) PackBuy(dataset uint64, termsHash [32]byte) []byte {
	enc, err := reentrantReceiver.abi.Pack("buy", dataset, termsHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBuy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3549f624.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function buy(uint64 dataset_, bytes32 termsHash) payable returns()
func (reentrantReceiver *ReentrantReceiver) TryPackBuy(dataset uint64, termsHash [32]byte) ([]byte, error) {
	return reentrantReceiver.abi.Pack("buy", dataset, termsHash)
}

// PackDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02b728ab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function dataset() view returns(uint64)
func (reentrantReceiver *ReentrantReceiver) PackDataset() []byte {
	enc, err := reentrantReceiver.abi.Pack("dataset")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02b728ab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function dataset() view returns(uint64)
func (reentrantReceiver *ReentrantReceiver) TryPackDataset() ([]byte, error) {
	return reentrantReceiver.abi.Pack("dataset")
}

// UnpackDataset is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x02b728ab.
//
// Solidity: function dataset() view returns(uint64)
func (reentrantReceiver *ReentrantReceiver) UnpackDataset(data []byte) (uint64, error) {
	out, err := reentrantReceiver.abi.Unpack("dataset", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackReceived is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83a6deb5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function received() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) PackReceived() []byte {
	enc, err := reentrantReceiver.abi.Pack("received")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReceived is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x83a6deb5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function received() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) TryPackReceived() ([]byte, error) {
	return reentrantReceiver.abi.Pack("received")
}

// UnpackReceived is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x83a6deb5.
//
// Solidity: function received() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) UnpackReceived(data []byte) (*big.Int, error) {
	out, err := reentrantReceiver.abi.Unpack("received", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x590e1ae3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refund() returns()
func (reentrantReceiver *ReentrantReceiver) PackRefund() []byte {
	enc, err := reentrantReceiver.abi.Pack("refund")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x590e1ae3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refund() returns()
func (reentrantReceiver *ReentrantReceiver) TryPackRefund() ([]byte, error) {
	return reentrantReceiver.abi.Pack("refund")
}

// PackRefundRevert is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1bc7789f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refundRevert() view returns(bytes)
func (reentrantReceiver *ReentrantReceiver) PackRefundRevert() []byte {
	enc, err := reentrantReceiver.abi.Pack("refundRevert")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefundRevert is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1bc7789f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refundRevert() view returns(bytes)
func (reentrantReceiver *ReentrantReceiver) TryPackRefundRevert() ([]byte, error) {
	return reentrantReceiver.abi.Pack("refundRevert")
}

// UnpackRefundRevert is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1bc7789f.
//
// Solidity: function refundRevert() view returns(bytes)
func (reentrantReceiver *ReentrantReceiver) UnpackRefundRevert(data []byte) ([]byte, error) {
	out, err := reentrantReceiver.abi.Unpack("refundRevert", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackRefused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3b66a2d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refused() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) PackRefused() []byte {
	enc, err := reentrantReceiver.abi.Pack("refused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3b66a2d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refused() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) TryPackRefused() ([]byte, error) {
	return reentrantReceiver.abi.Pack("refused")
}

// UnpackRefused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc3b66a2d.
//
// Solidity: function refused() view returns(uint256)
func (reentrantReceiver *ReentrantReceiver) UnpackRefused(data []byte) (*big.Int, error) {
	out, err := reentrantReceiver.abi.Unpack("refused", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (reentrantReceiver *ReentrantReceiver) PackRegistry() []byte {
	enc, err := reentrantReceiver.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (reentrantReceiver *ReentrantReceiver) TryPackRegistry() ([]byte, error) {
	return reentrantReceiver.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (reentrantReceiver *ReentrantReceiver) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := reentrantReceiver.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (reentrantReceiver *ReentrantReceiver) PackWithdraw() []byte {
	enc, err := reentrantReceiver.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns()
func (reentrantReceiver *ReentrantReceiver) TryPackWithdraw() ([]byte, error) {
	return reentrantReceiver.abi.Pack("withdraw")
}

// PackWithdrawRevert is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xedd8e47a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawRevert() view returns(bytes)
func (reentrantReceiver *ReentrantReceiver) PackWithdrawRevert() []byte {
	enc, err := reentrantReceiver.abi.Pack("withdrawRevert")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawRevert is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xedd8e47a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawRevert() view returns(bytes)
func (reentrantReceiver *ReentrantReceiver) TryPackWithdrawRevert() ([]byte, error) {
	return reentrantReceiver.abi.Pack("withdrawRevert")
}

// UnpackWithdrawRevert is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xedd8e47a.
//
// Solidity: function withdrawRevert() view returns(bytes)
func (reentrantReceiver *ReentrantReceiver) UnpackWithdrawRevert(data []byte) ([]byte, error) {
	out, err := reentrantReceiver.abi.Unpack("withdrawRevert", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}
