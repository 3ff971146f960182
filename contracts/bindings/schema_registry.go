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

// SchemaRecord is an auto generated low-level Go binding around an user-defined struct.
type SchemaRecord struct {
	Uid       [32]byte
	Resolver  common.Address
	Revocable bool
	Schema    string
}

// SchemaRegistryMetaData contains all meta data concerning the SchemaRegistry contract.
var SchemaRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AlreadyExists\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"registerer\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"internalType\":\"contractISchemaResolver\",\"name\":\"resolver\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"revocable\",\"type\":\"bool\"},{\"internalType\":\"string\",\"name\":\"schema\",\"type\":\"string\"}],\"indexed\":false,\"internalType\":\"structSchemaRecord\",\"name\":\"schema\",\"type\":\"tuple\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"}],\"name\":\"getSchema\",\"outputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"uid\",\"type\":\"bytes32\"},{\"internalType\":\"contractISchemaResolver\",\"name\":\"resolver\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"revocable\",\"type\":\"bool\"},{\"internalType\":\"string\",\"name\":\"schema\",\"type\":\"string\"}],\"internalType\":\"structSchemaRecord\",\"name\":\"\",\"type\":\"tuple\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"schema\",\"type\":\"string\"},{\"internalType\":\"contractISchemaResolver\",\"name\":\"resolver\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"revocable\",\"type\":\"bool\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"version\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "SchemaRegistry",
	Bin: "0x60e0604052348015600e575f5ffd5b506001608052600460a0525f60c05260805160a05160c051610a906100445f395f60fb01525f60d201525f60a90152610a905ff3fe608060405234801561000f575f5ffd5b506004361061003f575f3560e01c806354fd4d501461004357806360d7a27814610061578063a2ea7c6e14610082575b5f5ffd5b61004b6100a2565b6040516100589190610651565b60405180910390f35b61007461006f36600461067e565b610145565b604051908152602001610058565b610095610090366004610724565b610304565b604051610058919061073b565b60606100cd7f0000000000000000000000000000000000000000000000000000000000000000610428565b6100f67f0000000000000000000000000000000000000000000000000000000000000000610428565b61011f7f0000000000000000000000000000000000000000000000000000000000000000610428565b604051602001610131939291906107aa565b604051602081830303815290604052905090565b5f5f60405180608001604052805f5f1b81526020018573ffffffffffffffffffffffffffffffffffffffff168152602001841515815260200187878080601f0160208091040260200160405190810160405280939291908181526020018383808284375f920182905250939094525092935091506101c49050826104e4565b5f818152602081905260409020549091501561020c576040517f23369fa600000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b8082525f8181526020818152604091829020845181559084015160018201805493860151151574010000000000000000000000000000000000000000027fffffffffffffffffffffff00000000000000000000000000000000000000000090941673ffffffffffffffffffffffffffffffffffffffff9092169190911792909217909155606083015183919060028201906102a790826108f6565b509050503373ffffffffffffffffffffffffffffffffffffffff16817fd0b86852e21f9e5fa4bc3b0cff9757ffe243d50c4b43968a42202153d651ea5e846040516102f2919061073b565b60405180910390a39695505050505050565b604080516080810182525f80825260208201819052918101919091526060808201525f8281526020818152604091829020825160808101845281548152600182015473ffffffffffffffffffffffffffffffffffffffff8116938201939093527401000000000000000000000000000000000000000090920460ff161515928201929092526002820180549192916060840191906103a19061084e565b80601f01602080910402602001604051908101604052809291908181526020018280546103cd9061084e565b80156104185780601f106103ef57610100808354040283529160200191610418565b820191905f5260205f20905b8154815290600101906020018083116103fb57829003601f168201915b5050505050815250509050919050565b60605f61043483610523565b60010190505f8167ffffffffffffffff81111561045357610453610821565b6040519080825280601f01601f19166020018201604052801561047d576020820181803683370190505b5090508181016020015b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff017f3031323334353637383961626364656600000000000000000000000000000000600a86061a8153600a850494508461048757509392505050565b5f81606001518260200151836040015160405160200161050693929190610a11565b604051602081830303815290604052805190602001209050919050565b5f807a184f03e93ff9f4daa797ed6e38ed64bf6a1f010000000000000000831061056b577a184f03e93ff9f4daa797ed6e38ed64bf6a1f010000000000000000830492506040015b6d04ee2d6d415b85acef81000000008310610597576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc1000083106105b557662386f26fc10000830492506010015b6305f5e10083106105cd576305f5e100830492506008015b61271083106105e157612710830492506004015b606483106105f3576064830492506002015b600a83106105ff576001015b92915050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b602081525f6106636020830184610605565b9392505050565b80358015158114610679575f5ffd5b919050565b5f5f5f5f60608587031215610691575f5ffd5b843567ffffffffffffffff8111156106a7575f5ffd5b8501601f810187136106b7575f5ffd5b803567ffffffffffffffff8111156106cd575f5ffd5b8760208284010111156106de575f5ffd5b60209182019550935085013573ffffffffffffffffffffffffffffffffffffffff8116811461070b575f5ffd5b91506107196040860161066a565b905092959194509250565b5f60208284031215610734575f5ffd5b5035919050565b602081528151602082015273ffffffffffffffffffffffffffffffffffffffff60208301511660408201526040820151151560608201525f606083015160808084015261078b60a0840182610605565b949350505050565b5f81518060208401855e5f93019283525090919050565b5f6107b58286610793565b7f2e0000000000000000000000000000000000000000000000000000000000000081526107e56001820186610793565b90507f2e0000000000000000000000000000000000000000000000000000000000000081526108176001820185610793565b9695505050505050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b600181811c9082168061086257607f821691505b602082108103610899577f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b50919050565b601f8211156108f157828211156108f157805f5260205f20601f840160051c60208510156108ca57505f5b90810190601f840160051c035f5b818110156108ed575f838201556001016108d8565b5050505b505050565b815167ffffffffffffffff81111561091057610910610821565b6109248161091e845461084e565b8461089f565b6020601f821160018114610975575f831561093f5750848201515b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600385901b1c1916600184901b178455610a0a565b5f848152602081207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe08516915b828110156109c257878501518255602094850194600190920191016109a2565b50848210156109fe57868401517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff600387901b60f8161c191681555b505060018360011b0184555b5050505050565b5f610a1c8286610793565b60609490941b7fffffffffffffffffffffffffffffffffffffffff0000000000000000000000001684525050151560f81b601482015260150191905056fea2646970667358221220e6c24fcc1e6b58dbc9b13a5b9ffa5c0f11b213ec3b9e8539bd31ff003dc0e19f64736f6c63430008250033",
}

