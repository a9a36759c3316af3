import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitFor, type TestClient } from './harness';
import { as, cofac, sampleNegotiation } from '../model/fixture';
import { observable, randomStep } from '../model/random-step';
import { prng } from '../model/replica-network';
import type { Actor } from '../../shared/model/actor';
import { CommandRefused } from '../../shared/model/command-refused';
import { verifyLog } from '../../shared/model/decision-log';
import { Negotiation } from '../../shared/model/negotiation';
import { listProposals } from '../../shared/model/queries';
import { plainOf, textRuns } from '../../shared/text/y-rich-text';
import { openDataDir, startServer, type DataDir, type RunningServer } from '../../sync-server';

/*
 * The convergence property over the real sync server on port 0 and real websockets (the stock client):
 * replicas act, go offline and come back; a co-facilitator whose write the rules refused (a race with
 * silence or agreement) drops its copy of the table and syncs again, as the server asks. A forger sends
 * rule-breaking and forged updates all along: none is stored.
 */
const SCHEDULES = Number(process.env.PROPERTY_SERVER_SCHEDULES ?? 4);
const DELEGATIONS = ['mexico', 'canada', 'egypt'];
const FORGED = 'FORGED';

/** One participant's copy: a stock client per document it reads. */
class ServerReplica {
  negotiation!: Negotiation;
  private readonly clients = new Map<string, TestClient>();
  online = true;
  resets = 0;

  constructor(
    private readonly server: RunningServer,
    private readonly negotiationId: string,
    readonly actor: Actor,
    private readonly token: string,
  ) {
    this.open();
  }

  private paths(): string[] {
    const own = this.actor.role === 'delegation' ? [`private/${this.actor.delegationId}`] : [];
    return ['table', ...DELEGATIONS.map((d) => `delegation/${d}`), ...own];
  }

  private connect(p: string): TestClient {
    const c = connectClient(this.server.wsUrl, `${this.negotiationId}/${p}`, this.token);
    this.clients.set(p, c);
    if (!this.online) c.provider.disconnect();
    return c;
  }

  private open(): void {
    this.negotiation = new Negotiation(this.negotiationId, this.connect('table').doc);
    for (const p of this.paths().slice(1)) {
      const [kind, delegationId] = p.split('/') as ['delegation' | 'private', string];
      this.negotiation.attach({ kind, delegationId }, (this.clients.get(p) ?? this.connect(p)).doc);
    }
  }

  /** A refused write leaves this copy holding a change the server will never have: sync the table afresh. */
  resetIfRefused(): void {
    const table = this.clients.get('table')!;
    if (table.denied.length === 0) return;
    this.resets++;
    table.destroy();
    this.clients.delete('table');
    this.open();
  }

  setOnline(online: boolean): void {
    this.online = online;
    for (const c of this.clients.values()) {
      if (online) c.provider.connect();
      else c.provider.disconnect();
    }
  }

  synced(): boolean {
    return [...this.clients.values()].every((c) => c.provider.wsconnected && c.provider.synced);
  }

  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
  }
}

