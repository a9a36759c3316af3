import type { Logger } from 'pino';
import type { ClientConnection } from './client-connection';
import type { DelegationFactsSnapshot } from './delegation-facts';
import { DocumentThread, UnreadableInput } from './document-thread';
import { STEPS_IN_FLIGHT } from './apply-in-slices';
import { callHooks, type ServerHooks } from './server-hooks';

/** What a document held on a thread of its own needs of the HostedDocument that serves it. */
export interface OffThreadHost {
  readonly name: string;
  readonly hooks: readonly ServerHooks[];
  readonly logger: Logger;
  /** Whether the document was dropped from memory. */
  gone(): boolean;
  /** The document changed by `update`, sent by `connection`: store it, then send it. */
  changed(update: Uint8Array, connection: ClientConnection): void;
  /** Resolves once what changed so far is durable and sent. */
  flush(): Promise<void>;
  /** `connection` sent what cannot be read: close it. */
  malformed(connection: ClientConnection, reason: string): void;
  /** The thread stopped: what only it held is gone. */
  failed(error: Error): void;
}

/**
 * The serving thread's side of a document held on a thread of its own (DocumentThread): each client's
 * request is answered there, and the answers are handled here in the order they were asked, the
 * client's later frames waiting meanwhile. What an update changed is stored and sent a step a turn.
 */
export class OffThreadDocument {
  /** The answers, handled one after the other: a sync answer made after an update's changes leaves only once they are queued to be stored before it. */
  private answers: Promise<void> = Promise.resolve();

  private constructor(
    private readonly host: OffThreadHost,
    private readonly thread: DocumentThread,
  ) {}

  /** Starts the thread holding document `host.name` as `seed` makes it (its state vector meanwhile: `stateVector`); null where no thread can start. */
  static start(host: OffThreadHost, seed: Uint8Array[], stateVector: Uint8Array): OffThreadDocument | null {
    const facts = (f: DelegationFactsSnapshot) => callHooks(host.hooks, 'onDocumentFacts', { documentName: host.name, facts: f });
    const thread = DocumentThread.start(host.name, seed, stateVector, facts, (error) => host.failed(error));
    return thread ? new OffThreadDocument(host, thread) : null;
  }

  /** The document's state vector as of the thread's last answer. */
  get stateVector(): Uint8Array {
    return this.thread.stateVector;
  }

  /** Whether requests wait for their answer. */
  get busy(): boolean {
    return this.thread.busy;
  }

  /** Resolves once the thread holds what it started from (its facts given to the hooks). */
  ready(): Promise<void> {
    return this.thread.ready();
  }

  /** Applies `connection`'s update there; what it changed is stored and sent from here. */
  apply(connection: ClientConnection, update: Uint8Array): void {
    this.answer(connection, this.thread.apply(update), (updates) => this.feed(updates, connection));
  }

  /** Calls `refuse` when a read-only connection's update holds something new. */
  checkKnown(connection: ClientConnection, update: Uint8Array, refuse: () => void): void {
    this.answer(connection, this.thread.known(update), (known) => {
      if (!known) refuse();
    });
  }

  /** Queues for `connection` what a client with `stateVector` lacks, as a sync step 2 (`frame`). */
  answerSync(connection: ClientConnection, stateVector: Uint8Array, frame: (update: Uint8Array) => Uint8Array): void {
    this.answer(connection, this.thread.diff(stateVector), (update) => {
      connection.outbox.push(frame(update));
    });
  }

  /** Stops the thread, and tells the hooks its facts are gone. */
  close(): void {
    this.thread.close();
    callHooks(this.host.hooks, 'onDocumentFacts', { documentName: this.host.name, facts: null });
  }

  /**
   * Handles the answer to `connection`'s request once those asked before are handled: its later frames
   * wait meanwhile, so that they keep their order. What cannot be read closes the connection.
   */
  private answer<T>(connection: ClientConnection, request: Promise<T>, then: (answer: T) => void | Promise<void>): void {
    connection.applying = true;
    const answered = request.then(
      (answer) => async () => {
        if (!this.host.gone()) await then(answer);
      },
      (error: unknown) => async () => {
        // A thread that stopped dropped the document (host.failed); only an unreadable input is the client's.
        if (!(error instanceof UnreadableInput) || this.host.gone()) return;
        await this.feed(error.updates, connection);
        this.host.malformed(connection, `malformed content: ${error.message}`);
      },
    );
    this.answers = this.answers
      .then(() => answered)
      .then((handle) => handle())
      .catch((error: unknown) => this.host.logger.error({ err: error, doc: this.host.name }, 'could not handle an answer of the document’s thread'))
      .finally(() => {
        connection.applying = false;
        if (this.host.gone()) return;
        void this.host.flush().catch(() => undefined);
        connection.applied?.();
      });
  }

  /**
   * Stores and sends what the thread changed of one update a step (about 64 KB) a turn, with at most
   * STEPS_IN_FLIGHT steps not yet durable, as when applied on the serving thread in slices: the turns
   * between serve the others, and their writes never wait behind a commit of megabytes.
   */
  private async feed(updates: readonly Uint8Array[], connection: ClientConnection): Promise<void> {
    const inFlight: Promise<void>[] = [];
    for (const [i, update] of updates.entries()) {
      if (this.host.gone()) return;
      this.host.changed(update, connection);
      if (i === updates.length - 1) return;
      inFlight.push(this.host.flush().catch(() => undefined));
      if (inFlight.length > STEPS_IN_FLIGHT) await inFlight.shift();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
