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

// RegistryMetaData contains all meta data concerning the Registry contract.
var RegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"grantWindow_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"}],\"name\":\"CIDExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"DatasetErased\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidCID\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"}],\"name\":\"InvalidExpiry\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidGrantee\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidKey\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidOffer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProxy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"}],\"name\":\"InvalidTerms\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidThreshold\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"KeysAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"NoGrant\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"NoOffer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"NoPurchase\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"PurchasePending\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Reentrancy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"RefundTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"expected\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"current\",\"type\":\"bytes32\"}],\"name\":\"TermsChanged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"UnknownDataset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"}],\"name\":\"WrongPayment\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"fingerprint\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"}],\"name\":\"CIDAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"name\":\"DatasetCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"Erased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"grant\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"}],\"name\":\"Granted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"name\":\"KeyRotated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"name\":\"KeysRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"OfferWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"Offered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proxy\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"name\":\"ProxyRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"Purchased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Refunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Released\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"fingerprint\",\"type\":\"bytes32\"}],\"name\":\"addCID\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"buy\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"}],\"name\":\"cidInfo\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"},{\"internalType\":\"bytes20\",\"name\":\"fingerprintPrefix\",\"type\":\"bytes20\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"name\":\"createDataset\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"datasetCount\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"datasetInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"versions\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"erased\",\"type\":\"bool\"},{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"erase\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"}],\"name\":\"grant\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"grantOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"},{\"internalType\":\"uint8\",\"name\":\"threshold\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"bought\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"threshold\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"}],\"name\":\"grantPurchase\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"grantWindow\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"isAuthorized\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"keysOf\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"offer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"offerOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"proxyAt\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"proxyCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"proxy\",\"type\":\"address\"}],\"name\":\"proxyOf\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"purchaseOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"name\":\"registerKeys\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"name\":\"registerProxy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"name\":\"rotateKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"withdrawOffer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Registry",
	Bin: "0x60a0604052600180553480156012575f5ffd5b50604051612c93380380612c93833981016040819052602f91603f565b6001600160401b0316608052606a565b5f60208284031215604e575f5ffd5b81516001600160401b03811681146063575f5ffd5b9392505050565b608051612c0a6100895f395f818161063d0152610b0d0152612c0a5ff3fe6080604052600436106101a4575f3560e01c806373da046a116100e7578063cf1fed3d11610087578063ead4311f11610062578063ead4311f1461062c578063f2c8e5501461065f578063f3c4a4141461067e578063fc5952e0146106c2575f5ffd5b8063cf1fed3d146105bf578063d7194ccb146105ee578063df4ba78d1461060d575f5ffd5b8063a130fa60116100c2578063a130fa6014610543578063a260b59414610562578063a65af27914610581578063c1a9a508146105a0575f5ffd5b806373da046a1461041957806378e879c3146104a55780638c629120146104c4575f5ffd5b80633ccfd60b116101525780636c186c091161012d5780636c186c09146103665780636e09c9ce1461039a578063700d5765146103b957806370a08231146103d8575f5ffd5b80633ccfd60b146103045780635583eada1461031857806355a1179e14610337575f5ffd5b806337d2e5d21161018257806337d2e5d2146102115780633c8935b9146102305780633cb6884f14610262575f5ffd5b80630e959b29146101a85780633549f624146101de57806337c954d8146101f3575b5f5ffd5b3480156101b3575f5ffd5b506101c76101c23660046123d9565b61076b565b6040516101d5929190612445565b60405180910390f35b6101f16101ec366004612489565b6108b7565b005b3480156101fe575f5ffd5b50600c545b6040519081526020016101d5565b34801561021c575f5ffd5b506101f161022b3660046124b1565b610c06565b34801561023b575f5ffd5b505f5467ffffffffffffffff165b60405167ffffffffffffffff90911681526020016101d5565b34801561026d575f5ffd5b506102da61027c3660046124ca565b73ffffffffffffffffffffffffffffffffffffffff1660a09190911b7bffffffffffffffff000000000000000000000000000000000000000016175f908152600560205260409081902054919082901c906002604884901c16151590565b6040805167ffffffffffffffff909416845260ff90921660208401521515908201526060016101d5565b34801561030f575f5ffd5b506101f1610cbe565b348015610323575f5ffd5b506101f16103323660046124f2565b610e25565b348015610342575f5ffd5b506103566103513660046124ca565b61103c565b60405190151581526020016101d5565b348015610371575f5ffd5b5061038561038036600461258f565b6110d3565b60405163ffffffff90911681526020016101d5565b3480156103a5575f5ffd5b506101f16103b43660046125e5565b61128b565b3480156103c4575f5ffd5b506101f16103d3366004612626565b611381565b3480156103e3575f5ffd5b506102036103f23660046123d9565b73ffffffffffffffffffffffffffffffffffffffff165f9081526009602052604090205490565b348015610424575f5ffd5b50610438610433366004612692565b611502565b6040805167ffffffffffffffff909516855273ffffffffffffffffffffffffffffffffffffffff909316602085015263ffffffff909116918301919091527fffffffffffffffffffffffffffffffffffffffff0000000000000000000000001660608201526080016101d5565b3480156104b0575f5ffd5b506102496104bf3660046126a9565b611581565b3480156104cf575f5ffd5b5061051f6104de3660046124b1565b67ffffffffffffffff165f908152600660209081526040808320546007909252909120546fffffffffffffffffffffffffffffffff82169260809290921c91565b6040805193845267ffffffffffffffff9092166020840152908201526060016101d5565b34801561054e575f5ffd5b506101f161055d366004612626565b611657565b34801561056d575f5ffd5b506101f161057c3660046124b1565b61177b565b34801561058c575f5ffd5b506101f161059b3660046124ca565b6117f7565b3480156105ab575f5ffd5b506101c76105ba3660046123d9565b611909565b3480156105ca575f5ffd5b506105de6105d93660046124b1565b611a58565b6040516101d594939291906126e8565b3480156105f9575f5ffd5b506101f16106083660046124b1565b611b42565b348015610618575f5ffd5b506101f1610627366004612734565b611ccc565b348015610637575f5ffd5b506102497f000000000000000000000000000000000000000000000000000000000000000081565b34801561066a575f5ffd5b506101f161067936600461277d565b611d9f565b348015610689575f5ffd5b5061069d610698366004612692565b611ec5565b60405173ffffffffffffffffffffffffffffffffffffffff90911681526020016101d5565b3480156106cd575f5ffd5b506107456106dc3660046124ca565b73ffffffffffffffffffffffffffffffffffffffff1660a09190911b7bffffffffffffffff000000000000000000000000000000000000000016175f908152600860205260409020546fffffffffffffffffffffffffffffffff811691608082901c9160c01c90565b6040805193845267ffffffffffffffff92831660208501529116908201526060016101d5565b73ffffffffffffffffffffffffffffffffffffffff81165f908152600a60205260408120600281015460609283929160f81b7fff000000000000000000000000000000000000000000000000000000000000001690036107ed5760405180602001604052805f81525060405180602001604052805f8152509250925050915091565b6002810154815460405160f89290921b7fff000000000000000000000000000000000000000000000000000000000000001660208301526021820152604101604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0818403018152908290526002830154600184015461010090910460f81b7fff000000000000000000000000000000000000000000000000000000000000001660208401526021830152906041016040516020818303038152906040529250925050915091565b67ffffffffffffffff82165f908152600260205260408120549081900361091b576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff841660048201526024015b60405180910390fd5b60c081901c60011615610966576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff84166004820152602401610912565b67ffffffffffffffff83165f90815260066020526040812054908190036109c5576040517fee564efb00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610912565b806fffffffffffffffffffffffffffffffff163414610a2a576040517f0dd32d1c0000000000000000000000000000000000000000000000000000000081526fffffffffffffffffffffffffffffffff82166004820152346024820152604401610912565b67ffffffffffffffff84165f90815260076020526040902054838114610a86576040517fedc2f1c30000000000000000000000000000000000000000000000000000000081526004810185905260248101829052604401610912565b3360a086901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526008602052604090205415610b02576040517f29e2a6ff00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152336024820152604401610912565b608083901c5f610b327f0000000000000000000000000000000000000000000000000000000000000000426127f9565b5f84815260086020526040908190203477ffffffffffffffff00000000000000000000000000000000608085901b1681177fffffffffffffffff00000000000000000000000000000000000000000000000060c088901b16179091559051919250339167ffffffffffffffff8b16917fed94c3bea66a39795e081766d1dcf6ab9b70d3fa45abe998ce7eb03db8ab713491610bf49190879087908e9093845267ffffffffffffffff928316602085015291166040830152606082015260800190565b60405180910390a35050505050505050565b610c0f81611f00565b5067ffffffffffffffff81165f908152600660205260408120549003610c6d576040517fee564efb00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610912565b67ffffffffffffffff81165f8181526006602090815260408083208390556007909152808220829055517f3e08de46b77779af6e1bf434592c9a92cc141142cbc9afea1ad476001017aee39190a250565b600154600114610cfa576040517fab143c0600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6002600155335f9081526009602052604081205490819003610d4a576040517fdc69dc16000000000000000000000000000000000000000000000000000000008152336004820152602401610912565b335f8181526009602052604080822091909155517f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d590610d8d9084815260200190565b60405180910390a26040515f90339083908381818185875af1925050503d805f8114610dd4576040519150601f19603f3d011682016040523d82523d5f602084013e610dd9565b606091505b5050905080610e1d576040517f1c43b97600000000000000000000000000000000000000000000000000000000815233600482015260248101839052604401610912565b505060018055565b5f610e2f86611fc4565b90508360ff165f03610e6d576040517faabd5a0900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b73ffffffffffffffffffffffffffffffffffffffff851660a087901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526008602052604081205490819003610f18576040517f027a94ad00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8916600482015273ffffffffffffffffffffffffffffffffffffffff88166024820152604401610912565b5f8281526008602052604081208190556fffffffffffffffffffffffffffffffff821690610f4a60c084901c426127f9565b9050610f808a8a67ffffffffffffffff841668ff000000000000000060408d901b16176903000000000000000000178a8a61201b565b73ffffffffffffffffffffffffffffffffffffffff85165f90815260096020526040812080548792859291610fb6908490612819565b925050819055508073ffffffffffffffffffffffffffffffffffffffff168a73ffffffffffffffffffffffffffffffffffffffff168c67ffffffffffffffff167f379a0dbacfd2cad20c12743ab921ed379291ecda6235e5be8d34b17494c8a7ae8660405161102791815260200190565b60405180910390a45050505050505050505050565b73ffffffffffffffffffffffffffffffffffffffff811660a083901b7bffffffffffffffff000000000000000000000000000000000000000016175f9081526005602052604081205480158061109c5750428167ffffffffffffffff1611155b156110aa575f9150506110cd565b505067ffffffffffffffff82165f9081526002602052604090205460c01c600116155b92915050565b5f5f6110de86611fc4565b90508315806110ed5750608084115b15611124576040517fe1d766f400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f858560405161113592919061282c565b6040518091039020905060045f8281526020019081526020015f20545f1461118c576040517fe1ee672b00000000000000000000000000000000000000000000000000000000815260048101829052602401610912565b61119b60a083901c600161283b565b67ffffffffffffffff88165f8181526002602090815260408083207fffffffffffffffff00000000ffffffffffffffffffffffffffffffffffffffff881677ffffffff000000000000000000000000000000000000000060a088901b161790558583526004909152908190206bffffffff000000000000000084831b1683177fffffffffffffffffffffffffffffffffffffffff00000000000000000000000089161790555191945082917f8c8bec0b4650bd7b5f7b1eb0d9c9bd99f4d1d8ae663caaa0da04349727aeac8d9061127990879089908c908c9061289e565b60405180910390a35050949350505050565b61129484611fc4565b5067ffffffffffffffff821615806112bb57506fffffffffffffffffffffffffffffffff83115b156112f2576040517f2ee3980200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b67ffffffffffffffff8481165f818152600660209081526040808320608088901b77ffffffffffffffff00000000000000000000000000000000168917905560078252918290208590558151878152938616908401528201839052907fc7571834f802d96b1a43628240e7f6d9b78793c83f02ca159509a57c3be958159060600160405180910390a250505050565b82158061138f575061020083115b156113c6576040517fb9e5cf7c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8015806113d4575061010081115b1561140b576040517fb9e5cf7c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f908152600b60205260409020600181018054611428906128c3565b90505f0361148a57600c80546001810182555f919091527fdf6966c971051c3d54ec59162606531493a51404a002842f56009d7e5cf4a8c70180547fffffffffffffffffffffffff000000000000000000000000000000000000000016331790555b80611496858783612998565b50600181016114a6838583612998565b503373ffffffffffffffffffffffffffffffffffffffff167f2655cc80ac92c76c554576fd2e97aec2c6ab9fa7fe5759666846f3847f1a1887868686866040516114f39493929190612aaf565b60405180910390a25050505050565b5f8181526004602052604081205481908190819080820361152f57505f935083925082915081905061157a565b67ffffffffffffffff81165f90815260026020526040908190205491955090935084901c9150507fffffffffffffffffffffffffffffffffffffffff00000000000000000000000083165b9193509193565b5f5f5f61158e858561207b565b5f80549294509092509081906115ad9067ffffffffffffffff16612ae0565b825467ffffffffffffffff8083166101009490940a848102910219909116179092555f8181526002602090815260408083203379ff0000000000000000000000000000000000000000000000000060308a901c1681179091556003909252918290208590559051929550917f92ba4892babaa588c8c0ec579114bcdc76d10ee84f79022817a7439124212c92906116479089908990612b0c565b60405180910390a3505092915050565b5f5f611663868661207b565b915091505f5f611673868661207b565b335f908152600a6020526040902060028101549294509092509060f81b7fff0000000000000000000000000000000000000000000000000000000000000016156116eb576040517f1c1bc8e6000000000000000000000000000000000000000000000000000000008152336004820152602401610912565b8381556001810182905560028101805460f885811c610100027fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00009092169088901c1717905560405133907f8af4a75deb41e42d8c9a0f5cb294774c4afdb889d380fcc616e2358fd35055bd90611768908c908c908c908c90612aaf565b60405180910390a2505050505050505050565b5f61178582611fc4565b67ffffffffffffffff83165f81815260026020908152604080832078010000000000000000000000000000000000000000000000008617905560069091528082208290555192935090917fc897470d957826e14fba8fd56e2df512351bb36aed0b26539a65deb46a5bc1849190a25050565b61180082611f00565b5073ffffffffffffffffffffffffffffffffffffffff811660a083901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526005602052604081205490036118aa576040517f49aa90fa00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8416600482015273ffffffffffffffffffffffffffffffffffffffff83166024820152604401610912565b5f818152600560205260408082208290555173ffffffffffffffffffffffffffffffffffffffff84169167ffffffffffffffff8616917f36a741a2ffa6b7e08da269c676813bea7eec43b75c7d2353641799a9fcd7ce029190a3505050565b73ffffffffffffffffffffffffffffffffffffffff81165f908152600b6020526040902080546060918291819060018201908290611946906128c3565b80601f0160208091040260200160405190810160405280929190818152602001828054611972906128c3565b80156119bd5780601f10611994576101008083540402835291602001916119bd565b820191905f5260205f20905b8154815290600101906020018083116119a057829003601f168201915b505050505091508080546119d0906128c3565b80601f01602080910402602001604051908101604052809291908181526020018280546119fc906128c3565b8015611a475780601f10611a1e57610100808354040283529160200191611a47565b820191905f5260205f20905b815481529060010190602001808311611a2a57829003601f168201915b505050505090509250925050915091565b67ffffffffffffffff81165f9081526002602052604081205481908190606090808303611abd576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152602401610912565b67ffffffffffffffff959095165f90815260036020908152604091829020548251603089901b7fff000000000000000000000000000000000000000000000000000000000000001692810192909252602180830191909152825180830390910181526041909101909152949560a087901c95600160c089901c16151595509350915050565b3360a082901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526008602052604081205490819003611bc1576040517f027a94ad00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff84166004820152336024820152604401610912565b608081901c67ffffffffffffffff811642108015611bfb575067ffffffffffffffff84165f9081526002602052604090205460c01c600116155b15611c3e576040517f58ea338100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610912565b5f8381526008602090815260408083208390553383526009909152812080546fffffffffffffffffffffffffffffffff851692839291611c7f908490612819565b9091555050604051818152339067ffffffffffffffff8716907f88c9f6c3bb454f21551b6ea21d023e4b954004d65e07b97c2305423dc97513eb9060200160405180910390a35050505050565b5f7f6f58b93c8e5fbdb8de8311755aca93ea10782738ca9f5a4c0577d9cc0e2994ee90505f5f875f52600260205260405f205491504267ffffffffffffffff8716111560ff8760401c1615178660481c8815171760018360c01c163373ffffffffffffffffffffffffffffffffffffffff8516181717905080611d83578760601b600160481b871717878960a01b175f5260056020528060405f20556040518181528660208201528560408201528885606083a250505b8015611d9557611d95888389896121bb565b5050505050505050565b5f611da984611fc4565b90505f5f611db7858561207b565b90925090505f611dd061ffff60d086901c166001612819565b905061ffff811115611e0e576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b67ffffffffffffffff87165f8181526002602090815260408083207fffffffff000000ffffffffffffffffffffffffffffffffffffffffffffffffff891679ff0000000000000000000000000000000000000000000000000060308a901c161760d087901b179055600390915290819020849055517ff2ab94f9740a97cc07af2f24bd4f7e4018d999aa27cb055bd862694874818e6390611eb49084908a908a90612b27565b60405180910390a250505050505050565b5f600c8281548110611ed957611ed9612b44565b5f9182526020909120015473ffffffffffffffffffffffffffffffffffffffff1692915050565b67ffffffffffffffff81165f9081526002602052604090205473ffffffffffffffffffffffffffffffffffffffff81163314611fbf57805f03611f7b576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610912565b6040517f4b9d219f00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152336024820152604401610912565b919050565b5f611fce82611f00565b905060c081901c60011615611fbf576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610912565b5f7f6f58b93c8e5fbdb8de8311755aca93ea10782738ca9f5a4c0577d9cc0e2994ee90508560601b84179350848660a01b175f5260056020528360405f20556040518481528360208201528260408201528582606083a250505050505050565b5f80602183146120b7576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b83835f8181106120c9576120c9612b44565b909101357fff00000000000000000000000000000000000000000000000000000000000000169250507f0200000000000000000000000000000000000000000000000000000000000000821480159061216457507f03000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831614155b1561219b576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6121a9602160018587612b71565b6121b291612b98565b90509250929050565b825f03612200576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610912565b73ffffffffffffffffffffffffffffffffffffffff83163314612261576040517f4b9d219f00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152336024820152604401610912565b60c083901c600116156122ac576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610912565b73ffffffffffffffffffffffffffffffffffffffff82166122f9576040517fe8146ac400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b604881901c15612338576040517fd13c168000000000000000000000000000000000000000000000000000000000815260048101829052602401610912565b604081901c60ff165f03612378576040517faabd5a0900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040517f5e23ca6800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610912565b803573ffffffffffffffffffffffffffffffffffffffff81168114611fbf575f5ffd5b5f602082840312156123e9575f5ffd5b6123f2826123b6565b9392505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b604081525f61245760408301856123f9565b828103602084015261246981856123f9565b95945050505050565b803567ffffffffffffffff81168114611fbf575f5ffd5b5f5f6040838503121561249a575f5ffd5b6124a383612472565b946020939093013593505050565b5f602082840312156124c1575f5ffd5b6123f282612472565b5f5f604083850312156124db575f5ffd5b6124e483612472565b91506121b2602084016123b6565b5f5f5f5f5f60a08688031215612506575f5ffd5b61250f86612472565b945061251d602087016123b6565b9350604086013560ff81168114612532575f5ffd5b94979396509394606081013594506080013592915050565b5f5f83601f84011261255a575f5ffd5b50813567ffffffffffffffff811115612571575f5ffd5b602083019150836020828501011115612588575f5ffd5b9250929050565b5f5f5f5f606085870312156125a2575f5ffd5b6125ab85612472565b9350602085013567ffffffffffffffff8111156125c6575f5ffd5b6125d28782880161254a565b9598909750949560400135949350505050565b5f5f5f5f608085870312156125f8575f5ffd5b61260185612472565b93506020850135925061261660408601612472565b9396929550929360600135925050565b5f5f5f5f60408587031215612639575f5ffd5b843567ffffffffffffffff81111561264f575f5ffd5b61265b8782880161254a565b909550935050602085013567ffffffffffffffff81111561267a575f5ffd5b6126868782880161254a565b95989497509550505050565b5f602082840312156126a2575f5ffd5b5035919050565b5f5f602083850312156126ba575f5ffd5b823567ffffffffffffffff8111156126d0575f5ffd5b6126dc8582860161254a565b90969095509350505050565b73ffffffffffffffffffffffffffffffffffffffff8516815263ffffffff841660208201528215156040820152608060608201525f61272a60808301846123f9565b9695505050505050565b5f5f5f5f5f60a08688031215612748575f5ffd5b61275186612472565b945061275f602087016123b6565b94979496505050506040830135926060810135926080909101359150565b5f5f5f6040848603121561278f575f5ffd5b61279884612472565b9250602084013567ffffffffffffffff8111156127b3575f5ffd5b6127bf8682870161254a565b9497909650939450505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b67ffffffffffffffff81811683821601908111156110cd576110cd6127cc565b808201808211156110cd576110cd6127cc565b818382375f9101908152919050565b63ffffffff81811683821601908111156110cd576110cd6127cc565b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b63ffffffff85168152836020820152606060408201525f61272a606083018486612857565b600181811c908216806128d757607f821691505b60208210810361290e577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b601f821115612993578282111561299357805f5260205f20601f840160051c602085101561296c57505f5b90810190601f840160051c035f5b8181101561298f575f8382015560010161297a565b5050505b505050565b67ffffffffffffffff8311156129b0576129b0612914565b6129c4836129be83546128c3565b83612941565b5f601f841160018114612a14575f85156129de5750838201355b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b1c1916600186901b178355612aa8565b5f838152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08716915b82811015612a615786850135825560209485019460019092019101612a41565b5086821015612a9c577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff60f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b604081525f612ac2604083018688612857565b8281036020840152612ad5818587612857565b979650505050505050565b5f67ffffffffffffffff821667ffffffffffffffff8103612b0357612b036127cc565b60010192915050565b602081525f612b1f602083018486612857565b949350505050565b61ffff84168152604060208201525f612469604083018486612857565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f5f85851115612b7f575f5ffd5b83861115612b8b575f5ffd5b5050820193919092039150565b803560208310156110cd577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff602084900360031b1b169291505056fea2646970667358221220b4bdbf8e39f09a13dbd1d726b6718f0e3049242a33e5e0ba55086e29cd23e58d64736f6c63430008250033",
}

