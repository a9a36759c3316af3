import * as Y from 'yjs';
import { resolveAnchor } from './anchors';
import type { DelegationDocument } from './delegation-document';
import type { Negotiation } from './negotiation';
import { proposalKey, type Position, type Proposal, type ProposalState, type Stance } from './proposal';
import { needsReview, proposalState, type ProposalView } from './queries';

/**
 * `listProposals`, memoised on the documents' changes: the same views (by identity) as long as
 * nothing they are read from changed. Reading 2,000 proposals resolves 2,000 anchors in the text; a
 * keystroke changes one paragraph, so only the proposals on that paragraph are read again.
 *
 * What each part of a view depends on, and what invalidates it:
 * - a delegation's proposals and positions: any transaction on that delegation's document;
 * - a proposal's state (the co-facilitators' decision): any table change outside paragraph texts;
 * - needs-review: table changes outside paragraph texts, and changes to the text the anchor resolves
 *   into (when it does not resolve into a text of the table, it is read again every time).
 * The documents stay the only source of truth: the cache holds derived values and change counters.
 */
export interface ProposalViewCache {
  list(): ProposalView[];
}

interface DelegationEntry {
  version: number;
  roster: number;
  proposals: Proposal[];
  positions: Map<string, Position | null>;
}

interface ReviewEntry {
  proposal: Proposal;
  other: number;
  fragment: Y.XmlFragment;
  fragmentVersion: number;
  value: boolean;
}

const STANCES: Stance[] = ['support', 'oppose', 'reserve', 'pending-instructions'];

/** Counts a document's transactions (installed once per document, before anything is cached from it). */
const docVersions = new WeakMap<Y.Doc, { n: number }>();
function docVersion(doc: Y.Doc): number {
  let v = docVersions.get(doc);
  if (!v) {
    const counter = { n: 0 };
    v = counter;
    docVersions.set(doc, counter);
    doc.on('afterTransaction', () => counter.n++);
  }
  return v.n;
}

function fragmentOf(type: Y.AbstractType<unknown>): Y.XmlFragment | null {
  let t: Y.AbstractType<unknown> | null = type;
  while (t) {
    if (t instanceof Y.XmlFragment && !(t instanceof Y.XmlElement)) return t;
    const parent: unknown = t._item?.parent ?? null;
    t = parent instanceof Y.AbstractType ? (parent as Y.AbstractType<unknown>) : null;
  }
  return null;
}

