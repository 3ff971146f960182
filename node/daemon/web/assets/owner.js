// The owner's pages: datasets and versions, grants, earnings, access log.

import * as api from './api.js';
import {
  h, show, field, setError, clearErrors, formError, focusFirstInvalid, errorText, busy, table,
  progressBar, copyButton, mono, dialog, announce, download, nextId,
} from './ui.js';
import {
  validName, validAddress, parseExpiry, parseEth, parseDuration, formatWei, weiToEth, formatBytes,
  shortHex, formatTime, earnings,
} from './format.js';
import { policyView, policyPicker, readsCell, purposeText } from './policy.js';

const enc = encodeURIComponent;

async function datasets() {
  return (await api.call('GET', '/v1/datasets')).datasets || [];
}

// grantsOf is the dataset's grants from the chain, or null when this
// daemon cannot list them.
async function grantsOf(name) {
  try {
    return (await api.call('GET', `/v1/datasets/${enc(name)}/grants`)).grants || [];
  } catch (err) {
    if (api.notServed(err)) return null;
    throw err;
  }
}

// myOffers maps dataset id → this account's open offer, from the market's
// pages of this account's offers.
async function myOffers() {
  try {
    const out = new Map();
    let after = '';
    for (;;) {
      const m = await api.call('GET', `/v1/market?mine=true&limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      for (const o of m.offers || []) out.set(o.dataset, o);
      if (!m.next) return out;
      after = m.next;
    }
  } catch (err) {
    if (api.notServed(err)) return new Map();
    throw err;
  }
}

function grantState(g) {
  if (!g.active && g.revoked_block) return `revoked at block ${g.revoked_block}`;
  if (new Date(g.expires).getTime() <= Date.now()) return 'expired';
  if (!g.active) return 'ended';
  return 'active';
}

function countdownCell(expires, active = true) {
  return h('span', {},
    h('time', { datetime: expires }, formatTime(expires)),
    active ? [h('br'), h('span', { class: 'countdown', dataset: { until: expires } }, '')] : null);
}

// ---- Put ----------------------------------------------------------------

function putForm(known, fixedName, onDone) {
  const name = h('input', { type: 'text', name: 'dataset', autocomplete: 'off', list: 'dataset-names', spellcheck: 'false', value: fixedName || '' });
  const file = h('input', { type: 'file', name: 'file' });
  const bar = progressBar('Upload progress');
  const result = h('div', { class: 'result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Upload');
  const form = h('form', { class: 'card form', novalidate: true, 'aria-label': fixedName ? `Put a new version of ${fixedName}` : 'Put a file' },
    h('h2', {}, fixedName ? 'Put a new version' : 'Put a file'),
    h('p', { class: 'hint' }, 'The file is encrypted on this computer before it is stored; only brands you grant can read it.'),
    h('datalist', { id: 'dataset-names' }, known.map((n) => h('option', { value: n }))),
    fixedName ? null : field('Dataset', name, 'An existing dataset gets a new version; a new name creates the dataset (letters, digits, . _ -).'),
    field('File', file),
    h('div', { class: 'actions' }, submit), bar.el, result);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    result.textContent = '';
    const n = fixedName || name.value.trim();
    if (!fixedName && !validName(n)) {
      setError(name, n === '' ? 'Name the dataset, e.g. purchases.' : `"${n}" is not a dataset name: use 1 to 128 letters, digits, ".", "_" or "-", starting with a letter or digit.`);
    }
    const f = file.files[0];
    if (!f) setError(file, 'Choose a file to upload.');
    else if (f.size === 0) setError(file, `"${f.name}" is empty (0 bytes): there is nothing to store. Choose a file with data in it.`);
    if (focusFirstInvalid(form)) return;
    await busy(submit, 'Uploading…', async () => {
      try {
        // A new name is created by the upload itself, and kept only once
        // its first version is stored: a failed upload leaves nothing.
        bar.set(0, f.size, `0 of ${formatBytes(f.size)}`);
        const put = await api.upload(`/v1/datasets/${enc(n)}/versions?create=true`, f, (sent, total, done) => {
          bar.set(sent, total, done ? `${formatBytes(total)} sent; encrypting, pinning and registering on chain…` : `${formatBytes(sent)} of ${formatBytes(total)}`);
        });
        bar.set(f.size, f.size, 'Done');
        result.replaceChildren(h('p', { class: 'ok' },
          `${put.created ? 'Created ' + n + ' and stored' : 'Stored'} version ${put.version} of ${n} (${formatBytes(put.size)} encrypted). CID `, mono(put.cid)));
        announce(`Stored version ${put.version} of ${n}`);
        file.value = '';
        if (fixedName) flash(`Stored version ${put.version} of ${n}: ${put.cid}`);
        onDone(n);
      } catch (err) {
        bar.hide();
        formError(form, `Nothing was stored: ${errorText(err)}`);
      }
    });
  });
  return form;
}

// ---- Dataset list -------------------------------------------------------

function versionsTable(ds) {
  return table(`Versions of ${ds.name}`, [
    { label: 'Version', cell: (v) => `v${v.version}` },
    { label: 'CID', cell: (v) => h('span', {}, mono(v.cid, shortHex(v.cid, 8)), ' ', copyButton(v.cid, `CID of version ${v.version}`)) },
    { label: 'Size', cell: (v) => formatBytes(v.size) },
    // A split version: each field under its own key; a grant names the
    // fields it covers (the grants table says who reads which).
    { label: 'Fields', cell: (v) => (v.fields && v.fields.length ? h('span', { title: v.fields.map((f) => `${f.name}: ${(f.paths || []).join(', ')}`).join('\n') }, v.fields.map((f) => f.name).join(', ')) : 'whole') },
    // The daemon pins every version it puts and unpins only on erase, so
    // a version in its index is pinned unless it says otherwise.
    { label: 'Pin', cell: (v) => (v.pinned === false ? 'not pinned' : h('span', { class: 'badge ok', title: 'pinned on this node since it was put; erase unpins it' }, 'pinned')) },
    { label: 'Put', cell: (v) => formatTime(v.put) },
    { label: 'Open', cell: (v) => getButton(v.cid, `${ds.name}-v${v.version}`, v.size) },
  ], ds.versions || [], 'No version yet: put a file.');
}

// getButton downloads a version through the daemon with a progress bar.
export function getButton(cid, filename, size, onRefused) {
  const bar = progressBar(`Download of ${filename}`);
  const out = h('div', { class: 'get-result', 'aria-live': 'polite' });
  const btn = h('button', { type: 'button', class: 'small', 'aria-label': `Download ${filename}` }, 'Download');
  btn.addEventListener('click', () => busy(btn, 'Downloading…', async () => {
    out.textContent = '';
    out.className = 'get-result';
    try {
      const { blob, size: got } = await api.download('GET', `/v1/cids/${enc(cid)}`, undefined, size, (n, total) =>
        bar.set(n, total, `${formatBytes(n)} received`));
      bar.set(got, got, `${formatBytes(got)} received`);
      const sum = await api.sha256(blob);
      download(blob, filename);
      out.replaceChildren(h('span', { class: 'ok' }, `Saved ${got} bytes as ${filename}. SHA-256 `), h('span', { class: 'mono sha256' }, sum));
      announce(`Downloaded ${filename}`);
      out.append(await attestationsView(cid));
    } catch (err) {
      bar.hide();
      const reason = errorText(err);
      out.className = 'get-result refused';
      out.replaceChildren(h('strong', {}, err.code === 'refused' ? 'Refused: ' : 'Failed: '), reason);
      out.setAttribute('role', 'alert');
      if (onRefused) onRefused(cid, err);
    }
  }));
  return h('div', { class: 'get' }, btn, bar.el, out);
}

// attestationsView shows every source attestation of a version, verified
// by the daemon (POST /v1/cids/{cid}/attestations): "attested by 0x… at …",
// or failed, revoked or expired with the reason — none left out. The name
// beside an address is the one the attester gives itself.
export async function attestationsView(cid) {
  let res;
  try {
    res = await api.call('POST', `/v1/cids/${enc(cid)}/attestations`, {});
  } catch (err) {
    return h('p', { class: 'hint attestations' }, err.code === 'conflict' ? '' : `Attestations not verified: ${errorText(err)}`);
  }
  const list = res.attestations || [];
  if (list.length === 0) return h('p', { class: 'hint attestations' }, 'No source attestation.');
  return h('ul', { class: 'attestations', 'aria-label': 'Source attestations' }, ...list.map((a) => {
    const who = a.source ? `${a.attester} ("${a.source}", as it names itself)` : a.attester;
    const where = a.on_chain ? 'on chain' : 'off chain';
    // A split version: each field read, against the manifest's fingerprint.
    const mark = { verified: '✓', failed: '✗ (another fingerprint)' };
    const fields = (a.field_results || []).map((f) => `${f.name} ${mark[f.status] || '– (not attested)'}`).join(' ');
    const fieldsLine = fields ? h('span', { class: 'attested-fields' }, ` — fields: ${fields}`) : null;
    return a.status === 'verified'
      ? h('li', {}, h('span', { class: 'badge ok' }, 'attested'), ` by ${who} at ${formatTime(a.time)} (${where})`, fieldsLine)
      : h('li', { class: 'refused' }, h('span', { class: 'badge off' }, a.status), ` attestation by ${who}: ${a.reason} (${where})`, fieldsLine);
  }));
}

export async function renderData(main) {
  const list = await datasets();
  const offers = await myOffers();
  const names = list.map((d) => d.name);
  const welcome = h('div');
  const section = h('section', { 'aria-labelledby': 'ds-h' });
  // After a put only the list is drawn again: the form keeps its
  // progress bar and result.
  const fill = (list, offers) => {
    names.splice(0, names.length, ...list.map((d) => d.name));
    const dl = document.getElementById('dataset-names');
    if (dl) dl.replaceChildren(...names.map((n) => h('option', { value: n })));
    welcome.replaceChildren(list.length === 0 ? welcomeCard() : '');
    section.replaceChildren(
      h('h2', { id: 'ds-h' }, `Datasets (${list.length})`),
      list.length === 0 ? h('p', { class: 'empty' }, 'None yet.') : '',
      ...list.map((ds) => datasetCard(ds, offers.get(ds.id))));
  };
  fill(list, offers);
  show(main,
    h('h1', {}, 'Your data'),
    welcome,
    putForm(names, null, async () => fill(await datasets(), await myOffers())),
    section,
    exportForm());
}

function welcomeCard() {
  return h('section', { class: 'card welcome', 'aria-labelledby': 'welcome-h' },
    h('h2', { id: 'welcome-h' }, 'Welcome to pdx'),
    h('p', {}, 'You have no datasets yet. A dataset is a file you own — purchase history, a profile, anything — kept encrypted on IPFS. Nobody can read it until you grant a brand access for a purpose and a time, and you can revoke that at any moment.'),
    h('ol', {},
      h('li', {}, 'Put a file below: it becomes version 1 of a new dataset.'),
      h('li', {}, 'Grant a brand access, or offer the dataset on the market for a price.'),
      h('li', {}, 'Watch who reads it on Access log, what you earned on Earnings, and revoke or erase here.')));
}

function datasetCard(ds, offer) {
  return h('article', { class: 'card dataset', 'aria-labelledby': `ds-${ds.name}` },
    h('h3', { id: `ds-${ds.name}` }, h('a', { href: `#/data/${enc(ds.name)}` }, ds.name)),
    h('p', { class: 'meta' }, `id ${ds.id} on chain · created ${formatTime(ds.created)} · `,
      offer ? `offered at ${formatWei(offer.price_wei)} for ${offer.duration}: ${offer.terms || ds.terms}`
        : ds.terms ? `offered for: ${ds.terms}` : 'not offered'),
    versionsTable(ds),
    h('p', {}, h('a', { href: `#/data/${enc(ds.name)}`, class: 'button-link' }, `Grants, offer, rotate, erase for ${ds.name}`)));
}

function exportForm() {
  const keys = h('input', { type: 'checkbox', name: 'keys' });
  const bar = progressBar('Export progress');
  const out = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, 'Export');
  const form = h('form', { class: 'card form', novalidate: true, 'aria-labelledby': 'exp-h' },
    h('h2', { id: 'exp-h' }, 'Export everything'),
    h('p', { class: 'hint' }, 'A tar file with a manifest (datasets, versions, grants) and every version’s encrypted blocks (CAR), to move your data elsewhere.'),
    h('div', { class: 'check' }, keys, h('label', { for: (keys.id = 'export-keys') }, 'Include my dataset keys'),
      h('p', { class: 'hint warn' }, 'With keys, whoever has the file can read all your data. Keep it safe.')),
    h('div', { class: 'actions' }, submit), bar.el, out);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form);
    busy(submit, 'Exporting…', async () => {
      try {
        const { blob, size } = await api.download('POST', '/v1/export', { keys: keys.checked }, 0, (n) => bar.set(n, 0, `${formatBytes(n)} received`));
        const name = `pdx-export-${new Date().toISOString().slice(0, 10)}.tar`;
        download(blob, name);
        bar.set(size, size, `${formatBytes(size)} received`);
        out.replaceChildren(h('p', { class: 'ok' }, `Saved ${name} (${formatBytes(size)}).`));
      } catch (err) {
        bar.hide();
        formError(form, `Nothing was exported: ${errorText(err)}`);
      }
    });
  });
  return form;
}

