import * as Y from 'yjs';
import type { Actor } from './actor';
import { CommandRefused } from './command-refused';
import { appendDecision, type LogFields } from './decision-log';
import { requireEditable, requireFacilitator, requireNotUnderSilence, requireParagraph } from './guards';
import { randomId } from './ids';
import type { Negotiation } from './negotiation';
import { isNumbered, type ParagraphKind, type ParagraphStatus } from './paragraph';
import { proposalKey, type DecisionKind, type Proposal } from './proposal';
import { isNegotiatingDelegation, requireCleanParagraph } from './paragraph-rules';
import { applySpanEdit, spanEdit } from './proposal-edits';
import { currentLabels, proposalState } from './queries';
import { scanBrackets } from '../text/brackets';
import { flatText, richText } from '../text/rich-text';
import type { RichTextJSON } from '../text/schema';
import { plainOf, textRuns, writeRichText } from '../text/y-rich-text';

function editable(negotiation: Negotiation, actor: Actor, paragraphId: string, what: string) {
  requireFacilitator(actor, what);
  requireNotUnderSilence(negotiation, 'changing the text');
  const p = requireParagraph(negotiation, paragraphId);
  requireEditable(p, currentLabels(negotiation).get(p.id) ?? 'This paragraph');
  return p;
}

function findProposal(negotiation: Negotiation, key: string): Proposal {
  const [author, id] = key.split('/');
  const proposal = author && id ? negotiation.delegation(author).proposals().find((p) => p.id === id) : undefined;
  if (!proposal) throw new CommandRefused(`There is no proposal ${key}.`, 'not-found');
  const state = proposalState(negotiation, proposal);
  if (state !== 'open') throw new CommandRefused(`The proposal ${key} is ${state}; only open proposals can be decided.`, 'invalid');
  return proposal;
}

function decide(negotiation: Negotiation, key: string, decision: DecisionKind, intoParagraph: string | null, note: string | null, at?: string): void {
  negotiation.table.decisionsMap.set(key, { decision, at: at ?? new Date().toISOString(), intoParagraph, note });
}

/** Runs a command's change and logs it in the same transaction, so that the server sees both at once. */
function logged<T>(negotiation: Negotiation, actor: Actor, change: () => T, fields: (result: T) => LogFields, at?: string): T {
  return negotiation.table.doc.transact(() => {
    const result = change();
    appendDecision(negotiation.table, actor, fields(result), at);
    return result;
  });
}

/** The first words of a text, for the log. */
const gist = (text: RichTextJSON | string): string => {
  const plain = typeof text === 'string' ? text : flatText(text);
  return plain.length > 80 ? `${plain.slice(0, 79)}…` : plain;
};

/** Puts a paragraph id into the order after another (null: at the start). */
function place(negotiation: Negotiation, id: string, after: string | null): void {
  const order = negotiation.table.orderArray;
  const current = order.toArray();
  for (let i = current.length - 1; i >= 0; i--) if (current[i] === id) order.delete(i, 1);
  const index = after === null ? 0 : order.toArray().indexOf(after) + 1;
  order.insert(index, [id]);
}

type NewParagraph = { after: string | null; kind?: ParagraphKind; text: RichTextJSON | string; alternativeOf?: string | null; fromProposal?: string | null };

/** Adds a paragraph after another; it is labelled bis, ter … until the next revision. */
export function addParagraph(negotiation: Negotiation, actor: Actor, fields: NewParagraph): string {
  return logged(negotiation, actor, () => insertParagraph(negotiation, actor, fields), (id) => ({ kind: 'add-paragraph', paragraph: id, detail: gist(fields.text) }));
}

function insertParagraph(negotiation: Negotiation, actor: Actor, fields: NewParagraph): string {
  requireFacilitator(actor, 'add paragraphs');
  requireNotUnderSilence(negotiation, 'changing the text');
  const table = negotiation.table;
  const after = fields.after === null ? null : requireParagraph(negotiation, fields.after);
  const kind = fields.kind ?? (after && isNumbered(after.kind) ? after.kind : table.meta().form === 'declaration' ? 'declaration' : 'operative');
  const id = `p-${randomId(12)}`;
  table.doc.transact(() => {
    table.createParagraph(id, {
      kind,
      text: typeof fields.text === 'string' ? richText({ text: fields.text }) : fields.text,
      addedInEpoch: table.epoch() + 1,
      alternativeOf: fields.alternativeOf ?? null,
      fromProposal: fields.fromProposal ?? null,
    });
    place(negotiation, id, after?.id ?? null);
  });
  return id;
}

