import * as Y from 'yjs';
import { DelegationDocument } from '../../shared/model/delegation-document';
import { GENERIC_AUTHOR } from '../../shared/model/decision-log';
import { touchedParagraphs } from '../../shared/model/direct-edits';
import { parseDocumentName } from '../../shared/protocol/document-names';
import { proposalKey } from '../../shared/model/proposal';
import { TableDocument } from '../../shared/model/table-document';
import { checkTableChange, paragraphFacts, tableFacts, tableFactsWithout, type DelegationFacts, type TableFacts, type TableRuleViolation } from '../../shared/model/table-rules';
import type { ServerHooks } from './server-hooks';
import type { DelegationFactsSnapshot, ProposalFact } from './delegation-facts';

/**
 * The rules of the negotiation, enforced where the data is: every update a client sends to a table
 * document is first applied to a shadow copy of it, the facts of the paragraphs it touched are compared
 * before and after (shared/model/table-rules.ts), and a change no command would have written is refused
 * (y-protocols' permission-denied with the reason: not applied, not stored, not broadcast).
 *
 * What only delegation documents know (open proposals, ad ref confirmations, objections) is read from
 * those this server holds in memory: every participant's app keeps them open, so while anyone is
 * connected they are at hand; one not held is given the benefit of the doubt. A delegation's document
 * held on a thread of its own (it grew large) is read from the facts that thread posts after each change.
 */
export function tableRulesHooks(options: { now?: () => Date } = {}): ServerHooks {
  const now = options.now ?? (() => new Date());
  const loaded = new Map<string, Y.Doc>();
  /** Delegations' documents held on threads of their own: their facts (their `doc` here no longer changes). */
  const offThread = new Map<string, DelegationFactsSnapshot>();
  const shadows = new WeakMap<Y.Doc, TableShadow>();
  const others = (negotiationId: string, table: TableDocument): DelegationFacts => {
    const prefix = `${negotiationId}/delegation/`;
    const held = (): string[] => [...new Set([...loaded.keys(), ...offThread.keys()])].filter((name) => name.startsWith(prefix));
    const proposals = (name: string): ProposalFact[] =>
      offThread.get(name)?.proposals ?? new DelegationDocument(name.slice(prefix.length), loaded.get(name)!).proposals().map((p) => ({ key: proposalKey(p), paragraphId: p.paragraphId, kind: p.kind, withdrawn: p.withdrawn }));
    const objected = (name: string, silenceId: string): boolean => {
      const facts = offThread.get(name);
      return facts ? facts.objections.includes(silenceId) : new DelegationDocument(name.slice(prefix.length), loaded.get(name)!).objection(silenceId) !== null;
    };
    return {
      openProposals: (paragraphId) =>
        held()
          .flatMap(proposals)
          .filter((p) => p.paragraphId === paragraphId && p.kind !== 'new-paragraph' && !p.withdrawn && !table.decision(p.key))
          .map((p) => p.key),
      confirmedAdRef: (delegationId, paragraphId) => {
        const facts = offThread.get(`${prefix}${delegationId}`);
        if (facts) return facts.confirmedAdRefs.includes(paragraphId);
        const doc = loaded.get(`${prefix}${delegationId}`);
        return doc ? new DelegationDocument(delegationId, doc).confirmedAdRef(paragraphId) : null;
      },
      objections: (silenceId) => held().filter((name) => objected(name, silenceId)).map((name) => name.slice(prefix.length)),
    };
  };
  return {
    onLoadDocument({ documentName, doc }) {
      loaded.set(documentName, doc);
      doc.once('destroy', () => loaded.get(documentName) === doc && loaded.delete(documentName));
    },
    onUnloadDocument({ documentName }) {
      loaded.delete(documentName);
      offThread.delete(documentName);
    },
    onDocumentFacts({ documentName, facts }) {
      if (facts) offThread.set(documentName, facts);
      else offThread.delete(documentName);
    },
    // A hook after this one (a storage quota) may refuse an update the rules let through: the copy holds
    // it and the document does not, so the copy is made again before the next check. Kept, it would let
    // the same update through later as a no-op, whatever the table had become meanwhile.
    onRefusedWrite({ documentName }) {
      const doc = loaded.get(documentName);
      const shadow = doc && shadows.get(doc);
      if (shadow) shadow.spoil();
    },
    validateUpdate({ documentName, doc, update, identity }) {
      const parsed = parseDocumentName(documentName);
      if (parsed?.ref.kind !== 'table') return null;
      let shadow = shadows.get(doc);
      if (!shadow) {
        shadow = new TableShadow(doc);
        shadows.set(doc, shadow);
      }
      const authors = [identity.label, ...(identity.actor.role === 'cofacilitator' ? [GENERIC_AUTHOR] : [])];
      const violation = shadow.check(update, now(), (table) => others(parsed.negotiationId, table), authors);
      return violation ? `${violation.message} (${violation.code}); the change was not applied` : null;
    },
  };
}

/** Past these, the copy catches up without waiting for a check, so that what it holds back stays small. */
const MAX_BEHIND_UPDATES = 1_000;
const MAX_BEHIND_BYTES = 1 << 20;

/**
 * A copy of a table document that follows it, with the rules' facts of every paragraph. An update is
 * tried on the copy first; a refused one spoils the copy, which is made again from the real document.
 */
