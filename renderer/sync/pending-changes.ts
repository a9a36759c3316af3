/**
 * Counts the changes made on this computer that the server has not yet received, per document, and
 * keeps the count across a restart. A change made while the document is synced is sent at once; a
 * change made while it is not waits; a completed sync sends them all.
 */
export class PendingChanges {
  private readonly counts = new Map<string, number>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {}

  private key(doc: string): string {
    return `penholder.pending.${doc}`;
  }

  get(doc: string): number {
    if (!this.counts.has(doc)) this.counts.set(doc, Number(this.storage?.getItem(this.key(doc)) ?? 0) || 0);
    return this.counts.get(doc)!;
  }

  /** A local change to a document; counted only when it cannot be sent now. */
  changed(doc: string, synced: boolean): void {
    if (synced) return;
    this.set(doc, this.get(doc) + 1);
  }

  /** The document synced with the server: what waited has been sent. */
  synced(doc: string): void {
    if (this.get(doc) !== 0) this.set(doc, 0);
  }

  /** Every document's waiting changes together. */
  total(): number {
    let n = 0;
    for (const doc of this.counts.keys()) n += this.get(doc);
    return n;
  }

  /** Reads the counts kept for these documents. */
  track(docs: string[]): void {
    for (const d of docs) this.get(d);
  }

  private set(doc: string, n: number): void {
    this.counts.set(doc, n);
    if (n) this.storage?.setItem(this.key(doc), String(n));
    else this.storage?.removeItem(this.key(doc));
  }
}
