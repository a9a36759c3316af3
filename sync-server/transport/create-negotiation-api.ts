import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import type { ImportedText } from '../../shared/import/imported-text';
import { createNegotiation } from '../../shared/model/create-negotiation';
import type { Role } from '../../shared/model/actor';
import { negotiationFromImport } from '../../shared/model/from-import';
import type { Negotiation } from '../../shared/model/negotiation';
import { invitationLink } from '../core/invitation-link';
import type { Invitations } from '../storage/invitation-store';
import { Refusal } from '../core/refusal';

/** What creating a negotiation needs: the invitations, and a way to write a new document through the server. */
export interface CreateNegotiationContext {
  invitations: Invitations;
  /** Changes a document through the server core, so that it is stored (and fanned out) as any edit is. */
  editDocument: <T>(documentName: string, edit: (doc: Y.Doc) => T) => Promise<T>;
  /** The ws:// address invitees will reach, or null when unknown. */
  serverUrl: string | null;
}

/** The largest request body: an imported text as JSON. */
export const MAX_CREATE_BODY = 2 * 1024 * 1024;
const MAX_TITLE = 500;
const MAX_NAME = 100;
const MAX_TEXT = 50_000;
const MAX_PARAGRAPHS = 5_000;
const MAX_DEPTH = 4;

/**
 * `POST /api/negotiations` with `Authorization: Bearer <token>` of a co-facilitator of any negotiation on
 * this server, and `{"title": "...", "imported"?: ImportedText, "cofacilitators"?: [name, name]}`: a new
 * negotiation (empty, or built from the imported text) and two co-facilitator invitations to it, named as
 * others will see them ("Co-facilitator — Ireland") when names are given. Answers
 * `201 {"id", "title", "invitations": [{"role", "name", "token", "link", "id"}, …]}` as `penholder negotiation create --json`
 * prints it, or `{"error"}` with 400 (a bad body), 401 (no or no valid token), 403 (not a co-facilitator), 413 (too large).
 */
