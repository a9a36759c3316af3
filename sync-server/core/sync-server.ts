import * as Y from 'yjs';
import type { Logger } from 'pino';
import { documentRights } from '../../shared/model/document-rights';
import { parseDocumentName, type DocumentRef } from '../../shared/protocol/document-names';
import { ClientConnection, type ConnectionSocket } from './client-connection';
import { CloseCode } from '../../shared/protocol/close-codes';
import { ConnectionCounts } from './connection-limits';
import { DOCUMENT_MEMORY_FACTOR, MemoryBudget } from './memory-budget';
import { HostedDocuments } from './hosted-documents';
import { SocketConsumer } from './socket-consumer';
import type { DocumentStore } from '../storage/document-store';
import type { DocumentFanout } from './document-fanout';
import { HostedDocument } from './hosted-document';
import { UpdateSlicer } from './update-slicer';
import { AuthRefusal, callHooks, type Identity, type ServerHooks } from './server-hooks';
import type { ServerLimits } from './server-limits';

/** What the core is made of; the transport and the store are chosen by the caller. */
export interface SyncServerOptions {
  store: DocumentStore;
  /** Hook objects; the first with `onAuthenticate` decides who a token belongs to. */
  hooks: ServerHooks[];
  limits: ServerLimits;
  logger: Logger;
  /** Other nodes sharing the store (sync-server/cluster/redis); none for a single node. */
  fanout?: DocumentFanout | null;
}

/**
 * The transport-free core of the sync server: authenticates connections per document, loads documents
 * fully before anyone syncs against them, applies the rights rules, and unloads idle documents.
 * A transport hands it sockets (`connect`) and frames (`ClientConnection` via `receive`).
 */
export class SyncServer {
  private readonly documents: HostedDocuments;
  private readonly hostedMap = new WeakMap<ClientConnection, HostedDocument>();
  readonly connections = new Set<ClientConnection>();
  private readonly revalidateTimer: NodeJS.Timeout;
  private closing = false;
  /** Send buffers and loaded documents, against `limits.memoryBudgetBytes`. */
  readonly budget: MemoryBudget;
  private readonly perAddress: ConnectionCounts<object>;
  private readonly perInvitation: ConnectionCounts<object>;
  private readonly options: SyncServerOptions;
  /** Reads and slices clients' large updates off the serving thread. */
  private readonly slicer: UpdateSlicer;

  constructor(options: SyncServerOptions) {
    this.budget = new MemoryBudget(options.limits.memoryBudgetBytes);
    this.slicer = new UpdateSlicer(options.logger);
    this.perAddress = new ConnectionCounts(options.limits.maxConnectionsPerAddress);
    this.perInvitation = new ConnectionCounts(options.limits.maxConnectionsPerToken);
    // A document grows by what is stored into it.
    const growth: ServerHooks = { onStoreDocument: ({ documentName, bytes }) => this.budget.growDocument(documentName, bytes * DOCUMENT_MEMORY_FACTOR) };
    this.options = { ...options, hooks: [...options.hooks, growth] };
    this.documents = new HostedDocuments({ ...this.options, fanout: options.fanout ?? null, budget: this.budget, slicer: this.slicer });
    this.revalidateTimer = setInterval(() => this.revalidate(), options.limits.revalidateMs);
    this.revalidateTimer.unref();
  }

  /** The limits every connection is held to. */
  get limits(): ServerLimits {
    return this.options.limits;
  }

  /** The number of documents in memory. */
  get documentCount(): number {
    return this.documents.size;
  }

  /**
   * Opens a connection to `documentName` for the holder of `token`. Frames may be passed to `receive`
   * at once: they wait until the connection is authenticated and the document loaded.
   */
  connect(socket: ConnectionSocket, documentName: string, token: string | null): ClientConnection {
    const parsed = parseDocumentName(documentName);
    const { limits } = this.options;
    const connection = new ClientConnection(socket, documentName, parsed?.ref ?? null, limits, this.budget, (c, code, reason) => this.closed(c, code, reason));
    this.connections.add(connection);
    try {
      if (this.closing) {
        connection.close(CloseCode.goingAway, 'the server is shutting down');
      } else if (!parsed) {
        connection.close(CloseCode.notFound, `"${documentName}" is not a negotiation document (expected <negotiation>/table, /delegation/<id> or /private/<id>)`);
      } else {
        void this.open(connection, token, parsed.negotiationId).catch((error: unknown) => {
          if (error instanceof AuthRefusal) return connection.close(error.code, error.reason);
          this.failed(connection, error, 'opening the document');
        });
      }
    } catch (error) {
      this.failed(connection, error, 'opening a connection');
    }
    return connection;
  }

