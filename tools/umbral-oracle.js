#!/usr/bin/env node
// umbral-oracle: a long-running test oracle for pdx's Umbral (package reencrypt).
//
// It wraps the npm package @nucypher/umbral-pre (installed under tools/ by
// `make npm`) so that Go tests can check pdx's objects against an independent
// implementation of the same wire format. It is test-only and never shipped.
//
// Protocol (version 1): one JSON request per line on stdin, one JSON response
// per line on stdout, in request order.
//   request:  {"id": n, "op": "<name>", ...arguments}
//   response: {"id": n, "result": {...}}  or  {"id": n, "error": "<message>"}
// Byte strings travel as lowercase hex strings; integers and booleans as JSON
// numbers and booleans; an absent optional public key is null. The ops and
// their arguments are listed in OPS below and in
// reencrypt/internal/oracle/oracle.go, which is the only client.
//
// The WASM objects of umbral-pre are not garbage-collected: every object a
// request creates is registered in that request's arena and freed when the
// request ends, so the process can serve any number of requests.
'use strict';

const readline = require('readline');

const PROTOCOL = 1;

let umbral;
try {
  umbral = require('@nucypher/umbral-pre');
} catch (e) {
  process.stderr.write('umbral-oracle: cannot load @nucypher/umbral-pre: run `make npm` (Node 20 + npm needed): ' + e.message + '\n');
  process.exit(3);
}
const nodeMajor = Number(process.versions.node.split('.')[0]);
if (!(nodeMajor >= 20)) {
  process.stderr.write('umbral-oracle: Node ' + process.versions.node + ' is too old: run `make npm` (Node 20 + npm needed)\n');
  process.exit(3);
}
const umbralVersion = require('@nucypher/umbral-pre/package.json').version;

// Arena keeps the WASM objects created while serving one request and frees
// them at the end. Objects consumed by umbral-pre itself (KeyFrag.verify and
// CapsuleFrag.verify take ownership) have a zero pointer and are skipped.
class Arena {
  constructor() { this.objs = []; }
  keep(obj) { this.objs.push(obj); return obj; }
  keepAll(list) { for (const o of list) this.objs.push(o); return list; }
  free() {
    for (const o of this.objs) {
      if (o && o.__wbg_ptr) o.free();
    }
    this.objs = [];
  }
}

// Argument decoding: every error names the field so the Go side can report
// which part of its request was wrong.
function hexArg(req, name, label = name) {
  const v = req[name];
  if (typeof v !== 'string') throw new Error('field "' + label + '": expected a hex string');
  if (v.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(v)) throw new Error('field "' + label + '": not valid hex');
  return Uint8Array.from(Buffer.from(v, 'hex'));
}
function optHexArg(req, name) {
  if (req[name] === null || req[name] === undefined) return null;
  return hexArg(req, name);
}
function hexListArg(req, name) {
  const v = req[name];
  if (!Array.isArray(v)) throw new Error('field "' + name + '": expected a list of hex strings');
  return v.map((_, i) => hexArg(v, i, name + '[' + i + ']'));
}
function intArg(req, name, min, max) {
  const v = req[name];
  if (!Number.isInteger(v) || v < min || v > max) throw new Error('field "' + name + '": expected an integer in [' + min + ', ' + max + ']');
  return v;
}
function boolArg(req, name) {
  const v = req[name];
  if (typeof v !== 'boolean') throw new Error('field "' + name + '": expected a boolean');
  return v;
}
const hex = (b) => Buffer.from(b).toString('hex');

function secretKey(a, bytes) { return a.keep(umbral.SecretKey.fromBEBytes(bytes)); }
function publicKey(a, bytes) { return a.keep(umbral.PublicKey.fromCompressedBytes(bytes)); }
function optPublicKey(a, bytes) { return bytes === null ? null : publicKey(a, bytes); }
function capsule(a, bytes) { return a.keep(umbral.Capsule.fromBytes(bytes)); }
function factory(a, seed) { return a.keep(umbral.SecretKeyFactory.fromSecureRandomness(seed)); }