describe('replicas converge over the real sync server', () => {
  let dir: string;
  let data: DataDir;
  let server: RunningServer;
  const totals = { steps: 0, refusedCommands: 0, resets: 0, forgeries: 0, proposals: 0 };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-convergence-'));
    data = openDataDir(dir);
    server = await startServer({ dataDir: dir, port: 0, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await server.close();
    data.close();
  });

  async function runSchedule(seed: number): Promise<void> {
    const random = prng(seed);
    const pick = <T,>(list: T[]): T => list[Math.floor(random() * list.length)]!;
    const negotiationId = `s${seed}`;
    await data.store.appendUpdate(`${negotiationId}/table`, Y.encodeStateAsUpdate(sampleNegotiation().negotiation.table.doc));
    const token = async (actor: Actor): Promise<string> =>
      (await data.invitations.create({ negotiationId, role: actor.role, delegation: actor.delegationId ? { id: actor.delegationId, name: actor.delegationId } : null })).token;
    const replicas: ServerReplica[] = [];
    for (const actor of [cofac, cofac, ...DELEGATIONS.map((d) => as(d))]) replicas.push(new ServerReplica(server, negotiationId, actor, await token(actor)));
    const forgerToken = await token(cofac);
    const intruderToken = await token(as('mexico'));
    const created = new Map<string, string>();
    const forgeries: TestClient[] = [];
    try {
      await waitFor(() => replicas.every((r) => r.synced()), 'every replica to sync', 30_000);
      const steps = 12 + Math.floor(random() * 12);
      for (let step = 0; step < steps; step++) {
        const r = pick(replicas);
        const roll = random();
        try {
          if (roll < 0.1) r.setOnline(!r.online);
          else {
            const key = randomStep(r.negotiation, r.actor, random, step, roll);
            if (key) created.set(key, r.actor.delegationId!);
          }
        } catch (error) {
          if (!(error instanceof CommandRefused)) throw error;
          totals.refusedCommands++;
        }
        if (random() < 0.3) forgeries.push(await forge(server, negotiationId, random() < 0.8 ? forgerToken : intruderToken, random));
        // Let the network carry some of it, as a real one would, before the next step.
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20)));
        for (const x of replicas) x.resetIfRefused();
        totals.steps++;
      }
      for (const r of replicas) r.setOnline(true);
      await waitFor(() => forgeries.every((f) => f.denied.length > 0 || f.closes.length > 0), 'every forgery refused', 30_000);
      // Settled: every replica synced and all agree (refused writes reset the copies that made them).
      await waitFor(
        () => {
          for (const r of replicas) r.resetIfRefused();
          if (!replicas.every((r) => r.synced())) return false;
          const first = JSON.stringify(observable(replicas[0]!.negotiation));
          return replicas.every((r) => JSON.stringify(observable(r.negotiation)) === first);
        },
        'every replica to converge',
        60_000,
      );
      // A newcomer reads the same from the server, and nothing forged was stored.
      const reader = new ServerReplica(server, negotiationId, cofac, await token(cofac));
      try {
        await waitFor(() => reader.synced() && JSON.stringify(observable(reader.negotiation)) === JSON.stringify(observable(replicas[0]!.negotiation)), 'the server to hold what the replicas hold', 30_000);
        const stored = JSON.stringify([...reader.negotiation.documents().values()].map((d) => d.toJSON()));
        expect(stored).not.toContain(FORGED);
        for (const p of reader.negotiation.table.paragraphs()) if (p.status.state === 'agreed') expect(JSON.stringify(p.text)).not.toMatch(/\[/);
        expect(verifyLog(reader.negotiation.table).problems).toEqual([]);
      } finally {
        reader.destroy();
      }
      const seen = new Map(listProposals(replicas[0]!.negotiation).map((v) => [v.key, v.proposal.author]));
      for (const [key, author] of created) expect(seen.get(key), `proposal ${key}`).toBe(author);
      totals.proposals += created.size;
      totals.resets += replicas.reduce((sum, r) => sum + r.resets, 0);
      totals.forgeries += forgeries.length;
    } finally {
      for (const r of replicas) r.destroy();
      for (const f of forgeries) f.destroy();
    }
  }

  it(`${SCHEDULES} seeded schedules with a forger: same text everywhere, nothing forged stored`, async () => {
    for (let seed = 1; seed <= SCHEDULES; seed++) {
      try {
        await runSchedule(seed);
      } catch (error) {
        throw new Error(`schedule ${seed} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    expect(totals.forgeries).toBeGreaterThan(0);
    expect(totals.proposals).toBeGreaterThan(0);
    console.log(`convergence over the server: ${SCHEDULES} schedules, ${JSON.stringify(totals)}`);
  }, 600_000);
});

/**
 * One forged or rule-breaking update, from a fresh copy (a refused client's later updates would wait on
 * the refused one): a change under silence or to agreed words, agreed on bracketed text, ad ref awaiting
 * an observer, a silence passed before its deadline, or, for a delegation, any write to the table.
 */
async function forge(server: RunningServer, negotiationId: string, token: string, random: () => number): Promise<TestClient> {
  const c = connectClient(server.wsUrl, `${negotiationId}/table`, token);
  await c.synced;
  const n = new Negotiation(negotiationId, c.doc);
  const paragraphs = n.table.paragraphs().filter((p) => p.status.state !== 'deleted');
  const target = paragraphs[Math.floor(random() * paragraphs.length)]!;
  const silence = n.table.silence();
  const run = textRuns(n.table.textFragment(target.id))[0];
  n.table.doc.transact(() => {
    if (silence.state === 'open' && run) run.text.insert(0, FORGED);
    else if (target.status.state === 'agreed' && run) run.text.insert(plainOf(run.text).length, ` ${FORGED}`);
    else if (random() < 0.4 && run) {
      run.text.insert(0, `[${FORGED}] `);
      n.table.setStatus(target.id, { state: 'agreed' });
    } else if (random() < 0.5) n.table.setStatus(target.id, { state: 'adref', pending: ['holy-see', FORGED.toLowerCase()], deadline: FORGED });
    else n.table.silenceMap.set('current', { state: 'passed', id: FORGED, revision: 0, openedAt: new Date().toISOString(), deadline: '2099-01-01T00:00:00Z', closedAt: new Date().toISOString(), note: FORGED });
  });
  return c;
}
