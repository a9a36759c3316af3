import http from 'node:http';
import https from 'node:https';
import type { ServerAnswer, ServerRequest } from '../../shared/ipc/contract';
import { type CertificatePins, pinnedAgent } from './certificate-pins';

/** The largest answer read (the invitations of a large room fit well within it). */
const MAX_ANSWER = 4 * 1024 * 1024;

/**
 * Calls a sync server's HTTP API with an invitation token as Bearer, from the main process: a hosted
 * session's certificate is checked against the fingerprint pinned from its join link before the token
 * is sent. Any HTTP answer resolves (a body that is not JSON reads as `{}`); throws, saying what to do,
 * when the server cannot be reached or is not the pinned one.
 */
export function requestServer(serverUrl: string, token: string, call: ServerRequest, pins: CertificatePins, timeoutMs = 15_000): Promise<ServerAnswer> {
  const url = new URL(call.path, serverUrl.replace(/^ws/, 'http'));
  const fingerprint = pins.fingerprintFor(serverUrl);
  if (fingerprint && url.protocol !== 'https:') return Promise.reject(new Error(`${url.host} was pinned to a certificate but the link is not wss://: refused.`));
  const body = call.body === undefined ? null : Buffer.from(JSON.stringify(call.body));
  const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}) };
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: call.method, headers, ...(fingerprint ? { agent: pinnedAgent(fingerprint) } : {}), timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER) chunks.push(chunk);
      });
      response.on('end', () => {
        let answer: unknown = {};
        try {
          answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // An answer that is not JSON is read as an empty one; its status says the rest.
        }
        const isObject = typeof answer === 'object' && answer !== null && !Array.isArray(answer);
        resolve({ status: response.statusCode ?? 0, body: isObject ? (answer as Record<string, unknown>) : {} });
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    request.on('error', (error) => reject(error.name === 'WrongCertificate' ? error : new Error(`${url.host} could not be reached (${error.message}). Check the network and that the session is still hosted.`)));
    request.end(body ?? undefined);
  });
}
