import type { RefusalCode } from './command-refused';
import type { ParagraphStatus } from './paragraph';
import type { Delegation } from './roster';
import type { TableDocument } from './table-document';
import type { Silence } from './table-state';
import { checkLogChange, isSoundEntry, type LogEntry, type LogKind } from './decision-log';
import { countBrackets } from '../text/brackets';
import { flatText } from '../text/rich-text';

/*
 * The rules of the negotiation as a check on a change of the table document, for the sync server, which
 * cannot trust a co-facilitator's client to have run the commands (shared/model/*-commands.ts): it compares
 * the facts of the table before and after an update and refuses what no command would have written.
 */

/** What the rules read of one paragraph. */
export interface ParagraphFacts {
  kind: string;
  status: ParagraphStatus;
  alternativeOf: string | null;
  /** The rich text as JSON: any change to it, marks included, is a change of the words. */
  text: string;
  brackets: number;
}

/** What the rules read of the table. A paragraph whose stored shape is not one the model writes is `null`. */
export interface TableFacts {
  silence: Silence | null;
  order: string[];
  footnotes: string;
  roster: Map<string, Delegation>;
  paragraphs: Map<string, ParagraphFacts | null>;
  /** The decisions on proposals, as JSON. */
  decisions: string;
  revisions: number;
  /** The decision log's entries as stored (the same objects while the copy lives: see checkLogChange). */
  log: readonly unknown[];
}

/** What only the delegation documents know, as far as the server holds them. */
export interface DelegationFacts {
  /** Keys of open proposals that would change the paragraph (new-paragraph proposals do not). */
  openProposals(paragraphId: string): string[];
  /** Whether the delegation confirmed the paragraph ad ref; null when its document is not at hand. */
  confirmedAdRef(delegationId: string, paragraphId: string): boolean | null;
  /** The delegations that objected in a silence procedure. */
  objections(silenceId: string): string[];
}

/** A change the rules refuse. */
export interface TableRuleViolation {
  code: RefusalCode;
  message: string;
}

/** Clocks differ: a silence closed as passed up to this long before its deadline (by the server's clock) is accepted. */
export const SILENCE_CLOCK_SKEW_MS = 60_000;

const STATES = ['open', 'adref', 'agreed', 'deleted'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';

function isStatus(v: unknown): v is ParagraphStatus {
  if (!isRecord(v) || !STATES.includes(v.state as string)) return false;
  if (v.state === 'adref') return Array.isArray(v.pending) && v.pending.every(isText) && (v.deadline === null || (isText(v.deadline) && !Number.isNaN(Date.parse(v.deadline))));
  if (v.state === 'deleted') return typeof v.inEpoch === 'number';
  return true;
}

function isSilence(v: unknown): v is Silence {
  if (!isRecord(v)) return false;
  if (v.state === 'none') return true;
  const base = isText(v.id) && typeof v.revision === 'number' && isText(v.openedAt) && isText(v.deadline) && !Number.isNaN(Date.parse(v.deadline)) && (v.keptOpen === undefined || (Array.isArray(v.keptOpen) && v.keptOpen.every(isText)));
  if (v.state === 'open') return base;
  return base && ['passed', 'broken', 'withdrawn'].includes(v.state as string) && isText(v.closedAt) && (v.note === null || isText(v.note));
}

/** The facts of one paragraph; null when what is stored is not what the model writes. */
export function paragraphFacts(table: TableDocument, id: string): ParagraphFacts | null {
  try {
    const p = table.paragraph(id);
    // The status as stored: readers filter what they show, the rules judge what was written.
    const status: unknown = table.paragraphsMap.get(id)?.get('status') ?? { state: 'open' };
    if (!p || !isText(p.kind) || !isStatus(status)) return null;
    return { kind: p.kind, status, alternativeOf: p.alternativeOf, text: JSON.stringify(p.text), brackets: countBrackets(flatText(p.text)) };
  } catch {
    return null;
  }
}

/**
 * The facts of the table outside its paragraphs. `since`: the facts before a change and the types it
 * changed (a transaction's `changed`); what it did not change is taken from them, not read again (a
 * keystroke then costs the same whatever the size of the log and of the decisions).
 */
export function tableFactsWithout(table: TableDocument, paragraphs: Map<string, ParagraphFacts | null>, since?: { facts: TableFacts; changed: ReadonlySet<unknown> }): TableFacts {
  const read = <T,>(type: unknown, previous: (f: TableFacts) => T, now: () => T): T => (since && !since.changed.has(type) ? previous(since.facts) : now());
  return {
    silence: read(
      table.silenceMap,
      (f) => f.silence,
      () => {
        const silence = table.silenceMap.get('current') ?? { state: 'none' };
        return isSilence(silence) ? silence : null;
      },
    ),
    order: read(table.orderArray, (f) => f.order, () => table.orderArray.toArray()),
    footnotes: read(table.footnotesMap, (f) => f.footnotes, () => JSON.stringify(table.footnotesMap.toJSON())),
    roster: read(table.rosterMap, (f) => f.roster, () => new Map([...table.rosterMap.entries()].filter(([, d]) => isRecord(d)))),
    paragraphs,
    decisions: read(table.decisionsMap, (f) => f.decisions, () => JSON.stringify(table.decisionsMap.toJSON())),
    revisions: read(table.revisionsArray, (f) => f.revisions, () => table.revisionsArray.length),
    log: read(table.logArray, (f) => f.log, () => table.logArray.toArray()),
  };
}

/** Every fact of the table. */
export function tableFacts(table: TableDocument): TableFacts {
  return tableFactsWithout(table, new Map([...table.paragraphsMap.keys()].map((id) => [id, paragraphFacts(table, id)])));
}

const frozen = (s: ParagraphStatus | undefined): boolean => s?.state === 'agreed' || s?.state === 'adref';
const sameStatus = (a: ParagraphStatus, b: ParagraphStatus): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks a change of the table against the rules: under silence nothing changes but its closing; agreed
 * (and ad ref) words change only after an explicit reopen; agreed and ad ref need a clean paragraph and ad
 * ref awaits only delegations; silence opens only on a clean text or with the open paragraphs kept open,
 * passes only at its deadline and with no objection, and adopts nothing kept open. `touched`: the
 * paragraphs the change wrote to. `authors`: the names its writer may sign the decision log with; the log
 * only grows, each entry in its writer's name, and every decision (a status, the silence procedure, a
 * decision on a proposal, a revision, the order of paragraphs, footnotes) comes with an entry. Null when
 * the change keeps every rule.
 */
