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

// Attestation is an auto generated low-level Go binding around an user-defined struct.
type Attestation struct {
	Uid            [32]byte
	Schema         [32]byte
	Time           uint64
	ExpirationTime uint64
	RevocationTime uint64
	RefUID         [32]byte
	Recipient      common.Address
	Attester       common.Address
	Revocable      bool
	Data           []byte
}

// AttestationRequest is an auto generated low-level Go binding around an user-defined struct.
type AttestationRequest struct {
	Schema [32]byte
	Data   AttestationRequestData
}

// AttestationRequestData is an auto generated low-level Go binding around an user-defined struct.
type AttestationRequestData struct {
	Recipient      common.Address
	ExpirationTime uint64
	Revocable      bool
	RefUID         [32]byte
	Data           []byte
	Value          *big.Int
}

// DelegatedAttestationRequest is an auto generated low-level Go binding around an user-defined struct.
type DelegatedAttestationRequest struct {
	Schema    [32]byte
	Data      AttestationRequestData
	Signature Signature
	Attester  common.Address
	Deadline  uint64
}

// DelegatedRevocationRequest is an auto generated low-level Go binding around an user-defined struct.
type DelegatedRevocationRequest struct {
	Schema    [32]byte
	Data      RevocationRequestData
	Signature Signature
	Revoker   common.Address
	Deadline  uint64
}

// MultiAttestationRequest is an auto generated low-level Go binding around an user-defined struct.
type MultiAttestationRequest struct {
	Schema [32]byte
	Data   []AttestationRequestData
}

// MultiDelegatedAttestationRequest is an auto generated low-level Go binding around an user-defined struct.
type MultiDelegatedAttestationRequest struct {
	Schema     [32]byte
	Data       []AttestationRequestData
	Signatures []Signature
	Attester   common.Address
	Deadline   uint64
}

// MultiDelegatedRevocationRequest is an auto generated low-level Go binding around an user-defined struct.
type MultiDelegatedRevocationRequest struct {
	Schema     [32]byte
	Data       []RevocationRequestData
	Signatures []Signature
	Revoker    common.Address
	Deadline   uint64
}

// MultiRevocationRequest is an auto generated low-level Go binding around an user-defined struct.
type MultiRevocationRequest struct {
	Schema [32]byte
	Data   []RevocationRequestData
}

// RevocationRequest is an auto generated low-level Go binding around an user-defined struct.
type RevocationRequest struct {
	Schema [32]byte
	Data   RevocationRequestData
}

// RevocationRequestData is an auto generated low-level Go binding around an user-defined struct.
type RevocationRequestData struct {
	Uid   [32]byte
	Value *big.Int
}

// Signature is an auto generated low-level Go binding around an user-defined struct.
type Signature struct {
	V uint8
	R [32]byte
	S [32]byte
}

