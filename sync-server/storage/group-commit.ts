/** One append of a group: an update of a document. */
export interface Append {
  name: string;
  update: Uint8Array;
}

interface PendingAppend extends Append {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** An append at most this large is small (a keystroke, a presence-sized change): it never waits behind a large one. */
export const SMALL_APPEND_BYTES = 16 * 1024;
/** A group of large appends closes at this many bytes (one larger append is a group of its own). */
export const GROUP_BYTES = 128 * 1024;

/**
 * Group commit, for any store whose commit costs a round trip or a fsync: appends handed over while a
 * group is being committed accumulate into the next group, sent as soon as the previous one is durable.
 * Each append resolves when its own group is durable, so that an echo waits for one commit at most and a
 * busy server makes fewer, larger commits rather than a queue. A group fails as a whole: none of its
 * appends resolves.
 *
 * Small appends go first: while small ones wait, the next group is made of them alone, and large ones
 * (the slices of a 5 MB update) wait for the group after, which closes at GROUP_BYTES; so that a
 * keystroke waits at most for one group of bounded size in progress, never behind the write of a large
 * one handed over before it. A large append passed over once goes in the next group whatever waits,
 * so that a steady stream of small ones cannot hold it back.
 */
export class GroupCommit {
  private next: PendingAppend[] = [];
  private committing = false;
  private dispatchScheduled = false;
  /** The last group was made of small appends while large ones waited: the next one takes large ones too. */
  private passedOver = false;
  /** The error of the last group, or null once a group succeeded. */
  lastError: Error | null = null;
  /** Groups committed and the appends they held (for /metrics and tests). */
  readonly stats = { groups: 0, appends: 0 };

  constructor(private readonly commit: (group: Append[]) => Promise<void>) {}

  /** Hands an update over; resolves once the group holding it is durable. */
  append(name: string, update: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.next.push({ name, update, resolve, reject });
      this.schedule();
    });
  }

  /**
   * The group leaves in the check phase after the appends of this turn (documents flush in a
   * setImmediate of their own; one scheduled from their turn runs after theirs).
   */
  schedule(): void {
    if (this.dispatchScheduled || this.committing) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  /** Resolves once everything handed over so far was committed (or failed). */
  async drain(): Promise<void> {
    while (this.committing || this.next.length > 0) {
      this.dispatch();
      await new Promise((r) => setImmediate(r));
    }
  }

  /** The next group: the small appends waiting, and large ones up to GROUP_BYTES when no small one waits or they were passed over. */
  private take(): PendingAppend[] {
    const small = this.next.filter((a) => a.update.length <= SMALL_APPEND_BYTES);
    const large = this.next.filter((a) => a.update.length > SMALL_APPEND_BYTES);
    let taken = 0;
    if (small.length === 0 || this.passedOver) {
      let bytes = 0;
      while (taken < large.length && (taken === 0 || bytes + large[taken]!.update.length <= GROUP_BYTES)) bytes += large[taken++]!.update.length;
    }
    this.passedOver = small.length > 0 && taken === 0 && large.length > 0;
    this.next = large.slice(taken);
    return [...small, ...large.slice(0, taken)];
  }

  private dispatch(): void {
    if (this.committing || this.next.length === 0) return;
    const group = this.take();
    this.committing = true;
    this.commit(group.map(({ name, update }) => ({ name, update })))
      .then(
        () => {
          this.lastError = null;
          this.stats.groups++;
          this.stats.appends += group.length;
          for (const a of group) a.resolve();
        },
        (error: unknown) => {
          this.lastError = error instanceof Error ? error : new Error(String(error));
          for (const a of group) a.reject(error);
        },
      )
      .finally(() => {
        this.committing = false;
        // Behind the callbacks of this group's appends, which may hand over the next updates.
        this.schedule();
      });
  }
}
