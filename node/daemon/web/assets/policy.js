// Usage policies on the dashboard (docs/policy.md): a grant's or an
// offer's policy shown in plain words, and the picker of the grant and
// offer forms — a preset, or a document edited by hand. The daemon checks
// every document strictly; its refusal says where and what, and is shown
// on the form. Everything is put on the page as text, never markup: an
// owner's policy description can hold anything.

import * as api from './api.js';
import { h, field, nextId } from './ui.js';
import { shortHex } from './format.js';

let presetsCache = null;

// presets is GET /v1/policies, fetched once per page load; null when this
// daemon does not serve it.
async function presets() {
  if (presetsCache) return presetsCache;
  try {
    presetsCache = await api.call('GET', '/v1/policies');
  } catch (err) {
    if (!api.notServed(err)) throw err;
    presetsCache = { presets: [], purposes: [], actions: [] };
  }
  return presetsCache;
}

// policyView shows a policy in plain words (one term a line, as the CLI
// does), or marks a plain text made before policies as legacy; null when
// there is neither (the text is not known).
export function policyView(pv, legacy) {
  if (pv) {
    return h('div', { class: 'policy' },
      h('p', { class: 'hint' }, `Usage policy ${shortHex(pv.cid, 8)}`),
      h('ul', { class: 'policy-lines' }, (pv.describe || []).map((l) => h('li', {}, l))));
  }
  if (legacy) {
    return h('p', { class: 'hint' }, h('span', { class: 'badge' }, 'legacy'),
      ' plain text, no usage policy: no purpose or read limit is enforced beyond the expiry.');
  }
  return null;
}

// readsCell is a grant's reads used and allowed: the allowed come from its
// policy; the used, when the daemon reports them (reads_used), from the
// proxies' receipts.
export function readsCell(g) {
  const allowed = g.policy && g.policy.max_reads ? String(g.policy.max_reads) : 'no limit';
  const used = g.reads_used === undefined || g.reads_used === null ? '—' : String(g.reads_used);
  return h('span', { class: 'reads', dataset: { used, allowed } }, `${used} of ${allowed}`);
}

// policyPicker is the forms' "Usage policy" field: none (a plain text, as
// before), a preset (its plain words shown below), or a document edited by
// hand (started from the chosen preset). value() returns {} for none,
// {policy} to send, or {error} to show on the field.
export function policyPicker(noneLabel) {
  const select = h('select', { name: 'policy' },
    h('option', { value: '' }, noneLabel));
  const preview = h('div', { class: 'policy-preview', 'aria-live': 'polite' });
  const doc = h('textarea', { name: 'policy-document', rows: 10, spellcheck: 'false', class: 'mono', id: nextId('pd') });
  const docField = field('Policy document', doc, 'JSON-LD, the pdx profile of ODRL with DPV purposes (docs/policy.md). The daemon checks it and says where a mistake is.');
  docField.hidden = true;
  let loaded = [];
  presets().then((p) => {
    loaded = p.presets || [];
    for (const pr of loaded) select.append(h('option', { value: pr.name }, pr.name));
    if (loaded.length) select.append(h('option', { value: 'custom' }, 'Custom (edit a document)…'));
  }).catch(() => {});
  let last = '';
  select.addEventListener('change', () => {
    const v = select.value;
    const pr = loaded.find((x) => x.name === v);
    if (v === 'custom') {
      const base = loaded.find((x) => x.name === last) || loaded[0];
      if (doc.value.trim() === '' && base) doc.value = JSON.stringify(base.policy.document, null, 2);
      docField.hidden = false;
      preview.replaceChildren();
    } else {
      docField.hidden = true;
      preview.replaceChildren(pr ? policyView(pr.policy) : '');
      last = v;
    }
  });
  const wrap = h('div', {}, field('Usage policy', select, 'What the grantee may do: purposes, actions, duration, reads. The proxies enforce the purposes, read limit and expiry; the rest binds by contract.'), preview, docField);
  return {
    element: wrap,
    select,
    doc,
    value() {
      if (select.value === '') return {};
      if (select.value !== 'custom') return { policy: select.value };
      try {
        const d = JSON.parse(doc.value);
        if (d === null || typeof d !== 'object' || Array.isArray(d)) return { error: 'A policy document is one JSON object.', input: doc };
        return { policy: d };
      } catch (err) {
        return { error: `This is not JSON: ${err.message}`, input: doc };
      }
    },
  };
}

// purposeText is a journal entry's purpose or terms in words: the journal
// keeps a usage policy's whole document, shown by its description.
export function purposeText(s) {
  if (typeof s === 'string' && s.startsWith('{')) {
    try {
      const d = JSON.parse(s);
      if (d && d.profile === 'urn:pdx:odrl-profile:v1') return `usage policy: ${d['dct:description'] || '(no description)'}`;
    } catch (err) {
      // not a document: shown as the text it is
    }
  }
  return s;
}