// ---- One dataset --------------------------------------------------------

// latestFields is the field groups of a dataset's newest version: what a
// field grant of it can name (none when that version is not split).
function latestFields(ds) {
  const vs = ds.versions || [];
  const last = vs[vs.length - 1];
  return last && last.fields ? last.fields.map((f) => f.name) : [];
}

// fieldChecks is one checkbox per field, ticked for those in checked, in a
// fieldset named by legend.
function fieldChecks(legend, names, checked, hint) {
  const boxes = names.map((n) => {
    const box = h('input', { type: 'checkbox', name: 'field', value: n, id: nextId('fld') });
    box.checked = checked.includes(n);
    return box;
  });
  const el = h('fieldset', { class: 'field fields-pick' },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint' }, hint) : null,
    boxes.map((b) => h('div', { class: 'check' }, b, h('label', { for: b.id }, b.value))));
  return { el, value: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}

// changeFields asks which fields a live grant covers from now on and
// grants them (PUT …/fields keeps the grant's terms, expiry and proxies).
async function changeFields(btn, dataset, g, names, onChange) {
  const pick = fieldChecks('Fields this brand can read', names, g.fields && g.fields.length ? g.fields : names,
    'Unticking a field revokes it from the next read; ticking one adds it. What the brand already read stays read.');
  const choice = await dialog(`Fields of ${shortHex(g.grantee)} on ${dataset}`, h('div', {}, pick.el), [
    { label: 'Cancel', value: 'cancel', class: 'ghost' },
    { label: 'Change fields', value: 'go' },
  ]);
  if (choice !== 'go') return;
  const fields = pick.value();
  if (fields.length === 0) {
    flash('Not changed: tick at least one field. To end the grant, revoke it.', true);
    return;
  }
  await busy(btn, 'Granting…', async () => {
    try {
      const r = await api.call('PUT', `/v1/datasets/${enc(dataset)}/grants/${enc(g.grantee)}/fields`, { fields });
      flash(`${shortHex(r.grantee)} now reads ${(r.fields || []).join(', ')} of ${dataset} (block ${r.block}).`);
    } catch (err) {
      flash(`Fields not changed: ${errorText(err)}`, true);
    }
  });
  onChange();
}

// fieldMatrix shows who can read which field of the newest split version:
// one row per live grant, one column per field.
function fieldMatrix(names, grants) {
  const live = grants.filter((g) => grantState(g) === 'active');
  const reads = (g, n) => !g.fields || g.fields.length === 0 || g.fields.includes(n);
  return table('Who can read which field', [
    { label: 'Brand', cell: (g) => mono(g.grantee, shortHex(g.grantee)) },
    ...names.map((n) => ({
      label: n,
      cell: (g) => (reads(g, n) ? h('span', { class: 'badge ok', 'aria-label': `${g.grantee} reads ${n}` }, 'reads')
        : h('span', { class: 'no-read', 'aria-label': `${g.grantee} cannot read ${n}` }, '—')),
    })),
  ], live, 'Nobody can read any field: no live grant.');
}

function grantsTable(rows, withDataset, onChange, fieldsOf) {
  return table('Grants', [
    withDataset ? { label: 'Dataset', cell: (g) => h('a', { href: `#/data/${enc(g.dataset)}` }, g.dataset) } : null,
    { label: 'Brand', cell: (g) => h('span', {}, mono(g.grantee, shortHex(g.grantee)), ' ', copyButton(g.grantee, 'brand address')) },
    { label: 'Purpose', cell: (g) => h('div', {}, g.policy ? null : g.purpose, policyView(g.policy, g.legacy)) },
    { label: 'Reads', cell: (g) => readsCell(g) },
    { label: 'Expires', cell: (g) => countdownCell(g.expires, grantState(g) === 'active') },
    { label: 'Fields', cell: (g) => (g.fields && g.fields.length ? g.fields.join(', ') : 'all') },
    { label: 'Threshold', cell: (g) => `${g.threshold} of ${(g.proxies || []).length}` },
    { label: 'Proxies', cell: (g) => h('span', { title: (g.proxies || []).join('\n') }, (g.proxies || []).map((p) => shortHex(p, 4)).join(', ')) },
    { label: 'State', cell: (g) => { const s = grantState(g); return h('span', { class: `badge ${s === 'active' ? 'ok' : 'off'}` }, s); } },
    {
      label: 'Actions', cell: (g) => (grantState(g) !== 'active' ? '—' : h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'small danger', 'aria-label': `Revoke ${g.grantee} on ${g.dataset}`, onclick: (ev) => revoke(ev.target, g.dataset, g.grantee, onChange) }, 'Revoke'),
        h('button', { type: 'button', class: 'small ghost', 'aria-label': `Revoke all grants of ${g.grantee}`, onclick: (ev) => revokeAll(ev.target, g.grantee, onChange) }, 'Revoke all for this brand'),
        fieldsOf && fieldsOf(g).length ? h('button', { type: 'button', class: 'small ghost', 'aria-label': `Change the fields of ${g.grantee} on ${g.dataset}`, onclick: (ev) => changeFields(ev.target, g.dataset, g, fieldsOf(g), onChange) }, 'Change fields') : null)),
    },
  ].filter(Boolean), rows, 'Nobody can read this: no grant yet.');
}

