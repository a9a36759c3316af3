import * as Y from 'yjs';
import { decodeServerMessage, syncStep2Frame, updateFrame } from '../../shared/protocol/messages';
import { mergeUpdates } from '../../shared/protocol/merge-updates';

/** How the whole is encoded again, and the updates since merged, off the serving thread (UpdateSlicer), each made into its frame there. */
export interface StateEncoder {
  /** A sync step 2 of one update holding what `updates` hold, deleted content dropped (as a store's snapshot). */
  snapshotFrame(updates: Uint8Array[]): Promise<Uint8Array>;
  /** An update message of `updates` merged into one, deleted content kept. */
  mergedFrame(updates: Uint8Array[]): Promise<Uint8Array>;
}

/** Updates sent after the whole state before it is encoded again for the next newcomer: at most this many… */
const MAX_SINCE = 200;
/** …weighing at most a quarter of the whole (and 64 KB at least). */
const sinceBudget = (whole: Uint8Array): number => Math.max(64 * 1024, whole.length / 4);
/** Without newcomers, the updates since are kept until they weigh as much as the whole, or are ten times as many. */
const keptBudget = (whole: Uint8Array): number => Math.max(256 * 1024, whole.length);
/** The updates since are merged off the serving thread in chunks of this many bytes. */
const CHUNK_BYTES = 64 * 1024;
/** Beyond this much not yet in a chunk, a newcomer gets those updates as they are, unmerged (merging 64 KB here costs 2–7 ms). */
const MERGE_HERE_BYTES = 16 * 1024;

/**
 * The answer to a client that holds nothing (an empty sync step 1): the whole document as one update,
 * and the updates made since, sent with it. Every newcomer gets the same frames (the same buffers: a
 * room of readers, or of slow readers, holds one copy). Once the updates since weigh a quarter of the
 * whole, the next newcomer has the whole encoded again off the serving thread (`encoder`, from the whole
 * and the updates since), and is served meanwhile as before: encoding 5 MB holds a thread for 80 ms and
 * more. Without newcomers, that waits until the updates since weigh as much as the whole, and they are
 * only merged into it (the next newcomer has the whole encoded again, deleted content dropped). The updates
 * since are merged off the serving thread too, 64 KB at a time: merging a megabyte of them for a
 * newcomer would hold the serving thread for tens of milliseconds.
 */
