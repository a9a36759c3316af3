import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the Electron surface', () => {
  it('is a few thin files: only main/electron/* imports electron', () => {
    const importing = sources(path.join(root, 'main'))
      .filter((f) => /^\s*import[^;]*from ['"]electron(\/[^'"]*)?['"]|^[^/*]*\brequire\(['"]electron['"]\)|import\(['"]electron['"]\)/m.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f).split(path.sep).join('/'))
      .sort();
    expect(importing).toEqual(['main/electron/main.ts', 'main/electron/menu.ts', 'main/electron/preload.ts']);
  });

  it('opens windows with context isolation, the sandbox, no Node integration and a preload', () => {
    const main = fs.readFileSync(path.join(root, 'main/electron/main.ts'), 'utf8');
    const prefs = /webPreferences: \{([^}]*)\}/.exec(main)?.[1] ?? '';
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true', 'webviewTag: false', 'preload']) expect(prefs).toContain(setting);
    expect(main).toContain('requestSingleInstanceLock');
    expect(main).toContain("setAsDefaultProtocolClient('penholder'");
    expect(main).toContain('content-security-policy');
    expect(main).toMatch(/setWindowOpenHandler[\s\S]*action: 'deny'/);
  });
});
