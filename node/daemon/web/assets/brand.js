// The brand's pages: the market and Buy; purchases, grants, Get, refusals.

import * as api from './api.js';
import { h, show, field, setError, clearErrors, focusFirstInvalid, errorText, busy, table, mono, dialog, announce } from './ui.js';
import { formatWei, formatTime, formatBytes, shortHex, cut, parseEth, weiToEth, validAddress, parseDuration } from './format.js';
import { getButton } from './owner.js';
import { policyView } from './policy.js';

const CID = /^[a-zA-Z0-9]{46,100}$/;

// refusals are this tab's refused gets, newest first, kept while the tab
// lives so the reason stays visible after a re-render.
const refusals = [];

function noteRefusal(cid, err) {
  refusals.unshift({ time: new Date(), cid, code: err.code, reason: errorText(err) });
  refusals.length = Math.min(refusals.length, 50);
  const list = document.getElementById('refusals');
  if (list) list.replaceChildren(refusalsList());
}

function refusalsList() {
  return table('Refusals', [
    { label: 'When', cell: (r) => formatTime(r.time) },
    { label: 'CID', cell: (r) => mono(r.cid, shortHex(r.cid, 8)) },
    { label: 'Reason', cell: (r) => h('span', { class: 'refusal-reason' }, r.reason) },
  ], refusals, 'No refusal in this session.');
}

async function buy(btn, offer, onDone) {
  const terms = h('input', { type: 'text', autocomplete: 'off', id: 'buy-terms', value: offer.terms || '' });
  const body = h('div', {},
    h('p', {}, `Pay ${formatWei(offer.price_wei)} into escrow for ${offerFields(offer)} of dataset ${offer.dataset} of ${shortHex(offer.owner)}.`),
    h('ul', {},
      h('li', {}, `Access for ${offer.duration} from the grant.`),
      h('li', {}, 'The owner’s node grants access automatically if its policy accepts; the payment is then released to the owner.'),
      h('li', {}, 'If no grant comes before the deadline, take your refund on My purchases.')),
    offer.policy ? h('div', {}, h('p', {}, 'Usage policy — paying binds you to it:'), policyView(offer.policy),
      h('p', { class: 'hint' }, 'The proxies enforce its purposes, read limit and expiry; the rest (sharing, resale, derivation, attribution) is a contract you sign by paying.'))
      : offer.terms ? h('p', {}, `Terms: “${cut(offer.terms, 2000)}”.`)
      : field('Terms', terms, `This daemon does not know the text of the terms (hash ${shortHex(offer.terms_hash)}): type the terms the owner published.`));
  const choice = await dialog(`Buy dataset ${offer.dataset}?`, body, [
    { label: 'Cancel', value: 'cancel', class: 'ghost' },
    { label: `Pay ${formatWei(offer.price_wei)}`, value: 'buy' },
  ]);
  if (choice !== 'buy') return;
  const out = document.getElementById(buyOutId(offer));
  await busy(btn, 'Buying…', async () => {
    try {
      // Under a policy, the buy names the very document shown: the daemon
      // refuses it if the offer's policy is another.
      // A dataset has one offer per terms: an offer whose text is unknown
      // here is named by its terms hash.
      const req = offer.policy ? { policy: offer.policy.document }
        : offer.terms ? { terms: offer.terms }
        : terms.value.trim() ? { terms: terms.value.trim() } : { terms_hash: offer.terms_hash };
      const r = await api.call('POST', `/v1/market/${offer.dataset}/buy`, req);
      out.className = 'ok';
      out.textContent = `Paid ${formatWei(r.price_wei)} into escrow. The owner’s node grants access shortly: see My purchases.`;
      announce(out.textContent);
      onDone();
    } catch (err) {
      out.className = 'refused';
      out.textContent = `Not bought: ${errorText(err)}`;
    }
  });
}

// market is the Market page's filters and where the reader is in the
// pages: afters[i] is the cursor of page i (the first has none). It lives
// as long as the tab, so coming back to the page keeps the filters.
const market = { filters: {}, limit: 20, afters: [''], page: 0 };