// EASMetaData contains all meta data concerning the EAS contract.
var EASMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractISchemaRegistry\",\"name\":\"registry\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AccessDenied\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"AlreadyRevoked\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"AlreadyRevokedOffchain\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"AlreadyTimestamped\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"DeadlineExpired\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FailedCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InsufficientValue\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidAttestation\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidAttestations\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidExpirationTime\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidLength\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidNonce\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidOffset\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidRegistry\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidRevocation\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidRevocations\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSchema\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidVerifier\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Irrevocable\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotFound\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotPayable\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"WrongSchema\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"attester\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"schemaUID\",\"type\":\"bytes32\"}],\"name\":\"Attested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"oldNonce\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"newNonce\",\"type\":\"uint256\"}],\"name\":\"NonceIncreased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"attester\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"schemaUID\",\"type\":\"bytes32\"}],\"name\":\"Revoked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"revoker\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"data\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"timestamp\",\"type\":\"uint64\"}],\"name\":\"RevokedOffchain\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"data\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"uint64\",\"name\":\"timestamp\",\"type\":\"uint64\"}],\"name\":\"Timestamped\",\"type\":\"event\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"expirationTime\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"revocable\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"refUID\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"internalType\":\"structAttestationRequestData\",\"name\":\"data\",\"type\":\"tuple\"}],\"internalType\":\"structAttestationRequest\",\"name\":\"request\",\"type\":\"tuple\"}],\"name\":\"attest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"expirationTime\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"revocable\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"refUID\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"internalType\":\"structAttestationRequestData\",\"name\":\"data\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structSignature\",\"name\":\"signature\",\"type\":\"tuple\"},{\"internalType\":\"address\",\"name\":\"attester\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"internalType\":\"structDelegatedAttestationRequest\",\"name\":\"delegatedRequest\",\"type\":\"tuple\"}],\"name\":\"attestByDelegation\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getAttestTypeHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"}],\"name\":\"getAttestation\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"time\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"expirationTime\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"revocationTime\",\"type\":\"uint64\"},{\"internalType\":\"bytes32\",\"name\":\"refUID\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"attester\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"revocable\",\"type\":\"bool\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"internalType\":\"structAttestation\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getDomainSeparator\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getName\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"getNonce\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"revoker\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"data\",\"type\":\"bytes32\"}],\"name\":\"getRevokeOffchain\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getRevokeTypeHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getSchemaRegistry\",\"outputs\":[{\"internalType\":\"contractISchemaRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"data\",\"type\":\"bytes32\"}],\"name\":\"getTimestamp\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newNonce\",\"type\":\"uint256\"}],\"name\":\"increaseNonce\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"}],\"name\":\"isAttestationValid\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"expirationTime\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"revocable\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"refUID\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"internalType\":\"structAttestationRequestData[]\",\"name\":\"data\",\"type\":\"tuple[]\"}],\"internalType\":\"structMultiAttestationRequest[]\",\"name\":\"multiRequests\",\"type\":\"tuple[]\"}],\"name\":\"multiAttest\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"expirationTime\",\"type\":\"uint64\"},{\"internalType\":\"bool\",\"name\":\"revocable\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"refUID\",\"type\":\"bytes32\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"internalType\":\"structAttestationRequestData[]\",\"name\":\"data\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structSignature[]\",\"name\":\"signatures\",\"type\":\"tuple[]\"},{\"internalType\":\"address\",\"name\":\"attester\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"internalType\":\"structMultiDelegatedAttestationRequest[]\",\"name\":\"multiDelegatedRequests\",\"type\":\"tuple[]\"}],\"name\":\"multiAttestByDelegation\",\"outputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"\",\"type\":\"bytes32[]\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"internalType\":\"structRevocationRequestData[]\",\"name\":\"data\",\"type\":\"tuple[]\"}],\"internalType\":\"structMultiRevocationRequest[]\",\"name\":\"multiRequests\",\"type\":\"tuple[]\"}],\"name\":\"multiRevoke\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"internalType\":\"structRevocationRequestData[]\",\"name\":\"data\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structSignature[]\",\"name\":\"signatures\",\"type\":\"tuple[]\"},{\"internalType\":\"address\",\"name\":\"revoker\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"internalType\":\"structMultiDelegatedRevocationRequest[]\",\"name\":\"multiDelegatedRequests\",\"type\":\"tuple[]\"}],\"name\":\"multiRevokeByDelegation\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"data\",\"type\":\"bytes32[]\"}],\"name\":\"multiRevokeOffchain\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32[]\",\"name\":\"data\",\"type\":\"bytes32[]\"}],\"name\":\"multiTimestamp\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"internalType\":\"structRevocationRequestData\",\"name\":\"data\",\"type\":\"tuple\"}],\"internalType\":\"structRevocationRequest\",\"name\":\"request\",\"type\":\"tuple\"}],\"name\":\"revoke\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"schema\",\"type\":\"bytes32\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"internalType\":\"structRevocationRequestData\",\"name\":\"data\",\"type\":\"tuple\"},{\"components\":[{\"internalType\":\"uint8\",\"name\":\"v\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"r\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"internalType\":\"structSignature\",\"name\":\"signature\",\"type\":\"tuple\"},{\"internalType\":\"address\",\"name\":\"revoker\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"internalType\":\"structDelegatedRevocationRequest\",\"name\":\"delegatedRequest\",\"type\":\"tuple\"}],\"name\":\"revokeByDelegation\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"data\",\"type\":\"bytes32\"}],\"name\":\"revokeOffchain\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"data\",\"type\":\"bytes32\"}],\"name\":\"timestamp\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"version\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "EAS",
	Bin: "0x6101e0604052348015610010575f5ffd5b50604051614aa2380380614aa283398101604081905261002f916101ef565b604080518082018252600381526245415360e81b602080830191909152825180840190935260058352640312e342e360dc1b908301526001608052600460a0525f60c081905290919082908290610087908390610177565b61018052610096816001610177565b6101a0528151602080840191909120610140528151908201206101605246610100526101256101405161016051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60e05250503061012052600261013b83826102bf565b5050506001600160a01b038116610165576040516311a1e69760e01b815260040160405180910390fd5b6001600160a01b03166101c0526103d5565b5f6020835110156101925761018b836101a9565b90506101a3565b8161019d84826102bf565b5060ff90505b92915050565b5f5f829050601f815111156101dc578260405163305a27a960e01b81526004016101d3919061037d565b60405180910390fd5b80516101e7826103b2565b179392505050565b5f602082840312156101ff575f5ffd5b81516001600160a01b0381168114610215575f5ffd5b9392505050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061024457607f821691505b60208210810361026257634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156102ba57828211156102ba57805f5260205f20601f840160051c602085101561029357505f5b90810190601f840160051c035f5b818110156102b6575f838201556001016102a1565b5050505b505050565b81516001600160401b038111156102d8576102d861021c565b6102ec816102e68454610230565b84610268565b6020601f82116001811461031e575f83156103075750848201515b5f19600385901b1c1916600184901b178455610376565b5f84815260208120601f198516915b8281101561034d578785015182556020948501946001909201910161032d565b508482101561036a57868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80516020808301519190811015610262575f1960209190910360031b1b16919050565b60805160a05160c05160e05161010051610120516101405161016051610180516101a0516101c05161464661045c5f395f818161051a0152818161149e0152611d8601525f61262b01525f6125ff01525f61273701525f61270f01525f61266a01525f61269401525f6126be01525f610b7101525f610b4801525f610b1f01526146465ff3fe60806040526004361061018e575f3560e01c806384b0196e116100dc578063cf190f3411610087578063e71ff36511610062578063e71ff365146104c1578063ed24911d146104e0578063f10b5cc8146104f4578063f17325e714610544575f5ffd5b8063cf190f3414610430578063d45c44351461044f578063e30bb56314610484575f5ffd5b8063a6d4dbc7116100b7578063a6d4dbc714610393578063b469318d146103a6578063b83010d3146103fe575f5ffd5b806384b0196e1461032d5780639541152514610354578063a3112a6414610367575f5ffd5b806344adc90e1161013c5780634d003070116101175780634d003070146102db57806354fd4d50146102fa57806379f7573a1461030e575f5ffd5b806344adc90e1461029557806346926267146102b55780634cb7e9e5146102c8575f5ffd5b806317d7de7c1161016c57806317d7de7c146102205780632d0335ab146102415780633c04271514610282575f5ffd5b80630eabf6601461019257806312b11a17146101a757806313893f61146101e8575b5f5ffd5b6101a56101a0366004613563565b610557565b005b3480156101b2575f5ffd5b507ffeb2925a02bae3dae48d424a0437a2b6ac939aa9230ddc55a1a76f065d9880765b6040519081526020015b60405180910390f35b3480156101f3575f5ffd5b50610207610202366004613563565b6106c4565b60405167ffffffffffffffff90911681526020016101df565b34801561022b575f5ffd5b50610234610708565b6040516101df91906135d0565b34801561024c575f5ffd5b506101d561025b366004613613565b73ffffffffffffffffffffffffffffffffffffffff165f9081526003602052604090205490565b6101d561029036600461362e565b610798565b6102a86102a3366004613563565b610877565b6040516101df9190613665565b6101a56102c33660046136a7565b6109cf565b6101a56102d6366004613563565b610a50565b3480156102e6575f5ffd5b506102076102f53660046136c0565b610b0c565b348015610305575f5ffd5b50610234610b18565b348015610319575f5ffd5b506101a56103283660046136c0565b610bbb565b348015610338575f5ffd5b50610341610c52565b6040516101df9796959493929190613711565b6102a8610362366004613563565b610cb0565b348015610372575f5ffd5b506103866103813660046136c0565b610ef8565b6040516101df9190613891565b6101a56103a13660046138a3565b6110b6565b3480156103b1575f5ffd5b506102076103c03660046138b5565b73ffffffffffffffffffffffffffffffffffffffff919091165f908152600660209081526040808320938352929052205467ffffffffffffffff1690565b348015610409575f5ffd5b507fb5d556f07587ec0f08cf386545cc4362c702a001650c2058002615ee5c9d1e756101d5565b34801561043b575f5ffd5b5061020761044a3660046136c0565b611158565b34801561045a575f5ffd5b506102076104693660046136c0565b5f9081526005602052604090205467ffffffffffffffff1690565b34801561048f575f5ffd5b506104b161049e3660046136c0565b5f90815260046020526040902054151590565b60405190151581526020016101df565b3480156104cc575f5ffd5b506102076104db366004613563565b611165565b3480156104eb575f5ffd5b506101d561119c565b3480156104ff575f5ffd5b5060405173ffffffffffffffffffffffffffffffffffffffff7f00000000000000000000000000000000000000000000000000000000000000001681526020016101df565b6101d56105523660046138df565b6111aa565b34815f5b818110156106bd575f19820181145f86868481811061057c5761057c613916565b905060200281019061058e9190613943565b61059790613bad565b60208101518051919250908015806105b457508260400151518114155b156105eb576040517f947d5a8400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5b8181101561068d576106856040518060a00160405280865f0151815260200185848151811061061e5761061e613916565b602002602001015181526020018660400151848151811061064157610641613916565b60200260200101518152602001866060015173ffffffffffffffffffffffffffffffffffffffff168152602001866080015167ffffffffffffffff16815250611246565b6001016105ed565b506106a2835f01518385606001518a88611456565b6106ac9088613cd5565b96505050505080600101905061055b565b5050505050565b5f4282825b818110156106fc576106f4338787848181106106e7576106e7613916565b9050602002013585611a5c565b6001016106c9565b50909150505b92915050565b60606002805461071790613ce8565b80601f016020809104026020016040519081016040528092919081815260200182805461074390613ce8565b801561078e5780601f106107655761010080835404028352916020019161078e565b820191905f5260205f20905b81548152906001019060200180831161077157829003601f168201915b5050505050905090565b5f6107aa6107a583613e3a565b611b59565b6040805160018082528183019092525f91816020015b6040805160c0810182525f80825260208083018290529282018190526060808301829052608083015260a082015282525f199092019101816107c057905050905061080e6020840184613eb2565b61081790613ee4565b815f8151811061082957610829613916565b602090810291909101015261085283358261084a60c0870160a08801613613565b346001611ce3565b602001515f8151811061086757610867613916565b6020026020010151915050919050565b6060815f8167ffffffffffffffff8111156108945761089461397f565b6040519080825280602002602001820160405280156108c757816020015b60608152602001906001900390816108b25790505b5090505f34815b848110156109b9575f1985018114368989848181106108ef576108ef613916565b90506020028101906109019190613eef565b90506109106020820182613f21565b90505f0361094a576040517f947d5a8400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f61096e823561095d6020850185613f21565b61096691613f85565b338887611ce3565b805190915061097d9086613cd5565b9450806020015187858151811061099657610996613916565b6020026020010181905250806020015151860195505050508060010190506108ce565b506109c483836123bb565b979650505050505050565b6040805160018082528183019092525f91816020015b604080518082019091525f80825260208201528152602001906001900390816109e5579050509050610a1f36839003830160208401613fe8565b815f81518110610a3157610a31613916565b6020908102919091010152610a4b82358233346001611456565b505050565b34815f5b818110156106bd575f198201811436868684818110610a7557610a75613916565b9050602002810190610a879190613eef565b9050610af38135610a9b6020840184614002565b808060200260200160405190810160405280939291908181526020015f905b82821015610ae657610ad760408302860136819003810190613fe8565b81526020019060010190610aba565b5050505050338886611456565b610afd9086613cd5565b94505050806001019050610a54565b5f42610702838261249b565b6060610b437f000000000000000000000000000000000000000000000000000000000000000061255b565b610b6c7f000000000000000000000000000000000000000000000000000000000000000061255b565b610b957f000000000000000000000000000000000000000000000000000000000000000061255b565b604051602001610ba79392919061407d565b604051602081830303815290604052905090565b335f90815260036020526040902054808211610c03576040517f756688fe00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b335f9081526003602090815260409182902084905581518381529081018490527f57b09af877df9068fd60a69d7b21f5576b8b38955812d6ae4ac52942f1e38fb7910160405180910390a15050565b5f6060805f5f5f6060610c636125f8565b610c6b612624565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b6060815f8167ffffffffffffffff811115610ccd57610ccd61397f565b604051908082528060200260200182016040528015610d0057816020015b6060815260200190600190039081610ceb5790505b5090505f34815b848110156109b9575f198501811436898984818110610d2857610d28613916565b9050602002810190610d3a9190613943565b9050365f610d4b6020840184613f21565b909250905080801580610d6c5750610d6660408501856140ea565b90508114155b15610da3576040517f947d5a8400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5b81811015610e8257610e7a6040518060a00160405280875f01358152602001868685818110610dd657610dd6613916565b9050602002810190610de89190613eb2565b610df190613ee4565b8152602001610e0360408901896140ea565b85818110610e1357610e13613916565b905060600201803603810190610e29919061414d565b8152602001610e3e6080890160608a01613613565b73ffffffffffffffffffffffffffffffffffffffff168152602001610e6960a0890160808a01614167565b67ffffffffffffffff169052611b59565b600101610da5565b505f610eaa8535610e938587613f85565b610ea36080890160608a01613613565b8b8a611ce3565b8051909150610eb99089613cd5565b975080602001518a8881518110610ed257610ed2613916565b602002602001018190525080602001515189019850505050505050806001019050610d07565b60408051610140810182525f8082526020820181905291810182905260608082018390526080820183905260a0820183905260c0820183905260e082018390526101008201929092526101208101919091525f8281526004602081815260409283902083516101408101855281548152600182015492810192909252600281015467ffffffffffffffff808216958401959095526801000000000000000081048516606084015270010000000000000000000000000000000090049093166080820152600383015460a08201529082015473ffffffffffffffffffffffffffffffffffffffff90811660c0830152600583015490811660e083015274010000000000000000000000000000000000000000900460ff1615156101008201526006820180549192916101208401919061102f90613ce8565b80601f016020809104026020016040519081016040528092919081815260200182805461105b90613ce8565b80156110a65780601f1061107d576101008083540402835291602001916110a6565b820191905f5260205f20905b81548152906001019060200180831161108957829003601f168201915b5050505050815250509050919050565b6110cd6110c836839003830183614180565b611246565b6040805160018082528183019092525f91816020015b604080518082019091525f80825260208201528152602001906001900390816110e357905050905061111d36839003830160208401613fe8565b815f8151811061112f5761112f613916565b6020908102919091010152610a4b82358261115060e0860160c08701613613565b346001611456565b5f42610702338483611a5c565b5f4282825b818110156106fc5761119486868381811061118757611187613916565b905060200201358461249b565b60010161116a565b5f6111a5612651565b905090565b6040805160018082528183019092525f91829190816020015b6040805160c0810182525f80825260208083018290529282018190526060808301829052608083015260a082015282525f199092019101816111c35790505090506112116020840184613eb2565b61121a90613ee4565b815f8151811061122c5761122c613916565b602090810291909101015261085283358233346001611ce3565b608081015167ffffffffffffffff161580159061127a57504267ffffffffffffffff16816080015167ffffffffffffffff16105b156112b1576040517f1ab7da6b00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6020808201516040808401516060850151855184518587015173ffffffffffffffffffffffffffffffffffffffff84165f908152600390985294872080549697949694956113a5957fb5d556f07587ec0f08cf386545cc4362c702a001650c2058002615ee5c9d1e759594939288611328836141ee565b909155506080808c015160408051602081019990995273ffffffffffffffffffffffffffffffffffffffff9097169688019690965260608701949094529285019190915260a084015260c083015267ffffffffffffffff1660e0820152610100015b60405160208183030381529060405280519060200120612787565b905061141a84606001518284602001518560400151865f015160405160200161140693929190928352602083019190915260f81b7fff0000000000000000000000000000000000000000000000000000000000000016604082015260410190565b6040516020818303038152906040526127ce565b611450576040517f8baa579f00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b50505050565b6040517fa2ea7c6e000000000000000000000000000000000000000000000000000000008152600481018690525f90819073ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000169063a2ea7c6e906024015f60405180830381865afa1580156114e2573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f191682016040526115099190810190614206565b8051909150611544576040517fbf37b20e00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b85515f8167ffffffffffffffff8111156115605761156061397f565b6040519080825280602002602001820160405280156115df57816020015b60408051610140810182525f808252602080830182905292820181905260608083018290526080830182905260a0830182905260c0830182905260e0830182905261010083019190915261012082015282525f1990920191018161157e5790505b5090505f8267ffffffffffffffff8111156115fc576115fc61397f565b604051908082528060200260200182016040528015611625578160200160208202803683370190505b5090505f5b83811015611a3e575f8a828151811061164557611645613916565b60209081029190910181015180515f9081526004909252604090912080549192509061169d576040517fc5723b5100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8c8160010154146116da576040517fbf37b20e00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600581015473ffffffffffffffffffffffffffffffffffffffff8c8116911614611730576040517f4ca8886700000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b600581015474010000000000000000000000000000000000000000900460ff16611786576040517f157bd4c300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6002810154700100000000000000000000000000000000900467ffffffffffffffff16156117e0576040517f905e710700000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b426002820180547fffffffffffffffff0000000000000000ffffffffffffffffffffffffffffffff811670010000000000000000000000000000000067ffffffffffffffff948516810291821793849055604080516101408101825287548152600188015460208201529386169286169290921791830191909152680100000000000000008304841660608301529091049091166080820152600382015460a0820152600482015473ffffffffffffffffffffffffffffffffffffffff90811660c0830152600583015490811660e083015274010000000000000000000000000000000000000000900460ff16151561010082015260068201805483916101208401916118ec90613ce8565b80601f016020809104026020016040519081016040528092919081815260200182805461191890613ce8565b80156119635780601f1061193a57610100808354040283529160200191611963565b820191905f5260205f20905b81548152906001019060200180831161194657829003601f168201915b50505050508152505085848151811061197e5761197e613916565b602002602001018190525081602001518484815181106119a0576119a0613916565b6020026020010181815250508c8b73ffffffffffffffffffffffffffffffffffffffff168685815181106119d6576119d6613916565b602002602001015160c0015173ffffffffffffffffffffffffffffffffffffffff167ff930a6e2523c9cc298691873087a740550b8fc85a0680830414c148ed927f615855f0151604051611a2c91815260200190565b60405180910390a4505060010161162a565b50611a4e84838360018b8b612868565b9a9950505050505050505050565b73ffffffffffffffffffffffffffffffffffffffff83165f908152600660209081526040808320858452918290529091205467ffffffffffffffff1615611acf576040517fec9d6eeb00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8381526020829052604080822080547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff861690811790915590519091859173ffffffffffffffffffffffffffffffffffffffff8816917f92a1f7a41a7c585a8b09e25b195e225b1d43248daca46b0faf9e0792777a222991a450505050565b608081015167ffffffffffffffff1615801590611b8d57504267ffffffffffffffff16816080015167ffffffffffffffff16105b15611bc4576040517f1ab7da6b00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6020808201516040808401516060808601518651855186880151868801519488015160808901518051908b012060a08a015173ffffffffffffffffffffffffffffffffffffffff87165f9081526003909c52988b2080549a9b989a98996113a5997ffeb2925a02bae3dae48d424a0437a2b6ac939aa9230ddc55a1a76f065d988076999493928c611c54836141ee565b919050558e6080015160405160200161138a9b9a999897969594939291909a8b5273ffffffffffffffffffffffffffffffffffffffff998a1660208c015260408b019890985295909716606089015267ffffffffffffffff938416608089015291151560a088015260c087015260e0860152610100850193909352610120840152166101408201526101600190565b604080518082019091525f8152606060208201528451604080518082019091525f8152606060208201528167ffffffffffffffff811115611d2657611d2661397f565b604051908082528060200260200182016040528015611d4f578160200160208202803683370190505b5060208201526040517fa2ea7c6e000000000000000000000000000000000000000000000000000000008152600481018990525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff169063a2ea7c6e906024015f60405180830381865afa158015611ddf573d5f5f3e3d5ffd5b505050506040513d5f823e601f3d908101601f19168201604052611e069190810190614206565b8051909150611e41576040517fbf37b20e00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8367ffffffffffffffff811115611e5b57611e5b61397f565b604051908082528060200260200182016040528015611eda57816020015b60408051610140810182525f808252602080830182905292820181905260608083018290526080830182905260a0830182905260c0830182905260e0830182905261010083019190915261012082015282525f19909201910181611e795790505b5090505f8467ffffffffffffffff811115611ef757611ef761397f565b604051908082528060200260200182016040528015611f20578160200160208202803683370190505b5090505f5b8581101561239b575f8b8281518110611f4057611f40613916565b602002602001015190505f67ffffffffffffffff16816020015167ffffffffffffffff1614158015611f8a57504267ffffffffffffffff16816020015167ffffffffffffffff1611155b15611fc1576040517f08e8b93700000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8460400151158015611fd4575080604001515b1561200b576040517f157bd4c300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f6040518061014001604052805f5f1b81526020018f815260200161202d4290565b67ffffffffffffffff168152602001836020015167ffffffffffffffff1681526020015f67ffffffffffffffff16815260200183606001518152602001835f015173ffffffffffffffffffffffffffffffffffffffff1681526020018d73ffffffffffffffffffffffffffffffffffffffff168152602001836040015115158152602001836080015181525090505f5f5f90505b6120cb8382612c4c565b5f81815260046020526040902054909250156120e9576001016120c1565b8183525f8281526004602081815260409283902086518155908601516001820155918501516002830180546060880151608089015167ffffffffffffffff908116700100000000000000000000000000000000027fffffffffffffffff0000000000000000ffffffffffffffffffffffffffffffff92821668010000000000000000027fffffffffffffffffffffffffffffffff000000000000000000000000000000009094169190951617919091171691909117905560a0850151600383015560c0850151908201805473ffffffffffffffffffffffffffffffffffffffff9283167fffffffffffffffffffffffff000000000000000000000000000000000000000090911617905560e0850151600583018054610100880151151574010000000000000000000000000000000000000000027fffffffffffffffffffffff000000000000000000000000000000000000000000909116929093169190911791909117905561012084015184919060068201906122679082614336565b5050506060840151156122bd5760608401515f908152600460205260409020546122bd576040517fc5723b5100000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b828786815181106122d0576122d0613916565b60200260200101819052508360a001518686815181106122f2576122f2613916565b602002602001018181525050818960200151868151811061231557612315613916565b6020026020010181815250508f8e73ffffffffffffffffffffffffffffffffffffffff16855f015173ffffffffffffffffffffffffffffffffffffffff167f8bf46bf4cfd674fa735a3d63ec1c9ad4153f033c290341f3a588b75685141b358560405161238491815260200190565b60405180910390a450505050806001019050611f25565b506123aa8383835f8c8c612868565b845250919998505050505050505050565b60605f8267ffffffffffffffff8111156123d7576123d761397f565b604051908082528060200260200182016040528015612400578160200160208202803683370190505b5084519091505f90815b81811015612490575f87828151811061242557612425613916565b602090810291909101015180519091505f5b818110156124825782818151811061245157612451613916565b602002602001015187878151811061246b5761246b613916565b602090810291909101015260019586019501612437565b50505080600101905061240a565b509195945050505050565b5f8281526005602052604090205467ffffffffffffffff16156124ea576040517f2e26794600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f8281526005602052604080822080547fffffffffffffffffffffffffffffffffffffffffffffffff00000000000000001667ffffffffffffffff85169081179091559051909184917f5aafceeb1c7ad58e4a84898bdee37c02c0fc46e7d24e6b60e8209449f183459f9190a35050565b60605f61256783612caa565b60010190505f8167ffffffffffffffff8111156125865761258661397f565b6040519080825280601f01601f1916602001820160405280156125b0576020820181803683370190505b5090508181016020015b5f19017f3031323334353637383961626364656600000000000000000000000000000000600a86061a8153600a85049450846125ba57509392505050565b60606111a57f00000000000000000000000000000000000000000000000000000000000000005f612d8b565b60606111a57f00000000000000000000000000000000000000000000000000000000000000006001612d8b565b5f3073ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000161480156126b657507f000000000000000000000000000000000000000000000000000000000000000046145b156126e057507f000000000000000000000000000000000000000000000000000000000000000090565b6111a5604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f610702612793612651565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b5f8373ffffffffffffffffffffffffffffffffffffffff163b5f03612853575f5f6127f98585612e34565b5090925090505f816003811115612812576128126143f1565b14801561284a57508573ffffffffffffffffffffffffffffffffffffffff168273ffffffffffffffffffffffffffffffffffffffff16145b92505050612861565b61285e848484612e7d565b90505b9392505050565b84515f9060018190036128bd576128b588885f8151811061288b5761288b613916565b6020026020010151885f815181106128a5576128a5613916565b6020026020010151888888612fa7565b915050612c42565b602088015173ffffffffffffffffffffffffffffffffffffffff811661295b575f5b82811015612941578781815181106128f9576128f9613916565b60200260200101515f14612939576040517f1574f9f300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6001016128df565b50831561295157612951856132be565b5f92505050612c42565b5f5f90505f8273ffffffffffffffffffffffffffffffffffffffff1663ce46e0466040518163ffffffff1660e01b8152600401602060405180830381865afa1580156129a9573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906129cd919061441e565b90505f5b84811015612a87575f8a82815181106129ec576129ec613916565b60200260200101519050805f03612a035750612a7f565b82612a3a576040517f1574f9f300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b88811115612a74576040517f1101129400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b978890039792909201915b6001016129d1565b508715612b60576040517f88e5b2d900000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8416906388e5b2d9908490612ae4908e908e90600401614439565b60206040518083038185885af1158015612b00573d5f5f3e3d5ffd5b50505050506040513d601f19601f82011682018060405250810190612b25919061441e565b612b5b576040517fbf2f3a8b00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b612c2d565b6040517f91db0b7e00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff8416906391db0b7e908490612bb6908e908e90600401614439565b60206040518083038185885af1158015612bd2573d5f5f3e3d5ffd5b50505050506040513d601f19601f82011682018060405250810190612bf7919061441e565b612c2d576040517fe8bee83900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8515612c3c57612c3c876132be565b50925050505b9695505050505050565b60208083015160c084015160e0850151604080870151606088015161010089015160a08a01516101208b015194515f99612c8c99989796918c91016144cd565b60405160208183030381529060405280519060200120905092915050565b5f807a184f03e93ff9f4daa797ed6e38ed64bf6a1f0100000000000000008310612cf2577a184f03e93ff9f4daa797ed6e38ed64bf6a1f010000000000000000830492506040015b6d04ee2d6d415b85acef81000000008310612d1e576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc100008310612d3c57662386f26fc10000830492506010015b6305f5e1008310612d54576305f5e100830492506008015b6127108310612d6857612710830492506004015b60648310612d7a576064830492506002015b600a83106107025760010192915050565b606060ff8314612da557612d9e836132d1565b9050610702565b818054612db190613ce8565b80601f0160208091040260200160405190810160405280929190818152602001828054612ddd90613ce8565b8015612e285780601f10612dff57610100808354040283529160200191612e28565b820191905f5260205f20905b815481529060010190602001808311612e0b57829003601f168201915b50505050509050610702565b5f5f5f8351604103612e6b576020840151604085015160608601515f1a612e5d8882858561330e565b955095509550505050612e76565b505081515f91506002905b9250925092565b5f5f5f8573ffffffffffffffffffffffffffffffffffffffff168585604051602401612eaa9291906145d6565b60408051601f198184030181529181526020820180517bffffffffffffffffffffffffffffffffffffffffffffffffffffffff167f1626ba7e0000000000000000000000000000000000000000000000000000000017905251612f0d91906145ee565b5f60405180830381855afa9150503d805f8114612f45576040519150601f19603f3d011682016040523d82523d5f602084013e612f4a565b606091505b5091509150818015612f5e57506020815110155b8015612c42575080517f1626ba7e0000000000000000000000000000000000000000000000000000000090612f9c90830160209081019084016145f9565b149695505050505050565b60208601515f9073ffffffffffffffffffffffffffffffffffffffff8116613019578515613001576040517f1574f9f300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b821561301057613010846132be565b5f915050612c42565b8515613102578073ffffffffffffffffffffffffffffffffffffffff1663ce46e0466040518163ffffffff1660e01b8152600401602060405180830381865afa158015613068573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061308c919061441e565b6130c2576040517f1574f9f300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b838611156130fc576040517f1101129400000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b85840393505b84156131d8576040517fe49617e100000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff82169063e49617e190889061315c908b90600401613891565b60206040518083038185885af1158015613178573d5f5f3e3d5ffd5b50505050506040513d601f19601f8201168201806040525081019061319d919061441e565b6131d3576040517fccf3bb2700000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6132a3565b6040517fe60c350500000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff82169063e60c350590889061322c908b90600401613891565b60206040518083038185885af1158015613248573d5f5f3e3d5ffd5b50505050506040513d601f19601f8201168201806040525081019061326d919061441e565b6132a3576040517fbd8ba84d00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b82156132b2576132b2846132be565b50939695505050505050565b80156132ce576132ce33826133e3565b50565b60605f6132dd83613499565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561334757505f915060039050826133d9565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa158015613398573d5f5f3e3d5ffd5b5050604051601f19015191505073ffffffffffffffffffffffffffffffffffffffff81166133d057505f9250600191508290506133d9565b92505f91508190505b9450945094915050565b8047101561342a576040517fcf4791810000000000000000000000000000000000000000000000000000000081524760048201526024810182905260440160405180910390fd5b5f5f8373ffffffffffffffffffffffffffffffffffffffff16836040515f6040518083038185875af1925050503d805f8114613481576040519150601f19603f3d011682016040523d82523d5f602084013e613486565b606091505b50915091508161145057611450816134d9565b5f60ff8216601f811115610702576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8051156134e95780518082602001fd5b6040517fd6bda27500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f83601f84011261352b575f5ffd5b50813567ffffffffffffffff811115613542575f5ffd5b6020830191508360208260051b850101111561355c575f5ffd5b9250929050565b5f5f60208385031215613574575f5ffd5b823567ffffffffffffffff81111561358a575f5ffd5b6135968582860161351b565b90969095509350505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f61286160208301846135a2565b73ffffffffffffffffffffffffffffffffffffffff811681146132ce575f5ffd5b803561360e816135e2565b919050565b5f60208284031215613623575f5ffd5b8135612861816135e2565b5f6020828403121561363e575f5ffd5b813567ffffffffffffffff811115613654575f5ffd5b820160e08185031215612861575f5ffd5b602080825282518282018190525f918401906040840190835b8181101561369c57835183526020938401939092019160010161367e565b509095945050505050565b5f60608284031280156136b8575f5ffd5b509092915050565b5f602082840312156136d0575f5ffd5b5035919050565b5f8151808452602084019350602083015f5b828110156137075781518652602095860195909101906001016136e9565b5093949350505050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f61374b60e08301896135a2565b828103604084015261375d81896135a2565b905086606084015273ffffffffffffffffffffffffffffffffffffffff861660808401528460a084015282810360c0840152611a4e81856136d7565b80518252602081015160208301525f60408201516137c3604085018267ffffffffffffffff169052565b5060608201516137df606085018267ffffffffffffffff169052565b5060808201516137fb608085018267ffffffffffffffff169052565b5060a082015160a084015260c082015161382d60c085018273ffffffffffffffffffffffffffffffffffffffff169052565b5060e082015161385560e085018273ffffffffffffffffffffffffffffffffffffffff169052565b5061010082015161386b61010085018215159052565b506101208201516101406101208501526138896101408501826135a2565b949350505050565b602081525f6128616020830184613799565b5f6101008284031280156136b8575f5ffd5b5f5f604083850312156138c6575f5ffd5b82356138d1816135e2565b946020939093013593505050565b5f602082840312156138ef575f5ffd5b813567ffffffffffffffff811115613905575f5ffd5b820160408185031215612861575f5ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f82357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff61833603018112613975575f5ffd5b9190910192915050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b60405160a0810167ffffffffffffffff811182821017156139cf576139cf61397f565b60405290565b60405160c0810167ffffffffffffffff811182821017156139cf576139cf61397f565b6040516080810167ffffffffffffffff811182821017156139cf576139cf61397f565b604051601f8201601f1916810167ffffffffffffffff81118282101715613a4457613a4461397f565b604052919050565b5f67ffffffffffffffff821115613a6557613a6561397f565b5060051b60200190565b5f60408284031215613a7f575f5ffd5b6040805190810167ffffffffffffffff81118282101715613aa257613aa261397f565b604052823581526020928301359281019290925250919050565b5f60608284031215613acc575f5ffd5b6040516060810167ffffffffffffffff81118282101715613aef57613aef61397f565b604052905080823560ff81168114613b05575f5ffd5b815260208381013590820152604092830135920191909152919050565b5f82601f830112613b31575f5ffd5b8135613b44613b3f82613a4c565b613a1b565b80828252602082019150602060608402860101925085831115613b65575f5ffd5b602085015b83811015613b8c57613b7c8782613abc565b8352602090920191606001613b6a565b5095945050505050565b803567ffffffffffffffff8116811461360e575f5ffd5b5f60a08236031215613bbd575f5ffd5b613bc56139ac565b82358152602083013567ffffffffffffffff811115613be2575f5ffd5b830136601f820112613bf2575f5ffd5b8035613c00613b3f82613a4c565b8082825260208201915060208360061b850101925036831115613c21575f5ffd5b6020840193505b82841015613c4d57613c3a3685613a6f565b8252602082019150604084019350613c28565b6020850152505050604083013567ffffffffffffffff811115613c6e575f5ffd5b613c7a36828601613b22565b604083015250613c8c60608401613603565b6060820152613c9d60808401613b96565b608082015292915050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8181038181111561070257610702613ca8565b600181811c90821680613cfc57607f821691505b602082108103613d33577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b80151581146132ce575f5ffd5b5f67ffffffffffffffff821115613d5f57613d5f61397f565b50601f01601f191660200190565b5f60c08284031215613d7d575f5ffd5b613d856139d5565b90508135613d92816135e2565b8152613da060208301613b96565b60208201526040820135613db381613d39565b604082015260608281013590820152608082013567ffffffffffffffff811115613ddb575f5ffd5b8201601f81018413613deb575f5ffd5b8035613df9613b3f82613d46565b818152856020838501011115613e0d575f5ffd5b816020840160208301375f9181016020019190915260808301525060a09182013591810191909152919050565b5f60e08236031215613e4a575f5ffd5b613e526139ac565b82358152602083013567ffffffffffffffff811115613e6f575f5ffd5b613e7b36828601613d6d565b602083015250613e8e3660408501613abc565b604082015260a0830135613ea1816135e2565b6060820152613c9d60c08401613b96565b5f82357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff41833603018112613975575f5ffd5b5f6107023683613d6d565b5f82357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc1833603018112613975575f5ffd5b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe1843603018112613f54575f5ffd5b83018035915067ffffffffffffffff821115613f6e575f5ffd5b6020019150600581901b360382131561355c575f5ffd5b5f613f92613b3f84613a4c565b8381526020810190600585901b840136811115613fad575f5ffd5b845b8181101561369c57803567ffffffffffffffff811115613fcd575f5ffd5b613fd936828901613d6d565b85525060209384019301613faf565b5f60408284031215613ff8575f5ffd5b6128618383613a6f565b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe1843603018112614035575f5ffd5b83018035915067ffffffffffffffff82111561404f575f5ffd5b6020019150600681901b360382131561355c575f5ffd5b5f81518060208401855e5f93019283525090919050565b5f6140888286614066565b7f2e0000000000000000000000000000000000000000000000000000000000000081526140b86001820186614066565b90507f2e000000000000000000000000000000000000000000000000000000000000008152612c426001820185614066565b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe184360301811261411d575f5ffd5b83018035915067ffffffffffffffff821115614137575f5ffd5b602001915060608102360382131561355c575f5ffd5b5f6060828403121561415d575f5ffd5b6128618383613abc565b5f60208284031215614177575f5ffd5b61286182613b96565b5f610100828403128015614192575f5ffd5b5061419b6139ac565b823581526141ac8460208501613a6f565b60208201526141be8460608501613abc565b604082015260c08301356141d1816135e2565b60608201526141e260e08401613b96565b60808201529392505050565b5f5f1982036141ff576141ff613ca8565b5060010190565b5f60208284031215614216575f5ffd5b815167ffffffffffffffff81111561422c575f5ffd5b82016080818503121561423d575f5ffd5b6142456139f8565b815181526020820151614257816135e2565b6020820152604082015161426a81613d39565b6040820152606082015167ffffffffffffffff811115614288575f5ffd5b80830192505084601f83011261429c575f5ffd5b81516142aa613b3f82613d46565b8181528660208386010111156142be575f5ffd5b8160208501602083015e5f918101602001919091526060820152949350505050565b601f821115610a4b5782821115610a4b57805f5260205f20601f840160051c602085101561430b57505f5b90810190601f840160051c035f5b8181101561432e575f83820155600101614319565b505050505050565b815167ffffffffffffffff8111156143505761435061397f565b6143648161435e8454613ce8565b846142e0565b6020601f821160018114614396575f831561437f5750848201515b5f19600385901b1c1916600184901b1784556106bd565b5f84815260208120601f198516915b828110156143c557878501518255602094850194600190920191016143a5565b50848210156143e257868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b5f6020828403121561442e575f5ffd5b815161286181613d39565b5f604082016040835280855180835260608501915060608160051b8601019250602087015f5b828110156144ae577fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa0878603018452614499858351613799565b9450602093840193919091019060010161445f565b5050505082810360208401526144c481856136d7565b95945050505050565b8981527fffffffffffffffffffffffffffffffffffffffff0000000000000000000000008960601b1660208201527fffffffffffffffffffffffffffffffffffffffff0000000000000000000000008860601b1660348201527fffffffffffffffff0000000000000000000000000000000000000000000000008760c01b1660488201527fffffffffffffffff0000000000000000000000000000000000000000000000008660c01b16605082015284151560f81b60588201528360598201525f61459b6079830185614066565b60e09390931b7fffffffff00000000000000000000000000000000000000000000000000000000168352505060040198975050505050505050565b828152604060208201525f61388960408301846135a2565b5f6128618284614066565b5f60208284031215614609575f5ffd5b505191905056fea26469706673582212204c6bd80f8b50c99d9eff86f3e7e1d540aa2fbd9d5527645cd376a5b85b85a9b064736f6c63430008250033",
}