  /**
   * Takes a client's socket (of either protocol) into account: counted against its address's limit,
   * and its send buffer in the memory budget, where it is closed (4508) when among the slowest. Returns
   * the socket to write to (it hands large frames over as the client reads them; set its
   * `closeConnection` once the connection is open) and the function to call once the socket is gone,
   * or the reason it is refused (4429).
   */
  acceptSocket(socket: ConnectionSocket): { socket: SocketConsumer; release: () => void } | string {
    const holder = {};
    const address = socket.remoteAddress;
    const { maxConnectionsPerAddress } = this.options.limits;
    if (address !== undefined && !this.perAddress.add(holder, address)) {
      return `too many connections from ${address} (${maxConnectionsPerAddress} open); close some windows, or ask the host to raise maxConnectionsPerAddress`;
    }
    const consumer = new SocketConsumer(socket, this.budget);
    this.budget.add(consumer);
    const release = (): void => {
      this.perAddress.remove(holder);
      consumer.end();
      this.budget.remove(consumer);
    };
    return { socket: consumer, release };
  }

  /** Counts an authenticated connection (a document's, or a room) against its invitation's limit; throws AuthRefusal (4429) over it. */
  holdInvitation(holder: object, identity: Identity): void {
    const { maxConnectionsPerToken } = this.options.limits;
    if (!this.perInvitation.add(holder, identity.invitationId)) {
      throw new AuthRefusal(CloseCode.tooManyConnections, `this invitation already holds ${maxConnectionsPerToken} open connections; close other windows or devices using it`);
    }
  }

  /** Stops counting what `holdInvitation` counted. */
  releaseInvitation(holder: object): void {
    this.perInvitation.remove(holder);
  }

  /** Passes a frame from the client to the connection's document. */
  receive(connection: ClientConnection, frame: Uint8Array): void {
    if (connection.closed) return;
    try {
      const { limits } = this.options;
      if (frame.length > limits.maxFrameBytes) return this.reject(connection, CloseCode.messageTooBig, `frame of ${frame.length} bytes exceeds ${limits.maxFrameBytes}`);
      if (!connection.allow()) return this.reject(connection, CloseCode.policyViolation, `more than ${limits.messagesPerSecond} messages per second`);
      const hosted = this.hostedOf(connection);
      // A client that asks for more while the budget is full and it has not read its share is not served more.
      if (!this.budget.mayRequest(connection)) return connection.closeAsSlow('the server is at its memory budget and this connection has not read what it was sent');
      if (hosted && !connection.applying) return hosted.receive(connection, frame);
      // Held until the document is open (or the connection's large update is applied), within its buffer limit.
      const held = connection.early.reduce((sum, f) => sum + f.length, frame.length);
      if (held > limits.maxBufferedBytes) return this.reject(connection, CloseCode.policyViolation, `more than ${limits.maxBufferedBytes} bytes sent before the document was open, or while its large update was applied`);
      connection.early.push(frame);
    } catch (error) {
      this.failed(connection, error, 'a frame');
    }
  }

  /**
   * Whatever went wrong while serving one connection costs that connection only: it is logged and
   * closed (1011, so the client reconnects), and the server serves on.
   */
  failed(connection: ClientConnection, error: unknown, what: string): void {
    this.options.logger.error({ err: error, doc: connection.documentName, invitation: connection.identity?.invitationId }, `handling ${what} failed; closing that connection`);
    try {
      connection.close(CloseCode.internalError, `the server could not handle ${what}; reconnect, and report it if it happens again`);
    } catch (closeError) {
      this.options.logger.error({ err: closeError }, 'could not close a failed connection');
    }
  }

  /** Applies a change made by the server to a document (loaded for the purpose if needed); resolves once durable. */
  async editDocument<T>(documentName: string, edit: (doc: Y.Doc) => T): Promise<T> {
    const hosted = await this.documents.host(documentName);
    try {
      return await hosted.edit(edit);
    } finally {
      this.documents.scheduleUnload(hosted);
    }
  }

  /** Closes every connection opened with an invitation, as when it is revoked. */
  closeInvitation(invitationId: string, reason: string): void {
    for (const c of [...this.connections]) if (c.identity?.invitationId === invitationId) c.close(CloseCode.forbidden, reason);
  }

  /** Closes every connection open on a document (4403), as when its readers change: a room connection that holds it closes whole. */
  closeDocument(documentName: string, reason: string): void {
    for (const c of [...this.connections]) if (c.documentName === documentName) c.close(CloseCode.forbidden, reason);
  }

  /** Closes every connection with "going away", writes what is pending and unloads every document. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.revalidateTimer);
    this.documents.stopUnloading();
    for (const c of [...this.connections]) c.close(CloseCode.goingAway, 'the server is shutting down');
    await this.documents.unloadAll();
    await this.slicer.close();
  }

  private hostedOf(connection: ClientConnection): HostedDocument | undefined {
    return this.hostedMap.get(connection);
  }

  /**
   * Who holds `token`, as the authentication hook says, for a connection to `documentName` (a room
   * authenticates as for its negotiation's table). Throws AuthRefusal when the invitation opens nothing here.
   */
  async authenticate(token: string | null, documentName: string, negotiationId: string, ref: DocumentRef): Promise<Identity> {
    const authenticate = this.options.hooks.find((h) => h.onAuthenticate)?.onAuthenticate;
    if (!authenticate) throw new AuthRefusal(CloseCode.unauthenticated, 'no authentication configured');
    const identity = await authenticate({ token, documentName, negotiationId, ref });
    if (identity.negotiationId !== negotiationId) throw new AuthRefusal(CloseCode.forbidden, 'this invitation is for another negotiation');
    return identity;
  }

