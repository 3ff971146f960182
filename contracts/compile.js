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
// The Ethereum Attestation Service, from the npm package pinned in
// tools/package-lock.json (with the OpenZeppelin release it was written
// against). Their source unit names are the npm import paths, so the
// metadata hash does not depend on where node_modules lives either.
const EAS_PKG = '@ethereum-attestation-service/eas-contracts/contracts/';
const EAS_SOURCES = [EAS_PKG + 'SchemaRegistry.sol', EAS_PKG + 'EAS.sol'];
// Contracts to emit artifacts for: [source, contract name].
const CONTRACTS = [
  ['Registry.sol', 'Registry'],
  ['test/ReentrantReceiver.sol', 'ReentrantReceiver'],
  [EAS_PKG + 'SchemaRegistry.sol', 'SchemaRegistry'],
  [EAS_PKG + 'EAS.sol', 'EAS'],
];
// EAS pins its own sources to exactly this compiler (`pragma solidity
// 0.8.29;`). pdx builds everything with one compiler, the pinned one above,
// so an exact pragma naming EAS_PRAGMA is widened to `^EAS_PRAGMA` in
// memory — the only change made to the package's text. Any other exact
// pragma (a new EAS release) fails the build, so that moving to it is a
// decision someone reads the release notes for. See
// contracts/spec/attestation-v1.md.
const EAS_PRAGMA = '0.8.29';
const NODE_MODULES = path.join(here, '..', 'tools', 'node_modules');

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

for (const s of EAS_SOURCES) {
  sources[s] = { content: readPackaged(s) };
}

// readPackaged returns a file of a pinned npm package by its import path,
// widening EAS's exact pragma as explained at EAS_PRAGMA.
function readPackaged(unit) {
  const file = path.join(NODE_MODULES, unit);
  if (!path.resolve(file).startsWith(NODE_MODULES + path.sep)) {
    throw new Error(`import ${unit} leaves tools/node_modules`);
  }
  let text = fs.readFileSync(file, 'utf8');
  const exact = /^pragma solidity (\d+\.\d+\.\d+);/m.exec(text);
  if (exact) {
    if (exact[1] !== EAS_PRAGMA) {
      throw new Error(`${unit} pins solc ${exact[1]}; compile.js knows only EAS's ${EAS_PRAGMA}: review the release and update EAS_PRAGMA`);
    }
    text = text.replace(exact[0], `pragma solidity ^${EAS_PRAGMA};`);
  }
  return text;
}

function findImports(unit) {
  try {
    return { contents: readPackaged(unit) };
  } catch (e) {
    return { error: e.message };
  }
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
let packagedWarnings = 0;
for (const e of output.errors || []) {
  // Warnings in pdx's own sources fail the build too: they are small enough
  // to keep clean. Warnings in the pinned packages' sources (OpenZeppelin's
  // use of `error` as a name, which a future compiler reserves) are theirs
  // to fix and do not change the bytecode: they are counted, not fatal.
  const file = e.sourceLocation && e.sourceLocation.file;
  if (e.severity === 'warning' && file && file.startsWith('@')) {
    packagedWarnings++;
    continue;
  }
  console.error(e.formattedMessage || e.message);
  failed = true;
}
if (packagedWarnings > 0 && process.env.PDX_SOLC_VERBOSE) {
  console.error(`${packagedWarnings} warning(s) in pinned npm packages' sources`);
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
  JSON.stringify({ solc: version, evmVersion: EVM_VERSION, optimizer: input.settings.optimizer, sources: SOURCES.concat(EAS_SOURCES), easPragma: EAS_PRAGMA }, null, 1) + '\n'
);
