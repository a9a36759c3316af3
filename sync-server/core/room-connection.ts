import type * as Y from 'yjs';
import { TableDocument } from '../../shared/model/table-document';
import { documentRights } from '../../shared/model/document-rights';
import { CloseCode } from '../../shared/protocol/close-codes';
import { documentName, ID_PATTERN, parseDocumentName, type DocumentRef } from '../../shared/protocol/document-names';
import { permissionDeniedFrame, ProtocolError } from '../../shared/protocol/messages';
import { decodeRoomFrame, encodeRoomFrames, type RoomMessage } from '../../shared/protocol/room-frame';
import type { ClientConnection, ConnectionSocket } from './client-connection';
import { RateLimiter } from './rate-limiter';
import { AuthRefusal, type Identity } from './server-hooks';
import type { ServerLimits } from './server-limits';
import type { SyncServer } from './sync-server';

/**
 * One participant's multiplexed connection (`ws://HOST:PORT/<negotiation id>`): a single socket
 * subscribed to every document the invitation may read — the table, every delegation on the roster
 * (and those added later), its own private document. Each subscription is an ordinary
 * ClientConnection of the core, so rights, durability, awareness stamping and revocation are exactly
 * those of the per-document protocol. What the documents send in one turn leaves in one frame.
 * Any subscription closed by the server (revocation, a malformed message, a store failure) closes the
 * whole connection with its code.
 */
export class RoomConnection {
  identity: Identity | null = null;
  closed = false;
  private readonly subscriptions = new Map<string, ClientConnection>();
  private readonly limiter: RateLimiter;
  private readonly limits: ServerLimits;
  private outgoing: RoomMessage[] = [];
  private sendScheduled = false;
  /** Frames received before the roster was read; handled right after. */
  private early: Uint8Array[] | null = [];
  private earlyBytes = 0;
  private stopRoster: (() => void) | null = null;

  constructor(
    private readonly socket: ConnectionSocket,
    readonly negotiationId: string,
    private readonly core: SyncServer,
    /** Hears what failed unexpectedly (the connection is closed with 1011; the server serves on). */
    private readonly onError: (error: unknown) => void,
  ) {
    this.limits = core.limits;
    this.limiter = new RateLimiter(this.limits.messagesPerSecond, this.limits.messageBurst);
  }

  /** Authenticates, then subscribes to every readable document; refusals close with 44xx. */
  start(token: string | null): void {
    this.open(token).catch((error: unknown) => {
      if (error instanceof AuthRefusal) return this.close(error.code, error.reason);
      this.onError(error);
      this.close(CloseCode.internalError, 'the server could not open the negotiation; reconnect, and report it if it happens again');
    });
  }

