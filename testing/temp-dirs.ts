import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();
process.once('exit', () => {
  for (const dir of made) removeTempDir(dir);
});

/** A fresh directory under the system's temporary folder, removed when the process exits (or by `removeTempDir`). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  made.add(dir);
  return dir;
}

/** Removes a directory made by `tempDir` now. */
export function removeTempDir(dir: string): void {
  made.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}