class TableShadow {
  private copy!: Y.Doc;
  private facts!: TableFacts;
  private spoiled = false;
  private touched = new Set<string>();
  /** The types the update changed, so that the facts of the others are not read again. */
  private changed = new Set<unknown>();

  /** What the document took since the copy last caught up (other nodes' updates, accepted ones again). */
  private behind: Uint8Array[] = [];
  private behindBytes = 0;
  /**
   * Paragraphs the copy caught up on without reading their facts again: read when a check needs them (see
   * freshen). Following another node's typing then costs its apply, not its paragraph's facts too.
   */
  private stale = new Set<string>();

  constructor(private readonly real: Y.Doc) {
    this.rebuild();
    // The copy catches up only when a check needs it, in one transaction: a node whose clients do not
    // write the table pays nothing per update of the others, and one that does pays once per check.
    real.on('update', (update: Uint8Array) => {
      if (this.spoiled) return;
      this.behind.push(update);
      this.behindBytes += update.length;
      if (this.behind.length >= MAX_BEHIND_UPDATES || this.behindBytes >= MAX_BEHIND_BYTES) this.catchUp();
    });
    real.once('destroy', () => this.copy.destroy());
  }

  check(update: Uint8Array, now: Date, others: (table: TableDocument) => DelegationFacts, authors: readonly string[]): TableRuleViolation | null {
    if (this.spoiled) this.rebuild();
    else this.catchUp();
    const before = this.facts;
    let violation: TableRuleViolation | null;
    try {
      const after = this.apply([update]);
      this.freshen(before, after.facts, after.touched);
      violation = checkTableChange(before, after.facts, after.touched, now, others(new TableDocument(this.copy)), authors);
    } catch (error) {
      violation = { code: 'invalid', message: `the server could not read this change (${(error as Error).message})` };
    }
    if (violation) {
      this.spoiled = true;
      this.facts = before;
    }
    return violation;
  }

  /** The copy no longer follows the document: it is made again before the next check. */
  spoil(): void {
    this.spoiled = true;
    this.behind = [];
    this.behindBytes = 0;
  }

  /** Applies what the document took meanwhile; what cannot be applied spoils the copy. */
  private catchUp(): void {
    if (this.behind.length === 0) return;
    const updates = this.behind;
    this.behind = [];
    this.behindBytes = 0;
    try {
      this.apply(updates, true);
    } catch {
      this.spoil();
    }
  }

  /**
   * Reads the stale facts a check needs: those of the paragraphs the update touched, as they were before it
   * (the document has not taken it yet: it is the copy before it), and every paragraph's when the check may
   * read them all (silence changed, a paragraph agreed: see checkTableChange). The others stay stale.
   */
  private freshen(before: TableFacts, after: TableFacts, touched: ReadonlySet<string>): void {
    if (this.stale.size === 0) return;
    const real = new TableDocument(this.real);
    const all = after.silence !== before.silence || [...touched].some((id) => ['agreed', 'adref'].includes(after.paragraphs.get(id)?.status.state ?? ''));
    for (const id of this.stale) {
      if (!touched.has(id) && !all) continue;
      const facts = real.paragraphsMap.has(id) ? paragraphFacts(real, id) : undefined;
      for (const paragraphs of touched.has(id) ? [before.paragraphs] : [before.paragraphs, after.paragraphs]) {
        if (facts === undefined) paragraphs.delete(id);
        else paragraphs.set(id, facts);
      }
      this.stale.delete(id);
    }
  }

  private rebuild(): void {
    this.copy?.destroy();
    this.copy = new Y.Doc();
    this.copy.on('afterTransaction', (tr: Y.Transaction) => this.collect(tr));
    Y.applyUpdate(this.copy, Y.encodeStateAsUpdate(this.real));
    // What the real document holds back (waiting for missing updates) is held back here too.
    const pending = this.real.store.pendingStructs?.update;
    if (pending) Y.applyUpdate(this.copy, pending);
    if (this.real.store.pendingDs) Y.applyUpdate(this.copy, this.real.store.pendingDs);
    this.facts = tableFacts(new TableDocument(this.copy));
    this.spoiled = false;
    this.behind = [];
    this.behindBytes = 0;
    this.stale.clear();
  }

  /** Applies updates to the copy in one transaction; returns the facts after them (`lazy`: the touched paragraphs' left stale) and the paragraphs they touched. */
  private apply(updates: readonly Uint8Array[], lazy = false): { facts: TableFacts; touched: Set<string> } {
    this.touched = new Set();
    this.changed = new Set();
    Y.transact(this.copy, () => {
      for (const update of updates) Y.applyUpdate(this.copy, update);
    });
    const table = new TableDocument(this.copy);
    const paragraphs = new Map(this.facts.paragraphs);
    for (const id of this.touched) {
      if (lazy) this.stale.add(id);
      else if (table.paragraphsMap.has(id)) paragraphs.set(id, paragraphFacts(table, id));
      else paragraphs.delete(id);
    }
    this.facts = tableFactsWithout(table, paragraphs, { facts: this.facts, changed: this.changed });
    return { facts: this.facts, touched: this.touched };
  }

  /** Gathers the paragraphs each transaction on the copy wrote to. */
  private collect(tr: Y.Transaction): void {
    for (const id of touchedParagraphs(tr, new TableDocument(this.copy))) this.touched.add(id);
    for (const type of tr.changed.keys()) this.changed.add(type);
  }
}
