import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { importText } from '../../shared/import/import-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import type { Negotiation } from '../../shared/model/negotiation';

/**
 * Whether an external tool is installed. On CI (CI=true) a missing tool throws, so the suite fails
 * instead of skipping; elsewhere the reason is printed and the caller skips.
 */
export function hasTool(name: string, path = `/usr/bin/${name}`): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI === 'true') throw new Error(`${name} is not installed (${path}); the export tests need it on CI.`);
  console.warn(`skipping: ${name} is not installed (${path})`);
  return false;
}

/** Runs a command, returning its stdout; throws with its stderr when it fails. */
export function run(command: string, args: string[], options: { cwd?: string; timeout?: number } = {}): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeout ?? 120_000, cwd: options.cwd });
}

/** A seed imported as a negotiation. */
export function seedNegotiation(seed: string): Negotiation {
  const text = readFileSync(new URL(`../../../shared/seeds/${seed}.txt`, import.meta.url), 'utf8');
  return negotiationFromImport(importText(text, { source: seed }), { id: seed });
}

/** Whitespace squashed, for comparing extracted text. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
