import type { ExportOptions } from '../../shared/export/export-bytes';
import { desktopApi } from './desktop-api';

/**
 * On the desktop, an export is written by the main process: the system's save dialog, the file written
 * atomically, a PDF printed by Chromium there (not the browser's print dialog). Null in the web edition
 * (the renderer builds and downloads the file itself); otherwise the file written and its size, or null
 * when the dialog was cancelled.
 */
export function desktopExporter(): ((negotiationId: string, options: ExportOptions) => Promise<{ filePath: string; bytes: number } | null>) | null {
  const api = desktopApi();
  if (!api) return null;
  // Only the fields set: the main process refuses unknown or undefined-valued fields it was not told of.
  return (negotiationId, options) => api.files.export(negotiationId, Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ExportOptions);
}
