// Campaigns (docs/api.md, "Campaigns"): the owner's page lists the open
// campaigns this daemon's campaign agent has seen, with what it decided
// and why, and a Join button per dataset; the brand's page creates a
// campaign and lists its own (places taken, escrow left, Close).

import * as api from './api.js';
import { h, show, field, setError, clearErrors, focusFirstInvalid, errorText, busy, table, mono, announce, formError } from './ui.js';
import { formatWei, formatTime, shortHex, parseEth, parseDuration } from './format.js';
import { policyPicker } from './policy.js';

const CATEGORIES = ['purchases', 'loyalty', 'location', 'health', 'fitness', 'finance', 'demographics', 'browsing', 'media', 'social', 'energy', 'other'];

// decisionText is what the agent decided, in words (as pdx campaign show).
export function decisionText(d) {
  if (!d || !d.state) return 'not seen yet';
  switch (d.state) {
    case 'joined':
      return `joined with ${d.dataset}${d.join_block ? ` in block ${d.join_block}` : ''}${d.by_hand ? ' (by hand)' : ''}`;
    case 'own':
      return 'your own campaign';
    case 'failed':
      return `tried to join and failed: ${d.reason}`;
    default:
      return `refused: ${d.reason}`;
  }
}

function stateText(c) {
  if (c.closed) return 'closed';
  if (!c.open && c.joined >= c.cap) return 'full';
  if (!c.open) return 'past its deadline';
  return 'open';
}

// notice is the outcome of the last Join or Close, shown above the table
// after the page is drawn again with the new state.
let notice = null;

function noticeEl() {
  if (!notice) return null;
  const el = h('p', { class: notice.ok ? 'ok' : 'refused', role: 'status', id: 'campaign-notice' }, notice.text);
  notice = null;
  return el;
}

async function join(btn, c, dataset, onDone) {
  const out = document.getElementById(`join-out-${c.id}`);
  await busy(btn, 'Joining…', async () => {
    try {
      const r = await api.call('POST', `/v1/campaigns/${c.id}/join`, { dataset });
      notice = { ok: true, text: `Joined campaign ${c.id} with ${dataset} at block ${r.block}: paid ${formatWei(r.price_wei)}, vesting until ${formatTime(r.expires)}.` };
      announce(notice.text);
      onDone();
    } catch (err) {
      out.className = 'refused';
      out.textContent = `Not joined: ${errorText(err)}`;
    }
  });
}

// renderCampaigns is the owner's page: open campaigns and the agent's
// decisions.
export async function renderCampaigns(view) {
  const [list, ds] = await Promise.all([api.call('GET', '/v1/campaigns'), api.call('GET', '/v1/datasets')]);
  const names = (ds.datasets || []).map((d) => d.name);
  const others = (list.campaigns || []).filter((c) => c.agent.state !== 'own');
  const rerender = () => renderCampaigns(view).catch(() => {});
  show(view,
    h('h1', {}, 'Campaigns'),
    h('p', { class: 'hint' }, 'Brands’ standing offers to many owners. Your node’s agent decides each once, by [market.campaigns] in config.toml and your datasets’ descriptions; you can still join by hand, also after a refusal.'),
    noticeEl(),
    table('Open campaigns', [
      { label: 'Campaign', cell: (c) => String(c.id) },
      { label: 'Brand', cell: (c) => mono(c.brand, shortHex(c.brand)) },
      { label: 'Pays', cell: (c) => `${formatWei(c.price_wei)} for ${c.duration}` },
      { label: 'Places', cell: (c) => `${c.joined} of ${c.cap}` },
      { label: 'Your agent', cell: (c) => h('span', { class: `decision decision-${c.agent.state}` }, decisionText(c.agent)) },
      {
        label: 'Join',
        cell: (c) => c.agent.state === 'joined' ? '' : h('div', {},
          names.map((n) => h('button', { type: 'button', class: 'small', 'data-campaign': String(c.id), 'data-dataset': n, onclick: (ev) => join(ev.target, c, n, rerender) }, `Join with ${n}`)),
          h('p', { id: `join-out-${c.id}`, role: 'status' })),
      },
    ], others, 'No open campaign seen yet: the agent lists every campaign it reads from the chain.'));
}

async function closeCampaign(btn, c, onDone) {
  const out = document.getElementById(`close-out-${c.id}`);
  await busy(btn, 'Closing…', async () => {
    try {
      const r = await api.call('POST', `/v1/campaigns/${c.id}/close`);
      notice = { ok: true, text: `Closed campaign ${c.id}: ${formatWei(r.refund_wei)} refunded to your balance (Withdraw moves it to your wallet).` };
      announce(notice.text);
      onDone();
    } catch (err) {
      out.className = 'refused';
      out.textContent = `Not closed: ${errorText(err)}`;
    }
  });
}