function marketPath() {
  const q = new URLSearchParams({ limit: String(market.limit) });
  const after = market.afters[market.page];
  if (after) q.set('after', after);
  for (const [k, v] of Object.entries(market.filters)) {
    if (v === true) q.set(k, 'true');
    else if (typeof v === 'string' && v !== '') q.set(k, v);
  }
  return `/v1/market?${q}`;
}

export async function renderMarket(main) {
  let page;
  try {
    page = await api.call('GET', marketPath());
  } catch (err) {
    if (!api.notServed(err)) throw err;
    page = null;
  }
  const results = h('div', { id: 'market-results', 'aria-live': 'polite' });
  show(main,
    h('h1', {}, 'Market'),
    h('p', { class: 'hint' }, 'Datasets their owners offer for a price, a duration and terms of use.'),
    page === null ? h('p', { class: 'empty' }, 'This daemon does not list the market yet: update pdx.')
      : h('div', {}, marketFilters(results), results));
  if (page !== null) drawOffers(results, page);
}

// loadOffers fetches the current page into slot.
async function loadOffers(slot) {
  slot.setAttribute('aria-busy', 'true');
  try {
    drawOffers(slot, await api.call('GET', marketPath()));
  } catch (err) {
    slot.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `Could not load the market: ${errorText(err)}`));
  }
  slot.removeAttribute('aria-busy');
}

function marketFilters(slot) {
  const f = market.filters;
  const ethOf = (wei) => (wei ? weiToEth(wei) : '');
  const minPrice = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', name: 'min_price', value: ethOf(f.min_price) });
  const maxPrice = h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', name: 'max_price', value: ethOf(f.max_price) });
  const owner = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', name: 'owner', value: f.owner || '' });
  const terms = h('input', { type: 'text', autocomplete: 'off', name: 'terms', value: f.terms || '' });
  const minDur = h('input', { type: 'text', autocomplete: 'off', name: 'min_duration', value: f.min_duration || '' });
  const category = h('select', { name: 'category' }, h('option', { value: '' }, 'any'),
    ...CATEGORIES.map((c) => h('option', { value: c, selected: f.category === c }, c)));
  const fieldsIn = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', name: 'field', value: f.field || '' });
  const search = h('input', { type: 'search', autocomplete: 'off', name: 'search', value: f.search || '' });
  const forMe = h('input', { type: 'checkbox', id: 'market-for-me', name: 'for_me' });
  forMe.checked = !!f.for_me;
  const perPage = h('input', { type: 'number', min: '1', max: '500', step: '1', name: 'limit', value: String(market.limit) });
  const apply = h('button', { type: 'submit' }, 'Apply filters');
  const clear = h('button', { type: 'button', class: 'ghost' }, 'Clear filters');
  const form = h('form', { class: 'card form', novalidate: true, 'aria-labelledby': 'mf-h' },
    h('h2', { id: 'mf-h' }, 'Filter offers'),
    field('Lowest price (ETH)', minPrice, 'e.g. 0.001; empty: no lower bound.'),
    field('Highest price (ETH)', maxPrice, 'e.g. 0.02; empty: no upper bound.'),
    field('Owner account', owner, 'Only this account’s offers (0x…).'),
    field('Category', category, 'What the data is about, as its owner described it.'),
    field('Has fields', fieldsIn, 'Field names the description lists, comma-separated (all of them), e.g. amount,date.'),
    field('Title words', search, 'Words of the description’s title, e.g. grocery.'),
    field('Terms', terms, 'A policy preset (research-only), or words of the terms.'),
    field('Shortest access', minDur, 'e.g. 30d; empty: any duration.'),
    h('div', { class: 'field' }, h('label', { for: 'market-for-me' }, forMe, ' Only private offers made to me')),
    field('Offers per page', perPage, '1 to 500.'),
    h('div', { class: 'actions' }, apply, clear));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const next = {};
    for (const [input, key] of [[minPrice, 'min_price'], [maxPrice, 'max_price']]) {
      const v = input.value.trim();
      if (v === '') continue;
      const wei = parseEth(v);
      if (wei === null) setError(input, `"${v}" is not an amount of ether: write e.g. 0.01.`);
      else next[key] = wei;
    }
    if (next.min_price && next.max_price && BigInt(next.min_price) > BigInt(next.max_price)) {
      setError(minPrice, 'The lowest price is above the highest.');
    }
    const o = owner.value.trim();
    if (o !== '' && !validAddress(o)) setError(owner, `"${o}" is not an account address: 0x and 40 hex digits.`);
    else if (o !== '') next.owner = o;
    const d = minDur.value.trim();
    if (d !== '' && parseDuration(d) === null) setError(minDur, `"${d}" is not a duration: write e.g. 30d or 12h.`);
    else if (d !== '') next.min_duration = d;
    if (terms.value.trim() !== '') next.terms = terms.value.trim();
    if (category.value !== '') next.category = category.value;
    const fl = fieldsIn.value.split(',').map((x) => x.trim()).filter((x) => x !== '');
    const badField = fl.find((x) => !/^[!-~]{1,64}$/.test(x) || x.includes('/'));
    if (badField !== undefined) setError(fieldsIn, `"${badField}" is not a field name: no spaces or slashes.`);
    else if (fl.length) next.field = fl.join(',');
    if (search.value.trim() !== '') next.search = search.value.trim();
    if (forMe.checked) next.for_me = true;
    const n = Number(perPage.value);
    if (!Number.isInteger(n) || n < 1 || n > 500) setError(perPage, 'A page holds 1 to 500 offers.');
    if (focusFirstInvalid(form)) return;
    market.filters = next;
    market.limit = n;
    market.afters = [''];
    market.page = 0;
    loadOffers(slot);
  });
  clear.addEventListener('click', () => {
    for (const i of [minPrice, maxPrice, owner, terms, minDur, fieldsIn, search, category]) i.value = '';
    forMe.checked = false;
    clearErrors(form);
    market.filters = {};
    market.afters = [''];
    market.page = 0;
    loadOffers(slot);
  });
  return form;
}
// CATEGORIES is the description vocabulary (acl/describe/DESCRIBE.md).
const CATEGORIES = ['purchases', 'loyalty', 'location', 'health', 'fitness', 'finance', 'demographics', 'browsing', 'media', 'social', 'energy', 'other'];

