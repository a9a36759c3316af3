import { writeFile } from 'node:fs/promises';
import { CliError } from './cli-error';
import { exportBytes, type ExportOptions } from '../shared/export/export-bytes';
import { CommandRefused } from '../shared/model/command-refused';
import type { Negotiation } from '../shared/model/negotiation';
import { chromiumPrinter, NoChromiumError } from '../sync-server';

/**
 * Writes an export for `penholder clean` / `compile` (PDFs printed by the local headless Chromium),
 * turning refusals and a missing Chromium into CLI errors; returns the number of bytes written.
 */
export async function exportForCli(negotiation: Negotiation, options: ExportOptions & { out: string }): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await exportBytes(negotiation, options, chromiumPrinter());
  } catch (error) {
    if (error instanceof CommandRefused) throw new CliError(error.message, 3);
    if (error instanceof NoChromiumError) throw new CliError(error.message, 4);
    throw error;
  }
  return writeOut(options.out, bytes);
}

/** Writes `--out`; returns the number of bytes written, or says why it cannot. */
export async function writeOut(out: string, content: Uint8Array | string): Promise<number> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  try {
    await writeFile(out, bytes);
  } catch (error) {
    throw new CliError(`cannot write ${out}: ${(error as Error).message}; choose another --out`);
  }
  return bytes.length;
}
