import type { PenholderApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** The desktop app's bridge to the main process (main/electron/preload.ts); absent in the web edition. */
    penholder?: PenholderApi;
  }
}

/**
 * The desktop app's API, or null in the web edition. The only reader of `window.penholder` in the
 * renderer (lint holds it), so that the rest of the renderer asks one place which edition it runs in.
 */
export function desktopApi(): PenholderApi | null {
  return typeof window !== 'undefined' && window.penholder ? window.penholder : null;
}
