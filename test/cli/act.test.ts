import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStatus } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { flatText } from '../../shared/text/rich-text';
import { openDataDir, startServer, type RunningServer } from '../../sync-server';
import { DocumentLink, LinkRefused } from '../../cli/act/document-link';
import { penholder } from '../../testing/penholder-cli';

const root = resolve(__dirname, '../..');
const seed = resolve(root, '../shared/seeds/000_bf30f40679ec065d.txt');

const json = <T>(out: { code: number; stdout: string; stderr: string }): T => {
  expect(out.stderr, 'no error').toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as T;
};

interface Shown {
  paragraphs: { id: string; label: string; status: string; text: string; brackets: number }[];
  proposals: { id: string; paragraph: string; author: string; quote: string | null; onBehalfOf: string | null; kind: string; state: string; positions: Record<string, string[]> }[];
  silence: { state: string; until: string | null };
}

describe('penholder act: the app\'s commands from a terminal, through the server\'s rights', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-act-'));
  let server: RunningServer;
  let negotiationId: string;
  const link: Record<'cofac' | 'mexico' | 'brazil', string> = { cofac: '', mexico: '', brazil: '' };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const created = json<{ id: string; invitations: { token: string }[] }>(await penholder('negotiation', 'create', '--data', dir, '--title', 'Modalities', '--from', seed, '--cofacilitators', 'Ireland,Qatar', '--json'));
    negotiationId = created.id;
    tokens.cofac = created.invitations[0]!.token;
    for (const name of ['Mexico', 'Brazil']) tokens[name.toLowerCase()] = json<{ token: string }>(await penholder('invite', '--data', dir, '--negotiation', negotiationId, '--delegation', name, '--json')).token;
    server = await startServer({ dataDir: dir, port: 0, logger: pino({ level: 'silent' }) });
    for (const who of ['cofac', 'mexico', 'brazil'] as const) link[who] = `${server.url}/join?token=${tokens[who]}`;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const show = async (): Promise<Shown> => json<Shown>(await penholder('act', '--link', link.cofac, '--json', 'show'));

  it('shows the text with labels, statuses and brackets', async () => {
    const shown = await show();
    expect(shown.paragraphs.map((p) => p.label)).toContain('OP5');
    expect(shown.paragraphs.find((p) => p.label === 'OP5')).toMatchObject({ status: 'open', brackets: 0 });
    expect(shown.proposals).toEqual([]);
    expect(shown.silence).toEqual({ state: 'none', until: null });
    const text = await penholder('act', '--link', link.mexico, 'show');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^OP5 +\[open\] Invite les États Membres/m);
  });

  it('proposes, takes positions and accepts; each change is stored when the command exits', async () => {
    const { id } = json<{ id: string }>(await penholder('act', '--link', link.mexico, '--json', 'propose', 'insert', '--paragraph', 'OP5', '--words', 'les États Membres', '--with', 'et les organisations régionales'));
    expect(id).toMatch(/^mexico\//);
    expect((await penholder('act', '--link', link.brazil, 'position', 'support', id)).code).toBe(0);
    let proposal = (await show()).proposals.find((p) => p.id === id)!;
    expect(proposal).toMatchObject({ paragraph: 'OP5', author: 'mexico', kind: 'insert', state: 'open', quote: 'les États Membres' });
    expect(proposal.positions.support).toEqual(['brazil']);

    expect((await penholder('act', '--link', link.cofac, 'decide', 'accept', id)).code).toBe(0);
    const shown = await show();
    proposal = shown.proposals.find((p) => p.id === id)!;
    expect(proposal.state).toBe('accepted');
    expect(shown.paragraphs.find((p) => p.label === 'OP5')!.text).toContain('Invite les États Membres et les organisations régionales et tous les observateurs');
  });

  it('proposes to bracket words, as its own kind of proposal', async () => {
    const { id } = json<{ id: string }>(await penholder('act', '--link', link.brazil, '--json', 'propose', 'bracket', '--paragraph', 'OP5', '--words', 'tous les observateurs'));
    expect((await show()).proposals.find((p) => p.id === id)).toMatchObject({ paragraph: 'OP5', author: 'brazil', kind: 'bracket', state: 'open', quote: 'tous les observateurs' });
    expect((await penholder('act', '--link', link.cofac, 'decide', 'not-retain', id)).code).toBe(0);
    expect((await show()).proposals.find((p) => p.id === id)!.state).toBe('not-retained');
  });

  it('brackets words, and the bracket is in the server\'s store once the command has exited', async () => {
    expect((await penholder('act', '--link', link.cofac, 'bracket', '--paragraph', 'OP5', '--words', 'au plus haut niveau possible')).code).toBe(0);
    // Read the store itself, beside the running server: what the command waited for is durable.
    const data = openDataDir(dir);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await data.store.load(`${negotiationId}/table`))!);
    await data.store.close();
    const op5 = new Negotiation(negotiationId, doc).table.paragraphs().find((p) => flatText(p.text).startsWith('Invite les États Membres'))!;
    expect(flatText(op5.text)).toContain('[au plus haut niveau possible]');
    expect((await show()).paragraphs.find((p) => p.label === 'OP5')!.brackets).toBe(1);
  });

  it('refuses what the invitation may not do with exit 3, the code and the message', async () => {
    const asCofac = await penholder('act', '--link', link.cofac, 'propose', 'delete', '--paragraph', 'OP5', '--words', 'tous');
    expect(asCofac.code).toBe(3);
    expect(asCofac.stderr).toContain('refused (not-allowed)');
    const statusByDelegation = await penholder('act', '--link', link.mexico, 'status', 'OP5', 'agreed');
    expect(statusByDelegation.code).toBe(3);
    expect(statusByDelegation.stderr).toContain('Only the co-facilitators');
    const unknown = await penholder('act', '--link', `${server.url}/join?token=ph_nobody`, 'show');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('not known here');
  });

  it('opens silence only on a clean text, or with its open items confirmed kept open; closing early withdraws it', async () => {
    const until = new Date(Date.now() + 72 * 3600_000).toISOString();
    const refused = await penholder('act', '--link', link.cofac, 'silence', 'open', '--until', until);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('refused (text-not-clean)');
    expect(refused.stderr).toContain('OP5');
    expect((await penholder('act', '--link', link.cofac, 'silence', 'open', '--until', until, '--keep-open')).code).toBe(0);
    expect((await show()).silence).toEqual({ state: 'open', until });
    const underSilence = await penholder('act', '--link', link.mexico, 'propose', 'delete', '--paragraph', 'OP6', '--words', 'des parlementaires,');
    expect(underSilence.code).toBe(3);
    expect(underSilence.stderr).toContain('refused (under-silence)');
    expect((await penholder('act', '--link', link.cofac, 'silence', 'close')).code).toBe(0);
    expect((await show()).silence.state).toBe('withdrawn');
  });

  it('says what is wrong with the command line with exit 2, and with the words quoted with exit 1', async () => {
    const [dance, noLink, noWith, twice, absent] = await Promise.all([
      penholder('act', '--link', link.mexico, 'dance'),
      penholder('act', 'show'),
      penholder('act', '--link', link.mexico, 'propose', 'replace', '--paragraph', 'OP5', '--words', 'tous'),
      penholder('act', '--link', link.mexico, 'propose', 'delete', '--paragraph', 'OP5', '--words', 'les'),
      penholder('act', '--link', link.mexico, 'propose', 'delete', '--paragraph', 'OP5', '--words', 'licornes'),
    ]);
    expect(dance.code).toBe(2);
    expect(noLink.code).toBe(2);
    expect(noWith.code).toBe(2);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('more than once');
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('does not contain');
  });

  it('reports a write the server refused as refused, never as done', async () => {
    // Mexico's invitation reads Brazil's document but may not write it.
    const other = await DocumentLink.open(server.wsUrl, `${negotiationId}/delegation/brazil`, tokens.mexico!);
    other.doc.getMap('proposals').set('forged', { id: 'forged' });
    const refused = await other.settle(20_000).catch((error: unknown) => error);
    other.close();
    expect(refused).toBeInstanceOf(LinkRefused);
    expect((refused as LinkRefused).code).toBe('permission-denied');
  });

  it('prints the decision log with who decided what, verifies its chain, and the server refuses an entry signed in another\'s name', async () => {
    const logged = json<{ entries: { kind: string; author: string; label: string | null; detail: string }[]; verified: { ok: boolean; entries: number } }>(await penholder('act', '--link', link.mexico, '--json', 'log', '--verify'));
    expect(logged.verified).toMatchObject({ ok: true, entries: logged.entries.length });
    expect(logged.entries.map((e) => e.kind)).toEqual(['accept', 'not-retain', 'bracket', 'silence-open', 'silence-close']);
    expect(logged.entries.every((e) => e.author === 'co-facilitator (Ireland)')).toBe(true);
    expect(logged.entries[4]!.detail).toBe('withdrawn');
    const text = await penholder('act', '--link', link.cofac, 'log', '--verify');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/co-facilitator \(Ireland\): bracket OP5 \(au plus haut niveau possible\)/);
    expect(text.stdout).toMatch(/verified: 5 entries, every link intact/);
    // A modified client of Ireland's signs a decision as Qatar: the server refuses it, and the log stays as it was.
    const table = await DocumentLink.open(server.wsUrl, `${negotiationId}/table`, tokens.cofac!);
    const n = new Negotiation(negotiationId, table.doc);
    setStatus(n, { role: 'cofacilitator', delegationId: null, name: 'co-facilitator (Qatar)' }, n.table.order()[0]!, { state: 'open' });
    const refused = await table.settle(20_000).catch((error: unknown) => error);
    table.close();
    expect((refused as LinkRefused).message).toMatch(/signed "co-facilitator \(Qatar\)".*\(unlogged\)/);
    expect(json<{ entries: unknown[] }>(await penholder('act', '--link', link.cofac, '--json', 'log')).entries).toHaveLength(5);
  });
});
