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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIRegistry\",\"name\":\"registry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"attempts\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset_\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"}],\"name\":\"buy\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"dataset\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"received\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"refundRevert\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"refused\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractIRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdrawRevert\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	ID:  "ReentrantReceiver",
	Bin: "0x60a060405234801561000f575f5ffd5b50604051610a81380380610a8183398101604081905261002e9161003f565b6001600160a01b031660805261006c565b5f6020828403121561004f575f5ffd5b81516001600160a01b0381168114610065575f5ffd5b9392505050565b6080516109db6100a65f395f818160de015281816101e9015281816103670152818161048d01528181610543015261060f01526109db5ff3fe6080604052600436106100b0575f3560e01c80637b10399911610066578063a4d4f0971161004c578063a4d4f097146103c3578063c3b66a2d146103d6578063edd8e47a146103eb575f5ffd5b80637b1039991461035657806383a6deb5146103ae575f5ffd5b80633ccfd60b116100965780633ccfd60b1461030b5780635754a0421461031f578063590e1ae314610342575f5ffd5b806302b728ab146102ad5780631bc7789f146102ea575f5ffd5b366102a9573460055f8282546100c691906106bd565b9091555050600154156100d557005b600180819055507f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16633ccfd60b6040518163ffffffff1660e01b81526004015f604051808303815f87803b158015610141575f5ffd5b505af1925050508015610152575060015b6101a9573d80801561017f576040519150601f19603f3d011682016040523d82523d5f602084013e610184565b606091505b5060028054905f610194836106d6565b90915550600390506101a682826107e2565b50505b60026001555f546040517fd7194ccb00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff90911660048201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff169063d7194ccb906024015f604051808303815f87803b15801561023f575f5ffd5b505af1925050508015610250575060015b6102a7573d80801561027d576040519150601f19603f3d011682016040523d82523d5f602084013e610282565b606091505b5060028054905f610292836106d6565b90915550600490506102a482826107e2565b50505b005b5f5ffd5b3480156102b8575f5ffd5b505f546102cc9067ffffffffffffffff1681565b60405167ffffffffffffffff90911681526020015b60405180910390f35b3480156102f5575f5ffd5b506102fe6103ff565b6040516102e191906108fd565b348015610316575f5ffd5b506102a761048b565b34801561032a575f5ffd5b5061033460015481565b6040519081526020016102e1565b34801561034d575f5ffd5b506102a7610508565b348015610361575f5ffd5b506103897f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016102e1565b3480156103b9575f5ffd5b5061033460055481565b6102a76103d136600461096c565b610599565b3480156103e1575f5ffd5b5061033460025481565b3480156103f6575f5ffd5b506102fe610683565b6004805461040c9061073a565b80601f01602080910402602001604051908101604052809291908181526020018280546104389061073a565b80156104835780601f1061045a57610100808354040283529160200191610483565b820191905f5260205f20905b81548152906001019060200180831161046657829003601f168201915b505050505081565b7f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff16633ccfd60b6040518163ffffffff1660e01b81526004015f604051808303815f87803b1580156104f0575f5ffd5b505af1158015610502573d5f5f3e3d5ffd5b50505050565b5f546040517fd7194ccb00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff90911660048201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff169063d7194ccb906024015f604051808303815f87803b1580156104f0575f5ffd5b5f80547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff8581169182179092556040517fa4d4f09700000000000000000000000000000000000000000000000000000000815260048101919091526024810184905290821660448201527f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff169063a4d4f0979034906064015f604051808303818588803b158015610667575f5ffd5b505af1158015610679573d5f5f3e3d5ffd5b5050505050505050565b6003805461040c9061073a565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b808201808211156106d0576106d0610690565b92915050565b5f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff820361070657610706610690565b5060010190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b600181811c9082168061074e57607f821691505b602082108103610785577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f8211156107dd57828211156107dd57805f5260205f20601f840160051c60208510156107b657505f5b90810190601f840160051c035f5b818110156107d9575f838201556001016107c4565b5050505b505050565b815167ffffffffffffffff8111156107fc576107fc61070d565b6108108161080a845461073a565b8461078b565b6020601f821160018114610861575f831561082b5750848201515b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600385901b1c1916600184901b1784556108f6565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b828110156108ae578785015182556020948501946001909201910161088e565b50848210156108ea57868401517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b60f8161c191681555b505060018360011b0184555b5050505050565b602081525f82518060208401528060208501604085015e5f6040828501015260407fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011684010191505092915050565b803567ffffffffffffffff81168114610967575f5ffd5b919050565b5f5f5f6060848603121561097e575f5ffd5b61098784610950565b92506020840135915061099c60408501610950565b9050925092509256fea26469706673582212206f38347340f47e84e55df2b2cfcc751c3726822eb60c6451cc490287f6e467e264736f6c63430008250033",
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
// the contract method with ID 0xa4d4f097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function buy(uint64 dataset_, bytes32 termsHash, uint64 duration) payable returns()
func (reentrantReceiver *ReentrantReceiver) PackBuy(dataset uint64, termsHash [32]byte, duration uint64) []byte {
	enc, err := reentrantReceiver.abi.Pack("buy", dataset, termsHash, duration)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBuy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4d4f097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function buy(uint64 dataset_, bytes32 termsHash, uint64 duration) payable returns()
func (reentrantReceiver *ReentrantReceiver) TryPackBuy(dataset uint64, termsHash [32]byte, duration uint64) ([]byte, error) {
	return reentrantReceiver.abi.Pack("buy", dataset, termsHash, duration)
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
