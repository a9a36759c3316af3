import * as Y from 'yjs';
import { syncStep2Frame, updateFrame } from '../../shared/protocol/messages';

/** Updates sent after the whole state before it is encoded again for the next newcomer: at most this many… */
const MAX_SINCE = 200;
/** …weighing at most a quarter of the whole (and 64 KB at least). */
const sinceBudget = (whole: Uint8Array): number => Math.max(64 * 1024, whole.length / 4);
/** Without newcomers, the updates since are kept until they weigh as much as the whole, or are ten times as many. */
const keptBudget = (whole: Uint8Array): number => Math.max(256 * 1024, whole.length);

/**
 * The answer to a client that holds nothing (an empty sync step 1): the whole document as one update,
 * and the updates made since, sent with it. Every newcomer gets the same frames (the same buffers: a
 * room of readers, or of slow readers, holds one copy). Once the updates since weigh a quarter of the
 * whole, the next newcomer has the whole encoded again off the serving thread (`encode`, from the whole
 * and the updates since), and is served meanwhile as before: encoding 5 MB holds a thread for 80 ms and
 * more. Without newcomers, that waits until the updates since weigh as much as the whole.
 */
export class FullState {
  private whole: Uint8Array | null = null;
  /** The whole as a sync step 2, made at the first newcomer. */
  private wholeFrame: Uint8Array | null = null;
  private since: Uint8Array[] = [];
  /** The updates of `since` as one frame, made as newcomers need it. */
  private sinceFrame: Uint8Array | null = null;
  private sinceBytes = 0;
  /** Encoding again; the whole it makes replaces the whole and this many updates since. */
  private encoding = false;
  /** Bumped when the whole is replaced otherwise, so that an encoding under way is not taken. */
  private generation = 0;

  constructor(
    private readonly doc: Y.Doc,
    /** One update holding what the given updates hold, made off this thread. */
    private readonly encode: ((updates: Uint8Array[]) => Promise<Uint8Array>) | null = null,
  ) {}

  /** The document as stored: its rows (a snapshot and the updates since), applied when it was loaded. */
  set(rows: readonly Uint8Array[]): void {
    this.reset(rows[0] ?? Y.encodeStateAsUpdate(this.doc));
    for (const row of rows.slice(1)) this.changed(row);
  }

  /** The document changed by `update`. */
  changed(update: Uint8Array): void {
    if (!this.whole) return;
    this.since.push(update);
    this.sinceBytes += update.length;
    this.sinceFrame = null;
    if (this.since.length > 10 * MAX_SINCE || this.sinceBytes > keptBudget(this.whole)) this.encodeAgain();
  }

  /**
   * The frames that give a client holding nothing the whole document: the updates since, then the whole
   * as its sync step 2, so that the client is synced (Yjs holds the updates until what they build on
   * arrives) only once it holds everything. The updates since go as one: Yjs merges each update that
   * waits into those waiting before it, and 300 stored rows sent one by one cost a joining client seconds.
   */
  frames(): Uint8Array[] {
    if (this.whole && (this.since.length > MAX_SINCE || this.sinceBytes > sinceBudget(this.whole))) this.encodeAgain();
    if (!this.whole) this.reset(Y.encodeStateAsUpdate(this.doc));
    this.wholeFrame ??= syncStep2Frame(this.whole!);
    if (this.since.length === 0) return [this.wholeFrame];
    this.sinceFrame ??= updateFrame(this.since.length === 1 ? this.since[0]! : Y.mergeUpdates(this.since));
    return [this.sinceFrame, this.wholeFrame];
  }

  private reset(whole: Uint8Array): void {
    this.generation++;
    this.whole = whole;
    this.wholeFrame = null;
    this.since = [];
    this.sinceFrame = null;
    this.sinceBytes = 0;
  }

  /** Encodes the whole again: off this thread when it can (serving the old whole meanwhile), else here, at the next newcomer. */
  private encodeAgain(): void {
    if (!this.encode) {
      this.whole = null;
      return;
    }
    if (this.encoding) return;
    this.encoding = true;
    const generation = this.generation;
    const count = this.since.length;
    this.encode([this.whole!, ...this.since]).then(
      (whole) => {
        this.encoding = false;
        if (generation !== this.generation) return;
        const later = this.since.slice(count);
        this.reset(whole);
        for (const u of later) this.changed(u);
      },
      () => {
        // Encoded here at the next newcomer instead.
        this.encoding = false;
        if (generation === this.generation) this.whole = null;
      },
    );
  }
}
