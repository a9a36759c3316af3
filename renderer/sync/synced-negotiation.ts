import type * as Y from 'yjs';
import type { DelegationDocument, PrivateDocument } from '../../shared/model/delegation-document';
import type { DocumentRef } from '../../shared/protocol/document-names';
import { Negotiation } from '../../shared/model/negotiation';

/**
 * A Negotiation whose every document is a synced one: the first time the model asks for a delegation
 * or private document, `open` makes its Y.Doc (kept on this computer and connected to the server),
 * and the Negotiation adopts it through `attach`.
 */
export class SyncedNegotiation extends Negotiation {
  private readonly opened = new Set<string>();

  constructor(
    id: string,
    tableDoc: Y.Doc,
    private readonly open: (ref: Exclude<DocumentRef, { kind: 'table' }>) => Y.Doc,
  ) {
    super(id, tableDoc);
  }

  override delegation(delegationId: string): DelegationDocument {
    this.ensure({ kind: 'delegation', delegationId });
    return super.delegation(delegationId);
  }

  override private(delegationId: string): PrivateDocument {
    this.ensure({ kind: 'private', delegationId });
    return super.private(delegationId);
  }

  private ensure(ref: Exclude<DocumentRef, { kind: 'table' }>): void {
    const key = `${ref.kind}/${ref.delegationId}`;
    if (this.opened.has(key)) return;
    this.opened.add(key);
    this.attach(ref, this.open(ref));
  }
}
