import type { BenchRecord } from './run-point';

const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '–' : x.toFixed(d));

/** The Markdown table of every record. */
export function markdownTable(records: BenchRecord[]): string {
  const rows = ['| scenario | server | N | writers | rate | p50 ms | p99 ms | p99.9 ms | frames/s | updates/s | server CPU % | RSS MB | valid | note |', '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|'];
  for (const r of records) rows.push(`| ${r.scenario} | ${r.server} | ${r.n} | ${r.writers} | ${r.rate} | ${f(r.p50, 2)} | ${f(r.p99, 2)} | ${f(r.p999, 2)} | ${f(r.framesPerSec, 0)} | ${f(r.updatesPerSec, 1)} | ${f(r.cpuPercent)} | ${f(r.rssMB)} | ${r.valid ? 'yes' : 'NO'} | ${r.note.replace(/\|/g, '/')} |`);
  return rows.join('\n');
}

/** An SVG chart of p99 latency against N in the fan-out scenario, one line per server. */
export function latencyChart(records: BenchRecord[]): string {
  const fan = records.filter((r) => r.scenario === '1-fan-out' && r.p99 !== null);
  const servers = [...new Set(fan.map((r) => r.server))];
  const ns = [...new Set(fan.map((r) => r.n))].sort((a, b) => a - b);
  const maxY = Math.max(10, ...fan.map((r) => r.p99!)) * 1.1;
  const W = 640, H = 360, L = 60, B = 40, T = 30, R = 180;
  const x = (n: number) => L + (ns.length <= 1 ? 0 : (ns.indexOf(n) / (ns.length - 1)) * (W - L - R));
  const y = (v: number) => H - B - (v / maxY) * (H - B - T);
  const colors = ['#c0392b', '#2471a3', '#229954', '#7d3c98', '#b9770e'];
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`, `<text x="${L}" y="18">p99 latency (ms) against N, scenario 1 (10 writers × 5 updates/s)</text>`];
  parts.push(`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="black"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="black"/>`);
  for (const n of ns) parts.push(`<text x="${x(n)}" y="${H - B + 16}" text-anchor="middle">${n}</text>`);
  for (let i = 0; i <= 4; i++) parts.push(`<text x="${L - 6}" y="${y((maxY * i) / 4) + 4}" text-anchor="end">${((maxY * i) / 4).toFixed(0)}</text>`);
  servers.forEach((s, i) => {
    const pts = fan.filter((r) => r.server === s).sort((a, b) => a.n - b.n);
    parts.push(`<polyline fill="none" stroke="${colors[i % colors.length]}" stroke-width="2" points="${pts.map((r) => `${x(r.n)},${y(r.p99!)}`).join(' ')}"/>`);
    for (const r of pts) parts.push(`<circle cx="${x(r.n)}" cy="${y(r.p99!)}" r="3" fill="${r.valid ? colors[i % colors.length] : 'white'}" stroke="${colors[i % colors.length]}"/>`);
    parts.push(`<text x="${W - R + 10}" y="${T + 16 * i + 10}" fill="${colors[i % colors.length]}">${s}</text>`);
  });
  parts.push(`<text x="${(W - R + L) / 2}" y="${H - 6}" text-anchor="middle">N (participants)</text></svg>`);
  return parts.join('\n');
}
