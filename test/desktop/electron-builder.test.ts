import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// electron-builder's own loader and validator (app-builder-lib: the schema in scheme.json, checked with ajv).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled?: boolean) => unknown };

async function load(): Promise<Record<string, unknown>> {
  return getConfig(root, path.join(root, 'electron-builder.yml'), null);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own configuration validator', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds AppImage and deb, dmg and nsis, with the app id, protocol, file association and native-module policy', async () => {
    const config = (await load()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(config.appId).toBe('org.penholder.app');
    expect(config.productName).toBe('Penholder');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.protocols[0].schemes).toEqual(['penholder']);
    expect(config.fileAssociations[0].ext).toBe('penholder');
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    // Native modules outside the archive: SQLite, and ws's native unmasking (main/bundle.ts leaves ws and bufferutil external).
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**', '**/node_modules/bufferutil/**']);
    expect(JSON.stringify(config.files)).toMatch(/main\/dist\/\*\*\/\*.*renderer\/dist\/\*\*\/\*/);
    const icon = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('is refused by the same validator when broken (the test would catch a mistake)', async () => {
    const config = await load();
    await expect(validateConfiguration({ ...config, linux: { target: 42, bogusOption: true } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });
});