async function revoke(btn, dataset, grantee, onChange) {
  await busy(btn, 'Revoking…', async () => {
    try {
      const r = await api.call('DELETE', `/v1/datasets/${enc(dataset)}/grants/${enc(grantee)}`);
      announce(`Revoked ${grantee} on ${dataset} at block ${r.block}`);
      flash(`Revoked ${shortHex(grantee)} on ${dataset} at block ${r.block}: the proxies refuse from the next block.`);
    } catch (err) {
      flash(`Could not revoke: ${errorText(err)}`, true);
    }
  });
  onChange();
}

// revokeAll ends every active grant of one brand on every dataset.
async function revokeAll(btn, grantee, onChange) {
  await busy(btn, 'Revoking all…', async () => {
    const done = [];
    const failed = [];
    for (const ds of await datasets()) {
      const gs = await grantsOf(ds.name);
      const active = gs === null ? true : gs.some((g) => g.grantee.toLowerCase() === grantee.toLowerCase() && grantState(g) === 'active');
      if (!active) continue;
      try {
        await api.call('DELETE', `/v1/datasets/${enc(ds.name)}/grants/${enc(grantee)}`);
        done.push(ds.name);
      } catch (err) {
        if (gs === null && err.code === 'not_found') continue;
        failed.push(`${ds.name}: ${errorText(err)}`);
      }
    }
    if (done.length === 0 && failed.length === 0) flash(`Nothing to change: ${shortHex(grantee)} has no active grant.`);
    else flash(`Revoked ${shortHex(grantee)} on ${done.join(', ') || 'nothing'}.${failed.length ? ' Failed: ' + failed.join('; ') : ''}`, failed.length > 0);
  });
  onChange();
}

