/** One append of a group: an update of a document. */
export interface Append {
  name: string;
  update: Uint8Array;
}

interface PendingAppend extends Append {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit, for any store whose commit costs a round trip or a fsync: appends handed over while a
 * group is being committed accumulate into the next group, sent as soon as the previous one is durable.
 * Each append resolves when its own group is durable, so that an echo waits for one commit at most and a
 * busy server makes fewer, larger commits rather than a queue. A group fails as a whole: none of its
 * appends resolves.
 */
export class GroupCommit {
  private next: PendingAppend[] = [];
  private committing = false;
  private dispatchScheduled = false;
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

  private dispatch(): void {
    if (this.committing || this.next.length === 0) return;
    const group = this.next;
    this.next = [];
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
