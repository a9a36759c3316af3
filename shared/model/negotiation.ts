import * as Y from 'yjs';
import { DelegationDocument, PrivateDocument } from './delegation-document';
import { documentPath, type DocumentRef } from '../protocol/document-names';
import { TableDocument } from './table-document';

/**
 * A negotiation: its table document and the delegation and private documents this replica holds.
 * It is transport-free: the sync server, the renderer and the command line each feed it their Y.Docs.
 */
export class Negotiation {
  readonly table: TableDocument;
  private readonly delegationDocs = new Map<string, DelegationDocument>();
  private readonly privateDocs = new Map<string, PrivateDocument>();

  constructor(
    readonly id: string,
    tableDoc: Y.Doc = new Y.Doc(),
  ) {
    this.table = new TableDocument(tableDoc);
  }

  /** Roster entries by id, as read from the table: what proposals are checked against when read. */
  private readonly roster = (id: string) => this.table.delegation(id);

  /** The delegation document of a delegation, created empty when this replica has none yet. */
  delegation(delegationId: string): DelegationDocument {
    let d = this.delegationDocs.get(delegationId);
    if (!d) {
      d = new DelegationDocument(delegationId, new Y.Doc(), this.roster);
      this.delegationDocs.set(delegationId, d);
    }
    return d;
  }

  /** Every delegation document this replica holds, for delegations on the roster or with content. */
  delegations(): DelegationDocument[] {
    for (const d of this.table.roster()) this.delegation(d.id);
    return [...this.delegationDocs.values()].sort((a, b) => a.delegationId.localeCompare(b.delegationId));
  }

  /** A delegation's private document (only its own delegation ever holds it). */
  private(delegationId: string): PrivateDocument {
    let p = this.privateDocs.get(delegationId);
    if (!p) {
      p = new PrivateDocument(delegationId, new Y.Doc(), this.roster);
      this.privateDocs.set(delegationId, p);
    }
    return p;
  }

  /**
   * Uses an existing Y.Doc (one a provider syncs, say) for a delegation or private document. Call it
   * before the document is first read; the table document is given to the constructor.
   */
  attach(ref: Exclude<DocumentRef, { kind: 'table' }>, doc: Y.Doc): void {
    if (ref.kind === 'delegation') this.delegationDocs.set(ref.delegationId, new DelegationDocument(ref.delegationId, doc, this.roster));
    else this.privateDocs.set(ref.delegationId, new PrivateDocument(ref.delegationId, doc, this.roster));
  }

  /** The Y.Doc for one of the negotiation's documents. */
  document(ref: DocumentRef): Y.Doc {
    if (ref.kind === 'table') return this.table.doc;
    return ref.kind === 'delegation' ? this.delegation(ref.delegationId).doc : this.private(ref.delegationId).doc;
  }

  /** Every document this replica holds, by path (`table`, `delegation/x`, `private/x`). */
  documents(): Map<string, Y.Doc> {
    const docs = new Map<string, Y.Doc>([['table', this.table.doc]]);
    for (const d of this.delegations()) docs.set(documentPath({ kind: 'delegation', delegationId: d.delegationId }), d.doc);
    for (const p of this.privateDocs.values()) docs.set(documentPath({ kind: 'private', delegationId: p.delegationId }), p.doc);
    return docs;
  }
}
