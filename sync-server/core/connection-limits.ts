/** Open connections counted per key (an address, an invitation), each refused past its limit. */
export class ConnectionCounts<T> {
  private readonly counts = new Map<string, number>();
  private readonly keys = new Map<T, string>();

  constructor(readonly limit: number) {}

  /** Counts `holder` under `key`; false (and nothing counted) when `key` is at its limit. */
  add(holder: T, key: string): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.limit) return false;
    this.counts.set(key, count + 1);
    this.keys.set(holder, key);
    return true;
  }

  /** Stops counting `holder` (nothing happens when it was not counted). */
  remove(holder: T): void {
    const key = this.keys.get(holder);
    if (key === undefined) return;
    this.keys.delete(holder);
    const count = this.counts.get(key)! - 1;
    if (count > 0) this.counts.set(key, count);
    else this.counts.delete(key);
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}