// renderMyCampaigns is the brand's page: the create form and its
// campaigns.
export async function renderMyCampaigns(view) {
  const list = await api.call('GET', '/v1/campaigns?all=true&mine=true');
  const mine = list.campaigns || [];
  const rerender = () => renderMyCampaigns(view).catch(() => {});

  const picker = policyPicker('Choose a usage policy…');
  const price = h('input', { type: 'text', name: 'price', placeholder: '0.001', autocomplete: 'off' });
  const duration = h('input', { type: 'text', name: 'duration', placeholder: '30d', autocomplete: 'off' });
  const cap = h('input', { type: 'number', name: 'cap', min: '1', placeholder: '15' });
  const deadline = h('input', { type: 'text', name: 'deadline', placeholder: '7d', autocomplete: 'off' });
  const category = h('select', { name: 'category' }, h('option', { value: '' }, 'Any (no wants)'), CATEGORIES.map((c) => h('option', { value: c }, c)));
  const fields = h('input', { type: 'text', name: 'want-fields', placeholder: 'date,price', autocomplete: 'off' });
  const period = h('input', { type: 'text', name: 'period', placeholder: '2025-01..2025-12', autocomplete: 'off' });
  const minRows = h('input', { type: 'number', name: 'min-rows', min: '0', placeholder: '0' });
  const submit = h('button', { type: 'submit' }, 'Create and fund');
  const form = h('form', { class: 'card form', novalidate: true, 'aria-labelledby': 'campaign-new-h' },
    h('h2', { id: 'campaign-new-h' }, 'New campaign'),
    picker.element,
    field('Price per person (ETH)', price, 'What each owner who joins is paid, vesting over the grant.'),
    field('Duration of each grant', duration, 'Such as 30d; empty takes the policy’s.'),
    field('Places', cap, 'How many owners the campaign pays; it is funded with price × places now.'),
    field('Deadline', deadline, 'When joins stop: a duration from now (7d) or a date.'),
    field('Wanted category', category, 'Owners’ agents join only with a dataset of this category whose description meets every want.'),
    field('Wanted fields (optional)', fields, 'Comma-separated field names a dataset must list.'),
    field('Period (optional)', period, 'Months the data must cover: 2025-01..2025-12.'),
    field('Fewest records (optional)', minRows),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const pol = picker.value();
    if (pol.error) setError(pol.input, pol.error);
    else if (!pol.policy) setError(picker.select, 'Choose the usage policy that says what the data may be used for.');
    const wei = parseEth(price.value);
    if (wei === null || BigInt(wei) === 0n) setError(price, 'A price above zero in ETH, such as 0.001.');
    if (duration.value.trim() !== '' && parseDuration(duration.value.trim()) === null) setError(duration, 'A duration such as 30d or 1d12h.');
    const n = Number(cap.value);
    if (!Number.isInteger(n) || n < 1) setError(cap, 'At least one place.');
    if (deadline.value.trim() === '') setError(deadline, 'When joins stop, such as 7d.');
    const wantsOther = fields.value.trim() !== '' || period.value.trim() !== '' || minRows.value.trim() !== '';
    if (wantsOther && category.value === '') setError(category, 'Choose a category to want fields, a period or records.');
    if (period.value.trim() !== '' && !/^\d{4}-\d{2}(\.\.\d{4}-\d{2})?$/.test(period.value.trim())) setError(period, 'Months as 2025-01..2025-12.');
    if (focusFirstInvalid(form)) return;
    const req = { policy: pol.policy, price_wei: String(wei), cap: n, deadline: deadline.value.trim() };
    if (duration.value.trim() !== '') req.duration = duration.value.trim();
    if (category.value !== '') {
      const w = { category: category.value };
      const fs = fields.value.split(',').map((s) => s.trim()).filter(Boolean).sort();
      if (fs.length) w.fields = fs;
      if (period.value.trim() !== '') {
        const [from, to] = period.value.trim().split('..');
        w.period = { from, to: to || from };
      }
      if (minRows.value.trim() !== '' && Number(minRows.value) > 0) w.minRows = Number(minRows.value);
      req.wants = w;
    }
    await busy(submit, 'Funding…', async () => {
      try {
        const c = await api.call('POST', '/v1/campaigns', req);
        notice = { ok: true, text: `Campaign ${c.id} is open: ${c.cap} places at ${formatWei(c.price_wei)}, escrow ${formatWei(c.unspent_wei)}.` };
        announce(notice.text);
        rerender();
      } catch (err) {
        formError(form, errorText(err));
      }
    });
  });

  show(view,
    h('h1', {}, 'My campaigns'),
    noticeEl(),
    form,
    h('h2', {}, 'Your campaigns'),
    table('Your campaigns', [
      { label: 'Campaign', cell: (c) => String(c.id) },
      { label: 'State', cell: (c) => stateText(c) },
      { label: 'Pays', cell: (c) => `${formatWei(c.price_wei)} for ${c.duration}` },
      { label: 'Joined', cell: (c) => `${c.joined} of ${c.cap}` },
      { label: 'Unspent', cell: (c) => formatWei(c.unspent_wei) },
      { label: 'Deadline', cell: (c) => formatTime(c.deadline) },
      {
        label: 'Close',
        cell: (c) => c.closed ? '' : h('div', {},
          h('button', { type: 'button', class: 'small', 'data-close': String(c.id), onclick: (ev) => closeCampaign(ev.target, c, rerender) }, 'Close and refund'),
          h('p', { id: `close-out-${c.id}`, role: 'status' })),
      },
    ], mine, 'No campaign yet (a new one is listed once your daemon has read it from the chain, within a few seconds).'));
}
