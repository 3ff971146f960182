// The pdx dashboard: login, navigation and the page router. Pages live in
// owner.js and brand.js; the hash names the page (#/data, #/market, …) so
// the browser's back button and bookmarks work without a server route per
// page.

import * as api from './api.js';
import { h, show, field, setError, clearErrors, focusFirstInvalid, errorText, busy, announce } from './ui.js';
import { countdown, shortHex } from './format.js';
import { renderData, renderDataset, renderGrants, renderEarnings, renderAccess } from './owner.js';
import { renderMarket, renderPurchases } from './brand.js';
import { renderCampaigns, renderMyCampaigns } from './campaigns.js';

const PAGES = [
  { path: 'data', title: 'Your data', group: 'Owner', render: renderData },
  { path: 'grants', title: 'Who can read', group: 'Owner', render: renderGrants },
  { path: 'earnings', title: 'Earnings', group: 'Owner', render: renderEarnings },
  { path: 'access', title: 'Access log', group: 'Owner', render: renderAccess },
  { path: 'campaigns', title: 'Campaigns', group: 'Owner', render: renderCampaigns },
  { path: 'market', title: 'Market', group: 'Brand', render: renderMarket },
  { path: 'purchases', title: 'My purchases', group: 'Brand', render: renderPurchases },
  { path: 'my-campaigns', title: 'My campaigns', group: 'Brand', render: renderMyCampaigns },
];

const main = () => document.getElementById('main');

function login(reason) {
  document.getElementById('nav').hidden = true;
  document.getElementById('account').textContent = '';
  document.title = 'Sign in · pdx';
  const tok = h('input', { type: 'password', name: 'token', autocomplete: 'off', spellcheck: 'false', required: true });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', { class: 'card form login', novalidate: true, 'aria-labelledby': 'login-h' },
    h('h1', { id: 'login-h' }, 'Sign in to your pdx node'),
    reason ? h('p', { class: 'form-error', role: 'alert' }, reason) : null,
    field('API token', tok, 'The 64 hex characters in the file api.token of your pdx home (by default ~/.pdx/api.token). It stays in this browser tab and is forgotten when the tab closes.'),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const t = tok.value.trim();
    if (!/^[0-9a-fA-F]{32,}$/.test(t)) setError(tok, t === '' ? 'Paste the token from api.token.' : 'A token is hex digits only (64 of them): copy the whole content of api.token.');
    if (focusFirstInvalid(form)) return;
    await busy(submit, 'Checking…', async () => {
      try {
        await api.check(t);
        api.setToken(t);
        header();
        if (!location.hash || location.hash === '#/login') location.hash = '#/data';
        else route();
      } catch (err) {
        setError(tok, err.code === 'unauthorized' ? 'This is not the token of this node: check the api.token of the home the daemon runs.' : errorText(err));
        tok.focus();
      }
    });
  });
  show(main(), form);
  tok.focus();
}

function nav(current) {
  const el = document.getElementById('nav');
  el.hidden = false;
  const groups = ['Owner', 'Brand'].map((g) => h('div', { class: 'nav-group', role: 'group', 'aria-label': `${g} pages` },
    h('span', { class: 'nav-title', 'aria-hidden': 'true' }, g),
    PAGES.filter((p) => p.group === g).map((p) =>
      h('a', { href: `#/${p.path}`, 'aria-current': p.path === current ? 'page' : false }, p.title))));
  el.replaceChildren(...groups,
    h('div', { class: 'nav-tools' },
      h('button', { type: 'button', class: 'ghost small', onclick: () => route() }, 'Refresh'),
      h('button', { type: 'button', class: 'ghost small', onclick: () => { api.forget(); login('Signed out.'); } }, 'Sign out')));
}

async function header() {
  try {
    const hz = await api.health();
    if (!hz.address) return;
    const acct = document.getElementById('account');
    acct.textContent = `Account ${shortHex(hz.address)}`;
    acct.title = hz.address;
    acct.dataset.address = hz.address;
  } catch {
    // the page says so when its own calls fail
  }
}

// rendering counts routes: a page drawn for a route the user already left
// is dropped, and main's data-rendered says which route was drawn last.
let rendering = 0;

async function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  if (!api.token()) return login();
  const [first, ...rest] = hash.split('/');
  const page = PAGES.find((p) => p.path === first) || PAGES[0];
  nav(page.path);
  const n = ++rendering;
  const m = main();
  m.setAttribute('aria-busy', 'true');
  show(m, h('p', { class: 'loading' }, 'Loading…'));
  document.getElementById('flash').hidden = true;
  // Each route draws into its own container, put in place only if it is
  // still the current route when its data arrived.
  const view = h('div', { class: 'page' });
  try {
    if (page.path === 'data' && rest.length) await renderDataset(view, rest.join('/'));
    else await page.render(view);
  } catch (err) {
    if (err.code === 'unauthorized') return;
    show(view, h('h1', {}, page.title), h('p', { class: 'form-error', role: 'alert' }, `Could not load this page: ${errorText(err)}`));
  }
  if (n !== rendering) return;
  show(m, view);
  m.removeAttribute('aria-busy');
  m.dataset.rendered = String(n);
  document.title = `${page.title} · pdx`;
  tick();
  const h1 = m.querySelector('h1');
  if (h1) {
    h1.tabIndex = -1;
    h1.focus({ preventScroll: true });
  }
}

// tick updates every countdown on the page once a second.
function tick() {
  for (const el of document.querySelectorAll('.countdown[data-until]')) {
    el.textContent = countdown(new Date(el.dataset.until).getTime());
  }
}

api.setUnauthorizedHandler(() => {
  api.forget();
  login('The daemon refused the token (did it restart with another home?). Sign in again.');
  announce('Signed out: the token was refused');
});
window.addEventListener('hashchange', route);
setInterval(tick, 1000);
header();
route();