  /**
   * Opens a connection to one document for an identity already authenticated: one of a room's
   * documents. `joined` resolves with the document once the connection is synced against it (null if
   * it closed first). Frames may be passed to `receive` at once.
   */
  admit(socket: ConnectionSocket, documentName: string, ref: DocumentRef, identity: Identity): { connection: ClientConnection; joined: Promise<Y.Doc | null> } {
    const connection = new ClientConnection(socket, documentName, ref, this.options.limits, this.budget, (c, code, reason) => this.closed(c, code, reason));
    this.connections.add(connection);
    if (this.closing) {
      connection.close(CloseCode.goingAway, 'the server is shutting down');
      return { connection, joined: Promise.resolve(null) };
    }
    const joined = this.join(connection, identity).then(
      () => (connection.closed ? null : (this.hostedOf(connection)?.doc ?? null)),
      (error: unknown) => {
        if (error instanceof AuthRefusal) connection.close(error.code, error.reason);
        else this.failed(connection, error, 'opening the document');
        return null;
      },
    );
    return { connection, joined };
  }

  private async open(connection: ClientConnection, token: string | null, negotiationId: string): Promise<void> {
    const identity = await this.authenticate(token, connection.documentName, negotiationId, connection.ref!);
    if (connection.closed) return;
    this.holdInvitation(connection, identity);
    await this.join(connection, identity);
  }

  /**
   * Both protocols pass here once per document: a room (RoomConnection) is one socket holding one
   * ClientConnection per document, so limits on sockets count rooms, not these.
   */
  private async join(connection: ClientConnection, identity: Identity): Promise<void> {
    const rights = documentRights(identity.actor, connection.ref!);
    if (!rights.read) throw new AuthRefusal(CloseCode.forbidden, `${identity.label} may not read ${connection.documentName}`);
    connection.identity = identity;
    connection.readOnly = !rights.write;
    const hosted = await this.documents.host(connection.documentName);
    if (connection.closed) return this.documents.scheduleUnload(hosted);
    this.hostedMap.set(connection, hosted);
    hosted.join(connection);
    // Frames that waited (for the document, or for a large update to be applied), in order.
    connection.applied = () => {
      while (connection.early.length > 0 && !connection.applying && !connection.closed) hosted.receive(connection, connection.early.shift()!);
    };
    callHooks(this.options.hooks, 'onConnect', { documentName: connection.documentName, identity, readOnly: connection.readOnly });
    connection.applied();
  }

  private closed(connection: ClientConnection, code: number, reason: string): void {
    this.connections.delete(connection);
    this.perInvitation.remove(connection);
    const hosted = this.hostedOf(connection);
    if (hosted) {
      hosted.leave(connection);
      this.hostedMap.delete(connection);
      this.documents.scheduleUnload(hosted);
    }
    callHooks(this.options.hooks, 'onDisconnect', { documentName: connection.documentName, identity: connection.identity, code, reason });
  }

  private reject(connection: ClientConnection, code: number, reason: string): void {
    callHooks(this.options.hooks, 'onBadClient', { documentName: connection.documentName, identity: connection.identity, code, reason });
    connection.close(code, reason);
  }

  private revalidate(): void {
    const revalidate = this.options.hooks.find((h) => h.onRevalidate)?.onRevalidate;
    if (!revalidate) return;
    // Once per invitation, however many documents its connections (a room holds one per document) have open.
    const byInvitation = new Map<string, { identity: Identity; connections: ClientConnection[] }>();
    for (const c of this.connections) {
      if (!c.identity) continue;
      const group = byInvitation.get(c.identity.invitationId);
      if (group) group.connections.push(c);
      else byInvitation.set(c.identity.invitationId, { identity: c.identity, connections: [c] });
    }
    let warned = false;
    for (const { identity, connections } of byInvitation.values()) {
      const closeAll = (reason: string | null): void => {
        if (reason) for (const c of connections) c.close(CloseCode.forbidden, reason);
      };
      const reason = revalidate(identity);
      if (reason instanceof Promise) {
        // A shared store may be unreachable for a while: the connection stays until it answers.
        reason.then(closeAll, (error: unknown) => {
          if (!warned) this.options.logger.warn({ err: error }, 'could not recheck invitations; connections stay open until the store answers');
          warned = true;
        });
      } else closeAll(reason);
    }
  }
}
