// Runs the dashboard's pure helpers (assets/format.js) against the cases in
// format_cases.json; TestFormat runs it. Prints "ok <n> cases" or fails.
import { readFileSync } from 'node:fs';
import * as f from '../assets/format.js';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const now = new Date(cases.now);
let n = 0;
const failures = [];
const eq = (what, got, want) => {
  n++;
  if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
};

for (const [s, want] of cases.validName) eq(`validName(${s})`, f.validName(s), want);
for (const [s, want] of cases.validAddress) eq(`validAddress(${s})`, f.validAddress(s), want);
for (const [s, want] of cases.parseDuration) eq(`parseDuration(${s})`, f.parseDuration(s), want);
for (const [s, want] of cases.parseExpiry) {
  const got = f.parseExpiry(s, now);
  if (want.error) {
    n++;
    if (!got.error || !got.error.includes(want.error)) failures.push(`parseExpiry(${s}): got ${JSON.stringify(got)}, want an error with "${want.error}"`);
  } else eq(`parseExpiry(${s})`, got, want);
}
for (const [s, want] of cases.parseEth) eq(`parseEth(${s})`, f.parseEth(s), want);
for (const [s, want] of cases.formatWei) eq(`formatWei(${s})`, f.formatWei(s), want);
for (const [v, want] of cases.formatBytes) eq(`formatBytes(${v})`, f.formatBytes(v), want);
for (const [secs, want] of cases.countdown) eq(`countdown(+${secs}s)`, f.countdown(now.getTime() + secs * 1000, now.getTime()), want);
const e = f.earnings(cases.earnings.entries);
eq('earnings total', e.total, cases.earnings.total);
eq('earnings points', e.points.map((p) => p.total), cases.earnings.totals);

if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`ok ${n} cases`);
