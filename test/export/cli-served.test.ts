import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import pino from 'pino';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool, run } from './tools';
import { bracket } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { propose } from '../../shared/model/proposal-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { flatText } from '../../shared/text/rich-text';
import { startServer, type RunningServer } from '../../sync-server';
import { penholder } from '../../testing/penholder-cli';

const root = resolve(__dirname, '../..');
const seed = resolve(root, '../shared/seeds/000_bf30f40679ec065d.txt');
const PAGES = 'test-results/export-pages';

interface Client {
  doc: Y.Doc;
  synced: Promise<void>;
  destroy(): void;
}

/** The stock y-websocket client on one document, with an invitation token. */
function connectClient(wsUrl: string, name: string, token: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, name, doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true });
  const synced = new Promise<void>((resolve) => provider.once('sync', (s: boolean) => s && resolve()));
  return { doc, synced, destroy: () => (provider.destroy(), provider.awareness.destroy(), doc.destroy()) };
}

/** Polls a condition until it holds, or fails naming what was awaited. */
async function waitFor(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const tools = hasTool('soffice') && hasTool('pdftoppm') && hasTool('chromium');

/**
 * A negotiation created with `penholder negotiation create --data`, negotiated through a running server by
 * stock y-websocket clients, exported by `penholder clean|compile --data DIR --negotiation ID` while the
 * server keeps running.
 */
describe.runIf(tools)('penholder clean and compile on a negotiation a server holds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-served-'));
  const data = join(dir, 'data');
  let id: string;
  let server: RunningServer;
  const clients: Client[] = [];

  beforeAll(async () => {
    const created = await penholder('negotiation', 'create', '--data', data, '--from', seed, '--json');
    expect(created.stderr).toBe('');
    const { id: negotiationId, invitations } = JSON.parse(created.stdout) as { id: string; invitations: { token: string }[] };
    id = negotiationId;
    const mexico = JSON.parse((await penholder('invite', '--data', data, '--negotiation', id, '--delegation', 'Mexique', '--json')).stdout) as { token: string };
    server = await startServer({ dataDir: data, port: 0, logger: pino({ level: 'silent' }) });
    const table = connectClient(server.wsUrl, `${id}/table`, invitations[0]!.token);
    const own = connectClient(server.wsUrl, `${id}/delegation/mexique`, mexico.token);
    clients.push(table, own);
    await Promise.all([table.synced, own.synced]);
    const asCofac = new Negotiation(id, table.doc);
    const cofac = { role: 'cofacilitator' as const, delegationId: null };
    issueRevision(asCofac, cofac, null, '2021-03-01T10:00:00Z');
    const [first, second] = asCofac.table.paragraphs();
    const words = flatText(first!.text);
    bracket(asCofac, cofac, first!.id, words.indexOf(' ') + 1, words.indexOf(' ', words.indexOf(' ') + 1));
    const asMexico = new Negotiation(id, table.doc);
    asMexico.attach({ kind: 'delegation', delegationId: 'mexique' }, own.doc);
    propose(asMexico, { role: 'delegation', delegationId: 'mexique' }, { kind: 'delete-paragraph', paragraphId: second!.id, rationale: 'redondant' });
    // The server echoes only what it has stored: once another client sees both changes, the store holds them.
    const watcher = connectClient(server.wsUrl, `${id}/delegation/mexique`, mexico.token);
    const watchTable = connectClient(server.wsUrl, `${id}/table`, mexico.token);
    clients.push(watcher, watchTable);
    const firstWords = (): string => {
      const p = new Negotiation(id, watchTable.doc).table.paragraphs()[0];
      return p ? flatText(p.text) : '';
    };
    await waitFor(() => watcher.doc.getMap('proposals').size === 1 && firstWords().includes('['), 'the proposal and the brackets to be stored', 30_000);
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the clean text while bracketed and open, listing why; prints the draft and the compilation', async () => {
    const refused = await penholder('clean', '--data', data, '--negotiation', id);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('PP1: 1 crochet\n');
    expect(refused.stderr).toContain('PP2: proposition ouverte de Mexique');
    const draft = await penholder('clean', '--data', data, '--negotiation', id, '--draft');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/\[PP1\] \S+ \[/);
    const compiled = await penholder('compile', '--data', data, '--negotiation', id);
    expect(compiled.stdout).toContain('justification: redondant; décision: ouverte');
  }, 120_000);

  it('writes the draft, the redline against Rev. 0 and the compilation as DOCX and PDF, which LibreOffice and pdftoppm open', async () => {
    const out = (name: string) => join(dir, name);
    const results = await Promise.all([
      penholder('clean', '--data', data, '--negotiation', id, '--draft', '--format', 'docx', '--out', out('draft.docx')),
      penholder('clean', '--data', data, '--negotiation', id, '--base', '0', '--format', 'docx', '--out', out('redline.docx')),
      penholder('compile', '--data', data, '--negotiation', id, '--format', 'docx', '--out', out('compilation.docx'), '--language', 'en'),
      penholder('clean', '--data', data, '--negotiation', id, '--draft', '--format', 'pdf', '--out', out('draft-chromium.pdf')),
    ]);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0, stderr: expect.stringMatching(/^wrote .* \(\d+ bytes\)\n$/) });
    const redline = strFromU8(unzipSync(readFileSync(out('redline.docx')))['word/document.xml']!);
    expect(redline).toMatch(/<w:ins [^>]*w:author="Cofacilitateurs"/);
    run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, out('draft.docx'), out('redline.docx'), out('compilation.docx')], { timeout: 180_000 });
    mkdirSync(PAGES, { recursive: true });
    for (const name of ['draft', 'redline', 'compilation']) run('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', out(`${name}.pdf`), join(PAGES, `served-${name}-docx`)]);
    run('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', out('draft-chromium.pdf'), join(PAGES, 'served-draft-pdf')]);
    expect(run('pdftotext', [out('compilation.pdf'), '-'])).toContain('Compilation text');
    // Renegotiated, the adopted resolution's text is a draft: it no longer carries A/RES/75/283.
    const printed = run('pdftotext', [out('draft-chromium.pdf'), '-']);
    expect(printed).toContain('Assemblée générale');
    expect(printed).not.toContain('A/RES/75/283');
  }, 240_000);

  it('names the problem: no such negotiation, a missing id, a file and --data together', async () => {
    const missing = await penholder('clean', '--data', data, '--negotiation', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`there is no negotiation "nope" in the data directory ${data}`);
    const noId = await penholder('compile', '--data', data);
    expect(noId).toMatchObject({ code: 2, stderr: expect.stringContaining('--negotiation ID is required') });
    const both = await penholder('clean', seed, '--data', data, '--negotiation', id);
    expect(both.code).toBe(2);
  }, 120_000);
});
