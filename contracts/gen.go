// Package contracts holds pdx's Solidity sources, the compiler setup that
// builds them, the compiled artifacts, and (in ./bindings) the Go bindings
// generated from those artifacts by abigen v2. Everything generated is
// committed; stale_test.go fails when it no longer matches the sources.
//
// Regenerate with `go generate ./contracts` (needs `make npm` first for the
// pinned solc under tools/node_modules).
package contracts

//go:generate node compile.js
//go:generate go tool abigen --v2 --abi artifacts/Registry.abi.json --bin artifacts/Registry.bin --pkg bindings --type Registry --out bindings/registry.go
//go:generate go tool abigen --v2 --abi artifacts/ReentrantReceiver.abi.json --bin artifacts/ReentrantReceiver.bin --pkg bindings --type ReentrantReceiver --out bindings/reentrant_receiver.go
//go:generate go tool abigen --v2 --abi artifacts/SchemaRegistry.abi.json --bin artifacts/SchemaRegistry.bin --pkg bindings --type SchemaRegistry --out bindings/schema_registry.go
//go:generate go tool abigen --v2 --abi artifacts/EAS.abi.json --bin artifacts/EAS.bin --pkg bindings --type EAS --out bindings/eas.go