export function checkTableChange(before: TableFacts, after: TableFacts, touched: Iterable<string>, now: Date, others: DelegationFacts, authors: readonly string[]): TableRuleViolation | null {
  const refuse = (code: RefusalCode, message: string): TableRuleViolation => ({ code, message });
  if (!after.silence) return refuse('invalid', 'the silence procedure is not in a form the app writes');
  const ids = [...new Set(touched)];
  for (const id of ids) {
    if (!before.paragraphs.has(id) || after.paragraphs.has(id)) continue;
    return refuse('invalid', `paragraph ${id} was removed from the table; paragraphs are deleted by status, never removed`);
  }
  for (const id of ids) if (after.paragraphs.has(id) && after.paragraphs.get(id) === null) return refuse('invalid', `paragraph ${id} is not in a form the app writes`);

  const silenceBefore = before.silence;
  const silenceAfter = after.silence;
  const silenceChanged = JSON.stringify(silenceBefore) !== JSON.stringify(silenceAfter);
  const passed = silenceAfter.state === 'passed' && silenceChanged;

  if (silenceBefore?.state === 'open') {
    if (silenceChanged) {
      const { state: _s, ...kept } = silenceBefore;
      const closed = silenceAfter.state === 'passed' || silenceAfter.state === 'broken' || silenceAfter.state === 'withdrawn';
      const same = closed && (Object.keys(kept) as (keyof typeof kept)[]).every((k) => JSON.stringify(kept[k]) === JSON.stringify((silenceAfter as Record<string, unknown>)[k]));
      if (!same) return refuse('under-silence', 'a silence procedure under way can only be closed, not changed');
      if (silenceAfter.state === 'passed') {
        if (now.getTime() + SILENCE_CLOCK_SKEW_MS < Date.parse(silenceBefore.deadline)) return refuse('before-deadline', `silence passes only at its deadline (${silenceBefore.deadline}); closed before, it is withdrawn`);
        const objected = others.objections(silenceBefore.id);
        if (objected.length > 0) return refuse('invalid', `silence was broken by ${objected.join(', ')}; it cannot pass`);
      }
    }
    if (before.order.join('\n') !== after.order.join('\n') || before.footnotes !== after.footnotes) return refuse('under-silence', 'the text is under silence; its paragraphs and footnotes cannot change');
    const keptOpen = new Set(silenceBefore.keptOpen ?? []);
    for (const id of ids) {
      const a = before.paragraphs.get(id);
      const b = after.paragraphs.get(id);
      if (!a || !b || a.text !== b.text || a.kind !== b.kind || a.alternativeOf !== b.alternativeOf) return refuse('under-silence', 'the text is under silence; no word of it can change');
      if (sameStatus(a.status, b.status)) continue;
      if (!(passed && b.status.state === 'agreed' && !keptOpen.has(id))) return refuse('under-silence', 'the text is under silence; statuses change only as it passes, and then nothing kept open is adopted');
    }
  } else if (silenceChanged) {
    if (silenceAfter.state !== 'open') return refuse('invalid', 'a silence procedure is closed only after it was opened');
    if (Date.parse(silenceAfter.deadline) <= Date.parse(silenceAfter.openedAt)) return refuse('invalid', 'the silence deadline must come after its opening');
    const keptOpen = new Set(silenceAfter.keptOpen ?? []);
    for (const [id, p] of after.paragraphs) {
      if (!p || p.status.state === 'deleted' || keptOpen.has(id)) continue;
      const open = p.brackets > 0 || p.alternativeOf !== null || others.openProposals(id).length > 0 || (p.status.state === 'adref' && !adRefSettled(id, p.status, now, others));
      if (open) return refuse('text-not-clean', `paragraph ${id} is not clean and was not confirmed to stay open; silence opens only on a clean text`);
    }
  }

  for (const id of ids) {
    const a = before.paragraphs.get(id) ?? null;
    const b = after.paragraphs.get(id);
    if (!b) continue;
    if (a && frozen(a.status)) {
      if (a.text !== b.text || a.kind !== b.kind || a.alternativeOf !== b.alternativeOf) return refuse('agreed-paragraph', `paragraph ${id} is agreed; its words change only after it is reopened`);
      if (b.status.state === 'deleted') return refuse('agreed-paragraph', `paragraph ${id} is agreed; reopen it before deleting it`);
    }
    if (!frozen(b.status) || (a && sameStatus(a.status, b.status))) continue;
    if (b.status.state === 'adref') {
      for (const d of b.status.pending) {
        const delegation = after.roster.get(d);
        if (!delegation || delegation.kind === 'observer') return refuse('not-a-delegation', `"${d}" is not a delegation on the roster; only delegations confirm ad ref`);
      }
      if (b.status.pending.length === 0) return refuse('invalid', 'an ad ref agreement awaits at least one delegation');
    }
    const alternatives = [...after.paragraphs].some(([, q]) => q?.alternativeOf === id && q.status.state !== 'deleted');
    if (b.brackets > 0 || b.alternativeOf !== null || alternatives) return refuse('not-clean', `paragraph ${id} holds brackets or alternatives; it cannot be agreed`);
    const open = others.openProposals(id);
    if (open.length > 0) return refuse('not-clean', `paragraph ${id} has open proposals (${open.join(', ')}); it cannot be agreed`);
    if (b.status.state === 'agreed' && a?.status.state === 'adref' && !adRefSettled(id, a.status, now, others)) return refuse('not-clean', `paragraph ${id} is agreed ad ref and capitals have yet to confirm`);
  }
  return checkLogged(before, after, ids, silenceChanged, authors);
}

