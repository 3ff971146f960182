#!/usr/bin/env node
// eas-oracle: a test oracle for pdx's off-chain attestations (package
// acl/attest). It wraps the npm package @ethereum-attestation-service/eas-sdk
// (installed under tools/ by `make npm`), EAS's own implementation of its
// off-chain format, so that Go tests can check pdx's files against it in
// both directions. It is test-only and never shipped.
//
//   node tools/eas-oracle.js verify FILE
//       reads an off-chain attestation package ({"sig", "signer"}) and prints
//       {"valid": bool, "uid": "0x…"}: the SDK's signature, domain, types and
//       uid check, for the signer the package names.
//   node tools/eas-oracle.js sign KEY EAS CHAIN_ID SCHEMA RECIPIENT DATA TIME
//       signs an attestation with the SDK (version 2, revocable, no expiry,
//       fresh salt) and prints the package as pdx stores it.
//
// Integers travel as decimal strings, byte strings as 0x-hex.
'use strict';

let sdk, ethers;
try {
  sdk = require('@ethereum-attestation-service/eas-sdk');
  ethers = require('ethers');
} catch (e) {
  process.stderr.write('eas-oracle: cannot load @ethereum-attestation-service/eas-sdk: run `make npm`: ' + e.message + '\n');
  process.exit(2);
}
const fs = require('fs');

const { Offchain, OffchainAttestationVersion } = sdk;

function offchain(domain) {
  return new Offchain(
    { address: domain.verifyingContract, version: domain.version, chainId: BigInt(domain.chainId) },
    OffchainAttestationVersion.Version2,
  );
}

// stringify writes bigints as decimal strings, as pdx's files hold them.
function stringify(v) {
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x), 1) + '\n';
}

async function main(argv) {
  const [op, ...args] = argv;
  if (op === 'verify' && args.length === 1) {
    const pkg = JSON.parse(fs.readFileSync(args[0], 'utf8'));
    const s = pkg.sig;
    const att = {
      ...s,
      message: { ...s.message, time: BigInt(s.message.time), expirationTime: BigInt(s.message.expirationTime) },
    };
    let valid = false;
    try {
      valid = offchain(s.domain).verifyOffchainAttestationSignature(pkg.signer, att);
    } catch (e) {
      valid = false;
    }
    process.stdout.write(JSON.stringify({ valid, uid: s.uid }) + '\n');
    return;
  }
  if (op === 'sign' && args.length === 7) {
    const [key, eas, chainId, schema, recipient, data, time] = args;
    const wallet = new ethers.Wallet(key);
    const domain = { verifyingContract: eas, version: '1.4.0', chainId: BigInt(chainId) };
    const signed = await offchain(domain).signOffchainAttestation(
      {
        schema,
        recipient,
        time: BigInt(time),
        expirationTime: 0n,
        revocable: true,
        refUID: ethers.ZeroHash,
        data,
      },
      wallet,
    );
    process.stdout.write(stringify({ sig: signed, signer: wallet.address }));
    return;
  }
  process.stderr.write('usage: eas-oracle.js verify FILE | sign KEY EAS CHAIN_ID SCHEMA RECIPIENT DATA TIME\n');
  process.exit(2);
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write('eas-oracle: ' + (e.stack || e.message) + '\n');
  process.exit(1);
});
