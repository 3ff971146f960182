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
	ABI: "[{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"grantWindow_\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"AlreadyGranted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"AlreadyJoined\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"}],\"name\":\"CIDExists\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"}],\"name\":\"CampaignFull\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"}],\"name\":\"CampaignNotOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"CloseTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"DatasetErased\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expected\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"current\",\"type\":\"uint64\"}],\"name\":\"DurationChanged\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"GrantIsBought\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidCID\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidCampaign\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"}],\"name\":\"InvalidExpiry\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidGrantee\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidKey\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidOffer\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidPolicy\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProxy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"}],\"name\":\"InvalidTerms\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidThreshold\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"KeysAlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"NoGrant\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"NoOffer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"NoPurchase\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"NotPublic\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"OfferIsPrivate\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"OwnDataset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"PurchasePending\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Reentrancy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"RefundTooEarly\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"}],\"name\":\"UnknownCampaign\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"UnknownDataset\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"}],\"name\":\"UnknownEpoch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"}],\"name\":\"WrongPayment\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"fingerprint\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"}],\"name\":\"CIDAdded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"brand\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"refund\",\"type\":\"uint256\"}],\"name\":\"CampaignClosed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"brand\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"pricePerPerson\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"cap\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"CampaignCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"CampaignJoined\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"name\":\"DatasetCreated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"Erased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"grant\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"}],\"name\":\"Granted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proxy\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"grant\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"}],\"name\":\"GrantedVia\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"rewrap\",\"type\":\"bytes\"}],\"name\":\"KeyRotated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"name\":\"KeysRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"OfferWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"Offered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proxy\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"name\":\"ProxyRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"policyHash\",\"type\":\"bytes32\"}],\"name\":\"Published\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"Purchased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Refunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Released\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"Unpublished\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"cid\",\"type\":\"bytes\"},{\"internalType\":\"bytes32\",\"name\":\"fingerprint\",\"type\":\"bytes32\"}],\"name\":\"addCID\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"}],\"name\":\"buy\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"campaignCount\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"}],\"name\":\"campaignOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"brand\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"pricePerPerson\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"cap\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"joined\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"closed\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"cidHash\",\"type\":\"bytes32\"}],\"name\":\"cidInfo\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"version\",\"type\":\"uint32\"},{\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"},{\"internalType\":\"bytes18\",\"name\":\"fingerprintPrefix\",\"type\":\"bytes18\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"}],\"name\":\"closeCampaign\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"pricePerPerson\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"cap\",\"type\":\"uint32\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"createCampaign\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"name\":\"createDataset\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"datasetCount\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"datasetInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"versions\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"erased\",\"type\":\"bool\"},{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"decline\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address[]\",\"name\":\"buyers\",\"type\":\"address[]\"}],\"name\":\"erase\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"terms\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"},{\"internalType\":\"address[]\",\"name\":\"proxies\",\"type\":\"address[]\"}],\"name\":\"grant\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"grantOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"expiry\",\"type\":\"uint64\"},{\"internalType\":\"uint8\",\"name\":\"threshold\",\"type\":\"uint8\"},{\"internalType\":\"bool\",\"name\":\"bought\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"},{\"internalType\":\"uint8\",\"name\":\"threshold\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"},{\"internalType\":\"address[]\",\"name\":\"proxies\",\"type\":\"address[]\"}],\"name\":\"grantPurchase\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"grantWindow\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"interfaceVersion\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"isAuthorized\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint8\",\"name\":\"threshold\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"},{\"internalType\":\"address[]\",\"name\":\"proxies\",\"type\":\"address[]\"}],\"name\":\"joinCampaign\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"id\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"joinedCampaign\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint16\",\"name\":\"epoch\",\"type\":\"uint16\"}],\"name\":\"keyAt\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"},{\"internalType\":\"uint16\",\"name\":\"current\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"keysOf\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"offer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"offerOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"i\",\"type\":\"uint256\"}],\"name\":\"proxyAt\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"proxyCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"proxy\",\"type\":\"address\"}],\"name\":\"proxyOf\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"policyHash\",\"type\":\"bytes32\"}],\"name\":\"publish\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"purchaseOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"duration\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"purposeHash\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"bundle\",\"type\":\"bytes32\"},{\"internalType\":\"address[]\",\"name\":\"proxies\",\"type\":\"address[]\"}],\"name\":\"rebundle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"receivingKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"verifyingKey\",\"type\":\"bytes\"}],\"name\":\"registerKeys\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"endpoint\",\"type\":\"string\"},{\"internalType\":\"bytes\",\"name\":\"hpkeKey\",\"type\":\"bytes\"}],\"name\":\"registerProxy\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"grantee\",\"type\":\"address\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes\",\"name\":\"delegatingKey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"rewrap\",\"type\":\"bytes\"}],\"name\":\"rotateKey\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"settle\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"unpublish\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"buyer\",\"type\":\"address\"}],\"name\":\"vestingOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"settledUntil\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"end\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"}],\"name\":\"visibilityOf\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"visibility\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"policyHash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"dataset\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"termsHash\",\"type\":\"bytes32\"}],\"name\":\"withdrawOffer\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64[]\",\"name\":\"datasets\",\"type\":\"uint64[]\"},{\"internalType\":\"address[]\",\"name\":\"buyers\",\"type\":\"address[]\"}],\"name\":\"withdrawVested\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Registry",
	Bin: "0x60a0604052600180553480156012575f5ffd5b50604051614e90380380614e90833981016040819052602f91603f565b6001600160401b0316608052606a565b5f60208284031215604e575f5ffd5b81516001600160401b03811681146063575f5ffd5b9392505050565b608051614e076100895f395f818161093f01526129de0152614e075ff3fe6080604052600436106102cc575f3560e01c80637274e30d1161017b578063bc358c51116100d1578063d7194ccb11610087578063f3c4a41411610062578063f3c4a41414610961578063fb58326a14610998578063fc5952e0146109dd575f5ffd5b8063d7194ccb146108f0578063e714bb421461090f578063ead4311f1461092e575f5ffd5b8063c1a9a508116100b7578063c1a9a50814610883578063c9fe8e82146108a2578063cf1fed3d146108c1575f5ffd5b8063bc358c51146107eb578063c18578131461080a575f5ffd5b80638a8c77d311610131578063a4d4f0971161010c578063a4d4f0971461079a578063a65af279146107ad578063ad77a14d146107cc575f5ffd5b80638a8c77d3146106f75780639c551caf1461072f578063a130fa601461077b575f5ffd5b806378e879c31161016157806378e879c31461064b5780637f1c85381461066a5780638564b5fd1461067d575f5ffd5b80637274e30d1461060e5780637340fb281461062c575f5ffd5b8063413b1df211610230578063680d27ac116101e65780636c186c09116101c15780636c186c0914610587578063700d5765146105bb57806370a08231146105da575f5ffd5b8063680d27ac146104fd57806368ad65f51461051c578063693c70ab1461053b575f5ffd5b806355a1179e1161021657806355a1179e146104905780635cd25ea2146104bf5780635ce33d3a146104de575f5ffd5b8063413b1df21461045257806349a8108c14610471575f5ffd5b806328acff5e116102855780633c8935b91161026b5780633c8935b9146103c35780633cb6884f146103f55780633ccfd60b1461043e575f5ffd5b806328acff5e1461038257806337c954d8146103af575f5ffd5b80630e959b29116102b55780630e959b29146103105780631d8ffa4d146103465780631e50d2e914610363575f5ffd5b80630160094f146102d057806301fb61f2146102f1575b5f5ffd5b3480156102db575f5ffd5b506102ef6102ea36600461425a565b6109fc565b005b3480156102fc575f5ffd5b506102ef61030b3660046142f3565b610c22565b34801561031b575f5ffd5b5061032f61032a366004614366565b610dc4565b60405161033d9291906143cb565b60405180910390f35b348015610351575f5ffd5b5060045b60405190815260200161033d565b34801561036e575f5ffd5b506102ef61037d3660046143f8565b610f03565b34801561038d575f5ffd5b506103a161039c366004614420565b61103f565b60405161033d92919061445b565b3480156103ba575f5ffd5b50600f54610355565b3480156103ce575f5ffd5b505f5467ffffffffffffffff165b60405167ffffffffffffffff909116815260200161033d565b348015610400575f5ffd5b5061041461040f3660046143f8565b61120c565b6040805167ffffffffffffffff909416845260ff909216602084015215159082015260600161033d565b348015610449575f5ffd5b506102ef611260565b34801561045d575f5ffd5b506102ef61046c3660046144be565b61126a565b34801561047c575f5ffd5b506102ef61048b36600461453e565b61142c565b34801561049b575f5ffd5b506104af6104aa3660046143f8565b6114e8565b604051901515815260200161033d565b3480156104ca575f5ffd5b506102ef6104d936600461458d565b611572565b3480156104e9575f5ffd5b506102ef6104f83660046145b5565b61167e565b348015610508575f5ffd5b506102ef6105173660046145e2565b61181e565b348015610527575f5ffd5b506102ef6105363660046145fb565b611a3a565b348015610546575f5ffd5b5061055a61055536600461458d565b611b63565b6040805193845267ffffffffffffffff90921660208401526001600160a01b03169082015260600161033d565b348015610592575f5ffd5b506105a66105a1366004614658565b611c1c565b60405163ffffffff909116815260200161033d565b3480156105c6575f5ffd5b506102ef6105d53660046146ae565b611dfc565b3480156105e5575f5ffd5b506103556105f4366004614366565b6001600160a01b03165f908152600b602052604090205490565b348015610619575f5ffd5b5060105467ffffffffffffffff166103dc565b348015610637575f5ffd5b506102ef6106463660046145e2565b611fee565b348015610656575f5ffd5b506103dc61066536600461471a565b6120c8565b6103dc610678366004614759565b61219e565b348015610688575f5ffd5b5061069c6106973660046147b6565b6123df565b6040805167ffffffffffffffff909516855263ffffffff909316602085015261ffff909116918301919091527fffffffffffffffffffffffffffffffffffff000000000000000000000000000016606082015260800161033d565b348015610702575f5ffd5b506107166107113660046145e2565b61245e565b6040805160ff909316835260208301919091520161033d565b34801561073a575f5ffd5b506104af6107493660046147d0565b67ffffffffffffffff16604091821b6fffffffffffffffff000000000000000016175f90815260146020522054151590565b348015610786575f5ffd5b506102ef6107953660046146ae565b612504565b6102ef6107a83660046147f8565b612628565b3480156107b8575f5ffd5b506102ef6107c73660046143f8565b612ad8565b3480156107d7575f5ffd5b506102ef6107e6366004614831565b612bdf565b3480156107f6575f5ffd5b506102ef6108053660046143f8565b612d14565b348015610815575f5ffd5b506108296108243660046145e2565b612d84565b604080516001600160a01b03909916895260208901979097529587019490945267ffffffffffffffff928316606087015263ffffffff91821660808701521660a08501521660c0830152151560e08201526101000161033d565b34801561088e575f5ffd5b5061032f61089d366004614366565b612e72565b3480156108ad575f5ffd5b506102ef6108bc36600461458d565b612fb4565b3480156108cc575f5ffd5b506108e06108db3660046145e2565b613095565b60405161033d9493929190614878565b3480156108fb575f5ffd5b506102ef61090a3660046145e2565b61317f565b34801561091a575f5ffd5b506102ef6109293660046148b7565b6132ff565b348015610939575f5ffd5b506103dc7f000000000000000000000000000000000000000000000000000000000000000081565b34801561096c575f5ffd5b5061098061097b366004614917565b613482565b6040516001600160a01b03909116815260200161033d565b3480156109a3575f5ffd5b506109b76109b23660046143f8565b6134b0565b6040805193845267ffffffffffffffff928316602085015291169082015260600161033d565b3480156109e8575f5ffd5b506109b76109f73660046143f8565b61351f565b5f5f610a088989613559565b909250905060ff87165f03610a49576040517faabd5a0900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b03821660a089901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526009602052604090205415610adc576040517f29e2a6ff00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8a1660048201526001600160a01b03841660248201526044015b60405180910390fd5b5f818152600560205260409020548015801590610b025750428167ffffffffffffffff16115b15610b54576040517fdb72255e00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8b1660048201526001600160a01b0385166024820152604401610ad3565b610b608a85335f6137e3565b5f610b7967ffffffffffffffff608086901c164261495b565b5f848152600a6020526040908190206fffffffffffffffffffffffffffffffff87164260801b1760c084901b179055909150610bd9908c90879068ff0000000000000000908e901b1684176903000000000000000000178c8c8c8c613a49565b604051339067ffffffffffffffff808e1691908f16907f7c84127b72201cbef04e808eb0d9407fffc7323906c85e2cadfac13cd4e26698905f90a4505050505050505050505050565b610c2b86613af9565b506001600160a01b03851660a087901b7bffffffffffffffff000000000000000000000000000000000000000016175f90815260056020526040902054801580610c7f5750428167ffffffffffffffff1611155b15610cd1576040517f49aa90fa00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff881660048201526001600160a01b0387166024820152604401610ad3565b604080518281526020810187905290810185905267ffffffffffffffff8816906001600160a01b038816907fd78497068ceab953d26715c4b5b191b0a9806b311d069c9717a102de2e9add419060600160405180910390a35f5b82811015610dba57866001600160a01b0316848483818110610d4f57610d4f61496e565b9050602002016020810190610d649190614366565b60408051858152602081018a90529081018890526001600160a01b0391909116907f1c24b1433b29ed6e369b2af24ef0f137a403f67d2ae88ac686c9ca36ce73c6969060600160405180910390a3600101610d2b565b5050505050505050565b6001600160a01b0381165f908152600c60205260408120600281015460609283929160f81b7fff00000000000000000000000000000000000000000000000000000000000000169003610e395760405180602001604052805f81525060405180602001604052805f8152509250925050915091565b6002810154815460405160f89290921b7fff000000000000000000000000000000000000000000000000000000000000001660208301526021820152604101604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0818403018152908290526002830154600184015461010090910460f81b7fff000000000000000000000000000000000000000000000000000000000000001660208401526021830152906041016040516020818303038152906040529250925050915091565b610f0c82613b55565b506001600160a01b03811660a083901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526009602052604081205490819003610f9e576040517f027a94ad00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff851660048201526001600160a01b0384166024820152604401610ad3565b5f8281526009602090815260408083208390556001600160a01b0386168352600b909152812080546fffffffffffffffffffffffffffffffff841692839291610fe890849061495b565b90915550506040518181526001600160a01b0385169067ffffffffffffffff8716907f88c9f6c3bb454f21551b6ea21d023e4b954004d65e07b97c2305423dc97513eb906020015b60405180910390a35050505050565b67ffffffffffffffff82165f90815260026020526040812054606091908082036110a1576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff86166004820152602401610ad3565b60d081901c91508161ffff168461ffff161115611100576040517f3a53b0f500000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8616600482015261ffff85166024820152604401610ad3565b8161ffff168461ffff160361117e5767ffffffffffffffff85165f90815260036020908152604091829020549151603084901b7fff0000000000000000000000000000000000000000000000000000000000000016918101919091526021810191909152604101604051602081830303815290604052925050611205565b69ffffffffffffffff0000601086901b1661ffff8516175f908152600d602090815260409182902060018101548154935191936111f19360f89290921b929091017fff00000000000000000000000000000000000000000000000000000000000000929092168252600182015260210190565b604051602081830303815290604052935050505b9250929050565b6001600160a01b03811660a083901b7bffffffffffffffff000000000000000000000000000000000000000016175f9081526005602052604090819020549081901c6002604883901c1615155b9250925092565b611268613c07565b565b60808111156112a5576040517fe1d766f400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f6112af86613af9565b90505f5f6112bd8787613d6e565b909250905061ffff60d084901c165f6112d782600161495b565b905061ffff811115611315576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60108a901b69ffffffffffffffff00001682175f908152600d6020908152604080832067ffffffffffffffff8e168085526003808552838620805484556001840180547fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660c88e901c60ff16179055600286529584902060d088901b60308c901c79ff00000000000000000000000000000000000000000000000000167fffffffff000000ffffffffffffffffffffffffffffffffffffffffffffffffff8e161717905590935292869055517fc1a2532b45d7797ded23caafb91e6a1cafb42c98b254ea6e4befc8da56427640906114179085908e908e908e908e906149e2565b60405180910390a25050505050505050505050565b5f61143684613af9565b67ffffffffffffffff85165f818152600260205260408082204260e01b851778010000000000000000000000000000000000000000000000001790555192935090917fc897470d957826e14fba8fd56e2df512351bb36aed0b26539a65deb46a5bc1849190a25f5b828110156114e1576114d9858585848181106114bc576114bc61496e565b90506020020160208101906114d19190614366565b8460016137e3565b60010161149e565b5050505050565b6001600160a01b03811660a083901b7bffffffffffffffff000000000000000000000000000000000000000016175f9081526005602052604081205480158061153b5750428167ffffffffffffffff1611155b15611549575f91505061156c565b505067ffffffffffffffff82165f9081526002602052604090205460c01c600116155b92915050565b61157b82613b55565b5067ffffffffffffffff82165f90815260066020908152604080832084845290915281205490036115eb576040517f48cbe5a700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8316600482015260248101829052604401610ad3565b67ffffffffffffffff82165f81815260066020908152604080832085845282528083208390558383526007825280832085845282529182902080547fffffffffffffffffffffffff000000000000000000000000000000000000000016905590518381527f62e744dd73791ba9e44b932a45eb31b30c1dd9afc1bdafd6100ad99d9eb2bd81910160405180910390a25050565b5f61168888613af9565b90508560ff165f036116c6576040517faabd5a0900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001600160a01b03871660a089901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526009602052604081205490819003611757576040517f027a94ad00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8b1660048201526001600160a01b038a166024820152604401610ad3565b5f828152600960205260408120819055611776908b908b9086906137e3565b5f61178560c083901c42614a1e565b5f848152600a6020526040908190206fffffffffffffffffffffffffffffffff85164260801b177fffffffffffffffff00000000000000000000000000000000000000000000000060c085901b16179055909150611811908c908c9068ff0000000000000000908d901b1667ffffffffffffffff8516176903000000000000000000178b8b8b8b613a49565b5050505050505050505050565b67ffffffffffffffff81165f908152601160205260408120549081900361187d576040517fe9381c6700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610ad3565b7c01000000000000000000000000000000000000000000000000000000008116156118e0576040517f414001ec00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610ad3565b67ffffffffffffffff82165f908152601260205260409020548190336001600160a01b03831614801590611917575060c081901c42105b15611954576040517ff6fabfae00000000000000000000000000000000000000000000000000000000815260c082901c6004820152602401610ad3565b67ffffffffffffffff84165f9081526011602052604081207c0100000000000000000000000000000000000000000000000000000000851790556119a060c085901c60a086901c614a3e565b6119c29063ffffffff166fffffffffffffffffffffffffffffffff8416614a5a565b6001600160a01b0384165f908152600b60205260408120805492935083929091906119ee90849061495b565b90915550506040518181526001600160a01b0384169067ffffffffffffffff8716907f487a4db0fc34c9c611160827306d29d3d3fb659b03041cf2b10e6bdfabc76f9490602001611030565b5f7fd78497068ceab953d26715c4b5b191b0a9806b311d069c9717a102de2e9add4190505f7f1c24b1433b29ed6e369b2af24ef0f137a403f67d2ae88ac686c9ca36ce73c69690505f5f8a5f52600260205260405f20549150898b60a01b175f52600560205260405f2080544267ffffffffffffffff8c16111560ff8c60401c1615178b60481c8d1517174267ffffffffffffffff83161160018360491c161660018660c01c16336001600160a01b0388161817171792505081611b50578b60601b600160481b8b17178082556040518181528a60208201528960408201528d8d88606084a35f91505b87821015611b4d578c6001600160a01b038360051b8b01351687606084a3600182019150611b24565b50505b508015611811576118118b838c8c613eae565b67ffffffffffffffff82165f90815260066020908152604080832084845290915281205481908190801580611bb5575067ffffffffffffffff86165f9081526002602052604090205460c01c60011615155b15611bc9575f5f5f93509350935050611259565b67ffffffffffffffff86165f9081526007602090815260408083208884529091529020546fffffffffffffffffffffffffffffffff8216945060809190911c92506001600160a01b031690509250925092565b5f5f611c2786613af9565b9050831580611c365750608084115b15611c6d576040517fe1d766f400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8585604051611c7e929190614a71565b6040805191829003909120335f908152600460209081528382208383529052919091205490915015611cdf576040517fe1ee672b00000000000000000000000000000000000000000000000000000000815260048101829052602401610ad3565b611cee60a083901c6001614a80565b67ffffffffffffffff88165f8181526002602090815260408083207fffffffffffffffff00000000ffffffffffffffffffffffffffffffffffffffff881677ffffffff000000000000000000000000000000000000000060a088901b1617905533835260048252808320868452909152908190206bffffffff000000000000000084831b1683176dffff000000000000000000000000607088901c16177fffffffffffffffffffffffffffffffffffff000000000000000000000000000089161790555191945082917f8c8bec0b4650bd7b5f7b1eb0d9c9bd99f4d1d8ae663caaa0da04349727aeac8d90611dea90879089908c908c90614a9c565b60405180910390a35050949350505050565b8383610200811180611e915750611e4982826040518060400160405280600781526020017f687474703a2f2f0000000000000000000000000000000000000000000000000081525061413c565b80611e8f5750611e8f82826040518060400160405280600881526020017f68747470733a2f2f00000000000000000000000000000000000000000000000081525061413c565b155b15611ec8576040517fb9e5cf7c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b60208314611f02576040517fb9e5cf7c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f908152600e60205260409020600181018054611f1f90614ac1565b90505f03611f8157600f80546001810182555f919091527f8d1108e10bcb7c27dddfc02ed9d693a074039d026cf4ea4240b40f7d581ac8020180547fffffffffffffffffffffffff000000000000000000000000000000000000000016331790555b80611f8d878983614b95565b5060018101611f9d858783614b95565b50336001600160a01b03167f2655cc80ac92c76c554576fd2e97aec2c6ab9fa7fe5759666846f3847f1a188788888888604051611fdd9493929190614cab565b60405180910390a250505050505050565b5f611ff882613b55565b9050600260c082901c165f03612046576040517fa939ec9100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610ad3565b67ffffffffffffffff82165f818152600260205260408082207ffffffffffffffffdffffffffffffffffffffffffffffffffffffffffffffffff85167804000000000000000000000000000000000000000000000000179055517f75418352759fca7d316d0f2bbd9c3f59fcfce29564274801340fac4d1a0550779190a25050565b5f5f5f6120d58585613d6e565b5f80549294509092509081906120f49067ffffffffffffffff16614cdc565b825467ffffffffffffffff8083166101009490940a848102910219909116179092555f8181526002602090815260408083203379ff0000000000000000000000000000000000000000000000000060308a901c1681179091556003909252918290208590559051929550917f92ba4892babaa588c8c0ec579114bcdc76d10ee84f79022817a7439124212c929061218e9089908990614d08565b60405180910390a3505092915050565b5f8415806121bb57506fffffffffffffffffffffffffffffffff85115b806121ce575067ffffffffffffffff8416155b806121e6575063ffffffff67ffffffffffffffff8516115b806121f5575063ffffffff8316155b8061220a5750428267ffffffffffffffff1611155b15612241576040517f477a3e5000000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f61225263ffffffff851687614a5a565b9050803414612296576040517f0dd32d1c00000000000000000000000000000000000000000000000000000000815260048101829052346024820152604401610ad3565b601080545f906122af9067ffffffffffffffff16614cdc565b825467ffffffffffffffff8083166101009490940a848102910219909116179092555f8181526011602090815260408083203377ffffffff000000000000000000000000000000000000000060a08c901b1681179091556012835281842077ffffffffffffffff0000000000000000000000000000000060808d901b168d177fffffffffffffffff00000000000000000000000000000000000000000000000060c08c901b161790556013909252918290208b90559051929450917f0d08097d0b2c07c4830db4ae4ac929ad7faae7f3b522d0dc226afa47804df298906123cd908b908b908b908b908b90948552602085019390935267ffffffffffffffff918216604085015263ffffffff16606084015216608082015260a00190565b60405180910390a35095945050505050565b6001600160a01b0382165f90815260046020908152604080832084845290915281205481908190819080820361242157505f9350839250829150819050612455565b93505050604082901c9050606082901c7fffffffffffffffffffffffffffffffffffff000000000000000000000000000083165b92959194509250565b67ffffffffffffffff81165f9081526002602052604081205481908082036124be576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610ad3565b60c081901c60028116156124d557600193506124e3565b60048116156124e357600293505b50505067ffffffffffffffff9091165f908152600860205260409020549091565b5f5f6125108686613d6e565b915091505f5f6125208686613d6e565b335f908152600c6020526040902060028101549294509092509060f81b7fff000000000000000000000000000000000000000000000000000000000000001615612598576040517f1c1bc8e6000000000000000000000000000000000000000000000000000000008152336004820152602401610ad3565b8381556001810182905560028101805460f885811c610100027fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00009092169088901c1717905560405133907f8af4a75deb41e42d8c9a0f5cb294774c4afdb889d380fcc616e2358fd35055bd90612615908c908c908c908c90614cab565b60405180910390a2505050505050505050565b67ffffffffffffffff83165f9081526002602052604081205490819003612687576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610ad3565b60c081901c600116156126d2576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610ad3565b336001600160a01b03821603612720576040517f5f169b7800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610ad3565b67ffffffffffffffff84165f90815260066020908152604080832086845290915281205490819003612791576040517f48cbe5a700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8616600482015260248101859052604401610ad3565b67ffffffffffffffff85165f9081526007602090815260408083208784529091529020546001600160a01b031680158015906127d657506001600160a01b0381163314155b1561281f576040517f343e902d00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152336024820152604401610ad3565b816fffffffffffffffffffffffffffffffff163414612884576040517f0dd32d1c0000000000000000000000000000000000000000000000000000000081526fffffffffffffffffffffffffffffffff83166004820152346024820152604401610ad3565b8367ffffffffffffffff16608083901c67ffffffffffffffff16146128ed576040517fcc3ee8e300000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8086166004830152608084901c166024820152604401610ad3565b3360a087901b7bffffffffffffffff000000000000000000000000000000000000000016175f8181526009602052604090205415612969576040517f29e2a6ff00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff88166004820152336024820152604401610ad3565b5f81815260056020526040902054801580159061298f5750428167ffffffffffffffff16115b156129d8576040517fdb72255e00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff89166004820152336024820152604401610ad3565b5f612a037f000000000000000000000000000000000000000000000000000000000000000042614a1e565b5f84815260096020526040908190203477ffffffffffffffff00000000000000000000000000000000608085901b1681177fffffffffffffffff00000000000000000000000000000000000000000000000060c08d901b16179091559051919250339167ffffffffffffffff8c16917fed94c3bea66a39795e081766d1dcf6ab9b70d3fa45abe998ce7eb03db8ab713491612ac591908c9087908f9093845267ffffffffffffffff928316602085015291166040830152606082015260800190565b60405180910390a3505050505050505050565b5f612ae283613b55565b90505f7bffffffffffffffff000000000000000000000000000000000000000060a085901b166001600160a01b038416175f81815260056020526040812054919250819003612b78576040517f49aa90fa00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff861660048201526001600160a01b0385166024820152604401610ad3565b5f82815260056020526040808220829055516001600160a01b0386169167ffffffffffffffff8816917f36a741a2ffa6b7e08da269c676813bea7eec43b75c7d2353641799a9fcd7ce029190a3604881901c600216156114e1576114e185858560016137e3565b612be885613af9565b5067ffffffffffffffff83161580612c0f57506fffffffffffffffffffffffffffffffff84115b15612c46576040517f2ee3980200000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b67ffffffffffffffff8581165f8181526006602090815260408083208784528252808320608089901b77ffffffffffffffff00000000000000000000000000000000168a1790558383526007825280832087845282529182902080547fffffffffffffffffffffffff0000000000000000000000000000000000000000166001600160a01b038716908117909155825189815294881691850191909152908301859052917f3eccb4f768bf5720beb890d6a292d3d0a179426d4956dbd77194f5f906fe37c690606001611030565b67ffffffffffffffff82165f9081526002602052604081205490819003612d73576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff84166004820152602401610ad3565b612d7f8383835f6137e3565b505050565b67ffffffffffffffff81165f908152601160205260408120548190819081908190819081908190808203612df0576040517fe9381c6700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff8b166004820152602401610ad3565b67ffffffffffffffff999099165f90815260126020908152604080832054601390925290912054999a6fffffffffffffffffffffffffffffffff82169950608082901c985060a08c901c975060c08c811c97509190911c94507c01000000000000000000000000000000000000000000000000000000008b1615159350915050565b6001600160a01b0381165f908152600e6020526040902080546060918291819060018201908290612ea290614ac1565b80601f0160208091040260200160405190810160405280929190818152602001828054612ece90614ac1565b8015612f195780601f10612ef057610100808354040283529160200191612f19565b820191905f5260205f20905b815481529060010190602001808311612efc57829003601f168201915b50505050509150808054612f2c90614ac1565b80601f0160208091040260200160405190810160405280929190818152602001828054612f5890614ac1565b8015612fa35780601f10612f7a57610100808354040283529160200191612fa3565b820191905f5260205f20905b815481529060010190602001808311612f8657829003601f168201915b505050505090509250925050915091565b5f612fbe83613af9565b90505f829003612ffa576040517fd06b96b100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b67ffffffffffffffff83165f81815260026020908152604080832078020000000000000000000000000000000000000000000000007ffffffffffffffffbffffffffffffffffffffffffffffffffffffffffffffffff8716179055600882529182902085905590518481527f55368b80b372376b212d4dac52999dda5b6a2f170cdc0ca97089fb82fb9baf0f910160405180910390a2505050565b67ffffffffffffffff81165f90815260026020526040812054819081906060908083036130fa576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152602401610ad3565b67ffffffffffffffff959095165f90815260036020908152604091829020548251603089901b7fff000000000000000000000000000000000000000000000000000000000000001692810192909252602180830191909152825180830390910181526041909101909152949560a087901c95600160c089901c16151595509350915050565b3360a082901b7bffffffffffffffff000000000000000000000000000000000000000016175f81815260096020526040812054908190036131fe576040517f027a94ad00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff84166004820152336024820152604401610ad3565b608081901c67ffffffffffffffff811642108015613238575067ffffffffffffffff84165f9081526002602052604090205460c01c600116155b1561327b576040517f58ea338100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff82166004820152602401610ad3565b5f838152600960209081526040808320839055338352600b909152812080546fffffffffffffffffffffffffffffffff8516928392916132bc90849061495b565b9091555050604051818152339067ffffffffffffffff8716907f88c9f6c3bb454f21551b6ea21d023e4b954004d65e07b97c2305423dc97513eb90602001611030565b828114613338576040517fff633a3800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5b8381101561345f575f60025f8787858181106133585761335861496e565b905060200201602081019061336d91906145e2565b67ffffffffffffffff1667ffffffffffffffff1681526020019081526020015f20549050805f036133fe578585838181106133aa576133aa61496e565b90506020020160208101906133bf91906145e2565b6040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff9091166004820152602401610ad3565b6134568686848181106134135761341361496e565b905060200201602081019061342891906145e2565b85858581811061343a5761343a61496e565b905060200201602081019061344f9190614366565b835f6137e3565b5060010161333a565b50335f908152600b60205260409020541561347c5761347c613c07565b50505050565b5f600f82815481106134965761349661496e565b5f918252602090912001546001600160a01b031692915050565b5f808080600a817bffffffffffffffff000000000000000000000000000000000000000060a089901b166001600160a01b038816175b815260208101919091526040015f20546fffffffffffffffffffffffffffffffff81169450608081901c935060c01c9150509250925092565b5f8080806009817bffffffffffffffff000000000000000000000000000000000000000060a089901b166001600160a01b038816176134e6565b5f5f5f61356584613af9565b67ffffffffffffffff86165f908152601160205260408120549192508190036135c6576040517fe9381c6700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152602401610ad3565b67ffffffffffffffff86165f9081526012602052604090205492507c01000000000000000000000000000000000000000000000000000000008116151580613612575060c083901c4210155b15613655576040517f414001ec00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152602401610ad3565b63ffffffff60c082901c81169060a083901c1681106136ac576040517f587b949400000000000000000000000000000000000000000000000000000000815267ffffffffffffffff88166004820152602401610ad3565b819450826001600160a01b0316856001600160a01b031603613706576040517f5f169b7800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff87166004820152602401610ad3565b6fffffffffffffffff0000000000000000604088811b9190911667ffffffffffffffff8816175f8181526014602052919091205415613785576040517f5bb7a89600000000000000000000000000000000000000000000000000000000815267ffffffffffffffff808a16600483015288166024820152604401610ad3565b5f818152601460205260409020600190556137b983780100000000000000000000000000000000000000000000000061495b565b67ffffffffffffffff9098165f908152601160205260409020979097555092959194509092505050565b6001600160a01b03831660a085901b7bffffffffffffffff000000000000000000000000000000000000000016175f818152600a60205260408120549081900361382e57505061347c565b67ffffffffffffffff8681165f908152600260205260409020546fffffffffffffffffffffffffffffffff831691608084901c169060c084811c91429181901c60011615801590819061388457508260e083901c105b156138915760e082901c92505b5f8484106138a05750856138d3565b858411156138d3576138b28686614d23565b6138bc8786614d23565b6138c69089614a5a565b6138d09190614d36565b90505b6138dd8188614d23565b9650801561396c576001600160a01b038b165f908152600b60205260408120805483929061390c90849061495b565b925050819055508a6001600160a01b03168c6001600160a01b03168e67ffffffffffffffff167f379a0dbacfd2cad20c12743ab921ed379291ecda6235e5be8d34b17494c8a7ae8460405161396391815260200190565b60405180910390a45b89806139755750815b806139805750848410155b15613a15575f898152600a60205260408120558615613a10576001600160a01b038c165f908152600b6020526040812080548992906139c090849061495b565b90915550506040518781526001600160a01b038d169067ffffffffffffffff8f16907f88c9f6c3bb454f21551b6ea21d023e4b954004d65e07b97c2305423dc97513eb9060200160405180910390a35b613a3a565b85841115613a3a575f898152600a60205260409020608085901b881760c087901b1790555b50505050505050505050505050565b5f7fd78497068ceab953d26715c4b5b191b0a9806b311d069c9717a102de2e9add4190505f7f1c24b1433b29ed6e369b2af24ef0f137a403f67d2ae88ac686c9ca36ce73c69690506001600160a01b03881697508860601b87179650878960a01b175f5260056020528660405f2055604051878152866020820152856040820152898984606084a35f5b8481101561181157896001600160a01b038260051b8801351684606085a3600101613ad3565b5f613b0382613b55565b905060c081901c60011615613b50576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610ad3565b919050565b67ffffffffffffffff81165f908152600260205260409020546001600160a01b0381163314613b5057805f03613bc3576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610ad3565b6040517f4b9d219f00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152336024820152604401610ad3565b600154600114613c43576040517fab143c0600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6002600155335f908152600b602052604081205490819003613c93576040517fdc69dc16000000000000000000000000000000000000000000000000000000008152336004820152602401610ad3565b335f818152600b602052604080822091909155517f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d590613cd69084815260200190565b60405180910390a26040515f90339083908381818185875af1925050503d805f8114613d1d576040519150601f19603f3d011682016040523d82523d5f602084013e613d22565b606091505b5050905080613d66576040517f1c43b97600000000000000000000000000000000000000000000000000000000815233600482015260248101839052604401610ad3565b505060018055565b5f8060218314613daa576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b83835f818110613dbc57613dbc61496e565b909101357fff00000000000000000000000000000000000000000000000000000000000000169250507f02000000000000000000000000000000000000000000000000000000000000008214801590613e5757507f03000000000000000000000000000000000000000000000000000000000000007fff00000000000000000000000000000000000000000000000000000000000000831614155b15613e8e576040517f76d4e1e800000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b613e9c602160018587614d6e565b613ea591614d95565b90509250929050565b825f03613ef3576040517fe8d781f700000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610ad3565b6001600160a01b0383163314613f47576040517f4b9d219f00000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152336024820152604401610ad3565b60c083901c60011615613f92576040517f90587d3100000000000000000000000000000000000000000000000000000000815267ffffffffffffffff85166004820152602401610ad3565b6001600160a01b03821660a085901b7bffffffffffffffff000000000000000000000000000000000000000016175f90815260056020526040902054604881901c60021615801590613fed5750428167ffffffffffffffff16115b1561403f576040517f17532f5300000000000000000000000000000000000000000000000000000000815267ffffffffffffffff861660048201526001600160a01b0384166024820152604401610ad3565b6001600160a01b03831661407f576040517fe8146ac400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b604882901c156140be576040517fd13c168000000000000000000000000000000000000000000000000000000000815260048101839052602401610ad3565b604082901c60ff165f036140fe576040517faabd5a0900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6040517f5e23ca6800000000000000000000000000000000000000000000000000000000815267ffffffffffffffff83166004820152602401610ad3565b80515f90831161414d57505f6141eb565b5f5b82518110156141e55782818151811061416a5761416a61496e565b01602001517fff00000000000000000000000000000000000000000000000000000000000000168585838181106141a3576141a361496e565b9050013560f81c60f81b7effffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff1916146141dd575f9150506141eb565b60010161414f565b50600190505b9392505050565b803567ffffffffffffffff81168114613b50575f5ffd5b803560ff81168114613b50575f5ffd5b5f5f83601f840112614229575f5ffd5b50813567ffffffffffffffff811115614240575f5ffd5b6020830191508360208260051b8501011115611205575f5ffd5b5f5f5f5f5f5f5f60c0888a031215614270575f5ffd5b614279886141f2565b9650614287602089016141f2565b955061429560408901614209565b9450606088013593506080880135925060a088013567ffffffffffffffff8111156142be575f5ffd5b6142ca8a828b01614219565b989b979a50959850939692959293505050565b80356001600160a01b0381168114613b50575f5ffd5b5f5f5f5f5f5f60a08789031215614308575f5ffd5b614311876141f2565b955061431f602088016142dd565b94506040870135935060608701359250608087013567ffffffffffffffff811115614348575f5ffd5b61435489828a01614219565b979a9699509497509295939492505050565b5f60208284031215614376575f5ffd5b6141eb826142dd565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b604081525f6143dd604083018561437f565b82810360208401526143ef818561437f565b95945050505050565b5f5f60408385031215614409575f5ffd5b614412836141f2565b9150613ea5602084016142dd565b5f5f60408385031215614431575f5ffd5b61443a836141f2565b9150602083013561ffff81168114614450575f5ffd5b809150509250929050565b604081525f61446d604083018561437f565b905061ffff831660208301529392505050565b5f5f83601f840112614490575f5ffd5b50813567ffffffffffffffff8111156144a7575f5ffd5b602083019150836020828501011115611205575f5ffd5b5f5f5f5f5f606086880312156144d2575f5ffd5b6144db866141f2565b9450602086013567ffffffffffffffff8111156144f6575f5ffd5b61450288828901614480565b909550935050604086013567ffffffffffffffff811115614521575f5ffd5b61452d88828901614480565b969995985093965092949392505050565b5f5f5f60408486031215614550575f5ffd5b614559846141f2565b9250602084013567ffffffffffffffff811115614574575f5ffd5b61458086828701614219565b9497909650939450505050565b5f5f6040838503121561459e575f5ffd5b6145a7836141f2565b946020939093013593505050565b5f5f5f5f5f5f5f60c0888a0312156145cb575f5ffd5b6145d4886141f2565b9650614287602089016142dd565b5f602082840312156145f2575f5ffd5b6141eb826141f2565b5f5f5f5f5f5f5f60c0888a031215614611575f5ffd5b61461a886141f2565b9650614628602089016142dd565b955060408801359450606088013593506080880135925060a088013567ffffffffffffffff8111156142be575f5ffd5b5f5f5f5f6060858703121561466b575f5ffd5b614674856141f2565b9350602085013567ffffffffffffffff81111561468f575f5ffd5b61469b87828801614480565b9598909750949560400135949350505050565b5f5f5f5f604085870312156146c1575f5ffd5b843567ffffffffffffffff8111156146d7575f5ffd5b6146e387828801614480565b909550935050602085013567ffffffffffffffff811115614702575f5ffd5b61470e87828801614480565b95989497509550505050565b5f5f6020838503121561472b575f5ffd5b823567ffffffffffffffff811115614741575f5ffd5b61474d85828601614480565b90969095509350505050565b5f5f5f5f5f60a0868803121561476d575f5ffd5b8535945060208601359350614784604087016141f2565b9250606086013563ffffffff8116811461479c575f5ffd5b91506147aa608087016141f2565b90509295509295909350565b5f5f604083850312156147c7575f5ffd5b6145a7836142dd565b5f5f604083850312156147e1575f5ffd5b6147ea836141f2565b9150613ea5602084016141f2565b5f5f5f6060848603121561480a575f5ffd5b614813846141f2565b925060208401359150614828604085016141f2565b90509250925092565b5f5f5f5f5f60a08688031215614845575f5ffd5b61484e866141f2565b945060208601359350614863604087016141f2565b9250606086013591506147aa608087016142dd565b6001600160a01b038516815263ffffffff841660208201528215156040820152608060608201525f6148ad608083018461437f565b9695505050505050565b5f5f5f5f604085870312156148ca575f5ffd5b843567ffffffffffffffff8111156148e0575f5ffd5b6148ec87828801614219565b909550935050602085013567ffffffffffffffff81111561490b575f5ffd5b61470e87828801614219565b5f60208284031215614927575f5ffd5b5035919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8082018082111561156c5761156c61492e565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b81835281816020850137505f602082840101525f60207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f840116840101905092915050565b61ffff86168152606060208201525f6149ff60608301868861499b565b8281036040840152614a1281858761499b565b98975050505050505050565b67ffffffffffffffff818116838216019081111561156c5761156c61492e565b63ffffffff828116828216039081111561156c5761156c61492e565b808202811582820484141761156c5761156c61492e565b818382375f9101908152919050565b63ffffffff818116838216019081111561156c5761156c61492e565b63ffffffff85168152836020820152606060408201525f6148ad60608301848661499b565b600181811c90821680614ad557607f821691505b602082108103614b0c577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b601f821115612d7f5782821115612d7f57805f5260205f20601f840160051c6020851015614b6a57505f5b90810190601f840160051c035f5b81811015614b8d575f83820155600101614b78565b505050505050565b67ffffffffffffffff831115614bad57614bad614b12565b614bc183614bbb8354614ac1565b83614b3f565b5f601f841160018114614c11575f8515614bdb5750838201355b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b1c1916600186901b1783556114e1565b5f838152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08716915b82811015614c5e5786850135825560209485019460019092019101614c3e565b5086821015614c99577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff60f88860031b161c19848701351681555b505060018560011b0183555050505050565b604081525f614cbe60408301868861499b565b8281036020840152614cd181858761499b565b979650505050505050565b5f67ffffffffffffffff821667ffffffffffffffff8103614cff57614cff61492e565b60010192915050565b602081525f614d1b60208301848661499b565b949350505050565b8181038181111561156c5761156c61492e565b5f82614d69577f4e487b71000000000000000000000000000000000000000000000000000000005f52601260045260245ffd5b500490565b5f5f85851115614d7c575f5ffd5b83861115614d88575f5ffd5b5050820193919092039150565b8035602083101561156c577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff602084900360031b1b169291505056fea26469706673582212202847d473cbedb6e4645ac30b11d17180233bf1912eeb2f1d23eea14174ff5bd264736f6c63430008250033",
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

// PackCampaignCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7274e30d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function campaignCount() view returns(uint64)
func (registry *Registry) PackCampaignCount() []byte {
	enc, err := registry.abi.Pack("campaignCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCampaignCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7274e30d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function campaignCount() view returns(uint64)
func (registry *Registry) TryPackCampaignCount() ([]byte, error) {
	return registry.abi.Pack("campaignCount")
}

// UnpackCampaignCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7274e30d.
//
// Solidity: function campaignCount() view returns(uint64)
func (registry *Registry) UnpackCampaignCount(data []byte) (uint64, error) {
	out, err := registry.abi.Unpack("campaignCount", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackCampaignOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc1857813.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function campaignOf(uint64 id) view returns(address brand, bytes32 termsHash, uint256 pricePerPerson, uint64 duration, uint32 cap, uint32 joined, uint64 deadline, bool closed)
func (registry *Registry) PackCampaignOf(id uint64) []byte {
	enc, err := registry.abi.Pack("campaignOf", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCampaignOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc1857813.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function campaignOf(uint64 id) view returns(address brand, bytes32 termsHash, uint256 pricePerPerson, uint64 duration, uint32 cap, uint32 joined, uint64 deadline, bool closed)
func (registry *Registry) TryPackCampaignOf(id uint64) ([]byte, error) {
	return registry.abi.Pack("campaignOf", id)
}

// CampaignOfOutput serves as a container for the return parameters of contract
// method CampaignOf.
type CampaignOfOutput struct {
	Brand          common.Address
	TermsHash      [32]byte
	PricePerPerson *big.Int
	Duration       uint64
	Cap            uint32
	Joined         uint32
	Deadline       uint64
	Closed         bool
}

// UnpackCampaignOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc1857813.
//
// Solidity: function campaignOf(uint64 id) view returns(address brand, bytes32 termsHash, uint256 pricePerPerson, uint64 duration, uint32 cap, uint32 joined, uint64 deadline, bool closed)
func (registry *Registry) UnpackCampaignOf(data []byte) (CampaignOfOutput, error) {
	out, err := registry.abi.Unpack("campaignOf", data)
	outstruct := new(CampaignOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Brand = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.TermsHash = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	outstruct.PricePerPerson = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	outstruct.Duration = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	outstruct.Cap = *abi.ConvertType(out[4], new(uint32)).(*uint32)
	outstruct.Joined = *abi.ConvertType(out[5], new(uint32)).(*uint32)
	outstruct.Deadline = *abi.ConvertType(out[6], new(uint64)).(*uint64)
	outstruct.Closed = *abi.ConvertType(out[7], new(bool)).(*bool)
	return *outstruct, nil
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

// PackCloseCampaign is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x680d27ac.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function closeCampaign(uint64 id) returns()
func (registry *Registry) PackCloseCampaign(id uint64) []byte {
	enc, err := registry.abi.Pack("closeCampaign", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCloseCampaign is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x680d27ac.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function closeCampaign(uint64 id) returns()
func (registry *Registry) TryPackCloseCampaign(id uint64) ([]byte, error) {
	return registry.abi.Pack("closeCampaign", id)
}

// PackCreateCampaign is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f1c8538.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function createCampaign(bytes32 termsHash, uint256 pricePerPerson, uint64 duration, uint32 cap, uint64 deadline) payable returns(uint64 id)
func (registry *Registry) PackCreateCampaign(termsHash [32]byte, pricePerPerson *big.Int, duration uint64, cap uint32, deadline uint64) []byte {
	enc, err := registry.abi.Pack("createCampaign", termsHash, pricePerPerson, duration, cap, deadline)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCreateCampaign is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7f1c8538.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function createCampaign(bytes32 termsHash, uint256 pricePerPerson, uint64 duration, uint32 cap, uint64 deadline) payable returns(uint64 id)
func (registry *Registry) TryPackCreateCampaign(termsHash [32]byte, pricePerPerson *big.Int, duration uint64, cap uint32, deadline uint64) ([]byte, error) {
	return registry.abi.Pack("createCampaign", termsHash, pricePerPerson, duration, cap, deadline)
}

// UnpackCreateCampaign is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7f1c8538.
//
// Solidity: function createCampaign(bytes32 termsHash, uint256 pricePerPerson, uint64 duration, uint32 cap, uint64 deadline) payable returns(uint64 id)
func (registry *Registry) UnpackCreateCampaign(data []byte) (uint64, error) {
	out, err := registry.abi.Unpack("createCampaign", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
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

// PackJoinCampaign is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0160094f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function joinCampaign(uint64 id, uint64 dataset, uint8 threshold, bytes32 purposeHash, bytes32 bundle, address[] proxies) returns()
func (registry *Registry) PackJoinCampaign(id uint64, dataset uint64, threshold uint8, purposeHash [32]byte, bundle [32]byte, proxies []common.Address) []byte {
	enc, err := registry.abi.Pack("joinCampaign", id, dataset, threshold, purposeHash, bundle, proxies)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackJoinCampaign is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0160094f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function joinCampaign(uint64 id, uint64 dataset, uint8 threshold, bytes32 purposeHash, bytes32 bundle, address[] proxies) returns()
func (registry *Registry) TryPackJoinCampaign(id uint64, dataset uint64, threshold uint8, purposeHash [32]byte, bundle [32]byte, proxies []common.Address) ([]byte, error) {
	return registry.abi.Pack("joinCampaign", id, dataset, threshold, purposeHash, bundle, proxies)
}

// PackJoinedCampaign is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9c551caf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function joinedCampaign(uint64 id, uint64 dataset) view returns(bool)
func (registry *Registry) PackJoinedCampaign(id uint64, dataset uint64) []byte {
	enc, err := registry.abi.Pack("joinedCampaign", id, dataset)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackJoinedCampaign is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9c551caf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function joinedCampaign(uint64 id, uint64 dataset) view returns(bool)
func (registry *Registry) TryPackJoinedCampaign(id uint64, dataset uint64) ([]byte, error) {
	return registry.abi.Pack("joinedCampaign", id, dataset)
}

// UnpackJoinedCampaign is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9c551caf.
//
// Solidity: function joinedCampaign(uint64 id, uint64 dataset) view returns(bool)
func (registry *Registry) UnpackJoinedCampaign(data []byte) (bool, error) {
	out, err := registry.abi.Unpack("joinedCampaign", data)
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

// RegistryCampaignClosed represents a CampaignClosed event raised by the Registry contract.
type RegistryCampaignClosed struct {
	Id     uint64
	Brand  common.Address
	Refund *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const RegistryCampaignClosedEventName = "CampaignClosed"

// ContractEventName returns the user-defined event name.
func (RegistryCampaignClosed) ContractEventName() string {
	return RegistryCampaignClosedEventName
}

// UnpackCampaignClosedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CampaignClosed(uint64 indexed id, address indexed brand, uint256 refund)
func (registry *Registry) UnpackCampaignClosedEvent(log *types.Log) (*RegistryCampaignClosed, error) {
	event := "CampaignClosed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryCampaignClosed)
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

// RegistryCampaignCreated represents a CampaignCreated event raised by the Registry contract.
type RegistryCampaignCreated struct {
	Id             uint64
	Brand          common.Address
	TermsHash      [32]byte
	PricePerPerson *big.Int
	Duration       uint64
	Cap            uint32
	Deadline       uint64
	Raw            *types.Log // Blockchain specific contextual infos
}

const RegistryCampaignCreatedEventName = "CampaignCreated"

// ContractEventName returns the user-defined event name.
func (RegistryCampaignCreated) ContractEventName() string {
	return RegistryCampaignCreatedEventName
}

// UnpackCampaignCreatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CampaignCreated(uint64 indexed id, address indexed brand, bytes32 termsHash, uint256 pricePerPerson, uint64 duration, uint32 cap, uint64 deadline)
func (registry *Registry) UnpackCampaignCreatedEvent(log *types.Log) (*RegistryCampaignCreated, error) {
	event := "CampaignCreated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryCampaignCreated)
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

// RegistryCampaignJoined represents a CampaignJoined event raised by the Registry contract.
type RegistryCampaignJoined struct {
	Id      uint64
	Dataset uint64
	Owner   common.Address
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryCampaignJoinedEventName = "CampaignJoined"

// ContractEventName returns the user-defined event name.
func (RegistryCampaignJoined) ContractEventName() string {
	return RegistryCampaignJoinedEventName
}

// UnpackCampaignJoinedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CampaignJoined(uint64 indexed id, uint64 indexed dataset, address indexed owner)
func (registry *Registry) UnpackCampaignJoinedEvent(log *types.Log) (*RegistryCampaignJoined, error) {
	event := "CampaignJoined"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryCampaignJoined)
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
	if bytes.Equal(raw[:4], registry.abi.Errors["AlreadyJoined"].ID.Bytes()[:4]) {
		return registry.UnpackAlreadyJoinedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["CIDExists"].ID.Bytes()[:4]) {
		return registry.UnpackCIDExistsError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["CampaignFull"].ID.Bytes()[:4]) {
		return registry.UnpackCampaignFullError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["CampaignNotOpen"].ID.Bytes()[:4]) {
		return registry.UnpackCampaignNotOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["CloseTooEarly"].ID.Bytes()[:4]) {
		return registry.UnpackCloseTooEarlyError(raw[4:])
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
	if bytes.Equal(raw[:4], registry.abi.Errors["InvalidCampaign"].ID.Bytes()[:4]) {
		return registry.UnpackInvalidCampaignError(raw[4:])
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
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownCampaign"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownCampaignError(raw[4:])
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

// RegistryAlreadyJoined represents a AlreadyJoined error raised by the Registry contract.
type RegistryAlreadyJoined struct {
	Id      uint64
	Dataset uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyJoined(uint64 id, uint64 dataset)
func RegistryAlreadyJoinedErrorID() common.Hash {
	return common.HexToHash("0x5bb7a8968ee1708e165fac48cfe2836a908cfbf622013217b3229c9da41d08cf")
}

// UnpackAlreadyJoinedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyJoined(uint64 id, uint64 dataset)
func (registry *Registry) UnpackAlreadyJoinedError(raw []byte) (*RegistryAlreadyJoined, error) {
	out := new(RegistryAlreadyJoined)
	if err := registry.abi.UnpackIntoInterface(out, "AlreadyJoined", raw); err != nil {
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

// RegistryCampaignFull represents a CampaignFull error raised by the Registry contract.
type RegistryCampaignFull struct {
	Id uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CampaignFull(uint64 id)
func RegistryCampaignFullErrorID() common.Hash {
	return common.HexToHash("0x587b94945251acbbbe1cf5f41039d62d5637b18bdc73bc96a1b097042564adc0")
}

// UnpackCampaignFullError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CampaignFull(uint64 id)
func (registry *Registry) UnpackCampaignFullError(raw []byte) (*RegistryCampaignFull, error) {
	out := new(RegistryCampaignFull)
	if err := registry.abi.UnpackIntoInterface(out, "CampaignFull", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryCampaignNotOpen represents a CampaignNotOpen error raised by the Registry contract.
type RegistryCampaignNotOpen struct {
	Id uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CampaignNotOpen(uint64 id)
func RegistryCampaignNotOpenErrorID() common.Hash {
	return common.HexToHash("0x414001eca70d2e40fc2c18cb9ff17355068e646cd0148d7eec7fbc0112a3ad57")
}

// UnpackCampaignNotOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CampaignNotOpen(uint64 id)
func (registry *Registry) UnpackCampaignNotOpenError(raw []byte) (*RegistryCampaignNotOpen, error) {
	out := new(RegistryCampaignNotOpen)
	if err := registry.abi.UnpackIntoInterface(out, "CampaignNotOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryCloseTooEarly represents a CloseTooEarly error raised by the Registry contract.
type RegistryCloseTooEarly struct {
	Deadline uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error CloseTooEarly(uint64 deadline)
func RegistryCloseTooEarlyErrorID() common.Hash {
	return common.HexToHash("0xf6fabfae8a7dd9bc41eaa22cda224bc49f2d1f8e2d2582d3a446115d9dc1218f")
}

// UnpackCloseTooEarlyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error CloseTooEarly(uint64 deadline)
func (registry *Registry) UnpackCloseTooEarlyError(raw []byte) (*RegistryCloseTooEarly, error) {
	out := new(RegistryCloseTooEarly)
	if err := registry.abi.UnpackIntoInterface(out, "CloseTooEarly", raw); err != nil {
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

// RegistryInvalidCampaign represents a InvalidCampaign error raised by the Registry contract.
type RegistryInvalidCampaign struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidCampaign()
func RegistryInvalidCampaignErrorID() common.Hash {
	return common.HexToHash("0x477a3e503d514e84cc2feed3d27934fcc7e8e66dc7c5fb5e713288033dd4b678")
}

// UnpackInvalidCampaignError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidCampaign()
func (registry *Registry) UnpackInvalidCampaignError(raw []byte) (*RegistryInvalidCampaign, error) {
	out := new(RegistryInvalidCampaign)
	if err := registry.abi.UnpackIntoInterface(out, "InvalidCampaign", raw); err != nil {
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

// RegistryUnknownCampaign represents a UnknownCampaign error raised by the Registry contract.
type RegistryUnknownCampaign struct {
	Id uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownCampaign(uint64 id)
func RegistryUnknownCampaignErrorID() common.Hash {
	return common.HexToHash("0xe9381c677e2efecd39648aebfea90395abea83701ea303edaa9ce2752792c83a")
}

// UnpackUnknownCampaignError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownCampaign(uint64 id)
func (registry *Registry) UnpackUnknownCampaignError(raw []byte) (*RegistryUnknownCampaign, error) {
	out := new(RegistryUnknownCampaign)
	if err := registry.abi.UnpackIntoInterface(out, "UnknownCampaign", raw); err != nil {
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