// verifyKFrag decodes and verifies a kfrag, returning a VerifiedKeyFrag.
function verifyKFrag(a, bytes, vk, pkA, pkB) {
  const kf = a.keep(umbral.KeyFrag.fromBytes(bytes));
  return a.keep(kf.verify(vk, pkA, pkB));
}
// verifyCFrag decodes and verifies a cfrag, returning a VerifiedCapsuleFrag.
function verifyCFrag(a, bytes, caps, vk, pkA, pkB) {
  const cf = a.keep(umbral.CapsuleFrag.fromBytes(bytes));
  return a.keep(cf.verify(caps, vk, pkA, pkB));
}

// compressPoint turns the affine coordinates umbral-pre exposes into the
// 33-byte SEC1 compressed form pdx uses everywhere.
function compressPoint(coords) {
  const [x, y] = coords;
  const out = new Uint8Array(33);
  out[0] = (y[31] & 1) ? 0x03 : 0x02;
  out.set(x, 1);
  return out;
}

const OPS = {
  // version: the handshake; tells the client which oracle it talks to.
  'version': () => ({ protocol: PROTOCOL, node: process.versions.node, umbral_pre: umbralVersion }),

  // parameters-u: the second generator U, compressed.
  'parameters-u': (req, a) => {
    const p = a.keep(new umbral.Parameters());
    const u = a.keep(p.u);
    return { u: hex(compressPoint(u.coordinates())) };
  },

  // keygen: a fresh random secret key and its public key.
  'keygen': (req, a) => {
    const sk = a.keep(umbral.SecretKey.random());
    return { sk: hex(sk.toBEBytes()), pk: hex(a.keep(sk.publicKey()).toCompressedBytes()) };
  },

  // pk-from-sk: sk → pk.
  'pk-from-sk': (req, a) => {
    const sk = secretKey(a, hexArg(req, 'sk'));
    return { pk: hex(a.keep(sk.publicKey()).toCompressedBytes()) };
  },

  // make-key: SecretKeyFactory(seed).makeKey(label).
  'make-key': (req, a) => {
    const sk = a.keep(factory(a, hexArg(req, 'seed')).makeKey(hexArg(req, 'label')));
    return { sk: hex(sk.toBEBytes()), pk: hex(a.keep(sk.publicKey()).toCompressedBytes()) };
  },

  // make-secret: SecretKeyFactory(seed).makeSecret(label).
  'make-secret': (req, a) => ({ secret: hex(factory(a, hexArg(req, 'seed')).makeSecret(hexArg(req, 'label'))) }),

  // make-factory-key: SecretKeyFactory(seed).makeFactory(label).makeKey(key_label).
  // umbral-pre does not expose a factory's seed, so a child factory is
  // observed through a key it derives.
  'make-factory-key': (req, a) => {
    const child = a.keep(factory(a, hexArg(req, 'seed')).makeFactory(hexArg(req, 'label')));
    const sk = a.keep(child.makeKey(hexArg(req, 'key_label')));
    return { sk: hex(sk.toBEBytes()) };
  },

  // sign: Signer(sk).sign(msg), r‖s.
  'sign': (req, a) => {
    const signer = a.keep(new umbral.Signer(secretKey(a, hexArg(req, 'sk'))));
    return { sig: hex(a.keep(signer.sign(hexArg(req, 'msg'))).toBEBytes()) };
  },

  // verify-signature: Signature(sig).verify(pk, msg).
  'verify-signature': (req, a) => {
    const sig = a.keep(umbral.Signature.fromBEBytes(hexArg(req, 'sig')));
    return { ok: sig.verify(publicKey(a, hexArg(req, 'pk')), hexArg(req, 'msg')) };
  },

  // encrypt: encrypt(pk, pt) → capsule, ct.
  'encrypt': (req, a) => {
    const [caps, ct] = umbral.encrypt(publicKey(a, hexArg(req, 'pk')), hexArg(req, 'pt'));
    a.keep(caps);
    return { capsule: hex(caps.toBytes()), ct: hex(ct) };
  },

  // decrypt-original: decryptOriginal(sk, capsule, ct) → pt.
  'decrypt-original': (req, a) => {
    const pt = umbral.decryptOriginal(secretKey(a, hexArg(req, 'sk')), capsule(a, hexArg(req, 'capsule')), hexArg(req, 'ct'));
    return { pt: hex(pt) };
  },

  // generate-kfrags: generateKFrags(sk, pk_b, Signer(signer_sk), threshold,
  // shares, sign_delegating, sign_receiving) → kfrag bytes.
  'generate-kfrags': (req, a) => {
    const signer = a.keep(new umbral.Signer(secretKey(a, hexArg(req, 'signer_sk'))));
    const kfrags = a.keepAll(umbral.generateKFrags(
      secretKey(a, hexArg(req, 'sk')), publicKey(a, hexArg(req, 'pk_b')), signer,
      intArg(req, 'threshold', 1, 255), intArg(req, 'shares', 1, 255),
      boolArg(req, 'sign_delegating'), boolArg(req, 'sign_receiving')));
    return { kfrags: kfrags.map((k) => hex(k.toBytes())) };
  },

  // verify-kfrag: KeyFrag(kfrag).verify(vk, pk_a|null, pk_b|null) → the
  // verified kfrag re-serialized.
  'verify-kfrag': (req, a) => {
    const v = verifyKFrag(a, hexArg(req, 'kfrag'), publicKey(a, hexArg(req, 'vk')),
      optPublicKey(a, optHexArg(req, 'pk_a')), optPublicKey(a, optHexArg(req, 'pk_b')));
    return { kfrag: hex(v.toBytes()) };
  },

  // reencrypt: verifies the kfrag with (vk, pk_a|null, pk_b|null), then
  // reencrypt(capsule, kfrag) → cfrag.
  'reencrypt': (req, a) => {
    const caps = capsule(a, hexArg(req, 'capsule'));
    const v = verifyKFrag(a, hexArg(req, 'kfrag'), publicKey(a, hexArg(req, 'vk')),
      optPublicKey(a, optHexArg(req, 'pk_a')), optPublicKey(a, optHexArg(req, 'pk_b')));
    const cf = a.keep(umbral.reencrypt(caps, v));
    return { cfrag: hex(cf.toBytes()) };
  },

  // verify-cfrag: CapsuleFrag(cfrag).verify(capsule, vk, pk_a, pk_b) → the
  // verified cfrag re-serialized.
  'verify-cfrag': (req, a) => {
    const caps = capsule(a, hexArg(req, 'capsule'));
    const v = verifyCFrag(a, hexArg(req, 'cfrag'), caps, publicKey(a, hexArg(req, 'vk')),
      publicKey(a, hexArg(req, 'pk_a')), publicKey(a, hexArg(req, 'pk_b')));
    return { cfrag: hex(v.toBytes()) };
  },

  // decrypt-reencrypted: verifies every cfrag against (capsule, vk, pk_a,
  // publicKey(sk_b)), then decryptReencrypted(sk_b, pk_a, capsule, cfrags, ct).
  'decrypt-reencrypted': (req, a) => {
    const skB = secretKey(a, hexArg(req, 'sk_b'));
    const pkB = a.keep(skB.publicKey());
    const pkA = publicKey(a, hexArg(req, 'pk_a'));
    const vk = publicKey(a, hexArg(req, 'vk'));
    const caps = capsule(a, hexArg(req, 'capsule'));
    const vcfrags = hexListArg(req, 'cfrags').map((b) => verifyCFrag(a, b, caps, vk, pkA, pkB));
    const pt = umbral.decryptReencrypted(skB, pkA, caps, vcfrags, hexArg(req, 'ct'));
    return { pt: hex(pt) };
  },

  // reserialize: decodes bytes as the given kind and encodes them again;
  // "simple" is umbral-pre's simple form where the kind has one.
  'reserialize': (req, a) => {
    const b = hexArg(req, 'bytes');
    switch (req.kind) {
      case 'capsule': {
        const c = a.keep(umbral.Capsule.fromBytes(b));
        return { bytes: hex(c.toBytes()), simple: hex(c.toBytesSimple()) };
      }
      case 'kfrag':
        return { bytes: hex(a.keep(umbral.KeyFrag.fromBytes(b)).toBytes()) };
      case 'cfrag': {
        const c = a.keep(umbral.CapsuleFrag.fromBytes(b));
        return { bytes: hex(c.toBytes()), simple: hex(c.toBytesSimple()) };
      }
      case 'public-key':
        return { bytes: hex(publicKey(a, b).toCompressedBytes()) };
      case 'secret-key':
        return { bytes: hex(secretKey(a, b).toBEBytes()) };
      case 'signature':
        return { bytes: hex(a.keep(umbral.Signature.fromBEBytes(b)).toBEBytes()) };
      default:
        throw new Error('field "kind": expected capsule, kfrag, cfrag, public-key, secret-key or signature');
    }
  },

  // bench: times each operation over `iterations` runs after `warmup` runs
  // and returns microseconds per operation. The operation list and inputs
  // match pdx's bench-reencrypt: a 32-byte plaintext (a file key), kfrags
  // 2-of-3 signed for both keys, kfrag/cfrag verification including decoding
  // from bytes, and decryption from two cfrags.
  'bench': (req, a) => bench(intArg(req, 'iterations', 1, 100000), intArg(req, 'warmup', 0, 100000), a),
};