function flash(msg, bad = false) {
  const el = document.getElementById('flash');
  if (!el) return;
  el.textContent = msg;
  el.className = bad ? 'flash bad' : 'flash';
  el.hidden = false;
  announce(msg);
}

function grantForm(ds, onDone) {
  const name = ds.name;
  const names = latestFields(ds);
  const pick = names.length ? fieldChecks('Fields (optional)', names, [],
    'Tick the fields the brand may read; none ticked grants the whole dataset. Each field is under its own key: no other field can be opened.') : null;
  const grantee = h('input', { type: 'text', name: 'grantee', autocomplete: 'off', spellcheck: 'false', placeholder: '0x…' });
  const purpose = h('input', { type: 'text', name: 'purpose', autocomplete: 'off' });
  const expires = h('input', { type: 'text', name: 'expires', autocomplete: 'off', value: '30d' });
  const threshold = h('input', { type: 'number', name: 'threshold', min: 1, max: 16, inputmode: 'numeric' });
  const picker = policyPicker('None: a plain purpose (below)');
  const submit = h('button', { type: 'submit' }, 'Grant');
  const form = h('form', { class: 'card form', novalidate: true, 'aria-labelledby': 'grant-h' },
    h('h2', { id: 'grant-h' }, 'Grant a brand access'),
    field('Brand address', grantee, 'The brand’s account: 0x and 40 hex digits.'),
    picker.element,
    field('Purpose', purpose, 'What the brand may use it for; brands see it and proxies log it. Leave it empty with a usage policy: the policy names the purposes.'),
    field('Expires', expires, 'A duration (30d, 1d12h, 90m) or a date (2027-01-31, 2027-01-31T12:00). With a usage policy that has a duration, empty means the policy’s.'),
    field('Threshold (optional)', threshold, 'How many proxies must agree; empty uses your config.'),
    pick ? pick.el : null,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const a = grantee.value.trim();
    if (!validAddress(a)) setError(grantee, a === '' ? 'Give the brand’s address.' : `"${a}" is not an address: it must be 0x followed by 40 hex digits (0-9, a-f).`);
    const pol = picker.value();
    if (pol.error) setError(pol.input, pol.error);
    if (pol.policy && purpose.value.trim() !== '') setError(purpose, 'A usage policy names its purposes: leave Purpose empty, or choose no policy.');
    if (!pol.policy && purpose.value.trim() === '') setError(purpose, 'Say what the brand may use the data for.');
    const ex = pol.policy && expires.value.trim() === '' ? { value: '' } : parseExpiry(expires.value);
    if (ex.error) setError(expires, ex.error);
    const th = threshold.value.trim() === '' ? 0 : Number(threshold.value);
    if (!Number.isInteger(th) || th < 0 || th > 16) setError(threshold, 'A whole number from 1 to 16, or empty.');
    if (focusFirstInvalid(form)) return;
    await busy(submit, 'Granting…', async () => {
      try {
        const body = pol.policy ? { grantee: a, policy: pol.policy } : { grantee: a, purpose: purpose.value.trim() };
        if (ex.value) body.expires = ex.value;
        if (th) body.threshold = th;
        const fields = pick ? pick.value() : [];
        if (fields.length) body.fields = fields;
        const g = await api.call('POST', `/v1/datasets/${enc(name)}/grants`, body);
        flash(`Granted ${shortHex(g.grantee)} until ${formatTime(g.expires)} (block ${g.block})${g.fields && g.fields.length ? `: the fields ${g.fields.join(', ')} only` : ''}.`);
        onDone();
      } catch (err) {
        formError(form, `Not granted: ${errorText(err)}`);
      }
    });
  });
  return form;
}

