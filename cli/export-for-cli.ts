import { CliError } from './cli-error';
import { exportNegotiation, type ExportOptions } from '../main/export/export-to-file';
import { NoChromiumError } from '../main/export/pdf-printer';
import { CommandRefused } from '../shared/model/command-refused';
import type { Negotiation } from '../shared/model/negotiation';

/** Writes an export for `penholder clean` / `compile`, turning refusals and a missing Chromium into CLI errors. */
export async function exportForCli(negotiation: Negotiation, options: ExportOptions): Promise<number> {
  try {
    return await exportNegotiation(negotiation, options);
  } catch (error) {
    if (error instanceof CommandRefused) throw new CliError(error.message, 3);
    if (error instanceof NoChromiumError) throw new CliError(error.message, 4);
    throw error;
  }
}
