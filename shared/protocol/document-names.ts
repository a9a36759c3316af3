/**
 * A negotiation is a small set of Yjs documents, each with one kind of writer, so that the sync server
 * can decide who may write what per document, when a connection opens:
 *
 * - `table`: written by the co-facilitators only (metadata, roster, paragraphs, statuses, decisions,
 *   revisions, silence procedure);
 * - `delegation/<id>`: written by that delegation only (its proposals, positions, ad ref confirmations,
 *   silence objections), read by everyone invited;
 * - `private/<id>`: read and written by that delegation alone (drafts, notes).
 *
 * On the wire a document is named `<negotiation id>/<document>`.
 */
export type DocumentRef =
  | { kind: 'table' }
  | { kind: 'delegation'; delegationId: string }
  | { kind: 'private'; delegationId: string };

/** Identifiers of negotiations and delegations: lowercase letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The document's name within its negotiation: `table`, `delegation/mexico`, `private/mexico`. */
export function documentPath(ref: DocumentRef): string {
  return ref.kind === 'table' ? 'table' : `${ref.kind}/${ref.delegationId}`;
}

/** The document's full name on the wire: `<negotiation id>/<document path>`. */
export function documentName(negotiationId: string, ref: DocumentRef): string {
  return `${negotiationId}/${documentPath(ref)}`;
}

/** Parses `<negotiation id>/<document path>`; null when the name is not one of a negotiation's documents. */
export function parseDocumentName(name: string): { negotiationId: string; ref: DocumentRef } | null {
  const parts = name.replace(/^\/+/, '').split('/');
  const [negotiationId, kind, delegationId, ...rest] = parts;
  if (!negotiationId || !ID_PATTERN.test(negotiationId) || rest.length > 0) return null;
  if (kind === 'table' && delegationId === undefined) return { negotiationId, ref: { kind: 'table' } };
  if ((kind === 'delegation' || kind === 'private') && delegationId && ID_PATTERN.test(delegationId)) {
    return { negotiationId, ref: { kind, delegationId } };
  }
  return null;
}

/** A readable id from a name: "Côte d'Ivoire" → "cote-d-ivoire". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'delegation';
}
