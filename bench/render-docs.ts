/**
 * `npx tsx bench/render-docs.ts [results.json]`: writes the generated section of docs/benchmarks.md again
 * from a results file (default bench-results/latest.json), e.g. after the renderer of the section
 * changed. It only formats figures the run measured.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generatedSection, writeDocs, type RunResult } from './docs';

const ROOT = path.resolve(import.meta.dirname, '..');
const file = process.argv[2] ?? path.join(ROOT, 'bench-results', 'latest.json');
const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<RunResult, 'knees'> & { summary: { knees?: RunResult['knees'] } };
const run: RunResult = { machine: json.machine, mode: json.mode, startedAt: json.startedAt, durationS: json.durationS, targets: json.targets, records: json.records, knees: json.summary.knees ?? {}, profiles: json.profiles ?? [] };
writeDocs(path.join(ROOT, 'docs', 'benchmarks.md'), generatedSection(run), '# Penholder benchmarks\n');
console.log(`docs/benchmarks.md: section written from ${file}`);
