import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import type { Actor } from './actor';
import { randomId } from './ids';
import type { TableDocument } from './table-document';
import type { Revision } from './table-state';

/*
 * The decision log: every decision of the co-facilitators, appended to the table document with its author,
 * its time and the hashes of the entries its writer had seen last (the heads). Each entry's hash covers all
 * of that, so changing, removing or reordering an entry breaks the links after it. Two co-facilitators
 * deciding at once both link to the same heads; the next entry links to both, so none can vanish unnoticed.
 */

/** What a logged decision was. */
export type LogKind =
  | 'status'
  | 'reopen'
  | 'accept'
  | 'merge'
  | 'not-retain'
  | 'bracket'
  | 'unbracket'
  | 'edit'
  | 'add-paragraph'
  | 'move'
  | 'delete-paragraph'
  | 'footnote'
  | 'revision'
  | 'silence-open'
  | 'silence-close';

const KINDS: readonly LogKind[] = ['status', 'reopen', 'accept', 'merge', 'not-retain', 'bracket', 'unbracket', 'edit', 'add-paragraph', 'move', 'delete-paragraph', 'footnote', 'revision', 'silence-open', 'silence-close'];

/** One entry of the decision log. */
export interface LogEntry {
  /** Random: two identical decisions taken at the same moment are still two entries. */
  id: string;
  kind: LogKind;
  /** The paragraph it changed, by permanent id, if any. */
  paragraph: string | null;
  /** The proposal decided (`author/id`), if any. */
  proposal: string | null;
  /** The revision issued, by number, if any. */
  revision: number | null;
  /** What was decided, in words ("agreed", "Rev.2", "passed", the bracketed words). */
  detail: string;
  /** For a revision: the hash of its frozen text, so that the revision cannot change unnoticed. */
  digest: string | null;
  /** Who decided: the co-facilitator's name as the server knows it ("co-facilitator (Ireland)"). */
  author: string;
  at: string;
  /** Hashes of the entries the writer had seen last (none for the first). */
  prev: string[];
  /** SHA-256 (hex) of every field above. */
  hash: string;
}

/** What a command tells the log about a decision. */
export type LogFields = Pick<LogEntry, 'kind' | 'detail'> & Partial<Pick<LogEntry, 'paragraph' | 'proposal' | 'revision' | 'digest'>>;

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256 = (text: string): string => hex(digest(encodeUtf8(text)));

/** The hash an entry must carry. */
export function entryHash(e: Omit<LogEntry, 'hash'>): string {
  return sha256(JSON.stringify([e.id, e.kind, e.paragraph, e.proposal, e.revision, e.detail, e.digest, e.author, e.at, e.prev]));
}

/** The hash of a revision's frozen text and footnotes. */
export function revisionDigest(r: Revision): string {
  return sha256(JSON.stringify([r.number, r.name, r.issuedAt, r.note, r.paragraphs, r.footnotes]));
}

/**
 * Who an actor is in the log: its name as the server knows it (the session's label), or, when the app was
 * not told, "co-facilitator" (the server accepts either, never another participant's name).
 */
export function authorOf(actor: Actor): string {
  return actor.name ?? (actor.role === 'cofacilitator' ? GENERIC_AUTHOR : (actor.delegationId ?? GENERIC_AUTHOR));
}

/** The author a co-facilitator's app may write when it does not know its own name. */
export const GENERIC_AUTHOR = 'co-facilitator';

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): boolean => v === null || isText(v);

/** Whether a stored value has the shape of an entry (its hash is not checked: see isSoundEntry). */
export function isShapedEntry(v: unknown): v is LogEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    isText(e.id) &&
    KINDS.includes(e.kind as LogKind) &&
    isTextOrNull(e.paragraph) &&
    isTextOrNull(e.proposal) &&
    (e.revision === null || typeof e.revision === 'number') &&
    isText(e.detail) &&
    isTextOrNull(e.digest) &&
    isText(e.author) &&
    isText(e.at) &&
    Array.isArray(e.prev) &&
    e.prev.every(isText) &&
    isText(e.hash)
  );
}

/** Whether a stored value has the shape of an entry and carries its own hash. */
export function isSoundEntry(v: unknown): v is LogEntry {
  return isShapedEntry(v) && entryHash(v) === v.hash;
}

/** The hashes no later entry links to: what the next entry links to. */
export function logHeads(entries: readonly LogEntry[]): string[] {
  const linked = new Set(entries.flatMap((e) => e.prev));
  return entries.map((e) => e.hash).filter((h) => !linked.has(h)).sort();
}

/** The log's entries as stored (those that do not match their hash are left out: `verifyLog` names them). */
export function decisionLog(table: TableDocument): LogEntry[] {
  return table.logArray.toArray().filter(isSoundEntry);
}

/** The log's entries in the shape of entries, hashes unchecked: for what is read at every keystroke. */
export function storedEntries(table: TableDocument): LogEntry[] {
  return table.logArray.toArray().filter(isShapedEntry);
}

/** Appends a decision to the log, linked to the heads. Call it inside the transaction that makes the decision. */
export function appendDecision(table: TableDocument, actor: Actor, fields: LogFields, at?: string): LogEntry {
  const body: Omit<LogEntry, 'hash'> = {
    id: randomId(10),
    kind: fields.kind,
    paragraph: fields.paragraph ?? null,
    proposal: fields.proposal ?? null,
    revision: fields.revision ?? null,
    detail: fields.detail,
    digest: fields.digest ?? null,
    author: authorOf(actor),
    at: at ?? new Date().toISOString(),
    prev: logHeads(storedEntries(table)),
  };
  const entry = { ...body, hash: entryHash(body) };
  table.logArray.push([entry]);
  return entry;
}

