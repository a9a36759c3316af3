import crypto, { X509Certificate } from 'node:crypto';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import WebSocket from 'ws';

/**
 * A certificate's fingerprint as join links carry it: the SHA-256 of its public key (SubjectPublicKeyInfo),
 * base64url. The public key rather than the whole certificate, so that the same value is what Chromium
 * pins (`--ignore-certificate-errors-spki-list`, in base64) and what Electron's verify procedure checks.
 */
export function certificateFingerprint(certificate: string | Buffer): string {
  const key = new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(key).digest('base64url');
}

/** A fingerprint in the base64 form Chromium's --ignore-certificate-errors-spki-list takes. */
export const chromiumSpki = (fingerprint: string): string => Buffer.from(fingerprint, 'base64url').toString('base64');

/** The server presented another certificate than the one its join link named: nothing was sent to it. */
export class WrongCertificate extends Error {
  constructor(host: string) {
    super(`${host} did not present the certificate its join link names: this is not the session you were invited to (or someone is in between). Nothing was sent. Ask the co-facilitators for the link or QR code shown on the host's screen.`);
    this.name = 'WrongCertificate';
  }
}

/**
 * An https agent that hands a connection to the request only once the server has shown the certificate
 * with this fingerprint: the request (and its invitation token) is never written to any other server.
 * There is no "accept anyway" and no fallback to plain http.
 */
export function pinnedAgent(fingerprint: string): https.Agent {
  const agent = new https.Agent({ keepAlive: false });
  type Callback = (error: Error | null, socket?: Duplex) => void;
  (agent as unknown as { createConnection: (options: tls.ConnectionOptions, callback: Callback) => undefined }).createConnection = (options, callback) => {
    const socket = tls.connect({ ...options, rejectUnauthorized: false });
    const fail = (error: Error): void => {
      socket.destroy();
      callback(error);
    };
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      socket.off('error', fail);
      const raw = socket.getPeerCertificate().raw;
      if (raw && certificateFingerprint(raw) === fingerprint) callback(null, socket);
      else fail(new WrongCertificate(`${options.host ?? 'the server'}:${options.port ?? ''}`));
    });
    return undefined;
  };
  return agent;
}

/**
 * The fingerprints this computer was given for hosted sessions (by the join links it opened), per
 * host and port: connections to them are made only to that certificate.
 */
export class CertificatePins {
  private readonly pins = new Map<string, string>();

  /** Pins the certificate of a wss:// server. */
  pin(serverUrl: string, fingerprint: string): void {
    this.pins.set(hostOf(serverUrl), fingerprint);
  }

  /** The fingerprint pinned for a server URL (any scheme), or null. */
  fingerprintFor(serverUrl: string): string | null {
    return this.pins.get(hostOf(serverUrl)) ?? null;
  }

  /** Every pinned fingerprint. */
  fingerprints(): string[] {
    return [...new Set(this.pins.values())];
  }

  /** Whether a certificate (PEM or DER) presented by host:port is the one pinned for it. */
  accepts(host: string, port: number, certificate: string | Buffer): boolean {
    const pinned = this.pins.get(`${host}:${port}`);
    return pinned !== undefined && certificateFingerprint(certificate) === pinned;
  }

  /** Whether any certificate is pinned for a host name (whatever the port): Electron's verify procedure sees no port. */
  acceptsHost(hostname: string, certificate: string | Buffer): boolean {
    const fingerprint = certificateFingerprint(certificate);
    for (const [key, pinned] of this.pins) if (key.slice(0, key.lastIndexOf(':')) === hostname.replace(/^\[|\]$/g, '') && pinned === fingerprint) return true;
    return false;
  }
}

function hostOf(serverUrl: string): string {
  const url = new URL(serverUrl);
  const port = url.port || (url.protocol === 'wss:' || url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname.replace(/^\[|\]$/g, '')}:${port}`;
}

/**
 * The `ws` WebSocket class bound to a pinned certificate, for y-websocket's WebSocketPolyfill: it
 * connects only to the server showing that certificate (the invitation token in the URL is never sent
 * to another).
 */
export function pinnedWebSocket(fingerprint: string): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  const agent = pinnedAgent(fingerprint);
  return class PinnedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { agent });
    }
  };
}
