import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { ObservableV2 } from 'lib0/observable';
import { isPermanentClose } from '../../shared/protocol/close-codes';
import { awarenessFrame, decodeServerMessage, syncStep1Frame, syncStep2Frame, updateFrame } from '../../shared/protocol/messages';
import { decodeRoomFrame, encodeRoomFrames, roomPath, type RoomMessage } from '../../shared/protocol/room-frame';

/** What the provider needs of a WebSocket (the browser's, or `ws` under Node). */
export interface RoomSocket {
  binaryType: string;
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export interface RoomProviderOptions {
  /** The WebSocket class (the browser's by default). */
  WebSocket?: new (url: string) => RoomSocket;
  /** The longest wait between two reconnection attempts (ms). */
  maxBackoffMs?: number;
}

export type RoomStatus = 'connecting' | 'connected' | 'disconnected';

interface RoomEvents {
  status: (status: RoomStatus) => void;
  /** A document completed a sync with the server (false: the connection was lost). */
  sync: (document: string, synced: boolean) => void;
  /** The server refused a write to a document (y-protocols' permission-denied) and serves it read-only. */
  denied: (document: string, reason: string) => void;
  /** The server sent messages for a document not added (yet); they wait until it is. */
  unknown: (document: string) => void;
  /** The server closed the connection for good (4400–4499: the invitation no longer opens the negotiation). */
  closed: (code: number, reason: string) => void;
}

interface Member {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness | null;
  synced: boolean;
  detach(): void;
}

const OPEN = 1;
/** How many messages for documents not added yet are held (they are replayed when the document is added). */
const MAX_HELD = 20_000;
/** How often the presence of others is marked fresh: it lasts as long as the server keeps it (ms). */
const PRESENCE_EVERY = 10_000;

/**
 * One WebSocket for every document of a negotiation (the multiplexed protocol of sync-server/README.md):
 * `add` a document and it is synced over the one connection; the server pushes every document the
 * invitation may read. Updates applied from the server have the provider as origin. On every
 * (re)connection all documents exchange state vectors and differences in one frame each way, so what
 * was changed offline merges in one exchange. Presence (awareness, on the documents given one) is the
 * server's to end: a participant stays present until the server says they left, however idle.
 */
export class RoomProvider extends ObservableV2<RoomEvents> {
  status: RoomStatus = 'disconnected';
  shouldConnect = false;
  /** Failed attempts since the last successful connection. */
  unsuccessfulReconnects = 0;
  readonly url: string;
  private ws: RoomSocket | null = null;
  private readonly members = new Map<string, Member>();
  private readonly held = new Map<string, Uint8Array[]>();
  private heldCount = 0;
  private outgoing: RoomMessage[] = [];
  private flushScheduled = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly presenceTimer: ReturnType<typeof setInterval>;
  private readonly Socket: new (url: string) => RoomSocket;
  private readonly maxBackoffMs: number;

  constructor(serverUrl: string, negotiationId: string, token: string, options: RoomProviderOptions = {}) {
    super();
    this.url = `${serverUrl.replace(/\/+$/, '')}${roomPath(negotiationId)}?token=${encodeURIComponent(token)}`;
    this.Socket = options.WebSocket ?? (WebSocket as unknown as new (url: string) => RoomSocket);
    this.maxBackoffMs = options.maxBackoffMs ?? 2500;
    this.presenceTimer = setInterval(() => this.keepPresence(), PRESENCE_EVERY);
  }

  /** Whether the socket is open. */
  get connected(): boolean {
    return this.status === 'connected';
  }

  /** Whether a document has completed its sync on the current connection. */
  isSynced(document: string): boolean {
    return this.members.get(document)?.synced ?? false;
  }

