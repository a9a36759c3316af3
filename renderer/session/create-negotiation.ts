import type { ImportedText } from '../../shared/import/imported-text';
import { SessionRefused } from './fetch-session';
import type { CallServer } from './server-call';

/** What the server answers when it created a negotiation: its id and the co-facilitators' invitations. */
export interface CreatedNegotiation {
  id: string;
  title: string;
  /** The two co-facilitators' invitations; `name` as others see them, null when none was given. */
  invitations: { role: string; name?: string | null; token: string; link: string }[];
}

/**
 * Asks the sync server for a new negotiation, with a co-facilitator's token:
 *
 *   POST /api/negotiations   Authorization: Bearer <token>   {"title": "…", "imported"?: ImportedText, "cofacilitators"?: [name, name]}
 *   201 {"id", "title", "invitations": [{"role", "name", "token", "link"}, …]}
 *   400/401/403/413 {"error": "…"}
 *
 * Throws SessionRefused when the server refuses, another error when it cannot be reached.
 */
export async function createNegotiationOnServer(callServer: CallServer, body: { title: string; imported?: ImportedText | null; cofacilitators?: (string | null)[] }): Promise<CreatedNegotiation> {
  const names = body.cofacilitators?.some((n) => n?.trim()) ? { cofacilitators: body.cofacilitators.map((n) => n?.trim() || null) } : {};
  const answer = await callServer({ method: 'POST', path: '/api/negotiations', body: { title: body.title, ...(body.imported ? { imported: body.imported } : {}), ...names } });
  const invitations = Array.isArray(answer.invitations) ? (answer.invitations as CreatedNegotiation['invitations']) : [];
  if (typeof answer.id !== 'string' || !invitations.some((i) => typeof i?.token === 'string')) throw new SessionRefused('the server gave an answer this version does not understand', 502);
  return { id: answer.id, title: typeof answer.title === 'string' ? answer.title : '', invitations };
}
