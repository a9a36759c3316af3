import type { ImportedText } from '../../shared/import/imported-text';
import { SessionRefused } from './fetch-session';
import type { CallServer } from './server-call';

/** What the server answers when it created a negotiation: its id and the co-facilitators' invitations. */
export interface CreatedNegotiation {
  id: string;
  title: string;
  invitations: { role: string; token: string; link: string }[];
}

/**
 * Asks the sync server for a new negotiation, with a co-facilitator's token:
 *
 *   POST /api/negotiations   Authorization: Bearer <token>   {"title": "…", "imported"?: ImportedText}
 *   201 {"id", "title", "invitations": [{"role", "token", "link"}, …]}
 *   400/401/403/413 {"error": "…"}
 *
 * Throws SessionRefused when the server refuses, another error when it cannot be reached.
 */
export async function createNegotiationOnServer(callServer: CallServer, body: { title: string; imported?: ImportedText | null }): Promise<CreatedNegotiation> {
  const answer = await callServer({ method: 'POST', path: '/api/negotiations', body: body.imported ? { title: body.title, imported: body.imported } : { title: body.title } });
  const invitations = Array.isArray(answer.invitations) ? (answer.invitations as CreatedNegotiation['invitations']) : [];
  if (typeof answer.id !== 'string' || !invitations.some((i) => typeof i?.token === 'string')) throw new SessionRefused('the server gave an answer this version does not understand', 502);
  return { id: answer.id, title: typeof answer.title === 'string' ? answer.title : '', invitations };
}