/** Adds an alternative wording of a paragraph ("OP6 Alt 1"), placed after its other alternatives. */
export function addAlternative(negotiation: Negotiation, actor: Actor, paragraphId: string, text: RichTextJSON | string, fromProposal: string | null = null): string {
  return logged(negotiation, actor, () => insertAlternative(negotiation, actor, paragraphId, text, fromProposal), (id) => ({ kind: 'add-paragraph', paragraph: id, detail: gist(text) }));
}

function insertAlternative(negotiation: Negotiation, actor: Actor, paragraphId: string, text: RichTextJSON | string, fromProposal: string | null): string {
  const target = editable(negotiation, actor, paragraphId, 'add alternatives');
  const alternatives = negotiation.table.paragraphs().filter((p) => p.alternativeOf === target.id);
  const after = alternatives[alternatives.length - 1]?.id ?? target.id;
  return insertParagraph(negotiation, actor, { after, kind: target.kind, text, alternativeOf: target.id, fromProposal });
}

/** Replaces a paragraph's whole text with the co-facilitators' wording. */
export function replaceParagraphText(negotiation: Negotiation, actor: Actor, paragraphId: string, text: RichTextJSON | string): void {
  logged(negotiation, actor, () => writeParagraphText(negotiation, actor, paragraphId, text), () => ({ kind: 'edit', paragraph: paragraphId, detail: gist(text) }));
}

function writeParagraphText(negotiation: Negotiation, actor: Actor, paragraphId: string, text: RichTextJSON | string): void {
  editable(negotiation, actor, paragraphId, 'edit the text');
  writeRichText(negotiation.table.textFragment(paragraphId), typeof text === 'string' ? richText({ text }) : text);
}

/**
 * Moves a paragraph after another (null: to the start), with its alternative wordings: they stay right
 * after it. Moved after a paragraph that has alternatives, it goes after the last of them.
 */
export function moveParagraph(negotiation: Negotiation, actor: Actor, paragraphId: string, after: string | null): void {
  logged(negotiation, actor, () => placeParagraph(negotiation, actor, paragraphId, after), () => ({ kind: 'move', paragraph: paragraphId, detail: after === null ? 'to the start' : `after ${after}` }));
}

function placeParagraph(negotiation: Negotiation, actor: Actor, paragraphId: string, after: string | null): void {
  const moved = editable(negotiation, actor, paragraphId, 'move paragraphs');
  const target = after === null ? null : requireParagraph(negotiation, after);
  if (after === paragraphId) throw new CommandRefused('A paragraph cannot follow itself.', 'invalid');
  const table = negotiation.table;
  const head = moved.alternativeOf ?? moved.id;
  const group = (id: string): string[] => [id, ...table.paragraphs().filter((p) => p.alternativeOf === id).map((p) => p.id)];
  // An alternative moves alone only within its group; a paragraph moves with its alternatives.
  const carried = moved.alternativeOf ? [moved.id] : group(head);
  if (target && carried.includes(target.id)) throw new CommandRefused('A paragraph cannot follow one of its own alternatives.', 'invalid');
  const anchor = target === null ? null : moved.alternativeOf && (target.id === head || target.alternativeOf === head) ? target.id : lastOf(group(target.alternativeOf ?? target.id));
  table.doc.transact(() => {
    let previous = anchor;
    for (const id of carried) {
      place(negotiation, id, previous);
      previous = id;
    }
  });
}

const lastOf = (ids: string[]): string => ids[ids.length - 1]!;

/** Marks a paragraph deleted; it keeps its number until the next revision. */
export function deleteParagraph(negotiation: Negotiation, actor: Actor, paragraphId: string): void {
  logged(negotiation, actor, () => markDeleted(negotiation, actor, paragraphId), () => ({ kind: 'delete-paragraph', paragraph: paragraphId, detail: 'deleted' }));
}

function markDeleted(negotiation: Negotiation, actor: Actor, paragraphId: string): void {
  editable(negotiation, actor, paragraphId, 'delete paragraphs');
  negotiation.table.setStatus(paragraphId, { state: 'deleted', inEpoch: negotiation.table.epoch() });
}