function offerForm(ds, current, onDone) {
  const price = h('input', { type: 'text', name: 'price', inputmode: 'decimal', autocomplete: 'off', value: current ? formatWei(current.price_wei).replace(/ ETH$/, '') : '' });
  const duration = h('input', { type: 'text', name: 'duration', autocomplete: 'off', value: current ? current.duration : '30d' });
  const terms = h('input', { type: 'text', name: 'terms', autocomplete: 'off', value: current && !current.policy ? current.terms || ds.terms || '' : '' });
  const picker = policyPicker('None: plain terms (below)');
  const to = h('input', { type: 'text', name: 'to', autocomplete: 'off', spellcheck: 'false', value: current && current.to ? current.to : '' });
  const submit = h('button', { type: 'submit' }, current ? 'Change offer' : 'Offer');
  const form = h('form', { class: 'card form', novalidate: true, 'aria-labelledby': 'offer-h' },
    h('h2', { id: 'offer-h' }, 'Offer on the market'),
    h('p', { class: 'hint' }, current
      ? `Open now: ${formatWei(current.price_wei)} for ${current.duration}, for “${current.terms || ds.terms}”. A brand who pays gets a grant from your node automatically.`
      : 'Brands pay into escrow; your node grants them access for the duration and the payment is released to you.'),
    field('Price in ETH', price, 'e.g. 0.01'),
    current && current.policy ? policyView(current.policy) : null,
    field('Access duration', duration, 'How long each buyer may read it: 30d, 1d12h, 90m. Empty with a usage policy that has a duration: the policy’s.'),
    picker.element,
    field('Terms', terms, 'The purpose buyers may use it for. With a usage policy: optional, replaces the policy’s own description.'),
    field('Only this brand (optional)', to, 'A brand address (0x…) makes the offer private: only that brand can buy it. Empty: anyone.'),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const wei = parseEth(price.value);
    if (wei === null || wei === '0') setError(price, price.value.trim() === '' ? 'Set a price, e.g. 0.01.' : `"${price.value.trim()}" is not a price in ETH above 0 (at most 18 decimals), e.g. 0.01.`);
    const pol = picker.value();
    if (pol.error) setError(pol.input, pol.error);
    if (!(pol.policy && duration.value.trim() === '') && parseDuration(duration.value) === null) setError(duration, `"${duration.value.trim()}" is not a duration: write e.g. 30d, 1d12h or 90m.`);
    if (!pol.policy && terms.value.trim() === '') setError(terms, 'Say what buyers may use the data for.');
    if (to.value.trim() !== '' && !/^0x[0-9a-fA-F]{40}$/.test(to.value.trim())) setError(to, `"${to.value.trim()}" is not a brand address: 0x followed by 40 hex digits, or empty for anyone.`);
    if (focusFirstInvalid(form)) return;
    if (!pol.policy && current && current.price_wei === wei && parseDuration(current.duration) === parseDuration(duration.value) && (current.terms || ds.terms) === terms.value.trim() && (current.to || '').toLowerCase() === to.value.trim().toLowerCase()) {
      formError(form, 'Nothing to change: this offer is already open at this price, duration and terms.');
      return;
    }
    await busy(submit, 'Offering…', async () => {
      try {
        const body = { price_wei: wei, duration: duration.value.trim(), terms: terms.value.trim() };
        if (pol.policy) body.policy = pol.policy;
        if (to.value.trim() !== '') body.to = to.value.trim();
        const o = await api.call('POST', `/v1/datasets/${enc(ds.name)}/offer`, body);
        flash(o.to ? `Offered ${ds.name} to ${shortHex(o.to)} only, at ${formatWei(o.price_wei)} for ${o.duration}.` : `Offered ${ds.name} at ${formatWei(o.price_wei)} for ${o.duration}.`);
        onDone();
      } catch (err) {
        formError(form, `Not offered: ${errorText(err)}`);
      }
    });
  });
  return form;
}

