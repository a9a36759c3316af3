/**
 * `tsx bench/compare-runs.ts QUICK.json FULL.json`: whether a quick run's ratios (issue 16's targets,
 * `summary.ratios` of each results file) agree with a full run's within 25 %. Prints a Markdown table;
 * exits 1 when a ratio both runs measured disagrees, or one the quick run measured is missing from the
 * full run. A ratio only the full run measures (the largest sizes) is listed, not counted.
 */
import fs from 'node:fs';

const [quickFile, fullFile] = process.argv.slice(2);
if (!quickFile || !fullFile) throw new Error('usage: tsx bench/compare-runs.ts QUICK.json FULL.json');
const ratiosOf = (file: string): Record<string, number | null> => (JSON.parse(fs.readFileSync(file, 'utf8')) as { summary: { ratios?: Record<string, number | null> } }).summary.ratios ?? {};
const quick = ratiosOf(quickFile);
const full = ratiosOf(fullFile);
let agree = true;
console.log('| ratio | quick | full | quick / full | within 25 % |\n|---|---:|---:|---:|---|');
for (const key of [...new Set([...Object.keys(full), ...Object.keys(quick)])]) {
  const q = quick[key] ?? null;
  const f = full[key] ?? null;
  const r = q !== null && f !== null && f !== 0 ? q / f : null;
  const fullOnly = !(key in quick) && f !== null;
  const ok = r !== null && Math.abs(r - 1) <= 0.25;
  if (!fullOnly) agree &&= ok;
  console.log(`| ${key} | ${q ?? '–'} | ${f ?? '–'} | ${r === null ? '–' : r.toFixed(2)} | ${fullOnly ? 'full run only' : ok ? 'yes' : '**no**'} |`);
}
process.exitCode = agree ? 0 : 1;
