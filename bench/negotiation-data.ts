import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { addDelegation, createNegotiation } from '../shared/model/create-negotiation';
import { documentName } from '../shared/protocol/document-names';
import { addParagraph } from '../shared/model/facilitator-commands';
import type { Negotiation } from '../shared/model/negotiation';
import { propose } from '../shared/model/proposal-commands';
import { textRuns } from '../shared/text/y-rich-text';
import { editStoredTable, inviteDelegation, openDataDir, type DataDir, snapshotOf } from '../sync-server';

const FACILITATOR = { role: 'cofacilitator', delegationId: null } as const;
const WORDS = 'encourages Member States to strengthen international cooperation in preventing and combating trafficking in persons especially women and children and to protect and assist victims with full respect for their human rights'.split(' ');

/** Deterministic pseudo-random numbers, so that every server gets the same document. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const sentence = (random: () => number, words: number): string => Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');

/** What the load generator needs to reach the bench document. */
export interface BenchDocument {
  dir: string;
  negotiationId: string;
  /** `<id>/table`: the URL path on every server. */
  docName: string;
  /** Co-facilitators write the table. */
  writerToken: string;
  /** Observers read it. */
  readerToken: string;
  /** The table as stored, for seeding the stock servers and the relay's clients. */
  initialUpdate: Uint8Array;
}

/** An invitation in a prepared data directory; its token. */
export async function invite(data: DataDir, negotiationId: string, role: 'cofacilitator' | 'delegation' | 'observer', name: string | null): Promise<string> {
  const issued = await inviteDelegation(
    { invitations: data.invitations, serverUrl: null, editTable: (id, edit) => editStoredTable(data.store, id, edit) },
    { negotiationId, delegationName: name, role, expiresAt: null },
  );
  return issued.token;
}

export function addParagraphs(negotiation: Negotiation, count: number, random: () => number): string[] {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < count; i++) {
    after = addParagraph(negotiation, FACILITATOR, { after, kind: 'operative', text: `${sentence(random, 40 + Math.floor(random() * 40))}.` });
    ids.push(after);
  }
  return ids;
}

/** A data directory with one negotiation of `paragraphs` paragraphs and the bench's tokens. */
export async function prepareBenchDocument(dir: string, paragraphs: number): Promise<BenchDocument> {
  fs.rmSync(dir, { recursive: true, force: true });
  const negotiation = createNegotiation({ title: 'Political declaration (benchmark)', form: 'declaration' });
  addParagraphs(negotiation, paragraphs, rng(7));
  const data = openDataDir(dir);
  try {
    const docName = documentName(negotiation.id, { kind: 'table' });
    await data.store.appendUpdate(docName, Y.encodeStateAsUpdate(negotiation.table.doc));
    const writerToken = await invite(data, negotiation.id, 'cofacilitator', null);
    const readerToken = await invite(data, negotiation.id, 'observer', 'Benchmark observers');
    await data.store.compact(docName);
    const initialUpdate = (await data.store.load(docName))!;
    return { dir, negotiationId: negotiation.id, docName, writerToken, readerToken, initialUpdate };
  } finally {
    await data.close();
  }
}

/** The large negotiation of scenarios 4 and 6, as stored by a server that has lived through its history. */
export interface LargeNegotiation extends BenchDocument {
  delegationToken: string;
  delegationId: string;
  documents: string[];
  paragraphs: number;
  proposals: number;
  historyUpdates: number;
  storedRows: number;
}

/**
 * Builds a negotiation of `paragraphs` paragraphs with `proposals` proposals from 30 delegations and
 * `history` updates in all (one per keystroke, as typed), stored the way the server stores it: a
 * compacted row per document plus the rows appended since the last compaction (up to 499, the worst case).
 */