// visibilityCard is the dataset's public/private switch. Publishing says
// first, in a dialog, what it cannot undo and needs a ticked box.
function visibilityCard(ds, onDone) {
  const vis = ds.visibility || 'private';
  const isPublic = vis === 'public';
  const btn = h('button', { type: 'button', class: isPublic ? 'ghost' : '' }, isPublic ? `Unpublish ${ds.name}…` : `Make ${ds.name} public…`);
  btn.addEventListener('click', async () => {
    const ok = h('input', { type: 'checkbox', id: 'publish-ok' });
    const body = isPublic
      ? h('div', {}, h('p', {}, 'Unpublishing marks the dataset withdrawn on chain and stops your node serving its public versions; versions you put afterwards are encrypted again.'),
        h('p', { class: 'warn' }, 'It cannot recall copies already taken by other IPFS nodes, gateways or people.'))
      : h('div', {}, h('p', {}, `Versions you put from now on are stored as they are, readable by anyone from any IPFS node, under the open-cc-by policy (licence and attribution). Versions already put stay encrypted.`),
        h('p', { class: 'warn' }, 'Copies taken while it is public cannot be recalled: unpublishing later stops your node serving them, nothing more.'),
        h('div', { class: 'check' }, ok, h('label', { for: 'publish-ok' }, 'I understand that copies cannot be recalled')));
    const pending = dialog(isPublic ? `Unpublish ${ds.name}?` : `Make ${ds.name} public?`, body, [
      { label: 'Cancel', value: 'cancel', class: 'ghost' },
      { label: isPublic ? 'Unpublish' : 'Publish', value: 'go', disabled: !isPublic, id: 'publish-go' },
    ]);
    if (!isPublic) ok.addEventListener('change', () => (document.getElementById('publish-go').disabled = !ok.checked));
    if ((await pending) !== 'go') return;
    await busy(btn, isPublic ? 'Unpublishing…' : 'Publishing…', async () => {
      try {
        if (isPublic) {
          const r = await api.call('POST', `/v1/datasets/${enc(ds.name)}/unpublish`);
          flash(`Withdrew ${ds.name}: ${r.unpinned.length} public version(s) no longer served here. Copies already taken remain.`);
        } else {
          const r = await api.call('POST', `/v1/datasets/${enc(ds.name)}/publish`, { preset: 'open-cc-by', confirm: true });
          flash(`${ds.name} is public from block ${r.block} under open-cc-by.`);
        }
        onDone();
      } catch (err) {
        flash(`${isPublic ? 'Not unpublished' : 'Not published'}: ${errorText(err)}`, true);
      }
    });
  });
  return h('section', { class: 'card', 'aria-labelledby': 'vis-h' },
    h('h2', { id: 'vis-h' }, 'Visibility'),
    h('p', {}, `This dataset is ${vis}.`),
    h('div', { class: 'actions' }, btn));
}

function rotateCard(ds, onDone) {
  const btn = h('button', { type: 'button' }, 'Rotate key');
  const card = h('section', { class: 'card', 'aria-labelledby': 'rot-h' },
    h('h2', { id: 'rot-h' }, 'Rotate the key'),
    h('p', {}, 'Versions you put after rotating use a new key that no revoked brand’s old access reaches. Active grants are issued again for the new key. What a brand already downloaded cannot be taken back.'),
    h('div', { class: 'actions' }, btn));
  btn.addEventListener('click', () => busy(btn, 'Rotating…', async () => {
    try {
      const r = await api.call('POST', `/v1/datasets/${enc(ds.name)}/rotate`);
      flash(`Rotated ${ds.name} to key epoch ${r.epoch}; re-granted ${(r.regranted || []).length} brand(s).`);
      onDone();
    } catch (err) {
      flash(`Not rotated: ${errorText(err)}`, true);
    }
  }));
  return card;
}

function eraseCard(ds, grants, onErased) {
  const btn = h('button', { type: 'button', class: 'danger' }, `Erase ${ds.name}…`);
  btn.addEventListener('click', async () => {
    const active = (grants || []).filter((g) => grantState(g) === 'active');
    const confirmInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', id: 'erase-confirm' });
    const body = h('div', {},
      h('p', {}, `Erasing ${ds.name} cannot be undone. It:`),
      h('ul', { class: 'consequences' },
        h('li', {}, `destroys its key in your home, so nobody — you included — can ever decrypt its ${(ds.versions || []).length} version(s) again;`),
        h('li', {}, grants === null || active.length === 0 ? 'ends every grant on it for good: the proxies refuse every brand from the next block;'
          : `ends ${active.length === 1 ? 'the active grant of' : `the ${active.length} active grants of`} ${active.map((g) => shortHex(g.grantee)).join(', ')}: the proxies refuse from the next block;`),
        h('li', {}, ds.terms ? 'closes its market offer; brands can no longer buy it;' : 'marks it erased on chain, so it can never be offered again;'),
        h('li', {}, 'unpins and removes its encrypted blocks from this node.')),
      h('p', {}, 'What a brand already downloaded stays with that brand.'),
      field(`Type ${ds.name} to confirm`, confirmInput));
    const pending = dialog(`Erase ${ds.name}?`, body, [
      { label: 'Cancel', value: 'cancel', class: 'ghost' },
      { label: `Erase ${ds.name} for good`, value: 'erase', class: 'danger', disabled: true, id: 'erase-go' },
    ]);
    const go = document.getElementById('erase-go');
    confirmInput.addEventListener('input', () => (go.disabled = confirmInput.value !== ds.name));
    confirmInput.focus();
    if ((await pending) !== 'erase') return;
    await busy(btn, 'Erasing…', async () => {
      try {
        const r = await api.call('POST', `/v1/datasets/${enc(ds.name)}/erase`);
        flash(`Erased ${ds.name}: ${r.unpinned.length} version(s) unpinned, key destroyed.`);
        onErased();
      } catch (err) {
        flash(`Not erased: ${errorText(err)}`, true);
      }
    });
  });
  return h('section', { class: 'card danger-zone', 'aria-labelledby': 'erase-h' },
    h('h2', { id: 'erase-h' }, 'Erase'),
    h('p', {}, 'Erase the dataset everywhere, for good (your right to erasure).'),
    h('div', { class: 'actions' }, btn));
}

