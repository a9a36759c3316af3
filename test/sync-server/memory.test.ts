import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('memory', () => {
  it('returns near its baseline after 500 clients leave', { timeout: 90_000 }, () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/sync-server/memory-probe.ts'], { encoding: 'utf8' });
    const { baseline, peak, after } = JSON.parse(out.trim().split('\n').at(-1)!) as { baseline: number; peak: number; after: number };
    const grew = peak - baseline;
    expect(grew).toBeGreaterThan(5 * 1024 * 1024); // the 500 clients did weigh something
    // Back within 10% of what they added (and under 4 MB): documents, awareness and sockets are freed.
    expect(after - baseline).toBeLessThan(Math.min(grew * 0.1, 4 * 1024 * 1024));
  });
});
