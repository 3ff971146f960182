// End-to-end test of the pdx dashboard in headless Chromium, driven by
// playwright-core. The Go test TestDashboard (cmd/pdx/web_test.go) runs
//
//   node dashboard_e2e.js <chromium binary> <fresh profile directory>
//
// before its daemons are up, so Chromium starts while they do, then writes
// the config as one JSON object on stdin once an owner's `pdx daemon` and a
// brand's daemon serve on one dev chain and IPFS.
//
// It prints one JSON line per step or screenshot ({"ms", "step"|"screenshot"})
// and, last, the result ({"ok": true, ...}); on failure a screenshot of
// every open page named failure-*.png, the error on stderr, and exit
// status 1.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const [chromiumPath, profile] = process.argv.slice(2);
let cfg;
const started = Date.now();
const shots = [];
const pages = {};

function log(obj) {
  process.stdout.write(JSON.stringify({ ms: Date.now() - started, ...obj }) + '\n');
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function shot(page, name, fullPage = true) {
  const file = path.join(cfg.artifacts, `${name}.png`);
  await front(page);
  const t0 = Date.now();
  await page.screenshot({ path: file, fullPage });
  shots.push(`${name}.png`);
  log({ screenshot: `${name}.png`, took: Date.now() - t0 });
}

// api calls a daemon directly (not through the page) to prove what the
// dashboard did or did not change.
async function api(who, method, p, body) {
  const resp = await fetch(cfg[who].url + p, {
    method,
    headers: { Authorization: `Bearer ${cfg[who].token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await resp.text();
  if (!resp.ok) throw new Error(`${method} ${p}: ${resp.status} ${text}`);
  return JSON.parse(text);
}

async function stateOf(who) {
  const [ds, lg] = await Promise.all([api(who, 'GET', '/v1/datasets'), api(who, 'GET', '/v1/log')]);
  return JSON.stringify({ datasets: ds.datasets, entries: lg.entries.length });
}

// until retries fn (which returns truthy when done) every interval until
// the deadline; proxies and the market agent follow the chain a poll away.
async function until(what, fn, timeoutMs = 30000, intervalMs = 700) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000}s${last ? ': ' + last.message : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// checkA11y asserts what a screen reader and a keyboard need on every
// page: each form control has a label, each button a name, one h1.
async function checkA11y(page, where) {
  const t0 = Date.now();
  const problems = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el.type === 'hidden') continue;
      if (!(el.labels && el.labels.length) && !el.getAttribute('aria-label')) out.push(`unlabelled ${el.tagName.toLowerCase()} ${el.name || el.id}`);
    }
    for (const b of document.querySelectorAll('button, a[href]')) {
      if (!(b.getAttribute('aria-label') || b.textContent.trim())) out.push(`nameless ${b.tagName.toLowerCase()}`);
    }
    const h1 = document.querySelectorAll('main h1').length;
    if (h1 !== 1) out.push(`${h1} h1 in main`);
    // Text contrast (WCAG AA): 4.5:1, 3:1 for large text, against the
    // first opaque background up the tree.
    const rgb = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c && c.a >= 0.99) return c;
      }
      return { r: 255, g: 255, b: 255 };
    };
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, [hidden], [aria-hidden="true"], .visually-hidden, :disabled, dialog:not([open])')) continue;
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      const fg = rgb(cs.color);
      if (!fg) continue;
      const [l1, l2] = [lum(fg), lum(background(el))].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`contrast ${ratio.toFixed(2)}:1 of "${el.textContent.trim().slice(0, 30)}" (${cs.color} on ${JSON.stringify(background(el))})`);
    }
    return out;
  });
  assert(problems.length === 0, `${where}: accessibility: ${problems.join('; ')}`);
  log({ a11y: where, took: Date.now() - t0 });
}

// rendered is the dashboard's count of drawn routes (main's
// data-rendered): waiting for it to grow waits for the page asked for, not
// for the one still on screen.
const rendered = (page) => page.evaluate(() => Number(document.getElementById('main').dataset.rendered || 0));

// front makes page the visible tab: a hidden tab gets no animation
// frames, which Playwright's actions and screenshots wait for.
async function front(page) {
  if (front.current !== page) {
    await page.bringToFront();
    front.current = page;
  }
}

async function go(page, hash) {
  await front(page);
  const before = await rendered(page);
  await page.evaluate((h) => {
    if (location.hash === h) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = h;
  }, hash);
  await page.waitForFunction((b) => Number(document.getElementById('main').dataset.rendered || 0) > b, before);
}

async function refresh(page) {
  const before = await rendered(page);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.waitForFunction((b) => Number(document.getElementById('main').dataset.rendered || 0) > b, before);
}

async function login(page, who) {
  await front(page);
  await page.goto(cfg[who].url + '/');
  assert(new URL(page.url()).pathname === '/ui/', `GET / did not lead to /ui/ but ${page.url()}`);
  await page.getByLabel('API token').waitFor();
  await checkA11y(page, `${who} login`);
  if (who === 'owner') {
    await shot(page, '01-login', false);
    // A wrong token: an inline error, still on the login page.
    await page.getByLabel('API token').fill('0'.repeat(64));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This is not the token of this node').waitFor();
    await page.getByLabel('API token').fill('not hex');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('A token is hex digits only').waitFor();
    await shot(page, '02-login-wrong-token', false);
  }
  // Keyboard only: type the token and press Enter.
  await page.getByLabel('API token').fill(cfg[who].token);
  const before = await rendered(page);
  await page.getByLabel('API token').press('Enter');
  await page.waitForFunction((b) => Number(document.getElementById('main').dataset.rendered || 0) > b, before);
  const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('pdx.token'), local: localStorage.length, cookies: document.cookie }));
  assert(stored.session === cfg[who].token && stored.local === 0 && stored.cookies === '', `${who}: the token is kept outside this tab's sessionStorage: ${JSON.stringify(stored)}`);
  log({ step: `${who} signed in` });
}

async function main() {
  // A persistent context in a fresh profile directory: the owner's and the
  // brand's pages are two tabs on two origins (two daemons' ports), so
  // their sessionStorage, and with it their tokens, stay apart.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    timeout: 30000,
  });
  const consoleErrors = [];
  const open = async (who) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20000);
    page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) consoleErrors.push(`${who}: ${m.text()}`); });
    page.on('pageerror', (e) => consoleErrors.push(`${who}: ${e.message}`));
    pages[who] = page;
    return page;
  };
  try {
    const owner = await open('owner');
    const brand = await open('brand');
    log({ step: 'chromium started' });
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    cfg = JSON.parse(input);

    // ---- Owner: first visit, bad input, upload ----
    await login(owner, 'owner');
    await owner.getByRole('heading', { name: 'Welcome to pdx' }).waitFor();
    await checkA11y(owner, 'owner first visit');
    await shot(owner, '03-owner-first-visit');
    await owner.setViewportSize({ width: 390, height: 844 });
    await shot(owner, '04-owner-first-visit-phone');
    await owner.setViewportSize({ width: 1280, height: 900 });

    const before = await stateOf('owner');
    await owner.getByLabel('Dataset', { exact: true }).fill('purchases');
    await owner.getByLabel('File', { exact: true }).setInputFiles(cfg.emptyFile);
    await owner.getByRole('button', { name: 'Upload' }).click();
    await owner.locator('main').getByText('is empty (0 bytes)').waitFor();
    await owner.getByLabel('Dataset', { exact: true }).fill('bad name!');
    await owner.getByRole('button', { name: 'Upload' }).click();
    await owner.locator('main').getByText('is not a dataset name').waitFor();
    assert(await owner.getByLabel('Dataset', { exact: true }).getAttribute('aria-invalid') === 'true', 'the bad name is not marked invalid');
    await shot(owner, '05-put-bad-input');
    assert((await stateOf('owner')) === before, 'an empty file or a bad name changed the owner\'s datasets or journal');
    log({ step: 'put: empty file and bad name refused inline, nothing changed' });

    await owner.getByLabel('Dataset', { exact: true }).fill('purchases');
    await owner.getByLabel('File', { exact: true }).setInputFiles(cfg.uploadFile);
    await owner.getByRole('button', { name: 'Upload' }).click();
    await owner.locator('main').getByText('Stored version 1 of purchases').waitFor({ timeout: 60000 });
    const progress = await owner.locator('progress').first().evaluate((p) => ({ value: p.value, max: p.max }));
    assert(progress.max > 0 && progress.value === progress.max, `upload progress ended at ${JSON.stringify(progress)}`);
    const ds = (await api('owner', 'GET', '/v1/datasets')).datasets;
    assert(ds.length === 1 && ds[0].name === 'purchases' && ds[0].versions.length === 1, `after upload: ${JSON.stringify(ds)}`);
    const cid = ds[0].versions[0].cid;
    await owner.locator('main').getByText(cid.slice(0, 10)).first().waitFor();
    await shot(owner, '06-owner-uploaded');
    log({ step: 'owner uploaded', cid });

    // ---- Owner: the dataset page, grant form's bad input, offer ----
    await go(owner, '#/data/purchases');
    await checkA11y(owner, 'dataset page');
    const before2 = await stateOf('owner');
    await owner.getByLabel('Brand address', { exact: true }).fill('0x1234');
    await owner.getByLabel('Purpose', { exact: true }).fill('loyalty analytics');
    await owner.getByLabel('Expires', { exact: true }).fill('2020-01-01');
    await owner.getByRole('button', { name: 'Grant', exact: true }).click();
    await owner.locator('main').getByText('"0x1234" is not an address').waitFor();
    await owner.locator('main').getByText('is in the past').waitFor();
    await owner.getByLabel('Expires', { exact: true }).fill('-5d');
    await owner.getByRole('button', { name: 'Grant', exact: true }).click();
    await owner.locator('main').getByText('is negative').waitFor();
    // What only the daemon can check: a well-formed address of an account
    // with no keys on chain. The form sends it and shows the refusal.
    await owner.getByLabel('Brand address', { exact: true }).fill('0x' + '0'.repeat(39) + '1');
    await owner.getByLabel('Expires', { exact: true }).fill('30d');
    await owner.getByRole('button', { name: 'Grant', exact: true }).click();
    await owner.locator('form:has(#grant-h) .form-error').waitFor();
    const grantErr = await owner.locator('form:has(#grant-h) .form-error').textContent();
    assert(/Not granted:/.test(grantErr), `the daemon's refusal of a grant is not shown inline: ${grantErr}`);
    await owner.getByLabel('Price in ETH').fill('free');
    await owner.getByLabel('Terms').fill('');
    await owner.getByRole('button', { name: 'Offer' }).click();
    await owner.locator('main').getByText('"free" is not a price in ETH').waitFor();
    await owner.locator('main').getByText('Say what buyers may use the data for').waitFor();
    await shot(owner, '07-grant-and-offer-bad-input');
    assert((await stateOf('owner')) === before2, 'bad grant or offer input changed the owner\'s datasets or journal');
    log({ step: 'grant/offer: bad address, past and negative expiry, a grantee without keys, bad price, no terms: shown inline; nothing changed', daemonRefusal: grantErr });

    await owner.getByLabel('Price in ETH').fill('0.01');
    await owner.getByLabel('Access duration').fill('30d');
    await owner.getByLabel('Terms').fill('loyalty analytics');
    await owner.getByRole('button', { name: 'Offer' }).click();
    await owner.locator('#flash').getByText('Offered purchases at 0.01 ETH').waitFor();
    log({ step: 'owner offered' });
    // The same offer again changes nothing and says so.
    await owner.getByRole('button', { name: 'Change offer' }).waitFor();
    const before3 = await stateOf('owner');
    await owner.getByRole('button', { name: 'Change offer' }).click();
    await owner.locator('main').getByText('Nothing to change: this offer is already open').waitFor();
    assert((await stateOf('owner')) === before3, 'an unchanged offer changed something');
    await shot(owner, '08-owner-dataset-offered');

    // ---- Brand: market (pages, filters), buy ----
    // The brand offers a dataset of its own, so the market has two offers
    // to page through: the owner's (0.01 ETH, the lower dataset id) first.
    await api('brand', 'POST', '/v1/datasets/panel/versions?create=true', 'brand panel data');
    // It describes it first (pdx describe), so its offer says what it holds.
    await api('brand', 'PUT', '/v1/datasets/panel/description', { title: 'Survey panel answers', category: 'media' });
    await api('brand', 'POST', '/v1/datasets/panel/offer', { price_wei: '5000000000000000', duration: '7d', terms: 'panel study' });
    await login(brand, 'brand');
    await go(brand, '#/market');
    await checkA11y(brand, 'market');
    const buyBtn = brand.getByRole('button', { name: new RegExp(`^Buy all fields of dataset ${ds[0].id} for 0\\.01 ETH`) });
    await buyBtn.waitFor();
    await brand.locator('main').getByText('your own offer').waitFor();
    await shot(brand, '09-brand-market');
    const results = brand.locator('#market-results');
    const apply = brand.getByRole('button', { name: 'Apply filters' });
    // One offer a page: next shows the brand's own, previous the owner's.
    await brand.getByLabel('Offers per page').fill('1');
    await apply.click();
    await results.getByText('page 1 (1 shown)').waitFor();
    await buyBtn.waitFor();
    assert(await results.getByText('your own offer').count() === 0, 'page 1 of one offer shows two');
    await brand.getByRole('button', { name: 'Next page' }).click();
    await results.getByText('page 2 (1 shown)').waitFor();
    await results.getByText('your own offer').waitFor();
    assert(await buyBtn.count() === 0, 'page 2 shows the offer of page 1 again');
    assert(await brand.getByRole('button', { name: 'Next page' }).isDisabled(), 'the last page offers a next page');
    await brand.getByRole('button', { name: 'Previous page' }).click();
    await buyBtn.waitFor();
    // Filters: a highest price under the owner's leaves the brand's offer.
    await brand.getByLabel('Offers per page').fill('20');
    await brand.getByLabel('Highest price (ETH)').fill('0.008');
    await apply.click();
    await results.getByText('page 1 (1 shown)').waitFor();
    await results.getByText('your own offer').waitFor();
    assert(await buyBtn.count() === 0, 'the owner\'s 0.01 ETH offer passes a 0.008 ETH highest price');
    // Bad filters are shown inline and change nothing.
    await brand.getByLabel('Lowest price (ETH)').fill('lots');
    await brand.getByLabel('Owner account').fill('0x12');
    await apply.click();
    await brand.locator('main').getByText('"lots" is not an amount of ether').waitFor();
    await brand.locator('main').getByText('"0x12" is not an account address').waitFor();
    await checkA11y(brand, 'market-bad-filters');
    await shot(brand, '09b-brand-market-filters');
    await brand.getByRole('button', { name: 'Clear filters' }).click();
    await buyBtn.waitFor();
    // Descriptions: the brand's offer shows its title and category; the
    // owner's is not described; a category filter keeps the described one.
    await results.getByText('Survey panel answers', { exact: true }).waitFor();
    await results.getByText('not described', { exact: true }).waitFor();
    await brand.getByLabel('Category').selectOption('media');
    await apply.click();
    await results.getByText('page 1 (1 shown)').waitFor();
    await results.getByText('Survey panel answers', { exact: true }).waitFor();
    assert(await buyBtn.count() === 0, 'an undescribed offer passes a category filter');
    await brand.getByLabel('Title words').fill('PANEL survey');
    await apply.click();
    await results.getByText('page 1 (1 shown)').waitFor();
    await brand.getByLabel('Title words').fill('groceries');
    await apply.click();
    await results.getByText('No open offer matches these filters.').waitFor();
    await brand.getByRole('button', { name: 'Clear filters' }).click();
    await buyBtn.waitFor();
    log({ step: 'market: paged one offer at a time, filtered by price, bad filters shown inline, by category and title words' });
    await buyBtn.click();
    await brand.getByRole('dialog').getByText('Pay 0.01 ETH into escrow').waitFor();
    await shot(brand, '10-brand-buy-confirm', false);
    await brand.getByRole('dialog').getByRole('button', { name: 'Pay 0.01 ETH' }).click();
    await brand.locator('main').getByText('Paid 0.01 ETH into escrow').waitFor({ timeout: 30000 });
    log({ step: 'brand bought' });

    // ---- Owner: the grant appears; earnings ----
    await go(owner, '#/grants');
    const grantRow = owner.locator('tr', { hasText: 'loyalty analytics' }).filter({ has: owner.getByRole('button', { name: `Revoke ${cfg.brand.address} on purchases` }) });
    await until('the purchase grant on the owner\'s page', async () => {
      await refresh(owner);
      return (await grantRow.count()) > 0;
    }, 40000, 1000);
    const countdownText = await grantRow.locator('.countdown').textContent();
    assert(/^29d 23h \d+m left$|^30d 0h 0m left$/.test(countdownText), `the grant's countdown reads ${countdownText}`);
    await checkA11y(owner, 'grants');
    await shot(owner, '11-owner-grants');
    log({ step: 'grant shown on the owner page', countdown: countdownText });
    await go(owner, '#/earnings');
    await owner.locator('#earned-total').getByText('0.01 ETH').waitFor();
    assert(await owner.locator('svg.chart circle.dot').count() === 1, 'the earnings chart has no point for the sale');
    await owner.locator('main').getByText('granted', { exact: true }).first().waitFor();
    await owner.getByRole('button', { name: 'Withdraw to my wallet' }).click();
    // The price vests over the grant's 30 days: what moves now is the
    // part vested since the grant, a sliver of the 0.01 ETH.
    await owner.locator('#flash').getByText(/^Moved .+ to your wallet\.$/).waitFor({ timeout: 30000 });
    await owner.locator('main').getByRole('heading', { name: 'Payouts (1)' }).waitFor();
    await checkA11y(owner, 'earnings');
    await shot(owner, '12-owner-earnings');

    // ---- Brand: download, bytes match ----
    await go(brand, '#/purchases');
    const getBtn = brand.getByRole('button', { name: `Download dataset-${ds[0].id}-v1.bin` });
    await until('the grant on the brand\'s page', async () => {
      await refresh(brand);
      return (await getBtn.count()) > 0;
    }, 20000);
    await checkA11y(brand, 'purchases');
    const saved = path.join(cfg.artifacts, 'downloaded.bin');
    // The proxies learn of the grant by following the chain: a first
    // try may be refused as not granted yet.
    await until('a download the proxies allow', async () => {
      const waiting = brand.waitForEvent('download', { timeout: 15000 });
      await getBtn.click();
      const result = brand.locator('.get-result').first();
      await brand.waitForFunction(() => {
        const r = document.querySelector('.get-result');
        return r && r.textContent.trim() !== '';
      });
      if (/Refused|Failed/.test(await result.textContent())) {
        waiting.catch(() => {});
        return false;
      }
      const dl = await waiting;
      await dl.saveAs(saved);
      return true;
    }, 30000, 1000);
    const shown = (await brand.locator('.sha256').first().textContent()).trim();
    assert(shown === cfg.sha256, `the page shows SHA-256 ${shown}, the file put has ${cfg.sha256}`);
    await brand.locator('.get-result progress, .get progress').first().evaluate((p) => p.value === p.max).then((ok) => assert(ok, 'the download progress did not reach the end'));
    await shot(brand, '13-brand-downloaded');
    log({ step: 'brand downloaded', sha256: shown });

    // ---- Owner revokes; the brand is refused with the reason ----
    await go(owner, '#/data/purchases');
    await owner.getByRole('button', { name: `Revoke ${cfg.brand.address} on purchases` }).click();
    await owner.locator('#flash').getByText('the proxies refuse from the next block').waitFor({ timeout: 30000 });
    await shot(owner, '14-owner-revoked');
    log({ step: 'owner revoked' });

    await go(brand, '#/purchases');
    const reason = await until('a refusal naming the revocation', async () => {
      await refresh(brand);
      const btn = brand.getByRole('button', { name: `Download dataset-${ds[0].id}-v1.bin` });
      await btn.click();
      await brand.waitForFunction(() => {
        const r = document.querySelector('.get-result');
        return r && r.textContent.trim() !== '';
      });
      const text = await brand.locator('.get-result').first().textContent();
      return /Refused:.*revoked/i.test(text) ? text : false;
    }, 30000, 1000);
    await brand.locator('#refusals .refusal-reason', { hasText: /revoked/i }).first().waitFor();
    await shot(brand, '15-brand-refused');
    log({ step: 'brand refused', reason });

    // ---- Owner: the access log shows the read ----
    await go(owner, '#/access');
    const readRow = owner.locator('tr', { hasText: 'loyalty analytics' }).filter({ hasText: 'purchases' }).filter({ hasText: cfg.brand.address.slice(0, 8) });
    await until('the read in the access log', async () => {
      await refresh(owner);
      return (await readRow.count()) > 0;
    }, 20000);
    await checkA11y(owner, 'access log');
    await shot(owner, '16-owner-access-log');
    log({ step: 'access log shows the read' });

    // ---- Grant by hand, then Revoke all for this brand ----
    await go(owner, '#/data/purchases');
    await owner.getByLabel('Brand address', { exact: true }).fill(cfg.brand.address);
    await owner.getByLabel('Purpose', { exact: true }).fill('support calls');
    await owner.getByLabel('Expires', { exact: true }).fill('2d');
    await owner.getByRole('button', { name: 'Grant', exact: true }).click();
    await owner.locator('#flash').getByText(/^Granted 0x/).waitFor({ timeout: 30000 });
    // A plain purpose is shown as legacy; the same grant under a usage
    // policy shows the policy in plain words. A malformed document is
    // refused on the form, saying where, and changes nothing.
    await go(owner, '#/grants');
    await owner.locator('main').getByText('legacy', { exact: true }).first().waitFor();
    await go(owner, '#/data/purchases');
    const grantForm = owner.locator('form:has(#grant-h)');
    await grantForm.getByLabel('Brand address', { exact: true }).fill(cfg.brand.address);
    await grantForm.getByLabel('Usage policy').selectOption('analytics-only');
    await grantForm.getByText('Purposes: research and development and service optimisation.').waitFor();
    await grantForm.getByLabel('Usage policy').selectOption('custom');
    const beforePolicy = await stateOf('owner');
    await grantForm.getByLabel('Policy document').fill('{"@type":"Set","profile":"urn:pdx:odrl-profile:v1","permission":[{"action":"use","assignee":"me"}]}');
    await grantForm.getByLabel('Expires', { exact: true }).fill('2d');
    await grantForm.getByRole('button', { name: 'Grant', exact: true }).click();
    await grantForm.locator('.form-error').getByText(/Not granted: .*"assignee" is not part of the pdx policy profile/).waitFor();
    assert((await stateOf('owner')) === beforePolicy, 'a malformed policy changed the owner\'s datasets or journal');
    await grantForm.getByLabel('Usage policy').selectOption('analytics-only');
    await grantForm.getByRole('button', { name: 'Grant', exact: true }).click();
    await owner.locator('#flash').getByText(/^Granted 0x/).waitFor({ timeout: 30000 });
    await go(owner, '#/grants');
    await owner.locator('main').getByText('Prohibited: share with third parties and resell.').first().waitFor();
    await owner.locator('main').getByText('— of no limit').first().waitFor();
    await checkA11y(owner, 'grants with a usage policy');
    await shot(owner, '16b-owner-grant-policy');
    log({ step: 'a plain purpose shown as legacy; a malformed policy refused inline; a grant under analytics-only shown in plain words' });
    await owner.getByRole('button', { name: `Revoke all grants of ${cfg.brand.address}` }).first().click();
    await owner.locator('#flash').getByText(/^Revoked 0x\S+ on purchases\./).waitFor({ timeout: 30000 });
    await owner.locator('main').getByRole('heading', { name: 'Active grants (0)' }).waitFor();
    log({ step: 'granted by hand, then revoked all for the brand' });

    // ---- Erase: the confirm names the consequences; cancel changes nothing ----
    await go(owner, '#/data/purchases');
    const before4 = await stateOf('owner');
    await owner.getByRole('button', { name: 'Erase purchases…' }).click();
    const dlg = owner.getByRole('dialog', { name: 'Erase purchases?' });
    await dlg.getByText('destroys its key in your home').waitFor();
    await dlg.getByText('closes its market offer').waitFor();
    assert(await dlg.getByRole('button', { name: 'Erase purchases for good' }).isDisabled(), 'erase is possible without typing the name');
    await dlg.getByLabel('Type purchases to confirm').fill('purchase');
    assert(await dlg.getByRole('button', { name: 'Erase purchases for good' }).isDisabled(), 'erase is possible with the wrong name typed');
    await shot(owner, '17-owner-erase-confirm', false);
    await owner.keyboard.press('Escape');
    await dlg.waitFor({ state: 'detached' });
    assert((await stateOf('owner')) === before4, 'a cancelled erase changed something');
    log({ step: 'erase confirm names the consequences; cancel changes nothing' });

    // ---- Visibility: the switch warns first and needs a ticked box ----
    await owner.locator('main').getByText('This dataset is private.').waitFor();
    await owner.getByRole('button', { name: 'Make purchases public…' }).click();
    const pub = owner.getByRole('dialog', { name: 'Make purchases public?' });
    await pub.getByText('Copies taken while it is public cannot be recalled').waitFor();
    assert(await pub.getByRole('button', { name: 'Publish' }).isDisabled(), 'publish is possible without acknowledging the warning');
    await pub.getByLabel('I understand that copies cannot be recalled').check();
    assert(!(await pub.getByRole('button', { name: 'Publish' }).isDisabled()), 'publish stays disabled after the acknowledgement');
    await owner.keyboard.press('Escape');
    await pub.waitFor({ state: 'detached' });
    assert((await stateOf('owner')) === before4, 'a cancelled publish changed something');
    log({ step: 'visibility switch warns that copies cannot be recalled; cancel changes nothing' });

    // ---- Rotate, export ----
    await owner.getByRole('button', { name: 'Rotate key' }).click();
    await owner.locator('#flash').getByText(/Rotated purchases to key epoch \d+; re-granted 0 brand/).waitFor({ timeout: 30000 });
    await go(owner, '#/data');
    const exporting = owner.waitForEvent('download', { timeout: 30000 });
    await owner.getByRole('button', { name: 'Export' }).click();
    const exported = await exporting;
    const tarFile = path.join(cfg.artifacts, 'export.tar');
    await exported.saveAs(tarFile);
    const tar = fs.readFileSync(tarFile);
    const names = [];
    for (let off = 0; off + 512 <= tar.length && tar[off] !== 0; ) {
      names.push(tar.subarray(off, off + 100).toString('utf8').replace(/\0.*$/s, ''));
      const size = parseInt(tar.subarray(off + 124, off + 136).toString('utf8').replace(/\0.*$/s, '').trim(), 8);
      off += 512 + Math.ceil(size / 512) * 512;
    }
    assert(names.includes('manifest.json') && names.includes('data.car'), `the export holds ${JSON.stringify(names)}, want manifest.json and data.car`);
    await owner.locator('main').getByText(/Saved pdx-export-.*\.tar/).waitFor();
    await shot(owner, '18-owner-data-exported');
    log({ step: 'rotated and exported', tar: names });

    // ---- Field grants: the grant form's fields, who reads which, change fields; the brand's view ----
    const profile = { name: 'Ana Martin', email: 'ana@example.org', age: 34, city: 'Lyon' };
    await api('owner', 'POST', '/v1/datasets/profile/versions?create=true&fields=json', profile);
    await go(owner, '#/data/profile');
    const fieldForm = owner.locator('form:has(#grant-h)');
    await fieldForm.getByRole('group', { name: 'Fields (optional)' }).waitFor();
    for (const f of ['name', 'email', 'age', 'city']) {
      assert(!(await fieldForm.getByLabel(f, { exact: true }).isChecked()), `the grant form ticks ${f} by itself`);
    }
    await fieldForm.getByLabel('Brand address', { exact: true }).fill(cfg.brand.address);
    await fieldForm.getByLabel('Purpose', { exact: true }).fill('age and city research');
    await fieldForm.getByLabel('Expires', { exact: true }).fill('2d');
    await fieldForm.getByLabel('age', { exact: true }).check();
    await fieldForm.getByLabel('city', { exact: true }).check();
    await fieldForm.getByRole('button', { name: 'Grant', exact: true }).click();
    await owner.locator('#flash').getByText(/the fields age, city only/).waitFor({ timeout: 30000 });
    const cell = (verb, f) => owner.locator(`[aria-label="${cfg.brand.address} ${verb} ${f}"]`);
    await cell('reads', 'city').waitFor();
    for (const [verb, f] of [['reads', 'age'], ['cannot read', 'name'], ['cannot read', 'email']]) {
      assert(await cell(verb, f).count() === 1, `the field matrix does not say the brand ${verb} ${f}`);
    }
    let pg = (await api('owner', 'GET', '/v1/datasets/profile/grants')).grants;
    assert(JSON.stringify(pg[0].fields) === '["age","city"]' && pg[0].active, `after the field grant: ${JSON.stringify(pg[0])}`);
    await checkA11y(owner, 'dataset page with fields');
    await shot(owner, '18b-owner-field-grant');
    log({ step: 'a field grant of age and city from the grant form; the matrix shows who reads which' });

    // Remove city: a dialog of the grant's fields; the grant keeps its purpose and expiry.
    await owner.getByRole('button', { name: `Change the fields of ${cfg.brand.address} on profile` }).click();
    const fd = owner.getByRole('dialog');
    assert(await fd.getByLabel('city', { exact: true }).isChecked() && !(await fd.getByLabel('name', { exact: true }).isChecked()), 'the change dialog does not start from the grant\'s fields');
    await fd.getByLabel('city', { exact: true }).uncheck();
    await shot(owner, '18c-owner-change-fields', false);
    await fd.getByRole('button', { name: 'Change fields' }).click();
    await owner.locator('#flash').getByText(/now reads age of profile/).waitFor({ timeout: 30000 });
    await cell('cannot read', 'city').waitFor();
    pg = (await api('owner', 'GET', '/v1/datasets/profile/grants')).grants;
    assert(JSON.stringify(pg[0].fields) === '["age"]' && pg[0].active && pg[0].purpose === 'age and city research' && pg[0].expires === pg[1].expires,
      `after removing city: ${JSON.stringify(pg.slice(0, 2))}`);
    log({ step: 'removed city from the live grant: same purpose and expiry, the matrix updated' });

    await go(brand, '#/purchases');
    await until('the brand\'s field grant on its page', async () => {
      await refresh(brand);
      return (await brand.locator('.grant-fields', { hasText: 'Fields you can read: age (' }).count()) > 0;
    }, 20000);
    await checkA11y(brand, 'purchases with a field grant');
    await shot(brand, '18d-brand-field-grant');
    log({ step: 'the brand\'s page shows the fields it holds' });

    // ---- Campaigns: the brand funds one on its page (a missing policy is
    // refused inline first); the owner's agent refuses it by the default
    // rules and says so; the owner joins by hand; the brand closes it ----
    await go(brand, '#/my-campaigns');
    await brand.getByRole('button', { name: 'Create and fund' }).click();
    await brand.getByText('Choose the usage policy that says what the data may be used for.').waitFor();
    await brand.getByLabel('Usage policy').selectOption('analytics-only');
    await brand.getByLabel('Price per person (ETH)').fill('0.000001');
    await brand.getByLabel('Duration of each grant').fill('30d');
    await brand.getByLabel('Places').fill('2');
    await brand.getByLabel('Deadline').fill('1d');
    await brand.getByLabel('Wanted category').selectOption('purchases');
    await brand.getByRole('button', { name: 'Create and fund' }).click();
    await brand.locator('#campaign-notice', { hasText: /Campaign \d+ is open: 2 places/ }).waitFor();
    await until('the brand\'s campaign listed', async () => {
      await refresh(brand);
      return (await brand.getByRole('button', { name: 'Close and refund' }).count()) > 0;
    }, 20000);
    await checkA11y(brand, 'my campaigns');
    await shot(brand, '18e-brand-campaigns');
    await go(owner, '#/campaigns');
    await until('the owner\'s agent decided the campaign', async () => {
      await refresh(owner);
      return (await owner.locator('.decision-refused', { hasText: 'auto_join is off' }).count()) > 0;
    }, 30000);
    await checkA11y(owner, 'campaigns');
    await shot(owner, '18f-owner-campaigns');
    const joins = owner.locator('button[data-dataset]');
    assert((await joins.count()) > 0, 'no Join button on the owner\'s campaigns page');
    await joins.first().click();
    await until('the join by hand answered', async () =>
      (await owner.locator('#campaign-notice', { hasText: 'Joined campaign' }).count()) > 0
      || (await owner.locator('p[id^="join-out-"]', { hasText: 'Not joined:' }).count()) > 0, 30000);
    await go(brand, '#/my-campaigns');
    await brand.getByRole('button', { name: 'Close and refund' }).first().click();
    await brand.locator('#campaign-notice', { hasText: /Closed campaign \d+: / }).waitFor();
    log({ step: 'campaigns: created with wants, refused by the owner\'s default rules with the reason, joined by hand, closed' });

    // ---- Phone width ----
    await brand.setViewportSize({ width: 390, height: 844 });
    await shot(brand, '19-brand-purchases-phone');
    await owner.setViewportSize({ width: 390, height: 844 });
    await go(owner, '#/grants');
    await shot(owner, '20-owner-grants-phone');
    const overflow = await owner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `the owner's page is ${overflow}px wider than a phone`);

    assert(consoleErrors.length === 0, `errors in the browser console: ${consoleErrors.join('; ')}`);
    log({ ok: true, screenshots: shots, downloaded: saved });
  } catch (err) {
    for (const [who, page] of Object.entries(cfg ? pages : {})) {
      try {
        await page.screenshot({ path: path.join(cfg.artifacts, `failure-${who}.png`), fullPage: true });
      } catch {
        // the page may be gone
      }
    }
    process.stderr.write(`dashboard e2e failed: ${err.stack || err}\nbrowser console: ${consoleErrors.join('; ') || 'clean'}\n`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main();