// Registry is an auto generated Go binding around an Ethereum contract.
type Registry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Registry) GetABI() abi.ABI {
	return c.abi
}

// NewRegistry creates a new instance of Registry.
func NewRegistry() *Registry {
	parsed, err := RegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Registry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Registry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint64 grantWindow_) returns()
func (registry *Registry) PackConstructor(grantWindow_ uint64) []byte {
	enc, err := registry.abi.Pack("", grantWindow_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAddCID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c186c09.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function addCID(uint64 dataset, bytes cid, bytes32 fingerprint) returns(uint32 version)
func (registry *Registry) PackAddCID(dataset uint64, cid []byte, fingerprint [32]byte) []byte {
	enc, err := registry.abi.Pack("addCID", dataset, cid, fingerprint)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAddCID is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c186c09.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function addCID(uint64 dataset, bytes cid, bytes32 fingerprint) returns(uint32 version)
func (registry *Registry) TryPackAddCID(dataset uint64, cid []byte, fingerprint [32]byte) ([]byte, error) {
	return registry.abi.Pack("addCID", dataset, cid, fingerprint)
}

// UnpackAddCID is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6c186c09.
//
// Solidity: function addCID(uint64 dataset, bytes cid, bytes32 fingerprint) returns(uint32 version)
func (registry *Registry) UnpackAddCID(data []byte) (uint32, error) {
	out, err := registry.abi.Unpack("addCID", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (registry *Registry) PackBalanceOf(account common.Address) []byte {
	enc, err := registry.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (registry *Registry) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return registry.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (registry *Registry) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("balanceOf", data)
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
// Solidity: function buy(uint64 dataset, bytes32 termsHash) payable returns()
func (registry *Registry) PackBuy(dataset uint64, termsHash [32]byte) []byte {
	enc, err := registry.abi.Pack("buy", dataset, termsHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBuy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3549f624.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function buy(uint64 dataset, bytes32 termsHash) payable returns()
func (registry *Registry) TryPackBuy(dataset uint64, termsHash [32]byte) ([]byte, error) {
	return registry.abi.Pack("buy", dataset, termsHash)
}

// PackCidInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x73da046a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cidInfo(bytes32 cidHash) view returns(uint64 dataset, address owner, uint32 version, bytes20 fingerprintPrefix)
func (registry *Registry) PackCidInfo(cidHash [32]byte) []byte {
	enc, err := registry.abi.Pack("cidInfo", cidHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCidInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x73da046a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cidInfo(bytes32 cidHash) view returns(uint64 dataset, address owner, uint32 version, bytes20 fingerprintPrefix)
func (registry *Registry) TryPackCidInfo(cidHash [32]byte) ([]byte, error) {
	return registry.abi.Pack("cidInfo", cidHash)
}

// CidInfoOutput serves as a container for the return parameters of contract
// method CidInfo.
type CidInfoOutput struct {
	Dataset           uint64
	Owner             common.Address
	Version           uint32
	FingerprintPrefix [20]byte
}

// UnpackCidInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x73da046a.
//
// Solidity: function cidInfo(bytes32 cidHash) view returns(uint64 dataset, address owner, uint32 version, bytes20 fingerprintPrefix)
func (registry *Registry) UnpackCidInfo(data []byte) (CidInfoOutput, error) {
	out, err := registry.abi.Unpack("cidInfo", data)
	outstruct := new(CidInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Dataset = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Owner = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.Version = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	outstruct.FingerprintPrefix = *abi.ConvertType(out[3], new([20]byte)).(*[20]byte)
	return *outstruct, nil
}

// PackCreateDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x78e879c3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createDataset(bytes delegatingKey) returns(uint64 dataset)
func (registry *Registry) PackCreateDataset(delegatingKey []byte) []byte {
	enc, err := registry.abi.Pack("createDataset", delegatingKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateDataset is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x78e879c3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createDataset(bytes delegatingKey) returns(uint64 dataset)
func (registry *Registry) TryPackCreateDataset(delegatingKey []byte) ([]byte, error) {
	return registry.abi.Pack("createDataset", delegatingKey)
}

// UnpackCreateDataset is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x78e879c3.
//
// Solidity: function createDataset(bytes delegatingKey) returns(uint64 dataset)
func (registry *Registry) UnpackCreateDataset(data []byte) (uint64, error) {
	out, err := registry.abi.Unpack("createDataset", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackDatasetCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c8935b9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function datasetCount() view returns(uint64)
func (registry *Registry) PackDatasetCount() []byte {
	enc, err := registry.abi.Pack("datasetCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDatasetCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c8935b9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function datasetCount() view returns(uint64)
func (registry *Registry) TryPackDatasetCount() ([]byte, error) {
	return registry.abi.Pack("datasetCount")
}

// UnpackDatasetCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3c8935b9.
//
// Solidity: function datasetCount() view returns(uint64)
func (registry *Registry) UnpackDatasetCount(data []byte) (uint64, error) {
	out, err := registry.abi.Unpack("datasetCount", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackDatasetInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf1fed3d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function datasetInfo(uint64 dataset) view returns(address owner, uint32 versions, bool erased, bytes delegatingKey)
func (registry *Registry) PackDatasetInfo(dataset uint64) []byte {
	enc, err := registry.abi.Pack("datasetInfo", dataset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDatasetInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf1fed3d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function datasetInfo(uint64 dataset) view returns(address owner, uint32 versions, bool erased, bytes delegatingKey)
func (registry *Registry) TryPackDatasetInfo(dataset uint64) ([]byte, error) {
	return registry.abi.Pack("datasetInfo", dataset)
}

// DatasetInfoOutput serves as a container for the return parameters of contract
// method DatasetInfo.
type DatasetInfoOutput struct {
	Owner         common.Address
	Versions      uint32
	Erased        bool
	DelegatingKey []byte
}

// UnpackDatasetInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcf1fed3d.
//
// Solidity: function datasetInfo(uint64 dataset) view returns(address owner, uint32 versions, bool erased, bytes delegatingKey)
func (registry *Registry) UnpackDatasetInfo(data []byte) (DatasetInfoOutput, error) {
	out, err := registry.abi.Unpack("datasetInfo", data)
	outstruct := new(DatasetInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Owner = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Versions = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	outstruct.Erased = *abi.ConvertType(out[2], new(bool)).(*bool)
	outstruct.DelegatingKey = *abi.ConvertType(out[3], new([]byte)).(*[]byte)
	return *outstruct, nil
}

// PackErase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa260b594.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function erase(uint64 dataset) returns()
func (registry *Registry) PackErase(dataset uint64) []byte {
	enc, err := registry.abi.Pack("erase", dataset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackErase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa260b594.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function erase(uint64 dataset) returns()
func (registry *Registry) TryPackErase(dataset uint64) ([]byte, error) {
	return registry.abi.Pack("erase", dataset)
}

// PackGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf4ba78d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grant(uint64 dataset, address grantee, uint256 terms, bytes32 purposeHash, bytes32 bundle) returns()
func (registry *Registry) PackGrant(dataset uint64, grantee common.Address, terms *big.Int, purposeHash [32]byte, bundle [32]byte) []byte {
	enc, err := registry.abi.Pack("grant", dataset, grantee, terms, purposeHash, bundle)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf4ba78d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grant(uint64 dataset, address grantee, uint256 terms, bytes32 purposeHash, bytes32 bundle) returns()
func (registry *Registry) TryPackGrant(dataset uint64, grantee common.Address, terms *big.Int, purposeHash [32]byte, bundle [32]byte) ([]byte, error) {
	return registry.abi.Pack("grant", dataset, grantee, terms, purposeHash, bundle)
}

// PackGrantOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3cb6884f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantOf(uint64 dataset, address grantee) view returns(uint64 expiry, uint8 threshold, bool bought)
func (registry *Registry) PackGrantOf(dataset uint64, grantee common.Address) []byte {
	enc, err := registry.abi.Pack("grantOf", dataset, grantee)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3cb6884f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantOf(uint64 dataset, address grantee) view returns(uint64 expiry, uint8 threshold, bool bought)
func (registry *Registry) TryPackGrantOf(dataset uint64, grantee common.Address) ([]byte, error) {
	return registry.abi.Pack("grantOf", dataset, grantee)
}

// GrantOfOutput serves as a container for the return parameters of contract
// method GrantOf.
type GrantOfOutput struct {
	Expiry    uint64
	Threshold uint8
	Bought    bool
}

// UnpackGrantOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3cb6884f.
//
// Solidity: function grantOf(uint64 dataset, address grantee) view returns(uint64 expiry, uint8 threshold, bool bought)
func (registry *Registry) UnpackGrantOf(data []byte) (GrantOfOutput, error) {
	out, err := registry.abi.Unpack("grantOf", data)
	outstruct := new(GrantOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Expiry = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Threshold = *abi.ConvertType(out[1], new(uint8)).(*uint8)
	outstruct.Bought = *abi.ConvertType(out[2], new(bool)).(*bool)
	return *outstruct, nil
}

// PackGrantPurchase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5583eada.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantPurchase(uint64 dataset, address buyer, uint8 threshold, bytes32 purposeHash, bytes32 bundle) returns()
func (registry *Registry) PackGrantPurchase(dataset uint64, buyer common.Address, threshold uint8, purposeHash [32]byte, bundle [32]byte) []byte {
	enc, err := registry.abi.Pack("grantPurchase", dataset, buyer, threshold, purposeHash, bundle)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantPurchase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5583eada.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantPurchase(uint64 dataset, address buyer, uint8 threshold, bytes32 purposeHash, bytes32 bundle) returns()
func (registry *Registry) TryPackGrantPurchase(dataset uint64, buyer common.Address, threshold uint8, purposeHash [32]byte, bundle [32]byte) ([]byte, error) {
	return registry.abi.Pack("grantPurchase", dataset, buyer, threshold, purposeHash, bundle)
}

// PackGrantWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xead4311f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantWindow() view returns(uint64)
func (registry *Registry) PackGrantWindow() []byte {
	enc, err := registry.abi.Pack("grantWindow")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantWindow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xead4311f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantWindow() view returns(uint64)
func (registry *Registry) TryPackGrantWindow() ([]byte, error) {
	return registry.abi.Pack("grantWindow")
}

// UnpackGrantWindow is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xead4311f.
//
// Solidity: function grantWindow() view returns(uint64)
func (registry *Registry) UnpackGrantWindow(data []byte) (uint64, error) {
	out, err := registry.abi.Unpack("grantWindow", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackIsAuthorized is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55a1179e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isAuthorized(uint64 dataset, address grantee) view returns(bool)
func (registry *Registry) PackIsAuthorized(dataset uint64, grantee common.Address) []byte {
	enc, err := registry.abi.Pack("isAuthorized", dataset, grantee)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsAuthorized is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55a1179e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isAuthorized(uint64 dataset, address grantee) view returns(bool)
func (registry *Registry) TryPackIsAuthorized(dataset uint64, grantee common.Address) ([]byte, error) {
	return registry.abi.Pack("isAuthorized", dataset, grantee)
}

// UnpackIsAuthorized is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x55a1179e.
//
// Solidity: function isAuthorized(uint64 dataset, address grantee) view returns(bool)
func (registry *Registry) UnpackIsAuthorized(data []byte) (bool, error) {
	out, err := registry.abi.Unpack("isAuthorized", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackKeysOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0e959b29.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keysOf(address account) view returns(bytes receivingKey, bytes verifyingKey)
func (registry *Registry) PackKeysOf(account common.Address) []byte {
	enc, err := registry.abi.Pack("keysOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeysOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0e959b29.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keysOf(address account) view returns(bytes receivingKey, bytes verifyingKey)
func (registry *Registry) TryPackKeysOf(account common.Address) ([]byte, error) {
	return registry.abi.Pack("keysOf", account)
}

// KeysOfOutput serves as a container for the return parameters of contract
// method KeysOf.
type KeysOfOutput struct {
	ReceivingKey []byte
	VerifyingKey []byte
}

// UnpackKeysOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0e959b29.
//
// Solidity: function keysOf(address account) view returns(bytes receivingKey, bytes verifyingKey)
func (registry *Registry) UnpackKeysOf(data []byte) (KeysOfOutput, error) {
	out, err := registry.abi.Unpack("keysOf", data)
	outstruct := new(KeysOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.ReceivingKey = *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	outstruct.VerifyingKey = *abi.ConvertType(out[1], new([]byte)).(*[]byte)
	return *outstruct, nil
}

// PackOffer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e09c9ce.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function offer(uint64 dataset, uint256 price, uint64 duration, bytes32 termsHash) returns()
func (registry *Registry) PackOffer(dataset uint64, price *big.Int, duration uint64, termsHash [32]byte) []byte {
	enc, err := registry.abi.Pack("offer", dataset, price, duration, termsHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOffer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6e09c9ce.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function offer(uint64 dataset, uint256 price, uint64 duration, bytes32 termsHash) returns()
func (registry *Registry) TryPackOffer(dataset uint64, price *big.Int, duration uint64, termsHash [32]byte) ([]byte, error) {
	return registry.abi.Pack("offer", dataset, price, duration, termsHash)
}

// PackOfferOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c629120.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function offerOf(uint64 dataset) view returns(uint256 price, uint64 duration, bytes32 termsHash)
func (registry *Registry) PackOfferOf(dataset uint64) []byte {
	enc, err := registry.abi.Pack("offerOf", dataset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOfferOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8c629120.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function offerOf(uint64 dataset) view returns(uint256 price, uint64 duration, bytes32 termsHash)
func (registry *Registry) TryPackOfferOf(dataset uint64) ([]byte, error) {
	return registry.abi.Pack("offerOf", dataset)
}

// OfferOfOutput serves as a container for the return parameters of contract
// method OfferOf.
type OfferOfOutput struct {
	Price     *big.Int
	Duration  uint64
	TermsHash [32]byte
}

// UnpackOfferOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8c629120.
//
// Solidity: function offerOf(uint64 dataset) view returns(uint256 price, uint64 duration, bytes32 termsHash)
func (registry *Registry) UnpackOfferOf(data []byte) (OfferOfOutput, error) {
	out, err := registry.abi.Unpack("offerOf", data)
	outstruct := new(OfferOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Price = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Duration = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.TermsHash = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	return *outstruct, nil
}

// PackProxyAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf3c4a414.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proxyAt(uint256 i) view returns(address)
func (registry *Registry) PackProxyAt(i *big.Int) []byte {
	enc, err := registry.abi.Pack("proxyAt", i)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProxyAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf3c4a414.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proxyAt(uint256 i) view returns(address)
func (registry *Registry) TryPackProxyAt(i *big.Int) ([]byte, error) {
	return registry.abi.Pack("proxyAt", i)
}

// UnpackProxyAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf3c4a414.
//
// Solidity: function proxyAt(uint256 i) view returns(address)
func (registry *Registry) UnpackProxyAt(data []byte) (common.Address, error) {
	out, err := registry.abi.Unpack("proxyAt", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackProxyCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37c954d8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proxyCount() view returns(uint256)
func (registry *Registry) PackProxyCount() []byte {
	enc, err := registry.abi.Pack("proxyCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProxyCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37c954d8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proxyCount() view returns(uint256)
func (registry *Registry) TryPackProxyCount() ([]byte, error) {
	return registry.abi.Pack("proxyCount")
}

// UnpackProxyCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x37c954d8.
//
// Solidity: function proxyCount() view returns(uint256)
func (registry *Registry) UnpackProxyCount(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("proxyCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackProxyOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc1a9a508.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proxyOf(address proxy) view returns(string endpoint, bytes hpkeKey)
func (registry *Registry) PackProxyOf(proxy common.Address) []byte {
	enc, err := registry.abi.Pack("proxyOf", proxy)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProxyOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc1a9a508.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proxyOf(address proxy) view returns(string endpoint, bytes hpkeKey)
func (registry *Registry) TryPackProxyOf(proxy common.Address) ([]byte, error) {
	return registry.abi.Pack("proxyOf", proxy)
}

// ProxyOfOutput serves as a container for the return parameters of contract
// method ProxyOf.
type ProxyOfOutput struct {
	Endpoint string
	HpkeKey  []byte
}

// UnpackProxyOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc1a9a508.
//
// Solidity: function proxyOf(address proxy) view returns(string endpoint, bytes hpkeKey)
func (registry *Registry) UnpackProxyOf(data []byte) (ProxyOfOutput, error) {
	out, err := registry.abi.Unpack("proxyOf", data)
	outstruct := new(ProxyOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Endpoint = *abi.ConvertType(out[0], new(string)).(*string)
	outstruct.HpkeKey = *abi.ConvertType(out[1], new([]byte)).(*[]byte)
	return *outstruct, nil
}

// PackPurchaseOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc5952e0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function purchaseOf(uint64 dataset, address buyer) view returns(uint256 amount, uint64 deadline, uint64 duration)
func (registry *Registry) PackPurchaseOf(dataset uint64, buyer common.Address) []byte {
	enc, err := registry.abi.Pack("purchaseOf", dataset, buyer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPurchaseOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc5952e0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function purchaseOf(uint64 dataset, address buyer) view returns(uint256 amount, uint64 deadline, uint64 duration)
func (registry *Registry) TryPackPurchaseOf(dataset uint64, buyer common.Address) ([]byte, error) {
	return registry.abi.Pack("purchaseOf", dataset, buyer)
}

// PurchaseOfOutput serves as a container for the return parameters of contract
// method PurchaseOf.
type PurchaseOfOutput struct {
	Amount   *big.Int
	Deadline uint64
	Duration uint64
}

// UnpackPurchaseOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc5952e0.
//
// Solidity: function purchaseOf(uint64 dataset, address buyer) view returns(uint256 amount, uint64 deadline, uint64 duration)
func (registry *Registry) UnpackPurchaseOf(data []byte) (PurchaseOfOutput, error) {
	out, err := registry.abi.Unpack("purchaseOf", data)
	outstruct := new(PurchaseOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Amount = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Deadline = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Duration = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd7194ccb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refund(uint64 dataset) returns()
func (registry *Registry) PackRefund(dataset uint64) []byte {
	enc, err := registry.abi.Pack("refund", dataset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd7194ccb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refund(uint64 dataset) returns()
func (registry *Registry) TryPackRefund(dataset uint64) ([]byte, error) {
	return registry.abi.Pack("refund", dataset)
}

// PackRegisterKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa130fa60.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerKeys(bytes receivingKey, bytes verifyingKey) returns()
func (registry *Registry) PackRegisterKeys(receivingKey []byte, verifyingKey []byte) []byte {
	enc, err := registry.abi.Pack("registerKeys", receivingKey, verifyingKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterKeys is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa130fa60.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerKeys(bytes receivingKey, bytes verifyingKey) returns()
func (registry *Registry) TryPackRegisterKeys(receivingKey []byte, verifyingKey []byte) ([]byte, error) {
	return registry.abi.Pack("registerKeys", receivingKey, verifyingKey)
}

// PackRegisterProxy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x700d5765.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerProxy(string endpoint, bytes hpkeKey) returns()
func (registry *Registry) PackRegisterProxy(endpoint string, hpkeKey []byte) []byte {
	enc, err := registry.abi.Pack("registerProxy", endpoint, hpkeKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterProxy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x700d5765.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerProxy(string endpoint, bytes hpkeKey) returns()
func (registry *Registry) TryPackRegisterProxy(endpoint string, hpkeKey []byte) ([]byte, error) {
	return registry.abi.Pack("registerProxy", endpoint, hpkeKey)
}

// PackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa65af279.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revoke(uint64 dataset, address grantee) returns()
func (registry *Registry) PackRevoke(dataset uint64, grantee common.Address) []byte {
	enc, err := registry.abi.Pack("revoke", dataset, grantee)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa65af279.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revoke(uint64 dataset, address grantee) returns()
func (registry *Registry) TryPackRevoke(dataset uint64, grantee common.Address) ([]byte, error) {
	return registry.abi.Pack("revoke", dataset, grantee)
}

// PackRotateKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2c8e550.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rotateKey(uint64 dataset, bytes delegatingKey) returns()
func (registry *Registry) PackRotateKey(dataset uint64, delegatingKey []byte) []byte {
	enc, err := registry.abi.Pack("rotateKey", dataset, delegatingKey)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRotateKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2c8e550.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rotateKey(uint64 dataset, bytes delegatingKey) returns()
func (registry *Registry) TryPackRotateKey(dataset uint64, delegatingKey []byte) ([]byte, error) {
	return registry.abi.Pack("rotateKey", dataset, delegatingKey)
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (registry *Registry) PackWithdraw() []byte {
	enc, err := registry.abi.Pack("withdraw")
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
func (registry *Registry) TryPackWithdraw() ([]byte, error) {
	return registry.abi.Pack("withdraw")
}

// PackWithdrawOffer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37d2e5d2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawOffer(uint64 dataset) returns()
func (registry *Registry) PackWithdrawOffer(dataset uint64) []byte {
	enc, err := registry.abi.Pack("withdrawOffer", dataset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawOffer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37d2e5d2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawOffer(uint64 dataset) returns()
func (registry *Registry) TryPackWithdrawOffer(dataset uint64) ([]byte, error) {
	return registry.abi.Pack("withdrawOffer", dataset)
}

// RegistryCIDAdded represents a CIDAdded event raised by the Registry contract.
type RegistryCIDAdded struct {
	Dataset     uint64
	CidHash     [32]byte
	Version     uint32
	Fingerprint [32]byte
	Cid         []byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const RegistryCIDAddedEventName = "CIDAdded"

// ContractEventName returns the user-defined event name.
func (RegistryCIDAdded) ContractEventName() string {
	return RegistryCIDAddedEventName
}

// UnpackCIDAddedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CIDAdded(uint64 indexed dataset, bytes32 indexed cidHash, uint32 version, bytes32 fingerprint, bytes cid)
func (registry *Registry) UnpackCIDAddedEvent(log *types.Log) (*RegistryCIDAdded, error) {
	event := "CIDAdded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryCIDAdded)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryDatasetCreated represents a DatasetCreated event raised by the Registry contract.
type RegistryDatasetCreated struct {
	Dataset       uint64
	Owner         common.Address
	DelegatingKey []byte
	Raw           *types.Log // Blockchain specific contextual infos
}

const RegistryDatasetCreatedEventName = "DatasetCreated"

// ContractEventName returns the user-defined event name.
func (RegistryDatasetCreated) ContractEventName() string {
	return RegistryDatasetCreatedEventName
}

// UnpackDatasetCreatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event DatasetCreated(uint64 indexed dataset, address indexed owner, bytes delegatingKey)
func (registry *Registry) UnpackDatasetCreatedEvent(log *types.Log) (*RegistryDatasetCreated, error) {
	event := "DatasetCreated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryDatasetCreated)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryErased represents a Erased event raised by the Registry contract.
type RegistryErased struct {
	Dataset uint64
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryErasedEventName = "Erased"

// ContractEventName returns the user-defined event name.
func (RegistryErased) ContractEventName() string {
	return RegistryErasedEventName
}

// UnpackErasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Erased(uint64 indexed dataset)
func (registry *Registry) UnpackErasedEvent(log *types.Log) (*RegistryErased, error) {
	event := "Erased"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryErased)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryGranted represents a Granted event raised by the Registry contract.
type RegistryGranted struct {
	Grantee     common.Address
	Grant       *big.Int
	PurposeHash [32]byte
	Bundle      [32]byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const RegistryGrantedEventName = "Granted"

// ContractEventName returns the user-defined event name.
func (RegistryGranted) ContractEventName() string {
	return RegistryGrantedEventName
}

// UnpackGrantedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Granted(address indexed grantee, uint256 grant, bytes32 purposeHash, bytes32 bundle)
func (registry *Registry) UnpackGrantedEvent(log *types.Log) (*RegistryGranted, error) {
	event := "Granted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryGranted)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryKeyRotated represents a KeyRotated event raised by the Registry contract.
type RegistryKeyRotated struct {
	Dataset       uint64
	Epoch         uint16
	DelegatingKey []byte
	Raw           *types.Log // Blockchain specific contextual infos
}

const RegistryKeyRotatedEventName = "KeyRotated"

// ContractEventName returns the user-defined event name.
func (RegistryKeyRotated) ContractEventName() string {
	return RegistryKeyRotatedEventName
}

// UnpackKeyRotatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event KeyRotated(uint64 indexed dataset, uint16 epoch, bytes delegatingKey)
func (registry *Registry) UnpackKeyRotatedEvent(log *types.Log) (*RegistryKeyRotated, error) {
	event := "KeyRotated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryKeyRotated)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryKeysRegistered represents a KeysRegistered event raised by the Registry contract.
type RegistryKeysRegistered struct {
	Account      common.Address
	ReceivingKey []byte
	VerifyingKey []byte
	Raw          *types.Log // Blockchain specific contextual infos
}

const RegistryKeysRegisteredEventName = "KeysRegistered"

// ContractEventName returns the user-defined event name.
func (RegistryKeysRegistered) ContractEventName() string {
	return RegistryKeysRegisteredEventName
}

// UnpackKeysRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event KeysRegistered(address indexed account, bytes receivingKey, bytes verifyingKey)
func (registry *Registry) UnpackKeysRegisteredEvent(log *types.Log) (*RegistryKeysRegistered, error) {
	event := "KeysRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryKeysRegistered)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryOfferWithdrawn represents a OfferWithdrawn event raised by the Registry contract.
type RegistryOfferWithdrawn struct {
	Dataset uint64
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryOfferWithdrawnEventName = "OfferWithdrawn"

// ContractEventName returns the user-defined event name.
func (RegistryOfferWithdrawn) ContractEventName() string {
	return RegistryOfferWithdrawnEventName
}

// UnpackOfferWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OfferWithdrawn(uint64 indexed dataset)
func (registry *Registry) UnpackOfferWithdrawnEvent(log *types.Log) (*RegistryOfferWithdrawn, error) {
	event := "OfferWithdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryOfferWithdrawn)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryOffered represents a Offered event raised by the Registry contract.
type RegistryOffered struct {
	Dataset   uint64
	Price     *big.Int
	Duration  uint64
	TermsHash [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const RegistryOfferedEventName = "Offered"

// ContractEventName returns the user-defined event name.
func (RegistryOffered) ContractEventName() string {
	return RegistryOfferedEventName
}

// UnpackOfferedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Offered(uint64 indexed dataset, uint256 price, uint64 duration, bytes32 termsHash)
func (registry *Registry) UnpackOfferedEvent(log *types.Log) (*RegistryOffered, error) {
	event := "Offered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryOffered)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryProxyRegistered represents a ProxyRegistered event raised by the Registry contract.
type RegistryProxyRegistered struct {
	Proxy    common.Address
	Endpoint string
	HpkeKey  []byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const RegistryProxyRegisteredEventName = "ProxyRegistered"

// ContractEventName returns the user-defined event name.
func (RegistryProxyRegistered) ContractEventName() string {
	return RegistryProxyRegisteredEventName
}

// UnpackProxyRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ProxyRegistered(address indexed proxy, string endpoint, bytes hpkeKey)
func (registry *Registry) UnpackProxyRegisteredEvent(log *types.Log) (*RegistryProxyRegistered, error) {
	event := "ProxyRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryProxyRegistered)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryPurchased represents a Purchased event raised by the Registry contract.
type RegistryPurchased struct {
	Dataset   uint64
	Buyer     common.Address
	Amount    *big.Int
	Duration  uint64
	Deadline  uint64
	TermsHash [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const RegistryPurchasedEventName = "Purchased"

// ContractEventName returns the user-defined event name.
func (RegistryPurchased) ContractEventName() string {
	return RegistryPurchasedEventName
}

// UnpackPurchasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Purchased(uint64 indexed dataset, address indexed buyer, uint256 amount, uint64 duration, uint64 deadline, bytes32 termsHash)
func (registry *Registry) UnpackPurchasedEvent(log *types.Log) (*RegistryPurchased, error) {
	event := "Purchased"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryPurchased)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryRefunded represents a Refunded event raised by the Registry contract.
type RegistryRefunded struct {
	Dataset uint64
	Buyer   common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryRefundedEventName = "Refunded"

// ContractEventName returns the user-defined event name.
func (RegistryRefunded) ContractEventName() string {
	return RegistryRefundedEventName
}

// UnpackRefundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Refunded(uint64 indexed dataset, address indexed buyer, uint256 amount)
func (registry *Registry) UnpackRefundedEvent(log *types.Log) (*RegistryRefunded, error) {
	event := "Refunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryRefunded)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryReleased represents a Released event raised by the Registry contract.
type RegistryReleased struct {
	Dataset uint64
	Buyer   common.Address
	Owner   common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryReleasedEventName = "Released"

// ContractEventName returns the user-defined event name.
func (RegistryReleased) ContractEventName() string {
	return RegistryReleasedEventName
}

// UnpackReleasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Released(uint64 indexed dataset, address indexed buyer, address indexed owner, uint256 amount)
func (registry *Registry) UnpackReleasedEvent(log *types.Log) (*RegistryReleased, error) {
	event := "Released"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryReleased)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryRevoked represents a Revoked event raised by the Registry contract.
type RegistryRevoked struct {
	Dataset uint64
	Grantee common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryRevokedEventName = "Revoked"

// ContractEventName returns the user-defined event name.
func (RegistryRevoked) ContractEventName() string {
	return RegistryRevokedEventName
}

// UnpackRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Revoked(uint64 indexed dataset, address indexed grantee)
func (registry *Registry) UnpackRevokedEvent(log *types.Log) (*RegistryRevoked, error) {
	event := "Revoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryRevoked)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RegistryWithdrawn represents a Withdrawn event raised by the Registry contract.
type RegistryWithdrawn struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (RegistryWithdrawn) ContractEventName() string {
	return RegistryWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed account, uint256 amount)
func (registry *Registry) UnpackWithdrawnEvent(log *types.Log) (*RegistryWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryWithdrawn)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (registry *Registry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], registry.abi.Errors["CIDExists"].ID.Bytes()[:4]) {
		return registry.UnpackCIDExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["DatasetErased"].ID.Bytes()[:4]) {
		return registry.UnpackDatasetErasedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidCID"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidCIDError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidExpiry"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidExpiryError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidGrantee"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidGranteeError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidKey"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidKeyError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidOffer"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidOfferError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidProxy"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidProxyError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidTerms"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidTermsError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidThreshold"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidThresholdError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["KeysAlreadyRegistered"].ID.Bytes()[:4]) {
		return registry.UnpackKeysAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NoGrant"].ID.Bytes()[:4]) {
		return registry.UnpackNoGrantError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NoOffer"].ID.Bytes()[:4]) {
		return registry.UnpackNoOfferError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NoPurchase"].ID.Bytes()[:4]) {
		return registry.UnpackNoPurchaseError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NotOwner"].ID.Bytes()[:4]) {
		return registry.UnpackNotOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NothingToWithdraw"].ID.Bytes()[:4]) {
		return registry.UnpackNothingToWithdrawError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["PurchasePending"].ID.Bytes()[:4]) {
		return registry.UnpackPurchasePendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["Reentrancy"].ID.Bytes()[:4]) {
		return registry.UnpackReentrancyError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["RefundTooEarly"].ID.Bytes()[:4]) {
		return registry.UnpackRefundTooEarlyError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["TermsChanged"].ID.Bytes()[:4]) {
		return registry.UnpackTermsChangedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["TransferFailed"].ID.Bytes()[:4]) {
		return registry.UnpackTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownDataset"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownDatasetError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["WrongPayment"].ID.Bytes()[:4]) {
		return registry.UnpackWrongPaymentError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RegistryCIDExists represents a CIDExists error raised by the Registry contract.
type RegistryCIDExists struct {
	CidHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CIDExists(bytes32 cidHash)
func RegistryCIDExistsErrorID() common.Hash {
	return common.HexToHash("0xe1ee672baf89183cc06c112a939fe2dbc20402a8cd53d042a3897b4a26096257")
}

// UnpackCIDExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CIDExists(bytes32 cidHash)
func (registry *Registry) UnpackCIDExistsError(raw []byte) (*RegistryCIDExists, error) {
	out := new(RegistryCIDExists)
	if err := registry.abi.UnpackIntoInterface(out, "CIDExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryDatasetErased represents a DatasetErased error raised by the Registry contract.
type RegistryDatasetErased struct {
	Dataset uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DatasetErased(uint64 dataset)
func RegistryDatasetErasedErrorID() common.Hash {
	return common.HexToHash("0x90587d315979a1329f6174831968518e6f8808a624d166a21c849bc8d59ee036")
}

// UnpackDatasetErasedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DatasetErased(uint64 dataset)
func (registry *Registry) UnpackDatasetErasedError(raw []byte) (*RegistryDatasetErased, error) {
	out := new(RegistryDatasetErased)
	if err := registry.abi.UnpackIntoInterface(out, "DatasetErased", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidCID represents a InvalidCID error raised by the Registry contract.
type RegistryInvalidCID struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidCID()
func RegistryInvalidCIDErrorID() common.Hash {
	return common.HexToHash("0xe1d766f45f42c0be5434963d49e08bccba6a62408c497ab45f97eb861cbb4bd7")
}

// UnpackInvalidCIDError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidCID()
func (registry *Registry) UnpackInvalidCIDError(raw []byte) (*RegistryInvalidCID, error) {
	out := new(RegistryInvalidCID)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidCID", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidExpiry represents a InvalidExpiry error raised by the Registry contract.
type RegistryInvalidExpiry struct {
	Expiry uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidExpiry(uint64 expiry)
func RegistryInvalidExpiryErrorID() common.Hash {
	return common.HexToHash("0x5e23ca683077152b568d5a6c78751d1308cfbbc7c308cb1322afc05c1541512f")
}

// UnpackInvalidExpiryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidExpiry(uint64 expiry)
func (registry *Registry) UnpackInvalidExpiryError(raw []byte) (*RegistryInvalidExpiry, error) {
	out := new(RegistryInvalidExpiry)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidExpiry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidGrantee represents a InvalidGrantee error raised by the Registry contract.
type RegistryInvalidGrantee struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidGrantee()
func RegistryInvalidGranteeErrorID() common.Hash {
	return common.HexToHash("0xe8146ac4619756d2d735cf4369d2f9783e6662b1a04509835e132a5631d51b86")
}

// UnpackInvalidGranteeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidGrantee()
func (registry *Registry) UnpackInvalidGranteeError(raw []byte) (*RegistryInvalidGrantee, error) {
	out := new(RegistryInvalidGrantee)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidGrantee", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidKey represents a InvalidKey error raised by the Registry contract.
type RegistryInvalidKey struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidKey()
func RegistryInvalidKeyErrorID() common.Hash {
	return common.HexToHash("0x76d4e1e8439f6d9c3d1cf835f307989788cf73aa0b95b7a7c935c1e0e543d094")
}

// UnpackInvalidKeyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidKey()
func (registry *Registry) UnpackInvalidKeyError(raw []byte) (*RegistryInvalidKey, error) {
	out := new(RegistryInvalidKey)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidKey", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidOffer represents a InvalidOffer error raised by the Registry contract.
type RegistryInvalidOffer struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidOffer()
func RegistryInvalidOfferErrorID() common.Hash {
	return common.HexToHash("0x2ee39802b8231dd76d8c307367747ebf7c42b598a41d144fcf2dd6c0f5650234")
}

// UnpackInvalidOfferError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidOffer()
func (registry *Registry) UnpackInvalidOfferError(raw []byte) (*RegistryInvalidOffer, error) {
	out := new(RegistryInvalidOffer)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidOffer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidProxy represents a InvalidProxy error raised by the Registry contract.
type RegistryInvalidProxy struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProxy()
func RegistryInvalidProxyErrorID() common.Hash {
	return common.HexToHash("0xb9e5cf7cbdf224cbd80956fa4d336475413ce846bb47792de9b1554531abdb95")
}

// UnpackInvalidProxyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProxy()
func (registry *Registry) UnpackInvalidProxyError(raw []byte) (*RegistryInvalidProxy, error) {
	out := new(RegistryInvalidProxy)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidProxy", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidTerms represents a InvalidTerms error raised by the Registry contract.
type RegistryInvalidTerms struct {
	Terms *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidTerms(uint256 terms)
func RegistryInvalidTermsErrorID() common.Hash {
	return common.HexToHash("0xd13c1680b48662121ff32a22a9632c985f72abd5d8156258ad0f5df14597ea49")
}

// UnpackInvalidTermsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidTerms(uint256 terms)
func (registry *Registry) UnpackInvalidTermsError(raw []byte) (*RegistryInvalidTerms, error) {
	out := new(RegistryInvalidTerms)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidTerms", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryInvalidThreshold represents a InvalidThreshold error raised by the Registry contract.
type RegistryInvalidThreshold struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidThreshold()
func RegistryInvalidThresholdErrorID() common.Hash {
	return common.HexToHash("0xaabd5a09991cc5327efcd91d11259139f5e84df65c9346e998897a10eaca0de2")
}

// UnpackInvalidThresholdError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidThreshold()
func (registry *Registry) UnpackInvalidThresholdError(raw []byte) (*RegistryInvalidThreshold, error) {
	out := new(RegistryInvalidThreshold)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidThreshold", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryKeysAlreadyRegistered represents a KeysAlreadyRegistered error raised by the Registry contract.
type RegistryKeysAlreadyRegistered struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error KeysAlreadyRegistered(address account)
func RegistryKeysAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x1c1bc8e62d03dc72091ab3da65610b755a13a516638d04f4166ad647d15687ce")
}

// UnpackKeysAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error KeysAlreadyRegistered(address account)
func (registry *Registry) UnpackKeysAlreadyRegisteredError(raw []byte) (*RegistryKeysAlreadyRegistered, error) {
	out := new(RegistryKeysAlreadyRegistered)
	if err := registry.abi.UnpackIntoInterface(out, "KeysAlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNoGrant represents a NoGrant error raised by the Registry contract.
type RegistryNoGrant struct {
	Dataset uint64
	Grantee common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoGrant(uint64 dataset, address grantee)
func RegistryNoGrantErrorID() common.Hash {
	return common.HexToHash("0x49aa90faa16f9bd21a959a5169fbca2740e27cd4352ee303e5aaa2669d2bd071")
}

// UnpackNoGrantError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoGrant(uint64 dataset, address grantee)
func (registry *Registry) UnpackNoGrantError(raw []byte) (*RegistryNoGrant, error) {
	out := new(RegistryNoGrant)
	if err := registry.abi.UnpackIntoInterface(out, "NoGrant", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNoOffer represents a NoOffer error raised by the Registry contract.
type RegistryNoOffer struct {
	Dataset uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoOffer(uint64 dataset)
func RegistryNoOfferErrorID() common.Hash {
	return common.HexToHash("0xee564efbcd02335dfe6454ca7b55c9923d6e1dd86006c71c2730f5b7544bfab9")
}

// UnpackNoOfferError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoOffer(uint64 dataset)
func (registry *Registry) UnpackNoOfferError(raw []byte) (*RegistryNoOffer, error) {
	out := new(RegistryNoOffer)
	if err := registry.abi.UnpackIntoInterface(out, "NoOffer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNoPurchase represents a NoPurchase error raised by the Registry contract.
type RegistryNoPurchase struct {
	Dataset uint64
	Buyer   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoPurchase(uint64 dataset, address buyer)
func RegistryNoPurchaseErrorID() common.Hash {
	return common.HexToHash("0x027a94adbe697e63931d0b49d2826fec85cfc44f8d2100ace82b29bba1963018")
}

// UnpackNoPurchaseError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoPurchase(uint64 dataset, address buyer)
func (registry *Registry) UnpackNoPurchaseError(raw []byte) (*RegistryNoPurchase, error) {
	out := new(RegistryNoPurchase)
	if err := registry.abi.UnpackIntoInterface(out, "NoPurchase", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNotOwner represents a NotOwner error raised by the Registry contract.
type RegistryNotOwner struct {
	Dataset uint64
	Caller  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotOwner(uint64 dataset, address caller)
func RegistryNotOwnerErrorID() common.Hash {
	return common.HexToHash("0x4b9d219fe93a98e3fe6832876abebce2006062f07cff271b865a8484b45e0eaa")
}

// UnpackNotOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotOwner(uint64 dataset, address caller)
func (registry *Registry) UnpackNotOwnerError(raw []byte) (*RegistryNotOwner, error) {
	out := new(RegistryNotOwner)
	if err := registry.abi.UnpackIntoInterface(out, "NotOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNothingToWithdraw represents a NothingToWithdraw error raised by the Registry contract.
type RegistryNothingToWithdraw struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToWithdraw(address account)
func RegistryNothingToWithdrawErrorID() common.Hash {
	return common.HexToHash("0xdc69dc16e4a8405b44139edda9a06ee66b303337358b6f4633533d65de15b7f4")
}

// UnpackNothingToWithdrawError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToWithdraw(address account)
func (registry *Registry) UnpackNothingToWithdrawError(raw []byte) (*RegistryNothingToWithdraw, error) {
	out := new(RegistryNothingToWithdraw)
	if err := registry.abi.UnpackIntoInterface(out, "NothingToWithdraw", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryPurchasePending represents a PurchasePending error raised by the Registry contract.
type RegistryPurchasePending struct {
	Dataset uint64
	Buyer   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PurchasePending(uint64 dataset, address buyer)
func RegistryPurchasePendingErrorID() common.Hash {
	return common.HexToHash("0x29e2a6ff45db2fe27405a8ef45387bcb8da59975519da83046124251dcf359a0")
}

// UnpackPurchasePendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PurchasePending(uint64 dataset, address buyer)
func (registry *Registry) UnpackPurchasePendingError(raw []byte) (*RegistryPurchasePending, error) {
	out := new(RegistryPurchasePending)
	if err := registry.abi.UnpackIntoInterface(out, "PurchasePending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryReentrancy represents a Reentrancy error raised by the Registry contract.
type RegistryReentrancy struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Reentrancy()
func RegistryReentrancyErrorID() common.Hash {
	return common.HexToHash("0xab143c06c9772d69bbbc9f2fe74acd02f810e93b099f3d1dac8448ac9ae35991")
}

// UnpackReentrancyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Reentrancy()
func (registry *Registry) UnpackReentrancyError(raw []byte) (*RegistryReentrancy, error) {
	out := new(RegistryReentrancy)
	if err := registry.abi.UnpackIntoInterface(out, "Reentrancy", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryRefundTooEarly represents a RefundTooEarly error raised by the Registry contract.
type RegistryRefundTooEarly struct {
	Deadline uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RefundTooEarly(uint64 deadline)
func RegistryRefundTooEarlyErrorID() common.Hash {
	return common.HexToHash("0x58ea33818e1c19e0c9dfc4ed1d9c471f1707e9195cad4b44fcc3240c42daf857")
}

// UnpackRefundTooEarlyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RefundTooEarly(uint64 deadline)
func (registry *Registry) UnpackRefundTooEarlyError(raw []byte) (*RegistryRefundTooEarly, error) {
	out := new(RegistryRefundTooEarly)
	if err := registry.abi.UnpackIntoInterface(out, "RefundTooEarly", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryTermsChanged represents a TermsChanged error raised by the Registry contract.
type RegistryTermsChanged struct {
	Expected [32]byte
	Current  [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TermsChanged(bytes32 expected, bytes32 current)
func RegistryTermsChangedErrorID() common.Hash {
	return common.HexToHash("0xedc2f1c3e97656ac7976cc74602858a595f1d5ea23d004f171c0ae2dbfe7f7df")
}

// UnpackTermsChangedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TermsChanged(bytes32 expected, bytes32 current)
func (registry *Registry) UnpackTermsChangedError(raw []byte) (*RegistryTermsChanged, error) {
	out := new(RegistryTermsChanged)
	if err := registry.abi.UnpackIntoInterface(out, "TermsChanged", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryTransferFailed represents a TransferFailed error raised by the Registry contract.
type RegistryTransferFailed struct {
	Account common.Address
	Amount  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferFailed(address account, uint256 amount)
func RegistryTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x1c43b9761b3fba5321ca8212bfc231945f668ccc0c446f333999eea9ce8fda81")
}

// UnpackTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferFailed(address account, uint256 amount)
func (registry *Registry) UnpackTransferFailedError(raw []byte) (*RegistryTransferFailed, error) {
	out := new(RegistryTransferFailed)
	if err := registry.abi.UnpackIntoInterface(out, "TransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryUnknownDataset represents a UnknownDataset error raised by the Registry contract.
type RegistryUnknownDataset struct {
	Dataset uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownDataset(uint64 dataset)
func RegistryUnknownDatasetErrorID() common.Hash {
	return common.HexToHash("0xe8d781f74894e7ffad1ba44436289822c54f86fcfa18bb166c9fb54dc324dcb1")
}

// UnpackUnknownDatasetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownDataset(uint64 dataset)
func (registry *Registry) UnpackUnknownDatasetError(raw []byte) (*RegistryUnknownDataset, error) {
	out := new(RegistryUnknownDataset)
	if err := registry.abi.UnpackIntoInterface(out, "UnknownDataset", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryWrongPayment represents a WrongPayment error raised by the Registry contract.
type RegistryWrongPayment struct {
	Expected *big.Int
	Sent     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongPayment(uint256 expected, uint256 sent)
func RegistryWrongPaymentErrorID() common.Hash {
	return common.HexToHash("0x0dd32d1c3ef0af2f42e38a7f633c5c154da0aa1d3a58e8dcd04bcd6fb310ac9d")
}

// UnpackWrongPaymentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongPayment(uint256 expected, uint256 sent)
func (registry *Registry) UnpackWrongPaymentError(raw []byte) (*RegistryWrongPayment, error) {
	out := new(RegistryWrongPayment)
	if err := registry.abi.UnpackIntoInterface(out, "WrongPayment", raw); err != nil {
		return nil, err
	}
	return out, nil
}