export class FullState {
  private whole: Uint8Array | null = null;
  /** The whole as a sync step 2, made at the first newcomer. */
  private wholeFrame: Uint8Array | null = null;
  /** The updates since the whole, in the order they were made (only ever appended to, until the next whole). */
  private since: Uint8Array[] = [];
  private sinceBytes = 0;
  /** The first updates of `since`, merged off this thread: each chunk's frame and how many updates it holds. */
  private chunks: { frame: Uint8Array; count: number }[] = [];
  /** Updates of `since` held by `chunks`, and the bytes of those after them. */
  private chunked = 0;
  private tailBytes = 0;
  private chunking = false;
  /** The updates after the chunks as frames, made as newcomers need them. */
  private tailFrames: Uint8Array[] | null = null;
  /** Encoding again; the whole it makes replaces the whole and this many updates since. */
  private encoding = false;
  /** Bumped when the whole is replaced, so that an encoding or a merge under way is not taken. */
  private generation = 0;
  /** A newcomer asked for the frames since the whole was made. */
  private asked = false;
  /** The whole was merged (deleted content kept), not encoded as a snapshot: the next newcomer has it encoded again. */
  private merged = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly encoder: StateEncoder | null = null,
  ) {}

  /** The document as stored: its rows (a snapshot and the updates since), applied when it was loaded. */
  set(rows: readonly Uint8Array[]): void {
    this.reset(rows[0] ?? Y.encodeStateAsUpdate(this.doc));
    for (const row of rows.slice(1)) this.changed(row);
  }

  /** Whether the whole is at hand (else the next newcomer has it encoded from the document). */
  get ready(): boolean {
    return this.whole !== null;
  }

  /** The document changed by `update`. */
  changed(update: Uint8Array): void {
    if (!this.whole) return;
    this.since.push(update);
    this.sinceBytes += update.length;
    this.tailBytes += update.length;
    this.tailFrames = null;
    if (this.since.length > 10 * MAX_SINCE || this.sinceBytes > keptBudget(this.whole)) this.encodeAgain();
    else if (this.tailBytes >= CHUNK_BYTES) this.chunk();
  }

  /**
   * The frames that give a client holding nothing the whole document: the updates since, then the whole
   * as its sync step 2, so that the client is synced (Yjs holds the updates until what they build on
   * arrives) only once it holds everything. The updates since go as a few merged frames: Yjs merges
   * each update that waits into those waiting before it, and 300 stored rows sent one by one cost a
   * joining client seconds.
   */
  frames(): Uint8Array[] {
    this.asked = true;
    if (this.whole && (this.merged || this.since.length > MAX_SINCE || this.sinceBytes > sinceBudget(this.whole))) this.encodeAgain();
    if (!this.whole) this.reset(Y.encodeStateAsUpdate(this.doc));
    this.wholeFrame ??= syncStep2Frame(this.whole!);
    this.tailFrames ??= this.tail();
    return [...this.chunks.map((c) => c.frame), ...this.tailFrames, this.wholeFrame];
  }

  /** The updates after the chunks: merged here when they are few bytes, else as they are. */
  private tail(): Uint8Array[] {
    const tail = this.since.slice(this.chunked);
    if (tail.length === 0) return [];
    if (tail.length === 1) return [updateFrame(tail[0]!)];
    if (this.tailBytes <= MERGE_HERE_BYTES || !this.encoder) return [updateFrame(mergeUpdates(tail))];
    return tail.map((u) => updateFrame(u));
  }

  /** A new whole (a view into `frame`, its sync step 2, when it was encoded as one; `merged` when deleted content may remain in it). */
  private reset(whole: Uint8Array, frame: Uint8Array | null = null, merged = false): void {
    this.generation++;
    this.whole = whole;
    this.wholeFrame = frame;
    this.asked = false;
    this.merged = merged;
    this.since = [];
    this.sinceBytes = 0;
    this.chunks = [];
    this.chunked = 0;
    this.tailBytes = 0;
    this.tailFrames = null;
  }

  /** Merges the updates after the chunks into a new chunk, off this thread. */
  private chunk(): void {
    if (!this.encoder || this.chunking) return;
    this.chunking = true;
    const generation = this.generation;
    const from = this.chunked;
    const updates = this.since.slice(from);
    const bytes = this.tailBytes;
    this.encoder.mergedFrame(updates).then(
      (frame) => {
        this.chunking = false;
        if (generation === this.generation) {
          this.chunks.push({ frame, count: updates.length });
          this.chunked = from + updates.length;
          this.tailBytes -= bytes;
          this.tailFrames = null;
        }
        if (this.tailBytes >= CHUNK_BYTES) this.chunk();
      },
      // Sent unmerged meanwhile; tried again at the next change (the whole is encoded again once they weigh a quarter of it).
      () => (this.chunking = false),
    );
  }

  /**
   * Encodes the whole again: off this thread when it can (serving the old whole meanwhile), else here, at
   * the next newcomer. As a snapshot (deleted content dropped) once a newcomer asked; before any did, the
   * whole and the updates since are only merged, to bound what is kept: a snapshot builds the document
   * anew in the slicing thread's heap, whose garbage collection (on V8's threads, at normal priority,
   * shared with the serving thread) costs four times a merge's (11 MB: 270 ms against 60 ms, and 610
   * against 300 ms on the slicing thread), and a neighbour pushing megabytes that nobody reads had them
   * encoded again and again.
   */
  private encodeAgain(): void {
    if (!this.encoder) {
      this.whole = null;
      return;
    }
    if (this.encoding) return;
    this.encoding = true;
    const generation = this.generation;
    const count = this.since.length;
    const snapshot = this.asked;
    const updates = [this.whole!, ...this.since];
    (snapshot ? this.encoder.snapshotFrame(updates) : this.encoder.mergedFrame(updates)).then(
      (frame) => {
        this.encoding = false;
        if (generation !== this.generation) return;
        const later = this.since.slice(count);
        const whole = (decodeServerMessage(frame) as { update: Uint8Array }).update;
        // A merged whole is an update message: its sync step 2 is made at the next newcomer, who has it encoded again.
        this.reset(whole, snapshot ? frame : null, !snapshot);
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