/** Accepts a proposal: applies it to the text and records the decision. A stale span is refused for review. */
export function accept(negotiation: Negotiation, actor: Actor, key: string, at?: string): void {
  requireFacilitator(actor, 'accept proposals');
  const proposal = findProposal(negotiation, key);
  const table = negotiation.table;
  table.doc.transact(() => {
    let into: string | null = proposal.paragraphId;
    switch (proposal.kind) {
      case 'insert':
      case 'delete':
      case 'replace':
      case 'bracket': {
        editable(negotiation, actor, proposal.paragraphId, 'accept proposals');
        const edit = spanEdit(table, proposal);
        if (!edit) {
          throw new CommandRefused(`The words this proposal quotes ("${proposal.anchor?.quote ?? ''}") have changed since; review it and merge it by hand.`, 'needs-review');
        }
        applySpanEdit(edit);
        break;
      }
      case 'new-paragraph':
        into = insertParagraph(negotiation, actor, { after: proposal.paragraphId, text: proposal.paragraph ?? '', fromProposal: key });
        break;
      case 'alternative':
        into = insertAlternative(negotiation, actor, proposal.paragraphId, proposal.paragraph ?? '', key);
        break;
      case 'delete-paragraph':
        markDeleted(negotiation, actor, proposal.paragraphId);
        break;
      case 'move-paragraph':
        placeParagraph(negotiation, actor, proposal.paragraphId, proposal.moveAfter);
        break;
    }
    decide(negotiation, proposalKey(proposal), 'accepted', into, null, at);
    appendDecision(table, actor, { kind: 'accept', proposal: proposalKey(proposal), paragraph: into, detail: proposal.kind }, at);
  });
}

/** Merges proposals into the co-facilitators' own wording of a paragraph. */
export function merge(negotiation: Negotiation, actor: Actor, keys: string[], paragraphId: string, text: RichTextJSON | string, note: string | null = null, at?: string): void {
  requireFacilitator(actor, 'merge proposals');
  if (keys.length === 0) throw new CommandRefused('Name at least one proposal to merge.', 'invalid');
  const proposals = keys.map((k) => findProposal(negotiation, k));
  negotiation.table.doc.transact(() => {
    writeParagraphText(negotiation, actor, paragraphId, text);
    for (const p of proposals) {
      decide(negotiation, proposalKey(p), 'merged', paragraphId, note, at);
      appendDecision(negotiation.table, actor, { kind: 'merge', proposal: proposalKey(p), paragraph: paragraphId, detail: note ?? gist(text) }, at);
    }
  });
}

/** Records that a proposal is not retained. */
export function notRetain(negotiation: Negotiation, actor: Actor, key: string, note: string | null = null, at?: string): void {
  requireFacilitator(actor, 'decide on proposals');
  const proposal = findProposal(negotiation, key);
  logged(negotiation, actor, () => decide(negotiation, proposalKey(proposal), 'not-retained', null, note, at), () => ({ kind: 'not-retain', proposal: proposalKey(proposal), paragraph: proposal.paragraphId, detail: note ?? '' }), at);
}

/** Brackets the words between two offsets of a paragraph's flat text. */
export function bracket(negotiation: Negotiation, actor: Actor, paragraphId: string, from: number, to: number): void {
  editable(negotiation, actor, paragraphId, 'bracket text');
  const run = textRuns(negotiation.table.textFragment(paragraphId)).find((r) => from >= r.start && to <= r.start + r.length && to > from);
  if (!run) throw new CommandRefused('Brackets must open and close within one paragraph or one sub-item, around at least one character.', 'invalid');
  const words = plainOf(run.text).slice(from - run.start, to - run.start);
  logged(
    negotiation,
    actor,
    () => {
      run.text.insert(to - run.start, ']');
      run.text.insert(from - run.start, '[');
    },
    () => ({ kind: 'bracket', paragraph: paragraphId, detail: words }),
  );
}

/** Removes the pair of brackets whose opening bracket is at an offset of the paragraph's flat text. */
export function unbracket(negotiation: Negotiation, actor: Actor, paragraphId: string, openAt: number): void {
  editable(negotiation, actor, paragraphId, 'remove brackets');
  const run = textRuns(negotiation.table.textFragment(paragraphId)).find((r) => openAt >= r.start && openAt < r.start + r.length);
  const local = run ? openAt - run.start : -1;
  const span = run ? scanBrackets(plainOf(run.text)).spans.find((s) => s.start === local) : undefined;
  if (!run || !span) throw new CommandRefused('There is no opening bracket with its closing bracket at that place.', 'invalid');
  const words = plainOf(run.text).slice(span.start + 1, span.end - 1);
  logged(
    negotiation,
    actor,
    () => {
      run.text.delete(span.end - 1, 1);
      run.text.delete(span.start, 1);
    },
    () => ({ kind: 'unbracket', paragraph: paragraphId, detail: words }),
  );
}