// describedTitle is an offer's description title (text, never markup:
// h sets text), or why there is none.
function describedTitle(o) {
  if (o.description_unreadable) return h('span', { class: 'hint' }, 'unreadable description');
  if (!o.description) return h('span', { class: 'hint' }, 'not described');
  return h('span', { class: 'offer-title', title: (o.description.fields || []).join(', ') }, cut(o.description.title, 80));
}

// describedHolds is an offer's rows, period and size, as far as said.
function describedHolds(o) {
  const d = o.description;
  if (!d) return '—';
  const parts = [];
  if (d.rows) parts.push(`${d.rows} records`);
  if (d.period) parts.push(d.period.from === d.period.to ? d.period.from : `${d.period.from}..${d.period.to}`);
  if (d.size) parts.push(formatBytes(d.size));
  if (d.attestedBy && d.attestedBy.length) parts.push(`attested by ${d.attestedBy.length}`);
  return parts.length ? parts.join(' · ') : '—';
}

// offerFields says what an offer sells: some fields, or the whole dataset.
function offerFields(o) {
  return o.fields && o.fields.length ? `the fields ${o.fields.join(', ')}` : 'all fields';
}

// buyOutId names the line under one offer's Buy button: a dataset lists
// one row per offer (per terms hash).
function buyOutId(o) {
  return `buy-out-${o.dataset}-${(o.terms_hash || '').slice(2, 18)}`;
}

