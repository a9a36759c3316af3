import type { Actor } from './actor';
import { CommandRefused } from './command-refused';
import { appendDecision, decisionLog, revisionDigest, type LogEntry, type LogKind } from './decision-log';
import { requireFacilitator } from './guards';
import { isShown } from './labels';
import type { Negotiation } from './negotiation';
import { currentLabels, listProposals } from './queries';
import type { FrozenParagraph, Revision } from './table-state';
import { flatText } from '../text/rich-text';
import { wordDiff, type DiffPart } from '../text/word-diff';

/** The text as it stands now, frozen the way a revision freezes it. */
export function currentText(negotiation: Negotiation): FrozenParagraph[] {
  const labels = currentLabels(negotiation);
  const epoch = negotiation.table.epoch();
  return negotiation.table
    .paragraphs()
    .filter((p) => isShown(p, epoch))
    .map((p) => ({ id: p.id, label: labels.get(p.id) ?? '', kind: p.kind, status: p.status, text: p.text }));
}

/** Issues the next revision: the zero draft first, then Rev.1, Rev.2 …, frozen with its date and note. */
export function issueRevision(negotiation: Negotiation, actor: Actor, note: string | null = null, at?: string): Revision {
  requireFacilitator(actor, 'issue revisions');
  const table = negotiation.table;
  if (table.silence().state === 'open') throw new CommandRefused('The text is under silence; close the silence procedure before issuing a revision.', 'under-silence');
  const number = table.epoch();
  const revision: Revision = {
    number,
    name: number === 0 ? (table.meta().language === 'fr' ? 'Avant-projet' : 'Zero draft') : `Rev.${number}`,
    issuedAt: at ?? new Date().toISOString(),
    note,
    paragraphs: currentText(negotiation),
    footnotes: table.footnotes(),
  };
  table.doc.transact(() => {
    table.revisionsArray.push([revision]);
    appendDecision(table, actor, { kind: 'revision', revision: number, detail: note ? `${revision.name}: ${note}` : revision.name, digest: revisionDigest(revision) }, revision.issuedAt);
  });
  return revision;
}

/** How one paragraph differs between two versions of the text. */
export interface ParagraphChange {
  id: string;
  before: FrozenParagraph | null;
  after: FrozenParagraph | null;
  change: 'added' | 'removed' | 'changed' | 'same';
  diff: DiffPart[];
  /** Keys of the proposals accepted or merged into this paragraph between the two versions. */
  causes: string[];
  /** In both versions, but moved: it no longer stands in the same order among the paragraphs kept. */
  moved: boolean;
  /** The co-facilitators who changed it themselves between the two versions, as the decision log records. */
  editedBy: { author: string; kinds: LogKind[] }[];
  /** It changed (or moved), yet the decision log, kept since before the first version, records no decision on it. */
  unlogged: boolean;
}

/** The decisions the co-facilitators take on the words themselves (accepted proposals are causes). */
const OWN_CHANGES: readonly LogKind[] = ['edit', 'bracket', 'unbracket', 'move', 'add-paragraph', 'delete-paragraph', 'footnote', 'merge'];

/** Who changed a paragraph themselves, by author, in the order of the log. */
function editorsOf(entries: LogEntry[], id: string): ParagraphChange['editedBy'] {
  const by = new Map<string, Set<LogKind>>();
  for (const e of entries) if (e.paragraph === id && OWN_CHANGES.includes(e.kind)) by.set(e.author, (by.get(e.author) ?? new Set()).add(e.kind));
  return [...by].map(([author, kinds]) => ({ author, kinds: [...kinds] }));
}

/**
 * The paragraphs that moved between two orders: those outside a longest run of paragraphs kept in the
 * same relative order (the fewest that explain the new order).
 */
export function movedParagraphs(before: string[], after: string[]): Set<string> {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const a = before.filter((id) => inAfter.has(id));
  const b = after.filter((id) => inBefore.has(id));
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(b.filter((id) => !kept.has(id)));
}

/**
 * Compares two revisions by number (or the imported original), or a revision with the current text
 * ('current'), paragraph by paragraph (by permanent id, so renumbering is not a change), as a redline.
 */
export function compareRevisions(negotiation: Negotiation, from: number | 'original', to: number | 'current'): ParagraphChange[] {
  const table = negotiation.table;
  const missing = (which: number | 'original'): CommandRefused =>
    new CommandRefused(which === 'original' ? 'This negotiation was not imported, so there is no original text to compare with.' : `There is no revision ${which}; ${table.epoch()} have been issued.`, 'not-found');
  const a = table.revision(from);
  const b = to === 'current' ? null : table.revision(to);
  if (!a) throw missing(from);
  if (to !== 'current' && !b) throw missing(to);
  const after = b ? b.paragraphs : currentText(negotiation);
  const until = b ? b.issuedAt : '\uffff';
  const decided = listProposals(negotiation).filter((v) => {
    const d = negotiation.table.decision(v.key);
    return d && (d.decision === 'accepted' || d.decision === 'merged') && d.at > a.issuedAt && d.at <= until;
  });
  // A decision names the paragraph it changed: a new paragraph's proposal caused that one, not the one it follows.
  const causesOf = (id: string): string[] => decided.filter((v) => table.decision(v.key)?.intoParagraph === id).map((v) => v.key);
  const log = decisionLog(table);
  const between = log.filter((e) => e.at > a.issuedAt && e.at <= until);
  // Only a log kept since the first version can say that a change is missing from it.
  const kept = log.some((e) => e.at <= a.issuedAt);
  const movesLogged = between.some((e) => e.kind === 'move' || (e.kind === 'accept' && e.detail === 'move-paragraph'));
  const unlogged = (id: string, change: ParagraphChange['change'], moved: boolean): boolean =>
    kept && ((change !== 'same' && !between.some((e) => e.paragraph === id)) || (moved && !movesLogged));
  const beforeById = new Map(a.paragraphs.map((p) => [p.id, p]));
  const afterIds = new Set(after.map((p) => p.id));
  const changes: ParagraphChange[] = [];
  const shown = (list: FrozenParagraph[]): string[] => list.filter((p) => p.status.state !== 'deleted').map((p) => p.id);
  const moved = movedParagraphs(shown(a.paragraphs), shown(after));
  const removed = a.paragraphs.filter((p) => !afterIds.has(p.id) || after.find((q) => q.id === p.id)?.status.state === 'deleted');
  for (const p of after) {
    const old = beforeById.get(p.id) ?? null;
    if (p.status.state === 'deleted') continue;
    const oldText = old ? flatText(old.text) : '';
    const newText = flatText(p.text);
    const change = !old ? 'added' : oldText === newText ? 'same' : 'changed';
    const isMoved = moved.has(p.id);
    changes.push({ id: p.id, before: old, after: p, change, diff: wordDiff(oldText, newText), causes: change === 'same' && !isMoved ? [] : causesOf(p.id), moved: isMoved, editedBy: editorsOf(between, p.id), unlogged: unlogged(p.id, change, isMoved) });
  }
  for (const p of removed) {
    const index = a.paragraphs.indexOf(p);
    const anchor = a.paragraphs.slice(0, index).reverse().find((q) => changes.some((c) => c.id === q.id));
    const at = anchor ? changes.findIndex((c) => c.id === anchor.id) + 1 : 0;
    changes.splice(at, 0, { id: p.id, before: p, after: null, change: 'removed', diff: wordDiff(flatText(p.text), ''), causes: causesOf(p.id), moved: false, editedBy: editorsOf(between, p.id), unlogged: unlogged(p.id, 'removed', false) });
  }
  return changes;
}