  /** The documents this connection is subscribed to. */
  get documents(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** A frame from the client: entries are passed to their documents' subscriptions. */
  receive(frame: Uint8Array): void {
    if (this.closed) return;
    if (frame.length > this.limits.maxFrameBytes) return this.close(CloseCode.messageTooBig, `frame of ${frame.length} bytes exceeds ${this.limits.maxFrameBytes}`);
    if (!this.limiter.take()) return this.close(CloseCode.policyViolation, `more than ${this.limits.messagesPerSecond} frames per second`);
    if (this.early) {
      this.earlyBytes += frame.length;
      if (this.earlyBytes > this.limits.maxBufferedBytes) return this.close(CloseCode.policyViolation, `more than ${this.limits.maxBufferedBytes} bytes sent before the negotiation was open`);
      this.early.push(frame);
      return;
    }
    let messages: RoomMessage[];
    try {
      messages = decodeRoomFrame(frame);
    } catch (error) {
      return this.close(CloseCode.policyViolation, `malformed frame: ${error instanceof ProtocolError ? error.message : String(error)}`);
    }
    for (const m of messages) {
      if (this.closed) return;
      const subscription = this.subscriptions.get(m.document) ?? this.subscribeByName(m.document);
      if (subscription) this.core.receive(subscription, m.message);
    }
  }

  /** Closes the socket with a code and a reason the client sees, and every subscription with it. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.end(code, reason);
    let short = reason;
    while (Buffer.byteLength(short) > 123) short = short.slice(0, -1);
    this.socket.close(code, short);
  }

  /** The client closed the socket, or the network did. */
  gone(code: number, reason: string): void {
    if (!this.closed) this.end(code, reason);
  }

  private end(code: number, reason: string): void {
    this.closed = true;
    this.core.releaseInvitation(this);
    this.stopRoster?.();
    this.early = null;
    this.outgoing = [];
    for (const s of this.subscriptions.values()) s.gone(code, reason);
  }

  private async open(token: string | null): Promise<void> {
    const table: DocumentRef = { kind: 'table' };
    const identity = await this.core.authenticate(token, documentName(this.negotiationId, table), this.negotiationId, table);
    if (this.closed) return;
    this.core.holdInvitation(this, identity);
    this.identity = identity;
    const tableDoc = this.subscribe(table);
    if (identity.actor.delegationId) this.subscribeIfReadable({ kind: 'private', delegationId: identity.actor.delegationId });
    const doc = tableDoc ? await tableDoc : null;
    if (!doc || this.closed) return;
    this.followRoster(doc);
    const early = this.early ?? [];
    this.early = null;
    for (const frame of early) this.receive(frame);
  }

  /** Every delegation on the roster has a document everyone reads: subscribe to each, now and as the roster grows. */
  private followRoster(tableDoc: Y.Doc): void {
    const roster = new TableDocument(tableDoc).rosterMap;
    const follow = (): void => {
      for (const delegationId of roster.keys()) if (ID_PATTERN.test(delegationId)) this.subscribeIfReadable({ kind: 'delegation', delegationId });
    };
    roster.observe(follow);
    this.stopRoster = () => roster.unobserve(follow);
    follow();
  }

  /** A document the client names that this connection is not subscribed to: subscribed when readable, else refused. */
  private subscribeByName(name: string): ClientConnection | null {
    const parsed = parseDocumentName(name);
    if (parsed?.negotiationId === this.negotiationId && documentRights(this.identity!.actor, parsed.ref).read) {
      this.subscribe(parsed.ref);
      return this.subscriptions.get(name) ?? null;
    }
    const why = parsed ? `${this.identity!.label} may not read ${name}` : `"${name}" is not a document of negotiation ${this.negotiationId}`;
    this.enqueue(name, permissionDeniedFrame(`${why}; nothing was applied.`));
    return null;
  }

  private subscribeIfReadable(ref: DocumentRef): void {
    if (documentRights(this.identity!.actor, ref).read) this.subscribe(ref);
  }

  /** Subscribes to one document; resolves with it once synced against (null when the connection closed first). */
  private subscribe(ref: DocumentRef): Promise<Y.Doc | null> | null {
    const name = documentName(this.negotiationId, ref);
    if (this.subscriptions.has(name) || this.closed) return null;
    const out = this.socket;
    const socket: ConnectionSocket = {
      send: (message) => this.enqueue(name, message),
      get bufferedAmount() {
        return out.bufferedAmount;
      },
      close: (code, reason) => this.close(code, reason),
    };
    const { connection, joined } = this.core.admit(socket, name, ref, this.identity!);
    this.subscriptions.set(name, connection);
    return joined;
  }

  /** Queues a message to the client; what is queued in one turn leaves together. */
  private enqueue(document: string, message: Uint8Array): void {
    if (this.closed) return;
    this.outgoing.push({ document, message });
    if (this.sendScheduled) return;
    this.sendScheduled = true;
    setImmediate(() => {
      this.sendScheduled = false;
      const messages = this.outgoing;
      this.outgoing = [];
      if (this.closed || messages.length === 0) return;
      const frames = encodeRoomFrames(messages);
      if (frames.length > 1) this.socket.cork?.();
      try {
        for (const f of frames) this.socket.send(f);
      } finally {
        if (frames.length > 1) this.socket.uncork?.();
      }
      if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) this.close(CloseCode.slowConsumer, 'send buffer overflow: the client is not reading');
    });
  }
}