// SchemaRegistry is an auto generated Go binding around an Ethereum contract.
type SchemaRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *SchemaRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewSchemaRegistry creates a new instance of SchemaRegistry.
func NewSchemaRegistry() *SchemaRegistry {
	parsed, err := SchemaRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &SchemaRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *SchemaRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackGetSchema is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2ea7c6e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getSchema(bytes32 uid) view returns((bytes32,address,bool,string))
func (schemaRegistry *SchemaRegistry) PackGetSchema(uid [32]byte) []byte {
	enc, err := schemaRegistry.abi.Pack("getSchema", uid)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetSchema is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa2ea7c6e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getSchema(bytes32 uid) view returns((bytes32,address,bool,string))
func (schemaRegistry *SchemaRegistry) TryPackGetSchema(uid [32]byte) ([]byte, error) {
	return schemaRegistry.abi.Pack("getSchema", uid)
}

// UnpackGetSchema is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa2ea7c6e.
//
// Solidity: function getSchema(bytes32 uid) view returns((bytes32,address,bool,string))
func (schemaRegistry *SchemaRegistry) UnpackGetSchema(data []byte) (SchemaRecord, error) {
	out, err := schemaRegistry.abi.Unpack("getSchema", data)
	if err != nil {
		return *new(SchemaRecord), err
	}
	out0 := *abi.ConvertType(out[0], new(SchemaRecord)).(*SchemaRecord)
	return out0, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x60d7a278.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register(string schema, address resolver, bool revocable) returns(bytes32)
func (schemaRegistry *SchemaRegistry) PackRegister(schema string, resolver common.Address, revocable bool) []byte {
	enc, err := schemaRegistry.abi.Pack("register", schema, resolver, revocable)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x60d7a278.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register(string schema, address resolver, bool revocable) returns(bytes32)
func (schemaRegistry *SchemaRegistry) TryPackRegister(schema string, resolver common.Address, revocable bool) ([]byte, error) {
	return schemaRegistry.abi.Pack("register", schema, resolver, revocable)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x60d7a278.
//
// Solidity: function register(string schema, address resolver, bool revocable) returns(bytes32)
func (schemaRegistry *SchemaRegistry) UnpackRegister(data []byte) ([32]byte, error) {
	out, err := schemaRegistry.abi.Unpack("register", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackVersion is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x54fd4d50.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function version() view returns(string)
func (schemaRegistry *SchemaRegistry) PackVersion() []byte {
	enc, err := schemaRegistry.abi.Pack("version")
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
func (schemaRegistry *SchemaRegistry) TryPackVersion() ([]byte, error) {
	return schemaRegistry.abi.Pack("version")
}

// UnpackVersion is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x54fd4d50.
//
// Solidity: function version() view returns(string)
func (schemaRegistry *SchemaRegistry) UnpackVersion(data []byte) (string, error) {
	out, err := schemaRegistry.abi.Unpack("version", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// SchemaRegistryRegistered represents a Registered event raised by the SchemaRegistry contract.
type SchemaRegistryRegistered struct {
	Uid        [32]byte
	Registerer common.Address
	Schema     SchemaRecord
	Raw        *types.Log // Blockchain specific contextual infos
}

const SchemaRegistryRegisteredEventName = "Registered"

// ContractEventName returns the user-defined event name.
func (SchemaRegistryRegistered) ContractEventName() string {
	return SchemaRegistryRegisteredEventName
}

// UnpackRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Registered(bytes32 indexed uid, address indexed registerer, (bytes32,address,bool,string) schema)
func (schemaRegistry *SchemaRegistry) UnpackRegisteredEvent(log *types.Log) (*SchemaRegistryRegistered, error) {
	event := "Registered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != schemaRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SchemaRegistryRegistered)
	if len(log.Data) > 0 {
		if err := schemaRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range schemaRegistry.abi.Events[event].Inputs {
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
func (schemaRegistry *SchemaRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], schemaRegistry.abi.Errors["AlreadyExists"].ID.Bytes()[:4]) {
		return schemaRegistry.UnpackAlreadyExistsError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// SchemaRegistryAlreadyExists represents a AlreadyExists error raised by the SchemaRegistry contract.
type SchemaRegistryAlreadyExists struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyExists()
func SchemaRegistryAlreadyExistsErrorID() common.Hash {
	return common.HexToHash("0x23369fa654e4c51f5ac42da5f65f4077dc950e8257953b46f345ffc8debb45ac")
}

// UnpackAlreadyExistsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyExists()
func (schemaRegistry *SchemaRegistry) UnpackAlreadyExistsError(raw []byte) (*SchemaRegistryAlreadyExists, error) {
	out := new(SchemaRegistryAlreadyExists)
	if err := schemaRegistry.abi.UnpackIntoInterface(out, "AlreadyExists", raw); err != nil {
		return nil, err
	}
	return out, nil
}