function drawOffers(slot, page) {
  const offers = page.offers || [];
  const filtered = Object.keys(market.filters).length > 0;
  const prev = h('button', { type: 'button', class: 'ghost small', disabled: market.page === 0 }, 'Previous page');
  const next = h('button', { type: 'button', class: 'ghost small', disabled: !page.next }, 'Next page');
  prev.addEventListener('click', () => {
    market.page = Math.max(0, market.page - 1);
    loadOffers(slot);
  });
  next.addEventListener('click', () => {
    market.afters[market.page + 1] = page.next;
    market.afters.length = market.page + 2;
    market.page += 1;
    loadOffers(slot);
  });
  slot.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'm-h' },
    h('h2', { id: 'm-h' }, `Open offers, page ${market.page + 1} (${offers.length} shown)`),
    table('Open offers', [
      { label: 'Dataset', cell: (o) => (o.for_me ? h('span', {}, `#${o.dataset} `, h('span', { class: 'badge ok' }, 'private offer to you')) : `#${o.dataset}`) },
      { label: 'Title', cell: (o) => describedTitle(o) },
      { label: 'Category', cell: (o) => (o.description ? o.description.category : '—') },
      { label: 'Holds', cell: (o) => describedHolds(o) },
      { label: 'Owner', cell: (o) => mono(o.owner, shortHex(o.owner)) },
      { label: 'Fields', cell: (o) => (o.fields && o.fields.length ? o.fields.join(', ') : h('span', { class: 'hint' }, 'all')) },
      { label: 'Price', cell: (o) => formatWei(o.price_wei) },
      { label: 'Duration', cell: (o) => o.duration },
      { label: 'Attested', cell: (o) => (o.attested ? h('span', {}, ...o.attested.attestations.map((a) => h('span', { class: 'badge ok', title: `uid ${a.uid}` }, `by ${shortHex(a.attester)}`))) : '—') },
      { label: 'Terms', cell: (o) => (o.terms ? h('div', {}, o.policy ? null : cut(o.terms, 200), policyView(o.policy, o.legacy)) : h('span', { class: 'hint' }, `unknown text (hash ${shortHex(o.terms_hash)})`)) },
      {
        label: 'Buy', cell: (o) => (o.mine ? h('span', { class: 'hint' }, 'your own offer')
          : h('div', {}, h('button', { type: 'button', class: 'small', 'aria-label': `Buy ${offerFields(o)} of dataset ${o.dataset} for ${formatWei(o.price_wei)}`, onclick: (ev) => buy(ev.target, o, () => {}) }, 'Buy'),
            h('p', { id: buyOutId(o), 'aria-live': 'polite' }))),
      },
    ], offers, filtered ? 'No open offer matches these filters.' : 'No open offer right now.'),
    h('nav', { class: 'actions', 'aria-label': 'Market pages' }, prev, next)));
}

function getByCidForm() {
  const cid = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', name: 'cid' });
  const slot = h('div');
  const submit = h('button', { type: 'submit' }, 'Prepare download');
  const form = h('form', { class: 'card form', novalidate: true, 'aria-labelledby': 'gc-h' },
    h('h2', { id: 'gc-h' }, 'Get by CID'),
    field('CID', cid, 'The content id of a version you were granted.'),
    h('div', { class: 'actions' }, submit), slot);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const c = cid.value.trim();
    if (!CID.test(c)) setError(cid, c === '' ? 'Paste a CID.' : `"${c}" is not a CID (e.g. bafybei…).`);
    if (focusFirstInvalid(form)) return;
    slot.replaceChildren(h('p', {}, mono(c)), getButton(c, `${c}.bin`, 0, noteRefusal));
  });
  return form;
}

