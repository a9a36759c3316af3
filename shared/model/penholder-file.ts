import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { encodeUtf8 } from 'lib0/string';
import { digest } from 'lib0/hash/sha256';
import { parseDocumentName } from '../protocol/document-names';
import { Negotiation } from './negotiation';

/** The `.penholder` file: one negotiation's documents as Yjs state, in a small JSON envelope. */
export interface PenholderFile {
  format: 'penholder';
  version: 1;
  id: string;
  title: string;
  savedAt: string;
  /** Yjs state (base64) by document path: `table`, `delegation/<id>`, `private/<id>`. */
  documents: Record<string, string>;
  /**
   * SHA-256 (base64) of the JSON of `documents`. Yjs applies about a quarter of single-byte corruptions
   * without an error, as different text; the checksum turns every one of them into a refusal.
   */
  sha256?: string;
}

const checksum = (documents: Record<string, string>): string => toBase64(digest(encodeUtf8(JSON.stringify(documents))));

/** Serialises a negotiation; private documents are left out unless asked for (they belong to one delegation). */
export function encodePenholderFile(negotiation: Negotiation, options: { includePrivate?: boolean } = {}): string {
  const documents: Record<string, string> = {};
  for (const [path, doc] of negotiation.documents()) {
    if (path.startsWith('private/') && !options.includePrivate) continue;
    documents[path] = toBase64(Y.encodeStateAsUpdate(doc));
  }
  const file: PenholderFile = { format: 'penholder', version: 1, id: negotiation.id, title: negotiation.table.meta().title, savedAt: new Date().toISOString(), documents, sha256: checksum(documents) };
  return JSON.stringify(file, null, 1) + '\n';
}

/** Reads a `.penholder` file; throws an error naming what is wrong with it. */
export function decodePenholderFile(content: string): Negotiation {
  let file: Partial<PenholderFile>;
  try {
    file = JSON.parse(content) as Partial<PenholderFile>;
  } catch {
    throw new Error('This is not a Penholder file (it is not JSON).');
  }
  if (file.format !== 'penholder') throw new Error('This is not a Penholder file (no "format": "penholder").');
  if (file.version !== 1) throw new Error(`This Penholder file has version ${String(file.version)}; this app reads version 1. Update Penholder to open it.`);
  if (typeof file.id !== 'string' || !file.documents || typeof file.documents !== 'object') throw new Error('This Penholder file has no id or no documents.');
  if (file.sha256 !== undefined && checksum(file.documents) !== file.sha256) throw new Error('This Penholder file is damaged: its contents do not match its checksum.');
  const negotiation = new Negotiation(file.id);
  for (const [path, state] of Object.entries(file.documents)) {
    const parsed = parseDocumentName(`${file.id}/${path}`);
    if (!parsed) throw new Error(`This Penholder file holds an unknown document "${path}".`);
    try {
      Y.applyUpdate(negotiation.document(parsed.ref), fromBase64(state));
    } catch {
      throw new Error(`The document "${path}" in this Penholder file is damaged.`);
    }
  }
  // Yjs keeps what refers to missing parts pending instead of failing: a file is whole or refused.
  for (const [path, doc] of negotiation.documents()) {
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) throw new Error(`The document "${path}" in this Penholder file is damaged (parts of it are missing).`);
  }
  if (!negotiation.table.meta().title) throw new Error('This Penholder file holds no negotiation (its table is empty or damaged).');
  return negotiation;
}
