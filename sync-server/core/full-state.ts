import * as Y from 'yjs';
import { syncStep2Frame, updateFrame } from '../../shared/protocol/messages';

/** Updates kept after the whole state before it is encoded again: at most this many… */
const MAX_SINCE = 200;
/** …weighing at most a quarter of the whole (and 64 KB at least). */
const sinceBudget = (whole: Uint8Array): number => Math.max(64 * 1024, whole.length / 4);

/**
 * The answer to a client that holds nothing (an empty sync step 1): the whole document encoded once,
 * and the updates made since, sent with it, until they weigh a quarter of it; only then is the whole
 * encoded again. A room of clients joining costs one encode, and so does a newcomer every 200 ms while
 * a large document changes under it (encoding 20 MB holds the thread for a good part of a second).
 */
export class FullState {
  private whole: Uint8Array | null = null;
  private since: Uint8Array[] = [];
  private sinceBytes = 0;

  constructor(private readonly doc: Y.Doc) {}

  /** The whole state as stored, when the document was loaded from one row. */
  set(whole: Uint8Array): void {
    this.whole = whole;
    this.since = [];
    this.sinceBytes = 0;
  }

  /** The document changed by `update`. */
  changed(update: Uint8Array): void {
    if (!this.whole) return;
    if (this.since.length >= MAX_SINCE || this.sinceBytes + update.length > sinceBudget(this.whole)) {
      this.whole = null;
      return;
    }
    this.since.push(update);
    this.sinceBytes += update.length;
  }

  /**
   * The frames that give a client holding nothing the whole document: the updates since, then the whole
   * as its sync step 2, so that the client is synced (Yjs holds the updates until what they build on
   * arrives) only once it holds everything.
   */
  frames(): Uint8Array[] {
    if (!this.whole) this.set(Y.encodeStateAsUpdate(this.doc));
    return [...this.since.map(updateFrame), syncStep2Frame(this.whole!)];
  }
}