export async function renderPurchases(main) {
  const notice = [];
  const load = async (path, key) => {
    try {
      return (await api.call('GET', path))[key] || [];
    } catch (err) {
      if (!api.notServed(err)) throw err;
      notice.push(path);
      return null;
    }
  };
  const [purchases, grants] = await Promise.all([load('/v1/purchases', 'purchases'), load('/v1/granted', 'grants')]);
  const again = () => renderPurchases(main);
  show(main,
    h('h1', {}, 'My purchases and access'),
    notice.length ? h('p', { class: 'empty' }, `This daemon does not serve ${notice.join(' and ')} yet: update pdx.`) : null,
    h('section', { class: 'card', 'aria-labelledby': 'gr-h' },
      h('h2', { id: 'gr-h' }, `Data granted to me (${(grants || []).length})`),
      (grants || []).length === 0 ? h('p', { class: 'empty' }, 'No grant yet. Buy on the Market, or ask an owner for a grant.') : null,
      (grants || []).map((g) => h('article', { class: 'grant-card', 'aria-label': `Dataset ${g.dataset} of ${g.owner}` },
        h('h3', {}, `Dataset #${g.dataset} `, h('span', { class: `badge ${g.active && new Date(g.expires) > Date.now() ? 'ok' : 'off'}` }, g.active ? (new Date(g.expires) > Date.now() ? 'active' : 'expired') : 'revoked')),
        h('p', { class: 'meta' }, 'Owner ', mono(g.owner, shortHex(g.owner)), ` · for “${g.purpose}” · until ${formatTime(g.expires)} `,
          g.reads ? `· reads ${g.reads.used} of ${g.reads.allowed || 'no limit'} ` : null,
          g.active ? h('span', { class: 'countdown', dataset: { until: g.expires } }) : null),
        h('p', { class: 'meta grant-fields' }, g.fields && g.fields.length
          ? `Fields you can read: ${g.fields.join(', ')} (a get of a version split into fields returns these only).`
          : 'Fields you can read: all (the whole dataset).'),
        policyView(g.policy, g.legacy),
        table(`Versions of dataset ${g.dataset}`, [
          { label: 'Version', cell: (v) => `v${v.version}` },
          { label: 'CID', cell: (v) => mono(v.cid, shortHex(v.cid, 8)) },
          { label: 'Size', cell: (v) => (v.size ? formatBytes(v.size) : '—') },
          { label: 'Get', cell: (v) => getButton(v.cid, `dataset-${g.dataset}-v${v.version}.bin`, v.size, noteRefusal) },
        ], g.versions || [], 'No version yet.')))),
    h('section', { class: 'card', 'aria-labelledby': 'rf-h' },
      h('h2', { id: 'rf-h' }, 'Refusals'),
      h('p', { class: 'hint' }, 'Reads the proxies refused, with their reason (revoked, expired, erased, not granted).'),
      h('div', { id: 'refusals' }, refusalsList())),
    h('section', { class: 'card', 'aria-labelledby': 'pu-h' },
      h('h2', { id: 'pu-h' }, `Purchases (${(purchases || []).length})`),
      table('Purchases', [
        { label: 'Dataset', cell: (p) => `#${p.dataset}` },
        { label: 'Owner', cell: (p) => mono(p.owner, shortHex(p.owner)) },
        { label: 'Paid', cell: (p) => formatWei(p.amount_wei) },
        { label: 'Terms', cell: (p) => (p.terms ? h('div', {}, p.policy ? null : p.terms, policyView(p.policy)) : '—') },
        { label: 'Grant deadline', cell: (p) => formatTime(p.deadline) },
        { label: 'State', cell: (p) => h('span', { class: `badge ${p.state === 'granted' ? 'ok' : p.state === 'refunded' ? 'off' : ''}` }, p.state) },
        { label: 'Refund', cell: (p) => (p.state === 'escrow' && new Date(p.deadline) <= Date.now() ? refundButton(p, again) : '—') },
      ], purchases || [], 'No purchase yet.')),
    getByCidForm());
}

function refundButton(p, onDone) {
  const out = h('span', { 'aria-live': 'polite' });
  const btn = h('button', { type: 'button', class: 'small' }, 'Take refund');
  btn.addEventListener('click', () => busy(btn, 'Refunding…', async () => {
    try {
      const r = await api.call('POST', `/v1/market/${p.dataset}/refund`);
      out.textContent = `${formatWei(r.amount_wei)} back to your balance; withdraw it to your wallet.`;
      onDone();
    } catch (err) {
      out.textContent = `No refund: ${errorText(err)}`;
    }
  }));
  return h('span', {}, btn, out);
}