/**
 * Sets a paragraph's status. Agreed (and agreed ad ref) requires a clean paragraph: no brackets, no
 * alternative, no open proposal, and for agreed no capital still awaited; ad ref awaits only delegations.
 * An agreed paragraph is changed only through reopen(); nothing changes under silence.
 */
export function setStatus(negotiation: Negotiation, actor: Actor, paragraphId: string, status: Exclude<ParagraphStatus, { state: 'deleted' }>, now?: string): void {
  requireFacilitator(actor, 'set the status of paragraphs');
  requireNotUnderSilence(negotiation, 'changing the status of a paragraph');
  const p = requireParagraph(negotiation, paragraphId);
  const label = currentLabels(negotiation).get(p.id) ?? 'This paragraph';
  if (p.status.state === 'agreed') requireEditable(p, label);
  if (status.state === 'adref') {
    if (status.pending.length === 0) throw new CommandRefused('Name the delegations whose capitals are awaited, or mark the paragraph agreed.', 'invalid');
    for (const d of status.pending) {
      const delegation = negotiation.table.delegation(d);
      if (!delegation) throw new CommandRefused(`"${d}" is not on the roster.`, 'not-a-delegation');
      if (!isNegotiatingDelegation(delegation)) throw new CommandRefused(`${delegation.name} is an observer; only delegations confirm ad ref.`, 'not-a-delegation');
    }
    if (status.deadline !== null && Number.isNaN(Date.parse(status.deadline))) throw new CommandRefused(`"${status.deadline}" is not a date and time.`, 'invalid');
  }
  if (status.state !== 'open') requireCleanParagraph(negotiation, p, status.state, now);
  const stored = status.state === 'adref' ? { ...status, pending: [...new Set(status.pending)] } : status;
  const detail = stored.state === 'adref' ? `agreed ad ref, awaiting ${stored.pending.join(', ')}${stored.deadline ? ` until ${stored.deadline}` : ''}` : stored.state;
  logged(negotiation, actor, () => negotiation.table.setStatus(paragraphId, stored), () => ({ kind: 'status', paragraph: paragraphId, detail }), now);
}

/** Reopens an agreed (or agreed ad ref) paragraph: an explicit decision of the co-facilitators. */
export function reopen(negotiation: Negotiation, actor: Actor, paragraphId: string): void {
  requireFacilitator(actor, 'reopen agreed paragraphs');
  requireNotUnderSilence(negotiation, 'reopening a paragraph');
  const p = requireParagraph(negotiation, paragraphId);
  if (p.status.state === 'open') throw new CommandRefused('This paragraph is already open.', 'invalid');
  if (p.status.state === 'deleted') throw new CommandRefused('This paragraph is deleted.', 'invalid');
  logged(negotiation, actor, () => negotiation.table.setStatus(paragraphId, { state: 'open' }), () => ({ kind: 'reopen', paragraph: paragraphId, detail: `reopened (was ${p.status.state})` }));
}

/** Adds a footnote at the end of a paragraph's own words (before its sub-items); returns its id. */
export function addFootnote(negotiation: Negotiation, actor: Actor, paragraphId: string, text: string): string {
  editable(negotiation, actor, paragraphId, 'add footnotes');
  if (!text.trim()) throw new CommandRefused('A footnote needs its text.', 'invalid');
  const body = negotiation.table.textFragment(paragraphId).toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'body');
  if (!body) throw new CommandRefused('This paragraph has no text to attach a footnote to.', 'invalid');
  const id = `fn-${randomId(10)}`;
  logged(
    negotiation,
    actor,
    () => {
      negotiation.table.footnotesMap.set(id, text.trim());
      const ref = new Y.XmlElement('footnote_ref');
      ref.setAttribute('id', id);
      body.insert(body.length, [ref]);
    },
    () => ({ kind: 'footnote', paragraph: paragraphId, detail: gist(text.trim()) }),
  );
  return id;
}

/** Changes the text of a footnote. */
export function editFootnote(negotiation: Negotiation, actor: Actor, footnoteId: string, text: string): void {
  requireFacilitator(actor, 'edit footnotes');
  requireNotUnderSilence(negotiation, 'changing the text');
  if (!negotiation.table.footnotesMap.has(footnoteId)) throw new CommandRefused(`There is no footnote ${footnoteId}.`, 'not-found');
  if (!text.trim()) throw new CommandRefused('A footnote needs its text; delete the reference to remove it.', 'invalid');
  logged(negotiation, actor, () => negotiation.table.footnotesMap.set(footnoteId, text.trim()), () => ({ kind: 'footnote', detail: gist(text.trim()) }));
}
