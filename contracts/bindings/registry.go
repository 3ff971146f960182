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
	ABI: "[{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"grantWindow_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"AlreadyGranted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"}],\"name\":\"CIDExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"DatasetErased\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expected\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"current\",\"type\":\"uint64\"}],\"name\":\"DurationChanged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"GrantIsBought\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidCID\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"}],\"name\":\"InvalidExpiry\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidGrantee\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidKey\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidOffer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPolicy\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProxy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"}],\"name\":\"InvalidTerms\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidThreshold\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"KeysAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"NoGrant\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"NoOffer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"NoPurchase\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"NotPublic\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"OfferIsPrivate\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"OwnDataset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"PurchasePending\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Reentrancy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"RefundTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"UnknownDataset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"}],\"name\":\"UnknownEpoch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"}],\"name\":\"WrongPayment\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"fingerprint\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"}],\"name\":\"CIDAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"name\":\"DatasetCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"Erased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"grant\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"}],\"name\":\"Granted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proxy\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"grant\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"}],\"name\":\"GrantedVia\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"rewrap\",\"type\":\"bytes\"}],\"name\":\"KeyRotated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"name\":\"KeysRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"OfferWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"Offered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proxy\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"name\":\"ProxyRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"policyHash\",\"type\":\"bytes32\"}],\"name\":\"Published\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"Purchased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Refunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Released\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"Unpublished\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"fingerprint\",\"type\":\"bytes32\"}],\"name\":\"addCID\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"}],\"name\":\"buy\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"}],\"name\":\"cidInfo\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"},{\"internalType\":\"bytes18\",\"name\":\"fingerprintPrefix\",\"type\":\"bytes18\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"name\":\"createDataset\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"datasetCount\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"datasetInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"versions\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"erased\",\"type\":\"bool\"},{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"decline\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address[]\",\"name\":\"buyers\",\"type\":\"address[]\"}],\"name\":\"erase\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"},{\"internalType\":\"address[]\",\"name\":\"proxies\",\"type\":\"address[]\"}],\"name\":\"grant\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"grantOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"},{\"internalType\":\"uint8\",\"name\":\"threshold\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"bought\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"threshold\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"},{\"internalType\":\"address[]\",\"name\":\"proxies\",\"type\":\"address[]\"}],\"name\":\"grantPurchase\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"grantWindow\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"interfaceVersion\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"isAuthorized\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"}],\"name\":\"keyAt\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"},{\"internalType\":\"uint16\",\"name\":\"current\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"keysOf\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"offer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"offerOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"proxyAt\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"proxyCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"proxy\",\"type\":\"address\"}],\"name\":\"proxyOf\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"policyHash\",\"type\":\"bytes32\"}],\"name\":\"publish\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"purchaseOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"},{\"internalType\":\"address[]\",\"name\":\"proxies\",\"type\":\"address[]\"}],\"name\":\"rebundle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"name\":\"registerKeys\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"name\":\"registerProxy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"rewrap\",\"type\":\"bytes\"}],\"name\":\"rotateKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"unpublish\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"vestingOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"settledUntil\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"end\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"visibilityOf\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"visibility\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"policyHash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"withdrawOffer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64[]\",\"name\":\"datasets\",\"type\":\"uint64[]\"},{\"internalType\":\"address[]\",\"name\":\"buyers\",\"type\":\"address[]\"}],\"name\":\"withdrawVested\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Registry",
	Bin: "0x60a0604052600180553480156012575f5ffd5b50604051614220380380614220833981016040819052602f91603f565b6001600160401b0316608052606a565b5f60208284031215604e575f5ffd5b81516001600160401b03811681146063575f5ffd5b9392505050565b6080516141976100895f395f818161079c01526121bd01526141975ff3fe60806040526004361061025d575f3560e01c806370a082311161014b578063bc358c51116100c6578063e714bb421161007c578063f3c4a41411610062578063f3c4a414146107be578063fb58326a146107f5578063fc5952e01461083a575f5ffd5b8063e714bb421461076c578063ead4311f1461078b575f5ffd5b8063c9fe8e82116100ac578063c9fe8e82146106ff578063cf1fed3d1461071e578063d7194ccb1461074d575f5ffd5b8063bc358c51146106c1578063c1a9a508146106e0575f5ffd5b80638a8c77d31161011b578063a4d4f09711610101578063a4d4f09714610670578063a65af27914610683578063ad77a14d146106a2575f5ffd5b80638a8c77d314610619578063a130fa6014610651575f5ffd5b806370a082311461052d5780637340fb281461056157806378e879c3146105805780638564b5fd1461059f575f5ffd5b8063413b1df2116101db5780635ce33d3a116101ab578063693c70ab11610191578063693c70ab1461048e5780636c186c09146104da578063700d57651461050e575f5ffd5b80635ce33d3a1461045057806368ad65f51461046f575f5ffd5b8063413b1df2146103c457806349a8108c146103e357806355a1179e146104025780635cd25ea214610431575f5ffd5b806328acff5e116102305780633c8935b9116102165780633c8935b9146103355780633cb6884f146103675780633ccfd60b146103b0575f5ffd5b806328acff5e146102f457806337c954d814610321575f5ffd5b806301fb61f2146102615780630e959b29146102825780631d8ffa4d146102b85780631e50d2e9146102d5575b5f5ffd5b34801561026c575f5ffd5b5061028061027b3660046136bb565b610859565b005b34801561028d575f5ffd5b506102a161029c36600461372e565b610a00565b6040516102af929190613793565b60405180910390f35b3480156102c3575f5ffd5b5060045b6040519081526020016102af565b3480156102e0575f5ffd5b506102806102ef3660046137c0565b610b3f565b3480156102ff575f5ffd5b5061031361030e3660046137e8565b610c7b565b6040516102af929190613823565b34801561032c575f5ffd5b50600f546102c7565b348015610340575f5ffd5b505f5467ffffffffffffffff165b60405167ffffffffffffffff90911681526020016102af565b348015610372575f5ffd5b506103866103813660046137c0565b610e48565b6040805167ffffffffffffffff909416845260ff90921660208401521515908201526060016102af565b3480156103bb575f5ffd5b50610280610e9c565b3480156103cf575f5ffd5b506102806103de366004613886565b610ea6565b3480156103ee575f5ffd5b506102806103fd366004613906565b611068565b34801561040d575f5ffd5b5061042161041c3660046137c0565b611124565b60405190151581526020016102af565b34801561043c575f5ffd5b5061028061044b366004613955565b6111ae565b34801561045b575f5ffd5b5061028061046a36600461397d565b6112ba565b34801561047a575f5ffd5b50610280610489366004613a07565b61145a565b348015610499575f5ffd5b506104ad6104a8366004613955565b611583565b6040805193845267ffffffffffffffff90921660208401526001600160a01b0316908201526060016102af565b3480156104e5575f5ffd5b506104f96104f4366004613a64565b61163c565b60405163ffffffff90911681526020016102af565b348015610519575f5ffd5b50610280610528366004613aba565b61181c565b348015610538575f5ffd5b506102c761054736600461372e565b6001600160a01b03165f908152600b602052604090205490565b34801561056c575f5ffd5b5061028061057b366004613b26565b611a0e565b34801561058b575f5ffd5b5061034e61059a366004613b3f565b611ae8565b3480156105aa575f5ffd5b506105be6105b9366004613b7e565b611bbe565b6040805167ffffffffffffffff909516855263ffffffff909316602085015261ffff909116918301919091527fffffffffffffffffffffffffffffffffffff00000000000000000000000000001660608201526080016102af565b348015610624575f5ffd5b50610638610633366004613b26565b611c3d565b6040805160ff90931683526020830191909152016102af565b34801561065c575f5ffd5b5061028061066b366004613aba565b611ce3565b61028061067e366004613b98565b611e07565b34801561068e575f5ffd5b5061028061069d3660046137c0565b6122b7565b3480156106ad575f5ffd5b506102806106bc366004613bd1565b6123be565b3480156106cc575f5ffd5b506102806106db3660046137c0565b6124f3565b3480156106eb575f5ffd5b506102a16106fa36600461372e565b612563565b34801561070a575f5ffd5b50610280610719366004613955565b6126a5565b348015610729575f5ffd5b5061073d610738366004613b26565b612786565b6040516102af9493929190613c24565b348015610758575f5ffd5b50610280610767366004613b26565b612870565b348015610777575f5ffd5b50610280610786366004613c63565b6129f0565b348015610796575f5ffd5b5061034e7f000000000000000000000000000000000000000000000000000000000000000081565b3480156107c9575f5ffd5b506107dd6107d8366004613cc3565b612b73565b6040516001600160a01b0390911681526020016102af565b348015610800575f5ffd5b5061081461080f3660046137c0565b612ba1565b6040805193845267ffffffffffffffff92831660208501529116908201526060016102af565b348015610845575f5ffd5b506108146108543660046137c0565b612c10565b61086286612c4a565b506001600160a01b03851660a087901b7bffffffffffffffff000000000000000000000000000000000000000016175f908152600560205260409020548015806108b65750428167ffffffffffffffff1611155b1561090d576040517f49aa90fa00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff881660048201526001600160a01b03871660248201526044015b60405180910390fd5b604080518281526020810187905290810185905267ffffffffffffffff8816906001600160a01b038816907fd78497068ceab953d26715c4b5b191b0a9806b311d069c9717a102de2e9add419060600160405180910390a35f5b828110156109f657866001600160a01b031684848381811061098b5761098b613cda565b90506020020160208101906109a0919061372e565b60408051858152602081018a90529081018890526001600160a01b0391909116907f1c24b1433b29ed6e369b2af24ef0f137a403f67d2ae88ac686c9ca36ce73c6969060600160405180910390a3600101610967565b5050505050505050565b6001600160a01b0381165f908152600c60205260408120600281015460609283929160f81b7fff00000000000000000000000000000000000000000000000000000000000000169003610a755760405180602001604052805f81525060405180602001604052805f8152509250925050915091565b6002810154815460405160f89290921b7fff000000000000000000000000000000000000000000000000000000000000001660208301526021820152604101604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0818403018152908290526002830154600184015461010090910460f81b7fff000000000000000000000000000000000000000000000000000000000000001660208401526021830152906041016040516020818303038152906040529250925050915091565b610b4882612ca6565b506001600160a01b03811660a083901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526009602052604081205490819003610bda576040517f027a94ad00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff851660048201526001600160a01b0384166024820152604401610904565b5f8281526009602090815260408083208390556001600160a01b0386168352600b909152812080546fffffffffffffffffffffffffffffffff841692839291610c24908490613d34565b90915550506040518181526001600160a01b0385169067ffffffffffffffff8716907f88c9f6c3bb454f21551b6ea21d023e4b954004d65e07b97c2305423dc97513eb906020015b60405180910390a35050505050565b67ffffffffffffffff82165f9081526002602052604081205460609190808203610cdd576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff86166004820152602401610904565b60d081901c91508161ffff168461ffff161115610d3c576040517f3a53b0f500000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8616600482015261ffff85166024820152604401610904565b8161ffff168461ffff1603610dba5767ffffffffffffffff85165f90815260036020908152604091829020549151603084901b7fff0000000000000000000000000000000000000000000000000000000000000016918101919091526021810191909152604101604051602081830303815290604052925050610e41565b69ffffffffffffffff0000601086901b1661ffff8516175f908152600d60209081526040918290206001810154815493519193610e2d9360f89290921b929091017fff00000000000000000000000000000000000000000000000000000000000000929092168252600182015260210190565b604051602081830303815290604052935050505b9250929050565b6001600160a01b03811660a083901b7bffffffffffffffff000000000000000000000000000000000000000016175f9081526005602052604090819020549081901c6002604883901c1615155b9250925092565b610ea4612d58565b565b6080811115610ee1576040517fe1d766f400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f610eeb86612c4a565b90505f5f610ef98787612ebf565b909250905061ffff60d084901c165f610f13826001613d34565b905061ffff811115610f51576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60108a901b69ffffffffffffffff00001682175f908152600d6020908152604080832067ffffffffffffffff8e168085526003808552838620805484556001840180547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660c88e901c60ff16179055600286529584902060d088901b60308c901c79ff00000000000000000000000000000000000000000000000000167fffffffff000000ffffffffffffffffffffffffffffffffffffffffffffffffff8e161717905590935292869055517fc1a2532b45d7797ded23caafb91e6a1cafb42c98b254ea6e4befc8da56427640906110539085908e908e908e908e90613d8e565b60405180910390a25050505050505050505050565b5f61107284612c4a565b67ffffffffffffffff85165f818152600260205260408082204260e01b851778010000000000000000000000000000000000000000000000001790555192935090917fc897470d957826e14fba8fd56e2df512351bb36aed0b26539a65deb46a5bc1849190a25f5b8281101561111d57611115858585848181106110f8576110f8613cda565b905060200201602081019061110d919061372e565b846001612fff565b6001016110da565b5050505050565b6001600160a01b03811660a083901b7bffffffffffffffff000000000000000000000000000000000000000016175f908152600560205260408120548015806111775750428167ffffffffffffffff1611155b15611185575f9150506111a8565b505067ffffffffffffffff82165f9081526002602052604090205460c01c600116155b92915050565b6111b782612ca6565b5067ffffffffffffffff82165f9081526006602090815260408083208484529091528120549003611227576040517f48cbe5a700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8316600482015260248101829052604401610904565b67ffffffffffffffff82165f81815260066020908152604080832085845282528083208390558383526007825280832085845282529182902080547fffffffffffffffffffffffff000000000000000000000000000000000000000016905590518381527f62e744dd73791ba9e44b932a45eb31b30c1dd9afc1bdafd6100ad99d9eb2bd81910160405180910390a25050565b5f6112c488612c4a565b90508560ff165f03611302576040517faabd5a0900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b03871660a089901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526009602052604081205490819003611393576040517f027a94ad00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8b1660048201526001600160a01b038a166024820152604401610904565b5f8281526009602052604081208190556113b2908b908b908690612fff565b5f6113c160c083901c42613dca565b5f848152600a6020526040908190206fffffffffffffffffffffffffffffffff85164260801b177fffffffffffffffff00000000000000000000000000000000000000000000000060c085901b1617905590915061144d908c908c9068ff0000000000000000908d901b1667ffffffffffffffff8516176903000000000000000000178b8b8b8b613265565b5050505050505050505050565b5f7fd78497068ceab953d26715c4b5b191b0a9806b311d069c9717a102de2e9add4190505f7f1c24b1433b29ed6e369b2af24ef0f137a403f67d2ae88ac686c9ca36ce73c69690505f5f8a5f52600260205260405f20549150898b60a01b175f52600560205260405f2080544267ffffffffffffffff8c16111560ff8c60401c1615178b60481c8d1517174267ffffffffffffffff83161160018360491c161660018660c01c16336001600160a01b0388161817171792505081611570578b60601b600160481b8b17178082556040518181528a60208201528960408201528d8d88606084a35f91505b8782101561156d578c6001600160a01b038360051b8b01351687606084a3600182019150611544565b50505b50801561144d5761144d8b838c8c613309565b67ffffffffffffffff82165f908152600660209081526040808320848452909152812054819081908015806115d5575067ffffffffffffffff86165f9081526002602052604090205460c01c60011615155b156115e9575f5f5f93509350935050610e95565b67ffffffffffffffff86165f9081526007602090815260408083208884529091529020546fffffffffffffffffffffffffffffffff8216945060809190911c92506001600160a01b031690509250925092565b5f5f61164786612c4a565b90508315806116565750608084115b1561168d576040517fe1d766f400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f858560405161169e929190613dea565b6040805191829003909120335f9081526004602090815283822083835290529190912054909150156116ff576040517fe1ee672b00000000000000000000000000000000000000000000000000000000815260048101829052602401610904565b61170e60a083901c6001613df9565b67ffffffffffffffff88165f8181526002602090815260408083207fffffffffffffffff00000000ffffffffffffffffffffffffffffffffffffffff881677ffffffff000000000000000000000000000000000000000060a088901b1617905533835260048252808320868452909152908190206bffffffff000000000000000084831b1683176dffff000000000000000000000000607088901c16177fffffffffffffffffffffffffffffffffffff000000000000000000000000000089161790555191945082917f8c8bec0b4650bd7b5f7b1eb0d9c9bd99f4d1d8ae663caaa0da04349727aeac8d9061180a90879089908c908c90613e15565b60405180910390a35050949350505050565b83836102008111806118b1575061186982826040518060400160405280600781526020017f687474703a2f2f00000000000000000000000000000000000000000000000000815250613597565b806118af57506118af82826040518060400160405280600881526020017f68747470733a2f2f000000000000000000000000000000000000000000000000815250613597565b155b156118e8576040517fb9e5cf7c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60208314611922576040517fb9e5cf7c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f908152600e6020526040902060018101805461193f90613e3a565b90505f036119a157600f80546001810182555f919091527f8d1108e10bcb7c27dddfc02ed9d693a074039d026cf4ea4240b40f7d581ac8020180547fffffffffffffffffffffffff000000000000000000000000000000000000000016331790555b806119ad878983613f0e565b50600181016119bd858783613f0e565b50336001600160a01b03167f2655cc80ac92c76c554576fd2e97aec2c6ab9fa7fe5759666846f3847f1a1887888888886040516119fd9493929190614024565b60405180910390a250505050505050565b5f611a1882612ca6565b9050600260c082901c165f03611a66576040517fa939ec9100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610904565b67ffffffffffffffff82165f818152600260205260408082207ffffffffffffffffdffffffffffffffffffffffffffffffffffffffffffffffff85167804000000000000000000000000000000000000000000000000179055517f75418352759fca7d316d0f2bbd9c3f59fcfce29564274801340fac4d1a0550779190a25050565b5f5f5f611af58585612ebf565b5f8054929450909250908190611b149067ffffffffffffffff16614055565b825467ffffffffffffffff8083166101009490940a848102910219909116179092555f8181526002602090815260408083203379ff0000000000000000000000000000000000000000000000000060308a901c1681179091556003909252918290208590559051929550917f92ba4892babaa588c8c0ec579114bcdc76d10ee84f79022817a7439124212c9290611bae9089908990614081565b60405180910390a3505092915050565b6001600160a01b0382165f908152600460209081526040808320848452909152812054819081908190808203611c0057505f9350839250829150819050611c34565b93505050604082901c9050606082901c7fffffffffffffffffffffffffffffffffffff000000000000000000000000000083165b92959194509250565b67ffffffffffffffff81165f908152600260205260408120548190808203611c9d576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610904565b60c081901c6002811615611cb45760019350611cc2565b6004811615611cc257600293505b50505067ffffffffffffffff9091165f908152600860205260409020549091565b5f5f611cef8686612ebf565b915091505f5f611cff8686612ebf565b335f908152600c6020526040902060028101549294509092509060f81b7fff000000000000000000000000000000000000000000000000000000000000001615611d77576040517f1c1bc8e6000000000000000000000000000000000000000000000000000000008152336004820152602401610904565b8381556001810182905560028101805460f885811c610100027fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00009092169088901c1717905560405133907f8af4a75deb41e42d8c9a0f5cb294774c4afdb889d380fcc616e2358fd35055bd90611df4908c908c908c908c90614024565b60405180910390a2505050505050505050565b67ffffffffffffffff83165f9081526002602052604081205490819003611e66576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610904565b60c081901c60011615611eb1576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610904565b336001600160a01b03821603611eff576040517f5f169b7800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610904565b67ffffffffffffffff84165f90815260066020908152604080832086845290915281205490819003611f70576040517f48cbe5a700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8616600482015260248101859052604401610904565b67ffffffffffffffff85165f9081526007602090815260408083208784529091529020546001600160a01b03168015801590611fb557506001600160a01b0381163314155b15611ffe576040517f343e902d00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152336024820152604401610904565b816fffffffffffffffffffffffffffffffff163414612063576040517f0dd32d1c0000000000000000000000000000000000000000000000000000000081526fffffffffffffffffffffffffffffffff83166004820152346024820152604401610904565b8367ffffffffffffffff16608083901c67ffffffffffffffff16146120cc576040517fcc3ee8e300000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8086166004830152608084901c166024820152604401610904565b3360a087901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526009602052604090205415612148576040517f29e2a6ff00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff88166004820152336024820152604401610904565b5f81815260056020526040902054801580159061216e5750428167ffffffffffffffff16115b156121b7576040517fdb72255e00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff89166004820152336024820152604401610904565b5f6121e27f000000000000000000000000000000000000000000000000000000000000000042613dca565b5f84815260096020526040908190203477ffffffffffffffff00000000000000000000000000000000608085901b1681177fffffffffffffffff00000000000000000000000000000000000000000000000060c08d901b16179091559051919250339167ffffffffffffffff8c16917fed94c3bea66a39795e081766d1dcf6ab9b70d3fa45abe998ce7eb03db8ab7134916122a491908c9087908f9093845267ffffffffffffffff928316602085015291166040830152606082015260800190565b60405180910390a3505050505050505050565b5f6122c183612ca6565b90505f7bffffffffffffffff000000000000000000000000000000000000000060a085901b166001600160a01b038416175f81815260056020526040812054919250819003612357576040517f49aa90fa00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff861660048201526001600160a01b0385166024820152604401610904565b5f82815260056020526040808220829055516001600160a01b0386169167ffffffffffffffff8816917f36a741a2ffa6b7e08da269c676813bea7eec43b75c7d2353641799a9fcd7ce029190a3604881901c6002161561111d5761111d8585856001612fff565b6123c785612c4a565b5067ffffffffffffffff831615806123ee57506fffffffffffffffffffffffffffffffff84115b15612425576040517f2ee3980200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b67ffffffffffffffff8581165f8181526006602090815260408083208784528252808320608089901b77ffffffffffffffff00000000000000000000000000000000168a1790558383526007825280832087845282529182902080547fffffffffffffffffffffffff0000000000000000000000000000000000000000166001600160a01b038716908117909155825189815294881691850191909152908301859052917f3eccb4f768bf5720beb890d6a292d3d0a179426d4956dbd77194f5f906fe37c690606001610c6c565b67ffffffffffffffff82165f9081526002602052604081205490819003612552576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff84166004820152602401610904565b61255e8383835f612fff565b505050565b6001600160a01b0381165f908152600e602052604090208054606091829181906001820190829061259390613e3a565b80601f01602080910402602001604051908101604052809291908181526020018280546125bf90613e3a565b801561260a5780601f106125e15761010080835404028352916020019161260a565b820191905f5260205f20905b8154815290600101906020018083116125ed57829003601f168201915b5050505050915080805461261d90613e3a565b80601f016020809104026020016040519081016040528092919081815260200182805461264990613e3a565b80156126945780601f1061266b57610100808354040283529160200191612694565b820191905f5260205f20905b81548152906001019060200180831161267757829003601f168201915b505050505090509250925050915091565b5f6126af83612c4a565b90505f8290036126eb576040517fd06b96b100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b67ffffffffffffffff83165f81815260026020908152604080832078020000000000000000000000000000000000000000000000007ffffffffffffffffbffffffffffffffffffffffffffffffffffffffffffffffff8716179055600882529182902085905590518481527f55368b80b372376b212d4dac52999dda5b6a2f170cdc0ca97089fb82fb9baf0f910160405180910390a2505050565b67ffffffffffffffff81165f90815260026020526040812054819081906060908083036127eb576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152602401610904565b67ffffffffffffffff959095165f90815260036020908152604091829020548251603089901b7fff000000000000000000000000000000000000000000000000000000000000001692810192909252602180830191909152825180830390910181526041909101909152949560a087901c95600160c089901c16151595509350915050565b3360a082901b7bffffffffffffffff000000000000000000000000000000000000000016175f81815260096020526040812054908190036128ef576040517f027a94ad00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff84166004820152336024820152604401610904565b608081901c67ffffffffffffffff811642108015612929575067ffffffffffffffff84165f9081526002602052604090205460c01c600116155b1561296c576040517f58ea338100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610904565b5f838152600960209081526040808320839055338352600b909152812080546fffffffffffffffffffffffffffffffff8516928392916129ad908490613d34565b9091555050604051818152339067ffffffffffffffff8716907f88c9f6c3bb454f21551b6ea21d023e4b954004d65e07b97c2305423dc97513eb90602001610c6c565b828114612a29576040517fff633a3800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5b83811015612b50575f60025f878785818110612a4957612a49613cda565b9050602002016020810190612a5e9190613b26565b67ffffffffffffffff1667ffffffffffffffff1681526020019081526020015f20549050805f03612aef57858583818110612a9b57612a9b613cda565b9050602002016020810190612ab09190613b26565b6040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff9091166004820152602401610904565b612b47868684818110612b0457612b04613cda565b9050602002016020810190612b199190613b26565b858585818110612b2b57612b2b613cda565b9050602002016020810190612b40919061372e565b835f612fff565b50600101612a2b565b50335f908152600b602052604090205415612b6d57612b6d612d58565b50505050565b5f600f8281548110612b8757612b87613cda565b5f918252602090912001546001600160a01b031692915050565b5f808080600a817bffffffffffffffff000000000000000000000000000000000000000060a089901b166001600160a01b038816175b815260208101919091526040015f20546fffffffffffffffffffffffffffffffff81169450608081901c935060c01c9150509250925092565b5f8080806009817bffffffffffffffff000000000000000000000000000000000000000060a089901b166001600160a01b03881617612bd7565b5f612c5482612ca6565b905060c081901c60011615612ca1576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610904565b919050565b67ffffffffffffffff81165f908152600260205260409020546001600160a01b0381163314612ca157805f03612d14576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610904565b6040517f4b9d219f00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152336024820152604401610904565b600154600114612d94576040517fab143c0600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6002600155335f908152600b602052604081205490819003612de4576040517fdc69dc16000000000000000000000000000000000000000000000000000000008152336004820152602401610904565b335f818152600b602052604080822091909155517f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d590612e279084815260200190565b60405180910390a26040515f90339083908381818185875af1925050503d805f8114612e6e576040519150601f19603f3d011682016040523d82523d5f602084013e612e73565b606091505b5050905080612eb7576040517f1c43b97600000000000000000000000000000000000000000000000000000000815233600482015260248101839052604401610904565b505060018055565b5f8060218314612efb576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b83835f818110612f0d57612f0d613cda565b909101357fff00000000000000000000000000000000000000000000000000000000000000169250507f02000000000000000000000000000000000000000000000000000000000000008214801590612fa857507f03000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831614155b15612fdf576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b612fed60216001858761409c565b612ff6916140c3565b90509250929050565b6001600160a01b03831660a085901b7bffffffffffffffff000000000000000000000000000000000000000016175f818152600a60205260408120549081900361304a575050612b6d565b67ffffffffffffffff8681165f908152600260205260409020546fffffffffffffffffffffffffffffffff831691608084901c169060c084811c91429181901c6001161580159081906130a057508260e083901c105b156130ad5760e082901c92505b5f8484106130bc5750856130ef565b858411156130ef576130ce86866140ff565b6130d887866140ff565b6130e29089614112565b6130ec9190614129565b90505b6130f981886140ff565b96508015613188576001600160a01b038b165f908152600b602052604081208054839290613128908490613d34565b925050819055508a6001600160a01b03168c6001600160a01b03168e67ffffffffffffffff167f379a0dbacfd2cad20c12743ab921ed379291ecda6235e5be8d34b17494c8a7ae8460405161317f91815260200190565b60405180910390a45b89806131915750815b8061319c5750848410155b15613231575f898152600a6020526040812055861561322c576001600160a01b038c165f908152600b6020526040812080548992906131dc908490613d34565b90915550506040518781526001600160a01b038d169067ffffffffffffffff8f16907f88c9f6c3bb454f21551b6ea21d023e4b954004d65e07b97c2305423dc97513eb9060200160405180910390a35b613256565b85841115613256575f898152600a60205260409020608085901b881760c087901b1790555b50505050505050505050505050565b5f7fd78497068ceab953d26715c4b5b191b0a9806b311d069c9717a102de2e9add4190505f7f1c24b1433b29ed6e369b2af24ef0f137a403f67d2ae88ac686c9ca36ce73c69690508860601b87179650878960a01b175f5260056020528660405f2055604051878152866020820152856040820152898984606084a35f5b8481101561144d57896001600160a01b038260051b8801351684606085a36001016132e3565b825f0361334e576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610904565b6001600160a01b03831633146133a2576040517f4b9d219f00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152336024820152604401610904565b60c083901c600116156133ed576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610904565b6001600160a01b03821660a085901b7bffffffffffffffff000000000000000000000000000000000000000016175f90815260056020526040902054604881901c600216158015906134485750428167ffffffffffffffff16115b1561349a576040517f17532f5300000000000000000000000000000000000000000000000000000000815267ffffffffffffffff861660048201526001600160a01b0384166024820152604401610904565b6001600160a01b0383166134da576040517fe8146ac400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b604882901c15613519576040517fd13c168000000000000000000000000000000000000000000000000000000000815260048101839052602401610904565b604082901c60ff165f03613559576040517faabd5a0900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040517f5e23ca6800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610904565b80515f9083116135a857505f613646565b5f5b8251811015613640578281815181106135c5576135c5613cda565b01602001517fff00000000000000000000000000000000000000000000000000000000000000168585838181106135fe576135fe613cda565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff191614613638575f915050613646565b6001016135aa565b50600190505b9392505050565b803567ffffffffffffffff81168114612ca1575f5ffd5b80356001600160a01b0381168114612ca1575f5ffd5b5f5f83601f84011261368a575f5ffd5b50813567ffffffffffffffff8111156136a1575f5ffd5b6020830191508360208260051b8501011115610e41575f5ffd5b5f5f5f5f5f5f60a087890312156136d0575f5ffd5b6136d98761364d565b95506136e760208801613664565b94506040870135935060608701359250608087013567ffffffffffffffff811115613710575f5ffd5b61371c89828a0161367a565b979a9699509497509295939492505050565b5f6020828403121561373e575f5ffd5b61364682613664565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b604081525f6137a56040830185613747565b82810360208401526137b78185613747565b95945050505050565b5f5f604083850312156137d1575f5ffd5b6137da8361364d565b9150612ff660208401613664565b5f5f604083850312156137f9575f5ffd5b6138028361364d565b9150602083013561ffff81168114613818575f5ffd5b809150509250929050565b604081525f6138356040830185613747565b905061ffff831660208301529392505050565b5f5f83601f840112613858575f5ffd5b50813567ffffffffffffffff81111561386f575f5ffd5b602083019150836020828501011115610e41575f5ffd5b5f5f5f5f5f6060868803121561389a575f5ffd5b6138a38661364d565b9450602086013567ffffffffffffffff8111156138be575f5ffd5b6138ca88828901613848565b909550935050604086013567ffffffffffffffff8111156138e9575f5ffd5b6138f588828901613848565b969995985093965092949392505050565b5f5f5f60408486031215613918575f5ffd5b6139218461364d565b9250602084013567ffffffffffffffff81111561393c575f5ffd5b6139488682870161367a565b9497909650939450505050565b5f5f60408385031215613966575f5ffd5b61396f8361364d565b946020939093013593505050565b5f5f5f5f5f5f5f60c0888a031215613993575f5ffd5b61399c8861364d565b96506139aa60208901613664565b9550604088013560ff811681146139bf575f5ffd5b9450606088013593506080880135925060a088013567ffffffffffffffff8111156139e8575f5ffd5b6139f48a828b0161367a565b989b979a50959850939692959293505050565b5f5f5f5f5f5f5f60c0888a031215613a1d575f5ffd5b613a268861364d565b9650613a3460208901613664565b955060408801359450606088013593506080880135925060a088013567ffffffffffffffff8111156139e8575f5ffd5b5f5f5f5f60608587031215613a77575f5ffd5b613a808561364d565b9350602085013567ffffffffffffffff811115613a9b575f5ffd5b613aa787828801613848565b9598909750949560400135949350505050565b5f5f5f5f60408587031215613acd575f5ffd5b843567ffffffffffffffff811115613ae3575f5ffd5b613aef87828801613848565b909550935050602085013567ffffffffffffffff811115613b0e575f5ffd5b613b1a87828801613848565b95989497509550505050565b5f60208284031215613b36575f5ffd5b6136468261364d565b5f5f60208385031215613b50575f5ffd5b823567ffffffffffffffff811115613b66575f5ffd5b613b7285828601613848565b90969095509350505050565b5f5f60408385031215613b8f575f5ffd5b61396f83613664565b5f5f5f60608486031215613baa575f5ffd5b613bb38461364d565b925060208401359150613bc86040850161364d565b90509250925092565b5f5f5f5f5f60a08688031215613be5575f5ffd5b613bee8661364d565b945060208601359350613c036040870161364d565b925060608601359150613c1860808701613664565b90509295509295909350565b6001600160a01b038516815263ffffffff841660208201528215156040820152608060608201525f613c596080830184613747565b9695505050505050565b5f5f5f5f60408587031215613c76575f5ffd5b843567ffffffffffffffff811115613c8c575f5ffd5b613c988782880161367a565b909550935050602085013567ffffffffffffffff811115613cb7575f5ffd5b613b1a8782880161367a565b5f60208284031215613cd3575f5ffd5b5035919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b808201808211156111a8576111a8613d07565b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b61ffff86168152606060208201525f613dab606083018688613d47565b8281036040840152613dbe818587613d47565b98975050505050505050565b67ffffffffffffffff81811683821601908111156111a8576111a8613d07565b818382375f9101908152919050565b63ffffffff81811683821601908111156111a8576111a8613d07565b63ffffffff85168152836020820152606060408201525f613c59606083018486613d47565b600181811c90821680613e4e57607f821691505b602082108103613e85577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b601f82111561255e578282111561255e57805f5260205f20601f840160051c6020851015613ee357505f5b90810190601f840160051c035f5b81811015613f06575f83820155600101613ef1565b505050505050565b67ffffffffffffffff831115613f2657613f26613e8b565b613f3a83613f348354613e3a565b83613eb8565b5f601f841160018114613f8a575f8515613f545750838201355b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b1c1916600186901b17835561111d565b5f838152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08716915b82811015613fd75786850135825560209485019460019092019101613fb7565b5086821015614012577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff60f88860031b161c19848701351681555b505060018560011b0183555050505050565b604081525f614037604083018688613d47565b828103602084015261404a818587613d47565b979650505050505050565b5f67ffffffffffffffff821667ffffffffffffffff810361407857614078613d07565b60010192915050565b602081525f614094602083018486613d47565b949350505050565b5f5f858511156140aa575f5ffd5b838611156140b6575f5ffd5b5050820193919092039150565b803560208310156111a8577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff602084900360031b1b1692915050565b818103818111156111a8576111a8613d07565b80820281158282048414176111a8576111a8613d07565b5f8261415c577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b50049056fea2646970667358221220a6425795212d7e5bb93c59af2dd59da0158c73a71a11fb90c5b2e7bd1bffe23764736f6c63430008250033",
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
// the contract method with ID 0xa4d4f097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function buy(uint64 dataset, bytes32 termsHash, uint64 duration) payable returns()
func (registry *Registry) PackBuy(dataset uint64, termsHash [32]byte, duration uint64) []byte {
	enc, err := registry.abi.Pack("buy", dataset, termsHash, duration)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBuy is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4d4f097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function buy(uint64 dataset, bytes32 termsHash, uint64 duration) payable returns()
func (registry *Registry) TryPackBuy(dataset uint64, termsHash [32]byte, duration uint64) ([]byte, error) {
	return registry.abi.Pack("buy", dataset, termsHash, duration)
}

// PackCidInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8564b5fd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cidInfo(address owner, bytes32 cidHash) view returns(uint64 dataset, uint32 version, uint16 epoch, bytes18 fingerprintPrefix)
func (registry *Registry) PackCidInfo(owner common.Address, cidHash [32]byte) []byte {
	enc, err := registry.abi.Pack("cidInfo", owner, cidHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCidInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8564b5fd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cidInfo(address owner, bytes32 cidHash) view returns(uint64 dataset, uint32 version, uint16 epoch, bytes18 fingerprintPrefix)
func (registry *Registry) TryPackCidInfo(owner common.Address, cidHash [32]byte) ([]byte, error) {
	return registry.abi.Pack("cidInfo", owner, cidHash)
}

// CidInfoOutput serves as a container for the return parameters of contract
// method CidInfo.
type CidInfoOutput struct {
	Dataset           uint64
	Version           uint32
	Epoch             uint16
	FingerprintPrefix [18]byte
}

// UnpackCidInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8564b5fd.
//
// Solidity: function cidInfo(address owner, bytes32 cidHash) view returns(uint64 dataset, uint32 version, uint16 epoch, bytes18 fingerprintPrefix)
func (registry *Registry) UnpackCidInfo(data []byte) (CidInfoOutput, error) {
	out, err := registry.abi.Unpack("cidInfo", data)
	outstruct := new(CidInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Dataset = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.Version = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	outstruct.Epoch = *abi.ConvertType(out[2], new(uint16)).(*uint16)
	outstruct.FingerprintPrefix = *abi.ConvertType(out[3], new([18]byte)).(*[18]byte)
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

// PackDecline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e50d2e9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decline(uint64 dataset, address buyer) returns()
func (registry *Registry) PackDecline(dataset uint64, buyer common.Address) []byte {
	enc, err := registry.abi.Pack("decline", dataset, buyer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1e50d2e9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decline(uint64 dataset, address buyer) returns()
func (registry *Registry) TryPackDecline(dataset uint64, buyer common.Address) ([]byte, error) {
	return registry.abi.Pack("decline", dataset, buyer)
}

// PackErase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49a8108c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function erase(uint64 dataset, address[] buyers) returns()
func (registry *Registry) PackErase(dataset uint64, buyers []common.Address) []byte {
	enc, err := registry.abi.Pack("erase", dataset, buyers)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackErase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x49a8108c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function erase(uint64 dataset, address[] buyers) returns()
func (registry *Registry) TryPackErase(dataset uint64, buyers []common.Address) ([]byte, error) {
	return registry.abi.Pack("erase", dataset, buyers)
}

// PackGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68ad65f5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grant(uint64 dataset, address grantee, uint256 terms, bytes32 purposeHash, bytes32 bundle, address[] proxies) returns()
func (registry *Registry) PackGrant(dataset uint64, grantee common.Address, terms *big.Int, purposeHash [32]byte, bundle [32]byte, proxies []common.Address) []byte {
	enc, err := registry.abi.Pack("grant", dataset, grantee, terms, purposeHash, bundle, proxies)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrant is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68ad65f5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grant(uint64 dataset, address grantee, uint256 terms, bytes32 purposeHash, bytes32 bundle, address[] proxies) returns()
func (registry *Registry) TryPackGrant(dataset uint64, grantee common.Address, terms *big.Int, purposeHash [32]byte, bundle [32]byte, proxies []common.Address) ([]byte, error) {
	return registry.abi.Pack("grant", dataset, grantee, terms, purposeHash, bundle, proxies)
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
// the contract method with ID 0x5ce33d3a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function grantPurchase(uint64 dataset, address buyer, uint8 threshold, bytes32 purposeHash, bytes32 bundle, address[] proxies) returns()
func (registry *Registry) PackGrantPurchase(dataset uint64, buyer common.Address, threshold uint8, purposeHash [32]byte, bundle [32]byte, proxies []common.Address) []byte {
	enc, err := registry.abi.Pack("grantPurchase", dataset, buyer, threshold, purposeHash, bundle, proxies)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGrantPurchase is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5ce33d3a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function grantPurchase(uint64 dataset, address buyer, uint8 threshold, bytes32 purposeHash, bytes32 bundle, address[] proxies) returns()
func (registry *Registry) TryPackGrantPurchase(dataset uint64, buyer common.Address, threshold uint8, purposeHash [32]byte, bundle [32]byte, proxies []common.Address) ([]byte, error) {
	return registry.abi.Pack("grantPurchase", dataset, buyer, threshold, purposeHash, bundle, proxies)
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

// PackInterfaceVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1d8ffa4d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function interfaceVersion() pure returns(uint256)
func (registry *Registry) PackInterfaceVersion() []byte {
	enc, err := registry.abi.Pack("interfaceVersion")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInterfaceVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1d8ffa4d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function interfaceVersion() pure returns(uint256)
func (registry *Registry) TryPackInterfaceVersion() ([]byte, error) {
	return registry.abi.Pack("interfaceVersion")
}

// UnpackInterfaceVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1d8ffa4d.
//
// Solidity: function interfaceVersion() pure returns(uint256)
func (registry *Registry) UnpackInterfaceVersion(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("interfaceVersion", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
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

// PackKeyAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28acff5e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keyAt(uint64 dataset, uint16 epoch) view returns(bytes delegatingKey, uint16 current)
func (registry *Registry) PackKeyAt(dataset uint64, epoch uint16) []byte {
	enc, err := registry.abi.Pack("keyAt", dataset, epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeyAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28acff5e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keyAt(uint64 dataset, uint16 epoch) view returns(bytes delegatingKey, uint16 current)
func (registry *Registry) TryPackKeyAt(dataset uint64, epoch uint16) ([]byte, error) {
	return registry.abi.Pack("keyAt", dataset, epoch)
}

// KeyAtOutput serves as a container for the return parameters of contract
// method KeyAt.
type KeyAtOutput struct {
	DelegatingKey []byte
	Current       uint16
}

// UnpackKeyAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28acff5e.
//
// Solidity: function keyAt(uint64 dataset, uint16 epoch) view returns(bytes delegatingKey, uint16 current)
func (registry *Registry) UnpackKeyAt(data []byte) (KeyAtOutput, error) {
	out, err := registry.abi.Unpack("keyAt", data)
	outstruct := new(KeyAtOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.DelegatingKey = *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	outstruct.Current = *abi.ConvertType(out[1], new(uint16)).(*uint16)
	return *outstruct, nil
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
// the contract method with ID 0xad77a14d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function offer(uint64 dataset, uint256 price, uint64 duration, bytes32 termsHash, address buyer) returns()
func (registry *Registry) PackOffer(dataset uint64, price *big.Int, duration uint64, termsHash [32]byte, buyer common.Address) []byte {
	enc, err := registry.abi.Pack("offer", dataset, price, duration, termsHash, buyer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOffer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xad77a14d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function offer(uint64 dataset, uint256 price, uint64 duration, bytes32 termsHash, address buyer) returns()
func (registry *Registry) TryPackOffer(dataset uint64, price *big.Int, duration uint64, termsHash [32]byte, buyer common.Address) ([]byte, error) {
	return registry.abi.Pack("offer", dataset, price, duration, termsHash, buyer)
}

// PackOfferOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x693c70ab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function offerOf(uint64 dataset, bytes32 termsHash) view returns(uint256 price, uint64 duration, address buyer)
func (registry *Registry) PackOfferOf(dataset uint64, termsHash [32]byte) []byte {
	enc, err := registry.abi.Pack("offerOf", dataset, termsHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOfferOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x693c70ab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function offerOf(uint64 dataset, bytes32 termsHash) view returns(uint256 price, uint64 duration, address buyer)
func (registry *Registry) TryPackOfferOf(dataset uint64, termsHash [32]byte) ([]byte, error) {
	return registry.abi.Pack("offerOf", dataset, termsHash)
}

// OfferOfOutput serves as a container for the return parameters of contract
// method OfferOf.
type OfferOfOutput struct {
	Price    *big.Int
	Duration uint64
	Buyer    common.Address
}

// UnpackOfferOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x693c70ab.
//
// Solidity: function offerOf(uint64 dataset, bytes32 termsHash) view returns(uint256 price, uint64 duration, address buyer)
func (registry *Registry) UnpackOfferOf(data []byte) (OfferOfOutput, error) {
	out, err := registry.abi.Unpack("offerOf", data)
	outstruct := new(OfferOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Price = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Duration = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.Buyer = *abi.ConvertType(out[2], new(common.Address)).(*common.Address)
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

// PackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9fe8e82.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publish(uint64 dataset, bytes32 policyHash) returns()
func (registry *Registry) PackPublish(dataset uint64, policyHash [32]byte) []byte {
	enc, err := registry.abi.Pack("publish", dataset, policyHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc9fe8e82.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publish(uint64 dataset, bytes32 policyHash) returns()
func (registry *Registry) TryPackPublish(dataset uint64, policyHash [32]byte) ([]byte, error) {
	return registry.abi.Pack("publish", dataset, policyHash)
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

// PackRebundle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01fb61f2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rebundle(uint64 dataset, address grantee, bytes32 purposeHash, bytes32 bundle, address[] proxies) returns()
func (registry *Registry) PackRebundle(dataset uint64, grantee common.Address, purposeHash [32]byte, bundle [32]byte, proxies []common.Address) []byte {
	enc, err := registry.abi.Pack("rebundle", dataset, grantee, purposeHash, bundle, proxies)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRebundle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01fb61f2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rebundle(uint64 dataset, address grantee, bytes32 purposeHash, bytes32 bundle, address[] proxies) returns()
func (registry *Registry) TryPackRebundle(dataset uint64, grantee common.Address, purposeHash [32]byte, bundle [32]byte, proxies []common.Address) ([]byte, error) {
	return registry.abi.Pack("rebundle", dataset, grantee, purposeHash, bundle, proxies)
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
// the contract method with ID 0x413b1df2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rotateKey(uint64 dataset, bytes delegatingKey, bytes rewrap) returns()
func (registry *Registry) PackRotateKey(dataset uint64, delegatingKey []byte, rewrap []byte) []byte {
	enc, err := registry.abi.Pack("rotateKey", dataset, delegatingKey, rewrap)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRotateKey is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x413b1df2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rotateKey(uint64 dataset, bytes delegatingKey, bytes rewrap) returns()
func (registry *Registry) TryPackRotateKey(dataset uint64, delegatingKey []byte, rewrap []byte) ([]byte, error) {
	return registry.abi.Pack("rotateKey", dataset, delegatingKey, rewrap)
}

// PackSettle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc358c51.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function settle(uint64 dataset, address buyer) returns()
func (registry *Registry) PackSettle(dataset uint64, buyer common.Address) []byte {
	enc, err := registry.abi.Pack("settle", dataset, buyer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSettle is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xbc358c51.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function settle(uint64 dataset, address buyer) returns()
func (registry *Registry) TryPackSettle(dataset uint64, buyer common.Address) ([]byte, error) {
	return registry.abi.Pack("settle", dataset, buyer)
}

// PackUnpublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7340fb28.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unpublish(uint64 dataset) returns()
func (registry *Registry) PackUnpublish(dataset uint64) []byte {
	enc, err := registry.abi.Pack("unpublish", dataset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnpublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7340fb28.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unpublish(uint64 dataset) returns()
func (registry *Registry) TryPackUnpublish(dataset uint64) ([]byte, error) {
	return registry.abi.Pack("unpublish", dataset)
}

// PackVestingOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb58326a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function vestingOf(uint64 dataset, address buyer) view returns(uint256 amount, uint64 settledUntil, uint64 end)
func (registry *Registry) PackVestingOf(dataset uint64, buyer common.Address) []byte {
	enc, err := registry.abi.Pack("vestingOf", dataset, buyer)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVestingOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfb58326a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function vestingOf(uint64 dataset, address buyer) view returns(uint256 amount, uint64 settledUntil, uint64 end)
func (registry *Registry) TryPackVestingOf(dataset uint64, buyer common.Address) ([]byte, error) {
	return registry.abi.Pack("vestingOf", dataset, buyer)
}

// VestingOfOutput serves as a container for the return parameters of contract
// method VestingOf.
type VestingOfOutput struct {
	Amount       *big.Int
	SettledUntil uint64
	End          uint64
}

// UnpackVestingOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfb58326a.
//
// Solidity: function vestingOf(uint64 dataset, address buyer) view returns(uint256 amount, uint64 settledUntil, uint64 end)
func (registry *Registry) UnpackVestingOf(data []byte) (VestingOfOutput, error) {
	out, err := registry.abi.Unpack("vestingOf", data)
	outstruct := new(VestingOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Amount = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.SettledUntil = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	outstruct.End = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackVisibilityOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a8c77d3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function visibilityOf(uint64 dataset) view returns(uint8 visibility, bytes32 policyHash)
func (registry *Registry) PackVisibilityOf(dataset uint64) []byte {
	enc, err := registry.abi.Pack("visibilityOf", dataset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVisibilityOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8a8c77d3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function visibilityOf(uint64 dataset) view returns(uint8 visibility, bytes32 policyHash)
func (registry *Registry) TryPackVisibilityOf(dataset uint64) ([]byte, error) {
	return registry.abi.Pack("visibilityOf", dataset)
}

// VisibilityOfOutput serves as a container for the return parameters of contract
// method VisibilityOf.
type VisibilityOfOutput struct {
	Visibility uint8
	PolicyHash [32]byte
}

// UnpackVisibilityOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8a8c77d3.
//
// Solidity: function visibilityOf(uint64 dataset) view returns(uint8 visibility, bytes32 policyHash)
func (registry *Registry) UnpackVisibilityOf(data []byte) (VisibilityOfOutput, error) {
	out, err := registry.abi.Unpack("visibilityOf", data)
	outstruct := new(VisibilityOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Visibility = *abi.ConvertType(out[0], new(uint8)).(*uint8)
	outstruct.PolicyHash = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	return *outstruct, nil
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
// the contract method with ID 0x5cd25ea2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawOffer(uint64 dataset, bytes32 termsHash) returns()
func (registry *Registry) PackWithdrawOffer(dataset uint64, termsHash [32]byte) []byte {
	enc, err := registry.abi.Pack("withdrawOffer", dataset, termsHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawOffer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5cd25ea2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawOffer(uint64 dataset, bytes32 termsHash) returns()
func (registry *Registry) TryPackWithdrawOffer(dataset uint64, termsHash [32]byte) ([]byte, error) {
	return registry.abi.Pack("withdrawOffer", dataset, termsHash)
}

// PackWithdrawVested is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe714bb42.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawVested(uint64[] datasets, address[] buyers) returns()
func (registry *Registry) PackWithdrawVested(datasets []uint64, buyers []common.Address) []byte {
	enc, err := registry.abi.Pack("withdrawVested", datasets, buyers)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawVested is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe714bb42.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawVested(uint64[] datasets, address[] buyers) returns()
func (registry *Registry) TryPackWithdrawVested(datasets []uint64, buyers []common.Address) ([]byte, error) {
	return registry.abi.Pack("withdrawVested", datasets, buyers)
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
	Dataset     uint64
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
// Solidity: event Granted(address indexed grantee, uint64 indexed dataset, uint256 grant, bytes32 purposeHash, bytes32 bundle)
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

// RegistryGrantedVia represents a GrantedVia event raised by the Registry contract.
type RegistryGrantedVia struct {
	Proxy       common.Address
	Grantee     common.Address
	Grant       *big.Int
	PurposeHash [32]byte
	Bundle      [32]byte
	Raw         *types.Log // Blockchain specific contextual infos
}

const RegistryGrantedViaEventName = "GrantedVia"

// ContractEventName returns the user-defined event name.
func (RegistryGrantedVia) ContractEventName() string {
	return RegistryGrantedViaEventName
}

// UnpackGrantedViaEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event GrantedVia(address indexed proxy, address indexed grantee, uint256 grant, bytes32 purposeHash, bytes32 bundle)
func (registry *Registry) UnpackGrantedViaEvent(log *types.Log) (*RegistryGrantedVia, error) {
	event := "GrantedVia"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryGrantedVia)
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
	Rewrap        []byte
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
// Solidity: event KeyRotated(uint64 indexed dataset, uint16 epoch, bytes delegatingKey, bytes rewrap)
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
	Dataset   uint64
	TermsHash [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const RegistryOfferWithdrawnEventName = "OfferWithdrawn"

// ContractEventName returns the user-defined event name.
func (RegistryOfferWithdrawn) ContractEventName() string {
	return RegistryOfferWithdrawnEventName
}

// UnpackOfferWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OfferWithdrawn(uint64 indexed dataset, bytes32 termsHash)
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
	Buyer     common.Address
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
// Solidity: event Offered(uint64 indexed dataset, address indexed buyer, uint256 price, uint64 duration, bytes32 termsHash)
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

// RegistryPublished represents a Published event raised by the Registry contract.
type RegistryPublished struct {
	Dataset    uint64
	PolicyHash [32]byte
	Raw        *types.Log // Blockchain specific contextual infos
}

const RegistryPublishedEventName = "Published"

// ContractEventName returns the user-defined event name.
func (RegistryPublished) ContractEventName() string {
	return RegistryPublishedEventName
}

// UnpackPublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Published(uint64 indexed dataset, bytes32 policyHash)
func (registry *Registry) UnpackPublishedEvent(log *types.Log) (*RegistryPublished, error) {
	event := "Published"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryPublished)
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

// RegistryUnpublished represents a Unpublished event raised by the Registry contract.
type RegistryUnpublished struct {
	Dataset uint64
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryUnpublishedEventName = "Unpublished"

// ContractEventName returns the user-defined event name.
func (RegistryUnpublished) ContractEventName() string {
	return RegistryUnpublishedEventName
}

// UnpackUnpublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Unpublished(uint64 indexed dataset)
func (registry *Registry) UnpackUnpublishedEvent(log *types.Log) (*RegistryUnpublished, error) {
	event := "Unpublished"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryUnpublished)
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
	if bytes.Equal(raw[:4], registry.abi.Errors["AlreadyGranted"].ID.Bytes()[:4]) {
		return registry.UnpackAlreadyGrantedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["CIDExists"].ID.Bytes()[:4]) {
		return registry.UnpackCIDExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["DatasetErased"].ID.Bytes()[:4]) {
		return registry.UnpackDatasetErasedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["DurationChanged"].ID.Bytes()[:4]) {
		return registry.UnpackDurationChangedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["GrantIsBought"].ID.Bytes()[:4]) {
		return registry.UnpackGrantIsBoughtError(raw[4:])
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
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidPolicy"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidPolicyError(raw[4:])
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
	if bytes.Equal(raw[:4], registry.abi.Errors["LengthMismatch"].ID.Bytes()[:4]) {
		return registry.UnpackLengthMismatchError(raw[4:])
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
	if bytes.Equal(raw[:4], registry.abi.Errors["NotPublic"].ID.Bytes()[:4]) {
		return registry.UnpackNotPublicError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NothingToWithdraw"].ID.Bytes()[:4]) {
		return registry.UnpackNothingToWithdrawError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["OfferIsPrivate"].ID.Bytes()[:4]) {
		return registry.UnpackOfferIsPrivateError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["OwnDataset"].ID.Bytes()[:4]) {
		return registry.UnpackOwnDatasetError(raw[4:])
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
	if bytes.Equal(raw[:4], registry.abi.Errors["TransferFailed"].ID.Bytes()[:4]) {
		return registry.UnpackTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownDataset"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownDatasetError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownEpoch"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownEpochError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["WrongPayment"].ID.Bytes()[:4]) {
		return registry.UnpackWrongPaymentError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RegistryAlreadyGranted represents a AlreadyGranted error raised by the Registry contract.
type RegistryAlreadyGranted struct {
	Dataset uint64
	Buyer   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyGranted(uint64 dataset, address buyer)
func RegistryAlreadyGrantedErrorID() common.Hash {
	return common.HexToHash("0xdb72255e22f583127a704ec0e16162f11dabfc1060890d5af2155f7c67bcba50")
}

// UnpackAlreadyGrantedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyGranted(uint64 dataset, address buyer)
func (registry *Registry) UnpackAlreadyGrantedError(raw []byte) (*RegistryAlreadyGranted, error) {
	out := new(RegistryAlreadyGranted)
	if err := registry.abi.UnpackIntoInterface(out, "AlreadyGranted", raw); err != nil {
		return nil, err
	}
	return out, nil
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

// RegistryDurationChanged represents a DurationChanged error raised by the Registry contract.
type RegistryDurationChanged struct {
	Expected uint64
	Current  uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DurationChanged(uint64 expected, uint64 current)
func RegistryDurationChangedErrorID() common.Hash {
	return common.HexToHash("0xcc3ee8e33c6b2625a28ea4017b2a1d09d5f250e2904536d7750d2e1e5716711a")
}

// UnpackDurationChangedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DurationChanged(uint64 expected, uint64 current)
func (registry *Registry) UnpackDurationChangedError(raw []byte) (*RegistryDurationChanged, error) {
	out := new(RegistryDurationChanged)
	if err := registry.abi.UnpackIntoInterface(out, "DurationChanged", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryGrantIsBought represents a GrantIsBought error raised by the Registry contract.
type RegistryGrantIsBought struct {
	Dataset uint64
	Grantee common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GrantIsBought(uint64 dataset, address grantee)
func RegistryGrantIsBoughtErrorID() common.Hash {
	return common.HexToHash("0x17532f53b039c768abba2c3e0234aafadad6b04498e74d6eca115dc70d873d0d")
}

// UnpackGrantIsBoughtError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GrantIsBought(uint64 dataset, address grantee)
func (registry *Registry) UnpackGrantIsBoughtError(raw []byte) (*RegistryGrantIsBought, error) {
	out := new(RegistryGrantIsBought)
	if err := registry.abi.UnpackIntoInterface(out, "GrantIsBought", raw); err != nil {
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

// RegistryInvalidPolicy represents a InvalidPolicy error raised by the Registry contract.
type RegistryInvalidPolicy struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPolicy()
func RegistryInvalidPolicyErrorID() common.Hash {
	return common.HexToHash("0xd06b96b1115b9e92763e754ca172e49828c93297522e340979d4243da3748bec")
}

// UnpackInvalidPolicyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPolicy()
func (registry *Registry) UnpackInvalidPolicyError(raw []byte) (*RegistryInvalidPolicy, error) {
	out := new(RegistryInvalidPolicy)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidPolicy", raw); err != nil {
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

// RegistryLengthMismatch represents a LengthMismatch error raised by the Registry contract.
type RegistryLengthMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LengthMismatch()
func RegistryLengthMismatchErrorID() common.Hash {
	return common.HexToHash("0xff633a3803c58b9bc21e58efecee59f27e033cc0b1883fccb4969c76146fe60f")
}

// UnpackLengthMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LengthMismatch()
func (registry *Registry) UnpackLengthMismatchError(raw []byte) (*RegistryLengthMismatch, error) {
	out := new(RegistryLengthMismatch)
	if err := registry.abi.UnpackIntoInterface(out, "LengthMismatch", raw); err != nil {
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
	Dataset   uint64
	TermsHash [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoOffer(uint64 dataset, bytes32 termsHash)
func RegistryNoOfferErrorID() common.Hash {
	return common.HexToHash("0x48cbe5a792cdf15aaed6a190465e7c1e73af1a5088d513a326be1ea1811bc350")
}

// UnpackNoOfferError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoOffer(uint64 dataset, bytes32 termsHash)
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

// RegistryNotPublic represents a NotPublic error raised by the Registry contract.
type RegistryNotPublic struct {
	Dataset uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPublic(uint64 dataset)
func RegistryNotPublicErrorID() common.Hash {
	return common.HexToHash("0xa939ec91736ce86c70359c9c06715c025edc581c53fe71ee5a74d038397b2d4e")
}

// UnpackNotPublicError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPublic(uint64 dataset)
func (registry *Registry) UnpackNotPublicError(raw []byte) (*RegistryNotPublic, error) {
	out := new(RegistryNotPublic)
	if err := registry.abi.UnpackIntoInterface(out, "NotPublic", raw); err != nil {
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

// RegistryOfferIsPrivate represents a OfferIsPrivate error raised by the Registry contract.
type RegistryOfferIsPrivate struct {
	Dataset uint64
	Buyer   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OfferIsPrivate(uint64 dataset, address buyer)
func RegistryOfferIsPrivateErrorID() common.Hash {
	return common.HexToHash("0x343e902dd62621b9706f8312d6f8fed0c3e73054e57cf445f9d64a17a86afa2a")
}

// UnpackOfferIsPrivateError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OfferIsPrivate(uint64 dataset, address buyer)
func (registry *Registry) UnpackOfferIsPrivateError(raw []byte) (*RegistryOfferIsPrivate, error) {
	out := new(RegistryOfferIsPrivate)
	if err := registry.abi.UnpackIntoInterface(out, "OfferIsPrivate", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryOwnDataset represents a OwnDataset error raised by the Registry contract.
type RegistryOwnDataset struct {
	Dataset uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OwnDataset(uint64 dataset)
func RegistryOwnDatasetErrorID() common.Hash {
	return common.HexToHash("0x5f169b78329f5c75f20c197fbab7199d5a6be1dcc3fda77536e1575fd9da1a41")
}

// UnpackOwnDatasetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OwnDataset(uint64 dataset)
func (registry *Registry) UnpackOwnDatasetError(raw []byte) (*RegistryOwnDataset, error) {
	out := new(RegistryOwnDataset)
	if err := registry.abi.UnpackIntoInterface(out, "OwnDataset", raw); err != nil {
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

// RegistryUnknownEpoch represents a UnknownEpoch error raised by the Registry contract.
type RegistryUnknownEpoch struct {
	Dataset uint64
	Epoch   uint16
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownEpoch(uint64 dataset, uint16 epoch)
func RegistryUnknownEpochErrorID() common.Hash {
	return common.HexToHash("0x3a53b0f515a33c2f90deff15f05d3bd77fb4c2e67dd9d6a2800a9223904d3e2f")
}

// UnpackUnknownEpochError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownEpoch(uint64 dataset, uint16 epoch)
func (registry *Registry) UnpackUnknownEpochError(raw []byte) (*RegistryUnknownEpoch, error) {
	out := new(RegistryUnknownEpoch)
	if err := registry.abi.UnpackIntoInterface(out, "UnknownEpoch", raw); err != nil {
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