export async function renderDataset(main, name) {
  const list = await datasets();
  const ds = list.find((d) => d.name === name);
  if (!ds) {
    show(main, h('h1', {}, name), h('p', { class: 'empty' }, `There is no dataset "${name}" in this home (it may have been erased). `, h('a', { href: '#/data' }, 'Back to your data')));
    return;
  }
  const [grants, offers] = await Promise.all([grantsOf(name), myOffers()]);
  const again = () => renderDataset(main, name);
  const rows = (grants || []).map((g) => ({ ...g, dataset: name }));
  const fields = latestFields(ds);
  show(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/data' }, 'Your data'), ' / ', name),
    h('h1', {}, name),
    h('p', { class: 'meta' }, `Dataset ${ds.id} on chain, created ${formatTime(ds.created)}.`),
    h('section', { class: 'card', 'aria-labelledby': 'v-h' }, h('h2', { id: 'v-h' }, 'Versions'), versionsTable(ds)),
    h('section', { class: 'card', 'aria-labelledby': 'g-h' },
      h('h2', { id: 'g-h' }, 'Who can read it'),
      grants === null ? h('p', { class: 'empty' }, 'This daemon does not list grants yet: update pdx.') : grantsTable(rows, false, again, () => latestFields(ds))),
    fields.length && grants !== null ? h('section', { class: 'card', 'aria-labelledby': 'fm-h' },
      h('h2', { id: 'fm-h' }, 'Who can read which field'),
      h('p', { class: 'hint' }, `The newest version is split into ${fields.length} fields, each under its own key. Live grants only.`),
      fieldMatrix(fields, rows)) : null,
    grantForm(ds, again),
    putForm([name], name, again),
    offerForm(ds, offers.get(ds.id), again),
    visibilityCard(ds, again),
    rotateCard(ds, again),
    eraseCard(ds, grants, () => (location.hash = '#/data')));
}

// ---- All grants ---------------------------------------------------------

export async function renderGrants(main) {
  const list = await datasets();
  const rows = [];
  let listed = true;
  for (const ds of list) {
    const gs = await grantsOf(ds.name);
    if (gs === null) listed = false;
    for (const g of gs || []) rows.push({ ...g, dataset: ds.name });
  }
  const active = rows.filter((g) => grantState(g) === 'active');
  const past = rows.filter((g) => grantState(g) !== 'active');
  const again = () => renderGrants(main);
  show(main,
    h('h1', {}, 'Who can read your data'),
    !listed ? h('p', { class: 'empty' }, 'This daemon does not list grants yet: update pdx.') : null,
    h('section', { class: 'card', 'aria-labelledby': 'ga-h' }, h('h2', { id: 'ga-h' }, `Active grants (${active.length})`),
      grantsTable(active, true, again)),
    h('section', { class: 'card', 'aria-labelledby': 'gp-h' }, h('h2', { id: 'gp-h' }, `Ended grants (${past.length})`),
      table('Ended grants', [
        { label: 'Dataset', cell: (g) => g.dataset },
        { label: 'Brand', cell: (g) => mono(g.grantee, shortHex(g.grantee)) },
        { label: 'Purpose', cell: (g) => h('div', {}, g.policy ? null : g.purpose, policyView(g.policy, g.legacy)) },
        { label: 'Ended', cell: (g) => grantState(g) },
      ], past, 'None.')));
}

// ---- Earnings -----------------------------------------------------------

// chart draws cumulative earnings as an inline SVG step line.
function chart(points, since) {
  const W = 600;
  const H = 200;
  const P = { l: 56, r: 12, t: 12, b: 28 };
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const total = points.length ? formatWei(points[points.length - 1].total) : '0 ETH';
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'chart');
  svg.setAttribute('aria-label', `Earnings over time: ${total} from ${points.length} purchase(s).`);
  const el = (tag, attrs, text) => {
    const n = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    if (text !== undefined) n.textContent = text;
    svg.append(n);
    return n;
  };
  el('title', {}, 'Earnings over time');
  el('line', { x1: P.l, y1: H - P.b, x2: W - P.r, y2: H - P.b, class: 'axis' });
  el('line', { x1: P.l, y1: P.t, x2: P.l, y2: H - P.b, class: 'axis' });
  if (points.length === 0) {
    el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'chart-empty' }, 'No sales yet');
    return svg;
  }
  const t0 = Math.min(since || points[0].time, points[0].time);
  const t1 = Math.max(Date.now(), points[points.length - 1].time, t0 + 60000);
  const max = Math.max(weiToEth(points[points.length - 1].total), 1e-18);
  const x = (t) => P.l + ((t - t0) / (t1 - t0)) * (W - P.l - P.r);
  const y = (v) => H - P.b - (v / max) * (H - P.t - P.b);
  let d = `M ${x(t0)} ${y(0)}`;
  for (const p of points) d += ` H ${x(p.time)} V ${y(weiToEth(p.total))}`;
  d += ` H ${W - P.r}`;
  el('path', { d, class: 'line' });
  for (const p of points) {
    const c = el('circle', { cx: x(p.time), cy: y(weiToEth(p.total)), r: 4, class: 'dot' });
    const t = document.createElementNS(ns, 'title');
    t.textContent = `${formatTime(new Date(p.time))}: +${formatWei(p.amount)}, total ${formatWei(p.total)}`;
    c.append(t);
  }
  el('text', { x: P.l - 6, y: P.t + 10, 'text-anchor': 'end', class: 'tick' }, formatWei(points[points.length - 1].total).replace(' ETH', ''));
  el('text', { x: P.l - 6, y: H - P.b, 'text-anchor': 'end', class: 'tick' }, '0');
  const sameDay = new Date(t0).toDateString() === new Date(t1).toDateString();
  const tick = (t) => (sameDay ? new Date(t).toLocaleTimeString(undefined, { timeStyle: 'short' }) : new Date(t).toLocaleDateString());
  el('text', { x: P.l, y: H - 8, class: 'tick' }, tick(t0));
  el('text', { x: W - P.r, y: H - 8, 'text-anchor': 'end', class: 'tick' }, tick(t1));
  return svg;
}

