#!/usr/bin/env node
// Compiles pdx's Solidity sources with the solc pinned in tools/package-lock.json
// (npm `solc`, the solc-js build of the compiler) through its standard JSON
// interface, and writes one ABI file and one bytecode file per contract.
//
//   node contracts/compile.js [outdir]     (default: contracts/artifacts)
//
// The Go bindings are generated from these files (see contracts/gen.go), and
// contracts/stale_test.go reruns this script into a temporary directory to
// prove that what is committed is what this compiler makes of these sources.
'use strict';

const fs = require('fs');
const path = require('path');

const here = __dirname;
const solcDir = path.join(here, '..', 'tools', 'node_modules', 'solc');
if (!fs.existsSync(solcDir)) {
  console.error('solc-js not found under tools/node_modules: run `make npm` in the repository root');
  process.exit(2);
}
const solc = require(solcDir);

// The compiler version and settings are part of the build: a change here
// changes the bytecode, and the staleness test then asks for a regeneration.
const WANT_VERSION = '0.8.37';
// Osaka is the fork go-ethereum v1.17.10 runs Ethereum mainnet on.
const EVM_VERSION = 'osaka';

// Source unit names are paths relative to contracts/, so the metadata hash
// embedded in the bytecode does not depend on where the repository lives.
const SOURCES = ['Registry.sol', 'test/ReentrantReceiver.sol'];
// Contracts to emit artifacts for: [source, contract name].
const CONTRACTS = [
  ['Registry.sol', 'Registry'],
  ['test/ReentrantReceiver.sol', 'ReentrantReceiver'],
];

const version = solc.version();
if (!version.startsWith(WANT_VERSION + '+')) {
  console.error(`solc ${version} found, ${WANT_VERSION} wanted: run \`make npm\` (npm ci under the lockfile)`);
  process.exit(2);
}

const outDir = path.resolve(process.argv[2] || path.join(here, 'artifacts'));

const sources = {};
for (const s of SOURCES) {
  sources[s] = { content: fs.readFileSync(path.join(here, s), 'utf8') };
}

const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: EVM_VERSION,
    // Calls are what users pay for, over and over; deployment is once.
    optimizer: { enabled: true, runs: 10000 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
let failed = false;
for (const e of output.errors || []) {
  // Warnings fail the build too: the sources are small enough to keep clean.
  console.error(e.formattedMessage || e.message);
  failed = true;
}
if (failed) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
for (const [src, name] of CONTRACTS) {
  const c = output.contracts[src] && output.contracts[src][name];
  if (!c) {
    console.error(`compiler output lacks ${src}:${name}`);
    process.exit(1);
  }
  fs.writeFileSync(path.join(outDir, name + '.abi.json'), JSON.stringify(c.abi, null, 1) + '\n');
  fs.writeFileSync(path.join(outDir, name + '.bin'), c.evm.bytecode.object + '\n');
}
fs.writeFileSync(
  path.join(outDir, 'compiler.json'),
  JSON.stringify({ solc: version, evmVersion: EVM_VERSION, optimizer: input.settings.optimizer, sources: SOURCES }, null, 1) + '\n'
);
