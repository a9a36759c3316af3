/** The latency of a step as several windows see it: the verdict is their median, so one bad second neither makes nor breaks a step. */
export interface Windowed {
  /** The median of the windows' p99 (ms). */
  p99: number | null;
  /** Each window's p99 (ms), in time order; null for a window without samples. */
  windows: (number | null)[];
  /** A window's p99 over three times the median (and over 20 ms): the step is measured again. */
  outlying: boolean;
}

const p99Of = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]!;
};

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Splits the samples into `count` windows of equal duration by when their update was sent. */
export function windowedP99(latencies: readonly number[], sentAt: readonly number[], durationMs: number, count: number): Windowed {
  const buckets: number[][] = Array.from({ length: count }, () => []);
  latencies.forEach((latency, i) => buckets[Math.min(count - 1, Math.max(0, Math.floor((sentAt[i]! / durationMs) * count)))]!.push(latency));
  const windows = buckets.map(p99Of);
  const present = windows.filter((w): w is number => w !== null);
  const p99 = median(present);
  const outlying = p99 !== null && present.some((w) => w > 3 * p99 && w > 20);
  return { p99: p99 === null ? null : Math.round(p99 * 100) / 100, windows: windows.map((w) => (w === null ? null : Math.round(w * 100) / 100)), outlying };
}
