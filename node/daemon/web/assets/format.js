// Pure helpers of the pdx dashboard: parsing what people type into forms
// and formatting what the daemon answers. Nothing here touches the DOM or
// the network, so node runs the same module in the unit test.

// The daemon's dataset names (docs/api.md): 1 to 128 of A-Z a-z 0-9 . _ -,
// starting with a letter or digit.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const WEI_PER_ETH = 10n ** 18n;

export function validName(s) {
  return NAME.test(s);
}

// validAddress accepts what the daemon accepts: 0x and 40 hex digits, not
// the zero address.
export function validAddress(s) {
  return ADDRESS.test(s) && !/^0x0{40}$/.test(s);
}

// parseDuration reads the daemon's durations ("30d", "1d12h", "90m",
// "45s") into seconds; null when it does not parse or is not positive.
export function parseDuration(s) {
  const m = /^\s*(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?\s*$/.exec(s || '');
  if (!m || (m[1] ?? m[2] ?? m[3] ?? m[4]) === undefined) return null;
  const secs = Number(m[1] || 0) * 86400 + Number(m[2] || 0) * 3600 + Number(m[3] || 0) * 60 + Number(m[4] || 0);
  return secs > 0 && Number.isSafeInteger(secs) ? secs : null;
}

// parseExpiry reads a grant's expiry as a person types it: a duration from
// now ("30d") or a date and time ("2027-01-31", "2027-01-31T12:00",
// RFC 3339). It returns {value} to send (a duration as typed, a time in
// RFC 3339) or {error} saying what is wrong.
export function parseExpiry(s, now = new Date()) {
  const t = (s || '').trim();
  if (t === '') return { error: 'Say until when: a duration such as 30d, or a date such as 2027-01-31.' };
  if (t.startsWith('-')) return { error: `"${t}" is negative: give a date in the future or a positive duration such as 30d.` };
  if (/^\d/.test(t) && /[dhms]$/.test(t)) {
    if (parseDuration(t) === null) return { error: `"${t}" is not a duration: write e.g. 30d, 1d12h or 90m.` };
    return { value: t };
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return { error: `"${t}" is neither a duration (30d) nor a date (2027-01-31).` };
  const when = new Date(/T/.test(t) ? t : t + 'T00:00');
  if (Number.isNaN(when.getTime())) return { error: `"${t}" is not a date: write e.g. 2027-01-31 or 2027-01-31T12:00.` };
  if (when.getTime() <= now.getTime()) return { error: `${when.toLocaleString()} is in the past: a grant must end in the future.` };
  return { value: when.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

// parseEth turns a decimal amount of ether ("0.01") into wei as a decimal
// string, exactly (BigInt, no floating point); null when it does not parse.
export function parseEth(s) {
  const m = /^\s*(\d*)(?:\.(\d*))?\s*$/.exec(s || '');
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const frac = m[2] ?? '';
  if (frac.length > 18) return null;
  const wei = BigInt(m[1] || '0') * WEI_PER_ETH + BigInt((frac + '0'.repeat(18)).slice(0, 18));
  return wei.toString();
}

// formatWei shows wei as ether with every significant decimal.
export function formatWei(wei) {
  let v;
  try {
    v = BigInt(wei || '0');
  } catch {
    return String(wei);
  }
  const neg = v < 0n;
  if (neg) v = -v;
  const whole = v / WEI_PER_ETH;
  const frac = (v % WEI_PER_ETH).toString().padStart(18, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? '.' + frac : ''} ETH`;
}

// weiToEth is a float for drawing only (never for sums shown as text).
export function weiToEth(wei) {
  try {
    return Number(BigInt(wei || '0')) / 1e18;
  } catch {
    return 0;
  }
}

export function formatBytes(n) {
  if (!Number.isFinite(n) || n < 0) return '—';
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

// countdown says how long until ms (a Date's time) from now, or that it
// has passed.
export function countdown(ms, now = Date.now()) {
  let left = Math.floor((ms - now) / 1000);
  if (!Number.isFinite(left)) return '—';
  if (left <= 0) return 'expired';
  const d = Math.floor(left / 86400);
  left %= 86400;
  const h = Math.floor(left / 3600);
  left %= 3600;
  const m = Math.floor(left / 60);
  const s = left % 60;
  if (d > 0) return `${d}d ${h}h ${m}m left`;
  if (h > 0) return `${h}h ${m}m ${s}s left`;
  return `${m}m ${s}s left`;
}

// cut shortens text an owner published (an offer's terms, up to 16 KiB)
// to max characters with an ellipsis, so a long text cannot swamp a page.
export function cut(s, max) {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : s;
}

export function shortHex(s, keep = 6) {
  if (typeof s !== 'string' || s.length <= keep * 2 + 3) return s || '';
  return `${s.slice(0, keep + 2)}…${s.slice(-keep)}`;
}

export function formatTime(s) {
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

// earnings turns journal entries into the points of the earnings chart:
// every purchase the owner's node granted adds its amount, at its time.
export function earnings(entries) {
  const points = [];
  let total = 0n;
  for (const e of entries || []) {
    if (e.kind !== 'purchase' || e.granted !== true || !e.amount_wei) continue;
    let amount;
    try {
      amount = BigInt(e.amount_wei);
    } catch {
      continue;
    }
    total += amount;
    points.push({ time: new Date(e.time).getTime(), amount: amount.toString(), total: total.toString() });
  }
  return { points, total: total.toString() };
}
