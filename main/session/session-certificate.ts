import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { certificateFingerprint } from './certificate-pins';

/** A hosted session's own TLS key and certificate, and the fingerprint its join links carry. */
export interface SessionCertificate {
  key: string;
  cert: string;
  fingerprint: string;
  /** The whole certificate's SHA-256 as browsers show it in its details ("AB:CD:…"), for a person to compare. */
  sha256: string;
}

/** How long a session's certificate is valid: a negotiating session lasts days, not years. */
const VALID_DAYS = 14;

/**
 * Makes a fresh key pair and self-signed certificate for one hosted session, naming the addresses it is
 * served on. No certificate authority vouches for it: clients trust it only through the fingerprint in
 * the join link (or QR code) they were given in the room, which an eavesdropper on the Wi-Fi cannot forge.
 */
export async function sessionCertificate(addresses: string[], now = new Date()): Promise<SessionCertificate> {
  const ips = [...new Set([...addresses, '127.0.0.1'])].filter((a) => /^[0-9.]+$|:/.test(a));
  const pems = await generate([{ name: 'commonName', value: 'Penholder hosted session' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 5 * 60_000),
    notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  return { key: pems.private, cert: pems.cert, fingerprint: certificateFingerprint(pems.cert), sha256: new X509Certificate(pems.cert).fingerprint256 };
}
