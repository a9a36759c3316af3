import type { PenholderEvents } from '../../shared/ipc/contract';
import { desktopApi } from './desktop-api';

/**
 * Listens to an event of the desktop app's main process (a menu command, a penholder:// link or an
 * opened file, the hosted session, the count of unsynced changes); returns the function that stops
 * listening. In the web edition there are none: nothing is listened to.
 */
export function onDesktopEvent<E extends keyof PenholderEvents>(event: E, listener: (payload: PenholderEvents[E]) => void): () => void {
  return desktopApi()?.on(event, listener) ?? (() => undefined);
}
