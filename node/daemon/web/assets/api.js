// The daemon's HTTP API as the dashboard calls it: every request carries
// the bearer token the login page kept in this tab's sessionStorage (never
// in localStorage or a cookie, so it leaves with the tab and no other site
// can make the browser send it).

const TOKEN_KEY = 'pdx.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(t) {
  sessionStorage.setItem(TOKEN_KEY, t);
}

export function forget() {
  sessionStorage.removeItem(TOKEN_KEY);
}

// APIError is the daemon's {"error":{"code","message","revert"}}, or a
// network failure (code "unreachable").
export class APIError extends Error {
  constructor(status, code, message, revert = '') {
    super(message);
    this.status = status;
    this.code = code;
    this.revert = revert;
  }
}

// notServed tells a route this daemon does not have (an older daemon).
export function notServed(err) {
  return err instanceof APIError && err.code === 'no_route';
}

function authHeaders(extra = {}) {
  return { Authorization: `Bearer ${token()}`, ...extra };
}

async function errorOf(resp) {
  let body = null;
  try {
    body = await resp.json();
  } catch {
    // not JSON: a proxy or a crashed daemon
  }
  const e = body && body.error;
  if (e && e.code) return new APIError(resp.status, e.code, e.message || e.code, e.revert || '');
  return new APIError(resp.status, 'internal', `the daemon answered ${resp.status} ${resp.statusText}`);
}

const unreachable = () =>
  new APIError(0, 'unreachable', 'The daemon did not answer. Is `pdx daemon` still running?');

// onUnauthorized is called when the daemon refuses the token (it changed,
// or the daemon restarted with another home).
let onUnauthorized = () => {};
export function setUnauthorizedHandler(f) {
  onUnauthorized = f;
}

async function send(method, path, body, headers) {
  let resp;
  try {
    resp = await fetch(path, { method, headers, body, cache: 'no-store' });
  } catch {
    throw unreachable();
  }
  if (resp.status === 401) {
    const err = await errorOf(resp);
    onUnauthorized(err);
    throw err;
  }
  if (!resp.ok) throw await errorOf(resp);
  return resp;
}

// call sends a JSON request (or none) and returns the decoded answer.
export async function call(method, path, body) {
  const headers = body === undefined ? authHeaders() : authHeaders({ 'Content-Type': 'application/json' });
  const resp = await send(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
  return resp.json();
}

// check asks the daemon whether t is its token, without keeping it.
export async function check(t) {
  let resp;
  try {
    resp = await fetch('/v1/datasets', { headers: { Authorization: `Bearer ${t}` }, cache: 'no-store' });
  } catch {
    throw unreachable();
  }
  if (!resp.ok) throw await errorOf(resp);
}

// health is /healthz; the daemon names its account only to a request with
// the token, so the token goes along once the user signed in.
export async function health() {
  let resp;
  try {
    resp = await fetch('/healthz', { headers: token() ? authHeaders() : {}, cache: 'no-store' });
  } catch {
    throw unreachable();
  }
  if (!resp.ok) throw await errorOf(resp);
  return resp.json();
}

// upload streams file as the body of a POST with XMLHttpRequest, the one
// browser API that reports upload progress; onProgress(sent, total).
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Authorization', `Bearer ${token()}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (ev) => onProgress(ev.loaded, ev.lengthComputable ? ev.total : file.size);
    xhr.upload.onload = () => onProgress(file.size, file.size, true);
    xhr.onerror = () => reject(unreachable());
    xhr.onabort = () => reject(new APIError(0, 'cancelled', 'The upload was cancelled; nothing was stored.'));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body);
      const e = body && body.error;
      const err = e && e.code
        ? new APIError(xhr.status, e.code, e.message || e.code, e.revert || '')
        : new APIError(xhr.status, 'internal', `the daemon answered ${xhr.status}`);
      if (xhr.status === 401) onUnauthorized(err);
      reject(err);
    };
    xhr.send(file);
  });
}

// download streams an answer through a ReadableStream reader, reporting
// onProgress(received, expected) as chunks arrive (expected: the
// Content-Length when sent, else the caller's estimate, else 0). It
// returns the bytes as a Blob only once the stream ended cleanly: the
// daemon aborts the connection when a check fails after the stream began,
// which surfaces here as an error, never as a short file.
export async function download(method, path, body, estimate, onProgress) {
  const headers = body === undefined ? authHeaders() : authHeaders({ 'Content-Type': 'application/json' });
  const resp = await send(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
  const length = Number(resp.headers.get('Content-Length')) || estimate || 0;
  const reader = resp.body.getReader();
  const chunks = [];
  let received = 0;
  onProgress(0, length);
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch {
      throw new APIError(0, 'broken', `The download broke off after ${received} bytes: the daemon stopped it (a check failed or it went away). Nothing was saved.`);
    }
    if (step.done) break;
    chunks.push(step.value);
    received += step.value.byteLength;
    onProgress(received, Math.max(length, received));
  }
  const type = resp.headers.get('Content-Type') || 'application/octet-stream';
  return { blob: new Blob(chunks, { type }), size: received };
}

// sha256 is the hex SHA-256 of a Blob, shown so a download can be compared
// with the original.
export async function sha256(blob) {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