export async function prepareLargeNegotiation(dir: string, sizes: { paragraphs: number; proposals: number; history: number }): Promise<LargeNegotiation> {
  fs.rmSync(dir, { recursive: true, force: true });
  const random = rng(11);
  const negotiation = createNegotiation({ title: 'Political declaration (large benchmark)', form: 'declaration' });
  const delegations = Array.from({ length: 30 }, (_, i) => addDelegation(negotiation, FACILITATOR, { name: `Delegation ${String(i + 1).padStart(2, '0')}` }));
  const ids = addParagraphs(negotiation, sizes.paragraphs, random);
  const log = new Map<string, Uint8Array[]>();
  const listen = (docPath: string, doc: Y.Doc) => {
    if (log.has(docPath)) return;
    log.set(docPath, []);
    doc.on('update', (u: Uint8Array) => log.get(docPath)!.push(u));
  };
  log.set('table', [Y.encodeStateAsUpdate(negotiation.table.doc)]);
  negotiation.table.doc.on('update', (u: Uint8Array) => log.get('table')!.push(u));
  for (const d of delegations) listen(`delegation/${d.id}`, negotiation.delegation(d.id).doc);
  let updates = 1;
  for (let i = 0; i < sizes.proposals; i++, updates++) {
    const d = delegations[i % delegations.length]!;
    const paragraphId = ids[Math.floor(random() * ids.length)]!;
    const length = textRuns(negotiation.table.textFragment(paragraphId))[0]!.length;
    const from = Math.floor(random() * (length - 10));
    const kind = (['insert', 'replace', 'delete'] as const)[i % 3]!;
    propose(negotiation, { role: 'delegation', delegationId: d.id }, { kind, paragraphId, from, to: from + 5, text: kind === 'delete' ? undefined : sentence(random, 3) });
  }
  // Keystrokes in the table: typing words and deleting some, one update each.
  const runs = ids.map((id) => textRuns(negotiation.table.textFragment(id))[0]!.text);
  while (updates < sizes.history) {
    const text = runs[Math.floor(random() * runs.length)]!;
    let at = Math.floor(random() * text.length);
    const word = `${sentence(random, 1)} `;
    for (const ch of word) {
      if (updates >= sizes.history) break;
      text.insert(at++, ch);
      updates++;
    }
    if (random() < 0.3 && updates < sizes.history && text.length > 20) {
      text.delete(Math.floor(random() * (text.length - 10)), 3);
      updates++;
    }
  }
  const data = openDataDir(dir);
  let storedRows = 0;
  try {
    const documents: string[] = [];
    for (const [docPath, updatesOfDoc] of log) {
      const name = `${negotiation.id}/${docPath}`;
      documents.push(name);
      const tail = docPath === 'table' ? Math.min(499, updatesOfDoc.length - 1) : 0;
      const head = updatesOfDoc.slice(0, updatesOfDoc.length - tail);
      // The head as the server's compaction stores it: a snapshot of the document at that point.
      await data.store.appendUpdate(name, snapshotOf(head));
      for (const u of updatesOfDoc.slice(updatesOfDoc.length - tail)) await data.store.appendUpdate(name, u);
      storedRows += 1 + tail;
    }
    const delegationId = delegations[0]!.id;
    const writerToken = await invite(data, negotiation.id, 'cofacilitator', null);
    const readerToken = await invite(data, negotiation.id, 'observer', 'Benchmark observers');
    const delegationToken = await invite(data, negotiation.id, 'delegation', delegations[0]!.name);
    const docName = documentName(negotiation.id, { kind: 'table' });
    const initialUpdate = (await data.store.load(docName))!;
    return { dir, negotiationId: negotiation.id, docName, writerToken, readerToken, delegationToken, delegationId, initialUpdate, documents, paragraphs: sizes.paragraphs, proposals: sizes.proposals, historyUpdates: updates, storedRows };
  } finally {
    await data.close();
  }
}

/** Where the bench keeps its data directories: on the real disk (fsync is real), under bench-results/ (gitignored). */
export function benchDataDir(name: string): string {
  const dir = path.join(import.meta.dirname, '..', 'bench-results', 'data', name);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  return dir;
}
