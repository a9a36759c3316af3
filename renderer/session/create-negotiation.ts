import type { ImportedText } from '../../shared/import/imported-text';
import { SessionRefused } from './fetch-session';

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
 * Throws SessionRefused when the server refuses, TypeError when it cannot be reached.
 */
export async function createNegotiationOnServer(
  httpUrl: string,
  token: string,
  body: { title: string; imported?: ImportedText | null },
  fetchImpl: typeof fetch = fetch,
): Promise<CreatedNegotiation> {
  const response = await fetchImpl(`${httpUrl}/api/negotiations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body.imported ? { title: body.title, imported: body.imported } : { title: body.title }),
    cache: 'no-store',
  });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new SessionRefused(typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`, response.status);
  const invitations = Array.isArray(answer.invitations) ? (answer.invitations as CreatedNegotiation['invitations']) : [];
  if (typeof answer.id !== 'string' || !invitations.some((i) => typeof i?.token === 'string')) throw new SessionRefused('the server gave an answer this version does not understand', 502);
  return { id: answer.id, title: typeof answer.title === 'string' ? answer.title : '', invitations };
}