// EAS is an auto generated Go binding around an Ethereum contract.
type EAS struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *EAS) GetABI() abi.ABI {
	return c.abi
}

// NewEAS creates a new instance of EAS.
func NewEAS() *EAS {
	parsed, err := EASMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &EAS{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *EAS) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry) returns()
func (eAS *EAS) PackConstructor(registry common.Address) []byte {
	enc, err := eAS.abi.Pack("", registry)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf17325e7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attest((bytes32,(address,uint64,bool,bytes32,bytes,uint256)) request) payable returns(bytes32)
func (eAS *EAS) PackAttest(request AttestationRequest) []byte {
	enc, err := eAS.abi.Pack("attest", request)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf17325e7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attest((bytes32,(address,uint64,bool,bytes32,bytes,uint256)) request) payable returns(bytes32)
func (eAS *EAS) TryPackAttest(request AttestationRequest) ([]byte, error) {
	return eAS.abi.Pack("attest", request)
}

// UnpackAttest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf17325e7.
//
// Solidity: function attest((bytes32,(address,uint64,bool,bytes32,bytes,uint256)) request) payable returns(bytes32)
func (eAS *EAS) UnpackAttest(data []byte) ([32]byte, error) {
	out, err := eAS.abi.Unpack("attest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAttestByDelegation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c042715.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestByDelegation((bytes32,(address,uint64,bool,bytes32,bytes,uint256),(uint8,bytes32,bytes32),address,uint64) delegatedRequest) payable returns(bytes32)
func (eAS *EAS) PackAttestByDelegation(delegatedRequest DelegatedAttestationRequest) []byte {
	enc, err := eAS.abi.Pack("attestByDelegation", delegatedRequest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestByDelegation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3c042715.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestByDelegation((bytes32,(address,uint64,bool,bytes32,bytes,uint256),(uint8,bytes32,bytes32),address,uint64) delegatedRequest) payable returns(bytes32)
func (eAS *EAS) TryPackAttestByDelegation(delegatedRequest DelegatedAttestationRequest) ([]byte, error) {
	return eAS.abi.Pack("attestByDelegation", delegatedRequest)
}

// UnpackAttestByDelegation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3c042715.
//
// Solidity: function attestByDelegation((bytes32,(address,uint64,bool,bytes32,bytes,uint256),(uint8,bytes32,bytes32),address,uint64) delegatedRequest) payable returns(bytes32)
func (eAS *EAS) UnpackAttestByDelegation(data []byte) ([32]byte, error) {
	out, err := eAS.abi.Unpack("attestByDelegation", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (eAS *EAS) PackEip712Domain() []byte {
	enc, err := eAS.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (eAS *EAS) TryPackEip712Domain() ([]byte, error) {
	return eAS.abi.Pack("eip712Domain")
}

// Eip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type Eip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (eAS *EAS) UnpackEip712Domain(data []byte) (Eip712DomainOutput, error) {
	out, err := eAS.abi.Unpack("eip712Domain", data)
	outstruct := new(Eip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackGetAttestTypeHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x12b11a17.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAttestTypeHash() pure returns(bytes32)
func (eAS *EAS) PackGetAttestTypeHash() []byte {
	enc, err := eAS.abi.Pack("getAttestTypeHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAttestTypeHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x12b11a17.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAttestTypeHash() pure returns(bytes32)
func (eAS *EAS) TryPackGetAttestTypeHash() ([]byte, error) {
	return eAS.abi.Pack("getAttestTypeHash")
}

// UnpackGetAttestTypeHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x12b11a17.
//
// Solidity: function getAttestTypeHash() pure returns(bytes32)
func (eAS *EAS) UnpackGetAttestTypeHash(data []byte) ([32]byte, error) {
	out, err := eAS.abi.Unpack("getAttestTypeHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGetAttestation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3112a64.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getAttestation(bytes32 uid) view returns((bytes32,bytes32,uint64,uint64,uint64,bytes32,address,address,bool,bytes))
func (eAS *EAS) PackGetAttestation(uid [32]byte) []byte {
	enc, err := eAS.abi.Pack("getAttestation", uid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetAttestation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa3112a64.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getAttestation(bytes32 uid) view returns((bytes32,bytes32,uint64,uint64,uint64,bytes32,address,address,bool,bytes))
func (eAS *EAS) TryPackGetAttestation(uid [32]byte) ([]byte, error) {
	return eAS.abi.Pack("getAttestation", uid)
}

// UnpackGetAttestation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa3112a64.
//
// Solidity: function getAttestation(bytes32 uid) view returns((bytes32,bytes32,uint64,uint64,uint64,bytes32,address,address,bool,bytes))
func (eAS *EAS) UnpackGetAttestation(data []byte) (Attestation, error) {
	out, err := eAS.abi.Unpack("getAttestation", data)
	if err != nil {
		return *new(Attestation), err
	}
	out0 := *abi.ConvertType(out[0], new(Attestation)).(*Attestation)
	return out0, nil
}

// PackGetDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed24911d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getDomainSeparator() view returns(bytes32)
func (eAS *EAS) PackGetDomainSeparator() []byte {
	enc, err := eAS.abi.Pack("getDomainSeparator")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetDomainSeparator is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed24911d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getDomainSeparator() view returns(bytes32)
func (eAS *EAS) TryPackGetDomainSeparator() ([]byte, error) {
	return eAS.abi.Pack("getDomainSeparator")
}

// UnpackGetDomainSeparator is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xed24911d.
//
// Solidity: function getDomainSeparator() view returns(bytes32)
func (eAS *EAS) UnpackGetDomainSeparator(data []byte) ([32]byte, error) {
	out, err := eAS.abi.Unpack("getDomainSeparator", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGetName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17d7de7c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getName() view returns(string)
func (eAS *EAS) PackGetName() []byte {
	enc, err := eAS.abi.Pack("getName")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17d7de7c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getName() view returns(string)
func (eAS *EAS) TryPackGetName() ([]byte, error) {
	return eAS.abi.Pack("getName")
}

// UnpackGetName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x17d7de7c.
//
// Solidity: function getName() view returns(string)
func (eAS *EAS) UnpackGetName(data []byte) (string, error) {
	out, err := eAS.abi.Unpack("getName", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackGetNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d0335ab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getNonce(address account) view returns(uint256)
func (eAS *EAS) PackGetNonce(account common.Address) []byte {
	enc, err := eAS.abi.Pack("getNonce", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2d0335ab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getNonce(address account) view returns(uint256)
func (eAS *EAS) TryPackGetNonce(account common.Address) ([]byte, error) {
	return eAS.abi.Pack("getNonce", account)
}

// UnpackGetNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2d0335ab.
//
// Solidity: function getNonce(address account) view returns(uint256)
func (eAS *EAS) UnpackGetNonce(data []byte) (*big.Int, error) {
	out, err := eAS.abi.Unpack("getNonce", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetRevokeOffchain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb469318d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRevokeOffchain(address revoker, bytes32 data) view returns(uint64)
func (eAS *EAS) PackGetRevokeOffchain(revoker common.Address, data [32]byte) []byte {
	enc, err := eAS.abi.Pack("getRevokeOffchain", revoker, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRevokeOffchain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb469318d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRevokeOffchain(address revoker, bytes32 data) view returns(uint64)
func (eAS *EAS) TryPackGetRevokeOffchain(revoker common.Address, data [32]byte) ([]byte, error) {
	return eAS.abi.Pack("getRevokeOffchain", revoker, data)
}

// UnpackGetRevokeOffchain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb469318d.
//
// Solidity: function getRevokeOffchain(address revoker, bytes32 data) view returns(uint64)
func (eAS *EAS) UnpackGetRevokeOffchain(data []byte) (uint64, error) {
	out, err := eAS.abi.Unpack("getRevokeOffchain", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackGetRevokeTypeHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb83010d3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getRevokeTypeHash() pure returns(bytes32)
func (eAS *EAS) PackGetRevokeTypeHash() []byte {
	enc, err := eAS.abi.Pack("getRevokeTypeHash")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetRevokeTypeHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb83010d3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getRevokeTypeHash() pure returns(bytes32)
func (eAS *EAS) TryPackGetRevokeTypeHash() ([]byte, error) {
	return eAS.abi.Pack("getRevokeTypeHash")
}

// UnpackGetRevokeTypeHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb83010d3.
//
// Solidity: function getRevokeTypeHash() pure returns(bytes32)
func (eAS *EAS) UnpackGetRevokeTypeHash(data []byte) ([32]byte, error) {
	out, err := eAS.abi.Unpack("getRevokeTypeHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackGetSchemaRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf10b5cc8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getSchemaRegistry() view returns(address)
func (eAS *EAS) PackGetSchemaRegistry() []byte {
	enc, err := eAS.abi.Pack("getSchemaRegistry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetSchemaRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf10b5cc8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getSchemaRegistry() view returns(address)
func (eAS *EAS) TryPackGetSchemaRegistry() ([]byte, error) {
	return eAS.abi.Pack("getSchemaRegistry")
}

// UnpackGetSchemaRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf10b5cc8.
//
// Solidity: function getSchemaRegistry() view returns(address)
func (eAS *EAS) UnpackGetSchemaRegistry(data []byte) (common.Address, error) {
	out, err := eAS.abi.Unpack("getSchemaRegistry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetTimestamp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd45c4435.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getTimestamp(bytes32 data) view returns(uint64)
func (eAS *EAS) PackGetTimestamp(data [32]byte) []byte {
	enc, err := eAS.abi.Pack("getTimestamp", data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetTimestamp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd45c4435.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getTimestamp(bytes32 data) view returns(uint64)
func (eAS *EAS) TryPackGetTimestamp(data [32]byte) ([]byte, error) {
	return eAS.abi.Pack("getTimestamp", data)
}

// UnpackGetTimestamp is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd45c4435.
//
// Solidity: function getTimestamp(bytes32 data) view returns(uint64)
func (eAS *EAS) UnpackGetTimestamp(data []byte) (uint64, error) {
	out, err := eAS.abi.Unpack("getTimestamp", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackIncreaseNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79f7573a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function increaseNonce(uint256 newNonce) returns()
func (eAS *EAS) PackIncreaseNonce(newNonce *big.Int) []byte {
	enc, err := eAS.abi.Pack("increaseNonce", newNonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIncreaseNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79f7573a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function increaseNonce(uint256 newNonce) returns()
func (eAS *EAS) TryPackIncreaseNonce(newNonce *big.Int) ([]byte, error) {
	return eAS.abi.Pack("increaseNonce", newNonce)
}

// PackIsAttestationValid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30bb563.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isAttestationValid(bytes32 uid) view returns(bool)
func (eAS *EAS) PackIsAttestationValid(uid [32]byte) []byte {
	enc, err := eAS.abi.Pack("isAttestationValid", uid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsAttestationValid is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30bb563.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isAttestationValid(bytes32 uid) view returns(bool)
func (eAS *EAS) TryPackIsAttestationValid(uid [32]byte) ([]byte, error) {
	return eAS.abi.Pack("isAttestationValid", uid)
}

// UnpackIsAttestationValid is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30bb563.
//
// Solidity: function isAttestationValid(bytes32 uid) view returns(bool)
func (eAS *EAS) UnpackIsAttestationValid(data []byte) (bool, error) {
	out, err := eAS.abi.Unpack("isAttestationValid", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackMultiAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44adc90e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function multiAttest((bytes32,(address,uint64,bool,bytes32,bytes,uint256)[])[] multiRequests) payable returns(bytes32[])
func (eAS *EAS) PackMultiAttest(multiRequests []MultiAttestationRequest) []byte {
	enc, err := eAS.abi.Pack("multiAttest", multiRequests)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMultiAttest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44adc90e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function multiAttest((bytes32,(address,uint64,bool,bytes32,bytes,uint256)[])[] multiRequests) payable returns(bytes32[])
func (eAS *EAS) TryPackMultiAttest(multiRequests []MultiAttestationRequest) ([]byte, error) {
	return eAS.abi.Pack("multiAttest", multiRequests)
}

// UnpackMultiAttest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x44adc90e.
//
// Solidity: function multiAttest((bytes32,(address,uint64,bool,bytes32,bytes,uint256)[])[] multiRequests) payable returns(bytes32[])
func (eAS *EAS) UnpackMultiAttest(data []byte) ([][32]byte, error) {
	out, err := eAS.abi.Unpack("multiAttest", data)
	if err != nil {
		return *new([][32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][32]byte)).(*[][32]byte)
	return out0, nil
}

// PackMultiAttestByDelegation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95411525.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function multiAttestByDelegation((bytes32,(address,uint64,bool,bytes32,bytes,uint256)[],(uint8,bytes32,bytes32)[],address,uint64)[] multiDelegatedRequests) payable returns(bytes32[])
func (eAS *EAS) PackMultiAttestByDelegation(multiDelegatedRequests []MultiDelegatedAttestationRequest) []byte {
	enc, err := eAS.abi.Pack("multiAttestByDelegation", multiDelegatedRequests)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMultiAttestByDelegation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95411525.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function multiAttestByDelegation((bytes32,(address,uint64,bool,bytes32,bytes,uint256)[],(uint8,bytes32,bytes32)[],address,uint64)[] multiDelegatedRequests) payable returns(bytes32[])
func (eAS *EAS) TryPackMultiAttestByDelegation(multiDelegatedRequests []MultiDelegatedAttestationRequest) ([]byte, error) {
	return eAS.abi.Pack("multiAttestByDelegation", multiDelegatedRequests)
}

// UnpackMultiAttestByDelegation is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95411525.
//
// Solidity: function multiAttestByDelegation((bytes32,(address,uint64,bool,bytes32,bytes,uint256)[],(uint8,bytes32,bytes32)[],address,uint64)[] multiDelegatedRequests) payable returns(bytes32[])
func (eAS *EAS) UnpackMultiAttestByDelegation(data []byte) ([][32]byte, error) {
	out, err := eAS.abi.Unpack("multiAttestByDelegation", data)
	if err != nil {
		return *new([][32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([][32]byte)).(*[][32]byte)
	return out0, nil
}

// PackMultiRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4cb7e9e5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function multiRevoke((bytes32,(bytes32,uint256)[])[] multiRequests) payable returns()
func (eAS *EAS) PackMultiRevoke(multiRequests []MultiRevocationRequest) []byte {
	enc, err := eAS.abi.Pack("multiRevoke", multiRequests)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMultiRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4cb7e9e5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function multiRevoke((bytes32,(bytes32,uint256)[])[] multiRequests) payable returns()
func (eAS *EAS) TryPackMultiRevoke(multiRequests []MultiRevocationRequest) ([]byte, error) {
	return eAS.abi.Pack("multiRevoke", multiRequests)
}

// PackMultiRevokeByDelegation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0eabf660.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function multiRevokeByDelegation((bytes32,(bytes32,uint256)[],(uint8,bytes32,bytes32)[],address,uint64)[] multiDelegatedRequests) payable returns()
func (eAS *EAS) PackMultiRevokeByDelegation(multiDelegatedRequests []MultiDelegatedRevocationRequest) []byte {
	enc, err := eAS.abi.Pack("multiRevokeByDelegation", multiDelegatedRequests)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMultiRevokeByDelegation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0eabf660.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function multiRevokeByDelegation((bytes32,(bytes32,uint256)[],(uint8,bytes32,bytes32)[],address,uint64)[] multiDelegatedRequests) payable returns()
func (eAS *EAS) TryPackMultiRevokeByDelegation(multiDelegatedRequests []MultiDelegatedRevocationRequest) ([]byte, error) {
	return eAS.abi.Pack("multiRevokeByDelegation", multiDelegatedRequests)
}

// PackMultiRevokeOffchain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x13893f61.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function multiRevokeOffchain(bytes32[] data) returns(uint64)
func (eAS *EAS) PackMultiRevokeOffchain(data [][32]byte) []byte {
	enc, err := eAS.abi.Pack("multiRevokeOffchain", data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMultiRevokeOffchain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x13893f61.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function multiRevokeOffchain(bytes32[] data) returns(uint64)
func (eAS *EAS) TryPackMultiRevokeOffchain(data [][32]byte) ([]byte, error) {
	return eAS.abi.Pack("multiRevokeOffchain", data)
}

// UnpackMultiRevokeOffchain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x13893f61.
//
// Solidity: function multiRevokeOffchain(bytes32[] data) returns(uint64)
func (eAS *EAS) UnpackMultiRevokeOffchain(data []byte) (uint64, error) {
	out, err := eAS.abi.Unpack("multiRevokeOffchain", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackMultiTimestamp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe71ff365.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function multiTimestamp(bytes32[] data) returns(uint64)
func (eAS *EAS) PackMultiTimestamp(data [][32]byte) []byte {
	enc, err := eAS.abi.Pack("multiTimestamp", data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMultiTimestamp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe71ff365.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function multiTimestamp(bytes32[] data) returns(uint64)
func (eAS *EAS) TryPackMultiTimestamp(data [][32]byte) ([]byte, error) {
	return eAS.abi.Pack("multiTimestamp", data)
}

// UnpackMultiTimestamp is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe71ff365.
//
// Solidity: function multiTimestamp(bytes32[] data) returns(uint64)
func (eAS *EAS) UnpackMultiTimestamp(data []byte) (uint64, error) {
	out, err := eAS.abi.Unpack("multiTimestamp", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46926267.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revoke((bytes32,(bytes32,uint256)) request) payable returns()
func (eAS *EAS) PackRevoke(request RevocationRequest) []byte {
	enc, err := eAS.abi.Pack("revoke", request)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevoke is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x46926267.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revoke((bytes32,(bytes32,uint256)) request) payable returns()
func (eAS *EAS) TryPackRevoke(request RevocationRequest) ([]byte, error) {
	return eAS.abi.Pack("revoke", request)
}

// PackRevokeByDelegation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa6d4dbc7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeByDelegation((bytes32,(bytes32,uint256),(uint8,bytes32,bytes32),address,uint64) delegatedRequest) payable returns()
func (eAS *EAS) PackRevokeByDelegation(delegatedRequest DelegatedRevocationRequest) []byte {
	enc, err := eAS.abi.Pack("revokeByDelegation", delegatedRequest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeByDelegation is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa6d4dbc7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeByDelegation((bytes32,(bytes32,uint256),(uint8,bytes32,bytes32),address,uint64) delegatedRequest) payable returns()
func (eAS *EAS) TryPackRevokeByDelegation(delegatedRequest DelegatedRevocationRequest) ([]byte, error) {
	return eAS.abi.Pack("revokeByDelegation", delegatedRequest)
}

// PackRevokeOffchain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf190f34.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function revokeOffchain(bytes32 data) returns(uint64)
func (eAS *EAS) PackRevokeOffchain(data [32]byte) []byte {
	enc, err := eAS.abi.Pack("revokeOffchain", data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRevokeOffchain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcf190f34.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function revokeOffchain(bytes32 data) returns(uint64)
func (eAS *EAS) TryPackRevokeOffchain(data [32]byte) ([]byte, error) {
	return eAS.abi.Pack("revokeOffchain", data)
}

// UnpackRevokeOffchain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcf190f34.
//
// Solidity: function revokeOffchain(bytes32 data) returns(uint64)
func (eAS *EAS) UnpackRevokeOffchain(data []byte) (uint64, error) {
	out, err := eAS.abi.Unpack("revokeOffchain", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackTimestamp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d003070.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function timestamp(bytes32 data) returns(uint64)
func (eAS *EAS) PackTimestamp(data [32]byte) []byte {
	enc, err := eAS.abi.Pack("timestamp", data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTimestamp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4d003070.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function timestamp(bytes32 data) returns(uint64)
func (eAS *EAS) TryPackTimestamp(data [32]byte) ([]byte, error) {
	return eAS.abi.Pack("timestamp", data)
}

// UnpackTimestamp is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4d003070.
//
// Solidity: function timestamp(bytes32 data) returns(uint64)
func (eAS *EAS) UnpackTimestamp(data []byte) (uint64, error) {
	out, err := eAS.abi.Unpack("timestamp", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fd4d50.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function version() view returns(string)
func (eAS *EAS) PackVersion() []byte {
	enc, err := eAS.abi.Pack("version")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fd4d50.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function version() view returns(string)
func (eAS *EAS) TryPackVersion() ([]byte, error) {
	return eAS.abi.Pack("version")
}

// UnpackVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (eAS *EAS) UnpackVersion(data []byte) (string, error) {
	out, err := eAS.abi.Unpack("version", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// EASAttested represents a Attested event raised by the EAS contract.
type EASAttested struct {
	Recipient common.Address
	Attester  common.Address
	Uid       [32]byte
	SchemaUID [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const EASAttestedEventName = "Attested"

// ContractEventName returns the user-defined event name.
func (EASAttested) ContractEventName() string {
	return EASAttestedEventName
}

// UnpackAttestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Attested(address indexed recipient, address indexed attester, bytes32 uid, bytes32 indexed schemaUID)
func (eAS *EAS) UnpackAttestedEvent(log *types.Log) (*EASAttested, error) {
	event := "Attested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != eAS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EASAttested)
	if len(log.Data) > 0 {
		if err := eAS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range eAS.abi.Events[event].Inputs {
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

// EASEIP712DomainChanged represents a EIP712DomainChanged event raised by the EAS contract.
type EASEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const EASEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (EASEIP712DomainChanged) ContractEventName() string {
	return EASEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (eAS *EAS) UnpackEIP712DomainChangedEvent(log *types.Log) (*EASEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != eAS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EASEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := eAS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range eAS.abi.Events[event].Inputs {
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

// EASNonceIncreased represents a NonceIncreased event raised by the EAS contract.
type EASNonceIncreased struct {
	OldNonce *big.Int
	NewNonce *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const EASNonceIncreasedEventName = "NonceIncreased"

// ContractEventName returns the user-defined event name.
func (EASNonceIncreased) ContractEventName() string {
	return EASNonceIncreasedEventName
}

// UnpackNonceIncreasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event NonceIncreased(uint256 oldNonce, uint256 newNonce)
func (eAS *EAS) UnpackNonceIncreasedEvent(log *types.Log) (*EASNonceIncreased, error) {
	event := "NonceIncreased"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != eAS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EASNonceIncreased)
	if len(log.Data) > 0 {
		if err := eAS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range eAS.abi.Events[event].Inputs {
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

// EASRevoked represents a Revoked event raised by the EAS contract.
type EASRevoked struct {
	Recipient common.Address
	Attester  common.Address
	Uid       [32]byte
	SchemaUID [32]byte
	Raw       *types.Log // Blockchain specific contextual infos
}

const EASRevokedEventName = "Revoked"

// ContractEventName returns the user-defined event name.
func (EASRevoked) ContractEventName() string {
	return EASRevokedEventName
}

// UnpackRevokedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Revoked(address indexed recipient, address indexed attester, bytes32 uid, bytes32 indexed schemaUID)
func (eAS *EAS) UnpackRevokedEvent(log *types.Log) (*EASRevoked, error) {
	event := "Revoked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != eAS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EASRevoked)
	if len(log.Data) > 0 {
		if err := eAS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range eAS.abi.Events[event].Inputs {
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

// EASRevokedOffchain represents a RevokedOffchain event raised by the EAS contract.
type EASRevokedOffchain struct {
	Revoker   common.Address
	Data      [32]byte
	Timestamp uint64
	Raw       *types.Log // Blockchain specific contextual infos
}

const EASRevokedOffchainEventName = "RevokedOffchain"

// ContractEventName returns the user-defined event name.
func (EASRevokedOffchain) ContractEventName() string {
	return EASRevokedOffchainEventName
}

// UnpackRevokedOffchainEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RevokedOffchain(address indexed revoker, bytes32 indexed data, uint64 indexed timestamp)
func (eAS *EAS) UnpackRevokedOffchainEvent(log *types.Log) (*EASRevokedOffchain, error) {
	event := "RevokedOffchain"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != eAS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EASRevokedOffchain)
	if len(log.Data) > 0 {
		if err := eAS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range eAS.abi.Events[event].Inputs {
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

// EASTimestamped represents a Timestamped event raised by the EAS contract.
type EASTimestamped struct {
	Data      [32]byte
	Timestamp uint64
	Raw       *types.Log // Blockchain specific contextual infos
}

const EASTimestampedEventName = "Timestamped"

// ContractEventName returns the user-defined event name.
func (EASTimestamped) ContractEventName() string {
	return EASTimestampedEventName
}

// UnpackTimestampedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Timestamped(bytes32 indexed data, uint64 indexed timestamp)
func (eAS *EAS) UnpackTimestampedEvent(log *types.Log) (*EASTimestamped, error) {
	event := "Timestamped"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != eAS.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(EASTimestamped)
	if len(log.Data) > 0 {
		if err := eAS.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range eAS.abi.Events[event].Inputs {
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
func (eAS *EAS) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], eAS.abi.Errors["AccessDenied"].ID.Bytes()[:4]) {
		return eAS.UnpackAccessDeniedError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["AlreadyRevoked"].ID.Bytes()[:4]) {
		return eAS.UnpackAlreadyRevokedError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["AlreadyRevokedOffchain"].ID.Bytes()[:4]) {
		return eAS.UnpackAlreadyRevokedOffchainError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["AlreadyTimestamped"].ID.Bytes()[:4]) {
		return eAS.UnpackAlreadyTimestampedError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["DeadlineExpired"].ID.Bytes()[:4]) {
		return eAS.UnpackDeadlineExpiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["FailedCall"].ID.Bytes()[:4]) {
		return eAS.UnpackFailedCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InsufficientBalance"].ID.Bytes()[:4]) {
		return eAS.UnpackInsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InsufficientValue"].ID.Bytes()[:4]) {
		return eAS.UnpackInsufficientValueError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidAttestation"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidAttestationError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidAttestations"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidAttestationsError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidExpirationTime"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidExpirationTimeError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidLength"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidNonce"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidNonceError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidOffset"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidOffsetError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidRegistry"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidRegistryError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidRevocation"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidRevocationError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidRevocations"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidRevocationsError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidSchema"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidSchemaError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["InvalidVerifier"].ID.Bytes()[:4]) {
		return eAS.UnpackInvalidVerifierError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["Irrevocable"].ID.Bytes()[:4]) {
		return eAS.UnpackIrrevocableError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["NotFound"].ID.Bytes()[:4]) {
		return eAS.UnpackNotFoundError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["NotPayable"].ID.Bytes()[:4]) {
		return eAS.UnpackNotPayableError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return eAS.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], eAS.abi.Errors["WrongSchema"].ID.Bytes()[:4]) {
		return eAS.UnpackWrongSchemaError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// EASAccessDenied represents a AccessDenied error raised by the EAS contract.
type EASAccessDenied struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AccessDenied()
func EASAccessDeniedErrorID() common.Hash {
	return common.HexToHash("0x4ca888678577e39e3ac9ac6cfe78050ee33f0c0eec2c686bc222b2cf4140a62c")
}

// UnpackAccessDeniedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AccessDenied()
func (eAS *EAS) UnpackAccessDeniedError(raw []byte) (*EASAccessDenied, error) {
	out := new(EASAccessDenied)
	if err := eAS.abi.UnpackIntoInterface(out, "AccessDenied", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASAlreadyRevoked represents a AlreadyRevoked error raised by the EAS contract.
type EASAlreadyRevoked struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRevoked()
func EASAlreadyRevokedErrorID() common.Hash {
	return common.HexToHash("0x905e7107fcd8d38a05fc738cf157cef8469b5887dfac8cf427fff87e259ed1b1")
}

// UnpackAlreadyRevokedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRevoked()
func (eAS *EAS) UnpackAlreadyRevokedError(raw []byte) (*EASAlreadyRevoked, error) {
	out := new(EASAlreadyRevoked)
	if err := eAS.abi.UnpackIntoInterface(out, "AlreadyRevoked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASAlreadyRevokedOffchain represents a AlreadyRevokedOffchain error raised by the EAS contract.
type EASAlreadyRevokedOffchain struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRevokedOffchain()
func EASAlreadyRevokedOffchainErrorID() common.Hash {
	return common.HexToHash("0xec9d6eeb3d5e050c985e953f5334916f2d99e36a0cd3a60a70750bafa2e24b62")
}

// UnpackAlreadyRevokedOffchainError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRevokedOffchain()
func (eAS *EAS) UnpackAlreadyRevokedOffchainError(raw []byte) (*EASAlreadyRevokedOffchain, error) {
	out := new(EASAlreadyRevokedOffchain)
	if err := eAS.abi.UnpackIntoInterface(out, "AlreadyRevokedOffchain", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASAlreadyTimestamped represents a AlreadyTimestamped error raised by the EAS contract.
type EASAlreadyTimestamped struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyTimestamped()
func EASAlreadyTimestampedErrorID() common.Hash {
	return common.HexToHash("0x2e2679469f11c75d443517c3e37747c61391b96a2ce2a43415643f2af8846a97")
}

// UnpackAlreadyTimestampedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyTimestamped()
func (eAS *EAS) UnpackAlreadyTimestampedError(raw []byte) (*EASAlreadyTimestamped, error) {
	out := new(EASAlreadyTimestamped)
	if err := eAS.abi.UnpackIntoInterface(out, "AlreadyTimestamped", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASDeadlineExpired represents a DeadlineExpired error raised by the EAS contract.
type EASDeadlineExpired struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeadlineExpired()
func EASDeadlineExpiredErrorID() common.Hash {
	return common.HexToHash("0x1ab7da6b04cf80fcc6534c1f63ce7b24fd7488ab40444b4e5271ccc1c7f64567")
}

// UnpackDeadlineExpiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeadlineExpired()
func (eAS *EAS) UnpackDeadlineExpiredError(raw []byte) (*EASDeadlineExpired, error) {
	out := new(EASDeadlineExpired)
	if err := eAS.abi.UnpackIntoInterface(out, "DeadlineExpired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASFailedCall represents a FailedCall error raised by the EAS contract.
type EASFailedCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FailedCall()
func EASFailedCallErrorID() common.Hash {
	return common.HexToHash("0xd6bda27508c0fb6d8a39b4b122878dab26f731a7d4e4abe711dd3731899052a4")
}

// UnpackFailedCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FailedCall()
func (eAS *EAS) UnpackFailedCallError(raw []byte) (*EASFailedCall, error) {
	out := new(EASFailedCall)
	if err := eAS.abi.UnpackIntoInterface(out, "FailedCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInsufficientBalance represents a InsufficientBalance error raised by the EAS contract.
type EASInsufficientBalance struct {
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientBalance(uint256 balance, uint256 needed)
func EASInsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xcf4791818fba6e019216eb4864093b4947f674afada5d305e57d598b641dad1d")
}

// UnpackInsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientBalance(uint256 balance, uint256 needed)
func (eAS *EAS) UnpackInsufficientBalanceError(raw []byte) (*EASInsufficientBalance, error) {
	out := new(EASInsufficientBalance)
	if err := eAS.abi.UnpackIntoInterface(out, "InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInsufficientValue represents a InsufficientValue error raised by the EAS contract.
type EASInsufficientValue struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientValue()
func EASInsufficientValueErrorID() common.Hash {
	return common.HexToHash("0x11011294e523eeec4433580885161d3042233fd44e22bd84d0e716dddf44fc41")
}

// UnpackInsufficientValueError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientValue()
func (eAS *EAS) UnpackInsufficientValueError(raw []byte) (*EASInsufficientValue, error) {
	out := new(EASInsufficientValue)
	if err := eAS.abi.UnpackIntoInterface(out, "InsufficientValue", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidAttestation represents a InvalidAttestation error raised by the EAS contract.
type EASInvalidAttestation struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAttestation()
func EASInvalidAttestationErrorID() common.Hash {
	return common.HexToHash("0xbd8ba84d4af301e1b110d1f93f8971934a3ba3afdf4200e7f884f76f2dd27077")
}

// UnpackInvalidAttestationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAttestation()
func (eAS *EAS) UnpackInvalidAttestationError(raw []byte) (*EASInvalidAttestation, error) {
	out := new(EASInvalidAttestation)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidAttestation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidAttestations represents a InvalidAttestations error raised by the EAS contract.
type EASInvalidAttestations struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidAttestations()
func EASInvalidAttestationsErrorID() common.Hash {
	return common.HexToHash("0xe8bee83907b9c2b7f9ed250b7d70f31d2fb33cda803f6527aa127d9ef456d41b")
}

// UnpackInvalidAttestationsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidAttestations()
func (eAS *EAS) UnpackInvalidAttestationsError(raw []byte) (*EASInvalidAttestations, error) {
	out := new(EASInvalidAttestations)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidAttestations", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidExpirationTime represents a InvalidExpirationTime error raised by the EAS contract.
type EASInvalidExpirationTime struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidExpirationTime()
func EASInvalidExpirationTimeErrorID() common.Hash {
	return common.HexToHash("0x08e8b93746ad86277d5e210695813c42275860d28d3862b3447c15394a54ec9f")
}

// UnpackInvalidExpirationTimeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidExpirationTime()
func (eAS *EAS) UnpackInvalidExpirationTimeError(raw []byte) (*EASInvalidExpirationTime, error) {
	out := new(EASInvalidExpirationTime)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidExpirationTime", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidLength represents a InvalidLength error raised by the EAS contract.
type EASInvalidLength struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidLength()
func EASInvalidLengthErrorID() common.Hash {
	return common.HexToHash("0x947d5a8466b7bcfb56468ee05345bfacfb6c28f016a57c192dadee0d8affb197")
}

// UnpackInvalidLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidLength()
func (eAS *EAS) UnpackInvalidLengthError(raw []byte) (*EASInvalidLength, error) {
	out := new(EASInvalidLength)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidNonce represents a InvalidNonce error raised by the EAS contract.
type EASInvalidNonce struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidNonce()
func EASInvalidNonceErrorID() common.Hash {
	return common.HexToHash("0x756688fec2871909d72599c334b663ffcc94654c438569966c7fd3ab3a351f34")
}

// UnpackInvalidNonceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidNonce()
func (eAS *EAS) UnpackInvalidNonceError(raw []byte) (*EASInvalidNonce, error) {
	out := new(EASInvalidNonce)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidNonce", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidOffset represents a InvalidOffset error raised by the EAS contract.
type EASInvalidOffset struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidOffset()
func EASInvalidOffsetErrorID() common.Hash {
	return common.HexToHash("0x01da1572466ade17b5659e13c05951ba7b575203021b7c5dabe44a40736dde73")
}

// UnpackInvalidOffsetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidOffset()
func (eAS *EAS) UnpackInvalidOffsetError(raw []byte) (*EASInvalidOffset, error) {
	out := new(EASInvalidOffset)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidOffset", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidRegistry represents a InvalidRegistry error raised by the EAS contract.
type EASInvalidRegistry struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidRegistry()
func EASInvalidRegistryErrorID() common.Hash {
	return common.HexToHash("0x11a1e697a1c85975448db6646a7687242f7872b0e576fef10a19373ad31e3e4d")
}

// UnpackInvalidRegistryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidRegistry()
func (eAS *EAS) UnpackInvalidRegistryError(raw []byte) (*EASInvalidRegistry, error) {
	out := new(EASInvalidRegistry)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidRegistry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidRevocation represents a InvalidRevocation error raised by the EAS contract.
type EASInvalidRevocation struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidRevocation()
func EASInvalidRevocationErrorID() common.Hash {
	return common.HexToHash("0xccf3bb27a0790e6b91fa4fc94ced6b896c49c2c3979a52ec099ce55c8b02105d")
}

// UnpackInvalidRevocationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidRevocation()
func (eAS *EAS) UnpackInvalidRevocationError(raw []byte) (*EASInvalidRevocation, error) {
	out := new(EASInvalidRevocation)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidRevocation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidRevocations represents a InvalidRevocations error raised by the EAS contract.
type EASInvalidRevocations struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidRevocations()
func EASInvalidRevocationsErrorID() common.Hash {
	return common.HexToHash("0xbf2f3a8bb7fca020463bbcdd64f64c530bc7aa70c0721fdad31648281fd08aca")
}

// UnpackInvalidRevocationsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidRevocations()
func (eAS *EAS) UnpackInvalidRevocationsError(raw []byte) (*EASInvalidRevocations, error) {
	out := new(EASInvalidRevocations)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidRevocations", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidSchema represents a InvalidSchema error raised by the EAS contract.
type EASInvalidSchema struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSchema()
func EASInvalidSchemaErrorID() common.Hash {
	return common.HexToHash("0xbf37b20ed599b30c686637ddd1a7bcf775ca8ece7349819c451c28d67fbca7cd")
}

// UnpackInvalidSchemaError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSchema()
func (eAS *EAS) UnpackInvalidSchemaError(raw []byte) (*EASInvalidSchema, error) {
	out := new(EASInvalidSchema)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidSchema", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidShortString represents a InvalidShortString error raised by the EAS contract.
type EASInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func EASInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (eAS *EAS) UnpackInvalidShortStringError(raw []byte) (*EASInvalidShortString, error) {
	out := new(EASInvalidShortString)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidSignature represents a InvalidSignature error raised by the EAS contract.
type EASInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature()
func EASInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x8baa579fce362245063d36f11747a89dd489c54795634fc673cc0e0db51fedc5")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature()
func (eAS *EAS) UnpackInvalidSignatureError(raw []byte) (*EASInvalidSignature, error) {
	out := new(EASInvalidSignature)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASInvalidVerifier represents a InvalidVerifier error raised by the EAS contract.
type EASInvalidVerifier struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidVerifier()
func EASInvalidVerifierErrorID() common.Hash {
	return common.HexToHash("0xbaa3de5f56f60054d9dadb06f546c3a183e9e84225d1555190a57fea1ec801c4")
}

// UnpackInvalidVerifierError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidVerifier()
func (eAS *EAS) UnpackInvalidVerifierError(raw []byte) (*EASInvalidVerifier, error) {
	out := new(EASInvalidVerifier)
	if err := eAS.abi.UnpackIntoInterface(out, "InvalidVerifier", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASIrrevocable represents a Irrevocable error raised by the EAS contract.
type EASIrrevocable struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Irrevocable()
func EASIrrevocableErrorID() common.Hash {
	return common.HexToHash("0x157bd4c366e4fb2446df6182ceb50da36234dc95bea79ec6340aa7120560f976")
}

// UnpackIrrevocableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Irrevocable()
func (eAS *EAS) UnpackIrrevocableError(raw []byte) (*EASIrrevocable, error) {
	out := new(EASIrrevocable)
	if err := eAS.abi.UnpackIntoInterface(out, "Irrevocable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASNotFound represents a NotFound error raised by the EAS contract.
type EASNotFound struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotFound()
func EASNotFoundErrorID() common.Hash {
	return common.HexToHash("0xc5723b514fb03e26b5be1daff92c203a4e7d1eb7e98627cd6c62c4612432cbc7")
}

// UnpackNotFoundError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotFound()
func (eAS *EAS) UnpackNotFoundError(raw []byte) (*EASNotFound, error) {
	out := new(EASNotFound)
	if err := eAS.abi.UnpackIntoInterface(out, "NotFound", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASNotPayable represents a NotPayable error raised by the EAS contract.
type EASNotPayable struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPayable()
func EASNotPayableErrorID() common.Hash {
	return common.HexToHash("0x1574f9f3d00691584a68924b52dac97492321820d9f27057bb8aa2c70544398e")
}

// UnpackNotPayableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPayable()
func (eAS *EAS) UnpackNotPayableError(raw []byte) (*EASNotPayable, error) {
	out := new(EASNotPayable)
	if err := eAS.abi.UnpackIntoInterface(out, "NotPayable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASStringTooLong represents a StringTooLong error raised by the EAS contract.
type EASStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func EASStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (eAS *EAS) UnpackStringTooLongError(raw []byte) (*EASStringTooLong, error) {
	out := new(EASStringTooLong)
	if err := eAS.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// EASWrongSchema represents a WrongSchema error raised by the EAS contract.
type EASWrongSchema struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongSchema()
func EASWrongSchemaErrorID() common.Hash {
	return common.HexToHash("0x21b8eeb9678b5408dc3d315e78488e8fc37e5964403d45f10f915d15d52a6256")
}

// UnpackWrongSchemaError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongSchema()
func (eAS *EAS) UnpackWrongSchemaError(raw []byte) (*EASWrongSchema, error) {
	out := new(EASWrongSchema)
	if err := eAS.abi.UnpackIntoInterface(out, "WrongSchema", raw); err != nil {
		return nil, err
	}
	return out, nil
}
