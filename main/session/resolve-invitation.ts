import http from 'node:http';
import https from 'node:https';
import type { InvitationAnswer } from '../../shared/ipc/contract';
import type { Role } from '../../shared/model/actor';
import { type CertificatePins, pinnedAgent } from './certificate-pins';

const ROLES: readonly Role[] = ['cofacilitator', 'delegation', 'observer'];

/**
 * Asks a sync server who an invitation token belongs to (GET /api/session with the token as Bearer), from
 * the main process: no CORS in the way, and a hosted session's certificate is checked against the
 * fingerprint pinned from its join link before the token is sent. Throws (saying what to do) when the
 * server cannot be reached or is not the pinned one; a refusal by the server is an answer.
 */
export function resolveInvitation(serverUrl: string, token: string, pins: CertificatePins, timeoutMs = 15_000): Promise<InvitationAnswer> {
  const url = new URL('/api/session', serverUrl.replace(/^ws/, 'http'));
  const fingerprint = pins.fingerprintFor(serverUrl);
  if (fingerprint && url.protocol !== 'https:') return Promise.reject(new Error(`${url.host} was pinned to a certificate but the link is not wss://: refused.`));
  const get = url.protocol === 'https:' ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { authorization: `Bearer ${token}` }, ...(fingerprint ? { agent: pinnedAgent(fingerprint) } : {}), timeout: timeoutMs }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (text.length < 65_536) text += chunk;
      });
      response.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // An answer that is not JSON is read as an error below.
        }
        const status = response.statusCode ?? 0;
        if (status !== 200) return resolve({ refused: typeof body.error === 'string' ? body.error : `the server answered HTTP ${status}`, status });
        const role = body.role as Role;
        const d = body.delegation as { id?: unknown; name?: unknown } | null | undefined;
        if (typeof body.negotiationId !== 'string' || !ROLES.includes(role)) return resolve({ refused: 'the server gave an answer this version does not understand', status: 502 });
        resolve({ refused: null, negotiationId: body.negotiationId, role, delegation: d && typeof d.id === 'string' ? { id: d.id, name: typeof d.name === 'string' ? d.name : d.id } : null });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    request.on('error', (error) => reject(error.name === 'WrongCertificate' ? error : new Error(`${url.host} could not be reached (${error.message}). Check the network and that the session is still hosted.`)));
  });
}
