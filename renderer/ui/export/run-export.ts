import { downloadBytes, exportFileName, printHtml } from './deliver';
import { desktopExporter } from '../../platform/desktop-export';
import type { ExportOptions } from '../../../shared/export/export-bytes';
import { exportKindName } from '../../../shared/export/export-kind-name';
import type { Negotiation } from '../../../shared/model/negotiation';
import { textMeta } from '../../../shared/model/text-meta';

/** What an export did: a file downloaded (its name and size), or the HTML handed to the print dialog. */
export type ExportOutcome = { done: 'downloaded'; fileName: string; bytes: number } | { done: 'printing' } | { done: 'saved'; filePath: string; bytes: number } | { done: 'cancelled' };

/**
 * The downloaded file's name: the symbol the exported text carries, else the title; a draft made from an
 * adopted resolution carries none, so it is not named after the resolution.
 */
export function exportName(negotiation: Negotiation, options: ExportOptions, extension: string): string {
  const revision = options.kind === 'compilation' ? undefined : options.revision;
  const meta = textMeta(negotiation, revision);
  return exportFileName(meta.symbol ?? meta.title, exportKindName(options), extension);
}

/**
 * On the desktop, the main process writes it (renderer/platform/desktop-export.ts). Otherwise makes an export in the browser and hands it over: DOCX, HTML and AKN are built here (shared/export,
 * loaded on first use) and downloaded; a PDF is the same HTML page printed through the browser's print
 * dialog ("Save as PDF"). Throws what the export throws (CommandRefused when the text is not clean).
 */
export async function runExport(negotiation: Negotiation, options: ExportOptions): Promise<ExportOutcome> {
  const desktop = desktopExporter();
  if (desktop) {
    const saved = await desktop(negotiation.id, options);
    return saved ? { done: 'saved', ...saved } : { done: 'cancelled' };
  }
  const meta = negotiation.table.meta();
  if (options.format === 'pdf') {
    const { exportHtml } = await import('../../../shared/export/export-request');
    await printHtml(exportHtml(negotiation, options), meta.title);
    return { done: 'printing' };
  }
  const { exportBytes, EXPORT_FILE_TYPES } = await import('../../../shared/export/export-bytes');
  const bytes = await exportBytes(negotiation, options);
  const type = EXPORT_FILE_TYPES[options.format];
  const fileName = exportName(negotiation, options, type.extension);
  downloadBytes(bytes, fileName, type.mime);
  return { done: 'downloaded', fileName, bytes: bytes.length };
}
