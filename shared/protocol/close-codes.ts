/**
 * WebSocket close codes the sync server uses, for both protocols. The 44xx range mirrors HTTP 4xx: the stock y-websocket client
 * (v3) treats 4400–4499 as permanent, stops reconnecting and emits `closed`; every other code (1001,
 * 1008, 1009, 4500…) makes it reconnect with back-off.
 */
export const CloseCode = {
  /** The server is shutting down; clients reconnect later. */
  goingAway: 1001,
  /** A frame that is not the y-websocket protocol, or a flood; the client may reconnect. */
  policyViolation: 1008,
  /** A frame over the size limit. */
  messageTooBig: 1009,
  /** The server failed while serving this connection (a bug or the store); the client reconnects. */
  internalError: 1011,
  /** No token, or a token the server does not know. */
  unauthenticated: 4401,
  /** The invitation was revoked or has expired, or does not open this document. */
  forbidden: 4403,
  /** The URL does not name a negotiation's document. */
  notFound: 4404,
  /** Too many connections for one invitation or from one address; the message says which. */
  tooManyConnections: 4429,
  /** The server cannot take this document now (its memory budget is full); the client retries later. */
  tryAgainLater: 1013,
  /** The client could not keep up: its send buffer overflowed, or it was among the slowest when the memory budget was full. It may reconnect. */
  slowConsumer: 4508,
} as const;

/** Whether a close code means the invitation does not open the negotiation (or the URL names nothing): do not reconnect. */
export const isPermanentClose = (code: number): boolean => code >= 4400 && code <= 4499;
