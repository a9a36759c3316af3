import type * as Y from 'yjs';
import { DelegationDocument } from '../../shared/model/delegation-document';
import { proposalKey, type ProposalKind } from '../../shared/model/proposal';
import { parseDocumentName } from '../../shared/protocol/document-names';

/** What the table's rules read of a proposal in a delegation's document. */
export interface ProposalFact {
  key: string;
  paragraphId: string;
  kind: ProposalKind;
  withdrawn: boolean;
}

/**
 * What the table's rules read of one delegation's document (table-rules.ts), as plain data: computed
 * on the thread that holds a document too large for the serving thread (document-worker.ts) and posted
 * after each change, so that the rules still see exactly what the document says.
 */
export interface DelegationFactsSnapshot {
  proposals: ProposalFact[];
  /** Paragraphs the delegation confirmed ad ref. */
  confirmedAdRefs: string[];
  /** Silence procedures the delegation objected in. */
  objections: string[];
}

/** The facts of delegation `delegationId`'s document, read as the rules read them (proposals validated, malformed entries ignored). */
export function delegationFactsOf(delegationId: string, doc: Y.Doc): DelegationFactsSnapshot {
  const d = new DelegationDocument(delegationId, doc);
  return {
    proposals: d.proposals().map((p) => ({ key: proposalKey(p), paragraphId: p.paragraphId, kind: p.kind, withdrawn: p.withdrawn })),
    confirmedAdRefs: [...d.adRefMap.keys()].filter((id) => d.confirmedAdRef(id)),
    objections: [...d.objectionsMap.keys()].filter((id) => d.objection(id) !== null),
  };
}

/** The facts of document `name` when it is a delegation's, else null. */
export function factsOfDocument(name: string, doc: Y.Doc): DelegationFactsSnapshot | null {
  const ref = parseDocumentName(name)?.ref;
  return ref?.kind === 'delegation' ? delegationFactsOf(ref.delegationId, doc) : null;
}

/** The names of the maps the facts are read from: a change elsewhere leaves them as they were. */
export const FACT_MAPS = ['proposals', 'adref', 'objections'] as const;