/** What kind of break a problem is; its `values` name the entries, revisions and paragraphs involved. */
export type LogProblemKind = 'altered' | 'repeated' | 'gap' | 'reordered' | 'revision-altered' | 'revision-unlogged' | 'change-unlogged';

/** A break in the log, by entry (index from 0 in the stored order): its kind and values, and in (English) words. */
export interface LogProblem {
  index: number | null;
  kind: LogProblemKind;
  values: Record<string, string | number>;
  message: string;
}

const PROBLEM_WORDS: Record<LogProblemKind, (v: Record<string, string | number>) => string> = {
  altered: (v) => `entry ${v.entry} does not match its hash: it was changed after it was written`,
  repeated: (v) => `entry ${v.entry} repeats entry ${v.other}`,
  gap: (v) => `entry ${v.entry} follows an entry that is no longer in the log (${v.link}…): entries were removed or changed`,
  reordered: (v) => `entry ${v.entry} follows entry ${v.other}, which comes after it: entries were reordered`,
  'revision-altered': (v) => `the log records ${v.name} (revision ${v.revision}), but the table holds no such text: it was changed or removed afterwards`,
  'revision-unlogged': (v) => `${v.name} was issued after the log began but is not in it as issued`,
  'change-unlogged': (v) => `${v.label} ${v.change} between ${v.from} and ${v.to} with no decision in the log`,
};

/** A problem of the given kind, with its message in words. */
export function logProblem(index: number | null, kind: LogProblemKind, values: Record<string, string | number>): LogProblem {
  return { index, kind, values, message: PROBLEM_WORDS[kind](values) };
}

/** The outcome of checking the chain. */
export interface LogCheck {
  ok: boolean;
  entries: number;
  /** Hashes nothing links to yet: one, unless decisions were made at the same time. */
  heads: string[];
  problems: LogProblem[];
}

/**
 * Checks the log as stored: each entry carries the hash of its own content; each links only to entries
 * before it (a link to a missing entry is a gap, to a later one a reordering); each hash appears once;
 * every revision issued since the log began is logged with the digest of its text, and every logged
 * revision is as issued.
 */
export function verifyLog(table: TableDocument): LogCheck {
  const stored = table.logArray.toArray();
  const problems: LogProblem[] = [];
  const position = new Map<string, number>();
  // By the hash each entry carries, sound or not, so that one changed entry is reported once, not at every link to it.
  stored.forEach((e, index) => {
    const hash = (e as Partial<LogEntry> | null)?.hash;
    if (isText(hash) && !position.has(hash)) position.set(hash, index);
  });
  const entries: LogEntry[] = [];
  stored.forEach((e, index) => {
    if (!isSoundEntry(e)) {
      problems.push(logProblem(index, 'altered', { entry: index + 1 }));
      return;
    }
    if (position.get(e.hash) !== index) problems.push(logProblem(index, 'repeated', { entry: index + 1, other: position.get(e.hash)! + 1 }));
    for (const link of e.prev) {
      const at = position.get(link);
      if (at === undefined) problems.push(logProblem(index, 'gap', { entry: index + 1, link: link.slice(0, 12) }));
      else if (at >= index) problems.push(logProblem(index, 'reordered', { entry: index + 1, other: at + 1 }));
    }
    entries.push(e);
  });
  // Matched by digest: two co-facilitators issuing at once both write a "Rev.N"; each must be as logged.
  const revisions = table.revisions();
  const issued = new Set(revisions.map(revisionDigest));
  const logged = new Set<string | null>();
  for (const e of entries.filter((x) => x.kind === 'revision')) {
    logged.add(e.digest);
    if (!issued.has(e.digest ?? '')) problems.push(logProblem(stored.indexOf(e), 'revision-altered', { name: e.detail, revision: e.revision ?? '?' }));
  }
  const began = entries[0]?.at;
  for (const r of revisions) {
    if (began !== undefined && r.issuedAt >= began && !logged.has(revisionDigest(r))) problems.push(logProblem(null, 'revision-unlogged', { name: r.name }));
  }
  return { ok: problems.length === 0, entries: stored.length, heads: logHeads(entries), problems };
}

/**
 * For the sync server: what is wrong with a change of the log (before → after, the stored values of the same
 * copy, so that an entry kept is the same object), or null. The log only grows: every earlier entry stays, in
 * its order; each new entry carries its hash, links only to entries before it and names one of `authors`.
 */
export function checkLogChange(before: readonly unknown[], after: readonly unknown[], authors: readonly string[]): string | null {
  if (after === before) return null;
  const old = new Set(before);
  const kept = after.filter((e) => old.has(e));
  if (kept.length !== before.length || kept.some((e, i) => e !== before[i])) return 'the decision log only grows: no entry of it can be removed, changed or moved';
  const seen = new Set<string>();
  for (const e of after) {
    // Entries already stored were checked when they came; only new ones are hashed (at every update).
    if (old.has(e)) {
      if (isShapedEntry(e)) seen.add(e.hash);
      continue;
    }
    if (!isSoundEntry(e)) return 'a decision log entry is not in the form the app writes, or does not match its hash';
    if (seen.has(e.hash)) return 'a decision log entry is repeated';
    if (!e.prev.every((link) => seen.has(link))) return 'a decision log entry links to an entry that is not before it';
    if (!authors.includes(e.author)) return `a decision log entry is signed "${e.author}", not by the co-facilitator who wrote it`;
    seen.add(e.hash);
  }
  return null;
}