  /** Syncs a document over the connection (and its awareness, if given); what the server sent for it so far is applied now. */
  add(document: string, doc: Y.Doc, awareness: awarenessProtocol.Awareness | null = null): void {
    if (this.members.has(document)) return;
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin !== this) this.send(document, updateFrame(update));
    };
    const onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
      // Only our own state: the server stamps it and relays it; others' states are theirs to send.
      if ([...added, ...updated, ...removed].includes(awareness!.clientID)) this.send(document, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness!, [awareness!.clientID])));
    };
    doc.on('update', onUpdate);
    awareness?.on('update', onAwareness);
    const member: Member = {
      doc,
      awareness,
      synced: false,
      detach: () => {
        doc.off('update', onUpdate);
        awareness?.off('update', onAwareness);
      },
    };
    this.members.set(document, member);
    if (this.connected) for (const m of this.greeting(document, member)) this.send(m.document, m.message);
    const held = this.held.get(document);
    if (held) {
      this.held.delete(document);
      this.heldCount -= held.length;
      for (const message of held) this.handle(document, member, message);
    }
  }

  /**
   * Stops syncing a document: nothing more is sent or applied for it. What the server sends for it
   * meanwhile waits, as for a document not added yet, until it is added again (with a fresh copy, say).
   */
  remove(document: string): void {
    this.members.get(document)?.detach();
    this.members.delete(document);
  }

  connect(): void {
    this.shouldConnect = true;
    if (!this.ws && !this.reconnectTimer) this.open();
  }

  disconnect(): void {
    this.shouldConnect = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const ws = this.ws;
    if (!ws) return;
    // Disconnected from now on, not when the socket's closing handshake ends: a change made meanwhile waits.
    this.lost(1000, '');
    ws.close();
  }

  override destroy(): void {
    this.disconnect();
    clearInterval(this.presenceTimer);
    for (const m of this.members.values()) m.detach();
    this.members.clear();
    this.held.clear();
    super.destroy();
  }

  private open(): void {
    this.reconnectTimer = null;
    const ws = new this.Socket(this.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.setStatus('connecting');
    ws.onopen = () => {
      this.unsuccessfulReconnects = 0;
      this.setStatus('connected');
      // Every document at once: state vectors (and our presence) in one frame.
      const greeting = [...this.members].flatMap(([name, member]) => this.greeting(name, member));
      for (const m of greeting) this.send(m.document, m.message);
    };
    ws.onmessage = (event) => this.receive(new Uint8Array(event.data as ArrayBuffer));
    ws.onerror = () => undefined;
    ws.onclose = (event) => {
      if (this.ws === ws) this.lost(event.code, event.reason);
    };
  }

  /** The connection is gone (or let go): documents are no longer synced, nothing more is sent on it. */
  private lost(code: number, reason: string): void {
    this.ws = null;
    this.outgoing = [];
    this.unsuccessfulReconnects++;
    for (const [name, member] of this.members) {
      if (member.synced) {
        member.synced = false;
        this.emit('sync', [name, false]);
      }
      // Others' presence came over this connection; without it, nobody is known to be here.
      const others = member.awareness ? [...member.awareness.getStates().keys()].filter((id) => id !== member.awareness!.clientID) : [];
      if (others.length) awarenessProtocol.removeAwarenessStates(member.awareness!, others, this);
    }
    this.setStatus('disconnected');
    if (isPermanentClose(code)) {
      this.shouldConnect = false;
      this.emit('closed', [code, reason]);
    } else if (this.shouldConnect) {
      const wait = Math.min(100 * 2 ** Math.min(this.unsuccessfulReconnects, 10), this.maxBackoffMs);
      this.reconnectTimer = setTimeout(() => this.open(), wait);
    }
  }

  /** What opens a document's sync: our state vector, and our presence if we have one. */
  private greeting(document: string, member: Member): RoomMessage[] {
    const messages: RoomMessage[] = [{ document, message: syncStep1Frame(Y.encodeStateVector(member.doc)) }];
    const a = member.awareness;
    if (a && a.getLocalState() !== null) messages.push({ document, message: awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID])) });
    return messages;
  }

  private receive(frame: Uint8Array): void {
    let messages: RoomMessage[];
    try {
      messages = decodeRoomFrame(frame);
    } catch (error) {
      console.warn('ignored a malformed frame from the server', error);
      return;
    }
    for (const { document, message } of messages) {
      const member = this.members.get(document);
      if (member) this.handle(document, member, message);
      else if (this.heldCount < MAX_HELD) {
        const held = this.held.get(document);
        this.heldCount++;
        if (held) held.push(message);
        else {
          this.held.set(document, [message]);
          this.emit('unknown', [document]);
        }
      }
    }
  }

  private handle(document: string, member: Member, message: Uint8Array): void {
    try {
      const m = decodeServerMessage(message);
      switch (m.type) {
        case 'sync-step1':
          this.send(document, syncStep2Frame(Y.encodeStateAsUpdate(member.doc, m.stateVector)));
          break;
        case 'sync-step2':
          Y.applyUpdate(member.doc, m.update, this);
          if (!member.synced && this.connected) {
            member.synced = true;
            this.emit('sync', [document, true]);
          }
          break;
        case 'update':
          Y.applyUpdate(member.doc, m.update, this);
          break;
        case 'awareness':
          if (member.awareness) awarenessProtocol.applyAwarenessUpdate(member.awareness, m.update, this);
          break;
        case 'permission-denied':
          this.emit('denied', [document, m.reason]);
          break;
        case 'query-awareness':
          if (member.awareness) this.send(document, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(member.awareness, [...member.awareness.getStates().keys()])));
          break;
      }
    } catch (error) {
      console.warn(`ignored a malformed message for ${document}`, error);
    }
  }

  /** Queues a message; what is queued in one task leaves in one frame. Nothing is queued while disconnected: the next greeting resyncs. */
  private send(document: string, message: Uint8Array): void {
    if (!this.ws || this.ws.readyState !== OPEN) return;
    this.outgoing.push({ document, message });
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      const messages = this.outgoing;
      this.outgoing = [];
      if (!this.ws || this.ws.readyState !== OPEN) return;
      for (const frame of encodeRoomFrames(messages)) this.ws.send(frame);
    });
  }

  /** Others stay present until the server removes them (when their connection closes), idle or not. */
  private keepPresence(): void {
    const now = Date.now();
    for (const { awareness } of this.members.values()) {
      if (!awareness) continue;
      for (const [id, meta] of awareness.meta) if (id !== awareness.clientID) meta.lastUpdated = now;
    }
  }

  private setStatus(status: RoomStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', [status]);
  }
}