/** The decision log grows only by sound entries in the writer's name, and every decision comes with the entry that names it. */
function checkLogged(before: TableFacts, after: TableFacts, touched: string[], silenceChanged: boolean, authors: readonly string[]): TableRuleViolation | null {
  const problem = checkLogChange(before.log, after.log, authors);
  if (problem) return { code: 'unlogged', message: problem };
  const old = new Set(after.log === before.log ? [] : before.log);
  const fresh = after.log === before.log ? [] : after.log.filter((e): e is LogEntry => !old.has(e) && isSoundEntry(e));
  const named = (kinds: LogKind[], paragraph?: string): boolean => fresh.some((e) => kinds.includes(e.kind) && (paragraph === undefined || e.paragraph === paragraph));
  const unlogged = (what: string): TableRuleViolation => ({ code: 'unlogged', message: `${what} must be written to the decision log with it` });
  if (silenceChanged && !named(['silence-open', 'silence-close'])) return unlogged('opening or closing silence');
  if (before.decisions !== after.decisions && !named(['accept', 'merge', 'not-retain'])) return unlogged('a decision on a proposal');
  if (before.revisions !== after.revisions && !named(['revision'])) return unlogged('a revision');
  if (before.order.join('\n') !== after.order.join('\n') && !named(['move', 'add-paragraph', 'accept'])) return unlogged('a change in the order of paragraphs');
  if (before.footnotes !== after.footnotes && !named(['footnote'])) return unlogged('a change of footnotes');
  for (const id of touched) {
    const a = before.paragraphs.get(id);
    const b = after.paragraphs.get(id);
    if (!b) continue;
    if ((!a || a.kind !== b.kind || a.alternativeOf !== b.alternativeOf) && !named(['add-paragraph', 'accept'], id)) return unlogged(`adding paragraph ${id}`);
    if (a && !sameStatus(a.status, b.status) && !named(['status', 'reopen', 'delete-paragraph', 'accept'], id) && !named(['silence-close'])) return unlogged(`the status of paragraph ${id}`);
  }
  return null;
}

function adRefSettled(id: string, status: Extract<ParagraphStatus, { state: 'adref' }>, now: Date, others: DelegationFacts): boolean {
  if (status.deadline !== null && now.getTime() + SILENCE_CLOCK_SKEW_MS >= Date.parse(status.deadline)) return true;
  // A delegation document the server does not hold cannot be read: its confirmation is given the benefit of the doubt.
  return status.pending.every((d) => others.confirmedAdRef(d, id) !== false);
}
