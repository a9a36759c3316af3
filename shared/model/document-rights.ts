import type { Actor, DocumentRights } from './actor';
import type { DocumentRef } from '../protocol/document-names';

/**
 * What an actor may do with one of a negotiation's documents. The sync server checks this when a
 * connection opens; the model's commands check the same before they write.
 *
 * Co-facilitators write the table; a delegation writes only its own delegation and private documents;
 * everyone invited reads the table and every delegation document; a private document is read and written
 * by its delegation alone, through an invitation with private access (Actor.privateAccess: once the
 * delegation issued a device link, never one the co-facilitators minted in its name); observers read only.
 */
export function documentRights(actor: Actor, ref: DocumentRef): DocumentRights {
  const own = actor.delegationId !== null && 'delegationId' in ref && ref.delegationId === actor.delegationId;
  switch (ref.kind) {
    case 'table':
      return { read: true, write: actor.role === 'cofacilitator' };
    case 'delegation':
      return { read: true, write: own && actor.role === 'delegation' };
    case 'private':
      return { read: own && actor.role === 'delegation' && actor.privateAccess === true, write: own && actor.role === 'delegation' && actor.privateAccess === true };
  }
}