export function createProposalViewCache(negotiation: Negotiation): ProposalViewCache {
  const table = negotiation.table.doc;
  // Table changes, split into changes inside a text fragment (per fragment) and everything else.
  const fragmentVersions = new WeakMap<Y.XmlFragment, number>();
  let other = 0;
  // Roster changes: "on behalf of" is read against the roster, so every delegation's proposals are read again.
  let rosterVersion = 0;
  const rosterMap = negotiation.table.rosterMap as Y.AbstractType<unknown>;
  // The texts changed since the last list(): when nothing else changed, only the views anchored in them are read again.
  const dirty = new Set<Y.XmlFragment>();
  let last: { sortKey: string; other: number; result: ProposalView[] } | null = null;
  table.on('afterTransaction', (tr: Y.Transaction) => {
    let outside = false;
    const touched = new Set<Y.XmlFragment>();
    for (const type of tr.changed.keys()) {
      const fragment = fragmentOf(type as Y.AbstractType<unknown>);
      if (fragment) touched.add(fragment);
      else outside = true;
    }
    if (tr.changed.size === 0 && tr.deleteSet.clients.size > 0) outside = true;
    if (tr.changed.has(rosterMap as never)) rosterVersion++;
    for (const f of touched) {
      fragmentVersions.set(f, (fragmentVersions.get(f) ?? 0) + 1);
      dirty.add(f);
    }
    if (outside) other++;
  });

  const delegations = new Map<DelegationDocument, DelegationEntry>();
  const states = new Map<string, { proposal: Proposal; other: number; value: ProposalState }>();
  const reviews = new Map<string, ReviewEntry>();
  const views = new Map<string, ProposalView>();
  let sorted: { key: string; proposals: Proposal[] } = { key: '', proposals: [] };
  let lastPositionsKey = '';

  const entry = (d: DelegationDocument): DelegationEntry => {
    const version = docVersion(d.doc);
    let e = delegations.get(d);
    if (!e || e.version !== version || e.roster !== rosterVersion) {
      e = { version, roster: rosterVersion, proposals: d.proposals(), positions: new Map() };
      delegations.set(d, e);
    }
    return e;
  };
  const position = (d: DelegationDocument, e: DelegationEntry, key: string): Position | null => {
    if (!e.positions.has(key)) e.positions.set(key, d.position(key));
    return e.positions.get(key)!;
  };
  const state = (key: string, proposal: Proposal): ProposalState => {
    const s = states.get(key);
    if (s && s.proposal === proposal && s.other === other) return s.value;
    const value = proposalState(negotiation, proposal);
    states.set(key, { proposal, other, value });
    return value;
  };
  const review = (key: string, proposal: Proposal): boolean => {
    const r = reviews.get(key);
    if (r && r.proposal === proposal && r.other === other && (fragmentVersions.get(r.fragment) ?? 0) === r.fragmentVersion) return r.value;
    const value = needsReview(negotiation, proposal);
    const span = proposal.anchor ? resolveAnchor(negotiation.table, proposal.anchor) : null;
    const fragment = span ? fragmentOf(span.text as Y.AbstractType<unknown>) : null;
    if (fragment && span!.text.doc === table) reviews.set(key, { proposal, other, fragment, fragmentVersion: fragmentVersions.get(fragment) ?? 0, value });
    else if (!proposal.anchor) reviews.set(key, { proposal, other, fragment: DETACHED, fragmentVersion: 0, value });
    else reviews.delete(key);
    return value;
  };

  return {
    list(): ProposalView[] {
      const docs = negotiation.delegations();
      const entries = docs.map((d) => entry(d));
      const sortKey = `${rosterVersion};${docs.map((d, i) => `${d.delegationId}:${entries[i]!.version}`).join(',')}`;
      if (last && last.sortKey === sortKey && last.other === other) {
        // Only texts changed: the proposals, positions and decisions are as they were.
        const result = last.result.map((v) => {
          const r = reviews.get(v.key);
          if (r && !dirty.has(r.fragment)) return v;
          const value = review(v.key, v.proposal);
          if (value === v.needsReview) return v;
          const view = { ...v, needsReview: value };
          views.set(v.key, view);
          return view;
        });
        dirty.clear();
        last = { sortKey, other, result };
        return result;
      }
      dirty.clear();
      if (sortKey !== sorted.key) {
        const all = entries.flatMap((e) => e.proposals);
        all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || proposalKey(a).localeCompare(proposalKey(b)));
        sorted = { key: sortKey, proposals: all };
      }
      // Positions are read from every delegation document: unchanged while none of them changed.
      const samePositions = sortKey === lastPositionsKey;
      lastPositionsKey = sortKey;
      const seen = new Set<string>();
      const result = sorted.proposals.map((proposal) => {
        const key = proposalKey(proposal);
        seen.add(key);
        const previous = views.get(key);
        if (samePositions && previous && previous.proposal === proposal) {
          const s = state(key, proposal);
          const r = review(key, proposal);
          if (s === previous.state && r === previous.needsReview) return previous;
          const view: ProposalView = { ...previous, state: s, needsReview: r };
          views.set(key, view);
          return view;
        }
        const positions: Record<Stance, string[]> = { support: [], oppose: [], reserve: [], 'pending-instructions': [] };
        docs.forEach((d, i) => {
          if (d.delegationId === proposal.author) return;
          const pos = position(d, entries[i]!, key);
          if (pos) positions[pos.stance].push(d.delegationId);
        });
        const view: ProposalView = { key, proposal, state: state(key, proposal), positions, needsReview: review(key, proposal) };
        if (previous && previous.proposal === view.proposal && previous.state === view.state && previous.needsReview === view.needsReview && STANCES.every((s) => sameList(previous.positions[s], positions[s]))) return previous;
        views.set(key, view);
        return view;
      });
      for (const key of views.keys()) {
        if (seen.has(key)) continue;
        views.delete(key);
        states.delete(key);
        reviews.delete(key);
      }
      last = { sortKey, other, result };
      return result;
    },
  };
}

/** Stands for "no text": a proposal without an anchor depends on the table outside the texts only. */
const DETACHED = new Y.XmlFragment();

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