export async function handleCreateNegotiation(context: CreateNegotiationContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = (status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  try {
    if (req.method !== 'POST') return reply(405, { error: `${req.method} is not supported on /api/negotiations; use POST.` });
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return reply(401, { error: 'Creating a negotiation needs a co-facilitator\'s token: Authorization: Bearer <token>.' });
    const invitation = await context.invitations.verify(token);
    if (typeof invitation === 'string') return reply(401, { error: `This token is ${invitation === 'unknown' ? 'not known here' : invitation}.` });
    if (invitation.role !== 'cofacilitator') return reply(403, { error: 'Only the co-facilitators of a negotiation on this server may open new negotiations on it.' });
    const body = await readBody(req);
    if (body === 'too-large') return reply(413, { error: `The request body is larger than ${MAX_CREATE_BODY / 1024 / 1024} MB.` });
    const { title, imported, names } = parseCreateBody(body);
    const negotiation = imported ? negotiationFromImport(imported, title ? { title } : {}) : createNegotiation({ title: title! });
    await storeNegotiation(context, negotiation);
    const invitations: { role: Role; name: string | null; token: string; link: string; id: string }[] = [];
    for (let n = 0; n < 2; n++) {
      const created = await context.invitations.create({ negotiationId: negotiation.id, role: 'cofacilitator', delegation: null, name: names[n] ?? null });
      invitations.push({ role: created.invitation.role, name: created.invitation.name ?? null, token: created.token, link: invitationLink(context.serverUrl, created.token), id: created.invitation.id });
    }
    reply(201, { id: negotiation.id, title: negotiation.table.meta().title, invitations });
  } catch (error) {
    if (error instanceof Refusal) return reply(error.status, { error: error.message });
    reply(500, { error: 'internal error' });
    throw error;
  }
}

/** Writes a new negotiation's documents through the server. */
export async function storeNegotiation(context: Pick<CreateNegotiationContext, 'editDocument'>, negotiation: Negotiation): Promise<void> {
  for (const [path, doc] of negotiation.documents()) {
    const update = Y.encodeStateAsUpdate(doc);
    if (update.length > 2) await context.editDocument(`${negotiation.id}/${path}`, (stored) => Y.applyUpdate(stored, update));
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CREATE_BODY) return 'too-large';
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') as unknown;
  } catch {
    throw new Refusal('The request body must be JSON: {"title": "...", "imported"?: {...}}.');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the body's shape and sizes; a Refusal names what is wrong and where. */
export function parseCreateBody(body: unknown): { title: string | null; imported: ImportedText | null; names: (string | null)[] } {
  if (!isObject(body)) throw new Refusal('The request body must be a JSON object: {"title": "...", "imported"?: {...}}.');
  const names = parseNames(body.cofacilitators);
  if (body.title !== undefined && body.title !== null && typeof body.title !== 'string') throw new Refusal('"title" must be a string.');
  const title = typeof body.title === 'string' ? body.title.trim() || null : null;
  if (title && title.length > MAX_TITLE) throw new Refusal(`"title" is longer than ${MAX_TITLE} characters.`);
  if (body.imported === undefined || body.imported === null) {
    if (!title) throw new Refusal('A new negotiation needs a "title" (or an "imported" text to take it from).');
    return { title, imported: null, names };
  }
  const imported = checkImported(body.imported);
  if (!title && !imported.title.trim()) throw new Refusal('A new negotiation needs a "title": the imported text has none.');
  return { title, imported, names };
}

/** The two co-facilitators' names, each optional (empty or null: unnamed). */
function parseNames(value: unknown): (string | null)[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 2) throw new Refusal('"cofacilitators" must be an array of at most two names (strings or null).');
  return value.map((v, i) => {
    if (v !== null && typeof v !== 'string') throw new Refusal(`"cofacilitators"[${i}] must be a string or null.`);
    const name = v?.trim() || null;
    if (name && name.length > MAX_NAME) throw new Refusal(`"cofacilitators"[${i}] is longer than ${MAX_NAME} characters.`);
    return name;
  });
}

function checkImported(v: unknown): ImportedText {
  const at = 'imported';
  if (!isObject(v)) throw new Refusal('"imported" must be an object, as `penholder import FILE --json` prints it.');
  let paragraphs = 0;
  const str = (value: unknown, path: string, nullable = false): void => {
    if (nullable && value === null) return;
    if (typeof value !== 'string') throw new Refusal(`${path} must be a string${nullable ? ' or null' : ''}.`);
    if (value.length > MAX_TEXT) throw new Refusal(`${path} is longer than ${MAX_TEXT} characters.`);
  };
  const arr = (value: unknown, path: string): unknown[] => {
    if (!Array.isArray(value)) throw new Refusal(`${path} must be an array.`);
    return value;
  };
  const optional = (o: Record<string, unknown>, key: string, path: string, check: (value: unknown, path: string) => void): void => {
    if (o[key] !== undefined) check(o[key], `${path}.${key}`);
  };
  const items = (value: unknown, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) throw new Refusal(`${path} nests sub-items deeper than ${MAX_DEPTH} levels.`);
    arr(value, path).forEach((item, i) => {
      const p = `${path}[${i}]`;
      if (!isObject(item)) throw new Refusal(`${p} must be an object.`);
      str(item.label, `${p}.label`);
      str(item.text, `${p}.text`);
      optional(item, 'items', p, (x, q) => items(x, q, depth + 1));
    });
  };
  const marks = (value: unknown, path: string): void => arr(value, path).forEach((m, i) => str(m, `${path}[${i}]`));
  const paragraph = (p: unknown, path: string, fields: { lead?: boolean; number?: boolean }): void => {
    if (++paragraphs > MAX_PARAGRAPHS) throw new Refusal(`The imported text has more than ${MAX_PARAGRAPHS} paragraphs.`);
    if (!isObject(p)) throw new Refusal(`${path} must be an object.`);
    if (fields.lead) str(p.lead, `${path}.lead`, true);
    if (fields.number) str(p.number, `${path}.number`, true);
    str(p.text, `${path}.text`);
    items(p.items, `${path}.items`, 1);
    optional(p, 'footnotes', path, marks);
    optional(p, 'heading', path, (x, q) => str(x, q, true));
  };
  if (!['resolution', 'declaration', 'report', 'draft'].includes(v.form as string)) throw new Refusal(`${at}.form must be one of resolution, declaration, report, draft.`);
  if (v.language !== 'en' && v.language !== 'fr') throw new Refusal(`${at}.language must be "en" or "fr".`);
  str(v.symbol, `${at}.symbol`, true);
  str(v.title, `${at}.title`);
  if ((v.title as string).length > MAX_TITLE) throw new Refusal(`${at}.title is longer than ${MAX_TITLE} characters.`);
  str(v.organ, `${at}.organ`, true);
  str(v.closing, `${at}.closing`, true);
  arr(v.preamble, `${at}.preamble`).forEach((p, i) => paragraph(p, `${at}.preamble[${i}]`, { lead: true }));
  arr(v.operative, `${at}.operative`).forEach((p, i) => paragraph(p, `${at}.operative[${i}]`, { lead: true, number: true }));
  arr(v.annexes, `${at}.annexes`).forEach((a, i) => {
    const path = `${at}.annexes[${i}]`;
    if (!isObject(a)) throw new Refusal(`${path} must be an object.`);
    str(a.title, `${path}.title`);
    str(a.chapeau, `${path}.chapeau`, true);
    arr(a.paragraphs, `${path}.paragraphs`).forEach((p, j) => paragraph(p, `${path}.paragraphs[${j}]`, { number: true }));
  });
  arr(v.headings, `${at}.headings`).forEach((h, i) => str(h, `${at}.headings[${i}]`));
  arr(v.footnotes, `${at}.footnotes`).forEach((f, i) => {
    const path = `${at}.footnotes[${i}]`;
    if (!isObject(f)) throw new Refusal(`${path} must be an object.`);
    str(f.mark, `${path}.mark`);
    str(f.text, `${path}.text`);
  });
  return v as unknown as ImportedText;
}