function timeOp(iterations, warmup, fn) {
  for (let i = 0; i < warmup; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const ns = process.hrtime.bigint() - start;
  return Number(ns) / 1000 / iterations;
}

function bench(iterations, warmup, a) {
  const skA = a.keep(umbral.SecretKey.random());
  const pkA = a.keep(skA.publicKey());
  const skB = a.keep(umbral.SecretKey.random());
  const pkB = a.keep(skB.publicKey());
  const signer = a.keep(new umbral.Signer(a.keep(umbral.SecretKey.random())));
  const vk = a.keep(signer.verifyingKey());
  const pt = new Uint8Array(32).fill(7);

  const [caps, ct] = umbral.encrypt(pkA, pt);
  a.keep(caps);
  const kfrags = a.keepAll(umbral.generateKFrags(skA, pkB, signer, 2, 3, true, true));
  const kfragBytes = kfrags[0].toBytes();
  const vcfrags = a.keepAll(kfrags.slice(0, 2).map((k) => umbral.reencrypt(caps, k)));
  const cfragBytes = vcfrags[0].toBytes();

  const r = { iterations, warmup };
  r.encrypt_us = timeOp(iterations, warmup, () => {
    umbral.encrypt(pkA, pt)[0].free();
  });
  r.generate_kfrags_us = timeOp(iterations, warmup, () => {
    for (const k of umbral.generateKFrags(skA, pkB, signer, 2, 3, true, true)) k.free();
  });
  r.verify_kfrag_us = timeOp(iterations, warmup, () => {
    umbral.KeyFrag.fromBytes(kfragBytes).verify(vk, pkA, pkB).free();
  });
  r.reencrypt_us = timeOp(iterations, warmup, () => {
    umbral.reencrypt(caps, kfrags[0]).free();
  });
  r.verify_cfrag_us = timeOp(iterations, warmup, () => {
    umbral.CapsuleFrag.fromBytes(cfragBytes).verify(caps, vk, pkA, pkB).free();
  });
  r.decrypt_reencrypted_us = timeOp(iterations, warmup, () => {
    umbral.decryptReencrypted(skB, pkA, caps, vcfrags, ct);
  });
  return r;
}

function errorMessage(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try { return JSON.stringify(e); } catch (_) { return String(e); }
}

function handle(line) {
  let req;
  try {
    req = JSON.parse(line);
  } catch (e) {
    return { id: null, error: 'request is not JSON: ' + e.message };
  }
  if (req === null || typeof req !== 'object' || !Number.isInteger(req.id)) {
    return { id: null, error: 'request needs an integer "id"' };
  }
  const op = OPS[req.op];
  if (!op) return { id: req.id, error: 'unknown op ' + JSON.stringify(req.op) };
  const arena = new Arena();
  try {
    return { id: req.id, result: op(req, arena) };
  } catch (e) {
    return { id: req.id, error: errorMessage(e) };
  } finally {
    arena.free();
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
rl.on('line', (line) => {
  if (line.trim() === '') return;
  process.stdout.write(JSON.stringify(handle(line)) + '\n');
});
rl.on('close', () => process.exit(0));
