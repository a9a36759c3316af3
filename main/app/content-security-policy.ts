/**
 * The renderer's Content-Security-Policy, sent with every page of app://penholder: scripts and styles
 * only from the app itself (no inline script, no eval), connections only to sync servers over ws(s)
 * and http(s) (the sync server's /api/session), no plugins, no framing, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  'connect-src ws: wss: http: https:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
].join('; ');