export async function renderEarnings(main) {
  const entries = (await api.call('GET', '/v1/log')).entries || [];
  const purchases = entries.filter((e) => e.kind === 'purchase').reverse();
  const payouts = entries.filter((e) => e.kind === 'withdraw').reverse();
  const { points, total } = earnings(entries);
  const withdrawn = payouts.reduce((s, e) => s + BigInt(e.amount_wei || '0'), 0n);
  const btn = h('button', { type: 'button' }, 'Withdraw to my wallet');
  const out = h('p', { 'aria-live': 'polite' });
  btn.addEventListener('click', () => busy(btn, 'Withdrawing…', async () => {
    try {
      const r = await api.call('POST', '/v1/withdraw');
      if (r.amount_wei === '0') out.textContent = 'Nothing to withdraw yet.';
      else {
        flash(`Moved ${formatWei(r.amount_wei)} to your wallet.`);
        renderEarnings(main);
      }
    } catch (err) {
      out.textContent = `Not withdrawn: ${errorText(err)}`;
    }
  }));
  show(main,
    h('h1', {}, 'Earnings'),
    h('section', { class: 'card', 'aria-labelledby': 'e-h' },
      h('h2', { id: 'e-h' }, 'Over time'),
      h('dl', { class: 'totals' },
        h('div', {}, h('dt', {}, 'Earned'), h('dd', { id: 'earned-total' }, formatWei(total))),
        h('div', {}, h('dt', {}, 'Withdrawn'), h('dd', {}, formatWei(withdrawn.toString())))),
      chart(points, entries.length ? new Date(entries[0].time).getTime() : 0),
      h('div', { class: 'actions' }, btn), out),
    h('section', { class: 'card', 'aria-labelledby': 'pu-h' },
      h('h2', { id: 'pu-h' }, `Purchases of your data (${purchases.length})`),
      table('Purchases', [
        { label: 'When', cell: (e) => formatTime(e.time) },
        { label: 'Dataset', cell: (e) => e.dataset || `#${e.id}` },
        { label: 'Buyer', cell: (e) => mono(e.grantee, shortHex(e.grantee)) },
        { label: 'Amount', cell: (e) => formatWei(e.amount_wei) },
        { label: 'Terms', cell: (e) => purposeText(e.purpose) || '—' },
        { label: 'Your node', cell: (e) => (e.granted ? h('span', { class: 'badge ok' }, 'granted') : h('span', { class: 'badge off' }, `refused: ${e.reason || 'no reason given'}`)) },
        { label: 'Block', cell: (e) => e.block || '—' },
      ], purchases, 'Nobody bought your data yet. Offer a dataset to sell access.')),
    h('section', { class: 'card', 'aria-labelledby': 'po-h' },
      h('h2', { id: 'po-h' }, `Payouts (${payouts.length})`),
      table('Payouts', [
        { label: 'When', cell: (e) => formatTime(e.time) },
        { label: 'Amount', cell: (e) => formatWei(e.amount_wei) },
      ], payouts, 'No payout yet.')));
}

// ---- Access log ---------------------------------------------------------

export async function renderAccess(main) {
  let receipts = null;
  try {
    receipts = (await api.call('GET', '/v1/receipts')).receipts || [];
  } catch (err) {
    if (!api.notServed(err)) throw err;
  }
  const entries = ((await api.call('GET', '/v1/log')).entries || []).reverse();
  show(main,
    h('h1', {}, 'Access log'),
    h('section', { class: 'card', 'aria-labelledby': 'r-h' },
      h('h2', { id: 'r-h' }, 'Who read your data'),
      h('p', { class: 'hint' }, 'Every read goes through the proxies, which keep a signed receipt of who asked, for which version and purpose.'),
      receipts === null ? h('p', { class: 'empty' }, 'This daemon does not list proxy receipts yet: update pdx.')
        : table('Reads', [
          { label: 'When', cell: (r) => formatTime(r.time) },
          { label: 'Dataset', cell: (r) => r.dataset || `#${r.id}` },
          { label: 'Version', cell: (r) => `v${r.version}` },
          { label: 'Reader', cell: (r) => mono(r.reader, shortHex(r.reader)) },
          { label: 'Read for', cell: (r) => r.read_for || '—' },
          { label: 'Purpose', cell: (r) => r.purpose },
          { label: 'Proxy', cell: (r) => mono(r.proxy, shortHex(r.proxy, 4)) },
        ], [...receipts].sort((a, b) => new Date(b.time) - new Date(a.time)), 'Nobody has read your data.')),
    h('section', { class: 'card', 'aria-labelledby': 'j-h' },
      h('h2', { id: 'j-h' }, 'Everything your node did'),
      table('Journal', [
        { label: 'When', cell: (e) => formatTime(e.time) },
        { label: 'What', cell: (e) => e.kind },
        { label: 'Dataset', cell: (e) => e.dataset || (e.id ? `#${e.id}` : '—') },
        { label: 'Details', cell: (e) => journalDetails(e) },
      ], entries, 'Nothing yet.')));
}

function journalDetails(e) {
  const parts = [];
  if (e.version) parts.push(`v${e.version}`);
  if (e.grantee) parts.push(shortHex(e.grantee));
  if (e.purpose) parts.push(`for “${purposeText(e.purpose)}”`);
  if (e.expires) parts.push(`until ${formatTime(e.expires)}`);
  if (e.amount_wei) parts.push(formatWei(e.amount_wei));
  if (e.granted === true) parts.push('granted');
  if (e.granted === false) parts.push(`refused: ${e.reason || ''}`);
  if (e.block) parts.push(`block ${e.block}`);
  return parts.join(' · ') || '—';
}
